/*
 * Conformance: every case of the independent vectors (tests/fixtures/cases)
 * through the real mcverify binary, once with the QR text and once with the
 * QR image: exit code, verdict, reasons, credential presence, named fields.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <cmocka.h>
#include <dirent.h>
#include <sys/stat.h>

#include "support/imgcodec.h"
#include "support/runproc.h"

#define MAX_ARGS 48

enum mode { MODE_TEXT, MODE_IMAGE };

struct vcase {
	char name[300];
	char dir[1024];
	cJSON *spec;
	enum mode mode;
};

static char *slurp(const char *path)
{
	size_t len;

	return (char *)mck_test_slurp(path, &len);
}

static char *dupf(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return strdup(buf);
}

static bool has_reason(const cJSON *ans, const char *code)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(ans, "reasons")) {
		if (cJSON_IsString(r) && strcmp(r->valuestring, code) == 0) {
			return true;
		}
	}
	return false;
}

/*
 * What a non-credential code was (verifier-contract.md, revision 2): an answer
 * with not_a_credential has "shown", one of the contract's names, and for url a
 * "host" (a string, or null when the address has no plausible host) that is a
 * host name only; no other answer has either member. The vectors predate
 * revision 2: a case may name "shown" and "host" in "expect", else the members'
 * form and the text they came from are checked.
 */
