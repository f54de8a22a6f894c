/*
 * "Still there? Touch the screen to continue (12 s).": a check about to be
 * wiped for want of a touch asks, on a banner of its own colour (not a
 * verdict's), across the screen under the band, where the eye is.
 */
#include <stdio.h>

#include "checkkit.h"

static const SDL_Color still_bg = {255, 214, 10, 255}; /* attention: no verdict is yellow */

static void still_text(const struct mck_view *v, char *text, size_t cap)
{
	/* the translation is data with one %d (test_i18n checks its conversions) */
	snprintf(text, cap, mck_i18n_text(v->lang, MCK_TEXT_STILL_THERE), (int)v->countdown_s);
}

int mck__ui_still_height(const struct mck_ui *ui, const struct mck_view *v, int width)
{
	char text[256];

	if (!v->still_there) {
		return 0;
	}
	still_text(v, text, sizeof(text));
	return mck__ui_lines(ui, F_BODY, text, width - 4 * ui->unit, MCK_UI_WRAP_WORDS) *
		       mck__ui_skip(ui, F_BODY) +
	       ui->unit;
}

void mck__ui_still(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	char text[256];
	int parent;

	if (!v->still_there || area.h <= 0) {
		return;
	}
	still_text(v, text, sizeof(text));
	mck__ui_fill(r, area, still_bg);
	parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_PANEL, area));
	mck__ui_wrapped(ui, r, F_BODY, text, mck__ui_pal.ink,
			(SDL_Rect){area.x + 2 * u, area.y + u / 2, area.w - 4 * u, area.h - u});
	mck__ui_parent(ui, parent);
}
