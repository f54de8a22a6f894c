/* The capture thread; see capture.h. */
#define _POSIX_C_SOURCE 200809L

#include "capture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/crypto.h"
#include "present.h"

/*
 * A code out of sight this long has left (the result's "code has left" clock
 * starts). Shown again while its result still shows (a shaking hand, frames a
 * slow scan could not read), it is the same scan, back; once the result has
 * cleared and the code has left, or after NEW_AFTER_MS out of sight, it is a
 * new scan. A code still held up when its result clears is not judged again.
 */
#define LEFT_AFTER_MS 600u
#define NEW_AFTER_MS  5000u

/*
 * What a frame shows, whole: SHA-256 over the sorted SHA-256 of each code's
 * full text. Two credentials of one issuer share their first ~180 bytes;
 * only the whole text tells them apart, and a forgery must not be able to
 * pass for the code before it, so the digest is a cryptographic one.
 */
static void frame_digest(const struct mck_qrscan_result *codes, size_t n,
			 uint8_t out[MCK_SHA256_LEN])
{
	uint8_t each[MCK_QRSCAN_MAX_CODES][MCK_SHA256_LEN];

	for (size_t i = 0; i < n; i++) {
		mck_sha256(codes->text[i], codes->len[i], each[i]);
	}
	for (size_t i = 1; i < n; i++) { /* a handful: insertion sort */
		for (size_t j = i; j > 0 && memcmp(each[j - 1], each[j], MCK_SHA256_LEN) > 0; j--) {
			uint8_t t[MCK_SHA256_LEN];

			memcpy(t, each[j], sizeof(t));
			memcpy(each[j], each[j - 1], sizeof(t));
			memcpy(each[j - 1], t, sizeof(t));
		}
	}
	mck_sha256(each, n * MCK_SHA256_LEN, out);
	mck_zeroize(each, sizeof(each));
}

void mck_capture_msg_free(struct mck_capture_msg *m)
{
	for (size_t i = 0; i < m->count; i++) {
		mck_zeroize(m->text[i], m->len[i] + 1);
		free(m->text[i]);
	}
	mck_zeroize(m, sizeof(*m));
	free(m);
}

static void push_texts(struct mck_capture *c, const struct mck_qrscan_result *codes, size_t count,
		       uint64_t frame)
{
	struct mck_capture_msg *m = calloc(1, sizeof(*m));
	SDL_Event ev;

	if (m == NULL) {
		return;
	}
	m->frame = frame;
	for (size_t i = 0; i < count; i++) {
		m->text[i] = malloc(codes->len[i] + 1);
		if (m->text[i] != NULL) {
			memcpy(m->text[i], codes->text[i], codes->len[i] + 1);
			m->len[i] = codes->len[i];
			m->count = i + 1;
		}
	}
	SDL_zero(ev);
	ev.type = c->scan_event;
	ev.user.data1 = m;
	if (SDL_PushEvent(&ev) <= 0) {
		mck_capture_msg_free(m);
	}
}

static void push_state(const struct mck_capture *c, enum mck_capture_state state)
{
	SDL_Event ev;

	SDL_zero(ev);
	ev.type = c->source_event;
	ev.user.code = (Sint32)state;
	SDL_PushEvent(&ev);
}

/* Hand the UI a small copy of the frame for the live picture, unless it has one pending. */
static void offer_preview(struct mck_capture *c, const struct mck_scan_event *ev)
{
	if (SDL_AtomicGet(&c->pending) != 0) {
		return;
	}
	SDL_LockMutex(c->lock);
	mck_present_preview(ev->grey, ev->width, ev->height, c->preview, &c->preview_w,
			    &c->preview_h);
	SDL_UnlockMutex(c->lock);
	SDL_AtomicSet(&c->pending, 1);
	push_state(c, MCK_CAPTURE_PREVIEW);
}

/* The source is gone: keep what it said for the status screen, then say so. */
static void push_gone(struct mck_capture *c, const struct mck_source *src)
{
	SDL_LockMutex(c->lock);
	snprintf(c->why, sizeof(c->why), "%s", src->error);
	SDL_UnlockMutex(c->lock);
	push_state(c, MCK_CAPTURE_GONE);
}

