/*
 * The kiosk's drawing toolkit: the UI object, fonts, the palette, filling,
 * text (one line; wrapped and ellipsized, counting what does not fit),
 * buttons, label/value rows, requirement rows and the verdict band. Screens
 * (screens.h) draw with it; it knows no screen and no dispatch.
 */
#ifndef MCK_UI_TOOLKIT_H
#define MCK_UI_TOOLKIT_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL_ttf.h>

#include "mck/ui.h"
#include "mck/view.h"

enum font_role { F_BAND, F_REASON, F_BODY, F_LABEL, F_SYMBOL, F_TITLE, F_COUNT };

struct mck_ui {
	TTF_Font *font[F_COUNT];
	int width;
	int height;
	int unit; /* a fortieth of the short side: the layout's grid */
	unsigned overflows;
	/* Touch targets of the screen drawn last, by enum mck_ui_hit (PICK, POLICY: below). */
	SDL_Rect hit[MCK_UI_HIT_COUNT];
	SDL_Rect hit_pick[MCK_LANG_COUNT];
	SDL_Rect hit_policy[MCK_VIEW_POLICIES];
	unsigned targets; /* bit per enum mck_ui_hit: what the screen drawn last offers */
	uint8_t preview_rgb[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H * 3];
};

/* Where a screen draws, worked out once per draw. */
struct mck_ui_frame {
	SDL_Rect band;    /* the verdict band's place (mck_ui_band_rect) */
	SDL_Rect below;   /* under the band, above the status bar */
	SDL_Rect content; /* all above the status bar: screens without a band */
	SDL_Rect bar;     /* the status bar */
};

struct mck_ui_palette {
	SDL_Color ink;
	SDL_Color white;
	SDL_Color paper; /* the credential's own words are on it */
	SDL_Color frame;
	SDL_Color muted;
	SDL_Color alert;
	SDL_Color chip;
	SDL_Color slate; /* ours: the status bar and the operator's screens */
	SDL_Color blue;  /* ours, not a verdict: progress, checks, the picked language */
};
extern const struct mck_ui_palette mck__ui_pal;

/* Fonts from @p font_dir, sized to the short side; 0, or -1 with @p msg. */
int mck__ui_open_fonts(struct mck_ui *ui, const char *font_dir, char *msg, size_t cap);
void mck__ui_close_fonts(struct mck_ui *ui);

void mck__ui_fill(SDL_Renderer *r, SDL_Rect box, SDL_Color c);
/** One line of text at (x, y); returns its width. */
int mck__ui_blit(SDL_Renderer *r, TTF_Font *font, const char *text, SDL_Color c, int x, int y);
int mck__ui_text_width(TTF_Font *font, const char *text);
/** Wrap @p text into @p box, ellipsizing what does not fit (an overflow); the height used. */
int mck__ui_wrapped(struct mck_ui *ui, SDL_Renderer *r, TTF_Font *font, const char *text,
		    SDL_Color c, SDL_Rect box);

/** A button: @p text on a solid block of height @p h at x (its right edge if right aligned). */
SDL_Rect mck__ui_button(struct mck_ui *ui, SDL_Renderer *r, const char *text, SDL_Color bg, int x,
			int y, int h, bool right_aligned);
/** The height of a button: large enough for a finger. */
int mck__ui_button_height(const struct mck_ui *ui);

/* Label/value rows in an area, scrolled by @p skip rows; rows that do not fit are counted. */
struct mck_ui_rows {
	struct mck_ui *ui;
	SDL_Renderer *r;
	SDL_Rect area;
	int y;
	unsigned skip;   /* rows scrolled away above */
	unsigned hidden; /* rows below the area: reached by scrolling, not lost */
};
void mck__ui_rows_begin(struct mck_ui_rows *w, struct mck_ui *ui, SDL_Renderer *r, SDL_Rect area,
			unsigned skip);
/** A label and its value: side by side, or stacked on a narrow (portrait) screen. */
void mck__ui_row(struct mck_ui_rows *w, const char *label, const char *value, SDL_Color c);
/** The "more below" arrow at the bottom right of @p area. */
void mck__ui_more_below(struct mck_ui *ui, SDL_Renderer *r, SDL_Rect area);

/** Each requirement of a check: a marker, its label, its total. Returns the height used. */
int mck__ui_requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 SDL_Rect area);

const char *mck__ui_verdict_word(enum mck_lang lang, enum mck_verdict v);
/** What the verdict means for the person checking ("accept", "ask staff"...). */
const char *mck__ui_verdict_action(enum mck_lang lang, enum mck_verdict v);
/** The first of @p reasons in plain words, or NULL for none. */
const char *mck__ui_first_reason(enum mck_lang lang, mck_reasons reasons);
/**
 * The verdict band for @p verdict: colour, mark, word, and @p line under them
 * (the kiosk's words only, never credential text); NULL: the first of
 * @p reasons, or what the verdict means.
 */
void mck__ui_band(struct mck_ui *ui, SDL_Renderer *r, enum mck_verdict verdict, enum mck_lang lang,
		  mck_reasons reasons, const char *line);

#endif
