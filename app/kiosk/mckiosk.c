/*
 * mckiosk: the kiosk. A capture thread reads a scan source and decodes QR codes;
 * results reach the UI thread as SDL events; the UI thread verifies and draws.
 * Headless: --screenshot OUT.png renders one screen with the software renderer.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <png.h>

#include "check.h"
#include "mck/image.h"
#include "mck/indicator.h"
#include "mck/qrscan.h"
#include "mck/source.h"
#include "mck/store.h"
#include "mck/ui.h"
#include "mck/verify.h"
#include "notify.h"
#include "present.h"
#include "settings.h"

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif
#ifndef MCK_BOARD_DIR
#define MCK_BOARD_DIR "/usr/share/mckiosk/board"
#endif
#ifndef MCK_DEFAULT_ANCHORS_DIR
#define MCK_DEFAULT_ANCHORS_DIR "/usr/share/mckiosk/anchors"
#endif

/* --show: a headless screenshot of a screen other than idle. */
enum show {
	SHOW_IDLE = 0,
	SHOW_OPERATOR,
	SHOW_LANGUAGES,
	SHOW_POLICIES,
	SHOW_CHECK,
	SHOW_DECISION
};

static const char *const show_names[] = {
	[SHOW_OPERATOR] = "operator", [SHOW_LANGUAGES] = "languages", [SHOW_POLICIES] = "policies",
	[SHOW_CHECK] = "check",       [SHOW_DECISION] = "decision",
};

struct options {
	const char *source;
	struct mck_store_opts src;
	const char *screenshot;
	const char *fonts;
	int width;
	int height;
	enum mck_lang lang;
	bool has_now;
	int64_t now;
	int clear_after_s;
	int operator_after_s;
	int run_for_s; /* quit after this long (soak tests); 0: until asked */
	int rotation;  /* degrees clockwise the picture is turned for the panel */
	bool fullscreen;
	enum show show;                         /* headless: which screen instead of idle */
	const char *indicators;                 /* "gpio", "trace:FILE" or "none" */
	const char *policy[MCK_CHECK_POLICIES]; /* entry requirements (docs/policy.md) */
	size_t policies;
	struct mck_settings set; /* from the board profile and config file */
};

struct kiosk {
	struct options opt;
	struct mck_store_trust cfg;
	struct mck_verifier_cfg vcfg; /* what the verifier and the status bar both use */
	bool have_cfg;
	struct mck_verifier *verifier;
	struct mck_qrtext *texts;
	struct mck_view view;
	struct mck_ui *ui;
	struct mck_indicator lamps;
	FILE *lamp_trace;
	bool lamps_fault; /* the fault blink is on */
	int lw;           /* logical size: the panel's, turned by the rotation */
	int lh;
	Uint32 scan_event;
	Uint32 source_event; /* user.code 1: source open, 0: gone; 2: a preview frame */
	/* The camera's live picture: the capture thread writes, the UI thread copies. */
	SDL_mutex *preview_lock;
	SDL_atomic_t preview_pending;
	int preview_w;
	int preview_h;
	uint8_t preview_in[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];
	uint8_t preview[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];
	char generation[256];   /* the state directory's current generation loaded */
	struct mck_check check; /* an entry-requirements check (--policy) */
};

static void usage(FILE *f)
{
	fputs("usage: mckiosk [--board NAME|FILE] [--config FILE]\n"
	      "               [--source image:PATH|replay:DIR|v4l2:DEV|hid:DEV] [--size WxH]\n"
	      "               [--lang en|pl|de|fr|el|it|es] [--now UNIX] [--anchors DIR]\n"
	      "               (--trust FILE [--status DIR] | --state DIR) [--clear-after S]\n"
	      "               [--rotate 0|90|180|270] [--fullscreen] [--fonts DIR]\n"
	      "               [--indicators gpio|trace:FILE|none] [--policy FILE]...\n"
	      "               [--screenshot OUT.png\n"
	      "                [--show operator|languages|policies|check|decision]]\n"
	      "               [--run-for S]\n",
	      f);
}

