/* The kiosk's settings: defaults, board profiles, and every refusal of a bad file. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mck/source.h"
#include "settings.h"

static char tmp_path[64];

/* A file holding @p len bytes of @p text; its path (static). */
static const char *file_of(const char *text, size_t len)
{
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "/tmp/mck-settings-XXXXXX");
	fd = mkstemp(tmp_path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return tmp_path;
}

static void test_defaults(void **state)
{
	struct mck_settings s;

	(void)state;
	mck_settings_init(&s);
	assert_int_equal(s.width, 800);
	assert_int_equal(s.height, 480);
	assert_int_equal(s.rotation, 0);
	assert_false(s.fullscreen);
	assert_string_equal(s.source, "");
	assert_int_equal(s.gpio_green, -1);
	assert_int_equal(s.gpio_red, -1);
	assert_int_equal(s.gpio_buzzer, -1);
	assert_string_equal(s.gpio_chip, "");
	assert_string_equal(s.lang, "en");
	assert_int_equal(s.clear_after_s, 30);
	assert_int_equal(s.operator_after_s, 60);
	assert_string_equal(s.state_dir, "/var/lib/mckiosk");
	assert_string_equal(s.anchors_dir, "/usr/share/mckiosk/anchors");
	/* a PC's core and one thread, until a profile says otherwise */
	assert_true(s.cpu_scale == 1);
	assert_int_equal(s.scan_workers, 1);
	/* network updates off, every six hours once on, the system's CA store */
	assert_string_equal(s.update_url, "");
	assert_int_equal(s.update_interval_s, 6 * 3600);
	assert_string_equal(s.update_pin, "");
	assert_string_equal(s.update_ca, "");
}

