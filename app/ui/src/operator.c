/* The operator screen: ours only (slate header, no band), facts and counters. */
#include <stdio.h>

#include "screens.h"

/* The counters' order on screen, by name: not the core enum's numbering. */
static const enum mck_verdict counted[] = {
	MCK_VERDICT_VALID,      MCK_VERDICT_WARNING,  MCK_VERDICT_INVALID,
	MCK_VERDICT_UNREADABLE, MCK_VERDICT_UNUSABLE,
};
_Static_assert(MCK_VERDICT_VALID < MCK_VIEW_VERDICTS && MCK_VERDICT_WARNING < MCK_VIEW_VERDICTS &&
		       MCK_VERDICT_INVALID < MCK_VIEW_VERDICTS &&
		       MCK_VERDICT_UNREADABLE < MCK_VIEW_VERDICTS &&
		       MCK_VERDICT_UNUSABLE < MCK_VIEW_VERDICTS,
	       "every verdict has a counter in struct mck_view_operator");

void mck__ui_screen_operator(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	const SDL_Color ink = mck__ui_pal.ink;
	const SDL_Color alert = mck__ui_pal.alert;
	const struct mck_view_status *s = &v->status;
	const struct mck_view_operator *o = &v->op;
	SDL_Rect area = f->content;
	enum mck_lang l = v->lang;
	int u = ui->unit;
	int head = TTF_FontLineSkip(ui->font[F_TITLE]) + 2 * u;
	int hint = TTF_FontLineSkip(ui->font[F_REASON]) + u;
	struct mck_ui_rows w;
	char buf[256];
	int n;

	mck__ui_fill(r, (SDL_Rect){area.x, area.y, area.w, head}, mck__ui_pal.slate);
	mck__ui_wrapped(ui, r, ui->font[F_TITLE], mck_i18n_text(l, MCK_TEXT_OPERATOR_TITLE),
			mck__ui_pal.white,
			(SDL_Rect){area.x + 2 * u, area.y + u, area.w - 4 * u, head - u});
	mck__ui_rows_begin(&w, ui, r,
			   (SDL_Rect){area.x + 2 * u, area.y + head + u, area.w - 4 * u,
				      area.h - head - hint - 2 * u},
			   0);
	if (s->have_trustlist) {
		snprintf(buf, sizeof(buf), "#%lld", s->sequence);
		mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_TRUSTLIST), buf, ink);
		mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_ISSUED), s->updated, ink);
		mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_NEXT_UPDATE), s->next_update,
			    s->trustlist_expired ? alert : ink);
		snprintf(buf, sizeof(buf), "%zu", s->issuers);
		mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_ISSUERS), buf, ink);
	} else {
		mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_TRUSTLIST),
			    mck_i18n_text(l, MCK_TEXT_ERROR_TRUSTLIST_MISSING), alert);
	}
	snprintf(buf, sizeof(buf), "%s  \xc2\xb7  %s", o->now,
		 mck_i18n_text(l, s->clock_ok ? MCK_TEXT_STATUS_CLOCK_OK
					      : MCK_TEXT_STATUS_CLOCK_UNSET));
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_TIME), buf, s->clock_ok ? ink : alert);
	snprintf(buf, sizeof(buf), "%s  \xc2\xb7  %s", o->source,
		 mck_i18n_text(l, s->camera_ok ? MCK_TEXT_STATUS_CAMERA_OK
					       : MCK_TEXT_STATUS_CAMERA_MISSING));
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_SOURCE), buf,
		    s->camera_ok ? ink : alert);
	n = snprintf(buf, sizeof(buf), "%u", o->scans);
	for (size_t i = 0;
	     i < sizeof(counted) / sizeof(counted[0]) && n > 0 && (size_t)n < sizeof(buf); i++) {
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s%s %u",
			      i == 0 ? ": " : " \xc2\xb7 ", mck__ui_verdict_word(l, counted[i]),
			      o->verdicts[counted[i]]);
	}
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_SCANS), buf, ink);
	snprintf(buf, sizeof(buf), "%lld h %02lld min", o->uptime_s / 3600, o->uptime_s / 60 % 60);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_UPTIME), buf, ink);
	snprintf(buf, sizeof(buf), "%d \xc3\x97 %d  \xc2\xb7  %s", ui->width, ui->height,
		 mck_i18n_text(l, MCK_TEXT_LANGUAGE_NAME));
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_DISPLAY), buf, ink);
	mck__ui_row(&w, mck_i18n_text(l, MCK_TEXT_OPERATOR_SOFTWARE), o->software, ink);
	/* Every fact must be visible at once: a row that does not fit is an overflow. */
	ui->overflows += w.hidden;
	mck__ui_wrapped(ui, r, ui->font[F_REASON], mck_i18n_text(l, MCK_TEXT_OPERATOR_RETURN),
			mck__ui_pal.muted,
			(SDL_Rect){area.x + 2 * u, area.y + area.h - hint, area.w - 4 * u,
				   TTF_FontLineSkip(ui->font[F_REASON])});
}
