#!/usr/bin/env bash
# mcverify --policy FILE --batch LIST end to end, on credentials mcissue signs:
# the issue's example policy over valid, duplicate, revoked, expired, too old,
# incomplete and unreadable credentials; exit 0 when met, 5 when not, 4 for a
# bad policy; the record holds no learner name and its reference is stable.
# Usage: e2e_policy.sh MCISSUE MCVERIFY
set -euo pipefail

MCISSUE=$1
MCVERIFY=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"

NOW=$(date +%s)
DAY=86400
VET=https://cert.example-vet.pl
LIST=$VET/status/1
mkdir -p "$T/anchors" "$T/keys" "$T/status"
"$MCISSUE" keygen --type p256 --out "$T/keys/op" >/dev/null
"$MCISSUE" keygen --type p256 --out "$T/keys/vet" >/dev/null
"$MCISSUE" anchor --key "$T/keys/op.key.pem" >"$T/anchors/op.pem"
cat >"$T/trust.json" <<JSON
{ "sequence": 1, "iat": $((NOW - 3600)), "nextUpdate": $((NOW + 30 * DAY)),
  "issuers": [ { "id": "$VET", "name": "Example VET Centre", "country": "PL", "status": "active",
                 "keys": [ { "jwk": "$T/keys/vet.jwk.json", "notBefore": 0 } ] } ] }
JSON
"$MCISSUE" trustlist --key "$T/keys/op.key.pem" "$T/trust.json" >"$T/trustlist.jws" 2>/dev/null
"$MCISSUE" statuslist --key "$T/keys/vet.key.pem" --iss "$VET" --id "$LIST" --revoke 7 \
	>"$T/status/vet-1.jws"

# cred JTI TITLE EQF ECTS HOURS ISSUED_DAYS_AGO EXPIRES_IN_DAYS STATUS_INDEX [no-qa]
# NAME_ON_CRED, COUNTRY_ON_CRED: the credential's own wording of its awarding
# body (default: as the trust list registers it)
cred() {
	local qa='"qualityAssurance": "National VET quality agency",'
	[[ ${9:-} == no-qa ]] && qa=""
	cat >"$T/c.json" <<JSON
{ "iss": "$VET", "nbf": $((NOW - $6 * DAY)), "exp": $((NOW + $7 * DAY)), "jti": "urn:uuid:$1",
  "vc": { "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": { "id": "$VET", "name": "${NAME_ON_CRED:-Example VET Centre}",
                "address": { "addressCountryCode": "${COUNTRY_ON_CRED:-PL}" } },
    "credentialSubject": { "type": ["AchievementSubject"],
      "identifier": [ { "type": "IdentityObject", "identityType": "name", "hashed": false,
                        "identityHash": "Anna Kowalska" } ],
      "achievement": { "type": ["Achievement"], "achievementType": "MicroCredential",
        "name": "$2", "creditsAvailable": $4, "workloadHours": $5, "eqfLevel": $3,
        "learningOutcomes": ["${OUTCOME:-Configure identity and access management}"],
        "assessmentType": "Supervised practical exam", "participationForm": "online", $qa
        "description": "e2e" } },
    "credentialStatus": { "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
      "statusListIndex": "$8", "statusListCredential": "$LIST" } } }
JSON
	"$MCISSUE" sign --key "$T/keys/vet.key.pem" "$T/c.json"
}

{
	cred u1 "Cloud Security Fundamentals" 5 2 50 100 1000 1   # 0 valid: level, 2 ECTS
	cred u2 "Network Defence" 4 2 50 200 1000 2               # 1 valid: level, 2 ECTS
	cred u3 "Cloud Networking" 4 3 75 10 1000 7               # 2 revoked
	cred u4 "Cloud Operations" 6 3 75 900 -1 3                # 3 expired
	cred u1 "Cloud Security Fundamentals" 5 2 50 100 1000 1   # 4 the same as 0
	cred u6 "Security Operations" 5 1 25 30 1000 4 no-qa      # 5 incomplete (warning)
	cred u7 "Cloud Basics" 3 2 50 1200 1000 5                 # 6 valid, too old for IT credits
	echo "hello, not a credential"                            # 7 unreadable
} >"$T/batch"

