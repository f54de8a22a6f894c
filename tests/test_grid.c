/*
 * grid.c and redraw.c: the function patterns of every version against
 * libqrencode's own codes; a code under a known perspective map fitted and
 * redrawn exactly; spoilt function, version and format modules redrawn right.
 */
#include <math.h>
#include <setjmp.h> /* before cmocka.h */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <qrencode.h>

#include "grid.h"
#include "redraw.h"
#include "support/qrdraw.h"

#define PPM           4 /* pixels per module of the frames drawn here */
#define QUIET         4
/* the redraw's: MCK_REDRAW_PPM px a module, MCK_REDRAW_QUIET modules round; a module's middle */
#define DRAWN_SIDE(n) ((uint32_t)((n) + 2 * MCK_REDRAW_QUIET) * MCK_REDRAW_PPM)
#define DRAWN_AT(m)   (((m) + MCK_REDRAW_QUIET) * MCK_REDRAW_PPM + MCK_REDRAW_PPM / 2)

/* A code of exactly @p version (a short text at level L fits them all). */
static QRcode *code_of(int version)
{
	QRcode *qr = QRcode_encodeString("MCK", version, QR_ECLEVEL_L, QR_MODE_8, 1);

	assert_non_null(qr);
	assert_int_equal(qr->version, version);
	return qr;
}

/* @p qr upright, PPM px per module, QUIET modules around. */
static uint8_t *render(const QRcode *qr, uint32_t *side)
{
	uint32_t s = (uint32_t)(qr->width + 2 * QUIET) * PPM;
	uint8_t *px = malloc((size_t)s * s);

	assert_non_null(px);
	mck_test_qr_draw(qr, PPM, QUIET, px, s);
	*side = s;
	return px;
}

/* Where module point (@p mx, @p my) of an upright render lies (pixel centres at integers). */
static float at(float m)
{
	return (m + QUIET) * PPM - 0.5f;
}

static void test_alignment_table(void **state)
{
	/* ISO/IEC 18004 Annex E, Table E.1 (a sample of rows) */
	static const struct {
		int version;
		int pos[7];
	} table[] = {
		{2, {6, 18}},
		{7, {6, 22, 38}},
		{14, {6, 26, 46, 66}},
		{21, {6, 28, 50, 72, 94}},
		{28, {6, 26, 50, 74, 98, 122}},
		{32, {6, 34, 60, 86, 112, 138}},
		{36, {6, 24, 50, 76, 102, 128, 154}},
		{40, {6, 30, 58, 86, 114, 142, 170}},
	};
	int pos[7];

	(void)state;
	assert_int_equal(mck__grid_alignment(1, pos), 0);
	assert_int_equal(mck__grid_alignment(41, pos), 0);
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		int n = mck__grid_alignment(table[i].version, pos);

		assert_int_equal(n, table[i].version / 7 + 2);
		for (int k = 0; k < n; k++) {
			assert_int_equal(pos[k], table[i].pos[k]);
		}
	}
}

static void test_version_from_legs(void **state)
{
	(void)state;
	assert_int_equal(mck__grid_version(14), 1);
	assert_int_equal(mck__grid_version(70), 15);
	assert_int_equal(mck__grid_version(170), 40);
	assert_int_equal(mck__grid_version(2), 1);
	assert_int_equal(mck__grid_version(400), 40);
}

/*
 * Every version's function patterns (finders, separators, timing, alignment,
 * the dark module) are where libqrencode draws them: on a clean render the
 * fit scores full contrast; a neighbouring version does not.
 */
static void test_patterns_match_libqrencode(void **state)
{
	(void)state;
	for (int v = 1; v <= 40; v++) {
		QRcode *qr = code_of(v);
		uint32_t side;
		uint8_t *px = render(qr, &side);
		float n = (float)qr->width;
		float tl[2] = {at(3.5f), at(3.5f)};
		float tr[2] = {at(n - 3.5f), at(3.5f)};
		float bl[2] = {at(3.5f), at(n - 3.5f)};
		struct mck_grid g;

		mck__grid_fit(px, side, side, tl, tr, bl, v, &g);
		assert_int_equal(g.version, v);
		if (g.score < 254.0f) {
			fail_msg("version %d: function patterns score %.1f, not 255", v, g.score);
		}
		if (v < 40) {
			struct mck_grid other;

			mck__grid_fit(px, side, side, tl, tr, bl, v + 1, &other);
			if (v >= 2 && other.score > g.score - 40) {
				fail_msg("version %d scores %.1f as %d", v, other.score, v + 1);
			}
		}
		free(px);
		QRcode_free(qr);
	}
}

