/*
 * An entry-requirements check on the kiosk (docs/policy.md): the operator's
 * policy, the session of credentials the candidate shows, and the screen's
 * view of it. Nothing about the learner is kept; ending the check wipes it.
 */
#ifndef MCK_KIOSK_CHECK_H
#define MCK_KIOSK_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/policy.h"
#include "mck/verify.h"
#include "mck/view.h"

#define MCK_CHECK_POLICIES MCK_VIEW_POLICIES /* policies the operator picks from */

/* Zero it before use. */
struct mck_check {
	struct mck_policy *policies[MCK_CHECK_POLICIES];
	size_t count;
	struct mck_policy *policy; /* the one picked (the first until then) */
	bool active;
	struct mck_session session;
};

/**
 * Read, parse and add the policy file @p path. 0, or -1 with one line in @p err
 * (unreadable, refused, or more than MCK_CHECK_POLICIES).
 */
int mck_check_load(struct mck_check *c, const char *path, char *err, size_t cap);
/** Every "*.json" in @p dir, in name order, as mck_check_load. */
int mck_check_load_dir(struct mck_check *c, const char *dir, char *err, size_t cap);
void mck_check_free(struct mck_check *c);

/** The policies' names and the picked one's requirements into the view. */
void mck_check_show_policy(const struct mck_check *c, struct mck_view *v);
/** Start a check with policy @p which: an empty session, the session screen. */
void mck_check_start(struct mck_check *c, struct mck_view *v, size_t which);
/**
 * A verification during a check: added to the session (an unreadable scan is
 * shown in the band but not listed), totals updated.
 */
void mck_check_add(struct mck_check *c, struct mck_view *v, const struct mck_result *res);
/** Decide: the decision screen with the record's reference code (@p now: Unix seconds). */
void mck_check_finish(struct mck_check *c, struct mck_view *v, int64_t now);
/** End the check (done, cancelled, timed out): session and view wiped, back to idle. */
void mck_check_end(struct mck_check *c, struct mck_view *v);

#endif
