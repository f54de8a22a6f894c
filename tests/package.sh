#!/usr/bin/env bash
# The Debian packages (cmake/package.cmake): what the kiosk package holds and
# never holds (mcissue, a private key, a test anchor), the issuer package, the
# maintainer script, the configure-time refusal of test anchors, and the
# release build (issue 15): programs stripped, their symbols in the -dbgsym
# package under their build-ids, compiled -O2 and, for a board's build
# (version 0.1.0+rpi4), with that board's -mcpu.
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
	"$T/root/usr/lib/systemd/system/mckiosk-update@sda1.service")
if systemd-analyze verify --root="$T/root" "${units[@]}" >"$T/verify.log" 2>&1 &&
	[[ ! -s $T/verify.log ]]; then
	ok
else
	bad "systemd-analyze verify: $(cat "$T/verify.log")"
fi
for u in mckiosk.service mckiosk-update@.service; do
	systemd-analyze security --offline=true --root="$T/root" --threshold=19 \
		"$T/root/usr/lib/systemd/system/$u" >"$T/security.log" 2>&1 &&
		ok || bad "$u: $(grep -a 'Overall exposure' "$T/security.log")"
	echo "package: $(grep -a 'Overall exposure' "$T/security.log")"
done

# The build refuses test anchors, and private keys, as production anchors.
refuses() { # DIR WHY
	if cmake -S "$SRC" -B "$T/refuse" -DMCK_BUILD_TESTS=OFF -DMCK_ANCHORS_DIR="$1" \
		>"$T/refuse.log" 2>&1; then
		bad "configured with $2"
	else
		grep -q "refused\|private key" "$T/refuse.log" && ok || bad "$2: $(tail -3 "$T/refuse.log")"
	fi
	rm -rf "$T/refuse"
}
refuses "$SRC/tests/fixtures/anchors" "the test fixtures' anchors"
mkdir -p "$T/copied"
cp "$SRC/tests/fixtures/anchors/operator.pem" "$T/copied/operator.pem"
refuses "$T/copied" "a copy of a test anchor"
mkdir -p "$T/private"
cp "$SRC/tests/degrade/test-only-rsa.key.pem" "$T/private/site.pem"
refuses "$T/private" "a private key"
finish package