/*
 * A version 15 code seen in perspective (g, h known), finder centres given
 * off by a pixel: the fit finds the map again and the redraw is the code,
 * module for module.
 */
static void test_perspective_recovered(void **state)
{
	const int v = 15;
	QRcode *qr;
	int n;

	(void)state;
	qr = code_of(v);
	n = qr->width;
	const float span = (float)(n - 7);
	/* the true map: finder centres and perspective */
	struct mck_grid truth = {
		v, {200.3f, 150.6f}, {470.8f, 166.2f}, {178.1f, 432.5f}, 0.18f, -0.12f, 0};
	uint32_t w = 720, h = 600;
	uint8_t *frame = malloc((size_t)w * h);
	double m[3][3], inv[3][3];

	assert_non_null(frame);
	/* frame = M (s, t, 1), as grid.c's closed form; inverted to render */
	for (int i = 0; i < 2; i++) {
		float tli = truth.tl[i];

		m[i][0] = (1 + truth.g) * truth.tr[i] - tli;
		m[i][1] = (1 + truth.h) * truth.bl[i] - tli;
		m[i][2] = tli;
	}
	m[2][0] = truth.g;
	m[2][1] = truth.h;
	m[2][2] = 1;
	double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
		     m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
		     m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
	assert_true(fabs(det) > 1e-9);
	for (int r = 0; r < 3; r++) {
		for (int c = 0; c < 3; c++) {
			int r1 = (c + 1) % 3, r2 = (c + 2) % 3, c1 = (r + 1) % 3, c2 = (r + 2) % 3;

			inv[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
		}
	}
	/* each pixel the mean of 4x4 points over its area, as a lens would blend edges */
	for (uint32_t y = 0; y < h; y++) {
		for (uint32_t x = 0; x < w; x++) {
			int dark = 0;

			for (int k = 0; k < 16; k++) {
				double px = x - 0.375 + 0.25 * (k % 4);
				double py = y - 0.375 + 0.25 * (k / 4);
				double ws = inv[2][0] * px + inv[2][1] * py + inv[2][2];
				double s = (inv[0][0] * px + inv[0][1] * py + inv[0][2]) / ws;
				double t = (inv[1][0] * px + inv[1][1] * py + inv[1][2]) / ws;
				int mx = (int)floor(3.5 + s * span);
				int my = (int)floor(3.5 + t * span);

				dark += mx >= 0 && my >= 0 && mx < n && my < n &&
					(qr->data[my * n + mx] & 1);
			}
			frame[(size_t)y * w + x] = (uint8_t)(220 - dark * 190 / 16);
		}
	}
	float tl[2] = {truth.tl[0] + 1.0f, truth.tl[1] - 0.8f};
	float tr[2] = {truth.tr[0] - 0.9f, truth.tr[1] + 1.0f};
	float bl[2] = {truth.bl[0] + 0.7f, truth.bl[1] + 0.9f};
	struct mck_grid g;

	mck__grid_fit(frame, w, h, tl, tr, bl, v, &g);
	/* module centres are what the fit sees: within a module's middle is exact enough */
	float module = hypotf(truth.tr[0] - truth.tl[0], truth.tr[1] - truth.tl[1]) / span;
	assert_true(fabsf(g.g - truth.g) < 0.02f);
	assert_true(fabsf(g.h - truth.h) < 0.02f);
	assert_true(hypotf(g.tl[0] - truth.tl[0], g.tl[1] - truth.tl[1]) < 0.4f * module);
	assert_true(hypotf(g.tr[0] - truth.tr[0], g.tr[1] - truth.tr[1]) < 0.4f * module);
	assert_true(hypotf(g.bl[0] - truth.bl[0], g.bl[1] - truth.bl[1]) < 0.4f * module);

	size_t cap = (size_t)DRAWN_SIDE(n) * DRAWN_SIDE(n);
	uint8_t *dst = malloc(cap);
	uint32_t side;
	int wrong = 0;

	assert_non_null(dst);
	mck__grid_redraw(frame, w, h, &g, dst, cap, &side);
	assert_int_equal(side, DRAWN_SIDE(n));
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			int drawn = dst[(size_t)DRAWN_AT(y) * side + DRAWN_AT(x)] == 0;

			wrong += drawn != (qr->data[y * n + x] & 1);
		}
	}
	assert_int_equal(wrong, 0);
	/* too small a buffer: nothing drawn */
	mck__grid_redraw(frame, w, h, &g, dst, cap - 1, &side);
	assert_int_equal(side, 0);
	free(dst);
	free(frame);
	QRcode_free(qr);
}

