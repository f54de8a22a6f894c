/* The kiosk's screens: a verdict band that only the app draws, details below it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "mck/ui.h"
#include "render.h"

static const SDL_Color ink = MCK_UI_INK;
static const SDL_Color white = MCK_UI_WHITE;
static const SDL_Color paper = MCK_UI_PAPER;
static const SDL_Color frame = MCK_UI_FRAME;
static const SDL_Color muted = MCK_UI_MUTED;
static const SDL_Color alert = MCK_UI_ALERT;
static const SDL_Color slate = MCK_UI_SLATE;
static const SDL_Color chip = MCK_UI_CHIP;
static const SDL_Color picked = MCK_UI_BLUE;

SDL_Color mck_ui_band_color(enum mck_verdict verdict)
{
	switch (verdict) {
	case MCK_VERDICT_VALID:
		return (SDL_Color){27, 127, 59, 255};
	case MCK_VERDICT_WARNING:
		return (SDL_Color){242, 169, 0, 255};
	case MCK_VERDICT_INVALID:
		return (SDL_Color){192, 28, 40, 255};
	case MCK_VERDICT_UNREADABLE:
		return (SDL_Color){96, 96, 96, 255};
	case MCK_VERDICT_UNUSABLE:
	default:
		return (SDL_Color){120, 24, 24, 255};
	}
}

SDL_Rect mck_ui_band_rect(const struct mck_ui *ui)
{
	int short_side = ui->width < ui->height ? ui->width : ui->height;
	int h = short_side * 30 / 100;

	return (SDL_Rect){0, 0, ui->width, h < ui->height * 28 / 100 ? h : ui->height * 28 / 100};
}

struct mck_ui *mck_ui_create(const char *font_dir, int width, int height, char *msg, size_t cap)
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
	struct mck_ui *ui = calloc(1, sizeof(*ui));
	int short_side = width < height ? width : height;
	char path[1024];

	if (ui == NULL || (!TTF_WasInit() && TTF_Init() != 0)) {
		snprintf(msg, cap, "SDL_ttf: %s", TTF_GetError());
		free(ui);
		return NULL;
	}
	ui->width = width;
	ui->height = height;
	ui->unit = short_side / 40 > 4 ? short_side / 40 : 4;
	for (int f = 0; f < F_COUNT; f++) {
		int px = short_side * spec[f].size_per_mille / 1000;

		snprintf(path, sizeof(path), "%s/%s", font_dir, spec[f].file);
		ui->font[f] = TTF_OpenFont(path, px > 8 ? px : 8);
		if (ui->font[f] == NULL) {
			snprintf(msg, cap, "font %s: %s", path, TTF_GetError());
			mck_ui_destroy(ui);
			return NULL;
		}
	}
	return ui;
}

void mck_ui_destroy(struct mck_ui *ui)
{
	if (ui == NULL) {
		return;
	}
	for (int f = 0; f < F_COUNT; f++) {
		if (ui->font[f] != NULL) {
			TTF_CloseFont(ui->font[f]);
		}
	}
	free(ui);
}

unsigned mck_ui_overflows(const struct mck_ui *ui)
{
	return ui->overflows;
}

void mck__ui_fill(SDL_Renderer *r, SDL_Rect box, SDL_Color c)
{
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
	SDL_RenderFillRect(r, &box);
}

/* One line of text at (x, y); returns its width. */
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

const char *mck__ui_verdict_word(enum mck_lang lang, enum mck_verdict v)
{
	static const enum mck_text words[] = {MCK_TEXT_VERDICT_VALID, MCK_TEXT_VERDICT_WARNING,
					      MCK_TEXT_VERDICT_INVALID, MCK_TEXT_VERDICT_UNREADABLE,
					      MCK_TEXT_VERDICT_UNUSABLE};
	return mck_i18n_text(lang, words[(unsigned)v <= 4 ? (unsigned)v : 4]);
}

static const char *verdict_action(enum mck_lang lang, enum mck_verdict v)
{
	static const enum mck_text actions[] = {MCK_TEXT_ACTION_VALID, MCK_TEXT_ACTION_WARNING,
						MCK_TEXT_ACTION_INVALID, MCK_TEXT_ACTION_UNREADABLE,
						MCK_TEXT_ACTION_UNUSABLE};
	return mck_i18n_text(lang, actions[(unsigned)v <= 4 ? (unsigned)v : 4]);
}

/* The band: colour, mark, word, the first reason in plain words, what to do. */
const char *mck__ui_first_reason(enum mck_lang lang, mck_reasons reasons)
{
	for (unsigned i = 0; i < MCK_REASON_COUNT; i++) {
		if (reasons & MCK_REASON_BIT(i)) {
			return mck_i18n_reason(lang, (enum mck_reason)i);
		}
	}
	return NULL;
}

