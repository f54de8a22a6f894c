/*
 * "v4l2": a camera through Video4Linux2 with mmap streaming. GREY is taken as
 * it comes; YUYV (what most USB cameras give) is reduced to its Y channel.
 * ARG is the device path. An unplugged camera makes every call return -ENODEV
 * and the application opens the source again later.
 *
 * A frame is the picture of a learner's code. The converted copy is wiped
 * when it is released; the driver's buffers are mapped read-only and are
 * filled again by the next frames (the camera never stops while open), and
 * closing hands them back to the kernel.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* explicit_bzero */

#include <errno.h>
#include <fcntl.h>
#include <sys/time.h>
#include <time.h>
/* after time.h: it uses struct timespec without including it */
#include <linux/videodev2.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mck/source.h"

#define V4L2_BUFFERS        4
#define V4L2_DEFAULT_WIDTH  1280
#define V4L2_DEFAULT_HEIGHT 720
#define V4L2_MAX_SIDE       8192
#define V4L2_MAX_PIXELS     (4096u * 3072u)

struct v4l2_map {
	void *start;
	size_t length;
};

struct cam {
	int fd;
	bool streaming;
	bool gone;
	uint32_t pixfmt;
	uint32_t width;
	uint32_t height;
	uint32_t bpl; /* bytes per line as the driver set it */
	int held;     /* buffer index dequeued and lent out, or -1 */
	bool lent;    /* grey is lent out */
	size_t nbufs;
	struct v4l2_map map[V4L2_BUFFERS];
	uint8_t *grey; /* width * height: converted or de-padded frame */
};

/* ENODEV and EIO are what an unplugged USB camera gives. */
static int cam_errno(int err)
{
	return err == ENODEV || err == EIO ? -ENODEV : -err;
}

static int xioctl(int fd, unsigned long req, void *arg)
{
	int rc;

	do {
		rc = ioctl(fd, req, arg);
	} while (rc != 0 && errno == EINTR);
	return rc;
}

static int cam_queue(struct cam *c, uint32_t index)
{
	struct v4l2_buffer buf = {
		.type = V4L2_BUF_TYPE_VIDEO_CAPTURE,
		.memory = V4L2_MEMORY_MMAP,
		.index = index,
	};

	if (xioctl(c->fd, VIDIOC_QBUF, &buf) != 0) {
		int rc = cam_errno(errno);

		c->gone = c->gone || rc == -ENODEV;
		return rc;
	}
	return 0;
}

static void v4l2_close(struct mck_source *s)
{
	struct cam *c = s->priv;

	if (c == NULL) {
		return;
	}
	if (c->streaming) {
		enum v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;

		(void)xioctl(c->fd, VIDIOC_STREAMOFF, &type);
	}
	for (size_t i = 0; i < c->nbufs; i++) {
		if (c->map[i].start != MAP_FAILED) {
			munmap(c->map[i].start, c->map[i].length);
		}
	}
	if (c->fd >= 0) {
		close(c->fd);
	}
	if (c->grey != NULL) {
		explicit_bzero(c->grey, (size_t)c->width * c->height);
	}
	free(c->grey);
	free(c);
	s->priv = NULL;
}

static bool cam_has_format(int fd, uint32_t pixfmt)
{
	struct v4l2_fmtdesc d;

	for (uint32_t i = 0; i < 64; i++) {
		memset(&d, 0, sizeof(d));
		d.index = i;
		d.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
		if (xioctl(fd, VIDIOC_ENUM_FMT, &d) != 0) {
			return false;
		}
		if (d.pixelformat == pixfmt) {
			return true;
		}
	}
	return false;
}

