/* Entry requirements over several credentials (docs/policy.md). */
#define _GNU_SOURCE /* memmem */

#include "mck/policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/answer.h"
#include "mck/crypto.h"
#include "mck/err.h"
#include "mck/json.h"

#include "internal.h"

#define LABELS_MAX 8 /* languages in one label */

/*
 * The languages a titleAny / outcomeAny may be given in: the kiosk's seven
 * (app/i18n's codes; the core does not depend on it). Credentials are worded
 * in their issuer's language, not the kiosk's, so every language's terms are
 * tried on every credential.
 */
static const char *const term_langs[MCK_POLICY_LANGS] = {"en", "pl", "de", "fr", "el", "it", "es"};
#define LANG_NONE 0xFF /* a term of a plain list */

struct term {
	char *folded;
	const char *text; /* as written: borrows the policy's tree */
	uint8_t lang;     /* index in term_langs, or LANG_NONE */
};

struct terms {
	size_t n;
	struct term *t; /* at most MCK_POLICY_LANGS * MCK_POLICY_TERMS_MAX (< MCK_TERM_NONE) */
};

struct label {
	char lang[8];
	const char *text; /* borrows the policy's tree */
};

struct requirement {
	const char *id;
	size_t nlabels;
	struct label label[LABELS_MAX];
	int min_eqf;          /* 0: any */
	int64_t max_age_days; /* 0: any */
	struct terms title, outcome, country, issuer;
	enum mck_need need;
	double amount;
};

struct mck_policy {
	cJSON *root;
	const char *name;
	char digest[65];
	mck_reasons accept; /* warning reasons that may count */
	size_t n;
	struct requirement req[MCK_POLICY_REQ_MAX];
};

/* ---- case folding: Latin (Basic, Latin-1, Extended-A) and Greek ---- */

/* The lower-case form of @p c, always encoded in as many UTF-8 bytes as @p c. */
static uint32_t fold_cp(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	    (c >= 0x391 && c <= 0x3AB && c != 0x3A2)) {
		return c + 0x20;
	}
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
	    c != 0x17F) {
		bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);

		if (c == 0x178) {
			return 0xFF; /* Ÿ */
		}
		if (odd_upper ? (c & 1u) != 0 : (c & 1u) == 0) {
			return c + 1;
		}
		return c;
	}
	switch (c) {
	case 0x386:
		return 0x3AC;
	case 0x388:
		return 0x3AD;
	case 0x389:
		return 0x3AE;
	case 0x38A:
		return 0x3AF;
	case 0x38C:
		return 0x3CC;
	case 0x38E:
		return 0x3CD;
	case 0x38F:
		return 0x3CE;
	case 0x3C2:
		return 0x3C3; /* final sigma matches sigma */
	default:
		return c;
	}
}

static size_t put_utf8(uint32_t c, unsigned char *out)
{
	if (c < 0x80) {
		out[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (unsigned char)(0xC0 | (c >> 6));
		out[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	out[0] = (unsigned char)(0xE0 | (c >> 12));
	out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	out[2] = (unsigned char)(0x80 | (c & 0x3F));
	return 3;
}

/*
 * A folded copy of valid UTF-8 @p s, of the same length (every fold keeps the
 * encoded length), so a byte search finds whole characters only. NULL: no memory.
 */
static char *fold_dup(const char *s)
{
	size_t len = strlen(s);
	char *out = malloc(len + 1);
	size_t i = 0;

	if (out == NULL) {
		return NULL;
	}
	while (i < len) {
		uint32_t c;
		size_t n = mck__utf8_decode((const uint8_t *)s + i, &c);
		unsigned char enc[3];

		if (n == 0) {
			out[i] = s[i]; /* not UTF-8: as it is */
			i++;
			continue;
		}
		if (n < 4 && put_utf8(fold_cp(c), enc) == n) {
			memcpy(out + i, enc, n);
		} else {
			memcpy(out + i, s + i, n);
		}
		i += n;
	}
	out[len] = '\0';
	return out;
}

/* Whether folded @p haystack holds folded @p needle. */
static bool holds(const char *haystack, const char *needle)
{
	return memmem(haystack, strlen(haystack), needle, strlen(needle)) != NULL;
}

/* The index of the first of @p t's terms that folded @p haystack holds, or -1. */
static int find_term(const char *haystack, const struct terms *t)
{
	for (size_t i = 0; i < t->n; i++) {
		if (holds(haystack, t->t[i].folded)) {
			return (int)i;
		}
	}
	return -1;
}

bool mck_contains_folded(const char *haystack, const char *needle)
{
	char *h = fold_dup(haystack);
	char *n = fold_dup(needle);
	bool found = h != NULL && n != NULL && holds(h, n); /* no memory: no match */

	free(h);
	free(n);
	return found;
}

/* @p n bytes as lower-case hex into @p out (2n + 1 bytes). */
static void hex(const uint8_t *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++) {
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	}
}

/* ---- parsing ---- */

struct parse {
	char *msg;
	size_t cap;
};

/* One line on what is wrong into ps->msg, and MCK_ERR_JSON. */
#define BAD(...) mck__say(ps->msg, ps->cap, MCK_ERR_JSON, __VA_ARGS__)

/* Every member of @p obj is one of @p allowed (NULL-terminated). */
static int only_members(struct parse *ps, const cJSON *obj, const char *where,
			const char *const *allowed)
{
	for (const cJSON *m = obj->child; m != NULL; m = m->next) {
		size_t i = 0;

		while (allowed[i] != NULL && strcmp(allowed[i], m->string) != 0) {
			i++;
		}
		if (allowed[i] == NULL) {
			return BAD("%s: unknown member \"%.40s\"", where, m->string);
		}
	}
	return MCK_OK;
}

static bool id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.';
}

/* The strings of @p arr, appended to @p t, which has room for them. */
static int parse_term_list(struct parse *ps, const cJSON *arr, const char *where, uint8_t lang,
			   struct terms *t)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, arr) {
		size_t len = cJSON_IsString(e) ? strlen(e->valuestring) : 0;

		if (len == 0 || len > MCK_POLICY_TERM_MAX) {
			return BAD("%s: each entry a string of 1 to %d bytes", where,
				   MCK_POLICY_TERM_MAX);
		}
		t->t[t->n].folded = fold_dup(e->valuestring);
		if (t->t[t->n].folded == NULL) {
			return MCK_ERR_NOMEM;
		}
		t->t[t->n].text = e->valuestring;
		t->t[t->n].lang = lang;
		t->n++;
	}
	return MCK_OK;
}

