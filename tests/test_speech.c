/*
 * Speech (issue #18): what the kiosk says of a result, composed from the
 * view in every language and rendered by eSpeak NG through the live path
 * (mck_speech_say) for every verdict: heard (an RMS of its own) and of a
 * plausible length. Credential text reaches the synthesiser cleaned: no
 * markup, no controls, cut to length. Nothing is rendered or queued while
 * speech is off; earcons are. Last, `mckiosk --say` on the fixtures.
 */
#define _DEFAULT_SOURCE /* mkdtemp, clock_gettime */

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "mck/speech.h"
#include "mck/speech_text.h"
#include "settings.h"
#include "support/runproc.h"

enum kase { VALID, WARNING, INVALID, UNREADABLE, NOT_CREDENTIAL, CANNOT_CHECK, KASES };

static const char *const kase_names[KASES] = {"valid",      "warning",        "invalid",
					      "unreadable", "not_credential", "cannot_check"};
static const enum mck_say kase_word[KASES] = {MCK_SAY_VALID,          MCK_SAY_WARNING,
					      MCK_SAY_INVALID,        MCK_SAY_UNREADABLE,
					      MCK_SAY_NOT_CREDENTIAL, MCK_SAY_CANNOT_CHECK};

/* A result screen as mck_present_result leaves it. */
static void view_of(struct mck_view *v, enum kase c, enum mck_lang lang)
{
	memset(v, 0, sizeof(*v));
	v->screen = MCK_SCREEN_RESULT;
	v->lang = lang;
	switch (c) {
	case VALID:
		v->verdict = MCK_VERDICT_VALID;
		v->has_credential = true;
		break;
	case WARNING:
		v->verdict = MCK_VERDICT_WARNING;
		v->reasons = MCK_REASON_BIT(MCK_REASON_INCOMPLETE);
		v->has_credential = true;
		break;
	case INVALID:
		v->verdict = MCK_VERDICT_INVALID;
		v->reasons = MCK_REASON_BIT(MCK_REASON_REVOKED);
		v->has_credential = true;
		break;
	case UNREADABLE:
		v->verdict = MCK_VERDICT_UNREADABLE;
		v->reasons = MCK_REASON_BIT(MCK_REASON_NO_CODE);
		break;
	case NOT_CREDENTIAL:
		v->verdict = MCK_VERDICT_UNREADABLE;
		v->reasons = MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL);
		v->shown = MCK_VIEW_SHOWN_URL;
		snprintf(v->shown_host, sizeof(v->shown_host), "example.org");
		break;
	case CANNOT_CHECK:
	case KASES:
		v->verdict = MCK_VERDICT_UNUSABLE;
		v->reasons = MCK_REASON_BIT(MCK_REASON_TRUSTLIST_MISSING);
		v->cannot_check = true;
		break;
	}
	if (v->has_credential) {
		snprintf(v->learner, sizeof(v->learner), "Anna Kowalska");
		snprintf(v->title, sizeof(v->title), "Data analysis with Python");
		snprintf(v->body, sizeof(v->body), "Politechnika Warszawska");
		snprintf(v->claimed_body, sizeof(v->claimed_body), "Claimed Name Academy");
		v->claimed = true;
		v->eqf_level = 6;
		snprintf(v->workload, sizeof(v->workload), "2.5 ECTS \xc2\xb7 60 h");
	}
}

static void test_phrases_in_every_language(void **state)
{
	(void)state;
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		for (int k = 0; k < MCK_SAY_COUNT; k++) {
			if (!mck_i18n_say_has((enum mck_lang)l, (enum mck_say)k)) {
				fail_msg("%s lacks phrase %d", mck_i18n_code((enum mck_lang)l), k);
			}
		}
		assert_int_equal(strlen(mck_i18n_say((enum mck_lang)l, MCK_SAY_DECIMAL_MARK)), 1);
		assert_non_null(mck_i18n_voice((enum mck_lang)l));
	}
}

/*
 * The keys: speech's three values in enum mck_speech_mode's order, others
 * refused; and the examples the package's kiosk.conf shows, uncommented, load.
 */
