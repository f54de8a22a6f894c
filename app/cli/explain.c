/* mcverify --policy FILE --explain: the policy preview (docs/policy.md). */
#include "explain.h"

#include <stdlib.h>
#include <string.h>

#include "mck/answer.h"
#include "mck/err.h"
#include "mck/text.h"

static const char *need_name(enum mck_need n)
{
	return n == MCK_NEED_COUNT ? "count" : n == MCK_NEED_ECTS ? "ects" : "hours";
}

static const char *unit(enum mck_need n)
{
	return n == MCK_NEED_COUNT ? "credentials" : n == MCK_NEED_ECTS ? "ECTS" : "hours";
}

/* Text from a credential or the policy, safe on a terminal. */
static const char *safe(const char *in, char *buf, size_t cap)
{
	mck_text_sanitize(in != NULL ? in : "", buf, cap);
	return buf;
}

/* ---- for people ---- */

static void print_reasons(FILE *f, mck_reasons reasons)
{
	const char *sep = "";

	for (unsigned r = 0; r < MCK_REASON_COUNT; r++) {
		if (reasons & MCK_REASON_BIT(r)) {
			fprintf(f, "%s%s", sep, mck_reason_code((enum mck_reason)r));
			sep = ", ";
		}
	}
}

/* "requirement (label)" */
static void print_req_name(FILE *f, const struct mck_policy *p, size_t r)
{
	char label[256];

	fprintf(f, "%s (%s)", mck_policy_req_id(p, r),
		safe(mck_policy_req_label(p, r, "en"), label, sizeof(label)));
}

static void print_terms(FILE *f, const struct mck_explain_req *e)
{
	char term[2 * MCK_POLICY_TERM_MAX];

	if (e->title_term != NULL) {
		fprintf(f, "; title has \"%s\"%s%s%s", safe(e->title_term, term, sizeof(term)),
			e->title_lang[0] ? " (" : "", e->title_lang, e->title_lang[0] ? ")" : "");
	}
	if (e->outcome_term != NULL) {
		fprintf(f, "; an outcome has \"%s\"%s%s%s",
			safe(e->outcome_term, term, sizeof(term)), e->outcome_lang[0] ? " (" : "",
			e->outcome_lang, e->outcome_lang[0] ? ")" : "");
	}
}

static void print_failed(FILE *f, const struct mck_explain_req *e)
{
	const char *sep = "";

	for (int c = 0; c < MCK_CRIT_AMOUNT; c++) {
		if (e->failed & MCK_CRIT_BIT(c)) {
			fprintf(f, "%s%s", sep, mck_crit_name((enum mck_crit)c));
			sep = ", ";
		}
	}
}

static void print_item(FILE *f, const struct mck_session *s, size_t k, const struct mck_explain *x)
{
	const struct mck_session_item *it = &s->item[k];
	const char *verdict = mck_verdict_name(it->verdict);
	char a[32];
	char b[32];
	char t1[512];
	char t2[256];

	fprintf(f, "\n[%zu] %s", k, verdict != NULL ? verdict : "error");
	if (it->reasons != 0) {
		fputs(" (", f);
		print_reasons(f, it->reasons);
		fputs(")", f);
	}
	if (it->has_credential) {
		fprintf(f, ": \"%s\", %s (%s)", safe(it->title, t1, sizeof(t1)),
			safe(it->issuer_name, t2, sizeof(t2)), safe(it->country, a, sizeof(a)));
	}
	fputc('\n', f);
	switch (x->skip) {
	case MCK_SKIP_NO_CREDENTIAL:
		fputs("    not counted: nothing was verified, so nothing can match\n", f);
		return;
	case MCK_SKIP_VERDICT:
		fputs("    not counted: ", f);
		if (it->verdict == MCK_VERDICT_WARNING) {
			fputs("a warning counts only when acceptWarnings lists all its reasons; "
			      "not listed: ",
			      f);
			print_reasons(f, x->unaccepted);
			fputc('\n', f);
		} else {
			fprintf(f, "a credential that is %s never counts\n",
				verdict != NULL ? verdict : "error");
		}
		break;
	case MCK_SKIP_DUPLICATE:
		fprintf(f, "    not counted: the same credential as [%d], counted once\n",
			x->duplicate_of);
		break;
	case MCK_SKIP_NONE:
		if (!x->counts) {
			fputs("    adds nothing to any requirement\n", f);
		}
		break;
	}
	for (size_t r = 0; r < x->n; r++) {
		const struct mck_explain_req *e = &x->req[r];

		fputs(e->added ? "  + " : e->matched ? "  . " : "  - ", f);
		print_req_name(f, s->policy, r);
		if (e->added) {
			mck_policy_amount_text(e->add, a, sizeof(a));
			mck_policy_amount_text(e->total, b, sizeof(b));
			fprintf(f, ": +%s%s%s \xe2\x86\x92 %s of ", a,
				e->kind == MCK_NEED_COUNT ? "" : " ",
				e->kind == MCK_NEED_COUNT ? "" : unit(e->kind), b);
			mck_policy_amount_text(e->need, a, sizeof(a));
			fprintf(f, "%s %s", a, unit(e->kind));
		} else if (e->matched && e->failed & MCK_CRIT_BIT(MCK_CRIT_AMOUNT)) {
			fprintf(f, ": matches, but it states no %s",
				e->kind == MCK_NEED_ECTS ? "ECTS credits (creditsAvailable)"
							 : "workload hours (workloadHours)");
		} else if (e->matched) {
			fputs(": would match", f);
		} else if (it->has_credential) {
			fputs(": does not match: ", f);
			print_failed(f, e);
		}
		print_terms(f, e);
		fputc('\n', f);
	}
}

