/*
 * The mirror's manifest (every refusal of trust-list.md §6, before anything is
 * downloaded) and the record of network updates (fetch.json: round trip,
 * damage, hostile files).
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mck/mirror.h"

#define D64 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define TL  "{\"path\":\"trustlist.jws\",\"size\":1000,\"sha256\":\"" D64 "\"}"

static struct mck_manifest m; /* ~100 KB */

static int parse(const char *json, char *msg, size_t cap)
{
	return mck_manifest_parse(json, strlen(json), &m, msg, cap);
}

static void refused(const char *json, const char *why)
{
	char msg[256] = "";

	if (parse(json, msg, sizeof(msg)) != -1 || strstr(msg, why) == NULL) {
		fail_msg("accepted or wrong reason (%s) for %s", msg, json);
	}
	assert_int_equal(m.count, 0);
}

static void test_manifest_ok(void **state)
{
	char msg[256] = "";

	(void)state;
	assert_int_equal(parse("{\"sequence\":7,\"files\":[{\"path\":\"status/vet-1.jws\","
			       "\"size\":2310,\"sha256\":\"" D64 "\"}," TL "],\"extra\":1}",
			       msg, sizeof(msg)),
			 0);
	assert_int_equal(m.sequence, 7);
	assert_int_equal(m.count, 2);
	assert_string_equal(m.file[0].path, "trustlist.jws"); /* the trust list first */
	assert_int_equal(m.file[0].size, 1000);
	assert_string_equal(m.file[1].path, "status/vet-1.jws");
	assert_int_equal(m.file[1].size, 2310);
	assert_int_equal(m.file[1].sha256[0], 0x01);
	assert_int_equal(m.file[1].sha256[31], 0xef);
	/* upper-case hex is hex */
	assert_int_equal(parse("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":1,"
			       "\"sha256\":\"ABCDEF6789ABCDEF0123456789ABCDEF0123456789ABCDEF0123"
			       "456789ABCDEF\"}]}",
			       msg, sizeof(msg)),
			 0);
	assert_int_equal(m.file[0].sha256[0], 0xab);
}

static void test_manifest_paths(void **state)
{
	static const char *good[] = {
		"trustlist.jws",
		"status/a.jws",
		"status/A-z_0.9.jws",
		"status/..a.jws",
		"status/..jws",
		"status/...jws",
		"status/"
		"0123456789012345678901234567890123456789012345678901234567890123"
		".jws"};
	static const char *bad[] = {
		"../trustlist.jws",
		"/etc/passwd",
		"status/a/b.jws",
		"status/.jws",
		"status/a.JWS",
		"status/a b.jws",
		"status/a%2f.jws",
		"status/",
		"trustlist.jws/",
		"./trustlist.jws",
		"status/a.jws\n",
		"STATUS/a.jws",
		"status/"
		"01234567890123456789012345678901234567890123456789012345678901234"
		".jws",
		""};

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (!mck_manifest_path_ok(good[i])) {
			fail_msg("refused %s", good[i]);
		}
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (mck_manifest_path_ok(bad[i])) {
			fail_msg("accepted %s", bad[i]);
		}
	}
	refused("{\"sequence\":1,\"files\":[" TL ",{\"path\":\"../x.jws\",\"size\":1,\"sha256\":"
		"\"" D64 "\"}]}",
		"path");
}

