/*
 * The compiled trust-list index: the loaded list's arrays written out once by
 * mcupdate (after the JWS verified), then attached by the verifier at start
 * without parsing. Every byte read back is checked as if hostile.
 *
 * A start must not cost in proportion to the list (issue 15: 200,000 issuers
 * in at most 150 M instructions, where hashing the 58 MB JWS and the 82 MB
 * index took 8,800 M). So the installer, which verifies the whole JWS anyway,
 * records the digest its signature is over, and a SHA-256 of every 4 KiB page
 * of the index. A start then verifies the operator's signature over that
 * digest with the anchors (as before, before anything in the list is used),
 * checks the page digests' own digest and the header's page, and nothing
 * else: every other page is checked the first time a lookup reads it, and
 * every offset, count and table entry when it is used. A page that does not
 * match makes the list parse its signed JWS there and then, and answer from
 * that: the index can make a start faster, never change an answer.
 *
 * What the index adds is trusted on the installer's word, as before: only
 * mcupdate writes a state directory, after verifying every file it is given.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jws.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/trustlist.h"

#include "internal.h"
#include "trustlist_impl.h"

static const char magic[8] = {'M', 'C', 'K', 'I', 'D', 'X', '0', '2'};

#define PAGE         4096u /* what one digest covers, and what a lookup checks at a time */
#define ISSUER_BLOCK 64u   /* issuers made ready per allocation */

struct idx_header {
	char magic[8];
	uint32_t version;
	uint32_t key_record; /* sizeof(struct mck_tl_key) of the writer */
	int64_t sequence;
	int64_t iat;
	int64_t next_update;
	uint64_t issuer_count;
	uint64_t key_count;
	uint64_t strings_len;
	uint64_t material_len;
	uint64_t slots;
	uint32_t operator_name; /* offset + 1 into strings, 0 when absent */
	uint32_t sig_len;
	uint8_t sig[MCK_SIG_MAX];
	uint64_t jws_len;  /* the JWS it was built from: its length, */
	uint32_t hash_len; /* and the digest of its signing input the signature is over */
	uint32_t page;
	uint8_t signed_hash[MCK_HASH_MAX];
};

struct idx_issuer {
	uint32_t id; /* offsets + 1 into strings, 0 when absent */
	uint32_t name;
	uint32_t country;
	uint32_t quality_assurance;
	uint32_t status;
	uint32_t first_key;
	uint32_t key_count;
	uint32_t pad;
	int64_t status_since;
};

/*
 * Byte offsets of the file's parts, each 8-aligned: the header and the body
 * (issuers .. key_index) are covered by pages; then one SHA-256 per page, and
 * last the SHA-256 of those digests.
 */
struct layout {
	size_t issuers;
	size_t keys;
	size_t strings;
	size_t material;
	size_t issuer_index;
	size_t key_index;
	size_t covered; /* bytes in pages: [0, covered) */
	size_t pages;
	size_t digests;
	size_t trailer;
	size_t end;
};

/* A list read from its index: which pages and issuers are ready, and the way back. */
struct mck__tl_lazy {
	const uint8_t *index;
	struct layout l;
	atomic_uint_least64_t *checked; /* a bit per page whose digest matched */
	atomic_uint_least64_t *filled;  /* a bit per issuer made ready in blocks */
	struct mck_tl_issuer *_Atomic *blocks;
	size_t nblocks;
	pthread_mutex_t lock; /* making issuers ready, and falling back */
	/* Falling back: the JWS and anchors it was loaded with (borrowed). */
	const struct mck_anchors *anchors;
	const char *jws;
	size_t jws_len;
	struct mck_trustlist *_Atomic parsed;
	atomic_bool broken;
	char fault[200];
};

static size_t align8(size_t n)
{
	return (n + 7u) & ~(size_t)7u;
}

