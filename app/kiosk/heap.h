/*
 * The heap forgets what it held: every block freed anywhere in the kiosk's
 * process (its own code, SDL, ZBar, libpng, cJSON) is overwritten when it is
 * freed, so a credential's text does not outlive its result in memory that
 * a library freed without wiping (ZBar's QR decoder does so).
 */
#ifndef MCK_KIOSK_HEAP_H
#define MCK_KIOSK_HEAP_H

/**
 * Make glibc fill freed (and new) blocks, with its per-thread cache off
 * since that skips the fill: GLIBC_TUNABLES, read at start only, so the
 * process executes itself again once with them set. Returns only when they
 * are in force, or could not be (a line on stderr; mallopt's fill then
 * covers what the cache does not keep). Does nothing under AddressSanitizer,
 * whose allocator is not glibc's.
 */
void mck_heap_harden(char **argv);

/** The tunables mck_heap_harden sets (for service files and tests). */
#define MCK_HEAP_TUNABLES "glibc.malloc.perturb=165:glibc.malloc.tcache_count=0"

#endif
