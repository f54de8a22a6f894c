/* The verification pipeline: every check, in order, failing closed. */
#include "mck/verify.h"

#include <stdlib.h>
#include <string.h>

#include "jws.h"
#include "mck/err.h"

#include "internal.h"

struct cached_key {
	bool used;
	uint8_t thumb[MCK_SHA256_LEN];
	struct mck_pubkey *key;
};

struct mck_verifier {
	struct mck_verifier_cfg cfg;
	struct cached_key cache[MCK_KEY_CACHE];
	unsigned next_victim;
	/* Buffers of one scan, allocated once: memory does not grow per scan. */
	struct mck_jws jws;
	struct mck_qrtext single;
	char text[MCK_JWS_TEXT_MAX + 1];
	uint8_t payload[MCK_PAYLOAD_MAX + 1];
};

struct mck_verifier *mck_verifier_create(const struct mck_verifier_cfg *cfg)
{
	struct mck_verifier *v;

	if (cfg == NULL || cfg->trust == NULL) {
		return NULL;
	}
	v = calloc(1, sizeof(*v));
	if (v != NULL) {
		v->cfg = *cfg;
	}
	return v;
}

void mck_verifier_destroy(struct mck_verifier *v)
{
	if (v == NULL) {
		return;
	}
	for (size_t i = 0; i < MCK_KEY_CACHE; i++) {
		mck_pubkey_destroy(v->cache[i].key);
	}
	mck_zeroize(v, sizeof(*v));
	free(v);
}

/* A prepared key for a trust-list key: from the cache, or built and cached. */
static const struct mck_pubkey *prepared_key(struct mck_verifier *v, const struct mck_tl_key *k)
{
	struct mck_key_raw raw;
	struct cached_key *slot;

	for (size_t i = 0; i < MCK_KEY_CACHE; i++) {
		if (v->cache[i].used && memcmp(v->cache[i].thumb, k->thumb, MCK_SHA256_LEN) == 0) {
			return v->cache[i].key;
		}
	}
	slot = &v->cache[v->next_victim];
	v->next_victim = (v->next_victim + 1) % MCK_KEY_CACHE;
	mck_pubkey_destroy(slot->key);
	memset(slot, 0, sizeof(*slot));
	mck_trustlist_key_raw(v->cfg.trust, k, &raw);
	if (mck_pubkey_create(&slot->key, &raw) != MCK_OK) {
		return NULL;
	}
	memcpy(slot->thumb, k->thumb, MCK_SHA256_LEN);
	slot->used = true;
	return slot->key;
}

void mck_result_set(struct mck_result *res, enum mck_reason reason, const char *detail)
{
	mck_result_free(res);
	res->reasons = MCK_REASON_BIT(reason);
	res->verdict = mck_verdict_of(res->reasons);
	if (reason == MCK_REASON_NOT_A_CREDENTIAL) {
		res->shown = MCK_SHOWN_TEXT;
	}
	if (detail != NULL) {
		mck__say(res->detail, sizeof(res->detail), 0, "%s", detail);
	}
}

void mck_result_free(struct mck_result *res)
{
	if (res == NULL) {
		return;
	}
	mck_credential_free(&res->cred);
	memset(res, 0, sizeof(*res));
	res->verdict = MCK_VERDICT_INVALID;
}

static void add(struct mck_result *res, enum mck_reason r)
{
	res->reasons |= MCK_REASON_BIT(r);
}

enum mck_time_source mck_verifier_time(const struct mck_verifier_cfg *cfg, int64_t given,
				       int64_t *now)
{
	int64_t iat = mck_trustlist_iat(cfg->trust);
	bool from_state = cfg->trusted_time > iat;

	*now = given;
	if (given >= iat && given >= cfg->trusted_time) {
		return MCK_TIME_GIVEN;
	}
	*now = from_state ? cfg->trusted_time : iat;
	return from_state ? MCK_TIME_TRUSTED : MCK_TIME_TRUSTLIST;
}

/* Steps 6–8, on a credential whose signature and issuer are established. */
static void check_acceptance(struct mck_verifier *v, const struct mck_tl_key *key,
			     struct mck_result *res)
{
	const struct mck_trustlist *tl = v->cfg.trust;
	const struct mck_credential *c = &res->cred;
	const struct mck_tl_issuer *is = res->issuer;
	int64_t next = mck_trustlist_next_update(tl);
	struct mck_status_ref ref;

