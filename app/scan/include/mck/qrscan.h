/* Finding and decoding QR codes in grey frames (ZBar, QR only, byte-exact). */
#ifndef MCK_QRSCAN_H
#define MCK_QRSCAN_H

#include <stddef.h>
#include <stdint.h>

#define MCK_QRSCAN_MAX_CODES 16   /* codes reported per frame */
#define MCK_QRSCAN_MAX_TEXT  8192 /* bytes per code; a QR code holds at most 7089 digits */
#define MCK_QRSCAN_MAX_SIDE  8192 /* pixels per side of a frame */

struct mck_qrscan; /* heap object: one ZBar scanner, reused across frames */

struct mck_qrscan_result {
	size_t count;                     /* codes found, <= MCK_QRSCAN_MAX_CODES */
	size_t len[MCK_QRSCAN_MAX_CODES]; /* bytes of each text */
	char text[MCK_QRSCAN_MAX_CODES][MCK_QRSCAN_MAX_TEXT + 1]; /* NUL-terminated */
};

/*
 * The work a camera frame may take before fallbacks are skipped (the first
 * pass always runs), in ms of estimated work on the kiosk's reference core
 * (CPU scale 1: a 3 GHz x86 core of today): the estimates of the work bound
 * below, planned before the steps run, never the clock. Still images get
 * every step: the default budget is 0, none.
 */
#define MCK_QRSCAN_BUDGET_MS 65

/*
 * How fast the CPU is against the reference core, for the camera's budget
 * (mck_qrscan_set_cpu_scale): about 0.2 for a Raspberry Pi 4's Cortex-A72,
 * 0.08 for a Pi Zero 2 W's A53 at 1 GHz (board/README.md).
 */
#define MCK_QRSCAN_SCALE_MIN 0.01
#define MCK_QRSCAN_SCALE_MAX 100.0

/* Which step of the pipeline read a code, counted over a scanner's life (bench). */
enum mck_qrscan_step {
	MCK_QRSCAN_STEP_COARSE = 0, /* no finder seen, a frame of 1260 px a side or more: at 1/8 */
	MCK_QRSCAN_STEP_RECTIFIED,  /* a code squared and upright from its three finders */
	MCK_QRSCAN_STEP_REDRAWN,    /* ... or read module by module and redrawn clean */
	MCK_QRSCAN_STEP_REGION,     /* the finders' region as it is */
	MCK_QRSCAN_STEP_INVERTED,   /* ... light for dark (dark-mode screens) */
	MCK_QRSCAN_STEP_WHOLE,      /* the whole frame, as plain ZBar sees it */
	MCK_QRSCAN_STEP_COUNT
};

/*
 * The work one frame may take, in bounded counts, whatever the frame holds
 * (a 4096 x 3072 sheet of finder patterns took ZBar 1.5 s, its QR decoder
 * trying every three that could be a code's corner): finder candidates,
 * corners and grid fits, ZBar passes, and their cost as estimated before
 * each is made from its pixels and the finder patterns in it (qrscan.c).
 * The estimate, not the clock, decides, so a still image reads the same on
 * any machine. A region too crowded for a pass is read a code at a time.
 */
#define MCK_QRSCAN_MAX_CANDIDATES 2048   /* finder candidates held at once */
#define MCK_QRSCAN_MAX_CORNERS    4      /* corners of three finders fitted module by module */
#define MCK_QRSCAN_MAX_FITS       20     /* grid fits: five versions per corner */
#define MCK_QRSCAN_MAX_PASSES     24     /* ZBar passes: region, a code at a time, fallbacks */
#define MCK_QRSCAN_MAX_COST_US    150000 /* estimated cost of the fits and passes, us */

/*
 * What the last frame scanned took (tests, bench): each count within its cap
 * above. The same frame after the same frames before it (a camera's steps
 * take turns) gives the same counts on any machine.
 */
struct mck_qrscan_work {
	unsigned candidates;     /* finder candidates held at once */
	unsigned corners;        /* corners tried module by module */
	unsigned fits;           /* grid fits */
	unsigned passes;         /* ZBar passes made */
	unsigned long pixels;    /* pixels handed to ZBar */
	unsigned long cost_us;   /* estimated cost of the fits and passes */
	unsigned crowded;        /* steps left out: too many finder patterns, or over the cost */
	unsigned over;           /* steps left out: over the camera's budget */
	unsigned steps;          /* steps run (or tried) */
	unsigned long budget_us; /* the camera's budget for the frame (0: none) */
	unsigned long locate_us; /* the finder locator's estimate, counted against it */
};

struct mck_qrscan_stats {
	unsigned long frames;
	unsigned long step[MCK_QRSCAN_STEP_COUNT];
	struct mck_qrscan_work last; /* the last frame's */
};

