#!/usr/bin/env bats
# news-split on RSS, RDF and Atom feeds and on HTML files: the records,
# their fields, and bad input (ill-formed, truncated, not XML, entity
# bombs, a 100 MB item).

load helpers

F=$BATS_TEST_DIRNAME/fixtures/feeds

@test "RSS 2.0: one record per item with its fields; the feed object on each" {
	run --separate-stderr "$BIN/news-split" --url https://news.example.com/feeds/main.rss "$F/rss2.rss"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(count_lines "$output")" -eq 3 ]
	first=$(printf '%s\n' "$output" | head -1)
	assert_json "$first" '.id == "tag:news.example.com,2024:1"'
	assert_json "$first" '.url == "https://news.example.com/2024/03/first.html"'
	assert_json "$first" '.title == "First story: caf\u00e9 & more"'
	assert_json "$first" '.published == "2024-03-01T17:30:00Z"'
	assert_json "$first" '.authors == ["Jo Bloggs", "Sam Roe"]'
	assert_json "$first" '.categories == ["World", "Politics"]'
	assert_json "$first" '.enclosures == [{"url":"https://news.example.com/audio/1.mp3","type":"audio/mpeg","length":1234}]'
	assert_json "$first" '.summary == "A short summary of the first story."'
	assert_json "$first" '.html == "<p>The full <b>story</b>.</p><p>Second paragraph.</p>"'
	assert_json "$first" '.feed == {"title":"Example News","url":"https://news.example.com/","summary":"All the news, daily.","authors":["Desk Editor"],"updated":"2024-03-01T18:00:00Z"}'
	assert_json "$first" '.source | endswith("rss2.rss")'
	assert_json "$first" 'has("text") | not'
	# The feed object is the same on every item.
	[ "$(printf '%s\n' "$output" | jq -c .feed | sort -u | wc -l)" -eq 1 ]
	# A plain-text body is the record's text, split like any article.
	second=$(printf '%s\n' "$output" | sed -n 2p)
	assert_json "$second" '.text == "Plain text only. It has two sentences."'
	assert_json "$second" '.sentences == [[0,16],[17,38]]'
	assert_json "$second" '.url == "https://news.example.com/2" and .id == "https://news.example.com/2"'
	# No link, no guid: a stable hash of the item.
	third=$(printf '%s\n' "$output" | sed -n 3p)
	assert_json "$third" '.id | test("^doc-[0-9a-f]{16}$")'
}

@test "a feed is recognised by content: another extension, standard input, gzip, --format rss" {
	"$BIN/news-split" "$F/rss2.rss" | jq -c 'del(.source)' >"$TMP/want"
	cp "$F/rss2.rss" "$TMP/feed.xml"
	"$BIN/news-split" "$TMP/feed.xml" | jq -c 'del(.source)' >"$TMP/xml"
	cmp "$TMP/want" "$TMP/xml"
	"$BIN/news-split" <"$F/rss2.rss" >"$TMP/stdin"
	cmp "$TMP/want" "$TMP/stdin"
	gzip -c "$F/rss2.rss" >"$TMP/feed.gz"
	"$BIN/news-split" --format=rss "$TMP/feed.gz" | jq -c 'del(.source)' >"$TMP/gz"
	cmp "$TMP/want" "$TMP/gz"
	# Read again: the same bytes (stable ids included).
	"$BIN/news-split" <"$F/rss2.rss" | cmp - "$TMP/stdin"
}

@test "a feed on a pipe is recognised when its root element comes after a pause" {
	"$BIN/news-split" <"$F/rss2.rss" >"$TMP/want"
	# The XML declaration arrives first, the rest later: a first line alone
	# does not tell a feed from text.
	{ head -1 "$F/rss2.rss"; sleep 0.3; tail -n +2 "$F/rss2.rss"; } | "$BIN/news-split" >"$TMP/slow"
	cmp "$TMP/want" "$TMP/slow"
}

@test "-u: a feed on a pipe that stays open gives each item at its end tag" {
	mkfifo "$TMP/in"
	"$BIN/news-split" -u "$TMP/in" >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	exec 8>"$TMP/in"
	# A few hundred bytes, far less than any read-ahead block.
	printf '%s\n' '<?xml version="1.0"?>' '<rss version="2.0"><channel><title>Live</title>' \
		'<item><title>One</title><link>https://example.com/1</link><description>First item.</description></item>' >&8
	for _ in $(seq 200); do [ -s "$TMP/out" ] && break; sleep 0.05; done
	[ "$(jq -r .title "$TMP/out")" = One ] || { kill "$pid"; fail "nothing written while the feed is open: $(cat "$TMP/err")"; }
	printf '%s\n' '<item><title>Two</title><link>https://example.com/2</link></item></channel></rss>' >&8
	exec 8>&-
	wait "$pid"
	[ "$(jq -r .title "$TMP/out" | tr '\n' ' ')" = "One Two " ]
}

