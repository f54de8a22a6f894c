# mck_crypto and mck_crypto_sign: Wycheproof / JOSE Cookbook vectors, issuer-side round trips.
mck_add_test(test_crypto LABEL unit SOURCES test_crypto.c LIBS mck_issuer mck_io)
