#!/usr/bin/env bash
# The degraded-image set: credentials made with mcissue (short, typical, chunked
# in three codes, plain form; all RS256), each code rendered by `mcissue qr` and
# degraded by mck_degrade in every way a kiosk camera meets (12 kinds x 3
# levels) and as photos in the wild show codes (9 kinds more: curved paper,
# shadow, damage, a thumb over a finder, a phone screen at an angle with
# moiré, uneven light, steep perspective, motion and defocus blur), a long
# credential's high-version code at few pixels a module (dense), plus frames
# without a code. Fixed seeds: the same set every time.
# Writes OUT/manifest.tsv: frame path, then the expected QR text ("-": no code),
# and OUT/timing.tsv: clean and empty frames at 640x480, 1280x720, 1920x1080.
# Usage: make-set.sh MCISSUE MCK_DEGRADE OUT [--subset]
#   --subset: the typical credential only, level 2 of the first 12 kinds and of
#             shadow, damage, thumb, uneven, motion and defocus (those it reads:
#             CI time is short), the long one dense at level 2, 4 empty frames
#             (what CI checks).
set -euo pipefail
MCISSUE=$1
DEGRADE=$2
OUT=$3
SUBSET=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
examples=$here/../../docs/examples
mkdir -p "$OUT/codes" "$OUT/frames"
cd "$OUT"
# Reproducible to the byte: a committed test-only RS256 key (PKCS#1 v1.5
# signatures are deterministic; ECDSA's are not) and fixed "nbf" times.
key=$here/test-only-rsa.key.pem
cat >codes/short.json <<'JSON'
{"iss":"https://cert.example-vet.pl","nbf":1790000000,"vc":{"type":["VerifiableCredential"],
"credentialSubject":{"identifier":[{"identityType":"name","hashed":false,"identityHash":"Anna Kowalska"}],
"achievement":{"name":"First aid at work"}}}}
JSON
sed '1s/^{/{"nbf": 1790000000,/' "$examples/anna.json" >codes/typical.json
"$MCISSUE" sign --key "$key" codes/short.json >codes/short.txt
"$MCISSUE" sign --key "$key" codes/typical.json >codes/typical.txt
"$MCISSUE" sign --key "$key" --form chunked:3 codes/typical.json >codes/chunked.txt
"$MCISSUE" sign --key "$key" --form plain "$examples/giorgos.json" >codes/plainrsa.txt
# A long credential in one code: the plain form with a description (version 38).
about="Course of 75 hours in 15 modules: spreadsheets, charts and pivot tables for data analysis;"
about+=" safe use of cloud storage, sharing and backups; passwords, two-factor sign-in and phishing;"
about+=" video meetings and shared documents; privacy settings and personal data under the GDPR;"
about+=" final written exam of 90 minutes, graded by two examiners, with a project portfolio."
sed "s/\"assessmentType\"/\"description\": \"$about\", \"assessmentType\"/" \
	"$examples/giorgos.json" >codes/long.json
"$MCISSUE" sign --key "$key" --form plain codes/long.json >codes/long.txt

names=()
if [[ $SUBSET == --subset ]]; then
	names+=(typical)
	cp codes/typical.txt codes/typical-1.txt
else
	for c in short typical plainrsa; do
		cp "codes/$c.txt" "codes/$c-1.txt"
		names+=("$c")
	done
	for i in 1 2 3; do
		sed -n "${i}p" codes/chunked.txt >"codes/chunk$i-1.txt"
		names+=("chunk$i")
	done
fi
kinds=(clean rotate perspective blur noise contrast small invert jpeg light glare moire
	curve shadow damage thumb screen uneven steep motion defocus)
levels=(1 2 3)
[[ $SUBSET == --subset ]] && levels=(2)
: >manifest.tsv
# Seeds by name, kind and level: the first 12 kinds' frames are those of the
# set before the 9 kinds after them came.
ni=0
for n in "${names[@]}"; do
	"$MCISSUE" qr --scale 4 --out "codes/$n.png" - <"codes/$n-1.txt"
	ki=0
	for k in "${kinds[@]}"; do
		li=0
		if [[ $SUBSET == --subset && " curve screen steep " == *" $k "* ]]; then
			ki=$((ki + 1))
			continue
		fi
		for l in "${levels[@]}"; do
			if ((ki < 12)); then
				seed=$((1 + (ni * 12 + ki) * ${#levels[@]} + li))
			else
				seed=$((3000 + (ni * 100 + ki) * ${#levels[@]} + li))
			fi
			ext=png
			[[ $k == jpeg ]] && ext=jpg
			size=(1280 720)
			[[ $k == small ]] && size=(1920 1080)
			f=frames/$n-$k-$l.$ext
			"$DEGRADE" "codes/$n.png" "$f" "${size[@]}" "$k" "$l" "$seed"
			printf '%s\t%s\n' "$f" "$(cat "codes/$n-1.txt")" >>manifest.tsv
			li=$((li + 1))
		done
		ki=$((ki + 1))
	done
	ni=$((ni + 1))
done
# dense: the long code (version 38) at 3, 2.5 and 2.1 px a module, two of each level
cp codes/long.txt codes/long-1.txt
"$MCISSUE" qr --scale 4 --out codes/long.png - <codes/long-1.txt
variants=(1 2)
[[ $SUBSET == --subset ]] && variants=(1)
for l in "${levels[@]}"; do
	for v in "${variants[@]}"; do
		f=frames/long-dense-$l-$v.png
		"$DEGRADE" codes/long.png "$f" 1280 720 dense "$l" $((500 + 10 * l + v))
		printf '%s\t%s\n' "$f" "$(cat codes/long-1.txt)" >>manifest.tsv
	done
done
empty=20
[[ $SUBSET == --subset ]] && empty=4
for i in $(seq 1 "$empty"); do
	f=frames/none-$i.png
	"$DEGRADE" codes/"${names[0]}".png "$f" 1280 720 none 1 $((1000 + i))
	printf '%s\t-\n' "$f" >>manifest.tsv
done
# Timing frames (bench_scan): a typical code and no code at three camera sizes.
: >timing.tsv
if [[ $SUBSET != --subset ]]; then
	for size in "640 480" "1280 720" "1920 1080"; do
		read -r w h <<<"$size"
		"$DEGRADE" codes/typical.png "frames/time-${w}x$h-code.png" "$w" "$h" clean 1 7
		"$DEGRADE" codes/typical.png "frames/time-${w}x$h-none.png" "$w" "$h" none 1 8
		printf '%s\t%s\n' "frames/time-${w}x$h-code.png" "$(cat codes/typical-1.txt)" >>timing.tsv
		printf '%s\t-\n' "frames/time-${w}x$h-none.png" >>timing.tsv
	done
fi
echo "make-set: $(wc -l <manifest.tsv) frames in $OUT"
