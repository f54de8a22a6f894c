/*
 * A verification result: the band (the kiosk's words only), the further
 * reasons and missing elements on white, the credential's own words on a
 * framed, light area captioned as such (the learner's name largest, to be
 * compared with an ID document; long records scroll, with a scroll bar), and
 * "Done – next person" with the time left before the screen clears itself.
 */
#include <stdio.h>

#include "mck/crypto.h"
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

/*
 * Below the band, one scrolling list: the missing elements (ours, on white),
 * the credential's own words on its framed paper, captioned as such, the
 * learner's name first and largest; the further reasons (ours, on white)
 * after the name.
 */
static void draw_record(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	static struct mck_ui_list l; /* the UI draws on one thread */
	const SDL_Color ink = mck__ui_pal.ink;
	const SDL_Color frame = mck__ui_pal.frame;
	enum mck_lang lang = v->lang;
	int u = ui->unit;
	bool first = true;
	char buf[MCK_VIEW_TEXT + 16];
	int parent;

	mck__ui_fill(r, area, mck__ui_pal.white);
	parent = mck__ui_parent(ui, mck__ui_box(ui, MCK_UI_BOX_PANEL, area));
	mck__ui_list_init(&l);
	l.grounds = true;
	l.wide = true; /* the notes and the caption: across the labels' column */
	l.fill_x = area.x;
	l.fill_w = area.w;
	l.ours = true; /* the notes and the caption: the kiosk's words */
	if (v->missing > 0) {
		/* Which mandatory elements the credential lacks: ours to say, in alert ink. */
		int n = snprintf(buf, sizeof(buf),
				 "%s:", mck_i18n_text(lang, MCK_TEXT_LABEL_MISSING));

		for (size_t i = 0;
		     i < v->missing && i < MCK_VIEW_MISSING && n > 0 && (size_t)n < sizeof(buf);
		     i++) {
			n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s %s", i == 0 ? "" : ",",
				      mck_i18n_text(lang, v->missing_label[i]));
		}
		mck__ui_list_printf(&l, "", F_REASON, mck__ui_pal.alert, "%s", buf);
	}
	l.paper = true;
	mck__ui_list_add(&l, "", mck_i18n_text(lang, MCK_TEXT_LABEL_FROM_CREDENTIAL), F_LABEL,
			 frame);
	l.wide = false;
	if (v->learner[0] != '\0') {
		/* the name, largest and first, and what to do with it */
		l.ours = false;
		mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_LEARNER), v->learner,
				 F_NAME, ink);
		l.ours = true;
		mck__ui_list_add(&l, "", mck_i18n_text(lang, MCK_TEXT_COMPARE_ID), F_REASON, frame);
	}
	/* the further reasons (the band says the first): ours, on white, after the name */
	l.paper = false;
	l.wide = true;
	for (unsigned i = 0; i < MCK_REASON_COUNT; i++) {
		if ((v->reasons & MCK_REASON_BIT(i)) == 0) {
			continue;
		}
		if (!first) {
			mck__ui_list_printf(&l, "", F_REASON, ink, "\xe2\x80\xa2 %s",
					    mck_i18n_reason(lang, (enum mck_reason)i));
		}
		first = false;
	}
	l.paper = true;
	l.wide = false;
	l.ours = false; /* from here on the credential's words */
	body_and_country(buf, sizeof(buf), v->body, v->country);
	mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_AWARDING_BODY), F_BODY, ink,
			    "%s", buf);
	if (v->claimed) {
		/* What it calls itself, labelled as its wording, in the caption's colour. */
		body_and_country(buf, sizeof(buf), v->claimed_body, v->claimed_country);
		mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_CLAIMED_BODY), F_BODY,
				    frame, "%s", buf);
	}
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_TITLE), v->title, F_BODY, ink);
	if (v->expires[0] != '\0') {
		/* a range: each date says what it is */
		mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_ISSUED_RANGE), v->issued,
				 F_BODY, ink);
		mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_EXPIRES), v->expires,
				 F_BODY, ink);
	} else {
		mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_ISSUED), v->issued, F_BODY,
				 ink);
	}
	if (v->eqf_level > 0) {
		mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_EQF), F_BODY, ink, "%d",
				    v->eqf_level);
	}
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_WORKLOAD), v->workload, F_BODY,
			 ink);
	for (size_t i = 0; i < v->outcomes && i < MCK_VIEW_OUTCOMES; i++) {
		mck__ui_list_printf(&l, i == 0 ? mck_i18n_text(lang, MCK_TEXT_LABEL_OUTCOMES) : "",
				    F_BODY, ink, "\xe2\x80\xa2 %s", v->outcome[i]);
	}
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_ASSESSMENT), v->assessment, F_BODY,
			 ink);
	/* spec values in the kiosk's words; one it cannot word is not shown */
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_PARTICIPATION),
			 mck_i18n_participation(lang, v->participation), F_BODY, ink);
	{
		const char *sup = mck_i18n_supervision(lang, v->supervision);

		if (sup != NULL || v->identity_check[0] != '\0') {
			mck__ui_list_printf(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_SUPERVISION),
					    F_BODY, ink, "%s%s%s", sup != NULL ? sup : "",
					    sup != NULL && v->identity_check[0] != '\0' ? MCK_UI_SEP
											: "",
					    v->identity_check);
		}
	}
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_QUALITY), v->quality, F_BODY, ink);
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_PREREQUISITES), v->prerequisites,
			 F_BODY, ink);
	mck__ui_list_add(&l, mck_i18n_text(lang, MCK_TEXT_LABEL_GRADE), v->grade, F_BODY, ink);
	/* More below (or above): scroll with the arrow keys or a swipe; the bar says so. */
	mck__ui_list_draw(ui, r, &l,
			  (SDL_Rect){area.x + 2 * u, area.y + u / 2, area.w - 3 * u, area.h - u},
			  v->scroll);
	mck__ui_parent(ui, parent);
	/* values formatted into the list (the awarding body, the outcomes): not kept */
	mck_zeroize(l.text, l.used);
	mck__ui_list_init(&l);
}

