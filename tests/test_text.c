/* Sanitising credential text, and the reason table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* @p n copies of the UTF-8 mark @p mark after @p base, into a new string. */
static char *pile(const char *base, const char *mark, size_t n)
{
	size_t blen = strlen(base);
	size_t mlen = strlen(mark);
	char *s = malloc(blen + n * mlen + 1);

	assert_non_null(s);
	memcpy(s, base, blen);
	for (size_t i = 0; i < n; i++) {
		memcpy(s + blen + i * mlen, mark, mlen);
	}
	s[blen + n * mlen] = '\0';
	return s;
}

/* A pile of @p n marks on "x", then "y": at most two marks stay, the rest is one U+FFFD. */
static void expect_capped(const char *mark, size_t n)
{
	char *marks = pile("x", mark, n);
	size_t len = strlen(marks);
	char *in = malloc(len + 2);
	char *two = pile("x", mark, 2);
	char want[64];
	char out[256];

	assert_non_null(in);
	memcpy(in, marks, len);
	memcpy(in + len, "y", 2);
	free(marks);
	snprintf(want, sizeof(want), "%s" FFFD "y", two);
	mck_text_sanitize(in, out, sizeof(out));
	assert_string_equal(out, want);
	free(two);
	free(in);
}

static void test_combining_marks(void **state)
{
	char out[256];
	char *zalgo;

	(void)state;
	/* Vietnamese stacks two marks on one letter (NFD: e, dot below, circumflex) */
	expect("Nguye\xcc\xa3\xcc\x82n", "Nguye\xcc\xa3\xcc\x82n");
	expect("Nguy\xe1\xbb\x87n", "Nguy\xe1\xbb\x87n"); /* the same, precomposed */
	/* Greek dialytika and tonos (NFD), Thai vowel and tone mark, Arabic shadda and fatha */
	expect("\xce\xb9\xcc\x88\xcc\x81", "\xce\xb9\xcc\x88\xcc\x81");
	expect("\xe0\xb8\x81\xe0\xb8\xb4\xe0\xb9\x88", "\xe0\xb8\x81\xe0\xb8\xb4\xe0\xb9\x88");
	expect("\xd8\xaf\xd9\x91\xd9\x8e", "\xd8\xaf\xd9\x91\xd9\x8e");
	/* piles: every block of combining diacritics, and other scripts' marks */
	expect_capped("\xcc\x81", 3);         /* U+0301 */
	expect_capped("\xcd\xaf", 40);        /* U+036F */
	expect_capped("\xe1\xaa\xb0", 5);     /* U+1AB0 */
	expect_capped("\xe1\xb7\x80", 5);     /* U+1DC0 */
	expect_capped("\xe2\x83\x90", 5);     /* U+20D0 */
	expect_capped("\xe2\x83\x9d", 5);     /* U+20DD, enclosing */
	expect_capped("\xef\xb8\xa0", 5);     /* U+FE20 */
	expect_capped("\xe0\xb9\x88", 5);     /* U+0E48 Thai tone mark */
	expect_capped("\xd9\x8b", 5);         /* U+064B Arabic fathatan */
	expect_capped("\xf0\x9d\x85\xa7", 5); /* U+1D167, outside the BMP */
	/* the count starts again at every base character */
	expect("a\xcc\x81\xcc\x81"
	       "b\xcc\x81\xcc\x81",
	       "a\xcc\x81\xcc\x81"
	       "b\xcc\x81\xcc\x81");
	/* marks with no base at all */
	expect("\xcc\x81\xcc\x81\xcc\x81z", "\xcc\x81\xcc\x81" FFFD "z");
	/* thousands of marks: one row of text, not a column of ink */
	zalgo = pile("Anna", "\xcc\xb8", 5000);
	mck_text_sanitize(zalgo, out, sizeof(out));
	assert_string_equal(out, "Anna\xcc\xb8\xcc\xb8" FFFD);
	free(zalgo);
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
		cmocka_unit_test(test_combining_marks),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_reason_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
