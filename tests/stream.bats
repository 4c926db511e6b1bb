#!/usr/bin/env bats
# The input and output every filter shares (common/input.c, stream.c,
# datafile.c, binfile.c), checked on every filter in bin/: live -u,
# damaged gzip, --max-record-bytes, bounded and checked data files, the
# mapped model.

load helpers

# The sinks end a pipe and are not filters of records.
SINKS=" news-table news-digest "

# Every filter in $BIN (news-cluster and later ones included when built).
filters() {
	local f
	for f in "$BIN"/news-*; do
		f=${f##*/}
		[ -x "$BIN/$f" ] || continue
		case $SINKS in *" $f "*) continue ;; esac
		printf '%s\n' "$f"
	done
}

REC='{"id":"live-1","text":"Sam Altman said on Monday that the company would grow. \"We are ready,\" he said."}'

# Start PROG -u on a FIFO, write one record (plain, or gzip flushed but
# not finished) and keep the FIFO open: its output must come before the
# input ends.
live_one() {
	local prog=$1 gz=$2 writer pid got=0
	rm -f "$TMP/in" "$TMP/out" "$TMP/go"
	mkfifo "$TMP/in"
	"$BIN/$prog" -u "$TMP/in" >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	if [ "$gz" = gzip ]; then
		python3 -c 'import os, sys, time, zlib
c = zlib.compressobj(6, zlib.DEFLATED, 31)
with open(sys.argv[1], "wb", buffering=0) as f:
    f.write(c.compress(sys.argv[3].encode() + b"\n") + c.flush(zlib.Z_SYNC_FLUSH))
    while not os.path.exists(sys.argv[2]):
        time.sleep(0.02)
    f.write(c.flush())' "$TMP/in" "$TMP/go" "$REC" &
	else
		{ printf '%s\n' "$REC"; while [ ! -e "$TMP/go" ]; do sleep 0.02; done; } >"$TMP/in" &
	fi
	writer=$!
	# Up to 30 s: a sanitized build loads a model slowly.
	for _ in $(seq 600); do
		if [ "$(wc -l <"$TMP/out")" -ge 1 ]; then
			got=1
			break
		fi
		sleep 0.05
	done
	touch "$TMP/go"
	wait "$writer"
	wait "$pid" || true
	[ "$got" = 1 ] || fail "$prog ($gz): nothing written while its input stayed open; stderr: $(cat "$TMP/err")"
	assert_json "$(head -1 "$TMP/out")" '.id == "live-1"'
}

@test "-u: every filter writes a record as soon as its line has arrived, the pipe still open" {
	for prog in $(filters); do
		live_one "$prog" plain
	done
}

@test "-u: the same with gzip input, flushed but not finished" {
	for prog in $(filters); do
		live_one "$prog" gzip
	done
}

# N records r0..r(N-1) of about 100 bytes each.
records() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
		printf "{\"id\":\"r%d\",\"text\":\"Record number %d of a long gzip file, written to test the reader.\"}\n", i, i }'
}

