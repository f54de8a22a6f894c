/*
 * The earcons: each one heard (not silent, of a short length), each told
 * apart from the others by what a listener hears (how many tones, their
 * pitch, rising or falling), measured on the samples: tones are runs of
 * energy, pitch is counted in zero crossings. Then one played through SDL's
 * own "disk" audio driver, the path the kiosk plays them on, and read back;
 * and the WAV writer, which refuses links and FIFOs.
 */
#define _DEFAULT_SOURCE /* mkdtemp, symlink */

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mck/audio.h"

#define WIN (MCK_AUDIO_RATE / 200) /* 5 ms windows */

struct burst {
	size_t from; /* samples */
	size_t to;
	double hz_first; /* the first and last third's pitch */
	double hz_last;
};

static double rms(const int16_t *s, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		sum += (double)s[i] * s[i];
	}
	return n > 0 ? sqrt(sum / (double)n) : 0;
}

/* Half a period between successive zero crossings: from the first crossing to the last. */
static double pitch(const int16_t *s, size_t n)
{
	size_t crossings = 0;
	size_t first = 0;
	size_t last = 0;

	for (size_t i = 1; i < n; i++) {
		if ((s[i - 1] < 0) != (s[i] < 0)) {
			first = crossings == 0 ? i : first;
			last = i;
			crossings++;
		}
	}
	return crossings > 1
		       ? (double)(crossings - 1) / 2.0 * MCK_AUDIO_RATE / (double)(last - first)
		       : 0;
}

/* Tones: runs of 5 ms windows louder than a tenth of the loudest, split by 20 ms or more. */
static size_t bursts(const int16_t *s, size_t n, struct burst *b, size_t max)
{
	double peak = 0;
	size_t count = 0;
	size_t quiet = 0;
	bool in = false;

	for (size_t w = 0; w + WIN <= n; w += WIN) {
		double r = rms(s + w, WIN);
		peak = r > peak ? r : peak;
	}
	for (size_t w = 0; w + WIN <= n; w += WIN) {
		bool loud = rms(s + w, WIN) > peak / 10;

		if (loud && !in && count < max) {
			b[count].from = w;
			in = true;
		}
		if (loud) {
			b[count].to = w + WIN;
			quiet = 0;
		} else if (in && ++quiet >= 4) {
			in = false;
			count++;
		}
	}
	count += in && count < max;
	for (size_t i = 0; i < count; i++) {
		size_t third = (b[i].to - b[i].from) / 3;

		b[i].hz_first = pitch(s + b[i].from, third);
		b[i].hz_last = pitch(s + b[i].to - third, third);
	}
	return count;
}

static void render(enum mck_earcon e, struct mck_pcm *p)
{
	mck_pcm_init(p, MCK_AUDIO_MAX_SAMPLES);
	assert_int_equal(mck_earcon_render(e, p), 0);
}

static void test_each_heard(void **state)
{
	(void)state;
	for (int e = 0; e < MCK_EARCON_COUNT; e++) {
		struct mck_pcm p;
		double seconds;

		render((enum mck_earcon)e, &p);
		seconds = (double)p.n / MCK_AUDIO_RATE;
		printf("earcon %d: %.3f s, rms %.0f\n", e, seconds, rms(p.s, p.n));
		assert_true(rms(p.s, p.n) > 2000);
		assert_true(seconds >= 0.2 && seconds <= 1.0);
		/* soft edges: no click at the start or the end */
		assert_true(abs(p.s[0]) < 200 && abs(p.s[p.n - 1]) < 200);
		mck_pcm_free(&p);
	}
	struct mck_pcm p;

	mck_pcm_init(&p, MCK_AUDIO_MAX_SAMPLES);
	assert_int_equal(mck_earcon_render(MCK_EARCON_COUNT, &p), -EINVAL);
	assert_int_equal(p.n, 0);
	/* a buffer too small for it: refused, not overrun */
	mck_pcm_init(&p, 100);
	assert_int_equal(mck_earcon_render(MCK_EARCON_VALID, &p), -E2BIG);
	assert_true(p.n <= 100);
	mck_pcm_free(&p);
}

