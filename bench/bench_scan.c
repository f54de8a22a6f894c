/*
 * Scanning benchmark (prints figures, asserts nothing), over the degraded-image
 * set of tests/degrade/make-set.sh:
 *   1. per degradation: decode rate of plain ZBar (one pass over the frame, as
 *      zbarimg does it) and of our pipeline (mck_qrscan_frame); ms per frame;
 *   2. median and p99 ms per frame at 640x480, 1280x720, 1920x1080, with and
 *      without a code (the set's time-* frames), both side by side.
 * Usage: bench_scan SET_DIR [BUDGET_MS]   (default: the camera budget; 0: none)
 * MCK_BENCH_MISSED=1 in the environment lists the frames we miss on stderr.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"
#include "mck/image.h"
#include "mck/qrscan.h"
#include "support/zbarplain.h"

#define MAX_FRAMES 400
#define MAX_KINDS  16
#define ROUNDS     21

struct frame {
	char path[512];
	char kind[32];
	char *want; /* NULL: no code */
};

/* Plain ZBar, as zbarimg uses it: default configuration, one pass. */
static int zbar_plain(const struct mck_image *img, const char *want)
{
	return mck_test_zbar_reads(img->pixels, img->width, img->height, want, true);
}

static bool ours(struct mck_qrscan *scan, struct mck_qrscan_result *res,
		 const struct mck_image *img, const char *want, double *ms)
{
	double t0 = mck_bench_now_ms();
	int n = mck_qrscan_frame(scan, img->pixels, img->width, img->height, res);

	*ms = mck_bench_now_ms() - t0;
	if (want == NULL) {
		return n == 0;
	}
	for (int i = 0; i < n; i++) {
		if (res->len[i] == strlen(want) && memcmp(res->text[i], want, res->len[i]) == 0) {
			return true;
		}
	}
	return false;
}

static int load_manifest(const char *dir, const char *name, struct frame *frames)
{
	char path[600];
	char *line = NULL;
	size_t cap = 0;
	int n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (f == NULL) {
		return -1;
	}
	while (n < MAX_FRAMES && getline(&line, &cap, f) > 0) {
		char *tab = strchr(line, '\t');
		const char *base;
		const char *dash;

		if (tab == NULL) {
			continue;
		}
		*tab = '\0';
		tab[1 + strcspn(tab + 1, "\n")] = '\0';
		snprintf(frames[n].path, sizeof(frames[n].path), "%s/%s", dir, line);
		frames[n].want = strcmp(tab + 1, "-") == 0 ? NULL : strdup(tab + 1);
		/* frames/NAME-KIND-LEVEL.ext, frames/none-N.png */
		base = strrchr(line, '/') != NULL ? strrchr(line, '/') + 1 : line;
		dash = strchr(base, '-');
		if (frames[n].want == NULL) {
			snprintf(frames[n].kind, sizeof(frames[n].kind), "no code");
		} else if (dash != NULL) {
			snprintf(frames[n].kind, sizeof(frames[n].kind), "%.*s",
				 (int)strcspn(dash + 1, "-"), dash + 1);
		}
		n++;
	}
	free(line);
	fclose(f);
	return n;
}

/* Side by side, frame by frame: plain ZBar and ours, median and p99 over ROUNDS. */
static void timing(const char *dir, struct mck_qrscan *scan, struct mck_qrscan_result *res)
{
	static struct frame frames[8];
	double zb[ROUNDS];
	double our[ROUNDS];
	int n = load_manifest(dir, "timing.tsv", frames);

	printf("\n== ms per frame, %d rounds: plain ZBar vs ours\n", ROUNDS);
	printf("%-34s %10s %10s %10s %10s %7s\n", "frame", "zbar med", "zbar p99", "ours med",
	       "ours p99", "ratio");
	for (int i = 0; i < n; i++) {
		struct mck_image img = {0};
		const char *base = strrchr(frames[i].path, '/') + 1;

		if (mck_image_load(&img, frames[i].path) != 0) {
			continue;
		}
		for (int r = 0; r < ROUNDS; r++) {
			double t0 = mck_bench_now_ms();

			(void)zbar_plain(&img, frames[i].want);
			zb[r] = mck_bench_now_ms() - t0;
			(void)ours(scan, res, &img, frames[i].want, &our[r]);
		}
		double zm = mck_bench_median(zb, ROUNDS);
		double om = mck_bench_median(our, ROUNDS);
		printf("%-34s %10.2f %10.2f %10.2f %10.2f %6.2fx\n", base, zm,
		       mck_bench_percentile(zb, ROUNDS, 99), om,
		       mck_bench_percentile(our, ROUNDS, 99), om / zm);
		mck_image_free(&img);
		free(frames[i].want);
	}
}

