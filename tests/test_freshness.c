/*
 * How fresh the trust data is (issue #17): the update records read as hostile
 * files (missing, damaged, huge, a link, a FIFO), their text made one short
 * line, and the operator's facts at a fixed clock (ages, "never"/"unknown",
 * which update was last, whether one failed after it, status lists going stale).
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "freshness.h"
#include "mck/err.h"
#include "mck/statuslist.h"
#include "support/mint.h"
#include "trust.h"

#define DAY  86400
#define IAT  1790000000
#define NEXT (IAT + 30 * DAY)

static char spool[] = "/tmp/mck-fresh-XXXXXX";

/* Write a record as mcupdate does: a new file renamed over the old one (a new inode). */
static void put(const char *name, const char *text)
{
	char path[256];
	char tmp[300];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", spool, name);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(rename(tmp, path), 0);
}

static void drop(const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", spool, name);
	unlink(path);
	rmdir(path);
}

static int make_spool(void **state)
{
	(void)state;
	return mkdtemp(spool) != NULL ? 0 : -1;
}

static int remove_spool(void **state)
{
	(void)state;
	drop(MCK_FRESH_FETCH);
	drop(MCK_FRESH_STICK);
	drop("target.json");
	return rmdir(spool);
}

static enum mck_fresh_state parse(struct mck_fresh_record *r, bool stick, const char *text)
{
	return mck_freshness_parse(r, stick, text, strlen(text));
}

static void test_fetch_record(void **state)
{
	struct mck_fresh_record r;

	(void)state;
	assert_int_equal(parse(&r, false,
			       "{\"lastAttempt\":300,\"lastSuccess\":100,\"lastFailure\":300,"
			       "\"cause\":\"mirror_unreadable: timed out\",\"sequence\":7,"
			       "\"etag\":null,\"lastModified\":null}\n"),
			 MCK_FRESH_READ);
	assert_int_equal(r.attempt, 300);
	assert_int_equal(r.success, 100);
	assert_int_equal(r.failure, 300);
	assert_string_equal(r.cause, "mirror_unreadable: timed out");
	/* never a success yet; an attempt no earlier than what it ended in */
	assert_int_equal(parse(&r, false,
			       "{\"lastAttempt\":50,\"lastSuccess\":null,\"lastFailure\":60,"
			       "\"cause\":null}"),
			 MCK_FRESH_READ);
	assert_int_equal(r.attempt, 60);
	assert_int_equal(r.success, 0);
	assert_string_equal(r.cause, "");
	/* not the schema: damaged, nothing of it kept */
	static const char *const damaged[] = {
		"",
		"not json",
		"[1,2]",
		" {\"lastAttempt\":1}",
		"{\"lastAttempt\":1",
		"{\"lastAttempt\":\"yesterday\"}",
		"{\"lastAttempt\":-5}",
		"{\"lastAttempt\":1.5}",
		"{\"lastAttempt\":1e300}",
		"{\"lastAttempt\":1,\"lastAttempt\":2}",
		"{\"lastAttempt\":1,\"cause\":7}",
		"{\"lastAttempt\":null,\"lastSuccess\":null,\"lastFailure\":null}",
		"{}",
		"{\"lastAttempt\":1,\"cause\":\"\xff\xfe\"}",
		"{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}},\"lastAttempt\":1}",
	};
	for (size_t i = 0; i < sizeof(damaged) / sizeof(damaged[0]); i++) {
		r.attempt = 99;
		assert_int_equal(parse(&r, false, damaged[i]), MCK_FRESH_DAMAGED);
		assert_int_equal(r.attempt, 0);
		assert_int_equal(r.success, 0);
		assert_string_equal(r.cause, "");
	}
}

