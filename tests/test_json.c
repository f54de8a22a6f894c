/* Strict JSON: the rules cJSON lacks, and the time helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

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
	char deep[64];
	int n = 0;

	(void)state;
	for (int i = 0; i < 16; i++) {
		deep[n++] = '[';
	}
	for (int i = 0; i < 16; i++) {
		deep[n++] = ']';
	}
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strictness), cmocka_unit_test(test_embedded_nul_byte),
		cmocka_unit_test(test_depth),      cmocka_unit_test(test_members),
		cmocka_unit_test(test_rfc3339),    cmocka_unit_test(test_format_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
