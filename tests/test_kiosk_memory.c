/*
 * Nothing of the learner stays in the kiosk's memory once a result clears
 * (issue #14, item 8): the kiosk itself, its capture thread, the replay
 * source and the scanner run in this process; a code holding a text no one
 * else has is shown, verified, cleared, and the process's own memory is then
 * searched for that text. The screen's caches too: a drawn result's texts and
 * the pixels of its name are gone once it clears.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <png.h>
#include <qrencode.h>

#include <SDL_ttf.h>

#include "capture.h"
#include "display.h"
#include "heap.h"
#include "kiosk.h"
#include "support/imgcodec.h"
#include "support/memscan.h"
#include "support/qrdraw.h"

#define SIDE 480

static char dir[64];

/* A frame of @p text as a code (NULL: a blank frame), saved as DIR/NAME. */
static void frame(const char *name, const char *text)
{
	uint8_t *px = malloc((size_t)SIDE * SIDE);
	char path[128];
	uint8_t *png;
	size_t len = 0;
	FILE *f;

	assert_non_null(px);
	memset(px, 255, (size_t)SIDE * SIDE);
	if (text != NULL) {
		QRcode *qr = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);

		assert_non_null(qr);
		assert_true((uint32_t)(qr->width + 8) * 4 <= SIDE);
		mck_test_qr_draw(qr, 4, 4, px, SIDE);
		QRcode_free(qr);
	}
	png = mck_test_png_encode(px, SIDE, SIDE, PNG_FORMAT_GRAY, &len);
	assert_non_null(png);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(png, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(png);
	free(px);
}

/* Pump the kiosk's events for @p ms: scans are verified and shown as in the loop. */
static unsigned pump(struct mck_kiosk *k, struct mck_capture *c, uint32_t ms)
{
	uint64_t end = SDL_GetTicks64() + ms;
	unsigned scans = 0;
	SDL_Event ev;

	while (SDL_GetTicks64() < end) {
		if (SDL_WaitEventTimeout(&ev, 50) == 0) {
			continue;
		}
		if (ev.type == c->scan_event) {
			struct mck_capture_msg *m = ev.user.data1;

			mck_kiosk_scanned(k, m->text, m->len, m->count);
			mck_capture_msg_free(m);
			scans++;
		}
	}
	return scans;
}

static void test_nothing_stays_after_clearing(void **state)
{
	static struct mck_kiosk k;
	static struct mck_capture cap;
	/* The code's text: a credential's form with 64 characters no one else has,
	 * well inside it (the allocator writes over a freed block's first bytes). */
	char text[160] = "MC1:/";
	char source[96];
	size_t count;

	(void)state;
	mck_memscan_random_text(text + 5, 150);
	text[155] = '\0';
	snprintf(dir, sizeof(dir), "/tmp/mck-memory-XXXXXX");
	assert_non_null(mkdtemp(dir));
	/* drawn in a child: libqrencode's own copies of the text never enter this process */
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0) {
		frame("1.png", text);
		for (int i = 2; i <= 6; i++) {
			char name[16];

			snprintf(name, sizeof(name), "%d.png", i);
			frame(name, NULL);
		}
		_exit(0);
	}
	int status = -1;

	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	count = mck_memscan_count(text + 60, 64, text, sizeof(text));
	if (count == (size_t)-1) {
		skip(); /* /proc/self/mem does not show this process (an emulator) */
	}
	assert_int_equal(count, 0); /* only the test holds it */

	assert_int_equal(SDL_Init(SDL_INIT_EVENTS), 0);
	k.opt.fonts = MCK_FONT_DIR;
	k.opt.src.anchors = MCK_FIXTURES "/anchors";
	k.opt.src.trust = MCK_FIXTURES "/trust/trustlist.jws";
	k.opt.has_now = true;
	k.opt.now = 1795000000;
	k.opt.clear_after_s = 30;
	k.opt.after_code_left_s = 5;
	assert_int_equal(mck_kiosk_init(&k, 800, 480), 0);
	snprintf(source, sizeof(source), "replay:%s", dir);
	assert_int_equal(mck_capture_start(&cap, source, &k.opt.set, false), 0);

	/* shown and judged (the text is no valid credential: malformed) */
	assert_int_equal(pump(&k, &cap, 1200), 1);
	assert_int_equal(k.view.screen, MCK_SCREEN_RESULT);
	assert_int_equal(k.view.verdict, MCK_VERDICT_INVALID);
	/* the result clears as Done or its timeout would; the camera goes on */
	mck_kiosk_clear_screen(&k);
	mck_capture_forget(&cap);
	pump(&k, &cap, 1200); /* blank frames, a wipe in the capture thread */
	count = mck_memscan_count(text + 60, 64, text, sizeof(text));
	mck_capture_stop(&cap);
	mck_kiosk_free(&k);
	SDL_Quit();
	for (int i = 1; i <= 6; i++) {
		char path[128];

		snprintf(path, sizeof(path), "%s/%d.png", dir, i);
		unlink(path);
	}
	rmdir(dir);
	assert_int_equal(count, 0);
}

/*
 * The pixels of @p text as the UI's name font paints them, in ink: the font's
 * size found as the one whose width is the drawn name's (@p w). NULL: none.
 */
