/*
 * The kiosk's status facts follow the verifier's own rule for time: the status
 * bar never says "clock set" while the verdicts say clock_unset (issue #13).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/err.h"
#include "mck/verify.h"
#include "present.h"
#include "support/mint.h"

#define IAT  1790000000
#define NEXT 1800000000

static struct mck_test_key anchor;
static struct mck_test_key issuer;
static struct mck_anchors *anchors;
static struct mck_trustlist *trust;

static int setup(void **state)
{
	char *issuers;
	char *jws;

	(void)state;
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer, MCK_KEY_EC_P256);
	anchors = mck_test_anchors(&anchor);
	issuers = mck_test_fmt("{\"id\":\"https://a.example\",\"status\":\"active\","
			       "\"keys\":[{%s}]}",
			       issuer.members);
	jws = mck_test_trustlist(&anchor, 1, IAT, NEXT, issuers);
	free(issuers);
	if (mck_trustlist_load(&trust, anchors, jws, strlen(jws), NULL, 0) != MCK_OK) {
		return -1;
	}
	free(jws);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mck_trustlist_destroy(trust);
	mck_anchors_destroy(anchors);
	mck_test_key_free(&anchor);
	mck_test_key_free(&issuer);
	return 0;
}

/* status: clock set? list out of date? — and what a verdict at that clock would use */
static void expect(const struct mck_verifier_cfg *cfg, int64_t clock, bool clock_ok, bool expired)
{
	struct mck_view view;
	int64_t at;

	memset(&view, 0, sizeof(view));
	mck_present_status(&view, cfg, clock, true);
	assert_true(view.status.have_trustlist);
	assert_int_equal(view.status.clock_ok, clock_ok);
	assert_int_equal(view.status.trustlist_expired, expired);
	assert_int_equal(mck_verifier_time(cfg, clock, &at) == MCK_TIME_GIVEN, clock_ok);
}

static void test_status_follows_the_verifier_clock(void **state)
{
	struct mck_verifier_cfg cfg = {.trust = trust, .grace_seconds = 86400};
	struct mck_view view;

	(void)state;
	expect(&cfg, IAT + 10, true, false);
	expect(&cfg, IAT - 10, false, false);
	expect(&cfg, NEXT + 86400 + 1, true, true);
	/* The state's floor is after the clock: the verifier says clock_unset, so must the bar. */
	cfg.trusted_time = IAT + 1000;
	expect(&cfg, IAT + 10, false, false);
	expect(&cfg, IAT + 1000, true, false);
	/* A floor beyond nextUpdate + grace makes the list out of date whatever the clock says. */
	cfg.trusted_time = NEXT + 2 * 86400;
	expect(&cfg, IAT + 10, false, true);
	/* Without a list there is nothing to judge a clock by. */
	memset(&view, 0, sizeof(view));
	mck_present_status(&view, NULL, 0, false);
	assert_false(view.status.have_trustlist);
	assert_true(view.status.clock_ok);
	assert_false(view.status.camera_ok);
}

/* A result the kiosk could not check is never a forgery on screen, and shows nothing of it. */
static void test_cannot_check_is_not_a_forgery(void **state)
{
	struct mck_result res;
	struct mck_view view;

	(void)state;
	memset(&res, 0, sizeof(res));
	res.verdict = MCK_VERDICT_INVALID;
	res.reasons = MCK_REASON_BIT(MCK_REASON_TRUSTLIST_EXPIRED);
	res.has_credential = true;
	res.cred.learner = "Anna Kowalska";
	res.cred.title = "Cloud Security Fundamentals";
	memset(&view, 0, sizeof(view));
	mck_present_result(&view, &res);
	assert_int_equal(view.screen, MCK_SCREEN_RESULT);
	assert_true(view.cannot_check);
	assert_false(view.has_credential);
	assert_string_equal(view.learner, "");
	assert_string_equal(view.title, "");
	/* the list out of date by the status facts, whatever the verifier stopped at */
	assert_true(mck_present_cannot_check(MCK_VERDICT_INVALID,
					     MCK_REASON_BIT(MCK_REASON_KEY_UNKNOWN), true));
	assert_true(mck_present_cannot_check(MCK_VERDICT_UNUSABLE,
					     MCK_REASON_BIT(MCK_REASON_TRUSTLIST_MISSING), false));
	/* a forgery checked against a current list is one; unreadable stays unreadable */
	assert_false(mck_present_cannot_check(MCK_VERDICT_INVALID,
					      MCK_REASON_BIT(MCK_REASON_SIGNATURE_INVALID), false));
	assert_false(mck_present_cannot_check(MCK_VERDICT_UNREADABLE,
					      MCK_REASON_BIT(MCK_REASON_NO_CODE), true));
	/* a genuine credential against a current list shows its details */
	res.verdict = MCK_VERDICT_VALID;
	res.reasons = 0;
	mck_present_result(&view, &res);
	assert_false(view.cannot_check);
	assert_true(view.has_credential);
	assert_string_equal(view.learner, "Anna Kowalska");
}

/* Staff are warned a week before the list is due, and once it is past due. */
static void test_due_warning(void **state)
{
	struct mck_verifier_cfg cfg = {.trust = trust, .grace_seconds = 30 * 86400};
	struct mck_view view;

	(void)state;
	memset(&view, 0, sizeof(view));
	mck_present_status(&view, &cfg, NEXT - 8 * 86400 - 1, true);
	assert_int_equal(view.status.due_in_days, 8);
	assert_false(view.status.due_soon);
	mck_present_status(&view, &cfg, NEXT - 7 * 86400, true);
	assert_int_equal(view.status.due_in_days, 7);
	assert_true(view.status.due_soon);
	mck_present_status(&view, &cfg, NEXT + 1, true);
	assert_int_equal(view.status.due_in_days, -1);
	assert_true(view.status.due_soon);
	assert_false(view.status.trustlist_expired);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_follows_the_verifier_clock),
		cmocka_unit_test(test_cannot_check_is_not_a_forgery),
		cmocka_unit_test(test_due_warning),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
