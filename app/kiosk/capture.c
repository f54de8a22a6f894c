/* The capture thread; see capture.h. */
#define _POSIX_C_SOURCE 200809L

#include "capture.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present.h"

void mck_capture_msg_free(struct mck_capture_msg *m)
{
	for (size_t i = 0; i < m->count; i++) {
		memset(m->text[i], 0, m->len[i]);
		free(m->text[i]);
	}
	free(m);
}

static void push_texts(struct mck_capture *c, const struct mck_qrscan_result *codes, size_t count)
{
	struct mck_capture_msg *m = calloc(1, sizeof(*m));
	SDL_Event ev;

	if (m == NULL) {
		return;
	}
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
	char last[64] = "";
	bool open = false;
	bool told_gone = false;

	if (scan != NULL && backend != NULL && (backend->caps & MCK_SOURCE_CAP_LIVE) != 0) {
		/* A camera: the next frame is coming, a hard one must not hold it up.
		 * Replayed files are paced by the source and get every step. */
		mck_qrscan_set_budget(scan, MCK_QRSCAN_BUDGET_MS);
	}
	while (SDL_AtomicGet(&c->stop) == 0 && scan != NULL && codes != NULL && ev != NULL) {
		int rc;

		if (!open) {
			if (mck_source_open(&src, c->spec, &c->cfg) != 0) {
				if (!told_gone) {
					push_state(c, MCK_CAPTURE_GONE);
					told_gone = true;
				}
				SDL_Delay(1000); /* unplugged: try again */
				continue;
			}
			open = true;
			told_gone = false;
			push_state(c, MCK_CAPTURE_OPEN);
		}
		rc = mck_source_next(&src, ev, 100);
		if (rc == -EAGAIN) {
			continue;
		}
		if (rc != 0) {
			mck_source_close(&src);
			open = false;
			continue;
		}
		if (ev->kind == MCK_SCAN_TEXT) {
			codes->len[0] = ev->len;
			memcpy(codes->text[0], ev->text, ev->len + 1);
			push_texts(c, codes, 1);
		} else {
			int n = mck_qrscan_frame(scan, ev->grey, ev->width, ev->height, codes);

			offer_preview(c, ev);
			/* The same code in front of the camera is one scan, not thirty. */
			if (n > 0 && strncmp(last, codes->text[0], sizeof(last) - 1) != 0) {
				snprintf(last, sizeof(last), "%.63s", codes->text[0]);
				push_texts(c, codes, (size_t)n);
			} else if (n == 0) {
				last[0] = '\0';
			}
		}
		mck_source_release(&src, ev);
	}
	if (open) {
		mck_source_close(&src);
	}
	free(ev);
	free(codes);
	mck_qrscan_destroy(scan);
	return 0;
}

int mck_capture_start(struct mck_capture *c, const char *spec, const struct mck_settings *set)
{
	memset(c, 0, sizeof(*c));
	c->spec = spec;
	c->cfg.interval_ms = 500;
	c->cfg.loop = 1;
	c->cfg.width = set->camera_width;
	c->cfg.height = set->camera_height;
	c->lock = SDL_CreateMutex();
	c->scan_event = SDL_RegisterEvents(2);
	c->source_event = c->scan_event + 1;
	if (c->lock == NULL || c->scan_event == (Uint32)-1) {
		return -1;
	}
	c->thread = SDL_CreateThread(capture_main, "capture", c);
	return c->thread != NULL ? 0 : -1;
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