static void test_stick_record(void **state)
{
	struct mck_fresh_record r;

	(void)state;
	/* as mck-media-update writes it */
	assert_int_equal(parse(&r, true,
			       "{\"time\":1000,\"exit\":0,\"message\":\"installed sequence 6\","
			       "\"sequence\":6}\n"),
			 MCK_FRESH_READ);
	assert_int_equal(r.attempt, 1000);
	assert_int_equal(r.success, 1000);
	assert_int_equal(r.failure, 0);
	assert_string_equal(r.cause, ""); /* a success has no cause */
	assert_int_equal(parse(&r, true,
			       "{\"time\":2000,\"exit\":2,\"message\":\"mcupdate: refused: "
			       "rollback\",\"sequence\":null}"),
			 MCK_FRESH_READ);
	assert_int_equal(r.success, 0);
	assert_int_equal(r.failure, 2000);
	assert_string_equal(r.cause, "mcupdate: refused: rollback");
	assert_int_equal(parse(&r, true, "{\"time\":2000,\"exit\":4}"), MCK_FRESH_READ);
	assert_int_equal(r.failure, 2000);
	assert_int_equal(parse(&r, true, "{\"time\":2000,\"message\":\"x\"}"), MCK_FRESH_DAMAGED);
	assert_int_equal(parse(&r, true, "{\"exit\":0}"), MCK_FRESH_DAMAGED);
	assert_int_equal(parse(&r, true, "{\"time\":2000,\"exit\":256}"), MCK_FRESH_DAMAGED);
	assert_int_equal(parse(&r, true, "{\"time\":2000,\"exit\":\"0\"}"), MCK_FRESH_DAMAGED);
}

/* A cause is one short line whatever the file holds: no controls, no bidi tricks, capped. */
static void test_cause_is_one_safe_line(void **state)
{
	struct mck_fresh_record r;
	char *text;
	char big[2000];

	(void)state;
	assert_int_equal(parse(&r, true,
			       "{\"time\":1,\"exit\":3,\"message\":\"  one\\ntwo\\r\\n\\tthree"
			       "\\u001b[2J\\u0007 four\\u202e evil \\u0000x  \"}"),
			 MCK_FRESH_DAMAGED); /* "\u0000" is refused by the strict reader */
	assert_int_equal(parse(&r, true,
			       "{\"time\":1,\"exit\":3,\"message\":\"  one\\ntwo\\r\\n\\tthree"
			       "\\u001b[2J\\u0007 four\\u202e evil\\u0085  \"}"),
			 MCK_FRESH_READ);
	for (const char *p = r.cause; *p != '\0'; p++) {
		assert_true((unsigned char)*p >= 0x20u && *p != 0x7f);
	}
	assert_null(strstr(r.cause, "\xe2\x80\xae")); /* U+202E, right-to-left override */
	assert_null(strstr(r.cause, "\xc2\x85"));     /* U+0085, a C1 control */
	assert_non_null(strstr(r.cause, "one two three [2J four"));
	assert_true(r.cause[0] == 'o');
	assert_true(r.cause[strlen(r.cause) - 1] != ' ');
	/* a long message is cut, at a character boundary, with an ellipsis */
	memset(big, 0, sizeof(big));
	for (size_t i = 0; i + 2 < 1500; i += 2) {
		memcpy(big + i, "\xc3\xa9", 2); /* é */
	}
	text = mck_test_fmt("{\"time\":1,\"exit\":2,\"message\":\"%s\"}", big);
	assert_int_equal(parse(&r, true, text), MCK_FRESH_READ);
	free(text);
	assert_true(strlen(r.cause) < MCK_FRESH_CAUSE);
	assert_true(strlen(r.cause) > MCK_FRESH_CAUSE / 2);
	assert_non_null(strstr(r.cause, "\xe2\x80\xa6")); /* … */
	assert_null(strstr(r.cause, "\xef\xbf\xbd"));     /* no half a character made U+FFFD */
}

