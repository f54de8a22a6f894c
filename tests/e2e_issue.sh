#!/usr/bin/env bash
# End to end: mcissue makes keys, a trust list, a status list and credentials in
# every alg, form and compression; mcverify must accept each genuine one, as text
# and as a PNG, and reject every tampered one.
#
#   e2e_issue.sh MCISSUE MCVERIFY
#
# grep and sed only (no python on CI). Counts failures instead of stopping.
# KEEP=1 keeps the work directory for a look afterwards.
set -euo pipefail

MCISSUE=${1:?usage: e2e_issue.sh MCISSUE MCVERIFY}
MCVERIFY=${2:?usage: e2e_issue.sh MCISSUE MCVERIFY}

T=$(mktemp -d "${TMPDIR:-/tmp}/e2e_issue.XXXXXX")
trap '[[ -n ${KEEP:-} ]] || rm -rf "$T"' EXIT
mkdir -p "$T/keys" "$T/anchors" "$T/desc" "$T/cred" "$T/status" "$T/png"

passed=0
failed=0
START=$(date +%s)
ISS_A=https://cert.example-vet.pl
ISS_B=https://academy.example.gr
ISS_W=https://withdrawn.example.org
LIST_A=https://cert.example-vet.pl/status/1

ok() {
	passed=$((passed + 1))
}

bad() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
}

# What a failing answer looked like, on one line.
brief() {
	tr -d '\n\t' <<<"$1" | head -c 400
}

# expect_exit NAME CODE COMMAND...: the exit status; a failure of bad input
# (exit 2) explains itself in exactly one "mcissue: " line on stderr.
expect_exit() {
	local name=$1 code=$2 rc=0
	shift 2
	"$@" >"$T/cmd.out" 2>"$T/cmd.err" || rc=$?
	if [[ $rc -ne $code ]]; then
		bad "$name: exit $rc, expected $code: $(head -c 300 "$T/cmd.err")"
	elif [[ $code -eq 2 ]] && { [[ $(wc -l <"$T/cmd.err") -ne 1 ]] ||
		! grep -q '^mcissue: ' "$T/cmd.err"; }; then
		bad "$name: error is not one mcissue line: $(head -c 300 "$T/cmd.err")"
	else
		ok
	fi
}

# verify INPUTS...: run mcverify --json at the current time; sets VOUT and VRC.
verify() {
	VRC=0
	VOUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --status "$T/status" \
		--now "$(date +%s)" --json "$@" 2>"$T/verify.err") || VRC=$?
}

verdict_is() {
	grep -Eq "\"verdict\":[[:space:]]*\"$1\"" <<<"$VOUT"
}

has_reason() {
	grep -Eq "\"($1)\"" <<<"$VOUT"
}

has_credential() {
	grep -q '"credential":' <<<"$VOUT"
}

# expect_valid NAME INPUTS...
expect_valid() {
	local name=$1
	shift
	verify "$@"
	if [[ $VRC -eq 0 ]] && verdict_is valid && has_credential; then
		ok
	else
		bad "$name: exit $VRC, expected valid: $(brief "$VOUT")"
	fi
}

# expect_forged NAME REASON_REGEX INPUTS...: invalid, exit 2, nothing shown.
expect_forged() {
	local name=$1 reason=$2
	shift 2
	verify "$@"
	if [[ $VRC -eq 2 ]] && verdict_is invalid && has_reason "$reason" && ! has_credential; then
		ok
	else
		bad "$name: exit $VRC, expected invalid ($reason) without credential: $(brief "$VOUT")"
	fi
}

# expect_verdict NAME CODE VERDICT REASON_REGEX INPUTS...: an authentic credential
# that is not simply valid (withdrawn, revoked, incomplete): it is shown.
expect_verdict() {
	local name=$1 code=$2 verdict=$3 reason=$4
	shift 4
	verify "$@"
	if [[ $VRC -eq $code ]] && verdict_is "$verdict" && has_reason "$reason" &&
		has_credential; then
		ok
	else
		bad "$name: exit $VRC, expected $verdict ($reason): $(brief "$VOUT")"
	fi
}

# sign NAME OUTFILE MCISSUE-SIGN-ARGS...: the QR texts into OUTFILE.
sign() {
	local name=$1 out=$2
	shift 2
	if "$MCISSUE" sign "$@" >"$out" 2>"$T/sign.err"; then
		return 0
	fi
	bad "$name: mcissue sign failed: $(head -c 300 "$T/sign.err")"
	return 1
}

