/* Strict JSON: the rules cJSON lacks, and the time helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json_hash.h"
#include "mck/err.h"
#include "mck/json.h"

static int parse(const char *s, int depth)
{
	cJSON *root = NULL;
	int rc = mck_json_parse((const uint8_t *)s, strlen(s), depth, &root);

	if (rc == MCK_OK) {
		assert_non_null(root);
	} else {
		assert_null(root);
	}
	cJSON_Delete(root);
	return rc;
}

static void test_strictness(void **state)
{
	(void)state;
	assert_int_equal(parse("{\"a\":[1,2,{\"b\":\"c\"}]}", 16), MCK_OK);
	assert_int_equal(parse("{\"a\":1} x", 16), MCK_ERR_JSON);       /* trailing bytes */
	assert_int_equal(parse("{\"a\":1,\"a\":2}", 16), MCK_ERR_JSON); /* duplicate */
	assert_int_equal(parse("{\"a\":{\"b\":1,\"b\":1}}", 16), MCK_ERR_JSON);
	assert_int_equal(parse("{\"a\":\"x\\u0000y\"}", 16), MCK_ERR_JSON);    /* hidden NUL */
	assert_int_equal(parse("{\"a\":\"\xc3\x28\"}", 16), MCK_ERR_JSON);     /* bad UTF-8 */
	assert_int_equal(parse("{\"a\":\"\xed\xa0\x80\"}", 16), MCK_ERR_JSON); /* surrogate */
	assert_int_equal(parse("{\"a\":\"\xc0\xaf\"}", 16), MCK_ERR_JSON);     /* overlong */
	assert_int_equal(parse("{\"A\":1,\"a\":2}", 16), MCK_OK);              /* case matters */
	assert_int_equal(parse("", 16), MCK_ERR_JSON);
}

static void test_embedded_nul_byte(void **state)
{
	static const uint8_t buf[] = "{\"a\":1}\0{\"b\":2}";
	cJSON *root = NULL;

	(void)state;
	/* cJSON would stop at the NUL and accept; the length says there is more. */
	assert_int_equal(mck_json_parse(buf, sizeof(buf) - 1, 16, &root), MCK_ERR_JSON);
}

static void test_depth(void **state)
{
	char deep[64] = "{\"a\":";
	int n = (int)strlen(deep);

	(void)state;
	/* the object and 15 arrays in it */
	for (int i = 0; i < 15; i++) {
		deep[n++] = '[';
	}
	for (int i = 0; i < 15; i++) {
		deep[n++] = ']';
	}
	deep[n++] = '}';
	deep[n] = '\0';
	assert_int_equal(parse(deep, 16), MCK_OK);
	assert_int_equal(parse(deep, 15), MCK_ERR_JSON);
	/* brackets inside strings do not count */
	assert_int_equal(parse("{\"a\":\"[[[[[[[[[[[[[[[[[[[[\"}", 2), MCK_OK);
}

static void test_members(void **state)
{
	cJSON *root = NULL;
	const char *s;
	int64_t t;
	double d;
	const char *json = "{\"s\":\"x\",\"n\":5,\"f\":1.5,\"big\":1e400,\"neg\":-1,"
			   "\"max\":253402300799,\"over\":253402300800,\"t\":[\"A\",\"B\"],"
			   "\"ts\":\"B\",\"tn\":[1]}";

	(void)state;
	assert_int_equal(mck_json_parse((const uint8_t *)json, strlen(json), 4, &root), MCK_OK);
	assert_int_equal(mck_json_string(root, "s", &s), 1);
	assert_string_equal(s, "x");
	assert_int_equal(mck_json_string(root, "S", &s), 0); /* case-sensitive */
	assert_int_equal(mck_json_string(root, "n", &s), -1);
	assert_int_equal(mck_json_time(root, "n", &t), 1);
	assert_int_equal(t, 5);
	assert_int_equal(mck_json_time(root, "f", &t), -1);
	assert_int_equal(mck_json_time(root, "big", &t), -1);
	assert_int_equal(mck_json_time(root, "neg", &t), -1);
	assert_int_equal(mck_json_time(root, "max", &t), 1);
	assert_int_equal(mck_json_time(root, "over", &t), -1);
	assert_int_equal(mck_json_nonneg(root, "f", &d), 1);
	assert_int_equal(mck_json_nonneg(root, "neg", &d), -1);
	assert_int_equal(mck_json_nonneg(root, "big", &d), -1);
	assert_int_equal(mck_json_has_type(root, "missing"), 0);
	cJSON *obj = cJSON_CreateObject();
	cJSON_AddItemReferenceToObject(obj, "type", cJSON_GetObjectItem(root, "t"));
	assert_int_equal(mck_json_has_type(obj, "B"), 1);
	assert_int_equal(mck_json_has_type(obj, "C"), 0);
	cJSON_Delete(obj);
	cJSON_Delete(root);
}