static int print_human(FILE *f, const struct mck_session *s, const struct mck_req_status *st,
		       bool met, const char *reference, const char *qr)
{
	const struct mck_policy *p = s->policy;
	char name[512];
	char a[32];
	char b[32];

	fprintf(f, "Policy: %s\n  sha256 %s\n", safe(mck_policy_name(p), name, sizeof(name)),
		mck_policy_digest(p));
	for (size_t k = 0; k < s->count; k++) {
		struct mck_explain x;

		if (mck_session_explain(s, k, &x) == MCK_OK) {
			print_item(f, s, k, &x);
		}
	}
	if (s->count == 0) {
		fputs("\nNo credentials.\n", f);
	}
	fprintf(f, "\nDecision: %s\n", met ? "met (every requirement is met)" : "not met");
	for (size_t r = 0; r < mck_policy_count(p); r++) {
		fputs("  ", f);
		print_req_name(f, p, r);
		mck_policy_amount_text(st[r].have, a, sizeof(a));
		mck_policy_amount_text(st[r].need, b, sizeof(b));
		fprintf(f, ": %s of %s %s: ", a, b, unit(st[r].kind));
		if (st[r].met) {
			fputs("met\n", f);
		} else {
			mck_policy_amount_text(st[r].need - st[r].have, a, sizeof(a));
			fprintf(f, "%s missing\n", a);
		}
	}
	if (s->learners_differ) {
		fputs("  The credentials name different people: check the candidate's identity.\n",
		      f);
	}
	fprintf(f, "Reference: %s\nRecord QR text: %s\n", reference, qr);
	return ferror(f) ? -1 : 0;
}

/* ---- JSON ---- */

static cJSON *term_json(const char *term, const char *lang)
{
	cJSON *o = cJSON_CreateObject();

	if (o != NULL && (cJSON_AddStringToObject(o, "term", term) == NULL ||
			  (lang[0] != '\0' && cJSON_AddStringToObject(o, "lang", lang) == NULL))) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static bool add_explain_req(cJSON *arr, const struct mck_policy *p, size_t r,
			    const struct mck_explain_req *e)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *failed;
	bool ok = o != NULL && cJSON_AddItemToArray(arr, o);

	if (!ok) {
		cJSON_Delete(o);
		return false;
	}
	ok = cJSON_AddStringToObject(o, "id", mck_policy_req_id(p, r)) != NULL &&
	     cJSON_AddBoolToObject(o, "matched", e->matched) != NULL &&
	     cJSON_AddNumberToObject(o, "added", e->add) != NULL &&
	     cJSON_AddNumberToObject(o, "total", e->total) != NULL &&
	     (failed = cJSON_AddArrayToObject(o, "failed")) != NULL;
	for (int c = 0; ok && c < MCK_CRIT_COUNT; c++) {
		if (e->failed & MCK_CRIT_BIT(c)) {
			ok = cJSON_AddItemToArray(
				failed, cJSON_CreateString(mck_crit_name((enum mck_crit)c)));
		}
	}
	if (ok && e->title_term != NULL) {
		ok = cJSON_AddItemToObject(o, "titleTerm", term_json(e->title_term, e->title_lang));
	}
	if (ok && e->outcome_term != NULL) {
		ok = cJSON_AddItemToObject(o, "outcomeTerm",
					   term_json(e->outcome_term, e->outcome_lang));
	}
	return ok;
}

static const char *skip_name(enum mck_skip s)
{
	switch (s) {
	case MCK_SKIP_NO_CREDENTIAL:
		return "no_credential";
	case MCK_SKIP_VERDICT:
		return "verdict";
	case MCK_SKIP_DUPLICATE:
		return "duplicate";
	default:
		return NULL;
	}
}

