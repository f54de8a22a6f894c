/* Loading a trust configuration: anchors, trust list, status lists, trusted time. */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mck/err.h"
#include "mck/io.h"
#include "mck/json.h"
#include "mck/store.h"
#include "mck/verify.h"
#include "store_impl.h"

int mck_store_add_anchors(struct mck_anchors *anchors, const char *dir, char *msg, size_t cap)
{
	char **names = NULL;
	int fd = mck_io_open_dir_at(AT_FDCWD, dir);
	int n = fd < 0 ? fd : mck_io_list_at(fd, ".pem", &names);
	int rc = -1;

	if (n < 0) {
		snprintf(msg, cap, "anchors %s: %s", dir, mck_io_strerror(n));
		goto out;
	}
	for (int i = 0; i < n; i++) {
		char *pem = NULL;
		size_t len;
		int r = mck_io_read_at(fd, names[i], MCK_ANCHOR_FILE_MAX, &pem, &len);

		if (r != 0) {
			snprintf(msg, cap, "anchor %s: %s", names[i], mck_io_strerror(r));
			goto out;
		}
		r = mck_anchors_add_pem(anchors, pem, len);
		free(pem);
		if (r != MCK_OK) {
			snprintf(msg, cap, "anchor %s is not a P-256/P-384 public key PEM",
				 names[i]);
			goto out;
		}
	}
	if (mck_anchors_count(anchors) == 0) {
		snprintf(msg, cap, "no trust anchor (*.pem) in %s", dir);
		goto out;
	}
	rc = 0;
out:
	mck_io_free_names(names, n > 0 ? n : 0);
	if (fd >= 0) {
		close(fd);
	}
	return rc;
}

/*
 * Add every *.jws of the directory @p dirfd. @p strict (a state directory,
 * verified at install): a list that fails is damage, -1 with @p msg. Otherwise
 * (a --status directory) it is ignored with a line on @p diag.
 */
static int load_status(struct mck_store_trust *t, int dirfd, const char *where, bool strict,
		       FILE *diag, char *msg, size_t cap)
{
	char **names = NULL;
	char why[200];
	int n = mck_io_list_at(dirfd, ".jws", &names);
	int rc = 0;

	if (n < 0) {
		snprintf(msg, cap, "status lists %s: %s", where, mck_io_strerror(n));
		return -1;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		char *jws = NULL;
		size_t len;
		int r = mck_io_read_at(dirfd, names[i], MCK_STATUS_JWS_MAX, &jws, &len);

		why[0] = '\0';
		if (r != 0) {
			snprintf(why, sizeof(why), "%s", mck_io_strerror(r));
		} else {
			mck_io_chomp(jws, &len);
			if (mck_statusset_add(&t->status, t->trust, jws, len, why, sizeof(why)) ==
			    MCK_OK) {
				why[0] = '\0';
			}
		}
		free(jws);
		if (why[0] == '\0') {
			continue;
		}
		if (strict) {
			snprintf(msg, cap, "status list %s/%s is damaged: %s", where, names[i],
				 why);
			rc = -1;
		} else if (diag != NULL) {
			char line[400];

			snprintf(line, sizeof(line), "status list %s ignored: %s", names[i], why);
			fprintf(diag, "mcverify: %s\n", mck_io_oneline(line));
		}
	}
	mck_io_free_names(names, n);
	return rc;
}

static int load_anchors(struct mck_store_trust *t, const char *dir, enum mck_reason *reason,
			char *msg, size_t cap)
{
	t->anchors = mck_anchors_create();
	if (t->anchors == NULL) {
		snprintf(msg, cap, "out of memory");
	}
	if (t->anchors == NULL || mck_store_add_anchors(t->anchors, dir, msg, cap) != 0) {
		*reason = MCK_REASON_ANCHOR_MISSING;
		return -1;
	}
	return 0;
}

