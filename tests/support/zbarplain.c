#include "support/zbarplain.h"

#include <string.h>

#include <zbar.h>

bool mck_test_zbar_reads(const uint8_t *px, uint32_t w, uint32_t h, const char *want,
			 bool all_symbologies)
{
	zbar_image_scanner_t *zs = zbar_image_scanner_create();
	zbar_image_t *zi = zbar_image_create();
	bool found = false;

	if (zs == NULL || zi == NULL) {
		goto out;
	}
	zbar_image_scanner_set_config(zs, 0, ZBAR_CFG_ENABLE, all_symbologies ? 1 : 0);
	zbar_image_scanner_set_config(zs, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	zbar_image_scanner_set_config(zs, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
	zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(zi, w, h);
	zbar_image_set_data(zi, px, (unsigned long)w * h, NULL);
	if (zbar_scan_image(zs, zi) > 0) {
		for (const zbar_symbol_t *s = zbar_image_first_symbol(zi); s != NULL;
		     s = zbar_symbol_next(s)) {
			found = found || want == NULL ||
				(zbar_symbol_get_data_length(s) == strlen(want) &&
				 memcmp(zbar_symbol_get_data(s), want, strlen(want)) == 0);
		}
	}
out:
	if (zi != NULL) {
		zbar_image_destroy(zi);
	}
	if (zs != NULL) {
		zbar_image_scanner_destroy(zs);
	}
	return found;
}
