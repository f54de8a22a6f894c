/*
 * Drawing only what changed (mck_ui_render). A screen is static but for its
 * live parts (toolkit.h): it is drawn once into a layer, a target texture, and
 * each frame is that layer with the live parts painted over it. Whether
 * anything changed is decided from 64-bit hashes of the view, never from a
 * copy of it: what the view is about (content), what its static layer shows
 * (look), what its live parts show (live).
 */
#include <stddef.h>
#include <string.h>

#include "cache.h"
#include "live.h"
#include "mck/crypto.h"
#include "render.h"

/*
 * The view's fields that change by themselves, and where they show:
 *  - countdown_s: on a result live ("Clears in N s": whether there is one is
 *    the layer's; under the language picker all of it), on a decision and in
 *    the "still there?" banner in the layer;
 *  - op (the clock, uptime, counters): on the operator screen, to the minute;
 *  - the camera's picture: live (whether there is one, and its size, are the
 *    layer's);
 *  - scroll, the language picker and the keypad's focus ring: the layer's,
 *    not the content's (the texts stay the same).
 * Everything else counts byte for byte: any change is a new content.
 */
_Static_assert(offsetof(struct mck_view, scroll) < offsetof(struct mck_view, op) &&
		       offsetof(struct mck_view, op) < offsetof(struct mck_view, picker) &&
		       offsetof(struct mck_view, picker) < offsetof(struct mck_view, preview) &&
		       offsetof(struct mck_view, preview) < offsetof(struct mck_view, preview_w) &&
		       offsetof(struct mck_view, preview_w) <
			       offsetof(struct mck_view, preview_h) &&
		       offsetof(struct mck_view, preview_h) < offsetof(struct mck_view, focus) &&
		       offsetof(struct mck_view, focus) < offsetof(struct mck_view, countdown_s),
	       "the fields content() leaves out are in this order");

#define END(f) (offsetof(struct mck_view, f) + sizeof(((struct mck_view *)0)->f))

static uint64_t span(uint64_t h, const struct mck_view *v, size_t from, size_t to)
{
	return mck__ui_hash(h, (const char *)v + from, to - from);
}

static uint64_t content_of(const struct mck_view *v)
{
	uint64_t h = 0;

	h = span(h, v, 0, offsetof(struct mck_view, scroll));
	h = span(h, v, END(scroll), offsetof(struct mck_view, op));
	h = span(h, v, END(op), offsetof(struct mck_view, picker));
	h = span(h, v, END(picker), offsetof(struct mck_view, preview));
	h = span(h, v, END(countdown_s), sizeof(*v));
	return h;
}

static uint64_t look_of(const struct mck_view *v, uint64_t content)
{
	struct {
		uint64_t content;
		unsigned scroll;
		int picture[3];
		int picker;
		int focus[2]; /* where the ring is, {-1, -1}: none drawn */
		long long countdown;
	} k;
	uint64_t h;

	memset(&k, 0, sizeof(k));
	k.content = content;
	k.scroll = v->scroll;
	k.picker = v->picker;
	k.focus[0] = v->focus.shown ? v->focus.hit : -1;
	k.focus[1] = v->focus.shown ? v->focus.index : -1;
	k.picture[0] = v->preview != NULL;
	k.picture[1] = v->preview_w;
	k.picture[2] = v->preview_h;
	k.countdown = -1;
	if (v->screen == MCK_SCREEN_DECISION || v->still_there ||
	    (v->screen == MCK_SCREEN_RESULT && v->picker)) {
		k.countdown = v->countdown_s; /* in the layer (under the picker: in its boxes) */
	} else if (v->screen == MCK_SCREEN_RESULT) {
		k.countdown = v->countdown_s > 0; /* the rest is live */
	}
	h = mck__ui_hash(0, &k, sizeof(k));
	if (v->screen == MCK_SCREEN_OPERATOR) {
		const struct mck_view_operator *o = &v->op;
		long long minutes = o->uptime_s / 60;

		h = mck__ui_hash(h, o->now, strlen(o->now));
		h = mck__ui_hash(h, o->source, strlen(o->source));
		h = mck__ui_hash(h, o->software, strlen(o->software));
		h = mck__ui_hash(h, &minutes, sizeof(minutes));
		h = mck__ui_hash(h, &o->scans, sizeof(o->scans));
		h = mck__ui_hash(h, o->verdicts, sizeof(o->verdicts));
	}
	return h;
}

/*
 * The stack below us, where the draw's line buffers were (ours, SDL_ttf's,
 * HarfBuzz's), cleared: nothing of a screen's texts stays there once it
 * has gone.
 */
