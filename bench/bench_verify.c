/*
 * Verification benchmarks (prints figures, asserts nothing):
 *   1. QR text → verdict per algorithm, side by side with the bare signature
 *      check (mck_verify, and mbedtls_ecdsa_verify on a precomputed hash);
 *   2. mcverify --batch throughput for 1,000 credentials.
 * Trust-list scale is bench_state's.
 * Usage: bench_verify [PATH_TO_MCVERIFY]
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* The benchmark, not the product, reaches Mbed TLS directly: it measures the floor. */
#include <mbedtls/ecdsa.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>

#include "benchutil.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/jwk.h"
#include "mck/jws_sign.h"
#include "mck/verify.h"

#define NOW    1795000000
#define ROUNDS 301

static const char credential[] =
	"{\"iss\":\"https://cert.example-vet.pl\",\"nbf\":1780300800,\"exp\":1906531200,"
	"\"jti\":\"urn:uuid:6f1c2d7e-0a43-4c8e-9b3a-1f2e3d4c5b6a\",\"vc\":{\"type\":["
	"\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":"
	"\"https://cert.example-vet.pl\",\"name\":\"Example Vocational Training Centre\","
	"\"address\":{\"addressCountryCode\":\"PL\"}},\"credentialSubject\":{\"type\":["
	"\"AchievementSubject\"],\"identifier\":[{\"type\":\"IdentityObject\",\"identityType\":"
	"\"name\",\"hashed\":false,\"identityHash\":\"Anna Kowalska\"}],\"result\":[{\"type\":["
	"\"Result\"],\"value\":\"92/100\"}],\"achievement\":{\"type\":[\"Achievement\"],"
	"\"achievementType\":\"MicroCredential\",\"name\":\"Cloud Security Fundamentals\","
	"\"description\":\"Securing workloads on public cloud platforms.\",\"creditsAvailable\":2,"
	"\"workloadHours\":50,\"eqfLevel\":5,\"learningOutcomes\":[\"Configure identity and "
	"access management for a small organisation\",\"Detect and respond to common "
	"misconfigurations\"],\"assessmentType\":\"Supervised practical exam\","
	"\"participationForm\":\"online\",\"qualityAssurance\":\"Accredited by the national VET "
	"quality agency\"}}}}";

static struct mck_privkey *anchor_key;
static struct mck_anchors *anchors;
static char anchor_pem[4096];

static void die(const char *what, int rc)
{
	fprintf(stderr, "bench_verify: %s: %s\n", what, mck_strerror(rc));
	exit(1);
}

static void kid_of(const struct mck_key_raw *raw, char kid[MCK_KID_LEN + 1])
{
	uint8_t thumb[MCK_SHA256_LEN];

	mck_jwk_thumbprint(raw, thumb);
	mck_kid_encode(thumb, kid);
}

/* The JWK members of a public key, without braces. */
static void jwk_members(const struct mck_key_raw *raw, char *buf, size_t cap)
{
	char a[700];
	char b[700];
	char kid[MCK_KID_LEN + 1];

	kid_of(raw, kid);
	mck_b64url_encode(raw->a, raw->alen, a, sizeof(a));
	mck_b64url_encode(raw->b, raw->blen, b, sizeof(b));
	if (raw->type == MCK_KEY_RSA) {
		snprintf(buf, cap, "\"kid\":\"%s\",\"kty\":\"RSA\",\"n\":\"%s\",\"e\":\"%s\"", kid,
			 a, b);
	} else {
		snprintf(buf, cap,
			 "\"kid\":\"%s\",\"kty\":\"EC\",\"crv\":\"%s\",\"x\":\"%s\",\"y\":\"%s\"",
			 kid, raw->type == MCK_KEY_EC_P256 ? "P-256" : "P-384", a, b);
	}
}

