#define _POSIX_C_SOURCE 200809L

#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/io.h"
#include "mck/json.h"
#include "mck/qrscan.h"
#include "mck/source.h"

void mck_settings_init(struct mck_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->width = 800;
	s->height = 480;
	s->gpio_green = -1;
	s->gpio_red = -1;
	s->gpio_buzzer = -1;
	snprintf(s->lang, sizeof(s->lang), "en");
	s->clear_after_s = 30;
	s->operator_after_s = 60;
	s->after_code_left_s = 5;
	snprintf(s->state_dir, sizeof(s->state_dir), "/var/lib/mckiosk");
	snprintf(s->anchors_dir, sizeof(s->anchors_dir), "/usr/share/mckiosk/anchors");
	s->cpu_scale = 1;
	s->scan_workers = 1;
	s->update_interval_s = MCK_SETTINGS_UPDATE_INTERVAL;
	s->key_repeat = true;
}

static int whole(const char *v, long lo, long hi, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < lo || n > hi) {
		return -1;
	}
	*out = n;
	return 0;
}

enum kind {
	K_INT,
	K_UINT,
	K_BOOL,
	K_TEXT,
	K_LANG,
	K_ROTATION,
	K_SCALE,
	K_FOCUS,
	K_URL,
	K_INTERVAL,
	K_PIN,
	K_FILE,
	K_SPEECH,
};

/*
 * A decimal number with up to 4 places ("0.2", "1", "0.35"), in [lo, hi]
 * hundredths: parsed by hand, as strtod follows the locale's decimal mark.
 */
static int scale_value(const char *v, long lo, long hi, double *out)
{
	long long whole_part = 0;
	long long frac = 0;
	long long div = 1;
	const char *p = v;

	if (*p < '0' || *p > '9') {
		return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		if (whole_part > 100000) {
			return -1;
		}
		whole_part = whole_part * 10 + (*p - '0');
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (div == 10000) {
				return -1;
			}
			frac = frac * 10 + (*p - '0');
			div *= 10;
		}
		if (div == 1) {
			return -1; /* "1." */
		}
	}
	if (*p != '\0' || whole_part * 100 * div + frac * 100 < lo * div ||
	    whole_part * 100 * div + frac * 100 > hi * div) {
		return -1;
	}
	*out = (double)whole_part + (double)frac / (double)div;
	return 0;
}

/*
 * A mirror's base URL: http:// or https://, a host, then printable ASCII
 * without what RFC 3986 never allows unescaped (space, quote, backslash,
 * angle brackets, braces, bar, caret, backtick), nor a query or a fragment:
 * mcupdate appends mck-update/... to it. firmware/scripts/mck-net-update
 * checks the same.
 */
static bool url_value(const char *v)
{
	const char *host;

	if (strncmp(v, "https://", 8) == 0) {
		host = v + 8;
	} else if (strncmp(v, "http://", 7) == 0) {
		host = v + 7;
	} else {
		return false;
	}
	if (*host == '\0' || *host == '/') {
		return false;
	}
	for (const char *p = v; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= 0x20 || c >= 0x7f || strchr("\"<>\\^`{|}?#", c) != NULL) {
			return false;
		}
	}
	return true;
}

/* "30min", "6h", "2d": a whole number without a leading zero and its unit, in [lo, hi] s. */
static int interval_value(const char *v, long lo, long hi, long *out)
{
	static const struct {
		const char *unit;
		long long s;
	} units[] = {{"min", 60}, {"h", 3600}, {"d", 86400}};
	size_t digits = strspn(v, "0123456789");
	long long n = 0;

	if (digits == 0 || digits > 6 || v[0] == '0') {
		return -1;
	}
	for (size_t i = 0; i < digits; i++) {
		n = n * 10 + (v[i] - '0');
	}
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(v + digits, units[i].unit) == 0) {
			n *= units[i].s; /* at most 999999 days: no overflow */
			if (n < lo || n > hi) {
				return -1;
			}
			*out = (long)n;
			return 0;
		}
	}
	return -1;
}

/* curl's pinnedpubkey form of one key: "sha256//" and the base64 of 32 bytes. */
static bool pin_value(const char *v)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	if (strncmp(v, "sha256//", 8) != 0 || strlen(v) != 8 + 44) {
		return false;
	}
	v += 8;
	for (size_t i = 0; i < 43; i++) {
		if (strchr(b64, v[i]) == NULL) {
			return false;
		}
	}
	/* 32 bytes end in one '=', and the last digit's two low bits are unused */
	return strchr("AEIMQUYcgkosw048", v[42]) != NULL && v[43] == '=';
}

