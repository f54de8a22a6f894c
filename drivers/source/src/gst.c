/*
 * "gst": a camera (or a clip) through a GStreamer pipeline. ARG is the
 * pipeline up to its sink, in gst-launch syntax: on a Pi with a CSI camera
 * "libcamerasrc ! video/x-raw,width=1280,height=720", a USB camera
 * "v4l2src device=/dev/video0", a clip "filesrc location=c.avi ! decodebin".
 * The driver appends its own "videoconvert ! GRAY8 ! appsink": whatever the
 * camera gives, the scanner gets 8-bit grey frames.
 *
 * The sink keeps one frame, the newest (a slow scan drops frames, as from a
 * camera), and plays a clip at its own pace (sync), so a file behaves as a
 * camera would. A pipeline error (a camera unplugged, a missing plugin, a
 * broken file) is -ENODEV with the pipeline's own message in the source's
 * error, and the application opens the source again later; the end of a clip
 * is -ENODATA.
 *
 * A frame is the picture of a learner's code: the de-padded copy lent out is
 * wiped when released; the pipeline's own buffers are refilled by the next
 * frames and freed when the source closes (as the V4L2 driver's are), and
 * the sink keeps no last sample. (They cannot be wiped from here: appsink
 * keeps a reference to the last one it gave, so it is never ours to write.)
 */
#define _DEFAULT_SOURCE /* explicit_bzero */

#include <errno.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/source.h"

#define GST_ARG_MAX     2048 /* the pipeline text a configuration gives */
#define GST_MAX_SIDE    8192
#define GST_MAX_PIXELS  (4096u * 3072u)
#define GST_START_NS    (5 * GST_SECOND) /* a camera's (or a file's) first frames */
#define GST_SINK_NAME   "mck_sink"
#define GST_SINK_SUFFIX " ! videoconvert ! video/x-raw,format=GRAY8 ! appsink name=" GST_SINK_NAME

struct gsrc {
	GstElement *pipeline;
	GstAppSink *sink;
	GstBus *bus;
	uint8_t *grey; /* width * height, de-padded: what is lent out */
	uint32_t width;
	uint32_t height;
	uint64_t frames; /* frames taken since open */
	bool ended;
	char *error; /* what the pipeline said, for the status screen */
};

static pthread_once_t gst_once = PTHREAD_ONCE_INIT;
static bool gst_ready;

static void gst_start_once(void)
{
	GError *err = NULL;

	gst_ready = gst_init_check(NULL, NULL, &err) == TRUE;
	if (err != NULL) {
		g_error_free(err);
	}
}

/* Keep the pipeline's message (a plugin name, a device path: nothing of a learner). */
static void gsrc_set_error(struct mck_source *s, const char *what, const char *detail)
{
	snprintf(s->error, sizeof(s->error), "%s%s%s", what, detail != NULL ? ": " : "",
		 detail != NULL ? detail : "");
}

/*
 * -ENODEV if the pipeline has posted an error (kept in the source's error),
 * else 0. Other messages are popped and dropped: nothing piles up. The end of
 * a clip is the sink's to tell, once its last frame is taken.
 */
static int gsrc_failed(struct mck_source *s, struct gsrc *g)
{
	GstMessage *msg = gst_bus_pop_filtered(g->bus, GST_MESSAGE_ERROR);
	GError *err = NULL;
	char what[64] = "camera pipeline";

	if (msg == NULL) {
		return 0;
	}
	/* which element said it: "v4l2src", "libcamerasrc", "filesrc" */
	if (GST_MESSAGE_SRC(msg) != NULL && GST_IS_ELEMENT(GST_MESSAGE_SRC(msg)) &&
	    gst_element_get_factory(GST_ELEMENT(GST_MESSAGE_SRC(msg))) != NULL) {
		snprintf(what, sizeof(what), "camera pipeline: %s",
			 gst_plugin_feature_get_name(
				 gst_element_get_factory(GST_ELEMENT(GST_MESSAGE_SRC(msg)))));
	}
	gst_message_parse_error(msg, &err, NULL);
	gsrc_set_error(s, what, err != NULL ? err->message : NULL);
	if (err != NULL) {
		g_error_free(err);
	}
	gst_message_unref(msg);
	return -ENODEV;
}

