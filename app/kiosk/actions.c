/* The kiosk's actions; see actions.h. */
#include "actions.h"

static void language(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	k->view.picker = !k->view.picker;
	k->shown_at = SDL_GetTicks64(); /* choosing is not idling */
}

static void pick(struct mck_kiosk *k, int x, int y)
{
	enum mck_lang lang = k->view.lang;

	mck_ui_hit_test(k->ui, x, y, &lang);
	mck_kiosk_set_lang(k, lang);
	k->view.picker = false;
}

static void next_language(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_kiosk_set_lang(k, (enum mck_lang)((k->view.lang + 1) % MCK_LANG_COUNT));
}

/* Large text on or off (display.large_text; EN 301 549 5.1.4): kept for a new layout too. */
static void large_text(struct mck_kiosk *k, int x, int y)
{
	char msg[256];

	(void)x;
	(void)y;
	if (mck_ui_set_large_text(k->ui, !k->opt.set.large_text, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mckiosk: large text: %s\n", msg);
		return;
	}
	k->opt.set.large_text = !k->opt.set.large_text;
}

static void start(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	/* a result on screen goes first: a check starts with nothing of anyone */
	mck_kiosk_forget(k);
	/* one policy: start it; several: the operator picks */
	if (k->check.count > 1) {
		k->view.screen = MCK_SCREEN_POLICIES;
	} else {
		mck_check_start(&k->check, &k->view, 0);
	}
	k->shown_at = SDL_GetTicks64();
}

static void policy(struct mck_kiosk *k, int x, int y)
{
	mck_check_start(&k->check, &k->view, (size_t)mck_ui_policy_at(k->ui, x, y));
	k->shown_at = SDL_GetTicks64();
}

static void finish(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_check_finish(&k->check, &k->view, mck_kiosk_now(k));
	k->shown_at = SDL_GetTicks64();
}

static void clear(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_kiosk_clear_screen(k);
}

static void clear_result(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_view_clear_result(&k->view);
}

static void operator_screen(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	k->view.picker = false;
	if (k->view.screen == MCK_SCREEN_OPERATOR) {
		k->view.screen = MCK_SCREEN_IDLE;
	} else {
		mck_kiosk_forget(k); /* the operator never sees a learner's data */
		k->view.screen = MCK_SCREEN_OPERATOR;
		k->shown_at = SDL_GetTicks64();
	}
}

static void quit(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	k->quit = true;
}

static void scroll_down(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_actions_scroll(k, 1);
}

static void scroll_up(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_actions_scroll(k, -1);
}

static void speech_toggle(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_speech_toggle(&k->speech, k->view.lang);
}

/* Speech on, a result shown: its details said (learner, title, awarding body, EQF, workload). */
static void speech_details(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_speech_details(&k->speech, &k->view);
}

static bool no_check(const struct mck_kiosk *k)
{
	return !k->check.active;
}

static bool in_check(const struct mck_kiosk *k)
{
	return k->check.active;
}

static bool in_session(const struct mck_kiosk *k)
{
	return k->view.screen == MCK_SCREEN_SESSION;
}

/*
 * Every action. A key standing for a touch target acts only while the target
 * is on the screen drawn last, as a touch could.
 */
static const struct action {
	enum mck_ui_hit hit; /* its touch target, or NONE: keys only */
	SDL_Keycode keys[2];
	bool (*when)(const struct mck_kiosk *k); /* NULL: always */
	void (*run)(struct mck_kiosk *k, int x, int y);
} actions[] = {
	{MCK_UI_HIT_LANGUAGE, {0, 0}, NULL, language},
	{MCK_UI_HIT_PICK, {0, 0}, NULL, pick},
	{MCK_UI_HIT_START, {SDLK_F3, SDLK_s}, no_check, start},
	{MCK_UI_HIT_POLICY, {0, 0}, NULL, policy},
	{MCK_UI_HIT_FINISH, {SDLK_RETURN, SDLK_f}, in_session, finish},
	{MCK_UI_HIT_CANCEL, {0, 0}, NULL, clear},
	{MCK_UI_HIT_DONE, {0, 0}, NULL, clear},
	{MCK_UI_HIT_STATUS, {SDLK_o, SDLK_F2}, NULL, operator_screen},
	{MCK_UI_HIT_NONE, {SDLK_ESCAPE, SDLK_q}, NULL, quit},
	{MCK_UI_HIT_NONE, {SDLK_DOWN, 0}, NULL, scroll_down},
	{MCK_UI_HIT_NONE, {SDLK_UP, 0}, NULL, scroll_up},
	{MCK_UI_HIT_NONE, {SDLK_l, 0}, NULL, next_language},
	{MCK_UI_HIT_NONE, {SDLK_PLUS, SDLK_KP_PLUS}, NULL, large_text},
	{MCK_UI_HIT_NONE, {SDLK_v, SDLK_KP_MULTIPLY}, NULL, speech_toggle},
	{MCK_UI_HIT_NONE, {SDLK_i, 0}, NULL, speech_details},
	{MCK_UI_HIT_NONE, {SDLK_SPACE, 0}, no_check, clear_result},
	{MCK_UI_HIT_NONE, {SDLK_c, SDLK_d}, in_check, clear},
};

void mck_actions_tap(struct mck_kiosk *k, int x, int y)
{
	enum mck_lang lang = k->view.lang;
	enum mck_ui_hit hit = mck_ui_hit_test(k->ui, x, y, &lang);

	for (size_t i = 0; hit != MCK_UI_HIT_NONE && i < sizeof(actions) / sizeof(actions[0]);
	     i++) {
		if (actions[i].hit == hit) {
			actions[i].run(k, x, y);
			return;
		}
	}
	if (k->view.picker) {
		k->view.picker = false; /* a touch beside the picker closes it */
	} else if (k->check.active) {
		/* a stray touch never ends a check (Cancel or Done does): it keeps it alive */
		mck_kiosk_touched(k, SDL_GetTicks64());
	} else {
		mck_view_clear_result(&k->view);
	}
}

bool mck_actions_key(struct mck_kiosk *k, SDL_Keycode key)
{
	for (size_t i = 0; key != 0 && i < sizeof(actions) / sizeof(actions[0]); i++) {
		const struct action *a = &actions[i];
		SDL_Rect b;

		if (a->keys[0] != key && a->keys[1] != key) {
			continue;
		}
		if (a->when != NULL && !a->when(k)) {
			return false;
		}
		if (a->hit == MCK_UI_HIT_NONE) {
			a->run(k, 0, 0);
			return true;
		}
		b = mck_ui_hit_rect(k->ui, a->hit, 0);
		if (b.w <= 0) {
			return false; /* its target is not on the screen */
		}
		a->run(k, b.x + b.w / 2, b.y + b.h / 2);
		return true;
	}
	return false;
}

void mck_actions_scroll(struct mck_kiosk *k, int rows)
{
	if (rows < 0 && (unsigned)-rows > k->view.scroll) {
		k->view.scroll = 0;
	} else {
		k->view.scroll = (unsigned)((int)k->view.scroll + rows);
	}
}