static bool term_array(const cJSON *arr)
{
	return cJSON_IsArray(arr) && cJSON_GetArraySize(arr) >= 1 &&
	       cJSON_GetArraySize(arr) <= MCK_POLICY_TERMS_MAX;
}

static int lang_index(const char *code)
{
	for (int i = 0; i < MCK_POLICY_LANGS; i++) {
		if (strcmp(term_langs[i], code) == 0) {
			return i;
		}
	}
	return -1;
}

/*
 * A filter list: an array of strings, or (@p by_lang: titleAny, outcomeAny)
 * an object of language code: array, at most one array per language of the
 * kiosk's seven (the strict parser refuses a code given twice).
 */
static int parse_terms(struct parse *ps, const cJSON *match, const char *name, const char *where,
		       bool by_lang, struct terms *t)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(match, name);
	const cJSON *e;
	size_t total = 0;
	char at[96];
	int rc;

	if (v == NULL) {
		return MCK_OK;
	}
	snprintf(at, sizeof(at), "%s.match.%s", where, name);
	if (cJSON_IsArray(v)) {
		if (!term_array(v)) {
			return BAD("%s: an array of 1 to %d strings", at, MCK_POLICY_TERMS_MAX);
		}
		total = (size_t)cJSON_GetArraySize(v);
	} else if (by_lang && cJSON_IsObject(v) && v->child != NULL) {
		cJSON_ArrayForEach(e, v) {
			if (lang_index(e->string) < 0) {
				return BAD(
					"%s: unknown language \"%.16s\" (en, pl, de, fr, el, it, "
					"es)",
					at, e->string);
			}
			if (!term_array(e)) {
				return BAD("%s.%s: an array of 1 to %d strings", at, e->string,
					   MCK_POLICY_TERMS_MAX);
			}
			total += (size_t)cJSON_GetArraySize(e);
		}
	} else {
		return by_lang ? BAD("%s: an array of strings, or an object of language: array of "
				     "strings",
				     at)
			       : BAD("%s: an array of 1 to %d strings", at, MCK_POLICY_TERMS_MAX);
	}
	t->t = calloc(total, sizeof(*t->t));
	if (t->t == NULL) {
		return MCK_ERR_NOMEM;
	}
	if (cJSON_IsArray(v)) {
		return parse_term_list(ps, v, at, LANG_NONE, t);
	}
	cJSON_ArrayForEach(e, v) {
		char sub[112];

		snprintf(sub, sizeof(sub), "%s.%s", at, e->string);
		rc = parse_term_list(ps, e, sub, (uint8_t)lang_index(e->string), t);
		if (rc != MCK_OK) {
			return rc;
		}
	}
	return MCK_OK;
}

static int parse_label(struct parse *ps, const cJSON *label, const char *where,
		       struct requirement *r)
{
	const cJSON *e;

	if (label == NULL) {
		return MCK_OK;
	}
	if (cJSON_IsString(label) && label->valuestring[0] != '\0' &&
	    strlen(label->valuestring) <= 200) {
		r->label[0].text = label->valuestring;
		r->nlabels = 1;
		return MCK_OK;
	}
	if (!cJSON_IsObject(label) || label->child == NULL) {
		return BAD("%s.label: a string, or an object of language: string", where);
	}
	cJSON_ArrayForEach(e, label) {
		size_t kl = strlen(e->string);

		if (r->nlabels == LABELS_MAX || kl < 2 || kl >= sizeof(r->label[0].lang) ||
		    !cJSON_IsString(e) || e->valuestring[0] == '\0' ||
		    strlen(e->valuestring) > 200) {
			return BAD("%s.label: up to %d languages, each a non-empty string", where,
				   LABELS_MAX);
		}
		memcpy(r->label[r->nlabels].lang, e->string, kl + 1);
		r->label[r->nlabels].text = e->valuestring;
		r->nlabels++;
	}
	return MCK_OK;
}

