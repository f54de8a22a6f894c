/* Hostile-input-safe file reading and the trust store's file-system steps (see mck/io.h). */
#define _GNU_SOURCE /* O_NOFOLLOW, O_DIRECTORY, openat family, flock */

#include "mck/io.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define LIST_MAX 4096

/*
 * The fault-injection layer of the power-cut test (a build with
 * MCK_FAULT_INJECTION only): the process dies at the N-th step, N from
 * MCK_FAULT_AT.
 */
#ifdef MCK_FAULT_INJECTION
static void step(void)
{
	static long count;
	const char *at = getenv("MCK_FAULT_AT");

	count++;
	if (at != NULL && atol(at) == count) {
		_exit(99);
	}
}
#else
static void step(void)
{
}
#endif

int mck_io_read_stream(int fd, size_t max, char **out, size_t *len)
{
	size_t cap = 4096;
	size_t used = 0;
	char *buf = malloc(cap + 1);

	*out = NULL;
	*len = 0;
	if (buf == NULL) {
		return -ENOMEM;
	}
	for (;;) {
		ssize_t n;

		if (used == cap) {
			char *grown;

			if (cap > max) {
				free(buf);
				return -EFBIG;
			}
			grown = realloc(buf, cap * 2 + 1);
			if (grown == NULL) {
				free(buf);
				return -ENOMEM;
			}
			buf = grown;
			cap *= 2;
		}
		step();
		n = read(fd, buf + used, cap - used);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			int err = errno;

			free(buf);
			return err == EAGAIN ? -EINVAL : -err;
		}
		if (n == 0) {
			break;
		}
		used += (size_t)n;
	}
	if (used > max) {
		free(buf);
		return -EFBIG;
	}
	buf[used] = '\0';
	*out = buf;
	*len = used;
	return 0;
}

int mck_io_open_regular_at(int dirfd, const char *name, size_t max, size_t *size)
{
	struct stat before;
	struct stat st;
	int fd;

	*size = 0;
	/* Look before opening: a FIFO or device is refused without being opened. */
	step();
	if (fstatat(dirfd, name, &before, AT_SYMLINK_NOFOLLOW) != 0) {
		return -errno;
	}
	if (S_ISLNK(before.st_mode)) {
		return -ELOOP;
	}
	if (S_ISDIR(before.st_mode)) {
		return -EISDIR;
	}
	if (!S_ISREG(before.st_mode)) {
		return -EINVAL;
	}
	/* And again on what was opened: the entry may have been swapped meanwhile. */
	step();
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &st) != 0) {
		int err = errno;

		close(fd);
		return -err;
	}
	if (!S_ISREG(st.st_mode) || st.st_ino != before.st_ino || st.st_dev != before.st_dev) {
		close(fd);
		return -EINVAL;
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return -EFBIG;
	}
	*size = (size_t)st.st_size;
	return fd;
}

int mck_io_read_at(int dirfd, const char *name, size_t max, char **out, size_t *len)
{
	size_t size;
	int fd = mck_io_open_regular_at(dirfd, name, max, &size);
	int rc;

	*out = NULL;
	*len = 0;
	if (fd < 0) {
		return fd;
	}
	rc = mck_io_read_stream(fd, max, out, len);
	close(fd);
	return rc;
}

int mck_io_read_file(const char *path, size_t max, char **out, size_t *len)
{
	return mck_io_read_at(AT_FDCWD, path, max, out, len);
}

