/*
 * Drawing only what changed (mck_ui_render, mck_display_update), on SDL's
 * software renderer, no window:
 *  - every screen (test_legible's set), reached through a run of view changes
 *    (another screen, a countdown's tick, the clock, a new camera picture,
 *    the language picker, scrolling, another language), has the pixels and
 *    the boxes of a fresh full draw (mck_ui_draw);
 *  - a view that did not change draws nothing: the target is not touched;
 *    a tick of the countdown or a new picture paints that part alone;
 *  - the panel turned (display.c) still shows the full draw, turned;
 *  - a view's texts go from the caches, wiped, when the view changes.
 *
 * Usage: test_redraw [--sample]: every screen on each panel in one language
 * (every language on some panel) instead of 16 panels x languages; for the
 * sanitizer build, where the native build runs them all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "display.h"
#include "mck/ui.h"
#include "ui_views.h"

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

struct panel {
	int w, h;
	double w_mm, h_mm;
};

static const struct panel panels[] = {
	{800, 480, 800 * 25.4 / 133, 480 * 25.4 / 133},
	{1024, 600, 153.4, 89.9},
	{480, 800, 480 * 25.4 / 133, 800 * 25.4 / 133},
	{1280, 720, 1280 * 25.4 / 133, 720 * 25.4 / 133},
};

struct screen {
	SDL_Surface *surface;
	SDL_Renderer *r;
	struct mck_ui *ui;
	int w, h;
};

static void open_screen(struct screen *s, const struct panel *p)
{
	char msg[256];

	s->w = p->w;
	s->h = p->h;
	s->surface = SDL_CreateRGBSurfaceWithFormat(0, p->w, p->h, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(s->surface);
	s->r = SDL_CreateSoftwareRenderer(s->surface);
	assert_non_null(s->r);
	s->ui = mck_ui_create_physical(MCK_FONT_DIR, p->w, p->h, p->w_mm, p->h_mm, msg,
				       sizeof(msg));
	assert_non_null(s->ui);
}

static void close_screen(struct screen *s)
{
	mck_ui_forget(s->ui); /* before its renderer goes */
	mck_ui_destroy(s->ui);
	SDL_DestroyRenderer(s->r);
	SDL_FreeSurface(s->surface);
}

static uint8_t *pixels(const struct screen *s)
{
	uint8_t *px = malloc((size_t)s->w * (size_t)s->h * 3);

	assert_non_null(px);
	assert_int_equal(SDL_RenderReadPixels(s->r, NULL, SDL_PIXELFORMAT_RGB24, px, s->w * 3), 0);
	return px;
}

static unsigned failures;

/*
 * The RGB bytes in which @p a's surface differs from @p b's, the first such
 * pixel's index in @p first. Read where the software renderer drew them, once
 * its queue is flushed, instead of through SDL_RenderReadPixels: that converts
 * a copy for each draw compared, most of this test's time (and under ASan each
 * copy is a large allocation, its shadow mapped and poisoned).
 */
static size_t rgb_differ(const struct screen *a, const struct screen *b, size_t *first)
{
	size_t n = 0;

	assert_int_equal(SDL_RenderFlush(a->r), 0);
	assert_int_equal(SDL_RenderFlush(b->r), 0);
	assert_int_equal(a->surface->format->BytesPerPixel, 4);
	for (int y = 0; y < a->h; y++) {
		const uint8_t *ra =
			(const uint8_t *)a->surface->pixels + (size_t)y * a->surface->pitch;
		const uint8_t *rb =
			(const uint8_t *)b->surface->pixels + (size_t)y * b->surface->pitch;

		if (memcmp(ra, rb, (size_t)a->w * 4) == 0) {
			continue;
		}
		for (int x = 0; x < a->w; x++) {
			Uint32 pa;
			Uint32 pb;
			Uint32 d;

			memcpy(&pa, ra + (size_t)x * 4, 4);
			memcpy(&pb, rb + (size_t)x * 4, 4);
			/* RGB888: the top byte is no colour */
			d = (pa ^ pb) & 0xffffffu;
			if (d != 0 && n == 0) {
				*first = (size_t)y * (size_t)a->w + (size_t)x;
			}
			n += ((d & 0xffu) != 0) + ((d & 0xff00u) != 0) + ((d & 0xff0000u) != 0);
		}
	}
	return n;
}

