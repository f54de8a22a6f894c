/* Headless screenshots; see headless.h. */
#define _POSIX_C_SOURCE 200809L

#include "headless.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "display.h"
#include "focus.h"
#include "mck/image.h"
#include "mck/qrscan.h"
#include "mck/source.h"
#include "present.h"

/* Headless: scan the images given (successive scans), verify, as the kiosk would. */
static void scan_images(struct mck_kiosk *k, const char *spec)
{
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck_qrscan_result *codes = malloc(sizeof(*codes));
	struct mck_image img = {0};
	char *list;
	int n;

	if (strncmp(spec, "image:", 6) == 0) {
		spec += 6;
	}
	list = strdup(spec);
	for (char *save = NULL, *p = list != NULL ? strtok_r(list, ",", &save) : NULL; p != NULL;
	     p = strtok_r(NULL, ",", &save)) {
		n = mck_image_load(&img, p) == 0 && scan != NULL && codes != NULL
			    ? mck_qrscan_frame(scan, img.pixels, img.width, img.height, codes)
			    : -1;
		mck_image_free(&img);
		for (int i = 0; i < n; i++) {
			mck_qrtext_add(k->texts, codes->text[i], codes->len[i]);
		}
		if (n <= 0) {
			struct mck_result res;

			memset(&res, 0, sizeof(res));
			mck_result_set(&res, MCK_REASON_NO_CODE, NULL);
			mck_kiosk_show_result(k, &res);
			mck_result_free(&res);
		} else {
			mck_kiosk_conclude(k);
		}
	}
	free(list);
	free(codes);
	mck_qrscan_destroy(scan);
}

/* One part of what the kiosk says, rendered as live speech is, into @p path. */
static int say_into(struct mck_speech_engine *e, const struct mck_view *v,
		    enum mck_speech_part part, const char *path)
{
	struct mck_pcm pcm;
	int rc;

	mck_pcm_init(&pcm, MCK_AUDIO_MAX_SAMPLES);
	rc = mck_speech_say(e, v, part, &pcm);
	if (rc == 0) {
		rc = mck_pcm_write_wav(&pcm, path);
		if (rc != 0) {
			fprintf(stderr, "mckiosk: cannot write %s: %s\n", path, strerror(-rc));
		}
	} else {
		fprintf(stderr, "mckiosk: nothing said: %s\n",
			rc == -ENODATA ? "no result (--source image:PATH)" : strerror(-rc));
	}
	/* counters only, as the kiosk logs: nothing of the learner */
	printf("said %.2f s\n", (double)pcm.n / MCK_AUDIO_RATE);
	mck_pcm_free(&pcm);
	return rc == 0 ? 0 : 1;
}

int mck_headless_say(struct mck_kiosk *k)
{
	struct mck_speech_engine *e;
	char msg[256];
	int rc = 0;

	if (k->opt.source == NULL || mck_source_backend(k->opt.source) != NULL) {
		fprintf(stderr, "mckiosk: --say wants --source image:PATH\n");
		return 1;
	}
	/* no trust list: the images still go in, and the kiosk says it cannot check */
	scan_images(k, k->opt.source);
	e = mck_speech_engine_create(msg, sizeof(msg));
	if (e == NULL) {
		fprintf(stderr, "mckiosk: %s\n", msg);
		mck_kiosk_clear_screen(k);
		return 1;
	}
	if (k->opt.say != NULL) {
		rc |= say_into(e, &k->view, MCK_SPEECH_VERDICT, k->opt.say);
	}
	if (k->opt.say_details != NULL) {
		rc |= say_into(e, &k->view, MCK_SPEECH_DETAILS, k->opt.say_details);
	}
	mck_speech_engine_destroy(e);
	mck_kiosk_clear_screen(k);
	return rc;
}

