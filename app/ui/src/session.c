/*
 * The entry-requirements screens (docs/policy.md): a check in progress (the
 * latest credential's verdict in the band, each requirement's running total,
 * the credentials shown) and its decision with the reference code. The band is
 * drawn from verdicts and the kiosk's own words only; credential text (titles,
 * awarding bodies) appears in the list below it, never inside it.
 */
#include <stdio.h>
#include <string.h>

#include "render.h"

static const SDL_Color ink = MCK_UI_INK;
static const SDL_Color white = MCK_UI_WHITE;
static const SDL_Color paper = MCK_UI_PAPER;
static const SDL_Color frame = MCK_UI_FRAME;
static const SDL_Color muted = MCK_UI_MUTED;
static const SDL_Color alert = MCK_UI_ALERT;
static const SDL_Color chip = MCK_UI_CHIP;
static const SDL_Color prompt = MCK_UI_BLUE;
static const SDL_Color slate = MCK_UI_SLATE;

/* A number as people write it: "5", "2.5". */
static void amount(double v, char *out, size_t cap)
{
	if (v == (double)(long long)v) {
		snprintf(out, cap, "%lld", (long long)v);
	} else {
		snprintf(out, cap, "%.1f", v);
	}
}

/* "4 of 5 ECTS: 1 missing", or "2 of 1 credentials: met". */
static void progress(enum mck_lang lang, const struct mck_view_requirement *q, char *out,
		     size_t cap)
{
	static const enum mck_text have[] = {MCK_TEXT_SESSION_HAVE_COUNT,
					     MCK_TEXT_SESSION_HAVE_ECTS,
					     MCK_TEXT_SESSION_HAVE_HOURS};
	char a[32];
	char b[32];
	char miss[64];
	char part[128];
	int n;

	/* "3 of 1 credentials" reads oddly: a met count shows what was asked */
	amount(q->kind == 0 && q->have > q->need ? q->need : q->have, a, sizeof(a));
	amount(q->need, b, sizeof(b));
	snprintf(part, sizeof(part),
		 mck_i18n_text(lang, have[q->kind >= 0 && q->kind <= 2 ? q->kind : 0]), a, b);
	n = snprintf(out, cap, "%s: ", part);
	if (n < 0 || (size_t)n >= cap) {
		return;
	}
	if (q->met) {
		snprintf(out + n, cap - (size_t)n, "%s", mck_i18n_text(lang, MCK_TEXT_SESSION_MET));
		return;
	}
	amount(q->need - q->have > 0 ? q->need - q->have : 0, miss, sizeof(miss));
	snprintf(out + n, cap - (size_t)n, mck_i18n_text(lang, MCK_TEXT_SESSION_MISSING), miss);
}

/* A button: the kiosk's own words on a solid block, large enough for a finger. */
static SDL_Rect button(struct mck_ui *ui, SDL_Renderer *r, const char *text, SDL_Color bg, int x,
		       int y, int h, bool right_aligned)
{
	int u = ui->unit;
	int line = TTF_FontLineSkip(ui->font[F_BODY]);
	int w = mck__ui_text_width(ui->font[F_BODY], text) + 4 * u;
	SDL_Rect box = {right_aligned ? x - w : x, y, w, h};

	mck__ui_fill(r, box, bg);
	mck__ui_blit(r, ui->font[F_BODY], text, white, box.x + 2 * u, box.y + (h - line) / 2);
	return box;
}

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
		mck__ui_fill(r, band, prompt);
		mck__ui_wrapped(ui, r, ui->font[F_TITLE],
				mck_i18n_text(v->lang, s->full ? MCK_TEXT_SESSION_FULL
							       : MCK_TEXT_SESSION_PROMPT),
				white, (SDL_Rect){2 * u, u, band.w - 4 * u, band.h - 2 * u});
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
	mck__ui_band(ui, r, v, line);
}

