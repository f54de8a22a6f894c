# End-to-end tests over the built programs (label e2e).
if(TARGET mcissue)
        add_test(NAME e2e_issue
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e_issue.sh
                         $<TARGET_FILE:mcissue> $<TARGET_FILE:mcverify>)
        set_tests_properties(e2e_issue PROPERTIES LABELS e2e TIMEOUT 900)
        # mcverify --policy over a batch: met, not met, duplicates, the record.
        add_test(NAME e2e_policy
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e_policy.sh
                         $<TARGET_FILE:mcissue> $<TARGET_FILE:mcverify>)
        set_tests_properties(e2e_policy PROPERTIES LABELS e2e TIMEOUT 120)
        # mcverify's inputs: several credentials in one photo, no code, long stdin lines.
        add_test(NAME e2e_inputs
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e_inputs.sh
                         $<TARGET_FILE:mcissue> $<TARGET_FILE:mcverify> ${MCK_FIXTURES})
        set_tests_properties(e2e_inputs PROPERTIES LABELS e2e TIMEOUT 120)
endif()

# What a code that is no credential was: "shown" and "host", nothing more of it.
add_test(NAME e2e_shown
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e_shown.sh $<TARGET_FILE:mcverify>
                 ${MCK_FIXTURES})
set_tests_properties(e2e_shown PROPERTIES LABELS e2e TIMEOUT 60)
mck_test_emulator(e2e_shown)

# The power cut at every file-system step; at every third in sanitizer builds
# (MCK_TEST_SAMPLE), where each step's mcupdate takes 8 times as long.
if(MCK_BUILD_ISSUER)
        add_test(NAME e2e_update
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/update.sh $<TARGET_FILE:mcissue>
                         $<TARGET_FILE:mcupdate> $<TARGET_FILE:mcupdate_faults>
                         $<TARGET_FILE:mcverify> $<IF:$<BOOL:${MCK_TEST_SAMPLE}>,3,1>)
        set_tests_properties(e2e_update PROPERTIES LABELS e2e)
endif()

# mcissue publish: the mirror tree of trust-list.md §6, hostile bundles refused,
# the publish cut at every file-system step over a live mirror.
# Sanitizer builds (MCK_TEST_SAMPLE) cut at every third step; the native build at each.
if(MCK_BUILD_ISSUER)
        if(MCK_TEST_SAMPLE)
                set(mck_publish_stride 3)
        else()
                set(mck_publish_stride 1)
        endif()
        add_test(NAME e2e_publish
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/publish.sh $<TARGET_FILE:mcissue>
                         $<TARGET_FILE:mcissue_faults> $<TARGET_FILE:mcupdate>
                         ${mck_publish_stride})
        set_tests_properties(e2e_publish PROPERTIES LABELS e2e TIMEOUT 120)
endif()

# The Debian packages: contents, what the kiosk one never holds, the refusal
# of test anchors at configure time.
find_program(MCK_DPKG_DEB dpkg-deb)
if(MCK_DPKG_DEB)
        # the checks of the sources alone (units, refusals) in the native build only
        set(mck_package_only)
        if(CMAKE_CROSSCOMPILING OR CMAKE_C_FLAGS MATCHES "-fsanitize")
                set(mck_package_only --build-only)
        endif()
        add_test(NAME e2e_package
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package.sh ${PROJECT_SOURCE_DIR}
                         ${PROJECT_BINARY_DIR} ${mck_package_only})
        set_tests_properties(e2e_package PROPERTIES LABELS e2e TIMEOUT 300)
        mck_test_emulator(e2e_package)
endif()

# The appliance image's overlay: read-only root, state partition, units, boot files.
# It reads the sources alone: the same in every build, so CI runs it in the native one.
if(NOT CMAKE_CROSSCOMPILING AND NOT CMAKE_C_FLAGS MATCHES "-fsanitize")
        add_test(NAME e2e_image_overlay
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/image_overlay.sh ${PROJECT_SOURCE_DIR})
        set_tests_properties(e2e_image_overlay PROPERTIES LABELS e2e TIMEOUT 60)
endif()

# The trust store under attack: hostile bundle entries, racing installers and
# readers, a clock poisoned by an awarding body (issue #13).
if(MCK_BUILD_ISSUER)
        # 50 trials of each race; 10 in sanitizer builds (MCK_TEST_SAMPLE), where each
        # trial costs several times more and the native build runs the 50
        if(MCK_TEST_SAMPLE)
                set(mck_store_trials 10)
        else()
                set(mck_store_trials 50)
        endif()
        add_test(NAME e2e_store_attack
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/store_attack.sh $<TARGET_FILE:mcissue>
                         $<TARGET_FILE:mcupdate> $<TARGET_FILE:mcverify> ${mck_store_trials})
        set_tests_properties(e2e_store_attack PROPERTIES LABELS e2e TIMEOUT 600)
endif()
