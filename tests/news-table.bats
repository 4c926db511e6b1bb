#!/usr/bin/env bats
# news-table: rows of quotes, entities, articles and stories as CSV and TSV;
# hostile text read back identically by Python's csv module (and Miller when
# installed); the formula guard; bad records; the sink's exits.

load helpers

HOSTILE=$BATS_TEST_DIRNAME/fixtures/table/hostile.jsonl
READBACK=$BATS_TEST_DIRNAME/../eval/table_readback.py

@test "--help, --version and bad usage" {
	run --separate-stderr "$BIN/news-table" --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: news-table quotes|entities|articles|stories"* ]]
	[[ "$output" == *"--fields"* ]]
	[ -z "$stderr" ]
	run --separate-stderr "$BIN/news-table" --version
	[ "$status" -eq 0 ]
	[ "$output" = "news-table (newspipe) 0.1.0" ]
	run --separate-stderr "$BIN/news-table"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-table: which table? quotes, entities, articles or stories"* ]]
	run --separate-stderr "$BIN/news-table" people
	[ "$status" -eq 2 ]
	[[ "$stderr" == "news-table: invalid table 'people' (quotes, entities, articles or stories)"* ]]
	run --separate-stderr "$BIN/news-table" quotes --no-such-option
	[ "$status" -eq 2 ]
	[[ "$stderr" == "news-table: unknown option '--no-such-option'"* ]]
	run --separate-stderr "$BIN/news-table" quotes --fields id,,text
	[ "$status" -eq 2 ]
	[[ "$stderr" == "news-table: empty column name in --fields 'id,,text'"* ]]
	run --separate-stderr "$BIN/news-table" quotes --on-error=pass
	[ "$status" -eq 2 ]
	[[ "$stderr" == "news-table: --on-error=pass has no meaning for a sink"* ]]
}

@test "quotes: a header, then one row per quote with the article's id, url and title" {
	run --separate-stderr "$BIN/news-table" quotes "$HOSTILE"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = $'id,url,title,published,story,speaker,speaker_type,type,cue,text\r' ]
	[[ "${lines[1]}" == 'a1,https://example.com/a?x=1&y=2,"Minister says ""no"", then yes",2026-01-28T09:30:00Z,s1,Ann Lee,PER,direct,said,"We will, ""never"" stop.'* ]]
	# The integer id 7 and its quote with an empty text and speaker.
	[ "${lines[${#lines[@]} - 1]}" = $'7,,,,,,,direct,said,\r' ]
}

@test "hostile text (quotes, commas, CR/LF, tabs, <script>, onerror=) reads back identically with Python's csv module" {
	jobs=()
	for table in quotes entities articles stories; do
		"$BIN/news-table" "$table" "$HOSTILE" >"$TMP/$table.csv"
		"$BIN/news-table" "$table" --raw "$HOSTILE" >"$TMP/$table-raw.csv"
		jobs+=("csv:$table:$TMP/$table.csv" "csv:$table:$TMP/$table-raw.csv:raw")
	done
	# Nested values, arrays, numbers, booleans, dotted paths and a missing column.
	f=id,dup.of,dup.similarity,score,flags,nested,authors,missing
	"$BIN/news-table" articles --fields "$f" "$HOSTILE" >"$TMP/out.csv"
	python3 "$READBACK" "$HOSTILE" "${jobs[@]}" "csv:articles:$TMP/out.csv:fields=$f"
	grep -q '^a1,a0,0.93,,,,"Ann Lee; Bo, Jr.",' "$TMP/out.csv"
	grep -q '^7,,,-2.5,true; false,"{""a"":\[1,{""b"":2}\]}",,' "$TMP/out.csv"
	# UTF-8 as is, no escapes.
	"$BIN/news-table" articles --fields id,title "$HOSTILE" >"$TMP/out.csv"
	grep -q '^a2,Ünïcödé — “curly” ☺ 😀' "$TMP/out.csv"
}

@test "TSV: one line per row, tab/newline/CR/backslash escaped, read back identically" {
	jobs=()
	for table in quotes entities articles stories; do
		"$BIN/news-table" "$table" --tsv "$HOSTILE" >"$TMP/$table.tsv"
		jobs+=("tsv:$table:$TMP/$table.tsv")
	done
	python3 "$READBACK" "$HOSTILE" "${jobs[@]}"
	"$BIN/news-table" quotes --tsv "$HOSTILE" >"$TMP/out.tsv"
	[ "$(wc -l <"$TMP/out.tsv")" -eq 6 ] # header + 5 quotes
	grep -qF $'\tWe will, "never" stop.\\r\\nNever.' "$TMP/out.tsv"
	grep -qF $'\t<img src=x onerror=alert(1)>\\tand a tab, \\\\ a backslash' "$TMP/out.tsv"
}