/* A whole decimal number in [lo, hi], or -1 with a message naming the option. */
static int number(const char *opt, const char *v, long lo, long hi, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < lo || n > hi) {
		fprintf(stderr, "mckiosk: %s wants a number %ld..%ld, not \"%.20s\"\n", opt, lo, hi,
			v);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/*
 * Settings files before options: the board profile (--board NAME or a path),
 * then the site's config file (--config FILE); options given override both.
 */
static int load_settings(int argc, char **argv, struct options *o)
{
	struct mck_settings *set = &o->set;
	const char *board = NULL;
	const char *config = NULL;
	char path[PATH_MAX];
	char err[PATH_MAX + 200];
	int lang;

	mck_settings_init(set);
	snprintf(set->anchors_dir, sizeof(set->anchors_dir), "%s", MCK_DEFAULT_ANCHORS_DIR);
	for (int i = 1; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--board") == 0) {
			board = argv[++i];
		} else if (strcmp(argv[i], "--config") == 0) {
			config = argv[++i];
		}
	}
	if (board != NULL) {
		if (mck_settings_board_path(path, sizeof(path), MCK_BOARD_DIR, board) != 0) {
			fprintf(stderr, "mckiosk: board name too long\n");
			return -1;
		}
		if (mck_settings_load(set, path, err, sizeof(err)) != 0) {
			fprintf(stderr, "mckiosk: board %.40s: %s\n", board, err);
			return -1;
		}
	}
	if (config != NULL && mck_settings_load(set, config, err, sizeof(err)) != 0) {
		fprintf(stderr, "mckiosk: config: %s\n", err);
		return -1;
	}
	o->width = set->width;
	o->height = set->height;
	o->rotation = set->rotation;
	o->fullscreen = set->fullscreen;
	o->source = set->source[0] != '\0' ? set->source : NULL;
	lang = mck_i18n_from_code(set->lang);
	o->lang = lang > 0 ? (enum mck_lang)lang : MCK_LANG_EN;
	o->clear_after_s = set->clear_after_s;
	o->operator_after_s = set->operator_after_s;
	o->src.anchors = set->anchors_dir;
	o->indicators = set->gpio_chip[0] != '\0' ? "gpio" : "none";
	if (set->policy_file[0] != '\0') {
		o->policy[o->policies++] = set->policy_file;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->fonts = MCK_FONT_DIR;
	if (load_settings(argc, argv, o) != 0) {
		return -1;
	}
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
		} else if (strcmp(a, "--indicators") == 0) {
			o->indicators = v;
		} else if (strcmp(a, "--policy") == 0) {
			if (o->policies >= MCK_CHECK_POLICIES) {
				fprintf(stderr, "mckiosk: at most %d policies\n",
					MCK_CHECK_POLICIES);
				return -1;
			}
			o->policy[o->policies++] = v;
		} else if (strcmp(a, "--board") == 0 || strcmp(a, "--config") == 0) {
			/* read first, by load_settings */
		} else if (mck_store_opts_take(&o->src, a, v)) {
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
			if (number(a, v, 1, 3600, &o->clear_after_s) != 0) {
				return -1;
			}
		} else if (strcmp(a, "--run-for") == 0) {
			if (number(a, v, 1, 86400 * 365, &o->run_for_s) != 0) {
				return -1;
			}
		} else if (strcmp(a, "--rotate") == 0) {
			if (number(a, v, 0, 270, &o->rotation) != 0 || o->rotation % 90 != 0) {
				fprintf(stderr, "mckiosk: --rotate 0, 90, 180 or 270\n");
				return -1;
			}
		} else if (strcmp(a, "--show") == 0) {
			o->show = SHOW_IDLE;
			for (size_t n = SHOW_OPERATOR; n <= SHOW_DECISION; n++) {
				if (strcmp(v, show_names[n]) == 0) {
					o->show = (enum show)n;
				}
			}
			if (o->show == SHOW_IDLE) {
				fprintf(stderr, "mckiosk: --show "
						"operator|languages|policies|check|decision\n");
				return -1;
			}
		} else {
			fprintf(stderr, "mckiosk: unknown option %.40s\n", a);
			return -1;
		}
	}
	if (o->src.trust == NULL && o->src.state == NULL && o->set.state_dir[0] != '\0') {
		o->src.state = o->set.state_dir; /* the appliance's: installed by mcupdate */
	}
	return 0;
}

static int64_t now_of(const struct kiosk *k)
{
	time_t t = time(NULL);

	return k->opt.has_now ? k->opt.now : (t < 0 ? 0 : (int64_t)t);
}

/* The state directory's current generation (its symlink's target), "" for none. */
static void current_generation(const struct kiosk *k, char *out, size_t cap)
{
	char link[PATH_MAX];
	ssize_t n = -1;

	if (k->opt.src.state != NULL &&
	    (size_t)snprintf(link, sizeof(link), "%s/current", k->opt.src.state) < sizeof(link)) {
		n = readlink(link, out, cap - 1);
	}
	out[n > 0 ? n : 0] = '\0';
}

