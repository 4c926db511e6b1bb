#!/usr/bin/env bats
# news-cluster: stories of the same event across wording, the window and
# time, undated articles, entities, the state (round trip, bad files),
# --max-stories, the output form, bad input.

load helpers

FIX=$BATS_TEST_DIRNAME/fixtures/cluster/articles.jsonl

# "id story" lines of news-cluster output on stdin.
stories() {
	jq -r '"\(.id) \(.story)"'
}

@test "--help, --version and bad usage" {
	run --separate-stderr "$BIN/news-cluster" --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: news-cluster "* ]]
	[ -z "$stderr" ]
	run --separate-stderr "$BIN/news-cluster" --version
	[ "$status" -eq 0 ]
	[[ "$output" == "news-cluster (newspipe) "* ]]
	for bad in "--window 0" "--window 3x" "--window -1d" "--threshold 1.5" "--threshold x" "--max-stories 0" \
		"--now -5" "--no-such-option"; do
		run --separate-stderr "$BIN/news-cluster" $bad "$FIX"
		[ "$status" -eq 2 ] || fail "'$bad': exit $status"
		[ -z "$output" ]
		[[ "$stderr" == "news-cluster: "* ]] || fail "'$bad': $stderr"
	done
	# A bad duration is told what a duration is.
	run --separate-stderr "$BIN/news-cluster" --window 3w "$FIX"
	[[ "$stderr" == "news-cluster: invalid value '3w' for --window (a duration N[smhd]: from 1s to 36500d)"* ]] || fail "$stderr"
}

@test "reports of one event share a story, other events have their own; story is the first report's id" {
	run --separate-stderr "$BIN/news-cluster" "$FIX"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | stories | tr '\n' ,)" = \
		"flood-1 flood-1,merger-1 merger-1,flood-2 flood-1,dairy-profit dairy-profit,merger-2 merger-1,quake-1 quake-1,flood-3 flood-1,quake-2 quake-1," ]
}

@test "--threshold decides: low, a dairy's results join the dairy takeover; high, rewordings part" {
	"$BIN/news-cluster" --threshold 0.1 "$FIX" | stories >"$TMP/low"
	grep -qx 'dairy-profit merger-1' "$TMP/low"
	"$BIN/news-cluster" --threshold 0.9 "$FIX" | stories >"$TMP/high"
	[ "$(cut -d' ' -f2 "$TMP/high" | sort -u | wc -l)" -eq 8 ]
}

@test "the samples, five outlets' reports of one story, are one story" {
	run --separate-stderr sh -c '"$0/news-split" "$1"/samples/*.txt | "$0/news-clean" | "$0/news-tag-entities" | "$0/news-cluster"' "$BIN" "$ROOT"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -r .story | sort -u)" = 000_056ee4437d67911c ]
	# Without entities too.
	run --separate-stderr sh -c '"$0/news-split" "$1"/samples/*.txt | "$0/news-clean" | "$0/news-cluster"' "$BIN" "$ROOT"
	[ "$(printf '%s\n' "$output" | jq -r .story | sort -u | wc -l)" -eq 1 ]
}

@test "a story quiet for longer than --window is closed: a later report begins a new story" {
	# flood-3 comes a day after flood-2: with a 12-hour window it is a new story.
	"$BIN/news-cluster" --window 12h "$FIX" | stories >"$TMP/12h"
	grep -qx 'flood-2 flood-1' "$TMP/12h"
	grep -qx 'flood-3 flood-3' "$TMP/12h"
	"$BIN/news-cluster" --window 86400s "$FIX" | stories | grep -qx 'flood-3 flood-1'
	# Two reports 4 days apart are two stories with the default window (3d).
	jq -c 'select(.id == "flood-1" or .id == "flood-2")' "$FIX" >"$TMP/pair.jsonl"
	sed -i '2s/2026-03-02T11:15:00Z/2026-03-06T11:15:00Z/' "$TMP/pair.jsonl"
	[ "$("$BIN/news-cluster" "$TMP/pair.jsonl" | jq -r .story | tr '\n' ' ')" = "flood-1 flood-2 " ]
	# A report that arrives late (dated before the story's last one) still joins it.
	jq -c 'select(.id == "flood-1" or .id == "flood-2")' "$FIX" | tac >"$TMP/late.jsonl"
	[ "$("$BIN/news-cluster" "$TMP/late.jsonl" | jq -r .story | tr '\n' ' ')" = "flood-2 flood-2 " ]
}

