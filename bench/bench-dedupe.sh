#!/bin/sh
# bench/bench-dedupe.sh - news-dedupe with an empty state and with a state of
# one million remembered documents, beside the identity filter, same run.
#
#   bench/bench-dedupe.sh [CORPUS]     (default: the make bench corpus, v2)
#
# news-dedupe runs after news-clean, so its input is in the output form
# every stage writes (compact): the corpus passed once through identity
# (cached).  Records that come in that form are written without being
# re-serialized (common/canon.h); the same runs on the corpus as its
# generator wrote it (spaced), where every record is re-serialized, are
# shown as well.
#
# The million-document state is generated once (synthetic articles of 30
# random tokens: distinct, so it measures the index, not the duplicates)
# and cached in build/bench/ ($BENCH_DEDUPE_STATE names another cache);
# each timed run gets a fresh copy of it, made outside the timing.  Prints
# MB/s, records/s, max RSS and the ratio to identity (median of
# $BENCH_REPEAT runs, interleaved), with CPU seconds (user + system: what
# other processes on a loaded machine do not inflate), the start-up time
# with the 1M state, and per remembered document the state file and the
# measured peak memory (bench/rss) of the start-up and of the 1M-state run.
# The cache must be regenerated (delete it) when the state format changes.
set -eu
cd "$(dirname "$0")/.."
BIN=${NEWSPIPE_BIN:-bin}
corpus=${1:-build/bench/corpus-v2-${BENCH_MB:-60}mb.jsonl}  # what bench/run.sh passes
[ -s "$corpus" ] || { echo "bench-dedupe: no corpus $corpus (make bench makes it)" >&2; exit 1; }
state=${BENCH_DEDUPE_STATE:-build/bench/dedupe-1m-v3.state}  # v3: the state format of this version
mkdir -p build/bench
if [ ! -s "$state" ]; then
	echo "bench-dedupe: generating a state of 1,000,000 documents in $state (once; a few minutes)" >&2
	rm -f "$state" "$state.log"
	awk -v n=1000000 'BEGIN { srand(42); for (i = 0; i < n; i++) { t = "";
		for (w = 0; w < 30; w++) t = t sprintf("%s%x", w ? " " : "", int(rand() * 16777216));
		printf "{\"id\":\"gen-%07d\",\"text\":\"%s\"}\n", i, t } }' |
		"$BIN/news-dedupe" --mode drop --state "$state.tmp" >/dev/null
	mv "$state.tmp" "$state"
fi
compact=${corpus%.jsonl}.compact.jsonl
if [ ! -s "$compact" ] || [ "$compact" -ot "$corpus" ]; then
	build/bench/identity <"$corpus" >"$compact.tmp"
	mv "$compact.tmp" "$compact"
fi
exec python3 bench/bench_dedupe.py "$BIN" "$compact" "$state" "$corpus"
