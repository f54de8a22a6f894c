/* The payload: both VC-JWT shapes, claims, the eleven EU elements, wrong values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/answer.h"
#include "mck/credential.h"
#include "mck/err.h"

/* The example of credential-format.md §3; "@X@" placeholders are replaced by tests. */
static const char example[] =
	"{\"iss\":\"https://cert.example-vet.pl\",\"nbf\":1780300800,\"exp\":1906531200,"
	"\"jti\":\"urn:uuid:6f1c\",\"vc\":{\"type\":[\"VerifiableCredential\","
	"\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"https://cert.example-vet.pl\","
	"\"name\":\"Example VTC\",\"address\":{\"addressCountryCode\":\"PL\"}},"
	"\"credentialSubject\":{\"type\":[\"AchievementSubject\"],\"identifier\":[{\"type\":"
	"\"IdentityObject\",\"identityType\":\"name\",\"hashed\":false,\"identityHash\":"
	"\"Anna Kowalska\"}],\"result\":[{\"type\":[\"Result\"],\"value\":\"92/100\"}],"
	"\"achievement\":{\"type\":[\"Achievement\"],\"achievementType\":\"MicroCredential\","
	"\"name\":\"Cloud Security Fundamentals\",\"description\":\"Securing workloads.\","
	"\"creditsAvailable\":2,\"workloadHours\":50,\"eqfLevel\":5,\"learningOutcomes\":["
	"\"Configure IAM\",\"Detect misconfigurations\"],\"assessmentType\":\"Supervised "
	"practical exam\",\"participationForm\":\"online\",\"qualityAssurance\":\"Accredited\","
	"\"entryRequirements\":\"EQF 4 in IT\",\"assessmentSupervision\":\"supervised-online\","
	"\"identityVerification\":\"ID checked\",\"stackability\":\"Counts towards X\"}},"
	"\"credentialStatus\":{\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":"
	"\"revocation\",\"statusListIndex\":\"4711\",\"statusListCredential\":"
	"\"https://cert.example-vet.pl/status/1\"}}}";

/* The example with the first occurrence of @p from replaced by @p to. */
static char *edit(const char *from, const char *to)
{
	const char *at = strstr(example, from);
	char *out;

	assert_non_null(at);
	out = malloc(sizeof(example) + strlen(to));
	sprintf(out, "%.*s%s%s", (int)(at - example), example, to, at + strlen(from));
	return out;
}

static int parse(const char *json, struct mck_credential *c)
{
	char msg[200] = "";
	int rc = mck_credential_parse(c, (const uint8_t *)json, strlen(json), msg, sizeof(msg));

	if (rc == MCK_ERR_JSON) {
		assert_true(msg[0] != '\0'); /* malformed always says why */
	}
	return rc;
}

static void test_full_example(void **state)
{
	struct mck_credential c;
	struct mck_status_ref ref;

	(void)state;
	assert_int_equal(parse(example, &c), MCK_OK);
	assert_string_equal(c.iss, "https://cert.example-vet.pl");
	assert_int_equal(c.nbf, 1780300800);
	assert_true(c.has_exp);
	assert_int_equal(c.exp, 1906531200);
	assert_string_equal(c.jti, "urn:uuid:6f1c");
	assert_string_equal(c.learner, "Anna Kowalska");
	assert_string_equal(c.title, "Cloud Security Fundamentals");
	/* the credential's wording; the awarding body shown is the verifier's to set */
	assert_string_equal(c.claimed_name, "Example VTC");
	assert_string_equal(c.claimed_country, "PL");
	assert_null(c.issuer_name);
	assert_null(c.country);
	assert_int_equal(cJSON_GetArraySize(c.outcomes), 2);
	assert_true(c.has_ects && c.ects == 2);
	assert_true(c.has_hours && c.hours == 50);
	assert_int_equal(c.eqf_level, 5);
	assert_string_equal(c.participation_form, "online");
	assert_string_equal(c.grade, "92/100");
	assert_string_equal(c.assessment_supervision, "supervised-online");
	assert_int_equal(c.missing, 0);
	assert_int_equal(mck_credential_status(&c, 0, &ref), 1);
	assert_int_equal(ref.index, 4711);
	assert_string_equal(ref.list_id, "https://cert.example-vet.pl/status/1");
	assert_int_equal(mck_credential_status(&c, 1, &ref), 0);
	mck_credential_free(&c);
}

struct removal {
	const char *from;
	const char *to;
	enum mck_element element;
};

