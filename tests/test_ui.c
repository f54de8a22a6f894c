/*
 * The UI's touch targets: what a finger at a point of the drawn screen means.
 * Drawn with the software renderer; no window, no display.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/ui.h"

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

struct screen {
	SDL_Surface *surface;
	SDL_Renderer *r;
	struct mck_ui *ui;
};

static void open_screen(struct screen *s, int w, int h)
{
	char msg[256];

	s->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(s->surface);
	s->r = SDL_CreateSoftwareRenderer(s->surface);
	assert_non_null(s->r);
	s->ui = mck_ui_create(MCK_FONT_DIR, w, h, msg, sizeof(msg));
	assert_non_null(s->ui);
}

static void close_screen(struct screen *s)
{
	mck_ui_destroy(s->ui);
	SDL_DestroyRenderer(s->r);
	SDL_FreeSurface(s->surface);
}

static void centre(SDL_Rect b, int *x, int *y)
{
	*x = b.x + b.w / 2;
	*y = b.y + b.h / 2;
}

static void test_targets_of_idle_and_picker(void **state)
{
	static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}};
	struct mck_view v;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct screen s;
		enum mck_lang lang = MCK_LANG_EN;
		int x;
		int y;

		open_screen(&s, sizes[i][0], sizes[i][1]);
		memset(&v, 0, sizeof(v));
		v.status.have_trustlist = true;
		v.status.clock_ok = true;
		v.status.camera_ok = true;
		mck_ui_draw(s.ui, s.r, &v);
		/* Closed picker: no language to pick anywhere. */
		for (int l = 0; l < MCK_LANG_COUNT; l++) {
			assert_int_equal(mck_ui_hit_rect(s.ui, MCK_UI_HIT_PICK, l).w, 0);
		}
		centre(mck_ui_hit_rect(s.ui, MCK_UI_HIT_LANGUAGE, 0), &x, &y);
		assert_int_equal(mck_ui_hit_test(s.ui, x, y, &lang), MCK_UI_HIT_LANGUAGE);
		centre(mck_ui_hit_rect(s.ui, MCK_UI_HIT_STATUS, 0), &x, &y);
		assert_int_equal(mck_ui_hit_test(s.ui, x, y, &lang), MCK_UI_HIT_STATUS);
		assert_int_equal(mck_ui_hit_test(s.ui, sizes[i][0] / 2, 5, &lang), MCK_UI_HIT_NONE);
		assert_int_equal(mck_ui_hit_test(s.ui, -1, -1, &lang), MCK_UI_HIT_NONE);
		/* Open: each language's own target picks it. */
		v.picker = true;
		mck_ui_draw(s.ui, s.r, &v);
		for (int l = 0; l < MCK_LANG_COUNT; l++) {
			SDL_Rect b = mck_ui_hit_rect(s.ui, MCK_UI_HIT_PICK, l);

			centre(b, &x, &y);
			lang = MCK_LANG_EN;
			assert_int_equal(mck_ui_hit_test(s.ui, x, y, &lang), MCK_UI_HIT_PICK);
			assert_int_equal(lang, l);
			/* targets do not overlap */
			for (int m = 0; m < l; m++) {
				SDL_Rect o = mck_ui_hit_rect(s.ui, MCK_UI_HIT_PICK, m);
				assert_false(SDL_HasIntersection(&b, &o));
			}
		}
		close_screen(&s);
	}
}

/* On a result, the band is never a touch target, and the picker stays off it. */
static void test_band_is_not_a_target(void **state)
{
	struct screen s;
	struct mck_view v;
	SDL_Rect band;
	enum mck_lang lang;

	(void)state;
	open_screen(&s, 800, 480);
	memset(&v, 0, sizeof(v));
	v.screen = MCK_SCREEN_RESULT;
	v.verdict = MCK_VERDICT_VALID;
	v.status.have_trustlist = true;
	v.status.clock_ok = true;
	v.status.camera_ok = true;
	v.picker = true;
	mck_ui_draw(s.ui, s.r, &v);
	band = mck_ui_band_rect(s.ui);
	for (int y = band.y; y < band.y + band.h; y += 7) {
		for (int x = band.x; x < band.x + band.w; x += 7) {
			assert_int_equal(mck_ui_hit_test(s.ui, x, y, &lang), MCK_UI_HIT_NONE);
		}
	}
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		SDL_Rect b = mck_ui_hit_rect(s.ui, MCK_UI_HIT_PICK, l);
		assert_true(b.w > 0);
		assert_false(SDL_HasIntersection(&b, &band));
	}
	close_screen(&s);
}

