# Release builds for the target (issue 15 item 6): the board's CPU, and what a
# packaged build is compiled with.
#
# MCK_BOARD names the board a build is for; it sets the compiler's -mcpu for
# every target (so tests run what ships) and the board the package starts
# with. Empty: the architecture's baseline (armv8-a on aarch64), which runs on
# every Pi. A build for one board may not run on an older one: -mcpu=cortex-a76
# allows ARMv8.2 instructions (LSE atomics, dot product) a Pi 4's Cortex-A72
# lacks, so such a package says its board in its version (0.1.0+rpi5).
#
# The packaged builds (the `release` and `arm64*` presets) are
# CMAKE_BUILD_TYPE=Release with CMAKE_C_FLAGS_RELEASE="-O2 -g -DNDEBUG",
# where CMake's Release default is "-O3 -DNDEBUG":
#  - -O2 is what Debian builds every package with (dpkg-buildflags), Mbed TLS,
#    SDL, ZBar and glibc included: the optimisation level its gcc is tested at;
#  - -O3's unrolling, vectorising and cloning make larger code for little
#    here (the hot loops are in Mbed TLS and ZBar, built -O2 by Debian), and
#    the in-order Cortex-A53 of a Zero 2 W has a 32 KiB instruction cache;
#  - a core dump of -O2 code is easier to follow: fewer clones, less inlining;
#  - -g changes no instruction (gcc's rule); the symbols go to the -dbgsym
#    package and the installed programs are stripped (cmake/package.cmake).
set(MCK_BOARD "" CACHE STRING
    "Board the build is for: rpi4, rpi5, rpizero2w (its -mcpu), or empty for the baseline")
set(MCK_BOARD_CPU "")
if(MCK_BOARD STREQUAL "rpi4")
        set(MCK_BOARD_CPU cortex-a72)
elseif(MCK_BOARD STREQUAL "rpi5")
        set(MCK_BOARD_CPU cortex-a76)
elseif(MCK_BOARD STREQUAL "rpizero2w")
        set(MCK_BOARD_CPU cortex-a53)
elseif(MCK_BOARD)
        message(FATAL_ERROR "MCK_BOARD=${MCK_BOARD}: not a board (rpi4, rpi5, rpizero2w)")
endif()
if(MCK_BOARD_CPU)
        if(NOT CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64|arm64")
                message(FATAL_ERROR "MCK_BOARD=${MCK_BOARD} is an aarch64 board: build with "
                                    "toolchain.cmake (the arm64-${MCK_BOARD} preset)")
        endif()
        add_compile_options(-mcpu=${MCK_BOARD_CPU})
        message(STATUS "Board ${MCK_BOARD}: -mcpu=${MCK_BOARD_CPU}")
endif()

if(CMAKE_BUILD_TYPE STREQUAL "Release" AND
   (CMAKE_C_FLAGS_RELEASE MATCHES "-O3" OR NOT CMAKE_C_FLAGS_RELEASE MATCHES "(^| )-g"))
        message(STATUS "Release flags '${CMAKE_C_FLAGS_RELEASE}' are CMake's: packages are "
                       "made with the release or arm64 presets' '-O2 -g -DNDEBUG' "
                       "(tests/package.sh checks)")
endif()
