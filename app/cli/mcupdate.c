/*
 * mcupdate: verify an update bundle (trust-list.md §5) and install it into the
 * kiosk's state directory atomically (verifier-contract.md).
 *   mcupdate [--anchors DIR] --state DIR BUNDLE_DIR
 * Exit 0: installed or already current (prints the installed sequence);
 * 2: refused (trustlist_invalid, trustlist_rollback, status_invalid on stderr),
 * the state directory unchanged; 4: bad arguments or the install failed.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fileio.h"
#include "mck/err.h"
#include "mck/statuslist.h"
#include "mck/trustlist.h"
#include "state.h"
#include "trustcfg.h"

#ifndef MCK_DEFAULT_ANCHORS_DIR
#define MCK_DEFAULT_ANCHORS_DIR "/usr/share/mckiosk/anchors"
#endif

#define EXIT_REFUSED     2
#define EXIT_FAILED      4
#define STATUS_FILES_MAX 256

struct bundle {
	char *trust;
	size_t trust_len;
	char *status[STATUS_FILES_MAX];
	size_t status_len[STATUS_FILES_MAX];
	char *status_name[STATUS_FILES_MAX];
	size_t nstatus;
};

static void usage(FILE *f)
{
	fputs("usage: mcupdate [--anchors DIR] --state DIR BUNDLE_DIR\n"
	      "Verifies every file of an update bundle (trustlist.jws, status/*.jws) and\n"
	      "installs it atomically. Exit 0 installed or already current, 2 refused\n"
	      "(the state is left as it was), 4 could not work.\n",
	      f);
}

static int refuse(const char *code, const char *what, const char *why)
{
	fprintf(stderr, "mcupdate: %s: %s: %s\n", code, what, why);
	return EXIT_REFUSED;
}

static void bundle_free(struct bundle *b)
{
	free(b->trust);
	for (size_t i = 0; i < b->nstatus; i++) {
		free(b->status[i]);
		free(b->status_name[i]);
	}
}

/* Read the bundle's files; a missing trust list is a refusal, not a crash. */
static int read_bundle(const char *dir, struct bundle *b)
{
	char path[PATH_MAX];
	char sub[PATH_MAX];
	char **names = NULL;
	int n;
	int rc;

	if (mck_cli_path(path, sizeof(path), dir, "trustlist.jws") != 0 ||
	    mck_cli_path(sub, sizeof(sub), dir, "status") != 0) {
		return refuse("trustlist_invalid", dir, "path too long");
	}
	rc = mck_cli_read_file(path, MCK_TRUSTLIST_FILE_MAX, &b->trust, &b->trust_len);
	if (rc != 0) {
		return refuse("trustlist_invalid", path, strerror(-rc));
	}
	mck_cli_chomp(b->trust, &b->trust_len);
	n = mck_cli_list_dir(sub, ".jws", &names);
	if (n == -ENOENT) {
		return 0;
	}
	if (n < 0) {
		return refuse("status_invalid", sub, strerror(-n));
	}
	if (n > STATUS_FILES_MAX) {
		mck_cli_free_names(names, n);
		return refuse("status_invalid", sub, "too many status lists");
	}
	for (int i = 0; i < n; i++) {
		rc = mck_cli_path(path, sizeof(path), sub, names[i]);
		if (rc == 0) {
			rc = mck_cli_read_file(path, MCK_STATUS_JWS_MAX, &b->status[b->nstatus],
					       &b->status_len[b->nstatus]);
		}
		if (rc != 0) {
			mck_cli_free_names(names, n);
			return refuse("status_invalid", names[i], strerror(-rc));
		}
		mck_cli_chomp(b->status[b->nstatus], &b->status_len[b->nstatus]);
		b->status_name[b->nstatus++] = names[i];
		names[i] = NULL;
	}
	mck_cli_free_names(names, n);
	return 0;
}

static int load_anchors(const char *dir, struct mck_anchors **out)
{
	char msg[256];

	*out = mck_anchors_create();
	if (*out == NULL || mck_trustcfg_add_anchors(*out, dir, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mcupdate: anchor_missing: %s\n",
			*out == NULL ? "out of memory" : msg);
		return -1;
	}
	return 0;
}

static char *state_json(int64_t sequence, int64_t trusted)
{
	cJSON *o = cJSON_CreateObject();
	char *text = NULL;

	if (o != NULL && cJSON_AddNumberToObject(o, "sequence", (double)sequence) != NULL &&
	    cJSON_AddNumberToObject(o, "trustedTime", (double)trusted) != NULL) {
		text = cJSON_PrintUnformatted(o);
	}
	cJSON_Delete(o);
	return text;
}

