#!/usr/bin/env bats
# news-extract-quotes: direct, partial and reported speech with speakers.
#
# Most tests run with --no-tagger so that names come from the record's
# `entities` or from the capitalisation fallback, whatever entity model is
# installed; one test covers the tagger path and skips without a model.

load helpers

# One record on stdin: rec TEXT [ENTITIES_JSON]
rec() {
	if [ $# -ge 2 ]; then
		jq -cn --arg t "$1" --argjson e "$2" '{id: "t", text: $t, entities: $e}'
	else
		jq -cn --arg t "$1" '{id: "t", text: $t}'
	fi
}

# Run the filter on one record: quotes_of TEXT [ENTITIES_JSON] (sets $output).
quotes_of() {
	rec "$@" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-extract-quotes" --no-tagger "$TMP/in.jsonl"
	[ "$status" -eq 0 ] || fail "exit $status: $stderr"
	[ -z "$stderr" ] || fail "stderr: $stderr"
}

@test "--help and --version print on stdout and exit 0" {
	run --separate-stderr "$BIN/news-extract-quotes" --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"news-extract-quotes"* ]]
	[[ "$output" == *"--no-tagger"* ]]
	run --separate-stderr "$BIN/news-extract-quotes" --version
	[ "$status" -eq 0 ]
	[[ "$output" == "news-extract-quotes (newspipe) "* ]]
}

@test "bad usage exits 2 with a hint" {
	run --separate-stderr "$BIN/news-extract-quotes" --no-such-option
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == *"news-extract-quotes --help"* ]]
	run --separate-stderr "$BIN/news-extract-quotes" --types=direct,speeches
	[ "$status" -eq 2 ]
	[[ "$stderr" == "news-extract-quotes: unknown name 'speeches' in --types (direct, partial or indirect)"* ]] ||
		fail "$stderr"
}

@test "bad input: each bad record reported, good ones written, exit 1" {
	check_bad_input news-extract-quotes --no-tagger
}

@test "a bad lexicon file is an error naming it" {
	printf 'said\tsay\tthat,loud\n' >"$TMP/cues.txt"
	rec 'He said so.' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-extract-quotes" --cues "$TMP/cues.txt" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"cues.txt:1: unknown cue flag 'loud'"* ]]
	run --separate-stderr "$BIN/news-extract-quotes" --speakers "$TMP/nope.txt" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"nope.txt"* ]]
}

@test "direct quote with a name from the record's entities (canonical name)" {
	quotes_of 'Sam Altman runs OpenAI. “We will keep going,” Altman said on Monday.' \
		'[{"text":"Sam Altman","type":"PER","start":0,"end":10,"canonical":"Sam Altman"},
		  {"text":"OpenAI","type":"ORG","start":16,"end":22,"canonical":"OpenAI"},
		  {"text":"Altman","type":"PER","start":46,"end":52,"canonical":"Sam Altman"}]'
	assert_json "$output" '.quotes | length == 1'
	assert_json "$output" '.quotes[0] | .type == "direct" and .text == "We will keep going," and .speaker == "Sam Altman" and .cue == "said"'
	assert_json "$output" '.quotes[0] | .speaker_start == 46 and .speaker_end == 52'
	assert_json "$output" '. as $r | all($r.quotes[]; .text == $r.text[.start:.end])'
}

@test "direct quotes in every mark style" {
	for q in '“A plan is ready,”' '"A plan is ready,"' "'A plan is ready,'" '‘A plan is ready,’' \
		 '«A plan is ready,»' '„A plan is ready,“' '‚A plan is ready,‘' '»A plan is ready,«'; do
		quotes_of "$q said Maria Lopez, the mayor."
		assert_json "$output" '.quotes | length == 1' || fail "style $q: $output"
		assert_json "$output" '.quotes[0] | .type == "direct" and .text == "A plan is ready," and .speaker == "Maria Lopez"' ||
			fail "style $q: $output"
	done
}

@test "apostrophes are not quotation marks" {
	quotes_of "The workers' union said it's ready. Maria Lopez's team didn't comment."
	assert_json "$output" 'all(.quotes[]; .type != "direct" and .type != "partial")'
}

@test "a quote continued across paragraphs is one quote" {
	quotes_of $'Maria Lopez spoke to reporters.\n\n“The first part of the plan is ready.\n\n“The second part comes next year,” Lopez said.'
	assert_json "$output" '.quotes | length == 1'
	assert_json "$output" '.quotes[0] | .type == "direct" and .speaker == "Maria Lopez" and (.text | startswith("The first part")) and (.text | endswith("next year,"))'
}

@test "nested quotes: the outermost is the quote" {
	quotes_of '“They told us ‘wait and see’ for years,” said Maria Lopez.'
	assert_json "$output" '.quotes | length == 1'
	assert_json "$output" '.quotes[0].text == "They told us ‘wait and see’ for years,"'
}

@test "a quote split by its attribution is one quote with one speaker" {
	quotes_of 'Tom Reed was angry. “We are not,” he said, “going to stop.”'
	assert_json "$output" '.quotes | length == 1'
	assert_json "$output" '.quotes[0] | .type == "direct" and .speaker == "Tom Reed" and (.text | startswith("We are not")) and (.text | endswith("going to stop."))'
}

@test "partial quote inside the writer's paraphrase" {
	quotes_of 'Mayor Maria Lopez called the raids “deeply upsetting” and left.'
	assert_json "$output" '.quotes | length == 1'
	assert_json "$output" '.quotes[0] | .type == "partial" and .text == "deeply upsetting" and .speaker == "Maria Lopez"'
}

