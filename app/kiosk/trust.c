/* The kiosk's trust state from the store; see trust.h. */
#define _POSIX_C_SOURCE 200809L

#include "trust.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The state directory's current generation (its symlink's target), "" for none. */
static void current_generation(const struct mck_store_opts *src, char *out, size_t cap)
{
	char link[PATH_MAX];
	ssize_t n = -1;

	if (src->state != NULL &&
	    (size_t)snprintf(link, sizeof(link), "%s/current", src->state) < sizeof(link)) {
		n = readlink(link, out, cap - 1);
	}
	out[n > 0 ? n : 0] = '\0';
}

/* The update records' directory: --spool, else the state directory's (STATE-update). */
static void read_records(struct mck_trust *t, const struct mck_store_opts *src)
{
	char spool[PATH_MAX];
	const char *dir = t->spool;

	if (dir == NULL && src->state != NULL &&
	    mck_store_spool_path(src->state, spool, sizeof(spool)) == 0) {
		dir = spool;
	}
	mck_freshness_read(&t->fresh, dir);
}

void mck_trust_free(struct mck_trust *t)
{
	mck_verifier_destroy(t->verifier);
	t->verifier = NULL;
	if (t->have_cfg) {
		mck_store_trust_free(&t->cfg);
		t->have_cfg = false;
	}
}

void mck_trust_load(struct mck_trust *t, struct mck_store_opts *src)
{
	enum mck_reason reason;
	char msg[256];

	mck_trust_free(t);
	current_generation(src, t->generation, sizeof(t->generation));
	read_records(t, src);
	src->grace_s = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400;
	if (mck_store_load(&t->cfg, src, stderr, &reason, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mckiosk: %s\n", msg);
		mck_store_trust_free(&t->cfg); /* whatever a failed load had made */
		return;
	}
	t->have_cfg = true;
	t->vcfg = (struct mck_verifier_cfg){.trust = t->cfg.trust,
					    .status = &t->cfg.status,
					    .grace_seconds = src->grace_s,
					    .trusted_time = t->cfg.trusted_time};
	t->verifier = mck_verifier_create(&t->vcfg);
}

bool mck_trust_changed(const struct mck_trust *t, const struct mck_store_opts *src)
{
	char now[sizeof(t->generation)];

	current_generation(src, now, sizeof(now));
	return strcmp(now, t->generation) != 0;
}

const struct mck_verifier_cfg *mck_trust_cfg(const struct mck_trust *t)
{
	return t->have_cfg ? &t->vcfg : NULL;
}

void mck_trust_present_fresh(struct mck_trust *t, struct mck_view_status *st, int64_t now)
{
	if (mck_freshness_changed(&t->fresh)) {
		char spool[sizeof(t->fresh.spool)];

		memcpy(spool, t->fresh.spool, sizeof(spool));
		mck_freshness_read(&t->fresh, spool);
	}
	mck_freshness_present(&t->fresh, mck_trust_cfg(t), now, &st->fresh);
}
