#!/usr/bin/env bash
# Fleet load (issue #17): one nginx on 127.0.0.1 (a throw-away configuration,
# stopped at the end, as tests/mirror.sh starts it) serving a mirror published
# by `mcissue publish`: a 50,000-issuer trust list (one P-256 key each) and a
# status list. Prints figures, asserts nothing.
#   1. The pull of that list by mcupdate BASE_URL into an empty state, beside
#      mcupdate BUNDLE_DIR of the same bundle (median of 5): the network's share;
#      and once over a link of 8 Mbit/s (nginx's limit_rate).
#   2. 1,000 kiosks, each with its own state and spool (the state of the first
#      pull, hard-linked; its spool's fetch.json copied, so each knows the
#      manifest's ETag and Last-Modified), polling an unchanged mirror: a
#      sample of 50 by the real mcupdate one after another, then all 1,000 as
#      the request mcupdate sends over libcurl's multi interface, 50 at a time
#      (bench_fleet poll; with MCK_FLEET_PROCESSES=1 also as mcupdate processes,
#      50 at a time: 30-45 s of fork, exec and fsync on 2 cores, hence not by
#      default); then the sample and the 1,000 again over HTTPS (a self-signed P-256
#      certificate made here: one certificate, no chain), each a full handshake.
# Bytes are nginx's own ($bytes_sent: status line, headers and body;
# $request_length: request line and headers); the multi client also reads
# TCP_INFO as each connection closes (TCP payload each way, TLS included, and
# segments: the FIN exchange not counted); nginx's CPU time is its processes'
# utime + stime from /proc (10 ms ticks).
# Usage: fleet.sh MCISSUE MCUPDATE BENCH_FLEET
# Environment: MCK_FLEET_KIOSKS (1000), MCK_FLEET_SAMPLE (50), MCK_FLEET_CONC (50),
# MCK_FLEET_ISSUERS (50000), MCK_FLEET_RUNS (5), MCK_FLEET_PROCESSES (0).
set -euo pipefail

MCISSUE=$1
MCUPDATE=$2
FLEET=$3
KIOSKS=${MCK_FLEET_KIOSKS:-1000}
SAMPLE=${MCK_FLEET_SAMPLE:-50}
CONC=${MCK_FLEET_CONC:-50}
ISSUERS=${MCK_FLEET_ISSUERS:-50000}
RUNS=${MCK_FLEET_RUNS:-5}
PROCESSES=${MCK_FLEET_PROCESSES:-0}
((SAMPLE <= KIOSKS)) || SAMPLE=$KIOSKS

T=$(mktemp -d /tmp/mck-fleet-XXXXXX)
# shellcheck source=../../tests/support/nginx.sh
. "$(dirname "$0")/../../tests/support/nginx.sh"
trap 'nginx_stop; rm -rf "$T"' EXIT
# shellcheck source=../../tests/support/bundles.sh
. "$(dirname "$0")/../../tests/support/bundles.sh"
now_ms() { echo $(($(date +%s%N) / 1000000)); }
t_start=$(now_ms)

# -- the bundle: issuer 0 the real one (it signs the status list), the rest made up
B=$T/bundle/mck-update
mkdir -p "$B/status"
{
	printf '{"sequence":1,"iat":%d,"nextUpdate":%d,"issuers":[' $((NOW - 60)) $((NOW + 30 * 86400))
	printf '{"id":"%s","name":"VET","status":"active","keys":[{"jwk":"%s"}]}' "$ISS" \
		"$T/keys/vet.jwk.json"
	if ((ISSUERS > 1)); then
		printf ','
		"$FLEET" issuers 1 $((ISSUERS - 1))
	fi
	printf ']}\n'
} >"$T/bundle/desc.json"
"$MCISSUE" trustlist --key "$T/keys/op.key.pem" "$T/bundle/desc.json" >"$B/trustlist.jws"
"$MCISSUE" statuslist --key "$T/keys/vet.key.pem" --iss "$ISS" --id "$ISS/status/1" \
	--revoke 7 >"$B/status/vet-1.jws"
W=$T/www
mkdir -p "$W"
"$MCISSUE" publish --anchors "$T/anchors" "$B" "$W/m" >/dev/null
chmod -R a+rX "$T"
TL_BYTES=$(stat -c %s "$W/m/mck-update/trustlist.jws")
ST_BYTES=$(stat -c %s "$W/m/mck-update/status/vet-1.jws")
MF_BYTES=$(stat -c %s "$W/m/mck-update/manifest.json")

# -- nginx, with a kiosk's link of 8 Mbit/s (a modest DSL or LTE line) under /slow/, and TLS
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
	-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
	-keyout "$T/tls.key" -out "$T/tls.crt" 2>/dev/null
