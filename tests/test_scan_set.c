/*
 * The scanning pipeline on the degraded-image subset (tests/degrade/make-set.sh
 * --subset: the typical credential, 18 of the 21 degradations at level 2, the
 * long credential dense at level 2, and empty frames). Correctness, not timing: still-image mode (no budget), so
 * every step runs; and on several threads the same codes and counts as on
 * one, at any budget (a budget is estimated work, not the machine's time).
 * Usage: test_scan_set SET_DIR
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/image.h"
#include "mck/qrscan.h"
#include "support/zbarplain.h"
#include <cmocka.h>

static const char *set_dir;

static void test_subset(void **state)
{
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck_qrscan_result *res = malloc(sizeof(*res));
	char path[1024];
	char *line = NULL;
	size_t cap = 0;
	int codes = 0, ours = 0, plain = 0, empty = 0;
	FILE *f;

	(void)state;
	assert_non_null(scan);
	assert_non_null(res);
	snprintf(path, sizeof(path), "%s/manifest.tsv", set_dir);
	f = fopen(path, "r");
	assert_non_null(f);
	while (getline(&line, &cap, f) > 0) {
		char *tab = strchr(line, '\t');
		struct mck_image img = {0};
		const char *want;
		int n;
		int read = 0;

		assert_non_null(tab);
		*tab = '\0';
		tab[1 + strcspn(tab + 1, "\n")] = '\0';
		want = strcmp(tab + 1, "-") == 0 ? NULL : tab + 1;
		snprintf(path, sizeof(path), "%s/%s", set_dir, line);
		assert_int_equal(mck_image_load(&img, path), 0);
		n = mck_qrscan_frame(scan, img.pixels, img.width, img.height, res);
		assert_true(n >= 0);
		for (int i = 0; i < n; i++) {
			/* whatever is read is exactly the code shown: never a wrong text */
			assert_non_null(want);
			assert_int_equal(res->len[i], strlen(want));
			assert_memory_equal(res->text[i], want, res->len[i]);
			read = 1;
		}
		if (want == NULL) {
			empty++;
		} else {
			codes++;
			ours += read;
			plain +=
				mck_test_zbar_reads(img.pixels, img.width, img.height, want, false);
		}
		print_message("%-40s %s\n", line,
			      want == NULL ? "(no code)"
			      : read       ? "read"
					   : "MISSED");
		mck_image_free(&img);
	}
	free(line);
	fclose(f);
	print_message("subset: %d codes, pipeline read %d, plain ZBar %d; %d empty frames\n", codes,
		      ours, plain, empty);
	assert_int_equal(codes, 19);
	assert_int_equal(empty, 4);
	/* At least plain ZBar's reads, and the floor this pipeline reaches today. */
	assert_true(ours >= plain);
	assert_true(ours >= MCK_SUBSET_FLOOR);
	free(res);
	mck_qrscan_destroy(scan);
}

/* A scanner of @p workers threads, a camera's at CPU scale @p scale (0: still images). */
static struct mck_qrscan *scanner(unsigned workers, double scale)
{
	struct mck_qrscan *scan = mck_qrscan_create();

	assert_non_null(scan);
	assert_int_equal(mck_qrscan_set_workers(scan, workers), 0);
	assert_int_equal(mck_qrscan_workers(scan), workers);
	if (scale > 0) {
		mck_qrscan_set_budget(scan, MCK_QRSCAN_BUDGET_MS);
		assert_int_equal(mck_qrscan_set_cpu_scale(scan, scale), 0);
	}
	return scan;
}

/*
 * The subset's frames on 2 and 4 threads read what one thread reads, with
 * the same counts, frame by frame: still images and a camera's frames at
 * CPU scale 1 and 0.2 (each frame twice, as a camera's next frame, which
 * takes the steps in another order).
 */
static void test_workers(void **state)
{
	static const unsigned workers[] = {1, 2, 4};
	static const double scales[] = {0, 1, 0.2};
	struct mck_qrscan_result *res[3];
	char path[1024];
	char *line = NULL;
	size_t cap = 0;
	int multi = 0;

	(void)state;
	for (int k = 0; k < 3; k++) {
		res[k] = malloc(sizeof(*res[k]));
		assert_non_null(res[k]);
	}
	for (size_t m = 0; m < sizeof(scales) / sizeof(scales[0]); m++) {
		struct mck_qrscan *scan[3];
		FILE *f;

		for (int k = 0; k < 3; k++) {
			scan[k] = scanner(workers[k], scales[m]);
		}
		snprintf(path, sizeof(path), "%s/manifest.tsv", set_dir);
		f = fopen(path, "r");
		assert_non_null(f);
		while (getline(&line, &cap, f) > 0) {
			char *tab = strchr(line, '\t');
			struct mck_image img = {0};

			assert_non_null(tab);
			*tab = '\0';
			snprintf(path, sizeof(path), "%s/%s", set_dir, line);
			assert_int_equal(mck_image_load(&img, path), 0);
			for (int again = 0; again < (scales[m] > 0 ? 2 : 1); again++) {
				int n[3];

				for (int k = 0; k < 3; k++) {
					n[k] = mck_qrscan_frame(scan[k], img.pixels, img.width,
								img.height, res[k]);
				}
				multi += mck_qrscan_stats(scan[0])->last.steps > 1;
				for (int k = 1; k < 3; k++) {
					assert_int_equal(n[k], n[0]);
					assert_int_equal(res[k]->count, res[0]->count);
					for (size_t c = 0; c < res[0]->count; c++) {
						assert_int_equal(res[k]->len[c], res[0]->len[c]);
						assert_memory_equal(res[k]->text[c],
								    res[0]->text[c],
								    res[0]->len[c] + 1);
					}
					assert_memory_equal(&mck_qrscan_stats(scan[k])->last,
							    &mck_qrscan_stats(scan[0])->last,
							    sizeof(struct mck_qrscan_work));
				}
			}
			mck_image_free(&img);
		}
		fclose(f);
		for (int k = 1; k < 3; k++) {
			assert_memory_equal(mck_qrscan_stats(scan[k]), mck_qrscan_stats(scan[0]),
					    sizeof(struct mck_qrscan_stats));
		}
		for (int k = 0; k < 3; k++) {
			mck_qrscan_destroy(scan[k]);
		}
	}
	print_message("workers 1, 2, 4: the same codes and counts; %d frames took several steps\n",
		      multi);
	assert_true(multi > 0);
	free(line);
	for (int k = 0; k < 3; k++) {
		mck_qrscan_result_wipe(res[k]);
		free(res[k]);
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_subset),
					   cmocka_unit_test(test_workers)};

	if (argc != 2) {
		fprintf(stderr, "usage: test_scan_set SET_DIR\n");
		return 2;
	}
	set_dir = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
