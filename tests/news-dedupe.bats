#!/usr/bin/env bats
# news-dedupe: each kind of copy, threshold edges, modes, levels, state
# (round trip, bad files, kill -9), eviction, map/reduce, bad input.

load helpers

FIX=$BATS_TEST_DIRNAME/fixtures/dedupe/docs.jsonl

# The id a record is marked a duplicate of ("null" when it is not one).
dup_of() {
	jq -r --arg id "$2" 'select(.id == $id) | .dup.of // "null"' "$1"
}

# N distinct random articles, one a line: ids r0..r(N-1).
random_records() {
	awk -v n="$1" -v seed="${2:-1}" 'BEGIN { srand(seed); for (i = 0; i < n; i++) {
		t = ""; for (w = 0; w < 40; w++) t = t sprintf("%s%x", w ? " " : "", int(rand() * 16777216));
		printf "{\"id\":\"r%d\",\"text\":\"%s\"}\n", i, t } }'
}

@test "originals are kept apart, every kind of copy is found" {
	run --separate-stderr "$BIN/news-dedupe" "$FIX"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$TMP/out.jsonl"
	[ "$(wc -l <"$TMP/out.jsonl")" -eq 26 ]
	for id in a1 a2 a3 a4 x1 x2; do
		[ "$(dup_of "$TMP/out.jsonl" "$id")" = null ] || fail "original $id marked a duplicate"
	done
	for a in a1 a2 a3 a4; do
		for kind in verbatim abridged edited ocr inserted; do
			of=$(dup_of "$TMP/out.jsonl" "$a-$kind")
			case $of in
			"$a" | "$a"-*) ;;
			*) fail "$a-$kind: dup of '$of', want $a or one of its copies" ;;
			esac
		done
	done
}

@test "a verbatim copy is an exact duplicate: similarity 1, level document" {
	run --separate-stderr "$BIN/news-dedupe" "$FIX"
	[ "$status" -eq 0 ]
	assert_json "$(printf '%s\n' "$output" | grep '"id":"a2-verbatim"')" \
		'.dup == {"of": "a2", "similarity": 1, "level": "document"}'
}

@test "case, punctuation, whitespace and Unicode variants are folded for exact duplicates" {
	printf '%s\n' '{"id":"p","text":"Cafe\u0301 owners say: \"prices rose\" - again."}' \
		'{"id":"q","text":"CAFÉ  owners SAY \u201cprices rose\u201d \u2014 again"}' >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-dedupe" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.dup.of == "p" and .dup.similarity == 1'
}

@test "an abridged copy (the first half) is a duplicate of the full article" {
	printf '%s\n' "$(grep '"id": "a3-abridged"' "$FIX")" "$(grep '"id": "a3"' "$FIX")" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-dedupe" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.dup.of == "a3-abridged" and .dup.similarity > 0.9'
}

@test "a record is written from the line it came in, put in the output form: the same bytes as re-serializing" {
	# The compact form is copied, the spaced and \u-escaped forms (Python's
	# json.dumps, hand-written escapes) are rewritten, a record with a real
	# number is re-serialized, and one that already has the members gets
	# them replaced: all must give the same bytes, and each record must be
	# the record read plus the members.
	{ cat "$FIX"; printf '%s\n' '{"id":"z1","text":"Caf\u00e9 \u2014 \u201cold\u201d state \ud83d\ude00.","cluster":"stale","dup":{"of":"x"}}' \
		'{"id":"z2","text":"A record with a score.","score":1.5}' '{"id":"z3","text":"Tab\there \/ slash."}'; } >"$TMP/in.jsonl"
	jq -c . "$TMP/in.jsonl" >"$TMP/compact.jsonl"
	python3 -c 'import json, sys
for l in sys.stdin: print(json.dumps(json.loads(l)))' <"$TMP/in.jsonl" >"$TMP/spaced.jsonl"
	grep -q '\\u00e9' "$TMP/spaced.jsonl"
	! cmp -s "$TMP/compact.jsonl" "$TMP/spaced.jsonl"
	for opts in "" "--clusters" "--clusters --mode drop"; do
		"$BIN/news-dedupe" $opts "$TMP/compact.jsonl" >"$TMP/a.jsonl"
		"$BIN/news-dedupe" $opts "$TMP/spaced.jsonl" >"$TMP/b.jsonl"
		"$BIN/news-dedupe" $opts "$TMP/in.jsonl" >"$TMP/c.jsonl"
		cmp "$TMP/a.jsonl" "$TMP/b.jsonl" || fail "compact and spaced inputs differ with options '$opts'"
		cmp "$TMP/a.jsonl" "$TMP/c.jsonl" || fail "compact and escaped inputs differ with options '$opts'"
		case $opts in *drop*) continue ;; esac
		diff <(jq -c 'del(.dup, .cluster)' "$TMP/in.jsonl") <(jq -c 'del(.dup, .cluster)' "$TMP/a.jsonl")
		[ "$opts" = --clusters ] || continue
		[ "$(jq -r 'select(.id == "z1") | .cluster' "$TMP/a.jsonl")" = z1 ]
		[ "$(jq -c 'select(.id == "a2-verbatim") | .dup' "$TMP/a.jsonl")" = '{"of":"a2","similarity":1,"level":"document"}' ]
		[ "$(jq -r 'select(.id == "a2-verbatim") | .cluster' "$TMP/a.jsonl")" = a2 ]
	done
}

