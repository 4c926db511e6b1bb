/*
 * binfile.c - fuzz common/binfile.c's loader: the input is a model or
 * state file; a wrong one must be refused with a message, a right one
 * give sections inside the file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "binfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct binfile bf;
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof path, "/tmp/np-fuzz-binfile.%ld", (long)getpid());
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	if (binfile_open(&bf, path, "NPFUZZB\n", 1, 3) == 0) {
		size_t i;
		for (i = 0; i < bf.nsections; i++) {
			uint64_t n, k;
			const unsigned char *p = binfile_section(&bf, bf.sections[i].tag, &n);
			unsigned sum = 0;
			for (k = 0; k < n; k++)
				sum += p[k];
			(void)sum;
		}
		binfile_close(&bf);
	}
	unlink(path);
	return 0;
}
