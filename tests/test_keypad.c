/*
 * The kiosk without touch (EN 301 549 5.1.3, 5.5; issue 18): a numeric
 * keypad's keys by where they are, the focus over each screen's targets in
 * reading order, Enter acting as a touch, keys held down, and the time the
 * learner meets: a touch or key extends it, speech doubles it. The kiosk's
 * own modules on a software renderer; the screens are drawn as the loop
 * draws them, so keys act on what is shown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actions.h"
#include "focus.h"
#include "keypad.h"
#include "kiosk.h"

#define POLICY MCK_FIXTURES "/../../docs/examples/policy-cloud-exam.json"

struct rig {
	struct mck_kiosk k;
	SDL_Surface *panel;
	SDL_Renderer *r;
};

/* The screen as the loop leaves it: drawn, then the focus on what it offers. */
static void draw(struct rig *g)
{
	mck_ui_draw(g->k.ui, g->r, &g->k.view);
	mck_focus_sync(&g->k);
	mck_ui_draw(g->k.ui, g->r, &g->k.view); /* the ring where the focus went */
}

static enum mck_key key(struct rig *g, SDL_Keycode sym, SDL_Scancode code, Uint16 mod)
{
	enum mck_key cmd = mck_actions_key(&g->k, sym, code, mod, false);

	draw(g);
	return cmd;
}

/* A keypad key: the same scancode whatever NumLock makes its symbol. */
static enum mck_key pad(struct rig *g, SDL_Scancode code)
{
	return key(g, SDLK_UNKNOWN, code, KMOD_NONE);
}

/* The kiosk with @p policies checks (0: none; 1: the Cloud exam; 2: and Digital skills). */
static void rig_open(struct rig *g, size_t policies)
{
	static const char *const files[] = {
		POLICY,
		MCK_FIXTURES "/../../docs/examples/policy-digital-skills.json",
	};

	memset(g, 0, sizeof(*g));
	assert_int_equal(SDL_Init(SDL_INIT_EVENTS), 0);
	g->k.opt.fonts = "/usr/share/fonts/truetype/noto";
	g->k.opt.src.anchors = MCK_FIXTURES "/anchors";
	g->k.opt.src.trust = MCK_FIXTURES "/trust/trustlist.jws";
	g->k.opt.src.status = MCK_FIXTURES "/status";
	g->k.opt.has_now = true;
	g->k.opt.now = 1795000000;
	g->k.opt.clear_after_s = 30;
	g->k.opt.after_code_left_s = 5;
	g->k.opt.operator_after_s = 60;
	for (size_t i = 0; i < policies && i < sizeof(files) / sizeof(files[0]); i++) {
		g->k.opt.policy[g->k.opt.policies++] = files[i];
	}
	assert_int_equal(mck_kiosk_init(&g->k, 800, 480), 0);
	g->panel = SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(g->panel);
	g->r = SDL_CreateSoftwareRenderer(g->panel);
	assert_non_null(g->r);
	draw(g);
}

static void rig_close(struct rig *g)
{
	mck_kiosk_free(&g->k);
	SDL_DestroyRenderer(g->r);
	SDL_FreeSurface(g->panel);
	SDL_Quit();
}

/* A learner shows the fixture's genuine credential. */
static void show_valid(struct rig *g)
{
	static char text[4096];
	FILE *f = fopen(MCK_FIXTURES "/cases/valid-es256-compact/input0.txt", "r");
	char *texts[1] = {text};
	size_t len;

	assert_non_null(f);
	len = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r')) {
		len--;
	}
	text[len] = '\0';
	mck_kiosk_scanned(&g->k, texts, &len, 1);
	draw(g);
}

static bool focused(const struct rig *g, enum mck_ui_hit hit, int index)
{
	return g->k.view.focus.hit == (int)hit && g->k.view.focus.index == index;
}

static SDL_Color pixel(const struct rig *g, int x, int y)
{
	Uint32 p;
	SDL_Color c;

	assert_int_equal(SDL_LockSurface(g->panel), 0);
	p = ((const Uint32 *)((const Uint8 *)g->panel->pixels + (size_t)y * g->panel->pitch))[x];
	SDL_UnlockSurface(g->panel);
	SDL_GetRGB(p, g->panel->format, &c.r, &c.g, &c.b);
	return c;
}