static void check_shown(const struct vcase *vc, const cJSON *ans, const char *out)
{
	static const char *const names[] = {"url",   "wifi", "eu_dcc", "smart_health_card",
					    "vcard", "text"};
	const cJSON *expect = cJSON_GetObjectItemCaseSensitive(vc->spec, "expect");
	const cJSON *shown = cJSON_GetObjectItemCaseSensitive(ans, "shown");
	const cJSON *host = cJSON_GetObjectItemCaseSensitive(ans, "host");
	const cJSON *e;
	char *path;
	char *input;
	bool known = false;

	if (!has_reason(ans, "not_a_credential")) {
		assert_null(shown);
		assert_null(host);
		return;
	}
	/* Never the scanned text itself (a URL may hold personal data). */
	path = dupf("%s/input0.txt", vc->dir);
	input = slurp(path);
	free(path);
	assert_non_null(input);
	assert_null(strstr(out, input));
	if (!cJSON_IsString(shown)) {
		fprintf(stderr, "%s: not_a_credential without \"shown\"\n", vc->name);
	}
	assert_true(cJSON_IsString(shown));
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		known |= strcmp(shown->valuestring, names[i]) == 0;
	}
	assert_true(known);
	e = cJSON_GetObjectItemCaseSensitive(expect, "shown");
	if (e != NULL) {
		assert_string_equal(shown->valuestring, e->valuestring);
	}
	if (strcmp(shown->valuestring, "url") != 0) {
		assert_null(host);
		goto out;
	}
	assert_true(cJSON_IsString(host) || cJSON_IsNull(host));
	e = cJSON_GetObjectItemCaseSensitive(expect, "host");
	if (e != NULL) {
		assert_string_equal(cJSON_IsString(host) ? host->valuestring : "null",
				    cJSON_IsString(e) ? e->valuestring : "null");
	}
	if (cJSON_IsString(host)) {
		/* The host name only: none of the rest of the address, in lower case... */
		assert_true(host->valuestring[0] != '\0');
		assert_null(strpbrk(host->valuestring, "/?#@\\ ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
		/* ... and the scanned text's (both modes: the image holds that text). */
		for (char *c = input; *c != '\0'; c++) {
			*c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
		}
		assert_non_null(strstr(input, host->valuestring));
	}
out:
	free(input);
}

static void check_answer(const struct vcase *vc, int rc, const char *out)
{
	const cJSON *expect = cJSON_GetObjectItemCaseSensitive(vc->spec, "expect");
	const cJSON *e;
	cJSON *ans;
	const cJSON *cred;
	const char *json = strchr(out, '{');

	assert_non_null(expect);
	e = cJSON_GetObjectItemCaseSensitive(expect, "exit");
	if (rc != e->valueint) {
		fprintf(stderr, "%s: exit %d, expected %d\n%s\n", vc->name, rc, e->valueint, out);
	}
	assert_int_equal(rc, e->valueint);
	assert_non_null(json);
	ans = cJSON_Parse(json);
	assert_non_null(ans);
	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(expect, "verdictAny"))) {
		e = cJSON_GetObjectItemCaseSensitive(expect, "verdict");
		assert_string_equal(cJSON_GetObjectItemCaseSensitive(ans, "verdict")->valuestring,
				    e->valuestring);
	}
	/* Every listed reason is among the answer's reasons. */
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(expect, "reasons")) {
		const cJSON *r;
		int found = 0;

		cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(ans, "reasons")) {
			found |= strcmp(r->valuestring, e->valuestring) == 0;
		}
		if (!found) {
			fprintf(stderr, "%s: reason %s missing in\n%s\n", vc->name, e->valuestring,
				out);
		}
		assert_true(found);
	}
	/* A valid verdict has no reason at all. */
	if (strcmp(cJSON_GetObjectItemCaseSensitive(ans, "verdict")->valuestring
			   ? cJSON_GetObjectItemCaseSensitive(ans, "verdict")->valuestring
			   : "",
		   "valid") == 0) {
		assert_int_equal(
			cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(ans, "reasons")), 0);
	}
	cred = cJSON_GetObjectItemCaseSensitive(ans, "credential");
	e = cJSON_GetObjectItemCaseSensitive(expect, "credential");
	if (e != NULL) {
		assert_int_equal(cred != NULL, cJSON_IsTrue(e));
	}
	if (cred != NULL) {
		/*
		 * credential.issuer is the trust list's entry for iss; the vectors'
		 * credentials word their bodies as registered, so none has "claimed".
		 */
		const cJSON *issuer = cJSON_GetObjectItemCaseSensitive(cred, "issuer");

		assert_true(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(issuer, "id")));
		assert_true(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(issuer, "name")));
		assert_true(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(issuer, "country")));
		assert_null(cJSON_GetObjectItemCaseSensitive(issuer, "claimed"));
	}
	e = cJSON_GetObjectItemCaseSensitive(expect, "learner");
	if (e != NULL) {
		assert_non_null(cred);
		assert_string_equal(cJSON_GetObjectItemCaseSensitive(cred, "learner")->valuestring,
				    e->valuestring);
	}
	e = cJSON_GetObjectItemCaseSensitive(expect, "title");
	if (e != NULL) {
		assert_non_null(cred);
		assert_string_equal(cJSON_GetObjectItemCaseSensitive(cred, "title")->valuestring,
				    e->valuestring);
	}
	e = cJSON_GetObjectItemCaseSensitive(expect, "eqfLevel");
	if (e != NULL) {
		assert_non_null(cred);
		assert_true(cJSON_GetObjectItemCaseSensitive(cred, "eqfLevel")->valuedouble ==
			    e->valuedouble);
	}
	e = cJSON_GetObjectItemCaseSensitive(expect, "ects");
	if (e != NULL) {
		assert_non_null(cred);
		assert_true(cJSON_GetObjectItemCaseSensitive(cred, "ects")->valuedouble ==
			    e->valuedouble);
	}
	e = cJSON_GetObjectItemCaseSensitive(expect, "missing");
	if (e != NULL) {
		const cJSON *have = cJSON_GetObjectItemCaseSensitive(ans, "missing");
		const cJSON *m;

		/* The same set of paths (order is not part of the contract). */
		assert_int_equal(cJSON_GetArraySize(have), cJSON_GetArraySize(e));
		cJSON_ArrayForEach(m, e) {
			const cJSON *h;
			int found = 0;
			cJSON_ArrayForEach(h, have) {
				found |= strcmp(h->valuestring, m->valuestring) == 0;
			}
			assert_true(found);
		}
	}
	check_shown(vc, ans, out);
	cJSON_Delete(ans);
}

