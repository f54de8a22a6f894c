/*
 * mck_crypto: Wycheproof and JOSE Cookbook vectors through the public API, and
 * issuer-side round trips. Vector files are read from MCK_FIXTURES.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mck/b64url.h"
#include "mck/crypto_sign.h"
#include "mck/err.h"
#include "mck/io.h"

#define FIX(rel) MCK_FIXTURES "/" rel

/* ---- helpers ---- */

static char *slurp(const char *path, size_t *len)
{
	char *buf = NULL;

	if (mck_io_read_file(path, (size_t)64 << 20, &buf, len) != 0) {
		fail_msg("cannot read %s", path);
	}
	return buf;
}

static cJSON *load_json(const char *path)
{
	size_t len = 0;
	char *text = slurp(path, &len);
	cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, NULL, 1); /* counts the NUL */

	free(text);
	if (root == NULL) {
		fail_msg("bad JSON in %s", path);
	}
	return root;
}

static const char *jstr(const cJSON *obj, const char *name)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/* Decodes hex @p s into @p out; fails the test on bad input or overflow. */
static size_t unhex(const char *s, uint8_t *out, size_t cap)
{
	size_t n = strlen(s), i;

	assert_non_null(s);
	if (n % 2 != 0 || n / 2 > cap) {
		fail_msg("bad hex (%zu chars)", n);
	}
	for (i = 0; i < n / 2; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);

		if (hi < 0 || lo < 0) {
			fail_msg("bad hex digit");
		}
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return n / 2;
}

/* Strict base64url into @p out; returns 0 and sets *len, or -1. */
static int unb64(const char *s, size_t slen, uint8_t *out, size_t cap, size_t *len)
{
	return mck_b64url_decode(s, slen, out, cap, len) == MCK_OK ? 0 : -1;
}

static void flip_bit(uint8_t *buf, size_t i)
{
	buf[i] ^= 0x01;
}

/* ---- mck_alg ---- */

static void test_alg_names(void **state)
{
	static const char *const names[] = {"ES256", "ES384", "RS256", "PS256"};
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {
		enum mck_alg alg = mck_alg_from_name(names[i], strlen(names[i]));

		assert_int_not_equal(alg, 0);
		assert_string_equal(mck_alg_name(alg), names[i]);
	}
	assert_int_equal(mck_alg_from_name("es256", 5), 0);
	assert_int_equal(mck_alg_from_name("ES256 ", 6), 0);
	assert_int_equal(mck_alg_from_name("ES256\0", 6), 0);
	assert_int_equal(mck_alg_from_name("ES25", 4), 0);
	assert_int_equal(mck_alg_from_name("ES2567", 5), MCK_ALG_ES256); /* length counts */
	assert_int_equal(mck_alg_from_name("none", 4), 0);
	assert_int_equal(mck_alg_from_name("HS256", 5), 0);
	assert_int_equal(mck_alg_from_name("RS384", 5), 0);
	assert_int_equal(mck_alg_from_name("PS384", 5), 0);
	assert_int_equal(mck_alg_from_name("ES512", 5), 0);
	assert_int_equal(mck_alg_from_name("EdDSA", 5), 0);
	assert_int_equal(mck_alg_from_name(NULL, 0), 0);
	assert_null(mck_alg_name((enum mck_alg)0));
	assert_null(mck_alg_name((enum mck_alg)99));

	assert_true(mck_alg_fits_key(MCK_ALG_ES256, MCK_KEY_EC_P256));
	assert_false(mck_alg_fits_key(MCK_ALG_ES256, MCK_KEY_EC_P384));
	assert_true(mck_alg_fits_key(MCK_ALG_ES384, MCK_KEY_EC_P384));
	assert_false(mck_alg_fits_key(MCK_ALG_ES384, MCK_KEY_EC_P256));
	assert_true(mck_alg_fits_key(MCK_ALG_RS256, MCK_KEY_RSA));
	assert_true(mck_alg_fits_key(MCK_ALG_PS256, MCK_KEY_RSA));
	assert_false(mck_alg_fits_key(MCK_ALG_RS256, MCK_KEY_EC_P256));
	assert_false(mck_alg_fits_key(MCK_ALG_PS256, MCK_KEY_EC_P384));
	assert_false(mck_alg_fits_key((enum mck_alg)0, MCK_KEY_RSA));
}

static void test_sha256(void **state)
{
	static const uint8_t abc[MCK_SHA256_LEN] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea,
						    0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
						    0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
						    0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
	static const uint8_t empty[MCK_SHA256_LEN] = {
		0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4,
		0xc8, 0x99, 0x6f, 0xb9, 0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b,
		0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55};
	uint8_t out[MCK_SHA256_LEN];
	uint8_t secret[16];

	(void)state;
	mck_sha256("abc", 3, out);
	assert_memory_equal(out, abc, sizeof(abc));
	mck_sha256("", 0, out);
	assert_memory_equal(out, empty, sizeof(empty));
	/* in parts, as a download arrives: the same digests */
	struct mck_sha256 *h = mck_sha256_begin();

	assert_non_null(h);
	mck_sha256_add(h, "a", 1);
	mck_sha256_add(h, "", 0);
	mck_sha256_add(h, "bc", 2);
	mck_sha256_end(h, out);
	assert_memory_equal(out, abc, sizeof(abc));
	h = mck_sha256_begin();
	assert_non_null(h);
	mck_sha256_end(h, out);
	assert_memory_equal(out, empty, sizeof(empty));
	mck_sha256_end(NULL, out); /* nothing */
	assert_memory_equal(out, empty, sizeof(empty));

	memset(secret, 0xa5, sizeof(secret));
	mck_zeroize(secret, sizeof(secret));
	for (size_t i = 0; i < sizeof(secret); i++) {
		assert_int_equal(secret[i], 0);
	}
	mck_zeroize(NULL, 4); /* must not crash */
}

