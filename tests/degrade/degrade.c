/*
 * mck_degrade: one camera-like frame from a clean QR code image, degraded the
 * way kiosk cameras see codes held up by people: turned, tilted, blurred,
 * noisy, dim, small and far, dark-mode (inverted), JPEG-crushed, unevenly lit,
 * with glare, through a phone screen's moiré -- or no code at all.
 * Deterministic: the same arguments give the same bytes.
 *
 * Usage: mck_degrade CODE.png OUT.(png|jpg) WIDTH HEIGHT KIND LEVEL SEED
 *   KIND: clean rotate perspective blur noise contrast small invert jpeg light
 *         glare moire none;  LEVEL 1..3 (how hard)
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <png.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/image.h"
#include "support/imgcodec.h"

#define PI 3.14159265358979323846

struct rng {
	uint64_t s;
};

static uint32_t next(struct rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return (uint32_t)(r->s >> 32);
}

static double uniform(struct rng *r)
{
	return (next(r) + 0.5) / 4294967296.0;
}

static double gauss(struct rng *r)
{
	return sqrt(-2.0 * log(uniform(r))) * cos(2.0 * PI * uniform(r));
}

struct frame {
	int w, h;
	double *px; /* 0..255 */
};

/* A desk, a sleeve, a wall: smooth random shades with a little grain. */
static void background(struct frame *f, struct rng *r)
{
	int gw = f->w / 48 + 2;
	int gh = f->h / 48 + 2;
	double *grid = malloc(sizeof(double) * (size_t)gw * (size_t)gh);

	for (int i = 0; i < gw * gh; i++) {
		grid[i] = 70 + 130 * uniform(r);
	}
	for (int y = 0; y < f->h; y++) {
		for (int x = 0; x < f->w; x++) {
			double gx = x / 48.0;
			double gy = y / 48.0;
			int x0 = (int)gx;
			int y0 = (int)gy;
			double ax = gx - x0;
			double ay = gy - y0;
			double v = grid[y0 * gw + x0] * (1 - ax) * (1 - ay) +
				   grid[y0 * gw + x0 + 1] * ax * (1 - ay) +
				   grid[(y0 + 1) * gw + x0] * (1 - ax) * ay +
				   grid[(y0 + 1) * gw + x0 + 1] * ax * ay;

			f->px[y * f->w + x] = v + 4 * gauss(r);
		}
	}
	free(grid);
}