static void run_case(void **state)
{
	const struct vcase *vc = *state;
	char *argv[MAX_ARGS];
	char *owned[MAX_ARGS];
	int argc = 0;
	int nowned = 0;
	char *out = NULL;
	const cJSON *it;
	int rc;

#define ARG(s) (argv[argc++] = (char *)(uintptr_t)(s))
#define OWN(s) (owned[nowned++] = argv[argc++] = (s))
	OWN(dupf("%s/mcverify", MCK_BIN_DIR));
	ARG("--json");
	ARG("--anchors");
	OWN(dupf("%s/anchors", MCK_FIXTURES));
	ARG("--trust");
	OWN(dupf("%s/%s", MCK_FIXTURES,
		 cJSON_GetObjectItemCaseSensitive(vc->spec, "trust")->valuestring));
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vc->spec, "status"))) {
		ARG("--status");
		OWN(dupf("%s/status", MCK_FIXTURES));
	}
	ARG("--now");
	OWN(dupf("%.0f", cJSON_GetObjectItemCaseSensitive(vc->spec, "now")->valuedouble));
	if (vc->mode == MODE_IMAGE) {
		cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(vc->spec, "images")) {
			ARG("--image");
			OWN(dupf("%s/%s", vc->dir, it->valuestring));
		}
	} else {
		for (int i = 0; i < 9; i++) {
			char *path = dupf("%s/input%d.txt", vc->dir, i);
			char *text = slurp(path);

			free(path);
			if (text == NULL) {
				break;
			}
			ARG("--text");
			OWN(text);
		}
	}
	argv[argc] = NULL;
	assert_true(argc < MAX_ARGS);
	rc = mck_test_run(argv, NULL, &out);
	assert_non_null(out);
	check_answer(vc, rc, out);
	free(out);
	for (int i = 0; i < nowned; i++) {
		free(owned[i]);
	}
#undef ARG
#undef OWN
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct vcase *)a)->name, ((const struct vcase *)b)->name);
}

int main(void)
{
	char casedir[512];
	struct vcase cases[128];
	struct CMUnitTest tests[128];
	size_t n = 0;
	DIR *d;
	struct dirent *e;
	int rc;

	snprintf(casedir, sizeof(casedir), "%s/cases", MCK_FIXTURES);
	d = opendir(casedir);
	if (d == NULL) {
		fprintf(stderr, "no fixtures at %s\n", casedir);
		return 1;
	}
	while ((e = readdir(d)) != NULL && n + 2 <= 128) {
		char specpath[1400];
		char *spec;
		cJSON *json;

		if (e->d_name[0] == '.') {
			continue;
		}
		snprintf(specpath, sizeof(specpath), "%s/%s/case.json", casedir, e->d_name);
		spec = slurp(specpath);
		json = spec != NULL ? cJSON_Parse(spec) : NULL;
		free(spec);
		if (json == NULL) {
			fprintf(stderr, "bad case %s\n", e->d_name);
			closedir(d);
			return 1;
		}
		for (int m = 0; m < 2; m++) {
			struct vcase *vc = &cases[n];

			if (m == MODE_TEXT &&
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(json, "imageOnly"))) {
				continue;
			}
			snprintf(vc->name, sizeof(vc->name), "%s/%s", e->d_name,
				 m == MODE_TEXT ? "text" : "image");
			snprintf(vc->dir, sizeof(vc->dir), "%s/%s", casedir, e->d_name);
			vc->spec = cJSON_Duplicate(json, 1);
			vc->mode = (enum mode)m;
			n++;
		}
		cJSON_Delete(json);
	}
	closedir(d);
	qsort(cases, n, sizeof(cases[0]), by_name);
	for (size_t i = 0; i < n; i++) {
		memset(&tests[i], 0, sizeof(tests[i]));
		tests[i].name = cases[i].name;
		tests[i].test_func = run_case;
		tests[i].initial_state = &cases[i];
	}
	rc = _cmocka_run_group_tests("conformance", tests, n, NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		cJSON_Delete(cases[i].spec);
	}
	return rc;
}
