/*
 * Contrast and colour (issue #18 part 5; EN 301 549 / WCAG 2.x 1.4.1, 1.4.3):
 *  - every text the UI draws, on every screen, in every language, on the
 *    shipped panels, in normal and large text, scrolled through: its ink
 *    against the ground under it (the toolkit reads the pixels it covers
 *    before drawing it, mck_ui_trace_ground) has a contrast ratio of at
 *    least 4.5:1, computed here by WCAG 2.x relative luminance (the large
 *    text allowance of 3:1 is not used: the band's words meet 4.5:1 too);
 *  - on the rendered frame, each text still stands out from its ground by
 *    4.5:1 (its glyphs' pixels, not just the colour asked for);
 *  - the pairs found are printed, with their ratios (the palette as used);
 *  - nothing by colour alone: each verdict has its own word in every
 *    language and a mark, "valid" a mark no other verdict has;
 *  - large text: larger in every role, and mck_ui_set_large_text goes back;
 *  - touch targets 9 mm each way at least (EN 301 549 5.5);
 *  - toggled at runtime, the next render is the large (or normal) screen.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mck/ui.h"
#include "ui_views.h"

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

#define MIN_RATIO 4.5

struct panel {
	const char *name;
	int w, h;
};

/* The 7" panel both ways at 133 px an inch (mck_ui_create): test_legible has the rest. */
static const struct panel panels[] = {
	{"800x480", 800, 480},
	{"480x800", 480, 800},
};

static const char *const codes[] = {"en", "pl", "de", "fr", "el", "it", "es"};

/* Views beyond ui_views.c's: colours no shared view shows. */
static const char *const extra[] = {"unusable", "still-there", "check-empty", "idle-picker",
				    "check-picker"};

/* This test's own WCAG 2.x figures, not the UI's. */
static double lum(uint8_t v)
{
	static double table[256];
	static bool ready;

	if (!ready) {
		for (int i = 0; i < 256; i++) {
			double c = i / 255.0;

			table[i] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
		}
		ready = true;
	}
	return table[v];
}

