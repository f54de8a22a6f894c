/*
 * Searching the process's own memory for a secret (tests only): how many
 * copies of a credential's text, or of a frame's pixels, are left behind.
 */
#ifndef MCK_TEST_MEMSCAN_H
#define MCK_TEST_MEMSCAN_H

#include <stddef.h>

/**
 * Occurrences of @p needle (@p len bytes, at least 8) in the process's
 * readable and writable private mappings (heap, stacks, .data, .bss,
 * anonymous maps: freed memory included), read through /proc/self/mem so
 * that freed and poisoned memory is read without touching it (ASan). Copies
 * inside [@p skip, @p skip + @p skip_len) and the needle itself are not
 * counted. Not counted either: a copy split across two mappings, pages not
 * resident (never touched, or swapped out), and mappings over 64 GiB
 * (address space a sanitizer reserves for its shadow), and the first bytes
 * of a freed block, which the allocator writes its links into (put the
 * needle 32 bytes or more into the secret). Returns the count, or
 * (size_t)-1 when /proc/self cannot be read or does not show this process's
 * memory at its addresses (an emulator): skip the test then.
 */
size_t mck_memscan_count(const void *needle, size_t len, const void *skip, size_t skip_len);

/**
 * @p n random characters [a-z0-9] into @p out (no NUL): a text no fixture,
 * library or earlier test holds, for a needle that only the code under
 * test can have copied.
 */
void mck_memscan_random_text(char *out, size_t n);

#endif
