#include "grid.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N      177
#define MAX_PROBES 2048 /* function modules of version 40: 1,665 */
#define MAX_EVALS  400  /* scores per fit */

int mck__grid_version(float legs)
{
	/* finder centres are N - 7 modules apart, N = 17 + 4 v */
	int v = (int)lroundf((legs + 7 - 17) / 4);

	return v < 1 ? 1 : v > 40 ? 40 : v;
}

int mck__grid_alignment(int version, int pos[7])
{
	int count;
	int step;

	if (version < 2 || version > 40) {
		return 0;
	}
	/* evenly spaced back from N - 7, an even step (ISO/IEC 18004 Annex E) */
	count = version / 7 + 2;
	step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
	pos[0] = 6;
	for (int i = count - 1, p = version * 4 + 10; i >= 1; i--, p -= step) {
		pos[i] = p;
	}
	return count;
}

struct pattern {
	int version;
	int count;
	int light; /* probes of light modules: the last ones */
	struct mck_grid_probe probe[MAX_PROBES];
	/* each probe's module centre from the top-left finder's centre, in modules,
	 * dark ones first: where a fit's scores sample */
	float s[MAX_PROBES];
	float t[MAX_PROBES];
};

static void mark_square(uint8_t *kind, int n, int cx, int cy, int radius, const uint8_t *by_ring)
{
	for (int y = cy - radius; y <= cy + radius; y++) {
		for (int x = cx - radius; x <= cx + radius; x++) {
			int ring = abs(x - cx) > abs(y - cy) ? abs(x - cx) : abs(y - cy);

			if (x >= 0 && y >= 0 && x < n && y < n) {
				kind[y * n + x] = by_ring[ring];
			}
		}
	}
}

/* The function modules of @p version: finders with separators, timing, alignment, dark module. */
static void build(struct pattern *pt, int version)
{
	enum { UNKNOWN, DARK, LIGHT };
	static const uint8_t finder[5] = {DARK, DARK, LIGHT, DARK, LIGHT}; /* separator last */
	static const uint8_t alignment[3] = {DARK, LIGHT, DARK};
	static _Thread_local uint8_t kind[MAX_N * MAX_N];
	int n = 17 + 4 * version;
	int pos[7];
	int na = mck__grid_alignment(version, pos);

	memset(kind, UNKNOWN, sizeof(kind));
	mark_square(kind, n, 3, 3, 4, finder);
	mark_square(kind, n, n - 4, 3, 4, finder);
	mark_square(kind, n, 3, n - 4, 4, finder);
	for (int i = 8; i < n - 8; i++) {
		kind[6 * n + i] = i % 2 == 0 ? DARK : LIGHT;
		kind[i * n + 6] = i % 2 == 0 ? DARK : LIGHT;
	}
	for (int a = 0; a < na; a++) {
		for (int b = 0; b < na; b++) {
			bool on_finder = (a == 0 && b == 0) || (a == 0 && b == na - 1) ||
					 (a == na - 1 && b == 0);

			if (!on_finder) {
				mark_square(kind, n, pos[a], pos[b], 2, alignment);
			}
		}
	}
	kind[(n - 8) * n + 8] = DARK;
	pt->count = 0;
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			if (kind[y * n + x] != UNKNOWN && pt->count < MAX_PROBES) {
				pt->probe[pt->count++] = (struct mck_grid_probe){
					(uint8_t)x, (uint8_t)y, kind[y * n + x] == LIGHT};
			}
		}
	}
	/* the centre of module x is x + 0.5, the finder's 3.5 */
	pt->light = 0;
	for (int light = 0, k = 0; light <= 1; light++) {
		for (int i = 0; i < pt->count; i++) {
			if (pt->probe[i].light == light) {
				pt->s[k] = (float)pt->probe[i].x - 3;
				pt->t[k] = (float)pt->probe[i].y - 3;
				k++;
				pt->light += light;
			}
		}
	}
	pt->version = version;
}

/* The function modules of @p version (1..40), built on first use. */
static const struct pattern *pattern_of(int version)
{
	static _Thread_local struct pattern pt;

	if (pt.version != version) {
		build(&pt, version);
	}
	return &pt;
}

