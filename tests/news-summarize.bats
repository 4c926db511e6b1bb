#!/usr/bin/env bats
# news-summarize: single-document and group summaries, length limits, offsets,
# groups, bad input; and the ROUGE scorer of eval/ on hand-computed cases.

load helpers

STORY=$BATS_TEST_DIRNAME/fixtures/summarize/story.jsonl

# Every summary_sentences span of every record cuts, from the text of the
# record it names, a piece of the summary, in order (jq slices by code point).
spans_match_summary() {
	jq -e -s '
		(map(select(.text)) | map({(.id): .text}) | add) as $texts
		| all(.[] | select(.summary_sentences);
			.summary as $s
			| ([.summary_sentences[] | $texts[.id][.start:.end]] | join(" ")) as $j
			| ($j | gsub("[\n\t\r]"; " ")) == $s)' "$1" >/dev/null
}

# Summarize one record whose text is $1, with the options that follow; it must succeed.
summarize_text() {
	local t=$1
	shift
	jq -cn --arg t "$t" '{id: "a", text: $t}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" "$@" "$TMP/in"
	[ "$status" -eq 0 ]
}

@test "--help, --version and bad usage" {
	run --separate-stderr "$BIN/news-summarize" --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--group-by"* ]]
	[ -z "$stderr" ]
	run --separate-stderr "$BIN/news-summarize" --method magic
	[ "$status" -eq 2 ]
	[[ "$stderr" == "news-summarize: invalid --method 'magic' (rank or lead)"* ]]
	run --separate-stderr "$BIN/news-summarize" --words 0
	[ "$status" -eq 2 ]
	run --separate-stderr "$BIN/news-summarize" --per-record
	[ "$status" -eq 2 ]
	run --separate-stderr "$BIN/news-summarize" --group some
	[ "$status" -eq 2 ]
}

@test "one record in, one out, with summary and summary_sentences that point into the text" {
	run --separate-stderr "$BIN/news-summarize" "$STORY"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$TMP/out"
	[ "$(wc -l <"$TMP/out")" -eq 3 ]
	jq -e -s 'map(.id) == ["river-1","river-2","river-3"]' "$TMP/out"
	# Fields kept in order, ours added at the end; at most 70 words by default, whole sentences.
	jq -e -s 'all(.[]; (keys_unsorted[:5] == ["id","story","published","title","text"])
		and (keys_unsorted[5:] == ["summary","summary_sentences"])
		and (.summary_sentences | length) >= 2
		and (.summary | [splits(" +")] | length) <= 70
		and all(.summary_sentences[]; .id != null))' "$TMP/out"
	spans_match_summary "$TMP/out"
}

@test "the summary of a news article states its story, and differs from the lead" {
	run --separate-stderr "$BIN/news-summarize" --sentences 2 "$STORY"
	[ "$status" -eq 0 ]
	first=$(printf '%s\n' "$output" | head -1)
	# The lead sentence is the story; the dangling "He said..." is never chosen.
	assert_json "$first" '.summary | startswith("Flood waters closed the Elm river bridge")'
	assert_json "$first" '.summary | contains("He said") | not'
	run --separate-stderr "$BIN/news-summarize" --method lead --sentences 2 "$STORY"
	[ "$status" -eq 0 ]
	assert_json "$(printf '%s\n' "$output" | head -1)" \
		'.summary_sentences == [{"id":"river-1","start":0,"end":100},{"id":"river-1","start":102,"end":188}]'
}

@test "--sentences, --words and --bytes are never exceeded, and no sentence is cut" {
	# Sentence spans of the fixture, to check that every chosen span is a whole sentence.
	for n in 1 2 3 5 8; do
		"$BIN/news-summarize" --sentences "$n" "$STORY" >"$TMP/s"
		jq -e -s --argjson n "$n" 'all(.[]; (.summary_sentences | length) <= $n)' "$TMP/s" >/dev/null
	done
	for n in 5 12 20 33 50 80 200; do
		"$BIN/news-summarize" --words "$n" "$STORY" >"$TMP/w"
		jq -e -s --argjson n "$n" 'all(.[]; (.summary | [splits("[ \t\n]+")] | map(select(. != "")) | length) <= $n)' \
			"$TMP/w" >/dev/null || fail "--words $n exceeded"
		spans_match_summary "$TMP/w"
		"$BIN/news-summarize" --bytes "$n" "$STORY" >"$TMP/b"
		jq -e -s --argjson n "$n" 'all(.[]; (.summary | utf8bytelength) <= $n)' "$TMP/b" >/dev/null ||
			fail "--bytes $n exceeded"
		spans_match_summary "$TMP/b"
	done
	# Whole sentences: every chosen span ends where the text has a sentence end.
	"$BIN/news-summarize" --words 40 "$STORY" >"$TMP/w"
	jq -e -s 'all(.[]; .text as $t | all(.summary_sentences[]; $t[.end-1:.end] | test("[.!?]")))' "$TMP/w" >/dev/null
	# A limit below the shortest sentence gives the best sentence cut to it, never an empty summary.
	"$BIN/news-summarize" --words 3 "$STORY" >"$TMP/w"
	jq -e -s 'all(.[]; (.summary | [splits(" +")] | length) == 3 and (.summary_sentences | length) == 1)' \
		"$TMP/w" >/dev/null
	spans_match_summary "$TMP/w"
}

