/*
 * The drawing toolkit's primitives: fonts sized in millimetres, the palette,
 * the record of what was drawn, filling and text.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
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
	.track = {214, 220, 227, 255},
	.good = {20, 110, 50, 255},
};

#define MARK_VALID 0x2714u /* ✔: the symbol font's size is measured on it */

/* A glyph's extent above (maxy) and below (miny) the baseline; false when the font lacks it. */
static bool glyph_extent(TTF_Font *font, uint32_t ch, int *miny, int *maxy)
{
	int minx;
	int maxx;
	int adv;

	return TTF_GlyphIsProvided32(font, ch) &&
	       TTF_GlyphMetrics32(font, ch, &minx, &maxx, miny, maxy, &adv) == 0;
}

/* The height the role's size is measured by: a capital H, or the symbol font's ✔. */
static int measured_cap(TTF_Font *font, enum mck_ui_role role)
{
	int miny = 0;
	int maxy = 0;

	if (role == F_SYMBOL) {
		return glyph_extent(font, MARK_VALID, &miny, &maxy) ? maxy - miny : 0;
	}
	return glyph_extent(font, 'H', &miny, &maxy) ? maxy : 0;
}

int mck__ui_open_fonts(const struct mck_ui *ui, bool large, TTF_Font **font, int *cap_px, char *msg,
		       size_t cap)
{
	/*
	 * Each role's size: a share of the short side (the layout scales with the
	 * screen), but never with capitals under cap_mm on the panel (legible from
	 * a metre, whatever its pixels). Large text scales both: the reading text
	 * most, what is large already (display) less, so the band keeps its place.
	 */
	static const struct {
		const char *file;
		int size_per_mille; /* of the short side */
		double cap_mm;
		bool display; /* large already: scaled less in large text */
	} spec[F_COUNT] = {
		[F_BAND] = {"NotoSans-Bold.ttf", 90, 6.0, true},
		[F_REASON] = {"NotoSans-Regular.ttf", 36, 3.3, false},
		[F_BODY] = {"NotoSans-Regular.ttf", 38, MCK_UI_DETAIL_MM, false},
		[F_LABEL] = {"NotoSans-Bold.ttf", 30, MCK_UI_MIN_MM, false},
		[F_SYMBOL] = {"NotoSansSymbols2-Regular.ttf", 110, 7.0, true},
		[F_TITLE] = {"NotoSans-Bold.ttf", 60, 4.5, true},
		[F_NAME] = {"NotoSans-Bold.ttf", 60, MCK_UI_NAME_MM, true},
	};
	int short_side = ui->width < ui->height ? ui->width : ui->height;
	char path[1100];

	for (int f = 0; f < F_COUNT; f++) {
		double k = !large            ? 1.0
			   : spec[f].display ? MCK_UI_LARGE_DISPLAY
					     : MCK_UI_LARGE_READING;
		int px = (int)(short_side * spec[f].size_per_mille * k / 1000);
		double mm = spec[f].cap_mm * k;
		int want;

		mm = large && mm < MCK_UI_LARGE_MIN_MM ? MCK_UI_LARGE_MIN_MM : mm;
		want = (int)ceil(mm * ui->px_per_mm - 1e-9);

		px = px > 8 ? px : 8;
		snprintf(path, sizeof(path), "%s/%s", ui->font_dir, spec[f].file);
		font[f] = TTF_OpenFont(path, px);
		if (font[f] == NULL) {
			snprintf(msg, cap, "font %s: %s", path, TTF_GetError());
			mck__ui_close_fonts(font);
			return -1;
		}
		cap_px[f] = measured_cap(font[f], (enum mck_ui_role)f);
		/* grow until the capitals are tall enough (sizes are whole pixels) */
		while (cap_px[f] > 0 && cap_px[f] < want && px < 1000) {
			px++;
			if (TTF_SetFontSize(font[f], px) != 0) {
				snprintf(msg, cap, "font %s: %s", path, TTF_GetError());
				mck__ui_close_fonts(font);
				return -1;
			}
			cap_px[f] = measured_cap(font[f], (enum mck_ui_role)f);
		}
	}
	return 0;
}