chmod a+r "$T/tls.key"
nginx_start "$W" "$T/nginx" "location /slow/ { alias $W/; limit_rate 1000000; }" \
	"$T/tls.crt" "$T/tls.key"
URL=http://127.0.0.1:$PORT/m
LOG=$T/nginx/access.log
touch "$LOG"

# nginx's processes' CPU time so far, in ms (utime + stime of master and workers)
nginx_cpu_ms() {
	local pids ticks
	pids="$NGINX_PID $(cat "/proc/$NGINX_PID/task/$NGINX_PID/children" 2>/dev/null || true)"
	ticks=$(for p in $pids; do awk '{print $14 + $15}' "/proc/$p/stat"; done |
		awk '{s += $1} END {print s + 0}')
	echo $((ticks * 1000 / $(getconf CLK_TCK)))
}
lines() {
	sleep 0.2 # nginx logs a request as it ends
	wc -l <"$LOG"
}
# slice FROM TO: requests, 304s, response and request bytes of log lines FROM+1..TO
slice() {
	sed -n "$(($1 + 1)),$2p" "$LOG" |
		awk '{n++; if ($(NF - 2) == 304) nm++; rl += $(NF - 1); bs += $NF}
			END {print n + 0, nm + 0, bs + 0, rl + 0}'
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# -- 1. the pull from the mirror into an empty state, and the same bundle from a directory
pull_ms=""
dir_ms=""
for r in $(seq "$RUNS"); do
	mkdir -p "$T/pull-$r/state"
	a=$(lines)
	t0=$(now_ms)
	"$MCUPDATE" --anchors "$T/anchors" --state "$T/pull-$r/state" --spool "$T/pull-$r/spool" \
		"$URL" >/dev/null
	pull_ms="$pull_ms $(($(now_ms) - t0))"
	read -r pull_req _ pull_bytes pull_reqbytes <<<"$(slice "$a" "$(lines)")"
	mkdir -p "$T/dir-$r"
	t0=$(now_ms)
	"$MCUPDATE" --anchors "$T/anchors" --state "$T/dir-$r" "$B" >/dev/null
	dir_ms="$dir_ms $(($(now_ms) - t0))"
done
mkdir -p "$T/slow/state"
t0=$(now_ms)
"$MCUPDATE" --anchors "$T/anchors" --state "$T/slow/state" --spool "$T/slow/spool" \
	"http://127.0.0.1:$PORT/slow/m" >/dev/null
slow_ms=$(($(now_ms) - t0))
pull_med=$(median <<<"$pull_ms")
dir_med=$(median <<<"$dir_ms")

# -- 2. the fleet: the first pull's state and spool, one per kiosk
K=$T/kiosks
mkdir -p "$K"
for ((i = 0; i < KIOSKS; i++)); do
	d=$K/$(printf 'k%04d' "$i")
	mkdir "$d"
	cp -al "$T/pull-1/state" "$d/state"
	cp -a "$T/pull-1/spool" "$d/spool"
done
chmod -R a+rX "$K"

declare -a rows
# phase NAME CONC COMMAND...: one row of the table
phase() {
	local name=$1 conc=$2 a b c0 c1 out req nm bs rl tcp_in=0 tcp_out=0 segs=0
	shift 2
	a=$(lines)
	c0=$(nginx_cpu_ms)
	out=$("$@")
	b=$(lines)
	c1=$(nginx_cpu_ms)
	read -r req nm bs rl <<<"$(slice "$a" "$b")"
	# polls=N ok=N status304=N median_ms=X p99_ms=X total_ms=X [tcp_in=B tcp_out=B segs=N]
	eval "$(tr ' ' '\n' <<<"$out" | grep -E '^[a-z0-9_]+=[0-9.]+$')"
	# shellcheck disable=SC2154 # set by the eval
	rows+=("$(awk -v n="$name" -v c="$conc" -v p="$polls" -v ok="$ok" -v req="$req" -v nm="$nm" \
		-v bs="$bs" -v rl="$rl" -v med="$median_ms" -v p99="$p99_ms" -v tot="$total_ms" \
		-v ti="$tcp_in" -v to="$tcp_out" -v sg="$segs" -v cpu=$((c1 - c0)) 'BEGIN {
		tcp = ti > 0 ? sprintf("%6.0f %6.0f %4.1f", ti, to, sg) : sprintf("%6s %6s %4s", "-", "-", "-")
		printf "%-30s %5d %4d %5d %4.2f %5d %6.1f %6.1f %s %7.2f %7.2f %7.2f %6d %6.0f\n",
			n, p, c, ok, req / p, nm, bs / p, rl / p, tcp, med, p99, tot / 1000, cpu, cpu * 1000 / p }')")
	LAST_TCP="$tcp_in B in, $tcp_out B out, $segs segments"
	LAST_IDLE="$((req / polls)) request(s), $((bs / polls)) B response + $((rl / polls)) B request"
}
phase "http: mcupdate, one by one" 1 \
	"$FLEET" exec 1 "$MCUPDATE" "$T/anchors" "$URL" "$K" 0 "$SAMPLE"
phase "http: libcurl multi" "$CONC" \
	"$FLEET" poll "$CONC" "$URL" "$K" "$KIOSKS"
HTTP_TCP=$LAST_TCP
IDLE=$LAST_IDLE
if [[ $PROCESSES == 1 ]]; then
	phase "http: mcupdate processes" "$CONC" \
		"$FLEET" exec "$CONC" "$MCUPDATE" "$T/anchors" "$URL" "$K" 0 "$KIOSKS"
fi

# the same mirror over HTTPS: one real poll learns its URL, every kiosk gets the record
TLSURL=https://127.0.0.1:$TLSPORT/m
"$MCUPDATE" --anchors "$T/anchors" --state "$K/k0000/state" --spool "$K/k0000/spool" \
	--ca "$T/tls.crt" "$TLSURL" >/dev/null
for ((i = 1; i < KIOSKS; i++)); do
	cp "$K/k0000/spool/fetch.json" "$K/$(printf 'k%04d' "$i")/spool/fetch.json"
done
phase "https: mcupdate, one by one" 1 \
	"$FLEET" exec 1 "$MCUPDATE" "$T/anchors" "$TLSURL" "$K" 0 "$SAMPLE" "$T/tls.crt"
phase "https: libcurl multi" "$CONC" \
	"$FLEET" poll "$CONC" "$TLSURL" "$K" "$KIOSKS" "$T/tls.crt"
TLS_TCP=$LAST_TCP

cat <<EOF

== Fleet load: nginx $("$(command -v nginx || echo /usr/sbin/nginx)" -v 2>&1 | sed 's/.*\///') on 127.0.0.1 (1 worker), loopback, $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg))
mirror: trustlist.jws $TL_BYTES B ($ISSUERS issuers, 1 P-256 key each), status/vet-1.jws $ST_BYTES B, manifest.json $MF_BYTES B

