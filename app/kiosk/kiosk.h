/*
 * The kiosk's state in one struct and what happens to it: a scan is verified
 * and shown, a result is forgotten, a check runs, the screen times out. The
 * event loop (loop.c) and headless rendering (headless.c) drive it; main only
 * wires it.
 */
#ifndef MCK_KIOSK_KIOSK_H
#define MCK_KIOSK_KIOSK_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "check.h"
#include "lamps.h"
#include "mck/qrtext.h"
#include "mck/speech.h"
#include "mck/ui.h"
#include "mck/view.h"
#include "options.h"
#include "trust.h"

struct mck_kiosk {
	struct mck_options opt;
	struct mck_trust trust;
	struct mck_qrtext *texts; /* the codes read so far of the credential being shown */
	struct mck_view view;
	struct mck_ui *ui;
	struct mck_lamps lamps;
	/* earcons, and speech when it is on (mck_loop_run opens it) */
	struct mck_speech speech;
	struct mck_check check; /* an entry-requirements check (--policy) */
	uint64_t shown_at;      /* ms: when the screen last changed by itself or a touch */
	uint64_t left_at;       /* ms: when the result's code left the camera's view, 0: not */
	uint64_t warned_for;    /* the shown_at whose "still there?" was said */
	SDL_Scancode last_key;  /* the last key pressed, and when (ms): keys.double_strike */
	uint64_t last_key_at;
	unsigned scans; /* scans handled since start */
	bool quit;
	uint8_t preview[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H]; /* the live picture */
};

/** Options, fonts, policies, trust state: ready to run. 0, or 4 with a line on stderr. */
int mck_kiosk_init(struct mck_kiosk *k, int lw, int lh);
void mck_kiosk_free(struct mck_kiosk *k);

/**
 * The screens for a layout of @p lw x @p lh pixels, sized for the panel's
 * millimetres when they are known (turned with the layout). NULL with @p msg.
 */
struct mck_ui *mck_kiosk_ui(const struct mck_kiosk *k, int lw, int lh, char *msg, size_t cap);
/** Unix seconds now: --now, else the system clock. */
int64_t mck_kiosk_now(const struct mck_kiosk *k);
/** The status facts as of now: list age, clock, camera. */
void mck_kiosk_refresh_status(struct mck_kiosk *k);
/** Reload the trust state when an update installed a new one (or @p force). */
void mck_kiosk_reload(struct mck_kiosk *k, bool force);

/** Codes read: collect them, then verify and show (or show progress for chunks). */
void mck_kiosk_scanned(struct mck_kiosk *k, char *const *text, const size_t *len, size_t count);
/** A verdict without codes (headless: an image with none). */
void mck_kiosk_show_result(struct mck_kiosk *k, const struct mck_result *res);
/** Verify what has been collected; show progress while chunks are missing. */
void mck_kiosk_conclude(struct mck_kiosk *k);
/** Back to idle, forgetting the result and any check in progress. */
void mck_kiosk_forget(struct mck_kiosk *k);
/** As forget, except that an unfinished multi-part code in a check only returns to the check. */
void mck_kiosk_clear_screen(struct mck_kiosk *k);
void mck_kiosk_set_lang(struct mck_kiosk *k, enum mck_lang lang);
/** When (ms, SDL_GetTicks64) the current screen clears by itself, 0 for never. */
uint64_t mck_kiosk_due(const struct mck_kiosk *k);
/** The time left as the screen shows it: countdown, and "still there?" before a check is wiped. */
void mck_kiosk_countdown(struct mck_kiosk *k, uint64_t now);
/** The codes of the result on screen have left the camera's view (at @p now). */
void mck_kiosk_code_left(struct mck_kiosk *k, uint64_t now);
/** The result's code, which had left, is back in view: its result stays. */
void mck_kiosk_code_back(struct mck_kiosk *k);
/**
 * A touch or key on a result or during a check: the learner is still there,
 * and the screen gets its full time again (the countdown says so).
 */
void mck_kiosk_touched(struct mck_kiosk *k, uint64_t now);

#endif