static int parse_match(struct parse *ps, const cJSON *match, const char *where,
		       struct requirement *r)
{
	static const char *const keys[] = {"minEqfLevel", "maxAgeDays",       "titleAny",
					   "outcomeAny",  "issuerCountryAny", "issuerAny",
					   NULL};
	int64_t v;
	int rc;

	if (match == NULL) {
		return MCK_OK;
	}
	if (!cJSON_IsObject(match)) {
		return BAD("%s.match: an object", where);
	}
	rc = only_members(ps, match, where, keys);
	if (rc != MCK_OK) {
		return rc;
	}
	rc = mck_json_int(match, "minEqfLevel", 1, 8, &v);
	if (rc < 0) {
		return BAD("%s.match.minEqfLevel: an integer 1 to 8", where);
	}
	r->min_eqf = rc == 1 ? (int)v : 0;
	rc = mck_json_int(match, "maxAgeDays", 1, 36500, &v);
	if (rc < 0) {
		return BAD("%s.match.maxAgeDays: an integer 1 to 36500", where);
	}
	r->max_age_days = rc == 1 ? v : 0;
	if ((rc = parse_terms(ps, match, "titleAny", where, true, &r->title)) != MCK_OK ||
	    (rc = parse_terms(ps, match, "outcomeAny", where, true, &r->outcome)) != MCK_OK ||
	    (rc = parse_terms(ps, match, "issuerCountryAny", where, false, &r->country)) !=
		    MCK_OK ||
	    (rc = parse_terms(ps, match, "issuerAny", where, false, &r->issuer)) != MCK_OK) {
		return rc;
	}
	return MCK_OK;
}

static int parse_need(struct parse *ps, const cJSON *need, const char *where, struct requirement *r)
{
	static const char *const keys[] = {"count", "ects", "hours", NULL};
	int64_t count;
	double amount;
	int rc;

	if (!cJSON_IsObject(need) || cJSON_GetArraySize(need) != 1) {
		return BAD("%s.need: an object with one of count, ects, hours", where);
	}
	rc = only_members(ps, need, where, keys);
	if (rc != MCK_OK) {
		return rc;
	}
	if (mck_json_int(need, "count", 1, MCK_SESSION_MAX, &count) == 1) {
		r->need = MCK_NEED_COUNT;
		r->amount = (double)count;
		return MCK_OK;
	}
	if (cJSON_GetObjectItemCaseSensitive(need, "count") != NULL) {
		return BAD("%s.need.count: an integer 1 to %d", where, MCK_SESSION_MAX);
	}
	r->need = cJSON_GetObjectItemCaseSensitive(need, "ects") != NULL ? MCK_NEED_ECTS
									 : MCK_NEED_HOURS;
	rc = mck_json_nonneg(need, r->need == MCK_NEED_ECTS ? "ects" : "hours", &amount);
	if (rc != 1 || !(amount > 0) || amount > 100000) {
		return BAD("%s.need.%s: a number above 0", where,
			   r->need == MCK_NEED_ECTS ? "ects" : "hours");
	}
	r->amount = amount;
	return MCK_OK;
}

static int parse_requirement(struct parse *ps, const cJSON *obj, size_t i, struct mck_policy *p)
{
	static const char *const keys[] = {"id", "label", "match", "need", NULL};
	struct requirement *r = &p->req[i];
	char where[48];
	int rc;

	snprintf(where, sizeof(where), "requirements[%zu]", i);
	if (!cJSON_IsObject(obj)) {
		return BAD("%s: an object", where);
	}
	rc = only_members(ps, obj, where, keys);
	if (rc != MCK_OK) {
		return rc;
	}
	if (mck_json_string(obj, "id", &r->id) != 1 || r->id[0] == '\0' || strlen(r->id) > 64) {
		return BAD("%s.id: a string of 1 to 64 characters", where);
	}
	for (const char *c = r->id; *c != '\0'; c++) {
		if (!id_char(*c)) {
			return BAD("%s.id: letters, digits, '-', '_', '.' only", where);
		}
	}
	for (size_t k = 0; k < i; k++) {
		if (strcmp(p->req[k].id, r->id) == 0) {
			return BAD("%s.id: \"%s\" given twice", where, r->id);
		}
	}
	if ((rc = parse_label(ps, cJSON_GetObjectItemCaseSensitive(obj, "label"), where, r)) !=
		    MCK_OK ||
	    (rc = parse_match(ps, cJSON_GetObjectItemCaseSensitive(obj, "match"), where, r)) !=
		    MCK_OK) {
		return rc;
	}
	return parse_need(ps, cJSON_GetObjectItemCaseSensitive(obj, "need"), where, r);
}

static int parse_accept(struct parse *ps, const cJSON *arr, struct mck_policy *p)
{
	const cJSON *e;

	if (arr == NULL) {
		return MCK_OK;
	}
	if (!cJSON_IsArray(arr)) {
		return BAD("acceptWarnings: an array of reason codes");
	}
	cJSON_ArrayForEach(e, arr) {
		int found = -1;

		for (int r = 0; r < MCK_REASON_COUNT && cJSON_IsString(e); r++) {
			if (strcmp(mck_reason_code((enum mck_reason)r), e->valuestring) == 0) {
				found = r;
			}
		}
		if (found < 0) {
			return BAD("acceptWarnings: unknown reason code");
		}
		if (mck_reason_verdict((enum mck_reason)found) != MCK_VERDICT_WARNING) {
			return BAD("acceptWarnings: \"%s\" is not a warning; it never counts",
				   e->valuestring);
		}
		p->accept |= MCK_REASON_BIT(found);
	}
	return MCK_OK;
}

