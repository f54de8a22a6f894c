/* Cached W3C Bitstring Status Lists (trust-list.md §4). */
#ifndef MCK_STATUSLIST_H
#define MCK_STATUSLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/trustlist.h"

#define MCK_STATUS_MIN_BYTES       (16u * 1024u)         /* 131 072 entries */
#define MCK_STATUS_MAX_BYTES       (16u * 1024u * 1024u) /* decompression cap */
#define MCK_STATUS_JWS_MAX         (24u * 1024u * 1024u) /* a status list file */
/* The budget of one installed state (trust-list.md §4): lists, and inflated bytes together. */
#define MCK_STATUS_LISTS_MAX       1024
#define MCK_STATUS_TOTAL_MAX_BYTES ((size_t)64 * 1024 * 1024)

struct mck_statuslist {
	char *id;
	char *iss;
	int64_t iat;
	bool has_exp;
	int64_t exp;
	uint8_t *bits; /* index 0 is the most significant bit of bits[0] */
	size_t nbytes;
};

/* The set of cached lists: caller-owned storage (mck_statusset_init / _free). */
struct mck_statusset {
	struct mck_statuslist *lists;
	size_t count;
	size_t total_bytes; /* sum of the lists' nbytes, at most MCK_STATUS_TOTAL_MAX_BYTES */
};

void mck_statusset_init(struct mck_statusset *set);
void mck_statusset_free(struct mck_statusset *set);

/**
 * Verify one status list JWS against @p tl (signed by a key of its iss, in the
 * key's window at iat, iat no later than @p tl's nextUpdate) and add it. A list that fails is not added and @p msg
 * says why. A list that would take the set over MCK_STATUS_LISTS_MAX lists or
 * MCK_STATUS_TOTAL_MAX_BYTES inflated bytes is refused with MCK_ERR_TOOBIG.
 * Returns MCK_OK, MCK_ERR_SIGNATURE, MCK_ERR_JSON, MCK_ERR_TOOBIG, MCK_ERR_NOMEM.
 */
int mck_statusset_add(struct mck_statusset *set, const struct mck_trustlist *tl, const char *jws,
		      size_t len, char *msg, size_t msgcap);

/** The list with this id published by @p iss, or NULL. */
const struct mck_statuslist *mck_statusset_find(const struct mck_statusset *set, const char *id,
						const char *iss);

/** The bit at @p index: 1 set, 0 clear, -1 outside the list. */
int mck_statuslist_bit(const struct mck_statuslist *list, uint64_t index);

#endif