cat >"$T/policy.json" <<'JSON'
{ "name": "Admission: Cloud Engineering exam",
  "acceptWarnings": ["trustlist_stale", "incomplete"],
  "requirements": [
    { "id": "level", "label": {"en": "EQF 4 or higher", "pl": "EQF 4 lub wyższy"},
      "match": { "minEqfLevel": 4 }, "need": { "count": 1 } },
    { "id": "it-credits", "label": "5 ECTS in IT",
      "match": { "titleAny": ["cloud", "network", "security"], "maxAgeDays": 1095 },
      "need": { "ects": 5 } } ] }
JSON
sed 's/"trustlist_stale", "incomplete"/"trustlist_stale"/' "$T/policy.json" >"$T/strict.json"

decide() { # POLICY [BATCH]: sets DOUT, DRC
	DRC=0
	DOUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --status "$T/status" \
		--now "$NOW" --policy "$1" --batch "${2:-$T/batch}" 2>"$T/err") || DRC=$?
}
# the JSON squeezed onto one line, for grep
flat() { tr -d ' \n\t' <<<"$DOUT"; }

decide "$T/policy.json"
[[ $DRC -eq 0 ]] && ok || bad "met: exit $DRC: $(head -c 300 "$T/err")"
f=$(flat)
grep -q '^{"decision":"met"' <<<"$f" && ok || bad "decision: $(head -c 200 <<<"$f")"
# level: 0, 1 and the accepted incomplete 5 (not the revoked 2, expired 3, duplicate 4)
grep -q '"id":"level","met":true,"kind":"count","have":3,"need":1,"credentials":\[0,1,5\]' <<<"$f" &&
	ok || bad "level requirement: $f"
# IT credits: 2 + 2 + 1 (not the too old 6, not the revoked 2)
grep -q '"id":"it-credits","met":true,"kind":"ects","have":5,"need":5,"credentials":\[0,1,5\]' <<<"$f" &&
	ok || bad "it-credits requirement: $f"
grep -q '"label":"5ECTSinIT"' <<<"$f" && ok || bad "label missing"
# every line answered, in order: 8 answers with their verdicts
[[ $(grep -o '"verdict":"[a-z]*"' <<<"$f" | head -8 | tr '\n' ' ') == \
	'"verdict":"valid" "verdict":"valid" "verdict":"invalid" "verdict":"invalid" "verdict":"valid" "verdict":"warning" "verdict":"valid" "verdict":"unreadable" ' ]] &&
	ok || bad "answers: $(grep -o '"verdict":"[a-z]*"' <<<"$f" | tr '\n' ' ')"
