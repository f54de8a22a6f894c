/* Entry requirements (app/core/src/policy.c): the policy file, every filter and
 * aggregate, duplicates, accepted and refused warnings, the record. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/err.h"
#include "mck/policy.h"

#define NOW  INT64_C(1795000000)
#define DAYS INT64_C(86400)

static struct mck_policy *parse(const char *text)
{
	struct mck_policy *p = NULL;
	char msg[256];
	int rc = mck_policy_parse((const uint8_t *)text, strlen(text), &p, msg, sizeof(msg));

	if (rc != MCK_OK) {
		print_error("policy refused: %s\n", msg);
	}
	assert_int_equal(rc, MCK_OK);
	assert_non_null(p);
	return p;
}

/* A result as the verifier gives it, with the credential fields a policy reads. */
struct fake {
	const char *jti; /* NULL: none */
	const char *title;
	const char *outcome;
	const char *country;
	const char *iss;
	const char *issuer_name;  /* as registered (the trust list's entry for iss) */
	const char *claimed_name; /* the credential's own wording, or NULL */
	const char *claimed_country;
	const char *learner;
	int eqf;
	double ects; /* < 0: absent */
	double hours;
	int64_t age_days; /* issued this many days before NOW */
	enum mck_verdict verdict;
	mck_reasons reasons;
};

static void make(struct mck_result *r, const struct fake *f)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *outcomes = cJSON_AddArrayToObject(root, "outcomes");

	memset(r, 0, sizeof(*r));
	cJSON_AddItemToArray(outcomes, cJSON_CreateString(f->outcome ? f->outcome : "Reads logs"));
	cJSON_AddStringToObject(root, "title", f->title ? f->title : "Cloud Security Fundamentals");
	cJSON_AddNumberToObject(root, "eqf", f->eqf);
	r->verdict = f->verdict;
	r->reasons = f->reasons;
	r->now = NOW;
	r->has_credential = f->verdict == MCK_VERDICT_VALID || f->verdict == MCK_VERDICT_WARNING ||
			    f->verdict == MCK_VERDICT_INVALID;
	r->cred.root = root;
	r->cred.outcomes = outcomes;
	r->cred.jti = f->jti;
	r->cred.iss = f->iss ? f->iss : "https://cert.example-vet.pl";
	r->cred.issuer_name = f->issuer_name ? f->issuer_name : "Example VET Centre";
	r->cred.country = f->country ? f->country : "PL";
	r->cred.claimed_name = f->claimed_name;
	r->cred.claimed_country = f->claimed_country;
	r->cred.title = cJSON_GetObjectItem(root, "title")->valuestring;
	r->cred.learner = f->learner ? f->learner : "Anna Kowalska";
	r->cred.eqf_level = f->eqf;
	r->cred.has_ects = f->ects >= 0;
	r->cred.ects = f->ects >= 0 ? f->ects : 0;
	r->cred.has_hours = f->hours > 0;
	r->cred.hours = f->hours;
	r->cred.nbf = NOW - f->age_days * DAYS;
}

/* Add @p f to @p s; returns its index. */
static int add(struct mck_session *s, const struct fake *f)
{
	struct mck_result r;
	int i;

	make(&r, f);
	i = mck_session_add(s, &r);
	cJSON_Delete(r.cred.root);
	return i;
}

static const char *const issue_example =
	"{ \"name\": \"Admission: Cloud Engineering exam\",\n"
	"  \"acceptWarnings\": [\"trustlist_stale\", \"incomplete\"],\n"
	"  \"requirements\": [\n"
	"    { \"id\": \"level\", \"label\": {\"en\": \"EQF 4 or higher\", \"pl\": \"EQF 4 lub "
	"wy\xc5\xbcszy\"},\n"
	"      \"match\": { \"minEqfLevel\": 4 }, \"need\": { \"count\": 1 } },\n"
	"    { \"id\": \"it-credits\", \"label\": \"5 ECTS in IT\",\n"
	"      \"match\": { \"titleAny\": [\"cloud\", \"network\", \"security\"], \"maxAgeDays\": "
	"1095 },\n"
	"      \"need\": { \"ects\": 5 } } ] }";