static void test_rfc3339(void **state)
{
	int64_t t;

	(void)state;
	assert_int_equal(mck_time_parse_rfc3339("1970-01-01T00:00:00Z", &t), MCK_OK);
	assert_int_equal(t, 0);
	assert_int_equal(mck_time_parse_rfc3339("2026-06-01T08:00:00Z", &t), MCK_OK);
	assert_int_equal(t, 1780300800);
	assert_int_equal(mck_time_parse_rfc3339("2026-06-01T10:00:00.123+02:00", &t), MCK_OK);
	assert_int_equal(t, 1780300800);
	assert_int_equal(mck_time_parse_rfc3339("2024-02-29T00:00:00Z", &t), MCK_OK);
	assert_int_equal(mck_time_parse_rfc3339("2023-02-29T00:00:00Z", &t), MCK_ERR_ENCODING);
	assert_int_equal(mck_time_parse_rfc3339("2026-06-01", &t), MCK_ERR_ENCODING);
	assert_int_equal(mck_time_parse_rfc3339("2026-06-01T08:00:00", &t), MCK_ERR_ENCODING);
	assert_int_equal(mck_time_parse_rfc3339("2026-13-01T08:00:00Z", &t), MCK_ERR_ENCODING);
	assert_int_equal(mck_time_parse_rfc3339("2026-06-01T24:00:00Z", &t), MCK_ERR_ENCODING);
	assert_int_equal(mck_time_parse_rfc3339("2026-06-01T08:00:00Zjunk", &t), MCK_ERR_ENCODING);
	assert_int_equal(mck_time_parse_rfc3339("1969-12-31T23:59:59Z", &t), MCK_ERR_ENCODING);
}

static void test_format_roundtrip(void **state)
{
	static const int64_t times[] = {0, 951782400 /* 2000-02-29 */, 1780300800,
					4102444800 /* 2100-01-01 */, MCK_TIME_MAX};
	char buf[21];
	int64_t back;

	(void)state;
	mck_time_format(1780300800, buf);
	assert_string_equal(buf, "2026-06-01T08:00:00Z");
	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		mck_time_format(times[i], buf);
		assert_int_equal(mck_time_parse_rfc3339(buf, &back), MCK_OK);
		assert_int_equal(back, times[i]);
	}
	mck_time_format(MCK_TIME_MAX, buf);
	assert_string_equal(buf, "9999-12-31T23:59:59Z");
}

/*
 * credential-format.md §4: every JSON text starts with "{"; a byte-order mark,
 * whitespace or any other byte before it is malformed. After it, whitespace is
 * JSON's as usual.
 */
