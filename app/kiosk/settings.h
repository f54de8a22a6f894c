/*
 * The kiosk's settings: built-in defaults, a board profile (board/NAME.conf),
 * then the site's config file, then command-line options, each overriding the
 * one before. Files are `key = value` lines; see board/README.md for the keys.
 */
#ifndef MCK_KIOSK_SETTINGS_H
#define MCK_KIOSK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MCK_SETTINGS_FILE_MAX 16384
#define MCK_SETTINGS_LINE_MAX 512

struct mck_settings {
	int width; /* display.width, display.height: the panel, 240..7680 */
	int height;
	int rotation;          /* display.rotation: 0, 90, 180, 270 (clockwise) */
	bool fullscreen;       /* display.fullscreen */
	int width_mm;          /* display.width_mm, display.height_mm: the active area as the */
	int height_mm;         /* pixels are counted (0: unknown, 133 px an inch assumed) */
	bool large_text;       /* display.large_text: on, off (docs/accessibility.md) */
	char source[400];      /* camera.source: "v4l2:DEV", "gst:PIPELINE", "hid:DEV", "" */
	uint32_t camera_width; /* camera.width, camera.height: 0 (driver's) or 160..4096 */
	uint32_t camera_height;
	int camera_focus_cm; /* camera.focus: 0 its own, -1 continuous, or a code 5..200 cm away */
	char gpio_chip[64];  /* gpio.chip: "" = no indicators */
	int gpio_green;      /* gpio.green, gpio.red, gpio.buzzer: 0..1023, -1 absent */
	int gpio_red;
	int gpio_buzzer;
	char lang[8];          /* language: en pl de fr el it es */
	int clear_after_s;     /* timeout.clear_after: 5..600 */
	int operator_after_s;  /* timeout.operator: 5..600 */
	int after_code_left_s; /* timeout.after_code_left: 1..600, a result once its code is gone */
	char state_dir[256];   /* trust.state */
	char anchors_dir[256]; /* trust.anchors */
	char policy_file[256]; /* policy.file: entry requirements, "" none */
	char policy_dir[256];  /* policy.dir: every *.json there, "" none */
	double cpu_scale; /* scan.cpu_scale: the CPU against the reference x86 core, 0.01..100 */
	int scan_workers; /* scan.workers: threads decoding a frame's steps, 1..8 */
	/*
	 * Network updates (mckiosk-fetch.service, not the kiosk): checked here so
	 * that the one file the site edits is refused as a whole when one is wrong.
	 */
	char update_url[400];  /* update.url: http:// or https:// mirror base, "" off */
	int update_interval_s; /* update.interval: 30min..7d, MCK_SETTINGS_UPDATE_INTERVAL */
	char update_pin[56];   /* update.pin: "sha256//" + base64 of an SPKI digest, "" none */
	char update_ca[256];   /* update.ca: an absolute CA file, "" the system's store */
	/*
	 * Keys (EN 301 549 5.7, 5.8): whether a held key moves or scrolls on
	 * (keys.repeat, on), and how long a second press of the same key is
	 * ignored (keys.double_strike, ms, 0..2000, 0: never).
	 */
	bool key_repeat;
	int double_strike_ms;
	/* Sound (issue #18): earcons on the audio device; speech off unless set (privacy). */
	int speech;             /* speech: 0 off, 1 on, 2 headset (enum mck_speech_mode) */
	char audio_device[128]; /* audio.device: an SDL output device name, "" the default */
};

#define MCK_SETTINGS_UPDATE_INTERVAL     (6 * 3600)
#define MCK_SETTINGS_UPDATE_INTERVAL_MIN (30 * 60)
#define MCK_SETTINGS_UPDATE_INTERVAL_MAX (7 * 24 * 3600)

/** The built-in defaults (800x480, English, 30 s, no camera, no indicators). */
void mck_settings_init(struct mck_settings *s);

/**
 * Set @p key to @p value (checked: range, length, form). Returns 0, or -1 with
 * a one-line reason in @p err quoting the value (capped).
 */
int mck_settings_set(struct mck_settings *s, const char *key, const char *value, char *err,
		     size_t cap);

/**
 * Apply the file at @p path. All or nothing: on any error @p s is unchanged and
 * @p err says "PATH:LINE: reason". Refused: files over MCK_SETTINGS_FILE_MAX,
 * lines over MCK_SETTINGS_LINE_MAX, NUL bytes, invalid UTF-8, unknown keys, a
 * key twice, lines without '='.
 */
int mck_settings_load(struct mck_settings *s, const char *path, char *err, size_t cap);

/** The profile file of board @p name in @p dir ("rpi4" → DIR/rpi4.conf); a path is kept. */
int mck_settings_board_path(char *buf, size_t cap, const char *dir, const char *name);

#endif