/* The status facts as of now: list age, clock, camera. */
static void refresh_status(struct kiosk *k)
{
	mck_present_status(&k->view, k->have_cfg ? &k->vcfg : NULL, now_of(k),
			   k->view.status.camera_ok);
}

/* Trust configuration; without one the kiosk shows an error screen. */
static void load_trust(struct kiosk *k)
{
	enum mck_reason reason;
	char msg[256];
	int rc;

	if (k->have_cfg) {
		mck_verifier_destroy(k->verifier);
		k->verifier = NULL;
		mck_store_trust_free(&k->cfg);
		k->have_cfg = false;
	}
	current_generation(k, k->generation, sizeof(k->generation));
	k->opt.src.grace_s = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400;
	rc = mck_store_load(&k->cfg, &k->opt.src, stderr, &reason, msg, sizeof(msg));
	if (rc != 0) {
		fprintf(stderr, "mckiosk: %s\n", msg);
		mck_store_trust_free(&k->cfg); /* whatever a failed load had made */
		refresh_status(k);
		return;
	}
	k->have_cfg = true;
	k->vcfg = (struct mck_verifier_cfg){.trust = k->cfg.trust,
					    .status = &k->cfg.status,
					    .grace_seconds = k->opt.src.grace_s,
					    .trusted_time = k->cfg.trusted_time};
	k->verifier = mck_verifier_create(&k->vcfg);
	refresh_status(k);
}

/* SIGHUP: the update service installed something; reread the trust state. */
static volatile sig_atomic_t hangup;

static void on_hangup(int sig)
{
	(void)sig;
	hangup = 1;
}

/* An update installed while running: load the new generation. */
static void reload_if_updated(struct kiosk *k)
{
	char now[sizeof(k->generation)];

	current_generation(k, now, sizeof(now));
	if (hangup != 0 || strcmp(now, k->generation) != 0) {
		hangup = 0;
		fprintf(stderr, "mckiosk: trust state changed, reloading\n");
		load_trust(k);
	}
}

/* The lamps and buzzer say the verdict too: heard and seen from across a room. */
static void signal_verdict(struct kiosk *k, enum mck_verdict verdict)
{
	static const enum mck_signal signals[] = {
		[MCK_VERDICT_VALID] = MCK_SIGNAL_VALID,
		[MCK_VERDICT_WARNING] = MCK_SIGNAL_CHECK,
		[MCK_VERDICT_INVALID] = MCK_SIGNAL_INVALID,
		[MCK_VERDICT_UNREADABLE] = MCK_SIGNAL_UNREADABLE,
		[MCK_VERDICT_UNUSABLE] = MCK_SIGNAL_UNREADABLE,
	};

	if ((unsigned)verdict < sizeof(signals) / sizeof(signals[0])) {
		mck_indicator_signal(&k->lamps, signals[verdict], SDL_GetTicks64());
		k->lamps_fault = false;
	}
}

/* Counters, the only thing the kiosk keeps about scans. */
static void count(struct kiosk *k, enum mck_verdict verdict)
{
	signal_verdict(k, verdict);
	k->view.op.scans++;
	if ((unsigned)verdict < 5) {
		k->view.op.verdicts[verdict]++;
	}
}

/* A verdict on screen: the result screen, or during a check, the check's screen. */
static void show_result(struct kiosk *k, const struct mck_result *res)
{
	if (k->check.active && k->view.screen == MCK_SCREEN_DECISION) {
		return; /* decided: nothing joins it any more; Done starts afresh */
	}
	if (k->check.active) {
		mck_check_add(&k->check, &k->view, res);
	} else {
		mck_present_result(&k->view, res);
	}
}

/* Back to idle, forgetting the result and any check in progress. */
static void forget(struct kiosk *k)
{
	if (k->check.active) {
		mck_check_end(&k->check, &k->view);
	} else {
		mck_view_clear_result(&k->view);
	}
}

/* As forget, except that an unfinished multi-part code in a check only returns to the check. */
static void clear_screen(struct kiosk *k)
{
	if (k->check.active && k->view.screen == MCK_SCREEN_PROGRESS) {
		mck_qrtext_free(k->texts);
		mck_qrtext_init(k->texts);
		k->view.screen = MCK_SCREEN_SESSION;
	} else {
		forget(k);
	}
}

