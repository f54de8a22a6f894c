/*
 * Where QR codes may be: the centres of finder patterns (the three 7x7
 * squares, 1:1:3:1:1 across in both directions), found in a grey frame with
 * a local threshold. Cheap enough to run on every frame, so that frames
 * without a code cost little and ZBar only sees the regions that matter.
 */
#ifndef MCK_SCAN_FINDER_H
#define MCK_SCAN_FINDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MCK_FINDER_MAX 48

struct mck_finder {
	float x; /* centre, pixels */
	float y;
	float module; /* module size, pixels */
	bool light;   /* light centre on dark: an inverted (dark-mode) code */
	int hits;     /* rows that saw it */
};

/**
 * Finder centres in @p grey (@p w x @p h, w <= 8192): seen in two rows or
 * more and with a partner of about the same module size at a code's
 * distance. Returns the number found (<= @p max), strongest first.
 */
int mck__finder_locate(const uint8_t *grey, uint32_t w, uint32_t h, struct mck_finder *out,
		       int max);

/* A code's three finders: top-left (the corner), top-right, bottom-left. */
struct mck_triple {
	int tl;
	int tr;
	int bl;
};

/**
 * Which finders make up a code: three of one polarity at the corner of a
 * rough square (two legs of about one length at about a right angle; wide
 * tolerances for tilt). Marks them in @p in_code and lists up to @p max
 * codes' corners, oriented, in @p corners; returns how many.
 */
int mck__finder_triples(const struct mck_finder *f, int n, bool *in_code,
			struct mck_triple *corners, int max);

#define MCK_FINDER_CANDIDATES_MAX 8

/**
 * The @p max (<= MCK_FINDER_CANDIDATES_MAX) most code-like corners of three
 * finders, best first, a finder in several of them: for a check that can
 * tell a code's corner from look-alikes (grid.c) to choose among. Returns
 * how many.
 */
int mck__finder_candidates(const struct mck_finder *f, int n, struct mck_triple *out, int max);

#endif