/** Create a scanner (QR only, ZBAR_CFG_BINARY). Returns NULL when out of memory. */
struct mck_qrscan *mck_qrscan_create(void);
/** Wipes all it kept (mck_qrscan_forget) and frees it; accepts NULL. */
void mck_qrscan_destroy(struct mck_qrscan *scan);

/*
 * A code's text is the learner's whole credential and the picture of it as
 * good: nothing of either outlives its use (issue 14). ZBar's symbols are
 * wiped before the call that read them returns (two more copies that ZBar's
 * QR decoder frees unwiped are out of reach: qrscan.c); a result starts
 * wiped. What a scanner keeps between frames (its work images: crops, codes
 * squared up and redrawn; where the finders were) stays until the next
 * frame overwrites it, or this.
 */

/**
 * Wipe all @p scan keeps between frames, every worker's too, for when a
 * result clears; it goes on working as before. Accepts NULL. Not
 * concurrently with mck_qrscan_frame on the same scanner.
 */
void mck_qrscan_forget(struct mck_qrscan *scan);

/** Wipe a result's texts, which are the credentials read (compiler-proof); accepts NULL. */
void mck_qrscan_result_wipe(struct mck_qrscan_result *r);

/**
 * The camera's budget per frame, in ms of estimated work at CPU scale 1
 * (MCK_QRSCAN_BUDGET_MS); 0 (the default): no limit, for still images.
 */
void mck_qrscan_set_budget(struct mck_qrscan *scan, unsigned ms);

/**
 * The CPU's speed against the reference core (1, the default): the
 * budget's work shrinks with it, so that a frame here takes the steps it
 * would take on that board. Returns 0, or -EINVAL (NULL, or @p scale not in
 * MCK_QRSCAN_SCALE_MIN..MAX).
 */
int mck_qrscan_set_cpu_scale(struct mck_qrscan *scan, double scale);

/* Threads a scanner decodes a frame's steps on at most (the caller's counted). */
#define MCK_QRSCAN_MAX_WORKERS 8

/**
 * Decode a frame's steps on @p workers threads side by side (the board's
 * cores; 1, the default: the caller's thread alone): the steps of a frame
 * are planned first, and the first in step order to read a code wins, so
 * the codes and counts are those of one thread, sooner. The caller's thread
 * is one of them; workers-1 threads are started now and sleep between
 * frames, each with its own ZBar scanner and buffers (wiped as the caller's
 * are). Threads that cannot be started leave fewer (mck_qrscan_workers).
 * Returns 0, -EINVAL (NULL, 0 or over MCK_QRSCAN_MAX_WORKERS) or -ENOMEM
 * (one worker then). Not concurrently with mck_qrscan_frame.
 */
int mck_qrscan_set_workers(struct mck_qrscan *scan, unsigned workers);

/** The threads a frame's steps are decoded on, the caller's included. */
unsigned mck_qrscan_workers(const struct mck_qrscan *scan);

/** Counters of which step read codes, for benchmarks. */
const struct mck_qrscan_stats *mck_qrscan_stats(const struct mck_qrscan *scan);

/**
 * Decode every QR code in a Y800 frame into @p out, in the order ZBar reports
 * them, duplicates removed, within the work bound above. A pipeline around
 * ZBar (bench_scan measures it): finder patterns located by run lengths
 * (every fourth row, and every other row round a sighting); then one sure
 * step, which always runs: a single code squared and upright from its
 * three finders at 3 px per module, several codes' region as it is, or,
 * without a code, the whole frame; then, while they fit, each code read
 * module by module and redrawn clean (grid.c), the region as it is and
 * inverted (dark-mode screens), the other corners squared up, the whole
 * frame as plain ZBar sees it. No finder at all (an empty scene): nothing
 * more, but in a frame of 1260 px a side or more (a photo of a code from
 * near by), the frame at an eighth of its size. With a budget (camera
 * frames), the steps after the sure one run only while their estimates
 * fit it: each step is planned before any runs, charged as if those before
 * it had run and read nothing, which is what running them in turn means;
 * every other camera frame the redrawing is the sure step, first.
 * Returns the number of codes (0: none found) or negative errno: -EINVAL (NULL
 * argument, empty frame), -EFBIG (a side over MCK_QRSCAN_MAX_SIDE), -ENOMEM,
 * -EIO (ZBar failed). The frame is only read, and not kept after the call.
 * @p out is wiped first, whatever the outcome (no text of an earlier frame
 * stays in it).
 */
int mck_qrscan_frame(struct mck_qrscan *scan, const uint8_t *grey, uint32_t width, uint32_t height,
		     struct mck_qrscan_result *out);

#endif
