#!/usr/bin/env bash
# test_gles2 in an Xvfb window: SDL's opengles2 renderer through EGL and
# libGLESv2 over Mesa's software rasteriser, as a Raspberry Pi draws through EGL
# and libGLESv2 over its GPU (KMSDRM). Without SDL_VIDEO_X11_FORCE_EGL, SDL
# would take GLX's ES2 profile here, a stack a Pi does not use.
# Usage: gles2.sh TEST_GLES2
set -euo pipefail
display=:$((600 + $$ % 300))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 50); do DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
# Under AddressSanitizer: Mesa's driver (unloaded at exit), LLVM and D-Bus leave
# allocations LeakSanitizer cannot even name; the UI's own textures are checked
# for leaks by test_redraw, which needs no GL.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
# no shader cache written to $HOME (the service sets the same)
DISPLAY=$display SDL_VIDEODRIVER=x11 SDL_VIDEO_X11_FORCE_EGL=1 MESA_SHADER_CACHE_DISABLE=true "$1" x11