@test "--sentences and --words together: the first limit reached ends the summary" {
	"$BIN/news-summarize" --sentences 5 --words 30 "$STORY" >"$TMP/a"
	jq -e -s 'all(.[]; (.summary | [splits(" +")] | length) <= 30)' "$TMP/a" >/dev/null
	"$BIN/news-summarize" --sentences 1 --words 300 "$STORY" >"$TMP/b"
	jq -e -s 'all(.[]; (.summary_sentences | length) == 1)' "$TMP/b" >/dev/null
	# --sentences alone sets no word budget: five sentences may run past 70 words.
	"$BIN/news-summarize" --sentences 5 "$STORY" >"$TMP/c"
	jq -e -s 'any(.[]; (.summary | [splits(" +")] | length) > 70)' "$TMP/c" >/dev/null
	spans_match_summary "$TMP/a"
	spans_match_summary "$TMP/b"
}

@test "captions, credits, bylines, headings and links are not summary sentences" {
	# A web article as news-clean may leave it: furniture on lines of their own, and
	# as the CNN/DailyMail data set writes it (" ." after a line that had no mark).
	t='By Jane Smith
Flood waters closed the Elm river bridge on Monday after three days of heavy rain.
Tragic: Residents (pictured) wade through the water near the bridge on Monday
Photo: John Smith/AP
The county said the bridge would stay shut until engineers could inspect its supports.
READ MORE: Ten things to know about the Elm river floods this week
Related: Why the valley floods every spring and what can be done about it
About two hundred homes near the river were evacuated overnight, and a school opened as a shelter.'
	jq -cn --arg t "$t" '{id: "lines", text: $t},
		{id: "cnn-dm", text: ($t | split("\n") | map(if test("[.!?]$") then . else . + " ." end) | join(" "))}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --sentences 3 "$TMP/in"
	[ "$status" -eq 0 ]
	for k in 0 1; do
		assert_json "${lines[$k]}" '.summary == "Flood waters closed the Elm river bridge on Monday after three days of heavy rain. The county said the bridge would stay shut until engineers could inspect its supports. About two hundred homes near the river were evacuated overnight, and a school opened as a shelter."'
	done
	printf '%s\n' "$output" >"$TMP/out"
	spans_match_summary "$TMP/out"
}

@test "a caption glued to a sentence, with no mark between, is not chosen whole" {
	# A caption and a sentence in one unit ("... in the rain They said"): a plain
	# sentence is chosen instead.
	t="Flood waters closed the Elm river bridge on Monday after three days of heavy rain across the valley. Residents wade through the brown water near the closed bridge on the north bank of the river as volunteers fill sandbags in the rain They said the bridge would stay shut until engineers could inspect all of its supports. About two hundred homes near the river bridge were evacuated overnight as the river rose."
	jq -cn --arg t "$t" '{id: "g", text: $t}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --sentences 2 "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "$output" '.summary | contains("Residents wade") | not'
	assert_json "$output" '.summary | startswith("Flood waters closed")'
}

@test "the lede opens the summary of an article" {
	# The first sentence says what happened; later ones repeat its words more often.
	t="A fire destroyed the old mill in Dunford on Sunday night. Mill workers said the mill had stood for a century. The mill owner said the mill would not be rebuilt. Mill tours had drawn visitors to the mill for years."
	jq -cn --arg t "$t" '{id: "m", text: $t}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --sentences 1 "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "$output" '.summary == "A fire destroyed the old mill in Dunford on Sunday night."'
	# A page's header before it (byline, time stamp, a caption with a full stop) is passed over.
	t2="By . Jane Smith . PUBLISHED: . 14:11 EST, 25 October 2013 . Smoke rises over the valley (pictured) on Sunday. $t"
	jq -cn --arg t "$t2" '{id: "m", text: $t}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --sentences 1 "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "$output" '.summary == "A fire destroyed the old mill in Dunford on Sunday night."'
}