static void gsrc_wipe(struct gsrc *g)
{
	if (g->grey != NULL) {
		explicit_bzero(g->grey, (size_t)g->width * g->height);
	}
}

static void gst_close(struct mck_source *s)
{
	struct gsrc *g = s->priv;

	if (g == NULL) {
		return;
	}
	if (g->pipeline != NULL) {
		(void)gst_element_set_state(g->pipeline, GST_STATE_NULL);
	}
	if (g->bus != NULL) {
		gst_object_unref(g->bus);
	}
	if (g->sink != NULL) {
		gst_object_unref(g->sink);
	}
	if (g->pipeline != NULL) {
		gst_object_unref(g->pipeline);
	}
	gsrc_wipe(g);
	free(g->grey);
	free(g);
	s->priv = NULL;
}

/* The user's part must be a pipeline's beginning: no sink of ours in it. */
static bool gst_arg_ok(const char *arg)
{
	size_t n = strnlen(arg, GST_ARG_MAX + 1);

	return n > 0 && n <= GST_ARG_MAX && strstr(arg, GST_SINK_NAME) == NULL;
}

/* Set @p prop, an enum, to the value called @p nick (or @p name), if @p o has it. */
static bool set_enum(GObject *o, const char *prop, const char *nick, const char *name)
{
	GParamSpec *ps = g_object_class_find_property(G_OBJECT_GET_CLASS(o), prop);
	GEnumValue *v;

	if (ps == NULL || !G_IS_PARAM_SPEC_ENUM(ps) || (ps->flags & G_PARAM_WRITABLE) == 0) {
		return false;
	}
	v = g_enum_get_value_by_nick(G_PARAM_SPEC_ENUM(ps)->enum_class, nick);
	if (v == NULL) {
		v = g_enum_get_value_by_name(G_PARAM_SPEC_ENUM(ps)->enum_class, name);
	}
	if (v == NULL) {
		return false;
	}
	g_object_set(o, prop, v->value, NULL);
	return true;
}

/* Set @p prop, a float or double, to @p value within its range, if @p o has it. */
static bool set_real(GObject *o, const char *prop, double value)
{
	GParamSpec *ps = g_object_class_find_property(G_OBJECT_GET_CLASS(o), prop);

	if (ps == NULL || (ps->flags & G_PARAM_WRITABLE) == 0) {
		return false;
	}
	if (G_IS_PARAM_SPEC_FLOAT(ps)) {
		GParamSpecFloat *f = G_PARAM_SPEC_FLOAT(ps);

		g_object_set(o, prop, (gfloat)CLAMP(value, f->minimum, f->maximum), NULL);
		return true;
	}
	if (G_IS_PARAM_SPEC_DOUBLE(ps)) {
		GParamSpecDouble *d = G_PARAM_SPEC_DOUBLE(ps);

		g_object_set(o, prop, CLAMP(value, d->minimum, d->maximum), NULL);
		return true;
	}
	return false;
}

/*
 * The board's focus on every element that takes it: libcamera's AF controls
 * as libcamerasrc offers them (upstream 0.5+: "af-mode", "lens-position" in
 * dioptres; Raspberry Pi's builds: "auto-focus-mode"). A camera that has no
 * such control keeps its own focus: true if one took it.
 */
static bool gsrc_focus(GstElement *pipeline, int focus_cm)
{
	GstIterator *it = gst_bin_iterate_recurse(GST_BIN(pipeline));
	GValue item = G_VALUE_INIT;
	bool done = false;
	bool set = false;

	while (!done) {
		switch (gst_iterator_next(it, &item)) {
		case GST_ITERATOR_OK: {
			GObject *o = g_value_get_object(&item);

			if (focus_cm == MCK_SOURCE_FOCUS_CONTINUOUS) {
				set = set_enum(o, "af-mode", "continuous", "AfModeContinuous") ||
				      set_enum(o, "auto-focus-mode", "continuous",
					       "AfModeContinuous") ||
				      set;
			} else if (g_object_class_find_property(G_OBJECT_GET_CLASS(o),
								"lens-position") != NULL &&
				   (set_enum(o, "af-mode", "manual", "AfModeManual") ||
				    set_enum(o, "auto-focus-mode", "manual", "AfModeManual")) &&
				   set_real(o, "lens-position", 100.0 / focus_cm)) {
				set = true; /* dioptres: 1 / metres */
			}
			g_value_reset(&item);
			break;
		}
		case GST_ITERATOR_RESYNC:
			gst_iterator_resync(it);
			break;
		default:
			done = true;
			break;
		}
	}
	g_value_unset(&item);
	gst_iterator_free(it);
	return set;
}

