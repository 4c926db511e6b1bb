/*
 * dedupe-state.c - fuzz news-dedupe's state loader (filters/dedupe/state.c
 * reads the snapshot with its own checks, for speed): the first byte
 * says whether the rest is the snapshot FILE or the journal FILE.log.
 * Loading must refuse a bad file with a message, never read outside it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dedupe/dedupe.h"
#include "state_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[64];
	char path[128];
	struct sketch_params p = { 8, 32, 2 };
	struct index *ix = NULL;
	struct state *st;

	if (size < 1)
		return 0;
	state_input_write(dir, sizeof dir, "seen", data, size, path, sizeof path);
	st = state_open(path, &p, 0, 1000, 0, false, &ix);
	if (st) {
		uint64_t i, n = index_count(ix), first = index_next_seq(ix) - n;
		size_t len;
		for (i = first; i < first + n; i++)
			(void)index_id(ix, i, &len);
		state_close(st, ix);
		index_free(ix);
	}
	state_input_remove(path);
	return 0;
}