@test "an undated report takes the time of the latest dated one; before any, the first date that follows" {
	# Undated flood-2 after the quake (2026-03-03) still joins the flood story (a day old).
	jq -c 'select(.id == "flood-1" or .id == "quake-1")' "$FIX" >"$TMP/in.jsonl"
	jq -c 'select(.id == "flood-2") | del(.published)' "$FIX" >>"$TMP/in.jsonl"
	[ "$("$BIN/news-cluster" "$TMP/in.jsonl" | jq -r .story | tr '\n' ' ')" = "flood-1 quake-1 flood-1 " ]
	# An undated first report is dated by the next one: a report 4 days later does not join it.
	jq -c 'select(.id == "flood-1") | del(.published)' "$FIX" >"$TMP/first.jsonl"
	jq -c 'select(.id == "quake-1") | .published = "2026-03-09T00:00:00Z"' "$FIX" >>"$TMP/first.jsonl"
	jq -c 'select(.id == "flood-2") | .published = "2026-03-09T01:00:00Z"' "$FIX" >>"$TMP/first.jsonl"
	[ "$("$BIN/news-cluster" "$TMP/first.jsonl" | jq -r .story | tr '\n' ' ')" = "flood-1 quake-1 flood-1 " ]
	# What is not a date counts as none; the forms feeds write count.
	jq -c '.published = "last Tuesday"' "$FIX" >"$TMP/text-dates.jsonl"
	run --separate-stderr "$BIN/news-cluster" --stats "$TMP/text-dates.jsonl"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"8 articles undated"* ]] || fail "$stderr"
	jq -c 'select(.id == "flood-1" or .id == "flood-2") | .published |= (if . == "2026-03-02T08:00:00Z" then "Mon, 02 Mar 2026 09:00:00 +0100" else "2026-03-06" end)' "$FIX" >"$TMP/rfc.jsonl"
	[ "$("$BIN/news-cluster" --window 3d "$TMP/rfc.jsonl" | jq -r .story | tr '\n' ' ')" = "flood-1 flood-2 " ]
}

@test "canonical names of news-tag-entities link reports that name a person differently" {
	# Few shared words; the entities say "Ortega" is "Lina Ortega" in both.
	printf '%s\n' \
		'{"id":"a","published":"2026-03-02","text":"Lina Ortega resigned as chair of the Varnholt port authority on Monday after auditors questioned contracts.","entities":[{"text":"Lina Ortega","type":"PER","start":0,"end":11,"canonical":"Lina Ortega"},{"text":"Varnholt","type":"LOC","start":42,"end":50,"canonical":"Varnholt"}]}' \
		'{"id":"b","published":"2026-03-02","text":"Ortega quits, saying an inquiry into tenders at the harbour would clear her name.","entities":[{"text":"Ortega","type":"PER","start":0,"end":6,"canonical":"Lina Ortega"}]}' \
		>"$TMP/in.jsonl"
	[ "$("$BIN/news-cluster" "$TMP/in.jsonl" | jq -r .story | tr '\n' ' ')" = "a a " ]
	# The same texts without their entities are two stories.
	jq -c 'del(.entities)' "$TMP/in.jsonl" >"$TMP/plain.jsonl"
	[ "$("$BIN/news-cluster" "$TMP/plain.jsonl" | jq -r .story | tr '\n' ' ')" = "a b " ]
	# Malformed entities are ignored, not an error.
	jq -c '.entities = [5, {"type": 3}, {"type": "PER"}, {"type": "PER", "canonical": ""}, "x"]' "$FIX" >"$TMP/bad-ents.jsonl"
	run --separate-stderr "$BIN/news-cluster" "$TMP/bad-ents.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 8 ]
}

