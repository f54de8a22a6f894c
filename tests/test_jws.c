/* JWS profile: header rules, signing round trip, payload caps, MC1 encoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jws.h"
#include "mck/err.h"
#include "mck/jwk.h"
#include "mck/jws_sign.h"
#include "mck/qrtext.h"

static struct mck_privkey *key;
static struct mck_pubkey *pub;
static char kid[MCK_KID_LEN + 1];

static int setup(void **state)
{
	struct mck_key_raw raw;
	uint8_t thumb[MCK_SHA256_LEN];

	(void)state;
	if (mck_privkey_generate(&key, MCK_KEY_EC_P256) != MCK_OK ||
	    mck_privkey_export_public(key, &raw) != MCK_OK ||
	    mck_pubkey_create(&pub, &raw) != MCK_OK) {
		return -1;
	}
	mck_jwk_thumbprint(&raw, thumb);
	mck_kid_encode(thumb, kid);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mck_privkey_destroy(key);
	mck_pubkey_destroy(pub);
	return 0;
}

/* Sign @p payload under @p header_fmt ("KID" stands for the kid) and parse the result. */
static int sign_and_parse(const char *header_fmt, const char *payload, bool zip,
			  struct mck_jws *jws, char **text, enum mck_reason *reason)
{
	char header[512];
	size_t len;

	const char *at = strstr(header_fmt, "KID");

	/* Substitute the kid for the placeholder "KID". */
	if (at == NULL) {
		snprintf(header, sizeof(header), "%s", header_fmt);
	} else {
		snprintf(header, sizeof(header), "%.*s%s%s", (int)(at - header_fmt), header_fmt,
			 kid, at + 3);
	}
	assert_int_equal(mck_jws_sign(key, MCK_ALG_ES256, header, (const uint8_t *)payload,
				      strlen(payload), zip, text, &len),
			 MCK_OK);
	return mck_jws_parse(jws, *text, len, reason, NULL, 0);
}

static void test_roundtrip(void **state)
{
	struct mck_jws jws;
	enum mck_reason reason;
	char *text;
	uint8_t out[128];
	size_t n;

	(void)state;
	assert_int_equal(sign_and_parse("{\"alg\":\"ES256\",\"kid\":\"KID\",\"zip\":\"DEF\"}",
					"{\"hello\":\"world\"}", true, &jws, &text, &reason),
			 0);
	assert_true(jws.zip);
	assert_true(jws.kid_is_thumbprint);
	assert_int_equal(mck_jws_verify(&jws, pub), MCK_OK);
	assert_int_equal(mck_jws_payload(&jws, out, sizeof(out) - 1, &n), MCK_OK);
	assert_int_equal(n, 17);
	assert_string_equal((char *)out, "{\"hello\":\"world\"}");
	/* over the cap */
	assert_int_equal(mck_jws_payload(&jws, out, 16, &n), MCK_ERR_TOOBIG);
	/* one changed payload character breaks the signature */
	text[strlen(text) / 2] ^= 1;
	if (mck_jws_parse(&jws, text, strlen(text), &reason, NULL, 0) == 0) {
		assert_int_equal(mck_jws_verify(&jws, pub), MCK_ERR_SIGNATURE);
	}
	free(text);
}

static void expect_header(const char *fmt, enum mck_reason want)
{
	struct mck_jws jws;
	enum mck_reason reason = MCK_REASON_COUNT;
	char *text;

	assert_int_equal(sign_and_parse(fmt, "{}", false, &jws, &text, &reason), -1);
	assert_int_equal(reason, want);
	free(text);
}