static void test_settings_keys(void **state)
{
	static const char *const modes[] = {"off", "on", "headset"};
	struct mck_settings set;
	char err[256];
	char line[MCK_SETTINGS_LINE_MAX + 2];
	char path[600];
	char tmp[] = "/tmp/mck-speech-conf-XXXXXX";
	int fd;
	FILE *f;
	FILE *out;

	(void)state;
	mck_settings_init(&set);
	assert_int_equal(set.speech, MCK_SPEECH_OFF); /* off unless set */
	assert_string_equal(set.audio_device, "");
	for (int m = 0; m < 3; m++) {
		assert_int_equal(mck_settings_set(&set, "speech", modes[m], err, sizeof(err)), 0);
		assert_int_equal(set.speech, m);
	}
	assert_int_equal(MCK_SPEECH_HEADSET, 2);
	assert_int_equal(mck_settings_set(&set, "speech", "yes", err, sizeof(err)), -1);
	assert_string_equal(err, "speech is off, on or headset, not \"yes\"");
	assert_int_equal(mck_settings_set(&set, "audio.device", "a\tb", err, sizeof(err)), -1);
	memset(line, 'x', 128);
	line[128] = '\0';
	assert_int_equal(mck_settings_set(&set, "audio.device", line, err, sizeof(err)), -1);
	line[127] = '\0';
	assert_int_equal(mck_settings_set(&set, "audio.device", line, err, sizeof(err)), 0);

	snprintf(path, sizeof(path), "%s/../../firmware/etc/kiosk.conf", MCK_FIXTURES);
	fd = mkstemp(tmp);
	assert_true(fd >= 0);
	out = fdopen(fd, "w");
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(out);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "#   speech", 10) == 0 || strncmp(line, "#   audio.", 10) == 0) {
			fputs(line + 4, out);
		}
	}
	fclose(f);
	fclose(out);
	mck_settings_init(&set);
	if (mck_settings_load(&set, tmp, err, sizeof(err)) != 0) {
		fail_msg("%s", err);
	}
	unlink(tmp);
	assert_int_equal(set.speech, MCK_SPEECH_ON);
	assert_string_equal(set.audio_device, "Built-in Audio Digital Stereo (HDMI)");
	/* the keys' settings (EN 301 549 5.7, 5.8): repeat on and no double-strike unless set */
	mck_settings_init(&set);
	assert_true(set.key_repeat);
	assert_int_equal(set.double_strike_ms, 0);
	assert_int_equal(mck_settings_set(&set, "keys.repeat", "off", err, sizeof(err)), 0);
	assert_false(set.key_repeat);
	assert_int_equal(mck_settings_set(&set, "keys.double_strike", "500", err, sizeof(err)), 0);
	assert_int_equal(set.double_strike_ms, 500);
	assert_int_equal(mck_settings_set(&set, "keys.double_strike", "2001", err, sizeof(err)),
			 -1);
	assert_int_equal(mck_settings_set(&set, "keys.double_strike", "-1", err, sizeof(err)), -1);
}

static void test_compose_every_verdict(void **state)
{
	char text[MCK_SPEECH_TEXT_MAX];
	struct mck_view v;

	(void)state;
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		for (int c = 0; c < KASES; c++) {
			const char *word = mck_i18n_say((enum mck_lang)l, kase_word[c]);

			view_of(&v, (enum kase)c, (enum mck_lang)l);
			assert_true(mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text)) >
				    strlen(word));
			/* the verdict first, in the UI's language */
			if (strncmp(text, word, strlen(word)) != 0) {
				fail_msg("%s %s: \"%s\"", mck_i18n_code((enum mck_lang)l),
					 kase_names[c], text);
			}
			/* the verdict part names nobody */
			assert_null(strstr(text, "Kowalska"));
		}
		/* not a credential: the web link's host is said, as the screen shows it */
		view_of(&v, NOT_CREDENTIAL, (enum mck_lang)l);
		mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
		assert_non_null(strstr(text, "example.org"));
	}
	/* reasons say what to do; without one, the verdict's own sentence */
	view_of(&v, INVALID, MCK_LANG_EN);
	mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
	assert_string_equal(text, "Not valid. The awarding body has revoked this credential. Do "
				  "not accept it.");
	v.reasons = 0;
	mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
	assert_string_equal(text, "Not valid. Do not accept this credential.");
	/* the operator's screen (staff): nothing to say */
	v.screen = MCK_SCREEN_OPERATOR;
	assert_int_equal(mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text)), 0);
	assert_string_equal(text, "");
}

