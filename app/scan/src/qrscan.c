/*
 * QR codes in grey frames, with ZBar.
 *
 * Only the QR symbology is enabled (fewer false reads, less time per frame),
 * and ZBAR_CFG_BINARY makes ZBar hand over the bytes of the code as they
 * are: without it, text that is not UTF-8 is re-encoded (Latin-1, Shift-JIS
 * guesses), which would change what a signature covers.
 */
#include "mck/qrscan.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <zbar.h>

struct mck_qrscan {
	zbar_image_scanner_t *scanner;
};

/* A scanner for QR codes only, passing their bytes through unchanged. */
static zbar_image_scanner_t *scanner_new(void)
{
	zbar_image_scanner_t *zs = zbar_image_scanner_create();

	if (!zs) {
		return NULL;
	}
	/* Symbology 0 addresses all of them. */
	if (zbar_image_scanner_set_config(zs, 0, ZBAR_CFG_ENABLE, 0) != 0 ||
	    zbar_image_scanner_set_config(zs, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1) != 0 ||
	    zbar_image_scanner_set_config(zs, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1) != 0) {
		zbar_image_scanner_destroy(zs);
		return NULL;
	}
	return zs;
}

struct mck_qrscan *mck_qrscan_create(void)
{
	struct mck_qrscan *scan;

	scan = calloc(1, sizeof(*scan));
	if (!scan) {
		return NULL;
	}
	scan->scanner = scanner_new();
	if (!scan->scanner) {
		free(scan);
		return NULL;
	}
	return scan;
}

void mck_qrscan_destroy(struct mck_qrscan *scan)
{
	if (!scan) {
		return;
	}
	if (scan->scanner) {
		zbar_image_scanner_destroy(scan->scanner);
	}
	free(scan);
}

/*
 * ZBar 0.23.92 holds on to every QR code it decodes: the symbol, its corner
 * points and, for texts under 1 KiB, the text (about 150-300 bytes) end up
 * on the scanner's recycle lists, which are not capped ("FIXME cap bucket
 * fill" in img_scanner.c) and from which its QR decoder, asking for a symbol
 * without data, does not take them back. Only zbar_image_scanner_destroy
 * frees them, so LeakSanitizer sees nothing, but a code held before a 30 fps
 * camera would grow the heap by some 20 MB an hour. A fresh scanner costs
 * about 5 us against 10-90 ms for the scan: replace it after every frame
 * that decoded anything. If that fails, keep the old one: it still works.
 */
static void renew(struct mck_qrscan *scan)
{
	zbar_image_scanner_t *fresh = scanner_new();

	if (fresh) {
		zbar_image_scanner_destroy(scan->scanner);
		scan->scanner = fresh;
	}
}

static int seen(const struct mck_qrscan_result *out, const char *data, size_t len)
{
	for (size_t i = 0; i < out->count; i++) {
		if (out->len[i] == len && memcmp(out->text[i], data, len) == 0) {
			return 1;
		}
	}
	return 0;
}

static void collect(const zbar_image_t *image, struct mck_qrscan_result *out)
{
	const zbar_symbol_t *sym;

	for (sym = zbar_image_first_symbol(image); sym; sym = zbar_symbol_next(sym)) {
		const char *data = zbar_symbol_get_data(sym);
		/* The text may hold NUL bytes in binary mode: never strlen it. */
		size_t len = zbar_symbol_get_data_length(sym);

		if (out->count == MCK_QRSCAN_MAX_CODES) {
			break;
		}
		if (zbar_symbol_get_type(sym) != ZBAR_QRCODE || !data) {
			continue;
		}
		if (len > MCK_QRSCAN_MAX_TEXT || seen(out, data, len)) {
			continue;
		}
		memcpy(out->text[out->count], data, len);
		out->text[out->count][len] = '\0';
		out->len[out->count] = len;
		out->count++;
	}
}

int mck_qrscan_frame(struct mck_qrscan *scan, const uint8_t *grey, uint32_t width, uint32_t height,
		     struct mck_qrscan_result *out)
{
	zbar_image_t *image;
	int n;

	if (!out) {
		return -EINVAL;
	}
	out->count = 0;
	memset(out->len, 0, sizeof(out->len));
	if (!scan || !grey || width == 0 || height == 0) {
		return -EINVAL;
	}
	/* ZBar's QR locator keeps coordinates in int with sub-pixel bits. */
	if (width > MCK_QRSCAN_MAX_SIDE || height > MCK_QRSCAN_MAX_SIDE) {
		return -EFBIG;
	}

	image = zbar_image_create();
	if (!image) {
		return -ENOMEM;
	}
	zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(image, width, height);
	/* Borrowed, not copied: no cleanup handler, and ZBar does not write to
	 * Y800 data (it only converts other formats). */
	zbar_image_set_data(image, grey, (unsigned long)width * height, NULL);

	n = zbar_scan_image(scan->scanner, image);
	if (n < 0) {
		zbar_image_destroy(image);
		return -EIO;
	}
	collect(image, out);
	zbar_image_destroy(image);
	if (n > 0) {
		renew(scan);
	}
	return (int)out->count;
}
