/*
 * Kiosk benchmarks (prints figures, asserts nothing), 1280x720, software renderer:
 *   1. a frame holding a code → verdict on screen: QR scan + verification +
 *      view + draw, per step and in all;
 *   2. idle: a frame without a code scanned and the idle screen drawn, as
 *      frames per second, without and with the camera's live picture.
 * Usage: bench_kiosk FIXTURES_DIR FONT_DIR
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "../app/kiosk/present.h"
#include "benchutil.h"
#include "mck/image.h"
#include "mck/qrscan.h"
#include "mck/store.h"
#include "mck/ui.h"

#define W      1280
#define H      720
#define ROUNDS 41

int main(int argc, char **argv)
{
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
	struct mck_view view;
	struct mck_ui *ui = NULL;
	SDL_Surface *surface = NULL;
	SDL_Renderer *r = NULL;
	struct mck_verifier *verifier = NULL;
	bool have_cfg = false;
	int rc = 1;
	enum mck_reason reason;
	char msg[256];
	double t_scan[ROUNDS], t_verify[ROUNDS], t_draw[ROUNDS], t_all[ROUNDS];
	double t_idle[ROUNDS];
	double t_live[ROUNDS];
	static uint8_t preview[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];

	if (argc < 3 || scan == NULL || codes == NULL || texts == NULL || frame == NULL ||
	    empty == NULL) {
		fprintf(stderr, "usage: bench_kiosk FIXTURES_DIR FONT_DIR\n");
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
	uint64_t rng = 0x9e3779b97f4a7c15u;

	for (size_t i = 0; i < (size_t)W * H; i++) {
		/* an empty scene as a camera gives it: smooth shading and sensor noise */
		size_t x = i % W;
		size_t y = i / W;

		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		empty[i] = (uint8_t)(120 + (x * 60) / W + (y * 40) / H + (rng >> 40) % 9u);
		frame[i] = empty[i];
	}
	for (uint32_t y = 0; y < code_img.height; y++) {
		memcpy(frame + (size_t)(y + (H - code_img.height) / 2) * W +
			       (W - code_img.width) / 2,
		       code_img.pixels + (size_t)y * code_img.width, code_img.width);
	}
	mck_qrscan_set_budget(scan, MCK_QRSCAN_BUDGET_MS); /* as the camera thread */
	ui = mck_ui_create(argv[2], W, H, msg, sizeof(msg));
	surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
	r = surface != NULL ? SDL_CreateSoftwareRenderer(surface) : NULL;
	if (ui == NULL || r == NULL || verifier == NULL) {
		fprintf(stderr, "bench_kiosk: %s\n", ui == NULL ? msg : SDL_GetError());
		goto out;
	}
	memset(&view, 0, sizeof(view));
	mck_present_status(&view, &vcfg, mck_trustlist_iat(cfg.trust), true);
	for (int i = 0; i < ROUNDS; i++) {
		struct mck_result res;
		double t0 = mck_bench_now_ms();
		int n = mck_qrscan_frame(scan, frame, W, H, codes);
		double t1 = mck_bench_now_ms();

		mck_qrtext_init(texts);
		for (int c = 0; c < n; c++) {
			mck_qrtext_add(texts, codes->text[c], codes->len[c]);
		}
		mck_verify_qr(verifier, texts, 1795000000, &res);
		mck_present_result(&view, &res);
		double t2 = mck_bench_now_ms();
		mck_ui_draw(ui, r, &view);
		double t3 = mck_bench_now_ms();
		if (n != 1 || res.verdict != MCK_VERDICT_VALID) {
			fprintf(stderr, "bench_kiosk: code not read or not valid\n");
			goto out;
		}
		mck_result_free(&res);
		mck_view_clear_result(&view);
		t_scan[i] = t1 - t0;
		t_verify[i] = t2 - t1;
		t_draw[i] = t3 - t2;
		t_all[i] = t3 - t0;
		t0 = mck_bench_now_ms();
		(void)mck_qrscan_frame(scan, empty, W, H, codes);
		mck_ui_draw(ui, r, &view);
		t_idle[i] = mck_bench_now_ms() - t0;
		/* The same with the camera's live picture on the idle screen. */
		t0 = mck_bench_now_ms();
		(void)mck_qrscan_frame(scan, empty, W, H, codes);
		mck_present_preview(empty, W, H, preview, &view.preview_w, &view.preview_h);
		view.preview = preview;
		mck_ui_draw(ui, r, &view);
		view.preview = NULL;
		t_live[i] = mck_bench_now_ms() - t0;
	}
	printf("== kiosk at %dx%d, software renderer, %d rounds, median\n", W, H, ROUNDS);
	printf("frame with a code -> verdict drawn: %.1f ms (scan %.1f, verify %.2f, draw %.1f)\n",
	       mck_bench_median(t_all, ROUNDS), mck_bench_median(t_scan, ROUNDS),
	       mck_bench_median(t_verify, ROUNDS), mck_bench_median(t_draw, ROUNDS));
	double idle = mck_bench_median(t_idle, ROUNDS);
	printf("idle frame (scan without a code + idle screen): %.1f ms, %.1f frames/s\n", idle,
	       1000.0 / idle);
	double live = mck_bench_median(t_live, ROUNDS);
	printf("idle frame with the live picture (+ shrink + preview texture): %.1f ms, "
	       "%.1f frames/s (%.2fx the time without)\n",
	       live, 1000.0 / live, live / idle);
	rc = 0;
out:
	if (r != NULL) {
		SDL_DestroyRenderer(r);
	}
	SDL_FreeSurface(surface);
	mck_ui_destroy(ui);
	mck_verifier_destroy(verifier);
	if (have_cfg) {
		mck_store_trust_free(&cfg);
	}
	mck_image_free(&code_img);
	free(frame);
	free(empty);
	free(texts);
	free(codes);
	mck_qrscan_destroy(scan);
	SDL_Quit();
	return rc;
}