static void test_manifest_refusals(void **state)
{
	static char big[MCK_MANIFEST_MAX + 2];

	(void)state;
	refused("[]", "not a JSON object");
	refused("{\"sequence\":1,\"files\":[" TL "]", "not a JSON object");
	refused("{\"files\":[" TL "]}", "sequence");
	refused("{\"sequence\":0,\"files\":[" TL "]}", "sequence");
	refused("{\"sequence\":1.5,\"files\":[" TL "]}", "sequence");
	refused("{\"sequence\":\"1\",\"files\":[" TL "]}", "sequence");
	refused("{\"sequence\":1e300,\"files\":[" TL "]}", "sequence");
	refused("{\"sequence\":1,\"files\":[]}", "files");
	refused("{\"sequence\":1,\"files\":{}}", "files");
	refused("{\"sequence\":1}", "files");
	refused("{\"sequence\":1,\"files\":[{\"path\":\"status/a.jws\",\"size\":1,\"sha256\":\"" D64
		"\"}]}",
		"0 trust lists");
	refused("{\"sequence\":1,\"files\":[" TL "," TL "]}", "2 trust lists");
	refused("{\"sequence\":1,\"files\":[" TL
		",{\"path\":\"status/a.jws\",\"size\":1,\"sha256\":"
		"\"" D64 "\"},{\"path\":\"status/a.jws\",\"size\":2,\"sha256\":\"" D64 "\"}]}",
		"twice");
	refused("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":0,\"sha256\":"
		"\"" D64 "\"}]}",
		"size");
	refused("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":-5,\"sha256\":"
		"\"" D64 "\"}]}",
		"size");
	refused("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":\"5\",\"sha256\":"
		"\"" D64 "\"}]}",
		"size");
	/* over the caps: checked before anything is fetched */
	refused("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":536870913,"
		"\"sha256\":\"" D64 "\"}]}",
		"over the cap");
	refused("{\"sequence\":1,\"files\":[" TL ",{\"path\":\"status/a.jws\",\"size\":25165825,"
		"\"sha256\":\"" D64 "\"}]}",
		"over the cap");
	refused("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":1,\"sha256\":"
		"\"abc\"}]}",
		"sha256");
	refused("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":1,\"sha256\":"
		"\"" D64 "\"" D64 "}]}",
		"not a JSON object");
	refused("{\"sequence\":1,\"files\":[{\"path\":\"trustlist.jws\",\"size\":1,\"sha256\":"
		"\"g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"}]}",
		"sha256");
	refused("{\"sequence\":1,\"files\":[\"trustlist.jws\"]}", "needs path");
	memset(big, ' ', sizeof(big) - 1);
	big[0] = '{';
	big[sizeof(big) - 2] = '}';
	refused(big, "over the cap");
}

/* The status lists together over the store's budget, each within its own cap. */
static void test_manifest_budget(void **state)
{
	size_t cap = 64 + (size_t)MCK_MANIFEST_FILES * 120;
	char *json = malloc(cap);
	char msg[256] = "";
	size_t n = 0;

	(void)state;
	assert_non_null(json);
	n += (size_t)snprintf(json + n, cap - n, "{\"sequence\":3,\"files\":[" TL);
	for (int i = 0; i < 6; i++) {
		n += (size_t)snprintf(json + n, cap - n,
				      ",{\"path\":\"status/l%d.jws\",\"size\":%u,\"sha256\":\"" D64
				      "\"}",
				      i, MCK_STATUS_JWS_MAX);
	}
	snprintf(json + n, cap - n, "]}");
	assert_int_equal(parse(json, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "together"));
	/* 1 + MCK_STATUS_LISTS_MAX files: as many as an install takes; one more is refused */
	for (int extra = 0; extra <= 1; extra++) {
		n = (size_t)snprintf(json, cap, "{\"sequence\":3,\"files\":[" TL);
		for (int i = 0; i < MCK_STATUS_LISTS_MAX + extra; i++) {
			n += (size_t)snprintf(json + n, cap - n,
					      ",{\"path\":\"status/%d.jws\",\"size\":9,\"sha256\":"
					      "\"" D64 "\"}",
					      i);
		}
		snprintf(json + n, cap - n, "]}");
		assert_int_equal(parse(json, msg, sizeof(msg)), extra ? -1 : 0);
	}
	assert_non_null(strstr(msg, "files"));
	free(json);
}

static char dir[64];

static int spool(void)
{
	int fd;

	strcpy(dir, "/tmp/test_mirror.XXXXXX");
	assert_non_null(mkdtemp(dir));
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	return fd;
}

