/*
 * The UI's entry: one table maps each enum mck_screen to the screen that draws
 * it and the touch targets it offers; mck_ui_draw lays out the band, the area
 * below it and the status bar, and draws the screen, the language picker and
 * the bar. What a touch means is looked up among the last screen's targets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "render.h"
#include "screens.h"

#define HIT(h) (1u << (MCK_UI_HIT_##h))
_Static_assert(MCK_UI_HIT_COUNT <= 32, "one bit per touch target");

typedef void draw_fn(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
		     const struct mck_ui_frame *f);

struct screen {
	draw_fn *draw;
	unsigned targets; /* HIT() bits offered besides the status bar's (LANGUAGE, STATUS, PICK) */
	bool banded;      /* a band on top: the language picker stays below it */
};

/*
 * Idle: what to do and the camera's picture; below them, never over them, the
 * start button (with a policy). A clock not set is the operator's matter: the
 * status bar and the operator screen say it, not the public idle text.
 */
static void idle_screen(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			const struct mck_ui_frame *f)
{
	struct mck_ui_frame g = *f;
	int start = v->session.available ? mck__ui_start_height(ui) : 0;

	g.content.h -= start;
	mck__ui_screen_idle(ui, r, v, &g);
	if (start > 0) {
		mck__ui_start_button(
			ui, r, v,
			(SDL_Rect){g.content.x, g.content.y + g.content.h, g.content.w, start});
	}
}

static const struct screen screens[] = {
	[MCK_SCREEN_IDLE] = {idle_screen, HIT(START), false},
	[MCK_SCREEN_PROGRESS] = {mck__ui_screen_progress, 0, true},
	[MCK_SCREEN_RESULT] = {mck__ui_screen_result, HIT(DONE), true},
	[MCK_SCREEN_ERROR] = {mck__ui_screen_error, 0, true},
	[MCK_SCREEN_OPERATOR] = {mck__ui_screen_operator, 0, false},
	[MCK_SCREEN_SESSION] = {mck__ui_screen_session, HIT(FINISH) | HIT(CANCEL), true},
	[MCK_SCREEN_DECISION] = {mck__ui_screen_decision, HIT(DONE), true},
	[MCK_SCREEN_POLICIES] = {mck__ui_screen_policies, HIT(POLICY) | HIT(CANCEL), false},
};

/* Idle while a fault stops checking: the fault, as an error screen. */
static const struct screen fault_screen = {mck__ui_screen_error, 0, true};

/* The screen that draws @p v: an unknown one is idle. */
static const struct screen *screen_of(const struct mck_view *v)
{
	const struct screen *s = &screens[MCK_SCREEN_IDLE];

	if ((unsigned)v->screen < sizeof(screens) / sizeof(screens[0]) &&
	    screens[v->screen].draw != NULL) {
		s = &screens[v->screen];
	}
	if (s == &screens[MCK_SCREEN_IDLE] && mck_view_fault(v, NULL)) {
		s = &fault_screen;
	}
	return s;
}

/* Pixels enough to cover @p px: a fraction is one more. */
static int whole_px(double px)
{
	int n = (int)px;

	return n < px ? n + 1 : n;
}

struct mck_ui *mck_ui_create_physical(const char *font_dir, int width, int height, double width_mm,
				      double height_mm, char *msg, size_t cap)
{
	struct mck_ui *ui;
	int short_side = width < height ? width : height;

	if (width <= 0 || height <= 0 || !(width_mm > 0) || !(height_mm > 0)) {
		snprintf(msg, cap, "display: %dx%d px, %.1fx%.1f mm", width, height, width_mm,
			 height_mm);
		return NULL;
	}
	ui = calloc(1, sizeof(*ui));
	if (ui == NULL || (!TTF_WasInit() && TTF_Init() != 0)) {
		snprintf(msg, cap, "SDL_ttf: %s", TTF_GetError());
		free(ui);
		return NULL;
	}
	if (snprintf(ui->font_dir, sizeof(ui->font_dir), "%s", font_dir) >=
	    (int)sizeof(ui->font_dir)) {
		snprintf(msg, cap, "font directory: path too long");
		free(ui);
		return NULL;
	}
	ui->width = width;
	ui->height = height;
	/* pixels are square enough for text: the mean of both directions */
	ui->px_per_mm = (width / width_mm + height / height_mm) / 2;
	/* ...but not for a touch target's 9 mm (the 7" panel's are 0.193 x 0.179 mm) */
	ui->target_w = whole_px(MCK_UI_TARGET_MM * width / width_mm);
	ui->target_h = whole_px(MCK_UI_TARGET_MM * height / height_mm);
	ui->unit = short_side / 40 > 4 ? short_side / 40 : 4;
	if (ui->unit < (int)(1.5 * ui->px_per_mm)) {
		ui->unit = (int)(1.5 * ui->px_per_mm + 0.5);
	}
	mck__ui_boxes_reset(ui);
	if (mck__ui_open_fonts(ui, false, ui->font, ui->cap_px, msg, cap) != 0) {
		mck_ui_destroy(ui);
		return NULL;
	}
	return ui;
}

