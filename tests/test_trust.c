/* The trust list: the fixture lists, every rule of trust-list.md §2, hash lookups at scale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/statuslist.h"
#include "mck/trustlist.h"
#include "support/imgcodec.h"
#include "support/mint.h"

/*
 * A counting allocator for test_peak_memory: glibc lets a program replace
 * malloc, calloc, realloc and free, and the libraries' calls come here too.
 * Not under AddressSanitizer, which has its own.
 */
#if defined(__SANITIZE_ADDRESS__)
#define COUNT_HEAP 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COUNT_HEAP 0
#endif
#endif
#if !defined(COUNT_HEAP) && defined(__GLIBC__)
#define COUNT_HEAP 1
#endif
#ifndef COUNT_HEAP
#define COUNT_HEAP 0
#endif

#if COUNT_HEAP
#include <malloc.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);
void __libc_free(void *p);

/* Bytes in use and the most since heap_peak_reset; signed: memalign's blocks are not counted in. */
static long long heap_now;
static long long heap_peak;

static void heap_in(void *p)
{
	if (p != NULL) {
		heap_now += (long long)malloc_usable_size(p);
		if (heap_now > heap_peak) {
			heap_peak = heap_now;
		}
	}
}

void *malloc(size_t size)
{
	void *p = __libc_malloc(size);

	heap_in(p);
	return p;
}

void *calloc(size_t n, size_t size)
{
	void *p = __libc_calloc(n, size);

	heap_in(p);
	return p;
}

void *realloc(void *old, size_t size)
{
	long long was = old != NULL ? (long long)malloc_usable_size(old) : 0;
	void *p = __libc_realloc(old, size);

	if (p != NULL || size == 0) {
		heap_now -= was;
		heap_in(p);
	}
	return p;
}

void free(void *p)
{
	if (p != NULL) {
		heap_now -= (long long)malloc_usable_size(p);
	}
	__libc_free(p);
}
#endif

static struct mck_test_key anchor;
static struct mck_test_key issuer_ec;
static struct mck_test_key issuer_rsa;
static struct mck_test_key other;
static struct mck_anchors *anchors;

static int setup(void **state)
{
	(void)state;
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer_ec, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer_rsa, MCK_KEY_RSA);
	mck_test_key_make(&other, MCK_KEY_EC_P256);
	anchors = mck_test_anchors(&anchor);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mck_anchors_destroy(anchors);
	mck_test_key_free(&anchor);
	mck_test_key_free(&issuer_ec);
	mck_test_key_free(&issuer_rsa);
	mck_test_key_free(&other);
	return 0;
}

static struct mck_anchors *fixture_anchors(void)
{
	size_t len;
	uint8_t *pem = mck_test_slurp(MCK_FIXTURES "/anchors/operator.pem", &len);
	struct mck_anchors *a = mck_anchors_create();

	assert_non_null(pem);
	assert_int_equal(mck_anchors_add_pem(a, (const char *)pem, len), MCK_OK);
	free(pem);
	return a;
}

static int load_file(const char *path, const struct mck_anchors *a, struct mck_trustlist **tl)
{
	size_t len;
	uint8_t *jws = mck_test_slurp(path, &len);
	int rc;

	assert_non_null(jws);
	while (len > 0 && (jws[len - 1] == '\n' || jws[len - 1] == '\r')) {
		len--;
	}
	rc = mck_trustlist_load(tl, a, (const char *)jws, len, NULL, 0);
	free(jws);
	return rc;
}

static void test_fixture_list(void **state)
{
	struct mck_anchors *a = fixture_anchors();
	struct mck_trustlist *tl = NULL;
	uint8_t nowhere[MCK_SHA256_LEN] = {0};

	(void)state;
	assert_int_equal(load_file(MCK_FIXTURES "/trust/trustlist.jws", a, &tl), MCK_OK);
	assert_int_equal(mck_trustlist_sequence(tl), 5);
	assert_true(mck_trustlist_next_update(tl) > mck_trustlist_iat(tl));
	assert_true(mck_trustlist_issuer_count(tl) >= 2);
	assert_non_null(mck_trustlist_find_issuer(tl, "https://cert.example-vet.pl"));
	assert_null(mck_trustlist_find_issuer(tl, "https://cert.example-vet.pl/"));
	assert_null(mck_trustlist_find_issuer(tl, "HTTPS://CERT.EXAMPLE-VET.PL"));
	/* Every issuer is found by its hash lookup. */
	for (uint32_t i = 0; i < mck_trustlist_issuer_count(tl); i++) {
		const struct mck_tl_issuer *is = mck_trustlist_issuer_at(tl, i);

		assert_ptr_equal(mck_trustlist_find_issuer(tl, is->id), is);
		assert_true(is->key_count >= 1);
	}
	assert_null(mck_trustlist_find_key(tl, nowhere));
	mck_trustlist_destroy(tl);

	tl = NULL;
	assert_int_equal(load_file(MCK_FIXTURES "/trust/trustlist-rogue-signer.jws", a, &tl),
			 MCK_ERR_SIGNATURE);
	assert_null(tl);
	assert_int_equal(load_file(MCK_FIXTURES "/trust/trustlist-seq4.jws", a, &tl), MCK_OK);
	assert_int_equal(mck_trustlist_sequence(tl), 4);
	mck_trustlist_destroy(tl);
	mck_anchors_destroy(a);
}

