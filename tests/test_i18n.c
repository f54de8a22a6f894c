/* The catalogue: every language has every string, with the same placeholders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mck/i18n.h"
#include "mck/json.h"

const char *mck__i18n_text_raw(enum mck_lang lang, enum mck_text key);
const char *mck__i18n_reason_raw(enum mck_lang lang, enum mck_reason reason);

/* The printf conversions of @p s, in order ("%u%u"). */
static void conversions(const char *s, char *out, size_t cap)
{
	size_t n = 0;

	for (; *s != '\0' && n + 4 < cap; s++) {
		if (*s != '%') {
			continue;
		}
		out[n++] = '%';
		s++;
		while (*s != '\0' && strchr("lz", *s) != NULL) {
			out[n++] = *s++;
		}
		if (*s == '\0') {
			break;
		}
		out[n++] = *s;
	}
	out[n] = '\0';
}

static void check_string(const char *s, const char *english)
{
	char a[32];
	char b[32];

	assert_non_null(s);
	assert_true(s[0] != '\0');
	assert_true(mck_utf8_valid((const uint8_t *)s, strlen(s)));
	/* No control characters: C0, DEL, and C1 (U+0080..U+009F, encoded C2 80..C2 9F). */
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		assert_true(*p >= 0x20 && *p != 0x7f);
		assert_false(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f);
	}
	conversions(s, a, sizeof(a));
	conversions(english, b, sizeof(b));
	assert_string_equal(a, b);
}

static void test_complete(void **state)
{
	(void)state;
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		unsigned same = 0;

		for (int k = 0; k < MCK_TEXT_COUNT; k++) {
			const char *s = mck__i18n_text_raw((enum mck_lang)l, (enum mck_text)k);
			const char *en = mck__i18n_text_raw(MCK_LANG_EN, (enum mck_text)k);

			check_string(s, en);
			same += l != MCK_LANG_EN && strcmp(s, en) == 0;
		}
		for (int r = 0; r < MCK_REASON_COUNT; r++) {
			const char *s = mck__i18n_reason_raw((enum mck_lang)l, (enum mck_reason)r);
			const char *en = mck__i18n_reason_raw(MCK_LANG_EN, (enum mck_reason)r);

			check_string(s, en);
			same += l != MCK_LANG_EN && strcmp(s, en) == 0;
		}
		/* Translated, not copied: at least 80 % differ ("ECTS" may stay the same). */
		assert_true(same * 5 <= MCK_TEXT_COUNT + MCK_REASON_COUNT);
	}
}

static void test_lookup(void **state)
{
	(void)state;
	assert_string_equal(mck_i18n_text(MCK_LANG_PL, MCK_TEXT_VERDICT_VALID), "WAŻNY");
	assert_string_equal(mck_i18n_text(MCK_LANG_EN, MCK_TEXT_VERDICT_INVALID), "NOT VALID");
	assert_string_equal(mck_i18n_reason(MCK_LANG_EN, MCK_REASON_REVOKED),
			    mck_reason_text(MCK_REASON_REVOKED));
	/* out of range falls back, never NULL */
	assert_non_null(mck_i18n_text((enum mck_lang)99, MCK_TEXT_IDLE_TITLE));
	assert_string_equal(mck_i18n_text((enum mck_lang)99, MCK_TEXT_IDLE_TITLE),
			    mck_i18n_text(MCK_LANG_EN, MCK_TEXT_IDLE_TITLE));
	assert_string_equal(mck_i18n_text((enum mck_lang) - 1, MCK_TEXT_VERDICT_VALID), "VALID");
	assert_string_equal(mck_i18n_reason((enum mck_lang)99, MCK_REASON_EXPIRED),
			    mck_reason_text(MCK_REASON_EXPIRED));
	assert_string_equal(mck_i18n_text(MCK_LANG_DE, MCK_TEXT_COUNT), "");
	assert_non_null(mck_i18n_reason(MCK_LANG_DE, MCK_REASON_COUNT));
	assert_string_equal(mck_i18n_code((enum mck_lang)99), "en");
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		assert_int_equal(mck_i18n_from_code(mck_i18n_code((enum mck_lang)l)), l);
	}
	assert_int_equal(mck_i18n_from_code("xx"), -1);
	assert_int_equal(mck_i18n_from_code("EN"), -1);
	assert_int_equal(mck_i18n_from_code("e"), -1);
	assert_int_equal(mck_i18n_from_code("eng"), -1);
	assert_int_equal(mck_i18n_from_code(""), -1);
	assert_int_equal(mck_i18n_from_code(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_lookup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
