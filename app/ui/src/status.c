/*
 * The status bar (facts on the left: a touch opens the operator screen; the
 * language button on the right) and the language picker it opens. The facts
 * are phrases: a line breaks between them, never inside one.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "screens.h"

/* Append " · " and a phrase formatted from @p fmt. */
static void phrase(char *text, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void phrase(char *text, size_t cap, const char *fmt, ...)
{
	size_t n = strlen(text);
	va_list ap;

	if (n > 0 && n + sizeof(MCK_UI_SEP) < cap) {
		memcpy(text + n, MCK_UI_SEP, sizeof(MCK_UI_SEP));
		n += sizeof(MCK_UI_SEP) - 1;
	}
	va_start(ap, fmt);
	vsnprintf(text + n, cap - n, fmt, ap);
	va_end(ap);
}

void mck__ui_status_text(const struct mck_view *v, char *text, size_t cap)
{
	const struct mck_view_status *s = &v->status;
	enum mck_lang l = v->lang;

	text[0] = '\0';
	if (!s->have_trustlist) {
		phrase(text, cap, "%s", mck_i18n_text(l, MCK_TEXT_ERROR_TRUSTLIST_MISSING));
		if (s->fresh.failed) {
			phrase(text, cap, "%s", mck_i18n_text(l, MCK_TEXT_STATUS_UPDATE_FAILED));
		}
		return;
	}
	phrase(text, cap, mck_i18n_text(l, MCK_TEXT_STATUS_TRUSTLIST), s->sequence, s->updated);
	if (s->due_soon) {
		/* staff see it days before the list goes stale */
		if (s->due_in_days >= 0) {
			phrase(text, cap, mck_i18n_text(l, MCK_TEXT_STATUS_DUE_SOON),
			       s->due_in_days);
		} else {
			phrase(text, cap, "%s", mck_i18n_text(l, MCK_TEXT_STATUS_OVERDUE));
		}
	}
	/* revocation lists going stale, and an update that failed: before the data is stale */
	if (s->fresh.status_stale) {
		phrase(text, cap, "%s", mck_i18n_text(l, MCK_TEXT_STATUS_LISTS_STALE));
	} else if (s->fresh.status_due > 0) {
		phrase(text, cap, mck_i18n_text(l, MCK_TEXT_STATUS_LISTS_DUE), s->fresh.status_exp);
	}
	if (s->fresh.failed) {
		phrase(text, cap, "%s", mck_i18n_text(l, MCK_TEXT_STATUS_UPDATE_FAILED));
	}
	phrase(text, cap, mck_i18n_text(l, MCK_TEXT_STATUS_ISSUERS), s->issuers);
	/* what is wrong, not what is fine (the operator screen says both): one line */
	if (!s->clock_ok) {
		phrase(text, cap, "%s", mck_i18n_text(l, MCK_TEXT_STATUS_CLOCK_UNSET));
	}
	if (!s->camera_ok) {
		phrase(text, cap, "%s", mck_i18n_text(l, MCK_TEXT_STATUS_CAMERA_MISSING));
	}
}

/* The language button's width: the language's own name and a caret. */
static int language_button_width(const struct mck_ui *ui, enum mck_lang lang)
{
	return mck__ui_text_width(ui, F_LABEL, mck_i18n_text(lang, MCK_TEXT_LANGUAGE_NAME)) +
	       4 * ui->unit;
}

/* The room the facts have: left of the language button. */
static int text_room(const struct mck_ui *ui, enum mck_lang lang)
{
	return ui->width - 3 * ui->unit - language_button_width(ui, lang) - ui->unit / 2;
}

/* Whether @p n bytes of @p p fit @p width on one line. */
static bool fits(const struct mck_ui *ui, const char *p, size_t n, int width)
{
	char piece[256];

	snprintf(piece, sizeof(piece), "%.*s", (int)n, p);
	return mck__ui_text_width(ui, F_LABEL, piece) <= width;
}

/* Every phrase of @p text, or failing that each of its clauses, fits @p width. */
static bool whole_at(const struct mck_ui *ui, const char *text, int width)
{
	size_t sep = strlen(MCK_UI_SEP);

	for (const char *p = text; *p != '\0';) {
		const char *end = strstr(p, MCK_UI_SEP);
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);

		if (!fits(ui, p, n, width)) {
			/* clause by clause: "Trust list #5," "updated 2026-11-08" */
			for (const char *c = p; c < p + n;) {
				const char *comma = strstr(c, ", ");
				size_t k = comma != NULL && comma < p + n ? (size_t)(comma - c) + 1
									  : (size_t)(p + n - c);

				if (!fits(ui, c, k, width)) {
					return false;
				}
				c += k;
				while (c < p + n && *c == ' ') {
					c++;
				}
			}
		}
		p += n;
		p += *p != '\0' ? sep : 0;
	}
	return true;
}

/*
 * Beside the language button when every phrase fits there whole; else
 * stacked: the button above, the facts across the whole width below it.
 */
struct bar_layout {
	bool stacked;
	int text_w;
	int lines;
	int button_h;
};

static void bar_layout(const struct mck_ui *ui, const struct mck_view *v, const char *text,
		       struct bar_layout *b)
{
	int u = ui->unit;

	b->stacked = !whole_at(ui, text, text_room(ui, v->lang));
	b->text_w = b->stacked ? ui->width - 2 * u : text_room(ui, v->lang);
	b->lines = mck__ui_lines(ui, F_LABEL, text, b->text_w, MCK_UI_WRAP_PHRASES);
	/* stacked, its target is the button and a quarter unit each side: 4 units, 9 mm down */
	b->button_h = (4 * u > ui->target_h ? 4 * u : ui->target_h) - u / 2;
}

