/* Drawing the kiosk's screens with SDL2 and SDL_ttf. */
#ifndef MCK_UI_H
#define MCK_UI_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "mck/view.h"

struct mck_ui; /* heap object: fonts and layout for one screen size */

/* The pixel density mck_ui_create assumes: the 7-inch 800x480 panel's. */
#define MCK_UI_DEFAULT_PPI 133

/*
 * Legible from a metre: no text is drawn with capitals under this many
 * millimetres high on the panel, the credential's details not under
 * MCK_UI_DETAIL_MM, the learner's name not under MCK_UI_NAME_MM.
 */
#define MCK_UI_MIN_MM    3.0
/* A touch target's least side, each way on the panel (EN 301 549 5.5, the 9 mm). */
#define MCK_UI_TARGET_MM 9.0
#define MCK_UI_DETAIL_MM 4.0
#define MCK_UI_NAME_MM   6.0

/** Fonts from @p font_dir (Noto Sans + Noto Sans Symbols 2). NULL with a message on failure. */
struct mck_ui *mck_ui_create(const char *font_dir, int width, int height, char *msg, size_t cap);
/**
 * As mck_ui_create, for a panel of @p width_mm x @p height_mm (its picture
 * area as mounted, like width x height): text sizes follow the millimetres.
 * mck_ui_create is this with MCK_UI_DEFAULT_PPI.
 */
struct mck_ui *mck_ui_create_physical(const char *font_dir, int width, int height, double width_mm,
				      double height_mm, char *msg, size_t cap);
void mck_ui_destroy(struct mck_ui *ui);

/*
 * Large text (EN 301 549 5.1.4: closed functionality enlarges its own text):
 * the reading text (details, reasons, labels, buttons, the status bar) drawn
 * MCK_UI_LARGE_READING times its size, the already large (the band's word and
 * mark, titles, the name) MCK_UI_LARGE_DISPLAY times. The layout is the same:
 * the band stays on top, what no longer fits scrolls.
 */
#define MCK_UI_LARGE_READING 1.3
#define MCK_UI_LARGE_DISPLAY 1.15
/*
 * ...and no capital under this in large text: 0.7 degrees at 327 mm, the
 * viewing distance docs/accessibility.md states for EN 301 549 5.1.4.
 */
#define MCK_UI_LARGE_MIN_MM  4.0
/**
 * Switch large text on or off (the fonts are opened again at the new sizes,
 * what mck_ui_render kept is dropped). Returns 0, or -1 with @p msg when a
 * font cannot be opened at the new size: the UI keeps drawing at the old one.
 */
int mck_ui_set_large_text(struct mck_ui *ui, bool on, char *msg, size_t cap);
/** Whether large text is on. */
bool mck_ui_large_text(const struct mck_ui *ui);

/** Draw @p v on @p r (width x height given at create), whole and afresh. */
void mck_ui_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v);

/*
 * Drawing only what changed. A screen is static except for its live parts
 * (the camera's picture, "Clears in N s"): mck_ui_render draws it once into a
 * layer (a target texture of @p r) and then paints only the live parts over
 * it, and nothing at all while nothing shown changes. The pixels are
 * mck_ui_draw's. Whether the view changed is judged from hashes of it, never
 * from a copy; what a view's texts left in the UI's textures is wiped when
 * the view changes or the UI goes (test_redraw, test_kiosk_memory).
 */
enum mck_ui_rendered {
	MCK_UI_RENDERED_NOTHING = 0, /* nothing shown changed: the target is untouched */
	MCK_UI_RENDERED_LIVE,        /* the live parts alone were painted */
	MCK_UI_RENDERED_ALL,         /* the screen was drawn anew */
};
/* The target still holds what the last mck_ui_render drew there (a software
 * renderer's window, a texture): a live part is painted alone. Without it (a
 * GPU's back buffer after a present) a changed frame is composed whole. */
#define MCK_UI_RENDER_KEPT  1u
/* Compose the frame whole even if nothing changed (the window was exposed). */
#define MCK_UI_RENDER_AGAIN 2u
/**
 * Draw @p v onto @p r's current target if what it shows changed since the
 * last call (MCK_UI_RENDER_* @p flags); present only when this did not return
 * NOTHING. The textures kept belong to @p r: call mck_ui_forget before
 * destroying it (a call with another renderer forgets the first's).
 */
enum mck_ui_rendered mck_ui_render(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
				   unsigned flags);
/** Wipe and drop every texture mck_ui_render kept (before the renderer goes). */
void mck_ui_forget(struct mck_ui *ui);

/* What the renders since mck_ui_forget kept and did (tests, benchmarks). */
struct mck_ui_render_stats {
	unsigned long rasterised; /* texts rasterised */
	unsigned long reused;     /* texts painted from a kept texture */
	size_t texts;             /* text textures kept */
	size_t view_texts;        /* ...of them the view's own (a credential's: not the kiosk's) */
	size_t widths;            /* widths kept */
	size_t view_widths;       /* ...of them the view's own */
	size_t slots;             /* live parts of the current screen */
};
void mck_ui_render_stats(const struct mck_ui *ui, struct mck_ui_render_stats *s);

/** Text boxes whose text did not fit even after wrapping and ellipsizing, since create. */
unsigned mck_ui_overflows(const struct mck_ui *ui);