static void test_keys(void **state)
{
	(void)state;
	/* a numeric keypad, NumLock on (its digits) or off (arrows): the same commands */
	assert_int_equal(mck_keypad_command(SDLK_KP_8, SDL_SCANCODE_KP_8, KMOD_NUM), MCK_KEY_UP);
	assert_int_equal(mck_keypad_command(SDLK_UP, SDL_SCANCODE_KP_8, KMOD_NONE), MCK_KEY_UP);
	assert_int_equal(mck_keypad_command(SDLK_KP_2, SDL_SCANCODE_KP_2, 0), MCK_KEY_DOWN);
	assert_int_equal(mck_keypad_command(SDLK_KP_4, SDL_SCANCODE_KP_4, 0), MCK_KEY_PREV);
	assert_int_equal(mck_keypad_command(SDLK_KP_6, SDL_SCANCODE_KP_6, 0), MCK_KEY_NEXT);
	assert_int_equal(mck_keypad_command(SDLK_KP_5, SDL_SCANCODE_KP_5, 0), MCK_KEY_ACTIVATE);
	assert_int_equal(mck_keypad_command(SDLK_KP_ENTER, SDL_SCANCODE_KP_ENTER, 0),
			 MCK_KEY_ACTIVATE);
	assert_int_equal(mck_keypad_command(SDLK_KP_MINUS, SDL_SCANCODE_KP_MINUS, 0), MCK_KEY_BACK);
	assert_int_equal(mck_keypad_command(SDLK_KP_0, SDL_SCANCODE_KP_0, 0), MCK_KEY_REPEAT);
	assert_int_equal(mck_keypad_command(SDLK_DELETE, SDL_SCANCODE_KP_PERIOD, 0),
			 MCK_KEY_DETAILS);
	assert_int_equal(mck_keypad_command(SDLK_KP_MULTIPLY, SDL_SCANCODE_KP_MULTIPLY, 0),
			 MCK_KEY_SPEECH);
	assert_int_equal(mck_keypad_command(SDLK_KP_DIVIDE, SDL_SCANCODE_KP_DIVIDE, 0),
			 MCK_KEY_LANGUAGE);
	assert_int_equal(mck_keypad_command(SDLK_KP_PLUS, SDL_SCANCODE_KP_PLUS, 0), MCK_KEY_LARGE);
	assert_int_equal(mck_keypad_command(SDLK_KP_9, SDL_SCANCODE_KP_9, 0), MCK_KEY_LOUDER);
	assert_int_equal(mck_keypad_command(SDLK_PAGEDOWN, SDL_SCANCODE_KP_3, 0), MCK_KEY_SOFTER);
	assert_int_equal(mck_keypad_command(SDLK_VOLUMEUP, SDL_SCANCODE_VOLUMEUP, 0),
			 MCK_KEY_LOUDER);
	/* a keyboard */
	assert_int_equal(mck_keypad_command(SDLK_TAB, SDL_SCANCODE_TAB, 0), MCK_KEY_NEXT);
	assert_int_equal(mck_keypad_command(SDLK_TAB, SDL_SCANCODE_TAB, KMOD_LSHIFT), MCK_KEY_PREV);
	assert_int_equal(mck_keypad_command(SDLK_RETURN, SDL_SCANCODE_RETURN, 0), MCK_KEY_ACTIVATE);
	assert_int_equal(mck_keypad_command(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, 0), MCK_KEY_BACK);
	assert_int_equal(mck_keypad_command(SDLK_r, SDL_SCANCODE_R, 0), MCK_KEY_REPEAT);
	assert_int_equal(mck_keypad_command(SDLK_i, SDL_SCANCODE_I, 0), MCK_KEY_DETAILS);
	/* a stranger's keyboard cannot end the kiosk with one key: Ctrl+Q only */
	assert_int_equal(mck_keypad_command(SDLK_q, SDL_SCANCODE_Q, 0), MCK_KEY_NONE);
	assert_int_equal(mck_keypad_command(SDLK_q, SDL_SCANCODE_Q, KMOD_LCTRL), MCK_KEY_QUIT);
	assert_int_equal(mck_keypad_command(SDLK_v, SDL_SCANCODE_V, KMOD_RCTRL), MCK_KEY_NONE);
	assert_int_equal(mck_keypad_command(SDLK_x, SDL_SCANCODE_X, 0), MCK_KEY_NONE);
	/* held down: moving repeats, a toggle does not */
	assert_true(mck_keypad_repeats(MCK_KEY_NEXT));
	assert_true(mck_keypad_repeats(MCK_KEY_DOWN));
	assert_true(mck_keypad_repeats(MCK_KEY_SOFTER)); /* a step at a time, bounded */
	assert_false(mck_keypad_repeats(MCK_KEY_SPEECH));
	assert_false(mck_keypad_repeats(MCK_KEY_LARGE));
	assert_false(mck_keypad_repeats(MCK_KEY_ACTIVATE));
	for (int c = 0; c < MCK_KEY_COUNT; c++) {
		assert_string_not_equal(mck_keypad_name((enum mck_key)c), "?");
	}
}

