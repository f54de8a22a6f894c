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
 * redraw's and the finder locator's buffers are wiped as each returns.
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
#include <time.h>

#include <zbar.h>

#include "finder.h"
#include "grid.h"
#include "prep.h"
#include "redraw.h"

/* ZBar's cost per pixel scanned, for deciding whether a step fits the budget. */
#define NS_PER_PIXEL 22
/* Codes whose finders' modules are this many pixels or more: every other scan line. */
#define DENSE_BELOW  2.5f
/* Without a finder, the frame is scanned at 1/COARSE of its size (large codes only). */
#define COARSE       4

/*
 * The cost model of the work bound (qrscan.h), in us, calibrated to CPU time
 * on the kiosk's class of x86 core (the estimates run at or above what the
 * passes take). ZBar scans an image and, once it has met three finder
 * patterns, binarises all of it: 10 ns a pixel on a flat or printed area,
 * up to 45 through sensor noise, in proportion to its roughness (finder.h).
 * Then it tries every three patterns that could be a code's corner,
 * decoding each: in an image of F patterns in a code-like grid that grows
 * as F^2 (measured: 0.05 ms at 3, 15 at 9, 110 at 25; a 4096x3072 sheet of
 * them took 1.5 s). F is what the census counts in the image, of the
 * polarity ZBar sees: finders at the corner of a clean square of three.
 */
#define COST_NS_FLAT     10
#define COST_NS_ROUGH    65 /* more, at one turn a pixel */
#define COST_US_PER_PAIR 200
/* A code redrawn clean is as rough as a printed one (a turn every fifth pixel). */
#define ROUGH_DRAWN      205

struct mck_qrscan {
	zbar_image_scanner_t *scanner;
	unsigned budget_ms;
	struct mck_qrscan_stats stats;
	struct mck_finder_census census; /* the current frame's */
	/* Work buffer for crops and squared codes, grown as needed (at most a frame). */
	uint8_t *buf;
	size_t buf_cap;
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
	scan->scanner = scanner_new();
	if (!scan->scanner) {
		free(scan);
		return NULL;
	}
	scan->budget_ms = 0; /* still images: every step; a camera sets a budget */
	return scan;
}

void mck_qrscan_set_budget(struct mck_qrscan *scan, unsigned ms)
{
	scan->budget_ms = ms;
}

const struct mck_qrscan_stats *mck_qrscan_stats(const struct mck_qrscan *scan)
{
	return &scan->stats;
}

