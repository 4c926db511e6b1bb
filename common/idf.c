/* idf.c - the background IDF table; see idf.h and data/terms/README.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "err.h"
#include "hash.h"
#include "idf.h"
#include "xalloc.h"

static void
put(struct idf *t, uint64_t key, float val)
{
	size_t i;

	if (key == 0)
		key = 1;
	for (i = (size_t)key & t->mask; t->slots[i].key && t->slots[i].key != key; i = (i + 1) & t->mask)
		;
	t->slots[i].key = key;
	t->slots[i].val = val;
}

void
idf_load(struct idf *t, const char *path)
{
	struct datafile_lines dl;
	size_t nlines = 0, i, size = 1024, n;
	char *p;

	memset(t, 0, sizeof *t);
	datafile_lines_open(&dl, path);
	for (i = 0; i < dl.len; i++)
		nlines += dl.buf[i] == '\n';
	while (size < 2 * nlines + 2)
		size *= 2;
	t->slots = xcalloc(size, sizeof *t->slots);
	t->mask = size - 1;
	while ((p = datafile_lines_next(&dl, &n)) != NULL) {
		char *tab, *num_end;
		long df;

		if (n == 0)
			continue;
		if (*p == '#') {
			if (strncmp(p, "# docs ", 7) == 0) {
				char *end;
				t->ndocs = strtod(p + 7, &end);
				/* NaN or infinity would make every weight NaN: no term would ever match. */
				if (end == p + 7 || end != p + n || !(t->ndocs >= 1) || isinf(t->ndocs))
					die("%s:%lu: bad '# docs N' header (N: the number of documents, at least 1)", path,
					    dl.lineno);
			}
			continue;
		}
		tab = memchr(p, '\t', n);
		if (!tab || tab == p)
			die("%s:%lu: malformed line (want TERM<TAB>DF)", path, dl.lineno);
		df = strtol(tab + 1, &num_end, 10);
		if (num_end != p + n || df < 1 || (t->ndocs > 0 && df > t->ndocs))
			die("%s:%lu: bad document frequency", path, dl.lineno);
		if (t->ndocs <= 0)
			die("%s:%lu: the '# docs N' header must come first", path, dl.lineno);
		put(t, hash64(p, (size_t)(tab - p), 0), (float)log(t->ndocs / (double)df));
	}
	datafile_lines_close(&dl);
	if (t->ndocs <= 0)
		die("%s: not an IDF table (no '# docs N' header)", path);
	/* A term the table lacks is rarer than any it has (those have df >= 2). */
	t->unknown = (float)log(t->ndocs);
}

float
idf_get(const struct idf *t, uint64_t key)
{
	size_t i;

	if (key == 0)
		key = 1;
	for (i = (size_t)key & t->mask; t->slots[i].key; i = (i + 1) & t->mask)
		if (t->slots[i].key == key)
			return t->slots[i].val;
	return t->unknown;
}

void
idf_release(struct idf *t)
{
	free(t->slots);
	memset(t, 0, sizeof *t);
}
