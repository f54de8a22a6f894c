/* The kiosk's event loop; see loop.h. */
#define _POSIX_C_SOURCE 200809L

#include "loop.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "capture.h"
#include "display.h"
#include "focus.h"
#include "notify.h"
#include "present.h"

/* SIGHUP: the update service installed something; reread the trust state. */
static volatile sig_atomic_t hangup;

static void on_hangup(int sig)
{
	(void)sig;
	hangup = 1;
}

/* The loop's state: what it owns besides the kiosk. */
struct loop {
	struct mck_kiosk *k;
	SDL_Window *win;
	SDL_Renderer *r;
	struct mck_display display;
	struct mck_capture capture;
	bool capturing;
	struct mck_notify notify;
	uint64_t ticked_at;
	bool held;        /* the screen drawn last showed something of a learner */
	FILE *trace;      /* --trace-screens: each screen change, one line */
	char traced[160]; /* the last line written */
	bool exposed;     /* the window's picture was lost (shown, resized): draw it whole */
	bool ended;       /* --play-once: the source has ended */
	bool pressed;     /* a touch or button is down at (press_x, press_y) of the layout */
	int press_x;
	int press_y;
	uint64_t press_at;   /* ms: when it went down */
	unsigned utterances; /* speech's count as last traced */
};

/* A press held this long, anywhere, turns speech on or off (said aloud either way). */
#define LONG_PRESS_MS 2000u

/* A touch event's point (fractions of the panel) or a mouse event's, in the layout. */
static void event_point(const struct loop *l, const SDL_Event *ev, int *x, int *y)
{
	int pw;
	int ph;

	mck_display_panel(&l->display, &pw, &ph);
	if (ev->type == SDL_FINGERDOWN || ev->type == SDL_FINGERUP) {
		mck_display_to_layout(&l->display, (int)(ev->tfinger.x * (float)pw),
				      (int)(ev->tfinger.y * (float)ph), x, y);
	} else {
		mck_display_to_layout(&l->display, ev->button.x, ev->button.y, x, y);
	}
}

/* A press, then its release: a tap, or a swipe that scrolls the details. */
static void touch(struct loop *l, const SDL_Event *ev)
{
	struct mck_kiosk *k = l->k;
	int step = l->display.lh / 12 > 1 ? l->display.lh / 12 : 1;
	int x;
	int y;

	if (ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_FINGERDOWN) {
		l->pressed = true;
		l->press_at = SDL_GetTicks64();
		event_point(l, ev, &l->press_x, &l->press_y);
		return;
	}
	if (!l->pressed) {
		return;
	}
	l->pressed = false;
	event_point(l, ev, &x, &y);
	if (y - l->press_y >= step || l->press_y - y >= step) {
		/* A swipe scrolls the details: up shows what is below. */
		mck_actions_scroll(k, (l->press_y - y) / step);
	} else if (SDL_GetTicks64() - l->press_at >= LONG_PRESS_MS) {
		mck_speech_toggle(&k->speech, k->view.lang); /* for one who cannot see the keys */
	} else {
		mck_actions_tap(k, l->press_x, l->press_y);
	}
}

static void source_changed(struct loop *l, int code)
{
	struct mck_kiosk *k = l->k;

	if (code == MCK_CAPTURE_PREVIEW) {
		mck_capture_take_preview(&l->capture, k->preview, &k->view.preview_w,
					 &k->view.preview_h);
		return;
	}
	if (code == MCK_CAPTURE_LEFT) {
		mck_kiosk_code_left(k, SDL_GetTicks64());
		return;
	}
	if (code == MCK_CAPTURE_BACK) {
		mck_kiosk_code_back(k);
		return;
	}
	if (code == MCK_CAPTURE_END) {
		l->ended = true;
		return;
	}
	k->view.status.camera_ok = code == MCK_CAPTURE_OPEN;
	k->view.status.camera_why[0] = '\0';
	if (!k->view.status.camera_ok) {
		k->view.preview_w = 0; /* no stale picture of a camera that is gone */
		/* what the source said (a pipeline's error): for staff, on the operator screen */
		mck_capture_why(&l->capture, k->view.status.camera_why,
				sizeof(k->view.status.camera_why));
		/* and for the journal: once each time it goes */
		fprintf(stderr, "mckiosk: scan source %s gone%s%s\n", k->opt.source,
			k->view.status.camera_why[0] != '\0' ? ": " : "",
			k->view.status.camera_why);
	} else {
		fprintf(stderr, "mckiosk: scan source %s open\n", k->opt.source);
	}
	mck_kiosk_refresh_status(k);
}

