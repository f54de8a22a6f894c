/* The kiosk's entry-requirements check (app/kiosk/check.c): the view it fills,
 * what it lists, the decision, and that ending it leaves nothing of the learner. */
#define _GNU_SOURCE /* mkstemp, strcasestr */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "check.h"

#define NOW INT64_C(1795000000)

static const char policy_text[] =
	"{\"name\":\"Admission \\u0007 test\",\"acceptWarnings\":[\"incomplete\"],"
	"\"requirements\":[{\"id\":\"level\",\"label\":{\"en\":\"EQF 4+\",\"pl\":\"EQF 4 lub "
	"wy\xc5\xbcszy\"},\"match\":{\"minEqfLevel\":4},\"need\":{\"count\":1}},"
	"{\"id\":\"ects\",\"match\":{\"titleAny\":[\"cloud\"]},\"need\":{\"ects\":4}}]}";

static char policy_path[] = "/tmp/mck-check-XXXXXX";

static int setup(void **state)
{
	int fd = mkstemp(policy_path);

	(void)state;
	if (fd < 0 ||
	    write(fd, policy_text, sizeof(policy_text) - 1) != (ssize_t)(sizeof(policy_text) - 1)) {
		return -1;
	}
	close(fd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(policy_path);
	return 0;
}

static void result(struct mck_result *r, enum mck_verdict verdict, const char *jti,
		   const char *title, int eqf, double ects)
{
	cJSON *root = cJSON_CreateObject();

	memset(r, 0, sizeof(*r));
	cJSON_AddStringToObject(root, "t", title);
	r->verdict = verdict;
	r->now = NOW;
	r->has_credential = verdict != MCK_VERDICT_UNREADABLE;
	if (verdict == MCK_VERDICT_UNREADABLE) {
		r->reasons = MCK_REASON_BIT(MCK_REASON_NO_CODE);
	}
	r->cred.root = root;
	r->cred.jti = jti;
	r->cred.iss = "https://cert.example-vet.pl";
	r->cred.issuer_name = "Example \xe2\x80\xae VET"; /* a bidi override: sanitised */
	r->cred.country = "PL";
	r->cred.title = cJSON_GetObjectItem(root, "t")->valuestring;
	r->cred.learner = "Anna Kowalska";
	r->cred.eqf_level = eqf;
	r->cred.has_ects = true;
	r->cred.ects = ects;
	r->cred.nbf = NOW - 86400;
}

static void add(struct mck_check *c, struct mck_view *v, enum mck_verdict verdict, const char *jti,
		const char *title, int eqf, double ects)
{
	struct mck_result r;

	result(&r, verdict, jti, title, eqf, ects);
	mck_check_add(c, v, &r);
	cJSON_Delete(r.cred.root);
}

static void test_load_and_policy_view(void **state)
{
	struct mck_check c = {0};
	struct mck_view v;
	char err[256];

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(mck_check_load(&c, "/nonexistent/policy.json", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/policy.json"));
	assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), 0);
	v.lang = MCK_LANG_PL;
	mck_check_show_policy(&c, &v);
	assert_true(v.session.available);
	assert_int_equal(v.session.requirements, 2);
	assert_string_equal(v.session.req[0].label, "EQF 4 lub wy\xc5\xbcszy");
	assert_string_equal(v.session.req[1].label, "ects"); /* no label: the id */
	assert_int_equal(v.session.req[0].kind, MCK_VIEW_NEED_COUNT);
	assert_int_equal(v.session.req[1].kind, MCK_VIEW_NEED_ECTS);
	assert_null(strchr(v.session.policy, '\a')); /* the policy name is sanitised too */
	mck_check_free(&c);
}

static void test_check_flow(void **state)
{
	struct mck_check c = {0};
	struct mck_view v;
	char err[256];

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), 0);
	mck_check_show_policy(&c, &v);
	mck_check_start(&c, &v, 0);
	assert_true(c.active);
	assert_int_equal(v.screen, MCK_SCREEN_SESSION);
	assert_false(v.session.latest);

	v.scroll = 3; /* the list scrolled to older ones: a new credential comes into view */
	add(&c, &v, MCK_VERDICT_VALID, "a", "Cloud basics", 5, 2);
	assert_int_equal(v.scroll, 0);
	assert_int_equal(v.session.creds, 1);
	assert_true(v.session.latest && v.session.latest_listed);
	assert_true(v.session.cred[0].counts);
	assert_true(v.session.req[0].met);
	assert_false(v.session.req[1].met);
	assert_true(v.session.req[1].have == 2);
	assert_null(strstr(v.session.cred[0].issuer, "\xe2\x80\xae"));

	/* unreadable: in the band, not in the list */
	add(&c, &v, MCK_VERDICT_UNREADABLE, NULL, "", 0, 0);
	assert_int_equal(v.verdict, MCK_VERDICT_UNREADABLE);
	assert_false(v.session.latest_listed);
	assert_int_equal(v.session.creds, 1);

	/* revoked: listed, never counted; the same credential again: counted once */
	add(&c, &v, MCK_VERDICT_INVALID, "r", "Cloud networking", 5, 3);
	add(&c, &v, MCK_VERDICT_VALID, "a", "Cloud basics", 5, 2);
	assert_int_equal(v.session.creds, 3);
	assert_false(v.session.cred[1].counts);
	assert_true(v.session.cred[2].duplicate);
	assert_false(v.session.cred[2].counts);
	assert_true(v.session.req[1].have == 2);

	add(&c, &v, MCK_VERDICT_VALID, "b", "Cloud security", 4, 2);
	assert_true(v.session.req[1].met);
	mck_check_finish(&c, &v, NOW);
	assert_int_equal(v.screen, MCK_SCREEN_DECISION);
	assert_true(v.session.met);
	assert_int_equal(strlen(v.session.reference), 9);
	assert_int_equal(v.session.reference[4], '-');
	/* the record as a QR text: the reference and decision, nothing of the learner */
	assert_memory_equal(v.session.record_qr, "MCKREC1 REF:", 12);
	assert_memory_equal(v.session.record_qr + 12, v.session.reference, 9);
	assert_non_null(strstr(v.session.record_qr, " DECISION:MET "));
	assert_non_null(strstr(v.session.record_qr, " LEARNER:SAME "));
	assert_null(strstr(v.session.record_qr, "Kowalska"));
	assert_null(strcasestr(v.session.record_qr, "cloud"));

	/* Done: nothing of the credentials stays, in the view or the session */
	mck_check_end(&c, &v);
	assert_false(c.active);
	assert_int_equal(v.screen, MCK_SCREEN_IDLE);
	assert_int_equal(v.session.creds, 0);
	assert_int_equal(v.session.cred[0].title[0], 0);
	assert_int_equal(v.session.reference[0], 0);
	assert_int_equal(v.session.record_qr[0], 0);
	assert_false(v.session.req[1].met);
	assert_int_equal(c.session.count, 0);
	assert_int_equal(c.session.item[0].title[0], 0);
	assert_true(v.session.available); /* the policy stays */
	assert_int_equal(v.session.requirements, 2);
	mck_check_free(&c);
}