@test "threshold edges: a pair is a duplicate just below its similarity, not just above" {
	printf '%s\n' "$(grep '"id": "a2"' "$FIX")" "$(grep '"id": "a2-ocr"' "$FIX")" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-dedupe" --threshold 0 "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	sim=$(printf '%s\n' "$output" | sed -n 2p | jq -r .dup.similarity)
	[ "$sim" != null ]
	below=$(awk -v s="$sim" 'BEGIN { printf "%.3f", s - 0.02 }')
	above=$(awk -v s="$sim" 'BEGIN { printf "%.3f", s + 0.02 }')
	run --separate-stderr "$BIN/news-dedupe" --threshold "$below" "$TMP/in.jsonl"
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.dup.of == "a2"'
	run --separate-stderr "$BIN/news-dedupe" --threshold "$above" "$TMP/in.jsonl"
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" 'has("dup") | not'
	run --separate-stderr "$BIN/news-dedupe" --threshold 1 "$FIX"
	printf '%s\n' "$output" | jq -e -s '[.[] | select(.dup) | .dup.similarity] | all(. == 1) and length > 0' >/dev/null
}

@test "--mode drop writes first-seen records only; --clusters names the first-seen member" {
	run --separate-stderr "$BIN/news-dedupe" --mode drop "$FIX"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -r .id | sort | tr '\n' ' ')" = "a1 a2 a3 a4 x1 x2 " ]
	run --separate-stderr "$BIN/news-dedupe" --clusters "$FIX"
	printf '%s\n' "$output" | jq -e -s 'all(.[]; .cluster == (.id | sub("-.*"; "")))' >/dev/null
}

@test "--level paragraph marks a repeated paragraph inside a new article, drop mode removes it" {
	printf '%s\n' '{"id":"d1","text":"The harbour tram will have fourteen stations along eleven kilometres of track.\n\nMore text."}' \
		'{"id":"d2","text":"A new story about cheese and markets in the old town square.\n\nThe harbour tram will have fourteen stations along eleven kilometres of track."}' \
		>"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-dedupe" --level paragraph --clusters "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" \
		'.dup_paragraphs == [{"paragraph": 1, "start": 62, "end": 140, "of": "d1#0", "similarity": 1}]
		 and .paragraph_clusters == ["d2#0", "d1#0"] and (has("dup") | not)'
	run --separate-stderr "$BIN/news-dedupe" --level paragraph --mode drop "$TMP/in.jsonl"
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.text == "A new story about cheese and markets in the old town square."'
}

@test "state round trip: two runs with a state equal one run over both inputs" {
	head -n 13 "$FIX" >"$TMP/a.jsonl"
	tail -n +14 "$FIX" >"$TMP/b.jsonl"
	"$BIN/news-dedupe" --clusters "$FIX" >"$TMP/one.jsonl"
	"$BIN/news-dedupe" --clusters --state "$TMP/seen" "$TMP/a.jsonl" >"$TMP/two.jsonl"
	[ -s "$TMP/seen" ]
	"$BIN/news-dedupe" --clusters --state "$TMP/seen" "$TMP/b.jsonl" >>"$TMP/two.jsonl"
	cmp "$TMP/one.jsonl" "$TMP/two.jsonl"
	# A record seen again is a duplicate of itself and is not remembered twice.
	run --separate-stderr "$BIN/news-dedupe" --stats --state "$TMP/seen" "$TMP/a.jsonl"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | jq -e -s 'all(.[]; .dup.of == .id or (.dup.of | startswith(.id) | not) or true) and all(.[]; has("dup"))' >/dev/null
	[[ "$stderr" == *"26 items remembered"* ]] || fail "$stderr"
}