/* Each requirement: a green or red marker, its label, its total. Returns the height used. */
static int requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	int label_h = TTF_FontLineSkip(ui->font[F_BODY]);
	int note_h = TTF_FontLineSkip(ui->font[F_REASON]);
	int y = area.y;
	char text[256];

	for (size_t i = 0; i < s->requirements; i++) {
		const struct mck_view_requirement *q = &s->req[i];

		if (y + label_h + note_h > area.y + area.h) {
			ui->overflows++;
			break;
		}
		mck__ui_fill(r, (SDL_Rect){area.x, y + label_h / 4, u, label_h + note_h / 2},
			     q->met ? mck_ui_band_color(MCK_VERDICT_VALID) : alert);
		mck__ui_wrapped(ui, r, ui->font[F_BODY], q->label, ink,
				(SDL_Rect){area.x + 2 * u, y, area.w - 2 * u, label_h});
		progress(v->lang, q, text, sizeof(text));
		mck__ui_wrapped(ui, r, ui->font[F_REASON], text, q->met ? muted : alert,
				(SDL_Rect){area.x + 2 * u, y + label_h, area.w - 2 * u, note_h});
		y += label_h + note_h + u / 2;
	}
	return y - area.y;
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

	mck__ui_fill(r, area, paper);
	mck__ui_blit(r, ui->font[F_LABEL], mck_i18n_text(v->lang, MCK_TEXT_SESSION_CREDENTIALS),
		     muted, area.x + u, area.y + u / 4);
	if (s->creds == 0) {
		mck__ui_blit(r, ui->font[F_REASON], mck_i18n_text(v->lang, MCK_TEXT_SESSION_NONE),
			     muted, area.x + u, y);
		return;
	}
	for (size_t i = first; i < s->creds; i++) {
		const struct mck_view_session_cred *c = &s->cred[i];
		SDL_Color mark = c->counts ? mck_ui_band_color(MCK_VERDICT_VALID)
				 : c->verdict >= MCK_VERDICT_INVALID ? alert
								     : frame;

		mck__ui_fill(r, (SDL_Rect){area.x + u / 2, y, u / 2, title_h + cap_h}, mark);
		snprintf(text, sizeof(text), "%zu. %s", i + 1,
			 c->title[0] != '\0' ? c->title : "—");
		mck__ui_wrapped(ui, r, ui->font[F_REASON], text, ink,
				(SDL_Rect){area.x + 3 * u / 2, y, area.w - 2 * u, title_h});
		/* the kiosk's words first: they must survive when the issuer is cut short */
		snprintf(text, sizeof(text), "%s \xc2\xb7 %s%s%s",
			 mck__ui_verdict_word(v->lang, c->verdict),
			 mck_i18n_text(v->lang, c->duplicate ? MCK_TEXT_SESSION_DUPLICATE
						: c->counts  ? MCK_TEXT_SESSION_COUNTS
							     : MCK_TEXT_SESSION_NOT_COUNTED),
			 c->issuer[0] != '\0' ? " \xc2\xb7 " : "", c->issuer);
		mck__ui_wrapped(ui, r, ui->font[F_LABEL], text, muted,
				(SDL_Rect){area.x + 3 * u / 2, y + title_h, area.w - 2 * u, cap_h});
		y += each;
	}
}

/* Requirements left, credentials right (stacked on a portrait screen); buttons below. */
void mck__ui_draw_session(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect below)
{
	int u = ui->unit;
	int bh = 2 * TTF_FontLineSkip(ui->font[F_BODY]) * 3 / 4 + u;
	int name_h = TTF_FontLineSkip(ui->font[F_LABEL]);
	bool portrait = ui->width < ui->height;
	SDL_Rect body = {2 * u, below.y + u / 2 + name_h, ui->width - 4 * u,
			 below.h - bh - 2 * u - name_h};
	int by = below.y + below.h - bh - u / 2;

	session_band(ui, r, v);
	mck__ui_wrapped(ui, r, ui->font[F_LABEL], v->session.policy, muted,
			(SDL_Rect){2 * u, below.y + u / 4, ui->width - 4 * u, name_h});
	if (portrait) {
		int used = requirements(ui, r, v, body);

		credentials(
			ui, r, v,
			(SDL_Rect){body.x, body.y + used + u / 2, body.w, body.h - used - u / 2});
	} else {
		requirements(ui, r, v, (SDL_Rect){body.x, body.y, body.w * 55 / 100, body.h});
		credentials(
			ui, r, v,
			(SDL_Rect){body.x + body.w * 57 / 100, body.y, body.w * 43 / 100, body.h});
	}
	ui->hit_cancel = button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CANCEL), chip, 2 * u,
				by, bh, false);
	ui->hit_finish = button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_FINISH), prompt,
				ui->width - 2 * u, by, bh, true);
}

