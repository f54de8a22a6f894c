/* How fresh the trust data is; see freshness.h. */
#define _POSIX_C_SOURCE 200809L

#include "freshness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mck/err.h"
#include "mck/io.h"
#include "mck/json.h"
#include "mck/statuslist.h"
#include "mck/text.h"
#include "mck/trustlist.h"

/* A time member: T, or null or absent for none (0). 0 read, -1 anything else. */
static int optional_time(const cJSON *obj, const char *name, int64_t *out)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);

	*out = 0;
	if (it == NULL || cJSON_IsNull(it)) {
		return 0;
	}
	return mck_json_time(obj, name, out) == 1 ? 0 : -1;
}

/* A string member, or null or absent for none (NULL). 0 read, -1 anything else. */
static int optional_string(const cJSON *obj, const char *name, const char **out)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);

	*out = NULL;
	if (it == NULL || cJSON_IsNull(it)) {
		return 0;
	}
	return mck_json_string(obj, name, out) == 1 ? 0 : -1;
}

/*
 * @p in as one short line for the screen: tabs, newlines and every other
 * control byte become a space, runs of spaces one, none at either end; then
 * the credential text rules (no bidi tricks, valid UTF-8, cut with "…").
 */
static void one_line(const char *in, char *out, size_t cap)
{
	char flat[4 * MCK_FRESH_CAUSE]; /* longer than any line shown: the cut is sanitize's */
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)in; *p != '\0' && n + 1 < sizeof(flat);
	     p++) {
		bool space = *p < 0x20u || *p == 0x7fu || *p == ' ';

		if (space && (n == 0 || flat[n - 1] == ' ')) {
			continue;
		}
		flat[n++] = space ? ' ' : (char)*p;
	}
	while (n > 0 && flat[n - 1] == ' ') {
		n--;
	}
	flat[n] = '\0';
	mck_text_sanitize(flat, out, cap);
}

static int parse_fetch(struct mck_fresh_record *r, const cJSON *root)
{
	const char *cause;

	if (optional_time(root, "lastAttempt", &r->attempt) != 0 ||
	    optional_time(root, "lastSuccess", &r->success) != 0 ||
	    optional_time(root, "lastFailure", &r->failure) != 0 ||
	    optional_string(root, "cause", &cause) != 0) {
		return -1;
	}
	/* an attempt is at least as late as what it ended in */
	r->attempt = r->success > r->attempt ? r->success : r->attempt;
	r->attempt = r->failure > r->attempt ? r->failure : r->attempt;
	if (r->attempt == 0) {
		return -1; /* nothing recorded is no record */
	}
	if (cause != NULL) {
		one_line(cause, r->cause, sizeof(r->cause));
	}
	return 0;
}

static int parse_stick(struct mck_fresh_record *r, const cJSON *root)
{
	const char *message;
	int64_t time;
	int64_t exit;

	if (mck_json_time(root, "time", &time) != 1 ||
	    mck_json_int(root, "exit", 0, 255, &exit) != 1 ||
	    optional_string(root, "message", &message) != 0) {
		return -1;
	}
	r->attempt = time;
	if (exit == 0) {
		r->success = time;
	} else {
		r->failure = time;
		if (message != NULL) {
			one_line(message, r->cause, sizeof(r->cause));
		}
	}
	return 0;
}

enum mck_fresh_state mck_freshness_parse(struct mck_fresh_record *r, bool stick, const char *text,
					 size_t len)
{
	cJSON *root = NULL;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	if (mck_json_parse((const uint8_t *)text, len, 4, &root) == MCK_OK) {
		rc = stick ? parse_stick(r, root) : parse_fetch(r, root);
	}
	cJSON_Delete(root);
	if (rc != 0) {
		memset(r, 0, sizeof(*r));
		r->state = MCK_FRESH_DAMAGED;
		return r->state;
	}
	r->state = MCK_FRESH_READ;
	return r->state;
}

