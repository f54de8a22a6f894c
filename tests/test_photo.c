/*
 * A photo to a verdict, in-process: QR codes drawn with libqrencode into one
 * PNG, decoded (drivers/imagefile), scanned (app/scan), every code's text
 * collected (mck_qrtext) and verified, as mcverify --image and the kiosk do.
 * Several codes in one photo: the chunks of one credential are read
 * together; two different credentials are several_credentials.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <png.h>
#include <qrencode.h>

#include "mck/answer.h"
#include "mck/err.h"
#include "mck/image.h"
#include "mck/jws_sign.h"
#include "mck/qrscan.h"
#include "mck/verify.h"
#include "support/imgcodec.h"
#include "support/mint.h"
#include "support/qrdraw.h"

#define IAT   1790000000
#define NEXT  1800000000
#define NOW   1795000000
#define ISS   "https://a.example"
#define SCALE 3 /* pixels per module */
#define QUIET 4 /* modules */

static struct mck_test_key anchor;
static struct mck_test_key issuer;
static struct mck_anchors *anchors;
static struct mck_trustlist *trust;
static struct mck_verifier *verifier;
static struct mck_qrscan *scanner;
static struct mck_qrscan_result *codes;
static struct mck_qrtext *texts;

static int setup(void **state)
{
	struct mck_verifier_cfg cfg = {0};
	char *list;
	char *jws;
	int rc;

	(void)state;
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer, MCK_KEY_EC_P256);
	anchors = mck_test_anchors(&anchor);
	list = mck_test_fmt(
		"{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,\"iat\":%d,"
		"\"nextUpdate\":%d,\"issuers\":[{\"id\":\"" ISS "\",\"status\":\"active\","
		"\"keys\":[{%s}]}]}",
		IAT, NEXT, issuer.members);
	jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, list, true);
	rc = mck_trustlist_load(&trust, anchors, jws, strlen(jws), NULL, 0);
	free(jws);
	free(list);
	if (rc != MCK_OK) {
		return -1;
	}
	cfg.trust = trust;
	cfg.grace_seconds = 30 * 86400;
	verifier = mck_verifier_create(&cfg);
	scanner = mck_qrscan_create();
	codes = malloc(sizeof(*codes));
	texts = malloc(sizeof(*texts));
	return verifier == NULL || scanner == NULL || codes == NULL || texts == NULL;
}

static int teardown(void **state)
{
	(void)state;
	free(texts);
	free(codes);
	mck_qrscan_destroy(scanner);
	mck_verifier_destroy(verifier);
	mck_trustlist_destroy(trust);
	mck_anchors_destroy(anchors);
	mck_test_key_free(&anchor);
	mck_test_key_free(&issuer);
	return 0;
}

/* A complete, genuine credential for @p learner, signed: its JWS (malloc'd). */
static char *credential(const char *learner)
{
	char *p = mck_test_fmt(
		"{\"iss\":\"" ISS
		"\",\"nbf\":1780000000,\"vc\":{\"type\":[\"VerifiableCredential\"],"
		"\"issuer\":{\"id\":\"" ISS "\",\"name\":\"Body\",\"address\":{"
		"\"addressCountryCode\":\"PL\"}},\"credentialSubject\":{\"identifier\":[{"
		"\"identityType\":\"name\",\"hashed\":false,\"identityHash\":\"%s\"}],"
		"\"achievement\":{\"name\":\"Cloud Security Fundamentals\",\"learningOutcomes\":["
		"\"Configure identity and access management\"],\"creditsAvailable\":2,"
		"\"eqfLevel\":5,\"assessmentType\":\"exam\",\"participationForm\":\"online\","
		"\"qualityAssurance\":\"QA\"}}}}",
		learner);
	char *jws = mck_test_sign(&issuer, MCK_ALG_ES256, NULL, p, true);

	free(p);
	return jws;
}

/*
 * One PNG holding a code for each of @p n texts side by side, decoded as an
 * image file would be, scanned, and each code read collected into texts.
 * Returns the number of codes the scanner read.
 */
static int photograph(char *const *text, size_t n)
{
	QRcode *qr[4];
	uint32_t side[4];
	uint32_t w = 0;
	uint32_t h = 0;
	uint32_t x = 0;
	uint8_t *px;
	uint8_t *png;
	size_t len;
	struct mck_image img = {0};
	int found;

	assert_true(n <= 4);
	for (size_t i = 0; i < n; i++) {
		/* the mixed segments an issuer prints: "MC1:/" alphanumeric, digits numeric */
		qr[i] = QRcode_encodeString(text[i], 0, QR_ECLEVEL_L, QR_MODE_8, 1);
		assert_non_null(qr[i]);
		side[i] = ((uint32_t)qr[i]->width + 2 * QUIET) * SCALE;
		w += side[i];
		h = side[i] > h ? side[i] : h;
	}
	px = malloc((size_t)w * h);
	assert_non_null(px);
	memset(px, 255, (size_t)w * h);
	for (size_t i = 0; i < n; i++) {
		mck_test_qr_draw(qr[i], SCALE, QUIET, px + x, w);
		x += side[i];
		QRcode_free(qr[i]);
	}
	png = mck_test_png_encode(px, w, h, PNG_FORMAT_GRAY, &len);
	assert_non_null(png);
	assert_int_equal(mck_image_decode(&img, png, len), 0);
	found = mck_qrscan_frame(scanner, img.pixels, img.width, img.height, codes);
	mck_qrtext_init(texts);
	for (int i = 0; i < found; i++) {
		(void)mck_qrtext_add(texts, codes->text[i], codes->len[i]);
	}
	mck_image_free(&img);
	free(png);
	free(px);
	return found;
}

