#!/usr/bin/env bats
# news-split: ingestion (text, CSV, NDJSON, gzip), ids, offsets, explode, bad input.

load helpers

# Check that every record's paragraphs and sentences are valid code-point
# spans of its text: within bounds, ascending, not overlapping, not empty.
offsets_valid() {
	jq -e -s 'all(.[]; (.text | length) as $n
		| ([.paragraphs[], .sentences[]] | all(.[0] >= 0 and .[0] < .[1] and .[1] <= $n))
		and ([.sentences[][]] | . == sort) and ([.paragraphs[][]] | . == sort))' "$1" >/dev/null
}

@test "the five samples give five records with id, text, paragraphs and sentences" {
	run --separate-stderr "$BIN/news-split" "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$TMP/out.jsonl"
	[ "$(wc -l <"$TMP/out.jsonl")" -eq 5 ]
	jq -e -s 'all(.[]; (.id|type)=="string" and (.text|type)=="string"
		and (.paragraphs|length) > 0 and (.sentences|length) >= (.paragraphs|length))' "$TMP/out.jsonl"
	offsets_valid "$TMP/out.jsonl"
}

@test "offsets count code points, not bytes" {
	printf '{"id":"u","text":"Été à Paris. Ça va? Oui!\\nNouveau paragraphe ☺."}\n' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-split" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$TMP/out.jsonl"
	offsets_valid "$TMP/out.jsonl"
	# Each sentence cut by its offsets is the expected string (jq indexes code points).
	run jq -r '.text as $t | .sentences[] | $t[.[0]:.[1]]' "$TMP/out.jsonl"
	[ "${lines[0]}" = "Été à Paris." ]
	[ "${lines[1]}" = "Ça va?" ]
	[ "${lines[2]}" = "Oui!" ]
	[ "${lines[3]}" = "Nouveau paragraphe ☺." ]
	run jq -c .paragraphs "$TMP/out.jsonl"
	[ "$output" = "[[0,24],[25,46]]" ]
}

# sentences_of TEXT: news-split's sentences of TEXT, one a line (newlines inside shown as |).
sentences_of() {
	jq -cn --arg t "$1" '{id: "s", text: $t}' >"$TMP/s.jsonl"
	"$BIN/news-split" "$TMP/s.jsonl" >"$TMP/s.out"
	offsets_valid "$TMP/s.out" || fail "bad offsets"
	jq -r '.text as $t | .sentences[] | $t[.[0]:.[1]] | gsub("\n"; "|")' "$TMP/s.out"
}

@test "a quotation of several sentences is split at its full stops, not at its other marks" {
	run sentences_of 'Obama wrote: “Cool clock, Ahmed. Want to bring it to the White House?” Ahmed was thrilled.'
	[ "${lines[0]}" = 'Obama wrote: “Cool clock, Ahmed.' ]
	[ "${lines[1]}" = 'Want to bring it to the White House?”' ]
	[ "${lines[2]}" = 'Ahmed was thrilled.' ]
	[ "${#lines[@]}" -eq 3 ]
	run sentences_of '"We are happy. This is great," Mr. Smith said. "Oh dear! Oh dear! I shall be late!" he cried.'
	[ "${lines[0]}" = '"We are happy.' ]
	[ "${lines[1]}" = 'This is great," Mr. Smith said.' ]
	[ "${lines[2]}" = '"Oh dear! Oh dear! I shall be late!" he cried.' ]
	# A quotation closed by ? or ! before an attribution is one sentence with it.
	run sentences_of '“Why would we?” Barack Obama asked. “Who is this?” She said it twice.'
	[ "${lines[0]}" = '“Why would we?” Barack Obama asked.' ]
	[ "${lines[1]}" = '“Who is this?”' ]
	[ "${lines[2]}" = 'She said it twice.' ]
}

