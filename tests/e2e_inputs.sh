#!/usr/bin/env bash
# mcverify's inputs end to end, on credentials mcissue signs: two different
# credentials in one photo (unreadable, several_credentials, a detail; the
# chunks of one credential in one photo still verify), an image without a
# code (its answer's time is the time of the verdict, not 1970), and `-`
# with a line longer than a QR code holds (that line is malformed, the
# stream is read on; never exit 4).
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

# ---- standard input: a line longer than one QR code holds ----

# 7089 digits is the most a QR code holds; MC1:/ and 9000 digits is more.
long="MC1:/$(head -c 9000 /dev/zero | tr '\0' 0)"
verify - < <(printf '%s\n' "$long")
if [[ $RC -eq 2 ]] && grep -q '"malformed"' <<<"$OUT"; then ok; else
	bad "stdin, one overlong line: exit $RC $(one_line "$OUT") $(head -c 200 "$T/err")"
fi
# The same for a line that is no MC1 text, and for one far longer than any buffer.
verify - < <(head -c 200000 /dev/zero | tr '\0' A)
if [[ $RC -eq 2 ]] && grep -q '"malformed"' <<<"$OUT"; then ok; else
	bad "stdin, 200 kB without a newline: exit $RC $(one_line "$OUT") $(head -c 200 "$T/err")"
fi
# Reading goes on after an overlong line (here 100 kB, more than the nine
# chunks of the largest credential): the lines after it are read.
head -n 1 "$T/chunks" >"$T/stdin"
printf 'MC1:/%s\n' "$(head -c 100000 /dev/zero | tr '\0' 1)" >>"$T/stdin"
tail -n 2 "$T/chunks" >>"$T/stdin"
verify - <"$T/stdin"
if [[ $RC -eq 2 ]] && grep -q '"malformed"' <<<"$OUT"; then ok; else
	bad "stdin, overlong line between chunks: exit $RC $(one_line "$OUT") $(head -c 200 "$T/err")"
fi
# The lines after it count: with a chunk of another credential after the
# overlong line, the answer is that there are two.
{
	cat "$T/stdin"
	cred "Jan Nowak"
} >"$T/stdin.two"
verify - <"$T/stdin.two"
if [[ $RC -eq 3 ]] && grep -q '"several_credentials"' <<<"$OUT"; then ok; else
	bad "stdin, a credential after the overlong line: exit $RC $(one_line "$OUT")"
fi
# Without the overlong line the same stream verifies: the lines around it are intact.
cp "$T/chunks" "$T/stdin.ok"
verify - <"$T/stdin.ok"
if [[ $RC -eq 0 ]]; then ok; else bad "stdin, the chunks: exit $RC $(one_line "$OUT")"; fi
# CRLF line ends and blank lines are fine.
{
	echo
	sed 's/$/\r/' "$T/stdin.ok"
	echo
} >"$T/stdin.crlf"
verify - <"$T/stdin.crlf"
if [[ $RC -eq 0 ]]; then ok; else bad "stdin, CRLF: exit $RC $(one_line "$OUT")"; fi
# An endless stream is refused after a bound, as before: exit 4, not a hang.
RC=0
head -c $((80 * 1024 * 1024)) /dev/zero | tr '\0' '\n' |
	"$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --json - \
		>/dev/null 2>"$T/err" || RC=$?
if [[ $RC -eq 4 ]] && grep -q 'standard input' "$T/err"; then ok; else
	bad "stdin over the bound: exit $RC $(head -c 200 "$T/err")"
fi

finish e2e_inputs
