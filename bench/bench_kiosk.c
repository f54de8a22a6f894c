/*
 * Kiosk benchmarks (prints figures, asserts nothing), 1280x720, software renderer:
 *   1. a frame holding a code -> verdict on screen: QR scan + verification +
 *      view + draw, per step and in all;
 *   2. the drawing of the loop's frames, before (the whole screen drawn every
 *      frame: mck_ui_draw) and after (drawn on change: mck_display_update):
 *      an unchanged idle frame, an idle frame with a new camera picture, a
 *      countdown's tick on a result, a result's first draw (after idle, the
 *      kiosk's own words drawn before; and the first since start);
 *   3. an idle frame in all: a frame without a code scanned, and drawn.
 * Instructions per case: each is a function of its own, e.g.
 *   valgrind --tool=callgrind --toggle-collect='kiosk_case_*' bench_kiosk ...
 *   callgrind_annotate --inclusive=yes callgrind.out.* | grep kiosk_case_
 * and divide by the rounds printed.
 * Usage: bench_kiosk FIXTURES_DIR FONT_DIR [ROUNDS]
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "../app/kiosk/display.h"
#include "../app/kiosk/present.h"
#include "benchutil.h"
#include "mck/image.h"
#include "mck/qrscan.h"
#include "mck/store.h"
#include "mck/ui.h"

#define W          1280
#define H          720
#define ROUNDS_MAX 201

/* What every case draws with. */
struct bench {
	struct mck_ui *ui; /* before: full draws */
	SDL_Renderer *r;
	struct mck_ui *cui; /* after: cached renders, through the display as the loop does */
	SDL_Renderer *cr;
	struct mck_display d;
	struct mck_view idle;
	struct mck_view result;
	uint8_t picture[2][MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];
	int drew; /* frames drawn after: written after each call, so none is a tail call
		   * (callgrind's --toggle-collect would lose count of a jump out) */
};

/* a function of its own for callgrind: not inlined, not folded into a twin (gcc's ICF) */
#if defined(__GNUC__) && !defined(__clang__)
#define NOINLINE __attribute__((noipa))
#else
#define NOINLINE __attribute__((noinline))
#endif

/* Before: the loop drew the whole screen every frame. */
NOINLINE static void kiosk_case_idle_unchanged_before(struct bench *b)
{
	mck_ui_draw(b->ui, b->r, &b->idle);
	b->drew++;
}

NOINLINE static void kiosk_case_idle_picture_before(struct bench *b, int i)
{
	b->idle.preview = b->picture[i & 1];
	mck_ui_draw(b->ui, b->r, &b->idle);
	b->drew++;
}

NOINLINE static void kiosk_case_countdown_before(struct bench *b, int i)
{
	b->result.countdown_s = 29u - (unsigned)(i % 20);
	mck_ui_draw(b->ui, b->r, &b->result);
	b->drew++;
}

NOINLINE static void kiosk_case_result_before(struct bench *b)
{
	mck_ui_draw(b->ui, b->r, &b->result);
	b->drew++;
}

/* After: drawn on change, only what changed. */
NOINLINE static void kiosk_case_idle_unchanged_after(struct bench *b)
{
	b->drew += mck_display_update(&b->d, b->cui, b->cr, &b->idle, false);
}

NOINLINE static void kiosk_case_idle_picture_after(struct bench *b, int i)
{
	b->idle.preview = b->picture[i & 1];
	b->drew += mck_display_update(&b->d, b->cui, b->cr, &b->idle, false);
}

NOINLINE static void kiosk_case_countdown_after(struct bench *b, int i)
{
	b->result.countdown_s = 29u - (unsigned)(i % 20);
	b->drew += mck_display_update(&b->d, b->cui, b->cr, &b->result, false);
}

NOINLINE static void kiosk_case_result_after(struct bench *b)
{
	b->drew += mck_display_update(&b->d, b->cui, b->cr, &b->result, false);
}

/* The first result since the kiosk started: not even the labels drawn before. */
NOINLINE static void kiosk_case_result_cold_before(struct bench *b)
{
	mck_ui_draw(b->ui, b->r, &b->result);
	b->drew++;
}

