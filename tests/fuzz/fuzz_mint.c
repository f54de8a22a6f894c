/* Signed inputs for the trust store's fuzz targets (see fuzz_mint.h). */
#include "fuzz_mint.h"

#include <stdint.h>
#include <stdlib.h>

#include "mck/b64url.h"
#include "mck/inflate.h"
#include "mck/jws_sign.h"
#include "mck/statuslist.h"

char *mck_fuzz_trustlist(const struct mck_test_key *signer, const struct mck_test_key *issuer,
			 long long sequence, long long iat, bool zip)
{
	char *list = mck_test_fmt(
		"{\"type\":\"MicroCredentialTrustList\",\"version\":1,\"sequence\":%lld,"
		"\"iat\":%lld,\"nextUpdate\":%lld,\"issuers\":[{\"id\":\"https://a.example\","
		"\"name\":\"A\",\"country\":\"PL\",\"status\":\"active\",\"keys\":[{%s}]}]}",
		sequence, iat, MCK_FUZZ_NEXT_UPDATE, issuer->members);
	char *jws = mck_test_sign(signer, MCK_ALG_ES256, NULL, list, zip);

	free(list);
	return jws;
}

char *mck_fuzz_statuslist(const struct mck_test_key *signer, int n, long long iat)
{
	uint8_t *bits = calloc(1, MCK_STATUS_MIN_BYTES);
	uint8_t *z = NULL;
	size_t zlen = 0;
	char *enc;
	char *payload;
	char *jws;

	if (bits == NULL ||
	    mck_deflate(MCK_INFLATE_GZIP, bits, MCK_STATUS_MIN_BYTES, &z, &zlen) != 0) {
		abort();
	}
	enc = malloc(mck_b64url_encoded_len(zlen) + 1);
	if (enc == NULL || mck_b64url_encode(z, zlen, enc, mck_b64url_encoded_len(zlen) + 1) != 0) {
		abort();
	}
	payload = mck_test_fmt(
		"{\"iss\":\"https://a.example\",\"iat\":%lld,\"exp\":%lld,\"vc\":{"
		"\"id\":\"https://a.example/s/%d\","
		"\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
		"\"credentialSubject\":{\"type\":\"BitstringStatusList\","
		"\"statusPurpose\":\"revocation\",\"encodedList\":\"u%s\"}}}",
		iat, MCK_FUZZ_NEXT_UPDATE + 86400, n, enc);
	jws = mck_test_sign(signer, MCK_ALG_ES256, NULL, payload, false);
	free(payload);
	free(enc);
	free(z);
	free(bits);
	return jws;
}
