#include "prep.h"

#include <math.h>
#include <string.h>

void mck__prep_crop(const uint8_t *src, uint32_t sw, struct mck_rect r, unsigned shrink,
		    uint8_t *dst, uint32_t *dw, uint32_t *dh)
{
	uint32_t w = r.w / shrink;
	uint32_t h = r.h / shrink;

	*dw = w;
	*dh = h;
	if (shrink == 1) {
		for (uint32_t y = 0; y < h; y++) {
			memcpy(dst + (size_t)y * w, src + (size_t)(r.y + y) * sw + r.x, w);
		}
		return;
	}
	/* the mean of each shrink x shrink block */
	for (uint32_t y = 0; y < h; y++) {
		for (uint32_t x = 0; x < w; x++) {
			unsigned s = 0;

			for (unsigned j = 0; j < shrink; j++) {
				const uint8_t *p = src + (size_t)(r.y + y * shrink + j) * sw + r.x +
						   x * shrink;
				for (unsigned i = 0; i < shrink; i++) {
					s += p[i];
				}
			}
			dst[(size_t)y * w + x] = (uint8_t)(s / (shrink * shrink));
		}
	}
}

void mck__prep_invert(uint8_t *px, uint32_t w, uint32_t h)
{
	for (size_t i = 0; i < (size_t)w * h; i++) {
		px[i] = (uint8_t)(255 - px[i]);
	}
}

void mck__prep_rectify(const uint8_t *src, uint32_t sw, uint32_t sh, const float a[2],
		       const float b[2], const float c[2], float legs, unsigned ppm, uint8_t *dst,
		       size_t cap, uint32_t *dw, uint32_t *dh)
{
	/* finder centre 3.5 modules in, then 4 of quiet zone, and room for a misjudged module */
	float pad = 10.0f * (float)ppm;
	float len = legs * (float)ppm;
	uint32_t side = (uint32_t)(len + 2 * pad);
	/* the map is affine: a step along a row or down a column moves by the same amount */
	float ux = (b[0] - a[0]) / len;
	float uy = (b[1] - a[1]) / len;
	float vx = (c[0] - a[0]) / len;
	float vy = (c[1] - a[1]) / len;
	/* in 1/65536 px, the frame's last whole cell of four pixels */
	uint32_t x_end = (sw - 1) << 16;
	uint32_t y_end = (sh - 1) << 16;
	int32_t dx = (int32_t)lroundf(ux * 65536);
	int32_t dy = (int32_t)lroundf(uy * 65536);

	*dw = 0;
	*dh = 0;
	if (legs < 10 || legs > 200 || (size_t)side * side > cap || sw > 8192 || sh > 8192 ||
	    sw < 2 || sh < 2) {
		return;
	}
	for (uint32_t v = 0; v < side; v++) {
		float fv = (float)v + 0.5f - pad;
		float fu = 0.5f - pad;
		/* frame point of the row's first pixel, less half a pixel (pixel centres at .5),
		 * in 16.16 fixed point from there on: within 1/100 px across the square */
		float x = a[0] + fu * ux + fv * vx - 0.5f;
		float y = a[1] + fu * uy + fv * vy - 0.5f;
		int32_t xs = (int32_t)lroundf(fmaxf(fminf(x, 16384.0f), -16384.0f) * 65536);
		int32_t ys = (int32_t)lroundf(fmaxf(fminf(y, 16384.0f), -16384.0f) * 65536);
		uint8_t *out = dst + (size_t)v * side;

		for (uint32_t u = 0; u < side; u++, xs += dx, ys += dy) {
			uint8_t g = 255; /* outside the frame: quiet zone */

			/* negative coordinates wrap to large ones: outside too */
			if ((uint32_t)xs < x_end && (uint32_t)ys < y_end) {
				uint32_t ax = ((uint32_t)xs >> 8) & 255;
				uint32_t ay = ((uint32_t)ys >> 8) & 255;
				const uint8_t *q = src + (size_t)((uint32_t)ys >> 16) * sw +
						   ((uint32_t)xs >> 16);
				uint32_t top = (q[0] << 8) + ax * q[1] - ax * q[0];
				uint32_t bot = (q[sw] << 8) + ax * q[sw + 1] - ax * q[sw];

				g = (uint8_t)(((top << 8) + ay * bot - ay * top + 32768) >> 16);
			}
			out[u] = g;
		}
	}
	*dw = side;
	*dh = side;
}
