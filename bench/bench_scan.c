/*
 * Scanning benchmark (prints figures, asserts nothing), over the degraded-image
 * set of tests/degrade/make-set.sh:
 *   1. per degradation: the read rate of plain ZBar (one pass over the frame,
 *      as zbarimg does it) and of our pipeline (mck_qrscan_frame) on still
 *      images (no budget) and as a camera's frames at each CPU scale (1: this
 *      class of x86 core; 0.2: a Raspberry Pi 4; 0.08: a Pi Zero 2 W), one
 *      frame and two frames in a row (each image again as the next frame,
 *      which tries the steps in another order);
 *   2. the estimated work per frame at each scale, and which step read;
 *   3. frames that take several steps, on one thread and on POOL threads
 *      (a worker pool: the steps side by side, the first to read wins): the
 *      same codes and counts, and the median latency of each side by side;
 *   4. median and p99 ms per frame at 640x480, 1280x720, 1920x1080, with and
 *      without a code (the set's time-* frames), both side by side;
 *   5. per degradation, the median ms a frame of plain ZBar and of ours
 *      (still images, and a camera's first frame at scale 1).
 * The budget is estimated work, not time: the rates are the same on any
 * machine and under valgrind; only the ms depend on this one.
 * Usage: bench_scan SET_DIR [BUDGET_MS]   (default: the camera budget)
 * MCK_BENCH_MISSED=1 in the environment lists the frames missed on stderr.
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

#define MAX_FRAMES  1024
#define MAX_KINDS   32
#define ROUNDS      21
#define POOL        2 /* this machine's cores */
#define POOL_ROUNDS 8 /* each frame as eight camera frames in a row */

/* Still images, then a camera at each CPU scale. */
static const double scales[] = {0, 1, 0.2, 0.08};
#define MODES (sizeof(scales) / sizeof(scales[0]))

struct frame {
	char path[512];
	char kind[32];
	char *want; /* NULL: no code */
};

/* What one mode read of one kind of frame. */
struct rate {
	int one; /* read in the first frame */
	int two; /* ... or in the one after it */
};