/*
 * The map in closed form: with s, t the module coordinates scaled so that
 * the finder centres sit at 0 and 1, frame = (A s + B t + TL) / (g s + h t + 1),
 * A = (1 + g) TR - TL, B = (1 + h) BL - TL: the three finder centres map
 * where they are for any g and h, which then place the fourth corner.
 */
struct map {
	double a[2];
	double b[2];
	double c[2];
	double g;
	double h;
	double span; /* modules between finder centres */
};

static struct map map_of(const struct mck_grid *gr)
{
	struct map m;

	for (int i = 0; i < 2; i++) {
		m.a[i] = (1 + gr->g) * gr->tr[i] - gr->tl[i];
		m.b[i] = (1 + gr->h) * gr->bl[i] - gr->tl[i];
		m.c[i] = gr->tl[i];
	}
	m.g = gr->g;
	m.h = gr->h;
	m.span = 4.0 * gr->version + 10;
	return m;
}

/* Frame point of module point (@p x, @p y); the finder centres are at 3.5. */
static void map_at(const struct map *m, double x, double y, double *u, double *v)
{
	double s = (x - 3.5) / m->span;
	double t = (y - 3.5) / m->span;
	double d = m->g * s + m->h * t + 1;

	*u = (m->a[0] * s + m->b[0] * t + m->c[0]) / d;
	*v = (m->a[1] * s + m->b[1] * t + m->c[1]) / d;
}

/* Bilinear grey at (@p x, @p y); mid-grey off the frame, which favours nothing. */
static double sample(const uint8_t *g, uint32_t w, uint32_t h, double x, double y)
{
	if (!(x >= 0 && y >= 0 && x < w - 1 && y < h - 1)) {
		return 128;
	}
	uint32_t x0 = (uint32_t)x;
	uint32_t y0 = (uint32_t)y;
	double ax = x - x0;
	double ay = y - y0;
	const uint8_t *p = g + (size_t)y0 * w + x0;
	double top = p[0] + ax * (p[1] - p[0]);
	double bot = p[w] + ax * (p[w + 1] - p[w]);

	return top + ay * (bot - top);
}

/*
 * A frame for sampling by fixed point: its limits in 1/256 px, once. Grey
 * is sampled bilinearly at 1/256 of a pixel, in integers: a fit takes a few
 * hundred thousand samples.
 */
struct fgrey {
	const uint8_t *px;
	uint32_t w;
	int32_t x_end; /* (w - 1) * 256, (h - 1) * 256: the last whole cell of four pixels */
	int32_t y_end;
};

/* Bilinear grey at (@p x, @p y), times 65536; mid-grey off the frame. */
static uint32_t fsample(const struct fgrey *g, float x, float y)
{
	/* beyond the frame (and far beyond, where the fixed point would not hold) */
	if (!(x >= 0 && y >= 0 && x < 8192 && y < 8192)) {
		return 128u << 16;
	}
	int32_t xf = (int32_t)(x * 256);
	int32_t yf = (int32_t)(y * 256);

	if (xf >= g->x_end || yf >= g->y_end) {
		return 128u << 16;
	}
	int32_t ax = xf & 255;
	int32_t ay = yf & 255;
	const uint8_t *p = g->px + (size_t)(yf >> 8) * g->w + (size_t)(xf >> 8);
	int32_t top = (p[0] << 8) + ax * (p[1] - p[0]);
	int32_t bot = (p[g->w] << 8) + ax * (p[g->w + 1] - p[g->w]);

	return (uint32_t)((top << 8) + ay * (bot - top));
}

/* The map in float from module offsets to the frame. */
struct fmap {
	float a[2];
	float b[2];
	float c[2];
	float g;
	float h;
};

static struct fmap fmap_of(const struct mck_grid *gr)
{
	struct map m = map_of(gr);
	double per = 1.0 / m.span;

	return (struct fmap){{(float)(m.a[0] * per), (float)(m.a[1] * per)},
			     {(float)(m.b[0] * per), (float)(m.b[1] * per)},
			     {(float)m.c[0], (float)m.c[1]},
			     (float)(m.g * per),
			     (float)(m.h * per)};
}

