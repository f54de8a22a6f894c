/*
 * The kiosk's trust state: loaded from the store (a state directory's current
 * generation, or --trust/--status files), reloaded when an update installs a
 * new generation. Without one the kiosk shows why and verifies nothing.
 */
#ifndef MCK_KIOSK_TRUST_H
#define MCK_KIOSK_TRUST_H

#include <limits.h>
#include <stdbool.h>

#include "freshness.h"
#include "mck/store.h"
#include "mck/verify.h"
#include "mck/view.h"

struct mck_trust {
	struct mck_store_trust cfg;
	struct mck_verifier_cfg vcfg; /* what the verifier and the status bar both use */
	bool have_cfg;
	struct mck_verifier *verifier; /* NULL without a usable trust configuration */
	char generation[256];          /* the state directory's current generation loaded */
	/* The update records' directory (--spool), NULL: the state directory's with "-update". */
	const char *spool;
	struct mck_freshness fresh; /* its records, reread with the trust state */
};

/**
 * (Re)load from @p src, and the update records with it; on failure the old
 * state is gone too and a line goes to stderr.
 */
void mck_trust_load(struct mck_trust *t, struct mck_store_opts *src);
/** Whether the state directory's current generation differs from the one loaded. */
bool mck_trust_changed(const struct mck_trust *t, const struct mck_store_opts *src);
/** The verifier's configuration, NULL without one. */
const struct mck_verifier_cfg *mck_trust_cfg(const struct mck_trust *t);
void mck_trust_free(struct mck_trust *t);
/**
 * How fresh the trust data is at @p now, for the status facts (after
 * mck_present_status); the update records are read again when they changed.
 */
void mck_trust_present_fresh(struct mck_trust *t, struct mck_view_status *st, int64_t now);

#endif