/* valid → details → next person, with the keypad alone; the ring shows where the focus is */
static void test_result_by_keypad(void **state)
{
	struct rig g;
	SDL_Rect done;
	SDL_Color c;

	(void)state;
	rig_open(&g, 0);
	show_valid(&g);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_RESULT);
	assert_int_equal(g.k.view.verdict, MCK_VERDICT_VALID);
	/* the focus is on the screen's main action, its ring hidden until a key is used */
	assert_true(focused(&g, MCK_UI_HIT_DONE, 0));
	assert_false(g.k.view.focus.shown);
	done = mck_ui_hit_rect(g.k.ui, MCK_UI_HIT_DONE, 0);
	c = pixel(&g, done.x + 1, done.y + 1);
	assert_false(c.r < 40 && c.g < 40 && c.b < 40); /* the button, no ring */
	/* details: no speech device here, nothing changes on screen */
	assert_int_equal(pad(&g, SDL_SCANCODE_KP_PERIOD), MCK_KEY_DETAILS);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_RESULT);
	/* the first move shows where the focus is, the next ones move it, round */
	assert_int_equal(pad(&g, SDL_SCANCODE_KP_6), MCK_KEY_NEXT);
	assert_true(g.k.view.focus.shown);
	assert_true(focused(&g, MCK_UI_HIT_DONE, 0));
	c = pixel(&g, done.x + 1, done.y + 1);
	assert_true(c.r < 40 && c.g < 40 && c.b < 40); /* the ring's ink */
	pad(&g, SDL_SCANCODE_KP_6);
	assert_true(focused(&g, MCK_UI_HIT_LANGUAGE, 0));
	pad(&g, SDL_SCANCODE_KP_6);
	assert_true(focused(&g, MCK_UI_HIT_DONE, 0));
	pad(&g, SDL_SCANCODE_KP_4);
	assert_true(focused(&g, MCK_UI_HIT_LANGUAGE, 0));
	pad(&g, SDL_SCANCODE_KP_4);
	/* up and down scroll the details */
	pad(&g, SDL_SCANCODE_KP_2);
	assert_int_equal(g.k.view.scroll, 1);
	pad(&g, SDL_SCANCODE_KP_8);
	assert_int_equal(g.k.view.scroll, 0);
	/* Enter on Done: the next person */
	assert_int_equal(pad(&g, SDL_SCANCODE_KP_ENTER), MCK_KEY_ACTIVATE);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_IDLE);
	assert_int_equal(g.k.view.learner[0], '\0');
	/* idle without a check: the language button */
	assert_true(focused(&g, MCK_UI_HIT_LANGUAGE, 0));
	/* keypad - on a result: the next person too */
	show_valid(&g);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_RESULT);
	assert_int_equal(pad(&g, SDL_SCANCODE_KP_MINUS), MCK_KEY_BACK);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_IDLE);
	rig_close(&g);
}

