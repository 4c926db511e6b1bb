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

@test "news-clean: a one-line text, or a short sentence among short lines, is kept" {
	# Nothing to contrast it with, and a sentence mark is no menu's.
	printf '%s\n' '{"id":"a","text":"Still here."}' '{"id":"b","text":"Yes."}' >"$TMP/one.jsonl"
	lines_rec "Markets" "Stocks fell." "Oil rose." >"$TMP/two.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/one.jsonl" "$TMP/two.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ] || fail "$stderr"
	[ "$(printf '%s\n' "$output" | jq -c .text)" = "$(printf '%s\n' '"Still here."' '"Yes."' '"Stocks fell.\nOil rose."')" ]
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

# --- web pages -----------------------------------------------------------

# A record {"id": ID, "html": <file>}.
page_rec() {
	jq -Rsc --arg id "$1" '{id: $id, html: .}' "$2"
}

@test "news-clean: a web page in the html field gives its article, one paragraph a line" {
	page_rec p "$ROOT/tests/fixtures/clean/page.html" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	# Paragraphs, the subheading, the list and the quote, in order; nothing else.
	printf '%s\n' "$output" | jq -r .text >"$TMP/text"
	cat >"$TMP/want" <<'TEXT'
The city reopened the Harbor Bridge on Monday after a two-year repair that cost far more than planned, and the first cars crossed just after dawn.
Engineers replaced the steel deck, repainted the towers and added a lane for cyclists, the transport department said in a statement.
Traffic delays
Commuters should expect delays this week while crews finish work on the approach ramps, officials said.
The north ramp opens on Wednesday.
The south ramp opens next month.
"We are proud of the work and grateful for the city's patience," the chief engineer said.
Follow the money, he said.
The mayor said that the final cost would be published next month, once the last invoices have been checked by the auditors.
TEXT
	diff "$TMP/want" "$TMP/text"
	assert_json "$output" 'has("html") | not'
}

@test "news-clean: metadata from the page, most precise source first; the record's own fields kept" {
	page_rec p "$ROOT/tests/fixtures/clean/page.html" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.title == "Harbor Bridge Reopens After Two-Year Repair"'
	assert_json "$output" '.authors == ["Lois Lane", "Jimmy Olsen"]'
	assert_json "$output" '.published == "2025-03-03T09:30:00-05:00"'
	assert_json "$output" '.url == "https://planet.example/city/harbor-bridge"'
	assert_json "$output" '.site == "The Daily Planet"'
	assert_json "$output" '.lang == "en-US"'
	# Without JSON-LD: Open Graph and <meta> tags.
	sed '/application\/ld+json/,/<\/script>/d' "$ROOT/tests/fixtures/clean/page.html" >"$TMP/nold.html"
	page_rec q "$TMP/nold.html" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	assert_json "$output" '.title == "Harbor Bridge reopens (og)" and .authors == ["Meta Author"]'
	assert_json "$output" '.published == "2025-03-03T08:00:00Z"'
	# Without them either: the article's h1, the byline's links, <time>.
	grep -v 'og:title\|name="author"\|published_time' "$TMP/nold.html" >"$TMP/bare.html"
	page_rec r "$TMP/bare.html" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	assert_json "$output" '.title == "Harbor Bridge Reopens After Two-Year Repair"'
	assert_json "$output" '.authors == ["Lois Lane", "Jimmy Olsen"] and .published == "2025-03-03T09:30:00-05:00"'
	# Dates as pages write them (common/date), a placeholder year refused.
	printf '%s\n' '{"id":"d1","html":"<html><head><meta property=\"article:published\" itemprop=\"datePublished dateCreated\" content=\"2019-11-19T11:00:09.000Z\"></head><body><p>Text.</p></body></html>"}' \
		'{"id":"d2","html":"<html><body><span class=\"storyDate\">Posted: Nov 20, 2019 01:38 pm</span><p>Text.</p></body></html>"}' \
		'{"id":"d3","html":"<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\"></head><body><p>Text.</p></body></html>"}' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$(printf '%s\n' "$output" | jq -r .published | tr '\n' ' ')" = "2019-11-19T11:00:09Z 2019-11-20T13:38:00 null " ]
	# A field the record has is kept as it is.
	jq -Rsc '{id: "s", title: "Our title", published: "2025-01-01", html: .}' "$ROOT/tests/fixtures/clean/page.html" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	assert_json "$output" '.title == "Our title" and .published == "2025-01-01"'
	assert_json "$output" 'keys_unsorted[0:3] == ["id", "title", "published"]'
}

@test "news-clean: --keep-html keeps the page; --explain says what was removed and why, by source line" {
	page_rec p "$ROOT/tests/fixtures/clean/page.html" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" --keep-html --explain "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" ".html == $(jq -Rs . "$ROOT/tests/fixtures/clean/page.html")"
	assert_json "$output" '[.removed[] | select(.text == "Tunnel closes for a week of repairs") | .reason] == ["furniture: inside <aside class=\"related-links\">"]'
	assert_json "$output" '[.removed[] | select(.text == "Advertisement")] == [{"line": 43, "text": "Advertisement", "reason": "furniture: inside <div class=\"ad-slot\">"}]'
	assert_json "$output" '[.removed[] | select(.text | startswith("Finally!")) | .reason] == ["outside the article"]'
	# The line rules' second pass over the article, by the same source lines.
	assert_json "$output" '[.removed[] | select(.text == "Story continues below")] == [{"line": 55, "text": "Story continues below", "reason": "ads: lexicon '"'"'story continues below'"'"'"}]'
	# Text a reader never sees is not text that was removed.
	assert_json "$output" '[.removed[] | select(.text | test("Template|hidden paragraph|dataLayer|enable JavaScript"))] == []'
}

@test "news-clean: a text field that is an HTML document is read as a page" {
	jq -Rsc '{id: "t", text: ("\n  " + .)}' "$ROOT/tests/fixtures/clean/page.html" >"$TMP/in.jsonl"
	printf '%s\n' '{"id":"f","text":"<p>The council met on <b>Monday</b> and agreed the budget for next year after a long debate.</p>"}' >>"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | head -1 | jq -r '.text | split("\n") | length')" = 9 ]
	assert_json "$(printf '%s\n' "$output" | head -1)" '.title == "Harbor Bridge Reopens After Two-Year Repair"'
	# A fragment is text with tags, as before.
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.text == "The council met on Monday and agreed the budget for next year after a long debate."'
}

