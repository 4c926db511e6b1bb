#!/bin/sh
# eval/eval-quotes.sh - quote extraction quality of news-extract-quotes.
#
# Runs  news-split | news-clean (if built) | news-tag-entities (if built) |
# news-extract-quotes  from bin/ (or $NEWSPIPE_BIN) over
#   1. the five samples/*.txt, scored against $SHARED/data/seeds-gold/quotes.jsonl;
#   2. the BBC development articles annotated in eval/data/quotes-bbc-dev.jsonl,
#      read from $SHARED/data/summarize/bbc-dev/docs.jsonl (only the ids of the
#      annotated articles are kept);
#   3. the 12 BBC articles of eval/data/quotes-bbc-fresh.jsonl (part "fresh":
#      annotated blind after the system was frozen), scored apart,
# and prints quote-span P/R/F1 (strict and lenient overlap), per type, and
# speaker and speaker-type accuracy (eval/score_quotes.py; extra arguments go
# to the scorer, e.g. --show-errors), for all BBC articles and then for the
# "tune" and "heldout" parts apart, and for the "fresh" set on its own.  Without $SHARED/data or bin/news-extract-quotes it
# says what it skips and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
gold_bbc=eval/data/quotes-bbc-dev.jsonl
gold_fresh=eval/data/quotes-bbc-fresh.jsonl
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

# bbc_set GOLD LABEL "PART..." [SCORER-ARGS]: run the pipeline over the BBC articles
# annotated in GOLD (only their ids are taken from docs.jsonl), score them all, then
# each PART apart.
bbc_set() {
	gold=$1 label=$2 parts=$3
	shift 3
	if [ ! -f "$gold" ]; then
		echo "eval-quotes: skipped $label: $gold not found"
		return
	fi
	if [ ! -f "$docs" ]; then
		echo "eval-quotes: skipped $label: $docs not found (needs ../shared/data)"
		return
	fi
	echo "quotes, $label ($gold, articles from $docs)"
	python3 -c '
import json, sys
ids = {json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        if r["id"] in ids:
            print(json.dumps({"id": r["id"], "title": r.get("title"), "text": r["text"]}, ensure_ascii=False))
' "$gold" "$docs" >"$tmp/bbc-in.ndjson" || exit 1
	if ! "$BIN/news-split" --format=ndjson "$tmp/bbc-in.ndjson" | pipeline >"$tmp/bbc.ndjson"; then
		echo "eval-quotes: pipeline failed on $label" >&2
		status=1
		return
	fi
	python3 eval/score_quotes.py --gold "$gold" --docs "$docs" "$@" "$tmp/bbc.ndjson" || status=1
	for part in $parts; do
		echo "quotes, $label, part '$part' only"
		python3 eval/score_quotes.py --gold "$gold" --docs "$docs" --part "$part" "$@" \
		    "$tmp/bbc.ndjson" || status=1
	done
}
# The split (eval/data/README.md): "tune" articles were looked at while
# developing, "heldout" ones were annotated and never looked at (but have
# been since).
bbc_set "$gold_bbc" "BBC dev" "tune heldout" "$@"
# "fresh": 12 more articles annotated blind with the system frozen; all of the
# file is one part, so its figures are printed once.  Its errors are not listed
# even with --show-errors, so that it stays unseen while developing.
fresh_args=""
for a in "$@"; do
	[ "$a" = --show-errors ] || fresh_args="$fresh_args $a"
done
# shellcheck disable=SC2086 # the scorer's options are single words
bbc_set "$gold_fresh" "BBC fresh held-out (part 'fresh')" "" $fresh_args
exit $status
