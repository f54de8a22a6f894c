/*
 * Finder-pattern centres, by run lengths along rows (every other row, against
 * a running mean of the row), each confirmed along its column. No integral
 * image: a row costs two loads and a compare per pixel.
 */
#include "finder.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RADIUS         20 /* local threshold window: 2 RADIUS + 1 pixels along the line */
#define CONTRAST       8  /* darker than the mean by this much to count as dark: noise does not */
#define MAX_W          8192
#define MAX_CANDIDATES 2048

/* The sum of sample @p i of a line and its two neighbours (the ends repeat). */
static uint16_t tap3(const uint8_t *p, size_t step, uint32_t n, uint32_t i)
{
	return (uint16_t)(p[(size_t)(i > 0 ? i - 1 : i) * step] + p[(size_t)i * step] +
			  p[(size_t)(i + 1 < n ? i + 1 : i) * step]);
}

/*
 * A row of @p n pixels to dark/light bits: 3-tap sums against the midpoint
 * of the darkest and lightest around (blocks of BLOCK pixels, the extremes
 * of the block and two either side: about RADIUS each way). A mean would be
 * dragged light by a quiet zone and dark by a dense code, just where finders
 * sit; the extremes are not. A flat stretch (no contrast around) keeps the
 * bit before it, so that a large finder's core stays dark throughout.
 */
#define BLOCK 8
static void binarize_row(const uint8_t *p, uint32_t n, uint8_t *bit)
{
	static _Thread_local uint16_t tap[MAX_W];
	static _Thread_local uint16_t lo[MAX_W / BLOCK + 1];
	static _Thread_local uint16_t hi[MAX_W / BLOCK + 1];
	uint32_t nb = (n + BLOCK - 1) / BLOCK;
	uint8_t last = 0;

	for (uint32_t b = 0; b < nb; b++) {
		uint16_t l = UINT16_MAX;
		uint16_t h = 0;

		for (uint32_t i = b * BLOCK; i < (b + 1) * BLOCK && i < n; i++) {
			uint16_t t = tap3(p, 1, n, i);

			tap[i] = t;
			l = t < l ? t : l;
			h = t > h ? t : h;
		}
		lo[b] = l;
		hi[b] = h;
	}
	for (uint32_t b = 0; b < nb; b++) {
		uint32_t l = UINT16_MAX;
		uint32_t h = 0;

		for (uint32_t c = b > 2 ? b - 2 : 0; c <= b + 2 && c < nb; c++) {
			l = lo[c] < l ? lo[c] : l;
			h = hi[c] > h ? hi[c] : h;
		}
		for (uint32_t i = b * BLOCK; i < (b + 1) * BLOCK && i < n; i++) {
			if (h - l >= 6 * CONTRAST) {
				last = 2u * tap[i] < l + h;
			}
			bit[i] = last;
		}
	}
}

/*
 * @p n samples of a short line (stride @p step, n <= MAX_SPAN) to dark/light
 * bits against the midpoint of the darkest and lightest 3-tap means within
 * @p half samples of sample @p c: a finder's own span holds both extremes,
 * whatever the code's data does to a running mean, and its quiet zone keeps
 * the scene behind out.
 */
#define MAX_SPAN (2 * (8 * 60 + RADIUS) + 2)
static void binarize_span(const uint8_t *p, size_t step, uint32_t n, uint32_t c, uint32_t half,
			  uint8_t *bit)
{
	uint16_t tap[MAX_SPAN];
	uint32_t lo = UINT32_MAX;
	uint32_t hi = 0;

	for (uint32_t i = 0; i < n; i++) {
		tap[i] = tap3(p, step, n, i);
		if (i + half >= c && i <= c + half) {
			lo = tap[i] < lo ? tap[i] : lo;
			hi = tap[i] > hi ? tap[i] : hi;
		}
	}
	for (uint32_t i = 0; i < n; i++) {
		bit[i] = hi - lo >= 6 * CONTRAST && 2u * tap[i] < lo + hi;
	}
}

/* Five runs in the proportion 1:1:3:1:1, with room for blur and tilt. */
static bool finder_ratio(const uint32_t r[5], float *module)
{
	uint32_t total = r[0] + r[1] + r[2] + r[3] + r[4];
	float m = total / 7.0f;
	float tol = m * 0.75f;

	if (total < 10 || m > 60.0f) {
		return false;
	}
	*module = m;
	return fabsf(r[0] - m) < tol && fabsf(r[1] - m) < tol && fabsf(r[2] - 3 * m) < 2.2f * tol &&
	       fabsf(r[3] - m) < tol && fabsf(r[4] - m) < tol && r[2] >= r[1] && r[2] >= r[3];
}

