# Installation and Debian packages (CPack), for amd64 and, cross-built, arm64.
#
#   mckiosk  the appliance: mckiosk, mcverify, mcupdate, the USB and network
#            update helpers, board profiles, systemd units and the fetch
#            timer's generator, the udev rules, default site files
#            and the production trust anchors (keys/production, or
#            MCK_ANCHORS_DIR);
#   mcissue  the issuer tool, never on a kiosk.
#
# cmake --preset release (amd64) or --preset arm64 / arm64-rpi4 / arm64-rpi5 /
# arm64-rpizero2w (cross), then cmake --build BUILD && (cd BUILD && cpack -G DEB):
# Release, -O2 -g (cmake/release.cmake), programs stripped, symbols in -dbgsym.

set(MCK_ANCHORS_DIR "${PROJECT_SOURCE_DIR}/keys/production"
    CACHE PATH "Trust anchors (*.pem) the kiosk package installs")

# The anchors a kiosk trusts: public keys only, and none of the test ones.
# Refused at configure time, so that no package can be made with them.
file(GLOB mck_anchors "${MCK_ANCHORS_DIR}/*.pem")
file(GLOB_RECURSE mck_test_anchors
     "${PROJECT_SOURCE_DIR}/keys/test-only/*.pem" "${PROJECT_SOURCE_DIR}/tests/*.pem")
set(mck_test_digests "")
foreach(t IN LISTS mck_test_anchors)
        file(SHA256 "${t}" d)
        list(APPEND mck_test_digests "${d}")
endforeach()
foreach(a IN LISTS mck_anchors)
        file(READ "${a}" text)
        file(SHA256 "${a}" d)
        if(text MATCHES "PRIVATE KEY")
                message(FATAL_ERROR "${a}: a private key; the kiosk package holds public anchors only")
        endif()
        if(NOT text MATCHES "-----BEGIN PUBLIC KEY-----")
                message(FATAL_ERROR "${a}: not a PEM public key")
        endif()
        if(d IN_LIST mck_test_digests)
                message(FATAL_ERROR "${a}: a test anchor (same as one under keys/test-only or tests/); refused")
        endif()
endforeach()
get_filename_component(mck_anchors_real "${MCK_ANCHORS_DIR}" REALPATH)
foreach(forbidden "${PROJECT_SOURCE_DIR}/keys/test-only" "${PROJECT_SOURCE_DIR}/tests")
        get_filename_component(f "${forbidden}" REALPATH)
        string(FIND "${mck_anchors_real}/" "${f}/" at)
        if(at EQUAL 0)
                message(FATAL_ERROR "MCK_ANCHORS_DIR ${MCK_ANCHORS_DIR} is test material; refused")
        endif()
endforeach()

include(GNUInstallDirs)
install(TARGETS mckiosk mcverify mcupdate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT kiosk)
install(PROGRAMS firmware/scripts/mck-media-update firmware/scripts/mck-net-update
        DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/mckiosk COMPONENT kiosk)
# every board profile and config.txt fragment there is
file(GLOB mck_board_files "${PROJECT_SOURCE_DIR}/board/*.conf"
     "${PROJECT_SOURCE_DIR}/board/*.config.txt")
install(FILES ${mck_board_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/mckiosk/board COMPONENT kiosk)
install(FILES ${mck_anchors} DESTINATION ${CMAKE_INSTALL_DATADIR}/mckiosk/anchors
        COMPONENT kiosk)
# an empty anchors directory is kept: a kiosk without anchors says so (anchor_missing)
install(DIRECTORY DESTINATION ${CMAKE_INSTALL_DATADIR}/mckiosk/anchors COMPONENT kiosk)
install(FILES firmware/systemd/mckiosk.service firmware/systemd/mckiosk-update@.service
        firmware/systemd/mckiosk-fetch.service firmware/systemd/mckiosk-fetch.timer
        DESTINATION lib/systemd/system COMPONENT kiosk)
# update.interval into the fetch timer, and the timer on when update.url is set
# (at boot and every daemon-reload, which postinst does): nothing to enable by hand
install(PROGRAMS firmware/systemd/mckiosk-fetch-generator
        DESTINATION lib/systemd/system-generators COMPONENT kiosk)
install(FILES firmware/udev/60-mckiosk-gpio.rules firmware/udev/90-mckiosk-update.rules
        DESTINATION lib/udev/rules.d COMPONENT kiosk)
if(MCK_BOARD AND EXISTS "${PROJECT_SOURCE_DIR}/board/${MCK_BOARD}.conf")
        set(MCK_DEFAULT_BOARD ${MCK_BOARD}) # a build for one board starts as that board
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64|arm64")
        set(MCK_DEFAULT_BOARD rpi4)
else()
        set(MCK_DEFAULT_BOARD generic-x86)
endif()
if(MCK_BOARD AND NOT MCK_DEFAULT_BOARD STREQUAL MCK_BOARD)
        message(WARNING "MCK_BOARD=${MCK_BOARD}: no board/${MCK_BOARD}.conf; the package "
                        "starts as ${MCK_DEFAULT_BOARD}")
endif()
configure_file(firmware/etc/board.in ${CMAKE_BINARY_DIR}/etc/board @ONLY)
# the unit reads /etc/mckiosk, whatever the prefix
install(FILES ${CMAKE_BINARY_DIR}/etc/board firmware/etc/kiosk.conf DESTINATION /etc/mckiosk
        COMPONENT kiosk)
if(TARGET mcissue)
        install(TARGETS mcissue RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT issuer)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mckiosk)