static int gst_open(struct mck_source *s, const struct mck_source_cfg *cfg)
{
	struct gsrc *g;
	GError *err = NULL;
	GstElement *sink;
	GstStateChangeReturn ret;
	char *text;
	int rc;

	s->priv = NULL;
	if (!gst_arg_ok(cfg->arg)) {
		gsrc_set_error(s, "camera pipeline", "empty, too long or naming our sink");
		return -EINVAL;
	}
	if (pthread_once(&gst_once, gst_start_once) != 0 || !gst_ready) {
		gsrc_set_error(s, "GStreamer", "cannot start");
		return -ENOSYS;
	}
	g = calloc(1, sizeof(*g));
	text = g_strconcat(cfg->arg, GST_SINK_SUFFIX, NULL);
	if (g == NULL || text == NULL) {
		free(g);
		g_free(text);
		return -ENOMEM;
	}
	s->priv = g;
	g->pipeline = gst_parse_launch_full(text, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &err);
	g_free(text);
	if (g->pipeline == NULL || err != NULL) {
		/* a typo or a plugin not installed: the configuration is wrong */
		gsrc_set_error(s, "camera pipeline", err != NULL ? err->message : NULL);
		if (err != NULL) {
			g_error_free(err);
		}
		gst_close(s);
		return -EINVAL;
	}
	sink = gst_bin_get_by_name(GST_BIN(g->pipeline), GST_SINK_NAME);
	if (sink == NULL || !GST_IS_APP_SINK(sink)) {
		if (sink != NULL) {
			gst_object_unref(sink);
		}
		gsrc_set_error(s, "camera pipeline", "no frame sink");
		gst_close(s);
		return -EINVAL;
	}
	g->sink = GST_APP_SINK(sink);
	/* the newest frame only, at the clip's pace, nothing kept after it is taken */
	gst_app_sink_set_max_buffers(g->sink, 1);
	gst_app_sink_set_drop(g->sink, TRUE);
	g_object_set(sink, "sync", TRUE, "enable-last-sample", FALSE, NULL);
	if (cfg->focus_cm != 0 && !gsrc_focus(g->pipeline, cfg->focus_cm)) {
		/* the camera's own focus then: said once per open, for the journal */
		fprintf(stderr, "gst source: no element of the pipeline takes a focus setting\n");
	}
	g->bus = gst_element_get_bus(g->pipeline);
	ret = gst_element_set_state(g->pipeline, GST_STATE_PLAYING);
	if (ret == GST_STATE_CHANGE_ASYNC) {
		ret = gst_element_get_state(g->pipeline, NULL, NULL, GST_START_NS);
	}
	rc = gsrc_failed(s, g);
	if (ret == GST_STATE_CHANGE_FAILURE || rc != 0) {
		/* no camera there (unplugged), or a file that cannot be read */
		if (rc == 0) {
			gsrc_set_error(s, "camera pipeline", "would not start");
		}
		gst_close(s);
		return -ENODEV;
	}
	s->error[0] = '\0';
	return 0;
}

/*
 * Copy the sample's grey plane, without its row padding, into g->grey; its
 * number in the stream from its time and the frame rate (a clip's frame
 * number, frames dropped by a slow scan counted), else the count taken.
 */
