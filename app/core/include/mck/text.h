/* Making credential text safe to show: no controls, no bidi tricks, bounded length. */
#ifndef MCK_TEXT_H
#define MCK_TEXT_H

#include <stddef.h>

/**
 * Copy UTF-8 @p in to @p out (capacity @p cap, always NUL-terminated when
 * cap > 0), replacing C0/C1 controls, DEL, bidi embeddings/overrides/isolates,
 * zero-width characters and invalid UTF-8 with U+FFFD, keeping at most two
 * combining marks (Mn, Me) on a base character (the rest of a pile becomes
 * one U+FFFD), and cutting at a character boundary with "…" when it does not
 * fit. Returns the bytes written.
 */
size_t mck_text_sanitize(const char *in, char *out, size_t cap);

#endif
