/*
 * A code redrawn clean for ZBar from its fitted module grid (grid.h): each
 * module sampled at its centre, blur undone, finders, timing, alignment,
 * version and format information settled from what every code shows, and
 * drawn upright, MCK_REDRAW_PPM px per module, with a 4-module quiet zone. What ZBar's
 * own sampling loses to tilt, blur and small modules, it gets back this way.
 */
#ifndef MCK_SCAN_REDRAW_H
#define MCK_SCAN_REDRAW_H

#include <stddef.h>
#include <stdint.h>

#include "grid.h"

/* Pixels a module, and modules of quiet zone, of a code redrawn. */
#define MCK_REDRAW_PPM   3
#define MCK_REDRAW_QUIET 4

/**
 * Redraw the code under map @p g into @p dst (at most @p cap pixels; size
 * in @p side, 0 when it does not fit).
 */
void mck__grid_redraw(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_grid *g,
		      uint8_t *dst, size_t cap, uint32_t *side);

#endif