void mck__ui_close_fonts(TTF_Font **font)
{
	for (int f = 0; f < F_COUNT; f++) {
		if (font[f] != NULL) {
			TTF_CloseFont(font[f]);
			font[f] = NULL;
		}
	}
}

void mck__ui_boxes_reset(struct mck_ui *ui)
{
	memset(ui->boxes, 0, sizeof(ui->boxes));
	ui->nboxes = 0;
	ui->parent = -1;
	ui->layer = 0;
	if (ui->trace != NULL) {
		memset(ui->trace, 0, MCK_UI_TRACE_POOL);
	}
	ui->trace_used = 0;
}

static struct mck_ui_box *new_box(struct mck_ui *ui, enum mck_ui_box_kind kind, SDL_Rect rect)
{
	struct mck_ui_box *b;

	if (ui->nboxes >= MCK_UI_BOXES) {
		return NULL;
	}
	b = &ui->boxes[ui->nboxes++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->rect = rect;
	b->parent = ui->parent;
	b->layer = ui->layer;
	return b;
}

int mck__ui_box(struct mck_ui *ui, enum mck_ui_box_kind kind, SDL_Rect rect)
{
	return new_box(ui, kind, rect) != NULL ? (int)ui->nboxes - 1 : -1;
}

int mck__ui_parent(struct mck_ui *ui, int parent)
{
	int before = ui->parent;

	ui->parent = parent;
	return before;
}

int mck__ui_skip(const struct mck_ui *ui, enum mck_ui_role role)
{
	return TTF_FontLineSkip(ui->font[role]);
}

void mck__ui_fill(SDL_Renderer *r, SDL_Rect box, SDL_Color c)
{
	/* SDL's software renderer fills a rectangle at least a pixel wide and high, a GPU
	 * one not at all (the language button's caret ends in one): the same on both */
	box.w = box.w > 0 ? box.w : 1;
	box.h = box.h > 0 ? box.h : 1;
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
	SDL_RenderFillRect(r, &box);
}

int mck__ui_text_width(const struct mck_ui *ui, enum mck_ui_role role, const char *text)
{
	/* a cached render measures a text once per view: layout is mostly measuring */
	bool memo = ui->pass != MCK_UI_PASS_FULL && ui->cache != NULL;
	uint64_t hash = 0;
	size_t len = 0;
	int w = 0;
	int h = 0;

	if (memo) {
		len = strlen(text);
		w = mck__ui_cache_width(ui, role, text, len, &hash);
		if (w >= 0) {
			return w;
		}
	}
	w = TTF_SizeUTF8(ui->font[role], text, &w, &h) == 0 ? w : 0;
	if (memo) {
		mck__ui_cache_keep_width(ui, role, hash, len, w);
	}
	return w;
}

bool mck__ui_ours(const struct mck_ui *ui, bool ours)
{
	bool before = ui->cache != NULL && ui->cache->ours;

	if (ui->cache != NULL) {
		ui->cache->ours = ours; /* bookkeeping of the cache, not the UI's state */
	}
	return before;
}

/* The code point at @p s and its length in bytes (1 for a stray byte). */
static uint32_t next_char(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= 0xf0 && u[1] && u[2] && u[3]) {
		*len = 4;
		return ((u[0] & 7u) << 18) | ((u[1] & 63u) << 12) | ((u[2] & 63u) << 6) |
		       (u[3] & 63u);
	}
	if (u[0] >= 0xe0 && u[1] && u[2]) {
		*len = 3;
		return ((u[0] & 15u) << 12) | ((u[1] & 63u) << 6) | (u[2] & 63u);
	}
	if (u[0] >= 0xc0 && u[1]) {
		*len = 2;
		return ((u[0] & 31u) << 6) | (u[1] & 63u);
	}
	*len = 1;
	return u[0];
}

