#!/bin/sh
# bench/kill9.sh [TRIALS] - news-dedupe --state killed with kill -9 at random moments: how many
# records does the rerun write again?  (make soak.)  Each trial feeds 40,000 distinct articles
# (about 12 MB) in drop mode, kills the first run after a random 0.05-0.8 s, reruns it over the
# same input and counts the records both runs wrote (a record cut by the kill is not counted as
# written), and checks that none is lost.  The bound: the records of one 64 KiB output buffer.
set -eu
cd "$(dirname "$0")/.."
trials=${1:-20}
bin=${NEWSPIPE_BIN:-bin}
work=build/soak/kill9
rm -rf "$work"
mkdir -p "$work"
awk -v n=40000 'BEGIN { srand(7); for (i = 0; i < n; i++) { t = "";
	for (w = 0; w < 40; w++) t = t sprintf("%s%x", w ? " " : "", int(rand() * 16777216));
	printf "{\"id\":\"r%d\",\"text\":\"%s\"}\n", i, t } }' >"$work/all.jsonl"
bound=$(awk '{ if (min == "" || length($0) < min) min = length($0) } END { print int(65536 / (min + 1)) + 1 }' "$work/all.jsonl")
i=0
results=
while [ "$i" -lt "$trials" ]; do
	i=$((i + 1))
	rm -f "$work"/seen*
	delay=$(awk -v s="$i" 'BEGIN { srand(s); printf "%.2f", 0.05 + rand() * 0.75 }')
	"$bin/news-dedupe" --mode drop --state "$work/seen" "$work/all.jsonl" >"$work/out1" &
	pid=$!
	sleep "$delay"
	if ! kill -9 "$pid" 2>/dev/null; then
		wait "$pid" || true
		echo "trial $i: ended before the kill at ${delay}s"
		continue
	fi
	wait "$pid" 2>/dev/null || true
	"$bin/news-dedupe" --mode drop --state "$work/seen" "$work/all.jsonl" >"$work/out2"
	{ cat "$work/out1"; echo; cat "$work/out2"; } | jq -R -r 'fromjson? | .id' | sort >"$work/ids"
	written=$(grep -c . "$work/out1" || true)
	total=$(uniq "$work/ids" | wc -l)
	repeated=$(uniq -d "$work/ids" | wc -l)
	[ "$total" -eq 40000 ] || { echo "kill9: trial $i lost $((40000 - total)) records" >&2; exit 1; }
	echo "trial $i: killed after ${delay}s, $written lines written, $repeated written again"
	results="$results $repeated"
done
echo "$results" | tr ' ' '\n' | grep . | sort -n | awk -v b="$bound" '{ v[NR] = $1 } END {
	printf "kill -9: records written again by the rerun over %d trials: median %d, max %d (bound: %d, one 64 KiB buffer)\n",
		NR, v[int((NR + 1) / 2)], v[NR], b; exit v[NR] > b }'
