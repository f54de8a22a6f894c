/*
 * Fuzz target: QR text → verdict through the core's public API, with a fixed
 * clock and the fixture trust list and status list. Each line of the input is
 * one scanned text (so chunk assembly is fuzzed too).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/answer.h"
#include "mck/verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_NOW 1795000000

static struct mck_anchors *anchors;
static struct mck_trustlist *trust;
static struct mck_statusset status;
static struct mck_verifier *verifier;
static struct mck_qrtext *texts;

static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", MCK_FIXTURES, name);
	f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "fuzz_verify: cannot open %s\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		abort();
	}
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) {
		buf[--n] = '\0';
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void init(void)
{
	struct mck_verifier_cfg cfg = {0};
	size_t len;
	char *pem = slurp("anchors/operator.pem", &len);
	char *jws;

	anchors = mck_anchors_create();
	if (anchors == NULL || mck_anchors_add_pem(anchors, pem, len) != 0) {
		abort();
	}
	free(pem);
	jws = slurp("trust/trustlist.jws", &len);
	if (mck_trustlist_load(&trust, anchors, jws, len, NULL, 0) != 0) {
		abort();
	}
	free(jws);
	mck_statusset_init(&status);
	jws = slurp("status/a-1.jws", &len);
	if (mck_statusset_add(&status, trust, jws, len, NULL, 0) != 0) {
		abort();
	}
	free(jws);
	cfg.trust = trust;
	cfg.status = &status;
	cfg.grace_seconds = 30 * 86400;
	verifier = mck_verifier_create(&cfg);
	texts = malloc(sizeof(*texts));
	if (verifier == NULL || texts == NULL) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mck_result res;
	size_t start = 0;
	cJSON *answer;

	if (verifier == NULL) {
		init();
	}
	mck_qrtext_init(texts);
	for (size_t i = 0; i <= size; i++) {
		if (i == size || data[i] == '\n') {
			(void)mck_qrtext_add(texts, (const char *)data + start, i - start);
			start = i + 1;
		}
	}
	mck_verify_qr(verifier, texts, FUZZ_NOW, &res);
	/* Invariants: "valid" only with a credential and no reason; no credential
         * without a verified signature. */
	if (res.verdict == MCK_VERDICT_VALID && (!res.has_credential || res.reasons != 0)) {
		abort();
	}
	if (res.has_credential && res.cred.iss == NULL) {
		abort();
	}
	answer = mck_answer_json(&res, trust);
	if (answer == NULL) {
		abort();
	}
	char *printed = cJSON_PrintUnformatted(answer);
	free(printed);
	cJSON_Delete(answer);
	mck_result_free(&res);
	return 0;
}
