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

/*
 * "counts" means it added something to some requirement: a valid credential
 * that passes no requirement's filters (or states no ECTS for an ECTS-only
 * policy) is listed, but does not count, in the record too.
 */
static void test_counts_only_when_added(void **state)
{
	struct mck_policy *p = parse(issue_example);
	struct mck_session s;
	char ref[MCK_POLICY_REF_LEN];
	cJSON *rec;
	cJSON *items;

	(void)state;
	mck_session_init(&s, p);
	/* EQF 3, welding: neither "EQF 4 or higher" nor "5 ECTS in IT" */
	add(&s, &(struct fake){.jti = "w", .eqf = 3, .ects = 2, .title = "Welding"});
	/* EQF 5 cloud course: both */
	add(&s, &(struct fake){.jti = "c", .eqf = 5, .ects = 2});
	rec = mck_session_record(&s, NOW, ref);
	items = cJSON_GetObjectItem(rec, "credentials");
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(items, 0), "counts")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(items, 1), "counts")));
	cJSON_Delete(rec);
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
	assert_false(s.item[0].other_learner || s.item[1].other_learner); /* case aside */
	assert_true(s.item[2].other_learner);
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

/* What each credential did for each requirement, or why it did nothing. */
static void test_explain(void **state)
{
	struct mck_policy *p = parse(issue_example);
	struct mck_session s;
	struct mck_explain e;
	const mck_reasons stale = MCK_REASON_BIT(MCK_REASON_TRUSTLIST_STALE);
	const mck_reasons unknown = MCK_REASON_BIT(MCK_REASON_STATUS_UNKNOWN);

	(void)state;
	mck_session_init(&s, p);
	add(&s, &(struct fake){.jti = "0", .eqf = 5, .ects = 2});
	add(&s, &(struct fake){.jti = "1", .eqf = 3, .ects = 2, .title = "Welding"});
	add(&s, &(struct fake){.jti = "2", .eqf = 5, .ects = -1}); /* states no ECTS */
	add(&s, &(struct fake){.jti = "3",
			       .eqf = 5,
			       .ects = 3,
			       .verdict = MCK_VERDICT_INVALID,
			       .reasons = MCK_REASON_BIT(MCK_REASON_REVOKED)});
	add(&s, &(struct fake){.jti = "4",
			       .eqf = 5,
			       .ects = 3,
			       .verdict = MCK_VERDICT_WARNING,
			       .reasons = stale | unknown});
	add(&s, &(struct fake){.jti = "0", .eqf = 5, .ects = 2}); /* 0 again */
	add(&s,
	    &(struct fake){.jti = "6", .eqf = 3, .ects = 2, .title = "Welding", .age_days = 2000});
	add(&s, &(struct fake){.verdict = MCK_VERDICT_UNREADABLE});
	add(&s, &(struct fake){.jti = "8", .eqf = 4, .ects = 1.5, .title = "Network Defence"});

	/* 0: +1 credential, +2 ECTS; "cloud" found in its title */
	assert_int_equal(mck_session_explain(&s, 0, &e), MCK_OK);
	assert_int_equal(e.skip, MCK_SKIP_NONE);
	assert_true(e.counts);
	assert_int_equal(e.n, 2);
	assert_true(e.req[0].matched && e.req[0].added);
	assert_true(e.req[0].add == 1 && e.req[0].total == 1 && e.req[0].need == 1);
	assert_int_equal(e.req[0].kind, MCK_NEED_COUNT);
	assert_true(e.req[1].added && e.req[1].add == 2 && e.req[1].total == 2);
	assert_int_equal(e.req[1].kind, MCK_NEED_ECTS);
	assert_string_equal(e.req[1].title_term, "cloud");
	assert_string_equal(e.req[1].title_lang, "");
	assert_null(e.req[0].title_term); /* no title filter */
	assert_int_equal(e.req[1].first, MCK_CRIT_COUNT);

	/* 1: nothing: EQF level for one, the title for the other */
	assert_int_equal(mck_session_explain(&s, 1, &e), MCK_OK);
	assert_int_equal(e.skip, MCK_SKIP_NONE);
	assert_false(e.counts);
	assert_false(e.req[0].matched || e.req[0].added || e.req[1].matched || e.req[1].added);
	assert_int_equal(e.req[0].failed, MCK_CRIT_BIT(MCK_CRIT_EQF));
	assert_int_equal(e.req[0].first, MCK_CRIT_EQF);
	assert_int_equal(e.req[1].failed, MCK_CRIT_BIT(MCK_CRIT_TITLE));
	assert_true(e.req[0].add == 0 && e.req[0].total == 1 && e.req[1].total == 2);

	/* 2: counts for the level; matches the IT filters but states no ECTS */
	assert_int_equal(mck_session_explain(&s, 2, &e), MCK_OK);
	assert_true(e.counts);
	assert_true(e.req[0].added && e.req[0].total == 2);
	assert_true(e.req[1].matched && !e.req[1].added);
	assert_int_equal(e.req[1].failed, MCK_CRIT_BIT(MCK_CRIT_AMOUNT));
	assert_int_equal(e.req[1].first, MCK_CRIT_AMOUNT);

	/* 3: revoked: would match both, adds nothing */
	assert_int_equal(mck_session_explain(&s, 3, &e), MCK_OK);
	assert_int_equal(e.skip, MCK_SKIP_VERDICT);
	assert_int_equal(e.unaccepted, MCK_REASON_BIT(MCK_REASON_REVOKED));
	assert_false(e.counts);
	assert_true(e.req[0].matched && !e.req[0].added && e.req[0].total == 2);

	/* 4: a warning: trustlist_stale is accepted, status_unknown is not */
	assert_int_equal(mck_session_explain(&s, 4, &e), MCK_OK);
	assert_int_equal(e.skip, MCK_SKIP_VERDICT);
	assert_int_equal(e.unaccepted, unknown);

	/* 5: the same as 0 */
	assert_int_equal(mck_session_explain(&s, 5, &e), MCK_OK);
	assert_int_equal(e.skip, MCK_SKIP_DUPLICATE);
	assert_int_equal(e.duplicate_of, 0);
	assert_false(e.counts || e.req[0].added || e.req[1].added);
	assert_true(e.req[1].matched);

	/* 6: every failing filter is named, the first in the documented order */
	assert_int_equal(mck_session_explain(&s, 6, &e), MCK_OK);
	assert_int_equal(e.req[1].failed,
			 MCK_CRIT_BIT(MCK_CRIT_TITLE) | MCK_CRIT_BIT(MCK_CRIT_AGE));
	assert_int_equal(e.req[1].first, MCK_CRIT_TITLE);

	/* 7: nothing verified */
	assert_int_equal(mck_session_explain(&s, 7, &e), MCK_OK);
	assert_int_equal(e.skip, MCK_SKIP_NO_CREDENTIAL);
	assert_false(e.counts || e.req[0].matched);
	assert_int_equal(e.req[0].failed, 0);
	assert_null(e.req[1].title_term); /* nothing read, nothing found */

	/* 8: running totals over everything before it */
	assert_int_equal(mck_session_explain(&s, 8, &e), MCK_OK);
	assert_true(e.req[0].total == 3 && e.req[1].add == 1.5 && e.req[1].total == 3.5);
	assert_string_equal(e.req[1].title_term, "network");

	/* "counts" is exactly "added something somewhere", in the items and the record */
	for (size_t k = 0; k < s.count; k++) {
		bool any = false;

		assert_int_equal(mck_session_explain(&s, k, &e), MCK_OK);
		for (size_t r = 0; r < e.n; r++) {
			any = any || e.req[r].added;
		}
		assert_true(any == e.counts);
		assert_true(any == s.item[k].counts);
	}
	assert_int_equal(mck_session_explain(&s, s.count, &e), MCK_ERR_INVAL);
	assert_int_equal(e.duplicate_of, -1);
	assert_string_equal(mck_crit_name(MCK_CRIT_COUNTRY), "issuerCountryAny");
	mck_policy_free(p);
}

