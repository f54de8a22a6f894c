/*
 * "hid": a USB HID 2D barcode scanner in keyboard-wedge mode, read through
 * evdev (/dev/input/eventN). Key presses are turned back into text with a US
 * layout; Enter ends a code. The device is grabbed so the codes do not also go
 * to the console or the UI as typing. ARG is the event device path (any file
 * giving struct input_event records, such as a FIFO in the tests).
 *
 * A code's keys are the credential as much as its text is: each is wiped
 * from here as soon as it is used (the text once handed over, the key events
 * once read), so that only the event holds a code, until its release.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* explicit_bzero */

#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "mck/source.h"

#define HID_EVENTS 64

struct hid {
	int fd;
	int grab_errno; /* 0 when grabbed; else why not (a FIFO in the tests) */
	bool shift;
	bool ctrl_alt; /* a chord, not text: its keys are ignored */
	bool overflow; /* the text in progress is too long: dropped at Enter */
	bool gone;     /* the device went away (unplugged) */
	size_t have;   /* bytes in buf */
	size_t pos;    /* bytes of buf consumed */
	size_t len;    /* chars of text */
	char text[MCK_SOURCE_TEXT_MAX + 1];
	struct input_event buf[HID_EVENTS];
};

/* US layout: the character of a key, plain and with shift; 0 for none. */
static const char keymap[KEY_KPDOT + 1][2] = {
	[KEY_1] = {'1', '!'},          [KEY_2] = {'2', '@'},
	[KEY_3] = {'3', '#'},          [KEY_4] = {'4', '$'},
	[KEY_5] = {'5', '%'},          [KEY_6] = {'6', '^'},
	[KEY_7] = {'7', '&'},          [KEY_8] = {'8', '*'},
	[KEY_9] = {'9', '('},          [KEY_0] = {'0', ')'},
	[KEY_MINUS] = {'-', '_'},      [KEY_EQUAL] = {'=', '+'},
	[KEY_TAB] = {'\t', '\t'},      [KEY_Q] = {'q', 'Q'},
	[KEY_W] = {'w', 'W'},          [KEY_E] = {'e', 'E'},
	[KEY_R] = {'r', 'R'},          [KEY_T] = {'t', 'T'},
	[KEY_Y] = {'y', 'Y'},          [KEY_U] = {'u', 'U'},
	[KEY_I] = {'i', 'I'},          [KEY_O] = {'o', 'O'},
	[KEY_P] = {'p', 'P'},          [KEY_LEFTBRACE] = {'[', '{'},
	[KEY_RIGHTBRACE] = {']', '}'}, [KEY_A] = {'a', 'A'},
	[KEY_S] = {'s', 'S'},          [KEY_D] = {'d', 'D'},
	[KEY_F] = {'f', 'F'},          [KEY_G] = {'g', 'G'},
	[KEY_H] = {'h', 'H'},          [KEY_J] = {'j', 'J'},
	[KEY_K] = {'k', 'K'},          [KEY_L] = {'l', 'L'},
	[KEY_SEMICOLON] = {';', ':'},  [KEY_APOSTROPHE] = {'\'', '"'},
	[KEY_GRAVE] = {'`', '~'},      [KEY_BACKSLASH] = {'\\', '|'},
	[KEY_Z] = {'z', 'Z'},          [KEY_X] = {'x', 'X'},
	[KEY_C] = {'c', 'C'},          [KEY_V] = {'v', 'V'},
	[KEY_B] = {'b', 'B'},          [KEY_N] = {'n', 'N'},
	[KEY_M] = {'m', 'M'},          [KEY_COMMA] = {',', '<'},
	[KEY_DOT] = {'.', '>'},        [KEY_SLASH] = {'/', '?'},
	[KEY_KPASTERISK] = {'*', '*'}, [KEY_SPACE] = {' ', ' '},
	[KEY_KP7] = {'7', '7'},        [KEY_KP8] = {'8', '8'},
	[KEY_KP9] = {'9', '9'},        [KEY_KPMINUS] = {'-', '-'},
	[KEY_KP4] = {'4', '4'},        [KEY_KP5] = {'5', '5'},
	[KEY_KP6] = {'6', '6'},        [KEY_KPPLUS] = {'+', '+'},
	[KEY_KP1] = {'1', '1'},        [KEY_KP2] = {'2', '2'},
	[KEY_KP3] = {'3', '3'},        [KEY_KP0] = {'0', '0'},
	[KEY_KPDOT] = {'.', '.'},
};