void mck__ui_band(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, const char *line)
{
	static const char *const marks[] = {"\xe2\x9c\x94", "!", "\xe2\x9c\x97", "?",
					    "\xe2\x9c\x97"};
	SDL_Rect band = mck_ui_band_rect(ui);
	SDL_Color bg = mck_ui_band_color(v->verdict);
	SDL_Color fg = v->verdict == MCK_VERDICT_WARNING ? ink : white;
	unsigned vi = (unsigned)v->verdict <= 4 ? (unsigned)v->verdict : 4;
	int u = ui->unit;
	int x = 2 * u;
	int top = band.y + u + TTF_FontLineSkip(ui->font[F_BAND]);

	mck__ui_fill(r, band, bg);
	x += mck__ui_blit(r,
			  (vi == 0 || vi == 2 || vi == 4) ? ui->font[F_SYMBOL] : ui->font[F_BAND],
			  marks[vi], fg, x, band.y + u) +
	     u;
	mck__ui_blit(r, ui->font[F_BAND], mck__ui_verdict_word(v->lang, v->verdict), fg, x,
		     band.y + u);
	if (line == NULL) {
		/* The first reason says what is wrong; with none, what the verdict means. */
		line = mck__ui_first_reason(v->lang, v->reasons);
		line = line != NULL ? line : verdict_action(v->lang, v->verdict);
	}
	mck__ui_wrapped(ui, r, ui->font[F_REASON], line, fg,
			(SDL_Rect){2 * u, top, band.w - 4 * u, band.y + band.h - top - u / 2});
}

struct rows {
	struct mck_ui *ui;
	SDL_Renderer *r;
	SDL_Rect area;
	int y;
	unsigned skip;   /* rows scrolled away above */
	unsigned hidden; /* rows below the area: reached by scrolling, not lost */
};

/* A label and its value: side by side, or stacked on a narrow (portrait) screen. */
static void row(struct rows *w, const char *label, const char *value, SDL_Color c)
{
	bool narrow = w->ui->width < 640;
	int label_w = narrow ? 0 : w->area.w * 32 / 100;
	int line = TTF_FontLineSkip(w->ui->font[F_BODY]);
	int label_line = TTF_FontLineSkip(w->ui->font[F_LABEL]);
	int need = line + (narrow && label[0] != '\0' ? label_line : 0);
	int room = w->area.y + w->area.h - w->y;

	if (value == NULL || value[0] == '\0') {
		return;
	}
	if (w->skip > 0) {
		w->skip--;
		return;
	}
	if (room < need || w->hidden > 0) {
		w->hidden++;
		return;
	}
	if (narrow) {
		if (label[0] != '\0') {
			mck__ui_blit(w->r, w->ui->font[F_LABEL], label, muted, w->area.x, w->y);
			w->y += label_line;
			room -= label_line;
		}
	} else {
		mck__ui_wrapped(
			w->ui, w->r, w->ui->font[F_LABEL], label, muted,
			(SDL_Rect){w->area.x, w->y + line / 8, label_w - w->ui->unit, label_line});
	}
	w->y += mck__ui_wrapped(w->ui, w->r, w->ui->font[F_BODY], value, c,
				(SDL_Rect){w->area.x + label_w, w->y, w->area.w - label_w,
					   room < 3 * line ? room : 3 * line});
}

/* "Name (CC)"; either alone when the other is empty. */
static void body_and_country(char *buf, size_t cap, const char *body, const char *country)
{
	if (country[0] == '\0') {
		snprintf(buf, cap, "%s", body);
	} else {
		snprintf(buf, cap, "%s%s(%s)", body, body[0] != '\0' ? " " : "", country);
	}
}

