/*
 * The drawing toolkit's widgets: buttons, the scrolling list, requirement
 * rows, the verdict band. Each verdict's colour, mark and words are chosen by
 * name (a switch with no default: a verdict the core adds fails the build
 * here), never by the core enum's numbering.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "toolkit.h"

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
		break;
	}
	return (SDL_Color){120, 24, 24, 255}; /* unusable, and anything unknown: fail closed */
}

/* The band's least height: a fifth of the short side; its words may make it taller. */
static SDL_Rect least_band(const struct mck_ui *ui)
{
	int short_side = ui->width < ui->height ? ui->width : ui->height;

	return (SDL_Rect){0, 0, ui->width, short_side * 20 / 100};
}

SDL_Rect mck_ui_band_rect(const struct mck_ui *ui)
{
	return ui->band.h > 0 ? ui->band : least_band(ui);
}

SDL_Rect mck__ui_under(const struct mck_ui_frame *f, SDL_Rect band)
{
	int top = band.y + band.h;

	return (SDL_Rect){f->content.x, top, f->content.w, f->bar.y - top};
}

int mck__ui_button_height(const struct mck_ui *ui)
{
	int h = mck__ui_skip(ui, F_BODY) + ui->unit;

	return h < ui->target_h ? ui->target_h : h; /* 9 mm down on the panel */
}

/*
 * A button's words: the details' size; in large text, the labels' (bold, as
 * large as the details in normal text) when that would make the button wider
 * than half the screen, so that two still stand side by side.
 */
static enum mck_ui_role button_role(const struct mck_ui *ui, const char *text)
{
	if (!ui->large ||
	    mck__ui_text_width(ui, F_BODY, text) + 4 * ui->unit <= ui->width / 2 - 3 * ui->unit) {
		return F_BODY;
	}
	return F_LABEL;
}

int mck__ui_button_width(const struct mck_ui *ui, const char *text)
{
	bool ours = mck__ui_ours(ui, true); /* a button says the kiosk's words */
	int w = mck__ui_text_width(ui, button_role(ui, text), text) + 4 * ui->unit;

	mck__ui_ours(ui, ours);
	return w;
}

SDL_Rect mck__ui_button(struct mck_ui *ui, SDL_Renderer *r, const char *text, SDL_Color bg, int x,
			int y, int h, bool right_aligned)
{
	int u = ui->unit;
	bool ours = mck__ui_ours(ui, true);
	enum mck_ui_role role = button_role(ui, text);
	int line = mck__ui_skip(ui, role);
	int w = mck__ui_button_width(ui, text);
	SDL_Rect box = {right_aligned ? x - w : x, y, w, h};
	int before;

	mck__ui_fill(r, box, bg);
	before = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_BUTTON, box));
	mck__ui_blit(ui, r, role, text, mck__ui_pal.white, box.x + 2 * u, box.y + (h - line) / 2);
	mck__ui_parent(ui, before);
	mck__ui_ours(ui, ours);
	return box;
}

void mck__ui_list_init(struct mck_ui_list *l)
{
	l->rows = 0;
	l->paper = false;
	l->wide = false;
	l->ours = false;
	l->grounds = false;
	l->used = 0;
	l->text[0] = '\0';
}

void mck__ui_list_add(struct mck_ui_list *l, const char *label, const char *value,
		      enum mck_ui_role role, SDL_Color colour)
{
	if (value == NULL || value[0] == '\0' || l->rows >= MCK_UI_ROWS) {
		return;
	}
	l->row[l->rows++] = (struct mck_ui_row){
		label != NULL ? label : "", value, role, colour, l->paper, l->wide, l->ours};
}

