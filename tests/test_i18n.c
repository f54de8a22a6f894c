/* The catalogue: every language has every string, with the same placeholders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
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

/* Code points, not bytes: the screen's budget is in characters. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		n += ((unsigned char)*s & 0xc0) != 0x80;
	}
	return n;
}

static bool contains_any(const char *s, const char *const *words)
{
	for (; *words != NULL; words++) {
		if (strstr(s, *words) != NULL) {
			return true;
		}
	}
	return false;
}

/*
 * What a reason sentence tells the reader to do, as each language words it. Stems, so that
 * inflection ("obsługę", "obsługi"; "μηχάνημα", "μηχανήματος") still matches.
 */
static const char *const do_not_accept[MCK_LANG_COUNT][3] = {
	[MCK_LANG_EN] = {"Do not accept"},
	[MCK_LANG_PL] = {"Nie przyjmuj"},
	[MCK_LANG_DE] = {"nicht annehmen"},
	[MCK_LANG_FR] = {"Ne l'acceptez pas", "N'acceptez pas"},
	[MCK_LANG_EL] = {"Μην το αποδεχτείτε", "Μην αποδεχτείτε"},
	[MCK_LANG_IT] = {"Non accettarla", "Non accettare"},
	[MCK_LANG_ES] = {"No la acepte", "No acepte"},
};
static const char *const ask_staff[MCK_LANG_COUNT][3] = {
	[MCK_LANG_EN] = {"ask staff", "Ask staff"},
	[MCK_LANG_PL] = {"obsług"},
	[MCK_LANG_DE] = {"Personal"},
	[MCK_LANG_FR] = {"personnel"},
	[MCK_LANG_EL] = {"προσωπικό"},
	[MCK_LANG_IT] = {"personale"},
	[MCK_LANG_ES] = {"personal"},
};
static const char *const this_kiosk[MCK_LANG_COUNT][3] = {
	[MCK_LANG_EN] = {"kiosk"},
	[MCK_LANG_PL] = {"kiosk"},
	[MCK_LANG_DE] = {"Terminal"},
	[MCK_LANG_FR] = {"borne"},
	[MCK_LANG_EL] = {"μηχάνημα", "μηχανήματ"},
	[MCK_LANG_IT] = {"terminale"},
	[MCK_LANG_ES] = {"quiosco"},
};
static const char *const accept_word[MCK_LANG_COUNT][3] = {
	[MCK_LANG_EN] = {"accept", "Accept"},        [MCK_LANG_PL] = {"przyj", "Przyj"},
	[MCK_LANG_DE] = {"annehmen", "Annahme"},     [MCK_LANG_FR] = {"accept", "Accept"},
	[MCK_LANG_EL] = {"αποδεχ", "Αποδεχ"},        [MCK_LANG_IT] = {"accett", "Accett"},
	[MCK_LANG_ES] = {"acept", "Acept", "Acépt"},
};
static const char *const show_word[MCK_LANG_COUNT][3] = {
	[MCK_LANG_EN] = {"show", "Show"},
	[MCK_LANG_PL] = {"pokaż", "Pokaż"},
	[MCK_LANG_DE] = {"zeigen"},
	[MCK_LANG_FR] = {"présent", "Présent"},
	[MCK_LANG_EL] = {"δείξτε", "Δείξτε"},
	[MCK_LANG_IT] = {"mostra", "Mostra"},
	[MCK_LANG_ES] = {"uestre", "Muéstre"},
};
/* "damaged" in each language: said only of what is damaged. */
static const char *const damaged[MCK_LANG_COUNT][3] = {
	[MCK_LANG_EN] = {"damaged"},    [MCK_LANG_PL] = {"uszkodz"},
	[MCK_LANG_DE] = {"beschädigt"}, [MCK_LANG_FR] = {"endommag"},
	[MCK_LANG_EL] = {"κατεστραμμ"}, [MCK_LANG_IT] = {"danneggi"},
	[MCK_LANG_ES] = {"dañad"},
};

/* Faults of the kiosk, not of the credential: the learner is never blamed for them. */
static bool kiosk_side(enum mck_reason r)
{
	switch (r) {
	case MCK_REASON_TRUSTLIST_MISSING:
	case MCK_REASON_TRUSTLIST_INVALID:
	case MCK_REASON_ANCHOR_MISSING:
	case MCK_REASON_TRUSTLIST_EXPIRED:
	case MCK_REASON_TRUSTLIST_STALE:
	case MCK_REASON_CLOCK_UNSET:
	case MCK_REASON_STATUS_UNKNOWN:
	case MCK_REASON_REVOCATION_LIST_STALE:
		return true;
	default:
		return false;
	}
}

