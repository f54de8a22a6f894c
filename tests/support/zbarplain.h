/* Plain ZBar, one pass over a grey frame: the baseline the scanning pipeline is measured against. */
#ifndef MCK_TEST_ZBARPLAIN_H
#define MCK_TEST_ZBARPLAIN_H

#include <stdbool.h>
#include <stdint.h>

/**
 * Whether one ZBar pass over @p px (@p w x @p h, 8-bit grey) reads @p want
 * exactly (NULL: whether it reads anything). @p all_symbologies: ZBar's
 * default configuration, as zbarimg uses it; else QR only.
 */
bool mck_test_zbar_reads(const uint8_t *px, uint32_t w, uint32_t h, const char *want,
			 bool all_symbologies);

#endif
