/* MC1 payload: both VC-JWT shapes, the claims, the EU standard elements. */
#include "mck/credential.h"

#include <math.h>
#include <string.h>

#include "mck/err.h"
#include "mck/json.h"

#include "internal.h"

static const char *const element_paths[MCK_ELEMENT_COUNT] = {
#define MCK__ELEMENT_PATH(name, path) path,
	MCK_ELEMENT_MAP(MCK__ELEMENT_PATH)
#undef MCK__ELEMENT_PATH
};

const char *mck_element_path(enum mck_element e)
{
	return (unsigned)e < MCK_ELEMENT_COUNT ? element_paths[e] : NULL;
}

#define BAD(...) mck__say(msg, cap, MCK_ERR_JSON, __VA_ARGS__)

static bool one_of(const char *s, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(s, set[i]) == 0) {
			return true;
		}
	}
	return false;
}

/* An optional text member: absent and "" leave *out NULL. */
static int text(const cJSON *obj, const char *name, const char **out, char *msg, size_t cap)
{
	const char *s = NULL;

	*out = NULL;
	if (mck_json_string(obj, name, &s) < 0) {
		return BAD("%s is not a string", name);
	}
	if (s != NULL && s[0] != '\0') {
		*out = s;
	}
	return MCK_OK;
}

/* A time claim, or in the bare shape its RFC 3339 fallback. 1 present, 0 absent. */
static int time_claim(const cJSON *root, const char *claim, const cJSON *vc, bool bare,
		      const char *fallback, int64_t *out, char *msg, size_t cap)
{
	const char *s;
	int rc = mck_json_time(root, claim, out);

	if (rc < 0) {
		return BAD("%s is not a NumericDate", claim);
	}
	if (rc == 1 || !bare) {
		return rc;
	}
	rc = mck_json_string(vc, fallback, &s);
	if (rc < 0 || (rc == 1 && mck_time_parse_rfc3339(s, out) != MCK_OK)) {
		return BAD("%s is not an RFC 3339 date-time", fallback);
	}
	return rc;
}

static int read_issuer(struct mck_credential *c, bool bare, char *msg, size_t cap)
{
	const cJSON *issuer = cJSON_GetObjectItemCaseSensitive(c->vc, "issuer");
	const char *issuer_id = NULL;
	const cJSON *address = NULL;
	int rc;

	if (cJSON_IsString(issuer)) {
		issuer_id = issuer->valuestring;
	} else if (cJSON_IsObject(issuer)) {
		if (mck_json_string(issuer, "id", &issuer_id) < 0 ||
		    text(issuer, "name", &c->claimed_name, msg, cap) != MCK_OK ||
		    mck_json_object(issuer, "address", &address) < 0 ||
		    text(address, "addressCountryCode", &c->claimed_country, msg, cap) != MCK_OK) {
			return BAD("vc.issuer has mistyped members");
		}
	} else if (issuer != NULL) {
		return BAD("vc.issuer is neither a string nor an object");
	}
	if (c->claimed_country != NULL &&
	    (strlen(c->claimed_country) != 2 || c->claimed_country[0] < 'A' ||
	     c->claimed_country[0] > 'Z' || c->claimed_country[1] < 'A' ||
	     c->claimed_country[1] > 'Z')) {
		return BAD("addressCountryCode \"%.8s\" is not ISO 3166-1 alpha-2",
			   c->claimed_country);
	}
	rc = mck_json_string(c->root, "iss", &c->iss);
	if (rc < 0) {
		return BAD("iss is not a string");
	}
	if (rc == 0 && bare) {
		c->iss = issuer_id;
	}
	if (c->iss == NULL || c->iss[0] == '\0') {
		return BAD("iss is missing");
	}
	if (issuer_id != NULL && strcmp(issuer_id, c->iss) != 0) {
		return BAD("vc.issuer.id differs from iss");
	}
	return MCK_OK;
}

