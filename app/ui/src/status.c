/*
 * The status bar (facts on the left: a touch opens the operator screen; the
 * language button on the right) and the language picker it opens.
 */
#include <stdio.h>

#include "screens.h"

void mck__ui_status_text(const struct mck_view *v, char *text, size_t cap)
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

/* The language button's width: the language's own name and a caret. */
static int language_button_width(const struct mck_ui *ui, enum mck_lang lang)
{
	return mck__ui_text_width(ui->font[F_LABEL], mck_i18n_text(lang, MCK_TEXT_LANGUAGE_NAME)) +
	       4 * ui->unit;
}

int mck__ui_status_height(const struct mck_ui *ui, const struct mck_view *v, const char *text)
{
	int u = ui->unit;
	int label_line = TTF_FontLineSkip(ui->font[F_LABEL]);
	int room = ui->width - 3 * u - language_button_width(ui, v->lang) - u / 2;
	int need = mck__ui_text_width(ui->font[F_LABEL], text);
	/* Words wrap whole, so a line holds less than its width: count 80% of it. */
	int lines = need <= room ? 1 : need <= room * 8 / 5 ? 2 : 3;
	int h = lines * label_line + u;

	return h < 4 * u ? 4 * u : h; /* a touch target, not a hairline */
}

void mck__ui_status_bar(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			const char *text, SDL_Rect bar)
{
	int u = ui->unit;
	int bw = language_button_width(ui, v->lang);
	SDL_Rect button = {bar.w - bw - u / 2, bar.y + u / 4, bw, bar.h - u / 2};
	int line = TTF_FontLineSkip(ui->font[F_LABEL]);

	mck__ui_fill(r, bar, mck__ui_pal.slate);
	mck__ui_fill(r, button, v->picker ? mck__ui_pal.blue : mck__ui_pal.chip);
	mck__ui_blit(r, ui->font[F_LABEL], mck_i18n_text(v->lang, MCK_TEXT_LANGUAGE_NAME),
		     mck__ui_pal.white, button.x + u, button.y + (button.h - line) / 2);
	/* A caret: the button opens a list. */
	for (int i = 0; i < u / 2 + 1; i++) {
		int y = button.y + button.h / 2 + (v->picker ? u / 4 - i : i - u / 4);
		mck__ui_fill(r, (SDL_Rect){button.x + button.w - 2 * u + i, y, u - 2 * i, 1},
			     mck__ui_pal.white);
	}
	ui->hit[MCK_UI_HIT_LANGUAGE] = button;
	ui->hit[MCK_UI_HIT_STATUS] = (SDL_Rect){0, bar.y, button.x, bar.h};
	mck__ui_wrapped(ui, r, ui->font[F_LABEL], text, mck__ui_pal.white,
			(SDL_Rect){u, bar.y + (bar.h - line * (bar.h / line)) / 2, button.x - 2 * u,
				   bar.h - u / 2});
}

/*
 * The language picker: each language by its own name, large enough to touch.
 * Drawn in @p area, which never includes the verdict band.
 */
void mck__ui_picker(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	int cols = area.w >= area.h ? 2 : 1;
	int rows = (MCK_LANG_COUNT + cols - 1) / cols;
	int line = TTF_FontLineSkip(ui->font[F_BODY]);
	int cw = (area.w - 2 * u - (cols - 1) * u) / cols;
	int ch = (area.h - 2 * u - (rows - 1) * (u / 2)) / rows;

	ch = ch > 3 * line ? 3 * line : ch;
	mck__ui_fill(r, area, mck__ui_pal.paper);
	for (int i = 0; i < MCK_LANG_COUNT; i++) {
		SDL_Rect cell = {area.x + u + (i % cols) * (cw + u),
				 area.y + u + (i / cols) * (ch + u / 2), cw, ch};
		bool current = (enum mck_lang)i == v->lang;
		const char *name = mck_i18n_text((enum mck_lang)i, MCK_TEXT_LANGUAGE_NAME);

		mck__ui_fill(r, cell, mck__ui_pal.frame);
		mck__ui_fill(r, (SDL_Rect){cell.x + 2, cell.y + 2, cell.w - 4, cell.h - 4},
			     current ? mck__ui_pal.blue : mck__ui_pal.white);
		mck__ui_wrapped(ui, r, ui->font[F_BODY], name,
				current ? mck__ui_pal.white : mck__ui_pal.ink,
				(SDL_Rect){cell.x + 2 * u, cell.y + (cell.h - line) / 2,
					   cell.w - 4 * u, line});
		ui->hit_pick[i] = cell;
	}
}
