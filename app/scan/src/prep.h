/*
 * Preparing a region of a frame for ZBar: crop and shrink, turn dark-mode
 * codes back, square a code up from its finders. Each writes a new grey
 * image into caller storage; none keeps anything.
 */
#ifndef MCK_SCAN_PREP_H
#define MCK_SCAN_PREP_H

#include <stddef.h>
#include <stdint.h>

struct mck_rect {
	uint32_t x;
	uint32_t y;
	uint32_t w;
	uint32_t h;
};

/**
 * Copy @p r of @p src (@p sw wide) into @p dst, shrunk @p shrink times (1: as
 * it is; else the mean of each block). Output size in @p dw, @p dh.
 */
void mck__prep_crop(const uint8_t *src, uint32_t sw, struct mck_rect r, unsigned shrink,
		    uint8_t *dst, uint32_t *dw, uint32_t *dh);

/** Light for dark, in place. */
void mck__prep_invert(uint8_t *px, uint32_t w, uint32_t h);

/**
 * A code turned upright and squared from its three finder centres (top-left
 * @p a, top-right @p b, bottom-left @p c, frame pixels): an affine map puts
 * them at the corners of a square with @p ppm pixels per module and room for
 * the finders and a quiet zone round it. @p legs is the finder-to-finder
 * distance in modules. Writes at most @p cap pixels; size in @p dw x @p dh
 * (0 when it does not fit).
 */
void mck__prep_rectify(const uint8_t *src, uint32_t sw, uint32_t sh, const float a[2],
		       const float b[2], const float c[2], float legs, unsigned ppm, uint8_t *dst,
		       size_t cap, uint32_t *dw, uint32_t *dh);

#endif