void mck_capture_why(struct mck_capture *c, char *out, size_t cap)
{
	SDL_LockMutex(c->lock);
	snprintf(out, cap, "%s", c->why);
	SDL_UnlockMutex(c->lock);
}

void mck_capture_take_preview(struct mck_capture *c, uint8_t *out, int *w, int *h)
{
	SDL_LockMutex(c->lock);
	memcpy(out, c->preview, sizeof(c->preview));
	*w = c->preview_w;
	*h = c->preview_h;
	SDL_UnlockMutex(c->lock);
	SDL_AtomicSet(&c->pending, 0);
}

static int capture_main(void *arg)
{
	struct mck_capture *c = arg;
	const struct mck_source_ops *backend = mck_source_backend(c->spec);
	struct mck_source src = {0};
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck_qrscan_result *codes = malloc(sizeof(*codes));
	struct mck_scan_event *ev = malloc(sizeof(*ev));
	uint8_t last[MCK_SHA256_LEN]; /* what the last frame with codes showed */
	bool have_last = false;
	bool out_of_sight = false; /* the last codes have left (LEFT said) */
	bool cleared = false;      /* their result has cleared (a forget came) */
	uint32_t seen_at = 0;      /* when they were last seen */
	bool open = false;
	/* what the UI was last told of the source: nothing yet, open, or gone
	 * (gone stays until a frame comes) */
	enum { SAID_NOTHING, SAID_OPEN, SAID_GONE } said = SAID_NOTHING;
	uint32_t failed_at = 0; /* when reading last failed (0: never) */

	if (scan != NULL && c->workers > 1 &&
	    (mck_qrscan_set_workers(scan, c->workers) != 0 ||
	     mck_qrscan_workers(scan) != c->workers)) {
		/* the board's cores not to be had (no pool, or threads that would
		 * not start): fewer threads read the same codes, later */
		fprintf(stderr, "mckiosk: scanning on %u threads, not %u\n",
			mck_qrscan_workers(scan), c->workers);
	}
	if (scan != NULL && backend != NULL && (backend->caps & MCK_SOURCE_CAP_LIVE) != 0) {
		/* A camera: the next frame is coming, a hard one must not hold it up;
		 * the budget is work, as much as this board's CPU does in the time.
		 * Replayed files are paced by the source and get every step. */
		mck_qrscan_set_budget(scan, MCK_QRSCAN_BUDGET_MS);
		(void)mck_qrscan_set_cpu_scale(scan,
					       c->cpu_scale); /* settings.c checks its bounds */
	}
	while (SDL_AtomicGet(&c->stop) == 0 && scan != NULL && codes != NULL && ev != NULL) {
		int rc;

		if (!open) {
			if (mck_source_open(&src, c->spec, &c->cfg) != 0) {
				if (said != SAID_GONE) {
					push_gone(c, &src);
					said = SAID_GONE;
				}
				SDL_Delay(1000); /* unplugged: try again */
				continue;
			}
			open = true;
			if (said == SAID_NOTHING) {
				push_state(c, MCK_CAPTURE_OPEN);
				said = SAID_OPEN;
			}
		}
		rc = mck_source_next(&src, ev, 100);
		if (rc == -EAGAIN) {
			continue;
		}
		if (rc == 0 && said == SAID_GONE) { /* back: it gives frames again */
			push_state(c, MCK_CAPTURE_OPEN);
			said = SAID_OPEN;
		}
		if (rc == -ENODATA && c->once) {
			push_state(c, MCK_CAPTURE_END); /* after every scan it read */
			break;
		}
		if (rc != 0) {
			/* gone (unplugged, a pipeline error) or at its end: open it again;
			 * what it said shows if that fails. A source failing again soon
			 * after (frames it cannot give) is gone, retried once a second,
			 * not opened over and over. */
			bool again = rc != -ENODATA && failed_at != 0 &&
				     SDL_GetTicks() - failed_at < 2000u;

			failed_at = rc != -ENODATA ? SDL_GetTicks() | 1u : failed_at;
			if (again && said != SAID_GONE) {
				push_gone(c, &src);
				said = SAID_GONE;
			}
			mck_source_close(&src);
			open = false;
			if (again) {
				SDL_Delay(1000);
			}
			continue;
		}
		if (SDL_AtomicSet(&c->forget, 0) != 0) {
			/* A result cleared: nothing of its code stays here either. */
			mck_qrscan_forget(scan);
			mck_source_forget(&src);
			cleared = true;
			if (out_of_sight) {
				mck_zeroize(last, sizeof(last));
				have_last = false;
			}
		}
		if (ev->kind == MCK_SCAN_TEXT) {
			codes->len[0] = ev->len;
			memcpy(codes->text[0], ev->text, ev->len + 1);
			push_texts(c, codes, 1, ev->seq);
			mck_zeroize(codes->text[0], codes->len[0] + 1);
		} else {
			int n = mck_qrscan_frame(scan, ev->grey, ev->width, ev->height, codes);
			uint8_t now[MCK_SHA256_LEN];

			offer_preview(c, ev);
			/*
			 * The same codes held in front of the camera are one scan, not
			 * thirty; different ones are a new scan at once; the same ones
			 * back after a while out of sight are back (their result stays),
			 * and new again once their result has cleared.
			 */
			if (n > 0) {
				frame_digest(codes, (size_t)n, now);
				if (!have_last || memcmp(now, last, sizeof(now)) != 0) {
					push_texts(c, codes, (size_t)n, ev->seq);
					memcpy(last, now, sizeof(last));
					have_last = true;
					cleared = false;
				} else if (out_of_sight) {
					push_state(c, MCK_CAPTURE_BACK);
				}
				out_of_sight = false;
				seen_at = SDL_GetTicks();
				for (int i = 0; i < n; i++) { /* handed over, or seen before */
					mck_zeroize(codes->text[i], codes->len[i] + 1);
				}
				mck_zeroize(now, sizeof(now));
			} else if (have_last && !out_of_sight &&
				   SDL_GetTicks() - seen_at >= LEFT_AFTER_MS) {
				out_of_sight = true;
				push_state(c, MCK_CAPTURE_LEFT);
				if (cleared) { /* held past their result: new when shown again */
					mck_zeroize(last, sizeof(last));
					have_last = false;
				}
			} else if (have_last && SDL_GetTicks() - seen_at >= NEW_AFTER_MS) {
				/* gone long enough to be new, whatever the screen shows */
				mck_zeroize(last, sizeof(last));
				have_last = false;
			}
		}
		mck_source_release(&src, ev);
	}
	if (open) {
		mck_source_close(&src);
	}
	if (ev != NULL) {
		mck_zeroize(ev, sizeof(*ev));
	}
	if (codes != NULL) {
		mck_zeroize(codes, sizeof(*codes));
	}
	free(ev);
	free(codes);
	mck_qrscan_destroy(scan);
	return 0;
}

