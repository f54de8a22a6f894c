/* Shared pieces of mcissue: messages, key loading, JWK members, JWS signing. */
#define _POSIX_C_SOURCE 200809L

#include "issue_common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/io.h"
#include "mck/json.h"
#include "mck/jwk.h"
#include "mck/jws_sign.h"

int mck_issue_fail(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("mcissue: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

void mck_issue_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("mcissue: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int64_t mck_issue_now(void)
{
	time_t t = time(NULL);

	return t < 0 ? 0 : (int64_t)t;
}

bool mck_issue_parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0' || *s == ' ' || *s == '+') {
		return false;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max) {
		return false;
	}
	*out = v;
	return true;
}

int mck_issue_load_key(const char *path, struct mck_privkey **key)
{
	struct stat st;
	char *pem = NULL;
	size_t len = 0;
	int rc;

	*key = NULL;
	rc = mck_io_read_file(path, MCK_ISSUE_KEY_FILE_MAX, &pem, &len);
	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: %s", path,
				      rc == -EFBIG ? "too large for a key file" : strerror(-rc));
	}
	rc = mck_privkey_from_pem(key, pem, len);
	mck_zeroize(pem, len);
	free(pem);
	if (rc != MCK_OK) {
		return mck_issue_fail(
			MCK_ISSUE_INPUT,
			"%s: not a usable private key (unencrypted PEM: PKCS#8, SEC1 or "
			"PKCS#1; EC P-256/P-384 or RSA 2048-4096)",
			path);
	}
	/* ssh's rule: a signing key others can read is worth a word. */
	if (stat(path, &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		mck_issue_warn("%s is accessible by group or others (mode %03o); chmod 600 it",
			       path, (unsigned)(st.st_mode & 0777));
	}
	return MCK_ISSUE_OK;
}

int mck_issue_read_json(const char *path, size_t max, cJSON **out)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	if (strcmp(path, "-") == 0) {
		rc = mck_io_read_stream(STDIN_FILENO, max, &buf, &len);
		path = "standard input";
	} else {
		rc = mck_io_read_file(path, max, &buf, &len);
	}
	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: %s", path,
				      rc == -EFBIG ? "file too large" : strerror(-rc));
	}
	rc = mck_json_parse((const uint8_t *)buf, len, MCK_JSON_MAX_DEPTH, out);
	free(buf);
	if (rc != MCK_OK) {
		return mck_issue_fail(
			MCK_ISSUE_INPUT,
			"%s: not strict JSON (UTF-8, no duplicate members, depth <= %d)", path,
			MCK_JSON_MAX_DEPTH);
	}
	return MCK_ISSUE_OK;
}

static bool add_b64(cJSON *obj, const char *name, const uint8_t *data, size_t len)
{
	char buf[MCK_RSA_MAX_BITS / 8 * 4 / 3 + 4];

	return mck_b64url_encode(data, len, buf, sizeof(buf)) == MCK_OK &&
	       cJSON_AddStringToObject(obj, name, buf) != NULL;
}

bool mck_issue_jwk_members(cJSON *obj, const struct mck_key_raw *raw)
{
	if (raw->type == MCK_KEY_RSA) {
		return cJSON_AddStringToObject(obj, "kty", "RSA") != NULL &&
		       add_b64(obj, "n", raw->a, raw->alen) && add_b64(obj, "e", raw->b, raw->blen);
	}
	return cJSON_AddStringToObject(obj, "kty", "EC") != NULL &&
	       cJSON_AddStringToObject(obj, "crv",
				       raw->type == MCK_KEY_EC_P256 ? "P-256" : "P-384") != NULL &&
	       add_b64(obj, "x", raw->a, raw->alen) && add_b64(obj, "y", raw->b, raw->blen);
}

void mck_issue_kid(const struct mck_key_raw *raw, char kid[MCK_KID_LEN + 1])
{
	uint8_t thumb[MCK_SHA256_LEN];

	mck_jwk_thumbprint(raw, thumb);
	mck_kid_encode(thumb, kid);
}

enum mck_alg mck_issue_default_alg(enum mck_key_type type)
{
	switch (type) {
	case MCK_KEY_EC_P256:
		return MCK_ALG_ES256;
	case MCK_KEY_EC_P384:
		return MCK_ALG_ES384;
	case MCK_KEY_RSA:
		return MCK_ALG_RS256;
	}
	return 0;
}

static const char *key_type_name(enum mck_key_type type)
{
	switch (type) {
	case MCK_KEY_EC_P256:
		return "EC P-256";
	case MCK_KEY_EC_P384:
		return "EC P-384";
	case MCK_KEY_RSA:
		return "RSA";
	}
	return "unknown";
}

int mck_issue_pick_alg(const struct mck_privkey *key, const char *path, const char *name,
		       enum mck_alg *alg)
{
	enum mck_key_type type = mck_privkey_type(key);

	if (name == NULL) {
		*alg = mck_issue_default_alg(type);
		return MCK_ISSUE_OK;
	}
	*alg = mck_alg_from_name(name, strlen(name));
	if (*alg == 0) {
		return mck_issue_fail(MCK_ISSUE_USAGE,
				      "--alg \"%.16s\" is not one of ES256, ES384, RS256, PS256",
				      name);
	}
	if (!mck_alg_fits_key(*alg, type)) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: --alg %s does not fit this %s key",
				      path, mck_alg_name(*alg), key_type_name(type));
	}
	return MCK_ISSUE_OK;
}

static char *make_header(const struct mck_privkey *key, const struct mck_issue_jws_opts *o)
{
	struct mck_key_raw raw;
	char kid[MCK_KID_LEN + 1];
	cJSON *hdr = cJSON_CreateObject();
	cJSON *jwk;
	char *text = NULL;
	bool ok;

	ok = hdr != NULL && mck_privkey_export_public(key, &raw) == MCK_OK &&
	     cJSON_AddStringToObject(hdr, "alg", mck_alg_name(o->alg)) != NULL;
	if (ok && o->jwk_header) {
		jwk = cJSON_AddObjectToObject(hdr, "jwk");
		ok = jwk != NULL && mck_issue_jwk_members(jwk, &raw);
	} else if (ok) {
		mck_issue_kid(&raw, kid);
		ok = cJSON_AddStringToObject(hdr, "kid", kid) != NULL;
	}
	ok = ok && cJSON_AddStringToObject(hdr, "typ", "JWT") != NULL;
	if (ok && o->zip) {
		ok = cJSON_AddStringToObject(hdr, "zip", "DEF") != NULL;
	}
	if (ok) {
		text = cJSON_PrintUnformatted(hdr);
	}
	cJSON_Delete(hdr);
	return text;
}

int mck_issue_sign_json(const struct mck_privkey *key, const struct mck_issue_jws_opts *o,
			const char *payload, const char *what, char **out, size_t *outlen)
{
	char *header = make_header(key, o);
	int rc;

	*out = NULL;
	*outlen = 0;
	if (header == NULL) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", what);
	}
	rc = mck_jws_sign(key, o->alg, header, (const uint8_t *)payload, strlen(payload), o->zip,
			  out, outlen);
	free(header);
	if (rc != MCK_OK) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: signing failed: %s", what,
				      mck_strerror(rc));
	}
	return MCK_ISSUE_OK;
}