struct mck_ui *mck_ui_create(const char *font_dir, int width, int height, char *msg, size_t cap)
{
	return mck_ui_create_physical(font_dir, width, height, width * 25.4 / MCK_UI_DEFAULT_PPI,
				      height * 25.4 / MCK_UI_DEFAULT_PPI, msg, cap);
}

void mck_ui_destroy(struct mck_ui *ui)
{
	if (ui == NULL) {
		return;
	}
	mck__ui_cache_free(ui);
	mck__ui_close_fonts(ui->font);
	if (ui->trace != NULL) {
		memset(ui->trace, 0, MCK_UI_TRACE_POOL);
		free(ui->trace);
	}
	free(ui);
}

unsigned mck_ui_overflows(const struct mck_ui *ui)
{
	return ui->overflows;
}

size_t mck_ui_text_boxes(const struct mck_ui *ui, const struct mck_ui_box **boxes)
{
	*boxes = ui->nboxes > 0 ? ui->boxes : NULL;
	return ui->nboxes;
}

void mck_ui_trace_text(struct mck_ui *ui, bool on)
{
	if (on && ui->trace == NULL) {
		ui->trace = calloc(1, MCK_UI_TRACE_POOL);
	} else if (!on && ui->trace != NULL) {
		mck__ui_boxes_reset(ui); /* the boxes point into it */
		free(ui->trace);
		ui->trace = NULL;
	}
}

int mck_ui_set_large_text(struct mck_ui *ui, bool on, char *msg, size_t cap)
{
	TTF_Font *font[F_COUNT] = {NULL};
	int cap_px[F_COUNT];

	if (ui->large == on) {
		return 0;
	}
	/* the new sizes first: when they cannot be opened, the old stay */
	if (mck__ui_open_fonts(ui, on, font, cap_px, msg, cap) != 0) {
		return -1;
	}
	mck__ui_cache_free(ui); /* its texts and widths are of the old sizes */
	mck__ui_close_fonts(ui->font);
	memcpy(ui->font, font, sizeof(font));
	memcpy(ui->cap_px, cap_px, sizeof(cap_px));
	ui->large = on;
	return 0;
}

bool mck_ui_large_text(const struct mck_ui *ui)
{
	return ui->large;
}

void mck_ui_trace_ground(struct mck_ui *ui, bool on)
{
	ui->trace_ground = on;
}

double mck_ui_px_per_mm(const struct mck_ui *ui)
{
	return ui->px_per_mm;
}

unsigned mck_ui_scrolled_out(const struct mck_ui *ui)
{
	return ui->scrolled_out;
}

/*
 * The keypad's focus: a ring inside the target's edge, ink outside and white
 * within, so one of the two stands out at 3:1 or more on every ground the
 * kiosk draws (white, paper, blue, slate, chip: WCAG 2.4.7, 1.4.11). Inside the
 * target, it never reaches the band.
 */
static void focus_ring(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	SDL_Rect b;
	int t = ui->unit / 4 > 2 ? ui->unit / 4 : 2;

	if (!v->focus.shown || !mck_ui_offers(ui, (enum mck_ui_hit)v->focus.hit, v->focus.index)) {
		return;
	}
	b = mck_ui_hit_rect(ui, (enum mck_ui_hit)v->focus.hit, v->focus.index);
	for (int i = 0; i < 2 && b.w > 4 * t && b.h > 4 * t; i++) {
		SDL_Color c = i == 0 ? mck__ui_pal.ink : mck__ui_pal.white;

		mck__ui_fill(r, (SDL_Rect){b.x, b.y, b.w, t}, c);
		mck__ui_fill(r, (SDL_Rect){b.x, b.y + b.h - t, b.w, t}, c);
		mck__ui_fill(r, (SDL_Rect){b.x, b.y + t, t, b.h - 2 * t}, c);
		mck__ui_fill(r, (SDL_Rect){b.x + b.w - t, b.y + t, t, b.h - 2 * t}, c);
		b = (SDL_Rect){b.x + t, b.y + t, b.w - 2 * t, b.h - 2 * t};
	}
}