/* ---- Wycheproof: ECDSA P1363, RSASSA-PKCS1-v1_5, RSASSA-PSS ---- */

struct tally {
	int valid, invalid, acceptable_ok, acceptable_no, groups;
};

static void wycheproof_key(const cJSON *group, enum mck_key_type type, struct mck_key_raw *raw)
{
	const cJSON *pub = cJSON_GetObjectItemCaseSensitive(group, "publicKey");
	uint8_t buf[1 + 2 * 48];
	size_t n, flen;

	assert_non_null(pub);
	memset(raw, 0, sizeof(*raw));
	raw->type = type;
	if (type == MCK_KEY_RSA) {
		const char *mod = jstr(pub, "modulus"), *exp = jstr(pub, "publicExponent");
		uint8_t tmp[MCK_RSA_MAX_BITS / 8 + 1];
		size_t skip = 0;

		assert_non_null(mod);
		assert_non_null(exp);
		n = unhex(mod, tmp, sizeof(tmp));
		/* ASN.1 INTEGER form: a leading 00 keeps the modulus positive. */
		while (skip < n && tmp[skip] == 0) {
			skip++;
		}
		assert_true(n - skip <= sizeof(raw->a));
		memcpy(raw->a, tmp + skip, n - skip);
		raw->alen = n - skip;
		raw->blen = unhex(exp, raw->b, sizeof(raw->b));
		return;
	}
	flen = type == MCK_KEY_EC_P256 ? 32 : 48;
	assert_non_null(jstr(pub, "uncompressed"));
	n = unhex(jstr(pub, "uncompressed"), buf, sizeof(buf));
	assert_int_equal(n, 1 + 2 * flen);
	assert_int_equal(buf[0], 0x04);
	memcpy(raw->a, buf + 1, flen);
	memcpy(raw->b, buf + 1 + flen, flen);
	raw->alen = raw->blen = flen;
}

static void run_wycheproof(const char *path, enum mck_alg alg, enum mck_key_type type,
			   enum mck_alg wrong_alg)
{
	static uint8_t msg[4096], sig[2048];
	struct tally t = {0};
	cJSON *root = load_json(path);
	const cJSON *groups = cJSON_GetObjectItemCaseSensitive(root, "testGroups");
	const cJSON *number = cJSON_GetObjectItemCaseSensitive(root, "numberOfTests");
	const cJSON *group;
	int total = 0;

	assert_true(cJSON_IsArray(groups));
	cJSON_ArrayForEach(group, groups) {
		const cJSON *tests = cJSON_GetObjectItemCaseSensitive(group, "tests");
		const cJSON *tc;
		struct mck_key_raw raw;
		struct mck_pubkey *key = NULL;
		int first = 1;

		wycheproof_key(group, type, &raw);
		/* Every key in these files is a sound 2048-bit RSA or on-curve EC key. */
		assert_int_equal(mck_pubkey_create(&key, &raw), MCK_OK);
		assert_int_equal(mck_pubkey_type(key), type);
		t.groups++;
		cJSON_ArrayForEach(tc, tests) {
			const char *result = jstr(tc, "result");
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(tc, "tcId");
			size_t msglen = unhex(jstr(tc, "msg"), msg, sizeof(msg));
			size_t siglen = unhex(jstr(tc, "sig"), sig, sizeof(sig));
			int rc = mck_verify(key, alg, msg, msglen, sig, siglen);

			assert_non_null(result);
			total++;
			if (rc != MCK_OK && rc != MCK_ERR_SIGNATURE) {
				fail_msg("%s tcId %d: unexpected rc %d", path, id->valueint, rc);
			}
			if (strcmp(result, "valid") == 0) {
				if (rc != MCK_OK) {
					fail_msg("%s tcId %d (valid) rejected", path, id->valueint);
				}
				t.valid++;
			} else if (strcmp(result, "invalid") == 0) {
				if (rc == MCK_OK) {
					fail_msg("%s tcId %d (invalid) accepted", path,
						 id->valueint);
				}
				t.invalid++;
			} else {
				assert_string_equal(result, "acceptable");
				if (rc == MCK_OK) {
					t.acceptable_ok++;
				} else {
					t.acceptable_no++;
				}
			}
			if (first) {
				/* The same bytes under an algorithm for another key type. */
				assert_int_equal(
					mck_verify(key, wrong_alg, msg, msglen, sig, siglen),
					MCK_ERR_ALG);
				first = 0;
			}
		}
		mck_pubkey_destroy(key);
	}
	assert_true(cJSON_IsNumber(number));
	assert_int_equal(total, number->valueint);
	assert_true(t.valid > 0);
	assert_true(t.invalid > 0);
	printf("    %-40s %3d groups: valid %3d ok, invalid %3d rejected, acceptable %d accepted "
	       "/ %d rejected\n",
	       strrchr(path, '/') + 1, t.groups, t.valid, t.invalid, t.acceptable_ok,
	       t.acceptable_no);
	cJSON_Delete(root);
}

static void test_wycheproof_es256(void **state)
{
	(void)state;
	run_wycheproof(FIX("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json"), MCK_ALG_ES256,
		       MCK_KEY_EC_P256, MCK_ALG_RS256);
}

static void test_wycheproof_es384(void **state)
{
	(void)state;
	run_wycheproof(FIX("wycheproof/ecdsa_secp384r1_sha384_p1363_test.json"), MCK_ALG_ES384,
		       MCK_KEY_EC_P384, MCK_ALG_ES256);
}

static void test_wycheproof_rs256(void **state)
{
	(void)state;
	run_wycheproof(FIX("wycheproof/rsa_signature_2048_sha256_test.json"), MCK_ALG_RS256,
		       MCK_KEY_RSA, MCK_ALG_ES256);
}

