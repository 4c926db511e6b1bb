#!/bin/sh
# deps.sh - install the Debian packages newspipe needs, if any is missing.
#
# As root: 'apt-get update' once, then 'apt-get install -y' of what is
# missing.  Otherwise print the exact command to run and fail.  Quiet
# when everything is there, so 'make' can call it every time.
set -eu

# Build: compiler, make, pkg-config and the libraries.
# Test: bats, python3 (evaluation scripts, contract check), jq and gzip (tests, bench),
# clang and its sanitizer runtimes with libFuzzer (make fuzz, and its short pass in make check).
PACKAGES="gcc make pkg-config libc6-dev libjansson-dev libcsv-dev zlib1g-dev libutf8proc-dev libdeflate-dev libxml2-dev bats python3 jq gzip clang libclang-rt-14-dev"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "newspipe: missing Debian packages:$missing" >&2
	echo "newspipe: run as root:  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "newspipe: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
# shellcheck disable=SC2086
apt-get install -y -q $missing >&2
