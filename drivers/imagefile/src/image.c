/*
 * Still images (PNG, JPEG) decoded to 8-bit grey for the QR decoder.
 *
 * Every byte of the input is untrusted: the type is sniffed from the
 * signature, the dimensions are checked against the limits in image.h before
 * any pixel buffer is allocated, and neither libpng nor libjpeg is allowed to
 * print or exit.
 */
#define _POSIX_C_SOURCE 200809L

#include "mck/image.h"
#include "mck/io.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h> /* jpeglib.h needs FILE and size_t */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>
#include <png.h>

#include <jerror.h> /* JERR_* codes; after jpeglib.h */

/* A progressive JPEG may have any number of scans, each one a full pass over
 * the coefficients: cap them as djpeg's -maxscans does (libjpeg-turbo's
 * advice against CPU exhaustion). Baseline files have one scan per component.
 */
#define JPEG_MAX_SCANS 100

/* libjpeg's own allocations (progressive coefficient buffers included). */
#define JPEG_MAX_MEMORY (256L * 1024L * 1024L)

static const uint8_t png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
static const uint8_t jpeg_sig[3] = {0xff, 0xd8, 0xff};

static int has_prefix(const uint8_t *data, size_t len, const uint8_t *sig, size_t sig_len)
{
	return len >= sig_len && memcmp(data, sig, sig_len) == 0;
}

/* Checks the dimensions against the limits and returns the buffer size. */
static int check_size(uint32_t width, uint32_t height, size_t *bytes)
{
	if (width == 0 || height == 0) {
		return -EINVAL;
	}
	if (width > MCK_IMAGE_MAX_SIDE || height > MCK_IMAGE_MAX_SIDE) {
		return -EFBIG;
	}
	/* Both sides fit in 14 bits here, but do not rely on it. */
	if ((size_t)width > SIZE_MAX / height) {
		return -EFBIG;
	}
	if ((size_t)width * height > MCK_IMAGE_MAX_PIXELS) {
		return -EFBIG;
	}
	*bytes = (size_t)width * height;
	return 0;
}

static int decode_png(struct mck_image *img, const uint8_t *data, size_t len)
{
	/* Transparent pixels become paper white, not black. */
	static const png_color white = {0xff, 0xff, 0xff};
	png_image png;
	uint8_t *pixels = NULL;
	size_t bytes;
	int rc;

	memset(&png, 0, sizeof(png));
	png.version = PNG_IMAGE_VERSION;

	/* Reads the chunks up to the first IDAT only; nothing sized by the
	 * image is allocated yet. */
	if (!png_image_begin_read_from_memory(&png, data, len)) {
		rc = -EINVAL;
		goto out;
	}
	rc = check_size(png.width, png.height, &bytes);
	if (rc < 0) {
		goto out;
	}
	pixels = malloc(bytes);
	if (!pixels) {
		rc = -ENOMEM;
		goto out;
	}
	png.format = PNG_FORMAT_GRAY;
	if (!png_image_finish_read(&png, &white, pixels, (png_int_32)png.width, NULL)) {
		rc = -EINVAL;
		goto out;
	}
	img->width = png.width;
	img->height = png.height;
	img->pixels = pixels;
	pixels = NULL;
	rc = 0;
out:
	/* Harmless after a successful finish_read, required after a failure. */
	png_image_free(&png);
	free(pixels);
	return rc;
}

struct jpeg_guard {
	struct jpeg_error_mgr pub; /* first: libjpeg hands us &pub */
	struct jpeg_progress_mgr progress;
	jmp_buf env;
	int rc;
};

static void jpeg_fail(j_common_ptr cinfo, int rc)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;

	g->rc = rc;
	longjmp(g->env, 1);
}

static void jpeg_on_error(j_common_ptr cinfo)
{
	switch (cinfo->err->msg_code) {
	case JERR_OUT_OF_MEMORY:
		jpeg_fail(cinfo, -ENOMEM);
		break;
	case JERR_IMAGE_TOO_BIG:
	case JERR_WIDTH_OVERFLOW:
		jpeg_fail(cinfo, -EFBIG);
		break;
	default:
		jpeg_fail(cinfo, -EINVAL);
		break;
	}
}

/* Warnings are corrupt data (a truncated file decodes as grey padding after
 * JWRN_JPEG_EOF): fail closed rather than scan a made-up picture. Trace
 * messages (level >= 0) are ignored. */
static void jpeg_on_message(j_common_ptr cinfo, int msg_level)
{
	if (msg_level < 0) {
		jpeg_fail(cinfo, -EINVAL);
	}
}

static void jpeg_on_output(j_common_ptr cinfo)
{
	(void)cinfo; /* never print */
}

static void jpeg_on_progress(j_common_ptr cinfo)
{
	if (cinfo->is_decompressor &&
	    ((j_decompress_ptr)cinfo)->input_scan_number > JPEG_MAX_SCANS) {
		jpeg_fail(cinfo, -EINVAL);
	}
}

