/* Drawing the kiosk's screens with SDL2 and SDL_ttf. */
#ifndef MCK_UI_H
#define MCK_UI_H

#include <SDL.h>

#include "mck/view.h"

struct mck_ui; /* heap object: fonts and layout for one screen size */

/** Fonts from @p font_dir (Noto Sans + Noto Sans Symbols 2). NULL with a message on failure. */
struct mck_ui *mck_ui_create(const char *font_dir, int width, int height, char *msg, size_t cap);
void mck_ui_destroy(struct mck_ui *ui);

/** Draw @p v on @p r (width x height given at create). */
void mck_ui_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v);

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

/** The rectangle of a touch target on the last screen (index: the language for PICK, the policy for POLICY). */
SDL_Rect mck_ui_hit_rect(const struct mck_ui *ui, enum mck_ui_hit what, int index);

/* The verdict band's rectangle and colour, for tests and screenshots. */
SDL_Rect mck_ui_band_rect(const struct mck_ui *ui);
SDL_Color mck_ui_band_color(enum mck_verdict verdict);

#endif
