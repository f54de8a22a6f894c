/*
 * The lamps and buzzer (GPIO, a trace file for tests, or none): they say the
 * verdict too, heard and seen from across a room, and blink while a fault
 * stops the kiosk. The kiosk works on without them.
 */
#ifndef MCK_KIOSK_LAMPS_H
#define MCK_KIOSK_LAMPS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mck/indicator.h"
#include "mck/reason.h"
#include "settings.h"

struct mck_lamps {
	struct mck_indicator ind;
	FILE *trace;
	bool fault; /* the fault blink is on */
};

/** The lamps named by @p spec ("gpio", "trace:FILE", "none"; NULL: none) on @p set's lines. */
void mck_lamps_open(struct mck_lamps *l, const char *spec, const struct mck_settings *set);
void mck_lamps_close(struct mck_lamps *l);
/** The pattern for @p verdict (at @p now_ms). */
void mck_lamps_verdict(struct mck_lamps *l, enum mck_verdict verdict, uint64_t now_ms);
/** A code was shown that the kiosk could not check: amber, one long beep. */
void mck_lamps_staff(struct mck_lamps *l, uint64_t now_ms);
/** Blink while @p fault, stop when it is gone. */
void mck_lamps_fault(struct mck_lamps *l, bool fault, uint64_t now_ms);
/** Advance the patterns; milliseconds until the next change, -1 for none. */
int mck_lamps_tick(struct mck_lamps *l, uint64_t now_ms);

#endif
