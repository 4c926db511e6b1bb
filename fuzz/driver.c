/*
 * driver.c - the libFuzzer driver of every filter: each input is given
 * to the filter's own main() as a file, the way a user runs it.
 *
 * make fuzz links each filters/news-X.c (its main() renamed
 * np_filter_main) with its modules, the library and this file: the
 * record loop, the filter's per-record code and its finish() all run on
 * every input, under ASan and UBSan, with the sanitized build's check of
 * every line written from its input (NEWSPIPE_CHECK_FAST_PATH).  The
 * filter's options come after -ignore_remaining_args=1 on the command
 * line (fuzz/targets.list says which to run).  The library is built with
 * NEWSPIPE_FUZZ: messages are formatted but not printed, and
 * prog_exit() leaves stdout (/dev/null) open for the next input.  A
 * die() or exit() on an input is a finding, like a crash: no input may
 * make a filter give up.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int np_filter_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fuzzer's configuration, set once before the first input. */
static char **filter_args; /* argv of the filter, input path last */
static int filter_argc;
static int input_fd;
static char input_path[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int i, first = *argc, k = 0;
	const char *prog = strrchr((*argv)[0], '/');

	prog = prog ? prog + 1 : (*argv)[0];
	for (i = 1; i < *argc; i++) {
		if (strcmp((*argv)[i], "-ignore_remaining_args=1") == 0) {
			first = i + 1;
			break;
		}
	}
	input_fd = memfd_create("fuzz-input", 0);
	if (input_fd < 0) {
		perror("memfd_create");
		exit(1);
	}
	snprintf(input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
	filter_argc = 1 + (*argc - first) + 1;
	filter_args = calloc((size_t)filter_argc + 1, sizeof *filter_args);
	filter_args[k++] = (char *)prog;
	for (i = first; i < *argc; i++)
		filter_args[k++] = (*argv)[i];
	filter_args[k++] = input_path;
	if (!freopen("/dev/null", "w", stdout)) {
		perror("/dev/null");
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[64];
	int i;

	if (filter_argc >= 64)
		abort();
	if (ftruncate(input_fd, 0) != 0 || (size > 0 && pwrite(input_fd, data, size, 0) != (ssize_t)size))
		abort();
	/* getopt_long() permutes argv: a fresh copy each time, and its state reset. */
	for (i = 0; i < filter_argc; i++)
		argv[i] = filter_args[i];
	argv[i] = NULL;
	optind = 0;
	np_filter_main(filter_argc, argv);
	return 0;
}