@test "cue before the quote: direct with a colon or 'that', partial inside a clause" {
	quotes_of 'Tom Reed wrote that “the plan will not work.” Later Tom Reed said: “We tried.” Tom Reed said the plan was “a mess”.'
	assert_json "$output" '[.quotes[].type] == ["direct", "direct", "partial"]'
	assert_json "$output" 'all(.quotes[]; .speaker == "Tom Reed")'
}

@test "indirect speech: said (that), told Y (that), trailing cue, according to" {
	quotes_of 'Maria Lopez said that the budget would grow next year. Tom Reed told reporters the plan had failed. The deal is off, Tom Reed said. According to Maria Lopez, the talks will resume in May.'
	assert_json "$output" '.quotes | length == 4'
	assert_json "$output" 'all(.quotes[]; .type == "indirect")'
	assert_json "$output" '[.quotes[].text] == ["the budget would grow next year", "the plan had failed", "The deal is off", "the talks will resume in May"]'
	assert_json "$output" '[.quotes[].speaker] == ["Maria Lopez", "Tom Reed", "Tom Reed", "Maria Lopez"]'
	assert_json "$output" '[.quotes[].cue] == ["said", "told", "said", "According to"]'
	assert_json "$output" '. as $r | all($r.quotes[]; .text == $r.text[.start:.end])'
}

@test "indirect speech: wrote in a post that, added/noted/argued/warned/claimed" {
	quotes_of 'Tom Reed wrote in a post on Friday that the vote was rigged. He added that the count must start again. He noted that ten boxes were missing. He argued that the judges were biased. He warned that protests would follow. He claimed the mayor knew everything.'
	assert_json "$output" '.quotes | length == 6'
	assert_json "$output" '[.quotes[].cue] == ["wrote", "added", "noted", "argued", "warned", "claimed"]'
	assert_json "$output" 'all(.quotes[]; .type == "indirect" and .speaker == "Tom Reed")'
	assert_json "$output" '.quotes[0].text == "the vote was rigged"'
	assert_json "$output" '[.quotes[1:][].speaker_start] | all(. != null)'
}

@test "coordinated cues share the subject; the content stops at the next cue" {
	quotes_of 'Maria Lopez said the plan was sound but stressed that more money was needed.'
	assert_json "$output" '[.quotes[].text] == ["the plan was sound", "more money was needed"]'
	assert_json "$output" 'all(.quotes[]; .speaker == "Maria Lopez" and .speaker_start == 0)'
}

@test "pronouns and descriptions resolve to the most recent compatible entity" {
	quotes_of 'Acme Corp hired Tom Reed in May. The company said profits would rise. He said he was pleased.' \
		'[{"text":"Acme Corp","type":"ORG","start":0,"end":9,"canonical":"Acme Corp"},
		  {"text":"Tom Reed","type":"PER","start":16,"end":24,"canonical":"Tom Reed"}]'
	assert_json "$output" '[.quotes[].speaker] == ["Acme Corp", "Tom Reed"]'
	assert_json "$output" '. as $r | [$r.quotes[] | $r.text[.speaker_start:.speaker_end]] == ["The company", "He"]'
}

@test "unnamed sources get a null speaker, never a guess" {
	quotes_of 'Critics say the law is unfair. An open letter argued that the agency had gone too far.'
	assert_json "$output" '.quotes | length == 2'
	assert_json "$output" 'all(.quotes[]; .speaker == null and .speaker_start != null)'
}

@test "a floating quote paragraph takes the surrounding speaker" {
	quotes_of $'“We will win,” said Maria Lopez.\n\n“Nobody can stop us now.”\n\nThe crowd cheered.'
	assert_json "$output" '.quotes | length == 2'
	assert_json "$output" '.quotes[1] | .type == "direct" and .speaker == "Maria Lopez" and .cue == null'
}

@test "a second quoted sentence continues the attributed one" {
	quotes_of '“I love this city,” Maria Lopez wrote. “But it must change.”'
	assert_json "$output" '.quotes | length == 2'
	assert_json "$output" '[.quotes[].speaker] == ["Maria Lopez", "Maria Lopez"] and .quotes[1].cue == null'
}

@test "hard negatives: scare quotes, titles, quoted words without a speech act, beliefs" {
	quotes_of 'The so-called “deportation flights” resumed. She watched the film “Gone With the Wind” again. The “smart” meters failed. Tom Reed thinks the plan will fail. Tom Reed believes that taxes will rise.'
	assert_json "$output" '.quotes == []'
}

@test "hard negatives: a headline in quotes without a speaker, a nominal object, a negated cue" {
	quotes_of $'“Storm Hits The Coast”\n\nThe storm hit the coast on Monday. Maria Lopez expressed concern over the damage. Tom Reed did not say that the port would close.'
	assert_json "$output" '.quotes == []'
}

@test "a 100-paragraph article with alternating speakers" {
	local text="" i
	for i in $(seq 1 50); do
		text+="“Point $i is about money,” said Maria Lopez."$'\n\n'
		text+="“Reply $i is about people,” Tom Reed said."$'\n\n'
	done
	quotes_of "$text"
	assert_json "$output" '.quotes | length == 100'
	assert_json "$output" '[.quotes[].speaker] == [range(50) | "Maria Lopez", "Tom Reed"]'
	assert_json "$output" 'all(.quotes[]; .type == "direct" and .cue == "said")'
	assert_json "$output" '. as $r | all($r.quotes[]; .text == $r.text[.start:.end])'
}

