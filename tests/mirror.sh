#!/usr/bin/env bash
# mcupdate BASE_URL against a real web server: Debian's nginx, started here on
# 127.0.0.1 with a throw-away configuration and stopped at the end, serving
# mirrors published by `mcissue publish`. First install, up to date (304),
# newer, rollback on the mirror, bad manifest paths, a size over the cap,
# more bytes than the manifest says, a digest mismatch, a body cut short, a
# server that trickles bytes, 404/500, a redirect loop and one off http(s),
# TLS with the right pin, a wrong pin and an unknown CA (a self-signed
# certificate made here), two fetches at once. After every failure the state
# is byte-for-byte unchanged and fetch.json records it.
# Usage: mirror.sh MCISSUE MCUPDATE
set -euo pipefail

MCISSUE=$1
MCUPDATE=$2
T=$(mktemp -d)
cleanup() {
	nginx_stop
	rm -rf "$T"
}
trap cleanup EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"
# shellcheck source=support/bundles.sh
. "$(dirname "$0")/support/bundles.sh"
# shellcheck source=support/nginx.sh
. "$(dirname "$0")/support/nginx.sh"

W=$T/www
mkdir -p "$W"
# publish NAME BUNDLE: the mirror tree of BUNDLE under www/NAME
publish() {
	"$MCISSUE" publish "$2" "$W/$1" >/dev/null
}
# manifest NAME JSON: a hand-made manifest over the files of mirror NAME
manifest() {
	printf '%s\n' "$2" >"$W/$1/mck-update/manifest.json"
}
sha() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }

bundle b1 1
bundle b2 2
bundle b3 3
publish m1 "$T/b1/mck-update"
publish m2 "$T/b2/mck-update"
publish m3 "$T/b3/mck-update"
TL3=$W/m3/mck-update/trustlist.jws
ST3=$W/m3/mck-update/status/vet-1.jws
# the files of m3, under manifests that lie in one way each
for m in dotdot absolute deep overcap over digest cut lies; do
	mkdir -p "$W/$m/mck-update/status"
	cp "$TL3" "$W/$m/mck-update/trustlist.jws"
	cp "$ST3" "$W/$m/mck-update/status/vet-1.jws"
done
entry() { # PATH SIZE SHA
	printf '{"path":"%s","size":%s,"sha256":"%s"}' "$1" "$2" "$3"
}
OKST=$(entry status/vet-1.jws "$(size "$ST3")" "$(sha "$ST3")")
OKTL=$(entry trustlist.jws "$(size "$TL3")" "$(sha "$TL3")")
manifest dotdot "{\"sequence\":3,\"files\":[$OKTL,$(entry ../trustlist.jws 10 "$(sha "$TL3")")]}"
manifest absolute "{\"sequence\":3,\"files\":[$OKTL,$(entry /etc/passwd 10 "$(sha "$TL3")")]}"
manifest deep "{\"sequence\":3,\"files\":[$OKTL,$(entry status/a/b.jws 10 "$(sha "$ST3")")]}"
manifest overcap "{\"sequence\":3,\"files\":[$(entry trustlist.jws 536870913 "$(sha "$TL3")"),$OKST]}"
manifest over "{\"sequence\":3,\"files\":[$(entry trustlist.jws 100 "$(sha "$TL3")"),$OKST]}"
manifest digest "{\"sequence\":3,\"files\":[$(entry trustlist.jws "$(size "$TL3")" "$(printf '0%.0s' {1..64})"),$OKST]}"
# a body cut short: the file on the mirror ends early
head -c 300 "$TL3" >"$W/cut/mck-update/trustlist.jws"
manifest cut "{\"sequence\":3,\"files\":[$OKTL,$OKST]}"
# a manifest that claims sequence 9 over the files of sequence 1
cp "$W/m1/mck-update/trustlist.jws" "$W/lies/mck-update/trustlist.jws"
TL1=$W/m1/mck-update/trustlist.jws
manifest lies "{\"sequence\":9,\"files\":[$(entry trustlist.jws "$(size "$TL1")" "$(sha "$TL1")"),$OKST]}"
chmod -R a+rX "$T"

