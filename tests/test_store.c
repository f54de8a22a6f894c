/*
 * The trust store (app/store) and its file reader (app/io): hostile entries are
 * refused unopened, a pinned generation survives installs, installers exclude
 * each other, sequences never go back, damage is reported, a poisoned floor is
 * discarded.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mck/io.h"
#include "mck/store.h"
#include "support/mint.h"

static struct mck_test_key anchor;
static struct mck_test_key issuer;
static struct mck_anchors *anchors;
static char root[256];

static char *at(const char *name)
{
	static char path[4][PATH_MAX];
	static int next;
	char *p = path[next++ % 4];

	snprintf(p, PATH_MAX, "%s/%s", root, name);
	return p;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* A bundle directory NAME holding a trust list of @p sequence (and an empty status/). */
static void make_bundle(const char *name, int sequence)
{
	char *issuers =
		mck_test_fmt("{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{%s}]}",
			     issuer.members);
	char *jws =
		mck_test_trustlist(&anchor, sequence, 1790000000 + sequence, 2000000000, issuers);
	char path[PATH_MAX];

	assert_int_equal(mkdir(at(name), 0755), 0);
	snprintf(path, sizeof(path), "%s/status", at(name));
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/trustlist.jws", at(name));
	put(path, jws);
	free(jws);
	free(issuers);
}

static enum mck_store_result install(const char *bundle, int wait_s, int64_t *seq)
{
	struct mck_store_install_opts o = {
		.state = at("state"), .anchors = anchors, .lock_wait_s = wait_s, .grace_s = 0};
	char msg[256];

	return mck_store_install_bundle(&o, at(bundle), seq, msg, sizeof(msg));
}

static int generations(void)
{
	DIR *d = opendir(at("state"));
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		n += strncmp(e->d_name, "gen-", 4) == 0;
	}
	closedir(d);
	return n;
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "%s/mck-test-store-XXXXXX",
		 getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(root) == NULL) {
		return -1;
	}
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer, MCK_KEY_EC_P256);
	anchors = mck_test_anchors(&anchor);
	for (int s = 1; s <= 5; s++) {
		char name[16];

		snprintf(name, sizeof(name), "b%d", s);
		make_bundle(name, s);
	}
	return 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	mck_anchors_destroy(anchors);
	mck_test_key_free(&anchor);
	mck_test_key_free(&issuer);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* Nothing that is not a regular file is read, and a FIFO never makes a reader wait. */
static void test_io_refuses_what_is_not_a_file(void **state)
{
	char *buf = NULL;
	size_t len;
	int fd;

	(void)state;
	assert_int_equal(mkdir(at("io"), 0755), 0);
	put(at("io/plain"), "hello\n");
	assert_int_equal(mkfifo(at("io/fifo"), 0644), 0);
	assert_int_equal(symlink(at("io/plain"), at("io/link")), 0);
	assert_int_equal(symlink("/dev/zero", at("io/zero")), 0);
	assert_int_equal(mkdir(at("io/dir"), 0755), 0);
	fd = mck_io_open_dir_at(AT_FDCWD, at("io"));
	assert_true(fd >= 0);
	assert_int_equal(mck_io_read_at(fd, "plain", 64, &buf, &len), 0);
	assert_int_equal(len, 6);
	assert_string_equal(buf, "hello\n");
	free(buf);
	assert_int_equal(mck_io_read_at(fd, "plain", 5, &buf, &len), -EFBIG);
	assert_int_equal(mck_io_read_at(fd, "fifo", 64, &buf, &len), -EINVAL);
	assert_int_equal(mck_io_read_at(fd, "link", 64, &buf, &len), -ELOOP);
	assert_int_equal(mck_io_read_at(fd, "zero", 64, &buf, &len), -ELOOP);
	assert_int_equal(mck_io_read_at(fd, "dir", 64, &buf, &len), -EISDIR);
	assert_int_equal(mck_io_read_at(fd, "absent", 64, &buf, &len), -ENOENT);
	assert_null(buf);
	assert_int_equal(mck_io_open_dir_at(fd, "fifo"), -ENOTDIR);
	assert_int_equal(mck_io_open_dir_at(AT_FDCWD, at("io/link")), -ENOTDIR);
	assert_int_equal(mck_io_read_file(at("io/fifo"), 64, &buf, &len), -EINVAL);
	close(fd);
}

