/*
 * The UI's touch targets: what a finger at a point of the drawn screen means.
 * Drawn with the software renderer; no window, no display.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_targets_of_idle_and_picker),
		cmocka_unit_test(test_band_is_not_a_target),
		cmocka_unit_test(test_fault_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
