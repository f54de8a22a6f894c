/* The state directory: atomic generations behind one symlink (see state.h). */
#define _POSIX_C_SOURCE 200809L

#include "state.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "fileio.h"
#include "mck/json.h"

/*
 * Fault injection for the power-cut test (built into mcupdate_faults only): the
 * process dies at the N-th filesystem step, N from MCK_FAULT_AT.
 */
#ifdef MCK_FAULT_INJECTION
static void fault_point(void)
{
	static long count;
	const char *at = getenv("MCK_FAULT_AT");

	count++;
	if (at != NULL && atol(at) == count) {
		_exit(99);
	}
}
#else
static void fault_point(void)
{
}
#endif

int mck_state_resolve(const char *state, char *dir, size_t cap)
{
	char link[PATH_MAX];
	char target[NAME_MAX + 1];
	ssize_t n;

	if (mck_cli_path(link, sizeof(link), state, "current") != 0) {
		return -ENAMETOOLONG;
	}
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0) {
		if (errno != ENOENT) {
			return -errno;
		}
		return snprintf(dir, cap, "%s", state) < (int)cap ? 0 : -ENAMETOOLONG;
	}
	target[n] = '\0';
	/* Only a generation name of ours, never a path elsewhere. */
	if (strncmp(target, "gen-", 4) != 0 || strchr(target, '/') != NULL) {
		return -EINVAL;
	}
	return mck_cli_path(dir, cap, state, target);
}

int mck_state_read_info(const char *dir, struct mck_state_info *info)
{
	char path[PATH_MAX];
	char *buf = NULL;
	size_t len;
	cJSON *root = NULL;
	int rc;

	memset(info, 0, sizeof(*info));
	if (mck_cli_path(path, sizeof(path), dir, "state.json") != 0) {
		return -ENAMETOOLONG;
	}
	rc = mck_cli_read_file(path, 4096, &buf, &len);
	if (rc == -ENOENT) {
		return 0;
	}
	if (rc != 0) {
		return rc;
	}
	rc = -EINVAL;
	if (mck_json_parse((const uint8_t *)buf, len, 2, &root) == 0 &&
	    mck_json_int(root, "sequence", 0, MCK_TIME_MAX, &info->sequence) == 1 &&
	    mck_json_time(root, "trustedTime", &info->trusted_time) == 1) {
		rc = 0;
	}
	cJSON_Delete(root);
	free(buf);
	return rc;
}

static int fsync_dir(const char *path)
{
	int fd;
	int rc = 0;

	fault_point();
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		return -errno;
	}
	if (fsync(fd) != 0) {
		rc = -errno;
	}
	close(fd);
	return rc;
}

static int write_file(const char *path, const void *data, size_t len)
{
	const char *p = data;
	int fd;
	int rc = 0;

	fault_point();
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		return -errno;
	}
	while (len > 0) {
		ssize_t n;

		fault_point();
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			rc = n < 0 ? -errno : -EIO;
			break;
		}
		p += n;
		len -= (size_t)n;
	}
	fault_point();
	if (rc == 0 && fsync(fd) != 0) {
		rc = -errno;
	}
	if (close(fd) != 0 && rc == 0) {
		rc = -errno;
	}
	return rc;
}

static int make_dir(const char *path)
{
	fault_point();
	return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -errno;
}

/* Remove a generation that is not (or no longer) current: best effort, depth 2. */
static void remove_generation(const char *state, const char *name)
{
	char dir[PATH_MAX];
	char sub[PATH_MAX];
	char path[PATH_MAX];
	char **names = NULL;
	int n;

	if (mck_cli_path(dir, sizeof(dir), state, name) != 0 ||
	    mck_cli_path(sub, sizeof(sub), dir, "status") != 0) {
		return;
	}
	n = mck_cli_list_dir(sub, "", &names);
	for (int i = 0; i < n; i++) {
		if (mck_cli_path(path, sizeof(path), sub, names[i]) == 0) {
			unlink(path);
		}
	}
	mck_cli_free_names(names, n > 0 ? n : 0);
	rmdir(sub);
	n = mck_cli_list_dir(dir, "", &names);
	for (int i = 0; i < n; i++) {
		if (mck_cli_path(path, sizeof(path), dir, names[i]) == 0) {
			unlink(path);
		}
	}
	mck_cli_free_names(names, n > 0 ? n : 0);
	rmdir(dir);
}

static void remove_old_generations(const char *state, const char *keep)
{
	char **names = NULL;
	int n = mck_cli_list_dir(state, "", &names);

	for (int i = 0; i < n; i++) {
		if (strncmp(names[i], "gen-", 4) == 0 && strcmp(names[i], keep) != 0) {
			remove_generation(state, names[i]);
		}
	}
	mck_cli_free_names(names, n > 0 ? n : 0);
}

static void random_suffix(char out[9])
{
	unsigned char b[4] = {0};
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		if (read(fd, b, sizeof(b)) != (ssize_t)sizeof(b)) {
			memset(b, 0, sizeof(b));
		}
		close(fd);
	}
	snprintf(out, 9, "%02x%02x%02x%02x", b[0], b[1], b[2], b[3]);
}

int mck_state_install(const char *state, int64_t sequence, const struct mck_state_file *files,
		      size_t count)
{
	char gen[64];
	char suffix[9];
	char dir[PATH_MAX];
	char path[PATH_MAX];
	char link_new[PATH_MAX];
	char link_cur[PATH_MAX];
	int rc;

	random_suffix(suffix);
	snprintf(gen, sizeof(gen), "gen-%016llx-%s", (unsigned long long)sequence, suffix);
	if (mck_cli_path(dir, sizeof(dir), state, gen) != 0 ||
	    mck_cli_path(link_new, sizeof(link_new), state, "current.new") != 0 ||
	    mck_cli_path(link_cur, sizeof(link_cur), state, "current") != 0) {
		return -ENAMETOOLONG;
	}
	rc = make_dir(state);
	if (rc == 0) {
		rc = make_dir(dir);
	}
	if (rc == 0 && mck_cli_path(path, sizeof(path), dir, "status") == 0) {
		rc = make_dir(path);
	}
	for (size_t i = 0; rc == 0 && i < count; i++) {
		rc = mck_cli_path(path, sizeof(path), dir, files[i].name);
		if (rc == 0) {
			rc = write_file(path, files[i].data, files[i].len);
		}
	}
	if (rc == 0 && mck_cli_path(path, sizeof(path), dir, "status") == 0) {
		rc = fsync_dir(path);
	}
	if (rc == 0) {
		rc = fsync_dir(dir);
	}
	if (rc == 0) {
		rc = fsync_dir(state);
	}
	/* The swap: a fresh symlink renamed over `current`, then STATE flushed. */
	if (rc == 0) {
		fault_point();
		if (unlink(link_new) != 0 && errno != ENOENT) {
			rc = -errno;
		}
	}
	if (rc == 0) {
		fault_point();
		rc = symlink(gen, link_new) == 0 ? 0 : -errno;
	}
	if (rc == 0) {
		fault_point();
		rc = rename(link_new, link_cur) == 0 ? 0 : -errno;
	}
	if (rc == 0) {
		rc = fsync_dir(state);
	}
	if (rc != 0) {
		remove_generation(state, gen);
		return rc;
	}
	fault_point();
	remove_old_generations(state, gen);
	return 0;
}
