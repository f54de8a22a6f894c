/*
 * The kiosk's trust store (/var/lib/mckiosk on the appliance): anchors, the
 * installed generations of trust list + status lists, installing a verified
 * bundle, trusted time. mcverify, mcupdate and mckiosk are thin users.
 *
 *   STATE/current -> gen-<sequence>-<random>     the one symlink swapped per update
 *   STATE/gen-…/trustlist.jws                    the verified trust list, as received
 *   STATE/gen-…/trustlist.idx                    its compiled index (mck_trustlist_index_build)
 *   STATE/gen-…/status/NAME.jws                  verified status lists (the directory always exists)
 *   STATE/gen-…/state.json                       {"sequence": N, "trustedTime": T}
 *
 * Concurrency (trust-list.md §5): installers hold an exclusive flock on STATE
 * itself, so they never interleave. A reader pins one generation with a shared
 * flock on its directory and reads every file through that directory's fd; an
 * installer deletes an old generation only while holding an exclusive flock on
 * it, so a pinned generation is never deleted or emptied under its reader, and
 * the generation `current` names is never deleted at all.
 *
 * Every file-system call goes through mck/io.h (its fault-injection build is
 * what the power-cut test kills at every step).
 */
#ifndef MCK_STORE_H
#define MCK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mck/reason.h"
#include "mck/statuslist.h"
#include "mck/trustlist.h"

#define MCK_TRUSTLIST_FILE_MAX      ((size_t)512 * 1024 * 1024)
#define MCK_ANCHOR_FILE_MAX         16384
/* All status-list files of one bundle together (64 MiB inflated, base64url twice). */
#define MCK_STORE_STATUS_BYTES_MAX  ((size_t)128 * 1024 * 1024)
/* How long an installer waits for another one to finish (seconds). */
#define MCK_STORE_LOCK_WAIT_DEFAULT 60

/* ---- One generation, pinned while it is read ---- */

struct mck_store;

struct mck_store_info {
	int64_t sequence;     /* highest accepted trust-list sequence, 0 when none */
	int64_t trusted_time; /* newest trust-list iat installed, 0 when none */
};

/**
 * Open the state directory @p state and pin the generation `current` names (a
 * directory without `current` is read as a generation itself: hand-made
 * states). The pin holds until mck_store_close. Returns 0 or -errno
 * (-ENOENT: no state directory; -EBADMSG: `current` names no generation of ours;
 * -EAGAIN: installs kept replacing it).
 */
int mck_store_open(struct mck_store **out, const char *state);
void mck_store_close(struct mck_store *s);

/** The pinned generation's directory fd and name ("." for a hand-made state). */
int mck_store_dirfd(const struct mck_store *s);
const char *mck_store_name(const struct mck_store *s);

/** Its state.json (missing: zeros). 0 or -errno (-EBADMSG: damaged). */
int mck_store_read_info(const struct mck_store *s, struct mck_store_info *info);

/* ---- A trust configuration: anchors + trust list + status lists ---- */

struct mck_store_trust {
	struct mck_anchors *anchors;
	struct mck_trustlist *trust;
	struct mck_statusset status;
	int64_t trusted_time;  /* the state's floor for "now" (0: none, or discarded) */
	bool indexed;          /* the list came from its compiled index */
	struct mck_store *pin; /* the generation read, held while this is loaded */
	void *jws_map;         /* mappings a state-directory list borrows */
	size_t jws_len;
	void *index_map;
	size_t index_len;
};

/** Where a program's trust comes from: --anchors, and --trust [--status] or --state. */
struct mck_store_opts {
	const char *anchors;
	const char *trust;
	const char *status;
	const char *state;
	int64_t grace_s; /* the verifier's grace after nextUpdate, for the floor's sanity */
};

/** Take @p flag with @p value if it is one of the four path options above; false otherwise. */
bool mck_store_opts_take(struct mck_store_opts *o, const char *flag, const char *value);

/** Add every *.pem of @p dir to @p anchors; -1 with @p msg when one is bad or none is there. */
int mck_store_add_anchors(struct mck_anchors *anchors, const char *dir, char *msg, size_t cap);

/**
 * Load the trust configuration @p o names: from the state directory (pinned
 * generation, through the compiled index when intact) or from --trust and
 * --status. A status list that fails in a --status directory is ignored with
 * a line on @p diag (may be NULL); in a state directory, whose lists were
 * verified at install, a missing status/ or a list that fails is damage.
 * A trusted-time floor beyond the list's nextUpdate + grace is discarded with
 * a line on @p diag. Returns 0, or -1 with *reason ANCHOR_MISSING,
 * TRUSTLIST_MISSING or TRUSTLIST_INVALID and a one-line @p msg.
 */
int mck_store_load(struct mck_store_trust *t, const struct mck_store_opts *o, FILE *diag,
		   enum mck_reason *reason, char *msg, size_t cap);
void mck_store_trust_free(struct mck_store_trust *t);

/* ---- Installing an update bundle (trust-list.md §5) ---- */

enum mck_store_result {
	MCK_STORE_INSTALLED = 0,
	MCK_STORE_CURRENT,           /* the same sequence is installed: nothing written */
	MCK_STORE_TRUSTLIST_INVALID, /* refused: the state is unchanged */
	MCK_STORE_ROLLBACK,
	MCK_STORE_STATUS_INVALID,
	MCK_STORE_BUSY,   /* another installer held the lock for too long */
	MCK_STORE_FAILED, /* the state directory is unusable or a write failed */
};

struct mck_store_install_opts {
	const char *state;
	const struct mck_anchors *anchors;
	int lock_wait_s; /* 0: refuse at once when another installer runs */
	int64_t grace_s;
};

/**
 * Read the bundle directory @p bundle (trustlist.jws, status/NAME.jws; any
 * entry that is not a regular file refused unopened), verify every file, and
 * install it as a new generation under the lock: all or nothing, power-cut
 * safe, never a lower sequence. Returns the result; @p msg says why (one line),
 * *sequence the sequence installed or in force.
 */
enum mck_store_result mck_store_install_bundle(const struct mck_store_install_opts *o,
					       const char *bundle, int64_t *sequence, char *msg,
					       size_t cap);

/** The contract's word for a refusal ("trustlist_invalid", …), NULL for the others. */
const char *mck_store_result_code(enum mck_store_result r);

/* ---- The update records, in the spool beside the state ---- */

#define MCK_STORE_RECORD_FETCH "fetch.json"       /* mcupdate BASE_URL's (mck/mirror.h) */
#define MCK_STORE_RECORD_STICK "last-update.json" /* the USB stick's (mck-media-update) */

/**
 * The spool of the state directory @p state: its path with "-update"
 * appended (/var/lib/mckiosk-update; slashes at the end dropped), where the
 * update records are kept and downloads staged. 0, or -ENAMETOOLONG when it
 * does not fit @p cap.
 */
int mck_store_spool_path(const char *state, char *buf, size_t cap);

#endif