/* The decision: met or not in the band, each requirement, the reference, Done. */
void mck__ui_draw_decision(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   SDL_Rect below)
{
	const struct mck_view_session *s = &v->session;
	SDL_Rect band = mck_ui_band_rect(ui);
	int u = ui->unit;
	int bh = 2 * TTF_FontLineSkip(ui->font[F_BODY]) * 3 / 4 + u;
	int title_h = TTF_FontLineSkip(ui->font[F_TITLE]);
	int note_h = TTF_FontLineSkip(ui->font[F_REASON]);
	int by = below.y + below.h - bh - u / 2;
	int y = below.y + u;
	char text[128];

	mck__ui_fill(r, band,
		     s->met ? mck_ui_band_color(MCK_VERDICT_VALID)
			    : mck_ui_band_color(MCK_VERDICT_INVALID));
	/* As large as a verdict when it fits on one line, else smaller and wrapped. */
	const char *word =
		mck_i18n_text(v->lang, s->met ? MCK_TEXT_DECISION_MET : MCK_TEXT_DECISION_NOT_MET);
	const char *mark = s->met ? "\xe2\x9c\x94" : "\xe2\x9c\x97";
	int mark_w = mck__ui_text_width(ui->font[F_SYMBOL], mark) + u;

	if (mark_w + mck__ui_text_width(ui->font[F_BAND], word) <= band.w - 4 * u) {
		mck__ui_blit(r, ui->font[F_SYMBOL], mark, white, 2 * u, band.y + u);
		mck__ui_blit(r, ui->font[F_BAND], word, white, 2 * u + mark_w,
			     band.y + (band.h - TTF_FontLineSkip(ui->font[F_BAND])) / 2);
	} else {
		mck__ui_wrapped(ui, r, ui->font[F_TITLE], word, white,
				(SDL_Rect){2 * u, u, band.w - 4 * u, band.h - 2 * u});
	}
	y += mck__ui_wrapped(ui, r, ui->font[F_REASON],
			     mck_i18n_text(v->lang, s->met ? MCK_TEXT_DECISION_NOTE_MET
							   : MCK_TEXT_DECISION_NOTE_NOT_MET),
			     ink, (SDL_Rect){2 * u, y, ui->width - 4 * u, 2 * note_h}) +
	     u / 2;
	if (s->learners_differ) {
		y += mck__ui_wrapped(ui, r, ui->font[F_REASON],
				     mck_i18n_text(v->lang, MCK_TEXT_DECISION_LEARNERS_DIFFER),
				     alert, (SDL_Rect){2 * u, y, ui->width - 4 * u, 2 * note_h}) +
		     u / 2;
	}
	y += requirements(ui, r, v, (SDL_Rect){2 * u, y, ui->width - 4 * u, by - y - title_h - u});
	snprintf(text, sizeof(text), "%s  %s", mck_i18n_text(v->lang, MCK_TEXT_DECISION_REFERENCE),
		 s->reference);
	mck__ui_blit(r, ui->font[F_TITLE], text, ink, 2 * u, by + (bh - title_h) / 2);
	ui->hit_done = button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_DONE), prompt,
			      ui->width - 2 * u, by, bh, true);
}

void mck__ui_draw_start(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	int bh = 2 * TTF_FontLineSkip(ui->font[F_BODY]) * 3 / 4 + u;
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
	if (mck__ui_text_width(ui->font[F_BODY], text) > area.w - 8 * u) {
		snprintf(text, sizeof(text), "%s", mck_i18n_text(v->lang, MCK_TEXT_SESSION_START));
	}
	ui->hit_start = button(ui, r, text, prompt, area.x + area.w - 2 * u,
			       area.y + area.h - bh - u, bh, true);
}

/* The operator's choice of check: a slate header (ours), one wide button each, Cancel. */
void mck__ui_draw_policies(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   SDL_Rect area)
{
	int u = ui->unit;
	int title_h = TTF_FontLineSkip(ui->font[F_TITLE]);
	int line = TTF_FontLineSkip(ui->font[F_BODY]);
	int bh = 2 * line * 3 / 4 + u;
	SDL_Rect head = {0, 0, area.w, title_h + 2 * u};
	int y = head.h + u;
	int cancel_y = area.y + area.h - bh - u / 2;

	mck__ui_fill(r, head, slate);
	mck__ui_wrapped(ui, r, ui->font[F_TITLE], mck_i18n_text(v->lang, MCK_TEXT_SESSION_CHOOSE),
			white, (SDL_Rect){2 * u, u, area.w - 4 * u, title_h});
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
		mck__ui_fill(r, b, prompt);
		mck__ui_wrapped(ui, r, ui->font[F_BODY], v->session.names[i], white,
				(SDL_Rect){b.x + 2 * u, b.y + (h - lines * line) / 2, b.w - 4 * u,
					   lines * line});
		ui->hit_policy[i] = b;
		y += h + u / 2;
	}
	ui->hit_cancel = button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CANCEL), chip, 2 * u,
				cancel_y, bh, false);
}
