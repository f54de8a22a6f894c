/*
 * Strict-JSON and large-trust-list benchmarks (prints figures, asserts nothing):
 *   bench_json dup           mck_json_parse of an object of 100,000 members and
 *                            of 24 MB documents of 1,024-member objects, with
 *                            names made to collide in the duplicate check's hash
 *                            table or not, medians of 5;
 *   bench_json list DIR MB [zip]
 *                            write DIR/anchors/anchor.pem and DIR/trustlist.jws,
 *                            a signed list of about MB MiB (two keys per issuer),
 *                            for `/usr/bin/time -v mcverify --trust`;
 *   bench_json load DIR      mck_trustlist_load of DIR's list in this process:
 *                            milliseconds and peak RSS.
 */
#define _DEFAULT_SOURCE

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "benchutil.h"
#include "json_hash.h"
#include "mck/err.h"
#include "mck/json.h"
#include "mck/jws_sign.h"
#include "mck/trustlist.h"
#include "support/imgcodec.h"
#include "support/mint.h"

#define ROUNDS 5

static void die(const char *what)
{
	fprintf(stderr, "bench_json: %s failed\n", what);
	exit(1);
}

/* json.c's member-name hash, to make names collide. */
static uint64_t name_hash(const char *s)
{
	return mck__json_name_hash(s, NULL);
}

static char colliding[MCK_JSON_MAX_MEMBERS][16]; /* all in one slot of a 2,048-slot table */

/* {"pad":[{"k0":0,...,"k1023":0},...]} of about @p target bytes (@p hostile: colliding names). */
static char *doc_of_objects(size_t target, size_t members, bool hostile, size_t *len)
{
	char *buf = malloc(target + members * 16 + 64);
	size_t pos = 0;
	size_t objects = 0;

	if (buf == NULL) {
		die("malloc");
	}
	pos += (size_t)sprintf(buf, "{\"pad\":[");
	do {
		if (objects++ > 0) {
			buf[pos++] = ',';
		}
		buf[pos++] = '{';
		for (size_t m = 0; m < members; m++) {
			if (hostile) {
				pos += (size_t)sprintf(buf + pos, "%s\"%s\":0", m > 0 ? "," : "",
						       colliding[m]);
			} else {
				pos += (size_t)sprintf(buf + pos, "%s\"k%zu\":0", m > 0 ? "," : "",
						       m);
			}
		}
		buf[pos++] = '}';
	} while (pos < target);
	pos += (size_t)sprintf(buf + pos, "]}");
	*len = pos;
	return buf;
}

static void time_parse(const char *what, const char *doc, size_t len)
{
	double t[ROUNDS];
	int rc = 0;

	for (int r = 0; r < ROUNDS; r++) {
		cJSON *root = NULL;
		double t0 = mck_bench_now_ms();

		rc = mck_json_parse((const uint8_t *)doc, len, MCK_JSON_MAX_DEPTH, &root);
		t[r] = mck_bench_now_ms() - t0;
		cJSON_Delete(root);
	}
	printf("%-46s %6.1f MB  %9.1f ms  (%s)\n", what, (double)len / 1e6,
	       mck_bench_median(t, ROUNDS), rc == MCK_OK ? "accepted" : mck_strerror(rc));
}

static void bench_dup(void)
{
	size_t len;
	char *doc;

	for (uint32_t i = 0, found = 0; found < MCK_JSON_MAX_MEMBERS; i++) {
		snprintf(colliding[found], sizeof(colliding[found]), "c%u", i);
		if (name_hash(colliding[found]) >> 53 == 5u) {
			found++;
		}
	}
	printf("== mck_json_parse, median of %d\n", ROUNDS);
	doc = doc_of_objects(1, 100000, false, &len);
	time_parse("one object of 100,000 members (over the cap)", doc, len);
	free(doc);
	doc = doc_of_objects(24000000, MCK_JSON_MAX_MEMBERS, false, &len);
	time_parse("objects of 1,024 members, 24 MB", doc, len);
	free(doc);
	doc = doc_of_objects(24000000, MCK_JSON_MAX_MEMBERS, true, &len);
	time_parse("objects of 1,024 colliding names, 24 MB", doc, len);
	free(doc);
	/* The same members spread over small objects: the cost of parsing alone. */
	doc = doc_of_objects(24000000, 8, false, &len);
	time_parse("objects of 8 members, 24 MB", doc, len);
	free(doc);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		die(path);
	}
}