static void test_each_missing_element(void **state)
{
	static const struct removal cases[] = {
		{"\"hashed\":false", "\"hashed\":true", MCK_ELEMENT_LEARNER},
		{"\"name\":\"Cloud Security Fundamentals\",", "", MCK_ELEMENT_TITLE},
		{"\"address\":{\"addressCountryCode\":\"PL\"}", "\"x\":1", MCK_ELEMENT_COUNTRY},
		{"\"name\":\"Example VTC\",", "", MCK_ELEMENT_AWARDING_BODY},
		{"\"learningOutcomes\":[\"Configure IAM\",\"Detect misconfigurations\"],", "",
		 MCK_ELEMENT_OUTCOMES},
		{"\"creditsAvailable\":2,\"workloadHours\":50,", "", MCK_ELEMENT_WORKLOAD},
		{"\"eqfLevel\":5,", "", MCK_ELEMENT_EQF_LEVEL},
		{"\"assessmentType\":\"Supervised practical exam\",", "", MCK_ELEMENT_ASSESSMENT},
		{"\"participationForm\":\"online\",", "", MCK_ELEMENT_PARTICIPATION},
		{"\"qualityAssurance\":\"Accredited\",", "", MCK_ELEMENT_QUALITY_ASSURANCE},
		{"\"name\":\"Cloud Security Fundamentals\"", "\"name\":\"\"", MCK_ELEMENT_TITLE},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct mck_credential c;
		char *json = edit(cases[i].from, cases[i].to);

		assert_int_equal(parse(json, &c), MCK_OK);
		assert_int_equal(c.missing, 1u << cases[i].element);
		assert_non_null(mck_element_path(cases[i].element));
		mck_credential_free(&c);
		free(json);
	}
	assert_string_equal(mck_element_path(MCK_ELEMENT_QUALITY_ASSURANCE),
			    "achievement.qualityAssurance");
	assert_string_equal(mck_element_path(MCK_ELEMENT_COUNTRY),
			    "vc.issuer.address.addressCountryCode");
	assert_null(mck_element_path(MCK_ELEMENT_COUNT));
}

static void test_workload_either(void **state)
{
	struct mck_credential c;
	char *json = edit("\"creditsAvailable\":2,", "");

	(void)state;
	assert_int_equal(parse(json, &c), MCK_OK);
	assert_false(c.has_ects);
	assert_true(c.has_hours);
	assert_int_equal(c.missing, 0);
	mck_credential_free(&c);
	free(json);
}

static void test_learner_rules(void **state)
{
	struct mck_credential c;
	char *json;

	(void)state;
	/* ext:name is a name (Open Badges recommended practice) */
	json = edit("\"identityType\":\"name\"", "\"identityType\":\"ext:name\"");
	assert_int_equal(parse(json, &c), MCK_OK);
	assert_string_equal(c.learner, "Anna Kowalska");
	mck_credential_free(&c);
	free(json);
	/* a student id identifies the learner but is no name */
	json = edit("\"identityType\":\"name\"", "\"identityType\":\"studentId\"");
	assert_int_equal(parse(json, &c), MCK_OK);
	assert_null(c.learner);
	assert_int_equal(c.missing, 0);
	mck_credential_free(&c);
	free(json);
	/* a hashed name is never shown as a name, and "hashed" absent is not plain */
	json = edit("\"hashed\":false,", "");
	assert_int_equal(parse(json, &c), MCK_OK);
	assert_null(c.learner);
	assert_int_equal(c.missing, 1u << MCK_ELEMENT_LEARNER);
	mck_credential_free(&c);
	free(json);
}

static void test_bare_vc2_shape(void **state)
{
	static const char bare[] =
		"{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:1\","
		"\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":"
		"\"https://academy.example.gr\",\"name\":\"Academy\"},\"validFrom\":"
		"\"2026-06-01T08:00:00Z\",\"validUntil\":\"2030-06-01T00:00:00+02:00\","
		"\"credentialSubject\":{\"achievement\":{\"name\":\"T\"}}}";
	struct mck_credential c;

	(void)state;
	assert_int_equal(parse(bare, &c), MCK_OK);
	assert_string_equal(c.iss, "https://academy.example.gr");
	assert_int_equal(c.nbf, 1780300800);
	assert_true(c.has_exp);
	assert_int_equal(c.exp, 1906495200); /* 2030-05-31T22:00:00Z */
	assert_string_equal(c.jti, "urn:uuid:1");
	assert_string_equal(c.title, "T");
	mck_credential_free(&c);
}