static void test_wycheproof_ps256(void **state)
{
	(void)state;
	run_wycheproof(FIX("wycheproof/rsa_pss_2048_sha256_mgf1_32_test.json"), MCK_ALG_PS256,
		       MCK_KEY_RSA, MCK_ALG_ES384);
}

/* ---- Wycheproof JSON Web Signature cases, at the signature layer ---- */

enum jws_outcome {
	JWS_ACCEPTED,
	JWS_NO_KEY,       /* the group has no public key (HMAC groups) */
	JWS_STRUCTURE,    /* not three dot-separated parts */
	JWS_ENCODING,     /* a part is not canonical base64url, or the header is not JSON */
	JWS_ALG,          /* "alg" missing or outside ES256/ES384/RS256/PS256 */
	JWS_KEY_POLICY,   /* the JWK's use / key_ops / alg forbid this verification */
	JWS_KEY_UNUSABLE, /* mck_pubkey_create refused the JWK (or P-521 etc.) */
	JWS_ALG_KEY,      /* mck_verify: MCK_ERR_ALG */
	JWS_SIGNATURE,    /* mck_verify: MCK_ERR_SIGNATURE */
	JWS_NOUTCOMES
};

static const char *const outcome_names[JWS_NOUTCOMES] = {
	"accepted",   "no public key", "structure", "encoding",  "alg not allowed",
	"key policy", "key unusable",  "alg/key",   "signature",
};

/* A JWK into raw components; returns 0, or -1 when it is not a P-256/P-384/RSA key. */
static int jwk_to_raw(const cJSON *jwk, struct mck_key_raw *raw)
{
	const char *kty = jstr(jwk, "kty"), *crv = jstr(jwk, "crv");
	const char *a, *b;

	memset(raw, 0, sizeof(*raw));
	if (kty == NULL) {
		return -1;
	}
	if (strcmp(kty, "RSA") == 0) {
		raw->type = MCK_KEY_RSA;
		a = jstr(jwk, "n");
		b = jstr(jwk, "e");
	} else if (strcmp(kty, "EC") == 0 && crv != NULL && strcmp(crv, "P-256") == 0) {
		raw->type = MCK_KEY_EC_P256;
		a = jstr(jwk, "x");
		b = jstr(jwk, "y");
	} else if (strcmp(kty, "EC") == 0 && crv != NULL && strcmp(crv, "P-384") == 0) {
		raw->type = MCK_KEY_EC_P384;
		a = jstr(jwk, "x");
		b = jstr(jwk, "y");
	} else {
		return -1;
	}
	if (a == NULL || b == NULL || unb64(a, strlen(a), raw->a, sizeof(raw->a), &raw->alen) ||
	    unb64(b, strlen(b), raw->b, sizeof(raw->b), &raw->blen)) {
		return -1;
	}
	return 0;
}

/* RFC 7517 §4.2-4.4: a key marked for another use, operation or algorithm is not used. */
static int jwk_allows(const cJSON *jwk, const char *alg)
{
	const cJSON *ops = cJSON_GetObjectItemCaseSensitive(jwk, "key_ops");
	const cJSON *op;
	const char *use = jstr(jwk, "use"), *kalg = jstr(jwk, "alg");
	int verify = 0;

	if (cJSON_GetObjectItemCaseSensitive(jwk, "use") != NULL &&
	    (use == NULL || strcmp(use, "sig") != 0)) {
		return 0;
	}
	if (cJSON_GetObjectItemCaseSensitive(jwk, "alg") != NULL &&
	    (kalg == NULL || strcmp(kalg, alg) != 0)) {
		return 0;
	}
	if (ops != NULL) {
		cJSON_ArrayForEach(op, ops) {
			if (cJSON_IsString(op) && strcmp(op->valuestring, "verify") == 0) {
				verify = 1;
			}
		}
		return verify;
	}
	return 1;
}

/*
 * The signature layer of a compact JWS: split, decode, read "alg", check the key's
 * own restrictions, verify. *sig_ok is set when the signature verifies although a
 * key restriction rejected the case.
 */
static enum jws_outcome check_jws(const char *jws, const cJSON *jwk, enum mck_alg *alg_out,
				  int *sig_ok)
{
	static uint8_t hdr[4096], payload[4096], sig[1024];
	const char *dot1 = strchr(jws, '.'), *dot2, *alg_name;
	size_t hlen, plen, slen;
	struct mck_key_raw raw;
	struct mck_pubkey *key = NULL;
	enum mck_alg alg;
	enum jws_outcome out;
	cJSON *header;
	int rc;

	*alg_out = 0;
	*sig_ok = 0;
	dot2 = dot1 != NULL ? strchr(dot1 + 1, '.') : NULL;
	if (dot2 == NULL || strchr(dot2 + 1, '.') != NULL) {
		return JWS_STRUCTURE;
	}
	if (unb64(jws, (size_t)(dot1 - jws), hdr, sizeof(hdr) - 1, &hlen) ||
	    unb64(dot1 + 1, (size_t)(dot2 - dot1 - 1), payload, sizeof(payload), &plen) ||
	    unb64(dot2 + 1, strlen(dot2 + 1), sig, sizeof(sig), &slen)) {
		return JWS_ENCODING;
	}
	hdr[hlen] = '\0';
	header = cJSON_ParseWithLengthOpts((const char *)hdr, hlen + 1, NULL, 1);
	if (!cJSON_IsObject(header)) {
		cJSON_Delete(header);
		return JWS_ENCODING;
	}
	alg_name = jstr(header, "alg");
	alg = alg_name != NULL ? mck_alg_from_name(alg_name, strlen(alg_name)) : 0;
	*alg_out = alg;
	if (alg == 0) {
		cJSON_Delete(header);
		return JWS_ALG;
	}
	if (jwk == NULL) {
		cJSON_Delete(header);
		return JWS_NO_KEY;
	}
	if (jwk_to_raw(jwk, &raw) != 0 || mck_pubkey_create(&key, &raw) != MCK_OK) {
		cJSON_Delete(header);
		return JWS_KEY_UNUSABLE;
	}
	rc = mck_verify(key, alg, (const uint8_t *)jws, (size_t)(dot2 - jws), sig, slen);
	if (!jwk_allows(jwk, alg_name)) {
		out = JWS_KEY_POLICY;
		*sig_ok = rc == MCK_OK;
	} else if (rc == MCK_OK) {
		out = JWS_ACCEPTED;
	} else if (rc == MCK_ERR_ALG) {
		out = JWS_ALG_KEY;
	} else {
		assert_int_equal(rc, MCK_ERR_SIGNATURE);
		out = JWS_SIGNATURE;
	}
	mck_pubkey_destroy(key);
	cJSON_Delete(header);
	return out;
}

