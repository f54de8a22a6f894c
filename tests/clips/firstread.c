/*
 * mck_clipread: which frames of an encoded clip hold a decodable code, found
 * the honest way: the clip decoded as the kiosk's gst source decodes it
 * (decodebin, videoconvert to GRAY8; gst-launch-1.0 in a child process),
 * each frame scanned at full effort (mck_qrscan as for a still image: every
 * step, no budget), a frame counting when it reads the expected text exactly.
 *
 * Usage: mck_clipread CLIP WIDTH HEIGHT WANT.txt [--first | --camera]
 *   --first: stop at the first decodable frame (cheaper; tests).
 *   --camera: also scan every frame as the kiosk's capture thread scans a
 *             camera's (its budget, at CPU scale 1 and at 0.2), in turn with
 *             none dropped: where a later verdict comes from the budget rather
 *             than from frames a slow scan dropped.
 * Prints one line: decoded=N first=F last=L read=R gap=G mask=M, then with
 * --camera the same for each CPU scale, named cam1... and cam02...
 *   F, L: the first and last decodable frames (-1: none); R: frames read;
 *   G: the longest run of frames not read between the first and the last;
 *   M: a character a frame, '#' read, '.' not (the first MASK_MAX frames).
 * Exit 0 when it ran (whatever it found), 1 on a failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mck/qrscan.h"
#include "support/imgcodec.h"

#define MAX_SIDE 1920
#define MASK_MAX 600 /* frames the mask shows: 20 s at 30 fps */

/* gst-launch-1.0 decoding @p clip to raw GRAY8 on a pipe; its read end, or -1. */
static int decoder_start(const char *clip, int w, int h, pid_t *pid)
{
	char location[4200];
	char caps[96];
	int fds[2];

	if (snprintf(location, sizeof(location), "location=%s", clip) >= (int)sizeof(location)) {
		return -1;
	}
	snprintf(caps, sizeof(caps), "video/x-raw,format=GRAY8,width=%d,height=%d", w, h);
	if (pipe(fds) != 0) {
		return -1;
	}
	*pid = fork();
	if (*pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (*pid == 0) {
		/* execvp takes char *: the words as arrays of their own (-Wwrite-strings) */
		char launch[] = "gst-launch-1.0", quiet[] = "-q", src[] = "filesrc", bang[] = "!";
		char decode[] = "decodebin", convert[] = "videoconvert", sink[] = "fdsink";
		char out[] = "fd=1", nosync[] = "sync=false";
		char *argv[] = {launch, quiet, src,  location, bang, decode, bang, convert,
				bang,   caps,  bang, sink,     out,  nosync, NULL};

		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	return fds[0];
}

static bool read_frame(int fd, uint8_t *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, buf + got, len - got);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			return false;
		}
		got += (size_t)n;
	}
	return true;
}

/* Which frames one scanner read. */
struct tally {
	long first, last, nread, gap, run;
	char mask[MASK_MAX + 1];
};

static void tally_add(struct tally *t, long frame, bool ok)
{
	if (ok) {
		if (t->first < 0) {
			t->first = frame;
		} else if (t->run > t->gap) {
			t->gap = t->run;
		}
		t->last = frame;
		t->nread++;
		t->run = 0;
	} else {
		t->run++;
	}
	if (frame < MASK_MAX) {
		t->mask[frame] = ok ? '#' : '.';
		t->mask[frame + 1] = '\0';
	}
}

static void tally_print(const struct tally *t, const char *name)
{
	printf("%sfirst=%ld %slast=%ld %sread=%ld %sgap=%ld %smask=%s", name, t->first, name,
	       t->last, name, t->nread, name, t->gap, name, t->mask);
}

/* Whether @p scan reads @p want (exactly) in the frame. */
static bool reads(struct mck_qrscan *scan, const uint8_t *frame, int w, int h,
		  struct mck_qrscan_result *res, const char *want, size_t want_len)
{
	int n = mck_qrscan_frame(scan, frame, (uint32_t)w, (uint32_t)h, res);
	bool ok = false;

