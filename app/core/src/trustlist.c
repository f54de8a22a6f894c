/* Trust anchors and the trust list: verify, validate every rule, index. */
#include "mck/trustlist.h"

#include <stdlib.h>
#include <string.h>

#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/json.h"
#include "mck/jwk.h"
#include "mck/jws.h"

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

static uint64_t hash_string(const char *s)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */

	for (; *s != '\0'; s++) {
		h = (h ^ (uint8_t)*s) * 1099511628211u;
	}
	return h;
}

static uint64_t hash_thumb(const uint8_t *t)
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
	size_t slot = (size_t)hash_string(id) & tl->index_mask;
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
	size_t slot = (size_t)hash_thumb(thumb) & tl->index_mask;
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
	size_t slot = (size_t)hash_string(tl->issuers[i].id) & tl->index_mask;
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
	size_t slot = (size_t)hash_thumb(tl->keys[k].thumb) & tl->index_mask;
	while (tl->key_index[slot] != 0) {
		slot = (slot + 1) & tl->index_mask;
	}
	tl->key_index[slot] = k + 1;
	return true;
}

/* Sizes for one allocation of each table, from a first walk. */
struct sizes {
	size_t issuers;
	size_t keys;
	size_t strings;
};

static const char *const issuer_strings[] = {"id", "name", "country", "qualityAssurance"};

static int measure(const cJSON *issuers, struct sizes *sz, char *msg, size_t cap)
{
	const cJSON *is;
	const cJSON *keys;
	const cJSON *k;
	const char *s;

	memset(sz, 0, sizeof(*sz));
	cJSON_ArrayForEach(is, issuers) {
		sz->issuers++;
		for (size_t i = 0; i < 4; i++) {
			int rc = mck_json_string(is, issuer_strings[i], &s);
			if (rc < 0 || (i == 0 && rc == 0)) {
				return mck__say(msg, cap, MCK_ERR_JSON,
						"issuer #%zu: %s missing or not a string",
						sz->issuers, issuer_strings[i]);
			}
			if (rc == 1) {
				sz->strings += strlen(s) + 1;
			}
		}
		if (mck_json_array(is, "keys", &keys) != 1) {
			return mck__say(msg, cap, MCK_ERR_JSON, "issuer #%zu: keys is not an array",
					sz->issuers);
		}
		cJSON_ArrayForEach(k, keys) {
			sz->keys++;
		}
	}
	if (sz->issuers > UINT32_MAX / 4 || sz->keys > UINT32_MAX / 4) {
		return mck__say(msg, cap, MCK_ERR_TOOBIG, "too many issuers or keys");
	}
	return MCK_OK;
}

static const char *copy_string(struct mck_trustlist *tl, size_t *used, const char *s)
{
	size_t n = strlen(s) + 1;
	char *dst = tl->strings + *used;

	memcpy(dst, s, n);
	*used += n;
	return dst;
}

static int read_key(struct mck_trustlist *tl, const cJSON *jk, uint32_t issuer, uint32_t k,
		    size_t *mat_used, char *msg, size_t cap)
{
	struct mck_tl_key *key = &tl->keys[k];
	struct mck_key_raw raw;
	const char *kid;
	uint8_t claimed[MCK_SHA256_LEN];
	int rc;

	rc = mck_jwk_read(jk, &raw);
	if (rc == MCK_OK) {
		rc = mck_jwk_restriction(jk, &key->alg);
	}
	if (rc != MCK_OK) {
		return mck__say(msg, cap, MCK_ERR_JSON,
				"issuer \"%.80s\": key #%u is not a usable public key",
				tl->issuers[issuer].id, k - tl->issuers[issuer].first_key + 1);
	}
	mck_jwk_thumbprint(&raw, key->thumb);
	if (mck_json_string(jk, "kid", &kid) != 1 || mck_kid_decode(kid, claimed) != MCK_OK ||
	    memcmp(claimed, key->thumb, MCK_SHA256_LEN) != 0) {
		return mck__say(msg, cap, MCK_ERR_JSON,
				"issuer \"%.80s\": a kid is not the thumbprint of its key",
				tl->issuers[issuer].id);
	}
	rc = mck_json_time(jk, "notBefore", &key->not_before);
	key->has_not_before = rc == 1;
	if (rc >= 0) {
		rc = mck_json_time(jk, "notAfter", &key->not_after);
		key->has_not_after = rc == 1;
	}
	if (rc < 0) {
		return mck__say(msg, cap, MCK_ERR_JSON, "kid %.43s: bad notBefore/notAfter", kid);
	}
	key->issuer = issuer;
	key->type = raw.type;
	/* Grow the key material as needed: EC keys take 64 or 96 bytes, RSA up to 520. */
	if (tl->material_cap - *mat_used < raw.alen + raw.blen) {
		size_t grow = tl->material_cap * 2 + raw.alen + raw.blen;
		uint8_t *grown;

		if (grow > UINT32_MAX || (grown = realloc(tl->material, grow)) == NULL) {
			return MCK_ERR_NOMEM;
		}
		tl->material = grown;
		tl->material_cap = grow;
	}
	key->material = (uint32_t)*mat_used;
	key->alen = (uint16_t)raw.alen;
	key->blen = (uint16_t)raw.blen;
	memcpy(tl->material + *mat_used, raw.a, raw.alen);
	memcpy(tl->material + *mat_used + raw.alen, raw.b, raw.blen);
	*mat_used += raw.alen + raw.blen;
	if (!index_key(tl, k)) {
		return mck__say(msg, cap, MCK_ERR_JSON, "kid %.43s is listed twice", kid);
	}
	return MCK_OK;
}