int mck_capture_start(struct mck_capture *c, const char *spec, const struct mck_settings *set,
		      bool once)
{
	memset(c, 0, sizeof(*c));
	c->spec = spec;
	c->once = once;
	c->cfg.interval_ms = 500;
	c->cfg.loop = once ? 0 : 1;
	c->cfg.width = set->camera_width;
	c->cfg.height = set->camera_height;
	c->cfg.focus_cm = set->camera_focus_cm;
	c->cpu_scale = set->cpu_scale;
	c->workers = (unsigned)set->scan_workers;
	c->lock = SDL_CreateMutex();
	c->scan_event = SDL_RegisterEvents(2);
	c->source_event = c->scan_event + 1;
	if (c->lock == NULL || c->scan_event == (Uint32)-1) {
		return -1;
	}
	c->thread = SDL_CreateThread(capture_main, "capture", c);
	return c->thread != NULL ? 0 : -1;
}

void mck_capture_forget(struct mck_capture *c)
{
	SDL_AtomicSet(&c->forget, 1);
}

void mck_capture_stop(struct mck_capture *c)
{
	SDL_Event ev;

	SDL_AtomicSet(&c->stop, 1);
	if (c->thread != NULL) {
		SDL_WaitThread(c->thread, NULL);
		c->thread = NULL;
	}
	while (c->scan_event != 0 &&
	       SDL_PeepEvents(&ev, 1, SDL_GETEVENT, c->scan_event, c->scan_event) == 1) {
		mck_capture_msg_free(ev.user.data1);
	}
	SDL_DestroyMutex(c->lock);
	c->lock = NULL;
}