static void test_read_spool(void **state)
{
	struct mck_freshness f;
	char path[256];
	char target[256];
	int fd;

	(void)state;
	/* nothing recorded: both missing ("never") */
	mck_freshness_read(&f, NULL);
	assert_int_equal(f.fetch.state, MCK_FRESH_MISSING);
	assert_int_equal(f.stick.state, MCK_FRESH_MISSING);
	assert_false(mck_freshness_changed(&f));
	mck_freshness_read(&f, "/nonexistent/mck-spool");
	assert_int_equal(f.fetch.state, MCK_FRESH_MISSING);
	assert_int_equal(f.stick.state, MCK_FRESH_MISSING);
	mck_freshness_read(&f, spool);
	assert_int_equal(f.fetch.state, MCK_FRESH_MISSING);
	assert_int_equal(f.stick.state, MCK_FRESH_MISSING);

	put(MCK_FRESH_FETCH, "{\"lastAttempt\":10,\"lastSuccess\":10,\"lastFailure\":null}");
	put(MCK_FRESH_STICK, "{\"time\":20,\"exit\":0,\"message\":\"ok\",\"sequence\":3}\n");
	assert_true(mck_freshness_changed(&f));
	mck_freshness_read(&f, spool);
	assert_false(mck_freshness_changed(&f));
	assert_int_equal(f.fetch.state, MCK_FRESH_READ);
	assert_int_equal(f.fetch.success, 10);
	assert_int_equal(f.stick.state, MCK_FRESH_READ);
	assert_int_equal(f.stick.success, 20);

	/* rewritten (as mcupdate does: a new file renamed over it), removed: noticed */
	put(MCK_FRESH_FETCH, "{\"lastAttempt\":30,\"lastSuccess\":30,\"lastFailure\":null}");
	assert_true(mck_freshness_changed(&f));
	mck_freshness_read(&f, spool);
	assert_int_equal(f.fetch.success, 30);
	drop(MCK_FRESH_STICK);
	assert_true(mck_freshness_changed(&f));
	mck_freshness_read(&f, spool);
	assert_int_equal(f.stick.state, MCK_FRESH_MISSING);

	/* a symbolic link is refused, even to a good record */
	snprintf(target, sizeof(target), "%s/target.json", spool);
	snprintf(path, sizeof(path), "%s/%s", spool, MCK_FRESH_STICK);
	put("target.json", "{\"time\":20,\"exit\":0}");
	assert_int_equal(symlink(target, path), 0);
	mck_freshness_read(&f, spool);
	assert_int_equal(f.stick.state, MCK_FRESH_DAMAGED);
	drop(MCK_FRESH_STICK);

	/* a FIFO is refused without waiting for a writer */
	assert_int_equal(mkfifo(path, 0600), 0);
	mck_freshness_read(&f, spool);
	assert_int_equal(f.stick.state, MCK_FRESH_DAMAGED);
	drop(MCK_FRESH_STICK);

	/* a directory */
	assert_int_equal(mkdir(path, 0700), 0);
	mck_freshness_read(&f, spool);
	assert_int_equal(f.stick.state, MCK_FRESH_DAMAGED);
	drop(MCK_FRESH_STICK);

	/* huge: refused by its size, not read (a sparse 1 GiB file) */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)1 << 30), 0);
	assert_int_equal(close(fd), 0);
	mck_freshness_read(&f, spool);
	assert_int_equal(f.stick.state, MCK_FRESH_DAMAGED);
	drop(MCK_FRESH_STICK);
	/* one byte over the bound is too much already */
	char *over = calloc(1, MCK_FRESH_RECORD_MAX + 2);
	assert_non_null(over);
	memcpy(over, "{\"time\":20,\"exit\":0}", 20);
	memset(over + 20, ' ', MCK_FRESH_RECORD_MAX + 1 - 20);
	put(MCK_FRESH_STICK, over);
	mck_freshness_read(&f, spool);
	assert_int_equal(f.stick.state, MCK_FRESH_DAMAGED);
	over[MCK_FRESH_RECORD_MAX] = '\0'; /* at the bound: read */
	put(MCK_FRESH_STICK, over);
	mck_freshness_read(&f, spool);
	assert_int_equal(f.stick.state, MCK_FRESH_READ);
	free(over);
	drop(MCK_FRESH_STICK);

	/* the spool itself a link: nothing through it */
	snprintf(path, sizeof(path), "%s-link", spool);
	unlink(path);
	assert_int_equal(symlink(spool, path), 0);
	mck_freshness_read(&f, path);
	assert_int_equal(f.fetch.state, MCK_FRESH_DAMAGED);
	assert_int_equal(unlink(path), 0);
	drop(MCK_FRESH_FETCH);
}