/* A check from start to decision, with the keypad alone. */
static void test_check_by_keypad(void **state)
{
	struct rig g;

	(void)state;
	rig_open(&g, 1);
	assert_true(focused(&g, MCK_UI_HIT_START, 0));
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_SESSION);
	/* the main action, Finish, its ring shown (a key started it); Cancel before it in
	 * reading order, the language button after */
	assert_true(focused(&g, MCK_UI_HIT_FINISH, 0));
	assert_true(g.k.view.focus.shown);
	pad(&g, SDL_SCANCODE_KP_4);
	assert_true(focused(&g, MCK_UI_HIT_CANCEL, 0));
	pad(&g, SDL_SCANCODE_KP_4);
	assert_true(focused(&g, MCK_UI_HIT_LANGUAGE, 0));
	pad(&g, SDL_SCANCODE_KP_6);
	assert_true(focused(&g, MCK_UI_HIT_CANCEL, 0));
	pad(&g, SDL_SCANCODE_KP_6);
	assert_true(focused(&g, MCK_UI_HIT_FINISH, 0));
	/* Esc or keypad - never drops a check: Cancel does */
	pad(&g, SDL_SCANCODE_KP_MINUS);
	key(&g, SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, 0);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_SESSION);
	show_valid(&g);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_SESSION);
	assert_int_equal(g.k.view.session.creds, 1);
	pad(&g, SDL_SCANCODE_KP_5);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_DECISION);
	assert_true(focused(&g, MCK_UI_HIT_DONE, 0));
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_IDLE);
	assert_false(g.k.check.active);
	assert_int_equal(g.k.view.session.creds, 0);
	rig_close(&g);
}

/* Several checks: the operator's picker, the first focused, arrows to the next, Enter starts it. */
static void test_policy_picker_by_keypad(void **state)
{
	struct rig g;

	(void)state;
	rig_open(&g, 2);
	assert_true(focused(&g, MCK_UI_HIT_START, 0));
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_POLICIES);
	assert_true(focused(&g, MCK_UI_HIT_POLICY, 0));
	pad(&g, SDL_SCANCODE_KP_2); /* down: nothing scrolls here, the next target */
	assert_true(focused(&g, MCK_UI_HIT_POLICY, 1));
	pad(&g, SDL_SCANCODE_KP_5);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_SESSION);
	assert_string_equal(g.k.view.session.policy, g.k.view.session.names[1]);
	/* Cancel by its focus: the check is dropped */
	pad(&g, SDL_SCANCODE_KP_4);
	assert_true(focused(&g, MCK_UI_HIT_CANCEL, 0));
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_IDLE);
	assert_false(g.k.check.active);
	/* the picker again, and keypad - leaves it */
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_POLICIES);
	pad(&g, SDL_SCANCODE_KP_MINUS);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_IDLE);
	rig_close(&g);
}

/* The language picker: opened on the language now, arrows through the others, Enter picks. */
static void test_language_by_keypad(void **state)
{
	struct rig g;
	char label[160];

	(void)state;
	rig_open(&g, 0);
	assert_true(focused(&g, MCK_UI_HIT_LANGUAGE, 0));
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_true(g.k.view.picker);
	assert_true(focused(&g, MCK_UI_HIT_PICK, MCK_LANG_EN));
	pad(&g, SDL_SCANCODE_KP_6);
	pad(&g, SDL_SCANCODE_KP_6);
	assert_true(g.k.view.focus.hit == MCK_UI_HIT_PICK);
	assert_int_not_equal(g.k.view.focus.index, MCK_LANG_EN);
	/* said in the language's own voice, by its own name */
	assert_int_equal(mck_focus_label(&g.k.view,
					 (struct mck_focus_target){MCK_UI_HIT_PICK, MCK_LANG_DE},
					 label, sizeof(label)),
			 MCK_LANG_DE);
	assert_string_equal(label, "Deutsch");
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_false(g.k.view.picker);
	assert_int_not_equal(g.k.view.lang, MCK_LANG_EN);
	assert_true(focused(&g, MCK_UI_HIT_LANGUAGE, 0));
	/* keypad /: the next language at once; keypad - closes an open picker */
	pad(&g, SDL_SCANCODE_KP_DIVIDE);
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_true(g.k.view.picker);
	pad(&g, SDL_SCANCODE_KP_MINUS);
	assert_false(g.k.view.picker);
	rig_close(&g);
}