int main(int argc, char **argv)
{
	static struct frame frames[MAX_FRAMES];
	static double ms[2 * MAX_FRAMES];
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck_qrscan_result *res = malloc(sizeof(*res));
	const char *kinds[MAX_KINDS];
	int nk = 0;
	int n;
	int zb_total = 0;
	int our_total = 0;
	int two_total = 0;

	if (argc < 2 || argc > 3 || scan == NULL || res == NULL) {
		fprintf(stderr, "usage: bench_scan SET_DIR [BUDGET_MS]\n");
		free(res);
		mck_qrscan_destroy(scan);
		return 2;
	}
	/* The kiosk's camera budget by default; 0: every step, as for still images. */
	unsigned budget = argc == 3 ? (unsigned)strtoul(argv[2], NULL, 10) : MCK_QRSCAN_BUDGET_MS;
	mck_qrscan_set_budget(scan, budget);
	printf("budget per frame: %u ms%s\n", budget, budget == 0 ? " (none: still images)" : "");
	n = load_manifest(argv[1], "manifest.tsv", frames);
	if (n <= 0) {
		fprintf(stderr, "bench_scan: no manifest in %s (tests/degrade/make-set.sh)\n",
			argv[1]);
		free(res);
		mck_qrscan_destroy(scan);
		return 2;
	}
	for (int i = 0; i < n; i++) {
		bool known = false;

		for (int k = 0; k < nk; k++) {
			known = known || strcmp(kinds[k], frames[i].kind) == 0;
		}
		if (!known && nk < MAX_KINDS) {
			kinds[nk++] = frames[i].kind;
		}
	}
	printf("== decode rate per degradation (%d frames), plain ZBar vs our pipeline\n", n);
	if (budget != 0) {
		printf("(a camera: each image also as the next frame, which tries the steps in\n"
		       " another order; \"2 frames %%\": read in one of the two; ms over all "
		       "frames)\n");
	}
	printf("%-12s %6s %9s %9s %10s %9s %9s %9s\n", "kind", "frames", "zbar %", "ours %",
	       budget != 0 ? "2 frames %" : "", "median ms", "p99 ms", "max ms");
	for (int k = 0; k < nk; k++) {
		int count = 0;
		int timed = 0;
		int zb = 0;
		int our = 0;
		int two = 0;

		for (int i = 0; i < n; i++) {
			struct mck_image img = {0};

			if (strcmp(frames[i].kind, kinds[k]) != 0) {
				continue;
			}
			if (mck_image_load(&img, frames[i].path) != 0) {
				fprintf(stderr, "bench_scan: cannot load %s\n", frames[i].path);
				continue;
			}
			zb += zbar_plain(&img, frames[i].want) == (frames[i].want != NULL);
			bool first = ours(scan, res, &img, frames[i].want, &ms[timed++]);
			bool second =
				budget != 0 && ours(scan, res, &img, frames[i].want, &ms[timed++]);

			our += first;
			two += first || second;
			if (!first && !second && getenv("MCK_BENCH_MISSED")) {
				fprintf(stderr, "missed: %s\n", frames[i].path);
			}
			count++;
			mck_image_free(&img);
		}
		if (count == 0) {
			continue;
		}
		zb_total += zb;
		our_total += our;
		two_total += two;
		double med = mck_bench_median(ms, (size_t)timed);
		char both[16] = "";

		if (budget != 0) {
			snprintf(both, sizeof(both), "%.1f%%", 100.0 * two / count);
		}
		printf("%-12s %6d %8.1f%% %8.1f%% %10s %9.1f %9.1f %9.1f\n", kinds[k], count,
		       100.0 * zb / count, 100.0 * our / count, both, med,
		       mck_bench_percentile(ms, (size_t)timed, 99), ms[timed - 1]);
	}
	char both[16] = "";

	if (budget != 0) {
		snprintf(both, sizeof(both), "%.1f%%", 100.0 * two_total / n);
	}
	printf("%-12s %6d %8.1f%% %8.1f%% %10s\n", "all", n, 100.0 * zb_total / n,
	       100.0 * our_total / n, both);
	{
		static const char *const steps[MCK_QRSCAN_STEP_COUNT] = {
			[MCK_QRSCAN_STEP_COARSE] = "coarse",
			[MCK_QRSCAN_STEP_RECTIFIED] = "rectified",
			[MCK_QRSCAN_STEP_REDRAWN] = "redrawn",
			[MCK_QRSCAN_STEP_REGION] = "region",
			[MCK_QRSCAN_STEP_INVERTED] = "inverted",
			[MCK_QRSCAN_STEP_WHOLE] = "whole",
		};
		const struct mck_qrscan_stats *st = mck_qrscan_stats(scan);

		printf("codes read by step:");
		for (int i = 0; i < MCK_QRSCAN_STEP_COUNT; i++) {
			printf(" %s %lu", steps[i], st->step[i]);
		}
		printf("\n");
	}
	for (int i = 0; i < n; i++) {
		free(frames[i].want);
	}
	timing(argv[1], scan, res);
	free(res);
	mck_qrscan_destroy(scan);
	return 0;
}