int mck__ui_status_height(const struct mck_ui *ui, const struct mck_view *v, const char *text)
{
	int u = ui->unit;
	struct bar_layout b;
	int h;

	bar_layout(ui, v, text, &b);
	if (b.stacked) {
		return u / 4 + b.button_h + u / 4 + b.lines * mck__ui_skip(ui, F_LABEL) + u / 2;
	}
	h = b.lines * mck__ui_skip(ui, F_LABEL) + u;
	/* the language button's target is the bar's height: 9 mm down on the panel */
	h = h < ui->target_h ? ui->target_h : h;
	return h < 4 * u ? 4 * u : h; /* a touch target, not a hairline */
}

void mck__ui_status_bar(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			const char *text, SDL_Rect bar)
{
	int u = ui->unit;
	int bw = language_button_width(ui, v->lang);
	int line = mck__ui_skip(ui, F_LABEL);
	struct bar_layout b;
	SDL_Rect button;
	int ty;
	int parent;

	bar_layout(ui, v, text, &b);
	button = (SDL_Rect){bar.w - bw - u / 2, bar.y + u / 4, bw,
			    b.stacked ? b.button_h : bar.h - u / 2};
	ty = b.stacked ? button.y + button.h + u / 4 : bar.y + (bar.h - line * b.lines) / 2;
	mck__ui_fill(r, bar, mck__ui_pal.slate);
	mck__ui_fill(r, button, v->picker ? mck__ui_pal.blue : mck__ui_pal.chip);
	parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_BUTTON, button));
	mck__ui_blit(ui, r, F_LABEL, mck_i18n_text(v->lang, MCK_TEXT_LANGUAGE_NAME),
		     mck__ui_pal.white, button.x + u, button.y + (button.h - line) / 2);
	mck__ui_parent(ui, parent);
	/* A caret: the button opens a list. */
	for (int i = 0; i < u / 2 + 1; i++) {
		int y = button.y + button.h / 2 + (v->picker ? u / 4 - i : i - u / 4);
		mck__ui_fill(r, (SDL_Rect){button.x + button.w - 2 * u + i, y, u - 2 * i, 1},
			     mck__ui_pal.white);
	}
	/* the touch target: the button and the bar's margins around it, 4 units high at least
	 * (9 mm on the 7" panel: EN 301 549 5.5) */
	ui->hit[MCK_UI_HIT_LANGUAGE] =
		(SDL_Rect){button.x, bar.y, bar.w - button.x,
			   b.stacked ? button.y + button.h + u / 4 - bar.y : bar.h};
	ui->hit[MCK_UI_HIT_STATUS] =
		b.stacked ? (SDL_Rect){0, ty - u / 4, bar.w, bar.y + bar.h - (ty - u / 4)}
			  : (SDL_Rect){0, bar.y, button.x, bar.h};
	mck__ui_wrapped_as(ui, r, F_LABEL, text, mck__ui_pal.white,
			   (SDL_Rect){u, ty, b.text_w, line * b.lines}, MCK_UI_WRAP_PHRASES);
}

/*
 * The language picker: each language by its own name, large enough to touch.
 * Drawn in @p area, which never includes the verdict band; over the screen.
 */
void mck__ui_picker(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	int cols = area.w >= area.h ? 2 : 1;
	int rows = (MCK_LANG_COUNT + cols - 1) / cols;
	enum mck_ui_role role = F_BODY;
	int line = mck__ui_skip(ui, role);
	int cw = (area.w - 2 * u - (cols - 1) * u) / cols;
	int ch = (area.h - 2 * u - (rows - 1) * (u / 2)) / rows;
	int panel;

	/* large text: rows too low for a name take a third column, then the labels' size */
	while (ch < line + u / 2 && (cols < 3 || role == F_BODY)) {
		if (cols < 3) {
			cols++;
			rows = (MCK_LANG_COUNT + cols - 1) / cols;
			cw = (area.w - 2 * u - (cols - 1) * u) / cols;
			ch = (area.h - 2 * u - (rows - 1) * (u / 2)) / rows;
		} else {
			role = F_LABEL;
			line = mck__ui_skip(ui, role);
		}
	}
	ch = ch > 3 * line ? 3 * line : ch;

	ui->layer = 1;
	mck__ui_fill(r, area, mck__ui_pal.paper);
	panel = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_PANEL, area));
	for (int i = 0; i < MCK_LANG_COUNT; i++) {
		SDL_Rect cell = {area.x + u + (i % cols) * (cw + u),
				 area.y + u + (i / cols) * (ch + u / 2), cw, ch};
		bool current = (enum mck_lang)i == v->lang;
		const char *name = mck_i18n_text((enum mck_lang)i, MCK_TEXT_LANGUAGE_NAME);
		int parent;

		mck__ui_fill(r, cell, mck__ui_pal.frame);
		mck__ui_fill(r, (SDL_Rect){cell.x + 2, cell.y + 2, cell.w - 4, cell.h - 4},
			     current ? mck__ui_pal.blue : mck__ui_pal.white);
		parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_BUTTON, cell));
		mck__ui_wrapped(ui, r, role, name, current ? mck__ui_pal.white : mck__ui_pal.ink,
				(SDL_Rect){cell.x + 2 * u, cell.y + (cell.h - line) / 2,
					   cell.w - 4 * u, line});
		mck__ui_parent(ui, parent);
		ui->hit_pick[i] = cell;
	}
	mck__ui_parent(ui, panel);
	ui->layer = 0;
}