__attribute__((noinline)) static void scrub_stack(void)
{
	unsigned char below[64 * 1024];

	mck_zeroize(below, sizeof(below));
}

/* The static layer: the screen without its live parts, which become slots. */
static bool draw_layer(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	struct mck_ui_cache *c = ui->cache;
	SDL_Texture *out = SDL_GetRenderTarget(r);

	if (c->layer == NULL) {
		c->layer = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
					     ui->width, ui->height);
		if (c->layer == NULL) {
			return false;
		}
		SDL_SetTextureBlendMode(c->layer, SDL_BLENDMODE_NONE);
	}
	if (SDL_SetRenderTarget(r, c->layer) != 0) {
		return false;
	}
	c->slots = 0;
	c->personal = mck_view_personal(v);
	ui->pass = MCK_UI_PASS_STATIC;
	mck__ui_draw_screen(ui, r, v);
	ui->pass = MCK_UI_PASS_FULL;
	SDL_SetRenderTarget(r, out);
	c->layer_ok = true;
	return true;
}

/* The frame: the layer (whole, or only under the live texts), the live parts over it. */
static void compose(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, bool whole)
{
	struct mck_ui_cache *c = ui->cache;
	SDL_Rect all = {0, 0, ui->width, ui->height};

	if (whole) {
		SDL_RenderCopy(r, c->layer, &all, &all);
	} else {
		for (size_t i = 0; i < c->slots; i++) {
			SDL_Rect a;

			/* a picture covers its place; a text needs its ground back */
			if (c->slot[i].kind == MCK_UI_SLOT_TEXT &&
			    SDL_IntersectRect(&c->slot[i].area, &all, &a)) {
				SDL_RenderCopy(r, c->layer, &a, &a);
			}
		}
	}
	ui->pass = MCK_UI_PASS_LIVE;
	mck__ui_live_paint(ui, r, v);
	ui->pass = MCK_UI_PASS_FULL;
}

enum mck_ui_rendered mck_ui_render(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
				   unsigned flags)
{
	struct mck_ui_cache *c = mck__ui_cache_bind(ui, r);
	uint64_t content;
	uint64_t look;
	uint64_t live = 0;
	bool layer;
	bool gone;

	if (c == NULL) {
		mck_ui_draw(ui, r, v);
		return MCK_UI_RENDERED_ALL;
	}
	content = content_of(v);
	look = look_of(v, content);
	gone = c->layer_ok && content != c->content;
	if (gone) {
		/* another screen, result, language: the last one's texts go, wiped */
		mck__ui_cache_drop_view(c);
	}
	layer = !c->layer_ok || gone || look != c->look;
	if (!layer) {
		live = mck__ui_live_hash(ui, v);
		if (live == c->live && (flags & MCK_UI_RENDER_AGAIN) == 0) {
			return MCK_UI_RENDERED_NOTHING;
		}
		/* a live text that moves to or from its line changes the layout around it */
		layer = live != c->live && !mck__ui_live_fits(ui, v);
	}
	if (layer) {
		if (!draw_layer(ui, r, v)) {
			/* a renderer without target textures: drawn whole every time, as ever */
			c->layer_ok = false;
			mck__ui_cache_drop_view(c);
			mck_ui_draw(ui, r, v);
			return MCK_UI_RENDERED_ALL;
		}
		c->content = content;
		c->look = look;
		live = mck__ui_live_hash(ui, v);
	}
	compose(ui, r, v,
		layer ||
			(flags & (MCK_UI_RENDER_AGAIN | MCK_UI_RENDER_KEPT)) != MCK_UI_RENDER_KEPT);
	c->live = live;
	if (gone) {
		scrub_stack();
	}
	return layer ? MCK_UI_RENDERED_ALL : MCK_UI_RENDERED_LIVE;
}

void mck_ui_forget(struct mck_ui *ui)
{
	mck__ui_cache_free(ui);
}

void mck_ui_render_stats(const struct mck_ui *ui, struct mck_ui_render_stats *s)
{
	const struct mck_ui_cache *c = ui->cache;

	memset(s, 0, sizeof(*s));
	if (c == NULL) {
		return;
	}
	s->rasterised = c->rasterised;
	s->reused = c->reused;
	s->texts = c->texts;
	s->widths = c->widths;
	for (size_t i = 0; i < MCK_UI_TEXTS; i++) {
		s->view_texts += c->text[i].hash != 0 && !c->text[i].ours;
	}
	for (size_t i = 0; i < MCK_UI_WIDTHS; i++) {
		s->view_widths += c->width[i].hash != 0 && !c->width[i].ours;
	}
	s->slots = c->slots;
}
