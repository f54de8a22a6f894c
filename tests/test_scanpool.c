/*
 * The decode steps' worker pool (app/scan/src/pool.c): the same winner and
 * result as the loop one after another, over many random task tables and
 * 1..4 workers; a win cancels only the tasks above it, a slower task below
 * it still wins; thousands of calls in a row; signals stay off the pool's
 * threads; whole-frame scans on its threads (their stacks) read what the
 * caller's thread reads.
 *
 * Usage: test_scanpool [SET_DIR]: with a degraded set (tests/degrade/make-set.sh,
 * its manifest.tsv) the frame scans are its images, else the cases' pictures.
 * MCK_POOL_BENCH=1: instead of the tests, the cost of a call (median over
 * many) and the stack a whole-frame scan takes, printed.
 */
#define _POSIX_C_SOURCE 200809L
#define _GNU_SOURCE     /* pthread_getattr_np */

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <setjmp.h> /* before cmocka.h */
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "mck/image.h"
#include "mck/qrscan.h"
#include "pool.h"

#define CASES       MCK_FIXTURES "/cases"
#define MAX_TASKS   64
/* A task waiting for another gives up after this long: a hang fails, not stalls. */
#define PATIENCE_MS 20000

static const char *set_dir;

/* ---- helpers ------------------------------------------------------------ */

