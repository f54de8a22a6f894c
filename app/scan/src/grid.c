#include "grid.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define PPM        4 /* pixels per module when redrawn */
#define QUIET      4 /* modules of quiet zone when redrawn */
#define MAX_N      177
#define MAX_PROBES 2048 /* function modules of version 40: 1,665 */
#define MAX_EVALS  400  /* scores per fit */
#define AROUND     8    /* modules each way whose mean a module is judged against */

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
 * How well map @p gr shows the function patterns: at each module's centre,
 * or (@p fine) at four points a third of a module from it, which a map a
 * little off pushes toward the neighbours: the score then peaks where the
 * map is right instead of being flat across the middle of the modules.
 */
static float score(const uint8_t *grey, uint32_t w, uint32_t h, const struct pattern *pt,
		   const struct mck_grid *gr, bool fine)
{
	static const float off[4][2] = {
		{-0.33f, -0.33f}, {0.33f, -0.33f}, {-0.33f, 0.33f}, {0.33f, 0.33f}};
	struct map m = map_of(gr);
	double sum[2] = {0, 0};
	int cnt[2] = {0, 0};

	for (int i = 0; i < pt->count; i++) {
		const struct probe *p = &pt->probe[i];
		double u, v;

		if (!fine) {
			map_at(&m, p->x + 0.5, p->y + 0.5, &u, &v);
			sum[p->light] += sample(grey, w, h, u, v);
			cnt[p->light]++;
			continue;
		}
		for (int k = 0; k < 4; k++) {
			map_at(&m, p->x + 0.5 + off[k][0], p->y + 0.5 + off[k][1], &u, &v);
			sum[p->light] += sample(grey, w, h, u, v);
			cnt[p->light]++;
		}
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
	struct mck_grid gr = {version, {tl[0], tl[1]}, {tr[0], tr[1]}, {bl[0], bl[1]}, 0, 0, 0};
	float p[8] = {tl[0], tl[1], tr[0], tr[1], bl[0], bl[1], 0, 0};
	float module =
		(hypotf(tr[0] - tl[0], tr[1] - tl[1]) + hypotf(bl[0] - tl[0], bl[1] - tl[1])) / 2 /
		(4.0f * version + 10);
	float step[8];
	float start[8];
	float reach[8];
	int evals = 0;
	bool fine_scored = false;

	*out = gr;
	out->score = -256;
	if (version < 1 || version > 40) {
		return;
	}
	const struct pattern *pt = pattern_of(version);
	/* 1. Perspective, coarsely: a tilt of up to 1:2 either way along each
	 * edge, in steps of 0.1, then of 0.033 around the best. */
	for (int i = -4; i <= 4; i++) {
		for (int j = -4; j <= 4; j++) {
			gr.g = 0.1f * i;
			gr.h = 0.1f * j;
			gr.score = score(grey, w, h, pt, &gr, false);
			evals++;
			if (gr.score > out->score) {
				*out = gr;
			}
		}
	}
	float g0 = out->g, h0 = out->h;

	for (int i = -2; i <= 2; i++) {
		for (int j = -2; j <= 2; j++) {
			gr.g = g0 + 0.033f * i;
			gr.h = h0 + 0.033f * j;
			gr.score = score(grey, w, h, pt, &gr, false);
			evals++;
			if (gr.score > out->score) {
				*out = gr;
			}
		}
	}
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

		if (halvings == 2 && !fine_scored) {
			out->score = score(grey, w, h, pt, out, true);
			fine_scored = true;
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
			halvings++;
		}
	}
}

/* The 15 format bits of error-correction level and mask @p data (5 bits), masked (ISO/IEC 18004 7.9). */
static uint32_t format_bits(uint32_t data)
{
	uint32_t rem = data;

	for (int i = 0; i < 10; i++) {
		rem = (rem << 1) ^ ((rem >> 9) * 0x537);
	}
	return ((data << 10) | rem) ^ 0x5412;
}

/* Where format bit @p i (0..14) sits, in its two copies; x then y. */
static void format_places(int n, int i, int at[2][2])
{
	static const uint8_t first[15][2] = {{8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4},
					     {8, 5}, {8, 7}, {8, 8}, {7, 8}, {5, 8},
					     {4, 8}, {3, 8}, {2, 8}, {1, 8}, {0, 8}};

	at[0][0] = first[i][0];
	at[0][1] = first[i][1];
	at[1][0] = i < 8 ? n - 1 - i : 8;
	at[1][1] = i < 8 ? 8 : n - 15 + i;
}

