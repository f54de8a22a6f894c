#!/usr/bin/env bash
# The Debian packages (cmake/package.cmake): what the kiosk package holds and
# never holds (mcissue, a private key, a test anchor), the issuer package, the
# maintainer script, the configure-time refusal of test anchors, and the
# release build (issue 15): programs stripped, their symbols in the -dbgsym
# package under their build-ids, compiled -O2 and, for a board's build
# (version 0.1.0+rpi4), with that board's -mcpu. Network updates (issue 17):
# the fetch service, its timer and generator, and mck-net-update's reading of
# kiosk.conf with a stand-in mcupdate (nothing in the file is ever run).
# The units' systemd-analyze checks and the configure-time refusals depend on
# the sources alone: --build-only leaves them to the native build's run (CI's
# sanitizer, cross and board builds pass it).
# Usage: package.sh SOURCE_DIR BUILD_DIR [--build-only]
set -euo pipefail

SRC=$1
BUILD=$2
build_only=0
[[ ${3:-} == --build-only ]] && build_only=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"

(cd "$BUILD" && cpack -G DEB -B "$T/out" >"$T/cpack.log" 2>&1) ||
	{ cat "$T/cpack.log" >&2; bad "cpack failed"; finish package; }
kiosk=$(ls "$T"/out/mckiosk_*.deb)
cache() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt"; }

# ---- The release build: stripped, symbols in -dbgsym, -O2, the board's -mcpu ----
# Build types a package is made from have their flags checked: Release with the
# presets' "-O2 -g -DNDEBUG" (not CMake's "-O3 -DNDEBUG": that is no packaged
# build) and RelWithDebInfo (CI's native build); a Debug (sanitizer) build not.
type=$(cache CMAKE_BUILD_TYPE)
flags=$(cache "CMAKE_C_FLAGS_${type^^}")
if [[ $type == RelWithDebInfo || ($type == Release && $flags != "-O3 -DNDEBUG") ]]; then
	strict=1
else
	strict=0
	echo "package: a $type build ('$flags'): optimisation and -mcpu not checked"
fi
# The CPU a board's build is for, from its version; a build for no board has no -mcpu.
version=$(dpkg-deb -f "$kiosk" Version)
case $version in
*+rpi4) cpu=cortex-a72 ;;
*+rpi5) cpu=cortex-a76 ;;
*+rpizero2w) cpu=cortex-a53 ;;
*+*) bad "version $version names no board this test knows" ;;
*) cpu= ;;
esac
# The compile units of our own sources in a .debug file: "NAME<TAB>PRODUCER".
units() {
	readelf --debug-dump=info "$1" 2>/dev/null | awk -v src="$SRC/" '
		/DW_TAG_compile_unit/ { cu = 1; p = ""; n = ""; d = ""; next }
		cu && /DW_AT_producer/ { sub(/.*: /, ""); p = $0 }
		cu && /DW_AT_name/ { sub(/.*: /, ""); n = $0 }
		cu && /DW_AT_comp_dir/ { sub(/.*: /, ""); d = $0 }
		cu && /Abbrev Number/ {
			if (substr(n, 1, 1) != "/") n = d "/" n
			if (index(n, src) == 1) print n "\t" p
			cu = 0
		}'
}
release_checks() { # PACKAGE.deb
	local deb=$1 name ddeb dir id file dbg n
	name=$(dpkg-deb -f "$deb" Package)
	ddeb=$(ls "$T/out/$name-dbgsym_"*.ddeb 2>/dev/null) ||
		{ bad "no $name-dbgsym package"; return; }
	dir="$T/rel-$name"
	mkdir -p "$dir"
	dpkg-deb -x "$deb" "$dir/pkg"
	dpkg-deb -x "$ddeb" "$dir/dbg"
	[[ $(dpkg-deb -f "$ddeb" Depends) == "$name (= $(dpkg-deb -f "$deb" Version))" ]] && ok ||
		bad "$name-dbgsym depends on: $(dpkg-deb -f "$ddeb" Depends)"
	n=0
	while IFS= read -r file; do
		file -b "$file" | grep -q '^ELF' || continue
		n=$((n + 1))
		# stripped: no symbol table, no DWARF
		if readelf -S -W "$file" | grep -qE ' \.(symtab|debug_[a-z_]+) '; then
			bad "${file#"$dir/pkg"} is not stripped"
		else
			ok
		fi
		id=$(readelf -n "$file" | sed -n 's/.*Build ID: \([0-9a-f]*\)/\1/p')
		dbg="$dir/dbg/usr/lib/debug/.build-id/${id:0:2}/${id:2}.debug"
		if [[ -z $id || ! -f $dbg ]]; then
			bad "${file#"$dir/pkg"}: build-id '$id' has no .debug file in $name-dbgsym"
			continue
		fi
		[[ $(readelf -n "$dbg" 2>/dev/null | sed -n 's/.*Build ID: \([0-9a-f]*\)/\1/p') == "$id" ]] && ok ||
			bad "$dbg: another build-id"
		grep -qw "$id" <(dpkg-deb -f "$ddeb" Build-Ids) && ok || bad "$id not in Build-Ids"
		[[ $strict == 1 ]] || continue
		units "$dbg" >"$dir/units"
		[[ -s $dir/units ]] && ok || { bad "${file#"$dir/pkg"}: no DWARF of ours in $dbg"; continue; }
		# every unit of ours at -O2, and no other -O
		grep -vE $'\t.* -O2( |$)' "$dir/units" | grep . && bad "${file#"$dir/pkg"}: a unit not -O2" || ok
		grep -E $'\t.* -O([013sz]|fast|g)( |$)' "$dir/units" && bad "${file#"$dir/pkg"}: -O other than -O2" || ok
		if [[ -n $cpu ]]; then
			grep -vE -- "-mcpu=$cpu( |\$)" "$dir/units" | grep . && bad "${file#"$dir/pkg"}: a unit without -mcpu=$cpu" || ok
		else
			grep -- "-mcpu=" "$dir/units" | grep . && bad "${file#"$dir/pkg"}: -mcpu in a build for no board" || ok
		fi
	done < <(find "$dir/pkg" -type f)
	[[ $n -gt 0 ]] && ok || bad "$name: no program"
	echo "package: $name $version: $n programs stripped, their symbols in $(basename "$ddeb")${cpu:+, -mcpu=$cpu}"
}
release_checks "$kiosk"
if ls "$T"/out/mcissue_*.deb >/dev/null 2>&1; then
	release_checks "$(ls "$T"/out/mcissue_*.deb)"