/* Sizes come from a header that may be hostile: refuse anything that could overflow. */
static int plan(const struct idx_header *h, struct layout *l)
{
	const uint64_t big = (uint64_t)1 << 32;

	if (h->issuer_count >= big / 8 || h->key_count >= big / 8 || h->strings_len >= big ||
	    h->material_len >= big || h->slots >= big || h->slots < 16 ||
	    (h->slots & (h->slots - 1)) != 0 || h->slots < 2 * h->issuer_count ||
	    h->slots < 2 * h->key_count || h->page != PAGE) {
		return -1;
	}
	l->issuers = align8(sizeof(struct idx_header));
	l->keys = l->issuers + align8((size_t)h->issuer_count * sizeof(struct idx_issuer));
	l->strings = l->keys + align8((size_t)h->key_count * sizeof(struct mck_tl_key));
	l->material = l->strings + align8((size_t)h->strings_len);
	l->issuer_index = l->material + align8((size_t)h->material_len);
	l->key_index = l->issuer_index + (size_t)h->slots * sizeof(uint32_t);
	l->covered = l->key_index + (size_t)h->slots * sizeof(uint32_t);
	l->pages = (l->covered + PAGE - 1) / PAGE;
	l->digests = l->covered;
	l->trailer = l->digests + l->pages * MCK_SHA256_LEN;
	l->end = l->trailer + MCK_SHA256_LEN;
	return 0;
}

int mck_trustlist_index_seal(uint8_t *index, size_t len)
{
	struct idx_header h;
	struct layout l;

	if (len < sizeof(h)) {
		return MCK_ERR_INVAL;
	}
	memcpy(&h, index, sizeof(h));
	if (plan(&h, &l) != 0 || l.end != len) {
		return MCK_ERR_INVAL;
	}
	for (size_t p = 0; p < l.pages; p++) {
		size_t at = p * PAGE;
		size_t n = l.covered - at < PAGE ? l.covered - at : PAGE;

		mck_sha256(index + at, n, index + l.digests + p * MCK_SHA256_LEN);
	}
	mck_sha256(index + l.digests, l.pages * MCK_SHA256_LEN, index + l.trailer);
	return MCK_OK;
}

static uint32_t offset_of(const struct mck_trustlist *tl, const char *s)
{
	return s == NULL ? 0 : (uint32_t)(s - tl->strings) + 1;
}

