/* The verification pipeline in-process: check order, every time rule, headers, chunks, answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/answer.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/jws_sign.h"
#include "mck/verify.h"
#include "support/imgcodec.h"
#include "support/mint.h"

#define IAT      1790000000
#define NEXT     1800000000
#define GRACE    (30 * 86400)
#define T_STATUS 1791000000 /* B suspended, C withdrawn since */
#define NOW      1795000000

#define A "https://a.example"
#define B "https://b.example"
#define C "https://c.example"

static struct mck_test_key anchor;
static struct mck_test_key key_a; /* P-256, window 1700000000..1793000000 */
static struct mck_test_key key_b; /* P-256 */
static struct mck_test_key key_c; /* P-384 */
static struct mck_test_key stray; /* on no list */
static struct mck_anchors *anchors;
static struct mck_trustlist *trust;
static struct mck_verifier *verifier;

static int setup(void **state)
{
	struct mck_verifier_cfg cfg = {0};
	char *list;
	char *jws;

	(void)state;
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&key_a, MCK_KEY_EC_P256);
	mck_test_key_make(&key_b, MCK_KEY_EC_P256);
	mck_test_key_make(&key_c, MCK_KEY_EC_P384);
	mck_test_key_make(&stray, MCK_KEY_EC_P256);
	anchors = mck_test_anchors(&anchor);
	list = mck_test_fmt(
		"{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":2,\"iat\":%d,"
		"\"nextUpdate\":%d,\"issuers\":["
		"{\"id\":\"" A "\",\"status\":\"active\",\"keys\":[{%s,\"notBefore\":1700000000,"
		"\"notAfter\":1793000000}]},"
		"{\"id\":\"" B "\",\"status\":\"suspended\",\"statusSince\":%d,\"keys\":[{%s}]},"
		"{\"id\":\"" C "\",\"status\":\"withdrawn\",\"statusSince\":%d,\"keys\":[{%s}]}]}",
		IAT, NEXT, key_a.members, T_STATUS, key_b.members, T_STATUS, key_c.members);
	jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, list, true);
	if (mck_trustlist_load(&trust, anchors, jws, strlen(jws), NULL, 0) != MCK_OK) {
		return -1;
	}
	free(jws);
	free(list);
	cfg.trust = trust;
	cfg.status = NULL;
	cfg.grace_seconds = GRACE;
	verifier = mck_verifier_create(&cfg);
	return verifier == NULL;
}

static int teardown(void **state)
{
	(void)state;
	mck_verifier_destroy(verifier);
	mck_trustlist_destroy(trust);
	mck_anchors_destroy(anchors);
	mck_test_key_free(&anchor);
	mck_test_key_free(&key_a);
	mck_test_key_free(&key_b);
	mck_test_key_free(&key_c);
	mck_test_key_free(&stray);
	return 0;
}

/* A complete credential of @p iss; @p exp 0 leaves exp out; @p extra goes in the achievement. */
static char *payload(const char *iss, long nbf, long exp, const char *extra)
{
	char expbuf[32] = "";

	if (exp != 0) {
		snprintf(expbuf, sizeof(expbuf), ",\"exp\":%ld", exp);
	}
	return mck_test_fmt(
		"{\"iss\":\"%s\",\"nbf\":%ld%s,\"vc\":{\"type\":[\"VerifiableCredential\"],"
		"\"issuer\":{\"id\":\"%s\",\"name\":\"Body\",\"address\":{\"addressCountryCode\":"
		"\"PL\"}},\"credentialSubject\":{\"identifier\":[{\"identityType\":\"name\","
		"\"hashed\":false,\"identityHash\":\"Anna\"}],\"achievement\":{\"name\":\"Title\","
		"\"learningOutcomes\":[\"o\"],\"creditsAvailable\":1,\"eqfLevel\":4,"
		"\"assessmentType\":\"exam\",\"participationForm\":\"onsite\","
		"\"qualityAssurance\":\"QA\"%s}}}}",
		iss, nbf, expbuf, iss, extra != NULL ? extra : "");
}