static void test_starts_with_brace(void **state)
{
	(void)state;
	assert_int_equal(parse("{\"a\":1}", 16), MCK_OK);
	assert_int_equal(parse("{ \"a\" : 1 }\n", 16), MCK_OK);
	assert_int_equal(parse("\xef\xbb\xbf{\"a\":1}", 16), MCK_ERR_JSON); /* UTF-8 BOM */
	assert_int_equal(parse(" {\"a\":1}", 16), MCK_ERR_JSON);
	assert_int_equal(parse("\n{\"a\":1}", 16), MCK_ERR_JSON);
	assert_int_equal(parse("\r\n{\"a\":1}", 16), MCK_ERR_JSON);
	assert_int_equal(parse("\t{\"a\":1}", 16), MCK_ERR_JSON);
	assert_int_equal(parse("\xc2\xa0{\"a\":1}", 16), MCK_ERR_JSON);     /* no-break space */
	assert_int_equal(parse("\xe2\x80\x8b{\"a\":1}", 16), MCK_ERR_JSON); /* zero width */
	assert_int_equal(parse("\xef\xbb\xbf", 16), MCK_ERR_JSON);
	/* other JSON texts are not ours */
	assert_int_equal(parse("[{\"a\":1}]", 16), MCK_ERR_JSON);
	assert_int_equal(parse("\"a\"", 16), MCK_ERR_JSON);
	assert_int_equal(parse("1", 16), MCK_ERR_JSON);
	assert_int_equal(parse("null", 16), MCK_ERR_JSON);
}

/*
 * An object of @p n members "k0".."k{n-1}" (numbered from @p first), with member
 * @p dup (if < n) renamed to @p name; wrapped as {"o":{...}} when @p nested.
 */
static char *big_object(size_t n, size_t first, size_t dup, const char *name, bool nested)
{
	char *buf = malloc(n * 24 + 64);
	size_t pos = 0;

	assert_non_null(buf);
	pos += (size_t)sprintf(buf, "%s{", nested ? "{\"o\":" : "");
	for (size_t i = 0; i < n; i++) {
		if (i == dup) {
			pos += (size_t)sprintf(buf + pos, "%s\"%s\":%zu", i > 0 ? "," : "", name,
					       i);
		} else {
			pos += (size_t)sprintf(buf + pos, "%s\"k%zu\":%zu", i > 0 ? "," : "",
					       first + i, i);
		}
	}
	sprintf(buf + pos, "}%s", nested ? "}" : "");
	return buf;
}

static int parse_big(size_t n, size_t dup, const char *name, bool nested)
{
	char *json = big_object(n, 0, dup, name, nested);
	int rc = parse(json, 16);

	free(json);
	return rc;
}

/* Duplicate members anywhere in the largest object allowed are refused; distinct ones are not. */
static void test_duplicates_large(void **state)
{
	const size_t n = MCK_JSON_MAX_MEMBERS;
	char name[32];

	(void)state;
	for (int nested = 0; nested < 2; nested++) {
		assert_int_equal(parse_big(n, n, NULL, nested), MCK_OK);
		assert_int_equal(parse_big(n + 1, n + 1, NULL, nested), MCK_ERR_JSON);
		/* the start: the second member repeats the first */
		assert_int_equal(parse_big(n, 1, "k0", nested), MCK_ERR_JSON);
		/* the middle: a neighbour, and the first member again */
		snprintf(name, sizeof(name), "k%zu", n / 2 - 1);
		assert_int_equal(parse_big(n, n / 2, name, nested), MCK_ERR_JSON);
		assert_int_equal(parse_big(n, n / 2, "k0", nested), MCK_ERR_JSON);
		/* the end: the last member repeats the first, the middle, the one before */
		assert_int_equal(parse_big(n, n - 1, "k0", nested), MCK_ERR_JSON);
		snprintf(name, sizeof(name), "k%zu", n / 2);
		assert_int_equal(parse_big(n, n - 1, name, nested), MCK_ERR_JSON);
		snprintf(name, sizeof(name), "k%zu", n - 2);
		assert_int_equal(parse_big(n, n - 1, name, nested), MCK_ERR_JSON);
		/* names that share a prefix or differ in length only are distinct */
		assert_int_equal(parse_big(n, n - 1, "k", nested), MCK_OK);
		assert_int_equal(parse_big(n, n - 1, "k10230", nested), MCK_OK);
		assert_int_equal(parse_big(n, n - 1, "K0", nested), MCK_OK);
	}
	/* escapes are compared decoded: "\u006b0" is "k0" */
	assert_int_equal(parse_big(n, n - 1, "\\u006b0", false), MCK_ERR_JSON);
	assert_int_equal(parse("{\"a\":1,\"\\u00e9\":2,\"\xc3\xa9\":3}", 16), MCK_ERR_JSON);
}

