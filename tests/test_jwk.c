/* JWK reading and RFC 7638 thumbprints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mck/err.h"
#include "mck/jwk.h"

/* RFC 7638 §3.1: the example RSA key and its thumbprint. */
static const char rfc7638_key[] =
	"{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86"
	"zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_"
	"RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91"
	"CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-"
	"kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";

static void test_rfc7638_example(void **state)
{
	cJSON *jwk = cJSON_Parse(rfc7638_key);
	struct mck_key_raw raw;
	uint8_t thumb[MCK_SHA256_LEN];
	char kid[MCK_KID_LEN + 1];
	uint8_t back[MCK_SHA256_LEN];

	(void)state;
	assert_int_equal(mck_jwk_read(jwk, &raw), MCK_OK);
	assert_int_equal(raw.type, MCK_KEY_RSA);
	assert_int_equal(raw.alen, 256);
	mck_jwk_thumbprint(&raw, thumb);
	mck_kid_encode(thumb, kid);
	assert_string_equal(kid, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
	assert_int_equal(mck_kid_decode(kid, back), MCK_OK);
	assert_memory_equal(back, thumb, MCK_SHA256_LEN);
	assert_int_equal(mck_kid_decode("2011-04-29", back), MCK_ERR_ENCODING);
	cJSON_Delete(jwk);
}

static int read_json(const char *json)
{
	cJSON *jwk = cJSON_Parse(json);
	struct mck_key_raw raw;
	int rc;

	assert_non_null(jwk);
	rc = mck_jwk_read(jwk, &raw);
	cJSON_Delete(jwk);
	return rc;
}

static void test_rejections(void **state)
{
	char buf[2048];

	(void)state;
	/* private members */
	snprintf(buf, sizeof(buf), "%.*s,\"d\":\"AQAB\"}", (int)strlen(rfc7638_key) - 1,
		 rfc7638_key);
	assert_int_equal(read_json(buf), MCK_ERR_KEY);
	/* an EC coordinate of the wrong width, an unknown curve, a symmetric key */
	assert_int_equal(
		read_json("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AQAB\",\"y\":\"AQAB\"}"),
		MCK_ERR_KEY);
	assert_int_equal(
		read_json("{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AQAB\",\"y\":\"AQAB\"}"),
		MCK_ERR_KEY);
	assert_int_equal(read_json("{\"kty\":\"oct\",\"k\":\"AQAB\"}"), MCK_ERR_KEY);
	assert_int_equal(read_json("{\"kty\":1}"), MCK_ERR_JSON);
	assert_int_equal(read_json("{}"), MCK_ERR_KEY);
	/* RSA modulus under 2048 bits */
	assert_int_equal(read_json("{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXE"
				   "ps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPeb"
				   "WKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w"
				   "6Cf0h4QyQ5v-65YGjQ\",\"e\":\"AQAB\"}"),
			 MCK_ERR_KEY);
	/* a leading zero byte in n is not minimal (RFC 7518 §6.3.1.1) */
	snprintf(buf, sizeof(buf), "{\"kty\":\"RSA\",\"n\":\"AA%s",
		 strstr(rfc7638_key, "\"n\":\"") + 5);
	assert_int_equal(read_json(buf), MCK_ERR_KEY);
}

static int restriction(const char *json, enum mck_alg *alg)
{
	cJSON *jwk = cJSON_Parse(json);
	int rc;

	assert_non_null(jwk);
	rc = mck_jwk_restriction(jwk, alg);
	cJSON_Delete(jwk);
	return rc;
}

static void test_restrictions(void **state)
{
	enum mck_alg alg = MCK_ALG_PS256;

	(void)state;
	assert_int_equal(restriction("{}", &alg), MCK_OK);
	assert_int_equal(alg, 0);
	assert_int_equal(restriction("{\"use\":\"sig\",\"alg\":\"ES256\"}", &alg), MCK_OK);
	assert_int_equal(alg, MCK_ALG_ES256);
	assert_int_equal(restriction("{\"key_ops\":[\"sign\",\"verify\"]}", &alg), MCK_OK);
	assert_int_equal(restriction("{\"use\":\"enc\"}", &alg), MCK_ERR_KEY);
	assert_int_equal(restriction("{\"key_ops\":[\"encrypt\"]}", &alg), MCK_ERR_KEY);
	assert_int_equal(restriction("{\"key_ops\":\"verify\"}", &alg), MCK_ERR_KEY);
	assert_int_equal(restriction("{\"alg\":\"HS256\"}", &alg), MCK_ERR_KEY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc7638_example),
		cmocka_unit_test(test_rejections),
		cmocka_unit_test(test_restrictions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