@test "a state of another format version, truncated, or of the other level is a clear error" {
	"$BIN/news-dedupe" --state "$TMP/seen" "$FIX" >/dev/null
	cp "$TMP/seen" "$TMP/newer"
	printf '\004' | dd of="$TMP/newer" bs=1 seek=8 conv=notrunc 2>/dev/null
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/newer" "$FIX"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-dedupe: cannot load '$TMP/newer': format version 4, this program reads 3"* ]] || fail "$stderr"
	# Version 2 (ids cut at 64 KiB, no generations) is refused too, not misread.
	cp "$TMP/seen" "$TMP/older"
	printf '\002' | dd of="$TMP/older" bs=1 seek=8 conv=notrunc 2>/dev/null
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/older" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-dedupe: cannot load '$TMP/older': format version 2, this program reads 3"* ]] || fail "$stderr"
	head -c 300 "$TMP/seen" >"$TMP/short"
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/short" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-dedupe: cannot load '$TMP/short': "*"truncated"* ]] || fail "$stderr"
	run --separate-stderr "$BIN/news-dedupe" --level paragraph --state "$TMP/seen" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"'$TMP/seen': made with --level document"* ]] || fail "$stderr"
	printf 'garbage' >"$TMP/seen2.log"
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/seen2" "$FIX"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-dedupe: cannot load '$TMP/seen2.log': "* ]] || fail "$stderr"
}

# The ids of two runs' outputs, the first one's possibly cut by a kill: a
# reader drops a cut last line (the newline keeps it off the next line).
both_runs_ids() {
	{ cat "$1"; echo; cat "$2"; } | jq -R -r 'fromjson? | .id'
}

# How many of the shortest lines of $1 fit in one output buffer (64 KiB).
records_per_buffer() {
	awk '{ if (min == "" || length($0) < min) min = length($0) } END { print int(65536 / (min + 1)) + 1 }' "$1"
}

@test "kill -9 during a run, then a rerun: nothing lost, at most one output buffer repeated" {
	random_records 40000 >"$TMP/all.jsonl"
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/all.jsonl" >"$TMP/out1.jsonl" &
	pid=$!
	# Kill it once some output is written and journalled.
	for _ in $(seq 500); do
		[ "$(wc -l <"$TMP/out1.jsonl")" -ge 2000 ] && break
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" || true
	n1=$(wc -l <"$TMP/out1.jsonl")
	[ "$n1" -ge 2000 ] || fail "only $n1 records before the kill"
	[ -s "$TMP/seen.log" ] || [ -s "$TMP/seen" ]
	run --separate-stderr "$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/all.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$TMP/out2.jsonl"
	# Every record is written whole by one run or the other...
	[ "$(both_runs_ids "$TMP/out1.jsonl" "$TMP/out2.jsonl" | sort -u | wc -l)" -eq 40000 ]
	# ...and at most one output buffer of them by both.
	repeated=$(both_runs_ids "$TMP/out1.jsonl" "$TMP/out2.jsonl" | sort | uniq -d | wc -l)
	[ "$repeated" -le "$(records_per_buffer "$TMP/all.jsonl")" ] || fail "$repeated records repeated"
}

@test "kill -9 while the output is blocked: the rerun repeats at most one output buffer" {
	# The reader takes 3.5 MB and stops: news-dedupe blocks on the full
	# pipe, and is killed there, with records of many buffers written.
	random_records 40000 >"$TMP/all.jsonl"
	mkfifo "$TMP/pipe"
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/all.jsonl" >"$TMP/pipe" &
	pid=$!
	exec 7<"$TMP/pipe"
	head -c 3500000 <&7 >"$TMP/out1.jsonl"
	sleep 0.2
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" || true
	cat <&7 >>"$TMP/out1.jsonl"
	exec 7<&-
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/all.jsonl" >"$TMP/out2.jsonl"
	[ "$(both_runs_ids "$TMP/out1.jsonl" "$TMP/out2.jsonl" | sort -u | wc -l)" -eq 40000 ]
	repeated=$(both_runs_ids "$TMP/out1.jsonl" "$TMP/out2.jsonl" | sort | uniq -d | wc -l)
	[ "$repeated" -le "$(records_per_buffer "$TMP/all.jsonl")" ] || fail "$repeated records repeated"
}