/* json.c's member-name hash, to make names collide. */
static uint64_t name_hash(const char *s)
{
	return mck__json_name_hash(s, NULL);
}

/*
 * Names chosen to collide in json.c's table for 1,024 names (2,048 slots
 * indexed by the top 11 bits of its hash), which sends the check to its sorting
 * fallback: duplicates are still refused and distinct names still pass.
 */
static void test_duplicates_colliding(void **state)
{
	const size_t n = MCK_JSON_MAX_MEMBERS;
	char *buf = malloc(n * 24 + 64);
	char *names = calloc(n, 16);
	size_t found = 0;
	size_t pos;

	(void)state;
	assert_non_null(buf);
	assert_non_null(names);
	for (uint32_t i = 0; found < n; i++) {
		char *name = names + found * 16;

		snprintf(name, 16, "c%u", i);
		if ((name_hash(name) >> 53) == 5u) {
			found++;
		}
	}
	for (int round = 0; round < 3; round++) {
		pos = (size_t)sprintf(buf, "{");
		for (size_t i = 0; i < n; i++) {
			const char *name = names + i * 16;

			/* round 1: the last repeats the first; round 2: the middle repeats the last */
			if ((round == 1 && i == n - 1) || (round == 2 && i == n / 2)) {
				name = names + (round == 1 ? 0 : (n - 1) * 16);
			}
			pos += (size_t)sprintf(buf + pos, "%s\"%s\":0", i > 0 ? "," : "", name);
		}
		sprintf(buf + pos, "}");
		assert_int_equal(parse(buf, 16), round == 0 ? MCK_OK : MCK_ERR_JSON);
	}
	free(names);
	free(buf);
}

/* {"a":[@p x,@p x,@p y]} */
static char *join3(const char *x, const char *y)
{
	char *out = malloc(2 * strlen(x) + strlen(y) + 16);

	assert_non_null(out);
	sprintf(out, "{\"a\":[%s,%s,%s]}", x, x, y);
	return out;
}

struct seen {
	size_t count;
	size_t stop_at; /* fail with MCK_ERR_INVAL at this element */
	char first[32];
};

static int each_element(void *ctx, const cJSON *el, size_t index)
{
	struct seen *seen = ctx;

	assert_int_equal(index, seen->count);
	if (index == 0) {
		char *text = cJSON_PrintUnformatted(el);

		snprintf(seen->first, sizeof(seen->first), "%s", text);
		cJSON_free(text);
	}
	seen->count++;
	return index == seen->stop_at ? MCK_ERR_INVAL : MCK_OK;
}

/* mck_json_parse_each on @p s, streaming "a": its result, which mck_json_parse must share. */
static int parse_each(const char *s, struct seen *seen)
{
	cJSON *root = NULL;
	cJSON *whole = NULL;
	int rc;
	int rc_whole;

	memset(seen, 0, sizeof(*seen));
	seen->stop_at = SIZE_MAX;
	rc = mck_json_parse_each((const uint8_t *)s, strlen(s), 16, "a", each_element, seen, &root);
	rc_whole = mck_json_parse((const uint8_t *)s, strlen(s), 16, &whole);
	assert_int_equal(rc, rc_whole);
	if (rc == MCK_OK) {
		const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, "a");

		assert_non_null(root);
		/* the streamed member is left as an empty array, the others as parsed */
		if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(whole, "a"))) {
			assert_true(cJSON_IsArray(a));
			assert_null(a->child);
			assert_int_equal(seen->count,
					 cJSON_GetArraySize(cJSON_GetObjectItem(whole, "a")));
		} else {
			assert_int_equal(seen->count, 0);
			assert_true(cJSON_Compare(root, whole, 1));
		}
		assert_int_equal(cJSON_GetArraySize(root), cJSON_GetArraySize(whole));
	} else {
		assert_null(root);
	}
	cJSON_Delete(root);
	cJSON_Delete(whole);
	return rc;
}

