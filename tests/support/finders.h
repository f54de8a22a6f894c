/*
 * Sheets of finder patterns: frames made to stall a QR decoder, which tries
 * every three patterns that could be a code's corner (tests, benchmarks).
 */
#ifndef MCK_TEST_FINDERS_H
#define MCK_TEST_FINDERS_H

#include <stddef.h>
#include <stdint.h>

enum mck_test_sheet_kind {
	MCK_SHEET_GRID,    /* one pattern every period modules each way, edge to edge */
	MCK_SHEET_BLOCK,   /* count patterns in a square block in the middle, a grid */
	MCK_SHEET_SCATTER, /* count patterns of 2..7 px modules at random places */
};

struct mck_test_sheet {
	const char *name;
	enum mck_test_sheet_kind kind;
	uint32_t module; /* pixels per module (grid, block) */
	uint32_t period; /* modules from one pattern to the next (grid, block) */
	uint32_t count;  /* patterns (block, scatter) */
};

/** The sheets every scanner test and benchmark tries, in @p *out; returns how many. */
size_t mck_test_sheets(const struct mck_test_sheet **out);

/** Draw @p sheet on white into @p px (@p w x @p h, row-major); the same pixels every time. */
void mck_test_sheet_draw(const struct mck_test_sheet *sheet, uint8_t *px, uint32_t w, uint32_t h);

/** One finder pattern (7 x 7 modules of @p module px), top-left at (x0, y0), clipped. */
void mck_test_finder_draw(uint8_t *px, uint32_t w, uint32_t h, uint32_t x0, uint32_t y0,
			  uint32_t module);

#endif
