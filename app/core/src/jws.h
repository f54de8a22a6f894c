/* JWS compact serialization with the MC1 header profile (credential-format.md §2). */
#ifndef MCK_JWS_H
#define MCK_JWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/crypto.h"
#include "mck/reason.h"

#define MCK_JWS_HEADER_MAX 4096 /* decoded protected header bytes */

/* A parsed token. Pointers borrow the text given to mck_jws_parse. */
struct mck_jws {
	const char *text; /* signing input = text[0 .. signed_len) */
	size_t signed_len;
	const char *payload_b64; /* still encoded: decoded only after the signature */
	size_t payload_b64_len;
	uint8_t sig[MCK_SIG_MAX];
	size_t sig_len;
	enum mck_alg alg;
	bool has_kid;           /* kid decoded into thumb */
	bool kid_is_thumbprint; /* the kid was a well-formed 32-byte thumbprint */
	bool has_jwk;           /* jwk read into key, its thumbprint in thumb */
	uint8_t thumb[MCK_SHA256_LEN];
	struct mck_key_raw jwk;
	bool zip; /* zip: DEF */
};

/**
 * Split and check a compact JWS: three base64url parts, the protected header's
 * members (alg allow-list, kid/jwk, zip, crit), the signature's encoding.
 * Returns 0, or -1 with *reason MALFORMED or ALG_NOT_ALLOWED. @p msg (may be
 * NULL) receives a one-line diagnostic.
 */
int mck_jws_parse(struct mck_jws *jws, const char *text, size_t len, enum mck_reason *reason,
		  char *msg, size_t msgcap);

/** Verify the signature with @p key. MCK_OK, MCK_ERR_ALG or MCK_ERR_SIGNATURE. */
int mck_jws_verify(const struct mck_jws *jws, const struct mck_pubkey *key);

/**
 * Decode the payload (after mck_jws_verify succeeded) into @p out, inflating it
 * when zip is DEF, with at most @p cap bytes of result; out[len] is set to NUL,
 * so @p out needs cap + 1 bytes. Returns MCK_OK, MCK_ERR_TOOBIG (over the cap),
 * MCK_ERR_ENCODING (bad base64url or DEFLATE), MCK_ERR_NOMEM.
 */
int mck_jws_payload(const struct mck_jws *jws, uint8_t *out, size_t cap, size_t *len);

#endif