void mck__ui_list_printf(struct mck_ui_list *l, const char *label, enum mck_ui_role role,
			 SDL_Color colour, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (l->used >= sizeof(l->text)) {
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(l->text + l->used, sizeof(l->text) - l->used, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(l->text) - l->used) {
		return; /* out of room: not shown half */
	}
	mck__ui_list_add(l, label, l->text + l->used, role, colour);
	l->used += (size_t)n + 1;
}

/* One line of a row, the list's unit of scrolling. */
struct unit {
	uint16_t row;
	uint16_t line; /* 0: the row's first (the label goes with it) */
	uint16_t off;  /* the line's bytes in the value */
	uint16_t len;
	int h;
};
#define UNITS 768

struct layout {
	bool side; /* labels beside the values */
	int width; /* of the rows (without the scroll bar) */
	int label_w;
	int value_x;
	int value_w;
	struct unit unit[UNITS];
	size_t units;
};

/* The lines of a row's label, beside or above its value. */
static int label_height(const struct mck_ui *ui, const struct layout *lay, const char *label,
			int width)
{
	bool ours;
	int h;

	if (label[0] == '\0') {
		return 0;
	}
	ours = mck__ui_ours(ui, true); /* labels are the kiosk's words */
	h = mck__ui_lines(ui, F_LABEL, label, lay->side ? lay->label_w - ui->unit : width,
			  MCK_UI_WRAP_WORDS) *
	    mck__ui_skip(ui, F_LABEL);
	mck__ui_ours(ui, ours);
	return h;
}

/* Every word of every label fits @p width: labels can stand beside the values unbroken. */
static bool labels_fit(const struct mck_ui *ui, const struct mck_ui_list *l, int width)
{
	char word[128];
	bool ours = mck__ui_ours(ui, true); /* labels are the kiosk's words */
	bool fit = true;

	for (size_t i = 0; i < l->rows && fit; i++) {
		for (const char *p = l->row[i].label; *p != '\0' && fit;) {
			size_t n = strcspn(p, " ");

			snprintf(word, sizeof(word), "%.*s", (int)n, p);
			fit = mck__ui_text_width(ui, F_LABEL, word) <= width;
			p += n;
			p += *p == ' ';
		}
	}
	mck__ui_ours(ui, ours);
	return fit;
}

static void measure(const struct mck_ui *ui, const struct mck_ui_list *l, int width,
		    struct layout *lay)
{
	int gap = ui->unit / 3;

	lay->side = ui->width >= 640 && labels_fit(ui, l, width * 30 / 100 - ui->unit);
	lay->width = width;
	lay->label_w = lay->side ? width * 30 / 100 : 0;
	lay->value_x = lay->label_w;
	lay->value_w = width - lay->label_w;
	lay->units = 0;
	for (size_t i = 0; i < l->rows; i++) {
		const struct mck_ui_row *row = &l->row[i];
		int skip = mck__ui_skip(ui, row->role);
		int lh = label_height(ui, lay, row->label, width);
		size_t first = lay->units;
		const char *p = row->value;

		mck__ui_ours(ui, row->ours);
		while (*p != '\0' && lay->units < UNITS) {
			const char *next;
			size_t fit = mck__ui_next_line(ui, row->role, p,
						       row->wide ? width : lay->value_w,
						       MCK_UI_WRAP_WORDS, &next);
			struct unit *u = &lay->unit[lay->units++];

			u->row = (uint16_t)i;
			u->line = (uint16_t)(lay->units - 1 - first);
			u->off = (uint16_t)(p - row->value);
			u->len = (uint16_t)fit;
			u->h = skip;
			p = next;
		}
		mck__ui_ours(ui, false);
		if (lay->units == first) {
			continue;
		}
		if (lay->side) {
			/* the label sits on the value's baseline: it may reach lower */
			int shift = TTF_FontAscent(ui->font[row->role]) -
				    TTF_FontAscent(ui->font[F_LABEL]);
			int have = (int)(lay->units - first) * skip;
			int need = lh > 0 ? shift + lh : 0;

			lay->unit[lay->units - 1].h += need > have ? need - have : 0;
		} else {
			lay->unit[first].h += lh;
		}
		lay->unit[lay->units - 1].h += gap;
	}
}

/* How far below a row's top its label reaches (beside the value, on its baseline). */
static int label_reach(const struct mck_ui *ui, const struct layout *lay,
		       const struct mck_ui_row *row)
{
	return TTF_FontAscent(ui->font[row->role]) - TTF_FontAscent(ui->font[F_LABEL]) +
	       label_height(ui, lay, row->label, lay->width);
}

int mck__ui_scrollbar_width(const struct mck_ui *ui)
{
	return 3 * ui->unit;
}

/* A triangle pointing up or down, @p w wide, its flat side at y. */
static void triangle(SDL_Renderer *r, int cx, int y, int w, bool up, SDL_Color c)
{
	for (int i = 0; i < w / 2; i++) {
		int yy = up ? y - i : y + i;

		mck__ui_fill(r, (SDL_Rect){cx - w / 2 + i, yy, w - 2 * i, 1}, c);
	}
}

void mck__ui_scrollbar(struct mck_ui *ui, SDL_Renderer *r, SDL_Rect strip, unsigned first,
		       unsigned shown, unsigned total)
{
	int u = ui->unit;
	int aw = strip.w - u / 2;
	int cx = strip.x + strip.w / 2;
	SDL_Rect track = {cx - u / 2, strip.y + aw / 2 + u / 2, u, strip.h - aw - u};
	SDL_Color off = mck__ui_pal.track;

	mck__ui_box(ui, MCK_UI_BOX_INDICATOR, strip);
	if (total == 0 || track.h <= 0) {
		return;
	}
	/* arrows: dark when there is more that way */
	triangle(r, cx, strip.y + aw / 2, aw, true, first > 0 ? mck__ui_pal.frame : off);
	triangle(r, cx, strip.y + strip.h - aw / 2, aw, false,
		 first + shown < total ? mck__ui_pal.frame : off);
	mck__ui_fill(r, track, off);
	{
		int th = (int)((long long)track.h * shown / total);
		int ty = track.y + (int)((long long)track.h * first / total);

		th = th < 2 * u ? 2 * u : th;
		ty = ty + th > track.y + track.h ? track.y + track.h - th : ty;
		mck__ui_fill(r, (SDL_Rect){track.x, ty, track.w, th}, mck__ui_pal.frame);
	}
}

unsigned mck__ui_list_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_ui_list *l,
			   SDL_Rect area, unsigned scroll)
{
	static struct layout lay; /* the UI draws on one thread */
	int total_h = 0;
	size_t first;
	size_t last_page = 0;
	int y = area.y;
	int reach = area.y; /* the lowest a label beside its value reached */
	size_t i;
	bool bar;

	measure(ui, l, area.w, &lay);
	for (i = 0; i < lay.units; i++) {
		total_h += lay.unit[i].h;
	}
	bar = total_h > area.h;
	if (bar) {
		/* the bar takes the right edge: measure again without it */
		measure(ui, l, area.w - mck__ui_scrollbar_width(ui), &lay);
	}
	/* the last page: as many lines from the end as fit */
	for (int h = 0; last_page < lay.units; last_page++) {
		h += lay.unit[lay.units - 1 - last_page].h;
		if (h > area.h) {
			break;
		}
	}
	last_page = lay.units - last_page;
	first = scroll < last_page ? scroll : last_page;
	for (i = first; i < lay.units && y + lay.unit[i].h <= area.y + area.h; i++) {
		const struct unit *u = &lay.unit[i];
		const struct mck_ui_row *row = &l->row[u->row];
		char line[1024];
		int vy = y;

		if (u->line == 0 && lay.side && row->label[0] != '\0' &&
		    y + label_reach(ui, &lay, row) > area.y + area.h) {
			break; /* its label would run out of the area: the row waits */
		}
		if (l->grounds && (i == first || u->line == 0)) {
			/*
			 * The row's ground, all its lines in view at once: a label beside the
			 * value may reach into the next line, which must not paint over it.
			 * Paper has the frame's bar on its left.
			 */
			SDL_Rect g = {l->fill_x, y, l->fill_w, 0};
			int edge = ui->unit / 2 > 2 ? ui->unit / 2 : 2;

			for (size_t j = i; j < lay.units && lay.unit[j].row == u->row &&
					   g.y + g.h + lay.unit[j].h <= area.y + area.h;
			     j++) {
				g.h += lay.unit[j].h;
			}

			mck__ui_fill(r, g, row->paper ? mck__ui_pal.paper : mck__ui_pal.white);
			if (row->paper) {
				mck__ui_fill(r, (SDL_Rect){g.x, g.y, edge, g.h}, mck__ui_pal.frame);
			}
		}

		if (u->line == 0 && row->label[0] != '\0') {
			int lh = label_height(ui, &lay, row->label, lay.width);
			bool ours = mck__ui_ours(ui, true);

			if (lay.side) {
				/* on the value's baseline */
				int ly = y + TTF_FontAscent(ui->font[row->role]) -
					 TTF_FontAscent(ui->font[F_LABEL]);

				mck__ui_wrapped(ui, r, F_LABEL, row->label, mck__ui_pal.muted,
						(SDL_Rect){area.x, ly, lay.label_w - ui->unit, lh});
				reach = ly + lh > reach ? ly + lh : reach;
			} else {
				mck__ui_wrapped(ui, r, F_LABEL, row->label, mck__ui_pal.muted,
						(SDL_Rect){area.x, y, lay.width, lh});
				vy += lh;
			}
			mck__ui_ours(ui, ours);
		}
		snprintf(line, sizeof(line), "%.*s", (int)u->len, row->value + u->off);
		mck__ui_ours(ui, row->ours);
		mck__ui_blit(ui, r, row->role, line, row->colour,
			     area.x + (row->wide ? 0 : lay.value_x), vy);
		mck__ui_ours(ui, false);
		y += u->h;
	}
	if (l->grounds && i > first && l->row[lay.unit[i - 1].row].paper) {
		/* the paper goes on to the bottom, below the labels (one may reach past its
		 * value's last line in view) */
		int edge = ui->unit / 2 > 2 ? ui->unit / 2 : 2;
		int top = reach > y ? reach : y;
		SDL_Rect g = {l->fill_x, top, l->fill_w, area.y + area.h - top};

		mck__ui_fill(r, g, mck__ui_pal.paper);
		mck__ui_fill(r, (SDL_Rect){g.x, g.y, edge, g.h}, mck__ui_pal.frame);
	}
	if (bar) {
		int sw = mck__ui_scrollbar_width(ui);

		mck__ui_scrollbar(ui, r, (SDL_Rect){area.x + area.w - sw, area.y, sw, area.h},
				  (unsigned)first, (unsigned)(i - first), (unsigned)lay.units);
	}
	ui->scrolled_out += (unsigned)(lay.units - (i - first));
	return (unsigned)(lay.units - (i - first));
}

