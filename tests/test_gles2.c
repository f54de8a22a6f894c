/*
 * The kiosk's screens on the renderer a Raspberry Pi uses, OpenGL ES 2
 * (SDL's "opengles2" driver through EGL; here Mesa's software rasteriser in
 * an Xvfb window, started by gles2.sh), drawn as the loop draws them (mck_display_update:
 * the static layer in a target texture, the live parts over it, a GPU's back
 * buffer composed whole), read back with SDL_RenderReadPixels and compared
 * with the software renderer's full draw of the same view.
 *
 * Tolerance: a GPU blends a text's anti-aliased edge in floating point where
 * SDL's software blitter rounds in integers, so an edge pixel may differ by
 * a level or two per channel: every pixel within 4 levels of the software
 * one (MAX_DIFF), and the camera's picture, sampled nearest by both but at
 * pixel centres by GL and in SDL's 16.16 fixed point in software, may take a
 * neighbouring camera pixel on a column or row where the two round apart:
 * each of its pixels within 4 levels of one of the software picture's pixels
 * at most one away. Everything else (band colours, geometry, which text is
 * where) must match: a layer drawn wrong, a missing or misplaced live part,
 * a stale frame differ by far more.
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

#define MAX_DIFF 4

struct gl {
	SDL_Window *win;
	SDL_Renderer *r;
	int w, h;
};

static void open_gl(struct gl *g, int w, int h)
{
	SDL_RendererInfo info;

	g->w = w;
	g->h = h;
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
	g->win = SDL_CreateWindow("test_gles2", 0, 0, w, h, 0);
	if (g->win == NULL) {
		fprintf(stderr, "test_gles2: window: %s\n", SDL_GetError());
	}
	assert_non_null(g->win);
	g->r = SDL_CreateRenderer(g->win, -1, 0);
	if (g->r == NULL) {
		fprintf(stderr, "test_gles2: the opengles2 renderer: %s\n", SDL_GetError());
	}
	assert_non_null(g->r);
	assert_int_equal(SDL_GetRendererInfo(g->r, &info), 0);
	assert_string_equal(info.name, "opengles2");
	{
		/* which GL it is (Mesa's llvmpipe here, the Pi's V3D there) */
		typedef const unsigned char *(*get_string_fn)(unsigned);
		get_string_fn get = (get_string_fn)(uintptr_t)SDL_GL_GetProcAddress("glGetString");

		if (get != NULL && get(0x1F01 /* GL_RENDERER */) != NULL) {
			fprintf(stderr, "test_gles2: GL_RENDERER %s, GL_VERSION %s\n",
				(const char *)get(0x1F01), (const char *)get(0x1F02));
		}
	}
	assert_true((info.flags & SDL_RENDERER_TARGETTEXTURE) != 0);
}

static void close_gl(struct gl *g)
{
	SDL_DestroyRenderer(g->r);
	SDL_DestroyWindow(g->win);
}

static uint8_t *read_rgb(SDL_Renderer *r, int w, int h)
{
	uint8_t *px = malloc((size_t)w * (size_t)h * 3);

	assert_non_null(px);
	assert_int_equal(SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, px, w * 3), 0);
	return px;
}

static int diff(const uint8_t *a, const uint8_t *b)
{
	int m = 0;

	for (int c = 0; c < 3; c++) {
		int d = abs((int)a[c] - (int)b[c]);

		m = d > m ? d : m;
	}
	return m;
}

static unsigned failures;
static size_t levels[MAX_DIFF + 1]; /* pixels by how far apart, all screens */
static size_t sampled;              /* camera pixels a neighbour of the software's */
static size_t frames;

/*
 * Whether the GL pixel @p g at (lx, ly) of the layout, inside the camera's
 * picture @p pic, is the camera pixel the software renderer samples there or
 * one next to it (the renderers' nearest sampling rounds apart on a column or
 * row, in both directions of scaling).
 */
static bool from_picture(const uint8_t *g, SDL_Rect pic, int lx, int ly)
{
	uint32_t incx = ((uint32_t)MCK_VIEW_PREVIEW_W << 16) / (uint32_t)pic.w;
	uint32_t incy = ((uint32_t)MCK_VIEW_PREVIEW_H << 16) / (uint32_t)pic.h;
	int sx = (int)((incx / 2 + (uint32_t)(lx - pic.x) * incx) >> 16);
	int sy = (int)((incy / 2 + (uint32_t)(ly - pic.y) * incy) >> 16);

	for (int dy = -1; dy <= 1; dy++) {
		for (int dx = -1; dx <= 1; dx++) {
			int x = sx + dx;
			int y = sy + dy;
			uint8_t c;

			if (x < 0 || y < 0 || x >= MCK_VIEW_PREVIEW_W || y >= MCK_VIEW_PREVIEW_H) {
				continue;
			}
			c = mck_test_view_picture[y * MCK_VIEW_PREVIEW_W + x];
			if (diff(g, (const uint8_t[3]){c, c, c}) <= MAX_DIFF) {
				return true;
			}
		}
	}
	return false;
}