/* The credential's own words: a framed, light area under the band, captioned as such. */
static void draw_details(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 SDL_Rect area)
{
	enum mck_lang l = v->lang;
	int u = ui->unit;
	struct rows w;
	char buf[MCK_VIEW_TEXT + 64];

	mck__ui_fill(r, area, paper);
	mck__ui_fill(r, (SDL_Rect){area.x, area.y, u / 2 > 2 ? u / 2 : 2, area.h}, frame);
	w.ui = ui;
	w.r = r;
	w.area = (SDL_Rect){area.x + 2 * u, area.y + u, area.w - 6 * u, area.h - 2 * u};
	w.y = w.area.y;
	w.skip = v->scroll;
	w.hidden = 0;
	mck__ui_blit(r, ui->font[F_LABEL], mck_i18n_text(l, MCK_TEXT_LABEL_FROM_CREDENTIAL), frame,
		     w.area.x, w.y);
	w.y += TTF_FontLineSkip(ui->font[F_LABEL]);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_LEARNER), v->learner, ink);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_TITLE), v->title, ink);
	body_and_country(buf, sizeof(buf), v->body, v->country);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_AWARDING_BODY), buf, ink);
	if (v->claimed) {
		/* What it calls itself, labelled as its wording, in the caption's colour. */
		body_and_country(buf, sizeof(buf), v->claimed_body, v->claimed_country);
		row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_CLAIMED_BODY), buf, frame);
	}
	snprintf(buf, sizeof(buf), "%s%s%s", v->issued, v->expires[0] ? "  \xe2\x80\x93  " : "",
		 v->expires);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_ISSUED), buf, ink);
	if (v->eqf_level > 0) {
		snprintf(buf, sizeof(buf), "%d", v->eqf_level);
		row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_EQF), buf, ink);
	}
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_WORKLOAD), v->workload, ink);
	for (size_t i = 0; i < v->outcomes; i++) {
		snprintf(buf, sizeof(buf), "\xe2\x80\xa2 %s", v->outcome[i]);
		row(&w, i == 0 ? mck_i18n_text(l, MCK_TEXT_LABEL_OUTCOMES) : "", buf, ink);
	}
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_ASSESSMENT), v->assessment, ink);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_PARTICIPATION), v->participation, ink);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_QUALITY), v->quality, ink);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_PREREQUISITES), v->prerequisites, ink);
	row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_GRADE), v->grade, ink);
	if (w.hidden > 0) {
		/* More below: scroll (arrow keys, touch) to read it. */
		int a = 2 * u;
		int x0 = area.x + area.w - 3 * u;
		int y0 = area.y + area.h - 2 * u;

		for (int i = 0; i < a / 2; i++) {
			mck__ui_fill(r, (SDL_Rect){x0 - a / 2 + i, y0 - a / 2 + i, a - 2 * i, 1},
				     frame);
		}
	}
}

static void status_text(const struct mck_view *v, char *text, size_t cap)
{
	const struct mck_view_status *s = &v->status;
	char part[200];
	int n;

	if (!s->have_trustlist) {
		snprintf(text, cap, "%s", mck_i18n_text(v->lang, MCK_TEXT_ERROR_TRUSTLIST_MISSING));
		return;
	}
	snprintf(part, sizeof(part), mck_i18n_text(v->lang, MCK_TEXT_STATUS_TRUSTLIST), s->sequence,
		 s->updated);
	n = snprintf(text, cap, "%s  \xc2\xb7  ", part);
	snprintf(part, sizeof(part), mck_i18n_text(v->lang, MCK_TEXT_STATUS_ISSUERS), s->issuers);
	snprintf(text + n, cap - (size_t)n, "%s  \xc2\xb7  %s  \xc2\xb7  %s", part,
		 mck_i18n_text(v->lang, s->clock_ok ? MCK_TEXT_STATUS_CLOCK_OK
						    : MCK_TEXT_STATUS_CLOCK_UNSET),
		 mck_i18n_text(v->lang, s->camera_ok ? MCK_TEXT_STATUS_CAMERA_OK
						     : MCK_TEXT_STATUS_CAMERA_MISSING));
}

/* The language button's width: the language's own name and a globe-free caret. */
static int language_button_width(const struct mck_ui *ui, enum mck_lang lang)
{
	return mck__ui_text_width(ui->font[F_LABEL], mck_i18n_text(lang, MCK_TEXT_LANGUAGE_NAME)) +
	       4 * ui->unit;
}

/* Status facts on the left (a touch opens the operator screen), the language button right. */
static void draw_status(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			const char *text, SDL_Rect bar)
{
	int u = ui->unit;
	int bw = language_button_width(ui, v->lang);
	SDL_Rect button = {bar.w - bw - u / 2, bar.y + u / 4, bw, bar.h - u / 2};
	int line = TTF_FontLineSkip(ui->font[F_LABEL]);

	mck__ui_fill(r, bar, slate);
	mck__ui_fill(r, button, v->picker ? picked : chip);
	mck__ui_blit(r, ui->font[F_LABEL], mck_i18n_text(v->lang, MCK_TEXT_LANGUAGE_NAME), white,
		     button.x + u, button.y + (button.h - line) / 2);
	/* A caret: the button opens a list. */
	for (int i = 0; i < u / 2 + 1; i++) {
		int y = button.y + button.h / 2 + (v->picker ? u / 4 - i : i - u / 4);
		mck__ui_fill(r, (SDL_Rect){button.x + button.w - 2 * u + i, y, u - 2 * i, 1},
			     white);
	}
	ui->hit_language = button;
	ui->hit_status = (SDL_Rect){0, bar.y, button.x, bar.h};
	mck__ui_wrapped(ui, r, ui->font[F_LABEL], text, white,
			(SDL_Rect){u, bar.y + (bar.h - line * (bar.h / line)) / 2, button.x - 2 * u,
				   bar.h - u / 2});
}

