/* Strict base64url: RFC 4648 vectors, padding, alphabet, canonical trailing bits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mck/b64url.h"
#include "mck/err.h"

static void roundtrip(const char *plain, const char *enc)
{
	char out[64];
	uint8_t dec[64];
	size_t n;

	assert_int_equal(mck_b64url_encode((const uint8_t *)plain, strlen(plain), out, sizeof(out)),
			 MCK_OK);
	assert_string_equal(out, enc);
	assert_int_equal(mck_b64url_encoded_len(strlen(plain)), strlen(enc));
	assert_int_equal(mck_b64url_decode(enc, strlen(enc), dec, sizeof(dec), &n), MCK_OK);
	assert_int_equal(n, strlen(plain));
	assert_memory_equal(dec, plain, n);
}

static void test_rfc4648_vectors(void **state)
{
	(void)state;
	roundtrip("", "");
	roundtrip("f", "Zg");
	roundtrip("fo", "Zm8");
	roundtrip("foo", "Zm9v");
	roundtrip("foob", "Zm9vYg");
	roundtrip("fooba", "Zm9vYmE");
	roundtrip("foobar", "Zm9vYmFy");
	roundtrip("\xfb\xff", "-_8");
}

static int decode(const char *s)
{
	uint8_t out[64];
	size_t n;

	return mck_b64url_decode(s, strlen(s), out, sizeof(out), &n);
}

static void test_rejects_non_canonical(void **state)
{
	(void)state;
	assert_int_equal(decode("Zg=="), MCK_ERR_ENCODING);    /* padding */
	assert_int_equal(decode("Zm9v+/8"), MCK_ERR_ENCODING); /* standard alphabet */
	assert_int_equal(decode("Zm 9v"), MCK_ERR_ENCODING);
	assert_int_equal(decode("Z"), MCK_ERR_ENCODING);   /* impossible length */
	assert_int_equal(decode("Zh"), MCK_ERR_ENCODING);  /* "f" with stray low bits */
	assert_int_equal(decode("Zm9"), MCK_ERR_ENCODING); /* "fo" with stray low bits */
	assert_int_equal(decode("Zg"), MCK_OK);
}

static void test_capacity(void **state)
{
	uint8_t out[2];
	char enc[4];
	size_t n = 99;

	(void)state;
	assert_int_equal(mck_b64url_decode("Zm9v", 4, out, sizeof(out), &n), MCK_ERR_TOOBIG);
	assert_int_equal(n, 0);
	/* encoding "foo" needs 4 characters and the NUL */
	assert_int_equal(mck_b64url_encode((const uint8_t *)"foo", 3, enc, sizeof(enc)),
			 MCK_ERR_TOOBIG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4648_vectors),
		cmocka_unit_test(test_rejects_non_canonical),
		cmocka_unit_test(test_capacity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
