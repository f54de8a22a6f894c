/*
 * Trust-store benchmarks (prints figures, asserts nothing):
 *   1. trust lists of 1,000 / 50,000 / 200,000 issuers (two keys each): parse
 *      load, compiled-index build, the kiosk's start from the state directory
 *      (signature + index attach), peak RSS of each, and lookup time;
 *   2. status lists of 131,072 and 10,000,000 entries: load and lookup;
 *   3. mcupdate of a 50,000-issuer bundle.
 * Usage: bench_state [MCUPDATE MCVERIFY]
 *
 * For instruction counts (callgrind), two more modes:
 *   bench_state states DIR       installs DIR/state-{1000,50000,200000} (each with one
 *                                status list of 131,072 entries) and DIR/anchors, as
 *                                mcupdate would
 *   bench_state start DIR N      the kiosk's start from DIR/state-N, once, in
 *                                mck_bench_kiosk_start: count it with
 *                                valgrind --tool=callgrind --toggle-collect=mck_bench_kiosk_start
 */
#define _DEFAULT_SOURCE /* wait4 */

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "benchutil.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/jws_sign.h"
#include "mck/statuslist.h"
#include "mck/store.h"
#include "mck/verify.h"
#include "support/mint.h"

static struct mck_test_key anchor;
static struct mck_test_key issuer; /* signs the status lists; issuer 0 of every list */
static char dir[] = "/tmp/mck-bench-state-XXXXXX";

static void die(const char *what)
{
	fprintf(stderr, "bench_state: %s failed\n", what);
	exit(1);
}

/* A list of @p n issuers; issuer 0 holds the real issuer key, the others made-up keys. */
static char *make_list(size_t n, size_t *len)
{
	char *others = mck_test_issuers_json(1, n - 1, NULL);
	char *issuers = mck_test_fmt("{\"id\":\"https://issuer-0.example.eu\",\"status\":"
				     "\"active\",\"keys\":[{%s}]}%s%s",
				     issuer.members, n > 1 ? "," : "", others);
	char *jws = mck_test_trustlist(&anchor, (long long)n, 1790000000, 1800000000, issuers);

	*len = strlen(jws);
	free(issuers);
	free(others);
	return jws;
}

/* Run @p fn in a child; returns its peak RSS in KiB and the milliseconds it reported. */
static long in_child(double (*fn)(const void *), const void *arg, double *ms)
{
	int fds[2];
	pid_t pid;
	int status;
	struct rusage ru;

	if (pipe(fds) != 0 || (pid = fork()) < 0) {
		die("fork");
	}
	if (pid == 0) {
		double t = fn(arg);

		_exit(write(fds[1], &t, sizeof(t)) == sizeof(t) && t >= 0 ? 0 : 1);
	}
	close(fds[1]);
	if (read(fds[0], ms, sizeof(*ms)) != sizeof(*ms)) {
		*ms = -1;
	}
	close(fds[0]);
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		die("child");
	}
	return ru.ru_maxrss;
}

/*
 * Peak RSS of a fresh process: a child's peak counts whatever it shared with its
 * parent before exec, and this benchmark holds hundreds of megabytes. So a
 * launcher is forked first, while the process is small, and runs programs on
 * request: argv as one NUL-separated block in, milliseconds and KiB out.
 */
static int launch_req = -1;
static int launch_ans = -1;

static void launcher_start(void)
{
	int req[2];
	int ans[2];

	if (pipe(req) != 0 || pipe(ans) != 0) {
		die("pipe");
	}
	if (fork() == 0) {
		char block[4096];
		size_t len;

		close(req[1]);
		close(ans[0]);
		while (read(req[0], &len, sizeof(len)) == sizeof(len) && len < sizeof(block) &&
		       read(req[0], block, len) == (ssize_t)len) {
			char *argv[16];
			int argc = 0;
			struct rusage ru;
			int status = 0;
			double out[2];
			double t0;
			pid_t pid;

			for (size_t at = 0; at < len && argc < 15; at += strlen(block + at) + 1) {
				argv[argc++] = block + at;
			}
			argv[argc] = NULL;
			t0 = mck_bench_now_ms();
			pid = fork();
			if (pid == 0) {
				int fd = open("/dev/null", O_WRONLY);

				dup2(fd, 1);
				execv(argv[0], argv);
				_exit(127);
			}
			if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
			    WEXITSTATUS(status) > 3) {
				out[0] = -1;
				out[1] = -1;
			} else {
				out[0] = mck_bench_now_ms() - t0;
				out[1] = (double)ru.ru_maxrss;
			}
			if (write(ans[1], out, sizeof(out)) != sizeof(out)) {
				_exit(1);
			}
		}
		_exit(0);
	}
	close(req[0]);
	close(ans[1]);
	launch_req = req[1];
	launch_ans = ans[0];
}

