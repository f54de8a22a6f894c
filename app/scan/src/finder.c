/*
 * Finder-pattern centres, by run lengths along rows against a local
 * threshold, each confirmed along its column. Every fourth row is looked at
 * first; around a sighting, every other row, as near as a finder reaches:
 * a frame without codes costs a few instructions a pixel, and a finder is
 * seen in as many rows as if every other row had been scanned. No integral
 * image.
 */
#define _DEFAULT_SOURCE /* explicit_bzero */

#include "finder.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RADIUS     20 /* local threshold window: 2 RADIUS + 1 pixels along the line */
#define CONTRAST   8  /* darker than the mean by this much to count as dark: noise does not */
#define MAX_W      8192
/*
 * Rows looked at first: every ROW_STEP-th, odd ones. A finder's middle three
 * modules, where its rows show 1:1:3:1:1, span 3 module rows: from 1.4 px
 * modules on, one of these rows crosses them.
 */
#define ROW_STEP   4
/* Module sizes of two finders of a code at most this apart (steep perspective). */
#define PAIR_RATIO 2.5f

/* The sum of sample @p i of a line and its two neighbours (the ends repeat). */
static uint16_t tap3(const uint8_t *p, size_t step, uint32_t n, uint32_t i)
{
	return (uint16_t)(p[(size_t)(i > 0 ? i - 1 : i) * step] + p[(size_t)i * step] +
			  p[(size_t)(i + 1 < n ? i + 1 : i) * step]);
}

/*
 * A row of @p n pixels to dark/light bits, in [@p x0, @p x1) (block
 * edges): 3-tap sums against the midpoint of the darkest and lightest
 * around (blocks of BLOCK pixels from the row's start, the extremes of the
 * block and two either side: about RADIUS each way). A mean would be
 * dragged light by a quiet zone and dark by a dense code, just where
 * finders sit; the extremes are not. A flat stretch (no contrast around)
 * keeps the bit before it, so that a large finder's core stays dark
 * throughout. The inner loops run a block at a time, which compilers turn
 * into vector instructions at -O2.
 */
#define BLOCK 8
/* A row's sums and extremes (two blocks of margin each side): a picture of the
 * code, wiped once the frame is done. */
static _Thread_local uint16_t row_tap[MAX_W];
static _Thread_local uint16_t row_lo[MAX_W / BLOCK + 5];
static _Thread_local uint16_t row_hi[MAX_W / BLOCK + 5];

static void binarize_row(const uint8_t *restrict p, uint32_t n, uint32_t x0, uint32_t x1,
			 uint8_t *restrict bit)
{
	uint16_t *restrict tap = row_tap;
	uint16_t *restrict lo = row_lo + 2; /* lo[-2], lo[-1]: margins */
	uint16_t *restrict hi = row_hi + 2;
	uint32_t nb = (n + BLOCK - 1) / BLOCK;
	uint32_t b0 = x0 / BLOCK;
	uint32_t b1 = (x1 + BLOCK - 1) / BLOCK;
	uint32_t e0 = b0 >= 2 ? b0 - 2 : 0; /* the blocks whose extremes count */
	uint32_t e1 = b1 + 2 < nb ? b1 + 2 : nb;
	uint8_t last = 0;

	for (uint32_t b = e0; b < e1; b++) {
		uint32_t i0 = b * BLOCK;
		uint16_t l = UINT16_MAX;
		uint16_t h = 0;

		if (i0 > 0 && i0 + BLOCK < n) {
			/* inside the row: no end to repeat */
			const uint8_t *q = p + i0;

			for (uint32_t k = 0; k < BLOCK; k++) {
				tap[i0 + k] = (uint16_t)(q[(int)k - 1] + q[k] + q[k + 1]);
			}
			for (uint32_t k = 0; k < BLOCK; k++) {
				l = tap[i0 + k] < l ? tap[i0 + k] : l;
				h = tap[i0 + k] > h ? tap[i0 + k] : h;
			}
		} else {
			for (uint32_t i = i0; i < i0 + BLOCK && i < n; i++) {
				tap[i] = tap3(p, 1, n, i);
				l = tap[i] < l ? tap[i] : l;
				h = tap[i] > h ? tap[i] : h;
			}
		}
		lo[b] = l;
		hi[b] = h;
	}
	/* past the row's ends: extremes that move nothing */
	lo[-2] = lo[-1] = lo[nb] = lo[nb + 1] = UINT16_MAX;
	hi[-2] = hi[-1] = hi[nb] = hi[nb + 1] = 0;
	if (e0 >= 2) {
		lo[e0 - 2] = lo[e0 - 1] = UINT16_MAX;
		hi[e0 - 2] = hi[e0 - 1] = 0;
	}
	if (e1 < nb) {
		lo[e1] = lo[e1 + 1] = UINT16_MAX;
		hi[e1] = hi[e1 + 1] = 0;
	}
	for (uint32_t b = b0; b < b1; b++) {
		uint32_t i0 = b * BLOCK;
		uint32_t l = UINT16_MAX;
		uint32_t h = 0;

		for (int c = -2; c <= 2; c++) {
			l = lo[(int)b + c] < l ? lo[(int)b + c] : l;
			h = hi[(int)b + c] > h ? hi[(int)b + c] : h;
		}
		if (h - l < 6 * CONTRAST && i0 + BLOCK <= n) {
			uint64_t fill = last * UINT64_C(0x0101010101010101);

			memcpy(bit + i0, &fill, BLOCK);
		} else if (h - l < 6 * CONTRAST) {
			memset(bit + i0, last, n - i0);
		} else if (i0 + BLOCK <= n) {
			/* 2 t < l + h, in 16 bits: t < ceil((l + h) / 2) */
			uint16_t mid = (uint16_t)((l + h + 1) / 2);

			for (uint32_t k = 0; k < BLOCK; k++) {
				bit[i0 + k] = tap[i0 + k] < mid;
			}
			last = bit[i0 + BLOCK - 1];
		} else {
			for (uint32_t i = i0; i < n; i++) {
				bit[i] = 2u * tap[i] < l + h;
			}
			last = bit[n - 1];
		}
	}
}

