/*
 * The kiosk's drawing toolkit: the UI object, fonts sized in millimetres, the
 * palette, filling, text (one line; wrapped, at spaces or only between
 * phrases; ellipsized as a last resort, counted), buttons, a scrolling list
 * of label/value rows with its indicator, requirement rows and the verdict
 * band. Every text and element drawn is recorded as a box (mck_ui_text_boxes).
 * Screens (screens.h) draw with it; it knows no screen and no dispatch.
 */
#ifndef MCK_UI_TOOLKIT_H
#define MCK_UI_TOOLKIT_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL_ttf.h>

#include "mck/ui.h"
#include "mck/view.h"

/* Font roles: the public enum mck_ui_role, short. */
#define F_BAND   MCK_UI_ROLE_BAND
#define F_REASON MCK_UI_ROLE_REASON
#define F_BODY   MCK_UI_ROLE_BODY
#define F_LABEL  MCK_UI_ROLE_LABEL
#define F_SYMBOL MCK_UI_ROLE_SYMBOL
#define F_TITLE  MCK_UI_ROLE_TITLE
#define F_NAME   MCK_UI_ROLE_NAME
#define F_COUNT  MCK_UI_ROLE_COUNT

#define MCK_UI_BOXES      640
#define MCK_UI_TRACE_POOL (64 * 1024)

/* How a draw paints (render.c). */
enum mck_ui_pass {
	MCK_UI_PASS_FULL = 0, /* everything, nothing cached: mck_ui_draw */
	MCK_UI_PASS_STATIC,   /* all but the live parts, which become slots; text cached */
	MCK_UI_PASS_LIVE,     /* the live parts alone, over the static layer */
};

struct mck_ui_cache; /* render.c, cache.c: what a cached render keeps */

struct mck_ui {
	char font_dir[1024]; /* where the fonts are: large text opens them again */
	bool large;          /* large text (mck_ui_set_large_text) */
	bool trace_ground;   /* record the colour under each text (mck_ui_trace_ground) */
	TTF_Font *font[F_COUNT];
	int cap_px[F_COUNT]; /* a capital H's height (the symbol font: the ✔'s) */
	int width;
	int height;
	double px_per_mm;
	int target_w; /* MCK_UI_TARGET_MM across and down, in pixels of each direction */
	int target_h;
	int unit; /* the layout's grid: a fortieth of the short side, at least 1.5 mm */
	unsigned overflows;
	/* Touch targets of the screen drawn last, by enum mck_ui_hit (PICK, POLICY: below). */
	SDL_Rect hit[MCK_UI_HIT_COUNT];
	SDL_Rect hit_pick[MCK_LANG_COUNT];
	SDL_Rect hit_policy[MCK_VIEW_POLICIES];
	unsigned targets; /* bit per enum mck_ui_hit: what the screen drawn last offers */
	SDL_Rect band;    /* the band drawn last (h 0: none yet) */
	unsigned scrolled_out;
	/* What the last draw drew (mck_ui_text_boxes). */
	struct mck_ui_box boxes[MCK_UI_BOXES];
	size_t nboxes;
	int parent; /* the box new boxes belong to, -1 none */
	int layer;
	char *trace; /* MCK_UI_TRACE_POOL bytes of drawn texts, when tracing */
	size_t trace_used;
	uint8_t preview_rgb[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H * 3];
	enum mck_ui_pass pass;
	bool ink_only; /* texts are recorded (boxes) but not painted: a live part in a static pass */
	struct mck_ui_cache *cache; /* NULL until the first mck_ui_render */
};

/* Where a screen draws, worked out once per draw. */
struct mck_ui_frame {
	SDL_Rect band;    /* the verdict band's least place (a band may grow: mck__ui_band) */
	SDL_Rect below;   /* under that, above the status bar */
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
	SDL_Color track; /* a scroll bar's track */
	SDL_Color good;  /* "counts" in words: the valid band's green, dark enough for text on
			    every light ground, the tint of another person's row too (4.5:1) */
};
extern const struct mck_ui_palette mck__ui_pal;

/*
 * Fonts from ui->font_dir, sized for ui->px_per_mm (and @p large) into @p font
 * and @p cap_px (F_COUNT each); 0, or -1 with @p msg and every font closed.
 */
int mck__ui_open_fonts(const struct mck_ui *ui, bool large, TTF_Font **font, int *cap_px, char *msg,
		       size_t cap);