static void test_fixture_tampered_or_unanchored(void **state)
{
	struct mck_anchors *a = fixture_anchors();
	struct mck_anchors *none = mck_anchors_create();
	struct mck_trustlist *tl = NULL;
	size_t len;
	char *jws = (char *)mck_test_slurp(MCK_FIXTURES "/trust/trustlist.jws", &len);
	char *dot = strchr(jws, '.');

	(void)state;
	while (len > 0 && (jws[len - 1] == '\n' || jws[len - 1] == '\r')) {
		len--;
	}
	assert_int_equal(mck_trustlist_load(&tl, none, jws, len, NULL, 0), MCK_ERR_SIGNATURE);
	dot[10] = dot[10] == 'A' ? 'B' : 'A'; /* one payload character */
	assert_int_not_equal(mck_trustlist_load(&tl, a, jws, len, NULL, 0), MCK_OK);
	assert_null(tl);
	free(jws);
	mck_anchors_destroy(a);
	mck_anchors_destroy(none);
}

/* A list of the two test issuers, with @p extra spliced into the top level. */
static char *list_json(const char *issuers, const char *top)
{
	return mck_test_fmt("{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":3,"
			    "\"iat\":1790000000,\"nextUpdate\":1800000000%s,\"issuers\":[%s]}",
			    top, issuers);
}

static char *good_issuers(void)
{
	return mck_test_fmt("{\"id\":\"https://a.example\",\"name\":\"A\",\"country\":\"PL\","
			    "\"status\":\"active\",\"keys\":[{%s,\"notBefore\":1700000000}]},"
			    "{\"id\":\"https://b.example\",\"status\":\"withdrawn\","
			    "\"statusSince\":1795000000,\"keys\":[{%s}]}",
			    issuer_ec.members, issuer_rsa.members);
}

/* Sign @p payload with @p signer (the anchor unless noted) and load it. */
static int load_signed(const struct mck_test_key *signer, enum mck_alg alg, const char *extra,
		       const char *payload, struct mck_trustlist **tl)
{
	char *jws = mck_test_sign(signer, alg, extra, payload, true);
	char msg[200];
	int rc = mck_trustlist_load(tl, anchors, jws, strlen(jws), msg, sizeof(msg));

	if (rc != MCK_OK) {
		assert_true(msg[0] != '\0'); /* a refusal always says why */
	}
	free(jws);
	return rc;
}

static void test_minted_list(void **state)
{
	char *issuers = good_issuers();
	char *json = list_json(issuers, ",\"operator\":{\"name\":\"Test register\"}");
	struct mck_trustlist *tl = NULL;
	const struct mck_tl_issuer *a;
	const struct mck_tl_issuer *b;
	const struct mck_tl_key *k;
	uint8_t thumb[MCK_SHA256_LEN];

	(void)state;
	assert_int_equal(load_signed(&anchor, MCK_ALG_ES256, NULL, json, &tl), MCK_OK);
	assert_string_equal(mck_trustlist_operator(tl), "Test register");
	assert_int_equal(mck_trustlist_issuer_count(tl), 2);
	assert_int_equal(mck_trustlist_key_count(tl), 2);
	a = mck_trustlist_find_issuer(tl, "https://a.example");
	b = mck_trustlist_find_issuer(tl, "https://b.example");
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a->country, "PL");
	assert_null(b->name);
	assert_int_equal(a->status, MCK_ISSUER_ACTIVE);
	assert_int_equal(b->status, MCK_ISSUER_WITHDRAWN);
	assert_int_equal(b->status_since, 1795000000);
	assert_int_equal(mck_kid_decode(issuer_ec.kid, thumb), MCK_OK);
	k = mck_trustlist_find_key(tl, thumb);
	assert_non_null(k);
	assert_ptr_equal(mck_trustlist_issuer_at(tl, k->issuer), a);
	assert_true(k->has_not_before);
	assert_false(k->has_not_after);
	assert_int_equal(k->not_before, 1700000000);
	assert_int_equal(mck_kid_decode(issuer_rsa.kid, thumb), MCK_OK);
	k = mck_trustlist_find_key(tl, thumb);
	assert_non_null(k);
	assert_int_equal(k->type, MCK_KEY_RSA);
	assert_ptr_equal(mck_trustlist_issuer_at(tl, k->issuer), b);
	mck_trustlist_destroy(tl);
	free(json);
	free(issuers);
}

