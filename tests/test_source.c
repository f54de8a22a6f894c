/* Scan sources: the registry and the replay backend (the test double of a camera). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mck/source.h"

static struct mck_scan_event ev;

static int count_frames(const char *spec, uint32_t interval_ms)
{
	struct mck_source s;
	struct mck_source_cfg cfg = {.interval_ms = interval_ms};
	int frames = 0;
	int rc;

	assert_int_equal(mck_source_open(&s, spec, &cfg), 0);
	while ((rc = mck_source_next(&s, &ev, 1000)) == 0) {
		assert_int_equal(ev.kind, MCK_SCAN_FRAME);
		assert_non_null(ev.grey);
		assert_true(ev.width > 0 && ev.height > 0);
		mck_source_release(&s, &ev);
		frames++;
	}
	assert_int_equal(rc, -ENODATA);
	mck_source_close(&s);
	mck_source_close(&s); /* twice is harmless */
	return frames;
}

static void test_replay_directory(void **state)
{
	char dir[] = "/tmp/mck-source-XXXXXX";
	char path[256];
	char src[512];
	char cmd[1200];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < 3; i++) {
		snprintf(src, sizeof(src), "%s/cases/valid-es256-compact/input0.png", MCK_FIXTURES);
		snprintf(cmd, sizeof(cmd), "cp %s %s/frame%d.png", src, dir, i);
		assert_int_equal(system(cmd), 0);
	}
	/* not an image: ignored; an image that does not decode: skipped */
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	f = fopen(path, "w");
	fputs("x", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/frame9.png", dir);
	f = fopen(path, "w");
	fputs("not a png", f);
	fclose(f);
	snprintf(src, sizeof(src), "replay:%s", dir);
	assert_int_equal(count_frames(src, 0), 3);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_replay_file_and_pacing(void **state)
{
	struct mck_source s;
	struct mck_source_cfg cfg = {.interval_ms = 200, .loop = 1};
	char spec[512];

	(void)state;
	snprintf(spec, sizeof(spec), "replay:%s/cases/valid-unicode/input0.png", MCK_FIXTURES);
	assert_int_equal(count_frames(spec, 0), 1);
	assert_int_equal(mck_source_open(&s, spec, &cfg), 0);
	assert_int_equal(mck_source_next(&s, &ev, 0), 0);
	/* the next frame is not due yet */
	assert_int_equal(mck_source_next(&s, &ev, 0), -EAGAIN);
	/* looping: the same file again once due */
	assert_int_equal(mck_source_next(&s, &ev, 1000), 0);
	assert_int_equal(ev.kind, MCK_SCAN_FRAME);
	mck_source_close(&s);
}

static void test_registry(void **state)
{
	struct mck_source s;
	struct mck_source_cfg cfg = {0};

	(void)state;
	assert_non_null(mck_source_find("replay"));
	assert_null(mck_source_find("webcam"));
	assert_int_equal(mck_source_open(&s, "webcam:/dev/video0", &cfg), -ENOENT);
	assert_int_equal(mck_source_open(&s, "no-colon", &cfg), -EINVAL);
	assert_int_equal(mck_source_open(&s, "replay:/nonexistent/dir", &cfg), -ENOENT);
	assert_int_equal(mck_source_next(&s, &ev, 0), -EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay_directory),
		cmocka_unit_test(test_replay_file_and_pacing),
		cmocka_unit_test(test_registry),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