/* Faults: which one the idle screen shows, in order of what to fix first. */
static void test_fault_order(void **state)
{
	struct mck_view v;
	enum mck_text t;

	(void)state;
	memset(&v, 0, sizeof(v));
	v.status.clock_ok = false;
	v.status.camera_ok = false;
	v.status.trustlist_expired = true;
	assert_true(mck_view_fault(&v, &t));
	assert_int_equal(t, MCK_TEXT_ERROR_TRUSTLIST_MISSING);
	v.status.have_trustlist = true;
	assert_true(mck_view_fault(&v, &t));
	assert_int_equal(t, MCK_TEXT_ERROR_NO_CAMERA);
	v.status.camera_ok = true;
	assert_true(mck_view_fault(&v, &t));
	assert_int_equal(t, MCK_TEXT_ERROR_TRUSTLIST_EXPIRED);
	v.status.trustlist_expired = false;
	assert_false(mck_view_fault(&v, &t)); /* a clock not set is a notice, not a stop */
}

/* The facts of a kiosk whose last update failed and whose revocation lists are nearly due. */
static void stale_view(struct mck_view *v, enum mck_lang lang)
{
	struct mck_view_status *s = &v->status;
	struct mck_view_fresh *f = &s->fresh;

	memset(v, 0, sizeof(*v));
	v->lang = lang;
	s->have_trustlist = true;
	s->clock_ok = true;
	s->camera_ok = true;
	s->sequence = 12;
	s->issuers = 240;
	snprintf(s->updated, sizeof(s->updated), "2026-11-28");
	snprintf(s->next_update, sizeof(s->next_update), "2026-12-28");
	f->trustlist = (struct mck_view_when){MCK_VIEW_KNOWN, "2026-11-28 06:00 UTC", 6 * 86400};
	f->status_lists = 37;
	f->status = (struct mck_view_when){MCK_VIEW_KNOWN, "2026-11-24 06:00 UTC", 10 * 86400};
	f->status_due = 2;
	snprintf(f->status_exp, sizeof(f->status_exp), "2026-12-07");
	f->success = (struct mck_view_when){MCK_VIEW_KNOWN, "2026-12-02 03:10 UTC", 2 * 86400 + 60};
	f->success_via = MCK_VIEW_VIA_STICK;
	f->attempt = (struct mck_view_when){MCK_VIEW_KNOWN, "2026-12-04 03:10 UTC", 5 * 3600};
	f->attempt_via = MCK_VIEW_VIA_NETWORK;
	f->attempt_failed = true;
	f->failed = true;
	snprintf(f->cause, sizeof(f->cause),
		 "mirror_unreadable: connect to updates.example-kiosk-mirror.eu:443 failed: "
		 "Connection timed out after 30001 milliseconds");
}

/* A translated format ("%lld days ago") filled in: data, which the compiler cannot check. */
static void fill(char *out, size_t cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, cap, fmt, ap);
	va_end(ap);
}

/* Every text drawn, joined by spaces (a wrapped line joins up again); @p all grows. */
static void collect(const struct mck_ui *ui, char *all, size_t cap, unsigned *ellipsized)
{
	const struct mck_ui_box *b;
	size_t n = mck_ui_text_boxes(ui, &b);

	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(all);

		if (b[i].kind != MCK_UI_BOX_TEXT || b[i].text == NULL) {
			continue;
		}
		*ellipsized += b[i].ellipsized;
		/* "Update-" "Versuch": a word broken at its hyphen joins up without a space */
		snprintf(all + used, cap - used, "%s%s",
			 used > 0 && all[used - 1] == '-' ? "" : " ", b[i].text);
	}
}

/* @p want, a format of @p key with one argument, is in @p all. */
static void expect_text(const char *all, const char *want, enum mck_lang lang)
{
	if (strstr(all, want) == NULL) {
		fprintf(stderr, "%s: \"%s\" not on the screen\n", mck_i18n_code(lang), want);
	}
	assert_non_null(strstr(all, want));
}

/*
 * The operator screen says how fresh the trust data is, in every language, on
 * the smallest panel: each line whole (scrolling brings the rest), nothing
 * overflows or is cut short; the status bar warns, short.
 */