@test "an article with no content word is a story of its own and is not kept" {
	printf '%s\n' '{"id":"e1","text":"The and of it."}' '{"id":"e2","text":"The and of it."}' '{"id":"e3","text":""}' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-cluster" --stats "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -r .story | tr '\n' ' ')" = "e1 e2 e3 " ]
	[[ "$stderr" == *"0 stories active"* ]] || fail "$stderr"
}

@test "fields pass through in order, story is added last; integer ids; a stage run twice replaces story" {
	printf '%s\n' '{"b":1,"id":7,"text":"Floods cut off Marivel as the Oster bursts its banks.","z":[1,{"y":null}]}' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-cluster" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "$output" = '{"b":1,"id":7,"text":"Floods cut off Marivel as the Oster bursts its banks.","z":[1,{"y":null}],"story":"7"}' ]
	run --separate-stderr sh -c '"$0/news-cluster" "$1" | "$0/news-cluster"' "$BIN" "$TMP/in.jsonl"
	[ "$output" = '{"b":1,"id":7,"text":"Floods cut off Marivel as the Oster bursts its banks.","z":[1,{"y":null}],"story":"7"}' ]
}

@test "same input, byte-identical output" {
	cat "$FIX" "$FIX" "$FIX" | jq -c '.id = .id + "-\(input_line_number)"' >"$TMP/in.jsonl"
	"$BIN/news-cluster" "$TMP/in.jsonl" >"$TMP/a"
	"$BIN/news-cluster" "$TMP/in.jsonl" >"$TMP/b"
	cmp "$TMP/a" "$TMP/b"
}

# copy_state SRC DST: the snapshot and the journal of state SRC as state DST.
copy_state() {
	local f
	for f in "" .log; do
		if [ -e "$1$f" ]; then cp "$1$f" "$2$f"; fi
	done
}

# wire N: the fixture N times over, ids made distinct, dated an hour apart (one story each round).
wire() {
	jq -c -s --argjson n "$1" '. as $a | [range($n) as $i | $a[] | .id += "-\($i + 1)"] | to_entries[]
		| .value.published = ((.key + 1) * 3600 | todate) | .value' "$FIX"
}

@test "state round trip: two runs with a state equal one run over both inputs" {
	head -n 4 "$FIX" >"$TMP/a.jsonl"
	tail -n +5 "$FIX" >"$TMP/b.jsonl"
	"$BIN/news-cluster" "$FIX" >"$TMP/one.jsonl"
	"$BIN/news-cluster" --state "$TMP/stories" "$TMP/a.jsonl" >"$TMP/two.jsonl"
	[ -s "$TMP/stories.log" ]
	"$BIN/news-cluster" --state "$TMP/stories" "$TMP/b.jsonl" >>"$TMP/two.jsonl"
	cmp "$TMP/one.jsonl" "$TMP/two.jsonl"
	# The journal and the lock; no temporary file is left beside them.
	[ "$(ls "$TMP" | grep '^stories' | tr '\n' ' ')" = "stories.lock stories.log " ]
	# A long journal becomes a snapshot at the end of a run, and the runs go on the same.
	wire 140 >"$TMP/w.jsonl"
	"$BIN/news-cluster" "$TMP/w.jsonl" >"$TMP/w-one.jsonl"
	head -n 600 "$TMP/w.jsonl" | "$BIN/news-cluster" --state "$TMP/w" >"$TMP/w-two.jsonl"
	[ ! -e "$TMP/w" ]
	tail -n +601 "$TMP/w.jsonl" | "$BIN/news-cluster" --state "$TMP/w" >>"$TMP/w-two.jsonl"
	[ -s "$TMP/w" ]
	cmp "$TMP/w-one.jsonl" "$TMP/w-two.jsonl"
	# A run that stops at a bad record (--on-error=fail) still keeps what it wrote.
	{ head -n 1 "$FIX"; echo '{bad'; } >"$TMP/c.jsonl"
	run --separate-stderr "$BIN/news-cluster" --on-error=fail --state "$TMP/s2" "$TMP/c.jsonl"
	[ "$status" -eq 1 ]
	jq -c 'select(.id == "flood-2")' "$FIX" | "$BIN/news-cluster" --state "$TMP/s2" | jq -e '.story == "flood-1"' >/dev/null
}

