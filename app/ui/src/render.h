/* Inside the kiosk's renderer: the UI object and the drawing helpers its screens share. */
#ifndef MCK_UI_RENDER_H
#define MCK_UI_RENDER_H

#include <SDL_ttf.h>

#include "mck/ui.h"

enum font_role { F_BAND, F_REASON, F_BODY, F_LABEL, F_SYMBOL, F_TITLE, F_COUNT };

struct mck_ui {
	TTF_Font *font[F_COUNT];
	int width;
	int height;
	int unit; /* a fortieth of the short side: the layout's grid */
	unsigned overflows;
	/* Touch targets of the screen drawn last. */
	SDL_Rect hit_language;
	SDL_Rect hit_status;
	SDL_Rect hit_pick[MCK_LANG_COUNT];
	SDL_Rect hit_start;  /* idle with a policy */
	SDL_Rect hit_finish; /* a check */
	SDL_Rect hit_cancel;
	SDL_Rect hit_done; /* the decision */
	SDL_Rect hit_policy[MCK_VIEW_POLICIES];
	uint8_t preview_rgb[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H * 3];
};

#define MCK_UI_INK                                                                                 \
	{                                                                                          \
		20, 24, 28, 255                                                                    \
	}
#define MCK_UI_WHITE                                                                               \
	{                                                                                          \
		255, 255, 255, 255                                                                 \
	}
#define MCK_UI_PAPER                                                                               \
	{                                                                                          \
		244, 246, 248, 255                                                                 \
	}
#define MCK_UI_FRAME                                                                               \
	{                                                                                          \
		91, 107, 127, 255                                                                  \
	}
#define MCK_UI_MUTED                                                                               \
	{                                                                                          \
		84, 94, 106, 255                                                                   \
	}
#define MCK_UI_ALERT                                                                               \
	{                                                                                          \
		176, 0, 32, 255                                                                    \
	}
#define MCK_UI_CHIP                                                                                \
	{                                                                                          \
		62, 76, 94, 255                                                                    \
	}
/* ours: the status bar and the operator's screens */
#define MCK_UI_SLATE                                                                               \
	{                                                                                          \
		33, 41, 51, 255                                                                    \
	}
/* ours, not a verdict: progress, checks, the picked language */
#define MCK_UI_BLUE                                                                                \
	{                                                                                          \
		30, 80, 160, 255                                                                   \
	}

void mck__ui_fill(SDL_Renderer *r, SDL_Rect box, SDL_Color c);
/** One line of text at (x, y); returns its width. */
int mck__ui_blit(SDL_Renderer *r, TTF_Font *font, const char *text, SDL_Color c, int x, int y);
int mck__ui_text_width(TTF_Font *font, const char *text);
/** Wrap @p text into @p box, ellipsizing what does not fit; returns the height used. */
int mck__ui_wrapped(struct mck_ui *ui, SDL_Renderer *r, TTF_Font *font, const char *text,
		    SDL_Color c, SDL_Rect box);
/**
 * The verdict band for v->verdict: mark, word, and @p line under them (the
 * kiosk's words only, never credential text); NULL: the first reason, or what
 * the verdict means.
 */
void mck__ui_band(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, const char *line);
/** The first of @p reasons in plain words, or NULL for none. */
const char *mck__ui_first_reason(enum mck_lang lang, mck_reasons reasons);
const char *mck__ui_verdict_word(enum mck_lang lang, enum mck_verdict v);

/* The entry-requirements screens (session.c). */
void mck__ui_draw_session(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect below);
void mck__ui_draw_decision(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   SDL_Rect below);
/** The operator picks which check to start (several policies). */
void mck__ui_draw_policies(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   SDL_Rect area);
/** Idle with a policy: the start button at the bottom of @p area. */
void mck__ui_draw_start(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			SDL_Rect area);

#endif
