/*
 * The compiled trust-list index: the loaded list's arrays written out once by
 * mcupdate (after the JWS verified), then attached by the verifier at start
 * without parsing. Every byte read back is checked as if hostile.
 */
#include <stdlib.h>
#include <string.h>

#include "jws.h"
#include "mck/err.h"
#include "mck/trustlist.h"

#include "internal.h"
#include "trustlist_impl.h"

static const char magic[8] = {'M', 'C', 'K', 'I', 'D', 'X', '0', '1'};

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
};
/* After the body: the SHA-256 of every byte before it (header included). */

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

/* Byte offsets of the body's parts, each 8-aligned. */
struct layout {
	size_t issuers;
	size_t keys;
	size_t strings;
	size_t material;
	size_t issuer_index;
	size_t key_index;
	size_t digest;
	size_t end;
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
	    h->slots < 2 * h->key_count) {
		return -1;
	}
	l->issuers = align8(sizeof(struct idx_header));
	l->keys = l->issuers + align8((size_t)h->issuer_count * sizeof(struct idx_issuer));
	l->strings = l->keys + align8((size_t)h->key_count * sizeof(struct mck_tl_key));
	l->material = l->strings + align8((size_t)h->strings_len);
	l->issuer_index = l->material + align8((size_t)h->material_len);
	l->key_index = l->issuer_index + (size_t)h->slots * sizeof(uint32_t);
	l->digest = l->key_index + (size_t)h->slots * sizeof(uint32_t);
	l->end = l->digest + MCK_SHA256_LEN;
	return 0;
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
	if (tl->mapped || mck_jws_parse(parsed, jws, len, &reason, NULL, 0) != 0) {
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
	mck_sha256(buf, l.digest, buf + l.digest);
	*out = buf;
	*outlen = l.end;
	return MCK_OK;
}

/* A string offset from the index: 0 is absent; otherwise inside the NUL-ended strings. */
static bool string_at(const struct mck_trustlist *tl, uint32_t off, const char **out)
{
	if (off == 0) {
		*out = NULL;
		return true;
	}
	if (off - 1 >= tl->strings_len) {
		return false;
	}
	*out = tl->strings + (off - 1);
	return true;
}

static bool check_tables(const struct mck_trustlist *tl)
{
	for (size_t i = 0; i <= tl->index_mask; i++) {
		if (tl->issuer_index[i] > tl->issuer_count || tl->key_index[i] > tl->key_count) {
			return false;
		}
	}
	for (size_t k = 0; k < tl->key_count; k++) {
		const struct mck_tl_key *key = &tl->keys[k];

		if (key->issuer >= tl->issuer_count || key->type < MCK_KEY_EC_P256 ||
		    key->type > MCK_KEY_RSA || (unsigned)key->alg > MCK_ALG_PS256 ||
		    key->alen > MCK_RSA_MAX_BITS / 8 || key->blen > MCK_RSA_MAX_BITS / 8 ||
		    (size_t)key->material + key->alen + key->blen > tl->material_len) {
			return false;
		}
	}
	return true;
}

static bool read_issuers(struct mck_trustlist *tl, const uint8_t *records)
{
	for (size_t i = 0; i < tl->issuer_count; i++) {
		struct idx_issuer r;
		struct mck_tl_issuer *is = &tl->issuers[i];

		memcpy(&r, records + i * sizeof(r), sizeof(r));
		if (r.id == 0 || !string_at(tl, r.id, &is->id) ||
		    !string_at(tl, r.name, &is->name) || !string_at(tl, r.country, &is->country) ||
		    !string_at(tl, r.quality_assurance, &is->quality_assurance) ||
		    r.status > MCK_ISSUER_WITHDRAWN || r.first_key > tl->key_count ||
		    r.key_count > tl->key_count - r.first_key) {
			return false;
		}
		is->status = (enum mck_issuer_status)r.status;
		is->status_since = r.status_since;
		is->first_key = r.first_key;
		is->key_count = r.key_count;
	}
	return true;
}

int mck_trustlist_load_indexed(struct mck_trustlist **out, const struct mck_anchors *anchors,
			       const char *jws, size_t len, const uint8_t *index, size_t index_len,
			       char *msg, size_t msgcap)
{
	struct mck_trustlist *tl = NULL;
	struct mck_jws *parsed = NULL;
	struct idx_header h;
	struct layout l;
	enum mck_reason reason;
	uint8_t digest[MCK_SHA256_LEN];
	int rc = MCK_ERR_ENCODING;

	*out = NULL;
	parsed = malloc(sizeof(*parsed));
	if (parsed == NULL) {
		return MCK_ERR_NOMEM;
	}
	if (mck_jws_parse(parsed, jws, len, &reason, msg, msgcap) != 0) {
		rc = MCK_ERR_SIGNATURE;
		goto out;
	}
	rc = mck__trustlist_check_signature(anchors, parsed, msg, msgcap);
	if (rc != MCK_OK) {
		goto out;
	}
	rc = MCK_ERR_ENCODING;
	/* The mapping is page-aligned; a copy of the header keeps reads aligned anyway. */
	if (index_len < sizeof(h) || ((uintptr_t)index & 7u) != 0) {
		mck__say(msg, msgcap, 0, "index too short");
		goto out;
	}
	memcpy(&h, index, sizeof(h));
	if (memcmp(h.magic, magic, sizeof(magic)) != 0 || h.version != MCK_INDEX_VERSION ||
	    h.key_record != sizeof(struct mck_tl_key) || plan(&h, &l) != 0 || l.end != index_len) {
		mck__say(msg, msgcap, 0, "index header does not fit this verifier or its size");
		goto out;
	}
	if (h.sig_len != parsed->sig_len || memcmp(h.sig, parsed->sig, parsed->sig_len) != 0) {
		mck__say(msg, msgcap, 0, "index was not built from this trust list");
		goto out;
	}
	mck_sha256(index, l.digest, digest);
	if (memcmp(digest, index + l.digest, sizeof(digest)) != 0) {
		mck__say(msg, msgcap, 0, "index is corrupt (digest mismatch)");
		goto out;
	}
	tl = calloc(1, sizeof(*tl));
	if (tl == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	tl->mapped = true;
	tl->sequence = h.sequence;
	tl->iat = h.iat;
	tl->next_update = h.next_update;
	tl->issuer_count = (size_t)h.issuer_count;
	tl->key_count = (size_t)h.key_count;
	tl->strings = (char *)(uintptr_t)(index + l.strings);
	tl->strings_len = (size_t)h.strings_len;
	tl->material = (uint8_t *)(uintptr_t)(index + l.material);
	tl->material_len = (size_t)h.material_len;
	tl->keys = (struct mck_tl_key *)(uintptr_t)(index + l.keys);
	tl->issuer_index = (uint32_t *)(uintptr_t)(index + l.issuer_index);
	tl->key_index = (uint32_t *)(uintptr_t)(index + l.key_index);
	tl->index_mask = (size_t)h.slots - 1;
	tl->issuers = calloc(tl->issuer_count + 1, sizeof(*tl->issuers));
	if (tl->issuers == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	const char *op = NULL;

	if ((tl->strings_len > 0 && tl->strings[tl->strings_len - 1] != '\0') ||
	    !string_at(tl, h.operator_name, &op) || !read_issuers(tl, index + l.issuers) ||
	    !check_tables(tl)) {
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
