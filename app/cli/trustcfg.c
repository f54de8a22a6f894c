#define _POSIX_C_SOURCE 200809L

#include "trustcfg.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "mck/err.h"
#include "state.h"

int mck_trustcfg_add_anchors(struct mck_anchors *anchors, const char *dir, char *msg, size_t cap)
{
	char **names = NULL;
	char path[PATH_MAX];
	int n = mck_cli_list_dir(dir, ".pem", &names);

	if (n < 0) {
		snprintf(msg, cap, "anchors %s: %s", dir, strerror(-n));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char *pem = NULL;
		size_t len;

		if (mck_cli_path(path, sizeof(path), dir, names[i]) != 0 ||
		    mck_cli_read_file(path, MCK_ANCHOR_FILE_MAX, &pem, &len) != 0 ||
		    mck_anchors_add_pem(anchors, pem, len) != MCK_OK) {
			snprintf(msg, cap, "anchor %s is not a P-256/P-384 public key PEM",
				 names[i]);
			free(pem);
			mck_cli_free_names(names, n);
			return -1;
		}
		free(pem);
	}
	mck_cli_free_names(names, n);
	if (mck_anchors_count(anchors) == 0) {
		snprintf(msg, cap, "no trust anchor (*.pem) in %s", dir);
		return -1;
	}
	return 0;
}

static void load_status(struct mck_trustcfg *cfg, const char *dir, FILE *diag)
{
	char **names = NULL;
	char path[PATH_MAX];
	char why[200];
	int n = mck_cli_list_dir(dir, ".jws", &names);

	if (n < 0) {
		if (diag != NULL) {
			fprintf(diag, "mcverify: status lists %s: %s\n", dir, strerror(-n));
		}
		return;
	}
	for (int i = 0; i < n; i++) {
		char *jws = NULL;
		size_t len;
		int rc = mck_cli_path(path, sizeof(path), dir, names[i]);

		if (rc == 0) {
			rc = mck_cli_read_file(path, MCK_STATUS_JWS_MAX, &jws, &len);
		}
		if (rc == 0) {
			mck_cli_chomp(jws, &len);
		}
		if (rc != 0) {
			snprintf(why, sizeof(why), "%s", strerror(-rc));
		} else if (mck_statusset_add(&cfg->status, cfg->trust, jws, len, why,
					     sizeof(why)) == MCK_OK) {
			why[0] = '\0';
		}
		if (why[0] != '\0' && diag != NULL) {
			fprintf(diag, "mcverify: status list %s ignored: %s\n", names[i], why);
		}
		free(jws);
	}
	mck_cli_free_names(names, n);
}

int mck_trustcfg_load(struct mck_trustcfg *cfg, const char *anchors_dir, const char *trust_file,
		      const char *status_dir, FILE *diag, enum mck_reason *reason, char *msg,
		      size_t cap)
{
	char why[200];
	char *jws = NULL;
	size_t len;
	int rc;

	memset(cfg, 0, sizeof(*cfg));
	mck_statusset_init(&cfg->status);
	cfg->anchors = mck_anchors_create();
	if (cfg->anchors == NULL ||
	    mck_trustcfg_add_anchors(cfg->anchors, anchors_dir, msg, cap) != 0) {
		*reason = MCK_REASON_ANCHOR_MISSING;
		return -1;
	}
	rc = mck_cli_read_file(trust_file, MCK_TRUSTLIST_FILE_MAX, &jws, &len);
	if (rc != 0) {
		snprintf(msg, cap, "trust list %s: %s", trust_file, strerror(-rc));
		*reason =
			rc == -ENOENT ? MCK_REASON_TRUSTLIST_MISSING : MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	/* A trailing newline from an editor or a copy is not part of the JWS. */
	mck_cli_chomp(jws, &len);
	rc = mck_trustlist_load(&cfg->trust, cfg->anchors, jws, len, why, sizeof(why));
	free(jws);
	if (rc != MCK_OK) {
		snprintf(msg, cap, "trust list %s rejected: %s", trust_file, why);
		*reason = MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	if (status_dir != NULL) {
		load_status(cfg, status_dir, diag);
	}
	return 0;
}

/* Map a whole regular file read-only; -errno. */
static int map_file(const char *path, size_t max, void **map, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc = 0;

	*map = NULL;
	*len = 0;
	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &st) != 0) {
		rc = -errno;
	} else if (!S_ISREG(st.st_mode) || st.st_size <= 0) {
		rc = -EINVAL;
	} else if ((unsigned long long)st.st_size > max) {
		rc = -EFBIG;
	} else {
		*map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (*map == MAP_FAILED) {
			*map = NULL;
			rc = -errno;
		} else {
			*len = (size_t)st.st_size;
		}
	}
	close(fd);
	return rc;
}

