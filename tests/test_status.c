/* Cached Bitstring Status Lists (trust-list.md §4): the fixture, signers, sizes, caps. */
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
#include "mck/jws_sign.h"
#include "mck/statuslist.h"
#include "support/imgcodec.h"
#include "support/mint.h"

static struct mck_test_key anchor;
static struct mck_test_key key_a;
static struct mck_test_key key_b;
static struct mck_anchors *anchors;
static struct mck_trustlist *trust;

static int setup(void **state)
{
	char *list;
	char *jws;

	(void)state;
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&key_a, MCK_KEY_EC_P256);
	mck_test_key_make(&key_b, MCK_KEY_EC_P384);
	anchors = mck_test_anchors(&anchor);
	list = mck_test_fmt(
		"{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":1,"
		"\"iat\":1790000000,\"nextUpdate\":1800000000,\"issuers\":["
		"{\"id\":\"https://a.example\",\"status\":\"active\",\"keys\":[{%s,"
		"\"notAfter\":1799000000}]},"
		"{\"id\":\"https://b.example\",\"status\":\"active\",\"keys\":[{%s}]}]}",
		key_a.members, key_b.members);
	jws = mck_test_sign(&anchor, MCK_ALG_ES256, NULL, list, true);
	if (mck_trustlist_load(&trust, anchors, jws, strlen(jws), NULL, 0) != MCK_OK) {
		return -1;
	}
	free(jws);
	free(list);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mck_trustlist_destroy(trust);
	mck_anchors_destroy(anchors);
	mck_test_key_free(&anchor);
	mck_test_key_free(&key_a);
	mck_test_key_free(&key_b);
	return 0;
}

static void test_fixture(void **state)
{
	struct mck_anchors *a = mck_anchors_create();
	struct mck_trustlist *tl = NULL;
	struct mck_statusset set;
	const struct mck_statuslist *l;
	size_t len;
	char *pem = (char *)mck_test_slurp(MCK_FIXTURES "/anchors/operator.pem", &len);
	char *jws;

	(void)state;
	assert_int_equal(mck_anchors_add_pem(a, pem, len), MCK_OK);
	free(pem);
	jws = (char *)mck_test_slurp(MCK_FIXTURES "/trust/trustlist.jws", &len);
	while (len > 0 && jws[len - 1] == '\n') {
		len--;
	}
	assert_int_equal(mck_trustlist_load(&tl, a, jws, len, NULL, 0), MCK_OK);
	free(jws);
	mck_statusset_init(&set);
	jws = (char *)mck_test_slurp(MCK_FIXTURES "/status/a-1.jws", &len);
	while (len > 0 && jws[len - 1] == '\n') {
		len--;
	}
	assert_int_equal(mck_statusset_add(&set, tl, jws, len, NULL, 0), MCK_OK);
	free(jws);
	l = mck_statusset_find(&set, "https://cert.example-vet.pl/status/1",
			       "https://cert.example-vet.pl");
	assert_non_null(l);
	assert_null(mck_statusset_find(&set, "https://cert.example-vet.pl/status/1",
				       "https://academy.example.gr"));
	assert_null(mck_statusset_find(&set, "https://cert.example-vet.pl/status/2",
				       "https://cert.example-vet.pl"));
	assert_true(l->nbytes >= MCK_STATUS_MIN_BYTES);
	/* indexes 9 and 4711 revoked, MSB first */
	assert_int_equal(mck_statuslist_bit(l, 9), 1);
	assert_int_equal(mck_statuslist_bit(l, 4711), 1);
	assert_int_equal(mck_statuslist_bit(l, 0), 0);
	assert_int_equal(mck_statuslist_bit(l, 8), 0);
	assert_int_equal(mck_statuslist_bit(l, 10), 0);
	assert_int_equal(mck_statuslist_bit(l, 4710), 0);
	assert_int_equal(mck_statuslist_bit(l, 4712), 0);
	assert_int_equal(mck_statuslist_bit(l, (uint64_t)l->nbytes * 8), -1);
	assert_int_equal(mck_statuslist_bit(l, UINT64_MAX), -1);
	mck_statusset_free(&set);
	mck_trustlist_destroy(tl);
	mck_anchors_destroy(a);
}