static void test_wycheproof_jws(void **state)
{
	cJSON *root = load_json(FIX("wycheproof/json_web_signature_test.json"));
	const cJSON *groups = cJSON_GetObjectItemCaseSensitive(root, "testGroups");
	const cJSON *group;
	int valid[JWS_NOUTCOMES] = {0}, invalid[JWS_NOUTCOMES] = {0};
	int accepted_by_alg[MCK_ALG_PS256 + 1] = {0};
	int policy_sig_ok = 0, total = 0, i;

	(void)state;
	cJSON_ArrayForEach(group, groups) {
		const cJSON *jwk = cJSON_GetObjectItemCaseSensitive(group, "public");
		const cJSON *tc;

		cJSON_ArrayForEach(tc, cJSON_GetObjectItemCaseSensitive(group, "tests")) {
			const char *jws = jstr(tc, "jws"), *result = jstr(tc, "result");
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(tc, "tcId");
			enum mck_alg alg;
			enum jws_outcome out;
			int sig_ok;

			assert_non_null(jws);
			assert_non_null(result);
			total++;
			out = check_jws(jws, jwk, &alg, &sig_ok);
			if (strcmp(result, "valid") == 0) {
				valid[out]++;
				/* A valid case within MC1's algorithms, with a usable key. */
				if (alg != 0 && jwk != NULL && out != JWS_ACCEPTED) {
					fail_msg("JWS tcId %d (valid, %s) not accepted: %s",
						 id->valueint, mck_alg_name(alg),
						 outcome_names[out]);
				}
				if (out == JWS_ACCEPTED) {
					accepted_by_alg[alg]++;
				}
			} else {
				assert_string_equal(result, "invalid");
				invalid[out]++;
				if (out == JWS_ACCEPTED) {
					fail_msg("JWS tcId %d (invalid) accepted", id->valueint);
				}
				policy_sig_ok += sig_ok;
			}
		}
	}
	assert_int_equal(total, cJSON_GetObjectItemCaseSensitive(root, "numberOfTests")->valueint);
	assert_true(accepted_by_alg[MCK_ALG_ES256] > 0);
	assert_true(accepted_by_alg[MCK_ALG_RS256] > 0);
	assert_true(accepted_by_alg[MCK_ALG_PS256] > 0);
	assert_true(invalid[JWS_SIGNATURE] > 0);
	printf("    json_web_signature_test.json: %d cases; accepted ES256 %d, RS256 %d, PS256 "
	       "%d\n",
	       total, accepted_by_alg[MCK_ALG_ES256], accepted_by_alg[MCK_ALG_RS256],
	       accepted_by_alg[MCK_ALG_PS256]);
	for (i = 0; i < JWS_NOUTCOMES; i++) {
		if (valid[i] != 0 || invalid[i] != 0) {
			printf("      %-16s valid %3d  invalid %3d\n", outcome_names[i], valid[i],
			       invalid[i]);
		}
	}
	printf("      (invalid cases refused only by key policy whose signature verifies: %d)\n",
	       policy_sig_ok);
	cJSON_Delete(root);
}

/* ---- RFC 7520 (JOSE Cookbook) §4.1-4.3 ---- */

struct compact {
	uint8_t sig[1024];
	size_t siglen;
	size_t input_len; /* bytes of "header.payload" */
	char alg[16];
};

static void split_compact(const char *jws, struct compact *c)
{
	static uint8_t hdr[1024];
	const char *dot1 = strchr(jws, '.'), *dot2;
	size_t hlen;
	cJSON *header;
	const char *alg;

	assert_non_null(dot1);
	dot2 = strchr(dot1 + 1, '.');
	assert_non_null(dot2);
	c->input_len = (size_t)(dot2 - jws);
	assert_int_equal(unb64(dot2 + 1, strlen(dot2 + 1), c->sig, sizeof(c->sig), &c->siglen), 0);
	assert_int_equal(unb64(jws, (size_t)(dot1 - jws), hdr, sizeof(hdr), &hlen), 0);
	header = cJSON_ParseWithLengthOpts((const char *)hdr, hlen, NULL, 0);
	assert_non_null(header);
	alg = jstr(header, "alg");
	assert_non_null(alg);
	assert_true(strlen(alg) < sizeof(c->alg));
	strcpy(c->alg, alg);
	cJSON_Delete(header);
}

static const char *cookbook_compact(const cJSON *root)
{
	const cJSON *output = cJSON_GetObjectItemCaseSensitive(root, "output");
	const char *compact = jstr(output, "compact");

	assert_non_null(compact);
	return compact;
}