@test "a damaged journal entry in the middle is reported (exit 1); every intact entry is kept" {
	random_records 400 1 >"$TMP/a.jsonl"
	random_records 80 2 | sed 's/"r/"s/' >"$TMP/b.jsonl"
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/a.jsonl" >/dev/null
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/b.jsonl" >/dev/null
	size=$(stat -c %s "$TMP/seen.log")
	[ "$size" -gt 10000 ] || fail "no journal to damage ($size bytes)"
	# Flip one byte in the middle.
	mid=$((size / 2))
	byte=$(od -An -tu1 -j "$mid" -N1 "$TMP/seen.log" | tr -d ' ')
	printf "\\$(printf '%03o' $(((byte + 1) % 256)))" | dd of="$TMP/seen.log" bs=1 seek="$mid" conv=notrunc 2>/dev/null
	cat "$TMP/a.jsonl" "$TMP/b.jsonl" >"$TMP/all.jsonl"
	run --separate-stderr "$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/all.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-dedupe: $TMP/seen.log: damaged journal: "*"intact entries kept"* ]] || fail "$stderr"
	# Only the damaged entry's record comes out again as new.
	[ "$(printf '%s\n' "$output" | grep -c .)" -eq 1 ] || fail "re-emitted: $output"
	# The state was rewritten without the damage: the next run is clean.
	run --separate-stderr "$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/all.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ -z "$output" ]
}

@test "a torn last journal entry (a kill during a write) is dropped quietly" {
	random_records 400 1 >"$TMP/a.jsonl"
	random_records 80 2 | sed 's/"r/"s/' >"$TMP/b.jsonl"
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/a.jsonl" >/dev/null
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/b.jsonl" >/dev/null
	size=$(stat -c %s "$TMP/seen.log")
	truncate -s $((size - 50)) "$TMP/seen.log"
	run --separate-stderr "$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/b.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | jq -r .id)" = s79 ]
}

@test "a second run on the same state waits for the first (--wait), or is refused (--no-wait)" {
	random_records 30 1 >"$TMP/a.jsonl"
	random_records 30 2 | sed 's/"r/"s/' >"$TMP/b.jsonl"
	mkfifo "$TMP/in"
	# Run 1 holds the state while its input stays open.
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/in" >"$TMP/out1.jsonl" &
	one=$!
	exec 8>"$TMP/in"
	cat "$TMP/a.jsonl" >&8
	for _ in $(seq 100); do [ -s "$TMP/seen.lock" ] && break; sleep 0.05; done
	run --separate-stderr "$BIN/news-dedupe" --mode drop --no-wait --state "$TMP/seen" "$TMP/b.jsonl" 8>&-
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-dedupe: '$TMP/seen.lock' is held by another run (pid $one); not waiting (--no-wait)" ]] || fail "$stderr"
	# Run 2 (the default, --wait) starts while run 1 holds it...
	cat "$TMP/a.jsonl" "$TMP/b.jsonl" >"$TMP/ab.jsonl"
	"$BIN/news-dedupe" --mode drop --state "$TMP/seen" "$TMP/ab.jsonl" >"$TMP/out2.jsonl" 8>&- &
	two=$!
	sleep 0.5
	kill -0 "$two" || fail "run 2 did not wait"
	[ ! -s "$TMP/out2.jsonl" ]
	# ...and goes on when run 1 ends, seeing all it remembered.
	exec 8>&-
	wait "$one"
	wait "$two"
	[ "$(jq -r .id "$TMP/out1.jsonl" | tr '\n' ' ')" = "$(jq -r .id "$TMP/a.jsonl" | tr '\n' ' ')" ]
	[ "$(jq -r .id "$TMP/out2.jsonl" | tr '\n' ' ')" = "$(jq -r .id "$TMP/b.jsonl" | tr '\n' ' ')" ]
}