/* The filters' names in an explanation: issuer, country, outcomes. */
static void test_explain_issuer_country_outcomes(void **state)
{
	struct mck_policy *p = parse("{\"name\":\"x\",\"requirements\":[{\"id\":\"r\",\"match\":{"
				     "\"outcomeAny\":[\"firewall\"],\"issuerAny\":[\"Other Body\"],"
				     "\"issuerCountryAny\":[\"DE\"]},\"need\":{\"count\":1}}]}");
	struct mck_session s;
	struct mck_explain e;

	(void)state;
	mck_session_init(&s, p);
	add(&s, &(struct fake){.jti = "a"});
	assert_int_equal(mck_session_explain(&s, 0, &e), MCK_OK);
	assert_int_equal(e.req[0].failed, MCK_CRIT_BIT(MCK_CRIT_OUTCOMES) |
						  MCK_CRIT_BIT(MCK_CRIT_ISSUER) |
						  MCK_CRIT_BIT(MCK_CRIT_COUNTRY));
	assert_int_equal(e.req[0].first, MCK_CRIT_OUTCOMES);
	add(&s, &(struct fake){.jti = "b",
			       .outcome = "Sets up a Firewall",
			       .issuer_name = "OTHER BODY",
			       .country = "de"});
	assert_int_equal(mck_session_explain(&s, 1, &e), MCK_OK);
	assert_true(e.counts);
	assert_string_equal(e.req[0].outcome_term, "firewall");
	mck_policy_free(p);
}

