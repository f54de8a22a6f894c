/* Public JWKs (RFC 7517/7518) and their RFC 7638 thumbprints. */
#ifndef MCK_JWK_H
#define MCK_JWK_H

#include <cjson/cJSON.h>

#include "mck/crypto.h"

#define MCK_KID_LEN 43 /* base64url of a SHA-256 thumbprint */

/**
 * Read a public JWK: EC P-256/P-384 (x, y of full width) or RSA (n without
 * leading zero bytes, 2048..4096 bits; e). Private members (d, p, q, dp, dq,
 * qi, oth, k) are refused. Returns MCK_OK, MCK_ERR_KEY (unusable or private key),
 * MCK_ERR_JSON (mistyped members).
 */
int mck_jwk_read(const cJSON *jwk, struct mck_key_raw *raw);

/**
 * The use a JWK allows (RFC 7517 §4.2–4.4): "use" must be "sig", "key_ops" must
 * contain "verify", and an "alg" member pins the one algorithm it may verify
 * (*alg, 0 when unpinned). Returns MCK_OK, or MCK_ERR_KEY when the key may not
 * verify signatures with any algorithm MC1 allows.
 */
int mck_jwk_restriction(const cJSON *jwk, enum mck_alg *alg);

/** The RFC 7638 SHA-256 thumbprint of a key. */
void mck_jwk_thumbprint(const struct mck_key_raw *raw, uint8_t out[MCK_SHA256_LEN]);

/** Decode a base64url kid into a 32-byte thumbprint; MCK_ERR_ENCODING if it is not one. */
int mck_kid_decode(const char *kid, uint8_t out[MCK_SHA256_LEN]);

/** Encode a thumbprint as a kid (NUL-terminated). */
void mck_kid_encode(const uint8_t thumb[MCK_SHA256_LEN], char out[MCK_KID_LEN + 1]);

#endif