static struct mck_freshness records(const char *fetch, const char *stick)
{
	struct mck_freshness f;

	memset(&f, 0, sizeof(f));
	if (fetch != NULL) {
		parse(&f.fetch, false, fetch);
	}
	if (stick != NULL) {
		parse(&f.stick, true, stick);
	}
	return f;
}

/* Which update was the last, which attempt, and whether one failed after it (no list). */
static void test_update_history(void **state)
{
	struct mck_view_fresh v;
	struct mck_freshness f;
	const int64_t now = IAT + 10 * DAY;

	(void)state;
	f = records(NULL, NULL);
	mck_freshness_present(&f, NULL, now, &v);
	assert_int_equal(v.success.known, MCK_VIEW_NEVER);
	assert_int_equal(v.attempt.known, MCK_VIEW_NEVER);
	assert_false(v.failed);
	assert_false(v.attempt_failed);

	/* a damaged record: not "never" */
	f = records("{\"lastAttempt\":\"x\"}", NULL);
	mck_freshness_present(&f, NULL, now, &v);
	assert_int_equal(v.success.known, MCK_VIEW_UNKNOWN);
	assert_int_equal(v.attempt.known, MCK_VIEW_UNKNOWN);

	/* the network's success, then a stick that failed: its cause, and the warning */
	f = records("{\"lastAttempt\":1790000000,\"lastSuccess\":1790000000,\"lastFailure\":null}",
		    "{\"time\":1790600000,\"exit\":2,\"message\":\"refused\"}");
	mck_freshness_present(&f, NULL, now, &v);
	assert_int_equal(v.success.known, MCK_VIEW_KNOWN);
	assert_int_equal(v.success_via, MCK_VIEW_VIA_NETWORK);
	assert_string_equal(v.success.at, "2026-09-21 14:13 UTC");
	assert_int_equal(v.success.age_s, 10 * DAY);
	assert_int_equal(v.attempt_via, MCK_VIEW_VIA_STICK);
	assert_int_equal(v.attempt.age_s, now - 1790600000);
	assert_true(v.attempt_failed);
	assert_string_equal(v.cause, "refused");
	assert_true(v.failed);

	/* a stick that worked after the network failed: no warning, the stick's success */
	f = records("{\"lastAttempt\":1790100000,\"lastSuccess\":1790000000,"
		    "\"lastFailure\":1790100000,\"cause\":\"mirror_unreadable: 404\"}",
		    "{\"time\":1790200000,\"exit\":0}");
	mck_freshness_present(&f, NULL, now, &v);
	assert_int_equal(v.success_via, MCK_VIEW_VIA_STICK);
	assert_int_equal(v.success.age_s, now - 1790200000);
	assert_false(v.attempt_failed);
	assert_false(v.failed);
	assert_string_equal(v.cause, "");

	/* the network failed last, after the stick's success */
	f = records("{\"lastAttempt\":1790300000,\"lastSuccess\":1790000000,"
		    "\"lastFailure\":1790300000,\"cause\":\"mirror_unreadable: 404\"}",
		    "{\"time\":1790200000,\"exit\":0}");
	mck_freshness_present(&f, NULL, now, &v);
	assert_int_equal(v.attempt_via, MCK_VIEW_VIA_NETWORK);
	assert_true(v.attempt_failed);
	assert_true(v.failed);
	assert_string_equal(v.cause, "mirror_unreadable: 404");

	/* an old failure before the last success is history, not a warning */
	f = records("{\"lastAttempt\":1790300000,\"lastSuccess\":1790300000,"
		    "\"lastFailure\":1790000000,\"cause\":\"old\"}",
		    NULL);
	mck_freshness_present(&f, NULL, now, &v);
	assert_false(v.attempt_failed);
	assert_false(v.failed);

	/* a record from the future (a clock gone back): its date, no age */
	f = records("{\"lastAttempt\":1800000000,\"lastSuccess\":1800000000}", NULL);
	mck_freshness_present(&f, NULL, now, &v);
	assert_int_equal(v.success.known, MCK_VIEW_KNOWN);
	assert_int_equal(v.success.age_s, -1);
}

