#!/usr/bin/env bash
# mcissue publish end to end: the mirror tree and its manifest (every size and digest
# recomputed here), re-publishing (a no-op, newer bundles, lists dropped), refusals of
# hostile or wrong bundles (each leaves the mirror byte-for-byte as it was), the
# published tree installs with mcupdate, and the publish cut at every file-system step:
# a manifest on disk is always the old or the new one, and the new one only with
# every file it names in place.
# Usage: publish.sh MCISSUE MCISSUE_FAULTS MCUPDATE [STRIDE]
# STRIDE: cut at every STRIDE-th step only (sanitizer builds; default 1, every step).
set -euo pipefail

MCISSUE=$1
FAULTS=$2
MCUPDATE=$3
STRIDE=${4:-1}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"
# shellcheck source=support/bundles.sh
. "$(dirname "$0")/support/bundles.sh"

W="$T/www"
M="$W/mck-update"

# The manifest a bundle must give, from sha256sum and stat: trustlist.jws, then status/ by name.
expected_manifest() { # BUNDLE_DIR SEQUENCE
	local dir=$1 sep="" f rel out
	out="{\"sequence\":$2,\"files\":["
	for f in "$dir/trustlist.jws" $(find "$dir/status" -maxdepth 1 -name '*.jws' | LC_ALL=C sort); do
		rel=${f#"$dir/"}
		out+="$sep{\"path\":\"$rel\",\"size\":$(stat -c %s "$f"),"
		out+="\"sha256\":\"$(sha256sum "$f" | cut -d' ' -f1)\"}"
		sep=,
	done
	echo "$out]}"
}
# Every file the manifest names is in the mirror with its size and digest.
manifest_holds() {
	local entries path size sum
	entries=$(grep -o '{"path":"[^"]*","size":[0-9]*,"sha256":"[0-9a-f]*"}' "$M/manifest.json" |
		sed 's/{"path":"\([^"]*\)","size":\([0-9]*\),"sha256":"\([0-9a-f]*\)"}/\1 \2 \3/') ||
		return 1
	[[ -n $entries ]] || return 1
	while read -r path size sum; do
		[[ -f "$M/$path" && ! -L "$M/$path" ]] || return 1
		[[ $(stat -c %s "$M/$path") == "$size" ]] || return 1
		[[ $(sha256sum "$M/$path" | cut -d' ' -f1) == "$sum" ]] || return 1
	done <<<"$entries"
}
publish() { # ARGS...
	PRC=0
	POUT=$("$MCISSUE" publish "$@" 2>&1) || PRC=$?
}
expect_published() { # NAME BUNDLE_DIR SEQUENCE [ARGS...]: exit 0, the manifest exact, files in place
	local name=$1 dir=$2 seq=$3
	shift 3
	publish "$@" "$dir" "$W"
	if [[ $PRC -eq 0 ]] && grep -q "published sequence $seq" <<<"$POUT"; then
		ok
	else
		bad "$name: exit $PRC: $POUT"
	fi
	if [[ $(cat "$M/manifest.json") == "$(expected_manifest "$dir" "$seq")" ]]; then
		ok
	else
		bad "$name: manifest $(cat "$M/manifest.json")"
	fi
	if manifest_holds && diff -r -x manifest.json -x '.tmp-*' "$dir" "$M" >/dev/null; then
		ok
	else
		bad "$name: the mirror's files are not the bundle's"
	fi
}
expect_refusal() { # NAME BUNDLE_DIR PATTERN [ARGS...]: exit 2, the pattern, the mirror untouched
	local name=$1 dir=$2 pattern=$3 before
	shift 3
	before=$(tree_hash "$W")
	publish "$@" "$dir" "$W"
	if [[ $PRC -eq 2 ]] && grep -q -- "$pattern" <<<"$POUT"; then
		ok
	else
		bad "$name: exit $PRC, expected 2 /$pattern/: $POUT"
	fi
	if [[ $(tree_hash "$W") == "$before" ]]; then ok; else bad "$name: the mirror changed"; fi
}

bundle b1 1
bundle b2 2
"$MCISSUE" statuslist --key "$T/keys/other.key.pem" --iss https://other.example \
	--id https://other.example/status/9 >"$T/b2/mck-update/status/other_9.jws"
bundle b3 3
bundle b4 4
# sequence 3 again, with one more list
cp -a "$T/b3" "$T/b3x" && cp "$T/b2/mck-update/status/other_9.jws" "$T/b3x/mck-update/status/"
bundle rogue 5 rogue
bundle forged 5
"$MCISSUE" statuslist --key "$T/keys/other.key.pem" --iss "$ISS" --id "$ISS/status/2" \
	>"$T/forged/mck-update/status/forged.jws"

# A new mirror, verified against the anchors; the same again writes nothing.
expect_published "first" "$T/b1/mck-update" 1 --anchors "$T/anchors"
if [[ $(stat -c %a "$M/manifest.json" "$M/trustlist.jws") == $'644\n644' ]]; then
	ok
else
	bad "published files are not world-readable"
fi
inodes=$(stat -c %i "$M/manifest.json" "$M/trustlist.jws" "$M/status/vet-1.jws")
publish "$T/b1/mck-update" "$W"
if [[ $PRC -eq 0 ]] && grep -q "already published sequence 1" <<<"$POUT" &&
	[[ $(stat -c %i "$M/manifest.json" "$M/trustlist.jws" "$M/status/vet-1.jws") == "$inodes" ]]; then
	ok
else
	bad "re-publish: exit $PRC, files replaced: $POUT"
fi
# Newer bundles over it: a list added, then one dropped (removed from the mirror).
expect_published "newer, two lists" "$T/b2/mck-update" 2
mtime2=$(stat -c %Y "$M/manifest.json" "$M/trustlist.jws")
expect_published "newer, one list" "$T/b3/mck-update" 3 --anchors "$T/anchors"
# Within the same second too, each replaced file is newer (Last-Modified, nginx's ETag).
read -r -d '' m2 t2 <<<"$mtime2" || true
read -r -d '' m3 t3 < <(stat -c %Y "$M/manifest.json" "$M/trustlist.jws") || true
if ((m3 > m2 && t3 > t2)); then ok; else bad "modification times $m2 $t2 -> $m3 $t3"; fi
if [[ ! -e "$M/status/other_9.jws" ]] && ! grep -q other_9 "$M/manifest.json"; then
	ok
else
	bad "a list no longer in the bundle stayed in the mirror"
fi
if [[ -z $(find "$W" -name '.tmp-*') ]]; then ok; else bad "temporary files left"; fi

# The published tree is a bundle mcupdate installs.
out=$("$MCUPDATE" --anchors "$T/anchors" --state "$T/state" "$M" 2>&1) || true
if grep -q "installed sequence 3" <<<"$out"; then ok; else bad "mcupdate of the mirror: $out"; fi

# Refusals: wrong bundles, and hostile entries refused unopened.
expect_refusal "rollback" "$T/b1/mck-update" "below the published 3"
expect_refusal "same sequence, other files" "$T/b3x/mck-update" "published with other files" \
	--anchors "$T/anchors"
expect_refusal "rogue signer" "$T/rogue/mck-update" trustlist_invalid --anchors "$T/anchors"
expect_refusal "forged status list" "$T/forged/mck-update" status_invalid --anchors "$T/anchors"
expect_refusal "no trust list" "$T/b4" "trustlist.jws: missing"

hostile() { # NAME: a copy of bundle b4 to spoil
	rm -rf "$T/h" && cp -a "$T/b4/mck-update" "$T/h"
}
hostile && ln -sf "$T/b4/mck-update/trustlist.jws" "$T/h/trustlist.jws"
expect_refusal "trust list a symlink" "$T/h" "symbolic link"
hostile && ln -s "$T/b4/mck-update/status/vet-1.jws" "$T/h/status/link.jws"
expect_refusal "status entry a symlink" "$T/h" "status/link.jws: a symbolic link"
hostile && rm -r "$T/h/status" && ln -s "$T/b4/mck-update/status" "$T/h/status"
expect_refusal "status/ a symlink" "$T/h" "status: not a directory"
hostile && mkfifo "$T/h/status/fifo.jws"
expect_refusal "status entry a FIFO" "$T/h" "status/fifo.jws: not a regular file"
hostile && mkdir "$T/h/status/dir.jws"
expect_refusal "status entry a directory" "$T/h" "status/dir.jws: a directory"
hostile && cp "$T/h/status/vet-1.jws" "$T/h/status/bad name.jws"
expect_refusal "status name with a space" "$T/h" "NAME.jws"
long=$(printf 'n%.0s' {1..65})
hostile && cp "$T/h/status/vet-1.jws" "$T/h/status/$long.jws"
expect_refusal "status name of 65 characters" "$T/h" "NAME.jws"
hostile && truncate -s $((24 * 1024 * 1024 + 1)) "$T/h/status/big.jws"
expect_refusal "status list over its cap" "$T/h" "larger than the 25165824 bytes"
hostile && echo "not a jws" >"$T/h/status/junk.jws"
expect_refusal "status list not a JWS" "$T/h" "junk.jws: not a JWS"
hostile && : >"$T/h/trustlist.jws"
expect_refusal "empty trust list" "$T/h" "trustlist.jws: not a JWS"
# 64 characters is the longest name: published.
hostile && mv "$T/h/status/vet-1.jws" "$T/h/status/$(printf 'n%.0s' {1..64}).jws"
expect_published "status name of 64 characters" "$T/h" 4

# The mirror's own directories are never followed either.
mkdir -p "$T/www2"
ln -s "$M" "$T/www2/mck-update"
publish "$T/b4/mck-update" "$T/www2"
if [[ $PRC -eq 2 ]] && grep -q "mck-update: not a directory" <<<"$POUT"; then
	ok
else
	bad "mck-update a symlink: exit $PRC: $POUT"
fi
# A second publisher while one holds the mirror refuses.
exec 8<"$M"
flock -x 8
publish "$T/b4/mck-update" "$W"
exec 8<&-
if [[ $PRC -eq 2 ]] && grep -q "another publish" <<<"$POUT"; then ok; else bad "lock: $POUT"; fi

# Cut at every file-system step, over a live mirror of b2 (two lists) publishing b4
# (one list): the manifest is the old or the new one; the new one only with every
# file it names in place; the publish run again completes.
rm -rf "$W" && "$MCISSUE" publish "$T/b2/mck-update" "$W" >/dev/null 2>&1
cp -a "$W" "$T/www-old"
OLDM=$(cat "$M/manifest.json")
NEWM=$(expected_manifest "$T/b4/mck-update" 4)
points=0
for ((n = 1; n < 400; n += STRIDE)); do
	rm -rf "$W" && cp -a "$T/www-old" "$W"
	rc=0
	MCK_FAULT_AT=$n "$FAULTS" publish "$T/b4/mck-update" "$W" >/dev/null 2>&1 || rc=$?
	if [[ $rc -eq 0 ]]; then
		break
	fi
	if [[ $rc -ne 99 ]]; then
		bad "cut at step $n: exit $rc"
		continue
	fi
	points=$((points + 1))
	now=$(<"$M/manifest.json")
	if [[ $now == "$OLDM" ]] || { [[ $now == "$NEWM" ]] && manifest_holds; }; then
		ok
	else
		bad "cut at step $n: manifest $now"
	fi
	# diff: the bundle's files exactly, no list of b2 left, no temporary file
	publish "$T/b4/mck-update" "$W"
	if [[ $PRC -eq 0 && $(<"$M/manifest.json") == "$NEWM" ]] &&
		diff -r -x manifest.json "$T/b4/mck-update" "$M" >/dev/null; then
		ok
	else
		bad "cut at step $n: the next publish did not complete: $POUT"
	fi
done
echo "publish cut at $points points"
if ((points * STRIDE >= 30)); then ok; else bad "only $points cut points"; fi

finish publish