/*
 * Every screen a learner meets is said, in every language: idle's prompt
 * (or the fault), a check's last credential and its totals, the decision.
 */
static void test_compose_screens(void **state)
{
	char text[MCK_SPEECH_TEXT_MAX];
	char total[256];
	struct mck_view v;

	(void)state;
	for (int i = 0; i < MCK_LANG_COUNT; i++) {
		enum mck_lang l = (enum mck_lang)i;
		const char *prompt = mck_i18n_text(l, MCK_TEXT_SESSION_PROMPT);

		memset(&v, 0, sizeof(v));
		v.lang = l;
		v.status.have_trustlist = true;
		v.status.camera_ok = true;
		assert_true(mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text)) > 0);
		assert_memory_equal(text, mck_i18n_text(l, MCK_TEXT_IDLE_TITLE),
				    strlen(mck_i18n_text(l, MCK_TEXT_IDLE_TITLE)));
		/* a fault: what stops the kiosk, not the prompt */
		v.status.camera_ok = false;
		mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
		assert_string_equal(text, mck_i18n_text(l, MCK_TEXT_ERROR_NO_CAMERA));
		/* a check, nothing shown yet: what to do */
		v.screen = MCK_SCREEN_SESSION;
		v.session.requirements = 1;
		snprintf(v.session.req[0].label, sizeof(v.session.req[0].label), "EQF 4+");
		v.session.req[0].need = 1;
		mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
		assert_memory_equal(text, prompt, strlen(prompt));
		/* a credential joined: its verdict, what it added, then each total */
		v.session.latest = true;
		v.session.latest_listed = true;
		v.session.creds = 1;
		v.verdict = MCK_VERDICT_VALID;
		snprintf(v.session.cred[0].explain, sizeof(v.session.cred[0].explain),
			 "+1 <credential>");
		v.session.req[0].have = 1;
		v.session.req[0].met = true;
		mck_view_requirement_text(l, &v.session.req[0], total, sizeof(total));
		mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
		assert_memory_equal(text, mck_i18n_say(l, MCK_SAY_VALID),
				    strlen(mck_i18n_say(l, MCK_SAY_VALID)));
		assert_non_null(strstr(text, "+1 credential")); /* markup cleaned away */
		assert_non_null(strstr(text, "EQF 4+: "));
		assert_non_null(strstr(text, total));
		/* the decision */
		v.screen = MCK_SCREEN_DECISION;
		v.session.met = true;
		mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
		assert_memory_equal(text, mck_i18n_text(l, MCK_TEXT_DECISION_NOTE_MET),
				    strlen(mck_i18n_text(l, MCK_TEXT_DECISION_NOTE_MET)));
		assert_non_null(strstr(text, total));
		assert_null(strstr(text, mck_i18n_text(l, MCK_TEXT_DECISION_LEARNERS_DIFFER)));
		v.session.learners_differ = true;
		mck_speech_compose(&v, MCK_SPEECH_VERDICT, text, sizeof(text));
		assert_non_null(strstr(text, mck_i18n_text(l, MCK_TEXT_DECISION_LEARNERS_DIFFER)));
		/* details belong to a result alone */
		assert_int_equal(mck_speech_compose(&v, MCK_SPEECH_DETAILS, text, sizeof(text)), 0);
	}
}

