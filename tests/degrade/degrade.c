/*
 * mck_degrade: one camera-like frame from a clean QR code image, degraded the
 * way kiosk cameras see codes held up by people: turned, tilted, blurred,
 * noisy, dim, small and far, dark-mode (inverted), JPEG-crushed, unevenly lit,
 * with glare, through a phone screen's moiré -- or no code at all.
 * Deterministic: the same arguments give the same bytes.
 *
 * What photos taken in the wild show too: paper curved round a cylinder,
 * a soft shadow across part of the code, a blotch or scratch over some
 * modules (within the error correction), a thumb over a finder, a phone
 * screen at an angle with moiré, light falling off across the code, steep
 * perspective, motion and defocus blur, and long codes of a high version at
 * few pixels a module.
 *
 * Usage: mck_degrade CODE.png OUT.(png|jpg) WIDTH HEIGHT KIND LEVEL SEED
 *   KIND: clean rotate perspective blur noise contrast small invert jpeg light
 *         glare moire curve shadow damage thumb screen uneven steep motion
 *         defocus dense none;  LEVEL 1..3 (how hard)
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
#include "support/codeimg.h"
#include "support/imgcodec.h"
#include "support/rng.h"

#define PI 3.14159265358979323846

struct frame {
	int w, h;
	double *px; /* 0..255 */
};

