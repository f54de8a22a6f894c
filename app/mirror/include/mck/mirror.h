/*
 * Fresh trust data from a mirror (trust-list.md §6): a web server or CDN
 * that serves BASE/mck-update/{manifest.json, trustlist.jws, status/NAME.jws}.
 *
 * The manifest is not signed and is trusted for nothing: it only says what
 * to download, and how much. Its paths and sizes are checked against the
 * caps before anything is downloaded; each file is downloaded into a staging
 * directory in the spool (on the state partition), its byte count capped
 * while it streams, then checked against its size and SHA-256. The files
 * then form a bundle that the trust store verifies and installs exactly as
 * one from a USB stick (mck_store_install_bundle): one install path.
 *
 * The spool (STATE-update by default) holds the record of network updates,
 * fetch.json, and the staging directories; the state directory is touched by
 * the install only, so a fetch that fails leaves it byte for byte as it was.
 */
#ifndef MCK_MIRROR_H
#define MCK_MIRROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/crypto.h"
#include "mck/statuslist.h"
#include "mck/store.h"

/* ---- The manifest (pure: no I/O) ---- */

#define MCK_MANIFEST_MAX      (256 * 1024) /* bytes of manifest.json: 1,024 lists need ~185 KiB */
#define MCK_MANIFEST_FILES    (1 + MCK_STATUS_LISTS_MAX)
#define MCK_MANIFEST_PATH_MAX 80 /* "status/" + 64 + ".jws" and its NUL */

struct mck_manifest_file {
	char path[MCK_MANIFEST_PATH_MAX]; /* "trustlist.jws" or "status/NAME.jws" */
	uint64_t size;
	uint8_t sha256[MCK_SHA256_LEN];
};

struct mck_manifest {
	int64_t sequence;
	size_t count; /* files, the trust list first */
	struct mck_manifest_file file[MCK_MANIFEST_FILES];
};

/**
 * Parse and check @p len bytes of manifest.json into @p m (about 100 KB:
 * the caller's, not the stack's): sequence 1..2^53, exactly one trust list,
 * status paths of 1–64 characters from A–Z a–z 0–9 . _ - and no two the
 * same, sizes 1..their caps (MCK_TRUSTLIST_FILE_MAX, MCK_STATUS_JWS_MAX,
 * MCK_STORE_STATUS_BYTES_MAX together), digests of 64 hex digits. Returns
 * 0, or -1 with why in @p msg (one line).
 */
int mck_manifest_parse(const char *json, size_t len, struct mck_manifest *m, char *msg, size_t cap);

/** Whether @p path is one a manifest may name. */
bool mck_manifest_path_ok(const char *path);

/* ---- Fetching and installing ---- */

#define MCK_MIRROR_URL_MAX 1024 /* a base URL */

struct mck_mirror_opts {
	const char *base_url; /* http:// or https://, the directory holding mck-update/ */
	const char *spool;    /* NULL: the state's (mck_store_spool_path) */
	const char *pin;      /* NULL, or curl's pinnedpubkey: "sha256//BASE64[;sha256//…]" */
	const char *ca_file;  /* NULL: the system's CA store */
	long connect_timeout_s;
	long timeout_s;         /* each request, whole */
	long low_speed_bytes;   /* abort below this many bytes a second… */
	long low_speed_seconds; /* …for this long */
	struct mck_store_install_opts install;
};

/* Defaults of the fetch's limits (seconds, bytes a second). */
#define MCK_MIRROR_CONNECT_TIMEOUT 20
#define MCK_MIRROR_TIMEOUT         900
#define MCK_MIRROR_LOW_SPEED       1024
#define MCK_MIRROR_LOW_SPEED_TIME  60
#define MCK_MIRROR_REDIRECTS       5

enum mck_mirror_result {
	MCK_MIRROR_INSTALLED = 0,
	MCK_MIRROR_CURRENT,    /* the mirror holds what is installed (304, or the same sequence) */
	MCK_MIRROR_UNREADABLE, /* network, HTTP status, manifest, size or digest: nothing changed */
	MCK_MIRROR_REFUSED,    /* the store refused the bundle (*refusal says why) */
	MCK_MIRROR_FAILED,     /* bad arguments, the spool or the state unusable */
};

/**
 * Update the state directory @p o->install.state from the mirror at
 * @p o->base_url, and record the attempt in the spool's fetch.json.
 * Returns the result; @p msg says why (one line), *sequence the sequence
 * installed or in force, *refusal the store's result for
 * MCK_MIRROR_REFUSED (a rollback on the mirror: MCK_STORE_ROLLBACK).
 */
enum mck_mirror_result mck_mirror_update(const struct mck_mirror_opts *o, int64_t *sequence,
					 enum mck_store_result *refusal, char *msg, size_t cap);

/* ---- The record of network updates (SPOOL/fetch.json) ---- */

#define MCK_MIRROR_RECORD     MCK_STORE_RECORD_FETCH
#define MCK_MIRROR_RECORD_MAX 4096
#define MCK_MIRROR_CAUSE_MAX  200
#define MCK_MIRROR_TAG_MAX    200 /* an ETag or Last-Modified value kept */

struct mck_mirror_record {
	int64_t last_attempt; /* unix seconds; 0: never */
	int64_t last_success; /* an install, or the mirror confirmed up to date */
	int64_t last_failure;
	char cause[MCK_MIRROR_CAUSE_MAX]; /* the last attempt's failure, "" when it succeeded */
	int64_t sequence;                 /* the last success's sequence; 0: none */
	char etag[MCK_MIRROR_TAG_MAX];    /* the manifest's, as of the last success */
	char last_modified[MCK_MIRROR_TAG_MAX];
	char url[MCK_MIRROR_URL_MAX]; /* the base URL they are of: another mirror's are not sent */
};

/**
 * Read SPOOL/fetch.json (a regular file of at most MCK_MIRROR_RECORD_MAX
 * bytes; texts kept printable and bounded). Missing: all zero, 0 returned.
 * Returns 0 or -errno (-EBADMSG: not a record); @p r is zeroed on error.
 */
int mck_mirror_record_read(int spool_fd, struct mck_mirror_record *r);

/** Write it atomically (temporary file, fsync, rename, fsync). 0 or -errno. */
int mck_mirror_record_write(int spool_fd, const struct mck_mirror_record *r);

#endif
