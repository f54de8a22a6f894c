/* The trust list's representation, shared by the loader and the compiled index. */
#ifndef MCK_TRUSTLIST_IMPL_H
#define MCK_TRUSTLIST_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/trustlist.h"

struct mck__tl_lazy; /* a list read from its index: what is checked so far (trustlist_index.c) */

struct mck_trustlist {
	int64_t sequence;
	int64_t iat;
	int64_t next_update;
	char *operator_name;
	struct mck_tl_issuer *issuers; /* always heap: its strings are pointers */
	size_t issuer_count;
	struct mck_tl_key *keys;
	size_t key_count;
	char *strings; /* every issuer string, NUL-terminated */
	size_t strings_len;
	uint8_t *material;
	size_t material_len;
	size_t material_cap;
	uint32_t *issuer_index;    /* open addressing: issuer index + 1, 0 = empty */
	uint32_t *key_index;       /* likewise for keys */
	size_t index_mask;         /* both tables have index_mask + 1 slots */
	bool mapped;               /* keys, strings, material, tables borrow an index */
	struct mck__tl_lazy *lazy; /* mapped: the index's pages are checked on first use */
	/* The digest of the JWS signing input its signature was verified over. */
	uint8_t signed_hash[MCK_HASH_MAX];
	size_t hash_len;
};

/*
 * A mapped list's lookups (trustlist_index.c): each checks the index pages it
 * reads before it uses them; on a damaged page the list is parsed from its JWS
 * and answers from then on come from that.
 */
const struct mck_tl_issuer *mck__index_find_issuer(const struct mck_trustlist *tl, const char *id);
const struct mck_tl_key *mck__index_find_key(const struct mck_trustlist *tl,
					     const uint8_t thumb[MCK_SHA256_LEN]);
const struct mck_tl_issuer *mck__index_issuer_at(const struct mck_trustlist *tl, uint32_t i);
void mck__index_key_raw(const struct mck_trustlist *tl, const struct mck_tl_key *key,
			struct mck_key_raw *raw);
/** Whether a mapped list can answer nothing (a damaged page, and its JWS failed too). */
bool mck__index_broken(const struct mck_trustlist *tl);
void mck__index_free(struct mck__tl_lazy *z);

uint64_t mck__trustlist_hash_string(const char *s);
uint64_t mck__trustlist_hash_thumb(const uint8_t *t);

#endif