int mck__ui_requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 SDL_Rect area, size_t first, size_t *drawn)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	int label_h = mck__ui_skip(ui, F_REASON);
	int note_h = mck__ui_skip(ui, F_LABEL);
	int w = area.w - 2 * u;
	int y = area.y;
	size_t n = 0;
	char text[256];

	for (size_t i = first; i < s->requirements && i < MCK_VIEW_REQ; i++) {
		const struct mck_view_requirement *q = &s->req[i];
		int lh;
		int nh;

		mck_view_requirement_text(v->lang, q, text, sizeof(text));
		lh = mck__ui_lines(ui, F_REASON, q->label, w, MCK_UI_WRAP_WORDS) * label_h;
		nh = mck__ui_lines(ui, F_LABEL, text, w, MCK_UI_WRAP_WORDS) * note_h;
		if (y + lh + nh > area.y + area.h) {
			break;
		}
		if (r == NULL) {
			y += lh + nh + u / 2; /* measuring */
			n++;
			continue;
		}
		{
			SDL_Rect m = {area.x, y + label_h / 5, u, lh + nh - label_h / 3};

			mck__ui_fill(r, m,
				     q->met ? mck_ui_band_color(MCK_VERDICT_VALID)
					    : mck__ui_pal.alert);
			mck__ui_box(ui, MCK_UI_BOX_MARKER, m);
		}
		mck__ui_wrapped(ui, r, F_REASON, q->label, mck__ui_pal.ink,
				(SDL_Rect){area.x + 2 * u, y, w, lh});
		mck__ui_wrapped(ui, r, F_LABEL, text,
				q->met ? mck__ui_pal.muted : mck__ui_pal.alert,
				(SDL_Rect){area.x + 2 * u, y + lh, w, nh});
		y += lh + nh + u / 2;
		n++;
	}
	if (drawn != NULL) {
		*drawn = n;
	}
	return y - area.y;
}

