/* mck_imagefile: PNG and JPEG to 8-bit grey, with hostile input. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h> /* before cmocka.h */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <jpeglib.h>
#include <png.h>

#include "mck/image.h"
#include "support/imgcodec.h"

#define CASES MCK_FIXTURES "/cases"

/* ---- helpers ---------------------------------------------------------- */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 32);
}

static uint8_t *slurp(const char *path, size_t *len)
{
	uint8_t *buf = mck_test_slurp(path, len);

	assert_non_null(buf);
	assert_true(*len > 0);
	return buf;
}

static int file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t crc32_png(const uint8_t *p, size_t len)
{
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < len; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++) {
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
		}
	}
	return c ^ 0xffffffffu;
}

/* Appends a chunk with a correct CRC; returns the new length. */
static size_t png_chunk(uint8_t *buf, size_t at, const char *type, const uint8_t *data,
			uint32_t len)
{
	put_be32(buf + at, len);
	memcpy(buf + at + 4, type, 4);
	if (len) {
		memcpy(buf + at + 8, data, len);
	}
	put_be32(buf + at + 8 + len, crc32_png(buf + at + 4, 4 + (size_t)len));
	return at + 12 + len;
}

/* A PNG whose header claims width x height, followed by a token IDAT. */
static size_t png_claiming(uint8_t *buf, uint32_t width, uint32_t height)
{
	static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	/* zlib stream of a few zero bytes */
	static const uint8_t idat[] = {0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01};
	uint8_t ihdr[13] = {0};
	size_t n = 8;

	memcpy(buf, sig, 8);
	put_be32(ihdr, width);
	put_be32(ihdr + 4, height);
	ihdr[8] = 8; /* bit depth; colour type 0 (grey) */
	n = png_chunk(buf, n, "IHDR", ihdr, sizeof(ihdr));
	n = png_chunk(buf, n, "IDAT", idat, sizeof(idat));
	n = png_chunk(buf, n, "IEND", NULL, 0);
	return n;
}

static uint8_t *png_encode(const uint8_t *pixels, uint32_t w, uint32_t h, uint32_t format,
			   size_t *len)
{
	uint8_t *buf = mck_test_png_encode(pixels, w, h, format, len);

	assert_non_null(buf);
	return buf;
}

static uint8_t *jpeg_encode(const uint8_t *pixels, uint32_t w, uint32_t h, int components,
			    int quality, int progressive, size_t *len)
{
	uint8_t *buf = mck_test_jpeg_encode(pixels, w, h, components, quality, progressive, len);

	assert_non_null(buf);
	return buf;
}

static uint8_t *gradient(uint32_t w, uint32_t h)
{
	uint8_t *p = malloc((size_t)w * h);

	assert_non_null(p);
	for (uint32_t y = 0; y < h; y++) {
		for (uint32_t x = 0; x < w; x++) {
			p[(size_t)y * w + x] =
				(uint8_t)((x * 255u) / (w - 1) / 2 + (y * 127u) / (h - 1));
		}
	}
	return p;
}

static int errno_ok(int rc)
{
	return rc == -EINVAL || rc == -EFBIG || rc == -ENOMEM;
}

static void assert_empty(const struct mck_image *img)
{
	assert_null(img->pixels);
	assert_int_equal(img->width, 0);
	assert_int_equal(img->height, 0);
}

/* Decodes buf[0..len) expecting failure; the image must stay empty. */
static int decode_fails(const uint8_t *buf, size_t len)
{
	struct mck_image img = {7, 7, (uint8_t *)&img};
	int rc = mck_image_decode(&img, buf, len);

	if (rc == 0) {
		mck_image_free(&img);
		return 0;
	}
	assert_true(errno_ok(rc));
	assert_empty(&img);
	return rc;
}

/* ---- the vectors ------------------------------------------------------ */