/*
 * What every code of the version shows, whatever was sampled: its function
 * patterns; its version information (v >= 7), from the version fitted; and
 * its format information, the one of the 32 that the sampled margins of
 * both copies (@p margin > 0: dark) favour most. Blur or a bad pixel there
 * would otherwise cost ZBar the whole code.
 */
static void settle_known(int version, const float *margin, uint8_t *bit)
{
	const struct pattern *pt = pattern_of(version);
	int n = 17 + 4 * version;
	float best = -INFINITY;
	uint32_t chosen = 0;

	for (int i = 0; i < pt->count; i++) {
		bit[pt->probe[i].y * n + pt->probe[i].x] = !pt->probe[i].light;
	}
	if (version >= 7) {
		uint32_t rem = (uint32_t)version;

		for (int i = 0; i < 12; i++) {
			rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
		}
		uint32_t bits = ((uint32_t)version << 12) | rem;

		for (int i = 0; i < 18; i++) {
			int a = n - 11 + i % 3;
			int b = i / 3;

			bit[b * n + a] = bit[a * n + b] = (bits >> i) & 1;
		}
	}
	for (uint32_t data = 0; data < 32; data++) {
		uint32_t bits = format_bits(data);
		float agree = 0;

		for (int i = 0; i < 15; i++) {
			int at[2][2];

			format_places(n, i, at);
			for (int c = 0; c < 2; c++) {
				float mg = margin[at[c][1] * n + at[c][0]];

				agree += (bits >> i) & 1 ? mg : -mg;
			}
		}
		if (agree > best) {
			best = agree;
			chosen = bits;
		}
	}
	for (int i = 0; i < 15; i++) {
		int at[2][2];

		format_places(n, i, at);
		for (int c = 0; c < 2; c++) {
			bit[at[c][1] * n + at[c][0]] = (chosen >> i) & 1;
		}
	}
}

/* Solve the 4x4 system @p a x = @p b in place (x in @p b); false if singular. */
static bool solve4(double a[4][4], double b[4])
{
	for (int c = 0; c < 4; c++) {
		int piv = c;

		for (int r = c + 1; r < 4; r++) {
			if (fabs(a[r][c]) > fabs(a[piv][c])) {
				piv = r;
			}
		}
		if (fabs(a[piv][c]) < 1e-9) {
			return false;
		}
		for (int k = 0; k < 4; k++) {
			double t = a[c][k];

			a[c][k] = a[piv][k];
			a[piv][k] = t;
		}
		double t = b[c];

		b[c] = b[piv];
		b[piv] = t;
		for (int r = 0; r < 4; r++) {
			if (r != c) {
				double f = a[r][c] / a[c][c];

				for (int k = c; k < 4; k++) {
					a[r][k] -= f * a[c][k];
				}
				b[r] -= f * b[c];
			}
		}
	}
	for (int i = 0; i < 4; i++) {
		b[i] /= a[i][i];
	}
	return true;
}

/* +1 dark, -1 light: module (@p x, @p y) as currently decided; outside, the quiet zone. */
static int at_e(const int8_t *e, int n, int x, int y)
{
	return x < 0 || y < 0 || x >= n || y >= n ? -1 : e[y * n + x];
}

/*
 * Module darkness @p d (> 0: darker than around; updated to the margin of
 * each decision) to @p bit, undoing blur. Blur makes a module's sample part
 * of its own colour and part of its neighbours': how much of each is learnt
 * from the modules whose colour every code shares (finders, timing,
 * alignment; those with all eight neighbours known), by least squares, and
 * the neighbours' part taken off each module, from their current decisions,
 * in a few sweeps.
 */
