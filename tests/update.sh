#!/usr/bin/env bash
# mcupdate end to end: install, re-install (no-op), newer, rollback, rogue signer,
# bad status list (each refusal leaves the state tree byte-for-byte as it was),
# revocation through the state, the clock floor, and the power-cut test: the
# install is killed at every filesystem step and the state must be exactly the
# old or exactly the new one, and usable.
# Usage: update.sh MCISSUE MCUPDATE MCUPDATE_FAULTS MCVERIFY [STRIDE]
# STRIDE: cut at every STRIDE-th step only (sanitizer builds; default 1, every step).
set -euo pipefail

MCISSUE=$1
MCUPDATE=$2
FAULTS=$3
MCVERIFY=$4
STRIDE=${5:-1}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"

# shellcheck source=support/bundles.sh
. "$(dirname "$0")/support/bundles.sh"

bundle b1 1
bundle b2 2
bundle b3 3
bundle rogue 4 rogue
bundle badstatus 4
"$MCISSUE" statuslist --key "$T/keys/other.key.pem" --iss "$ISS" --id "$ISS/status/2" \
	>"$T/badstatus/mck-update/status/forged.jws"
# a bundle whose signed trust list was truncated on the stick
bundle cut 4
head -c 200 "$T/cut/mck-update/trustlist.jws" >"$T/cut/trunc" &&
	mv "$T/cut/trunc" "$T/cut/mck-update/trustlist.jws"

S="$T/state"
update() {
	URC=0
	UOUT=$("$MCUPDATE" --anchors "$T/anchors" --state "$S" "$1" 2>&1) || URC=$?
}
expect_update() { # NAME BUNDLE EXIT PATTERN
	update "$2"
	if [[ $URC -eq $3 ]] && grep -q "$4" <<<"$UOUT"; then
		ok
	else
		bad "$1: exit $URC, expected $3 /$4/: $UOUT"
	fi
}
expect_refusal() { # NAME BUNDLE CODE: exit 2, the code on stderr, the state untouched
	local before after
	before=$(tree_hash "$S")
	expect_update "$1" "$2" 2 "$3"
	after=$(tree_hash "$S")
	if [[ $before == "$after" ]]; then ok; else bad "$1: state changed by a refused bundle"; fi
}

expect_update "first install" "$T/b1/mck-update" 0 "installed sequence 1"
expect_update "re-install" "$T/b1/mck-update" 0 "already current"
expect_update "newer" "$T/b2/mck-update" 0 "installed sequence 2"
expect_refusal "rollback" "$T/b1/mck-update" trustlist_rollback
expect_refusal "rogue signer" "$T/rogue/mck-update" trustlist_invalid
expect_refusal "forged status list" "$T/badstatus/mck-update" status_invalid
expect_refusal "truncated trust list" "$T/cut/mck-update" trustlist_invalid
expect_refusal "no trust list" "$T/b1" trustlist_invalid
if [[ $(ls -d "$S"/gen-* | wc -l) -eq 1 ]]; then ok; else bad "old generations left behind"; fi

# Verification through the state: the index, revocation, the clock floor.
verify() {
	VRC=0
	VOUT=$("$MCVERIFY" --anchors "$T/anchors" --state "$S" --json "$@" 2>"$T/verify.err") ||
		VRC=$?
}
verify --text "$(cred 7)"
if [[ $VRC -eq 2 ]] && grep -q '"revoked"' <<<"$VOUT"; then ok; else bad "revoked: $VRC $VOUT"; fi
verify --text "$(cred 8)"
if [[ $VRC -eq 1 ]] && grep -q '"incomplete"' <<<"$VOUT" && ! grep -q revoked <<<"$VOUT"; then
	ok
else
	bad "not revoked: $VRC $VOUT"
fi
if ! grep -q "index ignored" "$T/verify.err"; then ok; else bad "index not used: $(cat "$T/verify.err")"; fi
verify --now 1000 --text "$(cred 8)"
# The floor is the operator's: the newest trust-list iat installed (trust-list.md §3).
floor=$(grep -o '"trustedTime":[0-9]*' "$S/current/state.json" | cut -d: -f2)
if grep -q '"clock_unset"' <<<"$VOUT" && [[ $floor -eq $((NOW - 3600 + 2)) ]] &&
	grep -q "\"now\":[[:space:]]*\"$(date -u -d "@$floor" +%FT%TZ)\"" <<<"$VOUT"; then
	ok