@test "a French or German article's lede opens its summary (the caption test's verbs are English)" {
	# No word of either lede is an English verb form; neither is a caption.
	fr="Le gouvernement a présenté mercredi un nouveau projet de loi. Il vise à limiter les loyers dans les grandes villes. Les critiques estiment que le texte ne va pas assez loin. L'opposition a annoncé son refus à l'Assemblée."
	de="Die Regierung hat am Mittwoch ein Gesetz beschlossen. Es soll die Mieten in großen Städten begrenzen. Kritiker sagen, das Gesetz gehe nicht weit genug. Die Opposition kündigte Widerstand im Bundestag an."
	jq -cn --arg fr "$fr" --arg de "$de" '{id: "fr", text: $fr}, {id: "de", text: $de}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --sentences 1 "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "${lines[0]}" '.summary == "Le gouvernement a présenté mercredi un nouveau projet de loi."'
	assert_json "${lines[1]}" '.summary == "Die Regierung hat am Mittwoch ein Gesetz beschlossen."'
}

@test "a caption without a verb, a photo credit or a time stamp at the top is never in the summary" {
	# A web page's article as news-clean or the CNN/DailyMail data set may give it: the
	# photo's caption and credit, then the story; a caption again further down.
	t='An artist'"'"'s concept of the Blue Moon lunar lander on the surface of the moon.
Photo: Blue Origin/Getty Images
(Published Monday, Nov. 18, 2019) NASA picked five companies to compete to deliver payloads to the moon.
NASA picked five companies on Monday to compete to deliver science payloads to the surface of the moon.
The companies, including SpaceX and Blue Origin, can now bid for lunar delivery contracts worth up to $2.6 billion.
The space agency wants landers that can carry heavier payloads, such as rovers, to the lunar surface by 2022.
NASA plans to return astronauts to the moon by 2024 under its Artemis program.
Blue Moon lander concept, 2019.
Officials said the first delivery missions would launch next year.'
	jq -cn --arg t "$t" '{id: "lines", text: $t},
		{id: "cnn-dm", text: ($t | split("\n") | map(if test("[.!?]$") then . else . + " ." end) | join(" "))}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" "$TMP/in"
	[ "$status" -eq 0 ]
	for k in 0 1; do
		assert_json "${lines[$k]}" '.summary | startswith("NASA picked five companies on Monday")'
		assert_json "${lines[$k]}" '.summary | test("concept|Getty|Published") | not'
		assert_json "${lines[$k]}" '(.summary | split(" ") | length) <= 70'
	done
}

@test "lines of a table (a third of the words numbers) are not summary sentences" {
	t='Cleveland beat Pittsburgh 21-7 on Thursday night, with its defense sacking the quarterback four times.
2 tackles, 1 sack (3 combined).
4 tackles, 2 sacks, 1 pass defended.
The win lifted Cleveland to 4-6 and kept its slim playoff hopes alive.
5 tackles, 1 assist (6 combined).
The defense has been the strength of the team all season, its coach said.'
	summarize_text "$t"
	assert_json "$output" '.summary | test("tackles") | not'
	assert_json "$output" '.summary | startswith("Cleveland beat Pittsburgh")'
}

@test "a sentence that repeats one already chosen is not chosen again" {
	t='Flood waters closed the Elm river bridge on Monday after three days of heavy rain.
The county said the bridge would stay shut until engineers could inspect its supports.
Flood waters closed the Elm river bridge on Monday after three days of heavy rain.
About two hundred homes near the river were evacuated overnight.'
	for m in rank lead; do
		summarize_text "$t" --method "$m"
		assert_json "$output" '[.summary | scan("Flood waters")] | length == 1'
		assert_json "$output" '.summary | endswith("evacuated overnight.")'
	done
}

@test "a news story is summarized from the top: a later sentence that echoes the lede does not displace the next ones" {
	# The last sentence repeats the lede's words (central by any count) but says nothing new;
	# the story's own order puts its next points first.
	t='A fire destroyed the old mill in Dunford on Sunday night, the county fire service said.
Crews from four towns fought the blaze for six hours before they brought it under control.
No one was hurt, but the owner said the loss would run to several million pounds.
The mill, which was built in 1820, employed forty people until it closed last year.
Residents had campaigned for years to turn the building into a museum of local history.
The fire at the old mill on Sunday night was the worst fire in Dunford, the fire service said of the mill fire.'
	summarize_text "$t" --sentences 3
	assert_json "$output" '.summary | startswith("A fire destroyed the old mill")'
	assert_json "$output" '.summary | contains("Crews from four towns")'
	assert_json "$output" '.summary | contains("worst fire") | not'
	assert_json "$output" '.summary_sentences | length == 3'
}

@test "a kicker in capitals before the lede is part of it, not a caption" {
	t='DEAR ABBY: My husband of more than twenty years just bought plane tickets for our trip to India. It is a long trip from our home. My problem is that he is sitting in business class while I am in economy.'
	summarize_text "$t" --sentences 1
	assert_json "$output" '.summary | startswith("DEAR ABBY: My husband")'
}

