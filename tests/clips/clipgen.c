/*
 * mck_clipgen: a short camera clip of a QR code held up to the kiosk, as raw
 * 8-bit grey frames at 30 fps on stdout (for gst-launch's rawvideoparse):
 * paper or a phone entering the view, shaking, tilting, going in and out of
 * focus, glare sweeping over a phone's glass, a phone screen's moiré.
 * Deterministic: the same arguments give the same bytes, and a shorter clip
 * is the start of a longer one of the same seed.
 *
 * Each frame is a scene drawn through a pinhole camera: a static background
 * (a wall, a counter), the card or phone as a plane posed in 3-D (centre,
 * distance, roll, pitch, yaw) on a path of its kind; motion blur from
 * subframes across the exposure; the lens's blur (more when out of focus);
 * light falling off to the corners; sensor noise.
 *
 * Usage: mck_clipgen CODE.png WIDTH HEIGHT KIND SEED SECONDS [SIDECAR]
 *   KIND: enter shake tilt focus glare moire
 *   SIDECAR: key=value lines about the clip (kind, size, frames, pixels a
 *            module, the first frame with the whole code in view).
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/image.h"
#include "support/codeimg.h"
#include "support/rng.h"

#define PI       3.14159265358979323846
#define FPS      30
#define EXPOSURE (1.0 / 50) /* s: indoor light */
#define MAX_SUB  8          /* subframes a frame's motion blur is drawn from */
#define COS_N    1024       /* a cosine's period in the moiré's table */
#define NOISE_N  65536      /* gaussian samples in the noise table */

enum kind { K_ENTER, K_SHAKE, K_TILT, K_FOCUS, K_GLARE, K_MOIRE };
static const char *const kinds[] = {"enter", "shake", "tilt", "focus", "glare", "moire"};

/* A hand's tremor or shake: three sines of random frequency and phase per axis. */
struct wobble {
	double f[4][3];
	double ph[4][3];
};

struct scene {
	enum kind kind;
	bool phone;
	int w, h;
	double seconds;
	const struct mck_image *code;
	double cw;        /* the code image's side, its pixels (the object's units) */
	double ppm;       /* frame pixels a module, the code facing the camera at rest */
	double side;      /* the code image's side in the frame at rest, px */
	double focal;     /* the camera's focal length, px */
	double rest[2];   /* where the code comes to rest, px */
	double from[2];   /* where it enters from (enter, moire) */
	double roll0;     /* its roll at rest */
	double pitch0;    /* tilt: the pitch it starts at */
	double yaw_sign;  /* tilt: which way it turns */
	double glare_cos; /* the glare band's direction */
	double glare_sin;
	double glare_dir;
	double moire_p; /* the screen's pixel pitch, object units */
	double moire_k; /* the cosine table's steps an object unit */
	double moire_a; /* how deep its moiré is */
	double box[4];  /* the object's outline in its units (outline()) */
	float cos_tab[COS_N];
	float *tex; /* printed_at() over the outline, a texel an object unit */
	int tex_w, tex_h;
	struct wobble wob;
	float *bg;
};

struct pose {
	double x, y;             /* the code's centre in the frame, px */
	double scale;            /* its side against its side at rest */
	double roll, pitch, yaw; /* rad */
};

static double ease(double t)
{
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return t * t * (3 - 2 * t);
}

static double shake(const struct wobble *w, int axis, double t)
{
	double s = 0;

	for (int i = 0; i < 3; i++) {
		s += sin(2 * PI * w->f[axis][i] * t + w->ph[axis][i]) / 3;
	}
	return s;
}

