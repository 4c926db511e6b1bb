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
# bbc-synth-dev) summarized as groups in 100 words.  Then web articles with
# their captions left in, a proxy for CNN/DailyMail-style text
# (eval/summarize_web.py on $SHARED/data/clean).  Without $SHARED/data it says
# what it skips and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
dev=$SHARED/data/summarize/bbc-dev
need_data "BBC summaries dev set" "$dev/docs.jsonl" "$dev/refs.jsonl"
need_bin news-summarize
# Multi-document proxy: clusters of wire-style copies in the dedupe dev set (when present).
python3 eval/summarize_bbc.py "$BIN" "$dev" "$SHARED/data/dedupe/bbc-synth-dev" || exit 1
# Web articles with their captions left in (a proxy for CNN/DailyMail-style text).
clean=$SHARED/data/clean
if [ -e "$clean/aeb-dev.jsonl" ] && [ -e "$clean/aeb-dev-html.jsonl.gz" ]; then
	python3 eval/summarize_web.py "$BIN" "$clean"
else
	echo "eval-summarize: skipped: $clean/aeb-dev.jsonl not found (web-article proxy)"
fi