@test "records without entities find names by capitalisation; with entities the canonical is used" {
	quotes_of 'Sam Altman leads the firm. Altman said the rules were unclear.'
	assert_json "$output" '.quotes[0].speaker == "Sam Altman"'
	quotes_of 'Sam Altman leads the firm. Altman said the rules were unclear.' \
		'[{"text":"Altman","type":"PER","start":27,"end":33,"canonical":"Samuel H. Altman"}]'
	assert_json "$output" '.quotes[0].speaker == "Samuel H. Altman"'
}

@test "offsets are code points; other fields pass through in order" {
	jq -cn --arg t 'Café owners 🙂 met. “Prices are too high,” said Zoë Brûlé.' \
		'{id: "x", lang: "en", text: $t, extra: [1, 2]}' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-extract-quotes" --no-tagger "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '[keys_unsorted[]] == ["id", "lang", "text", "extra", "quotes"]'
	assert_json "$output" '.quotes[0] | .start == 20 and .end == 40 and .speaker == "Zoë Brûlé"'
	assert_json "$output" '. as $r | all($r.quotes[]; .text == $r.text[.start:.end])'
}

@test "--types keeps only the asked types" {
	rec 'Tom Reed said the plan was “a mess”. Tom Reed said that the vote was rigged.' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-extract-quotes" --no-tagger --types=indirect "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '[.quotes[].type] == ["indirect"]'
}

@test "the entity model: used when installed, a missing --model is an error naming it" {
	rec 'Tom Reed said the plan had failed.' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-extract-quotes" --model "$TMP/none.bin" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"none.bin"* ]]
	[ -e "$NEWSPIPE_DATA/entities/model.bin" ] || skip "no entity model installed (make model)"
	run --separate-stderr "$BIN/news-extract-quotes" "$TMP/in.jsonl"
	[ "$status" -eq 0 ] || skip "installed entity model unusable: $stderr"
	assert_json "$output" '.quotes[0].text == "the plan had failed"'
}

@test "| head ends quietly" {
	# awk, not 3000 runs of jq: this setup took most of the suite's time.
	awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "{\"id\":\"t\",\"text\":\"Tom Reed said the plan %d had failed.\"}\n", i }' >"$TMP/many.jsonl"
	run bash -c "'$BIN/news-extract-quotes' --no-tagger '$TMP/many.jsonl' 2>'$TMP/err' | head -1 >/dev/null; echo \${PIPESTATUS[0]}"
	[[ "$output" == 141 || "$output" == 0 ]]
	[ ! -s "$TMP/err" ]
}

@test "he and she keep to the gender an honorific gives" {
	quotes_of 'Mrs Jane Smith met Mr Tom Brown on Monday. “We will win,” she said. “We will see,” he said.'
	assert_json "$output" '[.quotes[].speaker] == ["Jane Smith", "Tom Brown"]'
}

@test "a quote after a colon takes the sentence's named subject; a sign's title is not a quote" {
	quotes_of 'Maria Lopez was blunt: “We will fight this in court.” The sign read: “Closed For Repairs”'
	assert_json "$output" '.quotes | length == 1'
	assert_json "$output" '.quotes[0] | .type == "direct" and .speaker == "Maria Lopez" and .cue == null'
}

@test "a text far longer than an article (thousands of names and acronyms) ends, offsets valid" {
	# Acronym linking compared every mention with every other, and each
	# sentence went through every quotation: a 4 MB record took 14 s, 16 MB
	# 24 s, 100 MB would never end. The timeout guards a hang.
	python3 -c '
import json
s = "\"We will act,\" said John Smith of the Federal Bureau of Investigation. The FBI agreed. " * 3000
print(json.dumps({"id": "long", "text": s}))' >"$TMP/long.jsonl"
	run --separate-stderr timeout 300 "$BIN/news-extract-quotes" --no-tagger "$TMP/long.jsonl"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read()); t = r["text"]; q = r["quotes"]
assert len(q) >= 3000, len(q)
assert all(0 <= x["start"] < x["end"] <= len(t) for x in q), "offsets"'
}

@test "the work grows like the text: steps per token at 4x the length within 15% (no timing)" {
	# --stats counts every step of every loop (STEP in filters/extract-quotes).
	# Texts shaped to make a quadratic scan show: a news text with names,
	# quotes and acronyms; one "sentence" with no full stop or line break,
	# full of cues, pronouns and quotations; one with quotations and no cue;
	# a paragraph of quotations that never close; thousands of names. Quadratic work would make the steps
	# per token grow about 4 times from n to 4n; linear work keeps them level.
	python3 - "$TMP" <<'PY'
import json, sys
tmp = sys.argv[1]
unit = {
    "news": "\u201cWe will act,\u201d said John Smith of the Federal Bureau of Investigation (FBI). "
            "He told reporters the agency would \u201creview every case\u201d. The FBI said it was ready, "
            "according to Mary Jones. She added that Acme Corp had \u201cnothing to hide\u201d.\n\n",
    "sentence": "Smith said \u201ca plan\u201d and he told Jones that it was \u201cgood\u201d while the company "
                "claimed, according to Brown, that they argued ",
    "unclosed": "\u201cA quote that never closes, said Tom Reed, and \u2018another one ",
    "nocue": "the plan and the deal of the firm \u201ca point\u201d with more words in it, ",
    "names": "Alpha Beta Gamma Corp (ABGC) met Delta Epsilon, ABGC and Epsilon said. ",
}
for name, u in unit.items():
    for mult in (1, 4):
        n = 150000 * mult // len(u)
        with open("%s/%s-%d.jsonl" % (tmp, name, mult), "w") as f:
            f.write(json.dumps({"id": name, "text": u * n}) + "\n")
PY
	for shape in news sentence unclosed nocue names; do
		for mult in 1 4; do
			run --separate-stderr "$BIN/news-extract-quotes" --no-tagger --stats "$TMP/$shape-$mult.jsonl"
			[ "$status" -eq 0 ] || fail "$shape x$mult: exit $status: $stderr"
			work=$(printf '%s\n' "$stderr" | sed -n 's/^news-extract-quotes: work: \([0-9]*\) tokens, \([0-9]*\) steps$/\1 \2/p')
			[ -n "$work" ] || fail "no work line: $stderr"
			echo "$shape $mult $work" >>"$TMP/work.txt"
		done
	done
	run python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1])]
