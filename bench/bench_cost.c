/*
 * The cost model's driver (bench/cost runs it under callgrind): ONE stage of
 * the kiosk's work per invocation, the counted part alone between callgrind's
 * client requests (all threads) and inside cost_measured(), which is never
 * inlined (--toggle-collect=cost_measured where <valgrind/callgrind.h> is
 * missing: then only the calling thread counts). Setup (files read, test data
 * made, fonts loaded, a warm-up run) is outside, so counts are the stage's own
 * and the same run to run.
 *
 *   bench_cost mode                          "requests" or "toggle"
 *   bench_cost prepare DIR N...              start data for N issuers in DIR/start-N (native)
 *   bench_cost grab FRAME                    camera frame: V4L2 YUYV -> grey, live picture, release
 *   bench_cost scan FRAME CODES [BEFORE]     mck_qrscan_frame, no budget, CODES codes expected,
 *                                            after a frame BEFORE (default: FRAME itself)
 *   bench_cost verify FIXTURES [cold]        the fixture credential verified (warm key cache)
 *   bench_cost draw-idle FONTS FIXTURES FRAME    idle screen, live picture, at FRAME's size
 *   bench_cost draw-result FONTS FIXTURES FRAME   the verdict's screen drawn the first time
 *   bench_cost start DIR                     the kiosk's trust start from DIR (prepare's)
 *
 * Exit 0 only when the stage did what it should (a code read, a valid
 * verdict, the trust state loaded): a count of a stage that failed means nothing.
 */
#define _DEFAULT_SOURCE /* mkdtemp, explicit_bzero */

#include <errno.h>
#include <linux/videodev2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <SDL.h>

#include "display.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/image.h"
#include "mck/jws_sign.h"
#include "mck/qrscan.h"
#include "mck/source.h"
#include "mck/store.h"
#include "mck/ui.h"
#include "mck/verify.h"
#include "present.h"
#include "support/mint.h"
#include "trust.h"

#ifdef MCK_COST_HAVE_CALLGRIND_H
#include <valgrind/callgrind.h>
#define COUNT_START() CALLGRIND_START_INSTRUMENTATION
#define COUNT_STOP()  CALLGRIND_STOP_INSTRUMENTATION
#else
#define COUNT_START() ((void)0)
#define COUNT_STOP()  ((void)0)
#endif

#define VERIFY_NOW 1795000000 /* the fixture case's "now" */
#define CASE_DIR   "cases/valid-es256-compact"

/* ---- The counted part ---- */

static void (*measured_fn)(void *);
static void *measured_arg;

/* What callgrind counts: nothing but the stage's work. */
__attribute__((noinline)) void cost_measured(void);
__attribute__((noinline)) void cost_measured(void)
{
	measured_fn(measured_arg);
	__asm__ volatile("" ::: "memory"); /* not merged into its caller */
}

static void count_stage(void (*fn)(void *), void *arg)
{
	measured_fn = fn;
	measured_arg = arg;
	COUNT_START();
	cost_measured();
	COUNT_STOP();
}

static int fail(const char *what)
{
	fprintf(stderr, "bench_cost: %s\n", what);
	return 1;
}

static char *path_join(const char *dir, const char *name)
{
	return mck_test_fmt("%s/%s", dir, name);
}

/* ---- grab: the V4L2 backend against a camera made of memory ----
 *
 * The YUYV to grey conversion is inside the v4l2 backend's next() (static), so
 * the real backend is run on /dev/null (a character device that polls
 * readable) with ioctl, mmap and munmap redirected here by the linker
 * (-Wl,--wrap=...): the frames it dequeues are ours, in YUYV as a USB camera
 * gives them.
 */

#ifdef MCK_COST_HAVE_V4L2
#define CAM_BUFS 4

static struct {
	uint32_t width;
	uint32_t height;
	size_t frame_len;
	uint8_t *buf[CAM_BUFS];
	uint32_t next_buf;
	int fd; /* the fd the backend asked QUERYCAP on: "the camera" */
} cam = {.fd = -1};