/* Every target of every screen has words for speech, and the order covers them all. */
static void test_labels(void **state)
{
	struct rig g;
	struct mck_focus_target t[MCK_FOCUS_MAX];
	char label[160];
	size_t n;

	(void)state;
	rig_open(&g, 1);
	show_valid(&g);
	n = mck_focus_targets(g.k.ui, t, MCK_FOCUS_MAX);
	assert_int_equal(n, 2); /* Done, the language; the status bar is staff's */
	for (enum mck_lang l = 0; l < MCK_LANG_COUNT; l++) {
		g.k.view.lang = l;
		for (size_t i = 0; i < n; i++) {
			mck_focus_label(&g.k.view, t[i], label, sizeof(label));
			assert_true(strlen(label) > 1);
		}
	}
	g.k.view.lang = MCK_LANG_EN;
	mck_focus_label(&g.k.view, (struct mck_focus_target){MCK_UI_HIT_DONE, 0}, label,
			sizeof(label));
	assert_string_equal(label, mck_i18n_text(MCK_LANG_EN, MCK_TEXT_NEXT_PERSON));
	mck_focus_label(&g.k.view, (struct mck_focus_target){MCK_UI_HIT_POLICY, 0}, label,
			sizeof(label));
	assert_string_equal(label, g.k.view.session.names[0]);
	rig_close(&g);
}

/* Idle says how to turn speech and large text on (EN 301 549 5.2), in every language. */
static void test_idle_says_how(void **state)
{
	struct rig g;

	(void)state;
	rig_open(&g, 0);
	mck_ui_trace_text(g.k.ui, true);
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		const struct mck_ui_box *b;
		const char *how = mck_i18n_text((enum mck_lang)l, MCK_TEXT_IDLE_ACCESS);
		size_t n;
		bool seen = false;

		g.k.view.lang = (enum mck_lang)l;
		draw(&g);
		n = mck_ui_text_boxes(g.k.ui, &b);
		for (size_t i = 0; i < n; i++) {
			/* its first phrase, on a line of its own or with the next */
			seen |= b[i].text != NULL && strncmp(b[i].text, how, 12) == 0;
		}
		assert_true(seen);
		assert_non_null(strchr(how, '*'));
		assert_non_null(strchr(how, '+'));
	}
	mck_ui_trace_text(g.k.ui, false);
	rig_close(&g);
}

/* Keys held down, and the keys no stranger may use to end the kiosk. */
static void test_held_and_quit(void **state)
{
	struct rig g;
	bool large;

	(void)state;
	rig_open(&g, 0);
	large = g.k.opt.set.large_text;
	assert_int_equal(mck_actions_key(&g.k, SDLK_KP_PLUS, SDL_SCANCODE_KP_PLUS, 0, false),
			 MCK_KEY_LARGE);
	assert_true(g.k.opt.set.large_text != large);
	/* held: auto-repeat leaves it as the press made it */
	for (int i = 0; i < 5; i++) {
		assert_int_equal(mck_actions_key(&g.k, SDLK_KP_PLUS, SDL_SCANCODE_KP_PLUS, 0, true),
				 MCK_KEY_NONE);
	}
	assert_true(g.k.opt.set.large_text != large);
	assert_int_equal(mck_actions_key(&g.k, SDLK_KP_PLUS, SDL_SCANCODE_KP_PLUS, 0, false),
			 MCK_KEY_LARGE);
	assert_true(g.k.opt.set.large_text == large);
	/* keys.repeat: a held 6 moves on; off, it moves once a press */
	g.k.opt.set.key_repeat = true;
	draw(&g);
	pad(&g, SDL_SCANCODE_KP_6); /* the focus shows */
	assert_int_equal(mck_actions_key(&g.k, 0, SDL_SCANCODE_KP_6, 0, true), MCK_KEY_NEXT);
	g.k.opt.set.key_repeat = false;
	assert_int_equal(mck_actions_key(&g.k, 0, SDL_SCANCODE_KP_6, 0, true), MCK_KEY_NONE);
	/* keys.double_strike: the same key again within it is not taken, another key is */
	g.k.opt.set.double_strike_ms = 2000;
	assert_int_equal(mck_actions_key(&g.k, 0, SDL_SCANCODE_KP_4, 0, false), MCK_KEY_PREV);
	assert_int_equal(mck_actions_key(&g.k, 0, SDL_SCANCODE_KP_6, 0, false), MCK_KEY_NEXT);
	assert_int_equal(mck_actions_key(&g.k, 0, SDL_SCANCODE_KP_6, 0, false), MCK_KEY_NONE);
	assert_int_equal(mck_actions_key(&g.k, 0, SDL_SCANCODE_KP_4, 0, false), MCK_KEY_PREV);
	g.k.opt.set.double_strike_ms = 0;
	assert_int_equal(mck_actions_key(&g.k, 0, SDL_SCANCODE_KP_6, 0, false), MCK_KEY_NEXT);
	draw(&g);
	key(&g, SDLK_q, SDL_SCANCODE_Q, 0);
	key(&g, SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, 0);
	assert_false(g.k.quit);
	key(&g, SDLK_q, SDL_SCANCODE_Q, KMOD_LCTRL);
	assert_true(g.k.quit);
	rig_close(&g);
}

