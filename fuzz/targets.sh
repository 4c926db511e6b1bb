#!/bin/sh
# fuzz/targets.sh DIR - the fuzz targets of the programs in DIR, one a line:
#   NAME<TAB>PROGRAM<TAB>OPTIONS
# Every line of fuzz/targets.list whose program is in DIR; every other
# program of DIR (news-*, identity) with no options; every harness h-NAME
# in DIR.  NAME is the program and options with other characters than
# letters, digits and '-' made '_': the name of its corpus and of its
# regression directory fuzz/regress/NAME/.
set -eu
dir=$1
list=$(dirname "$0")/targets.list
for p in "$dir"/news-* "$dir"/identity "$dir"/h-*; do
	[ -x "$p" ] || continue
	prog=${p##*/}
	case $prog in
	h-*)
		printf '%s\t%s\t\n' "$prog" "$prog"
		continue
		;;
	esac
	if grep -q "^$prog\( \|$\)" "$list"; then
		grep "^$prog\( \|$\)" "$list" | while read -r name opts; do
			slug=$(printf '%s %s' "$name" "$opts" | sed 's/ *$//' | tr -c 'A-Za-z0-9\n-' '_')
			printf '%s\t%s\t%s\n' "$slug" "$name" "$opts"
		done
	else
		printf '%s\t%s\t\n' "$prog" "$prog"
	fi
done
