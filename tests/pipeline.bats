#!/usr/bin/env bats
# The ready pipeline, the examples of the README and man pages, and install.

load helpers

@test "digest.sh runs every built stage on the samples, deterministically" {
	run --separate-stderr env NEWSPIPE_BIN="$BIN" "$ROOT/pipelines/digest.sh" "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$TMP/a"
	# Five article records, each a JSON object with an id and sentences.
	[ "$(jq -s '[.[] | select(.sentences)] | length' "$TMP/a")" -eq 5 ]
	env NEWSPIPE_BIN="$BIN" "$ROOT/pipelines/digest.sh" "$ROOT"/samples/*.txt >"$TMP/b"
	cmp "$TMP/a" "$TMP/b"
}

@test "digest.sh reads standard input" {
	run --separate-stderr sh -c 'cat "$1" | env NEWSPIPE_BIN="$2" "$3"' sh \
		"$ROOT/samples/000_056ee4437d67911c.txt" "$BIN" "$ROOT/pipelines/digest.sh"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | jq -s '[.[] | select(.sentences)] | length')" -eq 1 ]
}

@test "the man page example of news-split runs" {
	cd "$ROOT"
	run --separate-stderr sh -c '"$0" samples/*.txt | jq -c "{id, n: (.sentences | length)}"' "$BIN/news-split"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5 ]
	[[ "${lines[0]}" == '{"id":"000_056ee4437d67911c","n":'* ]]
}

@test "--progress and --stats write to stderr only, records unchanged" {
	"$BIN/news-split" "$ROOT"/samples/*.txt >"$TMP/plain"
	run --separate-stderr "$BIN/news-split" --progress --stats -u "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$TMP/out"
	cmp "$TMP/plain" "$TMP/out"
	[[ "$stderr" == *"records/s"* ]]
	[[ "$stderr" == *"5 records read, 5 written, 0 bad" ]]
}

@test "make install puts the programs, man pages, data and pipelines under DESTDIR" {
	[ -z "${NEWSPIPE_SANITIZED:-}" ] || skip "install is checked once, on the normal build"
	run make -s -C "$ROOT" install PREFIX=/usr/local DESTDIR="$TMP/root"
	[ "$status" -eq 0 ]
	[ -x "$TMP/root/usr/local/bin/news-split" ]
	[ -f "$TMP/root/usr/local/share/man/man1/news-split.1" ]
	[ -x "$TMP/root/usr/local/share/newspipe/pipelines/digest.sh" ]
	# The installed filter finds its data beside it and runs.
	run "$TMP/root/usr/local/bin/news-split" --version
	[ "$status" -eq 0 ]
}

@test "digest.sh fails when a stage reports bad input" {
	printf '{"id":"a","text":"One."}\nnot json\n' >"$TMP/bad.jsonl"
	run --separate-stderr env NEWSPIPE_BIN="$BIN" "$ROOT/pipelines/digest.sh" "$TMP/bad.jsonl"
	[ "$status" -ne 0 ]
	[[ "$stderr" == *"news-split: $TMP/bad.jsonl:2: invalid JSON"* ]]
}

@test "every filter gives a record without an id the stable one news-split gives" {
	# The contract requires an id on output: FILE:LINE from a named file,
	# doc-HASH of the text from standard input; a usable id is kept.
	printf '%s\n' '{"text":"Police closed the bridge on Monday after the storm."}' \
		'{"id":null,"text":"The mayor said the bridge would reopen soon.","x":1}' \
		'{"id":7,"text":"Officials gave no date."}' '{"id":"","text":"An empty id is no id."}' >"$TMP/feed.jsonl"
	"$BIN/news-split" "$TMP/feed.jsonl" | jq -r .id >"$TMP/split-file"
	"$BIN/news-split" <"$TMP/feed.jsonl" | jq -r .id >"$TMP/split-stdin"
	[ "$(cat "$TMP/split-file")" = "$(printf '%s\n' feed:1 feed:2 7 feed:4)" ]
	grep -Eq '^doc-[0-9a-f]{16}$' <(head -1 "$TMP/split-stdin")
	for f in news-clean news-dedupe news-tag-entities news-extract-quotes news-summarize; do
		"$BIN/$f" "$TMP/feed.jsonl" 2>/dev/null | jq -r .id >"$TMP/ids"
		cmp "$TMP/ids" "$TMP/split-file" || fail "$f, named file: $(tr '\n' ' ' <"$TMP/ids")"
		"$BIN/$f" <"$TMP/feed.jsonl" 2>/dev/null | jq -r .id >"$TMP/ids"
		cmp "$TMP/ids" "$TMP/split-stdin" || fail "$f, standard input: $(tr '\n' ' ' <"$TMP/ids")"
		# The id comes first, the other fields follow in their order.
		"$BIN/$f" "$TMP/feed.jsonl" 2>/dev/null | sed -n 2p | jq -e 'keys_unsorted[0:3] == ["id", "text", "x"]' >/dev/null ||
			fail "$f: field order"
	done
}
