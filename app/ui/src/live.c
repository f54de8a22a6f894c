/*
 * The live parts of a screen (toolkit.h): the camera's picture and texts that
 * change by themselves. A full draw paints them with the rest; a cached
 * render's static pass leaves each as a slot (cache.h), which its live pass
 * paints (mck__ui_live_paint).
 */
#include <string.h>

#include "cache.h"
#include "live.h"

/* Slots are made in a static pass, unless the language picker is open: it covers them. */
static struct mck_ui_slot *new_slot(struct mck_ui *ui, const struct mck_view *v)
{
	struct mck_ui_cache *c = ui->cache;

	if (ui->pass != MCK_UI_PASS_STATIC || c == NULL || v->picker || c->slots >= MCK_UI_SLOTS) {
		return NULL;
	}
	memset(&c->slot[c->slots], 0, sizeof(c->slot[0]));
	return &c->slot[c->slots++];
}

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

/*
 * Nearest-neighbour scaling of @p v's picture into @p dst's pixels (RGB888),
 * picking the source pixels SDL's software renderer picks (SDL_SoftStretch
 * and its scaled blitters: 16.16 fixed point, from half a step): the same
 * pixels at a fraction of the cost, as one unscaled copy.
 */
static void scale_picture(const struct mck_view *v, int dw, int dh, uint8_t *pixels, int pitch)
{
	uint32_t incx = ((uint32_t)v->preview_w << 16) / (uint32_t)dw;
	uint32_t incy = ((uint32_t)v->preview_h << 16) / (uint32_t)dh;
	uint32_t posx = incx / 2;
	uint32_t posy = incy / 2;
	uint32_t last = UINT32_MAX;
	uint8_t *prev = NULL;
	uint16_t run[MCK_VIEW_PREVIEW_W] = {0}; /* the output pixels each column becomes */

	for (int x = 0; x < dw; x++, posx += incx) {
		run[posx >> 16]++;
	}
	for (int y = 0; y < dh; y++, posy += incy) {
		uint32_t sy = posy >> 16;
		uint8_t *row = pixels + (size_t)y * (size_t)pitch;

		if (sy == last && prev != NULL) {
			memcpy(row, prev, (size_t)dw * 4); /* a row as the one above */
		} else {
			const uint8_t *src = v->preview + (size_t)sy * (size_t)v->preview_w;
			uint32_t *out = (uint32_t *)(void *)row;

			for (int x = 0; x < v->preview_w; x++) {
				uint32_t px = 0xff000000u | src[x] * 0x010101u;

				for (int k = 0; k < run[x]; k++) {
					*out++ = px;
				}
			}
		}
		last = sy;
		prev = row;
	}
}

/* Grey to RGB888 rows, for a GPU to scale. */
static void copy_picture(const struct mck_view *v, uint8_t *pixels, int pitch)
{
	for (int y = 0; y < v->preview_h; y++) {
		const uint8_t *src = v->preview + (size_t)y * (size_t)v->preview_w;
		uint32_t *out = (uint32_t *)(void *)(pixels + (size_t)y * (size_t)pitch);

		for (int x = 0; x < v->preview_w; x++) {
			out[x] = 0xff000000u | src[x] * 0x010101u;
		}
	}
}

/*
 * The picture from a texture kept for it: on SDL's software renderer scaled
 * here (its own scaled blit costs four times as much), elsewhere the picture's
 * pixels alone, scaled by the GPU. False when it could not.
 */
static bool paint_picture_kept(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			       SDL_Rect dst)
{
	struct mck_ui_cache *c = ui->cache;
	int w = c->software ? dst.w : v->preview_w;
	int h = c->software ? dst.h : v->preview_h;
	void *pixels;
	int pitch;

	if (w <= 0 || h <= 0) {
		return true; /* nothing to paint */
	}
	if (c->picture == NULL || c->picture_w != w || c->picture_h != h) {
		mck__ui_texture_wipe(r, c->picture);
		c->picture = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB888,
					       SDL_TEXTUREACCESS_STREAMING, w, h);
		c->picture_w = c->picture != NULL ? w : 0;
		c->picture_h = c->picture != NULL ? h : 0;
		if (c->picture == NULL) {
			return false;
		}
		SDL_SetTextureBlendMode(c->picture, SDL_BLENDMODE_NONE);
	}
	if (SDL_LockTexture(c->picture, NULL, &pixels, &pitch) != 0) {
		return false;
	}
	if (c->software) {
		scale_picture(v, w, h, pixels, pitch);
	} else {
		copy_picture(v, pixels, pitch);
	}
	SDL_UnlockTexture(c->picture);
	return SDL_RenderCopy(r, c->picture, NULL, &dst) == 0;
}

static bool have_picture(const struct mck_view *v)
{
	return v->preview != NULL && v->preview_w > 0 && v->preview_h > 0 &&
	       v->preview_w <= MCK_VIEW_PREVIEW_W && v->preview_h <= MCK_VIEW_PREVIEW_H;
}