/*
 * Time: a result's countdown restarts on a touch beside Done or any key, the
 * "code has left" shortcut included; speech doubles every time the learner meets.
 */
static void test_time_extends(void **state)
{
	struct rig g;
	uint64_t due;
	SDL_Rect done;

	(void)state;
	rig_open(&g, 1);
	show_valid(&g);
	g.k.shown_at = 1000;
	assert_int_equal(mck_kiosk_due(&g.k), 1000 + 30000);
	mck_kiosk_code_left(&g.k, 2000);
	assert_int_equal(mck_kiosk_due(&g.k), 2000 + 5000);
	/* a touch beside Done keeps the result, its full time again */
	done = mck_ui_hit_rect(g.k.ui, MCK_UI_HIT_DONE, 0);
	mck_actions_tap(&g.k, 10, done.y - 40);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_RESULT);
	due = mck_kiosk_due(&g.k);
	assert_true(due >= SDL_GetTicks64() + 29000 && due <= SDL_GetTicks64() + 30000);
	/* a key that does nothing else does the same */
	g.k.shown_at = 1000;
	mck_kiosk_code_left(&g.k, 2000);
	key(&g, SDLK_x, SDL_SCANCODE_X, 0);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_RESULT);
	assert_true(mck_kiosk_due(&g.k) >= SDL_GetTicks64() + 29000);
	/* the countdown says how to keep it */
	mck_kiosk_countdown(&g.k, g.k.shown_at + 3000);
	assert_int_equal(g.k.view.countdown_s, 27);
	assert_non_null(strstr(mck_i18n_text(MCK_LANG_EN, MCK_TEXT_CLEARS_IN), "touch"));
	/* speech on: twice as long, and a listener lowering the phone keeps it all */
	g.k.shown_at = 1000;
	g.k.speech.on = true;
	assert_int_equal(mck_kiosk_due(&g.k), 1000 + 60000);
	mck_kiosk_code_left(&g.k, 2000);
	assert_int_equal(mck_kiosk_due(&g.k), 1000 + 60000);
	/* told once before it clears (no audio device here: the kiosk's side of it) */
	mck_kiosk_countdown(&g.k, 1000 + 30000);
	assert_int_equal(g.k.warned_for, 0);
	mck_kiosk_countdown(&g.k, 1000 + 46000);
	assert_int_equal(g.k.warned_for, 1000);
	g.k.speech.on = false;
	/* Done still clears at once */
	mck_actions_tap(&g.k, done.x + done.w / 2, done.y + done.h / 2);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_IDLE);
	/* a check: the session's four times, doubled with speech */
	draw(&g);
	pad(&g, SDL_SCANCODE_KP_ENTER);
	assert_int_equal(g.k.view.screen, MCK_SCREEN_SESSION);
	g.k.shown_at = 1000;
	assert_int_equal(mck_kiosk_due(&g.k), 1000 + 4 * 30000);
	g.k.speech.on = true;
	assert_int_equal(mck_kiosk_due(&g.k), 1000 + 8 * 30000);
	g.k.speech.on = false;
	rig_close(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_result_by_keypad),
		cmocka_unit_test(test_check_by_keypad),
		cmocka_unit_test(test_policy_picker_by_keypad),
		cmocka_unit_test(test_language_by_keypad),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_idle_says_how),
		cmocka_unit_test(test_held_and_quit),
		cmocka_unit_test(test_time_extends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