int mck_trustlist_index_build(const struct mck_trustlist *tl, const char *jws, size_t len,
			      uint8_t **out, size_t *outlen)
{
	struct idx_header h;
	struct layout l;
	struct mck_jws *parsed;
	enum mck_reason reason;
	size_t op_len = tl->operator_name != NULL ? strlen(tl->operator_name) + 1 : 0;
	uint8_t *buf;

	*out = NULL;
	*outlen = 0;
	parsed = malloc(sizeof(*parsed));
	if (parsed == NULL) {
		return MCK_ERR_NOMEM;
	}
	if (tl->mapped || tl->hash_len == 0 || tl->hash_len > MCK_HASH_MAX ||
	    mck_jws_parse(parsed, jws, len, &reason, NULL, 0) != 0) {
		free(parsed);
		return MCK_ERR_INVAL;
	}
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, magic, sizeof(magic));
	h.version = MCK_INDEX_VERSION;
	h.key_record = sizeof(struct mck_tl_key);
	h.sequence = tl->sequence;
	h.iat = tl->iat;
	h.next_update = tl->next_update;
	h.issuer_count = tl->issuer_count;
	h.key_count = tl->key_count;
	h.strings_len = tl->strings_len + op_len;
	h.material_len = tl->material_len;
	h.slots = tl->index_mask + 1;
	h.operator_name = op_len > 0 ? (uint32_t)tl->strings_len + 1 : 0;
	h.sig_len = (uint32_t)parsed->sig_len;
	memcpy(h.sig, parsed->sig, parsed->sig_len);
	h.jws_len = len;
	h.hash_len = (uint32_t)tl->hash_len;
	h.page = PAGE;
	memcpy(h.signed_hash, tl->signed_hash, tl->hash_len);
	free(parsed);
	if (plan(&h, &l) != 0) {
		return MCK_ERR_INVAL;
	}
	buf = calloc(1, l.end);
	if (buf == NULL) {
		return MCK_ERR_NOMEM;
	}
	for (size_t i = 0; i < tl->issuer_count; i++) {
		const struct mck_tl_issuer *is = &tl->issuers[i];
		struct idx_issuer r = {
			.id = offset_of(tl, is->id),
			.name = offset_of(tl, is->name),
			.country = offset_of(tl, is->country),
			.quality_assurance = offset_of(tl, is->quality_assurance),
			.status = (uint32_t)is->status,
			.first_key = is->first_key,
			.key_count = is->key_count,
			.status_since = is->status_since,
		};
		memcpy(buf + l.issuers + i * sizeof(r), &r, sizeof(r));
	}
	memcpy(buf + l.keys, tl->keys, tl->key_count * sizeof(struct mck_tl_key));
	memcpy(buf + l.strings, tl->strings, tl->strings_len);
	if (op_len > 0) {
		memcpy(buf + l.strings + tl->strings_len, tl->operator_name, op_len);
	}
	memcpy(buf + l.material, tl->material, tl->material_len);
	memcpy(buf + l.issuer_index, tl->issuer_index, h.slots * sizeof(uint32_t));
	memcpy(buf + l.key_index, tl->key_index, h.slots * sizeof(uint32_t));
	memcpy(buf, &h, sizeof(h));
	(void)mck_trustlist_index_seal(buf, l.end);
	*out = buf;
	*outlen = l.end;
	return MCK_OK;
}

/* ---- Pages checked on first use ---- */

static bool page_ok(struct mck__tl_lazy *z, size_t p)
{
	uint_least64_t bit = (uint_least64_t)1 << (p % 64);
	uint8_t digest[MCK_SHA256_LEN];
	size_t at = p * PAGE;

	if ((atomic_load_explicit(&z->checked[p / 64], memory_order_acquire) & bit) != 0) {
		return true;
	}
	/* Two threads may check one page at once: both find the same, no harm. */
	mck_sha256(z->index + at, z->l.covered - at < PAGE ? z->l.covered - at : PAGE, digest);
	if (memcmp(digest, z->index + z->l.digests + p * MCK_SHA256_LEN, sizeof(digest)) != 0) {
		return false;
	}
	atomic_fetch_or_explicit(&z->checked[p / 64], bit, memory_order_release);
	return true;
}

/* Every page under [p, p + len) of the index checked; false when one is damaged. */
static bool ensure(struct mck__tl_lazy *z, const void *p, size_t len)
{
	size_t from = (size_t)((const uint8_t *)p - z->index);

	if (len == 0 || from >= z->l.covered || len > z->l.covered - from) {
		return false;
	}
	for (size_t page = from / PAGE; page <= (from + len - 1) / PAGE; page++) {
		if (!page_ok(z, page)) {
			return false;
		}
	}
	return true;
}

/*
 * A string at offset @p off (+ 1; 0 is absent) of the strings, its pages checked up
 * to its NUL. The strings end with a NUL (checked at load), so the scan ends there.
 */
static bool string_at(const struct mck_trustlist *tl, uint32_t off, const char **out)
{
	struct mck__tl_lazy *z = tl->lazy;
	const char *s;
	const char *end = tl->strings + tl->strings_len;

	*out = NULL;
	if (off == 0) {
		return true;
	}
	if (off - 1 >= tl->strings_len) {
		return false;
	}
	s = tl->strings + (off - 1);
	for (const char *at = s; at < end;) {
		size_t in_page = PAGE - (size_t)((const uint8_t *)at - z->index) % PAGE;
		size_t n = (size_t)(end - at) < in_page ? (size_t)(end - at) : in_page;

		if (!ensure(z, at, n)) {
			return false;
		}
		if (memchr(at, '\0', n) != NULL) {
			*out = s;
			return true;
		}
		at += n;
	}
	return false;
}