static void expect_malformed(const char *from, const char *to)
{
	struct mck_credential c;
	char *json = edit(from, to);
	int rc = parse(json, &c);

	if (rc != MCK_ERR_JSON) {
		fprintf(stderr, "accepted: %s -> %s\n", from, to);
	}
	assert_int_equal(rc, MCK_ERR_JSON);
	mck_credential_free(&c);
	free(json);
}

static void test_invalid_values(void **state)
{
	(void)state;
	expect_malformed("\"eqfLevel\":5", "\"eqfLevel\":9");
	expect_malformed("\"eqfLevel\":5", "\"eqfLevel\":0");
	expect_malformed("\"eqfLevel\":5", "\"eqfLevel\":4.5");
	expect_malformed("\"eqfLevel\":5", "\"eqfLevel\":\"5\"");
	expect_malformed("\"participationForm\":\"online\"", "\"participationForm\":\"sometimes\"");
	expect_malformed("\"assessmentSupervision\":\"supervised-online\"",
			 "\"assessmentSupervision\":\"trust me\"");
	expect_malformed("[\"Configure IAM\",\"Detect misconfigurations\"]", "[]");
	expect_malformed("[\"Configure IAM\",\"Detect misconfigurations\"]", "[1]");
	expect_malformed("[\"Configure IAM\",\"Detect misconfigurations\"]", "\"Configure IAM\"");
	expect_malformed("\"addressCountryCode\":\"PL\"", "\"addressCountryCode\":\"pol\"");
	expect_malformed("\"addressCountryCode\":\"PL\"", "\"addressCountryCode\":\"pl\"");
	expect_malformed("\"creditsAvailable\":2", "\"creditsAvailable\":-1");
	expect_malformed("\"workloadHours\":50", "\"workloadHours\":\"50\"");
	expect_malformed("\"nbf\":1780300800", "\"nbf\":1e400");
	expect_malformed("\"nbf\":1780300800", "\"nbf\":-1");
	expect_malformed("\"nbf\":1780300800", "\"nbf\":253402300800");
	expect_malformed("\"nbf\":1780300800", "\"nbf\":1780300800.5");
	expect_malformed("\"nbf\":1780300800,", "");
	expect_malformed("\"exp\":1906531200", "\"exp\":\"2030\"");
	expect_malformed("\"iss\":\"https://cert.example-vet.pl\"", "\"iss\":7");
	expect_malformed("\"iss\":\"https://cert.example-vet.pl\",", "");
	expect_malformed("\"id\":\"https://cert.example-vet.pl\"", "\"id\":\"https://other\"");
	expect_malformed("\"VerifiableCredential\",", "");
	expect_malformed("\"type\":[\"Achievement\"]", "\"type\":[\"Achievement\"],\"name\":\"x\"");
	expect_malformed("\"statusListIndex\":\"4711\"", "\"statusListIndex\":\"47a1\"");
	expect_malformed("\"statusListIndex\":\"4711\"", "\"statusListIndex\":-3");
	expect_malformed("\"statusListIndex\":\"4711\"", "\"statusListIndex\":\"\"");
	expect_malformed("\"credentialSubject\":{", "\"credentialSubject\":[{");
	expect_malformed("\"hashed\":false", "\"hashed\":\"no\"");
	expect_malformed("\"value\":\"92/100\"", "\"value\":92");
	expect_malformed("\"Anna Kowalska\"", "\"Anna\\u0000Kowalska\"");
	expect_malformed("\"Anna Kowalska\"", "\"Anna \xc3\x28\"");
}

static void test_status_number_index(void **state)
{
	struct mck_credential c;
	struct mck_status_ref ref;
	char *json = edit("\"statusListIndex\":\"4711\"", "\"statusListIndex\":4711");

	(void)state;
	assert_int_equal(parse(json, &c), MCK_OK);
	assert_int_equal(mck_credential_status(&c, 0, &ref), 1);
	assert_int_equal(ref.index, 4711);
	mck_credential_free(&c);
	free(json);
}