/* The language on screen, and the check's labels in it. */
static void set_lang(struct kiosk *k, enum mck_lang lang)
{
	k->view.lang = lang;
	mck_check_show_policy(&k->check, &k->view);
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
	show_result(k, &res);
	count(k, res.verdict);
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

/*
 * Draw the view: straight onto the renderer, or turned for a panel mounted
 * rotated (logical size lw x lh drawn into a texture, copied turned).
 */
static void draw_frame(struct kiosk *k, SDL_Renderer *r, SDL_Texture **turned)
{
	if (k->opt.rotation == 0) {
		mck_ui_draw(k->ui, r, &k->view);
		return;
	}
	if (*turned == NULL) {
		*turned = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
					    k->lw, k->lh);
	}
	if (*turned == NULL || SDL_SetRenderTarget(r, *turned) != 0) {
		fprintf(stderr, "mckiosk: rotation: %s\n", SDL_GetError());
		mck_ui_draw(k->ui, r, &k->view);
		return;
	}
	mck_ui_draw(k->ui, r, &k->view);
	SDL_SetRenderTarget(r, NULL);
	int pw = k->opt.rotation % 180 != 0 ? k->lh : k->lw;
	int ph = k->opt.rotation % 180 != 0 ? k->lw : k->lh;
	SDL_Rect dst = {(pw - k->lw) / 2, (ph - k->lh) / 2, k->lw, k->lh};
	SDL_RenderCopyEx(r, *turned, NULL, &dst, k->opt.rotation, NULL, SDL_FLIP_NONE);
}

/* A point on the panel (pixels) to the layout's coordinates. */
static void panel_to_layout(const struct kiosk *k, int px, int py, int *x, int *y)
{
	switch (k->opt.rotation) {
	case 90:
		*x = py;
		*y = k->lh - 1 - px;
		break;
	case 180:
		*x = k->lw - 1 - px;
		*y = k->lh - 1 - py;
		break;
	case 270:
		*x = k->lw - 1 - py;
		*y = px;
		break;
	default:
		*x = px;
		*y = py;
		break;
	}
}

/* Source specs: "image:A.png,B.png" are scans for screenshots; "NAME:ARG" a backend. */
static const struct mck_source_ops *backend_of(const char *spec)
{
	char name[16];
	const char *colon = strchr(spec, ':');

	if (colon == NULL || (size_t)(colon - spec) >= sizeof(name)) {
		return NULL;
	}
	memcpy(name, spec, (size_t)(colon - spec));
	name[colon - spec] = '\0';
	return mck_source_find(name);
}

/* Headless: scan the images given (successive scans), verify, as the kiosk would. */
static void scan_images(struct kiosk *k, const char *spec)
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
			show_result(k, &res);
			count(k, res.verdict);
			mck_result_free(&res);
		} else {
			conclude(k);
		}
	}
	free(list);
	free(codes);
	mck_qrscan_destroy(scan);
}

