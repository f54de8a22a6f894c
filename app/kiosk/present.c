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

void mck_present_result(struct mck_view *v, const struct mck_result *res)
{
	const struct mck_credential *c = &res->cred;
	const cJSON *o;

	mck_view_clear_result(v);
	v->screen = MCK_SCREEN_RESULT;
	v->verdict = res->verdict;
	v->reasons = res->reasons;
	v->has_credential = res->has_credential;
	if (!res->has_credential) {
		return;
	}
	put(v->learner, sizeof(v->learner), c->learner);
	put(v->title, sizeof(v->title), c->title);
	put(v->body, sizeof(v->body), c->issuer_name);
	put(v->country, sizeof(v->country), c->country);
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

void mck_present_status(struct mck_view *v, const struct mck_trustlist *tl, bool clock_ok,
			bool camera_ok)
{
	v->status.have_trustlist = tl != NULL;
	if (tl != NULL) {
		v->status.sequence = (long long)mck_trustlist_sequence(tl);
		date_only(v->status.updated, sizeof(v->status.updated), mck_trustlist_iat(tl));
		v->status.issuers = mck_trustlist_issuer_count(tl);
	}
	v->status.clock_ok = clock_ok;
	v->status.camera_ok = camera_ok;
}
