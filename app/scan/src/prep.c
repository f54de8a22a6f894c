#include "prep.h"

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
