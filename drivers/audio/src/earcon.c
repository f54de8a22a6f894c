/*
 * The earcons: each a few tones with soft edges, told apart by pitch,
 * direction and rhythm (as the buzzer's patterns are by rhythm alone), so
 * they stay distinct on a small speaker and for a listener who cannot see
 * the screen. Rising for valid, level for check, falling and low for not
 * valid, a falling glide for a code that was no credential or not read, one
 * long low tone for "ask staff".
 */
#include "mck/audio.h"

#include <errno.h>
#include <math.h>

struct tone {
	float from_hz; /* a glide when from and to differ */
	float to_hz;
	unsigned ms;
	unsigned gap_ms; /* silence after it */
	float square;    /* 0: a sine; up to 1: a square's harshness mixed in */
};

static const struct earcon {
	struct tone tone[3];
	unsigned tones;
} earcons[MCK_EARCON_COUNT] = {
	[MCK_EARCON_VALID] = {{{523.25f, 523.25f, 110, 30, 0}, {783.99f, 783.99f, 180, 0, 0}}, 2},
	[MCK_EARCON_CHECK] = {{{659.25f, 659.25f, 130, 110, 0.2f},
			       {659.25f, 659.25f, 130, 0, 0.2f}},
			      2},
	[MCK_EARCON_INVALID] = {{{392.0f, 392.0f, 120, 90, 0.5f},
				 {311.13f, 311.13f, 120, 90, 0.5f},
				 {233.08f, 233.08f, 200, 0, 0.5f}},
				3},
	[MCK_EARCON_UNREADABLE] = {{{880.0f, 440.0f, 280, 0, 0}}, 1},
	[MCK_EARCON_STAFF] = {{{293.66f, 293.66f, 500, 0, 0.3f}}, 1},
};

#define EDGE_MS 8u /* attack and release: no click */
#define MCK_PI  3.14159265358979323846

static int tone(const struct tone *t, struct mck_pcm *out)
{
	size_t n = (size_t)t->ms * MCK_AUDIO_RATE / 1000u;
	size_t edge = (size_t)EDGE_MS * MCK_AUDIO_RATE / 1000u;
	int16_t buf[256];
	double phase = 0;
	size_t done = 0;
	int rc = 0;

	while (rc == 0 && done < n) {
		size_t k = n - done < 256 ? n - done : 256;

		for (size_t i = 0; i < k; i++) {
			size_t at = done + i;
			double f = t->from_hz + (t->to_hz - t->from_hz) * (double)at / (double)n;
			double env = 1.0;
			double s;

			if (at < edge) {
				env = 0.5 - 0.5 * cos(MCK_PI * (double)at / (double)edge);
			} else if (n - at < edge) {
				env = 0.5 - 0.5 * cos(MCK_PI * (double)(n - at) / (double)edge);
			}
			s = sin(phase);
			/* a square's edge, rounded: odd harmonics without aliasing much */
			s = (1.0 - t->square) * s + t->square * tanh(4.0 * s);
			buf[i] = (int16_t)lrint(12000.0 * env * s);
			phase += 2.0 * MCK_PI * f / MCK_AUDIO_RATE;
			if (phase > 2.0 * MCK_PI) {
				phase -= 2.0 * MCK_PI;
			}
		}
		rc = mck_pcm_append(out, buf, k);
		done += k;
	}
	return rc == 0 ? mck_pcm_silence(out, t->gap_ms) : rc;
}

int mck_earcon_render(enum mck_earcon e, struct mck_pcm *out)
{
	int rc = 0;

	if ((unsigned)e >= MCK_EARCON_COUNT) {
		return -EINVAL;
	}
	for (unsigned i = 0; rc == 0 && i < earcons[e].tones; i++) {
		rc = tone(&earcons[e].tone[i], out);
	}
	return rc;
}

int mck_audio_tone(float hz, unsigned ms, struct mck_pcm *out)
{
	const struct tone t = {hz, hz, ms, 0, 0};

	return tone(&t, out);
}
