/*
 * Algorithms, hashes, public keys and signature checks over Mbed TLS. With
 * crypto_sign.c (the issuer side: key generation, private keys, signing, in
 * mck_crypto_sign), the only files that include its headers.
 *
 * Written against Mbed TLS 2.28; the 3.x differences are fenced with
 * MCK_MBEDTLS3 so that moving to 3.6 LTS is a rebuild.
 */
#include "crypto_impl.h"

#include "mck/err.h"

#include <stdlib.h>
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/sha256.h>

#define EC_MAX_BYTES    48 /* P-384 */
/* FIPS 186-5 §A.1.1 bounds e below 2^256; a bigger e only makes verification slow. */
#define RSA_MAX_E_BYTES 32
#define PEM_MAX_BYTES   (64u * 1024u)

/*
 * Verification needs non-const Mbed TLS contexts even though it does not change the
 * key, so the contexts sit behind a pointer (to storage in the same allocation):
 * a const struct mck_pubkey then reaches them without casting const away.
 */
struct pub_ctx {
	/* EC keys: the curve and Q, loaded once (fixed-point comb tables included). */
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	/* RSA keys. */
	mbedtls_pk_context pk;
};

struct mck_pubkey {
	enum mck_key_type type;
	size_t len; /* EC: bytes per coordinate; RSA: modulus bytes (= signature bytes) */
	struct pub_ctx *c;
	struct pub_ctx store;
};

/* Mbed TLS 3.x with MBEDTLS_USE_PSA_CRYPTO routes pk operations through PSA. */
int mck__crypto_ready(void)
{
#if MCK_MBEDTLS3 && defined(MBEDTLS_USE_PSA_CRYPTO)
	if (psa_crypto_init() != PSA_SUCCESS) {
		return MCK_ERR_INTERNAL;
	}
#endif
	return MCK_OK;
}

/* ---- algorithms ---- */

static const struct {
	enum mck_alg alg;
	const char *name;
	enum mck_key_type key;
	mbedtls_md_type_t md;
} algs[] = {
	{MCK_ALG_ES256, "ES256", MCK_KEY_EC_P256, MBEDTLS_MD_SHA256},
	{MCK_ALG_ES384, "ES384", MCK_KEY_EC_P384, MBEDTLS_MD_SHA384},
	{MCK_ALG_RS256, "RS256", MCK_KEY_RSA, MBEDTLS_MD_SHA256},
	{MCK_ALG_PS256, "PS256", MCK_KEY_RSA, MBEDTLS_MD_SHA256},
};

#define NALGS (sizeof(algs) / sizeof(algs[0]))

static size_t alg_index(enum mck_alg alg)
{
	size_t i;

	for (i = 0; i < NALGS; i++) {
		if (algs[i].alg == alg) {
			return i;
		}
	}
	return NALGS;
}

enum mck_alg mck_alg_from_name(const char *name, size_t len)
{
	size_t i;

	if (name == NULL) {
		return (enum mck_alg)0;
	}
	/* Case-sensitive and exact (RFC 7515 §4.1.1): "es256" or "ES256\0" are not ES256. */
	for (i = 0; i < NALGS; i++) {
		if (strlen(algs[i].name) == len && memcmp(algs[i].name, name, len) == 0) {
			return algs[i].alg;
		}
	}
	return (enum mck_alg)0;
}

const char *mck_alg_name(enum mck_alg alg)
{
	size_t i = alg_index(alg);

	return i < NALGS ? algs[i].name : NULL;
}

int mck_alg_fits_key(enum mck_alg alg, enum mck_key_type type)
{
	size_t i = alg_index(alg);

	return i < NALGS && algs[i].key == type;
}

mbedtls_md_type_t mck__crypto_alg_md(enum mck_alg alg)
{
	size_t i = alg_index(alg);

	return i < NALGS ? algs[i].md : MBEDTLS_MD_NONE;
}

/* ---- hashing ---- */

void mck_sha256(const void *data, size_t len, uint8_t out[MCK_SHA256_LEN])
{
#if MCK_MBEDTLS3
	int ret = mbedtls_sha256(data, len, out, 0);
#else
	int ret = mbedtls_sha256_ret(data, len, out, 0);
#endif
	/* Only a hardware back end can fail; a zero digest then matches nothing real. */
	if (ret != 0) {
		memset(out, 0, MCK_SHA256_LEN);
	}
}

