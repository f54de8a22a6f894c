/* The kiosk's state and behaviour; see kiosk.h. */
#define _POSIX_C_SOURCE 200809L

#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "present.h"

int64_t mck_kiosk_now(const struct mck_kiosk *k)
{
	time_t t = time(NULL);

	return k->opt.has_now ? k->opt.now : (t < 0 ? 0 : (int64_t)t);
}

void mck_kiosk_refresh_status(struct mck_kiosk *k)
{
	mck_present_status(&k->view, mck_trust_cfg(&k->trust), mck_kiosk_now(k),
			   k->view.status.camera_ok);
	mck_trust_present_fresh(&k->trust, &k->view.status, mck_kiosk_now(k));
}

void mck_kiosk_reload(struct mck_kiosk *k, bool force)
{
	if (force || mck_trust_changed(&k->trust, &k->opt.src)) {
		fprintf(stderr, "mckiosk: trust state changed, reloading\n");
		mck_trust_load(&k->trust, &k->opt.src);
		mck_kiosk_refresh_status(k);
	}
}

struct mck_ui *mck_kiosk_ui(const struct mck_kiosk *k, int lw, int lh, char *msg, size_t cap)
{
	bool turned = k->opt.rotation % 180 != 0;
	struct mck_ui *ui;

	if (k->opt.width_mm <= 0 || k->opt.height_mm <= 0) {
		ui = mck_ui_create(k->opt.fonts, lw, lh, msg, cap);
	} else {
		ui = mck_ui_create_physical(k->opt.fonts, lw, lh,
					    turned ? k->opt.height_mm : k->opt.width_mm,
					    turned ? k->opt.width_mm : k->opt.height_mm, msg, cap);
	}
	/* display.large_text, or as a key last set it */
	if (ui != NULL && mck_ui_set_large_text(ui, k->opt.set.large_text, msg, cap) != 0) {
		mck_ui_destroy(ui);
		ui = NULL;
	}
	return ui;
}

