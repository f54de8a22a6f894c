# Core unit tests and the conformance suite.
add_library(mck_test_support STATIC support/runproc.c)
target_include_directories(mck_test_support PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
mck_warnings(mck_test_support)

mck_add_test(test_conformance LABEL conformance
        SOURCES test_conformance.c
        LIBS mck_test_support PkgConfig::CJSON)
add_dependencies(test_conformance mcverify)
