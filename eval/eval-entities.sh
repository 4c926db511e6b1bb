#!/bin/sh
# eval/eval-entities.sh - news-tag-entities quality:
#   - CoNLL-2003 dev span P/R/F1 per type, two ways: the token path (the
#     model as committed, tagging the CoNLL tokens) and the record path (the
#     dev documents as records of running text, through bin/news-tag-entities,
#     with the CoNLL sentences given and with the filter's own segmentation);
#   - DATE/MONEY/PERCENT/CARDINAL on the hand-annotated numeric sample
#     (eval/data/numeric-dev.jsonl), dev and held-out parts apart;
#   - the seeds check (every PER and ORG mention found, surnames resolved).
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
TOOLS=${NER_TOOLS:-build/tools}
need_bin news-tag-entities
if [ ! -d "$SHARED/data/conll2003" ]; then
	echo "$eval_name: skipped: $SHARED/data/conll2003 not found (CoNLL-2003 dev figures, needs ../shared/data)"
else
	tok=$("$TOOLS/news-train-entities" --predict "$SHARED/data/conll2003/dev.txt" | python3 eval/conlleval.py) || exit 1
	echo "CoNLL-2003 dev, token path (news-train-entities --predict, exact spans):"
	echo "$tok"
	given=$(python3 eval/conll_records.py "$BIN/news-tag-entities" "$SHARED/data/conll2003/dev.txt") || exit 1
	echo "CoNLL-2003 dev, record path (bin/news-tag-entities on the documents as text, CoNLL sentences given):"
	echo "$given"
	own=$(python3 eval/conll_records.py --sentences segmenter "$BIN/news-tag-entities" "$SHARED/data/conll2003/dev.txt") || exit 1
	echo "CoNLL-2003 dev, record path (the same records without sentences: the shared segmenter's):"
	echo "$own"
	f() { echo "$1" | awk '$1 == "overall" { print $4 }'; }
	echo "CoNLL-2003 dev F1: token path $(f "$tok"), record path $(f "$given") (sentences given), $(f "$own") (segmenter)"
fi
if [ -f eval/data/numeric-dev.jsonl ] && [ -f "$SHARED/data/unlabeled/reuters21578.jsonl.gz" ] &&
   [ -f "$SHARED/data/summarize/bbc-dev/docs.jsonl" ]; then
	python3 eval/score_numeric.py "$BIN/news-tag-entities" eval/data/numeric-dev.jsonl \
	    "$SHARED/data/unlabeled/reuters21578.jsonl.gz" "$SHARED/data/summarize/bbc-dev/docs.jsonl" || exit 1
else
	echo "$eval_name: skipped: numeric sample (needs eval/data/numeric-dev.jsonl and ../shared/data's Reuters and BBC texts)"
fi
if [ ! -f "$SHARED/data/seeds-gold/entities.jsonl" ]; then
	echo "$eval_name: skipped: $SHARED/data/seeds-gold/entities.jsonl not found (seed figures, needs ../shared/data)"
else
	python3 eval/eval-entities-seeds.py "$BIN/news-tag-entities" "$SHARED/seeds" \
	    "$SHARED/data/seeds-gold/entities.jsonl" || exit 1
fi
