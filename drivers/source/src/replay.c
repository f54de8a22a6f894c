/*
 * "replay": image files as camera frames, the demo and test source (Zephyr's
 * emulated imager). ARG is a PNG/JPEG file or a directory of them, read in name
 * order, paced by interval_ms, looping when asked.
 *
 * A frame is the picture of a learner's code: its pixels, and the file bytes
 * they were decoded from, are wiped before they are freed.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* explicit_bzero */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mck/image.h"
#include "mck/io.h"
#include "mck/source.h"

#define REPLAY_FILES_MAX 10000

struct replay {
	char **files;
	size_t count;
	size_t next;
	int loop;
	uint32_t interval_ms;
	double due_ms; /* when the next frame may be given */
	struct mck_image frame;
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static bool is_image(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && (strcasecmp(dot, ".png") == 0 || strcasecmp(dot, ".jpg") == 0 ||
			       strcasecmp(dot, ".jpeg") == 0);
}

static void sleep_ms(double ms)
{
	struct timespec ts;

	if (ms <= 0) {
		return;
	}
	ts.tv_sec = (time_t)(ms / 1e3);
	ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1e3) * 1e6);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_nsec = 999999999L;
	}
	/* An interrupted sleep only makes the caller ask again sooner. */
	nanosleep(&ts, NULL);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_file(struct replay *r, const char *path)
{
	char **grown;
	size_t len = strlen(path);

	if (r->count >= REPLAY_FILES_MAX) {
		return -EFBIG;
	}
	grown = realloc(r->files, (r->count + 1) * sizeof(*grown));
	if (grown == NULL) {
		return -ENOMEM;
	}
	r->files = grown;
	r->files[r->count] = malloc(len + 1);
	if (r->files[r->count] == NULL) {
		return -ENOMEM;
	}
	memcpy(r->files[r->count++], path, len + 1);
	return 0;
}

/* The frame lent out, wiped and freed. */
static void frame_drop(struct replay *r)
{
	if (r->frame.pixels != NULL) {
		explicit_bzero(r->frame.pixels, (size_t)r->frame.width * r->frame.height);
	}
	mck_image_free(&r->frame);
}

/*
 * mck_image_load, but the file's bytes (the code's picture, compressed) are
 * read in one go into a buffer sized for them and wiped after decoding.
 */
static int frame_load(struct replay *r, const char *path)
{
	size_t size = 0;
	size_t have = 0;
	uint8_t *data = NULL;
	int fd = mck_io_open_regular_at(AT_FDCWD, path, MCK_IMAGE_MAX_FILE, &size);
	int rc = 0;

	if (fd < 0) {
		return fd;
	}
	data = malloc(size);
	if (data == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	while (have < size) {
		ssize_t n = read(fd, data + have, size - have);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			rc = n < 0 ? -errno : -EIO; /* shrunk while read */
			goto out;
		}
		have += (size_t)n;
	}
	rc = mck_image_decode(&r->frame, data, size);
out:
	close(fd);
	if (data != NULL) {
		explicit_bzero(data, size);
		free(data);
	}
	return rc;
}

static void replay_close(struct mck_source *s)
{
	struct replay *r = s->priv;

	if (r == NULL) {
		return;
	}
	for (size_t i = 0; i < r->count; i++) {
		free(r->files[i]);
	}
	free(r->files);
	frame_drop(r);
	free(r);
	s->priv = NULL;
}

static int replay_open(struct mck_source *s, const struct mck_source_cfg *cfg)
{
	struct replay *r = calloc(1, sizeof(*r));
	struct stat st;
	int rc = 0;

	if (r == NULL) {
		return -ENOMEM;
	}
	s->priv = r;
	r->loop = cfg->loop;
	r->interval_ms = cfg->interval_ms;
	if (stat(cfg->arg, &st) != 0) {
		rc = -errno;
	} else if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(cfg->arg);
		struct dirent *e;
		char path[PATH_MAX];

		while (rc == 0 && d != NULL && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || !is_image(e->d_name) ||
			    snprintf(path, sizeof(path), "%s/%s", cfg->arg, e->d_name) >=
				    (int)sizeof(path)) {
				continue;
			}
			rc = add_file(r, path);
		}
		if (d == NULL) {
			rc = -errno;
		} else {
			closedir(d);
		}
		if (rc == 0 && r->count > 1) {
			qsort(r->files, r->count, sizeof(*r->files), by_name);
		}
	} else {
		rc = add_file(r, cfg->arg);
	}
	if (rc == 0 && r->count == 0) {
		rc = -ENOENT;
	}
	if (rc != 0) {
		replay_close(s);
	}
	return rc;
}

static int replay_next(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms)
{
	struct replay *r = s->priv;
	double wait = r->due_ms - now_ms();

	frame_drop(r);
	ev->grey = NULL;
	if (wait > 0) {
		/* A negative timeout waits as long as it takes. */
		if (timeout_ms >= 0 && wait > timeout_ms) {
			sleep_ms(timeout_ms);
			return -EAGAIN;
		}
		sleep_ms(wait);
	}
	/* A file that does not decode is skipped, not fatal. */
	for (size_t tries = 0; tries < r->count; tries++) {
		if (r->next >= r->count) {
			if (!r->loop) {
				return -ENODATA;
			}
			r->next = 0;
		}
		if (frame_load(r, r->files[r->next++]) == 0) {
			ev->kind = MCK_SCAN_FRAME;
			ev->grey = r->frame.pixels;
			ev->width = r->frame.width;
			ev->height = r->frame.height;
			ev->len = 0;
			r->due_ms = now_ms() + r->interval_ms;
			return 0;
		}
	}
	return r->next >= r->count && !r->loop ? -ENODATA : -EIO;
}

static void replay_release(struct mck_source *s, struct mck_scan_event *ev)
{
	struct replay *r = s->priv;

	frame_drop(r);
	ev->grey = NULL;
}

const struct mck_source_ops mck__source_replay = {
	.name = "replay",
	.open = replay_open,
	.next = replay_next,
	.release = replay_release,
	.close = replay_close,
};
