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
static SDL_Rect session_band(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v)
{
	const struct mck_view_session *s = &v->session;
	const struct mck_view_session_cred *last =
		s->latest_listed && s->creds > 0 ? &s->cred[s->creds - 1] : NULL;
	const char *reason = mck__ui_first_reason(v->lang, v->reasons);
	char line[512];

	if (!s->latest) {
		struct mck_ui_band b = {
			.bg = mck__ui_pal.blue,
			.fg = mck__ui_pal.white,
			.word = mck_i18n_text(v->lang, s->full ? MCK_TEXT_SESSION_FULL
							       : MCK_TEXT_SESSION_PROMPT),
			.word_role = F_TITLE,
		};
		return mck__ui_band_draw(ui, r, &b);
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
	return mck__ui_band(ui, r, v->verdict, v->lang, v->reasons, line);
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

/* One listed credential's lines: title; verdict and what it added; whose; by whom. */
struct cred_text {
	char title[160];
	char how[320];
	char who[256];
	const char *other; /* another person's name: check identity */
};

static void cred_text(const struct mck_view *v, size_t i, struct cred_text *t)
{
	const struct mck_view_session_cred *c = &v->session.cred[i];
	const char *how =
		c->explain[0] != '\0'
			? c->explain
			: mck_i18n_text(v->lang, c->duplicate ? MCK_TEXT_SESSION_DUPLICATE
						 : c->counts  ? MCK_TEXT_SESSION_COUNTS
							      : MCK_TEXT_SESSION_NOT_COUNTED);

	snprintf(t->title, sizeof(t->title), "%zu. %s", i + 1,
		 c->title[0] != '\0' ? c->title : "\xe2\x80\x94");
	/* the kiosk's words first */
	snprintf(t->how, sizeof(t->how), "%s" MCK_UI_SEP "%s",
		 mck__ui_verdict_word(v->lang, c->verdict), how);
	snprintf(t->who, sizeof(t->who), "%s%s%s", c->learner,
		 c->learner[0] != '\0' && c->issuer[0] != '\0' ? MCK_UI_SEP : "", c->issuer);
	t->other = c->other_person ? mck_i18n_text(v->lang, MCK_TEXT_SESSION_OTHER_PERSON) : NULL;
}

static int cred_height(const struct mck_ui *ui, const struct cred_text *t, int w)
{
	int h = mck__ui_lines(ui, F_REASON, t->title, w, MCK_UI_WRAP_WORDS) *
		mck__ui_skip(ui, F_REASON);

	h += mck__ui_lines(ui, F_LABEL, t->how, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, F_LABEL);
	h += mck__ui_lines(ui, F_LABEL, t->who, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, F_LABEL);
	if (t->other != NULL) {
		h += mck__ui_lines(ui, F_LABEL, t->other, w, MCK_UI_WRAP_WORDS) *
		     mck__ui_skip(ui, F_LABEL);
	}
	return h;
}

/* A text that wraps whole at @p y; returns the height it took. */
static int whole(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
		 SDL_Color c, int x, int y, int w)
{
	int h = mck__ui_lines(ui, role, text, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, role);

	return mck__ui_wrapped(ui, r, role, text, c, (SDL_Rect){x, y, w, h});
}

/* The credentials shown, newest last; the oldest give way, with a bar saying so. */
static void credentials(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	int cap_h = mck__ui_skip(ui, F_LABEL);
	int sb = mck__ui_scrollbar_width(ui);
	int w = area.w - 2 * u - sb;
	int room = area.h - cap_h - u;
	size_t n = s->creds < MCK_VIEW_CREDS ? s->creds : MCK_VIEW_CREDS;
	size_t first = n;
	int y = area.y + cap_h + u / 2;
	struct cred_text t;
	int parent;

	mck__ui_fill(r, area, mck__ui_pal.paper);
	parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_PANEL, area));
	mck__ui_blit(ui, r, F_LABEL, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CREDENTIALS),
		     mck__ui_pal.muted, area.x + u, area.y + u / 4);
	if (n == 0) {
		whole(ui, r, F_REASON, mck_i18n_text(v->lang, MCK_TEXT_SESSION_NONE),
		      mck__ui_pal.muted, area.x + u, y, area.w - 2 * u);
		mck__ui_parent(ui, parent);
		return;
	}
	/* as many of the newest as fit */
	for (int used = 0; first > 0; first--) {
		cred_text(v, first - 1, &t);
		used += cred_height(ui, &t, w) + u / 2;
		if (used > room) {
			break;
		}
	}
	for (size_t i = first; i < n; i++) {
		const struct mck_view_session_cred *c = &s->cred[i];
		int top = y;
		SDL_Rect m;

		cred_text(v, i, &t);
		y += whole(ui, r, F_REASON, t.title, mck__ui_pal.ink, area.x + 3 * u / 2, y, w);
		y += whole(ui, r, F_LABEL, t.how, mck__ui_pal.muted, area.x + 3 * u / 2, y, w);
		if (t.other != NULL) {
			y += whole(ui, r, F_LABEL, t.other, mck__ui_pal.alert, area.x + 3 * u / 2,
				   y, w);
		}
		y += whole(ui, r, F_LABEL, t.who, mck__ui_pal.muted, area.x + 3 * u / 2, y, w);
		m = (SDL_Rect){area.x + u / 2, top, u / 2, y - top};
		mck__ui_fill(r, m, cred_marker(c));
		mck__ui_box(ui, MCK_UI_BOX_MARKER, m);
		y += u / 2;
	}
	if (first > 0) {
		/* older ones above: they count, they are only out of view */
		mck__ui_scrollbar(
			ui, r, (SDL_Rect){area.x + area.w - sb, area.y + cap_h, sb, area.h - cap_h},
			(unsigned)first, (unsigned)(n - first), (unsigned)n);
		ui->scrolled_out += (unsigned)first;
	}
	mck__ui_parent(ui, parent);
}

