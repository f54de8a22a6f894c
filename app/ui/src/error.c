/* A stopping fault, full size under an "unusable" band: the kiosk cannot check now. */
#include "screens.h"

void mck__ui_screen_error(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  const struct mck_ui_frame *f)
{
	enum mck_text error = v->error;
	SDL_Rect below;
	int u = ui->unit;
	int w = ui->width - 4 * u;
	const char *text;
	enum mck_ui_role role = F_TITLE;
	int h;

	if (v->screen != MCK_SCREEN_ERROR) {
		mck_view_fault(v, &error); /* idle with a fault: the fault's sentence */
	}
	text = mck_i18n_text(v->lang, error);
	below = mck__ui_under(f, mck__ui_band(ui, r, MCK_VERDICT_UNUSABLE, v->lang, 0, NULL));
	h = mck__ui_lines(ui, role, text, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, role);
	if (h > below.h - 2 * u) {
		role = F_REASON; /* a long sentence on a small screen: smaller, whole */
		h = mck__ui_lines(ui, role, text, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, role);
	}
	mck__ui_wrapped(ui, r, role, text, mck__ui_pal.ink,
			(SDL_Rect){2 * u, below.y + u, w, h < below.h - u ? h : below.h - u});
}
