/* A stopping fault, full size under an "unusable" band: the kiosk cannot check now. */
#include "screens.h"

void mck__ui_screen_error(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  const struct mck_ui_frame *f)
{
	enum mck_text error = v->error;

	if (v->screen != MCK_SCREEN_ERROR) {
		mck_view_fault(v, &error); /* idle with a fault: the fault's sentence */
	}
	mck__ui_band(ui, r, MCK_VERDICT_UNUSABLE, v->lang, 0, NULL);
	mck__ui_wrapped(ui, r, ui->font[F_TITLE], mck_i18n_text(v->lang, error), mck__ui_pal.ink,
			(SDL_Rect){2 * ui->unit, f->below.y + 2 * ui->unit,
				   ui->width - 4 * ui->unit, f->below.h - 4 * ui->unit});
}
