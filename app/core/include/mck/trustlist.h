/* Trust anchors and the signed trust list of awarding bodies (trust-list.md §1–3). */
#ifndef MCK_TRUSTLIST_H
#define MCK_TRUSTLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/crypto.h"

#define MCK_TRUSTLIST_PAYLOAD_MAX ((size_t)256 * 1024 * 1024) /* inflated */
#define MCK_ANCHORS_MAX           64

/* ---- Trust anchors: the trust-list operators' public keys. ---- */

struct mck_anchors; /* heap object */

struct mck_anchors *mck_anchors_create(void);
void mck_anchors_destroy(struct mck_anchors *a); /* accepts NULL */
/** Add one PEM public key (EC P-256/P-384 only). MCK_OK, MCK_ERR_KEY, MCK_ERR_TOOBIG. */
int mck_anchors_add_pem(struct mck_anchors *a, const char *pem, size_t len);
size_t mck_anchors_count(const struct mck_anchors *a);

/* ---- The trust list. ---- */

enum mck_issuer_status {
	MCK_ISSUER_ACTIVE = 0,
	MCK_ISSUER_SUSPENDED,
	MCK_ISSUER_WITHDRAWN,
};

struct mck_tl_issuer {
	const char *id;
	const char *name;              /* NULL when absent */
	const char *country;           /* NULL when absent */
	const char *quality_assurance; /* NULL when absent */
	enum mck_issuer_status status;
	int64_t status_since;
	uint32_t first_key;
	uint32_t key_count;
};

struct mck_tl_key {
	uint8_t thumb[MCK_SHA256_LEN];
	uint32_t issuer; /* index of its issuer */
	enum mck_key_type type;
	enum mck_alg alg; /* the one alg its JWK allows, 0 for any that fits the type */
	bool has_not_before;
	bool has_not_after;
	int64_t not_before;
	int64_t not_after;
	uint32_t material; /* offset of its raw components */
	uint16_t alen;
	uint16_t blen;
};

struct mck_trustlist; /* heap object, immutable once loaded */

/**
 * Verify a trust list JWS with @p anchors and load it, enforcing every rule of
 * trust-list.md §2. On any failure nothing is returned (the caller keeps the list
 * it had) and @p msg says why in one line.
 * Returns MCK_OK, MCK_ERR_SIGNATURE (no anchor verifies it), MCK_ERR_JSON (a
 * rule is broken), MCK_ERR_TOOBIG, MCK_ERR_NOMEM.
 */
int mck_trustlist_load(struct mck_trustlist **out, const struct mck_anchors *anchors,
		       const char *jws, size_t len, char *msg, size_t msgcap);
void mck_trustlist_destroy(struct mck_trustlist *tl); /* accepts NULL */

int64_t mck_trustlist_sequence(const struct mck_trustlist *tl);
int64_t mck_trustlist_iat(const struct mck_trustlist *tl);
int64_t mck_trustlist_next_update(const struct mck_trustlist *tl);
const char *mck_trustlist_operator(const struct mck_trustlist *tl); /* NULL when absent */
size_t mck_trustlist_issuer_count(const struct mck_trustlist *tl);
size_t mck_trustlist_key_count(const struct mck_trustlist *tl);

/* ---- The compiled index (docs/state.md): what a kiosk maps at start. ---- */

#define MCK_INDEX_VERSION 2

/**
 * Serialise a loaded list into a compact, position-independent index bound to
 * the JWS it was loaded from (@p jws, @p len: its signature, length and the
 * digest its signature was verified over are recorded), with a SHA-256 of
 * every 4 KiB page. *out is a new buffer (caller frees).
 * Returns MCK_OK, MCK_ERR_NOMEM, MCK_ERR_INVAL (not a list's JWS).
 */
int mck_trustlist_index_build(const struct mck_trustlist *tl, const char *jws, size_t len,
			      uint8_t **out, size_t *outlen);

/**
 * Recompute an index's page digests from its bytes (the build does this last;
 * the fuzz target does it after patching bytes, to reach the checks behind
 * the digests). MCK_OK, or MCK_ERR_INVAL when its header gives no layout of @p len.
 */
int mck_trustlist_index_seal(uint8_t *index, size_t len);

/**
 * Load a list from its compiled index instead of parsing it, reading little
 * more than a digest per 4 KiB page of it: verifies the operator's signature with
 * @p anchors over the digest the index records (taken of the whole JWS when
 * it was verified at install), checks the index was built from that very JWS
 * (signature, length), its page digests' digest and its header. Every other
 * page is checked when a lookup first reads it, and every offset, count and
 * table entry when it is used; a page that does not match makes the list
 * parse @p jws (verified in full) and answer from that (mck_trustlist_index_fault).
 * @p anchors, @p jws and @p index are borrowed until the list is destroyed.
 * Returns MCK_OK, MCK_ERR_SIGNATURE, MCK_ERR_ENCODING (a corrupt or foreign
 * index: fall back to mck_trustlist_load), MCK_ERR_NOMEM.
 */
int mck_trustlist_load_indexed(struct mck_trustlist **out, const struct mck_anchors *anchors,
			       const char *jws, size_t len, const uint8_t *index, size_t index_len,
			       char *msg, size_t msgcap);

/**
 * NULL while a list answers from its index (or was parsed); otherwise one line
 * on the damage found, and whether answers now come from the parsed JWS or
 * (it failed too) the list answers nothing: every key is then unknown, and the
 * verifier says trustlist_invalid.
 */
const char *mck_trustlist_index_fault(const struct mck_trustlist *tl);

/**
 * Check every page of an index-loaded list now, as lookups otherwise do on
 * first use. MCK_OK (intact, or not index-loaded), MCK_ERR_ENCODING (damage:
 * it answers from the parsed JWS now), MCK_ERR_SIGNATURE (and that failed).
 */
int mck_trustlist_index_check_all(const struct mck_trustlist *tl);

/** Issuer by exact id (hash lookup), or NULL. */
const struct mck_tl_issuer *mck_trustlist_find_issuer(const struct mck_trustlist *tl,
						      const char *id);
/** Key by RFC 7638 thumbprint (hash lookup), or NULL. */
const struct mck_tl_key *mck_trustlist_find_key(const struct mck_trustlist *tl,
						const uint8_t thumb[MCK_SHA256_LEN]);
const struct mck_tl_issuer *mck_trustlist_issuer_at(const struct mck_trustlist *tl, uint32_t i);
/** The key's raw components. */
void mck_trustlist_key_raw(const struct mck_trustlist *tl, const struct mck_tl_key *key,
			   struct mck_key_raw *raw);

#endif