@test "temporary files: stale ones are removed, a planted symbolic link is never written through" {
	printf 'precious\n' >"$TMP/victim"
	random_records 20 1 >"$TMP/a.jsonl"
	# What a killed run leaves (FILE.np-tmp.XXXXXX, and FILE.tmp.PID of
	# newspipe 0.1.0), links planted at the names the next writer of 0.1.0
	# would have used (the next pids), and a user's file that is no temporary.
	printf 'x' >"$TMP/seen.np-tmp.Ab3dE9"
	printf 'x' >"$TMP/seen.log.np-tmp.x0x0x0"
	printf 'x' >"$TMP/seen.tmp.1" # pid 1 is never among the next pids below
	printf 'mine\n' >"$TMP/seen.tmp.backup"
	last=$(cat /proc/sys/kernel/ns_last_pid)
	for p in $(seq $((last + 1)) $((last + 300))); do
		ln -s "$TMP/victim" "$TMP/seen.tmp.$p"
		ln -s "$TMP/victim" "$TMP/seen.log.tmp.$p"
	done
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/seen" "$TMP/a.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(cat "$TMP/victim")" = precious ]
	[ "$(cat "$TMP/seen.tmp.backup")" = mine ]
	left=$(find "$TMP" -name 'seen*tmp.*' ! -name seen.tmp.backup)
	[ -z "$left" ] || fail "left: $(printf '%s\n' "$left" | head -3)"
	[ -s "$TMP/seen" ]
}

@test "a run that never ends keeps its journal bounded: it is folded into the snapshot as it goes" {
	random_records 3000 3 >"$TMP/a.jsonl"
	mkfifo "$TMP/in"
	"$BIN/news-dedupe" -u --capacity 100 --state "$TMP/seen" "$TMP/in" >"$TMP/out.jsonl" &
	pid=$!
	exec 8>"$TMP/in"
	cat "$TMP/a.jsonl" >&8
	for _ in $(seq 600); do [ "$(wc -l <"$TMP/out.jsonl")" -ge 3000 ] && break; sleep 0.05; done
	# 100 items remembered: at most 4 x 100 + 1000 entries of about 150 bytes, not 3000.
	size=$(stat -c %s "$TMP/seen.log" 2>/dev/null || echo 0)
	[ "$size" -lt 300000 ] || fail "journal of $size bytes for 100 items"
	[ -s "$TMP/seen" ]
	exec 8>&-
	wait "$pid"
	# What it remembers is the last 100.
	tail -n 100 "$TMP/a.jsonl" >"$TMP/last.jsonl"
	run --separate-stderr "$BIN/news-dedupe" --mode drop --capacity 100 --state "$TMP/seen" "$TMP/last.jsonl"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "an id longer than 64 KiB is remembered whole, in one run and across runs" {
	id=$(head -c 70000 /dev/zero | tr '\0' 'x')
	t='The council approved the new tram line on Tuesday after years of debate over its cost.'
	printf '{"id":"%s","text":"%s"}\n{"id":"copy","text":"%s"}\n' "$id" "$t" "$t" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-dedupe" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | sed -n 2p | jq -r '.dup.of | length')" -eq 70000 ]
	head -1 "$TMP/in.jsonl" >"$TMP/one.jsonl"
	"$BIN/news-dedupe" --state "$TMP/seen" "$TMP/one.jsonl" >/dev/null
	run --separate-stderr "$BIN/news-dedupe" --clusters --state "$TMP/seen" "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | sed -n 2p | jq -r '.dup.of | length')" -eq 70000 ]
	[ "$(printf '%s\n' "$output" | sed -n 2p | jq -r '.cluster | length')" -eq 70000 ]
}

