#!/usr/bin/env bats
# news-clean: boilerplate removal, metadata, normalization.

load helpers

# One record from a text file: {"id": ID, "text": <file>} (extra jq args add fields).
rec() {
	jq -Rsc --arg id "$1" '{id: $id, text: .}' "$2"
}

# A record whose text is the given lines, one a line.
lines_rec() {
	printf '%s\n' "$@" | jq -Rsc '{id: "t", text: (. | rtrimstr("\n"))}'
}

@test "news-clean: --help and --version" {
	run --separate-stderr "$BIN/news-clean" --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--keep"* ]]
	[[ "$output" == *"--explain"* ]]
	run --separate-stderr "$BIN/news-clean" --version
	[ "$status" -eq 0 ]
	[[ "$output" == "news-clean (newspipe) "* ]]
}

@test "news-clean: bad usage exits 2" {
	run --separate-stderr "$BIN/news-clean" --keep=nonsense </dev/null
	[ "$status" -eq 2 ]
	[[ "$stderr" == "news-clean: unknown name 'nonsense' in --keep (ads, social, "* ]] || fail "$stderr"
	run --separate-stderr "$BIN/news-clean" --lang=../x </dev/null
	[ "$status" -eq 2 ]
}

@test "news-clean: page chrome of every category is removed, body kept" {
	rec page "$ROOT/tests/fixtures/clean/page.txt" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" --explain "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	# Body paragraphs, the subheading and the chrome-looking sentence stay.
	assert_json "$output" '.text | contains("The city reopened the Harbor Bridge")'
	assert_json "$output" '.text | contains("\nTraffic delays\n")'
	assert_json "$output" '.text | contains("Follow the money, he said.")'
	assert_json "$output" '.text | contains("The mayor said that the final cost")'
	# Every category of chrome is gone, with its reason.
	for cat in ads social subscribe cookies comments related credits captions bios copyright navigation titles bylines dates; do
		assert_json "$output" "[.removed[].reason | startswith(\"$cat:\")] | any"
	done
	for s in ADVERTISEMENT "Share this" "Follow us" newsletter cookies "Related articles" "Leave a Reply" "Getty" "©" "Daily Planet" "Lois Lane" "Cars and cyclists"; do
		assert_json "$output" ".text | contains(\"$s\") | not"
	done
	assert_json "$output" '.text | split("\n") | length == 6'
}

@test "news-clean: headline, authors and date become fields" {
	rec page "$ROOT/tests/fixtures/clean/page.txt" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.title == "Harbor Bridge Reopens After Two-Year Repair"'
	assert_json "$output" '.authors == ["Lois Lane", "Jimmy Olsen"]'
	assert_json "$output" '.published == "2025-03-03"'
	assert_json "$output" 'has("removed") | not'
}

@test "news-clean: fields the record has are not overwritten, its title line still leaves" {
	jq -Rsc '{id: "p", title: "Harbor Bridge Reopens After Two-Year Repair", published: "2025-03-04", text: .}' \
		"$ROOT/tests/fixtures/clean/page.txt" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.published == "2025-03-04"'
	assert_json "$output" '.title == "Harbor Bridge Reopens After Two-Year Repair"'
	assert_json "$output" '.text | contains("Harbor Bridge Reopens") | not'
	# Key order: existing fields first, in their order.
	assert_json "$output" 'keys_unsorted[0:4] == ["id", "title", "published", "text"]'
}

@test "news-clean: --keep keeps categories in the text" {
	rec page "$ROOT/tests/fixtures/clean/page.txt" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" --keep=ads,credits "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.text | contains("ADVERTISEMENT")'
	assert_json "$output" '.text | contains("Photo: John Smith/Getty Images")'
	assert_json "$output" '.text | contains("Share this") | not'
}

@test "news-clean: a page without boilerplate is unchanged" {
	rec plain "$ROOT/tests/fixtures/clean/plain.txt" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" --explain "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	want=$(jq -r '.text | rtrimstr("\n")' "$TMP/in.jsonl")
	[ "$(printf '%s\n' "$output" | jq -r .text)" = "$want" ]
	assert_json "$output" '.removed == []'
	assert_json "$output" 'has("title") or has("authors") or has("published") | not'
}

@test "news-clean: normalization (entities, tags, mojibake, spaces, invisible characters, NFC)" {
	printf '%s\n' '{"id":"n","text":"Caf\u0065\u0301 owners said \u00e2\u20ac\u0153no\u00e2\u20ac\u009d to the plan &amp; the <b>new</b> tax, which they\u00e2\u20ac\u2122ll fight\u00a0in   court, she said.\u200b\u00ad \n\n  It\u2019s &#8220;unfair&#8221;, the owners of the small shops and cafes in the old town told the city council on Monday."}' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.text == "Café owners said “no” to the plan & the new tax, which they’ll fight in court, she said.\nIt’s “unfair”, the owners of the small shops and cafes in the old town told the city council on Monday."'
}

@test "news-clean: all boilerplate gives empty text and a warning, record kept" {
	lines_rec "ADVERTISEMENT" "Share this article" "Sign up for our newsletter" "© 2025 Example News" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.id == "t" and .text == ""'
	[[ "$stderr" == "news-clean: $TMP/in.jsonl:1: "*"boilerplate"* ]]
}

