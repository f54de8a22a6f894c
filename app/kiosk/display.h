/*
 * The panel: the layout's size (the panel's, turned by the mounting rotation),
 * drawing a view onto it turned, touch points back to the layout, and PNG
 * screenshots of what was drawn.
 */
#ifndef MCK_KIOSK_DISPLAY_H
#define MCK_KIOSK_DISPLAY_H

#include <stdbool.h>

#include <SDL.h>

#include "mck/ui.h"
#include "mck/view.h"

struct mck_display {
	int rotation; /* degrees clockwise the picture is turned for the panel */
	int lw;       /* the layout's size */
	int lh;
	SDL_Texture *turned;  /* the layout, drawn before it is turned (rotation != 0) */
	SDL_Renderer *turner; /* the renderer it belongs to */
	bool turned_kept;     /* it holds the last frame mck_display_update drew */
	unsigned long draws;  /* frames mck_display_update drew (each one then presented) */
	struct mck_ui *ui;    /* the UI mck_display_update drew with: its textures too */
};

/** A panel of @p pw x @p ph pixels mounted turned by @p rotation degrees. */
void mck_display_init(struct mck_display *d, int pw, int ph, int rotation);
/** The panel's size in pixels. */
void mck_display_panel(const struct mck_display *d, int *pw, int *ph);
/** Draw @p v with @p ui onto @p r, turned for the panel. */
void mck_display_draw(struct mck_display *d, struct mck_ui *ui, SDL_Renderer *r,
		      const struct mck_view *v);
/**
 * Draw @p v with @p ui onto @p r, turned for the panel, if anything it shows
 * changed since the last call (the screen, its language, texts, a countdown's
 * seconds, the clock's minute, the camera's picture) or when the window was
 * @p exposed (its picture lost: shown again, resized). Only what changed is
 * painted (mck_ui_render). Returns whether it drew: present then, and only then.
 */
bool mck_display_update(struct mck_display *d, struct mck_ui *ui, SDL_Renderer *r,
			const struct mck_view *v, bool exposed);
/** A point on the panel (pixels) to the layout's coordinates. */
void mck_display_to_layout(const struct mck_display *d, int px, int py, int *x, int *y);
/** Forget (wiped) the textures made for the renderer, the UI's too (before it is destroyed). */
void mck_display_release(struct mck_display *d);
/** Save what @p r holds (@p w x @p h) as a PNG file. 0 or -1. */
int mck_display_write_png(SDL_Renderer *r, int w, int h, const char *path);

#endif