SDL_Rect mck__ui_ink(const struct mck_ui *ui, enum mck_ui_role role, const char *text, int x, int y)
{
	TTF_Font *font = ui->font[role];
	int top = 0;
	int bottom = 0;
	bool any = false;
	int ascent = TTF_FontAscent(font);

	for (const char *p = text; *p != '\0';) {
		size_t len;
		uint32_t ch = next_char(p, &len);
		int miny;
		int maxy;

		p += len;
		if (ch != ' ' && glyph_extent(font, ch, &miny, &maxy) && maxy > miny) {
			top = any && top > maxy ? top : maxy;
			bottom = any && bottom < miny ? bottom : miny;
			any = true;
		}
	}
	if (!any) {
		return (SDL_Rect){x, y + ascent, 0, 0};
	}
	return (SDL_Rect){x, y + ascent - top, mck__ui_text_width(ui, role, text), top - bottom};
}

/* The relative luminance of one sRGB channel's value (WCAG 2.x). */
static double channel(uint8_t v)
{
	double c = v / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double mck_ui_contrast(SDL_Color a, SDL_Color b)
{
	double la = 0.2126 * channel(a.r) + 0.7152 * channel(a.g) + 0.0722 * channel(a.b);
	double lb = 0.2126 * channel(b.r) + 0.7152 * channel(b.g) + 0.0722 * channel(b.b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/*
 * Of the colours in @p box of r's target (before a text is drawn there), the
 * one of least contrast with @p ink: what the text must stand out against.
 */
static bool ground_under(SDL_Renderer *r, SDL_Rect box, SDL_Color ink, SDL_Color *out)
{
	enum { MAX_PX = 4096 };
	static Uint32 px[MAX_PX]; /* the UI draws on one thread */
	SDL_Rect whole = {0, 0, 0, 0};
	double worst = 1e9;
	bool any = false;

	if (SDL_GetRendererOutputSize(r, &whole.w, &whole.h) != 0 ||
	    !SDL_IntersectRect(&box, &whole, &box)) {
		return false;
	}
	/* in strips of rows that fit the buffer */
	for (int y = box.y; y < box.y + box.h;) {
		int rows = box.w > 0 ? MAX_PX / box.w : 0;
		SDL_Rect strip;

		if (rows < 1) {
			return false; /* wider than the buffer: not a text of ours */
		}
		strip = (SDL_Rect){box.x, y, box.w,
				   box.y + box.h - y < rows ? box.y + box.h - y : rows};
		if (SDL_RenderReadPixels(r, &strip, SDL_PIXELFORMAT_RGB888, px, box.w * 4) != 0) {
			return false;
		}
		for (int i = 0; i < strip.w * strip.h; i++) {
			SDL_Color g = {(Uint8)(px[i] >> 16), (Uint8)(px[i] >> 8), (Uint8)px[i],
				       255};
			double k;

			if (i > 0 && px[i] == px[i - 1]) {
				continue; /* grounds are flat: most pixels are the one before */
			}
			k = mck_ui_contrast(ink, g);
			if (k < worst) {
				worst = k;
				*out = g;
				any = true;
			}
		}
		y += strip.h;
	}
	return any;
}

/* Draw one line and record it. */
static int blit(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		SDL_Color c, int x, int y, bool ellipsized)
{
	SDL_Surface *s;
	SDL_Texture *t;
	struct mck_ui_box *b;
	SDL_Color ground = {0, 0, 0, 0};
	bool grounded = false;
	int w;

	if (text[0] == '\0') {
		return 0;
	}
	if (ui->trace_ground && !ui->ink_only) {
		grounded = ground_under(r, mck__ui_ink(ui, role, text, x, y), c, &ground);
	}
	if (ui->ink_only) {
		w = mck__ui_text_width(ui, role, text); /* a live part, painted later */
	} else if (ui->pass == MCK_UI_PASS_FULL || ui->cache == NULL ||
		   (w = mck__ui_cache_text(ui, r, role, text, c, x, y)) < 0) {
		s = TTF_RenderUTF8_Blended(ui->font[role], text, c);
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
	}
	b = new_box(ui, MCK_UI_BOX_TEXT, mck__ui_ink(ui, role, text, x, y));
	if (b != NULL) {
		size_t n = strlen(text) + 1;

		b->colour = c;
		b->ground = ground;
		b->grounded = grounded;
		b->role = role;
		b->cap_height_px = ui->cap_px[role];
		b->ellipsized = ellipsized;
		if (ui->trace != NULL && ui->trace_used + n <= MCK_UI_TRACE_POOL) {
			memcpy(ui->trace + ui->trace_used, text, n);
			b->text = ui->trace + ui->trace_used;
			ui->trace_used += n;
		}
	}
	return w;
}

int mck__ui_blit(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		 SDL_Color c, int x, int y)
{
	return blit(ui, r, role, text, c, x, y, false);
}

#define LINE_MAX 1024

/* The width of the first @p len bytes of @p p (@p line: room for them). */
static int prefix_width(const struct mck_ui *ui, enum mck_ui_role role, const char *p, size_t len,
			char *line)
{
	memcpy(line, p, len);
	line[len] = '\0';
	return mck__ui_text_width(ui, role, line);
}

/*
 * How much of @p p goes on one line of @p width: at most up to the last break
 * that fits (a space; with phrases, a separator, else a space), at least one
 * character. *next gets where the next line starts.
 */
size_t mck__ui_next_line(const struct mck_ui *ui, enum mck_ui_role role, const char *p, int width,
			 enum mck_ui_wrap wrap, const char **next)
{
	char line[LINE_MAX];
	uint16_t ends[LINE_MAX]; /* where each character that may go on the line ends */
	size_t chars = 0;
	size_t lo = 0;  /* characters known to fit, */
	size_t fit = 0; /* their bytes */
	size_t last_space = 0;
	size_t last_sep = 0;
	size_t last_clause = 0; /* a space after a comma */
	size_t sep_len = strlen(MCK_UI_SEP);
	size_t cut;
	const char *q;

	for (size_t len = 0; len < sizeof(line) - 8 && p[len] != '\0';) {
		size_t n;

		next_char(p + len, &n);
		len += n;
		ends[chars++] = (uint16_t)len;
	}
	/*
	 * The longest prefix that fits. Measuring is shaping (HarfBuzz), the bulk
	 * of a screen's cost: all of it at once first (most texts fit), else where
	 * the widths measured so far say the edge is (a prefix's width grows about
	 * as its characters), halving when that does not close in: three or four
	 * measurements rather than one per character. A longer prefix is never
	 * narrower, so this is where a scan character by character stops.
	 */
	if (chars > 0) {
		int w = prefix_width(ui, role, p, ends[chars - 1], line);
		size_t nf = chars; /* this many do not fit */
		int w_lo = 0;
		int w_nf = w;

		lo = w <= width ? chars : 0;
		fit = w <= width ? ends[chars - 1] : 0;
		for (int step = 0; nf - lo > 1 && lo < chars; step++) {
			size_t k = lo + (nf - lo) / 2;

			if (step < 3 && w_nf > w_lo && width >= w_lo) {
				/* interpolated, one character inside the known ends */
				k = lo +
				    (size_t)((long long)(nf - lo) * (width - w_lo) / (w_nf - w_lo));
				k = k <= lo ? lo + 1 : k >= nf ? nf - 1 : k;
			}
			w = prefix_width(ui, role, p, ends[k - 1], line);
			if (w <= width) {
				lo = k;
				fit = ends[k - 1];
				w_lo = w;
			} else {
				nf = k;
				w_nf = w;
			}
		}
	}
	/* the breaks on the part that fits */
	for (size_t len = 0, after; len < fit; len = after) {
		size_t n;

		next_char(p + len, &n);
		after = len + n;

		if (p[len] == ' ') {
			last_space = len;
			last_clause = len > 0 && p[len - 1] == ',' ? len : last_clause;
		}
		if (len > 0 && strncmp(p + len, MCK_UI_SEP, sep_len) == 0) {
			last_sep = len;
		}
		if (p[len] == '-' && len > 0 && p[len - 1] != ' ' && p[after] != '\0' &&
		    p[after] != ' ') {
			last_space = after; /* "Papadopoulos-|Żółć": after a word's hyphen */
		}
	}
	if (p[fit] == '\0') {
		cut = fit; /* all of it */
	} else if (wrap == MCK_UI_WRAP_PHRASES && strncmp(p + fit, MCK_UI_SEP, sep_len) == 0) {
		cut = fit; /* a phrase ends exactly at the edge */
	} else if (wrap == MCK_UI_WRAP_PHRASES && last_sep > 0) {
		cut = last_sep;
	} else if (wrap == MCK_UI_WRAP_PHRASES && last_clause > 0) {
		cut = last_clause; /* a phrase wider than the line: between its clauses */
	} else if (p[fit] == ' ') {
		cut = fit; /* a word ends exactly at the edge */
	} else if (last_space > 0) {
		cut = last_space;
	} else {
		cut = fit;
	}
	if (cut == 0) {
		size_t n;

		next_char(p, &n); /* a glyph wider than the box: show it anyway */
		cut = n;
	}
	q = p + cut;
	if (strncmp(q, MCK_UI_SEP, sep_len) == 0) {
		q += sep_len;
	}
	while (*q == ' ') {
		q++;
	}
	*next = q;
	/* no trailing spaces on the line */
	while (cut > 1 && p[cut - 1] == ' ') {
		cut--;
	}
	return cut;
}

int mck__ui_lines(const struct mck_ui *ui, enum mck_ui_role role, const char *text, int width,
		  enum mck_ui_wrap wrap)
{
	int n = 0;

	for (const char *p = text; *p != '\0'; n++) {
		mck__ui_next_line(ui, role, p, width, wrap, &p);
	}
	return n;
}

int mck__ui_wrapped_as(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		       SDL_Color c, SDL_Rect box, enum mck_ui_wrap wrap)
{
	int line_h = mck__ui_skip(ui, role);
	int max_lines = line_h > 0 ? box.h / line_h : 0;
	const char *p = text;
	char line[LINE_MAX];
	int y = box.y;

	if (max_lines < 1) {
		ui->overflows += text[0] != '\0';
		return 0;
	}
	for (int n = 0; n < max_lines && *p != '\0'; n++) {
		const char *next;
		size_t fit = mck__ui_next_line(ui, role, p, box.w, wrap, &next);

		if (*next != '\0' && n == max_lines - 1) {
			/* Ellipsize: drop characters until the text and "…" fit. */
			size_t keep = strlen(p) < sizeof(line) - 8 ? strlen(p) : sizeof(line) - 8;

			ui->overflows++;
			while (keep > 0) {
				memcpy(line, p, keep);
				memcpy(line + keep, "\xe2\x80\xa6", 4);
				if (mck__ui_text_width(ui, role, line) <= box.w) {
					break;
				}
				do {
					keep--;
				} while (keep > 0 && ((unsigned char)p[keep] & 0xc0) == 0x80);
			}
			if (keep == 0) {
				memcpy(line, "\xe2\x80\xa6", 4);
			}
			blit(ui, r, role, line, c, box.x, y, true);
			return y + line_h - box.y;
		}
		memcpy(line, p, fit);
		line[fit] = '\0';
		blit(ui, r, role, line, c, box.x, y, false);
		y += line_h;
		p = next;
	}
	return y - box.y;
}

int mck__ui_wrapped(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		    SDL_Color c, SDL_Rect box)
{
	return mck__ui_wrapped_as(ui, r, role, text, c, box, MCK_UI_WRAP_WORDS);
}