/*
 * A short line of @p n samples (stride @p step, n <= MAX_SPAN) read as
 * dark/light against the midpoint of the darkest and lightest 3-tap sums
 * within @p half samples of sample @p c: a finder's own span holds both
 * extremes, whatever the code's data does to a running mean, and its quiet
 * zone keeps the scene behind out. The sums are taken where they are
 * needed: the extremes' window, then the runs walked from @p c.
 */
#define MAX_SPAN (2 * (8 * MCK_FINDER_MAX_MODULE + RADIUS) + 2)

struct span {
	const uint8_t *p;
	size_t step;
	uint32_t n;
	uint32_t i0; /* the sums held: [i0, i1) */
	uint32_t i1;
	uint32_t mid2; /* darkest plus lightest: dark below half of it; 0: no contrast */
	uint16_t tap[MAX_SPAN];
};

static void span_of(struct span *s, const uint8_t *p, size_t step, uint32_t n, uint32_t c,
		    uint32_t half)
{
	uint32_t lo = UINT32_MAX;
	uint32_t hi = 0;
	uint32_t i0 = c > half ? c - half : 0;
	uint32_t i1 = c + half + 1 < n ? c + half + 1 : n;
	uint32_t a = i0 > 0 ? i0 : 1;
	uint32_t b = i1 + 1 < n ? i1 : n - 1;
	const uint8_t *q = p + (size_t)a * step;

	s->p = p;
	s->step = step;
	s->n = n;
	s->i0 = i0;
	s->i1 = i1;
	s->mid2 = 0;
	for (uint32_t i = a; i < b; i++, q += step) {
		s->tap[i] = (uint16_t)(q[-(ptrdiff_t)step] + q[0] + q[step]);
	}
	if (i0 < a) {
		s->tap[i0] = tap3(p, step, n, i0);
	}
	if (b < i1) {
		s->tap[b] = tap3(p, step, n, b);
	}
	for (uint32_t i = i0; i < i1; i++) {
		lo = s->tap[i] < lo ? s->tap[i] : lo;
		hi = s->tap[i] > hi ? s->tap[i] : hi;
	}
	if (hi - lo >= 6 * CONTRAST) {
		s->mid2 = lo + hi;
	}
}

/* Sample @p i of span @p s: 1 dark, 0 light (all light without contrast). */
static int span_bit(const struct span *s, int32_t i)
{
	uint32_t t = (uint32_t)i >= s->i0 && (uint32_t)i < s->i1
			     ? s->tap[i]
			     : tap3(s->p, s->step, s->n, (uint32_t)i);

	return 2u * t < s->mid2;
}

/*
 * Five runs in the proportion 1:1:3:1:1, with room for blur and tilt: each
 * unit run within 3/4 of a module of one, the middle within 1.65 modules
 * of three (in float, bounds rounding as they fall: 4:2:4:2:4 passes, a
 * finder of blurred 2.3 px modules). The integer tests first: this runs on
 * every run boundary of every row scanned.
 */
static bool finder_ratio(const uint32_t r[5], float *module)
{
	uint32_t total = r[0] + r[1] + r[2] + r[3] + r[4];
	float m = (float)total / 7.0f;
	float tol = m * 0.75f;

	if (total < 10 || total > 7 * MCK_FINDER_MAX_MODULE || r[2] < r[1] || r[2] < r[3]) {
		return false;
	}
	*module = m;
	return fabsf((float)r[0] - m) < tol && fabsf((float)r[1] - m) < tol &&
	       fabsf((float)r[2] - 3 * m) < 2.2f * tol && fabsf((float)r[3] - m) < tol &&
	       fabsf((float)r[4] - m) < tol;
}

/*
 * Along the column through (x, y): the centre run and two runs each way, in
 * the same pattern. Returns the centre's y, or -1.
 */
static float confirm_column(const uint8_t *g, uint32_t w, uint32_t h, uint32_t x, uint32_t y,
			    int colour, float module)
{
	uint32_t reach = (uint32_t)(module * 8) + RADIUS;
	uint32_t y0 = y > reach ? y - reach : 0;
	uint32_t y1 = y + reach + 1 < h ? y + reach + 1 : h;
	int32_t n = (int32_t)(y1 - y0);
	uint32_t r[5] = {0};
	struct span s;
	int32_t i;
	int32_t c;
	float m;

	if (y1 - y0 > MAX_SPAN) {
		return -1;
	}
	c = (int32_t)(y - y0);
	span_of(&s, g + (size_t)y0 * w + x, w, y1 - y0, (uint32_t)c, (uint32_t)(module * 7));
	if (span_bit(&s, c) != colour) {
		return -1;
	}
	for (i = c; i >= 0 && span_bit(&s, i) == colour; i--) {
		r[2]++;
	}
	for (int k = 1; k >= 0; k--) {
		for (; i >= 0 && span_bit(&s, i) == (k == 1 ? !colour : colour); i--) {
			r[k]++;
		}
	}
	for (i = c + 1; i < n && span_bit(&s, i) == colour; i++) {
		r[2]++;
	}
	int32_t centre_end = i;
	for (int k = 3; k <= 4; k++) {
		for (; i < n && span_bit(&s, i) == (k == 3 ? !colour : colour); i++) {
			r[k]++;
		}
	}
	if (!finder_ratio(r, &m) || m > module * 2.5f || m * 2.5f < module) {
		return -1;
	}
	return (float)(y0 + (uint32_t)centre_end) - r[2] / 2.0f;
}

/* Grey at (x, y), or -1 outside the frame. */
static int grey_at(const uint8_t *g, uint32_t w, uint32_t h, float x, float y)
{
	if (x < 0 || y < 0 || x >= (float)w || y >= (float)h) {
		return -1;
	}
	return g[(size_t)y * w + (size_t)x];
}

/*
 * A finder as ZBar's decoder takes it: the runs across its middle module
 * rows and columns (ZBar groups three or more such lines, and estimates the
 * code from their ends) clean from core to separator on all four sides:
 * core dark, gap light, ring dark, separator light, at the middle and half a
 * module either side. A real code's data makes look-alikes that pass the
 * locator by the hundred in a dense code, but rarely with all four sides
 * clean; ZBar drops those at once and spends its time on clean ones.
 */