static void test_compose_details(void **state)
{
	char text[MCK_SPEECH_TEXT_MAX];
	struct mck_view v;

	(void)state;
	view_of(&v, VALID, MCK_LANG_EN);
	mck_speech_compose(&v, MCK_SPEECH_DETAILS, text, sizeof(text));
	printf("details: %s\n", text);
	assert_string_equal(text, "Learner: Anna Kowalska. Title: Data analysis with Python. "
				  "Awarding body: Politechnika Warszawska. EQF level: 6. "
				  "Workload: 2.5 ECTS, 60 hours.");
	/* the trust list's name for the body, never the credential's claim */
	assert_null(strstr(text, "Claimed"));
	view_of(&v, VALID, MCK_LANG_DE);
	mck_speech_compose(&v, MCK_SPEECH_DETAILS, text, sizeof(text));
	printf("details de: %s\n", text);
	assert_non_null(strstr(text, "2,5 ECTS, 60 "));
	/* no credential, or the kiosk's failure: no details, said so */
	for (int c = UNREADABLE; c < KASES; c++) {
		view_of(&v, (enum kase)c, MCK_LANG_FR);
		mck_speech_compose(&v, MCK_SPEECH_DETAILS, text, sizeof(text));
		assert_string_equal(text, mck_i18n_say(MCK_LANG_FR, MCK_SAY_NO_DETAILS));
	}
}

/* Valid UTF-8, and no byte markup or phoneme input is made of. */
static void expect_plain(const char *t)
{
	for (const unsigned char *p = (const unsigned char *)t; *p != '\0'; p++) {
		assert_false(*p < 0x20 || *p == 0x7f);
		assert_null(strchr("<>&[]{}\\`|", *p));
	}
	assert_null(strstr(t, "\xef\xbf\xbd"));
}

static void test_hostile_text(void **state)
{
	char text[MCK_SPEECH_TEXT_MAX];
	char *name;
	struct mck_view v;
	size_t len;

	(void)state;
	view_of(&v, VALID, MCK_LANG_EN);
	snprintf(v.learner, sizeof(v.learner),
		 "<speak><prosody rate=\"x-fast\">Anna</prosody></speak>\x01[[h@'loU]]");
	snprintf(v.title, sizeof(v.title), "Title\xef\xbf\xbd\tend {x}`y`|z&amp;");
	mck_speech_compose(&v, MCK_SPEECH_DETAILS, text, sizeof(text));
	printf("hostile: %s\n", text);
	expect_plain(text);
	assert_non_null(strstr(text, "Learner: speak prosody rate=\"x-fast\" Anna /prosody "));
	assert_non_null(strstr(text, "Title: Title end x y z amp;."));
	/* a long name is cut between characters (two-byte Greek letters), to the field's cap */
	memset(v.learner, 0, sizeof(v.learner));
	for (size_t i = 0; i + 2 < sizeof(v.learner); i += 2) {
		memcpy(v.learner + i, "\xce\xb1", 2);
	}
	v.learner[sizeof(v.learner) - 2] = 'x'; /* odd length: the cut falls mid-letter */
	mck_speech_compose(&v, MCK_SPEECH_DETAILS, text, sizeof(text));
	name = strstr(text, ": ") + 2;
	len = strcspn(name, ".");
	assert_true(len <= MCK_SPEECH_FIELD_MAX && len >= MCK_SPEECH_FIELD_MAX - 1);
	assert_int_equal(len % 2, 0);
	/* a buffer too small: cut at a character boundary, terminated */
	/* 20 bytes: "Learner: " and five and a half letters, cut before the half; the stop fits */
	assert_int_equal(mck_speech_compose(&v, MCK_SPEECH_DETAILS, text, 21), 20);
	assert_string_equal(text, "Learner: \xce\xb1\xce\xb1\xce\xb1\xce\xb1\xce\xb1.");
}

#ifdef MCK_HAVE_ESPEAK
static double rms(const struct mck_pcm *p)
{
	double sum = 0;

	for (size_t i = 0; i < p->n; i++) {
		sum += (double)p->s[i] * p->s[i];
	}
	return p->n > 0 ? sqrt(sum / (double)p->n) : 0;
}

