#include "prep.h"

#include <string.h>

void mck__prep_crop(const uint8_t *src, uint32_t sw, struct mck_rect r, unsigned num, unsigned den,
		    uint8_t *dst, uint32_t *dw, uint32_t *dh)
{
	uint32_t w = r.w * num / den;
	uint32_t h = r.h * num / den;

	*dw = w;
	*dh = h;
	if (num == den) {
		for (uint32_t y = 0; y < h; y++) {
			memcpy(dst + (size_t)y * w, src + (size_t)(r.y + y) * sw + r.x, w);
		}
	} else if (num < den) {
		/* down by den: the mean of each den x den block */
		for (uint32_t y = 0; y < h; y++) {
			for (uint32_t x = 0; x < w; x++) {
				unsigned s = 0;

				for (unsigned j = 0; j < den; j++) {
					const uint8_t *p = src + (size_t)(r.y + y * den + j) * sw +
							   r.x + x * den;
					for (unsigned i = 0; i < den; i++) {
						s += p[i];
					}
				}
				dst[(size_t)y * w + x] = (uint8_t)(s / (den * den));
			}
		}
	} else {
		/* up by num: bilinear, in 1/256 steps */
		for (uint32_t y = 0; y < h; y++) {
			uint32_t fy = (y * 256 + 128) / num;
			uint32_t y0 = fy >= 128 ? (fy - 128) >> 8 : 0;
			uint32_t ay = fy >= 128 ? (fy - 128) & 255 : 0;
			uint32_t y1 = y0 + 1 < r.h ? y0 + 1 : y0;

			for (uint32_t x = 0; x < w; x++) {
				uint32_t fx = (x * 256 + 128) / num;
				uint32_t x0 = fx >= 128 ? (fx - 128) >> 8 : 0;
				uint32_t ax = fx >= 128 ? (fx - 128) & 255 : 0;
				uint32_t x1 = x0 + 1 < r.w ? x0 + 1 : x0;
				const uint8_t *a = src + (size_t)(r.y + y0) * sw + r.x;
				const uint8_t *b = src + (size_t)(r.y + y1) * sw + r.x;
				uint32_t top = a[x0] * (256 - ax) + a[x1] * ax;
				uint32_t bot = b[x0] * (256 - ax) + b[x1] * ax;

				dst[(size_t)y * w + x] =
					(uint8_t)((top * (256 - ay) + bot * ay + 32768) >> 16);
			}
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

	*dw = 0;
	*dh = 0;
	if (legs < 10 || legs > 200 || (size_t)side * side > cap) {
		return;
	}
	for (uint32_t v = 0; v < side; v++) {
		float fv = ((float)v + 0.5f - pad) / len;

		for (uint32_t u = 0; u < side; u++) {
			float fu = ((float)u + 0.5f - pad) / len;
			float x = a[0] + fu * (b[0] - a[0]) + fv * (c[0] - a[0]) - 0.5f;
			float y = a[1] + fu * (b[1] - a[1]) + fv * (c[1] - a[1]) - 0.5f;
			uint8_t out = 255; /* outside the frame: quiet zone */

			if (x >= 0 && y >= 0 && x < (float)sw - 1 && y < (float)sh - 1) {
				uint32_t x0 = (uint32_t)x;
				uint32_t y0 = (uint32_t)y;
				float ax = x - (float)x0;
				float ay = y - (float)y0;
				const uint8_t *p = src + (size_t)y0 * sw + x0;
				float top = p[0] + ax * (float)(p[1] - p[0]);
				float bot = p[sw] + ax * (float)(p[sw + 1] - p[sw]);

				out = (uint8_t)(top + ay * (bot - top) + 0.5f);
			}
			dst[(size_t)v * side + u] = out;
		}
	}
	*dw = side;
	*dh = side;
}
