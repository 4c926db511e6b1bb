#!/bin/sh
# bench/bench-cluster.sh - news-cluster with 10,000 active stories, beside
# the identity filter, same run.
#
#   bench/bench-cluster.sh [CORPUS]     (default: the make bench corpus, v2)
#
# The corpus alone is one story (its articles all grow from the samples),
# so bench/story_corpus.py makes it a wire of many events: the same
# records, one output line per input line, renamed per event and dated.
# A state of 10,000 stories is made once from the corpus renamed another
# way (other events, dated the day before, all inside the 3-day window)
# and cached in build/bench/; each timed run gets a fresh copy of it,
# made outside the timing, and then every article is compared with at
# least 10,000 active stories.  Prints the median of $BENCH_REPEAT runs,
# interleaved, with CPU seconds (what other processes on a loaded machine
# do not inflate), records/s, max RSS, the ratio to identity, and the
# active stories at the end of a run (--stats).
set -eu
cd "$(dirname "$0")/.."
BIN=${NEWSPIPE_BIN:-bin}
corpus=${1:-build/bench/corpus-v2-${BENCH_MB:-60}mb.jsonl}  # what bench/run.sh passes
[ -s "$corpus" ] || { echo "bench-cluster: no corpus $corpus (make bench makes it)" >&2; exit 1; }
mkdir -p build/bench
day=536457600 # 1987-01-01: any date; the state's stories and the timed run's are a day apart
wire=${corpus%.jsonl}.stories.jsonl
state=build/bench/cluster-10k.state
if [ ! -s "$wire" ] || [ "$wire" -ot "$corpus" ] || [ "$wire" -ot bench/story_corpus.py ]; then
	python3 bench/story_corpus.py --seed 2 --stories 8000 --start $((day + 86400)) <"$corpus" >"$wire.tmp"
	mv "$wire.tmp" "$wire"
fi
if [ ! -s "$state" ] || [ "$state" -ot "$BIN/news-cluster" ]; then
	echo "bench-cluster: making a state of about 10,000 stories in $state (once)" >&2
	rm -f "$state" "$state.tmp" "$state.tmp.log" "$state.tmp.lock"
	python3 bench/story_corpus.py --seed 1 --stories 13200 --start "$day" <"$corpus" |
		"$BIN/news-cluster" --state "$state.tmp" >/dev/null
	# More articles than stories: the run ends with a snapshot of them all and an empty journal.
	if [ ! -s "$state.tmp" ] || [ -s "$state.tmp.log" ]; then
		echo "bench-cluster: $state.tmp is not a whole snapshot" >&2
		exit 1
	fi
	mv "$state.tmp" "$state"
	rm -f "$state.tmp.log" "$state.tmp.lock"
fi
exec python3 bench/bench_cluster.py "$BIN" "$wire" "$state"