@test "Miller reads the CSV and the TSV back identically (skipped without mlr)" {
	command -v mlr >/dev/null || skip "mlr (Miller) not installed"
	jobs=()
	for table in quotes entities articles stories; do
		"$BIN/news-table" "$table" "$HOSTILE" >"$TMP/$table.csv"
		"$BIN/news-table" "$table" --tsv "$HOSTILE" >"$TMP/$table.tsv"
		jobs+=("mlr-csv:$table:$TMP/$table.csv" "mlr-tsv:$table:$TMP/$table.tsv")
	done
	python3 "$READBACK" "$HOSTILE" "${jobs[@]}"
}

@test "text a spreadsheet would run (= + - @) gets a ' unless --raw; numbers never" {
	"$BIN/news-table" quotes --fields speaker,text "$HOSTILE" >"$TMP/out.csv"
	grep -qF $'\'@handle,"<img' "$TMP/out.csv"
	grep -qF '"'"'"'=HYPERLINK(""http' "$TMP/out.csv"
	grep -qF $'\'+Plus Corp,"\'-- and +1, as @ says"' "$TMP/out.csv"
	"$BIN/news-table" quotes --raw --fields speaker,text "$HOSTILE" >"$TMP/raw.csv"
	grep -qF '"=HYPERLINK(""http' "$TMP/raw.csv"
	grep -qF '+Plus Corp,"-- and +1, as @ says"' "$TMP/raw.csv"
	! grep -q "'" "$TMP/raw.csv"
	printf '{"id":"n","v":-3,"s":"-3"}\n' >"$TMP/n.jsonl"
	run --separate-stderr "$BIN/news-table" articles --fields v,s "$TMP/n.jsonl"
	[ "${lines[1]}" = $'-3,\'-3\r' ]
}

@test "--fields: custom columns, +LIST adds to the defaults; a header-only table without input" {
	run --separate-stderr "$BIN/news-table" entities --fields +id,title "$HOSTILE"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = $'id,text,type,canonical,start,end,id,title\r' ]
	[ "${lines[1]}" = $'a1,Ann Lee,PER,Ann Lee,0,7,a1,"Minister says ""no"", then yes"\r' ]
	[ "${lines[2]}" = $'a1,<script>alert(1)</script>,ORG,,10,35,a1,"Minister says ""no"", then yes"\r' ]
	run --separate-stderr "$BIN/news-table" articles --fields id </dev/null
	[ "$status" -eq 0 ]
	[ "$output" = $'id\r' ]
	# A lone empty cell is "" so that a reader does not skip the row as blank.
	printf '{"id":""}\n{"x":1}\n' | "$BIN/news-table" articles --fields id >"$TMP/out.csv"
	[ "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))))' "$TMP/out.csv")" -eq 3 ]
}

@test "story records: rows of the stories table, and of no other" {
	run --separate-stderr "$BIN/news-table" stories "$HOSTILE"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = $'s1,a1; a2,"Story, ""summary""."\r' ]
	run --separate-stderr "$BIN/news-table" articles --fields id,group "$HOSTILE"
	[ "${#lines[@]}" -eq 4 ]
	[[ "$output" != *"s1"* ]]
}

@test "bad records are reported as FILE:LINE and give no rows; every good row is written" {
	{
		printf '{"id":"g1","quotes":[{"text":"one","speaker":"A"}]}\n'
		printf '{not json\n'
		printf '[1,2]\n'
		printf '{"id":"b1","quotes":"not an array"}\n'
		printf '{"id":"b2","quotes":[{"text":"fine"},5]}\n'
		printf '{"id":"u","title":"bad \xff utf8"}\n'
		printf '{"id":"g2","quotes":[{"text":"two","speaker":"B"}]}\n'
	} >"$TMP/bad.jsonl"
	run --separate-stderr "$BIN/news-table" quotes --fields id,text "$TMP/bad.jsonl"
	[ "$status" -eq 1 ]
	[ "$output" = $'id,text\r\ng1,one\r\ng2,two\r' ]
	[[ "$stderr" == *"news-table: $TMP/bad.jsonl:2: invalid JSON"* ]]
	[[ "$stderr" == *"news-table: $TMP/bad.jsonl:3: not a JSON object"* ]]
	[[ "$stderr" == *"news-table: $TMP/bad.jsonl:4: field 'quotes' is not an array"* ]]
	[[ "$stderr" == *"news-table: $TMP/bad.jsonl:5: quotes[1] is not an object"* ]]
	[[ "$stderr" == *"news-table: $TMP/bad.jsonl:6: invalid UTF-8"* ]]
	run --separate-stderr "$BIN/news-table" quotes --fields id --on-error=fail "$TMP/bad.jsonl"
	[ "$status" -eq 1 ]
	[ "$output" = $'id\r\ng1\r' ]
	run --separate-stderr "$BIN/news-table" quotes --stats "$TMP/bad.jsonl"
	[[ "$stderr" == *"news-table: 7 records read, 2 rows written, 5 bad"* ]]
}

