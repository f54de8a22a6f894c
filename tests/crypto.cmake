# mck_crypto: Wycheproof / JOSE Cookbook vectors and issuer-side round trips.
mck_add_test(test_crypto LABEL unit SOURCES test_crypto.c LIBS mck_core mck_io)
