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

#define MCK_FINDER_MAX        48
/* The largest module the locator sees (pixels): a finder of 420 px across. */
#define MCK_FINDER_MAX_MODULE 60

struct mck_finder {
	float x; /* centre, pixels */
	float y;
	float module; /* module size, pixels */
	bool light;   /* light centre on dark: an inverted (dark-mode) code */
	int hits;     /* rows that saw it */
};

/* Candidate centres held at once (one-row specks make room); more: saturated. */
#define MCK_FINDER_CANDIDATES 2048
/* Strong, clean finders (finder.c) listed per frame; more: saturated. */
#define MCK_FINDER_CENSUS     1024
/* Roughness is counted in cells of 1 << MCK_FINDER_CELL_SHIFT pixels each way. */
#define MCK_FINDER_CELL_SHIFT 6
#define MCK_FINDER_CELLS      (8192 >> MCK_FINDER_CELL_SHIFT) /* a side of MCK_QRSCAN_MAX_SIDE */

/*
 * Every strong, clean finder of a frame that passed the filters, not only
 * the strongest few: where ZBar will meet finder patterns. ZBar's QR
 * decoder tries every three of them that could be a code's corner, and an
 * image crowded with them takes it seconds; the scanner counts them in a
 * region before it hands the region over (qrscan.c).
 */
struct mck_finder_census {
	int candidates; /* candidate centres held at once (<= MCK_FINDER_CANDIDATES) */
	int count;      /* finders in at[] */
	bool saturated; /* more candidates or finders than held: every region is crowded */
	struct mck_finder at[MCK_FINDER_CENSUS];
	bool corner[MCK_FINDER_CENSUS]; /* at[i] is the corner of a clean square of three */
	/* Turns of the 3-tap sums along rows (going from up to down or back), by
	 * cell, counted when first asked for: a flat or printed area has few,
	 * sensor noise one every second pixel, and ZBar takes 4 times as long
	 * over noise (45 ns a pixel for 11 on a printed code) */
	uint16_t turns[MCK_FINDER_CELLS][MCK_FINDER_CELLS];
	bool counted[MCK_FINDER_CELLS][MCK_FINDER_CELLS];
	const uint8_t *grey; /* the frame, while it is scanned */
	uint32_t w;
	uint32_t h;
};

/**
 * Finder centres in @p grey (@p w x @p h, w <= 8192): seen in two rows or
 * more and with a partner of about the same module size at a code's
 * distance. Returns the number found (<= @p max), strongest first; fills
 * @p census. The rows are scanned top down and the scan stops once the
 * candidates saturate: a bounded cost on any frame.
 */
int mck__finder_locate(const uint8_t *grey, uint32_t w, uint32_t h, struct mck_finder *out, int max,
		       struct mck_finder_census *census);

/**
 * Finders of polarity @p light with centres in [x0, x1) x [y0, y1) that
 * are the corner of a clean square of three (right angle, equal legs, equal
 * modules): what makes ZBar attempt a decode. A real code's data makes
 * look-alike finders by the dozen, but they rarely square up so, and ZBar
 * drops them cheaply; a sheet of finder patterns is all such corners.
 * INT_MAX when the census is saturated (the count is not known).
 */
int mck__finder_census_in(const struct mck_finder_census *census, float x0, float y0, float x1,
			  float y1, bool light);

/**
 * How rough [x0, x1) x [y0, y1) of the frame last located is (pixels; the
 * cells it touches, counted on every sixteenth row the first time they are
 * asked for): turns per 1024 pixels of those rows, 0 (flat) to 1024. Only
 * while that frame is there.
 */
unsigned mck__finder_roughness(struct mck_finder_census *census, uint32_t x0, uint32_t y0,
			       uint32_t x1, uint32_t y1);

/**
 * Leave finder @p f out of the counts from now on (a code it belongs to was
 * read: ZBar decodes it at once and spends nothing on it).
 */
void mck__finder_census_forget(struct mck_finder_census *census, const struct mck_finder *f);

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

/**
 * Codes of which two finders of @p f (@p n of them, strongest first) are
 * seen and the third not: its place predicted from the two (a side of the
 * code or its diagonal, either way), a candidate the locator's filters left
 * out taken there if there is one, and the corner judged by its timing
 * patterns. The thirds are added to @p f (up to @p cap finders in all; @p n
 * grows; their hits are 0); up to @p max (<= MCK_FINDER_CANDIDATES_MAX)
 * corners of three, oriented, best first, in @p out. Returns how many. Only
 * after mck__finder_locate on the same frame, on the same thread.
 */
/**
 * How well the corner of three finders @p t of @p f shows its two timing
 * patterns, for the versions its legs allow: 1 clean, about 0 for data.
 */
float mck__finder_timing(const uint8_t *grey, uint32_t w, uint32_t h, const struct mck_finder *f,
			 struct mck_triple t);

int mck__finder_complete(const uint8_t *grey, uint32_t w, uint32_t h, struct mck_finder *f, int *n,
			 int cap, struct mck_triple *out, int max);

#endif
