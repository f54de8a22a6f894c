/*
 * What a code that is no credential was, from the collector through the
 * verifier to the JSON answer (verifier-contract.md, revision 2: "shown",
 * "host"): set with not_a_credential only, the host alone, wiped with the result.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "mck/answer.h"
#include "mck/qrtext.h"
#include "mck/trustlist.h"
#include "mck/verify.h"

#define NOW 1795000000 /* the vectors' time (tests/fixtures/cases/\*\/case.json) */

static struct mck_anchors *anchors;
static struct mck_trustlist *trust;
static struct mck_verifier *verifier;
static struct mck_qrtext *texts;
static struct mck_result res;

static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf = malloc(1 << 20);

	snprintf(path, sizeof(path), "%s/%s", MCK_FIXTURES, name);
	f = fopen(path, "rb");
	if (f == NULL || buf == NULL) {
		free(buf);
		if (f != NULL) {
			fclose(f);
		}
		return NULL;
	}
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static int setup(void **state)
{
	struct mck_verifier_cfg cfg = {0};
	size_t len;
	char *pem = slurp("anchors/operator.pem", &len);
	char *jws;
	int rc = -1;

	(void)state;
	anchors = mck_anchors_create();
	if (pem == NULL || anchors == NULL || mck_anchors_add_pem(anchors, pem, len) != 0) {
		goto out;
	}
	jws = slurp("trust/trustlist.jws", &len);
	if (jws == NULL || mck_trustlist_load(&trust, anchors, jws, len, NULL, 0) != 0) {
		free(jws);
		goto out;
	}
	free(jws);
	cfg.trust = trust;
	verifier = mck_verifier_create(&cfg);
	texts = malloc(sizeof(*texts));
	rc = verifier == NULL || texts == NULL;
out:
	free(pem);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	mck_result_free(&res);
	free(texts);
	mck_verifier_destroy(verifier);
	mck_trustlist_destroy(trust);
	mck_anchors_destroy(anchors);
	return 0;
}

/* The answer of res, unformatted (caller frees). */
static char *answer(void)
{
	cJSON *a = mck_answer_json(&res, trust);
	char *text;

	assert_non_null(a);
	text = cJSON_PrintUnformatted(a);
	cJSON_Delete(a);
	assert_non_null(text);
	return text;
}

/* The answer has "shown": @p shown and "host": @p host (JSON), or not the member when NULL. */
static void assert_answer(const char *shown, const char *host)
{
	char *text = answer();
	char want[320];

	print_message("%s\n", text);
	if (shown != NULL) {
		snprintf(want, sizeof(want), "\"shown\":\"%s\"", shown);
		assert_non_null(strstr(text, want));
	} else {
		assert_null(strstr(text, "\"shown\""));
	}
	if (host != NULL) {
		snprintf(want, sizeof(want), "\"host\":%s", host);
		assert_non_null(strstr(text, want));
	} else {
		assert_null(strstr(text, "\"host\""));
	}
	free(text);
}

static void verify_text(const char *text)
{
	mck_result_free(&res);
	mck_verify_text(verifier, text, strlen(text), NOW, &res);
}

static void assert_zero(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		assert_int_equal(b[i], 0);
	}
}

static void test_link(void **state)
{
	static const char url[] = "https://anna:pw@Europass.Europa.EU:443/private/x?n=Anna#f";
	char *text;

	(void)state;
	verify_text(url);
	assert_int_equal(res.reasons, MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL));
	assert_int_equal(res.verdict, MCK_VERDICT_UNREADABLE);
	assert_int_equal(res.shown, MCK_SHOWN_URL);
	assert_string_equal(res.host, "europass.europa.eu");
	assert_answer("url", "\"europass.europa.eu\"");
	text = answer();
	assert_null(strstr(text, "private"));
	assert_null(strstr(text, "anna"));
	free(text);
	/* Wiped with the result. */
	mck_result_free(&res);
	assert_int_equal(res.shown, MCK_SHOWN_NONE);
	assert_zero(res.host, sizeof(res.host));
	/* An address without a plausible host: url, and its host null. */
	verify_text("https://exa mple.org/");
	assert_int_equal(res.shown, MCK_SHOWN_URL);
	assert_string_equal(res.host, "");
	assert_answer("url", "null");
}