static uint32_t rnd(uint64_t *s)
{
	/* splitmix64: seeded, the same tables on every run */
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static void nap_us(long us)
{
	struct timespec ts = {us / 1000000, (us % 1000000) * 1000};

	nanosleep(&ts, NULL);
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/*
 * What the tasks of one call saw, checked in the test's thread after it
 * (cmocka's asserts may not run on other threads).
 */
struct seen {
	unsigned workers;
	atomic_uint runs[MAX_TASKS];      /* times each task was started */
	atomic_bool cancelled[MAX_TASKS]; /* the task saw its cancel flag set */
	atomic_bool busy[MCK__POOL_MAX_WORKERS];
	atomic_int running;        /* tasks running now */
	atomic_uint bad_worker;    /* a worker index out of range */
	atomic_uint shared_worker; /* two tasks at once on one worker */
	atomic_uint timeouts;      /* a task waited PATIENCE_MS in vain */
};

static void seen_reset(struct seen *s, unsigned workers)
{
	s->workers = workers;
	for (unsigned i = 0; i < MAX_TASKS; i++) {
		atomic_store(&s->runs[i], 0);
		atomic_store(&s->cancelled[i], false);
	}
	for (unsigned i = 0; i < MCK__POOL_MAX_WORKERS; i++) {
		atomic_store(&s->busy[i], false);
	}
	atomic_store(&s->running, 0);
	atomic_store(&s->bad_worker, 0);
	atomic_store(&s->shared_worker, 0);
	atomic_store(&s->timeouts, 0);
}

static void enter(struct seen *s, unsigned task, unsigned worker)
{
	atomic_fetch_add(&s->runs[task], 1);
	atomic_fetch_add(&s->running, 1);
	if (worker >= s->workers) {
		atomic_fetch_add(&s->bad_worker, 1);
	} else if (atomic_exchange(&s->busy[worker], true)) {
		atomic_fetch_add(&s->shared_worker, 1);
	}
}

static int leave(struct seen *s, unsigned task, unsigned worker, const atomic_bool *cancel, int r)
{
	if (atomic_load(cancel)) {
		atomic_store(&s->cancelled[task], true);
	}
	if (worker < s->workers) {
		atomic_store(&s->busy[worker], false);
	}
	atomic_fetch_sub(&s->running, 1);
	return r;
}

/* Wait, polling, until @p flag is set or PATIENCE_MS pass; false on the latter. */
static bool wait_for(struct seen *s, const atomic_bool *flag)
{
	for (long waited = 0; !atomic_load(flag); waited += 100) {
		if (waited >= PATIENCE_MS * 1000L) {
			atomic_fetch_add(&s->timeouts, 1);
			return false;
		}
		nap_us(100);
	}
	return true;
}

/* ---- random tables against the loop ----------------------------------- */

struct table {
	struct seen seen;
	unsigned n;
	int ret[MAX_TASKS];
	unsigned spin[MAX_TASKS]; /* work, in rounds of a small loop */
	bool nap[MAX_TASKS];      /* sleep a little too, to vary the interleaving */
};

static int table_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	struct table *t = ctx;
	volatile unsigned sink = 0;

	enter(&t->seen, task, worker);
	if (t->nap[task]) {
		nap_us(50);
	}
	for (unsigned i = 0; i < t->spin[task]; i++) {
		sink += i;
		if ((i & 255) == 0 && atomic_load(cancel)) {
			/* a task may give up once cancelled: then its result is 0 */
			return leave(&t->seen, task, worker, cancel, 0);
		}
	}
	return leave(&t->seen, task, worker, cancel, t->ret[task]);
}

/* The loop of pool.h, on the table itself. */
static int table_expect(const struct table *t, int *result)
{
	for (unsigned i = 0; i < t->n; i++) {
		if (t->ret[i] != 0) {
			*result = t->ret[i];
			return (int)i;
		}
	}
	return -1;
}

/* One call of @p t on @p p against the loop, and what its tasks saw. */
static void check_call(struct mck__pool *p, struct table *t)
{
	int want_result = INT_MIN;
	int want = table_expect(t, &want_result);
	int result = INT_MIN; /* left alone when none wins */
	int got;

	seen_reset(&t->seen, mck__pool_workers(p));
	got = mck__pool_first(p, table_task, t, t->n, &result);
	assert_int_equal(got, want);
	assert_int_equal(result, want_result);
	/* returned: no task of the call still running */
	assert_int_equal(atomic_load(&t->seen.running), 0);
	assert_int_equal(atomic_load(&t->seen.bad_worker), 0);
	assert_int_equal(atomic_load(&t->seen.shared_worker), 0);
	for (unsigned i = 0; i < t->n; i++) {
		unsigned runs = atomic_load(&t->seen.runs[i]);

		if (want < 0 || i <= (unsigned)want) {
			/* every task up to the winner ran, once, and none was cancelled */
			assert_int_equal(runs, 1);
			assert_false(atomic_load(&t->seen.cancelled[i]));
		} else {
			assert_true(runs <= 1);
		}
	}
}

/* A random table: @p zero_pct % of the tasks find nothing, the rest split found/error. */
static void table_random(struct table *t, uint64_t *seed, unsigned max_n, unsigned zero_pct)
{
	memset(t->ret, 0, sizeof(t->ret));
	t->n = rnd(seed) % (max_n + 1);
	for (unsigned i = 0; i < t->n; i++) {
		unsigned r = rnd(seed) % 100;

		if (r >= zero_pct) {
			int v = 1 + (int)(rnd(seed) % 1000);

			t->ret[i] = (rnd(seed) & 1) ? v : -v;
		}
		/* mostly short, a few long enough to be overtaken */
		t->spin[i] = (rnd(seed) % 8 == 0) ? rnd(seed) % 200000 : rnd(seed) % 3000;
		t->nap[i] = rnd(seed) % 16 == 0;
	}
}

static void test_equivalence_random(void **state)
{
	static const unsigned zero_pct[] = {100, 97, 90, 75, 50, 0};
	struct table *t = calloc(1, sizeof(*t));
	uint64_t seed = 15; /* issue 15 */

	(void)state;
	assert_non_null(t);
	for (unsigned workers = 1; workers <= 4; workers++) {
		struct mck__pool *p = mck__pool_create(workers);

		assert_non_null(p);
		assert_int_equal(mck__pool_workers(p), workers);
		for (unsigned k = 0; k < 6; k++) {
			for (unsigned round = 0; round < 150; round++) {
				table_random(t, &seed, k == 5 ? MAX_TASKS : 12, zero_pct[k]);
				check_call(p, t);
			}
		}
		mck__pool_destroy(p);
	}
	free(t);
}

static void test_equivalence_edges(void **state)
{
	/* winner first, last, none, an error first, an error after a find, and no tasks */
	static const struct {
		unsigned n;
		int ret[8];
	} cases[] = {
		{6, {3, 0, 0, 0, 0, 0}},
		{6, {0, 0, 0, 0, 0, 4}},
		{6, {0, 0, 0, 0, 0, 0}},
		{6, {-5, 1, 1, 1, 1, 1}},
		{6, {0, 2, -5, 0, 0, 0}},
		{6, {0, 0, -1, 0, 0, 2}},
		{1, {7}},
		{1, {0}},
		{0, {0}},
		{8, {0, 0, 0, 0, 0, 0, 0, 9}},
		{8, {1, 2, 3, 4, 5, 6, 7, 8}},
	};
	struct table *t = calloc(1, sizeof(*t));

	(void)state;
	assert_non_null(t);
	for (unsigned workers = 1; workers <= 4; workers++) {
		struct mck__pool *p = mck__pool_create(workers);

		assert_non_null(p);
		for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			/* each with the later tasks slow, then with the earlier ones slow */
			for (unsigned slow_first = 0; slow_first < 2; slow_first++) {
				memset(t->ret, 0, sizeof(t->ret));
				t->n = cases[c].n;
				for (unsigned i = 0; i < t->n; i++) {
					bool slow = slow_first ? i < t->n / 2 : i >= t->n / 2;

					t->ret[i] = cases[c].ret[i];
					t->spin[i] = slow ? 100000 : 10;
					t->nap[i] = slow;
				}
				check_call(p, t);
			}
		}
		/* a NULL pool is the loop in the caller's thread */
		t->n = 3;
		t->ret[0] = 0;
		t->ret[1] = 0;
		t->ret[2] = -2;
		check_call(NULL, t);
		mck__pool_destroy(p);
	}
	free(t);
}