	for (int i = 0; i < n; i++) {
		ok = ok || (res->len[i] == want_len && memcmp(res->text[i], want, want_len) == 0);
	}
	mck_qrscan_result_wipe(res);
	return ok;
}

int main(int argc, char **argv)
{
	struct mck_qrscan *scan = NULL;
	struct mck_qrscan *cam[2] = {NULL, NULL}; /* --camera: CPU scale 1 and 0.2 */
	struct tally all[3] = {{-1, -1, 0, 0, 0, ""}, {-1, -1, 0, 0, 0, ""}, {-1, -1, 0, 0, 0, ""}};
	bool camera;
	struct mck_qrscan_result *res = NULL;
	uint8_t *frame = NULL;
	char *want = NULL;
	size_t want_len;
	bool first_only;
	long frames = 0;
	int w, h, fd = -1, status = 0, rc = 1;
	pid_t pid = -1;

	if (argc != 5 &&
	    !(argc == 6 && (strcmp(argv[5], "--first") == 0 || strcmp(argv[5], "--camera") == 0))) {
		fprintf(stderr, "usage: mck_clipread CLIP W H WANT.txt [--first | --camera]\n");
		return 2;
	}
	first_only = argc == 6 && strcmp(argv[5], "--first") == 0;
	camera = argc == 6 && !first_only;
	w = atoi(argv[2]);
	h = atoi(argv[3]);
	want = (char *)mck_test_slurp(argv[4], &want_len);
	/* GStreamer pads GRAY8 rows to 4 bytes: widths here are multiples of 4 */
	if (w < 16 || h < 16 || w > MAX_SIDE || h > MAX_SIDE || w % 4 != 0 || want == NULL) {
		fprintf(stderr, "mck_clipread: bad size or unreadable %s\n", argv[4]);
		goto out;
	}
	while (want_len > 0 && (want[want_len - 1] == '\n' || want[want_len - 1] == '\r')) {
		want[--want_len] = '\0';
	}
	scan = mck_qrscan_create();
	for (int c = 0; c < 2 && camera; c++) {
		cam[c] = mck_qrscan_create();
		if (cam[c] == NULL) {
			fprintf(stderr, "mck_clipread: out of memory\n");
			goto out;
		}
		mck_qrscan_set_budget(cam[c], MCK_QRSCAN_BUDGET_MS);
		(void)mck_qrscan_set_cpu_scale(cam[c], c == 0 ? 1.0 : 0.2);
	}
	res = malloc(sizeof(*res));
	frame = malloc((size_t)w * (size_t)h);
	fd = scan != NULL && res != NULL && frame != NULL ? decoder_start(argv[1], w, h, &pid) : -1;
	if (fd < 0) {
		fprintf(stderr, "mck_clipread: cannot start the decoder\n");
		goto out;
	}
	while (read_frame(fd, frame, (size_t)w * (size_t)h)) {
		bool ok = reads(scan, frame, w, h, res, want, want_len);

		tally_add(&all[0], frames, ok);
		for (int c = 0; c < 2 && camera; c++) {
			tally_add(&all[1 + c], frames,
				  reads(cam[c], frame, w, h, res, want, want_len));
		}
		frames++;
		if (ok && first_only) {
			kill(pid, SIGTERM);
			break;
		}
	}
	close(fd);
	fd = -1;
	if (waitpid(pid, &status, 0) != pid || (!(first_only && all[0].first >= 0) &&
						(!WIFEXITED(status) || WEXITSTATUS(status) != 0))) {
		fprintf(stderr, "mck_clipread: the decoder failed on %s\n", argv[1]);
		goto out;
	}
	printf("decoded=%ld ", frames);
	tally_print(&all[0], "");
	if (camera) {
		printf(" ");
		tally_print(&all[1], "cam1");
		printf(" ");
		tally_print(&all[2], "cam02");
	}
	printf("\n");
	rc = 0;
out:
	if (fd >= 0) {
		close(fd);
	}
	mck_qrscan_result_wipe(res);
	free(res);
	mck_qrscan_destroy(scan);
	mck_qrscan_destroy(cam[0]);
	mck_qrscan_destroy(cam[1]);
	free(frame);
	free(want);
	return rc;
}
