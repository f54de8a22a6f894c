/*
 * How fresh the kiosk's trust data is: the update records in the spool
 * directory (STATE with "-update" appended, /var/lib/mckiosk-update) and the
 * lists' own dates, as facts for the operator screen and the status bar.
 *
 *   fetch.json        mcupdate's record of network updates:
 *                     {"lastAttempt":T,"lastSuccess":T|null,"lastFailure":T|null,
 *                      "cause":"…"|null,…}
 *   last-update.json  mck-media-update's record of the last update stick:
 *                     {"time":T,"exit":N,"message":"…","sequence":N|null}
 *
 * Both are files from outside, read as hostile: bounded, regular files only
 * (no links, FIFOs or devices), strict JSON; their text is shown as one
 * sanitised line. A record missing says "never", a damaged one "unknown".
 */
#ifndef MCK_KIOSK_FRESHNESS_H
#define MCK_KIOSK_FRESHNESS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/store.h"
#include "mck/verify.h"
#include "mck/view.h"

#define MCK_FRESH_FETCH      MCK_STORE_RECORD_FETCH
#define MCK_FRESH_STICK      MCK_STORE_RECORD_STICK
#define MCK_FRESH_RECORD_MAX (16u * 1024u) /* bytes of a record; a larger one is damaged */
#define MCK_FRESH_CAUSE      sizeof(((struct mck_view_fresh *)0)->cause)

enum mck_fresh_state {
	MCK_FRESH_MISSING = 0,
	MCK_FRESH_DAMAGED, /* unreadable, not a regular file, too large, or not the schema */
	MCK_FRESH_READ,
};

/* One record, as read: times in Unix seconds, 0 for none. */
struct mck_fresh_record {
	enum mck_fresh_state state;
	int64_t attempt;
	int64_t success;
	int64_t failure;
	char cause[MCK_FRESH_CAUSE]; /* one sanitised line, "" for none */
};

/* Which file a record was read from (rewritten atomically: a new file each time). */
struct mck_fresh_stamp {
	bool exists;
	uint64_t dev, ino, size;
	int64_t mtime_s, mtime_ns;
};

struct mck_freshness {
	struct mck_fresh_record fetch; /* the network (fetch.json) */
	struct mck_fresh_record stick; /* an update stick (last-update.json) */
	struct mck_fresh_stamp stamp[2];
	char spool[PATH_MAX]; /* the directory read, "" for none */
};

/**
 * Read both records from the directory @p spool (NULL: there is none, both
 * missing). Never fails: each record's state says what was found.
 */
void mck_freshness_read(struct mck_freshness *f, const char *spool);

/**
 * Whether a record in the directory mck_freshness_read read differs from the
 * one read (written, replaced or removed since): two stat calls, no reading,
 * cheap enough for once a second (an update stick that failed sends no SIGHUP).
 */
bool mck_freshness_changed(const struct mck_freshness *f);

/**
 * Parse the text of a fetch.json (@p stick false) or last-update.json into
 * @p r: MCK_FRESH_READ, or MCK_FRESH_DAMAGED with every time 0. @p text[len]
 * must be a NUL byte.
 */
enum mck_fresh_state mck_freshness_parse(struct mck_fresh_record *r, bool stick, const char *text,
					 size_t len);

/**
 * The view's facts of @p f and of the trust configuration @p cfg (NULL: none)
 * at the clock reading @p now, judged by the verifier's rule for time
 * (mck_verifier_time): a clock it does not trust gives dates without ages.
 */
void mck_freshness_present(const struct mck_freshness *f, const struct mck_verifier_cfg *cfg,
			   int64_t now, struct mck_view_fresh *out);

#endif