static void test_cookbook_rs256(void **state)
{
	cJSON *root = load_json(FIX("jose/cb_4_1.rsa_v15_signature.json"));
	const cJSON *input = cJSON_GetObjectItemCaseSensitive(root, "input");
	const char *compact = cookbook_compact(root);
	struct mck_key_raw raw;
	struct mck_pubkey *key = NULL;
	struct compact c;
	uint8_t *msg;
	enum mck_alg alg;

	(void)state;
	split_compact(compact, &c);
	alg = mck_alg_from_name(c.alg, strlen(c.alg));
	assert_int_equal(alg, MCK_ALG_RS256);
	assert_int_equal(jwk_to_raw(cJSON_GetObjectItemCaseSensitive(input, "key"), &raw), 0);
	assert_int_equal(mck_pubkey_create(&key, &raw), MCK_OK);
	assert_int_equal(c.siglen, 256);

	msg = malloc(c.input_len);
	assert_non_null(msg);
	memcpy(msg, compact, c.input_len);
	assert_int_equal(mck_verify(key, alg, msg, c.input_len, c.sig, c.siglen), MCK_OK);
	/* The same signature is not a PSS one, nor one over other bytes. */
	assert_int_equal(mck_verify(key, MCK_ALG_PS256, msg, c.input_len, c.sig, c.siglen),
			 MCK_ERR_SIGNATURE);
	assert_int_equal(mck_verify(key, MCK_ALG_ES256, msg, c.input_len, c.sig, c.siglen),
			 MCK_ERR_ALG);
	flip_bit(msg, c.input_len - 1);
	assert_int_equal(mck_verify(key, alg, msg, c.input_len, c.sig, c.siglen),
			 MCK_ERR_SIGNATURE);
	flip_bit(msg, c.input_len - 1);
	flip_bit(c.sig, 100);
	assert_int_equal(mck_verify(key, alg, msg, c.input_len, c.sig, c.siglen),
			 MCK_ERR_SIGNATURE);
	flip_bit(c.sig, 100);
	assert_int_equal(mck_verify(key, alg, msg, c.input_len - 1, c.sig, c.siglen),
			 MCK_ERR_SIGNATURE);
	assert_int_equal(mck_verify(key, alg, msg, c.input_len, c.sig, c.siglen - 1),
			 MCK_ERR_SIGNATURE);
	assert_int_equal(mck_verify(key, alg, msg, c.input_len, c.sig, c.siglen), MCK_OK);

	free(msg);
	mck_pubkey_destroy(key);
	cJSON_Delete(root);
}

static void test_cookbook_ps384_es512(void **state)
{
	cJSON *pss = load_json(FIX("jose/cb_4_2.rsa-pss_signature.json"));
	cJSON *ec = load_json(FIX("jose/cb_4_3.ecdsa_signature.json"));
	const cJSON *input = cJSON_GetObjectItemCaseSensitive(pss, "input");
	const char *compact = cookbook_compact(pss);
	struct mck_key_raw raw;
	struct mck_pubkey *key = NULL;
	struct compact c;

	(void)state;
	/* PS384: not an MC1 algorithm; its signature is not a PS256 one either. */
	split_compact(compact, &c);
	assert_string_equal(c.alg, "PS384");
	assert_int_equal(mck_alg_from_name(c.alg, strlen(c.alg)), 0);
	assert_int_equal(jwk_to_raw(cJSON_GetObjectItemCaseSensitive(input, "key"), &raw), 0);
	assert_int_equal(mck_pubkey_create(&key, &raw), MCK_OK);
	assert_int_equal(mck_verify(key, MCK_ALG_PS256, (const uint8_t *)compact, c.input_len,
				    c.sig, c.siglen),
			 MCK_ERR_SIGNATURE);
	assert_int_equal(mck_verify(key, (enum mck_alg)0, (const uint8_t *)compact, c.input_len,
				    c.sig, c.siglen),
			 MCK_ERR_ALG);
	mck_pubkey_destroy(key);

	/* ES512: not an MC1 algorithm, and a P-521 key fits no MC1 key type. */
	input = cJSON_GetObjectItemCaseSensitive(ec, "input");
	split_compact(cookbook_compact(ec), &c);
	assert_string_equal(c.alg, "ES512");
	assert_int_equal(mck_alg_from_name(c.alg, strlen(c.alg)), 0);
	assert_int_equal(c.siglen, 132);
	assert_int_equal(jwk_to_raw(cJSON_GetObjectItemCaseSensitive(input, "key"), &raw), -1);
	{
		const cJSON *jwk = cJSON_GetObjectItemCaseSensitive(input, "key");
		const char *x = jstr(jwk, "x"), *y = jstr(jwk, "y");

		assert_int_equal(unb64(x, strlen(x), raw.a, sizeof(raw.a), &raw.alen), 0);
		assert_int_equal(unb64(y, strlen(y), raw.b, sizeof(raw.b), &raw.blen), 0);
		assert_int_equal(raw.alen, 66);
		raw.type = MCK_KEY_EC_P384;
		key = NULL;
		assert_int_equal(mck_pubkey_create(&key, &raw), MCK_ERR_KEY);
		assert_null(key);
	}
	cJSON_Delete(pss);
	cJSON_Delete(ec);
}

/* ---- round trips with generated keys ---- */

static struct mck_privkey *keys[3];
static const enum mck_key_type key_types[3] = {MCK_KEY_EC_P256, MCK_KEY_EC_P384, MCK_KEY_RSA};
/* One algorithm per key type above. */
static const enum mck_alg key_alg[3] = {MCK_ALG_ES256, MCK_ALG_ES384, MCK_ALG_PS256};
static const enum mck_alg all_algs[4] = {MCK_ALG_ES256, MCK_ALG_ES384, MCK_ALG_RS256,
					 MCK_ALG_PS256};

static int keys_setup(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		if (mck_privkey_generate(&keys[i], key_types[i]) != MCK_OK) {
			return -1;
		}
	}
	return 0;
}

static int keys_teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		mck_privkey_destroy(keys[i]);
		keys[i] = NULL;
	}
	return 0;
}

