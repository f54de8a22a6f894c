#!/usr/bin/env bash
# The trust store under attack (issue #13): hostile bundle entries (directories,
# FIFOs, devices, links, oversize files) in every position, installers racing
# each other, readers racing installers, and a clock poisoned by an awarding
# body. Every refusal leaves the state byte-for-byte as it was.
# Usage: store_attack.sh MCISSUE MCUPDATE MCVERIFY [TRIALS]
set -euo pipefail

MCISSUE=$1
MCUPDATE=$2
MCVERIFY=$3
TRIALS=${4:-50}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"
# shellcheck source=support/bundles.sh
. "$(dirname "$0")/support/bundles.sh"

# Programs run under a bound: a FIFO must never make them wait.
run() { # OUTVAR-less: sets RC and OUT
	RC=0
	OUT=$(timeout 10 "$@" 2>&1) || RC=$?
}
S="$T/state"
update() { run "$MCUPDATE" --anchors "$T/anchors" --state "$S" "$@"; }
verify() { run "$MCVERIFY" --anchors "$T/anchors" --json "$@"; }

bundle b5 5
bundle b6 6
bundle b7 7
update "$T/b5/mck-update"
[[ $RC -eq 0 ]] && ok || bad "first install: $RC $OUT"
cp -a "$S" "$T/state5"

# refuse NAME CODE BUNDLE: exit 2 with CODE, state untouched, never a hang or a crash.
refuse() {
	local before
	before=$(tree_hash "$S")
	update "$3"
	if [[ $RC -eq 2 ]] && grep -q "$2" <<<"$OUT"; then ok; else bad "$1: exit $RC: $OUT"; fi
	[[ $(tree_hash "$S") == "$before" ]] && ok || bad "$1: the state changed"
}
# hostile NAME: a copy of bundle b6 to spoil
hostile() {
	rm -rf "$T/h" && cp -a "$T/b6/mck-update" "$T/h"
}

# ---- 1 and 5: bundle entries that are not regular files ----
hostile && rm "$T/h/status/vet-1.jws" && mkdir "$T/h/status/dir.jws"
refuse "status entry is a directory" status_invalid "$T/h"
hostile && ln -s /dev/zero "$T/h/status/zero.jws"
refuse "status entry links to /dev/zero" status_invalid "$T/h"
hostile && truncate -s $((24 * 1024 * 1024 + 1)) "$T/h/status/big.jws"
refuse "status entry over the cap" status_invalid "$T/h"
hostile && mkfifo "$T/h/status/fifo.jws"
refuse "status entry is a FIFO" status_invalid "$T/h"
"$MCISSUE" statuslist --key "$T/keys/vet.key.pem" --iss "$ISS" --id "$ISS/status/2" \
	>"$T/list2.jws"
hostile && ln -s "$T/list2.jws" "$T/h/status/link.jws"
refuse "status entry is a symbolic link" status_invalid "$T/h"
hostile && rm "$T/h/trustlist.jws" && mkfifo "$T/h/trustlist.jws"
refuse "trust list is a FIFO" trustlist_invalid "$T/h"
hostile && rm "$T/h/trustlist.jws" && ln -s "$T/b6/mck-update/trustlist.jws" "$T/h/trustlist.jws"
refuse "trust list is a symbolic link" trustlist_invalid "$T/h"
hostile && rm "$T/h/trustlist.jws" && ln -s /dev/zero "$T/h/trustlist.jws"
refuse "trust list links to /dev/zero" trustlist_invalid "$T/h"
hostile && rm "$T/h/trustlist.jws" && mkdir "$T/h/trustlist.jws"
refuse "trust list is a directory" trustlist_invalid "$T/h"
hostile && mv "$T/h/status" "$T/h-status" && ln -s "$T/h-status" "$T/h/status"
refuse "status/ is a symbolic link" status_invalid "$T/h"
rm -rf "$T/h-status"
hostile && rm -r "$T/h/status" && mkfifo "$T/h/status"
refuse "status/ is a FIFO" status_invalid "$T/h"
hostile && ln -s "$T/h" "$T/hlink"
refuse "the bundle is a symbolic link" trustlist_invalid "$T/hlink"
mkfifo "$T/bundle-fifo"
refuse "the bundle is a FIFO" trustlist_invalid "$T/bundle-fifo"
# A name from the stick cannot forge a log line: the refusal is one line.
hostile && mkdir "$T/h/status/$(printf 'x\nmcupdate: installed sequence 99\n.jws')"
refuse "a status entry named with newlines" status_invalid "$T/h"
[[ $(wc -l <<<"$OUT") -eq 1 ]] && ok || bad "a name from the stick split the message: $OUT"
# Device nodes (root can make them; CI runs as root).
hostile && mknod "$T/h/status/null.jws" c 1 3
refuse "status entry is a character device" status_invalid "$T/h"
hostile && rm "$T/h/trustlist.jws" && mknod "$T/h/trustlist.jws" c 1 5
refuse "trust list is a character device (/dev/zero's numbers)" trustlist_invalid "$T/h"

