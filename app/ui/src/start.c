/* Idle with a policy: the button that starts an entry-requirements check. */
#include <stdio.h>

#include "screens.h"

int mck__ui_start_height(const struct mck_ui *ui)
{
	return mck__ui_button_height(ui) + ui->unit;
}

void mck__ui_start_button(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect area)
{
	int u = ui->unit;
	int bh = mck__ui_button_height(ui);
	char text[200];

	/* one policy: its name on the button; several: the picker says them */
	if (v->session.policies > 1) {
		snprintf(text, sizeof(text), "%s\xe2\x80\xa6",
			 mck_i18n_text(v->lang, MCK_TEXT_SESSION_START));
	} else {
		snprintf(text, sizeof(text), "%s: %s",
			 mck_i18n_text(v->lang, MCK_TEXT_SESSION_START), v->session.policy);
	}
	/* the policy's name may be long: the button keeps to the screen */
	if (mck__ui_button_width(ui, text) > area.w - 4 * u) {
		snprintf(text, sizeof(text), "%s", mck_i18n_text(v->lang, MCK_TEXT_SESSION_START));
	}
	ui->hit[MCK_UI_HIT_START] = mck__ui_button(ui, r, text, mck__ui_pal.blue,
						   area.x + area.w - 2 * u, area.y, bh, true);
}
