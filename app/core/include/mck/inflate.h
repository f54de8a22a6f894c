/* Bounded decompression (zlib): never more output than the caller allows. */
#ifndef MCK_INFLATE_H
#define MCK_INFLATE_H

#include <stddef.h>
#include <stdint.h>

enum mck_inflate_format {
	MCK_INFLATE_RAW,  /* RFC 1951 DEFLATE, no header (JWS "zip": "DEF") */
	MCK_INFLATE_GZIP, /* RFC 1952 (Bitstring Status List) */
};

/**
 * Decompress all of @p in into @p out (capacity @p cap). The stream must end
 * exactly at the end of @p in. Returns MCK_OK with *outlen, MCK_ERR_TOOBIG as
 * soon as the output would exceed @p cap, MCK_ERR_ENCODING for a corrupt or
 * truncated stream or trailing bytes, MCK_ERR_NOMEM.
 */
int mck_inflate(enum mck_inflate_format fmt, const uint8_t *in, size_t inlen, uint8_t *out,
		size_t cap, size_t *outlen);

#endif
