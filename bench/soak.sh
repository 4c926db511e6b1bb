#!/bin/sh
# bench/soak.sh - make soak: a gigabyte ($SOAK_MB) through the whole pipeline with the
# memory of every stage sampled (bench/soak.py), news-dedupe --state killed at random
# moments (bench/kill9.sh: what the rerun writes again), then the longest lines through every
# filter of the normal and the sanitized build (tests/long/, too slow for make check
# under ASan: a 100 MB line takes minutes there).
set -eu
cd "$(dirname "$0")/.."
corpus=$(bench/corpus.sh)
status=0
nice python3 bench/soak.py bin "$corpus" "${SOAK_MB:-1000}" build/soak/pipeline || status=1
bench/kill9.sh "${SOAK_KILL_TRIALS:-20}" || status=1
for bindir in bin build/asan/bin; do
	[ -x "$bindir/news-split" ] || continue
	echo "soak: long lines through $bindir"
	NEWSPIPE_BIN=$PWD/$bindir NEWSPIPE_DATA=$PWD/data bats tests/long/ || status=1
done
exit $status
