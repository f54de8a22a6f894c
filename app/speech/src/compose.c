/* What the kiosk says about a result; see mck/speech.h. */
#define _DEFAULT_SOURCE /* explicit_bzero */

#include "mck/speech.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mck/i18n.h"
#include "mck/speech_text.h"

#define MAX_REASONS 3 /* the band shows one; a listener gets the first few */

struct utter {
	char *out;
	size_t cap;
	size_t len;
};

/* Append raw bytes, cut at a character boundary when full. */
static void put(struct utter *u, const char *s, size_t n)
{
	if (u->len + 1 >= u->cap) {
		return;
	}
	if (n > u->cap - 1 - u->len) {
		n = u->cap - 1 - u->len;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80) {
			n--; /* s[n] continues a character: cut before its start */
		}
	}
	memcpy(u->out + u->len, s, n);
	u->len += n;
	u->out[u->len] = '\0';
}

static void say(struct utter *u, const char *s)
{
	if (u->len > 0) {
		put(u, " ", 1);
	}
	put(u, s, strlen(s));
}

/* UTF-8 sequence length from a lead byte, 0 for a byte that starts none. */
static size_t seq_len(unsigned char c)
{
	return c < 0x80                 ? 1
	       : c >= 0xc2 && c <= 0xdf ? 2
	       : c >= 0xe0 && c <= 0xef ? 3
	       : c >= 0xf0 && c <= 0xf4 ? 4
					: 0;
}

/*
 * Credential text as speech may take it: controls, the sanitiser's U+FFFD
 * and everything markup or phoneme input is made of (< > & [ ] { } \ `) become
 * spaces, runs of spaces one, the end's full stops go (the caller ends the
 * sentence); at most MCK_SPEECH_FIELD_MAX bytes, cut between characters.
 */
static void clean(const char *in, char *out, size_t cap)
{
	size_t o = 0;
	size_t limit = cap - 1 < MCK_SPEECH_FIELD_MAX ? cap - 1 : MCK_SPEECH_FIELD_MAX;
	bool space = true; /* no leading space */

	for (size_t i = 0; in[i] != '\0';) {
		unsigned char c = (unsigned char)in[i];
		size_t n = seq_len(c);
		bool blank = false;

		for (size_t k = 1; k < n; k++) {
			if (((unsigned char)in[i + k] & 0xc0) != 0x80) {
				n = 0; /* cut short, or not UTF-8: the view never holds it */
			}
		}
		if (n == 0) {
			blank = true;
			n = 1;
		} else if (n == 1) {
			blank = c < 0x20 || c == 0x7f || strchr("<>&[]{}\\`|", c) != NULL ||
				c == ' ';
		} else if (n == 3 && memcmp(in + i, "\xef\xbf\xbd", 3) == 0) {
			blank = true; /* U+FFFD: what the sanitiser put for a control */
		}
		if (blank) {
			if (!space && o < limit) {
				out[o++] = ' ';
			}
			space = true;
		} else {
			if (o + n > limit) {
				break;
			}
			memcpy(out + o, in + i, n);
			o += n;
			space = false;
		}
		i += n;
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '.')) {
		o--;
	}
	out[o] = '\0';
}

/* "LABEL: value." for a credential string, nothing when it is empty. */
static void field(struct utter *u, enum mck_lang lang, enum mck_text label, const char *value)
{
	char v[MCK_SPEECH_FIELD_MAX + 1];

	clean(value, v, sizeof(v));
	if (v[0] == '\0') {
		return;
	}
	say(u, mck_i18n_text(lang, label));
	put(u, ": ", 2);
	put(u, v, strlen(v));
	put(u, ".", 1);
}

/*
 * The workload as the kiosk formats it ("6 ECTS · 150 h", "2.5 ECTS",
 * "40 h") with the language's decimal mark and its word for hours.
 */
static void workload(struct utter *u, enum mck_lang lang, const char *w)
{
	char words[96];
	size_t n = 0;
	const char *mark = mck_i18n_say(lang, MCK_SAY_DECIMAL_MARK);
	const char *hours = mck_i18n_text(lang, MCK_TEXT_LABEL_HOURS);

	words[0] = '\0';
	for (const char *p = w; *p != '\0' && n + 40 < sizeof(words);) {
		size_t len = strcspn(p, " ");

		if (len == 2 && memcmp(p, "\xc2\xb7", 2) == 0) {
			n += (size_t)snprintf(words + n, sizeof(words) - n, ",");
		} else if (len == 1 && *p == 'h') {
			n += (size_t)snprintf(words + n, sizeof(words) - n, " %.30s", hours);
		} else if (len > 0 && len < 16) {
			words[n++] = ' ';
			for (size_t i = 0; i < len; i++) {
				if (p[i] == '.' && i > 0) {
					words[n++] = mark[0];
				} else {
					words[n++] = p[i];
				}
			}
			words[n] = '\0';
		}
		p += len;
		p += *p == ' ';
	}
	field(u, lang, MCK_TEXT_LABEL_WORKLOAD, words);
}