@test "--max-age and --capacity forget the oldest items" {
	printf '%s\n' "$(grep '"id": "a1"' "$FIX")" >"$TMP/a1.jsonl"
	printf '%s\n' "$(grep '"id": "a1-verbatim"' "$FIX")" >"$TMP/copy.jsonl"
	"$BIN/news-dedupe" --state "$TMP/s1" --now 1000000 "$TMP/a1.jsonl" >/dev/null
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/s1" --now 1050000 --max-age 1d "$TMP/copy.jsonl"
	assert_json "$output" '.dup.of == "a1"'
	"$BIN/news-dedupe" --state "$TMP/s2" --now 1000000 "$TMP/a1.jsonl" >/dev/null
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/s2" --now 1200000 --max-age 1d "$TMP/copy.jsonl"
	assert_json "$output" 'has("dup") | not'
	grep -e '"id": "a1"' -e '"id": "x1"' -e '"id": "a1-verbatim"' "$FIX" >"$TMP/three.jsonl"
	run --separate-stderr "$BIN/news-dedupe" --capacity 2 "$TMP/three.jsonl"
	assert_json "$(printf '%s\n' "$output" | sed -n 3p)" '.dup.of == "a1"'
	run --separate-stderr "$BIN/news-dedupe" --capacity 1 "$TMP/three.jsonl"
	assert_json "$(printf '%s\n' "$output" | sed -n 3p)" 'has("dup") | not'
}

@test "map | sort | reduce gives the same clusters as one process" {
	"$BIN/news-dedupe" --clusters "$FIX" | jq -c '{id, cluster, of: .dup.of}' | sort >"$TMP/single"
	"$BIN/news-dedupe" --emit-keys "$FIX" >"$TMP/keys"
	[ "$(wc -l <"$TMP/keys")" -eq $((26 * 32)) ]
	LC_ALL=C sort "$TMP/keys" | "$BIN/news-dedupe" --reduce | jq -c '{id, cluster, of: .dup.of}' | sort >"$TMP/mr"
	cmp "$TMP/single" "$TMP/mr"
	# A bigger case: copies of the fixtures mixed into random articles.
	{ random_records 300 5; cat "$FIX"; random_records 200 6 | sed 's/"r/"s/'; } >"$TMP/mix.jsonl"
	"$BIN/news-dedupe" --clusters "$TMP/mix.jsonl" | jq -c '{id, cluster, of: .dup.of}' | sort >"$TMP/single"
	"$BIN/news-dedupe" --emit-keys "$TMP/mix.jsonl" | LC_ALL=C sort | "$BIN/news-dedupe" --reduce |
		jq -c '{id, cluster, of: .dup.of}' | sort >"$TMP/mr"
	cmp "$TMP/single" "$TMP/mr"
}

@test "--reduce rejects lines that are not key lines" {
	sig=$(printf '0%.0s' $(seq 256))
	printf '%s\n' '{"key":"00aa","seq":0,"id":"a","n":5,"x":1,"sig":"zz"}' '{"id":"b"}' \
		'{"key":"00aa","seq":0,"n":5,"x":1,"sig":"'"$sig"'"}' >"$TMP/bad"
	run --separate-stderr "$BIN/news-dedupe" --reduce "$TMP/bad"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == *"$TMP/bad:1: bad signature"* ]] || fail "$stderr"
	[[ "$stderr" == *"$TMP/bad:2: not a news-dedupe --emit-keys line"* ]] || fail "$stderr"
	# A key line without an id is not given one (that is for article records).
	[[ "$stderr" == *"$TMP/bad:3: not a news-dedupe --emit-keys line"* ]] || fail "$stderr"
}

@test "bad option values are usage errors" {
	for args in "--threshold 2" "--level page" "--mode keep" "--max-age 3w" "--bands 33 --rows 2" "--emit-keys --reduce"; do
		run --separate-stderr "$BIN/news-dedupe" $args </dev/null
		[ "$status" -eq 2 ] || fail "$args: exit $status"
		[[ "$stderr" == "news-dedupe: "* ]] || fail "$args: $stderr"
	done
	run --separate-stderr "$BIN/news-dedupe" --level page </dev/null
	[[ "$stderr" == "news-dedupe: invalid --level 'page' (document or paragraph)"* ]] || fail "$stderr"
}

@test "bad input is reported and skipped, good records written" {
	check_bad_input news-dedupe
	check_bad_input news-dedupe --level paragraph --clusters
}

@test "an integer id is named as written in dup.of and cluster" {
	t='The council approved the new tram line on Tuesday after years of debate over its cost.'
	printf '{"id":41,"text":"%s"}\n{"id":-7,"text":"%s"}\n' "$t" "$t" >"$TMP/in.jsonl"
	run --separate-stderr "$BIN/news-dedupe" --clusters "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -r '[.id, .cluster, .dup.of // "-"] | join(" ")' | tr '\n' '|')" = "41 41 -|-7 41 41|" ]
}