/*
 * "u" + base64url(gzip(bits)) of @p nbytes with bits @p set (or -1) set, the
 * GZIP trailer's ISIZE moved by @p isize_delta.
 */
static char *encoded_tampered(size_t nbytes, long set, int32_t isize_delta)
{
	uint8_t *bits = calloc(1, nbytes);
	uint8_t *z;
	size_t zlen;
	char *out;

	assert_non_null(bits);
	if (set >= 0) {
		bits[set / 8] |= (uint8_t)(0x80u >> (set % 8));
	}
	assert_int_equal(mck_deflate(MCK_INFLATE_GZIP, bits, nbytes, &z, &zlen), MCK_OK);
	uint32_t isize = (uint32_t)z[zlen - 4] | (uint32_t)z[zlen - 3] << 8 |
			 (uint32_t)z[zlen - 2] << 16 | (uint32_t)z[zlen - 1] << 24;
	isize += (uint32_t)isize_delta;
	for (int i = 0; i < 4; i++) {
		z[zlen - 4 + (size_t)i] = (uint8_t)(isize >> (8 * i));
	}
	out = malloc(mck_b64url_encoded_len(zlen) + 2);
	out[0] = 'u';
	assert_int_equal(mck_b64url_encode(z, zlen, out + 1, mck_b64url_encoded_len(zlen) + 1),
			 MCK_OK);
	free(z);
	free(bits);
	return out;
}

static char *encoded_list(size_t nbytes, long set)
{
	return encoded_tampered(nbytes, set, 0);
}

static char *status_payload(const char *iss, const char *id, const char *purpose,
			    const char *encoded, long iat)
{
	return mck_test_fmt("{\"iss\":\"%s\",\"iat\":%ld,\"exp\":1800000000,\"vc\":{\"id\":\"%s\","
			    "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
			    "\"credentialSubject\":{\"type\":\"BitstringStatusList\","
			    "\"statusPurpose\":\"%s\",\"encodedList\":\"%s\"}}}",
			    iss, iat, id, purpose, encoded);
}

static char last_msg[200]; /* add()'s diagnostic */

static int add(struct mck_statusset *set, const struct mck_test_key *signer, const char *payload)
{
	char *jws = mck_test_sign(signer,
				  signer->type == MCK_KEY_EC_P256 ? MCK_ALG_ES256 : MCK_ALG_ES384,
				  NULL, payload, false);
	int rc;

	last_msg[0] = '\0';
	rc = mck_statusset_add(set, trust, jws, strlen(jws), last_msg, sizeof(last_msg));
	if (rc != MCK_OK) {
		assert_true(last_msg[0] != '\0');
		assert_null(strchr(last_msg, '\n')); /* one line */
	}
	free(jws);
	return rc;
}

static void test_minted(void **state)
{
	struct mck_statusset set;
	char *enc = encoded_list(16384, 77);
	char *p;

	(void)state;
	mck_statusset_init(&set);
	p = status_payload("https://a.example", "https://a.example/s/1", "revocation", enc,
			   1790000000);
	assert_int_equal(add(&set, &key_a, p), MCK_OK);
	/* the same id twice */
	assert_int_not_equal(add(&set, &key_a, p), MCK_OK);
	free(p);
	assert_int_equal(set.count, 1);
	assert_int_equal(mck_statuslist_bit(&set.lists[0], 77), 1);
	assert_int_equal(set.lists[0].exp, 1800000000);
	/* signed by B's key but claiming to be A's list */
	p = status_payload("https://a.example", "https://a.example/s/2", "revocation", enc,
			   1790000000);
	assert_int_equal(add(&set, &key_b, p), MCK_ERR_SIGNATURE);
	free(p);
	/* signed by a key that is on no list */
	p = status_payload("https://a.example", "https://a.example/s/3", "revocation", enc,
			   1790000000);
	assert_int_equal(add(&set, &anchor, p), MCK_ERR_SIGNATURE);
	free(p);
	/* signed after A's key expired */
	p = status_payload("https://a.example", "https://a.example/s/4", "revocation", enc,
			   1799500000);
	assert_int_equal(add(&set, &key_a, p), MCK_ERR_SIGNATURE);
	free(p);
	/* another purpose */
	p = status_payload("https://a.example", "https://a.example/s/5", "suspension", enc,
			   1790000000);
	assert_int_equal(add(&set, &key_a, p), MCK_ERR_JSON);
	free(p);
	/* not multibase base64url */
	p = status_payload("https://a.example", "https://a.example/s/6", "revocation", enc + 1,
			   1790000000);
	assert_int_equal(add(&set, &key_a, p), MCK_ERR_JSON);
	free(p);
	assert_int_equal(set.count, 1);
	free(enc);
	mck_statusset_free(&set);
}