@test "--truncate fills --words and --bytes exactly, cutting only the last sentence" {
	for n in 7 25 41; do
		"$BIN/news-summarize" --truncate --words "$n" "$STORY" >"$TMP/w"
		jq -e -s --argjson n "$n" 'all(.[]; (.summary | [splits("[ \t\n]+")] | map(select(. != "")) | length) == $n)' \
			"$TMP/w" >/dev/null || fail "--truncate --words $n not exact"
		spans_match_summary "$TMP/w"
		"$BIN/news-summarize" --truncate --bytes "$((n * 5))" "$STORY" >"$TMP/b"
		jq -e -s --argjson n "$((n * 5))" 'all(.[]; (.summary | utf8bytelength) <= $n and (.summary | utf8bytelength) > $n - 12)' \
			"$TMP/b" >/dev/null || fail "--truncate --bytes $((n * 5)) not filled"
		spans_match_summary "$TMP/b"
	done
}

@test "offsets count code points; byte limits count UTF-8 bytes" {
	printf '%s\n' '{"id":"u","text":"Über 500 Ärzte streikten am Montag in München für höhere Löhne. Die Klinik blieb geöffnet für Notfälle aller Art. ☺ Ende der Meldung aus Bayern heute."}' >"$TMP/u.jsonl"
	run --separate-stderr "$BIN/news-summarize" --sentences 1 --method lead "$TMP/u.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.summary_sentences == [{"id":"u","start":0,"end":63}]'
	assert_json "$output" '.summary == "Über 500 Ärzte streikten am Montag in München für höhere Löhne."'
	run --separate-stderr "$BIN/news-summarize" --bytes 69 --method lead "$TMP/u.jsonl"
	assert_json "$output" '.summary | utf8bytelength <= 69'
	assert_json "$output" '.summary | startswith("Über")'
	# At 68 bytes no sentence fits whole: the first one is cut at a word, within 68 bytes.
	run --separate-stderr "$BIN/news-summarize" --bytes 68 --method lead "$TMP/u.jsonl"
	assert_json "$output" '(.summary | utf8bytelength) <= 68 and (.summary | startswith("Über"))'
	assert_json "$output" '.summary | endswith("Löhne.") | not'
}

@test "empty and one-sentence articles" {
	printf '%s\n' '{"id":"e","text":""}' '{"id":"w","text":"   \n\n  "}' \
		'{"id":"one","text":"The council approved the new budget on Tuesday."}' \
		'{"id":"frag","text":"Breaking news"}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" "$TMP/in"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	assert_json "${lines[0]}" '.summary == "" and .summary_sentences == []'
	assert_json "${lines[1]}" '.summary == "" and .summary_sentences == []'
	assert_json "${lines[2]}" '.summary == "The council approved the new budget on Tuesday."'
	# A text with no prose sentence still gives what it has.
	assert_json "${lines[3]}" '.summary == "Breaking news"'
}

@test "the record's own sentences are used when present" {
	# One span covering two segmenter sentences: the summary takes it whole.
	printf '%s\n' '{"id":"s","text":"The mill closed. Two hundred jobs went with it. Workers marched on the town hall on Friday.","sentences":[[0,47],[48,91]]}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --method lead --sentences 1 "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "$output" '.summary == "The mill closed. Two hundred jobs went with it."'
	# Spans that do not fit the text are ignored (the shared segmenter is used instead).
	printf '%s\n' '{"id":"s","text":"The mill closed on Monday morning. Two hundred jobs went with it.","sentences":[[0,999]]}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --method lead --sentences 1 "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "$output" '.summary == "The mill closed on Monday morning."'
	[[ "$stderr" == "news-summarize: $TMP/in:1: bad 'sentences' ignored"* ]]
}

@test "entities and quotes are used when present and ignored when malformed" {
	t="Flood waters closed the Elm bridge on Monday. Mayor Ann Holt visited the shelter at noon. Holt said the town would rebuild the bridge. The weather was cold all week long."
	jq -cn --arg t "$t" '{id: "e", text: $t,
		entities: [{"text":"Ann Holt","type":"PER","start":52,"end":60,"canonical":"Ann Holt"},
			{"text":"Holt","type":"PER","start":90,"end":94,"canonical":"Ann Holt"},
			{"text":"x","type":"PER","start":-4}, 7, {"type":"ORG","start":9999,"text":"Far"}],
		quotes: [{"text":"the town would rebuild","start":100,"end":122,"type":"direct"}, "bad"]}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --sentences 2 "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$TMP/out"
	spans_match_summary "$TMP/out"
	assert_json "$output" '(.summary_sentences | length) == 2'
}