static bool add_item(cJSON *arr, const struct mck_session *s, size_t k)
{
	const struct mck_session_item *it = &s->item[k];
	const char *verdict = mck_verdict_name(it->verdict);
	cJSON *o = cJSON_CreateObject();
	cJSON *reqs;
	struct mck_explain x;
	bool ok = o != NULL && cJSON_AddItemToArray(arr, o);

	if (!ok) {
		cJSON_Delete(o);
		return false;
	}
	(void)mck_session_explain(s, k, &x);
	ok = cJSON_AddNumberToObject(o, "index", (double)k) != NULL &&
	     cJSON_AddStringToObject(o, "verdict", verdict != NULL ? verdict : "error") != NULL &&
	     mck_answer_add_reasons(o, it->reasons) != NULL;
	if (ok && it->has_credential) {
		cJSON *iss = cJSON_AddObjectToObject(o, "issuer");

		ok = cJSON_AddStringToObject(o, "title", it->title) != NULL && iss != NULL &&
		     cJSON_AddStringToObject(iss, "id", it->issuer_id) != NULL &&
		     cJSON_AddStringToObject(iss, "name", it->issuer_name) != NULL &&
		     cJSON_AddStringToObject(iss, "country", it->country) != NULL;
	}
	ok = ok && cJSON_AddBoolToObject(o, "counts", x.counts) != NULL &&
	     (x.skip == MCK_SKIP_NONE
		      ? cJSON_AddNullToObject(o, "notCounted") != NULL
		      : cJSON_AddStringToObject(o, "notCounted", skip_name(x.skip)) != NULL);
	if (ok && x.skip == MCK_SKIP_VERDICT) {
		cJSON *un = cJSON_CreateObject();

		ok = un != NULL && mck_answer_add_reasons(un, x.unaccepted) != NULL &&
		     cJSON_AddItemToObject(o, "notAccepted",
					   cJSON_DetachItemFromObject(un, "reasons"));
		cJSON_Delete(un);
	}
	ok = ok &&
	     (x.duplicate_of < 0
		      ? cJSON_AddNullToObject(o, "duplicateOf") != NULL
		      : cJSON_AddNumberToObject(o, "duplicateOf", x.duplicate_of) != NULL) &&
	     (reqs = cJSON_AddArrayToObject(o, "requirements")) != NULL;
	for (size_t r = 0; ok && r < x.n; r++) {
		ok = add_explain_req(reqs, s->policy, r, &x.req[r]);
	}
	return ok;
}

static int print_json(FILE *f, const struct mck_session *s, const struct mck_req_status *st,
		      bool met, const char *reference, const char *qr)
{
	const struct mck_policy *p = s->policy;
	cJSON *out = cJSON_CreateObject();
	cJSON *pol;
	cJSON *reqs;
	cJSON *items;
	char *text = NULL;
	bool ok;

	ok = out != NULL && (pol = cJSON_AddObjectToObject(out, "policy")) != NULL &&
	     cJSON_AddStringToObject(pol, "name", mck_policy_name(p)) != NULL &&
	     cJSON_AddStringToObject(pol, "sha256", mck_policy_digest(p)) != NULL &&
	     cJSON_AddStringToObject(out, "decision", met ? "met" : "not_met") != NULL &&
	     cJSON_AddBoolToObject(out, "sameLearner", !s->learners_differ) != NULL &&
	     (reqs = cJSON_AddArrayToObject(out, "requirements")) != NULL &&
	     (items = cJSON_AddArrayToObject(out, "credentials")) != NULL;
	for (size_t r = 0; ok && r < mck_policy_count(p); r++) {
		cJSON *o = cJSON_CreateObject();

		ok = o != NULL && cJSON_AddItemToArray(reqs, o);
		if (!ok) {
			cJSON_Delete(o);
			break;
		}
		ok = cJSON_AddStringToObject(o, "id", mck_policy_req_id(p, r)) != NULL &&
		     cJSON_AddStringToObject(o, "label", mck_policy_req_label(p, r, "en")) !=
			     NULL &&
		     cJSON_AddStringToObject(o, "kind", need_name(st[r].kind)) != NULL &&
		     cJSON_AddNumberToObject(o, "need", st[r].need) != NULL &&
		     cJSON_AddNumberToObject(o, "have", st[r].have) != NULL &&
		     cJSON_AddBoolToObject(o, "met", st[r].met) != NULL;
	}
	for (size_t k = 0; ok && k < s->count; k++) {
		ok = add_item(items, s, k);
	}
	ok = ok && cJSON_AddStringToObject(out, "reference", reference) != NULL &&
	     cJSON_AddStringToObject(out, "recordQr", qr) != NULL;
	if (ok) {
		text = cJSON_Print(out);
	}
	cJSON_Delete(out);
	if (text == NULL) {
		return -1;
	}
	fprintf(f, "%s\n", text);
	free(text);
	return ferror(f) ? -1 : 0;
}

int mck_cli_explain(FILE *f, const struct mck_session *s, int64_t decided_at, bool json)
{
	struct mck_req_status st[MCK_POLICY_REQ_MAX];
	char reference[MCK_POLICY_REF_LEN];
	char qr[MCK_RECORD_QR_MAX];
	bool met = mck_session_evaluate(s, st);
	cJSON *record = mck_session_record(s, decided_at, reference);
	int rc = record != NULL ? mck_record_qr_text(record, qr, sizeof(qr)) : MCK_ERR_NOMEM;

	cJSON_Delete(record);
	if (rc < 0) {
		fprintf(stderr, "mcverify: the record: %s\n", mck_strerror(rc));
		return -1;
	}
	rc = json ? print_json(f, s, st, met, reference, qr)
		  : print_human(f, s, st, met, reference, qr);
	if (rc != 0) {
		fprintf(stderr, "mcverify: out of memory or cannot write\n");
		return -1;
	}
	return met ? 1 : 0;
}
