/*
 * Nothing of the learner stays in the kiosk's memory once a result clears
 * (issue #14, item 8): the kiosk itself, its capture thread, the replay
 * source and the scanner run in this process; a code holding a text no one
 * else has is shown, verified, cleared, and the process's own memory is then
 * searched for that text.
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

#include "capture.h"
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
	assert_int_equal(mck_capture_start(&cap, source, &k.opt.set), 0);

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