@test "--group-by --sorted: records pass through, a story record follows each group" {
	{ cat "$STORY"; printf '%s\n' '{"id":"other-1","story":"budget","text":"The council approved the new budget on Tuesday after a long debate."}'; } >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group-by story --sorted "$TMP/in"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 6 ]
	printf '%s\n' "$output" >"$TMP/out"
	jq -e -s '[.[] | .id // ("group:" + .group)] == ["river-1","river-2","river-3","group:elm-flood","other-1","group:budget"]' "$TMP/out"
	# Articles pass through unchanged (no summary of their own without --per-record).
	jq -c '.' "$TMP/in" >"$TMP/in.c"
	jq -c 'select(.text)' "$TMP/out" | cmp - "$TMP/in.c"
	assert_json "${lines[3]}" 'keys_unsorted == ["group","ids","summary","summary_sentences"]'
	assert_json "${lines[3]}" '.ids == ["river-1","river-2","river-3"]'
	assert_json "${lines[5]}" '.ids == ["other-1"] and .summary == "The council approved the new budget on Tuesday after a long debate."'
	spans_match_summary "$TMP/out"
	# The story summary takes from several articles, at most 100 words, no sentence twice.
	assert_json "${lines[3]}" '[.summary_sentences[].id] | unique | length >= 2'
	assert_json "${lines[3]}" '.summary | [splits(" +")] | length <= 100'
	assert_json "${lines[3]}" '[.summary_sentences[] | [.id, .start]] | (unique | length) == length'
	# "Flood waters closed the Elm river bridge..." is in two articles: it appears once.
	assert_json "${lines[3]}" '[.summary | scan("Flood waters closed")] | length == 1'
}

@test "--group-by: story sentences in time order (published), and --per-record, --groups-only" {
	run --separate-stderr "$BIN/news-summarize" --group-by story --groups-only "$STORY"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	# The article of 2026-03-03 comes last.
	assert_json "${lines[0]}" '[.summary_sentences[].id] | (map(select(. == "river-3")) | length) > 0 and (.[-1] == "river-3")'
	run --separate-stderr "$BIN/news-summarize" --group all --per-record --sentences 2 "$STORY"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	assert_json "${lines[0]}" '(.summary_sentences | length) == 2'
	assert_json "${lines[3]}" '.group == "all" and (.summary_sentences | length) == 2'
}

@test "--group-by collects a group wherever its records are; story records at the end, in the order groups opened" {
	other='{"id":"other-1","story":"budget","text":"The council approved the new budget on Tuesday after a long debate."}'
	{ sed -n 1p "$STORY"; printf '%s\n' "$other"; sed -n 2,3p "$STORY"; } >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group-by story "$TMP/in"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$TMP/out"
	jq -e -s '[.[] | .id // ("group:" + .group)] == ["river-1","other-1","river-2","river-3","group:elm-flood","group:budget"]' "$TMP/out"
	assert_json "${lines[4]}" '.ids == ["river-1","river-2","river-3"]'
	# The same story record as when the records come together.
	"$BIN/news-summarize" --group-by story --sorted --groups-only "$STORY" >"$TMP/together"
	[ "$(jq -c 'del(.ids)' "$TMP/together")" = "$(printf '%s\n' "${lines[4]}" | jq -c 'del(.ids)')" ]
	# Without the field, records are one group under null.
	jq -c 'del(.story)' "$STORY" | "$BIN/news-summarize" --group-by story --groups-only | jq -e '.group == null and (.ids | length) == 3' >/dev/null
}

@test "a group closes when no record joined it for --window, and beyond --max-open" {
	# river-3 is dated a day after river-2: with a 12-hour window the group closes before it.
	run --separate-stderr "$BIN/news-summarize" --group-by story --groups-only --window 12h "$STORY"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	assert_json "${lines[0]}" '.ids == ["river-1","river-2"]'
	assert_json "${lines[1]}" '.ids == ["river-3"]'
	# The story record comes before the record that closed its group.
	run --separate-stderr "$BIN/news-summarize" --group-by story --window 12h "$STORY"
	[ "$(printf '%s\n' "${lines[@]}" | jq -r '.id // "group"' | tr '\n' ' ')" = "river-1 river-2 group river-3 group " ]
	# One group open at a time: interleaved stories close each other.
	{ sed -n 1p "$STORY"; printf '%s\n' '{"id":"o","story":"x","text":"Another thing happened today in the town."}'; sed -n 2p "$STORY"; } >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group-by story --groups-only --max-open 1 "$TMP/in"
	[ "$(printf '%s\n' "${lines[@]}" | jq -c .ids | tr '\n' ' ')" = '["river-1"] ["o"] ["river-2"] ' ]
	# An undated group opened before the first date takes that date: it no longer keeps every later group from closing.
	{ printf '%s\n' '{"id":"u","story":"undated","text":"Another thing happened today in the town."}'; cat "$STORY"; } >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group-by story --window 12h "$TMP/in"
	[ "$(printf '%s\n' "${lines[@]}" | jq -r '.id // .group' | tr '\n' ' ')" = "u river-1 river-2 undated elm-flood river-3 elm-flood " ]
	run --separate-stderr "$BIN/news-summarize" --sorted
	[ "$status" -eq 2 ]
	run --separate-stderr "$BIN/news-summarize" --group-by story --window 5x
	[ "$status" -eq 2 ]
}

