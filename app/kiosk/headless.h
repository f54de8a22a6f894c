/*
 * Headless: one screen rendered with the software renderer into a PNG file
 * (--screenshot), after scanning the images given, as the kiosk would. Tests
 * and the README's screenshots use it; it prints the layout's overflow count
 * and touch targets so tests can hold layouts to them.
 */
#ifndef MCK_KIOSK_HEADLESS_H
#define MCK_KIOSK_HEADLESS_H

#include "kiosk.h"

/** Render k->opt.show (after k->opt.source's images) into k->opt.screenshot. 0 or 1. */
int mck_headless_screenshot(struct mck_kiosk *k);

/**
 * What the kiosk would say of the result of k->opt.source's images (speech
 * on), rendered by the live path into WAV files: the verdict into
 * k->opt.say, the details into k->opt.say_details (either may be NULL). 0 or 1.
 */
int mck_headless_say(struct mck_kiosk *k);

#endif
