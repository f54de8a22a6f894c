/* The contract's JSON answer, built from a result. */
#include "mck/answer.h"

#include <stdbool.h>

#include "mck/json.h"

bool mck_answer_add_time(cJSON *obj, const char *name, int64_t t)
{
	char buf[21];

	mck_time_format(t, buf);
	return cJSON_AddStringToObject(obj, name, buf) != NULL;
}

cJSON *mck_answer_add_reasons(cJSON *obj, mck_reasons reasons)
{
	cJSON *arr = cJSON_AddArrayToObject(obj, "reasons");

	for (unsigned r = 0; arr != NULL && r < MCK_REASON_COUNT; r++) {
		if ((reasons & MCK_REASON_BIT(r)) != 0 &&
		    !cJSON_AddItemToArray(
			    arr, cJSON_CreateString(mck_reason_code((enum mck_reason)r)))) {
			return NULL;
		}
	}
	return arr;
}

static bool add_text(cJSON *obj, const char *name, const char *s)
{
	if (s == NULL) {
		return cJSON_AddNullToObject(obj, name) != NULL;
	}
	return cJSON_AddStringToObject(obj, name, s) != NULL;
}

static bool add_identifiers(cJSON *cred, const cJSON *ids)
{
	cJSON *out = cJSON_AddArrayToObject(cred, "identifiers");
	const cJSON *id;

	if (out == NULL) {
		return false;
	}
	cJSON_ArrayForEach(id, ids) {
		const cJSON *type = cJSON_GetObjectItemCaseSensitive(id, "identityType");
		const cJSON *value = cJSON_GetObjectItemCaseSensitive(id, "identityHash");
		cJSON *entry;

		/* Hashed identifiers are never presented as values. */
		if (!cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(id, "hashed")) ||
		    !cJSON_IsString(value)) {
			continue;
		}
		entry = cJSON_CreateObject();
		if (entry == NULL || !cJSON_AddItemToArray(out, entry) ||
		    !add_text(entry, "type", cJSON_IsString(type) ? type->valuestring : NULL) ||
		    !add_text(entry, "value", value->valuestring)) {
			return false;
		}
	}
	return true;
}

/*
 * The trust list's entry for iss; the credential's own wording under "claimed"
 * (both members, as worded) only when it differs (verifier-contract.md).
 */
static bool add_issuer(cJSON *cred, const struct mck_credential *c)
{
	cJSON *issuer = cJSON_AddObjectToObject(cred, "issuer");
	cJSON *claimed;

	if (issuer == NULL || !add_text(issuer, "id", c->iss) ||
	    !add_text(issuer, "name", c->issuer_name) || !add_text(issuer, "country", c->country)) {
		return false;
	}
	if (!mck_credential_claim_differs(c)) {
		return true;
	}
	claimed = cJSON_AddObjectToObject(issuer, "claimed");
	return claimed != NULL && add_text(claimed, "name", c->claimed_name) &&
	       add_text(claimed, "country", c->claimed_country);
}

static bool add_credential(cJSON *root, const struct mck_result *res)
{
	const struct mck_credential *c = &res->cred;
	cJSON *cred = cJSON_AddObjectToObject(root, "credential");
	cJSON *outcomes;

	if (cred == NULL || !add_text(cred, "id", c->jti) || !add_issuer(cred, c) ||
	    !add_text(cred, "learner", c->learner) || !add_identifiers(cred, c->identifiers) ||
	    !add_text(cred, "title", c->title) || !mck_answer_add_time(cred, "issued", c->nbf) ||
	    !(c->has_exp ? mck_answer_add_time(cred, "expires", c->exp)
			 : add_text(cred, "expires", NULL))) {
		return false;
	}
	if (c->outcomes != NULL) {
		outcomes = cJSON_Duplicate(c->outcomes, 1);
		if (outcomes == NULL ||
		    !cJSON_AddItemToObject(cred, "learningOutcomes", outcomes)) {
			cJSON_Delete(outcomes);
			return false;
		}
	} else if (cJSON_AddNullToObject(cred, "learningOutcomes") == NULL) {
		return false;
	}
	if ((c->eqf_level > 0 ? cJSON_AddNumberToObject(cred, "eqfLevel", c->eqf_level)
			      : cJSON_AddNullToObject(cred, "eqfLevel")) == NULL ||
	    (c->has_ects ? cJSON_AddNumberToObject(cred, "ects", c->ects)
			 : cJSON_AddNullToObject(cred, "ects")) == NULL ||
	    (c->has_hours ? cJSON_AddNumberToObject(cred, "workloadHours", c->hours)
			  : cJSON_AddNullToObject(cred, "workloadHours")) == NULL) {
		return false;
	}
	return add_text(cred, "assessmentType", c->assessment_type) &&
	       add_text(cred, "participationForm", c->participation_form) &&
	       add_text(cred, "qualityAssurance", c->quality_assurance) &&
	       add_text(cred, "entryRequirements", c->entry_requirements) &&
	       add_text(cred, "assessmentSupervision", c->assessment_supervision) &&
	       add_text(cred, "identityVerification", c->identity_verification) &&
	       add_text(cred, "grade", c->grade) &&
	       add_text(cred, "stackability", c->stackability) &&
	       add_text(cred, "description", c->description);
}