# Write byte value $3 at offset $2 of file $1.
poke() {
	printf "\\$(printf '%03o' "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

@test "gzip: a bad CRC or length keeps every record decompressed before it, and names the file" {
	records 5000 >"$TMP/all.jsonl"
	gzip -c "$TMP/all.jsonl" >"$TMP/a.gz"
	size=$(stat -c %s "$TMP/a.gz")
	cp "$TMP/a.gz" "$TMP/crc.gz"
	poke "$TMP/crc.gz" $((size - 8)) $(( ($(od -An -tu1 -j $((size - 8)) -N1 "$TMP/a.gz") + 1) % 256 ))
	cp "$TMP/a.gz" "$TMP/len.gz"
	poke "$TMP/len.gz" $((size - 4)) $(( ($(od -An -tu1 -j $((size - 4)) -N1 "$TMP/a.gz") + 1) % 256 ))
	for prog in news-split news-dedupe; do
		run --separate-stderr "$BIN/$prog" "$TMP/crc.gz"
		[ "$status" -eq 1 ]
		[ "$(printf '%s\n' "$output" | grep -c .)" -eq 5000 ] || fail "$prog: $(printf '%s\n' "$output" | grep -c .) records of 5000"
		[[ "$stderr" == "$prog: $TMP/crc.gz: corrupt gzip data (at byte "*"): incorrect data check" ]] || fail "$stderr"
		run --separate-stderr "$BIN/$prog" "$TMP/len.gz"
		[ "$status" -eq 1 ]
		[ "$(printf '%s\n' "$output" | grep -c .)" -eq 5000 ]
		[[ "$stderr" == "$prog: $TMP/len.gz: corrupt gzip data (at byte "*"): incorrect length check" ]] || fail "$stderr"
	done
	# From standard input the message names it.
	run --separate-stderr "$BIN/news-dedupe" <"$TMP/crc.gz"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-dedupe: <stdin>: corrupt gzip data"* ]] || fail "$stderr"
}

@test "gzip: a file cut short keeps the records before the cut; trailing garbage is reported" {
	records 5000 >"$TMP/all.jsonl"
	gzip -c "$TMP/all.jsonl" >"$TMP/a.gz"
	size=$(stat -c %s "$TMP/a.gz")
	head -c $((size / 2)) "$TMP/a.gz" >"$TMP/cut.gz"
	run --separate-stderr "$BIN/news-dedupe" "$TMP/cut.gz"
	[ "$status" -eq 1 ]
	n=$(printf '%s\n' "$output" | grep -c .)
	[ "$n" -gt 1000 ] || fail "only $n records before the cut"
	[ "$(printf '%s\n' "$output" | jq -r .id | tail -1)" = "r$((n - 1))" ]
	[[ "$stderr" == "news-dedupe: $TMP/cut.gz: truncated gzip data (the file ends inside a member at byte $((size / 2)))"* ]] || fail "$stderr"
	{ cat "$TMP/a.gz"; printf 'junk after the end\n'; } >"$TMP/junk.gz"
	for prog in news-split news-dedupe; do
		run --separate-stderr "$BIN/$prog" "$TMP/junk.gz"
		[ "$status" -eq 1 ]
		[ "$(printf '%s\n' "$output" | grep -c .)" -eq 5000 ]
		[ "$stderr" = "$prog: $TMP/junk.gz: trailing garbage after the gzip data (at byte $size), ignored" ] || fail "$stderr"
	done
}

@test "gzip: concatenated members (and gzip per record) read as one stream" {
	records 300 >"$TMP/all.jsonl"
	: >"$TMP/multi.gz"
	while IFS= read -r line; do printf '%s\n' "$line" | gzip -c >>"$TMP/multi.gz"; done <"$TMP/all.jsonl"
	for prog in news-split news-dedupe; do
		run --separate-stderr "$BIN/$prog" "$TMP/multi.gz"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		[ "$(printf '%s\n' "$output" | jq -r .id | tr '\n' ' ')" = "$(jq -r .id "$TMP/all.jsonl" | tr '\n' ' ')" ]
	done
}

@test "gzip: a file whose first read is larger than the compressed buffer (a regular file, not a pipe)" {
	# Incompressible text, so that the .gz is several times 64 KiB: a
	# regular file's first read(2) returns all the reader asks for.
	head -c 600000 /dev/urandom | base64 -w 1000 | jq -R -c '{text: .}' >"$TMP/big.jsonl"
	gzip -c "$TMP/big.jsonl" >"$TMP/big.jsonl.gz"
	[ "$(stat -c %s "$TMP/big.jsonl.gz")" -gt 262144 ]
	for prog in $(filters); do
		"$BIN/$prog" "$TMP/big.jsonl.gz" >"$TMP/out" || fail "$prog: exit $?"
		[ "$(wc -l <"$TMP/out")" -eq "$(wc -l <"$TMP/big.jsonl")" ] || fail "$prog: $(wc -l <"$TMP/out") records"
	done
}

@test "--max-record-bytes: a longer record is refused with a message, the others written, in every filter" {
	big=$(head -c 2000000 /dev/zero | tr '\0' 'a')
	{
		printf '%s\n' '{"id":"one","text":"A first short article. It has two sentences."}'
		printf '{"id":"big","text":"%s"}\n' "$big"
		printf '%s\n' '{"id":"two","text":"A second short article. It also has two."}'
	} >"$TMP/in.jsonl"
	for prog in $(filters); do
		run --separate-stderr "$BIN/$prog" --max-record-bytes 1M "$TMP/in.jsonl"
		[ "$status" -eq 1 ] || fail "$prog: exit $status"
		[[ "$stderr" == *"$prog: $TMP/in.jsonl:2: a line of 2000022 bytes is longer than --max-record-bytes (1048576): skipped"* ]] || fail "$prog: $stderr"
		printf '%s\n' "$output" | grep -q '"id":"two"' || fail "$prog: lost the record after it"
		! printf '%s\n' "$output" | grep -q '"id":"big"' || fail "$prog: wrote it"
	done
	run --separate-stderr "$BIN/news-dedupe" --max-record-bytes 1M --on-error=fail "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -r .id)" = one ]
	# Within the bound the record is whole.
	run --separate-stderr "$BIN/news-dedupe" --max-record-bytes 3M "$TMP/in.jsonl"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | sed -n 2p | jq -r '.text | length')" -eq 2000000 ]
	# A text file is one record: the same bound.
	printf '%s' "$big" >"$TMP/big.txt"
	run --separate-stderr "$BIN/news-split" --max-record-bytes 1M "$TMP/big.txt"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ "$stderr" == "news-split: $TMP/big.txt: larger than --max-record-bytes (1048576 bytes)" ]] || fail "$stderr"
	# So is a CSV row, whose quoted field may run over many lines (here: never closed).
	{ printf 'id,text\na,"Fine. Row."\nb,"Never closed.\n'; yes 'more text in the open field' | head -100000; } >"$TMP/open.csv"
	run --separate-stderr "$BIN/news-split" --max-record-bytes 1M "$TMP/open.csv"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -r .id)" = a ]
	[[ "$stderr" == "news-split: $TMP/open.csv:3: a CSV row longer than --max-record-bytes (1048576 bytes): the rest of the file is not read" ]] || fail "$stderr"
	for bad in 12Q -1 1T ""; do
		run --separate-stderr "$BIN/news-dedupe" --max-record-bytes "$bad" </dev/null
		[ "$status" -eq 2 ] || fail "'$bad': exit $status"
	done
}

