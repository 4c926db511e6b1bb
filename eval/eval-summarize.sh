#!/bin/sh
# eval/eval-summarize.sh - summary quality of news-summarize.
#
# Runs bin/news-summarize (or $NEWSPIPE_BIN/news-summarize) over the BBC
# development set $SHARED/data/summarize/bbc-dev (896 articles with
# extractive reference summaries) and prints ROUGE-1 and ROUGE-2 recall,
# precision and F1 (stemmed; eval/rouge.py, ROUGE-1.5.5's method) of the
# default method and of the lead baseline at the reference's length: k
# sentences (LEAD-k), and the reference's word count.  Then a multi-document
# proxy: clusters of 3+ wire copies of one article ($SHARED/data/dedupe/
# bbc-synth-dev) summarized as groups in 100 words.  Without
# $SHARED/data it says what it skips and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
SHARED=${SHARED:-${NEWSPIPE_SHARED:-../shared}}
BIN=${NEWSPIPE_BIN:-bin}
dev=$SHARED/data/summarize/bbc-dev
if [ ! -f "$dev/docs.jsonl" ] || [ ! -f "$dev/refs.jsonl" ]; then
	echo "eval-summarize: skipped: $dev not found (BBC summaries dev set, needs ../shared/data)"
	exit 0
fi
if [ ! -x "$BIN/news-summarize" ]; then
	echo "eval-summarize: $BIN/news-summarize not built (run make)" >&2
	exit 1
fi
# Multi-document proxy: clusters of wire-style copies in the dedupe dev set (when present).
NEWSPIPE_DATA=${NEWSPIPE_DATA:-$PWD/data} python3 eval/summarize_bbc.py "$BIN" "$dev" "$SHARED/data/dedupe/bbc-synth-dev"