@test "a held record's bad sentences are reported at its own line, once" {
	{ sed -n 1p "$STORY" | jq -c '.sentences = [[5, 2]]'; sed -n 2,3p "$STORY"; } >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group-by story --groups-only "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$stderr" = "news-summarize: $TMP/in:1: bad 'sentences' ignored (want ascending [[start,end],...] within the text)" ]
	assert_json "$output" '.ids == ["river-1","river-2","river-3"]'
}

@test "a story record names its people and organisations, names linked across articles" {
	ent() { printf '{"text":"%s","type":"%s","start":0,"end":1,"canonical":"%s"}' "$1" "$2" "$3"; }
	printf '%s\n' \
		"{\"id\":\"a\",\"s\":\"k\",\"text\":\"Baker met ICE officials.\",\"entities\":[$(ent Baker PER Baker),$(ent ICE ORG ICE)]}" \
		"{\"id\":\"b\",\"s\":\"k\",\"text\":\"James Baker spoke to U.S. Immigration and Customs Enforcement.\",\"entities\":[$(ent 'James Baker' PER 'James Baker'),$(ent 'U.S. Immigration and Customs Enforcement' ORG 'U.S. Immigration and Customs Enforcement')]}" \
		"{\"id\":\"c\",\"s\":\"k\",\"text\":\"Baker and Anthropic talked. Anthropic PBC agreed.\",\"entities\":[$(ent Baker PER Baker),$(ent Anthropic ORG Anthropic),$(ent 'Anthropic PBC' ORG 'Anthropic PBC'),$(ent Paris LOC Paris)]}" \
		>"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group-by s --groups-only "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "$output" '.people == [{"name":"James Baker","articles":3,"mentions":3}]'
	assert_json "$output" '.organizations == [{"name":"U.S. Immigration and Customs Enforcement","articles":2,"mentions":2},{"name":"Anthropic PBC","articles":1,"mentions":2}]'
	# Two Bakers: "Baker" could be either, so it stays as it is.
	sed 's/"James Baker"/"Howard Baker"/g; s/James Baker spoke/Howard Baker spoke/' "$TMP/in" >"$TMP/two"
	printf '%s\n' "{\"id\":\"d\",\"s\":\"k\",\"text\":\"James Baker left.\",\"entities\":[$(ent 'James Baker' PER 'James Baker')]}" >>"$TMP/two"
	run --separate-stderr "$BIN/news-summarize" --group-by s --groups-only "$TMP/two"
	assert_json "$output" '[.people[].name] | sort == ["Baker","Howard Baker","James Baker"]'
	# Without entities, no people or organizations members.
	jq -c 'del(.entities)' "$TMP/in" | "$BIN/news-summarize" --group-by s --groups-only | jq -e 'has("people") | not' >/dev/null
}

@test "a group of identical articles has that article's summary, once" {
	for i in 1 2 3; do jq -c --arg i "$i" '.id = "copy-" + $i | .story = "same"' <(head -1 "$STORY"); done >"$TMP/in"
	"$BIN/news-summarize" --sentences 3 <(head -1 "$TMP/in") >"$TMP/single"
	run --separate-stderr "$BIN/news-summarize" --group-by story --groups-only --sentences 3 "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$(jq -r .summary "$TMP/single")" = "$(printf '%s\n' "$output" | jq -r .summary)" ]
	assert_json "$output" '.ids == ["copy-1","copy-2","copy-3"]'
	assert_json "$output" '[.summary_sentences[].id] | unique == ["copy-1"]'
}

@test "a group above --max-group is summarized in chunks of that size" {
	run --separate-stderr "$BIN/news-summarize" --group all --max-group 2 --groups-only "$STORY"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	assert_json "${lines[0]}" '.ids == ["river-1","river-2"]'
	assert_json "${lines[1]}" '.ids == ["river-3"]'
}

@test "a record marked dup of one in the group adds no sentence of its own" {
	{ head -1 "$STORY"; head -1 "$STORY" | jq -c '.id = "river-1b" | .dup = {"of":"river-1","similarity":0.99,"level":"document"}'; } >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group all --groups-only "$TMP/in"
	[ "$status" -eq 0 ]
	assert_json "$output" '.ids == ["river-1","river-1b"] and ([.summary_sentences[].id] | unique == ["river-1"])'
}