static void test_operator_freshness(void **state)
{
	static const int sizes[][2] = {{800, 480}, {480, 800}};
	static struct mck_view v;
	static char all[32768];
	char want[256];

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct screen s;

		open_screen(&s, sizes[i][0], sizes[i][1]);
		mck_ui_trace_text(s.ui, true);
		for (int l = 0; l < MCK_LANG_COUNT; l++) {
			enum mck_lang lang = (enum mck_lang)l;
			unsigned cut = 0;

			stale_view(&v, lang);
			v.screen = MCK_SCREEN_OPERATOR;
			all[0] = '\0';
			for (unsigned k = 0; k < 40; k++) {
				v.scroll = k;
				mck_ui_draw(s.ui, s.r, &v);
				collect(s.ui, all, sizeof(all), &cut);
				if (mck_ui_scrolled_out(s.ui) == 0 ||
				    (k > 0 && mck_ui_scrolled_out(s.ui) <= k)) {
					break; /* the last page */
				}
			}
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_OPERATOR_STATUS_LISTS), lang);
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_OPERATOR_LAST_UPDATE), lang);
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_OPERATOR_LAST_ATTEMPT), lang);
			/* the trust list's and the oldest status list's age, in days */
			fill(want, sizeof(want), mck_i18n_text(lang, MCK_TEXT_AGE_DAYS), 6LL);
			expect_text(all, want, lang);
			fill(want, sizeof(want), mck_i18n_text(lang, MCK_TEXT_AGE_DAYS), 10LL);
			expect_text(all, want, lang);
			/* the last update, by stick; the last attempt, hours ago, failed, and why */
			expect_text(all, "2026-12-02 03:10 UTC", lang);
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_FRESH_STICK), lang);
			fill(want, sizeof(want), mck_i18n_text(lang, MCK_TEXT_AGE_HOURS), 5LL);
			expect_text(all, want, lang);
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_FRESH_FAILED), lang);
			expect_text(all, "Connection timed out after 30001 milliseconds", lang);
			fill(want, sizeof(want), mck_i18n_text(lang, MCK_TEXT_STATUS_LISTS_DUE),
			     "2026-12-07");
			expect_text(all, want, lang);
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_STATUS_UPDATE_FAILED), lang);
			assert_int_equal(cut, 0);
			/* nothing recorded: "never", not an empty line */
			v.status.fresh = (struct mck_view_fresh){0};
			v.scroll = 0;
			all[0] = '\0';
			for (unsigned k = 0; k < 40; k++) {
				v.scroll = k;
				mck_ui_draw(s.ui, s.r, &v);
				collect(s.ui, all, sizeof(all), &cut);
				if (mck_ui_scrolled_out(s.ui) <= k) {
					break;
				}
			}
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_FRESH_NEVER), lang);
			expect_text(all, mck_i18n_text(lang, MCK_TEXT_FRESH_NO_LISTS), lang);
			assert_null(
				strstr(all, mck_i18n_text(lang, MCK_TEXT_STATUS_UPDATE_FAILED)));
		}
		assert_int_equal(mck_ui_overflows(s.ui), 0);
		close_screen(&s);
	}
}

/*
 * The warnings are device facts for the status bar: on a result they stay out
 * of the verdict band, which says the verdict alone.
 */
static void test_freshness_not_in_band(void **state)
{
	static struct mck_view v;
	struct screen s;
	const struct mck_ui_box *b;
	SDL_Rect band;
	bool seen = false;
	size_t n;

	(void)state;
	open_screen(&s, 800, 480);
	mck_ui_trace_text(s.ui, true);
	stale_view(&v, MCK_LANG_EN);
	v.screen = MCK_SCREEN_RESULT;
	v.verdict = MCK_VERDICT_VALID;
	mck_ui_draw(s.ui, s.r, &v);
	band = mck_ui_band_rect(s.ui);
	n = mck_ui_text_boxes(s.ui, &b);
	for (size_t i = 0; i < n; i++) {
		const char *t = b[i].text;

		if (b[i].kind != MCK_UI_BOX_TEXT || t == NULL) {
			continue;
		}
		bool fresh = strstr(t, "Last update failed") != NULL ||
			     strstr(t, "Revocation lists") != NULL ||
			     strstr(t, "Connection timed out") != NULL;
		if (fresh) {
			seen = true;
			assert_false(SDL_HasIntersection(&b[i].rect, &band));
			assert_true(b[i].rect.y >= band.y + band.h);
		}
	}
	assert_true(seen); /* in the status bar */
	assert_int_equal(mck_ui_overflows(s.ui), 0);
	close_screen(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_targets_of_idle_and_picker),
		cmocka_unit_test(test_band_is_not_a_target),
		cmocka_unit_test(test_fault_order),
		cmocka_unit_test(test_operator_freshness),
		cmocka_unit_test(test_freshness_not_in_band),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
