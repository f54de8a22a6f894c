# Cross build for aarch64 (Raspberry Pi 4/5, Zero 2 W) with Debian's cross toolchain:
#   scripts/install-deps --cross
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=toolchain.cmake
# Tests run under qemu-user through CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# The cross toolchain's own root, then the system root: Debian multiarch puts
# arm64 libraries in /usr/lib/aarch64-linux-gnu (found through
# CMAKE_LIBRARY_ARCHITECTURE) beside the amd64 ones, and headers are shared.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "/")

# No -L /usr/aarch64-linux-gnu: the programs load the multiarch loader
# (/lib/ld-linux-aarch64.so.1, libc6:arm64) and libc; the cross toolchain's
# loader is another glibc build (libc6-arm64-cross), and mixed with the
# multiarch libc a new thread or a fork()ed child loops for ever in libc.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static)