fi

dpkg-deb -c "$kiosk" | awk '{print $6}' | sed 's#^\./##' >"$T/kiosk.list"

# What the appliance needs.
for f in usr/bin/mckiosk usr/bin/mcverify usr/bin/mcupdate usr/libexec/mckiosk/mck-media-update \
	usr/libexec/mckiosk/mck-net-update usr/lib/systemd/system/mckiosk-fetch.service \
	usr/lib/systemd/system/mckiosk-fetch.timer \
	usr/lib/systemd/system-generators/mckiosk-fetch-generator \
	usr/share/mckiosk/board/rpi4.conf usr/share/mckiosk/board/rpi5.conf \
	usr/share/mckiosk/board/generic-x86.conf usr/share/mckiosk/anchors/ \
	usr/lib/systemd/system/mckiosk.service usr/lib/systemd/system/mckiosk-update@.service \
	usr/lib/udev/rules.d/90-mckiosk-update.rules usr/lib/udev/rules.d/60-mckiosk-gpio.rules \
	usr/share/mckiosk/board/rpi4.config.txt usr/share/mckiosk/board/rpi5.config.txt \
	etc/mckiosk/board etc/mckiosk/kiosk.conf; do
	grep -qx "$f" "$T/kiosk.list" && ok || bad "kiosk package lacks $f"
done
# What it must never hold.
grep -q 'mcissue' "$T/kiosk.list" && bad "kiosk package holds mcissue" || ok
dpkg-deb -x "$kiosk" "$T/root"
grep -rlI 'PRIVATE KEY' "$T/root" && bad "kiosk package holds a private key" || ok
# no file whose bytes are those of a test anchor or test key
find "$SRC/keys/test-only" "$SRC/tests" -name '*.pem' -type f -exec sha256sum {} + |
	cut -d' ' -f1 | sort -u >"$T/test.sums"
find "$T/root" -type f -exec sha256sum {} + | cut -d' ' -f1 | sort -u >"$T/pkg.sums"
[[ -z $(comm -12 "$T/test.sums" "$T/pkg.sums") ]] && ok || bad "kiosk package holds test material"
[[ $(wc -l <"$T/test.sums") -ge 2 ]] && ok || bad "no test anchors found to compare with"
# the programs look for what the package installs where it installs it (a
# kiosk built for /usr/local found no board profile on the appliance): run
# from the extracted package, they name the places they looked in
read -r -a run <<<"${MCK_TEST_EMULATOR:-}"
looked=$(SDL_VIDEODRIVER=dummy "${run[@]}" "$T/root/usr/bin/mckiosk" --board mck-no-such-board \
	--screenshot "$T/x.png" 2>&1 || true)
