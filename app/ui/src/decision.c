/*
 * The decision of a check: met or not in the band, each requirement, the
 * reference as text and as a QR code a case worker's PC can scan (the
 * record's MCKREC1 text: no learner data), Done with the time left, and
 * "still there?" when the screen is about to clear for want of a touch.
 */
#include <stdio.h>

#include "checkkit.h"
#include "screens.h"

/* The least a module may be on the panel, in pixels: a PC's camera reads it off the glass. */
#define MIN_MODULE_PX 4

/*
 * "Reference  KKG1-DNQD": on one line in the title's size when it fits @p w,
 * else smaller, else the word over the code.
 */
struct reference {
	char line[128];
	enum mck_ui_role role;
	bool two_lines;
};

static int reference_height(const struct mck_ui *ui, const struct mck_view *v, int w,
			    struct reference *ref)
{
	const char *word = mck_i18n_text(v->lang, MCK_TEXT_DECISION_REFERENCE);
	static const enum mck_ui_role roles[] = {F_TITLE, F_BODY};

	snprintf(ref->line, sizeof(ref->line), "%s  %s", word, v->session.reference);
	ref->two_lines = false;
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		ref->role = roles[i];
		if (mck__ui_text_width(ui, ref->role, ref->line) <= w) {
			return mck__ui_skip(ui, ref->role);
		}
	}
	/* the word above, the code in the largest size it fits */
	ref->two_lines = true;
	ref->role = mck__ui_text_width(ui, F_TITLE, v->session.reference) <= w ? F_TITLE : F_BODY;
	return mck__ui_lines(ui, F_BODY, word, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, F_BODY) +
	       mck__ui_lines(ui, ref->role, v->session.reference, w, MCK_UI_WRAP_WORDS) *
		       mck__ui_skip(ui, ref->role);
}

static void reference_draw(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   const struct reference *ref, SDL_Rect box)
{
	const char *word = mck_i18n_text(v->lang, MCK_TEXT_DECISION_REFERENCE);
	int h;

	if (!ref->two_lines) {
		mck__ui_wrapped(ui, r, ref->role, ref->line, mck__ui_pal.ink, box);
		return;
	}
	h = mck__ui_lines(ui, F_BODY, word, box.w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, F_BODY);
	mck__ui_wrapped(ui, r, F_BODY, word, mck__ui_pal.ink, (SDL_Rect){box.x, box.y, box.w, h});
	mck__ui_wrapped(ui, r, ref->role, v->session.reference, mck__ui_pal.ink,
			(SDL_Rect){box.x, box.y + h, box.w, box.h - h});
}

/* "Clears in 12 s" (nothing when nothing counts down): its height at @p w. */
static int countdown_height(const struct mck_ui *ui, const struct mck_view *v, int w, char *text,
			    size_t cap)
{
	text[0] = '\0';
	if (v->countdown_s == 0) {
		return 0;
	}
	snprintf(text, cap, mck_i18n_text(v->lang, MCK_TEXT_CLEARS_IN), (int)v->countdown_s);
	return mck__ui_lines(ui, F_LABEL, text, w, MCK_UI_WRAP_WORDS) * mck__ui_skip(ui, F_LABEL);
}

/*
 * The foot of @p area: Done at its bottom right, the countdown right above it,
 * the reference left of Done. Returns the foot's top.
 */
static int foot(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	int bh = mck__ui_button_height(ui);
	const char *done = mck_i18n_text(v->lang, MCK_TEXT_SESSION_DONE);
	int room = area.w - mck__ui_button_width(ui, done) - u;
	struct reference ref;
	int ref_h = reference_height(ui, v, room, &ref);
	int row_h = ref_h > bh ? ref_h : bh;
	int bottom = area.y + area.h - u / 2;
	char text[96];
	int count_h = countdown_height(ui, v, area.w, text, sizeof(text));

	ui->hit[MCK_UI_HIT_DONE] = mck__ui_button(ui, r, done, mck__ui_pal.blue, area.x + area.w,
						  bottom - bh, bh, true);
	reference_draw(ui, r, v, &ref,
		       (SDL_Rect){area.x, bottom - row_h + (row_h - ref_h) / 2, room, ref_h});
	if (count_h > 0) {
		/* right above Done, right-aligned to it */
		int tw = mck__ui_text_width(ui, F_LABEL, text);
		int x = tw < area.w ? area.x + area.w - tw : area.x;

		mck__ui_wrapped(ui, r, F_LABEL, text, mck__ui_pal.muted,
				(SDL_Rect){x, bottom - row_h - u / 3 - count_h, area.x + area.w - x,
					   count_h});
		return bottom - row_h - u / 3 - count_h;
	}
	return bottom - row_h;
}

