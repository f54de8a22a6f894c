/*
 * A rendered QR code's geometry, for the test tools that warp one into a
 * camera's picture (mck_degrade, mck_clipgen).
 */
#ifndef MCK_TEST_CODEIMG_H
#define MCK_TEST_CODEIMG_H

#include <stddef.h>
#include <stdint.h>

#include "mck/image.h"

/**
 * The code's module size in pixels: the top-left finder, met on the
 * diagonal, is 7 modules wide; 1 if none is met. @p quiet (may be NULL)
 * gets the quiet zone's width in pixels.
 */
static inline double mck_test_module_px(const struct mck_image *c, int *quiet)
{
	for (uint32_t d = 0; d < c->width && d < c->height; d++) {
		if (c->pixels[d * c->width + d] < 128) {
			uint32_t run = 0;

			while (d + run < c->width && c->pixels[d * c->width + d + run] < 128) {
				run++;
			}
			if (quiet != NULL) {
				*quiet = (int)d;
			}
			return run / 7.0;
		}
	}
	if (quiet != NULL) {
		*quiet = 0;
	}
	return 1;
}

#endif