static SDL_Surface *painted(const char *text, int w)
{
	static const SDL_Color ink = {20, 24, 28, 255}; /* the name's colour (toolkit.c) */

	for (int size = 8; size < 300; size++) {
		TTF_Font *f = TTF_OpenFont(MCK_FONT_DIR "/NotoSans-Bold.ttf", size);
		int tw = 0;
		int th = 0;
		SDL_Surface *s = NULL;

		assert_non_null(f);
		if (TTF_SizeUTF8(f, text, &tw, &th) == 0 && tw == w) {
			s = TTF_RenderUTF8_Blended(f, text, ink);
		}
		TTF_CloseFont(f);
		if (s != NULL || tw > w) {
			return s;
		}
	}
	return NULL;
}

/* 64 bytes of a row through the middle of @p s, where the letters are. */
static const uint8_t *row_of(const SDL_Surface *s)
{
	return (const uint8_t *)s->pixels + (size_t)(s->h / 2) * (size_t)s->pitch +
	       (size_t)s->w / 3 * 4;
}

/*
 * What the screen kept of a result (its texts' textures, its layer, the
 * words and widths it measured) goes with it: a result with a name and a
 * title no one else has is drawn as the kiosk draws (mck_display_update: a
 * layer, text textures), cleared, drawn again; then the process's memory holds
 * neither the texts nor the pixels of the name as the UI painted it.
 */
static void test_screen_keeps_nothing(void **state)
{
	static struct mck_kiosk k;
	struct mck_display d;
	SDL_Surface *panel;
	SDL_Renderer *r;
	SDL_Surface *name_px;
	const struct mck_ui_box *b;
	size_t n;
	int name_w = 0;
	char line[40];
	char name[40] = "Anna ";
	char title[120] = "Cloud ";
	char body[120] = "Centre ";
	size_t count;

	(void)state;
	mck_memscan_random_text(name + 5, 12);
	name[17] = '\0';
	mck_memscan_random_text(title + 6, 100);
	title[106] = '\0';
	mck_memscan_random_text(body + 7, 100); /* formatted with its country: a copy */
	body[107] = '\0';
	assert_int_equal(SDL_Init(SDL_INIT_EVENTS), 0);
	k.opt.fonts = MCK_FONT_DIR;
	k.opt.src.anchors = MCK_FIXTURES "/anchors";
	k.opt.src.trust = MCK_FIXTURES "/trust/trustlist.jws";
	k.opt.has_now = true;
	k.opt.now = 1795000000;
	k.opt.clear_after_s = 30;
	assert_int_equal(mck_kiosk_init(&k, 800, 480), 0);
	panel = SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(panel);
	r = SDL_CreateSoftwareRenderer(panel);
	assert_non_null(r);
	mck_display_init(&d, 800, 480, 0);
	mck_ui_trace_text(k.ui, true);
	assert_true(mck_display_update(&d, k.ui, r, &k.view, true));
	/* a result, as mck_present_result leaves it */
	k.view.screen = MCK_SCREEN_RESULT;
	k.view.verdict = MCK_VERDICT_VALID;
	k.view.has_credential = true;
	k.view.countdown_s = 30;
	memcpy(k.view.learner, name, sizeof(name));
	memcpy(k.view.title, title, sizeof(title));
	memcpy(k.view.body, body, sizeof(body));
	assert_true(mck_display_update(&d, k.ui, r, &k.view, false));
	n = mck_ui_text_boxes(k.ui, &b);
	for (size_t i = 0; i < n; i++) {
		/* the name's line with its letters no one else has (it may break after Anna) */
		if (b[i].role == MCK_UI_ROLE_NAME && b[i].text != NULL &&
		    strstr(b[i].text, name + 5) != NULL) {
			snprintf(line, sizeof(line), "%s", b[i].text);
			name_w = b[i].rect.w;
		}
	}
	mck_ui_trace_text(k.ui, false); /* the trace's copies are the test's, not the kiosk's */
	assert_true(name_w > 0);
	name_px = painted(line, name_w);
	memset(line, 0, sizeof(line)); /* the test's copy */
	assert_non_null(name_px);
	/* the name's pixels as the UI keeps them: the test's needle finds the texture */
	count = mck_memscan_count(row_of(name_px), 64, name_px->pixels,
				  (size_t)name_px->pitch * (size_t)name_px->h);
	if (count == (size_t)-1) {
		skip(); /* an emulator */
	}
	assert_true(count >= 1);
	/* a tick of the countdown, Done: idle again, drawn as the loop draws it */
	k.view.countdown_s = 29;
	assert_true(mck_display_update(&d, k.ui, r, &k.view, false));
	mck_kiosk_clear_screen(&k);
	assert_true(mck_display_update(&d, k.ui, r, &k.view, false));
	assert_int_equal(mck_memscan_count(row_of(name_px), 64, name_px->pixels,
					   (size_t)name_px->pitch * (size_t)name_px->h),
			 0);
	assert_int_equal(mck_memscan_count(name + 5, 12, name, sizeof(name)), 0);
	assert_int_equal(mck_memscan_count(title + 40, 64, title, sizeof(title)), 0);
	assert_int_equal(mck_memscan_count(body + 40, 64, body, sizeof(body)), 0);
	SDL_FreeSurface(name_px);
	mck_display_release(&d);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(panel);
	mck_kiosk_free(&k);
	SDL_Quit();
}

/* Under AddressSanitizer its allocator fills freed blocks instead of glibc's tunables. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "max_free_fill_size=67108864:free_fill_byte=165";
}

int main(int argc, char **argv)
{
	(void)argc;
	/* the kiosk's heap, as mckiosk runs with it */
	mck_heap_harden(argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_stays_after_clearing),
		cmocka_unit_test(test_screen_keeps_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