static void test_sizes(void **state)
{
	struct mck_statusset set;
	char *enc;
	char *p;

	(void)state;
	mck_statusset_init(&set);
	/* under 16 KiB of bitstring */
	enc = encoded_list(16383, -1);
	p = status_payload("https://b.example", "https://b.example/s/1", "revocation", enc,
			   1790000000);
	assert_int_equal(add(&set, &key_b, p), MCK_ERR_JSON);
	free(p);
	free(enc);
	/* over the 16 MiB decompression cap: a few KiB of gzip */
	enc = encoded_list(MCK_STATUS_MAX_BYTES + 1, -1);
	assert_true(strlen(enc) < 64 * 1024);
	p = status_payload("https://b.example", "https://b.example/s/2", "revocation", enc,
			   1790000000);
	assert_int_equal(add(&set, &key_b, p), MCK_ERR_TOOBIG);
	free(p);
	free(enc);
	/* exactly the cap is fine: 134 million entries */
	enc = encoded_list(MCK_STATUS_MAX_BYTES, (long)MCK_STATUS_MAX_BYTES * 8 - 1);
	p = status_payload("https://b.example", "https://b.example/s/3", "revocation", enc,
			   1790000000);
	assert_int_equal(add(&set, &key_b, p), MCK_OK);
	assert_int_equal(mck_statuslist_bit(&set.lists[0], (uint64_t)MCK_STATUS_MAX_BYTES * 8 - 1),
			 1);
	free(p);
	free(enc);
	assert_int_equal(set.count, 1);
	/* a trailer whose size is not the stream's: a byte less, a byte more, far more */
	static const int32_t lies[] = {-1, 1, 64 * 1024 * 1024};
	for (size_t i = 0; i < sizeof(lies) / sizeof(lies[0]); i++) {
		enc = encoded_tampered(MCK_STATUS_MIN_BYTES, 3, lies[i]);
		p = status_payload("https://b.example", "https://b.example/s/4", "revocation", enc,
				   1790000000);
		assert_int_equal(add(&set, &key_b, p), i < 2 ? MCK_ERR_JSON : MCK_ERR_TOOBIG);
		free(p);
		free(enc);
	}
	assert_int_equal(set.count, 1);
	mck_statusset_free(&set);
}

/* Add list @p n of A's (ids differ; P-256 signs fastest) with the bitstring @p enc. */
static int add_nth(struct mck_statusset *set, size_t n, const char *enc)
{
	char id[64];
	char *p;
	int rc;

	snprintf(id, sizeof(id), "https://a.example/s/%zu", n);
	p = status_payload("https://a.example", id, "revocation", enc, 1790000000);
	rc = add(set, &key_a, p);
	free(p);
	return rc;
}

/* trust-list.md §4: at most 1,024 lists in one state. */
static void test_budget_lists(void **state)
{
	struct mck_statusset set;
	char *enc = encoded_list(MCK_STATUS_MIN_BYTES, -1);

	(void)state;
	mck_statusset_init(&set);
	for (size_t i = 0; i < 1024; i++) {
		assert_int_equal(add_nth(&set, i, enc), MCK_OK);
	}
	assert_int_equal(set.count, 1024);
	assert_int_equal(add_nth(&set, 1024, enc), MCK_ERR_TOOBIG);
	assert_int_equal(set.count, 1024);
	free(enc);
	mck_statusset_free(&set);
}

