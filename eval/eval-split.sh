#!/bin/sh
# eval/eval-split.sh - sentence segmentation quality of news-split.
#
# Runs bin/news-split (or $NEWSPIPE_BIN/news-split) over the sentence-boundary
# dev set $SHARED/data/sbd/dev.jsonl and prints exact-match % and boundary
# P/R/F1, overall, per subset and on the cases offsets can express, then lists
# the cases whose gold rewrites the text (eval/score_sbd.py; extra arguments go
# to the scorer, e.g. --show-errors); then sentence ends on the CoNLL-2003 dev
# documents (eval/score_sbd_conll.py) and the seeds' hand-made split
# (eval/score_sbd_seeds.py).  Without $SHARED/data it says what it skips and
# exits 0.
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
python3 eval/score_sbd.py "$gold" "$tmp" "$@" || exit 1
# Newswire documents: the CoNLL-2003 dev set's sentences, one a line (datelines in
# capitals, results lists, "(U.S.)" after names): sentence ends found by news-split.
conll=$SHARED/data/conll2003/dev.txt
if [ -e "$conll" ]; then
	python3 eval/score_sbd_conll.py "$BIN" "$conll" || exit 1
else
	echo "eval-split: skipped: $conll not found (CoNLL-2003 sentence ends)"
fi
# The seeds' hand-made split (news web articles with captions and subheadings).
structure=$SHARED/data/seeds-gold/structure.jsonl
if [ -e "$structure" ]; then
	"$BIN/news-split" samples/*.txt >"$tmp" || { echo "eval-split: news-split failed" >&2; exit 1; }
	python3 eval/score_sbd_seeds.py "$structure" "$tmp"
else
	echo "eval-split: skipped: $structure not found (seeds' sentence split)"
fi