static const char *first_reason(const struct mck_result *res)
{
	for (unsigned r = 0; r < MCK_REASON_COUNT; r++) {
		if (res->reasons & MCK_REASON_BIT(r)) {
			return mck_reason_code((enum mck_reason)r);
		}
	}
	return "(none)";
}

static void test_two_credentials(void **state)
{
	char *jws[2] = {credential("Anna Kowalska"), credential("Jan Nowak")};
	char *text[2];
	struct mck_result res;
	cJSON *answer;
	const cJSON *detail;

	(void)state;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(mck_qrtext_encode(jws[i], strlen(jws[i]), 0, 0, &text[i]), MCK_OK);
	}
	/* each alone is valid */
	for (int i = 0; i < 2; i++) {
		assert_int_equal(photograph(&text[i], 1), 1);
		mck_verify_qr(verifier, texts, NOW, &res);
		assert_int_equal(res.verdict, MCK_VERDICT_VALID);
		mck_result_free(&res);
	}
	/* both in one photo: show one at a time, and nothing of either */
	assert_int_equal(photograph(text, 2), 2);
	mck_verify_qr(verifier, texts, NOW, &res);
	print_message("two credentials in one photo: %s\n", first_reason(&res));
	assert_string_equal(first_reason(&res), "several_credentials");
	assert_int_equal(res.reasons, MCK_REASON_BIT(MCK_REASON_SEVERAL_CREDENTIALS));
	assert_int_equal(res.verdict, MCK_VERDICT_UNREADABLE);
	assert_false(res.has_credential);
	/* the answer's detail, as mcverify fills it */
	assert_true(mck_qrtext_detail(texts, res.detail, sizeof(res.detail)) > 0);
	answer = mck_answer_json(&res, trust);
	assert_non_null(answer);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(answer, "verdict")->valuestring,
			    "unreadable");
	detail = cJSON_GetObjectItemCaseSensitive(answer, "detail");
	assert_true(cJSON_IsString(detail));
	assert_non_null(strstr(detail->valuestring, "one at a time"));
	assert_null(cJSON_GetObjectItemCaseSensitive(answer, "credential"));
	cJSON_Delete(answer);
	mck_result_free(&res);
	/* the same credential twice in one photo is one credential */
	char *same[2] = {text[0], text[0]};
	(void)photograph(same, 2);
	mck_verify_qr(verifier, texts, NOW, &res);
	assert_int_equal(res.verdict, MCK_VERDICT_VALID);
	mck_result_free(&res);
	for (int i = 0; i < 2; i++) {
		free(text[i]);
		free(jws[i]);
	}
}

static void test_chunks_of_one(void **state)
{
	char *jws = credential("Anna Kowalska");
	char *other = credential("Jan Nowak");
	char *chunk[3];
	char *mixed[3];
	struct mck_result res;

	(void)state;
	for (unsigned i = 0; i < 3; i++) {
		assert_int_equal(mck_qrtext_encode(jws, strlen(jws), i + 1, 3, &chunk[i]), MCK_OK);
	}
	/* every chunk of one credential in one photo, in any order: valid */
	mixed[0] = chunk[2];
	mixed[1] = chunk[0];
	mixed[2] = chunk[1];
	assert_int_equal(photograph(mixed, 3), 3);
	mck_verify_qr(verifier, texts, NOW, &res);
	print_message("three chunks in one photo: %s\n",
		      res.verdict == MCK_VERDICT_VALID ? "valid" : first_reason(&res));
	assert_int_equal(res.verdict, MCK_VERDICT_VALID);
	mck_result_free(&res);
	/* two of them: the third is missing, not another credential */
	assert_int_equal(photograph(chunk, 2), 2);
	mck_verify_qr(verifier, texts, NOW, &res);
	assert_string_equal(first_reason(&res), "chunks_incomplete");
	mck_result_free(&res);
	/* two chunks of one credential beside another credential: several */
	free(chunk[2]);
	assert_int_equal(mck_qrtext_encode(other, strlen(other), 0, 0, &chunk[2]), MCK_OK);
	assert_int_equal(photograph(chunk, 3), 3);
	mck_verify_qr(verifier, texts, NOW, &res);
	assert_string_equal(first_reason(&res), "several_credentials");
	mck_result_free(&res);
	for (unsigned i = 0; i < 3; i++) {
		free(chunk[i]);
	}
	free(other);
	free(jws);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_credentials),
		cmocka_unit_test(test_chunks_of_one),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