static enum mck_alg alg_of(const struct mck_test_key *k)
{
	return k->type == MCK_KEY_EC_P384 ? MCK_ALG_ES384 : MCK_ALG_ES256;
}

/* Sign, encode MC1 compact, verify at @p now; returns the result (caller frees). */
static void run(const struct mck_test_key *key, const char *iss, long nbf, long exp, long now,
		struct mck_result *res)
{
	char *p = payload(iss, nbf, exp, NULL);
	char *jws = mck_test_sign(key, alg_of(key), NULL, p, true);
	char *text = mck_test_compact(jws);

	mck_verify_text(verifier, text, strlen(text), now, res);
	free(text);
	free(jws);
	free(p);
}

#define BIT(r) MCK_REASON_BIT(MCK_REASON_##r)

static void expect(const struct mck_test_key *key, const char *iss, long nbf, long exp, long now,
		   enum mck_verdict verdict, mck_reasons reasons)
{
	struct mck_result res;

	run(key, iss, nbf, exp, now, &res);
	if (res.verdict != verdict || res.reasons != reasons) {
		fprintf(stderr, "nbf %ld exp %ld now %ld: verdict %d reasons %#x, want %d %#x\n",
			nbf, exp, now, res.verdict, res.reasons, verdict, reasons);
	}
	assert_int_equal(res.verdict, verdict);
	assert_int_equal(res.reasons, reasons);
	mck_result_free(&res);
}

static void test_valid(void **state)
{
	struct mck_result res;

	(void)state;
	run(&key_a, A, 1780000000, 1900000000, NOW, &res);
	assert_int_equal(res.verdict, MCK_VERDICT_VALID);
	assert_int_equal(res.reasons, 0);
	assert_true(res.has_credential);
	assert_string_equal(res.cred.learner, "Anna");
	assert_int_equal(res.time_source, MCK_TIME_GIVEN);
	assert_int_equal(res.now, NOW);
	mck_result_free(&res);
}

static void test_key_window_and_status(void **state)
{
	(void)state;
	expect(&key_a, A, 1699999999, 0, NOW, MCK_VERDICT_INVALID, BIT(KEY_NOT_VALID_AT_ISSUANCE));
	expect(&key_a, A, 1700000000, 0, NOW, MCK_VERDICT_VALID, 0);
	expect(&key_a, A, 1793000000, 0, NOW, MCK_VERDICT_VALID, 0);
	expect(&key_a, A, 1793000001, 0, NOW, MCK_VERDICT_INVALID, BIT(KEY_NOT_VALID_AT_ISSUANCE));
	expect(&key_b, B, T_STATUS, 0, NOW, MCK_VERDICT_INVALID, BIT(ISSUER_SUSPENDED));
	expect(&key_b, B, T_STATUS - 1, 0, NOW, MCK_VERDICT_WARNING, BIT(ISSUER_STATUS_CHANGED));
	expect(&key_c, C, T_STATUS, 0, NOW, MCK_VERDICT_INVALID, BIT(ISSUER_WITHDRAWN));
	expect(&key_c, C, T_STATUS - 1, 0, NOW, MCK_VERDICT_WARNING, BIT(ISSUER_STATUS_CHANGED));
}

static void test_freshness(void **state)
{
	(void)state;
	expect(&key_a, A, 1780000000, 0, NEXT, MCK_VERDICT_VALID, 0);
	expect(&key_a, A, 1780000000, 0, NEXT + 1, MCK_VERDICT_WARNING, BIT(TRUSTLIST_STALE));
	expect(&key_a, A, 1780000000, 0, NEXT + GRACE, MCK_VERDICT_WARNING, BIT(TRUSTLIST_STALE));
	expect(&key_a, A, 1780000000, 0, NEXT + GRACE + 1, MCK_VERDICT_INVALID,
	       BIT(TRUSTLIST_EXPIRED));
}

