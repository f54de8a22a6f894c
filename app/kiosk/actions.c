/* The kiosk's actions; see actions.h. */
#include "actions.h"

#include "focus.h"
#include "keypad.h"

static void language(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	k->view.picker = !k->view.picker;
	k->shown_at = SDL_GetTicks64(); /* choosing is not idling */
	/* the keypad's focus: in the picker on the language now, back on its button after */
	mck_focus_set(k, k->view.picker ? MCK_UI_HIT_PICK : MCK_UI_HIT_LANGUAGE,
		      k->view.picker ? (int)k->view.lang : 0);
}

static void pick(struct mck_kiosk *k, int x, int y)
{
	enum mck_lang lang = k->view.lang;

	mck_ui_hit_test(k->ui, x, y, &lang);
	mck_kiosk_set_lang(k, lang);
	k->view.picker = false;
	mck_focus_set(k, MCK_UI_HIT_LANGUAGE, 0);
}

static void next_language(struct mck_kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	mck_kiosk_set_lang(k, (enum mck_lang)((k->view.lang + 1) % MCK_LANG_COUNT));
	/* a listener hears which language it is now, in its own voice */
	mck_speech_announce(&k->speech, k->view.lang,
			    mck_i18n_text(k->view.lang, MCK_TEXT_LANGUAGE_NAME));
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
 * Every touch target's action. A key standing for a touch target acts only
 * while the target is on the screen drawn last, as a touch could.
 */
static const struct action {
	enum mck_ui_hit hit;
	void (*run)(struct mck_kiosk *k, int x, int y);
} actions[] = {
	{MCK_UI_HIT_LANGUAGE, language}, {MCK_UI_HIT_PICK, pick},
	{MCK_UI_HIT_START, start},       {MCK_UI_HIT_POLICY, policy},
	{MCK_UI_HIT_FINISH, finish},     {MCK_UI_HIT_CANCEL, clear},
	{MCK_UI_HIT_DONE, clear},        {MCK_UI_HIT_STATUS, operator_screen},
};

/* The target's action, as a touch at its middle; false when the screen does not offer it. */
static bool press(struct mck_kiosk *k, enum mck_ui_hit hit, int index)
{
	SDL_Rect b = mck_ui_hit_rect(k->ui, hit, index);

	if (!mck_ui_offers(k->ui, hit, index)) {
		return false;
	}
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
		if (actions[i].hit == hit) {
			actions[i].run(k, b.x + b.w / 2, b.y + b.h / 2);
			return true;
		}
	}
	return false;
}

void mck_actions_tap(struct mck_kiosk *k, int x, int y)
{
	enum mck_lang lang = k->view.lang;
	enum mck_ui_hit hit = mck_ui_hit_test(k->ui, x, y, &lang);

	k->view.focus.shown = false; /* a touch: the ring is for keys */
	for (size_t i = 0; hit != MCK_UI_HIT_NONE && i < sizeof(actions) / sizeof(actions[0]);
	     i++) {
		if (actions[i].hit == hit) {
			actions[i].run(k, x, y);
			return;
		}
	}
	if (k->view.picker) {
		k->view.picker = false; /* a touch beside the picker closes it */
	} else if (k->check.active || k->view.screen == MCK_SCREEN_RESULT) {
		/* A stray touch never ends a check or a result (Done does): it says someone is
		 * still there and keeps it its full time (EN 301 549 5.2, WCAG 2.2.1). */
		mck_kiosk_touched(k, SDL_GetTicks64());
	} else {
		mck_view_clear_result(&k->view); /* the operator's screen: back to idle */
	}
}

/* Esc, backspace, keypad -: leave this screen where that loses nothing of a check. */
static void back(struct mck_kiosk *k)
{
	if (k->view.picker) {
		k->view.picker = false;
		return;
	}
	switch (k->view.screen) {
	case MCK_SCREEN_RESULT:
	case MCK_SCREEN_PROGRESS:
	case MCK_SCREEN_DECISION:
	case MCK_SCREEN_POLICIES:
		mck_kiosk_clear_screen(k);
		break;
	case MCK_SCREEN_OPERATOR:
		operator_screen(k, 0, 0);
		break;
	case MCK_SCREEN_IDLE:
	case MCK_SCREEN_ERROR:
	case MCK_SCREEN_SESSION: /* a check ends by Cancel or Finish, never by a slip */
		break;
	}
}