struct mck_sha256 {
	mbedtls_sha256_context ctx;
	int ret; /* the first error of a hardware back end: the digest is then zero */
};

struct mck_sha256 *mck_sha256_begin(void)
{
	struct mck_sha256 *h = malloc(sizeof(*h));

	if (h == NULL) {
		return NULL;
	}
	mbedtls_sha256_init(&h->ctx);
#if MCK_MBEDTLS3
	h->ret = mbedtls_sha256_starts(&h->ctx, 0);
#else
	h->ret = mbedtls_sha256_starts_ret(&h->ctx, 0);
#endif
	return h;
}

void mck_sha256_add(struct mck_sha256 *h, const void *data, size_t len)
{
	if (h->ret == 0 && len > 0) {
#if MCK_MBEDTLS3
		h->ret = mbedtls_sha256_update(&h->ctx, data, len);
#else
		h->ret = mbedtls_sha256_update_ret(&h->ctx, data, len);
#endif
	}
}

void mck_sha256_end(struct mck_sha256 *h, uint8_t out[MCK_SHA256_LEN])
{
	if (h == NULL) {
		return;
	}
	if (h->ret == 0) {
#if MCK_MBEDTLS3
		h->ret = mbedtls_sha256_finish(&h->ctx, out);
#else
		h->ret = mbedtls_sha256_finish_ret(&h->ctx, out);
#endif
	}
	if (h->ret != 0) {
		memset(out, 0, MCK_SHA256_LEN);
	}
	mbedtls_sha256_free(&h->ctx);
	free(h);
}

/* Digest of @p msg for @p md into @p out (HASH_MAX_BYTES); returns its length or 0. */
size_t mck__crypto_hash(mbedtls_md_type_t md, const uint8_t *msg, size_t msglen, uint8_t *out)
{
	const mbedtls_md_info_t *info = mbedtls_md_info_from_type(md);

	if (info == NULL || mbedtls_md(info, msg, msglen, out) != 0) {
		return 0;
	}
	return mbedtls_md_get_size(info);
}

/* ---- raw components ---- */

int mck__crypto_ec_group(enum mck_key_type type, mbedtls_ecp_group_id *id, size_t *flen)
{
	switch (type) {
	case MCK_KEY_EC_P256:
		*id = MBEDTLS_ECP_DP_SECP256R1;
		*flen = 32;
		return MCK_OK;
	case MCK_KEY_EC_P384:
		*id = MBEDTLS_ECP_DP_SECP384R1;
		*flen = 48;
		return MCK_OK;
	case MCK_KEY_RSA:
		break;
	}
	return MCK_ERR_KEY;
}

/* x and y of @p q, each @p flen bytes, into raw->a and raw->b. */
static int ec_point_to_raw(const mbedtls_ecp_group *grp, const mbedtls_ecp_point *q, size_t flen,
			   struct mck_key_raw *raw)
{
	uint8_t buf[1 + 2 * EC_MAX_BYTES];
	size_t olen = 0;

	if (mbedtls_ecp_point_write_binary(grp, q, MBEDTLS_ECP_PF_UNCOMPRESSED, &olen, buf,
					   sizeof(buf)) != 0 ||
	    olen != 1 + 2 * flen) {
		return MCK_ERR_KEY;
	}
	memcpy(raw->a, buf + 1, flen);
	raw->alen = flen;
	memcpy(raw->b, buf + 1 + flen, flen);
	raw->blen = flen;
	return MCK_OK;
}

/* Big-endian @p x without leading zeros into @p out (capacity @p cap). */
static int mpi_to_raw(const mbedtls_mpi *x, uint8_t *out, size_t cap, size_t *len)
{
	size_t n = mbedtls_mpi_size(x);

	if (n == 0 || n > cap || mbedtls_mpi_write_binary(x, out, n) != 0) {
		return MCK_ERR_KEY;
	}
	*len = n;
	return MCK_OK;
}