void mck__ui_close_fonts(TTF_Font **font);
/** Forget the last draw's boxes (and wipe their texts). */
void mck__ui_boxes_reset(struct mck_ui *ui);
/** Record an element; returns its index (for mck__ui_parent), -1 when the list is full. */
int mck__ui_box(struct mck_ui *ui, enum mck_ui_box_kind kind, SDL_Rect rect);
/** Boxes recorded from now on belong to @p parent (-1: none); returns the one before. */
int mck__ui_parent(struct mck_ui *ui, int parent);

int mck__ui_skip(const struct mck_ui *ui, enum mck_ui_role role); /* line height */
void mck__ui_fill(SDL_Renderer *r, SDL_Rect box, SDL_Color c);
/** One line of text at (x, y) (its line's top); returns its width. */
int mck__ui_blit(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		 SDL_Color c, int x, int y);
int mck__ui_text_width(const struct mck_ui *ui, enum mck_ui_role role, const char *text);
/**
 * The live parts of a screen: what changes by itself while the rest stays
 * (the camera's picture, a countdown). A full draw paints them with the rest;
 * a cached render (render.c) leaves them out of its static layer, as slots,
 * and paints them over it, alone, when they change. Nothing drawn after a
 * live part may overlap it (the language picker covers them whole: under it
 * they are painted with the rest).
 */
/** The camera's picture (v->preview) scaled into @p dst, which it covers (opaque). */
void mck__ui_live_picture(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect dst);

/* A text that changes by itself: one line at (x, y) when it is at most limit wide, else
 * wrapped into `wrap`. The layout around it may depend on which (mck__ui_live_beside). */
struct mck_ui_live_text {
	void (*say)(const struct mck_view *v, char *text, size_t cap); /* the text now */
	enum mck_ui_role role;
	SDL_Color colour;
	int x;
	int y;
	int limit;
	SDL_Rect wrap;
};
#define MCK_UI_LIVE_TEXT 128 /* bytes a live text may take, its NUL included */
/** Whether @p t says what it says now on one line at (x, y). */
bool mck__ui_live_beside(const struct mck_ui *ui, const struct mck_view *v,
			 const struct mck_ui_live_text *t);
void mck__ui_live_text(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
		       const struct mck_ui_live_text *t);

/**
 * The texts measured and drawn from now on are the kiosk's own words (labels,
 * the band, buttons, the status bar), not a view's (a credential's): a cached
 * render keeps them from view to view. Returns what it was before.
 */
bool mck__ui_ours(const struct mck_ui *ui, bool ours);

/** The ink of @p text drawn at (x, y): from its tallest glyph's top to its lowest's bottom. */
SDL_Rect mck__ui_ink(const struct mck_ui *ui, enum mck_ui_role role, const char *text, int x,
		     int y);

/* How a text may break between lines. */
enum mck_ui_wrap {
	MCK_UI_WRAP_WORDS = 0, /* at spaces */
	MCK_UI_WRAP_PHRASES,   /* between phrases joined by MCK_UI_SEP (a status line); a
				  phrase wider than a line, between its clauses (", ") */
};
#define MCK_UI_SEP "  \xc2\xb7  " /* "  ·  " */

/**
 * How many bytes of @p p go on a line @p width wide (at least one character);
 * *next gets where the next line starts (spaces, a separator skipped).
 */
size_t mck__ui_next_line(const struct mck_ui *ui, enum mck_ui_role role, const char *p, int width,
			 enum mck_ui_wrap wrap, const char **next);
/** Lines @p text takes at @p width. */
int mck__ui_lines(const struct mck_ui *ui, enum mck_ui_role role, const char *text, int width,
		  enum mck_ui_wrap wrap);
/**
 * Wrap @p text into @p box, as many lines as box.h holds; what does not fit
 * is ellipsized on the last line and counted (an overflow: a layout bug).
 * Returns the height used.
 */
int mck__ui_wrapped(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		    SDL_Color c, SDL_Rect box);
int mck__ui_wrapped_as(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		       SDL_Color c, SDL_Rect box, enum mck_ui_wrap wrap);

/** A button: @p text on a solid block of height @p h at x (its right edge if right aligned). */
SDL_Rect mck__ui_button(struct mck_ui *ui, SDL_Renderer *r, const char *text, SDL_Color bg, int x,
			int y, int h, bool right_aligned);
