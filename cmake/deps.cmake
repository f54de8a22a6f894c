# Third-party libraries, all from Debian packages (see scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

# Mbed TLS 2.28 ships neither pkg-config nor CMake files.
find_path(MBEDTLS_INCLUDE_DIR mbedtls/version.h REQUIRED)
find_library(MBEDCRYPTO_LIBRARY mbedcrypto REQUIRED)
add_library(mck_dep_mbedcrypto INTERFACE)
target_include_directories(mck_dep_mbedcrypto SYSTEM INTERFACE ${MBEDTLS_INCLUDE_DIR})
target_link_libraries(mck_dep_mbedcrypto INTERFACE ${MBEDCRYPTO_LIBRARY})

pkg_check_modules(CJSON REQUIRED IMPORTED_TARGET libcjson)
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(PNG REQUIRED IMPORTED_TARGET libpng)
pkg_check_modules(JPEG REQUIRED IMPORTED_TARGET libjpeg)
pkg_check_modules(ZBAR IMPORTED_TARGET zbar)
if(NOT ZBAR_FOUND AND CMAKE_CROSSCOMPILING)
        # Debian 12: libzbar-dev:arm64 conflicts with the amd64 one; a cross
        # build takes the arm64 runtime library with the (identical) shared header.
        find_path(ZBAR_INCLUDE_DIR zbar.h REQUIRED)
        find_library(ZBAR_LIBRARY NAMES zbar libzbar.so.0 REQUIRED)
        add_library(PkgConfig::ZBAR INTERFACE IMPORTED)
        set_target_properties(PkgConfig::ZBAR PROPERTIES
                              INTERFACE_INCLUDE_DIRECTORIES ${ZBAR_INCLUDE_DIR}
                              INTERFACE_LINK_LIBRARIES ${ZBAR_LIBRARY})
elseif(NOT ZBAR_FOUND)
        message(FATAL_ERROR "zbar not found: scripts/install-deps")
endif()
# The kiosk draws a check's record as a QR code; mcissue and the tests draw credentials.
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
if(MCK_BUILD_TESTS)
        pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
endif()