/* Thousands of calls in a row, small and quick (ASan: nothing leaks; no call hangs). */
static void test_many_calls(void **state)
{
	struct table *t = calloc(1, sizeof(*t));
	uint64_t seed = 4;

	(void)state;
	assert_non_null(t);
	for (unsigned workers = 1; workers <= 4; workers++) {
		struct mck__pool *p = mck__pool_create(workers);

		assert_non_null(p);
		for (unsigned call = 0; call < 3000; call++) {
			t->n = rnd(&seed) % 9;
			for (unsigned i = 0; i < t->n; i++) {
				unsigned r = rnd(&seed) % 10;

				t->ret[i] = r < 8 ? 0 : r == 8 ? (int)i + 1 : -1;
				t->spin[i] = rnd(&seed) % 64;
				t->nap[i] = false;
			}
			check_call(p, t);
		}
		mck__pool_destroy(p);
	}
	free(t);
}

/* ---- cancellation -------------------------------------------------------- */

struct race {
	struct seen seen;
	atomic_uint started;  /* tasks above 0 started */
	atomic_bool other_in; /* one of them is running */
	atomic_bool one_done; /* task 1 has returned */
	int ret0;             /* what task 0 returns */
	bool zero_waits_one;  /* task 0 waits for task 1 to return, not to start */
};

/* Tasks above 1 (and 1, unless task 0 waits for it) run until cancelled. */
static int race_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	struct race *r = ctx;

	enter(&r->seen, task, worker);
	if (task == 0) {
		wait_for(&r->seen, r->zero_waits_one ? &r->one_done : &r->other_in);
		if (r->zero_waits_one) {
			/* give the pool time to take task 1's win in first (not a timing assertion) */
			nap_us(20000);
		}
		return leave(&r->seen, task, worker, cancel, r->ret0);
	}
	atomic_fetch_add(&r->started, 1);
	atomic_store(&r->other_in, true);
	if (task == 1 && r->zero_waits_one) {
		atomic_store(&r->one_done, true);
		return leave(&r->seen, task, worker, cancel, 7);
	}
	wait_for(&r->seen, cancel);
	return leave(&r->seen, task, worker, cancel, 0);
}

