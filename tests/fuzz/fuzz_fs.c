/* Hostile file trees for the trust store's fuzz targets (see fuzz_fs.h). */
#define _GNU_SOURCE /* nftw, mknodat, pthread_kill */

#include "fuzz_fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

/* A file bigger than this digests by its size and first bytes (sparse caps are 512 MiB). */
#define DIGEST_CONTENT_MAX ((off_t)4 * 1024 * 1024)
#define FUZZ_FILE_MAX      4096

uint8_t mck_fuzz_byte(struct mck_fuzz_in *in)
{
	if (in->n == 0) {
		return 0;
	}
	in->n--;
	return *in->p++;
}

uint16_t mck_fuzz_u16(struct mck_fuzz_in *in)
{
	uint16_t lo = mck_fuzz_byte(in);

	return (uint16_t)(lo | (uint16_t)(mck_fuzz_byte(in) << 8));
}

const uint8_t *mck_fuzz_take(struct mck_fuzz_in *in, size_t want, size_t *got)
{
	const uint8_t *p = in->p;

	*got = want < in->n ? want : in->n;
	in->p += *got;
	in->n -= *got;
	return p;
}

void mck_fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz invariant broken: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

char *mck_fuzz_path(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, PATH_MAX, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= PATH_MAX) {
		mck_fuzz_fail("path too long: %s", buf);
	}
	return buf;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP || flag == FTW_D) {
		rmdir(path);
	} else {
		unlink(path);
	}
	return 0;
}

void mck_fuzz_rm(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0) {
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static char tmp_root[PATH_MAX];

static void tmp_cleanup(void)
{
	if (tmp_root[0] != '\0') {
		mck_fuzz_rm(tmp_root);
	}
}

void mck_fuzz_tmpdir(const char *tag, char *out, size_t cap)
{
	const char *base = getenv("TMPDIR");

	if (base == NULL || base[0] == '\0') {
		base = "/tmp";
	}
	if ((size_t)snprintf(out, cap, "%s/mck-fuzz-%s-XXXXXX", base, tag) >= cap ||
	    mkdtemp(out) == NULL) {
		mck_fuzz_fail("cannot make a directory under %s", base);
	}
	if (tmp_root[0] == '\0') {
		snprintf(tmp_root, sizeof(tmp_root), "%s", out);
		atexit(tmp_cleanup);
	}
}

void mck_fuzz_mkdir(const char *path)
{
	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		mck_fuzz_fail("mkdir %s: %s", path, strerror(errno));
	}
}

int mck_fuzz_write(const char *path, const void *data, size_t len)
{
	const char *p = data;
	int fd;

	mck_fuzz_rm(path);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		return -1;
	}
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n <= 0) {
			close(fd);
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return close(fd);
}

static char *read_all(int fd, size_t *len)
{
	size_t cap = 4096;
	char *buf = malloc(cap);

	*len = 0;
	while (buf != NULL) {
		ssize_t n;

		if (*len == cap) {
			char *grown = realloc(buf, cap * 2);

			if (grown == NULL) {
				break;
			}
			buf = grown;
			cap *= 2;
		}
		n = read(fd, buf + *len, cap - *len);
		if (n <= 0) {
			return buf;
		}
		*len += (size_t)n;
	}
	free(buf);
	return NULL;
}