/* What a touch or click at a point of the last drawn screen means. */
enum mck_ui_hit {
	MCK_UI_HIT_NONE = 0,
	MCK_UI_HIT_LANGUAGE, /* the language button: open or close the picker */
	MCK_UI_HIT_PICK,     /* a language in the open picker (see @p picked) */
	MCK_UI_HIT_STATUS,   /* the status bar: the operator screen */
	MCK_UI_HIT_START,    /* idle with a policy: start a check */
	MCK_UI_HIT_FINISH,   /* a check: decide */
	MCK_UI_HIT_CANCEL,   /* a check: drop it, back to idle */
	MCK_UI_HIT_DONE,     /* the decision: clear everything */
	MCK_UI_HIT_POLICY,   /* the policy picker: which check (mck_ui_policy_at) */
	MCK_UI_HIT_COUNT
};

/** What (x, y) hits on the screen drawn last; @p picked gets the language for PICK. */
enum mck_ui_hit mck_ui_hit_test(const struct mck_ui *ui, int x, int y, enum mck_lang *picked);
/** Which policy (0-based) the picker shows at (x, y); -1 for none. */
int mck_ui_policy_at(const struct mck_ui *ui, int x, int y);

/**
 * Whether the screen drawn last offers the target @p what (@p index for PICK
 * and POLICY) to a touch, and so to the keypad's focus; with the language
 * picker open, only the picker and its button.
 */
bool mck_ui_offers(const struct mck_ui *ui, enum mck_ui_hit what, int index);

/** The rectangle of a touch target on the last screen (index: the language for PICK, the policy for POLICY). */
SDL_Rect mck_ui_hit_rect(const struct mck_ui *ui, enum mck_ui_hit what, int index);

/* What a drawn text is (its font): tests check each can be read. */
enum mck_ui_role {
	MCK_UI_ROLE_BAND = 0, /* the verdict's word */
	MCK_UI_ROLE_REASON,   /* the band's line, notes, hints, lists */
	MCK_UI_ROLE_BODY,     /* the credential's details, buttons */
	MCK_UI_ROLE_LABEL,    /* captions, labels, the status bar */
	MCK_UI_ROLE_SYMBOL,   /* the verdict's mark: ✔ ✗ */
	MCK_UI_ROLE_TITLE,    /* a screen's title, large messages */
	MCK_UI_ROLE_NAME,     /* the learner's name */
	MCK_UI_ROLE_COUNT
};

enum mck_ui_box_kind {
	MCK_UI_BOX_TEXT = 0,  /* one line of text */
	MCK_UI_BOX_BAND,      /* the verdict band (or a check's, a decision's) */
	MCK_UI_BOX_PANEL,     /* an area holding texts: details, a notice, a list */
	MCK_UI_BOX_BUTTON,    /* a touch target drawn as a button */
	MCK_UI_BOX_IMAGE,     /* the camera's picture, the pictogram */
	MCK_UI_BOX_INDICATOR, /* "more above/below": a scroll bar, arrows */
	MCK_UI_BOX_MARKER,    /* a coloured bar beside a requirement or credential */
};

/*
 * What the last mck_ui_draw drew, box by box, in drawing order, for tests:
 * text sizes in millimetres, overlaps, ellipses, marks.
 */
struct mck_ui_box {
	enum mck_ui_box_kind kind;
	SDL_Rect rect;         /* its extent; a text's ink (capitals' top to descenders) */
	int parent;            /* index of the box it is part of (a button's label), -1: none */
	int layer;             /* 0 the screen; 1 the language picker over it */
	enum mck_ui_role role; /* TEXT: its font */
	int cap_height_px;     /* TEXT: a capital's height in its font (SYMBOL: the mark's) */
	bool ellipsized;       /* TEXT: cut short with "…" */
	const char *text;      /* TEXT, with mck_ui_trace_text on (else NULL): what it says */
	SDL_Color colour;      /* TEXT: its ink */
	/* TEXT, with mck_ui_trace_ground on: of the colours under the text before it was
	 * drawn, the one nearest its ink in contrast (grounded false: not read) */
	SDL_Color ground;
	bool grounded;
};

/** The boxes of the last draw, valid until the next; *boxes may be NULL when 0. */
size_t mck_ui_text_boxes(const struct mck_ui *ui, const struct mck_ui_box **boxes);
/** Also keep what each text box says (tests only: credential text stays until the next draw). */
void mck_ui_trace_text(struct mck_ui *ui, bool on);
/**
 * Also read, before each text is drawn, the pixels its ink will cover and
 * record the colour among them nearest the text's in contrast (tests only:
 * contrast; a readback per text, mck_ui_draw on a software renderer).
 */
void mck_ui_trace_ground(struct mck_ui *ui, bool on);
/** The WCAG 2.x contrast ratio of two colours (1 to 21; alpha ignored). */
double mck_ui_contrast(SDL_Color a, SDL_Color b);
/** The panel's pixels per millimetre, as created. */
double mck_ui_px_per_mm(const struct mck_ui *ui);
/** Lines of the last screen's scrolling list out of view (above or below): 0 when all show. */
unsigned mck_ui_scrolled_out(const struct mck_ui *ui);

/* The verdict band's rectangle (as last drawn; before a draw, its least) and colour. */
SDL_Rect mck_ui_band_rect(const struct mck_ui *ui);
SDL_Color mck_ui_band_color(enum mck_verdict verdict);

#endif
