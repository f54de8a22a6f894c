/*
 * A cached render's live parts (live.c): the slots its static pass left, what
 * they show now, and painting them over the static layer.
 */
#ifndef MCK_UI_LIVE_H
#define MCK_UI_LIVE_H

#include "toolkit.h"

/** Whether every slot lays out for @p v as it did when made (else the layer is redrawn). */
bool mck__ui_live_fits(const struct mck_ui *ui, const struct mck_view *v);
/** A hash of what the slots show for @p v (the camera's pixels, the texts). */
uint64_t mck__ui_live_hash(const struct mck_ui *ui, const struct mck_view *v);
/** Paint every slot for @p v onto r's target (their areas already hold the static layer). */
void mck__ui_live_paint(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v);

#endif
