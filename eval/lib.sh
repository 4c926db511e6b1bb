# eval/lib.sh - what every eval/eval-*.sh starts with (sourced, from the
# project root): where the shared data and the programs are, and the two
# ways a script stops before measuring.
#
#   SHARED  the shared data's parent (../shared; $SHARED or $NEWSPIPE_SHARED)
#   BIN     the filters (bin; $NEWSPIPE_BIN)
#   NEWSPIPE_DATA is exported (data/ of this tree unless set)

SHARED=${SHARED:-${NEWSPIPE_SHARED:-../shared}}
BIN=${NEWSPIPE_BIN:-bin}
NEWSPIPE_DATA=${NEWSPIPE_DATA:-$PWD/data}
export NEWSPIPE_DATA
eval_name=$(basename "$0" .sh)

# need_data WHAT PATH...: print what is skipped and exit 0 unless every PATH exists.
need_data() {
	what=$1
	shift
	for p in "$@"; do
		if [ ! -e "$p" ]; then
			echo "$eval_name: skipped: $p not found ($what, needs ../shared/data)"
			exit 0
		fi
	done
}

# need_bin PROGRAM...: exit 1 naming the first of $BIN/PROGRAM not built.
need_bin() {
	for p in "$@"; do
		if [ ! -x "$BIN/$p" ]; then
			echo "$eval_name: $BIN/$p not built (run make)" >&2
			exit 1
		fi
	done
}
