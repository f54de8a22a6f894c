/* The record's QR code on the screen (libqrencode); see checkkit.h. */
#include "checkkit.h"

#include <qrencode.h>

/* Error correction M: a screen is read from up close, so the smaller symbol wins. */
static QRcode *encode(const char *text)
{
	if (text == NULL || text[0] == '\0') {
		return NULL;
	}
	return QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

int mck__ui_qr_modules(const char *text)
{
	QRcode *code = encode(text);
	int n = code != NULL ? code->width + 2 * MCK_UI_QR_QUIET : 0;

	QRcode_free(code);
	return n;
}

SDL_Rect mck__ui_qr(SDL_Renderer *r, const char *text, int x, int y, int module)
{
	QRcode *code = module > 0 ? encode(text) : NULL;
	SDL_Rect box = {x, y, 0, 0};

	if (code == NULL) {
		return box;
	}
	box.w = box.h = (code->width + 2 * MCK_UI_QR_QUIET) * module;
	SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
	SDL_RenderFillRect(r, &box);
	SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
	for (int row = 0; row < code->width; row++) {
		const unsigned char *m = code->data + (size_t)row * (size_t)code->width;

		/* a run of dark modules a rectangle: bit 0 is "dark", the rest bookkeeping */
		for (int col = 0; col < code->width;) {
			int end = col;

			while (end < code->width && (m[end] & 1)) {
				end++;
			}
			if (end > col) {
				SDL_Rect run = {x + (MCK_UI_QR_QUIET + col) * module,
						y + (MCK_UI_QR_QUIET + row) * module,
						(end - col) * module, module};

				SDL_RenderFillRect(r, &run);
				col = end;
			} else {
				col++;
			}
		}
	}
	QRcode_free(code);
	return box;
}
