/* Bitstring Status Lists: verified against the trust list, GZIP with a cap. */
#include "mck/statuslist.h"

#include <stdlib.h>
#include <string.h>

#include "jws.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/inflate.h"
#include "mck/json.h"

#include "internal.h"

void mck_statusset_init(struct mck_statusset *set)
{
	memset(set, 0, sizeof(*set));
}

static void list_free(struct mck_statuslist *l)
{
	free(l->id);
	free(l->iss);
	free(l->bits);
	memset(l, 0, sizeof(*l));
}

void mck_statusset_free(struct mck_statusset *set)
{
	if (set == NULL) {
		return;
	}
	for (size_t i = 0; i < set->count; i++) {
		list_free(&set->lists[i]);
	}
	free(set->lists);
	memset(set, 0, sizeof(*set));
}

/* The signature, by a key the trust list gives to the list's own iss. */
static int check_signer(const struct mck_trustlist *tl, const struct mck_jws *jws,
			const struct mck_tl_key **key, char *msg, size_t cap)
{
	enum mck_reason reason;
	struct mck_key_raw raw;
	struct mck_pubkey *pk = NULL;
	int rc;

	if (mck__trustlist_key_for(tl, jws, key, &reason) != 0) {
		return mck__say(msg, cap, MCK_ERR_SIGNATURE, "signing key: %s",
				mck_reason_code(reason));
	}
	mck_trustlist_key_raw(tl, *key, &raw);
	rc = mck_pubkey_create(&pk, &raw);
	if (rc == MCK_OK) {
		rc = mck_jws_verify(jws, pk);
	}
	mck_pubkey_destroy(pk);
	if (rc != MCK_OK) {
		return mck__say(msg, cap, MCK_ERR_SIGNATURE, "signature does not verify");
	}
	return MCK_OK;
}

/*
 * Inflate into at most @p limit bytes: MCK_STATUS_MAX_BYTES, or less when the
 * set's budget has less room. The GZIP trailer's ISIZE says the size first, so
 * the bitstring is allocated to measure and a list over the limit is refused
 * without inflating it; zlib checks the trailer against what it inflates, so a
 * trailer that lies makes the stream fail, never a larger bitstring.
 */
static int decode_bits(struct mck_statuslist *l, const char *encoded, size_t limit, char *msg,
		       size_t cap)
{
	size_t elen = strlen(encoded);
	size_t zcap;
	size_t zlen;
	size_t isize;
	uint8_t *z;
	int rc;

	/* Multibase: 'u' is base64url without padding. */
	if (encoded[0] != 'u') {
		return mck__say(msg, cap, MCK_ERR_JSON, "encodedList is not multibase base64url");
	}
	zcap = mck_b64url_decoded_len(elen - 1);
	z = malloc(zcap + 1);
	if (z == NULL) {
		return MCK_ERR_NOMEM;
	}
	rc = mck_b64url_decode(encoded + 1, elen - 1, z, zcap, &zlen);
	if (rc != MCK_OK || zlen < 18) { /* a GZIP header and trailer take 18 bytes */
		free(z);
		return mck__say(msg, cap, MCK_ERR_JSON, "encodedList: %s",
				mck_strerror(MCK_ERR_ENCODING));
	}
	isize = (size_t)z[zlen - 4] | (size_t)z[zlen - 3] << 8 | (size_t)z[zlen - 2] << 16 |
		(size_t)z[zlen - 1] << 24;
	if (isize > limit) {
		free(z);
		if (limit < MCK_STATUS_MAX_BYTES) {
			return mck__say(msg, cap, MCK_ERR_TOOBIG,
					"status lists would inflate to over 64 MiB together");
		}
		return mck__say(msg, cap, MCK_ERR_TOOBIG, "encodedList: %s",
				mck_strerror(MCK_ERR_TOOBIG));
	}
	l->bits = malloc(isize > 0 ? isize : 1);
	if (l->bits == NULL) {
		free(z);
		return MCK_ERR_NOMEM;
	}
	rc = mck_inflate(MCK_INFLATE_GZIP, z, zlen, l->bits, isize, &l->nbytes);
	free(z);
	if (rc != MCK_OK) {
		/* More than its trailer says (TOOBIG here) is a corrupt stream too. */
		return mck__say(msg, cap, rc == MCK_ERR_NOMEM ? rc : MCK_ERR_JSON,
				"encodedList: %s",
				mck_strerror(rc == MCK_ERR_TOOBIG ? MCK_ERR_ENCODING : rc));
	}
	if (l->nbytes < MCK_STATUS_MIN_BYTES) {
		return mck__say(msg, cap, MCK_ERR_JSON, "bitstring is %zu bytes, under 16 KiB",
				l->nbytes);
	}
	return MCK_OK;
}

