/*
 * QR codes in grey frames, with ZBar.
 *
 * Only the QR symbology is enabled (fewer false reads, less time per frame),
 * and ZBAR_CFG_BINARY makes ZBar hand over the bytes of the code as they
 * are: without it, text that is not UTF-8 is re-encoded (Latin-1, Shift-JIS
 * guesses), which would change what a signature covers.
 *
 * A code's text is the learner's whole credential, and the pixels of its
 * picture are as good: neither outlives its use (issue 14). ZBar's symbols
 * are wiped through their data pointers before ZBar frees or recycles them,
 * with its inter-image result cache off; each result starts wiped; the work
 * buffer is wiped when it grows, on mck_qrscan_forget and on destroy; the
 * redraw's and the finder locator's buffers are wiped as each returns, and
 * the stack below a frame that read a code (ZBar's decoder leaves the text
 * in its frames).
 * ZBar's QR decoder also copies the text into buffers of its own that it
 * frees unwiped (each segment's bytes, and the bytes before their
 * conversion), and binarises each image it decodes into one: out of reach
 * of its API, they stay in freed memory until reused.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* explicit_bzero */

#include "mck/qrscan.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h> /* nanosleep: a step waiting for a fit on another thread */

#include <zbar.h>

#include "finder.h"
#include "grid.h"
#include "pool.h"
#include "prep.h"
#include "redraw.h"

/* Codes whose finders' modules are this many pixels or more: every other scan line. */
#define DENSE_BELOW     2.5f
/* A code squared up has RECTIFY_PPM px a module: every other scan line crosses each. */
#define RECTIFY_PPM     3
#define RECTIFY_DENSITY 2
/* Without a finder, the frame is scanned at 1/COARSE of its size (large codes only). */
/* A corner of three whose timing patterns show this well (finder.h) is taken as a code's. */
#define SEEN_TIMING     0.4f
#define COARSE          8

/*
 * The cost model of the work bound and of the camera's budget (qrscan.h),
 * in us, calibrated to CPU time on the kiosk's class of x86 core (CPU scale
 * 1; the estimates run at or above what the steps take). ZBar scans an
 * image and, once it has met three finder patterns, binarises all of it:
 * 10 ns a pixel on a flat or printed area, up to 45 through sensor noise, in
 * proportion to its roughness (finder.h). Then it tries every three
 * patterns that could be a code's corner, decoding each: in an image of F
 * patterns in a code-like grid that grows as F^2 beyond a code's own three
 * (measured: 0.05 ms at 3, 15 at 9, 110 at 25; a 4096x3072 sheet of them
 * took 1.5 s). F is what the census counts in the image, of the polarity
 * ZBar sees: finders at the corner of a clean square of three. Along every
 * other line (density 2) ZBar takes about 5/8 of the time (bench_scan's
 * frames: 0.51 of the estimate against 0.83 along every line). Squaring a
 * code up samples the frame at 3 ns a pixel of the square; fitting a
 * code's grid (grid.c) takes 0.6 ms plus 0.11 a version.
 */
#define COST_NS_FLAT     10
#define COST_NS_ROUGH    65 /* more, at one turn a pixel */
#define COST_US_PER_PAIR 200
#define SPARSE_PART      5 /* eighths of the time along every line, at density 2 */
#define RECTIFY_NS       3
/* A code redrawn clean is as rough as a printed one (a turn every fifth pixel). */
#define ROUGH_DRAWN      205
/* The finder locator, which every frame gets: ns a pixel of the frame (2.7 median, 4.3 busy). */
#define LOCATE_NS        3

/* The steps of one frame, planned: a crowd read a code at a time, then the decode steps. */
#define PLAN_MAX (MCK_QRSCAN_MAX_CODES + 1 + 12)

/*
 * What one worker decodes with: a ZBar image scanner (not thread-safe), its
 * work buffer for crops and squared codes, grown as needed (at most a
 * frame), and where the codes it reads go: the frame's result, or with
 * several workers its own, the winning step's copied over.
 */
struct lane {
	zbar_image_scanner_t *scanner;
	uint8_t *buf;
	size_t cap;
	struct mck_qrscan_result *out;
	struct mck_qrscan_result *own; /* with several workers; NULL with one */
	bool used;                     /* ran a step this frame: own to wipe */
};

_Static_assert(MCK_QRSCAN_MAX_WORKERS == MCK__POOL_MAX_WORKERS, "one cap, two names");

struct mck_qrscan {
	struct lane lane[MCK_QRSCAN_MAX_WORKERS];
	unsigned lanes;         /* workers, the caller's thread the first */
	struct mck__pool *pool; /* NULL: one worker, the caller's thread */
	unsigned budget_ms;
	double cpu_scale;
	struct mck_qrscan_stats stats;
	struct mck_finder_census census; /* the current frame's */
};

/* A scanner for QR codes only, passing their bytes through unchanged. */
static zbar_image_scanner_t *scanner_new(void)
{
	zbar_image_scanner_t *zs = zbar_image_scanner_create();

	if (!zs) {
		return NULL;
	}
	/* Symbology 0 addresses all of them. */
	if (zbar_image_scanner_set_config(zs, 0, ZBAR_CFG_ENABLE, 0) != 0 ||
	    zbar_image_scanner_set_config(zs, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1) != 0 ||
	    zbar_image_scanner_set_config(zs, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1) != 0) {
		zbar_image_scanner_destroy(zs);
		return NULL;
	}
	/* The cache (off unless asked for, for video) keeps a copy of each text. */
	zbar_image_scanner_enable_cache(zs, 0);
	return zs;
}

struct mck_qrscan *mck_qrscan_create(void)
{
	struct mck_qrscan *scan;

	scan = calloc(1, sizeof(*scan));
	if (!scan) {
		return NULL;
	}
	scan->lane[0].scanner = scanner_new();
	if (!scan->lane[0].scanner) {
		free(scan);
		return NULL;
	}
	scan->lanes = 1;
	scan->budget_ms = 0; /* still images: every step; a camera sets a budget */
	scan->cpu_scale = 1;
	return scan;
}

void mck_qrscan_set_budget(struct mck_qrscan *scan, unsigned ms)
{
	scan->budget_ms = ms;
}

int mck_qrscan_set_cpu_scale(struct mck_qrscan *scan, double scale)
{
	/* !(a <= b) also refuses NaN */
	if (!scan || !(scale >= MCK_QRSCAN_SCALE_MIN && scale <= MCK_QRSCAN_SCALE_MAX)) {
		return -EINVAL;
	}
	scan->cpu_scale = scale;
	return 0;
}

const struct mck_qrscan_stats *mck_qrscan_stats(const struct mck_qrscan *scan)
{
	return &scan->stats;
}

/* Wipe what @p lane's buffer held; with @p release, free it too. */
static void lane_wipe(struct lane *lane, bool release)
{
	if (lane->buf != NULL) {
		explicit_bzero(lane->buf, lane->cap);
	}
	if (release) {
		free(lane->buf);
		lane->buf = NULL;
		lane->cap = 0;
	}
}

/* A worker's result wiped, as its texts are the credentials read. */
static void own_wipe(struct lane *lane)
{
	if (lane->own != NULL) {
		explicit_bzero(lane->own, sizeof(*lane->own));
	}
	lane->used = false;
}

/* Everything of @p lane wiped and freed. */
static void lane_free(struct lane *lane)
{
	if (lane->scanner) {
		zbar_image_scanner_destroy(lane->scanner);
	}
	lane_wipe(lane, true);
	own_wipe(lane);
	free(lane->own);
	explicit_bzero(lane, sizeof(*lane));
}

/* Back to one worker, the caller's thread: the pool's threads joined, the others' lanes freed. */
static void one_worker(struct mck_qrscan *scan)
{
	mck__pool_destroy(scan->pool);
	scan->pool = NULL;
	for (unsigned w = 1; w < scan->lanes; w++) {
		lane_free(&scan->lane[w]);
	}
	own_wipe(&scan->lane[0]);
	free(scan->lane[0].own);
	scan->lane[0].own = NULL;
	scan->lanes = 1;
}

