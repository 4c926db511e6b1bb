#!/usr/bin/env bats
# The README's scale-out recipes give what one process gives: GNU parallel
# with large blocks (order kept), and the map | sort | reduce forms a
# Hadoop Streaming job runs.

load helpers

@test "parallel --pipe --keep-order --block: the same records as one process, in order" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed (scripts/deps.sh bench)"
	"$BIN/news-split" "$ROOT"/samples/*.txt >"$TMP/in.jsonl"
	for i in 1 2 3 4 5 6; do cat "$TMP/in.jsonl"; done | jq -c '.id += "-\(input_line_number)"' >"$TMP/many.jsonl"
	"$BIN/news-tag-entities" <"$TMP/many.jsonl" >"$TMP/one"
	# Blocks of about 100 kB: several jobs, each loading the model once.
	parallel --will-cite --pipe --keep-order -j2 --block 100k "$BIN/news-tag-entities" <"$TMP/many.jsonl" >"$TMP/par"
	cmp "$TMP/one" "$TMP/par"
	parallel --will-cite --pipepart -a "$TMP/many.jsonl" --block -1 -j2 --keep-order "$BIN/news-tag-entities" >"$TMP/part"
	cmp "$TMP/one" "$TMP/part"
}

@test "the story-summary map | sort | reduce of the README gives the groups of one process" {
	"$BIN/news-split" "$ROOT"/samples/*.txt |
		jq -c '.story = (if (.id | test("^00[01]")) then "s1" else "s2" end)' >"$TMP/st.jsonl"
	jq -rc '.story + "\t" + tojson' "$TMP/st.jsonl" | LC_ALL=C sort | cut -f2- |
		"$BIN/news-summarize" --group-by story --groups-only >"$TMP/mr"
	"$BIN/news-summarize" --group-by story --groups-only "$TMP/st.jsonl" >"$TMP/one"
	cmp "$TMP/one" "$TMP/mr"
	[ "$(jq -c .ids "$TMP/mr" | tr '\n' ' ')" = '["000_056ee4437d67911c","001_0deaaa199a3d17f7"] ["002_49f6b1fb6ad7bc29","003_8ec4ed008229fa3f","004_b94d0bb9797e04d9"] ' ]
}