/* (L1 + 0.05) / (L2 + 0.05), L1 the lighter's relative luminance. */
static double contrast(SDL_Color a, SDL_Color b)
{
	double la = 0.2126 * lum(a.r) + 0.7152 * lum(a.g) + 0.0722 * lum(a.b);
	double lb = 0.2126 * lum(b.r) + 0.7152 * lum(b.g) + 0.0722 * lum(b.b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

struct pair {
	SDL_Color ink;
	SDL_Color ground;
	unsigned texts;
	double ratio;
	char where[96];
};

static struct pair pairs[128];
static size_t npairs;
static unsigned failures;
static unsigned texts_checked;
static unsigned rendered_checked;

static void make(struct mck_view *v, const char *name, enum mck_lang lang)
{
	if (strcmp(name, "unusable") == 0) {
		mck_test_view_make(v, "invalid", lang);
		v->verdict = MCK_VERDICT_UNUSABLE;
		v->reasons = MCK_REASON_BIT(MCK_REASON_TRUSTLIST_EXPIRED);
	} else if (strcmp(name, "still-there") == 0) {
		mck_test_view_make(v, "check", lang);
		v->still_there = true;
		v->countdown_s = 12;
	} else if (strcmp(name, "check-empty") == 0) {
		mck_test_view_make(v, "check", lang);
		v->session.creds = 0;
		v->session.latest = false;
		v->session.latest_listed = false;
	} else if (strcmp(name, "idle-picker") == 0) {
		mck_test_view_make(v, "idle", lang);
		v->picker = true;
	} else if (strcmp(name, "check-picker") == 0) {
		mck_test_view_make(v, "check", lang);
		v->picker = true;
	} else {
		mck_test_view_make(v, name, lang);
	}
}

static bool same(SDL_Color a, SDL_Color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void note_pair(SDL_Color ink, SDL_Color ground, double ratio, const char *where)
{
	for (size_t i = 0; i < npairs; i++) {
		if (same(pairs[i].ink, ink) && same(pairs[i].ground, ground)) {
			pairs[i].texts++;
			return;
		}
	}
	if (npairs < sizeof(pairs) / sizeof(pairs[0])) {
		pairs[npairs] = (struct pair){ink, ground, 1, ratio, ""};
		snprintf(pairs[npairs].where, sizeof(pairs[npairs].where), "%s", where);
		npairs++;
	}
}

static SDL_Color pixel(const SDL_Surface *s, int x, int y)
{
	Uint32 p = ((const Uint32 *)((const uint8_t *)s->pixels + (size_t)y * s->pitch))[x];

	return (SDL_Color){(Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 255};
}

/* Whether box @p i lies under the language picker (layer 1) drawn over it. */
static bool covered(const struct mck_ui_box *b, size_t n, size_t i)
{
	for (size_t j = 0; j < n; j++) {
		if (b[j].layer > b[i].layer && b[j].kind == MCK_UI_BOX_PANEL &&
		    SDL_HasIntersection(&b[i].rect, &b[j].rect)) {
			return true;
		}
	}
	return false;
}

/* Returns a hash of the texts drawn (a scrolled page the same as the last: the end). */
static uint64_t check_frame(struct mck_ui *ui, SDL_Renderer *r, SDL_Surface *surface,
			    const struct mck_view *v, const char *where)
{
	const struct mck_ui_box *b;
	uint64_t hash = 1469598103934665603ull;
	size_t n;

	mck_ui_draw(ui, r, v);
	n = mck_ui_text_boxes(ui, &b);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		for (const char *t = b[i].text; t != NULL && *t != '\0'; t++) {
			hash = (hash ^ (uint8_t)*t) * 1099511628211ull;
		}
		hash = (hash ^ (uint64_t)b[i].rect.y) * 1099511628211ull;
	}
	for (size_t i = 0; i < n; i++) {
		double k;
		double best = 1;

		if (b[i].kind != MCK_UI_BOX_TEXT || b[i].rect.w <= 0 || b[i].rect.h <= 0) {
			continue;
		}
		if (!b[i].grounded) {
			fprintf(stderr, "%s: \"%s\": no ground read\n", where,
				b[i].text != NULL ? b[i].text : "");
			failures++;
			continue;
		}
		texts_checked++;
		k = contrast(b[i].colour, b[i].ground);
		/* the UI's figure is the same as ours */
		if (fabs(k - mck_ui_contrast(b[i].colour, b[i].ground)) > 1e-9) {
			fprintf(stderr, "%s: mck_ui_contrast %.4f, WCAG %.4f\n", where,
				mck_ui_contrast(b[i].colour, b[i].ground), k);
			failures++;
		}
		note_pair(b[i].colour, b[i].ground, k, where);
		if (k < MIN_RATIO) {
			fprintf(stderr,
				"%s: \"%s\" (%d,%d,%d) on (%d,%d,%d): contrast %.2f:1, under "
				"%.1f:1\n",
				where, b[i].text != NULL ? b[i].text : "", b[i].colour.r,
				b[i].colour.g, b[i].colour.b, b[i].ground.r, b[i].ground.g,
				b[i].ground.b, k, MIN_RATIO);
			failures++;
		}
		/* the rendered frame: the glyphs stand out from that ground as much */
		if (covered(b, n, i)) {
			continue;
		}
		for (int y = b[i].rect.y; y < b[i].rect.y + b[i].rect.h; y++) {
			for (int x = b[i].rect.x; x < b[i].rect.x + b[i].rect.w; x++) {
				double c = contrast(pixel(surface, x, y), b[i].ground);

				best = c > best ? c : best;
			}
		}
		rendered_checked++;
		if (best < MIN_RATIO) {
			fprintf(stderr, "%s: \"%s\" drawn at most %.2f:1 from its ground\n", where,
				b[i].text != NULL ? b[i].text : "", best);
			failures++;
		}
	}
	return hash;
}

/* A @p w x @p h frame drawn by the software renderer, and the UI on it. */
struct canvas {
	SDL_Surface *surface;
	SDL_Renderer *r;
	struct mck_ui *ui;
};

static void canvas_open(struct canvas *c, int w, int h)
{
	char msg[256];

	c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(c->surface);
	c->r = SDL_CreateSoftwareRenderer(c->surface);
	assert_non_null(c->r);
	c->ui = mck_ui_create(MCK_FONT_DIR, w, h, msg, sizeof(msg));
	assert_non_null(c->ui);
}

static void canvas_close(struct canvas *c)
{
	mck_ui_destroy(c->ui);
	SDL_DestroyRenderer(c->r);
	SDL_FreeSurface(c->surface);
}

/* --sample (sanitizer builds): each screen in one language, every language drawn. */
static bool sample;

static void every_screen(bool large)
{
	static struct mck_view v;
	char msg[256];
	char where[96];

	for (size_t p = 0; p < sizeof(panels) / sizeof(panels[0]); p++) {
		struct canvas c;

		canvas_open(&c, panels[p].w, panels[p].h);
		assert_int_equal(mck_ui_set_large_text(c.ui, large, msg, sizeof(msg)), 0);
		mck_ui_trace_text(c.ui, true);
		mck_ui_trace_ground(c.ui, true);
		for (size_t sc = 0; sc < mck_test_view_count + sizeof(extra) / sizeof(extra[0]);
		     sc++) {
			const char *name = sc < mck_test_view_count
						   ? mck_test_view_screens[sc]
						   : extra[sc - mck_test_view_count];

			for (int l = 0; l < MCK_LANG_COUNT; l++) {
				if (sample && (size_t)l != sc % MCK_LANG_COUNT) {
					continue;
				}
				make(&v, name, (enum mck_lang)l);
				snprintf(where, sizeof(where), "%s%s %s %s", panels[p].name,
					 large ? " large" : "", name, codes[l]);
				uint64_t last = check_frame(c.ui, c.r, c.surface, &v, where);

				/* every page of what scrolls, to the last */
				for (unsigned k = 1; k < 60 && mck_ui_scrolled_out(c.ui) > 0; k++) {
					uint64_t page;

					v.scroll = k;
					page = check_frame(c.ui, c.r, c.surface, &v, where);
					if (page == last) {
						break;
					}
					last = page;
				}
			}
		}
		canvas_close(&c);
	}
}

static void print_pairs(const char *title)
{
	printf("%s: %u texts (%u checked on the frame), %zu text/ground pairs:\n", title,
	       texts_checked, rendered_checked, npairs);
	for (size_t i = 0; i < npairs; i++) {
		printf("  #%02x%02x%02x on #%02x%02x%02x  %5.2f:1  %6u texts  (first: %s)\n",
		       pairs[i].ink.r, pairs[i].ink.g, pairs[i].ink.b, pairs[i].ground.r,
		       pairs[i].ground.g, pairs[i].ground.b, pairs[i].ratio, pairs[i].texts,
		       pairs[i].where);
	}
}

static void test_every_text_normal(void **state)
{
	(void)state;
	failures = texts_checked = rendered_checked = 0;
	npairs = 0;
	every_screen(false);
	print_pairs("normal text");
	assert_true(texts_checked > 1000);
	assert_true(npairs > 5); /* the grounds were read, not one colour everywhere */
	assert_int_equal(failures, 0);
}

static void test_every_text_large(void **state)
{
	(void)state;
	failures = texts_checked = rendered_checked = 0;
	npairs = 0;
	every_screen(true);
	print_pairs("large text");
	assert_true(texts_checked > 1000);
	assert_int_equal(failures, 0);
}

/* The check itself: known pairs give WCAG's figures. */
static void test_ratio(void **state)
{
	const SDL_Color black = {0, 0, 0, 255};
	const SDL_Color white = {255, 255, 255, 255};
	const SDL_Color grey = {118, 118, 118, 255}; /* the lightest grey at 4.5:1 on white */

	(void)state;
	assert_true(fabs(mck_ui_contrast(black, white) - 21.0) < 1e-9);
	assert_true(fabs(mck_ui_contrast(white, white) - 1.0) < 1e-9);
	assert_true(mck_ui_contrast(grey, white) >= 4.5 && mck_ui_contrast(grey, white) < 4.6);
	assert_true(fabs(mck_ui_contrast(grey, white) - mck_ui_contrast(white, grey)) < 1e-12);
}

/* Nothing by colour alone: each verdict says itself in a word, and has a mark. */
static void test_verdicts_not_by_colour(void **state)
{
	static const enum mck_verdict verdicts[] = {MCK_VERDICT_VALID, MCK_VERDICT_WARNING,
						    MCK_VERDICT_INVALID, MCK_VERDICT_UNREADABLE,
						    MCK_VERDICT_UNUSABLE};
	enum { NV = sizeof(verdicts) / sizeof(verdicts[0]) };
	static struct mck_view v;
	struct canvas cv;

	(void)state;
	canvas_open(&cv, 800, 480);
	mck_ui_trace_text(cv.ui, true);
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		char word[NV][160];
		char mark[NV][16];

		for (size_t i = 0; i < NV; i++) {
			const struct mck_ui_box *b;
			size_t n;
			int band = -1;
			bool first_text = true;

			mck_test_view_make(&v, "invalid", (enum mck_lang)l);
			v.verdict = verdicts[i];
			v.reasons = 0;
			mck_ui_draw(cv.ui, cv.r, &v);
			n = mck_ui_text_boxes(cv.ui, &b);
			word[i][0] = '\0';
			mark[i][0] = '\0';
			for (size_t j = 0; j < n; j++) {
				if (b[j].kind == MCK_UI_BOX_BAND && band < 0) {
					band = (int)j;
				}
				if (band < 0 || b[j].parent != band ||
				    b[j].kind != MCK_UI_BOX_TEXT) {
					continue;
				}
				if (first_text) {
					/* the mark is the band's first text, the word next */
					snprintf(mark[i], sizeof(mark[i]), "%s", b[j].text);
					first_text = false;
				} else if (b[j].role == MCK_UI_ROLE_BAND && word[i][0] == '\0') {
					snprintf(word[i], sizeof(word[i]), "%s", b[j].text);
				}
			}
			assert_true(band >= 0);
			assert_true(mark[i][0] != '\0');
			assert_true(word[i][0] != '\0');
			/* the word is the verdict's own, not only a colour */
			assert_non_null(strstr(mck_i18n_text((enum mck_lang)l,
							     i == 0   ? MCK_TEXT_VERDICT_VALID
							     : i == 1 ? MCK_TEXT_VERDICT_WARNING
							     : i == 2 ? MCK_TEXT_VERDICT_INVALID
							     : i == 3 ? MCK_TEXT_VERDICT_UNREADABLE
								      : MCK_TEXT_VERDICT_UNUSABLE),
					       word[i]));
		}
		for (size_t i = 0; i < NV; i++) {
			for (size_t j = i + 1; j < NV; j++) {
				/* two verdicts never read alike: words differ, whatever the colour */
				if (strcmp(word[i], word[j]) == 0) {
					fprintf(stderr, "%s: verdicts %zu and %zu both \"%s\"\n",
						codes[l], i, j, word[i]);
					fail();
				}
				/* valid, check, not valid, unreadable: each its own mark */
				if (j < 4) {
					assert_string_not_equal(mark[i], mark[j]);
				}
			}
		}
		/* the one verdict to accept has a mark no other verdict has */
		for (size_t j = 1; j < NV; j++) {
			assert_string_not_equal(mark[0], mark[j]);
		}
	}
	canvas_close(&cv);
}

/* Large text: every role larger; off again, the sizes of before. */
static void test_large_text_sizes(void **state)
{
	static struct mck_view v;
	int cap[3][MCK_UI_ROLE_COUNT]; /* normal, large, normal again */
	char msg[256];
	struct canvas cv;

	(void)state;
	canvas_open(&cv, 800, 480);
	assert_false(mck_ui_large_text(cv.ui));
	for (int pass = 0; pass < 3; pass++) {
		int *c = cap[pass];
		const struct mck_ui_box *b;
		size_t n;

		assert_int_equal(mck_ui_set_large_text(cv.ui, pass == 1, msg, sizeof(msg)), 0);
		assert_int_equal(mck_ui_large_text(cv.ui), pass == 1);
		memset(c, 0, sizeof(cap[0]));
		for (size_t sc = 0; sc < mck_test_view_count; sc++) {
			mck_test_view_make(&v, mck_test_view_screens[sc], MCK_LANG_EN);
			mck_ui_draw(cv.ui, cv.r, &v);
			n = mck_ui_text_boxes(cv.ui, &b);
			for (size_t i = 0; i < n; i++) {
				if (b[i].kind == MCK_UI_BOX_TEXT) {
					c[b[i].role] = b[i].cap_height_px;
				}
			}
		}
		if (pass == 2) {
			/* off again: the sizes of before */
			assert_memory_equal(cap[2], cap[0], sizeof(cap[0]));
		}
		if (pass == 1) {
			for (int role = 0; role < MCK_UI_ROLE_COUNT; role++) {
				double k = (double)cap[1][role] / cap[0][role];

				printf("role %d: capitals %d px, large %d px (x%.2f)\n", role,
				       cap[0][role], cap[1][role], k);
				assert_true(cap[0][role] > 0);
				/* the reading text and the large by their factors (whole pixels: a little less) */
				assert_true(k >= (role == MCK_UI_ROLE_BODY ||
								  role == MCK_UI_ROLE_REASON ||
								  role == MCK_UI_ROLE_LABEL
							  ? MCK_UI_LARGE_READING - 0.1
							  : MCK_UI_LARGE_DISPLAY - 0.1));
			}
		}
	}
	canvas_close(&cv);
}

/* A surface, its software renderer and a UI at 800x480. */
static bool same_pixels(const SDL_Surface *a, const SDL_Surface *b)
{
	for (int y = 0; y < a->h; y++) {
		if (memcmp((const uint8_t *)a->pixels + (size_t)y * a->pitch,
			   (const uint8_t *)b->pixels + (size_t)y * b->pitch,
			   (size_t)a->w * 4) != 0) {
			return false;
		}
	}
	return true;
}

/*
 * The key toggles large text on a running kiosk, which draws by mck_ui_render:
 * the next render draws the screen anew, with the pixels of a fresh full draw
 * in large text; toggled back, those of normal text.
 */
static void test_large_text_toggle_renders(void **state)
{
	static struct mck_view v;
	static const char *const names[] = {"idle", "valid", "check"};
	struct canvas live;
	struct canvas fresh;
	char msg[256];

	(void)state;
	canvas_open(&live, 800, 480);
	canvas_open(&fresh, 800, 480);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		mck_test_view_make(&v, names[i], MCK_LANG_DE);
		v.countdown_s = 0; /* nothing live: what is drawn depends on the view alone */
		for (int large = 1; large >= 0; large--) {
			mck_ui_render(live.ui, live.r, &v, MCK_UI_RENDER_KEPT);
			assert_int_equal(mck_ui_render(live.ui, live.r, &v, MCK_UI_RENDER_KEPT),
					 MCK_UI_RENDERED_NOTHING);
			assert_int_equal(mck_ui_set_large_text(live.ui, large, msg, sizeof(msg)),
					 0);
			assert_int_equal(mck_ui_render(live.ui, live.r, &v, MCK_UI_RENDER_KEPT),
					 MCK_UI_RENDERED_ALL);
			assert_int_equal(mck_ui_set_large_text(fresh.ui, large, msg, sizeof(msg)),
					 0);
			mck_ui_draw(fresh.ui, fresh.r, &v);
			assert_true(same_pixels(live.surface, fresh.surface));
		}
	}
	mck_ui_forget(live.ui);
	canvas_close(&live);
	canvas_close(&fresh);
}

/*
 * Operable parts (EN 301 549 5.5): every touch target of every screen, in every
 * language, normal and large text, on the 7" panel both ways, is 9 mm or more
 * each way: at the layout's pitch (133 px an inch: 0.19 mm a pixel, 48 px),
 * and on the panel as a board profile gives it, by the datasheet's pitch in
 * each direction (154.08 x 85.92 mm: 0.193 mm across, 0.179 mm down).
 */
static void test_touch_targets(void **state)
{
	static struct mck_view v;
	char msg[256];
	unsigned seen = 0;
	int least = 1 << 30;

	(void)state;
	failures = 0;
	for (size_t p = 0; p < 2 * sizeof(panels) / sizeof(panels[0]); p++) {
		const struct panel *pn = &panels[p % (sizeof(panels) / sizeof(panels[0]))];
		bool physical = p >= sizeof(panels) / sizeof(panels[0]);
		double w_mm = pn->w > pn->h ? 154.08 : 85.92;
		double h_mm = pn->w > pn->h ? 85.92 : 154.08;
		struct canvas cv;

		canvas_open(&cv, pn->w, pn->h);
		if (physical) {
			mck_ui_destroy(cv.ui);
			cv.ui = mck_ui_create_physical(MCK_FONT_DIR, pn->w, pn->h, w_mm, h_mm, msg,
						       sizeof(msg));
			assert_non_null(cv.ui);
		} else {
			w_mm = pn->w / mck_ui_px_per_mm(cv.ui);
			h_mm = pn->h / mck_ui_px_per_mm(cv.ui);
		}

		for (int large = 0; large < 2; large++) {
			assert_int_equal(mck_ui_set_large_text(cv.ui, large, msg, sizeof(msg)), 0);
			for (size_t sc = 0; sc < mck_test_view_count; sc++) {
				for (int l = 0; l < MCK_LANG_COUNT; l++) {
					mck_test_view_make(&v, mck_test_view_screens[sc],
							   (enum mck_lang)l);
					mck_ui_draw(cv.ui, cv.r, &v);
					for (int h = MCK_UI_HIT_LANGUAGE; h < MCK_UI_HIT_COUNT;
					     h++) {
						int count = h == MCK_UI_HIT_PICK ? MCK_LANG_COUNT
							    : h == MCK_UI_HIT_POLICY ? 8
										     : 1;

						for (int i = 0; i < count; i++) {
							SDL_Rect t = mck_ui_hit_rect(
								cv.ui, (enum mck_ui_hit)h, i);
							int side = t.w < t.h ? t.w : t.h;
							double across = t.w * w_mm / pn->w;
							double down = t.h * h_mm / pn->h;

							if (t.w <= 0 || t.h <= 0) {
								continue;
							}
							seen++;
							least = side < least ? side : least;
							if (across < MCK_UI_TARGET_MM ||
							    down < MCK_UI_TARGET_MM) {
								fprintf(stderr,
									"%s%s%s %s %s: target %d "
									"%dx%d (%.1f x %.1f mm)\n",
									pn->name,
									physical ? " datasheet"
										 : "",
									large ? " large" : "",
									mck_test_view_screens[sc],
									codes[l], h, t.w, t.h,
									across, down);
								failures++;
							}
						}
					}
				}
			}
		}
		canvas_close(&cv);
	}
	printf("touch targets: %u, the least side %d px\n", seen, least);
	assert_true(seen > 500);
	assert_int_equal(failures, 0);
}

/*
 * --large: large text's screens alone (a CTest entry of their own: each under
 * 20 s). --sample: each screen in one language (sanitizer builds).
 */
int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_verdicts_not_by_colour),
		cmocka_unit_test(test_large_text_sizes),
		cmocka_unit_test(test_touch_targets),
		cmocka_unit_test(test_large_text_toggle_renders),
		cmocka_unit_test(test_every_text_normal),
	};
	const struct CMUnitTest large[] = {
		cmocka_unit_test(test_every_text_large),
	};

	bool only_large = false;

	for (int i = 1; i < argc; i++) {
		only_large = only_large || strcmp(argv[i], "--large") == 0;
		sample = sample || strcmp(argv[i], "--sample") == 0;
	}
	if (only_large) {
		return cmocka_run_group_tests(large, NULL, NULL);
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