int mck_qrscan_set_workers(struct mck_qrscan *scan, unsigned workers)
{
	struct mck__pool *pool;
	unsigned n;

	if (!scan || workers == 0 || workers > MCK_QRSCAN_MAX_WORKERS) {
		return -EINVAL;
	}
	if (workers == scan->lanes) {
		return 0;
	}
	one_worker(scan);
	if (workers == 1) {
		return 0;
	}
	pool = mck__pool_create(workers);
	n = mck__pool_workers(pool); /* threads that would not start leave fewer */
	if (pool == NULL || n < 2) {
		mck__pool_destroy(pool);
		return pool == NULL ? -ENOMEM : 0;
	}
	for (unsigned w = 0; w < n; w++) {
		struct lane *lane = &scan->lane[w];

		lane->own = calloc(1, sizeof(*lane->own));
		if (w > 0) {
			lane->scanner = scanner_new();
		}
		if (lane->own == NULL || lane->scanner == NULL) {
			scan->lanes = w + 1;
			scan->pool = pool;
			one_worker(scan);
			return -ENOMEM;
		}
	}
	scan->pool = pool;
	scan->lanes = n;
	return 0;
}

unsigned mck_qrscan_workers(const struct mck_qrscan *scan)
{
	return scan->lanes;
}

void mck_qrscan_destroy(struct mck_qrscan *scan)
{
	if (!scan) {
		return;
	}
	one_worker(scan);
	lane_free(&scan->lane[0]);
	explicit_bzero(scan, sizeof(*scan));
	free(scan);
}

void mck_qrscan_result_wipe(struct mck_qrscan_result *r)
{
	if (r != NULL) {
		explicit_bzero(r, sizeof(*r));
	}
}

/*
 * ZBar 0.23.92 holds on to every QR code it decodes: the symbol, its corner
 * points and, for texts under 1 KiB, the text (about 150-300 bytes) end up
 * on the scanner's recycle lists, which are not capped ("FIXME cap bucket
 * fill" in img_scanner.c) and from which its QR decoder, asking for a symbol
 * without data, does not take them back. Only zbar_image_scanner_destroy
 * frees them (their texts wiped first: wipe_symbols), so LeakSanitizer
 * sees nothing, but a code held before a 30 fps camera would grow the heap
 * by some 20 MB an hour. A fresh scanner costs
 * about 5 us against 10-90 ms for the scan: replace it after every frame
 * that decoded anything. If that fails, keep the old one: it still works.
 */
static void renew(struct lane *lane)
{
	zbar_image_scanner_t *fresh = scanner_new();

	if (fresh) {
		zbar_image_scanner_destroy(lane->scanner);
		lane->scanner = fresh;
	}
}

/*
 * Wipe the text of every symbol ZBar found in @p image (partial ones, and the
 * parts of a structured-append set, included), before the image goes: ZBar
 * frees a symbol's text or keeps it for reuse as it is. The texts are ZBar's
 * own heap buffers, handed out const only so that callers do not edit them.
 */
static void wipe_symbols(const zbar_symbol_t *sym)
{
	for (; sym; sym = zbar_symbol_next(sym)) {
		const zbar_symbol_set_t *parts = zbar_symbol_get_components(sym);
		const char *data = zbar_symbol_get_data(sym);

		if (data != NULL) {
			/* through an integer: const is the API's promise, not the buffer's */
			explicit_bzero((char *)(uintptr_t)data, zbar_symbol_get_data_length(sym));
		}
		if (parts != NULL) {
			wipe_symbols(zbar_symbol_set_first_symbol(parts));
		}
	}
}

static int seen(const struct mck_qrscan_result *out, const char *data, size_t len)
{
	for (size_t i = 0; i < out->count; i++) {
		if (out->len[i] == len && memcmp(out->text[i], data, len) == 0) {
			return 1;
		}
	}
	return 0;
}

static void collect(const zbar_image_t *image, struct mck_qrscan_result *out)
{
	const zbar_symbol_t *sym;

	for (sym = zbar_image_first_symbol(image); sym; sym = zbar_symbol_next(sym)) {
		const char *data = zbar_symbol_get_data(sym);
		/* The text may hold NUL bytes in binary mode: never strlen it. */
		size_t len = zbar_symbol_get_data_length(sym);

		if (out->count == MCK_QRSCAN_MAX_CODES) {
			break;
		}
		if (zbar_symbol_get_type(sym) != ZBAR_QRCODE || !data) {
			continue;
		}
		/*
		 * An empty code carries nothing to check, and it is what a code
		 * redrawn from a look-alike's corner reads as when its data modules
		 * come out all zero: an all-zero codeword stream passes the
		 * Reed-Solomon check, its first mode the terminator.
		 */
		if (len == 0 || len > MCK_QRSCAN_MAX_TEXT || seen(out, data, len)) {
			continue;
		}
		memcpy(out->text[out->count], data, len);
		out->text[out->count][len] = '\0';
		out->len[out->count] = len;
		out->count++;
	}
}

/*
 * ZBar's QR decoder leaves a code's text in its stack frames (a scan takes
 * 8-15 KB of stack, all calls counted), where later calls, which need less,
 * do not overwrite it: wipe what lies below the caller once ZBar has read
 * a code, on whichever thread it ran.
 */
#define SCRUB_BYTES (32u * 1024)

static __attribute__((noinline)) void scrub_stack(void)
{
	unsigned char below[SCRUB_BYTES];

	explicit_bzero(below, sizeof(below));
	__asm__ volatile("" : : "r"(below) : "memory");
}

/*
 * One ZBar pass over @p px, its scan lines @p density pixels apart (1: every
 * row and column; 2 halves the cost and still crosses the finders of codes
 * with modules of 3 px or more several times); decoded codes join the
 * lane's result. Returns codes added or -errno.
 */
static int zbar_pass(struct lane *lane, const uint8_t *px, uint32_t w, uint32_t h, int density)
{
	zbar_image_t *image;
	size_t before = lane->out->count;
	int n;

	if (zbar_image_scanner_set_config(lane->scanner, 0, ZBAR_CFG_X_DENSITY, density) != 0 ||
	    zbar_image_scanner_set_config(lane->scanner, 0, ZBAR_CFG_Y_DENSITY, density) != 0) {
		return -EIO;
	}
	image = zbar_image_create();
	if (!image) {
		return -ENOMEM;
	}
	zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(image, w, h);
	/* Borrowed, not copied: no cleanup handler, and ZBar does not write to
	 * Y800 data (it only converts other formats). */
	zbar_image_set_data(image, px, (unsigned long)w * h, NULL);
	n = zbar_scan_image(lane->scanner, image);
	if (n < 0) {
		wipe_symbols(zbar_image_first_symbol(image));
		zbar_image_destroy(image);
		return -EIO;
	}
	collect(image, lane->out);
	wipe_symbols(zbar_image_first_symbol(image));
	zbar_image_destroy(image);
	if (n > 0) {
		renew(lane);
		scrub_stack();
	}
	return (int)(lane->out->count - before);
}

/*
 * Grow the work buffer to hold @p pixels. Not realloc: what it holds (a code's
 * picture) is not needed again, and must not be left behind where it was.
 */
static int reserve(struct lane *lane, size_t pixels)
{
	if (pixels > lane->cap) {
		uint8_t *p = malloc(pixels);

		if (p == NULL) {
			return -ENOMEM;
		}
		lane_wipe(lane, true);
		lane->buf = p;
		lane->cap = pixels;
	}
	return 0;
}

void mck_qrscan_forget(struct mck_qrscan *scan)
{
	if (!scan) {
		return;
	}
	/* where the last frame's finders were, and how rough its cells */
	explicit_bzero(&scan->census, sizeof(scan->census));
	for (unsigned w = 0; w < scan->lanes; w++) {
		lane_wipe(&scan->lane[w], false);
		own_wipe(&scan->lane[w]);
		/* A fresh ZBar: it keeps no text between frames (symbols are wiped and
		 * the scanner renewed after each decode), but what it does keep is its
		 * own. */
		if (scan->lane[w].scanner) {
			renew(&scan->lane[w]);
		}
	}
}