static void test_header_rules(void **state)
{
	(void)state;
	expect_header("{\"alg\":\"none\",\"kid\":\"KID\"}", MCK_REASON_ALG_NOT_ALLOWED);
	expect_header("{\"alg\":\"HS256\",\"kid\":\"KID\"}", MCK_REASON_ALG_NOT_ALLOWED);
	expect_header("{\"alg\":\"EdDSA\",\"kid\":\"KID\"}", MCK_REASON_ALG_NOT_ALLOWED);
	expect_header("{\"alg\":\"es256\",\"kid\":\"KID\"}", MCK_REASON_ALG_NOT_ALLOWED);
	expect_header("{\"kid\":\"KID\"}", MCK_REASON_MALFORMED);
	expect_header("{\"alg\":\"ES256\",\"kid\":\"KID\",\"crit\":[\"exp\"]}",
		      MCK_REASON_MALFORMED);
	expect_header("{\"alg\":\"ES256\",\"kid\":\"KID\",\"zip\":\"GZIP\"}", MCK_REASON_MALFORMED);
	expect_header("{\"alg\":\"ES256\",\"kid\":\"KID\",\"typ\":7}", MCK_REASON_MALFORMED);
	expect_header("{\"alg\":\"ES256\",\"x\":\"KID\"}", MCK_REASON_MALFORMED);
	expect_header("{\"alg\":\"ES256\",\"kid\":\"KID\",\"kid\":\"x\"}", MCK_REASON_MALFORMED);
	expect_header("[\"ES256\",\"KID\"]", MCK_REASON_MALFORMED);
	/* a byte-order mark or whitespace before "{" (credential-format.md §4) */
	expect_header("\xef\xbb\xbf{\"alg\":\"ES256\",\"kid\":\"KID\"}", MCK_REASON_MALFORMED);
	expect_header(" {\"alg\":\"ES256\",\"kid\":\"KID\"}", MCK_REASON_MALFORMED);
	expect_header("{\"alg\":\"ES256\",\"kid\":\"KID\",\"jwk\":{\"kty\":\"EC\"}}",
		      MCK_REASON_MALFORMED);
}

static void test_structure(void **state)
{
	static const char *const bad[] = {"",
					  "a.b",
					  "a.b.c.d",
					  ".e30.",
					  "eyJhbGciOiJFUzI1NiJ9=.e30.",
					  "eyJhbGciOiJFUzI1NiJ9.e30.AA==",
					  "e30.e30.\n"};
	struct mck_jws jws;
	enum mck_reason reason;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(mck_jws_parse(&jws, bad[i], strlen(bad[i]), &reason, NULL, 0), -1);
		assert_int_equal(reason, MCK_REASON_MALFORMED);
	}
}

static void test_kid_forms(void **state)
{
	struct mck_jws jws;
	enum mck_reason reason;
	char *text;

	(void)state;
	/* A kid that is not a thumbprint parses; it just cannot match a key. */
	assert_int_equal(sign_and_parse("{\"alg\":\"ES256\",\"kid\":\"key-1\"}", "{}", false, &jws,
					&text, &reason),
			 0);
	assert_true(jws.has_kid);
	assert_false(jws.kid_is_thumbprint);
	free(text);
}

static void test_mc1_encoding(void **state)
{
	const char *jws = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl-_";
	struct mck_qrtext *q = malloc(sizeof(*q));
	char out[256];
	char *text;
	size_t len;
	enum mck_reason reason;

	(void)state;
	assert_int_equal(mck_qrtext_encode("-.0A_z", 6, 0, 0, &text), MCK_OK);
	assert_string_equal(text, "MC1:/000103205077");
	free(text);
	assert_int_equal(mck_qrtext_encode("a b", 3, 0, 0, &text), MCK_ERR_INVAL);
	assert_int_equal(mck_qrtext_encode(jws, 3, 4, 3, &text), MCK_ERR_INVAL);
	mck_qrtext_init(q);
	for (unsigned i = 4; i >= 1; i--) { /* any order */
		assert_int_equal(mck_qrtext_encode(jws, strlen(jws), i, 4, &text), MCK_OK);
		assert_int_equal(mck_qrtext_add(q, text, strlen(text)), MCK_QRTEXT_CHUNK);
		free(text);
	}
	assert_int_equal(mck_qrtext_assemble(q, out, sizeof(out), &len, &reason), 0);
	assert_string_equal(out, jws);
	mck_qrtext_free(q);
	free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),    cmocka_unit_test(test_header_rules),
		cmocka_unit_test(test_structure),    cmocka_unit_test(test_kid_forms),
		cmocka_unit_test(test_mc1_encoding),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
