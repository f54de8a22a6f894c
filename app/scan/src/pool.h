/*
 * A few threads for the decode steps of one frame (issue 15): the steps run
 * side by side on the board's cores and the first of them in step order to
 * read a code wins, exactly as if they had run one after another. The
 * threads are started once and sleep between frames.
 */
#ifndef MCK_SCAN_POOL_H
#define MCK_SCAN_POOL_H

#include <stdatomic.h>

/* More threads than a Raspberry-class board has cores only queue for them. */
#define MCK__POOL_MAX_WORKERS 8

/*
 * Stack of each worker thread for its tasks. A whole-frame scan takes under
 * 32 KiB of it, ASan's builds included: ZBar recurses little and the
 * scanner keeps its work arrays thread-local (tests/test_scanpool.c,
 * MCK_POOL_BENCH=1, measures it); the rest is margin. The static TLS, over
 * 700 KiB with those arrays, comes on top (pool.c).
 */
#define MCK__POOL_STACK (256u * 1024)

struct mck__pool;

/**
 * A task of mck__pool_first: task @p task of @p ctx, on worker @p worker
 * (0 .. workers-1: one task at a time per worker, so per-worker state needs
 * no lock). Returns 0 (nothing found), > 0 (found) or < 0 (an error); either
 * of the latter ends the call. @p cancel becomes true once a lower task has
 * ended the call: the task may poll it (atomic_load) and return 0 early.
 */
typedef int (*mck__pool_fn)(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel);

/**
 * A pool of @p workers (1 .. MCK__POOL_MAX_WORKERS; more are capped): the
 * caller's thread is worker 0, and workers-1 threads are started now, with
 * all signals blocked (they stay with the caller's threads). Threads that
 * cannot be started leave fewer workers (mck__pool_workers). Returns NULL
 * when @p workers is 0 or out of memory; a NULL pool runs tasks one after
 * another in the caller's thread, as a pool of 1 does. Free with
 * mck__pool_destroy.
 */
struct mck__pool *mck__pool_create(unsigned workers);

/** Stop and join the threads, free @p p; accepts NULL. Not during mck__pool_first. */
void mck__pool_destroy(struct mck__pool *p);

/** How many workers @p p has, the caller's thread included; 1 for NULL. */
unsigned mck__pool_workers(const struct mck__pool *p);

/**
 * Run tasks 0 .. @p n-1 of @p fn on @p ctx with the result of the loop
 *
 *	for (i = 0; i < n; i++)
 *		if ((r = fn(ctx, i, 0, &never)) != 0) { *result = r; return i; }
 *	return -1;
 *
 * Tasks are handed out in index order. Once task w has returned nonzero,
 * tasks above w not yet started are not started and those running see
 * their cancel flag set; tasks below w still running are waited for (one
 * may win instead, and none of them is cancelled). Returns the winning
 * task's index with its return value in @p result (left alone when -1);
 * by then no task of this call is running, so the caller may reuse its
 * per-worker state. One call at a time per pool, not from inside a task.
 * Allocates nothing; the caller's thread runs tasks too, and sleeps on a
 * condition variable while others finish.
 */
int mck__pool_first(struct mck__pool *p, mck__pool_fn fn, void *ctx, unsigned n, int *result);

#endif
