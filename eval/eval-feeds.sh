#!/bin/sh
# eval/eval-feeds.sh - how well news-split reads RSS, RDF and Atom feeds.
#
# Runs bin/news-split (or $NEWSPIPE_BIN/news-split) on every feed file of
# feedparser's test corpus ($SHARED/data/feeds/feedparser-dev.jsonl: the
# feed and the assertions feedparser's tests make about it) and prints the
# share of the item- and feed-level checks that map onto our fields which
# hold (eval/score_feeds.py says how each check maps).  -v lists the
# checks that fail.  Without $SHARED/data it says what it skips and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
corpus=$SHARED/data/feeds/feedparser-dev.jsonl
need_data "feedparser's feed test corpus" "$corpus"
need_bin news-split
python3 eval/score_feeds.py "$corpus" "$BIN/news-split" "$@"