/* Where the object is at @p t seconds: its kind's path. */
static void pose_at(const struct scene *s, double t, struct pose *p)
{
	double tremor = s->side * 0.004; /* a hand held still is never still */

	p->x = s->rest[0] + tremor * shake(&s->wob, 0, t);
	p->y = s->rest[1] + tremor * shake(&s->wob, 1, t);
	p->scale = 1;
	p->roll = s->roll0 + 0.01 * shake(&s->wob, 2, t);
	p->pitch = 0.04 * shake(&s->wob, 3, t);
	p->yaw = 0.04 * shake(&s->wob, 2, t * 0.7);
	switch (s->kind) {
	case K_ENTER: {
		/* slides in from an edge over 1.1 s, turning and tilting less as it settles */
		double a = ease((t - 0.15) / 1.1);

		p->x += (1 - a) * (s->from[0] - s->rest[0]);
		p->y += (1 - a) * (s->from[1] - s->rest[1]);
		p->roll += (1 - a) * 0.35 * (s->yaw_sign);
		p->pitch += (1 - a) * 0.45;
		break;
	}
	case K_SHAKE: {
		/* a quick entrance, then a nervous hand: 2-4 % of the code's side at 2-6 Hz */
		double a = ease(t / 0.4);
		double amp = s->side * (0.03 + 0.01 * sin(2 * PI * 0.4 * t));

		p->x += (1 - a) * (s->from[0] - s->rest[0]) + amp * shake(&s->wob, 0, 4 * t);
		p->y += (1 - a) * (s->from[1] - s->rest[1]) + amp * shake(&s->wob, 1, 4 * t);
		p->roll += 0.05 * shake(&s->wob, 2, 3 * t);
		p->pitch += 0.08 * shake(&s->wob, 3, 3 * t);
		break;
	}
	case K_TILT: {
		/* held flat at first (seen edge-on), turned towards the camera, then rocked */
		double a = ease(t / 1.5);

		p->pitch += (1 - a) * s->pitch0 + a * 0.35 * sin(2 * PI * 0.6 * (t - 1.5));
		p->yaw += s->yaw_sign * a * 0.3 * sin(2 * PI * 0.45 * (t - 1.2));
		break;
	}
	case K_FOCUS:
		/* brought towards the lens and back over 3 s: a little larger as it comes */
		p->scale = 1 + 0.08 * sin(PI * t / 3);
		break;
	case K_GLARE:
		p->roll += 0.03 * sin(2 * PI * 0.3 * t);
		p->yaw += 0.1 * sin(2 * PI * 0.25 * t);
		break;
	case K_MOIRE: {
		/* a phone comes up from below, held a little turned; the beat moves with it */
		double a = ease(t / 0.7);

		p->x += (1 - a) * (s->from[0] - s->rest[0]);
		p->y += (1 - a) * (s->from[1] - s->rest[1]);
		p->yaw += 0.22 * s->yaw_sign + 0.06 * sin(2 * PI * 0.5 * t);
		p->pitch += 0.1;
		break;
	}
	}
}

/* The lens's blur at @p t, as a box half-width in px (two passes). */
static double blur_at(const struct scene *s, double t)
{
	double base = 0.45; /* every lens is a little soft */

	if (s->kind != K_FOCUS) {
		return base;
	}
	/* far out of focus, sharp by 1.1 s; out again (a module's blur) about 1.9 s, briefly */
	double out = 2.2 * (1 - ease(t / 1.1)) + 1.0 * exp(-pow((t - 1.9) / 0.16, 2));

	return base + out * s->ppm;
}

