/* The drawing toolkit's primitives: fonts, the palette, filling and text. */
#include <stdio.h>
#include <string.h>

#include "toolkit.h"

const struct mck_ui_palette mck__ui_pal = {
	.ink = {20, 24, 28, 255},
	.white = {255, 255, 255, 255},
	.paper = {244, 246, 248, 255},
	.frame = {91, 107, 127, 255},
	.muted = {84, 94, 106, 255},
	.alert = {176, 0, 32, 255},
	.chip = {62, 76, 94, 255},
	.slate = {33, 41, 51, 255},
	.blue = {30, 80, 160, 255},
};

int mck__ui_open_fonts(struct mck_ui *ui, const char *font_dir, char *msg, size_t cap)
{
	static const struct {
		const char *file;
		int size_per_mille; /* of the short side */
	} spec[F_COUNT] = {
		[F_BAND] = {"NotoSans-Bold.ttf", 90},
		[F_REASON] = {"NotoSans-Regular.ttf", 36},
		[F_BODY] = {"NotoSans-Regular.ttf", 38},
		[F_LABEL] = {"NotoSans-Bold.ttf", 30},
		[F_SYMBOL] = {"NotoSansSymbols2-Regular.ttf", 110},
		[F_TITLE] = {"NotoSans-Bold.ttf", 60},
	};
	int short_side = ui->width < ui->height ? ui->width : ui->height;
	char path[1024];

	for (int f = 0; f < F_COUNT; f++) {
		int px = short_side * spec[f].size_per_mille / 1000;

		snprintf(path, sizeof(path), "%s/%s", font_dir, spec[f].file);
		ui->font[f] = TTF_OpenFont(path, px > 8 ? px : 8);
		if (ui->font[f] == NULL) {
			snprintf(msg, cap, "font %s: %s", path, TTF_GetError());
			return -1;
		}
	}
	return 0;
}

void mck__ui_close_fonts(struct mck_ui *ui)
{
	for (int f = 0; f < F_COUNT; f++) {
		if (ui->font[f] != NULL) {
			TTF_CloseFont(ui->font[f]);
			ui->font[f] = NULL;
		}
	}
}

void mck__ui_fill(SDL_Renderer *r, SDL_Rect box, SDL_Color c)
{
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
	SDL_RenderFillRect(r, &box);
}

int mck__ui_blit(SDL_Renderer *r, TTF_Font *font, const char *text, SDL_Color c, int x, int y)
{
	SDL_Surface *s;
	SDL_Texture *t;
	int w;

	if (text[0] == '\0') {
		return 0;
	}
	s = TTF_RenderUTF8_Blended(font, text, c);
	if (s == NULL) {
		return 0;
	}
	t = SDL_CreateTextureFromSurface(r, s);
	if (t != NULL) {
		SDL_Rect dst = {x, y, s->w, s->h};
		SDL_RenderCopy(r, t, NULL, &dst);
		SDL_DestroyTexture(t);
	}
	w = s->w;
	SDL_FreeSurface(s);
	return w;
}

int mck__ui_text_width(TTF_Font *font, const char *text)
{
	int w = 0;
	int h = 0;

	return TTF_SizeUTF8(font, text, &w, &h) == 0 ? w : 0;
}

/* Length of the UTF-8 character starting at @p s (1 for a stray byte). */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	if (c >= 0xf0) {
		return 4;
	}
	if (c >= 0xe0) {
		return 3;
	}
	if (c >= 0xc0) {
		return 2;
	}
	return 1;
}

/*
 * Wrap @p text into @p box (at most box.h / line height lines), ellipsizing the
 * last line when it does not all fit; counts an overflow then. Returns the
 * height used.
 */
int mck__ui_wrapped(struct mck_ui *ui, SDL_Renderer *r, TTF_Font *font, const char *text,
		    SDL_Color c, SDL_Rect box)
{
	int line_h = TTF_FontLineSkip(font);
	int max_lines = line_h > 0 ? box.h / line_h : 0;
	const char *p = text;
	char line[1024];
	int y = box.y;

	if (max_lines < 1) {
		ui->overflows += text[0] != '\0';
		return 0;
	}
	for (int n = 0; n < max_lines && *p != '\0'; n++) {
		size_t len = 0;
		size_t fit = 0;
		size_t last_space = 0;
		bool last = n == max_lines - 1;

		while (len < sizeof(line) - 8 && p[len] != '\0') {
			size_t next = len + char_len(p + len);

			memcpy(line, p, next);
			line[next] = '\0';
			if (mck__ui_text_width(font, line) > box.w) {
				break;
			}
			if (p[len] == ' ') {
				last_space = len;
			}
			len = next;
			fit = len;
		}
		if (p[fit] != '\0' && !last && last_space > 0) {
			fit = last_space; /* break at the last space that fits */
		}
		if (p[fit] != '\0' && last) {
			/* Ellipsize: drop characters until the text and "…" fit. */
			ui->overflows++;
			while (fit > 0) {
				memcpy(line, p, fit);
				memcpy(line + fit, "\xe2\x80\xa6", 4);
				if (mck__ui_text_width(font, line) <= box.w) {
					break;
				}
				do {
					fit--;
				} while (fit > 0 && ((unsigned char)p[fit] & 0xc0) == 0x80);
			}
			mck__ui_blit(r, font, line, c, box.x, y);
			return y + line_h - box.y;
		}
		if (fit == 0) {
			fit = char_len(p); /* a glyph wider than the box: show it anyway */
		}
		memcpy(line, p, fit);
		line[fit] = '\0';
		mck__ui_blit(r, font, line, c, box.x, y);
		y += line_h;
		p += fit;
		while (*p == ' ') {
			p++;
		}
	}
	return y - box.y;
}