per = {}
for shape, mult, tokens, steps in rows:
    per.setdefault(shape, {})[mult] = int(steps) / int(tokens)
bad = [(s, v) for s, v in per.items() if v["4"] > 1.15 * v["1"]]
for s, v in sorted(per.items()):
    print("%-9s steps/token %.2f at n, %.2f at 4n" % (s, v["1"], v["4"]))
sys.exit(1 if bad else 0)' "$TMP/work.txt"
	[ "$status" -eq 0 ] || fail "work grows faster than the text: $output"
}

@test "an empty cue or speaker lexicon is an error naming the file, not a crash" {
	# A file of zero bytes is refused by the data file reader; one of comments only reads as empty.
	: >"$TMP/zero.txt"
	printf '# none\n' >"$TMP/empty.txt"
	printf '{"id":"a","text":"\\"Yes,\\" he said."}\n' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-extract-quotes" --cues "$TMP/zero.txt" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-extract-quotes: data file '$TMP/zero.txt' is empty"* ]]
	run --separate-stderr "$BIN/news-extract-quotes" --cues "$TMP/empty.txt" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-extract-quotes: $TMP/empty.txt: no cue verbs" ]]
	# An empty speaker list is allowed (a sanitized build checks the read).
	run --separate-stderr "$BIN/news-extract-quotes" --speakers "$TMP/empty.txt" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$output" '.quotes | type == "array"'
}

@test "malformed paragraphs/sentences are ignored with a warning; the record is segmented here" {
	printf '%s\n' '{"id":"m","text":"The plan failed, Mary Smith said on Monday.","paragraphs":"x","sentences":[[9,2]]}' >"$TMP/m.jsonl"
	run --separate-stderr "$BIN/news-extract-quotes" --no-tagger "$TMP/m.jsonl"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"$TMP/m.jsonl:1: bad 'paragraphs' ignored"* ]]
	[[ "$stderr" == *"$TMP/m.jsonl:1: bad 'sentences' ignored"* ]]
	assert_json "$output" '.quotes[0].type == "indirect" and .quotes[0].speaker == "Mary Smith"'
}