/*
 * Round finders @p f: the span of their centres, and each way the
 * finder-to-edge and quiet-zone modules and, for the finders of @p coded
 * codes, the fourth corners within the span of a rotated square's three,
 * else (a finder hidden by glare, say) the span again, since the rest of a
 * code can be on either side.
 */
static void loose_box(const struct mck_finder *f, int n, bool coded, float box[4])
{
	float module = 0;
	float margin;

	for (int i = 0; i < n; i++) {
		box[0] = fminf(box[0], f[i].x);
		box[1] = fminf(box[1], f[i].y);
		box[2] = fmaxf(box[2], f[i].x);
		box[3] = fmaxf(box[3], f[i].y);
		module += f[i].module;
	}
	module /= (float)n;
	margin = coded ? 9 * module + fmaxf(box[2] - box[0], box[3] - box[1]) * 0.45f
		       : fmaxf(box[2] - box[0], box[3] - box[1]) + 9 * module;
	box[0] -= margin;
	box[1] -= margin;
	box[2] += margin;
	box[3] += margin;
}

/* @p box clipped to the frame. */
static struct mck_rect clipped(const float box[4], uint32_t w, uint32_t h)
{
	float x0 = fmaxf(0, box[0]);
	float y0 = fmaxf(0, box[1]);
	float x1 = fminf((float)w, box[2]);
	float y1 = fminf((float)h, box[3]);

	if (x1 <= x0 || y1 <= y0) {
		return (struct mck_rect){0, 0, 0, 0};
	}
	return (struct mck_rect){(uint32_t)x0, (uint32_t)y0, (uint32_t)(x1 - x0),
				 (uint32_t)(y1 - y0)};
}

/*
 * The region of code @p t alone, tight: its three finder centres and the
 * fourth corner they imply (a parallelogram's; perspective moves it by up
 * to a tenth of a leg or so), plus the finder-to-edge and quiet-zone
 * modules. Its size (the longer leg) in @p legs.
 */
static void code_box(const struct mck_finder *f, struct mck_triple t, float box[4], float *legs)
{
	const struct mck_finder *a = &f[t.tl];
	const struct mck_finder *b = &f[t.tr];
	const struct mck_finder *d = &f[t.bl];
	float x[4] = {a->x, b->x, d->x, b->x + d->x - a->x};
	float y[4] = {a->y, b->y, d->y, b->y + d->y - a->y};
	float module = (a->module + b->module + d->module) / 3;
	float margin;

	*legs = fmaxf(hypotf(b->x - a->x, b->y - a->y), hypotf(d->x - a->x, d->y - a->y));
	margin = 8 * module + 0.12f * *legs;
	for (int k = 0; k < 4; k++) {
		box[0] = fminf(box[0], x[k] - margin);
		box[1] = fminf(box[1], y[k] - margin);
		box[2] = fmaxf(box[2], x[k] + margin);
		box[3] = fmaxf(box[3], y[k] + margin);
	}
}

/* The box of code @p t's three finder centres and the fourth corner they imply. */
static void corner_box(const struct mck_finder *f, struct mck_triple t, float box[4])
{
	float x[4] = {f[t.tl].x, f[t.tr].x, f[t.bl].x, f[t.tr].x + f[t.bl].x - f[t.tl].x};
	float y[4] = {f[t.tl].y, f[t.tr].y, f[t.bl].y, f[t.tr].y + f[t.bl].y - f[t.tl].y};

	box[0] = box[1] = INFINITY;
	box[2] = box[3] = -INFINITY;
	for (int k = 0; k < 4; k++) {
		box[0] = fminf(box[0], x[k]);
		box[1] = fminf(box[1], y[k]);
		box[2] = fmaxf(box[2], x[k]);
		box[3] = fmaxf(box[3], y[k]);
	}
}

/*
 * The corners of codes of their own first: those whose box of finder
 * centres meets no earlier one's. A dense or noisy code's data make
 * look-alike finders, and three of them a corner across the code; codes
 * side by side do not overlap. Returns how many codes there are.
 */
static int distinct_codes(const struct mck_finder *f, struct mck_triple *corners, int codes)
{
	float box[MCK_QRSCAN_MAX_CODES][4];
	int n = 0;

	for (int c = 0; c < codes; c++) {
		float b[4];
		bool apart = true;

		corner_box(f, corners[c], b);
		for (int k = 0; k < n && apart; k++) {
			apart = b[2] < box[k][0] || b[0] > box[k][2] || b[3] < box[k][1] ||
				b[1] > box[k][3];
		}
		if (apart) {
			struct mck_triple t = corners[c];

			/* in place of the first look-alike, which moves up behind it */
			memmove(&corners[n + 1], &corners[n], (size_t)(c - n) * sizeof(corners[0]));
			corners[n] = t;
			memcpy(box[n], b, sizeof(b));
			n++;
		}
	}
	return n;
}

/*
 * The region of the codes. One: its own (code_box). Several, or none:
 * round every finder, not only the triples' (loose_box).
 */
