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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[64];
	char path[128], file[160];
	struct sketch_params p = { 8, 32, 2 };
	struct index *ix = NULL;
	struct state *st;
	FILE *f;

	if (size < 1)
		return 0;
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/np-fuzz-state.XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	snprintf(path, sizeof path, "%s/seen", dir);
	snprintf(file, sizeof file, "%s%s", path, data[0] & 1 ? ".log" : "");
	f = fopen(file, "wb");
	if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
		abort();
	st = state_open(path, &p, 0, 1000, 0, false, &ix);
	if (st) {
		uint64_t i, n = index_count(ix), first = index_next_seq(ix) - n;
		size_t len;
		for (i = first; i < first + n; i++)
			(void)index_id(ix, i, &len);
		state_close(st, ix);
		index_free(ix);
	}
	unlink(path);
	snprintf(file, sizeof file, "%s.log", path);
	unlink(file);
	return 0;
}