/* Map a whole regular file below @p dirfd read-only; -errno. */
static int map_at(int dirfd, const char *name, size_t max, void **map, size_t *len)
{
	size_t size;
	int fd = mck_io_open_regular_at(dirfd, name, max, &size);
	int rc = 0;

	*map = NULL;
	*len = 0;
	if (fd < 0) {
		return fd;
	}
	if (size == 0) {
		rc = -ENODATA;
	} else {
		*map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (*map == MAP_FAILED) {
			*map = NULL;
			rc = -errno;
		} else {
			*len = size;
		}
	}
	close(fd);
	return rc;
}

static int load_files(struct mck_store_trust *t, const struct mck_store_opts *o, FILE *diag,
		      enum mck_reason *reason, char *msg, size_t cap)
{
	char why[200];
	size_t len;
	int rc;
	int fd;

	if (load_anchors(t, o->anchors, reason, msg, cap) != 0) {
		return -1;
	}
	/* Mapped, not copied: a national list can be 100 MB and a Pi Zero has 512 MB. */
	rc = map_at(AT_FDCWD, o->trust, MCK_TRUSTLIST_FILE_MAX, &t->jws_map, &t->jws_len);
	if (rc != 0) {
		snprintf(msg, cap, "trust list %s: %s", o->trust, mck_io_strerror(rc));
		*reason =
			rc == -ENOENT ? MCK_REASON_TRUSTLIST_MISSING : MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	/* A trailing newline from an editor or a copy is not part of the JWS. */
	len = t->jws_len;
	while (len > 0 && (((const char *)t->jws_map)[len - 1] == '\n' ||
			   ((const char *)t->jws_map)[len - 1] == '\r')) {
		len--;
	}
	rc = mck_trustlist_load(&t->trust, t->anchors, t->jws_map, len, why, sizeof(why));
	if (rc != MCK_OK) {
		snprintf(msg, cap, "trust list %s rejected: %s", o->trust, why);
		*reason = MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	if (o->status == NULL) {
		return 0;
	}
	fd = mck_io_open_dir_at(AT_FDCWD, o->status);
	if (fd < 0) {
		if (diag != NULL) {
			fprintf(diag, "mcverify: status lists %s: %s\n", o->status,
				mck_io_strerror(fd));
		}
		return 0;
	}
	rc = load_status(t, fd, o->status, false, diag, msg, cap);
	close(fd);
	if (rc != 0 && diag != NULL) {
		fprintf(diag, "mcverify: %s\n", msg);
	}
	return 0;
}

int64_t mck__store_sane_floor(int64_t floor, int64_t next_update, int64_t grace_s)
{
	/*
	 * An honest floor is some installed trust list's iat, and every list's iat
	 * is before its nextUpdate: one beyond nextUpdate + grace was moved by
	 * something else (an awarding body's status list, before revision 2).
	 */
	if (grace_s < 0 || next_update > MCK_TIME_MAX - grace_s) {
		return floor;
	}
	return floor > next_update + grace_s ? 0 : floor;
}

static int load_state(struct mck_store_trust *t, const struct mck_store_opts *o, FILE *diag,
		      enum mck_reason *reason, char *msg, size_t cap)
{
	struct mck_store_info info;
	char why[200];
	int dirfd;
	int sfd;
	int rc;

	*reason = MCK_REASON_TRUSTLIST_INVALID;
	rc = mck_store_open(&t->pin, o->state);
	if (rc == 0) {
		rc = mck_store_read_info(t->pin, &info);
	}
	if (rc != 0) {
		snprintf(msg, cap, "state directory %s is unreadable or damaged: %s", o->state,
			 mck_io_strerror(rc));
		if (rc == -ENOENT) {
			*reason = MCK_REASON_TRUSTLIST_MISSING;
		}
		return -1;
	}
	if (load_anchors(t, o->anchors, reason, msg, cap) != 0) {
		return -1;
	}
	dirfd = mck_store_dirfd(t->pin);
	rc = map_at(dirfd, "trustlist.jws", MCK_TRUSTLIST_FILE_MAX, &t->jws_map, &t->jws_len);
	if (rc != 0) {
		snprintf(msg, cap, "trust list %s/%s/trustlist.jws: %s", o->state,
			 mck_store_name(t->pin), mck_io_strerror(rc));
		*reason =
			rc == -ENOENT ? MCK_REASON_TRUSTLIST_MISSING : MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	rc = map_at(dirfd, "trustlist.idx", MCK_TRUSTLIST_FILE_MAX, &t->index_map, &t->index_len);
	if (rc == 0) {
		rc = mck_trustlist_load_indexed(&t->trust, t->anchors, t->jws_map, t->jws_len,
						t->index_map, t->index_len, why, sizeof(why));
		if (rc == MCK_OK) {
			t->indexed = true;
		} else if (rc == MCK_ERR_ENCODING && diag != NULL) {
			/* A damaged index must not stop the kiosk: the signed list is the truth. */
			fprintf(diag, "mcverify: index ignored (%s); parsing the trust list\n",
				why);
		}
	} else {
		rc = MCK_ERR_ENCODING; /* no index: an older or hand-made state */
	}
	if (rc == MCK_ERR_ENCODING) {
		rc = mck_trustlist_load(&t->trust, t->anchors, t->jws_map, t->jws_len, why,
					sizeof(why));
	}
	if (rc != MCK_OK) {
		snprintf(msg, cap, "trust list in %s rejected: %s", o->state, why);
		return -1;
	}
	/* A generation always has status/, empty or not: without it, it is damaged. */
	sfd = mck_io_open_dir_at(dirfd, "status");
	if (sfd < 0) {
		snprintf(msg, cap, "state directory %s is damaged: status/: %s", o->state,
			 mck_io_strerror(sfd));
		return -1;
	}
	rc = load_status(t, sfd, "status", true, diag, msg, cap);
	close(sfd);
	if (rc != 0) {
		return -1;
	}
	t->trusted_time = mck__store_sane_floor(info.trusted_time,
						mck_trustlist_next_update(t->trust), o->grace_s);
	if (t->trusted_time != info.trusted_time && diag != NULL) {
		char when[32];

		mck_time_format(info.trusted_time, when);
		fprintf(diag,
			"mcverify: trusted time %s is beyond the trust list's nextUpdate + grace: "
			"discarded (a poisoned clock floor)\n",
			when);
	}
	return 0;
}

int mck_store_load(struct mck_store_trust *t, const struct mck_store_opts *o, FILE *diag,
		   enum mck_reason *reason, char *msg, size_t cap)
{
	int rc;

	memset(t, 0, sizeof(*t));
	mck_statusset_init(&t->status);
	if (o->state != NULL) {
		rc = load_state(t, o, diag, reason, msg, cap);
	} else if (o->trust != NULL) {
		rc = load_files(t, o, diag, reason, msg, cap);
	} else {
		snprintf(msg, cap, "no trust list: give --trust FILE or --state DIR");
		*reason = MCK_REASON_TRUSTLIST_MISSING;
		rc = -1;
	}
	return rc;
}

void mck_store_trust_free(struct mck_store_trust *t)
{
	if (t == NULL) {
		return;
	}
	mck_statusset_free(&t->status);
	mck_trustlist_destroy(t->trust);
	if (t->index_map != NULL) {
		munmap(t->index_map, t->index_len);
	}
	if (t->jws_map != NULL) {
		munmap(t->jws_map, t->jws_len);
	}
	mck_anchors_destroy(t->anchors);
	mck_store_close(t->pin);
	memset(t, 0, sizeof(*t));
}

bool mck_store_opts_take(struct mck_store_opts *o, const char *flag, const char *value)
{
	if (strcmp(flag, "--anchors") == 0) {
		o->anchors = value;
	} else if (strcmp(flag, "--trust") == 0) {
		o->trust = value;
	} else if (strcmp(flag, "--status") == 0) {
		o->status = value;
	} else if (strcmp(flag, "--state") == 0) {
		o->state = value;
	} else {
		return false;
	}
	return true;
}