/* The streaming parse accepts and refuses exactly what mck_json_parse does. */
static void test_parse_each(void **state)
{
	static const char *const same[] = {
		"{}",
		"{\"a\":[]}",
		"{\"a\":[ ]}",
		"{\"a\":[{\"x\":1},{\"x\":2}],\"b\":{\"c\":[1,2]}}",
		"{ \"b\" : 1 , \"a\" : [ 1 , \"two\" , [3] , {\"4\":4} , null , true ] }\r\n",
		"{\"a\":5}",
		"{\"a\":{\"a\":[1]}}",
		"{\"b\":{\"a\":[1,2]},\"a\":[0]}",
		"{\"\\u0061\":[1]}",
		"{\"a\":[1],\"b\":\"\xc3\xa9\"}",
	};
	static const char *const refused[] = {
		"",
		" {\"a\":[1]}",
		"\xef\xbb\xbf{\"a\":[1]}",
		"{\"a\":[\xef\xbb\xbf{\"x\":1}]}",
		"{\"a\":\xef\xbb\xbf[1]}",
		"{\"b\":\xef\xbb\xbf"
		"1,\"a\":[1]}",
		"{\"a\":[1,]}",
		"{\"a\":[,1]}",
		"{\"a\":[1 2]}",
		"{\"a\":[1}",
		"{\"a\":[1]",
		"{\"a\":[1]}}",
		"{\"a\":[1]} x",
		"{\"a\":[1],}",
		"{,\"a\":[1]}",
		"{\"a\" [1]}",
		"{a:[1]}",
		"{\"a\":[1],\"a\":[2]}",
		"{\"a\":[1],\"a\":2}",
		"{\"a\":[{\"x\":1,\"x\":2}]}",
		"{\"a\":[{\"x\":[{\"y\":1,\"y\":1}]}]}",
		"{\"a\":[\"\\u0000\"]}",
		"{\"a\":[\"\xc3\x28\"]}",
		"{\"a\":[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]}",
		"{\"a\":[\"x]}",
		"{\"a\":[tru]}",
		"{\"a\":[1],\"b\":}",
	};
	struct seen seen;
	cJSON *root = NULL;
	const char *s;

	(void)state;
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		assert_int_equal(parse_each(same[i], &seen), MCK_OK);
	}
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		assert_int_equal(parse_each(refused[i], &seen), MCK_ERR_JSON);
	}
	assert_int_equal(parse_each("{\"a\":[{\"x\":[1, 2]},0]}", &seen), MCK_OK);
	assert_int_equal(seen.count, 2);
	assert_string_equal(seen.first, "{\"x\":[1,2]}");
	/* the callback's error ends the parse and is its result */
	s = "{\"a\":[1,2,3,4],\"b\":1}";
	memset(&seen, 0, sizeof(seen));
	seen.stop_at = 1;
	assert_int_equal(mck_json_parse_each((const uint8_t *)s, strlen(s), 16, "a", each_element,
					     &seen, &root),
			 MCK_ERR_INVAL);
	assert_null(root);
	assert_int_equal(seen.count, 2);
	/* a large array in pieces, objects of the largest size allowed with a duplicate last */
	char *big = big_object(MCK_JSON_MAX_MEMBERS, 0, MCK_JSON_MAX_MEMBERS, NULL, false);
	char *dup = big_object(MCK_JSON_MAX_MEMBERS, 0, MCK_JSON_MAX_MEMBERS - 1, "k0", false);
	char *doc = join3(big, dup);

	assert_int_equal(parse_each(doc, &seen), MCK_ERR_JSON);
	assert_int_equal(seen.count, 2); /* the two before it */
	free(doc);
	doc = join3(big, big);
	assert_int_equal(parse_each(doc, &seen), MCK_OK);
	assert_int_equal(seen.count, 3);
	free(doc);
	free(big);
	free(dup);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strictness),
		cmocka_unit_test(test_embedded_nul_byte),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_members),
		cmocka_unit_test(test_rfc3339),
		cmocka_unit_test(test_format_roundtrip),
		cmocka_unit_test(test_duplicates_large),
		cmocka_unit_test(test_duplicates_colliding),
		cmocka_unit_test(test_starts_with_brace),
		cmocka_unit_test(test_parse_each),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
