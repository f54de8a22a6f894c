/*
 * mckiosk: the kiosk. A capture thread reads a scan source and decodes QR codes;
 * results reach the UI thread as SDL events; the UI thread verifies and draws.
 * Headless: --screenshot OUT.png renders one screen with the software renderer.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>
#include <png.h>

#include "mck/image.h"
#include "mck/qrscan.h"
#include "mck/source.h"
#include "mck/ui.h"
#include "mck/verify.h"
#include "present.h"
#include "trustcfg.h"

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif
#ifndef MCK_DEFAULT_ANCHORS_DIR
#define MCK_DEFAULT_ANCHORS_DIR "/usr/share/mckiosk/anchors"
#endif

struct options {
	const char *source;
	struct mck_trust_opts src;
	const char *screenshot;
	const char *fonts;
	int width;
	int height;
	enum mck_lang lang;
	bool has_now;
	int64_t now;
	int clear_after_s;
	int run_for_s; /* quit after this long (soak tests); 0: until asked */
	bool fullscreen;
};

struct kiosk {
	struct options opt;
	struct mck_trustcfg cfg;
	bool have_cfg;
	struct mck_verifier *verifier;
	struct mck_qrtext *texts;
	struct mck_view view;
	struct mck_ui *ui;
	Uint32 scan_event;
};

static void usage(FILE *f)
{
	fputs("usage: mckiosk [--source image:PATH|replay:DIR|v4l2:DEV|hid:DEV] [--size WxH]\n"
	      "               [--lang en|pl|de|fr|el|it|es] [--now UNIX] [--anchors DIR]\n"
	      "               (--trust FILE [--status DIR] | --state DIR) [--clear-after S]\n"
	      "               [--fullscreen] [--fonts DIR] [--screenshot OUT.png] [--run-for S]\n",
	      f);
}

static int parse_args(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->src.anchors = MCK_DEFAULT_ANCHORS_DIR;
	o->fonts = MCK_FONT_DIR;
	o->width = 800;
	o->height = 480;
	o->clear_after_s = 30;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--fullscreen") == 0) {
			o->fullscreen = true;
			continue;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			exit(0);
		}
		if (v == NULL) {
			fprintf(stderr, "mckiosk: %s needs a value\n", a);
			return -1;
		}
		i++;
		if (strcmp(a, "--source") == 0) {
			o->source = v;
		} else if (mck_trust_opts_take(&o->src, a, v)) {
			/* taken */
		} else if (strcmp(a, "--screenshot") == 0) {
			o->screenshot = v;
		} else if (strcmp(a, "--fonts") == 0) {
			o->fonts = v;
		} else if (strcmp(a, "--size") == 0) {
			if (sscanf(v, "%dx%d", &o->width, &o->height) != 2 || o->width < 240 ||
			    o->height < 240 || o->width > 7680 || o->height > 7680) {
				fprintf(stderr, "mckiosk: --size WxH, 240..7680\n");
				return -1;
			}
		} else if (strcmp(a, "--lang") == 0) {
			int l = mck_i18n_from_code(v);
			if (l < 0) {
				fprintf(stderr, "mckiosk: unknown language %.8s\n", v);
				return -1;
			}
			o->lang = (enum mck_lang)l;
		} else if (strcmp(a, "--now") == 0) {
			char *end;
			long long t = strtoll(v, &end, 10);
			if (*end != '\0' || t < 0) {
				fprintf(stderr, "mckiosk: --now is Unix seconds\n");
				return -1;
			}
			o->now = t;
			o->has_now = true;
		} else if (strcmp(a, "--clear-after") == 0) {
			o->clear_after_s = atoi(v);
		} else if (strcmp(a, "--run-for") == 0) {
			o->run_for_s = atoi(v);
		} else {
			fprintf(stderr, "mckiosk: unknown option %.40s\n", a);
			return -1;
		}
	}
	return 0;
}

static int64_t now_of(const struct kiosk *k)
{
	time_t t = time(NULL);

	return k->opt.has_now ? k->opt.now : (t < 0 ? 0 : (int64_t)t);
}

