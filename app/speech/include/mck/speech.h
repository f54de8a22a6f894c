/*
 * Speech for a listener who cannot see the screen: the verdict and what to
 * do, then on request the credential's details, in the UI's language, read
 * by eSpeak NG into PCM and played on the kiosk's audio device after the
 * verdict's earcon. Off unless switched on (a privacy choice in public):
 * earcons are heard either way.
 *
 * What is said comes from the view alone (sanitised text), cleaned once more
 * for speech and handed to eSpeak as plain UTF-8 text: no SSML, no phoneme
 * input, so a credential cannot carry markup into the synthesiser.
 */
#ifndef MCK_SPEECH_H
#define MCK_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

#include "mck/audio.h"
#include "mck/view.h"

#define MCK_SPEECH_TEXT_MAX  1536 /* an utterance, bytes with its NUL */
#define MCK_SPEECH_FIELD_MAX 160  /* one credential string, bytes */

enum mck_speech_part {
	/*
	 * What the screen says: a result's verdict, why, and what to do; a
	 * check's last credential and its totals, or its decision; idle's prompt
	 * or fault; the check picker's question.
	 */
	MCK_SPEECH_VERDICT = 0,
	MCK_SPEECH_DETAILS, /* a result's learner, title, awarding body, EQF level, workload */
};

/**
 * The words for @p part of the screen @p v shows, in @p v's language, into
 * @p out (always NUL-terminated; cut at a character boundary). Returns the
 * length; 0 when that screen has nothing to say (a part of a multi-part
 * code, the operator's screens).
 */
size_t mck_speech_compose(const struct mck_view *v, enum mck_speech_part part, char *out,
			  size_t cap);

/** The earcon for a verdict as the screen tells it (the kiosk's failure, no credential). */
enum mck_earcon mck_speech_earcon(enum mck_verdict verdict, bool cannot_check,
				  bool not_a_credential);

/* eSpeak NG: one engine a process (its state is global), used from one thread. */
struct mck_speech_engine;

/**
 * Start eSpeak NG in synchronous mode. NULL with a one-line @p msg: built
 * without eSpeak NG, its data missing, or an engine exists already.
 */
struct mck_speech_engine *mck_speech_engine_create(char *msg, size_t cap);
/**
 * Render @p text (plain UTF-8) in @p lang's voice, appended to @p out. 0,
 * -EINVAL no voice for the language, -E2BIG longer than @p out may hold,
 * -EIO eSpeak failed.
 */
int mck_speech_engine_render(struct mck_speech_engine *e, enum mck_lang lang, const char *text,
			     struct mck_pcm *out);
void mck_speech_engine_destroy(struct mck_speech_engine *e);

/**
 * Compose and render @p part of @p v: the one path live speech and
 * `mckiosk --say` take. 0, -ENODATA when there is nothing to say, or as
 * mck_speech_engine_render.
 */
int mck_speech_say(struct mck_speech_engine *e, const struct mck_view *v, enum mck_speech_part part,
		   struct mck_pcm *out);

/* Settings' `speech` values. */
enum mck_speech_mode {
	MCK_SPEECH_OFF = 0,
	MCK_SPEECH_ON,
	MCK_SPEECH_HEADSET, /* on while the audio device (a USB headset) is plugged in */
};

/* The kiosk's sound: zeroed is silent, and every call on it does nothing. */
struct mck_speech {
	enum mck_speech_mode mode;
	bool on;      /* speaking: the mode, a toggle, or the headset present */
	bool toggled; /* a listener's toggle overrides the mode until the headset goes */
	char device[128];
	bool subsystem; /* SDL's audio subsystem, held while open */
	struct mck_audio out;
	struct mck_speech_engine *engine; /* made at the first utterance */
	bool engine_failed;               /* said once, not tried again */
	unsigned earcons;                 /* played since open */
	unsigned utterances;              /* rendered and queued since open */
	/* What the last utterance was ("verdict", "details", "label", "toggle",
	 * "warning"): traces and tests, never its words. */
	const char *said;
};

/**
 * Open the audio device @p device ("" SDL's default) in @p mode. Without a
 * device the kiosk goes on silent (one line on stderr).
 */
void mck_speech_open(struct mck_speech *s, enum mck_speech_mode mode, const char *device);
/**
 * A verdict was shown: its earcon, then (speech on) what mck_speech_compose
 * says of the screen it is on (a result, or a check's). Anything still
 * playing is cut short.
 */
void mck_speech_result(struct mck_speech *s, const struct mck_view *v, enum mck_verdict verdict,
		       bool cannot_check);
/**
 * The details of the result on screen (their key), when speech is on: a
 * learner's name is never said by a key pressed while it is off.
 */
void mck_speech_details(struct mck_speech *s, const struct mck_view *v);
/** What the screen says, again (its key), when speech is on. */
void mck_speech_repeat(struct mck_speech *s, const struct mck_view *v);
/** A short phrase (a focused button's words) in @p lang's voice, when speech is on. */
void mck_speech_announce(struct mck_speech *s, enum mck_lang lang, const char *text);
/** Speech on: "Still there? ..." before the screen clears by itself (WCAG 2.2.1's warning). */
void mck_speech_still_there(struct mck_speech *s, enum mck_lang lang);
/** Whether speech is on now. */
bool mck_speech_on(const struct mck_speech *s);
/**
 * Louder (@p step > 0) or softer by a step (EN 301 549 5.1.3.12), with a
 * short tone at the new level; at either end the level stays. Earcons and
 * speech alike.
 */
void mck_speech_volume(struct mck_speech *s, int step);
/** The volume back to the default: a new user (5.1.3.13). */
void mck_speech_volume_reset(struct mck_speech *s);
/** Speech on or off (a key, a long press), said in @p lang. */
void mck_speech_toggle(struct mck_speech *s, enum mck_lang lang);
/** Silence now: the result has gone. */
void mck_speech_stop(struct mck_speech *s);
/** Now and then: headset mode follows whether the device is plugged in. */
void mck_speech_poll(struct mck_speech *s);
void mck_speech_close(struct mck_speech *s);

#endif
