# Network updates (issue 17): the manifest and the record, and mcupdate BASE_URL
# against a real nginx started on 127.0.0.1 by the test (scripts/install-deps).
mck_add_test(test_mirror LABEL unit SOURCES test_mirror.c LIBS mck_mirror)

if(MCK_BUILD_ISSUER)
        add_test(NAME e2e_mirror
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/mirror.sh $<TARGET_FILE:mcissue>
                         $<TARGET_FILE:mcupdate>)
        set_tests_properties(e2e_mirror PROPERTIES LABELS e2e TIMEOUT 120)
endif()