/* Fails naming the language, the reason and the sentence: 189 sentences are checked. */
static void expect(bool ok, const char *what, int lang, enum mck_reason r, const char *s)
{
	if (!ok) {
		print_error("%s/%s: %s: \"%s\"\n", mck_i18n_code((enum mck_lang)lang),
			    mck_reason_code(r), what, s != NULL ? s : "(null)");
		fail();
	}
}

/* Every reason says what happened and what to do, in every language. */
static void test_reasons_say_what_to_do(void **state)
{
	(void)state;
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		for (int i = 0; i < MCK_REASON_COUNT; i++) {
			enum mck_reason r = (enum mck_reason)i;
			const char *s = mck__i18n_reason_raw((enum mck_lang)l, r);
			const char *en = mck__i18n_reason_raw(MCK_LANG_EN, r);
			enum mck_verdict v = mck_reason_verdict(r);

			expect(s != NULL && s[0] != '\0', "empty", l, r, s);
			expect(l == MCK_LANG_EN || strcmp(s, en) != 0, "not translated", l, r, s);
			/* Two lines of the band on the 480x800 portrait panel. */
			expect(utf8_chars(s) <= 105, "too long", l, r, s);
			expect(!contains_any(s, damaged[l]), "says damaged", l, r, s);
			if (kiosk_side(r)) {
				expect(contains_any(s, this_kiosk[l]), "not the kiosk's", l, r, s);
				expect(contains_any(s, ask_staff[l]), "no ask staff", l, r, s);
				expect(!contains_any(s, do_not_accept[l]), "blames", l, r, s);
			} else if (v == MCK_VERDICT_INVALID) {
				expect(contains_any(s, do_not_accept[l]), "no do not accept", l, r,
				       s);
				expect(!contains_any(s, this_kiosk[l]), "blames the kiosk", l, r,
				       s);
			} else if (v == MCK_VERDICT_UNREADABLE) {
				expect(contains_any(s, show_word[l]), "no show again", l, r, s);
			}
			/* A warning is amber: its sentence says whether to accept. */
			if (v == MCK_VERDICT_WARNING) {
				expect(contains_any(s, accept_word[l]), "no accept", l, r, s);
				expect(!contains_any(s, do_not_accept[l]), "do not accept", l, r,
				       s);
			}
		}
	}
}

/* "damaged" only for what is damaged: the installed trust data, never a credential. */
static void test_damaged_only_when_damaged(void **state)
{
	(void)state;
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		for (int k = 0; k < MCK_TEXT_COUNT; k++) {
			const char *s = mck__i18n_text_raw((enum mck_lang)l, (enum mck_text)k);

			assert_int_equal(contains_any(s, damaged[l]),
					 k == MCK_TEXT_ERROR_TRUSTLIST_DAMAGED);
		}
	}
	assert_null(strstr(mck_reason_text(MCK_REASON_MALFORMED), "damaged"));
	/* A value outside the spec is not damage: it is not in the agreed format. */
	assert_non_null(strstr(mck_reason_text(MCK_REASON_MALFORMED), "agreed"));
	assert_non_null(strstr(mck_reason_text(MCK_REASON_MALFORMED), "format"));
}

/* What the learner shows and the spec's enumerated values are words in every language. */
static void test_enumerations_translated(void **state)
{
	static const enum mck_text keys[] = {
		MCK_TEXT_SHOWN_URL,
		MCK_TEXT_SHOWN_URL_NO_HOST,
		MCK_TEXT_SHOWN_WIFI,
		MCK_TEXT_SHOWN_EU_DCC,
		MCK_TEXT_SHOWN_SMART_HEALTH_CARD,
		MCK_TEXT_SHOWN_VCARD,
		MCK_TEXT_SHOWN_TEXT,
		MCK_TEXT_SHOWN_ACTION,
		MCK_TEXT_PARTICIPATION_ONLINE,
		MCK_TEXT_PARTICIPATION_ONSITE,
		MCK_TEXT_PARTICIPATION_BLENDED,
		MCK_TEXT_SUPERVISION_NONE,
		MCK_TEXT_SUPERVISION_ONLINE,
		MCK_TEXT_SUPERVISION_ONSITE,
	};

	(void)state;
	for (int l = MCK_LANG_EN + 1; l < MCK_LANG_COUNT; l++) {
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			const char *s = mck__i18n_text_raw((enum mck_lang)l, keys[i]);
			const char *en = mck__i18n_text_raw(MCK_LANG_EN, keys[i]);

			assert_non_null(s);
			check_string(s, en);
			assert_string_not_equal(s, en);
		}
	}
	/* The web link names its host, and only through the one placeholder. */
	assert_non_null(strstr(mck_i18n_text(MCK_LANG_EN, MCK_TEXT_SHOWN_URL), "%s"));
	assert_null(strchr(mck_i18n_text(MCK_LANG_EN, MCK_TEXT_SHOWN_URL_NO_HOST), '%'));
}