@test "kill -9 during a run, then a rerun: the stories of what was written are kept" {
	# 12000 distinct articles (40 random words each), a second apart: 12000 stories.
	awk 'BEGIN { srand(3); for (i = 0; i < 12000; i++) { t = "";
		for (w = 0; w < 40; w++) t = t sprintf("%s%x", w ? " " : "", int(rand() * 16777216));
		printf "{\"id\":\"r%d\",\"published\":\"2026-03-02T%02d:%02d:%02dZ\",\"text\":\"%s\"}\n", i, i / 3600, i / 60 % 60, i % 60, t } }' >"$TMP/w.jsonl"
	"$BIN/news-cluster" --state "$TMP/s" "$TMP/w.jsonl" >"$TMP/out1.jsonl" &
	pid=$!
	for _ in $(seq 500); do
		[ "$(wc -l <"$TMP/out1.jsonl")" -ge 3000 ] && break
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" || true
	n1=$(wc -l <"$TMP/out1.jsonl")
	[ "$n1" -ge 3000 ] || fail "only $n1 records before the kill"
	[ -s "$TMP/s.log" ]
	# The rerun loads what the killed run journalled, silently.
	run --separate-stderr "$BIN/news-cluster" --stats --state "$TMP/s" </dev/null
	[ "$status" -eq 0 ]
	[[ "$stderr" == *" stories active"* && "$stderr" != *"cannot"* && "$stderr" != *"damaged"* ]] || fail "$stderr"
	active=$(printf '%s\n' "$stderr" | sed -n 's/.*: \([0-9]*\) stories active.*/\1/p')
	[ "$active" -ge 1000 ] || fail "$active stories kept"
}

@test "a run that never ends keeps its journal bounded: it is folded into the snapshot as it goes" {
	# 3,000 articles of their own story each (random words), 100 stories kept.
	head -c 1200000 /dev/urandom | base64 -w 400 | head -n 3000 | tr '+/0-9' '    ' |
		awk '{ printf "{\"id\":\"a%d\",\"published\":\"2026-03-02\",\"text\":\"%s\"}\n", NR, $0 }' >"$TMP/a.jsonl"
	mkfifo "$TMP/in"
	"$BIN/news-cluster" -u --max-stories 100 --state "$TMP/s" "$TMP/in" >"$TMP/out.jsonl" &
	pid=$!
	exec 8>"$TMP/in"
	cat "$TMP/a.jsonl" >&8
	for _ in $(seq 600); do [ "$(wc -l <"$TMP/out.jsonl")" -ge 3000 ] && break; sleep 0.05; done
	# At most 4 x 100 + 1000 entries of about 660 bytes (under 1 MB), not 3,000 (2 MB).
	size=$(stat -c %s "$TMP/s.log" 2>/dev/null || echo 0)
	[ "$size" -lt 1000000 ] || fail "journal of $size bytes for 100 stories"
	[ -s "$TMP/s" ]
	exec 8>&-
	wait "$pid"
	# What it keeps is the last 100 stories: the last article joins its own.
	tail -n 1 "$TMP/a.jsonl" | jq -c '.id = "again"' >"$TMP/last.jsonl"
	run --separate-stderr "$BIN/news-cluster" --stats --max-stories 100 --state "$TMP/s" "$TMP/last.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -r .story)" = a3000 ]
	[[ "$stderr" == *"100 stories active"* ]] || fail "$stderr"
}

