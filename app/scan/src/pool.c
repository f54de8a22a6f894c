/*
 * The decode steps' worker pool (pool.h).
 *
 * One mutex guards the call's state: which task is next, the lowest
 * winner so far, which task each worker runs. Tasks are few and long (a
 * ZBar pass or a grid fit, a millisecond or more), so taking the mutex
 * twice per task costs nothing next to them, and keeps the reasoning
 * simple: a task is handed out only below the current winner, and a
 * winner cancels only the running tasks above it, both decided under the
 * lock. The cancel flags are the only atomics, as tasks read them unlocked.
 *
 * A cancel flag belongs to the worker, armed afresh for each task it
 * starts, so a task below the winner never sees one set, and a call may
 * have any number of tasks.
 */
#define _POSIX_C_SOURCE 200809L
#define _GNU_SOURCE     /* dl_iterate_phdr */

#include "pool.h"

#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#define IDLE UINT_MAX /* a worker's task when it runs none */

struct worker {
	struct mck__pool *pool;
	unsigned index;
	unsigned task; /* IDLE, or the task it runs (guarded by the pool's lock) */
	atomic_bool cancel;
	pthread_t thread;
};

struct mck__pool {
	unsigned workers;
	pthread_mutex_t lock;
	pthread_cond_t work; /* threads sleep on it between calls */
	pthread_cond_t done; /* the caller sleeps on it while tasks finish */
	bool stop;
	bool waiting; /* the caller sleeps on done */
	/* The call under way (fn NULL between calls). */
	mck__pool_fn fn;
	void *ctx;
	unsigned next;   /* the next task to hand out */
	unsigned limit;  /* the winner so far, or n: tasks below it are handed out */
	unsigned active; /* tasks running */
	int result;      /* the winner's return value */
	struct worker worker[MCK__POOL_MAX_WORKERS];
};

/* Take the next task for @p w if there is one (lock held). */
static bool take(struct mck__pool *p, struct worker *w, unsigned *task)
{
	if (p->next >= p->limit) {
		return false;
	}
	*task = p->next++;
	w->task = *task;
	/*
	 * Relaxed will do: the flag is written only under the lock, and the
	 * unlock orders this before a winner's store for the new task.
	 */
	atomic_store_explicit(&w->cancel, false, memory_order_relaxed);
	p->active++;
	return true;
}

/* @p w's task ended with @p r (lock held). */
static void finish(struct mck__pool *p, struct worker *w, int r)
{
	unsigned task = w->task;

	w->task = IDLE;
	p->active--;
	if (r != 0 && task < p->limit) {
		p->limit = task;
		p->result = r;
		for (unsigned i = 0; i < p->workers; i++) {
			unsigned t = p->worker[i].task;

			if (t != IDLE && t > task) {
				atomic_store_explicit(&p->worker[i].cancel, true,
						      memory_order_relaxed);
			}
		}
	}
	if (p->active == 0 && p->next >= p->limit && p->waiting) {
		pthread_cond_signal(&p->done);
	}
}

/* Run tasks on @p w while there are any (lock held; dropped while a task runs). */
static void run_tasks(struct mck__pool *p, struct worker *w)
{
	unsigned task;

	while (take(p, w, &task)) {
		mck__pool_fn fn = p->fn;
		void *ctx = p->ctx;
		int r;

		pthread_mutex_unlock(&p->lock);
		r = fn(ctx, task, w->index, &w->cancel);
		pthread_mutex_lock(&p->lock);
		finish(p, w, r);
	}
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct mck__pool *p = w->pool;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		run_tasks(p, w);
		if (p->stop) {
			break;
		}
		pthread_cond_wait(&p->work, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Adds a module's TLS block (dl_iterate_phdr's callback). */
static int add_tls(struct dl_phdr_info *info, size_t size, void *data)
{
	size_t *sum = data;

	(void)size;
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		if (info->dlpi_phdr[i].p_type == PT_TLS) {
			*sum += info->dlpi_phdr[i].p_memsz + info->dlpi_phdr[i].p_align;
		}
	}
	return 0;
}

/*
 * The stack size to ask for: MCK__POOL_STACK for the tasks, plus the static
 * TLS of the modules loaded, which glibc carves out of the same allocation
 * (the scanner's own work arrays are thread-local: over 700 KiB; asked for
 * 256 KiB, pthread_create fails with EINVAL), plus room for the thread's
 * descriptor. Elsewhere (musl) the TLS comes on top: a little more stack.
 */
