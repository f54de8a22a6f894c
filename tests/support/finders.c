#include "finders.h"

#include <string.h>

static const struct mck_test_sheet sheets[] = {
	/* small patterns edge to edge: thousands (the locator saturates) */
	{"grid, 2 px modules, every 10", MCK_SHEET_GRID, 2, 10, 0},
	{"grid, 4 px modules, every 16", MCK_SHEET_GRID, 4, 16, 0},
	/* fewer, larger ones: under the locator's limits, all of them seen */
	{"grid, 8 px modules, every 30", MCK_SHEET_GRID, 8, 30, 0},
	{"grid, 12 px modules, every 40", MCK_SHEET_GRID, 12, 40, 0},
	/* a crowd in one place of an otherwise empty frame */
	{"block of 36, 4 px modules", MCK_SHEET_BLOCK, 4, 16, 36},
	{"block of 16, 12 px modules", MCK_SHEET_BLOCK, 12, 24, 16},
	/* one empty corner of a code as large as the frame allows */
	{"three, 40 px modules", MCK_SHEET_BLOCK, 40, 24, 3},
	{"scatter of 20000", MCK_SHEET_SCATTER, 0, 0, 20000},
};

size_t mck_test_sheets(const struct mck_test_sheet **out)
{
	*out = sheets;
	return sizeof(sheets) / sizeof(sheets[0]);
}

void mck_test_finder_draw(uint8_t *px, uint32_t w, uint32_t h, uint32_t x0, uint32_t y0,
			  uint32_t module)
{
	for (uint32_t y = 0; y < 7 * module && y0 + y < h; y++) {
		for (uint32_t x = 0; x < 7 * module && x0 + x < w; x++) {
			uint32_t mx = x / module;
			uint32_t my = y / module;
			int ring = mx == 0 || my == 0 || mx == 6 || my == 6;
			int core = mx >= 2 && mx <= 4 && my >= 2 && my <= 4;

			px[(size_t)(y0 + y) * w + x0 + x] = ring || core ? 0 : 255;
		}
	}
}

/* xorshift64: the same scatter on every machine */
static uint32_t next(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return (uint32_t)(*state >> 32);
}

void mck_test_sheet_draw(const struct mck_test_sheet *s, uint8_t *px, uint32_t w, uint32_t h)
{
	uint64_t state = 0x9e3779b97f4a7c15u;
	uint32_t step = s->module * s->period;
	uint32_t side = 1;

	memset(px, 255, (size_t)w * h);
	switch (s->kind) {
	case MCK_SHEET_GRID:
		for (uint32_t y = s->module; y + 7 * s->module < h; y += step) {
			for (uint32_t x = s->module; x + 7 * s->module < w; x += step) {
				mck_test_finder_draw(px, w, h, x, y, s->module);
			}
		}
		break;
	case MCK_SHEET_BLOCK:
		while (side * side < s->count) {
			side++;
		}
		for (uint32_t i = 0; i < s->count; i++) {
			uint32_t x0 = w > side * step ? (w - side * step) / 2 : 0;
			uint32_t y0 = h > side * step ? (h - side * step) / 2 : 0;

			mck_test_finder_draw(px, w, h, x0 + (i % side) * step + s->module,
					     y0 + (i / side) * step + s->module, s->module);
		}
		break;
	case MCK_SHEET_SCATTER:
		for (uint32_t i = 0; i < s->count; i++) {
			uint32_t module = 2 + next(&state) % 6;
			uint32_t x = next(&state) % w;

			mck_test_finder_draw(px, w, h, x, next(&state) % h, module);
		}
		break;
	}
}