/* Sign @p payload with the anchor as a trust list. Caller frees. */
static char *sign_list(const char *payload, size_t len, size_t *outlen)
{
	struct mck_key_raw raw;
	char kid[MCK_KID_LEN + 1];
	char header[128];
	char *jws;
	int rc;

	mck_privkey_export_public(anchor_key, &raw);
	kid_of(&raw, kid);
	snprintf(header, sizeof(header), "{\"alg\":\"ES256\",\"kid\":\"%s\",\"zip\":\"DEF\"}", kid);
	rc = mck_jws_sign(anchor_key, MCK_ALG_ES256, header, (const uint8_t *)payload, len, true,
			  &jws, outlen);
	if (rc != MCK_OK) {
		die("sign trust list", rc);
	}
	return jws;
}

static void setup_anchor(void)
{
	int rc = mck_privkey_generate(&anchor_key, MCK_KEY_EC_P256);

	if (rc == MCK_OK) {
		rc = mck_privkey_public_pem(anchor_key, anchor_pem, sizeof(anchor_pem));
	}
	anchors = mck_anchors_create();
	if (rc == MCK_OK) {
		rc = mck_anchors_add_pem(anchors, anchor_pem, strlen(anchor_pem));
	}
	if (rc != MCK_OK) {
		die("anchor", rc);
	}
}

struct alg_case {
	enum mck_alg alg;
	enum mck_key_type type;
};

static const struct alg_case algs[] = {
	{MCK_ALG_ES256, MCK_KEY_EC_P256},
	{MCK_ALG_ES384, MCK_KEY_EC_P384},
	{MCK_ALG_RS256, MCK_KEY_RSA},
	{MCK_ALG_PS256, MCK_KEY_RSA},
};

/* A one-issuer trust list for @p key and a compact credential signed with it. */
static void make_fixture(const struct mck_privkey *key, enum mck_alg alg, char **list,
			 size_t *list_len, char **text)
{
	struct mck_key_raw raw;
	char members[2048];
	char payload[4096];
	char kid[MCK_KID_LEN + 1];
	char header[128];
	char *jws;
	size_t len;
	int rc;

	mck_privkey_export_public(key, &raw);
	jwk_members(&raw, members, sizeof(members));
	kid_of(&raw, kid);
	snprintf(payload, sizeof(payload),
		 "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,"
		 "\"iat\":1790000000,\"nextUpdate\":1800000000,\"issuers\":[{\"id\":"
		 "\"https://cert.example-vet.pl\",\"name\":\"Example\",\"status\":\"active\","
		 "\"keys\":[{%s}]}]}",
		 members);
	*list = sign_list(payload, strlen(payload), list_len);
	snprintf(header, sizeof(header), "{\"alg\":\"%s\",\"kid\":\"%s\",\"zip\":\"DEF\"}",
		 mck_alg_name(alg), kid);
	rc = mck_jws_sign(key, alg, header, (const uint8_t *)credential, strlen(credential), true,
			  &jws, &len);
	if (rc == MCK_OK) {
		rc = mck_qrtext_encode(jws, len, 0, 0, text);
	}
	free(jws);
	if (rc != MCK_OK) {
		die("sign credential", rc);
	}
}

/* The floor: Mbed TLS ECDSA verify of a precomputed hash with a prepared key. */
struct bare_ecdsa {
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi r;
	mbedtls_mpi s;
	unsigned char hash[64];
	size_t hlen;
};

static void bare_setup(struct bare_ecdsa *b, const struct mck_key_raw *raw, const char *jws)
{
	const char *dot = strrchr(jws, '.');
	uint8_t sig[96];
	uint8_t point[97];
	size_t siglen;
	size_t w = raw->alen;

	mbedtls_ecp_group_init(&b->grp);
	mbedtls_ecp_point_init(&b->q);
	mbedtls_mpi_init(&b->r);
	mbedtls_mpi_init(&b->s);
	mbedtls_ecp_group_load(&b->grp,
			       w == 32 ? MBEDTLS_ECP_DP_SECP256R1 : MBEDTLS_ECP_DP_SECP384R1);
	point[0] = 4;
	memcpy(point + 1, raw->a, w);
	memcpy(point + 1 + w, raw->b, w);
	mbedtls_ecp_point_read_binary(&b->grp, &b->q, point, 1 + 2 * w);
	mck_b64url_decode(dot + 1, strlen(dot + 1), sig, sizeof(sig), &siglen);
	mbedtls_mpi_read_binary(&b->r, sig, siglen / 2);
	mbedtls_mpi_read_binary(&b->s, sig + siglen / 2, siglen / 2);
	if (w == 32) {
		mbedtls_sha256_ret((const unsigned char *)jws, (size_t)(dot - jws), b->hash, 0);
		b->hlen = 32;
	} else {
		mbedtls_sha512_ret((const unsigned char *)jws, (size_t)(dot - jws), b->hash, 1);
		b->hlen = 48;
	}
}