/* A valid credential that adds nothing to any requirement does not "count". */
static void test_counts_only_when_added(void **state)
{
	struct mck_check c = {0};
	struct mck_view v;
	char err[256];

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), 0);
	mck_check_start(&c, &v, 0);
	add(&c, &v, MCK_VERDICT_VALID, "w", "Welding", 3, 2); /* EQF 3, not cloud */
	assert_int_equal(v.session.creds, 1);
	assert_true(v.session.req[0].have == 0 && v.session.req[1].have == 0);
	assert_false(v.session.cred[0].counts);
	add(&c, &v, MCK_VERDICT_VALID, "c", "Cloud", 5, 2);
	assert_true(v.session.cred[1].counts);
	mck_check_free(&c);
}

/* @p tmpl (a translation) with its "%s" replaced by @p args in order: what the screen shows. */
static const char *say(enum mck_lang lang, enum mck_text key, const char *const *args)
{
	static char out[2][512];
	static int turn;
	const char *t = mck_i18n_text(lang, key);
	char *o = out[turn ^= 1];
	size_t n = 0;

	for (; *t != '\0' && n + 1 < sizeof(out[0]); t++) {
		if (t[0] == '%' && t[1] == 's') {
			n += (size_t)snprintf(o + n, sizeof(out[0]) - n, "%s", *args++);
			t++;
		} else {
			o[n++] = *t;
		}
	}
	o[n] = '\0';
	return o;
}

#define SAY(lang, key, ...) say(lang, MCK_TEXT_##key, (const char *const[]){__VA_ARGS__})

