/*
 * The kiosk running on a panel: a window, the capture thread, and the event
 * loop (scans, touches, keys, timeouts, the once-a-second status refresh,
 * SIGHUP from the update service, systemd's watchdog).
 */
#ifndef MCK_KIOSK_LOOP_H
#define MCK_KIOSK_LOOP_H

#include "kiosk.h"

/**
 * Catch SIGHUP (the update service: reread the trust state) from now on: call
 * it first thing, or a hangup while the kiosk starts (seconds on a slow
 * board) would end it. A hangup before the loop runs is acted on at its first
 * second.
 */
void mck_loop_catch_hangup(void);
/** Run until asked to quit (or --run-for). Exit status: 0, or 1 without a display. */
int mck_loop_run(struct mck_kiosk *k);

#endif