static void test_told_apart(void **state)
{
	struct burst b[MCK_EARCON_COUNT][8];
	size_t n[MCK_EARCON_COUNT];

	(void)state;
	for (int e = 0; e < MCK_EARCON_COUNT; e++) {
		struct mck_pcm p;

		render((enum mck_earcon)e, &p);
		n[e] = bursts(p.s, p.n, b[e], 8);
		printf("earcon %d: %zu tones:", e, n[e]);
		for (size_t i = 0; i < n[e]; i++) {
			printf(" %.0f->%.0f Hz %.0f ms", b[e][i].hz_first, b[e][i].hz_last,
			       (double)(b[e][i].to - b[e][i].from) * 1000 / MCK_AUDIO_RATE);
		}
		printf("\n");
		mck_pcm_free(&p);
	}
	/* valid: two tones, the second higher */
	assert_int_equal(n[MCK_EARCON_VALID], 2);
	assert_true(b[MCK_EARCON_VALID][1].hz_first > 1.3 * b[MCK_EARCON_VALID][0].hz_first);
	/* check: two tones at one pitch */
	assert_int_equal(n[MCK_EARCON_CHECK], 2);
	assert_true(fabs(b[MCK_EARCON_CHECK][1].hz_first - b[MCK_EARCON_CHECK][0].hz_first) <
		    0.05 * b[MCK_EARCON_CHECK][0].hz_first);
	/* not valid: three, falling, low */
	assert_int_equal(n[MCK_EARCON_INVALID], 3);
	assert_true(b[MCK_EARCON_INVALID][0].hz_first > 1.15 * b[MCK_EARCON_INVALID][1].hz_first);
	assert_true(b[MCK_EARCON_INVALID][1].hz_first > 1.15 * b[MCK_EARCON_INVALID][2].hz_first);
	/* unreadable / not a credential: one tone gliding down */
	assert_int_equal(n[MCK_EARCON_UNREADABLE], 1);
	assert_true(b[MCK_EARCON_UNREADABLE][0].hz_first >
		    1.3 * b[MCK_EARCON_UNREADABLE][0].hz_last);
	/* ask staff: one long level tone, the lowest first tone of all */
	assert_int_equal(n[MCK_EARCON_STAFF], 1);
	assert_true(fabs(b[MCK_EARCON_STAFF][0].hz_first - b[MCK_EARCON_STAFF][0].hz_last) <
		    0.05 * b[MCK_EARCON_STAFF][0].hz_first);
	assert_true(b[MCK_EARCON_STAFF][0].to - b[MCK_EARCON_STAFF][0].from >
		    (size_t)MCK_AUDIO_RATE * 4 / 10);
	for (int e = 0; e < MCK_EARCON_COUNT; e++) {
		if (e != MCK_EARCON_STAFF) {
			assert_true(b[e][0].hz_first > 1.2 * b[MCK_EARCON_STAFF][0].hz_first);
		}
	}
	/* so every pair differs in the number of tones or in its first tone's pitch */
	for (int i = 0; i < MCK_EARCON_COUNT; i++) {
		for (int j = i + 1; j < MCK_EARCON_COUNT; j++) {
			assert_true(n[i] != n[j] || fabs(b[i][0].hz_first - b[j][0].hz_first) >
							    0.15 * b[i][0].hz_first);
		}
	}
}

static char dir[] = "/tmp/mck-earcons-XXXXXX";

static void test_played_through_sdl(void **state)
{
	char file[64];
	char msg[256];
	struct mck_audio a = {0};
	struct mck_pcm p;
	FILE *f;
	int16_t *raw;
	long size;
	struct burst b[4];
	size_t n;

	(void)state;
	snprintf(file, sizeof(file), "%s/disk.raw", dir);
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", file, 1);
	assert_int_equal(SDL_Init(0), 0);
	if (mck_audio_open(&a, "", msg, sizeof(msg)) != 0) {
		fail_msg("%s", msg);
	}
	render(MCK_EARCON_VALID, &p);
	assert_int_equal(mck_audio_play(&a, &p), 0);
	/* the disk driver writes as a device plays: in real time */
	for (int i = 0; i < 500 && mck_audio_queued(&a) > 0; i++) {
		SDL_Delay(10);
	}
	assert_int_equal(mck_audio_queued(&a), 0);
	SDL_Delay(150); /* the last buffer out */
	assert_true(mck_audio_present(&a));
	mck_audio_close(&a);
	assert_int_equal(mck_audio_play(&a, &p), -ENODEV); /* closed: nothing */
	mck_pcm_free(&p);
	SDL_Quit();

	f = fopen(file, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	rewind(f);
	raw = malloc((size_t)size);
	assert_non_null(raw);
	assert_int_equal(fread(raw, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	/* the device got it as it was made: 16-bit mono at the kiosk's rate, two tones rising */
	n = bursts(raw, (size_t)size / 2, b, 4);
	printf("disk driver: %ld bytes, %zu tones, %.0f then %.0f Hz\n", size, n, b[0].hz_first,
	       n > 1 ? b[1].hz_first : 0.0);
	assert_int_equal(n, 2);
	assert_true(fabs(b[0].hz_first - 523.25) < 30 && fabs(b[1].hz_first - 783.99) < 40);
	free(raw);
	unlink(file);
}

static void test_wav_file(void **state)
{
	char path[64];
	char link[64];
	char fifo[64];
	uint8_t h[44];
	struct mck_pcm p;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/out.wav", dir);
	snprintf(link, sizeof(link), "%s/link.wav", dir);
	snprintf(fifo, sizeof(fifo), "%s/fifo.wav", dir);
	render(MCK_EARCON_CHECK, &p);
	assert_int_equal(mck_pcm_write_wav(&p, path), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(h, 1, sizeof(h), f), sizeof(h));
	assert_memory_equal(h, "RIFF", 4);
	assert_memory_equal(h + 8, "WAVEfmt ", 8);
	assert_int_equal(h[22], 1);                                         /* mono */
	assert_int_equal(h[24] | h[25] << 8 | h[26] << 16, MCK_AUDIO_RATE); /* rate */
	assert_int_equal(h[34], 16);                                        /* bits */
	assert_int_equal((size_t)(h[40] | h[41] << 8 | h[42] << 16), p.n * 2);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	assert_int_equal(ftell(f), (long)(44 + p.n * 2));
	fclose(f);
	/* a link or a FIFO where the file goes: refused, the link's target untouched */
	assert_int_equal(symlink(path, link), 0);
	assert_int_equal(mck_pcm_write_wav(&p, link), -ELOOP);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_true(mck_pcm_write_wav(&p, fifo) < 0);
	unlink(link);
	unlink(fifo);
	unlink(path);
	mck_pcm_free(&p);
	assert_null(p.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_heard),
		cmocka_unit_test(test_told_apart),
		cmocka_unit_test(test_wav_file),
		cmocka_unit_test(test_played_through_sdl),
	};
	int rc;

	if (mkdtemp(dir) == NULL) {
		return 1;
	}
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(dir);
	return rc;
}