/* Headless: process the source (if any), draw once, save. */
int mck_headless_screenshot(struct mck_kiosk *k)
{
	SDL_Surface *surface;
	SDL_Renderer *r;
	struct mck_display d;
	int pw;
	int ph;
	int rc = 1;

	mck_display_init(&d, k->opt.width, k->opt.height, k->opt.rotation);
	mck_display_panel(&d, &pw, &ph);
	if (k->opt.source != NULL && mck_source_backend(k->opt.source) != NULL) {
		/* A device: the screen shows whether it opens (no camera screen if not). */
		struct mck_source src = {0};
		struct mck_source_cfg cfg = {0};

		struct mck_scan_event *ev = malloc(sizeof(*ev));

		k->view.status.camera_ok = mck_source_open(&src, k->opt.source, &cfg) == 0;
		snprintf(k->view.status.camera_why, sizeof(k->view.status.camera_why), "%s",
			 k->view.status.camera_ok ? "" : src.error);
		/* The idle screen with the source's first picture as the live preview. */
		if (k->view.status.camera_ok && ev != NULL &&
		    mck_source_next(&src, ev, 2000) == 0 && ev->kind == MCK_SCAN_FRAME) {
			mck_present_preview(ev->grey, ev->width, ev->height, k->preview,
					    &k->view.preview_w, &k->view.preview_h);
			k->view.preview = k->preview;
			mck_source_release(&src, ev);
		}
		free(ev);
		mck_source_close(&src);
	} else {
		bool scan = k->opt.source != NULL && k->trust.verifier != NULL;

		/* a check shows what the images add to it (none: an empty check) */
		if (k->opt.show == MCK_SHOW_CHECK || (k->opt.show == MCK_SHOW_DECISION && scan)) {
			mck_check_start(&k->check, &k->view, 0);
		}
		if (scan) {
			scan_images(k, k->opt.source);
		}
	}
	switch (k->opt.show) {
	case MCK_SHOW_OPERATOR:
		k->view.screen = MCK_SCREEN_OPERATOR;
		break;
	case MCK_SHOW_LANGUAGES:
		k->view.picker = true;
		break;
	case MCK_SHOW_POLICIES:
		k->view.screen = MCK_SCREEN_POLICIES;
		break;
	case MCK_SHOW_DECISION:
		mck_check_finish(&k->check, &k->view, mck_kiosk_now(k));
		break;
	default:
		break;
	}
	surface = SDL_CreateRGBSurfaceWithFormat(0, pw, ph, 32, SDL_PIXELFORMAT_RGB888);
	r = surface != NULL ? SDL_CreateSoftwareRenderer(surface) : NULL;
	if (r == NULL) {
		fprintf(stderr, "mckiosk: renderer: %s\n", SDL_GetError());
	} else {
		/* as the kiosk draws it: a static layer and its live parts (the same pixels) */
		mck_display_update(&d, k->ui, r, &k->view, true);
		if (k->opt.focus) { /* a key pressed: the screen's main action, its ring */
			mck_focus_sync(k);
			k->view.focus.shown = true;
			mck_display_update(&d, k->ui, r, &k->view, true);
		}
		if (mck_display_write_png(r, pw, ph, k->opt.screenshot) == 0) {
			rc = 0;
		} else {
			fprintf(stderr, "mckiosk: cannot write %s\n", k->opt.screenshot);
		}
		mck_display_release(&d);
		SDL_DestroyRenderer(r);
	}
	SDL_FreeSurface(surface);
	/* Overflow and touch targets are reported so tests can hold layouts to them. */
	printf("overflow %u\n", mck_ui_overflows(k->ui));
	for (int what = MCK_UI_HIT_LANGUAGE; what < MCK_UI_HIT_COUNT; what++) {
		int n = what == MCK_UI_HIT_PICK     ? MCK_LANG_COUNT
			: what == MCK_UI_HIT_POLICY ? MCK_VIEW_POLICIES
						    : 1;

		for (int i = 0; i < n; i++) {
			SDL_Rect b = mck_ui_hit_rect(k->ui, (enum mck_ui_hit)what, i);
			static const char *const names[MCK_UI_HIT_COUNT] = {
				[MCK_UI_HIT_LANGUAGE] = "language", [MCK_UI_HIT_PICK] = "pick",
				[MCK_UI_HIT_STATUS] = "status",     [MCK_UI_HIT_START] = "start",
				[MCK_UI_HIT_FINISH] = "finish",     [MCK_UI_HIT_CANCEL] = "cancel",
				[MCK_UI_HIT_DONE] = "done",         [MCK_UI_HIT_POLICY] = "policy"};
			const char *name = names[what];

			if (b.w > 0) {
				char suffix[16] = "";

				if (what == MCK_UI_HIT_PICK) {
					snprintf(suffix, sizeof(suffix), "-%s",
						 mck_i18n_code((enum mck_lang)i));
				} else if (what == MCK_UI_HIT_POLICY) {
					snprintf(suffix, sizeof(suffix), "-%d", i);
				}
				printf("target %s%s %d %d %d %d\n", name, suffix, b.x, b.y, b.w,
				       b.h);
			}
		}
	}
	mck_kiosk_clear_screen(k);
	return rc;
}
