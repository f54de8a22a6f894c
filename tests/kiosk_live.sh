#!/usr/bin/env bash
# mckiosk running as on the appliance (SDL's dummy video driver instead of a
# panel): the capture thread replays credentials, the UI thread verifies them;
# SIGHUP rereads the trust state; bad options and config fail with exit 4 and
# one clear line.
# Usage: kiosk_live.sh MCKIOSK FIXTURES_DIR
set -euo pipefail

# a cross build's kiosk runs under its emulator (MCK_TEST_EMULATOR, as in
# support/runproc.c)
read -r -a KIOSK <<<"${MCK_TEST_EMULATOR:-} $1"
FIX=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"
trust=(--anchors "$FIX/anchors" --trust "$FIX/trust/trustlist.jws" --status "$FIX/status"
	--now 1795000000)

# Three different credentials, replayed every 500 ms for 4 s.
mkdir "$T/frames"
for c in valid-es256-compact invalid-revoked unreadable-no-code; do
	cp "$FIX/cases/$c/input0.png" "$T/frames/$c.png"
done
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --source "replay:$T/frames" --clear-after 1 \
	--indicators "trace:$T/lamps" --run-for 4 >"$T/out" 2>"$T/err" &
pid=$!
sleep 2
kill -HUP "$pid"
rc=0
wait "$pid" || rc=$?
[[ $rc -eq 0 ]] && ok || bad "live run exit $rc: $(cat "$T/err")"
scans=$(sed -n 's/^mckiosk: \([0-9]*\) scans handled$/\1/p' "$T/out")
[[ -n $scans && $scans -ge 3 ]] && ok || bad "scans handled: '${scans}' (want >= 3)"
grep -q "reloading" "$T/err" && ok || bad "SIGHUP did not reload: $(cat "$T/err")"
# The lamps followed the verdicts: green with a beep (valid), red with a beep
# (revoked), and all off when the kiosk stopped.
grep -q " 1 0 1$" "$T/lamps" && ok || bad "no green lamp with a beep: $(head -c 300 "$T/lamps")"
grep -q " 0 1 1$" "$T/lamps" && ok || bad "no red lamp with a beep: $(head -c 300 "$T/lamps")"
[[ $(tail -n1 "$T/lamps" | cut -d' ' -f2-) == "0 0 0" ]] && ok || bad "lamps left on at exit"

# A hangup while the kiosk is still starting (the update service installed
# something just then): reread, never the end of the kiosk.
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --run-for 3 --indicators none \
	>"$T/out" 2>"$T/err" &
pid=$!
sleep 0.3
kill -HUP "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
[[ $rc -eq 0 ]] && ok || bad "a hangup at start ended the kiosk: exit $rc"

# Two codes of one issuer back to back, no empty frame between (their first
# 181 bytes are the same): each is judged as it arrives, the forgery too.
mkdir "$T/pair"
cp "$FIX/cases/valid-es256-compact/input0.png" "$T/pair/a.png"
cp "$FIX/cases/invalid-tampered/input0.png" "$T/pair/b.png"
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --source "replay:$T/pair" \
	--indicators "trace:$T/pair.lamps" --run-for 3 >"$T/out" 2>"$T/err" || true
grep -q " 1 0 1$" "$T/pair.lamps" && ok || bad "back to back: no green lamp: $(cat "$T/err")"
grep -q " 0 1 1$" "$T/pair.lamps" && ok || bad "back to back: the forgery was never judged"
scans=$(sed -n 's/^mckiosk: \([0-9]*\) scans handled$/\1/p' "$T/out")
[[ -n $scans && $scans -ge 4 ]] && ok || bad "back to back: $scans scans handled (want >= 4)"
# One code held in view for 3 s (six frames) is judged once.
mkdir "$T/held"
cp "$FIX/cases/valid-es256-compact/input0.png" "$T/held/a.png"
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --source "replay:$T/held" \
	--indicators none --run-for 3 >"$T/out" 2>"$T/err" || true
scans=$(sed -n 's/^mckiosk: \([0-9]*\) scans handled$/\1/p' "$T/out")
[[ $scans == 1 ]] && ok || bad "a held code was judged $scans times (want 1)"
# ... also when its result clears meanwhile (after 1 s here; as "Done - next
# person" does): the code still held up is not judged again until it has left.
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --source "replay:$T/held" --clear-after 1 \
	--indicators none --run-for 3 >"$T/out" 2>"$T/err" || true
