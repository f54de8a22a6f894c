# The cost model in CI (label cost): bench/cost on the small case (640x480 frames,
# the 1,000-issuer start) under callgrind, failing when a stage's instruction count
# grew by more than 20 % over bench/cost-baseline.txt. Counts, not times: the same
# on every run of the same build. They depend on the compiler and its flags, so the
# test runs only in a build like the one the baseline was made in (its build type
# and compiler), never under sanitizers or an emulator, and only with valgrind.
# A new baseline from such a build: cmake --build BUILD --target cost-baseline
set(mck_cost_baseline ${PROJECT_SOURCE_DIR}/bench/cost-baseline.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${mck_cost_baseline})
find_program(MCK_VALGRIND valgrind)
find_program(MCK_CALLGRIND_ANNOTATE callgrind_annotate)
set(mck_cost_type "")
set(mck_cost_cc "")
if(EXISTS ${mck_cost_baseline})
        file(STRINGS ${mck_cost_baseline} mck_cost_type REGEX "^# build-type: ")
        file(STRINGS ${mck_cost_baseline} mck_cost_cc REGEX "^# compiler: ")
        string(REGEX REPLACE "^# build-type: *" "" mck_cost_type "${mck_cost_type}")
        string(REGEX REPLACE "^# compiler: *" "" mck_cost_cc "${mck_cost_cc}")
endif()
set(mck_cost_why "")
if(NOT TARGET bench_cost OR NOT TARGET mck_degrade)
        set(mck_cost_why "no bench_cost")
elseif(NOT MCK_VALGRIND OR NOT MCK_CALLGRIND_ANNOTATE)
        set(mck_cost_why "valgrind not found")
elseif(CMAKE_CROSSCOMPILING)
        set(mck_cost_why "cross build")
elseif(CMAKE_C_FLAGS MATCHES "-fsanitize")
        set(mck_cost_why "sanitizer build")
elseif(NOT CMAKE_BUILD_TYPE STREQUAL mck_cost_type)
        set(mck_cost_why "baseline is for a '${mck_cost_type}' build, this is '${CMAKE_BUILD_TYPE}'")
elseif(NOT "${CMAKE_C_COMPILER_ID} ${CMAKE_C_COMPILER_VERSION}" STREQUAL mck_cost_cc)
        set(mck_cost_why "baseline is for ${mck_cost_cc}, this is ${CMAKE_C_COMPILER_ID} ${CMAKE_C_COMPILER_VERSION}")
endif()
if(mck_cost_why STREQUAL "")
        add_test(NAME cost
                 COMMAND bash ${PROJECT_SOURCE_DIR}/bench/cost --small --check ${mck_cost_baseline}
                         ${CMAKE_BINARY_DIR})
        set_tests_properties(cost PROPERTIES LABELS cost TIMEOUT 600)
else()
        message(STATUS "cost test not registered: ${mck_cost_why}")
endif()