static int read_list(struct mck_statuslist *l, const cJSON *root, const struct mck_tl_issuer *owner,
		     size_t limit, char *msg, size_t cap)
{
	const char *iss;
	const char *id;
	const char *purpose;
	const char *encoded;
	const cJSON *vc;
	const cJSON *subject;
	int rc;

	if (mck_json_string(root, "iss", &iss) != 1 || strcmp(iss, owner->id) != 0) {
		return mck__say(msg, cap, MCK_ERR_SIGNATURE,
				"iss is not the awarding body that owns the signing key");
	}
	if (mck_json_time(root, "iat", &l->iat) != 1) {
		return mck__say(msg, cap, MCK_ERR_JSON, "iat missing or bad");
	}
	rc = mck_json_time(root, "exp", &l->exp);
	if (rc < 0) {
		return mck__say(msg, cap, MCK_ERR_JSON, "exp is bad");
	}
	l->has_exp = rc == 1;
	if (mck_json_object(root, "vc", &vc) != 1 || mck_json_string(vc, "id", &id) != 1 ||
	    mck_json_has_type(vc, "BitstringStatusListCredential") != 1 ||
	    mck_json_object(vc, "credentialSubject", &subject) != 1 ||
	    mck_json_string(subject, "encodedList", &encoded) != 1) {
		return mck__say(msg, cap, MCK_ERR_JSON,
				"not a BitstringStatusListCredential with id and encodedList");
	}
	if (mck_json_string(subject, "statusPurpose", &purpose) == 1 &&
	    strcmp(purpose, "revocation") != 0) {
		return mck__say(msg, cap, MCK_ERR_JSON, "statusPurpose \"%.20s\" is not revocation",
				purpose);
	}
	l->id = mck__strdup(id);
	l->iss = mck__strdup(iss);
	if (l->id == NULL || l->iss == NULL) {
		return MCK_ERR_NOMEM;
	}
	return decode_bits(l, encoded, limit, msg, cap);
}

