/*
 * An update from a mirror: the manifest (conditionally), its checks, the
 * files into a staging directory of the spool, their sizes and digests, then
 * the trust store's own install, and the record of how it went.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fetch.h"
#include "mck/io.h"
#include "mck/mirror.h"

#define STAGING "staging-"

/* A base URL we fetch from: http(s), printable, no query or fragment; its '/'s at the end dropped. */
static int base_of(const char *url, char *out, size_t cap)
{
	size_t len = strlen(url);

	if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0) {
		return -1;
	}
	for (const char *p = url; *p != '\0'; p++) {
		if (*p <= 0x20 || *p >= 0x7f || *p == '?' || *p == '#') {
			return -1;
		}
	}
	while (len > 0 && url[len - 1] == '/') {
		len--;
	}
	if (len >= cap || len <= 8) {
		return -1;
	}
	memcpy(out, url, len);
	out[len] = '\0';
	return 0;
}

/* Remove staging directory @p name below @p spool_fd: its files, status/ and itself (no links followed). */
static void remove_staging(int spool_fd, const char *name)
{
	int fd = mck_io_open_dir_at(spool_fd, name);

	if (fd >= 0) {
		int sfd = mck_io_open_dir_at(fd, "status");

		if (sfd >= 0) {
			DIR *d = fdopendir(sfd);
			struct dirent *e;

			while (d != NULL && (e = readdir(d)) != NULL) {
				if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
					(void)unlinkat(sfd, e->d_name, 0);
				}
			}
			if (d != NULL) {
				closedir(d);
			} else {
				close(sfd);
			}
		}
		(void)unlinkat(fd, "status", AT_REMOVEDIR);
		(void)unlinkat(fd, "trustlist.jws", 0);
		close(fd);
	}
	(void)unlinkat(spool_fd, name, AT_REMOVEDIR);
}

