/* Trust anchors and the trust list: verify, validate every rule, index. */
#include "mck/trustlist.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jws.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/json.h"
#include "mck/jwk.h"

#include "internal.h"
#include "trustlist_impl.h"

struct anchor {
	struct mck_pubkey *key;
	uint8_t thumb[MCK_SHA256_LEN];
};

struct mck_anchors {
	size_t count;
	struct anchor a[MCK_ANCHORS_MAX];
};

struct mck_anchors *mck_anchors_create(void)
{
	return calloc(1, sizeof(struct mck_anchors));
}

void mck_anchors_destroy(struct mck_anchors *a)
{
	if (a == NULL) {
		return;
	}
	for (size_t i = 0; i < a->count; i++) {
		mck_pubkey_destroy(a->a[i].key);
	}
	free(a);
}

int mck_anchors_add_pem(struct mck_anchors *a, const char *pem, size_t len)
{
	struct mck_pubkey *key = NULL;
	struct mck_key_raw raw;
	int rc;

	if (a->count >= MCK_ANCHORS_MAX) {
		return MCK_ERR_TOOBIG;
	}
	rc = mck_pubkey_from_pem(&key, pem, len);
	if (rc != MCK_OK) {
		return rc;
	}
	if (mck_pubkey_type(key) == MCK_KEY_RSA || mck_pubkey_export(key, &raw) != MCK_OK) {
		mck_pubkey_destroy(key);
		return MCK_ERR_KEY;
	}
	a->a[a->count].key = key;
	mck_jwk_thumbprint(&raw, a->a[a->count].thumb);
	a->count++;
	return MCK_OK;
}

size_t mck_anchors_count(const struct mck_anchors *a)
{
	return a == NULL ? 0 : a->count;
}

uint64_t mck__trustlist_hash_string(const char *s)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */

	for (; *s != '\0'; s++) {
		h = (h ^ (uint8_t)*s) * 1099511628211u;
	}
	return h;
}

uint64_t mck__trustlist_hash_thumb(const uint8_t *t)
{
	uint64_t h = 0;

	/* A SHA-256 output is already uniform. */
	for (int i = 0; i < 8; i++) {
		h = h << 8 | t[i];
	}
	return h;
}

const struct mck_tl_issuer *mck_trustlist_find_issuer(const struct mck_trustlist *tl,
						      const char *id)
{
	if (tl->lazy != NULL) {
		return mck__index_find_issuer(tl, id);
	}
	size_t slot = (size_t)mck__trustlist_hash_string(id) & tl->index_mask;
	uint32_t v;

	while ((v = tl->issuer_index[slot]) != 0) {
		if (strcmp(tl->issuers[v - 1].id, id) == 0) {
			return &tl->issuers[v - 1];
		}
		slot = (slot + 1) & tl->index_mask;
	}
	return NULL;
}

const struct mck_tl_key *mck_trustlist_find_key(const struct mck_trustlist *tl,
						const uint8_t thumb[MCK_SHA256_LEN])
{
	if (tl->lazy != NULL) {
		return mck__index_find_key(tl, thumb);
	}
	size_t slot = (size_t)mck__trustlist_hash_thumb(thumb) & tl->index_mask;
	uint32_t v;

	while ((v = tl->key_index[slot]) != 0) {
		if (memcmp(tl->keys[v - 1].thumb, thumb, MCK_SHA256_LEN) == 0) {
			return &tl->keys[v - 1];
		}
		slot = (slot + 1) & tl->index_mask;
	}
	return NULL;
}

/* Insert issuer @p i; false when its id is taken. */
static bool index_issuer(struct mck_trustlist *tl, uint32_t i)
{
	if (mck_trustlist_find_issuer(tl, tl->issuers[i].id) != NULL) {
		return false;
	}
	size_t slot = (size_t)mck__trustlist_hash_string(tl->issuers[i].id) & tl->index_mask;
	while (tl->issuer_index[slot] != 0) {
		slot = (slot + 1) & tl->index_mask;
	}
	tl->issuer_index[slot] = i + 1;
	return true;
}

