/*
 * The modules of a code read from the frame under its fitted map (grid.c),
 * blur undone, what every code shows settled, and the code redrawn clean.
 * Its buffers hold the code module by module: wiped before each call returns.
 */
#define _DEFAULT_SOURCE /* explicit_bzero */

#include "redraw.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#define PPM    MCK_REDRAW_PPM
#define QUIET  MCK_REDRAW_QUIET
#define MAX_N  177
#define AROUND 8 /* modules each way whose mean a module is judged against */

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
	const struct mck_grid_probe *probe;
	int count = mck__grid_probes(version, &probe);
	int n = 17 + 4 * version;
	float best = -INFINITY;
	uint32_t chosen = 0;

	for (int i = 0; i < count; i++) {
		bit[probe[i].y * n + probe[i].x] = !probe[i].light;
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
	const struct mck_grid_probe *probe;
	int count = mck__grid_probes(version, &probe);
	int n = 17 + 4 * version;
	double ata[4][4] = {{0}};
	double atb[4] = {0};
	double beta[4] = {0, 1, 0, 0}; /* level, own, edge neighbours, corner neighbours */
	int samples = 0;

	memset(known, 0, (size_t)n * (size_t)n);
	for (int i = 0; i < count; i++) {
		known[probe[i].y * n + probe[i].x] = probe[i].light ? -1 : 1;
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
	explicit_bzero(e, (size_t)n * (size_t)n);
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

	*side = 0;
	if (gr->version < 1 || gr->version > 40 || (size_t)s * s > cap) {
		return;
	}
	/* Each module's centre, darker (> 0) or lighter than the modules around it
	 * (AROUND each way: enough for the mean to be the code's, not the
	 * neighbourhood's, and near enough to follow uneven light). */
	mck__grid_sample(grey, w, h, gr, val);
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
	explicit_bzero(bit, (size_t)n * (size_t)n);
	explicit_bzero(val, (size_t)n * (size_t)n * sizeof(val[0]));
	explicit_bzero(sharp, (size_t)n * (size_t)n * sizeof(sharp[0]));
	explicit_bzero(sat, (size_t)(n + 1) * (size_t)(n + 1) * sizeof(sat[0]));
}
