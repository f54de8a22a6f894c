/* The member-name hash of json.c's duplicate check (private; tests use it to make names collide). */
#ifndef MCK_JSON_HASH_H
#define MCK_JSON_HASH_H

#include <stddef.h>
#include <stdint.h>

/**
 * FNV-1a of the NUL-terminated @p s, then MurmurHash3's finaliser; its length
 * in *len (may be NULL).
 */
uint64_t mck__json_name_hash(const char *s, size_t *len);

#endif
