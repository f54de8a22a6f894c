/*
 * What the check's screens (session.c, decision.c) draw besides the toolkit's
 * widgets: the record's QR code for a case worker's PC, and the warning
 * before a check is wiped for want of a touch.
 */
#ifndef MCK_UI_CHECKKIT_H
#define MCK_UI_CHECKKIT_H

#include "toolkit.h"

/* The quiet zone a reader needs around the symbol, in modules (ISO/IEC 18004). */
#define MCK_UI_QR_QUIET 4

/* qrdraw.c */
/** The side of @p text's code in modules, quiet zone included; 0 when it cannot be encoded. */
int mck__ui_qr_modules(const char *text);
/**
 * Draw @p text as a QR code (error correction M), black on white with its
 * quiet zone, @p module pixels a module, its top left at (@p x, @p y).
 * Returns the rectangle drawn, quiet zone included (w 0: nothing drawn).
 */
SDL_Rect mck__ui_qr(SDL_Renderer *r, const char *text, int x, int y, int module);

/* still.c */
/** The height of the "still there?" banner at @p width; 0 when the view does not ask. */
int mck__ui_still_height(const struct mck_ui *ui, const struct mck_view *v, int width);
/** Draw the banner filling @p area (as tall as mck__ui_still_height says). */
void mck__ui_still(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area);

#endif
