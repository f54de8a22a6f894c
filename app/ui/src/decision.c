/* The decision of a check: met or not in the band, each requirement, the reference, Done. */
#include <stdio.h>

#include "screens.h"

void mck__ui_screen_decision(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	int w = ui->width - 4 * u;
	int bh = mck__ui_button_height(ui);
	int sb = mck__ui_scrollbar_width(ui);
	struct mck_ui_band b = {
		.bg = mck_ui_band_color(s->met ? MCK_VERDICT_VALID : MCK_VERDICT_INVALID),
		.fg = mck__ui_pal.white,
		.mark = s->met ? "\xe2\x9c\x94" : "\xe2\x9c\x97", /* always: ✔ or ✗ */
		.symbol = true,
		.word = mck_i18n_text(v->lang,
				      s->met ? MCK_TEXT_DECISION_MET : MCK_TEXT_DECISION_NOT_MET),
		.word_role = F_BAND,
		.line = mck_i18n_text(v->lang, s->met ? MCK_TEXT_DECISION_NOTE_MET
						      : MCK_TEXT_DECISION_NOTE_NOT_MET),
	};
	SDL_Rect below = mck__ui_under(f, mck__ui_band_draw(ui, r, &b));
	int by = below.y + below.h - bh - u / 2;
	int y = below.y + u / 2;
	size_t n = s->requirements < MCK_VIEW_REQ ? s->requirements : MCK_VIEW_REQ;
	size_t drawn = 0;
	SDL_Rect list;
	char text[128];

	if (s->learners_differ) {
		const char *t = mck_i18n_text(v->lang, MCK_TEXT_DECISION_LEARNERS_DIFFER);
		int h = mck__ui_lines(ui, F_REASON, t, w, MCK_UI_WRAP_WORDS) *
			mck__ui_skip(ui, F_REASON);

		y += mck__ui_wrapped(ui, r, F_REASON, t, mck__ui_pal.alert,
				     (SDL_Rect){2 * u, y, w, h}) +
		     u / 2;
	}
	/* the requirements; a bar says when some do not fit (the record has them all) */
	list = (SDL_Rect){2 * u, y, w, by - u / 2 - y};
	mck__ui_requirements(ui, NULL, v, list, 0, &drawn);
	if (drawn < n) {
		list.w -= sb;
		mck__ui_requirements(ui, r, v, list, 0, &drawn);
		mck__ui_scrollbar(ui, r, (SDL_Rect){list.x + list.w, list.y, sb, list.h}, 0,
				  (unsigned)drawn, (unsigned)n);
		ui->scrolled_out += (unsigned)(n - drawn);
	} else {
		mck__ui_requirements(ui, r, v, list, 0, &drawn);
	}
	ui->hit[MCK_UI_HIT_DONE] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_DONE),
			       mck__ui_pal.blue, ui->width - 2 * u, by, bh, true);
	snprintf(text, sizeof(text), "%s  %s", mck_i18n_text(v->lang, MCK_TEXT_DECISION_REFERENCE),
		 s->reference);
	{
		/* the reference whole, left of Done: smaller when it must be */
		int room = ui->hit[MCK_UI_HIT_DONE].x - 3 * u;
		enum mck_ui_role role =
			mck__ui_text_width(ui, F_TITLE, text) <= room ? F_TITLE : F_BODY;
		int lines = mck__ui_lines(ui, role, text, room, MCK_UI_WRAP_WORDS);
		int h = lines * mck__ui_skip(ui, role);

		mck__ui_wrapped(ui, r, role, text, mck__ui_pal.ink,
				(SDL_Rect){2 * u, by + (bh - h) / 2, room, h});
	}
}