@test "speaker_type: PER or ORG with a speaker, null without; dates and fragments are no speakers" {
	quotes_of 'Acme Corp said its profits rose by a tenth. Tom Reed said the costs fell. Critics say the plan is unfair.' \
		'[{"text":"Acme Corp","type":"ORG","start":0,"end":9,"canonical":"Acme Corp"},
		  {"text":"Tom Reed","type":"PER","start":44,"end":52,"canonical":"Tom Reed"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Acme Corp","ORG"],["Tom Reed","PER"],[null,null]]'
	# A month the tagger took for a name, and the "P" of "S and P": never a
	# speaker (the whole "S and P" is a name).
	quotes_of 'In March, it said the plan had failed. S and P said the debt was sound.' \
		'[{"text":"March","type":"ORG","start":3,"end":8,"canonical":"March"},
		  {"text":"P","type":"ORG","start":45,"end":46,"canonical":"P"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [[null,null],["S and P","ORG"]]'
}

@test "a name does not start with a sentence adverb the tagger took in ('Besides Demi')" {
	quotes_of 'Besides Demi Moore said the film was good.' \
		'[{"text":"Besides Demi Moore","type":"PER","start":0,"end":18,"canonical":"Besides Demi Moore"}]'
	assert_json "$output" '.quotes[0] | .speaker == "Demi Moore" and .speaker_type == "PER" and .speaker_start == 8'
}

@test "he and she resolve by the sex of the first name, the most salient person" {
	quotes_of 'Mary Jones met John Smith on Monday. “We will win,” she said. “We will see,” he said.'
	assert_json "$output" '[.quotes[].speaker] == ["Mary Jones", "John Smith"]'
	# The subject of the sentence before wins over a name repeated further back.
	quotes_of 'Tom Reed spoke first. Tom Reed said the plan was sound. Later Bill Jones, whose firm lost the bid, said the plan was too costly. “It will fail,” he said.'
	assert_json "$output" '.quotes[-1].speaker == "Bill Jones"'
}

@test "a description resolves to the person it was said of; an unnamed speaker stays unnamed" {
	quotes_of 'Acme chief executive Tom Reed spoke in Paris. Mary Jones, an analyst, listened. The chief executive said profits would rise.'
	assert_json "$output" '.quotes[0] | .speaker == "Tom Reed" and .cue == "said"'
	# "She" after "A company spokeswoman said" is the spokeswoman, not Mary Jones.
	quotes_of 'Mary Jones runs the plant. A company spokeswoman said the plant would close. She said that talks had failed.'
	assert_json "$output" '[.quotes[].speaker] == [null, null]'
	assert_json "$output" '. as $r | [$r.quotes[] | $r.text[.speaker_start:.speaker_end]] == ["A company spokeswoman", "She"]'
}

@test "a long apposition between quote and verb; a colon after a sentence with a named subject" {
	quotes_of '“We build vans,” Guenther Schuh, e.GO'"'"'s founder and the mastermind behind Europe'"'"'s best-selling electric van, said.'
	assert_json "$output" '.quotes[0] | .type == "direct" and .speaker == "Guenther Schuh" and .cue == "said"'
	quotes_of 'Laah Chong-gyu spoke. “LG Card will not need aid,” Laah Chong-gyu, executive director of Korea Development Bank - one of the creditors - said.'
	assert_json "$output" '.quotes[0] | .speaker == "Laah Chong-gyu" and .cue == "said"'
	quotes_of 'Elon Musk runs Tesla. Musk again took to Twitter with this: “The cars are safe.”' \
		'[{"text":"Elon Musk","type":"PER","start":0,"end":9,"canonical":"Elon Musk"},
		  {"text":"Tesla","type":"ORG","start":15,"end":20,"canonical":"Tesla"},
		  {"text":"Musk","type":"PER","start":22,"end":26,"canonical":"Elon Musk"}]'
	assert_json "$output" '.quotes[0] | .type == "direct" and .speaker == "Elon Musk" and .speaker_type == "PER"'
}

@test "a quotation paragraph with no cue continues the speaker of the paragraph before, reported or quoted" {
	quotes_of $'Tom Reed said the plan had failed.\n\n“We tried everything we could.”'
	assert_json "$output" '[.quotes[] | [.type, .speaker, .cue]] == [["indirect","Tom Reed","said"],["direct","Tom Reed",null]]'
}

@test "a partial quote inside a reported clause: the clause is the quote, the quoted words its fragments" {
	quotes_of 'Tom Reed says he'"'"'s “amazed and overwhelmed” by the support.'
	assert_json "$output" '.quotes | length == 1'
	assert_json "$output" '.quotes[0] | .type == "partial" and .speaker == "Tom Reed" and .cue == "says"'
	assert_json "$output" '. as $r | $r.quotes[0] | .text == "he'"'"'s “amazed and overwhelmed” by the support" and ([.fragments[] | $r.text[.[0]:.[1]]] == ["amazed and overwhelmed"])'
	# Quoted words with no clause keep their own span.
	quotes_of 'Tom Reed called the raids “deeply upsetting” and left.'
	assert_json "$output" '.quotes[0] | .type == "partial" and .text == "deeply upsetting" and .fragments == [[.start, .end]]'
}

@test "reported speech: nouns of saying, an interrupting attribution, a time phrase before that" {
	quotes_of 'Tom Reed repeated his view that the tax was unfair. By doing so, he said, the firm had cut its costs. Mary Jones said earlier this year that prices would rise.'
	assert_json "$output" '[.quotes[] | [.type, .speaker, .cue, .text]] == [
		["indirect","Tom Reed","view","the tax was unfair"],
		["indirect","Tom Reed","said","By doing so, he said, the firm had cut its costs"],
		["indirect","Mary Jones","said","prices would rise"]]'
}

@test "a name after a kind of company is an organisation; a document speaks for its publisher; 'the 46-year-old'" {
	quotes_of 'Shares in housebuilder Jack Harper rose. The company said sales rose by a fifth.'
	assert_json "$output" '.quotes[0] | .speaker == "Jack Harper" and .speaker_type == "ORG"'
	# A noun that names people too decides nothing.
	quotes_of 'Shares in broadcaster Jack Harper rose. Jack Harper said sales rose by a fifth.'
	assert_json "$output" '.quotes[0] | .speaker == "Jack Harper" and .speaker_type == "PER"'
	quotes_of 'Northland Bank published its latest Harvest survey on Monday. The Harvest survey said that farm incomes had fallen.'
	assert_json "$output" '.quotes[0] | .speaker == "Northland Bank" and .speaker_type == "ORG"'
	# A hyphenated description stands for its head noun or an age.
	quotes_of 'Mary Jones, a mother-of-three from Hull, spoke to Tom Reed. The mother-of-three said the school was closing.'
	assert_json "$output" '.quotes[0].speaker == "Mary Jones"'
	quotes_of 'Anna Price, 46, spoke to Tom Reed. The 46-year-old said the school was closing.'
	assert_json "$output" '.quotes[0].speaker == "Anna Price"'
}

