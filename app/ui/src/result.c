/*
 * A verification result: the verdict band (the kiosk's words only), the
 * further reasons and missing elements on white, then the credential's own
 * words on a framed, light area, captioned as such.
 */
#include <stdio.h>

#include "screens.h"

/* "Name (CC)"; either alone when the other is empty. */
static void body_and_country(char *buf, size_t cap, const char *body, const char *country)
{
	if (country[0] == '\0') {
		snprintf(buf, cap, "%s", body);
	} else {
		snprintf(buf, cap, "%s%s(%s)", body, body[0] != '\0' ? " " : "", country);
	}
}

static void draw_details(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 SDL_Rect area)
{
	const SDL_Color ink = mck__ui_pal.ink;
	const SDL_Color frame = mck__ui_pal.frame;
	enum mck_lang l = v->lang;
	int u = ui->unit;
	struct mck_ui_rows w;
	char buf[MCK_VIEW_TEXT + 64];

	mck__ui_fill(r, area, mck__ui_pal.paper);
	mck__ui_fill(r, (SDL_Rect){area.x, area.y, u / 2 > 2 ? u / 2 : 2, area.h}, frame);
	mck__ui_rows_begin(&w, ui, r,
			   (SDL_Rect){area.x + 2 * u, area.y + u, area.w - 6 * u, area.h - 2 * u},
			   v->scroll);
	mck__ui_blit(r, ui->font[F_LABEL], mck_i18n_text(l, MCK_TEXT_LABEL_FROM_CREDENTIAL), frame,
		     w.area.x, w.y);
	w.y += TTF_FontLineSkip(ui->font[F_LABEL]);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_LEARNER), v->learner, ink);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_TITLE), v->title, ink);
	body_and_country(buf, sizeof(buf), v->body, v->country);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_AWARDING_BODY), buf, ink);
	if (v->claimed) {
		/* What it calls itself, labelled as its wording, in the caption's colour. */
		body_and_country(buf, sizeof(buf), v->claimed_body, v->claimed_country);
		mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_CLAIMED_BODY), buf, frame);
	}
	snprintf(buf, sizeof(buf), "%s%s%s", v->issued, v->expires[0] ? "  \xe2\x80\x93  " : "",
		 v->expires);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_ISSUED), buf, ink);
	if (v->eqf_level > 0) {
		snprintf(buf, sizeof(buf), "%d", v->eqf_level);
		mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_EQF), buf, ink);
	}
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_WORKLOAD), v->workload, ink);
	for (size_t i = 0; i < v->outcomes; i++) {
		snprintf(buf, sizeof(buf), "\xe2\x80\xa2 %s", v->outcome[i]);
		mck__ui_row(&w, i == 0 ? mck_i18n_text(l, MCK_TEXT_LABEL_OUTCOMES) : "", buf, ink);
	}
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_ASSESSMENT), v->assessment, ink);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_PARTICIPATION), v->participation, ink);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_QUALITY), v->quality, ink);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_PREREQUISITES), v->prerequisites, ink);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_LABEL_GRADE), v->grade, ink);
	if (w.hidden > 0) {
		/* More below: scroll (arrow keys, touch) to read it. */
		mck__ui_more_below(ui, r, area);
	}
}

/*
 * Reasons after the first (the band shows that one) and the missing elements:
 * ours, so on white, above the credential's framed area. Returns what is left
 * of @p area.
 */
static SDL_Rect draw_notes(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   SDL_Rect area)
{
	int line = TTF_FontLineSkip(ui->font[F_REASON]);
	int y = area.y + ui->unit / 2;
	bool first = true;
	char text[512];

	for (unsigned i = 0; i < MCK_REASON_COUNT; i++) {
		if ((v->reasons & MCK_REASON_BIT(i)) == 0) {
			continue;
		}
		if (first) {
			first = false;
			continue;
		}
		if (y + line > area.y + area.h / 2) {
			ui->overflows++;
			break;
		}
		snprintf(text, sizeof(text), "\xe2\x80\xa2 %s",
			 mck_i18n_reason(v->lang, (enum mck_reason)i));
		y += mck__ui_wrapped(ui, r, ui->font[F_REASON], text, mck__ui_pal.ink,
				     (SDL_Rect){2 * ui->unit, y, area.w - 4 * ui->unit, 2 * line});
	}
	if (v->missing > 0 && y + line <= area.y + area.h / 2) {
		/* Which mandatory elements the credential lacks: ours to say, in alert ink. */
		int n = snprintf(text, sizeof(text),
				 "%s:", mck_i18n_text(v->lang, MCK_TEXT_LABEL_MISSING));

		for (size_t i = 0; i < v->missing && n > 0 && (size_t)n < sizeof(text); i++) {
			n += snprintf(text + n, sizeof(text) - (size_t)n, "%s %s",
				      i == 0 ? "" : ",",
				      mck_i18n_text(v->lang, v->missing_label[i]));
		}
		y += mck__ui_wrapped(ui, r, ui->font[F_REASON], text, mck__ui_pal.alert,
				     (SDL_Rect){2 * ui->unit, y, area.w - 4 * ui->unit, 3 * line});
	}
	if (y == area.y + ui->unit / 2) {
		return area;
	}
	y += ui->unit / 2;
	return (SDL_Rect){area.x, y, area.w, area.y + area.h - y};
}

void mck__ui_screen_result(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   const struct mck_ui_frame *f)
{
	int u = ui->unit;
	SDL_Rect below;

	mck__ui_band(ui, r, v->verdict, v->lang, v->reasons, NULL);
	below = draw_notes(ui, r, v, f->below);
	if (v->has_credential) {
		draw_details(ui, r, v, below);
	} else {
		/* Nothing to show from the code: say what to do, large. */
		mck__ui_wrapped(
			ui, r, ui->font[F_TITLE], mck__ui_verdict_action(v->lang, v->verdict),
			mck__ui_pal.ink,
			(SDL_Rect){2 * u, below.y + 2 * u, ui->width - 4 * u, below.h - 4 * u});
	}
}