static void make_list(const char *dir, size_t mib, bool zip)
{
	struct mck_test_key anchor;
	char pem[4096];
	char path[4096];
	/* Bytes of JWS per issuer: 480 of JSON, base64url, or its DEFLATE of about 300. */
	size_t n = mib * 1024 * 1024 / (zip ? 415 : 645);
	char *issuers;
	char *json;
	char *jws;

	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	if (mck_privkey_public_pem(anchor.priv, pem, sizeof(pem)) != MCK_OK) {
		die("pem");
	}
	issuers = mck_test_issuers_json(0, n, NULL);
	json = mck_test_fmt("{\"type\":\"MicroCredentialTrustList\",\"version\":1,"
			    "\"sequence\":1,\"iat\":1790000000,\"nextUpdate\":1800000000,"
			    "\"operator\":{\"name\":\"Bench register\"},\"issuers\":[%s]}",
			    issuers);
	free(issuers);
	jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, json, zip);
	snprintf(path, sizeof(path), "%s/anchors", dir);
	mkdir(dir, 0700);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/anchors/anchor.pem", dir);
	write_file(path, pem, strlen(pem));
	snprintf(path, sizeof(path), "%s/trustlist.jws", dir);
	write_file(path, jws, strlen(jws));
	printf("%s: %zu issuers, JSON %.1f MB, JWS %.1f MB%s\n", path, n,
	       (double)strlen(json) / 1e6, (double)strlen(jws) / 1e6, zip ? " (zip)" : "");
	free(json);
	free(jws);
	mck_test_key_free(&anchor);
}

static void load_list(const char *dir)
{
	struct mck_anchors *anchors = mck_anchors_create();
	struct mck_trustlist *tl = NULL;
	struct rusage ru;
	char path[4096];
	char msg[200];
	size_t len;
	char *pem;
	char *jws;

	snprintf(path, sizeof(path), "%s/anchors/anchor.pem", dir);
	pem = (char *)mck_test_slurp(path, &len);
	if (pem == NULL || mck_anchors_add_pem(anchors, pem, len) != MCK_OK) {
		die("anchor");
	}
	snprintf(path, sizeof(path), "%s/trustlist.jws", dir);
	jws = (char *)mck_test_slurp(path, &len);
	if (jws == NULL) {
		die("slurp");
	}
	double t0 = mck_bench_now_ms();
	int rc = mck_trustlist_load(&tl, anchors, jws, len, msg, sizeof(msg));
	double ms = mck_bench_now_ms() - t0;

	getrusage(RUSAGE_SELF, &ru);
	printf("load: %s, %zu issuers, %.0f ms, peak RSS %ld MiB (JWS %.1f MB)\n",
	       rc == MCK_OK ? "ok" : msg, rc == MCK_OK ? mck_trustlist_issuer_count(tl) : 0, ms,
	       ru.ru_maxrss / 1024, (double)len / 1e6);
	mck_trustlist_destroy(tl);
	mck_anchors_destroy(anchors);
	free(pem);
	free(jws);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && strcmp(argv[1], "dup") == 0) {
		bench_dup();
	} else if ((argc == 4 || argc == 5) && strcmp(argv[1], "list") == 0) {
		make_list(argv[2], strtoul(argv[3], NULL, 10),
			  argc == 5 && strcmp(argv[4], "zip") == 0);
	} else if (argc == 3 && strcmp(argv[1], "load") == 0) {
		load_list(argv[2]);
	} else {
		fputs("usage: bench_json dup | list DIR MB [zip] | load DIR\n", stderr);
		return 2;
	}
	return 0;
}