struct mode {
	struct mck_qrscan *scan;
	struct rate kind[MAX_KINDS];
	struct rate all;
	struct rate codes; /* frames with a code read */
	double cost_us;    /* estimated work, summed over the frames */
	double ms;         /* time taken, summed */
	unsigned long frames;
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

/* Side by side, frame by frame: plain ZBar and ours at scale 1, median and p99 over ROUNDS. */
static void timing(const char *dir, struct mck_qrscan *scan, struct mck_qrscan_result *res)
{
	static struct frame frames[8];
	double zb[ROUNDS];
	double our[ROUNDS];
	int n = load_manifest(dir, "timing.tsv", frames);

	printf("\n== ms per frame, %d rounds: plain ZBar vs ours (camera, scale 1)\n", ROUNDS);
	printf("%-34s %10s %10s %10s %10s %7s %10s\n", "frame", "zbar med", "zbar p99", "ours med",
	       "ours p99", "ratio", "est. ms");
	for (int i = 0; i < n; i++) {
		struct mck_image img = {0};
		const char *base = strrchr(frames[i].path, '/') + 1;
		const struct mck_qrscan_work *w = &mck_qrscan_stats(scan)->last;

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
		printf("%-34s %10.2f %10.2f %10.2f %10.2f %6.2fx %10.2f\n", base, zm,
		       mck_bench_percentile(zb, ROUNDS, 99), om,
		       mck_bench_percentile(our, ROUNDS, 99), om / zm,
		       (double)(w->cost_us + w->locate_us) / 1000);
		mck_image_free(&img);
		free(frames[i].want);
	}
}

/* Whether two scanners' last frames read the same codes with the same counts. */
static bool same_frame(const struct mck_qrscan *a, const struct mck_qrscan_result *ra, int na,
		       const struct mck_qrscan *b, const struct mck_qrscan_result *rb, int nb)
{
	bool same = na == nb && ra->count == rb->count &&
		    memcmp(&mck_qrscan_stats(a)->last, &mck_qrscan_stats(b)->last,
			   sizeof(struct mck_qrscan_work)) == 0;

	for (size_t c = 0; same && c < ra->count; c++) {
		same = ra->len[c] == rb->len[c] &&
		       memcmp(ra->text[c], rb->text[c], ra->len[c]) == 0;
	}
	return same;
}

/*
 * The frames that take several steps at @p scale (0: still images), each as
 * POOL_ROUNDS camera frames in a row on one thread and on POOL: whether
 * they read the same, and the median latency of each side by side.
 */
static void pooled(const struct frame *frames, int n, double scale, unsigned budget)
{
	static double one[MAX_FRAMES * POOL_ROUNDS];
	static double many[MAX_FRAMES * POOL_ROUNDS];
	struct mck_qrscan_result *ra = malloc(sizeof(*ra));
	struct mck_qrscan_result *rb = malloc(sizeof(*rb));
	size_t timed = 0;
	int frames_multi = 0;
	int differ = 0;
	double sum_one = 0;
	double sum_many = 0;

	for (int i = 0; i < n && ra != NULL && rb != NULL; i++) {
		struct mck_qrscan *a = mck_qrscan_create();
		struct mck_qrscan *b = mck_qrscan_create();
		struct mck_image img = {0};
		bool counted = false;

		if (a == NULL || b == NULL || mck_qrscan_set_workers(b, POOL) != 0 ||
		    mck_image_load(&img, frames[i].path) != 0) {
			mck_qrscan_destroy(a);
			mck_qrscan_destroy(b);
			continue;
		}
		if (scale > 0) {
			mck_qrscan_set_budget(a, budget);
			mck_qrscan_set_budget(b, budget);
			mck_qrscan_set_cpu_scale(a, scale);
			mck_qrscan_set_cpu_scale(b, scale);
		}
		for (int r = 0; r < POOL_ROUNDS; r++) {
			double t0 = mck_bench_now_ms();
			int na = mck_qrscan_frame(a, img.pixels, img.width, img.height, ra);
			double t1 = mck_bench_now_ms();
			int nb = mck_qrscan_frame(b, img.pixels, img.width, img.height, rb);
			double t2 = mck_bench_now_ms();

			differ += !same_frame(a, ra, na, b, rb, nb);
			if (mck_qrscan_stats(a)->last.steps > 1) {
				one[timed] = t1 - t0;
				many[timed] = t2 - t1;
				sum_one += one[timed];
				sum_many += many[timed];
				timed++;
				frames_multi += !counted;
				counted = true;
			}
		}
		mck_image_free(&img);
		mck_qrscan_destroy(a);
		mck_qrscan_destroy(b);
	}
	if (timed > 0) {
		double m1 = mck_bench_median(one, timed);
		double mp = mck_bench_median(many, timed);
		char name[24];

		snprintf(name, sizeof(name), scale == 0 ? "still" : "camera x%g", scale);
		printf("%-12s %6d %7zu %10.2f %10.2f %7.2fx %10.1f %10.1f %7.2fx %7d\n", name,
		       frames_multi, timed, m1, mp, m1 / mp, sum_one, sum_many, sum_one / sum_many,
		       differ);
	}
	free(ra);
	free(rb);
}

static void print_rates(const char *name, int count, int zb, const struct mode *m,
			const struct rate *r)
{
	printf("%-12s %6d %7.1f%%", name, count, 100.0 * zb / count);
	for (size_t k = 0; k < MODES; k++) {
		if (scales[k] == 0) {
			printf(" %7.1f%%", 100.0 * r[k].one / count);
		} else {
			printf(" %6.1f%% %6.1f%%", 100.0 * r[k].one / count,
			       100.0 * r[k].two / count);
		}
	}
	(void)m;
	printf("\n");
}

/* Per degradation, the median ms a frame: plain ZBar, ours still and camera x1 (first frame). */
static void kind_times(const char *const *kinds, int nk, const int *kind_of, int n,
		       const double *zb_ms, double our_ms[][MAX_FRAMES])
{
	static double a[MAX_FRAMES], b[MAX_FRAMES], c[MAX_FRAMES];

	printf("\n== median ms a frame per degradation: plain ZBar, ours still, ours camera x1\n");
	printf("%-12s %6s %9s %9s %9s\n", "kind", "frames", "zbar", "still", "x1");
	for (int k = 0; k <= nk; k++) {
		size_t cnt = 0;

		for (int i = 0; i < n; i++) {
			if (k == nk || kind_of[i] == k) {
				a[cnt] = zb_ms[i];
				b[cnt] = our_ms[0][i];
				c[cnt] = our_ms[1][i];
				cnt++;
			}
		}
		if (cnt > 0) {
			printf("%-12s %6zu %9.2f %9.2f %9.2f\n", k == nk ? "all" : kinds[k], cnt,
			       mck_bench_median(a, cnt), mck_bench_median(b, cnt),
			       mck_bench_median(c, cnt));
		}
	}
}

int main(int argc, char **argv)
{
	static struct frame frames[MAX_FRAMES];
	static struct mode mode[MODES];
	struct mck_qrscan_result *res = malloc(sizeof(*res));
	const char *kinds[MAX_KINDS];
	int per_kind[MAX_KINDS] = {0};
	int zb_kind[MAX_KINDS] = {0};
	int zb_total = 0;
	int nk = 0;
	static double zb_ms[MAX_FRAMES];
	static double our_ms[MODES][MAX_FRAMES];
	static int kind_of[MAX_FRAMES];
	int n;
	bool ok = res != NULL;

	for (size_t k = 0; k < MODES; k++) {
		mode[k].scan = mck_qrscan_create();
		ok = ok && mode[k].scan != NULL;
	}
	if (argc < 2 || argc > 3 || !ok) {
		fprintf(stderr, "usage: bench_scan SET_DIR [BUDGET_MS]\n");
		ok = false;
		goto out;
	}
	/* The kiosk's camera budget by default, at each CPU scale. */
	unsigned budget = argc == 3 ? (unsigned)strtoul(argv[2], NULL, 10) : MCK_QRSCAN_BUDGET_MS;
	for (size_t k = 0; k < MODES; k++) {
		if (scales[k] != 0) {
			mck_qrscan_set_budget(mode[k].scan, budget);
			mck_qrscan_set_cpu_scale(mode[k].scan, scales[k]);
		}
	}
	n = load_manifest(argv[1], "manifest.tsv", frames);
	if (n <= 0) {
		fprintf(stderr, "bench_scan: no manifest in %s (tests/degrade/make-set.sh)\n",
			argv[1]);
		ok = false;
		goto out;
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
	for (int i = 0; i < n; i++) {
		struct mck_image img = {0};
		int k = 0;

		while (k < nk - 1 && strcmp(kinds[k], frames[i].kind) != 0) {
			k++;
		}
		kind_of[i] = -1; /* not loaded: in no kind's times */
		if (mck_image_load(&img, frames[i].path) != 0) {
			fprintf(stderr, "bench_scan: cannot load %s\n", frames[i].path);
			continue;
		}
		per_kind[k]++;
		kind_of[i] = k;
		{
			double t0 = mck_bench_now_ms();

			zb_kind[k] += zbar_plain(&img, frames[i].want) == (frames[i].want != NULL);
			zb_ms[i] = mck_bench_now_ms() - t0;
		}
		for (size_t m = 0; m < MODES; m++) {
			struct mode *md = &mode[m];
			double ms;
			bool first = ours(md->scan, res, &img, frames[i].want, &ms);
			bool second = first;

			our_ms[m][i] = ms;

			md->cost_us += (double)mck_qrscan_stats(md->scan)->last.cost_us +
				       (double)mck_qrscan_stats(md->scan)->last.locate_us;
			md->ms += ms;
			md->frames++;
			if (scales[m] != 0) {
				/* the same picture as the next camera frame */
				second = ours(md->scan, res, &img, frames[i].want, &ms) || first;
				md->cost_us += (double)mck_qrscan_stats(md->scan)->last.cost_us +
					       (double)mck_qrscan_stats(md->scan)->last.locate_us;
				md->ms += ms;
				md->frames++;
			}
			md->kind[k].one += first;
			md->kind[k].two += second;
			if (frames[i].want != NULL) {
				md->codes.one += first;
				md->codes.two += second;
			}
			if (!second && getenv("MCK_BENCH_MISSED")) {
				fprintf(stderr, "missed (%s %g): %s\n",
					scales[m] == 0 ? "still" : "scale", scales[m],
					frames[i].path);
			}
		}
		mck_image_free(&img);
	}
	printf("== read rate per degradation (%d frames): plain ZBar vs our pipeline, still\n"
	       "   images (no budget) and camera frames (a budget of %u ms of estimated work\n"
	       "   at CPU scale 1) at each scale, one frame / two frames in a row\n",
	       n, budget);
	printf("%-12s %6s %8s %8s", "kind", "frames", "zbar", "still");
	for (size_t k = 1; k < MODES; k++) {
		char head[24];

		snprintf(head, sizeof(head), "x%g 1 / 2 fr", scales[k]);
		printf(" %14s", head);
	}
	printf("\n");
	for (int k = 0; k < nk; k++) {
		struct rate r[MODES];

		for (size_t m = 0; m < MODES; m++) {
			r[m] = mode[m].kind[k];
			mode[m].all.one += r[m].one;
			mode[m].all.two += r[m].two;
		}
		if (per_kind[k] > 0) {
			print_rates(kinds[k], per_kind[k], zb_kind[k], mode, r);
		}
		zb_total += zb_kind[k];
	}
	{
		struct rate r[MODES];

		for (size_t m = 0; m < MODES; m++) {
			r[m] = mode[m].all;
		}
		print_rates("all", n, zb_total, mode, r);
	}
	kind_times(kinds, nk, kind_of, n, zb_ms, our_ms);
	printf("\n== work per frame and the steps that read, per mode\n");
	for (size_t m = 0; m < MODES; m++) {
		static const char *const steps[MCK_QRSCAN_STEP_COUNT] = {
			[MCK_QRSCAN_STEP_COARSE] = "coarse",
			[MCK_QRSCAN_STEP_RECTIFIED] = "rectified",
			[MCK_QRSCAN_STEP_REDRAWN] = "redrawn",
			[MCK_QRSCAN_STEP_REGION] = "region",
			[MCK_QRSCAN_STEP_INVERTED] = "inverted",
			[MCK_QRSCAN_STEP_WHOLE] = "whole",
		};
		const struct mck_qrscan_stats *st = mck_qrscan_stats(mode[m].scan);
		char name[24];

		snprintf(name, sizeof(name), scales[m] == 0 ? "still" : "camera x%g", scales[m]);
		printf("%-12s %7.1f ms estimated, %6.1f ms here a frame; read by:", name,
		       mode[m].cost_us / 1000 / (double)mode[m].frames,
		       mode[m].ms / (double)mode[m].frames);
		for (int i = 0; i < MCK_QRSCAN_STEP_COUNT; i++) {
			printf(" %s %lu", steps[i], st->step[i]);
		}
		printf("\n");
	}
	printf("\nof the %d codes still images read:\n", mode[0].codes.one);
	for (size_t m = 1; m < MODES; m++) {
		int still = mode[0].codes.one > 0 ? mode[0].codes.one : 1;

		printf("camera x%-5g one frame reads %5.1f%%, two frames in a row %5.1f%%\n",
		       scales[m], 100.0 * mode[m].codes.one / still,
		       100.0 * mode[m].codes.two / still);
	}
	printf("\n== frames of several steps, one thread vs %d (the frame %d times in a row)\n",
	       POOL, POOL_ROUNDS);
	printf("%-12s %6s %7s %10s %10s %8s %10s %10s %8s %7s\n", "mode", "frames", "scans",
	       "1 med ms", "pool med", "speedup", "1 sum ms", "pool sum", "speedup", "differ");
	for (size_t m = 0; m < MODES; m++) {
		pooled(frames, n, scales[m], budget);
	}
	for (int i = 0; i < n; i++) {
		free(frames[i].want);
	}
	timing(argv[1], mode[1].scan, res);
out:
	free(res);
	for (size_t k = 0; k < MODES; k++) {
		mck_qrscan_destroy(mode[k].scan);
	}
	return ok ? 0 : 2;
}