/* Trust configuration; without one the kiosk shows an error screen. */
static void load_trust(struct kiosk *k)
{
	enum mck_reason reason;
	struct mck_verifier_cfg vcfg = {0};
	char msg[256];
	int rc;

	rc = mck_trustcfg_open(&k->cfg, &k->opt.src, stderr, &reason, msg, sizeof(msg));
	if (rc != 0) {
		fprintf(stderr, "mckiosk: %s\n", msg);
		mck_trustcfg_free(&k->cfg); /* whatever a failed load had made */
		k->view.screen = MCK_SCREEN_ERROR;
		k->view.error = MCK_TEXT_ERROR_TRUSTLIST_MISSING;
		mck_present_status(&k->view, NULL, true, true);
		return;
	}
	k->have_cfg = true;
	vcfg.trust = k->cfg.trust;
	vcfg.status = &k->cfg.status;
	vcfg.grace_seconds = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400;
	vcfg.trusted_time = k->cfg.trusted_time;
	k->verifier = mck_verifier_create(&vcfg);
	mck_present_status(&k->view, k->cfg.trust, now_of(k) >= mck_trustlist_iat(k->cfg.trust),
			   k->opt.source != NULL);
}

/* Verify what has been collected; show progress while chunks are missing. */
static void conclude(struct kiosk *k)
{
	struct mck_result res;

	if (k->verifier == NULL) {
		return;
	}
	if (k->texts->n != 0 && mck_qrtext_have(k->texts) < k->texts->n && !k->texts->conflict &&
	    !k->texts->malformed && !k->texts->has_whole) {
		k->view.screen = MCK_SCREEN_PROGRESS;
		k->view.chunk_have = mck_qrtext_have(k->texts);
		k->view.chunk_total = k->texts->n;
		return;
	}
	memset(&res, 0, sizeof(res));
	mck_verify_qr(k->verifier, k->texts, now_of(k), &res);
	mck_present_result(&k->view, &res);
	mck_result_free(&res);
	mck_qrtext_free(k->texts);
	mck_qrtext_init(k->texts);
}

static int write_png(SDL_Renderer *r, int w, int h, const char *path)
{
	png_image img;
	uint8_t *rgb = malloc((size_t)w * (size_t)h * 3);
	int rc = -1;

	if (rgb == NULL) {
		return -1;
	}
	if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, rgb, w * 3) == 0) {
		memset(&img, 0, sizeof(img));
		img.version = PNG_IMAGE_VERSION;
		img.width = (png_uint_32)w;
		img.height = (png_uint_32)h;
		img.format = PNG_FORMAT_RGB;
		rc = png_image_write_to_file(&img, path, 0, rgb, w * 3, NULL) != 0 ? 0 : -1;
		png_image_free(&img);
	}
	free(rgb);
	return rc;
}

/* Headless: process one image (if any), draw once, save. */
static int screenshot(struct kiosk *k)
{
	SDL_Surface *surface;
	SDL_Renderer *r;
	int rc = 1;

	if (k->opt.source != NULL && k->verifier != NULL) {
		struct mck_qrscan *scan = mck_qrscan_create();
		struct mck_qrscan_result *codes = malloc(sizeof(*codes));
		const char *spec = k->opt.source;
		struct mck_image img = {0};
		int n;

		if (strncmp(spec, "image:", 6) == 0) {
			spec += 6;
		}
		/* Several images separated by ',' are successive scans. */
		char *list = strdup(spec);
		for (char *save = NULL, *p = strtok_r(list, ",", &save); p != NULL;
		     p = strtok_r(NULL, ",", &save)) {
			n = mck_image_load(&img, p) == 0 && scan != NULL && codes != NULL
				    ? mck_qrscan_frame(scan, img.pixels, img.width, img.height,
						       codes)
				    : -1;
			mck_image_free(&img);
			for (int i = 0; i < n; i++) {
				mck_qrtext_add(k->texts, codes->text[i], codes->len[i]);
			}
			if (n <= 0) {
				struct mck_result res;

				memset(&res, 0, sizeof(res));
				mck_result_set(&res, MCK_REASON_NO_CODE, NULL);
				mck_present_result(&k->view, &res);
				mck_result_free(&res);
			} else {
				conclude(k);
			}
		}
		free(list);
		free(codes);
		mck_qrscan_destroy(scan);
	}
	surface = SDL_CreateRGBSurfaceWithFormat(0, k->opt.width, k->opt.height, 32,
						 SDL_PIXELFORMAT_RGB888);
	r = surface != NULL ? SDL_CreateSoftwareRenderer(surface) : NULL;
	if (r == NULL) {
		fprintf(stderr, "mckiosk: renderer: %s\n", SDL_GetError());
	} else {
		mck_ui_draw(k->ui, r, &k->view);
		if (write_png(r, k->opt.width, k->opt.height, k->opt.screenshot) == 0) {
			rc = 0;
		} else {
			fprintf(stderr, "mckiosk: cannot write %s\n", k->opt.screenshot);
		}
		SDL_DestroyRenderer(r);
	}
	SDL_FreeSurface(surface);
	/* Overflow is reported so tests can hold layouts to it. */
	printf("overflow %u\n", mck_ui_overflows(k->ui));
	mck_view_clear_result(&k->view);
	return rc;
}