static bool clean(const uint8_t *g, uint32_t w, uint32_t h, const struct mck_finder *f)
{
	float m = f->module;
	int core = grey_at(g, w, h, f->x, f->y);
	int gap = grey_at(g, w, h, f->x + 2 * m, f->y);
	int dark;
	int light;

	if (core < 0 || gap < 0) {
		return false;
	}
	dark = f->light ? gap : core;
	light = f->light ? core : gap;
	if (light - dark < 3 * CONTRAST) {
		return false;
	}
	for (int side = 0; side < 4; side++) {
		float dx = side == 0 ? 1.0f : side == 1 ? -1.0f : 0.0f;
		float dy = side == 2 ? 1.0f : side == 3 ? -1.0f : 0.0f;

		for (int k = -1; k <= 1; k++) {
			float ox = f->x + dy * (float)k * m / 2; /* along the side */
			float oy = f->y + dx * (float)k * m / 2;

			for (int step = 0; step <= 4; step++) {
				/* centre, core, gap, ring, separator: dark, dark, light, dark, light */
				static const bool want_dark[5] = {true, true, false, true, false};
				int v = grey_at(g, w, h, ox + dx * (float)step * m,
						oy + dy * (float)step * m);

				if (v < 0 ||
				    ((2 * v < dark + light) != (want_dark[step] != f->light))) {
					return false;
				}
			}
		}
	}
	return true;
}

/*
 * Candidate centres before the filters, bucketed by column, so that a
 * sighting is compared with the open candidates near it only: a row across a
 * sheet of finder patterns makes hundreds of sightings, and comparing each
 * with every candidate made the locator itself take 0.4 s.
 */
#define BUCKET_SHIFT 5
#define BUCKETS      (MAX_W >> BUCKET_SHIFT)
/* Merge distance: three modules of the largest module (finder_ratio), and as
 * much again for a candidate's drift from the column it was bucketed in. */
#define REACH        (2 * 3 * 60)

struct pool {
	int n;    /* slots used, free or not */
	int free; /* a slot to reuse (hits 0), or -1 */
	struct mck_finder found[MCK_FINDER_CANDIDATES];
	uint32_t last_row[MCK_FINDER_CANDIDATES];   /* row of its latest sighting */
	uint32_t refined_to[MCK_FINDER_CANDIDATES]; /* rows scanned round it, up to this */
	int16_t next[MCK_FINDER_CANDIDATES]; /* in its bucket, or the free list; -1 ends it */
	int16_t head[BUCKETS];
};

_Static_assert(MCK_FINDER_CANDIDATES <= INT16_MAX, "bucket links are int16_t");

static void pool_init(struct pool *p)
{
	p->n = 0;
	p->free = -1;
	memset(p->head, 0xff, sizeof(p->head)); /* -1: empty */
}

/*
 * Candidate @p i is past. Seen in one row only, it can never pass the
 * filters (two rows at least): its slot is reused, so that the specks of a
 * noisy 12 MP photo do not fill the pool before the code is reached.
 */
static void retire(struct pool *p, int i)
{
	if (p->found[i].hits == 1) {
		p->found[i].hits = 0;
		p->next[i] = (int16_t)p->free;
		p->free = i;
	}
}

/* Take every past candidate out of its bucket (the pool is full). Returns whether any was freed. */
static bool sweep(struct pool *p, uint32_t row)
{
	for (int b = 0; b < BUCKETS; b++) {
		int16_t *link = &p->head[b];

		while (*link >= 0) {
			int i = *link;

			if (row > p->last_row[i] + (uint32_t)(8 * p->found[i].module) + 8) {
				*link = p->next[i];
				retire(p, i);
			} else {
				link = &p->next[i];
			}
		}
	}
	return p->free >= 0;
}

/*
 * Merge a sighting in row @p row into the first candidate it belongs to, or
 * start one; the rows round it were scanned up to @p scanned. Returns the
 * candidate, or -1 when the pool is full. A candidate not sighted for eight
 * of its modules of rows is past (no later sighting's centre can be within
 * three modules of its own) and leaves its bucket.
 */
static int add(struct pool *p, uint32_t row, float x, float y, float m, bool light,
	       uint32_t scanned)
{
	int b0 = x > REACH ? (int)(x - REACH) >> BUCKET_SHIFT : 0;
	int b1 = ((int)(x + REACH) >> BUCKET_SHIFT) < BUCKETS - 1 ? (int)(x + REACH) >> BUCKET_SHIFT
								  : BUCKETS - 1;
	int best = -1;

	for (int b = b0; b <= b1; b++) {
		int16_t *link = &p->head[b];

		while (*link >= 0) {
			int i = *link;
			struct mck_finder *c = &p->found[i];

			if (row > p->last_row[i] + (uint32_t)(8 * c->module) + 8) {
				*link = p->next[i];
				retire(p, i);
				continue;
			}
			if ((best < 0 || i < best) && fabsf(c->x - x) < 3 * c->module &&
			    fabsf(c->y - y) < 3 * c->module && c->light == light) {
				best = i;
			}
			link = &p->next[i];
		}
	}
	if (best >= 0) {
		struct mck_finder *c = &p->found[best];

		c->x = (c->x * c->hits + x) / (c->hits + 1);
		c->y = (c->y * c->hits + y) / (c->hits + 1);
		c->module = (c->module * c->hits + m) / (c->hits + 1);
		c->hits++;
		p->last_row[best] = row;
		p->refined_to[best] = scanned > p->refined_to[best] ? scanned : p->refined_to[best];
		return best;
	}
	if (p->free < 0 && p->n == MCK_FINDER_CANDIDATES && !sweep(p, row)) {
		return -1;
	}
	int i = p->free >= 0 ? p->free : p->n++;
	int b = (int)x >> BUCKET_SHIFT;

	if (i == p->free) {
		p->free = p->next[i];
	}
	p->found[i] = (struct mck_finder){x, y, m, light, 1};
	p->last_row[i] = row;
	p->refined_to[i] = scanned;
	p->next[i] = p->head[b];
	p->head[b] = (int16_t)i;
	return i;
}