/* Terms per language: a credential is in its issuer's language, whichever the kiosk's. */
static const char *const by_language =
	"{\"name\":\"Cloud, any language\",\"requirements\":[{\"id\":\"cloud\","
	"\"match\":{\"titleAny\":{"
	"\"en\":[\"cloud\"],"
	"\"pl\":[\"chmur\",\"obliczenia w chmurze\"],"
	"\"de\":[\"Cloud\",\"Rechnerwolke\"],"
	"\"fr\":[\"nuage\",\"infonuagique\"],"
	"\"el\":[\"\xce\xbd\xce\xad\xcf\x86\xce\xbf\xcf\x82\"]," /* νέφος */
	"\"it\":[\"nuvola\"],"
	"\"es\":[\"nube\"]},"
	"\"outcomeAny\":{\"en\":[\"firewall\"],\"pl\":[\"zapor\"],\"fr\":[\"pare-feu\"],"
	"\"el\":[\"\xcf\x84\xce\xb5\xce\xaf\xcf\x87\xce\xbf\xcf\x82 "
	"\xcf\x80\xcf\x81\xce\xbf\xcf\x83\xcf\x84\xce\xb1\xcf\x83\xce\xaf\xce\xb1\xcf"
	"\x82\"]}}," /* τείχος προστασίας */
	"\"need\":{\"ects\":10}}]}";

