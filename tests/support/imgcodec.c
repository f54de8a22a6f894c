#include "imgcodec.h"

#include "mck/io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

uint8_t *mck_test_png_encode(const uint8_t *pixels, uint32_t w, uint32_t h, uint32_t format,
			     size_t *len)
{
	png_image png;
	png_alloc_size_t size = 0;
	uint8_t *buf;

	memset(&png, 0, sizeof(png));
	png.version = PNG_IMAGE_VERSION;
	png.width = w;
	png.height = h;
	png.format = format;
	if (!png_image_write_get_memory_size(png, size, 0, pixels, 0, NULL)) {
		return NULL;
	}
	buf = malloc(size);
	if (buf == NULL || !png_image_write_to_memory(&png, buf, &size, 0, pixels, 0, NULL)) {
		free(buf);
		return NULL;
	}
	*len = size;
	return buf;
}

uint8_t *mck_test_jpeg_encode(const uint8_t *pixels, uint32_t w, uint32_t h, int components,
			      int quality, int progressive, size_t *len)
{
	struct jpeg_compress_struct cinfo;
	struct jpeg_error_mgr jerr;
	unsigned char *mem = NULL;
	unsigned long size = 0;
	uint8_t *copy;

	cinfo.err = jpeg_std_error(&jerr);
	jpeg_create_compress(&cinfo);
	jpeg_mem_dest(&cinfo, &mem, &size);
	cinfo.image_width = w;
	cinfo.image_height = h;
	cinfo.input_components = components;
	cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
	jpeg_set_defaults(&cinfo);
	jpeg_set_quality(&cinfo, quality, TRUE);
	if (progressive) {
		jpeg_simple_progression(&cinfo);
	}
	jpeg_start_compress(&cinfo, TRUE);
	while (cinfo.next_scanline < cinfo.image_height) {
		/* libjpeg's API is not const-correct; it only reads the row */
		JSAMPROW row = (JSAMPROW)(uintptr_t)(pixels + (size_t)cinfo.next_scanline * w *
								      (size_t)components);

		jpeg_write_scanlines(&cinfo, &row, 1);
	}
	jpeg_finish_compress(&cinfo);
	jpeg_destroy_compress(&cinfo);
	/* jpeg_mem_dest's buffer is the library's; hand out a plain malloc'd copy. */
	copy = malloc(size);
	if (copy != NULL) {
		memcpy(copy, mem, size);
		*len = size;
	}
	free(mem);
	return copy;
}

uint8_t *mck_test_slurp(const char *path, size_t *len)
{
	char *buf = NULL;

	/* The one file reader (refuses what is not a regular file; 1 GiB is plenty here). */
	return mck_io_read_file(path, (size_t)1 << 30, &buf, len) == 0 ? (uint8_t *)buf : NULL;
}

uint8_t *mck_test_png_decode(const char *path, uint32_t format, int *w, int *h)
{
	png_image img;
	uint8_t *px;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, path)) {
		return NULL;
	}
	img.format = format;
	px = malloc(PNG_IMAGE_SIZE(img));
	if (px == NULL || !png_image_finish_read(&img, NULL, px, 0, NULL)) {
		png_image_free(&img);
		free(px);
		return NULL;
	}
	*w = (int)img.width;
	*h = (int)img.height;
	return px;
}