/* A key record's fields, read as bytes first where a bad value would be undefined. */
static bool key_ok(const struct mck_trustlist *tl, const struct mck_tl_key *key)
{
	uint8_t b[2];
	int type;
	int alg;

	memcpy(&b[0], &key->has_not_before, 1);
	memcpy(&b[1], &key->has_not_after, 1);
	memcpy(&type, &key->type, sizeof(type));
	memcpy(&alg, &key->alg, sizeof(alg));
	return b[0] <= 1 && b[1] <= 1 && key->issuer < tl->issuer_count &&
	       type >= MCK_KEY_EC_P256 && type <= MCK_KEY_RSA && alg >= 0 && alg <= MCK_ALG_PS256 &&
	       key->alen <= MCK_RSA_MAX_BITS / 8 && key->blen <= MCK_RSA_MAX_BITS / 8 &&
	       (size_t)key->material + key->alen + key->blen <= tl->material_len;
}

/* Issuer record @p i, its page checked and its fields in range; false when not. */
static bool read_record(const struct mck_trustlist *tl, uint32_t i, struct idx_issuer *r)
{
	const uint8_t *at = tl->lazy->index + tl->lazy->l.issuers + (size_t)i * sizeof(*r);

	if (i >= tl->issuer_count || !ensure(tl->lazy, at, sizeof(*r))) {
		return false;
	}
	memcpy(r, at, sizeof(*r));
	return r->id != 0 && r->status <= MCK_ISSUER_WITHDRAWN && r->first_key <= tl->key_count &&
	       r->key_count <= tl->key_count - r->first_key;
}

/* Issuer @p i as the API gives it (strings as pointers): made once, then kept. */
static const struct mck_tl_issuer *ready_issuer(const struct mck_trustlist *tl, uint32_t i)
{
	struct mck__tl_lazy *z = tl->lazy;
	uint_least64_t bit = (uint_least64_t)1 << (i % 64);
	struct mck_tl_issuer *block;
	struct mck_tl_issuer is;
	struct idx_issuer r;

	if ((atomic_load_explicit(&z->filled[i / 64], memory_order_acquire) & bit) != 0) {
		return &atomic_load_explicit(&z->blocks[i / ISSUER_BLOCK],
					     memory_order_relaxed)[i % ISSUER_BLOCK];
	}
	memset(&is, 0, sizeof(is));
	if (!read_record(tl, i, &r) || !string_at(tl, r.id, &is.id) ||
	    !string_at(tl, r.name, &is.name) || !string_at(tl, r.country, &is.country) ||
	    !string_at(tl, r.quality_assurance, &is.quality_assurance)) {
		return NULL;
	}
	is.status = (enum mck_issuer_status)r.status;
	is.status_since = r.status_since;
	is.first_key = r.first_key;
	is.key_count = r.key_count;
	pthread_mutex_lock(&z->lock);
	block = atomic_load_explicit(&z->blocks[i / ISSUER_BLOCK], memory_order_relaxed);
	if (block == NULL) {
		block = calloc(ISSUER_BLOCK, sizeof(*block));
		atomic_store_explicit(&z->blocks[i / ISSUER_BLOCK], block, memory_order_relaxed);
	}
	if (block != NULL &&
	    (atomic_load_explicit(&z->filled[i / 64], memory_order_relaxed) & bit) == 0) {
		block[i % ISSUER_BLOCK] = is;
		atomic_fetch_or_explicit(&z->filled[i / 64], bit, memory_order_release);
	}
	pthread_mutex_unlock(&z->lock);
	return block != NULL ? &block[i % ISSUER_BLOCK] : NULL;
}

