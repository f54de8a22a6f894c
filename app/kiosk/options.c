/* mckiosk's options: defaults < board profile < config file < command line. */
#define _POSIX_C_SOURCE 200809L

#include "options.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif
#ifndef MCK_BOARD_DIR
#define MCK_BOARD_DIR "/usr/share/mckiosk/board"
#endif
#ifndef MCK_DEFAULT_ANCHORS_DIR
#define MCK_DEFAULT_ANCHORS_DIR "/usr/share/mckiosk/anchors"
#endif

static const char *const show_names[] = {
	[MCK_SHOW_OPERATOR] = "operator", [MCK_SHOW_LANGUAGES] = "languages",
	[MCK_SHOW_POLICIES] = "policies", [MCK_SHOW_CHECK] = "check",
	[MCK_SHOW_DECISION] = "decision",
};

void mck_options_usage(FILE *f)
{
	fputs("usage: mckiosk [--board NAME|FILE] [--config FILE]\n"
	      "               [--source image:PATH|replay:DIR|v4l2:DEV|hid:DEV|gst:PIPELINE]\n"
	      "               [--play-once] [--size WxH]\n"
	      "               [--panel-mm WxH]\n"
	      "               [--lang en|pl|de|fr|el|it|es] [--now UNIX] [--anchors DIR]\n"
	      "               (--trust FILE [--status DIR] | --state DIR) [--spool DIR]\n"
	      "               [--clear-after S]\n"
	      "               [--clear-after-left S] [--trace-screens FILE]\n"
	      "               [--rotate 0|90|180|270] [--fullscreen] [--fonts DIR]\n"
	      "               [--indicators gpio|trace:FILE|none] [--policy FILE]...\n"
	      "               [--screenshot OUT.png\n"
	      "                [--show operator|languages|policies|check|decision] [--focus]]\n"
	      "               [--run-for S] [--cpu-scale X]\n"
	      "               [--speech off|on|headset] [--audio-device NAME]\n"
	      "               [--say OUT.wav] [--say-details OUT.wav]\n",
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
static int load_settings(int argc, char **argv, struct mck_options *o)
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
	o->width_mm = set->width_mm;
	o->height_mm = set->height_mm;
	o->rotation = set->rotation;
	o->fullscreen = set->fullscreen;
	o->source = set->source[0] != '\0' ? set->source : NULL;
	lang = mck_i18n_from_code(set->lang);
	o->lang = lang > 0 ? (enum mck_lang)lang : MCK_LANG_EN;
	o->clear_after_s = set->clear_after_s;
	o->after_code_left_s = set->after_code_left_s;
	o->operator_after_s = set->operator_after_s;
	o->src.anchors = set->anchors_dir;
	o->indicators = set->gpio_chip[0] != '\0' ? "gpio" : "none";
	if (set->policy_file[0] != '\0') {
		o->policy[o->policies++] = set->policy_file;
	}
	return 0;
}

int mck_options_parse(int argc, char **argv, struct mck_options *o)
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
		if (strcmp(a, "--play-once") == 0) {
			o->play_once = true;
			continue;
		}
		if (strcmp(a, "--focus") == 0) {
			o->focus = true;
			continue;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			mck_options_usage(stdout);
			return 1;
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
		} else if (strcmp(a, "--spool") == 0) {
			o->spool = v; /* the update records: fetch.json, last-update.json */
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
		} else if (strcmp(a, "--panel-mm") == 0) {
			if (sscanf(v, "%dx%d", &o->width_mm, &o->height_mm) != 2 ||
			    o->width_mm < 20 || o->height_mm < 20 || o->width_mm > 3000 ||
			    o->height_mm > 3000) {
				fprintf(stderr, "mckiosk: --panel-mm WxH, 20..3000 mm\n");
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
		} else if (strcmp(a, "--clear-after-left") == 0) {
			if (number(a, v, 1, 600, &o->after_code_left_s) != 0) {
				return -1;
			}
		} else if (strcmp(a, "--cpu-scale") == 0) {
			/* the camera's scan budget as on a slower board (scan.cpu_scale) */
			char err[160];

			if (mck_settings_set(&o->set, "scan.cpu_scale", v, err, sizeof(err)) != 0) {
				fprintf(stderr, "mckiosk: --cpu-scale: %s\n", err);
				return -1;
			}
		} else if (strcmp(a, "--say") == 0) {
			o->say = v; /* rendered like --screenshot, with the same source */
		} else if (strcmp(a, "--say-details") == 0) {
			o->say_details = v;
		} else if (strcmp(a, "--speech") == 0 || strcmp(a, "--audio-device") == 0) {
			char err[160];

			if (mck_settings_set(&o->set, a[2] == 's' ? "speech" : "audio.device", v,
					     err, sizeof(err)) != 0) {
				fprintf(stderr, "mckiosk: %s: %s\n", a, err);
				return -1;
			}
		} else if (strcmp(a, "--trace-screens") == 0) {
			o->trace_screens = v;
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
			o->show = MCK_SHOW_IDLE;
			for (size_t n = MCK_SHOW_OPERATOR; n <= MCK_SHOW_DECISION; n++) {
				if (strcmp(v, show_names[n]) == 0) {
					o->show = (enum mck_show)n;
				}
			}
			if (o->show == MCK_SHOW_IDLE) {
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