void mck_fuzz_copy(const char *src, const char *dst)
{
	struct stat st;

	if (lstat(src, &st) != 0) {
		mck_fuzz_fail("copy: %s: %s", src, strerror(errno));
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(src);
		struct dirent *e;

		mck_fuzz_mkdir(dst);
		while (d != NULL && (e = readdir(d)) != NULL) {
			char a[PATH_MAX];
			char b[PATH_MAX];

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
				continue;
			}
			mck_fuzz_path(a, "%s/%s", src, e->d_name);
			mck_fuzz_path(b, "%s/%s", dst, e->d_name);
			mck_fuzz_copy(a, b);
		}
		if (d != NULL) {
			closedir(d);
		}
	} else if (S_ISLNK(st.st_mode)) {
		char target[PATH_MAX];
		ssize_t n = readlink(src, target, sizeof(target) - 1);

		if (n < 0 || symlink((target[n] = '\0', target), dst) != 0) {
			mck_fuzz_fail("copy: link %s: %s", src, strerror(errno));
		}
	} else if (S_ISREG(st.st_mode)) {
		int fd = open(src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		size_t len = 0;
		char *data = fd < 0 ? NULL : read_all(fd, &len);

		if (fd >= 0) {
			close(fd);
		}
		if (data == NULL || mck_fuzz_write(dst, data, len) != 0) {
			mck_fuzz_fail("copy: %s: %s", src, strerror(errno));
		}
		free(data);
	} else if (mknod(dst, st.st_mode, st.st_rdev) != 0) {
		mck_fuzz_fail("copy: %s: %s", src, strerror(errno));
	}
}

bool mck_fuzz_dir_ok(const char *root, const char *rel)
{
	char path[PATH_MAX];
	struct stat st;
	size_t len = (size_t)snprintf(path, sizeof(path), "%s/%s", root, rel);

	if (len >= sizeof(path)) {
		return false;
	}
	/* Check the root, then each prefix ending before a '/', then the whole path. */
	for (size_t i = strlen(root); i <= len; i++) {
		if (i != len && path[i] != '/') {
			continue;
		}
		path[i] = '\0';
		if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
			return false;
		}
		if (i != len) {
			path[i] = '/';
		}
	}
	return true;
}

void mck_fuzz_blob_write(struct mck_fuzz_in *in, const struct mck_fuzz_blob *b, const char *path)
{
	uint8_t how = mck_fuzz_byte(in) % 10;
	size_t len = b->len;
	size_t extra = 0;
	size_t pos;
	const uint8_t *add = NULL;
	char *buf = malloc(2 * b->len + 128);

	if (buf == NULL) {
		return;
	}
	memcpy(buf, b->data, len);
	switch (how) {
	case 1: /* an editor's newline */
		buf[len++] = '\n';
		break;
	case 2:
		buf[len++] = '\r';
		buf[len++] = '\n';
		break;
	case 3: /* one bit or byte flipped: a near-valid signature */
		pos = len > 0 ? mck_fuzz_u16(in) % len : 0;
		if (len > 0) {
			buf[pos] = (char)(buf[pos] ^ (mck_fuzz_byte(in) | 1));
		}
		break;
	case 4: /* cut short */
		len = len > 0 ? mck_fuzz_u16(in) % len : 0;
		break;
	case 5: /* a byte-order mark in front */
		memmove(buf + 3, buf, len);
		memcpy(buf, "\xef\xbb\xbf", 3);
		len += 3;
		break;
	case 6: /* trailing bytes */
		add = mck_fuzz_take(in, mck_fuzz_byte(in) % 65, &extra);
		memcpy(buf + len, add, extra);
		len += extra;
		break;
	case 7: /* twice */
		memcpy(buf + len, b->data, b->len);
		len += b->len;
		break;
	case 8:
		memmove(buf + 1, buf, len);
		buf[0] = '\n';
		len++;
		break;
	case 9: /* a run of bytes overwritten */
		pos = len > 0 ? mck_fuzz_u16(in) % len : 0;
		add = mck_fuzz_take(in, 8, &extra);
		for (size_t i = 0; i < extra && pos + i < len; i++) {
			buf[pos + i] = (char)add[i];
		}
		break;
	default:
		break;
	}
	mck_fuzz_write(path, buf, len);
	free(buf);
}