/* Module (@p mx, @p my) of an upright render turned to the other colour. */
static void flip(uint8_t *px, uint32_t side, int mx, int my)
{
	for (int y = 0; y < PPM; y++) {
		for (int x = 0; x < PPM; x++) {
			uint8_t *p = px + (size_t)((my + QUIET) * PPM + y) * side +
				     (size_t)(mx + QUIET) * PPM + x;

			*p = (uint8_t)(255 - *p);
		}
	}
}

/*
 * What every code shows is redrawn as the code has it, whatever the frame
 * shows there: format information with five of its thirty modules spoilt
 * (the nearest valid one of the 32 is taken), version information, timing,
 * an alignment pattern's centre. The data modules are redrawn as they are.
 */
static void test_known_modules_settled(void **state)
{
	const int v = 8; /* with version information */
	QRcode *qr;
	uint32_t side;
	uint8_t *px;
	int n;
	/* format: three in the copy by the top-left finder, two in the other */
	int spoilt[][2] = {{8, 1}, {8, 3}, {4, 8}, {0, 8}, {0, 8}, {8, 0}, {0, 0}, {0, 0}};

	(void)state;
	qr = code_of(v);
	n = qr->width;
	px = render(qr, &side);
	spoilt[3][0] = n - 2; /* (n - 2, 8): second copy */
	spoilt[4][0] = 8;
	spoilt[4][1] = n - 3; /* (8, n - 3): second copy */
	spoilt[5][0] = 10;    /* timing, row 6 */
	spoilt[5][1] = 6;
	spoilt[6][0] = n - 10; /* version information, top-right block */
	spoilt[6][1] = 2;
	spoilt[7][0] = 24; /* the centre of the alignment pattern at (24, 24) */
	spoilt[7][1] = 24;
	for (size_t i = 0; i < sizeof(spoilt) / sizeof(spoilt[0]); i++) {
		flip(px, side, spoilt[i][0], spoilt[i][1]);
	}
	float nf = (float)n;
	float tl[2] = {at(3.5f), at(3.5f)};
	float tr[2] = {at(nf - 3.5f), at(3.5f)};
	float bl[2] = {at(3.5f), at(nf - 3.5f)};
	struct mck_grid g;
	size_t cap = (size_t)DRAWN_SIDE(n) * DRAWN_SIDE(n);
	uint8_t *dst = malloc(cap);
	uint32_t out;

	assert_non_null(dst);
	mck__grid_fit(px, side, side, tl, tr, bl, v, &g);
	mck__grid_redraw(px, side, side, &g, dst, cap, &out);
	assert_int_equal(out, DRAWN_SIDE(n));
	for (int y = 0; y < n; y++) {
		for (int x = 0; x < n; x++) {
			int drawn = dst[(size_t)DRAWN_AT(y) * out + DRAWN_AT(x)] == 0;

			if (drawn != (qr->data[y * n + x] & 1)) {
				fail_msg("module (%d, %d) redrawn %s", x, y,
					 drawn ? "dark" : "light");
			}
		}
	}
	free(dst);
	free(px);
	QRcode_free(qr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment_table),
		cmocka_unit_test(test_version_from_legs),
		cmocka_unit_test(test_patterns_match_libqrencode),
		cmocka_unit_test(test_perspective_recovered),
		cmocka_unit_test(test_known_modules_settled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