int mck_policy_parse(const uint8_t *buf, size_t len, struct mck_policy **out, char *msg,
		     size_t msgcap)
{
	static const char *const keys[] = {"name", "description", "acceptWarnings", "requirements",
					   NULL};
	struct parse parse = {msg, msgcap};
	struct parse *ps = &parse;
	struct mck_policy *p;
	uint8_t digest[MCK_SHA256_LEN];
	const cJSON *reqs;
	const cJSON *e;
	const char *desc;
	int rc;

	*out = NULL;
	if (msgcap > 0) {
		msg[0] = '\0';
	}
	if (len > MCK_POLICY_FILE_MAX) {
		return BAD("over %d bytes", MCK_POLICY_FILE_MAX);
	}
	p = calloc(1, sizeof(*p));
	if (p == NULL) {
		return MCK_ERR_NOMEM;
	}
	rc = mck_json_parse(buf, len, 8, &p->root);
	if (rc != MCK_OK) {
		mck_policy_free(p);
		return rc == MCK_ERR_NOMEM ? rc
					   : BAD("not valid JSON (strict: UTF-8, no duplicates)");
	}
	if (!cJSON_IsObject(p->root)) {
		rc = BAD("not a JSON object");
	} else if ((rc = only_members(ps, p->root, "policy", keys)) != MCK_OK) {
		/* said */
	} else if (mck_json_string(p->root, "name", &p->name) != 1 || p->name[0] == '\0' ||
		   strlen(p->name) > 200) {
		rc = BAD("name: a string of 1 to 200 bytes");
	} else if (mck_json_string(p->root, "description", &desc) < 0) {
		rc = BAD("description: a string");
	} else if ((rc = parse_accept(ps,
				      cJSON_GetObjectItemCaseSensitive(p->root, "acceptWarnings"),
				      p)) != MCK_OK) {
		/* said */
	} else if (mck_json_array(p->root, "requirements", &reqs) != 1 ||
		   cJSON_GetArraySize(reqs) < 1 || cJSON_GetArraySize(reqs) > MCK_POLICY_REQ_MAX) {
		rc = BAD("requirements: an array of 1 to %d requirements", MCK_POLICY_REQ_MAX);
	} else {
		cJSON_ArrayForEach(e, reqs) {
			rc = parse_requirement(ps, e, p->n, p);
			if (rc != MCK_OK) {
				break;
			}
			p->n++;
		}
	}
	if (rc != MCK_OK) {
		mck_policy_free(p);
		return rc;
	}
	mck_sha256(buf, len, digest);
	hex(digest, sizeof(digest), p->digest);
	*out = p;
	return MCK_OK;
}

static void free_terms(struct terms *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->t[i].folded);
	}
	free(t->t);
	t->t = NULL;
	t->n = 0;
}

void mck_policy_free(struct mck_policy *p)
{
	if (p == NULL) {
		return;
	}
	for (size_t i = 0; i < MCK_POLICY_REQ_MAX; i++) {
		free_terms(&p->req[i].title);
		free_terms(&p->req[i].outcome);
		free_terms(&p->req[i].country);
		free_terms(&p->req[i].issuer);
	}
	cJSON_Delete(p->root);
	free(p);
}

const char *mck_policy_name(const struct mck_policy *p)
{
	return p->name;
}

const char *mck_policy_digest(const struct mck_policy *p)
{
	return p->digest;
}

size_t mck_policy_count(const struct mck_policy *p)
{
	return p->n;
}

const char *mck_policy_req_id(const struct mck_policy *p, size_t i)
{
	return i < p->n ? p->req[i].id : NULL;
}

const char *mck_policy_req_label(const struct mck_policy *p, size_t i, const char *lang)
{
	const struct requirement *r;

	if (i >= p->n) {
		return NULL;
	}
	r = &p->req[i];
	for (int pass = 0; pass < 2; pass++) {
		const char *want = pass == 0 ? lang : "en";

		for (size_t k = 0; want != NULL && k < r->nlabels; k++) {
			if (r->label[k].lang[0] != '\0' && strcmp(r->label[k].lang, want) == 0) {
				return r->label[k].text;
			}
		}
	}
	return r->nlabels > 0 ? r->label[0].text : r->id;
}

enum mck_need mck_policy_req_need(const struct mck_policy *p, size_t i, double *amount)
{
	*amount = i < p->n ? p->req[i].amount : 0;
	return i < p->n ? p->req[i].need : MCK_NEED_COUNT;
}

bool mck_policy_accepts(const struct mck_policy *p, enum mck_verdict verdict, mck_reasons reasons)
{
	return verdict == MCK_VERDICT_VALID ||
	       (verdict == MCK_VERDICT_WARNING && (reasons & ~p->accept) == 0);
}

/* ---- the session ---- */

void mck_session_init(struct mck_session *s, const struct mck_policy *p)
{
	memset(s, 0, sizeof(*s));
	s->policy = p;
}

void mck_session_clear(struct mck_session *s)
{
	const struct mck_policy *p = s->policy;

	mck_zeroize(s, sizeof(*s));
	s->policy = p;
}