/* "Clears in 27 s": a live text, it changes every second while the rest stays. */
static void clears_in(const struct mck_view *v, char *text, size_t cap)
{
	snprintf(text, cap, mck_i18n_text(v->lang, MCK_TEXT_CLEARS_IN), (int)v->countdown_s);
}

/*
 * Done – next person, at the bottom right, and the time left before the
 * screen clears itself: beside it when it fits, else above it. Returns the
 * area above them.
 */
static SDL_Rect next_person(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			    SDL_Rect area)
{
	int u = ui->unit;
	int bh = mck__ui_button_height(ui);
	int y = area.y + area.h - bh - u / 3;
	int line = mck__ui_skip(ui, F_LABEL);
	const char *done = mck_i18n_text(v->lang, MCK_TEXT_NEXT_PERSON);
	int bx = area.x + area.w - 2 * u - mck__ui_button_width(ui, done);
	int top = y - u / 3;

	ui->hit[MCK_UI_HIT_DONE] =
		mck__ui_button(ui, r, done, mck__ui_pal.blue, area.x + area.w - 2 * u, y, bh, true);
	if (v->countdown_s > 0) {
		struct mck_ui_live_text t = {
			.say = clears_in,
			.role = F_LABEL,
			.colour = mck__ui_pal.muted,
			.x = area.x + 2 * u,
			.y = y + (bh - line) / 2,
			.limit = bx - 3 * u,
			.wrap = {area.x + 2 * u, top - line, area.w - 4 * u, line},
		};

		if (!mck__ui_live_beside(ui, v, &t)) {
			char text[MCK_UI_LIVE_TEXT];
			bool ours = mck__ui_ours(ui, true);
			/* above Done: on two lines when one is too short ("– touch to keep" in
			 * large text on a portrait panel), judged for the widest count (1,200 s:
			 * 600 doubled for speech) so that the layout holds as it counts down */
			int lines = 1;

			snprintf(text, sizeof(text), mck_i18n_text(v->lang, MCK_TEXT_CLEARS_IN),
				 8888);
			if (mck__ui_text_width(ui, F_LABEL, text) > t.wrap.w) {
				lines = 2;
			}
			mck__ui_ours(ui, ours);
			t.wrap.y = top - lines * line;
			t.wrap.h = lines * line;
			top -= lines * line;
		}
		mck__ui_live_text(ui, r, v, &t);
	}
	return (SDL_Rect){area.x, area.y, area.w, top - area.y};
}

