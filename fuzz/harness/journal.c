/*
 * journal.c - fuzz common/journal.c's reader: the input is a journal
 * file; every entry given must be one that was written whole (its CRC
 * holds), damage is counted, never read past the end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char magic[JOURNAL_MAGIC_LEN] = { 'N', 'P', 'F', 'U', 'Z', 'Z', 'J', '\n' };

static int
entry(void *ctx, const void *d, size_t len)
{
	uint64_t *sum = ctx;
	const unsigned char *p = d;
	size_t i;

	for (i = 0; i < len; i++) /* touch every byte: ASan checks the bounds */
		*sum += p[i];
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct journal_damage dmg;
	uint64_t sum = 0;
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof path, "/tmp/np-fuzz-journal.%ld", (long)getpid());
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	/* The header's base is taken from the input, so any generation is tried. */
	if (journal_replay(path, magic, 1, size > 12 ? data[12] : 0, entry, &sum, &dmg) == 0 &&
	    dmg.end > size)
		abort();
	unlink(path);
	return 0;
}
