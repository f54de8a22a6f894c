/*
 * Waiting for a code: what to do, a pictogram of a phone showing one, the
 * camera's live picture; "Part 1 of 2 read" while the parts of a chunked credential come in.
 */
#include <stdio.h>

#include "screens.h"

/* A phone showing a QR code, drawn with rectangles: nothing to translate. */
static void draw_pictogram(struct mck_ui *ui, SDL_Renderer *r, SDL_Rect at)
{
	int m = at.w / 12 > 1 ? at.w / 12 : 1; /* one module */
	int qx = at.x + (at.w - 9 * m) / 2;
	int qy = at.y + (at.h - 9 * m) / 2;
	uint32_t bits = 0x5a3c96e1u;

	mck__ui_box(ui, MCK_UI_BOX_IMAGE, at);
	mck__ui_fill(r, at, mck__ui_pal.slate);
	mck__ui_fill(r, (SDL_Rect){at.x + m / 2 + 1, at.y + 2 * m, at.w - m - 2, at.h - 4 * m},
		     mck__ui_pal.white);
	for (int y = 0; y < 9; y++) {
		for (int x = 0; x < 9; x++) {
			bool finder = (x < 3 && y < 3) || (x > 5 && y < 3) || (x < 3 && y > 5);
			bool dark;

			if (finder) {
				dark = true; /* the three finder squares */
			} else {
				bits = bits * 1103515245u + 12345u;
				dark = (bits >> 16) & 1u;
			}
			if (dark) {
				mck__ui_fill(r, (SDL_Rect){qx + x * m, qy + y * m, m, m},
					     mck__ui_pal.ink);
			}
		}
	}
}

/* The camera's picture, fitted into @p at with a frame, so people see what it sees. */
static void draw_preview(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect at)
{
	int w = v->preview_w;
	int h = v->preview_h;
	SDL_Rect dst;

	if (w <= 0 || h <= 0 || w > MCK_VIEW_PREVIEW_W || h > MCK_VIEW_PREVIEW_H) {
		return;
	}
	/* Fit, keeping the aspect ratio. */
	dst.w = at.w;
	dst.h = at.w * h / w;
	if (dst.h > at.h) {
		dst.h = at.h;
		dst.w = at.h * w / h;
	}
	dst.x = at.x + (at.w - dst.w) / 2;
	dst.y = at.y + (at.h - dst.h) / 2;
	mck__ui_fill(r, (SDL_Rect){dst.x - 2, dst.y - 2, dst.w + 4, dst.h + 4}, mck__ui_pal.frame);
	mck__ui_box(ui, MCK_UI_BOX_IMAGE, (SDL_Rect){dst.x - 2, dst.y - 2, dst.w + 4, dst.h + 4});
	mck__ui_live_picture(ui, r, v, dst); /* the one part of idle that moves */
}

