/* The keypad's focus; see focus.h. */
#include "focus.h"

#include <stdio.h>

static bool same(struct mck_focus_target a, struct mck_focus_target b)
{
	return a.hit == b.hit && a.index == b.index;
}

static void add(const struct mck_ui *ui, enum mck_ui_hit hit, int index,
		struct mck_focus_target *out, size_t cap, size_t *n)
{
	if (*n < cap && mck_ui_offers(ui, hit, index)) {
		out[(*n)++] = (struct mck_focus_target){hit, index};
	}
}

/* Reading order: a row (the same top, give or take a few pixels) left to right. */
static bool before(const struct mck_ui *ui, struct mck_focus_target a, struct mck_focus_target b)
{
	SDL_Rect ra = mck_ui_hit_rect(ui, a.hit, a.index);
	SDL_Rect rb = mck_ui_hit_rect(ui, b.hit, b.index);
	int dy = ra.y - rb.y;

	if (dy > 4 || dy < -4) {
		return dy < 0;
	}
	return ra.x < rb.x;
}

size_t mck_focus_targets(const struct mck_ui *ui, struct mck_focus_target *out, size_t cap)
{
	size_t n = 0;

	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		add(ui, MCK_UI_HIT_PICK, l, out, cap, &n);
	}
	for (int p = 0; p < MCK_VIEW_POLICIES; p++) {
		add(ui, MCK_UI_HIT_POLICY, p, out, cap, &n);
	}
	for (int h = MCK_UI_HIT_NONE + 1; h < MCK_UI_HIT_COUNT; h++) {
		if (h != MCK_UI_HIT_PICK && h != MCK_UI_HIT_POLICY && h != MCK_UI_HIT_STATUS) {
			add(ui, (enum mck_ui_hit)h, 0, out, cap, &n);
		}
	}
	/* a few targets: insertion sort */
	for (size_t i = 1; i < n; i++) {
		struct mck_focus_target t = out[i];
		size_t j = i;

		for (; j > 0 && before(ui, t, out[j - 1]); j--) {
			out[j] = out[j - 1];
		}
		out[j] = t;
	}
	return n;
}

struct mck_focus_target mck_focus_default(const struct mck_ui *ui, const struct mck_view *v)
{
	/* the main action of each screen, the first that is there */
	const struct mck_focus_target prefer[] = {
		{MCK_UI_HIT_PICK, (int)v->lang}, {MCK_UI_HIT_POLICY, 0}, {MCK_UI_HIT_DONE, 0},
		{MCK_UI_HIT_FINISH, 0},          {MCK_UI_HIT_START, 0},
	};
	struct mck_focus_target all[MCK_FOCUS_MAX];

	for (size_t i = 0; i < sizeof(prefer) / sizeof(prefer[0]); i++) {
		if (mck_ui_offers(ui, prefer[i].hit, prefer[i].index)) {
			return prefer[i];
		}
	}
	if (mck_focus_targets(ui, all, MCK_FOCUS_MAX) > 0) {
		return all[0];
	}
	return (struct mck_focus_target){MCK_UI_HIT_NONE, 0};
}

static struct mck_focus_target current(const struct mck_view *v)
{
	return (struct mck_focus_target){(enum mck_ui_hit)v->focus.hit, v->focus.index};
}

static void set(struct mck_view *v, struct mck_focus_target t)
{
	v->focus.hit = (int)t.hit;
	v->focus.index = t.index;
	v->focus.screen = (int)v->screen;
}

void mck_focus_set(struct mck_kiosk *k, enum mck_ui_hit hit, int index)
{
	set(&k->view, (struct mck_focus_target){hit, index});
}

bool mck_focus_sync(struct mck_kiosk *k)
{
	struct mck_focus_target t = current(&k->view);

	if (k->view.focus.screen == (int)k->view.screen && mck_ui_offers(k->ui, t.hit, t.index)) {
		return false;
	}
	set(&k->view, mck_focus_default(k->ui, &k->view));
	return !same(t, current(&k->view));
}

enum mck_lang mck_focus_label(const struct mck_view *v, struct mck_focus_target t, char *out,
			      size_t cap)
{
	enum mck_lang lang = v->lang;
	enum mck_text text = MCK_TEXT_COUNT;

	switch (t.hit) {
	case MCK_UI_HIT_PICK:
		if (t.index >= 0 && t.index < MCK_LANG_COUNT) {
			lang = (enum mck_lang)
				       t.index; /* each language by its own name, in its voice */
		}
		text = MCK_TEXT_LANGUAGE_NAME;
		break;
	case MCK_UI_HIT_LANGUAGE:
		text = MCK_TEXT_LANGUAGE_NAME;
		break;
	case MCK_UI_HIT_START:
		text = MCK_TEXT_SESSION_START;
		break;
	case MCK_UI_HIT_FINISH:
		text = MCK_TEXT_SESSION_FINISH;
		break;
	case MCK_UI_HIT_CANCEL:
		text = MCK_TEXT_SESSION_CANCEL;
		break;
	case MCK_UI_HIT_DONE:
		text = v->screen == MCK_SCREEN_RESULT ? MCK_TEXT_NEXT_PERSON
						      : MCK_TEXT_SESSION_DONE;
		break;
	case MCK_UI_HIT_STATUS:
		text = MCK_TEXT_OPERATOR_TITLE;
		break;
	case MCK_UI_HIT_POLICY:
		/* the operator's name of the check, sanitised when it was loaded */
		snprintf(out, cap, "%s",
			 t.index >= 0 && t.index < MCK_VIEW_POLICIES ? v->session.names[t.index]
								     : "");
		return lang;
	case MCK_UI_HIT_NONE:
	case MCK_UI_HIT_COUNT:
		break;
	}
	snprintf(out, cap, "%s", text != MCK_TEXT_COUNT ? mck_i18n_text(lang, text) : "");
	return lang;
}

void mck_focus_move(struct mck_kiosk *k, int step)
{
	struct mck_focus_target all[MCK_FOCUS_MAX];
	struct mck_focus_target t = current(&k->view);
	size_t n = mck_focus_targets(k->ui, all, MCK_FOCUS_MAX);
	size_t at = n;
	char label[160];

	if (n == 0) {
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (same(all[i], t)) {
			at = i;
		}
	}
	if (at == n) {
		/* nothing focused here yet: the first key shows where the focus starts */
		t = mck_focus_default(k->ui, &k->view);
	} else if (k->view.focus.shown) {
		t = all[(at + (size_t)(step % (int)n + (int)n)) % n]; /* round, either way */
	}
	set(&k->view, t);
	k->view.focus.shown = true;
	mck_speech_announce(&k->speech, mck_focus_label(&k->view, t, label, sizeof(label)), label);
}