@test "news-clean: a page in another language keeps its article" {
	cat >"$TMP/de.html" <<'HTML'
<html><head><title>Brücke wieder offen - Stadtanzeiger</title></head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>
<div class="inhalt"><h1>Brücke wieder offen</h1>
<p>Die Stadt hat am Montag die Hafenbrücke nach zwei Jahren Bauzeit wieder für den Verkehr freigegeben.</p>
<p>Die Ingenieure haben die Fahrbahn erneuert, die Türme gestrichen und eine Spur für Radfahrer angelegt.</p>
<p>Der Bürgermeister sagte, die Kosten würden im nächsten Monat veröffentlicht.</p></div>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>
HTML
	page_rec de "$TMP/de.html" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.text | split("\n") | length == 3'
	assert_json "$output" '.text | startswith("Die Stadt hat am Montag") and (contains("Impressum") | not)'
	assert_json "$output" '.title == "Brücke wieder offen"'
}

@test "news-clean: broken and hostile pages give a record or a message, every good record is written" {
	python3 - "$TMP/in.jsonl" <<'PY'
import json, random, sys
ok = "<html><body><p>The council met on Monday and agreed the budget for next year after a long debate.</p></body></html>"
random.seed(7)
junk = bytes(random.randrange(1, 256) for _ in range(20000)).decode("latin-1")
recs = [
    {"id": "unclosed", "html": "<html><body><div><p>The first paragraph of a story that never closes its tags <b>bold <i>and italic<p>The second paragraph follows without a single closing tag in sight"},
    {"id": "deep", "html": "<html><body>" + "<div>" * 100000 + "<p>Deep inside the nesting there is still a sentence worth reading here.</p>" + "</div>" * 100000 + "<p>After the nesting comes the rest of the story, which is not lost.</p></body></html>"},
    {"id": "junk", "html": junk},
    {"id": "plain", "html": "Just plain text, no markup at all. It is still an article of sorts, and it stays."},
    {"id": "empty", "html": ""},
    {"id": "number", "html": 5},
    {"id": "scripts", "html": "<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>"},
    {"id": "good", "html": ok},
]
with open(sys.argv[1], "w") as f:
    for r in recs:
        f.write(json.dumps(r) + "\n")
PY
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -r .id | tr '\n' ' ')" = "unclosed deep junk plain empty scripts good " ]
	assert_json "$(printf '%s\n' "$output" | sed -n 1p)" '.text | contains("never closes its tags bold and italic") and contains("The second paragraph")'
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.text | contains("Deep inside the nesting") and contains("After the nesting")'
	assert_json "$(printf '%s\n' "$output" | sed -n 4p)" '.text == "Just plain text, no markup at all. It is still an article of sorts, and it stays."'
	assert_json "$(printf '%s\n' "$output" | sed -n 5p)" '.text == "" and (has("html") | not)'
	assert_json "$(printf '%s\n' "$output" | sed -n 7p)" '.text == "The council met on Monday and agreed the budget for next year after a long debate."'
	[[ "$stderr" == *"news-clean: $TMP/in.jsonl:5: field 'html' is empty: empty text"* ]] || fail "$stderr"
	[[ "$stderr" == *"news-clean: $TMP/in.jsonl:6: field 'html' is not a string"* ]] || fail "$stderr"
	[[ "$stderr" == *"news-clean: $TMP/in.jsonl:7: the page has no text: empty text"* ]] || fail "$stderr"
}