static void test_dates(void **state)
{
	(void)state;
	/* within key A's window (notAfter 1793000000) */
	expect(&key_a, A, 1792000000 + 300, 0, 1792000000, MCK_VERDICT_VALID, 0);
	expect(&key_a, A, 1792000000 + 301, 0, 1792000000, MCK_VERDICT_INVALID, BIT(NOT_YET_VALID));
	expect(&key_a, A, 1780000000, NOW, NOW, MCK_VERDICT_INVALID, BIT(EXPIRED));
	expect(&key_a, A, 1780000000, NOW + 1, NOW, MCK_VERDICT_VALID, 0);
	/* both faults are named, in check order */
	expect(&key_a, A, 1699999999, NOW, NOW, MCK_VERDICT_INVALID,
	       BIT(KEY_NOT_VALID_AT_ISSUANCE) | BIT(EXPIRED));
}

static void test_clock_unset(void **state)
{
	struct mck_result res;

	(void)state;
	/* A clock before the list was made: the list's iat is used instead. */
	run(&key_a, A, 1780000000, 0, 1000, &res);
	assert_int_equal(res.verdict, MCK_VERDICT_WARNING);
	assert_int_equal(res.reasons, BIT(CLOCK_UNSET));
	assert_int_equal(res.now, IAT);
	assert_int_equal(res.time_source, MCK_TIME_TRUSTLIST);
	mck_result_free(&res);
	/* expired by the list's date, never without clock_unset beside it */
	expect(&key_a, A, 1780000000, IAT - 10, IAT - 100, MCK_VERDICT_INVALID,
	       BIT(CLOCK_UNSET) | BIT(EXPIRED));
	/* not yet valid, measured from iat */
	expect(&key_a, A, IAT + 301, 0, 5, MCK_VERDICT_INVALID,
	       BIT(CLOCK_UNSET) | BIT(NOT_YET_VALID));
}

static void expect_text(const char *text, enum mck_verdict verdict, mck_reasons reasons,
			bool credential)
{
	struct mck_result res;

	mck_verify_text(verifier, text, strlen(text), NOW, &res);
	if (res.verdict != verdict || res.reasons != reasons) {
		fprintf(stderr, "verdict %d reasons %#x (%s), want %d %#x\n", res.verdict,
			res.reasons, res.detail, verdict, reasons);
	}
	assert_int_equal(res.verdict, verdict);
	assert_int_equal(res.reasons, reasons);
	assert_int_equal(res.has_credential, credential);
	mck_result_free(&res);
}

static void test_keys_and_issuers(void **state)
{
	char *p = payload(B, 1780000000, 0, NULL);
	char *jws;

	(void)state;
	/* A's key on a credential claiming to be B's */
	jws = mck_test_sign(&key_a, MCK_ALG_ES256, NULL, p, true);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(KEY_ISSUER_MISMATCH), false);
	free(jws);
	free(p);
	/* an issuer not on the list, signed by a listed key */
	p = payload("https://nobody.example", 1780000000, 0, NULL);
	jws = mck_test_sign(&key_a, MCK_ALG_ES256, NULL, p, true);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(ISSUER_UNKNOWN), false);
	free(jws);
	/* a key on no list */
	jws = mck_test_sign(&stray, MCK_ALG_ES256, NULL, p, true);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(KEY_UNKNOWN), false);
	free(jws);
	free(p);
}

