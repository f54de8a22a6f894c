/*
 * What a key or a touch does, in one table: each action names its touch
 * target (if it has one), its keys, when it applies, and what it runs.
 */
#ifndef MCK_KIOSK_ACTIONS_H
#define MCK_KIOSK_ACTIONS_H

#include <SDL.h>

#include "kiosk.h"

/** A touch or click at (x, y) of the layout (not a swipe). */
void mck_actions_tap(struct mck_kiosk *k, int x, int y);
/** A key pressed; false when no action takes it. */
bool mck_actions_key(struct mck_kiosk *k, SDL_Keycode key);
/** Scroll the details by @p rows (negative: back up). */
void mck_actions_scroll(struct mck_kiosk *k, int rows);

#endif