static void test_terms_by_language(void **state)
{
	static const struct {
		const char *title;
		const char *outcome;
		const char *lang; /* whose title term matched; NULL: none */
	} creds[] = {
		{"Cloud Security Fundamentals", "Configures a FIREWALL", "en"},
		{"Podstawy CHMURY obliczeniowej", "Konfiguruje zapor\xc4\x99 sieciow\xc4\x85",
		 "pl"},
		{"Grundlagen der Rechnerwolke", "Konfiguriert eine Firewall", "de"},
		{"S\xc3\xa9"
		 "curit\xc3\xa9 du NUAGE",
		 "Configure un pare-feu", "fr"},
		/* ΑΣΦΆΛΕΙΑ ΣΤΟ ΝΈΦΟΣ: capitals with tonos */
		{"\xce\x91\xce\xa3\xce\xa6\xce\x86\xce\x9b\xce\x95\xce\x99\xce\x91 "
		 "\xce\xa3\xce\xa4\xce\x9f \xce\x9d\xce\x88\xce\xa6\xce\x9f\xce\xa3",
		 "\xce\xa1\xcf\x85\xce\xb8\xce\xbc\xce\xaf\xce\xb6\xce\xb5\xce\xb9 "
		 "\xcf\x84\xce\xb5\xce\xaf\xcf\x87\xce\xbf\xcf\x82 "
		 "\xcf\x80\xcf\x81\xce\xbf\xcf\x83\xcf\x84\xce\xb1\xcf\x83\xce\xaf\xce\xb1\xcf\x82",
		 "el"},
		{"Sicurezza della nuvola", "Configura un firewall", "it"},
		{"Seguridad en la NUBE", "Configura un firewall", "es"},
		{"Spawanie MIG/MAG", "Spawa blachy", NULL},
		{"Schwei\xc3\x9f"
		 "technik",
		 "Konfiguriert eine Firewall", NULL},
	};
	struct mck_policy *p = parse(by_language);
	struct mck_session s;
	struct mck_explain e;
	struct mck_req_status st[1];
	char jti[8];

	(void)state;
	mck_session_init(&s, p);
	for (size_t i = 0; i < sizeof(creds) / sizeof(creds[0]); i++) {
		snprintf(jti, sizeof(jti), "%zu", i);
		add(&s, &(struct fake){.jti = jti,
				       .title = creds[i].title,
				       .outcome = creds[i].outcome,
				       .ects = 1});
		assert_int_equal(mck_session_explain(&s, i, &e), MCK_OK);
		if (creds[i].lang == NULL) {
			assert_false(e.counts);
			assert_true(e.req[0].failed & MCK_CRIT_BIT(MCK_CRIT_TITLE));
			assert_null(e.req[0].title_term);
			continue;
		}
		if (!e.counts) {
			print_error("%s: failed 0x%x\n", creds[i].title, e.req[0].failed);
		}
		assert_true(e.counts);
		assert_string_equal(e.req[0].title_lang, creds[i].lang);
		assert_non_null(e.req[0].outcome_term);
	}
	mck_session_evaluate(&s, st);
	assert_true(st[0].have == 7);
	mck_policy_free(p);
}

/* Per-language terms are parsed as strictly as the rest. */
static void test_terms_by_language_refusals(void **state)
{
	static const char *const bad[][2] = {
		{"{\"titleAny\":{\"xx\":[\"a\"]}}", "unknown language \"xx\""},
		{"{\"titleAny\":{\"EN\":[\"a\"]}}", "unknown language \"EN\""},
		{"{\"titleAny\":{\"en-GB\":[\"a\"]}}", "unknown language"},
		{"{\"titleAny\":{}}", "titleAny"},
		{"{\"titleAny\":{\"en\":[]}}", "titleAny.en"},
		{"{\"titleAny\":{\"en\":\"cloud\"}}", "titleAny.en"},
		{"{\"titleAny\":{\"en\":[\"\"]}}", "titleAny.en"},
		{"{\"outcomeAny\":{\"pl\":[1]}}", "outcomeAny.pl"},
		{"{\"titleAny\":{\"en\":[\"a\"],\"en\":[\"b\"]}}", "JSON"},
		/* issuers and countries are not worded per language */
		{"{\"issuerAny\":{\"en\":[\"a\"]}}", "issuerAny"},
		{"{\"issuerCountryAny\":{\"en\":[\"PL\"]}}", "issuerCountryAny"},
	};
	char text[512];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct mck_policy *p = NULL;
		char msg[256] = "";
		int rc;

		snprintf(text, sizeof(text),
			 "{\"name\":\"t\",\"requirements\":[{\"id\":\"r\",\"match\":%s,"
			 "\"need\":{\"count\":1}}]}",
			 bad[i][0]);
		rc = mck_policy_parse((const uint8_t *)text, strlen(text), &p, msg, sizeof(msg));
		if (rc == MCK_OK || strstr(msg, bad[i][1]) == NULL) {
			print_error("%s: %d \"%s\"\n", bad[i][0], rc, msg);
		}
		assert_int_equal(rc, MCK_ERR_JSON);
		assert_null(p);
		assert_non_null(strstr(msg, bad[i][1]));
	}
	/* 33 terms in one language: over MCK_POLICY_TERMS_MAX */
	{
		size_t o = (size_t)snprintf(text, sizeof(text),
					    "{\"name\":\"t\",\"requirements\":[{\"id\":\"r\","
					    "\"match\":{\"titleAny\":{\"pl\":[");
		struct mck_policy *p = NULL;
		char msg[256];

		for (int i = 0; i <= MCK_POLICY_TERMS_MAX; i++) {
			o += (size_t)snprintf(text + o, sizeof(text) - o, "%s\"t%d\"", i ? "," : "",
					      i);
		}
		snprintf(text + o, sizeof(text) - o, "]}},\"need\":{\"count\":1}}]}");
		assert_int_equal(
			mck_policy_parse((const uint8_t *)text, strlen(text), &p, msg, sizeof(msg)),
			MCK_ERR_JSON);
		assert_non_null(strstr(msg, "titleAny.pl"));
	}
}

