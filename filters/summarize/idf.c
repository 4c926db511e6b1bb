/* idf.c - the background IDF table; see summarize.h and data/summarize/README.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "err.h"
#include "hash.h"
#include "summarize.h"
#include "xalloc.h"

static void
put(struct idf *t, uint64_t key, float val)
{
	size_t i;

	if (key == 0)
		key = 1;
	for (i = (size_t)key & t->mask; t->keys[i] && t->keys[i] != key; i = (i + 1) & t->mask)
		;
	t->keys[i] = key;
	t->vals[i] = val;
}

void
idf_load(struct idf *t, const char *path)
{
	size_t len, nlines = 0, i, lineno = 0;
	char *buf = datafile_slurp(path, &len), *p, *end = buf + len;
	size_t size = 1024;

	memset(t, 0, sizeof *t);
	for (i = 0; i < len; i++)
		nlines += buf[i] == '\n';
	while (size < 2 * nlines + 2)
		size *= 2;
	t->keys = xcalloc(size, sizeof *t->keys);
	t->vals = xcalloc(size, sizeof *t->vals);
	t->mask = size - 1;
	for (p = buf; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *tab, *num_end;
		char *line_end = nl ? nl : end;
		long df;

		lineno++;
		if (line_end == p) {
			p = line_end + 1;
			continue;
		}
		if (*p == '#') {
			if (strncmp(p, "# docs ", 7) == 0)
				t->ndocs = strtod(p + 7, NULL);
			p = line_end + 1;
			continue;
		}
		tab = memchr(p, '\t', (size_t)(line_end - p));
		if (!tab || tab == p)
			die("%s:%zu: malformed line (want TERM<TAB>DF)", path, lineno);
		df = strtol(tab + 1, &num_end, 10);
		if (num_end != line_end || df < 1 || (t->ndocs > 0 && df > t->ndocs))
			die("%s:%zu: bad document frequency", path, lineno);
		if (t->ndocs <= 0)
			die("%s:%zu: the '# docs N' header must come first", path, lineno);
		put(t, hash64(p, (size_t)(tab - p), 0), (float)log(t->ndocs / (double)df));
		p = line_end + 1;
	}
	if (t->ndocs <= 0)
		die("%s: not an IDF table (no '# docs N' header)", path);
	/* A term the table lacks is rarer than any it has (those have df >= 2). */
	t->unknown = (float)log(t->ndocs);
	free(buf);
}

float
idf_get(const struct idf *t, uint64_t key)
{
	size_t i;

	if (key == 0)
		key = 1;
	for (i = (size_t)key & t->mask; t->keys[i]; i = (i + 1) & t->mask)
		if (t->keys[i] == key)
			return t->vals[i];
	return t->unknown;
}

void
idf_release(struct idf *t)
{
	free(t->keys);
	free(t->vals);
	memset(t, 0, sizeof *t);
}