static int rsa_to_raw(const mbedtls_rsa_context *rsa, struct mck_key_raw *raw)
{
	mbedtls_mpi n, e;
	int rc = MCK_ERR_KEY;

	mbedtls_mpi_init(&n);
	mbedtls_mpi_init(&e);
	if (mbedtls_rsa_export(rsa, &n, NULL, NULL, NULL, &e) != 0) {
		goto out;
	}
	rc = mpi_to_raw(&n, raw->a, sizeof(raw->a), &raw->alen);
	if (rc == MCK_OK) {
		rc = mpi_to_raw(&e, raw->b, sizeof(raw->b), &raw->blen);
	}
out:
	mbedtls_mpi_free(&n);
	mbedtls_mpi_free(&e);
	return rc;
}

/*
 * Exact bit length of the modulus. mbedtls_pk_get_bitlen rounds RSA keys up to whole
 * bytes (8 * len), so a 2047-bit modulus would pass as 2048.
 */
size_t mck__crypto_rsa_bits(const mbedtls_rsa_context *rsa)
{
	mbedtls_mpi n;
	size_t bits = 0;

	mbedtls_mpi_init(&n);
	if (mbedtls_rsa_export(rsa, &n, NULL, NULL, NULL, NULL) == 0) {
		bits = mbedtls_mpi_bitlen(&n);
	}
	mbedtls_mpi_free(&n);
	return bits;
}

/* The public half of a parsed key, with its type (P-256, P-384 or RSA; others fail). */
int mck__crypto_pk_to_raw(const mbedtls_pk_context *pk, struct mck_key_raw *raw)
{
	const mbedtls_ecp_keypair *ec;
	size_t flen = 0;

	memset(raw, 0, sizeof(*raw));
	switch (mbedtls_pk_get_type(pk)) {
	case MBEDTLS_PK_RSA:
		raw->type = MCK_KEY_RSA;
		return rsa_to_raw(mbedtls_pk_rsa(*pk), raw);
	case MBEDTLS_PK_ECKEY:
	case MBEDTLS_PK_ECDSA:
		ec = mbedtls_pk_ec(*pk);
		switch (ec->MBEDTLS_PRIVATE(grp).id) {
		case MBEDTLS_ECP_DP_SECP256R1:
			raw->type = MCK_KEY_EC_P256;
			flen = 32;
			break;
		case MBEDTLS_ECP_DP_SECP384R1:
			raw->type = MCK_KEY_EC_P384;
			flen = 48;
			break;
		default:
			return MCK_ERR_KEY;
		}
		return ec_point_to_raw(&ec->MBEDTLS_PRIVATE(grp), &ec->MBEDTLS_PRIVATE(Q), flen,
				       raw);
	default:
		return MCK_ERR_KEY;
	}
}

/* ---- public keys ---- */

static int pubkey_ec(struct mck_pubkey *key, const struct mck_key_raw *raw)
{
	uint8_t buf[1 + 2 * EC_MAX_BYTES];
	mbedtls_ecp_group_id id = MBEDTLS_ECP_DP_NONE;
	size_t flen = 0;

	if (mck__crypto_ec_group(raw->type, &id, &flen) != MCK_OK || raw->alen != flen ||
	    raw->blen != flen) {
		return MCK_ERR_KEY;
	}
	buf[0] = 0x04;
	memcpy(buf + 1, raw->a, flen);
	memcpy(buf + 1 + flen, raw->b, flen);
	/* read_binary sets Z = 1; check_pubkey rejects coordinates >= p and off-curve points. */
	if (mbedtls_ecp_group_load(&key->c->grp, id) != 0 ||
	    mbedtls_ecp_point_read_binary(&key->c->grp, &key->c->q, buf, 1 + 2 * flen) != 0 ||
	    mbedtls_ecp_check_pubkey(&key->c->grp, &key->c->q) != 0) {
		return MCK_ERR_KEY;
	}
	key->len = flen;
	return MCK_OK;
}

/* Leading zero bytes are skipped: only the value counts. */
static const uint8_t *skip_zeros(const uint8_t *p, size_t *len)
{
	while (*len > 0 && *p == 0) {
		p++;
		(*len)--;
	}
	return p;
}