int __wrap_ioctl(int fd, unsigned long req, ...);
int __real_ioctl(int fd, unsigned long req, ...);
void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
void *__real_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __wrap_munmap(void *addr, size_t len);
int __real_munmap(void *addr, size_t len);

static int cam_ioctl(unsigned long req, void *arg)
{
	switch (req) {
	case VIDIOC_QUERYCAP: {
		struct v4l2_capability *c = arg;

		memset(c, 0, sizeof(*c));
		c->capabilities = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING;
		return 0;
	}
	case VIDIOC_ENUM_FMT: {
		struct v4l2_fmtdesc *d = arg;

		if (d->index != 0) {
			break;
		}
		d->pixelformat = V4L2_PIX_FMT_YUYV; /* YUYV only, as most USB cameras */
		return 0;
	}
	case VIDIOC_S_FMT: {
		struct v4l2_format *f = arg;

		if (f->fmt.pix.pixelformat != V4L2_PIX_FMT_YUYV) {
			break;
		}
		f->fmt.pix.width = cam.width;
		f->fmt.pix.height = cam.height;
		f->fmt.pix.bytesperline = cam.width * 2;
		f->fmt.pix.sizeimage = (uint32_t)cam.frame_len;
		return 0;
	}
	case VIDIOC_REQBUFS: {
		struct v4l2_requestbuffers *r = arg;

		r->count = CAM_BUFS;
		return 0;
	}
	case VIDIOC_QUERYBUF: {
		struct v4l2_buffer *b = arg;

		if (b->index >= CAM_BUFS) {
			break;
		}
		b->length = (uint32_t)cam.frame_len;
		b->m.offset = b->index * (uint32_t)cam.frame_len;
		return 0;
	}
	case VIDIOC_DQBUF: {
		struct v4l2_buffer *b = arg;

		b->index = cam.next_buf;
		b->bytesused = (uint32_t)cam.frame_len;
		b->flags = 0;
		cam.next_buf = (cam.next_buf + 1) % CAM_BUFS;
		return 0;
	}
	case VIDIOC_QBUF:
	case VIDIOC_STREAMON:
	case VIDIOC_STREAMOFF:
		return 0;
	default:
		break;
	}
	errno = EINVAL;
	return -1;
}

int __wrap_ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (req == VIDIOC_QUERYCAP && cam.width != 0) {
		cam.fd = fd;
	}
	if (fd == cam.fd) {
		return cam_ioctl(req, arg);
	}
	return __real_ioctl(fd, req, arg);
}

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (fd == cam.fd && fd >= 0) {
		size_t i = (size_t)off / cam.frame_len;

		return i < CAM_BUFS && len == cam.frame_len ? cam.buf[i] : MAP_FAILED;
	}
	return __real_mmap(addr, len, prot, flags, fd, off);
}

int __wrap_munmap(void *addr, size_t len)
{
	for (size_t i = 0; i < CAM_BUFS; i++) {
		if (addr == cam.buf[i] && addr != NULL) {
			return 0;
		}
	}
	return __real_munmap(addr, len);
}

struct grab {
	struct mck_source src;
	struct mck_scan_event *ev;
	uint8_t preview[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];
	int pw;
	int ph;
	int rc;
};

/* What the capture thread does with every camera frame besides scanning it. */
static void grab_frame(void *p)
{
	struct grab *g = p;

	g->rc = mck_source_next(&g->src, g->ev, 100);
	if (g->rc == 0) {
		mck_present_preview(g->ev->grey, g->ev->width, g->ev->height, g->preview, &g->pw,
				    &g->ph);
	}
	mck_source_release(&g->src, g->ev);
}