/* Compare a panel's pixels, @p pic the camera's picture in the layout (w 0: none). */
static void compare(const struct mck_display *d, const uint8_t *gl, const uint8_t *sw, int w, int h,
		    SDL_Rect pic, const char *what)
{
	size_t bad = 0;
	int bx = 0;
	int by = 0;

	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			const uint8_t *g = gl + ((size_t)y * (size_t)w + (size_t)x) * 3;
			const uint8_t *s = sw + ((size_t)y * (size_t)w + (size_t)x) * 3;
			SDL_Point p;
			int dd = diff(g, s);

			if (dd <= MAX_DIFF) {
				levels[dd]++;
				continue;
			}
			mck_display_to_layout(d, x, y, &p.x, &p.y);
			if (pic.w > 0 && SDL_PointInRect(&p, &pic) &&
			    from_picture(g, pic, p.x, p.y)) {
				sampled++;
				continue;
			}
			if (bad++ == 0) {
				bx = x;
				by = y;
			}
		}
	}
	frames++;
	if (bad > 0) {
		fprintf(stderr, "%s: %zu pixels differ, the first at (%d, %d)\n", what, bad, bx,
			by);
		failures++;
	}
}

/* The camera's picture on the last drawn screen: the image box inside its frame. */
static SDL_Rect picture_of(const struct mck_ui *ui)
{
	const struct mck_ui_box *b;
	size_t n = mck_ui_text_boxes(ui, &b);
	SDL_Rect pic = {0, 0, 0, 0};

	for (size_t i = 0; i < n; i++) {
		if (b[i].kind == MCK_UI_BOX_IMAGE && b[i].rect.w > 40) {
			pic = (SDL_Rect){b[i].rect.x + 2, b[i].rect.y + 2, b[i].rect.w - 4,
					 b[i].rect.h - 4};
		}
	}
	return pic;
}

static void run_panel(int w, int h, int rotation, const enum mck_lang *langs, size_t nlangs)
{
	static struct mck_view v;
	struct mck_display d;
	struct mck_display sd;
	struct gl g;
	struct mck_ui *ui;
	struct mck_ui *sui;
	SDL_Surface *surface;
	SDL_Renderer *sr;
	char msg[256];
	char what[128];

	open_gl(&g, w, h);
	mck_display_init(&d, w, h, rotation);
	mck_display_init(&sd, w, h, rotation);
	ui = mck_ui_create(MCK_FONT_DIR, d.lw, d.lh, msg, sizeof(msg));
	sui = mck_ui_create(MCK_FONT_DIR, d.lw, d.lh, msg, sizeof(msg));
	assert_non_null(ui);
	assert_non_null(sui);
	surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(surface);
	sr = SDL_CreateSoftwareRenderer(surface);
	assert_non_null(sr);
	for (size_t l = 0; l < nlangs; l++) {
		for (size_t sc = 0; sc < mck_test_view_count; sc++) {
			/* as shown, then a tick of its countdown and a new picture: live parts */
			for (int step = 0; step < 2; step++) {
				uint8_t *a;
				uint8_t *b;

				if (step == 0) {
					mck_test_view_paint_picture((unsigned)sc);
					mck_test_view_make(&v, mck_test_view_screens[sc], langs[l]);
				} else {
					mck_test_view_paint_picture((unsigned)sc + 50);
					v.countdown_s = v.countdown_s > 1 ? v.countdown_s - 1 : 0;
				}
				snprintf(what, sizeof(what), "%dx%d turned %d %s %s%s", w, h,
					 rotation, mck_test_view_screens[sc],
					 mck_i18n_code(langs[l]), step > 0 ? " ticked" : "");
				SDL_SetRenderDrawColor(g.r, 255, 0, 255, 255);
				SDL_RenderClear(g.r); /* a back buffer holds anything */
				mck_display_update(&d, ui, g.r, &v, true);
				a = read_rgb(g.r, w, h);
				SDL_RenderPresent(g.r);
				mck_display_draw(&sd, sui, sr, &v);
				b = read_rgb(sr, w, h);
				compare(&d, a, b, w, h, picture_of(sui), what);
				free(a);
				free(b);
			}
		}
	}
	mck_display_release(&d);
	mck_display_release(&sd);
	SDL_DestroyRenderer(sr);
	SDL_FreeSurface(surface);
	mck_ui_destroy(ui);
	mck_ui_destroy(sui);
	close_gl(&g);
}

static void test_screens_on_gles2(void **state)
{
	static const enum mck_lang all[] = {MCK_LANG_EN, MCK_LANG_PL, MCK_LANG_DE, MCK_LANG_FR,
					    MCK_LANG_EL, MCK_LANG_IT, MCK_LANG_ES};
	static const enum mck_lang two[] = {MCK_LANG_EN, MCK_LANG_EL};

	(void)state;
	failures = 0;
	run_panel(800, 480, 0, all, sizeof(all) / sizeof(all[0]));
	run_panel(1280, 720, 0, two, 2);
	run_panel(800, 480, 90, two, 1); /* a panel mounted turned: the GPU turns it */
	/* what the tolerance took, for whoever looks at a board's figures */
	fprintf(stderr,
		"test_gles2: %zu frames; pixels identical %zu, 1 level apart %zu, 2 %zu, 3 %zu, "
		"4 %zu; camera pixels from a neighbouring camera pixel %zu\n",
		frames, levels[0], levels[1], levels[2], levels[3], levels[4], sampled);
	assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_screens_on_gles2),
	};
	int rc;

	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "test_gles2: SDL video: %s\n", SDL_GetError());
		return 1;
	}
	fprintf(stderr, "test_gles2: video driver %s\n", SDL_GetCurrentVideoDriver());
	if (argc > 1 && strcmp(SDL_GetCurrentVideoDriver(), argv[1]) != 0) {
		/* gles2.sh asks for its Xvfb window: no quiet fall-back to another driver */
		fprintf(stderr, "test_gles2: not the %s driver\n", argv[1]);
		SDL_Quit();
		return 1;
	}
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	SDL_Quit();
	return rc;
}
