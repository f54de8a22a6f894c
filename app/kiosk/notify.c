#define _GNU_SOURCE /* SOCK_CLOEXEC, MSG_NOSIGNAL */

#include "notify.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

_Static_assert(sizeof(struct sockaddr_un) <= sizeof(((struct mck_notify *)0)->addr),
	       "room for a sockaddr_un");

/* A decimal without sign, spaces or overflow, as systemd writes them. */
static int parse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0;

	if (s == NULL || *s == '\0') {
		return -EINVAL;
	}
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10) {
			return -EINVAL;
		}
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return 0;
}

int mck_notify_open(struct mck_notify *n)
{
	const char *path = getenv("NOTIFY_SOCKET");
	const char *pid = getenv("WATCHDOG_PID");
	struct sockaddr_un sa;
	uint64_t usec;
	uint64_t who;
	size_t len;

	memset(n, 0, sizeof(*n));
	n->fd = -1;
	if (path == NULL || *path == '\0') {
		return 0;
	}
	len = strlen(path);
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	if ((path[0] != '/' && path[0] != '@') || len >= sizeof(sa.sun_path)) {
		return -EINVAL;
	}
	memcpy(sa.sun_path, path, len);
	if (path[0] == '@') {
		sa.sun_path[0] = '\0'; /* the abstract namespace */
	}
	n->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (n->fd < 0) {
		return -errno;
	}
	memcpy(n->addr, &sa, sizeof(sa));
	n->addr_len = (unsigned)(offsetof(struct sockaddr_un, sun_path) + len);
	if (parse_u64(getenv("WATCHDOG_USEC"), &usec) == 0 && usec >= 2000 &&
	    (pid == NULL || (parse_u64(pid, &who) == 0 && who == (uint64_t)getpid()))) {
		n->watchdog_ms = usec / 2000; /* twice in each interval */
	}
	return 0;
}

int mck_notify_send(struct mck_notify *n, const char *state)
{
	size_t len = strlen(state);

	if (n->fd < 0) {
		return 0;
	}
	if (sendto(n->fd, state, len, MSG_NOSIGNAL, (const struct sockaddr *)n->addr,
		   (socklen_t)n->addr_len) != (ssize_t)len) {
		return -errno;
	}
	return 0;
}

int mck_notify_watchdog(struct mck_notify *n, uint64_t now_ms)
{
	if (n->fd < 0 || n->watchdog_ms == 0 ||
	    (n->last_ping_ms != 0 && now_ms - n->last_ping_ms < n->watchdog_ms)) {
		return 0;
	}
	if (mck_notify_send(n, "WATCHDOG=1") != 0) {
		return 0;
	}
	n->last_ping_ms = now_ms != 0 ? now_ms : 1;
	return 1;
}

void mck_notify_close(struct mck_notify *n)
{
	if (n->fd >= 0) {
		close(n->fd);
	}
	n->fd = -1;
}
