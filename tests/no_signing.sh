#!/usr/bin/env bash
# The appliance's programs hold no signing code (issue #13): nothing of
# mck_issuer (JWS signing, key generation, private keys, the issuer's encoders)
# and no Mbed TLS call that makes a key, a signature or random numbers. A kiosk
# that cannot sign cannot be made to mint credentials or trust lists.
# The symbol table is read with the build's nm (CMAKE_NM: aarch64-linux-gnu-nm
# in the cross build); Mbed TLS is a shared library, so what the program calls
# of it shows as an undefined symbol, and both kinds count.
# Usage: no_signing.sh NM PROGRAM...
set -euo pipefail

NM=$1
shift
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"

# Names, or name prefixes, that only the issuer side may hold.
forbidden=(
	mck_jws_sign mck_sign mck_privkey_ mck_deflate mck_qrtext_encode
	mbedtls_ctr_drbg_ mbedtls_hmac_drbg_ mbedtls_entropy_
	mbedtls_ecp_gen_ mbedtls_ecdsa_sign mbedtls_ecdsa_write_signature mbedtls_ecdsa_genkey
	mbedtls_rsa_gen_key mbedtls_rsa_private mbedtls_rsa_pkcs1_sign
	mbedtls_rsa_rsassa_pkcs1_v15_sign mbedtls_rsa_rsassa_pss_sign
	mbedtls_pk_sign mbedtls_pk_write_ mbedtls_pk_parse_key
	psa_generate_key psa_sign_
)
# mck_sign is a whole name (mck_sign_* would be someone else's); the rest are prefixes.
re="^(mck_sign|($(
	IFS='|'
	echo "${forbidden[*]}"
))[A-Za-z0-9_]*)$"

for prog in "$@"; do
	name=$(basename "$prog")
	if ! syms=$("$NM" "$prog" 2>&1); then
		bad "$name: $NM failed: $syms"
		continue
	fi
	# Symbol names alone, without a version suffix (name@VERSION).
	names=$(awk 'NF >= 2 { sub(/@.*/, "", $NF); print $NF }' <<<"$syms" | sort -u)
	# Fail closed: a stripped program, or one that is not the verifier, proves nothing.
	grep -qx mck_verify <<<"$names" && ok ||
		bad "$name: no mck_verify in its symbol table (stripped, or not a verifier)"
	hits=$(grep -E "$re" <<<"$names" || true)
	if [[ -z $hits ]]; then
		ok
	else
		bad "$name: signing code: ${hits//$'\n'/ }"
	fi
done
finish no_signing
