/* The trust list's representation, shared by the loader and the compiled index. */
#ifndef MCK_TRUSTLIST_IMPL_H
#define MCK_TRUSTLIST_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/trustlist.h"

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
	uint32_t *issuer_index; /* open addressing: issuer index + 1, 0 = empty */
	uint32_t *key_index;    /* likewise for keys */
	size_t index_mask;      /* both tables have index_mask + 1 slots */
	bool mapped;            /* keys, strings, material, tables borrow an index */
};

#endif