static int read_issuer(struct mck_trustlist *tl, const cJSON *ji, uint32_t i, uint32_t *k,
		       size_t *str_used, size_t *mat_used, char *msg, size_t cap)
{
	struct mck_tl_issuer *is = &tl->issuers[i];
	const char *s[4] = {NULL, NULL, NULL, NULL};
	const char *status;
	const cJSON *keys;
	const cJSON *jk;
	int rc;

	for (size_t n = 0; n < 4; n++) {
		if (mck_json_string(ji, issuer_strings[n], &s[n]) == 1) {
			s[n] = copy_string(tl, str_used, s[n]);
		}
	}
	is->id = s[0];
	is->name = s[1];
	is->country = s[2];
	is->quality_assurance = s[3];
	if (is->id[0] == '\0') {
		return mck__say(msg, cap, MCK_ERR_JSON, "issuer #%u has an empty id", i + 1);
	}
	if (!index_issuer(tl, i)) {
		return mck__say(msg, cap, MCK_ERR_JSON, "issuer id \"%.80s\" is listed twice",
				is->id);
	}
	if (mck_json_string(ji, "status", &status) != 1) {
		return mck__say(msg, cap, MCK_ERR_JSON, "issuer \"%.80s\": no status", is->id);
	}
	if (strcmp(status, "active") == 0) {
		is->status = MCK_ISSUER_ACTIVE;
	} else if (strcmp(status, "suspended") == 0) {
		is->status = MCK_ISSUER_SUSPENDED;
	} else if (strcmp(status, "withdrawn") == 0) {
		is->status = MCK_ISSUER_WITHDRAWN;
	} else {
		return mck__say(msg, cap, MCK_ERR_JSON,
				"issuer \"%.80s\": unknown status \"%.20s\"", is->id, status);
	}
	rc = mck_json_time(ji, "statusSince", &is->status_since);
	if (rc < 0 || (rc == 0 && is->status != MCK_ISSUER_ACTIVE)) {
		return mck__say(msg, cap, MCK_ERR_JSON,
				"issuer \"%.80s\": statusSince missing or bad", is->id);
	}
	is->first_key = *k;
	(void)mck_json_array(ji, "keys", &keys); /* typed in measure() */
	cJSON_ArrayForEach(jk, keys) {
		rc = read_key(tl, jk, i, *k, mat_used, msg, cap);
		if (rc != MCK_OK) {
			return rc;
		}
		(*k)++;
	}
	is->key_count = *k - is->first_key;
	return MCK_OK;
}