static size_t stack_size(void)
{
	size_t size = MCK__POOL_STACK + 16 * 1024;
	long page = sysconf(_SC_PAGESIZE);

	dl_iterate_phdr(add_tls, &size);
	if (page > 0) {
		size = (size + (size_t)page - 1) / (size_t)page * (size_t)page;
	}
	return size;
}

/* Start worker @p w's thread; when the size asked for fails, with the system's default stack. */
static int start(struct worker *w, size_t stack)
{
	pthread_attr_t attr;
	int rc = pthread_attr_init(&attr);

	if (rc == 0) {
		rc = pthread_attr_setstacksize(&attr, stack);
		if (rc == 0) {
			rc = pthread_create(&w->thread, &attr, worker_main, w);
		}
		pthread_attr_destroy(&attr);
	}
	if (rc != 0) {
		rc = pthread_create(&w->thread, NULL, worker_main, w);
	}
	return rc;
}

struct mck__pool *mck__pool_create(unsigned workers)
{
	struct mck__pool *p;
	sigset_t all;
	sigset_t old;
	size_t stack;

	if (workers == 0) {
		return NULL;
	}
	p = calloc(1, sizeof(*p));
	if (!p) {
		return NULL;
	}
	if (pthread_mutex_init(&p->lock, NULL) != 0) {
		goto no_lock;
	}
	if (pthread_cond_init(&p->work, NULL) != 0) {
		goto no_work;
	}
	if (pthread_cond_init(&p->done, NULL) != 0) {
		goto no_done;
	}
	if (workers > MCK__POOL_MAX_WORKERS) {
		workers = MCK__POOL_MAX_WORKERS;
	}
	for (unsigned i = 0; i < workers; i++) {
		p->worker[i].pool = p;
		p->worker[i].index = i;
		p->worker[i].task = IDLE;
		atomic_init(&p->worker[i].cancel, false);
	}
	stack = workers > 1 ? stack_size() : 0;
	/*
	 * Threads inherit the creator's signal mask: started with every signal
	 * blocked, none of them ever takes one meant for the kiosk (SIGHUP
	 * reloads its settings on the main thread), not even before its first
	 * instruction.
	 */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	p->workers = 1;
	for (unsigned i = 1; i < workers; i++) {
		if (start(&p->worker[i], stack) != 0) {
			break; /* fewer workers; the pool still works */
		}
		p->workers = i + 1;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return p;

no_done:
	pthread_cond_destroy(&p->work);
no_work:
	pthread_mutex_destroy(&p->lock);
no_lock:
	free(p);
	return NULL;
}

void mck__pool_destroy(struct mck__pool *p)
{
	if (!p) {
		return;
	}
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (unsigned i = 1; i < p->workers; i++) {
		pthread_join(p->worker[i].thread, NULL);
	}
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->work);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

unsigned mck__pool_workers(const struct mck__pool *p)
{
	return p ? p->workers : 1;
}

/* The loop of pool.h itself, in the caller's thread. */
static int sequential(mck__pool_fn fn, void *ctx, unsigned n, int *result)
{
	atomic_bool never;

	atomic_init(&never, false);
	for (unsigned i = 0; i < n; i++) {
		int r = fn(ctx, i, 0, &never);

		if (r != 0) {
			if (result) {
				*result = r;
			}
			return (int)i;
		}
	}
	return -1;
}

int mck__pool_first(struct mck__pool *p, mck__pool_fn fn, void *ctx, unsigned n, int *result)
{
	int won = -1;

	if (n > (unsigned)INT_MAX) {
		n = (unsigned)INT_MAX; /* the index must fit the return value */
	}
	if (!p || p->workers == 1 || n <= 1) {
		return sequential(fn, ctx, n, result);
	}
	pthread_mutex_lock(&p->lock);
	p->fn = fn;
	p->ctx = ctx;
	p->next = 0;
	p->limit = n;
	p->active = 0;
	/* Wake no more threads than there are tasks for besides the caller's. */
	for (unsigned i = 1; i < p->workers && i < n; i++) {
		pthread_cond_signal(&p->work);
	}
	run_tasks(p, &p->worker[0]);
	p->waiting = true;
	while (p->active > 0) {
		pthread_cond_wait(&p->done, &p->lock);
	}
	p->waiting = false;
	if (p->limit < n) {
		won = (int)p->limit;
		if (result) {
			*result = p->result;
		}
	}
	p->fn = NULL;
	p->ctx = NULL;
	p->next = 0;
	p->limit = 0;
	pthread_mutex_unlock(&p->lock);
	return won;
}