static int stage_grab(const char *frame_path)
{
	struct mck_image img = {0};
	struct mck_source_cfg cfg = {0};
	struct grab *g = calloc(1, sizeof(*g));
	int rc = 1;

	if (g == NULL || (g->ev = calloc(1, sizeof(*g->ev))) == NULL ||
	    mck_image_load(&img, frame_path) != 0) {
		rc = fail("grab: setup");
		goto out;
	}
	cam.width = img.width;
	cam.height = img.height;
	cam.frame_len = (size_t)img.width * img.height * 2;
	for (size_t i = 0; i < CAM_BUFS; i++) {
		cam.buf[i] = malloc(cam.frame_len);
		if (cam.buf[i] == NULL) {
			rc = fail("grab: out of memory");
			goto out;
		}
		for (size_t px = 0; px < (size_t)img.width * img.height; px++) {
			cam.buf[i][2 * px] = img.pixels[px]; /* Y0 U Y1 V: grey, no colour */
			cam.buf[i][2 * px + 1] = 128;
		}
	}
	cfg.width = img.width;
	cfg.height = img.height;
	if (mck_source_open(&g->src, "v4l2:/dev/null", &cfg) != 0) {
		rc = fail("grab: the fake camera did not open");
		goto out;
	}
	grab_frame(g); /* warm-up */
	count_stage(grab_frame, g);
	if (g->rc != 0 || g->pw <= 0) {
		rc = fail("grab: no frame");
	} else {
		printf("grab %ux%u: YUYV frame -> grey, live picture %dx%d, frame wiped\n",
		       img.width, img.height, g->pw, g->ph);
		rc = 0;
	}
	mck_source_close(&g->src);
out:
	for (size_t i = 0; i < CAM_BUFS; i++) {
		free(cam.buf[i]);
		cam.buf[i] = NULL;
	}
	if (g != NULL) {
		free(g->ev);
	}
	free(g);
	mck_image_free(&img);
	return rc;
}
#else
static int stage_grab(const char *frame_path)
{
	(void)frame_path;
	return fail("grab: built without linux/videodev2.h");
}
#endif

/* ---- scan ---- */

struct scan {
	struct mck_qrscan *scan;
	struct mck_image img;
	struct mck_qrscan_result *codes;
	int n;
};

static void scan_frame(void *p)
{
	struct scan *s = p;

	s->n = mck_qrscan_frame(s->scan, s->img.pixels, s->img.width, s->img.height, s->codes);
}

static int stage_scan(const char *frame_path, int expect, const char *before_path)
{
	struct scan s = {.scan = mck_qrscan_create(), .codes = malloc(sizeof(*s.codes))};
	struct mck_image before = {0};
	int rc = 1;

	if (s.scan == NULL || s.codes == NULL || mck_image_load(&s.img, frame_path) != 0 ||
	    mck_image_load(&before, before_path != NULL ? before_path : frame_path) != 0) {
		rc = fail("scan: setup");
		goto out;
	}
	/* Counts, not the clock, decide what is done: the same work on every run. */
	mck_qrscan_set_budget(s.scan, 0);
	/*
	 * Warm-up (buffers, ZBar's scanner) on the frame before: the same empty
	 * scene for an idle frame; for a code, the empty scene, so the code's frame
	 * is the first to show it, as when a person steps up.
	 */
	(void)mck_qrscan_frame(s.scan, before.pixels, before.width, before.height, s.codes);
	count_stage(scan_frame, &s);
	if (s.n != expect) {
		fprintf(stderr, "bench_cost: scan: %d codes read, %d expected\n", s.n, expect);
	} else {
		printf("scan %ux%u: %d codes\n", s.img.width, s.img.height, s.n);
		rc = 0;
	}
out:
	mck_qrscan_result_wipe(s.codes);
	free(s.codes);
	mck_image_free(&before);
	mck_image_free(&s.img);
	mck_qrscan_destroy(s.scan);
	return rc;
}

/* ---- verify ---- */

struct fixture_trust {
	struct mck_store_trust cfg;
	struct mck_verifier_cfg vcfg;
	bool have_cfg;
};

