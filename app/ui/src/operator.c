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

/*
 * "3 days ago": minutes under two hours, hours under two days, then days, so
 * that no language needs its singular; "" without an age (no trusted clock).
 */
static void age_words(enum mck_lang lang, long long age_s, char *out, size_t cap)
{
	out[0] = '\0';
	if (age_s < 0) {
		return;
	}
	if (age_s < 2 * 3600) {
		snprintf(out, cap, mck_i18n_text(lang, MCK_TEXT_AGE_MINUTES), age_s / 60);
	} else if (age_s < 2 * 86400) {
		snprintf(out, cap, mck_i18n_text(lang, MCK_TEXT_AGE_HOURS), age_s / 3600);
	} else {
		snprintf(out, cap, mck_i18n_text(lang, MCK_TEXT_AGE_DAYS), age_s / 86400);
	}
}

/* @p date, and " · 3 days ago" when there is an age. */
static void dated(enum mck_lang lang, const char *date, long long age_s, char *out, size_t cap)
{
	char age[64];

	age_words(lang, age_s, age, sizeof(age));
	snprintf(out, cap, "%s%s%s", date, age[0] != '\0' ? MCK_UI_SEP : "", age);
}

/* A moment of the update history: "2026-12-01 09:30 UTC · 3 days ago · network", or why not. */
static void moment(enum mck_lang lang, const struct mck_view_when *w, enum mck_view_via via,
		   char *out, size_t cap)
{
	char at[96];

	if (w->known != MCK_VIEW_KNOWN) {
		snprintf(out, cap, "%s",
			 mck_i18n_text(lang, w->known == MCK_VIEW_NEVER ? MCK_TEXT_FRESH_NEVER
									: MCK_TEXT_FRESH_UNKNOWN));
		return;
	}
	dated(lang, w->at, w->age_s, at, sizeof(at));
	snprintf(out, cap, "%s" MCK_UI_SEP "%s", at,
		 mck_i18n_text(lang, via == MCK_VIEW_VIA_STICK ? MCK_TEXT_FRESH_STICK
							       : MCK_TEXT_FRESH_NETWORK));
}

/*
 * How fresh the trust data is: the status lists' age and deadline, the last
 * update and the last attempt with why it failed (the record's words).
 */
static void freshness(struct mck_ui_list *l, const struct mck_view_status *s, enum mck_lang lang)
{
	const struct mck_view_fresh *f = &s->fresh;
	const SDL_Color ink = mck__ui_pal.ink;
	const SDL_Color alert = mck__ui_pal.alert;
	char when[160];
	char oldest[128];

	if (s->have_trustlist && f->status_lists == 0) {
		mck__ui_list_add(l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_STATUS_LISTS),
				 mck_i18n_text(lang, MCK_TEXT_FRESH_NO_LISTS), F_REASON, ink);
	} else if (s->have_trustlist) {
		/* its age, or without a trusted clock its date */
		age_words(lang, f->status.age_s, when, sizeof(when));
		snprintf(oldest, sizeof(oldest), mck_i18n_text(lang, MCK_TEXT_FRESH_OLDEST),
			 when[0] != '\0' ? when : f->status.at);
		mck__ui_list_printf(l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_STATUS_LISTS),
				    F_REASON, f->status_due > 0 ? alert : ink,
				    "%zu" MCK_UI_SEP "%s", f->status_lists, oldest);
		if (f->status_stale) {
			mck__ui_list_add(l, "", mck_i18n_text(lang, MCK_TEXT_STATUS_LISTS_STALE),
					 F_REASON, alert);
		} else if (f->status_due > 0) {
			mck__ui_list_printf(l, "", F_REASON, alert,
					    mck_i18n_text(lang, MCK_TEXT_STATUS_LISTS_DUE),
					    f->status_exp);
		}
	}
	moment(lang, &f->success, f->success_via, when, sizeof(when));
	/* (the list keeps pointers: what is formatted here is copied into it) */
	mck__ui_list_printf(l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_LAST_UPDATE), F_REASON,
			    f->success.known == MCK_VIEW_UNKNOWN ? alert : ink, "%s", when);
	moment(lang, &f->attempt, f->attempt_via, when, sizeof(when));
	if (f->attempt.known == MCK_VIEW_KNOWN) {
		mck__ui_list_printf(
			l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_LAST_ATTEMPT), F_REASON,
			f->attempt_failed ? alert : ink, "%s" MCK_UI_SEP "%s", when,
			mck_i18n_text(lang, f->attempt_failed ? MCK_TEXT_FRESH_FAILED
							      : MCK_TEXT_FRESH_SUCCEEDED));
	} else {
		mck__ui_list_printf(l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_LAST_ATTEMPT),
				    F_REASON, f->attempt.known == MCK_VIEW_UNKNOWN ? alert : ink,
				    "%s", when);
	}
	if (f->attempt_failed && f->cause[0] != '\0') {
		/* the record's own words (mcupdate's, in English), sanitised: what staff report */
		mck__ui_list_add(l, "", f->cause, F_REASON, alert);
	}
}

