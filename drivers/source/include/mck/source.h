/*
 * Scan sources: where QR codes come from. One const ops table per backend, one
 * file per backend, looked up by name (curl's vtls, Zephyr's video drivers).
 * Cameras and file replay give 8-bit grey frames for the QR decoder; a HID
 * barcode scanner gives decoded text directly. Sources know nothing about
 * credentials or the screen.
 */
#ifndef MCK_SOURCE_H
#define MCK_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#define MCK_SOURCE_TEXT_MAX  8192
#define MCK_SOURCE_ERROR_MAX 160

enum mck_scan_kind {
	MCK_SCAN_FRAME = 1, /* grey pixels in frame */
	MCK_SCAN_TEXT,      /* decoded text in text/len (scanner) */
};

/*
 * What a source hands over is the learner's credential: the text of a code,
 * or the picture of one. Nothing of it outlives its use (issue 14): release
 * wipes what the event holds and what the backend lent it, close wipes all
 * the backend kept, and forget wipes what it keeps between events.
 */
struct mck_scan_event {
	enum mck_scan_kind kind;
	/* MCK_SCAN_FRAME: borrowed until release (or the next call to next) */
	const uint8_t *grey;
	uint32_t width;
	uint32_t height;
	uint64_t seq; /* the frame's number in its stream (gst: a clip's frame number), else 0 */
	/* MCK_SCAN_TEXT */
	char text[MCK_SOURCE_TEXT_MAX + 1];
	size_t len;
};

struct mck_source_cfg {
	const char *arg; /* backend argument: device path, file or directory */
	uint32_t width;  /* camera resolution wished for (0: backend default) */
	uint32_t height;
	uint32_t interval_ms; /* replay: pause between frames (0: as fast as asked) */
	int loop;             /* replay: start again after the last file */
	/* gst: the camera's focus, where its source lets it be set (libcamerasrc's
	 * AF controls): 0 the camera's own, MCK_SOURCE_FOCUS_CONTINUOUS, or a
	 * fixed lens position for a code this many cm away */
	int focus_cm;
};

#define MCK_SOURCE_FOCUS_CONTINUOUS (-1)

struct mck_source;

/* What a backend is, so callers ask instead of matching names. */
enum mck_source_caps {
	MCK_SOURCE_CAP_LIVE = 1u << 0,    /* a camera: frames keep coming, a slow scan drops some */
	MCK_SOURCE_CAP_SCANNER = 1u << 1, /* a barcode scanner: decoded text, no picture */
};

struct mck_source_ops {
	const char *name;
	unsigned caps; /* enum mck_source_caps */
	int (*open)(struct mck_source *s, const struct mck_source_cfg *cfg);
	/* 0 and an event, -EAGAIN nothing within timeout_ms, -ENODEV gone (replug),
	 * -ENODATA the end of a clip or of the files (open again to start over), -errno */
	int (*next)(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms);
	/* optional; wipes what it lent (a frame), as next does for the one before */
	void (*release)(struct mck_source *s, struct mck_scan_event *ev);
	void (*close)(struct mck_source *s); /* wipes all it kept */
	/* optional: wipe what is kept between events; input in progress stays */
	void (*forget)(struct mck_source *s);
};

struct mck_source {
	const struct mck_source_ops *ops;
	void *priv; /* the backend's state */
	/* Why the last open or next failed, for the status screen ("" if not
	 * said): a plugin, a device, never anything of a learner. */
	char error[MCK_SOURCE_ERROR_MAX];
};

/** The backend called @p name ("replay", "v4l2", "hid", "gst"), or NULL. */
const struct mck_source_ops *mck_source_find(const char *name);
/** The backend a spec "NAME:ARG" names, or NULL (no colon, unknown name). */
const struct mck_source_ops *mck_source_backend(const char *spec);

/**
 * Open a source from a spec "NAME:ARG" ("replay:/path/dir", "v4l2:/dev/video0",
 * "hid:/dev/input/event3", "gst:libcamerasrc"); @p cfg's arg is taken from the
 * spec. Returns 0 or -errno (-ENOENT unknown backend); s->error may say why.
 */
int mck_source_open(struct mck_source *s, const char *spec, const struct mck_source_cfg *cfg);
int mck_source_next(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms);
/**
 * Give back what @p ev lent (a frame's pixels, wiped) and wipe the event's
 * text: call it once the event's content is used or copied. A closed source
 * still wipes the event.
 */
void mck_source_release(struct mck_source *s, struct mck_scan_event *ev);
/**
 * Wipe what the source keeps of earlier events (a camera's converted frame, a
 * scanner's key buffer); a code being typed or a frame being captured stays.
 * For when a result clears: no learner data outlives it. Accepts a closed
 * source.
 */
void mck_source_forget(struct mck_source *s);
void mck_source_close(struct mck_source *s); /* accepts a closed source; wipes what it kept */

#endif