static void handle(struct loop *l, const SDL_Event *ev)
{
	struct mck_kiosk *k = l->k;

	switch (ev->type) {
	case SDL_QUIT:
		k->quit = true;
		return;
	case SDL_KEYDOWN: {
		enum mck_key key = mck_actions_key(k, ev->key.keysym.sym, ev->key.keysym.scancode,
						   ev->key.keysym.mod, ev->key.repeat != 0);

		if (l->trace != NULL &&
		    key != MCK_KEY_NONE) { /* which command, never what it showed */
			fprintf(l->trace, "%llu key %s\n", (unsigned long long)SDL_GetTicks64(),
				mck_keypad_name(key));
		}
		return;
	}
	case SDL_MOUSEWHEEL:
		if (ev->wheel.y != 0) {
			mck_actions_scroll(k, ev->wheel.y < 0 ? 1 : -1);
		}
		return;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_FINGERDOWN:
	case SDL_MOUSEBUTTONUP:
	case SDL_FINGERUP:
		touch(l, ev);
		return;
	case SDL_WINDOWEVENT:
		switch (ev->window.event) {
		case SDL_WINDOWEVENT_EXPOSED:
		case SDL_WINDOWEVENT_SHOWN:
		case SDL_WINDOWEVENT_RESTORED:
		case SDL_WINDOWEVENT_MAXIMIZED:
		case SDL_WINDOWEVENT_RESIZED:
		case SDL_WINDOWEVENT_SIZE_CHANGED:
			l->exposed = true;
			break;
		default:
			break;
		}
		return;
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET:
		/* what the textures held is gone: drawn anew from the view */
		mck_display_release(&l->display);
		l->exposed = true;
		return;
	default:
		break;
	}
	if (l->capturing && ev->type == l->capture.source_event) {
		source_changed(l, ev->user.code);
	} else if (l->capturing && ev->type == l->capture.scan_event) {
		struct mck_capture_msg *m = ev->user.data1;

		if (l->trace != NULL) { /* which frame, how many codes: nothing of them */
			fprintf(l->trace, "%llu scan frame=%llu codes=%zu\n",
				(unsigned long long)SDL_GetTicks64(), (unsigned long long)m->frame,
				m->count);
		}
		mck_kiosk_scanned(k, m->text, m->len, m->count);
		mck_capture_msg_free(m);
	}
}

/* Once a second: clock, list age, an update installed meanwhile, the fault lamp. */
static void tick(struct loop *l, uint64_t now)
{
	struct mck_kiosk *k = l->k;

	if (now - l->ticked_at < 1000u) {
		return;
	}
	l->ticked_at = now;
	mck_kiosk_reload(k, hangup != 0); /* a result on screen stays as it was */
	hangup = 0;
	mck_speech_poll(&k->speech); /* a headset plugged in or out */
	mck_kiosk_refresh_status(k);
	mck_present_time(&k->view, mck_kiosk_now(k), (long long)(now / 1000u));
	mck_lamps_fault(&k->lamps,
			k->view.screen == MCK_SCREEN_IDLE && mck_view_fault(&k->view, NULL),
			SDL_GetTicks64());
}

