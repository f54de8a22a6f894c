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

#define MCK_SOURCE_TEXT_MAX 8192

enum mck_scan_kind {
	MCK_SCAN_FRAME = 1, /* grey pixels in frame */
	MCK_SCAN_TEXT,      /* decoded text in text/len (scanner) */
};

struct mck_scan_event {
	enum mck_scan_kind kind;
	/* MCK_SCAN_FRAME: borrowed until release (or the next call to next) */
	const uint8_t *grey;
	uint32_t width;
	uint32_t height;
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
};

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
	/* 0 and an event, -EAGAIN nothing within timeout_ms, -ENODEV gone (replug), -errno */
	int (*next)(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms);
	void (*release)(struct mck_source *s, struct mck_scan_event *ev); /* optional */
	void (*close)(struct mck_source *s);
};

struct mck_source {
	const struct mck_source_ops *ops;
	void *priv; /* the backend's state */
};

/** The backend called @p name ("replay", "v4l2", "hid"), or NULL. */
const struct mck_source_ops *mck_source_find(const char *name);
/** The backend a spec "NAME:ARG" names, or NULL (no colon, unknown name). */
const struct mck_source_ops *mck_source_backend(const char *spec);

/**
 * Open a source from a spec "NAME:ARG" ("replay:/path/dir", "v4l2:/dev/video0",
 * "hid:/dev/input/event3"); @p cfg's arg is taken from the spec. Returns 0 or
 * -errno (-ENOENT unknown backend).
 */
int mck_source_open(struct mck_source *s, const char *spec, const struct mck_source_cfg *cfg);
int mck_source_next(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms);
void mck_source_release(struct mck_source *s, struct mck_scan_event *ev);
void mck_source_close(struct mck_source *s); /* accepts a closed source */

#endif
