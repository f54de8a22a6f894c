#include "present.h"

#include <stdio.h>
#include <string.h>

#include "mck/json.h"
#include "mck/text.h"

static void put(char *dst, size_t cap, const char *src)
{
	if (src == NULL) {
		dst[0] = '\0';
		return;
	}
	mck_text_sanitize(src, dst, cap);
}

static void date_only(char *dst, size_t cap, int64_t t)
{
	char iso[21];

	mck_time_format(t, iso);
	snprintf(dst, cap, "%.10s", iso);
}

bool mck_present_cannot_check(enum mck_verdict verdict, mck_reasons reasons, bool list_expired)
{
	if (verdict == MCK_VERDICT_UNUSABLE) {
		return true;
	}
	/*
	 * Past the grace period the kiosk cannot vouch for anything: a key or
	 * awarding body it does not know may be one added since. Nothing it says
	 * then may brand a learner's credential a forgery in public.
	 */
	return verdict != MCK_VERDICT_UNREADABLE &&
	       (list_expired || (reasons & MCK_REASON_BIT(MCK_REASON_TRUSTLIST_EXPIRED)) != 0);
}

static enum mck_view_shown shown_of(enum mck_shown s)
{
	switch (s) {
	case MCK_SHOWN_URL:
		return MCK_VIEW_SHOWN_URL;
	case MCK_SHOWN_WIFI:
		return MCK_VIEW_SHOWN_WIFI;
	case MCK_SHOWN_EU_DCC:
		return MCK_VIEW_SHOWN_EU_DCC;
	case MCK_SHOWN_SMART_HEALTH_CARD:
		return MCK_VIEW_SHOWN_SMART_HEALTH_CARD;
	case MCK_SHOWN_VCARD:
		return MCK_VIEW_SHOWN_VCARD;
	case MCK_SHOWN_TEXT:
		return MCK_VIEW_SHOWN_TEXT;
	default:
		return MCK_VIEW_SHOWN_NONE;
	}
}

void mck_present_result(struct mck_view *v, const struct mck_result *res)
{
	const struct mck_credential *c = &res->cred;
	const cJSON *o;

	mck_view_clear_result(v);
	v->screen = MCK_SCREEN_RESULT;
	v->verdict = res->verdict;
	v->reasons = res->reasons;
	v->cannot_check =
		mck_present_cannot_check(res->verdict, res->reasons, v->status.trustlist_expired);
	v->has_credential = res->has_credential && !v->cannot_check;
	if ((res->reasons & MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL)) != 0) {
		v->shown = shown_of(res->shown);
		/* the host alone, and only when it fits whole: never a cut name */
		if (v->shown == MCK_VIEW_SHOWN_URL && strlen(res->host) < sizeof(v->shown_host)) {
			put(v->shown_host, sizeof(v->shown_host), res->host);
		}
	}
	if (!v->has_credential) {
		return;
	}
	put(v->learner, sizeof(v->learner), c->learner);
	put(v->title, sizeof(v->title), c->title);
	/* The awarding body is the trust list's entry for iss (its id when it has no name). */
	put(v->body, sizeof(v->body), c->issuer_name != NULL ? c->issuer_name : c->iss);
	put(v->country, sizeof(v->country), c->country);
	v->claimed = mck_credential_claim_differs(c);
	if (v->claimed) {
		put(v->claimed_body, sizeof(v->claimed_body), c->claimed_name);
		put(v->claimed_country, sizeof(v->claimed_country), c->claimed_country);
	}
	date_only(v->issued, sizeof(v->issued), c->nbf);
	if (c->has_exp) {
		date_only(v->expires, sizeof(v->expires), c->exp);
	}
	v->eqf_level = c->eqf_level;
	if (c->has_ects && c->has_hours) {
		snprintf(v->workload, sizeof(v->workload), "%.4g ECTS \xc2\xb7 %.4g h", c->ects,
			 c->hours);
	} else if (c->has_ects || c->has_hours) {
		snprintf(v->workload, sizeof(v->workload), "%.4g %s",
			 c->has_ects ? c->ects : c->hours, c->has_ects ? "ECTS" : "h");
	}
	put(v->assessment, sizeof(v->assessment), c->assessment_type);
	put(v->participation, sizeof(v->participation), c->participation_form);
	put(v->supervision, sizeof(v->supervision), c->assessment_supervision);
	put(v->identity_check, sizeof(v->identity_check), c->identity_verification);
	put(v->quality, sizeof(v->quality), c->quality_assurance);
	put(v->prerequisites, sizeof(v->prerequisites), c->entry_requirements);
	put(v->grade, sizeof(v->grade), c->grade);
	cJSON_ArrayForEach(o, c->outcomes) {
		if (v->outcomes >= MCK_VIEW_OUTCOMES) {
			break;
		}
		put(v->outcome[v->outcomes++], MCK_VIEW_TEXT, o->valuestring);
	}
	static const enum mck_text labels[MCK_ELEMENT_COUNT] = {
		[MCK_ELEMENT_LEARNER] = MCK_TEXT_LABEL_LEARNER,
		[MCK_ELEMENT_TITLE] = MCK_TEXT_LABEL_TITLE,
		[MCK_ELEMENT_COUNTRY] = MCK_TEXT_LABEL_COUNTRY,
		[MCK_ELEMENT_AWARDING_BODY] = MCK_TEXT_LABEL_AWARDING_BODY,
		[MCK_ELEMENT_OUTCOMES] = MCK_TEXT_LABEL_OUTCOMES,
		[MCK_ELEMENT_WORKLOAD] = MCK_TEXT_LABEL_WORKLOAD,
		[MCK_ELEMENT_EQF_LEVEL] = MCK_TEXT_LABEL_EQF,
		[MCK_ELEMENT_ASSESSMENT] = MCK_TEXT_LABEL_ASSESSMENT,
		[MCK_ELEMENT_PARTICIPATION] = MCK_TEXT_LABEL_PARTICIPATION,
		[MCK_ELEMENT_QUALITY_ASSURANCE] = MCK_TEXT_LABEL_QUALITY,
	};

	for (unsigned e = 0; e < MCK_ELEMENT_COUNT && v->missing < MCK_VIEW_MISSING; e++) {
		if (c->missing & (1u << e)) {
			v->missing_label[v->missing++] = labels[e];
		}
	}
}