@test "a possessor is no part of the speaker's name; 'Press' does not make an actress an organisation" {
	quotes_of 'Prices are at risk from falling demand, the UN'"'"'s Food & Agriculture Organisation has warned. The FAO said that the market was divided in two.' \
		'[{"text":"UN'"'"'s Food & Agriculture Organisation","type":"ORG","start":44,"end":80,"canonical":"UN'"'"'s Food & Agriculture Organisation"},
		  {"text":"FAO","type":"ORG","start":97,"end":100,"canonical":"UN'"'"'s Food & Agriculture Organisation"}]'
	assert_json "$output" '[.quotes[] | .speaker] == ["Food & Agriculture Organisation", "Food & Agriculture Organisation"]'
	quotes_of 'The film stars actress Nathalie Press. “It was a joy to make,” she said.' \
		'[{"text":"Nathalie Press","type":"PER","start":23,"end":37,"canonical":"Nathalie Press"}]'
	assert_json "$output" '.quotes[0] | .speaker == "Nathalie Press" and .speaker_type == "PER"'
}

@test "'she said' in the second sentence of a quotation is the subject's of the first" {
	quotes_of 'Mary Jones starred in the film. Anna Lee, from Leeds, described her win as “a shock. I am not used to this,” she said.'
	assert_json "$output" '.quotes[0] | .speaker == "Anna Lee" and .cue == "said"'
}

@test "after an apposition, 'said the changes ...' starts the content: the subject is before the apposition" {
	quotes_of 'Alain Terzian, president of the organisers, said the changes in eligibility rules were made three months ago.'
	assert_json "$output" '.quotes[0] | .speaker == "Alain Terzian" and .text == "the changes in eligibility rules were made three months ago"'
	# Inversion after a comma still names a speaker noun or a name.
	quotes_of 'The new plan will surely fail, said the experts.'
	assert_json "$output" '. as $r | $r.quotes[0] | .speaker == null and $r.text[.speaker_start:.speaker_end] == "the experts"'
}

@test "analysts at an organisation speak for it; analysts alone, or a place's, are no one" {
	quotes_of 'Analysts at Acme Bank said that the new plan would surely fail. Analysts said that the costs were far too high. London analysts said that the plan was a good one.' \
		'[{"text":"Acme Bank","type":"ORG","start":12,"end":21,"canonical":"Acme Bank"},
		  {"text":"London","type":"LOC","start":112,"end":118,"canonical":"London"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Acme Bank","ORG"],[null,null],[null,null]]'
}

@test "a subject described, then named in apposition, is the named one for a later 'he'" {
	quotes_of 'The head of the union, Tom Reed, says the deal is fair to all. Workers met on Monday. The leader of one of the city'"'"'s largest councils, Bill Jones, says the deal would hurt the region badly. He called the deal “a disgrace”.'
	assert_json "$output" '[.quotes[].speaker] == ["Tom Reed", "Bill Jones", "Bill Jones"]'
}

@test "a company's name without its corporate tail is the company ('Blue Hill' for 'Blue Hill Tire and Rubber Co')" {
	quotes_of 'Blue Hill Tire and Rubber Co said that it raised its dividend by a tenth. Blue Hill said that sales rose by a fifth.' \
		'[{"text":"Blue Hill Tire and Rubber Co","type":"ORG","start":0,"end":28,"canonical":"Blue Hill Tire and Rubber Co"},
		  {"text":"Blue Hill","type":"ORG","start":74,"end":83,"canonical":"Blue Hill"}]'
	assert_json "$output" '[.quotes[].speaker] == ["Blue Hill Tire and Rubber Co", "Blue Hill Tire and Rubber Co"]'
}

@test "a name after the noun of a thing (a film, a drug) is no antecedent of 'the company' or 'she'" {
	quotes_of 'Acme Pharma had hoped to sell its drug against rival medicine Zentra Labs. Zentra Labs proved better in the trial. The company said it would make big changes to its research work.' \
		'[{"text":"Acme Pharma","type":"ORG","start":0,"end":11,"canonical":"Acme Pharma"},
		  {"text":"Zentra Labs","type":"ORG","start":62,"end":73,"canonical":"Zentra Labs"},
		  {"text":"Zentra Labs","type":"ORG","start":75,"end":86,"canonical":"Zentra Labs"}]'
	assert_json "$output" '.quotes[0].speaker == "Acme Pharma"'
}

@test "'the report' that nothing named is the document of the organisation that has spoken" {
	quotes_of 'Exports will fall this year, the Northland Institute said in an annual review of the economy. The report said that costs had risen sharply over the year.' \
		'[{"text":"Northland Institute","type":"ORG","start":33,"end":52,"canonical":"Northland Institute"}]'
	assert_json "$output" '[.quotes[].speaker] == ["Northland Institute", "Northland Institute"]'
	# An unnamed source's report stays unnamed.
	quotes_of 'Exports will fall this year, a study group said. The report said that costs had risen sharply over the year.'
	assert_json "$output" '[.quotes[].speaker] == [null, null]'
}