@test "a record without an id gets news-split's; a table no record feeds says what makes it" {
	printf '{"text":"Some text.","entities":[{"text":"Some","type":"MISC","start":0,"end":4}]}\n' >"$TMP/feed.jsonl"
	run --separate-stderr "$BIN/news-table" entities --fields id,text "$TMP/feed.jsonl"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = $'feed:1,Some\r' ]
	run --separate-stderr "$BIN/news-table" quotes "$TMP/feed.jsonl"
	[ "$status" -eq 0 ]
	[ "$stderr" = "news-table: no record has 'quotes' (made by news-extract-quotes)" ]
}

@test "gzip input, --bom, deterministic output" {
	gzip -c "$HOSTILE" >"$TMP/h.jsonl.gz"
	"$BIN/news-table" quotes "$HOSTILE" >"$TMP/a.csv"
	"$BIN/news-table" quotes "$TMP/h.jsonl.gz" >"$TMP/b.csv"
	cmp "$TMP/a.csv" "$TMP/b.csv"
	"$BIN/news-table" quotes <"$HOSTILE" >"$TMP/c.csv"
	cmp "$TMP/a.csv" "$TMP/c.csv"
	"$BIN/news-table" quotes --bom "$HOSTILE" >"$TMP/bom.csv"
	[ "$(head -c 3 "$TMP/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	cmp <(tail -c +4 "$TMP/bom.csv") "$TMP/a.csv"
}

@test "a write error exits 1 with a message; a closed pipe ends quietly; a 10 MB cell works" {
	run --separate-stderr sh -c "'$BIN/news-table' quotes '$HOSTILE' >/dev/full"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-table: write error on standard output: No space left on device" ]]
	python3 -c 'import sys; sys.stdout.write(open(sys.argv[1]).read() * 2000)' "$HOSTILE" >"$TMP/many.jsonl"
	run --separate-stderr bash -c "'$BIN/news-table' quotes '$TMP/many.jsonl' | head -1 >/dev/null; echo \${PIPESTATUS[0]}"
	[ "$output" = 141 ]
	[ -z "$stderr" ]
	# A 10 MB cell is written whole, quoted.  (Lines of any length are the
	# shared reader's, which news-split's suite reads at 100 MB.)
	x10m() { head -c 10000000 /dev/zero | tr '\0' x; }
	{ printf '{"id":"big","quotes":[{"text":"'; x10m; printf ',\\""}]}\n'; } >"$TMP/big.jsonl"
	{ printf 'id,text\r\nbig,"'; x10m; printf ',"""\r\n'; } >"$TMP/want.csv"
	"$BIN/news-table" quotes --fields id,text "$TMP/big.jsonl" >"$TMP/big.csv"
	cmp "$TMP/big.csv" "$TMP/want.csv"
}

@test "the man page's examples run" {
	export PATH=$BIN:$PATH
	"$ROOT/pipelines/digest.sh" "$ROOT"/samples/*.txt >"$TMP/digest.jsonl"
	news-table quotes <"$TMP/digest.jsonl" >"$TMP/quotes.csv"
	[ "$(head -1 "$TMP/quotes.csv")" = $'id,url,title,published,story,speaker,speaker_type,type,cue,text\r' ]
	python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],newline=""))); assert len(r) > 20 and all(len(x)==10 for x in r)' \
		"$TMP/quotes.csv"
	news-table articles --fields +dup.of,dup.similarity "$TMP/digest.jsonl" >"$TMP/articles.csv"
	[ "$(wc -l <"$TMP/articles.csv")" -eq 6 ]
	command -v mlr >/dev/null || skip "mlr (Miller) not installed"
	news-table entities --tsv --raw --fields type,canonical "$TMP/digest.jsonl" |
		mlr --tsv filter '$type == "PER"' then count-distinct -f canonical then sort -nr count >"$TMP/people.tsv"
	[ "$(head -1 "$TMP/people.tsv")" = $'canonical\tcount' ]
	[ "$(wc -l <"$TMP/people.tsv")" -gt 3 ]
	tail -n +2 "$TMP/people.tsv" | cut -f2 | sort -c -nr
}