static int pubkey_rsa(struct mck_pubkey *key, const struct mck_key_raw *raw)
{
	mbedtls_rsa_context *rsa;
	size_t nlen = raw->alen, elen = raw->blen, bits;
	const uint8_t *n, *e;

	if (nlen > sizeof(raw->a) || elen > sizeof(raw->b)) {
		return MCK_ERR_KEY;
	}
	n = skip_zeros(raw->a, &nlen);
	e = skip_zeros(raw->b, &elen);
	/*
	 * e must be odd and at least 3 (e = 1 makes every padded hash its own signature).
	 * e = 3 is accepted: Mbed TLS checks PKCS#1 v1.5 by re-encoding and comparing,
	 * so the Bleichenbacher 2006 forgery does not apply.
	 */
	if (nlen == 0 || elen == 0 || elen > RSA_MAX_E_BYTES || (e[elen - 1] & 1u) == 0 ||
	    (elen == 1 && e[0] < 3)) {
		return MCK_ERR_KEY;
	}
	if (mbedtls_pk_setup(&key->c->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_RSA)) != 0) {
		return MCK_ERR_NOMEM;
	}
	rsa = mbedtls_pk_rsa(key->c->pk);
	if (mbedtls_rsa_import_raw(rsa, n, nlen, NULL, 0, NULL, 0, NULL, 0, e, elen) != 0 ||
	    mbedtls_rsa_complete(rsa) != 0 || mbedtls_rsa_check_pubkey(rsa) != 0) {
		return MCK_ERR_KEY;
	}
	bits = mck__crypto_rsa_bits(rsa);
	if (bits < MCK_RSA_MIN_BITS || bits > MCK_RSA_MAX_BITS) {
		return MCK_ERR_KEY;
	}
	key->len = mbedtls_pk_get_len(&key->c->pk);
	return MCK_OK;
}

int mck_pubkey_create(struct mck_pubkey **out, const struct mck_key_raw *raw)
{
	struct mck_pubkey *key;
	int rc = MCK_ERR_INTERNAL;

	if (out == NULL) {
		return MCK_ERR_INVAL;
	}
	*out = NULL;
	if (raw == NULL) {
		return MCK_ERR_INVAL;
	}
	rc = mck__crypto_ready();
	if (rc != MCK_OK) {
		return rc;
	}
	key = calloc(1, sizeof(*key));
	if (key == NULL) {
		return MCK_ERR_NOMEM;
	}
	key->c = &key->store;
	key->type = raw->type;
	mbedtls_ecp_group_init(&key->c->grp);
	mbedtls_ecp_point_init(&key->c->q);
	mbedtls_pk_init(&key->c->pk);

	switch (raw->type) {
	case MCK_KEY_EC_P256:
	case MCK_KEY_EC_P384:
		rc = pubkey_ec(key, raw);
		break;
	case MCK_KEY_RSA:
		rc = pubkey_rsa(key, raw);
		break;
	default:
		rc = MCK_ERR_KEY;
		break;
	}
	if (rc != MCK_OK) {
		mck_pubkey_destroy(key);
		return rc;
	}
	*out = key;
	return MCK_OK;
}

/*
 * Mbed TLS takes PEM only with its terminating NUL counted, and reads a buffer
 * without one as DER: copy into a NUL-terminated buffer, and insist on a PEM header
 * so that DER never gets in through a PEM interface.
 */
int mck__crypto_pem_copy(const char *pem, size_t len, unsigned char **buf)
{
	static const char begin[] = "-----BEGIN ";
	unsigned char *p;

	*buf = NULL;
	if (pem == NULL || len == 0 || len >= PEM_MAX_BYTES) {
		return MCK_ERR_KEY;
	}
	p = malloc(len + 1);
	if (p == NULL) {
		return MCK_ERR_NOMEM;
	}
	memcpy(p, pem, len);
	p[len] = '\0';
	if (strlen((const char *)p) != len || strstr((const char *)p, begin) == NULL) {
		mck_zeroize(p, len);
		free(p);
		return MCK_ERR_KEY;
	}
	*buf = p;
	return MCK_OK;
}

