#!/bin/bash
# digest.sh - the whole newspipe pipeline over a set of articles.
#
#   pipelines/digest.sh [--html] [FILE...]   (text, CSV, NDJSON, gzip; none = stdin)
#
# Runs every stage that is built, in order: split, clean, dedupe (with a
# state file in $NEWSPIPE_STATE, default a temporary one), tag entities,
# extract quotes, cluster into stories, summarize.  Writes the records,
# each with its story and summary, and a summary record of each story
# (with its people and organisations) when the story closes; with
# --html, news-digest's page of them instead.
set -eu -o pipefail  # a stage that fails fails the digest
html=""
if [ "${1:-}" = --html ]; then html=1; shift; fi
here=$(cd "$(dirname "$0")" && pwd)
# The source tree's bin/ when run from there, else the installed programs on PATH.
if [ -z "${NEWSPIPE_BIN:-}" ]; then
	if [ -x "$here/../bin/news-split" ]; then
		NEWSPIPE_BIN=$here/../bin
	else
		NEWSPIPE_BIN=$(dirname "$(command -v news-split)")
	fi
fi
BIN=$NEWSPIPE_BIN
state=${NEWSPIPE_STATE:-}
tmpstate=""
if [ -z "$state" ]; then
	tmpstate=$(mktemp -d)
	state=$tmpstate/seen.db
	trap 'rm -rf "$tmpstate"' EXIT
fi

have() { [ -x "$BIN/$1" ]; }

stage() {
	# Each stage reads the previous stage's output; a missing stage is cat.
	case $1 in
	clean)     if have news-clean; then "$BIN/news-clean"; else cat; fi ;;
	dedupe)    if have news-dedupe; then "$BIN/news-dedupe" --state "$state" --clusters; else cat; fi ;;
	entities)  if have news-tag-entities; then "$BIN/news-tag-entities"; else cat; fi ;;
	quotes)    if have news-extract-quotes; then "$BIN/news-extract-quotes"; else cat; fi ;;
	cluster)   if have news-cluster; then "$BIN/news-cluster"; else cat; fi ;;
	summarize) if have news-summarize; then
	               if have news-cluster; then "$BIN/news-summarize" --per-record --group-by story
	               else "$BIN/news-summarize" --per-record --group all; fi
	           else cat; fi ;;
	html)      if [ -n "$html" ]; then "$BIN/news-digest"; else cat; fi ;;
	esac
}

"$BIN/news-split" "$@" | stage clean | stage dedupe | stage entities | stage quotes | stage cluster | stage summarize \
	| stage html
