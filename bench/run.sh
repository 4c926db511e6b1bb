#!/bin/sh
# bench/run.sh - build the benchmark corpus (once) and time every filter (make bench).
set -eu
cd "$(dirname "$0")/.."
corpus=$(bench/corpus.sh)
python3 bench/run.py "$corpus"
python3 bench/startup.py
if [ -x bin/news-dedupe ]; then sh bench/bench-dedupe.sh "$corpus"; fi
if [ -x bin/news-cluster ]; then sh bench/bench-cluster.sh "$corpus"; fi
# Web pages (news-clean's HTML path): the dev pages of the extraction benchmark, repeated.
pages=${NEWSPIPE_SHARED:-../shared}/data/clean/aeb-dev-html.jsonl.gz
if [ -f "$pages" ]; then
	HTML_MB=${BENCH_HTML_MB:-45}
	html=build/bench/html-${HTML_MB}mb.jsonl
	if [ ! -s "$html" ]; then
		python3 bench/html_corpus.py "$pages" "$html.tmp" "$HTML_MB"
		mv "$html.tmp" "$html"
	fi
	python3 bench/run.py "$html" bench/filters-html.list html
else
	echo "bench: skipped the web-page corpus: $pages not found"
fi
