/*
 * Verification benchmarks (prints figures, asserts nothing):
 *   1. QR text → verdict per algorithm, side by side with the bare signature
 *      check (mck_verify, and mbedtls_ecdsa_verify on a precomputed hash);
 *   2. ECDSA P-256 verify four ways Mbed TLS 2.28 allows (issue 15 item 6: would
 *      keeping a trust-list key's precomputed multiples help?); see the
 *      conclusion above bench_ecdsa_ways;
 *   3. mcverify --batch throughput for 1,000 credentials.
 * Trust-list scale is bench_state's.
 * Usage: bench_verify [PATH_TO_MCVERIFY]
 *        bench_verify ecdsa-once   each ECDSA way once after a warm-up, for
 *            valgrind --tool=callgrind --toggle-collect='ecdsa_way_*'
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
#include <mbedtls/ecp.h>
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

/*
 * ECDSA P-256 verification, the ways Mbed TLS 2.28 offers, over one signature:
 *
 *   ecdsa_verify   mbedtls_ecdsa_verify, as crypto.c calls it for every credential
 *   muladd         the scalars u1 = e/s, u2 = r/s by hand, then
 *                  mbedtls_ecp_muladd(u1 G + u2 Q): what ecdsa_verify does inside
 *   two_mul        mbedtls_ecp_mul(u1 G) + mbedtls_ecp_mul(u2 Q), then their sum
 *   two_mul_kept   as two_mul, but u2 Q in a group of its own whose G is Q, so
 *                  that ecp_mul_comb keeps Q's comb table in it across calls
 *
 * What 2.28 does (library/ecp.c; Debian's config.h leaves MBEDTLS_ECP_WINDOW_SIZE
 * and MBEDTLS_ECP_FIXED_POINT_OPTIM at their defaults, 4 and 1, and turns
 * MBEDTLS_ECP_NIST_OPTIM on): ecp_mul_comb keeps a precomputed comb table only
 * for the group's own G: built at its first use and kept in grp->T. For any other
 * point it computes a table on every call (window 4, 8 points: 192 doublings, 7
 * additions, two normalisations) and frees it; mbedtls_ecp_muladd is two such
 * multiplications and an addition. No public call keeps the table of a point
 * other than G. The one way is two_mul_kept's: a copy of the curve's group with
 * G replaced by Q (and any table pointer cleared), reading and writing
 * mbedtls_ecp_group's fields, private in 3.x (MBEDTLS_PRIVATE); the window
 * stays 4, the cap on any table ecp_mul_comb builds.
 *
 * Measured (x86-64, Release -O3, Debian's libmbedcrypto 2.28.3; one signature;
 * callgrind instructions of one call after a warm-up, median of 301 interleaved
 * rounds; two runs agreed within 2 %):
 *
 *   way            instructions   median us
 *   ecdsa_verify        13.25 M         949
 *   muladd              13.24 M         950
 *   two_mul             13.26 M         953
 *   two_mul_kept         8.34 M         590   (-37 %, Q's table already built)
 *   a key's first two_mul_kept, building Q's table: 18.2 M, 1,408 us (+37 %, +48 %)
 *
 * Debian's build keeps a table of 8 points (window 4) for G in the group after
 * its first use and, for Q, builds one of 8 points per call. muladd and two_mul
 * cost what ecdsa_verify costs: the library's verify adds nothing worth
 * avoiding. Keeping Q's table saves its 192 doublings, 37 % of a verification,
 * from a key's second verification on (break-even at 2.0 uses in instructions,
 * 2.2 in time).
 *
 * CONCLUSION: not adopted; crypto.c keeps mbedtls_ecdsa_verify.
 *  - It works only by writing mbedtls_ecp_group's G and T, knowing that a
 *    loaded curve's G is the library's static data (written over, it faults:
 *    h == 1), fields private in Mbed TLS 3.x (MBEDTLS_PRIVATE). A mistake there
 *    is not a slow path but a broken check: Q multiplied with G's table gives
 *    u1 G + u2 G, which anyone can satisfy without the key. So each kept table
 *    would need a self-test against ecp_mul's own path (one more
 *    multiplication, about 8 M) and a fallback, which moves the break-even to a
 *    key's third or fourth verification.
 *  - Keys verified once per start (anchors, status lists' signers) and the
 *    many awarding bodies of a long list gain nothing or lose.
 *  - The verifier's key cache would hold a group and a table per key, built
 *    before the kiosk's threads may share it.
 * If the verdict budget (issue 15: frame with a code -> verdict <= 50 M) is
 * missed by about 5 M, this is where 5 M is, for keys seen again; with Mbed TLS
 * 3.6 the question is PSA's.
 */
