/*
 * The issuer side of the Mbed TLS boundary: key generation, private keys and
 * signing (mck_crypto_sign, linked into mck_issuer only). No program of the
 * appliance links it, so a kiosk holds no code that can make a key or a
 * signature (tests/no_signing.sh checks the programs' symbols).
 *
 * Written against Mbed TLS 2.28; the 3.x differences are fenced with
 * MCK_MBEDTLS3 so that moving to 3.6 LTS is a rebuild.
 */
#include "crypto_impl.h"

#include "mck/crypto_sign.h"
#include "mck/err.h"

#include <stdlib.h>
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/entropy.h>

struct mck_privkey {
	enum mck_key_type type;
	size_t len;
	mbedtls_pk_context *pk; /* points at store, as in struct mck_pubkey */
	mbedtls_pk_context store;
};

/* ---- random numbers ---- */

struct rng {
	mbedtls_entropy_context entropy;
	mbedtls_ctr_drbg_context drbg;
};

/* A fresh DRBG per operation: signing is rare, and no global state is needed. */
static int rng_init(struct rng *r)
{
	static const char pers[] = "mck crypto";

	mbedtls_entropy_init(&r->entropy);
	mbedtls_ctr_drbg_init(&r->drbg);
	if (mbedtls_ctr_drbg_seed(&r->drbg, mbedtls_entropy_func, &r->entropy,
				  (const unsigned char *)pers, sizeof(pers) - 1) != 0) {
		return MCK_ERR_RANDOM;
	}
	return MCK_OK;
}

static void rng_free(struct rng *r)
{
	mbedtls_ctr_drbg_free(&r->drbg);
	mbedtls_entropy_free(&r->entropy);
}

/* ---- private keys ---- */

static struct mck_privkey *privkey_new(void)
{
	struct mck_privkey *key = calloc(1, sizeof(*key));

	if (key != NULL) {
		key->pk = &key->store;
		mbedtls_pk_init(key->pk);
	}
	return key;
}

/* Type and length of a parsed or generated key; only the MC1 key types pass. */
static int privkey_check(struct mck_privkey *key)
{
	const mbedtls_ecp_keypair *ec;
	size_t bits;

	switch (mbedtls_pk_get_type(key->pk)) {
	case MBEDTLS_PK_RSA:
		bits = mck__crypto_rsa_bits(mbedtls_pk_rsa(*key->pk));
		if (bits < MCK_RSA_MIN_BITS || bits > MCK_RSA_MAX_BITS) {
			return MCK_ERR_KEY;
		}
		key->type = MCK_KEY_RSA;
		key->len = mbedtls_pk_get_len(key->pk);
		return MCK_OK;
	case MBEDTLS_PK_ECKEY:
		ec = mbedtls_pk_ec(*key->pk);
		if (ec->MBEDTLS_PRIVATE(grp).id == MBEDTLS_ECP_DP_SECP256R1) {
			key->type = MCK_KEY_EC_P256;
			key->len = 32;
			return MCK_OK;
		}
		if (ec->MBEDTLS_PRIVATE(grp).id == MBEDTLS_ECP_DP_SECP384R1) {
			key->type = MCK_KEY_EC_P384;
			key->len = 48;
			return MCK_OK;
		}
		return MCK_ERR_KEY;
	default:
		return MCK_ERR_KEY;
	}
}

int mck_privkey_generate(struct mck_privkey **out, enum mck_key_type type)
{
	struct mck_privkey *key = NULL;
	mbedtls_ecp_group_id id = MBEDTLS_ECP_DP_NONE;
	struct rng rng;
	size_t flen = 0;
	int rc = MCK_ERR_INTERNAL;

	if (out == NULL) {
		return MCK_ERR_INVAL;
	}
	*out = NULL;
	if (type != MCK_KEY_RSA && mck__crypto_ec_group(type, &id, &flen) != MCK_OK) {
		return MCK_ERR_KEY;
	}
	rc = mck__crypto_ready();
	if (rc != MCK_OK) {
		return rc;
	}
	rc = rng_init(&rng);
	if (rc != MCK_OK) {
		goto out;
	}
	key = privkey_new();
	if (key == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
	rc = MCK_ERR_INTERNAL;
	if (type == MCK_KEY_RSA) {
		if (mbedtls_pk_setup(key->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_RSA)) != 0 ||
		    mbedtls_rsa_gen_key(mbedtls_pk_rsa(*key->pk), mbedtls_ctr_drbg_random,
					&rng.drbg, MCK_RSA_MIN_BITS, 65537) != 0) {
			goto out;
		}
	} else {
		if (mbedtls_pk_setup(key->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY)) != 0 ||
		    mbedtls_ecp_gen_key(id, mbedtls_pk_ec(*key->pk), mbedtls_ctr_drbg_random,
					&rng.drbg) != 0) {
			goto out;
		}
	}
	rc = privkey_check(key);