/* The requirements in @p area; a bar says when some do not fit. Returns the height used. */
static int requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	size_t n = v->session.requirements < MCK_VIEW_REQ ? v->session.requirements : MCK_VIEW_REQ;
	size_t drawn = 0;
	int sb = mck__ui_scrollbar_width(ui);
	int h = mck__ui_requirements(ui, NULL, v, area, 0, &drawn);

	if (drawn == n) {
		return mck__ui_requirements(ui, r, v, area, 0, &drawn);
	}
	h = mck__ui_requirements(ui, r, v, (SDL_Rect){area.x, area.y, area.w - sb, area.h}, 0,
				 &drawn);
	mck__ui_scrollbar(ui, r, (SDL_Rect){area.x + area.w - sb, area.y, sb, area.h}, 0,
			  (unsigned)drawn, (unsigned)n);
	ui->scrolled_out += (unsigned)(n - drawn);
	(void)h;
	return area.h;
}

/* Requirements left, credentials right (stacked on a portrait screen); buttons below. */
void mck__ui_screen_session(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			    const struct mck_ui_frame *f)
{
	SDL_Rect below = mck__ui_under(f, session_band(ui, r, v));
	int u = ui->unit;
	int bh = mck__ui_button_height(ui);
	int w = ui->width - 4 * u;
	bool portrait = ui->width < ui->height;
	int by = below.y + below.h - bh - u / 2;
	char still[160];
	const char *head = v->session.policy;
	SDL_Color head_c = mck__ui_pal.muted;
	int name_h;
	SDL_Rect body;

	if (v->still_there) {
		/* about to be wiped for want of a touch: ask, where the eye is */
		snprintf(still, sizeof(still), mck_i18n_text(v->lang, MCK_TEXT_STILL_THERE),
			 (int)v->countdown_s);
		head = still;
		head_c = mck__ui_pal.alert;
	}
	name_h = whole(ui, r, F_LABEL, head, head_c, 2 * u, below.y + u / 4, w);
	body = (SDL_Rect){2 * u, below.y + u / 2 + name_h, w,
			  by - u / 2 - (below.y + u / 2 + name_h)};
	if (portrait) {
		/* requirements first, at most half; the credentials below */
		int used = requirements(ui, r, v, (SDL_Rect){body.x, body.y, body.w, body.h / 2});

		credentials(
			ui, r, v,
			(SDL_Rect){body.x, body.y + used + u / 2, body.w, body.h - used - u / 2});
	} else {
		requirements(ui, r, v, (SDL_Rect){body.x, body.y, body.w * 50 / 100, body.h});
		credentials(
			ui, r, v,
			(SDL_Rect){body.x + body.w * 52 / 100, body.y, body.w * 48 / 100, body.h});
	}
	ui->hit[MCK_UI_HIT_CANCEL] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CANCEL),
			       mck__ui_pal.chip, 2 * u, by, bh, false);
	ui->hit[MCK_UI_HIT_FINISH] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_FINISH),
			       mck__ui_pal.blue, ui->width - 2 * u, by, bh, true);
}