/* The requirements in @p area; a bar says when some do not fit (the record has them all). */
static void requirements(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 SDL_Rect area)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	int sb = mck__ui_scrollbar_width(ui);
	size_t n = s->requirements < MCK_VIEW_REQ ? s->requirements : MCK_VIEW_REQ;
	size_t drawn = 0;
	SDL_Rect list = area;

	mck__ui_requirements(ui, NULL, v, list, 0, &drawn);
	if (drawn < n && list.h < 4 * u) {
		ui->overflows++; /* not even the bar fits: a layout bug */
		return;
	}
	if (drawn < n) {
		list.w -= sb;
		mck__ui_requirements(ui, r, v, list, 0, &drawn);
		mck__ui_scrollbar(ui, r, (SDL_Rect){list.x + list.w, list.y, sb, list.h}, 0,
				  (unsigned)drawn, (unsigned)n);
		ui->scrolled_out += (unsigned)(n - drawn);
	} else {
		mck__ui_requirements(ui, r, v, list, 0, &drawn);
	}
}

/* Pixels a module so that @p modules fit @p w x @p h: 0.8 mm, at least 4 px if it can. */
static int module_px(const struct mck_ui *ui, int modules, int w, int h)
{
	int want = (int)(0.8 * ui->px_per_mm + 0.5);
	int fit = (w < h ? w : h) / modules;

	want = want > MIN_MODULE_PX ? want : MIN_MODULE_PX;
	return fit < want ? fit : want;
}

/* The record's QR code at (x, y), @p module pixels a module; its rect (w 0: none). */
static SDL_Rect record_qr(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, int x,
			  int y, int module)
{
	SDL_Rect q;

	if (module < MIN_MODULE_PX) {
		ui->overflows++; /* too small to be read off the panel: a layout bug */
		return (SDL_Rect){x, y, 0, 0};
	}
	q = mck__ui_qr(r, v->session.record_qr, x, y, module);
	if (q.w > 0) {
		mck__ui_box(ui, MCK_UI_BOX_IMAGE, q);
	}
	return q;
}

/*
 * Landscape: the code at the right, beside everything under the band; left
 * of it the requirements, and at the foot the reference, the countdown and
 * Done. Portrait: the code at the left above the foot, the reference beside it.
 */