void mck_present_status(struct mck_view *v, const struct mck_verifier_cfg *cfg, int64_t now,
			bool camera_ok)
{
	struct mck_view_status *st = &v->status;
	bool scanner = st->scanner; /* the source's, not the list's */

	memset(st, 0, sizeof(*st));
	st->scanner = scanner;
	st->have_trustlist = cfg != NULL && cfg->trust != NULL;
	st->clock_ok = true; /* nothing to tell a wrong clock by without a list */
	if (st->have_trustlist) {
		const struct mck_trustlist *tl = cfg->trust;
		int64_t next = mck_trustlist_next_update(tl);
		int64_t at;

		st->sequence = (long long)mck_trustlist_sequence(tl);
		date_only(st->updated, sizeof(st->updated), mck_trustlist_iat(tl));
		date_only(st->next_update, sizeof(st->next_update), next);
		st->issuers = mck_trustlist_issuer_count(tl);
		st->clock_ok = mck_verifier_time(cfg, now, &at) == MCK_TIME_GIVEN;
		st->trustlist_expired = at > next && at - next > cfg->grace_seconds;
		/* whole days, rounded towards the deadline: 0 on its last day */
		int64_t days = at <= next ? (next - at) / 86400 : -((at - next + 86399) / 86400);
		st->due_in_days = days < -9999 ? -9999 : days > 9999 ? 9999 : (int)days;
		st->due_soon = st->due_in_days <= MCK_VIEW_DUE_DAYS;
	}
	st->camera_ok = camera_ok;
}

void mck_present_time(struct mck_view *v, int64_t now, long long uptime_s)
{
	char iso[21];

	mck_time_format(now, iso); /* YYYY-MM-DDTHH:MM:SSZ */
	snprintf(v->op.now, sizeof(v->op.now), "%.10s %.5s UTC", iso, iso + 11);
	v->op.uptime_s = uptime_s;
}

void mck_present_preview(const uint8_t *grey, uint32_t w, uint32_t h, uint8_t *out, int *ow,
			 int *oh)
{
	uint32_t f = (w + MCK_VIEW_PREVIEW_W - 1) / MCK_VIEW_PREVIEW_W;

	if ((h + MCK_VIEW_PREVIEW_H - 1) / MCK_VIEW_PREVIEW_H > f) {
		f = (h + MCK_VIEW_PREVIEW_H - 1) / MCK_VIEW_PREVIEW_H;
	}
	f = f > 0 ? f : 1;
	*ow = (int)(w / f);
	*oh = (int)(h / f);
	for (int y = 0; y < *oh; y++) {
		const uint8_t *row = grey + (size_t)y * f * w;

		for (int x = 0; x < *ow; x++) {
			out[y * *ow + x] = row[(size_t)x * f];
		}
	}
}
