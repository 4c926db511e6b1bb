#!/bin/sh
# eval/eval-split.sh - sentence segmentation quality of news-split.
#
# Runs bin/news-split (or $NEWSPIPE_BIN/news-split) over the sentence-boundary
# dev set $SHARED/data/sbd/dev.jsonl and prints exact-match % and boundary
# P/R/F1, overall and per subset (eval/score_sbd.py).  Extra arguments go to
# the scorer (e.g. --show-errors).  Without $SHARED/data it says what it skips
# and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
gold=$SHARED/data/sbd/dev.jsonl
need_data "sentence segmentation dev set" "$gold"
need_bin news-split
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT INT TERM
# news-split passes NDJSON records through and adds `sentences` (code-point spans).
python3 -c '
import json, sys
for line in sys.stdin:
    if line.strip():
        r = json.loads(line)
        print(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False))
' <"$gold" | "$BIN/news-split" --format=ndjson >"$tmp" || { echo "eval-split: news-split failed" >&2; exit 1; }
echo "sentence segmentation, $gold (exact = whole sentence list per case)"
python3 eval/score_sbd.py "$gold" "$tmp" "$@"