/*
 * A page did not match (or the index contradicts itself): parse the signed
 * list, verified in full as mck_trustlist_load does, and answer from it from
 * now on. NULL when that fails too: the list then answers nothing.
 */
static const struct mck_trustlist *fall_back(const struct mck_trustlist *tl)
{
	struct mck__tl_lazy *z = tl->lazy;
	struct mck_trustlist *p;
	char why[160];

	pthread_mutex_lock(&z->lock);
	p = atomic_load_explicit(&z->parsed, memory_order_acquire);
	if (p == NULL && !atomic_load(&z->broken)) {
		if (mck_trustlist_load(&p, z->anchors, z->jws, z->jws_len, why, sizeof(why)) ==
			    MCK_OK &&
		    p->sequence == tl->sequence && p->issuer_count == tl->issuer_count &&
		    p->key_count == tl->key_count) {
			snprintf(z->fault, sizeof(z->fault),
				 "index damaged: answers come from the trust list, parsed");
			atomic_store_explicit(&z->parsed, p, memory_order_release);
		} else {
			if (p != NULL) {
				snprintf(why, sizeof(why), "it is another list than its index");
			}
			mck_trustlist_destroy(p);
			p = NULL;
			snprintf(z->fault, sizeof(z->fault),
				 "index damaged, and the trust list cannot replace it: %.140s",
				 why);
			atomic_store(&z->broken, true);
		}
	}
	pthread_mutex_unlock(&z->lock);
	return p;
}

static const struct mck_trustlist *parsed_list(const struct mck_trustlist *tl)
{
	return atomic_load_explicit(&tl->lazy->parsed, memory_order_acquire);
}

bool mck__index_broken(const struct mck_trustlist *tl)
{
	return atomic_load(&tl->lazy->broken);
}

/* A slot of one of the hash tables, checked; false when damaged. */
static bool slot_at(const struct mck_trustlist *tl, const uint32_t *table, size_t slot,
		    size_t count, uint32_t *v)
{
	if (!ensure(tl->lazy, &table[slot], sizeof(*table))) {
		return false;
	}
	*v = table[slot];
	return *v <= count;
}

const struct mck_tl_issuer *mck__index_find_issuer(const struct mck_trustlist *tl, const char *id)
{
	const struct mck_trustlist *p = parsed_list(tl);
	size_t slot = (size_t)mck__trustlist_hash_string(id) & tl->index_mask;
	uint32_t v;

	if (p == NULL && !mck__index_broken(tl)) {
		/* A hostile table may have no empty slot: at most one round. */
		for (size_t probe = 0; probe <= tl->index_mask; probe++) {
			struct idx_issuer r;
			const char *s;

			if (!slot_at(tl, tl->issuer_index, slot, tl->issuer_count, &v)) {
				break;
			}
			if (v == 0) {
				return NULL;
			}
			if (!read_record(tl, v - 1, &r) || !string_at(tl, r.id, &s)) {
				break;
			}
			if (strcmp(s, id) == 0) {
				const struct mck_tl_issuer *is = ready_issuer(tl, v - 1);

				if (is == NULL) {
					break;
				}
				return is;
			}
			slot = (slot + 1) & tl->index_mask;
		}
		p = fall_back(tl);
	}
	return p != NULL ? mck_trustlist_find_issuer(p, id) : NULL;
}

