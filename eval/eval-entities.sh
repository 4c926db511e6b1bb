#!/bin/sh
# eval/eval-entities.sh - news-tag-entities quality: CoNLL-2003 dev span
# P/R/F1 per type (the model as committed, tagging the CoNLL tokens), and
# the seeds check (every PER and ORG mention found, surnames resolved).
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
TOOLS=${NER_TOOLS:-build/tools}
if [ ! -d "$SHARED/data/conll2003" ]; then
	echo "$eval_name: skipped: $SHARED/data/conll2003 not found (CoNLL-2003 dev figures, needs ../shared/data)"
else
	echo "CoNLL-2003 dev (exact spans):"
	"$TOOLS/news-train-entities" --predict "$SHARED/data/conll2003/dev.txt" | python3 eval/conlleval.py || exit 1
fi
if [ ! -f "$SHARED/data/seeds-gold/entities.jsonl" ]; then
	echo "$eval_name: skipped: $SHARED/data/seeds-gold/entities.jsonl not found (seed figures, needs ../shared/data)"
else
	python3 eval/eval-entities-seeds.py "$BIN/news-tag-entities" "$SHARED/seeds" \
	    "$SHARED/data/seeds-gold/entities.jsonl" || exit 1
fi
