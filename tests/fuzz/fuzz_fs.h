/*
 * Hostile file trees for the trust store's fuzz targets (fuzz_bundle,
 * fuzz_trustcfg): a byte-code reader, entries of every kind (files, links,
 * FIFOs, sockets, devices, sparse files), tree digests, and a watchdog that
 * turns a blocked call into a crash libFuzzer keeps.
 */
#ifndef MCK_FUZZ_FS_H
#define MCK_FUZZ_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The input being decoded: reads past its end give zeros, so every input is a program. */
struct mck_fuzz_in {
	const uint8_t *p;
	size_t n;
};

uint8_t mck_fuzz_byte(struct mck_fuzz_in *in);
uint16_t mck_fuzz_u16(struct mck_fuzz_in *in);
/** Up to @p want bytes of the input (fewer at its end: *got says how many). */
const uint8_t *mck_fuzz_take(struct mck_fuzz_in *in, size_t want, size_t *got);

/** Valid content a target offers its byte-code (a signed list, an anchor, …). */
struct mck_fuzz_blob {
	const char *data;
	size_t len;
};

/** What an entry of a target's tree can be made of. */
struct mck_fuzz_kit {
	const struct mck_fuzz_blob *blobs;
	size_t nblobs;
	const char *const *links; /* symbolic-link targets */
	size_t nlinks;
	const uint64_t *sizes; /* sparse-file sizes (the caps and one past them) */
	size_t nsizes;
	const char *hard; /* a regular file to hard-link to (may be missing) */
};

/*
 * A private directory $TMPDIR/mck-fuzz-TAG-XXXXXX (or under /tmp), removed at
 * a normal exit. Aborts when it cannot be made.
 */
void mck_fuzz_tmpdir(const char *tag, char *out, size_t cap);

/** A printf into @p buf of PATH_MAX bytes; aborts rather than cut a path short. Returns @p buf. */
char *mck_fuzz_path(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** Remove @p path whatever it is (directories recursively, links never followed). */
void mck_fuzz_rm(const char *path);

/** mkdir, aborting on any failure but EEXIST. */
void mck_fuzz_mkdir(const char *path);

/** Copy the tree @p src (directories, regular files, links) to the new path @p dst. */
void mck_fuzz_copy(const char *src, const char *dst);

/** Create the regular file @p path (replacing whatever is there) with @p data. 0 or -1. */
int mck_fuzz_write(const char *path, const void *data, size_t len);

/*
 * True when every component of @p rel below @p root is a real directory (no
 * link): the only directories a byte-code may create entries in, so that it
 * never reaches outside its tree through a link it made itself.
 */
bool mck_fuzz_dir_ok(const char *root, const char *rel);

/*
 * Replace @p dir/@p name by an entry the input describes (kind, then its
 * arguments): fuzz bytes, a blob (possibly damaged), an empty file, a
 * directory, a link, a FIFO, a socket, a device node, a sparse file, a hard
 * link, a filled file. Creation errors are ignored (the tree is what it is).
 */
void mck_fuzz_entry(struct mck_fuzz_in *in, const struct mck_fuzz_kit *kit, const char *dir,
		    const char *name);

/** Write blob @p b to @p path, damaged as the next input byte says (0: intact). */
void mck_fuzz_blob_write(struct mck_fuzz_in *in, const struct mck_fuzz_blob *b, const char *path);

/*
 * A name for a new entry: one of @p table (with index from the input), or
 * fuzz bytes (no '/', no NUL, never "." or ".."), 1..255 bytes. @p out has
 * room for 256 bytes.
 */
void mck_fuzz_name(struct mck_fuzz_in *in, const char *const *table, size_t n, char *out);

/*
 * A digest of the tree at @p path: every entry's name, kind, size, contents
 * (regular files) and target (links), in name order, never following a link
 * or opening anything but a regular file. A missing path digests as an empty
 * directory.
 */
uint64_t mck_fuzz_digest(const char *path);

/** Open file descriptors of this process. */
int mck_fuzz_fds(void);

/** Mappings of this process of files below @p root (/proc/self/maps). */
int mck_fuzz_maps_below(const char *root);

/*
 * The watchdog: between mck_fuzz_watch and mck_fuzz_unwatch a call has
 * MCK_FUZZ_CALL_LIMIT_S seconds (default 5), after which the process aborts
 * naming @p what (a FIFO that made a reader wait is a crash, not a slow input).
 */
void mck_fuzz_watch(const char *what);
void mck_fuzz_unwatch(void);

/** Print @p why and abort: a broken invariant. */
void mck_fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