scans=$(sed -n 's/^mckiosk: \([0-9]*\) scans handled$/\1/p' "$T/out")
[[ $scans == 1 ]] && ok || bad "a code held past its result was judged $scans times (want 1)"
# A shaking code (or a slow scan) is unreadable for a second while its result
# still shows, then read again: the same code, not a new scan - no second
# verdict and beep - and its coming back stops the "code has left" clock
# (--clear-after-left 1 would clear the result 1 s after it went).
mkdir "$T/shaky"
for f in 1 4 5 6 7 8; do
	cp "$FIX/cases/valid-es256-compact/input0.png" "$T/shaky/$f.png"
done
for f in 2 3; do
	cp "$FIX/cases/unreadable-no-code/input0.png" "$T/shaky/$f.png"
done
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --source "replay:$T/shaky" --play-once \
	--clear-after-left 1 --indicators "trace:$T/shaky.lamps" --trace-screens "$T/shaky.trace" \
	>"$T/out" 2>"$T/err" || true
scans=$(sed -n 's/^mckiosk: \([0-9]*\) scans handled$/\1/p' "$T/out")
[[ $scans == 1 ]] && ok || bad "a code back in view was judged $scans times (want 1)"
[[ $(grep -c " 1 0 1$" "$T/shaky.lamps") -eq 1 ]] && ok || bad "a code back in view beeped again"
[[ $(sed -n '/result valid/,$p' "$T/shaky.trace" | grep -c " idle") -eq 0 ]] && ok ||
	bad "the result cleared while its code was back in view: $(cat "$T/shaky.trace")"

# No camera: the fault blinks the red lamp (slowly, no beep) while the kiosk runs.
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --source v4l2:/dev/mck-no-such-video \
	--indicators "trace:$T/fault" --run-for 4 >/dev/null 2>"$T/err" || true
[[ $(grep -c " 0 1 0$" "$T/fault") -ge 2 ]] && ok || bad "no fault blink: $(cat "$T/fault")"
# Nothing personal on stdout or stderr: no learner name from the fixtures.
! grep -qi "kowalska" "$T/out" "$T/err" && ok || bad "a learner's name was printed"

# Refusals: exit 4 and a line naming the problem.
refuse() { # WHAT PATTERN ARGS...
	local what=$1 pattern=$2
	shift 2
	local rc=0
	SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "$@" >/dev/null 2>"$T/err" || rc=$?
	if [[ $rc -eq 4 ]] && grep -q -- "$pattern" "$T/err"; then
		ok
	else
		bad "$what: exit $rc, $(head -c 300 "$T/err")"
	fi
}
refuse "bad rotation" "rotate" "${trust[@]}" --rotate 45 --screenshot "$T/x.png"
refuse "bad size" "size" "${trust[@]}" --size 10x10 --screenshot "$T/x.png"
refuse "bad language" "language" "${trust[@]}" --lang xx --screenshot "$T/x.png"
refuse "bad clear-after" "clear-after" "${trust[@]}" --clear-after 0 --screenshot "$T/x.png"
refuse "unknown option" "unknown option" "${trust[@]}" --bogus 1
printf 'display.width = 800\ndisplay.rotation = 45\n' >"$T/bad.conf"
refuse "bad config" "bad.conf:2: display.rotation" "${trust[@]}" --config "$T/bad.conf" \
	--screenshot "$T/x.png"
refuse "missing board" "no-such-board.conf" "${trust[@]}" --board "$T/no-such-board.conf" \
	--screenshot "$T/x.png"

# A board profile and a site file: the site's rotation and language win, the
# profile's panel size stays, options override both.
printf 'display.rotation = 90\nlanguage = pl\n' >"$T/site.conf"
SDL_VIDEODRIVER=dummy "${KIOSK[@]}" "${trust[@]}" --board "$(dirname "$FIX")/../board/rpi5.conf" \
	--config "$T/site.conf" --source "image:$FIX/cases/valid-es256-compact/input0.png" \
	--screenshot "$T/board.png" >/dev/null 2>"$T/err" && ok || bad "board run: $(cat "$T/err")"
size=$(od -An -tu1 -j16 -N8 "$T/board.png" | tr -s ' ')
[[ $size == " 0 0 4 0 0 0 2 88" ]] && ok || bad "board panel size bytes:$size (want 1024x600)"

finish kiosk_live
