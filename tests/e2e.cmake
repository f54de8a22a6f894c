# End-to-end tests over the built programs (label e2e).
if(TARGET mcissue)
        add_test(NAME e2e_issue
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e_issue.sh
                         $<TARGET_FILE:mcissue> $<TARGET_FILE:mcverify>)
        set_tests_properties(e2e_issue PROPERTIES LABELS e2e TIMEOUT 900)
endif()

if(MCK_BUILD_ISSUER)
        add_test(NAME e2e_update
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/update.sh $<TARGET_FILE:mcissue>
                         $<TARGET_FILE:mcupdate> $<TARGET_FILE:mcupdate_faults>
                         $<TARGET_FILE:mcverify>)
        set_tests_properties(e2e_update PROPERTIES LABELS e2e)
endif()
