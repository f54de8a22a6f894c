/* File and directory helpers for the command-line tools (bounded, hostile-input safe). */
#ifndef MCK_CLI_FILEIO_H
#define MCK_CLI_FILEIO_H

#include <stddef.h>

/**
 * Read a regular file of at most @p max bytes into a new NUL-terminated buffer
 * (caller frees). Returns 0, or negative errno (-EFBIG over @p max, -EINVAL not
 * a regular file).
 */
int mck_cli_read_file(const char *path, size_t max, char **out, size_t *len);

/** Read all of a stream (stdin) up to @p max bytes; as mck_cli_read_file. */
int mck_cli_read_stream(int fd, size_t max, char **out, size_t *len);

/**
 * The names in @p dir ending in @p suffix, sorted (caller frees with
 * mck_cli_free_names). Hidden files are skipped. Returns the count or -errno.
 */
int mck_cli_list_dir(const char *dir, const char *suffix, char ***names);
void mck_cli_free_names(char **names, int count);

/** Join dir and name into @p buf; -ENAMETOOLONG when it does not fit. */
int mck_cli_path(char *buf, size_t cap, const char *dir, const char *name);

/** Drop trailing CR/LF from a NUL-terminated buffer of *len bytes. */
void mck_cli_chomp(char *buf, size_t *len);

/**
 * The next non-empty line of a NUL-terminated buffer, without its CR/LF (the
 * buffer is cut in place), or NULL at the end. *cursor starts at the buffer.
 */
char *mck_cli_next_line(char **cursor, size_t *len);

#endif