/* Task 0 wins while higher tasks run: each sees its cancel flag, and no more start. */
static void test_cancel_seen(void **state)
{
	struct race *r = calloc(1, sizeof(*r));

	(void)state;
	assert_non_null(r);
	for (unsigned workers = 2; workers <= 4; workers++) {
		struct mck__pool *p = mck__pool_create(workers);

		assert_non_null(p);
		assert_int_equal(mck__pool_workers(p), workers);
		for (unsigned round = 0; round < 20; round++) {
			int result = 0;
			unsigned started;

			seen_reset(&r->seen, workers);
			atomic_store(&r->started, 0);
			atomic_store(&r->other_in, false);
			r->ret0 = 1 + (int)round;
			r->zero_waits_one = false;
			assert_int_equal(mck__pool_first(p, race_task, r, 16, &result), 0);
			assert_int_equal(result, 1 + (int)round);
			assert_int_equal(atomic_load(&r->seen.timeouts), 0);
			assert_int_equal(atomic_load(&r->seen.running), 0);
			assert_false(atomic_load(&r->seen.cancelled[0]));
			/* each other worker held one task until the win; none started after it */
			started = atomic_load(&r->started);
			assert_true(started >= 1 && started <= workers - 1);
			for (unsigned i = 1; i < 16; i++) {
				unsigned runs = atomic_load(&r->seen.runs[i]);

				assert_true(runs <= 1);
				assert_int_equal(atomic_load(&r->seen.cancelled[i]), runs == 1);
			}
		}
		mck__pool_destroy(p);
	}
	free(r);
}

/* Task 1 wins first, task 0 returns later: task 0's nonzero wins, its zero lets 1 win. */
static void test_lower_slower_wins(void **state)
{
	static const struct {
		int ret0;
		int want;
		int want_result;
	} cases[] = {{5, 0, 5}, {-3, 0, -3}, {0, 1, 7}};
	struct race *r = calloc(1, sizeof(*r));

	(void)state;
	assert_non_null(r);
	for (unsigned workers = 2; workers <= 4; workers++) {
		struct mck__pool *p = mck__pool_create(workers);

		assert_non_null(p);
		for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			int result = 0;

			seen_reset(&r->seen, workers);
			atomic_store(&r->started, 0);
			atomic_store(&r->other_in, false);
			atomic_store(&r->one_done, false);
			r->ret0 = cases[c].ret0;
			r->zero_waits_one = true;
			assert_int_equal(mck__pool_first(p, race_task, r, 8, &result),
					 cases[c].want);
			assert_int_equal(result, cases[c].want_result);
			assert_int_equal(atomic_load(&r->seen.timeouts), 0);
			assert_int_equal(atomic_load(&r->seen.running), 0);
			/* task 0, below the first win, ran to its end uncancelled */
			assert_int_equal(atomic_load(&r->seen.runs[0]), 1);
			assert_false(atomic_load(&r->seen.cancelled[0]));
			assert_false(atomic_load(&r->seen.cancelled[1]));
			for (unsigned i = 2; i < 8; i++) {
				unsigned runs = atomic_load(&r->seen.runs[i]);

				assert_true(runs <= 1);
				assert_int_equal(atomic_load(&r->seen.cancelled[i]), runs == 1);
			}
		}
		mck__pool_destroy(p);
	}
	free(r);
}

/* ---- life cycle, threads, signals ----------------------------------------- */

static void test_create_destroy(void **state)
{
	(void)state;
	assert_null(mck__pool_create(0));
	assert_int_equal(mck__pool_workers(NULL), 1);
	mck__pool_destroy(NULL);
	for (unsigned workers = 1; workers <= 20; workers++) {
		struct mck__pool *p = mck__pool_create(workers);

		assert_non_null(p);
		assert_int_equal(mck__pool_workers(p),
				 workers < MCK__POOL_MAX_WORKERS ? workers : MCK__POOL_MAX_WORKERS);
		/* destroyed at once, its threads maybe not yet asleep */
		mck__pool_destroy(p);
	}
	for (unsigned i = 0; i < 50; i++) {
		struct mck__pool *p = mck__pool_create(4);
		struct table t = {.n = 0};

		assert_non_null(p);
		if (i % 2) {
			check_call(p, &t);
			nap_us(2000); /* idle, its threads asleep */
		}
		mck__pool_destroy(p);
	}
}