/* The cached render against a fresh full draw: pixels and boxes. */
static void same_as_full(struct screen *cached, struct screen *full, const struct mck_view *v,
			 const char *what)
{
	const struct mck_ui_box *a;
	const struct mck_ui_box *b;
	size_t na;
	size_t nb;
	size_t n;
	size_t first = 0;

	mck_ui_render(cached->ui, cached->r, v, MCK_UI_RENDER_KEPT);
	mck_ui_draw(full->ui, full->r, v);
	n = rgb_differ(cached, full, &first);
	if (n != 0) {
		fprintf(stderr, "%dx%d %s: %zu bytes differ, the first at (%zu, %zu)\n", cached->w,
			cached->h, what, n, first % (size_t)cached->w, first / (size_t)cached->w);
		failures++;
	}
	na = mck_ui_text_boxes(cached->ui, &a);
	nb = mck_ui_text_boxes(full->ui, &b);
	if (na != nb) {
		fprintf(stderr, "%dx%d %s: %zu boxes, the full draw %zu\n", cached->w, cached->h,
			what, na, nb);
		failures++;
		return;
	}
	for (size_t i = 0; i < na; i++) {
		if (a[i].kind != b[i].kind ||
		    memcmp(&a[i].rect, &b[i].rect, sizeof(SDL_Rect)) != 0 ||
		    a[i].parent != b[i].parent || a[i].layer != b[i].layer ||
		    a[i].role != b[i].role || a[i].ellipsized != b[i].ellipsized) {
			fprintf(stderr, "%dx%d %s: box %zu differs\n", cached->w, cached->h, what,
				i);
			failures++;
			return;
		}
	}
}

static const char *const codes[] = {"en", "pl", "de", "fr", "el", "it", "es"};

/*
 * Every screen after the one before it, then changed as the kiosk changes
 * views: each step compared with a full draw.
 */
static void run_screens(const struct panel *p, int first, int langs)
{
	static struct mck_view v;
	struct screen cached;
	struct screen full;
	char what[96];

	open_screen(&cached, p);
	open_screen(&full, p);
	for (int l = first; l < first + langs; l++) {
		for (size_t sc = 0; sc < mck_test_view_count; sc++) {
			const char *name = mck_test_view_screens[sc];

#define STEP(fmt, ...)                                                                             \
	do {                                                                                       \
		snprintf(what, sizeof(what), "%s %s " fmt, name, codes[l], __VA_ARGS__);           \
		same_as_full(&cached, &full, &v, what);                                            \
	} while (0)
			mck_test_view_paint_picture((unsigned)sc);
			mck_test_view_make(&v, name, (enum mck_lang)l);
			STEP("%s", "shown");
			/* the countdown ticks, past 10 (its width) and on screens without one */
			v.countdown_s = 100;
			STEP("%s", "100 s");
			for (unsigned t = 11; t >= 8; t--) {
				v.countdown_s = t;
				STEP("%u s", t);
			}
			/* the clock's minute and seconds of uptime */
			v.op.uptime_s += 1;
			STEP("%s", "uptime +1 s");
			v.op.uptime_s += 60;
			snprintf(v.op.now, sizeof(v.op.now), "2026-11-18 11:07 UTC");
			STEP("%s", "a minute later");
			/* a new camera picture */
			mck_test_view_paint_picture((unsigned)sc + 100);
			STEP("%s", "new picture");
			/* the language picker open: the live parts under it */
			v.picker = true;
			STEP("%s", "picker");
			v.countdown_s = 7;
			mck_test_view_paint_picture((unsigned)sc + 200);
			STEP("%s", "picker, 7 s, new picture");
			v.picker = false;
			STEP("%s", "picker closed");
			/* scrolled, as far as it goes */
			for (unsigned k = 1; k < 40 && mck_ui_scrolled_out(full.ui) > 0; k++) {
				v.scroll = k;
				STEP("scroll %u", k);
			}
			v.scroll = 0;
			/* another language, then back */
			v.lang = (enum mck_lang)((l + 1) % MCK_LANG_COUNT);
			STEP("%s", "next language");
			v.lang = (enum mck_lang)l;
			v.countdown_s = 0;
			STEP("%s", "no countdown");
#undef STEP
		}
	}
	close_screen(&cached);
	close_screen(&full);
}