@test "a name after a person's noun, with a known first name, is a person's whatever the tagger said; its surname is his" {
	quotes_of 'Chicago physician Roger Pesch said he had talked to several large shareholders. Pesch said he saw support for the plan among them.' \
		'[{"text":"Roger Pesch","type":"ORG","start":18,"end":29,"canonical":"Roger Pesch"},
		  {"text":"Pesch","type":"ORG","start":80,"end":85,"canonical":"Pesch"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Roger Pesch","PER"],["Roger Pesch","PER"]]'
}

@test "'Standard and' belongs to 'Poor's Corp'; 'S and P' is its acronym, not the speaker 'P'" {
	quotes_of 'Standard and Poor'"'"'s Corp said it cut the debt rating of Acme Inc by a notch. S and P said Acme lost a large sum of money last year.' \
		'[{"text":"Poor'"'"'s Corp","type":"ORG","start":13,"end":24,"canonical":"Poor'"'"'s Corp"},
		  {"text":"Acme Inc","type":"ORG","start":56,"end":64,"canonical":"Acme Inc"},
		  {"text":"P","type":"ORG","start":83,"end":84,"canonical":"P"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Standard and Poor'"'"'s Corp","ORG"],["Standard and Poor'"'"'s Corp","ORG"]]'
}

@test "a participle cue with its own 'that' clause reports a second thing, even without a comma; its speaker is the clause's" {
	quotes_of 'Acme Corp said it was optimistic about prospects for its slimming products saying that demand is on the wane for rival diets.' \
		'[{"text":"Acme Corp","type":"ORG","start":0,"end":9,"canonical":"Acme Corp"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .cue, .text]] == [
		["Acme Corp","said","it was optimistic about prospects for its slimming products"],
		["Acme Corp","saying","demand is on the wane for rival diets"]]'
}

@test "'Tom Reed's wife' is the one person of the text with his surname and her sex, named before or after; two such are no one" {
	quotes_of 'Tom Reed'"'"'s wife has said she is certain that her husband is innocent. Mary Reed spoke to reporters outside the court on Monday.'
	assert_json "$output" '.quotes[0].speaker == "Mary Reed"'
	quotes_of 'Tom Reed'"'"'s wife has said she is certain that her husband is innocent. Mary Reed and Jane Reed spoke to reporters outside the court.'
	assert_json "$output" '.quotes[0].speaker == null'
}

@test "a quantifier stands for unnamed sources: 'most say ...', 'many say ...' (null speaker)" {
	quotes_of 'Aid agencies have pledged their support; most say it is impossible to gauge the damage yet. Many say the plan will fail badly in the end. Some say the costs are far too high.'
	assert_json "$output" '. as $r | [$r.quotes[] | [.speaker, $r.text[.speaker_start:.speaker_end], .text]] == [
		[null, "most", "it is impossible to gauge the damage yet"],
		[null, "Many", "the plan will fail badly in the end"],
		[null, "Some", "the costs are far too high"]]'
	# "some say" inside a clause is a noun.
	quotes_of 'They want some say over the plan for the town.'
	assert_json "$output" '.quotes == []'
}

@test "'the government' is a country's government when one is named in the phrase, else no one: never the last organisation that spoke" {
	quotes_of 'Acme Mining said on Monday that profits had risen. The government has said it will review the tax on mining firms.' \
		'[{"text":"Acme Mining","type":"ORG","start":0,"end":11,"canonical":"Acme Mining"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Acme Mining","ORG"],[null,null]]'
	quotes_of 'Acme Mining said on Monday that profits had risen. Indonesia'"'"'s government said it would send more aid to the region.' \
		'[{"text":"Acme Mining","type":"ORG","start":0,"end":11,"canonical":"Acme Mining"},
		  {"text":"Indonesia","type":"LOC","start":52,"end":61,"canonical":"Indonesia"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Acme Mining","ORG"],["Indonesia'"'"'s government","ORG"]]'
	quotes_of 'Acme Mining said on Monday that profits had risen. The Indonesian government said it would send more aid to the region.' \
		'[{"text":"Acme Mining","type":"ORG","start":0,"end":11,"canonical":"Acme Mining"},
		  {"text":"Indonesian","type":"MISC","start":56,"end":66,"canonical":"Indonesian"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Acme Mining","ORG"],["Indonesian government","ORG"]]'
	# "government" as a modifier heads nothing.
	quotes_of 'Acme Corp'"'"'s government systems division said it had won a large contract from the navy.' \
		'[{"text":"Acme Corp","type":"ORG","start":0,"end":9,"canonical":"Acme Corp"}]'
	assert_json "$output" '(.quotes | length) == 1 and (.quotes[0].speaker // "" | test("government") | not)'
}

@test "a title with function words inside is one name: 'A Top of the Pops spokesperson' speaks for Top of the Pops, 'Help the Aged' is one organisation" {
	quotes_of 'A Top of the Pops spokesperson said the show would return to the screen in May.' \
		'[{"text":"Pops","type":"ORG","start":13,"end":17,"canonical":"Pops"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Top of the Pops","ORG"]]'
	quotes_of 'Help the Aged said many pensioners could not afford to heat their homes.' \
		'[{"text":"Aged","type":"ORG","start":9,"end":13,"canonical":"Aged"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Help the Aged","ORG"]]'
	# A place before a bare "the" is another name; a word that opens the sentence is no title's before "of".
	quotes_of 'Shares of the Daily Mail fell. In London the BBC said it would cut jobs in the regions.' \
		'[{"text":"Daily Mail","type":"ORG","start":14,"end":24,"canonical":"Daily Mail"},
		  {"text":"London","type":"LOC","start":34,"end":40,"canonical":"London"},
		  {"text":"BBC","type":"ORG","start":45,"end":48,"canonical":"BBC"}]'
	assert_json "$output" '[.quotes[] | .speaker] == ["BBC"]'
}

@test "two capitalised words are no person without a first name, a title or the surname alone: 'Age Concern' is an organisation" {
	# What the tagger calls a person, with a first word the text uses as a common word.
	quotes_of 'Age Concern said many pensioners in old age could not afford to heat their homes.' \
		'[{"text":"Age Concern","type":"PER","start":0,"end":11,"canonical":"Age Concern"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Age Concern","ORG"]]'
	# A tagged person named once by a rare given name stays a person.
	quotes_of 'Junko Tanabe said the yen would rise again next week.' \
		'[{"text":"Junko Tanabe","type":"PER","start":0,"end":12,"canonical":"Junko Tanabe"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Junko Tanabe","PER"]]'
	# A pronoun is no common word: "He Lin" stays a person though the text says "he".
	quotes_of 'In a speech, He Lin said the reforms had failed. Prices would rise next year, he added.' \
		'[{"text":"He Lin","type":"PER","start":13,"end":19,"canonical":"He Lin"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["He Lin","PER"],["He Lin","PER"]]'
	# Without a tagger, capitals alone: a person needs a known first name or "Mr".
	quotes_of 'Age Concern said pensioners could not afford heating. Jane Moss said prices would rise. Dr Laah Chong said the plan would fail.'
	assert_json "$output" '[.quotes[] | [.speaker, .speaker_type]] == [["Age Concern","ORG"],["Jane Moss","PER"],["Laah Chong","PER"]]'
}

