/*
 * The "gst" scan source with real GStreamer pipelines: frames in every format
 * a camera gives come out grey and de-padded (exact pixels through fdsrc and
 * rawvideoparse, odd widths whose rows GStreamer pads), a clip's end, every
 * kind of failure with its message for the status screen, sizes refused,
 * frames wiped once given back, and the board's focus set on an element that
 * takes libcamerasrc's AF controls (a probe element made here).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <gst/base/gstbasetransform.h>
#include <gst/gst.h>

#include "mck/source.h"

static struct mck_scan_event ev;
static const struct mck_source_cfg cfg0;

/* Next frame, waiting up to 5 s (a pipeline's first frame may take a while). */
static int next_frame(struct mck_source *s)
{
	int rc;
	int tries = 50;

	do {
		rc = mck_source_next(s, &ev, 100);
	} while (rc == -EAGAIN && --tries > 0);
	return rc;
}

static void test_registered(void **state)
{
	const struct mck_source_ops *ops = mck_source_find("gst");

	(void)state;
	assert_non_null(ops);
	assert_true((ops->caps & MCK_SOURCE_CAP_LIVE) != 0);
	assert_ptr_equal(mck_source_backend("gst:videotestsrc"), ops);
}

/* Each format a camera or a decoder gives: grey frames of the size asked for. */
static void test_formats(void **state)
{
	static const char *const formats[] = {"GRAY8", "I420", "NV12", "YUY2",
					      "RGB",   "BGRx", "UYVY", "GRAY16_LE"};
	char spec[256];

	(void)state;
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		struct mck_source s;

		/* white: every format's white is grey 255 or close to it */
		snprintf(spec, sizeof(spec),
			 "gst:videotestsrc pattern=white num-buffers=2 ! "
			 "video/x-raw,format=%s,width=322,height=242,framerate=30/1",
			 formats[i]);
		assert_int_equal(mck_source_open(&s, spec, &cfg0), 0);
		assert_int_equal(next_frame(&s), 0);
		assert_int_equal(ev.kind, MCK_SCAN_FRAME);
		assert_int_equal(ev.width, 322);
		assert_int_equal(ev.height, 242);
		for (size_t p = 0; p < (size_t)ev.width * ev.height; p += 97) {
			if (ev.grey[p] < 230) {
				fail_msg("%s: pixel %zu is %u, not white", formats[i], p,
					 ev.grey[p]);
			}
		}
		mck_source_release(&s, &ev);
		mck_source_close(&s);
	}
}

/*
 * Exact pixels, odd width: a picture written into a pipe, parsed as raw grey
 * 321 wide (GStreamer pads each row to 324) and the same bytes come out,
 * frame after frame, then the end of the stream.
 */
static void test_exact_pixels_odd_width(void **state)
{
	enum { W = 321, H = 17, N = 3 };
	static uint8_t pic[N][H][W];
	int fds[2];
	char spec[256];
	struct mck_source s;

	(void)state;
	for (int n = 0; n < N; n++) {
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				pic[n][y][x] = (uint8_t)(x * 7 + y * 13 + n * 29);
			}
		}
	}
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], pic, sizeof(pic)), (ssize_t)sizeof(pic));
	close(fds[1]);
	snprintf(spec, sizeof(spec),
		 "gst:fdsrc fd=%d ! rawvideoparse format=gray8 width=%d height=%d "
		 "framerate=100/1 plane-strides=<%d>",
		 fds[0], W, H, W);
	assert_int_equal(mck_source_open(&s, spec, &cfg0), 0);
	for (int n = 0; n < N; n++) {
		assert_int_equal(next_frame(&s), 0);
		assert_int_equal(ev.width, W);
		assert_int_equal(ev.height, H);
		assert_int_equal(ev.seq, (uint64_t)n);
		assert_memory_equal(ev.grey, pic[n], sizeof(pic[n]));
		mck_source_release(&s, &ev);
	}
	assert_int_equal(next_frame(&s), -ENODATA);
	assert_int_equal(next_frame(&s), -ENODATA); /* and stays at its end */
	mck_source_close(&s);
	close(fds[0]);
}

/* A clip's end: at most its frames (the sink keeps the newest), then -ENODATA. */
static void test_end_of_stream(void **state)
{
	struct mck_source s;
	int frames = 0;
	int rc;

	(void)state;
	assert_int_equal(mck_source_open(&s,
					 "gst:videotestsrc num-buffers=5 ! "
					 "video/x-raw,width=64,height=48,framerate=50/1",
					 &cfg0),
			 0);
	while ((rc = next_frame(&s)) == 0) {
		mck_source_release(&s, &ev);
		frames++;
	}
	assert_int_equal(rc, -ENODATA);
	assert_true(frames >= 1 && frames <= 5);
	mck_source_close(&s);
	mck_source_close(&s); /* twice is harmless */
}