static int read_identifiers(struct mck_credential *c, const cJSON *subject, char *msg, size_t cap)
{
	const cJSON *ids = NULL;
	const cJSON *id;
	bool any_plain = false;

	if (mck_json_array(subject, "identifier", &ids) < 0) {
		return BAD("credentialSubject.identifier is not an array");
	}
	c->identifiers = ids;
	cJSON_ArrayForEach(id, ids) {
		const char *type = NULL;
		const char *value = NULL;
		const cJSON *hashed = cJSON_GetObjectItemCaseSensitive(id, "hashed");

		if (!cJSON_IsObject(id) || mck_json_string(id, "identityType", &type) < 0 ||
		    mck_json_string(id, "identityHash", &value) < 0 ||
		    (hashed != NULL && !cJSON_IsBool(hashed))) {
			return BAD("an identifier entry is mistyped");
		}
		/* Only an explicit "hashed": false is a plain value (never show a hash). */
		if (!cJSON_IsFalse(hashed) || value == NULL || value[0] == '\0') {
			continue;
		}
		any_plain = true;
		if (c->learner == NULL && type != NULL &&
		    (strcmp(type, "name") == 0 || strcmp(type, "ext:name") == 0)) {
			c->learner = value;
		}
	}
	if (!any_plain) {
		c->missing |= 1u << MCK_ELEMENT_LEARNER;
	}
	return MCK_OK;
}

static int read_outcomes(struct mck_credential *c, const cJSON *ach, char *msg, size_t cap)
{
	const cJSON *el;
	int n = 0;
	int rc = mck_json_array(ach, "learningOutcomes", &c->outcomes);

	if (rc < 0) {
		return BAD("learningOutcomes is not an array");
	}
	cJSON_ArrayForEach(el, c->outcomes) {
		if (!cJSON_IsString(el)) {
			return BAD("learningOutcomes holds a non-string");
		}
		n++;
	}
	if (rc == 1 && (n < 1 || n > MCK_OUTCOMES_MAX)) {
		return BAD("learningOutcomes must hold 1..50 entries, not %d", n);
	}
	return MCK_OK;
}

static int read_achievement(struct mck_credential *c, const cJSON *ach, char *msg, size_t cap)
{
	static const char *const forms[] = {"online", "onsite", "blended"};
	static const char *const supervision[] = {"none", "supervised-online", "supervised-onsite"};
	int64_t eqf = 0;
	int rc;

	if (text(ach, "name", &c->title, msg, cap) != MCK_OK ||
	    text(ach, "assessmentType", &c->assessment_type, msg, cap) != MCK_OK ||
	    text(ach, "participationForm", &c->participation_form, msg, cap) != MCK_OK ||
	    text(ach, "qualityAssurance", &c->quality_assurance, msg, cap) != MCK_OK ||
	    text(ach, "entryRequirements", &c->entry_requirements, msg, cap) != MCK_OK ||
	    text(ach, "assessmentSupervision", &c->assessment_supervision, msg, cap) != MCK_OK ||
	    text(ach, "identityVerification", &c->identity_verification, msg, cap) != MCK_OK ||
	    text(ach, "stackability", &c->stackability, msg, cap) != MCK_OK ||
	    text(ach, "description", &c->description, msg, cap) != MCK_OK) {
		return MCK_ERR_JSON;
	}
	if (read_outcomes(c, ach, msg, cap) != MCK_OK) {
		return MCK_ERR_JSON;
	}
	rc = mck_json_nonneg(ach, "creditsAvailable", &c->ects);
	if (rc < 0) {
		return BAD("creditsAvailable is not a number >= 0");
	}
	c->has_ects = rc == 1;
	rc = mck_json_nonneg(ach, "workloadHours", &c->hours);
	if (rc < 0) {
		return BAD("workloadHours is not a number >= 0");
	}
	c->has_hours = rc == 1;
	rc = mck_json_int(ach, "eqfLevel", 1, 8, &eqf);
	if (rc < 0) {
		return BAD("eqfLevel is not an integer 1..8");
	}
	c->eqf_level = (int)eqf;
	if (c->participation_form != NULL && !one_of(c->participation_form, forms, 3)) {
		return BAD("participationForm \"%.20s\" is not online/onsite/blended",
			   c->participation_form);
	}
	if (c->assessment_supervision != NULL &&
	    !one_of(c->assessment_supervision, supervision, 3)) {
		return BAD("assessmentSupervision \"%.24s\" is not a known value",
			   c->assessment_supervision);
	}
	return MCK_OK;
}