int mck_pubkey_from_pem(struct mck_pubkey **out, const char *pem, size_t len)
{
	struct mck_key_raw raw;
	mbedtls_pk_context pk;
	unsigned char *buf = NULL;
	int rc = MCK_ERR_INTERNAL;

	if (out == NULL) {
		return MCK_ERR_INVAL;
	}
	*out = NULL;
	rc = mck__crypto_ready();
	if (rc != MCK_OK) {
		return rc;
	}
	rc = mck__crypto_pem_copy(pem, len, &buf);
	if (rc != MCK_OK) {
		return rc;
	}
	mbedtls_pk_init(&pk);
	if (mbedtls_pk_parse_public_key(&pk, buf, len + 1) != 0) {
		rc = MCK_ERR_KEY;
		goto out;
	}
	/* Through the raw form, so that both constructors apply the same checks. */
	rc = mck__crypto_pk_to_raw(&pk, &raw);
	if (rc == MCK_OK) {
		rc = mck_pubkey_create(out, &raw);
	}
out:
	mbedtls_pk_free(&pk);
	free(buf);
	return rc;
}

int mck_pubkey_export(const struct mck_pubkey *key, struct mck_key_raw *raw)
{
	if (key == NULL || raw == NULL) {
		return MCK_ERR_INVAL;
	}
	memset(raw, 0, sizeof(*raw));
	raw->type = key->type;
	if (key->type == MCK_KEY_RSA) {
		return rsa_to_raw(mbedtls_pk_rsa(key->c->pk), raw);
	}
	return ec_point_to_raw(&key->c->grp, &key->c->q, key->len, raw);
}

enum mck_key_type mck_pubkey_type(const struct mck_pubkey *key)
{
	return key != NULL ? key->type : (enum mck_key_type)0;
}

void mck_pubkey_destroy(struct mck_pubkey *key)
{
	if (key == NULL) {
		return;
	}
	mbedtls_ecp_point_free(&key->c->q);
	mbedtls_ecp_group_free(&key->c->grp);
	mbedtls_pk_free(&key->c->pk);
	free(key);
}

/* ---- verification ---- */

static int verify_ecdsa(const struct mck_pubkey *key, const uint8_t *hash, size_t hlen,
			const uint8_t *sig, size_t siglen)
{
	mbedtls_mpi r, s;
	int rc = MCK_ERR_SIGNATURE;

	/* JWS uses fixed-width R||S (RFC 7518 §3.4); DER or any other length is not it. */
	if (siglen != 2 * key->len) {
		return MCK_ERR_SIGNATURE;
	}
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	if (mbedtls_mpi_read_binary(&r, sig, key->len) != 0 ||
	    mbedtls_mpi_read_binary(&s, sig + key->len, key->len) != 0) {
		goto out;
	}
	/* 0 < r, s < n. mbedtls_ecdsa_verify checks this too; a cheap second fence. */
	if (mbedtls_mpi_cmp_int(&r, 1) < 0 || mbedtls_mpi_cmp_mpi(&r, &key->c->grp.N) >= 0 ||
	    mbedtls_mpi_cmp_int(&s, 1) < 0 || mbedtls_mpi_cmp_mpi(&s, &key->c->grp.N) >= 0) {
		goto out;
	}
	/* High-S signatures are valid ECDSA and are accepted, as RFC 7515 expects. */
	if (mbedtls_ecdsa_verify(&key->c->grp, hash, hlen, &key->c->q, &r, &s) == 0) {
		rc = MCK_OK;
	}
out:
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	return rc;
}

/*
 * The RSA functions are called directly, not through pk_verify / pk_verify_ext:
 * pk_verify picks the padding from the context's state rather than from the
 * algorithm, and in 3.x with MBEDTLS_USE_PSA_CRYPTO pk_verify_ext(RSASSA_PSS)
 * re-imports the key into PSA on every call and accepts any salt length.
 */