/* A reader's generation stays whole through installs; released, it is removed. */
static void test_pinned_generation_survives(void **state)
{
	struct mck_store *pin = NULL;
	struct mck_store_info info;
	char *buf = NULL;
	size_t len;
	int64_t seq;

	(void)state;
	assert_int_equal(install("b1", 0, &seq), MCK_STORE_INSTALLED);
	assert_int_equal(seq, 1);
	assert_int_equal(mck_store_open(&pin, at("state")), 0);
	assert_int_equal(install("b2", 0, &seq), MCK_STORE_INSTALLED);
	assert_int_equal(install("b3", 0, &seq), MCK_STORE_INSTALLED);
	/* generation 1 (pinned) and 3 (current); 2 was neither */
	assert_int_equal(generations(), 2);
	assert_int_equal(mck_store_read_info(pin, &info), 0);
	assert_int_equal(info.sequence, 1);
	assert_int_equal(mck_io_read_at(mck_store_dirfd(pin), "trustlist.jws",
					MCK_TRUSTLIST_FILE_MAX, &buf, &len),
			 0);
	free(buf);
	mck_store_close(pin);
	assert_int_equal(install("b4", 0, &seq), MCK_STORE_INSTALLED);
	assert_int_equal(generations(), 1);
	assert_int_equal(install("b4", 0, &seq), MCK_STORE_CURRENT);
	assert_int_equal(install("b2", 0, &seq), MCK_STORE_ROLLBACK);
	assert_int_equal(seq, 4);
}

/* A second installer waits for the lock or refuses; it never interleaves. */
static void test_installers_exclude_each_other(void **state)
{
	int fd = open(at("state"), O_RDONLY | O_DIRECTORY);
	struct mck_store *pin = NULL;
	struct mck_store_info info;
	int64_t seq;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	assert_int_equal(install("b5", 0, &seq), MCK_STORE_BUSY);
	assert_int_equal(mck_store_open(&pin, at("state")), 0);
	assert_int_equal(mck_store_read_info(pin, &info), 0);
	assert_int_equal(info.sequence, 4);
	mck_store_close(pin);
	close(fd);
	assert_int_equal(install("b5", 0, &seq), MCK_STORE_INSTALLED);
	assert_int_equal(seq, 5);
}

/* Damage is an error, never "no lists"; a floor beyond nextUpdate + grace is dropped. */
static void test_damage_and_poisoned_floor(void **state)
{
	char anchors_dir[PATH_MAX];
	char gen[PATH_MAX];
	char path[PATH_MAX + 32];
	struct mck_store_opts o = {.anchors = anchors_dir, .state = at("state")};
	struct mck_store_trust t;
	enum mck_reason reason;
	char msg[256];
	char pem[4096];
	ssize_t n;

	(void)state;
	snprintf(anchors_dir, sizeof(anchors_dir), "%s", at("anchors"));
	assert_int_equal(mkdir(anchors_dir, 0755), 0);
	assert_int_equal(mck_privkey_public_pem(anchor.priv, pem, sizeof(pem)), 0);
	snprintf(path, sizeof(path), "%s/op.pem", anchors_dir);
	put(path, pem);
	assert_int_equal(mck_store_load(&t, &o, NULL, &reason, msg, sizeof(msg)), 0);
	assert_int_equal(t.trusted_time, 1790000005);
	assert_true(t.indexed);
	mck_store_trust_free(&t);

	n = readlink(at("state/current"), gen, sizeof(gen) - 1);
	assert_true(n > 0);
	gen[n] = '\0';
	snprintf(path, sizeof(path), "%s/%s/state.json", at("state"), gen);
	assert_int_equal(unlink(path), 0);
	put(path, "{\"sequence\":5,\"trustedTime\":253402300799}");
	assert_int_equal(mck_store_load(&t, &o, NULL, &reason, msg, sizeof(msg)), 0);
	assert_int_equal(t.trusted_time, 0);
	mck_store_trust_free(&t);

	snprintf(path, sizeof(path), "%s/%s/status", at("state"), gen);
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(mck_store_load(&t, &o, NULL, &reason, msg, sizeof(msg)), -1);
	assert_int_equal(reason, MCK_REASON_TRUSTLIST_INVALID);
	assert_non_null(strstr(msg, "status"));
	mck_store_trust_free(&t);
}

/* The spool beside a state directory: STATE-update, slashes at the end dropped. */
static void test_spool_path(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(mck_store_spool_path("/var/lib/mckiosk", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/var/lib/mckiosk-update");
	assert_int_equal(mck_store_spool_path("/var/lib/mckiosk//", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/var/lib/mckiosk-update");
	assert_int_equal(mck_store_spool_path("/a/very/long/state/directory", buf, sizeof(buf)),
			 -ENAMETOOLONG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_io_refuses_what_is_not_a_file),
		cmocka_unit_test(test_pinned_generation_survives),
		cmocka_unit_test(test_installers_exclude_each_other),
		cmocka_unit_test(test_damage_and_poisoned_floor),
		cmocka_unit_test(test_spool_path),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