NOINLINE static void kiosk_case_result_cold_after(struct bench *b)
{
	b->drew += mck_display_update(&b->d, b->cui, b->cr, &b->result, false);
}

/* An empty scene as a camera gives it: smooth shading and sensor noise. */
static void scene(uint8_t *px, uint64_t seed)
{
	uint64_t rng = 0x9e3779b97f4a7c15u ^ seed;

	for (size_t i = 0; i < (size_t)W * H; i++) {
		size_t x = i % W;
		size_t y = i / W;

		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		px[i] = (uint8_t)(120 + (x * 60) / W + (y * 40) / H + (rng >> 40) % 9u);
	}
}

static SDL_Renderer *software(SDL_Surface **s)
{
	*s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
	return *s != NULL ? SDL_CreateSoftwareRenderer(*s) : NULL;
}

/* The drawing cases, before and after, ROUNDS each: medians side by side. */
static int draw_cases(struct bench *b, int rounds)
{
	static double before[5][ROUNDS_MAX];
	static double after[5][ROUNDS_MAX];
	static const char *const names[5] = {
		"idle, unchanged",
		"idle, a new camera picture",
		"result, the countdown ticks",
		"result, first draw (after idle)",
		"result, the first since start",
	};
	int drew[5] = {0, 0, 0, 0, 0};

	/* warm: fonts' glyph caches, the layer made */
	mck_ui_draw(b->ui, b->r, &b->idle);
	mck_display_update(&b->d, b->cui, b->cr, &b->idle, true);
	for (int i = 0; i < rounds; i++) {
		double t0 = mck_bench_now_ms();
		int n;

		kiosk_case_idle_unchanged_before(b);
		before[0][i] = mck_bench_now_ms() - t0;
		t0 = mck_bench_now_ms();
		n = b->drew;
		kiosk_case_idle_unchanged_after(b);
		drew[0] += b->drew - n;
		after[0][i] = mck_bench_now_ms() - t0;

		t0 = mck_bench_now_ms();
		kiosk_case_idle_picture_before(b, i);
		before[1][i] = mck_bench_now_ms() - t0;
		t0 = mck_bench_now_ms();
		n = b->drew;
		kiosk_case_idle_picture_after(b, i);
		drew[1] += b->drew - n;
		after[1][i] = mck_bench_now_ms() - t0;

		/* a result after idle: its first draw */
		t0 = mck_bench_now_ms();
		kiosk_case_result_before(b);
		before[3][i] = mck_bench_now_ms() - t0;
		t0 = mck_bench_now_ms();
		n = b->drew;
		kiosk_case_result_after(b);
		drew[3] += b->drew - n;
		after[3][i] = mck_bench_now_ms() - t0;

		t0 = mck_bench_now_ms();
		kiosk_case_countdown_before(b, i);
		before[2][i] = mck_bench_now_ms() - t0;
		t0 = mck_bench_now_ms();
		n = b->drew;
		kiosk_case_countdown_after(b, i);
		drew[2] += b->drew - n;
		after[2][i] = mck_bench_now_ms() - t0;

		/* back to idle for the next round (not timed) */
		b->result.countdown_s = 30;
		mck_display_update(&b->d, b->cui, b->cr, &b->idle, false);
	}
	/* the first result since start: every cache empty (the kiosk just started, idle shown) */
	for (int i = 0; i < rounds; i++) {
		double t0;
		int n;

		mck_ui_forget(b->cui);
		mck_display_update(&b->d, b->cui, b->cr, &b->idle, true);
		t0 = mck_bench_now_ms();
		kiosk_case_result_cold_before(b);
		before[4][i] = mck_bench_now_ms() - t0;
		n = b->drew;
		t0 = mck_bench_now_ms();
		kiosk_case_result_cold_after(b);
		after[4][i] = mck_bench_now_ms() - t0;
		drew[4] += b->drew - n;
	}
	printf("== drawing the loop's frames at %dx%d, software renderer, %d rounds, median ms\n",
	       W, H, rounds);
	printf("%-34s %12s %12s %8s\n", "frame", "before", "after", "drawn");
	printf("%-34s %12s %12s %8s\n", "", "(full draw)", "(on change)", "(after)");
	for (int c = 0; c < 5; c++) {
		printf("%-34s %12.3f %12.3f %5d/%d\n", names[c],
		       mck_bench_median(before[c], (size_t)rounds),
		       mck_bench_median(after[c], (size_t)rounds), drew[c], rounds);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct bench b;
	char path[1024];
	char anchors[1024];
	char status[1024];
	struct mck_store_opts src;
	struct mck_store_trust cfg;
	struct mck_verifier_cfg vcfg = {0};
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck_qrscan_result *codes = malloc(sizeof(*codes));
	struct mck_qrtext *texts = malloc(sizeof(*texts));
	struct mck_image code_img = {0};
	uint8_t *frame = calloc(1, (size_t)W * H);
	uint8_t *empty = malloc((size_t)W * H);
	uint8_t *empty2 = malloc((size_t)W * H);
	SDL_Surface *surface = NULL;
	SDL_Surface *csurface = NULL;
	struct mck_verifier *verifier = NULL;
	bool have_cfg = false;
	int rc = 1;
	int rounds = argc > 3 ? atoi(argv[3]) : 41;
	enum mck_reason reason;
	char msg[256];
	static double t_scan[ROUNDS_MAX], t_verify[ROUNDS_MAX], t_draw[ROUNDS_MAX],
		t_all[ROUNDS_MAX], t_idle[ROUNDS_MAX], t_idle_after[ROUNDS_MAX];

	rounds = rounds < 1 ? 1 : rounds > ROUNDS_MAX ? ROUNDS_MAX : rounds;
	if (argc < 3 || scan == NULL || codes == NULL || texts == NULL || frame == NULL ||
	    empty == NULL || empty2 == NULL) {
		fprintf(stderr, "usage: bench_kiosk FIXTURES_DIR FONT_DIR [ROUNDS]\n");
		goto out;
	}
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	snprintf(anchors, sizeof(anchors), "%s/anchors", argv[1]);
	snprintf(path, sizeof(path), "%s/trust/trustlist.jws", argv[1]);
	snprintf(status, sizeof(status), "%s/status", argv[1]);
	src = (struct mck_store_opts){.anchors = anchors, .trust = path, .status = status};
	if (SDL_Init(0) != 0 || mck_store_load(&cfg, &src, NULL, &reason, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "bench_kiosk: setup failed\n");
		goto out;
	}
	vcfg.trust = cfg.trust;
	vcfg.status = &cfg.status;
	vcfg.grace_seconds = 30 * 86400;
	have_cfg = true;
	verifier = mck_verifier_create(&vcfg);
	/* The fixture's QR image, centred in a grey 1280x720 frame, as a camera sees a phone. */
	snprintf(path, sizeof(path), "%s/cases/valid-es256-compact/input0.png", argv[1]);
	if (mck_image_load(&code_img, path) != 0 || code_img.width > W || code_img.height > H) {
		fprintf(stderr, "bench_kiosk: %s\n", path);
		goto out;
	}
	scene(empty, 0);
	scene(empty2, 1);
	memcpy(frame, empty, (size_t)W * H);
	for (uint32_t y = 0; y < code_img.height; y++) {
		memcpy(frame + (size_t)(y + (H - code_img.height) / 2) * W +
			       (W - code_img.width) / 2,
		       code_img.pixels + (size_t)y * code_img.width, code_img.width);
	}
	mck_qrscan_set_budget(scan, MCK_QRSCAN_BUDGET_MS); /* as the camera thread */
	b.ui = mck_ui_create(argv[2], W, H, msg, sizeof(msg));
	b.cui = mck_ui_create(argv[2], W, H, msg, sizeof(msg));
	b.r = software(&surface);
	b.cr = software(&csurface);
	if (b.ui == NULL || b.cui == NULL || b.r == NULL || b.cr == NULL || verifier == NULL) {
		fprintf(stderr, "bench_kiosk: %s\n", b.ui == NULL ? msg : SDL_GetError());
		goto out;
	}
	mck_display_init(&b.d, W, H, 0);
	memset(&b.idle, 0, sizeof(b.idle));
	mck_present_status(&b.idle, &vcfg, mck_trustlist_iat(cfg.trust), true);
	mck_present_preview(empty, W, H, b.picture[0], &b.idle.preview_w, &b.idle.preview_h);
	mck_present_preview(empty2, W, H, b.picture[1], &b.idle.preview_w, &b.idle.preview_h);
	b.idle.preview = b.picture[0];
	b.result = b.idle;
	b.result.preview = NULL;
	for (int i = 0; i < rounds; i++) {
		struct mck_result res;
		double t0 = mck_bench_now_ms();
		int n = mck_qrscan_frame(scan, frame, W, H, codes);
		double t1 = mck_bench_now_ms();

		mck_qrtext_init(texts);
		for (int c = 0; c < n; c++) {
			mck_qrtext_add(texts, codes->text[c], codes->len[c]);
		}
		mck_verify_qr(verifier, texts, 1795000000, &res);
		mck_present_result(&b.result, &res);
		b.result.countdown_s = 30;
		double t2 = mck_bench_now_ms();
		mck_display_update(&b.d, b.cui, b.cr, &b.result, false);
		double t3 = mck_bench_now_ms();
		if (n != 1 || res.verdict != MCK_VERDICT_VALID) {
			fprintf(stderr, "bench_kiosk: code not read or not valid\n");
			goto out;
		}
		mck_result_free(&res);
		t_scan[i] = t1 - t0;
		t_verify[i] = t2 - t1;
		t_draw[i] = t3 - t2;
		t_all[i] = t3 - t0;
		/* An idle frame: a frame without a code scanned, the screen drawn (before: whole;
		 * after: the new camera picture alone). */
		t0 = mck_bench_now_ms();
		(void)mck_qrscan_frame(scan, (i & 1) != 0 ? empty : empty2, W, H, codes);
		b.idle.preview = b.picture[i & 1];
		mck_ui_draw(b.ui, b.r, &b.idle);
		t_idle[i] = mck_bench_now_ms() - t0;
		mck_display_update(&b.d, b.cui, b.cr, &b.idle, false); /* the result leaves */
		t0 = mck_bench_now_ms();
		(void)mck_qrscan_frame(scan, (i & 1) != 0 ? empty2 : empty, W, H, codes);
		b.idle.preview = b.picture[(i + 1) & 1];
		mck_display_update(&b.d, b.cui, b.cr, &b.idle, false);
		t_idle_after[i] = mck_bench_now_ms() - t0;
	}
	printf("== kiosk at %dx%d, software renderer, %d rounds, median\n", W, H, rounds);
	printf("frame with a code -> verdict drawn: %.1f ms (scan %.1f, verify %.2f, draw %.2f)\n",
	       mck_bench_median(t_all, (size_t)rounds), mck_bench_median(t_scan, (size_t)rounds),
	       mck_bench_median(t_verify, (size_t)rounds),
	       mck_bench_median(t_draw, (size_t)rounds));
	double idle = mck_bench_median(t_idle, (size_t)rounds);
	double idle_after = mck_bench_median(t_idle_after, (size_t)rounds);
	printf("idle frame with a new camera picture (scan + draw): before %.1f ms (%.0f/s), "
	       "after %.1f ms (%.0f/s)\n",
	       idle, 1000.0 / idle, idle_after, 1000.0 / idle_after);
	b.result.countdown_s = 30;
	rc = draw_cases(&b, rounds);
out:
	mck_display_release(&b.d); /* the cached UI's textures, before their renderer */
	if (b.r != NULL) {
		SDL_DestroyRenderer(b.r);
	}
	if (b.cr != NULL) {
		SDL_DestroyRenderer(b.cr);
	}
	SDL_FreeSurface(surface);
	SDL_FreeSurface(csurface);
	mck_ui_destroy(b.ui);
	mck_ui_destroy(b.cui);
	mck_view_clear_result(&b.result);
	mck_verifier_destroy(verifier);
	if (have_cfg) {
		mck_store_trust_free(&cfg);
	}
	mck_image_free(&code_img);
	free(frame);
	free(empty);
	free(empty2);
	free(texts);
	free(codes);
	mck_qrscan_destroy(scan);
	SDL_Quit();
	return rc;
}
