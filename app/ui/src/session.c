/*
 * A check in progress (docs/policy.md): the latest credential's verdict in
 * the band, each requirement's running total, the credentials shown. The band
 * is drawn from verdicts and the kiosk's own words only; credential text
 * (titles, names) appears in the list below it, never inside it. Each listed
 * credential says whose it is (another person's is flagged at once), what it
 * added or why not, and whether it counts; the newest is on top, older ones
 * scroll, with a bar saying so.
 */
#include <stdio.h>
#include <string.h>

#include "checkkit.h"
#include "mck/crypto.h"
#include "screens.h"

/* A credential naming another person: a tint of its own behind the row, beside the flag. */
static const SDL_Color other_tint = {253, 226, 229, 255};

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
		/*
		 * When it counts, the policy has accepted it: that is what to do, and
		 * the verdict's own advice ("accept only if...") would only crowd the list.
		 */
		if (last->counts) {
			reason = NULL;
		}
		snprintf(line, sizeof(line), "%s%s%s",
			 mck_i18n_text(v->lang, last->duplicate ? MCK_TEXT_SESSION_DUPLICATE
						: last->counts  ? MCK_TEXT_SESSION_COUNTS
								: MCK_TEXT_SESSION_NOT_COUNTED),
			 reason != NULL ? " \xc2\xb7 " : "", reason != NULL ? reason : "");
	}
	return mck__ui_band(ui, r, v->verdict, v->lang, v->reasons, line);
}

/* The marker of a listed credential: green when it counts, red when not genuine or not its. */
static SDL_Color cred_marker(const struct mck_view_session_cred *c)
{
	if (c->other_person) {
		return mck__ui_pal.alert;
	}
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

/* One listed credential's lines: title; whose; another person's; how it went; counts; by whom. */
struct item {
	char title[160];
	const char *name;   /* NULL: none stated */
	const char *other;  /* another person's name: check identity */
	char how[320];      /* "VALID · +2 ECTS, now 5 ECTS in IT" */
	const char *counts; /* only when it added something */
	const char *issuer; /* the awarding body; NULL: none */
};

static void item_text(const struct mck_view *v, size_t i, struct item *t)
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
	t->name = c->learner[0] != '\0' ? c->learner : NULL;
	t->other = c->other_person ? mck_i18n_text(v->lang, MCK_TEXT_SESSION_OTHER_PERSON) : NULL;
	/* the kiosk's verdict first, then what it added or why not */
	snprintf(t->how, sizeof(t->how), "%s" MCK_UI_SEP "%s",
		 mck__ui_verdict_word(v->lang, c->verdict), how);
	t->counts = c->counts && c->explain[0] != '\0'
			    ? mck_i18n_text(v->lang, MCK_TEXT_SESSION_COUNTS)
			    : NULL;
	t->issuer = c->issuer[0] != '\0' ? c->issuer : NULL;
}

/* The flag's mark: "!" on the alert colour, before the words. */
static int flag_mark_width(const struct mck_ui *ui)
{
	return mck__ui_text_width(ui, F_LABEL, "!") + ui->unit;
}

static int lines_h(const struct mck_ui *ui, enum mck_ui_role role, const char *text, int w)
{
	return text != NULL ? mck__ui_lines(ui, role, text, w, MCK_UI_WRAP_WORDS) *
				      mck__ui_skip(ui, role)
			    : 0;
}

/* @p text wrapped whole at (x, y), as tall as it needs within @p bottom; the height taken. */
static int put(struct mck_ui *ui, SDL_Renderer *r, enum mck_ui_role role, const char *text,
	       SDL_Color c, int x, int y, int w, int bottom)
{
	int h = lines_h(ui, role, text, w);

	if (h == 0) {
		return 0;
	}
	h = y + h > bottom ? bottom - y : h; /* cut (and counted) only when there is no room */
	return h > 0 ? mck__ui_wrapped(ui, r, role, text, c, (SDL_Rect){x, y, w, h}) : 0;
}

/*
 * The list as lines, the unit it scrolls by: each credential's texts wrapped
 * at the width given, never cut; a line is drawn whole or not at all.
 */