int mck_kiosk_init(struct mck_kiosk *k, int lw, int lh)
{
	char msg[256];

	k->view.lang = k->opt.lang;
	/* Headless without a device: the idle screen as with a working camera. */
	k->view.status.camera_ok = true;
	snprintf(k->view.op.software, sizeof(k->view.op.software), "mckiosk %s", MCK_VERSION);
	snprintf(k->view.op.source, sizeof(k->view.op.source), "%s",
		 k->opt.source != NULL ? k->opt.source : "-");
	k->texts = malloc(sizeof(*k->texts));
	k->ui = mck_kiosk_ui(k, lw, lh, msg, sizeof(msg));
	if (k->texts == NULL || k->ui == NULL) {
		fprintf(stderr, "mckiosk: %s\n", k->ui == NULL ? msg : "out of memory");
		return 4;
	}
	mck_qrtext_init(k->texts);
	for (size_t i = 0; i < k->opt.policies; i++) {
		if (mck_check_load(&k->check, k->opt.policy[i], msg, sizeof(msg)) != 0) {
			fprintf(stderr, "mckiosk: policy %s\n", msg);
			return 4;
		}
	}
	if (k->opt.set.policy_dir[0] != '\0' &&
	    mck_check_load_dir(&k->check, k->opt.set.policy_dir, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mckiosk: policy %s\n", msg);
		return 4;
	}
	mck_check_show_policy(&k->check, &k->view);
	k->trust.spool = k->opt.spool;
	mck_trust_load(&k->trust, &k->opt.src);
	mck_kiosk_refresh_status(k);
	mck_present_time(&k->view, mck_kiosk_now(k), 0);
	return 0;
}

void mck_kiosk_free(struct mck_kiosk *k)
{
	if (k->texts != NULL) {
		mck_qrtext_free(k->texts);
		free(k->texts);
		k->texts = NULL;
	}
	mck_ui_destroy(k->ui);
	k->ui = NULL;
	mck_check_free(&k->check);
	mck_trust_free(&k->trust);
	mck_speech_close(&k->speech);
}

/* Counters, the only thing the kiosk keeps about scans; the lamps say the verdict too. */
static void count(struct mck_kiosk *k, enum mck_verdict verdict, bool cannot_check)
{
	if (cannot_check) {
		mck_lamps_staff(&k->lamps, SDL_GetTicks64());
	} else {
		mck_lamps_verdict(&k->lamps, verdict, SDL_GetTicks64());
	}
	k->view.op.scans++;
	if ((unsigned)verdict < sizeof(k->view.op.verdicts) / sizeof(k->view.op.verdicts[0])) {
		k->view.op.verdicts[verdict]++;
	}
}

/* A verdict on screen: the result screen, or during a check, the check's screen. */
static void show(struct mck_kiosk *k, const struct mck_result *res, bool cannot_check)
{
	if (k->check.active && k->view.screen == MCK_SCREEN_DECISION) {
		return; /* decided: nothing joins it any more; Done starts afresh */
	}
	if (k->check.active && cannot_check) {
		/* Nothing can be checked here now: no check can be decided, and no
		 * credential of the candidate may be listed as failing it. */
		mck_check_end(&k->check, &k->view);
		mck_present_result(&k->view, res);
	} else if (k->check.active) {
		mck_check_add(&k->check, &k->view, res);
	} else {
		mck_present_result(&k->view, res);
	}
}

void mck_kiosk_show_result(struct mck_kiosk *k, const struct mck_result *res)
{
	/* decided once: the screen and the lamps say the same */
	bool cannot_check = mck_present_cannot_check(res->verdict, res->reasons,
						     k->view.status.trustlist_expired);

	show(k, res, cannot_check);
	count(k, res->verdict, cannot_check);
	mck_speech_result(&k->speech, &k->view, res->verdict, cannot_check);
}

void mck_kiosk_forget(struct mck_kiosk *k)
{
	/* parts of a multi-part code read so far go too */
	mck_qrtext_free(k->texts);
	mck_qrtext_init(k->texts);
	k->left_at = 0;
	mck_speech_stop(&k->speech);         /* nothing of it is said after it has gone */
	mck_speech_volume_reset(&k->speech); /* the next person hears the usual level */
	if (k->check.active) {
		mck_check_end(&k->check, &k->view);
	} else {
		mck_view_clear_result(&k->view);
	}
}

void mck_kiosk_clear_screen(struct mck_kiosk *k)
{
	if (k->check.active && k->view.screen == MCK_SCREEN_PROGRESS) {
		mck_qrtext_free(k->texts);
		mck_qrtext_init(k->texts);
		k->view.screen = MCK_SCREEN_SESSION;
	} else {
		mck_kiosk_forget(k);
	}
}

void mck_kiosk_set_lang(struct mck_kiosk *k, enum mck_lang lang)
{
	k->view.lang = lang;
	mck_check_show_policy(&k->check, &k->view);
}

void mck_kiosk_conclude(struct mck_kiosk *k)
{
	struct mck_result res;

	if (k->trust.verifier == NULL) {
		/* No usable trust list: whatever was shown, the kiosk cannot check it. */
		memset(&res, 0, sizeof(res));
		mck_result_set(&res, MCK_REASON_TRUSTLIST_MISSING, NULL);
		mck_kiosk_show_result(k, &res);
		mck_result_free(&res);
		mck_qrtext_free(k->texts);
		mck_qrtext_init(k->texts);
		return;
	}
	if (k->texts->n != 0 && mck_qrtext_have(k->texts) < k->texts->n && !k->texts->conflict &&
	    !k->texts->malformed && !k->texts->has_whole) {
		k->view.screen = MCK_SCREEN_PROGRESS;
		k->view.chunk_have = mck_qrtext_have(k->texts);
		k->view.chunk_total = k->texts->n;
		k->view.chunk_next = 1;
		while (k->view.chunk_next < k->texts->n &&
		       (k->texts->have & (1u << (k->view.chunk_next - 1))) != 0) {
			k->view.chunk_next++;
		}
		return;
	}
	memset(&res, 0, sizeof(res));
	mck_verify_qr(k->trust.verifier, k->texts, mck_kiosk_now(k), &res);
	mck_kiosk_show_result(k, &res);
	mck_result_free(&res);
	mck_qrtext_free(k->texts);
	mck_qrtext_init(k->texts);
}

void mck_kiosk_scanned(struct mck_kiosk *k, char *const *text, const size_t *len, size_t count)
{
	if (k->view.screen == MCK_SCREEN_OPERATOR) {
		mck_view_clear_result(&k->view);
	}
	k->view.picker = false;
	for (size_t i = 0; i < count; i++) {
		mck_qrtext_add(k->texts, text[i], len[i]);
	}
	mck_kiosk_conclude(k);
	k->scans++;
	k->shown_at = SDL_GetTicks64();
	k->left_at = 0;
}

/*
 * A listener needs longer than a reader: with speech on, every time the
 * learner meets is doubled (EN 301 549 5.2, WCAG 2.2.1).
 */
static uint64_t paced(const struct mck_kiosk *k, uint64_t ms)
{
	return mck_speech_on(&k->speech) ? ms * 2u : ms;
}

/* How long the current screen may stay before it clears by itself (ms), 0 for ever. */
static uint64_t lifetime(const struct mck_kiosk *k)
{
	uint64_t clear_ms = paced(k, (uint64_t)k->opt.clear_after_s * 1000u);

	switch (k->view.screen) {
	case MCK_SCREEN_RESULT:
	case MCK_SCREEN_PROGRESS:
		return clear_ms;
	case MCK_SCREEN_OPERATOR:
	case MCK_SCREEN_POLICIES:
		return (uint64_t)k->opt.operator_after_s * 1000u;
	case MCK_SCREEN_SESSION:
		/* the candidate looks for the next credential: longer, then all is wiped */
		return clear_ms * 4u;
	case MCK_SCREEN_DECISION:
		return clear_ms * 2u;
	default:
		return k->view.picker ? clear_ms : 0;
	}
}

uint64_t mck_kiosk_due(const struct mck_kiosk *k)
{
	uint64_t life = lifetime(k);
	uint64_t due = k->shown_at + life;
	uint64_t gone = k->left_at + (uint64_t)k->opt.after_code_left_s * 1000u;

	if (life == 0) {
		return 0;
	}
	/*
	 * A result whose code has gone: the next person is likely there already.
	 * Not for a listener, who lowers the phone to listen: its full time.
	 */
	if (k->left_at != 0 && k->view.screen == MCK_SCREEN_RESULT && gone < due &&
	    !mck_speech_on(&k->speech)) {
		due = gone;
	}
	return due;
}

void mck_kiosk_countdown(struct mck_kiosk *k, uint64_t now)
{
	uint64_t due = mck_kiosk_due(k);
	uint64_t left = due > now ? due - now : 0;
	uint64_t warn = lifetime(k) / 4 < 15000u ? lifetime(k) / 4 : 15000u;

	k->view.countdown_s = due != 0 ? (unsigned)((left + 999u) / 1000u) : 0;
	/* a listener cannot see the countdown: told once, in time to keep the screen */
	if (due != 0 && left <= warn && k->warned_for != k->shown_at &&
	    mck_view_personal(&k->view)) {
		k->warned_for = k->shown_at;
		mck_speech_still_there(&k->speech, k->view.lang);
	}
	k->view.still_there =
		due != 0 && k->check.active &&
		(k->view.screen == MCK_SCREEN_SESSION || k->view.screen == MCK_SCREEN_DECISION) &&
		left <= warn;
}

void mck_kiosk_code_left(struct mck_kiosk *k, uint64_t now)
{
	if (k->view.screen == MCK_SCREEN_RESULT && k->left_at == 0) {
		k->left_at = now != 0 ? now : 1;
	}
}

void mck_kiosk_code_back(struct mck_kiosk *k)
{
	k->left_at = 0; /* still there: the result stays its full time */
}

void mck_kiosk_touched(struct mck_kiosk *k, uint64_t now)
{
	if (k->check.active || k->view.screen == MCK_SCREEN_RESULT) {
		k->shown_at = now;
		k->left_at = 0; /* the learner is there, code or not: the full time again */
	}
}
