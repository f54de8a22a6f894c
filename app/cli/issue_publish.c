/*
 * mcissue publish: an update bundle (trust-list.md §5) as the static mirror
 * tree of §6, for any web server or CDN to serve under a base URL:
 *
 *   OUT/mck-update/manifest.json
 *   OUT/mck-update/trustlist.jws
 *   OUT/mck-update/status/NAME.jws
 *
 * The bundle is read as hostile, the way the installer reads it: regular
 * files only (nothing followed, nothing waited on), every size capped, status
 * names those a manifest may carry. All of it is read, checked and hashed
 * before anything is written. The mirror may be live: data files are
 * replaced first and manifest.json last, each through a temporary file,
 * fsync and rename, so a kiosk that reads the new manifest finds every file
 * it names in place. Status lists the new manifest no longer names are
 * removed only after it is in place.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "issue_common.h"
#include "issue_publish.h"
#include "mck/b64url.h"
#include "mck/crypto.h"
#include "mck/err.h"
#include "mck/inflate.h"
#include "mck/io.h"
#include "mck/json.h"
#include "mck/statuslist.h"
#include "mck/store.h"
#include "mck/trustlist.h"

#define STATUS_NAME_MAX  64                    /* NAME of status/NAME.jws (trust-list.md §6) */
#define MANIFEST_MAX     ((size_t)1024 * 1024) /* a published manifest read back */
#define JWS_HEADER_MAX   8192                  /* base64url characters of a protected header */
#define TMP_PREFIX       ".tmp-"
#define FILE_PATH_MAX    (sizeof("status/") + STATUS_NAME_MAX + sizeof(".jws"))
#define SHOWN_NAME_CHARS 80

struct pub_file {
	char path[FILE_PATH_MAX]; /* "trustlist.jws" or "status/NAME.jws" */
	char *data;               /* the bundle's bytes, published as they are */
	size_t len;
	char sha256[2 * MCK_SHA256_LEN + 1];
};

struct pub_bundle {
	struct pub_file *files; /* [0] trustlist.jws, then the status lists by name */
	size_t count;
	size_t status_bytes;
	int64_t sequence;
};

static void publish_usage(FILE *f)
{
	fputs("usage: mcissue publish [--anchors DIR] BUNDLE_DIR OUT_DIR\n"
	      "Writes the update bundle BUNDLE_DIR (trustlist.jws, status/NAME.jws) as the\n"
	      "static mirror tree OUT_DIR/mck-update/{manifest.json,trustlist.jws,status/}\n"
	      "that kiosks poll with `mcupdate BASE_URL` (trust-list.md §6). Data files are\n"
	      "replaced first, manifest.json last, each atomically; status lists no longer\n"
	      "in the bundle are removed after the manifest. --anchors: verify the bundle\n"
	      "as a kiosk would first. A sequence below the published one is refused, as\n"
	      "is the published one with other files.\n",
	      f);
}

static void bundle_free(struct pub_bundle *b)
{
	for (size_t i = 0; b->files != NULL && i < b->count; i++) {
		free(b->files[i].data);
	}
	free(b->files);
	b->files = NULL;
	b->count = 0;
}

/* A hostile name made printable and short for a message. */
static const char *shown(const char *name, char buf[SHOWN_NAME_CHARS + 1])
{
	snprintf(buf, SHOWN_NAME_CHARS + 1, "%s", name);
	return mck_io_oneline(buf);
}

/* NAME.jws with NAME of 1-64 characters from A-Z a-z 0-9 . _ - (trust-list.md §6). */
static bool status_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (n <= 4 || n > STATUS_NAME_MAX + 4 || strcmp(name + n - 4, ".jws") != 0) {
		return false;
	}
	for (size_t i = 0; i < n - 4; i++) {
		char c = name[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-')) {
			return false;
		}
	}
	return true;
}

