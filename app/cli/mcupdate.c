/*
 * mcupdate: verify an update bundle (trust-list.md §5) and install it into the
 * kiosk's state directory atomically (verifier-contract.md).
 *   mcupdate [--anchors DIR] [--wait SECONDS] --state DIR BUNDLE_DIR
 * Exit 0: installed or already current (prints the installed sequence);
 * 2: refused (trustlist_invalid, trustlist_rollback, status_invalid on stderr;
 * state_busy when another installer held the state too long), the state
 * directory unchanged; 4: bad arguments or the install failed.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/io.h"
#include "mck/store.h"
#include "mck/verify.h"

#ifndef MCK_DEFAULT_ANCHORS_DIR
#define MCK_DEFAULT_ANCHORS_DIR "/usr/share/mckiosk/anchors"
#endif

#define EXIT_REFUSED 2
#define EXIT_FAILED  4

static void usage(FILE *f)
{
	fputs("usage: mcupdate [--anchors DIR] [--wait SECONDS] --state DIR BUNDLE_DIR\n"
	      "Verifies every file of an update bundle (trustlist.jws, status/*.jws) and\n"
	      "installs it atomically. Exit 0 installed or already current, 2 refused\n"
	      "(the state is left as it was), 4 could not work. A second installer waits\n"
	      "for the first up to --wait seconds (default 60), then refuses.\n",
	      f);
}

int main(int argc, char **argv)
{
	struct mck_store_install_opts o = {.lock_wait_s = MCK_STORE_LOCK_WAIT_DEFAULT,
					   .grace_s = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400};
	const char *anchors_dir = MCK_DEFAULT_ANCHORS_DIR;
	const char *bundle = NULL;
	struct mck_anchors *anchors = NULL;
	enum mck_store_result r;
	char msg[512];
	int64_t sequence;
	int rc = EXIT_FAILED;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--anchors") == 0 && i + 1 < argc) {
			anchors_dir = argv[++i];
		} else if (strcmp(a, "--state") == 0 && i + 1 < argc) {
			o.state = argv[++i];
		} else if (strcmp(a, "--wait") == 0 && i + 1 < argc) {
			char *end;
			long v = strtol(argv[++i], &end, 10);

			if (*end != '\0' || end == argv[i] || v < 0 || v > 3600) {
				fprintf(stderr, "mcupdate: --wait is 0..3600 seconds\n");
				return EXIT_FAILED;
			}
			o.lock_wait_s = (int)v;
		} else if (a[0] != '-' && bundle == NULL) {
			bundle = a;
		} else {
			usage(stderr);
			return EXIT_FAILED;
		}
	}
	if (o.state == NULL || bundle == NULL) {
		usage(stderr);
		return EXIT_FAILED;
	}
	anchors = mck_anchors_create();
	if (anchors == NULL || mck_store_add_anchors(anchors, anchors_dir, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mcupdate: anchor_missing: %s\n",
			anchors == NULL ? "out of memory" : mck_io_oneline(msg));
		goto out;
	}
	o.anchors = anchors;
	r = mck_store_install_bundle(&o, bundle, &sequence, msg, sizeof(msg));
	switch (r) {
	case MCK_STORE_INSTALLED:
		printf("installed sequence %lld\n", (long long)sequence);
		rc = 0;
		break;
	case MCK_STORE_CURRENT:
		printf("installed sequence %lld (already current)\n", (long long)sequence);
		rc = 0;
		break;
	case MCK_STORE_FAILED:
		fprintf(stderr, "mcupdate: %s\n", mck_io_oneline(msg));
		break;
	default:
		fprintf(stderr, "mcupdate: %s: %s\n", mck_store_result_code(r),
			mck_io_oneline(msg));
		rc = EXIT_REFUSED;
		break;
	}
out:
	mck_anchors_destroy(anchors);
	return rc;
}
