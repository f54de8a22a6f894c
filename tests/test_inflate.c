/* Bounded decompression: caps, truncation, trailing bytes, both formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "mck/err.h"
#include "mck/inflate.h"

static size_t compress_into(const uint8_t *in, size_t len, uint8_t *out, size_t cap, int bits)
{
	z_stream zs;

	memset(&zs, 0, sizeof(zs));
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)len;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t n = zs.total_out;
	deflateEnd(&zs);
	return n;
}

static void test_cap_boundaries(void **state)
{
	uint8_t *plain = calloc(1, 70000);
	uint8_t z[4096];
	uint8_t *out = malloc(70000);
	size_t zlen;
	size_t n;

	(void)state;
	memset(plain, 'A', 70000);
	zlen = compress_into(plain, 65536, z, sizeof(z), -15);
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, z, zlen, out, 65536, &n), MCK_OK);
	assert_int_equal(n, 65536);
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, z, zlen, out, 65535, &n), MCK_ERR_TOOBIG);
	assert_int_equal(n, 0);
	zlen = compress_into(plain, 70000, z, sizeof(z), -15);
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, z, zlen, out, 65536, &n), MCK_ERR_TOOBIG);
	free(plain);
	free(out);
}

static void test_corruption(void **state)
{
	const uint8_t text[] = "the quick brown fox jumps over the lazy dog";
	uint8_t z[256];
	uint8_t zz[257];
	uint8_t out[256];
	size_t zlen;
	size_t n;

	(void)state;
	zlen = compress_into(text, sizeof(text), z, sizeof(z), -15);
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, z, zlen, out, sizeof(out), &n), MCK_OK);
	assert_memory_equal(out, text, sizeof(text));
	/* truncated */
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, z, zlen - 2, out, sizeof(out), &n),
			 MCK_ERR_ENCODING);
	/* trailing byte */
	memcpy(zz, z, zlen);
	zz[zlen] = 0;
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, zz, zlen + 1, out, sizeof(out), &n),
			 MCK_ERR_ENCODING);
	/* a zlib header where raw DEFLATE is expected */
	zlen = compress_into(text, sizeof(text), z, sizeof(z), 15);
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, z, zlen, out, sizeof(out), &n),
			 MCK_ERR_ENCODING);
	/* random bytes */
	for (size_t i = 0; i < sizeof(zz); i++) {
		zz[i] = (uint8_t)(i * 97u + 13u);
	}
	assert_int_not_equal(mck_inflate(MCK_INFLATE_RAW, zz, sizeof(zz), out, sizeof(out), &n),
			     MCK_OK);
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, zz, 0, out, sizeof(out), &n),
			 MCK_ERR_ENCODING);
}

static void test_gzip(void **state)
{
	const uint8_t text[] = "bitstring";
	uint8_t z[256];
	uint8_t out[64];
	size_t zlen;
	size_t n;

	(void)state;
	zlen = compress_into(text, sizeof(text), z, sizeof(z), 15 + 16);
	assert_int_equal(mck_inflate(MCK_INFLATE_GZIP, z, zlen, out, sizeof(out), &n), MCK_OK);
	assert_int_equal(n, sizeof(text));
	assert_int_equal(mck_inflate(MCK_INFLATE_RAW, z, zlen, out, sizeof(out), &n),
			 MCK_ERR_ENCODING);
	z[zlen - 1] ^= 0xff; /* ISIZE trailer */
	assert_int_equal(mck_inflate(MCK_INFLATE_GZIP, z, zlen, out, sizeof(out), &n),
			 MCK_ERR_ENCODING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cap_boundaries),
		cmocka_unit_test(test_corruption),
		cmocka_unit_test(test_gzip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