const struct mck_tl_key *mck__index_find_key(const struct mck_trustlist *tl,
					     const uint8_t thumb[MCK_SHA256_LEN])
{
	const struct mck_trustlist *p = parsed_list(tl);
	size_t slot = (size_t)mck__trustlist_hash_thumb(thumb) & tl->index_mask;
	uint32_t v;

	if (p == NULL && !mck__index_broken(tl)) {
		for (size_t probe = 0; probe <= tl->index_mask; probe++) {
			const struct mck_tl_key *key;

			if (!slot_at(tl, tl->key_index, slot, tl->key_count, &v)) {
				break;
			}
			if (v == 0) {
				return NULL;
			}
			key = &tl->keys[v - 1];
			if (!ensure(tl->lazy, key, sizeof(*key))) {
				break;
			}
			/*
			 * Its issuer made ready with it: callers go from a key to its
			 * issuer (mck_trustlist_issuer_at), and that must not fail.
			 */
			if (memcmp(key->thumb, thumb, MCK_SHA256_LEN) == 0) {
				if (!key_ok(tl, key) ||
				    !ensure(tl->lazy, tl->material + key->material,
					    (size_t)key->alen + key->blen) ||
				    ready_issuer(tl, key->issuer) == NULL) {
					break;
				}
				return key;
			}
			slot = (slot + 1) & tl->index_mask;
		}
		p = fall_back(tl);
	}
	return p != NULL ? mck_trustlist_find_key(p, thumb) : NULL;
}

const struct mck_tl_issuer *mck__index_issuer_at(const struct mck_trustlist *tl, uint32_t i)
{
	const struct mck_trustlist *p = parsed_list(tl);
	const struct mck_tl_issuer *is;

	if (i >= tl->issuer_count) {
		return NULL;
	}
	if (p == NULL && !mck__index_broken(tl)) {
		is = ready_issuer(tl, i);
		if (is != NULL) {
			return is;
		}
		p = fall_back(tl);
	}
	return p != NULL ? mck_trustlist_issuer_at(p, i) : NULL;
}

void mck__index_key_raw(const struct mck_trustlist *tl, const struct mck_tl_key *key,
			struct mck_key_raw *raw)
{
	const struct mck_trustlist *p = parsed_list(tl);
	const struct mck_tl_key *same;

	memset(raw, 0, sizeof(*raw));
	if (p == NULL) {
		/* A key this list returned: its fields and material were checked then. */
		raw->type = key->type;
		raw->alen = key->alen;
		raw->blen = key->blen;
		memcpy(raw->a, tl->material + key->material, key->alen);
		memcpy(raw->b, tl->material + key->material + key->alen, key->blen);
		return;
	}
	/* The key may be one the index gave before it fell back: the same key, parsed. */
	same = mck_trustlist_find_key(p, key->thumb);
	if (same != NULL) {
		mck_trustlist_key_raw(p, same, raw);
	}
}

void mck__index_free(struct mck__tl_lazy *z)
{
	if (z == NULL) {
		return;
	}
	for (size_t b = 0; z->blocks != NULL && b < z->nblocks; b++) {
		free(atomic_load(&z->blocks[b]));
	}
	free((void *)(uintptr_t)z->blocks);
	free(z->checked);
	free(z->filled);
	mck_trustlist_destroy(atomic_load(&z->parsed));
	pthread_mutex_destroy(&z->lock);
	free(z);
}

const char *mck_trustlist_index_fault(const struct mck_trustlist *tl)
{
	if (tl->lazy == NULL || (parsed_list(tl) == NULL && !mck__index_broken(tl))) {
		return NULL;
	}
	return tl->lazy->fault;
}

int mck_trustlist_index_check_all(const struct mck_trustlist *tl)
{
	struct mck__tl_lazy *z = tl->lazy;

	if (z == NULL) {
		return MCK_OK;
	}
	for (size_t p = 0; p < z->l.pages && parsed_list(tl) == NULL && !mck__index_broken(tl);
	     p++) {
		if (!page_ok(z, p)) {
			(void)fall_back(tl);
		}
	}
	if (mck__index_broken(tl)) {
		return MCK_ERR_SIGNATURE;
	}
	return parsed_list(tl) != NULL ? MCK_ERR_ENCODING : MCK_OK;
}

/*
 * The JWS's protected header and signature, found from its two ends: its
 * payload, the whole list, is not read (the digest the signature is over is
 * the index's). Returns 0, or -1 with @p msg.
 */