#define LIST_LINES 512
struct line {
	const char *text; /* into struct layout's items; len bytes */
	size_t len;
	enum mck_ui_role role;
	SDL_Color colour;
	int indent; /* past the flag's mark */
	bool mark;  /* the flag's mark before it */
	size_t k;   /* the item: 0 the newest */
	int h;      /* its height */
	int gap;    /* after it: the space between items, after an item's last line */
};
struct layout {
	struct item item[MCK_VIEW_CREDS];
	struct line line[LIST_LINES];
	size_t lines;
	int total; /* px */
};

static void add_lines(const struct mck_ui *ui, struct layout *l, size_t k, const char *text,
		      enum mck_ui_role role, SDL_Color colour, int indent, bool mark, int w)
{
	bool first = true;

	for (const char *p = text; p != NULL && *p != '\0' && l->lines < LIST_LINES;
	     first = false) {
		const char *next;
		size_t len = mck__ui_next_line(ui, role, p, w - indent, MCK_UI_WRAP_WORDS, &next);

		l->line[l->lines++] = (struct line){.text = p,
						    .len = len,
						    .role = role,
						    .colour = colour,
						    .indent = indent,
						    .mark = mark && first,
						    .k = k,
						    .h = mck__ui_skip(ui, role)};
		l->total += mck__ui_skip(ui, role);
		p = next;
	}
}

/* Every listed credential, newest first, as lines @p w wide. */
static void lay_out(const struct mck_ui *ui, const struct mck_view *v, struct layout *l, int w)
{
	size_t n = v->session.creds < MCK_VIEW_CREDS ? v->session.creds : MCK_VIEW_CREDS;
	int u = ui->unit;

	l->lines = 0;
	l->total = 0;
	for (size_t k = 0; k < n; k++) {
		const struct item *t = &l->item[k];
		size_t before = l->lines;

		item_text(v, n - 1 - k, &l->item[k]);
		add_lines(ui, l, k, t->title, F_REASON, mck__ui_pal.ink, 0, false, w);
		add_lines(ui, l, k, t->name, F_REASON, mck__ui_pal.ink, 0, false, w);
		add_lines(ui, l, k, t->other, F_LABEL, mck__ui_pal.alert, flag_mark_width(ui), true,
			  w);
		add_lines(ui, l, k, t->how, F_LABEL,
			  t->other != NULL ? mck__ui_pal.ink : mck__ui_pal.muted, 0, false, w);
		add_lines(ui, l, k, t->counts, F_LABEL, mck__ui_pal.good, 0, false, w);
		add_lines(ui, l, k, t->issuer, F_LABEL, mck__ui_pal.muted, 0, false, w);
		if (l->lines > before) {
			l->line[l->lines - 1].gap = 2 * (u / 3);
			l->total += 2 * (u / 3);
		}
	}
}

/* Lines [from, to) of item @p k at @p y (their marker and tint beside and behind them). */
static void draw_item(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
		      const struct layout *l, size_t from, size_t to, SDL_Rect list, int y)
{
	const size_t n = v->session.creds < MCK_VIEW_CREDS ? v->session.creds : MCK_VIEW_CREDS;
	const struct mck_view_session_cred *c = &v->session.cred[n - 1 - l->line[from].k];
	int u = ui->unit;
	int x = list.x + 3 * u / 2;
	int h = 0;
	int parent = -1;
	bool tint = c->other_person;
	char text[512];

	for (size_t i = from; i < to; i++) {
		h += l->line[i].h + (i + 1 < to ? l->line[i].gap : 0);
	}
	if (tint) {
		SDL_Rect box = {list.x, y - u / 3, list.w, h + 2 * (u / 3)};

		mck__ui_fill(r, box, other_tint);
		parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_PANEL, box));
	}
	{
		SDL_Rect m = {list.x + u / 3, y, u / 2 > 3 ? u / 2 : 3, h};

		mck__ui_fill(r, m, cred_marker(c));
		mck__ui_box(ui, MCK_UI_BOX_MARKER, m);
	}
	for (size_t i = from; i < to; i++) {
		const struct line *ln = &l->line[i];
		size_t len = ln->len < sizeof(text) - 1 ? ln->len : sizeof(text) - 1;

		if (ln->mark) {
			int skip = mck__ui_skip(ui, F_LABEL);
			SDL_Rect chip = {x, y + skip / 8, flag_mark_width(ui) - u / 3,
					 skip - skip / 4};
			int before;

			mck__ui_fill(r, chip, mck__ui_pal.alert);
			before = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_MARKER, chip));
			mck__ui_blit(ui, r, F_LABEL, "!", mck__ui_pal.white,
				     chip.x + (chip.w - mck__ui_text_width(ui, F_LABEL, "!")) / 2,
				     y);
			mck__ui_parent(ui, before);
		}
		memcpy(text, ln->text, len);
		text[len] = '\0';
		mck__ui_blit(ui, r, ln->role, text, ln->colour, x + ln->indent, y);
		y += ln->h + ln->gap;
	}
	if (tint) {
		mck__ui_parent(ui, parent);
	}
}

