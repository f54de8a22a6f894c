/* Making JWS tokens (issuer side: mcissue, tests, benchmarks; never on a kiosk). */
#ifndef MCK_JWS_SIGN_H
#define MCK_JWS_SIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/crypto_sign.h"
#include "mck/inflate.h"

#define MCK_JWS_SIGN_MAX ((size_t)512 * 1024 * 1024) /* largest payload accepted */

/**
 * Sign a JWS compact serialization. @p header is the whole protected header
 * JSON text (it must name @p alg, and "zip":"DEF" when @p zip); the payload is
 * raw-DEFLATE-compressed first when @p zip. *out is a new NUL-terminated string
 * (caller frees). Returns MCK_OK, MCK_ERR_ALG, MCK_ERR_TOOBIG, MCK_ERR_NOMEM,
 * MCK_ERR_RANDOM.
 */
int mck_jws_sign(const struct mck_privkey *key, enum mck_alg alg, const char *header,
		 const uint8_t *payload, size_t plen, bool zip, char **out, size_t *outlen);

/**
 * Compress @p len bytes at level 9 into a new buffer (*out, caller frees): raw
 * DEFLATE for a JWS "zip":"DEF" payload, or GZIP for a status list bitstring.
 * Returns MCK_OK, MCK_ERR_TOOBIG, MCK_ERR_NOMEM, MCK_ERR_INTERNAL.
 */
int mck_deflate(enum mck_inflate_format fmt, const uint8_t *in, size_t len, uint8_t **out,
		size_t *outlen);

/**
 * The MC1 text of a JWS: "MC1:/" and two digits per character when @p chunks
 * is 0; else chunk @p index (1-based) of @p chunks, "MC1:/i/n/digits", the
 * characters split as evenly as possible. *out is a new string (caller frees).
 * Returns MCK_OK, MCK_ERR_INVAL (a character outside '-'..'z', bad chunk numbers),
 * MCK_ERR_NOMEM.
 */
int mck_qrtext_encode(const char *jws, size_t len, unsigned index, unsigned chunks, char **out);

#endif
