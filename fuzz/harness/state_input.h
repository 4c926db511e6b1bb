/*
 * state_input.h - what the state-file harnesses share: a fuzz input
 * written as a state's snapshot FILE or its journal FILE.log (the first
 * byte chooses), in a directory of the harness's own, and the files
 * removed after the run (the state's lock too).
 */
#ifndef NEWSPIPE_FUZZ_STATE_INPUT_H
#define NEWSPIPE_FUZZ_STATE_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Write data[1..size) as DIR/NAME or DIR/NAME.log; path gets DIR/NAME. */
static inline void
state_input_write(char *dir, size_t dirsize, const char *name, const uint8_t *data, size_t size, char *path,
		  size_t pathsize)
{
	char file[256];
	FILE *f;

	if (!dir[0]) {
		snprintf(dir, dirsize, "/tmp/np-fuzz-%s.XXXXXX", name);
		if (!mkdtemp(dir))
			abort();
	}
	snprintf(path, pathsize, "%s/%s", dir, name);
	snprintf(file, sizeof file, "%s%s", path, data[0] & 1 ? ".log" : "");
	f = fopen(file, "wb");
	if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
		abort();
}

/* Remove the state, its journal and its lock. */
static inline void
state_input_remove(const char *path)
{
	static const char *const suffixes[] = { "", ".log", ".lock" };
	char file[256];
	size_t k;

	for (k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
		snprintf(file, sizeof file, "%s%s", path, suffixes[k]);
		unlink(file);
	}
}

#endif
