/* Strict base64url: no padding, no whitespace, canonical trailing bits. */
#include "mck/b64url.h"

#include "mck/err.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* 0..63, or 64 for a byte outside the alphabet. */
static const uint8_t sextets[256] = {
#define X64 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64
	X64, X64, 64,  64,  64,  64,  64,  64,  64, 64, 64, 64, 64, 64, 64, 62, 64, 64, /* '-' */
	52,  53,  54,  55,  56,  57,  58,  59,  60, 61, 64, 64, 64, 64, 64, 64,         /* 0-9 */
	64,  0,   1,   2,   3,   4,   5,   6,   7,  8,  9,  10, 11, 12, 13, 14,         /* A-O */
	15,  16,  17,  18,  19,  20,  21,  22,  23, 24, 25, 64, 64, 64, 64, 63,         /* P-Z _ */
	64,  26,  27,  28,  29,  30,  31,  32,  33, 34, 35, 36, 37, 38, 39, 40,         /* a-o */
	41,  42,  43,  44,  45,  46,  47,  48,  49, 50, 51, 64, 64, 64, 64, 64,         /* p-z */
	X64, X64, X64, X64, X64, X64, X64, X64,
#undef X64
};

static unsigned sextet(unsigned char c)
{
	return sextets[c];
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
	size_t full = len / 4u * 4u;
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
	/* Four characters at a time; a byte outside the alphabet sets bit 6. */
	for (i = 0; i < full; i += 4u) {
		unsigned a = sextet((unsigned char)in[i]);
		unsigned b = sextet((unsigned char)in[i + 1u]);
		unsigned c = sextet((unsigned char)in[i + 2u]);
		unsigned d = sextet((unsigned char)in[i + 3u]);
		uint32_t v;

		if (((a | b | c | d) & 64u) != 0) {
			return MCK_ERR_ENCODING;
		}
		v = (uint32_t)a << 18 | (uint32_t)b << 12 | (uint32_t)c << 6 | d;
		out[o++] = (uint8_t)(v >> 16);
		out[o++] = (uint8_t)(v >> 8);
		out[o++] = (uint8_t)v;
	}
	for (; i < len; i++) {
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
