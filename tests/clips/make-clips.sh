#!/usr/bin/env bash
# The moving-code clips: each a fixture credential's code (tests/fixtures/cases)
# held up to the camera in one way (mck_clipgen: enter, shake, tilt, focus,
# glare, moire), 3 s at 30 fps (CI: 2.5 s), encoded as a USB camera sends it (MJPEG,
# 4:2:0, quality 85) in an AVI. Fixed seeds: the same clips every time.
# Beside each CLIP.avi, CLIP.txt: what mck_clipgen says of it, the case and
# its expected verdict, and which frames hold a decodable code (mck_clipread:
# the clip decoded as the kiosk decodes it, each frame scanned at full effort;
# and the first each frame in turn scanned as a camera's at CPU scale 1, 0.2).
# Usage: make-clips.sh CLIPGEN CLIPREAD FIXTURES OUT [--first] [--seconds S] [NAME...]
#   NAME: KIND-SIZE-VERDICT, SIZE vga (640x480) or hd (1280x720), VERDICT
#         valid (valid-es256-compact) or invalid (invalid-revoked, a revoked
#         credential); its seed from the name. No names: all 24.
#   --first: find the first decodable frame only (cheaper: what CI needs).
#   --seconds S: clips of S seconds (default 3; a shorter clip is the start
#             of the longer one, frame for frame).
# Writes OUT/list: the clips' names.
set -euo pipefail
CLIPGEN=$1
CLIPREAD=$2
FIX=$3
OUT=$4
shift 4
first_only=
seconds=3
if [[ ${1:-} == --first ]]; then
	first_only=--first
	shift
fi
if [[ ${1:-} == --seconds ]]; then
	seconds=$2
	shift 2
fi
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
	for kind in enter shake tilt focus glare moire; do
		for size in vga hd; do
			names+=("$kind-$size-valid" "$kind-$size-invalid")
		done
	done
fi
mkdir -p "$OUT"

: >"$OUT/list"
for name in "${names[@]}"; do
	IFS=- read -r kind size verdict <<<"$name"
	case $size in
	vga) w=640 h=480 ;;
	hd) w=1280 h=720 ;;
	*) echo "make-clips: $name: size vga or hd" >&2 && exit 2 ;;
	esac
	case $verdict in
	valid) case=valid-es256-compact ;;
	invalid) case=invalid-revoked ;;
	*) echo "make-clips: $name: verdict valid or invalid" >&2 && exit 2 ;;
	esac
	seed=$(printf '%s' "$name" | cksum | cut -d' ' -f1)
	dir=$FIX/cases/$case
	"$CLIPGEN" "$dir/input0.png" "$w" "$h" "$kind" "$seed" "$seconds" "$OUT/$name.txt" |
		gst-launch-1.0 -q fdsrc fd=0 ! \
			rawvideoparse format=gray8 width="$w" height="$h" framerate=30/1 ! \
			videoconvert ! video/x-raw,format=I420 ! jpegenc quality=85 ! avimux ! \
			filesink location="$OUT/$name.avi"
	expect=$(sed -n 's/.*"verdict": *"\([a-z_]*\)".*/\1/p' "$dir/case.json")
	now=$(sed -n 's/.*"now": *\([0-9]*\).*/\1/p' "$dir/case.json")
	trust=$(sed -n 's/.*"trust": *"\([^"]*\)".*/\1/p' "$dir/case.json")
	status=$(grep -q '"status": *true' "$dir/case.json" && echo yes || echo no)
	found=$("$CLIPREAD" "$OUT/$name.avi" "$w" "$h" "$dir/input0.txt" ${first_only:---camera})
	{
		echo "case=$case"
		echo "expect=$expect"
		echo "now=$now"
		echo "trust=$trust"
		echo "status=$status"
		# mck_clipread's key=value pairs, a line each
		echo "$found" | tr ' ' '\n'
	} >>"$OUT/$name.txt"
	echo "$name" >>"$OUT/list"
done
echo "make-clips: ${#names[@]} clips in $OUT"