void mck__ui_screen_operator(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	static struct mck_ui_list l; /* the UI draws on one thread */
	const SDL_Color ink = mck__ui_pal.ink;
	const SDL_Color alert = mck__ui_pal.alert;
	const struct mck_view_status *s = &v->status;
	const struct mck_view_operator *o = &v->op;
	SDL_Rect area = f->content;
	enum mck_lang lang = v->lang;
	int u = ui->unit;
	const char *title = mck_i18n_text(lang, MCK_TEXT_OPERATOR_TITLE);
	const char *back = mck_i18n_text(lang, MCK_TEXT_OPERATOR_RETURN);
	int w = area.w - 4 * u;
	int title_h =
		mck__ui_lines(ui, F_TITLE, title, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, F_TITLE);
	int head = title_h + u;
	int hint = mck__ui_lines(ui, F_REASON, back, w, MCK_UI_WRAP_WORDS) *
		   mck__ui_skip(ui, F_REASON);
	char buf[256];
	int n;

	mck__ui_fill(r, (SDL_Rect){area.x, area.y, area.w, head}, mck__ui_pal.slate);
	mck__ui_wrapped(ui, r, F_TITLE, title, mck__ui_pal.white,
			(SDL_Rect){area.x + 2 * u, area.y + u / 2, w, title_h});
	mck__ui_list_init(&l);
	if (s->have_trustlist) {
		mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_TRUSTLIST), F_REASON,
				    ink, "#%lld", s->sequence);
		dated(lang, s->updated, s->fresh.trustlist.age_s, buf, sizeof(buf));
		mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_ISSUED), F_REASON,
				    ink, "%s", buf);
		mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_NEXT_UPDATE),
				 s->next_update, F_REASON,
				 s->trustlist_expired || s->due_soon ? alert : ink);
		mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_ISSUERS), F_REASON,
				    ink, "%zu", s->issuers);
	} else {
		mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_TRUSTLIST),
				 mck_i18n_text(lang, MCK_TEXT_ERROR_TRUSTLIST_MISSING), F_REASON,
				 alert);
	}
	freshness(&l, s, lang);
	mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_TIME), F_REASON,
			    s->clock_ok ? ink : alert, "%s" MCK_UI_SEP "%s", o->now,
			    mck_i18n_text(lang, s->clock_ok ? MCK_TEXT_STATUS_CLOCK_OK
							    : MCK_TEXT_STATUS_CLOCK_UNSET));
	if (!s->clock_ok) {
		/* what it means, for staff here rather than on the public idle screen */
		mck__ui_list_add(&l, "", mck_i18n_text(lang, MCK_TEXT_ERROR_CLOCK_UNSET), F_REASON,
				 alert);
	}
	mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_SOURCE), F_REASON,
			    s->camera_ok ? ink : alert, "%s" MCK_UI_SEP "%s", o->source,
			    mck_i18n_text(lang, s->camera_ok ? MCK_TEXT_STATUS_CAMERA_OK
							     : MCK_TEXT_STATUS_CAMERA_MISSING));
	if (!s->camera_ok && s->camera_why[0] != '\0') {
		/* the source's own words (GStreamer's, in English): what staff report */
		mck__ui_list_add(&l, "", s->camera_why, F_REASON, alert);
	}
	n = snprintf(buf, sizeof(buf), "%u", o->scans);
	for (size_t i = 0;
	     i < sizeof(counted) / sizeof(counted[0]) && n > 0 && (size_t)n < sizeof(buf); i++) {
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s%s %u",
			      i == 0 ? ": " : " \xc2\xb7 ", mck__ui_verdict_word(lang, counted[i]),
			      o->verdicts[counted[i]]);
	}
	mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_SCANS), F_REASON, ink, "%s",
			    buf);
	mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_UPTIME), F_REASON, ink,
			    "%lld h %02lld min", o->uptime_s / 3600, o->uptime_s / 60 % 60);
	mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_DISPLAY), F_REASON, ink,
			    "%d \xc3\x97 %d" MCK_UI_SEP "%.0f \xc3\x97 %.0f mm" MCK_UI_SEP "%s",
			    ui->width, ui->height, ui->width / ui->px_per_mm,
			    ui->height / ui->px_per_mm,
			    mck_i18n_text(lang, MCK_TEXT_LANGUAGE_NAME));
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_OPERATOR_SOFTWARE), o->software, F_REASON,
			 ink);
	/* Every fact whole; what does not fit scrolls, with a scroll bar. */
	mck__ui_list_draw(ui, r, &l,
			  (SDL_Rect){area.x + 2 * u, area.y + head + u / 2, area.w - 3 * u,
				     area.h - head - hint - u},
			  v->scroll);
	mck__ui_wrapped(ui, r, F_REASON, back, mck__ui_pal.muted,
			(SDL_Rect){area.x + 2 * u, area.y + area.h - hint - u / 4, w, hint});
}