struct threads {
	unsigned n;
	atomic_uint arrived;
	atomic_uint timeouts;
	pthread_t caller;
	pthread_t who[MCK__POOL_MAX_WORKERS];
	atomic_bool hup_blocked[MCK__POOL_MAX_WORKERS];
	atomic_bool on_caller[MCK__POOL_MAX_WORKERS];
};

/* Every task waits for all to arrive: each runs on its own worker at once. */
static int thread_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	struct threads *t = ctx;
	sigset_t mask;

	(void)cancel;
	atomic_fetch_add(&t->arrived, 1);
	for (long waited = 0; atomic_load(&t->arrived) < t->n; waited += 100) {
		if (waited >= PATIENCE_MS * 1000L) {
			atomic_fetch_add(&t->timeouts, 1);
			break;
		}
		nap_us(100);
	}
	pthread_sigmask(SIG_BLOCK, NULL, &mask);
	atomic_store(&t->hup_blocked[task], sigismember(&mask, SIGHUP) == 1);
	atomic_store(&t->on_caller[task], pthread_equal(pthread_self(), t->caller) != 0);
	(void)worker;
	return 0;
}

/* The pool's threads have every signal blocked; the caller's mask is as it was. */
static void test_signals_stay_off_workers(void **state)
{
	struct threads *t = calloc(1, sizeof(*t));
	sigset_t before;
	sigset_t after;
	struct mck__pool *p;
	unsigned on_caller = 0;

	(void)state;
	assert_non_null(t);
	pthread_sigmask(SIG_BLOCK, NULL, &before);
	assert_int_equal(sigismember(&before, SIGHUP), 0);
	p = mck__pool_create(4);
	assert_non_null(p);
	pthread_sigmask(SIG_BLOCK, NULL, &after);
	assert_int_equal(sigismember(&after, SIGHUP), 0);
	assert_int_equal(sigismember(&after, SIGTERM), sigismember(&before, SIGTERM));

	t->n = 4;
	t->caller = pthread_self();
	assert_int_equal(mck__pool_first(p, thread_task, t, t->n, NULL), -1);
	assert_int_equal(atomic_load(&t->timeouts), 0);
	for (unsigned i = 0; i < t->n; i++) {
		if (atomic_load(&t->on_caller[i])) {
			on_caller++;
			assert_false(atomic_load(&t->hup_blocked[i]));
		} else {
			assert_true(atomic_load(&t->hup_blocked[i]));
		}
	}
	/* four tasks held at once by four workers, one of them the caller's thread */
	assert_int_equal(on_caller, 1);
	mck__pool_destroy(p);
	free(t);
}

#ifdef __GLIBC__
struct stacks {
	atomic_uint arrived;
	atomic_uint timeouts;
	size_t size[MCK__POOL_MAX_WORKERS];   /* the thread's whole stack allocation */
	size_t usable[MCK__POOL_MAX_WORKERS]; /* below the task's frame */
};

static int stack_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	struct stacks *s = ctx;
	pthread_attr_t attr;
	void *low = NULL;
	size_t size = 0;
	char here;

	(void)cancel;
	(void)task;
	atomic_fetch_add(&s->arrived, 1);
	for (long waited = 0; atomic_load(&s->arrived) < 4; waited += 100) {
		if (waited >= PATIENCE_MS * 1000L) {
			atomic_fetch_add(&s->timeouts, 1);
			break;
		}
		nap_us(100);
	}
	if (worker > 0 && worker < MCK__POOL_MAX_WORKERS &&
	    pthread_getattr_np(pthread_self(), &attr) == 0) {
		pthread_attr_getstack(&attr, &low, &size);
		pthread_attr_destroy(&attr);
		s->size[worker] = size;
		s->usable[worker] = (size_t)(&here - (char *)low);
	}
	return 0;
}

/*
 * The pool's threads have the stack asked for, MCK__POOL_STACK below the
 * task's frame, whatever the static TLS takes of the allocation (not the
 * system's default of megabytes, which the pool falls back to on failure).
 */
