#!/bin/sh
# eval/eval-clean.sh - quality of news-clean, through bin/news-clean as users run it.
#
# 1. Web pages: aeb-dev-html ($SHARED/data/clean/aeb-dev-html.jsonl.gz, 98
#    real pages as crawled) given as {"id","html"} records: token-shingle
#    P/R/F1 of the article text against the gold body, as the
#    article-extraction-benchmark computes it, for the English pages and
#    all pages, and how many pages with a gold body of 50+ words came out
#    empty (eval/score_clean.py aeb).
# 2. The five seed articles (samples/, hand-marked in
#    seeds-boilerplate-categories.json): chrome lines removed, metadata
#    lines removed (lifted into fields), body lines lost.
# 3. Clean copy, which must lose nothing: the BBC dev articles
#    ($SHARED/data/summarize/bbc-dev) and Reuters-21578
#    ($SHARED/data/unlabeled): share of body lines removed, and `published`
#    values taken from the text (there is no dateline in either).
# 4. aeb-dev rendered to text lines ($SHARED/data/clean/aeb-dev.jsonl): the
#    line rules alone on pages given as text.
# Extra arguments go to the aeb scorer (-v lists the worst pages).  Whatever
# data is missing is named and skipped.
set -u
cd "$(dirname "$0")/.." || exit 1
. eval/lib.sh
dir=$SHARED/data/clean
need_data "boilerplate dev data" "$dir"
need_bin news-clean news-split
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

# clean RECORDS OUT [ARGS...]: news-clean on RECORDS; a run that fails is reported.
clean() {
	in=$1 out=$2
	shift 2
	"$BIN/news-clean" "$@" "$in" >"$out" 2>"$tmp/err" || {
		echo "$eval_name: news-clean failed on $in:" >&2
		head -5 "$tmp/err" >&2
		status=1
	}
}

if [ -f "$dir/aeb-dev-html.jsonl.gz" ]; then
	gzip -dc "$dir/aeb-dev-html.jsonl.gz" | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "html": d["html"]}, ensure_ascii=False))' >"$tmp/pages.jsonl"
	# Pages without an article get a warning each; those are expected.
	clean "$tmp/pages.jsonl" "$tmp/pages.out"
	python3 eval/score_clean.py aeb "$dir/aeb-dev-html.jsonl.gz" "$tmp/pages.out" --label aeb-dev-html "$@"
else
	echo "$eval_name: skipped: $dir/aeb-dev-html.jsonl.gz not found (web pages)"
fi

if [ -f "$dir/seeds-boilerplate-categories.json" ]; then
	"$BIN/news-split" samples/*.txt | "$BIN/news-clean" --explain >"$tmp/seeds.jsonl" 2>"$tmp/seeds.err" || {
		cat "$tmp/seeds.err" >&2
		status=1
	}
	python3 eval/score_clean.py seeds "$dir/seeds-boilerplate-categories.json" "$tmp/seeds.jsonl" samples || status=1
else
	echo "$eval_name: skipped: $dir/seeds-boilerplate-categories.json not found (seed annotation)"
fi

for copy in bbc-dev:$SHARED/data/summarize/bbc-dev/docs.jsonl reuters21578:$SHARED/data/unlabeled/reuters21578.jsonl.gz; do
	name=${copy%%:*} path=${copy#*:}
	if [ -f "$path" ]; then
		clean "$path" "$tmp/$name.out" --explain
		python3 eval/score_clean.py copy "$path" "$tmp/$name.out" "clean copy $name" || status=1
	else
		echo "$eval_name: skipped: $path not found (clean copy)"
	fi
done

if [ -f "$dir/aeb-dev.jsonl" ]; then
	clean "$dir/aeb-dev.jsonl" "$tmp/aeb.jsonl"
	python3 eval/score_clean.py aeb "$dir/aeb-dev.jsonl" "$tmp/aeb.jsonl" --label aeb-dev-text
else
	echo "$eval_name: skipped: $dir/aeb-dev.jsonl not found (pages as text)"
fi
exit $status