static void test_parse_issue_example(void **state)
{
	struct mck_policy *p;
	double amount;

	(void)state;
	p = parse(issue_example);
	assert_string_equal(mck_policy_name(p), "Admission: Cloud Engineering exam");
	assert_int_equal(mck_policy_count(p), 2);
	assert_string_equal(mck_policy_req_id(p, 0), "level");
	assert_string_equal(mck_policy_req_label(p, 0, "pl"), "EQF 4 lub wy\xc5\xbcszy");
	assert_string_equal(mck_policy_req_label(p, 0, "de"), "EQF 4 or higher"); /* English */
	assert_string_equal(mck_policy_req_label(p, 1, "pl"), "5 ECTS in IT");    /* one label */
	assert_int_equal(mck_policy_req_need(p, 0, &amount), MCK_NEED_COUNT);
	assert_true(amount == 1.0);
	assert_int_equal(mck_policy_req_need(p, 1, &amount), MCK_NEED_ECTS);
	assert_true(amount == 5.0);
	assert_int_equal(strlen(mck_policy_digest(p)), 64);
	assert_true(mck_policy_accepts(p, MCK_VERDICT_WARNING,
				       MCK_REASON_BIT(MCK_REASON_INCOMPLETE) |
					       MCK_REASON_BIT(MCK_REASON_TRUSTLIST_STALE)));
	assert_false(mck_policy_accepts(p, MCK_VERDICT_WARNING,
					MCK_REASON_BIT(MCK_REASON_STATUS_UNKNOWN)));
	assert_false(mck_policy_accepts(p, MCK_VERDICT_INVALID, 0));
	mck_policy_free(p);
}

/* A typo must never widen what counts: every mistake refuses the whole file. */
static void test_parse_refusals(void **state)
{
	static const char *const bad[] = {
		"",
		"[]",
		"{\"name\":\"x\"}",
		"{\"name\":\"x\",\"requirements\":[]}",
		"{\"name\":\"\",\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"extra\":1,\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1}"
		"}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"match\":{\"minEqf\":4},"
		"\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"match\":{\"minEqfLevel\":9},"
		"\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"match\":{\"minEqfLevel\":\"4\"},"
		"\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"match\":{\"maxAgeDays\":0},"
		"\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"match\":{\"titleAny\":[]},"
		"\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"match\":{\"titleAny\":[\"\"]},"
		"\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"match\":{\"titleAny\":\"cloud\"}"
		","
		"\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1,\"ects\":5}}"
		"]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":0}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1.5}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"ects\":-5}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"ects\":0}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"credits\":5}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1}},"
		"{\"id\":\"a\",\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a b\",\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"label\":{},\"need\":{\"count\":"
		"1}}]}",
		"{\"name\":\"x\",\"acceptWarnings\":[\"revoked\"],"
		"\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"acceptWarnings\":[\"expired\"],"
		"\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"acceptWarnings\":[\"stale\"],"
		"\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1}}]}",
		"{\"name\":\"x\",\"name\":\"y\",\"requirements\":[{\"id\":\"a\",\"need\":{"
		"\"count\":1}}]}",
		"{\"name\":\"x\",\"requirements\":[{\"id\":\"a\",\"need\":{\"count\":1}}]} "
		"trailing",
	};
	char big[4096];
	size_t o;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct mck_policy *p = (struct mck_policy *)&o; /* must be reset to NULL */
		char msg[256] = "";
		int rc = mck_policy_parse((const uint8_t *)bad[i], strlen(bad[i]), &p, msg,
					  sizeof(msg));

		if (rc == MCK_OK) {
			print_error("accepted: %s\n", bad[i]);
		}
		assert_int_equal(rc, MCK_ERR_JSON);
		assert_null(p);
		assert_true(strlen(msg) > 0);
	}
	/* more than MCK_POLICY_REQ_MAX requirements */
	o = (size_t)snprintf(big, sizeof(big), "{\"name\":\"x\",\"requirements\":[");
	for (int i = 0; i <= MCK_POLICY_REQ_MAX; i++) {
		o += (size_t)snprintf(big + o, sizeof(big) - o,
				      "%s{\"id\":\"r%d\",\"need\":{\"count\":1}}", i ? "," : "", i);
	}
	snprintf(big + o, sizeof(big) - o, "]}");
	{
		struct mck_policy *p = NULL;
		char msg[256];

		assert_int_equal(
			mck_policy_parse((const uint8_t *)big, strlen(big), &p, msg, sizeof(msg)),
			MCK_ERR_JSON);
		assert_non_null(strstr(msg, "requirements"));
	}
}

