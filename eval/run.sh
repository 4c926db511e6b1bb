#!/bin/sh
# eval/run.sh - print every quality figure of the project (make eval).
#
# Each eval/*.sh beside this one measures one filter on real data under
# ../shared/data.  A user's clone has no ../shared: each script then says
# what it skips and the run still succeeds.
set -u
cd "$(dirname "$0")/.." || exit 1
SHARED=${NEWSPIPE_SHARED:-../shared}
export SHARED
status=0
for e in eval/eval-*.sh; do
	[ -e "$e" ] || continue
	echo "== $e"
	sh "$e" || status=1
done
exit $status