void mck__ui_screen_decision(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	const struct mck_view_session *s = &v->session;
	int u = ui->unit;
	struct mck_ui_band b = {
		.bg = mck_ui_band_color(s->met ? MCK_VERDICT_VALID : MCK_VERDICT_INVALID),
		.fg = mck__ui_pal.white,
		.mark = s->met ? "\xe2\x9c\x94" : "\xe2\x9c\x97", /* always: ✔ or ✗ */
		.symbol = true,
		.word = mck_i18n_text(v->lang,
				      s->met ? MCK_TEXT_DECISION_MET : MCK_TEXT_DECISION_NOT_MET),
		.word_role = F_BAND,
		/* credentials of different people: that first, where the eye is */
		.line = mck_i18n_text(v->lang, s->learners_differ
						       ? MCK_TEXT_DECISION_LEARNERS_DIFFER
					       : s->met ? MCK_TEXT_DECISION_NOTE_MET
							: MCK_TEXT_DECISION_NOTE_NOT_MET),
	};
	SDL_Rect below;
	int modules = mck__ui_qr_modules(s->record_qr);
	int top;
	int still_h;
	int bottom;

	/* as large as a verdict when it fits on one line, else smaller: the code needs the room */
	if (mck__ui_text_width(ui, F_SYMBOL, b.mark) + u + mck__ui_text_width(ui, F_BAND, b.word) >
	    ui->width - 4 * u) {
		b.word_role = F_TITLE;
	}
	below = mck__ui_under(f, mck__ui_band_draw(ui, r, &b));
	top = below.y;

	if (ui->width > ui->height) {
		int module = modules > 0 ? module_px(ui, modules, ui->width * 2 / 5, below.h) : 0;
		int side = modules * module;
		int qx = ui->width - u - side; /* the quiet zone is margin enough */

		if (modules > 0) {
			record_qr(ui, r, v, qx, below.y + (below.h - side) / 2, module);
		}
		still_h = mck__ui_still_height(ui, v, qx);
		if (still_h > 0) {
			mck__ui_still(ui, r, v, (SDL_Rect){0, top, qx, still_h});
			top += still_h;
		}
		bottom =
			foot(ui, r, v, (SDL_Rect){2 * u, top, qx - 3 * u, below.y + below.h - top});
		requirements(
			ui, r, v,
			(SDL_Rect){2 * u, top + u / 2, qx - 3 * u, bottom - u / 2 - (top + u / 2)});
	} else if (modules > 0) {
		/* the code at the bottom left; the reference, the countdown and Done beside it */
		const char *done = mck_i18n_text(v->lang, MCK_TEXT_SESSION_DONE);
		int bh = mck__ui_button_height(ui);
		int beside = mck__ui_text_width(ui, F_TITLE, s->reference);
		int done_w = mck__ui_button_width(ui, done);
		int module;
		int side;
		int rx;
		int rw;
		int qy;
		int ref_h;
		int count_h;
		struct reference ref;
		char text[96];

		beside = beside > done_w ? beside : done_w;
		still_h = mck__ui_still_height(ui, v, ui->width);
		if (still_h > 0) {
			mck__ui_still(ui, r, v, (SDL_Rect){0, top, ui->width, still_h});
			top += still_h;
		}
		bottom = below.y + below.h - u / 2;
		module = module_px(ui, modules, ui->width - 4 * u - beside, (bottom - top) * 2 / 3);
		side = modules * module;
		qy = bottom - side;
		rx = 2 * u + side;
		rw = ui->width - 2 * u - rx;
		record_qr(ui, r, v, u, qy, module);
		ui->hit[MCK_UI_HIT_DONE] = mck__ui_button(ui, r, done, mck__ui_pal.blue,
							  ui->width - 2 * u, bottom - bh, bh, true);
		count_h = countdown_height(ui, v, rw, text, sizeof(text));
		if (count_h > 0) {
			mck__ui_wrapped(ui, r, F_LABEL, text, mck__ui_pal.muted,
					(SDL_Rect){rx, bottom - bh - u / 3 - count_h, rw, count_h});
		}
		ref_h = reference_height(ui, v, rw, &ref);
		{
			/* in the middle of what the code's height leaves above the countdown */
			int room = side - bh - u / 3 - count_h;
			int y = qy + (room - ref_h) / 2;

			y = y < qy ? qy : y;
			reference_draw(ui, r, v, &ref, (SDL_Rect){rx, y, rw, ref_h});
			qy = y < qy ? y : qy;
		}
		requirements(ui, r, v,
			     (SDL_Rect){2 * u, top + u / 2, ui->width - 4 * u,
					qy - u / 2 - (top + u / 2)});
	} else {
		/* no code: the reference beside Done */
		int w = ui->width - 4 * u;

		still_h = mck__ui_still_height(ui, v, ui->width);
		if (still_h > 0) {
			mck__ui_still(ui, r, v, (SDL_Rect){0, top, ui->width, still_h});
			top += still_h;
		}
		bottom = foot(ui, r, v, (SDL_Rect){2 * u, top, w, below.y + below.h - top});
		requirements(ui, r, v,
			     (SDL_Rect){2 * u, top + u / 2, w, bottom - u / 2 - (top + u / 2)});
	}
}