static int fixture_trust_load(struct fixture_trust *t, const char *fixtures)
{
	char *anchors = path_join(fixtures, "anchors");
	char *trust = path_join(fixtures, "trust/trustlist.jws");
	char *status = path_join(fixtures, "status");
	struct mck_store_opts src = {.anchors = anchors, .trust = trust, .status = status};
	enum mck_reason reason;
	char msg[256];
	int rc = mck_store_load(&t->cfg, &src, NULL, &reason, msg, sizeof(msg));

	free(anchors);
	free(trust);
	free(status);
	if (rc != 0) {
		fprintf(stderr, "bench_cost: fixtures' trust: %s\n", msg);
		mck_store_trust_free(&t->cfg);
		return -1;
	}
	t->have_cfg = true;
	t->vcfg =
		(struct mck_verifier_cfg){.trust = t->cfg.trust,
					  .status = &t->cfg.status,
					  .grace_seconds = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400};
	return 0;
}

static void fixture_trust_free(struct fixture_trust *t)
{
	if (t->have_cfg) {
		mck_store_trust_free(&t->cfg);
	}
}

/* The fixture credential's QR text (input0.txt, one code), malloc'd. */
static char *fixture_text(const char *fixtures, size_t *len)
{
	char *path = path_join(fixtures, CASE_DIR "/input0.txt");
	FILE *f = fopen(path, "rb");
	char *text = malloc(MCK_QRSCAN_MAX_TEXT + 1);
	size_t n = 0;

	if (f != NULL && text != NULL) {
		n = fread(text, 1, MCK_QRSCAN_MAX_TEXT, f);
		while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r')) {
			n--;
		}
		text[n] = '\0';
	}
	if (f != NULL) {
		fclose(f);
	}
	free(path);
	if (n == 0) {
		free(text);
		return NULL;
	}
	*len = n;
	return text;
}

struct verify {
	struct mck_verifier *verifier;
	struct mck_qrtext *texts;
	const char *text;
	size_t len;
	struct mck_result res;
};

/* What the kiosk does with a frame's codes: collect them, verify. */
static void verify_codes(void *p)
{
	struct verify *v = p;

	mck_qrtext_init(v->texts);
	(void)mck_qrtext_add(v->texts, v->text, v->len);
	mck_verify_qr(v->verifier, v->texts, VERIFY_NOW, &v->res);
}

static int stage_verify(const char *fixtures, bool cold)
{
	struct fixture_trust t = {0};
	struct verify v = {.texts = malloc(sizeof(*v.texts))};
	char *text = fixture_text(fixtures, &v.len);
	int rc = 1;

	if (text == NULL || v.texts == NULL || fixture_trust_load(&t, fixtures) != 0 ||
	    (v.verifier = mck_verifier_create(&t.vcfg)) == NULL) {
		rc = fail("verify: setup");
		goto out;
	}
	v.text = text;
	if (!cold) {
		/* The issuer's key prepared and cached, as for every learner after the first. */
		verify_codes(&v);
		mck_result_free(&v.res);
		mck_qrtext_free(v.texts);
	}
	count_stage(verify_codes, &v);
	if (v.res.verdict != MCK_VERDICT_VALID) {
		rc = fail("verify: the fixture credential is not valid");
	} else {
		printf("verify%s: valid\n", cold ? " (cold key cache)" : "");
		rc = 0;
	}
	mck_result_free(&v.res);
	mck_qrtext_free(v.texts);
out:
	mck_verifier_destroy(v.verifier);
	fixture_trust_free(&t);
	free(v.texts);
	free(text);
	return rc;
}

/* ---- draw ---- */

struct draw {
	struct mck_ui *ui;
	SDL_Surface *surface;
	SDL_Renderer *r;
	struct mck_display display;
	struct mck_view *view;
	uint8_t preview[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];
	const struct mck_result *res; /* draw-result: the verdict to show */
};