/* trust-list.md §4: the lists of one state inflate to at most 64 MiB together. */
static void test_budget_bytes(void **state)
{
	const size_t budget = (size_t)64 * 1024 * 1024;
	struct mck_statusset set;
	char *full = encoded_list(MCK_STATUS_MAX_BYTES, -1);
	char *short_of = encoded_list(MCK_STATUS_MAX_BYTES - MCK_STATUS_MIN_BYTES, -1);
	char *small = encoded_list(MCK_STATUS_MIN_BYTES, -1);
	char *small_plus = encoded_list(MCK_STATUS_MIN_BYTES + 1, -1);
	size_t total = 0;

	(void)state;
	mck_statusset_init(&set);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(add_nth(&set, i, full), MCK_OK);
	}
	assert_int_equal(add_nth(&set, 3, short_of), MCK_OK);
	/* 16 KiB short of the budget: one byte more than that is over it */
	assert_int_equal(add_nth(&set, 4, small_plus), MCK_ERR_TOOBIG);
	assert_non_null(strstr(last_msg, "64 MiB"));
	assert_int_equal(set.count, 4);
	/* exactly the budget is fine */
	assert_int_equal(add_nth(&set, 5, small), MCK_OK);
	for (size_t i = 0; i < set.count; i++) {
		total += set.lists[i].nbytes;
	}
	assert_int_equal(total, budget);
	/* and then nothing more fits */
	assert_int_equal(add_nth(&set, 6, small), MCK_ERR_TOOBIG);
	assert_int_equal(set.count, 5);
	/* an emptied set starts again from nothing */
	mck_statusset_free(&set);
	mck_statusset_init(&set);
	assert_int_equal(add_nth(&set, 7, full), MCK_OK);
	mck_statusset_free(&set);
	free(full);
	free(short_of);
	free(small);
	free(small_plus);
}

/*
 * trust-list.md §4: a list signed after its trust list's nextUpdate cannot be
 * honest (an awarding body must not move anyone's clock).
 */
static void test_iat_after_next_update(void **state)
{
	struct mck_statusset set;
	char *enc = encoded_list(MCK_STATUS_MIN_BYTES, 5);
	char *p;

	(void)state;
	assert_int_equal(mck_trustlist_next_update(trust), 1800000000);
	mck_statusset_init(&set);
	p = status_payload("https://b.example", "https://b.example/s/1", "revocation", enc,
			   1800000000);
	assert_int_equal(add(&set, &key_b, p), MCK_OK);
	free(p);
	p = status_payload("https://b.example", "https://b.example/s/2", "revocation", enc,
			   1800000001);
	assert_int_equal(add(&set, &key_b, p), MCK_ERR_JSON);
	assert_non_null(strstr(last_msg, "nextUpdate"));
	free(p);
	/* the poisoning of issue 13: 9999-12-31 */
	p = status_payload("https://b.example", "https://b.example/s/3", "revocation", enc,
			   253402300799);
	assert_int_equal(add(&set, &key_b, p), MCK_ERR_JSON);
	free(p);
	assert_int_equal(set.count, 1);
	free(enc);
	mck_statusset_free(&set);
}

/* credential-format.md §4: a status list's payload with a byte-order mark is malformed. */
static void test_payload_starts_with_brace(void **state)
{
	struct mck_statusset set;
	char *enc = encoded_list(MCK_STATUS_MIN_BYTES, 5);
	char *p;
	char *bom;

	(void)state;
	mck_statusset_init(&set);
	p = status_payload("https://b.example", "https://b.example/s/1", "revocation", enc,
			   1790000000);
	bom = mck_test_fmt("\xef\xbb\xbf%s", p);
	assert_int_equal(add(&set, &key_b, bom), MCK_ERR_JSON);
	free(bom);
	bom = mck_test_fmt("\n%s", p);
	assert_int_equal(add(&set, &key_b, bom), MCK_ERR_JSON);
	free(bom);
	assert_int_equal(add(&set, &key_b, p), MCK_OK);
	free(p);
	free(enc);
	mck_statusset_free(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_minted),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_budget_lists),
		cmocka_unit_test(test_budget_bytes),
		cmocka_unit_test(test_iat_after_next_update),
		cmocka_unit_test(test_payload_starts_with_brace),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
