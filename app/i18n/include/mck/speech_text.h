/*
 * What the kiosk says aloud beside what it shows: the verdicts in sentence
 * case (capitals would be spelt out letter by letter), and the few sentences
 * speech needs that the screen does not, in every language of mck/i18n.h.
 * Speech also reads the screen's own sentences (reasons, what to do, labels).
 */
#ifndef MCK_SPEECH_TEXT_H
#define MCK_SPEECH_TEXT_H

#include "mck/i18n.h"

/* X(KEY, "English"); every language has every key (test_speech checks). */
#define MCK_SAY_MAP(X)                                                                             \
	X(VALID, "Valid.")                                                                         \
	X(WARNING, "Check.")                                                                       \
	X(INVALID, "Not valid.")                                                                   \
	X(UNREADABLE, "Unreadable.")                                                               \
	X(UNUSABLE, "Cannot verify.")                                                              \
	X(CANNOT_CHECK, "Cannot check here.")                                                      \
	X(NOT_CREDENTIAL, "Not a credential.")                                                     \
	X(SPEECH_ON, "Speech on.")                                                                 \
	X(SPEECH_OFF, "Speech off.")                                                               \
	X(NO_DETAILS, "There are no details to read.")                                             \
	X(STILL_THERE, "Still there? Press a key or touch the screen to keep this.")               \
	X(DECIMAL_MARK, ".")

enum mck_say {
#define MCK__SAY_ENUM(key, en) MCK_SAY_##key,
	MCK_SAY_MAP(MCK__SAY_ENUM)
#undef MCK__SAY_ENUM
		MCK_SAY_COUNT
};

/** The phrase @p key in @p lang (UTF-8, never NULL; English when out of range or missing). */
const char *mck_i18n_say(enum mck_lang lang, enum mck_say key);
/** Whether @p lang has its own @p key (a test's question: mck_i18n_say falls back). */
int mck_i18n_say_has(enum mck_lang lang, enum mck_say key);

/** eSpeak NG's voice for @p lang ("en", "pl", "de", "fr", "el", "it", "es"). */
const char *mck_i18n_voice(enum mck_lang lang);

#endif
