/*
 * mckiosk: the kiosk. Options and settings (options.c), the kiosk's state and
 * behaviour (kiosk.c), then either one headless screenshot (headless.c) or the
 * running kiosk: a capture thread reading the scan source (capture.c) and the
 * UI thread's event loop (loop.c) verifying and drawing.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>

#include "headless.h"
#include "heap.h"
#include "kiosk.h"
#include "loop.h"
#include "options.h"

int main(int argc, char **argv)
{
	static struct mck_kiosk k;
	int lw;
	int lh;
	int rc;

	/* First: nothing of a learner may outlive its result, also in memory a library freed. */
	mck_heap_harden(argv);
	mck_loop_catch_hangup();
	rc = mck_options_parse(argc, argv, &k.opt);
	if (rc != 0) {
		if (rc < 0) {
			mck_options_usage(stderr);
		}
		return rc < 0 ? 4 : 0;
	}
	if (k.opt.say != NULL || k.opt.say_details != NULL) {
		k.opt.screenshot = NULL; /* --say renders sound, not a picture */
	}
	if ((k.opt.screenshot != NULL || k.opt.say != NULL || k.opt.say_details != NULL) &&
	    getenv("SDL_VIDEODRIVER") == NULL) {
		setenv("SDL_VIDEODRIVER", "dummy", 1);
	}
	if (SDL_Init(k.opt.screenshot != NULL || k.opt.say != NULL || k.opt.say_details != NULL
			     ? 0
			     : SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "mckiosk: SDL: %s\n", SDL_GetError());
		return 4;
	}
	lw = k.opt.rotation % 180 != 0 ? k.opt.height : k.opt.width;
	lh = k.opt.rotation % 180 != 0 ? k.opt.width : k.opt.height;
	rc = mck_kiosk_init(&k, lw, lh);
	if (rc == 0) {
		rc = k.opt.say != NULL || k.opt.say_details != NULL ? mck_headless_say(&k)
		     : k.opt.screenshot != NULL                     ? mck_headless_screenshot(&k)
								    : mck_loop_run(&k);
	}
	mck_kiosk_free(&k);
	SDL_Quit();
	return rc;
}