/* Object units (the code image's pixels, its centre at cw/2) to frame px: a homography. */
static void homography(const struct scene *s, const struct pose *p, double hm[9])
{
	double k = s->side * p->scale / s->cw;
	double cr = cos(p->roll), sr = sin(p->roll);
	double cp = cos(p->pitch), sp = sin(p->pitch);
	double cy = cos(p->yaw), sy = sin(p->yaw);
	/* R = Rz(roll) Ry(yaw) Rx(pitch); its first two columns carry the plane */
	double r1[3] = {cr * cy, sr * cy, -sy};
	double r2[3] = {cr * sy * sp - sr * cp, sr * sy * sp + cr * cp, cy * sp};
	double f = s->focal;
	double c0 = s->cw / 2;

	/* w = f + k(u-c0) r1z + k(v-c0) r2z; x w = p.x w + f k ((u-c0) r1x + (v-c0) r2x) */
	double wu = k * r1[2], wv = k * r2[2], w0 = f - c0 * (wu + wv);

	hm[6] = wu;
	hm[7] = wv;
	hm[8] = w0;
	hm[0] = p->x * wu + f * k * r1[0];
	hm[1] = p->x * wv + f * k * r2[0];
	hm[2] = p->x * w0 - f * k * c0 * (r1[0] + r2[0]);
	hm[3] = p->y * wu + f * k * r1[1];
	hm[4] = p->y * wv + f * k * r2[1];
	hm[5] = p->y * w0 - f * k * c0 * (r1[1] + r2[1]);
}

static int invert3(const double m[9], double out[9])
{
	double a = m[4] * m[8] - m[5] * m[7];
	double b = m[5] * m[6] - m[3] * m[8];
	double c = m[3] * m[7] - m[4] * m[6];
	double det = m[0] * a + m[1] * b + m[2] * c;

	if (fabs(det) < 1e-12) {
		return -1;
	}
	out[0] = a / det;
	out[1] = (m[2] * m[7] - m[1] * m[8]) / det;
	out[2] = (m[1] * m[5] - m[2] * m[4]) / det;
	out[3] = b / det;
	out[4] = (m[0] * m[8] - m[2] * m[6]) / det;
	out[5] = (m[2] * m[3] - m[0] * m[5]) / det;
	out[6] = c / det;
	out[7] = (m[1] * m[6] - m[0] * m[7]) / det;
	out[8] = (m[0] * m[4] - m[1] * m[3]) / det;
	return 0;
}

static void project(const double hm[9], double u, double v, double *x, double *y)
{
	double w = hm[6] * u + hm[7] * v + hm[8];

	*x = (hm[0] * u + hm[1] * v + hm[2]) / w;
	*y = (hm[3] * u + hm[4] * v + hm[5]) / w;
}

/* The object's outline in its units: a card round the code, or a phone's body. */
static void outline(const struct scene *s, double box[4])
{
	double cw = s->cw;

	if (s->phone) {
		box[0] = -0.1 * cw;
		box[1] = -0.5 * cw;
		box[2] = 1.1 * cw;
		box[3] = 1.55 * cw;
	} else {
		box[0] = -0.12 * cw;
		box[1] = -0.18 * cw;
		box[2] = 1.12 * cw;
		box[3] = 1.4 * cw;
	}
}

static double code_at(const struct mck_image *c, double u, double v)
{
	if (u < 0 || v < 0 || u >= c->width - 1 || v >= c->height - 1) {
		return 255;
	}
	int u0 = (int)u;
	int v0 = (int)v;
	double au = u - u0;
	double av = v - v0;
	const uint8_t *p = c->pixels + (size_t)v0 * c->width + (size_t)u0;

	return p[0] * (1 - au) * (1 - av) + p[1] * au * (1 - av) + p[c->width] * (1 - au) * av +
	       p[c->width + 1] * au * av;
}

/*
 * What the card shows printed, or the phone's screen and body, at (u, v) in
 * its units; negative off it (a phone's rounded corners). Drawn once into
 * the scene's texture.
 */