/*
 * The language picker: each language by its own name, large enough to touch.
 * Drawn in @p area, which never includes the verdict band.
 */
static void draw_picker(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	int cols = area.w >= area.h ? 2 : 1;
	int rows = (MCK_LANG_COUNT + cols - 1) / cols;
	int line = TTF_FontLineSkip(ui->font[F_BODY]);
	int cw = (area.w - 2 * u - (cols - 1) * u) / cols;
	int ch = (area.h - 2 * u - (rows - 1) * (u / 2)) / rows;

	ch = ch > 3 * line ? 3 * line : ch;
	mck__ui_fill(r, area, paper);
	for (int i = 0; i < MCK_LANG_COUNT; i++) {
		SDL_Rect cell = {area.x + u + (i % cols) * (cw + u),
				 area.y + u + (i / cols) * (ch + u / 2), cw, ch};
		bool current = (enum mck_lang)i == v->lang;
		const char *name = mck_i18n_text((enum mck_lang)i, MCK_TEXT_LANGUAGE_NAME);

		mck__ui_fill(r, cell, frame);
		mck__ui_fill(r, (SDL_Rect){cell.x + 2, cell.y + 2, cell.w - 4, cell.h - 4},
			     current ? picked : white);
		mck__ui_wrapped(ui, r, ui->font[F_BODY], name, current ? white : ink,
				(SDL_Rect){cell.x + 2 * u, cell.y + (cell.h - line) / 2,
					   cell.w - 4 * u, line});
		ui->hit_pick[i] = cell;
	}
}

/* A stopping fault, full size under an "unusable" band: the kiosk cannot check now. */
static void draw_error(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
		       enum mck_text error, SDL_Rect below)
{
	struct mck_view shown = *v;

	shown.verdict = MCK_VERDICT_UNUSABLE;
	shown.reasons = 0;
	mck__ui_band(ui, r, &shown, NULL);
	mck__ui_wrapped(ui, r, ui->font[F_TITLE], mck_i18n_text(v->lang, error), ink,
			(SDL_Rect){2 * ui->unit, below.y + 2 * ui->unit, ui->width - 4 * ui->unit,
				   below.h - 4 * ui->unit});
}

/* The operator screen: ours only (slate header, no band), facts and counters. */
static void draw_operator(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect area)
{
	static const enum mck_text words[] = {MCK_TEXT_VERDICT_VALID, MCK_TEXT_VERDICT_WARNING,
					      MCK_TEXT_VERDICT_INVALID, MCK_TEXT_VERDICT_UNREADABLE,
					      MCK_TEXT_VERDICT_UNUSABLE};
	const struct mck_view_status *s = &v->status;
	const struct mck_view_operator *o = &v->op;
	enum mck_lang l = v->lang;
	int u = ui->unit;
	int head = TTF_FontLineSkip(ui->font[F_TITLE]) + 2 * u;
	int hint = TTF_FontLineSkip(ui->font[F_REASON]) + u;
	struct rows w;
	char buf[256];
	int n;

	mck__ui_fill(r, (SDL_Rect){area.x, area.y, area.w, head}, slate);
	mck__ui_wrapped(ui, r, ui->font[F_TITLE], mck_i18n_text(l, MCK_TEXT_OPERATOR_TITLE), white,
			(SDL_Rect){area.x + 2 * u, area.y + u, area.w - 4 * u, head - u});
	w.ui = ui;
	w.r = r;
	w.area = (SDL_Rect){area.x + 2 * u, area.y + head + u, area.w - 4 * u,
			    area.h - head - hint - 2 * u};
	w.y = w.area.y;
	w.skip = 0;
	w.hidden = 0;
	if (s->have_trustlist) {
		snprintf(buf, sizeof(buf), "#%lld", s->sequence);
		row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_TRUSTLIST), buf, ink);
		row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_ISSUED), s->updated, ink);
		row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_NEXT_UPDATE), s->next_update,
		    s->trustlist_expired ? alert : ink);
		snprintf(buf, sizeof(buf), "%zu", s->issuers);
		row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_ISSUERS), buf, ink);
	} else {
		row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_TRUSTLIST),
		    mck_i18n_text(l, MCK_TEXT_ERROR_TRUSTLIST_MISSING), alert);
	}
	snprintf(buf, sizeof(buf), "%s  \xc2\xb7  %s", o->now,
		 mck_i18n_text(l, s->clock_ok ? MCK_TEXT_STATUS_CLOCK_OK
					      : MCK_TEXT_STATUS_CLOCK_UNSET));
	row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_TIME), buf, s->clock_ok ? ink : alert);
	snprintf(buf, sizeof(buf), "%s  \xc2\xb7  %s", o->source,
		 mck_i18n_text(l, s->camera_ok ? MCK_TEXT_STATUS_CAMERA_OK
					       : MCK_TEXT_STATUS_CAMERA_MISSING));
	row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_SOURCE), buf, s->camera_ok ? ink : alert);
	n = snprintf(buf, sizeof(buf), "%u", o->scans);
	for (unsigned i = 0; i < 5 && n > 0 && (size_t)n < sizeof(buf); i++) {
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s%s %u",
			      i == 0 ? ": " : " \xc2\xb7 ", mck_i18n_text(l, words[i]),
			      o->verdicts[i]);
	}
	row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_SCANS), buf, ink);
	snprintf(buf, sizeof(buf), "%lld h %02lld min", o->uptime_s / 3600, o->uptime_s / 60 % 60);
	row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_UPTIME), buf, ink);
	snprintf(buf, sizeof(buf), "%d \xc3\x97 %d  \xc2\xb7  %s", ui->width, ui->height,
		 mck_i18n_text(l, MCK_TEXT_LANGUAGE_NAME));
	row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_DISPLAY), buf, ink);
	row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_SOFTWARE), o->software, ink);
	/* Every fact must be visible at once: a row that does not fit is an overflow. */
	ui->overflows += w.hidden;
	mck__ui_wrapped(ui, r, ui->font[F_REASON], mck_i18n_text(l, MCK_TEXT_OPERATOR_RETURN),
			muted,
			(SDL_Rect){area.x + 2 * u, area.y + area.h - hint, area.w - 4 * u,
				   TTF_FontLineSkip(ui->font[F_REASON])});
}