static void expect_refused(const char *json, int want)
{
	struct mck_trustlist *tl = NULL;
	int rc = load_signed(&anchor, MCK_ALG_ES256, NULL, json, &tl);

	if (rc != want) {
		fprintf(stderr, "list accepted or refused wrongly (%d): %.300s\n", rc, json);
	}
	assert_int_equal(rc, want);
	assert_null(tl);
}

/* A list whose issuers are printf'd; it must be refused whole as breaking a rule. */
static void refuse_issuers(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void refuse_issuers(const char *fmt, ...)
{
	va_list ap;
	char issuers[8192];
	char *list;

	va_start(ap, fmt);
	vsnprintf(issuers, sizeof(issuers), fmt, ap);
	va_end(ap);
	list = list_json(issuers, "");
	expect_refused(list, MCK_ERR_JSON);
	free(list);
}

static void test_rules(void **state)
{
	char *issuers = good_issuers();
	char *bad;

	(void)state;
#define REFUSE(want, ...)                                                                          \
	do {                                                                                       \
		bad = mck_test_fmt(__VA_ARGS__);                                                   \
		expect_refused(bad, want);                                                         \
		free(bad);                                                                         \
	} while (0)
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"TrustList\",\"version\":1,\"sequence\":3,\"iat\":1,"
	       "\"nextUpdate\":2,\"issuers\":[%s]}",
	       issuers);
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":2,\"sequence\":3,"
	       "\"iat\":1,\"nextUpdate\":2,\"issuers\":[%s]}",
	       issuers);
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":0,"
	       "\"iat\":1,\"nextUpdate\":2,\"issuers\":[%s]}",
	       issuers);
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,"
	       "\"iat\":5,\"nextUpdate\":5,\"issuers\":[%s]}",
	       issuers);
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,"
	       "\"iat\":5,\"nextUpdate\":\"6\",\"issuers\":[%s]}",
	       issuers);
	REFUSE(MCK_ERR_JSON, "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,"
			     "\"iat\":5,\"nextUpdate\":6}");
	/* duplicate issuer id */
	refuse_issuers("{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{%s}]},"
		       "{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{%s}]}",
		       issuer_ec.members, other.members);
	/* one kid under two issuers */
	refuse_issuers("{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{%s}]},"
		       "{\"id\":\"https://c.example\",\"status\":\"active\",\"keys\":[{%s}]}",
		       issuer_ec.members, issuer_ec.members);
	/* a kid that is not the thumbprint of its key: other's kid on issuer_ec's key */
	refuse_issuers("{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{"
		       "\"kid\":\"%s\"%s}]}",
		       other.kid, strchr(issuer_ec.members, ',') /* skip own kid */);
	/* a private member */
	refuse_issuers("{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{%s,"
		       "\"d\":\"AAAA\"}]}",
		       issuer_ec.members);
	/* P-521 and RSA-1024 keys */
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,\"iat\":5,"
	       "\"nextUpdate\":6,\"issuers\":[{\"id\":\"x\",\"status\":\"active\",\"keys\":[{"
	       "\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AAAA\",\"y\":\"AAAA\",\"kid\":\"x\"}]}]}");
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,\"iat\":5,"
	       "\"nextUpdate\":6,\"issuers\":[{\"id\":\"x\",\"status\":\"active\",\"keys\":[{"
	       "\"kty\":\"RSA\",\"n\":\"%0170d\",\"e\":\"AQAB\",\"kid\":\"x\"}]}]}",
	       1);
	/* unknown status; suspended without statusSince; bad key window */
	refuse_issuers("{\"id\":\"https://a.example\",\"status\":\"paused\",\"keys\":[{%s}]}",
		       issuer_ec.members);
	refuse_issuers("{\"id\":\"https://a.example\",\"status\":\"suspended\",\"keys\":[{%s}]}",
		       issuer_ec.members);
	refuse_issuers("{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{%s,"
		       "\"notAfter\":-1}]}",
		       issuer_ec.members);
	/* duplicate member names anywhere */
	bad = list_json(issuers, ",\"sequence\":4");
	expect_refused(bad, MCK_ERR_JSON);
	free(bad);
	/* two issuers arrays; one with a comma too many or a byte-order mark in it */
	bad = list_json(issuers, ",\"issuers\":[]");
	expect_refused(bad, MCK_ERR_JSON);
	free(bad);
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,"
	       "\"iat\":5,\"nextUpdate\":6,\"issuers\":[%s,]}",
	       issuers);
	REFUSE(MCK_ERR_JSON,
	       "{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,"
	       "\"iat\":5,\"nextUpdate\":6,\"issuers\":[\xef\xbb\xbf%s]}",
	       issuers);
	/* a byte-order mark or whitespace before the payload's "{" (credential-format.md §4) */
	char *good = list_json(issuers, "");
	REFUSE(MCK_ERR_JSON, "\xef\xbb\xbf%s", good);
	REFUSE(MCK_ERR_JSON, " %s", good);
	free(good);