/* Every key: its kind, where it goes, and its range. */
static const struct key {
	const char *name;
	enum kind kind;
	size_t offset;
	size_t size; /* text: the buffer's size */
	long lo;
	long hi;
} keys[] = {
#define F(m) offsetof(struct mck_settings, m)
	{"display.width", K_INT, F(width), 0, 240, 7680},
	{"display.height", K_INT, F(height), 0, 240, 7680},
	{"display.rotation", K_ROTATION, F(rotation), 0, 0, 270},
	{"display.fullscreen", K_BOOL, F(fullscreen), 0, 0, 1},
	{"display.width_mm", K_INT, F(width_mm), 0, 20, 3000},
	{"display.height_mm", K_INT, F(height_mm), 0, 20, 3000},
	{"display.large_text", K_BOOL, F(large_text), 0, 0, 1},
	{"camera.source", K_TEXT, F(source), sizeof(((struct mck_settings *)0)->source), 0, 0},
	{"camera.width", K_UINT, F(camera_width), 0, 160, 4096},
	{"camera.height", K_UINT, F(camera_height), 0, 120, 4096},
	{"camera.focus", K_FOCUS, F(camera_focus_cm), 0, 5, 200},
	{"gpio.chip", K_TEXT, F(gpio_chip), sizeof(((struct mck_settings *)0)->gpio_chip), 0, 0},
	{"gpio.green", K_INT, F(gpio_green), 0, -1, 1023},
	{"gpio.red", K_INT, F(gpio_red), 0, -1, 1023},
	{"gpio.buzzer", K_INT, F(gpio_buzzer), 0, -1, 1023},
	{"language", K_LANG, F(lang), sizeof(((struct mck_settings *)0)->lang), 0, 0},
	{"timeout.clear_after", K_INT, F(clear_after_s), 0, 5, 600},
	{"timeout.operator", K_INT, F(operator_after_s), 0, 5, 600},
	{"timeout.after_code_left", K_INT, F(after_code_left_s), 0, 1, 600},
	{"trust.state", K_TEXT, F(state_dir), sizeof(((struct mck_settings *)0)->state_dir), 0, 0},
	{"trust.anchors", K_TEXT, F(anchors_dir), sizeof(((struct mck_settings *)0)->anchors_dir),
	 0, 0},
	{"policy.file", K_TEXT, F(policy_file), sizeof(((struct mck_settings *)0)->policy_file), 0,
	 0},
	{"policy.dir", K_TEXT, F(policy_dir), sizeof(((struct mck_settings *)0)->policy_dir), 0, 0},
	/* the scanner's own bounds, in hundredths */
	{"scan.cpu_scale", K_SCALE, F(cpu_scale), 0, (long)(MCK_QRSCAN_SCALE_MIN * 100 + 0.5),
	 (long)(MCK_QRSCAN_SCALE_MAX * 100 + 0.5)},
	{"scan.workers", K_INT, F(scan_workers), 0, 1, MCK_QRSCAN_MAX_WORKERS},
	{"update.url", K_URL, F(update_url), sizeof(((struct mck_settings *)0)->update_url), 0, 0},
	{"update.interval", K_INTERVAL, F(update_interval_s), 0, MCK_SETTINGS_UPDATE_INTERVAL_MIN,
	 MCK_SETTINGS_UPDATE_INTERVAL_MAX},
	{"update.pin", K_PIN, F(update_pin), sizeof(((struct mck_settings *)0)->update_pin), 0, 0},
	{"update.ca", K_FILE, F(update_ca), sizeof(((struct mck_settings *)0)->update_ca), 0, 0},
	/* keys (EN 301 549 5.7, 5.8) */
	{"keys.repeat", K_BOOL, F(key_repeat), 0, 0, 1},
	{"keys.double_strike", K_INT, F(double_strike_ms), 0, 0, 2000},
	/* sound (issue #18) */
	{"speech", K_SPEECH, F(speech), 0, 0, 2},
	{"audio.device", K_TEXT, F(audio_device), sizeof(((struct mck_settings *)0)->audio_device),
	 0, 0},
#undef F
};

#define KEY_COUNT (sizeof(keys) / sizeof(keys[0]))

static const struct key *find_key(const char *name)
{
	for (size_t i = 0; i < KEY_COUNT; i++) {
		if (strcmp(keys[i].name, name) == 0) {
			return &keys[i];
		}
	}
	return NULL;
}

