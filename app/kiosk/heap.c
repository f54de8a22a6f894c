/* The heap forgets what it held; see heap.h. */
#define _GNU_SOURCE

#include "heap.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define MCK_HEAP_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MCK_HEAP_SANITIZER 1
#endif
#endif

void mck_heap_harden(char **argv)
{
#ifndef MCK_HEAP_SANITIZER
	const char *now = getenv("GLIBC_TUNABLES");
	char value[512];

	if (now != NULL && strstr(now, "glibc.malloc.perturb=") != NULL &&
	    strstr(now, "glibc.malloc.tcache_count=0") != NULL) {
		return; /* in force (set by the service, or by the exec below) */
	}
	if (getenv("MCK_HEAP_REEXEC") == NULL &&
	    (size_t)snprintf(value, sizeof(value), "%s%s%s", now != NULL ? now : "",
			     now != NULL && now[0] != '\0' ? ":" : "",
			     MCK_HEAP_TUNABLES) < sizeof(value) &&
	    setenv("GLIBC_TUNABLES", value, 1) == 0 && setenv("MCK_HEAP_REEXEC", "1", 1) == 0) {
		execv("/proc/self/exe", argv);
	}
	/* No second start: fill what is freed from now on, as far as glibc does without the
	 * tunable (blocks its per-thread cache keeps are not filled). */
	fprintf(stderr, "mckiosk: freed memory is not wiped in full (set GLIBC_TUNABLES=%s)\n",
		MCK_HEAP_TUNABLES);
	mallopt(M_PERTURB, 165);
#else
	(void)argv;
#endif
}