#undef REFUSE
	free(issuers);
}

static void test_signature_rules(void **state)
{
	char *issuers = good_issuers();
	char *json = list_json(issuers, "");
	struct mck_trustlist *tl = NULL;
	struct mck_test_key p384;

	(void)state;
	/* signed by a key that is not an anchor */
	assert_int_equal(load_signed(&other, MCK_ALG_ES256, NULL, json, &tl), MCK_ERR_SIGNATURE);
	/* crit in the header */
	assert_int_not_equal(load_signed(&anchor, MCK_ALG_ES256, ",\"crit\":[\"x\"]", json, &tl),
			     MCK_OK);
	/* an RSA "anchor" is refused as an anchor */
	{
		char pem[4096];
		struct mck_anchors *a = mck_anchors_create();

		assert_int_equal(mck_privkey_public_pem(issuer_rsa.priv, pem, sizeof(pem)), MCK_OK);
		assert_int_equal(mck_anchors_add_pem(a, pem, strlen(pem)), MCK_ERR_KEY);
		assert_int_equal(mck_anchors_count(a), 0);
		mck_anchors_destroy(a);
	}
	/* a P-384 anchor signs with ES384 */
	mck_test_key_make(&p384, MCK_KEY_EC_P384);
	{
		struct mck_anchors *a = mck_test_anchors(&p384);
		char *jws = mck_test_sign(&p384, MCK_ALG_ES384, NULL, json, false);

		assert_int_equal(mck_trustlist_load(&tl, a, jws, strlen(jws), NULL, 0), MCK_OK);
		mck_trustlist_destroy(tl);
		free(jws);
		mck_anchors_destroy(a);
	}
	mck_test_key_free(&p384);
	free(json);
	free(issuers);
}

static void test_scale(void **state)
{
	const size_t n = 5000;
	uint8_t last[MCK_SHA256_LEN];
	char *issuers = mck_test_issuers_json(0, n, last);
	char *json = mck_test_fmt("{\"type\":\"MicroCredentialTrustList\",\"version\":1,"
				  "\"sequence\":9,\"iat\":1,\"nextUpdate\":2,\"issuers\":[%s]}",
				  issuers);
	struct mck_trustlist *tl = NULL;

	(void)state;
	assert_int_equal(load_signed(&anchor, MCK_ALG_ES256, NULL, json, &tl), MCK_OK);
	assert_int_equal(mck_trustlist_issuer_count(tl), n);
	assert_int_equal(mck_trustlist_key_count(tl), 2 * n);
	for (size_t i = 0; i < n; i++) {
		char id[64];
		const struct mck_tl_issuer *is;

		snprintf(id, sizeof(id), "https://issuer-%zu.example.eu", i);
		is = mck_trustlist_find_issuer(tl, id);
		assert_non_null(is);
		assert_int_equal(is->key_count, 2);
	}
	/* The last issuer's keys, found by thumbprint, point back at it. */
	assert_ptr_equal(mck_trustlist_issuer_at(tl, mck_trustlist_find_key(tl, last)->issuer),
			 mck_trustlist_find_issuer(tl, "https://issuer-4999.example.eu"));
	mck_trustlist_destroy(tl);
	free(json);
	free(issuers);
}

