/* systemd notifications (app/kiosk/notify.c): READY, WATCHDOG pacing, STOPPING. */
#define _GNU_SOURCE

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "notify.h"

/* The supervisor's end: a datagram socket bound at @p name ("/path" or "@abstract"). */
static int listen_at(const char *name)
{
	struct sockaddr_un sa;
	size_t len = strlen(name);
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	assert_true(fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	assert_true(len < sizeof(sa.sun_path));
	memcpy(sa.sun_path, name, len);
	if (name[0] == '@') {
		sa.sun_path[0] = '\0';
	}
	assert_int_equal(bind(fd, (struct sockaddr *)&sa,
			      (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len)),
			 0);
	return fd;
}

static void expect_msg(int fd, const char *want)
{
	char buf[128];
	ssize_t n = recv(fd, buf, sizeof(buf) - 1, 0);

	assert_true(n >= 0);
	buf[n] = '\0';
	assert_string_equal(buf, want);
}

static void expect_none(int fd)
{
	char buf[16];

	assert_int_equal(recv(fd, buf, sizeof(buf), 0), -1);
	assert_int_equal(errno, EAGAIN);
}

static int setup(void **state)
{
	(void)state;
	unsetenv("NOTIFY_SOCKET");
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
	return 0;
}

/* Not under systemd: every call is a no-op that succeeds. */
static void test_no_supervisor(void **state)
{
	struct mck_notify n;

	(void)state;
	assert_int_equal(mck_notify_open(&n), 0);
	assert_int_equal(n.fd, -1);
	assert_int_equal(mck_notify_send(&n, "READY=1"), 0);
	assert_int_equal(mck_notify_watchdog(&n, 5000), 0);
	mck_notify_close(&n);
}

/* A path socket: READY, then WATCHDOG at half the interval, then STOPPING. */
static void test_path_socket_and_pacing(void **state)
{
	char dir[] = "/tmp/mck-notify-XXXXXX";
	char path[64];
	struct mck_notify n;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/notify", dir);
	fd = listen_at(path);
	setenv("NOTIFY_SOCKET", path, 1);
	setenv("WATCHDOG_USEC", "10000000", 1); /* 10 s: a ping every 5 s */
	assert_int_equal(mck_notify_open(&n), 0);
	assert_int_equal(n.watchdog_ms, 5000);
	assert_int_equal(mck_notify_send(&n, "READY=1"), 0);
	expect_msg(fd, "READY=1");
	assert_int_equal(mck_notify_watchdog(&n, 1000), 1);
	expect_msg(fd, "WATCHDOG=1");
	assert_int_equal(mck_notify_watchdog(&n, 5999), 0); /* too soon */
	expect_none(fd);
	assert_int_equal(mck_notify_watchdog(&n, 6000), 1);
	expect_msg(fd, "WATCHDOG=1");
	assert_int_equal(mck_notify_send(&n, "STOPPING=1"), 0);
	expect_msg(fd, "STOPPING=1");
	mck_notify_close(&n);
	assert_int_equal(n.fd, -1);
	close(fd);
	unlink(path);
	rmdir(dir);
}

/* "@name": the abstract namespace, as systemd may hand out. */
static void test_abstract_socket(void **state)
{
	char name[64];
	struct mck_notify n;
	int fd;

	(void)state;
	snprintf(name, sizeof(name), "@mck-notify-test-%ld", (long)getpid());
	fd = listen_at(name);
	setenv("NOTIFY_SOCKET", name, 1);
	assert_int_equal(mck_notify_open(&n), 0);
	assert_int_equal(n.watchdog_ms, 0); /* no WATCHDOG_USEC: no pings */
	assert_int_equal(mck_notify_watchdog(&n, 100000), 0);
	assert_int_equal(mck_notify_send(&n, "READY=1"), 0);
	expect_msg(fd, "READY=1");
	mck_notify_close(&n);
	close(fd);
}

/* The watchdog belongs to WATCHDOG_PID: another process's is not ours. */
static void test_watchdog_pid(void **state)
{
	char pid[32];
	struct mck_notify n;

	(void)state;
	setenv("NOTIFY_SOCKET", "@mck-notify-unused", 1);
	setenv("WATCHDOG_USEC", "4000000", 1);
	snprintf(pid, sizeof(pid), "%ld", (long)getpid() + 1);
	setenv("WATCHDOG_PID", pid, 1);
	assert_int_equal(mck_notify_open(&n), 0);
	assert_int_equal(n.watchdog_ms, 0);
	mck_notify_close(&n);
	snprintf(pid, sizeof(pid), "%ld", (long)getpid());
	setenv("WATCHDOG_PID", pid, 1);
	assert_int_equal(mck_notify_open(&n), 0);
	assert_int_equal(n.watchdog_ms, 2000);
	mck_notify_close(&n);
}

/* Malformed settings: refused or ignored, never a crash or a stray write. */
static void test_malformed(void **state)
{
	char longpath[200];
	struct mck_notify n;
	static const char *const bad_usec[] = {"",    "12x", "-5", " 5", "99999999999999999999999",
					       "1999"};

	(void)state;
	setenv("NOTIFY_SOCKET", "relative/notify", 1);
	assert_int_equal(mck_notify_open(&n), -EINVAL);
	assert_int_equal(n.fd, -1);
	assert_int_equal(mck_notify_send(&n, "READY=1"), 0);
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	longpath[sizeof(longpath) - 1] = '\0';
	setenv("NOTIFY_SOCKET", longpath, 1);
	assert_int_equal(mck_notify_open(&n), -EINVAL);
	assert_int_equal(n.fd, -1);
	setenv("NOTIFY_SOCKET", "@mck-notify-unused", 1);
	for (size_t i = 0; i < sizeof(bad_usec) / sizeof(bad_usec[0]); i++) {
		setenv("WATCHDOG_USEC", bad_usec[i], 1);
		assert_int_equal(mck_notify_open(&n), 0);
		assert_int_equal(n.watchdog_ms, 0);
		mck_notify_close(&n);
	}
	/* nobody listening: the send fails, the caller goes on */
	setenv("NOTIFY_SOCKET", "/nonexistent/mck/notify", 1);
	assert_int_equal(mck_notify_open(&n), 0);
	assert_true(mck_notify_send(&n, "READY=1") < 0);
	mck_notify_close(&n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_no_supervisor, setup),
		cmocka_unit_test_setup(test_path_socket_and_pacing, setup),
		cmocka_unit_test_setup(test_abstract_socket, setup),
		cmocka_unit_test_setup(test_watchdog_pid, setup),
		cmocka_unit_test_setup(test_malformed, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
