/* Installing a verified update bundle as a new generation (trust-list.md §5). */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "mck/err.h"
#include "mck/io.h"
#include "mck/store.h"
#include "store_impl.h"

struct bundle {
	char *trust;
	size_t trust_len;
	size_t nstatus;
	size_t status_bytes;
	struct {
		char *name; /* "status/NAME.jws" */
		char *data;
		size_t len;
	} status[MCK_STATUS_LISTS_MAX];
};

static void bundle_free(struct bundle *b)
{
	free(b->trust);
	for (size_t i = 0; i < b->nstatus; i++) {
		free(b->status[i].name);
		free(b->status[i].data);
	}
}

#define REFUSE(r, ...) (snprintf(msg, cap, __VA_ARGS__), (r))

/* Read the bundle's status lists from @p sfd: regular files only, within the budget. */
static enum mck_store_result read_status(int sfd, struct bundle *b, char *msg, size_t cap)
{
	char **names = NULL;
	int n = mck_io_list_at(sfd, ".jws", &names);
	enum mck_store_result r = MCK_STORE_INSTALLED;

	if (n < 0) {
		return REFUSE(MCK_STORE_STATUS_INVALID, "status/: %s", mck_io_strerror(n));
	}
	if ((size_t)n > MCK_STATUS_LISTS_MAX) {
		r = REFUSE(MCK_STORE_STATUS_INVALID, "status/: %d lists, at most %d", n,
			   MCK_STATUS_LISTS_MAX);
	}
	for (int i = 0; i < n && r == MCK_STORE_INSTALLED; i++) {
		size_t len;
		char *data = NULL;
		int rc = mck_io_read_at(sfd, names[i], MCK_STATUS_JWS_MAX, &data, &len);
		char *name;

		if (rc != 0) {
			r = REFUSE(MCK_STORE_STATUS_INVALID, "status/%.80s: %s", names[i],
				   mck_io_strerror(rc));
			break;
		}
		b->status_bytes += len;
		name = malloc(strlen(names[i]) + sizeof("status/"));
		if (b->status_bytes > MCK_STORE_STATUS_BYTES_MAX || name == NULL) {
			r = name == NULL
				    ? REFUSE(MCK_STORE_FAILED, "out of memory")
				    : REFUSE(MCK_STORE_STATUS_INVALID,
					     "status/: the lists are larger than %zu MiB together",
					     MCK_STORE_STATUS_BYTES_MAX >> 20);
			free(name);
			free(data);
			break;
		}
		strcpy(name, "status/");
		strcat(name, names[i]);
		mck_io_chomp(data, &len);
		b->status[b->nstatus].name = name;
		b->status[b->nstatus].data = data;
		b->status[b->nstatus].len = len;
		b->nstatus++;
	}
	mck_io_free_names(names, n > 0 ? n : 0);
	return r;
}

/* Read a bundle directory; nothing in it is followed, waited on or read without a cap. */
static enum mck_store_result read_bundle(const char *dir, struct bundle *b, char *msg, size_t cap)
{
	int fd = mck_io_open_dir_at(AT_FDCWD, dir);
	int sfd;
	int rc;
	enum mck_store_result r;