/* A screen with a learner's data has gone: the capture thread wipes its copies too. */
static void forget_when_cleared(struct loop *l)
{
	bool holds = mck_view_personal(&l->k->view);

	if (l->held && !holds && l->capturing) {
		mck_capture_forget(&l->capture);
	}
	l->held = holds;
}

/* --trace-screens: which screen, verdict and state, never anything of the learner. */
static void trace_screen(struct loop *l, uint64_t now)
{
	static const char *const screens[] = {
		[MCK_SCREEN_IDLE] = "idle",         [MCK_SCREEN_PROGRESS] = "progress",
		[MCK_SCREEN_RESULT] = "result",     [MCK_SCREEN_ERROR] = "error",
		[MCK_SCREEN_OPERATOR] = "operator", [MCK_SCREEN_SESSION] = "session",
		[MCK_SCREEN_DECISION] = "decision", [MCK_SCREEN_POLICIES] = "policies",
	};
	static const char *const shown[] = {
		[MCK_VIEW_SHOWN_NONE] = "none",
		[MCK_VIEW_SHOWN_URL] = "url",
		[MCK_VIEW_SHOWN_WIFI] = "wifi",
		[MCK_VIEW_SHOWN_EU_DCC] = "eu_dcc",
		[MCK_VIEW_SHOWN_SMART_HEALTH_CARD] = "smart_health_card",
		[MCK_VIEW_SHOWN_VCARD] = "vcard",
		[MCK_VIEW_SHOWN_TEXT] = "text",
	};
	const struct mck_view *v = &l->k->view;
	const char *verdict = mck_verdict_name(v->verdict);
	char line[sizeof(l->traced)];
	int n;

	if (l->trace == NULL) {
		return;
	}
	n = snprintf(line, sizeof(line), "%s",
		     (unsigned)v->screen < sizeof(screens) / sizeof(screens[0]) &&
				     screens[v->screen] != NULL
			     ? screens[v->screen]
			     : "?");
	if (v->screen == MCK_SCREEN_RESULT) {
		n += snprintf(line + n, sizeof(line) - (size_t)n, " %s",
			      v->cannot_check   ? "cannot_check"
			      : verdict != NULL ? verdict
						: "unusable");
		for (int r = 0; r < MCK_REASON_COUNT && (size_t)n < sizeof(line); r++) {
			if ((v->reasons & MCK_REASON_BIT(r)) != 0) {
				n += snprintf(line + n, sizeof(line) - (size_t)n, " %s",
					      mck_reason_code((enum mck_reason)r));
			}
		}
	}
	if (v->screen == MCK_SCREEN_RESULT && v->shown != MCK_VIEW_SHOWN_NONE &&
	    (size_t)n < sizeof(line)) {
		n += snprintf(line + n, sizeof(line) - (size_t)n, " shown=%s%s%s",
			      (unsigned)v->shown < sizeof(shown) / sizeof(shown[0])
				      ? shown[v->shown]
				      : "?",
			      v->shown_host[0] != '\0' ? " host=" : "", v->shown_host);
	}
	if (v->still_there && (size_t)n < sizeof(line)) {
		n += snprintf(line + n, sizeof(line) - (size_t)n, " still_there");
	}
	if (v->screen == MCK_SCREEN_SESSION && (size_t)n < sizeof(line)) {
		n += snprintf(line + n, sizeof(line) - (size_t)n, " creds=%zu", v->session.creds);
	}
	if (v->screen == MCK_SCREEN_DECISION && (size_t)n < sizeof(line)) {
		n += snprintf(line + n, sizeof(line) - (size_t)n, " %s",
			      v->session.met ? "met" : "not_met");
	}
	if (v->focus.shown && (size_t)n < sizeof(line)) {
		/* the keypad's focus, when its ring shows: which target, never its words */
		static const char *const hits[MCK_UI_HIT_COUNT] = {
			[MCK_UI_HIT_NONE] = "none",     [MCK_UI_HIT_LANGUAGE] = "language",
			[MCK_UI_HIT_PICK] = "pick",     [MCK_UI_HIT_STATUS] = "status",
			[MCK_UI_HIT_START] = "start",   [MCK_UI_HIT_FINISH] = "finish",
			[MCK_UI_HIT_CANCEL] = "cancel", [MCK_UI_HIT_DONE] = "done",
			[MCK_UI_HIT_POLICY] = "policy",
		};

		snprintf(line + n, sizeof(line) - (size_t)n, " focus=%s:%d",
			 (unsigned)v->focus.hit < MCK_UI_HIT_COUNT ? hits[v->focus.hit] : "?",
			 v->focus.index);
	}
	if (strcmp(line, l->traced) != 0) {
		snprintf(l->traced, sizeof(l->traced), "%s", line);
		fprintf(l->trace, "%llu %s\n", (unsigned long long)now, line);
		fflush(l->trace);
	}
}

