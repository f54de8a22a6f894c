/*
 * Copies of a secret in the process's own memory (tests only).
 *
 * The mappings come from /proc/self/maps; their bytes are read through
 * /proc/self/mem rather than through pointers, so that freed memory, ASan's
 * redzones and quarantine included, is read without the sanitizer calling
 * it a use after free, and a page that cannot be read is skipped, not a
 * crash. Only resident pages are read (mincore): a sanitizer's shadow is
 * terabytes of untouched address space.
 */
#define _GNU_SOURCE /* memmem */

#include "support/memscan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#define CHUNK        (1u << 20)    /* bytes read at a time */
#define HUGE_MAPPING (64ull << 30) /* larger: reserved address space, not data */
#define MAPS_MAX     (4u << 20)    /* /proc/self/maps text held at most */
#define VEC_PAGES    4096          /* pages asked of mincore at a time */

struct scan {
	int fd; /* /proc/self/mem */
	size_t page;
	const uint8_t *needle; /* the caller's: never read back through /proc */
	size_t len;
	uintptr_t skip_lo[2]; /* copies not counted: the caller's and the needle */
	uintptr_t skip_hi[2];
	uint8_t *buf; /* CHUNK + len bytes, a mapping of its own */
	size_t buf_size;
	size_t carry;       /* bytes at buf's start from just before the next read */
	uintptr_t carry_at; /* the address the next read starts at, when carry > 0 */
	size_t count;
	bool verbose; /* MCK_MEMSCAN_VERBOSE set: each copy's address on stderr */
};

static bool skipped(const struct scan *s, uintptr_t at)
{
	for (int i = 0; i < 2; i++) {
		if (at >= s->skip_lo[i] && at + s->len <= s->skip_hi[i]) {
			return true;
		}
	}
	return false;
}

/* Count the needles in buf[0, have), whose first byte was at address @p base. */
static void count_in(struct scan *s, uintptr_t base, size_t have)
{
	const uint8_t *p = s->buf;
	size_t left = have;
	const uint8_t *hit;

	while (left >= s->len && (hit = memmem(p, left, s->needle, s->len)) != NULL) {
		size_t off = (size_t)(hit - s->buf);

		if (!skipped(s, base + off)) {
			s->count++;
			if (s->verbose) {
				fprintf(stderr, "memscan: a copy at %#lx\n",
					(unsigned long)(base + off));
			}
		}
		left -= (size_t)(hit - p) + 1;
		p = hit + 1;
	}
	/* The last len - 1 bytes go on in front of the next read, if it follows on. */
	s->carry = have < s->len - 1 ? have : s->len - 1;
	memmove(s->buf, s->buf + have - s->carry, s->carry);
	s->carry_at = base + have;
}

/* Read and search [lo, hi), all resident. */
static void read_run(struct scan *s, uintptr_t lo, uintptr_t hi)
{
	if (s->carry_at != lo) {
		s->carry = 0;
	}
	while (lo < hi) {
		size_t want = hi - lo < CHUNK ? (size_t)(hi - lo) : CHUNK;
		ssize_t n = pread(s->fd, s->buf + s->carry, want, (off_t)lo);

		if (n <= 0) {
			/* An unreadable page (a guard, a device mapping): skip it alone. */
			want = s->page;
			s->carry = 0;
			lo += want;
			continue;
		}
		count_in(s, lo - s->carry, s->carry + (size_t)n);
		lo += (size_t)n;
	}
}

/* The resident pages of [lo, hi), page aligned, read and searched. */
static void scan_range(struct scan *s, uintptr_t lo, uintptr_t hi)
{
	unsigned char vec[VEC_PAGES];

	while (lo < hi) {
		size_t pages = (hi - lo) / s->page;
		uintptr_t run = 0;
		bool in_run = false;

		if (pages > VEC_PAGES) {
			pages = VEC_PAGES;
		}
		if (mincore((void *)lo, pages * s->page, vec) != 0) {
			/* unknown (the mapping changed under us): read it all */
			memset(vec, 1, pages);
		}
		for (size_t i = 0; i <= pages; i++) {
			bool resident = i < pages && (vec[i] & 1) != 0;
			uintptr_t at = lo + i * s->page;

			if (resident && !in_run) {
				run = at;
				in_run = true;
			} else if (!resident && in_run) {
				read_run(s, run, at);
				in_run = false;
			}
		}
		lo += pages * s->page;
	}
}