/* One requirement with one filter: whether @p f counts. */
static bool counts(const char *match, const struct fake *f)
{
	char text[512];
	struct mck_policy *p;
	struct mck_session s;
	struct mck_req_status st[1];
	bool met;

	snprintf(text, sizeof(text),
		 "{\"name\":\"t\",\"requirements\":[{\"id\":\"r\",\"match\":%s,"
		 "\"need\":{\"count\":1}}]}",
		 match);
	p = parse(text);
	mck_session_init(&s, p);
	assert_int_equal(add(&s, f), 0);
	met = mck_session_evaluate(&s, st);
	assert_true(met == st[0].met);
	assert_int_equal(st[0].counted, met ? 1u : 0u);
	mck_policy_free(p);
	return met;
}

static void test_filter_eqf(void **state)
{
	(void)state;
	assert_true(counts("{\"minEqfLevel\":4}", &(struct fake){.eqf = 4}));
	assert_true(counts("{\"minEqfLevel\":4}", &(struct fake){.eqf = 6}));
	assert_false(counts("{\"minEqfLevel\":4}", &(struct fake){.eqf = 3}));
	assert_false(counts("{\"minEqfLevel\":1}", &(struct fake){.eqf = 0})); /* absent */
}

static void test_filter_age(void **state)
{
	(void)state;
	assert_true(counts("{\"maxAgeDays\":1095}", &(struct fake){.age_days = 1095}));
	assert_false(counts("{\"maxAgeDays\":1095}", &(struct fake){.age_days = 1096}));
	assert_true(counts("{\"maxAgeDays\":1}", &(struct fake){.age_days = 0}));
	/* issued in the future: not "in the last N days" */
	assert_false(counts("{\"maxAgeDays\":30}", &(struct fake){.age_days = -2}));
}

static void test_filter_title_and_outcome(void **state)
{
	(void)state;
	assert_true(counts("{\"titleAny\":[\"network\",\"SECURITY\"]}", &(struct fake){0}));
	assert_false(counts("{\"titleAny\":[\"network\",\"welding\"]}", &(struct fake){0}));
	/* case folding beyond ASCII: Polish, German, Greek (with accents and final sigma) */
	assert_true(counts("{\"titleAny\":[\"BEZPIECZE\xc5\x83STWO\"]}",
			   &(struct fake){.title = "Podstawy bezpiecze\xc5\x84stwa i "
						   "bezpiecze\xc5\x84stwo chmury"}));
	assert_true(counts("{\"titleAny\":[\"\xc3\x9c"
			   "BERWACHUNG\"]}",
			   &(struct fake){.title = "Netz\xc3\xbc"
						   "berwachung"}));
	assert_true(
		counts("{\"titleAny\":[\"\xce\xa8\xce\x97\xce\xa6\xce\x99\xce\x91\xce\x9a\xce"
		       "\x88\xce\xa3\"]}",
		       &(struct fake){.title = "\xce\xa8\xce\xb7\xcf\x86\xce\xb9\xce\xb1\xce\xba"
					       "\xce\xad\xcf\x82 \xce\xb4\xce\xb5\xce\xbe"}));
	assert_true(counts("{\"outcomeAny\":[\"firewall\"]}",
			   &(struct fake){.outcome = "Configures a FIREWALL for a cloud VPC"}));
	assert_false(counts("{\"outcomeAny\":[\"firewall\"]}", &(struct fake){0}));
	/* the outcome filter reads outcomes, not the title */
	assert_false(counts("{\"outcomeAny\":[\"cloud\"]}", &(struct fake){0}));
}

static void test_filter_issuer(void **state)
{
	(void)state;
	assert_true(counts("{\"issuerCountryAny\":[\"de\",\"pl\"]}", &(struct fake){0}));
	assert_false(counts("{\"issuerCountryAny\":[\"DE\"]}", &(struct fake){0}));
	assert_false(counts("{\"issuerCountryAny\":[\"P\"]}", &(struct fake){0})); /* whole code */
	assert_true(counts("{\"issuerAny\":[\"https://cert.example-vet.pl\"]}", &(struct fake){0}));
	assert_true(counts("{\"issuerAny\":[\"example vet centre\"]}", &(struct fake){0}));
	/* a name or id must match whole: "example" is not an issuer */
	assert_false(counts("{\"issuerAny\":[\"example\"]}", &(struct fake){0}));
	assert_false(counts("{\"issuerAny\":[\"https://cert.example-vet.pl.evil\"]}",
			    &(struct fake){0}));
}

/*
 * A credential of the body registered as "Example VET Centre" (PL) that calls
 * itself "Politechnika Warszawska" (DE): the filters and the record take the
 * registered entry, never the credential's wording.
 */
