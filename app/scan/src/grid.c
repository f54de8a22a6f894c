#include "grid.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PPM   4 /* pixels per module when redrawn */
#define QUIET 4 /* modules of quiet zone when redrawn */
#define MAX_N 177

int mck__grid_version(float legs)
{
	/* finder centres are N - 7 modules apart, N = 17 + 4 v */
	int v = (int)lroundf((legs + 7 - 17) / 4);

	return v < 1 ? 1 : v > 40 ? 40 : v;
}

/* The homography taking module coordinates @p m to frame points @p p (8x8 elimination). */
static int solve(float m[4][2], float p[4][2], double h[9])
{
	double a[8][9];

	for (int i = 0; i < 4; i++) {
		double x = m[i][0], y = m[i][1], u = p[i][0], v = p[i][1];
		double r0[9] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
		double r1[9] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};

		memcpy(a[2 * i], r0, sizeof(r0));
		memcpy(a[2 * i + 1], r1, sizeof(r1));
	}
	for (int c = 0; c < 8; c++) {
		int piv = c;

		for (int r = c + 1; r < 8; r++) {
			if (fabs(a[r][c]) > fabs(a[piv][c])) {
				piv = r;
			}
		}
		if (fabs(a[piv][c]) < 1e-12) {
			return -1;
		}
		for (int k = 0; k < 9; k++) {
			double t = a[c][k];
			a[c][k] = a[piv][k];
			a[piv][k] = t;
		}
		for (int r = 0; r < 8; r++) {
			if (r != c) {
				double f = a[r][c] / a[c][c];
				for (int k = c; k < 9; k++) {
					a[r][k] -= f * a[c][k];
				}
			}
		}
	}
	for (int i = 0; i < 8; i++) {
		h[i] = a[i][8] / a[i][i];
	}
	h[8] = 1;
	return 0;
}

static void map(const double h[9], double x, double y, double *u, double *v)
{
	double d = h[6] * x + h[7] * y + h[8];

	*u = (h[0] * x + h[1] * y + h[2]) / d;
	*v = (h[3] * x + h[4] * y + h[5]) / d;
}

static double sample(const uint8_t *g, uint32_t w, uint32_t h, double x, double y)
{
	if (x < 0 || y < 0 || x >= w - 1 || y >= h - 1) {
		return 255;
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
 * How much the 5x5 modules around module (cx, cy) look like an alignment
 * pattern (dark centre, light ring, dark ring), under the map @p h: the
 * contrast between what should be dark and what should be light.
 */
static double alignment_score(const uint8_t *g, uint32_t w, uint32_t hh, const double h[9],
			      double cx, double cy)
{
	double dark = 0, light = 0;
	int nd = 0, nl = 0;

	for (int dy = -2; dy <= 2; dy++) {
		for (int dx = -2; dx <= 2; dx++) {
			double u, v;
			int ring = abs(dx) > abs(dy) ? abs(dx) : abs(dy);

			map(h, cx + dx, cy + dy, &u, &v);
			if (ring == 1) {
				light += sample(g, w, hh, u, v);
				nl++;
			} else {
				dark += sample(g, w, hh, u, v);
				nd++;
			}
		}
	}
	return light / nl - dark / nd;
}

void mck__grid_redraw(const uint8_t *grey, uint32_t w, uint32_t h, const float tl[2],
		      const float tr[2], const float bl[2], int version, uint8_t *dst, size_t cap,
		      uint32_t *side)
{
	int n = 17 + 4 * version;
	uint32_t s = (uint32_t)(n + 2 * QUIET) * PPM;
	float m3[4][2] = {{3.5f, 3.5f}, {n - 3.5f, 3.5f}, {3.5f, n - 3.5f}, {n - 3.5f, n - 3.5f}};
	float p[4][2] = {{tl[0], tl[1]},
			 {tr[0], tr[1]},
			 {bl[0], bl[1]},
			 {tr[0] + bl[0] - tl[0], tr[1] + bl[1] - tl[1]}};
	static _Thread_local uint8_t bit[MAX_N * MAX_N];
	static _Thread_local double val[MAX_N * MAX_N];
	double hm[9];

	*side = 0;
	if (version < 1 || version > 40 || (size_t)s * s > cap || solve(m3, p, hm) != 0) {
		return;
	}
	if (version >= 2) {
		/* The bottom-right alignment pattern, centre at (n - 6.5, n - 6.5) in
		 * module coordinates: searched around where the affine guess puts it,
		 * then the fourth point of the map. */
		double best = -1, bu = 0, bv = 0;
		double at = n - 6.5; /* the same in x and y */
		int reach = n / 10 + 2;

		for (int dy = -reach * 2; dy <= reach * 2; dy++) {
			for (int dx = -reach * 2; dx <= reach * 2; dx++) {
				double cx = at + dx * 0.5, cy = at + dy * 0.5;
				double sc = alignment_score(grey, w, h, hm, cx, cy);

				if (sc > best) {
					best = sc;
					map(hm, cx, cy, &bu, &bv);
				}
			}
		}
		if (best > 20) {
			float m4[4][2] = {{3.5f, 3.5f},
					  {n - 3.5f, 3.5f},
					  {3.5f, n - 3.5f},
					  {(float)at, (float)at}};
			float p4[4][2] = {{tl[0], tl[1]},
					  {tr[0], tr[1]},
					  {bl[0], bl[1]},
					  {(float)bu, (float)bv}};
			double h4[9];

			if (solve(m4, p4, h4) == 0) {
				memcpy(hm, h4, sizeof(hm));
			}
		}
	}
	/* Each module's centre, against the mean of the 9x9 modules around it. */
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			double u, v;

			map(hm, x + 0.5, y + 0.5, &u, &v);
			val[y * n + x] = sample(grey, w, h, u, v);
		}
	}
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			double sum = 0;
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