# mcverify's options: --anchors, --status, --trust, --state
mkdir -p "$T/anchors-fifo" "$T/status-fifo" "$T/anchors-link"
cp "$T/anchors/op.pem" "$T/anchors-fifo/" && mkfifo "$T/anchors-fifo/x.pem"
run "$MCVERIFY" --anchors "$T/anchors-fifo" --trust "$T/b6/mck-update/trustlist.jws" --json \
	--text "$(cred 8)"
[[ $RC -eq 4 ]] && grep -q anchor_missing <<<"$OUT" && ok || bad "FIFO in --anchors: $RC $OUT"
ln -s "$T/anchors/op.pem" "$T/anchors-link/op.pem"
run "$MCVERIFY" --anchors "$T/anchors-link" --trust "$T/b6/mck-update/trustlist.jws" --json \
	--text "$(cred 8)"
[[ $RC -eq 4 ]] && grep -q anchor_missing <<<"$OUT" && ok || bad "link in --anchors: $RC $OUT"
cp "$T/b6/mck-update/status/vet-1.jws" "$T/status-fifo/" && mkfifo "$T/status-fifo/x.jws"
verify --trust "$T/b6/mck-update/trustlist.jws" --status "$T/status-fifo" --text "$(cred 7)"
[[ $RC -eq 2 ]] && grep -q '"revoked"' <<<"$OUT" && grep -q "x.jws" <<<"$OUT" && ok ||
	bad "FIFO in --status: $RC $OUT"
mkfifo "$T/trust-fifo"
verify --trust "$T/trust-fifo" --text "$(cred 8)"
[[ $RC -eq 4 ]] && grep -q trustlist_invalid <<<"$OUT" && ok || bad "--trust FIFO: $RC $OUT"
cp -a "$T/state5" "$T/state-fifo"
g=$(readlink "$T/state-fifo/current")
rm "$T/state-fifo/$g/trustlist.jws" && mkfifo "$T/state-fifo/$g/trustlist.jws"
verify --state "$T/state-fifo" --text "$(cred 8)"
[[ $RC -eq 4 ]] && ok || bad "--state with a FIFO trust list: $RC $OUT"

# --image, --batch, --policy: a FIFO or a device answers at once, never waits.
mkfifo "$T/in-fifo"
mknod "$T/in-dev" c 1 5
for f in "$T/in-fifo" "$T/in-dev"; do
	verify --trust "$T/b6/mck-update/trustlist.jws" --image "$f"
	[[ $RC -eq 3 ]] && ok || bad "--image $f: $RC $OUT"
	verify --trust "$T/b6/mck-update/trustlist.jws" --batch "$f"
	[[ $RC -eq 4 ]] && ok || bad "--batch $f: $RC $OUT"
	echo "$(cred 8)" >"$T/batch"
	verify --trust "$T/b6/mck-update/trustlist.jws" --batch "$T/batch" --policy "$f"
	[[ $RC -eq 4 ]] && ok || bad "--policy $f: $RC $OUT"
done
ln -s "$T/b6/mck-update/trustlist.jws" "$T/trust-link"
verify --trust "$T/trust-link" --text "$(cred 8)"
[[ $RC -eq 4 ]] && grep -q "symbolic link" <<<"$OUT" && ok || bad "--trust a link: $RC $OUT"

# ---- 4: a generation without status/ is damaged, never "no lists" ----
cp -a "$T/state5" "$T/state-nostatus"
g=$(readlink "$T/state-nostatus/current")
rm -r "$T/state-nostatus/$g/status"
verify --state "$T/state-nostatus" --text "$(cred 7)"
[[ $RC -eq 4 ]] && ok || bad "--state without status/: $RC $OUT"

# ---- 3: trusted time comes from the operator only ----
bundle b8 8
"$MCISSUE" statuslist --key "$T/keys/vet.key.pem" --iss "$ISS" --id "$ISS/status/9" \
	--iat 253402300799 >"$T/b8/mck-update/status/future.jws"