static int gsrc_take(struct gsrc *g, GstSample *sample, uint64_t *seq)
{
	GstVideoInfo info;
	GstVideoFrame frame;
	GstBuffer *buf = gst_sample_get_buffer(sample);
	GstCaps *caps = gst_sample_get_caps(sample);
	uint32_t w, h;
	const uint8_t *plane;
	size_t stride;

	if (buf == NULL || caps == NULL || !gst_video_info_from_caps(&info, caps) ||
	    GST_VIDEO_INFO_FORMAT(&info) != GST_VIDEO_FORMAT_GRAY8) {
		return -EPROTO;
	}
	if (GST_VIDEO_INFO_WIDTH(&info) <= 0 || GST_VIDEO_INFO_HEIGHT(&info) <= 0 ||
	    GST_VIDEO_INFO_WIDTH(&info) > GST_MAX_SIDE ||
	    GST_VIDEO_INFO_HEIGHT(&info) > GST_MAX_SIDE) {
		return -EFBIG;
	}
	w = (uint32_t)GST_VIDEO_INFO_WIDTH(&info);
	h = (uint32_t)GST_VIDEO_INFO_HEIGHT(&info);
	if ((uint64_t)w * h > GST_MAX_PIXELS) {
		return -EFBIG;
	}
	if (g->grey == NULL || w != g->width || h != g->height) {
		uint8_t *grey = malloc((size_t)w * h);

		if (grey == NULL) {
			return -ENOMEM;
		}
		gsrc_wipe(g);
		free(g->grey);
		g->grey = grey;
		g->width = w;
		g->height = h;
	}
	if (!gst_video_frame_map(&frame, &info, buf, GST_MAP_READ)) {
		return -EPROTO;
	}
	plane = GST_VIDEO_FRAME_PLANE_DATA(&frame, 0);
	stride = (size_t)GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 0);
	if (stride < w) {
		gst_video_frame_unmap(&frame);
		return -EPROTO;
	}
	for (uint32_t y = 0; y < h; y++) {
		memcpy(g->grey + (size_t)y * w, plane + (size_t)y * stride, w);
	}
	gst_video_frame_unmap(&frame);
	*seq = g->frames;
	if (GST_BUFFER_PTS_IS_VALID(buf) && GST_VIDEO_INFO_FPS_N(&info) > 0 &&
	    GST_VIDEO_INFO_FPS_D(&info) > 0) {
		*seq = gst_util_uint64_scale_round(
			GST_BUFFER_PTS(buf), (guint64)GST_VIDEO_INFO_FPS_N(&info),
			(guint64)GST_VIDEO_INFO_FPS_D(&info) * GST_SECOND);
	}
	g->frames++;
	return 0;
}

static int gst_next(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms)
{
	struct gsrc *g = s->priv;
	GstSample *sample;
	uint64_t seq = 0;
	int rc;

	gsrc_wipe(g); /* the frame lent before, if not released */
	if (g->ended) {
		return -ENODATA;
	}
	rc = gsrc_failed(s, g);
	if (rc != 0) {
		return rc;
	}
	sample = gst_app_sink_try_pull_sample(
		g->sink, (GstClockTime)(timeout_ms > 0 ? timeout_ms : 0) * GST_MSECOND);
	if (sample == NULL) {
		/* a stream that fails ends too: its error first (posted before the end) */
		rc = gsrc_failed(s, g);
		if (rc != 0) {
			return rc;
		}
		if (gst_app_sink_is_eos(g->sink)) {
			g->ended = true;
			return -ENODATA;
		}
		return -EAGAIN;
	}
	rc = gsrc_take(g, sample, &seq);
	gst_sample_unref(sample);
	if (rc != 0) {
		gsrc_set_error(s, "camera pipeline",
			       rc == -EFBIG ? "frames too large" : "bad frame");
		return rc;
	}
	memset(ev, 0, offsetof(struct mck_scan_event, text));
	ev->kind = MCK_SCAN_FRAME;
	ev->grey = g->grey;
	ev->width = g->width;
	ev->height = g->height;
	ev->seq = seq;
	ev->len = 0;
	return 0;
}

static void gst_release(struct mck_source *s, struct mck_scan_event *ev)
{
	struct gsrc *g = s->priv;

	if (g != NULL && ev->grey == g->grey) {
		gsrc_wipe(g);
	}
}

static void gst_forget(struct mck_source *s)
{
	struct gsrc *g = s->priv;

	if (g != NULL) {
		gsrc_wipe(g);
	}
}

const struct mck_source_ops mck__source_gst = {
	.name = "gst",
	.caps = MCK_SOURCE_CAP_LIVE,
	.open = gst_open,
	.next = gst_next,
	.release = gst_release,
	.close = gst_close,
	.forget = gst_forget,
};
