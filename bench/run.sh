#!/bin/sh
# bench/run.sh - build the benchmark corpus (once) and time every filter (make bench).
set -eu
cd "$(dirname "$0")/.."
MB=${BENCH_MB:-60}
corpus=build/bench/corpus-v2-${MB}mb.jsonl  # v2: Markov-chain articles
if [ ! -s "$corpus" ]; then
	bin/news-split --explode=sentence samples/*.txt >build/bench/sentences.jsonl
	python3 bench/gen_corpus.py build/bench/sentences.jsonl "$corpus.tmp" "$MB"
	mv "$corpus.tmp" "$corpus"
fi
python3 bench/run.py "$corpus"
if [ -x bin/news-dedupe ]; then sh bench/bench-dedupe.sh "$corpus"; fi
if [ -x bin/news-cluster ]; then sh bench/bench-cluster.sh "$corpus"; fi
