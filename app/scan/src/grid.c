#include "grid.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define PPM        4 /* pixels per module when redrawn */
#define QUIET      4 /* modules of quiet zone when redrawn */
#define MAX_N      177
#define MAX_PROBES 2048 /* function modules of version 40: 1,665 */
#define MAX_EVALS  800  /* scores per fit */

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

/* A module whose colour every code of the version shares. */
struct probe {
	uint8_t x;
	uint8_t y;
	uint8_t light;
};

struct pattern {
	int version;
	int count;
	struct probe probe[MAX_PROBES];
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
				pt->probe[pt->count++] = (struct probe){(uint8_t)x, (uint8_t)y,
									kind[y * n + x] == LIGHT};
			}
		}
	}
	pt->version = version;
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

static float score(const uint8_t *grey, uint32_t w, uint32_t h, const struct pattern *pt,
		   const struct mck_grid *gr)
{
	struct map m = map_of(gr);
	double sum[2] = {0, 0};
	int cnt[2] = {0, 0};

	for (int i = 0; i < pt->count; i++) {
		const struct probe *p = &pt->probe[i];
		double u, v;

		map_at(&m, p->x + 0.5, p->y + 0.5, &u, &v);
		sum[p->light] += sample(grey, w, h, u, v);
		cnt[p->light]++;
	}
	return (float)(sum[1] / cnt[1] - sum[0] / cnt[0]);
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

void mck__grid_fit(const uint8_t *grey, uint32_t w, uint32_t h, const float tl[2],
		   const float tr[2], const float bl[2], int version, struct mck_grid *out)
{
	static _Thread_local struct pattern pt;
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
		return;
	}
	if (pt.version != version) {
		build(&pt, version);
	}
	/* 1. Perspective, coarsely: a tilt of up to 1:2 either way along each edge. */
	for (int i = -9; i <= 9; i++) {
		for (int j = -9; j <= 9; j++) {
			gr.g = 0.05f * i;
			gr.h = 0.05f * j;
			gr.score = score(grey, w, h, &pt, &gr);
			evals++;
			if (gr.score > out->score) {
				*out = gr;
			}
		}
	}
	/* 2. All eight numbers (the finder centres are judged to a pixel or so),
	 * one at a time, halving the steps when none helps. */
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

		for (int i = 0; i < 8 && evals < MAX_EVALS; i++) {
			for (int sign = -1; sign <= 1; sign += 2) {
				float keep = p[i];

				p[i] += sign * step[i];
				if (fabsf(p[i] - start[i]) > reach[i]) {
					p[i] = keep;
					continue;
				}
				unpack(&gr, p);
				gr.score = score(grey, w, h, &pt, &gr);
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
			halvings++;
		}
	}
}

void mck__grid_redraw(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_grid *gr,
		      uint8_t *dst, size_t cap, uint32_t *side)
{
	static _Thread_local uint8_t bit[MAX_N * MAX_N];
	static _Thread_local float val[MAX_N * MAX_N];
	static _Thread_local float sharp[MAX_N * MAX_N];
	int n = 17 + 4 * gr->version;
	uint32_t s = (uint32_t)(n + 2 * QUIET) * PPM;
	struct map m;

	*side = 0;
	if (gr->version < 1 || gr->version > 40 || (size_t)s * s > cap) {
		return;
	}
	m = map_of(gr);
	/* Each module's centre ... */
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			double u, v;

			map_at(&m, x + 0.5, y + 0.5, &u, &v);
			val[y * n + x] = (float)sample(grey, w, h, u, v);
		}
	}
	/* ... less what blur spread into it from its four neighbours ... */
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			float own = val[y * n + x];
			float around = (x > 0 ? val[y * n + x - 1] : own) +
				       (x < n - 1 ? val[y * n + x + 1] : own) +
				       (y > 0 ? val[(y - 1) * n + x] : own) +
				       (y < n - 1 ? val[(y + 1) * n + x] : own);

			sharp[y * n + x] = 2 * own - around / 4;
		}
	}
	memcpy(val, sharp, sizeof(val[0]) * (size_t)n * (size_t)n);
	/* ... against the mean of the 9x9 modules around it. */
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			float sum = 0;
			int cnt = 0;

			for (int j = y - 4; j <= y + 4; j++) {
				for (int i = x - 4; i <= x + 4; i++) {
					if (i >= 0 && j >= 0 && i < n && j < n) {
						sum += val[j * n + i];
						cnt++;
					}
				}
			}
			bit[y * n + x] = val[y * n + x] < sum / cnt;
		}
	}
	memset(dst, 255, (size_t)s * s);
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			if (!bit[y * n + x]) {
				continue;
			}
			for (int j = 0; j < PPM; j++) {
				memset(dst + (size_t)((y + QUIET) * PPM + j) * s +
					       (x + QUIET) * PPM,
				       0, PPM);
			}
		}
	}
	*side = s;
}