static void test_worker_stacks(void **state)
{
	struct stacks *s = calloc(1, sizeof(*s));
	struct mck__pool *p = mck__pool_create(4);

	(void)state;
	assert_non_null(s);
	assert_non_null(p);
	assert_int_equal(mck__pool_first(p, stack_task, s, 4, NULL), -1);
	assert_int_equal(atomic_load(&s->timeouts), 0);
	for (unsigned w = 1; w < 4; w++) {
		if (s->size[w] == 0) {
			print_error("worker %u: no stack attributes\n", w);
		}
		assert_true(s->usable[w] >= MCK__POOL_STACK - 4096);
		assert_true(s->usable[w] <= MCK__POOL_STACK + 64 * 1024);
	}
	mck__pool_destroy(p);
	free(s);
}
#endif

/* ---- whole frames scanned on the pool's threads ------------------------------ */

struct frames {
	unsigned n;
	char **path;
	struct mck_qrscan *scan[MCK__POOL_MAX_WORKERS];
	int rc[MAX_TASKS];
	struct mck_qrscan_result *res[MAX_TASKS];
};

/* The degraded set's images (its manifest), or the cases' pictures. */
static void frames_list(struct frames *f)
{
	char path[1024];

	f->path = calloc(MAX_TASKS, sizeof(*f->path));
	assert_non_null(f->path);
	if (set_dir) {
		char *line = NULL;
		size_t cap = 0;
		FILE *m;

		snprintf(path, sizeof(path), "%s/manifest.tsv", set_dir);
		m = fopen(path, "r");
		assert_non_null(m);
		while (f->n < MAX_TASKS && getline(&line, &cap, m) > 0) {
			line[strcspn(line, "\t\n")] = '\0';
			snprintf(path, sizeof(path), "%s/%s", set_dir, line);
			f->path[f->n] = strdup(path);
			assert_non_null(f->path[f->n++]);
		}
		free(line);
		fclose(m);
		return;
	}
	static const char *const cases[] = {
		"valid-es256-compact", "valid-rs256-plain",   "valid-unicode",
		"invalid-tampered",    "unreadable-no-code",  "unreadable-not-credential",
		"warn-incomplete",     "valid-ps256-compact",
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s/input0.png", CASES, cases[i]);
		f->path[f->n] = strdup(path);
		assert_non_null(f->path[f->n++]);
	}
}

static int scan_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	struct frames *f = ctx;
	struct mck_image img = {0};

	(void)cancel;
	f->rc[task] = mck_image_load(&img, f->path[task]);
	if (f->rc[task] == 0) {
		f->rc[task] = mck_qrscan_frame(f->scan[worker], img.pixels, img.width, img.height,
					       f->res[task]);
	}
	mck_image_free(&img);
	return 0;
}

/*
 * Each frame scanned by a worker's own scanner, on the pool's threads and
 * their stacks, reads exactly what the caller's thread reads alone.
 */
static void test_frames_on_workers(void **state)
{
	struct frames *f = calloc(1, sizeof(*f));
	struct mck_qrscan_result *alone = malloc(sizeof(*alone));
	struct mck_qrscan *scan = mck_qrscan_create();
	struct mck__pool *p = mck__pool_create(4);
	unsigned codes = 0;

	(void)state;
	assert_non_null(f);
	assert_non_null(alone);
	assert_non_null(scan);
	assert_non_null(p);
	frames_list(f);
	assert_true(f->n >= 8);
	for (unsigned w = 0; w < mck__pool_workers(p); w++) {
		f->scan[w] = mck_qrscan_create();
		assert_non_null(f->scan[w]);
	}
	for (unsigned i = 0; i < f->n; i++) {
		f->res[i] = malloc(sizeof(*f->res[i]));
		assert_non_null(f->res[i]);
	}
	assert_int_equal(mck__pool_first(p, scan_task, f, f->n, NULL), -1);
	for (unsigned i = 0; i < f->n; i++) {
		struct mck_image img = {0};
		int rc;

		assert_int_equal(mck_image_load(&img, f->path[i]), 0);
		rc = mck_qrscan_frame(scan, img.pixels, img.width, img.height, alone);
		mck_image_free(&img);
		if (rc != f->rc[i]) {
			print_error("%s: %d codes alone, %d on a worker\n", f->path[i], rc,
				    f->rc[i]);
		}
		assert_int_equal(f->rc[i], rc);
		assert_int_equal(f->res[i]->count, alone->count);
		for (size_t c = 0; c < alone->count; c++) {
			assert_int_equal(f->res[i]->len[c], alone->len[c]);
			assert_memory_equal(f->res[i]->text[c], alone->text[c], alone->len[c]);
		}
		codes += (unsigned)(rc > 0 ? rc : 0);
		mck_qrscan_result_wipe(f->res[i]);
		free(f->res[i]);
		free(f->path[i]);
	}
	assert_true(codes >= f->n / 2); /* the set is mostly readable */
	mck_qrscan_result_wipe(alone);
	for (unsigned w = 0; w < mck__pool_workers(p); w++) {
		mck_qrscan_destroy(f->scan[w]);
	}
	mck__pool_destroy(p);
	mck_qrscan_destroy(scan);
	free(alone);
	free(f->path);
	free(f);
}

