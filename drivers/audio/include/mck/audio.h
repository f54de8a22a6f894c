/*
 * Sound out of the kiosk: 16-bit mono PCM buffers with a maximum, WAV files,
 * the earcons (short synthesised sounds, one per signal, heard without
 * speech) and the SDL audio output device they are queued on (HDMI, the
 * 3.5 mm jack, a USB headset: a board profile names it). Drivers know
 * nothing of credentials: the kiosk maps verdicts to earcons.
 */
#ifndef MCK_AUDIO_H
#define MCK_AUDIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

/* The one rate everything is made at (eSpeak NG's); SDL converts for the device. */
#define MCK_AUDIO_RATE        22050
/* No sound the kiosk makes is longer: a buffer refuses more. */
#define MCK_AUDIO_MAX_SAMPLES ((size_t)MCK_AUDIO_RATE * 60u)

/* Caller-owned PCM: mck_pcm_init, then mck_pcm_free (which wipes: speech may hold a name). */
struct mck_pcm {
	int16_t *s;
	size_t n;   /* samples held */
	size_t cap; /* samples allocated */
	size_t max; /* samples it may ever hold */
};

void mck_pcm_init(struct mck_pcm *p, size_t max);
/** Append @p n samples. 0, -E2BIG past the maximum (nothing appended), -ENOMEM. */
int mck_pcm_append(struct mck_pcm *p, const int16_t *s, size_t n);
/** Append @p ms of silence. As mck_pcm_append. */
int mck_pcm_silence(struct mck_pcm *p, unsigned ms);
/** Wipe and free the samples; accepts a zeroed buffer. */
void mck_pcm_free(struct mck_pcm *p);

/**
 * Write @p p as a 16-bit mono RIFF WAVE file at MCK_AUDIO_RATE to @p path
 * (created or truncated; a link, FIFO or device there is refused). 0 or -errno.
 */
int mck_pcm_write_wav(const struct mck_pcm *p, const char *path);

enum mck_earcon {
	MCK_EARCON_VALID = 0,  /* two rising tones */
	MCK_EARCON_CHECK,      /* two level tones: look again */
	MCK_EARCON_INVALID,    /* three falling low tones */
	MCK_EARCON_UNREADABLE, /* one falling glide: not read, or not a credential */
	MCK_EARCON_STAFF,      /* one long low tone: the kiosk cannot check, ask staff */
	MCK_EARCON_COUNT
};

/** Append earcon @p e to @p out. 0, -EINVAL for no such earcon, or as mck_pcm_append. */
int mck_earcon_render(enum mck_earcon e, struct mck_pcm *out);
/** Append one sine of @p hz for @p ms with the earcons' soft edges (a volume step's). */
int mck_audio_tone(float hz, unsigned ms, struct mck_pcm *out);

/*
 * The listener's volume (EN 301 549 5.1.3.12), in 3 dB steps over the board's
 * mixer level: 0 is -12 dB, MCK_AUDIO_VOLUME_DEFAULT the level as made,
 * the top +6 dB (clipped at full scale). Back to the default for each new
 * user (5.1.3.13: the kiosk does so when a result goes).
 */
#define MCK_AUDIO_VOLUMES        7u
#define MCK_AUDIO_VOLUME_DEFAULT 4u

/** Sample @p s at volume @p level (above the top: the top), clipped to 16 bits. */
int16_t mck_audio_scale(int16_t s, unsigned level);

struct mck_audio_queue; /* what waits to be played (output.c) */

/* The output device: zeroed is closed, and every call on a closed one does nothing. */
struct mck_audio {
	SDL_AudioDeviceID dev; /* 0: closed */
	bool subsystem;        /* SDL's audio subsystem was started by mck_audio_open */
	struct mck_audio_queue *q;
};

/**
 * Open @p device (an SDL output device name, as SDL_GetAudioDeviceName gives
 * it; NULL or "" for the default) for MCK_AUDIO_RATE mono, starting SDL's
 * audio subsystem if need be. 0, or -ENODEV with a one-line @p msg (no such
 * device, no audio driver).
 */
int mck_audio_open(struct mck_audio *a, const char *device, char *msg, size_t cap);
/** Queue @p p after what is playing. 0, -ENODEV when closed, -E2BIG when the queue is full. */
int mck_audio_play(struct mck_audio *a, const struct mck_pcm *p);
/** Play at volume @p level from now on, what is queued included (above the top: the top). */
void mck_audio_set_volume(struct mck_audio *a, unsigned level);
/** The volume now; MCK_AUDIO_VOLUME_DEFAULT when closed. */
unsigned mck_audio_volume(const struct mck_audio *a);
/** Silence now: whatever is queued is dropped. */
void mck_audio_stop(struct mck_audio *a);
/** Bytes still queued (0 when closed). */
uint32_t mck_audio_queued(const struct mck_audio *a);
/** Whether the device is open and still there (a USB headset unplugged is not). */
bool mck_audio_present(const struct mck_audio *a);
/** Whether an output device named @p device is plugged in now (audio subsystem running). */
bool mck_audio_device_exists(const char *device);
void mck_audio_close(struct mck_audio *a);

#endif
