/*
 * Indicators: each signal's exact pattern through the trace backend (time is
 * a parameter, never the wall clock), replacement, repetition, unfitted
 * lines, refusals, and a GPIO chip that is not there.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/indicator.h"

struct trace {
	char *buf;
	size_t len;
	FILE *f;
	struct mck_indicator ind;
};

static void open_trace(struct trace *t, int green, int red, int buzzer)
{
	struct mck_indicator_cfg cfg = {.green = green, .red = red, .buzzer = buzzer};
	char msg[128];

	t->buf = NULL;
	t->len = 0;
	t->f = open_memstream(&t->buf, &t->len);
	assert_non_null(t->f);
	cfg.trace = t->f;
	assert_int_equal(mck_indicator_open(&t->ind, "trace", &cfg, msg, sizeof(msg)), 0);
}

/* Close and compare everything written with @p want. */
static void close_trace(struct trace *t, const char *want)
{
	mck_indicator_close(&t->ind);
	fclose(t->f);
	if (strcmp(t->buf, want) != 0) {
		fprintf(stderr, "got:\n%swant:\n%s", t->buf, want);
	}
	assert_string_equal(t->buf, want);
	free(t->buf);
}

/* Tick every millisecond from @p from to @p to, as a busy caller would. */
static void play(struct mck_indicator *ind, uint64_t from, uint64_t to)
{
	for (uint64_t ms = from; ms <= to; ms++) {
		mck_indicator_tick(ind, ms);
	}
}

static void test_valid(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, 17, 27, 22);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_VALID, 1000);
	assert_int_equal(mck_indicator_tick(&t.ind, 1000), 120);
	assert_int_equal(mck_indicator_tick(&t.ind, 1100), 20);
	assert_int_equal(mck_indicator_tick(&t.ind, 1120), 1380);
	assert_int_equal(mck_indicator_tick(&t.ind, 2499), 1);
	assert_int_equal(mck_indicator_tick(&t.ind, 2500), -1);
	assert_int_equal(mck_indicator_tick(&t.ind, 9000), -1);
	close_trace(&t, "1000 1 0 1\n"
			"1120 1 0 0\n"
			"2500 0 0 0\n");
}

/* Cannot check: amber and one long beep, never the forgery's red with three beeps. */
static void test_staff(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, 17, 27, 22);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_STAFF, 0);
	play(&t.ind, 0, 3000);
	close_trace(&t, "0 1 1 1\n"
			"400 1 1 0\n"
			"2000 0 0 0\n");
}

static void test_invalid_and_unreadable(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, 17, 27, 22);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_INVALID, 0);
	play(&t.ind, 0, 4000);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_UNREADABLE, 5000);
	play(&t.ind, 5000, 6000);
	close_trace(&t, "0 0 1 1\n"
			"120 0 1 0\n"
			"240 0 1 1\n"
			"360 0 1 0\n"
			"480 0 1 1\n"
			"600 0 1 0\n"
			"3000 0 0 0\n"
			"5000 0 1 0\n"
			"5150 0 0 0\n"
			"5300 0 1 0\n"
			"5450 0 0 0\n");
}

static void test_check(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, 17, 27, 22);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_CHECK, 0);
	play(&t.ind, 0, 3000);
	close_trace(&t, "0 1 0 1\n"
			"120 1 0 0\n"
			"250 0 1 1\n"
			"370 0 1 0\n"
			"500 1 0 0\n"
			"750 0 1 0\n"
			"1000 1 0 0\n"
			"1250 0 1 0\n"
			"1500 1 0 0\n"
			"1750 0 1 0\n"
			"2000 0 0 0\n");
}

/* A late tick catches up: the steps it missed are shown at the times they were due. */
static void test_late_tick(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, 17, 27, 22);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_VALID, 0);
	assert_int_equal(mck_indicator_tick(&t.ind, 5000), -1);
	close_trace(&t, "0 1 0 1\n"
			"120 1 0 0\n"
			"1500 0 0 0\n");
}