/*
 * The credentials shown, newest on top (what was just shown is in view at
 * once); v->scroll lines scrolled away above. When not all fit, a scroll bar
 * with arrows says which way there is more; a line is never cut.
 */
static void credentials(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	static struct layout l; /* the UI draws on one thread */
	int u = ui->unit;
	const char *caption = mck_i18n_text(v->lang, MCK_TEXT_SESSION_CREDENTIALS);
	/* the caption on two lines when a narrow column (large text) needs it */
	int cap_lines = mck__ui_lines(ui, F_LABEL, caption, area.w - 2 * u, MCK_UI_WRAP_WORDS);
	int cap_h = cap_lines * mck__ui_skip(ui, F_LABEL) + u / 2;
	int sb = mck__ui_scrollbar_width(ui);
	SDL_Rect list = {area.x, area.y + cap_h, area.w, area.h - cap_h - u / 3};
	bool bar = false;
	size_t first;
	size_t last;
	int parent;

	mck__ui_fill(r, area, mck__ui_pal.paper);
	parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_PANEL, area));
	mck__ui_wrapped(ui, r, F_LABEL, caption, mck__ui_pal.muted,
			(SDL_Rect){area.x + u, area.y + u / 4, area.w - 2 * u,
				   cap_lines * mck__ui_skip(ui, F_LABEL)});
	if (v->session.creds == 0) {
		put(ui, r, F_REASON, mck_i18n_text(v->lang, MCK_TEXT_SESSION_NONE),
		    mck__ui_pal.muted, list.x + u, list.y, list.w - 2 * u, list.y + list.h);
		mck__ui_parent(ui, parent);
		return;
	}
	lay_out(ui, v, &l, list.w - 2 * u);
	if (l.total > list.h) {
		bar = true; /* not all fit: narrower, beside a scroll bar */
		list.w -= sb;
		lay_out(ui, v, &l, list.w - 2 * u);
	}
	/* scrolled at most so far that the last page is full */
	first = l.lines;
	for (int room = list.h + l.line[l.lines - 1].gap;
	     first > 0 && l.line[first - 1].h + l.line[first - 1].gap <= room; first--) {
		room -= l.line[first - 1].h + l.line[first - 1].gap;
	}
	first = v->scroll < first ? v->scroll : first;
	/* the lines that fit whole, item by item */
	last = first;
	for (int y = list.y; last < l.lines && y + l.line[last].h <= list.y + list.h; last++) {
		y += l.line[last].h + l.line[last].gap;
	}
	{
		int y = list.y;

		for (size_t i = first; i < last;) {
			size_t j = i;
			int top = y;

			while (j < last && l.line[j].k == l.line[i].k) {
				y += l.line[j].h + l.line[j].gap;
				j++;
			}
			draw_item(ui, r, v, &l, i, j, list, top);
			i = j;
		}
	}
	if (bar) {
		mck__ui_scrollbar(ui, r, (SDL_Rect){list.x + list.w, list.y, sb, list.h},
				  (unsigned)first, (unsigned)(last - first), (unsigned)l.lines);
		ui->scrolled_out += (unsigned)(l.lines - (last - first));
	}
	mck__ui_parent(ui, parent);
	/* the items' titles and names were copied here: not kept past the draw */
	mck_zeroize(&l, sizeof(l));
}

/* The requirements in @p area; a bar says when some do not fit. Returns the height used. */
static int requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	size_t n = v->session.requirements < MCK_VIEW_REQ ? v->session.requirements : MCK_VIEW_REQ;
	size_t drawn = 0;
	int sb = mck__ui_scrollbar_width(ui);

	mck__ui_requirements(ui, NULL, v, area, 0, &drawn);
	if (drawn == n) {
		return mck__ui_requirements(ui, r, v, area, 0, &drawn);
	}
	mck__ui_requirements(ui, r, v, (SDL_Rect){area.x, area.y, area.w - sb, area.h}, 0, &drawn);
	mck__ui_scrollbar(ui, r, (SDL_Rect){area.x + area.w - sb, area.y, sb, area.h}, 0,
			  (unsigned)drawn, (unsigned)n);
	ui->scrolled_out += (unsigned)(n - drawn);
	return area.h;
}