/* The length of a file's text without trailing CR/LF (the installer drops them too). */
static size_t text_len(const char *data, size_t len)
{
	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r')) {
		len--;
	}
	return len;
}

/* Three non-empty base64url parts and nothing else: a JWS compact serialization in shape. */
static bool jws_shaped(const char *s, size_t len)
{
	size_t dots = 0;
	size_t part = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '.') {
			if (part == 0 || ++dots > 2) {
				return false;
			}
			part = 0;
		} else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			   (c >= '0' && c <= '9') || c == '-' || c == '_') {
			part++;
		} else {
			return false;
		}
	}
	return dots == 2 && part > 0;
}

/* ---- The sequence of a trust list read without verifying it (no --anchors) ---- */

/* Decode @p len base64url characters into a new NUL-terminated buffer (caller frees). */
static uint8_t *b64url_dup(const char *in, size_t len, size_t *outlen)
{
	size_t cap = mck_b64url_decoded_len(len);
	uint8_t *buf = malloc(cap + 1);

	if (buf == NULL) {
		return NULL;
	}
	if (mck_b64url_decode(in, len, buf, cap, outlen) != MCK_OK) {
		free(buf);
		return NULL;
	}
	buf[*outlen] = '\0';
	return buf;
}

/* Inflate a "zip":"DEF" payload into a new NUL-terminated buffer, at most the loader's cap. */
static uint8_t *inflate_dup(const uint8_t *in, size_t len, size_t *outlen)
{
	size_t cap =
		len < MCK_TRUSTLIST_PAYLOAD_MAX / 16 ? 16 * len + 4096 : MCK_TRUSTLIST_PAYLOAD_MAX;

	for (;;) {
		uint8_t *buf = malloc(cap + 1);
		int rc;

		if (buf == NULL) {
			return NULL;
		}
		rc = mck_inflate(MCK_INFLATE_RAW, in, len, buf, cap, outlen);
		if (rc == MCK_OK) {
			buf[*outlen] = '\0';
			return buf;
		}
		free(buf);
		if (rc != MCK_ERR_TOOBIG || cap >= MCK_TRUSTLIST_PAYLOAD_MAX) {
			return NULL;
		}
		cap = cap > MCK_TRUSTLIST_PAYLOAD_MAX / 4 ? MCK_TRUSTLIST_PAYLOAD_MAX : 4 * cap;
	}
}

/* The issuers are not needed: they stream past one at a time. */
static int skip_issuer(void *ctx, const cJSON *element, size_t index)
{
	(void)ctx;
	(void)element;
	(void)index;
	return MCK_OK;
}

/*
 * "sequence" of the trust list JWS @p jws (shaped, @p len without CR/LF),
 * unverified: kiosks verify it when they install. NULL, or why not.
 */
static const char *unverified_sequence(const char *jws, size_t len, int64_t *sequence)
{
	const char *dot1 = memchr(jws, '.', len);
	const char *dot2 = memchr(dot1 + 1, '.', len - (size_t)(dot1 + 1 - jws));
	size_t hlen = (size_t)(dot1 - jws);
	uint8_t *header = NULL;
	uint8_t *payload = NULL;
	uint8_t *text = NULL;
	cJSON *hdr = NULL;
	cJSON *root = NULL;
	const char *zip = NULL;
	const char *why = "the payload is not JSON";
	size_t n;
	int zrc;

	if (hlen > JWS_HEADER_MAX || (header = b64url_dup(jws, hlen, &n)) == NULL ||
	    mck_json_parse(header, n, MCK_JSON_MAX_DEPTH, &hdr) != MCK_OK) {
		why = "the protected header is not base64url JSON";
		goto out;
	}
	zrc = mck_json_string(hdr, "zip", &zip);
	if (zrc < 0 || (zrc == 1 && strcmp(zip, "DEF") != 0)) {
		why = "the header's \"zip\" is not \"DEF\"";
		goto out;
	}
	payload = b64url_dup(dot1 + 1, (size_t)(dot2 - dot1 - 1), &n);
	if (payload == NULL) {
		why = "the payload is not base64url";
		goto out;
	}
	if (zrc == 1) {
		text = inflate_dup(payload, n, &n);
		if (text == NULL) {
			why = "the payload does not inflate within the loader's cap";
			goto out;
		}
	} else {
		text = payload;
		payload = NULL;
	}
	if (mck_json_parse_each(text, n, MCK_JSON_MAX_DEPTH, "issuers", skip_issuer, NULL, &root) !=
	    MCK_OK) {
		goto out;
	}
	if (mck_json_int(root, "sequence", 1, MCK_TIME_MAX, sequence) != 1) {
		why = "no \"sequence\" integer >= 1 in the payload";
		goto out;
	}
	why = NULL;
out:
	cJSON_Delete(root);
	cJSON_Delete(hdr);
	free(text);
	free(payload);
	free(header);
	return why;
}

