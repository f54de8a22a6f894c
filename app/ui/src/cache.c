/* What a cached render keeps: text textures, widths, their wiping; see cache.h. */
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "mck/crypto.h"

#define P1 0x9e3779b185ebca87ull
#define P2 0xc2b2ae3d27d4eb4full

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t mck__ui_hash(uint64_t seed, const void *p, size_t n)
{
	const uint8_t *b = p;
	uint64_t h = seed ^ (P1 * (uint64_t)(n + 1));

	for (; n >= 8; n -= 8, b += 8) {
		uint64_t w;

		memcpy(&w, b, 8);
		h = rotl(h ^ (rotl(w * P2, 31) * P1), 27) * P1 + P2;
	}
	if (n > 0) {
		uint64_t w = 0;

		memcpy(&w, b, n);
		h = rotl(h ^ (rotl(w * P2, 31) * P1), 27) * P1 + P2;
	}
	/* murmur3's finaliser: every input bit reaches every output bit */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h != 0 ? h : 1; /* 0 marks a free entry */
}

void mck__ui_texture_wipe(SDL_Renderer *r, SDL_Texture *t)
{
	int access = 0;
	int h = 0;
	void *pixels;
	int pitch;

	if (t == NULL) {
		return;
	}
	/*
	 * SDL_DestroyTexture frees the pixels as they are (a software texture's
	 * in this process's heap): a text or picture of a credential is cleared
	 * first.
	 */
	if (SDL_QueryTexture(t, NULL, &access, NULL, &h) == 0) {
		if (access == SDL_TEXTUREACCESS_STREAMING &&
		    SDL_LockTexture(t, NULL, &pixels, &pitch) == 0) {
			mck_zeroize(pixels, (size_t)pitch * (size_t)h);
			SDL_UnlockTexture(t);
		} else if (access == SDL_TEXTUREACCESS_TARGET) {
			SDL_Texture *was = SDL_GetRenderTarget(r);

			if (SDL_SetRenderTarget(r, t) == 0) {
				SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
				SDL_RenderClear(r);
				SDL_RenderFlush(r);
				SDL_SetRenderTarget(r, was);
			}
		}
	}
	SDL_DestroyTexture(t);
}

/* The table of texts again, holding only the kiosk's own words (all of them when @p all). */
static void drop_texts(struct mck_ui_cache *c, bool all)
{
	size_t kept = 0;

	for (size_t i = 0; i < MCK_UI_TEXTS; i++) {
		struct mck_ui_text_entry *e = &c->text[i];

		if (e->hash == 0) {
			continue;
		}
		if (e->ours && !all) {
			c->text_kept[kept++] = *e;
		} else if (c->personal && !e->ours) {
			mck__ui_texture_wipe(c->r, e->texture);
		} else {
			SDL_DestroyTexture(e->texture); /* the kiosk's own words */
		}
	}
	mck_zeroize(c->text, sizeof(c->text));
	c->texts = 0;
	for (size_t k = 0; k < kept; k++) {
		const struct mck_ui_text_entry *e = &c->text_kept[k];

		for (size_t i = 0; i < MCK_UI_TEXTS; i++) {
			struct mck_ui_text_entry *to = &c->text[(e->hash + i) & (MCK_UI_TEXTS - 1)];

			if (to->hash == 0) {
				*to = *e;
				c->texts++;
				break;
			}
		}
	}
	memset(c->text_kept, 0, kept * sizeof(c->text_kept[0]));
}

static void drop_widths(struct mck_ui_cache *c, bool all)
{
	size_t kept = 0;

	for (size_t i = 0; i < MCK_UI_WIDTHS && !all; i++) {
		if (c->width[i].hash != 0 && c->width[i].ours) {
			c->width_kept[kept++] = c->width[i];
		}
	}
	mck_zeroize(c->width, sizeof(c->width));
	c->widths = 0;
	for (size_t k = 0; k < kept; k++) {
		const struct mck_ui_width_entry *e = &c->width_kept[k];

		for (size_t i = 0; i < MCK_UI_WIDTHS; i++) {
			struct mck_ui_width_entry *to =
				&c->width[(e->hash + i) & (MCK_UI_WIDTHS - 1)];

			if (to->hash == 0) {
				*to = *e;
				c->widths++;
				break;
			}
		}
	}
	memset(c->width_kept, 0, kept * sizeof(c->width_kept[0]));
}

void mck__ui_cache_drop_view(struct mck_ui_cache *c)
{
	size_t ours_texts = 0;
	size_t ours_widths = 0;

	for (size_t i = 0; i < MCK_UI_TEXTS; i++) {
		ours_texts += c->text[i].hash != 0 && c->text[i].ours;
	}
	for (size_t i = 0; i < MCK_UI_WIDTHS; i++) {
		ours_widths += c->width[i].hash != 0 && c->width[i].ours;
	}
	/* the kiosk's own words stay, until they fill half the room (languages, dates) */
	drop_texts(c, ours_texts >= MCK_UI_TEXTS / 2);
	drop_widths(c, ours_widths >= MCK_UI_WIDTHS / 2);
}

static void forget_renderer(struct mck_ui_cache *c)
{
	drop_texts(c, true);
	drop_widths(c, true);
	/* the camera's picture stays from view to view (each new one paints over it) */
	mck__ui_texture_wipe(c->r, c->picture);
	c->picture = NULL;
	c->picture_w = 0;
	c->picture_h = 0;
	mck__ui_texture_wipe(c->r, c->layer);
	c->layer = NULL;
	c->layer_ok = false;
	c->slots = 0;
	c->r = NULL;
}

