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

/** Create a scanner (QR only, ZBAR_CFG_BINARY). Returns NULL when out of memory. */
struct mck_qrscan *mck_qrscan_create(void);
void mck_qrscan_destroy(struct mck_qrscan *scan);

/**
 * Decode every QR code in a Y800 frame into @p out, in the order ZBar reports
 * them, duplicates removed. Codes longer than MCK_QRSCAN_MAX_TEXT are skipped.
 * Returns the number of codes (0: none found) or negative errno: -EINVAL (NULL
 * argument, empty frame), -EFBIG (a side over MCK_QRSCAN_MAX_SIDE), -ENOMEM,
 * -EIO (ZBar failed). The frame is only read, and not kept after the call.
 */
int mck_qrscan_frame(struct mck_qrscan *scan, const uint8_t *grey, uint32_t width, uint32_t height,
		     struct mck_qrscan_result *out);

#endif