static void load_board(const char *name, struct mck_settings *s)
{
	char path[512];
	char err[256] = "";

	mck_settings_init(s);
	assert_int_equal(mck_settings_board_path(path, sizeof(path), MCK_BOARD_DIR, name), 0);
	if (mck_settings_load(s, path, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
}

static void test_board_profiles(void **state)
{
	struct mck_settings s;

	(void)state;
	load_board("rpi4", &s);
	assert_int_equal(s.width, 800);
	assert_int_equal(s.height, 480);
	/* the panel's millimetres: text sizes follow them */
	assert_int_equal(s.width_mm, 155);
	assert_int_equal(s.height_mm, 86);
	assert_true(s.fullscreen);
	/* a CSI camera module through libcamera, continuous autofocus */
	assert_string_equal(s.source,
			    "gst:libcamerasrc ! video/x-raw,width=1280,height=720,framerate=30/1");
	assert_int_equal(s.camera_focus_cm, MCK_SOURCE_FOCUS_CONTINUOUS);
	assert_int_equal(s.camera_width, 1280);
	assert_int_equal(s.camera_height, 720);
	assert_string_equal(s.gpio_chip, "gpiochip0");
	assert_int_equal(s.gpio_green, 17);
	assert_int_equal(s.gpio_red, 27);
	assert_int_equal(s.gpio_buzzer, 22);
	assert_int_equal(s.clear_after_s, 30);
	/* the camera's scan budget as a Pi 4's CPU does the work, on its four cores */
	assert_true(s.cpu_scale == 0.2);
	assert_int_equal(s.scan_workers, 4);

	load_board("rpi5", &s);
	assert_int_equal(s.width, 1024);
	assert_int_equal(s.height, 600);
	assert_string_equal(s.gpio_chip, "gpiochip4");
	assert_int_equal(s.gpio_green, 17);
	assert_true(s.cpu_scale == 0.35);
	assert_int_equal(s.scan_workers, 4);

	load_board("rpizero2w", &s);
	assert_int_equal(s.width, 800);
	assert_int_equal(s.camera_width, 640);
	assert_non_null(strstr(s.source, "libcamerasrc ! video/x-raw,width=640,height=480"));
	assert_string_equal(s.gpio_chip, "gpiochip0");
	assert_true(s.cpu_scale == 0.08);
	assert_int_equal(s.scan_workers, 4);

	load_board("generic-x86", &s);
	assert_int_equal(s.width, 1280);
	assert_int_equal(s.height, 720);
	assert_int_equal(s.width_mm, 0); /* unknown: 133 px an inch */
	assert_false(s.fullscreen);
	assert_string_equal(s.gpio_chip, ""); /* "none" */
	assert_int_equal(s.gpio_buzzer, -1);
	assert_int_equal(s.camera_width, 640);
	assert_int_equal(s.camera_focus_cm, 0); /* a webcam's own */
	assert_true(s.cpu_scale == 1);
	assert_int_equal(s.scan_workers, 2);
}

/* A site file over a board profile: later files win, untouched keys stay. */
static void test_layering(void **state)
{
	static const char site[] = "# the exam centre's panel is mounted upright\n"
				   "display.rotation = 90\n"
				   "language = pl\n"
				   "timeout.clear_after=15\n"
				   "camera.source = hid:/dev/input/by-id/usb-scanner-event-kbd\n";
	struct mck_settings s;
	char err[256];

	(void)state;
	load_board("rpi4", &s);
	assert_int_equal(mck_settings_load(&s, file_of(site, sizeof(site) - 1), err, sizeof(err)),
			 0);
	unlink(tmp_path);
	assert_int_equal(s.rotation, 90);
	assert_string_equal(s.lang, "pl");
	assert_int_equal(s.clear_after_s, 15);
	assert_string_equal(s.source, "hid:/dev/input/by-id/usb-scanner-event-kbd");
	assert_int_equal(s.width, 800); /* from the profile */
	assert_int_equal(s.gpio_red, 27);
	/* and options last */
	assert_int_equal(mck_settings_set(&s, "language", "el", err, sizeof(err)), 0);
	assert_string_equal(s.lang, "el");
	assert_int_equal(mck_settings_set(&s, "nonsense", "1", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "nonsense"));
}

/* scan.cpu_scale: a decimal number, whatever the locale's decimal mark (--cpu-scale too). */
static void test_cpu_scale(void **state)
{
	static const struct {
		const char *text;
		double want;
	} good[] = {
		{"0.2", 0.2}, {"0.08", 0.08}, {"1", 1},     {"0.35", 0.35},
		{"100", 100}, {"0.01", 0.01}, {"2.5", 2.5}, {"0.0800", 0.08},
	};
	static const char *const bad[] = {
		"0",
		"0.009",
		"100.01",
		"-0.2",
		".5",
		"1.",
		"0,2",
		"1e-1",
		"0.2x",
		" 0.2",
		"",
		"0.00001",
		"99999999999999999999",
	};
	struct mck_settings s;
	char err[256];

	(void)state;
	mck_settings_init(&s);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(
			mck_settings_set(&s, "scan.cpu_scale", good[i].text, err, sizeof(err)), 0);
		assert_true(s.cpu_scale == good[i].want);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		assert_int_equal(mck_settings_set(&s, "scan.cpu_scale", bad[i], err, sizeof(err)),
				 -1);
		assert_non_null(strstr(err, "scan.cpu_scale wants a decimal number 0.01..100"));
		assert_true(s.cpu_scale == 0.08); /* the last good one stays */
	}
	assert_int_equal(mck_settings_set(&s, "scan.workers", "8", err, sizeof(err)), 0);
	assert_int_equal(s.scan_workers, 8);
	assert_int_equal(mck_settings_set(&s, "scan.workers", "0", err, sizeof(err)), -1);
	assert_int_equal(mck_settings_set(&s, "scan.workers", "9", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "scan.workers wants a whole number 1..8"));
}

/* update.*: what mckiosk-fetch.service takes from the site's file (board/README.md). */
static void test_update_keys(void **state)
{
	static const char site[] =
		"update.url = https://mirror.example.org/kiosk/\n"
		"update.interval = 90min\n"
		"update.pin = sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=\n"
		"update.ca = /etc/mckiosk/mirror-ca.pem\n";
	static const char *const good_urls[] = {
		"https://mirror.example.org",
		"http://10.0.0.5:8080/",
		"https://[2001:db8::1]/trust",
		"https://h/a$(b)'c';d",
	};
	static const char *const bad_urls[] = {
		"ftp://mirror",        "mirror.example.org",
		"HTTPS://mirror",      "https://",
		"https:///path",       "https://mirror/a b",
		"https://mirror/a\tb", "https://mirror/?x=1",
		"https://mirror/#top", "https://mirror/\"x",
		"https://mirror/a\\b", "https://mirror/`id`",
		"https://mirror/<x>",  "https://m\xc3\xa4rror/",
		" https://mirror",
	};
	static const struct {
		const char *text;
		int s;
	} good_intervals[] = {
		{"30min", 1800}, {"90min", 5400},  {"6h", 21600},        {"1d", 86400},
		{"7d", 604800},  {"168h", 604800}, {"10080min", 604800},
	};
	static const char *const bad_intervals[] = {
		"29min", "8d", "169h", "0h", "06h",     "6",          "6 h", "h",   "6hours",
		"-6h",   "1w", "6H",   "",   "999999d", "1234567min", "6h ", "+6h", "6.5h",
	};
	static const char *const bad_pins[] = {
		"LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=",
		"sha1//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=",
		"SHA256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=",
		"sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSI=",
		"sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIEA",
		"sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIF=",
		"sha256//LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE=",
		"sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=;"
		"sha256//ofzkNjhU/4iM/0uOeHXWAMJoI5BBKoz3mzfQsRFIsPo=",
	};
	struct mck_settings s;
	char err[256];
	char long_url[420];

	(void)state;
	load_board("rpi4", &s);
	assert_string_equal(s.update_url, ""); /* no profile turns them on */
	assert_int_equal(mck_settings_load(&s, file_of(site, sizeof(site) - 1), err, sizeof(err)),
			 0);
	unlink(tmp_path);
	assert_string_equal(s.update_url, "https://mirror.example.org/kiosk/");
	assert_int_equal(s.update_interval_s, 5400);
	assert_string_equal(s.update_pin, "sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=");
	assert_string_equal(s.update_ca, "/etc/mckiosk/mirror-ca.pem");
	assert_int_equal(s.gpio_red, 27); /* the profile's own stay */

	for (size_t i = 0; i < sizeof(good_urls) / sizeof(good_urls[0]); i++) {
		assert_int_equal(mck_settings_set(&s, "update.url", good_urls[i], err, sizeof(err)),
				 0);
		assert_string_equal(s.update_url, good_urls[i]);
	}
	for (size_t i = 0; i < sizeof(bad_urls) / sizeof(bad_urls[0]); i++) {
		err[0] = '\0';
		if (mck_settings_set(&s, "update.url", bad_urls[i], err, sizeof(err)) != -1) {
			fprintf(stderr, "accepted update.url \"%s\"\n", bad_urls[i]);
			fail();
		}
		assert_non_null(strstr(err, "update.url "));
		assert_string_equal(s.update_url, good_urls[3]); /* unchanged */
	}
	memset(long_url, 'a', sizeof(long_url) - 1);
	long_url[sizeof(long_url) - 1] = '\0';
	memcpy(long_url, "https://", 8);
	assert_int_equal(mck_settings_set(&s, "update.url", long_url, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "update.url is longer than 399 bytes"));
	long_url[399] = '\0';
	assert_int_equal(mck_settings_set(&s, "update.url", long_url, err, sizeof(err)), 0);
	/* empty or none: network updates off */
	assert_int_equal(mck_settings_set(&s, "update.url", "", err, sizeof(err)), 0);
	assert_string_equal(s.update_url, "");
	assert_int_equal(mck_settings_set(&s, "update.url", "http://m", err, sizeof(err)), 0);
	assert_int_equal(mck_settings_set(&s, "update.url", "none", err, sizeof(err)), 0);
	assert_string_equal(s.update_url, "");

	for (size_t i = 0; i < sizeof(good_intervals) / sizeof(good_intervals[0]); i++) {
		assert_int_equal(mck_settings_set(&s, "update.interval", good_intervals[i].text,
						  err, sizeof(err)),
				 0);
		assert_int_equal(s.update_interval_s, good_intervals[i].s);
	}
	for (size_t i = 0; i < sizeof(bad_intervals) / sizeof(bad_intervals[0]); i++) {
		err[0] = '\0';
		if (mck_settings_set(&s, "update.interval", bad_intervals[i], err, sizeof(err)) !=
		    -1) {
			fprintf(stderr, "accepted update.interval \"%s\"\n", bad_intervals[i]);
			fail();
		}
		assert_non_null(strstr(err, "update.interval is a whole number of min, h or d"));
		assert_int_equal(s.update_interval_s, 604800);
	}

	assert_int_equal(mck_settings_set(&s, "update.pin",
					  "sha256//ofzkNjhU/4iM/0uOeHXWAMJoI5BBKoz3mzfQsRFIsPo=",
					  err, sizeof(err)),
			 0);
	for (size_t i = 0; i < sizeof(bad_pins) / sizeof(bad_pins[0]); i++) {
		err[0] = '\0';
		if (mck_settings_set(&s, "update.pin", bad_pins[i], err, sizeof(err)) != -1) {
			fprintf(stderr, "accepted update.pin \"%s\"\n", bad_pins[i]);
			fail();
		}
		assert_true(strstr(err, "update.pin is sha256//") != NULL ||
			    strstr(err, "update.pin is longer than") != NULL);
	}
	assert_string_equal(s.update_pin, "sha256//ofzkNjhU/4iM/0uOeHXWAMJoI5BBKoz3mzfQsRFIsPo=");
	assert_int_equal(mck_settings_set(&s, "update.pin", "none", err, sizeof(err)), 0);
	assert_string_equal(s.update_pin, "");

	assert_int_equal(mck_settings_set(&s, "update.ca", "mirror-ca.pem", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "update.ca is an absolute path"));
	assert_string_equal(s.update_ca, "/etc/mckiosk/mirror-ca.pem");
	assert_int_equal(mck_settings_set(&s, "update.ca", "none", err, sizeof(err)), 0);
	assert_string_equal(s.update_ca, "");
}

/* The package's kiosk.conf loads, and so do the update.* examples it shows, uncommented. */
static void test_site_file(void **state)
{
	char path[512];
	char err[256] = "";
	char line[MCK_SETTINGS_LINE_MAX + 2];
	char examples[2048] = "";
	size_t n = 0;
	struct mck_settings s;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/../firmware/etc/kiosk.conf", MCK_BOARD_DIR);
	load_board("rpi4", &s);
	if (mck_settings_load(&s, path, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "#   update.", 11) == 0) {
			n += (size_t)snprintf(examples + n, sizeof(examples) - n, "%s", line + 4);
			assert_true(n < sizeof(examples));
		}
	}
	fclose(f);
	assert_int_equal(mck_settings_load(&s, file_of(examples, n), err, sizeof(err)), 0);
	unlink(tmp_path);
	assert_true(strncmp(s.update_url, "https://", 8) == 0);
	assert_int_equal(s.update_interval_s, 6 * 3600);
	assert_true(strncmp(s.update_pin, "sha256//", 8) == 0);
	assert_true(s.update_ca[0] == '/');
}

