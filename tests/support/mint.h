/* Making signed trust lists, status lists and credentials in-process (tests only). */
#ifndef MCK_TEST_MINT_H
#define MCK_TEST_MINT_H

#include <stdbool.h>
#include <stddef.h>

#include "mck/crypto_sign.h"
#include "mck/jwk.h"
#include "mck/trustlist.h"

/* A key pair with its public JWK members and kid, ready to paste into JSON. */
struct mck_test_key {
	struct mck_privkey *priv;
	enum mck_key_type type;
	char kid[MCK_KID_LEN + 1];
	char members[1600]; /* "kid":"…","kty":"EC","crv":"P-256","x":"…","y":"…" */
};

/** Generate a key (aborts the test process when the generator fails). */
void mck_test_key_make(struct mck_test_key *key, enum mck_key_type type);
void mck_test_key_free(struct mck_test_key *key);

/** Anchors holding @p key's public half. */
struct mck_anchors *mck_test_anchors(const struct mck_test_key *key);

/**
 * Sign @p payload with @p key under a header {"alg":ALG,"kid":KID[,"zip":"DEF"]}
 * (@p header_extra, if not NULL, is spliced in after the kid, e.g. ",\"crit\":[]").
 * Returns a malloc'd compact JWS.
 */
char *mck_test_sign(const struct mck_test_key *key, enum mck_alg alg, const char *header_extra,
		    const char *payload, bool zip);

/** The MC1 compact text of a JWS (malloc'd). */
char *mck_test_compact(const char *jws);

/**
 * Issuer objects "https://issuer-I.example.eu" for I in [first, first + count),
 * comma-separated, each with two P-256-sized keys whose random-looking coordinates
 * derive from I (not points on the curve: a list load checks sizes and thumbprints, a point
 * only when its key verifies). @p last_thumb (may be NULL) gets the last key's
 * thumbprint. malloc'd.
 */
char *mck_test_issuers_json(size_t first, size_t count, uint8_t last_thumb[MCK_SHA256_LEN]);

/**
 * A trust list of @p sequence, @p iat and @p next_update over the issuer
 * objects @p issuers (comma-separated JSON), signed by @p anchor (ES256,
 * compressed). malloc'd compact JWS.
 */
char *mck_test_trustlist(const struct mck_test_key *anchor, long long sequence, long long iat,
			 long long next_update, const char *issuers);

/** A printf into a new string. */
char *mck_test_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
