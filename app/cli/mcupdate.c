/*
 * mcupdate: verify an update bundle (trust-list.md §5) and install it into the
 * kiosk's state directory atomically (verifier-contract.md), from a directory
 * or fetched first from a mirror (trust-list.md §6).
 *   mcupdate [--anchors DIR] [--wait SECONDS] --state DIR BUNDLE_DIR
 *   mcupdate [--anchors DIR] [--wait SECONDS] --state DIR [--spool DIR]
 *            [--pin sha256//BASE64] [--ca FILE] [--timeout S]
 *            [--low-speed BYTES/SECONDS] BASE_URL
 * Exit 0: installed or already current (prints the installed sequence);
 * 2: refused (trustlist_invalid, trustlist_rollback, status_invalid on stderr;
 * state_busy when another installer held the state too long), the state
 * directory unchanged; 3: the mirror could not be read (mirror_unreadable:
 * network, HTTP status, manifest, size or digest), the state unchanged;
 * 4: bad arguments or the install failed.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/io.h"
#include "mck/mirror.h"
#include "mck/store.h"
#include "mck/verify.h"

#ifndef MCK_DEFAULT_ANCHORS_DIR
#define MCK_DEFAULT_ANCHORS_DIR "/usr/share/mckiosk/anchors"
#endif

#define EXIT_REFUSED    2
#define EXIT_UNREADABLE 3
#define EXIT_FAILED     4

static void usage(FILE *f)
{
	fputs("usage: mcupdate [--anchors DIR] [--wait SECONDS] --state DIR BUNDLE_DIR\n"
	      "       mcupdate [--anchors DIR] [--wait SECONDS] --state DIR [--spool DIR]\n"
	      "                [--pin sha256//BASE64] [--ca FILE] [--timeout SECONDS]\n"
	      "                [--low-speed BYTES/SECONDS] BASE_URL\n"
	      "Verifies every file of an update bundle (trustlist.jws, status/*.jws) and\n"
	      "installs it atomically. With an http:// or https:// BASE_URL, the bundle is\n"
	      "fetched first from BASE_URL/mck-update/ (manifest.json, then its files) into\n"
	      "the spool (default: the state directory's path with -update appended), where\n"
	      "fetch.json records the attempt. Exit 0 installed or already current, 2\n"
	      "refused, 3 the mirror could not be read (either way the state is left as it\n"
	      "was), 4 could not work. A second installer waits for the first up to --wait\n"
	      "seconds (default 60), then refuses.\n",
	      f);
}

/* A whole number of seconds in [@p lo, @p hi], nothing after it: 0, or -1. */
static int seconds(const char *arg, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*end != '\0' || end == arg || v < lo || v > hi) {
		return -1;
	}
	*out = v;
	return 0;
}

/* The bundle fetched from a mirror first: exit code. */
static int from_mirror(const struct mck_mirror_opts *m)
{
	enum mck_store_result refusal;
	int64_t sequence;
	char msg[512];
	enum mck_mirror_result r = mck_mirror_update(m, &sequence, &refusal, msg, sizeof(msg));

	switch (r) {
	case MCK_MIRROR_INSTALLED:
		printf("installed sequence %lld\n", (long long)sequence);
		return 0;
	case MCK_MIRROR_CURRENT:
		printf("installed sequence %lld (already current)\n", (long long)sequence);
		return 0;
	case MCK_MIRROR_UNREADABLE:
		fprintf(stderr, "mcupdate: mirror_unreadable: %s\n", mck_io_oneline(msg));
		return EXIT_UNREADABLE;
	case MCK_MIRROR_REFUSED:
		fprintf(stderr, "mcupdate: %s: %s\n",
			refusal == MCK_STORE_BUSY ? "state_busy" : mck_store_result_code(refusal),
			mck_io_oneline(msg));
		return EXIT_REFUSED;
	default:
		fprintf(stderr, "mcupdate: %s\n", mck_io_oneline(msg));
		return EXIT_FAILED;
	}
}

int main(int argc, char **argv)
{
	struct mck_store_install_opts o = {.lock_wait_s = MCK_STORE_LOCK_WAIT_DEFAULT,
					   .grace_s = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400};
	const char *anchors_dir = MCK_DEFAULT_ANCHORS_DIR;
	const char *bundle = NULL;
	struct mck_mirror_opts m = {.connect_timeout_s = MCK_MIRROR_CONNECT_TIMEOUT,
				    .timeout_s = MCK_MIRROR_TIMEOUT,
				    .low_speed_bytes = MCK_MIRROR_LOW_SPEED,
				    .low_speed_seconds = MCK_MIRROR_LOW_SPEED_TIME};
	bool mirror_only = false; /* an option that only a BASE_URL takes */
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
			long v;

			if (seconds(argv[++i], 0, 3600, &v) != 0) {
				fprintf(stderr, "mcupdate: --wait is 0..3600 seconds\n");
				return EXIT_FAILED;
			}
			o.lock_wait_s = (int)v;
		} else if (strcmp(a, "--spool") == 0 && i + 1 < argc) {
			m.spool = argv[++i];
			mirror_only = true;
		} else if (strcmp(a, "--pin") == 0 && i + 1 < argc) {
			m.pin = argv[++i];
			mirror_only = true;
			if (strncmp(m.pin, "sha256//", 8) != 0) {
				fprintf(stderr,
					"mcupdate: --pin is sha256//BASE64 (curl's form)\n");
				return EXIT_FAILED;
			}
		} else if (strcmp(a, "--ca") == 0 && i + 1 < argc) {
			m.ca_file = argv[++i];
			mirror_only = true;
		} else if (strcmp(a, "--timeout") == 0 && i + 1 < argc) {
			long v;

			if (seconds(argv[++i], 1, 86400, &v) != 0) {
				fprintf(stderr, "mcupdate: --timeout is 1..86400 seconds\n");
				return EXIT_FAILED;
			}
			m.timeout_s = v;
			m.connect_timeout_s = v < m.connect_timeout_s ? v : m.connect_timeout_s;
			mirror_only = true;
		} else if (strcmp(a, "--low-speed") == 0 && i + 1 < argc) {
			long b;
			long sec;
			char tail;

			if (sscanf(argv[++i], "%ld/%ld%c", &b, &sec, &tail) != 2 || b < 1 ||
			    b > 1000000000 || sec < 1 || sec > 3600) {
				fprintf(stderr, "mcupdate: --low-speed is BYTES/SECONDS, e.g. "
						"1024/60\n");
				return EXIT_FAILED;
			}
			m.low_speed_bytes = b;
			m.low_speed_seconds = sec;
			mirror_only = true;
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
	if (strncmp(bundle, "http://", 7) == 0 || strncmp(bundle, "https://", 8) == 0) {
		m.base_url = bundle;
		m.install = o;
		rc = from_mirror(&m);
		goto out;
	}
	if (mirror_only) {
		fprintf(stderr, "mcupdate: --spool, --pin, --ca, --timeout and --low-speed are for "
				"a BASE_URL\n");
		goto out;
	}
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