static double printed_at(const struct scene *s, double u, double v)
{
	double cw = s->cw;
	const double *box = s->box;

	if (!s->phone) {
		/* printed on a card: ink is never black, paper never white */
		if (u < 0 || v < 0 || u >= cw || v >= cw) {
			return v > 1.08 * cw && v < 1.14 * cw && u > 0.05 * cw && u < 0.7 * cw
				       ? 90 /* a printed line under the code */
				       : 218;
		}
		return 38 + code_at(s->code, u, v) * (218.0 - 38) / 255;
	}
	double rc = 0.12 * cw; /* the body's rounded corners */
	double dx = u < box[0] + rc ? box[0] + rc - u : u > box[2] - rc ? u - box[2] + rc : 0;
	double dy = v < box[1] + rc ? box[1] + rc - v : v > box[3] - rc ? v - box[3] + rc : 0;

	if (dx * dx + dy * dy > rc * rc) {
		return -1000;
	}
	if (u < -0.05 * cw || u >= 1.05 * cw || v < -0.4 * cw || v >= 1.42 * cw) {
		return 22; /* the bezel */
	}
	if (v < -0.33 * cw) {
		return 70; /* the status bar */
	}
	if (u < 0 || v < 0 || u >= cw || v >= cw) {
		return (v > 1.1 * cw && v < 1.16 * cw && u > 0.1 * cw && u < 0.8 * cw) ||
				       (v > 1.22 * cw && v < 1.28 * cw && u > 0.1 * cw &&
					u < 0.6 * cw)
			       ? 80 /* the wallet app's text below the code */
			       : 236;
	}
	return 24 + code_at(s->code, u, v) * (236.0 - 24) / 255;
}

static int texture(struct scene *s)
{
	s->tex_w = (int)ceil(s->box[2] - s->box[0]) + 1;
	s->tex_h = (int)ceil(s->box[3] - s->box[1]) + 1;
	s->tex = malloc(sizeof(float) * (size_t)s->tex_w * (size_t)s->tex_h);
	if (s->tex == NULL) {
		return -1;
	}
	for (int j = 0; j < s->tex_h; j++) {
		for (int i = 0; i < s->tex_w; i++) {
			s->tex[(size_t)j * (size_t)s->tex_w + (size_t)i] =
				(float)printed_at(s, s->box[0] + i, s->box[1] + j);
		}
	}
	return 0;
}

/* The object's brightness at (u, v) in its units at @p t seconds; negative off it. */
static double object_at(const struct scene *s, double u, double v, double t)
{
	double cw = s->cw;
	double tu = u - s->box[0];
	double tv = v - s->box[1];

	if (tu < 0 || tv < 0 || tu >= s->tex_w - 1 || tv >= s->tex_h - 1) {
		return -1;
	}
	int u0 = (int)tu;
	int v0 = (int)tv;
	float au = (float)(tu - u0);
	float av = (float)(tv - v0);
	const float *p = s->tex + (size_t)v0 * (size_t)s->tex_w + (size_t)u0;
	double val = (p[0] * (1 - au) + p[1] * au) * (1 - av) +
		     (p[s->tex_w] * (1 - au) + p[s->tex_w + 1] * au) * av;

	if (val < 0) {
		return -1; /* a phone's corner */
	}
	if (s->moire_a > 0 && u >= -0.05 * cw && u < 1.05 * cw && v >= -0.4 * cw && v < 1.42 * cw) {
		/* the screen's pixel grid, sampled by the sensor's: it aliases into a beat */
		float g = s->cos_tab[(unsigned)(long)(u * s->moire_k) % COS_N] *
			  s->cos_tab[(unsigned)(long)(v * s->moire_k) % COS_N];

		val *= 1 - s->moire_a * (0.5 + 0.5 * g);
	}
	if (s->kind == K_GLARE) {
		/* a lamp reflected on the glass: a wide band over the code at first, sweeping
		 * off it as the phone turns (1 code side a second), and a dull sheen */
		double pos = 0.1 * cw + t * cw;
		double d = (u - cw / 2) * s->glare_cos + (v - cw / 2) * s->glare_sin;
		double wd = 0.16 * cw;

		d = s->glare_dir * d - pos;
		val += 25 + (d * d < 9 * wd * wd ? 230 * exp(-(d * d) / (wd * wd)) : 0);
	}
	return val;
}

