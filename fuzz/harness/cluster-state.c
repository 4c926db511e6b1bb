/*
 * cluster-state.c - fuzz news-cluster's state loader (filters/cluster/
 * state.c reads its snapshot's stories and journal entries with checks
 * of its own): the first byte says whether the rest is the snapshot FILE
 * or the journal FILE.log.  Loading must refuse a bad file with a
 * message, never read outside it; the stories it restores are written
 * back (cstate_close()), which walks them all.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cluster/cluster.h"
#include "state_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[64];
	char path[128];
	struct stories_params p = { 0.31, 3 * 86400, 100 };
	struct stories *st;
	struct cluster_state *cs;
	struct clock c = { TIME_PENDING, false };

	if (size < 1)
		return 0;
	state_input_write(dir, sizeof dir, "stories", data, size, path, sizeof path);
	st = stories_new(&p);
	cs = cstate_open(path, false, st, &c);
	if (cs) {
		struct stories_stats ss;
		stories_stats(st, &ss);
		cstate_close(cs, st, &c);
	}
	stories_free(st);
	state_input_remove(path);
	return 0;
}