/* The compiled index gives the same answers as the parsed list, and refuses corruption. */
static void test_index(void **state)
{
	char *issuers = good_issuers();
	char *json = list_json(issuers, ",\"operator\":{\"name\":\"Indexed register\"}");
	char *jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, json, true);
	char *other_json = list_json(issuers, ",\"operator\":{\"name\":\"Another\"}");
	char *other_jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, other_json, true);
	struct mck_trustlist *tl = NULL;
	struct mck_trustlist *ix = NULL;
	uint8_t *index;
	uint8_t *copy;
	size_t len;
	uint8_t thumb[MCK_SHA256_LEN];
	char msg[200];

	(void)state;
	assert_int_equal(mck_trustlist_load(&tl, anchors, jws, strlen(jws), NULL, 0), MCK_OK);
	assert_int_equal(mck_trustlist_index_build(tl, jws, strlen(jws), &index, &len), MCK_OK);
	/* Copied into an 8-aligned buffer as a mapping would be. */
	copy = aligned_alloc(8, (len + 7) / 8 * 8);
	memcpy(copy, index, len);
	assert_int_equal(mck_trustlist_load_indexed(&ix, anchors, jws, strlen(jws), copy, len, msg,
						    sizeof(msg)),
			 MCK_OK);
	assert_int_equal(mck_trustlist_sequence(ix), mck_trustlist_sequence(tl));
	assert_int_equal(mck_trustlist_iat(ix), mck_trustlist_iat(tl));
	assert_int_equal(mck_trustlist_next_update(ix), mck_trustlist_next_update(tl));
	assert_string_equal(mck_trustlist_operator(ix), "Indexed register");
	assert_int_equal(mck_trustlist_issuer_count(ix), 2);
	assert_string_equal(mck_trustlist_find_issuer(ix, "https://a.example")->country, "PL");
	assert_int_equal(mck_trustlist_find_issuer(ix, "https://b.example")->status,
			 MCK_ISSUER_WITHDRAWN);
	assert_null(mck_trustlist_find_issuer(ix, "https://c.example"));
	assert_int_equal(mck_kid_decode(issuer_rsa.kid, thumb), MCK_OK);
	assert_non_null(mck_trustlist_find_key(ix, thumb));
	assert_int_equal(mck_trustlist_find_key(ix, thumb)->type, MCK_KEY_RSA);
	{
		struct mck_key_raw a;
		struct mck_key_raw b;

		mck_trustlist_key_raw(tl, mck_trustlist_find_key(tl, thumb), &a);
		mck_trustlist_key_raw(ix, mck_trustlist_find_key(ix, thumb), &b);
		assert_int_equal(a.alen, b.alen);
		assert_memory_equal(a.a, b.a, a.alen);
	}
	mck_trustlist_destroy(ix);
	/* another list's JWS, a signature the anchors refuse */
	assert_int_equal(mck_trustlist_load_indexed(&ix, anchors, other_jws, strlen(other_jws),
						    copy, len, NULL, 0),
			 MCK_ERR_ENCODING);
	{
		struct mck_anchors *none = mck_anchors_create();

		assert_int_equal(
			mck_trustlist_load_indexed(&ix, none, jws, strlen(jws), copy, len, NULL, 0),
			MCK_ERR_SIGNATURE);
		mck_anchors_destroy(none);
	}
	/* every byte matters: a flip anywhere is refused, and so is truncation */
	for (size_t at = 0; at < len; at += len / 97 + 1) {
		copy[at] ^= 0x01;
		assert_int_equal(mck_trustlist_load_indexed(&ix, anchors, jws, strlen(jws), copy,
							    len, NULL, 0),
				 MCK_ERR_ENCODING);
		assert_null(ix);
		copy[at] ^= 0x01;
	}
	assert_int_equal(
		mck_trustlist_load_indexed(&ix, anchors, jws, strlen(jws), copy, len - 1, NULL, 0),
		MCK_ERR_ENCODING);
	assert_int_equal(
		mck_trustlist_load_indexed(&ix, anchors, jws, strlen(jws), copy, 16, NULL, 0),
		MCK_ERR_ENCODING);
	free(copy);
	free(index);
	mck_trustlist_destroy(tl);
	free(other_jws);
	free(other_json);
	free(jws);
	free(json);
	free(issuers);
}

/* An index-loaded list over many pages, with the list it was built from. */
struct paged {
	size_t n;                          /* generated issuers, after a.example and b.example */
	uint8_t (*thumbs)[MCK_SHA256_LEN]; /* each generated issuer's last key */
	char *jws;
	struct mck_trustlist *tl;
	uint8_t *index;
	size_t len;
	uint8_t *copy; /* 8-aligned, as a mapping is */
};

static void paged_make(struct paged *p, size_t n)
{
	char *generated = mck_test_issuers_json(0, n, NULL);
	char *issuers = good_issuers();
	char *all = mck_test_fmt("%s,%s", issuers, generated);
	char *json = list_json(all, ",\"operator\":{\"name\":\"Paged register\"}");

	p->n = n;
	p->thumbs = calloc(n, sizeof(*p->thumbs));
	for (size_t i = 0; i < n; i++) {
		free(mck_test_issuers_json(i, 1, p->thumbs[i]));
	}
	p->jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, json, true);
	assert_int_equal(mck_trustlist_load(&p->tl, anchors, p->jws, strlen(p->jws), NULL, 0),
			 MCK_OK);
	assert_int_equal(
		mck_trustlist_index_build(p->tl, p->jws, strlen(p->jws), &p->index, &p->len),
		MCK_OK);
	p->copy = aligned_alloc(8, (p->len + 7) / 8 * 8);
	memcpy(p->copy, p->index, p->len);
	free(json);
	free(all);
	free(issuers);
	free(generated);
}

