#include "qrdraw.h"

#include <stddef.h>

void mck_test_qr_draw(const QRcode *qr, uint32_t scale, uint32_t quiet, uint8_t *px,
		      uint32_t stride)
{
	uint32_t side = ((uint32_t)qr->width + 2 * quiet) * scale;

	for (uint32_t y = 0; y < side; y++) {
		for (uint32_t x = 0; x < side; x++) {
			int mx = (int)(x / scale) - (int)quiet;
			int my = (int)(y / scale) - (int)quiet;
			int dark = mx >= 0 && my >= 0 && mx < qr->width && my < qr->width &&
				   (qr->data[my * qr->width + mx] & 1);

			px[(size_t)y * stride + x] = dark ? 0 : 255;
		}
	}
}