static int verify_rsa(const struct mck_pubkey *key, enum mck_alg alg, const uint8_t *hash,
		      size_t hlen, const uint8_t *sig, size_t siglen)
{
	mbedtls_rsa_context *rsa = mbedtls_pk_rsa(key->c->pk);
	int ret = -1;

	/* Exactly k bytes (RFC 8017 §8.1.2, §8.2.2): no short or padded signatures. */
	if (siglen != key->len || hlen != MCK_SHA256_LEN) {
		return MCK_ERR_SIGNATURE;
	}
	switch (alg) {
	case MCK_ALG_RS256:
#if MCK_MBEDTLS3
		ret = mbedtls_rsa_rsassa_pkcs1_v15_verify(rsa, MBEDTLS_MD_SHA256, MCK_SHA256_LEN,
							  hash, sig);
#else
		ret = mbedtls_rsa_rsassa_pkcs1_v15_verify(rsa, NULL, NULL, MBEDTLS_RSA_PUBLIC,
							  MBEDTLS_MD_SHA256, MCK_SHA256_LEN, hash,
							  sig);
#endif
		break;
	case MCK_ALG_PS256:
		/* MGF1 with SHA-256 and exactly 32 bytes of salt (RFC 7518 §3.5). */
#if MCK_MBEDTLS3
		ret = mbedtls_rsa_rsassa_pss_verify_ext(rsa, MBEDTLS_MD_SHA256, MCK_SHA256_LEN,
							hash, MBEDTLS_MD_SHA256, PSS_SALT_LEN, sig);
#else
		ret = mbedtls_rsa_rsassa_pss_verify_ext(rsa, NULL, NULL, MBEDTLS_RSA_PUBLIC,
							MBEDTLS_MD_SHA256, MCK_SHA256_LEN, hash,
							MBEDTLS_MD_SHA256, PSS_SALT_LEN, sig);
#endif
		break;
	case MCK_ALG_ES256:
	case MCK_ALG_ES384:
		break;
	}
	return ret == 0 ? MCK_OK : MCK_ERR_SIGNATURE;
}

size_t mck_hash_for(enum mck_alg alg, const void *msg, size_t len, uint8_t out[MCK_HASH_MAX])
{
	size_t i = alg_index(alg);

	if (i >= NALGS || (msg == NULL && len > 0)) {
		return 0;
	}
	return mck__crypto_hash(algs[i].md, msg, len, out);
}

int mck_verify_hash(const struct mck_pubkey *key, enum mck_alg alg, const uint8_t *hash,
		    size_t hlen, const uint8_t *sig, size_t siglen)
{
	const mbedtls_md_info_t *info;
	size_t i;
	int rc = MCK_ERR_SIGNATURE;

	if (key == NULL || sig == NULL || hash == NULL) {
		return MCK_ERR_SIGNATURE;
	}
	i = alg_index(alg);
	if (i >= NALGS || algs[i].key != key->type) {
		return MCK_ERR_ALG;
	}
	info = mbedtls_md_info_from_type(algs[i].md);
	if (info == NULL || hlen != mbedtls_md_get_size(info)) {
		return MCK_ERR_SIGNATURE;
	}
	switch (key->type) {
	case MCK_KEY_EC_P256:
	case MCK_KEY_EC_P384:
		rc = verify_ecdsa(key, hash, hlen, sig, siglen);
		break;
	case MCK_KEY_RSA:
		rc = verify_rsa(key, alg, hash, hlen, sig, siglen);
		break;
	}
	return rc;
}

int mck_verify(const struct mck_pubkey *key, enum mck_alg alg, const uint8_t *msg, size_t msglen,
	       const uint8_t *sig, size_t siglen)
{
	uint8_t hash[HASH_MAX_BYTES];
	size_t hlen;

	if (key == NULL || sig == NULL || (msg == NULL && msglen > 0)) {
		return MCK_ERR_SIGNATURE;
	}
	if (!mck_alg_fits_key(alg, key->type)) {
		return MCK_ERR_ALG;
	}
	hlen = mck_hash_for(alg, msg, msglen, hash);
	if (hlen == 0) {
		return MCK_ERR_SIGNATURE;
	}
	return mck_verify_hash(key, alg, hash, hlen, sig, siglen);
}

void mck_zeroize(void *buf, size_t len)
{
	if (buf != NULL && len > 0) {
		mbedtls_platform_zeroize(buf, len);
	}
}