static void paged_free(struct paged *p)
{
	free(p->copy);
	free(p->index);
	mck_trustlist_destroy(p->tl);
	free(p->jws);
	free(p->thumbs);
}

static void same_issuer(const struct mck_tl_issuer *a, const struct mck_tl_issuer *b)
{
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a->id, b->id);
	assert_true((a->name == NULL) == (b->name == NULL));
	if (a->name != NULL) {
		assert_string_equal(a->name, b->name);
	}
	assert_true((a->country == NULL) == (b->country == NULL));
	if (a->country != NULL) {
		assert_string_equal(a->country, b->country);
	}
	assert_int_equal(a->status, b->status);
	assert_int_equal(a->status_since, b->status_since);
	assert_int_equal(a->first_key, b->first_key);
	assert_int_equal(a->key_count, b->key_count);
}

/* Every answer @p ix gives is the parsed list's: issuers by id and number, keys and material. */
static void same_answers(const struct paged *p, const struct mck_trustlist *ix)
{
	assert_int_equal(mck_trustlist_issuer_count(ix), p->n + 2);
	assert_string_equal(mck_trustlist_operator(ix), "Paged register");
	for (uint32_t i = 0; i < p->n + 2; i++) {
		const struct mck_tl_issuer *want = mck_trustlist_issuer_at(p->tl, i);

		same_issuer(mck_trustlist_find_issuer(ix, want->id), want);
		same_issuer(mck_trustlist_issuer_at(ix, i), want);
	}
	for (size_t i = 0; i < p->n; i++) {
		const struct mck_tl_key *want = mck_trustlist_find_key(p->tl, p->thumbs[i]);
		const struct mck_tl_key *got = mck_trustlist_find_key(ix, p->thumbs[i]);
		struct mck_key_raw a;
		struct mck_key_raw b;

		assert_non_null(got);
		assert_int_equal(got->issuer, want->issuer);
		assert_int_equal(got->type, want->type);
		same_issuer(mck_trustlist_issuer_at(ix, got->issuer),
			    mck_trustlist_issuer_at(p->tl, want->issuer));
		mck_trustlist_key_raw(p->tl, want, &a);
		mck_trustlist_key_raw(ix, got, &b);
		assert_int_equal(a.alen, b.alen);
		assert_int_equal(a.blen, b.blen);
		assert_memory_equal(a.a, b.a, a.alen);
		assert_memory_equal(a.b, b.b, a.blen);
	}
	assert_null(mck_trustlist_find_issuer(ix, "https://nobody.example"));
	{
		uint8_t none[MCK_SHA256_LEN];

		memset(none, 0xa5, sizeof(none));
		assert_null(mck_trustlist_find_key(ix, none));
	}
}

/*
 * --sample (sanitizer and cross builds, MCK_TEST_SAMPLE): of the damaged bytes
 * test_index_pages loads lazily, every third is looked up through. Each of those
 * parses the whole list again (the damaged page falls back to its JWS), most of
 * test_trust's time under ASan, where every parse maps and poisons the shadow of
 * a 256 MiB inflate buffer. Every byte's load still runs, and every page is still
 * damaged and read (3 x 997 bytes apart, under a page); the native build looks up
 * through each.
 */
static bool sample;

/*
 * Issue 15: a start checks the index's header and page digests, not its body; a
 * page is checked when a lookup first reads it. Whatever byte is damaged, the
 * list gives the parsed list's answers (a damaged page makes it parse its JWS)
 * and the damage is found: never a wrong answer from a damaged or lying index.
 */