/* ---- Interactive: capture thread → SDL events → UI thread. ---- */

struct scan_msg {
	size_t count;
	size_t len[MCK_QRSCAN_MAX_CODES];
	char *text[MCK_QRSCAN_MAX_CODES];
};

struct capture {
	struct kiosk *k;
	SDL_atomic_t stop;
};

static void push_texts(struct kiosk *k, const struct mck_qrscan_result *codes, size_t count)
{
	struct scan_msg *m = calloc(1, sizeof(*m));
	SDL_Event ev;

	if (m == NULL) {
		return;
	}
	for (size_t i = 0; i < count; i++) {
		m->text[i] = malloc(codes->len[i] + 1);
		if (m->text[i] != NULL) {
			memcpy(m->text[i], codes->text[i], codes->len[i] + 1);
			m->len[i] = codes->len[i];
			m->count = i + 1;
		}
	}
	SDL_zero(ev);
	ev.type = k->scan_event;
	ev.user.data1 = m;
	if (SDL_PushEvent(&ev) <= 0) {
		for (size_t i = 0; i < m->count; i++) {
			free(m->text[i]);
		}
		free(m);
	}
}

static int capture_main(void *arg)
{
	struct capture *c = arg;
	struct kiosk *k = c->k;
	struct mck_source src = {0};
	struct mck_source_cfg cfg = {0};
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck_qrscan_result *codes = malloc(sizeof(*codes));
	struct mck_scan_event *ev = malloc(sizeof(*ev));
	char last[64] = "";
	bool open = false;

	cfg.interval_ms = 500;
	cfg.loop = 1;
	while (SDL_AtomicGet(&c->stop) == 0 && scan != NULL && codes != NULL && ev != NULL) {
		int rc;

		if (!open) {
			if (mck_source_open(&src, k->opt.source, &cfg) != 0) {
				SDL_Delay(1000); /* unplugged: try again */
				continue;
			}
			open = true;
		}
		rc = mck_source_next(&src, ev, 100);
		if (rc == -EAGAIN) {
			continue;
		}
		if (rc != 0) {
			mck_source_close(&src);
			open = false;
			continue;
		}
		if (ev->kind == MCK_SCAN_TEXT) {
			codes->len[0] = ev->len;
			memcpy(codes->text[0], ev->text, ev->len + 1);
			push_texts(k, codes, 1);
		} else {
			int n = mck_qrscan_frame(scan, ev->grey, ev->width, ev->height, codes);
			/* The same code in front of the camera is one scan, not thirty. */
			if (n > 0 && strncmp(last, codes->text[0], sizeof(last) - 1) != 0) {
				snprintf(last, sizeof(last), "%.63s", codes->text[0]);
				push_texts(k, codes, (size_t)n);
			} else if (n == 0) {
				last[0] = '\0';
			}
		}
		mck_source_release(&src, ev);
	}
	if (open) {
		mck_source_close(&src);
	}
	free(ev);
	free(codes);
	mck_qrscan_destroy(scan);
	return 0;
}

