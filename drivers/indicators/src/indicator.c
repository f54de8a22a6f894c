/* The indicator registry and the patterns each signal plays. */
#include "mck/indicator.h"

#include <errno.h>
#include <string.h>

struct mck_step {
	unsigned lines;
	uint32_t ms;
};

#define G MCK_LINE_GREEN
#define R MCK_LINE_RED
#define B MCK_LINE_BUZZER

/*
 * The patterns, as a technician would describe them:
 *   VALID       green 1.5 s, with one short beep at the start;
 *   CHECK       green and red alternate every 250 ms for 2 s, two short beeps;
 *   INVALID     red 3 s, with three short beeps (120 ms on, 120 ms off);
 *   UNREADABLE  red blinks twice (150 ms on, 150 ms off), silent;
 *   FAULT       red blinks slowly (500/500) until the next signal;
 *   STAFF       green and red together (amber) 2 s, one long beep (400 ms): the
 *               kiosk could not check what was shown, which is not the forgery's
 *               red with three beeps.
 */
static const struct mck_step valid[] = {{G | B, 120}, {G, 1380}};
static const struct mck_step check[] = {{G | B, 120}, {G, 130}, {R | B, 120}, {R, 130}, {G, 250},
					{R, 250},     {G, 250}, {R, 250},     {G, 250}, {R, 250}};
static const struct mck_step invalid[] = {{R | B, 120}, {R, 120},     {R | B, 120},
					  {R, 120},     {R | B, 120}, {R, 2400}};
static const struct mck_step unreadable[] = {{R, 150}, {0, 150}, {R, 150}, {0, 150}};
static const struct mck_step fault[] = {{R, 500}, {0, 500}};
static const struct mck_step staff[] = {{G | R | B, 400}, {G | R, 1600}};

static const struct {
	const struct mck_step *steps;
	size_t count;
	int repeat;
} patterns[MCK_SIGNAL_COUNT] = {
	[MCK_SIGNAL_VALID] = {valid, sizeof(valid) / sizeof(valid[0]), 0},
	[MCK_SIGNAL_CHECK] = {check, sizeof(check) / sizeof(check[0]), 0},
	[MCK_SIGNAL_INVALID] = {invalid, sizeof(invalid) / sizeof(invalid[0]), 0},
	[MCK_SIGNAL_UNREADABLE] = {unreadable, sizeof(unreadable) / sizeof(unreadable[0]), 0},
	[MCK_SIGNAL_FAULT] = {fault, sizeof(fault) / sizeof(fault[0]), 1},
	[MCK_SIGNAL_STAFF] = {staff, sizeof(staff) / sizeof(staff[0]), 0},
};

static int none_open(struct mck_indicator *ind, const struct mck_indicator_cfg *cfg, char *msg,
		     size_t cap)
{
	(void)ind;
	(void)cfg;
	(void)msg;
	(void)cap;
	return 0;
}

static int none_set(struct mck_indicator *ind, unsigned lines, uint64_t now_ms)
{
	(void)ind;
	(void)lines;
	(void)now_ms;
	return 0;
}

static void none_close(struct mck_indicator *ind)
{
	(void)ind;
}

static const struct mck_indicator_ops none_ops = {
	.name = "none",
	.open = none_open,
	.set = none_set,
	.close = none_close,
};

extern const struct mck_indicator_ops mck__indicator_trace;
#ifdef MCK_INDICATOR_HAVE_GPIOD
extern const struct mck_indicator_ops mck__indicator_gpio;
#endif

static const struct mck_indicator_ops *const backends[] = {
#ifdef MCK_INDICATOR_HAVE_GPIOD
	&mck__indicator_gpio,
#endif
	&mck__indicator_trace,
	&none_ops,
};

const struct mck_indicator_ops *mck_indicator_find(const char *name)
{
	for (size_t i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		if (strcmp(backends[i]->name, name) == 0) {
			return backends[i];
		}
	}
	return NULL;
}

int mck_indicator_open(struct mck_indicator *ind, const char *name,
		       const struct mck_indicator_cfg *cfg, char *msg, size_t cap)
{
	const struct mck_indicator_ops *ops = mck_indicator_find(name);
	const int lines[] = {cfg->green, cfg->red, cfg->buzzer};
	int rc;

	memset(ind, 0, sizeof(*ind));
	if (ops == NULL) {
		snprintf(msg, cap, "indicators: no backend \"%.20s\"", name);
		return -ENOENT;
	}
	for (unsigned i = 0; i < 3; i++) {
		if (lines[i] < -1 || lines[i] > 1023) {
			snprintf(msg, cap, "indicators: line %d out of range (-1..1023)", lines[i]);
			return -EINVAL;
		}
		ind->fitted |= lines[i] >= 0 ? 1u << i : 0u;
	}
	rc = ops->open(ind, cfg, msg, cap);
	if (rc != 0) {
		memset(ind, 0, sizeof(*ind));
		return rc;
	}
	ind->ops = ops;
	return 0;
}

/* Set the lines the board has; the backend hears only of changes. */
static void show(struct mck_indicator *ind, unsigned lines, uint64_t now_ms)
{
	lines &= ind->fitted;
	if (lines != ind->lines && ind->ops->set(ind, lines, now_ms) == 0) {
		ind->lines = lines;
	}
}

void mck_indicator_signal(struct mck_indicator *ind, enum mck_signal sig, uint64_t now_ms)
{
	if (ind->ops == NULL || (unsigned)sig >= MCK_SIGNAL_COUNT) {
		return;
	}
	ind->steps = patterns[sig].steps;
	ind->count = patterns[sig].count;
	ind->repeat = patterns[sig].repeat;
	ind->at = 0;
	ind->step_end_ms = now_ms + ind->steps[0].ms;
	show(ind, ind->steps[0].lines, now_ms);
}

int mck_indicator_tick(struct mck_indicator *ind, uint64_t now_ms)
{
	if (ind->ops == NULL || ind->steps == NULL) {
		return -1;
	}
	while (now_ms >= ind->step_end_ms) {
		uint64_t at = ind->step_end_ms; /* when this step began, however late we are */

		if (++ind->at == ind->count) {
			if (!ind->repeat) {
				ind->steps = NULL;
				show(ind, 0, at);
				return -1;
			}
			ind->at = 0;
		}
		ind->step_end_ms = at + ind->steps[ind->at].ms;
		show(ind, ind->steps[ind->at].lines, at);
	}
	return (int)(ind->step_end_ms - now_ms);
}

void mck_indicator_stop(struct mck_indicator *ind, uint64_t now_ms)
{
	if (ind->ops == NULL) {
		return;
	}
	ind->steps = NULL;
	show(ind, 0, now_ms);
}

void mck_indicator_close(struct mck_indicator *ind)
{
	if (ind->ops == NULL) {
		return;
	}
	show(ind, 0, ind->step_end_ms);
	ind->ops->close(ind);
	memset(ind, 0, sizeof(*ind));
}