	/* No battery clock: a time before the list was made cannot be right. */
	res->time_source = mck_verifier_time(&v->cfg, res->now, &res->now);
	if (res->time_source != MCK_TIME_GIVEN) {
		add(res, MCK_REASON_CLOCK_UNSET);
	}
	if ((key->has_not_before && c->nbf < key->not_before) ||
	    (key->has_not_after && c->nbf > key->not_after)) {
		add(res, MCK_REASON_KEY_NOT_VALID_AT_ISSUANCE);
	}
	if (is->status != MCK_ISSUER_ACTIVE) {
		if (c->nbf >= is->status_since) {
			add(res, is->status == MCK_ISSUER_SUSPENDED ? MCK_REASON_ISSUER_SUSPENDED
								    : MCK_REASON_ISSUER_WITHDRAWN);
		} else {
			add(res, MCK_REASON_ISSUER_STATUS_CHANGED);
		}
	}
	if (res->now > next && res->now - next > v->cfg.grace_seconds) {
		add(res, MCK_REASON_TRUSTLIST_EXPIRED);
	} else if (res->now > next) {
		add(res, MCK_REASON_TRUSTLIST_STALE);
	}
	if (c->nbf > res->now + MCK_SKEW_SECONDS) {
		add(res, MCK_REASON_NOT_YET_VALID);
	}
	if (c->has_exp && c->exp <= res->now) {
		add(res, MCK_REASON_EXPIRED);
	}
	for (size_t i = 0; mck_credential_status(c, i, &ref) == 1; i++) {
		const struct mck_statuslist *list =
			v->cfg.status != NULL
				? mck_statusset_find(v->cfg.status, ref.list_id, c->iss)
				: NULL;
		int bit = list != NULL ? mck_statuslist_bit(list, ref.index) : -1;

		if (bit < 0) {
			add(res, MCK_REASON_STATUS_UNKNOWN);
			continue;
		}
		if (bit == 1) {
			add(res, MCK_REASON_REVOKED);
		}
		if (list->has_exp && list->exp <= res->now) {
			add(res, MCK_REASON_REVOCATION_LIST_STALE);
		}
	}
	if (c->missing != 0) {
		add(res, MCK_REASON_INCOMPLETE);
	}
}

/* Steps 1–5. Returns 0 with res->cred and res->issuer set, or -1 with a reason. */
static int authenticate(struct mck_verifier *v, const struct mck_qrtext *texts,
			const struct mck_tl_key **key, struct mck_result *res)
{
	const struct mck_trustlist *tl = v->cfg.trust;
	const struct mck_pubkey *pk;
	enum mck_reason reason = MCK_REASON_MALFORMED;
	size_t len;
	int rc;

	if (mck_qrtext_assemble(texts, v->text, sizeof(v->text), &len, &reason) != 0 ||
	    mck_jws_parse(&v->jws, v->text, len, &reason, res->detail, sizeof(res->detail)) != 0 ||
	    mck__trustlist_key_for(tl, &v->jws, key, &reason) != 0) {
		add(res, reason);
		return -1;
	}
	pk = prepared_key(v, *key);
	if (pk == NULL || mck_jws_verify(&v->jws, pk) != MCK_OK) {
		add(res, MCK_REASON_SIGNATURE_INVALID);
		return -1;
	}
	rc = mck_jws_payload(&v->jws, v->payload, MCK_PAYLOAD_MAX, &len);
	if (rc != MCK_OK) {
		add(res,
		    rc == MCK_ERR_TOOBIG ? MCK_REASON_PAYLOAD_TOO_LARGE : MCK_REASON_MALFORMED);
		mck__say(res->detail, sizeof(res->detail), 0, "payload: %s", mck_strerror(rc));
		return -1;
	}
	rc = mck_credential_parse(&res->cred, v->payload, len, res->detail, sizeof(res->detail));
	mck_zeroize(v->payload, len);
	if (rc != MCK_OK) {
		add(res, MCK_REASON_MALFORMED);
		return -1;
	}
	res->issuer = mck_trustlist_find_issuer(tl, res->cred.iss);
	if (res->issuer == NULL) {
		add(res, mck__trustlist_unusable(tl) ? MCK_REASON_TRUSTLIST_INVALID
						     : MCK_REASON_ISSUER_UNKNOWN);
		return -1;
	}
	if (mck_trustlist_issuer_at(tl, (*key)->issuer) != res->issuer) {
		add(res, MCK_REASON_KEY_ISSUER_MISMATCH);
		return -1;
	}
	/*
	 * The signature proves who issued it, not what it calls itself: the
	 * awarding body shown and matched is the operator's entry for iss.
	 */
	res->cred.issuer_name = res->issuer->name;
	res->cred.country = res->issuer->country;
	return 0;
}

void mck_verify_qr(struct mck_verifier *v, const struct mck_qrtext *texts, int64_t now,
		   struct mck_result *res)
{
	const struct mck_tl_key *key = NULL;

	memset(res, 0, sizeof(*res));
	res->verdict = MCK_VERDICT_INVALID;
	res->now = now;
	if (authenticate(v, texts, &key, res) == 0) {
		res->has_credential = true;
		check_acceptance(v, key, res);
	} else {
		mck_credential_free(&res->cred);
		res->issuer = NULL;
		/* The answer says what was shown instead: the first such code's kind
		 * and host, as the collector kept them (text if none was added). */
		if ((res->reasons & MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL)) != 0) {
			res->shown = texts->shown != MCK_SHOWN_NONE ? texts->shown : MCK_SHOWN_TEXT;
			memcpy(res->host, texts->host, sizeof(res->host));
		}
	}
	mck_zeroize(v->text, sizeof(v->text));
	res->verdict = mck_verdict_of(res->reasons);
	/* Fail closed: "valid" needs a verified credential and no reason at all. */
	if (res->verdict == MCK_VERDICT_VALID && (!res->has_credential || res->reasons != 0)) {
		res->verdict = MCK_VERDICT_INVALID;
	}
}

void mck_verify_text(struct mck_verifier *v, const char *text, size_t len, int64_t now,
		     struct mck_result *res)
{
	mck_qrtext_init(&v->single);
	(void)mck_qrtext_add(&v->single, text, len);
	mck_verify_qr(v, &v->single, now, res);
	mck_qrtext_free(&v->single);
}