int main(int argc, char **argv)
{
	const char *anchors_dir = MCK_DEFAULT_ANCHORS_DIR;
	const char *state = NULL;
	const char *bundle_dir = NULL;
	struct mck_anchors *anchors = NULL;
	struct mck_trustlist *tl = NULL;
	struct mck_statusset set;
	struct mck_state_info info;
	struct bundle b;
	struct mck_state_file files[STATUS_FILES_MAX + 3];
	char current[PATH_MAX];
	char why[256];
	uint8_t *index = NULL;
	size_t index_len = 0;
	char *info_text = NULL;
	int64_t trusted;
	size_t nfiles = 0;
	int rc = EXIT_FAILED;

	memset(&b, 0, sizeof(b));
	mck_statusset_init(&set);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--anchors") == 0 && i + 1 < argc) {
			anchors_dir = argv[++i];
		} else if (strcmp(argv[i], "--state") == 0 && i + 1 < argc) {
			state = argv[++i];
		} else if (argv[i][0] != '-' && bundle_dir == NULL) {
			bundle_dir = argv[i];
		} else {
			usage(stderr);
			return EXIT_FAILED;
		}
	}
	if (state == NULL || bundle_dir == NULL) {
		usage(stderr);
		return EXIT_FAILED;
	}
	if (load_anchors(anchors_dir, &anchors) != 0) {
		goto out;
	}
	/* Everything is verified before anything is written. */
	rc = read_bundle(bundle_dir, &b);
	if (rc != 0) {
		goto out;
	}
	rc = EXIT_REFUSED;
	if (mck_trustlist_load(&tl, anchors, b.trust, b.trust_len, why, sizeof(why)) != MCK_OK) {
		refuse("trustlist_invalid", "trustlist.jws", why);
		goto out;
	}
	trusted = mck_trustlist_iat(tl);
	for (size_t i = 0; i < b.nstatus; i++) {
		if (mck_statusset_add(&set, tl, b.status[i], b.status_len[i], why, sizeof(why)) !=
		    MCK_OK) {
			refuse("status_invalid", b.status_name[i], why);
			goto out;
		}
		trusted = set.lists[set.count - 1].iat > trusted ? set.lists[set.count - 1].iat
								 : trusted;
	}
	if (mck_state_resolve(state, current, sizeof(current)) != 0 ||
	    mck_state_read_info(current, &info) != 0) {
		fprintf(stderr, "mcupdate: the state directory %s is unreadable\n", state);
		rc = EXIT_FAILED;
		goto out;
	}
	if (mck_trustlist_sequence(tl) < info.sequence) {
		snprintf(why, sizeof(why), "sequence %lld is older than the installed %lld",
			 (long long)mck_trustlist_sequence(tl), (long long)info.sequence);
		refuse("trustlist_rollback", "trustlist.jws", why);
		goto out;
	}
	if (mck_trustlist_sequence(tl) == info.sequence) {
		printf("installed sequence %lld (already current)\n", (long long)info.sequence);
		rc = 0;
		goto out;
	}
	/* Time never goes back: keep the newest trusted time the state has seen. */
	trusted = trusted > info.trusted_time ? trusted : info.trusted_time;
	info_text = state_json(mck_trustlist_sequence(tl), trusted);
	if (info_text == NULL ||
	    mck_trustlist_index_build(tl, b.trust, b.trust_len, &index, &index_len) != MCK_OK) {
		fprintf(stderr, "mcupdate: out of memory\n");
		rc = EXIT_FAILED;
		goto out;
	}
	files[nfiles++] = (struct mck_state_file){"trustlist.jws", b.trust, b.trust_len};
	files[nfiles++] = (struct mck_state_file){"trustlist.idx", index, index_len};
	for (size_t i = 0; i < b.nstatus; i++) {
		snprintf(why, sizeof(why), "status/%s", b.status_name[i]);
		free(b.status_name[i]);
		b.status_name[i] = strdup(why);
		files[nfiles++] =
			(struct mck_state_file){b.status_name[i], b.status[i], b.status_len[i]};
	}
	files[nfiles++] = (struct mck_state_file){"state.json", info_text, strlen(info_text)};
	rc = mck_state_install(state, mck_trustlist_sequence(tl), files, nfiles);
	if (rc != 0) {
		fprintf(stderr, "mcupdate: install into %s failed: %s (previous state kept)\n",
			state, strerror(-rc));
		rc = EXIT_FAILED;
		goto out;
	}
	printf("installed sequence %lld\n", (long long)mck_trustlist_sequence(tl));
	rc = 0;
out:
	free(info_text);
	free(index);
	mck_statusset_free(&set);
	mck_trustlist_destroy(tl);
	mck_anchors_destroy(anchors);
	bundle_free(&b);
	return rc;
}
