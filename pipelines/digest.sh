#!/bin/bash
# digest.sh - the whole newspipe pipeline over a set of articles.
#
#   digest.sh [--state FILE] [--html] [FILE...]
#
# FILE: text, CSV, NDJSON, RSS/Atom feeds, HTML pages, WARC crawls, any
# of them gzip-compressed; none = standard input.  Runs every stage that
# is built, in order: split, clean, dedupe, tag entities, extract quotes,
# cluster into stories, summarize.  Writes the records, each with its
# story and summary, and a summary record of each story (with its people
# and organisations) when the story closes, on standard output.
#
#   --state FILE   remember the articles seen in FILE (news-dedupe --state;
#                  its directory is made when missing): an article seen
#                  on an earlier run is not written again, so a cron job
#                  sends each article once.  The active stories are kept
#                  beside it in FILE.stories (news-cluster --state), so a
#                  new article joins the story it continues.  Without it
#                  (and without $NEWSPIPE_STATE) every run starts fresh
#                  and duplicates are only marked.
#   --html         write news-digest's page of the records instead of them.
#
# The programs are found in $NEWSPIPE_BIN, else beside this script, in
# the source tree's bin/, or where `make install` put them relative to it
# (PREFIX/share/newspipe/pipelines -> PREFIX/bin), else on PATH: the
# installed script runs by absolute path under cron's bare environment.
set -eu -o pipefail  # a stage that fails fails the digest

usage() {
	echo "usage: digest.sh [--state FILE] [--html] [FILE...]" >&2
	exit 2
}

state=${NEWSPIPE_STATE:-}
html=""
# Options first; each option is one case (more stages, more options).
while [ $# -gt 0 ]; do
	case $1 in
	--state) [ $# -ge 2 ] || usage; state=$2; shift 2 ;;
	--state=*) state=${1#--state=}; shift ;;
	--html) html=1; shift ;;
	-h | --help) sed -n '2,/^set /p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 0 ;;
	--) shift; break ;;
	-?*) echo "digest.sh: unknown option '$1'" >&2; usage ;;
	*) break ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${NEWSPIPE_BIN:-}" ]; then
	for d in "$here" "$here/../bin" "$here/../../../bin"; do
		if [ -x "$d/news-split" ]; then
			NEWSPIPE_BIN=$(cd "$d" && pwd)
			break
		fi
	done
fi
if [ -z "${NEWSPIPE_BIN:-}" ]; then
	if ! split=$(command -v news-split); then
		echo "digest.sh: news-split not found beside $here, in $here/../../../bin or on PATH" >&2
		exit 127
	fi
	NEWSPIPE_BIN=$(dirname "$split")
fi
BIN=$NEWSPIPE_BIN

dedupe_opts=(--clusters)
cluster_opts=()
if [ -n "$state" ]; then
	# Made here, before the stages start at once: news-cluster's state lies
	# beside news-dedupe's, and news-cluster does not make directories.
	statedir=$(dirname -- "$state")
	if ! err=$(mkdir -p -- "$statedir" 2>&1); then
		echo "digest.sh: cannot make directory '$statedir': ${err##*: }" >&2
		exit 1
	fi
	dedupe_opts+=(--state "$state" --mode drop)
	cluster_opts+=(--state "$state.stories")
else
	tmpstate=$(mktemp -d)
	trap 'rm -rf "$tmpstate"' EXIT
	dedupe_opts+=(--state "$tmpstate/seen.db")
fi

have() { [ -x "$BIN/$1" ]; }

stage() {
	# Each stage reads the previous stage's output; a missing stage is cat.
	case $1 in
	clean)     if have news-clean; then "$BIN/news-clean"; else cat; fi ;;
	dedupe)    if have news-dedupe; then "$BIN/news-dedupe" "${dedupe_opts[@]}"; else cat; fi ;;
	entities)  if have news-tag-entities; then "$BIN/news-tag-entities"; else cat; fi ;;
	quotes)    if have news-extract-quotes; then "$BIN/news-extract-quotes"; else cat; fi ;;
	cluster)   if have news-cluster; then "$BIN/news-cluster" ${cluster_opts[@]+"${cluster_opts[@]}"}; else cat; fi ;;
	summarize) if have news-summarize; then
	               if have news-cluster; then "$BIN/news-summarize" --per-record --group-by story
	               else "$BIN/news-summarize" --per-record --group all; fi
	           else cat; fi ;;
	html)      if [ -n "$html" ]; then "$BIN/news-digest"; else cat; fi ;;
	esac
}

"$BIN/news-split" "$@" | stage clean | stage dedupe | stage entities | stage quotes | stage cluster | stage summarize \
	| stage html