set(CPACK_PACKAGE_VENDOR "MicroCred Kiosk")
set(CPACK_PACKAGE_CONTACT "MicroCred Kiosk <kiosk@example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING IGNORE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Stripped programs; their symbols and DWARF in a NAME-dbgsym package
# (NAME-dbgsym_VERSION_ARCH.ddeb) as /usr/lib/debug/.build-id/xx/yyyy.debug,
# which gdb and debuginfod find by the program's build-id (firmware/README.md).
# The debug info is the packaged build's -g (cmake/release.cmake). CPack runs
# objcopy and readelf on the programs: the cross build's own, for an arm64
# package (the host's objcopy cannot read an aarch64 ELF file).
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
set(CPACK_OBJCOPY_EXECUTABLE "${CMAKE_OBJCOPY}")
set(CPACK_READELF_EXECUTABLE "${CMAKE_READELF}")
# A board build (MCK_BOARD) says its board in its version: 0.1.0+rpi5 may not run on a Pi 4.
if(MCK_BOARD_CPU)
        set(CPACK_DEBIAN_PACKAGE_VERSION "${PROJECT_VERSION}+${MCK_BOARD}")
endif()
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64")
        set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
        # dpkg-shlibdeps reads the arm64 packages' symbol files through the
        # multiarch library path
        set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS /usr/lib/aarch64-linux-gnu)
endif()
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME mckiosk)
# SDL's KMSDRM back end draws through GBM, EGL and GLES, which SDL loads at
# run time (so dpkg-shlibdeps cannot see them), with Mesa's DRI drivers
# (vc4/v3d on a Pi): SDL only recommends them and a minimal image has none.
# Without them the kiosk cannot open its panel ("EGL not initialized", seen
# booting the image).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "fonts-noto-core, adduser, libegl1, libegl-mesa0, libgles2, libgl1-mesa-dri")
# The gst: scan source appends GStreamer's videoconvert and appsink (the base
# plugins, loaded at run time); a Pi's CSI camera needs libcamerasrc, a USB
# camera through GStreamer v4l2src (the good plugins).
string(APPEND CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS ", gstreamer1.0-plugins-base")
# Network updates (mckiosk-fetch.service): mcupdate fetches with libcurl
# (libcurl4, found by dpkg-shlibdeps) and, unless kiosk.conf names its own CA
# (update.ca), checks the mirror's certificate against the system's CA store,
# which nothing links to.
string(APPEND CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS ", ca-certificates")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "gstreamer1.0-libcamera, gstreamer1.0-plugins-good")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/firmware/debian/postinst;${PROJECT_SOURCE_DIR}/firmware/debian/conffiles")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
    "MicroCred Kiosk: offline verification of micro-credential QR codes (appliance)")
if(MCK_BOARD_CPU)
        string(APPEND CPACK_COMPONENT_KIOSK_DESCRIPTION
               "\n Built for the ${MCK_BOARD} board (-mcpu=${MCK_BOARD_CPU}): it may not run on another.")
endif()
set(CPACK_DEBIAN_ISSUER_PACKAGE_NAME mcissue)
set(CPACK_COMPONENT_ISSUER_DESCRIPTION
    "MicroCred Kiosk issuer tools: sign micro-credentials and render their QR codes")
set(CPACK_COMPONENTS_ALL kiosk)
if(TARGET mcissue)
        list(APPEND CPACK_COMPONENTS_ALL issuer)
endif()
include(CPack)
