#!/bin/sh
# deps.sh - install the Debian packages newspipe needs, if any is missing.
#
# As root: 'apt-get update' once, then 'apt-get install -y' of what is
# missing.  Otherwise print the exact command to run and fail.  Quiet
# when everything is there, so 'make' can call it every time.
#
# deps.sh bench: what only 'make bench' uses (GNU parallel, to time the
# README's scale-out recipe); not root and missing: say so and go on (the
# bench then skips those rows).
set -eu
if [ "${1:-}" = bench ]; then
	BENCH_PACKAGES="parallel"
	missing=""
	for p in $BENCH_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && exit 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "newspipe: make bench skips what needs:$missing (as root: apt-get install -y$missing)" >&2
		exit 0
	fi
	echo "newspipe: installing$missing (for make bench)" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q $missing >&2 || { apt-get update -q >&2 && apt-get install -y -q $missing >&2; }
	exit 0
fi

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