static int draw_open(struct draw *d, const char *fonts, const char *frame_path,
		     const struct mck_verifier_cfg *vcfg)
{
	struct mck_image img = {0};
	char msg[256];

	setenv("SDL_VIDEODRIVER", "dummy", 0);
	d->view = calloc(1, sizeof(*d->view));
	if (d->view == NULL || SDL_Init(0) != 0 || mck_image_load(&img, frame_path) != 0) {
		return fail("draw: setup");
	}
	/* The panel as large as the camera's frame: one size per sum line. */
	d->ui = mck_ui_create(fonts, (int)img.width, (int)img.height, msg, sizeof(msg));
	d->surface = SDL_CreateRGBSurfaceWithFormat(0, (int)img.width, (int)img.height, 32,
						    SDL_PIXELFORMAT_RGB888);
	d->r = d->surface != NULL ? SDL_CreateSoftwareRenderer(d->surface) : NULL;
	if (d->ui == NULL || d->r == NULL) {
		fprintf(stderr, "bench_cost: draw: %s\n", d->ui == NULL ? msg : SDL_GetError());
		mck_image_free(&img);
		return 1;
	}
	mck_display_init(&d->display, (int)img.width, (int)img.height, 0);
	mck_present_status(d->view, vcfg, VERIFY_NOW, true);
	/* The camera's live picture, as the capture thread hands it over. */
	mck_present_preview(img.pixels, img.width, img.height, d->preview, &d->view->preview_w,
			    &d->view->preview_h);
	mck_image_free(&img);
	return 0;
}

static void draw_close(struct draw *d)
{
	mck_display_release(&d->display);
	if (d->r != NULL) {
		SDL_DestroyRenderer(d->r);
	}
	SDL_FreeSurface(d->surface);
	mck_ui_destroy(d->ui);
	free(d->view);
	SDL_Quit();
}

/*
 * HOOK(idle-draw): one pass of the kiosk loop's drawing (app/kiosk/loop.c):
 * mck_display_update draws only what changed and the loop presents only
 * when it drew. An idle camera kiosk gets a new live picture every frame, so
 * the idle stage counts a pass in which the picture changed (one pixel of
 * it is enough for the view's hash to differ: the whole picture is redrawn).
 */
static void kiosk_loop_draw(struct draw *d)
{
	d->view->preview = d->view->preview_w > 0 ? d->preview : NULL;
	if (mck_display_update(&d->display, d->ui, d->r, d->view, false)) {
		SDL_RenderPresent(d->r);
	}
	d->view->preview = NULL;
}

static void draw_idle(void *p)
{
	struct draw *d = p;

	d->preview[0] ^= 0x10; /* the camera's next picture */
	kiosk_loop_draw(d);
}

/* A verdict arrives: the view filled from it, the result screen drawn the first time. */
static void draw_result(void *p)
{
	struct draw *d = p;

	mck_present_result(d->view, d->res);
	d->view->countdown_s = 30;
	kiosk_loop_draw(d);
}

static int stage_draw(const char *fonts, const char *fixtures, const char *frame_path, bool result)
{
	struct draw d = {0};
	struct fixture_trust t = {0};
	struct mck_verifier *verifier = NULL;
	struct mck_result res = {0};
	char *text = NULL;
	size_t len = 0;
	int rc = 1;

	/* The idle screen says which trust list is in force: the fixtures'. */
	if (fixture_trust_load(&t, fixtures) != 0) {
		rc = fail("draw: trust setup");
		goto out;
	}
	if (result) {
		text = fixture_text(fixtures, &len);
		if (text == NULL || (verifier = mck_verifier_create(&t.vcfg)) == NULL) {
			rc = fail("draw: verifier setup");
			goto out;
		}
		mck_verify_text(verifier, text, len, VERIFY_NOW, &res);
		if (res.verdict != MCK_VERDICT_VALID) {
			rc = fail("draw: the fixture credential is not valid");
			goto out;
		}
		d.res = &res;
	}
	if (draw_open(&d, fonts, frame_path, &t.vcfg) != 0) {
		goto out;
	}
	/* Warm-up: the idle screen once, fonts loaded and glyphs cached. */
	kiosk_loop_draw(&d);
	count_stage(d.res != NULL ? draw_result : draw_idle, &d);
	if (mck_ui_overflows(d.ui) != 0) {
		fprintf(stderr, "bench_cost: draw: %u texts did not fit\n", mck_ui_overflows(d.ui));
	}
	printf("draw %s: screen %d\n", d.res != NULL ? "result" : "idle", (int)d.view->screen);
	rc = d.view->screen == (result ? MCK_SCREEN_RESULT : MCK_SCREEN_IDLE) &&
			     d.view->status.have_trustlist
		     ? 0
		     : fail("draw: not the screen expected");
out:
	draw_close(&d);
	mck_result_free(&res);
	mck_verifier_destroy(verifier);
	fixture_trust_free(&t);
	free(text);
	return rc;
}