/* A desk, a sleeve, a wall: smooth random shades with a little grain. */
static void background(struct frame *f, struct mck_rng *r)
{
	int gw = f->w / 48 + 2;
	int gh = f->h / 48 + 2;
	double *grid = malloc(sizeof(double) * (size_t)gw * (size_t)gh);

	for (int i = 0; i < gw * gh; i++) {
		grid[i] = 70 + 130 * mck_rng_uniform(r);
	}
	for (int y = 0; y < f->h; y++) {
		for (int x = 0; x < f->w; x++) {
			double v = mck_rng_shade(grid, gw, x / 48.0, y / 48.0);

			f->px[y * f->w + x] = v + 4 * mck_rng_gauss(r);
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

/* Bilinear sample of @p f at (@p x, @p y), the edges repeated. */
static double at(const struct frame *f, double x, double y)
{
	x = x < 0 ? 0 : x > f->w - 1.001 ? f->w - 1.001 : x;
	y = y < 0 ? 0 : y > f->h - 1.001 ? f->h - 1.001 : y;
	int x0 = (int)x;
	int y0 = (int)y;
	double ax = x - x0;
	double ay = y - y0;
	const double *p = f->px + (size_t)y0 * (size_t)f->w + (size_t)x0;

	return p[0] * (1 - ax) * (1 - ay) + p[1] * ax * (1 - ay) + p[f->w] * (1 - ax) * ay +
	       p[f->w + 1] * ax * ay;
}

/* A hand that moved: the mean along a line of @p len pixels at angle @p phi through each pixel. */
static void motion_blur(struct frame *f, double len, double phi)
{
	double *tmp = malloc(sizeof(double) * (size_t)f->w * (size_t)f->h);
	int taps = 2 * (int)ceil(len) + 1;

	for (int y = 0; y < f->h; y++) {
		for (int x = 0; x < f->w; x++) {
			double s = 0;

			for (int k = 0; k < taps; k++) {
				double d = len * ((double)k / (taps - 1) - 0.5);

				s += at(f, x + d * cos(phi), y + d * sin(phi));
			}
			tmp[y * f->w + x] = s / taps;
		}
	}
	memcpy(f->px, tmp, sizeof(double) * (size_t)f->w * (size_t)f->h);
	free(tmp);
}

/* A lens focused elsewhere: the mean over a disc of radius @p rad, its edge weighted by cover. */
static void defocus(struct frame *f, double rad)
{
	double *tmp = malloc(sizeof(double) * (size_t)f->w * (size_t)f->h);
	int r = (int)ceil(rad);

	for (int y = 0; y < f->h; y++) {
		for (int x = 0; x < f->w; x++) {
			double s = 0;
			double wsum = 0;

			for (int dy = -r; dy <= r; dy++) {
				for (int dx = -r; dx <= r; dx++) {
					double wt = rad + 0.5 - hypot(dx, dy);
					int xx = x + dx < 0       ? 0
						 : x + dx >= f->w ? f->w - 1
								  : x + dx;
					int yy = y + dy < 0       ? 0
						 : y + dy >= f->h ? f->h - 1
								  : y + dy;

					wt = wt < 0 ? 0 : wt > 1 ? 1 : wt;
					s += wt * f->px[yy * f->w + xx];
					wsum += wt;
				}
			}
			tmp[y * f->w + x] = s / wsum;
		}
	}
	memcpy(f->px, tmp, sizeof(double) * (size_t)f->w * (size_t)f->h);
	free(tmp);
}

/*
 * Paper bent round a cylinder of radius @p rad whose axis runs through
 * (@p cx, @p cy) at angle @p theta + 90 degrees: frame point (x, y) to the
 * flat sheet's, or false off the cylinder. The sheet's arc length shows as
 * R sin(arc / R) across, and its far edges, bending away, a little shorter.
 */
static bool unroll(double x, double y, double cx, double cy, double theta, double rad, double *fx,
		   double *fy)
{
	double px = (x - cx) * cos(theta) + (y - cy) * sin(theta);
	double py = -(x - cx) * sin(theta) + (y - cy) * cos(theta);

	if (fabs(px) >= rad) {
		return false;
	}
	double a = asin(px / rad);
	double arc = rad * a;

	py *= 1 + 0.35 * (1 - cos(a));
	*fx = cx + arc * cos(theta) - py * sin(theta);
	*fy = cy + arc * sin(theta) + py * cos(theta);
	return true;
}

/* 0 below @p -soft, 1 above @p soft, smooth between. */
static double smooth(double d, double soft)
{
	double t = d / (2 * soft) + 0.5;

	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return t * t * (3 - 2 * t);
}

static bool is(const char *kind, const char *name)
{
	return strcmp(kind, name) == 0;
}

int main(int argc, char **argv)
{
	struct mck_image code = {0};
	struct frame f;
	struct mck_rng r;
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

	m = mck_test_module_px(&code, &quiet);
	modules = (int)lround((code.width - 2.0 * quiet) / m);
	/* Pixels per module in the frame: a phone held at arm's length (~3 px at 720p). */
	double ppm = (f.w < f.h ? f.w : f.h) * 0.55 / (modules + 8);
	double theta = (mck_rng_uniform(&r) - 0.5) * 6 * PI / 180; /* nobody holds it straight */
	double tilt = 1.0;
	double bend = 0; /* curve: the cylinder's radius, in frame pixels */

	if (is(kind, "small")) {
		ppm = 3.5 - 0.5 * level; /* 3, 2.5, 2 px per module: far from the lens */
	} else if (is(kind, "dense")) {
		/* a long code on a phone across the counter: 3, 2.5, 2.1 px a module */
		ppm = level == 1 ? 3.0 : level == 2 ? 2.5 : 2.1;
		theta = (mck_rng_uniform(&r) - 0.5) * 20 * PI / 180;
		tilt = 0.92;
	} else if (is(kind, "rotate")) {
		theta = (level == 1 ? 15 : level == 2 ? 35 : 60) * PI / 180;
	} else if (is(kind, "perspective")) {
		tilt = level == 1 ? 0.85 : level == 2 ? 0.72 : 0.6;
	} else if (is(kind, "steep")) {
		/* the code held flat, or the camera looking down at a counter, near by so
		 * that the far side stays readable: any way round */
		tilt = level == 1 ? 0.62 : level == 2 ? 0.54 : 0.47;
		theta = mck_rng_uniform(&r) * 2 * PI;
		ppm *= 1.3;
	} else if (is(kind, "screen")) {
		/* a phone held at an angle to the lens */
		tilt = level == 1 ? 0.8 : level == 2 ? 0.7 : 0.62;
		theta += (mck_rng_next(&r) % 4) * PI / 2;
	} else if (is(kind, "curve")) {
		theta += (mck_rng_next(&r) % 2) * PI / 2; /* bent along either side */
	}
	double side = ppm * (modules + 8);
	double cx = f.w / 2.0 + (mck_rng_uniform(&r) - 0.5) * (f.w - side) * 0.5;
	double cy = f.h / 2.0 + (mck_rng_uniform(&r) - 0.5) * (f.h - side) * 0.5;

	if (is(kind, "curve")) {
		/* the code's width spans 0.5, 0.7, 1 radian each side of the axis */
		bend = side * (level == 1 ? 1.0 : level == 2 ? 0.72 : 0.5);
	}
	/* The code's square (with a 4-module quiet zone), turned and tilted. */
	const double unit[4][2] = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
	for (int i = 0; i < 4; i++) {
		double x = unit[i][0] * side * (i < 2 ? tilt : 1.0);
		double y = unit[i][1] * side * (tilt < 1.0 ? 0.5 + 0.5 * tilt : 1.0);

		if (tilt < 1.0) {
			x += (mck_rng_uniform(&r) - 0.5) * side * 0.04;
			y += (mck_rng_uniform(&r) - 0.5) * side * 0.04;
		}
		corners[i][0] = cx + x * cos(theta) - y * sin(theta);
		corners[i][1] = cy + x * sin(theta) + y * cos(theta);
	}
	double q0 = quiet - 4 * m;
	double q1 = code.width - quiet + 4 * m;
	double src_sq[4][2] = {{q0, q0}, {q1, q0}, {q1, q1}, {q0, q1}};
	memcpy(src, src_sq, sizeof(src));
	/*
	 * In the code's own pixels: a blotch of ink or a scratch over data
	 * modules (damage; away from the finders, small enough for the error
	 * correction), or a thumb over one finder, reaching out of the code.
	 */
	/* drawn apart, so that the older kinds' frames stay as they were */
	struct mck_rng extra = {r.s ^ 0xd6e8feb86659fd93ull};
	double span = code.width - 2.0 * quiet;
	double blot[2] = {quiet + span * (0.35 + 0.3 * mck_rng_uniform(&extra)),
			  quiet + span * (0.35 + 0.3 * mck_rng_uniform(&extra))};
	double blot_r = span * (level == 1 ? 0.05 : level == 2 ? 0.065 : 0.08);
	double blot_val = mck_rng_next(&extra) % 2 ? 35 : 235;
	double scratch_phi = mck_rng_uniform(&extra) * PI;
	double thumb[2];
	double thumb_r = m * (level == 1 ? 3.5 : level == 2 ? 5.0 : 6.5);
	{
		/* which finder, and its centre; level 1 covers its outer half, 3 more than it */
		unsigned which = mck_rng_next(&extra) % 3;
		double fx = which == 1 ? code.width - quiet - 3.5 * m : quiet + 3.5 * m;
		double fy = which == 2 ? code.height - quiet - 3.5 * m : quiet + 3.5 * m;
		double out_x = which == 1 ? 1 : -1;
		double out_y = which == 2 ? 1 : -1;
		double shift = (level == 1 ? 2.0 : level == 2 ? 0.0 : -1.0) * m;

		thumb[0] = fx + out_x * shift;
		thumb[1] = fy + out_y * shift;
	}
	/* the kind, looked up once: the loops below run per pixel */
	bool k_thumb = is(kind, "thumb");
	bool k_damage = is(kind, "damage");
	bool k_light = is(kind, "light");
	bool k_uneven = is(kind, "uneven");
	bool k_shadow = is(kind, "shadow");
	bool k_glare = is(kind, "glare");
	bool k_moire = is(kind, "moire");
	bool k_screen = is(kind, "screen");
	bool k_noise = is(kind, "noise");

	if (!is(kind, "none") && homography(corners, src, hm) == 0) {
		bool inv = is(kind, "invert");
		double lo = 0;
		double hi = 255;

		if (is(kind, "contrast")) {
			/* a dim screen in a bright hall: dark grey on light grey */
			double c = level == 1 ? 0.35 : level == 2 ? 0.22 : 0.14;
			double mid = 110 + 40 * mck_rng_uniform(&r);
			lo = mid - 128 * c;
			hi = mid + 128 * c;
		}
		for (int y = 0; y < f.h; y++) {
			for (int x = 0; x < f.w; x++) {
				double fx = x;
				double fy = y;
				double val;

				if (bend > 0 && !unroll(x, y, cx, cy, theta, bend, &fx, &fy)) {
					continue;
				}
				double d = hm[6] * fx + hm[7] * fy + hm[8];
				double u = (hm[0] * fx + hm[1] * fy + hm[2]) / d;
				double v = (hm[3] * fx + hm[4] * fy + hm[5]) / d;

				if (k_thumb &&
				    hypot(u - thumb[0], (v - thumb[1]) * 0.8) < thumb_r) {
					/* skin: lit from above, a little darker at its edge */
					double e =
						hypot(u - thumb[0], (v - thumb[1]) * 0.8) / thumb_r;

					f.px[y * f.w + x] =
						175 - 50 * e * e - 0.1 * (v - thumb[1]) / m;
					continue;
				}
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
				if (k_damage) {
					double du = u - blot[0];
					double dv = v - blot[1];
					/* a blotch, ragged at its edge */
					double ragged =
						1 + 0.15 * sin(5 * atan2(dv, du) + blot_val);

					if (hypot(du, dv) < blot_r * ragged) {
						val = blot_val;
					}
					/* a scratch through the code, away from the blotch */
					if (level >= 2 &&
					    fabs((u - code.width / 2.0) * sin(scratch_phi) -
						 (v - code.height / 2.0) * cos(scratch_phi) -
						 0.25 * span) < 0.4 * m) {
						val = 235;
					}
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
	if (is(kind, "blur")) {
		box_blur(&f, (int)lround(ppm * (level == 1 ? 0.35 : level == 2 ? 0.5 : 0.65)));
	} else if (is(kind, "motion")) {
		/* a hand moving: 1, 1.5, 2 modules of travel while the shutter is open */
		motion_blur(&f,
			    ppm * (level == 1   ? 1.0
				   : level == 2 ? 1.5
						: 2.0),
			    mck_rng_uniform(&r) * PI);
	} else if (is(kind, "defocus")) {
		defocus(&f, ppm * (level == 1 ? 0.55 : level == 2 ? 0.7 : 0.85));
	} else {
		box_blur(&f, 1); /* every lens is a little soft */
	}
	/* shadow and uneven light: across the code, any way round */
	double phi = mck_rng_uniform(&extra) * 2 * PI;
	double edge = (mck_rng_uniform(&extra) - 0.5) * 0.3 * side;
	/* screen moiré: the beat of the two grids varies with the angle */
	double beat = 0.9 + 0.2 * mck_rng_uniform(&extra);

	for (int y = 0; y < f.h; y++) {
		for (int x = 0; x < f.w; x++) {
			double *p = &f.px[y * f.w + x];
			double along = (x - cx) * cos(phi) + (y - cy) * sin(phi);

			if (k_light) {
				/* a window on one side, shadow on the other */
				double g = level == 1 ? 0.55 : level == 2 ? 0.38 : 0.25;
				*p *= g + (1 - g) * (double)(x + y) / (f.w + f.h);
			} else if (k_uneven) {
				/* a desk lamp to one side: light falls off across the code itself */
				double g = level == 1 ? 0.4 : level == 2 ? 0.25 : 0.15;
				double t = along / side + 0.5;

				t = t < 0 ? 0 : t > 1 ? 1 : t;
				*p *= g + (1 - g) * t * t;
			} else if (k_shadow) {
				/* a hand or a phone between the lamp and the code: soft-edged */
				double k = level == 1 ? 0.5 : level == 2 ? 0.35 : 0.22;

				*p *= 1 - (1 - k) * smooth(along - edge, 1.5 * ppm);
			} else if (k_glare) {
				/* a ceiling lamp reflected on the phone's glass */
				double gx = cx + 0.18 * side;
				double gy = cy - 0.12 * side;
				double rad = side * (level == 1 ? 0.12 : level == 2 ? 0.17 : 0.22);
				double d2 =
					((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (rad * rad);
				*p += (level == 1 ? 150 : level == 2 ? 190 : 230) * exp(-d2);
			} else if (k_moire || k_screen) {
				/* a phone screen filmed: pixel grid beating with the sensor's */
				double a = level == 1 ? 0.18 : level == 2 ? 0.28 : 0.38;
				double b = k_screen ? beat : 1.0;
				double s = sin(2 * PI * b * (x * 0.31 + y * 0.045)) *
					   sin(2 * PI * b * (y * 0.29 - x * 0.04));
				*p *= 1 - a * (0.5 + 0.5 * s);
			}
			if (k_noise) {
				*p += (level == 1 ? 14 : level == 2 ? 24 : 34) * mck_rng_gauss(&r);
			} else {
				*p += 3 * mck_rng_gauss(&r); /* sensor noise, always */
			}
		}
	}
	out = malloc((size_t)f.w * (size_t)f.h);
	for (int i = 0; i < f.w * f.h; i++) {
		double v = f.px[i];
		out[i] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : lround(v));
	}
	if (is(kind, "jpeg")) {
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