static void test_index_pages(void **state)
{
	struct paged p;
	struct mck_trustlist *ix = NULL;
	size_t refused = 0;
	size_t lazily = 0;
	size_t looked = 0;

	(void)state;
	paged_make(&p, 400);
	assert_true(p.len > 40 * 4096); /* many pages */
	assert_int_equal(mck_trustlist_load_indexed(&ix, anchors, p.jws, strlen(p.jws), p.copy,
						    p.len, NULL, 0),
			 MCK_OK);
	same_answers(&p, ix);
	assert_null(mck_trustlist_index_fault(ix));
	assert_int_equal(mck_trustlist_index_check_all(ix), MCK_OK);
	mck_trustlist_destroy(ix);

	for (size_t at = 0; at < p.len; at += 997) {
		p.copy[at] ^= 0x20;
		int rc = mck_trustlist_load_indexed(&ix, anchors, p.jws, strlen(p.jws), p.copy,
						    p.len, NULL, 0);
		if (rc != MCK_OK) {
			/* the header's page, the page digests or their digest */
			assert_int_equal(rc, MCK_ERR_ENCODING);
			assert_null(ix);
			refused++;
		} else {
			if (!sample || lazily % 3 == 0) {
				same_answers(&p, ix);
				assert_int_equal(mck_trustlist_index_check_all(ix),
						 MCK_ERR_ENCODING);
				assert_non_null(strstr(mck_trustlist_index_fault(ix), "parsed"));
				same_answers(&p, ix);
				looked++;
			}
			mck_trustlist_destroy(ix);
			lazily++;
		}
		p.copy[at] ^= 0x20;
	}
	print_message("%zu damaged bytes refused at load, %zu found on use (%zu looked up)\n",
		      refused, lazily, looked);
	assert_true(refused > 0 && lazily > 100);
	assert_true(looked == lazily || (sample && looked >= lazily / 3));
	paged_free(&p);
}

/* An index whose digests match but whose tables lie (the installer's bug, or a forger's). */
static void test_index_lies(void **state)
{
	struct paged p;
	struct mck_trustlist *ix = NULL;
	uint64_t slots;
	uint64_t keys;
	uint8_t absent[MCK_SHA256_LEN];
	size_t covered = 0;

	(void)state;
	paged_make(&p, 400);
	/* header: magic, version, record size, three times, issuers, keys, strings, material, slots */
	memcpy(&keys, p.copy + 48, sizeof(keys));
	memcpy(&slots, p.copy + 72, sizeof(slots));
	assert_int_equal(keys, 2 * 400 + 2);
	/* The two tables end where the pages do: covered + a digest per page + their digest. */
	for (size_t c = p.len - 64; c > 0 && covered == 0; c--) {
		if (c + (c + 4095) / 4096 * 32 + 32 == p.len) {
			covered = c;
		}
	}
	assert_true(covered > 2 * slots * 4);
	/* Every slot of both tables taken: a lookup of an absent key must still end. */
	for (size_t at = covered - 2 * slots * 4; at < covered; at += 4) {
		uint32_t one = 1;

		memcpy(p.copy + at, &one, sizeof(one));
	}
	assert_int_equal(mck_trustlist_index_seal(p.copy, p.len), MCK_OK);
	assert_int_equal(mck_trustlist_load_indexed(&ix, anchors, p.jws, strlen(p.jws), p.copy,
						    p.len, NULL, 0),
			 MCK_OK);
	memset(absent, 0x5a, sizeof(absent));
	assert_null(mck_trustlist_find_key(ix, absent));
	assert_non_null(mck_trustlist_index_fault(ix)); /* it fell back: answers are the list's */
	same_answers(&p, ix);
	mck_trustlist_destroy(ix);
	paged_free(&p);
}

/* A damaged index over a JWS that fails too: no answers at all, never a made-up one. */
static void test_index_broken(void **state)
{
	struct paged p;
	struct mck_trustlist *ix = NULL;
	struct mck_statusset set;
	char *status_jws;
	char *bad;
	char msg[200];

	(void)state;
	paged_make(&p, 400);
	bad = mck_test_fmt("%s", p.jws);
	/* a payload character changed: same length, same signature, a different list */
	{
		char *mid = bad + strlen(bad) / 2;

		*mid = *mid == 'A' ? 'B' : 'A';
	}
	p.copy[p.len / 2] ^= 0x01; /* a body page */
	assert_int_equal(
		mck_trustlist_load_indexed(&ix, anchors, bad, strlen(bad), p.copy, p.len, NULL, 0),
		MCK_OK);
	assert_int_equal(mck_trustlist_index_check_all(ix), MCK_ERR_SIGNATURE);
	assert_non_null(strstr(mck_trustlist_index_fault(ix), "cannot replace"));
	assert_null(mck_trustlist_find_issuer(ix, "https://a.example"));
	assert_null(mck_trustlist_find_key(ix, p.thumbs[0]));
	assert_null(mck_trustlist_issuer_at(ix, 0));
	/* A key lookup that finds nothing says so: the list is not valid, not the key unknown. */
	status_jws = mck_test_sign(&issuer_ec, MCK_ALG_ES256, NULL, "{}", false);
	mck_statusset_init(&set);
	assert_int_not_equal(
		mck_statusset_add(&set, ix, status_jws, strlen(status_jws), msg, sizeof(msg)),
		MCK_OK);
	assert_non_null(strstr(msg, "trustlist_invalid"));
	mck_statusset_free(&set);
	free(status_jws);
	mck_trustlist_destroy(ix);
	free(bad);
	paged_free(&p);
}

