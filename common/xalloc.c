/* xalloc.c - allocation that dies on failure; see xalloc.h. */
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory allocating %zu bytes", n);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		die("out of memory allocating %zu x %zu bytes", count, size);
	return p;
}

void *
xreallocarray(void *p, size_t count, size_t size)
{
	void *q;

	if (size && count > SIZE_MAX / size)
		die("allocation of %zu x %zu bytes overflows", count, size);
	q = realloc(p, (count * size) != 0 ? count * size : 1);
	if (!q)
		die("out of memory allocating %zu x %zu bytes", count, size);
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
