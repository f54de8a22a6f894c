/* JWS signing and MC1 text encoding, for issuers. */
#include "mck/jws_sign.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "mck/b64url.h"
#include "mck/err.h"

int mck_deflate(enum mck_inflate_format fmt, const uint8_t *in, size_t len, uint8_t **out,
		size_t *outlen)
{
	z_stream zs;
	uLong bound;
	int rc;

	if (len > UINT_MAX) {
		return MCK_ERR_TOOBIG;
	}
	memset(&zs, 0, sizeof(zs));
	*out = NULL;
	/* Raw for JWS "zip":"DEF"; windowBits 15 + 16 is the gzip wrapper of status lists. */
	if (deflateInit2(&zs, 9, Z_DEFLATED, fmt == MCK_INFLATE_GZIP ? MAX_WBITS + 16 : -MAX_WBITS,
			 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		return MCK_ERR_NOMEM;
	}
	bound = deflateBound(&zs, (uLong)len);
	*out = malloc(bound);
	if (*out == NULL) {
		deflateEnd(&zs);
		return MCK_ERR_NOMEM;
	}
	zs.next_in = (Bytef *)(uintptr_t)in; /* zlib's API is not const-correct */
	zs.avail_in = (uInt)len;
	zs.next_out = *out;
	zs.avail_out = (uInt)bound;
	rc = deflate(&zs, Z_FINISH);
	*outlen = zs.total_out;
	deflateEnd(&zs);
	if (rc != Z_STREAM_END) {
		free(*out);
		*out = NULL;
		return MCK_ERR_INTERNAL;
	}
	return MCK_OK;
}

int mck_jws_sign(const struct mck_privkey *key, enum mck_alg alg, const char *header,
		 const uint8_t *payload, size_t plen, bool zip, char **out, size_t *outlen)
{
	uint8_t *packed = NULL;
	const uint8_t *body = payload;
	size_t blen = plen;
	size_t hlen = strlen(header);
	size_t cap;
	size_t pos;
	uint8_t sig[MCK_SIG_MAX];
	size_t siglen;
	char *text;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (plen > MCK_JWS_SIGN_MAX || hlen > MCK_JWS_SIGN_MAX) {
		return MCK_ERR_TOOBIG;
	}
	if (zip) {
		rc = mck_deflate(MCK_INFLATE_RAW, payload, plen, &packed, &blen);
		if (rc != MCK_OK) {
			return rc;
		}
		body = packed;
	}
	cap = mck_b64url_encoded_len(hlen) + mck_b64url_encoded_len(blen) +
	      mck_b64url_encoded_len(MCK_SIG_MAX) + 4;
	text = malloc(cap);
	if (text == NULL) {
		free(packed);
		return MCK_ERR_NOMEM;
	}
	/* The capacity was computed from both lengths: these encodings fit. */
	rc = mck_b64url_encode((const uint8_t *)header, hlen, text, cap);
	pos = mck_b64url_encoded_len(hlen);
	if (rc == MCK_OK) {
		text[pos++] = '.';
		rc = mck_b64url_encode(body, blen, text + pos, cap - pos);
		pos += mck_b64url_encoded_len(blen);
	}
	free(packed);
	if (rc == MCK_OK) {
		rc = mck_sign(key, alg, (const uint8_t *)text, pos, sig, sizeof(sig), &siglen);
	}
	if (rc == MCK_OK) {
		text[pos++] = '.';
		rc = mck_b64url_encode(sig, siglen, text + pos, cap - pos);
		pos += mck_b64url_encoded_len(siglen);
	}
	if (rc != MCK_OK) {
		free(text);
		return rc;
	}
	*out = text;
	*outlen = pos;
	return MCK_OK;
}

int mck_qrtext_encode(const char *jws, size_t len, unsigned index, unsigned chunks, char **out)
{
	size_t from = 0;
	size_t to = len;
	size_t pos;
	char *text;

	*out = NULL;
	if (chunks > 9 || (chunks > 0 && (index < 1 || index > chunks))) {
		return MCK_ERR_INVAL;
	}
	if (chunks > 0) {
		from = len * (index - 1) / chunks;
		to = len * index / chunks;
	}
	text = malloc(16 + 2 * (to - from));
	if (text == NULL) {
		return MCK_ERR_NOMEM;
	}
	pos = chunks > 0 ? (size_t)sprintf(text, "MC1:/%u/%u/", index, chunks)
			 : (size_t)sprintf(text, "MC1:/");
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)jws[i];

		if (c < 45 || c > 122) {
			free(text);
			return MCK_ERR_INVAL;
		}
		text[pos++] = (char)('0' + (c - 45) / 10);
		text[pos++] = (char)('0' + (c - 45) % 10);
	}
	text[pos] = '\0';
	*out = text;
	return MCK_OK;
}