@test "news-clean: a short item with no long paragraph (a brief, an earnings table) is kept whole" {
	# With no body line by length, there is nothing to contrast short lines
	# with: only lines with evident boilerplate go, and no line is taken
	# for a headline by its place.
	lines_rec "Shr 34 cts vs 1.19 dlrs" "Net 807,000 vs 2,858,000" "Revs 510.2 mln vs 479.7 mln" >"$TMP/table.jsonl"
	lines_rec "Police closed the bridge on Monday." "Share this article" >"$TMP/brief.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/table.jsonl" "$TMP/brief.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | jq -r .text | head -3)" = "$(printf '%s\n' "Shr 34 cts vs 1.19 dlrs" "Net 807,000 vs 2,858,000" "Revs 510.2 mln vs 479.7 mln")" ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(has("title")) | .title')" = "" ]
	[ "$(printf '%s\n' "$output" | sed -n 2p | jq -r .text)" = "Police closed the bridge on Monday." ]
}

@test "news-clean: a page with no article (a menu, teasers) stays empty, in any language" {
	# Without a body line, lines are judged by shape: sentences and rows
	# of figures are body; menu words and headline-like lines are not,
	# whether or not the lexicon knows them.
	lines_rec Startseite Politik Wirtschaft Kultur Anmelden Abonnieren Kommentare Impressum Kontakt >"$TMP/menu.jsonl"
	lines_rec "Latest news" "PM announces snap election" "Oil prices jump after OPEC cut" "Most read" "Log in" >"$TMP/teasers.jsonl"
	lines_rec Teilen "Die Stadt hat am Montag die Brücke nach dem Sturm gesperrt." \
		"Der Bürgermeister sagte, sie werde bald wieder geöffnet." Kommentare Impressum Datenschutz Kontakt >"$TMP/short.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/menu.jsonl" "$TMP/teasers.jsonl" "$TMP/short.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -c .text)" = "$(printf '%s\n' '""' '""' \
		'"Die Stadt hat am Montag die Brücke nach dem Sturm gesperrt.\nDer Bürgermeister sagte, sie werde bald wieder geöffnet."')" ]
}

@test "news-clean: paragraphs and sentences are re-segmented, old offsets dropped" {
	rec page "$ROOT/tests/fixtures/clean/page.txt" | jq -c '. + {entities: [{text: "x", start: 0, end: 1}], quotes: []}' |
		"$BIN/news-split" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" 'has("entities") or has("quotes") | not'
	assert_json "$output" '.paragraphs | length == 6'
	# Every span is inside the new text and starts a non-space character.
	assert_json "$output" '. as $r | [.sentences[] | .[1] <= ($r.text | length)] | all'
	assert_json "$output" '. as $r | .paragraphs[0] == [0, ($r.text | split("\n")[0] | length)]'
}

@test "news-clean: -f picks the field" {
	jq -Rsc '{id: "b", body: .}' "$ROOT/tests/fixtures/clean/page.txt" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" -f body "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.body | contains("ADVERTISEMENT") | not'
	assert_json "$output" 'has("text") | not'
}

@test "news-clean: a missing language is an error naming the file" {
	run --separate-stderr "$BIN/news-clean" --lang=xx </dev/null
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"clean/xx/boilerplate.txt"* ]]
}

@test "news-clean: bad input" {
	check_bad_input news-clean
}

@test "news-clean: seeds keep every body line (needs ../shared)" {
	[ -f "$SHARED/data/clean/seeds-boilerplate-categories.json" ] || skip "no ../shared/data/clean"
	"$BIN/news-split" "$ROOT"/samples/*.txt | "$BIN/news-clean" --explain >"$TMP/out.jsonl"
	run python3 "$ROOT/eval/score_clean.py" seeds "$SHARED/data/clean/seeds-boilerplate-categories.json" "$TMP/out.jsonl" "$ROOT/samples"
	[ "$status" -eq 0 ]
	[[ "$output" == *"body lines lost 0/"* ]]
}

@test "news-clean: conformance" {
	[ -f "$SHARED/conformance.py" ] || skip "no ../shared/conformance.py"
	run python3 "$SHARED/conformance.py" "$BIN/news-clean"
	[ "$status" -eq 0 ]
	[[ "$output" == *" 0 failed"* ]]
}

@test "empty lexicon files are read as empty lists, not past their end" {
	# A list meant to be empty says so (a file of zero bytes is an error: tests/stream.bats).
	mkdir "$TMP/lex"
	for f in "$ROOT"/data/clean/en/*; do printf '# empty\n' >"$TMP/lex/${f##*/}"; done
	printf '{"id":"a","text":"The council met on Monday and agreed the budget for next year after a long debate."}\n' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" --lexicon "$TMP/lex" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.id == "a"'
}

@test "offset annotations of the old text are dropped: entities, quotes, summary" {
	printf '%s\n' '{"id":"o","text":"ADVERTISEMENT\nA body line that is long enough to be the article, he said on Monday.","entities":[{"text":"x","start":0,"end":1}],"quotes":[],"summary":"A body line.","summary_sentences":[{"id":"o","start":14,"end":30}]}' >"$TMP/o.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/o.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '(has("entities") or has("quotes") or has("summary") or has("summary_sentences")) | not'
}