grep -q ' /usr/share/mckiosk/board/mck-no-such-board.conf:' <<<"$looked" && ok ||
	bad "mckiosk looks for board profiles elsewhere: $(head -n1 <<<"$looked")"
looked=$("${run[@]}" "$T/root/usr/bin/mcverify" --trust /dev/null --text x 2>&1 || true)
grep -q 'anchors /usr/share/mckiosk/anchors:' <<<"$looked" && ok ||
	bad "mcverify looks for anchors elsewhere: $(head -n1 <<<"$looked")"
# the package's architecture is that of its programs (a cross build's: arm64)
arch=$(dpkg-deb -f "$kiosk" Architecture)
case "$arch:$(file -b "$T/root/usr/bin/mckiosk")" in
amd64:*x86-64* | arm64:*aarch64*) ok ;;
*) bad "package architecture $arch, but mckiosk is: $(file -b "$T/root/usr/bin/mckiosk")" ;;
esac
# site files are conffiles: an upgrade keeps the site's edits
dpkg-deb -e "$kiosk" "$T/control"
grep -qx /etc/mckiosk/kiosk.conf "$T/control/conffiles" && ok || bad "kiosk.conf not a conffile"
sh -n "$T/control/postinst" && ok || bad "postinst: syntax"
grep -q 'fonts-noto-core' <(dpkg-deb -f "$kiosk" Depends) && ok || bad "no font dependency"
for d in libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri; do
	grep -q "$d" <(dpkg-deb -f "$kiosk" Depends) && ok || bad "no $d dependency (SDL's KMSDRM)"
done
# the mirror's certificate is checked against the system's CA store; libcurl's
# runtime comes with dpkg-shlibdeps once mcupdate links it
grep -qw 'ca-certificates' <(dpkg-deb -f "$kiosk" Depends) && ok || bad "no ca-certificates dependency"
if readelf -d "$T/root/usr/bin/mcupdate" | grep -q 'NEEDED.*libcurl'; then
	grep -qw 'libcurl4' <(dpkg-deb -f "$kiosk" Depends) && ok ||
		bad "mcupdate links libcurl; no libcurl4 dependency"
fi
# The issuer package: the issuer tool alone.
if ls "$T"/out/mcissue_*.deb >/dev/null 2>&1; then
	dpkg-deb -c "$T"/out/mcissue_*.deb | awk '{print $6}' | grep -v '/$' >"$T/issuer.list"
	[[ $(cat "$T/issuer.list") == ./usr/bin/mcissue ]] && ok || bad "issuer package: $(cat "$T/issuer.list")"
fi
if [[ $build_only == 1 ]]; then
	echo "package: units and test-anchor refusals left to the native build's run"
	finish package
	exit
fi
# The units as installed: systemd-analyze verify says nothing (unknown keys,
# missing programs), and both are hardened below an exposure of 2.0. The
# installed package's root lacks systemd's own units: the host's stand in.
mkdir -p "$T/root/usr/lib/systemd/system"
cp -rn /usr/lib/systemd/system/. "$T/root/usr/lib/systemd/system/"
units=("$T/root/usr/lib/systemd/system/mckiosk.service"
	"$T/root/usr/lib/systemd/system/mckiosk-update@sda1.service"
	"$T/root/usr/lib/systemd/system/mckiosk-fetch.service"
	"$T/root/usr/lib/systemd/system/mckiosk-fetch.timer")
if systemd-analyze verify --root="$T/root" "${units[@]}" >"$T/verify.log" 2>&1 &&
	[[ ! -s $T/verify.log ]]; then
	ok
else
	bad "systemd-analyze verify: $(cat "$T/verify.log")"
fi
for u in mckiosk.service mckiosk-update@.service mckiosk-fetch.service; do
	systemd-analyze security --offline=true --root="$T/root" --threshold=19 \
		"$T/root/usr/lib/systemd/system/$u" >"$T/security.log" 2>&1 &&
		ok || bad "$u: $(grep -a 'Overall exposure' "$T/security.log")"
	echo "package: $(grep -a 'Overall exposure' "$T/security.log")"
