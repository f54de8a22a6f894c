#!/usr/bin/env bash
# mckiosk reading codes through the gst: source, as on a Pi with a CSI camera
# (a pipeline made of GStreamer's test elements and a credential's picture
# instead of libcamerasrc): a clip played once gives its verdict once and
# ends the kiosk; a pipeline that cannot start (a missing file, a plugin not
# installed) is said in the journal with GStreamer's words and blinks the
# fault lamp, and the kiosk recovers by itself when it can start (a camera
# plugged in again); a stream that breaks is opened again.
# Usage: kiosk_gst.sh MCKIOSK FIXTURES_DIR
set -euo pipefail
KIOSK=$1
FIX=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"
trust=(--anchors "$FIX/anchors" --trust "$FIX/trust/trustlist.jws" --status "$FIX/status"
	--now 1795000000)
valid=$FIX/cases/valid-es256-compact/input0.png
still() { # PNG FRAMES: a picture held in front of the camera at 10 frames a second
	echo "gst:filesrc location=$1 ! pngdec ! imagefreeze num-buffers=$2 ! video/x-raw,framerate=10/1"
}

# A clip played once: one verdict, the kiosk ends with it.
rc=0
SDL_VIDEODRIVER=dummy "$KIOSK" "${trust[@]}" --source "$(still "$valid" 15)" --play-once \
	--run-for 30 --indicators "trace:$T/lamps" --trace-screens "$T/trace" >"$T/out" 2>"$T/err" ||
	rc=$?
[[ $rc -eq 0 ]] && ok || bad "clip: exit $rc: $(cat "$T/err")"
grep -q "^mckiosk: 1 scans handled$" "$T/out" && ok || bad "clip: $(cat "$T/out")"
[[ $(grep -c " result valid" "$T/trace") -eq 1 ]] && ok || bad "clip: $(cat "$T/trace")"
grep -q " scan frame=[0-9]* codes=1$" "$T/trace" && ok || bad "clip: no scan frame: $(cat "$T/trace")"
grep -q " 1 0 1$" "$T/lamps" && ok || bad "clip: no green lamp with a beep"
# ended by the clip, not by --run-for: well before 30 s (the clip lasts 1.5 s)
last=$(tail -n1 "$T/trace" | cut -d' ' -f1)
[[ $last -lt 20000 ]] && ok || bad "clip: the kiosk ran on after the clip ($last ms)"

# A camera not there at first (its picture appears after 2 s): the journal
# says why with GStreamer's words, the fault lamp blinks, then the kiosk
# opens it by itself and reads the code.
late=$T/late.png
SDL_VIDEODRIVER=dummy "$KIOSK" "${trust[@]}" --source "$(still "$late" 30)" --run-for 6 \
	--indicators "trace:$T/lamps2" --trace-screens "$T/trace2" >"$T/out" 2>"$T/err" &
pid=$!
sleep 2.5
cp "$valid" "$late"
rc=0
wait "$pid" || rc=$?
[[ $rc -eq 0 ]] && ok || bad "late camera: exit $rc: $(cat "$T/err")"
grep -q "scan source gst:.* gone: camera pipeline: filesrc: " "$T/err" && ok ||
	bad "late camera: no reason in the journal: $(cat "$T/err")"
grep -q "scan source gst:.* open$" "$T/err" && ok || bad "late camera: never opened: $(cat "$T/err")"
[[ $(grep -c " 0 1 0$" "$T/lamps2") -ge 2 ]] && ok || bad "late camera: no fault blink"
grep -q " result valid" "$T/trace2" && ok || bad "late camera: no verdict: $(cat "$T/trace2")"

# A plugin not installed: said, never a crash, the kiosk keeps running.
rc=0
SDL_VIDEODRIVER=dummy "$KIOSK" "${trust[@]}" --source "gst:mck-no-such-camera ! videoconvert" \
	--run-for 2 --indicators none >"$T/out" 2>"$T/err" || rc=$?
[[ $rc -eq 0 ]] && ok || bad "no plugin: exit $rc"
grep -q "gone: camera pipeline: .*mck-no-such-camera" "$T/err" && ok ||
	bad "no plugin: not said: $(cat "$T/err")"

# A stream that breaks while running (a loose cable), again and again: opened
# again at once the first time; failing again soon after, it is gone (said,
# with GStreamer's words), retried once a second, and open again with its
# next frame - never opened over and over in a tight loop.
rc=0
SDL_VIDEODRIVER=dummy "$KIOSK" "${trust[@]}" --run-for 5 --indicators none \
	--source "gst:videotestsrc ! video/x-raw,width=320,height=240,framerate=20/1 ! identity error-after=10" \
	>"$T/out" 2>"$T/err" || rc=$?
[[ $rc -eq 0 ]] && ok || bad "broken stream: exit $rc"
grep -q "scan source gst:.* gone: camera pipeline: identity: " "$T/err" && ok ||
	bad "broken stream: not said: $(cat "$T/err")"
opened=$(grep -c "scan source gst:.* open$" "$T/err" || true)
[[ $opened -ge 2 && $opened -le 4 ]] && ok ||
	bad "broken stream: opened $opened times in 5 s (want 2..4): $(cat "$T/err")"
# Nothing personal in the journal.
! grep -qi "kowalska" "$T/out" "$T/err" && ok || bad "a learner's name was printed"
finish kiosk_gst