static void expect_open_fails(const char *spec, int want, const char *said)
{
	struct mck_source s;

	assert_int_equal(mck_source_open(&s, spec, &cfg0), want);
	assert_null(s.ops);
	if (said != NULL && strstr(s.error, said) == NULL) {
		fail_msg("%s: error '%s' does not say '%s'", spec, s.error, said);
	}
	assert_int_equal(mck_source_next(&s, &ev, 10), -EBADF);
	mck_source_close(&s);
}

/* What an installer gets wrong and what a kiosk meets: each refused, each said. */
static void test_open_failures(void **state)
{
	char huge[2100 + 5];

	(void)state;
	expect_open_fails("gst:", -EINVAL, "camera pipeline");
	expect_open_fails("gst:mck-no-such-element", -EINVAL, "mck-no-such-element");
	expect_open_fails("gst:videotestsrc ! ! !", -EINVAL, "camera pipeline");
	/* our sink is ours: a pipeline naming it is refused */
	expect_open_fails("gst:videotestsrc ! appsink name=mck_sink", -EINVAL, NULL);
	/* a camera not there (unplugged), a file not there */
	expect_open_fails("gst:v4l2src device=/dev/mck-no-such-video", -ENODEV,
			  "mck-no-such-video");
	expect_open_fails("gst:filesrc location=/nonexistent/mck.avi ! decodebin", -ENODEV,
			  "camera pipeline");
	memcpy(huge, "gst:", 4);
	memset(huge + 4, 'a', sizeof(huge) - 5);
	huge[sizeof(huge) - 1] = '\0';
	expect_open_fails(huge, -EINVAL, NULL);
}

/* A stream that breaks after it started: next says so, with the pipeline's words. */
static void test_error_while_streaming(void **state)
{
	struct mck_source s;
	int rc;
	int frames = 0;

	(void)state;
	/* identity fails the stream at its third frame, as a camera unplugged does */
	assert_int_equal(mck_source_open(&s,
					 "gst:videotestsrc num-buffers=10 ! "
					 "video/x-raw,width=32,height=32,framerate=30/1 ! "
					 "identity error-after=3",
					 &cfg0),
			 0);
	while ((rc = next_frame(&s)) == 0) {
		mck_source_release(&s, &ev);
		frames++;
	}
	assert_int_equal(rc, -ENODEV);
	assert_true(frames >= 1 && frames <= 2);
	assert_non_null(strstr(s.error, "camera pipeline"));
	mck_source_close(&s);
}

/* A frame larger than any camera's is refused, not copied. */
static void test_frame_too_large(void **state)
{
	struct mck_source s;

	(void)state;
	assert_int_equal(
		mck_source_open(&s,
				"gst:videotestsrc num-buffers=1 ! "
				"video/x-raw,format=GRAY8,width=8200,height=8,framerate=1/1",
				&cfg0),
		0);
	assert_int_equal(next_frame(&s), -EFBIG);
	assert_non_null(strstr(s.error, "too large"));
	mck_source_close(&s);
}

/* A frame given back, or forgotten, is wiped where it was lent. */
static void test_wiped_after_use(void **state)
{
	struct mck_source s;
	const uint8_t *lent;
	size_t n;

	(void)state;
	assert_int_equal(mck_source_open(&s,
					 "gst:videotestsrc pattern=white num-buffers=3 ! "
					 "video/x-raw,width=40,height=30,framerate=30/1",
					 &cfg0),
			 0);
	assert_int_equal(next_frame(&s), 0);
	lent = ev.grey;
	n = (size_t)ev.width * ev.height;
	assert_true(lent[0] > 200);
	mck_source_release(&s, &ev);
	assert_null(ev.grey);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(lent[i], 0);
	}
	assert_int_equal(next_frame(&s), 0);
	lent = ev.grey;
	assert_true(lent[0] > 200);
	mck_source_forget(&s);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(lent[i], 0);
	}
	mck_source_release(&s, &ev);
	mck_source_close(&s);
}

/*
 * A pass-through element with libcamerasrc's focus controls (upstream
 * libcamera's names: af-mode, lens-position in dioptres): what the driver
 * set on it is kept here.
 */
enum { PROBE_AF_MANUAL, PROBE_AF_AUTO, PROBE_AF_CONTINUOUS };
static int probe_af = -1;
static float probe_lens = -1;

typedef struct {
	GstBaseTransform parent;
} McKFocusProbe;
typedef struct {
	GstBaseTransformClass parent_class;
} McKFocusProbeClass;