/* ---- start: the kiosk's trust state, with N issuers ---- */

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "bench_cost: cannot write %s\n", path);
		exit(1);
	}
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "bench_cost: cannot make %s\n", path);
		exit(1);
	}
}

/* A revocation list of 131,072 entries by issuer 0, about 1 % set: a typical awarding body's. */
static char *make_status(const struct mck_test_key *issuer)
{
	size_t nbytes = 131072 / 8;
	uint8_t *bits = calloc(1, nbytes);
	uint8_t *z = NULL;
	size_t zlen = 0;
	char *enc;
	char *payload;
	char *jws;

	if (bits == NULL) {
		exit(1);
	}
	for (size_t i = 0; i < nbytes; i += 97) {
		bits[i] = (uint8_t)(i * 31u);
	}
	if (mck_deflate(MCK_INFLATE_GZIP, bits, nbytes, &z, &zlen) != MCK_OK) {
		exit(1);
	}
	enc = malloc(mck_b64url_encoded_len(zlen) + 2);
	if (enc == NULL) {
		exit(1);
	}
	enc[0] = 'u';
	mck_b64url_encode(z, zlen, enc + 1, mck_b64url_encoded_len(zlen) + 1);
	payload = mck_test_fmt(
		"{\"iss\":\"https://issuer-0.example.eu\",\"iat\":1790000000,"
		"\"vc\":{\"id\":\"https://issuer-0.example.eu/status/1\","
		"\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
		"\"credentialSubject\":{\"statusPurpose\":\"revocation\","
		"\"encodedList\":\"%s\"}}}",
		enc);
	jws = mck_test_sign(issuer, MCK_ALG_ES256, NULL, payload, false);
	free(payload);
	free(enc);
	free(z);
	free(bits);
	return jws;
}

/*
 * DIR/start-N: anchors/ (the operator's key), and state/, installed from a
 * bundle (a trust list of N issuers, two keys each, and one status list)
 * with the store's own installer, as mcupdate installs one on a kiosk.
 */
static int prepare(const char *dir, size_t n)
{
	struct mck_test_key anchor;
	struct mck_test_key issuer;
	char *base = mck_test_fmt("%s/start-%zu", dir, n);
	char *anchors_dir = path_join(base, "anchors");
	char *bundle = path_join(base, "bundle");
	char *bundle_status = path_join(bundle, "status");
	char *state = path_join(base, "state");
	char *pem_path = path_join(anchors_dir, "operator.pem");
	char *list_path = path_join(bundle, "trustlist.jws");
	char *status_path = path_join(bundle_status, "issuer-0-1.jws");
	char pem[4096];
	char msg[256];
	int64_t seq = 0;
	enum mck_store_result r;
	struct mck_anchors *anchors;
	struct mck_store_install_opts o;

	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer, MCK_KEY_EC_P256);
	make_dir(dir);
	make_dir(base);
	make_dir(anchors_dir);
	make_dir(bundle);
	make_dir(bundle_status);
	make_dir(state);
	if (mck_privkey_public_pem(anchor.priv, pem, sizeof(pem)) != 0) {
		return fail("prepare: anchor");
	}
	write_file(pem_path, pem, strlen(pem));

	char *others = mck_test_issuers_json(1, n - 1, NULL);
	char *issuers = mck_test_fmt("{\"id\":\"https://issuer-0.example.eu\",\"status\":"
				     "\"active\",\"keys\":[{%s}]}%s%s",
				     issuer.members, n > 1 ? "," : "", others);
	char *jws = mck_test_trustlist(&anchor, (long long)n, 1790000000, 1800000000, issuers);
	char *status = make_status(&issuer);

	write_file(list_path, jws, strlen(jws));
	write_file(status_path, status, strlen(status));
	anchors = mck_test_anchors(&anchor);
	o = (struct mck_store_install_opts){.state = state,
					    .anchors = anchors,
					    .lock_wait_s = 0,
					    .grace_s = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400};
	r = mck_store_install_bundle(&o, bundle, &seq, msg, sizeof(msg));
	if (r != MCK_STORE_INSTALLED && r != MCK_STORE_CURRENT) {
		fprintf(stderr, "bench_cost: prepare %zu: %s\n", n, msg);
		return 1;
	}
	printf("prepare: %s (%zu issuers, list %.1f MB)\n", base, n, (double)strlen(jws) / 1e6);
	mck_anchors_destroy(anchors);
	free(status);
	free(jws);
	free(issuers);
	free(others);
	free(status_path);
	free(list_path);
	free(pem_path);
	free(state);
	free(bundle_status);
	free(bundle);
	free(anchors_dir);
	free(base);
	mck_test_key_free(&anchor);
	mck_test_key_free(&issuer);
	return 0;
}