@test "Atom 1.0: xml:base, text/html/xhtml constructs, people, dates" {
	run --separate-stderr "$BIN/news-split" "$F/atom10.atom"
	[ "$status" -eq 0 ]
	[ "$(count_lines "$output")" -eq 2 ]
	first=$(printf '%s\n' "$output" | head -1)
	assert_json "$first" '.id == "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6"'
	assert_json "$first" '.url == "http://example.org/2003/12/13/atom03.html"'
	assert_json "$first" '.title == "Atom <draft> & co"'
	assert_json "$first" '.updated == "2003-12-13T18:30:02Z" and .published == "2003-12-13T08:29:29Z"'
	assert_json "$first" '.authors == ["Mark Pilgrim"]'
	assert_json "$first" '.categories == ["Technology"]'
	assert_json "$first" '.summary == "Some text, in bold."'
	assert_json "$first" '.html == "<p>An <em>xhtml</em> body<br> with <a href=\"/x\">a link</a>.</p>"'
	assert_json "$first" '.enclosures[0].url == "http://example.org/media/a.ogg"'
	assert_json "$first" '.feed.title == "dive into mark" and .feed.id == "tag:example.org,2003:3"'
	assert_json "$first" '.feed.url == "http://example.org/" and .feed.updated == "2005-07-31T12:29:29Z"'
	second=$(printf '%s\n' "$output" | sed -n 2p)
	assert_json "$second" '.title == "Second" and .text == "Plain text content." and .url == "http://example.org/blog/second"'
}

@test "RSS 1.0 (RDF) and Atom 0.3" {
	run --separate-stderr "$BIN/news-split" "$F/rss1.rdf" "$F/atom03.xml"
	[ "$status" -eq 0 ]
	[ "$(count_lines "$output")" -eq 2 ]
	first=$(printf '%s\n' "$output" | head -1)
	assert_json "$first" '.id == "http://example.com/1" and .url == "http://example.com/1"'
	assert_json "$first" '.title == "RDF item" and .summary == "About RDF." and .authors == ["Ann Author"]'
	assert_json "$first" '.published == "2003-12-31T10:14:55Z" and .feed.title == "RDF feed"'
	second=$(printf '%s\n' "$output" | sed -n 2p)
	assert_json "$second" '.title == "Atom 0.3 entry" and .published == "2004-01-01T19:48:21Z"'
	assert_json "$second" '.html == "<p>Escaped <b>HTML</b></p>" and .summary == "Base64 Atom"'
}

@test "ill-formed feeds give their items: HTML entities, bad nesting, a bare &, with a notice" {
	run --separate-stderr "$BIN/news-split" "$F/illformed.rss"
	[ "$status" -eq 0 ]
	[ "$(count_lines "$output")" -eq 3 ]
	printf '%s\n' "$stderr" | grep -q "^news-split: $F/illformed.rss:[0-9]*: ill-formed XML, recovered: " ||
		fail "no notice: $stderr"
	assert_json "$(printf '%s\n' "$output" | head -1)" '.title == "Caf\u00e9 \u2014 na\u00efve"'
	assert_json "$(printf '%s\n' "$output" | head -1)" '.url == "http://example.com/?a=1&b=2"'
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.title == "Second & bold"'
	assert_json "$(printf '%s\n' "$output" | sed -n 3p)" '.title == "Third \u00a9 &unknown;"'
}

@test "a feed that is not UTF-8 and declares nothing is read as windows-1252, its undefined bytes as U+FFFD" {
	# 0x9d is a byte windows-1252 leaves undefined: every item is still written.
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n<item><title>Caf\351 \x9d \223q\224</title></item>\n<item><title>Two</title></item>\n</channel></rss>\n' >"$TMP/cp1252.rss"
	run --separate-stderr "$BIN/news-split" "$TMP/cp1252.rss"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -r .title | tr '\n' '|')" = "$(printf 'Caf\303\251 \357\277\275 \342\200\234q\342\200\235|Two|')" ] || fail "$output"
	[ "$stderr" = "news-split: $TMP/cp1252.rss:1: ill-formed XML, recovered: not UTF-8 and no encoding declared: read as windows-1252" ] ||
		fail "$stderr"
}

