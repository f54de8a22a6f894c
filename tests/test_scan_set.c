/*
 * The scanning pipeline on the degraded-image subset (tests/degrade/make-set.sh
 * --subset: the typical credential, each of 12 degradations at level 2, and
 * empty frames). Correctness, not timing: still-image mode (no budget), so
 * every step runs and the result does not depend on the machine's load.
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
	assert_int_equal(codes, 12);
	assert_int_equal(empty, 4);
	/* At least plain ZBar's reads, and the floor this pipeline reaches today. */
	assert_true(ours >= plain);
	assert_true(ours >= MCK_SUBSET_FLOOR);
	free(res);
	mck_qrscan_destroy(scan);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_subset)};

	if (argc != 2) {
		fprintf(stderr, "usage: test_scan_set SET_DIR\n");
		return 2;
	}
	set_dir = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
