#!/usr/bin/env bats
# A 100 MB line through every filter (make soak, on the normal and the
# sanitized build; too slow for make check under ASan): processed whole,
# the record after it too, in memory a small multiple of the line.

bats_require_minimum_version 1.5.0

setup_file() {
	export LC_ALL=C
	export BIN=${NEWSPIPE_BIN:-$BATS_TEST_DIRNAME/../../bin}
	export BIG=$BATS_FILE_TMPDIR/big.jsonl
	# 45 characters a sentence (with its space): 2,222,222 of them, then
	# "The end.": 99,999,998 characters, no space to trim at either end.
	{
		printf '{"id":"big","text":"'
		yes 'This is one sentence of a very long article. ' | head -n 2222222 | tr -d '\n'
		printf 'The end."}\n{"id":"after","text":"Still here."}\n'
	} >"$BIG"
}

SINKS=" news-table news-digest "

@test "a 100 MB line goes whole through every filter, and the record after it" {
	for f in "$BIN"/news-*; do
		prog=${f##*/}
		case "$SINKS" in *" $prog "*) continue ;; esac
		run --separate-stderr "$f" "$BIG"
		[ "$status" -eq 0 ] || { echo "$prog: exit $status: $stderr" >&2; return 1; }
		printf '%s\n' "$output" | jq -c '[.id, (.text | length)]' >"$BATS_TEST_TMPDIR/summary"
		[ "$(sed -n 1p "$BATS_TEST_TMPDIR/summary")" = '["big",99999998]' ] || { echo "$prog: $(head -c 200 "$BATS_TEST_TMPDIR/summary")" >&2; return 1; }
		[ "$(sed -n 2p "$BATS_TEST_TMPDIR/summary")" = '["after",11]' ]
	done
}