/* A phone showing a QR code, drawn with rectangles: nothing to translate. */
static void draw_pictogram(SDL_Renderer *r, SDL_Rect at)
{
	int m = at.w / 12 > 1 ? at.w / 12 : 1; /* one module */
	int qx = at.x + (at.w - 9 * m) / 2;
	int qy = at.y + (at.h - 9 * m) / 2;
	uint32_t bits = 0x5a3c96e1u;

	mck__ui_fill(r, at, (SDL_Color){33, 41, 51, 255});
	mck__ui_fill(r, (SDL_Rect){at.x + m / 2 + 1, at.y + 2 * m, at.w - m - 2, at.h - 4 * m},
		     white);
	for (int y = 0; y < 9; y++) {
		for (int x = 0; x < 9; x++) {
			bool finder = (x < 3 && y < 3) || (x > 5 && y < 3) || (x < 3 && y > 5);
			bool dark;

			if (finder) {
				dark = true; /* the three finder squares */
			} else {
				bits = bits * 1103515245u + 12345u;
				dark = (bits >> 16) & 1u;
			}
			if (dark) {
				mck__ui_fill(r, (SDL_Rect){qx + x * m, qy + y * m, m, m}, ink);
			}
		}
	}
}

/* The camera's picture, fitted into @p at with a frame, so people see what it sees. */
static void draw_preview(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect at)
{
	int w = v->preview_w;
	int h = v->preview_h;
	SDL_Texture *t;
	SDL_Rect dst;

	if (w <= 0 || h <= 0 || w > MCK_VIEW_PREVIEW_W || h > MCK_VIEW_PREVIEW_H) {
		return;
	}
	for (int i = 0; i < w * h; i++) {
		memset(ui->preview_rgb + 3 * i, v->preview[i], 3);
	}
	/* Fit, keeping the aspect ratio. */
	dst.w = at.w;
	dst.h = at.w * h / w;
	if (dst.h > at.h) {
		dst.h = at.h;
		dst.w = at.h * w / h;
	}
	dst.x = at.x + (at.w - dst.w) / 2;
	dst.y = at.y + (at.h - dst.h) / 2;
	mck__ui_fill(r, (SDL_Rect){dst.x - 2, dst.y - 2, dst.w + 4, dst.h + 4}, frame);
	t = SDL_CreateTexture(r, SDL_PIXELFORMAT_RGB24, SDL_TEXTUREACCESS_STATIC, w, h);
	if (t != NULL) {
		SDL_UpdateTexture(t, NULL, ui->preview_rgb, w * 3);
		SDL_RenderCopy(r, t, NULL, &dst);
		SDL_DestroyTexture(t);
	}
}