void mck_qrscan_destroy(struct mck_qrscan *scan)
{
	if (!scan) {
		return;
	}
	if (scan->scanner) {
		zbar_image_scanner_destroy(scan->scanner);
	}
	if (scan->buf != NULL) {
		explicit_bzero(scan->buf, scan->buf_cap);
	}
	free(scan->buf);
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
static void renew(struct mck_qrscan *scan)
{
	zbar_image_scanner_t *fresh = scanner_new();

	if (fresh) {
		zbar_image_scanner_destroy(scan->scanner);
		scan->scanner = fresh;
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
		if (len > MCK_QRSCAN_MAX_TEXT || seen(out, data, len)) {
			continue;
		}
		memcpy(out->text[out->count], data, len);
		out->text[out->count][len] = '\0';
		out->len[out->count] = len;
		out->count++;
	}
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/*
 * One ZBar pass over @p px, its scan lines @p density pixels apart (1: every
 * row and column; 2 halves the cost and still crosses the finders of codes
 * with modules of 3 px or more several times); decoded codes join @p out.
 * Returns codes added or -errno.
 */
static int zbar_pass(struct mck_qrscan *scan, const uint8_t *px, uint32_t w, uint32_t h,
		     int density, struct mck_qrscan_result *out)
{
	zbar_image_t *image;
	size_t before = out->count;
	int n;

	if (zbar_image_scanner_set_config(scan->scanner, 0, ZBAR_CFG_X_DENSITY, density) != 0 ||
	    zbar_image_scanner_set_config(scan->scanner, 0, ZBAR_CFG_Y_DENSITY, density) != 0) {
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
	n = zbar_scan_image(scan->scanner, image);
	if (n < 0) {
		wipe_symbols(zbar_image_first_symbol(image));
		zbar_image_destroy(image);
		return -EIO;
	}
	collect(image, out);
	wipe_symbols(zbar_image_first_symbol(image));
	zbar_image_destroy(image);
	if (n > 0) {
		renew(scan);
	}
	return (int)(out->count - before);
}

/*
 * Grow the work buffer to hold @p pixels. Not realloc: what it holds (a code's
 * picture) is not needed again, and must not be left behind where it was.
 */
static int reserve(struct mck_qrscan *scan, size_t pixels)
{
	if (pixels > scan->buf_cap) {
		uint8_t *p = malloc(pixels);

		if (p == NULL) {
			return -ENOMEM;
		}
		if (scan->buf != NULL) {
			explicit_bzero(scan->buf, scan->buf_cap);
		}
		free(scan->buf);
		scan->buf = p;
		scan->buf_cap = pixels;
	}
	return 0;
}

void mck_qrscan_forget(struct mck_qrscan *scan)
{
	if (!scan) {
		return;
	}
	if (scan->buf != NULL) {
		explicit_bzero(scan->buf, scan->buf_cap);
	}
	/* where the last frame's finders were, and how rough its cells */
	explicit_bzero(&scan->census, sizeof(scan->census));
	/* A fresh ZBar: it keeps no text between frames (symbols are wiped and the
	 * scanner renewed after each decode), but what it does keep is its own. */
	if (scan->scanner) {
		renew(scan);
	}
}

/*
 * The region of the codes: the corners of each finder triple and the fourth
 * corner they imply, plus the finder-to-edge and quiet-zone modules. Without
 * a triple (a finder hidden by glare, say): the span of the finders seen plus
 * as much again each way, since the rest of the code can be on either side.
 */
static struct mck_rect roi_of(const struct mck_finder *f, int n, int codes, uint32_t w, uint32_t h)
{
	float x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
	float module = 0;
	float margin;

	/* every finder, not only the triples': one of a code's may have missed its triple */
	for (int i = 0; i < n; i++) {
		x0 = fminf(x0, f[i].x);
		x1 = fmaxf(x1, f[i].x);
		y0 = fminf(y0, f[i].y);
		y1 = fmaxf(y1, f[i].y);
		module += f[i].module;
	}
	module /= n;
	if (codes > 0) {
		/* the fourth corner lies within the span of a rotated square's three */
		float span = fmaxf(x1 - x0, y1 - y0);
		margin = 9 * module + span * 0.45f;
	} else {
		margin = fmaxf(x1 - x0, y1 - y0) + 9 * module;
	}
	x0 = fmaxf(0, x0 - margin);
	y0 = fmaxf(0, y0 - margin);
	x1 = fminf((float)w, x1 + margin);
	y1 = fminf((float)h, y1 + margin);
	return (struct mck_rect){(uint32_t)x0, (uint32_t)y0, (uint32_t)(x1 - x0),
				 (uint32_t)(y1 - y0)};
}

struct job {
	struct mck_qrscan *scan;
	const uint8_t *grey;
	uint32_t w;
	uint32_t h;
	struct mck_qrscan_result *out;
	double start;
	unsigned passes;     /* ZBar passes made on this frame */
	double ns_per_pixel; /* ZBar's cost on this frame, as measured (noise costs more) */
	struct mck_qrscan_work *work; /* counted against the caps of qrscan.h */
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
 * Whether a ZBar pass over @p pixels as rough as @p rough (0..1024) holding
 * @p patterns finder patterns fits the frame's work bound; if so its
 * estimated cost is spent. A pass left out is counted as crowded.
 */
static bool may_pass(struct job *j, size_t pixels, unsigned rough, int patterns)
{
	struct mck_qrscan_work *w = j->work;
	unsigned long cost = ULONG_MAX;

	if (patterns <= 1000) {
		cost = (unsigned long)pixels * (COST_NS_FLAT * 1024ul + COST_NS_ROUGH * rough) /
			       (1024ul * 1000ul) +
		       (unsigned long)patterns * (unsigned long)patterns * COST_US_PER_PAIR;
	}
	if (w->passes >= MCK_QRSCAN_MAX_PASSES || cost > MCK_QRSCAN_MAX_COST_US - w->cost_us) {
		w->crowded++;
		return false;
	}
	w->cost_us += cost;
	return true;
}

/* A ZBar pass for this frame: counted, and its cost per pixel learnt. */
static int job_pass(struct job *j, const uint8_t *px, uint32_t w, uint32_t h, int density)
{
	double t0 = now_ms();
	int n = zbar_pass(j->scan, px, w, h, density, j->out);
	double ns = (now_ms() - t0) * 1e6 / ((double)w * h);

	j->passes++;
	j->work->passes++;
	j->work->pixels += (unsigned long)w * h;
	if (ns > j->ns_per_pixel) {
		j->ns_per_pixel = ns;
	}
	return n;
}

static bool affordable(const struct job *j, size_t pixels)
{
	double cost = (double)pixels * j->ns_per_pixel / 1e6;

	return j->scan->budget_ms == 0 || now_ms() - j->start + cost <= j->scan->budget_ms;
}

/*
 * ZBar on region @p r of the frame, turned light-for-dark when @p inverted.
 * The first pass of a frame always runs; the others only if they fit the
 * time left. Returns codes found, 0, or -errno.
 */
static int region_pass(struct job *j, struct mck_rect r, bool inverted, int density,
		       enum mck_qrscan_step step)
{
	struct mck_qrscan *scan = j->scan;
	size_t px = (size_t)r.w * r.h;
	uint32_t cw;
	uint32_t ch;
	int n;

	if (r.w < 21 || r.h < 21 || (j->passes > 0 && !affordable(j, px)) ||
	    !may_pass(j, px, roughness_of(j, r), patterns_in(j, r, inverted))) {
		return 0;
	}
	if (reserve(scan, px) != 0) {
		return -ENOMEM;
	}
	mck__prep_crop(j->grey, j->w, r, 1, scan->buf, &cw, &ch);
	if (inverted) {
		mck__prep_invert(scan->buf, cw, ch);
	}
	n = job_pass(j, scan->buf, cw, ch, density);
	if (n > 0) {
		scan->stats.step[step]++;
	}
	return n;
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

/* A fit of the module grid costs about what ZBar takes for this many pixels. */
#define FIT_PIXELS        (300 * 1000)
/* ... and, for the work bound, grows with the version: 1.3 ms for 1, 10-12 for 35-40 */
#define FIT_COST_US(v)    (1000ul + 300ul * (unsigned long)(v))
/* Corners of three finders whose grids are fitted, the best redrawn. */
#define REDRAW_CANDIDATES MCK_QRSCAN_MAX_CORNERS

_Static_assert(MCK_QRSCAN_MAX_CANDIDATES == MCK_FINDER_CANDIDATES, "one cap, two names");
_Static_assert(MCK_QRSCAN_MAX_FITS == 5 * MCK_QRSCAN_MAX_CORNERS, "five versions a corner");

/* Pixels of the redraw of a code of @p version (0: none): 4 px per module, 4 modules of quiet zone. */
static size_t redraw_pixels(int version)
{
	size_t side = version == 0 ? 0 : (size_t)(17 + 4 * version + 8) * 4;

	return side * side;
}

/* How a corner's fits came out. */
enum fit_outcome {
	FIT_OUT_OF_TIME,
	FIT_UNCLEAR, /* no version stands out: a look-alike, or a code too far gone */
	FIT_CLEAR,   /* one version scores twice the others: a code */
};

/*
 * The best map for the corner @p t among the versions its finder spacing
 * allows (grid.c; the module size is judged to 15 % or so: the guess and
 * two either side), into @p best if it beats it.
 */
static enum fit_outcome fit_corner(struct job *j, const struct mck_finder *f, struct mck_triple t,
				   struct mck_grid *best)
{
	struct corner_points p = corner_points(f, t);
	/* grid.c puts a pixel's centre at integer coordinates */
	float tl[2] = {p.tl[0] - 0.5f, p.tl[1] - 0.5f};
	float tr[2] = {p.tr[0] - 0.5f, p.tr[1] - 0.5f};
	float bl[2] = {p.bl[0] - 0.5f, p.bl[1] - 0.5f};
	int guess = mck__grid_version(p.legs);
	struct mck_grid mine = {0};
	enum fit_outcome out = FIT_UNCLEAR;
	int tried = 0;
	float all = 0;

	for (int d = 0; d <= 4; d++) {
		int v = guess + (d % 2 == 1 ? (d + 1) / 2 : -(d / 2));
		struct mck_grid fit;

		if (v < 1 || v > 40) {
			continue;
		}
		/* time for this fit, and to redraw the best so far after it */
		if (!affordable(j, FIT_PIXELS + redraw_pixels(best->version > mine.version
								      ? best->version
								      : mine.version)) ||
		    j->work->fits >= MCK_QRSCAN_MAX_FITS ||
		    FIT_COST_US(v) > MCK_QRSCAN_MAX_COST_US - j->work->cost_us) {
			out = FIT_OUT_OF_TIME;
			break;
		}
		j->work->fits++;
		j->work->cost_us += FIT_COST_US(v);
		mck__grid_fit(j->grey, j->w, j->h, tl, tr, bl, v, &fit);
		tried++;
		all += fit.score;
		if (mine.version == 0 || fit.score > mine.score) {
			mine = fit;
		}
		if (tried >= 3 && mine.score > 0 &&
		    mine.score >= 3 * (all - mine.score) / (tried - 1)) {
			break; /* three times the others: the versions further out will not beat it */
		}
	}
	if (mine.version != 0 && (best->version == 0 || mine.score > best->score)) {
		*best = mine; /* even when out of time: the best so far may be the code */
	}
	/* the others' mean: the level of a map that fits only by chance */
	if (out != FIT_OUT_OF_TIME && tried > 1 && mine.score > 0 &&
	    mine.score >= 2 * (all - mine.score) / (tried - 1)) {
		out = FIT_CLEAR;
	}
	return out;
}

/*
 * A code read module by module and redrawn clean: the map fitted for the
 * most code-like corners of three finders, the best fit (a code's function
 * patterns show; a look-alike's do not) redrawn for ZBar. Returns codes
 * found, 0, or -errno.
 */
static int redrawn(struct job *j, const struct mck_finder *f, int nf)
{
	struct mck_qrscan *scan = j->scan;
	struct mck_triple cand[REDRAW_CANDIDATES];
	int nc = mck__finder_candidates(f, nf, cand, REDRAW_CANDIDATES);
	struct mck_grid best = {0};
	size_t cap;
	uint32_t side;
	int n;

	for (int c = 0; c < nc; c++) {
		/* the sampler takes dark modules; dark mode is read elsewhere */
		enum fit_outcome o =
			f[cand[c].tl].light ? FIT_UNCLEAR : fit_corner(j, f, cand[c], &best);

		j->work->corners += !f[cand[c].tl].light;
		if (o != FIT_UNCLEAR) {
			break; /* out of time, or a code: no other corner will do better */
		}
	}
	if (best.version == 0) {
		return 0;
	}
	cap = redraw_pixels(best.version);
	/* drawn clean: the code's own three finders are all ZBar meets */
	if (!affordable(j, cap) || !may_pass(j, cap, ROUGH_DRAWN, 3)) {
		return 0;
	}
	if (reserve(scan, cap) != 0) {
		return -ENOMEM;
	}
	mck__grid_redraw(j->grey, j->w, j->h, &best, scan->buf, cap, &side);
	if (side == 0) {
		return 0;
	}
	n = job_pass(j, scan->buf, side, side, 2); /* drawn clean, 4 px per module */
	scan->stats.step[MCK_QRSCAN_STEP_REDRAWN] += n > 0;
	return n;
}

/* The region of one code: its three finders, the fourth corner and the quiet zone. */
static struct mck_rect roi_of_corner(const struct mck_finder *f, struct mck_triple t, uint32_t w,
				     uint32_t h)
{
	struct mck_finder three[3] = {f[t.tl], f[t.tr], f[t.bl]};

	return roi_of(three, 3, 1, w, h);
}

/*
 * A region crowded with finder patterns (a sheet of codes, or of look-alikes
 * made to stall ZBar), a code at a time: the region of each code's corner,
 * the least crowded first, as its own finders' polarity shows it, while the
 * frame's work bound allows. The finders of a corner whose region read a
 * code no longer count as a crowd: ZBar decodes them at once. Returns codes
 * found, 0, or -errno.
 */
static int code_at_a_time(struct job *j, const struct mck_finder *f,
			  const struct mck_triple *corners, int codes, int density)
{
	int order[MCK_QRSCAN_MAX_CODES];
	int crowd[MCK_QRSCAN_MAX_CODES];
	int found = 0;

	/* the least crowded first: a code beside a sheet of look-alikes before them */
	for (int c = 0; c < codes; c++) {
		int at = c;

		crowd[c] = patterns_in(j, roi_of_corner(f, corners[c], j->w, j->h),
				       f[corners[c].tl].light);
		while (at > 0 && crowd[order[at - 1]] > crowd[c]) {
			order[at] = order[at - 1];
			at--;
		}
		order[at] = c;
	}
	for (int k = 0; k < codes; k++) {
		int c = order[k];
		int n = region_pass(j, roi_of_corner(f, corners[c], j->w, j->h),
				    f[corners[c].tl].light, density, MCK_QRSCAN_STEP_REGION);

		if (n < 0) {
			return n;
		}
		if (n > 0) {
			mck__finder_census_forget(&j->scan->census, &f[corners[c].tl]);
			mck__finder_census_forget(&j->scan->census, &f[corners[c].tr]);
			mck__finder_census_forget(&j->scan->census, &f[corners[c].bl]);
		}
		found += n;
	}
	return found;
}

/*
 * One code, squared and upright from its three finders, at 4 pixels per
 * module: ZBar reads tilted, turned and small codes this way that it misses
 * in the frame. Returns codes found, 0, or -errno.
 */
static int rectified(struct job *j, const struct mck_finder *f, struct mck_triple t)
{
	struct mck_qrscan *scan = j->scan;
	struct corner_points p = corner_points(f, t);
	size_t cap = (size_t)(p.legs * 4 + 80 + 1) * (size_t)(p.legs * 4 + 80 + 1);
	uint32_t dw;
	uint32_t dh;
	int n;

	/* the square holds what lies round the code too: its finder patterns count */
	struct mck_rect around = roi_of_corner(f, t, j->w, j->h);

	if (p.legs > 200 || !affordable(j, cap) ||
	    !may_pass(j, cap, roughness_of(j, around), patterns_in(j, around, f[t.tl].light))) {
		return 0;
	}
	if (reserve(scan, cap) != 0) {
		return -ENOMEM;
	}
	mck__prep_rectify(j->grey, j->w, j->h, p.tl, p.tr, p.bl, p.legs, 4, scan->buf, cap, &dw,
			  &dh);
	if (dw == 0) {
		return 0;
	}
	if (f[t.tl].light) {
		mck__prep_invert(scan->buf, dw, dh);
	}
	n = job_pass(j, scan->buf, dw, dh, 1);
	if (n > 0) {
		scan->stats.step[MCK_QRSCAN_STEP_RECTIFIED]++;
	}
	return n;
}

int mck_qrscan_frame(struct mck_qrscan *scan, const uint8_t *grey, uint32_t width, uint32_t height,
		     struct mck_qrscan_result *out)
{
	struct mck_finder finders[MCK_FINDER_MAX];
	struct job j = {scan, grey, width, height, out, now_ms(), 0, NS_PER_PIXEL, NULL};
	struct mck_rect r;
	int nf;
	int n;
	int light = 0;

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
	j.work = &scan->stats.last;
	/* 1. Finder patterns; none at all is the common case of an empty scene. */
	nf = mck__finder_locate(grey, width, height, finders, MCK_FINDER_MAX, &scan->census);
	j.work->candidates = (unsigned)scan->census.candidates;
	if (nf == 0) {
		/*
		 * Codes so large that the locator's window sits inside a finder:
		 * ZBar at a quarter of the size reads those, for a ms or two.
		 */
		struct mck_rect whole = {0, 0, width - width % COARSE, height - height % COARSE};
		uint32_t dw;
		uint32_t dh;

		if (!may_pass(&j, (size_t)(whole.w / COARSE) * (whole.h / COARSE),
			      roughness_of(&j, whole), 0)) {
			return 0;
		}
		if (reserve(scan, (size_t)(whole.w / COARSE) * (whole.h / COARSE)) != 0) {
			return -ENOMEM;
		}
		mck__prep_crop(grey, width, whole, COARSE, scan->buf, &dw, &dh);
		n = job_pass(&j, scan->buf, dw, dh, 1);
		scan->stats.step[MCK_QRSCAN_STEP_COARSE] += n > 0;
		return n < 0 ? n : (int)out->count;
	}
	/* 2. The region of the codes, and the steps on it. */
	bool in_code[MCK_FINDER_MAX];
	struct mck_triple corners[MCK_QRSCAN_MAX_CODES];
	int codes = mck__finder_triples(finders, nf, in_code, corners, MCK_QRSCAN_MAX_CODES);
	for (int i = 0; i < nf && codes > 0; i++) {
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
	r = roi_of(finders, nf, codes, width, height);
	if (codes == 0) {
		/* No finder triple (noise, blur, a hidden finder): the finders do not
		 * say where the code is; look everywhere. */
		r = (struct mck_rect){0, 0, width, height};
	}
	/* 3. The region as it is; crowded with finder patterns, a code at a time. */
	unsigned crowded = j.work->crowded;

	n = region_pass(&j, r, light > 0, density, MCK_QRSCAN_STEP_REGION);
	if (n == 0 && j.work->crowded > crowded && codes > 0) {
		n = code_at_a_time(&j, finders, corners, codes, density);
		if (n > 0 && nf == MCK_FINDER_MAX) {
			/* more finders than kept: codes beyond the corners tried, now
			 * that the ones read no longer crowd the region */
			int more = region_pass(&j, r, light > 0, density, MCK_QRSCAN_STEP_REGION);

			n = more < 0 ? more : n + more;
		}
	}
	if (codes == 0 && scan->budget_ms != 0) {
		/* A camera frame with stray finders but no code shape (texture, noise):
		 * one plain pass, as ZBar alone would make; the next frame comes soon. */
		return n < 0 ? n : (int)out->count;
	}
	/*
	 * 4-6. The other polarity (dark-mode screens, or a wrong vote); each
	 * code squared and upright from its finders; each read module by module
	 * and redrawn (grid.c: tilt, blur and small modules that ZBar's own
	 * sampling loses). A camera's budget rarely holds all three, and a code
	 * held up stays for many frames: every other camera frame the grid goes
	 * first, so that two frames in a row try everything.
	 */
	bool grid_first = scan->budget_ms != 0 && scan->stats.frames % 2 == 0;

	if (n == 0 && grid_first) {
		n = redrawn(&j, finders, nf);
	}
	if (n == 0) {
		n = region_pass(&j, r, light <= 0, density, MCK_QRSCAN_STEP_INVERTED);
	}
	for (int c = 0; n == 0 && c < codes && c < 3; c++) {
		n = rectified(&j, finders, corners[c]);
	}
	if (n == 0 && !grid_first) {
		n = redrawn(&j, finders, nf);
	}
	struct mck_rect frame = {0, 0, width, height};

	if (n == 0 && (r.w < width || r.h < height) && affordable(&j, (size_t)width * height) &&
	    may_pass(&j, (size_t)width * height, roughness_of(&j, frame),
		     patterns_in(&j, frame, false))) {
		/* 7. The whole frame as plain ZBar sees it: never worse than without us,
		 * unless it is crowded with finder patterns or over the work bound. */
		n = job_pass(&j, grey, width, height, 1);
		if (n > 0) {
			scan->stats.step[MCK_QRSCAN_STEP_WHOLE]++;
		}
	}
	if (n > 0 && nf == MCK_FINDER_MAX && scan->budget_ms == 0 &&
	    (r.w < width || r.h < height) &&
	    may_pass(&j, (size_t)width * height, roughness_of(&j, frame),
		     patterns_in(&j, frame, false))) {
		/* A still image with more finders than we keep (many codes, or dense
		 * ones): the rest of the frame too, for codes outside the region. */
		int more = job_pass(&j, grey, width, height, 1);

		n = more < 0 ? more : n + more;
	}
	return n < 0 ? n : (int)out->count;
}