/*
 * The grey of every @p stride-th probe of [@p i0, @p i1) of @p pt under map
 * @p m, each offset by (@p ds, @p dt), summed.
 */
static uint64_t probe_sum(const struct fgrey *g, const struct pattern *pt, const struct fmap *m,
			  int i0, int i1, int stride, float ds, float dt)
{
	uint64_t sum = 0;

	for (int i = i0; i < i1; i += stride) {
		float s = pt->s[i] + ds;
		float t = pt->t[i] + dt;
		float per = 1 / (m->g * s + m->h * t + 1);

		sum += fsample(g, (m->a[0] * s + m->b[0] * t + m->c[0]) * per,
			       (m->a[1] * s + m->b[1] * t + m->c[1]) * per);
	}
	return sum;
}

/*
 * How well map @p gr shows the function patterns: the mean grey of the
 * light ones less the dark ones', at each module's centre, or (@p fine) at
 * two points a third of a module from it on a diagonal, the two diagonals
 * taking turns from module to module, which a map a little off pushes
 * toward the neighbours: the score then peaks where the map is right
 * instead of being flat across the middle of the modules.
 */
static float score(const uint8_t *grey, uint32_t w, uint32_t h, const struct pattern *pt,
		   const struct mck_grid *gr, bool fine)
{
	/* { one diagonal's two points, the other's } */
	static const float off[2][2][2] = {{{-0.33f, -0.33f}, {0.33f, 0.33f}},
					   {{0.33f, -0.33f}, {-0.33f, 0.33f}}};
	struct fmap m = fmap_of(gr);
	struct fgrey g = {grey, w, (int32_t)(w - 1) * 256, (int32_t)(h - 1) * 256};
	int dark = pt->count - pt->light;
	uint64_t sum[2] = {0, 0};
	int points = fine ? 2 : 1;

	if (!fine) {
		sum[0] = probe_sum(&g, pt, &m, 0, dark, 1, 0, 0);
		sum[1] = probe_sum(&g, pt, &m, dark, pt->count, 1, 0, 0);
	}
	for (int turn = 0; fine && turn < 2; turn++) {
		for (int k = 0; k < 2; k++) {
			sum[0] += probe_sum(&g, pt, &m, turn, dark, 2, off[turn][k][0],
					    off[turn][k][1]);
			sum[1] += probe_sum(&g, pt, &m, dark + turn, pt->count, 2, off[turn][k][0],
					    off[turn][k][1]);
		}
	}
	return (float)((double)sum[1] / ((double)pt->light * points * 65536) -
		       (double)sum[0] / ((double)dark * points * 65536));
}

/*
 * Map @p gr with perspective (g0 + i step, h0 + j step), |i|, |j| <= @p half,
 * each scored on module centres; the best into @p out if it beats it.
 * Returns the number of scores taken.
 */
static int perspective_grid(const uint8_t *grey, uint32_t w, uint32_t h, const struct pattern *pt,
			    struct mck_grid gr, float g0, float h0, float step, int half,
			    struct mck_grid *out)
{
	for (int i = -half; i <= half; i++) {
		for (int j = -half; j <= half; j++) {
			gr.g = g0 + step * i;
			gr.h = h0 + step * j;
			gr.score = score(grey, w, h, pt, &gr, false);
			if (gr.score > out->score) {
				*out = gr;
			}
		}
	}
	return (2 * half + 1) * (2 * half + 1);
}

/* The eight numbers of a map, for the search. */
static void unpack(struct mck_grid *gr, const float p[8])
{
	gr->tl[0] = p[0];
	gr->tl[1] = p[1];
	gr->tr[0] = p[2];
	gr->tr[1] = p[3];
	gr->bl[0] = p[4];
	gr->bl[1] = p[5];
	gr->g = p[6];
	gr->h = p[7];
}

/* Whether either flag is up. */
static bool stopped(const atomic_bool *a, const atomic_bool *b)
{
	return (a != NULL && atomic_load_explicit(a, memory_order_relaxed)) ||
	       (b != NULL && atomic_load_explicit(b, memory_order_relaxed));
}