static bool index_key(struct mck_trustlist *tl, uint32_t k)
{
	if (mck_trustlist_find_key(tl, tl->keys[k].thumb) != NULL) {
		return false;
	}
	size_t slot = (size_t)mck__trustlist_hash_thumb(tl->keys[k].thumb) & tl->index_mask;
	while (tl->key_index[slot] != 0) {
		slot = (slot + 1) & tl->index_mask;
	}
	tl->key_index[slot] = k + 1;
	return true;
}

/*
 * The loader builds the list issuer by issuer as mck_json_parse_each hands them
 * over, so that a list's peak memory is its payload and the arrays it becomes,
 * never a tree of the whole list (a cJSON tree is ~5 times the text). Counts
 * are not known ahead: the arrays grow, strings are kept as offsets until the
 * end, and the hash tables are built once everything is read.
 */
struct loader {
	struct mck_trustlist *tl;
	size_t issuers_cap;
	size_t keys_cap;
	size_t strings_cap;
	uint32_t (*str_off)[4]; /* per issuer: offset + 1 of each issuer string, 0 when absent */
	size_t str_off_cap;
	size_t str_used;
	size_t mat_used;
	bool said; /* msg holds the loader's own refusal */
	char *msg;
	size_t cap;
};

static const char *const issuer_strings[] = {"id", "name", "country", "qualityAssurance"};

/*
 * @p arr (of *@p cap items of @p size) with room for @p need items, doubling:
 * @p arr itself, a new pointer to use instead, or NULL when out of memory
 * (@p arr is left as it was).
 */
static void *grow(void *arr, size_t *cap, size_t need, size_t size)
{
	size_t want = *cap;
	void *grown;

	if (need <= *cap) {
		return arr;
	}
	while (want < need) {
		want = want < 64 ? 64 : want * 2;
	}
	if (want > SIZE_MAX / size || (grown = realloc(arr, want * size)) == NULL) {
		return NULL;
	}
	*cap = want;
	return grown;
}