static void test_headers(void **state)
{
	char *p = payload(A, 1780000000, 0, NULL);
	char header[1024];
	char *jws;
	size_t len;
	const char *jwk_a;

	(void)state;
	/* ES384 named with a P-256 key */
	snprintf(header, sizeof(header), "{\"alg\":\"ES384\",\"kid\":\"%s\"}", key_a.kid);
	assert_int_equal(mck_jws_sign(key_a.priv, MCK_ALG_ES256, header, (const uint8_t *)p,
				      strlen(p), false, &jws, &len),
			 MCK_OK);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(ALG_NOT_ALLOWED), false);
	free(jws);
	/* jwk instead of kid: listed key, unlisted key, private member, mismatched kid */
	jwk_a = strchr(key_a.members, ',') + 1; /* the members after "kid" */
	snprintf(header, sizeof(header), "{\"alg\":\"ES256\",\"jwk\":{%s}}", jwk_a);
	assert_int_equal(mck_jws_sign(key_a.priv, MCK_ALG_ES256, header, (const uint8_t *)p,
				      strlen(p), false, &jws, &len),
			 MCK_OK);
	expect_text(jws, MCK_VERDICT_VALID, 0, true);
	free(jws);
	snprintf(header, sizeof(header), "{\"alg\":\"ES256\",\"jwk\":{%s}}",
		 strchr(stray.members, ',') + 1);
	mck_jws_sign(stray.priv, MCK_ALG_ES256, header, (const uint8_t *)p, strlen(p), false, &jws,
		     &len);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(KEY_UNKNOWN), false);
	free(jws);
	snprintf(header, sizeof(header), "{\"alg\":\"ES256\",\"jwk\":{%s,\"d\":\"AAAA\"}}", jwk_a);
	mck_jws_sign(key_a.priv, MCK_ALG_ES256, header, (const uint8_t *)p, strlen(p), false, &jws,
		     &len);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(MALFORMED), false);
	free(jws);
	snprintf(header, sizeof(header), "{\"alg\":\"ES256\",\"kid\":\"%s\",\"jwk\":{%s}}",
		 stray.kid, jwk_a);
	mck_jws_sign(key_a.priv, MCK_ALG_ES256, header, (const uint8_t *)p, strlen(p), false, &jws,
		     &len);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(MALFORMED), false);
	free(jws);
	/* the signature checked before anything of the payload: a bad JSON payload, well
         * signed, is malformed; the same badly signed is signature_invalid */
	jws = mck_test_sign(&key_a, MCK_ALG_ES256, NULL, "{not json", false);
	expect_text(jws, MCK_VERDICT_INVALID, BIT(MALFORMED), false);
	jws[strlen(jws) - 2] = jws[strlen(jws) - 2] == 'A' ? 'B' : 'A';
	expect_text(jws, MCK_VERDICT_INVALID, BIT(SIGNATURE_INVALID), false);
	free(jws);
	free(p);
}

static void test_zip_bomb(void **state)
{
	char *filler = malloc(70001);
	char *extra;
	char *p;
	char *jws;

	(void)state;
	memset(filler, 'A', 70000);
	filler[70000] = '\0';
	extra = mck_test_fmt(",\"description\":\"%s\"", filler);
	p = payload(A, 1780000000, 0, extra);
	jws = mck_test_sign(&key_a, MCK_ALG_ES256, NULL, p, true);
	assert_true(strlen(jws) < 2000); /* tiny on the wire */
	expect_text(jws, MCK_VERDICT_INVALID, BIT(PAYLOAD_TOO_LARGE), false);
	free(jws);
	free(p);
	free(extra);
	free(filler);
}