/* Up and down scroll where a list scrolls (a result's details, a check's list), else move. */
static void vertical(struct mck_kiosk *k, int step)
{
	if (k->view.screen == MCK_SCREEN_RESULT || k->view.screen == MCK_SCREEN_SESSION) {
		mck_actions_scroll(k, step);
	} else {
		mck_focus_move(k, step);
	}
}

/* The focused target, as a touch; the screen's main action when nothing is focused. */
static void activate(struct mck_kiosk *k)
{
	mck_focus_sync(k);
	k->view.focus.shown = true;
	press(k, (enum mck_ui_hit)k->view.focus.hit, k->view.focus.index);
}

enum mck_key mck_actions_key(struct mck_kiosk *k, SDL_Keycode sym, SDL_Scancode code, Uint16 mod,
			     bool repeat)
{
	enum mck_key key = mck_keypad_command(sym, code, mod);
	uint64_t now = SDL_GetTicks64();
	uint64_t strike = (uint64_t)k->opt.set.double_strike_ms;

	if (repeat && (!k->opt.set.key_repeat || !mck_keypad_repeats(key))) {
		return MCK_KEY_NONE; /* a key held down toggles once; keys.repeat off: moves once */
	}
	if (!repeat) {
		/* keys.double_strike: a tremor's second press of the same key is not a second */
		bool again = code == k->last_key && now - k->last_key_at < strike;

		k->last_key = code;
		k->last_key_at = now;
		if (again) {
			return MCK_KEY_NONE;
		}
	}
	/* any key says someone is there: a check or a result keeps its full time */
	mck_kiosk_touched(k, now);
	switch (key) {
	case MCK_KEY_NEXT:
	case MCK_KEY_PREV:
		mck_focus_move(k, key == MCK_KEY_NEXT ? 1 : -1);
		break;
	case MCK_KEY_UP:
	case MCK_KEY_DOWN:
		vertical(k, key == MCK_KEY_DOWN ? 1 : -1);
		break;
	case MCK_KEY_ACTIVATE:
		activate(k);
		break;
	case MCK_KEY_BACK:
		back(k);
		break;
	case MCK_KEY_REPEAT:
		mck_speech_repeat(&k->speech, &k->view);
		break;
	case MCK_KEY_DETAILS:
		mck_speech_details(&k->speech, &k->view);
		break;
	case MCK_KEY_SPEECH:
		mck_speech_toggle(&k->speech, k->view.lang);
		break;
	case MCK_KEY_LANGUAGE:
		next_language(k, 0, 0);
		break;
	case MCK_KEY_LARGE:
		large_text(k, 0, 0);
		break;
	case MCK_KEY_LOUDER:
	case MCK_KEY_SOFTER:
		mck_speech_volume(&k->speech, key == MCK_KEY_LOUDER ? 1 : -1);
		break;
	case MCK_KEY_START:
		if (no_check(k)) {
			press(k, MCK_UI_HIT_START, 0);
		}
		break;
	case MCK_KEY_FINISH:
		if (in_session(k)) {
			press(k, MCK_UI_HIT_FINISH, 0);
		}
		break;
	case MCK_KEY_CLEAR:
		if (in_check(k)) {
			clear(k, 0, 0);
		}
		break;
	case MCK_KEY_OPERATOR:
		press(k, MCK_UI_HIT_STATUS, 0);
		break;
	case MCK_KEY_QUIT:
		k->quit = true;
		break;
	case MCK_KEY_NONE:
	case MCK_KEY_COUNT:
		break;
	}
	return key;
}

void mck_actions_scroll(struct mck_kiosk *k, int rows)
{
	if (rows < 0 && (unsigned)-rows > k->view.scroll) {
		k->view.scroll = 0;
	} else {
		k->view.scroll = (unsigned)((int)k->view.scroll + rows);
	}
}