# qr TEXT PNG: ECC M (the default) when the code fits, else L.
qr() {
	"$MCISSUE" qr --out "$2" "$1" 2>/dev/null || "$MCISSUE" qr --ecc L --out "$2" "$1"
}

# credential ISS INDEX DESCRIPTION QA_MEMBER [NBF_MEMBER]: the example of
# credential-format.md with all eleven EU elements (QA_MEMBER may drop one).
credential() {
	local iss=$1 index=$2 desc=$3 qa=$4 nbf=${5:-}
	cat <<EOF
{
  "iss": "$iss",$nbf
  "exp": $((START + 4 * 365 * 86400)),
  "jti": "urn:uuid:6f1c2d7e-0a43-4c8e-9b3a-1f2e3d4c5b6a",
  "vc": {
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {
      "id": "$iss",
      "name": "Example Vocational Training Centre",
      "address": { "addressCountryCode": "PL" }
    },
    "credentialSubject": {
      "type": ["AchievementSubject"],
      "identifier": [
        { "type": "IdentityObject", "identityType": "name", "hashed": false,
          "identityHash": "Anna Kowalska" }
      ],
      "result": [ { "type": ["Result"], "value": "92/100" } ],
      "achievement": {
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": "Cloud Security Fundamentals",
        "description": "$desc",
        "creditsAvailable": 2,
        "workloadHours": 50,
        "eqfLevel": 5,
        "learningOutcomes": [
          "Configure identity and access management for a small organisation",
          "Detect and respond to common misconfigurations"
        ],
        "assessmentType": "Supervised practical exam",
        "participationForm": "online",$qa
        "entryRequirements": "EQF level 4 qualification in IT",
        "assessmentSupervision": "supervised-online",
        "identityVerification": "ID document checked by proctor",
        "stackability": "Counts towards the Cloud Engineering certificate"
      }
    },
    "credentialStatus": {
      "type": "BitstringStatusListEntry",
      "statusPurpose": "revocation",
      "statusListIndex": "$index",
      "statusListCredential": "$LIST_A"
    }
  }
}
EOF
}

QA='
        "qualityAssurance": "Accredited by the national VET quality agency",'
DESC="Securing workloads on public cloud platforms."

# ---- keys ----

expect_exit "keygen anchor" 0 "$MCISSUE" keygen --type p256 --out "$T/keys/anchor"
for k in a256:p256 a384:p384 arsa:rsa2048 b256:p256 w256:p256 x256:p256; do
	expect_exit "keygen ${k%%:*}" 0 "$MCISSUE" keygen --type "${k#*:}" --out "$T/keys/${k%%:*}"
	if grep -q PRIVATE "$T/cmd.out"; then
		bad "keygen ${k%%:*} printed private key material"
	elif ! grep -q "\"kid\":[[:space:]]*\"$(cat "$T/cmd.out")\"" "$T/keys/${k%%:*}.jwk.json"; then
		bad "keygen ${k%%:*}: printed kid is not the JWK's kid"
	else
		ok
	fi
done
mode=$(stat -c %a "$T/keys/a256.key.pem")
if [[ $mode == 600 ]]; then ok; else bad "keygen: key file mode $mode, expected 600"; fi
cp "$T/keys/a256.key.pem" "$T/a256.copy"
expect_exit "keygen refuses to overwrite" 2 "$MCISSUE" keygen --type p256 --out "$T/keys/a256"
if cmp -s "$T/keys/a256.key.pem" "$T/a256.copy"; then ok; else bad "keygen changed a key"; fi
expect_exit "keygen bad type" 1 "$MCISSUE" keygen --type ed25519 --out "$T/keys/e"

expect_exit "anchor" 0 "$MCISSUE" anchor --key "$T/keys/anchor.key.pem"
cp "$T/cmd.out" "$T/anchors/anchor.pem"
if grep -q 'BEGIN PUBLIC KEY' "$T/anchors/anchor.pem" && ! grep -q PRIVATE "$T/anchors/anchor.pem"
then ok; else bad "anchor: not a public PEM"; fi
expect_exit "anchor refuses RSA" 2 "$MCISSUE" anchor --key "$T/keys/arsa.key.pem"

# ---- trust list: JWK files (relative and absolute), an inline JWK ----