static bool sample;

static void test_every_screen_as_drawn_whole(void **state)
{
	(void)state;
	failures = 0;
	if (sample) {
		/* the small panel in the languages after de, the others in en, pl, de */
		run_screens(&panels[0], 3, MCK_LANG_COUNT - 3);
		for (size_t p = 1; p < sizeof(panels) / sizeof(panels[0]); p++) {
			run_screens(&panels[p], (int)p - 1, 1);
		}
	} else {
		run_screens(&panels[0], 0, MCK_LANG_COUNT);
		for (size_t p = 1; p < sizeof(panels) / sizeof(panels[0]); p++) {
			run_screens(&panels[p], 0, 3); /* en, pl, de */
		}
	}
	assert_int_equal(failures, 0);
}

/* Whether the pixels outside @p keep are all @p c. */
static bool untouched_outside(const struct screen *s, SDL_Rect keep, uint8_t c)
{
	uint8_t *px = pixels(s);
	bool same = true;

	for (int y = 0; y < s->h && same; y++) {
		for (int x = 0; x < s->w && same; x++) {
			SDL_Point pt = {x, y};

			if (!SDL_PointInRect(&pt, &keep)) {
				const uint8_t *q = px + ((size_t)y * (size_t)s->w + (size_t)x) * 3;

				same = q[0] == c && q[1] == c && q[2] == c;
			}
		}
	}
	free(px);
	return same;
}

static void scribble(struct screen *s, uint8_t c)
{
	SDL_SetRenderDrawColor(s->r, c, c, c, 255);
	SDL_RenderClear(s->r);
}

/* The box of the text saying @p text's start... the countdown: the last label box. */
static SDL_Rect last_box(const struct screen *s, enum mck_ui_box_kind kind)
{
	const struct mck_ui_box *b;
	size_t n = mck_ui_text_boxes(s->ui, &b);
	SDL_Rect r = {0, 0, 0, 0};

	for (size_t i = 0; i < n; i++) {
		if (b[i].kind == kind) {
			r = b[i].rect;
		}
	}
	return r;
}

