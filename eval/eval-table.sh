#!/bin/sh
# eval-table.sh - news-table on real records: every table of the seeds' digest
# (pipelines/digest.sh) and of tagged Reuters-21578 articles, as CSV and TSV,
# read back by Python's csv module and by Miller (when installed) and compared
# cell for cell with the records (eval/table_readback.py).
. eval/lib.sh
need_bin news-table news-tag-entities news-extract-quotes
out=build/eval-table
mkdir -p "$out"
pipelines/digest.sh samples/*.txt >"$out/seeds.jsonl" || exit 1
inputs="$out/seeds.jsonl"
reuters=$SHARED/data/unlabeled/reuters21578.jsonl.gz
if [ -e "$reuters" ]; then
	gzip -dc "$reuters" | head -2000 | "$BIN/news-tag-entities" | "$BIN/news-extract-quotes" >"$out/reuters.jsonl"
	inputs="$inputs $out/reuters.jsonl"
else
	echo "$eval_name: Reuters part skipped: $reuters not found (needs ../shared/data)"
fi
formats="csv tsv"
if command -v mlr >/dev/null; then formats="$formats mlr-csv mlr-tsv"; else echo "$eval_name: Miller part skipped: no mlr"; fi
status=0
for in in $inputs; do
	name=$(basename "$in" .jsonl)
	jobs=""
	cells=0
	guarded=0
	for table in quotes entities articles stories; do
		"$BIN/news-table" "$table" "$in" >"$out/$name-$table.csv" 2>/dev/null
		"$BIN/news-table" "$table" --tsv "$in" >"$out/$name-$table.tsv" 2>/dev/null
		for f in $formats; do
			case $f in *csv) ext=csv ;; *) ext=tsv ;; esac
			jobs="$jobs $f:$table:$out/$name-$table.$ext"
		done
		printf '%s: %s: %s rows\n' "$name" "$table" "$(($(wc -l <"$out/$name-$table.tsv") - 1))"
		# Data cells, and those the formula guard gave a ' (TSV: one row a line, one cell a field).
		cells=$((cells + $(tail -n +2 "$out/$name-$table.tsv" | tr '\t' '\n' | wc -l)))
		guarded=$((guarded + $(tail -n +2 "$out/$name-$table.tsv" | tr '\t' '\n' | grep -c "^'[-=+@]")))
	done
	echo "$name: the formula guard changed $guarded of $cells cells"
	# shellcheck disable=SC2086
	if python3 eval/table_readback.py "$in" $jobs; then
		echo "$name: every cell read back identically ($formats)"
	else
		status=1
	fi
done
exit $status