static void equalise(int version, float *d, uint8_t *bit)
{
	static _Thread_local int8_t known[MAX_N * MAX_N];
	static _Thread_local int8_t e[MAX_N * MAX_N];
	const struct pattern *pt = pattern_of(version);
	int n = 17 + 4 * version;
	double ata[4][4] = {{0}};
	double atb[4] = {0};
	double beta[4] = {0, 1, 0, 0}; /* level, own, edge neighbours, corner neighbours */
	int samples = 0;

	memset(known, 0, (size_t)n * (size_t)n);
	for (int i = 0; i < pt->count; i++) {
		known[pt->probe[i].y * n + pt->probe[i].x] = pt->probe[i].light ? -1 : 1;
	}
	for (int y = 1; y < n - 1; y++) {
		for (int x = 1; x < n - 1; x++) {
			int s4 = 0, sd = 0;
			bool all = known[y * n + x] != 0;

			for (int j = -1; j <= 1 && all; j++) {
				for (int i = -1; i <= 1; i++) {
					int k = known[(y + j) * n + x + i];

					all = all && k != 0;
					if (i != 0 && j != 0) {
						sd += k;
					} else if (i != 0 || j != 0) {
						s4 += k;
					}
				}
			}
			if (!all) {
				continue;
			}
			double row[4] = {1, known[y * n + x], s4, sd};

			for (int r = 0; r < 4; r++) {
				for (int c = 0; c < 4; c++) {
					ata[r][c] += row[r] * row[c];
				}
				atb[r] += row[r] * d[y * n + x];
			}
			samples++;
		}
	}
	if (samples < 32 || !solve4(ata, atb) || atb[1] <= 0) {
		memcpy(beta, (double[4]){0, 1, 0, 0}, sizeof(beta));
	} else {
		memcpy(beta, atb, sizeof(beta));
	}
	for (int i = 0; i < n * n; i++) {
		e[i] = known[i] != 0 ? known[i] : d[i] > 0 ? 1 : -1;
	}
	for (int sweep = 0; sweep < 4; sweep++) {
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) {
				int s4 = at_e(e, n, x - 1, y) + at_e(e, n, x + 1, y) +
					 at_e(e, n, x, y - 1) + at_e(e, n, x, y + 1);
				int sd = at_e(e, n, x - 1, y - 1) + at_e(e, n, x + 1, y - 1) +
					 at_e(e, n, x - 1, y + 1) + at_e(e, n, x + 1, y + 1);
				float r = (float)(d[y * n + x] - beta[0] - beta[2] * s4 -
						  beta[3] * sd);

				if (sweep == 3) {
					d[y * n + x] = r;
				}
				if (known[y * n + x] == 0) {
					e[y * n + x] = r > 0 ? 1 : -1;
				}
			}
		}
	}
	for (int i = 0; i < n * n; i++) {
		bit[i] = e[i] > 0;
	}
}

void mck__grid_redraw(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_grid *gr,
		      uint8_t *dst, size_t cap, uint32_t *side)
{
	static _Thread_local uint8_t bit[MAX_N * MAX_N];
	static _Thread_local float val[MAX_N * MAX_N];
	static _Thread_local float sharp[MAX_N * MAX_N];
	static _Thread_local double sat[(MAX_N + 1) * (MAX_N + 1)];
	int n = 17 + 4 * gr->version;
	uint32_t s = (uint32_t)(n + 2 * QUIET) * PPM;
	struct map m;

	*side = 0;
	if (gr->version < 1 || gr->version > 40 || (size_t)s * s > cap) {
		return;
	}
	m = map_of(gr);
	/* Each module's centre, darker (> 0) or lighter than the modules around it
	 * (AROUND each way: enough for the mean to be the code's, not the
	 * neighbourhood's, and near enough to follow uneven light). */
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			double u, v;

			map_at(&m, x + 0.5, y + 0.5, &u, &v);
			val[y * n + x] = (float)sample(grey, w, h, u, v);
		}
	}
	/* summed-area table of the samples: the mean around each module in four loads */
	for (int y = 0; y <= n; y++) {
		for (int x = 0; x <= n; x++) {
			sat[y * (n + 1) + x] = x == 0 || y == 0
						       ? 0
						       : val[(y - 1) * n + x - 1] +
								 sat[(y - 1) * (n + 1) + x] +
								 sat[y * (n + 1) + x - 1] -
								 sat[(y - 1) * (n + 1) + x - 1];
		}
	}
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			int x0 = x > AROUND ? x - AROUND : 0,
			    x1 = x + AROUND + 1 < n ? x + AROUND + 1 : n;
			int y0 = y > AROUND ? y - AROUND : 0,
			    y1 = y + AROUND + 1 < n ? y + AROUND + 1 : n;
			double sum = sat[y1 * (n + 1) + x1] - sat[y0 * (n + 1) + x1] -
				     sat[y1 * (n + 1) + x0] + sat[y0 * (n + 1) + x0];

			sharp[y * n + x] = (float)(sum / ((x1 - x0) * (y1 - y0))) - val[y * n + x];
		}
	}
	equalise(gr->version, sharp, bit);
	settle_known(gr->version, sharp, bit);
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