static void test_render_every_verdict_every_language(void **state)
{
	char msg[256];
	struct mck_speech_engine *e = mck_speech_engine_create(msg, sizeof(msg));
	struct mck_view v;
	double shortest = 1e9;
	double longest = 0;
	double spoken = 0;
	struct timespec t0;
	struct timespec t1;

	(void)state;
	if (e == NULL) {
		fail_msg("%s", msg);
	}
	assert_null(mck_speech_engine_create(msg, sizeof(msg))); /* one a process */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		printf("%s:", mck_i18n_code((enum mck_lang)l));
		for (int c = 0; c <= KASES; c++) {
			struct mck_pcm p;
			double s;
			/* every verdict, then the details of a valid one */
			enum mck_speech_part part =
				c < KASES ? MCK_SPEECH_VERDICT : MCK_SPEECH_DETAILS;

			view_of(&v, c < KASES ? (enum kase)c : VALID, (enum mck_lang)l);
			mck_pcm_init(&p, MCK_AUDIO_MAX_SAMPLES);
			assert_int_equal(mck_speech_say(e, &v, part, &p), 0);
			s = (double)p.n / MCK_AUDIO_RATE;
			printf(" %s %.1f s rms %.0f", c < KASES ? kase_names[c] : "details", s,
			       rms(&p));
			assert_true(s >= 0.5 && s <= 20.0);
			assert_true(rms(&p) > 300.0);
			spoken += s;
			shortest = s < shortest ? s : shortest;
			longest = s > longest ? s : longest;
			mck_pcm_free(&p);
		}
		printf("\n");
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* a figure, not a check: how long the UI thread waits for an utterance */
	printf("speech: %.1f..%.1f s; %.0f s of speech rendered in %.2f s (%.0fx real time)\n",
	       shortest, longest, spoken,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	       spoken /
		       ((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9));
	/* too long for the buffer: refused whole, nothing half said */
	{
		struct mck_pcm p;

		view_of(&v, VALID, MCK_LANG_EN);
		mck_pcm_init(&p, MCK_AUDIO_RATE / 10);
		assert_int_equal(mck_speech_say(e, &v, MCK_SPEECH_DETAILS, &p), -E2BIG);
		assert_int_equal(p.n, 0);
		v.screen = MCK_SCREEN_OPERATOR; /* staff's: nothing to say */
		assert_int_equal(mck_speech_say(e, &v, MCK_SPEECH_VERDICT, &p), -ENODATA);
		mck_pcm_free(&p);
	}
	mck_speech_engine_destroy(e);
}
#endif

/* Off by default: the earcon plays, and nothing is rendered or queued to be said. */
static void test_nothing_said_while_off(void **state)
{
	struct mck_speech s;
	struct mck_view v;

	(void)state;
	assert_int_equal(SDL_Init(0), 0); /* SDL_AUDIODRIVER=dummy (CTest) */
	mck_speech_open(&s, MCK_SPEECH_OFF, "");
	if (s.out.dev == 0) {
		fail_msg("no audio device: SDL_AUDIODRIVER=dummy?");
	}
	assert_false(s.on);
	for (int c = 0; c < KASES; c++) {
		view_of(&v, (enum kase)c, MCK_LANG_PL);
		mck_speech_result(&s, &v, v.verdict, v.cannot_check);
		mck_speech_details(&s, &v);
	}
	assert_int_equal(s.earcons, KASES);
	assert_int_equal(s.utterances, 0);
	assert_null(s.engine); /* eSpeak was never even started */
	mck_speech_stop(&s);
	assert_int_equal(mck_audio_queued(&s.out), 0);
	mck_speech_poll(&s); /* stays off */
	assert_false(s.on);
#ifdef MCK_HAVE_ESPEAK
	/* a key turns it on ("speech on" said), and then a result is said */
	mck_speech_toggle(&s, MCK_LANG_PL);
	assert_true(s.on);
	assert_int_equal(s.utterances, 1);
	view_of(&v, VALID, MCK_LANG_PL);
	mck_speech_result(&s, &v, v.verdict, v.cannot_check);
	mck_speech_details(&s, &v);
	assert_int_equal(s.utterances, 3);
	assert_true(mck_audio_queued(&s.out) > 0);
	/* the result goes: silence at once */
	mck_speech_stop(&s);
	assert_int_equal(mck_audio_queued(&s.out), 0);
	/* off again ("speech off" said), then nothing more */
	mck_speech_toggle(&s, MCK_LANG_PL);
	assert_false(s.on);
	mck_speech_result(&s, &v, v.verdict, v.cannot_check);
	assert_int_equal(s.utterances, 4);
	mck_speech_poll(&s);
	assert_false(s.on); /* the toggle holds */
#endif
	mck_speech_close(&s);
	/* on in the configuration: said without a key */
	mck_speech_open(&s, MCK_SPEECH_ON, "");
	assert_int_equal(s.on, s.out.dev != 0);
#ifdef MCK_HAVE_ESPEAK
	view_of(&v, WARNING, MCK_LANG_EL);
	mck_speech_result(&s, &v, v.verdict, v.cannot_check);
	assert_int_equal(s.utterances, 1);
#endif
	mck_speech_close(&s);
	/* headset mode without a device named: off */
	mck_speech_open(&s, MCK_SPEECH_HEADSET, "");
	assert_false(s.on);
	mck_speech_close(&s);
	/* a zeroed one is silent and harmless */
	memset(&s, 0, sizeof(s));
	view_of(&v, VALID, MCK_LANG_EN);
	mck_speech_result(&s, &v, v.verdict, false);
	mck_speech_toggle(&s, MCK_LANG_EN);
	mck_speech_stop(&s);
	mck_speech_close(&s);
	assert_int_equal(s.earcons + s.utterances, 0);
	SDL_Quit();
}

/*
 * The listener's volume (5.1.3.12, 5.1.3.13): a step at a time within its
 * range, a tone at each, back to the usual level for the next person.
 */
static void test_volume(void **state)
{
	struct mck_speech s;

	(void)state;
	/* 3 dB steps around the level as made, clipped at full scale */
	assert_int_equal(mck_audio_scale(1000, MCK_AUDIO_VOLUME_DEFAULT), 1000);
	assert_int_equal(mck_audio_scale(1000, MCK_AUDIO_VOLUME_DEFAULT - 2), 500);
	assert_int_equal(mck_audio_scale(1000, 0), 250);
	assert_int_equal(mck_audio_scale(1000, MCK_AUDIO_VOLUMES - 1), 2000);
	assert_int_equal(mck_audio_scale(30000, MCK_AUDIO_VOLUMES - 1), INT16_MAX);
	assert_int_equal(mck_audio_scale(-30000, 99), INT16_MIN);
	assert_int_equal(SDL_Init(0), 0); /* SDL_AUDIODRIVER=dummy (CTest) */
	mck_speech_open(&s, MCK_SPEECH_OFF, "");
	if (s.out.dev == 0) {
		fail_msg("no audio device: SDL_AUDIODRIVER=dummy?");
	}
	assert_int_equal(mck_audio_volume(&s.out), MCK_AUDIO_VOLUME_DEFAULT);
	mck_speech_volume(&s, 1);
	assert_int_equal(mck_audio_volume(&s.out), MCK_AUDIO_VOLUME_DEFAULT + 1);
	assert_true(mck_audio_queued(&s.out) > 0); /* the tone: heard with speech off too */
	for (int i = 0; i < 10; i++) {
		mck_speech_volume(&s, 1);
	}
	assert_int_equal(mck_audio_volume(&s.out), MCK_AUDIO_VOLUMES - 1);
	for (int i = 0; i < 10; i++) {
		mck_speech_volume(&s, -1);
	}
	assert_int_equal(mck_audio_volume(&s.out), 0);
	assert_int_equal(s.utterances, 0); /* a tone, no words */
	mck_speech_volume_reset(&s);
	assert_int_equal(mck_audio_volume(&s.out), MCK_AUDIO_VOLUME_DEFAULT);
	mck_speech_close(&s);
	/* closed: harmless */
	mck_speech_volume(&s, 1);
	assert_int_equal(mck_audio_volume(&s.out), MCK_AUDIO_VOLUME_DEFAULT);
	SDL_Quit();
}

#ifdef MCK_HAVE_ESPEAK
static char dir[] = "/tmp/mck-speech-XXXXXX";

#define S(lit) ((char *)(uintptr_t)(lit)) /* argv's strings are not written to */

/* A WAV file as mck_pcm_write_wav writes it: its samples' seconds and RMS. */
static void wav_stats(const char *path, double *seconds, double *level)
{
	FILE *f = fopen(path, "rb");
	struct mck_pcm p;
	uint8_t h[44];
	int16_t buf[4096];
	size_t n;

	assert_non_null(f);
	assert_int_equal(fread(h, 1, sizeof(h), f), sizeof(h));
	assert_memory_equal(h + 8, "WAVE", 4);
	mck_pcm_init(&p, MCK_AUDIO_MAX_SAMPLES);
	while ((n = fread(buf, 2, 4096, f)) > 0) {
		assert_int_equal(mck_pcm_append(&p, buf, n), 0);
	}
	fclose(f);
	*seconds = (double)p.n / MCK_AUDIO_RATE;
	*level = rms(&p);
	mck_pcm_free(&p);
}

/* mckiosk --say on the fixtures: the command translators and tests use. */
static void test_mckiosk_say(void **state)
{
	static const struct {
		const char *image;
		const char *lang;
	} runs[] = {
		{"valid-es256-compact", "en"},       {"warn-incomplete", "de"},
		{"invalid-revoked", "fr"},           {"unreadable-no-code", "it"},
		{"unreadable-not-credential", "es"}, {"valid-unicode", "el"},
		{"invalid-tampered", "pl"},
	};
	char bin[512], anchors[512], trust[512], status[512], source[600];
	char out[64], details[64];

	(void)state;
	snprintf(bin, sizeof(bin), "%s/mckiosk", MCK_BIN_DIR);
	snprintf(anchors, sizeof(anchors), "%s/anchors", MCK_FIXTURES);
	snprintf(trust, sizeof(trust), "%s/trust/trustlist.jws", MCK_FIXTURES);
	snprintf(status, sizeof(status), "%s/status", MCK_FIXTURES);
	snprintf(out, sizeof(out), "%s/say.wav", dir);
	snprintf(details, sizeof(details), "%s/details.wav", dir);
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		char *argv[] = {bin,
				S("--anchors"),
				anchors,
				S("--trust"),
				trust,
				S("--status"),
				status,
				S("--now"),
				S("1795000000"),
				S("--source"),
				source,
				S("--lang"),
				S(runs[i].lang),
				S("--say"),
				out,
				S("--say-details"),
				details,
				NULL};
		char *stdout_text = NULL;
		double s, level, ds, dlevel;

		snprintf(source, sizeof(source), "image:%s/cases/%s/input0.png", MCK_FIXTURES,
			 runs[i].image);
		assert_int_equal(mck_test_run(argv, NULL, &stdout_text), 0);
		/* counters only on stdout: nothing of the learner */
		assert_null(strstr(stdout_text, "Kowalsk"));
		free(stdout_text);
		wav_stats(out, &s, &level);
		wav_stats(details, &ds, &dlevel);
		printf("--say %s %s: %.1f s (rms %.0f), details %.1f s (rms %.0f)\n", runs[i].image,
		       runs[i].lang, s, level, ds, dlevel);
		assert_true(s >= 0.5 && s <= 20.0 && level > 300.0);
		assert_true(ds >= 0.5 && ds <= 20.0 && dlevel > 300.0);
	}
	/* no image: refused */
	{
		char *argv[] = {bin,     S("--trust"), trust, S("--anchors"),
				anchors, S("--say"),   out,   NULL};
		char *stdout_text = NULL;

		assert_int_equal(mck_test_run(argv, NULL, &stdout_text), 1);
		free(stdout_text);
	}
	unlink(out);
	unlink(details);
}

