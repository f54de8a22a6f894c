/*
 * Signed inputs for the trust store's fuzz targets, made once per process with
 * tests/support/mint.h: trust lists naming one awarding body
 * (https://a.example), and that body's status lists.
 */
#ifndef MCK_FUZZ_MINT_H
#define MCK_FUZZ_MINT_H

#include "support/mint.h"

/* The lists' nextUpdate: status lists signed after it are refused (trust-list.md §4). */
#define MCK_FUZZ_NEXT_UPDATE 2000000000LL

/**
 * A trust list JWS of @p sequence and @p iat listing @p issuer's key, signed by @p signer,
 * its payload compressed when @p zip. Most are not: a compressed list makes the loader
 * allocate MCK_TRUSTLIST_PAYLOAD_MAX, which ASan poisons page by page (0.2 s a load).
 */
char *mck_fuzz_trustlist(const struct mck_test_key *signer, const struct mck_test_key *issuer,
			 long long sequence, long long iat, bool zip);

/** Status list https://a.example/s/@p n (16 KiB of zero bits) of @p iat, signed by @p signer. */
char *mck_fuzz_statuslist(const struct mck_test_key *signer, int n, long long iat);

#endif
