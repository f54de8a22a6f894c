#!/usr/bin/env bash
# What a code that is no credential was (verifier-contract.md, revision 2):
# mcverify's answer with not_a_credential says "shown" (url, wifi, eu_dcc,
# smart_health_card, vcard, text) and, for a web link, its "host" alone; the
# rest of the address (user, password, port, path, query, fragment), a Wi-Fi
# password or a contact's name never reach stdout or stderr, in --json, the
# readable summary, --batch or `-`. A credential's answer has neither member.
# Usage: e2e_shown.sh MCVERIFY FIXTURES_DIR
set -euo pipefail

# a cross build's mcverify runs under its emulator (MCK_TEST_EMULATOR)
read -r -a MCVERIFY <<<"${MCK_TEST_EMULATOR:-} $1"
FIXTURES=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"

NOW=1795000000 # the vectors' time (tests/fixtures/cases/*/case.json)
# Words that stand for personal data in the codes below; none may be printed.
SECRETS='s3cr3tpw|usr7name|privpath|AnnaQuery|frag9z|8443|HomeNet5|wpa9pass|Qwertyk9'

# run ARGS...: mcverify at NOW against the vectors' trust list; sets OUT, ERR, RC.
run() {
	RC=0
	OUT=$("${MCVERIFY[@]}" --anchors "$FIXTURES/anchors" --trust "$FIXTURES/trust/trustlist.jws" \
		--now "$NOW" "$@" 2>"$T/err") || RC=$?
	ERR=$(cat "$T/err")
}

one_line() {
	tr -d '\n\t' <<<"$1" | head -c 400
}

# no_secret WHAT: neither stream holds any of SECRETS.
no_secret() {
	if grep -Eq "$SECRETS" <<<"$OUT$ERR"; then
		bad "$1: personal data printed: $(one_line "$OUT$ERR")"
	else
		ok
	fi
}

# member NAME [TEXT]: the value of the top-level member NAME of the one-line
# answer TEXT (default OUT): a string's contents, null, or "" when absent.
member() {
	local text=${2:-$OUT} v
	v=$(tr -d '\n' <<<"$text" | grep -o "\"$1\":[[:space:]]*\(\"[^\"]*\"\|null\)" | head -1) || true
	v=${v#*:}
	v=${v#"${v%%[! $'\t']*}"}
	v=${v#\"}
	echo "${v%\"}"
}

# json_is TEXT SHOWN HOST: --json --text TEXT says shown SHOWN and host HOST
# ("" for no host member, "null" for a null host).
json_is() {
	local text=$1 shown=$2 host=$3
	run --json --text "$text"
	if [[ $RC -eq 3 ]] && [[ $(member shown) == "$shown" ]] && [[ $(member host) == "$host" ]] &&
		[[ $(tr -d ' \n\t' <<<"$OUT") == *'"reasons":["not_a_credential"]'* ]]; then
		ok
	else
		bad "$(printf '%q' "$text"): want shown $shown host '$host': exit $RC $(one_line "$OUT")"
	fi
	no_secret "$(printf '%q' "$text")"
}

json_is 'https://usr7name:s3cr3tpw@Example.ORG:8443/privpath/x?n=AnnaQuery#frag9z' url example.org
json_is 'HTTPS://EUROPASS.EUROPA.EU/privpath' url europass.europa.eu
json_is 'http://example.org.' url example.org
json_is 'www.example.org/privpath?AnnaQuery' url www.example.org
json_is 'https://[2001:DB8::1]:8443/privpath' url '[2001:db8::1]'
json_is 'https://exa mple.org/privpath' url null
json_is 'https://' url null
json_is 'WIFI:S:HomeNet5;T:WPA;P:wpa9pass;;' wifi ''
json_is 'wifi:T:WPA;S:HomeNet5;P:wpa9pass;;' wifi ''
json_is 'HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+0N' eu_dcc ''
json_is 'shc:/56762909524320603460292437404460312229595326546034602925407728043360287028' \
	smart_health_card ''
json_is $'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zofia Qwertyk9\r\nEND:VCARD\r\n' vcard ''
json_is 'mailto:AnnaQuery@example.org' text ''
json_is 'hello' text ''

# The readable summary names what it was, and for a link only its host.
run --text 'https://usr7name:s3cr3tpw@Example.ORG:8443/privpath?AnnaQuery#frag9z'
if [[ $RC -eq 3 ]] && grep -q 'not a credential: a web link to example.org$' <<<"$OUT"; then
	ok
else
	bad "summary of a link: exit $RC $(one_line "$OUT")"
fi
no_secret "summary of a link"
run --text 'WIFI:S:HomeNet5;T:WPA;P:wpa9pass;;'
if [[ $RC -eq 3 ]] && grep -qi 'not a credential: .*wi-fi' <<<"$OUT"; then
	ok
else
	bad "summary of a Wi-Fi code: exit $RC $(one_line "$OUT")"
fi
no_secret "summary of a Wi-Fi code"

# Standard input, two codes and no credential: the first is described.
RC=0
OUT=$(printf 'https://first.example/privpath\nWIFI:S:HomeNet5;P:wpa9pass;;\n' |
	"${MCVERIFY[@]}" --anchors "$FIXTURES/anchors" --trust "$FIXTURES/trust/trustlist.jws" \
		--now "$NOW" --json - 2>"$T/err") || RC=$?
ERR=$(cat "$T/err")
if [[ $RC -eq 3 ]] && [[ "$(member shown) $(member host)" == "url first.example" ]]; then
	ok
else
	bad "two codes on standard input: exit $RC $(one_line "$OUT")"
fi
no_secret "two codes on standard input"

# --batch: one answer a line; a credential's answer has neither member.
{
	echo 'https://usr7name:s3cr3tpw@www.Example.org/privpath?AnnaQuery'
	cat "$FIXTURES/cases/valid-es256-compact/input0.txt"
	echo
	echo 'BEGIN:VCARD'
	echo "$FIXTURES/cases/unreadable-not-credential/input0.png"
} >"$T/batch"
run --batch "$T/batch"
got=""
while IFS= read -r line; do
	got+="$(member verdict "$line") $(member shown "$line") $(member host "$line")|"
done <<<"$OUT"
if [[ $RC -eq 3 ]] &&
	[[ $got == "unreadable url www.example.org|valid  |unreadable vcard |unreadable url example.org|" ]]; then
	ok
else
	bad "--batch: exit $RC $got"
fi
no_secret "--batch"

finish e2e_shown