	if (fd < 0) {
		return REFUSE(MCK_STORE_TRUSTLIST_INVALID, "%.200s: %s", dir, mck_io_strerror(fd));
	}
	rc = mck_io_read_at(fd, "trustlist.jws", MCK_TRUSTLIST_FILE_MAX, &b->trust, &b->trust_len);
	if (rc != 0) {
		close(fd);
		return REFUSE(MCK_STORE_TRUSTLIST_INVALID, "trustlist.jws: %s",
			      mck_io_strerror(rc));
	}
	mck_io_chomp(b->trust, &b->trust_len);
	sfd = mck_io_open_dir_at(fd, "status");
	close(fd);
	if (sfd == -ENOENT) {
		return MCK_STORE_INSTALLED; /* no status lists */
	}
	if (sfd < 0) {
		return REFUSE(MCK_STORE_STATUS_INVALID, "status/: %s", mck_io_strerror(sfd));
	}
	r = read_status(sfd, b, msg, cap);
	close(sfd);
	return r;
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

/* Remove the files of generation @p gen_fd (status/ first), then the directory. */
static void remove_files(int state_fd, int gen_fd, const char *name)
{
	char **names = NULL;
	int sfd = mck_io_open_dir_at(gen_fd, "status");
	int n;

	if (sfd >= 0) {
		n = mck_io_list_at(sfd, "", &names);
		for (int i = 0; i < n; i++) {
			mck_io_unlink_at(sfd, names[i], 0);
		}
		mck_io_free_names(names, n > 0 ? n : 0);
		close(sfd);
		mck_io_unlink_at(gen_fd, "status", AT_REMOVEDIR);
	}
	/* state.json goes first: a generation without it is never taken for whole. */
	mck_io_unlink_at(gen_fd, "state.json", 0);
	n = mck_io_list_at(gen_fd, "", &names);
	for (int i = 0; i < n; i++) {
		mck_io_unlink_at(gen_fd, names[i], 0);
	}
	mck_io_free_names(names, n > 0 ? n : 0);
	mck_io_unlink_at(state_fd, name, AT_REMOVEDIR);
}

/*
 * Remove every generation but the one in force, skipping those a reader has
 * pinned (their shared lock makes our exclusive try fail); the next install
 * removes them. Called with the installers' lock held.
 */
static void remove_old_generations(int state_fd)
{
	char current[MCK__GEN_NAME_MAX];
	char **names = NULL;
	int n;

	if (mck__store_current(state_fd, current) != 0) {
		return; /* never delete anything without knowing what is in force */
	}
	n = mck_io_list_at(state_fd, "", &names);
	for (int i = 0; i < n; i++) {
		int fd;

		if (!mck__store_gen_name_ok(names[i]) || strcmp(names[i], current) == 0) {
			continue;
		}
		fd = mck_io_open_dir_at(state_fd, names[i]);
		if (fd < 0) {
			continue;
		}
		if (mck_io_flock(fd, LOCK_EX | LOCK_NB) == 0) {
			remove_files(state_fd, fd, names[i]);
		}
		close(fd); /* releases the lock */
	}
	mck_io_free_names(names, n > 0 ? n : 0);
}

static void random_suffix(char out[9])
{
	unsigned char b[4] = {0};
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		if (read(fd, b, sizeof(b)) != (ssize_t)sizeof(b)) {
			memset(b, 0, sizeof(b));
		}
		close(fd);
	}
	snprintf(out, 9, "%02x%02x%02x%02x", b[0], b[1], b[2], b[3]);
}

struct gen_file {
	const char *name;
	const void *data;
	size_t len;
};

/* Write a new generation beside the current one and swap `current` to it. */
static int write_generation(int state_fd, int64_t sequence, const struct gen_file *files,
			    size_t count)
{
	char gen[MCK__GEN_NAME_MAX];
	char suffix[9];
	int gen_fd = -1;
	int sfd = -1;
	int rc;

	random_suffix(suffix);
	snprintf(gen, sizeof(gen), "gen-%016llx-%s", (unsigned long long)sequence, suffix);
	rc = mck_io_mkdir_at(state_fd, gen);
	if (rc == 0) {
		gen_fd = mck_io_open_dir_at(state_fd, gen);
		rc = gen_fd < 0 ? gen_fd : mck_io_mkdir_at(gen_fd, "status");
	}
	if (rc == 0) {
		sfd = mck_io_open_dir_at(gen_fd, "status");
		rc = sfd < 0 ? sfd : 0;
	}
	for (size_t i = 0; rc == 0 && i < count; i++) {
		bool in_status = strncmp(files[i].name, "status/", 7) == 0;

		rc = mck_io_write_at(in_status ? sfd : gen_fd,
				     in_status ? files[i].name + 7 : files[i].name, files[i].data,
				     files[i].len);
	}
	if (rc == 0) {
		rc = mck_io_fsync(sfd);
	}
	if (rc == 0) {
		rc = mck_io_fsync(gen_fd);
	}
	if (rc == 0) {
		rc = mck_io_fsync(state_fd);
	}
	/* The swap: a fresh symlink renamed over `current`, then STATE flushed. */
	if (rc == 0) {
		rc = mck_io_unlink_at(state_fd, "current.new", 0);
		rc = rc == -ENOENT ? 0 : rc;
	}
	if (rc == 0) {
		rc = mck_io_symlink_at(gen, state_fd, "current.new");
	}
	if (rc == 0) {
		rc = mck_io_rename_at(state_fd, "current.new", "current");
	}
	if (rc == 0) {
		rc = mck_io_fsync(state_fd);
	}
	if (sfd >= 0) {
		close(sfd);
	}
	if (rc != 0 && gen_fd >= 0) {
		char current[MCK__GEN_NAME_MAX];

		/* Never remove what is in force, even if only the last fsync failed. */
		if (mck__store_current(state_fd, current) != 0 || strcmp(current, gen) != 0) {
			remove_files(state_fd, gen_fd, gen);
		}
	}
	if (gen_fd >= 0) {
		close(gen_fd);
	}
	return rc;
}