static bool qr_alnum_only(const char *t)
{
	for (; *t != '\0'; t++) {
		if (!((*t >= '0' && *t <= '9') || (*t >= 'A' && *t <= 'Z') ||
		      strchr(" $%*+-./:", *t) != NULL)) {
			return false;
		}
	}
	return true;
}

/* The record's QR text: what a case worker's scanner reads, nothing about the learner. */
static void test_record_qr(void **state)
{
	struct mck_policy *p = parse(issue_example);
	struct mck_session s;
	char ref[MCK_POLICY_REF_LEN];
	char qr[MCK_RECORD_QR_MAX];
	char want[160];
	char digest[65];
	cJSON *rec;
	int n;

	(void)state;
	mck_session_init(&s, p);
	add(&s, &(struct fake){.jti = "j1", .eqf = 5, .ects = 3, .learner = "Anna Kowalska"});
	add(&s, &(struct fake){.jti = "j2", .eqf = 4, .ects = 2.5, .title = "Network Defence"});
	rec = mck_session_record(&s, NOW, ref);
	n = mck_record_qr_text(rec, qr, sizeof(qr));
	assert_true(n > 0 && (size_t)n == strlen(qr));
	print_message("%d bytes: %s\n", n, qr);
	for (int i = 0; i < 64; i++) {
		digest[i] = (char)(mck_policy_digest(p)[i] >= 'a' ? mck_policy_digest(p)[i] - 32
								  : mck_policy_digest(p)[i]);
	}
	digest[64] = '\0';
	snprintf(want, sizeof(want), "MCKREC1 REF:%s DECISION:MET AT:2026-11-18T", ref);
	assert_memory_equal(qr, want, strlen(want));
	assert_non_null(strstr(qr, digest));
	assert_non_null(strstr(qr, " LEARNER:SAME REQ:2/1+ 5.5/5+"));
	assert_true(qr_alnum_only(qr));
	assert_true(n <= 300);
	/* nothing of a credential: no name, no title, no issuer, no id hash */
	assert_null(strstr(qr, "KOWALSKA"));
	assert_null(strstr(qr, "ANNA"));
	assert_null(strstr(qr, "CLOUD"));
	assert_null(strstr(qr, "NETWORK"));
	assert_null(strstr(qr, "EXAMPLE"));
	assert_null(strstr(qr, "HTTPS"));
	{
		const char *hash =
			cJSON_GetObjectItem(
				cJSON_GetArrayItem(cJSON_GetObjectItem(rec, "credentials"), 0),
				"idHash")
				->valuestring;
		char up[17];

		for (int i = 0; i < 16; i++) {
			up[i] = (char)(hash[i] >= 'a' ? hash[i] - 32 : hash[i]);
		}
		up[16] = '\0';
		assert_null(strstr(qr, up));
	}
	/* a cap too small, a record without its members */
	assert_int_equal(mck_record_qr_text(rec, qr, (size_t)n), MCK_ERR_TOOBIG);
	assert_int_equal(qr[0], '\0');
	cJSON_DeleteItemFromObject(rec, "reference");
	assert_int_equal(mck_record_qr_text(rec, qr, sizeof(qr)), MCK_ERR_INVAL);
	cJSON_Delete(rec);
	/* another learner, not met */
	add(&s, &(struct fake){.jti = "j3", .learner = "Jan Nowak", .verdict = MCK_VERDICT_VALID});
	mck_session_clear(&s);
	add(&s, &(struct fake){.jti = "j1", .eqf = 5, .ects = 3});
	add(&s, &(struct fake){.jti = "j3", .eqf = 2, .ects = 0.25, .learner = "Jan Nowak"});
	rec = mck_session_record(&s, NOW, ref);
	assert_true(mck_record_qr_text(rec, qr, sizeof(qr)) > 0);
	assert_non_null(strstr(qr, " DECISION:NOT-MET "));
	assert_non_null(strstr(qr, " LEARNER:DIFFERENT REQ:1/1+ 3.25/5-"));
	assert_null(strstr(qr, "NOWAK"));
	cJSON_Delete(rec);
	mck_policy_free(p);
}