static void bare_free(struct bare_ecdsa *b)
{
	mbedtls_ecp_group_free(&b->grp);
	mbedtls_ecp_point_free(&b->q);
	mbedtls_mpi_free(&b->r);
	mbedtls_mpi_free(&b->s);
}

static void bench_algorithms(void)
{
	printf("== QR text -> verdict, per algorithm (%d rounds, interleaved, median)\n", ROUNDS);
	printf("%-6s %12s %14s %16s %8s %8s\n", "alg", "verdict ms", "mck_verify ms",
	       "ecdsa_verify ms", "ratio", "ratio2");
	for (size_t a = 0; a < sizeof(algs) / sizeof(algs[0]); a++) {
		static double tv[ROUNDS], tc[ROUNDS], tb[ROUNDS];
		struct mck_privkey *key;
		struct mck_trustlist *tl;
		struct mck_verifier *v;
		struct mck_verifier_cfg cfg = {0};
		struct mck_pubkey *pub;
		struct mck_key_raw raw;
		struct mck_qrtext *q = malloc(sizeof(*q));
		struct bare_ecdsa bare;
		char *list;
		char *text;
		char jws[MCK_JWS_TEXT_MAX + 1];
		size_t list_len;
		size_t jlen;
		enum mck_reason reason;
		bool ec = algs[a].type != MCK_KEY_RSA;
		const char *dot;

		if (q == NULL || mck_privkey_generate(&key, algs[a].type) != MCK_OK) {
			die("keygen", MCK_ERR_NOMEM);
		}
		make_fixture(key, algs[a].alg, &list, &list_len, &text);
		if (mck_trustlist_load(&tl, anchors, list, list_len, NULL, 0) != MCK_OK) {
			die("load", MCK_ERR_INTERNAL);
		}
		cfg.trust = tl;
		cfg.status = NULL;
		cfg.grace_seconds = 30 * 86400;
		v = mck_verifier_create(&cfg);
		mck_qrtext_init(q);
		mck_qrtext_add(q, text, strlen(text));
		mck_qrtext_assemble(q, jws, sizeof(jws), &jlen, &reason);
		mck_privkey_export_public(key, &raw);
		mck_pubkey_create(&pub, &raw);
		dot = strrchr(jws, '.');
		uint8_t sig[MCK_SIG_MAX];
		size_t siglen;
		mck_b64url_decode(dot + 1, strlen(dot + 1), sig, sizeof(sig), &siglen);
		if (ec) {
			bare_setup(&bare, &raw, jws);
		}
		for (int i = 0; i < ROUNDS; i++) {
			struct mck_result res;
			double t0 = mck_bench_now_ms();

			mck_verify_text(v, text, strlen(text), NOW, &res);
			double t1 = mck_bench_now_ms();
			if (res.verdict != MCK_VERDICT_VALID) {
				die("verdict is not valid", MCK_ERR_INTERNAL);
			}
			mck_result_free(&res);
			double t2 = mck_bench_now_ms();
			if (mck_verify(pub, algs[a].alg, (const uint8_t *)jws, (size_t)(dot - jws),
				       sig, siglen) != MCK_OK) {
				die("mck_verify", MCK_ERR_SIGNATURE);
			}
			double t3 = mck_bench_now_ms();
			if (ec && mbedtls_ecdsa_verify(&bare.grp, bare.hash, bare.hlen, &bare.q,
						       &bare.r, &bare.s) != 0) {
				die("mbedtls_ecdsa_verify", MCK_ERR_SIGNATURE);
			}
			double t4 = mck_bench_now_ms();
			tv[i] = t1 - t0;
			tc[i] = t3 - t2;
			tb[i] = t4 - t3;
		}
		double mv = mck_bench_median(tv, ROUNDS);
		double mc = mck_bench_median(tc, ROUNDS);
		double mb = mck_bench_median(tb, ROUNDS);
		if (ec) {
			printf("%-6s %12.3f %14.3f %16.3f %7.3fx %7.3fx\n",
			       mck_alg_name(algs[a].alg), mv, mc, mb, mv / mc, mv / mb);
			bare_free(&bare);
		} else {
			printf("%-6s %12.3f %14.3f %16s %7.3fx %8s\n", mck_alg_name(algs[a].alg),
			       mv, mc, "-", mv / mc, "-");
		}
		mck_pubkey_destroy(pub);
		mck_verifier_destroy(v);
		mck_trustlist_destroy(tl);
		mck_privkey_destroy(key);
		free(list);
		free(text);
		free(q);
	}
	printf("ratio = verdict / mck_verify (SHA + signature); ratio2 = verdict / "
	       "mbedtls_ecdsa_verify (signature only)\n\n");
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "bench_verify: cannot write %s\n", path);
		exit(1);
	}
}