static int set_one(struct mck_settings *s, const struct key *k, const char *v, char *err,
		   size_t cap)
{
	static const char *const langs[] = {"en", "pl", "de", "fr", "el", "it", "es"};
	char *field = (char *)s + k->offset;
	long n = 0;

	switch (k->kind) {
	case K_INT:
	case K_UINT:
	case K_ROTATION:
		/* camera.width/height also take 0: the driver's choice */
		if (whole(v, k->kind == K_UINT ? 0 : k->lo, k->hi, &n) != 0 ||
		    (k->kind == K_UINT && n != 0 && n < k->lo) ||
		    (k->kind == K_ROTATION && n % 90 != 0)) {
			if (k->kind == K_ROTATION) {
				snprintf(err, cap, "%s is 0, 90, 180 or 270, not \"%.40s\"",
					 k->name, v);
			} else {
				snprintf(err, cap,
					 "%s wants a whole number %ld..%ld, not \"%.40s\"", k->name,
					 k->lo, k->hi, v);
			}
			return -1;
		}
		if (k->kind == K_UINT) {
			uint32_t u = (uint32_t)n;
			memcpy(field, &u, sizeof(u));
		} else {
			int i = (int)n;
			memcpy(field, &i, sizeof(i));
		}
		return 0;
	case K_BOOL: {
		bool b;

		if (strcmp(v, "yes") == 0 || strcmp(v, "on") == 0 || strcmp(v, "true") == 0 ||
		    strcmp(v, "1") == 0) {
			b = true;
		} else if (strcmp(v, "no") == 0 || strcmp(v, "off") == 0 ||
			   strcmp(v, "false") == 0 || strcmp(v, "0") == 0) {
			b = false;
		} else {
			snprintf(err, cap, "%s is yes or no (on or off), not \"%.40s\"", k->name,
				 v);
			return -1;
		}
		memcpy(field, &b, sizeof(b));
		return 0;
	}
	case K_SCALE: {
		double d;

		if (scale_value(v, k->lo, k->hi, &d) != 0) {
			snprintf(err, cap, "%s wants a decimal number %g..%g, not \"%.40s\"",
				 k->name, (double)k->lo / 100, (double)k->hi / 100, v);
			return -1;
		}
		memcpy(field, &d, sizeof(d));
		return 0;
	}
	case K_FOCUS: {
		/* "camera" (its own), "continuous", or a fixed distance "25cm" */
		size_t digits = strspn(v, "0123456789");
		int cm = 0;

		if (strcmp(v, "continuous") == 0) {
			cm = MCK_SOURCE_FOCUS_CONTINUOUS;
		} else if (strcmp(v, "camera") != 0) {
			cm = digits >= 1 && digits <= 3 && strcmp(v + digits, "cm") == 0 ? atoi(v)
											 : -1;
			if (cm < k->lo || cm > k->hi) {
				snprintf(err, cap,
					 "%s is camera, continuous or a distance %ld..%ldcm, "
					 "not \"%.40s\"",
					 k->name, k->lo, k->hi, v);
				return -1;
			}
		}
		memcpy(field, &cm, sizeof(cm));
		return 0;
	}
	case K_LANG:
		for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
			if (strcmp(v, langs[i]) == 0) {
				snprintf(field, k->size, "%s", v);
				return 0;
			}
		}
		snprintf(err, cap, "language is one of en pl de fr el it es, not \"%.40s\"", v);
		return -1;
	case K_INTERVAL: {
		int i;

		if (interval_value(v, k->lo, k->hi, &n) != 0) {
			snprintf(err, cap,
				 "%s is a whole number of min, h or d (30min..7d), not \"%.40s\"",
				 k->name, v);
			return -1;
		}
		i = (int)n;
		memcpy(field, &i, sizeof(i));
		return 0;
	}
	case K_SPEECH: {
		/* the values of enum mck_speech_mode, in its order */
		static const char *const modes[] = {"off", "on", "headset"};

		for (int i = 0; i < 3; i++) {
			if (strcmp(v, modes[i]) == 0) {
				memcpy(field, &i, sizeof(i));
				return 0;
			}
		}
		snprintf(err, cap, "%s is off, on or headset, not \"%.40s\"", k->name, v);
		return -1;
	}
	case K_TEXT:
	case K_URL:
	case K_PIN:
	case K_FILE:
	default:
		if (strlen(v) >= k->size) {
			snprintf(err, cap, "%s is longer than %zu bytes: \"%.40s…\"", k->name,
				 k->size - 1, v);
			return -1;
		}
		for (const char *p = v; *p != '\0'; p++) {
			if ((unsigned char)*p < 0x20 || *p == 0x7f) {
				snprintf(err, cap, "%s holds a control character", k->name);
				return -1;
			}
		}
		if (v[0] == '\0' || strcmp(v, "none") == 0) {
			field[0] = '\0';
			return 0;
		}
		if (k->kind == K_URL && !url_value(v)) {
			snprintf(err, cap,
				 "%s is an http:// or https:// URL without spaces, quotes, "
				 "query or fragment, not \"%.40s\"",
				 k->name, v);
			return -1;
		}
		if (k->kind == K_PIN && !pin_value(v)) {
			snprintf(err, cap,
				 "%s is sha256// and 44 characters of base64, not \"%.60s\"",
				 k->name, v);
			return -1;
		}
		if (k->kind == K_FILE && v[0] != '/') {
			snprintf(err, cap, "%s is an absolute path, not \"%.40s\"", k->name, v);
			return -1;
		}
		snprintf(field, k->size, "%s", v);
		return 0;
	}
}