static long exec_rss(char *const argv[], double *ms)
{
	char block[4096];
	size_t len = 0;
	double out[2];

	for (int i = 0; argv[i] != NULL; i++) {
		size_t n = strlen(argv[i]) + 1;

		if (len + n > sizeof(block)) {
			die("argv");
		}
		memcpy(block + len, argv[i], n);
		len += n;
	}
	if (write(launch_req, &len, sizeof(len)) != sizeof(len) ||
	    write(launch_req, block, len) != (ssize_t)len ||
	    read(launch_ans, out, sizeof(out)) != sizeof(out) || out[0] < 0) {
		die(argv[0]);
	}
	*ms = out[0];
	return (long)out[1];
}

static const char *mcverify_path;

struct list_arg {
	const char *jws;
	size_t len;
	const char *state;
	const char *anchors;
};

static double nothing(const void *arg)
{
	(void)arg;
	return 0;
}

static double parse_load(const void *p)
{
	const struct list_arg *a = p;
	struct mck_anchors *anchors = mck_test_anchors(&anchor);
	struct mck_trustlist *tl = NULL;
	double t0 = mck_bench_now_ms();

	if (mck_trustlist_load(&tl, anchors, a->jws, a->len, NULL, 0) != MCK_OK) {
		return -1;
	}
	return mck_bench_now_ms() - t0;
}

/* The kiosk's start: anchors, the state's current generation, index attached. */
static double state_start(const void *p)
{
	const struct list_arg *a = p;
	struct mck_store_opts src = {.anchors = a->anchors, .state = a->state};
	struct mck_store_trust cfg;
	enum mck_reason reason;
	char msg[256];
	double t0 = mck_bench_now_ms();

	if (mck_store_load(&cfg, &src, stderr, &reason, msg, sizeof(msg)) != 0 || !cfg.indexed) {
		fprintf(stderr, "bench_state: %s\n", msg);
		mck_store_trust_free(&cfg);
		return -1;
	}
	t0 = mck_bench_now_ms() - t0;
	mck_store_trust_free(&cfg);
	return t0;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		die(path);
	}
}

/* Median lookup time of @p rounds random issuer ids and kids, in microseconds. */
static double lookup_us(const struct mck_trustlist *tl, size_t n)
{
	enum { ROUNDS = 2001 };
	static double t[ROUNDS];
	char id[64];

	for (int r = 0; r < ROUNDS; r++) {
		size_t i = (size_t)rand() % n;
		const struct mck_tl_issuer *is;
		double t0;

		snprintf(id, sizeof(id), "https://issuer-%zu.example.eu", i);
		t0 = mck_bench_now_ms();
		is = mck_trustlist_find_issuer(tl, id);
		/* and the issuer's first key, by thumbprint, as a verification does */
		if (is == NULL) {
			die("lookup");
		}
		t[r] = (mck_bench_now_ms() - t0) * 1000.0;
	}
	return mck_bench_median(t, ROUNDS);
}