static void draw_idle(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	int pic = area.h / 3 < area.w / 3 ? area.h / 3 : area.w / 3;
	SDL_Rect title = {2 * u, area.y + 2 * u, area.w - 4 * u,
			  2 * TTF_FontLineSkip(ui->font[F_TITLE])};
	int y;
	int room;

	mck__ui_fill(r, area, white);
	y = title.y + mck__ui_wrapped(ui, r, ui->font[F_TITLE],
				      mck_i18n_text(v->lang, MCK_TEXT_IDLE_TITLE), ink, title);
	y += u;
	y += mck__ui_wrapped(
		ui, r, ui->font[F_REASON], mck_i18n_text(v->lang, MCK_TEXT_IDLE_HINT), muted,
		(SDL_Rect){2 * u, y, area.w - 4 * u, 2 * TTF_FontLineSkip(ui->font[F_REASON])});
	room = area.y + area.h - y - 2 * u;
	if (v->preview != NULL && room > pic / 2) {
		/* Pictogram left, the live picture right (below on a portrait screen). */
		bool portrait = area.w < area.h;
		int side = room < pic ? room : pic;

		if (portrait) {
			draw_pictogram(r, (SDL_Rect){(area.w - side * 3 / 10) / 2, y + u,
						     side * 3 / 10, side / 2});
			draw_preview(ui, r, v,
				     (SDL_Rect){2 * u, y + 2 * u + side / 2, area.w - 4 * u,
						room - side / 2 - u});
		} else {
			draw_pictogram(r, (SDL_Rect){2 * u + area.w / 6 - side * 3 / 10, y + u,
						     side * 6 / 10, side});
			draw_preview(
				ui, r, v,
				(SDL_Rect){area.w / 3 + u, y + u, area.w * 2 / 3 - 3 * u, room});
		}
	} else if (room > pic / 2) {
		int side = room < pic ? room : pic;
		draw_pictogram(
			r, (SDL_Rect){(area.w - side * 6 / 10) / 2, y + u, side * 6 / 10, side});
	}
}

/*
 * Reasons after the first (the band shows that one) and the missing elements:
 * ours, so on white, above the credential's framed area. Returns what is left
 * of @p area.
 */
static SDL_Rect draw_notes(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   SDL_Rect area)
{
	int line = TTF_FontLineSkip(ui->font[F_REASON]);
	int y = area.y + ui->unit / 2;
	bool first = true;
	char text[512];

	for (unsigned i = 0; i < MCK_REASON_COUNT; i++) {
		if ((v->reasons & MCK_REASON_BIT(i)) == 0) {
			continue;
		}
		if (first) {
			first = false;
			continue;
		}
		if (y + line > area.y + area.h / 2) {
			ui->overflows++;
			break;
		}
		snprintf(text, sizeof(text), "\xe2\x80\xa2 %s",
			 mck_i18n_reason(v->lang, (enum mck_reason)i));
		y += mck__ui_wrapped(ui, r, ui->font[F_REASON], text, ink,
				     (SDL_Rect){2 * ui->unit, y, area.w - 4 * ui->unit, 2 * line});
	}
	if (v->missing > 0 && y + line <= area.y + area.h / 2) {
		/* Which mandatory elements the credential lacks: ours to say, in alert ink. */
		int n = snprintf(text, sizeof(text),
				 "%s:", mck_i18n_text(v->lang, MCK_TEXT_LABEL_MISSING));

		for (size_t i = 0; i < v->missing && n > 0 && (size_t)n < sizeof(text); i++) {
			n += snprintf(text + n, sizeof(text) - (size_t)n, "%s %s",
				      i == 0 ? "" : ",",
				      mck_i18n_text(v->lang, v->missing_label[i]));
		}
		y += mck__ui_wrapped(ui, r, ui->font[F_REASON], text, alert,
				     (SDL_Rect){2 * ui->unit, y, area.w - 4 * ui->unit, 3 * line});
	}
	if (y == area.y + ui->unit / 2) {
		return area;
	}
	y += ui->unit / 2;
	return (SDL_Rect){area.x, y, area.w, area.y + area.h - y};
}