static int jws_ends(struct mck_jws *parsed, const char *jws, size_t len, char *msg, size_t cap)
{
	size_t hmax = mck_b64url_encoded_len(MCK_JWS_HEADER_MAX);
	size_t smax = mck_b64url_encoded_len(MCK_SIG_MAX);
	const char *dot1 = memchr(jws, '.', len < hmax + 1 ? len : hmax + 1);
	size_t from;
	size_t to;
	size_t hlen;
	size_t slen;
	char *ends;
	enum mck_reason reason;
	int rc;

	if (dot1 == NULL) {
		return mck__say(msg, cap, -1, "not a JWS: no protected header");
	}
	/* The last dot, within a signature's length of the end and after the first. */
	from = (size_t)(dot1 - jws) + 1;
	to = len;
	while (to > from && len - to <= smax && jws[to - 1] != '.') {
		to--;
	}
	if (to <= from || jws[to - 1] != '.') {
		return mck__say(msg, cap, -1, "not a JWS: three dot-separated parts expected");
	}
	hlen = (size_t)(dot1 - jws);
	slen = len - to;
	ends = malloc(hlen + slen + 3);
	if (ends == NULL) {
		return mck__say(msg, cap, -1, "out of memory");
	}
	memcpy(ends, jws, hlen);
	memcpy(ends + hlen, "..", 2);
	memcpy(ends + hlen + 2, jws + to, slen);
	ends[hlen + 2 + slen] = '\0';
	rc = mck_jws_parse(parsed, ends, hlen + 2 + slen, &reason, msg, cap);
	parsed->text = NULL; /* it pointed into ends: only the decoded members stay */
	parsed->payload_b64 = NULL;
	free(ends);
	return rc;
}

static bool same_page_digest(const uint8_t *index, const struct layout *l, size_t p)
{
	uint8_t digest[MCK_SHA256_LEN];
	size_t at = p * PAGE;

	mck_sha256(index + at, l->covered - at < PAGE ? l->covered - at : PAGE, digest);
	return memcmp(digest, index + l->digests + p * MCK_SHA256_LEN, sizeof(digest)) == 0;
}

/* The lazy list over a checked header: nothing of the body read yet. */
static int attach(struct mck_trustlist **out, const struct idx_header *h, const struct layout *l,
		  const uint8_t *index)
{
	struct mck_trustlist *tl = calloc(1, sizeof(*tl));
	struct mck__tl_lazy *z = calloc(1, sizeof(*z));

	*out = tl;
	if (tl == NULL || z == NULL) {
		free(z);
		return MCK_ERR_NOMEM;
	}
	tl->lazy = z;
	pthread_mutex_init(&z->lock, NULL);
	z->index = index;
	z->l = *l;
	z->nblocks = ((size_t)h->issuer_count + ISSUER_BLOCK - 1) / ISSUER_BLOCK;
	z->checked = calloc(l->pages / 64 + 1, sizeof(*z->checked));
	z->filled = calloc((size_t)h->issuer_count / 64 + 1, sizeof(*z->filled));
	z->blocks = calloc(z->nblocks + 1, sizeof(*z->blocks));
	if (z->checked == NULL || z->filled == NULL || z->blocks == NULL) {
		return MCK_ERR_NOMEM;
	}
	atomic_store(&z->checked[0], 1); /* the header's page, checked by the caller */
	tl->mapped = true;
	tl->sequence = h->sequence;
	tl->iat = h->iat;
	tl->next_update = h->next_update;
	tl->issuer_count = (size_t)h->issuer_count;
	tl->key_count = (size_t)h->key_count;
	tl->strings = (char *)(uintptr_t)(index + l->strings);
	tl->strings_len = (size_t)h->strings_len;
	tl->material = (uint8_t *)(uintptr_t)(index + l->material);
	tl->material_len = (size_t)h->material_len;
	tl->keys = (struct mck_tl_key *)(uintptr_t)(index + l->keys);
	tl->issuer_index = (uint32_t *)(uintptr_t)(index + l->issuer_index);
	tl->key_index = (uint32_t *)(uintptr_t)(index + l->key_index);
	tl->index_mask = (size_t)h->slots - 1;
	tl->hash_len = h->hash_len;
	memcpy(tl->signed_hash, h->signed_hash, sizeof(tl->signed_hash));
	return MCK_OK;
}