out:
	rng_free(&rng);
	if (rc != MCK_OK) {
		mck_privkey_destroy(key);
		return rc;
	}
	*out = key;
	return MCK_OK;
}

int mck_privkey_from_pem(struct mck_privkey **out, const char *pem, size_t len)
{
	struct mck_privkey *key = NULL;
	unsigned char *buf = NULL;
	int rc = MCK_ERR_INTERNAL;
#if MCK_MBEDTLS3
	struct rng rng;
#endif

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
	key = privkey_new();
	if (key == NULL) {
		rc = MCK_ERR_NOMEM;
		goto out;
	}
#if MCK_MBEDTLS3
	/* 3.x blinds the key checks in pk_parse_key, so it wants an RNG. */
	rc = rng_init(&rng);
	if (rc == MCK_OK) {
		rc = mbedtls_pk_parse_key(key->pk, buf, len + 1, NULL, 0, mbedtls_ctr_drbg_random,
					  &rng.drbg) == 0
			     ? MCK_OK
			     : MCK_ERR_KEY;
	}
	rng_free(&rng);
#else
	rc = mbedtls_pk_parse_key(key->pk, buf, len + 1, NULL, 0) == 0 ? MCK_OK : MCK_ERR_KEY;
#endif
	if (rc == MCK_OK) {
		rc = privkey_check(key);
	}
out:
	mck_zeroize(buf, len + 1);
	free(buf);
	if (rc != MCK_OK) {
		mck_privkey_destroy(key);
		return rc;
	}
	*out = key;
	return MCK_OK;
}

/* Mbed TLS write errors mean a too-small buffer, since the key itself is valid. */
static int pem_result(int ret, char *buf, size_t cap)
{
	if (ret == 0) {
		return MCK_OK;
	}
	mck_zeroize(buf, cap);
	return MCK_ERR_TOOBIG;
}

int mck_privkey_to_pem(const struct mck_privkey *key, char *buf, size_t cap)
{
	if (key == NULL || buf == NULL || cap == 0) {
		return MCK_ERR_INVAL;
	}
	return pem_result(mbedtls_pk_write_key_pem(key->pk, (unsigned char *)buf, cap), buf, cap);
}

int mck_privkey_public_pem(const struct mck_privkey *key, char *buf, size_t cap)
{
	if (key == NULL || buf == NULL || cap == 0) {
		return MCK_ERR_INVAL;
	}
	return pem_result(mbedtls_pk_write_pubkey_pem(key->pk, (unsigned char *)buf, cap), buf,
			  cap);
}

int mck_privkey_export_public(const struct mck_privkey *key, struct mck_key_raw *raw)
{
	if (key == NULL || raw == NULL) {
		return MCK_ERR_INVAL;
	}
	return mck__crypto_pk_to_raw(key->pk, raw);
}

enum mck_key_type mck_privkey_type(const struct mck_privkey *key)
{
	return key != NULL ? key->type : (enum mck_key_type)0;
}

