/*
 * Decode and QR-scan times per frame size.
 *
 * For each size, a noisy grey frame holds one QR code of a ~600-digit MC1
 * text; it is encoded as PNG and as JPEG in memory, then mck_image_decode
 * and mck_qrscan_frame are timed separately. Then the largest frame an image
 * file may give (4096 x 3072) covered in finder patterns in each way of
 * tests/support/finders.c, which once took ZBar 1.5 s: wall and CPU time and
 * the work counted. Prints figures, asserts nothing.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <png.h>
#include <qrencode.h>

#include "benchutil.h"
#include "mck/image.h"
#include "mck/qrscan.h"
#include "support/finders.h"
#include "support/imgcodec.h"

#define RUNS       25
#define QUIET      4 /* modules */
#define SHEET_RUNS 9 /* 4096 x 3072 frames */
#define SHEET_W    4096
#define SHEET_H    3072

struct size {
	uint32_t width;
	uint32_t height;
};

static const struct size sizes[] = {{640, 480}, {1280, 720}, {1920, 1080}};

static uint64_t rng_state = 0x2545f4914f6cdd1du;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 32);
}

struct stats {
	double median;
	double p90;
};

static struct stats summarize(double *t, int n)
{
	struct stats s;

	s.median = mck_bench_median(t, (size_t)n); /* sorts t */
	s.p90 = mck_bench_percentile(t, (size_t)n, 90);
	return s;
}

static uint8_t clamp(int v)
{
	return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
}

/* A lit, noisy background with the code printed on paper in the middle:
 * dark modules ~40, paper ~210, plus sensor noise everywhere. */
static uint8_t *make_frame(const struct size *sz, const QRcode *qr, uint32_t *scale_out)
{
	uint32_t w = sz->width;
	uint32_t h = sz->height;
	uint32_t modules = (uint32_t)qr->width + 2 * QUIET;
	uint32_t scale = (h * 6 / 10) / modules;
	uint32_t side;
	uint32_t x0;
	uint32_t y0;
	uint8_t *px = malloc((size_t)w * h);

	if (!px) {
		return NULL;
	}
	if (scale < 2) {
		scale = 2;
	}
	side = modules * scale;
	x0 = (w - side) / 2;
	y0 = (h - side) / 2;
	for (uint32_t y = 0; y < h; y++) {
		for (uint32_t x = 0; x < w; x++) {
			int v = 70 + (int)(x * 60 / w) + (int)(y * 40 / h);

			if (x >= x0 && x < x0 + side && y >= y0 && y < y0 + side) {
				int mx = (int)((x - x0) / scale) - QUIET;
				int my = (int)((y - y0) / scale) - QUIET;
				int dark = mx >= 0 && my >= 0 && mx < qr->width && my < qr->width &&
					   (qr->data[my * qr->width + mx] & 1);

				v = dark ? 40 : 210;
			}
			px[(size_t)y * w + x] = clamp(v + (int)(rng() % 41) - 20);
		}
	}
	*scale_out = scale;
	return px;
}

/* Times RUNS decodes; the last image is kept in *keep. */
static struct stats time_decode(const uint8_t *data, size_t len, struct mck_image *keep, int *rc)
{
	double t[RUNS];

	for (int i = 0; i < RUNS; i++) {
		double t0;

		mck_image_free(keep);
		t0 = mck_bench_now_ms();
		*rc = mck_image_decode(keep, data, len);
		t[i] = mck_bench_now_ms() - t0;
	}
	return summarize(t, RUNS);
}

static struct stats time_scan(struct mck_qrscan *scan, const uint8_t *px, uint32_t w, uint32_t h,
			      struct mck_qrscan_result *res, const char *want, size_t want_len,
			      int *found)
{
	double t[RUNS];

	*found = 0;
	for (int i = 0; i < RUNS; i++) {
		double t0 = mck_bench_now_ms();
		int n = mck_qrscan_frame(scan, px, w, h, res);

		t[i] = mck_bench_now_ms() - t0;
		if (n == 1 && res->len[0] == want_len &&
		    memcmp(res->text[0], want, want_len) == 0) {
			(*found)++;
		}
	}
	return summarize(t, RUNS);
}

static void row(const char *what, struct stats s, const char *extra)
{
	printf("  %-22s median %8.2f ms   p90 %8.2f ms   %s\n", what, s.median, s.p90, extra);
}

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Scan @p px SHEET_RUNS times: wall and CPU medians, the work of the last scan. */
static void time_sheet(struct mck_qrscan *scan, const char *name, const uint8_t *px,
		       struct mck_qrscan_result *res)
{
	double wall[SHEET_RUNS];
	double cpu[SHEET_RUNS];
	const struct mck_qrscan_work *w = &mck_qrscan_stats(scan)->last;
	int n = 0;

	for (int i = 0; i < SHEET_RUNS; i++) {
		double t0 = mck_bench_now_ms();
		double c0 = cpu_ms();

		n = mck_qrscan_frame(scan, px, SHEET_W, SHEET_H, res);
		cpu[i] = cpu_ms() - c0;
		wall[i] = mck_bench_now_ms() - t0;
	}
	struct stats sw = summarize(wall, SHEET_RUNS);
	struct stats sc = summarize(cpu, SHEET_RUNS);