# A self-signed certificate for 127.0.0.1, and its public key's pin.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
	-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
	-keyout "$T/tls.key" -out "$T/tls.crt" 2>/dev/null
PIN="sha256//$(openssl x509 -in "$T/tls.crt" -pubkey -noout | openssl pkey -pubin -outform der |
	openssl dgst -sha256 -binary | base64)"
WRONG_PIN="sha256//$(printf 'another key' | openssl dgst -sha256 -binary | base64)"

# nginx on two free ports, with the server's misbehaviours.
nginx_start "$W" "$T/nginx" "
		location /trickle/ { alias $W/m3/; limit_rate 64; }
		location /e404/ { return 404; }
		location /e500/ { return 500; }
		location /loop/ { return 302 /loop/; }
		location /offweb/ { return 302 ftp://127.0.0.1/mck-update/manifest.json; }" \
	"$T/tls.crt" "$T/tls.key"
URL=http://127.0.0.1:$PORT
TLS=https://127.0.0.1:$TLSPORT

S=$T/state
SPOOL=$T/spool
mkdir -p "$S"
update() { # BASE_URL [OPTIONS...]
	local base=$1
	shift
	URC=0
	UOUT=$("$MCUPDATE" --anchors "$T/anchors" --state "$S" --spool "$SPOOL" \
		--timeout 20 "$@" "$base" 2>&1) || URC=$?
}
requests() { wc -l <"$T/nginx/access.log"; }
record() { cat "$SPOOL/fetch.json" 2>/dev/null || echo "{}"; }
field() { # NAME: a value of fetch.json (numbers and null as they are, strings quoted)
	record | grep -o "\"$1\":\(\"[^\"]*\"\|[^,}\"]*\)" | head -1 | cut -d: -f2-
}
expect() { # NAME BASE_URL EXIT PATTERN [OPTIONS...]
	local name=$1 base=$2 code=$3 pat=$4
	shift 4
	update "$base" "$@"
	if [[ $URC -eq $code ]] && grep -q -- "$pat" <<<"$UOUT"; then
		ok
	else
		bad "$name: exit $URC, expected $code /$pat/: $UOUT"
	fi
}
# A failure: its exit and words, the state byte for byte as it was, the
# failure recorded (time and cause), the last success where it was.
expect_failure() { # NAME BASE_URL EXIT PATTERN [OPTIONS...]
	local before success
	before=$(tree_hash "$S")
	success=$(field lastSuccess)
	expect "$@"
	if [[ $(tree_hash "$S") == "$before" ]]; then ok; else bad "$1: the state changed"; fi
	if [[ $(field lastFailure) =~ ^[0-9]+$ && $(field cause) != null &&
		$(field lastSuccess) == "$success" ]]; then
		ok
	else
		bad "$1: not recorded as a failure: $(record)"
	fi
	if ! compgen -G "$SPOOL/staging-*" >/dev/null; then ok; else bad "$1: a staging dir left"; fi
}

# -- the way it is meant to go
expect "first install" "$URL/m1" 0 "installed sequence 1"
if [[ $(field sequence) == 1 && $(field lastSuccess) =~ ^[0-9]+$ && $(field cause) == null ]]; then
	ok
else
	bad "first install not recorded: $(record)"
fi
n0=$(requests)
expect "up to date" "$URL/m1" 0 "already current"
if [[ $(($(requests) - n0)) -eq 1 ]] && tail -1 "$T/nginx/access.log" | grep -q '" 304 '; then
	ok
else
	bad "up to date: not one conditional request answered 304: $(tail -2 "$T/nginx/access.log")"
fi
expect "newer" "$URL/m2" 0 "installed sequence 2"
expect_failure "rollback on the mirror" "$URL/m1" 2 "trustlist_rollback"
expect_failure "manifest lies about its sequence" "$URL/lies" 2 "trustlist_rollback"

# -- bad manifests: refused before any file is fetched
for m in dotdot absolute deep overcap; do
	n0=$(requests)
	expect_failure "manifest $m" "$URL/$m" 3 "mirror_unreadable"
	if [[ $(($(requests) - n0)) -eq 1 ]]; then ok; else bad "manifest $m: files were fetched"; fi
done
# -- the files against the manifest
expect_failure "more bytes than the manifest says" "$URL/over" 3 "more than the 100 bytes"
expect_failure "digest mismatch" "$URL/digest" 3 "SHA-256"
expect_failure "body cut short" "$URL/cut" 3 "cut short"
# -- the server
expect_failure "404" "$URL/e404" 3 "HTTP status 404"
expect_failure "500" "$URL/e500" 3 "HTTP status 500"
expect_failure "redirect loop" "$URL/loop" 3 "redirect"
expect_failure "redirect off http(s)" "$URL/offweb" 3 "mirror_unreadable"
expect_failure "nothing listening" "http://127.0.0.1:1" 3 "mirror_unreadable"
expect_failure "trickling server" "$URL/trickle" 3 "mirror_unreadable" --low-speed 4096/2
# -- TLS: the test's certificate, pinned
expect_failure "unknown CA" "$TLS/m3" 3 "mirror_unreadable"
expect_failure "wrong pin" "$TLS/m3" 3 "mirror_unreadable" --ca "$T/tls.crt" --pin "$WRONG_PIN"
expect "right pin" "$TLS/m3" 0 "installed sequence 3" --ca "$T/tls.crt" --pin "$PIN"
if [[ $(field cause) == null && $(field sequence) == 3 ]]; then ok; else bad "pin: $(record)"; fi

# -- bad arguments: exit 4, nothing touched
expect "not a URL" "gopher://127.0.0.1/" 4 "" --pin "$PIN"
expect "URL with a query" "$URL/m3?x=1" 4 "base URL"
expect "bad pin" "$URL/m3" 4 "pin" --pin "md5//x"

# -- a hostile spool: a link in its place is refused (nothing written where
# it points); a FIFO for fetch.json is never waited on; a planted staging
# link is not followed
mkdir -p "$T/elsewhere" "$T/spool2/keep"
echo precious >"$T/spool2/keep/file"
ln -s "$T/elsewhere" "$T/spool-link"
expect "spool is a link" "$URL/m3" 4 "spool" --spool "$T/spool-link"
if [[ -z $(ls -A "$T/elsewhere") ]]; then ok; else bad "written through the spool link"; fi
mkfifo "$T/spool2/fetch.json"
ln -s "$T/spool2/keep" "$T/spool2/staging-00000000"
URC=0
UOUT=$(timeout 60 "$MCUPDATE" --anchors "$T/anchors" --state "$S" --spool "$T/spool2" \
	--timeout 20 "$URL/e404" 2>&1) || URC=$?
if [[ $URC -eq 3 && -f $T/spool2/fetch.json ]] && grep -q '"lastFailure":[0-9]' "$T/spool2/fetch.json" &&
	[[ $(cat "$T/spool2/keep/file") == precious ]]; then
	ok
else
	bad "hostile spool: exit $URC: $UOUT"
fi

# -- two fetches at once: one installs, the other waits, then finds it current
bundle b4 4
publish m4 "$T/b4/mck-update"
chmod -R a+rX "$W"
(
	"$MCUPDATE" --anchors "$T/anchors" --state "$S" --spool "$SPOOL" "$URL/m4" >"$T/one" 2>&1
	echo $? >>"$T/one"
) &
ONE=$!
"$MCUPDATE" --anchors "$T/anchors" --state "$S" --spool "$SPOOL" "$URL/m4" >"$T/two" 2>&1 ||
	true
wait "$ONE"
if cat "$T/one" "$T/two" | grep -q "installed sequence 4$" &&
	cat "$T/one" "$T/two" | grep -q "installed sequence 4 (already current)"; then
	ok
else
	bad "two at once: $(cat "$T/one" "$T/two")"
fi

finish mirror