void mck__grid_fit(const uint8_t *grey, uint32_t w, uint32_t h, const float tl[2],
		   const float tr[2], const float bl[2], int version, struct mck_grid *out)
{
	(void)mck__grid_fit_until(grey, w, h, tl, tr, bl, version, out, NULL, NULL);
}

bool mck__grid_fit_until(const uint8_t *grey, uint32_t w, uint32_t h, const float tl[2],
			 const float tr[2], const float bl[2], int version, struct mck_grid *out,
			 const atomic_bool *stop_a, const atomic_bool *stop_b)
{
	struct mck_grid gr = {version, {tl[0], tl[1]}, {tr[0], tr[1]}, {bl[0], bl[1]}, 0, 0, 0};
	float p[8] = {tl[0], tl[1], tr[0], tr[1], bl[0], bl[1], 0, 0};
	float module =
		(hypotf(tr[0] - tl[0], tr[1] - tl[1]) + hypotf(bl[0] - tl[0], bl[1] - tl[1])) / 2 /
		(4.0f * version + 10);
	float step[8];
	float start[8];
	float reach[8];
	int evals = 0;

	*out = gr;
	out->score = -256;
	if (version < 1 || version > 40) {
		return true;
	}
	const struct pattern *pt = pattern_of(version);
	/* 1. Perspective, coarsely: a tilt of up to 1:2 either way along each
	 * edge, in steps of 0.1, then of 0.033 around the best. */
	evals += perspective_grid(grey, w, h, pt, gr, 0, 0, 0.1f, 4, out);
	if (stopped(stop_a, stop_b)) {
		return false;
	}
	evals += perspective_grid(grey, w, h, pt, gr, out->g, out->h, 0.033f, 2, out);
	/* 2. All eight numbers (the finder centres are judged to a pixel or so),
	 * one at a time, halving the steps when none helps: on module centres
	 * while the steps are large, on four points per module (a quarter of the
	 * speed) for the last two halvings. */
	p[6] = out->g;
	p[7] = out->h;
	for (int i = 0; i < 6; i++) {
		step[i] = module / 2;
	}
	step[6] = step[7] = 0.025f;
	/* the finders within two modules of where they were seen; tilt within 1:3 */
	memcpy(start, p, sizeof(start));
	for (int i = 0; i < 8; i++) {
		reach[i] = i < 6 ? 2 * module : 0.5f - fabsf(start[i]);
	}
	for (int halvings = 0; halvings < 4 && evals < MAX_EVALS;) {
		bool moved = false;
		bool fine = halvings >= 2;

		if (stopped(stop_a, stop_b)) {
			return false; /* not wanted any more: a score takes 5-20 us */
		}
		for (int i = 0; i < 8 && evals < MAX_EVALS; i++) {
			for (int sign = -1; sign <= 1; sign += 2) {
				float keep = p[i];

				p[i] += sign * step[i];
				if (fabsf(p[i] - start[i]) > reach[i]) {
					p[i] = keep;
					continue;
				}
				unpack(&gr, p);
				gr.score = score(grey, w, h, pt, &gr, fine);
				evals++;
				if (gr.score > out->score) {
					*out = gr;
					moved = true;
					break;
				}
				p[i] = keep;
			}
		}
		if (!moved) {
			for (int i = 0; i < 8; i++) {
				step[i] /= 2;
			}
			if (++halvings == 2) {
				/* from here on four points per module: the best rescored so */
				out->score = score(grey, w, h, pt, out, true);
			}
		}
	}
	return true;
}

int mck__grid_probes(int version, const struct mck_grid_probe **probes)
{
	const struct pattern *pt;

	if (version < 1 || version > 40) {
		return 0;
	}
	pt = pattern_of(version);
	*probes = pt->probe;
	return pt->count;
}

void mck__grid_sample(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_grid *gr,
		      float *val)
{
	struct map m = map_of(gr);
	int n = 17 + 4 * gr->version;

	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			double u, v;

			map_at(&m, x + 0.5, y + 0.5, &u, &v);
			val[y * n + x] = (float)sample(grey, w, h, u, v);
		}
	}
}