void mck__ui_draw_screen(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	const struct screen *s = screen_of(v);
	char status[512];
	struct mck_ui_frame f;
	int bar_h;

	mck__ui_boxes_reset(ui);
	memset(&ui->band, 0, sizeof(ui->band));
	ui->scrolled_out = 0;
	mck__ui_status_text(v, status, sizeof(status));
	mck__ui_ours(ui, true); /* the status bar: the kiosk's facts */
	bar_h = mck__ui_status_height(ui, v, status);
	mck__ui_ours(ui, false);
	f.band = mck_ui_band_rect(ui); /* before a band is drawn: its least */
	f.bar = (SDL_Rect){0, ui->height - bar_h, ui->width, bar_h};
	f.below = (SDL_Rect){0, f.band.h, ui->width, ui->height - f.band.h - bar_h};
	f.content = (SDL_Rect){0, 0, ui->width, ui->height - bar_h};
	memset(ui->hit, 0, sizeof(ui->hit));
	memset(ui->hit_pick, 0, sizeof(ui->hit_pick));
	memset(ui->hit_policy, 0, sizeof(ui->hit_policy));
	mck__ui_fill(r, (SDL_Rect){0, 0, ui->width, ui->height}, mck__ui_pal.white);
	s->draw(ui, r, v, &f);
	ui->targets = s->targets | HIT(LANGUAGE) | HIT(STATUS) | (v->picker ? HIT(PICK) : 0);
	mck__ui_ours(ui, true); /* the picker and the status bar: the kiosk's words */
	if (v->picker) {
		mck__ui_picker(ui, r, v,
			       s->banded ? mck__ui_under(&f, mck_ui_band_rect(ui)) : f.content);
	}
	mck__ui_status_bar(ui, r, v, status, f.bar);
	focus_ring(ui, r, v);
	mck__ui_ours(ui, false);
}

void mck_ui_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	ui->pass = MCK_UI_PASS_FULL;
	mck__ui_draw_screen(ui, r, v);
}

static bool inside(SDL_Rect box, int x, int y)
{
	return box.w > 0 && box.h > 0 && x >= box.x && y >= box.y && x < box.x + box.w &&
	       y < box.y + box.h;
}

enum mck_ui_hit mck_ui_hit_test(const struct mck_ui *ui, int x, int y, enum mck_lang *pick)
{
	/* the order matters where targets overlap: the picker lies over everything */
	static const enum mck_ui_hit order[] = {
		MCK_UI_HIT_PICK,   MCK_UI_HIT_LANGUAGE, MCK_UI_HIT_START,  MCK_UI_HIT_FINISH,
		MCK_UI_HIT_CANCEL, MCK_UI_HIT_DONE,     MCK_UI_HIT_POLICY, MCK_UI_HIT_STATUS,
	};

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		enum mck_ui_hit h = order[i];

		if ((ui->targets & (1u << h)) == 0) {
			continue;
		}
		if (h == MCK_UI_HIT_PICK) {
			for (int l = 0; l < MCK_LANG_COUNT; l++) {
				if (inside(ui->hit_pick[l], x, y)) {
					if (pick != NULL) {
						*pick = (enum mck_lang)l;
					}
					return h;
				}
			}
		} else if (h == MCK_UI_HIT_POLICY) {
			if (mck_ui_policy_at(ui, x, y) >= 0) {
				return h;
			}
		} else if (inside(ui->hit[h], x, y)) {
			return h;
		}
	}
	return MCK_UI_HIT_NONE;
}

int mck_ui_policy_at(const struct mck_ui *ui, int x, int y)
{
	for (int i = 0; i < MCK_VIEW_POLICIES; i++) {
		if (inside(ui->hit_policy[i], x, y)) {
			return i;
		}
	}
	return -1;
}

bool mck_ui_offers(const struct mck_ui *ui, enum mck_ui_hit what, int index)
{
	SDL_Rect b;

	if ((unsigned)what >= MCK_UI_HIT_COUNT || what == MCK_UI_HIT_NONE ||
	    (ui->targets & (1u << what)) == 0) {
		return false;
	}
	/* the open picker lies over the screen: only it and its button take a touch */
	if ((ui->targets & (1u << MCK_UI_HIT_PICK)) != 0 && what != MCK_UI_HIT_PICK &&
	    what != MCK_UI_HIT_LANGUAGE) {
		return false;
	}
	b = mck_ui_hit_rect(ui, what, index);
	return b.w > 0 && b.h > 0;
}

SDL_Rect mck_ui_hit_rect(const struct mck_ui *ui, enum mck_ui_hit what, int index)
{
	switch (what) {
	case MCK_UI_HIT_POLICY:
		if (index >= 0 && index < MCK_VIEW_POLICIES) {
			return ui->hit_policy[index];
		}
		break;
	case MCK_UI_HIT_PICK:
		if (index >= 0 && index < MCK_LANG_COUNT) {
			return ui->hit_pick[index];
		}
		break;
	case MCK_UI_HIT_NONE:
	case MCK_UI_HIT_COUNT:
		break;
	default:
		return ui->hit[what];
	}
	return (SDL_Rect){0, 0, 0, 0};
}