/* --trace-screens: each utterance as it is queued, by kind ("said verdict"), never its words. */
static void trace_speech(struct loop *l)
{
	const struct mck_speech *s = &l->k->speech;

	if (l->trace != NULL && s->utterances != l->utterances) {
		l->utterances = s->utterances;
		fprintf(l->trace, "%llu said %s\n", (unsigned long long)SDL_GetTicks64(),
			s->said != NULL ? s->said : "?");
		fflush(l->trace);
	}
}

/* The window, and the layout made again if fullscreen gave a panel of another size. */
static int open_window(struct loop *l)
{
	struct mck_kiosk *k = l->k;
	int want_w;
	int want_h;
	int pw;
	int ph;

	mck_display_panel(&l->display, &want_w, &want_h);
	/*
	 * On a board's framebuffer (KMSDRM) OpenGL ES 2 through EGL, the renderer
	 * test_gles2 checks (Mesa's desktop GL would be SDL's first pick); the
	 * environment's SDL_RENDER_DRIVER still decides, and SDL falls back by itself.
	 */
	if (SDL_GetCurrentVideoDriver() != NULL &&
	    SDL_strcasecmp(SDL_GetCurrentVideoDriver(), "kmsdrm") == 0) {
		SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "opengles2", SDL_HINT_DEFAULT);
	}
	l->win = SDL_CreateWindow("MicroCred Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				  want_w, want_h,
				  k->opt.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	l->r = l->win != NULL ? SDL_CreateRenderer(l->win, -1, 0) : NULL;
	if (l->r == NULL) {
		fprintf(stderr, "mckiosk: display: %s\n", SDL_GetError());
		return -1;
	}
	/* once, for whoever reads the journal on a board: which driver SDL chose (kmsdrm, x11),
	 * which renderer (opengles2 on a Pi, software without a GPU) */
	{
		SDL_RendererInfo info;

		if (SDL_GetRendererInfo(l->r, &info) == 0) {
			fprintf(stderr, "mckiosk: video driver %s, renderer %s%s\n",
				SDL_GetCurrentVideoDriver(), info.name,
				(info.flags & SDL_RENDERER_ACCELERATED) != 0 ? " (accelerated)"
									     : "");
		}
	}
	if (SDL_GetRendererOutputSize(l->r, &pw, &ph) == 0 && (pw != want_w || ph != want_h)) {
		char msg[256];
		struct mck_ui *ui;

		mck_display_init(&l->display, pw, ph, k->opt.rotation);
		ui = mck_kiosk_ui(k, l->display.lw, l->display.lh, msg, sizeof(msg));
		if (ui != NULL) {
			mck_ui_destroy(k->ui);
			k->ui = ui;
		}
	}
	return 0;
}

void mck_loop_catch_hangup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
}