/* A wall and a counter: smooth shades, a few panels with hard edges, grain. */
static void background(struct scene *s, struct mck_rng *r)
{
	int gw = s->w / 64 + 2;
	int gh = s->h / 64 + 2;
	double *grid = malloc(sizeof(double) * (size_t)gw * (size_t)gh);
	double panels[6][5];

	for (int i = 0; i < gw * gh; i++) {
		grid[i] = 80 + 110 * mck_rng_uniform(r);
	}
	for (int i = 0; i < 6; i++) {
		panels[i][0] = mck_rng_uniform(r) * s->w;
		panels[i][1] = mck_rng_uniform(r) * s->h;
		panels[i][2] = panels[i][0] + (0.05 + 0.3 * mck_rng_uniform(r)) * s->w;
		panels[i][3] = panels[i][1] + (0.05 + 0.3 * mck_rng_uniform(r)) * s->h;
		panels[i][4] = (mck_rng_uniform(r) - 0.5) * 80;
	}
	for (int y = 0; y < s->h; y++) {
		for (int x = 0; x < s->w; x++) {
			double v = mck_rng_shade(grid, gw, x / 64.0, y / 64.0);

			for (int i = 0; i < 6; i++) {
				if (x >= panels[i][0] && x < panels[i][2] && y >= panels[i][1] &&
				    y < panels[i][3]) {
					v += panels[i][4];
				}
			}
			s->bg[(size_t)y * (size_t)s->w + (size_t)x] =
				(float)(v + 3 * mck_rng_gauss(r));
		}
	}
	free(grid);
}

/* One subframe's object added into @p acc (which holds the background where it is not). */
static void draw_object(const struct scene *s, double t, float *acc, float weight)
{
	struct pose p;
	double hm[9];
	double inv[9];
	double box[4];
	double x0 = s->w, y0 = s->h, x1 = 0, y1 = 0;

	pose_at(s, t, &p);
	homography(s, &p, hm);
	if (invert3(hm, inv) != 0) {
		return;
	}
	outline(s, box);
	for (int i = 0; i < 4; i++) {
		double x, y;

		project(hm, box[i % 2 == 0 ? 0 : 2], box[i < 2 ? 1 : 3], &x, &y);
		x0 = x < x0 ? x : x0;
		y0 = y < y0 ? y : y0;
		x1 = x > x1 ? x : x1;
		y1 = y > y1 ? y : y1;
	}
	int xa = x0 < 0 ? 0 : (int)x0;
	int ya = y0 < 0 ? 0 : (int)y0;
	int xb = x1 >= s->w ? s->w - 1 : (int)x1 + 1;
	int yb = y1 >= s->h ? s->h - 1 : (int)y1 + 1;

	for (int y = ya; y <= yb; y++) {
		/* along a row the homography's three sums each grow by a constant */
		double nu = inv[0] * (xa + 0.5) + inv[1] * (y + 0.5) + inv[2];
		double nv = inv[3] * (xa + 0.5) + inv[4] * (y + 0.5) + inv[5];
		double w = inv[6] * (xa + 0.5) + inv[7] * (y + 0.5) + inv[8];

		for (int x = xa; x <= xb; x++, nu += inv[0], nv += inv[3], w += inv[6]) {
			double val = w > 0 ? object_at(s, nu / w, nv / w, t) : -1;
			size_t i = (size_t)y * (size_t)s->w + (size_t)x;

			if (val >= 0) {
				acc[i] += weight * ((float)val - s->bg[i]);
			}
		}
	}
}

