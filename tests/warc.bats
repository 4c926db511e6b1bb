#!/usr/bin/env bats
# news-split on WARC files: one record per HTML page of a response (200)
# or resource record, every other record skipped and counted; gzip per
# record; damaged files (a truncated tail, wrong Content-Lengths).
# The WARC files are written by tests/fixtures/warc/make_warc.py.

load helpers

setup_file() {
	export WARC_DIR=$BATS_FILE_TMPDIR
	python3 "$BATS_TEST_DIRNAME/fixtures/warc/make_warc.py" "$WARC_DIR"
}

pages='["http://example.com/plain","http://example.com/chunked","http://example.com/gzip","http://example.com/latin1","http://example.com/cp1252","http://example.com/last"]'

@test "WARC: a record per HTML page, with id, url, fetched and the page as UTF-8" {
	run --separate-stderr "$BIN/news-split" --stats "$WARC_DIR/crawl.warc"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -s -c 'map(.url)')" = "$(jq -c . <<<"$pages")" ]
	first=$(printf '%s\n' "$output" | head -1)
	assert_json "$first" '.id == "<urn:uuid:00000000-0000-0000-0000-000000000003>"'
	assert_json "$first" '.fetched == "2024-03-04T12:00:00Z"'
	assert_json "$first" '(.html | startswith("<!DOCTYPE html>")) and (.html | contains("caf\u00e9"))'
	assert_json "$first" 'keys == ["fetched","html","id","source","url"]'
	# De-chunked; gunzipped and de-chunked; charsets from the page and from the header.
	assert_json "$(printf '%s\n' "$output" | sed -n 2p)" '.html | contains("<p>Sent in chunks.</p></body></html>")'
	assert_json "$(printf '%s\n' "$output" | sed -n 3p)" '.html | endswith("<p>Compressed and chunked.</p></body></html>")'
	assert_json "$(printf '%s\n' "$output" | sed -n 4p)" '.html | contains("Caf\u00e9 cr\u00e8me.")'
	assert_json "$(printf '%s\n' "$output" | sed -n 5p)" '.html | contains("\u201cQuoted\u201d")'
	printf '%s\n' "$stderr" | grep -qx "news-split: $WARC_DIR/crawl.warc: 12 WARC records: 6 pages written; skipped: 1 request, 1 metadata, 1 revisit, 1 warcinfo, 1 HTTP status not 200, 1 not HTML" ||
		fail "$stderr"
}

@test "WARC: gzip per record (.warc.gz), by content on standard input, gives the same records" {
	"$BIN/news-split" "$WARC_DIR/crawl.warc" | jq -c 'del(.source)' >"$TMP/plain"
	"$BIN/news-split" "$WARC_DIR/crawl.warc.gz" | jq -c 'del(.source)' >"$TMP/gz"
	cmp "$TMP/plain" "$TMP/gz"
	"$BIN/news-split" <"$WARC_DIR/crawl.warc.gz" >"$TMP/stdin"
	cmp "$TMP/plain" "$TMP/stdin"
}

@test "WARC: a truncated file gives every complete record and a message" {
	run --separate-stderr timeout 20 "$BIN/news-split" "$WARC_DIR/truncated.warc.gz"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -s -c 'map(.url)')" = "$(jq -c '.[0:5]' <<<"$pages")" ]
	printf '%s\n' "$stderr" | grep -q "^news-split: $WARC_DIR/truncated.warc.gz: record at byte [0-9]*: truncated" ||
		fail "$stderr"
}

@test "WARC: a wrong Content-Length is reported, the other records written, no hang" {
	for f in short long; do
		run --separate-stderr timeout 20 "$BIN/news-split" "$WARC_DIR/$f.warc"
		[ "$status" -eq 1 ]
		# The damaged record (the first page) is dropped; every other page is written.
		[ "$(printf '%s\n' "$output" | jq -s -c 'map(.url)')" = "$(jq -c '.[1:]' <<<"$pages")" ] ||
			fail "$f: $output"
		printf '%s\n' "$stderr" | grep -q "^news-split: $WARC_DIR/$f.warc: record at byte 536: no record end after its Content-Length of [0-9]* bytes (a wrong Content-Length?)" ||
			fail "$f: $stderr"
	done
	# A Content-Length far past the end of the file: the records after it are still found.
	sed 's/^Content-Length: 160\r$/Content-Length: 99999999\r/' "$WARC_DIR/crawl.warc" >"$TMP/huge.warc"
	run --separate-stderr timeout 20 "$BIN/news-split" "$TMP/huge.warc"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -s -c 'map(.url)')" = "$(jq -c '.[1:]' <<<"$pages")" ] || fail "$output"
	printf '%s\n' "$stderr" | grep -q "its Content-Length of 99999999 bytes runs past the end of the input" || fail "$stderr"
	# The last record cut: truncated.
	head -c -20 "$WARC_DIR/crawl.warc" >"$TMP/cut.warc"
	run --separate-stderr timeout 20 "$BIN/news-split" "$TMP/cut.warc"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -s -c 'map(.url)')" = "$(jq -c '.[0:5]' <<<"$pages")" ] || fail "$output"
	printf '%s\n' "$stderr" | grep -q "truncated: its Content-Length is [0-9]*, the input ends after" || fail "$stderr"
}

@test "WARC: a Content-Length that is not a number, or headers without end, lose nothing after them" {
	# "-1" (on the request record) was read as 2^64 - 1: every record after it was lost.
	sed 's/^Content-Length: 42\r$/Content-Length: -1\r/' "$WARC_DIR/crawl.warc" >"$TMP/neg.warc"
	run --separate-stderr timeout 20 "$BIN/news-split" "$TMP/neg.warc"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -s -c 'map(.url)')" = "$pages" ] || fail "$output"
	printf '%s\n' "$stderr" | grep -q "record at byte [0-9]*: Content-Length '-1' is not a number of bytes: skipped to the next record" ||
		fail "$stderr"
	# 2 MB of header lines: not held in memory, the record skipped, the next ones read.
	{
		printf 'WARC/1.0\r\nWARC-Type: response\r\n'
		yes 'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | head -n 40000 | sed 's/$/\r/'
		printf 'Content-Length: 0\r\n\r\n\r\n\r\n'
		cat "$WARC_DIR/crawl.warc"
	} >"$TMP/head.warc"
	run --separate-stderr timeout 20 "$BIN/news-split" "$TMP/head.warc"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | jq -s -c 'map(.url)')" = "$pages" ] || fail "$output"
	[ "$stderr" = "news-split: $TMP/head.warc: record at byte 0: headers longer than 1048576 bytes: skipped to the next record" ] ||
		fail "$stderr"
}

@test "WARC: not a WARC after all: a clear message, nothing written" {
	printf 'WARC/1.0\r\nWARC-Type: response\r\n' >"$TMP/cut.warc"
	run --separate-stderr "$BIN/news-split" "$TMP/cut.warc"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	printf '%s\n' "$stderr" | grep -q "record at byte 0: truncated: the input ends in its headers" || fail "$stderr"
	printf 'no WARC here\n' >"$TMP/junk.warc"
	run --separate-stderr "$BIN/news-split" "$TMP/junk.warc"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	printf '%s\n' "$stderr" | grep -q "bytes from 0 to the end are no WARC record" || fail "$stderr"
}