static void test_unchanged_draws_nothing(void **state)
{
	static struct mck_view v;
	struct screen s;
	SDL_Rect picture;
	SDL_Rect countdown;

	(void)state;
	open_screen(&s, &panels[3]);
	/* idle with the camera's picture */
	mck_test_view_paint_picture(1);
	mck_test_view_make(&v, "idle-preview", MCK_LANG_EN);
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT), MCK_UI_RENDERED_ALL);
	scribble(&s, 0x5a);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT),
				 MCK_UI_RENDERED_NOTHING);
	}
	/* not even a pixel: the same view, nothing drawn */
	assert_true(untouched_outside(&s, (SDL_Rect){0, 0, 0, 0}, 0x5a));
	/* things that change but do not show on idle: the clock, uptime, a countdown */
	v.op.uptime_s += 61;
	snprintf(v.op.now, sizeof(v.op.now), "2026-11-18 11:08 UTC");
	v.countdown_s = 5;
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT), MCK_UI_RENDERED_NOTHING);
	/* a new picture: that alone is painted */
	mck_test_view_paint_picture(2);
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT), MCK_UI_RENDERED_LIVE);
	picture = last_box(&s, MCK_UI_BOX_IMAGE); /* the picture's frame */
	assert_true(picture.w > 0);
	assert_true(untouched_outside(&s, picture, 0x5a));
	/* the window exposed: the frame whole again, unchanged */
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_AGAIN), MCK_UI_RENDERED_LIVE);
	assert_false(untouched_outside(&s, picture, 0x5a));

	/* a result: its countdown ticks alone */
	mck_test_view_make(&v, "valid", MCK_LANG_EN);
	v.countdown_s = 27;
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT), MCK_UI_RENDERED_ALL);
	scribble(&s, 0x33);
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT), MCK_UI_RENDERED_NOTHING);
	v.countdown_s = 26;
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT), MCK_UI_RENDERED_LIVE);
	/* every pixel the render touched is beside Done, where the countdown is */
	countdown = mck_ui_hit_rect(s.ui, MCK_UI_HIT_DONE, 0);
	assert_true(countdown.w > 0);
	countdown = (SDL_Rect){0, countdown.y, countdown.x, countdown.h};
	assert_true(untouched_outside(&s, countdown, 0x33));
	assert_false(untouched_outside(&s, (SDL_Rect){0, 0, 0, 0}, 0x33));
	/* a GPU's back buffer holds nothing after a present: then the frame is whole */
	v.countdown_s = 25;
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, 0), MCK_UI_RENDERED_LIVE);
	assert_false(untouched_outside(&s, (SDL_Rect){0, 0, s.w, s.h / 2}, 0x33));
	/* the picker opened: the screen anew */
	v.picker = true;
	assert_int_equal(mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT), MCK_UI_RENDERED_ALL);
	close_screen(&s);
}

/* The display's door for the loop: draws, counts, and turns for a panel mounted turned. */
static void test_display_update(void **state)
{
	static struct mck_view v;
	static const int rotations[] = {0, 90, 180, 270};

	(void)state;
	for (size_t i = 0; i < sizeof(rotations) / sizeof(rotations[0]); i++) {
		struct mck_display d;
		struct screen s;
		struct screen full;
		int pw;
		int ph;
		uint8_t *a;
		uint8_t *b;
		SDL_Surface *turned;
		SDL_Renderer *tr;

		mck_display_init(&d, 800, 480, rotations[i]);
		mck_display_panel(&d, &pw, &ph);
		open_screen(&s, &(struct panel){d.lw, d.lh, d.lw / 5.0, d.lh / 5.0});
		/* the panel: what the display draws on */
		turned = SDL_CreateRGBSurfaceWithFormat(0, pw, ph, 32, SDL_PIXELFORMAT_RGB888);
		tr = SDL_CreateSoftwareRenderer(turned);
		assert_non_null(tr);
		mck_test_view_paint_picture(3);
		mck_test_view_make(&v, "idle-preview", MCK_LANG_DE);
		assert_true(mck_display_update(&d, s.ui, tr, &v, false));
		assert_false(mck_display_update(&d, s.ui, tr, &v, false));
		assert_false(mck_display_update(&d, s.ui, tr, &v, false));
		assert_true(mck_display_update(&d, s.ui, tr, &v, true)); /* exposed */
		mck_test_view_paint_picture(4);
		assert_true(mck_display_update(&d, s.ui, tr, &v, false));
		mck_test_view_make(&v, "valid", MCK_LANG_DE);
		assert_true(mck_display_update(&d, s.ui, tr, &v, false));
		v.countdown_s = 9;
		assert_true(mck_display_update(&d, s.ui, tr, &v, false));
		assert_false(mck_display_update(&d, s.ui, tr, &v, false));
		assert_int_equal(d.draws, 5);
		/* what the panel shows: the full draw, turned as the display turns it */
		open_screen(&full, &(struct panel){d.lw, d.lh, d.lw / 5.0, d.lh / 5.0});
		{
			struct mck_display fd;
			SDL_Surface *fs = SDL_CreateRGBSurfaceWithFormat(0, pw, ph, 32,
									 SDL_PIXELFORMAT_RGB888);
			SDL_Renderer *fr = SDL_CreateSoftwareRenderer(fs);

			mck_display_init(&fd, 800, 480, rotations[i]);
			mck_display_draw(&fd, full.ui, fr, &v);
			a = malloc((size_t)pw * (size_t)ph * 3);
			b = malloc((size_t)pw * (size_t)ph * 3);
			assert_non_null(a);
			assert_non_null(b);
			assert_int_equal(
				SDL_RenderReadPixels(tr, NULL, SDL_PIXELFORMAT_RGB24, a, pw * 3),
				0);
			assert_int_equal(
				SDL_RenderReadPixels(fr, NULL, SDL_PIXELFORMAT_RGB24, b, pw * 3),
				0);
			assert_memory_equal(a, b, (size_t)pw * (size_t)ph * 3);
			free(a);
			free(b);
			mck_display_release(&fd);
			SDL_DestroyRenderer(fr);
			SDL_FreeSurface(fs);
		}
		close_screen(&full);
		mck_display_release(&d);
		SDL_DestroyRenderer(tr);
		SDL_FreeSurface(turned);
		close_screen(&s);
	}
}

