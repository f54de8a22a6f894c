/* Strict base64url: no padding, no whitespace, canonical trailing bits. */
#include "mck/b64url.h"

#include "mck/err.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* 0..63, or 64 for a byte outside the alphabet. */
static unsigned sextet(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') {
		return (unsigned)(c - 'A');
	}
	if (c >= 'a' && c <= 'z') {
		return (unsigned)(c - 'a') + 26u;
	}
	if (c >= '0' && c <= '9') {
		return (unsigned)(c - '0') + 52u;
	}
	if (c == '-') {
		return 62u;
	}
	if (c == '_') {
		return 63u;
	}
	return 64u;
}

size_t mck_b64url_decoded_len(size_t len)
{
	return len / 4u * 3u + (len % 4u) * 3u / 4u;
}

size_t mck_b64url_encoded_len(size_t len)
{
	return len / 3u * 4u + (len % 3u == 0 ? 0u : len % 3u + 1u);
}

int mck_b64url_decode(const char *in, size_t len, uint8_t *out, size_t cap, size_t *outlen)
{
	size_t need = mck_b64url_decoded_len(len);
	size_t i;
	size_t o = 0;
	uint32_t acc = 0;
	unsigned bits = 0;

	*outlen = 0;
	if (len % 4u == 1u) {
		return MCK_ERR_ENCODING;
	}
	if (need > cap) {
		return MCK_ERR_TOOBIG;
	}
	for (i = 0; i < len; i++) {
		unsigned v = sextet((unsigned char)in[i]);

		if (v > 63u) {
			return MCK_ERR_ENCODING;
		}
		acc = (acc << 6) | v;
		bits += 6u;
		if (bits >= 8u) {
			bits -= 8u;
			out[o++] = (uint8_t)(acc >> bits);
			acc &= (1u << bits) - 1u;
		}
	}
	/* Leftover bits must be zero, or two encodings would decode alike. */
	if (acc != 0) {
		return MCK_ERR_ENCODING;
	}
	*outlen = o;
	return MCK_OK;
}

int mck_b64url_encode(const uint8_t *in, size_t len, char *out, size_t cap)
{
	size_t need = mck_b64url_encoded_len(len);
	size_t i;
	size_t o = 0;

	if (need >= cap || need < len) {
		return MCK_ERR_TOOBIG;
	}
	for (i = 0; i + 2u < len; i += 3u) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1u] << 8 | in[i + 2u];

		out[o++] = alphabet[v >> 18];
		out[o++] = alphabet[(v >> 12) & 63u];
		out[o++] = alphabet[(v >> 6) & 63u];
		out[o++] = alphabet[v & 63u];
	}
	if (len - i == 1u) {
		uint32_t v = (uint32_t)in[i] << 16;

		out[o++] = alphabet[v >> 18];
		out[o++] = alphabet[(v >> 12) & 63u];
	} else if (len - i == 2u) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1u] << 8;

		out[o++] = alphabet[v >> 18];
		out[o++] = alphabet[(v >> 12) & 63u];
		out[o++] = alphabet[(v >> 6) & 63u];
	}
	out[o] = '\0';
	return MCK_OK;
}
