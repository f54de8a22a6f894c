/* The view model's own rules: which fault stops checking, and wiping a result. */
#include <stdio.h>
#include <string.h>

#include <SDL.h>

#include "mck/view.h"

bool mck_view_fault(const struct mck_view *v, enum mck_text *text)
{
	enum mck_text t;

	if (!v->status.have_trustlist) {
		t = MCK_TEXT_ERROR_TRUSTLIST_MISSING;
	} else if (!v->status.camera_ok) {
		t = MCK_TEXT_ERROR_NO_CAMERA;
	} else if (v->status.trustlist_expired) {
		t = MCK_TEXT_ERROR_TRUSTLIST_EXPIRED;
	} else {
		return false;
	}
	if (text != NULL) {
		*text = t;
	}
	return true;
}

bool mck_view_personal(const struct mck_view *v)
{
	return v->screen == MCK_SCREEN_RESULT || v->screen == MCK_SCREEN_PROGRESS ||
	       v->screen == MCK_SCREEN_SESSION || v->screen == MCK_SCREEN_DECISION;
}

void mck_view_clear_result(struct mck_view *v)
{
	struct mck_view_status status = v->status;
	struct mck_view_operator op = v->op;
	enum mck_lang lang = v->lang;
	struct mck_view_session policy = {0};
	struct mck_view_focus focus = v->focus; /* the keypad's, not the learner's */

	/* The policy stays (the operator's); the credentials and totals go. */
	policy.available = v->session.available;
	policy.policies = v->session.policies;
	memcpy(policy.names, v->session.names, sizeof(policy.names));
	memcpy(policy.policy, v->session.policy, sizeof(policy.policy));
	policy.requirements = v->session.requirements;
	for (size_t i = 0; i < policy.requirements && i < MCK_VIEW_REQ; i++) {
		policy.req[i] = v->session.req[i];
		policy.req[i].have = 0;
		policy.req[i].met = false;
	}
	SDL_memset4(v, 0, sizeof(*v) / 4);
	memset(v, 0, sizeof(*v));
	v->status = status;
	v->op = op;
	v->lang = lang;
	v->session = policy;
	v->focus = focus;
}

enum mck_text mck_view_shown_text(enum mck_view_shown shown, bool host)
{
	switch (shown) {
	case MCK_VIEW_SHOWN_URL:
		return host ? MCK_TEXT_SHOWN_URL : MCK_TEXT_SHOWN_URL_NO_HOST;
	case MCK_VIEW_SHOWN_WIFI:
		return MCK_TEXT_SHOWN_WIFI;
	case MCK_VIEW_SHOWN_EU_DCC:
		return MCK_TEXT_SHOWN_EU_DCC;
	case MCK_VIEW_SHOWN_SMART_HEALTH_CARD:
		return MCK_TEXT_SHOWN_SMART_HEALTH_CARD;
	case MCK_VIEW_SHOWN_VCARD:
		return MCK_TEXT_SHOWN_VCARD;
	case MCK_VIEW_SHOWN_TEXT:
	case MCK_VIEW_SHOWN_NONE:
		break;
	}
	return MCK_TEXT_SHOWN_TEXT;
}

/* A number as people write it: "5", "2.5". */
static void amount(double v, char *out, size_t cap)
{
	if (v == (double)(long long)v) {
		snprintf(out, cap, "%lld", (long long)v);
	} else {
		snprintf(out, cap, "%.1f", v);
	}
}

static enum mck_text need_text(enum mck_view_need kind)
{
	switch (kind) {
	case MCK_VIEW_NEED_ECTS:
		return MCK_TEXT_SESSION_HAVE_ECTS;
	case MCK_VIEW_NEED_HOURS:
		return MCK_TEXT_SESSION_HAVE_HOURS;
	case MCK_VIEW_NEED_COUNT:
		break;
	}
	return MCK_TEXT_SESSION_HAVE_COUNT;
}

void mck_view_requirement_text(enum mck_lang lang, const struct mck_view_requirement *q, char *out,
			       size_t cap)
{
	char a[32];
	char b[32];
	char miss[64];
	char part[128];
	int n;

	/* "3 of 1 credentials" reads oddly: a met count shows what was asked */
	amount(q->kind == MCK_VIEW_NEED_COUNT && q->have > q->need ? q->need : q->have, a,
	       sizeof(a));
	amount(q->need, b, sizeof(b));
	snprintf(part, sizeof(part), mck_i18n_text(lang, need_text(q->kind)), a, b);
	n = snprintf(out, cap, "%s: ", part);
	if (n < 0 || (size_t)n >= cap) {
		return;
	}
	if (q->met) {
		snprintf(out + n, cap - (size_t)n, "%s", mck_i18n_text(lang, MCK_TEXT_SESSION_MET));
		return;
	}
	amount(q->need - q->have > 0 ? q->need - q->have : 0, miss, sizeof(miss));
	snprintf(out + n, cap - (size_t)n, mck_i18n_text(lang, MCK_TEXT_SESSION_MISSING), miss);
}
