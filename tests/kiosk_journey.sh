#!/usr/bin/env bash
# The kiosk as a stranger meets it, under a real X server (Xvfb) with keys
# pressed by xdotool, the replay source as the camera and the lamps traced:
#   valid → a forgery of the same issuer back to back → Done → a web link →
#   (another kiosk whose trust list has expired) a genuine credential.
# --trace-screens records each screen the kiosk showed, in order.
# Usage: kiosk_journey.sh MCKIOSK FIXTURES_DIR
set -euo pipefail

read -r -a KIOSK <<<"${MCK_TEST_EMULATOR:-} $1"
FIX=$2
T=$(mktemp -d)
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"
display=:$((90 + $$ % 500))
Xvfb "$display" -screen 0 800x480x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$T"' EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
trust=(--anchors "$FIX/anchors" --trust "$FIX/trust/trustlist.jws" --status "$FIX/status")
cases=$FIX/cases

# waits until the screen trace has a line matching $1 (10 s), prints its number
wait_for() {
	for _ in $(seq 100); do
		n=$(grep -n -m1 -E "$1" "$T/screens" 2>/dev/null | cut -d: -f1 || true)
		[[ -n $n ]] && { echo "$n"; return 0; }
		sleep 0.1
	done
	return 1
}

mkdir "$T/frames" "$T/link"
cp "$cases/valid-es256-compact/input0.png" "$T/frames/1.png"
cp "$cases/invalid-tampered/input0.png" "$T/frames/2.png"
cp "$cases/unreadable-not-credential/input0.png" "$T/link/1.png"
run() { # SOURCE_DIR NOW RUN_FOR: the kiosk in the background, screens and lamps traced
	: >"$T/screens"
	: >"$T/lamps"
	SDL_VIDEODRIVER=x11 "${KIOSK[@]}" "${trust[@]}" --now "$2" --source "replay:$1" \
		--clear-after 60 --clear-after-left 60 --indicators "trace:$T/lamps" \
		--trace-screens "$T/screens" --run-for "$3" >"$T/out" 2>"$T/err" &
	kiosk=$!
}

# Valid, then a forgery of the same issuer with no empty frame between: both
# judged, in order; Done clears the forgery's result at once.
run "$T/frames" 1795000000 20
if n=$(wait_for " invalid signature_invalid"); then
	ok
	xdotool search --sync --name "MicroCred Kiosk" windowfocus --sync key space
	# idle before the next code's result: without Done the result stays 60 s
	# and the next code replaces it directly
	for _ in $(seq 50); do
		tail -n +"$((n + 1))" "$T/screens" | grep -q " result " && break
		sleep 0.1
	done
	tail -n +"$((n + 1))" "$T/screens" | head -n1 | grep -q " idle$" && ok ||
		bad "Done did not clear: $(cat "$T/screens")"
else
	bad "the forgery shown right after a valid one was not judged: $(cat "$T/screens")"
fi
kill "$kiosk"
wait "$kiosk" || true
grep " result " "$T/screens" | head -n 2 | cut -d' ' -f3 | tr '\n' ' ' |
	grep -qx "valid invalid " && ok || bad "screens: $(cat "$T/screens")"
grep -q " 1 0 1$" "$T/lamps" && ok || bad "no green lamp with a beep"
grep -q " 0 1 1$" "$T/lamps" && ok || bad "no red lamp with a beep for the forgery"

# until the kiosk has shown a result and beeped (a loaded machine, a sanitizer
# build: no fixed time), then ended
until_result() {
	wait_for " result " >/dev/null || true
	for _ in $(seq 50); do grep -q " 1$" "$T/lamps" 2>/dev/null && break; sleep 0.1; done
	kill "$kiosk" 2>/dev/null || true
	wait "$kiosk" || true
}

# A web link is told apart from an unreadable credential.
run "$T/link" 1795000000 60
until_result
grep -q " result unreadable not_a_credential shown=url host=example.org$" "$T/screens" && ok ||
	bad "the web link: $(cat "$T/screens")"

# An expired trust list: a genuine credential is "cannot check here", amber
# with one long beep, never the forgery's red band and three beeps.
mkdir "$T/genuine"
cp "$cases/valid-es256-compact/input0.png" "$T/genuine/1.png"
run "$T/genuine" 1800000000 60
until_result
grep -q " result cannot_check" "$T/screens" && ok || bad "expired list: $(cat "$T/screens")"
grep -q " 1 1 1$" "$T/lamps" && ok || bad "expired list: no amber with a beep: $(cat "$T/lamps")"
! grep -q " 0 1 1$" "$T/lamps" && ok || bad "expired list: the forgery's red and beeps"
! grep -q " invalid" "$T/screens" && ok || bad "expired list: shown as invalid"
finish kiosk_journey