/* Locals changed between setjmp and longjmp live here, behind a pointer, so
 * that their values survive the jump (C11 7.13.2.1). */
struct jpeg_state {
	struct jpeg_decompress_struct cinfo;
	struct jpeg_guard guard;
	uint8_t *pixels;
};

static int decode_jpeg(struct mck_image *img, const uint8_t *data, size_t len)
{
	struct jpeg_state *st;
	struct jpeg_decompress_struct *cinfo;
	size_t bytes;
	int rc;

	st = calloc(1, sizeof(*st));
	if (!st) {
		return -ENOMEM;
	}
	cinfo = &st->cinfo;
	cinfo->err = jpeg_std_error(&st->guard.pub);
	st->guard.pub.error_exit = jpeg_on_error;
	st->guard.pub.emit_message = jpeg_on_message;
	st->guard.pub.output_message = jpeg_on_output;
	st->guard.rc = -EINVAL;
	if (setjmp(st->guard.env)) {
		rc = st->guard.rc;
		goto out;
	}

	jpeg_create_decompress(cinfo);
	cinfo->mem->max_memory_to_use = JPEG_MAX_MEMORY;
	st->guard.progress.progress_monitor = jpeg_on_progress;
	cinfo->progress = &st->guard.progress;
	jpeg_mem_src(cinfo, data, (unsigned long)len);

	if (jpeg_read_header(cinfo, TRUE) != JPEG_HEADER_OK) {
		rc = -EINVAL;
		goto out;
	}
	/* The frame header's dimensions, before anything is sized by them. */
	rc = check_size(cinfo->image_width, cinfo->image_height, &bytes);
	if (rc < 0) {
		goto out;
	}
	cinfo->out_color_space = JCS_GRAYSCALE;
	cinfo->scale_num = 1;
	cinfo->scale_denom = 1;
	jpeg_start_decompress(cinfo);
	if (cinfo->output_components != 1 || cinfo->output_width != cinfo->image_width ||
	    cinfo->output_height != cinfo->image_height) {
		rc = -EINVAL;
		goto out;
	}
	st->pixels = malloc(bytes);
	if (!st->pixels) {
		rc = -ENOMEM;
		goto out;
	}
	while (cinfo->output_scanline < cinfo->output_height) {
		JSAMPROW row = st->pixels + (size_t)cinfo->output_scanline * cinfo->output_width;

		if (jpeg_read_scanlines(cinfo, &row, 1) != 1) {
			rc = -EINVAL; /* suspension: cannot happen with a memory source */
			goto out;
		}
	}
	jpeg_finish_decompress(cinfo);

	img->width = cinfo->output_width;
	img->height = cinfo->output_height;
	img->pixels = st->pixels;
	st->pixels = NULL;
	rc = 0;
out:
	/* Safe at any stage: it does nothing while cinfo->mem is still NULL. */
	jpeg_destroy_decompress(cinfo);
	free(st->pixels);
	free(st);
	return rc;
}

int mck_image_decode(struct mck_image *img, const uint8_t *data, size_t len)
{
	if (!img) {
		return -EINVAL;
	}
	img->width = 0;
	img->height = 0;
	img->pixels = NULL;
	if (!data || len == 0) {
		return -EINVAL;
	}
	/* The file cap holds for memory too; it also keeps len within the
	 * unsigned long that jpeg_mem_src takes. */
	if (len > MCK_IMAGE_MAX_FILE) {
		return -EFBIG;
	}
	if (has_prefix(data, len, png_sig, sizeof(png_sig))) {
		return decode_png(img, data, len);
	}
	if (has_prefix(data, len, jpeg_sig, sizeof(jpeg_sig))) {
		return decode_jpeg(img, data, len);
	}
	return -EINVAL;
}

/* Reads a whole regular file of at most MCK_IMAGE_MAX_FILE bytes (never a FIFO, device or link). */
static int read_file(const char *path, uint8_t **data, size_t *len)
{
	char *buf = NULL;
	int rc = mck_io_read_file(path, MCK_IMAGE_MAX_FILE, &buf, len);

	if (rc == 0 && *len == 0) {
		free(buf);
		return -EINVAL;
	}
	*data = (uint8_t *)buf;
	return rc;
}

int mck_image_load(struct mck_image *img, const char *path)
{
	uint8_t *data = NULL;
	size_t len = 0;
	int rc;

	if (!img) {
		return -EINVAL;
	}
	img->width = 0;
	img->height = 0;
	img->pixels = NULL;
	if (!path) {
		return -EINVAL;
	}
	rc = read_file(path, &data, &len);
	if (rc < 0) {
		return rc;
	}
	rc = mck_image_decode(img, data, len);
	free(data);
	return rc;
}

void mck_image_free(struct mck_image *img)
{
	if (!img) {
		return;
	}
	free(img->pixels);
	img->pixels = NULL;
	img->width = 0;
	img->height = 0;
}
