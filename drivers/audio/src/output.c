/*
 * The SDL audio output device; see mck/audio.h.
 *
 * The queue is ours, fed to SDL's callback, rather than SDL_QueueAudio's:
 * SDL runs its own queue's thread on a 64 KiB stack, and a process whose
 * static TLS is larger (the kiosk's scanner keeps ~750 KiB of per-thread
 * buffers) cannot start such a thread; a callback's thread gets the default
 * stack. It also lets what is queued be wiped, as speech may hold a name.
 */
#define _DEFAULT_SOURCE /* explicit_bzero */

#include "mck/audio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mck_audio_queue {
	int16_t *s;      /* MCK_AUDIO_MAX_SAMPLES */
	size_t pos;      /* the next sample to play */
	size_t len;      /* samples queued, played ones included */
	unsigned volume; /* below MCK_AUDIO_VOLUMES */
};

int16_t mck_audio_scale(int16_t s, unsigned level)
{
	/* 3 dB steps, gain in 1/256: -12, -9, -6, -3, 0, +3, +6 dB */
	static const int32_t gain[MCK_AUDIO_VOLUMES] = {64, 91, 128, 181, 256, 362, 512};
	int32_t v =
		(int32_t)s * gain[level < MCK_AUDIO_VOLUMES ? level : MCK_AUDIO_VOLUMES - 1] / 256;

	return (int16_t)(v > INT16_MAX ? INT16_MAX : v < INT16_MIN ? INT16_MIN : v);
}

/* SDL's audio thread, with the device locked: the next @p bytes, silence when none. */
static void feed(void *user, Uint8 *out, int bytes)
{
	struct mck_audio_queue *q = user;
	size_t want = (size_t)bytes / sizeof(int16_t);
	size_t n = q->len - q->pos < want ? q->len - q->pos : want;

	for (size_t i = 0; i < n; i++) {
		int16_t v = mck_audio_scale(q->s[q->pos + i], q->volume);

		memcpy(out + i * sizeof(v), &v,
		       sizeof(v)); /* SDL's buffer: no alignment promised */
	}
	memset(out + n * sizeof(int16_t), 0, (size_t)bytes - n * sizeof(int16_t));
	q->pos += n;
	if (q->pos == q->len && q->len > 0) {
		explicit_bzero(q->s, q->len * sizeof(int16_t));
		q->pos = 0;
		q->len = 0;
	}
}

int mck_audio_open(struct mck_audio *a, const char *device, char *msg, size_t cap)
{
	SDL_AudioSpec want;

	memset(a, 0, sizeof(*a));
	a->q = calloc(1, sizeof(*a->q));
	if (a->q != NULL) {
		a->q->s = calloc(MCK_AUDIO_MAX_SAMPLES, sizeof(int16_t));
	}
	if (a->q == NULL || a->q->s == NULL) {
		snprintf(msg, cap, "audio: out of memory");
		mck_audio_close(a);
		return -ENOMEM;
	}
	a->q->volume = MCK_AUDIO_VOLUME_DEFAULT;
	if (SDL_WasInit(SDL_INIT_AUDIO) == 0) {
		if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
			snprintf(msg, cap, "audio: %s", SDL_GetError());
			mck_audio_close(a);
			return -ENODEV;
		}
		a->subsystem = true;
	}
	memset(&want, 0, sizeof(want));
	want.freq = MCK_AUDIO_RATE;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = 1024;
	want.callback = feed;
	want.userdata = a->q;
	/* no changes allowed: SDL converts to what the device takes */
	a->dev = SDL_OpenAudioDevice(device != NULL && device[0] != '\0' ? device : NULL, 0, &want,
				     NULL, 0);
	if (a->dev == 0) {
		snprintf(msg, cap, "audio device \"%.60s\": %s",
			 device != NULL && device[0] != '\0' ? device : "(default)",
			 SDL_GetError());
		mck_audio_close(a);
		return -ENODEV;
	}
	SDL_PauseAudioDevice(a->dev, 0);
	return 0;
}

int mck_audio_play(struct mck_audio *a, const struct mck_pcm *p)
{
	struct mck_audio_queue *q = a->q;
	int rc = 0;

	if (a->dev == 0) {
		return -ENODEV;
	}
	SDL_LockAudioDevice(a->dev);
	if (q->pos > 0) { /* played samples make room */
		memmove(q->s, q->s + q->pos, (q->len - q->pos) * sizeof(int16_t));
		explicit_bzero(q->s + q->len - q->pos, q->pos * sizeof(int16_t));
		q->len -= q->pos;
		q->pos = 0;
	}
	if (p->n > MCK_AUDIO_MAX_SAMPLES - q->len) {
		rc = -E2BIG;
	} else if (p->n > 0) {
		memcpy(q->s + q->len, p->s, p->n * sizeof(int16_t));
		q->len += p->n;
	}
	SDL_UnlockAudioDevice(a->dev);
	return rc;
}

void mck_audio_stop(struct mck_audio *a)
{
	if (a->dev != 0) {
		SDL_LockAudioDevice(a->dev);
		explicit_bzero(a->q->s, a->q->len * sizeof(int16_t));
		a->q->pos = 0;
		a->q->len = 0;
		SDL_UnlockAudioDevice(a->dev);
	}
}

void mck_audio_set_volume(struct mck_audio *a, unsigned level)
{
	if (a->dev != 0) {
		SDL_LockAudioDevice(a->dev);
		a->q->volume = level < MCK_AUDIO_VOLUMES ? level : MCK_AUDIO_VOLUMES - 1;
		SDL_UnlockAudioDevice(a->dev);
	}
}

unsigned mck_audio_volume(const struct mck_audio *a)
{
	unsigned v;

	if (a->dev == 0) {
		return MCK_AUDIO_VOLUME_DEFAULT;
	}
	SDL_LockAudioDevice(a->dev);
	v = a->q->volume;
	SDL_UnlockAudioDevice(a->dev);
	return v;
}

uint32_t mck_audio_queued(const struct mck_audio *a)
{
	size_t n;

	if (a->dev == 0) {
		return 0;
	}
	SDL_LockAudioDevice(a->dev);
	n = a->q->len - a->q->pos;
	SDL_UnlockAudioDevice(a->dev);
	return (uint32_t)(n * sizeof(int16_t)); /* at most MCK_AUDIO_MAX_SAMPLES: fits */
}

bool mck_audio_present(const struct mck_audio *a)
{
	/* a device that went away is stopped for good; a working one plays (never paused) */
	return a->dev != 0 && SDL_GetAudioDeviceStatus(a->dev) == SDL_AUDIO_PLAYING;
}

bool mck_audio_device_exists(const char *device)
{
	int n = SDL_WasInit(SDL_INIT_AUDIO) != 0 ? SDL_GetNumAudioDevices(0) : 0;

	for (int i = 0; device != NULL && i < n; i++) {
		const char *name = SDL_GetAudioDeviceName(i, 0);

		if (name != NULL && strcmp(name, device) == 0) {
			return true;
		}
	}
	return false;
}

void mck_audio_close(struct mck_audio *a)
{
	if (a->dev != 0) {
		SDL_CloseAudioDevice(a->dev); /* its thread ends: the queue is ours alone */
	}
	if (a->subsystem) {
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	}
	if (a->q != NULL) {
		if (a->q->s != NULL) {
			explicit_bzero(a->q->s, MCK_AUDIO_MAX_SAMPLES * sizeof(int16_t));
			free(a->q->s);
		}
		free(a->q);
	}
	memset(a, 0, sizeof(*a));
}