/*
 * [lo, hi) less the two buffers of this search (each a mapping of its own,
 * which the kernel may have merged with a neighbour): @p maps, @p maps_len
 * and s->buf.
 */
static void scan_except(struct scan *s, uintptr_t lo, uintptr_t hi, uintptr_t maps, size_t maps_len)
{
	uintptr_t ex_lo[2] = {maps, (uintptr_t)s->buf};
	uintptr_t ex_hi[2] = {maps + maps_len, (uintptr_t)s->buf + s->buf_size};

	if (ex_lo[1] < ex_lo[0]) {
		uintptr_t t = ex_lo[0];

		ex_lo[0] = ex_lo[1];
		ex_lo[1] = t;
		t = ex_hi[0];
		ex_hi[0] = ex_hi[1];
		ex_hi[1] = t;
	}
	for (int i = 0; i < 2 && lo < hi; i++) {
		if (ex_hi[i] <= lo || ex_lo[i] >= hi) {
			continue;
		}
		if (ex_lo[i] > lo) {
			scan_range(s, lo, ex_lo[i]);
		}
		lo = ex_hi[i];
	}
	if (lo < hi) {
		scan_range(s, lo, hi);
	}
}

static size_t read_maps(char *text, size_t cap)
{
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
	size_t have = 0;

	if (fd < 0) {
		return 0;
	}
	while (have + 1 < cap) {
		ssize_t n = read(fd, text + have, cap - 1 - have);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			break;
		}
		have += (size_t)n;
	}
	close(fd);
	text[have] = '\0';
	return have;
}

size_t mck_memscan_count(const void *needle, size_t len, const void *skip, size_t skip_len)
{
	struct scan s = {
		.fd = -1,
		.needle = needle,
		.len = len,
		.skip_lo = {(uintptr_t)skip, (uintptr_t)needle},
		.skip_hi = {(uintptr_t)skip + skip_len, (uintptr_t)needle + len},
	};
	char *maps = MAP_FAILED;
	size_t result = (size_t)-1;
	long page = sysconf(_SC_PAGESIZE);

	if (needle == NULL || len < 8 || len > CHUNK || page <= 0) {
		return (size_t)-1;
	}
	s.page = (size_t)page;
	s.verbose = getenv("MCK_MEMSCAN_VERBOSE") != NULL;
	s.buf_size = ((size_t)CHUNK + len + s.page - 1) / s.page * s.page;
	s.buf = mmap(NULL, s.buf_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	maps = mmap(NULL, MAPS_MAX, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	s.fd = open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
	if (s.buf == MAP_FAILED || maps == MAP_FAILED || s.fd < 0 ||
	    read_maps(maps, MAPS_MAX) == 0) {
		goto out;
	}
	/* Addresses are not what they seem (an emulator's guest): no answer. */
	if (pread(s.fd, s.buf, len, (off_t)(uintptr_t)needle) != (ssize_t)len ||
	    memcmp(s.buf, needle, len) != 0) {
		goto out;
	}
	/* The list is taken whole first: scanning must not change it as it goes. */
	for (char *line = maps, *end; *line != '\0'; line = end) {
		unsigned long lo;
		unsigned long hi;
		char perms[5];

		end = strchr(line, '\n');
		end = end != NULL ? end + 1 : line + strlen(line);
		if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) != 3 || perms[0] != 'r' ||
		    perms[1] != 'w' || perms[3] != 'p' || hi - lo > HUGE_MAPPING) {
			continue;
		}
		if (s.verbose) {
			fprintf(stderr, "memscan: %.*s", (int)(end - line), line);
		}
		scan_except(&s, lo, hi, (uintptr_t)maps, MAPS_MAX);
	}
	result = s.count;
out:
	if (s.fd >= 0) {
		close(s.fd);
	}
	if (s.buf != MAP_FAILED) {
		/* it held what was read: the secret among it */
		explicit_bzero(s.buf, s.buf_size);
		munmap(s.buf, s.buf_size);
	}
	if (maps != MAP_FAILED) {
		munmap(maps, MAPS_MAX);
	}
	return result;
}

void mck_memscan_random_text(char *out, size_t n)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz0123456789";

	for (size_t i = 0; i < n; i++) {
		unsigned char b = 0;

		/* 252 = 7 * 36: no bias */
		do {
			if (getrandom(&b, 1, 0) != 1) {
				b = (unsigned char)(rand() & 0xff);
			}
		} while (b >= 252);
		out[i] = set[b % 36];
	}
}
