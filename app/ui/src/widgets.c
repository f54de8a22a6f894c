/*
 * The drawing toolkit's widgets: buttons, label/value rows, requirement rows,
 * the verdict band. Each verdict's colour, mark and words are chosen by name
 * (a switch with no default: a verdict the core adds fails the build here),
 * never by the core enum's numbering.
 */
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

SDL_Rect mck_ui_band_rect(const struct mck_ui *ui)
{
	int short_side = ui->width < ui->height ? ui->width : ui->height;
	int h = short_side * 30 / 100;

	return (SDL_Rect){0, 0, ui->width, h < ui->height * 28 / 100 ? h : ui->height * 28 / 100};
}

int mck__ui_button_height(const struct mck_ui *ui)
{
	return 2 * TTF_FontLineSkip(ui->font[F_BODY]) * 3 / 4 + ui->unit;
}

SDL_Rect mck__ui_button(struct mck_ui *ui, SDL_Renderer *r, const char *text, SDL_Color bg, int x,
			int y, int h, bool right_aligned)
{
	int u = ui->unit;
	int line = TTF_FontLineSkip(ui->font[F_BODY]);
	int w = mck__ui_text_width(ui->font[F_BODY], text) + 4 * u;
	SDL_Rect box = {right_aligned ? x - w : x, y, w, h};

	mck__ui_fill(r, box, bg);
	mck__ui_blit(r, ui->font[F_BODY], text, mck__ui_pal.white, box.x + 2 * u,
		     box.y + (h - line) / 2);
	return box;
}

void mck__ui_rows_begin(struct mck_ui_rows *w, struct mck_ui *ui, SDL_Renderer *r, SDL_Rect area,
			unsigned skip)
{
	w->ui = ui;
	w->r = r;
	w->area = area;
	w->y = area.y;
	w->skip = skip;
	w->hidden = 0;
}

void mck__ui_row(struct mck_ui_rows *w, const char *label, const char *value, SDL_Color c)
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
			mck__ui_blit(w->r, w->ui->font[F_LABEL], label, mck__ui_pal.muted,
				     w->area.x, w->y);
			w->y += label_line;
			room -= label_line;
		}
	} else {
		mck__ui_wrapped(
			w->ui, w->r, w->ui->font[F_LABEL], label, mck__ui_pal.muted,
			(SDL_Rect){w->area.x, w->y + line / 8, label_w - w->ui->unit, label_line});
	}
	w->y += mck__ui_wrapped(w->ui, w->r, w->ui->font[F_BODY], value, c,
				(SDL_Rect){w->area.x + label_w, w->y, w->area.w - label_w,
					   room < 3 * line ? room : 3 * line});
}

void mck__ui_more_below(struct mck_ui *ui, SDL_Renderer *r, SDL_Rect area)
{
	int u = ui->unit;
	int a = 2 * u;
	int x0 = area.x + area.w - 3 * u;
	int y0 = area.y + area.h - 2 * u;

	for (int i = 0; i < a / 2; i++) {
		mck__ui_fill(r, (SDL_Rect){x0 - a / 2 + i, y0 - a / 2 + i, a - 2 * i, 1},
			     mck__ui_pal.frame);
	}
}

/* A number as people write it: "5", "2.5". */
static void amount(double v, char *out, size_t cap)
{
	if (v == (double)(long long)v) {
		snprintf(out, cap, "%lld", (long long)v);
	} else {
		snprintf(out, cap, "%.1f", v);
	}
}

static enum mck_text need_text(enum mck_view_need kind)
{
	switch (kind) {
	case MCK_VIEW_NEED_ECTS:
		return MCK_TEXT_SESSION_HAVE_ECTS;
	case MCK_VIEW_NEED_HOURS:
		return MCK_TEXT_SESSION_HAVE_HOURS;
	case MCK_VIEW_NEED_COUNT:
		break;
	}
	return MCK_TEXT_SESSION_HAVE_COUNT;
}