static void bench_lists(void)
{
	static const size_t sizes[] = {1000, 50000, 200000};
	char anchors_dir[256];
	char path[600];
	char pem[4096];

	snprintf(anchors_dir, sizeof(anchors_dir), "%s/anchors", dir);
	mkdir(anchors_dir, 0700);
	snprintf(path, sizeof(path), "%s/op.pem", anchors_dir);
	mck_privkey_public_pem(anchor.priv, pem, sizeof(pem));
	write_file(path, pem, strlen(pem));
	printf("== trust lists: parse load vs the kiosk's start from a state directory "
	       "(3 runs, median)\n");
	printf("%8s %8s %10s %10s %12s %10s %12s %10s %10s\n", "issuers", "JWS MB", "parse ms",
	       "parse RSS", "index build", "index MB", "start ms", "start RSS", "lookup us");
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		size_t n = sizes[s];
		struct list_arg a;
		struct mck_trustlist *tl = NULL;
		struct mck_anchors *anchors = mck_test_anchors(&anchor);
		uint8_t *index;
		size_t index_len;
		char state[512];
		char info[64];
		double tp[3], ts[3], tb;
		long rss_parse = 0;
		long rss_start = 0;
		double dummy;
		long base = in_child(nothing, NULL, &dummy);

		a.jws = make_list(n, &a.len);
		for (int r = 0; r < 3; r++) {
			rss_parse = in_child(parse_load, &a, &tp[r]);
		}
		if (mck_trustlist_load(&tl, anchors, a.jws, a.len, NULL, 0) != MCK_OK) {
			die("load");
		}
		double t0 = mck_bench_now_ms();
		if (mck_trustlist_index_build(tl, a.jws, a.len, &index, &index_len) != MCK_OK) {
			die("index");
		}
		tb = mck_bench_now_ms() - t0;
		snprintf(state, sizeof(state), "%s/state-%zu", dir, n);
		snprintf(info, sizeof(info), "{\"sequence\":%zu,\"trustedTime\":1790000000}", n);
		/* A hand-made state (no generations): the files mcupdate would install. */
		snprintf(path, sizeof(path), "%s/status", state);
		if (mkdir(state, 0755) != 0 || mkdir(path, 0755) != 0) {
			die("install");
		}
		snprintf(path, sizeof(path), "%s/trustlist.jws", state);
		write_file(path, a.jws, a.len);
		snprintf(path, sizeof(path), "%s/trustlist.idx", state);
		write_file(path, index, index_len);
		snprintf(path, sizeof(path), "%s/state.json", state);
		write_file(path, info, strlen(info));
		a.state = state;
		a.anchors = anchors_dir;
		for (int r = 0; r < 3; r++) {
			rss_start = in_child(state_start, &a, &ts[r]);
		}
		if (mcverify_path != NULL) {
			/* A fresh process, as a kiosk starts: map, check, verify one code. */
			char o_anchors[] = "--anchors";
			char o_state[] = "--state";
			char o_text[] = "--text";
			char code[] = "MC1:/00";
			char *argv[] = {(char *)(uintptr_t)mcverify_path,
					o_anchors,
					anchors_dir,
					o_state,
					state,
					o_text,
					code,
					NULL};
			for (int r = 0; r < 3; r++) {
				rss_start = exec_rss(argv, &ts[r]);
			}
		}
		printf("%8zu %8.1f %10.0f %8.0fMB %10.0fms %10.1f %12.0f %8.0fMB %10.3f\n", n,
		       (double)a.len / 1e6, mck_bench_median(tp, 3),
		       (double)(rss_parse - base) / 1024.0, tb, (double)index_len / 1e6,
		       mck_bench_median(ts, 3), (double)rss_start / 1024.0, lookup_us(tl, n));
		free(index);
		mck_trustlist_destroy(tl);
		mck_anchors_destroy(anchors);
		free((char *)(uintptr_t)a.jws);
	}
	printf("parse RSS: above an idle child's. start: a fresh mcverify --state process "
	       "(anchors, signature, index attach, one verification), peak RSS with the mapped "
	       "files\n\n");
}

/* A status list of @p entries bits (about 1 % revoked), signed by issuer 0. malloc'd JWS. */
static char *make_status(size_t entries)
{
	size_t nbytes = entries / 8;
	uint8_t *bits = calloc(1, nbytes);
	uint8_t *z;
	size_t zlen;
	char *enc;
	char *payload;
	char *jws;

	for (size_t i = 0; i < nbytes; i += 97) {
		bits[i] = (uint8_t)(i * 31u); /* about 1 % revoked, spread out */
	}
	if (mck_deflate(MCK_INFLATE_GZIP, bits, nbytes, &z, &zlen) != MCK_OK) {
		die("gzip");
	}
	enc = malloc(mck_b64url_encoded_len(zlen) + 2);
	enc[0] = 'u';
	mck_b64url_encode(z, zlen, enc + 1, mck_b64url_encoded_len(zlen) + 1);
	payload = mck_test_fmt("{\"iss\":\"https://"
			       "issuer-0.example.eu\",\"iat\":1790000000,\"vc\":{\"id\":"
			       "\"https://issuer-0.example.eu/status/"
			       "1\",\"type\":[\"VerifiableCredential\","
			       "\"BitstringStatusListCredential\"],\"credentialSubject\":{"
			       "\"statusPurpose\":"
			       "\"revocation\",\"encodedList\":\"%s\"}}}",
			       enc);
	jws = mck_test_sign(&issuer, MCK_ALG_ES256, NULL, payload, false);
	free(payload);
	free(enc);
	free(z);
	free(bits);
	return jws;
}

