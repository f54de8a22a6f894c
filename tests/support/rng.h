/*
 * The test tools' random numbers (mck_degrade's frames, mck_clipgen's clips)
 * and the random shades they make of them:
 * xorshift64, seeded by the caller, the same sequence on every machine, so a
 * set made twice is the same to the byte. Not for anything secret.
 */
#ifndef MCK_TEST_RNG_H
#define MCK_TEST_RNG_H

#include <math.h>
#include <stdint.h>

struct mck_rng {
	uint64_t s; /* never 0 */
};

static inline uint32_t mck_rng_next(struct mck_rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return (uint32_t)(r->s >> 32);
}

/** Uniform in (0, 1). */
static inline double mck_rng_uniform(struct mck_rng *r)
{
	return (mck_rng_next(r) + 0.5) / 4294967296.0;
}

/** Standard normal (Box-Muller). */
static inline double mck_rng_gauss(struct mck_rng *r)
{
	return sqrt(-2.0 * log(mck_rng_uniform(r))) *
	       cos(2.0 * 3.14159265358979323846 * mck_rng_uniform(r));
}

/**
 * A smooth random shade: @p grid (@p gw a row) interpolated bilinearly at
 * (@p gx, @p gy) in grid cells (the test tools' backgrounds).
 */
static inline double mck_rng_shade(const double *grid, int gw, double gx, double gy)
{
	int x0 = (int)gx;
	int y0 = (int)gy;
	double ax = gx - x0;
	double ay = gy - y0;

	return grid[y0 * gw + x0] * (1 - ax) * (1 - ay) + grid[y0 * gw + x0 + 1] * ax * (1 - ay) +
	       grid[(y0 + 1) * gw + x0] * (1 - ax) * ay + grid[(y0 + 1) * gw + x0 + 1] * ax * ay;
}

#endif