static char key_char(unsigned code, bool shift)
{
	if (code == KEY_KPSLASH) {
		return '/';
	}
	if (code >= sizeof(keymap) / sizeof(keymap[0])) {
		return 0;
	}
	return keymap[code][shift ? 1 : 0];
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void hid_close(struct mck_source *s)
{
	struct hid *h = s->priv;

	if (h == NULL) {
		return;
	}
	if (h->fd >= 0) {
		close(h->fd); /* also ends the grab */
	}
	explicit_bzero(h, sizeof(*h)); /* a code in progress, keys not yet read */
	free(h);
	s->priv = NULL;
}

static int hid_open(struct mck_source *s, const struct mck_source_cfg *cfg)
{
	struct hid *h = calloc(1, sizeof(*h));

	if (h == NULL) {
		return -ENOMEM;
	}
	s->priv = h;
	h->fd = open(cfg->arg, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (h->fd < 0) {
		int rc = -errno;

		hid_close(s);
		return rc;
	}
	/* Not fatal: the scanner still works, its keys just also reach others. */
	if (ioctl(h->fd, EVIOCGRAB, 1) != 0) {
		h->grab_errno = errno;
	}
	return 0;
}

/* One key event into the text in progress; true when Enter ended a text. */
static bool hid_key(struct hid *h, const struct input_event *ie)
{
	bool down = ie->value != 0;
	char c;

	switch (ie->code) {
	case KEY_LEFTSHIFT:
	case KEY_RIGHTSHIFT:
		h->shift = down;
		return false;
	case KEY_LEFTCTRL:
	case KEY_RIGHTCTRL:
	case KEY_LEFTALT:
	case KEY_RIGHTALT:
		h->ctrl_alt = down;
		return false;
	case KEY_ENTER:
	case KEY_KPENTER:
		if (ie->value != 1) {
			return false;
		}
		if (h->overflow || h->len == 0) {
			h->overflow = false;
			h->len = 0;
			return false;
		}
		h->text[h->len] = '\0';
		return true;
	default:
		break;
	}
	if (!down || h->ctrl_alt) {
		return false;
	}
	c = key_char(ie->code, h->shift);
	if (c == 0 || h->overflow) {
		return false;
	}
	if (h->len >= MCK_SOURCE_TEXT_MAX) {
		/* Dropped whole: a truncated code would only fail later, confusingly. */
		h->overflow = true;
		h->len = 0;
		explicit_bzero(h->text, sizeof(h->text));
		return false;
	}
	h->text[h->len++] = c;
	return false;
}

/* Consume buffered events up to the end of a text; true when one is complete. */
static bool hid_drain(struct hid *h)
{
	bool done = false;

	while (!done && h->have - h->pos >= sizeof(struct input_event)) {
		struct input_event ie;

		memcpy(&ie, (const char *)h->buf + h->pos, sizeof(ie));
		h->pos += sizeof(ie);
		done = ie.type == EV_KEY && hid_key(h, &ie);
	}
	/* Keep what is not read yet: the next code's keys, a partial record
	 * (possible from a pipe, never from evdev); the keys read are wiped. */
	memmove(h->buf, (const char *)h->buf + h->pos, h->have - h->pos);
	h->have -= h->pos;
	h->pos = 0;
	explicit_bzero((char *)h->buf + h->have, sizeof(h->buf) - h->have);
	return done;
}

static int hid_fill(struct hid *h)
{
	ssize_t n = read(h->fd, (char *)h->buf + h->have, sizeof(h->buf) - h->have);

	if (n > 0) {
		h->have += (size_t)n;
		return 0;
	}
	if (n == 0) {
		return -ENODEV; /* end of file: the writer (device) is gone */
	}
	if (errno == EAGAIN || errno == EINTR) {
		return -EAGAIN;
	}
	return errno == ENODEV || errno == EIO ? -ENODEV : -errno;
}

static int hid_next(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms)
{
	struct hid *h = s->priv;
	long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	if (h->gone) {
		return -ENODEV;
	}
	for (;;) {
		struct pollfd pfd = {.fd = h->fd, .events = POLLIN};
		int wait = timeout_ms < 0 ? -1 : (int)(deadline - now_ms());
		int rc;

		if (hid_drain(h)) {
			ev->kind = MCK_SCAN_TEXT;
			ev->grey = NULL;
			ev->width = 0;
			ev->height = 0;
			memcpy(ev->text, h->text, h->len + 1);
			/* an earlier, longer text the caller did not release */
			explicit_bzero(ev->text + h->len + 1, sizeof(ev->text) - h->len - 1);
			ev->len = h->len;
			/* handed over: the event's is the only copy */
			explicit_bzero(h->text, h->len + 1);
			h->len = 0;
			return 0;
		}
		rc = poll(&pfd, 1, timeout_ms < 0 ? -1 : (wait > 0 ? wait : 0));
		if (rc < 0 && errno != EINTR) {
			return -errno;
		}
		if (rc > 0 && (pfd.revents & POLLIN) != 0) {
			rc = hid_fill(h);
		} else if (rc > 0) {
			rc = -ENODEV; /* POLLERR, POLLHUP, POLLNVAL without data */
		} else {
			rc = -EAGAIN;
		}
		if (rc == -ENODEV) {
			h->gone = true;
			return rc;
		}
		if (rc != 0 && rc != -EAGAIN) {
			return rc;
		}
		if (rc == -EAGAIN && timeout_ms >= 0 && now_ms() >= deadline) {
			return -EAGAIN;
		}
	}
}

const struct mck_source_ops mck__source_hid = {
	.name = "hid",
	.caps = MCK_SOURCE_CAP_SCANNER,
	.open = hid_open,
	.next = hid_next,
	.close = hid_close,
};