static int read_list(struct mck_trustlist *tl, const cJSON *root, char *msg, size_t cap)
{
	const char *type;
	const char *op;
	const cJSON *jop;
	const cJSON *issuers;
	const cJSON *ji;
	int64_t version;
	struct sizes sz;
	size_t slots = 16;
	size_t str_used = 0;
	size_t mat_used = 0;
	uint32_t i = 0;
	uint32_t k = 0;
	int rc;

	if (mck_json_string(root, "type", &type) != 1 ||
	    strcmp(type, "MicroCredentialTrustList") != 0) {
		return mck__say(msg, cap, MCK_ERR_JSON, "type is not MicroCredentialTrustList");
	}
	if (mck_json_int(root, "version", 1, 1, &version) != 1) {
		return mck__say(msg, cap, MCK_ERR_JSON, "version is not 1");
	}
	if (mck_json_int(root, "sequence", 1, MCK_TIME_MAX, &tl->sequence) != 1) {
		return mck__say(msg, cap, MCK_ERR_JSON, "sequence missing or not an integer >= 1");
	}
	if (mck_json_time(root, "iat", &tl->iat) != 1 ||
	    mck_json_time(root, "nextUpdate", &tl->next_update) != 1 ||
	    tl->next_update <= tl->iat) {
		return mck__say(msg, cap, MCK_ERR_JSON,
				"iat/nextUpdate missing, bad or out of order");
	}
	rc = mck_json_object(root, "operator", &jop);
	if (rc < 0) {
		return mck__say(msg, cap, MCK_ERR_JSON, "operator is not an object");
	}
	if (rc == 1 && mck_json_string(jop, "name", &op) == 1) {
		tl->operator_name = mck__strdup(op);
		if (tl->operator_name == NULL) {
			return MCK_ERR_NOMEM;
		}
	}
	if (mck_json_array(root, "issuers", &issuers) != 1) {
		return mck__say(msg, cap, MCK_ERR_JSON, "issuers missing or not an array");
	}
	rc = measure(issuers, &sz, msg, cap);
	if (rc != MCK_OK) {
		return rc;
	}
	while (slots < 2 * (sz.issuers > sz.keys ? sz.issuers : sz.keys)) {
		slots *= 2;
	}
	tl->index_mask = slots - 1;
	tl->issuers = calloc(sz.issuers + 1, sizeof(*tl->issuers));
	tl->keys = calloc(sz.keys + 1, sizeof(*tl->keys));
	tl->strings = malloc(sz.strings + 1);
	tl->material_cap = sz.keys * 64 + 64;
	tl->material = malloc(tl->material_cap);
	tl->issuer_index = calloc(slots, sizeof(uint32_t));
	tl->key_index = calloc(slots, sizeof(uint32_t));
	if (tl->issuers == NULL || tl->keys == NULL || tl->strings == NULL ||
	    tl->material == NULL || tl->issuer_index == NULL || tl->key_index == NULL) {
		return MCK_ERR_NOMEM;
	}
	cJSON_ArrayForEach(ji, issuers) {
		rc = read_issuer(tl, ji, i, &k, &str_used, &mat_used, msg, cap);
		if (rc != MCK_OK) {
			return rc;
		}
		i++;
	}
	tl->issuer_count = i;
	tl->key_count = k;
	tl->strings_len = str_used;
	tl->material_len = mat_used;
	/* Give back what doubling reserved. */
	uint8_t *shrunk = realloc(tl->material, mat_used + 1);
	if (shrunk != NULL) {
		tl->material = shrunk;
		tl->material_cap = mat_used + 1;
	}
	return MCK_OK;
}

int mck__trustlist_check_signature(const struct mck_anchors *anchors, const struct mck_jws *jws,
				   char *msg, size_t cap)
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
		if (mck_jws_verify(jws, anchors->a[i].key) == MCK_OK) {
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
	cJSON *root = NULL;
	struct mck_json_arena arena;
	bool in_arena = false;
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
	rc = mck__trustlist_check_signature(anchors, jws, msg, msgcap);
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
	mck_json_arena_begin(&arena);
	in_arena = true;
	rc = mck_json_parse(payload, plen, MCK_JSON_MAX_DEPTH, &root);
	if (rc != MCK_OK) {
		mck__say(msg, msgcap, rc, "trust list payload is not strict JSON");
		goto out;
	}
	free(payload);
	payload = NULL;
	rc = read_list(tl, root, msg, msgcap);
out:
	if (in_arena) {
		/* The tree lives in the arena; read_list copied what it keeps. */
		mck_json_arena_end(&arena);
	} else {
		cJSON_Delete(root);
	}
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
	return i < tl->issuer_count ? &tl->issuers[i] : NULL;
}

void mck_trustlist_key_raw(const struct mck_trustlist *tl, const struct mck_tl_key *key,
			   struct mck_key_raw *raw)
{
	memset(raw, 0, sizeof(*raw));
	raw->type = key->type;
	raw->alen = key->alen;
	raw->blen = key->blen;
	memcpy(raw->a, tl->material + key->material, key->alen);
	memcpy(raw->b, tl->material + key->material + key->alen, key->blen);
}

int mck__trustlist_key_for(const struct mck_trustlist *tl, const struct mck_jws *jws,
			   const struct mck_tl_key **key, enum mck_reason *reason)
{
	*key = NULL;
	if (!jws->kid_is_thumbprint || (*key = mck_trustlist_find_key(tl, jws->thumb)) == NULL) {
		*reason = MCK_REASON_KEY_UNKNOWN;
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