@test "a relative clause between subject and cue: its own cue is a quote of the subject, and ', said' after it is the main verb's" {
	quotes_of 'Peter Gram, who admitted he had misled investors, said the company would repay them in full.' \
		'[{"text":"Peter Gram","type":"PER","start":0,"end":10,"canonical":"Peter Gram"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .cue, .text]] == [
		["Peter Gram","admitted","he had misled investors"],
		["Peter Gram","said","the company would repay them in full"]]'
	quotes_of 'The Retail Studies Centre, which monitors shop prices, said sales had fallen sharply in March.' \
		'[{"text":"Retail Studies Centre","type":"ORG","start":4,"end":25,"canonical":"Retail Studies Centre"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .cue, .text]] == [["Retail Studies Centre","said","sales had fallen sharply in March"]]'
	# A reduced passive is no new verb: "a firm, said to be ..." goes on.
	quotes_of 'Peter Gram said the buyer was Acme, said to be the largest firm in the region.' \
		'[{"text":"Peter Gram","type":"PER","start":0,"end":10,"canonical":"Peter Gram"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .text]] == [["Peter Gram","the buyer was Acme, said to be the largest firm in the region"]]'
}

@test "relayed speech: 'X said Y had told him the plant would close' is Y's quote (X only relays it); an object is no content" {
	quotes_of 'Mark Ellison said that Tom Baker had told him the factory would close in June.' \
		'[{"text":"Mark Ellison","type":"PER","start":0,"end":12,"canonical":"Mark Ellison"},
		  {"text":"Tom Baker","type":"PER","start":23,"end":32,"canonical":"Tom Baker"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .cue, .text]] == [["Tom Baker","told","the factory would close in June"]]'
	quotes_of 'Mark Ellison said Tom Baker had warned that the factory would close in June.' \
		'[{"text":"Mark Ellison","type":"PER","start":0,"end":12,"canonical":"Mark Ellison"},
		  {"text":"Tom Baker","type":"PER","start":18,"end":27,"canonical":"Tom Baker"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .cue, .text]] == [["Tom Baker","warned","the factory would close in June"]]'
	# "would announce the results": an object, so the quote stays the relay's.
	quotes_of 'Mark Ellison said Tom Baker would announce the results in June.' \
		'[{"text":"Mark Ellison","type":"PER","start":0,"end":12,"canonical":"Mark Ellison"},
		  {"text":"Tom Baker","type":"PER","start":18,"end":27,"canonical":"Tom Baker"}]'
	assert_json "$output" '[.quotes[] | [.speaker, .cue]] == [["Mark Ellison","said"]]'
}

@test "an apposition with coordinated roles and no closing comma: 'NAME, ROLE and ROLE said:' is NAME's, and so are the quotes after" {
	quotes_of 'Acme said on Monday that profits had risen. Jane Holloway, chairman and chief executive said: "We are pleased with the year." "It was a good year for us."' \
		'[{"text":"Acme","type":"ORG","start":0,"end":4,"canonical":"Acme"},
		  {"text":"Jane Holloway","type":"PER","start":44,"end":57,"canonical":"Jane Holloway"}]'
	assert_json "$output" '[.quotes[] | .speaker] == ["Acme","Jane Holloway","Jane Holloway"]'
	quotes_of 'Jane Holloway, chairman of Acme and president of the Dairy Council said the tax was unfair to farmers.' \
		'[{"text":"Jane Holloway","type":"PER","start":0,"end":13,"canonical":"Jane Holloway"},
		  {"text":"Acme","type":"ORG","start":27,"end":31,"canonical":"Acme"},
		  {"text":"Dairy Council","type":"ORG","start":53,"end":66,"canonical":"Dairy Council"}]'
	assert_json "$output" '[.quotes[] | .speaker] == ["Jane Holloway"]'
	# Not an apposition: another name in it is the subject.
	quotes_of 'According to Tom Reed, Prime Minister Jane Holloway told the cabinet that taxes would rise.' \
		'[{"text":"Tom Reed","type":"PER","start":13,"end":21,"canonical":"Tom Reed"},
		  {"text":"Jane Holloway","type":"PER","start":38,"end":51,"canonical":"Jane Holloway"}]'
	assert_json "$output" '[.quotes[] | select(.cue == "told") | .speaker] == ["Jane Holloway"]'
}

@test "'the police', 'the council', 'the ministry' are an organisation so named or so called, never the company that spoke last" {
	quotes_of 'Acme Mining said on Monday that profits had risen sharply. The police said the roads to the mine were closed.' \
		'[{"text":"Acme Mining","type":"ORG","start":0,"end":11,"canonical":"Acme Mining"}]'
	assert_json "$output" '[.quotes[] | .speaker] == ["Acme Mining",null]'
	quotes_of 'Acme Mining said on Monday that profits had risen sharply. The Dairy Council disagreed. The council said the plan would go ahead.' \
		'[{"text":"Acme Mining","type":"ORG","start":0,"end":11,"canonical":"Acme Mining"},
		  {"text":"Dairy Council","type":"ORG","start":62,"end":75,"canonical":"Dairy Council"}]'
	assert_json "$output" '[.quotes[] | .speaker] == ["Acme Mining","Dairy Council"]'
}