static struct mck_pubkey *public_of(const struct mck_privkey *priv)
{
	struct mck_key_raw raw;
	struct mck_pubkey *pub = NULL;

	assert_int_equal(mck_privkey_export_public(priv, &raw), MCK_OK);
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_OK);
	return pub;
}

static size_t sig_len_for(enum mck_key_type type)
{
	return type == MCK_KEY_EC_P256 ? 64 : type == MCK_KEY_EC_P384 ? 96 : 256;
}

static void test_sign_verify(void **state)
{
	static const uint8_t msg[] = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0";
	uint8_t sig[MCK_SIG_MAX], sig2[MCK_SIG_MAX];
	size_t i, j, siglen, siglen2;

	(void)state;
	for (i = 0; i < 3; i++) {
		struct mck_pubkey *pub = public_of(keys[i]);

		assert_int_equal(mck_privkey_type(keys[i]), key_types[i]);
		assert_int_equal(mck_pubkey_type(pub), key_types[i]);
		for (j = 0; j < 4; j++) {
			enum mck_alg alg = all_algs[j];

			if (!mck_alg_fits_key(alg, key_types[i])) {
				assert_int_equal(mck_sign(keys[i], alg, msg, sizeof(msg) - 1, sig,
							  sizeof(sig), &siglen),
						 MCK_ERR_ALG);
				memset(sig, 0x11, sizeof(sig));
				assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 1, sig,
							    sig_len_for(key_types[i])),
						 MCK_ERR_ALG);
				continue;
			}
			assert_int_equal(mck_sign(keys[i], alg, msg, sizeof(msg) - 1, sig,
						  sizeof(sig), &siglen),
					 MCK_OK);
			assert_int_equal(siglen, sig_len_for(key_types[i]));
			assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 1, sig, siglen),
					 MCK_OK);
			/* A signature with a flipped bit, or over a flipped bit. */
			flip_bit(sig, siglen / 2);
			assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 1, sig, siglen),
					 MCK_ERR_SIGNATURE);
			flip_bit(sig, siglen / 2);
			flip_bit(sig, siglen - 1);
			assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 1, sig, siglen),
					 MCK_ERR_SIGNATURE);
			flip_bit(sig, siglen - 1);
			assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 2, sig, siglen),
					 MCK_ERR_SIGNATURE);
			/* Wrong lengths: truncated, and with a byte more. */
			assert_int_equal(
				mck_verify(pub, alg, msg, sizeof(msg) - 1, sig, siglen - 1),
				MCK_ERR_SIGNATURE);
			memmove(sig2 + 1, sig, siglen);
			sig2[0] = 0;
			assert_int_equal(
				mck_verify(pub, alg, msg, sizeof(msg) - 1, sig2, siglen + 1),
				MCK_ERR_SIGNATURE);
			assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 1, sig, 0),
					 MCK_ERR_SIGNATURE);
			assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 1, NULL, siglen),
					 MCK_ERR_SIGNATURE);
			/* Too small an output buffer. */
			assert_int_equal(mck_sign(keys[i], alg, msg, sizeof(msg) - 1, sig2,
						  siglen - 1, &siglen2),
					 MCK_ERR_TOOBIG);
			/* Untouched, it still verifies. */
			assert_int_equal(mck_verify(pub, alg, msg, sizeof(msg) - 1, sig, siglen),
					 MCK_OK);
		}
		/* RS256 and PS256 signatures are not interchangeable. */
		if (key_types[i] == MCK_KEY_RSA) {
			assert_int_equal(mck_sign(keys[i], MCK_ALG_RS256, msg, sizeof(msg) - 1, sig,
						  sizeof(sig), &siglen),
					 MCK_OK);
			assert_int_equal(
				mck_verify(pub, MCK_ALG_PS256, msg, sizeof(msg) - 1, sig, siglen),
				MCK_ERR_SIGNATURE);
			assert_int_equal(mck_sign(keys[i], MCK_ALG_PS256, msg, sizeof(msg) - 1, sig,
						  sizeof(sig), &siglen),
					 MCK_OK);
			assert_int_equal(
				mck_verify(pub, MCK_ALG_RS256, msg, sizeof(msg) - 1, sig, siglen),
				MCK_ERR_SIGNATURE);
		}
		mck_pubkey_destroy(pub);
	}
	/* A key from another pair does not verify. */
	{
		struct mck_privkey *other = NULL;
		struct mck_pubkey *pub;

		assert_int_equal(mck_privkey_generate(&other, MCK_KEY_EC_P256), MCK_OK);
		pub = public_of(other);
		assert_int_equal(mck_sign(keys[0], MCK_ALG_ES256, msg, sizeof(msg) - 1, sig,
					  sizeof(sig), &siglen),
				 MCK_OK);
		assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, sizeof(msg) - 1, sig, siglen),
				 MCK_ERR_SIGNATURE);
		mck_pubkey_destroy(pub);
		mck_privkey_destroy(other);
	}
	/* An empty message is a message. */
	{
		struct mck_pubkey *pub = public_of(keys[0]);

		assert_int_equal(
			mck_sign(keys[0], MCK_ALG_ES256, NULL, 0, sig, sizeof(sig), &siglen),
			MCK_OK);
		assert_int_equal(mck_verify(pub, MCK_ALG_ES256, NULL, 0, sig, siglen), MCK_OK);
		assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, 1, sig, siglen),
				 MCK_ERR_SIGNATURE);
		mck_pubkey_destroy(pub);
	}
}

/* n - s for big-endian @p s, @p n of @p len bytes (s < n). */
static void negate_mod(const uint8_t *n, uint8_t *s, size_t len)
{
	int borrow = 0;
	size_t i = len;

	while (i-- > 0) {
		int d = n[i] - s[i] - borrow;

		borrow = d < 0;
		s[i] = (uint8_t)(d + (borrow ? 256 : 0));
	}
}