/* Whether every requirement fits @p w x @p h. */
static bool requirements_fit(struct mck_ui *ui, const struct mck_view *v, int w, int h)
{
	size_t n = v->session.requirements < MCK_VIEW_REQ ? v->session.requirements : MCK_VIEW_REQ;
	size_t drawn = 0;

	mck__ui_requirements(ui, NULL, v, (SDL_Rect){0, 0, w, h}, 0, &drawn);
	return drawn >= n;
}

/*
 * The policy's name over its requirements in @p area, at most @p most high;
 * the name gives way when the requirements would not all fit under it (the
 * operator chose the policy; the candidate needs its requirements). The height used.
 */
static int policy(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area,
		  int most, bool name)
{
	int u = ui->unit;
	int y = area.y;

	if (name) {
		y += put(ui, r, F_LABEL, v->session.policy, mck__ui_pal.muted, area.x, y, area.w,
			 area.y + area.h) +
		     u / 3;
	}
	return y - area.y +
	       requirements(ui, r, v, (SDL_Rect){area.x, y, area.w, most - (y - area.y)});
}

/* The name's height over requirements @p w wide. */
static int name_height(const struct mck_ui *ui, const struct mck_view *v, int w)
{
	return lines_h(ui, F_LABEL, v->session.policy, w) + ui->unit / 3;
}

/*
 * "Still there?" under the band when the check is about to be wiped; the
 * policy's name and its requirements left, the credentials right (stacked on
 * a portrait screen, the requirements at most half); Cancel and Finish below.
 */
void mck__ui_screen_session(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			    const struct mck_ui_frame *f)
{
	SDL_Rect below = mck__ui_under(f, session_band(ui, r, v));
	int u = ui->unit;
	int bh = mck__ui_button_height(ui);
	int w = ui->width - 4 * u;
	int by = below.y + below.h - bh - u / 2;
	int still_h = mck__ui_still_height(ui, v, ui->width);
	int y = below.y;
	SDL_Rect body;

	if (still_h > 0) {
		mck__ui_still(ui, r, v, (SDL_Rect){0, y, ui->width, still_h});
		y += still_h;
	}
	body = (SDL_Rect){2 * u, y + u / 3, w, by - u / 2 - (y + u / 3)};
	if (ui->width < ui->height) {
		bool name =
			requirements_fit(ui, v, body.w, body.h / 2 - name_height(ui, v, body.w));
		int used = policy(ui, r, v, body, body.h / 2, name);

		credentials(
			ui, r, v,
			(SDL_Rect){body.x, body.y + used + u / 2, body.w, body.h - used - u / 2});
	} else {
		/* the requirements as narrow as they fit: the list needs the room more */
		static const int shares[] = {37, 45, 52};
		int share = shares[2];
		bool name = false;

		for (int pass = 0; pass < 2 && share == shares[2] && !name; pass++) {
			for (size_t i = 0; i < sizeof(shares) / sizeof(shares[0]); i++) {
				int lw = body.w * shares[i] / 100;

				if (requirements_fit(
					    ui, v, lw,
					    body.h - (pass == 0 ? name_height(ui, v, lw) : 0))) {
					share = shares[i];
					name = pass == 0;
					break;
				}
			}
		}
		policy(ui, r, v, (SDL_Rect){body.x, body.y, body.w * share / 100, body.h}, body.h,
		       name);
		credentials(ui, r, v,
			    (SDL_Rect){body.x + body.w * (share + 2) / 100, body.y,
				       body.w * (98 - share) / 100, body.h});
	}
	ui->hit[MCK_UI_HIT_CANCEL] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CANCEL),
			       mck__ui_pal.chip, 2 * u, by, bh, false);
	ui->hit[MCK_UI_HIT_FINISH] =
		mck__ui_button(ui, r, mck_i18n_text(v->lang, MCK_TEXT_SESSION_FINISH),
			       mck__ui_pal.blue, ui->width - 2 * u, by, bh, true);
}