/* The fault blinks until another signal replaces it, mid-step. */
static void test_fault_repeats_until_replaced(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, 17, 27, 22);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_FAULT, 0);
	play(&t.ind, 0, 2100);
	assert_int_equal(mck_indicator_tick(&t.ind, 2100), 400);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_VALID, 2200);
	play(&t.ind, 2200, 4000);
	/* and stop ends a fault at once */
	mck_indicator_signal(&t.ind, MCK_SIGNAL_FAULT, 5000);
	mck_indicator_stop(&t.ind, 5100);
	assert_int_equal(mck_indicator_tick(&t.ind, 6000), -1);
	close_trace(&t, "0 0 1 0\n"
			"500 0 0 0\n"
			"1000 0 1 0\n"
			"1500 0 0 0\n"
			"2000 0 1 0\n"
			"2200 1 0 1\n"
			"2320 1 0 0\n"
			"3700 0 0 0\n"
			"5000 0 1 0\n"
			"5100 0 0 0\n");
}

/* A board without a buzzer or a green lamp: those lines are never driven. */
static void test_unfitted_lines(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, -1, 5, -1);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_VALID, 0); /* green only: nothing to show */
	play(&t.ind, 0, 2000);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_INVALID, 3000);
	play(&t.ind, 3000, 7000);
	close_trace(&t, "3000 0 1 0\n"
			"6000 0 0 0\n");
}

/* Closing mid-pattern turns everything off. */
static void test_close_turns_off(void **state)
{
	struct trace t;

	(void)state;
	open_trace(&t, 1, 2, 3);
	mck_indicator_signal(&t.ind, MCK_SIGNAL_INVALID, 0);
	close_trace(&t, "0 0 1 1\n"
			"120 0 0 0\n");
}

static void test_refusals(void **state)
{
	struct mck_indicator ind;
	struct mck_indicator_cfg cfg = {.green = 1, .red = 2, .buzzer = 3};
	char msg[160];

	(void)state;
	assert_int_equal(mck_indicator_open(&ind, "laser", &cfg, msg, sizeof(msg)), -ENOENT);
	assert_non_null(strstr(msg, "laser"));
	cfg.red = 1024;
	assert_int_equal(mck_indicator_open(&ind, "none", &cfg, msg, sizeof(msg)), -EINVAL);
	cfg.red = -2;
	assert_int_equal(mck_indicator_open(&ind, "none", &cfg, msg, sizeof(msg)), -EINVAL);
	cfg.red = 2;
	assert_int_equal(mck_indicator_open(&ind, "trace", &cfg, msg, sizeof(msg)), -EINVAL);
	/* a closed indicator ignores everything */
	memset(&ind, 0, sizeof(ind));
	mck_indicator_signal(&ind, MCK_SIGNAL_VALID, 0);
	assert_int_equal(mck_indicator_tick(&ind, 10), -1);
	mck_indicator_close(&ind);
	/* none plays silently */
	assert_int_equal(mck_indicator_open(&ind, "none", &cfg, msg, sizeof(msg)), 0);
	mck_indicator_signal(&ind, MCK_SIGNAL_CHECK, 0);
	assert_int_equal(mck_indicator_tick(&ind, 0), 120);
	mck_indicator_close(&ind);
}

/* The GPIO backend, where built: a chip that is not there fails cleanly, by name. */
static void test_gpio_missing_chip(void **state)
{
	struct mck_indicator ind;
	struct mck_indicator_cfg cfg = {
		.chip = "mck-no-such-gpiochip", .green = 17, .red = 27, .buzzer = 22};
	char msg[160] = "";

	(void)state;
	if (mck_indicator_find("gpio") == NULL) {
		/* Built without libgpiod: the backend must be absent, not half there. */
		assert_int_equal(mck_indicator_open(&ind, "gpio", &cfg, msg, sizeof(msg)), -ENOENT);
		return;
	}
	assert_true(mck_indicator_open(&ind, "gpio", &cfg, msg, sizeof(msg)) < 0);
	assert_non_null(strstr(msg, "mck-no-such-gpiochip"));
	assert_null(ind.ops);
	cfg.chip = "";
	assert_int_equal(mck_indicator_open(&ind, "gpio", &cfg, msg, sizeof(msg)), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_staff),
		cmocka_unit_test(test_invalid_and_unreadable),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_late_tick),
		cmocka_unit_test(test_fault_repeats_until_replaced),
		cmocka_unit_test(test_unfitted_lines),
		cmocka_unit_test(test_close_turns_off),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_gpio_missing_chip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