static void test_kinds(void **state)
{
	static const struct {
		const char *text;
		const char *shown;
	} kinds[] = {
		{"WIFI:S:home;P:secret;;", "wifi"},
		{"HC1:NCFOXN%TS3DH3ZSUZK", "eu_dcc"},
		{"shc:/5676290952432060346029", "smart_health_card"},
		{"BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD", "vcard"},
		{"mailto:anna@example.org", "text"},
		{"", "text"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		verify_text(kinds[i].text);
		assert_int_equal(res.reasons, MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL));
		assert_string_equal(mck_shown_name(res.shown), kinds[i].shown);
		assert_answer(kinds[i].shown, NULL);
	}
}

/* Several codes, none a credential: the first is described. No code at all: text. */
static void test_first_of_several(void **state)
{
	(void)state;
	mck_qrtext_init(texts);
	(void)mck_qrtext_add(texts, "WIFI:S:home;;", 13);
	(void)mck_qrtext_add(texts, "https://example.org/", 20);
	mck_verify_qr(verifier, texts, NOW, &res);
	assert_int_equal(res.shown, MCK_SHOWN_WIFI);
	assert_answer("wifi", NULL);
	mck_result_free(&res);
	mck_qrtext_init(texts);
	(void)mck_qrtext_add(texts, "https://example.org/", 20);
	(void)mck_qrtext_add(texts, "WIFI:S:home;;", 13);
	mck_verify_qr(verifier, texts, NOW, &res);
	assert_int_equal(res.shown, MCK_SHOWN_URL);
	assert_answer("url", "\"example.org\"");
	mck_result_free(&res);
	mck_qrtext_init(texts);
	mck_verify_qr(verifier, texts, NOW, &res);
	assert_int_equal(res.reasons, MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL));
	assert_int_equal(res.shown, MCK_SHOWN_TEXT);
	assert_answer("text", NULL);
	mck_qrtext_free(texts);
}

/* Only not_a_credential says what was shown. */
static void test_other_answers(void **state)
{
	size_t len;
	char *valid = slurp("cases/valid-es256-compact/input0.txt", &len);

	(void)state;
	assert_non_null(valid);
	/* a credential, even beside a link */
	mck_qrtext_init(texts);
	(void)mck_qrtext_add(texts, "https://example.org/", 20);
	(void)mck_qrtext_add(texts, valid, len);
	mck_verify_qr(verifier, texts, NOW, &res);
	assert_int_equal(res.verdict, MCK_VERDICT_VALID);
	assert_int_equal(res.shown, MCK_SHOWN_NONE);
	assert_answer(NULL, NULL);
	mck_qrtext_free(texts);
	free(valid);
	/* a broken credential */
	verify_text("MC1:/78");
	assert_int_equal(res.reasons, MCK_REASON_BIT(MCK_REASON_MALFORMED));
	assert_int_equal(res.shown, MCK_SHOWN_NONE);
	assert_answer(NULL, NULL);
	/* a result made before verification */
	mck_result_set(&res, MCK_REASON_NO_CODE, NULL);
	assert_int_equal(res.shown, MCK_SHOWN_NONE);
	assert_answer(NULL, NULL);
	mck_result_set(&res, MCK_REASON_NOT_A_CREDENTIAL, NULL);
	assert_int_equal(res.shown, MCK_SHOWN_TEXT);
	assert_answer("text", NULL);
	/* a stray kind beside another reason is not told */
	mck_result_set(&res, MCK_REASON_MALFORMED, NULL);
	res.shown = MCK_SHOWN_URL;
	strcpy(res.host, "example.org");
	assert_answer(NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_link),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_first_of_several),
		cmocka_unit_test(test_other_answers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
