/* The decision of a check: met or not in the band, each requirement, the reference, Done. */
#include <stdio.h>

#include "screens.h"

void mck__ui_screen_decision(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	const struct mck_view_session *s = &v->session;
	SDL_Rect below = f->below;
	SDL_Rect band = mck_ui_band_rect(ui);
	int u = ui->unit;
	int bh = mck__ui_button_height(ui);
	int title_h = TTF_FontLineSkip(ui->font[F_TITLE]);
	int note_h = TTF_FontLineSkip(ui->font[F_REASON]);
	int by = below.y + below.h - bh - u / 2;
	int y = below.y + u;
	char text[128];

	mck__ui_fill(r, band,
		     s->met ? mck_ui_band_color(MCK_VERDICT_VALID)
			    : mck_ui_band_color(MCK_VERDICT_INVALID));
	/* As large as a verdict when it fits on one line, else smaller and wrapped. */
	const char *word =
		mck_i18n_text(v->lang, s->met ? MCK_TEXT_DECISION_MET : MCK_TEXT_DECISION_NOT_MET);
	const char *mark = s->met ? "\xe2\x9c\x94" : "\xe2\x9c\x97";
	int mark_w = mck__ui_text_width(ui->font[F_SYMBOL], mark) + u;

	if (mark_w + mck__ui_text_width(ui->font[F_BAND], word) <= band.w - 4 * u) {
		mck__ui_blit(r, ui->font[F_SYMBOL], mark, mck__ui_pal.white, 2 * u, band.y + u);
		mck__ui_blit(r, ui->font[F_BAND], word, mck__ui_pal.white, 2 * u + mark_w,
			     band.y + (band.h - TTF_FontLineSkip(ui->font[F_BAND])) / 2);
	} else {
		mck__ui_wrapped(ui, r, ui->font[F_TITLE], word, mck__ui_pal.white,
				(SDL_Rect){2 * u, u, band.w - 4 * u, band.h - 2 * u});
	}
	y += mck__ui_wrapped(ui, r, ui->font[F_REASON],
			     mck_i18n_text(v->lang, s->met ? MCK_TEXT_DECISION_NOTE_MET
							   : MCK_TEXT_DECISION_NOTE_NOT_MET),
			     mck__ui_pal.ink, (SDL_Rect){2 * u, y, ui->width - 4 * u, 2 * note_h}) +
	     u / 2;
	if (s->learners_differ) {
		y += mck__ui_wrapped(ui, r, ui->font[F_REASON],
				     mck_i18n_text(v->lang, MCK_TEXT_DECISION_LEARNERS_DIFFER),
				     mck__ui_pal.alert,
				     (SDL_Rect){2 * u, y, ui->width - 4 * u, 2 * note_h}) +
		     u / 2;
	}
	y += mck__ui_requirements(ui, r, v,
				  (SDL_Rect){2 * u, y, ui->width - 4 * u, by - y - title_h - u});
	snprintf(text, sizeof(text), "%s  %s", mck_i18n_text(v->lang, MCK_TEXT_DECISION_REFERENCE),
		 s->reference);
	mck__ui_blit(r, ui->font[F_TITLE], text, mck__ui_pal.ink, 2 * u, by + (bh - title_h) / 2);
	ui->hit[MCK_UI_HIT_DONE] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_DONE),
			       mck__ui_pal.blue, ui->width - 2 * u, by, bh, true);
}