int mck__finder_census_in(const struct mck_finder_census *census, float x0, float y0, float x1,
			  float y1, bool light)
{
	int count = 0;

	if (census->saturated) {
		return INT_MAX;
	}
	for (int i = 0; i < census->count; i++) {
		count += census->corner[i] && census->at[i].light == light &&
			 census->at[i].x >= x0 && census->at[i].x < x1 && census->at[i].y >= y0 &&
			 census->at[i].y < y1;
	}
	return count;
}

/* Rows of a cell whose turns are counted: every ROUGH_STEP-th (noise is everywhere in it). */
#define ROUGH_STEP 16

/* The turns of cell (cx, cy), counted on first use; its pixels counted into @p scanned. */
static unsigned cell_turns(struct mck_finder_census *census, uint32_t cx, uint32_t cy,
			   unsigned long *scanned)
{
	uint32_t w = census->w;
	uint32_t x0 = cx << MCK_FINDER_CELL_SHIFT;
	uint32_t y0 = cy << MCK_FINDER_CELL_SHIFT;
	uint32_t x1 =
		x0 + (1u << MCK_FINDER_CELL_SHIFT) < w ? x0 + (1u << MCK_FINDER_CELL_SHIFT) : w;
	uint32_t y1 = y0 + (1u << MCK_FINDER_CELL_SHIFT) < census->h
			      ? y0 + (1u << MCK_FINDER_CELL_SHIFT)
			      : census->h;
	/* the sums inside the row: its two end pixels have none */
	uint32_t a = x0 > 0 ? x0 : 1;
	uint32_t b = x1 < w ? x1 : w - 1;
	unsigned rows = 0;
	unsigned turns = 0;

	for (uint32_t y = y0 + ROUGH_STEP / 2; y < y1; y += ROUGH_STEP) {
		const uint8_t *p = census->grey + (size_t)y * w;
		int rising = 0; /* 1 up, -1 down, 0 not yet */
		int before = a < b ? p[a - 1] + p[a] + p[a + 1] : 0;

		for (uint32_t x = a + 1; x < b && !census->counted[cy][cx]; x++) {
			int t = p[x - 1] + p[x] + p[x + 1];
			int now = (t > before) - (t < before);

			turns += now != 0 && now == -rising;
			rising = now != 0 ? now : rising;
			before = t;
		}
		rows++;
	}
	if (!census->counted[cy][cx]) {
		census->turns[cy][cx] = (uint16_t)turns;
		census->counted[cy][cx] = true;
	}
	*scanned += (unsigned long)rows * (b > a ? b - a : 0);
	return census->turns[cy][cx];
}

unsigned mck__finder_roughness(struct mck_finder_census *census, uint32_t x0, uint32_t y0,
			       uint32_t x1, uint32_t y1)
{
	unsigned long turns = 0;
	unsigned long scanned = 0;

	x1 = x1 < census->w ? x1 : census->w;
	y1 = y1 < census->h ? y1 : census->h;
	for (uint32_t cy = y0 >> MCK_FINDER_CELL_SHIFT;
	     y1 > y0 && cy <= (y1 - 1) >> MCK_FINDER_CELL_SHIFT; cy++) {
		for (uint32_t cx = x0 >> MCK_FINDER_CELL_SHIFT;
		     x1 > x0 && cx <= (x1 - 1) >> MCK_FINDER_CELL_SHIFT; cx++) {
			turns += cell_turns(census, cx, cy, &scanned);
		}
	}
	return scanned == 0 ? 0 : (unsigned)(turns * 1024 / scanned);
}

void mck__finder_census_forget(struct mck_finder_census *census, const struct mck_finder *f)
{
	for (int i = 0; i < census->count; i++) {
		if (census->at[i].x == f->x && census->at[i].y == f->y &&
		    census->at[i].light == f->light) {
			census->corner[i] = false;
		}
	}
}

static float corner_score(const struct mck_finder *f, int a, int b, int c, int max_weak);

/* Squares of three this code-like and better are what ZBar works hard on. */
#define CLEAN_CORNER 0.8f
/* Neighbours of a finder tried as the other two of its square: the nearest. */
#define NEIGHBOURS   12

/*
 * Which census finders are the corner of a clean square with two of their
 * nearest neighbours: at most MCK_FINDER_CENSUS^2 distances and
 * NEIGHBOURS^2 / 2 squares a finder, whatever the frame.
 */
static void census_corners(struct mck_finder_census *census)
{
	const struct mck_finder *f = census->at;

	for (int a = 0; a < census->count; a++) {
		int near[NEIGHBOURS];
		float dist[NEIGHBOURS];
		int n = 0;

		census->corner[a] = false;
		for (int b = 0; b < census->count; b++) {
			float ratio = f[b].module / f[a].module;
			float d = hypotf(f[b].x - f[a].x, f[b].y - f[a].y);
			int at;

			if (b == a || f[b].light != f[a].light || ratio < 0.6f || ratio > 1.7f ||
			    d < 12 * f[a].module || d > 200 * f[a].module) {
				continue;
			}
			if (n < NEIGHBOURS) {
				at = n++;
			} else if (d < dist[NEIGHBOURS - 1]) {
				at = NEIGHBOURS - 1;
			} else {
				continue;
			}
			while (at > 0 && dist[at - 1] > d) {
				near[at] = near[at - 1];
				dist[at] = dist[at - 1];
				at--;
			}
			near[at] = b;
			dist[at] = d;
		}
		for (int i = 0; i < n && !census->corner[a]; i++) {
			for (int j = i + 1; j < n && !census->corner[a]; j++) {
				census->corner[a] =
					corner_score(f, a, near[i], near[j], 0) >= CLEAN_CORNER;
			}
		}
	}
}

/*
 * A pass of the locator over a frame: the rows looked at first, and around
 * a first sighting the rows near it, every other one.
 */
struct locator {
	const uint8_t *grey;
	uint32_t w;
	uint32_t h;
	struct pool *pool;
	bool full; /* the pool is: the frame is not scanned further */
	/* refining: only sightings of this finder count; rows scanned up to */
	bool refining;
	uint32_t refine_to;
	float near_x;
	float near_m;
	int near_colour;
};