int mck_loop_run(struct mck_kiosk *k)
{
	static struct loop l; /* one loop per process; the capture's buffers are large */

	memset(&l, 0, sizeof(l));
	l.k = k;
	l.exposed = true; /* the first frame */
	mck_display_init(&l.display, k->opt.width, k->opt.height, k->opt.rotation);
	if (open_window(&l) != 0) {
		return 1;
	}
	mck_loop_catch_hangup(); /* again: harmless, and mck_loop_run may be all a test calls */
	mck_lamps_open(&k->lamps, k->opt.indicators, &k->opt.set);
	mck_speech_open(&k->speech, (enum mck_speech_mode)k->opt.set.speech,
			k->opt.set.audio_device);
	if (k->opt.trace_screens != NULL) {
		l.trace = fopen(k->opt.trace_screens, "w");
		if (l.trace == NULL) {
			fprintf(stderr, "mckiosk: --trace-screens %s: cannot write\n",
				k->opt.trace_screens);
		}
	}
	k->view.status.camera_ok = k->opt.source != NULL; /* until the capture thread says */
	k->view.status.scanner =
		k->opt.source != NULL && mck_source_backend(k->opt.source) != NULL &&
		(mck_source_backend(k->opt.source)->caps & MCK_SOURCE_CAP_SCANNER) != 0;
	mck_kiosk_refresh_status(k);
	if (k->opt.source != NULL) {
		l.capturing = mck_capture_start(&l.capture, k->opt.source, &k->opt.set,
						k->opt.play_once) == 0;
	}
	/* Under systemd (Type=notify, WatchdogSec=): ready, then alive while the UI loop runs. */
	if (mck_notify_open(&l.notify) != 0) {
		fprintf(stderr, "mckiosk: NOTIFY_SOCKET unusable; no watchdog\n");
	}
	bool ready = false;
	while (!k->quit) {
		SDL_Event ev;
		uint64_t now = SDL_GetTicks64();
		uint64_t clears = mck_kiosk_due(k);
		bool moved;
		int due;

		mck_notify_watchdog(&l.notify, now);
		if (k->opt.run_for_s > 0 && now > (uint64_t)k->opt.run_for_s * 1000u) {
			break;
		}
		tick(&l, now);
		/* Privacy: the result leaves the screen and memory after a while. */
		if (clears != 0 && now >= clears) {
			mck_kiosk_clear_screen(k);
		}
		mck_kiosk_countdown(k, now);
		forget_when_cleared(&l);
		trace_screen(&l, now);
		if (l.ended) {
			break; /* every scan of the clip handled and its screen traced */
		}
		k->view.preview = k->view.preview_w > 0 ? k->preview : NULL;
		/* drawn and presented when what it shows changed, else left as it is */
		if (mck_display_update(&l.display, k->ui, l.r, &k->view, l.exposed)) {
			SDL_RenderPresent(l.r);
		}
		/* a new screen: the keypad's focus on its main action (its ring: drawn at once) */
		moved = mck_focus_sync(k) && k->view.focus.shown;
		trace_speech(&l);
		/* ready once the panel shows: systemd's watchdog counts from here, and a
		 * first frame can take seconds (llvmpipe compiling its shaders) */
		if (!ready) {
			mck_notify_send(&l.notify, "READY=1");
			ready = true;
		}
		l.exposed = false;
		k->view.preview = NULL;
		due = mck_lamps_tick(&k->lamps, SDL_GetTicks64());
		if (moved) {
			due = 0;
		}
		if (SDL_WaitEventTimeout(&ev, due >= 0 && due < 250 ? due : 250)) {
			handle(&l, &ev);
		}
	}
	/* Counters only: nothing personal leaves the screen. */
	printf("mckiosk: %u scans handled\n", k->scans);
	mck_notify_send(&l.notify, "STOPPING=1");
	mck_notify_close(&l.notify);
	if (l.capturing) {
		mck_capture_stop(&l.capture);
	}
	mck_display_release(&l.display);
	mck_lamps_close(&k->lamps);
	if (l.trace != NULL) {
		fclose(l.trace);
	}
	SDL_DestroyRenderer(l.r);
	SDL_DestroyWindow(l.win);
	return 0;
}