/* "4 of 5 ECTS: 1 missing", or "2 of 1 credentials: met". */
static void progress(enum mck_lang lang, const struct mck_view_requirement *q, char *out,
		     size_t cap)
{
	char a[32];
	char b[32];
	char miss[64];
	char part[128];
	int n;

	/* "3 of 1 credentials" reads oddly: a met count shows what was asked */
	amount(q->kind == MCK_VIEW_NEED_COUNT && q->have > q->need ? q->need : q->have, a,
	       sizeof(a));
	amount(q->need, b, sizeof(b));
	snprintf(part, sizeof(part), mck_i18n_text(lang, need_text(q->kind)), a, b);
	n = snprintf(out, cap, "%s: ", part);
	if (n < 0 || (size_t)n >= cap) {
		return;
	}
	if (q->met) {
		snprintf(out + n, cap - (size_t)n, "%s", mck_i18n_text(lang, MCK_TEXT_SESSION_MET));
		return;
	}
	amount(q->need - q->have > 0 ? q->need - q->have : 0, miss, sizeof(miss));
	snprintf(out + n, cap - (size_t)n, mck_i18n_text(lang, MCK_TEXT_SESSION_MISSING), miss);
}

int mck__ui_requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 SDL_Rect area)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	int label_h = TTF_FontLineSkip(ui->font[F_BODY]);
	int note_h = TTF_FontLineSkip(ui->font[F_REASON]);
	int y = area.y;
	char text[256];

	for (size_t i = 0; i < s->requirements; i++) {
		const struct mck_view_requirement *q = &s->req[i];

		if (y + label_h + note_h > area.y + area.h) {
			ui->overflows++;
			break;
		}
		mck__ui_fill(r, (SDL_Rect){area.x, y + label_h / 4, u, label_h + note_h / 2},
			     q->met ? mck_ui_band_color(MCK_VERDICT_VALID) : mck__ui_pal.alert);
		mck__ui_wrapped(ui, r, ui->font[F_BODY], q->label, mck__ui_pal.ink,
				(SDL_Rect){area.x + 2 * u, y, area.w - 2 * u, label_h});
		progress(v->lang, q, text, sizeof(text));
		mck__ui_wrapped(ui, r, ui->font[F_REASON], text,
				q->met ? mck__ui_pal.muted : mck__ui_pal.alert,
				(SDL_Rect){area.x + 2 * u, y + label_h, area.w - 2 * u, note_h});
		y += label_h + note_h + u / 2;
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

/* The verdict's mark: a symbol-font glyph, or a letter of the band's font. */
static const char *verdict_mark(enum mck_verdict v, bool *symbol)
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

void mck__ui_band(struct mck_ui *ui, SDL_Renderer *r, enum mck_verdict verdict, enum mck_lang lang,
		  mck_reasons reasons, const char *line)
{
	SDL_Rect band = mck_ui_band_rect(ui);
	SDL_Color bg = mck_ui_band_color(verdict);
	SDL_Color fg = verdict == MCK_VERDICT_WARNING ? mck__ui_pal.ink : mck__ui_pal.white;
	bool symbol;
	const char *mark = verdict_mark(verdict, &symbol);
	int u = ui->unit;
	int x = 2 * u;
	int top = band.y + u + TTF_FontLineSkip(ui->font[F_BAND]);

	mck__ui_fill(r, band, bg);
	x += mck__ui_blit(r, ui->font[symbol ? F_SYMBOL : F_BAND], mark, fg, x, band.y + u) + u;
	mck__ui_blit(r, ui->font[F_BAND], mck__ui_verdict_word(lang, verdict), fg, x, band.y + u);
	if (line == NULL) {
		/* The first reason says what is wrong; with none, what the verdict means. */
		line = mck__ui_first_reason(lang, reasons);
		line = line != NULL ? line : mck__ui_verdict_action(lang, verdict);
	}
	mck__ui_wrapped(ui, r, ui->font[F_REASON], line, fg,
			(SDL_Rect){2 * u, top, band.w - 4 * u, band.y + band.h - top - u / 2});
}