/* Staging directories a fetch cut short left (a power cut): gone before the next. */
static void sweep_staging(int spool_fd)
{
	/* a fresh open of ".", not dup(): fdopendir would share the spool fd's position */
	int fd = openat(spool_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	char names[16][64];
	int n = 0;

	if (d == NULL) {
		if (fd >= 0) {
			close(fd);
		}
		return;
	}
	while ((e = readdir(d)) != NULL && n < 16) {
		if (strncmp(e->d_name, STAGING, sizeof(STAGING) - 1) == 0 &&
		    strlen(e->d_name) < sizeof(names[0])) {
			strcpy(names[n++], e->d_name);
		}
	}
	closedir(d);
	for (int i = 0; i < n; i++) {
		remove_staging(spool_fd, names[i]);
	}
}

/* The sequence installed in @p state (0: none yet). */
static int64_t installed_sequence(const char *state)
{
	struct mck_store *s = NULL;
	struct mck_store_info info = {0, 0};

	if (mck_store_open(&s, state) == 0) {
		(void)mck_store_read_info(s, &info);
		mck_store_close(s);
	}
	return info.sequence;
}

struct run {
	const struct mck_mirror_opts *o;
	bool mismatch; /* a file was not what the manifest said (a publish under way?) */
	char base[MCK_MIRROR_URL_MAX];
	char url[MCK_MIRROR_URL_MAX + 128];
	int spool_fd;
	char spool[4096];
	char staging[64];
	struct mck_manifest manifest; /* ~100 KB: the heap's */
	char manifest_json[MCK_MANIFEST_MAX + 1];
	struct fetch_req req;
};

/* Download file @p f of the manifest into the staging directory @p dir_fd, checked. 0 or -1. */
static int download(struct run *r, int dir_fd, const struct mck_manifest_file *f, char *msg,
		    size_t cap)
{
	uint8_t digest[MCK_SHA256_LEN];
	int fd =
		openat(dir_fd, f->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	int got;

	if (fd < 0) {
		snprintf(msg, cap, "spool: %s: %s", f->path, strerror(errno));
		return -1;
	}
	snprintf(r->url, sizeof(r->url), "%s/mck-update/%s", r->base, f->path);
	r->req = (struct fetch_req){.url = r->url, .cap = f->size, .fd = fd};
	r->req.hash = mck_sha256_begin();
	if (r->req.hash == NULL) {
		close(fd);
		snprintf(msg, cap, "out of memory");
		return -1;
	}
	got = mck__fetch_get(r->o, &r->req, msg, cap);
	mck_sha256_end(r->req.hash, digest);
	r->req.hash = NULL;
	close(fd);
	if (got == 304) {
		snprintf(msg, cap, "%s: HTTP status 304 without a condition", r->url);
		return -1;
	}
	if (got != 200) {
		r->mismatch = r->req.over; /* more than it said */
		return -1;
	}
	r->mismatch = true;
	if (r->req.got != f->size) {
		snprintf(msg, cap, "%s: %llu bytes, the manifest says %llu (cut short)", r->url,
			 (unsigned long long)r->req.got, (unsigned long long)f->size);
		return -1;
	}
	if (memcmp(digest, f->sha256, sizeof(digest)) != 0) {
		snprintf(msg, cap, "%s: its SHA-256 is not the manifest's", r->url);
		return -1;
	}
	r->mismatch = false;
	return 0;
}

/* Every file of the manifest into a new staging directory: 0, or -1 (the directory is gone). */
static int stage(struct run *r, char *msg, size_t cap)
{
	int dir_fd = -1;
	int status_fd = -1;
	int rc = -1;

	for (int tries = 0; tries < 100 && dir_fd < 0; tries++) {
		unsigned v = 0;

		if (getentropy(&v, sizeof(v)) != 0) {
			v = (unsigned)getpid() ^ (unsigned)tries;
		}
		snprintf(r->staging, sizeof(r->staging), STAGING "%08x", v);
		if (mkdirat(r->spool_fd, r->staging, 0700) == 0) {
			dir_fd = mck_io_open_dir_at(r->spool_fd, r->staging);
		} else if (errno != EEXIST) {
			break;
		}
	}
	if (dir_fd < 0) {
		snprintf(msg, cap, "spool %s: cannot make a staging directory", r->spool);
		r->staging[0] = '\0';
		return -1;
	}
	if (mkdirat(dir_fd, "status", 0700) == 0) {
		status_fd = mck_io_open_dir_at(dir_fd, "status");
	}
	if (status_fd < 0) {
		snprintf(msg, cap, "spool %s: cannot make a staging directory", r->spool);
		goto out;
	}
	rc = 0;
	for (size_t i = 0; i < r->manifest.count && rc == 0; i++) {
		rc = download(r, dir_fd, &r->manifest.file[i], msg, cap);
	}
out:
	if (status_fd >= 0) {
		close(status_fd);
	}
	close(dir_fd);
	return rc;
}

static enum mck_mirror_result fetch_and_install(struct run *r, struct mck_mirror_record *rec,
						int64_t *sequence, enum mck_store_result *refusal,
						char *msg, size_t cap)
{
	const struct mck_mirror_opts *o = r->o;
	int64_t installed = installed_sequence(o->install.state);
	/* the mirror's validators as of the last success, if that is what is installed */
	bool conditional =
		installed > 0 && rec->sequence == installed && strcmp(rec->url, r->base) == 0;
	char path[sizeof(r->spool) + 80];
	enum mck_store_result s;
	int got;

	*sequence = installed;
	snprintf(r->url, sizeof(r->url), "%s/mck-update/manifest.json", r->base);
	r->req = (struct fetch_req){.url = r->url,
				    .cap = MCK_MANIFEST_MAX,
				    .fd = -1,
				    .mem = r->manifest_json,
				    .etag = conditional ? rec->etag : NULL,
				    .last_modified = conditional ? rec->last_modified : NULL};
	r->manifest_json[0] = '\0';
	got = mck__fetch_get(o, &r->req, msg, cap);
	if (got == 304 && conditional && (rec->etag[0] != '\0' || rec->last_modified[0] != '\0')) {
		snprintf(msg, cap, "the mirror's manifest is unchanged (sequence %lld)",
			 (long long)installed);
		return MCK_MIRROR_CURRENT;
	}
	if (got == 304) {
		snprintf(msg, cap, "%s: HTTP status 304 without a condition", r->url);
		return MCK_MIRROR_UNREADABLE;
	}
	if (got != 200) {
		return MCK_MIRROR_UNREADABLE;
	}
	/* what to send next time, once this has succeeded */
	snprintf(rec->url, sizeof(rec->url), "%s", r->base);
	snprintf(rec->etag, sizeof(rec->etag), "%s", r->req.etag_out);
	snprintf(rec->last_modified, sizeof(rec->last_modified), "%s", r->req.last_modified_out);
	if (mck_manifest_parse(r->manifest_json, (size_t)r->req.got, &r->manifest, msg, cap) != 0) {
		return MCK_MIRROR_UNREADABLE;
	}
	if (r->manifest.sequence < installed) {
		*refusal = MCK_STORE_ROLLBACK;
		snprintf(msg, cap, "the mirror offers sequence %lld, below the installed %lld",
			 (long long)r->manifest.sequence, (long long)installed);
		return MCK_MIRROR_REFUSED;
	}
	if (r->manifest.sequence == installed) {
		snprintf(msg, cap, "the mirror holds the installed sequence %lld",
			 (long long)installed);
		return MCK_MIRROR_CURRENT;
	}
	if (stage(r, msg, cap) != 0) {
		return MCK_MIRROR_UNREADABLE;
	}
	snprintf(path, sizeof(path), "%s/%s", r->spool, r->staging);
	s = mck_store_install_bundle(&o->install, path, sequence, msg, cap);
	switch (s) {
	case MCK_STORE_INSTALLED:
		return MCK_MIRROR_INSTALLED;
	case MCK_STORE_CURRENT:
		return MCK_MIRROR_CURRENT;
	case MCK_STORE_FAILED:
		return MCK_MIRROR_FAILED;
	default:
		*refusal = s;
		return MCK_MIRROR_REFUSED;
	}
}

enum mck_mirror_result mck_mirror_update(const struct mck_mirror_opts *o, int64_t *sequence,
					 enum mck_store_result *refusal, char *msg, size_t cap)
{
	struct mck_mirror_record rec;
	struct mck_mirror_record before;
	enum mck_mirror_result res;
	struct run *r;
	int rc;

	*sequence = 0;
	*refusal = MCK_STORE_INSTALLED;
	msg[0] = '\0';
	if (o->install.state == NULL || o->base_url == NULL) {
		snprintf(msg, cap, "no state directory or mirror");
		return MCK_MIRROR_FAILED;
	}
	r = calloc(1, sizeof(*r));
	if (r == NULL) {
		snprintf(msg, cap, "out of memory");
		return MCK_MIRROR_FAILED;
	}
	r->o = o;
	r->spool_fd = -1;
	if (base_of(o->base_url, r->base, sizeof(r->base)) != 0) {
		snprintf(msg, cap, "the mirror's URL is not an http:// or https:// base URL");
		res = MCK_MIRROR_FAILED;
		goto out;
	}
	rc = o->spool != NULL
		     ? (snprintf(r->spool, sizeof(r->spool), "%s", o->spool) < (int)sizeof(r->spool)
				? 0
				: -ENAMETOOLONG)
		     : mck_store_spool_path(o->install.state, r->spool, sizeof(r->spool));
	r->spool_fd = rc == 0 ? mck_io_lock_dir(r->spool, o->install.lock_wait_s) : rc;
	if (r->spool_fd == -EWOULDBLOCK) {
		*refusal = MCK_STORE_BUSY;
		snprintf(msg, cap, "spool %s: another fetch is running", r->spool);
		res = MCK_MIRROR_REFUSED;
		goto out;
	}
	if (r->spool_fd < 0) {
		snprintf(msg, cap, "spool %s: %s", r->spool, mck_io_strerror(r->spool_fd));
		res = MCK_MIRROR_FAILED;
		goto out;
	}
	sweep_staging(r->spool_fd);
	if (mck_mirror_record_read(r->spool_fd, &rec) != 0) {
		memset(&rec, 0, sizeof(rec)); /* damaged: begun afresh */
	}
	before = rec;
	if (mck__fetch_init() != 0) {
		snprintf(msg, cap, "libcurl cannot start");
		res = MCK_MIRROR_FAILED;
		goto out;
	}
	/*
	 * A file that is not what the manifest says may be one a publisher
	 * replaced between our reading the manifest and the file (mcissue
	 * publish writes the files, then the manifest): once more from the
	 * manifest, unconditionally.
	 */
	for (int attempt = 0; attempt < 2; attempt++) {
		r->mismatch = false;
		res = fetch_and_install(r, &rec, sequence, refusal, msg, cap);
		if (r->staging[0] != '\0') {
			remove_staging(r->spool_fd, r->staging);
			r->staging[0] = '\0';
		}
		if (res != MCK_MIRROR_UNREADABLE || !r->mismatch) {
			break;
		}
		rec.sequence = 0; /* no condition: the manifest itself */
	}
	mck__fetch_cleanup();
	rec.last_attempt = (int64_t)time(NULL);
	if (res == MCK_MIRROR_INSTALLED || res == MCK_MIRROR_CURRENT) {
		rec.last_success = rec.last_attempt;
		rec.cause[0] = '\0';
		rec.sequence = *sequence;
	} else {
		/* only a success moves what the next poll asks the mirror for */
		memcpy(rec.etag, before.etag, sizeof(rec.etag));
		memcpy(rec.last_modified, before.last_modified, sizeof(rec.last_modified));
		memcpy(rec.url, before.url, sizeof(rec.url));
		rec.sequence = before.sequence;
		rec.last_failure = rec.last_attempt;
		snprintf(rec.cause, sizeof(rec.cause), "%s", msg);
		mck_io_oneline(rec.cause);
	}
	rc = mck_mirror_record_write(r->spool_fd, &rec);
	if (rc != 0 && strlen(msg) + 64 < cap) {
		snprintf(msg + strlen(msg), cap - strlen(msg), "%s%s: cannot write: %s",
			 msg[0] ? "; " : "", MCK_MIRROR_RECORD, mck_io_strerror(rc));
	}
out:
	if (r->spool_fd >= 0) {
		close(r->spool_fd);
	}
	free(r);
	return res;
}
