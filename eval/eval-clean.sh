#!/bin/sh
# eval/eval-clean.sh - boilerplate removal quality of news-clean.
#
# 1. The five seed articles (samples/, hand-marked in
#    $SHARED/data/clean/seeds-boilerplate-categories.json): chrome lines
#    removed, metadata lines removed (lifted into fields), body lines lost.
# 2. aeb-dev ($SHARED/data/clean/aeb-dev.jsonl, real web pages rendered to
#    text lines): token-shingle P/R/F1 of the kept text against the gold
#    article body, as the article-extraction-benchmark computes it, for
#    the English pages and for all pages (eval/score_clean.py).
# Extra arguments go to the aeb scorer (-v lists the worst pages).  Without
# $SHARED/data it says what it skips and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
dir=$SHARED/data/clean
need_data "boilerplate dev data" "$dir/aeb-dev.jsonl" "$dir/seeds-boilerplate-categories.json"
need_bin news-clean news-split
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
"$BIN/news-split" samples/*.txt | "$BIN/news-clean" --explain >"$tmp/seeds.jsonl" 2>"$tmp/seeds.err" || {
	cat "$tmp/seeds.err" >&2
	exit 1
}
python3 eval/score_clean.py seeds "$dir/seeds-boilerplate-categories.json" "$tmp/seeds.jsonl" samples || exit 1
# Pages that are all boilerplate get a warning each; those are expected.
"$BIN/news-clean" "$dir/aeb-dev.jsonl" >"$tmp/aeb.jsonl" 2>"$tmp/aeb.err"
python3 eval/score_clean.py aeb "$dir/aeb-dev.jsonl" "$tmp/aeb.jsonl" "$@"
