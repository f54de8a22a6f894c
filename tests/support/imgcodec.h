/* Encoding test images in memory (tests and benchmarks only). */
#ifndef MCK_TEST_IMGCODEC_H
#define MCK_TEST_IMGCODEC_H

#include <stddef.h>
#include <stdint.h>

/** PNG of @p w x @p h pixels in a libpng simplified-API @p format. NULL on failure; free(). */
uint8_t *mck_test_png_encode(const uint8_t *pixels, uint32_t w, uint32_t h, uint32_t format,
			     size_t *len);

/**
 * JPEG of grey (@p components 1) or RGB (3) pixels at @p quality, baseline or
 * progressive. NULL on failure; free().
 */
uint8_t *mck_test_jpeg_encode(const uint8_t *pixels, uint32_t w, uint32_t h, int components,
			      int quality, int progressive, size_t *len);

/**
 * A PNG file's pixels in a libpng simplified-API @p format (PNG_FORMAT_RGB,
 * _GRAY), its size in @p w, @p h. NULL when it cannot be read; free().
 */
uint8_t *mck_test_png_decode(const char *path, uint32_t format, int *w, int *h);
/** A whole file, NUL-terminated (len excludes the NUL). NULL when unreadable; free(). */
uint8_t *mck_test_slurp(const char *path, size_t *len);

#endif