/* ---- Reading the bundle ---- */

/*
 * Read the bundle file @p name below @p dirfd into @p f, refusing what mcupdate would never
 * open; messages name it @p dir/@p rel.
 */
static int read_entry(int dirfd, const char *name, const char *dir, const char *rel, size_t max,
		      struct pub_file *f)
{
	int rc = mck_io_read_at(dirfd, name, max, &f->data, &f->len);

	if (rc == -EFBIG) {
		return mck_issue_fail(MCK_ISSUE_INPUT,
				      "%s/%s: larger than the %zu bytes a kiosk accepts", dir, rel,
				      max);
	}
	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/%s: %s", dir, rel,
				      rc == -ENOENT ? "missing" : mck_io_strerror(rc));
	}
	if (!jws_shaped(f->data, text_len(f->data, f->len))) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/%s: not a JWS (three base64url parts)",
				      dir, rel);
	}
	return MCK_ISSUE_OK;
}

static int read_status(int sfd, const char *dir, struct pub_bundle *b)
{
	char buf[SHOWN_NAME_CHARS + 1];
	char **names = NULL;
	int n = mck_io_list_at(sfd, ".jws", &names);
	int rc = MCK_ISSUE_OK;

	if (n < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/status: %s", dir, mck_io_strerror(n));
	}
	if (n > MCK_STATUS_LISTS_MAX) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT,
				    "%s/status: %d lists, a kiosk takes at most %d", dir, n,
				    MCK_STATUS_LISTS_MAX);
	}
	for (int i = 0; rc == MCK_ISSUE_OK && i < n; i++) {
		struct pub_file *f = &b->files[b->count];

		if (!status_name_ok(names[i])) {
			rc = mck_issue_fail(
				MCK_ISSUE_INPUT,
				"%s/status/%s: a mirror's status list is NAME.jws, NAME "
				"1-%d of A-Z a-z 0-9 . _ -",
				dir, shown(names[i], buf), STATUS_NAME_MAX);
			break;
		}
		snprintf(f->path, sizeof(f->path), "status/%s", names[i]);
		b->count++;
		rc = read_entry(sfd, names[i], dir, f->path, MCK_STATUS_JWS_MAX, f);
		if (rc == MCK_ISSUE_OK) {
			b->status_bytes += f->len;
			if (b->status_bytes > MCK_STORE_STATUS_BYTES_MAX) {
				rc = mck_issue_fail(MCK_ISSUE_INPUT,
						    "%s/status: the lists are larger than %zu MiB "
						    "together",
						    dir, MCK_STORE_STATUS_BYTES_MAX >> 20);
			}
		}
	}
	mck_io_free_names(names, n > 0 ? n : 0);
	return rc;
}