static void bench_batch(const char *mcverify, const char *dir)
{
	struct mck_privkey *key;
	char *list;
	char *text;
	size_t list_len;
	char path[512];
	char cmd[2048];
	double t[5];
	FILE *f;

	if (mck_privkey_generate(&key, MCK_KEY_EC_P256) != MCK_OK) {
		die("keygen", MCK_ERR_NOMEM);
	}
	make_fixture(key, MCK_ALG_ES256, &list, &list_len, &text);
	snprintf(path, sizeof(path), "%s/anchors", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/anchors/anchor.pem", dir);
	write_file(path, anchor_pem, strlen(anchor_pem));
	snprintf(path, sizeof(path), "%s/trustlist.jws", dir);
	write_file(path, list, list_len);
	snprintf(path, sizeof(path), "%s/batch.txt", dir);
	f = fopen(path, "wb");
	for (int i = 0; f != NULL && i < 1000; i++) {
		fprintf(f, "%s\n", text);
	}
	if (f == NULL || fclose(f) != 0) {
		die("batch file", MCK_ERR_IO);
	}
	snprintf(cmd, sizeof(cmd),
		 "%s --anchors %s/anchors --trust %s/trustlist.jws --now %d --batch %s/batch.txt "
		 ">/dev/null",
		 mcverify, dir, dir, NOW, dir);
	for (int i = 0; i < 5; i++) {
		double t0 = mck_bench_now_ms();
		int rc = system(cmd);
		t[i] = mck_bench_now_ms() - t0;
		if (rc != 0) {
			fprintf(stderr, "bench_verify: %s exited %d\n", mcverify, rc);
			exit(1);
		}
	}
	double m = mck_bench_median(t, 5);
	printf("== mcverify --batch, 1,000 ES256 credentials (5 runs, median)\n");
	printf("%.0f ms in all, %.0f credentials/s, %.3f ms each (process start and trust list "
	       "load included)\n\n",
	       m, 1000.0 / (m / 1000.0), m / 1000.0);
	mck_privkey_destroy(key);
	free(list);
	free(text);
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/mck-bench-XXXXXX";

	setvbuf(stdout, NULL, _IOLBF, 0);
	setup_anchor();
	bench_algorithms();
	if (argc > 1) {
		if (mkdtemp(dir) == NULL) {
			die("mkdtemp", MCK_ERR_IO);
		}
		bench_batch(argv[1], dir);
	}
	mck_anchors_destroy(anchors);
	mck_privkey_destroy(anchor_key);
	return 0;
}
