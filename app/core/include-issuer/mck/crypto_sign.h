/*
 * Keys that sign, and signing (issuer side: mcissue, tests, benchmarks). In
 * mck_crypto_sign, which only mck_issuer links: never needed to verify, never
 * in a kiosk program.
 */
#ifndef MCK_CRYPTO_SIGN_H
#define MCK_CRYPTO_SIGN_H

#include <stddef.h>
#include <stdint.h>

#include "mck/crypto.h"

struct mck_privkey;

/** Generate a key of @p type (RSA: 2048 bits, e = 65537). */
int mck_privkey_generate(struct mck_privkey **out, enum mck_key_type type);

/** Parse a PEM private key (PKCS#8, SEC1 or PKCS#1, unencrypted). */
int mck_privkey_from_pem(struct mck_privkey **out, const char *pem, size_t len);

/**
 * Write the private key as PEM into @p buf (NUL-terminated).
 * Returns MCK_OK or MCK_ERR_TOOBIG.
 */
int mck_privkey_to_pem(const struct mck_privkey *key, char *buf, size_t cap);

/** Write the public half as PEM SubjectPublicKeyInfo. */
int mck_privkey_public_pem(const struct mck_privkey *key, char *buf, size_t cap);

/** Raw public components of a private key. */
int mck_privkey_export_public(const struct mck_privkey *key, struct mck_key_raw *raw);

enum mck_key_type mck_privkey_type(const struct mck_privkey *key);

/**
 * Sign @p msg for JWS; writes raw R||S for ES*, and the RSA signature for RS/PS.
 * Returns MCK_OK, MCK_ERR_ALG, MCK_ERR_TOOBIG, MCK_ERR_RANDOM.
 */
int mck_sign(const struct mck_privkey *key, enum mck_alg alg, const uint8_t *msg, size_t msglen,
	     uint8_t *sig, size_t cap, size_t *siglen);

/** Frees and wipes @p key; accepts NULL. */
void mck_privkey_destroy(struct mck_privkey *key);

#endif
