# mcissue: the issuer's tool (keys, credentials as QR texts and PNGs, trust and
# status lists). Built with MCK_BUILD_ISSUER; never installed on a kiosk.
add_executable(mcissue mcissue.c issue_common.c issue_qr.c issue_lists.c issue_publish.c)
# mck_store: publish verifies a bundle with --anchors exactly as mcupdate does.
target_link_libraries(mcissue PRIVATE mck_cli_common mck_issuer mck_store PkgConfig::QRENCODE
                      PkgConfig::PNG)
mck_warnings(mcissue)