/* A candidate of polarity @p light with its centre within three of its modules of (x, y), or -1. */
static int known(const struct pool *p, float x, float y, bool light)
{
	int b0 = x > REACH ? (int)(x - REACH) >> BUCKET_SHIFT : 0;
	int b1 = ((int)(x + REACH) >> BUCKET_SHIFT) < BUCKETS - 1 ? (int)(x + REACH) >> BUCKET_SHIFT
								  : BUCKETS - 1;

	for (int b = b0; b <= b1; b++) {
		for (int i = p->head[b]; i >= 0; i = p->next[i]) {
			const struct mck_finder *c = &p->found[i];

			if (c->light == light && fabsf(c->x - x) < 3 * c->module &&
			    fabsf(c->y - y) < 3 * c->module) {
				return i;
			}
		}
	}
	return -1;
}

static void scan_runs(struct locator *lc, uint32_t y, uint32_t x0, uint32_t x1, const uint8_t *bit);

/*
 * Rows @p y0..@p y1 round a finder sighted at column @p cx: every other one,
 * binarised where the finder's runs lie, each sighting of it added, as a
 * scan of every other row would have.
 */
static void refine(struct locator *lc, uint32_t cx, float m, int colour, uint32_t y0, uint32_t y1)
{
	static _Thread_local uint8_t bit[MAX_W];
	uint32_t reach = (uint32_t)(5 * m) + 2 * BLOCK;
	uint32_t x0 = cx > reach ? (cx - reach) / BLOCK * BLOCK : 0;
	uint32_t x1 = cx + reach < lc->w ? (cx + reach + BLOCK - 1) / BLOCK * BLOCK : lc->w;

	if (x1 > lc->w) {
		x1 = lc->w;
	}
	y1 = y1 < lc->h ? y1 : lc->h - 1;
	lc->refining = true;
	lc->refine_to = y1;
	lc->near_x = (float)cx;
	lc->near_m = m;
	lc->near_colour = colour;
	for (uint32_t row = y0 | 1; row <= y1 && !lc->full; row += 2) {
		binarize_row(lc->grey + (size_t)row * lc->w, lc->w, x0, x1, bit);
		scan_runs(lc, row, x0, x1, bit);
	}
	lc->refining = false;
	explicit_bzero(bit + x0, x1 - x0);
}

/*
 * A run of five in the proportion of a finder, centred at column @p cx of
 * row @p y. First seen (its centre row confirmed along its column): the
 * rows round it, as far as its middle modules can reach from the row it
 * was seen in and from the centre its column gave (blur and a misjudged
 * module can put them rows apart). Seen before: the rows round it not yet
 * scanned.
 */
static void sighted(struct locator *lc, uint32_t y, uint32_t cx, int colour, float m)
{
	uint32_t half = (uint32_t)(2 * m) + 1;
	float cy;
	int seen;

	if (lc->refining) {
		if (colour != lc->near_colour || fabsf((float)cx - lc->near_x) >= 3 * lc->near_m) {
			return; /* another finder: its own first sighting refines it */
		}
		cy = confirm_column(lc->grey, lc->w, lc->h, cx, y, colour, m);
		if (cy >= 0 && add(lc->pool, y, (float)cx, cy, m, colour == 0, lc->refine_to) < 0) {
			lc->full = true;
		}
		return;
	}
	seen = known(lc->pool, (float)cx, (float)y, colour == 0);
	if (seen >= 0) {
		if (lc->pool->refined_to[seen] < y + half) {
			refine(lc, cx, m, colour, lc->pool->refined_to[seen] + 1, y + half);
		}
		return;
	}
	cy = confirm_column(lc->grey, lc->w, lc->h, cx, y, colour, m);
	if (cy >= 0) {
		uint32_t top = (uint32_t)cy < y ? (uint32_t)cy : y;
		uint32_t bottom = (uint32_t)cy > y ? (uint32_t)cy : y;

		refine(lc, cx, m, colour, top > half ? top - half : 0, bottom + half);
	}
}

/*
 * Where the bits of [@p x, @p x1) first differ from the one before (x1: not
 * at all), eight at a time: most of a row is runs longer than that.
 */
static uint32_t next_change(const uint8_t *bit, uint32_t x, uint32_t x1)
{
	while (x + 8 <= x1) {
		uint64_t a;
		uint64_t b;

		memcpy(&a, bit + x, 8);
		memcpy(&b, bit + x - 1, 8);
		if (a != b) {
			break;
		}
		x += 8;
	}
	while (x < x1 && bit[x] == bit[x - 1]) {
		x++;
	}
	return x;
}

/* The runs of row @p y's bits in [@p x0, @p x1), each five of a finder's proportion sighted. */
static void scan_runs(struct locator *lc, uint32_t y, uint32_t x0, uint32_t x1, const uint8_t *bit)
{
	uint32_t r[5] = {0};
	uint32_t start = x0; /* of the run going on */

	for (uint32_t x = x0 + 1; x <= x1 && !lc->full; x++) {
		float m;

		x = next_change(bit, x, x1);
		r[0] = r[1];
		r[1] = r[2];
		r[2] = r[3];
		r[3] = r[4];
		r[4] = x - start;
		start = x;
		/* the cheap tests first: this runs at every change of every row */
		if (r[0] == 0 || r[2] < r[1] || r[2] < r[3] || !finder_ratio(r, &m)) {
			continue;
		}
		/* five runs alternate: the middle one is the colour of the first */
		sighted(lc, y, x - r[4] - r[3] - r[2] / 2, bit[x - r[4] - r[3] - 1], m);
	}
}

/*
 * The frame's candidates before the filters: a dense code's data modules
 * make hundreds; a frame with more (a sheet of finder patterns) is not
 * scanned further. Kept until the next frame for mck__finder_complete,
 * which looks among them for a third finder the filters left out.
 */
static _Thread_local struct pool pool;