/* Open (creating it when absent) and lock the state directory; waits up to @p wait_s. */
static int lock_state(const char *state, int wait_s, enum mck_store_result *r, char *msg,
		      size_t cap)
{
	int fd = mck_io_lock_dir(state, wait_s);

	if (fd == -EWOULDBLOCK) {
		*r = REFUSE(MCK_STORE_BUSY,
			    "another installer has held %.200s for %d s; nothing changed", state,
			    wait_s);
	} else if (fd < 0) {
		*r = REFUSE(MCK_STORE_FAILED, "state directory %.200s: %s", state,
			    mck_io_strerror(fd));
	}
	return fd < 0 ? -1 : fd;
}

/* Verify the whole bundle against the anchors; nothing is written. */
static enum mck_store_result verify_bundle(const struct mck_store_install_opts *o,
					   const struct bundle *b, struct mck_trustlist **tl,
					   struct mck_statusset *set, char *msg, size_t cap)
{
	char why[200];

	if (mck_trustlist_load(tl, o->anchors, b->trust, b->trust_len, why, sizeof(why)) !=
	    MCK_OK) {
		return REFUSE(MCK_STORE_TRUSTLIST_INVALID, "trustlist.jws: %s", why);
	}
	for (size_t i = 0; i < b->nstatus; i++) {
		if (mck_statusset_add(set, *tl, b->status[i].data, b->status[i].len, why,
				      sizeof(why)) != MCK_OK) {
			return REFUSE(MCK_STORE_STATUS_INVALID, "%.80s: %s", b->status[i].name,
				      why);
		}
	}
	return MCK_STORE_INSTALLED;
}

