/* Still images from files (PNG, JPEG) as 8-bit grey frames for the QR decoder. */
#ifndef MCK_IMAGE_H
#define MCK_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/* Largest image accepted, in pixels per side and in total (a 12 MP photo fits). */
#define MCK_IMAGE_MAX_SIDE   8192
#define MCK_IMAGE_MAX_PIXELS (4096u * 3072u)
/* Largest image file read. */
#define MCK_IMAGE_MAX_FILE   (32u * 1024u * 1024u)

/* An 8-bit grey (Y800) image; caller-owned storage (mck_image_free). */
struct mck_image {
	uint32_t width;
	uint32_t height;
	uint8_t *pixels; /* width * height bytes, row-major, no padding */
};

/**
 * Decode a PNG or JPEG held in memory (type sniffed from its signature).
 * Returns 0, or negative errno: -EINVAL (not PNG/JPEG, corrupt), -EFBIG (over
 * the limits above), -ENOMEM. On error @p img is left empty.
 */
int mck_image_decode(struct mck_image *img, const uint8_t *data, size_t len);

/** Read and decode an image file; also -errno of open/read. */
int mck_image_load(struct mck_image *img, const char *path);

/** Release the pixels; accepts an empty or NULL image. */
void mck_image_free(struct mck_image *img);

#endif