void mck_ui_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	int u = ui->unit;
	int label_line = TTF_FontLineSkip(ui->font[F_LABEL]);
	char status[512];
	char text[256];
	int bar_lines;
	int bar_h;
	enum mck_text fault;

	status_text(v, status, sizeof(status));
	/* The status bar takes more lines only when its text needs them. */
	int room = ui->width - 3 * u - language_button_width(ui, v->lang) - u / 2;
	int need = mck__ui_text_width(ui->font[F_LABEL], status);
	/* Words wrap whole, so a line holds less than its width: count 80% of it. */
	bar_lines = need <= room ? 1 : need <= room * 8 / 5 ? 2 : 3;
	bar_h = bar_lines * label_line + u;
	bar_h = bar_h < 4 * u ? 4 * u : bar_h; /* a touch target, not a hairline */
	SDL_Rect band = mck_ui_band_rect(ui);
	SDL_Rect bar = {0, ui->height - bar_h, ui->width, bar_h};
	SDL_Rect below = {0, band.h, ui->width, ui->height - band.h - bar_h};
	SDL_Rect content = {0, 0, ui->width, ui->height - bar_h};
	bool banded = true; /* the screen has a band: the picker stays below it */

	memset(&ui->hit_language, 0, sizeof(ui->hit_language));
	memset(&ui->hit_status, 0, sizeof(ui->hit_status));
	memset(ui->hit_pick, 0, sizeof(ui->hit_pick));
	memset(&ui->hit_start, 0, sizeof(ui->hit_start));
	memset(&ui->hit_finish, 0, sizeof(ui->hit_finish));
	memset(&ui->hit_cancel, 0, sizeof(ui->hit_cancel));
	memset(&ui->hit_done, 0, sizeof(ui->hit_done));
	memset(ui->hit_policy, 0, sizeof(ui->hit_policy));
	mck__ui_fill(r, (SDL_Rect){0, 0, ui->width, ui->height}, white);
	switch (v->screen) {
	case MCK_SCREEN_RESULT:
		mck__ui_band(ui, r, v, NULL);
		below = draw_notes(ui, r, v, below);
		if (v->has_credential) {
			draw_details(ui, r, v, below);
		} else {
			/* Nothing to show from the code: say what to do, large. */
			mck__ui_wrapped(ui, r, ui->font[F_TITLE],
					verdict_action(v->lang, v->verdict), ink,
					(SDL_Rect){2 * u, below.y + 2 * u, ui->width - 4 * u,
						   below.h - 4 * u});
		}
		below = (SDL_Rect){0, band.h, ui->width, ui->height - band.h - bar_h};
		break;
	case MCK_SCREEN_PROGRESS:
		/* Not a verdict: blue, and only the progress. */
		mck__ui_fill(r, band, picked);
		snprintf(text, sizeof(text), mck_i18n_text(v->lang, MCK_TEXT_CHUNK_PROGRESS),
			 v->chunk_have, v->chunk_total);
		mck__ui_wrapped(ui, r, ui->font[F_TITLE], text, white,
				(SDL_Rect){2 * u, u, band.w - 4 * u, band.h - 4 * u});
		/* One square per part: filled when read. */
		for (unsigned i = 0; i < v->chunk_total && i < 16; i++) {
			SDL_Rect sq = {2 * u + (int)i * 3 * u, band.h - 3 * u, 2 * u, 2 * u};

			mck__ui_fill(r, sq, white);
			if (i >= v->chunk_have) {
				mck__ui_fill(r, (SDL_Rect){sq.x + 3, sq.y + 3, sq.w - 6, sq.h - 6},
					     picked);
			}
		}
		draw_idle(ui, r, v, below);
		break;
	case MCK_SCREEN_ERROR:
		draw_error(ui, r, v, v->error, below);
		break;
	case MCK_SCREEN_OPERATOR:
		draw_operator(ui, r, v, content);
		banded = false;
		break;
	case MCK_SCREEN_SESSION:
		mck__ui_draw_session(ui, r, v, below);
		break;
	case MCK_SCREEN_DECISION:
		mck__ui_draw_decision(ui, r, v, below);
		break;
	case MCK_SCREEN_POLICIES:
		mck__ui_draw_policies(ui, r, v, content);
		banded = false;
		break;
	case MCK_SCREEN_IDLE:
	default:
		if (mck_view_fault(v, &fault)) {
			draw_error(ui, r, v, fault, below);
			break;
		}
		draw_idle(ui, r, v, content);
		banded = false;
		if (v->session.available) {
			mck__ui_draw_start(ui, r, v, content);
		}
		if (!v->status.clock_ok) {
			/* Scanning still works (dates against the trust list): a notice, no band. */
			int h = 2 * TTF_FontLineSkip(ui->font[F_REASON]);
			SDL_Rect box = {u, content.h - h - 2 * u, ui->width - 2 * u, h + u};

			mck__ui_fill(r, box, alert);
			mck__ui_fill(r, (SDL_Rect){box.x + 3, box.y + 3, box.w - 6, box.h - 6},
				     white);
			mck__ui_wrapped(ui, r, ui->font[F_REASON],
					mck_i18n_text(v->lang, MCK_TEXT_ERROR_CLOCK_UNSET), alert,
					(SDL_Rect){box.x + u, box.y + u / 2, box.w - 2 * u, h});
		}
		break;
	}
	if (v->picker) {
		draw_picker(ui, r, v, banded ? below : content);
	}
	draw_status(ui, r, v, status, bar);
}