else
	bad "clock floor: $VOUT"
fi
# A damaged index is ignored (the signed list is parsed), never trusted.
idx=$(readlink -f "$S/current/trustlist.idx")
cp "$idx" "$T/idx.bak"
printf '\xff' | dd of="$idx" bs=1 seek=100 conv=notrunc status=none
verify --text "$(cred 8)"
if [[ $VRC -eq 1 ]] && grep -q "index ignored" "$T/verify.err"; then
	ok
else
	bad "damaged index: $VRC $(cat "$T/verify.err")"
fi
cp "$T/idx.bak" "$idx"

# mcverify --status: a status list that fails verification is ignored, loudly, never trusted.
mkdir -p "$T/forged-status"
"$MCISSUE" statuslist --key "$T/keys/other.key.pem" --iss "$ISS" --id "$ISS/status/1" \
	--revoke 8 >"$T/forged-status/forged.jws"
VRC=0
VOUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/b2/mck-update/trustlist.jws" \
	--status "$T/forged-status" --json --text "$(cred 8)" 2>"$T/verify.err") || VRC=$?
if [[ $VRC -eq 1 ]] && grep -q '"status_unknown"' <<<"$VOUT" && ! grep -q revoked <<<"$VOUT" &&
	grep -q "forged.jws ignored" "$T/verify.err"; then
	ok
else
	bad "forged status list: $VRC $VOUT $(cat "$T/verify.err")"
fi

# ---- The removable-media hook (firmware/scripts/mck-media-update, directory mode) ----
HOOK="$(dirname "$0")/../firmware/scripts/mck-media-update"
R="$T/result/last-update.json"
mkdir -p "$T/result" "$T/stick-empty" "$T/stick-new" "$T/stick-rogue"
bundle b9 9
cp -r "$T/b9/mck-update" "$T/stick-new/"
cp -r "$T/rogue/mck-update" "$T/stick-rogue/"
hook() { # DIR
	HRC=0
	MCUPDATE=$MCUPDATE sh "$HOOK" --dir "$1" --state "$T/hookstate" --anchors "$T/anchors" --result "$R" \
		>/dev/null 2>&1 || HRC=$?
}
hook "$T/stick-empty"
if [[ $HRC -eq 0 && ! -e $R ]]; then ok; else bad "hook on a stick without a bundle: $HRC"; fi
hook "$T/stick-new"
if [[ $HRC -eq 0 ]] && grep -q '"exit":0' "$R" && grep -q '"sequence":9' "$R"; then
	ok
else
	bad "hook install: $HRC $(cat "$R" 2>/dev/null)"
fi
before=$(tree_hash "$T/hookstate")
hook "$T/stick-rogue"
if [[ $HRC -eq 2 ]] && grep -q '"exit":2' "$R" && grep -q 'trustlist_invalid' "$R" &&
	[[ $(tree_hash "$T/hookstate") == "$before" ]]; then
	ok
else
	bad "hook refusal: $HRC $(cat "$R" 2>/dev/null)"
fi

# A long message of two-byte characters is cut at 400 bytes on a character's
# boundary: the kiosk reads the record as strict UTF-8 JSON.
printf '#!/bin/sh\nprintf "mcupdate: x"; i=0; while [ $i -lt 300 ]; do printf "\\303\\251"; i=$((i+1)); done; echo; exit 2\n' \
	>"$T/longmsg"
chmod +x "$T/longmsg"
HRC=0
MCUPDATE="$T/longmsg" sh "$HOOK" --dir "$T/stick-new" --state "$T/hookstate" \
	--anchors "$T/anchors" --result "$R" >/dev/null 2>&1 || HRC=$?
if [[ $HRC -eq 2 ]] && grep -q '"exit":2' "$R" && iconv -f UTF-8 -t UTF-8 "$R" >/dev/null 2>&1; then
	ok
else
	bad "hook: a long message is not cut on a character boundary: $(od -c "$R" | tail -4)"
fi

