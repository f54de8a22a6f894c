/*
 * A code read module by module: from its three finder centres (and the
 * bottom-right alignment pattern, found near where they predict it), a
 * projective map from module coordinates to the frame; each module's centre
 * is sampled and the code redrawn clean, upright, 4 px per module, for ZBar.
 * What ZBar's own sampling loses to tilt, it gets back this way.
 */
#ifndef MCK_SCAN_GRID_H
#define MCK_SCAN_GRID_H

#include <stddef.h>
#include <stdint.h>

/**
 * Redraw the code of @p version (1..40) whose finder centres are @p tl, @p tr,
 * @p bl in @p grey (@p w x @p h) into @p dst (at most @p cap pixels; size in
 * @p side, 0 when it does not fit or nothing was found).
 */
void mck__grid_redraw(const uint8_t *grey, uint32_t w, uint32_t h, const float tl[2],
		      const float tr[2], const float bl[2], int version, uint8_t *dst, size_t cap,
		      uint32_t *side);

/** The version whose finder-centre distance is closest to @p legs modules. */
int mck__grid_version(float legs);

#endif