void mck__ui_live_picture(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect dst)
{
	struct mck_ui_slot *s;

	if (!have_picture(v)) {
		return;
	}
	s = new_slot(ui, v);
	if (s != NULL) {
		s->kind = MCK_UI_SLOT_PICTURE;
		s->dst = dst;
		s->area = dst;
		return;
	}
	if (ui->pass == MCK_UI_PASS_FULL || ui->cache == NULL ||
	    !paint_picture_kept(ui, r, v, dst)) {
		paint_picture(ui, r, v, dst);
	}
}

bool mck__ui_live_beside(const struct mck_ui *ui, const struct mck_view *v,
			 const struct mck_ui_live_text *t)
{
	char text[MCK_UI_LIVE_TEXT];
	bool ours = mck__ui_ours(ui, true); /* a countdown: the kiosk's words */
	bool beside;

	t->say(v, text, sizeof(text));
	beside = mck__ui_text_width(ui, t->role, text) <= t->limit;
	mck__ui_ours(ui, ours);
	return beside;
}

/* The text as a full draw paints it: on its line, or wrapped. */
static void paint_text(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
		       const struct mck_ui_live_text *t)
{
	char text[MCK_UI_LIVE_TEXT];
	bool ours = mck__ui_ours(ui, true);

	t->say(v, text, sizeof(text));
	if (mck__ui_text_width(ui, t->role, text) <= t->limit) {
		mck__ui_blit(ui, r, t->role, text, t->colour, t->x, t->y);
	} else {
		mck__ui_wrapped(ui, r, t->role, text, t->colour, t->wrap);
	}
	mck__ui_ours(ui, ours);
}

/* What a text may paint: its line, or its box; a glyph's surface is the font's height. */
static SDL_Rect text_area(const struct mck_ui *ui, const struct mck_ui_live_text *t, bool beside)
{
	int fh = TTF_FontHeight(ui->font[t->role]);

	if (beside) {
		return (SDL_Rect){t->x, t->y, t->limit, fh};
	}
	return (SDL_Rect){t->wrap.x, t->wrap.y, t->wrap.w, t->wrap.h > fh ? t->wrap.h : fh};
}

void mck__ui_live_text(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
		       const struct mck_ui_live_text *t)
{
	struct mck_ui_slot *s = new_slot(ui, v);

	if (s == NULL) {
		paint_text(ui, r, v, t);
		return;
	}
	/* its boxes are recorded now, where a full draw records them; the pixels come later */
	s->kind = MCK_UI_SLOT_TEXT;
	s->text = *t;
	s->beside = mck__ui_live_beside(ui, v, t);
	s->area = text_area(ui, t, s->beside);
	s->box = (int)ui->nboxes;
	s->parent = ui->parent;
	s->layer = ui->layer;
	ui->ink_only = true;
	paint_text(ui, r, v, t);
	ui->ink_only = false;
	s->boxes = (int)ui->nboxes - s->box;
}

bool mck__ui_live_fits(const struct mck_ui *ui, const struct mck_view *v)
{
	const struct mck_ui_cache *c = ui->cache;

	for (size_t i = 0; i < c->slots; i++) {
		const struct mck_ui_slot *s = &c->slot[i];

		if (s->kind == MCK_UI_SLOT_TEXT &&
		    mck__ui_live_beside(ui, v, &s->text) != s->beside) {
			return false; /* it moves to or from its own line: the layout changes */
		}
	}
	return true;
}

uint64_t mck__ui_live_hash(const struct mck_ui *ui, const struct mck_view *v)
{
	const struct mck_ui_cache *c = ui->cache;
	uint64_t h = mck__ui_hash(0, &c->slots, sizeof(c->slots));

	for (size_t i = 0; i < c->slots; i++) {
		const struct mck_ui_slot *s = &c->slot[i];

		if (s->kind == MCK_UI_SLOT_PICTURE && have_picture(v)) {
			h = mck__ui_hash(h, v->preview,
					 (size_t)v->preview_w * (size_t)v->preview_h);
		} else if (s->kind == MCK_UI_SLOT_TEXT) {
			char text[MCK_UI_LIVE_TEXT];

			s->text.say(v, text, sizeof(text));
			h = mck__ui_hash(h, text, strlen(text));
		}
	}
	return h;
}

void mck__ui_live_paint(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	const struct mck_ui_cache *c = ui->cache;

	for (size_t i = 0; i < c->slots; i++) {
		const struct mck_ui_slot *s = &c->slot[i];

		if (s->kind == MCK_UI_SLOT_PICTURE) {
			if (have_picture(v) && !paint_picture_kept(ui, r, v, s->dst)) {
				paint_picture(ui, r, v, s->dst);
			}
		} else {
			/* its boxes again, in their places: what the screen shows now */
			size_t nboxes = ui->nboxes;
			int parent = mck__ui_parent(ui, s->parent);
			int layer = ui->layer;

			ui->layer = s->layer;
			ui->nboxes = (size_t)s->box;
			paint_text(ui, r, v, &s->text);
			ui->nboxes = nboxes > ui->nboxes ? nboxes : ui->nboxes;
			ui->layer = layer;
			mck__ui_parent(ui, parent);
		}
	}
}