static const uint8_t p256_n[32] = {0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
				   0xff, 0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17,
				   0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};

/* Fixed-width R||S over many signatures; low- and high-S both verify; r, s range. */
static void test_ecdsa_encoding(void **state)
{
	struct mck_pubkey *pub = public_of(keys[0]);
	uint8_t msg[8], sig[MCK_SIG_MAX], bad[64];
	size_t siglen;
	int i, short_r = 0, short_s = 0;

	(void)state;
	for (i = 0; i < 200; i++) {
		memcpy(msg, &i, sizeof(i));
		memset(msg + sizeof(i), 0x5a, sizeof(msg) - sizeof(i));
		assert_int_equal(mck_sign(keys[0], MCK_ALG_ES256, msg, sizeof(msg), sig,
					  sizeof(sig), &siglen),
				 MCK_OK);
		assert_int_equal(siglen, 64);
		short_r += sig[0] == 0;
		short_s += sig[32] == 0;
		assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, sizeof(msg), sig, siglen),
				 MCK_OK);
		/* (r, n - s) is the other valid signature for the same r. */
		negate_mod(p256_n, sig + 32, 32);
		assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, sizeof(msg), sig, siglen),
				 MCK_OK);
	}
	printf("    200 ES256 signatures: %d with r < 2^248, %d with s < 2^248 (zero-padded)\n",
	       short_r, short_s);

	/* r = 0, s = 0, s = n, r = n: never valid. */
	memcpy(bad, sig, 64);
	memset(bad, 0, 32);
	assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, sizeof(msg), bad, 64),
			 MCK_ERR_SIGNATURE);
	memcpy(bad, sig, 64);
	memset(bad + 32, 0, 32);
	assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, sizeof(msg), bad, 64),
			 MCK_ERR_SIGNATURE);
	memcpy(bad, sig, 64);
	memcpy(bad + 32, p256_n, 32);
	assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, sizeof(msg), bad, 64),
			 MCK_ERR_SIGNATURE);
	memcpy(bad, p256_n, 32);
	assert_int_equal(mck_verify(pub, MCK_ALG_ES256, msg, sizeof(msg), bad, 64),
			 MCK_ERR_SIGNATURE);
	mck_pubkey_destroy(pub);
}

static void assert_raw_equal(const struct mck_key_raw *x, const struct mck_key_raw *y)
{
	assert_int_equal(x->type, y->type);
	assert_int_equal(x->alen, y->alen);
	assert_int_equal(x->blen, y->blen);
	assert_memory_equal(x->a, y->a, x->alen);
	assert_memory_equal(x->b, y->b, x->blen);
}

static void test_pem_round_trip(void **state)
{
	static char pem[8192];
	static const uint8_t msg[] = "pem";
	uint8_t sig[MCK_SIG_MAX];
	size_t i, siglen;

	(void)state;
	for (i = 0; i < 3; i++) {
		struct mck_key_raw want, got;
		struct mck_privkey *priv = NULL;
		struct mck_pubkey *pub = NULL;
		char *exact;
		size_t len;

		assert_int_equal(mck_privkey_export_public(keys[i], &want), MCK_OK);
		assert_int_equal(want.type, key_types[i]);
		if (key_types[i] == MCK_KEY_RSA) {
			assert_int_equal(want.alen, 256);
			assert_int_equal(want.blen, 3); /* 65537, no leading zeros */
			assert_int_not_equal(want.a[0], 0);
		} else {
			assert_int_equal(want.alen, key_types[i] == MCK_KEY_EC_P256 ? 32 : 48);
			assert_int_equal(want.blen, want.alen);
		}

		/* Private PEM: write, parse, same public key, still signs. */
		assert_int_equal(mck_privkey_to_pem(keys[i], pem, sizeof(pem)), MCK_OK);
		assert_non_null(strstr(pem, "-----BEGIN "));
		assert_int_equal(mck_privkey_to_pem(keys[i], pem, 64), MCK_ERR_TOOBIG);
		assert_int_equal(mck_privkey_to_pem(keys[i], pem, sizeof(pem)), MCK_OK);
		len = strlen(pem);
		exact = malloc(len); /* no NUL: the parser must not read past len */
		assert_non_null(exact);
		memcpy(exact, pem, len);
		assert_int_equal(mck_privkey_from_pem(&priv, exact, len), MCK_OK);
		assert_int_equal(mck_privkey_type(priv), key_types[i]);
		assert_int_equal(mck_privkey_export_public(priv, &got), MCK_OK);
		assert_raw_equal(&want, &got);
		assert_int_equal(mck_pubkey_from_pem(&pub, exact, len), MCK_ERR_KEY);
		assert_null(pub);
		free(exact);

		/* Public PEM into a verifier key. */
		assert_int_equal(mck_privkey_public_pem(keys[i], pem, sizeof(pem)), MCK_OK);
		assert_non_null(strstr(pem, "-----BEGIN PUBLIC KEY-----"));
		len = strlen(pem);
		exact = malloc(len);
		assert_non_null(exact);
		memcpy(exact, pem, len);
		assert_int_equal(mck_pubkey_from_pem(&pub, exact, len), MCK_OK);
		assert_int_equal(mck_pubkey_export(pub, &got), MCK_OK);
		assert_raw_equal(&want, &got);
		{
			struct mck_privkey *none = NULL;

			/* A public key is not a private one. */
			assert_int_equal(mck_privkey_from_pem(&none, exact, len), MCK_ERR_KEY);
			assert_null(none);
		}
		free(exact);

		assert_int_equal(
			mck_sign(priv, key_alg[i], msg, sizeof(msg), sig, sizeof(sig), &siglen),
			MCK_OK);
		assert_int_equal(mck_verify(pub, key_alg[i], msg, sizeof(msg), sig, siglen),
				 MCK_OK);
		mck_pubkey_destroy(pub);
		mck_privkey_destroy(priv);
	}
}