static int cam_set_format(struct cam *c, const struct mck_source_cfg *cfg)
{
	struct v4l2_format fmt = {.type = V4L2_BUF_TYPE_VIDEO_CAPTURE};
	uint32_t bpp;
	uint64_t row;

	c->pixfmt =
		cam_has_format(c->fd, V4L2_PIX_FMT_GREY) ? V4L2_PIX_FMT_GREY : V4L2_PIX_FMT_YUYV;
	fmt.fmt.pix.width = cfg->width != 0 ? cfg->width : V4L2_DEFAULT_WIDTH;
	fmt.fmt.pix.height = cfg->height != 0 ? cfg->height : V4L2_DEFAULT_HEIGHT;
	fmt.fmt.pix.pixelformat = c->pixfmt;
	fmt.fmt.pix.field = V4L2_FIELD_NONE;
	if (xioctl(c->fd, VIDIOC_S_FMT, &fmt) != 0) {
		return cam_errno(errno);
	}
	/* The driver may change anything it was asked for: trust only what it says. */
	if (fmt.fmt.pix.pixelformat != c->pixfmt) {
		return -ENOTSUP;
	}
	c->width = fmt.fmt.pix.width;
	c->height = fmt.fmt.pix.height;
	if (c->width == 0 || c->height == 0 || c->width > V4L2_MAX_SIDE ||
	    c->height > V4L2_MAX_SIDE || (uint64_t)c->width * c->height > V4L2_MAX_PIXELS) {
		return -ERANGE;
	}
	bpp = c->pixfmt == V4L2_PIX_FMT_YUYV ? 2 : 1;
	row = (uint64_t)c->width * bpp;
	c->bpl = fmt.fmt.pix.bytesperline != 0 ? fmt.fmt.pix.bytesperline : (uint32_t)row;
	if (c->bpl < row || (uint64_t)c->bpl * c->height > UINT32_MAX ||
	    (fmt.fmt.pix.sizeimage != 0 && fmt.fmt.pix.sizeimage < (uint64_t)c->bpl * c->height)) {
		return -ERANGE;
	}
	c->grey = malloc((size_t)c->width * c->height);
	return c->grey != NULL ? 0 : -ENOMEM;
}