/* The spec's enumerated values (credential-format.md §3, items 10 and supervision) in words. */
static void test_spec_values(void **state)
{
	static const char *const participation[] = {"online", "onsite", "blended"};
	static const char *const supervision[] = {"none", "supervised-online", "supervised-onsite"};
	static const char *const not_values[] = {"",        "Online",  "online ", " onsite",
						 "on site", "onsiteX", "blend",   "supervised",
						 "NONE",    "hybrid"};

	(void)state;
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		enum mck_lang lang = (enum mck_lang)l;

		for (int i = 0; i < 3; i++) {
			assert_string_equal(
				mck_i18n_participation(lang, participation[i]),
				mck_i18n_text(lang,
					      (enum mck_text)(MCK_TEXT_PARTICIPATION_ONLINE + i)));
			assert_string_equal(
				mck_i18n_supervision(lang, supervision[i]),
				mck_i18n_text(lang,
					      (enum mck_text)(MCK_TEXT_SUPERVISION_NONE + i)));
			/* One enumeration's values are not the other's. */
			assert_null(mck_i18n_participation(lang, supervision[i]));
			assert_null(mck_i18n_supervision(lang, participation[i]));
		}
		for (size_t i = 0; i < sizeof(not_values) / sizeof(not_values[0]); i++) {
			assert_null(mck_i18n_participation(lang, not_values[i]));
			assert_null(mck_i18n_supervision(lang, not_values[i]));
		}
		assert_null(mck_i18n_participation(lang, NULL));
		assert_null(mck_i18n_supervision(lang, NULL));
	}
	assert_string_equal(mck_i18n_participation(MCK_LANG_EN, "onsite"), "on site");
	assert_string_equal(mck_i18n_participation(MCK_LANG_DE, "onsite"), "vor Ort");
	assert_string_equal(mck_i18n_supervision(MCK_LANG_FR, "supervised-online"),
			    "surveillance en ligne");
	assert_string_equal(mck_i18n_supervision(MCK_LANG_EN, "none"), "not supervised");
	/* An unknown language falls back to English, as every lookup does. */
	assert_string_equal(mck_i18n_participation((enum mck_lang)99, "blended"),
			    "blended (online and on site)");
	assert_string_equal(mck_i18n_supervision((enum mck_lang) - 1, "supervised-onsite"),
			    "supervised on site");
}

/* The next code point of UTF-8 @p *s (already checked valid), advancing *s. */
static unsigned next_cp(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned c = p[0];
	unsigned n = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;

	c &= n == 0 ? 0x7fu : 0x3fu >> n;
	for (unsigned i = 1; i <= n; i++) {
		c = c << 6 | (p[i] & 0x3fu);
	}
	*s = p + n + 1;
	return c;
}

/*
 * Only characters the kiosk's text fonts draw (NotoSans Regular and Bold of fonts-noto-core):
 * ASCII, Latin-1, Latin Extended-A, Greek and a few punctuation marks. They lack U+2192 "→",
 * which would be drawn as an empty box.
 */
static bool in_text_font(unsigned c)
{
	static const unsigned punctuation[] = {0x2013, 0x2014, 0x2018, 0x2019, 0x201c,
					       0x201d, 0x201e, 0x2022, 0x2026, 0x20ac};

	if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x17f)) {
		return true;
	}
	if (c >= 0x384 && c <= 0x3ce) {
		return c != 0x38b && c != 0x38d && c != 0x3a2; /* unassigned */
	}
	for (size_t i = 0; i < sizeof(punctuation) / sizeof(punctuation[0]); i++) {
		if (c == punctuation[i]) {
			return true;
		}
	}
	return false;
}

static void expect_drawable(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';) {
		unsigned c = next_cp(&p);

		if (!in_text_font(c)) {
			print_error("U+%04X not in the text font: \"%s\"\n", c, s);
			fail();
		}
	}
}

static void test_glyphs_in_font(void **state)
{
	(void)state;
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		for (int k = 0; k < MCK_TEXT_COUNT; k++) {
			expect_drawable(mck__i18n_text_raw((enum mck_lang)l, (enum mck_text)k));
		}
		for (int r = 0; r < MCK_REASON_COUNT; r++) {
			expect_drawable(mck__i18n_reason_raw((enum mck_lang)l, (enum mck_reason)r));
		}
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
		cmocka_unit_test(test_reasons_say_what_to_do),
		cmocka_unit_test(test_damaged_only_when_damaged),
		cmocka_unit_test(test_enumerations_translated),
		cmocka_unit_test(test_spec_values),
		cmocka_unit_test(test_glyphs_in_font),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