static int read_bundle(const char *dir, struct pub_bundle *b)
{
	int fd = mck_io_open_dir_at(AT_FDCWD, dir);
	int sfd;
	int rc;

	if (fd < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: %s", dir, mck_io_strerror(fd));
	}
	b->files = calloc(MCK_STATUS_LISTS_MAX + 1, sizeof(*b->files));
	if (b->files == NULL) {
		close(fd);
		return mck_issue_fail(MCK_ISSUE_INPUT, "out of memory");
	}
	snprintf(b->files[0].path, sizeof(b->files[0].path), "trustlist.jws");
	b->count = 1;
	rc = read_entry(fd, "trustlist.jws", dir, "trustlist.jws", MCK_TRUSTLIST_FILE_MAX,
			&b->files[0]);
	sfd = rc == MCK_ISSUE_OK ? mck_io_open_dir_at(fd, "status") : -ENOENT;
	close(fd);
	if (rc != MCK_ISSUE_OK || sfd == -ENOENT) {
		return rc; /* no status/: a bundle without status lists */
	}
	if (sfd < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/status: %s", dir, mck_io_strerror(sfd));
	}
	rc = read_status(sfd, dir, b);
	close(sfd);
	return rc;
}

/* Verify the bundle as mcupdate would (anchors, trust list, every status list); sets sequence. */
static int verify_bundle(const char *anchors_dir, const char *dir, struct pub_bundle *b)
{
	struct mck_anchors *anchors = mck_anchors_create();
	struct mck_trustlist *tl = NULL;
	struct mck_statusset set;
	const struct pub_file *t = &b->files[0];
	char why[256];
	int rc = MCK_ISSUE_INPUT;

	mck_statusset_init(&set);
	if (anchors == NULL) {
		mck_issue_fail(MCK_ISSUE_INPUT, "out of memory");
		goto out;
	}
	if (mck_store_add_anchors(anchors, anchors_dir, why, sizeof(why)) != 0) {
		mck_issue_fail(MCK_ISSUE_INPUT, "anchor_missing: %s", mck_io_oneline(why));
		goto out;
	}
	if (mck_trustlist_load(&tl, anchors, t->data, text_len(t->data, t->len), why,
			       sizeof(why)) != MCK_OK) {
		mck_issue_fail(MCK_ISSUE_INPUT, "%s/trustlist.jws: trustlist_invalid: %s", dir,
			       mck_io_oneline(why));
		goto out;
	}
	for (size_t i = 1; i < b->count; i++) {
		const struct pub_file *f = &b->files[i];

		if (mck_statusset_add(&set, tl, f->data, text_len(f->data, f->len), why,
				      sizeof(why)) != MCK_OK) {
			mck_issue_fail(MCK_ISSUE_INPUT, "%s/%s: status_invalid: %s", dir, f->path,
				       mck_io_oneline(why));
			goto out;
		}
	}
	b->sequence = mck_trustlist_sequence(tl);
	rc = MCK_ISSUE_OK;
out:
	mck_statusset_free(&set);
	mck_trustlist_destroy(tl);
	mck_anchors_destroy(anchors);
	return rc;
}

/* ---- The manifest ---- */

static void hash_files(struct pub_bundle *b)
{
	static const char hex[] = "0123456789abcdef";
	uint8_t d[MCK_SHA256_LEN];

	for (size_t i = 0; i < b->count; i++) {
		mck_sha256(b->files[i].data, b->files[i].len, d);
		for (size_t k = 0; k < MCK_SHA256_LEN; k++) {
			b->files[i].sha256[2 * k] = hex[d[k] >> 4];
			b->files[i].sha256[2 * k + 1] = hex[d[k] & 15];
		}
		b->files[i].sha256[2 * MCK_SHA256_LEN] = '\0';
	}
}