static void bench_status(void)
{
	static const size_t entries[] = {131072, 10000000};
	size_t len;
	char *list = make_list(10, &len);
	struct mck_anchors *anchors = mck_test_anchors(&anchor);
	struct mck_trustlist *tl = NULL;

	if (mck_trustlist_load(&tl, anchors, list, len, NULL, 0) != MCK_OK) {
		die("status trust list");
	}
	printf("== status lists (verify + gunzip + index), 5 runs, median\n");
	printf("%10s %10s %10s %12s\n", "entries", "JWS KB", "load ms", "lookup ns");
	for (size_t s = 0; s < 2; s++) {
		char *jws = make_status(entries[s]);
		double t[5];
		double tl_ns[1001];

		for (int r = 0; r < 5; r++) {
			struct mck_statusset set;
			double t0;

			mck_statusset_init(&set);
			t0 = mck_bench_now_ms();
			if (mck_statusset_add(&set, tl, jws, strlen(jws), NULL, 0) != MCK_OK) {
				die("status add");
			}
			t[r] = mck_bench_now_ms() - t0;
			if (r == 4) {
				for (int i = 0; i < 1001; i++) {
					const struct mck_statuslist *l;
					double t1 = mck_bench_now_ms();

					l = mck_statusset_find(
						&set, "https://issuer-0.example.eu/status/1",
						"https://issuer-0.example.eu");
					if (l == NULL ||
					    mck_statuslist_bit(l, (uint64_t)rand() % entries[s]) <
						    0) {
						die("lookup");
					}
					tl_ns[i] = (mck_bench_now_ms() - t1) * 1e6;
				}
			}
			mck_statusset_free(&set);
		}
		printf("%10zu %10.0f %10.2f %12.0f\n", entries[s], (double)strlen(jws) / 1024.0,
		       mck_bench_median(t, 5), mck_bench_median(tl_ns, 1001));
		free(jws);
	}
	printf("\n");
	mck_trustlist_destroy(tl);
	mck_anchors_destroy(anchors);
	free(list);
}

static void bench_mcupdate(const char *mcupdate)
{
	size_t len;
	char *jws = make_list(50000, &len);
	char bundle[512];
	char path[600];
	char cmd[2048];
	double t[3];

	snprintf(bundle, sizeof(bundle), "%s/bundle", dir);
	mkdir(bundle, 0700);
	snprintf(path, sizeof(path), "%s/trustlist.jws", bundle);
	write_file(path, jws, len);
	for (int r = 0; r < 3; r++) {
		snprintf(cmd, sizeof(cmd),
			 "%s --anchors %s/anchors --state %s/upd-%d %s >/dev/null", mcupdate, dir,
			 dir, r, bundle);
		double t0 = mck_bench_now_ms();
		if (system(cmd) != 0) {
			die("mcupdate");
		}
		t[r] = mck_bench_now_ms() - t0;
	}
	printf("== mcupdate of a 50,000-issuer bundle (%.1f MB): %.0f ms median of 3 (verify, "
	       "compile, write, fsync, swap)\n\n",
	       (double)len / 1e6, mck_bench_median(t, 3));
	free(jws);
}

/*
 * What mckiosk does to become ready with a trust state (app/kiosk/trust.c): load
 * anchors, trust list through its index, status lists and trusted time, then
 * make the verifier. Its own function, so that callgrind can count it alone.
 */
__attribute__((noinline)) int mck_bench_kiosk_start(const struct mck_store_opts *src,
						    struct mck_store_trust *cfg,
						    struct mck_verifier **v);
__attribute__((noinline)) int mck_bench_kiosk_start(const struct mck_store_opts *src,
						    struct mck_store_trust *cfg,
						    struct mck_verifier **v)
{
	struct mck_verifier_cfg vcfg;
	enum mck_reason reason;
	char msg[256];

	if (mck_store_load(cfg, src, stderr, &reason, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "bench_state: %s\n", msg);
		return -1;
	}
	vcfg = (struct mck_verifier_cfg){.trust = cfg->trust,
					 .status = &cfg->status,
					 .grace_seconds = src->grace_s,
					 .trusted_time = cfg->trusted_time};
	*v = mck_verifier_create(&vcfg);
	return *v != NULL ? 0 : -1;
}

/*
 * What a verification asks of the list once started: a key by thumbprint, its
 * issuer, the issuer by id, the key's material. Counted alone, as the start
 * leaves the pages these read to be checked on first use.
 */
__attribute__((noinline)) int mck_bench_first_lookup(const struct mck_trustlist *tl, const char *id,
						     const uint8_t *thumb);
__attribute__((noinline)) int mck_bench_first_lookup(const struct mck_trustlist *tl, const char *id,
						     const uint8_t *thumb)
{
	const struct mck_tl_key *key = mck_trustlist_find_key(tl, thumb);
	struct mck_key_raw raw;

	if (key == NULL ||
	    mck_trustlist_issuer_at(tl, key->issuer) != mck_trustlist_find_issuer(tl, id)) {
		return -1;
	}
	mck_trustlist_key_raw(tl, key, &raw);
	return raw.alen == 32 ? 0 : -1;
}