/*
 * A status list's owner is looked up after its signing key: with one page of
 * the index damaged (any page in turn) and the JWS that could replace it
 * damaged too, the key may be found while its issuer's record cannot be
 * read. The list is then refused as the trust list being unusable, never read
 * against a missing owner.
 */
static void test_index_broken_owner(void **state)
{
	struct paged p;
	char *bad;
	char *status_jws;
	char msg[200];
	size_t pages;
	unsigned refused_invalid = 0;

	(void)state;
	paged_make(&p, 400);
	bad = mck_test_fmt("%s", p.jws);
	bad[strlen(bad) / 2] = bad[strlen(bad) / 2] == 'A' ? 'B' : 'A';
	status_jws = mck_test_sign(&issuer_ec, MCK_ALG_ES256, NULL,
				   "{\"iss\":\"https://a.example\"}", false);
	pages = (p.len + 4095) / 4096;
	for (size_t page = 1; page < pages; page++) {
		struct mck_trustlist *ix = NULL;
		struct mck_statusset set;
		int rc;

		memcpy(p.copy, p.index, p.len);
		p.copy[page * 4096 + (page * 4096 + 2048 < p.len ? 2048 : 0)] ^= 0x01;
		if (mck_trustlist_load_indexed(&ix, anchors, bad, strlen(bad), p.copy, p.len, NULL,
					       0) != MCK_OK) {
			continue; /* refused at load: nothing to look up */
		}
		mck_statusset_init(&set);
		msg[0] = '\0';
		rc = mck_statusset_add(&set, ix, status_jws, strlen(status_jws), msg, sizeof(msg));
		/* the payload has no iat: never accepted, whatever the page */
		assert_int_not_equal(rc, MCK_OK);
		refused_invalid += strstr(msg, "trustlist_invalid") != NULL;
		mck_statusset_free(&set);
		mck_trustlist_destroy(ix);
	}
	/* the key's own pages damaged: the list says it cannot answer */
	assert_true(refused_invalid > 0);
	free(status_jws);
	free(bad);
	paged_free(&p);
}

/*
 * Issue 13: a 100 MiB list took 1.38 GB to load, a cJSON tree of the whole
 * payload beside it (5.0 times the payload here). The load's peak heap, over
 * what the caller already holds, stays within three times the payload: the
 * payload, the list it becomes (0.9 times) and the slack of its growing arrays
 * (counted here in full, though pages never touched take no memory).
 */
static void test_peak_memory(void **state)
{
#if COUNT_HEAP
	const size_t n = 20000;
	char *issuers = mck_test_issuers_json(0, n, NULL);
	char *json = mck_test_fmt("{\"type\":\"MicroCredentialTrustList\",\"version\":1,"
				  "\"sequence\":9,\"iat\":1,\"nextUpdate\":2,\"issuers\":[%s]}",
				  issuers);
	char *jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, json, false);
	struct mck_trustlist *tl = NULL;
	size_t payload = strlen(json);
	long long before;

	(void)state;
	free(issuers);
	free(json);
	before = heap_now;
	heap_peak = heap_now;
	assert_int_equal(mck_trustlist_load(&tl, anchors, jws, strlen(jws), NULL, 0), MCK_OK);
	long long peak = heap_peak - before;
	long long kept = heap_now - before;

	print_message("payload %zu bytes: load peak %lld bytes (%.2fx), list kept %lld (%.2fx)\n",
		      payload, peak, (double)peak / (double)payload, kept,
		      (double)kept / (double)payload);
	assert_true(peak < 3 * (long long)payload);
	assert_int_equal(mck_trustlist_issuer_count(tl), n);
	mck_trustlist_destroy(tl);
	free(jws);
#else
	(void)state;
	skip(); /* the sanitizer's allocator cannot be counted; test_scale loads under it */
#endif
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_list),
		cmocka_unit_test(test_fixture_tampered_or_unanchored),
		cmocka_unit_test(test_minted_list),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_signature_rules),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_index_pages),
		cmocka_unit_test(test_index_lies),
		cmocka_unit_test(test_index_broken),
		cmocka_unit_test(test_index_broken_owner),
		cmocka_unit_test(test_peak_memory),
	};

	sample = argc > 1 && strcmp(argv[1], "--sample") == 0;
	return cmocka_run_group_tests(tests, setup, teardown);
}