/* {"sequence":N,"files":[{"path","size","sha256"},…]} and a newline; new string, caller frees. */
static char *manifest_text(const struct pub_bundle *b)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *files = NULL;
	char *text = NULL;
	char *line = NULL;
	bool ok = root != NULL &&
		  cJSON_AddNumberToObject(root, "sequence", (double)b->sequence) != NULL &&
		  (files = cJSON_AddArrayToObject(root, "files")) != NULL;

	for (size_t i = 0; ok && i < b->count; i++) {
		cJSON *f = cJSON_CreateObject();

		ok = f != NULL && cJSON_AddItemToArray(files, f) &&
		     cJSON_AddStringToObject(f, "path", b->files[i].path) != NULL &&
		     cJSON_AddNumberToObject(f, "size", (double)b->files[i].len) != NULL &&
		     cJSON_AddStringToObject(f, "sha256", b->files[i].sha256) != NULL;
	}
	text = ok ? cJSON_PrintUnformatted(root) : NULL;
	cJSON_Delete(root);
	if (text != NULL) {
		line = malloc(strlen(text) + 2);
		if (line != NULL) {
			strcpy(line, text);
			strcat(line, "\n");
		}
	}
	free(text);
	return line;
}

/* ---- Writing the mirror ---- */

/* Open (creating it when absent) the directory @p name below @p dirfd, never through a link. */
static int open_or_make_dir(int dirfd, const char *name)
{
	int fd = mck_io_open_dir_at(dirfd, name);

	if (fd == -ENOENT) {
		int rc = mck_io_mkdir_at(dirfd, name);

		fd = rc == 0 || rc == -EEXIST ? mck_io_open_dir_at(dirfd, name) : rc;
	}
	return fd;
}

/*
 * Give the temporary file @p tmp a modification time past that of the file @p name it
 * replaces: Last-Modified and nginx's ETag (mtime in seconds, size) must change with the
 * content, or a publish within the second of the last one would answer a kiosk's or a
 * CDN's conditional GET with 304 and the old copy would stay in use.
 */
static void newer_than_replaced(int dirfd, const char *tmp, const char *name)
{
	struct stat old;
	struct stat made;
	struct timespec times[2] = {{.tv_nsec = UTIME_OMIT}, {.tv_nsec = 0}};

	if (fstatat(dirfd, name, &old, AT_SYMLINK_NOFOLLOW) != 0 ||
	    fstatat(dirfd, tmp, &made, AT_SYMLINK_NOFOLLOW) != 0 ||
	    made.st_mtim.tv_sec > old.st_mtim.tv_sec) {
		return;
	}
	times[1].tv_sec = old.st_mtim.tv_sec + 1;
	utimensat(dirfd, tmp, times, AT_SYMLINK_NOFOLLOW);
}

/* Replace @p name below @p dirfd with @p len bytes: a temporary file, fsync, rename. */
static int put_file(int dirfd, const char *name, const char *data, size_t len)
{
	char tmp[sizeof(TMP_PREFIX) + FILE_PATH_MAX];
	int rc;

	snprintf(tmp, sizeof(tmp), TMP_PREFIX "%s", name);
	rc = mck_io_unlink_at(dirfd, tmp, 0); /* left by a publish that was cut short */
	if (rc == 0 || rc == -ENOENT) {
		rc = mck_io_write_at(dirfd, tmp, data, len);
	}
	if (rc == 0) {
		newer_than_replaced(dirfd, tmp, name);
		rc = mck_io_rename_at(dirfd, tmp, name);
	}
	if (rc != 0) {
		mck_io_unlink_at(dirfd, tmp, 0);
	}
	return rc;
}

/* Whether @p name below @p dirfd is a regular file of @p size bytes. */
static bool in_place(int dirfd, const char *name, size_t size)
{
	struct stat st;

	return fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
	       (size_t)st.st_size == size;
}

/*
 * What is published now: its sequence (0: nothing yet) and whether it is
 * exactly @p manifest with every file in place.
 */