int mck_settings_set(struct mck_settings *s, const char *key, const char *value, char *err,
		     size_t cap)
{
	const struct key *k = find_key(key);

	if (k == NULL) {
		snprintf(err, cap, "unknown key \"%.40s\"", key);
		return -1;
	}
	return set_one(s, k, value, err, cap);
}

static char *trim(char *p)
{
	char *end;

	while (*p == ' ' || *p == '\t') {
		p++;
	}
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) {
		*--end = '\0';
	}
	return p;
}

int mck_settings_load(struct mck_settings *s, const char *path, char *err, size_t cap)
{
	struct mck_settings next = *s;
	bool seen[KEY_COUNT] = {false};
	char why[200];
	char *buf = NULL;
	size_t len = 0;
	int line = 0;
	int rc = mck_io_read_file(path, MCK_SETTINGS_FILE_MAX, &buf, &len);

	if (rc != 0) {
		snprintf(err, cap, "%s: %s", path,
			 rc == -EFBIG ? "larger than 16 KiB, not a settings file" : strerror(-rc));
		return -1;
	}
	rc = -1;
	if (memchr(buf, '\0', len) != NULL) {
		snprintf(err, cap, "%s: holds a NUL byte", path);
		goto out;
	}
	if (!mck_utf8_valid((const uint8_t *)buf, len)) {
		snprintf(err, cap, "%s: not UTF-8 text", path);
		goto out;
	}
	for (char *p = buf; *p != '\0' || line == 0;) {
		char *nl = strchr(p, '\n');
		char *text;
		char *eq;
		const struct key *k;

		line++;
		if (nl != NULL) {
			*nl = '\0';
		}
		if (strlen(p) > MCK_SETTINGS_LINE_MAX) {
			snprintf(err, cap, "%s:%d: line longer than %d bytes", path, line,
				 MCK_SETTINGS_LINE_MAX);
			goto out;
		}
		text = trim(p);
		p = nl != NULL ? nl + 1 : p + strlen(p);
		if (text[0] == '\0' || text[0] == '#') {
			if (nl == NULL) {
				break;
			}
			continue;
		}
		eq = strchr(text, '=');
		if (eq == NULL) {
			snprintf(err, cap, "%s:%d: want key = value, got \"%.40s\"", path, line,
				 text);
			goto out;
		}
		*eq = '\0';
		k = find_key(trim(text));
		if (k == NULL) {
			snprintf(err, cap, "%s:%d: unknown key \"%.40s\"", path, line, trim(text));
			goto out;
		}
		if (seen[k - keys]) {
			snprintf(err, cap, "%s:%d: %s given twice", path, line, k->name);
			goto out;
		}
		seen[k - keys] = true;
		if (set_one(&next, k, trim(eq + 1), why, sizeof(why)) != 0) {
			snprintf(err, cap, "%s:%d: %s", path, line, why);
			goto out;
		}
		if (nl == NULL) {
			break;
		}
	}
	*s = next;
	rc = 0;
out:
	free(buf);
	return rc;
}

int mck_settings_board_path(char *buf, size_t cap, const char *dir, const char *name)
{
	char file[128];

	if (strchr(name, '/') != NULL) {
		return snprintf(buf, cap, "%s", name) < (int)cap ? 0 : -ENAMETOOLONG;
	}
	if (snprintf(file, sizeof(file), "%s.conf", name) >= (int)sizeof(file)) {
		return -ENAMETOOLONG;
	}
	return mck_io_path(buf, cap, dir, file);
}