static void test_pem_inputs(void **state)
{
	size_t len = 0;
	char *anchor = slurp(FIX("anchors/operator.pem"), &len);
	struct mck_pubkey *pub = NULL;
	struct mck_privkey *priv = NULL;
	struct mck_key_raw raw;
	static const char junk[] = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";

	(void)state;
	assert_int_equal(mck_pubkey_from_pem(&pub, anchor, len), MCK_OK);
	assert_int_equal(mck_pubkey_type(pub), MCK_KEY_EC_P256);
	assert_int_equal(mck_pubkey_export(pub, &raw), MCK_OK);
	assert_int_equal(raw.alen, 32);
	mck_pubkey_destroy(pub);
	pub = NULL;

	/* Truncated, garbled, empty, with a NUL inside: all refused. */
	assert_int_equal(mck_pubkey_from_pem(&pub, anchor, len / 2), MCK_ERR_KEY);
	anchor[40] = anchor[40] == 'A' ? 'B' : 'A';
	assert_int_not_equal(mck_pubkey_from_pem(&pub, anchor, len), MCK_OK);
	anchor[30] = '\0';
	assert_int_equal(mck_pubkey_from_pem(&pub, anchor, len), MCK_ERR_KEY);
	assert_int_equal(mck_pubkey_from_pem(&pub, junk, sizeof(junk) - 1), MCK_ERR_KEY);
	assert_int_equal(mck_pubkey_from_pem(&pub, "", 0), MCK_ERR_KEY);
	assert_int_equal(mck_pubkey_from_pem(&pub, NULL, 0), MCK_ERR_KEY);
	assert_null(pub);
	assert_int_equal(mck_privkey_from_pem(&priv, junk, sizeof(junk) - 1), MCK_ERR_KEY);
	assert_null(priv);
	free(anchor);
}

static void test_key_checks(void **state)
{
	struct mck_key_raw good, raw;
	struct mck_pubkey *pub = NULL;

	(void)state;
	/* EC: off-curve, wrong coordinate length, wrong type for the length. */
	assert_int_equal(mck_privkey_export_public(keys[0], &good), MCK_OK);
	raw = good;
	raw.b[31] ^= 1;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw = good;
	raw.alen = 31;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw = good;
	raw.type = MCK_KEY_EC_P384;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw = good;
	memset(raw.a, 0xff, 32); /* x >= p */
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw = good;
	memset(raw.a, 0, 32);
	memset(raw.b, 0, 32);
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	assert_int_equal(mck_privkey_export_public(keys[1], &raw), MCK_OK);
	raw.a[47] ^= 1;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw.type = (enum mck_key_type)42;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	assert_null(pub);

	/* RSA sizes: the generated key is fine; 1024 and 2047 bits are not. */
	assert_int_equal(mck_privkey_export_public(keys[2], &good), MCK_OK);
	assert_int_equal(mck_pubkey_create(&pub, &good), MCK_OK);
	mck_pubkey_destroy(pub);
	pub = NULL;
	raw = good;
	raw.alen = 128;
	raw.a[0] |= 0x80;
	raw.a[127] |= 1;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw = good;
	raw.a[0] = 0x7f; /* 2047 bits */
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	/* 4096 bits is the top (an odd number needs no factors to pass the public check). */
	raw = good;
	memset(raw.a, 0xc3, 512);
	raw.alen = 512;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_OK);
	mck_pubkey_destroy(pub);
	pub = NULL;
	/* Even modulus. */
	raw = good;
	raw.a[255] &= 0xfe;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);

	/* Exponents: 1, 2, 65536 and a 33-byte one are refused; 3 is allowed. */
	raw = good;
	raw.b[0] = 1;
	raw.blen = 1;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw.b[0] = 2;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw.b[0] = 1;
	raw.b[1] = 0;
	raw.b[2] = 0;
	raw.blen = 3;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	memset(raw.b, 0xff, 33);
	raw.blen = 33;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	raw.blen = 0;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_ERR_KEY);
	assert_null(pub);
	raw.b[0] = 3;
	raw.blen = 1;
	assert_int_equal(mck_pubkey_create(&pub, &raw), MCK_OK);
	mck_pubkey_destroy(pub);

	/* NULLs. */
	assert_int_equal(mck_pubkey_create(NULL, &good), MCK_ERR_INVAL);
	pub = NULL;
	assert_int_equal(mck_pubkey_create(&pub, NULL), MCK_ERR_INVAL);
	assert_int_equal(
		mck_verify(NULL, MCK_ALG_ES256, (const uint8_t *)"", 0, (const uint8_t *)"", 0),
		MCK_ERR_SIGNATURE);
	mck_pubkey_destroy(NULL);
	mck_privkey_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest plain[] = {
		cmocka_unit_test(test_alg_names),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_wycheproof_es256),
		cmocka_unit_test(test_wycheproof_es384),
		cmocka_unit_test(test_wycheproof_rs256),
		cmocka_unit_test(test_wycheproof_ps256),
		cmocka_unit_test(test_wycheproof_jws),
		cmocka_unit_test(test_cookbook_rs256),
		cmocka_unit_test(test_cookbook_ps384_es512),
	};
	const struct CMUnitTest with_keys[] = {
		cmocka_unit_test(test_sign_verify),    cmocka_unit_test(test_ecdsa_encoding),
		cmocka_unit_test(test_pem_round_trip), cmocka_unit_test(test_pem_inputs),
		cmocka_unit_test(test_key_checks),
	};
	int failed = cmocka_run_group_tests_name("crypto vectors", plain, NULL, NULL);

	failed += cmocka_run_group_tests_name("crypto round trips", with_keys, keys_setup,
					      keys_teardown);
	return failed;
}
