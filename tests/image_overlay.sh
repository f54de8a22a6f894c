#!/usr/bin/env bash
# The appliance image's overlay (firmware/image/build-image --overlay-only),
# applied to an empty root for each Pi board: a read-only root, the state
# partition holding exactly what the units may write, logs and temporary files
# in RAM, the kiosk enabled, no login prompts, the board and its boot files.
# Usage: image_overlay.sh SOURCE_DIR
set -euo pipefail

SRC=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shellcheck source=support/checks.sh
. "$(dirname "$0")/support/checks.sh"
BUILD_IMAGE=$SRC/firmware/image/build-image

# fstab field N of the line mounting MOUNTPOINT
field() { awk -v m="$2" -v n="$3" '!/^#/ && $2 == m { print $n }' "$1/etc/fstab"; }
has_opt() { [[ ,$1, == *",$2,"* ]]; }

for board in rpi4 rpi5; do
	R=$T/$board
	"$BUILD_IMAGE" --overlay-only "$R" --board "$board" >"$T/log" 2>&1 ||
		{ bad "$board: overlay failed: $(cat "$T/log")"; continue; }

	# fstab: well formed; the root read-only, by the label the image gives it
	awk '!/^#/ && NF > 0 && NF != 6 { exit 1 }' "$R/etc/fstab" && ok || bad "fstab: a line without 6 fields"
	[[ $(field "$R" / 1) == LABEL=MCK_ROOT ]] && ok || bad "root not LABEL=MCK_ROOT"
	has_opt "$(field "$R" / 4)" ro && ok || bad "root not read-only: $(field "$R" / 4)"
	st=$(field "$R" /var/lib/mckiosk-state 4)
	[[ $(field "$R" /var/lib/mckiosk-state 1) == LABEL=MCK_STATE ]] && ok || bad "no state partition"
	for o in rw nosuid nodev noexec; do
		has_opt "$st" $o && ok || bad "state partition lacks $o: $st"
	done
	# RAM only, gone at power-off: temporary files and logs
	for m in /tmp /var/tmp /var/log; do
		[[ $(field "$R" "$m" 3) == tmpfs ]] && ok || bad "$m is not a tmpfs"
	done
	# every other mount is read-only, a tmpfs, or a bind from the state partition
	while read -r dev mnt type opts _; do
		case "$mnt:$type" in
		/var/lib/mckiosk-state:* | *:tmpfs) ;;
		*:none) [[ $dev == /var/lib/mckiosk-state/* ]] && has_opt "$opts" bind ||
			bad "bind $dev -> $mnt not from the state partition" ;;
		*) has_opt "$opts" ro || bad "$mnt mounted writable ($opts)" ;;
		esac
	done < <(grep -v '^#' "$R/etc/fstab" | grep .)
	ok
	# what the units may write lies on the state partition, and the
	# directories exist there (tmpfiles.d)
	for unit in mckiosk-update@.service mckiosk.service; do
		for p in $(sed -n 's/^ReadWritePaths=//p' "$SRC/firmware/systemd/$unit"); do
			src=$(field "$R" "$p" 1)
			[[ $src == /var/lib/mckiosk-state/* ]] && ok || bad "$unit writes $p, not on the state partition"
			grep -q "^d $src " "$R/usr/lib/tmpfiles.d/mckiosk-state.conf" && ok ||
				bad "$src not made by tmpfiles.d"
		done
	done
	grep -qx 'Storage=volatile' "$R/etc/systemd/journald.conf.d/mckiosk.conf" && ok || bad "journal kept on disk"
	[[ -f $R/etc/machine-id && ! -s $R/etc/machine-id ]] && ok || bad "machine-id not empty"

	# units: the kiosk enabled (and its unit exists), logins and network timers masked
	want=$(readlink "$R/etc/systemd/system/multi-user.target.wants/mckiosk.service" || true)
	[[ $want == /lib/systemd/system/mckiosk.service ]] && ok || bad "mckiosk.service not enabled: '$want'"
	[[ -f $SRC/firmware/systemd/$(basename "$want") ]] && ok || bad "enabled unit $want not ours"
	[[ $(readlink "$R/etc/systemd/system/default.target") == */multi-user.target ]] && ok ||
		bad "default target not multi-user"
	for u in getty.target getty@.service autovt@.service serial-getty@.service apt-daily.timer; do
		[[ $(readlink "$R/etc/systemd/system/$u") == /dev/null ]] && ok || bad "$u not masked"
	done

	# the board: the unit's profile name, and its config.txt fragment
	[[ $(cat "$R/etc/mckiosk/board") == "MCK_BOARD=$board" ]] && ok || bad "board file: $(cat "$R/etc/mckiosk/board")"
	[[ -f $SRC/board/$board.conf ]] && ok || bad "no profile board/$board.conf"
	cmp -s "$R/etc/default/raspi-firmware-custom" "$SRC/board/$board.config.txt" && ok ||
		bad "config.txt fragment is not board/$board.config.txt"
	grep -q '^dtoverlay=vc4-kms-v3d$' "$R/etc/default/raspi-firmware-custom" && ok || bad "no KMS driver"
	grep -q '^ROOTPART=LABEL=MCK_ROOT$' "$R/etc/default/raspi-firmware" && ok || bad "raspi-firmware ROOTPART"
	# the kernel command line: one line, the same root label, read-only
	cmd=$R/boot/firmware/cmdline.txt
	[[ $(wc -l <"$cmd") -eq 1 ]] && ok || bad "cmdline.txt: not one line"
	grep -qw 'root=LABEL=MCK_ROOT' "$cmd" && grep -qw ro "$cmd" && ! grep -qw rw "$cmd" && ok ||
		bad "cmdline.txt: $(cat "$cmd")"
	grep -qw 'console=tty3' "$cmd" && ok || bad "boot console on the panel"

	# no key material and nothing but what the overlay owns
	! grep -rqI 'PRIVATE KEY' "$R" && [[ -z $(find "$R" -name '*.pem') ]] && ok || bad "key material"
done

# Refusals: a board without a Pi image, an unknown argument.
"$BUILD_IMAGE" --overlay-only "$T/x" --board generic-x86 >"$T/log" 2>&1 && bad "generic-x86 accepted" || ok
grep -q 'rpi4 or rpi5' "$T/log" && ok || bad "refusal says: $(cat "$T/log")"
"$BUILD_IMAGE" --overlay-only "$T/x" --board rpi4 --bogus >/dev/null 2>&1 && bad "--bogus accepted" || ok
[[ ! -e $T/x ]] && ok || bad "a refused run wrote files"
finish image_overlay