/* ---- MCK_POOL_BENCH=1: figures, not tests ------------------------------------ */

static int trivial_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	const int *win = ctx;

	(void)worker;
	(void)cancel;
	return (int)task == *win ? 1 : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a;
	double y = *(const double *)b;

	return (x > y) - (x < y);
}

static void bench_calls(void)
{
	enum { CALLS = 20000 };
	static double us[CALLS];

	printf("pool call of 6 trivial tasks, us (median / 90th percentile of %d calls)\n", CALLS);
	for (int win = -1; win <= 0; win++) {
		printf("  %s:", win < 0 ? "none wins (all 6 run)" : "task 0 wins      ");
		for (unsigned workers = 1; workers <= 4; workers *= 2) {
			struct mck__pool *p = mck__pool_create(workers);

			for (int i = 0; i < CALLS; i++) {
				double t0 = now_us();

				mck__pool_first(p, trivial_task, &win, 6, NULL);
				us[i] = now_us() - t0;
			}
			qsort(us, CALLS, sizeof(us[0]), cmp_double);
			printf("   %u worker%s %5.2f / %5.2f", workers, workers > 1 ? "s" : " ",
			       us[CALLS / 2], us[CALLS * 9 / 10]);
			mck__pool_destroy(p);
		}
		printf("\n");
	}
}

struct timed {
	double spin_us;
	double first[MCK__POOL_MAX_WORKERS]; /* when each worker began its first task */
};

static double cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/*
 * A task of spin_us of work: CPU time of its thread, so that being
 * descheduled (a loaded machine) does not count as work done. Each worker
 * notes when it began (its own slot).
 */
static int timed_task(void *ctx, unsigned task, unsigned worker, const atomic_bool *cancel)
{
	struct timed *t = ctx;
	double c0 = cpu_us();

	(void)task;
	(void)cancel;
	if (t->first[worker] == 0) {
		t->first[worker] = now_us();
	}
	while (cpu_us() - c0 < t->spin_us) {
	}
	return 0;
}

/* Six tasks of @p spin_us each: a call's time, and how soon after its start a thread joins in. */
static void bench_wake(double spin_us, int calls)
{
	static double wall[2000];
	static double wake[2000];
	struct timed t = {.spin_us = spin_us};

	if (calls > 2000) {
		calls = 2000;
	}
	printf("pool call of 6 tasks of %.0f us of CPU each, us (medians of %d calls; %ld cores)\n",
	       spin_us, calls, sysconf(_SC_NPROCESSORS_ONLN));
	for (unsigned workers = 1; workers <= 4; workers *= 2) {
		struct mck__pool *p = mck__pool_create(workers);
		int woken = 0;

		for (int i = 0; i < calls; i++) {
			double t0;
			double joined = 0;

			memset(t.first, 0, sizeof(t.first));
			t0 = now_us();
			mck__pool_first(p, timed_task, &t, 6, NULL);
			wall[i] = now_us() - t0;
			for (unsigned w = 1; w < workers; w++) {
				if (t.first[w] > 0 && (joined == 0 || t.first[w] < joined)) {
					joined = t.first[w];
				}
			}
			if (joined > 0) {
				wake[woken++] = joined - t0;
			}
		}
		qsort(wall, (size_t)calls, sizeof(wall[0]), cmp_double);
		qsort(wake, (size_t)woken, sizeof(wake[0]), cmp_double);
		printf("  %u worker%s: call %7.1f", workers, workers > 1 ? "s" : " ",
		       wall[calls / 2]);
		if (woken > 0) {
			printf(", first thread in after %5.1f (%d of %d calls)", wake[woken / 2],
			       woken, calls);
		}
		printf("\n");
		mck__pool_destroy(p);
	}
}