#define ECDSA_CONCLUSION                                                                           \
	"not adopted (see bench_verify.c): the kept table pays back only from a key's "            \
	"break-even use, and needs the group's private G and T rewritten"

struct ecdsa_case {
	struct bare_ecdsa b;
	mbedtls_ecp_group kept; /* G := Q, its comb table kept after the first call */
	mbedtls_mpi one;
};

/* u1 = e / s, u2 = r / s (mod n); 0 or an Mbed TLS error. */
static int ecdsa_scalars(struct ecdsa_case *c, mbedtls_mpi *u1, mbedtls_mpi *u2)
{
	mbedtls_ecp_group *grp = &c->b.grp;
	mbedtls_mpi e;
	mbedtls_mpi sinv;
	int ret;

	mbedtls_mpi_init(&e);
	mbedtls_mpi_init(&sinv);
	ret = mbedtls_mpi_read_binary(&e, c->b.hash, c->b.hlen); /* 256 bits: no truncation */
	if (ret == 0) {
		ret = mbedtls_mpi_inv_mod(&sinv, &c->b.s, &grp->N);
	}
	if (ret == 0) {
		ret = mbedtls_mpi_mul_mpi(u1, &e, &sinv);
	}
	if (ret == 0) {
		ret = mbedtls_mpi_mod_mpi(u1, u1, &grp->N);
	}
	if (ret == 0) {
		ret = mbedtls_mpi_mul_mpi(u2, &c->b.r, &sinv);
	}
	if (ret == 0) {
		ret = mbedtls_mpi_mod_mpi(u2, u2, &grp->N);
	}
	mbedtls_mpi_free(&e);
	mbedtls_mpi_free(&sinv);
	return ret;
}

/* R is not zero and its x mod n is r. */
static int ecdsa_check(struct ecdsa_case *c, const mbedtls_ecp_point *R)
{
	mbedtls_mpi v;
	int ret;

	if (mbedtls_ecp_is_zero((mbedtls_ecp_point *)(uintptr_t)R)) {
		return -1;
	}
	mbedtls_mpi_init(&v);
	ret = mbedtls_mpi_mod_mpi(&v, &R->X, &c->b.grp.N);
	if (ret == 0 && mbedtls_mpi_cmp_mpi(&v, &c->b.r) != 0) {
		ret = -1;
	}
	mbedtls_mpi_free(&v);
	return ret;
}

int ecdsa_way_verify(struct ecdsa_case *c);
int ecdsa_way_muladd(struct ecdsa_case *c);
int ecdsa_way_two_mul(struct ecdsa_case *c);
int ecdsa_way_two_mul_kept(struct ecdsa_case *c);
int ecdsa_first_kept(struct ecdsa_case *c);

__attribute__((noinline)) int ecdsa_way_verify(struct ecdsa_case *c)
{
	return mbedtls_ecdsa_verify(&c->b.grp, c->b.hash, c->b.hlen, &c->b.q, &c->b.r, &c->b.s);
}

__attribute__((noinline)) int ecdsa_way_muladd(struct ecdsa_case *c)
{
	mbedtls_mpi u1, u2;
	mbedtls_ecp_point R;
	int ret;

	mbedtls_mpi_init(&u1);
	mbedtls_mpi_init(&u2);
	mbedtls_ecp_point_init(&R);
	ret = ecdsa_scalars(c, &u1, &u2);
	if (ret == 0) {
		ret = mbedtls_ecp_muladd(&c->b.grp, &R, &u1, &c->b.grp.G, &u2, &c->b.q);
	}
	if (ret == 0) {
		ret = ecdsa_check(c, &R);
	}
	mbedtls_mpi_free(&u1);
	mbedtls_mpi_free(&u2);
	mbedtls_ecp_point_free(&R);
	return ret;
}

