/*
 * What a key or a touch does: a touch target's action in one table, a key's
 * command (keypad.h) mapped to the same actions, the keypad's focus
 * (focus.h) standing for a finger.
 */
#ifndef MCK_KIOSK_ACTIONS_H
#define MCK_KIOSK_ACTIONS_H

#include <SDL.h>

#include "keypad.h"
#include "kiosk.h"

/** A touch or click at (x, y) of the layout (not a swipe). */
void mck_actions_tap(struct mck_kiosk *k, int x, int y);
/**
 * A key pressed (@p repeat: held down, auto-repeated). Returns its command,
 * MCK_KEY_NONE when it has none or is a repeat that does not repeat.
 */
enum mck_key mck_actions_key(struct mck_kiosk *k, SDL_Keycode sym, SDL_Scancode code, Uint16 mod,
			     bool repeat);
/** Scroll the details by @p rows (negative: back up). */
void mck_actions_scroll(struct mck_kiosk *k, int rows);

#endif