static void spool_done(int fd)
{
	char cmd[128];

	close(fd);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* Entries of the spool other than the record. */
static int no_temporary(int fd)
{
	DIR *d = fdopendir(dup(fd));
	struct dirent *e;
	int others = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		others += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
			  strcmp(e->d_name, MCK_MIRROR_RECORD) != 0;
	}
	closedir(d);
	return others;
}

static void test_record(void **state)
{
	struct mck_mirror_record r = {0};
	struct mck_mirror_record back;
	int fd = spool();

	(void)state;
	/* none yet: never */
	assert_int_equal(mck_mirror_record_read(fd, &back), 0);
	assert_int_equal(back.last_attempt, 0);
	assert_string_equal(back.cause, "");
	r.last_attempt = 1790000100;
	r.last_success = 1790000000;
	r.last_failure = 1790000100;
	r.sequence = 7;
	snprintf(r.cause, sizeof(r.cause), "manifest.json: HTTP status 404");
	snprintf(r.etag, sizeof(r.etag), "\"6b12f0f1-fc\"");
	snprintf(r.last_modified, sizeof(r.last_modified), "Fri, 04 Dec 2026 16:57:21 GMT");
	snprintf(r.url, sizeof(r.url), "https://mirror.example/x");
	assert_int_equal(mck_mirror_record_write(fd, &r), 0);
	assert_int_equal(mck_mirror_record_read(fd, &back), 0);
	assert_memory_equal(&r, &back, sizeof(r));
	/* rewritten in place: no temporary file left */
	r.cause[0] = '\0';
	assert_int_equal(mck_mirror_record_write(fd, &r), 0);
	assert_int_equal(no_temporary(fd), 0);
	assert_int_equal(mck_mirror_record_read(fd, &back), 0);
	assert_string_equal(back.cause, "");
	spool_done(fd);
}

static void put(int fd, const char *text)
{
	int w = openat(fd, MCK_MIRROR_RECORD, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_true(w >= 0);
	assert_int_equal(write(w, text, strlen(text)), (ssize_t)strlen(text));
	close(w);
}

static void test_record_hostile(void **state)
{
	struct mck_mirror_record back;
	static char big[MCK_MIRROR_RECORD_MAX + 10];
	int fd = spool();

	(void)state;
	put(fd, "not json");
	assert_int_equal(mck_mirror_record_read(fd, &back), -EBADMSG);
	assert_int_equal(back.last_success, 0);
	/* control characters and over-long texts: printable and bounded */
	put(fd, "{\"lastSuccess\":-4,\"lastAttempt\":1e99,\"cause\":\"a\\u001b[2Jb\\nc\","
		"\"etag\":\"\\u00e9\"}");
	assert_int_equal(mck_mirror_record_read(fd, &back), 0);
	assert_int_equal(back.last_success, 0);
	assert_int_equal(back.last_attempt, 0);
	assert_string_equal(back.cause, "a?[2Jb?c");
	assert_string_equal(back.etag, "??");
	memset(big, 'x', sizeof(big) - 1);
	put(fd, big);
	assert_int_equal(mck_mirror_record_read(fd, &back), -EFBIG);
	/* a link or a FIFO in its place is not read (nor waited on) */
	assert_int_equal(unlinkat(fd, MCK_MIRROR_RECORD, 0), 0);
	assert_int_equal(symlinkat("/etc/passwd", fd, MCK_MIRROR_RECORD), 0);
	assert_int_equal(mck_mirror_record_read(fd, &back), -ELOOP);
	assert_int_equal(unlinkat(fd, MCK_MIRROR_RECORD, 0), 0);
	assert_int_equal(mkfifoat(fd, MCK_MIRROR_RECORD, 0600), 0);
	assert_true(mck_mirror_record_read(fd, &back) < 0);
	spool_done(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_manifest_ok),
		cmocka_unit_test(test_manifest_paths),
		cmocka_unit_test(test_manifest_refusals),
		cmocka_unit_test(test_manifest_budget),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_record_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
