/*
 * The fleet benchmark's driver (bench/fleet/fleet.sh runs it; prints figures,
 * asserts nothing):
 *   bench_fleet issuers FIRST COUNT
 *       COUNT made-up issuers of a trust list's description, one P-256 key
 *       each (inline JWK, coordinates from a seeded xorshift: distinct,
 *       incompressible, repeatable), comma-separated, for mcissue trustlist
 *   bench_fleet exec CONC MCUPDATE ANCHORS BASE_URL KIOSKS FIRST COUNT [CA_FILE]
 *       kiosks KIOSKS/kNNNN (state/, spool/) FIRST.. polled by the real
 *       mcupdate, CONC processes at a time; each process's wall time
 *   bench_fleet poll CONC BASE_URL KIOSKS COUNT [CA_FILE]
 *       kiosks 0..COUNT-1 polled over libcurl's multi interface, CONC at a
 *       time: the request mcupdate sends for an idle poll (the manifest, with
 *       If-None-Match and If-Modified-Since from the kiosk's own fetch.json,
 *       under the same condition, its User-Agent, a connection of its own,
 *       over TLS a full handshake: no session kept from one kiosk to the
 *       next); each request's time from connect to the last byte, and the
 *       TCP payload bytes and segments each way as the socket closes
 *       (TCP_INFO: TLS included, the FIN handshake not)
 * exec and poll print one line: polls=N ok=N status304=N median_ms=X p99_ms=X total_ms=X,
 * and poll tcp_in=B tcp_out=B segs=N (per poll)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curl/curl.h>

#include "benchutil.h"
#include "mck/b64url.h"
#include "mck/io.h"
#include "mck/mirror.h"
#include "mck/store.h"

#ifndef MCK_VERSION
#define MCK_VERSION "0"
#endif

#define CONC_MAX  256
#define KIOSK_MAX 100000

static void die(const char *what)
{
	fprintf(stderr, "bench_fleet: %s\n", what);
	exit(1);
}

static long number(const char *s, long lo, long hi)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*end != '\0' || end == s || v < lo || v > hi) {
		die("a number out of range");
	}
	return v;
}

static void print_figures(double *ms, size_t n, size_t ok, size_t not_modified, double total)
{
	double median = mck_bench_median(ms, n); /* sorts */

	printf("polls=%zu ok=%zu status304=%zu median_ms=%.2f p99_ms=%.2f total_ms=%.0f\n", n, ok,
	       not_modified, median, mck_bench_percentile(ms, n, 99), total);
}

/* ---- issuers ---- */

