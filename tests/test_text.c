/* Sanitising credential text, and the reason table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mck/reason.h"
#include "mck/text.h"

#define FFFD "\xef\xbf\xbd"

static void expect(const char *in, const char *want)
{
	char out[256];

	mck_text_sanitize(in, out, sizeof(out));
	assert_string_equal(out, want);
}

static void test_sanitize(void **state)
{
	(void)state;
	expect("Anna Kowalska", "Anna Kowalska");
	expect("Γεώργιος Żółć", "Γεώργιος Żółć");
	expect("VALID\x1b[32m", "VALID" FFFD "[32m");      /* terminal escape */
	expect("a\nb\tc\x7f", "a" FFFD "b" FFFD "c" FFFD); /* controls, DEL */
	expect("\xc2\x9b"
	       "31m",
	       FFFD "31m");                                      /* C1 CSI */
	expect("abc\xe2\x80\xaeLAVNI", "abc" FFFD "LAVNI");      /* RLO */
	expect("x\xe2\x81\xa6y\xe2\x81\xa9", "x" FFFD "y" FFFD); /* isolates */
	expect("zero\xe2\x80\x8bwidth\xef\xbb\xbf", "zero" FFFD "width" FFFD);
	expect("bad\xff\xfe", "bad" FFFD FFFD); /* invalid UTF-8 */
	expect("trunc\xe2\x80", "trunc" FFFD FFFD);
}

static void test_truncation(void **state)
{
	char out[8];

	(void)state;
	/* 7 bytes of room: 4 characters and "…" (3 bytes) */
	assert_int_equal(mck_text_sanitize("abcdefghij", out, sizeof(out)), 7);
	assert_string_equal(out, "abcd\xe2\x80\xa6");
	/* never cut inside a multi-byte character */
	mck_text_sanitize("ééééé", out, sizeof(out));
	assert_string_equal(out, "éé\xe2\x80\xa6");
	assert_int_equal(mck_text_sanitize("x", out, 0), 0);
}

static void test_reason_table(void **state)
{
	(void)state;
	assert_string_equal(mck_reason_code(MCK_REASON_KEY_UNKNOWN), "key_unknown");
	assert_int_equal(mck_reason_verdict(MCK_REASON_INCOMPLETE), MCK_VERDICT_WARNING);
	assert_int_equal(mck_verdict_of(0), MCK_VERDICT_VALID);
	assert_int_equal(mck_verdict_of(MCK_REASON_BIT(MCK_REASON_TRUSTLIST_STALE) |
					MCK_REASON_BIT(MCK_REASON_EXPIRED)),
			 MCK_VERDICT_INVALID);
	assert_int_equal(mck_verdict_of(MCK_REASON_BIT(MCK_REASON_TRUSTLIST_INVALID)),
			 MCK_VERDICT_UNUSABLE);
	/* bits outside the table fail closed */
	assert_int_equal(mck_verdict_of((mck_reasons)1u << 31), MCK_VERDICT_UNUSABLE);
	assert_null(mck_reason_code(MCK_REASON_COUNT));
	for (unsigned r = 0; r < MCK_REASON_COUNT; r++) {
		assert_non_null(mck_reason_code((enum mck_reason)r));
		assert_non_null(mck_reason_text((enum mck_reason)r));
	}
	assert_int_equal(mck_verdict_exit_code(MCK_VERDICT_UNREADABLE), 3);
	assert_int_equal(mck_verdict_exit_code(MCK_VERDICT_UNUSABLE), 4);
	assert_null(mck_verdict_name(MCK_VERDICT_UNUSABLE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_reason_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