-- Idle poll (each kiosk's data current: the manifest's conditional GET, answered 304)
   bytes per poll are nginx's: response = \$bytes_sent (status line + headers), request = \$request_length
   TCP in/out: payload bytes per connection (TLS included; libcurl multi only), segs: segments both ways
   latency: libcurl's connect-to-last-byte for the multi runs, the whole mcupdate process otherwise
   ngx ms: nginx's CPU time for the run (10 ms ticks), us/p: per poll
client                         polls conc    ok r/p   304 resp/p req/p TCP in   out segs  med ms  p99 ms total s ngx ms   us/p
EOF
printf '%s\n' "${rows[@]}"
awk -v tl="$TL_BYTES" -v st="$ST_BYTES" -v mf="$MF_BYTES" -v req="$pull_req" -v bs="$pull_bytes" \
	-v rl="$pull_reqbytes" -v pm="$pull_med" -v dm="$dir_med" -v pr="$pull_ms" -v dr="$dir_ms" \
	-v runs="$RUNS" -v slow="$slow_ms" 'BEGIN {
	printf "\n-- A %.1f MB trust list + a status list into an empty state (median of %d)\n", tl / 1e6, runs
	printf "%-30s %10s %18s %9s %14s %10s\n", "from", "median ms", "runs ms", "requests", "resp bytes", "req bytes"
	printf "%-30s %10d %18s %9d %14d %10d\n", "mirror: mcupdate BASE_URL", pm, pr, req, bs, rl
	printf "%-30s %10d %18s %9s %14s %10s\n", "directory: mcupdate BUNDLE_DIR", dm, dr, "-", "-", "-"
	printf "%-30s %10d %18s %9d %14d %10d\n", "mirror at 8 Mbit/s (1 run)", slow, slow, req, bs, rl
	printf "%-30s %10d   (mirror - directory on loopback; HTTP overhead on the files: %d B, %.3f %%)\n", "the network part", pm - dm,
		bs - tl - st - mf, (bs - tl - st - mf) * 100 / (tl + st + mf) }'
printf '\nidle poll: %s (nginx); TCP payload over http: %s; over https: %s\n' \
	"$IDLE" "$HTTP_TCP" "$TLS_TCP"
printf 'full pull: %d B in %d requests\n' "$pull_bytes" "$pull_req"
echo "(whole run $((($(now_ms) - t_start) / 1000)) s)"