/*
 * With not_a_credential, what was shown instead: "shown", and for url "host",
 * the host name alone or null when the address had none that is plausible
 * (verifier-contract.md). No other answer has either member.
 */
static bool add_shown(cJSON *root, const struct mck_result *res)
{
	const char *name = mck_shown_name(res->shown);

	if ((res->reasons & MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL)) == 0) {
		return true;
	}
	if (cJSON_AddStringToObject(root, "shown", name != NULL ? name : "text") == NULL) {
		return false;
	}
	if (res->shown != MCK_SHOWN_URL) {
		return true;
	}
	return (res->host[0] != '\0' ? cJSON_AddStringToObject(root, "host", res->host)
				     : cJSON_AddNullToObject(root, "host")) != NULL;
}

static bool add_trustlist(cJSON *root, const struct mck_result *res, const struct mck_trustlist *tl)
{
	cJSON *obj = cJSON_AddObjectToObject(root, "trustList");

	return obj != NULL &&
	       cJSON_AddNumberToObject(obj, "sequence", (double)mck_trustlist_sequence(tl)) &&
	       mck_answer_add_time(obj, "issued", mck_trustlist_iat(tl)) &&
	       mck_answer_add_time(obj, "nextUpdate", mck_trustlist_next_update(tl)) &&
	       cJSON_AddBoolToObject(obj, "stale", res->now > mck_trustlist_next_update(tl));
}

cJSON *mck_answer_json(const struct mck_result *res, const struct mck_trustlist *tl)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *reasons;
	cJSON *missing;
	const char *verdict = mck_verdict_name(res->verdict);
	bool ok;

	if (root == NULL) {
		return NULL;
	}
	ok = (verdict != NULL ? cJSON_AddStringToObject(root, "verdict", verdict)
			      : cJSON_AddNullToObject(root, "verdict")) != NULL;
	reasons = ok ? mck_answer_add_reasons(root, res->reasons) : NULL;
	ok = ok && reasons != NULL;
	missing = reasons != NULL ? cJSON_AddArrayToObject(root, "missing") : NULL;
	for (unsigned e = 0; missing != NULL && res->has_credential && e < MCK_ELEMENT_COUNT; e++) {
		if ((res->cred.missing & (1u << e)) != 0) {
			ok = ok &&
			     cJSON_AddItemToArray(missing, cJSON_CreateString(mck_element_path(
								   (enum mck_element)e)));
		}
	}
	ok = ok && missing != NULL && add_shown(root, res);
	if (ok && res->has_credential) {
		ok = add_credential(root, res);
	}
	if (ok && tl != NULL) {
		ok = add_trustlist(root, res, tl);
		if (ok) {
			char now[21];
			cJSON *time = cJSON_AddObjectToObject(root, "time");

			mck_time_format(res->now, now);
			ok = time != NULL && cJSON_AddStringToObject(time, "now", now) &&
			     cJSON_AddStringToObject(
				     time, "source",
				     res->time_source == MCK_TIME_TRUSTED     ? "trusted_time"
				     : res->time_source == MCK_TIME_TRUSTLIST ? "trustlist_iat"
									      : "clock");
		}
	}
	if (ok && res->detail[0] != '\0') {
		ok = cJSON_AddStringToObject(root, "detail", res->detail) != NULL;
	}
	if (!ok) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}