static void test_fixture_pngs(void **state)
{
	DIR *dir = opendir(CASES);
	struct dirent *de;
	int checked = 0;

	(void)state;
	assert_non_null(dir);
	while ((de = readdir(dir)) != NULL) {
		char path[512];
		struct mck_image img;
		uint8_t *file;
		size_t len;
		size_t dark = 0;

		if (de->d_name[0] == '.') {
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s/input0.png", CASES, de->d_name);
		if (!file_exists(path)) {
			continue;
		}
		file = slurp(path, &len);
		assert_int_equal(mck_image_load(&img, path), 0);
		/* Dimensions straight from IHDR, read independently. */
		assert_int_equal(img.width, get_be32(file + 16));
		assert_int_equal(img.height, get_be32(file + 20));
		assert_non_null(img.pixels);
		for (size_t i = 0; i < (size_t)img.width * img.height; i++) {
			dark += img.pixels[i] < 128;
		}
		if (strcmp(de->d_name, "unreadable-no-code") != 0) {
			/* A code: white quiet zone in the corner, dark modules inside. */
			assert_int_equal(img.pixels[0], 255);
			assert_int_equal(img.pixels[(size_t)img.width * img.height - 1], 255);
			assert_true(dark > 0);
		}
		mck_image_free(&img);
		assert_empty(&img);
		free(file);
		checked++;
	}
	closedir(dir);
	assert_true(checked >= 17);
}

/* ---- PNG -------------------------------------------------------------- */

static void test_png_grey_exact(void **state)
{
	const uint32_t w = 37, h = 23;
	uint8_t px[37 * 23];
	struct mck_image img;
	uint8_t *png;
	size_t len;

	(void)state;
	for (size_t i = 0; i < sizeof(px); i++) {
		px[i] = (uint8_t)rng();
	}
	png = png_encode(px, w, h, PNG_FORMAT_GRAY, &len);
	assert_int_equal(mck_image_decode(&img, png, len), 0);
	assert_int_equal(img.width, w);
	assert_int_equal(img.height, h);
	assert_memory_equal(img.pixels, px, sizeof(px));
	mck_image_free(&img);
	free(png);
}

static void test_png_rgb_and_alpha(void **state)
{
	/* black, white, transparent (black underneath), half-grey opaque */
	const uint8_t rgba[4 * 4] = {0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255};
	const uint8_t rgb[4 * 3] = {0, 0, 0, 255, 255, 255, 10, 10, 10, 200, 200, 200};
	struct mck_image img;
	uint8_t *png;
	size_t len;

	(void)state;
	png = png_encode(rgba, 4, 1, PNG_FORMAT_RGBA, &len);
	assert_int_equal(mck_image_decode(&img, png, len), 0);
	assert_int_equal(img.pixels[0], 0);
	assert_int_equal(img.pixels[1], 255);
	assert_int_equal(img.pixels[2], 255); /* transparent reads as paper white */
	/* libpng mixes in linear light: red is 0.2126 linear, ~127 in sRGB
	 * (not the ~54 of a Rec. 601 luma sum on coded values). */
	assert_in_range(img.pixels[3], 120, 134);
	mck_image_free(&img);
	free(png);

	png = png_encode(rgb, 4, 1, PNG_FORMAT_RGB, &len);
	assert_int_equal(mck_image_decode(&img, png, len), 0);
	assert_int_equal(img.pixels[0], 0);
	assert_int_equal(img.pixels[1], 255);
	assert_int_equal(img.pixels[2], 10);
	assert_int_equal(img.pixels[3], 200);
	mck_image_free(&img);
	free(png);
}

static void test_png_size_limits(void **state)
{
	uint8_t buf[128];
	size_t n;

	(void)state;
	n = png_claiming(buf, 100000, 100000);
	assert_int_equal(decode_fails(buf, n), -EFBIG);
	n = png_claiming(buf, MCK_IMAGE_MAX_SIDE + 1, 1);
	assert_int_equal(decode_fails(buf, n), -EFBIG);
	n = png_claiming(buf, 1, MCK_IMAGE_MAX_SIDE + 1);
	assert_int_equal(decode_fails(buf, n), -EFBIG);
	n = png_claiming(buf, 4096, 3073); /* each side fine, total over */
	assert_int_equal(decode_fails(buf, n), -EFBIG);
	n = png_claiming(buf, 0x7fffffffu, 0x7fffffffu); /* libpng's own limit */
	assert_true(decode_fails(buf, n) < 0);
	n = png_claiming(buf, 0, 10);
	assert_int_equal(decode_fails(buf, n), -EINVAL);
	/* Within limits, but the pixel data is not there. */
	n = png_claiming(buf, 4096, 3072);
	assert_int_equal(decode_fails(buf, n), -EINVAL);
}

static void test_png_truncated(void **state)
{
	uint8_t *file;
	size_t len;
	int ok = 0;

	(void)state;
	file = slurp(CASES "/valid-es256-compact/input0.png", &len);
	for (size_t cut = 0; cut < len; cut++) {
		if (decode_fails(file, cut) == 0) {
			ok++;
			/* Only IEND (12 bytes) may be missing: the pixels are all there. */
			assert_true(cut >= len - 12);
		}
	}
	assert_int_equal(decode_fails(file, len / 2), -EINVAL);
	print_message("truncated PNG: %d of %zu cut points still decode (inside IEND)\n", ok, len);
	free(file);
}

/* ---- JPEG ------------------------------------------------------------- */

static void test_jpeg_grey(void **state)
{
	const uint32_t w = 64, h = 48;
	uint8_t *px = gradient(w, h);
	struct mck_image img;
	uint8_t *jpg;
	size_t len;

	(void)state;
	for (int progressive = 0; progressive < 2; progressive++) {
		jpg = jpeg_encode(px, w, h, 1, 95, progressive, &len);
		assert_int_equal(mck_image_decode(&img, jpg, len), 0);
		assert_int_equal(img.width, w);
		assert_int_equal(img.height, h);
		for (size_t i = 0; i < (size_t)w * h; i++) {
			assert_in_range(img.pixels[i], px[i] > 6 ? px[i] - 6 : 0, px[i] + 6);
		}
		mck_image_free(&img);
		free(jpg);
	}
	free(px);
}

static void test_jpeg_rgb(void **state)
{
	const uint32_t w = 40, h = 30;
	uint8_t rgb[40 * 30 * 3];
	struct mck_image img;
	uint8_t *jpg;
	size_t len;

	(void)state;
	/* left half black, right half white */
	for (uint32_t y = 0; y < h; y++) {
		for (uint32_t x = 0; x < w; x++) {
			memset(rgb + ((size_t)y * w + x) * 3, x < w / 2 ? 0 : 255, 3);
		}
	}
	jpg = jpeg_encode(rgb, w, h, 3, 90, 0, &len);
	assert_int_equal(mck_image_decode(&img, jpg, len), 0);
	assert_int_equal(img.width, w);
	assert_int_equal(img.height, h);
	assert_in_range(img.pixels[0], 0, 8);
	assert_in_range(img.pixels[w - 1], 247, 255);
	mck_image_free(&img);
	free(jpg);
}

/* Offset of the SOFn marker's height field, or 0. */
static size_t jpeg_sof(const uint8_t *jpg, size_t len)
{
	for (size_t i = 2; i + 9 < len; i++) {
		if (jpg[i] == 0xff && (jpg[i + 1] == 0xc0 || jpg[i + 1] == 0xc2)) {
			return i + 5;
		}
	}
	return 0;
}

static void test_jpeg_hostile(void **state)
{
	const uint32_t w = 64, h = 48;
	uint8_t *px = gradient(w, h);
	uint8_t *jpg;
	size_t len;
	size_t sof;

	(void)state;
	for (int progressive = 0; progressive < 2; progressive++) {
		jpg = jpeg_encode(px, w, h, 1, 80, progressive, &len);
		/* Every truncation fails: libjpeg pads a short file with grey
		 * and only warns, which the decoder treats as corrupt. */
		for (size_t cut = 0; cut < len; cut++) {
			assert_true(decode_fails(jpg, cut) < 0);
		}
		sof = jpeg_sof(jpg, len);
		assert_true(sof > 0);
		/* height, width = 60000 x 60000 */
		jpg[sof] = 0xea;
		jpg[sof + 1] = 0x60;
		jpg[sof + 2] = 0xea;
		jpg[sof + 3] = 0x60;
		assert_int_equal(decode_fails(jpg, len), -EFBIG);
		/* height 0 (a DNL-defined height, which libjpeg refuses) */
		jpg[sof] = 0;
		jpg[sof + 1] = 0;
		jpg[sof + 2] = 0;
		jpg[sof + 3] = 64;
		assert_int_equal(decode_fails(jpg, len), -EINVAL);
		free(jpg);
	}
	free(px);
}

/* ---- any bytes ---------------------------------------------------------- */

static void test_garbage(void **state)
{
	static const uint8_t png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	static const uint8_t jpeg_sig[3] = {0xff, 0xd8, 0xff};
	struct mck_image img = {1, 2, NULL};
	uint8_t buf[4096];
	uint8_t *big;

	(void)state;
	memset(buf, 0, sizeof(buf));
	assert_int_equal(mck_image_decode(NULL, buf, sizeof(buf)), -EINVAL);
	assert_int_equal(mck_image_decode(&img, NULL, 10), -EINVAL);
	assert_empty(&img);
	assert_int_equal(decode_fails(buf, 0), -EINVAL);
	assert_int_equal(decode_fails((const uint8_t *)"GIF89a", 6), -EINVAL);
	for (int round = 0; round < 200; round++) {
		size_t n = 1 + rng() % sizeof(buf);

		for (size_t i = 0; i < n; i++) {
			buf[i] = (uint8_t)rng();
		}
		if (round % 3 == 1) {
			memcpy(buf, png_sig, sizeof(png_sig));
		} else if (round % 3 == 2) {
			memcpy(buf, jpeg_sig, sizeof(jpeg_sig));
		}
		assert_true(decode_fails(buf, n) < 0);
	}
	/* The file cap applies to memory as well, before any parsing. */
	big = calloc(1, (size_t)MCK_IMAGE_MAX_FILE + 1);
	assert_non_null(big);
	memcpy(big, png_sig, sizeof(png_sig));
	assert_int_equal(decode_fails(big, (size_t)MCK_IMAGE_MAX_FILE + 1), -EFBIG);
	free(big);
}

/* Flip a few bytes of valid files many times: whatever comes back must be
 * a clean error or a well-formed image (sanitizers watch the rest). */
static void test_mutations(void **state)
{
	const uint32_t w = 48, h = 40;
	uint8_t *px = gradient(w, h);
	uint8_t *seeds[3];
	size_t lens[3];
	int decoded = 0;

	(void)state;
	seeds[0] = png_encode(px, w, h, PNG_FORMAT_GRAY, &lens[0]);
	seeds[1] = jpeg_encode(px, w, h, 1, 75, 0, &lens[1]);
	seeds[2] = jpeg_encode(px, w, h, 1, 75, 1, &lens[2]);
	for (int round = 0; round < 3000; round++) {
		int s = round % 3;
		uint8_t *buf = malloc(lens[s]);
		struct mck_image img;
		int flips = 1 + (int)(rng() % 8);
		int rc;

		assert_non_null(buf);
		memcpy(buf, seeds[s], lens[s]);
		for (int k = 0; k < flips; k++) {
			/* keep the signature so that the decoders are reached */
			size_t at = 3 + rng() % (lens[s] - 3);

			buf[at] = (uint8_t)rng();
		}
		rc = mck_image_decode(&img, buf, lens[s]);
		if (rc == 0) {
			assert_non_null(img.pixels);
			assert_in_range(img.width, 1, MCK_IMAGE_MAX_SIDE);
			assert_in_range(img.height, 1, MCK_IMAGE_MAX_SIDE);
			/* touch every byte so ASan checks the size */
			for (size_t i = 0; i < (size_t)img.width * img.height; i++) {
				img.pixels[i] ^= 1;
			}
			decoded++;
		} else {
			assert_true(errno_ok(rc));
			assert_empty(&img);
		}
		mck_image_free(&img);
		free(buf);
	}
	print_message("mutations: %d of 3000 still decoded\n", decoded);
	for (int s = 0; s < 3; s++) {
		free(seeds[s]);
	}
	free(px);
}

/* ---- files ------------------------------------------------------------ */

static char tmpdir[256];

static int make_tmpdir(void **state)
{
	const char *base = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/mck-image-XXXXXX", base && *base ? base : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	static const char *const names[] = {"fifo", "empty", "big", "ok.png"};
	char path[512];

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", tmpdir, names[i]);
		unlink(path);
	}
	return rmdir(tmpdir);
}

