/*
 * What a key means (EN 301 549 5.1.3, 5.5): a USB numeric keypad, the arrow
 * keys or a keyboard drive every screen without touch or sight. The keypad's
 * keys are read by where they are (scancodes), so NumLock changes nothing;
 * docs/accessibility.md has the table.
 */
#ifndef MCK_KIOSK_KEYPAD_H
#define MCK_KIOSK_KEYPAD_H

#include <stdbool.h>

#include <SDL.h>

enum mck_key {
	MCK_KEY_NONE = 0, /* no command: the key only says someone is there */
	MCK_KEY_NEXT,     /* focus the next target (Tab, →, keypad 6) */
	MCK_KEY_PREV,     /* the one before (Shift+Tab, ←, keypad 4) */
	MCK_KEY_UP,       /* scroll up, or the target before where nothing scrolls (↑, 8) */
	MCK_KEY_DOWN,     /* scroll down, or the next target (↓, 2) */
	MCK_KEY_ACTIVATE, /* the focused target, as a touch (Enter, Space, keypad Enter or 5) */
	MCK_KEY_BACK,    /* leave this screen: next person, close the picker (Esc, ⌫, keypad -) */
	MCK_KEY_REPEAT,  /* say the screen again (r, keypad 0) */
	MCK_KEY_DETAILS, /* say the credential's details (i, keypad .) */
	MCK_KEY_SPEECH,  /* speech on or off (v, keypad *) */
	MCK_KEY_LANGUAGE, /* the next language (l, keypad /) */
	MCK_KEY_LARGE,    /* large text on or off (+, keypad +) */
	MCK_KEY_LOUDER,   /* volume up a step (Page Up, a volume key, keypad 9) */
	MCK_KEY_SOFTER,   /* volume down a step (Page Down, a volume key, keypad 3) */
	MCK_KEY_START,    /* start a check (s, F3) */
	MCK_KEY_FINISH,   /* finish it (f) */
	MCK_KEY_CLEAR,    /* drop the check (c, d) */
	MCK_KEY_OPERATOR, /* the operator screen (o, F2) */
	MCK_KEY_QUIT,     /* end the kiosk (Ctrl+Q: never one key a stranger presses) */
	MCK_KEY_COUNT
};

/** The command of a key pressed (@p mod: SDL's KMOD_* held with it). */
enum mck_key mck_keypad_command(SDL_Keycode sym, SDL_Scancode code, Uint16 mod);

/**
 * Whether a key held down (auto-repeat) repeats the command: moving and
 * scrolling do; a toggle or an action happens once a press.
 */
bool mck_keypad_repeats(enum mck_key key);

/** The command's name (traces, tests): "next", "activate", ... */
const char *mck_keypad_name(enum mck_key key);

#endif
