#!/usr/bin/env bats
# news-digest: one self-contained HTML page from a pipeline's records; hostile
# text escaped everywhere (checked by parsing the page); stories from `story`,
# `cluster` or story records; bounds; bad records; the sink's exits.

load helpers

HOSTILE=$BATS_TEST_DIRNAME/fixtures/digest/hostile.jsonl
STORIES=$BATS_TEST_DIRNAME/fixtures/digest/stories.jsonl
CHECK=$BATS_TEST_DIRNAME/../eval/check_digest_page.py

# The text of the first element of the page matching "tag.class", whitespace runs made one space.
page_text() {
	python3 - "$1" "$2" <<'EOF'
import sys
from html.parser import HTMLParser
path, want = sys.argv[1], sys.argv[2]
tag, _, cls = want.partition(".")
class P(HTMLParser):
    depth = 0; out = []; done = False
    def handle_starttag(self, t, a):
        if self.depth: self.depth += 1
        elif not self.done and t == tag and (not cls or cls in (dict(a).get("class") or "").split()): self.depth = 1
    def handle_endtag(self, t):
        if self.depth:
            self.depth -= 1
            if not self.depth: self.done = True
    def handle_data(self, d):
        if self.depth: self.out.append(d)
p = P(); p.feed(open(path, encoding="utf-8").read()); print(" ".join("".join(p.out).split()))
EOF
}

# The stories' headlines, one a line, as text.
headlines() {
	grep -o '<h2 id="story-[0-9]*-h">.*</h2>' "$1" | sed 's/<[^>]*>//g'
}

@test "--help, --version and bad usage" {
	run --separate-stderr "$BIN/news-digest" --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: news-digest [--title text]"* ]]
	[ -z "$stderr" ]
	run --separate-stderr "$BIN/news-digest" --version
	[ "$output" = "news-digest (newspipe) 0.1.0" ]
	for bad in "--stories 0" "--articles x" "--lang en_US!" "--on-error=pass" "--no-such-option" "--hold 0"; do
		run --separate-stderr "$BIN/news-digest" $bad
		[ "$status" -eq 2 ] || fail "$bad: exit $status"
		[ -z "$output" ]
		[[ "$stderr" == "news-digest: "* ]]
	done
}