@test "a feed ASCII for its first blocks and windows-1252 after is read as windows-1252 from there" {
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n'
		awk 'BEGIN { for (i = 0; i < 400; i++) { printf "<item><title>item %d</title><description>", i
			for (j = 0; j < 200; j++) printf "word "
			print "</description></item>" } }'
		printf '<item><title>late caf\351 \222q\222</title></item>\n<item><title>after</title></item></channel></rss>\n'
	} >"$TMP/late.rss"
	[ "$(stat -c %s "$TMP/late.rss")" -gt 262144 ]
	run --separate-stderr "$BIN/news-split" "$TMP/late.rss"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | tail -2 | jq -r .title | tr '\n' '|')" = "$(printf 'late caf\303\251 \342\200\231q\342\200\231|after|')" ] || fail "$(printf '%s\n' "$output" | tail -2)"
	[ "$stderr" = "news-split: $TMP/late.rss:1: ill-formed XML, recovered: not UTF-8 and no encoding declared: read as windows-1252" ] || fail "$stderr"
}

@test "a feed libxml2 cannot read on (a byte its declared encoding lacks) fails in our words, never silently" {
	printf '<?xml version="1.0" encoding="windows-1252"?>\n<rss version="2.0"><channel><title>T</title><item><title>One</title></item>\n\x9d\n<item><title>Two</title></item></channel></rss>\n' >"$TMP/between.rss"
	run --separate-stderr "$BIN/news-split" "$TMP/between.rss"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -r .title)" = One ]
	[[ "$stderr" == "news-split: $TMP/between.rss:"[0-9]*": the XML cannot be read on: input conversion failed"*"; the rest is not read" ]] ||
		fail "$stderr"
	printf '<?xml version="1.0" encoding="windows-1252"?>\n<rss version="2.0"><channel><title>T</title>\n<item><title>One \x9d</title></item></channel></rss>\n' >"$TMP/inside.rss"
	run --separate-stderr "$BIN/news-split" "$TMP/inside.rss"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-split: $TMP/inside.rss:"[0-9]*": the XML cannot be read on: "*"; the item from line 3 and the rest are not written" ]] ||
		fail "$stderr"
}

@test "a feed of ever new element names is stopped at 100,000 names, its items before written" {
	# libxml2 keeps every name for the whole parse, in a table that degrades: memory and time without bound.
	awk 'BEGIN { print "<rss version=\"2.0\"><channel><title>T</title>"
		for (i = 0; i < 2500; i++) { printf "<item><title>t%d</title>", i
			for (j = 0; j < 50; j++) printf "<u%d/>", i * 50 + j
			print "</item>" }
		print "</channel></rss>" }' >"$TMP/names.rss"
	run --separate-stderr "$BIN/news-split" "$TMP/names.rss"
	[ "$status" -eq 1 ]
	n=$(count_lines "$output")
	[ "$n" -gt 1900 ] && [ "$n" -lt 2500 ] || fail "$n items written"
	[[ "$stderr" == "news-split: $TMP/names.rss:"[0-9]*": the XML cannot be read on: more than 100000 distinct names of elements, attributes and entities; the item from line "[0-9]*" and the rest are not written" ]] ||
		fail "$stderr"
}

@test "a feed with no items gives no record, and --stats says so" {
	printf '<rss version="2.0"><channel><title>Quiet</title></channel></rss>\n' >"$TMP/empty.rss"
	run --separate-stderr "$BIN/news-split" --stats "$TMP/empty.rss"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	printf '%s\n' "$stderr" | grep -q "^news-split: $TMP/empty.rss: a feed with no items$" || fail "$stderr"
}

@test "--feed-info: one record per feed, its feed object and number of items" {
	run --separate-stderr "$BIN/news-split" --feed-info "$F/rss2.rss" "$F/atom10.atom"
	[ "$status" -eq 0 ]
	[ "$(count_lines "$output")" -eq 2 ]
	assert_json "$(printf '%s\n' "$output" | head -1)" '.id == "https://news.example.com/" and .items == 3 and .feed.title == "Example News"'
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.id == "tag:example.org,2003:3" and .items == 2'
	# The same feed object as on the items.
	[ "$("$BIN/news-split" "$F/rss2.rss" | head -1 | jq -c .feed)" = "$(printf '%s\n' "$output" | head -1 | jq -c .feed)" ]
}