int mck_io_open_dir_at(int dirfd, const char *name)
{
	int fd;

	step();
	fd = openat(dirfd, name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int mck_io_list_at(int dirfd, const char *suffix, char ***names)
{
	DIR *d;
	struct dirent *e;
	char **list = NULL;
	int count = 0;
	size_t slen = strlen(suffix);
	int fd;

	*names = NULL;
	step();
	/* A fresh open of ".", not dup(): fdopendir would share the caller's position. */
	fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		return -errno;
	}
	d = fdopendir(fd);
	if (d == NULL) {
		int err = errno;

		close(fd);
		return -err;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char **grown;

		if (e->d_name[0] == '.' || n < slen || strcmp(e->d_name + n - slen, suffix) != 0) {
			continue;
		}
		if (count >= LIST_MAX) {
			mck_io_free_names(list, count);
			closedir(d);
			return -E2BIG;
		}
		grown = realloc(list, (size_t)(count + 1) * sizeof(*list));
		if (grown == NULL || (grown[count] = malloc(n + 1)) == NULL) {
			list = grown != NULL ? grown : list;
			mck_io_free_names(list, count);
			closedir(d);
			return -ENOMEM;
		}
		list = grown;
		memcpy(list[count++], e->d_name, n + 1);
	}
	closedir(d);
	if (count > 0) {
		qsort(list, (size_t)count, sizeof(*list), by_name);
	}
	*names = list;
	return count;
}

int mck_io_list_dir(const char *dir, const char *suffix, char ***names)
{
	int fd = mck_io_open_dir_at(AT_FDCWD, dir);
	int n;

	*names = NULL;
	if (fd < 0) {
		return fd;
	}
	n = mck_io_list_at(fd, suffix, names);
	close(fd);
	return n;
}

void mck_io_free_names(char **names, int count)
{
	for (int i = 0; i < count; i++) {
		free(names[i]);
	}
	free(names);
}

int mck_io_path(char *buf, size_t cap, const char *dir, const char *name)
{
	int n = snprintf(buf, cap, "%s/%s", dir, name);

	return (n < 0 || (size_t)n >= cap) ? -ENAMETOOLONG : 0;
}

void mck_io_chomp(char *buf, size_t *len)
{
	while (*len > 0 && (buf[*len - 1] == '\n' || buf[*len - 1] == '\r')) {
		buf[--*len] = '\0';
	}
}

char *mck_io_next_line(char **cursor, size_t *len)
{
	while (*cursor != NULL && **cursor != '\0') {
		char *line = *cursor;
		char *nl = strchr(line, '\n');

		*cursor = NULL;
		if (nl != NULL) {
			*nl = '\0';
			*cursor = nl + 1;
		}
		*len = strlen(line);
		mck_io_chomp(line, len);
		if (*len > 0) {
			return line;
		}
	}
	return NULL;
}

char *mck_io_oneline(char *msg)
{
	for (unsigned char *p = (unsigned char *)msg; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			*p = '?';
		}
	}
	return msg;
}

const char *mck_io_strerror(int rc)
{
	switch (rc) {
	case -EINVAL:
		return "not a regular file";
	case -ENOTDIR:
		return "not a directory";
	case -EISDIR:
		return "a directory, not a file";
	case -ELOOP:
		return "a symbolic link (refused)";
	case -EFBIG:
		return "larger than allowed";
	case -E2BIG:
		return "too many entries";
	case -EBADMSG:
		return "damaged";
	case -ENODATA:
		return "empty";
	default:
		return strerror(-rc);
	}
}

int mck_io_write_at(int dirfd, const char *name, const void *data, size_t len)
{
	const char *p = data;
	int fd;
	int rc = 0;

	step();
	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		return -errno;
	}
	while (len > 0) {
		ssize_t n;

		step();
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
	if (rc == 0) {
		rc = mck_io_fsync(fd);
	}
	if (close(fd) != 0 && rc == 0) {
		rc = -errno;
	}
	return rc;
}

int mck_io_fsync(int fd)
{
	step();
	return fsync(fd) == 0 ? 0 : -errno;
}

int mck_io_mkdir_at(int dirfd, const char *name)
{
	step();
	return mkdirat(dirfd, name, 0755) == 0 ? 0 : -errno;
}

int mck_io_unlink_at(int dirfd, const char *name, int flags)
{
	step();
	return unlinkat(dirfd, name, flags) == 0 ? 0 : -errno;
}

int mck_io_symlink_at(const char *target, int dirfd, const char *name)
{
	step();
	return symlinkat(target, dirfd, name) == 0 ? 0 : -errno;
}

int mck_io_rename_at(int dirfd, const char *from, const char *to)
{
	step();
	return renameat(dirfd, from, dirfd, to) == 0 ? 0 : -errno;
}

int mck_io_readlink_at(int dirfd, const char *name, char *buf, size_t cap)
{
	ssize_t n;

	step();
	n = readlinkat(dirfd, name, buf, cap);
	if (n < 0) {
		return -errno;
	}
	if ((size_t)n >= cap) {
		return -ENAMETOOLONG;
	}
	buf[n] = '\0';
	return (int)n;
}

int mck_io_flock(int fd, int op)
{
	step();
	while (flock(fd, op) != 0) {
		if (errno != EINTR) {
			return -errno;
		}
	}
	return 0;
}

int mck_io_lock_dir(const char *path, int wait_s)
{
	int fd = mck_io_open_dir_at(AT_FDCWD, path);
	int rc;

	if (fd == -ENOENT) {
		rc = mck_io_mkdir_at(AT_FDCWD, path);
		fd = rc == 0 || rc == -EEXIST ? mck_io_open_dir_at(AT_FDCWD, path) : rc;
	}
	if (fd < 0) {
		return fd;
	}
	for (int waited = 0;; waited++) {
		rc = mck_io_flock(fd, LOCK_EX | LOCK_NB);
		if (rc != -EWOULDBLOCK || waited >= wait_s * 10) {
			break;
		}
		usleep(100 * 1000);
	}
	if (rc != 0) {
		close(fd);
		return rc;
	}
	return fd;
}