/* Solve the 8x8 system for the homography taking (x,y) points to (u,v) points. */
static int homography(double xy[4][2], double uv[4][2], double h[9])
{
	double a[8][9];

	for (int i = 0; i < 4; i++) {
		double x = xy[i][0], y = xy[i][1], u = uv[i][0], v = uv[i][1];
		double r0[9] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
		double r1[9] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};

		memcpy(a[2 * i], r0, sizeof(r0));
		memcpy(a[2 * i + 1], r1, sizeof(r1));
	}
	for (int c = 0; c < 8; c++) {
		int p = c;

		for (int r = c + 1; r < 8; r++) {
			if (fabs(a[r][c]) > fabs(a[p][c])) {
				p = r;
			}
		}
		if (fabs(a[p][c]) < 1e-12) {
			return -1;
		}
		for (int k = 0; k < 9; k++) {
			double t = a[c][k];
			a[c][k] = a[p][k];
			a[p][k] = t;
		}
		for (int r = 0; r < 8; r++) {
			if (r != c) {
				double m = a[r][c] / a[c][c];
				for (int k = c; k < 9; k++) {
					a[r][k] -= m * a[c][k];
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

/* The code's module size in its image: the top-left finder is 7 modules wide. */
static double module_px(const struct mck_image *c, int *quiet)
{
	for (uint32_t d = 0; d < c->width && d < c->height; d++) {
		if (c->pixels[d * c->width + d] < 128) {
			uint32_t run = 0;

			while (d + run < c->width && c->pixels[d * c->width + d + run] < 128) {
				run++;
			}
			*quiet = (int)d;
			return run / 7.0;
		}
	}
	*quiet = 0;
	return 1;
}

/* Box blur, horizontal then vertical, radius @p r. */
static void box_blur(struct frame *f, int r)
{
	double *tmp = malloc(sizeof(double) * (size_t)f->w * (size_t)f->h);

	for (int pass = 0; pass < 2; pass++) {
		for (int y = 0; y < f->h; y++) {
			for (int x = 0; x < f->w; x++) {
				double s = 0;
				int n = 0;

				for (int k = -r; k <= r; k++) {
					int xx = pass == 0 ? x + k : x;
					int yy = pass == 0 ? y : y + k;

					if (xx >= 0 && xx < f->w && yy >= 0 && yy < f->h) {
						s += f->px[yy * f->w + xx];
						n++;
					}
				}
				tmp[y * f->w + x] = s / n;
			}
		}
		memcpy(f->px, tmp, sizeof(double) * (size_t)f->w * (size_t)f->h);
	}
	free(tmp);
}

int main(int argc, char **argv)
{
	struct mck_image code = {0};
	struct frame f;
	struct rng r;
	const char *kind;
	int level;
	int quiet;
	double m;
	int modules;
	double corners[4][2];
	double src[4][2];
	double hm[9];
	uint8_t *out;
	uint8_t *bytes;
	size_t len;
	FILE *fp;

	if (argc != 8) {
		fprintf(stderr, "usage: mck_degrade CODE.png OUT W H KIND LEVEL SEED\n");
		return 2;
	}
	f.w = atoi(argv[3]);
	f.h = atoi(argv[4]);
	kind = argv[5];
	level = atoi(argv[6]);
	r.s = strtoull(argv[7], NULL, 10) * 0x9e3779b97f4a7c15ull + 1;
	if (f.w < 64 || f.h < 64 || f.w > 4096 || f.h > 4096 || level < 1 || level > 3 ||
	    mck_image_load(&code, argv[1]) != 0) {
		fprintf(stderr, "mck_degrade: bad arguments or code image\n");
		return 2;
	}
	f.px = malloc(sizeof(double) * (size_t)f.w * (size_t)f.h);
	background(&f, &r);

	m = module_px(&code, &quiet);
	modules = (int)lround((code.width - 2.0 * quiet) / m);
	/* Pixels per module in the frame: a phone held at arm's length (~3 px at 720p). */
	double ppm = (f.w < f.h ? f.w : f.h) * 0.55 / (modules + 8);
	double theta = (uniform(&r) - 0.5) * 6 * PI / 180; /* nobody holds it straight */
	double tilt = 1.0;

	if (strcmp(kind, "small") == 0) {
		ppm = 3.5 - 0.5 * level; /* 3, 2.5, 2 px per module: far from the lens */
	} else if (strcmp(kind, "rotate") == 0) {
		theta = (level == 1 ? 15 : level == 2 ? 35 : 60) * PI / 180;
	} else if (strcmp(kind, "perspective") == 0) {
		tilt = level == 1 ? 0.85 : level == 2 ? 0.72 : 0.6;
	}
	double side = ppm * (modules + 8);
	double cx = f.w / 2.0 + (uniform(&r) - 0.5) * (f.w - side) * 0.5;
	double cy = f.h / 2.0 + (uniform(&r) - 0.5) * (f.h - side) * 0.5;
	/* The code's square (with a 4-module quiet zone), turned and tilted. */
	const double unit[4][2] = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
	for (int i = 0; i < 4; i++) {
		double x = unit[i][0] * side * (i < 2 ? tilt : 1.0);
		double y = unit[i][1] * side * (tilt < 1.0 ? 0.5 + 0.5 * tilt : 1.0);

		if (tilt < 1.0) {
			x += (uniform(&r) - 0.5) * side * 0.04;
			y += (uniform(&r) - 0.5) * side * 0.04;
		}
		corners[i][0] = cx + x * cos(theta) - y * sin(theta);
		corners[i][1] = cy + x * sin(theta) + y * cos(theta);
	}
	double q0 = quiet - 4 * m;
	double q1 = code.width - quiet + 4 * m;
	double src_sq[4][2] = {{q0, q0}, {q1, q0}, {q1, q1}, {q0, q1}};
	memcpy(src, src_sq, sizeof(src));
	if (strcmp(kind, "none") != 0 && homography(corners, src, hm) == 0) {
		bool inv = strcmp(kind, "invert") == 0;
		double lo = 0;
		double hi = 255;

		if (strcmp(kind, "contrast") == 0) {
			/* a dim screen in a bright hall: dark grey on light grey */
			double c = level == 1 ? 0.35 : level == 2 ? 0.22 : 0.14;
			double mid = 110 + 40 * uniform(&r);
			lo = mid - 128 * c;
			hi = mid + 128 * c;
		}
		for (int y = 0; y < f.h; y++) {
			for (int x = 0; x < f.w; x++) {
				double d = hm[6] * x + hm[7] * y + hm[8];
				double u = (hm[0] * x + hm[1] * y + hm[2]) / d;
				double v = (hm[3] * x + hm[4] * y + hm[5]) / d;
				double val;

				if (u < q0 || v < q0 || u >= q1 || v >= q1) {
					continue;
				}
				if (u < 0 || v < 0 || u >= code.width - 1 || v >= code.height - 1) {
					val = 255; /* quiet zone beyond the image */
				} else {
					int u0 = (int)u;
					int v0 = (int)v;
					double au = u - u0;
					double av = v - v0;
					const uint8_t *p =
						code.pixels + (size_t)v0 * code.width + u0;

					val = p[0] * (1 - au) * (1 - av) + p[1] * au * (1 - av) +
					      p[code.width] * (1 - au) * av +
					      p[code.width + 1] * au * av;
				}
				if (inv) {
					/* dark mode: light modules on a near-black screen */
					val = 25 + (255 - val) * (level == 1   ? 0.85
								  : level == 2 ? 0.7
									       : 0.55);
				}
				f.px[y * f.w + x] = lo + val * (hi - lo) / 255.0;
			}
		}
	}
	/* The camera: optics, sensor and light. */
	if (strcmp(kind, "blur") == 0) {
		box_blur(&f, (int)lround(ppm * (level == 1 ? 0.35 : level == 2 ? 0.5 : 0.65)));
	} else {
		box_blur(&f, 1); /* every lens is a little soft */
	}
	for (int y = 0; y < f.h; y++) {
		for (int x = 0; x < f.w; x++) {
			double *p = &f.px[y * f.w + x];

			if (strcmp(kind, "light") == 0) {
				/* a window on one side, shadow on the other */
				double g = level == 1 ? 0.55 : level == 2 ? 0.38 : 0.25;
				*p *= g + (1 - g) * (double)(x + y) / (f.w + f.h);
			} else if (strcmp(kind, "glare") == 0) {
				/* a ceiling lamp reflected on the phone's glass */
				double gx = cx + 0.18 * side;
				double gy = cy - 0.12 * side;
				double rad = side * (level == 1 ? 0.12 : level == 2 ? 0.17 : 0.22);
				double d2 =
					((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (rad * rad);
				*p += (level == 1 ? 150 : level == 2 ? 190 : 230) * exp(-d2);
			} else if (strcmp(kind, "moire") == 0) {
				/* a phone screen filmed: pixel grid beating with the sensor's */
				double a = level == 1 ? 0.18 : level == 2 ? 0.28 : 0.38;
				double s = sin(2 * PI * (x * 0.31 + y * 0.045)) *
					   sin(2 * PI * (y * 0.29 - x * 0.04));
				*p *= 1 - a * (0.5 + 0.5 * s);
			}
			if (strcmp(kind, "noise") == 0) {
				*p += (level == 1 ? 14 : level == 2 ? 24 : 34) * gauss(&r);
			} else {
				*p += 3 * gauss(&r); /* sensor noise, always */
			}
		}
	}
	out = malloc((size_t)f.w * (size_t)f.h);
	for (int i = 0; i < f.w * f.h; i++) {
		double v = f.px[i];
		out[i] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : lround(v));
	}
	if (strcmp(kind, "jpeg") == 0) {
		bytes = mck_test_jpeg_encode(out, (uint32_t)f.w, (uint32_t)f.h, 1,
					     level == 1   ? 30
					     : level == 2 ? 15
							  : 8,
					     0, &len);
	} else {
		bytes = mck_test_png_encode(out, (uint32_t)f.w, (uint32_t)f.h, PNG_FORMAT_GRAY,
					    &len);
	}
	fp = bytes != NULL ? fopen(argv[2], "wb") : NULL;
	if (fp == NULL || fwrite(bytes, 1, len, fp) != len || fclose(fp) != 0) {
		fprintf(stderr, "mck_degrade: cannot write %s\n", argv[2]);
		return 1;
	}
	free(bytes);
	free(out);
	free(f.px);
	mck_image_free(&code);
	return 0;
}