static void tmp_path(char *path, size_t size, const char *name)
{
	snprintf(path, size, "%s/%s", tmpdir, name);
}

static void test_load_files(void **state)
{
	struct mck_image img = {3, 3, NULL};
	char path[512];
	uint8_t *file;
	size_t len;
	int fd;

	(void)state;
	assert_int_equal(mck_image_load(&img, CASES "/no-such-case/input0.png"), -ENOENT);
	assert_empty(&img);
	assert_int_equal(mck_image_load(&img, NULL), -EINVAL);
	assert_int_equal(mck_image_load(NULL, "x"), -EINVAL);
	assert_int_equal(mck_image_load(&img, CASES), -EISDIR);
	assert_int_equal(mck_image_load(&img, "/dev/null"), -EINVAL);

	/* A FIFO with no writer: rejected at once, not waited on. */
	tmp_path(path, sizeof(path), "fifo");
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(mck_image_load(&img, path), -EINVAL);

	tmp_path(path, sizeof(path), "empty");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(mck_image_load(&img, path), -EINVAL);

	/* Sparse, so no disk is used; the size alone is refused. */
	tmp_path(path, sizeof(path), "big");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)MCK_IMAGE_MAX_FILE + 1), 0);
	close(fd);
	assert_int_equal(mck_image_load(&img, path), -EFBIG);
	assert_empty(&img);

	/* A copy of a vector loads like the original. */
	file = slurp(CASES "/valid-unicode/input0.png", &len);
	tmp_path(path, sizeof(path), "ok.png");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, file, len), (ssize_t)len);
	close(fd);
	assert_int_equal(mck_image_load(&img, path), 0);
	assert_int_equal(img.width, get_be32(file + 16));
	mck_image_free(&img);
	free(file);
}

static void test_image_free(void **state)
{
	struct mck_image img = {0, 0, NULL};

	(void)state;
	mck_image_free(NULL);
	mck_image_free(&img);
	mck_image_free(&img);
	assert_empty(&img);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_pngs),
		cmocka_unit_test(test_png_grey_exact),
		cmocka_unit_test(test_png_rgb_and_alpha),
		cmocka_unit_test(test_png_size_limits),
		cmocka_unit_test(test_png_truncated),
		cmocka_unit_test(test_jpeg_grey),
		cmocka_unit_test(test_jpeg_rgb),
		cmocka_unit_test(test_jpeg_hostile),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test_setup_teardown(test_load_files, make_tmpdir, remove_tmpdir),
		cmocka_unit_test(test_image_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
