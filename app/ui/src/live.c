/*
 * The live parts of a screen (toolkit.h): the camera's picture and texts that
 * change by themselves, painted with the rest of a full draw.
 */
#include <string.h>

#include "toolkit.h"

/* The picture as it always was: grey to RGB, a texture, scaled by the renderer. */
static void paint_picture(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect dst)
{
	int w = v->preview_w;
	int h = v->preview_h;
	SDL_Texture *t;

	for (int i = 0; i < w * h; i++) {
		memset(ui->preview_rgb + 3 * i, v->preview[i], 3);
	}
	t = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB24, SDL_TEXTUREACCESS_STATIC, w, h);
	if (t != NULL) {
		SDL_UpdateTexture(t, NULL, ui->preview_rgb, w * 3);
		SDL_RenderCopy(r, t, NULL, &dst);
		SDL_DestroyTexture(t);
	}
}

void mck__ui_live_picture(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect dst)
{
	if (v->preview == NULL || v->preview_w <= 0 || v->preview_h <= 0 ||
	    v->preview_w > MCK_VIEW_PREVIEW_W || v->preview_h > MCK_VIEW_PREVIEW_H) {
		return;
	}
	paint_picture(ui, r, v, dst);
}

bool mck__ui_live_beside(const struct mck_ui *ui, const struct mck_view *v,
			 const struct mck_ui_live_text *t)
{
	char text[MCK_UI_LIVE_TEXT];

	t->say(v, text, sizeof(text));
	return mck__ui_text_width(ui, t->role, text) <= t->limit;
}

void mck__ui_live_text(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
		       const struct mck_ui_live_text *t)
{
	char text[MCK_UI_LIVE_TEXT];

	t->say(v, text, sizeof(text));
	if (mck__ui_text_width(ui, t->role, text) <= t->limit) {
		mck__ui_blit(ui, r, t->role, text, t->colour, t->x, t->y);
	} else {
		mck__ui_wrapped(ui, r, t->role, text, t->colour, t->wrap);
	}
}
