/*
 * xalloc.h - allocation that cannot fail.
 *
 * Out of memory is fatal in a filter (there is nothing useful to write
 * instead), so these call die() and never return NULL.  The caller owns
 * what they return and frees it with free().
 */
#ifndef NEWSPIPE_XALLOC_H
#define NEWSPIPE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* Reallocate to count * size bytes, checking the multiplication. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Grow an array so that it holds at least need elements: *cap doubles,
 * starting at 16.  Usage: ARRAY_GROW(v, n + 1, cap).
 */
#define ARRAY_GROW(ptr, need, cap)                                         \
	do {                                                               \
		if ((need) > (cap)) {                                      \
			size_t np_c_ = (cap) ? (cap) : 16;                 \
			while (np_c_ < (need))                             \
				np_c_ *= 2;                                \
			(ptr) = xreallocarray((ptr), np_c_, sizeof *(ptr)); \
			(cap) = np_c_;                                     \
		}                                                          \
	} while (0)

#endif