@test "a line without final punctuation is a sentence of its own, a wrapped line is not" {
	# Blank-line paragraphs with a caption and a credit on lines of their own.
	run sentences_of $'Flood waters closed the bridge on Monday.
Residents wade through the water near the bridge
Photo: Jane Smith/AP
The county said it would stay shut.

It reopened on Friday.'
	[ "${lines[0]}" = 'Flood waters closed the bridge on Monday.' ]
	[ "${lines[1]}" = 'Residents wade through the water near the bridge' ]
	[ "${lines[2]}" = 'Photo: Jane Smith/AP' ]
	[ "${lines[3]}" = 'The county said it would stay shut.' ]
	[ "${#lines[@]}" -eq 5 ]
	# A hard-wrapped paragraph: lines run on, also before a capitalised name.
	run sentences_of $'The proposal was first made public on Monday by the
Finance Minister, who said that the plan would cut the
deficit by half within three years of its adoption by
Parliament.

End.'
	[ "${lines[0]}" = 'The proposal was first made public on Monday by the|Finance Minister, who said that the plan would cut the|deficit by half within three years of its adoption by|Parliament.' ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "results lists, datelines in capitals and abbreviations at a sentence's end (issue 14)" {
	# A heading line, then numbered items: each item is a sentence, "(U.S.)" ends none.
	run sentences_of $'Women\'s 200 metres
1. Ana Lòpez (U.S.) 22.10
2. Mia Berg (Sweden) 22.31'
	[ "${lines[0]}" = "Women's 200 metres" ]
	[ "${lines[1]}" = '1. Ana Lòpez (U.S.) 22.10' ]
	[ "${lines[2]}" = '2. Mia Berg (Sweden) 22.31' ]
	[ "${#lines[@]}" -eq 3 ]
	jq -e '.sentences == [[0,18],[19,44],[45,71]]' "$TMP/s.out"
	# A dateline in capitals; abbreviations that close a phrase before a new sentence.
	run sentences_of 'MT. VERNON, Ohio (AP) - Output rose 4 pct. Analysts said Beta Inc. Chairman Al Roe agreed.'
	[ "${lines[0]}" = 'MT. VERNON, Ohio (AP) - Output rose 4 pct.' ]
	[ "${lines[1]}" = 'Analysts said Beta Inc. Chairman Al Roe agreed.' ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "glued sentences and spaced ellipses; offsets stay code points" {
	run sentences_of 'Hello wörld.Today is Tuesday. He didn’t get it.Credit...Doug Mills'
	[ "${lines[0]}" = 'Hello wörld.' ]
	[ "${lines[1]}" = 'Today is Tuesday.' ]
	[ "${lines[2]}" = 'He didn’t get it.' ]
	[ "${lines[3]}" = 'Credit...Doug Mills' ]
	jq -e '.sentences[:2] == [[0,12],[12,29]]' "$TMP/s.out"
	run sentences_of 'See example.Com, St.Louis and the U.S.Army today. Fine.'
	[ "${lines[0]}" = 'See example.Com, St.Louis and the U.S.Army today.' ]
	run sentences_of 'The thing is . . . I did not know. It ended. . . . Then it began again.'
	[ "${lines[0]}" = 'The thing is . . . I did not know.' ]
	[ "${lines[1]}" = 'It ended. . . .' ]
	[ "${lines[2]}" = 'Then it began again.' ]
}

@test "the same input gives byte-identical output twice" {
	"$BIN/news-split" "$ROOT"/samples/*.txt >"$TMP/a"
	"$BIN/news-split" "$ROOT"/samples/*.txt >"$TMP/b"
	cmp "$TMP/a" "$TMP/b"
}

@test "gzip input gives the same records as plain text" {
	cp "$ROOT/samples/000_056ee4437d67911c.txt" "$TMP/a.txt"
	gzip -c "$TMP/a.txt" >"$TMP/a.txt.gz"
	"$BIN/news-split" "$TMP/a.txt" | jq -c 'del(.source)' >"$TMP/plain"
	"$BIN/news-split" "$TMP/a.txt.gz" | jq -c 'del(.source)' >"$TMP/gz"
	cmp "$TMP/plain" "$TMP/gz"
	# A gzip file with an unhelpful name is still recognised by its magic bytes.
	cp "$TMP/a.txt.gz" "$TMP/blob.txt"
	"$BIN/news-split" "$TMP/blob.txt" | jq -c 'del(.source, .id)' >"$TMP/blob"
	jq -c 'del(.id)' "$TMP/plain" >"$TMP/plain-noid"
	cmp "$TMP/plain-noid" "$TMP/blob"
}

@test "CSV input gives the same offsets as the same text in NDJSON" {
	"$BIN/news-split" "$ROOT/samples/001_0deaaa199a3d17f7.txt" >"$TMP/t.jsonl"
	jq -r '[.id, .text] | @csv' "$TMP/t.jsonl" | { echo 'id,text'; cat; } >"$TMP/t.csv"
	gzip -c "$TMP/t.csv" >"$TMP/t.csv.gz"
	run --separate-stderr "$BIN/news-split" "$TMP/t.csv.gz"
	[ "$status" -eq 0 ]
	[ "$(printf '%s' "$output" | jq -c '[.id,.text,.paragraphs,.sentences]')" = \
	  "$(jq -c '[.id,.text,.paragraphs,.sentences]' "$TMP/t.jsonl")" ]
}

@test "CSV: header mapping, quoted commas, quotes and newlines, ids from the row number" {
	run --separate-stderr "$BIN/news-split" "$ROOT/tests/fixtures/split/feed.csv"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	assert_json "${lines[0]}" '.id == "a1" and .title == "First story" and .url == "https://example.com/a1"
		and (.sentences | length) == 2'
	assert_json "${lines[1]}" '.title == "Second, with comma" and (.text | test("quoted \"word\""))
		and (.paragraphs | length) == 2'
	assert_json "${lines[2]}" '.id == "feed:3" and .text == "Text without an id. Still fine."'
}

@test "CSV: --map names the columns" {
	printf 'story,hed\n"One. Two.",H\n' >"$TMP/m.csv"
	run --separate-stderr "$BIN/news-split" --map text=story,title=hed "$TMP/m.csv"
	[ "$status" -eq 0 ]
	assert_json "$output" '.text == "One. Two." and .title == "H" and (.sentences | length) == 2'
}

@test "CSV without a text column is an error naming the file" {
	printf 'a,b\n1,2\n' >"$TMP/n.csv"
	run --separate-stderr "$BIN/news-split" "$TMP/n.csv"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == *"n.csv"*"no 'text' column"* ]]
}

@test "NDJSON records pass through with their fields and get offsets; ids kept or made" {
	printf '{"id":"x","zz":[1,{"a":null}],"text":"One. Two."}\n{"text":"No id here."}\n' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-split" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '{"id":"x","zz":[1,{"a":null}],"text":"One. Two.","paragraphs":[[0,9]],"sentences":[[0,4],[5,9]]}' ]
	assert_json "${lines[1]}" '.id == "in:2"'
	# From standard input the id is a hash of the text: stable across runs.
	a=$(printf '{"text":"No id here."}\n' | "$BIN/news-split" | jq -r .id)
	b=$(printf '{"text":"No id here."}\n' | "$BIN/news-split" | jq -r .id)
	[ "$a" = "$b" ]
	[[ "$a" == doc-* ]]
}

@test "plain text on standard input is one article" {
	run --separate-stderr "$BIN/news-split" <"$ROOT/samples/003_8ec4ed008229fa3f.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	assert_json "$output" '(.id | startswith("doc-")) and (.sentences | length) > 3'
}

@test "--explode=sentence writes one record per sentence with doc_id, seq and offsets" {
	"$BIN/news-split" "$ROOT/samples/000_056ee4437d67911c.txt" >"$TMP/doc.jsonl"
	run --separate-stderr "$BIN/news-split" --explode=sentence --keep=source "$ROOT/samples/000_056ee4437d67911c.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq "$(jq '.sentences | length' "$TMP/doc.jsonl")" ]
	assert_json "${lines[1]}" '.id == "000_056ee4437d67911c-s2" and .doc_id == "000_056ee4437d67911c"
		and .seq == 2 and (.source | endswith(".txt"))'
	# The unit's text is the parent's text at its offsets.
	s=$(printf '%s\n' "${lines[1]}" | jq -c '[.start,.end]')
	[ "$(jq -r --argjson s "$s" '.text[$s[0]:$s[1]]' "$TMP/doc.jsonl")" = "$(printf '%s\n' "${lines[1]}" | jq -r .text)" ]
}

@test "--explode=paragraph" {
	printf '{"id":"p","text":"One. Two.\\nThree."}\n' | "$BIN/news-split" --explode=paragraph >"$TMP/o"
	[ "$(jq -r .text "$TMP/o" | tr '\n' '|')" = "One. Two.|Three.|" ]
}

@test "bad records are reported with file and line, good ones all written" {
	check_bad_input news-split
}

@test "a truncated last line without newline is read" {
	printf '{"id":"a","text":"One."}\n{"id":"b","text":"Two."}' >"$TMP/t.jsonl"
	run --separate-stderr "$BIN/news-split" "$TMP/t.jsonl"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "a line cut in the middle of a record is reported, the others kept" {
	printf '{"id":"a","text":"One."}\n{"id":"b","te' >"$TMP/t.jsonl"
	run --separate-stderr "$BIN/news-split" "$TMP/t.jsonl"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$stderr" == "news-split: $TMP/t.jsonl:2: invalid JSON"* ]]
}

@test "empty input: no output, exit 0" {
	run --separate-stderr "$BIN/news-split" </dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$stderr" ]
}

@test "a missing file among good ones is reported and the others processed" {
	run --separate-stderr "$BIN/news-split" "$ROOT/samples/000_056ee4437d67911c.txt" "$TMP/nope.txt" \
		"$ROOT/samples/002_49f6b1fb6ad7bc29.txt"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "$stderr" == "news-split: cannot open '$TMP/nope.txt': No such file or directory" ]]
}

@test "a text file with invalid UTF-8 or a NUL byte is reported, not written" {
	printf 'Good start \xff bad.\n' >"$TMP/bad.txt"
	printf 'Nul \0 here.\n' >"$TMP/nul.txt"
	run --separate-stderr "$BIN/news-split" "$TMP/bad.txt" "$TMP/nul.txt" "$ROOT/samples/000_056ee4437d67911c.txt"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$stderr" == *"bad.txt:1: invalid UTF-8"* ]]
	[[ "$stderr" == *"nul.txt:1: NUL byte"* ]]
}

@test "a 100 MB line is processed whole" {
	[ -z "${NEWSPIPE_SANITIZED:-}" ] || skip "minutes under ASan: make soak runs it there (tests/long/)"
	# 45 characters a sentence (with its space), the last cut short: ceil(L / 45).
	yes 'This is one sentence of a very long article. ' | head -c 100000000 | tr -d '\n' >"$TMP/text"
	len=$(wc -c <"$TMP/text")
	want=$(( (len + 44) / 45 ))
	{
		printf '{"id":"big","text":"'
		cat "$TMP/text"
		printf '"}\n{"id":"after","text":"Still here."}\n'
	} >"$TMP/big.jsonl"
	run --separate-stderr "$BIN/news-split" "$TMP/big.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" | jq -c '[.id, (.text|length), (.sentences|length)]' >"$TMP/summary"
	[ "$(sed -n 1p "$TMP/summary")" = "[\"big\",$len,$want]" ]
	[ "$(sed -n 2p "$TMP/summary")" = '["after",11,1]' ]
}

@test "a write error on standard output is reported, exit 1" {
	run --separate-stderr "$BIN/news-split" "$ROOT"/samples/*.txt "$ROOT"/samples/*.txt ">/dev/full"
	run --separate-stderr sh -c '"$0" "$@" >/dev/full' "$BIN/news-split" "$ROOT"/samples/*.txt
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-split: write error on standard output: No space left on device" ]]
}

@test "a closed pipe ends it quietly (| head -1)" {
	for i in 1 2 3 4 5 6 7 8; do cat "$ROOT"/tests/fixtures/split/feed.csv; done >/dev/null
	run --separate-stderr sh -c '"$0" "$@" | head -1 >/dev/null; echo "${PIPESTATUS:-}"' \
		"$BIN/news-split" "$ROOT"/samples/*.txt "$ROOT"/samples/*.txt "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	run --separate-stderr bash -c 'yes "{\"text\":\"A line. Another.\"}" | head -200000 | "$0" | head -1 >/dev/null; echo "${PIPESTATUS[2]}"' "$BIN/news-split"
	[ -z "$stderr" ]
	[[ "$output" == 141 || "$output" == 0 ]]
}

@test "usage: --help on stdout exit 0, --version, bad option exit 2" {
	run --separate-stderr "$BIN/news-split" --help
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "usage: news-split "* ]]
	[ -z "$stderr" ]
	run --separate-stderr "$BIN/news-split" --version
	[ "$status" -eq 0 ]
	[[ "$output" == "news-split (newspipe) "* ]]
	run --separate-stderr "$BIN/news-split" --explode=word
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-split: invalid --explode 'word' (paragraph or sentence)"* ]]
	[[ "$stderr" == *"Try 'news-split --help'"* ]]
}

@test "--on-error=pass writes bad lines as they are; =fail stops at the first" {
	printf '{"id":"a","text":"One."}\nnot json\n{"id":"b","text":"Two."}\n' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-split" --on-error=pass "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[ "${lines[1]}" = "not json" ]
	[ "${#lines[@]}" -eq 3 ]
	run --separate-stderr "$BIN/news-split" --on-error=fail "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
}

@test "--stats counts records on stderr" {
	run --separate-stderr "$BIN/news-split" --stats "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ]
	[[ "$stderr" == "news-split: 5 records read, 5 written, 0 bad" ]]
}

@test "an id of the wrong type (null, 1.5) is replaced by a made one, also with --explode" {
	printf '{"id":null,"text":"One. Two."}\n{"id":1.5,"text":"Three."}\n' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-split" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "${lines[0]}" '.id == "in:1"'
	assert_json "${lines[1]}" '.id == "in:2"'
	run --separate-stderr "$BIN/news-split" --explode=sentence "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	assert_json "${lines[0]}" '.doc_id == "in:1" and .id == "in:1-s1"'
}

@test "CSV: a quoted field never closed is reported, the rows before it kept" {
	printf 'id,text\na,"Fine. Row."\nb,"Never closed.\nc,Swallowed.\n' >"$TMP/u.csv"
	run --separate-stderr "$BIN/news-split" "$TMP/u.csv"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
	assert_json "${lines[0]}" '.id == "a"'
	[[ "$stderr" == "news-split: $TMP/u.csv:3: invalid CSV: quoted field never closed"* ]]
}