done

# ---- mck-net-update (the package's copy) and the fetch timer's generator ----
# A stand-in mcupdate writes its arguments, one a line; a value run as shell
# would leave $T/pwned.
net="$T/root/usr/libexec/mckiosk/mck-net-update"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"$FAKE_ARGS"\nexit "${FAKE_RC:-0}"\n' >"$T/mcupdate"
chmod +x "$T/mcupdate"
net_run() { # CONFIG_TEXT [PROFILE_TEXT]: sets out, rc, args ("-": mcupdate not run)
	printf '%s' "$1" >"$T/net.conf"
	printf '%s' "${2:-}" >"$T/net.profile"
	rm -f "$T/net.args"
	rc=0
	out=$(MCUPDATE="$T/mcupdate" FAKE_ARGS="$T/net.args" sh "$net" --config "$T/net.conf" \
		--profile "$T/net.profile" 2>&1) || rc=$?
	if [[ -f $T/net.args ]]; then args=$(cat "$T/net.args"); else args=-; fi
}
net_want() { # WHAT RC ARGS
	if [[ $rc == "$2" && $args == "$3" && ! -e $T/pwned ]]; then
		ok
	else
		bad "mck-net-update, $1: exit $rc, mcupdate ${args//$'\n'/ }; $out$([[ -e $T/pwned ]] && echo ' (RAN A VALUE)')"
	fi
}
defaults=$'--state\n/var/lib/mckiosk\n--anchors\n/usr/share/mckiosk/anchors\n--spool\n/var/lib/mckiosk-update'
pin='sha256//LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='
net_run $'# the site\nlanguage = pl\n'
net_want "no update.url" 0 -
[[ $(wc -l <<<"$out") == 1 && $out == *"network updates are off"* ]] && ok || bad "url off says: $out"
net_run $'update.url = none\n' $'update.url = https://profile.example/\n'
net_want "update.url none over the profile's" 0 -
net_run $' \tupdate.url =  https://mirror.example/kiosk/ \r\n# update.url = http://other/\nlanguage = en\n'
net_want "update.url" 0 "$defaults"$'\nhttps://mirror.example/kiosk/'
net_run $'update.url=http://10.0.0.5:8080\nupdate.pin = '"$pin"$'\nupdate.ca = /etc/mckiosk/site ca.pem'
net_want "pin and CA" 0 "$defaults"$'\n--pin\n'"$pin"$'\n--ca\n/etc/mckiosk/site ca.pem\nhttp://10.0.0.5:8080'
net_run $'language = en\n' $'update.url = https://profile.example/\nupdate.ca = none\n'
net_want "the profile's update.url" 0 "$defaults"$'\nhttps://profile.example/'
net_run $'update.url = https://site.example/\n' $'update.url = https://profile.example/\n'
net_want "the site's over the profile's" 0 "$defaults"$'\nhttps://site.example/'
# characters a shell would act on, which a URL and a path may hold: passed as
# they are, never run
bomb="\$(touch\$IFS$T/pwned)"
net_run "update.url = https://m/a;$bomb&x='1'"$'\n'"update.ca = /c$bomb"
net_want "shell characters in a URL and a path" 0 "$defaults"$'\n--ca\n'"/c$bomb"$'\n'"https://m/a;$bomb&x='1'"
# what the kiosk refuses: exit 4, mcupdate not run
for line in "update.url = https://m/\"; touch $T/pwned; \"" "update.url = https://m/\`touch $T/pwned\`" \
	"update.url = 'https://m/'" "update.url = \"https://m/\"" "update.url = https://m/ x" \
	"update.url = ftp://m/" "update.url = https://m/?q=$bomb" "update.url = https://" \
	"update.url = https://m/\${IFS}" "update.pin = $bomb" "update.pin = ${pin%=}A" \
	"update.ca = ca.pem" "update.interval = 5min" "update.interval = 06h" "update.interval ="; do
	# (pin, CA and interval with a URL: without one there is nothing to check)
	[[ $line == update.url* ]] && net_run "$line"$'\n' ||
		net_run $'update.url = https://ok.example/\n'"$line"$'\n'
	net_want "refuses $line" 4 -