grep -q '"revoked"' <<<"$f" && grep -q '"expired"' <<<"$f" && ok || bad "reasons missing"
# the record: the duplicate marked, no learner name; the answers do carry it
rec=$(sed 's/.*"record":{//' <<<"$f")
grep -q '"duplicateOf":0' <<<"$rec" && ok || bad "duplicate not marked: $rec"
! grep -q 'Kowalska' <<<"$rec" && ok || bad "the record names the learner"
! grep -q 'urn:uuid' <<<"$rec" && ok || bad "the record holds a jti in clear"
grep -q 'Kowalska' <<<"$f" && ok || bad "the answers lack the credential"
ref=$(grep -o '"reference":"[0-9A-Z-]*"' <<<"$f" | sort -u)
[[ $(wc -l <<<"$ref") -eq 1 && $ref =~ \"[0-9A-Z]{4}-[0-9A-Z]{4}\" ]] && ok ||
	bad "reference: $ref"
decide "$T/policy.json"
[[ $(grep -o '"reference":"[0-9A-Z-]*"' <<<"$(flat)" | sort -u) == "$ref" ]] && ok ||
	bad "the same decision, another reference"

# Not accepting incomplete credentials: 4 ECTS, not met, exit 5.
decide "$T/strict.json"
[[ $DRC -eq 5 ]] && ok || bad "not met: exit $DRC"
f=$(flat)
grep -q '^{"decision":"not_met"' <<<"$f" && ok || bad "decision: $(head -c 200 <<<"$f")"
grep -q '"id":"it-credits","met":false,"kind":"ects","have":4,"need":5,"credentials":\[0,1\]' <<<"$f" &&
	ok || bad "strict it-credits: $f"
[[ $(grep -o '"reference":"[0-9A-Z-]*"' <<<"$f" | sort -u) != "$ref" ]] && ok || bad "same reference"

# The awarding body shown and matched is the trust list's entry for iss (here
# "Example VET Centre", PL), never the credential's own wording: a credential
# of that body calling itself "Politechnika Warszawska" (DE). The answer gives
# the wording under credential.issuer.claimed (both members, as worded) only
# when the name or the country differs.
answer() { # QR TEXT: the JSON answer squeezed onto one line
	"$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --status "$T/status" \
		--now "$NOW" --json --text "$1" 2>/dev/null | tr -d ' \n\t' || true
}
registered='"issuer":{"id":"https://cert.example-vet.pl","name":"ExampleVETCentre","country":"PL"'
NAME_ON_CRED="Politechnika Warszawska" COUNTRY_ON_CRED=DE \
	cred c1 "Cloud Security Fundamentals" 5 2 50 100 1000 11 >"$T/claimed"
a=$(answer "$(cat "$T/claimed")")
grep -q '^{"verdict":"valid"' <<<"$a" && ok || bad "claimed: $a"
grep -qF "$registered"',"claimed":{"name":"PolitechnikaWarszawska","country":"DE"}}' <<<"$a" &&
	ok || bad "claimed: the issuer is not the registered entry with the claim: $a"
a=$(answer "$(cred c2 "Cloud Security Fundamentals" 5 2 50 100 1000 12)")
grep -qF "$registered}" <<<"$a" && ok || bad "as registered: $a"
a=$(answer "$(NAME_ON_CRED="Example VET Centre Warsaw" cred c3 "Cloud" 5 2 50 100 1000 13)")
grep -qF "$registered"',"claimed":{"name":"ExampleVETCentreWarsaw","country":"PL"}}' <<<"$a" &&
	ok || bad "another name: $a"
a=$(answer "$(COUNTRY_ON_CRED=DE cred c4 "Cloud" 5 2 50 100 1000 14)")
grep -qF "$registered"',"claimed":{"name":"ExampleVETCentre","country":"DE"}}' <<<"$a" &&
	ok || bad "another country: $a"
# issuerAny / issuerCountryAny match the registered entry, never the claim
match_policy() { # FILE MATCH
	printf '{"name":"Issuer","requirements":[{"id":"body","label":"Body",' >"$1"
	printf '"match":%s,"need":{"count":1}}]}' "$2" >>"$1"
}
match_policy "$T/p-claimed-name.json" '{"issuerAny":["Politechnika Warszawska"]}'
match_policy "$T/p-claimed-country.json" '{"issuerCountryAny":["DE"]}'
match_policy "$T/p-registered.json" '{"issuerAny":["Example VET Centre"],"issuerCountryAny":["PL"]}'
match_policy "$T/p-id.json" '{"issuerAny":["https://cert.example-vet.pl"]}'
for p in claimed-name claimed-country; do
	decide "$T/p-$p.json" "$T/claimed"
	[[ $DRC -eq 5 ]] && grep -q '^{"decision":"not_met"' <<<"$(flat)" && ok ||
		bad "$p: the credential's own wording was matched: exit $DRC $(head -c 300 <<<"$DOUT")"
done
for p in registered id; do
	decide "$T/p-$p.json" "$T/claimed"
	[[ $DRC -eq 0 ]] && grep -q '^{"decision":"met"' <<<"$(flat)" && ok ||
		bad "$p: the registered entry was not matched: exit $DRC $(head -c 300 <<<"$DOUT")"
done
# the record keeps the registered name and country, not the claim
rec=$(sed 's/.*"record":{//' <<<"$(flat)")
grep -qF "$registered}" <<<"$rec" && ok || bad "the record's issuer: $rec"
! grep -q 'Politechnika\|"DE"' <<<"$rec" && ok || bad "the record keeps the claim: $rec"

# --explain: the operator's preview of a policy over sample credentials: what
# each adds to which requirement, or why not; the same reference as the decision.
preview() { # POLICY BATCH [ARGS...]: sets POUT, PRC
	local policy=$1 batch=$2
	shift 2
	PRC=0
	POUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --status "$T/status" \
		--now "$NOW" --policy "$policy" --explain --batch "$batch" "$@" 2>"$T/err") || PRC=$?
}
has() { grep -qF -- "$1" <<<"$POUT" && ok || bad "the preview lacks '$1': $POUT"; }
code=$(grep -o '[0-9A-Z]\{4\}-[0-9A-Z]\{4\}' <<<"$ref")
preview "$T/policy.json" "$T/batch"
[[ $PRC -eq 0 ]] && ok || bad "explain: exit $PRC: $(head -c 300 "$T/err")"
has '[0] valid: "Cloud Security Fundamentals", Example VET Centre (PL)'
has '  + level (EQF 4 or higher): +1 → 1 of 1 credentials'
has '  + it-credits (5 ECTS in IT): +2 ECTS → 2 of 5 ECTS; title has "cloud"'
has '  + it-credits (5 ECTS in IT): +2 ECTS → 4 of 5 ECTS; title has "network"'
has '[2] invalid (revoked): "Cloud Networking"'
has '    not counted: a credential that is invalid never counts'
has '[3] invalid (expired)'
has '    not counted: the same credential as [0], counted once'
has '[5] warning (incomplete): "Security Operations"'
has '  + it-credits (5 ECTS in IT): +1 ECTS → 5 of 5 ECTS; title has "security"'
has '[6] valid: "Cloud Basics"'
has '  - level (EQF 4 or higher): does not match: minEqfLevel'
has '  - it-credits (5 ECTS in IT): does not match: maxAgeDays'
has '[7] unreadable'
has '    not counted: nothing was verified, so nothing can match'
has 'Decision: met (every requirement is met)'
has '  it-credits (5 ECTS in IT): 5 of 5 ECTS: met'
has "Reference: $code"
has "Record QR text: MCKREC1 REF:$code DECISION:MET AT:"
has ' LEARNER:SAME REQ:3/1+ 5/5+'
! grep -q 'Kowalska' <<<"$POUT" && ok || bad "the preview names the learner"
# the strict policy: the incomplete credential's reason is named, not met
preview "$T/strict.json" "$T/batch"
[[ $PRC -eq 5 ]] && ok || bad "strict explain: exit $PRC"
has 'a warning counts only when acceptWarnings lists all its reasons; not listed: incomplete'
has '  it-credits (5 ECTS in IT): 4 of 5 ECTS: 1 missing'
# JSON
preview "$T/policy.json" "$T/batch" --json
f=$(tr -d ' \n\t' <<<"$POUT")
for want in '"decision":"met"' \
	'"index":0,"verdict":"valid","reasons":[],"issuer":{"id":"https://cert.example-vet.pl","name":"ExampleVETCentre","country":"PL"},"title":"CloudSecurityFundamentals"' \
	'"counts":true,"notCounted":null,"duplicateOf":null,"requirements":[{"id":"level","matched":true,"added":1,"total":1,"failed":[]}' \
	'{"id":"it-credits","matched":true,"added":2,"total":2,"failed":[],"titleTerm":{"term":"cloud"}}' \
	'"counts":false,"notCounted":"verdict","notAccepted":["revoked"]' \
	'"counts":false,"notCounted":"duplicate","duplicateOf":0' \
	'{"id":"level","matched":false,"added":0,"total":3,"failed":["minEqfLevel"]}' \
	'{"id":"it-credits","matched":false,"added":0,"total":5,"failed":["maxAgeDays"],"titleTerm":{"term":"cloud"}}' \
	'"notCounted":"no_credential","duplicateOf":null,"requirements":[{"id":"level","matched":false,"added":0,"total":3,"failed":[]},{"id":"it-credits","matched":false,"added":0,"total":5,"failed":[]}]}' \
	'"notCounted":"no_credential"' \
	"\"reference\":\"$code\"" "\"recordQr\":\"MCKREC1REF:${code}DECISION:MET"; do
	grep -qF -- "$want" <<<"$f" && ok || bad "explain --json lacks $want: $f"
done
! grep -q 'Kowalska' <<<"$f" && ok || bad "explain --json names the learner"
# one credential from --text; --explain without --policy is refused
PRC=0
POUT=$("$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --status "$T/status" \
	--now "$NOW" --policy "$T/policy.json" --explain --text "$(head -n1 "$T/batch")" 2>"$T/err") ||
	PRC=$?
[[ $PRC -eq 5 ]] && ok || bad "explain --text: exit $PRC $(cat "$T/err")"
has '  + it-credits (5 ECTS in IT): +2 ECTS → 2 of 5 ECTS; title has "cloud"'
has '  it-credits (5 ECTS in IT): 2 of 5 ECTS: 3 missing'
PRC=0
"$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --explain --batch "$T/batch" \
	>/dev/null 2>"$T/err" || PRC=$?
[[ $PRC -eq 4 ]] && grep -q 'explain' "$T/err" && ok || bad "--explain without --policy: exit $PRC"

# The example policies (docs/examples) match credentials worded in any of the
# kiosk's seven languages: the title (exam) and the outcomes (employment office).
EXAMPLES=$(dirname "$0")/../docs/examples
{
	OUTCOME="Tworzy arkusze kalkulacyjne w chmurze" cred l0 "Podstawy chmury obliczeniowej" 4 1 8 30 1000 20
	OUTCOME="Nutzt Tabellenkalkulation im Büro" cred l1 "Netzwerksicherheit für KMU" 4 1 8 30 1000 21
	OUTCOME="Utilise un tableur" cred l2 "Sécurité des réseaux" 4 1 8 30 1000 22
	OUTCOME="Χρησιμοποιεί υπολογιστικό φύλλο" cred l3 "Ασφάλεια δικτύων" 4 1 8 30 1000 23
	OUTCOME="Usa un foglio di calcolo" cred l4 "Sicurezza informatica di base" 4 1 8 30 1000 24
	OUTCOME="Usa una hoja de cálculo" cred l5 "Seguridad en la nube" 4 1 8 30 1000 25
	OUTCOME="Spawa blachy stalowe" cred l6 "Spawanie MIG/MAG" 4 1 8 30 1000 26
} >"$T/languages"
preview "$EXAMPLES/policy-cloud-exam.json" "$T/languages"
[[ $PRC -eq 0 ]] && ok || bad "cloud exam over seven languages: exit $PRC $(cat "$T/err")"
has '[0] valid: "Podstawy chmury obliczeniowej"'
has '+1 ECTS → 1 of 5 ECTS; title has "chmur" (pl)'
has '+1 ECTS → 2 of 5 ECTS; title has "Netzwerk" (de)'
has '+1 ECTS → 3 of 5 ECTS; title has "réseau" (fr)'
has '+1 ECTS → 4 of 5 ECTS; title has "δικτύ" (el)'
has '+1 ECTS → 5 of 5 ECTS; title has "sicurezza" (it)'
has '+1 ECTS → 6 of 5 ECTS; title has "la nube" (es)'
has '  - it-credits (5 ECTS in IT): does not match: titleAny'
preview "$EXAMPLES/policy-digital-skills.json" "$T/languages"
[[ $PRC -eq 0 ]] && ok || bad "digital skills over seven languages: exit $PRC $(cat "$T/err")"
has '+8 hours → 8 of 40 hours; an outcome has "arkusz" (pl)'
has '+8 hours → 16 of 40 hours; an outcome has "Tabellenkalkulation" (de)'
has '+8 hours → 24 of 40 hours; an outcome has "tableur" (fr)'
has '+8 hours → 32 of 40 hours; an outcome has "υπολογιστικό φύλλο" (el)'
has '+8 hours → 40 of 40 hours; an outcome has "foglio di calcolo" (it)'
has '+8 hours → 48 of 40 hours; an outcome has "hoja de cálculo" (es)'
has '  - hours (40 hours of digital-skills training): does not match: outcomeAny'
has '  hours (40 hours of digital-skills training): 48 of 40 hours: met'
# every example policy labels each requirement in all seven languages
for p in "$EXAMPLES"/policy-*.json; do
	for l in en pl de fr el it es; do
		n=$(grep -o "\"$l\": *\"" "$p" | wc -l)
		r=$(grep -o '"id": *"' "$p" | wc -l)
		[[ $n -ge $r ]] && ok || bad "$(basename "$p"): $r requirements, $n labels in $l"
	done
done

# Refusals: exit 4 and one line; nothing verified.
printf '{"name":"x","requirements":[{"id":"a","match":{"minEqf":4},"need":{"count":1}}]}' \
	>"$T/typo.json"
decide "$T/typo.json"
[[ $DRC -eq 4 && -z $DOUT && $(wc -l <"$T/err") -eq 1 ]] && grep -q 'minEqf' "$T/err" && ok ||
	bad "typo policy: exit $DRC: $(cat "$T/err")"
decide "$T/missing.json"
[[ $DRC -eq 4 ]] && ok || bad "missing policy: exit $DRC"
DRC=0
"$MCVERIFY" --anchors "$T/anchors" --trust "$T/trustlist.jws" --policy "$T/policy.json" \
	--text x >/dev/null 2>&1 || DRC=$?
[[ $DRC -eq 4 ]] && ok || bad "--policy without --batch: exit $DRC"
# more credentials than one decision takes (32)
for _ in $(seq 33); do echo "hello"; done >"$T/batch"
decide "$T/policy.json"
[[ $DRC -eq 4 ]] && grep -q 'at most 32' "$T/err" && ok || bad "33 credentials: exit $DRC"
finish policy