/* Each listed credential says what it added, or why it added nothing, and whose it is. */
static void test_explain_view(void **state)
{
	const enum mck_lang en = MCK_LANG_EN;
	struct mck_check c = {0};
	struct mck_view v;
	struct mck_result r;
	char want[512];
	char err[256];

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), 0);
	mck_check_start(&c, &v, 0);
	add(&c, &v, MCK_VERDICT_VALID, "a", "Cloud basics", 5, 2);
	snprintf(want, sizeof(want), "%s; ",
		 SAY(en, SESSION_ADDED, "1", "1 credentials", "EQF 4+"));
	strcat(want, SAY(en, SESSION_ADDED, "2 ECTS", "2 ECTS", "ects"));
	assert_string_equal(v.session.cred[0].explain, want);
	assert_string_equal(v.session.cred[0].learner, "Anna Kowalska");
	assert_false(v.session.cred[0].other_person);
	add(&c, &v, MCK_VERDICT_VALID, "b", "Cloud security", 4, 2.5);
	snprintf(want, sizeof(want), "%s; ",
		 SAY(en, SESSION_ADDED, "1", "2 credentials", "EQF 4+"));
	strcat(want, SAY(en, SESSION_ADDED, "2.5 ECTS", "4.5 ECTS", "ects"));
	assert_string_equal(v.session.cred[1].explain, want);
	add(&c, &v, MCK_VERDICT_VALID, "w", "Welding", 3, 2);
	assert_string_equal(v.session.cred[2].explain,
			    SAY(en, SESSION_NO_MATCH, "title, EQF level"));
	assert_false(v.session.cred[2].counts);
	add(&c, &v, MCK_VERDICT_INVALID, "r", "Cloud networking", 5, 3);
	assert_string_equal(v.session.cred[3].explain,
			    SAY(en, SESSION_NO_MATCH, mck_i18n_text(en, MCK_TEXT_CRIT_VERDICT)));
	add(&c, &v, MCK_VERDICT_VALID, "a", "Cloud basics", 5, 2);
	assert_string_equal(v.session.cred[4].explain,
			    mck_i18n_text(en, MCK_TEXT_SESSION_DUPLICATE));
	/* EQF 5 but no ECTS stated: counts for the level, says nothing of ECTS */
	result(&r, MCK_VERDICT_VALID, "n", "Cloud", 5, 0);
	r.cred.has_ects = false;
	mck_check_add(&c, &v, &r);
	cJSON_Delete(r.cred.root);
	assert_string_equal(v.session.cred[5].explain,
			    SAY(en, SESSION_ADDED, "1", "3 credentials", "EQF 4+"));
	/* EQF 3, no ECTS: the credits are named too */
	result(&r, MCK_VERDICT_VALID, "m", "Cloud", 3, 0);
	r.cred.has_ects = false;
	mck_check_add(&c, &v, &r);
	cJSON_Delete(r.cred.root);
	assert_string_equal(v.session.cred[6].explain,
			    SAY(en, SESSION_NO_MATCH, "EQF level, ECTS"));
	/* another person's credential: flagged on the spot; names sanitised */
	result(&r, MCK_VERDICT_VALID, "x", "Cloud", 5, 1);
	r.cred.learner = "Jan \xe2\x80\xae Nowak";
	mck_check_add(&c, &v, &r);
	cJSON_Delete(r.cred.root);
	assert_true(v.session.cred[7].other_person);
	assert_false(v.session.cred[6].other_person);
	assert_null(strstr(v.session.cred[7].learner, "\xe2\x80\xae"));
	assert_non_null(strstr(v.session.cred[7].learner, "Nowak"));
	/* in the kiosk's language, with the policy's label in it */
	mck_check_end(&c, &v);
	v.lang = MCK_LANG_PL;
	mck_check_start(&c, &v, 0);
	add(&c, &v, MCK_VERDICT_VALID, "w", "Welding", 3, 2);
	snprintf(want, sizeof(want), "%s, %s", mck_i18n_text(MCK_LANG_PL, MCK_TEXT_CRIT_TITLE),
		 mck_i18n_text(MCK_LANG_PL, MCK_TEXT_CRIT_EQF));
	assert_string_equal(v.session.cred[0].explain, SAY(MCK_LANG_PL, SESSION_NO_MATCH, want));
	add(&c, &v, MCK_VERDICT_VALID, "a", "Cloud basics", 5, 2);
	assert_non_null(strstr(v.session.cred[1].explain, "EQF 4 lub wy\xc5\xbcszy"));
	assert_non_null(strstr(v.session.cred[1].explain,
			       mck_i18n_text(MCK_LANG_PL, MCK_TEXT_UNIT_CREDENTIALS)));
	/* Done wipes the names and explanations with the rest */
	mck_check_end(&c, &v);
	assert_int_equal(v.session.cred[0].learner[0], 0);
	assert_int_equal(v.session.cred[0].explain[0], 0);
	mck_check_free(&c);
}