int mck__finder_locate(const uint8_t *grey, uint32_t w, uint32_t h, struct mck_finder *out, int max,
		       struct mck_finder_census *census)
{
	static _Thread_local uint8_t bit[MAX_W];
	struct mck_finder *found = pool.found;
	struct locator lc = {grey, w, h, &pool, false, false, 0, 0, 0, 0};
	int n;
	int kept = 0;

	census->candidates = 0;
	census->count = 0;
	census->saturated = false;
	if (w > MAX_W || h > MAX_W) {
		return 0;
	}
	/* roughness: counted cell by cell when asked (mck__finder_roughness) */
	census->grey = grey;
	census->w = w;
	census->h = h;
	for (uint32_t cy = 0; cy <= (h - 1) >> MCK_FINDER_CELL_SHIFT; cy++) {
		memset(census->counted[cy], 0,
		       sizeof(census->counted[0][0]) * (((w - 1) >> MCK_FINDER_CELL_SHIFT) + 1));
	}
	pool_init(&pool);
	for (uint32_t y = 1; y < h && !lc.full; y += ROW_STEP) {
		binarize_row(grey + (size_t)y * w, w, 0, w, bit);
		scan_runs(&lc, y, 0, w, bit);
	}
	bool full = lc.full;

	n = pool.n;
	/*
	 * Seen in enough rows (a pattern, not a speck: rows through the 3-module
	 * core, every other row, are about 1.5 m), and with a partner: another
	 * finder of about the same module size, as far away as the finders of a
	 * code (14 modules for version 1, 170 for version 40). Strongest first.
	 */
	for (int i = 0; i < n; i++) {
		int need = found[i].module > 2.0f ? (int)found[i].module : 2;
		bool partner = false;
		int j;

		for (int k = 0; k < n && !partner && found[i].hits >= need; k++) {
			float ratio = found[k].module / found[i].module;

			/* the cheap tests first: up to 4 million pairs on a crowded frame */
			if (k == i || found[k].hits < 2 || found[k].light != found[i].light ||
			    ratio <= 1 / PAIR_RATIO || ratio >= PAIR_RATIO) {
				continue;
			}
			float d = hypotf(found[k].x - found[i].x, found[k].y - found[i].y) /
				  found[i].module;

			partner = d > 12.0f && d < 200.0f;
		}
		if (!partner) {
			continue;
		}
		if (found[i].hits >= 3 && clean(grey, w, h, &found[i])) {
			if (census->count == MCK_FINDER_CENSUS) {
				census->saturated = true;
			} else {
				census->at[census->count++] = found[i];
			}
		}
		if (kept < max) {
			j = kept++;
		} else if (found[i].hits > out[max - 1].hits) {
			j = max - 1;
		} else {
			continue;
		}
		out[j] = found[i];
		while (j > 0 && out[j].hits > out[j - 1].hits) {
			struct mck_finder t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
			j--;
		}
	}
	census->candidates = n;
	census->saturated = census->saturated || full;
	if (!census->saturated) {
		census_corners(census);
	}
	/* the last row scanned, binarised, and its sums */
	explicit_bzero(bit, w);
	explicit_bzero(row_tap, (size_t)w * sizeof(row_tap[0]));
	explicit_bzero(row_lo, sizeof(row_lo));
	explicit_bzero(row_hi, sizeof(row_hi));
	return kept;
}

/*
 * Finders @p a and @p b of module ratio @p r (b's over a's) as two of a
 * code's: about the same size, or up to PAIR_RATIO apart (steep
 * perspective: the far finder's modules are half the near one's or less)
 * when no further apart than a version-40 code's in the smaller's modules.
 */
static bool foreshortened(const struct mck_finder *f, int a, int b, float r)
{
	float big = r > 1 ? r : 1 / r;
	float small = fminf(f[a].module, f[b].module);
	float d = hypotf(f[b].x - f[a].x, f[b].y - f[a].y);

	if (big <= 1.7f) {
		return true;
	}
	return big < PAIR_RATIO && d < 170 * small;
}

/* How code-like three finders are: 0 (not at all) to 1 (a square corner, equal parts). */
static float corner_score(const struct mck_finder *f, int a, int b, int c, int max_weak)
{
	float bx = f[b].x - f[a].x, by = f[b].y - f[a].y;
	float cx = f[c].x - f[a].x, cy = f[c].y - f[a].y;
	float lb = hypotf(bx, by), lc = hypotf(cx, cy);
	float cosang = (bx * cx + by * cy) / (lb * lc + 1e-6f);
	float legs = lb < lc ? lb / lc : lc / lb;
	float mb = f[b].module / f[a].module, mc = f[c].module / f[a].module;

	/* two-row finds are mostly noise and data modules: at most @p max_weak of them */
	int weak = (f[a].hits < 3) + (f[b].hits < 3) + (f[c].hits < 3);
	if (weak > max_weak) {
		return 0;
	}
	if (f[b].light != f[a].light || f[c].light != f[a].light || lb < 12 * f[a].module ||
	    lc < 12 * f[a].module || legs < 0.6f || fabsf(cosang) > 0.5f ||
	    !foreshortened(f, a, b, mb) || !foreshortened(f, a, c, mc)) {
		return 0;
	}
	/* square, equal legs, equal modules; a dark corner over a light one (data
	 * modules make light look-alikes inside ordinary codes) */
	return (1 - fabsf(cosang)) * legs * sqrtf(fminf(mb, 1 / mb) * fminf(mc, 1 / mc)) *
	       (f[a].light ? 0.8f : 1.0f) * powf(0.75f, (float)weak);
}

/* Triple @p a (the corner), @p b, @p c oriented: top-right then bottom-left, clockwise with y down. */
static struct mck_triple oriented(const struct mck_finder *f, int a, int b, int c)
{
	float bx = f[b].x - f[a].x, by = f[b].y - f[a].y;
	float cx = f[c].x - f[a].x, cy = f[c].y - f[a].y;
	bool cw = bx * cy - by * cx > 0;

	return (struct mck_triple){a, cw ? b : c, cw ? c : b};
}

