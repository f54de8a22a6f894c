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
pkg_check_modules(ZBAR REQUIRED IMPORTED_TARGET zbar)
if(MCK_BUILD_ISSUER OR MCK_BUILD_TESTS)
        pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
endif()
if(MCK_BUILD_TESTS)
        pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
endif()
