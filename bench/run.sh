#!/bin/sh
# bench/run.sh - build the benchmark corpus (once) and time every filter (make bench).
set -eu
cd "$(dirname "$0")/.."
corpus=$(bench/corpus.sh)
python3 bench/run.py "$corpus"
python3 bench/startup.py
if [ -x bin/news-dedupe ]; then sh bench/bench-dedupe.sh "$corpus"; fi
