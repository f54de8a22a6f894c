/* Loading the trust configuration from disk: anchors, trust list, status lists. */
#ifndef MCK_CLI_TRUSTCFG_H
#define MCK_CLI_TRUSTCFG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mck/reason.h"
#include "mck/statuslist.h"
#include "mck/trustlist.h"

#define MCK_TRUSTLIST_FILE_MAX ((size_t)512 * 1024 * 1024)
#define MCK_ANCHOR_FILE_MAX    16384

struct mck_trustcfg {
	struct mck_anchors *anchors;
	struct mck_trustlist *trust;
	struct mck_statusset status;
	int64_t trusted_time; /* from a state directory's state.json, else 0 */
	bool indexed;         /* the list came from its compiled index */
	void *jws_map;        /* mappings a state-directory list borrows */
	size_t jws_len;
	void *index_map;
	size_t index_len;
};

/** Add every *.pem of @p dir to @p anchors; -1 with @p msg when one is bad or none is there. */
int mck_trustcfg_add_anchors(struct mck_anchors *anchors, const char *dir, char *msg, size_t cap);

/**
 * Load every *.pem in @p anchors_dir, then @p trust_file verified with them, then
 * every *.jws in @p status_dir (may be NULL). A status list that fails is
 * ignored with a line on @p diag (may be NULL).
 * Returns 0, or -1 with *reason ANCHOR_MISSING, TRUSTLIST_MISSING or
 * TRUSTLIST_INVALID and a one-line @p msg.
 */
int mck_trustcfg_load(struct mck_trustcfg *cfg, const char *anchors_dir, const char *trust_file,
		      const char *status_dir, FILE *diag, enum mck_reason *reason, char *msg,
		      size_t cap);

/**
 * The same from a state directory installed by mcupdate: its current
 * generation's trust list (through the compiled index when it is intact, else
 * parsed), status lists and trusted time.
 */
int mck_trustcfg_load_state(struct mck_trustcfg *cfg, const char *anchors_dir, const char *state,
			    FILE *diag, enum mck_reason *reason, char *msg, size_t cap);

/* Where a program's trust comes from: --anchors, and --trust [--status] or --state. */
struct mck_trust_opts {
	const char *anchors;
	const char *trust;
	const char *status;
	const char *state;
};

/** Take @p flag with @p value if it is one of the four options above; false otherwise. */
bool mck_trust_opts_take(struct mck_trust_opts *o, const char *flag, const char *value);

/** Load from the state directory when given, else from the trust list file (as above). */
int mck_trustcfg_open(struct mck_trustcfg *cfg, const struct mck_trust_opts *o, FILE *diag,
		      enum mck_reason *reason, char *msg, size_t cap);

void mck_trustcfg_free(struct mck_trustcfg *cfg);

#endif
