#!/usr/bin/env bats
# Cron as the README writes it: crontab entries crontab accepts, run as
# cron runs them (a bare environment: env -i, PATH=/usr/bin:/bin), with
# the programs and digest.sh as `make install` puts them; the dedupe
# state kept between runs, its directory made on the first.

load helpers

setup_file() {
	[ -n "${NEWSPIPE_SANITIZED:-}" ] && return 0
	export DEST=$BATS_FILE_TMPDIR/root
	make -s -C "$BATS_TEST_DIRNAME/.." install PREFIX=/usr/local DESTDIR="$DEST" >/dev/null
}

# A feed of three short stories with plain-text bodies.
write_feed() {
	mkdir -p "$(dirname "$1")"
	cat >"$1" <<'EOF'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local news</title><link>https://local.example/</link>
<item><title>Bridge closed</title><link>https://local.example/bridge</link>
<description>Police closed the river bridge on Monday after the storm damaged its railings. Engineers will inspect it this week.</description></item>
<item><title>School reopens</title><link>https://local.example/school</link>
<description>The primary school reopened on Tuesday after repairs to its roof. Parents said the work took longer than planned.</description></item>
<item><title>Market moves</title><link>https://local.example/market</link>
<description>The Saturday market will move to the square next month while the hall is rebuilt. Traders welcomed the plan.</description></item>
</channel></rss>
EOF
}

# The crontab entries of a file: lines of its indented code blocks that start with five time fields or PATH=.
crontab_lines() {
	sed -n 's/^    //p' "$1" | grep -E '^(PATH=|[0-9*][0-9*,/-]* +[0-9*][0-9*,/-]* +[0-9*][0-9*,/-]* +[0-9*][0-9*,/-]* +[0-9*][0-9*,/-]* )'
}

# What cron runs of an entry: the command after the five fields, "\%" made "%",
# the install prefix and the example directories made the test's.
cron_command() {
	printf '%s\n' "$1" | sed -E -e 's/^([^ ]+ +){5}//' -e 's/\\%/%/g' \
		-e "s#/usr/local/#$DEST/usr/local/#g" -e "s#/srv/news#$TMP/srv#g"
}

@test "the installed digest.sh runs under cron's bare environment; the second run sends nothing again" {
	[ -z "${NEWSPIPE_SANITIZED:-}" ] || skip "install is checked once, on the normal build"
	digest=$DEST/usr/local/share/newspipe/pipelines/digest.sh
	[ -x "$digest" ]
	mkdir -p "$TMP/home"
	run --separate-stderr env -i PATH=/usr/bin:/bin HOME="$TMP/home" "$digest" --state "$TMP/home/.newspipe/seen.db" "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ] || fail "$stderr"
	[ "$(printf '%s\n' "$output" | jq -s '[.[] | select(.sentences)] | length')" -eq 5 ]
	[ -s "$TMP/home/.newspipe/seen.db" ]
	run --separate-stderr env -i PATH=/usr/bin:/bin HOME="$TMP/home" "$digest" --state "$TMP/home/.newspipe/seen.db" "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ] || fail "$stderr"
	[ "$(printf '%s' "$output" | jq -s '[.[] | select(.sentences)] | length')" -eq 0 ]
	# An unknown option is a usage error.
	run env -i PATH=/usr/bin:/bin "$digest" --bogus
	[ "$status" -eq 2 ]
}

