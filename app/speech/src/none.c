/* Built without eSpeak NG (no libespeak-ng-dev for the target): no speech, earcons still. */
#include "mck/speech.h"

#include <errno.h>
#include <stdio.h>

struct mck_speech_engine *mck_speech_engine_create(char *msg, size_t cap)
{
	snprintf(msg, cap, "built without eSpeak NG: no speech");
	return NULL;
}

int mck_speech_engine_render(struct mck_speech_engine *e, enum mck_lang lang, const char *text,
			     struct mck_pcm *out)
{
	(void)e;
	(void)lang;
	(void)text;
	(void)out;
	return -ENOSYS;
}

void mck_speech_engine_destroy(struct mck_speech_engine *e)
{
	(void)e;
}