/* u1 G in the curve's group; u2 Q in @p qgrp at @p q; their sum. */
static int two_mul(struct ecdsa_case *c, mbedtls_ecp_group *qgrp, const mbedtls_ecp_point *q)
{
	mbedtls_mpi u1, u2;
	mbedtls_ecp_point R1, R2, R;
	int ret;

	mbedtls_mpi_init(&u1);
	mbedtls_mpi_init(&u2);
	mbedtls_ecp_point_init(&R1);
	mbedtls_ecp_point_init(&R2);
	mbedtls_ecp_point_init(&R);
	ret = ecdsa_scalars(c, &u1, &u2);
	if (ret == 0) {
		ret = mbedtls_ecp_mul(&c->b.grp, &R1, &u1, &c->b.grp.G, NULL, NULL);
	}
	if (ret == 0) {
		ret = mbedtls_ecp_mul(qgrp, &R2, &u2, q, NULL, NULL);
	}
	if (ret == 0) { /* 1 R1 + 1 R2: muladd's shortcut for 1 makes this one addition */
		ret = mbedtls_ecp_muladd(&c->b.grp, &R, &c->one, &R1, &c->one, &R2);
	}
	if (ret == 0) {
		ret = ecdsa_check(c, &R);
	}
	mbedtls_mpi_free(&u1);
	mbedtls_mpi_free(&u2);
	mbedtls_ecp_point_free(&R1);
	mbedtls_ecp_point_free(&R2);
	mbedtls_ecp_point_free(&R);
	return ret;
}

__attribute__((noinline)) int ecdsa_way_two_mul(struct ecdsa_case *c)
{
	return two_mul(c, &c->b.grp, &c->b.q);
}

__attribute__((noinline)) int ecdsa_way_two_mul_kept(struct ecdsa_case *c)
{
	return two_mul(c, &c->kept, &c->kept.G);
}

/* The same, the first time for this key: it builds Q's table (counted on its own). */
__attribute__((noinline)) int ecdsa_first_kept(struct ecdsa_case *c)
{
	return two_mul(c, &c->kept, &c->kept.G);
}

static void ecdsa_case_make(struct ecdsa_case *c)
{
	struct mck_privkey *key;
	struct mck_key_raw raw;
	char kid[MCK_KID_LEN + 1];
	char header[128];
	char *jws;
	size_t len;

	if (mck_privkey_generate(&key, MCK_KEY_EC_P256) != MCK_OK) {
		die("keygen", MCK_ERR_NOMEM);
	}
	mck_privkey_export_public(key, &raw);
	kid_of(&raw, kid);
	snprintf(header, sizeof(header), "{\"alg\":\"ES256\",\"kid\":\"%s\"}", kid);
	if (mck_jws_sign(key, MCK_ALG_ES256, header, (const uint8_t *)credential,
			 strlen(credential), false, &jws, &len) != MCK_OK) {
		die("sign", MCK_ERR_SIGNATURE);
	}
	bare_setup(&c->b, &raw, jws);
	mbedtls_mpi_init(&c->one);
	mbedtls_mpi_lset(&c->one, 1);
	mbedtls_ecp_group_init(&c->kept);
	mbedtls_ecp_group_load(&c->kept, MBEDTLS_ECP_DP_SECP256R1);
	/*
	 * A group with a table built into the library (T set, T_size 0: Mbed TLS 3.x
	 * for the NIST curves; Debian's 2.28 has none) would multiply Q with G's
	 * table once G := Q: it must go. Cleared, ecp_mul_comb builds Q's on the
	 * first call and keeps it (group_free frees it: T_size is then set).
	 */
	if (c->kept.T_size == 0) {
		c->kept.T = NULL;
	}
	/*
	 * Its G, too, is the library's static data (h == 1: "parameters not to be
	 * freed"): written over, it faults. A point of our own goes in its place,
	 * freed by ecdsa_case_free (group_free leaves a static group's G alone).
	 */
	mbedtls_ecp_point_init(&c->kept.G);
	mbedtls_ecp_copy(&c->kept.G, &c->b.q);
	free(jws);
	mck_privkey_destroy(key);
}