static void test_issuer_registered_not_claimed(void **state)
{
	const struct fake claim = {.claimed_name = "Politechnika Warszawska",
				   .claimed_country = "DE"};
	struct mck_policy *p;
	struct mck_session s;
	char ref[MCK_POLICY_REF_LEN];
	cJSON *rec;
	char *text;

	(void)state;
	assert_false(counts("{\"issuerAny\":[\"Politechnika Warszawska\"]}", &claim));
	assert_false(counts("{\"issuerCountryAny\":[\"DE\"]}", &claim));
	assert_true(counts("{\"issuerAny\":[\"Example VET Centre\"]}", &claim));
	assert_true(counts("{\"issuerCountryAny\":[\"PL\"]}", &claim));
	p = parse(issue_example);
	mck_session_init(&s, p);
	add(&s, &claim);
	rec = mck_session_record(&s, NOW, ref);
	text = cJSON_PrintUnformatted(rec);
	assert_non_null(strstr(text, "\"issuer\":{\"id\":\"https://cert.example-vet.pl\","
				     "\"name\":\"Example VET Centre\",\"country\":\"PL\"}"));
	assert_null(strstr(text, "Politechnika"));
	assert_null(strstr(text, "\"DE\""));
	free(text);
	cJSON_Delete(rec);
	mck_policy_free(p);
}

static void test_filters_combine(void **state)
{
	const char *m =
		"{\"minEqfLevel\":4,\"titleAny\":[\"cloud\"],\"issuerCountryAny\":[\"PL\"]}";

	(void)state;
	assert_true(counts(m, &(struct fake){.eqf = 5}));
	assert_false(counts(m, &(struct fake){.eqf = 5, .country = "GR"}));
	assert_false(counts(m, &(struct fake){.eqf = 3}));
	assert_false(counts(m, &(struct fake){.eqf = 5, .title = "Welding"}));
	assert_true(counts("{}", &(struct fake){0})); /* no filter: any counted credential */
}

/* Sums of ECTS and hours, counts, and which credentials count. */
static void test_aggregates(void **state)
{
	struct mck_policy *p = parse(
		"{\"name\":\"sums\",\"requirements\":["
		"{\"id\":\"two\",\"need\":{\"count\":2}},"
		"{\"id\":\"ects\",\"match\":{\"titleAny\":[\"cloud\"]},\"need\":{\"ects\":5}},"
		"{\"id\":\"hours\",\"need\":{\"hours\":100}}]}");
	struct mck_session s;
	struct mck_req_status st[3];

	(void)state;
	mck_session_init(&s, p);
	assert_int_equal(add(&s, &(struct fake){.jti = "a", .ects = 2.5, .hours = 60}), 0);
	assert_false(mck_session_evaluate(&s, st));
	assert_true(st[0].have == 1 && !st[0].met);
	assert_true(st[1].have == 2.5 && !st[1].met && st[1].need == 5);
	/* no ECTS given: it counts for "two" and "hours", not for the ECTS sum */
	assert_int_equal(add(&s, &(struct fake){.jti = "b", .ects = -1, .hours = 30}), 1);
	/* not about the cloud: not in the ECTS sum */
	assert_int_equal(add(&s, &(struct fake){.jti = "c", .ects = 3, .title = "Welding"}), 2);
	assert_false(mck_session_evaluate(&s, st));
	assert_true(st[0].met && st[0].have == 3);
	assert_int_equal(st[0].counted, 7u);
	assert_true(st[1].have == 2.5);
	assert_int_equal(st[1].counted, 1u);
	assert_true(st[2].have == 90 && !st[2].met);
	assert_int_equal(st[2].counted, 3u); /* "c" has no hours */
	assert_int_equal(add(&s, &(struct fake){.jti = "d", .ects = 2.5, .hours = 10}), 3);
	assert_true(mck_session_evaluate(&s, st)); /* 2.5 + 2.5 = 5, 100 hours */
	assert_true(st[1].met && st[1].have == 5);
	assert_int_equal(st[1].counted, 9u);
	assert_true(st[2].met);
	mck_policy_free(p);
}