done
net_run $'update.url = https://a/\nupdate.url = https://b/\n'
net_want "update.url given twice" 4 -
[[ $out == *"net.conf:2: update.url given twice"* ]] && ok || bad "twice says: $out"
net_run "$bomb = 1"$'\n'"\`touch $T/pwned\`"$'\nupdate.url = https://m/\n'
net_want "other lines ignored" 0 "$defaults"$'\nhttps://m/'
FAKE_RC=3 net_run $'update.url = https://m/\n'
net_want "mcupdate's exit status" 3 "$defaults"$'\nhttps://m/'
# The generator: the interval into a timer drop-in, the timer wanted with a URL.
generate() { # CONFIG_TEXT: sets gen_out, drop (the drop-in without comments, one line)
	rm -rf "$T/gen" && mkdir "$T/gen"
	printf '%s' "$1" >"$T/net.conf"
	gen_out=$(sh "$net" --generate "$T/gen" --config "$T/net.conf" --profile "$T/none" 2>&1)
	drop=$(grep -v '^#' "$T/gen/mckiosk-fetch.timer.d/50-interval.conf" 2>/dev/null | tr '\n' ' ')
}
interval_drop() { echo "[Timer] OnUnitActiveSec= OnBootSec=2min OnUnitActiveSec=${1}s RandomizedDelaySec=${2}s "; }
generate $'update.url = https://m/\nupdate.interval = 90min\n'
[[ $drop == "$(interval_drop 5400 900)" ]] && ok || bad "generator, 90min: $drop"
[[ $(readlink "$T/gen/timers.target.wants/mckiosk-fetch.timer") == /usr/lib/systemd/system/mckiosk-fetch.timer ]] &&
	ok || bad "generator: timer not wanted with an update.url"
mkdir -p "$T/root/etc/systemd/system"
cp -r "$T/gen/mckiosk-fetch.timer.d" "$T/root/etc/systemd/system/"
if systemd-analyze verify --root="$T/root" "$T/root/usr/lib/systemd/system/mckiosk-fetch.timer" \
	>"$T/verify.log" 2>&1 && [[ ! -s $T/verify.log ]]; then
	ok
else
	bad "the generated drop-in: $(cat "$T/verify.log")"
fi
generate $'update.interval = 7d\n'
[[ $drop == "$(interval_drop 604800 3600)" ]] && ok || bad "generator, 7d: $drop"
[[ ! -e $T/gen/timers.target.wants ]] && ok || bad "generator: timer wanted without update.url"
generate $'update.url = https://m/\nupdate.interval = 2w\n'
[[ $drop == "$(interval_drop 21600 3600)" && $gen_out == *"update.interval is a whole number"* ]] &&
	ok || bad "generator, a bad interval: $drop $gen_out"
[[ -L $T/gen/timers.target.wants/mckiosk-fetch.timer ]] && ok ||
	bad "generator: a bad interval turned the timer off"
generate ''
[[ $drop == "$(interval_drop 21600 3600)" && ! -e $T/gen/timers.target.wants ]] && ok ||
	bad "generator, no settings: $drop"
# shellcheck disable=SC2016 # the generator's own line, as written
[[ $(tail -n1 "$T/root/usr/lib/systemd/system-generators/mckiosk-fetch-generator") == \
	'exec /usr/libexec/mckiosk/mck-net-update --generate "${1:?output directory}"' ]] && ok ||
	bad "the generator does not run the packaged mck-net-update"
echo "package: mck-net-update: no value run as shell, the interval into the timer"

# The build refuses test anchors, and private keys, as production anchors.
# One tree for the three: the refusal is made anew by each configure (package.cmake
# reads MCK_ANCHORS_DIR every time), only the compiler and library checks come from
# the first one's cache (about 6 s of each configure).
refuses() { # DIR WHY
	if cmake -S "$SRC" -B "$T/refuse" -DMCK_BUILD_TESTS=OFF -DMCK_ANCHORS_DIR="$1" \
		>"$T/refuse.log" 2>&1; then
		bad "configured with $2"
	else
		grep -q "refused\|private key" "$T/refuse.log" && ok || bad "$2: $(tail -3 "$T/refuse.log")"
	fi
}
refuses "$SRC/tests/fixtures/anchors" "the test fixtures' anchors"
mkdir -p "$T/copied"
cp "$SRC/tests/fixtures/anchors/operator.pem" "$T/copied/operator.pem"
refuses "$T/copied" "a copy of a test anchor"
mkdir -p "$T/private"
cp "$SRC/tests/degrade/test-only-rsa.key.pem" "$T/private/site.pem"
refuses "$T/private" "a private key"
rm -rf "$T/refuse"
finish package