struct start {
	struct mck_trust trust;
	struct mck_store_opts src;
};

/* What mckiosk does to become ready to verify: its trust state (trust.c). */
static void start_trust(void *p)
{
	struct start *s = p;

	mck_trust_load(&s->trust, &s->src);
}

static int stage_start(const char *dir)
{
	struct start *s = calloc(1, sizeof(*s));
	char *anchors = path_join(dir, "anchors");
	char *state = path_join(dir, "state");
	int rc = 1;

	if (s == NULL) {
		return fail("start: out of memory");
	}
	s->src = (struct mck_store_opts){.anchors = anchors, .state = state};
	count_stage(start_trust, s);
	if (s->trust.verifier == NULL) {
		rc = fail("start: no trust state");
	} else {
		printf("start: %zu issuers, %s\n", mck_trustlist_issuer_count(s->trust.cfg.trust),
		       s->trust.cfg.indexed ? "from the compiled index" : "parsed");
		rc = 0;
	}
	mck_trust_free(&s->trust);
	free(s);
	free(anchors);
	free(state);
	return rc;
}

int main(int argc, char **argv)
{
	const char *stage = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(stage, "mode") == 0) {
#ifdef MCK_COST_HAVE_CALLGRIND_H
		puts("requests");
#else
		puts("toggle");
#endif
		return 0;
	}
	if (strcmp(stage, "prepare") == 0 && argc > 3) {
		for (int i = 3; i < argc; i++) {
			long n = strtol(argv[i], NULL, 10);

			if (n < 1 || prepare(argv[2], (size_t)n) != 0) {
				return 1;
			}
		}
		return 0;
	}
	if (strcmp(stage, "grab") == 0 && argc == 3) {
		return stage_grab(argv[2]);
	}
	if (strcmp(stage, "scan") == 0 && (argc == 4 || argc == 5)) {
		return stage_scan(argv[2], atoi(argv[3]), argc == 5 ? argv[4] : NULL);
	}
	if (strcmp(stage, "verify") == 0 && (argc == 3 || argc == 4)) {
		return stage_verify(argv[2], argc == 4 && strcmp(argv[3], "cold") == 0);
	}
	if ((strcmp(stage, "draw-idle") == 0 || strcmp(stage, "draw-result") == 0) && argc == 5) {
		return stage_draw(argv[2], argv[3], argv[4], strcmp(stage, "draw-result") == 0);
	}
	if (strcmp(stage, "start") == 0 && argc == 3) {
		return stage_start(argv[2]);
	}
	fprintf(stderr, "usage: bench_cost mode | prepare DIR N... | grab FRAME |\n"
			"       scan FRAME CODES [BEFORE] |\n"
			"       verify FIXTURES [cold] | draw-idle FONTS FIXTURES FRAME |\n"
			"       draw-result FONTS FIXTURES FRAME | start DIR\n");
	return 2;
}
