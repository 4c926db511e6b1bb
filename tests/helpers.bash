# helpers.bash - shared set-up for the Bats suites.
#
# Every suite starts with:   load helpers
# It runs the filters from $NEWSPIPE_BIN (bin/ by default; make check-asan
# points it at the sanitized build) in the C locale, and gives each test
# a scratch directory $TMP.

bats_require_minimum_version 1.5.0

setup() {
	export LC_ALL=C
	BIN=${NEWSPIPE_BIN:-$BATS_TEST_DIRNAME/../bin}
	ROOT=$BATS_TEST_DIRNAME/..
	export NEWSPIPE_DATA=${NEWSPIPE_DATA:-$ROOT/data}
	TMP=$BATS_TEST_TMPDIR
	SHARED=$ROOT/../shared
}

# Fail the test with a message.
fail() {
	echo "$@" >&2
	return 1
}

# jq -e on a string: assert_json 'JSON' 'FILTER'
assert_json() {
	printf '%s\n' "$1" | jq -e "$2" >/dev/null || fail "jq '$2' failed on: $1"
}

# Lines of $output that are records.
count_lines() {
	printf '%s' "$1" | grep -c . || true
}

# The bad-input contract, shared by every filter's suite: run
#   check_bad_input news-X [ARGS...]
# It feeds good and bad records (not JSON, not an object, field missing or
# not a string, invalid UTF-8, a NUL byte) and checks that each bad one is
# reported as "news-X: <stdin>:LINE: ..." and every good one is written.
check_bad_input() {
	local prog=$1; shift
	local good='{"id":"g","text":"A short article. It has two sentences."}'
	{
		printf '%s\n' "$good"
		printf '{not json\n'
		printf '[1,2]\n'
		printf '{"id":"m"}\n'
		printf '{"id":"n","text":5}\n'
		printf '{"id":"u","text":"bad \xff utf8"}\n'
		printf '{"id":"z","text":"nul \x00 byte"}\n'
		printf '%s\n' "$good"
	} >"$TMP/bad.jsonl"
	run --separate-stderr "$BIN/$prog" "$@" "$TMP/bad.jsonl"
	[ "$status" -eq 1 ] || fail "exit $status, want 1"
	[ "$(printf '%s\n' "$output" | jq -r .id | tr '\n' ' ')" = "g g " ] || fail "good records lost: $output"
	for n in 2 3 4 5 6 7; do
		printf '%s\n' "$stderr" | grep -q "^$prog: $TMP/bad.jsonl:$n: " || fail "line $n not reported: $stderr"
	done
}