int mck_statusset_add(struct mck_statusset *set, const struct mck_trustlist *tl, const char *text,
		      size_t len, char *msg, size_t msgcap)
{
	struct mck_jws *jws = NULL;
	const struct mck_tl_key *key = NULL;
	const struct mck_tl_issuer *owner;
	struct mck_statuslist l;
	enum mck_reason reason;
	uint8_t *payload = NULL;
	size_t pcap;
	size_t plen;
	cJSON *root = NULL;
	size_t room = MCK_STATUS_TOTAL_MAX_BYTES - set->total_bytes;
	int rc = MCK_ERR_INTERNAL;

	memset(&l, 0, sizeof(l));
	if (len > MCK_STATUS_JWS_MAX) {
		return mck__say(msg, msgcap, MCK_ERR_TOOBIG, "status list file too large");
	}
	if (set->count >= MCK_STATUS_LISTS_MAX) {
		return mck__say(msg, msgcap, MCK_ERR_TOOBIG,
				"more than %d status lists in one state", MCK_STATUS_LISTS_MAX);
	}
	if (room < MCK_STATUS_MIN_BYTES) {
		return mck__say(msg, msgcap, MCK_ERR_TOOBIG,
				"status lists would inflate to over 64 MiB together");
	}
	jws = malloc(sizeof(*jws));
	if (jws == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	if (mck_jws_parse(jws, text, len, &reason, msg, msgcap) != 0) {
		rc = MCK_ERR_JSON;
		goto out;
	}
	rc = check_signer(tl, jws, &key, msg, msgcap);
	if (rc != MCK_OK) {
		goto out;
	}
	/* What the payload can decode to, not the cap: a state loads up to 1,024 lists. */
	pcap = jws->zip ? MCK_STATUS_JWS_MAX : mck_b64url_decoded_len(jws->payload_b64_len);
	payload = malloc(pcap + 1);
	if (payload == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	rc = mck_jws_payload(jws, payload, pcap, &plen);
	if (rc == MCK_OK) {
		rc = mck_json_parse(payload, plen, MCK_JSON_MAX_DEPTH, &root);
	}
	if (rc != MCK_OK) {
		rc = mck__say(msg, msgcap, MCK_ERR_JSON, "payload is not strict JSON");
		goto out;
	}
	/* The key's issuer: none when the index broke after the key was found. */
	owner = mck_trustlist_issuer_at(tl, key->issuer);
	if (owner == NULL) {
		rc = mck__say(msg, msgcap, MCK_ERR_SIGNATURE, "signing key: %s",
			      mck_reason_code(MCK_REASON_TRUSTLIST_INVALID));
		goto out;
	}
	rc = read_list(&l, root, owner, room < MCK_STATUS_MAX_BYTES ? room : MCK_STATUS_MAX_BYTES,
		       msg, msgcap);
	if (rc != MCK_OK) {
		goto out;
	}
	if ((key->has_not_before && l.iat < key->not_before) ||
	    (key->has_not_after && l.iat > key->not_after)) {
		rc = mck__say(msg, msgcap, MCK_ERR_SIGNATURE, "signed outside the key's window");
		goto out;
	}
	/* trust-list.md §4: no honest list is signed after the trust list it depends on expires. */
	if (l.iat > mck_trustlist_next_update(tl)) {
		rc = mck__say(msg, msgcap, MCK_ERR_JSON,
			      "iat %lld is after the trust list's nextUpdate %lld",
			      (long long)l.iat, (long long)mck_trustlist_next_update(tl));
		goto out;
	}
	if (mck_statusset_find(set, l.id, l.iss) != NULL) {
		rc = mck__say(msg, msgcap, MCK_ERR_JSON, "a list with id \"%.80s\" is loaded twice",
			      l.id);
		goto out;
	}
	if (l.nbytes > room) { /* decode_bits' limit already holds it: fail closed */
		rc = mck__say(msg, msgcap, MCK_ERR_TOOBIG,
			      "status lists would inflate to over 64 MiB together");
		goto out;
	}
	struct mck_statuslist *grown = realloc(set->lists, (set->count + 1) * sizeof(l));
	if (grown == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	set->lists = grown;
	set->lists[set->count++] = l;
	set->total_bytes += l.nbytes;
	memset(&l, 0, sizeof(l));
	rc = MCK_OK;
out:
	list_free(&l);
	cJSON_Delete(root);
	free(payload);
	free(jws);
	return rc;
}

const struct mck_statuslist *mck_statusset_find(const struct mck_statusset *set, const char *id,
						const char *iss)
{
	for (size_t i = 0; i < set->count; i++) {
		if (strcmp(set->lists[i].id, id) == 0 && strcmp(set->lists[i].iss, iss) == 0) {
			return &set->lists[i];
		}
	}
	return NULL;
}

int mck_statuslist_bit(const struct mck_statuslist *list, uint64_t index)
{
	if (index / 8 >= list->nbytes) {
		return -1;
	}
	return (list->bits[index / 8] >> (7u - (unsigned)(index % 8))) & 1;
}