/* The index of the first term @p text holds, ignoring case, or MCK_TERM_NONE. */
static uint8_t term_in(const struct terms *t, const char *text)
{
	char *h = text != NULL ? fold_dup(text) : NULL;
	int i = h != NULL ? find_term(h, t) : -1; /* no memory: no match */

	free(h);
	return i < 0 ? MCK_TERM_NONE : (uint8_t)i;
}

/* An exact match ignoring case: the whole of @p text is one of the terms. */
static bool equal_term(const struct terms *t, const char *text)
{
	char *f;
	bool found = false;

	if (text == NULL) {
		return false;
	}
	f = fold_dup(text);
	for (size_t i = 0; f != NULL && i < t->n && !found; i++) {
		found = strcmp(f, t->t[i].folded) == 0;
	}
	free(f);
	return found;
}

/*
 * Every filter of @p r on @p res, not only up to the first that fails (an
 * explanation names them all): the MCK_CRIT_BIT()s that did not pass, and the
 * titleAny and outcomeAny terms that did.
 */
static unsigned check_filters(const struct requirement *r, const struct mck_result *res,
			      uint8_t *title_hit, uint8_t *outcome_hit)
{
	const struct mck_credential *c = &res->cred;
	unsigned failed = 0;
	const cJSON *o;

	*title_hit = MCK_TERM_NONE;
	*outcome_hit = MCK_TERM_NONE;
	if (r->title.n > 0) {
		*title_hit = term_in(&r->title, c->title);
		if (*title_hit == MCK_TERM_NONE) {
			failed |= MCK_CRIT_BIT(MCK_CRIT_TITLE);
		}
	}
	if (r->outcome.n > 0) {
		cJSON_ArrayForEach(o, c->outcomes) {
			if (*outcome_hit == MCK_TERM_NONE && cJSON_IsString(o)) {
				*outcome_hit = term_in(&r->outcome, o->valuestring);
			}
		}
		if (*outcome_hit == MCK_TERM_NONE) {
			failed |= MCK_CRIT_BIT(MCK_CRIT_OUTCOMES);
		}
	}
	if (r->min_eqf > 0 && c->eqf_level < r->min_eqf) {
		failed |= MCK_CRIT_BIT(MCK_CRIT_EQF);
	}
	if (r->max_age_days > 0 &&
	    (c->nbf > res->now || res->now - c->nbf > r->max_age_days * 86400)) {
		failed |= MCK_CRIT_BIT(MCK_CRIT_AGE);
	}
	/* The awarding body as registered (verify.c), never the credential's own wording. */
	if (r->issuer.n > 0 && !equal_term(&r->issuer, c->iss) &&
	    !equal_term(&r->issuer, c->issuer_name)) {
		failed |= MCK_CRIT_BIT(MCK_CRIT_ISSUER);
	}
	if (r->country.n > 0 && !equal_term(&r->country, c->country)) {
		failed |= MCK_CRIT_BIT(MCK_CRIT_COUNTRY);
	}
	return failed;
}

/* What a credential that passes @p q's filters adds to its total: 0 for no amount. */
static double amount_of(const struct requirement *q, const struct mck_session_item *it)
{
	return q->need == MCK_NEED_COUNT ? 1 : q->need == MCK_NEED_ECTS ? it->ects : it->hours;
}

/* Whether item @p it adds to requirement @p r (and so @p add, when not NULL). */
static bool adds_to(const struct mck_session *s, const struct mck_session_item *it, size_t r,
		    double *add)
{
	double a = amount_of(&s->policy->req[r], it);
	bool yes = it->eligible && (it->matches & (1u << r)) != 0 && a > 0;

	if (add != NULL) {
		*add = yes ? a : 0;
	}
	return yes;
}

static void copy_text(char *dst, size_t cap, const char *src)
{
	size_t n = src != NULL ? strlen(src) : 0;

	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0u) == 0x80u) {
			n--; /* whole characters only */
		}
	}
	if (n > 0) {
		memcpy(dst, src, n);
	}
	dst[n] = '\0';
}

/* The credential's identity: iss and jti when it has one, else its payload. */
static void identity(const struct mck_credential *c, char out[65])
{
	uint8_t d[MCK_SHA256_LEN];
	char *text = NULL;

	if (c->jti != NULL) {
		size_t a = strlen(c->iss);
		size_t b = strlen(c->jti);

		text = malloc(a + b + 2);
		if (text != NULL) {
			memcpy(text, c->iss, a);
			text[a] = '\n';
			memcpy(text + a + 1, c->jti, b + 1);
		}
	} else {
		text = cJSON_PrintUnformatted(c->root);
	}
	if (text == NULL) {
		memset(d, 0, sizeof(d)); /* no memory: an id that equals no credential's */
		d[0] = 1;
		hex(d, sizeof(d), out);
		return;
	}
	mck_sha256(text, strlen(text), d);
	hex(d, sizeof(d), out);
	free(text);
}

