/*
 * Fuzz target: any grey frame through the scanning pipeline (finders, the
 * module grid's fit and redraw, ZBar). Input: two bytes of width (1..1024),
 * then the pixels, row by row; the height is what the rest fills. Still-image
 * mode: every step runs.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "mck/qrscan.h"

#define MAX_PIXELS (512 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct mck_qrscan_result res;
	struct mck_qrscan *scan;
	uint32_t w;
	uint32_t h;

	if (size < 3 || size - 2 > MAX_PIXELS) {
		return 0;
	}
	w = (((uint32_t)data[0] << 8 | data[1]) % 1024) + 1;
	h = (uint32_t)((size - 2) / w);
	if (h == 0) {
		return 0;
	}
	scan = mck_qrscan_create();
	if (scan == NULL) {
		return 0;
	}
	(void)mck_qrscan_frame(scan, data + 2, w, h, &res);
	mck_qrscan_destroy(scan);
	return 0;
}