@test "a second run on the same state waits for the first; with --no-wait it fails at once" {
	flock "$TMP/s.lock" sleep 2 &
	sleep 0.3
	run --separate-stderr "$BIN/news-cluster" --no-wait --state "$TMP/s" "$FIX"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-cluster: "*"s.lock"*"held by another run"* ]] || fail "$stderr"
	start=$(date +%s%N)
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/s" "$FIX"
	end=$(date +%s%N)
	wait
	[ "$status" -eq 0 ]
	[ $(( (end - start) / 1000000 )) -ge 1000 ] || fail "did not wait: $(( (end - start) / 1000000 )) ms"
}

@test "the window closes stories across runs; undated runs age by --now" {
	jq -c 'select(.id == "flood-1")' "$FIX" >"$TMP/a.jsonl"
	jq -c 'select(.id == "flood-2") | .published = "2026-03-09T00:00:00Z"' "$FIX" >"$TMP/b.jsonl"
	"$BIN/news-cluster" --state "$TMP/s" "$TMP/a.jsonl" >/dev/null
	run --separate-stderr "$BIN/news-cluster" --stats --state "$TMP/s" "$TMP/b.jsonl"
	assert_json "$output" '.story == "flood-2"'
	[[ "$stderr" == *"1 stories active"*"1 closed by the window"* ]] || fail "$stderr"
	# A run with no input leaves a dated state as it was.
	"$BIN/news-cluster" --state "$TMP/s" </dev/null
	run --separate-stderr "$BIN/news-cluster" --stats --state "$TMP/s" </dev/null
	[[ "$stderr" == *"1 stories active"* ]] || fail "$stderr"
	# Without dates: the run's time.  Two days later the story is open, five days later closed.
	jq -c 'del(.published)' "$TMP/a.jsonl" >"$TMP/ua.jsonl"
	jq -c 'select(.id == "flood-2") | del(.published)' "$FIX" >"$TMP/ub.jsonl"
	"$BIN/news-cluster" --now 1000000000 --state "$TMP/u" "$TMP/ua.jsonl" >/dev/null
	copy_state "$TMP/u" "$TMP/u2"
	"$BIN/news-cluster" --now $((1000000000 + 2 * 86400)) --state "$TMP/u" "$TMP/ub.jsonl" | jq -e '.story == "flood-1"' >/dev/null
	"$BIN/news-cluster" --now $((1000000000 + 5 * 86400)) --state "$TMP/u2" "$TMP/ub.jsonl" | jq -e '.story == "flood-2"' >/dev/null
}

@test "a state that is not one, of another version, truncated or corrupt is a clear error" {
	wire 140 | "$BIN/news-cluster" --state "$TMP/s" >/dev/null
	[ -s "$TMP/s" ]
	printf 'not a state at all, just text\n' >"$TMP/text"
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/text" "$FIX"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-cluster: cannot load '$TMP/text': "* ]] || fail "$stderr"
	cp "$TMP/s" "$TMP/newer"
	printf '\007' | dd of="$TMP/newer" bs=1 seek=8 conv=notrunc 2>/dev/null
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/newer" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-cluster: cannot load '$TMP/newer': "*"version"* ]] || fail "$stderr"
	size=$(wc -c <"$TMP/s")
	head -c $((size - 10)) "$TMP/s" >"$TMP/short"
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/short" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-cluster: cannot load '$TMP/short': "* ]] || fail "$stderr"
	cp "$TMP/s" "$TMP/flipped"
	printf 'X' | dd of="$TMP/flipped" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/flipped" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-cluster: cannot load '$TMP/flipped': "* ]] || fail "$stderr"
	# The journal: a torn last entry (a kill during an append) is dropped silently ...
	"$BIN/news-cluster" --state "$TMP/j" "$FIX" >/dev/null
	size=$(wc -c <"$TMP/j.log")
	copy_state "$TMP/j" "$TMP/torn"
	truncate -s $((size - 7)) "$TMP/torn.log"
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/torn" "$FIX"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	# ... damage inside it is reported (exit 1), and the intact entries are kept.
	copy_state "$TMP/j" "$TMP/damaged"
	printf 'XXXX' | dd of="$TMP/damaged.log" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/damaged" "$FIX"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 8 ]
	[[ "$stderr" == *"damaged.log: damaged journal"* ]] || fail "$stderr"
	# A state where none can be kept: an error before any record.
	run --separate-stderr "$BIN/news-cluster" --state "$TMP/no/such/dir/s" "$FIX"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-cluster: "*"no/such/dir"* ]] || fail "$stderr"
}