/* The same credential shown twice counts once; its twin is marked. */
static void test_duplicates(void **state)
{
	struct mck_policy *p =
		parse("{\"name\":\"d\",\"requirements\":[{\"id\":\"e\",\"need\":{\"ects\":4}}]}");
	struct mck_session s;
	struct mck_req_status st[1];

	(void)state;
	mck_session_init(&s, p);
	add(&s, &(struct fake){.jti = "urn:uuid:1", .ects = 2});
	add(&s, &(struct fake){.jti = "urn:uuid:1", .ects = 2});
	assert_int_equal(s.item[1].duplicate_of, 0);
	assert_false(s.item[1].eligible);
	assert_string_equal(s.item[0].id_hash, s.item[1].id_hash);
	assert_false(mck_session_evaluate(&s, st));
	assert_true(st[0].have == 2);
	/* the same jti from another awarding body is another credential */
	add(&s, &(struct fake){.jti = "urn:uuid:1", .ects = 2, .iss = "https://other.example"});
	assert_int_equal(s.item[2].duplicate_of, -1);
	assert_true(mck_session_evaluate(&s, st));
	/* without a jti: the same payload is the same credential, another is not */
	add(&s, &(struct fake){.ects = 2, .title = "Cloud networking"});
	add(&s, &(struct fake){.ects = 2, .title = "Cloud networking"});
	add(&s, &(struct fake){.ects = 2, .title = "Cloud networking II"});
	assert_int_equal(s.item[3].duplicate_of, -1);
	assert_int_equal(s.item[4].duplicate_of, 3);
	assert_int_equal(s.item[5].duplicate_of, -1);
	assert_true(mck_session_evaluate(&s, st));
	assert_true(st[0].have == 8);
	mck_policy_free(p);
}

/* Warnings count only when every reason is accepted; invalid never counts. */
static void test_verdicts(void **state)
{
	struct mck_policy *p = parse("{\"name\":\"v\",\"acceptWarnings\":[\"incomplete\"],"
				     "\"requirements\":[{\"id\":\"n\",\"need\":{\"count\":1}}]}");
	struct mck_session s;
	struct mck_req_status st[1];
	const mck_reasons incomplete = MCK_REASON_BIT(MCK_REASON_INCOMPLETE);
	const mck_reasons stale = MCK_REASON_BIT(MCK_REASON_TRUSTLIST_STALE);

	(void)state;
	mck_session_init(&s, p);
	add(&s, &(struct fake){
			.jti = "1", .verdict = MCK_VERDICT_WARNING, .reasons = incomplete | stale});
	add(&s, &(struct fake){.jti = "2", .verdict = MCK_VERDICT_WARNING, .reasons = stale});
	add(&s, &(struct fake){.jti = "3",
			       .verdict = MCK_VERDICT_INVALID,
			       .reasons = MCK_REASON_BIT(MCK_REASON_EXPIRED)});
	add(&s, &(struct fake){.jti = "4",
			       .verdict = MCK_VERDICT_INVALID,
			       .reasons = MCK_REASON_BIT(MCK_REASON_REVOKED)});
	add(&s, &(struct fake){.verdict = MCK_VERDICT_UNREADABLE,
			       .reasons = MCK_REASON_BIT(MCK_REASON_NO_CODE)});
	assert_false(mck_session_evaluate(&s, st));
	for (size_t k = 0; k < s.count; k++) {
		assert_false(s.item[k].eligible);
	}
	assert_false(s.item[4].has_credential);
	add(&s, &(struct fake){.jti = "5", .verdict = MCK_VERDICT_WARNING, .reasons = incomplete});
	assert_true(s.item[5].eligible);
	assert_true(mck_session_evaluate(&s, st));
	assert_int_equal(st[0].counted, 1u << 5);
	mck_policy_free(p);
}

static void test_session_full_and_clear(void **state)
{
	struct mck_policy *p =
		parse("{\"name\":\"f\",\"requirements\":[{\"id\":\"n\",\"need\":{\"count\":1}}]}");
	struct mck_session s;

	(void)state;
	mck_session_init(&s, p);
	for (int i = 0; i < MCK_SESSION_MAX; i++) {
		assert_int_equal(add(&s, &(struct fake){.ects = 1, .age_days = i}), i);
	}
	assert_int_equal(add(&s, &(struct fake){0}), -1);
	assert_int_equal(s.count, MCK_SESSION_MAX);
	mck_session_clear(&s);
	assert_int_equal(s.count, 0);
	assert_ptr_equal(s.policy, p);
	assert_int_equal(s.item[0].title[0], 0);
	assert_int_equal(s.item[MCK_SESSION_MAX - 1].issuer_id[0], 0);
	assert_false(s.has_learner);
	mck_policy_free(p);
}

