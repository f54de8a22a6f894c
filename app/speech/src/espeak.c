/*
 * eSpeak NG in its synchronous mode: the samples come back through the synth
 * callback into a PCM buffer, nothing reaches a sound device of eSpeak's own.
 * Its state is global, so there is one engine a process; and it is started
 * once: eSpeak NG 1.51 started again after espeak_ng_Terminate hangs in its
 * next espeak_ng_Synchronize (seen here), so destroy only gives it back.
 */
#include "mck/speech.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <espeak-ng/espeak_ng.h>

#include "mck/speech_text.h"

#define WORDS_A_MINUTE 160 /* a little under eSpeak's 175: strangers, a public place */

struct mck_speech_engine {
	int unused;
};

static struct mck_speech_engine engine;
static bool taken;
static bool started;
/* Where the callback puts samples: set for the length of one render. */
static struct mck_pcm *target;
static int target_rc;

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
	(void)events;
	if (target == NULL || target_rc != 0) {
		return 1; /* abort */
	}
	if (wav != NULL && n > 0) {
		target_rc = mck_pcm_append(target, wav, (size_t)n);
	}
	return target_rc != 0;
}

static void status_msg(espeak_ng_STATUS st, const char *what, char *msg, size_t cap)
{
	char why[160];

	espeak_ng_GetStatusCodeMessage(st, why, sizeof(why));
	snprintf(msg, cap, "eSpeak NG: %s: %s", what, why);
}

struct mck_speech_engine *mck_speech_engine_create(char *msg, size_t cap)
{
	espeak_ng_ERROR_CONTEXT ctx = NULL;
	espeak_ng_STATUS st;

	if (taken) {
		snprintf(msg, cap, "eSpeak NG: one engine a process");
		return NULL;
	}
	if (started) {
		taken = true;
		return &engine;
	}
	espeak_ng_InitializePath(NULL); /* the packaged espeak-ng-data */
	st = espeak_ng_Initialize(&ctx);
	if (st != ENS_OK) {
		status_msg(st, "data", msg, cap);
		espeak_ng_ClearErrorContext(&ctx);
		return NULL;
	}
	st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
	if (st != ENS_OK || espeak_ng_GetSampleRate() != MCK_AUDIO_RATE) {
		if (st == ENS_OK) {
			snprintf(msg, cap, "eSpeak NG: %d Hz, not %d", espeak_ng_GetSampleRate(),
				 MCK_AUDIO_RATE);
		} else {
			status_msg(st, "output", msg, cap);
		}
		espeak_ng_Terminate();
		return NULL;
	}
	espeak_SetSynthCallback(on_samples);
	started = true;
	taken = true;
	return &engine;
}

int mck_speech_engine_render(struct mck_speech_engine *e, enum mck_lang lang, const char *text,
			     struct mck_pcm *out)
{
	espeak_ng_STATUS st;
	size_t before = out->n;

	if (e != &engine || !taken) {
		return -EINVAL;
	}
	if (espeak_ng_SetVoiceByName(mck_i18n_voice(lang)) != ENS_OK) {
		return -EINVAL;
	}
	espeak_ng_SetParameter(espeakRATE, WORDS_A_MINUTE, 0);
	target = out;
	target_rc = 0;
	/*
	 * Plain UTF-8 text: neither espeakSSML nor espeakPHONEMES, so no markup is
	 * read. In synchronous mode this returns when the last sample is out.
	 */
	st = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
				  NULL, NULL);
	target = NULL;
	if (target_rc != 0) {
		out->n = before; /* nothing half said */
		return target_rc;
	}
	return st == ENS_OK ? 0 : -EIO;
}

void mck_speech_engine_destroy(struct mck_speech_engine *e)
{
	if (e == &engine) {
		taken = false; /* eSpeak stays started for the next (see above) */
	}
}