@test "same input, byte-identical output" {
	"$BIN/news-summarize" --group-by story --per-record "$STORY" "$STORY" >"$TMP/a"
	"$BIN/news-summarize" --group-by story --per-record "$STORY" "$STORY" >"$TMP/b"
	cmp "$TMP/a" "$TMP/b"
}

@test "bad input is reported and skipped, good records written" {
	check_bad_input news-summarize
	# In a group, a bad record is reported and left out of the story.
	printf '%s\n' '{"id":"a","text":"The mill closed on Monday morning."}' '{"id":"b","text":7}' \
		'{"id":"c","text":"Two hundred jobs went with the mill."}' >"$TMP/in"
	run --separate-stderr "$BIN/news-summarize" --group all --groups-only "$TMP/in"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-summarize: $TMP/in:2: "* ]]
	assert_json "$output" '.ids == ["a","c"]'
}

@test "a missing or malformed IDF table is an error naming the file" {
	run --separate-stderr "$BIN/news-summarize" --idf "$TMP/none.tsv" "$STORY"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-summarize: "*"none.tsv"* ]]
	printf 'term\tx\n' >"$TMP/bad.tsv"
	run --separate-stderr "$BIN/news-summarize" --idf "$TMP/bad.tsv" "$STORY"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-summarize: "*"bad.tsv"* ]]
	[ -z "$output" ]
}

@test "the contract check passes (../shared/conformance.py)" {
	[ -f "$SHARED/conformance.py" ] || skip "../shared/conformance.py not present"
	run python3 "$SHARED/conformance.py" "$BIN/news-summarize"
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" == *"passed, 0 failed" ]]
}

# --- eval/rouge.py on cases computed by hand (ROUGE-1.5.5's definitions) ---------------

# rouge SYSTEM REFERENCE [REFERENCE2] -- [OPTIONS]: prints the JSON result.
rouge() {
	local sys=$1 ref=$2; shift 2
	jq -cn --arg s "$sys" '{id: "x", summary: $s}' >"$TMP/sys.jsonl"
	jq -cn --arg s "$ref" '{id: "x", summary: $s}' >"$TMP/ref.jsonl"
	if [ "${1:-}" != "--" ] && [ $# -gt 0 ]; then
		jq -cn --arg s "$1" '{id: "x", summary: $s}' >>"$TMP/ref.jsonl"
		shift
	fi
	[ "${1:-}" = "--" ] && shift
	python3 "$ROOT/eval/rouge.py" "$@" "$TMP/sys.jsonl" "$TMP/ref.jsonl"
}

@test "rouge: unigram and bigram recall, precision, F1" {
	# the cat sat on the mat / the cat was on the mat:
	# unigrams 5 of 6 match (the x2, cat, on, mat); bigrams 3 of 5 (the cat, on the, the mat).
	out=$(rouge "The cat sat on the mat." "the cat was on the mat")
	assert_json "$out" '.["rouge-1"] == {"r":0.83333,"p":0.83333,"f":0.83333}'
	assert_json "$out" '.["rouge-2"] == {"r":0.6,"p":0.6,"f":0.6}'
	# Counts are clipped: "the the the" / "the cat": R = 1/2, P = 1/3, F = 2PR/(P+R) = 0.4.
	out=$(rouge "the the the" "the cat")
	assert_json "$out" '.["rouge-1"] == {"r":0.5,"p":0.33333,"f":0.4}'
	# Nothing in common: all zero.
	out=$(rouge "alpha beta" "gamma delta")
	assert_json "$out" '.["rouge-1"] == {"r":0,"p":0,"f":0}'
}

@test "rouge: tokens are [a-z0-9] runs, lower-cased; -m stems with Porter above 3 letters" {
	# "U.S. firm's" -> u s firm s;  ref "us firm" -> us firm: only "firm" matches.
	out=$(rouge "U.S. firm's" "us firm")
	assert_json "$out" '.["rouge-1"].r == 0.5 and .["rouge-1"].p == 0.25'
	# connections/connected vs connecting/connection: 0 unstemmed, all stemmed (connect).
	out=$(rouge "connections connected" "connecting connection")
	assert_json "$out" '.["rouge-1"].r == 0'
	out=$(rouge "connections connected" "connecting connection" -- -m)
	assert_json "$out" '.["rouge-1"] == {"r":1,"p":1,"f":1} and .["rouge-2"].r == 1'
	# Three letters or fewer are not stemmed: "ran"/"run" differ, "runs"->"run".
	# ("fundamental" -> "fundam": ROUGE-1.5.5's own step 4, where plain Porter gives "fundament".)
	out=$(rouge "runs ran" "run run" -- -m)
	assert_json "$out" '.["rouge-1"].r == 0.5'
	run python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); from rouge import porter
for w, s in [("caresses","caress"),("ponies","poni"),("relational","relat"),("generalization","gener"),
             ("hopefulness","hope"),("agreed","agre"),("hopping","hop"),("sky","sky"),("adjustment","adjust"),
             ("controlling","control"),("happy","happi"),("yelling","yell"),
             ("fundamental","fundam"),("replacement","replac"),("governments","govern")]:
    assert porter(w) == s, (w, porter(w), s)' "$ROOT/eval"
	[ "$status" -eq 0 ]
}