@test "data files: /dev/zero, an empty or cut-short lexicon, IDF or months file is an error naming it" {
	printf '%s\n' "$REC" >"$TMP/in.jsonl"
	run --separate-stderr timeout 60 "$BIN/news-extract-quotes" --cues /dev/zero "$TMP/in.jsonl"
	[ "$status" -eq 1 ] || fail "exit $status"
	[[ "$stderr" == "news-extract-quotes: /dev/zero: larger than a data file's limit"* ]] || fail "$stderr"
	: >"$TMP/empty.txt"
	printf 'said\tsay\tthat' >"$TMP/cut.txt"
	run --separate-stderr "$BIN/news-extract-quotes" --cues "$TMP/empty.txt" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-extract-quotes: data file '$TMP/empty.txt' is empty"* ]] || fail "$stderr"
	run --separate-stderr "$BIN/news-extract-quotes" --cues "$TMP/cut.txt" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-extract-quotes: data file '$TMP/cut.txt' is cut short"* ]] || fail "$stderr"
	head -c 1000 "$NEWSPIPE_DATA/terms/idf.tsv" >"$TMP/idf.tsv"
	run --separate-stderr "$BIN/news-summarize" --idf "$TMP/idf.tsv" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-summarize: data file '$TMP/idf.tsv' is cut short"* ]] || fail "$stderr"
	mkdir "$TMP/lex"
	cp "$NEWSPIPE_DATA"/clean/en/* "$TMP/lex/"
	: >"$TMP/lex/months.txt"
	run --separate-stderr "$BIN/news-clean" --lexicon "$TMP/lex" "$TMP/in.jsonl"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "news-clean: data file '$TMP/lex/months.txt' is empty"* ]] || fail "$stderr"
	[ -z "$output" ]
}

@test "the entity model is mapped, shared by the processes that use it; one cut short in use is an error, not a crash" {
	cp "$NEWSPIPE_DATA/entities/model.bin" "$TMP/model.bin"
	rm -f "$TMP/in"
	mkfifo "$TMP/in"
	"$BIN/news-tag-entities" -u --model "$TMP/model.bin" "$TMP/in" >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	exec 8>"$TMP/in"
	printf '%s\n' "$REC" >&8
	for _ in $(seq 600); do [ -s "$TMP/out" ] && break; sleep 0.05; done
	[ -s "$TMP/out" ]
	grep -q "$TMP/model.bin" /proc/$pid/maps || fail "the model is not mapped"
	truncate -s 1000 "$TMP/model.bin"
	printf '%s\n' "$REC" >&8
	exec 8>&-
	status=0
	wait "$pid" || status=$?
	[ "$status" -eq 1 ] || fail "exit $status: $(cat "$TMP/err")"
	[ "$(cat "$TMP/err")" = "news-tag-entities: '$TMP/model.bin' changed while in use (cut short: replace a data file with mv, not cp)" ]
}
