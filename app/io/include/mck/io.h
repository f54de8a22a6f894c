/*
 * Files from outside, read as hostile: the one file-reading helper of the
 * tools, the trust store and the tests.
 *
 * Every open refuses what is not a regular file (directories, FIFOs, devices,
 * sockets) and a symbolic link in the last path component, before reading a
 * byte: nothing on a USB stick can make a reader wait or read for ever
 * (trust-list.md §5). Sizes are capped before reading.
 *
 * The calls that touch the file system also form the fault-injection layer of
 * the power-cut test: built with MCK_FAULT_INJECTION, each is a step at which
 * the process can be ended (MCK_FAULT_AT=N ends it at the N-th step).
 */
#ifndef MCK_IO_H
#define MCK_IO_H

#include <stddef.h>

/**
 * Read the regular file @p name relative to @p dirfd (AT_FDCWD for a path) of
 * at most @p max bytes into a new NUL-terminated buffer (caller frees).
 * Returns 0, or -errno: -EFBIG over @p max, -EISDIR a directory, -EINVAL any
 * other non-regular file (FIFO, device, socket), -ELOOP a symbolic link,
 * -ENOENT missing.
 */
int mck_io_read_at(int dirfd, const char *name, size_t max, char **out, size_t *len);

/** mck_io_read_at(AT_FDCWD, path, …). */
int mck_io_read_file(const char *path, size_t max, char **out, size_t *len);

/** Read all of a stream (standard input) up to @p max bytes; as mck_io_read_at. */
int mck_io_read_stream(int fd, size_t max, char **out, size_t *len);

/**
 * Open the regular file @p name below @p dirfd read-only (refusals as
 * mck_io_read_at) and check its size is 1..@p max. Returns the fd or -errno;
 * *size is its size.
 */
int mck_io_open_regular_at(int dirfd, const char *name, size_t max, size_t *size);

/**
 * Open the directory @p name below @p dirfd (AT_FDCWD for a path), never
 * through a link in its last component. Returns an O_DIRECTORY fd or -errno
 * (-ENOTDIR for anything else, a link to a directory included).
 */
int mck_io_open_dir_at(int dirfd, const char *name);

/**
 * The names in the directory @p dirfd ending in @p suffix, sorted, hidden
 * ones skipped, at most 4096 (caller frees with mck_io_free_names). Returns
 * the count or -errno. @p dirfd stays open and usable.
 */
int mck_io_list_at(int dirfd, const char *suffix, char ***names);

/** The same for a path. */
int mck_io_list_dir(const char *dir, const char *suffix, char ***names);
void mck_io_free_names(char **names, int count);

/** Join dir and name into @p buf; -ENAMETOOLONG when it does not fit. */
int mck_io_path(char *buf, size_t cap, const char *dir, const char *name);

/** Drop trailing CR/LF from a NUL-terminated buffer of *len bytes. */
void mck_io_chomp(char *buf, size_t *len);

/**
 * The next non-empty line of a NUL-terminated buffer, without its CR/LF (the
 * buffer is cut in place), or NULL at the end. *cursor starts at the buffer.
 */
char *mck_io_next_line(char **cursor, size_t *len);

/**
 * Make @p msg one printable line in place: every control byte (a newline in a
 * file name from a USB stick, an escape sequence) becomes '?', so no name can
 * forge a log line or drive a terminal. Returns @p msg.
 */
char *mck_io_oneline(char *msg);

/** A short reason for a negative errno from the calls above ("not a regular file", …). */
const char *mck_io_strerror(int rc);

/* ---- Writing, for the trust store: each call a step of the fault layer ---- */

/** Create @p name below @p dirfd (it must not exist), write, fsync, close. 0 or -errno. */
int mck_io_write_at(int dirfd, const char *name, const void *data, size_t len);

/** fsync a file or directory fd. 0 or -errno. */
int mck_io_fsync(int fd);

int mck_io_mkdir_at(int dirfd, const char *name);
int mck_io_unlink_at(int dirfd, const char *name, int flags);
int mck_io_symlink_at(const char *target, int dirfd, const char *name);
int mck_io_rename_at(int dirfd, const char *from, const char *to);

/**
 * Read the symbolic link @p name below @p dirfd into @p buf (NUL-terminated).
 * Returns its length or -errno (-ENAMETOOLONG when it does not fit).
 */
int mck_io_readlink_at(int dirfd, const char *name, char *buf, size_t cap);

/** flock(2) with EINTR retried. 0 or -errno (-EWOULDBLOCK with LOCK_NB when held). */
int mck_io_flock(int fd, int op);

/**
 * Open the directory @p path (created when absent; never through a link) and
 * lock it exclusively, waiting up to @p wait_s seconds for another holder.
 * Returns the fd (closing it releases the lock) or -errno (-EWOULDBLOCK: still
 * held after the wait).
 */
int mck_io_lock_dir(const char *path, int wait_s);

#endif