/* Which file @p name below @p dirfd is now (not following a link). */
static void stamp(struct mck_fresh_stamp *st, int dirfd, const char *name)
{
	struct stat sb;

	memset(st, 0, sizeof(*st));
	if (dirfd >= 0 && fstatat(dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0) {
		*st = (struct mck_fresh_stamp){.exists = true,
					       .dev = (uint64_t)sb.st_dev,
					       .ino = (uint64_t)sb.st_ino,
					       .size = (uint64_t)sb.st_size,
					       .mtime_s = (int64_t)sb.st_mtim.tv_sec,
					       .mtime_ns = (int64_t)sb.st_mtim.tv_nsec};
	}
}

static bool same_stamp(const struct mck_fresh_stamp *a, const struct mck_fresh_stamp *b)
{
	return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

/* One record from the spool's @p dirfd (-errno: the spool could not be opened). */
static void read_record(struct mck_fresh_record *r, int dirfd, const char *name, bool stick)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	memset(r, 0, sizeof(*r));
	if (dirfd == -ENOENT) {
		return; /* no spool: nothing was ever recorded */
	}
	rc = dirfd < 0 ? dirfd : mck_io_read_at(dirfd, name, MCK_FRESH_RECORD_MAX, &text, &len);
	if (rc == -ENOENT) {
		return;
	}
	if (rc != 0) {
		r->state = MCK_FRESH_DAMAGED; /* a link, a FIFO, too large, unreadable */
		return;
	}
	mck_freshness_parse(r, stick, text, len);
	free(text);
}

static const char *const record_names[2] = {MCK_FRESH_FETCH, MCK_FRESH_STICK};

void mck_freshness_read(struct mck_freshness *f, const char *spool)
{
	int dirfd = -ENOENT;

	f->spool[0] = '\0';
	if (spool != NULL && strlen(spool) < sizeof(f->spool)) {
		memcpy(f->spool, spool, strlen(spool) + 1);
		dirfd = mck_io_open_dir_at(AT_FDCWD, spool);
	}
	/* the stamps first: a record replaced while it is read is read again next time */
	for (size_t i = 0; i < 2; i++) {
		stamp(&f->stamp[i], dirfd, record_names[i]);
	}
	read_record(&f->fetch, dirfd, MCK_FRESH_FETCH, false);
	read_record(&f->stick, dirfd, MCK_FRESH_STICK, true);
	if (dirfd >= 0) {
		close(dirfd);
	}
}

bool mck_freshness_changed(const struct mck_freshness *f)
{
	struct mck_fresh_stamp now;
	bool changed = false;
	int dirfd;

	if (f->spool[0] == '\0') {
		return false;
	}
	dirfd = mck_io_open_dir_at(AT_FDCWD, f->spool);
	for (size_t i = 0; i < 2 && !changed; i++) {
		stamp(&now, dirfd, record_names[i]);
		changed = !same_stamp(&now, &f->stamp[i]);
	}
	if (dirfd >= 0) {
		close(dirfd);
	}
	return changed;
}

/* @p t as a moment of the view: when, and how long before @p at (no age without a clock). */
static void when(struct mck_view_when *w, int64_t t, int64_t at, bool clock_ok)
{
	char iso[21];

	w->known = MCK_VIEW_KNOWN;
	mck_time_format(t, iso); /* YYYY-MM-DDTHH:MM:SSZ */
	snprintf(w->at, sizeof(w->at), "%.10s %.5s UTC", iso, iso + 11);
	w->age_s = clock_ok && at >= t ? (long long)(at - t) : -1;
}

/*
 * The latest of the two records' times picked by @p time (0: none); NULL when
 * neither has one, and *known then says whether that is "never" or "unknown".
 */
static const struct mck_fresh_record *latest(const struct mck_freshness *f,
					     int64_t (*time)(const struct mck_fresh_record *),
					     enum mck_view_known *known)
{
	const struct mck_fresh_record *r[2] = {&f->fetch, &f->stick};
	const struct mck_fresh_record *best = NULL;

	*known = MCK_VIEW_NEVER;
	for (size_t i = 0; i < 2; i++) {
		if (r[i]->state == MCK_FRESH_DAMAGED) {
			*known = MCK_VIEW_UNKNOWN;
		}
		if (r[i]->state == MCK_FRESH_READ && time(r[i]) != 0 &&
		    (best == NULL || time(r[i]) > time(best))) {
			best = r[i];
		}
	}
	if (best != NULL) {
		*known = MCK_VIEW_KNOWN;
	}
	return best;
}

static int64_t attempt_of(const struct mck_fresh_record *r)
{
	return r->attempt;
}

static int64_t success_of(const struct mck_fresh_record *r)
{
	return r->success;
}

static int64_t failure_of(const struct mck_fresh_record *r)
{
	return r->failure;
}

/* The status lists' oldest iat and their soonest exp, at @p at. */
static void status_lists(const struct mck_statusset *set, int64_t at, bool clock_ok,
			 struct mck_view_fresh *out)
{
	int64_t oldest = 0;
	int64_t soonest = 0;
	char iso[21];

	for (size_t i = 0; set != NULL && i < set->count; i++) {
		const struct mck_statuslist *l = &set->lists[i];

		if (out->status_lists == 0 || l->iat < oldest) {
			oldest = l->iat;
		}
		out->status_lists++;
		/* within MCK_VIEW_DUE_DAYS (whole days, as the trust list's) or past */
		if (l->has_exp && (l->exp <= at || (l->exp - at) / 86400 <= MCK_VIEW_DUE_DAYS)) {
			soonest = out->status_due == 0 || l->exp < soonest ? l->exp : soonest;
			out->status_due++;
			out->status_stale = out->status_stale || l->exp < at;
		}
	}
	if (out->status_lists > 0) {
		when(&out->status, oldest, at, clock_ok);
	}
	if (out->status_due > 0) {
		mck_time_format(soonest, iso);
		snprintf(out->status_exp, sizeof(out->status_exp), "%.10s", iso);
	}
}

void mck_freshness_present(const struct mck_freshness *f, const struct mck_verifier_cfg *cfg,
			   int64_t now, struct mck_view_fresh *out)
{
	const struct mck_fresh_record *r;
	enum mck_view_known known;
	int64_t at = now;
	bool clock_ok = true;
	int64_t success = 0;

	memset(out, 0, sizeof(*out));
	if (cfg != NULL && cfg->trust != NULL) {
		clock_ok = mck_verifier_time(cfg, now, &at) == MCK_TIME_GIVEN;
		when(&out->trustlist, mck_trustlist_iat(cfg->trust), at, clock_ok);
		status_lists(cfg->status, at, clock_ok, out);
	}
	r = latest(f, success_of, &known);
	out->success.known = known;
	if (r != NULL) {
		success = r->success;
		when(&out->success, success, at, clock_ok);
		out->success_via = r == &f->stick ? MCK_VIEW_VIA_STICK : MCK_VIEW_VIA_NETWORK;
	}
	r = latest(f, attempt_of, &known);
	out->attempt.known = known;
	if (r != NULL) {
		when(&out->attempt, r->attempt, at, clock_ok);
		out->attempt_via = r == &f->stick ? MCK_VIEW_VIA_STICK : MCK_VIEW_VIA_NETWORK;
		out->attempt_failed = r->failure != 0 && r->failure >= r->attempt;
		if (out->attempt_failed) {
			snprintf(out->cause, sizeof(out->cause), "%s", r->cause);
		}
	}
	/* A failure after the last success, by either way: the data may be going stale. */
	r = latest(f, failure_of, &known);
	out->failed = r != NULL && r->failure > success;
}