int mck__finder_candidates(const struct mck_finder *f, int n, struct mck_triple *out, int max)
{
	float score[MCK_FINDER_CANDIDATES_MAX];
	int count = 0;

	if (max > MCK_FINDER_CANDIDATES_MAX) {
		max = MCK_FINDER_CANDIDATES_MAX;
	}
	for (int a = 0; a < n; a++) {
		for (int b = 0; b < n; b++) {
			for (int c = b + 1; c < n; c++) {
				if (a == b || a == c) {
					continue;
				}
				/* the grid fit judges these: two weak finders may do */
				float sc = corner_score(f, a, b, c, 2);
				int at;

				if (sc < 0.2f) {
					continue;
				}
				if (count < max) {
					at = count++;
				} else if (sc > score[max - 1]) {
					at = max - 1;
				} else {
					continue;
				}
				/* insertion, best first */
				while (at > 0 && score[at - 1] < sc) {
					score[at] = score[at - 1];
					out[at] = out[at - 1];
					at--;
				}
				score[at] = sc;
				out[at] = oriented(f, a, b, c);
			}
		}
	}
	return count;
}

int mck__finder_triples(const struct mck_finder *f, int n, bool *in_code,
			struct mck_triple *corners, int max)
{
	int codes = 0;

	memset(in_code, 0, sizeof(*in_code) * (size_t)n);
	/* The best corner first, then the best among finders not yet used (more codes). */
	while (codes < max) {
		float best = 0;
		struct mck_triple t = {0, 0, 0};

		for (int a = 0; a < n; a++) {
			for (int b = 0; b < n; b++) {
				for (int c = b + 1; c < n; c++) {
					if (a == b || a == c || in_code[a] || in_code[b] ||
					    in_code[c]) {
						continue;
					}
					float score = corner_score(f, a, b, c, 1);

					if (score > best) {
						best = score;
						t = oriented(f, a, b, c);
					}
				}
			}
		}
		if (best < 0.35f) {
			break;
		}
		in_code[t.tl] = in_code[t.tr] = in_code[t.bl] = true;
		corners[codes++] = t;
	}
	return codes;
}

/*
 * A code of which the locator kept two finders only: the third hidden (a
 * thumb, glare, a scratch), or too blurred, small or foreshortened for the
 * locator's filters (steep perspective: the far finder's modules are half
 * the near ones'). Two finders of a code are two corners of its square of
 * three: a side (the third at either end, on either side) or the diagonal
 * (the third on either side of it), six places. Each is looked at for a
 * candidate the filters left out (seen in one row, or of a module the
 * partner test refused); else the place predicted stands in. Which of the
 * six is the code's corner, its timing patterns say: the rows of
 * alternating modules that run from the corner finder along both legs,
 * three modules in, which only the code's real corner shows.
 */

/* The mean grey of the 3x3 pixels round (x, y), or -1 off the frame. */
static int grey3(const uint8_t *g, uint32_t w, uint32_t h, float x, float y)
{
	int xi = (int)lroundf(x);
	int yi = (int)lroundf(y);
	int sum = 0;

	if (xi < 1 || yi < 1 || xi >= (int)w - 1 || yi >= (int)h - 1) {
		return -1;
	}
	for (int dy = -1; dy <= 1; dy++) {
		const uint8_t *p = g + (size_t)(yi + dy) * w + (size_t)xi;

		sum += p[-1] + p[0] + p[1];
	}
	return sum / 9;
}

/* Modules of a timing pattern looked at from its corner: drift under perspective grows past them. */
#define TIMING_SPAN 12

/*
 * How well the modules from corner @p c along unit direction @p u, offset
 * three modules toward unit direction @p v, show a timing pattern, modules
 * @p mu pixels apart and @p span (N - 7) between finder centres: light
 * minus dark over their range, 1 clean, about 0 for data. Light for dark
 * with @p light.
 */
static float timing(const uint8_t *g, uint32_t w, uint32_t h, const float c[2], const float u[2],
		    const float v[2], float mu, int span, bool light)
{
	int lo = 255;
	int hi = 0;
	int sum[2] = {0, 0};
	int cnt[2] = {0, 0};

	/* module i of the row (8..N-9) has its centre i - 3 modules from the corner's */
	for (int i = 8; i <= span - 2 && i < 8 + TIMING_SPAN; i++) {
		float s = (float)(i - 3) * mu;
		float t = 3.0f * mu;
		int val = grey3(g, w, h, c[0] + u[0] * s + v[0] * t, c[1] + u[1] * s + v[1] * t);
		int odd = (i % 2 == 1) != light; /* odd modules light */

		if (val < 0) {
			return 0;
		}
		sum[odd] += val;
		cnt[odd]++;
		lo = val < lo ? val : lo;
		hi = val > hi ? val : hi;
	}
	if (cnt[0] == 0 || cnt[1] == 0 || hi - lo < 3 * CONTRAST) {
		return 0;
	}
	return ((float)sum[1] / (float)cnt[1] - (float)sum[0] / (float)cnt[0]) / (float)(hi - lo);
}

/*
 * The timing pattern along a leg from corner @p c to the finder at @p p,
 * offset toward @p q: for module sizes round the leg's mean (perspective
 * makes the corner's own larger or smaller by a fifth), the best.
 */
static float leg_timing(const uint8_t *g, uint32_t w, uint32_t h, const float c[2],
			const float p[2], const float q[2], float module, bool light)
{
	float u[2] = {p[0] - c[0], p[1] - c[1]};
	float v[2] = {q[0] - c[0], q[1] - c[1]};
	float lu = hypotf(u[0], u[1]);
	float lv = hypotf(v[0], v[1]);
	/* finder centres are 4 v + 10 modules apart */
	int version = (int)lroundf((lu / module - 10) / 4);
	int span = 4 * (version < 1 ? 1 : version > 40 ? 40 : version) + 10;
	float best = 0;

	if (lu < 1 || lv < 1) {
		return 0;
	}
	u[0] /= lu;
	u[1] /= lu;
	v[0] /= lv;
	v[1] /= lv;
	for (int k = -4; k <= 4; k++) {
		float mu = lu / (float)span * (1 + 0.05f * (float)k);

		best = fmaxf(best, timing(g, w, h, c, u, v, mu, span, light));
	}
	return best;
}

/*
 * Both timing patterns of the corner at @p c with legs to @p p and @p q
 * (either order): 0 when the corner is not a code's.
 */