@test "hostile text is shown as text, never as markup: no script, handler, or link but http(s)" {
	run --separate-stderr "$BIN/news-digest" --title '</title><script>alert(0)</script>' "$HOSTILE"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$TMP/page.html"
	python3 "$CHECK" "$TMP/page.html" \
		--text '</title><script>alert(0)</script>' \
		--text 'Minister <script>alert(1)</script> "quoted" & '"'single'" \
		--text '<img src=x onerror=alert(3)>' \
		--text 'We will "</q><script>alert(2)</script>" never stop' \
		--text 'the plan was <a href=javascript:alert(4)>fine</a>' \
		--text '<svg onload=alert(1)>' \
		--text '<b onmouseover=alert(1)>Evil Outlet</b>' \
		--text '<iframe src=//evil.example></iframe> summary of h1 with <b>tags</b>'
	# Only the one good URL is a link, its & escaped; javascript:, data:, a URL with quotes or
	# a leading space never is.
	[ "$(grep -o 'href="http[^"]*"' "$TMP/page.html")" = 'href="https://news.example.org/story?id=5&amp;lang=en"' ]
	! grep -qi 'href="[^#h]' "$TMP/page.html"
	# Bidi overrides and control characters are dropped.
	! grep -q $'\u202e' "$TMP/page.html"
	! grep -q $'\a' "$TMP/page.html"
	grep -q 'Link evil with bidi and a bell here' "$TMP/page.html"
	# Ids and story keys shown for want of a title are cut and escaped like any text.
	printf '{"id":"a\\u0007<b>"}\n{"id":"b","story":"k\\u0001<i>"}\n' | "$BIN/news-digest" >"$TMP/ids.html"
	python3 "$CHECK" "$TMP/ids.html" --text 'a<b>' --text 'k<i>'
	! grep -q $'[\x01\x07]' "$TMP/ids.html"
}

@test "the page checker fails on what it guards against" {
	"$BIN/news-digest" "$HOSTILE" >"$TMP/page.html"
	python3 "$CHECK" "$TMP/page.html"
	i=0
	for bad in '<script>x()</script>' '<img src=x>' '<a href="javascript:x()">j</a>' '<p onclick="x()">c</p>' \
		'<a href=" https://e.example/">s</a>' '<style>@import "x.css";</style>'; do
		sed "s|<main>|<main>$bad|" "$TMP/page.html" >"$TMP/bad$((i += 1)).html"
	done
	python3 "$CHECK" --each-fails "$TMP"/bad*.html
	run python3 "$CHECK" "$TMP/page.html" --text 'not on the page'
	[ "$status" -eq 1 ]
}

@test "self-contained: inline CSS only, nothing fetched, a CSP that forbids scripts; mobile and print styles" {
	"$BIN/news-digest" "$STORIES" >"$TMP/page.html"
	! grep -qiE '<(script|link|img|iframe|object|embed)|src=|url\(|@import|@font-face' "$TMP/page.html"
	grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'" "$TMP/page.html"
	grep -q '<meta name="viewport" content="width=device-width, initial-scale=1">' "$TMP/page.html"
	grep -q '@media print{' "$TMP/page.html"
	grep -q '@media (min-width:900px)' "$TMP/page.html"
	[ "$(head -1 "$TMP/page.html")" = '<!DOCTYPE html>' ]
	[ "$(tail -1 "$TMP/page.html")" = '</html>' ]
}

@test "stories by story: size then recency; a story record's summary and linked names; quotes by speaker" {
	"$BIN/news-digest" "$STORIES" >"$TMP/page.html"
	python3 "$CHECK" "$TMP/page.html"
	# Three stories: the flood (3 articles), then the vote and the lone article by recency.
	[ "$(headlines "$TMP/page.html")" = \
		"$(printf '%s\n' 'Elm bridge shut as river rises' 'Council votes on budget' 'A story of its own')" ]
	[ "$(page_text "$TMP/page.html" p.kicker)" = "3 articles · 3 outlets · 2–3 Mar 2026" ]
	[ "$(page_text "$TMP/page.html" p.summary)" = "The Elm river bridge is closed by floods." ]
	# The story record's people replace the counted ones.
	[ "$(page_text "$TMP/page.html" ul.chips)" = "James Baker3 Mary Rowe" ]
	# James Baker first (3 quotes; the one said in two articles shown once), unattributed last.
	grep -o '<h4>.*</h4>' "$TMP/page.html" | head -3 >"$TMP/speakers"
	[[ "$(sed -n 1p "$TMP/speakers")" == *"James Baker"* ]]
	[[ "$(sed -n 2p "$TMP/speakers")" == *"Mary Rowe"* ]]
	[[ "$(sed -n 3p "$TMP/speakers")" == *"Speaker not identified"* ]]
	[ "$(grep -c 'The bridge stays shut' "$TMP/page.html")" -eq 1 ]
	grep -q 'The bridge stays shut until the water drops</q> <span class="src">—..<span class="u">A Daily</span><a class="ref" href="#story-1-a1">1</a> <span class="also">in 2 articles</span>' "$TMP/page.html"
	grep -q '<span class="cue">said</span> repairs would take a week' "$TMP/page.html"
	# Coverage in time order, with outlet, time, authors, the duplicate marked.
	[ "$(grep -o 'id="story-1-a[0-9]"><span class="num">[0-9]</span><div><a class="title" href="[^"]*"' "$TMP/page.html" | sed 's/.*href=//')" = \
		"$(printf '"%s"\n' https://a.example/1 https://b.example/2 https://c.example/4)" ]
	grep -q '<span class="outlet u">A Daily</span> · <time datetime="2026-03-02">2 Mar 2026, 08:00 UTC</time> · <span class="u">Ann Lee</span>' "$TMP/page.html"
	grep -q '<span class="tag">duplicate</span>' "$TMP/page.html"
}

@test "without story records, names are counted and one-word names folded into the full one" {
	grep -v '"group"' "$STORIES" >"$TMP/no-record.jsonl"
	"$BIN/news-digest" "$TMP/no-record.jsonl" >"$TMP/page.html"
	# Baker (one article) is James Baker (two): one chip, named by 2 articles.
	[ "$(page_text "$TMP/page.html" ul.chips)" = "James Baker2" ]
	# No story summary: the lead article's lede, which is its text here.
	[ "$(page_text "$TMP/page.html" p.summary)" = "Flood text." ]
	# Two different Bakers: neither takes "Baker".
	printf '%s\n' '{"id":"x","story":"s","text":"t","entities":[{"type":"PER","canonical":"James Baker"},{"type":"PER","canonical":"Ann Baker"},{"type":"PER","canonical":"Baker"}]}' \
		| "$BIN/news-digest" >"$TMP/two.html"
	[ "$(page_text "$TMP/two.html" ul.chips)" = "James Baker Ann Baker Baker" ]
}

@test "without story: each article its own story, or news-dedupe's cluster; a story record's ids group them" {
	for i in 1 2 3 4; do
		printf '{"id":"r%d","title":"T%d","text":"x","published":"2026-01-0%d"}\n' "$i" "$i" "$i"
	done >"$TMP/plain.jsonl"
	"$BIN/news-digest" "$TMP/plain.jsonl" >"$TMP/page.html"
	[ "$(grep -c '<article class="story"' "$TMP/page.html")" -eq 4 ]
	# Same size: the most recent first.
	[ "$(headlines "$TMP/page.html" | head -1)" = T4 ]
	jq -c 'if .id == "r3" then .cluster = "r1" else . end' "$TMP/plain.jsonl" >"$TMP/cluster.jsonl"
	jq -c 'if .id == "r1" then .cluster = "r1" else . end' "$TMP/cluster.jsonl" >"$TMP/c2.jsonl"
	"$BIN/news-digest" "$TMP/c2.jsonl" >"$TMP/page.html"
	[ "$(grep -c '<article class="story"' "$TMP/page.html")" -eq 3 ]
	[ "$(grep -o '<p class="kicker">2 articles[^<]*' "$TMP/page.html")" = '<p class="kicker">2 articles · 1–3 Jan 2026' ]
	# news-summarize --group all: its record lists every article, which makes them one story.
	{ cat "$TMP/plain.jsonl"; printf '{"group":"all","ids":["r1","r2","r3","r4"],"summary":"All of it."}\n'; } >"$TMP/all.jsonl"
	"$BIN/news-digest" "$TMP/all.jsonl" >"$TMP/page.html"
	[ "$(grep -c '<article class="story"' "$TMP/page.html")" -eq 1 ]
	[ "$(page_text "$TMP/page.html" p.summary)" = "All of it." ]
	# Articles keyed by `story` are not regrouped by a record of another key; the footer says so.
	{ jq -c '.story = .id' "$TMP/plain.jsonl"; printf '{"group":"all","ids":["r1","r2"],"summary":"x"}\n'; } >"$TMP/keyed.jsonl"
	"$BIN/news-digest" "$TMP/keyed.jsonl" >"$TMP/page.html"
	[ "$(grep -c '<article class="story"' "$TMP/page.html")" -eq 4 ]
	grep -q '1 story record named no article held' "$TMP/page.html"
}

@test "bounds: --stories, --articles, --quotes, --hold; what is left out is counted" {
	python3 -c '
import json
for s in range(30):
    for a in range(s % 5 + 1):
        print(json.dumps({"id": f"s{s}a{a}", "story": f"s{s}", "title": f"Story {s} article {a}", "text": "x",
            "published": f"2026-01-{a + 1:02d}", "quotes": [{"text": f"quote {s} {a} {q}", "type": "direct",
            "speaker": f"P{q}"} for q in range(6)]}))' >"$TMP/many.jsonl"
	"$BIN/news-digest" --stories 4 --articles 2 --quotes 3 "$TMP/many.jsonl" >"$TMP/page.html"
	python3 "$CHECK" "$TMP/page.html"
	[ "$(grep -c '<article class="story"' "$TMP/page.html")" -eq 4 ]
	[ "$(grep -c '<p class="quote' "$TMP/page.html")" -eq 12 ]
	grep -q '<p class="more">and 3 more articles</p>' "$TMP/page.html"
	grep -q '27 more quotes not shown' "$TMP/page.html"
	grep -q 'Not shown: 26 smaller or older stories (70 articles).' "$TMP/page.html"
	grep -q 'the top 4 stories of 90 articles' "$TMP/page.html"
	# --hold 5: a new story past five lets the lowest-ranked one go, and the page says how many.
	"$BIN/news-digest" --hold 5 "$TMP/many.jsonl" >"$TMP/held.html"
	[ "$(grep -c '<article class="story"' "$TMP/held.html")" -eq 5 ]
	grep -q 'stories ([0-9]* articles) let go to stay within --hold' "$TMP/held.html"
	# The five with five articles (stories 4, 9, ... 29) are the ones kept.
	[ "$(grep -c '<p class="kicker">5 articles' "$TMP/held.html")" -eq 5 ]
	# A story keeps 4 x --quotes quotes: once full, direct speech takes the place of reported.
	python3 -c '
import json
q = [{"text": f"reported thing {i}", "type": "indirect", "speaker": "R"} for i in range(8)]
print(json.dumps({"id": "q", "text": "x", "quotes": q + [{"text": "Late and direct", "type": "direct", "speaker": "R"}]}))' \
		| "$BIN/news-digest" --quotes 1 >"$TMP/q.html"
	grep -q '<q>Late and direct</q>' "$TMP/q.html"
	grep -q '8 more quotes not shown' "$TMP/q.html"
}

@test "huge fields are cut on a word boundary, long ids and keys held short; the page stays small" {
	python3 -c '
import json
w = "word " * 200000
print(json.dumps({"id": w, "story": w + "s", "title": w, "summary": w, "text": w, "site": w, "authors": [w],
    "quotes": [{"text": w, "speaker": w, "type": "direct"}], "entities": [{"type": "PER", "canonical": w}]}))
print(json.dumps({"id": w + "2", "story": w + "t", "text": "second"}))
print(json.dumps({"group": w + "s", "ids": [w], "summary": "The summary of the long-keyed story."}))' >"$TMP/big.jsonl"
	run --separate-stderr "$BIN/news-digest" "$TMP/big.jsonl"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$TMP/page.html"
	[ "$(wc -c <"$TMP/page.html")" -lt 40000 ]
	[ "$(headlines "$TMP/page.html" | grep -c '^word word .* word…$')" -eq 1 ]
	# Long ids and story keys are held as their start and a hash: two stories, the record finds its own.
	[ "$(grep -c '<article class="story"' "$TMP/page.html")" -eq 2 ]
	grep -q '<p class="summary">The summary of the long-keyed story.</p>' "$TMP/page.html"
}

@test "dates: ISO 8601 and RFC 822, time zones, spans across months and years; deterministic bytes; --date and --lang" {
	printf '%s\n' '{"id":"a","story":"s","text":"x","published":"2025-12-31T23:30:00-05:00"}' \
		'{"id":"b","story":"s","text":"x","published":"2026-01-02"}' \
		'{"id":"c","story":"t","text":"x","published":"2026-02-30"}' \
		'{"id":"r","story":"u","text":"x","published":"Wed, 28 Jan 2026 10:00:00 GMT"}' >"$TMP/d.jsonl"
	"$BIN/news-digest" "$TMP/d.jsonl" >"$TMP/p1.html"
	"$BIN/news-digest" <"$TMP/d.jsonl" >"$TMP/p2.html"
	cmp "$TMP/p1.html" "$TMP/p2.html"
	grep -q '<p class="kicker">2 articles · 31 Dec 2025 – 2 Jan 2026</p>' "$TMP/p1.html"
	grep -q '31 Dec 2025, 23:30 -05:00' "$TMP/p1.html"
	grep -q '28 Jan 2026, 10:00 UTC' "$TMP/p1.html"
	# An impossible date is no date.
	grep -q '<p class="kicker">1 article</p>' "$TMP/p1.html"
	"$BIN/news-digest" --date 'Friday 2 January 2026' --lang pt-BR "$TMP/d.jsonl" >"$TMP/p3.html"
	grep -q '<html lang="pt-BR">' "$TMP/p3.html"
	grep -q '<p class="dateline"><span>Friday 2 January 2026</span>' "$TMP/p3.html"
}

@test "bad records are reported as FILE:LINE; the page is written from the good ones" {
	{
		printf '{"id":"g1","title":"Good one","text":"x"}\n'
		printf '{not json\n'
		printf '[1]\n'
		printf '{"id":"b1","text":"x","quotes":{"text":"no"}}\n'
		printf '{"id":"b2","text":"x","entities":[1]}\n'
		printf '{"group":"s","ids":"g1"}\n'
		printf '{"foo":1}\n'
		printf '{"id":"u","title":"bad \xff"}\n'
		printf '{"id":"g2","title":"Good two","text":"x"}\n'
	} >"$TMP/bad.jsonl"
	run --separate-stderr "$BIN/news-digest" "$TMP/bad.jsonl"
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" >"$TMP/page.html"
	python3 "$CHECK" "$TMP/page.html"
	[ "$(grep -c '<article class="story"' "$TMP/page.html")" -eq 2 ]
	for n in 2 3 4 5 6 7 8; do
		grep -q "^news-digest: $TMP/bad.jsonl:$n: " <<<"$stderr" || fail "line $n not reported: $stderr"
	done
	[[ "$stderr" == *":4: field 'quotes' is not an array"* ]]
	[[ "$stderr" == *":5: entities[0] is not an object"* ]]
	[[ "$stderr" == *":6: field 'ids' is not an array"* ]]
	[[ "$stderr" == *":7: neither an article"* ]]
	run --separate-stderr "$BIN/news-digest" --on-error=fail "$TMP/bad.jsonl"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "a write error exits 1 with a message; a closed pipe ends quietly; no input gives an empty page" {
	run --separate-stderr sh -c "'$BIN/news-digest' '$STORIES' >/dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "news-digest: write error on standard output: No space left on device" ]
	python3 -c '
import json
for i in range(3000):
    print(json.dumps({"id": f"x{i}", "title": "t" * 200, "text": "y"}))' >"$TMP/many.jsonl"
	run --separate-stderr bash -c "'$BIN/news-digest' --stories 3000 '$TMP/many.jsonl' | head -1 >/dev/null; echo \${PIPESTATUS[0]}"
	[ "$output" = 141 ]
	[ -z "$stderr" ]
	run --separate-stderr "$BIN/news-digest" </dev/null
	[ "$status" -eq 0 ]
	[[ "$output" == *'<p class="empty">No articles.</p>'* ]]
	run --separate-stderr "$BIN/news-digest" --stats "$STORIES"
	[[ "$stderr" == "news-digest: 6 records read, 3 stories written, 0 bad" ]]
}

@test "the seeds through pipelines/digest.sh --html: a page with every article" {
	"$ROOT/pipelines/digest.sh" --html "$ROOT"/samples/*.txt >"$TMP/seeds.html"
	python3 "$CHECK" "$TMP/seeds.html"
	[ "$(grep -c '<li id="story-[0-9]*-a[0-9]*">' "$TMP/seeds.html")" -eq 5 ]
	grep -q 'Sam Altman Breaks Corporate Silence, Says ICE Enforcement Has “Gone Too Far”' "$TMP/seeds.html"
	grep -q '<h3>Who said what</h3>' "$TMP/seeds.html"
	grep -q '<h3>People</h3>' "$TMP/seeds.html"
}

@test "a story of one article: its headline is the link, its byline under it, no coverage list" {
	printf '%s\n' '{"id":"o","title":"Only one","url":"https://o.example/1","site":"O News","published":"2026-01-05T06:07:00Z","authors":["Bo Chen"],"text":"x","quotes":[{"text":"Hello there","type":"direct","speaker":"Ann"}]}' \
		| "$BIN/news-digest" >"$TMP/page.html"
	grep -q '<h2 id="story-1-h"><a class="hl" href="https://o.example/1" rel="noreferrer">Only one</a></h2>' "$TMP/page.html"
	grep -q '<p class="byline"><span class="outlet u">O News</span> · <time datetime="2026-01-05">5 Jan 2026, 06:07 UTC</time> · <span class="u">Bo Chen</span></p>' "$TMP/page.html"
	! grep -q 'Coverage' "$TMP/page.html"
	grep -q '<q>Hello there</q></p>' "$TMP/page.html"
}
