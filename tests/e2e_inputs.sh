#!/usr/bin/env bash
# mcverify's inputs end to end, on credentials mcissue signs: two different
# credentials in one photo (unreadable, several_credentials, a detail; the
# chunks of one credential in one photo still verify), an image without a
# code (its answer's time is the time of the verdict, not 1970).
# Usage: e2e_inputs.sh MCISSUE MCVERIFY FIXTURES_DIR
set -euo pipefail

MCISSUE=$1
MCVERIFY=$2
FIXTURES=$3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"

NOW=$(date +%s)
DAY=86400
VET=https://cert.example-vet.pl
mkdir -p "$T/anchors" "$T/keys"
"$MCISSUE" keygen --type p256 --out "$T/keys/op" >/dev/null
"$MCISSUE" keygen --type p256 --out "$T/keys/vet" >/dev/null
"$MCISSUE" anchor --key "$T/keys/op.key.pem" >"$T/anchors/op.pem"
cat >"$T/trust.json" <<JSON
{ "sequence": 1, "iat": $((NOW - 3600)), "nextUpdate": $((NOW + 30 * DAY)),
  "issuers": [ { "id": "$VET", "name": "Example VET Centre", "country": "PL", "status": "active",
                 "keys": [ { "jwk": "$T/keys/vet.jwk.json", "notBefore": 0 } ] } ] }
JSON
"$MCISSUE" trustlist --key "$T/keys/op.key.pem" "$T/trust.json" >"$T/trustlist.jws" 2>/dev/null

# cred LEARNER [SIGN-ARGS...]: the QR text(s) of a complete credential for LEARNER.
cred() {
	local learner=$1
	shift
	cat >"$T/c.json" <<JSON
{ "iss": "$VET", "nbf": $((NOW - DAY)), "exp": $((NOW + 100 * DAY)),
  "vc": { "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": { "id": "$VET", "name": "Example VET Centre",
                "address": { "addressCountryCode": "PL" } },
    "credentialSubject": { "type": ["AchievementSubject"],
      "identifier": [ { "type": "IdentityObject", "identityType": "name", "hashed": false,
                        "identityHash": "$learner" } ],
      "achievement": { "type": ["Achievement"], "achievementType": "MicroCredential",
        "name": "Cloud Security Fundamentals", "creditsAvailable": 2, "workloadHours": 50,
        "eqfLevel": 5, "learningOutcomes": ["Configure identity and access management"],
        "assessmentType": "Supervised practical exam", "participationForm": "online",
        "qualityAssurance": "National VET quality agency" } } } }
JSON
	"$MCISSUE" sign --key "$T/keys/vet.key.pem" "$@" "$T/c.json"
}

# verify ARGS...: mcverify --json at NOW; sets OUT and RC.
verify() {
	RC=0
	OUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --now "$NOW" --json \
		"$@" 2>"$T/err") || RC=$?
}

one_line() {
	tr -d '\n\t' <<<"$1" | head -c 400
}

# ---- two different credentials in one photo ----

anna=$(cred "Anna Kowalska")
jan=$(cred "Jan Nowak")
"$MCISSUE" qr --ecc L --out "$T/two.png" "$anna" "$jan" 2>"$T/qr.err"
verify --image "$T/two.png"
if [[ $RC -eq 3 ]] && grep -q '"verdict":[[:space:]]*"unreadable"' <<<"$OUT" &&
	grep -q '"several_credentials"' <<<"$OUT" &&
	grep -q '"detail":[[:space:]]*"[^"]*one at a time' <<<"$OUT" &&
	! grep -q '"credential":' <<<"$OUT"; then
	ok
else
	bad "two credentials in one photo: exit $RC $(one_line "$OUT")"
fi
# The same two as texts: the input holds two credentials however it comes.
verify --text "$anna" --text "$jan"
if [[ $RC -eq 3 ]] && grep -q '"several_credentials"' <<<"$OUT"; then ok; else
	bad "two credentials as texts: exit $RC $(one_line "$OUT")"
fi
# Each alone verifies; so do all the chunks of one credential in one photo.
"$MCISSUE" qr --ecc L --out "$T/anna.png" "$anna"
verify --image "$T/anna.png"
if [[ $RC -eq 0 ]]; then ok; else bad "one credential alone: exit $RC $(one_line "$OUT")"; fi
cred "Anna Kowalska" --form chunked:3 >"$T/chunks"
"$MCISSUE" qr --ecc L --out "$T/chunks.png" - <"$T/chunks"
verify --image "$T/chunks.png"
if [[ $RC -eq 0 ]] && grep -q '"verdict":[[:space:]]*"valid"' <<<"$OUT"; then ok; else
	bad "three chunks of one credential in one photo: exit $RC $(one_line "$OUT")"
fi

# ---- an image without a code: the time of the verdict ----

want_time=$(date -u -d "@$NOW" +%Y-%m-%dT%H:%M:%SZ)
verify --image "$FIXTURES/cases/unreadable-no-code/input0.png"
if [[ $RC -eq 3 ]] && grep -q '"no_code"' <<<"$OUT" &&
	grep -q "\"now\":[[:space:]]*\"$want_time\"" <<<"$OUT"; then
	ok
else
	bad "no code (--now): exit $RC, want time $want_time: $(one_line "$OUT")"
fi
# Without --now: the clock's time, not the epoch.
RC=0
OUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --json \
	--image "$FIXTURES/cases/unreadable-no-code/input0.png" 2>"$T/err") || RC=$?
year=$(date -u +%Y)
if [[ $RC -eq 3 ]] && grep -q "\"now\":[[:space:]]*\"$year-" <<<"$OUT"; then ok; else
	bad "no code (clock): exit $RC, want a time in $year: $(one_line "$OUT")"
fi
# A file that is no image at all is no code either, at the same time.
head -c 3000 /dev/urandom >"$T/noise.png"
verify --image "$T/noise.png"
if [[ $RC -eq 3 ]] && grep -q "\"now\":[[:space:]]*\"$want_time\"" <<<"$OUT"; then ok; else
	bad "undecodable image: exit $RC $(one_line "$OUT")"
fi
# --batch: an image line without a code, the same.
printf '%s\n' "$FIXTURES/cases/unreadable-no-code/input0.png" >"$T/batch"
RC=0
OUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --now "$NOW" \
	--batch "$T/batch" 2>"$T/err") || RC=$?
if [[ $RC -eq 3 ]] && grep -q "\"now\":\"$want_time\"" <<<"$OUT"; then ok; else
	bad "batch, no code: exit $RC $(one_line "$OUT")"
fi

finish e2e_inputs