static void verdict(struct utter *u, const struct mck_view *v)
{
	enum mck_lang l = v->lang;
	enum mck_say word = MCK_SAY_UNUSABLE;
	enum mck_text action = MCK_TEXT_ACTION_UNUSABLE;
	unsigned said = 0;

	if (v->cannot_check) {
		say(u, mck_i18n_say(l, MCK_SAY_CANNOT_CHECK));
		say(u, mck_i18n_text(l, MCK_TEXT_ACTION_CANNOT_CHECK));
		return;
	}
	if (v->shown != MCK_VIEW_SHOWN_NONE) {
		char host[sizeof(v->shown_host)];
		char line[512];

		clean(v->shown_host, host, sizeof(host));
		say(u, mck_i18n_say(l, MCK_SAY_NOT_CREDENTIAL));
		/* the format is the kiosk's own, its one %s the host */
		snprintf(line, sizeof(line),
			 mck_i18n_text(l, mck_view_shown_text(v->shown, host[0])), host);
		say(u, line);
		say(u, mck_i18n_text(l, MCK_TEXT_SHOWN_ACTION));
		return;
	}
	switch (v->verdict) {
	case MCK_VERDICT_VALID:
		word = MCK_SAY_VALID;
		action = MCK_TEXT_ACTION_VALID;
		break;
	case MCK_VERDICT_WARNING:
		word = MCK_SAY_WARNING;
		break;
	case MCK_VERDICT_INVALID:
		word = MCK_SAY_INVALID;
		action = MCK_TEXT_ACTION_INVALID;
		break;
	case MCK_VERDICT_UNREADABLE:
		word = MCK_SAY_UNREADABLE;
		action = MCK_TEXT_ACTION_UNREADABLE;
		break;
	case MCK_VERDICT_UNUSABLE:
		break;
	}
	say(u, mck_i18n_say(l, word));
	/* each reason says what happened and what to do, as the band's line does */
	for (unsigned r = 0; r < MCK_REASON_COUNT && said < MAX_REASONS; r++) {
		if ((v->reasons & MCK_REASON_BIT(r)) != 0) {
			say(u, mck_i18n_reason(l, (enum mck_reason)r));
			said++;
		}
	}
	if (said == 0) {
		/* none: what the verdict means (a warning's screen words point below: not said) */
		say(u,
		    mck_i18n_text(l, v->verdict == MCK_VERDICT_WARNING ? MCK_TEXT_ACTION_WARNING_ASK
								       : action));
	}
}

static void details(struct utter *u, const struct mck_view *v)
{
	char eqf[16];

	if (!v->has_credential || v->cannot_check) {
		say(u, mck_i18n_say(v->lang, MCK_SAY_NO_DETAILS));
		return;
	}
	field(u, v->lang, MCK_TEXT_LABEL_LEARNER, v->learner);
	field(u, v->lang, MCK_TEXT_LABEL_TITLE, v->title);
	/* the trust list's name for the awarding body, never the credential's claim */
	field(u, v->lang, MCK_TEXT_LABEL_AWARDING_BODY, v->body);
	if (v->eqf_level > 0 && v->eqf_level <= 8) {
		snprintf(eqf, sizeof(eqf), "%d", v->eqf_level);
		field(u, v->lang, MCK_TEXT_LABEL_EQF, eqf);
	}
	if (v->workload[0] != '\0') {
		workload(u, v->lang, v->workload);
	}
}

/* Each requirement and how far it is: "EQF 4 or higher: 1 of 1 credentials: met." */
static void requirements(struct utter *u, const struct mck_view *v)
{
	char label[MCK_SPEECH_FIELD_MAX + 1];
	char total[256];

	for (size_t i = 0; i < v->session.requirements && i < MCK_VIEW_REQ; i++) {
		const struct mck_view_requirement *q = &v->session.req[i];

		clean(q->label, label, sizeof(label)); /* the operator's words */
		mck_view_requirement_text(v->lang, q, total, sizeof(total));
		say(u, label);
		put(u, ": ", 2);
		put(u, total, strlen(total));
		put(u, ".", 1);
	}
}

/*
 * A check going on: how the last credential went and what it added, then
 * the requirements; before the first, what to do.
 */
