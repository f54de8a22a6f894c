/*
 * Indicators: a green and a red lamp and a buzzer beside the screen, so a
 * verdict is seen and heard without reading. One const ops table per backend
 * ("gpio" with libgpiod, "trace" writing the lines' states to a file for tests
 * and demos, "none"); the pattern of each signal is data, played by ticks.
 * Drivers know nothing of credentials: the kiosk maps verdicts to signals.
 */
#ifndef MCK_INDICATOR_H
#define MCK_INDICATOR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum mck_signal {
	MCK_SIGNAL_VALID = 0,
	MCK_SIGNAL_CHECK,
	MCK_SIGNAL_INVALID,
	MCK_SIGNAL_UNREADABLE,
	MCK_SIGNAL_FAULT, /* the kiosk cannot check: repeats until the next signal */
	MCK_SIGNAL_STAFF, /* a code was shown but the kiosk could not check it: ask staff */
	MCK_SIGNAL_COUNT
};

/* Bits of a lines mask. */
#define MCK_LINE_GREEN  1u
#define MCK_LINE_RED    2u
#define MCK_LINE_BUZZER 4u

struct mck_indicator_cfg {
	const char *chip; /* gpio: "gpiochip0", "/dev/gpiochip0", a number or a label */
	int green;        /* line offsets on the chip, -1: not fitted */
	int red;
	int buzzer;
	FILE *trace; /* trace: where "<ms> <green> <red> <buzzer>" lines go */
};

struct mck_indicator;

struct mck_indicator_ops {
	const char *name;
	int (*open)(struct mck_indicator *ind, const struct mck_indicator_cfg *cfg, char *msg,
		    size_t cap);
	int (*set)(struct mck_indicator *ind, unsigned lines, uint64_t now_ms);
	void (*close)(struct mck_indicator *ind);
};

struct mck_step; /* one step of a pattern (indicator.c) */

struct mck_indicator {
	const struct mck_indicator_ops *ops; /* NULL: closed */
	void *priv;                          /* the backend's */
	unsigned fitted;                     /* lines the board has */
	unsigned lines;                      /* as last set */
	const struct mck_step *steps;        /* the pattern playing, NULL: none */
	size_t count;
	size_t at;
	int repeat;
	uint64_t step_end_ms;
};

/** The backend called @p name ("gpio" when built with libgpiod, "trace", "none"), or NULL. */
const struct mck_indicator_ops *mck_indicator_find(const char *name);

/**
 * Open backend @p name with @p cfg; all lines off. Returns 0, or -errno with a
 * one-line @p msg (-ENOENT unknown backend or chip, -EINVAL bad line numbers,
 * -EBUSY a line in use).
 */
int mck_indicator_open(struct mck_indicator *ind, const char *name,
		       const struct mck_indicator_cfg *cfg, char *msg, size_t cap);

/** Start @p sig's pattern at @p now_ms, cutting short any pattern still playing. */
void mck_indicator_signal(struct mck_indicator *ind, enum mck_signal sig, uint64_t now_ms);

/**
 * Play the pattern up to @p now_ms. Returns the milliseconds until the next
 * change, or -1 when nothing is playing (all lines off).
 */
int mck_indicator_tick(struct mck_indicator *ind, uint64_t now_ms);

/** Stop whatever is playing: all lines off (at @p now_ms). */
void mck_indicator_stop(struct mck_indicator *ind, uint64_t now_ms);

/** All lines off, lines released. Accepts a zeroed or closed indicator. */
void mck_indicator_close(struct mck_indicator *ind);

#endif