@test "rouge: -l keeps the first words, -b the first bytes, of system and references" {
	out=$(rouge "a b c d e" "a b x y z" -- -n 1)
	assert_json "$out" '.["rouge-1"].r == 0.4'
	out=$(rouge "a b c d e" "a b x y z" -- -n 1 -l 2)
	assert_json "$out" '.["rouge-1"] == {"r":1,"p":1,"f":1}'
	# -b 5: "abc defgh" -> "abc d"; "abc def" -> "abc d".
	out=$(rouge "abc defgh" "abc def" -- -n 1)
	assert_json "$out" '.["rouge-1"].r == 0.5'
	out=$(rouge "abc defgh" "abc def" -- -n 1 -b 5)
	assert_json "$out" '.["rouge-1"] == {"r":1,"p":1,"f":1}'
	# Lines are joined by a space, and the joining spaces do not count against -b:
	# "abc" + "defgh" at 5 bytes keeps "abc de"; "abc de zz" keeps "abc d".
	out=$(rouge $'ab\ncd' "ab cd" -- -n 2 -b 5)
	assert_json "$out" '.["rouge-2"].r == 1'
	out=$(rouge $'abc\ndefgh' "abc de zz" -- -n 1 -b 5)
	assert_json "$out" '.["rouge-1"] == {"r":0.5,"p":0.5,"f":0.5}'
	# -l counts words line by line; A-Z only are lower-cased, other bytes separate tokens.
	out=$(rouge $'One two\nthree four' "one two three" -- -n 1 -l 3)
	assert_json "$out" '.["rouge-1"] == {"r":1,"p":1,"f":1}'
	out=$(rouge "café-au-lait" "caf au lait" -- -n 1)
	assert_json "$out" '.["rouge-1"] == {"r":1,"p":1,"f":1}'
}

@test "rouge: several references are pooled (-f A)" {
	# "a b" against "a c" and "b c": 2 hits of 4 reference unigrams; P = 2 / (2 x 2).
	out=$(rouge "aa bb" "aa cc" "bb cc" -- -n 1)
	assert_json "$out" '.["rouge-1"] == {"r":0.5,"p":0.5,"f":0.5}'
}

@test "digest.sh ends with one story summary of the five samples, no sentence twice" {
	[ -x "$BIN/news-split" ] || skip "news-split not built in $BIN"
	run --separate-stderr env NEWSPIPE_BIN="$BIN" "$ROOT/pipelines/digest.sh" "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ]
	last=${lines[-1]}
	# One story (news-cluster), or the whole input where news-cluster is not built.
	assert_json "$last" '(.group == "000_056ee4437d67911c" or .group == "all") and (.ids | length) == 5'
	assert_json "$last" '(.summary | length) > 200 and (.summary | [splits(" +")] | length) <= 100'
	assert_json "$last" '[.summary_sentences[] | [.id, .start]] | (unique | length) == length'
	# The articles came first, each with its own summary (--per-record).
	[ "$(printf '%s\n' "${lines[@]}" | jq -s '[.[] | select(.text and .summary)] | length')" -eq 5 ]
}

@test "the man page examples run" {
	[ -x "$BIN/news-split" ] || skip "news-split not built in $BIN"
	cd "$ROOT"
	run --separate-stderr sh -c '"$0/news-split" samples/*.txt | "$0/news-summarize" | jq -r .summary' "$BIN"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5 ]
	run --separate-stderr sh -c '"$0/news-split" samples/*.txt | "$0/news-summarize" --group all | tail -1' "$BIN"
	[ "$status" -eq 0 ]
	assert_json "$output" '.group == "all" and (.ids | length) == 5'
	[ -x "$BIN/news-cluster" ] || skip "news-cluster not built in $BIN"
	run --separate-stderr sh -c '"$0/news-split" samples/*.txt | "$0/news-tag-entities" | "$0/news-cluster" | "$0/news-summarize" --group-by story --groups-only' "$BIN"
	[ "$status" -eq 0 ]
	assert_json "$output" '(.ids | length) == 5 and .people[0].name == "Sam Altman"'
	run --separate-stderr sh -c '"$0/news-split" samples/*.txt | "$0/news-cluster" | jq -sc "sort_by(.story)[]" | "$0/news-summarize" --group-by story --sorted --groups-only --words 100' "$BIN"
	[ "$status" -eq 0 ]
	assert_json "$output" '(.ids | length) == 5'
}