static void draw_idle(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area)
{
	int u = ui->unit;
	int pic = area.h / 3 < area.w / 3 ? area.h / 3 : area.w / 3;
	int w = area.w - 4 * u;
	const char *title = mck_i18n_text(v->lang, MCK_TEXT_IDLE_TITLE);
	const char *hint = mck_i18n_text(v->lang, v->status.scanner ? MCK_TEXT_IDLE_HINT_SCANNER
								    : MCK_TEXT_IDLE_HINT);
	int y = area.y + 2 * u;
	int room;

	bool ours = mck__ui_ours(ui, true); /* idle's words stay for the next idle */

	mck__ui_fill(r, area, mck__ui_pal.white);
	y += mck__ui_wrapped(ui, r, F_TITLE, title, mck__ui_pal.ink,
			     (SDL_Rect){2 * u, y, w,
					mck__ui_lines(ui, F_TITLE, title, w, MCK_UI_WRAP_WORDS) *
						mck__ui_skip(ui, F_TITLE)});
	y += u / 2;
	y += mck__ui_wrapped(ui, r, F_REASON, hint, mck__ui_pal.muted,
			     (SDL_Rect){2 * u, y, w,
					mck__ui_lines(ui, F_REASON, hint, w, MCK_UI_WRAP_WORDS) *
						mck__ui_skip(ui, F_REASON)});
	/* at the foot, how to turn speech and large text on (EN 301 549 5.2): staff read it
	 * out, a low-vision learner finds it; where the screen is short (a part of a code
	 * read, large text), the prompt goes first */
	{
		const char *access = mck_i18n_text(v->lang, MCK_TEXT_IDLE_ACCESS);
		int lines = mck__ui_lines(ui, F_LABEL, access, w, MCK_UI_WRAP_PHRASES);
		int h = lines * mck__ui_skip(ui, F_LABEL);

		if (area.y + area.h - y >= h + 2 * u) {
			mck__ui_wrapped_as(ui, r, F_LABEL, access, mck__ui_pal.muted,
					   (SDL_Rect){2 * u, area.y + area.h - u - h, w, h},
					   MCK_UI_WRAP_PHRASES);
			area.h -= h + u;
		}
	}
	mck__ui_ours(ui, ours);
	room = area.y + area.h - y - 2 * u;
	if (v->preview != NULL && room > pic / 2) {
		/* Pictogram left, the live picture right (below on a portrait screen). */
		bool portrait = area.w < area.h;
		int side = room < pic ? room : pic;

		if (portrait) {
			draw_pictogram(ui, r,
				       (SDL_Rect){(area.w - side * 3 / 10) / 2, y + u,
						  side * 3 / 10, side / 2});
			draw_preview(ui, r, v,
				     (SDL_Rect){2 * u, y + 2 * u + side / 2, area.w - 4 * u,
						room - side / 2 - u});
		} else {
			draw_pictogram(ui, r,
				       (SDL_Rect){2 * u + area.w / 6 - side * 3 / 10, y + u,
						  side * 6 / 10, side});
			draw_preview(
				ui, r, v,
				(SDL_Rect){area.w / 3 + u, y + u, area.w * 2 / 3 - 3 * u, room});
		}
	} else if (room > pic / 2) {
		int side = room < pic ? room : pic;
		draw_pictogram(
			ui, r,
			(SDL_Rect){(area.w - side * 6 / 10) / 2, y + u, side * 6 / 10, side});
	}
}

void mck__ui_screen_idle(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 const struct mck_ui_frame *f)
{
	draw_idle(ui, r, v, f->content);
}

/* Not a verdict: a blue band with only the progress, one square per part; idle below. */
void mck__ui_screen_progress(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f)
{
	int u = ui->unit;
	char text[256];
	struct mck_ui_band b = {
		.bg = mck__ui_pal.blue,
		.fg = mck__ui_pal.white,
		.word = text,
		.word_role = F_TITLE,
		.foot = 3 * u,
	};
	SDL_Rect band;

	if (v->chunk_next > 0) {
		/* which part to show now: the count alone read "Part 1 of 2" after part 2 */
		snprintf(text, sizeof(text), mck_i18n_text(v->lang, MCK_TEXT_CHUNK_NEXT),
			 v->chunk_have, v->chunk_total, v->chunk_next);
	} else {
		snprintf(text, sizeof(text), mck_i18n_text(v->lang, MCK_TEXT_CHUNK_PROGRESS),
			 v->chunk_have, v->chunk_total);
	}
	band = mck__ui_band_draw(ui, r, &b);
	/* One square per part: filled when read. */
	for (unsigned i = 0; i < v->chunk_total && i < 16; i++) {
		SDL_Rect sq = {2 * u + (int)i * 3 * u, band.h - 3 * u, 2 * u, 2 * u};

		mck__ui_fill(r, sq, mck__ui_pal.white);
		if (i >= v->chunk_have) {
			mck__ui_fill(r, (SDL_Rect){sq.x + 3, sq.y + 3, sq.w - 6, sq.h - 6},
				     mck__ui_pal.blue);
		}
	}
	draw_idle(ui, r, v, mck__ui_under(f, band));
}