static void note_learner(struct mck_session *s, struct mck_session_item *it, const char *learner)
{
	uint8_t d[MCK_SHA256_LEN];
	char *f;

	if (learner == NULL || (f = fold_dup(learner)) == NULL) {
		return;
	}
	mck_sha256(f, strlen(f), d);
	free(f);
	if (!s->has_learner) {
		memcpy(s->learner, d, sizeof(d));
		s->has_learner = true;
	} else if (memcmp(s->learner, d, sizeof(d)) != 0) {
		s->learners_differ = true;
		it->other_learner = true;
	}
}

int mck_session_add(struct mck_session *s, const struct mck_result *res)
{
	struct mck_session_item *it;
	const struct mck_credential *c = &res->cred;

	if (s->count >= MCK_SESSION_MAX) {
		return -1;
	}
	it = &s->item[s->count];
	memset(it, 0, sizeof(*it));
	it->verdict = res->verdict;
	it->reasons = res->reasons;
	it->verified_at = res->now;
	it->duplicate_of = -1;
	memset(it->title_hit, MCK_TERM_NONE, sizeof(it->title_hit)); /* 0 is the first term */
	memset(it->outcome_hit, MCK_TERM_NONE, sizeof(it->outcome_hit));
	it->has_credential = res->has_credential;
	if (res->has_credential) {
		identity(c, it->id_hash);
		for (size_t k = 0; k < s->count; k++) {
			if (s->item[k].has_credential &&
			    strcmp(s->item[k].id_hash, it->id_hash) == 0) {
				it->duplicate_of = (int)k;
				break;
			}
		}
		copy_text(it->issuer_id, sizeof(it->issuer_id), c->iss);
		copy_text(it->issuer_name, sizeof(it->issuer_name), c->issuer_name);
		copy_text(it->country, sizeof(it->country), c->country);
		copy_text(it->title, sizeof(it->title), c->title);
		it->eqf_level = c->eqf_level;
		it->ects = c->has_ects ? c->ects : 0;
		it->hours = c->has_hours ? c->hours : 0;
		for (size_t r = 0; r < s->policy->n; r++) {
			unsigned failed = check_filters(&s->policy->req[r], res, &it->title_hit[r],
							&it->outcome_hit[r]);

			if (failed == 0) {
				it->matches |= 1u << r;
				if (amount_of(&s->policy->req[r], it) <= 0) {
					failed = MCK_CRIT_BIT(MCK_CRIT_AMOUNT);
				}
			}
			it->failed[r] = (uint8_t)failed;
		}
		note_learner(s, it, c->learner);
	}
	it->eligible = res->has_credential && it->duplicate_of < 0 &&
		       mck_policy_accepts(s->policy, res->verdict, res->reasons);
	/* "counts" only when it adds something: a valid credential no requirement takes does not */
	for (size_t r = 0; r < s->policy->n; r++) {
		it->counts = it->counts || adds_to(s, it, r, NULL);
	}
	return (int)s->count++;
}

bool mck_session_evaluate(const struct mck_session *s, struct mck_req_status *out)
{
	bool all = true;

	for (size_t r = 0; r < s->policy->n; r++) {
		const struct requirement *q = &s->policy->req[r];
		struct mck_req_status *st = &out[r];

		memset(st, 0, sizeof(*st));
		st->kind = q->need;
		st->need = q->amount;
		for (size_t k = 0; k < s->count; k++) {
			double add;

			if (adds_to(s, &s->item[k], r, &add)) {
				st->have += add;
				st->counted |= 1u << k;
			}
		}
		/* sums of decimal credits (2.5 + 2.5): compare with a little slack */
		st->met = st->have + 1e-9 >= st->need;
		all = all && st->met;
	}
	return all;
}

const char *mck_crit_name(enum mck_crit c)
{
	static const char *const names[MCK_CRIT_COUNT] = {
		"titleAny",  "outcomeAny",       "minEqfLevel", "maxAgeDays",
		"issuerAny", "issuerCountryAny", "amount",
	};

	return (unsigned)c < MCK_CRIT_COUNT ? names[c] : "?";
}

/* The policy's term @p hit of @p t and its language into @p text and @p lang. */
static void term_of(const struct terms *t, uint8_t hit, const char **text, const char **lang)
{
	*text = NULL;
	*lang = NULL;
	if (hit != MCK_TERM_NONE && hit < t->n) {
		*text = t->t[hit].text;
		*lang = t->t[hit].lang < MCK_POLICY_LANGS ? term_langs[t->t[hit].lang] : "";
	}
}

int mck_session_explain(const struct mck_session *s, size_t item, struct mck_explain *out)
{
	const struct mck_session_item *it;

	memset(out, 0, sizeof(*out));
	out->duplicate_of = -1;
	if (item >= s->count) {
		return MCK_ERR_INVAL;
	}
	it = &s->item[item];
	out->duplicate_of = it->duplicate_of;
	out->counts = it->counts;
	out->n = s->policy->n;
	if (!it->has_credential) {
		out->skip = MCK_SKIP_NO_CREDENTIAL;
	} else if (!mck_policy_accepts(s->policy, it->verdict, it->reasons)) {
		out->skip = MCK_SKIP_VERDICT;
		out->unaccepted = it->verdict == MCK_VERDICT_WARNING
					  ? it->reasons & ~s->policy->accept
					  : it->reasons;
	} else if (it->duplicate_of >= 0) {
		out->skip = MCK_SKIP_DUPLICATE;
	}
	for (size_t r = 0; r < out->n; r++) {
		const struct requirement *q = &s->policy->req[r];
		struct mck_explain_req *e = &out->req[r];
		double add;

		e->kind = q->need;
		e->need = q->amount;
		e->matched = (it->matches & (1u << r)) != 0;
		e->failed = it->failed[r];
		e->first = MCK_CRIT_COUNT;
		for (int c = MCK_CRIT_COUNT - 1; c >= 0; c--) {
			if (e->failed & MCK_CRIT_BIT(c)) {
				e->first = (enum mck_crit)c;
			}
		}
		e->added = adds_to(s, it, r, &e->add);
		for (size_t k = 0; k <= item; k++) {
			if (adds_to(s, &s->item[k], r, &add)) {
				e->total += add;
			}
		}
		term_of(&q->title, it->title_hit[r], &e->title_term, &e->title_lang);
		term_of(&q->outcome, it->outcome_hit[r], &e->outcome_term, &e->outcome_lang);
	}
	return MCK_OK;
}

