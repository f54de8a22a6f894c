/*
 * What the two halves of the Mbed TLS boundary share; not part of any API.
 *
 * crypto.c (algorithms, hashes, public keys, verification) is in every program;
 * crypto_sign.c (key generation, private keys, signing) only on the issuer side
 * (mck_crypto_sign). These two files, and only they, include Mbed TLS headers.
 */
#ifndef MCK_CRYPTO_IMPL_H
#define MCK_CRYPTO_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/ecp.h>
#include <mbedtls/md.h>
#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>
#include <mbedtls/version.h>

#include "mck/crypto.h"

#if MBEDTLS_VERSION_NUMBER >= 0x03000000
#define MCK_MBEDTLS3 1
#if defined(MBEDTLS_USE_PSA_CRYPTO)
#include <psa/crypto.h>
#endif
#else
#define MCK_MBEDTLS3 0
#endif

/* 3.x made struct fields private; 2.28 has no such macro. */
#ifndef MBEDTLS_PRIVATE
#define MBEDTLS_PRIVATE(member) member
#endif

#define HASH_MAX_BYTES 48 /* SHA-384 */
#define PSS_SALT_LEN   32 /* RFC 7518 §3.5: salt as long as the hash */

/** MCK_OK once Mbed TLS can be used (3.x with PSA needs psa_crypto_init first). */
int mck__crypto_ready(void);

/** The digest @p alg signs, or MBEDTLS_MD_NONE when @p alg is not one MC1 allows. */
mbedtls_md_type_t mck__crypto_alg_md(enum mck_alg alg);

/** Digest of @p msg for @p md into @p out (HASH_MAX_BYTES); returns its length or 0. */
size_t mck__crypto_hash(mbedtls_md_type_t md, const uint8_t *msg, size_t msglen, uint8_t *out);

/** The curve of an EC key type and its coordinate length; MCK_ERR_KEY for RSA. */
int mck__crypto_ec_group(enum mck_key_type type, mbedtls_ecp_group_id *id, size_t *flen);

/** Exact bit length of the modulus (0 when it cannot be read). */
size_t mck__crypto_rsa_bits(const mbedtls_rsa_context *rsa);

/** The public half of a parsed key, with its type (P-256, P-384 or RSA; others fail). */
int mck__crypto_pk_to_raw(const mbedtls_pk_context *pk, struct mck_key_raw *raw);

/**
 * A NUL-terminated heap copy of PEM text (*buf: wipe and free it), refused
 * unless it holds a PEM header and no NUL. MCK_OK, MCK_ERR_KEY, MCK_ERR_NOMEM.
 */
int mck__crypto_pem_copy(const char *pem, size_t len, unsigned char **buf);

#endif