enum mck_store_result mck_store_install_bundle(const struct mck_store_install_opts *o,
					       const char *bundle, int64_t *sequence, char *msg,
					       size_t cap)
{
	struct bundle *b = calloc(1, sizeof(*b));
	struct mck_trustlist *tl = NULL;
	struct mck_statusset set;
	struct mck_store_info info;
	struct gen_file *files = NULL;
	char current[MCK__GEN_NAME_MAX];
	uint8_t *index = NULL;
	size_t index_len = 0;
	char *info_text = NULL;
	enum mck_store_result r = MCK_STORE_FAILED;
	int state_fd = -1;
	int gen_fd;
	int64_t trusted;
	size_t nfiles = 0;
	int rc;

	*sequence = 0;
	snprintf(msg, cap, "out of memory");
	mck_statusset_init(&set);
	if (b == NULL) {
		goto out;
	}
	/* Everything is read and verified before the lock is taken or anything written. */
	r = read_bundle(bundle, b, msg, cap);
	if (r == MCK_STORE_INSTALLED) {
		r = verify_bundle(o, b, &tl, &set, msg, cap);
	}
	if (r != MCK_STORE_INSTALLED) {
		goto out;
	}
	state_fd = lock_state(o->state, o->lock_wait_s, &r, msg, cap);
	if (state_fd < 0) {
		goto out;
	}
	/* Under the lock: what is in force now, not before we waited. */
	r = MCK_STORE_FAILED;
	rc = mck__store_current(state_fd, current);
	if (rc == -ENOENT) {
		rc = mck__store_read_info_at(state_fd, &info); /* hand-made, or none yet */
	} else if (rc == 0) {
		gen_fd = mck_io_open_dir_at(state_fd, current);
		rc = gen_fd < 0 ? gen_fd : mck__store_read_info_at(gen_fd, &info);
		if (gen_fd >= 0) {
			close(gen_fd);
		}
	}
	if (rc != 0) {
		snprintf(msg, cap, "the state directory %.200s is unreadable: %s", o->state,
			 mck_io_strerror(rc));
		goto out;
	}
	*sequence = info.sequence;
	if (mck_trustlist_sequence(tl) < info.sequence) {
		r = REFUSE(MCK_STORE_ROLLBACK,
			   "trustlist.jws: sequence %lld is older than the "
			   "installed %lld",
			   (long long)mck_trustlist_sequence(tl), (long long)info.sequence);
		goto out;
	}
	if (mck_trustlist_sequence(tl) == info.sequence) {
		r = MCK_STORE_CURRENT;
		snprintf(msg, cap, "already current");
		goto out;
	}
	/*
	 * Trusted time comes from the operator only (trust-list.md §3): the newest
	 * trust-list iat, never a status list's. A floor an older version let an
	 * awarding body push beyond this list's nextUpdate + grace is dropped here.
	 */
	trusted =
		mck__store_sane_floor(info.trusted_time, mck_trustlist_next_update(tl), o->grace_s);
	trusted = trusted > mck_trustlist_iat(tl) ? trusted : mck_trustlist_iat(tl);
	info_text = state_json(mck_trustlist_sequence(tl), trusted);
	files = calloc(b->nstatus + 3, sizeof(*files));
	if (info_text == NULL || files == NULL ||
	    mck_trustlist_index_build(tl, b->trust, b->trust_len, &index, &index_len) != MCK_OK) {
		snprintf(msg, cap, "out of memory");
		goto out;
	}
	files[nfiles++] = (struct gen_file){"trustlist.jws", b->trust, b->trust_len};
	files[nfiles++] = (struct gen_file){"trustlist.idx", index, index_len};
	for (size_t i = 0; i < b->nstatus; i++) {
		files[nfiles++] =
			(struct gen_file){b->status[i].name, b->status[i].data, b->status[i].len};
	}
	/* Last: a generation with state.json is complete. */
	files[nfiles++] = (struct gen_file){"state.json", info_text, strlen(info_text)};
	rc = write_generation(state_fd, mck_trustlist_sequence(tl), files, nfiles);
	if (rc != 0) {
		snprintf(msg, cap, "install into %.200s failed: %s (previous state kept)", o->state,
			 mck_io_strerror(rc));
		goto out;
	}
	remove_old_generations(state_fd);
	*sequence = mck_trustlist_sequence(tl);
	snprintf(msg, cap, "installed");
	r = MCK_STORE_INSTALLED;
out:
	if (state_fd >= 0) {
		close(state_fd); /* releases the installers' lock */
	}
	free(files);
	free(info_text);
	free(index);
	mck_statusset_free(&set);
	mck_trustlist_destroy(tl);
	if (b != NULL) {
		bundle_free(b);
		free(b);
	}
	return r;
}

const char *mck_store_result_code(enum mck_store_result r)
{
	switch (r) {
	case MCK_STORE_TRUSTLIST_INVALID:
		return "trustlist_invalid";
	case MCK_STORE_ROLLBACK:
		return "trustlist_rollback";
	case MCK_STORE_STATUS_INVALID:
		return "status_invalid";
	case MCK_STORE_BUSY:
		return "state_busy";
	default:
		return NULL;
	}
}
