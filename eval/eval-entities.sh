#!/bin/sh
# eval/eval-entities.sh - news-tag-entities quality: CoNLL-2003 dev span
# P/R/F1 per type (the model as committed, tagging the CoNLL tokens), and
# the seeds check (every PER and ORG mention found, surnames resolved).
set -u
SHARED=${SHARED:-../shared}
BIN=${NEWSPIPE_BIN:-bin}
TOOLS=${NER_TOOLS:-build/tools}
export NEWSPIPE_DATA=${NEWSPIPE_DATA:-data}
if [ ! -d "$SHARED/data/conll2003" ]; then
	echo "skip: $SHARED/data/conll2003 not found (CoNLL-2003 dev figures)"
else
	echo "CoNLL-2003 dev (exact spans):"
	"$TOOLS/news-train-entities" --predict "$SHARED/data/conll2003/dev.txt" | python3 eval/conlleval.py || exit 1
fi
if [ ! -f "$SHARED/data/seeds-gold/entities.jsonl" ]; then
	echo "skip: $SHARED/data/seeds-gold/entities.jsonl not found (seed figures)"
else
	python3 eval/eval-entities-seeds.py "$BIN/news-tag-entities" "$SHARED/seeds" \
	    "$SHARED/data/seeds-gold/entities.jsonl" || exit 1
fi