static int published(int ufd, int sfd, const char *out, const char *manifest,
		     const struct pub_bundle *b, int64_t *sequence, bool *same)
{
	char *text = NULL;
	size_t len;
	cJSON *root = NULL;
	int rc = mck_io_read_at(ufd, "manifest.json", MANIFEST_MAX, &text, &len);

	*sequence = 0;
	*same = false;
	if (rc == -ENOENT) {
		return MCK_ISSUE_OK;
	}
	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/mck-update/manifest.json: %s", out,
				      mck_io_strerror(rc));
	}
	*same = len == strlen(manifest) && memcmp(text, manifest, len) == 0;
	len = text_len(text, len);
	text[len] = '\0'; /* mck_json_parse reads up to a NUL */
	if (mck_json_parse((const uint8_t *)text, len, MCK_JSON_MAX_DEPTH, &root) != MCK_OK ||
	    mck_json_int(root, "sequence", 1, MCK_TIME_MAX, sequence) != 1) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT,
				    "%s/mck-update/manifest.json: not a manifest with a sequence; "
				    "remove it to publish afresh",
				    out);
		goto out;
	}
	for (size_t i = 0; *same && i < b->count; i++) {
		const char *path = b->files[i].path;
		bool st = strncmp(path, "status/", 7) == 0;

		*same = in_place(st ? sfd : ufd, st ? path + 7 : path, b->files[i].len);
	}
	rc = MCK_ISSUE_OK;
out:
	cJSON_Delete(root);
	free(text);
	return rc;
}

/* Remove the status lists in @p sfd that @p b does not hold; the count removed. */
static size_t remove_stale(int sfd, const struct pub_bundle *b)
{
	char **names = NULL;
	int n = mck_io_list_at(sfd, ".jws", &names);
	size_t removed = 0;

	for (int i = 0; i < n; i++) {
		bool listed = false;

		for (size_t k = 1; k < b->count && !listed; k++) {
			listed = strcmp(b->files[k].path + 7, names[i]) == 0;
		}
		if (!listed && status_name_ok(names[i]) &&
		    mck_io_unlink_at(sfd, names[i], 0) == 0) {
			removed++;
		}
	}
	mck_io_free_names(names, n > 0 ? n : 0);
	if (removed > 0) {
		mck_io_fsync(sfd);
	}
	return removed;
}

/* Open OUT_DIR (made when absent), OUT/mck-update and its status/, and lock the mirror. */
static int open_mirror(const char *out, int *ufd, int *sfd)
{
	int ofd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (ofd < 0 && errno == ENOENT && mkdir(out, 0755) == 0) {
		ofd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	if (ofd < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: %s", out, strerror(errno));
	}
	*ufd = open_or_make_dir(ofd, "mck-update");
	close(ofd);
	if (*ufd < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/mck-update: %s", out,
				      mck_io_strerror(*ufd));
	}
	rc = mck_io_flock(*ufd, LOCK_EX | LOCK_NB);
	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/mck-update: %s", out,
				      rc == -EWOULDBLOCK ? "another publish is writing it"
							 : mck_io_strerror(rc));
	}
	*sfd = open_or_make_dir(*ufd, "status");
	if (*sfd < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/mck-update/status: %s", out,
				      mck_io_strerror(*sfd));
	}
	return MCK_ISSUE_OK;
}

/* Data files, their directories flushed, then the manifest: a kiosk never sees it early. */
static int write_mirror(int ufd, int sfd, const char *out, const struct pub_bundle *b,
			const char *manifest)
{
	int rc = 0;
	size_t i;

	for (i = 0; rc == 0 && i < b->count; i++) {
		const char *path = b->files[i].path;
		bool st = strncmp(path, "status/", 7) == 0;

		rc = put_file(st ? sfd : ufd, st ? path + 7 : path, b->files[i].data,
			      b->files[i].len);
	}
	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT,
				      "%s/mck-update/%s: %s; manifest.json not replaced", out,
				      b->files[i - 1].path, mck_io_strerror(rc));
	}
	rc = mck_io_fsync(sfd);
	if (rc == 0) {
		rc = mck_io_fsync(ufd);
	}
	if (rc == 0) {
		rc = put_file(ufd, "manifest.json", manifest, strlen(manifest));
	}
	if (rc == 0) {
		rc = mck_io_fsync(ufd);
	}
	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s/mck-update/manifest.json: %s", out,
				      mck_io_strerror(rc));
	}
	return MCK_ISSUE_OK;
}

