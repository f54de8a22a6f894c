/* Opening the state directory and pinning one generation (see mck/store.h). */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "mck/io.h"
#include "mck/json.h"
#include "mck/store.h"
#include "store_impl.h"

/* Installs that can replace `current` between our look and our pin before we give up. */
#define PIN_TRIES 16

struct mck_store {
	int state_fd;
	int gen_fd;
	char name[MCK__GEN_NAME_MAX];
};

bool mck__store_gen_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (strncmp(name, "gen-", 4) != 0 || n >= MCK__GEN_NAME_MAX) {
		return false;
	}
	for (size_t i = 4; i < n; i++) {
		char c = name[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-')) {
			return false;
		}
	}
	return true;
}

int mck__store_current(int state_fd, char name[MCK__GEN_NAME_MAX])
{
	int n = mck_io_readlink_at(state_fd, "current", name, MCK__GEN_NAME_MAX);

	if (n < 0) {
		return n == -ENAMETOOLONG || n == -EINVAL ? -EBADMSG : n;
	}
	/* Only a generation name of ours, never a path elsewhere. */
	return mck__store_gen_name_ok(name) ? 0 : -EBADMSG;
}

/* Pin the generation `current` names: shared lock, then check it is still current. */
static int pin(struct mck_store *s)
{
	for (int i = 0; i < PIN_TRIES; i++) {
		char again[MCK__GEN_NAME_MAX];
		int rc = mck__store_current(s->state_fd, s->name);
		int fd;

		if (rc == -ENOENT) {
			/* No generations: a hand-made state read as one (no installer touches it). */
			s->gen_fd = mck_io_open_dir_at(s->state_fd, ".");
			strcpy(s->name, ".");
			return s->gen_fd < 0 ? s->gen_fd : 0;
		}
		if (rc != 0) {
			return rc;
		}
		fd = mck_io_open_dir_at(s->state_fd, s->name);
		if (fd == -ENOENT) {
			continue; /* replaced and removed between the two looks */
		}
		if (fd < 0) {
			return fd;
		}
		rc = mck_io_flock(fd, LOCK_SH);
		/*
		 * Still current after the lock: then no installer is deleting it (it never
		 * deletes the current one, and deletes others only under an exclusive lock
		 * that our shared one now excludes). Names are never reused.
		 */
		if (rc == 0 && mck__store_current(s->state_fd, again) == 0 &&
		    strcmp(again, s->name) == 0) {
			s->gen_fd = fd;
			return 0;
		}
		close(fd);
		if (rc != 0) {
			return rc;
		}
	}
	return -EAGAIN;
}

int mck_store_open(struct mck_store **out, const char *state)
{
	struct mck_store *s = calloc(1, sizeof(*s));
	int rc;

	*out = NULL;
	if (s == NULL) {
		return -ENOMEM;
	}
	s->gen_fd = -1;
	s->state_fd = mck_io_open_dir_at(AT_FDCWD, state);
	if (s->state_fd < 0) {
		rc = s->state_fd;
		free(s);
		return rc;
	}
	rc = pin(s);
	if (rc != 0) {
		close(s->state_fd);
		free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void mck_store_close(struct mck_store *s)
{
	if (s == NULL) {
		return;
	}
	if (s->gen_fd >= 0) {
		close(s->gen_fd); /* drops the pin */
	}
	close(s->state_fd);
	free(s);
}

int mck_store_dirfd(const struct mck_store *s)
{
	return s->gen_fd;
}

const char *mck_store_name(const struct mck_store *s)
{
	return s->name;
}

int mck__store_read_info_at(int dirfd, struct mck_store_info *info)
{
	char *buf = NULL;
	size_t len;
	cJSON *root = NULL;
	int rc;

	memset(info, 0, sizeof(*info));
	rc = mck_io_read_at(dirfd, "state.json", 4096, &buf, &len);
	if (rc == -ENOENT) {
		return 0;
	}
	if (rc != 0) {
		return rc;
	}
	rc = -EBADMSG;
	if (mck_json_parse((const uint8_t *)buf, len, 2, &root) == 0 &&
	    mck_json_int(root, "sequence", 0, MCK_TIME_MAX, &info->sequence) == 1 &&
	    mck_json_time(root, "trustedTime", &info->trusted_time) == 1) {
		rc = 0;
	}
	cJSON_Delete(root);
	free(buf);
	return rc;
}

int mck_store_read_info(const struct mck_store *s, struct mck_store_info *info)
{
	return mck__store_read_info_at(s->gen_fd, info);
}

int mck_store_spool_path(const char *state, char *buf, size_t cap)
{
	size_t len = strlen(state);

	while (len > 1 && state[len - 1] == '/') {
		len--; /* "/var/lib/mckiosk/" is /var/lib/mckiosk */
	}
	if (len + sizeof("-update") > cap) {
		return -ENAMETOOLONG;
	}
	memcpy(buf, state, len);
	memcpy(buf + len, "-update", sizeof("-update"));
	return 0;
}