@test "digest.sh --state: an article of a later run joins the story of an earlier run" {
	"$ROOT/pipelines/digest.sh" --state "$TMP/st/seen.db" "$ROOT"/samples/00[0-3]*.txt >"$TMP/run1"
	first=$(jq -r 'select(.sentences) | .story' "$TMP/run1" | sort -u)
	[ "$(printf '%s\n' "$first" | wc -l)" -eq 1 ]
	"$ROOT/pipelines/digest.sh" --state "$TMP/st/seen.db" "$ROOT"/samples/*.txt >"$TMP/run2"
	# Only the new article is sent, in the story the first run began.
	[ "$(jq -s '[.[] | select(.sentences)] | length' "$TMP/run2")" -eq 1 ]
	[ "$(jq -r 'select(.sentences) | .story' "$TMP/run2")" = "$first" ]
}

@test "the README's crontab entries are single lines with five time fields, '%' escaped" {
	for f in "$ROOT/README.md" "$ROOT/pipelines/README.md"; do
		crontab_lines "$f" >"$TMP/crontab"
		[ -s "$TMP/crontab" ] || fail "no crontab entries in $f"
		while IFS= read -r line; do
			case $line in PATH=*) continue ;; esac
			[[ "$line" != *'\' ]] || fail "continued on the next line: $line"
			! printf '%s\n' "$line" | grep -q '[^\\]%' || fail "unescaped %: $line"
			# The entry is the whole command: the next line of the block is not its continuation.
			next=$(grep -A1 -F -- "$line" "$f" | sed -n 2p)
			[[ -z "$next" || "$next" != "      "* ]] || fail "a command over two lines: $line"
		done <"$TMP/crontab"
	done
}

@test "the README's crontab entries run as cron runs them, twice: each article is sent once" {
	[ -z "${NEWSPIPE_SANITIZED:-}" ] || skip "install is checked once, on the normal build"
	# The two entries are alternatives: each gets its own home (and state).
	mkdir -p "$TMP/h1/news" "$TMP/h2" "$TMP/srv/digests" "$TMP/srv/logs"
	write_feed "$TMP/h1/news/feeds/local.xml"
	write_feed "$TMP/srv/incoming/local.xml"
	path=$(crontab_lines "$ROOT/README.md" | sed -n 's/^PATH=//p' | sed "s#/usr/local/#$DEST/usr/local/#g")
	[ -n "$path" ]
	crontab_lines "$ROOT/README.md" | grep -v '^PATH=' >"$TMP/entries"
	[ "$(wc -l <"$TMP/entries")" -eq 2 ]
	today=$(date +%F)
	for run in 1 2; do
		k=0
		while IFS= read -r line; do
			k=$((k + 1))
			cmd=$(cron_command "$line")
			env -i PATH="$path" HOME="$TMP/h$k" SHELL=/bin/sh /bin/sh -c "$cmd" ||
				fail "run $run failed: $cmd: $(cat "$TMP/h1/news/newspipe.log" "$TMP/srv/logs/digest.log" 2>/dev/null)"
		done <"$TMP/entries"
		# The first entry writes today's file anew, the second appends to it.
		[ "$(jq -s length "$TMP/h1/news/today-$today.jsonl")" -eq $((run == 1 ? 3 : 0)) ]
		[ "$(jq -s '[.[] | select(.title)] | length' "$TMP/srv/digests/$today.jsonl")" -eq 3 ]
	done
	[ -s "$TMP/h1/.newspipe/seen.db" ]
	[ -s "$TMP/h2/.newspipe/seen.db" ]
}

@test "digest.sh makes the state's directory before the stages start, whichever stage opens its state first" {
	# A news-dedupe slow to start: news-cluster opens FILE.stories first.
	mkdir "$TMP/bin"
	for p in "$BIN"/news-*; do ln -s "$p" "$TMP/bin/"; done
	rm "$TMP/bin/news-dedupe"
	printf '#!/bin/sh\nsleep 1\nexec "%s" "$@"\n' "$BIN/news-dedupe" >"$TMP/bin/news-dedupe"
	chmod +x "$TMP/bin/news-dedupe"
	run --separate-stderr env NEWSPIPE_BIN="$TMP/bin" "$ROOT/pipelines/digest.sh" --state "$TMP/new/dir/seen" "$ROOT"/samples/*.txt
	[ "$status" -eq 0 ] || fail "exit $status: $stderr"
	[ -z "$stderr" ]
	[ -e "$TMP/new/dir/seen" ] && [ -e "$TMP/new/dir/seen.stories.lock" ]
	: >"$TMP/file"
	run --separate-stderr "$ROOT/pipelines/digest.sh" --state "$TMP/file/dir/seen" "$ROOT"/samples/*.txt
	[ "$status" -eq 1 ]
	[ "$stderr" = "digest.sh: cannot make directory '$TMP/file/dir': Not a directory" ] || fail "$stderr"
}

@test "news-dedupe makes the state's missing directory, and says why when it cannot" {
	"$BIN/news-split" "$ROOT"/samples/000_056ee4437d67911c.txt >"$TMP/a.jsonl"
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/new/dir/seen.db" "$TMP/a.jsonl"
	[ "$status" -eq 0 ]
	[ -s "$TMP/new/dir/seen.db" ]
	touch "$TMP/file"
	run --separate-stderr "$BIN/news-dedupe" --state "$TMP/file/dir/seen.db" "$TMP/a.jsonl"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ "$stderr" = "news-dedupe: cannot make directory '$TMP/file/dir': Not a directory" ]
}
