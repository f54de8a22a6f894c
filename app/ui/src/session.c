/*
 * A check in progress (docs/policy.md): the latest credential's verdict in
 * the band, each requirement's running total, the credentials shown. The band
 * is drawn from verdicts and the kiosk's own words only; credential text
 * (titles, awarding bodies) appears in the list below it, never inside it.
 */
#include <stdio.h>

#include "screens.h"

/*
 * The band of a check: blue until a credential is shown, then that credential's
 * verdict colour, mark and word, and whether it counts (with its first reason).
 */
static void session_band(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	const struct mck_view_session *s = &v->session;
	SDL_Rect band = mck_ui_band_rect(ui);
	int u = ui->unit;
	const struct mck_view_session_cred *last =
		s->latest_listed && s->creds > 0 ? &s->cred[s->creds - 1] : NULL;
	const char *reason = mck__ui_first_reason(v->lang, v->reasons);
	char line[512];

	if (!s->latest) {
		mck__ui_fill(r, band, mck__ui_pal.blue);
		mck__ui_wrapped(ui, r, ui->font[F_TITLE],
				mck_i18n_text(v->lang, s->full ? MCK_TEXT_SESSION_FULL
							       : MCK_TEXT_SESSION_PROMPT),
				mck__ui_pal.white,
				(SDL_Rect){2 * u, u, band.w - 4 * u, band.h - 2 * u});
		return;
	}
	if (last == NULL) {
		/* not listed (unreadable): only what went wrong */
		snprintf(line, sizeof(line), "%s", reason != NULL ? reason : "");
	} else {
		snprintf(line, sizeof(line), "%s%s%s",
			 mck_i18n_text(v->lang, last->duplicate ? MCK_TEXT_SESSION_DUPLICATE
						: last->counts  ? MCK_TEXT_SESSION_COUNTS
								: MCK_TEXT_SESSION_NOT_COUNTED),
			 reason != NULL ? " \xc2\xb7 " : "", reason != NULL ? reason : "");
	}
	mck__ui_band(ui, r, v->verdict, v->lang, v->reasons, line);
}

/* The marker of a listed credential: green when it counts, red when it is not genuine. */
static SDL_Color cred_marker(const struct mck_view_session_cred *c)
{
	if (c->counts) {
		return mck_ui_band_color(MCK_VERDICT_VALID);
	}
	switch (c->verdict) {
	case MCK_VERDICT_VALID:
	case MCK_VERDICT_WARNING:
		return mck__ui_pal.frame;
	case MCK_VERDICT_INVALID:
	case MCK_VERDICT_UNREADABLE:
	case MCK_VERDICT_UNUSABLE:
		break;
	}
	return mck__ui_pal.alert;
}

/* The credentials shown, newest last; the oldest give way when they do not all fit. */
static void credentials(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	int cap_h = TTF_FontLineSkip(ui->font[F_LABEL]);
	int title_h = TTF_FontLineSkip(ui->font[F_REASON]);
	int each = title_h + cap_h + u / 2;
	int y = area.y + cap_h + u / 2;
	size_t fit = area.h > cap_h + u ? (size_t)((area.h - cap_h - u) / each) : 0;
	size_t first = s->creds > fit ? s->creds - fit : 0;
	char text[320];

	mck__ui_fill(r, area, mck__ui_pal.paper);
	mck__ui_blit(r, ui->font[F_LABEL], mck_i18n_text(v->lang, MCK_TEXT_SESSION_CREDENTIALS),
		     mck__ui_pal.muted, area.x + u, area.y + u / 4);
	if (s->creds == 0) {
		mck__ui_blit(r, ui->font[F_REASON], mck_i18n_text(v->lang, MCK_TEXT_SESSION_NONE),
			     mck__ui_pal.muted, area.x + u, y);
		return;
	}
	for (size_t i = first; i < s->creds; i++) {
		const struct mck_view_session_cred *c = &s->cred[i];

		mck__ui_fill(r, (SDL_Rect){area.x + u / 2, y, u / 2, title_h + cap_h},
			     cred_marker(c));
		snprintf(text, sizeof(text), "%zu. %s", i + 1,
			 c->title[0] != '\0' ? c->title : "—");
		mck__ui_wrapped(ui, r, ui->font[F_REASON], text, mck__ui_pal.ink,
				(SDL_Rect){area.x + 3 * u / 2, y, area.w - 2 * u, title_h});
		/* the kiosk's words first: they must survive when the issuer is cut short */
		snprintf(text, sizeof(text), "%s \xc2\xb7 %s%s%s",
			 mck__ui_verdict_word(v->lang, c->verdict),
			 mck_i18n_text(v->lang, c->duplicate ? MCK_TEXT_SESSION_DUPLICATE
						: c->counts  ? MCK_TEXT_SESSION_COUNTS
							     : MCK_TEXT_SESSION_NOT_COUNTED),
			 c->issuer[0] != '\0' ? " \xc2\xb7 " : "", c->issuer);
		mck__ui_wrapped(ui, r, ui->font[F_LABEL], text, mck__ui_pal.muted,
				(SDL_Rect){area.x + 3 * u / 2, y + title_h, area.w - 2 * u, cap_h});
		y += each;
	}
}

/* Requirements left, credentials right (stacked on a portrait screen); buttons below. */
void mck__ui_screen_session(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			    const struct mck_ui_frame *f)
{
	SDL_Rect below = f->below;
	int u = ui->unit;
	int bh = mck__ui_button_height(ui);
	int name_h = TTF_FontLineSkip(ui->font[F_LABEL]);
	bool portrait = ui->width < ui->height;
	SDL_Rect body = {2 * u, below.y + u / 2 + name_h, ui->width - 4 * u,
			 below.h - bh - 2 * u - name_h};
	int by = below.y + below.h - bh - u / 2;

	session_band(ui, r, v);
	mck__ui_wrapped(ui, r, ui->font[F_LABEL], v->session.policy, mck__ui_pal.muted,
			(SDL_Rect){2 * u, below.y + u / 4, ui->width - 4 * u, name_h});
	if (portrait) {
		int used = mck__ui_requirements(ui, r, v, body);

		credentials(
			ui, r, v,
			(SDL_Rect){body.x, body.y + used + u / 2, body.w, body.h - used - u / 2});
	} else {
		mck__ui_requirements(ui, r, v,
				     (SDL_Rect){body.x, body.y, body.w * 55 / 100, body.h});
		credentials(
			ui, r, v,
			(SDL_Rect){body.x + body.w * 57 / 100, body.y, body.w * 43 / 100, body.h});
	}
	ui->hit[MCK_UI_HIT_CANCEL] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CANCEL),
			       mck__ui_pal.chip, 2 * u, by, bh, false);
	ui->hit[MCK_UI_HIT_FINISH] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_FINISH),
			       mck__ui_pal.blue, ui->width - 2 * u, by, bh, true);
}
