/* PCM buffers and WAV files; see mck/audio.h. */
#define _DEFAULT_SOURCE /* explicit_bzero */

#include "mck/audio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void mck_pcm_init(struct mck_pcm *p, size_t max)
{
	memset(p, 0, sizeof(*p));
	p->max = max < MCK_AUDIO_MAX_SAMPLES ? max : MCK_AUDIO_MAX_SAMPLES;
}

static int reserve(struct mck_pcm *p, size_t n)
{
	size_t want;
	int16_t *s;

	if (n > p->max || p->n > p->max - n) {
		return -E2BIG;
	}
	if (p->n + n <= p->cap) {
		return 0;
	}
	want = p->cap < 4096 ? 4096 : p->cap * 2;
	want = want < p->n + n ? p->n + n : want;
	want = want > p->max ? p->max : want;
	/* not realloc: the old block is wiped before it goes */
	s = malloc(want * sizeof(*s));
	if (s == NULL) {
		return -ENOMEM;
	}
	if (p->n > 0) {
		memcpy(s, p->s, p->n * sizeof(*s));
	}
	if (p->s != NULL) {
		explicit_bzero(p->s, p->cap * sizeof(*s));
		free(p->s);
	}
	p->s = s;
	p->cap = want;
	return 0;
}

int mck_pcm_append(struct mck_pcm *p, const int16_t *s, size_t n)
{
	int rc = reserve(p, n);

	if (rc == 0 && n > 0) {
		memcpy(p->s + p->n, s, n * sizeof(*s));
		p->n += n;
	}
	return rc;
}

int mck_pcm_silence(struct mck_pcm *p, unsigned ms)
{
	size_t n = (size_t)ms * MCK_AUDIO_RATE / 1000u;
	int rc = reserve(p, n);

	if (rc == 0 && n > 0) {
		memset(p->s + p->n, 0, n * sizeof(*p->s));
		p->n += n;
	}
	return rc;
}

void mck_pcm_free(struct mck_pcm *p)
{
	if (p->s != NULL) {
		explicit_bzero(p->s, p->cap * sizeof(*p->s));
		free(p->s);
	}
	p->s = NULL;
	p->n = 0;
	p->cap = 0;
}

static void le32(uint8_t *b, uint32_t v)
{
	for (int i = 0; i < 4; i++) {
		b[i] = (uint8_t)(v >> (8 * i));
	}
}

static int write_all(int fd, const void *data, size_t len)
{
	const uint8_t *b = data;

	while (len > 0) {
		ssize_t w = write(fd, b, len);

		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			return w < 0 ? -errno : -EIO;
		}
		b += w;
		len -= (size_t)w;
	}
	return 0;
}

int mck_pcm_write_wav(const struct mck_pcm *p, const char *path)
{
	uint8_t h[44];
	uint32_t data = (uint32_t)(p->n * 2u); /* at most MCK_AUDIO_MAX_SAMPLES: fits */
	struct stat st;
	int rc;
	/* no link followed; a FIFO without a reader fails instead of blocking */
	int fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);

	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	if (ftruncate(fd, 0) != 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	memcpy(h, "RIFF", 4);
	le32(h + 4, 36u + data);
	memcpy(h + 8, "WAVEfmt ", 8);
	le32(h + 16, 16);                  /* fmt chunk size */
	le32(h + 20, 1u | (1u << 16));     /* PCM, one channel */
	le32(h + 24, MCK_AUDIO_RATE);      /* samples a second */
	le32(h + 28, MCK_AUDIO_RATE * 2u); /* bytes a second */
	le32(h + 32, 2u | (16u << 16));    /* block align, bits a sample */
	memcpy(h + 36, "data", 4);
	le32(h + 40, data);
	rc = write_all(fd, h, sizeof(h));
	/* little-endian samples, as every target of this kiosk stores them */
	if (rc == 0 && p->n > 0) {
		rc = write_all(fd, p->s, data);
	}
	if (close(fd) != 0 && rc == 0) {
		rc = -errno;
	}
	return rc;
}