	printf("  %-30s %8.1f %8.1f %8.1f %3d  %4u %2u %3u %7.1f %6lu %3u\n", name, sw.median,
	       sw.p90, sc.median, n, w->candidates, w->fits, w->passes, (double)w->pixels / 1e6,
	       w->cost_us / 1000, w->crowded);
}

/* The largest frame an image file gives, covered in finder patterns; and with a code alone. */
static int sheets(struct mck_qrscan *scan, struct mck_qrscan_result *res, const QRcode *qr)
{
	const struct mck_test_sheet *sheet;
	size_t count = mck_test_sheets(&sheet);
	struct size big = {SHEET_W, SHEET_H};
	uint32_t scale = 0;
	uint8_t *px = make_frame(&big, qr, &scale);

	if (!px) {
		return 1;
	}
	printf("%dx%d frames covered in finder patterns, %d runs (ms; work of the last run: "
	       "finder candidates, grid fits, ZBar passes, Mpx to ZBar, estimated ms, passes "
	       "left out)\n",
	       SHEET_W, SHEET_H, SHEET_RUNS);
	printf("  %-30s %8s %8s %8s %3s  %4s %2s %3s %7s %6s %3s\n", "frame", "median", "p90",
	       "cpu", "rd", "cand", "ft", "ps", "Mpx", "est", "out");
	time_sheet(scan, "one code, noisy background", px, res);
	for (size_t i = 0; i < count; i++) {
		mck_test_sheet_draw(&sheet[i], px, SHEET_W, SHEET_H);
		time_sheet(scan, sheet[i].name, px, res);
	}
	free(px);
	return 0;
}

int main(void)
{
	char text[608];
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck_qrscan_result *res = malloc(sizeof(*res));
	QRcode *qr;
	size_t n;

	if (!scan || !res) {
		fprintf(stderr, "bench_image: out of memory\n");
		return 1;
	}
	n = (size_t)snprintf(text, sizeof(text), "MC1:/");
	while (n < 605) {
		text[n++] = (char)('0' + rng() % 10);
	}
	text[n] = '\0';
	/* As an issuer would: mode by mode, so the digits go in numeric mode. */
	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr) {
		fprintf(stderr, "bench_image: qrencode failed\n");
		return 1;
	}
	printf("bench_image: %zu-char MC1 text, QR version %d (%d modules), level M, %d runs\n", n,
	       qr->version, qr->width, RUNS);

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		const struct size *sz = &sizes[i];
		struct mck_image from_png = {0, 0, NULL};
		struct mck_image from_jpeg = {0, 0, NULL};
		uint32_t scale = 0;
		uint8_t *px = make_frame(sz, qr, &scale);
		uint8_t *png;
		uint8_t *jpg;
		size_t png_len = 0;
		size_t jpg_len = 0;
		char extra[64];
		struct stats s;
		int rc_png;
		int rc_jpg;
		int found;

		if (!px) {
			return 1;
		}
		png = mck_test_png_encode(px, sz->width, sz->height, PNG_FORMAT_GRAY, &png_len);
		jpg = mck_test_jpeg_encode(px, sz->width, sz->height, 1, 85, 0, &jpg_len);
		if (!png || !jpg) {
			return 1;
		}
		printf("%ux%u, %u px/module:\n", sz->width, sz->height, scale);

		s = time_decode(png, png_len, &from_png, &rc_png);
		snprintf(extra, sizeof(extra), "%zu KiB, rc %d", png_len / 1024, rc_png);
		row("decode PNG", s, extra);
		s = time_decode(jpg, jpg_len, &from_jpeg, &rc_jpg);
		snprintf(extra, sizeof(extra), "%zu KiB q85, rc %d", jpg_len / 1024, rc_jpg);
		row("decode JPEG", s, extra);

		if (rc_png == 0) {
			s = time_scan(scan, from_png.pixels, from_png.width, from_png.height, res,
				      text, n, &found);
			snprintf(extra, sizeof(extra), "read %d/%d", found, RUNS);
			row("scan (PNG frame)", s, extra);
		}
		if (rc_jpg == 0) {
			s = time_scan(scan, from_jpeg.pixels, from_jpeg.width, from_jpeg.height,
				      res, text, n, &found);
			snprintf(extra, sizeof(extra), "read %d/%d", found, RUNS);
			row("scan (JPEG frame)", s, extra);
		}
		/* The same noise with no code: the cost of every idle frame. */
		for (size_t k = 0; k < (size_t)sz->width * sz->height; k++) {
			px[k] = clamp(70 + (int)(k % sz->width * 60 / sz->width) +
				      (int)(rng() % 41) - 20);
		}
		s = time_scan(scan, px, sz->width, sz->height, res, text, n, &found);
		row("scan (no code)", s, "");

		mck_image_free(&from_png);
		mck_image_free(&from_jpeg);
		free(png);
		free(jpg);
		free(px);
	}
	if (sheets(scan, res, qr) != 0) {
		return 1;
	}
	QRcode_free(qr);
	mck_qrscan_destroy(scan);
	free(res);
	return 0;
}
