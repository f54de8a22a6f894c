/* Strict, unpadded, canonical base64url (RFC 4648 §5, RFC 7515 §2). */
#ifndef MCK_B64URL_H
#define MCK_B64URL_H

#include <stddef.h>
#include <stdint.h>

/** Decoded size of @p len base64url characters (an upper bound for bad input). */
size_t mck_b64url_decoded_len(size_t len);
/** Encoded size (no padding, no NUL) of @p len bytes. */
size_t mck_b64url_encoded_len(size_t len);

/**
 * Decode @p in (no padding, no whitespace; unused trailing bits must be zero).
 * @p out needs mck_b64url_decoded_len(len) bytes.
 * Returns MCK_OK and sets *outlen, MCK_ERR_ENCODING for any non-canonical input,
 * MCK_ERR_TOOBIG when @p cap is too small.
 */
int mck_b64url_decode(const char *in, size_t len, uint8_t *out, size_t cap, size_t *outlen);

/**
 * Encode @p len bytes into @p out (capacity @p cap, NUL-terminated).
 * Returns MCK_OK or MCK_ERR_TOOBIG.
 */
int mck_b64url_encode(const uint8_t *in, size_t len, char *out, size_t cap);

#endif
