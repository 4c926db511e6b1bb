/* spans.c - code-point range lists; see spans.h. */
#include "spans.h"

#include <stdlib.h>

#include "xalloc.h"

void
spans_push(struct spans *sp, size_t start, size_t end)
{
	ARRAY_GROW(sp->v, sp->n + 1, sp->cap);
	sp->v[sp->n].start = start;
	sp->v[sp->n].end = end;
	sp->n++;
}

void
spans_clear(struct spans *sp)
{
	sp->n = 0;
}

void
spans_release(struct spans *sp)
{
	free(sp->v);
	sp->v = NULL;
	sp->n = sp->cap = 0;
}

json_t *
spans_to_json(const struct spans *sp)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < sp->n; i++) {
		json_t *pair = json_array();
		json_array_append_new(pair, json_integer((json_int_t)sp->v[i].start));
		json_array_append_new(pair, json_integer((json_int_t)sp->v[i].end));
		json_array_append_new(a, pair);
	}
	return a;
}

/* Decimal digits of v into the end of buf; returns the start. */
static char *
format_size(size_t v, char *end)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

void
spans_append_json(const struct spans *sp, struct strbuf *sb)
{
	char num[24], *p;
	size_t i;

	strbuf_grow(sb, 2 + sp->n * 16);
	strbuf_addch(sb, '[');
	for (i = 0; i < sp->n; i++) {
		strbuf_add(sb, i ? ",[" : "[", i ? 2 : 1);
		p = format_size(sp->v[i].start, num + sizeof num);
		strbuf_add(sb, p, (size_t)(num + sizeof num - p));
		strbuf_addch(sb, ',');
		p = format_size(sp->v[i].end, num + sizeof num);
		strbuf_add(sb, p, (size_t)(num + sizeof num - p));
		strbuf_addch(sb, ']');
	}
	strbuf_addch(sb, ']');
}

int
spans_from_json(const json_t *j, size_t limit, struct spans *sp)
{
	size_t i, prev_end = 0;

	spans_clear(sp);
	if (!json_is_array(j))
		return -1;
	for (i = 0; i < json_array_size(j); i++) {
		const json_t *pair = json_array_get(j, i);
		json_int_t s, e;
		if (!json_is_array(pair) || json_array_size(pair) != 2 ||
		    !json_is_integer(json_array_get(pair, 0)) || !json_is_integer(json_array_get(pair, 1)))
			return -1;
		s = json_integer_value(json_array_get(pair, 0));
		e = json_integer_value(json_array_get(pair, 1));
		if (s < 0 || e < s || (size_t)e > limit || (size_t)s < prev_end)
			return -1;
		spans_push(sp, (size_t)s, (size_t)e);
		prev_end = (size_t)e;
	}
	return 0;
}