/** The height of a button: large enough for a finger and its text. */
int mck__ui_button_height(const struct mck_ui *ui);
/** The width of a button saying @p text. */
int mck__ui_button_width(const struct mck_ui *ui, const char *text);

/*
 * A scrolling list of rows: a label and a value (label beside it on a wide
 * screen, above it on a narrow one), or a value alone. Values wrap whole,
 * never cut; the list scrolls by lines, and when any line is out of view a
 * scroll bar with arrows says so.
 */
struct mck_ui_row {
	const char *label; /* "" or NULL: none */
	const char *value; /* NULL or "": the row is skipped */
	enum mck_ui_role role;
	SDL_Color colour;
	bool paper; /* on the credential's paper (framed), not on white */
	bool wide;  /* no label: across the label column too (captions, notes) */
	bool ours;  /* the value is the kiosk's words, not the credential's */
};
#define MCK_UI_ROWS 96
struct mck_ui_list {
	struct mck_ui_row row[MCK_UI_ROWS];
	size_t rows;
	bool paper;   /* rows added from now on are on paper */
	bool wide;    /* ...and across the label column */
	bool ours;    /* ...and say the kiosk's words (mck__ui_ours) */
	bool grounds; /* draw each row's ground (white or paper) across fill_x..+fill_w */
	int fill_x;
	int fill_w;
	char text[8192]; /* the values the rows point into (mck__ui_list_printf) */
	size_t used;
};
void mck__ui_list_init(struct mck_ui_list *l);
void mck__ui_list_add(struct mck_ui_list *l, const char *label, const char *value,
		      enum mck_ui_role role, SDL_Color colour);
/** A row whose value is formatted into the list's own storage. */
void mck__ui_list_printf(struct mck_ui_list *l, const char *label, enum mck_ui_role role,
			 SDL_Color colour, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/**
 * Draw @p l in @p area from line @p scroll on (clamped to the last page);
 * the scroll bar takes the area's right edge when needed. Returns the lines
 * out of view.
 */
unsigned mck__ui_list_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_ui_list *l,
			   SDL_Rect area, unsigned scroll);
/** The width the list's scroll bar takes at the right of its area. */
int mck__ui_scrollbar_width(const struct mck_ui *ui);
/** A scroll bar in @p strip: @p first of @p total lines, @p shown of them in view. */
void mck__ui_scrollbar(struct mck_ui *ui, SDL_Renderer *r, SDL_Rect strip, unsigned first,
		       unsigned shown, unsigned total);

/**
 * Each requirement of a check: a marker, its label, its total, from
 * requirement @p first on. Returns the height used; *drawn gets how many fit.
 * With @p r NULL, only measures.
 */
int mck__ui_requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 SDL_Rect area, size_t first, size_t *drawn);

const char *mck__ui_verdict_word(enum mck_lang lang, enum mck_verdict v);
/** What the verdict means for the person checking ("accept", "ask staff"...). */
const char *mck__ui_verdict_action(enum mck_lang lang, enum mck_verdict v);
/** The first of @p reasons in plain words, or NULL for none. */
const char *mck__ui_first_reason(enum mck_lang lang, mck_reasons reasons);
/** The verdict's mark (✔, !, ✗, ?) and whether it is drawn in the symbol font. */
const char *mck__ui_verdict_mark(enum mck_verdict v, bool *symbol);

/* A band: a mark, a word beside it (wrapped), a line under them (wrapped). */
struct mck_ui_band {
	SDL_Color bg;
	SDL_Color fg;
	const char *mark; /* NULL: none */
	bool symbol;      /* the mark is in the symbol font */
	const char *word;
	enum mck_ui_role word_role;
	const char *line; /* NULL: none */
	int foot;         /* room kept at the bottom (the progress squares) */
};
/** Draw a band at the top, as tall as it needs and at least mck_ui_band_rect's; its rect. */
SDL_Rect mck__ui_band_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_ui_band *b);
/**
 * The verdict band for @p verdict: colour, mark, word, and @p line under them
 * (the kiosk's words only, never credential text); NULL: the first of
 * @p reasons, or what the verdict means. Returns its rect.
 */
SDL_Rect mck__ui_band(struct mck_ui *ui, SDL_Renderer *r, enum mck_verdict verdict,
		      enum mck_lang lang, mck_reasons reasons, const char *line);
/** The area under @p band and above the status bar. */
SDL_Rect mck__ui_under(const struct mck_ui_frame *f, SDL_Rect band);

#endif