void mck_fuzz_entry(struct mck_fuzz_in *in, const struct mck_fuzz_kit *kit, const char *dir,
		    const char *name)
{
	char path[PATH_MAX];
	uint8_t kind = mck_fuzz_byte(in) % 11;
	const uint8_t *bytes;
	size_t got;
	int fd;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path)) {
		return;
	}
	mck_fuzz_rm(path);
	switch (kind) {
	case 0: /* fuzz bytes */
		bytes = mck_fuzz_take(in, mck_fuzz_u16(in) % (FUZZ_FILE_MAX + 1), &got);
		mck_fuzz_write(path, bytes, got);
		break;
	case 1:
		if (kit->nblobs > 0) {
			mck_fuzz_blob_write(in, &kit->blobs[mck_fuzz_byte(in) % kit->nblobs], path);
		}
		break;
	case 2:
		mck_fuzz_write(path, "", 0);
		break;
	case 3:
		mkdir(path, 0755);
		break;
	case 4: /* in the tree, /dev/zero, /dev/null, dangling, a loop, outside */
		if (kit->nlinks > 0) {
			(void)!symlink(kit->links[mck_fuzz_byte(in) % kit->nlinks], path);
		}
		break;
	case 5:
		mkfifo(path, 0644);
		break;
	case 6:
		mknod(path, S_IFSOCK | 0644, 0);
		break;
	case 7: /* /dev/null or /dev/zero itself, where the system lets us */
		mknod(path, S_IFCHR | 0644, makedev(1, (mck_fuzz_byte(in) & 1) != 0 ? 5 : 3));
		break;
	case 8: /* sparse: the caps and one byte past them, without the disk */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd >= 0) {
			if (kit->nsizes > 0) {
				(void)!ftruncate(
					fd, (off_t)kit->sizes[mck_fuzz_byte(in) % kit->nsizes]);
			}
			close(fd);
		}
		break;
	case 9:
		if (kit->hard != NULL) {
			(void)!link(kit->hard, path);
		}
		break;
	default: { /* one byte repeated, up to 64 KiB */
		uint8_t c = mck_fuzz_byte(in);
		size_t n = mck_fuzz_u16(in);
		char *buf = malloc(n + 1);

		if (buf != NULL) {
			memset(buf, c, n);
			mck_fuzz_write(path, buf, n);
			free(buf);
		}
		break;
	}
	}
}

void mck_fuzz_name(struct mck_fuzz_in *in, const char *const *table, size_t n, char *out)
{
	size_t pick = mck_fuzz_byte(in) % (n + 1);
	size_t len;
	size_t got;
	const uint8_t *bytes;

	if (pick < n) {
		snprintf(out, 256, "%s", table[pick]);
		return;
	}
	len = mck_fuzz_byte(in);
	len = len == 0 ? 255 : len;
	bytes = mck_fuzz_take(in, len, &got);
	for (size_t i = 0; i < len; i++) {
		char c = i < got ? (char)bytes[i] : 'x';

		out[i] = c == '/' ? '_' : c == '\0' ? '0' : c;
	}
	out[len] = '\0';
	if (strcmp(out, ".") == 0 || strcmp(out, "..") == 0) {
		strcpy(out, "_");
	}
}

/* FNV-1a, 64 bits: cheap, and a changed tree that digests the same is not a realistic worry. */
static void mix(uint64_t *h, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (size_t i = 0; i < len; i++) {
		*h = (*h ^ p[i]) * 0x100000001b3ull;
	}
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void digest_entry(uint64_t *h, const char *path, const struct stat *st)
{
	uint64_t size = (uint64_t)st->st_size;
	char kind = S_ISDIR(st->st_mode)    ? 'd'
		    : S_ISREG(st->st_mode)  ? 'f'
		    : S_ISLNK(st->st_mode)  ? 'l'
		    : S_ISFIFO(st->st_mode) ? 'p'
		    : S_ISSOCK(st->st_mode) ? 's'
					    : 'c';

	mix(h, &kind, 1);
	if (kind == 'd') {
		struct dirent **list = NULL;
		int n = scandir(path, &list, NULL, by_name);

		for (int i = 0; i < n; i++) {
			char sub[PATH_MAX];
			struct stat sst;
			const char *name = list[i]->d_name;

			if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
				mix(h, name, strlen(name) + 1);
				mck_fuzz_path(sub, "%s/%s", path, name);
				if (lstat(sub, &sst) == 0) {
					digest_entry(h, sub, &sst);
				}
			}
			free(list[i]);
		}
		free(list);
		mix(h, "}", 1);
		return;
	}
	mix(h, &size, sizeof(size));
	if (kind == 'l') {
		char target[PATH_MAX];
		ssize_t n = readlink(path, target, sizeof(target));

		mix(h, target, n > 0 ? (size_t)n : 0);
	} else if (kind == 'f') {
		int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		char buf[4096];
		off_t left = st->st_size > DIGEST_CONTENT_MAX ? (off_t)sizeof(buf) : st->st_size;

		while (fd >= 0 && left > 0) {
			ssize_t n = read(fd, buf, sizeof(buf));

			if (n <= 0) {
				break;
			}
			mix(h, buf, (size_t)n);
			left -= n;
		}
		if (fd >= 0) {
			close(fd);
		}
	}
}