const char *mck__ui_verdict_word(enum mck_lang lang, enum mck_verdict v)
{
	enum mck_text t = MCK_TEXT_VERDICT_UNUSABLE;

	switch (v) {
	case MCK_VERDICT_VALID:
		t = MCK_TEXT_VERDICT_VALID;
		break;
	case MCK_VERDICT_WARNING:
		t = MCK_TEXT_VERDICT_WARNING;
		break;
	case MCK_VERDICT_INVALID:
		t = MCK_TEXT_VERDICT_INVALID;
		break;
	case MCK_VERDICT_UNREADABLE:
		t = MCK_TEXT_VERDICT_UNREADABLE;
		break;
	case MCK_VERDICT_UNUSABLE:
		break;
	}
	return mck_i18n_text(lang, t);
}

const char *mck__ui_verdict_action(enum mck_lang lang, enum mck_verdict v)
{
	enum mck_text t = MCK_TEXT_ACTION_UNUSABLE;

	switch (v) {
	case MCK_VERDICT_VALID:
		t = MCK_TEXT_ACTION_VALID;
		break;
	case MCK_VERDICT_WARNING:
		t = MCK_TEXT_ACTION_WARNING;
		break;
	case MCK_VERDICT_INVALID:
		t = MCK_TEXT_ACTION_INVALID;
		break;
	case MCK_VERDICT_UNREADABLE:
		t = MCK_TEXT_ACTION_UNREADABLE;
		break;
	case MCK_VERDICT_UNUSABLE:
		break;
	}
	return mck_i18n_text(lang, t);
}

const char *mck__ui_first_reason(enum mck_lang lang, mck_reasons reasons)
{
	for (unsigned i = 0; i < MCK_REASON_COUNT; i++) {
		if (reasons & MCK_REASON_BIT(i)) {
			return mck_i18n_reason(lang, (enum mck_reason)i);
		}
	}
	return NULL;
}