/*
 * A result's texts are kept while it shows and go when the view changes; the
 * kiosk's own words (labels, the band, the status bar) stay for the next one.
 */
static void test_texts_go_with_the_view(void **state)
{
	static struct mck_view v;
	struct mck_ui_render_stats st;
	struct screen s;

	(void)state;
	open_screen(&s, &panels[0]);
	mck_test_view_make(&v, "idle", MCK_LANG_EN);
	mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT);
	mck_ui_render_stats(s.ui, &st);
	assert_true(st.texts > 0);
	assert_int_equal(st.view_texts, 0); /* idle says only the kiosk's words */
	mck_test_view_make(&v, "valid", MCK_LANG_EN);
	mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT);
	mck_ui_render_stats(s.ui, &st);
	assert_true(st.view_texts > 0);
	assert_true(st.view_widths > 0);
	/* scrolling draws the same texts again: from their textures */
	{
		unsigned long rasterised = st.rasterised;
		unsigned long reused = st.reused;

		v.scroll = 1;
		mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT);
		v.scroll = 0;
		mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT);
		mck_ui_render_stats(s.ui, &st);
		assert_true(st.reused > reused);
		assert_true(st.rasterised - rasterised < st.reused - reused);
	}
	/* cleared: nothing of it */
	mck_view_clear_result(&v);
	mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT);
	mck_ui_render_stats(s.ui, &st);
	assert_int_equal(st.view_texts, 0);
	assert_int_equal(st.view_widths, 0);
	/* the next result draws the kiosk's words from what the last one left */
	{
		unsigned long rasterised = st.rasterised;
		unsigned long reused = st.reused;

		mck_test_view_make(&v, "valid", MCK_LANG_EN);
		mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT);
		mck_ui_render_stats(s.ui, &st);
		assert_true(st.reused - reused > 10);
		assert_int_equal(st.rasterised - rasterised, st.view_texts); /* only its own */
	}
	/* another result right after it: the first's texts go, the second's come */
	{
		size_t first = st.view_texts;

		snprintf(v.learner, sizeof(v.learner), "Jan Nowak");
		mck_ui_render(s.ui, s.r, &v, MCK_UI_RENDER_KEPT);
		mck_ui_render_stats(s.ui, &st);
		assert_int_equal(st.view_texts, first);
	}
	mck_ui_forget(s.ui);
	mck_ui_render_stats(s.ui, &st);
	assert_int_equal(st.texts, 0);
	close_screen(&s);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unchanged_draws_nothing),
		cmocka_unit_test(test_display_update),
		cmocka_unit_test(test_texts_go_with_the_view),
		cmocka_unit_test(test_every_screen_as_drawn_whole),
	};

	sample = argc > 1 && strcmp(argv[1], "--sample") == 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