static struct mck_statuslist list_at(int64_t iat, bool has_exp, int64_t exp)
{
	return (struct mck_statuslist){.iat = iat, .has_exp = has_exp, .exp = exp};
}

/* The lists' ages and deadlines by the verifier's clock. */
static void test_list_ages(void **state)
{
	struct mck_test_key anchor;
	struct mck_anchors *anchors;
	struct mck_trustlist *trust = NULL;
	struct mck_statuslist lists[3];
	struct mck_statusset set = {.lists = lists, .count = 0};
	struct mck_verifier_cfg cfg = {.status = &set, .grace_seconds = DAY};
	struct mck_freshness f = records(NULL, NULL);
	struct mck_view_fresh v;
	char *issuers;
	char *jws;

	(void)state;
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	anchors = mck_test_anchors(&anchor);
	issuers = mck_test_fmt("{\"id\":\"https://a.example\",\"status\":\"active\","
			       "\"keys\":[{%s}]}",
			       anchor.members);
	jws = mck_test_trustlist(&anchor, 1, IAT, NEXT, issuers);
	free(issuers);
	assert_int_equal(mck_trustlist_load(&trust, anchors, jws, strlen(jws), NULL, 0), MCK_OK);
	free(jws);
	cfg.trust = trust;

	/* no status lists */
	mck_freshness_present(&f, &cfg, IAT + 3 * DAY + 5, &v);
	assert_int_equal(v.trustlist.known, MCK_VIEW_KNOWN);
	assert_int_equal(v.trustlist.age_s, 3 * DAY + 5);
	assert_int_equal(v.status_lists, 0);
	assert_int_equal(v.status.known, MCK_VIEW_NEVER);
	assert_int_equal(v.status_due, 0);

	/* the oldest list's age; one due within MCK_VIEW_DUE_DAYS, none past */
	lists[0] = list_at(IAT - 2 * DAY, true, IAT + 40 * DAY);
	lists[1] = list_at(IAT - 5 * DAY, true, IAT + 9 * DAY);
	lists[2] = list_at(IAT, false, 0);
	set.count = 3;
	mck_freshness_present(&f, &cfg, IAT + 3 * DAY, &v);
	assert_int_equal(v.status_lists, 3);
	assert_int_equal(v.status.age_s, 8 * DAY);
	assert_int_equal(v.status_due, 1);
	assert_false(v.status_stale);
	assert_string_equal(v.status_exp, "2026-09-30");
	/* a day earlier it was not due yet */
	mck_freshness_present(&f, &cfg, IAT + DAY - 1, &v);
	assert_int_equal(v.status_due, 0);
	/* past its exp: stale */
	mck_freshness_present(&f, &cfg, IAT + 9 * DAY + 1, &v);
	assert_int_equal(v.status_due, 1);
	assert_true(v.status_stale);

	/* a clock before the list's iat is not trusted: dates, no ages */
	mck_freshness_present(&f, &cfg, IAT - 100, &v);
	assert_int_equal(v.trustlist.known, MCK_VIEW_KNOWN);
	assert_string_equal(v.trustlist.at, "2026-09-21 14:13 UTC");
	assert_int_equal(v.trustlist.age_s, -1);
	assert_int_equal(v.status.age_s, -1);

	mck_trustlist_destroy(trust);
	mck_anchors_destroy(anchors);
	mck_test_key_free(&anchor);
}

