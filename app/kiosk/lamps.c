/* The kiosk's lamps and buzzer; see lamps.h. */
#define _POSIX_C_SOURCE 200809L

#include "lamps.h"

#include <errno.h>
#include <string.h>

void mck_lamps_open(struct mck_lamps *l, const char *spec, const struct mck_settings *set)
{
	struct mck_indicator_cfg cfg = {
		.chip = set->gpio_chip,
		.green = set->gpio_green,
		.red = set->gpio_red,
		.buzzer = set->gpio_buzzer,
	};
	char msg[256];

	if (spec == NULL) {
		spec = "none";
	}
	if (strncmp(spec, "trace:", 6) == 0) {
		l->trace = fopen(spec + 6, "w");
		if (l->trace == NULL) {
			fprintf(stderr, "mckiosk: indicators: %s: %s\n", spec + 6, strerror(errno));
			return;
		}
		cfg.trace = l->trace;
		if (cfg.green < 0 && cfg.red < 0 && cfg.buzzer < 0) {
			cfg.green = 0; /* a trace shows every line */
			cfg.red = 1;
			cfg.buzzer = 2;
		}
		spec = "trace";
	}
	if (mck_indicator_open(&l->ind, spec, &cfg, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mckiosk: %s (going on without lamps)\n", msg);
	}
}

void mck_lamps_close(struct mck_lamps *l)
{
	mck_indicator_close(&l->ind);
	if (l->trace != NULL) {
		fclose(l->trace);
		l->trace = NULL;
	}
}

void mck_lamps_verdict(struct mck_lamps *l, enum mck_verdict verdict, uint64_t now_ms)
{
	enum mck_signal s;

	switch (verdict) {
	case MCK_VERDICT_VALID:
		s = MCK_SIGNAL_VALID;
		break;
	case MCK_VERDICT_WARNING:
		s = MCK_SIGNAL_CHECK;
		break;
	case MCK_VERDICT_INVALID:
		s = MCK_SIGNAL_INVALID;
		break;
	case MCK_VERDICT_UNREADABLE:
	case MCK_VERDICT_UNUSABLE:
		s = MCK_SIGNAL_UNREADABLE;
		break;
	default:
		return;
	}
	mck_indicator_signal(&l->ind, s, now_ms);
	l->fault = false;
}

void mck_lamps_staff(struct mck_lamps *l, uint64_t now_ms)
{
	mck_indicator_signal(&l->ind, MCK_SIGNAL_STAFF, now_ms);
	l->fault = false;
}

void mck_lamps_fault(struct mck_lamps *l, bool fault, uint64_t now_ms)
{
	if (fault && !l->fault) {
		mck_indicator_signal(&l->ind, MCK_SIGNAL_FAULT, now_ms);
	} else if (!fault && l->fault) {
		mck_indicator_stop(&l->ind, now_ms);
	}
	l->fault = fault;
}

int mck_lamps_tick(struct mck_lamps *l, uint64_t now_ms)
{
	return mck_indicator_tick(&l->ind, now_ms);
}