/* Seconds of a raw 16-bit mono file (SDL's disk driver) whose 100 ms windows are loud. */
static double loud_seconds(const char *path, double *written)
{
	FILE *f = fopen(path, "rb");
	int16_t w[MCK_AUDIO_RATE / 10];
	double loud = 0;

	assert_non_null(f);
	*written = 0;
	while (fread(w, sizeof(w), 1, f) == 1) {
		struct mck_pcm p = {.s = w, .n = sizeof(w) / sizeof(w[0])};

		loud += rms(&p) > 300.0 ? 0.1 : 0;
		*written += 0.1;
	}
	fclose(f);
	return loud;
}

/*
 * The running kiosk (capture thread, UI loop) playing to SDL's disk driver:
 * speech off, only the earcon is heard; on, the verdict is said after it.
 */
static void test_live_kiosk(void **state)
{
	char bin[512], anchors[512], trust[512], status[512], frames[600], source[700];
	char raw[64];
	double off = 0;

	(void)state;
	snprintf(bin, sizeof(bin), "%s/mckiosk", MCK_BIN_DIR);
	snprintf(anchors, sizeof(anchors), "%s/anchors", MCK_FIXTURES);
	snprintf(trust, sizeof(trust), "%s/trust/trustlist.jws", MCK_FIXTURES);
	snprintf(status, sizeof(status), "%s/status", MCK_FIXTURES);
	snprintf(frames, sizeof(frames), "%s/cases/valid-es256-compact", MCK_FIXTURES);
	snprintf(source, sizeof(source), "replay:%s", frames);
	snprintf(raw, sizeof(raw), "%s/disk.raw", dir);
	setenv("SDL_VIDEODRIVER", "dummy", 1);
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", raw, 1);
	for (int on = 0; on < 2; on++) {
		char *argv[] = {bin,
				S("--anchors"),
				anchors,
				S("--trust"),
				trust,
				S("--status"),
				status,
				S("--now"),
				S("1795000000"),
				S("--source"),
				source,
				S("--speech"),
				S(on ? "on" : "off"),
				S("--lang"),
				S("it"),
				S("--run-for"),
				S("4"),
				NULL};
		char *stdout_text = NULL;
		double written;
		double loud;

		assert_int_equal(mck_test_run(argv, NULL, &stdout_text), 0);
		free(stdout_text);
		loud = loud_seconds(raw, &written);
		printf("live, speech %s: %.1f s played, %.1f s loud\n", on ? "on" : "off", written,
		       loud);
		assert_true(written > 1.0);
		if (!on) {
			/* the earcon alone (0.3 s, and the window it starts in) */
			assert_true(loud >= 0.2 && loud <= 0.6);
			off = loud;
		} else {
			/* "Valido. La credenziale è autentica." after it */
			assert_true(loud > off + 1.0);
		}
		unlink(raw);
	}
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phrases_in_every_language),
		cmocka_unit_test(test_settings_keys),
		cmocka_unit_test(test_compose_every_verdict),
		cmocka_unit_test(test_compose_details),
		cmocka_unit_test(test_compose_screens),
		cmocka_unit_test(test_volume),
		cmocka_unit_test(test_hostile_text),
#ifdef MCK_HAVE_ESPEAK
		cmocka_unit_test(test_render_every_verdict_every_language),
#endif
		cmocka_unit_test(test_nothing_said_while_off),
#ifdef MCK_HAVE_ESPEAK
		cmocka_unit_test(test_mckiosk_say),
		cmocka_unit_test(test_live_kiosk),
#endif
	};
	int rc;

#ifdef MCK_HAVE_ESPEAK
	if (mkdtemp(dir) == NULL) {
		return 1;
	}
#endif
	rc = cmocka_run_group_tests(tests, NULL, NULL);
#ifdef MCK_HAVE_ESPEAK
	rmdir(dir);
#endif
	return rc;
}
