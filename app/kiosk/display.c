/* The panel: rotation, touch mapping, PNG output; see display.h. */
#include "display.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mck_display_init(struct mck_display *d, int pw, int ph, int rotation)
{
	memset(d, 0, sizeof(*d));
	d->rotation = rotation;
	d->lw = rotation % 180 != 0 ? ph : pw;
	d->lh = rotation % 180 != 0 ? pw : ph;
}

void mck_display_panel(const struct mck_display *d, int *pw, int *ph)
{
	*pw = d->rotation % 180 != 0 ? d->lh : d->lw;
	*ph = d->rotation % 180 != 0 ? d->lw : d->lh;
}

int mck_display_write_png(SDL_Renderer *r, int w, int h, const char *path)
{
	png_image img;
	uint8_t *rgb = malloc((size_t)w * (size_t)h * 3);
	int rc = -1;

	if (rgb == NULL) {
		return -1;
	}
	if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, rgb, w * 3) == 0) {
		memset(&img, 0, sizeof(img));
		img.version = PNG_IMAGE_VERSION;
		img.width = (png_uint_32)w;
		img.height = (png_uint_32)h;
		img.format = PNG_FORMAT_RGB;
		rc = png_image_write_to_file(&img, path, 0, rgb, w * 3, NULL) != 0 ? 0 : -1;
		png_image_free(&img);
	}
	free(rgb);
	return rc;
}

/* The texture the layout is drawn in before it is turned; NULL when the renderer has none. */
static SDL_Texture *turned_for(struct mck_display *d, SDL_Renderer *r)
{
	if (d->turned != NULL && d->turner != r) {
		mck_display_release(d);
	}
	if (d->turned == NULL) {
		d->turned = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
					      d->lw, d->lh);
		d->turner = r;
		d->turned_kept = false;
	}
	return d->turned;
}

/*
 * Draw the view: straight onto the renderer, or turned for a panel mounted
 * rotated (the layout drawn into a texture, copied turned).
 */
void mck_display_draw(struct mck_display *d, struct mck_ui *ui, SDL_Renderer *r,
		      const struct mck_view *v)
{
	int pw;
	int ph;

	if (d->rotation == 0) {
		mck_ui_draw(ui, r, v);
		return;
	}
	d->turned_kept = false; /* it will hold a full draw, not mck_display_update's */
	if (turned_for(d, r) == NULL || SDL_SetRenderTarget(r, d->turned) != 0) {
		fprintf(stderr, "mckiosk: rotation: %s\n", SDL_GetError());
		mck_ui_draw(ui, r, v);
		return;
	}
	mck_ui_draw(ui, r, v);
	SDL_SetRenderTarget(r, NULL);
	mck_display_panel(d, &pw, &ph);
	SDL_Rect dst = {(pw - d->lw) / 2, (ph - d->lh) / 2, d->lw, d->lh};
	SDL_RenderCopyEx(r, d->turned, NULL, &dst, d->rotation, NULL, SDL_FLIP_NONE);
}

bool mck_display_update(struct mck_display *d, struct mck_ui *ui, SDL_Renderer *r,
			const struct mck_view *v, bool exposed)
{
	SDL_RendererInfo info;
	enum mck_ui_rendered done;
	unsigned flags = exposed ? MCK_UI_RENDER_AGAIN : 0;
	int pw;
	int ph;

	if (d->rotation == 0) {
		/* SDL's software renderer draws into the window's own pixels, which stay
		 * between presents; a GPU's back buffer holds nothing after one */
		if (SDL_GetRendererInfo(r, &info) == 0 &&
		    (info.flags & SDL_RENDERER_SOFTWARE) != 0) {
			flags |= MCK_UI_RENDER_KEPT;
		}
		done = mck_ui_render(ui, r, v, flags);
	} else {
		SDL_Texture *t = turned_for(d, r);

		if (t == NULL || SDL_SetRenderTarget(r, t) != 0) {
			fprintf(stderr, "mckiosk: rotation: %s\n", SDL_GetError());
			mck_display_draw(d, ui, r, v);
			d->draws++;
			return true;
		}
		/* a texture just made holds nothing yet: the frame whole into it */
		done = mck_ui_render(ui, r, v,
				     d->turned_kept ? MCK_UI_RENDER_KEPT : MCK_UI_RENDER_AGAIN);
		SDL_SetRenderTarget(r, NULL);
		d->turned_kept = true;
		if (done != MCK_UI_RENDERED_NOTHING || exposed) {
			mck_display_panel(d, &pw, &ph);
			SDL_Rect dst = {(pw - d->lw) / 2, (ph - d->lh) / 2, d->lw, d->lh};
			SDL_RenderCopyEx(r, t, NULL, &dst, d->rotation, NULL, SDL_FLIP_NONE);
			done = MCK_UI_RENDERED_ALL;
		}
	}
	d->ui = ui; /* its textures go with the display's */
	if (done == MCK_UI_RENDERED_NOTHING) {
		return false;
	}
	d->draws++;
	return true;
}

void mck_display_to_layout(const struct mck_display *d, int px, int py, int *x, int *y)
{
	switch (d->rotation) {
	case 90:
		*x = py;
		*y = d->lh - 1 - px;
		break;
	case 180:
		*x = d->lw - 1 - px;
		*y = d->lh - 1 - py;
		break;
	case 270:
		*x = d->lw - 1 - py;
		*y = px;
		break;
	default:
		*x = px;
		*y = py;
		break;
	}
}

void mck_display_release(struct mck_display *d)
{
	if (d->turned != NULL) {
		/* it held a screen, a learner's perhaps: cleared, not just freed */
		if (d->turner != NULL && SDL_SetRenderTarget(d->turner, d->turned) == 0) {
			SDL_SetRenderDrawColor(d->turner, 0, 0, 0, 255);
			SDL_RenderClear(d->turner);
			SDL_RenderFlush(d->turner);
			SDL_SetRenderTarget(d->turner, NULL);
		}
		SDL_DestroyTexture(d->turned);
		d->turned = NULL;
		d->turner = NULL;
		d->turned_kept = false;
	}
	if (d->ui != NULL) {
		mck_ui_forget(d->ui);
		d->ui = NULL;
	}
}