/* ---- the record ---- */

static const char *need_name(enum mck_need n)
{
	return n == MCK_NEED_COUNT ? "count" : n == MCK_NEED_ECTS ? "ects" : "hours";
}

static cJSON *record_item(const struct mck_session_item *it, size_t k)
{
	cJSON *o = cJSON_CreateObject();
	const char *verdict = mck_verdict_name(it->verdict);
	bool ok;

	if (o == NULL) {
		return NULL;
	}
	ok = cJSON_AddNumberToObject(o, "index", (double)k) != NULL &&
	     cJSON_AddStringToObject(o, "verdict", verdict != NULL ? verdict : "error") != NULL &&
	     mck_answer_add_reasons(o, it->reasons) != NULL &&
	     mck_answer_add_time(o, "verifiedAt", it->verified_at);
	if (ok && it->has_credential) {
		cJSON *iss = cJSON_AddObjectToObject(o, "issuer");

		ok = iss != NULL && cJSON_AddStringToObject(o, "idHash", it->id_hash) != NULL &&
		     cJSON_AddStringToObject(iss, "id", it->issuer_id) != NULL &&
		     cJSON_AddStringToObject(iss, "name", it->issuer_name) != NULL &&
		     cJSON_AddStringToObject(iss, "country", it->country) != NULL &&
		     cJSON_AddStringToObject(o, "title", it->title) != NULL;
	}
	ok = ok && cJSON_AddBoolToObject(o, "counts", it->counts) != NULL &&
	     (it->duplicate_of < 0
		      ? cJSON_AddNullToObject(o, "duplicateOf") != NULL
		      : cJSON_AddNumberToObject(o, "duplicateOf", it->duplicate_of) != NULL);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *record_requirement(const struct mck_session *s, size_t r,
				 const struct mck_req_status *st)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *idx;
	bool ok;

	if (o == NULL) {
		return NULL;
	}
	ok = cJSON_AddStringToObject(o, "id", s->policy->req[r].id) != NULL &&
	     cJSON_AddBoolToObject(o, "met", st->met) != NULL &&
	     cJSON_AddStringToObject(o, "kind", need_name(st->kind)) != NULL &&
	     cJSON_AddNumberToObject(o, "have", st->have) != NULL &&
	     cJSON_AddNumberToObject(o, "need", st->need) != NULL &&
	     (idx = cJSON_AddArrayToObject(o, "credentials")) != NULL;
	for (size_t k = 0; ok && k < s->count; k++) {
		if (st->counted & (1u << k)) {
			ok = cJSON_AddItemToArray(idx, cJSON_CreateNumber((double)k));
		}
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* Crockford's base32 of the first 40 bits of the record's SHA-256: "XXXX-XXXX". */
static void reference_of(const char *text, char out[MCK_POLICY_REF_LEN])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	uint8_t d[MCK_SHA256_LEN];
	uint64_t v = 0;
	size_t o = 0;

	mck_sha256(text, strlen(text), d);
	for (int i = 0; i < 5; i++) {
		v = (v << 8) | d[i];
	}
	for (int i = 7; i >= 0; i--) {
		out[o++] = alphabet[(v >> (5 * i)) & 31u];
		if (i == 4) {
			out[o++] = '-';
		}
	}
	out[o] = '\0';
}

cJSON *mck_session_record(const struct mck_session *s, int64_t decided_at,
			  char reference[MCK_POLICY_REF_LEN])
{
	struct mck_req_status st[MCK_POLICY_REQ_MAX];
	bool all = mck_session_evaluate(s, st);
	cJSON *rec = cJSON_CreateObject();
	cJSON *pol;
	cJSON *reqs;
	cJSON *items;
	char *text;
	bool ok;

	reference[0] = '\0';
	if (rec == NULL) {
		return NULL;
	}
	ok = (pol = cJSON_AddObjectToObject(rec, "policy")) != NULL &&
	     cJSON_AddStringToObject(pol, "name", s->policy->name) != NULL &&
	     cJSON_AddStringToObject(pol, "sha256", s->policy->digest) != NULL &&
	     cJSON_AddStringToObject(rec, "decision", all ? "met" : "not_met") != NULL &&
	     mck_answer_add_time(rec, "decidedAt", decided_at) &&
	     cJSON_AddBoolToObject(rec, "sameLearner", !s->learners_differ) != NULL &&
	     (reqs = cJSON_AddArrayToObject(rec, "requirements")) != NULL &&
	     (items = cJSON_AddArrayToObject(rec, "credentials")) != NULL;
	for (size_t r = 0; ok && r < s->policy->n; r++) {
		ok = cJSON_AddItemToArray(reqs, record_requirement(s, r, &st[r]));
	}
	for (size_t k = 0; ok && k < s->count; k++) {
		ok = cJSON_AddItemToArray(items, record_item(&s->item[k], k));
	}
	/* the reference covers everything above; it is added last */
	text = ok ? cJSON_PrintUnformatted(rec) : NULL;
	if (text == NULL) {
		cJSON_Delete(rec);
		return NULL;
	}
	reference_of(text, reference);
	free(text);
	if (cJSON_AddStringToObject(rec, "reference", reference) == NULL) {
		cJSON_Delete(rec);
		return NULL;
	}
	return rec;
}

/* ---- the record as a QR code ---- */

/* QR alphanumeric mode's characters: denser codes, and no keyboard layout garbles them. */
static bool qr_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || strchr(" $%*+-./:", c) != NULL;
}