# ---- Power cut at every step: old or new, never a mix, always usable. ----
OLD=$(current_hash "$S")
cp -a "$S" "$T/state-old"
"$MCUPDATE" --anchors "$T/anchors" --state "$S" "$T/b3/mck-update" >/dev/null
NEW=$(current_hash "$S")
points=0
for ((n = 1; n < 500; n += STRIDE)); do
	rm -rf "$S" && cp -a "$T/state-old" "$S"
	# A reader holds the old generation throughout (the pin: a shared flock on it).
	oldgen=$(readlink "$S/current")
	exec 9<"$S/$oldgen"
	flock -s 9
	rc=0
	MCK_FAULT_AT=$n "$FAULTS" --anchors "$T/anchors" --state "$S" "$T/b3/mck-update" \
		>/dev/null 2>&1 || rc=$?
	if [[ $(tree_hash "$S/$oldgen") != "$OLD" ]]; then
		bad "interrupted at step $n: the pinned generation changed under its reader"
	fi
	exec 9<&-
	if [[ $rc -eq 0 ]]; then
		break
	fi
	if [[ $rc -ne 99 ]]; then
		bad "interrupted at step $n: exit $rc"
		continue
	fi
	points=$((points + 1))
	now=$(current_hash "$S")
	if [[ $now != "$OLD" && $now != "$NEW" ]]; then
		bad "interrupted at step $n: the state is neither the old nor the new one"
		continue
	fi
	verify --text "$(cred 8)"
	if [[ $VRC -ne 1 ]]; then
		bad "interrupted at step $n: mcverify --state answered $VRC"
		continue
	fi
	# The update run again after the cut completes (or finds itself current). A generation
	# a cut orphaned stays until the next installation removes it.
	if "$MCUPDATE" --anchors "$T/anchors" --state "$S" "$T/b3/mck-update" >/dev/null 2>&1 &&
		[[ $(current_hash "$S") == "$NEW" ]] && [[ $(ls -d "$S"/gen-* | wc -l) -le 2 ]] &&
		[[ ! -e "$S/current.new" ]]; then
		ok
	else
		bad "interrupted at step $n: the next update did not recover"
	fi
done
if ((points * STRIDE >= 10)); then ok; else bad "only $points interruption points"; fi
# While another installer holds the lock, one that may not wait refuses and changes nothing.
rm -rf "$S" && cp -a "$T/state-old" "$S"
exec 8<"$S"
flock -x 8
rc=0
out=$("$MCUPDATE" --anchors "$T/anchors" --wait 0 --state "$S" "$T/b3/mck-update" 2>&1) || rc=$?
exec 8<&-
if [[ $rc -eq 2 ]] && grep -q state_busy <<<"$out" && [[ $(current_hash "$S") == "$OLD" ]]; then
	ok
else
	bad "installer while the lock is held: exit $rc: $out"
fi
echo "update: power cut at $points filesystem steps (one in $STRIDE) (lock and reader pin included): old or new state every time"

# Anchor rollover (keys/README.md): a release with the old and the new anchor
# comes first; lists signed by the new key are refused by kiosks without it,
# taken by those with both, and the sequence keeps counting across the change;
# once the old anchor is retired its lists are refused.
"$MCISSUE" keygen --type p256 --out "$T/keys/op2" >/dev/null
mkdir -p "$T/roll-old" "$T/roll-both" "$T/roll-new"
cp "$T/anchors/op.pem" "$T/roll-old/"
cp "$T/anchors/op.pem" "$T/roll-both/"
"$MCISSUE" anchor --key "$T/keys/op2.key.pem" >"$T/roll-new/op2.pem"
cp "$T/roll-new/op2.pem" "$T/roll-both/"
bundle r10 10
bundle r11 11 op2
bundle r9 9 op2
bundle r12 12
S="$T/roll-state"
roll() { # NAME ANCHORS BUNDLE EXIT PATTERN
	URC=0
	UOUT=$("$MCUPDATE" --anchors "$T/$2" --state "$S" "$T/$3/mck-update" 2>&1) || URC=$?
	[[ $URC -eq $4 ]] && grep -q "$5" <<<"$UOUT" && ok || bad "rollover, $1: exit $URC: $UOUT"
}
roll "old key, both anchors" roll-both r10 0 "installed sequence 10"
roll "new key, old anchor only" roll-old r11 2 trustlist_invalid
roll "new key, both anchors" roll-both r11 0 "installed sequence 11"
roll "new key, older sequence" roll-both r9 2 trustlist_rollback
VRC=0
VOUT=$("$MCVERIFY" --anchors "$T/roll-new" --state "$S" --json --text "$(cred 8)" 2>/dev/null) || VRC=$?
[[ $VRC -eq 1 ]] && grep -q '"incomplete"' <<<"$VOUT" && ok || bad "rollover, new anchor only: $VRC $VOUT"
roll "old key retired" roll-new r12 2 trustlist_invalid

finish update
