# mcissue: the issuer's tool (keys, credentials as QR texts and PNGs, trust and
# status lists). Built with MCK_BUILD_ISSUER; never installed on a kiosk.
add_executable(mcissue mcissue.c issue_common.c issue_qr.c issue_lists.c issue_publish.c)
# mck_store: publish verifies a bundle with --anchors exactly as mcupdate does.
target_link_libraries(mcissue PRIVATE mck_cli_common mck_issuer mck_store PkgConfig::QRENCODE
                      PkgConfig::PNG)
mck_warnings(mcissue)

if(MCK_BUILD_TESTS)
        # The same program over the fault-injection build of mck_io, for the test that
        # cuts `mcissue publish` at every file-system step (tests/publish.sh).
        add_executable(mcissue_faults mcissue.c issue_common.c issue_qr.c issue_lists.c
                                      issue_publish.c)
        target_include_directories(mcissue_faults PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
        target_link_libraries(mcissue_faults PRIVATE mck_issuer mck_store_faults
                              PkgConfig::QRENCODE PkgConfig::PNG)
        mck_warnings(mcissue_faults)
endif()
