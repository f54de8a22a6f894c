/* The SDL audio output device; see mck/audio.h. */
#include "mck/audio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int mck_audio_open(struct mck_audio *a, const char *device, char *msg, size_t cap)
{
	SDL_AudioSpec want;

	memset(a, 0, sizeof(*a));
	if (SDL_WasInit(SDL_INIT_AUDIO) == 0) {
		if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
			snprintf(msg, cap, "audio: %s", SDL_GetError());
			return -ENODEV;
		}
		a->subsystem = true;
	}
	memset(&want, 0, sizeof(want));
	want.freq = MCK_AUDIO_RATE;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = 1024;
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
	if (a->dev == 0) {
		return -ENODEV;
	}
	if (p->n == 0) {
		return 0;
	}
	return SDL_QueueAudio(a->dev, p->s, (Uint32)(p->n * sizeof(*p->s))) == 0 ? 0 : -EIO;
}

void mck_audio_stop(struct mck_audio *a)
{
	if (a->dev != 0) {
		SDL_ClearQueuedAudio(a->dev);
	}
}

uint32_t mck_audio_queued(const struct mck_audio *a)
{
	return a->dev != 0 ? SDL_GetQueuedAudioSize(a->dev) : 0;
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
		SDL_CloseAudioDevice(a->dev);
	}
	if (a->subsystem) {
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	}
	memset(a, 0, sizeof(*a));
}