bool mck_view_fault(const struct mck_view *v, enum mck_text *text)
{
	enum mck_text t;

	if (!v->status.have_trustlist) {
		t = MCK_TEXT_ERROR_TRUSTLIST_MISSING;
	} else if (!v->status.camera_ok) {
		t = MCK_TEXT_ERROR_NO_CAMERA;
	} else if (v->status.trustlist_expired) {
		t = MCK_TEXT_ERROR_TRUSTLIST_EXPIRED;
	} else {
		return false;
	}
	if (text != NULL) {
		*text = t;
	}
	return true;
}

static bool inside(SDL_Rect box, int x, int y)
{
	return box.w > 0 && box.h > 0 && x >= box.x && y >= box.y && x < box.x + box.w &&
	       y < box.y + box.h;
}

enum mck_ui_hit mck_ui_hit_test(const struct mck_ui *ui, int x, int y, enum mck_lang *pick)
{
	for (int i = 0; i < MCK_LANG_COUNT; i++) {
		if (inside(ui->hit_pick[i], x, y)) {
			if (pick != NULL) {
				*pick = (enum mck_lang)i;
			}
			return MCK_UI_HIT_PICK;
		}
	}
	if (inside(ui->hit_language, x, y)) {
		return MCK_UI_HIT_LANGUAGE;
	}
	if (inside(ui->hit_start, x, y)) {
		return MCK_UI_HIT_START;
	}
	if (inside(ui->hit_finish, x, y)) {
		return MCK_UI_HIT_FINISH;
	}
	if (inside(ui->hit_cancel, x, y)) {
		return MCK_UI_HIT_CANCEL;
	}
	if (inside(ui->hit_done, x, y)) {
		return MCK_UI_HIT_DONE;
	}
	if (mck_ui_policy_at(ui, x, y) >= 0) {
		return MCK_UI_HIT_POLICY;
	}
	if (inside(ui->hit_status, x, y)) {
		return MCK_UI_HIT_STATUS;
	}
	return MCK_UI_HIT_NONE;
}

int mck_ui_policy_at(const struct mck_ui *ui, int x, int y)
{
	for (int i = 0; i < MCK_VIEW_POLICIES; i++) {
		if (inside(ui->hit_policy[i], x, y)) {
			return i;
		}
	}
	return -1;
}

SDL_Rect mck_ui_hit_rect(const struct mck_ui *ui, enum mck_ui_hit what, int index)
{
	switch (what) {
	case MCK_UI_HIT_LANGUAGE:
		return ui->hit_language;
	case MCK_UI_HIT_STATUS:
		return ui->hit_status;
	case MCK_UI_HIT_START:
		return ui->hit_start;
	case MCK_UI_HIT_FINISH:
		return ui->hit_finish;
	case MCK_UI_HIT_CANCEL:
		return ui->hit_cancel;
	case MCK_UI_HIT_DONE:
		return ui->hit_done;
	case MCK_UI_HIT_POLICY:
		if (index >= 0 && index < MCK_VIEW_POLICIES) {
			return ui->hit_policy[index];
		}
		break;
	case MCK_UI_HIT_PICK:
		if (index >= 0 && index < MCK_LANG_COUNT) {
			return ui->hit_pick[index];
		}
		break;
	default:
		break;
	}
	return (SDL_Rect){0, 0, 0, 0};
}

void mck_view_clear_result(struct mck_view *v)
{
	struct mck_view_status status = v->status;
	struct mck_view_operator op = v->op;
	enum mck_lang lang = v->lang;
	struct mck_view_session policy = {0};

	/* The policy stays (the operator's); the credentials and totals go. */
	policy.available = v->session.available;
	policy.policies = v->session.policies;
	memcpy(policy.names, v->session.names, sizeof(policy.names));
	memcpy(policy.policy, v->session.policy, sizeof(policy.policy));
	policy.requirements = v->session.requirements;
	for (size_t i = 0; i < policy.requirements && i < MCK_VIEW_REQ; i++) {
		policy.req[i] = v->session.req[i];
		policy.req[i].have = 0;
		policy.req[i].met = false;
	}
	SDL_memset4(v, 0, sizeof(*v) / 4);
	memset(v, 0, sizeof(*v));
	v->status = status;
	v->op = op;
	v->lang = lang;
	v->session = policy;
}