/*
 * Along the column through (x, y): the centre run and two runs each way, in
 * the same pattern. Returns the centre's y, or -1.
 */
static float confirm_column(const uint8_t *g, uint32_t w, uint32_t h, uint32_t x, uint32_t y,
			    int colour, float module)
{
	uint8_t bit[MAX_SPAN] = {0};
	uint32_t reach = (uint32_t)(module * 8) + RADIUS;
	uint32_t y0 = y > reach ? y - reach : 0;
	uint32_t y1 = y + reach + 1 < h ? y + reach + 1 : h;
	uint32_t r[5] = {0};
	int32_t i;
	int32_t c;
	float m;

	if (y1 - y0 > sizeof(bit)) {
		return -1;
	}
	c = (int32_t)(y - y0);
	binarize_span(g + (size_t)y0 * w + x, w, y1 - y0, (uint32_t)c, (uint32_t)(module * 7), bit);
	if (bit[c] != colour) {
		return -1;
	}
	for (i = c; i >= 0 && bit[i] == colour; i--) {
		r[2]++;
	}
	for (int k = 1; k >= 0; k--) {
		for (; i >= 0 && bit[i] == (k == 1 ? !colour : colour); i--) {
			r[k]++;
		}
	}
	for (i = c + 1; i < (int32_t)(y1 - y0) && bit[i] == colour; i++) {
		r[2]++;
	}
	int32_t centre_end = i;
	for (int k = 3; k <= 4; k++) {
		for (; i < (int32_t)(y1 - y0) && bit[i] == (k == 3 ? !colour : colour); i++) {
			r[k]++;
		}
	}
	if (!finder_ratio(r, &m) || m > module * 2.5f || m * 2.5f < module) {
		return -1;
	}
	return (float)(y0 + (uint32_t)centre_end) - r[2] / 2.0f;
}

static void add(struct mck_finder *out, int *n, int max, float x, float y, float m, bool light)
{
	for (int i = 0; i < *n; i++) {
		struct mck_finder *c = &out[i];

		if (fabsf(c->x - x) < 3 * c->module && fabsf(c->y - y) < 3 * c->module &&
		    c->light == light) {
			c->x = (c->x * c->hits + x) / (c->hits + 1);
			c->y = (c->y * c->hits + y) / (c->hits + 1);
			c->module = (c->module * c->hits + m) / (c->hits + 1);
			c->hits++;
			return;
		}
	}
	if (*n < max) {
		out[*n] = (struct mck_finder){x, y, m, light, 1};
		(*n)++;
	}
}

int mck__finder_locate(const uint8_t *grey, uint32_t w, uint32_t h, struct mck_finder *out, int max)
{
	static _Thread_local uint8_t bit[MAX_W];
	/* Candidates before the filters: a dense code's data modules make hundreds. */
	static _Thread_local struct mck_finder found[MAX_CANDIDATES];
	int n = 0;
	int kept = 0;

	if (w > MAX_W) {
		return 0;
	}
	for (uint32_t y = 1; y < h; y += 2) {
		uint32_t r[5] = {0};
		int colour[5] = {0};
		uint32_t len = 1;

		binarize_row(grey + (size_t)y * w, w, bit);
		for (uint32_t x = 1; x <= w; x++) {
			float m;

			if (x < w && bit[x] == bit[x - 1]) {
				len++;
				continue;
			}
			memmove(r, r + 1, 4 * sizeof(r[0]));
			memmove(colour, colour + 1, 4 * sizeof(colour[0]));
			r[4] = len;
			colour[4] = bit[x - 1];
			len = 1;
			if (r[0] == 0 || colour[0] != colour[2] || !finder_ratio(r, &m)) {
				continue;
			}
			uint32_t cx = x - r[4] - r[3] - r[2] / 2;
			float cy = confirm_column(grey, w, h, cx, y, colour[2], m);

			if (cy >= 0) {
				add(found, &n, MAX_CANDIDATES, (float)cx, cy, m, colour[2] == 0);
			}
		}
	}
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
			float d = hypotf(found[k].x - found[i].x, found[k].y - found[i].y) /
				  found[i].module;

			partner = k != i && found[k].hits >= 2 &&
				  found[k].light == found[i].light && ratio > 0.6f &&
				  ratio < 1.7f && d > 12.0f && d < 200.0f;
		}
		if (!partner) {
			continue;
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
	return kept;
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
	    lc < 12 * f[a].module || legs < 0.6f || fabsf(cosang) > 0.5f || mb < 0.6f ||
	    mb > 1.7f || mc < 0.6f || mc > 1.7f) {
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