static void test_structure_limits(void **state)
{
	char deep[256];
	struct mck_credential c;
	static const uint8_t with_nul[] = "{\"iss\":\"x\"}\0{\"iss\":\"y\"}";
	int n;

	(void)state;
	n = sprintf(deep, "{\"iss\":\"x\",\"nbf\":1,\"vc\":{\"type\":\"VerifiableCredential\","
			  "\"d\":");
	for (int i = 0; i < 15; i++) {
		deep[n++] = '[';
	}
	for (int i = 0; i < 15; i++) {
		deep[n++] = ']';
	}
	strcpy(deep + n, "}}");
	assert_int_equal(parse(deep, &c), MCK_ERR_JSON); /* depth 17 */
	mck_credential_free(&c);
	assert_int_equal(mck_credential_parse(&c, with_nul, sizeof(with_nul) - 1, NULL, 0),
			 MCK_ERR_JSON);
	mck_credential_free(&c);
	assert_int_equal(parse("[1,2]", &c), MCK_ERR_JSON);
	mck_credential_free(&c);
	assert_int_equal(parse("{\"iss\":\"a\",\"iss\":\"b\"}", &c), MCK_ERR_JSON);
	mck_credential_free(&c);
}

/* credential.issuer of the answer for @p json, with the registered @p name, @p country. */
static cJSON *answer_issuer(const char *json, const char *name, const char *country, cJSON **answer)
{
	struct mck_result res;

	memset(&res, 0, sizeof(res));
	assert_int_equal(parse(json, &res.cred), MCK_OK);
	res.has_credential = true;
	/* as the verifier sets them from the trust list's entry for iss */
	res.cred.issuer_name = name;
	res.cred.country = country;
	*answer = mck_answer_json(&res, NULL);
	mck_credential_free(&res.cred);
	assert_non_null(*answer);
	return cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(*answer, "credential"), "issuer");
}

static void expect_member(const cJSON *obj, const char *name, const char *value)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, name);

	assert_non_null(m);
	if (value == NULL) {
		assert_true(cJSON_IsNull(m));
	} else {
		assert_true(cJSON_IsString(m));
		assert_string_equal(m->valuestring, value);
	}
}

/*
 * credential.issuer is the trust list's entry for iss; "claimed" holds the
 * credential's wording (both members, as worded; null where it says nothing)
 * only when its name or its country differs (verifier-contract.md, rev. 2).
 */
static void test_answer_issuer_claimed(void **state)
{
	static const struct {
		const char *from, *to;        /* edit of the example */
		const char *name, *country;   /* registered */
		const char *cname, *ccountry; /* claimed: NULL name and country: no "claimed" */
	} cases[] = {
		{"\"jti\"", "\"jti\"", "Example VTC", "PL", NULL, NULL},
		{"\"Example VTC\"", "\"Politechnika Warszawska\"", "Example VTC", "PL",
		 "Politechnika Warszawska", "PL"},
		{"\"addressCountryCode\":\"PL\"", "\"addressCountryCode\":\"DE\"", "Example VTC",
		 "PL", "Example VTC", "DE"},
		{"\"Example VTC\"", "\"Example vtc\"", "Example VTC", "PL", "Example vtc", "PL"},
		/* what the credential leaves out differs from nothing */
		{"\"name\":\"Example VTC\",", "", "Example VTC", "PL", NULL, NULL},
		/* an entry without a name: the credential's is only its wording */
		{"\"jti\"", "\"jti\"", NULL, "PL", "Example VTC", "PL"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *json = edit(cases[i].from, cases[i].to);
		cJSON *answer;
		const cJSON *issuer = answer_issuer(json, cases[i].name, cases[i].country, &answer);
		const cJSON *claimed = cJSON_GetObjectItemCaseSensitive(issuer, "claimed");

		assert_non_null(issuer);
		expect_member(issuer, "id", "https://cert.example-vet.pl");
		expect_member(issuer, "name", cases[i].name);
		expect_member(issuer, "country", cases[i].country);
		if (cases[i].cname == NULL && cases[i].ccountry == NULL) {
			assert_null(claimed);
		} else {
			assert_non_null(claimed);
			assert_int_equal(cJSON_GetArraySize(claimed), 2);
			expect_member(claimed, "name", cases[i].cname);
			expect_member(claimed, "country", cases[i].ccountry);
		}
		cJSON_Delete(answer);
		free(json);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_example),
		cmocka_unit_test(test_each_missing_element),
		cmocka_unit_test(test_workload_either),
		cmocka_unit_test(test_learner_rules),
		cmocka_unit_test(test_bare_vc2_shape),
		cmocka_unit_test(test_invalid_values),
		cmocka_unit_test(test_status_number_index),
		cmocka_unit_test(test_structure_limits),
		cmocka_unit_test(test_answer_issuer_claimed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