void mck__ui_cache_free(struct mck_ui *ui)
{
	if (ui->cache == NULL) {
		return;
	}
	if (ui->cache->r != NULL) {
		forget_renderer(ui->cache);
	}
	mck_zeroize(ui->cache, sizeof(*ui->cache));
	free(ui->cache);
	ui->cache = NULL;
}

struct mck_ui_cache *mck__ui_cache_bind(struct mck_ui *ui, SDL_Renderer *r)
{
	struct mck_ui_cache *c = ui->cache;
	SDL_RendererInfo info;

	if (c == NULL) {
		c = calloc(1, sizeof(*c));
		if (c == NULL) {
			return NULL;
		}
		ui->cache = c;
	}
	if (c->r != r) {
		if (c->r != NULL) {
			forget_renderer(c);
		}
		c->r = r;
		c->software = SDL_GetRendererInfo(r, &info) == 0 &&
			      (info.flags & SDL_RENDERER_SOFTWARE) != 0;
	}
	return c;
}

/* The entry for a key: its own, or the free one where it would go; NULL when full. */
static struct mck_ui_text_entry *text_entry(struct mck_ui_cache *c, uint64_t hash, size_t len,
					    enum mck_ui_role role, SDL_Color colour)
{
	for (size_t i = 0; i < MCK_UI_TEXTS; i++) {
		struct mck_ui_text_entry *e = &c->text[(hash + i) & (MCK_UI_TEXTS - 1)];

		if (e->hash == 0 || (e->hash == hash && e->len == len && e->role == role &&
				     memcmp(&e->colour, &colour, sizeof(colour)) == 0)) {
			return e;
		}
	}
	return NULL;
}

/* A texture of @p text, as TTF_RenderUTF8_Blended paints it; NULL with *w, *h unset. */
static SDL_Texture *rasterise(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role,
			      const char *text, SDL_Color colour, int *w, int *h)
{
	SDL_Surface *s = TTF_RenderUTF8_Blended(ui->font[role], text, colour);
	SDL_Texture *t = NULL;

	if (s == NULL) {
		return NULL;
	}
	/* streaming, not SDL_CreateTextureFromSurface's static: it can be wiped */
	if (s->format->format == SDL_PIXELFORMAT_ARGB8888) {
		t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING,
				      s->w, s->h);
	}
	if (t != NULL && (SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND) != 0 ||
			  SDL_UpdateTexture(t, NULL, s->pixels, s->pitch) != 0)) {
		SDL_DestroyTexture(t); /* nothing written to it */
		t = NULL;
	}
	*w = s->w;
	*h = s->h;
	/* freed as SDL_ttf's surfaces always were: into a heap that fills what is freed
	 * (app/kiosk/heap.h), or back to the system when large */
	SDL_FreeSurface(s);
	return t;
}

/* Paint a kept text at (x, y); its width. */
static int paint_kept(SDL_Renderer *r, const struct mck_ui_text_entry *e, int x, int y)
{
	SDL_Rect dst = {x, y, e->w, e->h};

	SDL_RenderCopy(r, e->texture, NULL, &dst);
	return e->w;
}

int mck__ui_cache_text(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		       SDL_Color c, int x, int y)
{
	struct mck_ui_cache *cache = ui->cache;
	size_t len = strlen(text);
	uint64_t hash = mck__ui_hash((uint64_t)role, text, len);
	struct mck_ui_text_entry *e = text_entry(cache, hash, len, role, c);
	SDL_Texture *t;
	int w = 0;
	int h = 0;

	if (e != NULL && e->hash != 0) {
		cache->reused++;
		return paint_kept(r, e, x, y);
	}
	t = rasterise(ui, r, role, text, c, &w, &h);
	if (t == NULL) {
		return -1;
	}
	cache->rasterised++;
	if (e == NULL || cache->texts >= MCK_UI_TEXTS * 3 / 4) {
		/* full: painted once, not kept */
		SDL_Rect dst = {x, y, w, h};

		SDL_RenderCopy(r, t, NULL, &dst);
		SDL_RenderFlush(r);
		mck__ui_texture_wipe(r, t);
		return w;
	}
	*e = (struct mck_ui_text_entry){hash, (uint32_t)len, cache->ours, (uint8_t)role, c, t, w,
					h};
	cache->texts++;
	return paint_kept(r, e, x, y);
}

int mck__ui_cache_width(const struct mck_ui *ui, enum mck_ui_role role, const char *text,
			size_t len, uint64_t *hash)
{
	const struct mck_ui_cache *c = ui->cache;

	*hash = mck__ui_hash(0x5a17u + (uint64_t)role, text, len);
	for (size_t i = 0; i < MCK_UI_WIDTHS; i++) {
		const struct mck_ui_width_entry *e = &c->width[(*hash + i) & (MCK_UI_WIDTHS - 1)];

		if (e->hash == 0) {
			return -1;
		}
		if (e->hash == *hash && e->len == len && e->role == (int)role) {
			return e->w;
		}
	}
	return -1;
}

void mck__ui_cache_keep_width(const struct mck_ui *ui, enum mck_ui_role role, uint64_t hash,
			      size_t len, int w)
{
	struct mck_ui_cache *c = ui->cache;

	if (c->widths >= MCK_UI_WIDTHS * 3 / 4) {
		return; /* full: measured each time */
	}
	for (size_t i = 0; i < MCK_UI_WIDTHS; i++) {
		struct mck_ui_width_entry *e = &c->width[(hash + i) & (MCK_UI_WIDTHS - 1)];

		if (e->hash == 0) {
			*e = (struct mck_ui_width_entry){hash, (uint32_t)len, c->ours, (int)role,
							 w};
			c->widths++;
			return;
		}
	}
}