/* How far (px) the object's corners move over the exposure: the subframes it needs. */
static int subframes(const struct scene *s, double t)
{
	struct pose a, b;
	double ha[9], hb[9];
	double box[4];
	double most = 0;

	pose_at(s, t, &a);
	pose_at(s, t + EXPOSURE, &b);
	homography(s, &a, ha);
	homography(s, &b, hb);
	outline(s, box);
	for (int i = 0; i < 4; i++) {
		double xa, ya, xb, yb;

		project(ha, box[i % 2 == 0 ? 0 : 2], box[i < 2 ? 1 : 3], &xa, &ya);
		project(hb, box[i % 2 == 0 ? 0 : 2], box[i < 2 ? 1 : 3], &xb, &yb);
		most = fmax(most, hypot(xb - xa, yb - ya));
	}
	/* a step of up to 1.25 px between subframes: the lens's blur smooths it */
	int n = (int)ceil(most / 1.25);

	return n < 1 ? 1 : n > MAX_SUB ? MAX_SUB : n;
}

/*
 * A box blur of half-width @p r (fractional: the edge taps weigh what is
 * left), edges repeated: along each row in place, then down the columns a
 * row at a time (a running sum per column) from @p px into @p out.
 */
static void box_rows(float *px, float *line, int w, int h, double r)
{
	int r0 = (int)r;
	float fr = (float)(r - r0);
	float norm = 1.0f / (2.0f * (float)r0 + 1.0f + 2.0f * fr);

	for (int y = 0; y < h; y++) {
		float *p = px + (size_t)y * (size_t)w;
		float sum = 0;

		memcpy(line, p, sizeof(float) * (size_t)w);
		for (int j = -r0; j <= r0; j++) {
			sum += line[j < 0 ? 0 : j >= w ? w - 1 : j];
		}
		for (int i = 0; i < w; i++) {
			int lo = i - r0 - 1 < 0 ? 0 : i - r0 - 1;
			int hi = i + r0 + 1 >= w ? w - 1 : i + r0 + 1;

			p[i] = (sum + fr * (line[lo] + line[hi])) * norm;
			sum += line[hi] - line[i - r0 < 0 ? 0 : i - r0];
		}
	}
}

static const float *row_at(const float *px, int w, int h, int y)
{
	return px + (size_t)(y < 0 ? 0 : y >= h ? h - 1 : y) * (size_t)w;
}

static void box_cols(const float *px, float *out, float *sum, int w, int h, double r)
{
	int r0 = (int)r;
	float fr = (float)(r - r0);
	float norm = 1.0f / (2.0f * (float)r0 + 1.0f + 2.0f * fr);

	memset(sum, 0, sizeof(float) * (size_t)w);
	for (int j = -r0; j <= r0; j++) {
		const float *p = row_at(px, w, h, j);

		for (int x = 0; x < w; x++) {
			sum[x] += p[x];
		}
	}
	for (int y = 0; y < h; y++) {
		const float *lo = row_at(px, w, h, y - r0 - 1);
		const float *hi = row_at(px, w, h, y + r0 + 1);
		const float *gone = row_at(px, w, h, y - r0);
		float *o = out + (size_t)y * (size_t)w;

		for (int x = 0; x < w; x++) {
			o[x] = (sum[x] + fr * (lo[x] + hi[x])) * norm;
			sum[x] += hi[x] - gone[x];
		}
	}
}

/* Two passes of the box each way: about a Gaussian. @p tmp: a frame's worth, @p line: a row's. */
static void lens_blur(const struct scene *s, float *px, float *tmp, float *line, double r)
{
	box_rows(px, line, s->w, s->h, r);
	box_cols(px, tmp, line, s->w, s->h, r);
	box_rows(tmp, line, s->w, s->h, r);
	box_cols(tmp, px, line, s->w, s->h, r);
}

/* The first frame whose code (with its quiet zone) is wholly inside the picture. */
static int in_view(const struct scene *s, int frames)
{
	for (int f = 0; f < frames; f++) {
		struct pose p;
		double hm[9];
		bool inside = true;

		pose_at(s, (double)f / FPS, &p);
		homography(s, &p, hm);
		for (int i = 0; i < 4; i++) {
			double x, y;

			project(hm, i % 2 == 0 ? 0 : s->cw, i < 2 ? 0 : s->cw, &x, &y);
			inside = inside && x >= 0 && y >= 0 && x < s->w && y < s->h;
		}
		if (inside) {
			return f;
		}
	}
	return -1;
}

