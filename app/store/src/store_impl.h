/* The trust store's shared internals (not part of mck/store.h). */
#ifndef MCK_STORE_IMPL_H
#define MCK_STORE_IMPL_H

#include <stdbool.h>

#include "mck/store.h"

/* "gen-" + 16 hex digits + "-" + 8 hex digits, with room to spare. */
#define MCK__GEN_NAME_MAX 64

/** Whether @p name is a generation name of ours (gen-HEX-HEX). */
bool mck__store_gen_name_ok(const char *name);

/** The generation `current` names below @p state_fd: 0, -ENOENT (none) or -EINVAL. */
int mck__store_current(int state_fd, char name[MCK__GEN_NAME_MAX]);

/** state.json of the generation @p dirfd; missing gives zeros. */
int mck__store_read_info_at(int dirfd, struct mck_store_info *info);

/** The floor @p floor if it is sane for a list with @p next_update, else 0. */
int64_t mck__store_sane_floor(int64_t floor, int64_t next_update, int64_t grace_s);

#endif