/*
 * A large message under the band: what to do when there is nothing from the
 * code to show. Smaller when long; when even that does not fit (large text),
 * a list that scrolls, with its bar.
 */
static void message(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, const char *text,
		    SDL_Rect below)
{
	int u = ui->unit;
	int w = ui->width - 4 * u;
	enum mck_ui_role role = F_TITLE;
	int h = mck__ui_lines(ui, role, text, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, role);

	if (h > below.h - 2 * u) {
		role = F_REASON; /* a long sentence on a small screen: smaller, whole */
		h = mck__ui_lines(ui, role, text, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, role);
	}
	if (h > below.h - u) {
		static struct mck_ui_list l; /* the UI draws on one thread */

		mck__ui_list_init(&l);
		l.wide = true;
		mck__ui_list_add(&l, "", text, role, mck__ui_pal.ink);
		mck__ui_list_draw(ui, r, &l, (SDL_Rect){2 * u, below.y + u, w + u, below.h - u},
				  v->scroll);
		mck__ui_list_init(&l);
		return;
	}
	mck__ui_wrapped(ui, r, role, text, mck__ui_pal.ink,
			(SDL_Rect){2 * u, below.y + u, w, h < below.h - u ? h : below.h - u});
}

void mck__ui_screen_result(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   const struct mck_ui_frame *f)
{
	SDL_Rect band;
	SDL_Rect below;
	char text[256];

	if (v->cannot_check) {
		/* the kiosk's failure, not the credential's: ours (blue), never red */
		struct mck_ui_band b = {
			.bg = mck__ui_pal.blue,
			.fg = mck__ui_pal.white,
			.mark = "!",
			.word = mck_i18n_text(v->lang, MCK_TEXT_VERDICT_CANNOT_CHECK),
			.word_role = F_BAND,
			.line = mck_i18n_text(v->lang, MCK_TEXT_ACTION_CANNOT_CHECK),
		};
		band = mck__ui_band_draw(ui, r, &b);
	} else if (v->shown != MCK_VIEW_SHOWN_NONE) {
		/* a code, but no credential: the band says so, what it was goes below */
		struct mck_ui_band b = {
			.bg = mck_ui_band_color(MCK_VERDICT_UNREADABLE),
			.fg = mck__ui_pal.white,
			.mark = "?",
			.word = mck_i18n_text(v->lang, MCK_TEXT_VERDICT_NOT_CREDENTIAL),
			.word_role = F_BAND,
			.line = mck_i18n_text(v->lang, MCK_TEXT_SHOWN_ACTION),
		};
		band = mck__ui_band_draw(ui, r, &b);
	} else {
		band = mck__ui_band(ui, r, v->verdict, v->lang, v->reasons, NULL);
	}
	below = next_person(ui, r, v, mck__ui_under(f, band));
	if (v->cannot_check) {
		return;
	}
	if (v->shown != MCK_VIEW_SHOWN_NONE) {
		snprintf(text, sizeof(text),
			 mck_i18n_text(v->lang,
				       mck_view_shown_text(v->shown, v->shown_host[0] != '\0')),
			 v->shown_host);
		message(ui, r, v, text, below);
		return;
	}
	if (v->has_credential) {
		draw_record(ui, r, v, below);
	} else {
		/* Nothing to show from the code: say what to do, large. */
		message(ui, r, v, mck__ui_verdict_action(v->lang, v->verdict), below);
	}
}