static int cam_map(struct cam *c)
{
	struct v4l2_requestbuffers req = {
		.count = V4L2_BUFFERS,
		.type = V4L2_BUF_TYPE_VIDEO_CAPTURE,
		.memory = V4L2_MEMORY_MMAP,
	};

	if (xioctl(c->fd, VIDIOC_REQBUFS, &req) != 0) {
		return cam_errno(errno);
	}
	if (req.count < 2) {
		return -ENOMEM;
	}
	for (uint32_t i = 0; i < req.count && i < V4L2_BUFFERS; i++) {
		struct v4l2_buffer buf = {
			.type = V4L2_BUF_TYPE_VIDEO_CAPTURE,
			.memory = V4L2_MEMORY_MMAP,
			.index = i,
		};

		if (xioctl(c->fd, VIDIOC_QUERYBUF, &buf) != 0) {
			return cam_errno(errno);
		}
		c->map[i].length = buf.length;
		c->map[i].start =
			mmap(NULL, buf.length, PROT_READ, MAP_SHARED, c->fd, buf.m.offset);
		c->nbufs++;
		if (c->map[i].start == MAP_FAILED) {
			return cam_errno(errno);
		}
	}
	for (uint32_t i = 0; i < c->nbufs; i++) {
		int rc = cam_queue(c, i);

		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

static int v4l2_open(struct mck_source *s, const struct mck_source_cfg *cfg)
{
	struct cam *c = calloc(1, sizeof(*c));
	struct v4l2_capability cap = {0};
	enum v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	struct stat st;
	uint32_t caps;
	int rc;

	if (c == NULL) {
		return -ENOMEM;
	}
	s->priv = c;
	c->held = -1;
	c->fd = open(cfg->arg, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (c->fd < 0) {
		rc = -errno;
		goto out;
	}
	if (fstat(c->fd, &st) != 0 || !S_ISCHR(st.st_mode)) {
		rc = -ENOTTY; /* not a device at all */
		goto out;
	}
	if (xioctl(c->fd, VIDIOC_QUERYCAP, &cap) != 0) {
		rc = cam_errno(errno);
		goto out;
	}
	caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? cap.device_caps : cap.capabilities;
	if ((caps & V4L2_CAP_VIDEO_CAPTURE) == 0 || (caps & V4L2_CAP_STREAMING) == 0) {
		rc = -ENOTSUP;
		goto out;
	}
	rc = cam_set_format(c, cfg);
	if (rc == 0) {
		rc = cam_map(c);
	}
	if (rc == 0 && xioctl(c->fd, VIDIOC_STREAMON, &type) != 0) {
		rc = cam_errno(errno);
	}
	c->streaming = rc == 0;
out:
	if (rc != 0) {
		v4l2_close(s);
	}
	return rc;
}

/* The lent buffer goes back to the driver; the converted frame is wiped. */
static void v4l2_release(struct mck_source *s, struct mck_scan_event *ev)
{
	struct cam *c = s->priv;

	if (c->held >= 0 && !c->gone) {
		(void)cam_queue(c, (uint32_t)c->held);
	}
	c->held = -1;
	if (c->lent) {
		explicit_bzero(c->grey, (size_t)c->width * c->height);
		c->lent = false;
	}
	ev->grey = NULL;
}

/* The converted frame, in case it was not released (release wipes it too). */
static void v4l2_forget(struct mck_source *s)
{
	struct cam *c = s->priv;

	if (c != NULL && c->grey != NULL && !c->lent) {
		explicit_bzero(c->grey, (size_t)c->width * c->height);
	}
}

/*
 * The Y channel of a YUYV row of @p w pixels (Y0 U Y1 V): every frame of a
 * USB camera, 0.9 M pixels at 1280x720, so sixteen at a time where the
 * compiler can shuffle vectors (one instruction on SSSE3 or NEON): 0.6 M
 * instructions a frame against 4.6 M a byte at a time.
 */
#if defined(__has_builtin)
#if __has_builtin(__builtin_shufflevector)
#define MCK_SHUFFLE 1
#endif
#endif

static void yuyv_to_grey(const uint8_t *row, uint8_t *out, uint32_t w)
{
	uint32_t x = 0;

#ifdef MCK_SHUFFLE
	typedef uint8_t u8x16 __attribute__((vector_size(16)));

	for (; x + 16 <= w; x += 16) {
		u8x16 a;
		u8x16 b;
		u8x16 y;

		memcpy(&a, row + 2 * (size_t)x, sizeof(a));
		memcpy(&b, row + 2 * (size_t)x + 16, sizeof(b));
		y = __builtin_shufflevector(a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26,
					    28, 30);
		memcpy(out + x, &y, sizeof(y));
	}
#endif
	for (; x < w; x++) {
		out[x] = row[2 * (size_t)x];
	}
}

static int v4l2_next(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms)
{
	struct cam *c = s->priv;
	struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
	struct v4l2_buffer buf = {
		.type = V4L2_BUF_TYPE_VIDEO_CAPTURE,
		.memory = V4L2_MEMORY_MMAP,
	};
	const uint8_t *src;
	uint64_t need;
	int rc;

	v4l2_release(s, ev);
	if (c->gone) {
		return -ENODEV;
	}
	rc = poll(&pfd, 1, timeout_ms);
	if (rc < 0) {
		return errno == EINTR ? -EAGAIN : -errno;
	}
	if (rc == 0) {
		return -EAGAIN;
	}
	if ((pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
		c->gone = true;
		return -ENODEV;
	}
	if (xioctl(c->fd, VIDIOC_DQBUF, &buf) != 0) {
		rc = cam_errno(errno);
		c->gone = rc == -ENODEV;
		return rc;
	}
	if (buf.index >= c->nbufs) {
		return -EIO; /* a driver bug; never index with it */
	}
	c->held = (int)buf.index;
	/* Bytes the last row ends at: the frame must hold all of them. */
	need = (uint64_t)c->bpl * (c->height - 1) +
	       (uint64_t)c->width * (c->pixfmt == V4L2_PIX_FMT_YUYV ? 2 : 1);
	if ((buf.flags & V4L2_BUF_FLAG_ERROR) != 0 || buf.bytesused < need ||
	    c->map[buf.index].length < need) {
		v4l2_release(s, ev);
		return -EAGAIN; /* a damaged or short frame: wait for the next */
	}
	src = c->map[buf.index].start;
	if (c->pixfmt == V4L2_PIX_FMT_GREY && c->bpl == c->width) {
		ev->grey = src; /* lent until release: no copy */
	} else {
		for (uint32_t y = 0; y < c->height; y++) {
			const uint8_t *row = src + (size_t)y * c->bpl;
			uint8_t *out = c->grey + (size_t)y * c->width;

			if (c->pixfmt == V4L2_PIX_FMT_GREY) {
				memcpy(out, row, c->width);
				continue;
			}
			yuyv_to_grey(row, out, c->width);
		}
		ev->grey = c->grey;
		c->lent = true;
		/* Copied out: the driver can fill the buffer again already. */
		c->held = -1;
		(void)cam_queue(c, buf.index);
	}
	ev->kind = MCK_SCAN_FRAME;
	ev->width = c->width;
	ev->height = c->height;
	ev->len = 0;
	return 0;
}

const struct mck_source_ops mck__source_v4l2 = {
	.name = "v4l2",
	.caps = MCK_SOURCE_CAP_LIVE,
	.open = v4l2_open,
	.next = v4l2_next,
	.release = v4l2_release,
	.close = v4l2_close,
	.forget = v4l2_forget,
};