static int read_grade(struct mck_credential *c, const cJSON *subject, char *msg, size_t cap)
{
	const cJSON *results = NULL;
	const cJSON *first;

	if (mck_json_array(subject, "result", &results) < 0) {
		return BAD("credentialSubject.result is not an array");
	}
	first = cJSON_GetArrayItem(results, 0);
	if (first == NULL) {
		return MCK_OK;
	}
	if (!cJSON_IsObject(first)) {
		return BAD("result[0] is not an object");
	}
	return text(first, "value", &c->grade, msg, cap);
}

/* A status index: a base-10 string or an integral number, below 2^53. */
static bool status_index(const cJSON *entry, uint64_t *out)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(entry, "statusListIndex");
	const uint64_t max = (uint64_t)1 << 53;

	if (cJSON_IsNumber(it)) {
		double v = it->valuedouble;
		if (!isfinite(v) || v < 0 || v != floor(v) || v >= (double)max) {
			return false;
		}
		*out = (uint64_t)v;
		return true;
	}
	if (!cJSON_IsString(it) || it->valuestring[0] == '\0') {
		return false;
	}
	uint64_t v = 0;
	for (const char *p = it->valuestring; *p != '\0'; p++) {
		if (*p < '0' || *p > '9') {
			return false;
		}
		v = v * 10 + (uint64_t)(*p - '0');
		if (v >= max) {
			return false;
		}
	}
	*out = v;
	return true;
}

int mck_credential_status(const struct mck_credential *cred, size_t i, struct mck_status_ref *ref)
{
	const cJSON *entry;

	if (cred->status == NULL) {
		return 0;
	}
	if (cJSON_IsObject(cred->status)) {
		entry = i == 0 ? cred->status : NULL;
	} else {
		entry = cJSON_GetArrayItem(cred->status, (int)(i > 0x7fffffff ? 0x7fffffff : i));
	}
	if (entry == NULL || !status_index(entry, &ref->index) ||
	    mck_json_string(entry, "statusListCredential", &ref->list_id) != 1) {
		return 0;
	}
	return 1;
}

