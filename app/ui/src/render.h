/* The UI's drawing of a whole screen (ui.c), for the full draw and a cached render's layer. */
#ifndef MCK_UI_RENDER_H
#define MCK_UI_RENDER_H

#include "toolkit.h"

/** Draw @p v whole onto r's target, painting as ui->pass says. */
void mck__ui_draw_screen(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v);

#endif
