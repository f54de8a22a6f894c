/* The kiosk's sound: earcons always, speech when on; see mck/speech.h. */
#include "mck/speech.h"

#include <stdio.h>
#include <string.h>

#include "mck/speech_text.h"

void mck_speech_open(struct mck_speech *s, enum mck_speech_mode mode, const char *device)
{
	char msg[256];

	memset(s, 0, sizeof(*s));
	s->mode = mode;
	snprintf(s->device, sizeof(s->device), "%s", device != NULL ? device : "");
	/* kept while open: a headset unplugged and plugged in again is found by it */
	s->subsystem = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
	if (mck_audio_open(&s->out, s->device, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mckiosk: %s (going on without sound)\n", msg);
		/* what audio.device may name: the journal says, once */
		for (int i = 0; s->subsystem && i < SDL_GetNumAudioDevices(0) && i < 16; i++) {
			const char *name = SDL_GetAudioDeviceName(i, 0);

			fprintf(stderr, "mckiosk: audio device %d: \"%.100s\"\n", i,
				name != NULL ? name : "");
		}
	}
	if (mode == MCK_SPEECH_HEADSET && s->device[0] == '\0') {
		fprintf(stderr, "mckiosk: speech = headset needs audio.device: speech off\n");
	}
	mck_speech_poll(s);
}

/* Render and queue @p text, or @p part of @p v: once the engine is there. */
static void speak(struct mck_speech *s, const struct mck_view *v, enum mck_speech_part part,
		  enum mck_lang lang, const char *text, const char *what)
{
	struct mck_pcm pcm;
	char msg[256];
	int rc;

	if (s->engine == NULL && !s->engine_failed) {
		s->engine = mck_speech_engine_create(msg, sizeof(msg));
		if (s->engine == NULL) {
			fprintf(stderr, "mckiosk: %s\n", msg);
			s->engine_failed = true;
		}
	}
	if (s->engine == NULL) {
		return;
	}
	mck_pcm_init(&pcm, MCK_AUDIO_MAX_SAMPLES);
	rc = v != NULL ? mck_speech_say(s->engine, v, part, &pcm)
		       : mck_speech_engine_render(s->engine, lang, text, &pcm);
	if (rc == 0 && mck_audio_play(&s->out, &pcm) == 0) {
		s->utterances++;
		s->said = what;
	}
	mck_pcm_free(&pcm); /* wiped: SDL holds its own copy until played or cleared */
}

void mck_speech_result(struct mck_speech *s, const struct mck_view *v, enum mck_verdict verdict,
		       bool cannot_check)
{
	struct mck_pcm pcm;
	bool not_credential = v->screen == MCK_SCREEN_RESULT && v->shown != MCK_VIEW_SHOWN_NONE;

	if (s->out.dev == 0) {
		return;
	}
	mck_audio_stop(&s->out); /* the last person's words end here */
	mck_pcm_init(&pcm, MCK_AUDIO_MAX_SAMPLES);
	if (mck_earcon_render(mck_speech_earcon(verdict, cannot_check, not_credential), &pcm) ==
		    0 &&
	    mck_pcm_silence(&pcm, 150) == 0 && mck_audio_play(&s->out, &pcm) == 0) {
		s->earcons++;
	}
	mck_pcm_free(&pcm);
	if (s->on) {
		speak(s, v, MCK_SPEECH_VERDICT, v->lang, NULL, "verdict");
	}
}

/* Speech on: @p part of @p v, or @p text in @p lang; @p cut: what is playing stops first. */
static void say_if_on(struct mck_speech *s, bool cut, const struct mck_view *v,
		      enum mck_speech_part part, enum mck_lang lang, const char *text,
		      const char *what)
{
	if (s->out.dev == 0 || !s->on) {
		return;
	}
	if (cut) {
		mck_audio_stop(&s->out);
	}
	speak(s, v, part, lang, text, what);
}

void mck_speech_details(struct mck_speech *s, const struct mck_view *v)
{
	if (v->screen == MCK_SCREEN_RESULT) {
		say_if_on(s, true, v, MCK_SPEECH_DETAILS, v->lang, NULL, "details");
	}
}

void mck_speech_repeat(struct mck_speech *s, const struct mck_view *v)
{
	say_if_on(s, true, v, MCK_SPEECH_VERDICT, v->lang, NULL, "verdict");
}

void mck_speech_announce(struct mck_speech *s, enum mck_lang lang, const char *text)
{
	if (text[0] != '\0') {
		say_if_on(s, true, NULL, MCK_SPEECH_VERDICT, lang, text, "label");
	}
}

void mck_speech_still_there(struct mck_speech *s, enum mck_lang lang)
{
	/* after what is being said: the details may still be going */
	say_if_on(s, false, NULL, MCK_SPEECH_VERDICT, lang, mck_i18n_say(lang, MCK_SAY_STILL_THERE),
		  "warning");
}

bool mck_speech_on(const struct mck_speech *s)
{
	return s->on;
}

void mck_speech_volume(struct mck_speech *s, int step)
{
	unsigned now = mck_audio_volume(&s->out);
	unsigned to = step > 0 ? (now + 1 < MCK_AUDIO_VOLUMES ? now + 1 : now)
			       : (now > 0 ? now - 1 : now);
	struct mck_pcm pcm;

	if (s->out.dev == 0) {
		return;
	}
	mck_audio_stop(&s->out);
	mck_audio_set_volume(&s->out, to);
	mck_pcm_init(&pcm, MCK_AUDIO_MAX_SAMPLES);
	if (mck_audio_tone(880.0f, 100, &pcm) == 0) { /* how loud it is now */
		mck_audio_play(&s->out, &pcm);
	}
	mck_pcm_free(&pcm);
}

void mck_speech_volume_reset(struct mck_speech *s)
{
	mck_audio_set_volume(&s->out, MCK_AUDIO_VOLUME_DEFAULT);
}

void mck_speech_toggle(struct mck_speech *s, enum mck_lang lang)
{
	if (s->out.dev == 0) {
		return;
	}
	s->on = !s->on;
	s->toggled = true;
	mck_audio_stop(&s->out);
	/* said either way: the listener hears what the key did */
	speak(s, NULL, MCK_SPEECH_VERDICT, lang,
	      mck_i18n_say(lang, s->on ? MCK_SAY_SPEECH_ON : MCK_SAY_SPEECH_OFF), "toggle");
}

void mck_speech_stop(struct mck_speech *s)
{
	mck_audio_stop(&s->out);
}

void mck_speech_poll(struct mck_speech *s)
{
	char msg[256];
	bool there;

	if (s->mode != MCK_SPEECH_HEADSET) {
		if (!s->toggled) {
			s->on = s->mode == MCK_SPEECH_ON && s->out.dev != 0;
		}
		return;
	}
	if (s->device[0] == '\0') {
		s->on = s->toggled && s->on;
		return;
	}
	there = mck_audio_present(&s->out);
	if (!there && s->out.dev != 0) {
		mck_audio_close(&s->out); /* unplugged: speech stops with it */
		s->toggled = false;
	}
	if (!there && mck_audio_device_exists(s->device) &&
	    mck_audio_open(&s->out, s->device, msg, sizeof(msg)) == 0) {
		there = true; /* plugged in again */
	}
	if (!s->toggled) {
		s->on = there;
	}
}

void mck_speech_close(struct mck_speech *s)
{
	mck_audio_close(&s->out);
	mck_speech_engine_destroy(s->engine);
	s->engine = NULL;
	if (s->subsystem) {
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		s->subsystem = false;
	}
}
