/*
 * What a cached render keeps between frames (render.c draws with it):
 *  - the static layer: the screen drawn once into a target texture, all but
 *    its live parts, which are slots painted over it when they change;
 *  - per view, the texts drawn (role, colour, text: a texture each, so a text
 *    is rasterised once) and their measured widths (layout is measuring);
 *    the kiosk's own words (labels, the band, buttons, the status bar, idle's
 *    texts: what the drawing code marks with mck__ui_ours) from view to view;
 *  - hashes that say whether the view changed. No text is kept: a text's key
 *    is a 64-bit hash of it, its length, role and colour.
 * Privacy: what a view with a learner's data left here (its texts' textures'
 * pixels, their hashes) is wiped, not just freed, when the view changes
 * (another screen, another result, a cleared one) and when the cache goes.
 * The kiosk's own words (idle, the operator's screens) are only freed.
 */
#ifndef MCK_UI_CACHE_H
#define MCK_UI_CACHE_H

#include "toolkit.h"

#define MCK_UI_SLOTS  4
#define MCK_UI_TEXTS  512  /* text textures a view keeps at most (a power of two) */
#define MCK_UI_WIDTHS 2048 /* measured widths (a power of two) */

enum mck_ui_slot_kind {
	MCK_UI_SLOT_PICTURE = 0,
	MCK_UI_SLOT_TEXT,
};

/* A live part left out of the static layer. */
struct mck_ui_slot {
	enum mck_ui_slot_kind kind;
	SDL_Rect area; /* all it may paint: restored from the static layer before it is */
	SDL_Rect dst;  /* PICTURE: where */
	struct mck_ui_live_text text; /* TEXT */
	bool beside;                  /* TEXT: on one line at (x, y), as laid out */
	int box;                      /* its first box in ui->boxes, */
	int boxes;                    /* how many it records */
	int parent;                   /* the box its boxes belong to */
	int layer;
};

struct mck_ui_text_entry {
	uint64_t hash; /* 0: free */
	uint32_t len;
	bool ours; /* the kiosk's own words: kept from view to view */
	uint8_t role;
	SDL_Color colour;
	SDL_Texture *texture; /* ARGB8888, streaming (so it can be wiped), blended */
	int w;
	int h;
};

struct mck_ui_width_entry {
	uint64_t hash; /* 0: free */
	uint32_t len;
	bool ours;
	int role;
	int w;
};

struct mck_ui_cache {
	SDL_Renderer *r; /* the renderer every texture here belongs to */
	bool software;   /* SDL's software renderer: the picture is scaled here, not by a GPU */
	SDL_Texture *layer;
	bool layer_ok;    /* the layer holds the view hashed as content/look */
	bool personal;    /* ...a view with a learner's data: its texts' textures are wiped */
	uint64_t content; /* what the view is about (a new screen, result, language: new texts) */
	uint64_t look;    /* what the static layer shows */
	uint64_t live;    /* what the live parts show */
	struct mck_ui_slot slot[MCK_UI_SLOTS];
	size_t slots;
	SDL_Texture *picture; /* the camera's picture, RGB888 streaming */
	int picture_w;
	int picture_h;
	struct mck_ui_text_entry text[MCK_UI_TEXTS];
	size_t texts;
	struct mck_ui_width_entry width[MCK_UI_WIDTHS];
	size_t widths;
	bool ours; /* what is measured and drawn now is the kiosk's own words (mck__ui_ours) */
	/* room to sort the kiosk's own words from a view's when it goes */
	struct mck_ui_text_entry text_kept[MCK_UI_TEXTS];
	struct mck_ui_width_entry width_kept[MCK_UI_WIDTHS];
	/* for tests and benchmarks */
	unsigned long rasterised; /* texts rasterised (a miss) */
	unsigned long reused;     /* texts drawn from a texture (a hit) */
};

/** A 64-bit hash of @p n bytes, going on from @p seed. */
uint64_t mck__ui_hash(uint64_t seed, const void *p, size_t n);

/** @p ui's cache, bound to @p r (a new renderer: everything of the old one wiped). NULL: none. */
struct mck_ui_cache *mck__ui_cache_bind(struct mck_ui *ui, SDL_Renderer *r);
/**
 * Forget what the view's texts left: text textures (wiped first when the view
 * was c->personal) and widths (wiped). The kiosk's own words stay, unless they
 * fill half the room.
 */
void mck__ui_cache_drop_view(struct mck_ui_cache *c);
/** Wipe and forget everything, the static layer too, and the cache itself. */
void mck__ui_cache_free(struct mck_ui *ui);
/** Clear @p t's pixels (a target or a streaming texture), then destroy it. */
void mck__ui_texture_wipe(SDL_Renderer *r, SDL_Texture *t);

/**
 * Paint @p text at (x, y) from its cached texture, rasterising it on a miss.
 * Returns its width, -1 when it could not (the caller paints it as ever).
 */
int mck__ui_cache_text(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		       SDL_Color c, int x, int y);
/** A width measured before in this view, or -1; mck__ui_cache_keep_width stores one. */
int mck__ui_cache_width(const struct mck_ui *ui, enum mck_ui_role role, const char *text,
			size_t len, uint64_t *hash);
void mck__ui_cache_keep_width(const struct mck_ui *ui, enum mck_ui_role role, uint64_t hash,
			      size_t len, int w);

#endif
