/*
 * The kiosk's state directory (/var/lib/mckiosk on the appliance):
 *
 *   STATE/current -> gen-<sequence>-<random>     the one symlink swapped per update
 *   STATE/gen-…/trustlist.jws                    the verified trust list, as received
 *   STATE/gen-…/trustlist.idx                    its compiled index (mck_trustlist_index_build)
 *   STATE/gen-…/status/NAME.jws                  verified status lists
 *   STATE/gen-…/state.json                       {"sequence": N, "trustedTime": T}
 *
 * An update writes a new generation beside the current one, flushes every file
 * and directory, then replaces `current` with one rename and flushes STATE: a
 * power cut leaves either the old generation or the new one in force.
 */
#ifndef MCK_CLI_STATE_H
#define MCK_CLI_STATE_H

#include <stddef.h>
#include <stdint.h>

struct mck_state_info {
	int64_t sequence;     /* highest accepted trust-list sequence, 0 when none */
	int64_t trusted_time; /* newest trusted time seen (list and status iat), 0 when none */
};

/** The directory holding the files in force: STATE/current, or STATE itself when it has none. */
int mck_state_resolve(const char *state, char *dir, size_t cap);

/** Read state.json of a resolved directory; a missing file gives zeros. -errno or -EINVAL. */
int mck_state_read_info(const char *dir, struct mck_state_info *info);

struct mck_state_file {
	const char *name; /* "trustlist.jws", "status/x.jws", … */
	const void *data;
	size_t len;
};

/**
 * Install @p files as a new generation of @p state (created when absent) and
 * make it current, as described above; then remove older generations.
 * Returns 0 or -errno; on failure the previous generation stays in force.
 */
int mck_state_install(const char *state, int64_t sequence, const struct mck_state_file *files,
		      size_t count);

#endif