static bool is_reference(const char *r)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	if (strlen(r) != 9 || r[4] != '-') {
		return false;
	}
	for (int i = 0; i < 9; i++) {
		if (i != 4 && strchr(alphabet, r[i]) == NULL) {
			return false;
		}
	}
	return true;
}

/* The record: the decision and what an office may keep, no learner, a stable reference. */
static void test_record(void **state)
{
	struct mck_policy *p = parse(issue_example);
	struct mck_session s;
	char ref1[MCK_POLICY_REF_LEN];
	char ref2[MCK_POLICY_REF_LEN];
	char ref3[MCK_POLICY_REF_LEN];
	cJSON *rec;
	char *text;

	(void)state;
	mck_session_init(&s, p);
	add(&s, &(struct fake){.jti = "j1", .eqf = 5, .ects = 3, .learner = "Anna Kowalska"});
	add(&s, &(struct fake){.jti = "j2", .eqf = 4, .ects = 2, .learner = "ANNA KOWALSKA"});
	rec = mck_session_record(&s, NOW, ref1);
	assert_non_null(rec);
	assert_true(is_reference(ref1));
	text = cJSON_PrintUnformatted(rec);
	assert_non_null(strstr(text, "\"decision\":\"met\""));
	assert_non_null(strstr(text, "\"sameLearner\":true"));
	assert_non_null(strstr(text, "\"title\":\"Cloud Security Fundamentals\""));
	assert_non_null(strstr(text, "\"idHash\":\""));
	assert_non_null(strstr(text, "\"verifiedAt\":\"2026-11-18T"));
	assert_non_null(strstr(text, "\"credentials\":[0,1]"));
	assert_non_null(strstr(text, mck_policy_digest(p)));
	assert_null(strstr(text, "Kowalska"));
	assert_null(strstr(text, "KOWALSKA"));
	assert_null(strstr(text, "\"j1\"")); /* the jti only as a hash */
	assert_string_equal(cJSON_GetObjectItem(rec, "reference")->valuestring, ref1);
	free(text);
	cJSON_Delete(rec);
	/* the same session, the same record and reference; another decision time, another */
	rec = mck_session_record(&s, NOW, ref2);
	cJSON_Delete(rec);
	assert_string_equal(ref1, ref2);
	rec = mck_session_record(&s, NOW + 1, ref3);
	cJSON_Delete(rec);
	assert_string_not_equal(ref1, ref3);
	/* another learner's credential: said in the record */
	add(&s, &(struct fake){.jti = "j3", .eqf = 4, .ects = 2, .learner = "Jan Nowak"});
	rec = mck_session_record(&s, NOW, ref3);
	text = cJSON_PrintUnformatted(rec);
	assert_non_null(strstr(text, "\"sameLearner\":false"));
	assert_null(strstr(text, "Nowak"));
	assert_string_not_equal(ref1, ref3);
	free(text);
	cJSON_Delete(rec);
	mck_session_clear(&s);
	rec = mck_session_record(&s, NOW, ref3);
	text = cJSON_PrintUnformatted(rec);
	assert_non_null(strstr(text, "\"decision\":\"not_met\""));
	assert_non_null(strstr(text, "\"credentials\":[]"));
	free(text);
	cJSON_Delete(rec);
	mck_policy_free(p);
}

static void test_contains_folded(void **state)
{
	(void)state;
	assert_true(mck_contains_folded("Cloud Security", "cURITY"));
	assert_true(mck_contains_folded("\xc3\x89TUDES", "\xc3\xa9tudes")); /* É */
	assert_true(mck_contains_folded("\xc5\x81\xc3\x93\xc5\xbb",
					"\xc5\x82\xc3\xb3\xc5\xbc")); /* ŁÓŻ */
	assert_false(mck_contains_folded("abc", "abcd"));
	assert_true(mck_contains_folded("abc", ""));
	/* folding keeps lengths: a following character is still found */
	assert_true(mck_contains_folded("\xc5\x83"
					"A",
					"\xc5\x84"
					"a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_issue_example),
		cmocka_unit_test(test_parse_refusals),
		cmocka_unit_test(test_filter_eqf),
		cmocka_unit_test(test_filter_age),
		cmocka_unit_test(test_filter_title_and_outcome),
		cmocka_unit_test(test_filter_issuer),
		cmocka_unit_test(test_issuer_registered_not_claimed),
		cmocka_unit_test(test_filters_combine),
		cmocka_unit_test(test_aggregates),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_verdicts),
		cmocka_unit_test(test_session_full_and_clear),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_contains_folded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
