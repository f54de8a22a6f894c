/* QR codes for mcissue: MC1-aware segments (libqrencode) and PNG output (libpng). */
#define _POSIX_C_SOURCE 200809L

#include "issue_qr.h"

#include <errno.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MC1_PREFIX     "MC1:/"
#define MC1_PREFIX_LEN 5

/*
 * Where the digit run of an MC1 text starts, or 0 when the text is not
 * "MC1:/<alphanumeric>...<digits>". The prefix ("MC1:/" or "MC1:/i/n/") fits
 * the alphanumeric set, the digits the numeric one: about 3.3 bits per digit
 * instead of 8 (credential-format.md §1).
 */
static size_t mc1_digits_at(const char *text, size_t len)
{
	size_t at = len;

	if (len <= MC1_PREFIX_LEN || memcmp(text, MC1_PREFIX, MC1_PREFIX_LEN) != 0) {
		return 0;
	}
	while (at > MC1_PREFIX_LEN && text[at - 1] >= '0' && text[at - 1] <= '9') {
		at--;
	}
	if (at == len || QRinput_check(QR_MODE_AN, (int)at, (const unsigned char *)text) != 0) {
		return 0;
	}
	return at;
}

QRcode *mck_issue_qr_encode(const char *text, size_t len, QRecLevel level)
{
	const unsigned char *data = (const unsigned char *)text;
	QRinput *input;
	QRcode *code = NULL;
	size_t at;
	int rc;

	if (len == 0 || len > 8192) {
		errno = len == 0 ? EINVAL : ERANGE;
		return NULL;
	}
	input = QRinput_new2(0, level);
	if (input == NULL) {
		return NULL;
	}
	at = mc1_digits_at(text, len);
	if (at > 0) {
		rc = QRinput_append(input, QR_MODE_AN, (int)at, data);
		if (rc == 0) {
			rc = QRinput_append(input, QR_MODE_NUM, (int)(len - at), data + at);
		}
	} else {
		rc = QRinput_append(input, QR_MODE_8, (int)len, data);
	}
	if (rc == 0) {
		code = QRcode_encodeInput(input);
	}
	QRinput_free(input);
	return code;
}

bool mck_issue_qr_fits(const char *text, size_t len, QRecLevel level)
{
	QRcode *code = mck_issue_qr_encode(text, len, level);

	QRcode_free(code);
	return code != NULL;
}

int mck_issue_qr_write_png(const QRcode *const *codes, size_t count, unsigned scale,
			   const char *path, char *msg, size_t cap)
{
	size_t width = 0;
	size_t height = 0;
	size_t left = 0;
	uint8_t *pixels;
	png_image img;
	int rc = -1;

	if (scale == 0 || scale > MCK_ISSUE_QR_SCALE_MAX || count == 0) {
		snprintf(msg, cap, "scale %u is outside 1..%d", scale, MCK_ISSUE_QR_SCALE_MAX);
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		size_t side = ((size_t)codes[i]->width + 2 * MCK_ISSUE_QR_QUIET) * scale;

		width += side;
		height = side > height ? side : height;
	}
	pixels = malloc(width * height);
	if (pixels == NULL) {
		snprintf(msg, cap, "out of memory");
		return -1;
	}
	memset(pixels, 0xff, width * height);
	for (size_t i = 0; i < count; i++) {
		const QRcode *code = codes[i];
		size_t w = (size_t)code->width;

		for (size_t y = 0; y < w; y++) {
			for (size_t x = 0; x < w; x++) {
				/* Bit 0 of each module is "dark"; the rest is libqrencode's bookkeeping. */
				if ((code->data[y * w + x] & 1) == 0) {
					continue;
				}
				for (size_t dy = 0; dy < scale; dy++) {
					uint8_t *row = pixels + ((y + MCK_ISSUE_QR_QUIET) * scale +
								 dy) * width;

					memset(row + left + (x + MCK_ISSUE_QR_QUIET) * scale, 0,
					       scale);
				}
			}
		}
		left += (w + 2 * MCK_ISSUE_QR_QUIET) * scale;
	}
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = (png_uint_32)width;
	img.height = (png_uint_32)height;
	img.format = PNG_FORMAT_GRAY;
	if (png_image_write_to_file(&img, path, 0, pixels, 0, NULL) != 0) {
		rc = 0;
	} else {
		snprintf(msg, cap, "%s", img.message[0] != '\0' ? img.message : "cannot write PNG");
	}
	png_image_free(&img);
	free(pixels);
	return rc;
}