static void test_chunks(void **state)
{
	char *p = payload(A, 1780000000, 0, NULL);
	char *jws = mck_test_sign(&key_a, MCK_ALG_ES256, NULL, p, true);
	char *chunk[3];
	struct mck_qrtext *q = malloc(sizeof(*q));
	struct mck_result res;

	(void)state;
	for (unsigned i = 0; i < 3; i++) {
		assert_int_equal(mck_qrtext_encode(jws, strlen(jws), i + 1, 3, &chunk[i]), MCK_OK);
	}
	mck_qrtext_init(q);
	mck_qrtext_add(q, chunk[2], strlen(chunk[2]));
	mck_qrtext_add(q, chunk[0], strlen(chunk[0]));
	mck_verify_qr(verifier, q, NOW, &res);
	assert_int_equal(res.verdict, MCK_VERDICT_UNREADABLE);
	assert_int_equal(res.reasons, BIT(CHUNKS_INCOMPLETE));
	mck_result_free(&res);
	mck_qrtext_add(q, chunk[1], strlen(chunk[1]));
	mck_verify_qr(verifier, q, NOW, &res);
	assert_int_equal(res.verdict, MCK_VERDICT_VALID);
	mck_result_free(&res);
	/* another text for chunk 2: a chunk of another credential (QR codes correct
	 * their own errors), so nothing is verified until one is shown at a time */
	chunk[1][strlen(chunk[1]) - 1] = chunk[1][strlen(chunk[1]) - 1] == '0' ? '1' : '0';
	mck_qrtext_add(q, chunk[1], strlen(chunk[1]));
	mck_verify_qr(verifier, q, NOW, &res);
	assert_int_equal(res.reasons, BIT(SEVERAL_CREDENTIALS));
	assert_int_equal(res.verdict, MCK_VERDICT_UNREADABLE);
	assert_false(res.has_credential);
	mck_result_free(&res);
	mck_qrtext_free(q);
	free(q);
	for (unsigned i = 0; i < 3; i++) {
		free(chunk[i]);
	}
	free(jws);
	free(p);
}

#define STATUS_ENTRY                                                                               \
	",\"credentialStatus\":{\"statusListIndex\":\"%d\",\"statusListCredential\":\"%s\"}"

/* Revocation through cached status lists: revoked, not revoked, unknown, stale. */
static void test_revocation(void **state)
{
	struct mck_verifier_cfg cfg = {0};
	struct mck_verifier *v;
	struct mck_statusset set;
	struct mck_result res;
	uint8_t bits[16384] = {0};
	uint8_t *z;
	size_t zlen;
	char enc[1024];
	char *list;
	char *jws;

	(void)state;
	bits[0] = 0x40; /* index 1 revoked */
	assert_int_equal(mck_deflate(MCK_INFLATE_GZIP, bits, sizeof(bits), &z, &zlen), MCK_OK);
	enc[0] = 'u';
	assert_int_equal(mck_b64url_encode(z, zlen, enc + 1, sizeof(enc) - 1), MCK_OK);
	free(z);
	list = mck_test_fmt("{\"iss\":\"" A "\",\"iat\":%d,\"exp\":%d,\"vc\":{\"id\":\"" A
			    "/s/1\",\"type\":[\"VerifiableCredential\","
			    "\"BitstringStatusListCredential\"],\"credentialSubject\":{"
			    "\"encodedList\":\"%s\"}}}",
			    IAT, NOW + 100, enc);
	jws = mck_test_sign(&key_a, MCK_ALG_ES256, NULL, list, false);
	mck_statusset_init(&set);
	assert_int_equal(mck_statusset_add(&set, trust, jws, strlen(jws), NULL, 0), MCK_OK);
	cfg.trust = trust;
	cfg.status = &set;
	cfg.grace_seconds = GRACE;
	v = mck_verifier_create(&cfg);
	for (int c = 0; c < 5; c++) {
		static const int index[] = {1, 2, 1, 2, 2};
		const char *list_id = c == 3 ? A "/s/9" : A "/s/1";
		long now = c == 2 ? NOW + 100 : c == 4 ? NOW + 200 : NOW; /* vs the list's exp */
		char *extra = mck_test_fmt(STATUS_ENTRY, index[c], list_id);
		char *p = mck_test_fmt(
			"{\"iss\":\"" A "\",\"nbf\":1780000000,\"vc\":{\"type\":"
			"\"VerifiableCredential\",\"issuer\":{\"id\":\"" A "\",\"name\":\"Body\","
			"\"address\":{\"addressCountryCode\":\"PL\"}},\"credentialSubject\":{"
			"\"identifier\":[{\"identityType\":\"name\",\"hashed\":false,"
			"\"identityHash\":\"Anna\"}],\"achievement\":{\"name\":\"T\","
			"\"learningOutcomes\":[\"o\"],\"creditsAvailable\":1,\"eqfLevel\":4,"
			"\"assessmentType\":\"exam\",\"participationForm\":\"onsite\","
			"\"qualityAssurance\":\"QA\"}}%s}}",
			extra);
		char *cred = mck_test_sign(&key_a, MCK_ALG_ES256, NULL, p, true);
		static const mck_reasons want[] = {
			MCK_REASON_BIT(MCK_REASON_REVOKED),
			0,
			MCK_REASON_BIT(MCK_REASON_REVOKED) |
				MCK_REASON_BIT(MCK_REASON_REVOCATION_LIST_STALE),
			MCK_REASON_BIT(MCK_REASON_STATUS_UNKNOWN),
			MCK_REASON_BIT(
				MCK_REASON_REVOCATION_LIST_STALE), /* stale, not revoked: warning */
		};

		mck_verify_text(v, cred, strlen(cred), now, &res);
		if (res.reasons != want[c]) {
			fprintf(stderr, "case %d: reasons %#x (%s)\n", c, res.reasons, res.detail);
		}
		assert_int_equal(res.reasons, want[c]);
		assert_true(res.has_credential);
		mck_result_free(&res);
		free(cred);
		free(p);
		free(extra);
	}
	mck_verifier_destroy(v);
	mck_statusset_free(&set);
	free(jws);
	free(list);
}

