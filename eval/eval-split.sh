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
SHARED=${SHARED:-${NEWSPIPE_SHARED:-../shared}}
BIN=${NEWSPIPE_BIN:-bin}
gold=$SHARED/data/sbd/dev.jsonl
if [ ! -f "$gold" ]; then
	echo "eval-split: skipped: $gold not found (sentence segmentation dev set, needs ../shared/data)"
	exit 0
fi
if [ ! -x "$BIN/news-split" ]; then
	echo "eval-split: $BIN/news-split not built (run make)" >&2
	exit 1
fi
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