@test "bad input: not XML, not a feed, a truncated feed" {
	printf 'just some text, not XML\n' >"$TMP/text.txt"
	run --separate-stderr "$BIN/news-split" --format=rss "$TMP/text.txt"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	printf '%s\n' "$stderr" | grep -q "^news-split: $TMP/text.txt:1: not a feed" || fail "$stderr"
	printf '<html><body>a page</body></html>\n' >"$TMP/page.xml"
	run --separate-stderr "$BIN/news-split" --format=atom "$TMP/page.xml"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	printf '%s\n' "$stderr" | grep -q "not a feed: the document is <html>" || fail "$stderr"
	# Cut in the middle of the third item: the first two are written.
	head -c "$(($(grep -b -o '<item><title>Three' "$F/many.rss" | cut -d: -f1) + 30))" "$F/many.rss" >"$TMP/cut.rss"
	run --separate-stderr "$BIN/news-split" "$TMP/cut.rss"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -r .title | tr '\n' ' ')" = "One Two " ]
	printf '%s\n' "$stderr" | grep -q "^news-split: $TMP/cut.rss:[0-9]*: truncated feed: the item starting here has no end, not written$" ||
		fail "$stderr"
}

@test "an entity bomb does not expand, an external entity is not read, a big entity is bounded" {
	run --separate-stderr timeout 60 "$BIN/news-split" "$F/lol.rss"
	[ "$status" -eq 1 ]
	[ "$(count_lines "$output")" -eq 2 ]
	[ "${#output}" -lt 2000 ]
	assert_json "$(printf '%s\n' "$output" | head -1)" '.title == "before after" and .summary == "tag:example.com,"'
	! printf '%s' "$output" | grep -q "$(hostname)" || fail "the external entity was read"
	printf '%s\n' "$stderr" | grep -q "entity 'lol9' not expanded" || fail "$stderr"
	# 3,000 references to a 1 KB entity: stopped at 1 MB of text.
	python3 -c "
print('<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"' + 'x' * 1000 + '\">]>')
print('<rss><channel><item><title>' + '&big;' * 3000 + '</title></item></channel></rss>')" >"$TMP/quad.rss"
	run --separate-stderr "$BIN/news-split" "$TMP/quad.rss"
	[ "$status" -eq 1 ]
	[ "${#output}" -lt 1100000 ]
	printf '%s\n' "$stderr" | grep -q "exceed 1048576 bytes" || fail "$stderr"
}

@test "a 100 MB item is written whole, and the items around it" {
	# 100 MB on the normal build; 10 MB under the sanitizers, which are slow.
	n=100000000
	[ -z "${NEWSPIPE_SANITIZED:-}" ] || n=10000000
	{
		printf '<rss><channel><title>Big</title><item><title>before</title></item><item><title>big</title>'
		printf '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>'
		head -c "$n" /dev/zero | tr '\0' '~'
		printf '</p>]]></content:encoded></item><item><title>after</title></item></channel></rss>\n'
	} >"$TMP/big.rss"
	"$BIN/news-split" "$TMP/big.rss" >"$TMP/out" 2>"$TMP/err"
	[ ! -s "$TMP/err" ]
	[ "$(wc -l <"$TMP/out")" -eq 3 ]
	[ "$(cut -d, -f2 "$TMP/out" | tr '\n' ' ')" = '"title":"before" "title":"big" "title":"after" ' ]
	# The body whole: "html":"<p>, n tildes, </p>".
	sed -n 2p "$TMP/out" >"$TMP/line"
	[ "$(tr -cd '~' <"$TMP/line" | wc -c)" -eq "$n" ]
	grep -Fq '"html":"<p>~~~~~~~~' "$TMP/line"
	grep -Fq '~~~~~~~~</p>"' "$TMP/line"
}

@test "a long feed's memory stays bounded: items held back, the white space and the channel's elements between them do not pile up" {
	[ -x "$ROOT/build/bench/rss" ] || skip "build/bench/rss not built"
	# items N: a feed of N short items, white space between them.
	items() {
		awk -v n="$1" 'BEGIN { print "<rss version=\"2.0\"><channel><title>T</title>"
			for (i = 0; i < n; i++) printf "    <item><title>t%d</title><link>http://x.example/%d</link></item>\n    ", i, i
			print "</channel></rss>" }'
	}
	items 100000 >"$TMP/a.rss"
	items 200000 >"$TMP/b.rss"
	peak() { "$ROOT/build/bench/rss" "$BIN/news-split" "$1" 2>&1 >/dev/null | sed -n 's/^rss: //p'; }
	a=$(peak "$TMP/a.rss")
	b=$(peak "$TMP/b.rss")
	# Twice the items, not more memory (a tenth for noise).
	[ "$b" -lt $((a + a / 10)) ] || fail "100,000 items: $a KiB, 200,000: $b KiB"
	# The same with an element of the channel's own after each item.
	owned() {
		awk -v n="$1" 'BEGIN { print "<rss version=\"2.0\"><channel><title>T</title>"
			for (i = 0; i < n; i++) printf "<item><title>t%d</title></item><cloud domain=\"x.example\" path=\"/rpc%d\"/>\n", i, i
			print "</channel></rss>" }'
	}
	owned 100000 >"$TMP/c.rss"
	owned 200000 >"$TMP/d.rss"
	c=$(peak "$TMP/c.rss")
	d=$(peak "$TMP/d.rss")
	[ "$d" -lt $((c + c / 10)) ] || fail "100,000 items and elements: $c KiB, 200,000: $d KiB"
}