static void ecdsa_case_free(struct ecdsa_case *c)
{
	bare_free(&c->b);
	mbedtls_ecp_point_free(&c->kept.G);
	mbedtls_ecp_point_init(&c->kept.G);
	mbedtls_ecp_group_free(&c->kept);
	mbedtls_mpi_free(&c->one);
}

static int (*const ecdsa_ways[])(struct ecdsa_case *) = {ecdsa_way_verify, ecdsa_way_muladd,
							 ecdsa_way_two_mul, ecdsa_way_two_mul_kept};
static const char *const ecdsa_way_names[] = {"ecdsa_verify", "muladd", "two_mul", "two_mul_kept"};
#define ECDSA_WAYS (sizeof(ecdsa_ways) / sizeof(ecdsa_ways[0]))

static void bench_ecdsa_ways(void)
{
	static double t[ECDSA_WAYS][ROUNDS];
	struct ecdsa_case c;
	double first_kept;

	ecdsa_case_make(&c);
	printf("== ECDSA P-256 verify, the ways Mbed TLS 2.28 allows (%d rounds, interleaved, "
	       "median; instructions: bench_verify ecdsa-once under callgrind)\n",
	       ROUNDS);
	double t0 = mck_bench_now_ms();
	if (ecdsa_first_kept(&c) != 0) { /* builds Q's table */
		die("two_mul_kept, first call", MCK_ERR_SIGNATURE);
	}
	first_kept = (mck_bench_now_ms() - t0) * 1000.0;
	for (int r = 0; r < ROUNDS; r++) {
		for (size_t w = 0; w < ECDSA_WAYS; w++) {
			double t1 = mck_bench_now_ms();

			if (ecdsa_ways[w](&c) != 0) {
				die(ecdsa_way_names[w], MCK_ERR_SIGNATURE);
			}
			t[w][r] = (mck_bench_now_ms() - t1) * 1000.0;
		}
	}
	printf("%-14s %10s %8s\n", "way", "median us", "vs verify");
	for (size_t w = 0; w < ECDSA_WAYS; w++) {
		printf("%-14s %10.0f %8.2f\n", ecdsa_way_names[w], mck_bench_median(t[w], ROUNDS),
		       mck_bench_median(t[w], ROUNDS) / mck_bench_median(t[0], ROUNDS));
	}
	double m0 = mck_bench_median(t[0], ROUNDS);
	double m3 = mck_bench_median(t[3], ROUNDS);

	printf("tables kept: G's in the curve's group, %zu points; Q's in its own, %zu points\n",
	       c.b.grp.T_size, c.kept.T_size);
	printf("two_mul_kept's first call for a key (building Q's table): %.0f us; it pays back "
	       "from the key's verification number %.1f\n",
	       first_kept, 1.0 + (first_kept - m0) / (m0 - m3));
	printf("conclusion: %s\n\n", ECDSA_CONCLUSION);
	ecdsa_case_free(&c);
}

/* Each way once, Q's table built first: callgrind counts the steady state. */
static int ecdsa_once(void)
{
	struct ecdsa_case c;
	int rc = 0;

	ecdsa_case_make(&c);
	/* Q's table built in a function of its own: the ways' counts are steady state. */
	rc |= ecdsa_first_kept(&c);
	for (size_t w = 0; w < ECDSA_WAYS; w++) {
		rc |= ecdsa_ways[w](&c);
	}
	ecdsa_case_free(&c);
	printf("ecdsa-once: %s\n", rc == 0 ? "all verified" : "FAILED");
	return rc == 0 ? 0 : 1;
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
	if (argc > 1 && strcmp(argv[1], "ecdsa-once") == 0) {
		return ecdsa_once();
	}
	setup_anchor();
	bench_algorithms();
	bench_ecdsa_ways();
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
