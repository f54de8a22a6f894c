/* Drawing libqrencode codes into grey test frames (tests only). */
#ifndef MCK_TEST_QRDRAW_H
#define MCK_TEST_QRDRAW_H

#include <stdint.h>

#include <qrencode.h>

/**
 * Draw @p qr black on white, @p scale px per module, with @p quiet modules
 * of white around it, its top-left corner at @p px (rows @p stride bytes
 * apart): (width + 2 quiet) x scale pixels each way.
 */
void mck_test_qr_draw(const QRcode *qr, uint32_t scale, uint32_t quiet, uint8_t *px,
		      uint32_t stride);

#endif