@test "--max-record-bytes: a longer item is skipped; one that never ends is not held on" {
	long=$(head -c 3000 /dev/zero | tr '\0' x)
	printf '<rss version="2.0"><channel><title>T</title>\n<item><title>One</title></item>\n<item><title>Two</title><description>%s</description></item>\n<item><title>Three</title></item></channel></rss>\n' "$long" >"$TMP/long.rss"
	run --separate-stderr "$BIN/news-split" --max-record-bytes 1000 "$TMP/long.rss"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -r .title | tr '\n' ' ')" = "One Three " ]
	[ "$stderr" = "news-split: $TMP/long.rss:3: an item of 3053 bytes is longer than --max-record-bytes (1000): skipped" ] || fail "$stderr"
	# An item still open after a block (256 KiB) past the bound: reading stops there.
	{
		printf '<rss version="2.0"><channel><title>T</title>\n<item><title>One</title></item>\n<item><title>Two</title><description>'
		head -c 3000000 /dev/zero | tr '\0' y
	} >"$TMP/endless.rss"
	run --separate-stderr "$BIN/news-split" --max-record-bytes 100K "$TMP/endless.rss"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -r .title)" = One ]
	[ "$stderr" = "news-split: $TMP/endless.rss:3: the XML cannot be read on: an item longer than --max-record-bytes (102400 bytes); the item from line 3 and the rest are not written" ] ||
		fail "$stderr"
}

@test "an item of 200,000 categories and 100,000 enclosures is read, each kept once, without a quadratic hang" {
	awk 'BEGIN { printf "<rss version=\"2.0\"><channel><title>T</title><item><title>x</title>"
		for (i = 0; i < 200000; i++) printf "<category>c%d</category>", i % 150000
		for (i = 0; i < 100000; i++) printf "<enclosure url=\"http://x.example/%d\" length=\"5\"/>", i % 75000
		print "</item></channel></rss>" }' >"$TMP/cats.rss"
	run --separate-stderr timeout 60 "$BIN/news-split" "$TMP/cats.rss"
	[ "$status" -eq 0 ] || fail "exit $status"
	assert_json "$output" '(.categories | length) == 150000 and .categories[149999] == "c149999"'
	assert_json "$output" '(.enclosures | length) == 75000 and .enclosures[74999].url == "http://x.example/74999"'
}

@test "HTML files: one {id, html} record, the charset from the page, by extension or content" {
	printf '<html><head><meta charset="iso-8859-1"><title>T</title></head><body><p>Caf\xe9</p></body></html>' >"$TMP/page.html"
	run --separate-stderr "$BIN/news-split" --url https://example.com/page "$TMP/page.html"
	[ "$status" -eq 0 ]
	assert_json "$output" '.id == "page" and .url == "https://example.com/page" and (.html | contains("Caf\u00e9"))'
	assert_json "$output" 'keys == ["html","id","source","url"]'
	run --separate-stderr "$BIN/news-split" <"$TMP/page.html"
	[ "$status" -eq 0 ]
	assert_json "$output" '(.id | test("^doc-")) and (.html | contains("Caf\u00e9")) and (has("source") | not)'
	printf '<!DOCTYPE html><p>\xe2\x80\x9cutf-8\xe2\x80\x9d</p>' >"$TMP/doc.txt"
	run --separate-stderr "$BIN/news-split" --format=html "$TMP/doc.txt"
	assert_json "$output" '.html == "<!DOCTYPE html><p>\u201cutf-8\u201d</p>"'
}

@test "a closed pipe ends it quietly (| head -1)" {
	run bash -c "'$BIN/news-split' '$F/many.rss' 2>'$TMP/err' | head -1"
	[ "$status" -eq 0 ]
	assert_json "$output" '.title == "One"'
	[ ! -s "$TMP/err" ]
}