static float corner_timing(const uint8_t *g, uint32_t w, uint32_t h, const float c[2],
			   const float p[2], const float q[2], float module, bool light)
{
	float a = leg_timing(g, w, h, c, p, q, module, light);
	float b = leg_timing(g, w, h, c, q, p, module, light);

	/* both must show: a code's corner has both */
	return fminf(a, b) * 0.5f + (a + b) * 0.25f;
}

/* A candidate the filters left out, of polarity @p light and about @p module, nearest @p at within @p reach. */
static bool left_out(const struct mck_finder *f, int n, float at[2], float reach, float module,
		     bool light, float *m_out)
{
	float best = reach;
	bool found = false;

	for (int k = 0; k < pool.n + n; k++) {
		const struct mck_finder *c = k < pool.n ? &pool.found[k] : &f[k - pool.n];
		float ratio = c->module / module;
		float d = hypotf(c->x - at[0], c->y - at[1]);

		if (c->hits == 0 || c->light != light || ratio < 0.35f || ratio > 2.5f ||
		    d >= best) {
			continue;
		}
		best = d;
		at[0] = c->x;
		at[1] = c->y;
		*m_out = c->module;
		found = true;
	}
	return found;
}

struct guess {
	float score;
	float third[2]; /* where the third finder is, or is taken to be */
	float module;
	int a, b;   /* the two finders seen */
	int corner; /* 0: a, 1: b, 2: the third */
};

/* The timing of guess @p g's corner. */
static float guess_timing(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_finder *f,
			  const struct guess *g)
{
	float pa[2] = {f[g->a].x, f[g->a].y};
	float pb[2] = {f[g->b].x, f[g->b].y};
	const float *c = g->corner == 0 ? pa : g->corner == 1 ? pb : g->third;
	const float *p = g->corner == 0 ? pb : pa;
	const float *q = g->corner == 2 ? pb : g->third;
	float mc = g->corner == 0 ? f[g->a].module : g->corner == 1 ? f[g->b].module : g->module;

	return corner_timing(grey, w, h, c, p, q, mc, f[g->a].light);
}

float mck__finder_timing(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_finder *f,
			 struct mck_triple t)
{
	float c[2] = {f[t.tl].x, f[t.tl].y};
	float p[2] = {f[t.tr].x, f[t.tr].y};
	float q[2] = {f[t.bl].x, f[t.bl].y};

	return corner_timing(grey, w, h, c, p, q, f[t.tl].module, f[t.tl].light);
}

/* Timing scores of a code's corner at least this: a code, not data or texture. */
#define COMPLETE_TIMING  0.4f
/* The strongest finders paired: 28 pairs, 168 places, whatever the frame. */
#define COMPLETE_FINDERS 8

int mck__finder_complete(const uint8_t *grey, uint32_t w, uint32_t h, struct mck_finder *f, int *n,
			 int cap, struct mck_triple *out, int max)
{
	struct guess best[MCK_FINDER_CANDIDATES_MAX];
	int kept = 0;
	int top = *n < COMPLETE_FINDERS ? *n : COMPLETE_FINDERS;

	if (max > MCK_FINDER_CANDIDATES_MAX) {
		max = MCK_FINDER_CANDIDATES_MAX;
	}
	for (int a = 0; a < top; a++) {
		for (int b = a + 1; b < top; b++) {
			float ratio = f[b].module / f[a].module;
			float m = (f[a].module + f[b].module) / 2;
			float vx = f[b].x - f[a].x;
			float vy = f[b].y - f[a].y;
			float d = hypotf(vx, vy) / m;

			if (f[a].light != f[b].light || ratio < 0.5f || ratio > 2.0f || d < 12 ||
			    d > 290) {
				continue;
			}
			for (int place = 0; place < 6; place++) {
				/* 0-3: a side, the third at a or b (place / 2), on either side of it;
				 * 4, 5: the diagonal, the third on either side */
				float sg = place % 2 == 0 ? 1.0f : -1.0f;
				struct guess g = {0, {0, 0}, m, a, b, 0};
				const struct mck_finder *at = place < 2 ? &f[a] : &f[b];

				if (place < 4) {
					if (d > 200) {
						continue;
					}
					g.third[0] = at->x - sg * vy;
					g.third[1] = at->y + sg * vx;
					g.corner = place < 2 ? 0 : 1;
				} else {
					if (d < 17) {
						continue;
					}
					g.third[0] = (f[a].x + f[b].x) / 2 - sg * vy / 2;
					g.third[1] = (f[a].y + f[b].y) / 2 + sg * vx / 2;
					g.corner = 2;
				}
				/* perspective moves it: a third of a leg round the place; the
				 * place as predicted too (what is there may be the code's data) */
				struct guess snap = g;
				bool seen = left_out(f, *n, snap.third,
						     (place < 4 ? d : d * 0.7071f) * m * 0.35f, m,
						     f[a].light, &snap.module);

				g.score = guess_timing(grey, w, h, f, &g);
				if (seen) {
					snap.score = guess_timing(grey, w, h, f, &snap);
					g = snap.score > g.score ? snap : g;
				}
				if (g.score < COMPLETE_TIMING) {
					continue;
				}
				/* a full list drops its worst, if worse; one filling takes it */
				bool full = kept == max;
				int pos = full ? max - 1 : kept++;

				if (full && best[pos].score >= g.score) {
					continue;
				}
				while (pos > 0 && best[pos - 1].score < g.score) {
					best[pos] = best[pos - 1];
					pos--;
				}
				best[pos] = g;
			}
		}
	}
	/* the thirds join the finders; each guess a corner of three, oriented */
	int made = 0;

	for (int k = 0; k < kept && *n < cap; k++) {
		const struct guess *g = &best[k];
		int t = (*n)++;

		f[t] = (struct mck_finder){g->third[0], g->third[1], g->module, f[g->a].light, 0};
		out[made++] = g->corner == 0   ? oriented(f, g->a, g->b, t)
			      : g->corner == 1 ? oriented(f, g->b, g->a, t)
					       : oriented(f, t, g->a, g->b);
	}
	return made;
}
