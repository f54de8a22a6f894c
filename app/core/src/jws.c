/* JWS compact serialization, MC1 header profile. */
#include "jws.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/inflate.h"
#include "mck/json.h"
#include "mck/jwk.h"

static int fail(enum mck_reason *reason, enum mck_reason r, char *msg, size_t cap, const char *fmt,
		...) __attribute__((format(printf, 5, 6)));

static int fail(enum mck_reason *reason, enum mck_reason r, char *msg, size_t cap, const char *fmt,
		...)
{
	va_list ap;

	*reason = r;
	if (msg != NULL && cap > 0) {
		va_start(ap, fmt);
		vsnprintf(msg, cap, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Header members this profile understands; anything else is ignored, except crit. */
static int read_header(struct mck_jws *jws, const cJSON *hdr, enum mck_reason *reason, char *msg,
		       size_t cap)
{
	const char *alg;
	const char *kid = NULL;
	const char *zip;
	const char *typ;
	const cJSON *jwk;
	int rc;

	if (!cJSON_IsObject(hdr)) {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap, "header is not an object");
	}
	rc = mck_json_string(hdr, "alg", &alg);
	if (rc <= 0) {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap, "header has no alg string");
	}
	jws->alg = mck_alg_from_name(alg, strlen(alg));
	if (jws->alg == 0) {
		return fail(reason, MCK_REASON_ALG_NOT_ALLOWED, msg, cap,
			    "alg \"%.16s\" is not allowed", alg);
	}
	if (cJSON_GetObjectItemCaseSensitive(hdr, "crit") != NULL) {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap, "crit is not supported");
	}
	rc = mck_json_string(hdr, "zip", &zip);
	if (rc < 0 || (rc == 1 && strcmp(zip, "DEF") != 0)) {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap, "zip must be \"DEF\"");
	}
	jws->zip = rc == 1;
	if (mck_json_string(hdr, "typ", &typ) < 0) {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap, "typ is not a string");
	}
	rc = mck_json_string(hdr, "kid", &kid);
	if (rc < 0) {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap, "kid is not a string");
	}
	jws->has_kid = rc == 1;
	rc = mck_json_object(hdr, "jwk", &jwk);
	if (rc < 0) {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap, "jwk is not an object");
	}
	if (rc == 1) {
		enum mck_alg pinned;

		rc = mck_jwk_read(jwk, &jws->jwk);
		if (rc == MCK_OK) {
			rc = mck_jwk_restriction(jwk, &pinned);
		}
		if (rc == MCK_OK && pinned != 0 && pinned != jws->alg) {
			rc = MCK_ERR_ALG;
		}
		if (rc != MCK_OK) {
			return fail(reason, MCK_REASON_MALFORMED, msg, cap,
				    "jwk is not a usable public key");
		}
		jws->has_jwk = true;
		mck_jwk_thumbprint(&jws->jwk, jws->thumb);
		if (jws->has_kid) {
			uint8_t t[MCK_SHA256_LEN];

			if (mck_kid_decode(kid, t) != MCK_OK ||
			    memcmp(t, jws->thumb, MCK_SHA256_LEN) != 0) {
				return fail(reason, MCK_REASON_MALFORMED, msg, cap,
					    "kid is not the thumbprint of jwk");
			}
		}
		jws->kid_is_thumbprint = true;
	} else if (jws->has_kid) {
		jws->kid_is_thumbprint = mck_kid_decode(kid, jws->thumb) == MCK_OK;
	} else {
		return fail(reason, MCK_REASON_MALFORMED, msg, cap,
			    "header has neither kid nor jwk");
	}
	return 0;
}

int mck_jws_parse(struct mck_jws *jws, const char *text, size_t len, enum mck_reason *reason,
		  char *msg, size_t msgcap)
{
	const char *dot1;
	const char *dot2;
	size_t hlen;
	size_t slen;
	size_t declen;
	uint8_t hdrbuf[MCK_JWS_HEADER_MAX + 1];
	cJSON *hdr = NULL;
	int rc;

	memset(jws, 0, sizeof(*jws));
	if (msg != NULL && msgcap > 0) {
		msg[0] = '\0';
	}
	dot1 = memchr(text, '.', len);
	dot2 = dot1 != NULL ? memchr(dot1 + 1, '.', len - (size_t)(dot1 + 1 - text)) : NULL;
	if (dot2 == NULL || memchr(dot2 + 1, '.', len - (size_t)(dot2 + 1 - text)) != NULL) {
		return fail(reason, MCK_REASON_MALFORMED, msg, msgcap,
			    "not a JWS: three dot-separated parts expected");
	}
	hlen = (size_t)(dot1 - text);
	slen = len - (size_t)(dot2 + 1 - text);
	jws->text = text;
	jws->signed_len = (size_t)(dot2 - text);
	jws->payload_b64 = dot1 + 1;
	jws->payload_b64_len = (size_t)(dot2 - dot1 - 1);

	if (hlen == 0 ||
	    mck_b64url_decode(text, hlen, hdrbuf, MCK_JWS_HEADER_MAX, &declen) != MCK_OK) {
		return fail(reason, MCK_REASON_MALFORMED, msg, msgcap,
			    "protected header is not canonical base64url (or too long)");
	}
	hdrbuf[declen] = 0;
	if (mck_json_parse(hdrbuf, declen, 4, &hdr) != MCK_OK) {
		return fail(reason, MCK_REASON_MALFORMED, msg, msgcap,
			    "protected header is not strict JSON");
	}
	rc = read_header(jws, hdr, reason, msg, msgcap);
	cJSON_Delete(hdr);
	if (rc != 0) {
		return rc;
	}
	/* Payload encoding is checked now, its content only after the signature. */
	if (jws->payload_b64_len % 4 == 1) {
		return fail(reason, MCK_REASON_MALFORMED, msg, msgcap, "payload is not base64url");
	}
	if (mck_b64url_decode(dot2 + 1, slen, jws->sig, sizeof(jws->sig), &jws->sig_len) !=
	    MCK_OK) {
		return fail(reason, MCK_REASON_MALFORMED, msg, msgcap,
			    "signature is not canonical base64url (or too long)");
	}
	return 0;
}

int mck_jws_verify(const struct mck_jws *jws, const struct mck_pubkey *key)
{
	return mck_verify(key, jws->alg, (const uint8_t *)jws->text, jws->signed_len, jws->sig,
			  jws->sig_len);
}

int mck_jws_payload(const struct mck_jws *jws, uint8_t *out, size_t cap, size_t *len)
{
	size_t raw_cap = mck_b64url_decoded_len(jws->payload_b64_len);
	uint8_t *raw;
	size_t raw_len;
	int rc;

	*len = 0;
	if (!jws->zip) {
		rc = mck_b64url_decode(jws->payload_b64, jws->payload_b64_len, out, cap, len);
		if (rc == MCK_OK) {
			out[*len] = 0;
		}
		return rc;
	}
	raw = malloc(raw_cap + 1);
	if (raw == NULL) {
		return MCK_ERR_NOMEM;
	}
	rc = mck_b64url_decode(jws->payload_b64, jws->payload_b64_len, raw, raw_cap, &raw_len);
	if (rc == MCK_OK) {
		rc = mck_inflate(MCK_INFLATE_RAW, raw, raw_len, out, cap, len);
	}
	if (rc == MCK_OK) {
		out[*len] = 0;
	}
	free(raw);
	return rc;
}
