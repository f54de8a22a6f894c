/* zlib inflate with an output cap. */
#include "mck/inflate.h"

#include <limits.h>
#include <string.h>
#include <zlib.h>

#include "mck/err.h"

int mck_inflate(enum mck_inflate_format fmt, const uint8_t *in, size_t inlen, uint8_t *out,
		size_t cap, size_t *outlen)
{
	z_stream zs;
	uint8_t probe;
	int zrc;
	int rc = MCK_ERR_INTERNAL;

	*outlen = 0;
	if (inlen > UINT_MAX || cap > UINT_MAX) {
		return MCK_ERR_TOOBIG;
	}
	memset(&zs, 0, sizeof(zs));
	if (inflateInit2(&zs, fmt == MCK_INFLATE_GZIP ? 16 + MAX_WBITS : -MAX_WBITS) != Z_OK) {
		return MCK_ERR_NOMEM;
	}
	zs.next_in = (Bytef *)(uintptr_t)in; /* zlib's API is not const-correct */
	zs.avail_in = (uInt)inlen;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	zrc = inflate(&zs, Z_FINISH);
	if (zrc == Z_STREAM_END) {
		rc = zs.avail_in == 0 ? MCK_OK : MCK_ERR_ENCODING;
	} else if (zs.avail_out == 0 && (zrc == Z_OK || zrc == Z_BUF_ERROR)) {
		/* Output full: over the cap if the stream still has a byte to give. */
		zs.next_out = &probe;
		zs.avail_out = 1;
		zrc = inflate(&zs, Z_FINISH);
		if (zs.avail_out == 0) {
			rc = MCK_ERR_TOOBIG;
		} else if (zrc == Z_STREAM_END && zs.avail_in == 0) {
			rc = MCK_OK;
		} else {
			rc = MCK_ERR_ENCODING;
		}
	} else if (zrc == Z_MEM_ERROR) {
		rc = MCK_ERR_NOMEM;
	} else {
		rc = MCK_ERR_ENCODING;
	}
	if (rc == MCK_OK) {
		*outlen = zs.total_out;
	}
	inflateEnd(&zs);
	return rc;
}
