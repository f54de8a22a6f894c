/*
 * A code read module by module. From its three finder centres, a projective
 * map from module coordinates to the frame is fitted to what the code must
 * show whatever it holds: finders, separators, timing rows and alignment
 * patterns (ISO/IEC 18004 6.3); the modules are then read under it
 * (redraw.c).
 */
#ifndef MCK_SCAN_GRID_H
#define MCK_SCAN_GRID_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The map of a code of @p version: finder centres in frame pixels (a
 * pixel's centre at integer coordinates) and the perspective along the top
 * and left edges (0: none; the scale at one end of an edge is (1 + g)^2
 * times the other's).
 */
struct mck_grid {
	int version;
	float tl[2];
	float tr[2];
	float bl[2];
	float g;
	float h;
	float score; /* mean grey of the light function modules less the dark ones' */
};

/** Alignment-pattern centre rows/columns of @p version (1..40); returns how many (0..7). */
int mck__grid_alignment(int version, int pos[7]);

/** The version whose finder-centre distance is closest to @p legs modules. */
int mck__grid_version(float legs);

/**
 * Fit the map of a code of @p version (1..40) whose finder centres are
 * about @p tl, @p tr, @p bl in @p grey (@p w x @p h) into @p out. The fit's
 * score says how well the function patterns show (higher is better; the
 * right version scores well above its neighbours).
 */
void mck__grid_fit(const uint8_t *grey, uint32_t w, uint32_t h, const float tl[2],
		   const float tr[2], const float bl[2], int version, struct mck_grid *out);

/**
 * mck__grid_fit, given up once either flag is raised (NULL: none), within a
 * few hundred us: returns whether it fitted (@p out holds the fit) or gave
 * up (@p out is not a fit).
 */
bool mck__grid_fit_until(const uint8_t *grey, uint32_t w, uint32_t h, const float tl[2],
			 const float tr[2], const float bl[2], int version, struct mck_grid *out,
			 const atomic_bool *stop_a, const atomic_bool *stop_b);

/* A module whose colour every code of its version shares. */
struct mck_grid_probe {
	uint8_t x;
	uint8_t y;
	uint8_t light;
};

/**
 * The function modules of @p version (1..40; 0 otherwise): finders with
 * their separators, timing, alignment patterns and the dark module, row by
 * row, in @p probes (valid until the next call on this thread). Returns how
 * many.
 */
int mck__grid_probes(int version, const struct mck_grid_probe **probes);

/** Grey at each module's centre under map @p g, row by row, into @p val (N x N floats). */
void mck__grid_sample(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_grid *g,
		      float *val);

#endif