int mck_trustcfg_load_state(struct mck_trustcfg *cfg, const char *anchors_dir, const char *state,
			    FILE *diag, enum mck_reason *reason, char *msg, size_t cap)
{
	char dir[PATH_MAX];
	char jws[PATH_MAX];
	char idx[PATH_MAX];
	char status[PATH_MAX];
	struct mck_state_info info;
	char why[200];
	int rc;

	memset(cfg, 0, sizeof(*cfg));
	mck_statusset_init(&cfg->status);
	if (mck_state_resolve(state, dir, sizeof(dir)) != 0 ||
	    mck_cli_path(jws, sizeof(jws), dir, "trustlist.jws") != 0 ||
	    mck_cli_path(idx, sizeof(idx), dir, "trustlist.idx") != 0 ||
	    mck_cli_path(status, sizeof(status), dir, "status") != 0 ||
	    mck_state_read_info(dir, &info) != 0) {
		snprintf(msg, cap, "state directory %s is unreadable or damaged", state);
		*reason = MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	if (map_file(idx, MCK_TRUSTLIST_FILE_MAX, &cfg->index_map, &cfg->index_len) != 0) {
		/* No index: an older or hand-made state; parse the list. */
		rc = mck_trustcfg_load(cfg, anchors_dir, jws, status, diag, reason, msg, cap);
		cfg->trusted_time = info.trusted_time;
		return rc;
	}
	cfg->anchors = mck_anchors_create();
	if (cfg->anchors == NULL ||
	    mck_trustcfg_add_anchors(cfg->anchors, anchors_dir, msg, cap) != 0) {
		*reason = MCK_REASON_ANCHOR_MISSING;
		return -1;
	}
	rc = map_file(jws, MCK_TRUSTLIST_FILE_MAX, &cfg->jws_map, &cfg->jws_len);
	if (rc != 0) {
		snprintf(msg, cap, "trust list %s: %s", jws, strerror(-rc));
		*reason =
			rc == -ENOENT ? MCK_REASON_TRUSTLIST_MISSING : MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	rc = mck_trustlist_load_indexed(&cfg->trust, cfg->anchors, cfg->jws_map, cfg->jws_len,
					cfg->index_map, cfg->index_len, why, sizeof(why));
	if (rc == MCK_ERR_ENCODING) {
		/* A damaged index must not stop the kiosk: the signed list is the truth. */
		if (diag != NULL) {
			fprintf(diag, "mcverify: index ignored (%s); parsing the trust list\n",
				why);
		}
		rc = mck_trustlist_load(&cfg->trust, cfg->anchors, cfg->jws_map, cfg->jws_len, why,
					sizeof(why));
	} else if (rc == MCK_OK) {
		cfg->indexed = true;
	}
	if (rc != MCK_OK) {
		snprintf(msg, cap, "trust list %s rejected: %s", jws, why);
		*reason = MCK_REASON_TRUSTLIST_INVALID;
		return -1;
	}
	if (access(status, F_OK) == 0) {
		load_status(cfg, status, diag);
	}
	cfg->trusted_time = info.trusted_time;
	return 0;
}

void mck_trustcfg_free(struct mck_trustcfg *cfg)
{
	if (cfg == NULL) {
		return;
	}
	mck_statusset_free(&cfg->status);
	mck_trustlist_destroy(cfg->trust);
	if (cfg->index_map != NULL) {
		munmap(cfg->index_map, cfg->index_len);
	}
	if (cfg->jws_map != NULL) {
		munmap(cfg->jws_map, cfg->jws_len);
	}
	mck_anchors_destroy(cfg->anchors);
	memset(cfg, 0, sizeof(*cfg));
}

bool mck_trust_opts_take(struct mck_trust_opts *o, const char *flag, const char *value)
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

int mck_trustcfg_open(struct mck_trustcfg *cfg, const struct mck_trust_opts *o, FILE *diag,
		      enum mck_reason *reason, char *msg, size_t cap)
{
	if (o->state != NULL) {
		return mck_trustcfg_load_state(cfg, o->anchors, o->state, diag, reason, msg, cap);
	}
	if (o->trust != NULL) {
		return mck_trustcfg_load(cfg, o->anchors, o->trust, o->status, diag, reason, msg,
					 cap);
	}
	memset(cfg, 0, sizeof(*cfg));
	mck_statusset_init(&cfg->status);
	snprintf(msg, cap, "no trust list: give --trust FILE or --state DIR");
	*reason = MCK_REASON_TRUSTLIST_MISSING;
	return -1;
}