static int interactive(struct kiosk *k)
{
	SDL_Window *win;
	SDL_Renderer *r;
	SDL_Thread *thread = NULL;
	struct capture cap = {.k = k};
	Uint32 shown_at = 0;
	unsigned scans = 0;
	bool quit = false;

	win = SDL_CreateWindow("MicroCred Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
			       k->opt.width, k->opt.height,
			       k->opt.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	r = win != NULL ? SDL_CreateRenderer(win, -1, 0) : NULL;
	if (r == NULL) {
		fprintf(stderr, "mckiosk: display: %s\n", SDL_GetError());
		return 1;
	}
	k->scan_event = SDL_RegisterEvents(1);
	if (k->opt.source != NULL) {
		thread = SDL_CreateThread(capture_main, "capture", &cap);
	}
	while (!quit) {
		SDL_Event ev;

		if (k->opt.run_for_s > 0 && SDL_GetTicks() > (Uint32)k->opt.run_for_s * 1000u) {
			break;
		}
		mck_ui_draw(k->ui, r, &k->view);
		SDL_RenderPresent(r);
		if (!SDL_WaitEventTimeout(&ev, 250)) {
			/* Privacy: the result leaves the screen and memory after a while. */
			if (k->view.screen == MCK_SCREEN_RESULT &&
			    SDL_GetTicks() - shown_at > (Uint32)k->opt.clear_after_s * 1000u) {
				mck_view_clear_result(&k->view);
			}
			continue;
		}
		if (ev.type == SDL_QUIT ||
		    (ev.type == SDL_KEYDOWN &&
		     (ev.key.keysym.sym == SDLK_ESCAPE || ev.key.keysym.sym == SDLK_q))) {
			quit = true;
		} else if ((ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_DOWN) ||
			   (ev.type == SDL_MOUSEWHEEL && ev.wheel.y < 0)) {
			k->view.scroll++;
		} else if (((ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_UP) ||
			    (ev.type == SDL_MOUSEWHEEL && ev.wheel.y > 0)) &&
			   k->view.scroll > 0) {
			k->view.scroll--;
		} else if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_l) {
			k->view.lang = (enum mck_lang)((k->view.lang + 1) % MCK_LANG_COUNT);
		} else if (ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_FINGERDOWN ||
			   (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_SPACE)) {
			mck_view_clear_result(&k->view);
		} else if (ev.type == k->scan_event) {
			struct scan_msg *m = ev.user.data1;

			for (size_t i = 0; i < m->count; i++) {
				mck_qrtext_add(k->texts, m->text[i], m->len[i]);
				memset(m->text[i], 0, m->len[i]);
				free(m->text[i]);
			}
			free(m);
			conclude(k);
			scans++;
			shown_at = SDL_GetTicks();
		}
	}
	/* Counters only: nothing personal leaves the screen. */
	printf("mckiosk: %u scans handled\n", scans);
	SDL_AtomicSet(&cap.stop, 1);
	if (thread != NULL) {
		SDL_WaitThread(thread, NULL);
	}
	SDL_DestroyRenderer(r);
	SDL_DestroyWindow(win);
	return 0;
}

int main(int argc, char **argv)
{
	static struct kiosk k;
	char msg[256];
	int rc;

	if (parse_args(argc, argv, &k.opt) != 0) {
		usage(stderr);
		return 4;
	}
	if (k.opt.screenshot != NULL && getenv("SDL_VIDEODRIVER") == NULL) {
		setenv("SDL_VIDEODRIVER", "dummy", 1);
	}
	if (SDL_Init(k.opt.screenshot != NULL ? 0 : SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "mckiosk: SDL: %s\n", SDL_GetError());
		return 4;
	}
	k.view.lang = k.opt.lang;
	k.texts = malloc(sizeof(*k.texts));
	k.ui = mck_ui_create(k.opt.fonts, k.opt.width, k.opt.height, msg, sizeof(msg));
	if (k.texts == NULL || k.ui == NULL) {
		fprintf(stderr, "mckiosk: %s\n", k.ui == NULL ? msg : "out of memory");
		return 4;
	}
	mck_qrtext_init(k.texts);
	load_trust(&k);
	rc = k.opt.screenshot != NULL ? screenshot(&k) : interactive(&k);
	mck_qrtext_free(k.texts);
	free(k.texts);
	mck_ui_destroy(k.ui);
	mck_verifier_destroy(k.verifier);
	if (k.have_cfg) {
		mck_trustcfg_free(&k.cfg);
	}
	SDL_Quit();
	return rc;
}
