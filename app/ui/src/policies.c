/* The operator's choice of check: a slate header (ours), one wide button each, Cancel. */
#include "screens.h"

void mck__ui_screen_policies(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	SDL_Rect area = f->content;
	int u = ui->unit;
	int title_h = TTF_FontLineSkip(ui->font[F_TITLE]);
	int line = TTF_FontLineSkip(ui->font[F_BODY]);
	int bh = mck__ui_button_height(ui);
	SDL_Rect head = {0, 0, area.w, title_h + 2 * u};
	int y = head.h + u;
	int cancel_y = area.y + area.h - bh - u / 2;

	mck__ui_fill(r, head, mck__ui_pal.slate);
	mck__ui_wrapped(ui, r, ui->font[F_TITLE], mck_i18n_text(v->lang, MCK_TEXT_SESSION_CHOOSE),
			mck__ui_pal.white, (SDL_Rect){2 * u, u, area.w - 4 * u, title_h});
	for (size_t i = 0; i < v->session.policies && i < MCK_VIEW_POLICIES; i++) {
		/* a long name takes two lines */
		int lines =
			mck__ui_text_width(ui->font[F_BODY], v->session.names[i]) > area.w - 8 * u
				? 2
				: 1;
		int h = lines == 1 ? bh : 2 * line + u;
		SDL_Rect b = {2 * u, y, area.w - 4 * u, h};

		if (y + h > cancel_y - u / 2) {
			ui->overflows++;
			break;
		}
		mck__ui_fill(r, b, mck__ui_pal.blue);
		mck__ui_wrapped(ui, r, ui->font[F_BODY], v->session.names[i], mck__ui_pal.white,
				(SDL_Rect){b.x + 2 * u, b.y + (h - lines * line) / 2, b.w - 4 * u,
					   lines * line});
		ui->hit_policy[i] = b;
		y += h + u / 2;
	}
	ui->hit[MCK_UI_HIT_CANCEL] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CANCEL),
			       mck__ui_pal.chip, 2 * u, cancel_y, bh, false);
}
