#!/usr/bin/env bats
# Every input the fuzzer once found to crash, hang or leak (fuzz/regress/
# TARGET/), run through the program as users run it, with the target's
# options (fuzz/targets.sh): it must end normally (exit 0 or 1, a message
# for a bad record), on this build and on the sanitized one.  make fuzz
# replays the same inputs under libFuzzer, and the library harnesses'
# (h-NAME) too.

load helpers

@test "inputs that once crashed a filter end normally" {
	n=0
	while IFS="$(printf '\t')" read -r name prog opts; do
		[ -d "$ROOT/fuzz/regress/$name" ] || continue
		for input in "$ROOT/fuzz/regress/$name"/*; do
			# shellcheck disable=SC2086
			run --separate-stderr timeout 60 "$BIN/$prog" $opts "$input"
			[ "$status" -le 1 ] || fail "$prog $opts $input: exit $status: $stderr"
			n=$((n + 1))
		done
	done < <("$ROOT/fuzz/targets.sh" "$BIN")
	[ "$n" -gt 0 ] || skip "no regression inputs for the programs in $BIN"
}