struct qrbuf {
	char text[MCK_RECORD_QR_MAX];
	size_t len;
	bool over;
};

static void qr_put(struct qrbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->over || b->len + n >= sizeof(b->text)) {
		b->over = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		b->text[b->len++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	b->text[b->len] = '\0';
}

/* An amount to two decimals without trailing zeros, 0 to 9999999 (the mark says met or not). */
static void qr_amount(struct qrbuf *b, double v)
{
	char num[32];
	size_t n;

	if (!(v >= 0)) {
		v = 0; /* NaN too */
	}
	snprintf(num, sizeof(num), "%.2f", v > 9999999 ? 9999999.0 : v);
	n = strlen(num);
	while (num[n - 1] == '0') {
		num[--n] = '\0';
	}
	if (num[n - 1] == '.') {
		num[n - 1] = '\0';
	}
	qr_put(b, num);
}

static const char *string_member(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int mck_record_qr_text(const cJSON *record, char *out, size_t cap)
{
	const cJSON *pol = cJSON_GetObjectItemCaseSensitive(record, "policy");
	const cJSON *same = cJSON_GetObjectItemCaseSensitive(record, "sameLearner");
	const cJSON *reqs = cJSON_GetObjectItemCaseSensitive(record, "requirements");
	const char *sha = string_member(pol, "sha256");
	const char *decision = string_member(record, "decision");
	const char *at = string_member(record, "decidedAt");
	const char *ref = string_member(record, "reference");
	struct qrbuf b = {.len = 0};
	const cJSON *r;

	if (cap > 0) {
		out[0] = '\0';
	}
	if (sha == NULL || strlen(sha) != 64 || decision == NULL || at == NULL || ref == NULL ||
	    !cJSON_IsBool(same) || !cJSON_IsArray(reqs) ||
	    (strcmp(decision, "met") != 0 && strcmp(decision, "not_met") != 0)) {
		return MCK_ERR_INVAL;
	}
	qr_put(&b, "MCKREC1 REF:");
	qr_put(&b, ref);
	qr_put(&b, strcmp(decision, "met") == 0 ? " DECISION:MET AT:" : " DECISION:NOT-MET AT:");
	qr_put(&b, at);
	qr_put(&b, " POLICY:");
	qr_put(&b, sha);
	qr_put(&b, cJSON_IsTrue(same) ? " LEARNER:SAME REQ:" : " LEARNER:DIFFERENT REQ:");
	cJSON_ArrayForEach(r, reqs) {
		const cJSON *have = cJSON_GetObjectItemCaseSensitive(r, "have");
		const cJSON *need = cJSON_GetObjectItemCaseSensitive(r, "need");
		const cJSON *met = cJSON_GetObjectItemCaseSensitive(r, "met");

		if (!cJSON_IsNumber(have) || !cJSON_IsNumber(need) || !cJSON_IsBool(met)) {
			return MCK_ERR_INVAL;
		}
		qr_put(&b, r == reqs->child ? "" : " ");
		qr_amount(&b, have->valuedouble);
		qr_put(&b, "/");
		qr_amount(&b, need->valuedouble);
		qr_put(&b, cJSON_IsTrue(met) ? "+" : "-");
	}
	if (b.over) {
		return MCK_ERR_TOOBIG;
	}
	for (size_t i = 0; i < b.len; i++) {
		if (!qr_alnum(b.text[i])) {
			return MCK_ERR_INVAL; /* a reference or time not as mck_session_record makes them */
		}
	}
	if (b.len >= cap) {
		return MCK_ERR_TOOBIG;
	}
	memcpy(out, b.text, b.len + 1);
	return (int)b.len;
}

void mck_policy_amount_text(double v, char *out, size_t cap)
{
	char num[64];
	size_t n;

	if (cap == 0) {
		return;
	}
	snprintf(num, sizeof(num), "%.2f", v);
	n = strlen(num);
	while (n > 0 && num[n - 1] == '0') {
		num[--n] = '\0';
	}
	if (n > 0 && num[n - 1] == '.') {
		num[--n] = '\0';
	}
	/* a number cut short is another number: nothing rather than that */
	snprintf(out, cap, "%s", n < cap ? num : "");
}
