#!/usr/bin/env bash
# Soak: the kiosk replays the conformance QR images (one every 100 ms, looping)
# for SECONDS under SDL's dummy video driver; prints RSS at start and end.
# Build with the asan preset to see leaks at exit. Not part of CTest (too long).
# Usage: tests/soak.sh BUILD_DIR [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
seconds=${2:-600}
frames=$(mktemp -d)
trap 'rm -rf "$frames"' EXIT
for c in tests/fixtures/cases/*/; do
        cp "$c/input0.png" "$frames/$(basename "$c").png"
done
SDL_VIDEODRIVER=dummy "$build/bin/mckiosk" --anchors tests/fixtures/anchors \
        --trust tests/fixtures/trust/trustlist.jws --status tests/fixtures/status \
        --now 1795000000 --size 800x480 --clear-after 1 --source "replay:$frames" \
        --run-for "$seconds" >"$frames/out.txt" &
pid=$!
sleep 5
start=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
# RSS once a minute, to tell a plateau from a slope.
series=""
for ((t = 65; t < seconds - 5; t += 60)); do
	sleep 60
	series="$series $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "?")"
done
sleep $((seconds - 5 - (t - 60) > 0 ? seconds - 5 - (t - 60) : 1))
end=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "?")
rc=0
wait "$pid" || rc=$?
echo "soak: ${seconds}s, RSS at 5 s ${start} KiB, at $((seconds - 5)) s ${end} KiB, exit ${rc}," \
	"each minute:${series} KiB," \
        "$(cat "$frames/out.txt")"
[[ $rc -eq 0 ]]