int main(int argc, char **argv)
{
	struct mck_image code = {0};
	struct scene s;
	struct mck_rng r;
	struct mck_rng noise_rng;
	float *noise;
	float *acc;
	float *tmp;
	float *line;
	uint8_t *out;
	int frames;
	int rc = 1;

	memset(&s, 0, sizeof(s));
	if (argc != 7 && argc != 8) {
		fprintf(stderr, "usage: mck_clipgen CODE.png W H KIND SEED SECONDS [SIDECAR]\n");
		return 2;
	}
	s.w = atoi(argv[2]);
	s.h = atoi(argv[3]);
	s.kind = (enum kind) - 1;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(argv[4], kinds[i]) == 0) {
			s.kind = (enum kind)i;
		}
	}
	r.s = strtoull(argv[5], NULL, 10) * 0x9e3779b97f4a7c15ull + 1;
	s.seconds = atof(argv[6]);
	if (s.w < 64 || s.h < 64 || s.w > 1920 || s.h > 1920 || (int)s.kind < 0 ||
	    !(s.seconds >= 0.5 && s.seconds <= 10) || mck_image_load(&code, argv[1]) != 0 ||
	    code.width < 21 || code.width != code.height) {
		fprintf(stderr, "mck_clipgen: bad arguments or code image\n");
		return 2;
	}
	frames = (int)lround(s.seconds * FPS);
	s.code = &code;
	s.cw = code.width;
	s.phone = s.kind == K_SHAKE || s.kind == K_GLARE || s.kind == K_MOIRE;
	outline(&s, s.box);
	/* held up close: about 3 px a module at 640x480, 3.8 at 1280x720 */
	double modules = code.width / mck_test_module_px(&code, NULL);
	s.ppm = (s.h >= 720 ? 3.8 : 3.0) * (0.95 + 0.1 * mck_rng_uniform(&r));
	s.side = s.ppm * modules;
	s.focal = 1.1 * s.w;
	s.rest[0] = s.w / 2.0 + (mck_rng_uniform(&r) - 0.5) * fmax(0, s.w - s.side) * 0.5;
	s.rest[1] = s.h / 2.0 + (mck_rng_uniform(&r) - 0.5) * fmax(0, s.h - s.side) * 0.5;
	s.roll0 = (mck_rng_uniform(&r) - 0.5) * 0.25;
	s.yaw_sign = mck_rng_next(&r) % 2 ? 1 : -1;
	s.pitch0 = 1.15 + 0.15 * mck_rng_uniform(&r); /* 66-75 degrees: nearly edge-on */
	switch (mck_rng_next(&r) % 3) {               /* from the left, the right or below */
	case 0:
		s.from[0] = -0.8 * s.side;
		s.from[1] = s.rest[1] + 0.2 * s.h;
		break;
	case 1:
		s.from[0] = s.w + 0.8 * s.side;
		s.from[1] = s.rest[1] + 0.2 * s.h;
		break;
	default:
		s.from[0] = s.rest[0] + (mck_rng_uniform(&r) - 0.5) * 0.3 * s.w;
		s.from[1] = s.h + 0.9 * s.side;
		break;
	}
	if (s.kind == K_MOIRE) {
		s.from[0] = s.rest[0];
		s.from[1] = s.h + 0.9 * s.side;
	}
	for (int a = 0; a < 4; a++) {
		for (int i = 0; i < 3; i++) {
			s.wob.f[a][i] = 0.6 + 1.0 * mck_rng_uniform(&r);
			s.wob.ph[a][i] = 2 * PI * mck_rng_uniform(&r);
		}
	}
	{
		double phi = mck_rng_uniform(&r) * PI;

		s.glare_cos = cos(phi);
		s.glare_sin = sin(phi);
	}
	s.glare_dir = mck_rng_next(&r) % 2 ? 1 : -1;
	/* a screen's pixels about a sensor pixel apart: a beat of a few modules */
	s.moire_p = (0.85 + 0.25 * mck_rng_uniform(&r)) * s.cw / s.side;
	s.moire_k = COS_N / s.moire_p;
	s.moire_a = s.kind == K_MOIRE ? 0.35 : s.phone ? 0.12 : 0;
	for (int i = 0; i < COS_N; i++) {
		s.cos_tab[i] = (float)cos(2 * PI * i / COS_N);
	}

	s.bg = malloc(sizeof(float) * (size_t)s.w * (size_t)s.h);
	acc = malloc(sizeof(float) * (size_t)s.w * (size_t)s.h);
	tmp = malloc(sizeof(float) * (size_t)s.w * (size_t)s.h);
	line = malloc(sizeof(float) * (size_t)s.w);
	out = malloc((size_t)s.w * (size_t)s.h);
	noise = malloc(sizeof(float) * NOISE_N);
	if (s.bg == NULL || acc == NULL || tmp == NULL || line == NULL || out == NULL ||
	    noise == NULL) {
		fprintf(stderr, "mck_clipgen: out of memory\n");
		goto out;
	}
	if (texture(&s) != 0) {
		fprintf(stderr, "mck_clipgen: out of memory\n");
		goto out;
	}
	background(&s, &r);
	for (int i = 0; i < NOISE_N; i++) {
		noise[i] = (float)mck_rng_gauss(&r);
	}
	noise_rng.s = r.s ^ 0xd6e8feb86659fd93ull;

	for (int f = 0; f < frames; f++) {
		double t = (double)f / FPS;
		int n = subframes(&s, t);
		double blur = blur_at(&s, t);

		memcpy(acc, s.bg, sizeof(float) * (size_t)s.w * (size_t)s.h);
		for (int k = 0; k < n; k++) {
			draw_object(&s, t + EXPOSURE * (k + 0.5) / n, acc, 1.0f / (float)n);
		}
		lens_blur(&s, acc, tmp, line, blur);
		/* light falls off to the corners; the sensor's noise grows with the light */
		uint32_t at = mck_rng_next(&noise_rng);
		for (int y = 0; y < s.h; y++) {
			double dy = (y - s.h / 2.0) / s.w;

			for (int x = 0; x < s.w; x++) {
				double dx = (x - s.w / 2.0) / s.w;
				size_t i = (size_t)y * (size_t)s.w + (size_t)x;
				float v = acc[i] * (float)(1 - 0.5 * (dx * dx + dy * dy));

				at = at * 1664525u + 1013904223u;
				v += (2.5f + 0.012f * v) * noise[at >> 16];
				out[i] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : lrintf(v));
			}
		}
		if (fwrite(out, 1, (size_t)s.w * (size_t)s.h, stdout) !=
		    (size_t)s.w * (size_t)s.h) {
			fprintf(stderr, "mck_clipgen: cannot write frame %d\n", f);
			goto out;
		}
	}
	if (fflush(stdout) != 0) {
		goto out;
	}
	if (argc == 8) {
		FILE *fp = fopen(argv[7], "w");

		if (fp == NULL) {
			fprintf(stderr, "mck_clipgen: cannot write %s\n", argv[7]);
			goto out;
		}
		fprintf(fp,
			"kind=%s\nobject=%s\nsize=%dx%d\nfps=%d\nframes=%d\nseed=%s\n"
			"ppm=%.2f\nin_view=%d\n",
			kinds[s.kind], s.phone ? "phone" : "paper", s.w, s.h, FPS, frames, argv[5],
			s.ppm, in_view(&s, frames));
		if (fclose(fp) != 0) {
			goto out;
		}
	}
	rc = 0;
out:
	free(noise);
	free(out);
	free(line);
	free(tmp);
	free(acc);
	free(s.bg);
	free(s.tex);
	mck_image_free(&code);
	return rc;
}
