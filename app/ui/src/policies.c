/* The operator's choice of check: a slate header (ours), one wide button each, Cancel. */
#include "screens.h"

void mck__ui_screen_policies(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	SDL_Rect area = f->content;
	int u = ui->unit;
	const char *title = mck_i18n_text(v->lang, MCK_TEXT_SESSION_CHOOSE);
	int title_h = mck__ui_lines(ui, F_TITLE, title, area.w - 4 * u, MCK_UI_WRAP_WORDS) *
		      mck__ui_skip(ui, F_TITLE);
	int line = mck__ui_skip(ui, F_BODY);
	int bh = mck__ui_button_height(ui);
	SDL_Rect head = {0, 0, area.w, title_h + u};
	int y = head.h + u / 2;
	int cancel_y = area.y + area.h - bh - u / 2;

	mck__ui_fill(r, head, mck__ui_pal.slate);
	mck__ui_wrapped(ui, r, F_TITLE, title, mck__ui_pal.white,
			(SDL_Rect){2 * u, u / 2, area.w - 4 * u, title_h});
	for (size_t i = 0; i < v->session.policies && i < MCK_VIEW_POLICIES; i++) {
		/* a long name takes the lines it needs */
		int lines = mck__ui_lines(ui, F_BODY, v->session.names[i], area.w - 8 * u,
					  MCK_UI_WRAP_WORDS);
		int h = lines * line + u;
		SDL_Rect b = {2 * u, y, area.w - 4 * u, h};
		int parent;

		if (y + h > cancel_y - u / 2) {
			ui->overflows++; /* six at most: the layout must hold them */
			break;
		}
		mck__ui_fill(r, b, mck__ui_pal.blue);
		parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_BUTTON, b));
		mck__ui_wrapped(ui, r, F_BODY, v->session.names[i], mck__ui_pal.white,
				(SDL_Rect){b.x + 2 * u, b.y + u / 2, b.w - 4 * u, lines * line});
		mck__ui_parent(ui, parent);
		ui->hit_policy[i] = b;
		y += h + u / 2;
	}
	ui->hit[MCK_UI_HIT_CANCEL] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CANCEL),
			       mck__ui_pal.chip, 2 * u, cancel_y, bh, false);
}