@test "news-clean: a page over 64 MB is refused with a message, the next record is written" {
	{
		printf '{"id":"huge","html":"<p>'
		head -c $((70 << 20)) /dev/zero | tr '\0' w
		printf '</p>"}\n{"id":"next","html":"<p>The council met on Monday and agreed the budget for next year.</p>"}\n'
	} >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-clean: $TMP/in.jsonl:1: the page has 70 MB, more than the 64 MB news-clean reads" ]
	assert_json "$output" '.id == "next"'
}

@test "news-clean: the README's example, news-split page.html | news-clean, gives the article" {
	# news-split gives {"id","html"} for an HTML file (or, before it knew
	# HTML, the page as text): either way news-clean reads it as a page.
	cp "$ROOT/tests/fixtures/clean/page.html" "$TMP/page.html"
	run --separate-stderr sh -c '"$1" "$2" | "$3" | jq -c "{title, authors, published, site, text}"' sh \
		"$BIN/news-split" "$TMP/page.html" "$BIN/news-clean"
	[ "$status" -eq 0 ]
	assert_json "$output" '.title == "Harbor Bridge Reopens After Two-Year Repair" and .site == "The Daily Planet"'
	assert_json "$output" '.text | startswith("The city reopened the Harbor Bridge on Monday")'
	assert_json "$output" '.text | contains("Related articles") or contains("<p>") | not'
}

@test "news-clean: teasers are told by their shape, a widget beside a short article by its name, a tweet is kept" {
	cat >"$TMP/t.html" <<'HTML'
<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><h1>Floods hit the north</h1>
<div class="txt"><p>Heavy rain caused floods across the north of the country on Sunday, closing roads and forcing hundreds of people from their homes.</p>
<div class="post-widget post-tweet"><blockquote><p>The river is higher than I have ever seen it, and still rising this morning.</p>— A resident (@resident) May 5, 2025</blockquote></div>
<p>More rain is forecast for Tuesday, and the agency has issued severe warnings for three rivers in the region.</p></div></main>
<div class="more"><div><a href="/a">Election results delayed in the south after a recount</a><p>Officials said the count would resume on Monday after complaints from two parties about the ballots.</p></div>
<div><a href="/b">Talks resume on the trade deal</a><p>Negotiators met in Geneva for the first time since the summer break to discuss tariffs.</p></div></div>
</body></html>
HTML
	cat >"$TMP/w.html" <<'HTML'
<html><body><div class="page"><div class="content"><h1>Minister resigns</h1><p>The transport minister resigned on Friday, the government said.</p></div>
<div class="widget-area"><h3>About this site</h3><p>We are an independent news site founded in 2010 by a group of journalists who believe in local reporting, open data and the right of every citizen to know what their council is doing with their money.</p><p>Our reporters cover the city, the county and the region, and we publish every weekday morning with a digest of the news you need to start your day.</p></div></div></body></html>
HTML
	{ page_rec t "$TMP/t.html"; page_rec w "$TMP/w.html"; } >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-clean" --explain "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$(printf '%s\n' "$output" | sed -n 1p)" '.text | split("\n") == ["Heavy rain caused floods across the north of the country on Sunday, closing roads and forcing hundreds of people from their homes.", "The river is higher than I have ever seen it, and still rising this morning.", "— A resident (@resident) May 5, 2025", "More rain is forecast for Tuesday, and the agency has issued severe warnings for three rivers in the region."]'
	assert_json "$(printf '%s\n' "$output" | sed -n 1p)" '[.removed[] | select(.text | startswith("Officials said"))] | length == 1'
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.text == "The transport minister resigned on Friday, the government said."'
}