int mck_trustlist_load_indexed(struct mck_trustlist **out, const struct mck_anchors *anchors,
			       const char *jws, size_t len, const uint8_t *index, size_t index_len,
			       char *msg, size_t msgcap)
{
	struct mck_trustlist *tl = NULL;
	struct mck_jws *parsed = NULL;
	struct idx_header h;
	struct layout l;
	uint8_t digest[MCK_SHA256_LEN];
	const char *op = NULL;
	int rc = MCK_ERR_ENCODING;

	*out = NULL;
	parsed = malloc(sizeof(*parsed));
	if (parsed == NULL) {
		return MCK_ERR_NOMEM;
	}
	if (jws_ends(parsed, jws, len, msg, msgcap) != 0) {
		rc = MCK_ERR_SIGNATURE;
		goto out;
	}
	/* The mapping is page-aligned; a copy of the header keeps reads aligned anyway. */
	if (index_len < sizeof(h) || ((uintptr_t)index & 7u) != 0) {
		mck__say(msg, msgcap, 0, "index too short");
		goto out;
	}
	memcpy(&h, index, sizeof(h));
	if (memcmp(h.magic, magic, sizeof(magic)) != 0 || h.version != MCK_INDEX_VERSION ||
	    h.key_record != sizeof(struct mck_tl_key) || plan(&h, &l) != 0 || l.end != index_len ||
	    h.hash_len > MCK_HASH_MAX) {
		mck__say(msg, msgcap, 0, "index header does not fit this verifier or its size");
		goto out;
	}
	if (h.sig_len != parsed->sig_len || memcmp(h.sig, parsed->sig, parsed->sig_len) != 0 ||
	    h.jws_len != len) {
		mck__say(msg, msgcap, 0, "index was not built from this trust list");
		goto out;
	}
	/* The page digests, then the header's own page: what the header says is now the installer's. */
	mck_sha256(index + l.digests, l.pages * MCK_SHA256_LEN, digest);
	if (memcmp(digest, index + l.trailer, sizeof(digest)) != 0 ||
	    !same_page_digest(index, &l, 0)) {
		mck__say(msg, msgcap, 0, "index is corrupt (digest mismatch)");
		goto out;
	}
	/* The operator's signature, over the digest the installer took of the whole list. */
	rc = mck__trustlist_check_signature(anchors, parsed, h.signed_hash, h.hash_len, msg,
					    msgcap);
	if (rc != MCK_OK) {
		goto out;
	}
	rc = attach(&tl, &h, &l, index);
	if (rc != MCK_OK) {
		goto out;
	}
	tl->lazy->anchors = anchors;
	tl->lazy->jws = jws;
	tl->lazy->jws_len = len;
	rc = MCK_ERR_ENCODING;
	/* The strings end with a NUL, so a string's scan ends inside them. */
	if ((tl->strings_len > 0 && (!ensure(tl->lazy, tl->strings + tl->strings_len - 1, 1) ||
				     tl->strings[tl->strings_len - 1] != '\0')) ||
	    !string_at(tl, h.operator_name, &op)) {
		mck__say(msg, msgcap, 0, "index has an offset or count out of range");
		goto out;
	}
	tl->operator_name = (char *)(uintptr_t)op; /* borrowed: destroy skips it */
	*out = tl;
	tl = NULL;
	rc = MCK_OK;
out:
	mck_trustlist_destroy(tl);
	free(parsed);
	return rc;
}