struct stack_probe {
	struct frames *f;
	struct mck_qrscan *scan;
	uintptr_t top; /* the thread's first frame */
};

static void *probe_main(void *arg)
{
	struct stack_probe *s = arg;
	char here;

	s->top = (uintptr_t)&here;
	for (unsigned i = 0; i < s->f->n; i++) {
		scan_task(s->f, i, 0, NULL);
	}
	return NULL;
}

/*
 * The stack a thread scanning the frames takes at most: a thread on a
 * painted stack of our own, from its first frame down to the deepest byte
 * changed. (Above that frame lie its descriptor and the static TLS.)
 */
static void bench_stack(void)
{
	enum { SIZE = 4 << 20 };
	struct frames *f = calloc(1, sizeof(*f));
	struct stack_probe s = {f, mck_qrscan_create(), 0};
	pthread_attr_t attr;
	pthread_t th;
	uint8_t *stack = NULL;

	if (!f || !s.scan || posix_memalign((void **)&stack, 65536, SIZE) != 0) {
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	frames_list(f);
	f->scan[0] = s.scan;
	for (unsigned i = 0; i < f->n; i++) {
		f->res[i] = malloc(sizeof(*f->res[i]));
	}
	memset(stack, 0xa5, SIZE);
	pthread_attr_init(&attr);
	pthread_attr_setstack(&attr, stack, SIZE);
	if (pthread_create(&th, &attr, probe_main, &s) == 0) {
		size_t low = 0;

		pthread_join(th, NULL);
		while (low < SIZE && stack[low] == 0xa5) {
			low++;
		}
		printf("stack of a thread scanning %u frames (%s): %.1f KiB at most, of %u KiB "
		       "the pool gives; its static TLS and descriptor %.1f KiB more\n",
		       f->n, set_dir ? set_dir : "the cases' pictures",
		       (double)(s.top - (uintptr_t)(stack + low)) / 1024, MCK__POOL_STACK / 1024,
		       (double)((uintptr_t)(stack + SIZE) - s.top) / 1024);
	}
	pthread_attr_destroy(&attr);
	free(stack);
	for (unsigned i = 0; i < f->n; i++) {
		mck_qrscan_result_wipe(f->res[i]);
		free(f->res[i]);
		free(f->path[i]);
	}
	mck_qrscan_destroy(s.scan);
	free(f->path);
	free(f);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equivalence_random),
		cmocka_unit_test(test_equivalence_edges),
		cmocka_unit_test(test_many_calls),
		cmocka_unit_test(test_cancel_seen),
		cmocka_unit_test(test_lower_slower_wins),
		cmocka_unit_test(test_create_destroy),
		cmocka_unit_test(test_signals_stay_off_workers),
#ifdef __GLIBC__
		cmocka_unit_test(test_worker_stacks),
#endif
		cmocka_unit_test(test_frames_on_workers),
	};
	const struct CMUnitTest set_tests[] = {
		cmocka_unit_test(test_frames_on_workers),
	};
	const char *bench = getenv("MCK_POOL_BENCH");

	set_dir = argc > 1 ? argv[1] : NULL;
	if (bench && *bench && strcmp(bench, "0") != 0) {
		bench_calls();
		bench_wake(50, 2000);
		bench_wake(1000, 300);
		bench_stack();
		return 0;
	}
	if (set_dir) {
		/* the pool itself is tested without the set; with it, its frames only */
		return cmocka_run_group_tests(set_tests, NULL, NULL);
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
