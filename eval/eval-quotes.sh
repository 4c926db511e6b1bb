#!/bin/sh
# eval/eval-quotes.sh - quote extraction quality of news-extract-quotes.
#
# Runs  news-split | news-clean (if built) | news-tag-entities (if built) |
# news-extract-quotes  from bin/ (or $NEWSPIPE_BIN) over
#   1. the five samples/*.txt, scored against $SHARED/data/seeds-gold/quotes.jsonl;
#   2. the BBC development articles annotated in eval/data/quotes-bbc-dev.jsonl,
#      read from $SHARED/data/summarize/bbc-dev/docs.jsonl (only the ids of the
#      annotated articles are kept),
# and prints quote-span P/R/F1 (strict and lenient overlap), per type, and
# speaker and speaker-type accuracy (eval/score_quotes.py; extra arguments go
# to the scorer, e.g. --show-errors), for all BBC articles and then for the
# "tune" and "heldout" parts apart.  Without $SHARED/data or bin/news-extract-quotes it
# says what it skips and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
gold_bbc=eval/data/quotes-bbc-dev.jsonl
gold_seeds=$SHARED/data/seeds-gold/quotes.jsonl
docs=$SHARED/data/summarize/bbc-dev/docs.jsonl

python3 eval/test_score_quotes.py >/dev/null || { echo "eval-quotes: scorer self-test failed (python3 eval/test_score_quotes.py)" >&2; exit 1; }

if [ ! -x "$BIN/news-extract-quotes" ]; then
	echo "eval-quotes: skipped: $BIN/news-extract-quotes not built yet"
	exit 0
fi
if [ ! -x "$BIN/news-split" ]; then
	echo "eval-quotes: $BIN/news-split not built (run make)" >&2
	exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The pipeline after news-split, as in pipelines/digest.sh: optional stages run when built.
stages=""
for s in news-clean news-tag-entities; do
	if [ -x "$BIN/$s" ]; then
		stages="$stages $s"
	else
		echo "eval-quotes: note: $BIN/$s not built, running without it"
	fi
done
pipeline() {	# stdin: news-split output; stdout: quotes
	cmd="cat"
	for s in $stages; do
		cmd="$cmd | \"\$BIN/$s\""
	done
	eval "$cmd" | "$BIN/news-extract-quotes"
}

status=0
if [ -f "$gold_seeds" ]; then
	echo "quotes, seeds (samples/*.txt vs $gold_seeds; body quotes, debatable ones optional)"
	if "$BIN/news-split" samples/*.txt | pipeline >"$tmp/seeds.ndjson"; then
		python3 eval/score_quotes.py --gold "$gold_seeds" --texts samples "$@" "$tmp/seeds.ndjson" || status=1
	else
		echo "eval-quotes: pipeline failed on samples" >&2
		status=1
	fi
else
	echo "eval-quotes: skipped seeds: $gold_seeds not found (needs ../shared/data)"
fi

if [ ! -f "$gold_bbc" ]; then
	echo "eval-quotes: skipped BBC dev: $gold_bbc not found"
elif [ -f "$docs" ]; then
	echo "quotes, BBC dev ($gold_bbc, articles from $docs)"
	python3 -c '
import json, sys
ids = {json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        if r["id"] in ids:
            print(json.dumps({"id": r["id"], "title": r.get("title"), "text": r["text"]}, ensure_ascii=False))
' "$gold_bbc" "$docs" >"$tmp/bbc-in.ndjson" || exit 1
	if "$BIN/news-split" --format=ndjson "$tmp/bbc-in.ndjson" | pipeline >"$tmp/bbc.ndjson"; then
		python3 eval/score_quotes.py --gold "$gold_bbc" --docs "$docs" "$@" "$tmp/bbc.ndjson" || status=1
		# The split (eval/data/README.md): "tune" articles were looked at while
		# developing, "heldout" ones were annotated and never looked at.
		for part in tune heldout; do
			echo "quotes, BBC dev, part '$part' only"
			python3 eval/score_quotes.py --gold "$gold_bbc" --docs "$docs" --part "$part" "$@" \
			    "$tmp/bbc.ndjson" || status=1
		done
	else
		echo "eval-quotes: pipeline failed on BBC dev" >&2
		status=1
	fi
else
	echo "eval-quotes: skipped BBC dev: $docs not found (needs ../shared/data)"
fi
exit $status