@test "--max-stories keeps the most recently updated stories" {
	# With room for one story, the merger (begun after the flood) pushes the flood story out.
	"$BIN/news-cluster" --max-stories 1 "$FIX" | stories >"$TMP/out"
	grep -qx 'flood-2 flood-2' "$TMP/out" || fail "$(cat "$TMP/out")"
	run --separate-stderr "$BIN/news-cluster" --stats --max-stories 2 "$FIX"
	[[ "$stderr" == *"2 stories active (at most 2)"* ]] || fail "$stderr"
}

@test "bad input is reported and skipped, good records written" {
	check_bad_input news-cluster
}

@test "a write error is reported; a closed pipe ends it quietly" {
	awk '{ a[NR] = $0 } END { for (i = 0; i < 2000; i++) for (j = 1; j <= NR; j++) print a[j] }' "$FIX" >"$TMP/big.jsonl"
	run --separate-stderr sh -c '"$0/news-cluster" "$1" >/dev/full' "$BIN" "$TMP/big.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-cluster: "*"write"* ]] || fail "$stderr"
	run --separate-stderr bash -c '"$0/news-cluster" "$1" | head -1 >/dev/null; echo "${PIPESTATUS[0]}"' "$BIN" "$TMP/big.jsonl"
	[ -z "$stderr" ]
	[[ "$output" == 141 || "$output" == 0 ]]
}

@test "a missing or malformed IDF table is an error naming the file" {
	run --separate-stderr "$BIN/news-cluster" --idf "$TMP/none.tsv" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-cluster: "*"none.tsv"* ]] || fail "$stderr"
	printf 'oil\t3\n' >"$TMP/bad.tsv"
	run --separate-stderr "$BIN/news-cluster" --idf "$TMP/bad.tsv" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-cluster: "*"bad.tsv"* ]] || fail "$stderr"
	# A count of documents that is not one would make every weight NaN.
	for docs in nan inf 0 "12 docs"; do
		printf '# docs %s\noil\t3\n' "$docs" >"$TMP/docs.tsv"
		run --separate-stderr "$BIN/news-cluster" --idf "$TMP/docs.tsv" "$FIX"
		[ "$status" -eq 1 ] || fail "'# docs $docs': exit $status"
		[ -z "$output" ]
		[ "$stderr" = "news-cluster: $TMP/docs.tsv:1: bad '# docs N' header (N: the number of documents, at least 1)" ] ||
			fail "$stderr"
	done
}

@test "the contract check passes (../shared/conformance.py)" {
	[ -f "$SHARED/conformance.py" ] || skip "../shared/conformance.py not present"
	run python3 "$SHARED/conformance.py" "$BIN/news-cluster"
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" == *"passed, 0 failed" ]]
}

@test "the man page examples run" {
	cd "$ROOT"
	run --separate-stderr sh -c '"$0/news-split" samples/*.txt | "$0/news-clean" | "$0/news-tag-entities" | "$0/news-cluster" | jq -r .story | sort | uniq -c' "$BIN"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ]
	[[ "$output" == *" 5 000_056ee4437d67911c" ]]
	run --separate-stderr "$BIN/news-cluster" --window 1d --state "$TMP/stories.db" "$FIX"
	[ "$status" -eq 0 ]
	[ -s "$TMP/stories.db.log" ]
}
