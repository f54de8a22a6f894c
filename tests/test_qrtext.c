/* MC1 QR text forms and chunk assembly (credential-format.md §1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/qrtext.h"

static struct mck_qrtext *q;
static char out[MCK_JWS_TEXT_MAX + 1];

static int setup(void **state)
{
	(void)state;
	q = malloc(sizeof(*q));
	mck_qrtext_init(q);
	return q == NULL;
}

static int teardown(void **state)
{
	(void)state;
	mck_qrtext_free(q);
	free(q);
	return 0;
}

/* The compact digits of a JWS text: two digits per character, ord(c) - 45. */
static void digits_of(const char *jws, char *buf)
{
	for (; *jws != '\0'; jws++) {
		buf += sprintf(buf, "%02d", *jws - 45);
	}
}

static int assemble(enum mck_reason *reason)
{
	size_t len;

	return mck_qrtext_assemble(q, out, sizeof(out), &len, reason);
}

static void test_compact_table(void **state)
{
	enum mck_reason r;
	char text[64];

	(void)state;
	/* The examples of §1: '-'→00, '.'→01, '0'→03, 'A'→20, '_'→50, 'z'→77 */
	strcpy(text, "MC1:/000103205077");
	assert_int_equal(mck_qrtext_add(q, text, strlen(text)), MCK_QRTEXT_COMPACT);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, "-.0A_z");
}

static void test_compact_rejects(void **state)
{
	static const char *const bad[] = {"MC1:/78", "MC1:/0", "MC1:/0a", "MC1:/01 02", "MC1:/"};
	enum mck_reason r;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		mck_qrtext_init(q);
		(void)mck_qrtext_add(q, bad[i], strlen(bad[i]));
		assert_int_equal(assemble(&r), -1);
		assert_int_equal(r, MCK_REASON_MALFORMED);
	}
}

static void test_not_a_credential(void **state)
{
	static const char *const other[] = {"https://example.org/hello",
					    "mc1:/0102",
					    "MC1/0102",
					    "abc.def",
					    "a.b.c.d",
					    "WIFI:S:net;;"};
	enum mck_reason r;

	(void)state;
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		mck_qrtext_init(q);
		assert_int_equal(mck_qrtext_add(q, other[i], strlen(other[i])), MCK_QRTEXT_OTHER);
		assert_int_equal(assemble(&r), -1);
		assert_int_equal(r, MCK_REASON_NOT_A_CREDENTIAL);
	}
}

static void test_plain(void **state)
{
	enum mck_reason r;

	(void)state;
	assert_int_equal(mck_qrtext_add(q, "eyJh.eyJi.c2ln", 14), MCK_QRTEXT_PLAIN);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, "eyJh.eyJi.c2ln");
}

static void test_chunks_any_order(void **state)
{
	const char *jws = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl";
	char digits[256];
	char chunk[3][128];
	size_t total;
	size_t part;
	enum mck_reason r;

	(void)state;
	digits_of(jws, digits);
	total = strlen(digits);
	part = total / 3 + 1; /* odd split points: a digit pair may span chunks */
	for (int i = 0; i < 3; i++) {
		size_t off = (size_t)i * part;
		size_t n = off + part > total ? total - off : part;
		snprintf(chunk[i], sizeof(chunk[i]), "MC1:/%d/3/%.*s", i + 1, (int)n, digits + off);
	}
	assert_int_equal(mck_qrtext_add(q, chunk[2], strlen(chunk[2])), MCK_QRTEXT_CHUNK);
	assert_int_equal(mck_qrtext_have(q), 1);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_CHUNKS_INCOMPLETE);
	assert_int_equal(mck_qrtext_add(q, chunk[0], strlen(chunk[0])), MCK_QRTEXT_CHUNK);
	/* The same chunk scanned twice is harmless. */
	assert_int_equal(mck_qrtext_add(q, chunk[0], strlen(chunk[0])), MCK_QRTEXT_CHUNK);
	assert_int_equal(mck_qrtext_have(q), 2);
	assert_int_equal(mck_qrtext_add(q, chunk[1], strlen(chunk[1])), MCK_QRTEXT_CHUNK);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, jws);
}

static void test_chunk_conflicts(void **state)
{
	enum mck_reason r;

	(void)state;
	/* i > n, i = 0 */
	assert_int_equal(mck_qrtext_add(q, "MC1:/3/2/0001", 13), MCK_QRTEXT_MALFORMED);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_MALFORMED);
	mck_qrtext_init(q);
	assert_int_equal(mck_qrtext_add(q, "MC1:/0/2/0001", 13), MCK_QRTEXT_MALFORMED);
	/* a broken text beside a good one: the broken one is what is wrong */
	mck_qrtext_init(q);
	(void)mck_qrtext_add(q, "MC1:/1/2/0001", 13);
	(void)mck_qrtext_add(q, "MC1:/2/2/0x", 11);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_MALFORMED);
}