refuse "a status list from after the trust list's nextUpdate" status_invalid "$T/b8/mck-update"
rm "$T/b8/mck-update/status/future.jws"
"$MCISSUE" statuslist --key "$T/keys/vet.key.pem" --iss "$ISS" --id "$ISS/status/9" \
	--iat $((NOW + 3600)) >"$T/b8/mck-update/status/later.jws"
update "$T/b8/mck-update"
[[ $RC -eq 0 ]] && ok || bad "status list iat within the list's validity: $RC $OUT"
tt=$(grep -o '"trustedTime":[0-9]*' "$S/current/state.json" | cut -d: -f2)
[[ $tt -eq $((NOW - 3600 + 8)) ]] && ok || bad "trusted time $tt is not the trust list's iat"
# A state poisoned before this fix: its floor is discarded, loudly, and repaired.
cp -a "$S" "$T/poisoned"
g=$(readlink "$T/poisoned/current")
printf '{"sequence":8,"trustedTime":253402300799}' >"$T/poisoned/$g/state.json"
verify --state "$T/poisoned" --text "$(cred 8)"
if [[ $RC -eq 1 ]] && grep -q '"incomplete"' <<<"$OUT" && grep -qi "discard" <<<"$OUT"; then
	ok
else
	bad "poisoned floor: $RC $OUT"
fi
bundle b9 9
run "$MCUPDATE" --anchors "$T/anchors" --state "$T/poisoned" "$T/b9/mck-update"
tt=$(grep -o '"trustedTime":[0-9]*' "$T/poisoned/current/state.json" | cut -d: -f2)
[[ $RC -eq 0 && $tt -eq $((NOW - 3600 + 9)) ]] && ok || bad "poisoned floor not repaired: $tt $OUT"

# ---- 2: installers exclude each other ----
races=0
for ((i = 0; i < TRIALS; i++)); do
	rm -rf "$S" && cp -a "$T/state5" "$S"
	"$MCUPDATE" --anchors "$T/anchors" --state "$S" "$T/b6/mck-update" >"$T/r6" 2>&1 &
	p6=$!
	"$MCUPDATE" --anchors "$T/anchors" --state "$S" "$T/b7/mck-update" >"$T/r7" 2>&1 &
	p7=$!
	r6=0 && wait $p6 || r6=$?
	r7=0 && wait $p7 || r7=$?
	seq=$(grep -o '"sequence":[0-9]*' "$S/current/state.json" 2>/dev/null | cut -d: -f2 || true)
	if [[ $r7 -ne 0 || ($r6 -ne 0 && $r6 -ne 2) || $seq != 7 ]]; then
		bad "concurrent installs, trial $i: exits $r6/$r7, sequence '${seq}': $(cat "$T/r6" "$T/r7")"
		races=$((races + 1))
		continue
	fi
	update "$T/b5/mck-update"
	[[ $RC -eq 2 ]] && grep -q trustlist_rollback <<<"$OUT" || {
		bad "concurrent installs, trial $i: sequence 5 afterwards: $RC $OUT"
		races=$((races + 1))
	}
done
[[ $races -eq 0 ]] && ok
echo "store: $TRIALS concurrent-install trials, $races bad"

# ---- 4: readers racing an installer ----
misses=0
c7=$(cred 7)
for ((i = 0; i < TRIALS; i++)); do
	rm -rf "$S" && cp -a "$T/state5" "$S"
	"$MCUPDATE" --anchors "$T/anchors" --state "$S" "$T/b6/mck-update" >/dev/null 2>&1 &
	pu=$!
	for r in 1 2 3; do
		"$MCVERIFY" --anchors "$T/anchors" --state "$S" --json --text "$c7" \
			>"$T/v$r" 2>&1 &
		eval "pv$r=\$!"
	done
	wait $pu || true
	for r in 1 2 3; do
		vr=0 && wait "$(eval echo "\$pv$r")" || vr=$?
		if [[ $vr -ne 2 ]] || ! grep -q '"revoked"' "$T/v$r"; then
			misses=$((misses + 1))
			bad "reader during install, trial $i: exit $vr: $(head -c 300 "$T/v$r")"
		fi
	done
done
[[ $misses -eq 0 ]] && ok
echo "store: $TRIALS reader-during-install trials (3 readers each), $misses wrong answers"

finish store_attack