static void test_answer(void **state)
{
	struct mck_result res;
	cJSON *ans;
	const cJSON *cred;

	(void)state;
	run(&key_a, A, 1780000000, 1900000000, NOW, &res);
	ans = mck_answer_json(&res, trust);
	assert_non_null(ans);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(ans, "verdict")->valuestring, "valid");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(ans, "reasons")), 0);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(ans, "missing")), 0);
	cred = cJSON_GetObjectItemCaseSensitive(ans, "credential");
	assert_non_null(cred);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(cred, "issued")->valuestring,
			    "2026-05-28T20:26:40Z");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(cred, "expires")->valuestring,
			    "2030-03-17T17:46:40Z");
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(cred, "grade")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(cred, "id")));
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(cred, "eqfLevel")->valueint, 4);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(
				    cJSON_GetObjectItemCaseSensitive(cred, "issuer"), "id")
				    ->valuestring,
			    A);
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(
				 cJSON_GetObjectItemCaseSensitive(ans, "trustList"), "sequence")
				 ->valueint,
			 2);
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(ans, "trustList"), "stale")));
	cJSON_Delete(ans);
	mck_result_free(&res);
	/* no credential without a verified signature */
	run(&stray, A, 1780000000, 0, NOW, &res);
	ans = mck_answer_json(&res, trust);
	assert_null(cJSON_GetObjectItemCaseSensitive(ans, "credential"));
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(ans, "reasons"), 0)
				    ->valuestring,
			    "key_unknown");
	cJSON_Delete(ans);
	mck_result_free(&res);
	/* an unusable configuration: verdict null */
	memset(&res, 0, sizeof(res));
	mck_result_set(&res, MCK_REASON_TRUSTLIST_MISSING, "no list");
	ans = mck_answer_json(&res, NULL);
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(ans, "verdict")));
	assert_int_equal(mck_verdict_exit_code(res.verdict), 4);
	cJSON_Delete(ans);
	mck_result_free(&res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),       cmocka_unit_test(test_key_window_and_status),
		cmocka_unit_test(test_freshness),   cmocka_unit_test(test_dates),
		cmocka_unit_test(test_clock_unset), cmocka_unit_test(test_keys_and_issuers),
		cmocka_unit_test(test_headers),     cmocka_unit_test(test_zip_bomb),
		cmocka_unit_test(test_chunks),      cmocka_unit_test(test_revocation),
		cmocka_unit_test(test_answer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