static int issuers(size_t first, size_t count)
{
	uint8_t xy[64];
	char x[48];
	char y[48];

	for (size_t i = first; i < first + count; i++) {
		/* xorshift64 seeded by the issuer's number */
		uint64_t r = (uint64_t)(i + 1) * 0x9e3779b97f4a7c15u;

		for (size_t b = 0; b < sizeof(xy); b++) {
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			xy[b] = (uint8_t)(r >> 24);
		}
		if (mck_b64url_encode(xy, 32, x, sizeof(x)) < 0 ||
		    mck_b64url_encode(xy + 32, 32, y, sizeof(y)) < 0) {
			die("base64url");
		}
		printf("%s{\"id\":\"https://issuer-%zu.example.eu\",\"name\":\"Awarding body %zu\","
		       "\"status\":\"active\",\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\","
		       "\"x\":\"%s\",\"y\":\"%s\"}]}\n",
		       i > first ? "," : "", i, i, x, y);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/* ---- exec: the real client ---- */

static int exec_pool(int argc, char **argv)
{
	size_t conc = (size_t)number(argv[2], 1, CONC_MAX);
	const char *mcupdate = argv[3];
	const char *anchors = argv[4];
	const char *base = argv[5];
	const char *kiosks = argv[6];
	size_t first = (size_t)number(argv[7], 0, KIOSK_MAX);
	size_t count = (size_t)number(argv[8], 1, KIOSK_MAX);
	const char *ca = argc > 9 ? argv[9] : NULL;
	pid_t pid[CONC_MAX];
	double start[CONC_MAX];
	double *ms = calloc(count, sizeof(*ms));
	size_t next = 0;
	size_t done = 0;
	size_t running = 0;
	size_t ok = 0;
	double t0 = mck_bench_now_ms();

	if (ms == NULL) {
		die("out of memory");
	}
	while (done < count) {
		while (running < conc && next < count) {
			char state[4096];
			char spool[4096];
			size_t slot = running; /* slots 0..running-1 are busy */

			snprintf(state, sizeof(state), "%s/k%04zu/state", kiosks, first + next);
			snprintf(spool, sizeof(spool), "%s/k%04zu/spool", kiosks, first + next);
			start[slot] = mck_bench_now_ms();
			pid[slot] = fork();
			if (pid[slot] == 0) {
				int fd = open("/dev/null", O_WRONLY);

				dup2(fd, 1);
				if (ca != NULL) {
					execl(mcupdate, mcupdate, "--anchors", anchors, "--state",
					      state, "--spool", spool, "--ca", ca, base,
					      (char *)NULL);
				} else {
					execl(mcupdate, mcupdate, "--anchors", anchors, "--state",
					      state, "--spool", spool, base, (char *)NULL);
				}
				_exit(127);
			}
			if (pid[slot] < 0) {
				die("fork");
			}
			running++;
			next++;
		}
		int status;
		pid_t p = wait(&status);

		if (p < 0) {
			die("wait");
		}
		for (size_t slot = 0; slot < running; slot++) {
			if (pid[slot] == p) {
				ms[done++] = mck_bench_now_ms() - start[slot];
				ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
				running--;
				pid[slot] = pid[running];
				start[slot] = start[running];
				break;
			}
		}
	}
	/* mcupdate's answers are its exit codes; nginx's log says 304 or not */
	print_figures(ms, count, ok, 0, mck_bench_now_ms() - t0);
	free(ms);
	return 0;
}

/* ---- poll: libcurl's multi interface ---- */

struct kiosk {
	CURL *c;
	struct curl_slist *headers;
	char url[MCK_MIRROR_URL_MAX + 64];
	char cond[2][MCK_MIRROR_TAG_MAX + 32];
};

/* What the kiosks' connections carried, read as each closes. */
struct wire {
	uint64_t in;
	uint64_t out;
	uint64_t segs;
	size_t sockets;
};

static int close_socket(void *ctx, curl_socket_t fd)
{
	struct wire *w = ctx;
	struct tcp_info ti;
	socklen_t len = sizeof(ti);

	memset(&ti, 0, sizeof(ti));
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 &&
	    len >= offsetof(struct tcp_info, tcpi_bytes_sent) + sizeof(ti.tcpi_bytes_sent)) {
		w->in += ti.tcpi_bytes_received;
		w->out += ti.tcpi_bytes_sent;
		w->segs += (uint64_t)ti.tcpi_segs_in + ti.tcpi_segs_out;
		w->sockets++;
	}
	return close(fd);
}

static size_t discard(char *data, size_t size, size_t n, void *ctx)
{
	(void)data;
	(void)ctx;
	return size * n;
}

/* The validators mcupdate would send from kiosk @p i's spool: as update.c decides. */
static void conditions(const char *kiosks, size_t i, const char *base, struct kiosk *k)
{
	char path[4096];
	struct mck_mirror_record rec;
	struct mck_store *s = NULL;
	struct mck_store_info info = {0, 0};
	int fd;

	snprintf(path, sizeof(path), "%s/k%04zu/state", kiosks, i);
	if (mck_store_open(&s, path) == 0) {
		(void)mck_store_read_info(s, &info);
		mck_store_close(s);
	}
	snprintf(path, sizeof(path), "%s/k%04zu/spool", kiosks, i);
	fd = mck_io_open_dir_at(AT_FDCWD, path);
	if (fd < 0 || mck_mirror_record_read(fd, &rec) != 0) {
		die("a kiosk's spool or fetch.json");
	}
	close(fd);
	if (info.sequence > 0 && rec.sequence == info.sequence && strcmp(rec.url, base) == 0) {
		if (rec.etag[0] != '\0') {
			snprintf(k->cond[0], sizeof(k->cond[0]), "If-None-Match: %s", rec.etag);
			k->headers = curl_slist_append(k->headers, k->cond[0]);
		}
		if (rec.last_modified[0] != '\0') {
			snprintf(k->cond[1], sizeof(k->cond[1]), "If-Modified-Since: %s",
				 rec.last_modified);
			k->headers = curl_slist_append(k->headers, k->cond[1]);
		}
	}
}

static void start_poll(CURLM *m, struct kiosk *k, const char *base, const char *ca, struct wire *w)
{
	k->c = curl_easy_init();
	if (k->c == NULL) {
		die("curl_easy_init");
	}
	snprintf(k->url, sizeof(k->url), "%s/mck-update/manifest.json", base);
	curl_easy_setopt(k->c, CURLOPT_URL, k->url);
	curl_easy_setopt(k->c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(k->c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(k->c, CURLOPT_MAXREDIRS, (long)MCK_MIRROR_REDIRECTS);
	curl_easy_setopt(k->c, CURLOPT_CONNECTTIMEOUT, (long)MCK_MIRROR_CONNECT_TIMEOUT);
	curl_easy_setopt(k->c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(k->c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(k->c, CURLOPT_USERAGENT, "mcupdate/" MCK_VERSION);
	curl_easy_setopt(k->c, CURLOPT_HTTPHEADER, k->headers);
	curl_easy_setopt(k->c, CURLOPT_WRITEFUNCTION, discard);
	/* a kiosk's poll is a process of its own: a new connection, closed after */
	curl_easy_setopt(k->c, CURLOPT_FRESH_CONNECT, 1L);
	curl_easy_setopt(k->c, CURLOPT_FORBID_REUSE, 1L);
	curl_easy_setopt(k->c, CURLOPT_SSL_SESSIONID_CACHE, 0L);
	curl_easy_setopt(k->c, CURLOPT_CLOSESOCKETFUNCTION, close_socket);
	curl_easy_setopt(k->c, CURLOPT_CLOSESOCKETDATA, w);
	if (ca != NULL) {
		curl_easy_setopt(k->c, CURLOPT_CAINFO, ca);
	}
	curl_easy_setopt(k->c, CURLOPT_PRIVATE, k);
	if (curl_multi_add_handle(m, k->c) != CURLM_OK) {
		die("curl_multi_add_handle");
	}
}

static int poll_multi(int argc, char **argv)
{
	long conc = number(argv[2], 1, CONC_MAX);
	const char *base = argv[3];
	const char *kiosks = argv[4];
	size_t count = (size_t)number(argv[5], 1, KIOSK_MAX);
	const char *ca = argc > 6 ? argv[6] : NULL;
	struct wire w = {0, 0, 0, 0};
	struct kiosk *k = calloc(count, sizeof(*k));
	double *ms = calloc(count, sizeof(*ms));
	size_t next = 0;
	size_t done = 0;
	size_t ok = 0;
	size_t not_modified = 0;
	CURLM *m;
	double t0;

	if (k == NULL || ms == NULL || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (m = curl_multi_init()) == NULL) {
		die("set-up");
	}
	for (size_t i = 0; i < count; i++) {
		conditions(kiosks, i, base, &k[i]);
	}
	curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, conc);
	t0 = mck_bench_now_ms();
	while (done < count) {
		int still;
		int left;
		CURLMsg *msg;

		while (next < count && (long)(next - done) < conc) {
			start_poll(m, &k[next++], base, ca, &w);
		}
		if (curl_multi_perform(m, &still) != CURLM_OK) {
			die("curl_multi_perform");
		}
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			struct kiosk *kk;
			char *priv = NULL;
			curl_off_t us = 0;
			long status = 0;

			if (msg->msg != CURLMSG_DONE) {
				continue;
			}
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
			kk = (struct kiosk *)(void *)priv;
			curl_easy_getinfo(kk->c, CURLINFO_RESPONSE_CODE, &status);
			curl_easy_getinfo(kk->c, CURLINFO_TOTAL_TIME_T, &us);
			ok += msg->data.result == CURLE_OK && (status == 304 || status == 200);
			not_modified += msg->data.result == CURLE_OK && status == 304;
			ms[done++] = (double)us / 1e3;
			curl_multi_remove_handle(m, kk->c);
			curl_easy_cleanup(kk->c);
			kk->c = NULL;
		}
		if (done < count && curl_multi_poll(m, NULL, 0, 100, NULL) != CURLM_OK) {
			die("curl_multi_poll");
		}
	}
	print_figures(ms, count, ok, not_modified, mck_bench_now_ms() - t0);
	if (w.sockets > 0) {
		printf("tcp_in=%.1f tcp_out=%.1f segs=%.1f\n", (double)w.in / (double)w.sockets,
		       (double)w.out / (double)w.sockets, (double)w.segs / (double)w.sockets);
	}
	for (size_t i = 0; i < count; i++) {
		curl_slist_free_all(k[i].headers);
	}
	curl_multi_cleanup(m);
	curl_global_cleanup();
	free(k);
	free(ms);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "issuers") == 0) {
		return issuers((size_t)number(argv[2], 0, 10000000),
			       (size_t)number(argv[3], 1, 10000000));
	}
	if ((argc == 9 || argc == 10) && strcmp(argv[1], "exec") == 0) {
		return exec_pool(argc, argv);
	}
	if ((argc == 6 || argc == 7) && strcmp(argv[1], "poll") == 0) {
		return poll_multi(argc, argv);
	}
	fputs("usage: bench_fleet issuers FIRST COUNT\n"
	      "       bench_fleet exec CONC MCUPDATE ANCHORS BASE_URL KIOSKS FIRST COUNT "
	      "[CA_FILE]\n"
	      "       bench_fleet poll CONC BASE_URL KIOSKS COUNT [CA_FILE]\n",
	      stderr);
	return 2;
}
