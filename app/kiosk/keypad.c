/* What a key means; see keypad.h. */
#include "keypad.h"

/* A numeric keypad's keys, where they are: the same with NumLock on or off. */
static const struct {
	SDL_Scancode code;
	enum mck_key key;
} pad[] = {
	{SDL_SCANCODE_KP_8, MCK_KEY_UP},
	{SDL_SCANCODE_KP_2, MCK_KEY_DOWN},
	{SDL_SCANCODE_KP_4, MCK_KEY_PREV},
	{SDL_SCANCODE_KP_6, MCK_KEY_NEXT},
	{SDL_SCANCODE_KP_5, MCK_KEY_ACTIVATE}, /* the middle key, the one with a nib */
	{SDL_SCANCODE_KP_ENTER, MCK_KEY_ACTIVATE},
	{SDL_SCANCODE_KP_MINUS, MCK_KEY_BACK},
	{SDL_SCANCODE_KP_0, MCK_KEY_REPEAT},
	{SDL_SCANCODE_KP_PERIOD, MCK_KEY_DETAILS},
	{SDL_SCANCODE_KP_COMMA, MCK_KEY_DETAILS}, /* the decimal key of some keypads */
	{SDL_SCANCODE_KP_DECIMAL, MCK_KEY_DETAILS},
	{SDL_SCANCODE_KP_MULTIPLY, MCK_KEY_SPEECH},
	{SDL_SCANCODE_KP_DIVIDE, MCK_KEY_LANGUAGE},
	{SDL_SCANCODE_KP_PLUS, MCK_KEY_LARGE},
	{SDL_SCANCODE_KP_9, MCK_KEY_LOUDER},
	{SDL_SCANCODE_KP_3, MCK_KEY_SOFTER},
};

/* A keyboard's keys, by what they say. */
static const struct {
	SDL_Keycode sym;
	enum mck_key key;
} keys[] = {
	{SDLK_RIGHT, MCK_KEY_NEXT},
	{SDLK_LEFT, MCK_KEY_PREV},
	{SDLK_UP, MCK_KEY_UP},
	{SDLK_DOWN, MCK_KEY_DOWN},
	{SDLK_RETURN, MCK_KEY_ACTIVATE},
	{SDLK_SPACE, MCK_KEY_ACTIVATE},
	{SDLK_ESCAPE, MCK_KEY_BACK},
	{SDLK_BACKSPACE, MCK_KEY_BACK},
	{SDLK_r, MCK_KEY_REPEAT},
	{SDLK_i, MCK_KEY_DETAILS},
	{SDLK_v, MCK_KEY_SPEECH},
	{SDLK_l, MCK_KEY_LANGUAGE},
	{SDLK_PLUS, MCK_KEY_LARGE},
	{SDLK_EQUALS, MCK_KEY_LARGE}, /* + unshifted */
	{SDLK_s, MCK_KEY_START},
	{SDLK_F3, MCK_KEY_START},
	{SDLK_f, MCK_KEY_FINISH},
	{SDLK_c, MCK_KEY_CLEAR},
	{SDLK_d, MCK_KEY_CLEAR},
	{SDLK_o, MCK_KEY_OPERATOR},
	{SDLK_F2, MCK_KEY_OPERATOR},
	{SDLK_PAGEUP, MCK_KEY_LOUDER},
	{SDLK_PAGEDOWN, MCK_KEY_SOFTER},
	{SDLK_VOLUMEUP, MCK_KEY_LOUDER},
	{SDLK_VOLUMEDOWN, MCK_KEY_SOFTER},
};

enum mck_key mck_keypad_command(SDL_Keycode sym, SDL_Scancode code, Uint16 mod)
{
	for (size_t i = 0; i < sizeof(pad) / sizeof(pad[0]); i++) {
		if (pad[i].code == code) {
			return pad[i].key;
		}
	}
	if ((mod & KMOD_CTRL) != 0) {
		return sym == SDLK_q ? MCK_KEY_QUIT : MCK_KEY_NONE;
	}
	if (sym == SDLK_TAB) {
		return (mod & KMOD_SHIFT) != 0 ? MCK_KEY_PREV : MCK_KEY_NEXT;
	}
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].sym == sym) {
			return keys[i].key;
		}
	}
	return MCK_KEY_NONE;
}

bool mck_keypad_repeats(enum mck_key key)
{
	return key == MCK_KEY_NEXT || key == MCK_KEY_PREV || key == MCK_KEY_UP ||
	       key == MCK_KEY_DOWN || key == MCK_KEY_LOUDER || key == MCK_KEY_SOFTER;
}

const char *mck_keypad_name(enum mck_key key)
{
	static const char *const names[MCK_KEY_COUNT] = {
		[MCK_KEY_NONE] = "none",         [MCK_KEY_NEXT] = "next",
		[MCK_KEY_PREV] = "prev",         [MCK_KEY_UP] = "up",
		[MCK_KEY_DOWN] = "down",         [MCK_KEY_ACTIVATE] = "activate",
		[MCK_KEY_BACK] = "back",         [MCK_KEY_REPEAT] = "repeat",
		[MCK_KEY_DETAILS] = "details",   [MCK_KEY_SPEECH] = "speech",
		[MCK_KEY_LANGUAGE] = "language", [MCK_KEY_LARGE] = "large",
		[MCK_KEY_LOUDER] = "louder",     [MCK_KEY_SOFTER] = "softer",
		[MCK_KEY_START] = "start",       [MCK_KEY_FINISH] = "finish",
		[MCK_KEY_CLEAR] = "clear",       [MCK_KEY_OPERATOR] = "operator",
		[MCK_KEY_QUIT] = "quit",
	};

	return (unsigned)key < MCK_KEY_COUNT ? names[key] : "?";
}