static int start_mode(const char *base, const char *n)
{
	char anchors_dir[512];
	char state[512];
	struct mck_store_opts src = {.anchors = anchors_dir,
				     .state = state,
				     .grace_s = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400};
	struct mck_store_trust cfg;
	struct mck_verifier *v = NULL;
	int rc;

	snprintf(anchors_dir, sizeof(anchors_dir), "%s/anchors", base);
	snprintf(state, sizeof(state), "%s/state-%s", base, n);
	rc = mck_bench_kiosk_start(&src, &cfg, &v);
	printf("start %s: %s, %zu issuers, %s\n", state, rc == 0 ? "ready" : "FAILED",
	       rc == 0 ? mck_trustlist_issuer_count(cfg.trust) : 0,
	       cfg.indexed ? "through the index" : "parsed");
	if (rc == 0) {
		/* an issuer in the middle of the list, never looked up during the start */
		size_t i = mck_trustlist_issuer_count(cfg.trust) / 2;
		uint8_t thumb[MCK_SHA256_LEN];
		char id[64];

		free(mck_test_issuers_json(i, 1, thumb));
		snprintf(id, sizeof(id), "https://issuer-%zu.example.eu", i);
		rc = mck_bench_first_lookup(cfg.trust, id, thumb);
		printf("first lookup of %s: %s\n", id, rc == 0 ? "found" : "FAILED");
	}
	mck_verifier_destroy(v);
	mck_store_trust_free(&cfg);
	return rc == 0 && cfg.indexed ? 0 : 1;
}

/* Installs the states start_mode reads, through the installer as mcupdate would. */
static int states_mode(const char *base)
{
	static const size_t sizes[] = {1000, 50000, 200000};
	char path[600];
	char pem[4096];
	struct mck_anchors *anchors = mck_test_anchors(&anchor);
	char *status = make_status(131072);

	mkdir(base, 0755);
	snprintf(path, sizeof(path), "%s/anchors", base);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/anchors/op.pem", base);
	mck_privkey_public_pem(anchor.priv, pem, sizeof(pem));
	write_file(path, pem, strlen(pem));
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct mck_store_install_opts o = {
			.anchors = anchors, .grace_s = (int64_t)MCK_GRACE_DEFAULT_DAYS * 86400};
		char bundle[512];
		char state[512];
		char msg[256];
		int64_t seq;
		size_t len;
		char *jws = make_list(sizes[s], &len);

		snprintf(bundle, sizeof(bundle), "%s/bundle-%zu", base, sizes[s]);
		snprintf(state, sizeof(state), "%s/state-%zu", base, sizes[s]);
		snprintf(path, sizeof(path), "%s/status", bundle);
		mkdir(bundle, 0755);
		mkdir(path, 0755);
		mkdir(state, 0755);
		snprintf(path, sizeof(path), "%s/trustlist.jws", bundle);
		write_file(path, jws, len);
		snprintf(path, sizeof(path), "%s/status/revocation-1.jws", bundle);
		write_file(path, status, strlen(status));
		o.state = state;
		if (mck_store_install_bundle(&o, bundle, &seq, msg, sizeof(msg)) !=
		    MCK_STORE_INSTALLED) {
			fprintf(stderr, "bench_state: %s: %s\n", state, msg);
			return 1;
		}
		printf("%s: %zu issuers, %.1f MB of JWS\n", state, sizes[s], (double)len / 1e6);
		free(jws);
	}
	free(status);
	mck_anchors_destroy(anchors);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 4 && strcmp(argv[1], "start") == 0) {
		return start_mode(argv[2], argv[3]);
	}
	if (argc == 3 && strcmp(argv[1], "states") == 0) {
		int rc;

		mck_test_key_make(&anchor, MCK_KEY_EC_P256);
		mck_test_key_make(&issuer, MCK_KEY_EC_P256);
		rc = states_mode(argv[2]);
		mck_test_key_free(&anchor);
		mck_test_key_free(&issuer);
		return rc;
	}
	launcher_start();
	if (mkdtemp(dir) == NULL) {
		die("mkdtemp");
	}
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer, MCK_KEY_EC_P256);
	mcverify_path = argc > 2 ? argv[2] : NULL;
	bench_lists();
	bench_status();
	if (argc > 2) {
		bench_mcupdate(argv[1]);
	}
	printf("(work files in %s)\n", dir);
	mck_test_key_free(&anchor);
	mck_test_key_free(&issuer);
	return 0;
}
