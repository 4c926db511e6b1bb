#!/bin/sh
# bench/corpus.sh [MB] - make the benchmark corpus once (MB megabytes, default $BENCH_MB or 60)
# and print its path: synthetic articles grown from samples/ (bench/gen_corpus.py).
set -eu
cd "$(dirname "$0")/.."
MB=${1:-${BENCH_MB:-60}}
corpus=build/bench/corpus-v2-${MB}mb.jsonl  # v2: Markov-chain articles
if [ ! -s "$corpus" ]; then
	mkdir -p build/bench
	bin/news-split --explode=sentence samples/*.txt >build/bench/sentences.jsonl
	python3 bench/gen_corpus.py build/bench/sentences.jsonl "$corpus.tmp" "$MB"
	mv "$corpus.tmp" "$corpus"
fi
echo "$corpus"
