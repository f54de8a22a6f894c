/* mckiosk's command line over its settings files (board profile, site config). */
#ifndef MCK_KIOSK_OPTIONS_H
#define MCK_KIOSK_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "check.h"
#include "mck/i18n.h"
#include "mck/store.h"
#include "settings.h"

/* --show: a headless screenshot of a screen other than idle. */
enum mck_show {
	MCK_SHOW_IDLE = 0,
	MCK_SHOW_OPERATOR,
	MCK_SHOW_LANGUAGES,
	MCK_SHOW_POLICIES,
	MCK_SHOW_CHECK,
	MCK_SHOW_DECISION,
};

struct mck_options {
	const char *source;
	struct mck_store_opts src;
	const char *spool; /* --spool: the update records (NULL: the state's with "-update") */
	const char *screenshot;
	const char *say;         /* --say: what the kiosk would say of the result, as a WAV file */
	const char *say_details; /* --say-details: what it says when the details are asked for */
	const char *fonts;
	int width;
	int height;
	int width_mm; /* the panel's active area (0: unknown) */
	int height_mm;
	enum mck_lang lang;
	bool has_now;
	int64_t now;
	int clear_after_s;
	int after_code_left_s; /* a result clears this long after its code left the camera */
	int operator_after_s;
	int run_for_s; /* quit after this long (soak tests); 0: until asked */
	int rotation;  /* degrees clockwise the picture is turned for the panel */
	bool fullscreen;
	bool play_once;         /* the source's end (a clip, the replayed files) ends the kiosk */
	bool focus;             /* headless: the keypad's focus ring where a first key shows it */
	enum mck_show show;     /* headless: which screen instead of idle */
	const char *indicators; /* "gpio", "trace:FILE" or "none" */
	const char *trace_screens;              /* write each screen change to this file */
	const char *policy[MCK_CHECK_POLICIES]; /* entry requirements (docs/policy.md) */
	size_t policies;
	struct mck_settings set; /* from the board profile and config file */
};

/**
 * Settings files (--board, --config), then the options over them. 0; 1 when
 * help was asked for (printed on stdout); -1 with a line on stderr.
 */
int mck_options_parse(int argc, char **argv, struct mck_options *o);
void mck_options_usage(FILE *f);

#endif
