/*
 * unit.h - a minimal harness for the C unit tests.
 *
 * CHECK(cond) counts a pass or prints the failing condition with its
 * line; unit_done() prints "N passed, N failed" and gives the exit status.
 */
#ifndef NEWSPIPE_UNIT_H
#define NEWSPIPE_UNIT_H

#include <stdio.h>

struct unit_counts {
	int passed, failed;
};

static struct unit_counts unit_counts_;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (cond) {                                                          \
			unit_counts_.passed++;                                       \
		} else {                                                             \
			unit_counts_.failed++;                                       \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                    \
	} while (0)

static inline int
unit_done(void)
{
	printf("%d passed, %d failed\n", unit_counts_.passed, unit_counts_.failed);
	return unit_counts_.failed ? 1 : 0;
}

#endif
