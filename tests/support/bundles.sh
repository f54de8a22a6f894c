# Shared setup for the update tests: operator, rogue and issuer keys, an anchor,
# bundle builders and tree digests. Source it after setting MCISSUE and T.
# shellcheck shell=bash

NOW=$(date +%s)
ISS=https://cert.example-vet.pl
mkdir -p "$T/anchors" "$T/keys"
for k in op rogue vet other; do
	"$MCISSUE" keygen --type p256 --out "$T/keys/$k" >/dev/null
done
"$MCISSUE" anchor --key "$T/keys/op.key.pem" >"$T/anchors/op.pem"

# bundle NAME SEQUENCE [SIGNER]: a trust list of sequence N and a status list revoking 7.
bundle() {
	local dir="$T/$1" seq=$2 signer=${3:-op}
	mkdir -p "$dir/mck-update/status"
	cat >"$dir/desc.json" <<JSON
{ "sequence": $seq, "iat": $((NOW - 3600 + seq)), "nextUpdate": $((NOW + 86400)),
  "issuers": [ { "id": "$ISS", "name": "VET", "status": "active",
                 "keys": [ { "jwk": "$T/keys/vet.jwk.json" } ] },
               { "id": "https://other.example", "status": "active",
                 "keys": [ { "jwk": "$T/keys/other.jwk.json" } ] } ] }
JSON
	"$MCISSUE" trustlist --key "$T/keys/$signer.key.pem" "$dir/desc.json" \
		>"$dir/mck-update/trustlist.jws" 2>/dev/null
	"$MCISSUE" statuslist --key "$T/keys/vet.key.pem" --iss "$ISS" --id "$ISS/status/1" \
		--revoke 7 >"$dir/mck-update/status/vet-1.jws"
}

# A digest of every name, link target and byte below a directory.
tree_hash() {
	(cd "$1" && find . -printf '%p %y %l\n' | sort && find . -type f -print0 | sort -z |
		xargs -0 -r sha256sum) | sha256sum | cut -d' ' -f1
}
# The same for the generation in force only.
current_hash() {
	if [[ -L "$1/current" ]]; then tree_hash "$1/current/"; else echo none; fi
}

# cred INDEX: a credential of $ISS whose status entry is INDEX of list 1.
cred() {
	printf '{"iss":"%s","nbf":%d,"vc":{"type":["VerifiableCredential"],
	  "credentialStatus":{"statusListIndex":"%d","statusListCredential":"%s/status/1"}}}' \
		"$ISS" $((NOW - 60)) "$1" "$ISS" >"$T/cred-$1.json"
	"$MCISSUE" sign --key "$T/keys/vet.key.pem" "$T/cred-$1.json"
}