/* A decision not met, of two people: the record's QR text says so, and names neither. */
static void test_record_qr_not_met(void **state)
{
	struct mck_check c = {0};
	struct mck_view v;
	struct mck_result r;
	char err[256];

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), 0);
	mck_check_start(&c, &v, 0);
	add(&c, &v, MCK_VERDICT_VALID, "a", "Cloud basics", 5, 2);
	result(&r, MCK_VERDICT_VALID, "x", "Cloud", 5, 1);
	r.cred.learner = "Jan Nowak";
	mck_check_add(&c, &v, &r);
	cJSON_Delete(r.cred.root);
	assert_true(v.session.cred[1].other_person);
	mck_check_finish(&c, &v, NOW);
	assert_false(v.session.met);
	assert_memory_equal(v.session.record_qr, "MCKREC1 REF:", 12);
	assert_memory_equal(v.session.record_qr + 12, v.session.reference, 9);
	assert_non_null(strstr(v.session.record_qr, " DECISION:NOT-MET "));
	assert_non_null(strstr(v.session.record_qr, " LEARNER:DIFFERENT "));
	assert_non_null(strstr(v.session.record_qr, " REQ:2/1+ 3/4-"));
	assert_null(strcasestr(v.session.record_qr, "nowak"));
	assert_null(strcasestr(v.session.record_qr, "kowalska"));
	mck_check_end(&c, &v);
	assert_int_equal(v.session.record_qr[0], 0);
	mck_check_free(&c);
}

/* 32 credentials fill a check: the 33rd is refused and the screen says to finish. */
static void test_check_full(void **state)
{
	struct mck_check c = {0};
	struct mck_view v;
	char err[256];
	char jti[16];

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), 0);
	mck_check_start(&c, &v, 0);
	for (int i = 0; i < MCK_SESSION_MAX; i++) {
		snprintf(jti, sizeof(jti), "j%d", i);
		add(&c, &v, MCK_VERDICT_VALID, jti, "Welding", 3, 1);
	}
	assert_true(v.session.full);
	add(&c, &v, MCK_VERDICT_VALID, "extra", "Cloud", 5, 5);
	assert_int_equal(v.session.creds, MCK_SESSION_MAX);
	assert_false(v.session.latest);
	assert_false(v.session.req[1].met);
	mck_check_free(&c);
}

/* Several policies: from a directory in name order; the operator's pick is the one checked. */
static void test_several_policies(void **state)
{
	struct mck_check c = {0};
	struct mck_view v;
	char dir[] = "/tmp/mck-policies-XXXXXX";
	char path[128];
	char err[512];
	FILE *f;

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%c.json", dir, "bca"[i]);
		f = fopen(path, "w");
		assert_non_null(f);
		fprintf(f,
			"{\"name\":\"Policy %c\",\"requirements\":[{\"id\":\"n\",\"need\":"
			"{\"count\":%d}}]}",
			"BCA"[i], i + 1);
		fclose(f);
	}
	snprintf(path, sizeof(path), "%s/notes.txt", dir); /* not a policy: skipped */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("not json", f);
	fclose(f);
	assert_int_equal(mck_check_load_dir(&c, dir, err, sizeof(err)), 0);
	assert_int_equal(c.count, 3);
	mck_check_show_policy(&c, &v);
	assert_int_equal(v.session.policies, 3);
	assert_string_equal(v.session.names[0], "Policy A");
	assert_string_equal(v.session.names[2], "Policy C");
	mck_check_start(&c, &v, 2);
	assert_string_equal(v.session.policy, "Policy C");
	assert_true(v.session.req[0].need == 2);
	add(&c, &v, MCK_VERDICT_VALID, "a", "Cloud", 5, 1);
	assert_false(v.session.req[0].met);
	mck_check_start(&c, &v, 7); /* no such policy: nothing changes */
	assert_string_equal(v.session.policy, "Policy C");
	mck_check_end(&c, &v);
	assert_int_equal(v.session.policies, 3); /* the choice stays on offer */
	/* a refused file refuses the directory, naming it */
	snprintf(path, sizeof(path), "%s/d.json", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"name\":\"x\",\"requirements\":[{\"id\":\"n\",\"need\":{\"cnt\":1}}]}", f);
	fclose(f);
	mck_check_free(&c);
	assert_int_equal(mck_check_load_dir(&c, dir, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "d.json"));
	mck_check_free(&c);
	/* at most MCK_CHECK_POLICIES */
	for (int i = 0; i < MCK_CHECK_POLICIES; i++) {
		assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), 0);
	}
	assert_int_equal(mck_check_load(&c, policy_path, err, sizeof(err)), -1);
	mck_check_free(&c);
	for (const char *n = "abcd"; *n != '\0'; n++) {
		snprintf(path, sizeof(path), "%s/%c.json", dir, *n);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_and_policy_view),
		cmocka_unit_test(test_check_flow),
		cmocka_unit_test(test_check_full),
		cmocka_unit_test(test_counts_only_when_added),
		cmocka_unit_test(test_explain_view),
		cmocka_unit_test(test_record_qr_not_met),
		cmocka_unit_test(test_several_policies),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
