/* From QR text to verdict, in the check order of credential-format.md §4. */
#ifndef MCK_VERIFY_H
#define MCK_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/credential.h"
#include "mck/qrtext.h"
#include "mck/reason.h"
#include "mck/statuslist.h"
#include "mck/trustlist.h"

#define MCK_SKEW_SECONDS       300
#define MCK_GRACE_DEFAULT_DAYS 30
#define MCK_KEY_CACHE          16 /* prepared keys kept between scans */

struct mck_verifier_cfg {
	const struct mck_trustlist *trust;  /* required */
	const struct mck_statusset *status; /* optional */
	int64_t grace_seconds;              /* after nextUpdate, before trustlist_expired */
	int64_t trusted_time;               /* newest trusted time the state saw, 0 if none */
};

/* Where "now" came from (the JSON answer says it). */
enum mck_time_source {
	MCK_TIME_GIVEN = 0, /* the caller's clock or --now, trusted */
	MCK_TIME_TRUSTLIST, /* the clock was before the trust list's iat: iat used */
	MCK_TIME_TRUSTED,   /* the clock was before the newest trusted time the state saw */
};

struct mck_result {
	enum mck_verdict verdict;
	mck_reasons reasons;
	int64_t now; /* the time the checks used */
	enum mck_time_source time_source;
	bool has_credential;                /* signature verified with a key of iss */
	struct mck_credential cred;         /* valid only when has_credential */
	const struct mck_tl_issuer *issuer; /* the trust list's entry for iss, or NULL */
	char detail[160];                   /* one line on the first fault, for operators */
	/* With not_a_credential, and only then: what the code held instead
	 * (mck_qrtext_classify; MCK_SHOWN_TEXT when there was no text), and for
	 * MCK_SHOWN_URL its host name ("" when not plausible). Never more of it. */
	enum mck_shown shown;
	char host[MCK_HOST_MAX + 1];
};

/**
 * The time checks use for a clock reading @p given under @p cfg: @p given, or
 * the trusted floor (the state's trusted time or the trust list's iat, the
 * later) when the clock is before it. The one rule for every verdict and for
 * the kiosk's "clock set" status. Returns where *now came from.
 */
enum mck_time_source mck_verifier_time(const struct mck_verifier_cfg *cfg, int64_t given,
				       int64_t *now);

struct mck_verifier; /* heap object: configuration and a cache of prepared keys */

/** Returns NULL when out of memory. @p cfg is copied; what it points to is borrowed. */
struct mck_verifier *mck_verifier_create(const struct mck_verifier_cfg *cfg);
void mck_verifier_destroy(struct mck_verifier *v); /* accepts NULL */

/**
 * Verify the credential collected in @p texts at time @p now (Unix seconds).
 * Always fills @p res (release with mck_result_free), failing closed: an
 * internal error is an invalid verdict, never valid.
 */
void mck_verify_qr(struct mck_verifier *v, const struct mck_qrtext *texts, int64_t now,
		   struct mck_result *res);

/** The same for one text (convenience over mck_qrtext). */
void mck_verify_text(struct mck_verifier *v, const char *text, size_t len, int64_t now,
		     struct mck_result *res);

/**
 * A result for a reason found before verification (no_code, config errors);
 * not_a_credential says MCK_SHOWN_TEXT (nothing is known of the text).
 */
void mck_result_set(struct mck_result *res, enum mck_reason reason, const char *detail);

void mck_result_free(struct mck_result *res); /* accepts NULL */

#endif
