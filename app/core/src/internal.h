/* Helpers shared by the core's own files; not part of its API. */
#ifndef MCK_INTERNAL_H
#define MCK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/** A heap copy of @p s (free()), or NULL when out of memory. */
char *mck__strdup(const char *s);

/**
 * Decode one UTF-8 sequence of NUL-terminated @p s into *cp; its length, or 0
 * when it is invalid (overlong, surrogate, out of range, cut short).
 */
size_t mck__utf8_decode(const uint8_t *s, uint32_t *cp);
/** snprintf into @p msg (may be NULL) and return @p rc. */
int mck__say(char *msg, size_t cap, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#include "jws.h"
#include "mck/trustlist.h"

/**
 * Find the trust-list key a token names (kid or jwk thumbprint) and check its
 * alg fits the key type. Returns 0 with *key, or -1 with *reason KEY_UNKNOWN or
 * ALG_NOT_ALLOWED.
 */
/**
 * Whether @p tl can answer nothing any more: its index found damaged and the
 * JWS that would replace it failing too. A lookup that finds nothing in such a
 * list is TRUSTLIST_INVALID, not an unknown key or issuer.
 */
bool mck__trustlist_unusable(const struct mck_trustlist *tl);

int mck__trustlist_key_for(const struct mck_trustlist *tl, const struct mck_jws *jws,
			   const struct mck_tl_key **key, enum mck_reason *reason);
/**
 * The trust list JWS is signed by one of @p anchors (ES256/ES384, kid = anchor
 * thumbprint), given the digest of its signing input (mck_hash_for).
 */
int mck__trustlist_check_signature(const struct mck_anchors *anchors, const struct mck_jws *jws,
				   const uint8_t *hash, size_t hlen, char *msg, size_t cap);

#endif
