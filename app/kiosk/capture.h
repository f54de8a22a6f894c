/*
 * The capture thread: reads the scan source, decodes QR codes in camera
 * frames, and hands the UI thread what it found as SDL events (scans, the
 * source's state, a small live picture). It knows nothing of credentials.
 */
#ifndef MCK_KIOSK_CAPTURE_H
#define MCK_KIOSK_CAPTURE_H

#include <SDL.h>
#include <stdbool.h>

#include "mck/qrscan.h"
#include "mck/source.h"
#include "mck/view.h"
#include "settings.h"

/* A scan event's payload (user.data1): the codes of one frame or one scanner read. */
struct mck_capture_msg {
	uint64_t frame; /* the frame's number in the source's stream (--trace-screens) */
	size_t count;
	size_t len[MCK_QRSCAN_MAX_CODES];
	char *text[MCK_QRSCAN_MAX_CODES];
};

/* The source event's user.code. */
enum mck_capture_state {
	MCK_CAPTURE_GONE = 0,    /* the source could not be opened or went away */
	MCK_CAPTURE_OPEN = 1,    /* the source is open */
	MCK_CAPTURE_PREVIEW = 2, /* a live picture is waiting: mck_capture_take_preview */
	MCK_CAPTURE_LEFT = 3,    /* the codes last scanned have left the camera's view */
	MCK_CAPTURE_END = 4,     /* a clip played once has ended (mck_capture_start's once) */
	MCK_CAPTURE_BACK = 5,    /* the codes that had left are back in view, the same */
};

struct mck_capture {
	const char *spec; /* "v4l2:/dev/video0", "replay:DIR", "hid:DEV" */
	struct mck_source_cfg cfg;
	double cpu_scale;    /* the camera's scan budget as on this board (scan.cpu_scale) */
	unsigned workers;    /* threads decoding a frame's steps (scan.workers) */
	bool once;           /* a source's end stops the capture (a clip played once) */
	Uint32 scan_event;   /* user.data1: struct mck_capture_msg, the receiver frees it */
	Uint32 source_event; /* user.code: enum mck_capture_state */
	SDL_Thread *thread;
	SDL_atomic_t stop;
	SDL_atomic_t forget; /* set by the UI thread: wipe what the scanner and source keep */
	/* The camera's live picture: the capture thread writes, the UI thread copies. */
	SDL_mutex *lock;
	SDL_atomic_t pending;
	char why[MCK_SOURCE_ERROR_MAX]; /* why the source is gone, as it said ("": not said) */
	int preview_w;
	int preview_h;
	uint8_t preview[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];
};

/**
 * Start reading @p spec (camera size, CPU scale and scan workers from @p set);
 * registers the two event types. With @p once, the end of the source (a clip)
 * is MCK_CAPTURE_END and reading stops; else a source that ends is opened
 * again. 0 or -1.
 */
int mck_capture_start(struct mck_capture *c, const char *spec, const struct mck_settings *set,
		      bool once);
/** Why the source is gone, as the source said it ("" if it did not), into @p out. */
void mck_capture_why(struct mck_capture *c, char *out, size_t cap);
/** Stop the thread; scans still queued are wiped and freed, never read. */
void mck_capture_stop(struct mck_capture *c);
/** A result cleared: the capture thread wipes what its scanner and source keep, before the next frame. */
void mck_capture_forget(struct mck_capture *c);
/** Copy the pending live picture into @p out (MCK_VIEW_PREVIEW_W x _H bytes). */
void mck_capture_take_preview(struct mck_capture *c, uint8_t *out, int *w, int *h);
/** Wipe and free a scan event's payload. */
void mck_capture_msg_free(struct mck_capture_msg *m);

#endif