struct refusal {
	const char *text;
	size_t len;       /* 0: strlen */
	const char *want; /* in the message */
	int line;         /* 0: no line number expected */
};

static void test_refusals(void **state)
{
	static char long_line[700];
	static char long_value[500];
	static char big[MCK_SETTINGS_FILE_MAX + 10];
	static const char nul[] = "language = en\nlanguage\0 = pl\n";
	const struct refusal cases[] = {
		{"display.width = 800\nbogus.key = 1\n", 0, "unknown key \"bogus.key\"", 2},
		{"language = en\nlanguage = de\n", 0, "language given twice", 2},
		{"display.width = wide\n", 0, "display.width wants a whole number", 1},
		{"display.width = 800x\n", 0, "display.width wants a whole number", 1},
		{"display.width = 99999999999999999999\n", 0, "display.width wants", 1},
		{"\n\n# c\ndisplay.height = 100\n", 0,
		 "display.height wants a whole number 240..7680", 4},
		{"display.rotation = 45\n", 0, "0, 90, 180 or 270", 1},
		{"display.fullscreen = maybe\n", 0, "yes or no", 1},
		{"camera.width = 100\n", 0, "camera.width wants", 1},
		{"camera.focus = near\n", 0,
		 "camera.focus is camera, continuous or a distance 5..200cm", 1},
		{"camera.focus = 4cm\n", 0, "camera.focus is camera", 1},
		{"camera.focus = 201cm\n", 0, "camera.focus is camera", 1},
		{"camera.focus = 25 cm\n", 0, "camera.focus is camera", 1},
		{"camera.focus = 0025cm\n", 0, "camera.focus is camera", 1},
		{"gpio.green = 1024\n", 0, "gpio.green wants a whole number -1..1023", 1},
		{"gpio.red = -2\n", 0, "gpio.red wants a whole number -1..1023", 1},
		{"language = tlh\n", 0, "language is one of", 1},
		{"timeout.clear_after = 0\n", 0, "timeout.clear_after wants a whole number 5..600",
		 1},
		{"scan.cpu_scale = 0.2\nscan.cpu_scale = fast\n", 0, "scan.cpu_scale given twice",
		 2},
		{"scan.cpu_scale = 0,2\n", 0, "scan.cpu_scale wants a decimal number 0.01..100", 1},
		{"scan.workers = 16\n", 0, "scan.workers wants a whole number 1..8", 1},
		{"language = en\nupdate.url = ftp://mirror/\n", 0, "update.url is an http://", 2},
		{"update.url = https://mirror/ $(reboot)\n", 0, "update.url is an http://", 1},
		{"update.interval = 6h\nupdate.interval = 1d\n", 0, "update.interval given twice",
		 2},
		{"update.interval = 5min\n", 0, "update.interval is a whole number", 1},
		{"update.pin = sha256//x\n", 0, "update.pin is sha256//", 1},
		{"update.ca = ca.pem\n", 0, "update.ca is an absolute path", 1},
		{"display.width 800\n", 0, "want key = value", 1},
		{"camera.source = v4l2:/dev/video0\x01\n", 0, "control character", 1},
		{long_line, 0, "line longer than 512 bytes", 1},
		{long_value, 0, "camera.source is longer than 399 bytes", 1},
		{nul, sizeof(nul) - 1, "NUL byte", 0},
		{"language = \xc3\x28\n", 0, "not UTF-8", 0},
		{big, sizeof(big) - 1, "larger than 16 KiB", 0},
	};
	char err[256];
	struct mck_settings s;
	struct mck_settings before;

	(void)state;
	memset(long_line, '#', sizeof(long_line) - 1);
	snprintf(long_value, sizeof(long_value), "camera.source = replay:/");
	memset(long_value + strlen(long_value), 'a', 400);
	memset(big, '#', sizeof(big) - 1);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *path;
		char want[300];

		load_board("rpi4", &s);
		before = s;
		path = file_of(cases[i].text, cases[i].len ? cases[i].len : strlen(cases[i].text));
		err[0] = '\0';
		assert_int_equal(mck_settings_load(&s, path, err, sizeof(err)), -1);
		unlink(path);
		/* "PATH:LINE: " first when the fault is on a line, then the reason. */
		if (cases[i].line > 0) {
			snprintf(want, sizeof(want), "%s:%d: ", path, cases[i].line);
		} else {
			snprintf(want, sizeof(want), "%s: ", path);
		}
		if (strncmp(err, want, strlen(want)) != 0 || strstr(err, cases[i].want) == NULL) {
			fprintf(stderr, "case %zu: got \"%s\", want \"%s…%s\"\n", i, err, want,
				cases[i].want);
			fail();
		}
		/* all or nothing */
		assert_memory_equal(&s, &before, sizeof(s));
	}
	assert_int_equal(mck_settings_load(&s, "/nonexistent/kiosk.conf", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/kiosk.conf: No such file"));
}

static void test_board_path(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(mck_settings_board_path(buf, sizeof(buf), "/usr/share/b", "rpi4"), 0);
	assert_string_equal(buf, "/usr/share/b/rpi4.conf");
	assert_int_equal(mck_settings_board_path(buf, sizeof(buf), "/x", "./my.conf"), 0);
	assert_string_equal(buf, "./my.conf");
	assert_true(mck_settings_board_path(buf, 8, "/usr/share/b", "rpi4") < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),    cmocka_unit_test(test_board_profiles),
		cmocka_unit_test(test_layering),    cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_board_path),  cmocka_unit_test(test_cpu_scale),
		cmocka_unit_test(test_update_keys), cmocka_unit_test(test_site_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
