#include "mint.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/b64url.h"
#include "mck/jws_sign.h"

static void die(const char *what)
{
	fprintf(stderr, "mint: %s failed\n", what);
	abort();
}

void mck_test_key_make(struct mck_test_key *key, enum mck_key_type type)
{
	struct mck_key_raw raw;
	uint8_t thumb[MCK_SHA256_LEN];
	char a[700];
	char b[700];

	memset(key, 0, sizeof(*key));
	key->type = type;
	if (mck_privkey_generate(&key->priv, type) != 0 ||
	    mck_privkey_export_public(key->priv, &raw) != 0) {
		die("keygen");
	}
	mck_jwk_thumbprint(&raw, thumb);
	mck_kid_encode(thumb, key->kid);
	mck_b64url_encode(raw.a, raw.alen, a, sizeof(a));
	mck_b64url_encode(raw.b, raw.blen, b, sizeof(b));
	if (type == MCK_KEY_RSA) {
		snprintf(key->members, sizeof(key->members),
			 "\"kid\":\"%s\",\"kty\":\"RSA\",\"n\":\"%s\",\"e\":\"%s\"", key->kid, a,
			 b);
	} else {
		snprintf(key->members, sizeof(key->members),
			 "\"kid\":\"%s\",\"kty\":\"EC\",\"crv\":\"%s\",\"x\":\"%s\",\"y\":\"%s\"",
			 key->kid, type == MCK_KEY_EC_P256 ? "P-256" : "P-384", a, b);
	}
}

void mck_test_key_free(struct mck_test_key *key)
{
	mck_privkey_destroy(key->priv);
	key->priv = NULL;
}

struct mck_anchors *mck_test_anchors(const struct mck_test_key *key)
{
	char pem[4096];
	struct mck_anchors *a = mck_anchors_create();

	if (a == NULL || mck_privkey_public_pem(key->priv, pem, sizeof(pem)) != 0 ||
	    mck_anchors_add_pem(a, pem, strlen(pem)) != 0) {
		die("anchor");
	}
	return a;
}

char *mck_test_sign(const struct mck_test_key *key, enum mck_alg alg, const char *header_extra,
		    const char *payload, bool zip)
{
	char header[512];
	char *jws;
	size_t len;

	snprintf(header, sizeof(header), "{\"alg\":\"%s\",\"kid\":\"%s\"%s%s}", mck_alg_name(alg),
		 key->kid, header_extra != NULL ? header_extra : "", zip ? ",\"zip\":\"DEF\"" : "");
	if (mck_jws_sign(key->priv, alg, header, (const uint8_t *)payload, strlen(payload), zip,
			 &jws, &len) != 0) {
		die("sign");
	}
	return jws;
}

char *mck_test_compact(const char *jws)
{
	char *text;

	if (mck_qrtext_encode(jws, strlen(jws), 0, 0, &text) != 0) {
		die("encode");
	}
	return text;
}

char *mck_test_fmt(const char *fmt, ...)
{
	va_list ap;
	char *out;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	out = malloc((size_t)n + 1);
	if (out == NULL) {
		die("fmt");
	}
	va_start(ap, fmt);
	vsnprintf(out, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return out;
}

char *mck_test_issuers_json(size_t first, size_t count, uint8_t last_thumb[MCK_SHA256_LEN])
{
	char *json = malloc(count * 600 + 1);
	struct mck_key_raw raw;
	uint8_t thumb[MCK_SHA256_LEN];
	char kid[MCK_KID_LEN + 1];
	char x[48];
	char y[48];
	size_t pos = 0;

	if (json == NULL) {
		die("issuers");
	}
	json[0] = '\0';
	memset(&raw, 0, sizeof(raw));
	raw.type = MCK_KEY_EC_P256;
	raw.alen = raw.blen = 32;
	for (size_t i = first; i < first + count; i++) {
		pos += (size_t)sprintf(
			json + pos,
			"%s{\"id\":\"https://issuer-%zu.example.eu\",\"name\":"
			"\"Awarding body %zu\",\"country\":\"PL\",\"status\":\"active\","
			"\"keys\":[",
			i > first ? "," : "", i, i);
		for (int k = 0; k < 2; k++) {
			/* xorshift64 seeded by the key's number: distinct, incompressible, repeatable */
			uint64_t r = (uint64_t)(i * 2 + (size_t)k + 1) * 0x9e3779b97f4a7c15u;

			for (size_t b = 0; b < 64; b++) {
				r ^= r << 13;
				r ^= r >> 7;
				r ^= r << 17;
				(b < 32 ? raw.a : raw.b)[b % 32] = (uint8_t)(r >> 24);
			}
			mck_jwk_thumbprint(&raw, thumb);
			mck_kid_encode(thumb, kid);
			mck_b64url_encode(raw.a, 32, x, sizeof(x));
			mck_b64url_encode(raw.b, 32, y, sizeof(y));
			pos += (size_t)sprintf(json + pos,
					       "%s{\"kid\":\"%s\",\"kty\":\"EC\",\"crv\":\"P-256\","
					       "\"x\":\"%s\",\"y\":\"%s\"}",
					       k ? "," : "", kid, x, y);
		}
		pos += (size_t)sprintf(json + pos, "]}");
	}
	if (last_thumb != NULL) {
		memcpy(last_thumb, thumb, MCK_SHA256_LEN);
	}
	return json;
}

char *mck_test_trustlist(const struct mck_test_key *anchor, long long sequence, long long iat,
			 long long next_update, const char *issuers)
{
	char *list = mck_test_fmt("{\"type\":\"MicroCredentialTrustList\",\"version\":1,"
				  "\"sequence\":%lld,\"iat\":%lld,\"nextUpdate\":%lld,"
				  "\"issuers\":[%s]}",
				  sequence, iat, next_update, issuers);
	char *jws = mck_test_sign(anchor, MCK_ALG_ES256, NULL, list, true);

	free(list);
	return jws;
}