cat >"$T/desc/trustlist.json" <<EOF
{
  "sequence": 1,
  "operator": { "name": "e2e test operator" },
  "issuers": [
    { "id": "$ISS_A", "name": "Example Vocational Training Centre", "country": "PL",
      "qualityAssurance": "Accredited by the national VET quality agency",
      "status": "active",
      "keys": [ { "jwk": "../keys/a256.jwk.json" },
                { "jwk": "../keys/a384.jwk.json", "notBefore": 0 },
                { "jwk": "$T/keys/arsa.jwk.json" } ] },
    { "id": "$ISS_B", "name": "Example Academy", "country": "GR", "status": "active",
      "keys": [ { "jwk": "../keys/b256.jwk.json" } ] },
    { "id": "$ISS_W", "name": "Withdrawn Institute", "country": "DE",
      "status": "withdrawn", "statusSince": $((START - 3600)),
      "keys": [ $(cat "$T/keys/w256.jwk.json") ] }
  ]
}
EOF
if "$MCISSUE" trustlist --key "$T/keys/anchor.key.pem" "$T/desc/trustlist.json" \
	>"$T/trustlist.jws" 2>"$T/tl.err"; then
	ok
else
	bad "trustlist: $(cat "$T/tl.err")"
fi

sed 's/"x":/"d": "AAAA", "x":/' "$T/keys/x256.jwk.json" >"$T/keys/private.jwk.json"
sed 's/b256.jwk.json/private.jwk.json/' "$T/desc/trustlist.json" >"$T/desc/private.json"
expect_exit "trustlist refuses a private JWK" 2 \
	"$MCISSUE" trustlist --key "$T/keys/anchor.key.pem" "$T/desc/private.json"
sed 's/"sequence": 1,//' "$T/desc/trustlist.json" >"$T/desc/noseq.json"
expect_exit "trustlist needs a sequence" 2 \
	"$MCISSUE" trustlist --key "$T/keys/anchor.key.pem" "$T/desc/noseq.json"

# ---- status list: index 7 revoked ----

expect_exit "statuslist" 0 "$MCISSUE" statuslist --key "$T/keys/a256.key.pem" --iss "$ISS_A" \
	--id "$LIST_A" --revoke 7
cp "$T/cmd.out" "$T/status/a1.jws"
expect_exit "statuslist size not a multiple of 8" 1 "$MCISSUE" statuslist \
	--key "$T/keys/a256.key.pem" --iss "$ISS_A" --id "$LIST_A" --size 131073
expect_exit "statuslist index outside" 1 "$MCISSUE" statuslist \
	--key "$T/keys/a256.key.pem" --iss "$ISS_A" --id "$LIST_A" --revoke 131072

# ---- every alg x form x compression, as text and as PNG ----