static struct mck_rect roi_of(const struct mck_finder *f, int n, const struct mck_triple *corners,
			      int codes, uint32_t w, uint32_t h)
{
	float box[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
	float legs;

	if (codes != 1) {
		loose_box(f, n, codes > 0, box);
	} else {
		code_box(f, corners[0], box, &legs);
	}
	return clipped(box, w, h);
}

/*
 * What a frame has planned so far, against the caps of qrscan.h and the
 * camera's budget: estimates only, never the clock, so that a frame takes
 * the same steps on any machine, under valgrind, on one thread or several.
 */
struct tally {
	unsigned long cost; /* estimated us of the fits and passes planned */
	unsigned passes;    /* ZBar passes planned */
	unsigned fits;      /* grid fits planned */
	unsigned admitted;  /* steps planned */
	unsigned crowded;   /* steps left out: crowded, or over the work bound */
	unsigned over;      /* steps left out: over the camera's budget */
};

/* How a step makes the image it hands ZBar. */
enum how {
	HOW_CROP,    /* region r of the frame, as it is or light for dark */
	HOW_COARSE,  /* the whole frame at 1/COARSE of its size */
	HOW_RECTIFY, /* corner c squared and upright */
	HOW_REDRAW,  /* corner c's module grid fitted, the code redrawn clean */
	HOW_WHOLE,   /* the frame itself */
};

struct step {
	enum how how;
	enum mck_qrscan_step counts_as; /* in the stats, when it reads a code */
	struct mck_rect r;
	bool inverted;
	int density;
	struct mck_triple corner[MCK_QRSCAN_MAX_CORNERS]; /* rectify: one; redraw: in turn */
	int corners;
	int version[MCK_QRSCAN_MAX_CORNERS][5]; /* redraw: each corner's versions, in turn */
	int versions[MCK_QRSCAN_MAX_CORNERS];
	bool cut;           /* redraw: the last corner's versions cut short by the bounds */
	struct tally after; /* the frame's tally once this step was planned */
};

/* What a step did, counted by whoever ran it. */
struct done {
	unsigned passes;
	unsigned fits;
	unsigned corners;
	unsigned long pixels;
};

/*
 * The grid fits of a frame's redraw step, which the pool's workers may make
 * side by side: the step itself takes them in turn as one thread would
 * (fit_of), and each is also a task of its own (fit_task), made ahead; a
 * fit is made once, by whoever claims it first. What is made and not
 * wanted (versions past the one that stood out) counts for nothing.
 */
enum fit_state { FIT_PENDING, FIT_RUNNING, FIT_DONE, FIT_GAVE_UP };

struct fits {
	int step;                          /* the redraw step's index, or -1 */
	int count;                         /* planned: corner by corner, version by version */
	int first[MCK_QRSCAN_MAX_CORNERS]; /* each corner's first */
	atomic_int state[MCK_QRSCAN_MAX_FITS];
	atomic_bool stop; /* the step has what it wants: the rest are not */
	struct mck_grid grid[MCK_QRSCAN_MAX_FITS];
};

struct job {
	struct mck_qrscan *scan;
	const uint8_t *grey;
	uint32_t w;
	uint32_t h;
	const struct mck_finder *f;
	unsigned long budget; /* the camera's, in estimated us; 0: none (still images) */
	unsigned long locate; /* the finder locator's estimate, spent on every frame */
	struct tally t;
	bool sure; /* the step planned next is the frame's sure one: it always runs */
	int nf;    /* finders located */
	int n;     /* steps planned */
	struct step step[PLAN_MAX];
	struct done done[PLAN_MAX];
	struct fits *fits; /* the redraw step's, shared by the workers */
	/* with the pool: each step's end, for a step's ZBar pass to wait for those before */
	atomic_bool *ended;
	int from; /* the first step on the pool */
};

/* Finder patterns ZBar meets in @p r of the frame, shown light for dark when @p inverted. */
static int patterns_in(const struct job *j, struct mck_rect r, bool inverted)
{
	return mck__finder_census_in(&j->scan->census, (float)r.x, (float)r.y,
				     (float)r.x + (float)r.w, (float)r.y + (float)r.h, inverted);
}

/* How rough @p r of the frame is, 0..1024 (finder.h). */
static unsigned roughness_of(const struct job *j, struct mck_rect r)
{
	return mck__finder_roughness(&j->scan->census, r.x, r.y, r.x + r.w, r.y + r.h);
}

/*
 * The estimated cost of a ZBar pass over @p pixels as rough as @p rough
 * (0..1024) holding @p patterns finder patterns, its lines @p density
 * apart; ULONG_MAX for a crowd that no bound admits.
 */
static unsigned long pass_cost(size_t pixels, unsigned rough, int patterns, int density)
{
	unsigned long scan;

	if (patterns > 1000) {
		return ULONG_MAX;
	}
	scan = (unsigned long)pixels * (COST_NS_FLAT * 1024ul + COST_NS_ROUGH * rough) /
	       (1024ul * 1000ul);
	if (density > 1) {
		scan = scan * SPARSE_PART / 8;
	}
	/* a code's own three finders: decoded at once */
	return scan + (patterns > 3 ? ((unsigned long)patterns * (unsigned long)patterns - 9) *
					      COST_US_PER_PAIR
				    : 0);
}

/* A fit of the module grid (grid.c): 0.7 ms for version 1, 2.2 for 14, 5 for 40. */
#define FIT_COST_US(v) (600ul + 110ul * (unsigned long)(v))

_Static_assert(MCK_QRSCAN_MAX_CANDIDATES == MCK_FINDER_CANDIDATES, "one cap, two names");
_Static_assert(MCK_QRSCAN_MAX_FITS == 5 * MCK_QRSCAN_MAX_CORNERS, "five versions a corner");

enum verdict {
	FITS,
	CROWDED, /* over the work bound: too many finder patterns, passes, fits or cost */
	OVER,    /* over the camera's budget */
};

/*
 * Whether a step of @p cost with @p passes ZBar passes and @p fits grid
 * fits can be planned after what is: within the work bound always, within
 * the camera's budget unless it is the frame's sure step (which always
 * runs: the pass likeliest to read for its cost).
 */
static enum verdict judge(const struct tally *t, const struct job *j, unsigned long cost,
			  unsigned passes, unsigned fits)
{
	if (t->passes + passes > MCK_QRSCAN_MAX_PASSES || t->fits + fits > MCK_QRSCAN_MAX_FITS ||
	    cost > MCK_QRSCAN_MAX_COST_US - t->cost) {
		return CROWDED;
	}
	if (j->budget != 0 && !j->sure && j->locate + t->cost + cost > j->budget) {
		return OVER;
	}
	return FITS;
}

/* Count a step left out for @p v. */
static void refuse(struct job *j, enum verdict v)
{
	j->t.crowded += v == CROWDED;
	j->t.over += v == OVER;
}

/* Plan step @p s at cost @p cost, if it fits (judge). Returns whether it was. */
static bool plan(struct job *j, struct step s, unsigned long cost, unsigned passes, unsigned fits)
{
	enum verdict v = judge(&j->t, j, cost, passes, fits);

	if (v != FITS || j->n == PLAN_MAX) {
		refuse(j, v);
		return false;
	}
	j->t.cost += cost;
	j->t.passes += passes;
	j->t.fits += fits;
	j->t.admitted++;
	j->sure = false;
	s.after = j->t;
	j->done[j->n] = (struct done){0};
	j->step[j->n++] = s;
	return true;
}

/* Plan a ZBar pass over region @p r of the frame, light for dark when @p inverted. */
static bool plan_crop(struct job *j, struct mck_rect r, bool inverted, int density,
		      enum mck_qrscan_step counts_as)
{
	struct step s = {.how = HOW_CROP,
			 .counts_as = counts_as,
			 .r = r,
			 .inverted = inverted,
			 .density = density};

	if (r.w < 21 || r.h < 21) {
		return false;
	}
	return plan(j, s,
		    pass_cost((size_t)r.w * r.h, roughness_of(j, r), patterns_in(j, r, inverted),
			      density),
		    1, 0);
}

/* A code's three finder centres (pixel centres) and their spacing in modules, as judged. */
struct corner_points {
	float tl[2];
	float tr[2];
	float bl[2];
	float legs;
};

static struct corner_points corner_points(const struct mck_finder *f, struct mck_triple t)
{
	struct corner_points p = {
		{f[t.tl].x + 0.5f, f[t.tl].y + 0.5f},
		{f[t.tr].x + 0.5f, f[t.tr].y + 0.5f},
		{f[t.bl].x + 0.5f, f[t.bl].y + 0.5f},
		0,
	};
	float module = (f[t.tl].module + f[t.tr].module + f[t.bl].module) / 3;

	p.legs = (hypotf(p.tr[0] - p.tl[0], p.tr[1] - p.tl[1]) +
		  hypotf(p.bl[0] - p.tl[0], p.bl[1] - p.tl[1])) /
		 2 / module;
	return p;
}

/* Pixels of the redraw of a code of @p version (0: none; redraw.h: its modules and quiet zone). */
static size_t redraw_pixels(int version)
{
	size_t side = version == 0
			      ? 0
			      : (size_t)(17 + 4 * version + 2 * MCK_REDRAW_QUIET) * MCK_REDRAW_PPM;

	return side * side;
}

/* The square a code is rectified into (prep.h, RECTIFY_PPM px per module): 10 modules round it. */
static size_t rectify_pixels(float legs)
{
	size_t side = (size_t)(legs * RECTIFY_PPM + 20 * RECTIFY_PPM + 1);

	return side * side;
}

/* The region of one code, loosely: round its three finders (loose_box). */
static struct mck_rect roi_of_corner(const struct mck_finder *f, struct mck_triple t, uint32_t w,
				     uint32_t h)
{
	struct mck_finder three[3] = {f[t.tl], f[t.tr], f[t.bl]};
	float box[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};

	loose_box(three, 3, true, box);
	return clipped(box, w, h);
}

/* The region of one code, tightly (code_box). */
static struct mck_rect roi_of_code(const struct mck_finder *f, struct mck_triple t, uint32_t w,
				   uint32_t h)
{
	float box[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
	float legs;

	code_box(f, t, box, &legs);
	return clipped(box, w, h);
}

/*
 * The estimate of one code squared and upright from its three finders @p t
 * (0: none, its finders too near or far for a code): the square holds what
 * lies round the code too, its finder patterns count.
 */
static unsigned long rectify_cost(struct job *j, struct mck_triple t, int density)
{
	struct corner_points p = corner_points(j->f, t);
	struct mck_rect around = roi_of_code(j->f, t, j->w, j->h);

	if (p.legs < 10 || p.legs > 200) {
		return 0;
	}
	return pass_cost(rectify_pixels(p.legs), roughness_of(j, around),
			 patterns_in(j, around, j->f[t.tl].light), density) +
	       rectify_pixels(p.legs) * RECTIFY_NS / 1000;
}

/*
 * Plan one code squared and upright from its three finders, at RECTIFY_PPM
 * pixels per module: ZBar reads tilted, turned and small codes this way that it
 * misses in the frame.
 */
static void plan_rectify(struct job *j, struct mck_triple t, int density)
{
	unsigned long cost = rectify_cost(j, t, density);
	struct step s = {.how = HOW_RECTIFY,
			 .counts_as = MCK_QRSCAN_STEP_RECTIFIED,
			 .inverted = j->f[t.tl].light,
			 .density = density,
			 .corner = {t},
			 .corners = 1};

	if (cost > 0) {
		plan(j, s, cost, 1, 0);
	}
}

/* The versions of a code whose finders are @p t, likeliest first; returns how many. */
static int versions_of(const struct job *j, struct mck_triple t, int version[5])
{
	/* the module size is judged to 15 % or so: the guess, then one and two either side */
	int guess = mck__grid_version(corner_points(j->f, t).legs);
	int n = 0;

	for (int d = 0; d <= 4; d++) {
		int v = guess + (d % 2 == 1 ? (d + 1) / 2 : -(d / 2));

		if (v >= 1 && v <= 40) {
			version[n++] = v;
		}
	}
	return n;
}

/* The estimate of a redraw: the fits planned and the pass over the largest version's. */
static unsigned long redraw_cost(const struct step *s, unsigned *fits)
{
	unsigned long cost = 0;
	int largest = 0;

	*fits = 0;
	for (int c = 0; c < s->corners; c++) {
		for (int i = 0; i < s->versions[c]; i++) {
			cost += FIT_COST_US(s->version[c][i]);
			largest = s->version[c][i] > largest ? s->version[c][i] : largest;
			++*fits;
		}
	}
	/* drawn clean: the code's own three finders are all ZBar meets */
	return cost + pass_cost(redraw_pixels(largest), ROUGH_DRAWN, 3, 2);
}

/*
 * Plan the codes read module by module and redrawn (grid.c): for the most
 * code-like corners of three finders @p cand, in turn, the maps of the
 * versions their finder spacing allows, as many as the bounds allow; the
 * best fit of them redrawn for ZBar. As the frame's @p sure step, one
 * version at least, whatever the budget. Returns whether it was planned.
 */
static bool plan_redraw(struct job *j, const struct mck_triple *cand, int nc, bool sure)
{
	struct step s = {.how = HOW_REDRAW, .counts_as = MCK_QRSCAN_STEP_REDRAWN, .density = 2};
	enum verdict v = FITS;
	unsigned fits = 0;

	for (int c = 0; c < nc && !s.cut; c++) {
		int all;

		/* the sampler takes dark modules; dark mode is read elsewhere */
		if (j->f[cand[c].tl].light) {
			continue;
		}
		s.corner[s.corners] = cand[c];
		all = versions_of(j, cand[c], s.version[s.corners]);
		s.corners++;
		for (s.versions[s.corners - 1] = all; s.versions[s.corners - 1] > 0;
		     s.versions[s.corners - 1]--) {
			v = judge(&j->t, j, redraw_cost(&s, &fits), 1, fits);
			if (v == FITS) {
				break;
			}
		}
		s.cut = s.versions[s.corners - 1] < all;
		s.corners -= s.versions[s.corners - 1] == 0;
	}
	for (int c = 0; sure && s.corners == 0 && c < nc; c++) {
		/* the frame's sure step: at least one version of the first corner */
		if (!j->f[cand[c].tl].light) {
			s.corner[0] = cand[c];
			versions_of(j, cand[c], s.version[0]);
			s.versions[0] = 1;
			s.corners = 1;
			s.cut = true;
		}
	}
	if (s.corners == 0) {
		if (v != FITS) {
			refuse(j, v);
		}
		return false;
	}
	unsigned long cost = redraw_cost(&s, &fits);

	j->sure = sure;
	if (!plan(j, s, cost, 1, fits)) {
		return false;
	}
	if (j->fits->step < 0) {
		struct fits *f = j->fits;

		f->step = j->n - 1;
		f->count = 0;
		for (int c = 0; c < s.corners; c++) {
			f->first[c] = f->count;
			f->count += s.versions[c];
		}
		for (int k = 0; k < f->count; k++) {
			atomic_init(&f->state[k], FIT_PENDING);
		}
		atomic_init(&f->stop, false);
	}
	return true;
}

/* A counted ZBar pass of a step. */
static int counted_pass(struct lane *lane, struct done *d, const uint8_t *px, uint32_t w,
			uint32_t h, int density)
{
	d->passes++;
	d->pixels += (unsigned long)w * h;
	return zbar_pass(lane, px, w, h, density);
}

/*
 * Fit @p k of the redraw step (fits), unless given up for @p stop or
 * @p cancel: claimed already, and marked done or given up.
 */
static void make_fit(const struct job *j, int k, const atomic_bool *stop, const atomic_bool *cancel)
{
	struct fits *f = j->fits;
	const struct step *s = &j->step[f->step];
	int c = 0;

	while (c + 1 < s->corners && f->first[c + 1] <= k) {
		c++;
	}
	struct corner_points p = corner_points(j->f, s->corner[c]);
	/* grid.c puts a pixel's centre at integer coordinates */
	float tl[2] = {p.tl[0] - 0.5f, p.tl[1] - 0.5f};
	float tr[2] = {p.tr[0] - 0.5f, p.tr[1] - 0.5f};
	float bl[2] = {p.bl[0] - 0.5f, p.bl[1] - 0.5f};
	bool made = mck__grid_fit_until(j->grey, j->w, j->h, tl, tr, bl,
					s->version[c][k - f->first[c]], &f->grid[k], stop, cancel);

	atomic_store(&f->state[k], made ? FIT_DONE : FIT_GAVE_UP);
}

/* Claim fit @p k if nobody has; returns whether this thread made it. */
static bool claim_fit(const struct job *j, int k, const atomic_bool *stop,
		      const atomic_bool *cancel)
{
	int pending = FIT_PENDING;

	if (!atomic_compare_exchange_strong(&j->fits->state[k], &pending, FIT_RUNNING)) {
		return false;
	}
	make_fit(j, k, stop, cancel);
	return true;
}

/*
 * On the pool: wait for the steps before step @p i to end, meanwhile making
 * the redraw step's fits nobody has taken. A ZBar pass cannot be stopped
 * halfway, and the pool returns only once every task has ended: a third
 * step's pass begun while the two before it were still going would hold
 * up the frame whenever one of those read the code (the usual case), for
 * nothing. The fits are what a step before it may be waiting on. Returns
 * false when @p cancel rises (one of them read).
 */
static bool after_those_before(const struct job *j, int i, const atomic_bool *cancel)
{
	for (int k = j->from; j->ended != NULL && k < i; k++) {
		while (!atomic_load(&j->ended[k])) {
			bool helped = false;

			if (cancel != NULL && atomic_load(cancel)) {
				return false;
			}
			/* Not under this step's cancel: a step between the redraw and
			 * this one may read and cancel this one, while the redraw,
			 * below it, still wants the fit made as one thread would. */
			for (int next = 0; j->fits->step >= 0 && j->fits->step < i &&
					   next < j->fits->count && !helped;
			     next++) {
				helped = claim_fit(j, next, &j->fits->stop, NULL);
			}
			if (!helped) {
				struct timespec nap = {0, 20000};

				nanosleep(&nap, NULL);
			}
		}
	}
	return true;
}

/*
 * Fit @p k of the redraw step, for the step: made here if nobody has taken
 * it, else waited for, meanwhile making the next ones nobody has taken.
 * NULL when @p cancel rises (a step before this one read).
 */
static const struct mck_grid *fit_of(const struct job *j, int k, const atomic_bool *cancel)
{
	struct fits *f = j->fits;

	(void)claim_fit(j, k, NULL, cancel);
	for (;;) {
		int state = atomic_load(&f->state[k]);
		bool helped = false;

		if (state == FIT_DONE) {
			return &f->grid[k];
		}
		if (state == FIT_GAVE_UP || (cancel != NULL && atomic_load(cancel))) {
			return NULL;
		}
		/* on another worker: the next ones, which this step may want too */
		for (int next = k + 1; next < f->count && !helped; next++) {
			helped = claim_fit(j, next, &f->stop, cancel);
		}
		if (!helped) {
			struct timespec nap = {0, 20000};

			nanosleep(&nap, NULL);
		}
	}
}

/* How a corner's fits came out. */
enum fit_outcome {
	FIT_CUT,       /* its versions were cut short by the bounds */
	FIT_UNCLEAR,   /* no version stands out: a look-alike, or a code too far gone */
	FIT_CLEAR,     /* one version scores twice the others: a code */
	FIT_CANCELLED, /* not wanted: a step before this one read */
};

/*
 * The best map for corner @p c of redraw step @p s among its versions,
 * into @p best if it beats it: fitted in turn until one scores three times
 * the others' mean (the versions further out will not beat it).
 */
static enum fit_outcome fit_corner(const struct job *j, const struct step *s, int c,
				   struct mck_grid *best, struct done *d, const atomic_bool *cancel)
{
	struct mck_grid mine = {0};
	int tried = 0;
	float all = 0;

	d->corners++;
	for (int i = 0; i < s->versions[c]; i++) {
		const struct mck_grid *fit = fit_of(j, j->fits->first[c] + i, cancel);

		if (fit == NULL) {
			return FIT_CANCELLED;
		}
		d->fits++;
		tried++;
		all += fit->score;
		if (mine.version == 0 || fit->score > mine.score) {
			mine = *fit;
		}
		if (tried >= 3 && mine.score > 0 &&
		    mine.score >= 3 * (all - mine.score) / (float)(tried - 1)) {
			break; /* three times the others: the versions further out will not beat it */
		}
	}
	if (mine.version != 0 && (best->version == 0 || mine.score > best->score)) {
		*best = mine; /* even when cut short: the best so far may be the code */
	}
	if (c == s->corners - 1 && s->cut && tried == s->versions[c]) {
		return FIT_CUT;
	}
	/* the others' mean: the level of a map that fits only by chance */
	return tried > 1 && mine.score > 0 &&
			       mine.score >= 2 * (all - mine.score) / (float)(tried - 1)
		       ? FIT_CLEAR
		       : FIT_UNCLEAR;
}

/*
 * Codes read module by module and redrawn clean: the map fitted for the
 * most code-like corners of three finders in turn, until one is clearly a
 * code (no other corner will do better); the best fit (a code's function
 * patterns show; a look-alike's do not) redrawn for ZBar.
 */
static int run_redraw(const struct job *j, const struct step *s, struct lane *lane, struct done *d,
		      const atomic_bool *cancel)
{
	struct mck_grid best = {0};
	enum fit_outcome o = FIT_UNCLEAR;
	size_t cap;
	uint32_t side;

	for (int c = 0; c < s->corners && o == FIT_UNCLEAR; c++) {
		o = fit_corner(j, s, c, &best, d, cancel);
	}
	/* the fits not taken yet are not wanted: those under way give up */
	atomic_store(&j->fits->stop, true);
	if (o == FIT_CANCELLED || best.version == 0) {
		return 0; /* a step before this one read: this one's result is not wanted */
	}
	cap = redraw_pixels(best.version);
	if (reserve(lane, cap) != 0) {
		return -ENOMEM;
	}
	mck__grid_redraw(j->grey, j->w, j->h, &best, lane->buf, cap, &side);
	if (side == 0) {
		return 0;
	}
	return counted_pass(lane, d, lane->buf, side, side, 2); /* drawn clean, 3 px per module */
}

/* Run planned step @p i on @p lane. Returns codes found, 0, or -errno. */
static int run_step(const struct job *j, int i, struct lane *lane, struct done *d,
		    const atomic_bool *cancel)
{
	const struct step *s = &j->step[i];
	uint32_t dw = 0;
	uint32_t dh = 0;
	size_t px;

	switch (s->how) {
	case HOW_WHOLE:
		return counted_pass(lane, d, j->grey, j->w, j->h, 1);
	case HOW_REDRAW:
		return run_redraw(j, s, lane, d, cancel);
	case HOW_RECTIFY: {
		struct corner_points p = corner_points(j->f, s->corner[0]);

		px = rectify_pixels(p.legs);
		if (reserve(lane, px) != 0) {
			return -ENOMEM;
		}
		mck__prep_rectify(j->grey, j->w, j->h, p.tl, p.tr, p.bl, p.legs, RECTIFY_PPM,
				  lane->buf, px, &dw, &dh);
		if (dw == 0) {
			return 0;
		}
		break;
	}
	case HOW_COARSE:
		if (reserve(lane, (size_t)(s->r.w / COARSE) * (s->r.h / COARSE)) != 0) {
			return -ENOMEM;
		}
		mck__prep_crop(j->grey, j->w, s->r, COARSE, lane->buf, &dw, &dh);
		break;
	case HOW_CROP:
	default:
		if (reserve(lane, (size_t)s->r.w * s->r.h) != 0) {
			return -ENOMEM;
		}
		mck__prep_crop(j->grey, j->w, s->r, 1, lane->buf, &dw, &dh);
		break;
	}
	if (s->inverted) {
		mck__prep_invert(lane->buf, dw, dh);
	}
	return counted_pass(lane, d, lane->buf, dw, dh, s->density);
}

/*
 * The steps of a frame handed to the pool (pool.h), in step order: each
 * step a task, run on its worker's lane, and after the redraw step each of
 * its fits (which never read a code themselves).
 */
#define TASKS_MAX (PLAN_MAX + MCK_QRSCAN_MAX_FITS)

struct tasks {
	struct job *j;
	int count;
	int8_t step[TASKS_MAX];    /* the step of each task */
	int8_t fit[TASKS_MAX];     /* the redraw's fit it makes, or -1: the step itself */
	uint8_t lane_of[PLAN_MAX]; /* the worker that ran each step */
	atomic_bool ended[PLAN_MAX];
};

_Static_assert(TASKS_MAX <= INT8_MAX && PLAN_MAX <= INT8_MAX, "tasks in int8_t");

static int step_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	struct tasks *t = ctx;
	struct job *j = t->j;
	int i = t->step[task];
	struct lane *lane = &j->scan->lane[worker];

	if (t->fit[task] >= 0) {
		/* made ahead of the redraw step, unless it has taken it or wants no more */
		(void)claim_fit(j, t->fit[task], &j->fits->stop, cancel);
		return 0;
	}
	int n = 0;

	t->lane_of[i] = (uint8_t)worker;
	lane->used = true;
	/* the first two steps side by side (the sure one and the other likeliest
	 * to read, the grid's fits shared out); the rest in turn */
	if (i < j->from + 2 || after_those_before(j, i, cancel)) {
		n = run_step(j, i, lane, &j->done[i], cancel);
	}
	atomic_store(&j->ended[i], true);
	return n;
}

/* Step @p i read codes (or failed): the plan ends with it, as if nothing after it had been planned. */
static void ended_at(struct job *j, int i, int n)
{
	if (n > 0) {
		j->scan->stats.step[j->step[i].counts_as]++;
	}
	j->t = j->step[i].after;
	j->n = i + 1;
}

/*
 * Run the steps planned from @p from on until one reads a code (or fails):
 * one after another on the caller's thread, or side by side on the pool's
 * workers, each on its own lane, the first in step order to read winning
 * (pool.h), its codes copied into @p out: the same codes and counts either
 * way. Returns codes found, 0, or -errno.
 */
static int run_steps(struct job *j, int from, struct mck_qrscan_result *out)
{
	struct mck_qrscan *scan = j->scan;
	struct tasks t = {.j = j};
	int result = 0;
	int won;

	if (scan->pool == NULL || j->n - from < 2) {
		for (int i = from; i < j->n; i++) {
			int n = run_step(j, i, &scan->lane[0], &j->done[i], NULL);

			if (n != 0) {
				ended_at(j, i, n);
				return n;
			}
		}
		return 0;
	}
	for (int i = from; i < j->n; i++) {
		atomic_init(&t.ended[i], false);
		t.step[t.count] = (int8_t)i;
		t.fit[t.count++] = -1;
		for (int k = 0; i == j->fits->step && k < j->fits->count; k++) {
			t.step[t.count] = (int8_t)i;
			t.fit[t.count++] = (int8_t)k;
		}
	}
	for (unsigned w = 0; w < scan->lanes; w++) {
		scan->lane[w].out = scan->lane[w].own;
	}
	j->ended = t.ended;
	j->from = from;
	won = mck__pool_first(scan->pool, step_task, &t, (unsigned)t.count, &result);
	j->ended = NULL;
	if (won >= 0) {
		int i = t.step[won];
		const struct mck_qrscan_result *by = scan->lane[t.lane_of[i]].own;

		ended_at(j, i, result);
		for (size_t c = 0; result > 0 && c < by->count; c++) {
			memcpy(out->text[c], by->text[c], by->len[c] + 1);
			out->len[c] = by->len[c];
			out->count = c + 1;
		}
	}
	for (unsigned w = 0; w < scan->lanes; w++) {
		if (scan->lane[w].used) {
			own_wipe(&scan->lane[w]);
		}
		scan->lane[w].out = out;
	}
	return won >= 0 ? result : 0;
}

/* Plan and run one step now, in a frame's sequence (the crowd's). */
static int run_now(struct job *j)
{
	int i = j->n - 1;
	int n = run_step(j, i, &j->scan->lane[0], &j->done[i], NULL);

	if (n > 0) {
		j->scan->stats.step[j->step[i].counts_as]++;
	}
	return n;
}

/*
 * A region crowded with finder patterns (a sheet of codes, or of look-alikes
 * made to stall ZBar), a code at a time: the region of each code's corner,
 * the least crowded first, as its own finders' polarity shows it, while the
 * frame's work bound allows. The finders of a corner whose region read a
 * code no longer count as a crowd: ZBar decodes them at once. Each step
 * depends on the ones before, so they run here, one after another, before
 * the rest of the frame is planned. Returns codes found, 0, or -errno.
 */
static int crowd(struct job *j, const struct mck_triple *corners, int codes, int density,
		 struct mck_rect r, bool light)
{
	const struct mck_finder *f = j->f;
	int order[MCK_QRSCAN_MAX_CODES];
	int crowded[MCK_QRSCAN_MAX_CODES];
	int found = 0;

	/* the least crowded first: a code beside a sheet of look-alikes before them */
	for (int c = 0; c < codes; c++) {
		int at = c;

		crowded[c] = patterns_in(j, roi_of_corner(f, corners[c], j->w, j->h),
					 f[corners[c].tl].light);
		while (at > 0 && crowded[order[at - 1]] > crowded[c]) {
			order[at] = order[at - 1];
			at--;
		}
		order[at] = c;
	}
	for (int k = 0; k < codes; k++) {
		struct mck_triple t = corners[order[k]];
		int n;

		/* the first of them is the frame's sure step */
		j->sure = j->t.admitted == 0;
		if (!plan_crop(j, roi_of_corner(f, t, j->w, j->h), f[t.tl].light, density,
			       MCK_QRSCAN_STEP_REGION)) {
			j->sure = false;
			continue;
		}
		n = run_now(j);
		if (n < 0) {
			return n;
		}
		if (n > 0) {
			mck__finder_census_forget(&j->scan->census, &f[t.tl]);
			mck__finder_census_forget(&j->scan->census, &f[t.tr]);
			mck__finder_census_forget(&j->scan->census, &f[t.bl]);
		}
		found += n;
	}
	if (found > 0 && j->nf == MCK_FINDER_MAX &&
	    plan_crop(j, r, light, density, MCK_QRSCAN_STEP_REGION)) {
		/* more finders than kept: codes beyond the corners tried, now that
		 * the ones read no longer crowd the region */
		int more = run_now(j);

		found = more < 0 ? more : found + more;
	}
	return found;
}

/* The camera's budget for a frame, in estimated us (0: none). */
static unsigned long budget_of(const struct mck_qrscan *scan)
{
	double us = (double)scan->budget_ms * 1000.0 * scan->cpu_scale;

	if (scan->budget_ms == 0) {
		return 0;
	}
	return us < 1 ? 1 : us > (double)(ULONG_MAX / 2) ? ULONG_MAX / 2 : (unsigned long)us;
}

/* The frame's counts (qrscan.h): what was planned and run up to where it ended. */
static void account(const struct job *j)
{
	struct mck_qrscan_work *w = &j->scan->stats.last;

	w->candidates = (unsigned)j->scan->census.candidates;
	w->cost_us = j->t.cost;
	w->crowded = j->t.crowded;
	w->over = j->t.over;
	w->budget_us = j->budget;
	w->locate_us = j->locate;
	for (int i = 0; i < j->n; i++) {
		w->passes += j->done[i].passes;
		w->pixels += j->done[i].pixels;
		w->fits += j->done[i].fits;
		w->corners += j->done[i].corners;
	}
	w->steps = (unsigned)j->n;
}

static int scan_frame(struct job *j, struct mck_qrscan_result *out)
{
	struct mck_qrscan *scan = j->scan;
	struct mck_finder finders[MCK_FINDER_MAX];
	const uint32_t width = j->w;
	const uint32_t height = j->h;
	const struct mck_rect frame = {0, 0, width, height};
	struct mck_rect r;
	int n;
	int light = 0;

	/* 1. Finder patterns; none at all is the common case of an empty scene. */
	j->nf = mck__finder_locate(j->grey, width, height, finders, MCK_FINDER_MAX, &scan->census);
	j->f = finders;
	if (j->nf == 0) {
		/*
		 * Codes so large that the locator does not see their finders (modules
		 * over MCK_FINDER_MAX_MODULE px: a photo from near by): ZBar at an
		 * eighth of the size reads those. A frame too small for such a code
		 * (a camera's) is empty.
		 */
		if (width < 21 * MCK_FINDER_MAX_MODULE || height < 21 * MCK_FINDER_MAX_MODULE) {
			return 0;
		}
		struct mck_rect whole = {0, 0, width - width % COARSE, height - height % COARSE};
		struct step s = {.how = HOW_COARSE,
				 .counts_as = MCK_QRSCAN_STEP_COARSE,
				 .r = whole,
				 .density = 1};

		j->sure = true;
		if (!plan(j, s,
			  pass_cost((size_t)(whole.w / COARSE) * (whole.h / COARSE),
				    roughness_of(j, whole), 0, 1),
			  1, 0)) {
			return 0;
		}
		n = run_steps(j, 0, out);
		return n < 0 ? n : (int)out->count;
	}
	/* 2. The region of the codes, and the steps on it. */
	bool in_code[MCK_FINDER_MAX];
	struct mck_triple corners[MCK_QRSCAN_MAX_CODES];
	int triples = mck__finder_triples(finders, j->nf, in_code, corners, MCK_QRSCAN_MAX_CODES);
	int codes = distinct_codes(finders, corners, triples);
	/*
	 * Two finders of a code and no third (hidden, or missed: finder.h), or
	 * one corner of three whose timing patterns do not show (a look-alike,
	 * or a code in steep perspective; a code's own corner, the usual case,
	 * costs nothing more): the corners its timing patterns make likeliest,
	 * the third's place taken for a finder, read as a code's (squared up,
	 * and redrawn clean with all three finders). A frame without a code
	 * rarely gets here: two look-alikes a code apart, then a corner with
	 * both timing patterns.
	 */
	struct mck_triple guessed[MCK_QRSCAN_MAX_CORNERS];
	int nf_seen = j->nf;
	bool seen_weak = codes == 1 && mck__finder_timing(j->grey, width, height, finders,
							  corners[0]) < SEEN_TIMING;
	int ng = (codes == 0 || seen_weak) && j->nf >= 2
			 ? mck__finder_complete(j->grey, width, height, finders, &j->nf,
						MCK_FINDER_MAX, guessed, MCK_QRSCAN_MAX_CORNERS)
			 : 0;
	for (int i = nf_seen; i < j->nf; i++) {
		in_code[i] = false;
	}
	for (int i = 0; i < j->nf && codes > 0; i++) {
		if (in_code[i]) {
			light += finders[i].light ? 1 : -1; /* the codes' polarity, by vote */
		}
	}
	/* scan lines tuned to the module size: sparse where every code's modules are large */
	int density = codes > 0 ? 2 : 1;

	for (int c = 0; c < codes; c++) {
		float smallest =
			fminf(finders[corners[c].tl].module,
			      fminf(finders[corners[c].tr].module, finders[corners[c].bl].module));

		density = smallest >= DENSE_BELOW ? density : 1;
	}
	r = roi_of(finders, j->nf, corners, codes, width, height);
	if (codes == 0) {
		/* No finder triple (noise, blur, a hidden finder): the finders do not
		 * say where the code is; look everywhere. */
		r = frame;
	}
	/*
	 * 3. A region crowded with finder patterns: a code at a time, first.
	 * Then the sure step, the pass likeliest to read for its cost, which
	 * always runs: one code squared and upright at 3 px a module (a
	 * tilted, turned or small code too), several codes' region as it is
	 * (all of them at once), or without a code the whole frame (as plain
	 * ZBar sees it; a camera frame of stray finders, texture or noise, gets
	 * only that: the next frame comes soon).
	 */
	int from = j->n;
	struct step region = {.how = HOW_CROP,
			      .counts_as = MCK_QRSCAN_STEP_REGION,
			      .r = r,
			      .inverted = light > 0,
			      .density = density};
	bool crowded = r.w >= 21 && r.h >= 21 && codes > 0 &&
		       judge(&j->t, j,
			     pass_cost((size_t)r.w * r.h, roughness_of(j, r),
				       patterns_in(j, r, light > 0), density),
			     1, 0) == CROWDED;

	if (crowded) {
		j->t.crowded++; /* the region, left out */
		n = crowd(j, corners, triples, density, r, light > 0);
		if (n != 0) {
			return n < 0 ? n : (int)out->count;
		}
		from = j->n;
	}
	/*
	 * 4-7. The rest, in turn while the budget allows: the other polarity
	 * (dark-mode screens, or a wrong vote); each code squared and upright
	 * from its finders; each read module by module and redrawn (grid.c:
	 * tilt, blur and small modules that ZBar's own sampling loses); the
	 * whole frame as plain ZBar sees it. A camera's budget rarely holds
	 * them all, and a code held up stays for many frames: every other
	 * camera frame the grid is the sure step, first, with as many fits as
	 * the budget holds, so that two frames in a row try both.
	 */
	bool grid_first = j->budget != 0 && scan->stats.frames % 2 == 0 && (codes > 0 || ng > 0);
	bool one = codes == 1;
	struct mck_triple cand[MCK_QRSCAN_MAX_CORNERS];
	int nc =
		codes > 0 || j->budget == 0 || ng > 0
			? mck__finder_candidates(finders, nf_seen, cand, MCK_QRSCAN_MAX_CORNERS - 1)
			: 0;

	if (codes == 0 && ng > 0) {
		/* no corner seen: the guesses and the likeliest corners, in turn */
		struct mck_triple seen[MCK_QRSCAN_MAX_CORNERS];
		int ns = nc;
		int k = 0;

		memcpy(seen, cand, sizeof(seen[0]) * (size_t)ns);
		for (int i = 0; k < MCK_QRSCAN_MAX_CORNERS && (i < ng || i < ns); i++) {
			if (i < ng) {
				cand[k++] = guessed[i];
			}
			if (i < ns && k < MCK_QRSCAN_MAX_CORNERS) {
				cand[k++] = seen[i];
			}
		}
		nc = k;
	} else if (ng > 0 &&
		   mck__finder_timing(j->grey, width, height, finders, guessed[0]) >
			   mck__finder_timing(j->grey, width, height, finders, corners[0])) {
		/* the best guess first, its timing patterns showing better than the
		 * corner seen (a look-alike, a third finder hidden): a camera's budget
		 * may hold one corner's fit only */
		memmove(&cand[1], &cand[0], sizeof(cand[0]) * (size_t)nc);
		cand[0] = guessed[0];
		nc++;
	} else if (ng > 0) {
		/* the best guess after the corners seen (perspective blurs their timing) */
		cand[nc++] = guessed[0];
	}

	bool drawn = grid_first && !crowded && plan_redraw(j, cand, nc, true);

	if (!crowded) {
		j->sure = !drawn;
		if (one) {
			plan_rectify(j, corners[0], RECTIFY_DENSITY);
		} else if (r.w >= 21 && r.h >= 21) {
			plan(j, region,
			     pass_cost((size_t)r.w * r.h, roughness_of(j, r),
				       patterns_in(j, r, light > 0), density),
			     1, 0);
		}
		j->sure = false;
	}
	if (codes > 0 || j->budget == 0 || ng > 0) {
		if (!grid_first && one) {
			plan_redraw(j, cand, nc, false);
		}
		if (one && !crowded) {
			plan_crop(j, r, light > 0, density, MCK_QRSCAN_STEP_REGION);
		}
		plan_crop(j, r, light <= 0, density, MCK_QRSCAN_STEP_INVERTED);
		/* the codes' corners, then look-alikes' (a code's may be among them) */
		for (int c = one ? 1 : 0; c < triples && c < 3; c++) {
			plan_rectify(j, corners[c], RECTIFY_DENSITY);
		}
		if (ng > 0) {
			/* the corner guessed from two finders: the one seen may be a look-alike */
			plan_rectify(j, guessed[0], RECTIFY_DENSITY);
		}
		if (!grid_first && !one) {
			plan_redraw(j, cand, nc, false);
		}
		if (r.w < width || r.h < height) {
			struct step s = {
				.how = HOW_WHOLE, .counts_as = MCK_QRSCAN_STEP_WHOLE, .density = 1};

			plan(j, s,
			     pass_cost((size_t)width * height, roughness_of(j, frame),
				       patterns_in(j, frame, false), 1),
			     1, 0);
		}
	}
	n = run_steps(j, from, out);
	if (n > 0 && j->nf == MCK_FINDER_MAX && j->budget == 0 && (r.w < width || r.h < height)) {
		/* A still image with more finders than we keep (many codes, or dense
		 * ones): the rest of the frame too, for codes outside the region. */
		struct step s = {
			.how = HOW_WHOLE, .counts_as = MCK_QRSCAN_STEP_WHOLE, .density = 1};

		if (plan(j, s,
			 pass_cost((size_t)width * height, roughness_of(j, frame),
				   patterns_in(j, frame, false), 1),
			 1, 0)) {
			/* not counted as the step that read: the region did */
			int more = run_step(j, j->n - 1, &scan->lane[0], &j->done[j->n - 1], NULL);

			n = more < 0 ? more : n + more;
		}
	}
	return n < 0 ? n : (int)out->count;
}

int mck_qrscan_frame(struct mck_qrscan *scan, const uint8_t *grey, uint32_t width, uint32_t height,
		     struct mck_qrscan_result *out)
{
	struct job j;
	struct fits fits;
	int n;

	if (!out) {
		return -EINVAL;
	}
	/* no text of an earlier frame left behind in it (130 KB: 1 us, measured) */
	mck_qrscan_result_wipe(out);
	if (!scan || !grey || width == 0 || height == 0) {
		return -EINVAL;
	}
	/* ZBar's QR locator keeps coordinates in int with sub-pixel bits. */
	if (width > MCK_QRSCAN_MAX_SIDE || height > MCK_QRSCAN_MAX_SIDE) {
		return -EFBIG;
	}
	scan->stats.frames++;
	memset(&scan->stats.last, 0, sizeof(scan->stats.last));
	memset(&j, 0, sizeof(j));
	fits.step = -1;
	j.fits = &fits;
	j.scan = scan;
	j.grey = grey;
	j.w = width;
	j.h = height;
	j.budget = budget_of(scan);
	j.locate = (unsigned long)width * height * LOCATE_NS / 1000;
	for (unsigned w = 0; w < scan->lanes; w++) {
		scan->lane[w].out = out; /* run_steps hands the workers their own */
	}
	n = scan_frame(&j, out);
	for (unsigned w = 0; w < scan->lanes; w++) {
		scan->lane[w].out = NULL;
	}
	account(&j);
	return n;
}