/*
 * The kiosk's trust state carries the records: read with it, read again when
 * a record changes (no SIGHUP needed), from STATE-update without --spool.
 */
static void test_trust_rereads(void **state)
{
	struct mck_store_opts src = {.anchors = MCK_FIXTURES "/anchors",
				     .trust = MCK_FIXTURES "/trust/trustlist.jws",
				     .status = MCK_FIXTURES "/status"};
	struct mck_view_status st;
	struct mck_trust t;
	char dir[256];
	char path[300];
	char state_dir[300];

	(void)state;
	memset(&t, 0, sizeof(t));
	memset(&st, 0, sizeof(st));
	t.spool = spool;
	put(MCK_FRESH_FETCH, "{\"lastAttempt\":1794000000,\"lastSuccess\":1794000000}");
	mck_trust_load(&t, &src);
	assert_non_null(mck_trust_cfg(&t));
	mck_trust_present_fresh(&t, &st, 1795000000);
	assert_int_equal(st.fresh.success.known, MCK_VIEW_KNOWN);
	assert_int_equal(st.fresh.success.age_s, 1000000);
	assert_true(st.fresh.status_lists > 0);
	assert_int_equal(st.fresh.trustlist.known, MCK_VIEW_KNOWN);
	assert_false(st.fresh.failed);
	/* the fetch service failed since: the next refresh says so */
	put(MCK_FRESH_FETCH, "{\"lastAttempt\":1794500000,\"lastSuccess\":1794000000,"
			     "\"lastFailure\":1794500000,\"cause\":\"mirror_unreadable: 503\"}");
	mck_trust_present_fresh(&t, &st, 1795000000);
	assert_true(st.fresh.failed);
	assert_string_equal(st.fresh.cause, "mirror_unreadable: 503");
	drop(MCK_FRESH_FETCH);
	mck_trust_present_fresh(&t, &st, 1795000000);
	assert_int_equal(st.fresh.success.known, MCK_VIEW_NEVER);
	mck_trust_free(&t);

	/* no --spool: the state directory's name with "-update" (a trailing slash aside) */
	snprintf(dir, sizeof(dir), "%s/state-update", spool);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/%s", dir, MCK_FRESH_STICK);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"time\":1794000000,\"exit\":4,\"message\":\"no medium given\"}", f);
	assert_int_equal(fclose(f), 0);
	snprintf(state_dir, sizeof(state_dir), "%s/state/", spool);
	memset(&t, 0, sizeof(t));
	src = (struct mck_store_opts){.anchors = MCK_FIXTURES "/anchors", .state = state_dir};
	mck_trust_load(&t, &src); /* no such state: no trust list, the records all the same */
	assert_null(mck_trust_cfg(&t));
	mck_trust_present_fresh(&t, &st, 1795000000);
	assert_int_equal(st.fresh.attempt.known, MCK_VIEW_KNOWN);
	assert_int_equal(st.fresh.attempt_via, MCK_VIEW_VIA_STICK);
	assert_true(st.fresh.failed);
	assert_string_equal(st.fresh.cause, "no medium given");
	mck_trust_free(&t);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fetch_record),           cmocka_unit_test(test_stick_record),
		cmocka_unit_test(test_cause_is_one_safe_line), cmocka_unit_test(test_read_spool),
		cmocka_unit_test(test_update_history),         cmocka_unit_test(test_list_ages),
		cmocka_unit_test(test_trust_rereads),
	};
	return cmocka_run_group_tests(tests, make_spool, remove_spool);
}
