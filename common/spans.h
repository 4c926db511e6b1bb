/*
 * spans.h - lists of [start, end) code-point ranges and their JSON form.
 *
 * `paragraphs` and `sentences` are written as [[start, end], ...] with
 * code-point offsets into the text field, end exclusive.
 */
#ifndef NEWSPIPE_SPANS_H
#define NEWSPIPE_SPANS_H

#include <jansson.h>
#include <stddef.h>

#include "strbuf.h"

struct span {
	size_t start, end;
};

struct spans {
	struct span *v;
	size_t n, cap;
};

#define SPANS_INIT { NULL, 0, 0 }

void spans_push(struct spans *sp, size_t start, size_t end);
void spans_clear(struct spans *sp);
void spans_release(struct spans *sp);

/* A new JSON array [[s,e],...]; the caller owns the reference. */
json_t *spans_to_json(const struct spans *sp);

/* Append the JSON text [[s,e],...] to sb (no jansson values built). */
void spans_append_json(const struct spans *sp, struct strbuf *sb);

/*
 * Read [[s,e],...] from j into sp (cleared first).  Returns 0, or -1 when
 * j is not such an array, or a span is not 0 <= s <= e <= limit, or the
 * spans are not ascending and non-overlapping.
 */
int spans_from_json(const json_t *j, size_t limit, struct spans *sp);

#endif