static int say(struct loader *ld, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int say(struct loader *ld, int rc, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	ld->said = true;
	return mck__say(ld->msg, ld->cap, rc, "%s", line);
}

static int read_key(struct loader *ld, const cJSON *jk, const char *issuer_id, uint32_t issuer,
		    uint32_t nth)
{
	struct mck_trustlist *tl = ld->tl;
	struct mck_tl_key *key = &tl->keys[tl->key_count];
	struct mck_key_raw raw;
	const char *kid;
	uint8_t claimed[MCK_SHA256_LEN];
	int rc;

	memset(key, 0, sizeof(*key));
	rc = mck_jwk_read(jk, &raw);
	if (rc == MCK_OK) {
		rc = mck_jwk_restriction(jk, &key->alg);
	}
	if (rc != MCK_OK) {
		return say(ld, MCK_ERR_JSON, "issuer \"%.80s\": key #%u is not a usable public key",
			   issuer_id, nth);
	}
	mck_jwk_thumbprint(&raw, key->thumb);
	if (mck_json_string(jk, "kid", &kid) != 1 || mck_kid_decode(kid, claimed) != MCK_OK ||
	    memcmp(claimed, key->thumb, MCK_SHA256_LEN) != 0) {
		return say(ld, MCK_ERR_JSON,
			   "issuer \"%.80s\": a kid is not the thumbprint of its key", issuer_id);
	}
	rc = mck_json_time(jk, "notBefore", &key->not_before);
	key->has_not_before = rc == 1;
	if (rc >= 0) {
		rc = mck_json_time(jk, "notAfter", &key->not_after);
		key->has_not_after = rc == 1;
	}
	if (rc < 0) {
		return say(ld, MCK_ERR_JSON, "kid %.43s: bad notBefore/notAfter", kid);
	}
	key->issuer = issuer;
	key->type = raw.type;
	/* EC keys take 64 or 96 bytes of material, RSA up to 520. */
	uint8_t *material = ld->mat_used + raw.alen + raw.blen <= UINT32_MAX
				    ? grow(tl->material, &tl->material_cap,
					   ld->mat_used + raw.alen + raw.blen, 1)
				    : NULL;
	if (material == NULL) {
		return MCK_ERR_NOMEM;
	}
	tl->material = material;
	key->material = (uint32_t)ld->mat_used;
	key->alen = (uint16_t)raw.alen;
	key->blen = (uint16_t)raw.blen;
	memcpy(tl->material + ld->mat_used, raw.a, raw.alen);
	memcpy(tl->material + ld->mat_used + raw.alen, raw.b, raw.blen);
	ld->mat_used += raw.alen + raw.blen;
	tl->key_count++;
	return MCK_OK;
}

/* mck_json_each_fn: one element of "issuers". */
static int read_issuer(void *ctx, const cJSON *ji, size_t index)
{
	struct loader *ld = ctx;
	struct mck_trustlist *tl = ld->tl;
	struct mck_tl_issuer *is;
	const char *s[4] = {NULL, NULL, NULL, NULL};
	const char *status;
	const cJSON *keys;
	const cJSON *jk;
	uint32_t nth = 0;
	int rc;

	if (index >= UINT32_MAX / 4) {
		return say(ld, MCK_ERR_TOOBIG, "too many issuers or keys");
	}
	for (size_t n = 0; n < 4; n++) {
		rc = mck_json_string(ji, issuer_strings[n], &s[n]);
		if (rc < 0 || (n == 0 && rc == 0)) {
			return say(ld, MCK_ERR_JSON, "issuer #%zu: %s missing or not a string",
				   index + 1, issuer_strings[n]);
		}
	}
	if (mck_json_array(ji, "keys", &keys) != 1) {
		return say(ld, MCK_ERR_JSON, "issuer #%zu: keys is not an array", index + 1);
	}
	if (s[0][0] == '\0') {
		return say(ld, MCK_ERR_JSON, "issuer #%zu has an empty id", index + 1);
	}
	is = grow(tl->issuers, &ld->issuers_cap, index + 1, sizeof(*tl->issuers));
	if (is == NULL) {
		return MCK_ERR_NOMEM;
	}
	tl->issuers = is;
	uint32_t(*off)[4] = grow(ld->str_off, &ld->str_off_cap, index + 1, sizeof(*ld->str_off));
	if (off == NULL) {
		return MCK_ERR_NOMEM;
	}
	ld->str_off = off;
	is = &tl->issuers[index];
	memset(is, 0, sizeof(*is));
	for (size_t n = 0; n < 4; n++) {
		size_t len = s[n] != NULL ? strlen(s[n]) + 1 : 0;

		off[index][n] = 0;
		if (len == 0) {
			continue;
		}
		char *strings = ld->str_used + len < UINT32_MAX
					? grow(tl->strings, &ld->strings_cap, ld->str_used + len, 1)
					: NULL;
		if (strings == NULL) {
			return MCK_ERR_NOMEM;
		}
		tl->strings = strings;
		memcpy(tl->strings + ld->str_used, s[n], len);
		off[index][n] = (uint32_t)ld->str_used + 1;
		ld->str_used += len;
	}
	if (mck_json_string(ji, "status", &status) != 1) {
		return say(ld, MCK_ERR_JSON, "issuer \"%.80s\": no status", s[0]);
	}
	if (strcmp(status, "active") == 0) {
		is->status = MCK_ISSUER_ACTIVE;
	} else if (strcmp(status, "suspended") == 0) {
		is->status = MCK_ISSUER_SUSPENDED;
	} else if (strcmp(status, "withdrawn") == 0) {
		is->status = MCK_ISSUER_WITHDRAWN;
	} else {
		return say(ld, MCK_ERR_JSON, "issuer \"%.80s\": unknown status \"%.20s\"", s[0],
			   status);
	}
	rc = mck_json_time(ji, "statusSince", &is->status_since);
	if (rc < 0 || (rc == 0 && is->status != MCK_ISSUER_ACTIVE)) {
		return say(ld, MCK_ERR_JSON, "issuer \"%.80s\": statusSince missing or bad", s[0]);
	}
	is->first_key = (uint32_t)tl->key_count;
	cJSON_ArrayForEach(jk, keys) {
		if (tl->key_count >= UINT32_MAX / 4) {
			return say(ld, MCK_ERR_TOOBIG, "too many issuers or keys");
		}
		struct mck_tl_key *keys_grown =
			grow(tl->keys, &ld->keys_cap, tl->key_count + 1, sizeof(*tl->keys));
		if (keys_grown == NULL) {
			return MCK_ERR_NOMEM;
		}
		tl->keys = keys_grown;
		rc = read_key(ld, jk, s[0], (uint32_t)index, ++nth);
		if (rc != MCK_OK) {
			return rc;
		}
	}
	is->key_count = (uint32_t)tl->key_count - is->first_key;
	tl->issuer_count = index + 1;
	return MCK_OK;
}

static const char *string_at(const struct mck_trustlist *tl, uint32_t off)
{
	return off == 0 ? NULL : tl->strings + off - 1;
}

/* Everything read: strings in place, the hash tables, duplicates found in list order. */
static int finish(struct loader *ld)
{
	struct mck_trustlist *tl = ld->tl;
	size_t n = tl->issuer_count > tl->key_count ? tl->issuer_count : tl->key_count;
	size_t slots = 16;
	char kid[MCK_KID_LEN + 1];

	/* Give back what doubling reserved; +1 so that an empty list still owns its arrays. */
	void *shrunk = realloc(tl->strings, ld->str_used + 1);
	if (shrunk != NULL) {
		tl->strings = shrunk;
	}
	shrunk = realloc(tl->material, ld->mat_used + 1);
	if (shrunk != NULL) {
		tl->material = shrunk;
		tl->material_cap = ld->mat_used + 1;
	}
	shrunk = realloc(tl->issuers, (tl->issuer_count + 1) * sizeof(*tl->issuers));
	if (shrunk != NULL) {
		tl->issuers = shrunk;
	}
	shrunk = realloc(tl->keys, (tl->key_count + 1) * sizeof(*tl->keys));
	if (shrunk != NULL) {
		tl->keys = shrunk;
	}
	if (tl->strings == NULL || tl->material == NULL || tl->issuers == NULL ||
	    tl->keys == NULL) {
		return MCK_ERR_NOMEM;
	}
	tl->strings_len = ld->str_used;
	tl->material_len = ld->mat_used;
	for (size_t i = 0; i < tl->issuer_count; i++) {
		tl->issuers[i].id = string_at(tl, ld->str_off[i][0]);
		tl->issuers[i].name = string_at(tl, ld->str_off[i][1]);
		tl->issuers[i].country = string_at(tl, ld->str_off[i][2]);
		tl->issuers[i].quality_assurance = string_at(tl, ld->str_off[i][3]);
	}
	while (slots < 2 * n) {
		slots *= 2;
	}
	tl->index_mask = slots - 1;
	tl->issuer_index = calloc(slots, sizeof(uint32_t));
	tl->key_index = calloc(slots, sizeof(uint32_t));
	if (tl->issuer_index == NULL || tl->key_index == NULL) {
		return MCK_ERR_NOMEM;
	}
	for (uint32_t i = 0; i < tl->issuer_count; i++) {
		if (!index_issuer(tl, i)) {
			return say(ld, MCK_ERR_JSON, "issuer id \"%.80s\" is listed twice",
				   tl->issuers[i].id);
		}
	}
	for (uint32_t k = 0; k < tl->key_count; k++) {
		if (!index_key(tl, k)) {
			mck_kid_encode(tl->keys[k].thumb, kid);
			return say(ld, MCK_ERR_JSON, "kid %s is listed twice", kid);
		}
	}
	return MCK_OK;
}

/* The members besides "issuers", checked as before any issuer was read. */
static int read_header(struct loader *ld, const cJSON *root)
{
	struct mck_trustlist *tl = ld->tl;
	const char *type;
	const char *op;
	const cJSON *jop;
	const cJSON *issuers;
	int64_t version;
	int rc;

	if (mck_json_string(root, "type", &type) != 1 ||
	    strcmp(type, "MicroCredentialTrustList") != 0) {
		return say(ld, MCK_ERR_JSON, "type is not MicroCredentialTrustList");
	}
	if (mck_json_int(root, "version", 1, 1, &version) != 1) {
		return say(ld, MCK_ERR_JSON, "version is not 1");
	}
	if (mck_json_int(root, "sequence", 1, MCK_TIME_MAX, &tl->sequence) != 1) {
		return say(ld, MCK_ERR_JSON, "sequence missing or not an integer >= 1");
	}
	if (mck_json_time(root, "iat", &tl->iat) != 1 ||
	    mck_json_time(root, "nextUpdate", &tl->next_update) != 1 ||
	    tl->next_update <= tl->iat) {
		return say(ld, MCK_ERR_JSON, "iat/nextUpdate missing, bad or out of order");
	}
	rc = mck_json_object(root, "operator", &jop);
	if (rc < 0) {
		return say(ld, MCK_ERR_JSON, "operator is not an object");
	}
	if (rc == 1 && mck_json_string(jop, "name", &op) == 1) {
		tl->operator_name = mck__strdup(op);
		if (tl->operator_name == NULL) {
			return MCK_ERR_NOMEM;
		}
	}
	if (mck_json_array(root, "issuers", &issuers) != 1) {
		return say(ld, MCK_ERR_JSON, "issuers missing or not an array");
	}
	return MCK_OK;
}

/*
 * The payload into @p tl. An issuer's fault ends the parse where it is found;
 * the other members are checked once the text is read, and duplicate ids and
 * kids once every issuer is, so a list with several faults may name another
 * one first than when the whole tree was read ahead. Any fault refuses it all.
 */
static int read_list(struct mck_trustlist *tl, const uint8_t *payload, size_t plen, char *msg,
		     size_t cap)
{
	struct loader ld;
	cJSON *root = NULL;
	int rc;

	memset(&ld, 0, sizeof(ld));
	ld.tl = tl;
	ld.msg = msg;
	ld.cap = cap;
	rc = mck_json_parse_each(payload, plen, MCK_JSON_MAX_DEPTH, "issuers", read_issuer, &ld,
				 &root);
	if (rc == MCK_OK) {
		rc = read_header(&ld, root);
	}
	if (rc == MCK_OK) {
		rc = finish(&ld);
	}
	if (rc != MCK_OK && !ld.said) {
		mck__say(msg, cap, rc, "%s",
			 rc == MCK_ERR_JSON ? "trust list payload is not strict JSON"
					    : mck_strerror(rc));
	}
	cJSON_Delete(root);
	free(ld.str_off);
	return rc;
}

int mck__trustlist_check_signature(const struct mck_anchors *anchors, const struct mck_jws *jws,
				   const uint8_t *hash, size_t hlen, char *msg, size_t cap)
{
	if (jws->alg != MCK_ALG_ES256 && jws->alg != MCK_ALG_ES384) {
		return mck__say(msg, cap, MCK_ERR_SIGNATURE,
				"trust list alg must be ES256 or ES384");
	}
	if (!jws->kid_is_thumbprint) {
		return mck__say(msg, cap, MCK_ERR_SIGNATURE, "trust list kid is not a thumbprint");
	}
	for (size_t i = 0; i < anchors->count; i++) {
		if (memcmp(anchors->a[i].thumb, jws->thumb, MCK_SHA256_LEN) != 0) {
			continue;
		}
		if (mck_verify_hash(anchors->a[i].key, jws->alg, hash, hlen, jws->sig,
				    jws->sig_len) == MCK_OK) {
			return MCK_OK;
		}
		return mck__say(msg, cap, MCK_ERR_SIGNATURE,
				"trust list signature does not verify with its anchor");
	}
	return mck__say(msg, cap, MCK_ERR_SIGNATURE,
			"trust list is not signed by an installed anchor");
}

int mck_trustlist_load(struct mck_trustlist **out, const struct mck_anchors *anchors,
		       const char *text, size_t len, char *msg, size_t msgcap)
{
	struct mck_trustlist *tl = NULL;
	struct mck_jws *jws = NULL;
	enum mck_reason reason;
	uint8_t *payload = NULL;
	size_t cap;
	size_t plen;
	int rc = MCK_ERR_INTERNAL;

	*out = NULL;
	mck__say(msg, msgcap, 0, "%s", "");
	jws = malloc(sizeof(*jws));
	tl = calloc(1, sizeof(*tl));
	if (jws == NULL || tl == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	if (mck_jws_parse(jws, text, len, &reason, msg, msgcap) != 0) {
		rc = MCK_ERR_JSON;
		goto out;
	}
	/* Hashed once: the index keeps this digest, so a start need not hash the list again. */
	tl->hash_len = mck_hash_for(jws->alg, jws->text, jws->signed_len, tl->signed_hash);
	rc = mck__trustlist_check_signature(anchors, jws, tl->signed_hash, tl->hash_len, msg,
					    msgcap);
	if (rc != MCK_OK) {
		goto out;
	}
	cap = jws->zip ? MCK_TRUSTLIST_PAYLOAD_MAX : mck_b64url_decoded_len(jws->payload_b64_len);
	payload = malloc(cap + 1);
	if (payload == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	rc = mck_jws_payload(jws, payload, cap, &plen);
	if (rc != MCK_OK) {
		mck__say(msg, msgcap, rc, "trust list payload: %s", mck_strerror(rc));
		goto out;
	}
	rc = read_list(tl, payload, plen, msg, msgcap);
out:
	free(payload);
	free(jws);
	if (rc != MCK_OK) {
		mck_trustlist_destroy(tl);
		return rc;
	}
	*out = tl;
	return MCK_OK;
}

void mck_trustlist_destroy(struct mck_trustlist *tl)
{
	if (tl == NULL) {
		return;
	}
	mck__index_free(tl->lazy);
	free(tl->issuers);
	if (!tl->mapped) {
		/* A list attached to an index borrows these from the caller's mapping. */
		free(tl->operator_name);
		free(tl->keys);
		free(tl->strings);
		free(tl->material);
		free(tl->issuer_index);
		free(tl->key_index);
	}
	free(tl);
}

int64_t mck_trustlist_sequence(const struct mck_trustlist *tl)
{
	return tl->sequence;
}

int64_t mck_trustlist_iat(const struct mck_trustlist *tl)
{
	return tl->iat;
}

int64_t mck_trustlist_next_update(const struct mck_trustlist *tl)
{
	return tl->next_update;
}

const char *mck_trustlist_operator(const struct mck_trustlist *tl)
{
	return tl->operator_name;
}

size_t mck_trustlist_issuer_count(const struct mck_trustlist *tl)
{
	return tl->issuer_count;
}

size_t mck_trustlist_key_count(const struct mck_trustlist *tl)
{
	return tl->key_count;
}

const struct mck_tl_issuer *mck_trustlist_issuer_at(const struct mck_trustlist *tl, uint32_t i)
{
	if (tl->lazy != NULL) {
		return mck__index_issuer_at(tl, i);
	}
	return i < tl->issuer_count ? &tl->issuers[i] : NULL;
}

void mck_trustlist_key_raw(const struct mck_trustlist *tl, const struct mck_tl_key *key,
			   struct mck_key_raw *raw)
{
	if (tl->lazy != NULL) {
		mck__index_key_raw(tl, key, raw);
		return;
	}
	memset(raw, 0, sizeof(*raw));
	raw->type = key->type;
	raw->alen = key->alen;
	raw->blen = key->blen;
	memcpy(raw->a, tl->material + key->material, key->alen);
	memcpy(raw->b, tl->material + key->material + key->alen, key->blen);
}

bool mck__trustlist_unusable(const struct mck_trustlist *tl)
{
	return tl->lazy != NULL && mck__index_broken(tl);
}

int mck__trustlist_key_for(const struct mck_trustlist *tl, const struct mck_jws *jws,
			   const struct mck_tl_key **key, enum mck_reason *reason)
{
	*key = NULL;
	if (!jws->kid_is_thumbprint || (*key = mck_trustlist_find_key(tl, jws->thumb)) == NULL) {
		/* A list that can answer nothing must not call a credential's key unknown. */
		*reason = mck__trustlist_unusable(tl) ? MCK_REASON_TRUSTLIST_INVALID
						      : MCK_REASON_KEY_UNKNOWN;
		return -1;
	}
	if (!mck_alg_fits_key(jws->alg, (*key)->type) ||
	    ((*key)->alg != 0 && (*key)->alg != jws->alg)) {
		*key = NULL;
		*reason = MCK_REASON_ALG_NOT_ALLOWED;
		return -1;
	}
	return 0;
}