/* Headless: process the source (if any), draw once, save. */
static int screenshot(struct kiosk *k)
{
	SDL_Surface *surface;
	SDL_Renderer *r;
	SDL_Texture *turned = NULL;
	int pw = k->opt.rotation % 180 != 0 ? k->lh : k->lw;
	int ph = k->opt.rotation % 180 != 0 ? k->lw : k->lh;
	int rc = 1;

	if (k->opt.source != NULL && backend_of(k->opt.source) != NULL) {
		/* A device: the screen shows whether it opens (no camera screen if not). */
		struct mck_source src = {0};
		struct mck_source_cfg cfg = {0};

		struct mck_scan_event *ev = malloc(sizeof(*ev));

		k->view.status.camera_ok = mck_source_open(&src, k->opt.source, &cfg) == 0;
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
		bool scan = k->opt.source != NULL && k->verifier != NULL;

		/* a check shows what the images add to it (none: an empty check) */
		if (k->opt.show == SHOW_CHECK || (k->opt.show == SHOW_DECISION && scan)) {
			mck_check_start(&k->check, &k->view, 0);
		}
		if (scan) {
			scan_images(k, k->opt.source);
		}
	}
	switch (k->opt.show) {
	case SHOW_OPERATOR:
		k->view.screen = MCK_SCREEN_OPERATOR;
		break;
	case SHOW_LANGUAGES:
		k->view.picker = true;
		break;
	case SHOW_POLICIES:
		k->view.screen = MCK_SCREEN_POLICIES;
		break;
	case SHOW_DECISION:
		mck_check_finish(&k->check, &k->view, now_of(k));
		break;
	default:
		break;
	}
	surface = SDL_CreateRGBSurfaceWithFormat(0, pw, ph, 32, SDL_PIXELFORMAT_RGB888);
	r = surface != NULL ? SDL_CreateSoftwareRenderer(surface) : NULL;
	if (r == NULL) {
		fprintf(stderr, "mckiosk: renderer: %s\n", SDL_GetError());
	} else {
		draw_frame(k, r, &turned);
		if (write_png(r, pw, ph, k->opt.screenshot) == 0) {
			rc = 0;
		} else {
			fprintf(stderr, "mckiosk: cannot write %s\n", k->opt.screenshot);
		}
		if (turned != NULL) {
			SDL_DestroyTexture(turned);
		}
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
	clear_screen(k);
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

static void push_source_state(const struct kiosk *k, int code)
{
	SDL_Event ev;

	SDL_zero(ev);
	ev.type = k->source_event;
	ev.user.code = code;
	SDL_PushEvent(&ev);
}

/* Hand the UI a small copy of the frame for the live picture, unless it has one pending. */
static void offer_preview(struct kiosk *k, const struct mck_scan_event *ev)
{
	if (k->preview_lock == NULL || SDL_AtomicGet(&k->preview_pending) != 0) {
		return;
	}
	SDL_LockMutex(k->preview_lock);
	mck_present_preview(ev->grey, ev->width, ev->height, k->preview_in, &k->preview_w,
			    &k->preview_h);
	SDL_UnlockMutex(k->preview_lock);
	SDL_AtomicSet(&k->preview_pending, 1);
	push_source_state(k, 2);
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

	if (scan != NULL && strncmp(k->opt.source, "v4l2:", 5) == 0) {
		/* A camera: the next frame is coming, a hard one must not hold it up.
		 * Replayed files are paced by the source and get every step. */
		mck_qrscan_set_budget(scan, MCK_QRSCAN_BUDGET_MS);
	}
	bool open = false;
	bool told_gone = false;

	cfg.interval_ms = 500;
	cfg.loop = 1;
	cfg.width = k->opt.set.camera_width;
	cfg.height = k->opt.set.camera_height;
	while (SDL_AtomicGet(&c->stop) == 0 && scan != NULL && codes != NULL && ev != NULL) {
		int rc;

		if (!open) {
			if (mck_source_open(&src, k->opt.source, &cfg) != 0) {
				if (!told_gone) {
					push_source_state(k, 0);
					told_gone = true;
				}
				SDL_Delay(1000); /* unplugged: try again */
				continue;
			}
			open = true;
			told_gone = false;
			push_source_state(k, 1);
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

			offer_preview(k, ev);
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

static void free_scan(struct scan_msg *m)
{
	for (size_t i = 0; i < m->count; i++) {
		memset(m->text[i], 0, m->len[i]);
		free(m->text[i]);
	}
	free(m);
}

/* Scans still queued when the kiosk stops: wiped and freed, never read. */
static void drop_scans(struct kiosk *k)
{
	SDL_Event ev;

	while (SDL_PeepEvents(&ev, 1, SDL_GETEVENT, k->scan_event, k->scan_event) == 1) {
		free_scan(ev.user.data1);
	}
}

/* A touch or click at (x, y) of the layout that did not scroll. */
static void tap(struct kiosk *k, int x, int y, Uint32 *shown_at)
{
	enum mck_lang lang = k->view.lang;
	struct mck_view *v = &k->view;

	switch (mck_ui_hit_test(k->ui, x, y, &lang)) {
	case MCK_UI_HIT_LANGUAGE:
		v->picker = !v->picker;
		*shown_at = SDL_GetTicks(); /* choosing is not idling */
		return;
	case MCK_UI_HIT_PICK:
		set_lang(k, lang);
		v->picker = false;
		return;
	case MCK_UI_HIT_START:
		/* one policy: start it; several: the operator picks */
		if (k->check.count > 1) {
			v->screen = MCK_SCREEN_POLICIES;
		} else {
			mck_check_start(&k->check, v, 0);
		}
		*shown_at = SDL_GetTicks();
		return;
	case MCK_UI_HIT_POLICY:
		mck_check_start(&k->check, v, (size_t)mck_ui_policy_at(k->ui, x, y));
		*shown_at = SDL_GetTicks();
		return;
	case MCK_UI_HIT_FINISH:
		mck_check_finish(&k->check, v, now_of(k));
		*shown_at = SDL_GetTicks();
		return;
	case MCK_UI_HIT_CANCEL:
	case MCK_UI_HIT_DONE:
		clear_screen(k);
		return;
	case MCK_UI_HIT_STATUS:
		v->picker = false;
		if (v->screen == MCK_SCREEN_OPERATOR) {
			v->screen = MCK_SCREEN_IDLE;
		} else {
			forget(k); /* the operator never sees a learner's data */
			v->screen = MCK_SCREEN_OPERATOR;
			*shown_at = SDL_GetTicks();
		}
		return;
	default:
		break;
	}
	if (v->picker) {
		v->picker = false; /* a touch beside the picker closes it */
	} else if (!k->check.active) {
		/* a stray touch never ends a check: Cancel or Done does */
		mck_view_clear_result(v);
	}
}

/* A key standing for a touch target of the screen drawn last. */
static void press(struct kiosk *k, enum mck_ui_hit what, Uint32 *shown_at)
{
	SDL_Rect b = mck_ui_hit_rect(k->ui, what, 0);

	tap(k, b.x + b.w / 2, b.y + b.h / 2, shown_at);
}

/* How long the current screen may stay before it clears by itself (ms), 0 for ever. */
static Uint32 screen_lifetime(const struct kiosk *k)
{
	switch (k->view.screen) {
	case MCK_SCREEN_RESULT:
	case MCK_SCREEN_PROGRESS:
		return (Uint32)k->opt.clear_after_s * 1000u;
	case MCK_SCREEN_OPERATOR:
	case MCK_SCREEN_POLICIES:
		return (Uint32)k->opt.operator_after_s * 1000u;
	case MCK_SCREEN_SESSION:
		/* the candidate looks for the next credential: longer, then all is wiped */
		return (Uint32)k->opt.clear_after_s * 4000u;
	case MCK_SCREEN_DECISION:
		return (Uint32)k->opt.clear_after_s * 2000u;
	default:
		return k->view.picker ? (Uint32)k->opt.clear_after_s * 1000u : 0;
	}
}

/* The lamps named by --indicators or the board; the kiosk works on without them. */
static void open_lamps(struct kiosk *k)
{
	struct mck_indicator_cfg cfg = {
		.chip = k->opt.set.gpio_chip,
		.green = k->opt.set.gpio_green,
		.red = k->opt.set.gpio_red,
		.buzzer = k->opt.set.gpio_buzzer,
	};
	const char *spec = k->opt.indicators != NULL ? k->opt.indicators : "none";
	char msg[256];

	if (strncmp(spec, "trace:", 6) == 0) {
		k->lamp_trace = fopen(spec + 6, "w");
		if (k->lamp_trace == NULL) {
			fprintf(stderr, "mckiosk: indicators: %s: %s\n", spec + 6, strerror(errno));
			return;
		}
		cfg.trace = k->lamp_trace;
		if (cfg.green < 0 && cfg.red < 0 && cfg.buzzer < 0) {
			cfg.green = 0; /* a trace shows every line */
			cfg.red = 1;
			cfg.buzzer = 2;
		}
		spec = "trace";
	}
	if (mck_indicator_open(&k->lamps, spec, &cfg, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mckiosk: %s (going on without lamps)\n", msg);
	}
}

static void close_lamps(struct kiosk *k)
{
	mck_indicator_close(&k->lamps);
	if (k->lamp_trace != NULL) {
		fclose(k->lamp_trace);
		k->lamp_trace = NULL;
	}
}

/* A fault on the idle screen blinks the red lamp until it is fixed. */
static void lamps_follow_faults(struct kiosk *k)
{
	bool fault = k->view.screen == MCK_SCREEN_IDLE && mck_view_fault(&k->view, NULL);

	if (fault && !k->lamps_fault) {
		mck_indicator_signal(&k->lamps, MCK_SIGNAL_FAULT, SDL_GetTicks64());
	} else if (!fault && k->lamps_fault) {
		mck_indicator_stop(&k->lamps, SDL_GetTicks64());
	}
	k->lamps_fault = fault;
}

static int interactive(struct kiosk *k)
{
	SDL_Window *win;
	SDL_Renderer *r;
	SDL_Texture *turned = NULL;
	SDL_Thread *thread = NULL;
	struct capture cap = {.k = k};
	Uint32 shown_at = 0;
	Uint32 ticked_at = 0;
	struct mck_notify notify;
	unsigned scans = 0;
	bool quit = false;
	bool pressed = false;
	int press_x = 0;
	int press_y = 0;
	int pw = k->opt.rotation % 180 != 0 ? k->lh : k->lw;
	int ph = k->opt.rotation % 180 != 0 ? k->lw : k->lh;

	win = SDL_CreateWindow("MicroCred Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
			       pw, ph, k->opt.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	r = win != NULL ? SDL_CreateRenderer(win, -1, 0) : NULL;
	if (r == NULL) {
		fprintf(stderr, "mckiosk: display: %s\n", SDL_GetError());
		return 1;
	}
	if (SDL_GetRendererOutputSize(r, &pw, &ph) == 0 &&
	    (pw != (k->opt.rotation % 180 != 0 ? k->lh : k->lw) ||
	     ph != (k->opt.rotation % 180 != 0 ? k->lw : k->lh))) {
		/* Fullscreen on a panel of another size: lay out for the panel we have. */
		char msg[256];
		struct mck_ui *ui;

		k->lw = k->opt.rotation % 180 != 0 ? ph : pw;
		k->lh = k->opt.rotation % 180 != 0 ? pw : ph;
		ui = mck_ui_create(k->opt.fonts, k->lw, k->lh, msg, sizeof(msg));
		if (ui != NULL) {
			mck_ui_destroy(k->ui);
			k->ui = ui;
		}
	}
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	open_lamps(k);
	k->preview_lock = SDL_CreateMutex();
	k->scan_event = SDL_RegisterEvents(2);
	k->source_event = k->scan_event + 1;
	k->view.status.camera_ok = k->opt.source != NULL; /* until the capture thread says */
	refresh_status(k);
	if (k->opt.source != NULL) {
		thread = SDL_CreateThread(capture_main, "capture", &cap);
	}
	/* Under systemd (Type=notify, WatchdogSec=): ready, then alive while the UI loop runs. */
	if (mck_notify_open(&notify) != 0) {
		fprintf(stderr, "mckiosk: NOTIFY_SOCKET unusable; no watchdog\n");
	}
	mck_notify_send(&notify, "READY=1");
	while (!quit) {
		SDL_Event ev;
		Uint32 now = SDL_GetTicks();
		Uint32 life = screen_lifetime(k);

		mck_notify_watchdog(&notify, SDL_GetTicks64());

		if (k->opt.run_for_s > 0 && now > (Uint32)k->opt.run_for_s * 1000u) {
			break;
		}
		if (now - ticked_at >= 1000u) {
			/* Once a second: clock, list age, and an update installed meanwhile. */
			ticked_at = now;
			reload_if_updated(k); /* a result on screen stays as it was */
			refresh_status(k);
			mck_present_time(&k->view, now_of(k), (long long)(now / 1000u));
			lamps_follow_faults(k);
		}
		/* Privacy: the result leaves the screen and memory after a while. */
		if (life != 0 && now - shown_at > life) {
			clear_screen(k);
		}
		k->view.preview = k->view.preview_w > 0 ? k->preview : NULL;
		draw_frame(k, r, &turned);
		k->view.preview = NULL;
		SDL_RenderPresent(r);
		int due = mck_indicator_tick(&k->lamps, SDL_GetTicks64());
		if (!SDL_WaitEventTimeout(&ev, due >= 0 && due < 250 ? due : 250)) {
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
			set_lang(k, (enum mck_lang)((k->view.lang + 1) % MCK_LANG_COUNT));
		} else if (ev.type == SDL_KEYDOWN &&
			   (ev.key.keysym.sym == SDLK_o || ev.key.keysym.sym == SDLK_F2)) {
			press(k, MCK_UI_HIT_STATUS, &shown_at);
		} else if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_SPACE &&
			   !k->check.active) {
			mck_view_clear_result(&k->view);
		} else if (ev.type == SDL_KEYDOWN &&
			   (ev.key.keysym.sym == SDLK_F3 || ev.key.keysym.sym == SDLK_s) &&
			   !k->check.active) {
			press(k, MCK_UI_HIT_START, &shown_at);
		} else if (ev.type == SDL_KEYDOWN &&
			   (ev.key.keysym.sym == SDLK_RETURN || ev.key.keysym.sym == SDLK_f) &&
			   k->view.screen == MCK_SCREEN_SESSION) {
			press(k, MCK_UI_HIT_FINISH, &shown_at);
		} else if (ev.type == SDL_KEYDOWN &&
			   (ev.key.keysym.sym == SDLK_c || ev.key.keysym.sym == SDLK_d) &&
			   k->check.active) {
			clear_screen(k);
		} else if (ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_FINGERDOWN) {
			pressed = true;
			if (ev.type == SDL_FINGERDOWN) {
				panel_to_layout(k, (int)(ev.tfinger.x * (float)pw),
						(int)(ev.tfinger.y * (float)ph), &press_x,
						&press_y);
			} else {
				panel_to_layout(k, ev.button.x, ev.button.y, &press_x, &press_y);
			}
		} else if ((ev.type == SDL_MOUSEBUTTONUP || ev.type == SDL_FINGERUP) && pressed) {
			int x;
			int y;
			int step = k->lh / 12 > 1 ? k->lh / 12 : 1;

			pressed = false;
			if (ev.type == SDL_FINGERUP) {
				panel_to_layout(k, (int)(ev.tfinger.x * (float)pw),
						(int)(ev.tfinger.y * (float)ph), &x, &y);
			} else {
				panel_to_layout(k, ev.button.x, ev.button.y, &x, &y);
			}
			if (y - press_y >= step || press_y - y >= step) {
				/* A swipe scrolls the details: up shows what is below. */
				int rows = (press_y - y) / step;

				k->view.scroll = rows < 0 && (unsigned)-rows > k->view.scroll
							 ? 0
							 : (unsigned)((int)k->view.scroll + rows);
			} else {
				tap(k, press_x, press_y, &shown_at);
			}
		} else if (ev.type == k->source_event && ev.user.code == 2) {
			SDL_LockMutex(k->preview_lock);
			memcpy(k->preview, k->preview_in, sizeof(k->preview));
			k->view.preview_w = k->preview_w;
			k->view.preview_h = k->preview_h;
			SDL_UnlockMutex(k->preview_lock);
			SDL_AtomicSet(&k->preview_pending, 0);
		} else if (ev.type == k->source_event) {
			k->view.status.camera_ok = ev.user.code == 1;
			if (!k->view.status.camera_ok) {
				k->view.preview_w =
					0; /* no stale picture of a camera that is gone */
			}
			refresh_status(k);
		} else if (ev.type == k->scan_event) {
			struct scan_msg *m = ev.user.data1;

			if (k->view.screen == MCK_SCREEN_OPERATOR) {
				mck_view_clear_result(&k->view);
			}
			k->view.picker = false;
			for (size_t i = 0; i < m->count; i++) {
				mck_qrtext_add(k->texts, m->text[i], m->len[i]);
			}
			free_scan(m);
			conclude(k);
			scans++;
			shown_at = SDL_GetTicks();
		}
	}
	/* Counters only: nothing personal leaves the screen. */
	printf("mckiosk: %u scans handled\n", scans);
	mck_notify_send(&notify, "STOPPING=1");
	mck_notify_close(&notify);
	SDL_AtomicSet(&cap.stop, 1);
	if (thread != NULL) {
		SDL_WaitThread(thread, NULL);
	}
	drop_scans(k);
	if (turned != NULL) {
		SDL_DestroyTexture(turned);
	}
	SDL_DestroyMutex(k->preview_lock);
	k->preview_lock = NULL;
	close_lamps(k);
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
	k.lw = k.opt.rotation % 180 != 0 ? k.opt.height : k.opt.width;
	k.lh = k.opt.rotation % 180 != 0 ? k.opt.width : k.opt.height;
	k.view.lang = k.opt.lang;
	/* Headless without a device: the idle screen as with a working camera. */
	k.view.status.camera_ok = true;
	snprintf(k.view.op.software, sizeof(k.view.op.software), "mckiosk %s", MCK_VERSION);
	snprintf(k.view.op.source, sizeof(k.view.op.source), "%s",
		 k.opt.source != NULL ? k.opt.source : "-");
	k.texts = malloc(sizeof(*k.texts));
	k.ui = mck_ui_create(k.opt.fonts, k.lw, k.lh, msg, sizeof(msg));
	if (k.texts == NULL || k.ui == NULL) {
		fprintf(stderr, "mckiosk: %s\n", k.ui == NULL ? msg : "out of memory");
		return 4;
	}
	mck_qrtext_init(k.texts);
	for (size_t i = 0; i < k.opt.policies; i++) {
		if (mck_check_load(&k.check, k.opt.policy[i], msg, sizeof(msg)) != 0) {
			fprintf(stderr, "mckiosk: policy %s\n", msg);
			return 4;
		}
	}
	if (k.opt.set.policy_dir[0] != '\0' &&
	    mck_check_load_dir(&k.check, k.opt.set.policy_dir, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mckiosk: policy %s\n", msg);
		return 4;
	}
	mck_check_show_policy(&k.check, &k.view);
	load_trust(&k);
	mck_present_time(&k.view, now_of(&k), 0);
	rc = k.opt.screenshot != NULL ? screenshot(&k) : interactive(&k);
	mck_qrtext_free(k.texts);
	free(k.texts);
	mck_ui_destroy(k.ui);
	mck_check_free(&k.check);
	mck_verifier_destroy(k.verifier);
	if (k.have_cfg) {
		mck_store_trust_free(&k.cfg);
	}
	SDL_Quit();
	return rc;
}