/* The longest policy and the largest sums still fit MCK_RECORD_QR_MAX. */
static void test_record_qr_bound(void **state)
{
	char text[4096];
	size_t o = (size_t)snprintf(text, sizeof(text), "{\"name\":\"big\",\"requirements\":[");
	struct mck_policy *p;
	struct mck_session s;
	char ref[MCK_POLICY_REF_LEN];
	char qr[MCK_RECORD_QR_MAX];
	cJSON *rec;
	int n;

	(void)state;
	for (int i = 0; i < MCK_POLICY_REQ_MAX; i++) {
		o += (size_t)snprintf(text + o, sizeof(text) - o,
				      "%s{\"id\":\"requirement-with-a-long-identifier-%02d\","
				      "\"need\":{\"ects\":99999.99}}",
				      i ? "," : "", i);
	}
	snprintf(text + o, sizeof(text) - o, "]}");
	p = parse(text);
	mck_session_init(&s, p);
	for (int i = 0; i < MCK_SESSION_MAX; i++) {
		char jti[8];

		snprintf(jti, sizeof(jti), "%d", i);
		add(&s, &(struct fake){.jti = jti, .ects = 1e9 + 0.123, .learner = i ? "B" : "A"});
	}
	rec = mck_session_record(&s, NOW, ref);
	n = mck_record_qr_text(rec, qr, sizeof(qr));
	print_message("%d bytes\n", n);
	assert_true(n > 0 && n < MCK_RECORD_QR_MAX);
	assert_true(qr_alnum_only(qr));
	assert_null(strstr(qr, "requirement"));
	assert_null(strstr(qr, "REQUIREMENT"));
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

/* Amounts as people write them, shared by the check screen and --explain. */
static void test_amount_text(void **state)
{
	char out[32];

	(void)state;
	mck_policy_amount_text(5, out, sizeof(out));
	assert_string_equal(out, "5");
	mck_policy_amount_text(2.5, out, sizeof(out));
	assert_string_equal(out, "2.5");
	mck_policy_amount_text(0.25, out, sizeof(out));
	assert_string_equal(out, "0.25");
	mck_policy_amount_text(0, out, sizeof(out));
	assert_string_equal(out, "0");
	mck_policy_amount_text(100000, out, 4); /* never a number cut short */
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amount_text),
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
		cmocka_unit_test(test_counts_only_when_added),
		cmocka_unit_test(test_contains_folded),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_explain_issuer_country_outcomes),
		cmocka_unit_test(test_terms_by_language),
		cmocka_unit_test(test_terms_by_language_refusals),
		cmocka_unit_test(test_record_qr),
		cmocka_unit_test(test_record_qr_bound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
