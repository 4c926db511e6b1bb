#!/bin/bash
# fuzz/run.sh - run every fuzz target (make fuzz, make check).
#
#   fuzz/run.sh SECONDS    each target for SECONDS (make fuzz FUZZ_SECONDS=N)
#   fuzz/run.sh --check    the short pass of make check: the seeds and the
#                          regressions once, then FUZZ_CHECK_SECONDS (3) of
#                          fuzzing, from a fresh corpus
#
# Targets: see fuzz/targets.sh (every filter, option variants from
# fuzz/targets.list, the harnesses h-NAME of fuzz/harness/).  Each runs
# under ASan+UBSan with libFuzzer over its own corpus (build/fuzz/corpus/,
# kept between runs), the seeds (fuzz/seeds/records/ for programs,
# fuzz/seeds/NAME/ for harness h-NAME) and the regressions
# (fuzz/regress/TARGET-NAME/: inputs that once failed; keep every one).  A
# crash, leak, timeout (10 s an input) or exit is a failure: the input is
# saved in build/fuzz/artifacts/ and the target's log printed.  Runs
# FUZZ_JOBS (2) targets at a time; prints executions per target.
set -u
cd "$(dirname "$0")/.."
FZ=build/fuzz/fz
OUT=build/fuzz
JOBS=${FUZZ_JOBS:-2}
check=
if [ "${1:-}" = --check ]; then
	check=1
	seconds=${FUZZ_CHECK_SECONDS:-3}
	rm -rf "$OUT/check-corpus"
else
	seconds=${1:?usage: fuzz/run.sh SECONDS | --check}
fi
mkdir -p "$OUT/corpus" "$OUT/artifacts" "$OUT/logs"
# data/ with a small entity model and IDF table (Makefile: fuzz-build).
export NEWSPIPE_DATA="$PWD/$OUT/data"

# Run one target; print "NAME execs" or "NAME FAILED".
run_one() {
	name=$1 prog=$2 opts=$3
	# make check starts from the seeds alone (a long make fuzz leaves a large corpus).
	corpus=$OUT/${check:+check-}corpus/$name
	mkdir -p "$corpus"
	case $prog in
	h-*) seeds=fuzz/seeds/${prog#h-} ;;
	*) seeds=fuzz/seeds/records ;;
	esac
	dirs="$corpus"
	[ -d "$seeds" ] && dirs="$dirs $seeds"
	[ -d "fuzz/regress/$name" ] && dirs="$dirs fuzz/regress/$name"
	log=$OUT/logs/$name.log
	dict=
	[ -f fuzz/records.dict ] && case $prog in h-*) ;; *) dict=-dict=fuzz/records.dict ;; esac
	# shellcheck disable=SC2086
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	"$FZ/$prog" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$OUT/artifacts/$name-" $dict $dirs \
		-ignore_remaining_args=1 $opts >"$log" 2>&1
	status=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ "$status" -ne 0 ]; then
		printf '%-55s FAILED (exit %s): see %s\n' "$name" "$status" "$log"
		return 1
	fi
	printf '%-55s %10s execs in %ss\n' "$name" "${execs:-?}" "$seconds"
}

failed=0
fuzz/targets.sh "$FZ" >"$OUT/targets.txt"
[ -s "$OUT/targets.txt" ] || { echo "fuzz: no targets in $FZ (make fuzz-build)" >&2; exit 1; }
# FUZZ_JOBS at a time.
{
	running=0
	while IFS="$(printf '\t')" read -r name prog opts; do
		run_one "$name" "$prog" "$opts" >"$OUT/logs/$name.result" &
		running=$((running + 1))
		if [ "$running" -ge "$JOBS" ]; then
			wait -n
			running=$((running - 1))
		fi
	done
	wait
} <"$OUT/targets.txt"
for r in "$OUT"/logs/*.result; do
	name=${r##*/}
	name=${name%.result}
	grep -q "^$name	" "$OUT/targets.txt" || continue
	cat "$r"
	if grep -q FAILED "$r"; then
		failed=1
		echo "---- $OUT/logs/$name.log (last lines):"
		grep -v '^#\|^INFO\|^\s*$' "$OUT/logs/$name.log" | tail -40
	fi
done
rm -f "$OUT"/logs/*.result
exit "$failed"