uint64_t mck_fuzz_digest(const char *path)
{
	uint64_t h = 0xcbf29ce484222325ull;
	struct stat st;

	if (lstat(path, &st) != 0) {
		mix(&h, "d}", 2); /* as an empty directory */
		return h;
	}
	digest_entry(&h, path, &st);
	return h;
}

int mck_fuzz_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL) {
		mck_fuzz_fail("/proc/self/fd: %s", strerror(errno));
	}
	while ((e = readdir(d)) != NULL) {
		n += e->d_name[0] != '.';
	}
	closedir(d);
	return n - 1; /* the listing's own */
}

int mck_fuzz_maps_below(const char *root)
{
	FILE *f = fopen("/proc/self/maps", "re");
	char *line = NULL;
	size_t cap = 0;
	int n = 0;

	if (f == NULL) {
		mck_fuzz_fail("/proc/self/maps: %s", strerror(errno));
	}
	while (getline(&line, &cap, f) > 0) {
		n += strstr(line, root) != NULL;
	}
	free(line);
	fclose(f);
	return n;
}

/* ---- The watchdog ---- */

static pthread_t watch_thread;
static pthread_t watched;
static long long deadline_ns; /* 0: nothing watched (atomics: __atomic builtins) */
static const char *watch_what;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *watch_loop(void *arg)
{
	const struct timespec tick = {0, 50 * 1000 * 1000};

	(void)arg;
	for (;;) {
		long long d = __atomic_load_n(&deadline_ns, __ATOMIC_ACQUIRE);

		nanosleep(&tick, NULL);
		if (d != 0 && now_ns() > d &&
		    __atomic_load_n(&deadline_ns, __ATOMIC_ACQUIRE) == d) {
			fprintf(stderr, "fuzz watchdog: %s did not return in time (blocked?)\n",
				__atomic_load_n(&watch_what, __ATOMIC_ACQUIRE));
			/* Abort on the blocked thread, so the crash report shows where it waits. */
			pthread_kill(watched, SIGABRT);
			nanosleep(&(struct timespec){2, 0}, NULL);
			abort();
		}
	}
	return NULL;
}

void mck_fuzz_watch(const char *what)
{
	static bool started;
	const char *env = getenv("MCK_FUZZ_CALL_LIMIT_S");
	long long limit = env != NULL && atoi(env) > 0 ? atoi(env) : 5;

	if (!started) {
		watched = pthread_self();
		if (pthread_create(&watch_thread, NULL, watch_loop, NULL) != 0) {
			mck_fuzz_fail("no watchdog thread");
		}
		pthread_detach(watch_thread);
		started = true;
	}
	__atomic_store_n(&watch_what, what, __ATOMIC_RELEASE);
	__atomic_store_n(&deadline_ns, now_ns() + limit * 1000000000LL, __ATOMIC_RELEASE);
}

void mck_fuzz_unwatch(void)
{
	__atomic_store_n(&deadline_ns, 0, __ATOMIC_RELEASE);
}
