/*
 * systemd's service notification protocol, by hand (no libsystemd on the
 * appliance): READY=1 once the panel shows, WATCHDOG=1 from the UI loop while
 * it runs, STOPPING=1 at exit. A datagram to $NOTIFY_SOCKET ("/path" or
 * "@abstract"); without it every call does nothing.
 */
#ifndef MCK_KIOSK_NOTIFY_H
#define MCK_KIOSK_NOTIFY_H

#include <stdint.h>

struct mck_notify {
	int fd;                  /* -1: no supervisor */
	uint64_t watchdog_ms;    /* ping interval: half of $WATCHDOG_USEC; 0 none */
	uint64_t last_ping_ms;   /* when WATCHDOG=1 last went */
	unsigned char addr[112]; /* struct sockaddr_un, kept opaque here */
	unsigned addr_len;
};

/**
 * Read $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID (the watchdog is ours
 * only when the PID is ours or unset). Returns 0, or -errno when the socket is
 * set but unusable (too long, not absolute); @p n then does nothing.
 */
int mck_notify_open(struct mck_notify *n);
/** Send @p state ("READY=1", "STATUS=...") as one datagram; 0 or -errno. */
int mck_notify_send(struct mck_notify *n, const char *state);
/**
 * From the UI loop: WATCHDOG=1 when half the watchdog interval has passed
 * since the last one (@p now_ms: a monotonic clock). Returns 1 when sent.
 */
int mck_notify_watchdog(struct mck_notify *n, uint64_t now_ms);
void mck_notify_close(struct mck_notify *n);

#endif