static void session(struct utter *u, const struct mck_view *v)
{
	const struct mck_view_session *s = &v->session;
	char explain[MCK_SPEECH_FIELD_MAX + 1];

	if (!s->latest) {
		say(u, mck_i18n_text(v->lang, MCK_TEXT_SESSION_PROMPT));
		put(u, ".", 1);
	} else if (s->latest_listed && s->creds > 0 && s->creds <= MCK_VIEW_CREDS) {
		const struct mck_view_session_cred *c = &s->cred[s->creds - 1];

		verdict(u, v);
		clean(c->explain, explain, sizeof(explain));
		if (c->duplicate) {
			say(u, mck_i18n_text(v->lang, MCK_TEXT_SESSION_DUPLICATE));
			put(u, ".", 1);
		} else if (explain[0] != '\0') {
			say(u, explain);
			put(u, ".", 1);
		}
	} else {
		verdict(u, v); /* unreadable: it joined nothing */
	}
	requirements(u, v);
}

static void decision(struct utter *u, const struct mck_view *v)
{
	say(u, mck_i18n_text(v->lang, v->session.met ? MCK_TEXT_DECISION_NOTE_MET
						     : MCK_TEXT_DECISION_NOTE_NOT_MET));
	requirements(u, v);
	if (v->session.learners_differ) {
		say(u, mck_i18n_text(v->lang, MCK_TEXT_DECISION_LEARNERS_DIFFER));
	}
}

/* Idle: what to do, or the fault that stops the kiosk from checking. */
static void idle(struct utter *u, const struct mck_view *v)
{
	enum mck_text fault;

	if (mck_view_fault(v, &fault)) {
		say(u, mck_i18n_text(v->lang, fault));
		return;
	}
	say(u, mck_i18n_text(v->lang, MCK_TEXT_IDLE_TITLE));
	put(u, ".", 1);
	say(u, mck_i18n_text(v->lang,
			     v->status.scanner ? MCK_TEXT_IDLE_HINT_SCANNER : MCK_TEXT_IDLE_HINT));
	put(u, ".", 1);
}

size_t mck_speech_compose(const struct mck_view *v, enum mck_speech_part part, char *out,
			  size_t cap)
{
	struct utter u = {out, cap, 0};

	if (cap == 0) {
		return 0;
	}
	out[0] = '\0';
	if (part == MCK_SPEECH_DETAILS) {
		if (v->screen == MCK_SCREEN_RESULT) {
			details(&u, v);
		}
		return u.len;
	}
	switch (v->screen) {
	case MCK_SCREEN_RESULT:
		verdict(&u, v);
		break;
	case MCK_SCREEN_SESSION:
		session(&u, v);
		break;
	case MCK_SCREEN_DECISION:
		decision(&u, v);
		break;
	case MCK_SCREEN_IDLE:
		idle(&u, v);
		break;
	case MCK_SCREEN_POLICIES:
		say(&u, mck_i18n_text(v->lang, MCK_TEXT_SESSION_CHOOSE));
		put(&u, ".", 1);
		break;
	case MCK_SCREEN_PROGRESS:
	case MCK_SCREEN_ERROR:
	case MCK_SCREEN_OPERATOR:
		break; /* a part of a code read; staff's screens */
	}
	return u.len;
}

enum mck_earcon mck_speech_earcon(enum mck_verdict verdict, bool cannot_check,
				  bool not_a_credential)
{
	if (cannot_check || verdict == MCK_VERDICT_UNUSABLE) {
		return MCK_EARCON_STAFF;
	}
	if (not_a_credential) {
		return MCK_EARCON_UNREADABLE;
	}
	switch (verdict) {
	case MCK_VERDICT_VALID:
		return MCK_EARCON_VALID;
	case MCK_VERDICT_WARNING:
		return MCK_EARCON_CHECK;
	case MCK_VERDICT_INVALID:
		return MCK_EARCON_INVALID;
	case MCK_VERDICT_UNREADABLE:
	case MCK_VERDICT_UNUSABLE:
		break;
	}
	return MCK_EARCON_UNREADABLE;
}

int mck_speech_say(struct mck_speech_engine *e, const struct mck_view *v, enum mck_speech_part part,
		   struct mck_pcm *out)
{
	char text[MCK_SPEECH_TEXT_MAX];
	int rc;

	if (mck_speech_compose(v, part, text, sizeof(text)) == 0) {
		return -ENODATA;
	}
	rc = mck_speech_engine_render(e, v->lang, text, out);
	explicit_bzero(text, sizeof(text)); /* a learner's name, gone with the call */
	return rc;
}