/* The reason code assemble gives (by name: the test compiles before the code exists). */
static const char *assemble_reason(void)
{
	enum mck_reason r = MCK_REASON_COUNT;

	assert_int_equal(assemble(&r), -1);
	return mck_reason_code(r);
}

/* @p a then @p b in one input: more than one credential, and a line saying so. */
static void expect_several(const char *a, const char *b, const char *detail_part)
{
	char detail[160];

	mck_qrtext_init(q);
	(void)mck_qrtext_add(q, a, strlen(a));
	(void)mck_qrtext_add(q, b, strlen(b));
	assert_string_equal(assemble_reason(), "several_credentials");
	assert_true(mck_qrtext_detail(q, detail, sizeof(detail)) > 0);
	print_message("%s + %s: %s\n", a, b, detail);
	assert_non_null(strstr(detail, detail_part));
	assert_non_null(strstr(detail, "one at a time"));
}

static void test_several_credentials(void **state)
{
	char detail[160];

	(void)state;
	/* two different whole credentials, in either form */
	expect_several("MC1:/0001", "MC1:/0002", "two different credentials");
	expect_several("MC1:/0001", "eyJh.eyJi.c2ln", "two different credentials");
	/* a whole credential beside a chunk of another, either way round */
	expect_several("MC1:/0001", "MC1:/1/2/0001", "part of another");
	expect_several("MC1:/1/2/0001", "MC1:/0001", "part of another");
	/* chunks of credentials with different chunk counts */
	expect_several("MC1:/1/2/0001", "MC1:/2/3/0001", "2 and 3 parts");
	/* two different texts for the same chunk: two credentials of as many parts */
	expect_several("MC1:/1/2/0001", "MC1:/1/2/0002", "part 1 of 2");
	/* a third text does not undo it */
	(void)mck_qrtext_add(q, "MC1:/2/2/0003", 13);
	assert_string_equal(assemble_reason(), "several_credentials");
	/* the same code twice (a camera, a photo of two copies) is one credential */
	mck_qrtext_init(q);
	(void)mck_qrtext_add(q, "MC1:/000103", 11);
	(void)mck_qrtext_add(q, "MC1:/000103", 11);
	assert_int_equal(mck_qrtext_detail(q, detail, sizeof(detail)), 0);
	assert_string_equal(detail, "");
	assert_int_equal(assemble(&(enum mck_reason){0}), 0);
	assert_string_equal(out, "-.0");
}

static void test_other_codes_beside_a_credential(void **state)
{
	enum mck_reason r;

	(void)state;
	/* A photo may show a poster's URL code beside the credential. */
	(void)mck_qrtext_add(q, "https://example.org", 19);
	(void)mck_qrtext_add(q, "MC1:/000103", 11);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, "-.0");
}

static void test_oversize(void **state)
{
	char *big = malloc(MCK_QRTEXT_MAX + 16);
	enum mck_reason r;

	(void)state;
	memcpy(big, "MC1:/", 5);
	memset(big + 5, '0', MCK_QRTEXT_MAX + 5);
	big[MCK_QRTEXT_MAX + 10] = '\0';
	assert_int_equal(mck_qrtext_add(q, big, strlen(big)), MCK_QRTEXT_MALFORMED);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_MALFORMED);
	/* More than one QR code holds is malformed whatever it looks like: no code
	 * read it (verifier-contract.md, a long line on standard input). */
	static const char *const looks[] = {"eyJh", "https://example.org/", "xxxx"};
	for (size_t i = 0; i < sizeof(looks) / sizeof(looks[0]); i++) {
		mck_qrtext_init(q);
		memset(big, 'a', MCK_QRTEXT_MAX + 10);
		memcpy(big, looks[i], strlen(looks[i]));
		big[MCK_QRTEXT_MAX / 2] = '.';
		big[MCK_QRTEXT_MAX / 2 + 10] = '.';
		assert_int_equal(mck_qrtext_add(q, big, MCK_QRTEXT_MAX + 1), MCK_QRTEXT_MALFORMED);
		assert_int_equal(assemble(&r), -1);
		assert_string_equal(mck_reason_code(r), "malformed");
	}
	/* one character less is a plain JWS as any other */
	mck_qrtext_init(q);
	assert_int_equal(mck_qrtext_add(q, big, MCK_QRTEXT_MAX), MCK_QRTEXT_PLAIN);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_compact_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compact_rejects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_credential, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chunks_any_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chunk_conflicts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_several_credentials, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_codes_beside_a_credential, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_oversize, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
