#!/usr/bin/env bash
# One moving-code clip played through the kiosk's live loop: the gst: source
# (decodebin, at the clip's own pace, newest frame only), the capture thread's
# scanning with the camera's budget, verification, the screens. --play-once
# ends the kiosk when the clip ends; --trace-screens says which frame each
# scan came from and which screens followed.
# Checks: the clip's expected verdict on a result screen, exactly once (one
# scan handled, one result screen), nothing else. Prints one line:
#   NAME SIZE KIND first=F verdict_frame=V frames=D read=yes|no
# D = V - F: frames from the first decodable frame (make-clips.sh) to the
# frame the verdict came from; '-' when there is no F or no V.
# Usage: play.sh MCKIOSK FIXTURES CLIPDIR NAME [KIOSK OPTIONS...]
# Exit 0 when the checks pass, 1 when one fails (what failed on stderr).
set -euo pipefail
KIOSK=$1
FIX=$2
DIR=$3
NAME=$4
shift 4
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

side=$DIR/$NAME.txt
get() { sed -n "s/^$1=//p" "$side"; }
expect=$(get expect)
first=$(get first)
args=(--anchors "$FIX/anchors" --trust "$FIX/$(get trust)" --now "$(get now)")
if [[ $(get status) == yes ]]; then
	args+=(--status "$FIX/status")
fi
rc=0
SDL_VIDEODRIVER=dummy timeout 60 "$KIOSK" "${args[@]}" --indicators none --play-once \
	--trace-screens "$T/trace" --source "gst:filesrc location=$DIR/$NAME.avi ! decodebin" \
	"$@" >"$T/out" 2>"$T/err" || rc=$?

fails=()
[[ $rc -eq 0 ]] || fails+=("kiosk exit $rc: $(tail -n 3 "$T/err" | tr '\n' ' ')")
scans=$(sed -n 's/^mckiosk: \([0-9]*\) scans handled$/\1/p' "$T/out")
[[ $scans == 1 ]] || fails+=("scans handled: '$scans' (want 1)")
touch "$T/trace"
nscan=$(grep -c ' scan frame=' "$T/trace" || true)
[[ $nscan == 1 ]] || fails+=("$nscan scan lines in the trace (want 1)")
results=$(grep ' result' "$T/trace" | cut -d' ' -f2- || true)
nres=$(grep -c ' result' "$T/trace" || true)
[[ $nres == 1 ]] || fails+=("$nres result screens (want 1): $(echo "$results" | tr '\n' ';')")
verdict=$(echo "$results" | head -n1 | cut -d' ' -f2)
[[ $verdict == "$expect" ]] || fails+=("verdict '$verdict' (want $expect)")
others=$(grep -v -e ' idle$' -e ' scan frame=' -e ' result' "$T/trace" || true)
[[ -z $others ]] || fails+=("other screens: $(echo "$others" | tr '\n' ';')")

vframe=$(sed -n 's/^[0-9]* scan frame=\([0-9]*\) codes=[1-9].*/\1/p' "$T/trace" | head -n1)
frames=-
if [[ -n $vframe && $first =~ ^[0-9]+$ ]]; then
	frames=$((vframe - first))
fi
read=no
[[ ${#fails[@]} -eq 0 ]] && read=yes
echo "$NAME $(get size) $(get kind) first=$first verdict_frame=${vframe:--} frames=$frames" \
	"read=$read"
for f in "${fails[@]}"; do
	echo "FAIL $NAME: $f" >&2
done
[[ $read == yes ]]
