/* JWK reading and RFC 7638 thumbprints. */
#include "mck/jwk.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/json.h"

static const char *const private_members[] = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"};

/* Decode a base64url member into @p out; exact length when @p exact. */
static int member_bytes(const cJSON *jwk, const char *name, uint8_t *out, size_t cap,
			size_t *outlen)
{
	const char *s;
	int rc = mck_json_string(jwk, name, &s);

	if (rc < 0) {
		return MCK_ERR_JSON;
	}
	if (rc == 0) {
		return MCK_ERR_KEY;
	}
	if (mck_b64url_decode(s, strlen(s), out, cap, outlen) != MCK_OK) {
		return MCK_ERR_KEY;
	}
	return MCK_OK;
}

int mck_jwk_read(const cJSON *jwk, struct mck_key_raw *raw)
{
	const char *kty;
	const char *crv;
	size_t width;
	int rc;

	/* Not a memset of the whole struct: a trust list reads 100 000 keys. */
	raw->type = 0;
	raw->alen = 0;
	raw->blen = 0;
	if (!cJSON_IsObject(jwk)) {
		return MCK_ERR_JSON;
	}
	/* One pass over the members: a list of 100 000 keys makes this hot. */
	for (const cJSON *m = jwk->child; m != NULL; m = m->next) {
		for (size_t i = 0; i < sizeof(private_members) / sizeof(private_members[0]); i++) {
			if (m->string[0] == private_members[i][0] &&
			    strcmp(m->string, private_members[i]) == 0) {
				return MCK_ERR_KEY;
			}
		}
	}
	rc = mck_json_string(jwk, "kty", &kty);
	if (rc < 0) {
		return MCK_ERR_JSON;
	}
	if (rc == 0) {
		return MCK_ERR_KEY;
	}
	if (strcmp(kty, "EC") == 0) {
		rc = mck_json_string(jwk, "crv", &crv);
		if (rc < 0) {
			return MCK_ERR_JSON;
		}
		if (rc == 0) {
			return MCK_ERR_KEY;
		}
		if (strcmp(crv, "P-256") == 0) {
			raw->type = MCK_KEY_EC_P256;
			width = 32;
		} else if (strcmp(crv, "P-384") == 0) {
			raw->type = MCK_KEY_EC_P384;
			width = 48;
		} else {
			return MCK_ERR_KEY;
		}
		rc = member_bytes(jwk, "x", raw->a, sizeof(raw->a), &raw->alen);
		if (rc == MCK_OK) {
			rc = member_bytes(jwk, "y", raw->b, sizeof(raw->b), &raw->blen);
		}
		if (rc == MCK_OK && (raw->alen != width || raw->blen != width)) {
			rc = MCK_ERR_KEY;
		}
		return rc;
	}
	if (strcmp(kty, "RSA") == 0) {
		raw->type = MCK_KEY_RSA;
		rc = member_bytes(jwk, "n", raw->a, sizeof(raw->a), &raw->alen);
		if (rc == MCK_OK) {
			rc = member_bytes(jwk, "e", raw->b, 8, &raw->blen);
		}
		if (rc != MCK_OK) {
			return rc == MCK_ERR_TOOBIG ? MCK_ERR_KEY : rc;
		}
		/* RFC 7518 §6.3.1: minimal big-endian; the size rule of the spec. */
		if (raw->alen == 0 || raw->a[0] == 0 || raw->blen == 0 || raw->b[0] == 0 ||
		    raw->alen * 8 < MCK_RSA_MIN_BITS || raw->alen * 8 > MCK_RSA_MAX_BITS) {
			return MCK_ERR_KEY;
		}
		return MCK_OK;
	}
	return MCK_ERR_KEY;
}

int mck_jwk_restriction(const cJSON *jwk, enum mck_alg *alg)
{
	const cJSON *ops = cJSON_GetObjectItemCaseSensitive(jwk, "key_ops");
	const cJSON *op;
	const char *s;
	int rc;

	*alg = 0;
	rc = mck_json_string(jwk, "use", &s);
	if (rc < 0 || (rc == 1 && strcmp(s, "sig") != 0)) {
		return MCK_ERR_KEY;
	}
	if (ops != NULL) {
		bool verify = false;

		if (!cJSON_IsArray(ops)) {
			return MCK_ERR_KEY;
		}
		cJSON_ArrayForEach(op, ops) {
			verify = verify ||
				 (cJSON_IsString(op) && strcmp(op->valuestring, "verify") == 0);
		}
		if (!verify) {
			return MCK_ERR_KEY;
		}
	}
	rc = mck_json_string(jwk, "alg", &s);
	if (rc < 0) {
		return MCK_ERR_KEY;
	}
	if (rc == 1) {
		*alg = mck_alg_from_name(s, strlen(s));
		if (*alg == 0) {
			return MCK_ERR_KEY;
		}
	}
	return MCK_OK;
}

/* Append @p s to @p buf at *pos. */
static void put(char *buf, size_t *pos, const char *s)
{
	size_t n = strlen(s);

	memcpy(buf + *pos, s, n);
	*pos += n;
}

void mck_jwk_thumbprint(const struct mck_key_raw *raw, uint8_t out[MCK_SHA256_LEN])
{
	/* Required members only, lexicographic order, no white space (RFC 7638 §3). */
	char a[MCK_RSA_MAX_BITS / 8 * 4 / 3 + 4];
	char b[MCK_RSA_MAX_BITS / 8 * 4 / 3 + 4];
	char json[sizeof(a) + sizeof(b) + 64];
	size_t n = 0;

	if (mck_b64url_encode(raw->a, raw->alen, a, sizeof(a)) != MCK_OK ||
	    mck_b64url_encode(raw->b, raw->blen, b, sizeof(b)) != MCK_OK) {
		memset(out, 0, MCK_SHA256_LEN);
		return;
	}
	if (raw->type == MCK_KEY_RSA) {
		put(json, &n, "{\"e\":\"");
		put(json, &n, b);
		put(json, &n, "\",\"kty\":\"RSA\",\"n\":\"");
		put(json, &n, a);
	} else {
		put(json, &n,
		    raw->type == MCK_KEY_EC_P256 ? "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
						 : "{\"crv\":\"P-384\",\"kty\":\"EC\",\"x\":\"");
		put(json, &n, a);
		put(json, &n, "\",\"y\":\"");
		put(json, &n, b);
	}
	put(json, &n, "\"}");
	mck_sha256(json, n, out);
}

int mck_kid_decode(const char *kid, uint8_t out[MCK_SHA256_LEN])
{
	size_t len = strlen(kid);
	size_t outlen;

	if (len != MCK_KID_LEN ||
	    mck_b64url_decode(kid, len, out, MCK_SHA256_LEN, &outlen) != MCK_OK ||
	    outlen != MCK_SHA256_LEN) {
		return MCK_ERR_ENCODING;
	}
	return MCK_OK;
}

void mck_kid_encode(const uint8_t thumb[MCK_SHA256_LEN], char out[MCK_KID_LEN + 1])
{
	(void)mck_b64url_encode(thumb, MCK_SHA256_LEN, out, MCK_KID_LEN + 1);
}
