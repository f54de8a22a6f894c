# Core unit tests and the conformance suite.
# mck_test_support is defined in support/CMakeLists.txt (benchmarks use it too).

mck_add_test(test_conformance LABEL conformance
        SOURCES test_conformance.c
        LIBS mck_test_support PkgConfig::CJSON)
add_dependencies(test_conformance mcverify)

mck_add_test(test_b64url LABEL unit SOURCES test_b64url.c LIBS mck_core)
mck_add_test(test_qrtext LABEL unit SOURCES test_qrtext.c LIBS mck_core)
mck_add_test(test_shown LABEL unit SOURCES test_shown.c LIBS mck_core PkgConfig::CJSON)
mck_add_test(test_json LABEL unit SOURCES test_json.c LIBS mck_core)
target_include_directories(test_json PRIVATE ${PROJECT_SOURCE_DIR}/app/core/src)
mck_add_test(test_jwk LABEL unit SOURCES test_jwk.c LIBS mck_core)
mck_add_test(test_inflate LABEL unit SOURCES test_inflate.c LIBS mck_core PkgConfig::ZLIB)
mck_add_test(test_text LABEL unit SOURCES test_text.c LIBS mck_core)
mck_add_test(test_jws LABEL unit SOURCES test_jws.c LIBS mck_issuer)
# jws.h is private to the core (app/core/src); its parser's test reaches it here only.
target_include_directories(test_jws PRIVATE ${PROJECT_SOURCE_DIR}/app/core/src)
# (--sample, MCK_TEST_SAMPLE: test_index_pages looks up through every third damaged index)
if(MCK_TEST_SAMPLE)
        mck_add_test(test_trust LABEL unit SOURCES test_trust.c LIBS mck_core mck_test_support
                     ARGS --sample)
else()
        mck_add_test(test_trust LABEL unit SOURCES test_trust.c LIBS mck_core mck_test_support)
endif()
mck_add_test(test_status LABEL unit SOURCES test_status.c LIBS mck_core mck_test_support)
mck_add_test(test_cred LABEL unit SOURCES test_cred.c LIBS mck_core)
mck_add_test(test_pipeline LABEL unit SOURCES test_pipeline.c LIBS mck_core mck_test_support)
# Entry requirements: the policy file, every filter and aggregate, duplicates, the record.
mck_add_test(test_policy LABEL unit SOURCES test_policy.c LIBS mck_core)
# The trust store and its file reader: refusals, pinning, the lock, damage, the floor.
mck_add_test(test_store LABEL unit SOURCES test_store.c LIBS mck_store mck_test_support)

# The appliance's programs hold no signing code (#13): their symbol tables, read
# with the toolchain's nm (aarch64-linux-gnu-nm in the cross build), name nothing
# of mck_issuer and no Mbed TLS call that makes a key, a signature or random bytes.
add_test(NAME e2e_no_signing
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/no_signing.sh ${CMAKE_NM}
                 $<TARGET_FILE:mcverify> $<TARGET_FILE:mcupdate> $<TARGET_FILE:mckiosk>)
set_tests_properties(e2e_no_signing PROPERTIES LABELS e2e TIMEOUT 60)