static int sign_ecdsa(const struct mck_privkey *key, mbedtls_md_type_t md, const uint8_t *hash,
		      size_t hlen, struct rng *rng, uint8_t *sig)
{
	mbedtls_ecp_keypair *ec = mbedtls_pk_ec(*key->pk);
	mbedtls_mpi r, s;
	int ret;

	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
#if defined(MBEDTLS_ECDSA_DETERMINISTIC)
	/* RFC 6979 nonces; the RNG only blinds the computation. */
	ret = mbedtls_ecdsa_sign_det_ext(&ec->MBEDTLS_PRIVATE(grp), &r, &s, &ec->MBEDTLS_PRIVATE(d),
					 hash, hlen, md, mbedtls_ctr_drbg_random, &rng->drbg);
#else
	(void)md;
	ret = mbedtls_ecdsa_sign(&ec->MBEDTLS_PRIVATE(grp), &r, &s, &ec->MBEDTLS_PRIVATE(d), hash,
				 hlen, mbedtls_ctr_drbg_random, &rng->drbg);
#endif
	/* Fixed width, left-padded with zeros (RFC 7518 §3.4). */
	if (ret == 0) {
		ret = mbedtls_mpi_write_binary(&r, sig, key->len);
	}
	if (ret == 0) {
		ret = mbedtls_mpi_write_binary(&s, sig + key->len, key->len);
	}
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	return ret == 0 ? MCK_OK : MCK_ERR_INTERNAL;
}

/* Sets the context's padding each time: 2.28 refuses to sign with the other one. */
static int sign_rsa(const struct mck_privkey *key, enum mck_alg alg, const uint8_t *hash,
		    struct rng *rng, uint8_t *sig)
{
	mbedtls_rsa_context *rsa = mbedtls_pk_rsa(*key->pk);
	int ret = -1;

	switch (alg) {
	case MCK_ALG_RS256:
#if MCK_MBEDTLS3
		ret = mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
		if (ret == 0) {
			ret = mbedtls_rsa_rsassa_pkcs1_v15_sign(rsa, mbedtls_ctr_drbg_random,
								&rng->drbg, MBEDTLS_MD_SHA256,
								MCK_SHA256_LEN, hash, sig);
		}
#else
		mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
		ret = mbedtls_rsa_rsassa_pkcs1_v15_sign(rsa, mbedtls_ctr_drbg_random, &rng->drbg,
							MBEDTLS_RSA_PRIVATE, MBEDTLS_MD_SHA256,
							MCK_SHA256_LEN, hash, sig);
#endif
		break;
	case MCK_ALG_PS256:
#if MCK_MBEDTLS3
		ret = mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
#else
		mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
		ret = 0;
#endif
		if (ret == 0) {
			ret = mbedtls_rsa_rsassa_pss_sign_ext(
				rsa, mbedtls_ctr_drbg_random, &rng->drbg, MBEDTLS_MD_SHA256,
				MCK_SHA256_LEN, hash, PSS_SALT_LEN, sig);
		}
		break;
	case MCK_ALG_ES256:
	case MCK_ALG_ES384:
		break;
	}
	return ret == 0 ? MCK_OK : MCK_ERR_INTERNAL;
}

int mck_sign(const struct mck_privkey *key, enum mck_alg alg, const uint8_t *msg, size_t msglen,
	     uint8_t *sig, size_t cap, size_t *siglen)
{
	uint8_t hash[HASH_MAX_BYTES];
	struct rng rng;
	mbedtls_md_type_t md;
	size_t hlen, need;
	int rc = MCK_ERR_INTERNAL;

	if (key == NULL || sig == NULL || siglen == NULL || (msg == NULL && msglen > 0)) {
		return MCK_ERR_INVAL;
	}
	*siglen = 0;
	if (!mck_alg_fits_key(alg, key->type)) {
		return MCK_ERR_ALG;
	}
	md = mck__crypto_alg_md(alg);
	need = key->type == MCK_KEY_RSA ? key->len : 2 * key->len;
	if (cap < need) {
		return MCK_ERR_TOOBIG;
	}
	hlen = mck__crypto_hash(md, msg, msglen, hash);
	if (hlen == 0) {
		return MCK_ERR_INTERNAL;
	}
	rc = rng_init(&rng);
	if (rc == MCK_OK) {
		if (key->type == MCK_KEY_RSA) {
			rc = sign_rsa(key, alg, hash, &rng, sig);
		} else {
			rc = sign_ecdsa(key, md, hash, hlen, &rng, sig);
		}
	}
	rng_free(&rng);
	if (rc != MCK_OK) {
		mck_zeroize(sig, need);
		return rc;
	}
	*siglen = need;
	return MCK_OK;
}

void mck_privkey_destroy(struct mck_privkey *key)
{
	if (key == NULL) {
		return;
	}
	mbedtls_pk_free(key->pk); /* frees the bignums, which wipes them */
	mck_zeroize(key, sizeof(*key));
	free(key);
}