static GType probe_af_type(void)
{
	static const GEnumValue values[] = {
		{PROBE_AF_MANUAL, "AfModeManual", "manual"},
		{PROBE_AF_AUTO, "AfModeAuto", "auto"},
		{PROBE_AF_CONTINUOUS, "AfModeContinuous", "continuous"},
		{0, NULL, NULL},
	};
	static GType type;

	if (type == 0) {
		type = g_enum_register_static("McKProbeAfMode", values);
	}
	return type;
}

static void probe_set(GObject *o, guint id, const GValue *v, GParamSpec *ps)
{
	(void)o;
	(void)ps;
	if (id == 1) {
		probe_af = g_value_get_enum(v);
	} else if (id == 2) {
		probe_lens = g_value_get_float(v);
	}
}

static void probe_get(GObject *o, guint id, GValue *v, GParamSpec *ps)
{
	(void)o;
	(void)ps;
	if (id == 1) {
		g_value_set_enum(v, probe_af);
	} else if (id == 2) {
		g_value_set_float(v, probe_lens);
	}
}

static GstStaticPadTemplate probe_sink =
	GST_STATIC_PAD_TEMPLATE("sink", GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS_ANY);
static GstStaticPadTemplate probe_src =
	GST_STATIC_PAD_TEMPLATE("src", GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS_ANY);

static void mck_focus_probe_class_init(gpointer klass, gpointer data)
{
	GObjectClass *oc = G_OBJECT_CLASS(klass);
	GstElementClass *ec = GST_ELEMENT_CLASS(klass);

	oc->set_property = probe_set;
	oc->get_property = probe_get;
	g_object_class_install_property(oc, 1,
					g_param_spec_enum("af-mode", "AF mode", "AF mode",
							  probe_af_type(), PROBE_AF_AUTO,
							  G_PARAM_READWRITE));
	g_object_class_install_property(oc, 2,
					g_param_spec_float("lens-position", "Lens", "Dioptres", 0,
							   15, 1, G_PARAM_READWRITE));
	gst_element_class_add_static_pad_template(ec, &probe_sink);
	gst_element_class_add_static_pad_template(ec, &probe_src);
	gst_element_class_set_static_metadata(ec, "focus probe", "Filter", "test", "mck");
	GST_BASE_TRANSFORM_CLASS(klass)->passthrough_on_same_caps = TRUE;
	(void)data;
}

static GType mck_focus_probe_get_type(void)
{
	static GType type;

	if (type == 0) {
		type = g_type_register_static_simple(
			GST_TYPE_BASE_TRANSFORM, "McKFocusProbe", sizeof(McKFocusProbeClass),
			mck_focus_probe_class_init, sizeof(McKFocusProbe), NULL, 0);
	}
	return type;
}

static void open_focused(int focus_cm, const char *spec)
{
	struct mck_source s;
	struct mck_source_cfg cfg = {.focus_cm = focus_cm};

	assert_int_equal(mck_source_open(&s, spec, &cfg), 0);
	assert_int_equal(next_frame(&s), 0);
	mck_source_release(&s, &ev);
	mck_source_close(&s);
}

static void test_focus(void **state)
{
	static const char probed[] = "gst:videotestsrc num-buffers=2 ! mckfocusprobe ! "
				     "video/x-raw,width=32,height=24,framerate=30/1";

	(void)state;
	assert_true(gst_element_register(NULL, "mckfocusprobe", GST_RANK_NONE,
					 mck_focus_probe_get_type()));
	/* the camera's own: nothing set */
	open_focused(0, probed);
	assert_int_equal(probe_af, -1);
	/* continuous autofocus, as a Camera Module 3 is asked */
	open_focused(MCK_SOURCE_FOCUS_CONTINUOUS, probed);
	assert_int_equal(probe_af, PROBE_AF_CONTINUOUS);
	/* fixed for a code 25 cm away: manual, 4 dioptres */
	open_focused(25, probed);
	assert_int_equal(probe_af, PROBE_AF_MANUAL);
	assert_true(probe_lens > 3.99f && probe_lens < 4.01f);
	/* closer than the lens goes: its nearest */
	open_focused(5, probed);
	assert_true(probe_lens > 14.99f && probe_lens <= 15.0f);
	/* a camera without focus controls keeps its own and still opens */
	open_focused(25, "gst:videotestsrc num-buffers=2 ! "
			 "video/x-raw,width=32,height=24,framerate=30/1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registered),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_exact_pixels_odd_width),
		cmocka_unit_test(test_end_of_stream),
		cmocka_unit_test(test_open_failures),
		cmocka_unit_test(test_error_while_streaming),
		cmocka_unit_test(test_frame_too_large),
		cmocka_unit_test(test_wiped_after_use),
		cmocka_unit_test(test_focus),
	};

	gst_init(NULL, NULL); /* the probe element is registered with this process's GStreamer */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