const char *mck__ui_verdict_mark(enum mck_verdict v, bool *symbol)
{
	*symbol = true;
	switch (v) {
	case MCK_VERDICT_VALID:
		return "\xe2\x9c\x94"; /* ✔ */
	case MCK_VERDICT_WARNING:
		*symbol = false;
		return "!";
	case MCK_VERDICT_UNREADABLE:
		*symbol = false;
		return "?";
	case MCK_VERDICT_INVALID:
	case MCK_VERDICT_UNUSABLE:
		break;
	}
	return "\xe2\x9c\x97"; /* ✗ */
}

SDL_Rect mck__ui_band_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_ui_band *b)
{
	bool ours =
		mck__ui_ours(ui, true); /* the band says the kiosk's words, never a credential's */
	SDL_Rect band = least_band(ui);
	int u = ui->unit;
	int x = 2 * u;
	int room = band.w - 4 * u;
	enum mck_ui_role mark_role = b->symbol ? F_SYMBOL : F_BAND;
	int mark_w = b->mark != NULL ? mck__ui_text_width(ui, mark_role, b->mark) + u : 0;
	int word_skip = mck__ui_skip(ui, b->word_role);
	int word_lines = mck__ui_lines(ui, b->word_role, b->word, room - mark_w, MCK_UI_WRAP_WORDS);
	int word_h = word_lines * word_skip;
	int mark_y = u;
	int bottom = u + word_h; /* of the mark and the word */
	int line_y;
	int line_h = 0;
	enum mck_ui_role line_role = F_REASON;
	int parent;

	if (b->mark != NULL) {
		/* the mark's ink centred on the first line's capitals */
		int caps =
			u + TTF_FontAscent(ui->font[b->word_role]) - ui->cap_px[b->word_role] / 2;
		SDL_Rect ink = mck__ui_ink(ui, mark_role, b->mark, x, 0);

		mark_y = caps - (ink.y + ink.h / 2);
		mark_y = mark_y < u / 2 ? u / 2 : mark_y;
		ink = mck__ui_ink(ui, mark_role, b->mark, x, mark_y);
		bottom = bottom > ink.y + ink.h ? bottom : ink.y + ink.h;
	}
	/* the line keeps clear of the mark: a gap of half the grid at least */
	line_y = bottom + u / 2;
	if (b->line != NULL && b->line[0] != '\0') {
		int lines = mck__ui_lines(ui, F_REASON, b->line, room, MCK_UI_WRAP_WORDS);

		/* large text: a line of three or more in the labels' size (bold, still larger
		 * than normal text's), so that the band leaves room below it */
		if (ui->large && lines > 2) {
			line_role = F_LABEL;
			lines = mck__ui_lines(ui, line_role, b->line, room, MCK_UI_WRAP_WORDS);
		}
		line_h = lines * mck__ui_skip(ui, line_role);
	}
	{
		int need = line_y + line_h + u / 2 + b->foot;

		band.h = need > band.h ? need : band.h;
	}
	mck__ui_fill(r, band, b->bg);
	parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_BAND, band));
	if (b->mark != NULL) {
		mck__ui_blit(ui, r, mark_role, b->mark, b->fg, x, mark_y);
	}
	mck__ui_wrapped(ui, r, b->word_role, b->word, b->fg,
			(SDL_Rect){x + mark_w, u, room - mark_w, word_h});
	if (line_h > 0) {
		mck__ui_wrapped(ui, r, line_role, b->line, b->fg,
				(SDL_Rect){x, line_y, room, line_h});
	}
	mck__ui_parent(ui, parent);
	mck__ui_ours(ui, ours);
	ui->band = band;
	return band;
}

SDL_Rect mck__ui_band(struct mck_ui *ui, SDL_Renderer *r, enum mck_verdict verdict,
		      enum mck_lang lang, mck_reasons reasons, const char *line)
{
	struct mck_ui_band b = {
		.bg = mck_ui_band_color(verdict),
		.fg = verdict == MCK_VERDICT_WARNING ? mck__ui_pal.ink : mck__ui_pal.white,
		.word = mck__ui_verdict_word(lang, verdict),
		.word_role = F_BAND,
		.line = line,
	};

	b.mark = mck__ui_verdict_mark(verdict, &b.symbol);
	if (b.line == NULL) {
		/* The first reason says what is wrong; with none, what the verdict means. */
		b.line = mck__ui_first_reason(lang, reasons);
		b.line = b.line != NULL ? b.line : mck__ui_verdict_action(lang, verdict);
	}
	return mck__ui_band_draw(ui, r, &b);
}