int mck_issue_publish_main(int argc, char **argv)
{
	struct pub_bundle b = {0};
	const char *anchors = NULL;
	const char *bundle = NULL;
	const char *out = NULL;
	char *manifest = NULL;
	int64_t old_sequence;
	bool same;
	int ufd = -1;
	int sfd = -1;
	size_t removed;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			publish_usage(stdout);
			return MCK_ISSUE_OK;
		} else if (strcmp(a, "--anchors") == 0 && i + 1 < argc) {
			anchors = argv[++i];
		} else if (a[0] != '-' && bundle == NULL) {
			bundle = a;
		} else if (a[0] != '-' && out == NULL) {
			out = a;
		} else {
			publish_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE, "publish: unexpected \"%.40s\"", a);
		}
	}
	if (bundle == NULL || out == NULL) {
		publish_usage(stderr);
		return mck_issue_fail(MCK_ISSUE_USAGE, "publish: needs BUNDLE_DIR and OUT_DIR");
	}

	/* Everything is read, checked and hashed before the mirror is touched. */
	rc = read_bundle(bundle, &b);
	if (rc == MCK_ISSUE_OK && anchors != NULL) {
		rc = verify_bundle(anchors, bundle, &b);
	} else if (rc == MCK_ISSUE_OK) {
		const struct pub_file *t = &b.files[0];
		const char *why =
			unverified_sequence(t->data, text_len(t->data, t->len), &b.sequence);

		if (why != NULL) {
			rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s/trustlist.jws: %s", bundle, why);
		}
	}
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	hash_files(&b);
	manifest = manifest_text(&b);
	if (manifest == NULL) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "out of memory");
		goto out;
	}

	rc = open_mirror(out, &ufd, &sfd);
	if (rc == MCK_ISSUE_OK) {
		rc = published(ufd, sfd, out, manifest, &b, &old_sequence, &same);
	}
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	if (b.sequence < old_sequence) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT,
				    "%s/trustlist.jws: sequence %lld is below the published %lld; "
				    "kiosks would refuse it (trustlist_rollback)",
				    bundle, (long long)b.sequence, (long long)old_sequence);
		goto out;
	}
	if (b.sequence == old_sequence && same) {
		/* A publish cut short after its manifest may have left old lists behind. */
		remove_stale(sfd, &b);
		printf("already published sequence %lld\n", (long long)b.sequence);
		goto out;
	}
	if (b.sequence == old_sequence) {
		rc = mck_issue_fail(
			MCK_ISSUE_INPUT,
			"%s/trustlist.jws: sequence %lld is published with other files; "
			"kiosks that have it would never fetch these: raise the sequence",
			bundle, (long long)b.sequence);
		goto out;
	}
	if (anchors == NULL) {
		mck_issue_warn("no --anchors: the bundle is published unverified");
	}
	rc = write_mirror(ufd, sfd, out, &b, manifest);
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	removed = remove_stale(sfd, &b);
	printf("published sequence %lld: trustlist.jws and %zu status list%s",
	       (long long)b.sequence, b.count - 1, b.count == 2 ? "" : "s");
	if (removed > 0) {
		printf(" (%zu no longer listed removed)", removed);
	}
	putchar('\n');
	if (fflush(stdout) != 0) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "standard output: %s", strerror(errno));
	}
out:
	if (sfd >= 0) {
		close(sfd);
	}
	if (ufd >= 0) {
		close(ufd); /* releases the lock */
	}
	free(manifest);
	bundle_free(&b);
	return rc;
}