credential "$ISS_A" 4711 "$DESC" "$QA" >"$T/cred/full.json"
for spec in a256:ES256 a384:ES384 arsa:RS256 arsa:PS256; do
	key=${spec%%:*}
	alg=${spec#*:}
	for form in compact plain chunked:3; do
		for zip in zip no-zip; do
			name="$alg $form $zip"
			flags=(--key "$T/keys/$key.key.pem" --alg "$alg" --form "$form")
			if [[ $zip == no-zip ]]; then
				flags+=(--no-zip)
			fi
			sign "$name" "$T/texts" "${flags[@]}" "$T/cred/full.json" || continue
			mapfile -t texts <"$T/texts"
			want=1
			if [[ $form == chunked:3 ]]; then
				want=3
			fi
			if [[ ${#texts[@]} -ne $want ]]; then
				bad "$name: ${#texts[@]} texts, expected $want"
				continue
			fi
			text_args=()
			image_args=()
			for ((i = 0; i < want; i++)); do
				png="$T/png/$alg-${form%%:*}-$zip-$i.png"
				if ! qr "${texts[$i]}" "$png" 2>"$T/qr.err"; then
					bad "$name: mcissue qr: $(cat "$T/qr.err")"
					continue 2
				fi
				text_args+=(--text "${texts[$i]}")
				image_args+=(--image "$png")
			done
			expect_valid "$name (text)" "${text_args[@]}"
			expect_valid "$name (image)" "${image_args[@]}"
		done
	done
done

# The kid-less header form, and the first line of standard input for qr.
sign "jwk header" "$T/texts" --key "$T/keys/a384.key.pem" --jwk-header "$T/cred/full.json" &&
	expect_valid "jwk header" --text "$(head -n 1 "$T/texts")"
if head -n 1 "$T/texts" | "$MCISSUE" qr --scale 3 --out "$T/png/stdin.png" - 2>"$T/qr.err"; then
	expect_valid "qr from standard input" --image "$T/png/stdin.png"
else
	bad "qr from standard input: $(cat "$T/qr.err")"
fi

# ---- forgeries and refusals ----

sign "tamper base" "$T/texts" --key "$T/keys/a256.key.pem" "$T/cred/full.json" || true
text=$(head -n 1 "$T/texts")
p=$((${#text} - 20))
d=${text:p:1}
forged="${text:0:p}$(((d + 1) % 10))${text:p+1}"
expect_forged "digit flipped in the signature" 'signature_invalid|malformed' --text "$forged"

sign "plain base" "$T/texts" --key "$T/keys/a256.key.pem" --form plain --no-zip \
	"$T/cred/full.json" || true
text=$(head -n 1 "$T/texts")
header=${text%%.*}
p=$((${#header} + 31))
c=${text:p:1}
if [[ $c == A ]]; then r=B; else r=A; fi
expect_forged "payload character changed" 'signature_invalid' --text "${text:0:p}$r${text:p+1}"

sign "wrong key" "$T/texts" --key "$T/keys/b256.key.pem" "$T/cred/full.json" &&
	expect_forged "A's credential with B's key" 'key_issuer_mismatch' \
		--text "$(head -n 1 "$T/texts")"
sign "wrong key, jwk header" "$T/texts" --key "$T/keys/b256.key.pem" --jwk-header \
	"$T/cred/full.json" &&
	expect_forged "A's credential with B's key in the header" 'key_issuer_mismatch' \
		--text "$(head -n 1 "$T/texts")"
sign "unlisted key" "$T/texts" --key "$T/keys/x256.key.pem" "$T/cred/full.json" &&
	expect_forged "a key not on the list" 'key_unknown' --text "$(head -n 1 "$T/texts")"

credential "$ISS_W" 1 "$DESC" "$QA" "
  \"nbf\": $((START - 60)),"  >"$T/cred/w_late.json"
credential "$ISS_W" 1 "$DESC" "$QA" "
  \"nbf\": $((START - 7200)),"  >"$T/cred/w_early.json"
sign "withdrawn, later" "$T/texts" --key "$T/keys/w256.key.pem" "$T/cred/w_late.json" &&
	expect_verdict "withdrawn issuer, issued after" 2 invalid 'issuer_withdrawn' \
		--text "$(head -n 1 "$T/texts")"
sign "withdrawn, earlier" "$T/texts" --key "$T/keys/w256.key.pem" "$T/cred/w_early.json" &&
	expect_verdict "withdrawn issuer, issued before" 1 warning 'issuer_status_changed' \
		--text "$(head -n 1 "$T/texts")"

credential "$ISS_A" 4711 "$DESC" "" >"$T/cred/incomplete.json"
sign "incomplete" "$T/texts" --key "$T/keys/a256.key.pem" "$T/cred/incomplete.json" &&
	expect_verdict "missing quality assurance" 1 warning 'incomplete' \
		--text "$(head -n 1 "$T/texts")"
if grep -q '"achievement.qualityAssurance"' <<<"$VOUT"; then ok; else
	bad "incomplete: the missing element is not named: $(brief "$VOUT")"
fi

credential "$ISS_A" 7 "$DESC" "$QA" >"$T/cred/rev7.json"
credential "$ISS_A" 8 "$DESC" "$QA" >"$T/cred/rev8.json"
sign "revoked" "$T/texts" --key "$T/keys/arsa.key.pem" --alg PS256 "$T/cred/rev7.json" &&
	expect_verdict "status index 7 (revoked)" 2 invalid 'revoked' \
		--text "$(head -n 1 "$T/texts")"
sign "not revoked" "$T/texts" --key "$T/keys/a384.key.pem" "$T/cred/rev8.json" &&
	expect_valid "status index 8 (not revoked)" --text "$(head -n 1 "$T/texts")"

credential "$ISS_A" 4711 "$(head -c 70000 /dev/zero | tr '\0' A)" "$QA" >"$T/cred/bomb.json"
sign "zip bomb" "$T/texts" --key "$T/keys/a256.key.pem" "$T/cred/bomb.json" &&
	expect_forged "70 000 bytes inflated from a tiny code" 'payload_too_large' \
		--text "$(head -n 1 "$T/texts")"

credential "$ISS_A" 4711 "$(head -c 5000 /dev/zero | tr '\0' A)" "$QA" >"$T/cred/big.json"
expect_exit "too large for one code" 2 "$MCISSUE" sign --key "$T/keys/a256.key.pem" --no-zip \
	"$T/cred/big.json"
if grep -q 'chunked:' "$T/cmd.err"; then ok; else bad "too large: no chunked:N advice"; fi
expect_exit "too large for one plain code" 2 "$MCISSUE" sign --key "$T/keys/a256.key.pem" \
	--no-zip --form plain "$T/cred/big.json"
if sign "chunked big" "$T/texts" --key "$T/keys/a256.key.pem" --no-zip --form chunked:3 \
	"$T/cred/big.json"; then
	mapfile -t texts <"$T/texts"
	expect_valid "large credential in 3 chunks" --text "${texts[2]}" --text "${texts[0]}" \
		--text "${texts[1]}"
	# One photo of every chunk: all the codes of an image count.
	if "$MCISSUE" qr --ecc L --out "$T/png/all-chunks.png" - <"$T/texts" 2>"$T/qr.err"; then
		expect_valid "all chunks in one image" --image "$T/png/all-chunks.png"
	else
		bad "qr of 3 chunks in one image: $(cat "$T/qr.err")"
	fi
	# Two of three chunks in one photo: the third is missing.
	"$MCISSUE" qr --ecc L --out "$T/png/two-chunks.png" "${texts[0]}" "${texts[2]}"
	verify --image "$T/png/two-chunks.png"
	if [[ $VRC -eq 3 ]] && has_reason chunks_incomplete && ! has_credential; then
		ok
	else
		bad "two of three chunks: exit $VRC $(brief "$VOUT")"
	fi
fi

"$MCISSUE" trustlist --key "$T/keys/x256.key.pem" "$T/desc/trustlist.json" \
	>"$T/rogue.jws" 2>/dev/null
rc=0
"$MCVERIFY" --anchors "$T/anchors" --trust "$T/rogue.jws" --json --text "$text" \
	>/dev/null 2>&1 || rc=$?
if [[ $rc -eq 4 ]]; then ok; else bad "a list not signed by an anchor: exit $rc, expected 4"; fi

# ---- JWK restrictions on trust-list keys (use, key_ops, alg) ----

# A trust list signed verbatim by the anchor (mcissue trustlist drops these members).
restricted_list() {
	local members=$1 out=$2
	cat >"$T/desc/restricted.json" <<EOF
{"type":"MicroCredentialTrustList","version":1,"sequence":1,"iat":$((START - 60)),
 "nextUpdate":$((START + 86400)),"issuers":[{"id":"$ISS_A","status":"active",
 "keys":[$(sed "s/\"kty\"/$members\"kty\"/" "$T/keys/arsa.jwk.json")]}]}
EOF
	"$MCISSUE" sign --key "$T/keys/anchor.key.pem" --form plain --no-zip \
		"$T/desc/restricted.json" >"$out"
}
restricted_list '"alg":"PS256",' "$T/pinned.jws"
for alg in RS256 PS256; do
	"$MCISSUE" sign --key "$T/keys/arsa.key.pem" --alg $alg "$T/cred/full.json" \
		>"$T/texts.$alg" 2>/dev/null
done
rc=0
VOUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/pinned.jws" --json \
	--text "$(head -n1 "$T/texts.RS256")" 2>/dev/null) || rc=$?
if [[ $rc -eq 2 ]] && has_reason alg_not_allowed && ! has_credential; then
	ok
else
	bad "key pinned to PS256 verified RS256: exit $rc $(brief "$VOUT")"
fi
rc=0
VOUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/pinned.jws" --json \
	--text "$(head -n1 "$T/texts.PS256")" 2>/dev/null) || rc=$?
# (full.json has a status entry and no status list is given here: status_unknown)
if [[ $rc -le 1 ]] && has_credential && ! has_reason alg_not_allowed; then
	ok
else
	bad "key pinned to PS256 refused PS256: exit $rc $(brief "$VOUT")"
fi
for members in '"use":"enc",' '"key_ops":["encrypt"],' '"alg":"HS256",'; do
	restricted_list "$members" "$T/unusable.jws"
	rc=0
	"$MCVERIFY" --anchors "$T/anchors" --trust "$T/unusable.jws" --json \
		--text "$(head -n1 "$T/texts.RS256")" >/dev/null 2>&1 || rc=$?
	if [[ $rc -eq 4 ]]; then ok; else bad "list with a key marked $members: exit $rc, expected 4"; fi
done

# ---- mcverify --batch and standard input ----

sign "batch" "$T/texts" --key "$T/keys/a256.key.pem" "$T/cred/full.json" || true
batch_text=$(head -n 1 "$T/texts")
qr "$batch_text" "$T/png/batch.png"
printf '%s\n\n%s\nhttps://example.org/not-a-credential\n%s\n' "$batch_text" "$T/png/batch.png" \
	"${batch_text:0:200}" >"$T/batch.txt"
rc=0
"$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --status "$T/status" \
	--batch "$T/batch.txt" >"$T/batch.out" 2>/dev/null || rc=$?
mapfile -t lines <"$T/batch.out"
if [[ ${#lines[@]} -eq 4 ]] && grep -q '"verdict":"valid"' <<<"${lines[0]}" &&
	grep -q '"verdict":"valid"' <<<"${lines[1]}" &&
	grep -q '"not_a_credential"' <<<"${lines[2]}" &&
	grep -q '"verdict":"invalid"' <<<"${lines[3]}" && [[ $rc -eq 3 ]]; then
	ok
else
	bad "batch: exit $rc, ${#lines[@]} lines: $(head -c 400 "$T/batch.out")"
fi
verify - <<<"$batch_text"
if [[ $VRC -eq 0 ]] && verdict_is valid; then ok; else bad "stdin: exit $VRC $(brief "$VOUT")"; fi
rc=0
"$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --text "$batch_text" \
	--batch "$T/batch.txt" >/dev/null 2>&1 || rc=$?
if [[ $rc -eq 4 ]]; then ok; else bad "--batch beside --text: exit $rc, expected 4"; fi
rc=0
"$MCVERIFY" --anchors "$T/anchors" --trust "$T/missing.jws" --json --text "$batch_text" \
	>"$T/missing.out" 2>/dev/null || rc=$?
if [[ $rc -eq 4 ]] && grep -q '"trustlist_missing"' "$T/missing.out" &&
	grep -q '"verdict":[[:space:]]*null' "$T/missing.out"; then
	ok
else
	bad "missing trust list: exit $rc $(head -c 300 "$T/missing.out")"
fi
rc=0
"$MCVERIFY" --anchors "$T/png" --trust "$T/trustlist.jws" --json --text "$batch_text" \
	>"$T/noanchor.out" 2>/dev/null || rc=$?
if [[ $rc -eq 4 ]] && grep -q '"anchor_missing"' "$T/noanchor.out"; then
	ok
else
	bad "no anchors: exit $rc $(head -c 300 "$T/noanchor.out")"
fi
rc=0
"$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --image "$T/nonexistent.png" \
	>/dev/null 2>&1 || rc=$?
if [[ $rc -eq 4 ]]; then ok; else bad "missing image file: exit $rc, expected 4"; fi
head -c 5000 /dev/urandom >"$T/png/noise.png"
verify --image "$T/png/noise.png"
if [[ $VRC -eq 3 ]] && has_reason no_code; then ok; else bad "corrupt image: exit $VRC $(brief "$VOUT")"; fi

# ---- usage and input errors ----

expect_exit "no subcommand" 1 "$MCISSUE"
expect_exit "unknown subcommand" 1 "$MCISSUE" frobnicate
expect_exit "help" 0 "$MCISSUE" --help
expect_exit "bad form" 1 "$MCISSUE" sign --key "$T/keys/a256.key.pem" --form chunked:10 \
	"$T/cred/full.json"
expect_exit "alg that does not fit the key" 2 "$MCISSUE" sign --key "$T/keys/a256.key.pem" \
	--alg ES384 "$T/cred/full.json"
expect_exit "not a key" 2 "$MCISSUE" sign --key "$T/keys/a256.jwk.json" "$T/cred/full.json"
printf '{"iss": "x", "iss": "y"}' >"$T/cred/dup.json"
expect_exit "duplicate member" 2 "$MCISSUE" sign --key "$T/keys/a256.key.pem" "$T/cred/dup.json"
expect_exit "missing credential file" 2 "$MCISSUE" sign --key "$T/keys/a256.key.pem" \
	"$T/cred/nonexistent.json"
expect_exit "qr: text too large" 2 "$MCISSUE" qr --ecc H --out "$T/png/big.png" \
	"$(head -c 3000 /dev/zero | tr '\0' x)"

echo "e2e_issue: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
