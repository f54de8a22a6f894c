/*
 * The only door to Mbed TLS: keys, hashes, signature checks.
 * Nothing outside crypto.c and crypto_sign.c includes an Mbed TLS header, so
 * moving from 2.28 to 3.6 touches two files. Making keys and signatures is
 * mck/crypto_sign.h, the issuer side's (mck_issuer), which no kiosk program links.
 */
#ifndef MCK_CRYPTO_H
#define MCK_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

enum mck_key_type {
	MCK_KEY_EC_P256 = 1,
	MCK_KEY_EC_P384,
	MCK_KEY_RSA,
};

/* The JWS algorithms MC1 allows. */
enum mck_alg {
	MCK_ALG_ES256 = 1,
	MCK_ALG_ES384,
	MCK_ALG_RS256,
	MCK_ALG_PS256,
};

#define MCK_SHA256_LEN   32
#define MCK_HASH_MAX     48  /* the longest digest an allowed alg signs: SHA-384 */
#define MCK_SIG_MAX      512 /* RSA-4096 */
#define MCK_RSA_MIN_BITS 2048
#define MCK_RSA_MAX_BITS 4096

/* Raw public key components, as in a JWK (big-endian, unpadded for RSA). */
struct mck_key_raw {
	enum mck_key_type type;
	/* EC: x and y, each exactly 32 (P-256) or 48 (P-384) bytes. */
	/* RSA: a = n (modulus), b = e (exponent), leading zero bytes stripped. */
	uint8_t a[MCK_RSA_MAX_BITS / 8];
	size_t alen;
	uint8_t b[MCK_RSA_MAX_BITS / 8];
	size_t blen;
};

/** Parse an "alg" value; returns 0 when it is not one MC1 allows. */
enum mck_alg mck_alg_from_name(const char *name, size_t len);
const char *mck_alg_name(enum mck_alg alg);
/** Whether @p alg is meant for keys of @p type (ES256: P-256, ES384: P-384, RS/PS: RSA). */
int mck_alg_fits_key(enum mck_alg alg, enum mck_key_type type);

/** SHA-256 of @p len bytes. */
void mck_sha256(const void *data, size_t len, uint8_t out[MCK_SHA256_LEN]);

/* SHA-256 of bytes that arrive in parts (a download): heap object. */
struct mck_sha256;

/** A new digest, or NULL when out of memory. */
struct mck_sha256 *mck_sha256_begin(void);
/** Add @p len bytes. */
void mck_sha256_add(struct mck_sha256 *h, const void *data, size_t len);
/** The digest into @p out; frees @p h (NULL: nothing, @p out untouched). */
void mck_sha256_end(struct mck_sha256 *h, uint8_t out[MCK_SHA256_LEN]);

/* A prepared public key: heap object, parse once, verify many times. */
struct mck_pubkey;

/**
 * Build a public key from raw components; checks the EC point is on the curve and
 * the RSA modulus is 2048..4096 bits with a sane exponent.
 * Returns MCK_OK, MCK_ERR_KEY (bad key), MCK_ERR_NOMEM.
 * The caller owns *out (mck_pubkey_destroy).
 */
int mck_pubkey_create(struct mck_pubkey **out, const struct mck_key_raw *raw);

/**
 * Parse a PEM SubjectPublicKeyInfo (EC P-256/P-384 or RSA). @p pem need not be
 * NUL-terminated. Returns MCK_OK, MCK_ERR_KEY, MCK_ERR_NOMEM.
 */
int mck_pubkey_from_pem(struct mck_pubkey **out, const char *pem, size_t len);

/** Raw components of a key (for its RFC 7638 thumbprint). */
int mck_pubkey_export(const struct mck_pubkey *key, struct mck_key_raw *raw);

enum mck_key_type mck_pubkey_type(const struct mck_pubkey *key);

/** Frees @p key; accepts NULL. */
void mck_pubkey_destroy(struct mck_pubkey *key);

/**
 * Verify a JWS signature over @p msg. ES256/ES384 signatures are raw R||S
 * (64 / 96 bytes); RS256 is PKCS#1 v1.5 / SHA-256; PS256 is PSS, SHA-256,
 * MGF1-SHA-256, salt 32. Returns MCK_OK, MCK_ERR_ALG (alg does not fit the key),
 * MCK_ERR_SIGNATURE (anything else that is not a valid signature).
 */
int mck_verify(const struct mck_pubkey *key, enum mck_alg alg, const uint8_t *msg, size_t msglen,
	       const uint8_t *sig, size_t siglen);

/**
 * The digest @p alg signs over @p msg (SHA-256, or SHA-384 for ES384) into
 * @p out; returns its length, 0 for an unknown alg.
 */
size_t mck_hash_for(enum mck_alg alg, const void *msg, size_t len, uint8_t out[MCK_HASH_MAX]);

/**
 * mck_verify given the message's digest (mck_hash_for) instead of the message:
 * for a digest computed once and kept, as the compiled trust-list index keeps
 * its list's. A @p hlen other than the alg's digest length is MCK_ERR_SIGNATURE.
 */
int mck_verify_hash(const struct mck_pubkey *key, enum mck_alg alg, const uint8_t *hash,
		    size_t hlen, const uint8_t *sig, size_t siglen);

/** Wipe @p len bytes so the compiler cannot skip it. */
void mck_zeroize(void *buf, size_t len);

#endif