static int read_status(struct mck_credential *c, char *msg, size_t cap)
{
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(c->vc, "credentialStatus");
	const cJSON *entry;
	struct mck_status_ref ref;
	size_t n = 0;

	if (st == NULL) {
		return MCK_OK;
	}
	if (!cJSON_IsObject(st) && !cJSON_IsArray(st)) {
		return BAD("credentialStatus is neither an object nor an array");
	}
	c->status = st;
	if (cJSON_IsObject(st)) {
		n = 1;
	} else {
		cJSON_ArrayForEach(entry, st) {
			n++;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (mck_credential_status(c, i, &ref) != 1) {
			return BAD("credentialStatus entry %zu lacks a valid statusListIndex "
				   "or statusListCredential",
				   i);
		}
	}
	return MCK_OK;
}

int mck_credential_parse(struct mck_credential *c, const uint8_t *buf, size_t len, char *msg,
			 size_t cap)
{
	const cJSON *subject = NULL;
	const cJSON *ach = NULL;
	bool bare;
	int rc;

	memset(c, 0, sizeof(*c));
	rc = mck_json_parse(buf, len, MCK_JSON_MAX_DEPTH, &c->root);
	if (rc != MCK_OK) {
		return rc == MCK_ERR_NOMEM ? rc
					   : BAD("payload is not strict JSON (UTF-8, depth <= 16, "
						 "unique members)");
	}
	if (!cJSON_IsObject(c->root)) {
		return BAD("payload is not a JSON object");
	}
	rc = mck_json_object(c->root, "vc", &c->vc);
	if (rc < 0) {
		return BAD("vc is not an object");
	}
	bare = rc == 0;
	if (bare) {
		c->vc = c->root;
	}
	if (mck_json_has_type(c->vc, "VerifiableCredential") != 1) {
		return BAD("type does not contain VerifiableCredential");
	}
	rc = read_issuer(c, bare, msg, cap);
	if (rc != MCK_OK) {
		return rc;
	}
	rc = time_claim(c->root, "nbf", c->vc, bare, "validFrom", &c->nbf, msg, cap);
	if (rc == 0) {
		return BAD("nbf (date of issue) is missing");
	}
	if (rc < 0) {
		return MCK_ERR_JSON;
	}
	rc = time_claim(c->root, "exp", c->vc, bare, "validUntil", &c->exp, msg, cap);
	if (rc < 0) {
		return MCK_ERR_JSON;
	}
	c->has_exp = rc == 1;
	if (mck_json_string(c->root, "jti", &c->jti) < 0 ||
	    (bare && c->jti == NULL && mck_json_string(c->vc, "id", &c->jti) < 0)) {
		return BAD("jti/id is not a string");
	}
	if (mck_json_object(c->vc, "credentialSubject", &subject) < 0) {
		return BAD("credentialSubject is not an object");
	}
	if (mck_json_object(subject, "achievement", &ach) < 0) {
		return BAD("achievement is not an object");
	}
	if (read_identifiers(c, subject, msg, cap) != MCK_OK ||
	    read_achievement(c, ach, msg, cap) != MCK_OK ||
	    read_grade(c, subject, msg, cap) != MCK_OK || read_status(c, msg, cap) != MCK_OK) {
		return MCK_ERR_JSON;
	}
	if (c->title == NULL) {
		c->missing |= 1u << MCK_ELEMENT_TITLE;
	}
	/* Elements of the credential: its own wording, whatever the trust list says. */
	if (c->claimed_country == NULL) {
		c->missing |= 1u << MCK_ELEMENT_COUNTRY;
	}
	if (c->claimed_name == NULL) {
		c->missing |= 1u << MCK_ELEMENT_AWARDING_BODY;
	}
	if (c->outcomes == NULL) {
		c->missing |= 1u << MCK_ELEMENT_OUTCOMES;
	}
	if (!c->has_ects && !c->has_hours) {
		c->missing |= 1u << MCK_ELEMENT_WORKLOAD;
	}
	if (c->eqf_level == 0) {
		c->missing |= 1u << MCK_ELEMENT_EQF_LEVEL;
	}
	if (c->assessment_type == NULL) {
		c->missing |= 1u << MCK_ELEMENT_ASSESSMENT;
	}
	if (c->participation_form == NULL) {
		c->missing |= 1u << MCK_ELEMENT_PARTICIPATION;
	}
	if (c->quality_assurance == NULL) {
		c->missing |= 1u << MCK_ELEMENT_QUALITY_ASSURANCE;
	}
	return MCK_OK;
}

static bool differs(const char *claimed, const char *registered)
{
	return claimed != NULL && (registered == NULL || strcmp(claimed, registered) != 0);
}

bool mck_credential_claim_differs(const struct mck_credential *c)
{
	return differs(c->claimed_name, c->issuer_name) || differs(c->claimed_country, c->country);
}

void mck_credential_free(struct mck_credential *c)
{
	if (c == NULL) {
		return;
	}
	cJSON_Delete(c->root);
	memset(c, 0, sizeof(*c));
}
