/* csvread.c - CSV through libcsv's push parser; see csvread.h. */
#include "csvread.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "xalloc.h"

/* libcsv's parser state inside a field (csv.c: FIELD_BEGUN). */
#define CSV_STATE_FIELD_BEGUN 2

struct state {
	struct strbuf *fields;
	size_t n, cap;
	unsigned long rows;      /* rows completed, header included */
	unsigned long line;      /* lines fed so far */
	unsigned long row_line;  /* line where the current row started */
	size_t row_bytes;        /* bytes of the lines of the current row */
	int stop;
	void (*header)(void *, const struct csv_row *);
	int (*row)(void *, const struct csv_row *);
	void *ctx;
};

static void
on_field(void *data, size_t len, void *vs)
{
	struct state *st = vs;

	if (st->n == st->cap) {
		size_t old = st->cap;
		ARRAY_GROW(st->fields, st->n + 1, st->cap);
		memset(st->fields + old, 0, (st->cap - old) * sizeof *st->fields);
	}
	strbuf_reset(&st->fields[st->n]);
	strbuf_add(&st->fields[st->n], data ? data : "", data ? len : 0);
	st->n++;
}

static void
on_row(int c, void *vs)
{
	struct state *st = vs;
	struct csv_row r;

	(void)c;
	r.n = st->n;
	r.f = st->fields;
	r.row = st->rows;
	r.line = st->row_line;
	if (st->rows == 0) {
		st->header(st->ctx, &r);
	} else if (!st->stop && st->row(st->ctx, &r) != 0) {
		st->stop = 1;
	}
	st->rows++;
	st->n = 0;
	st->row_line = st->line + 1;
	st->row_bytes = 0;
}

int
csvread(struct reader *r, void (*header)(void *, const struct csv_row *), int (*row)(void *, const struct csv_row *),
	void *ctx)
{
	struct csv_parser p;
	struct state st;
	const char *line;
	size_t len, i;
	int rc = 0, got;

	memset(&st, 0, sizeof st);
	st.header = header;
	st.row = row;
	st.ctx = ctx;
	st.row_line = 1;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		die("out of memory");
	while (!st.stop && (got = reader_getline(r, &line, &len)) == 1) {
		st.line = r->lineno;
		/* A quoted field can run over many lines: the row is one record, under one bound. */
		st.row_bytes += len + 1;
		if (r->max_line && st.row_bytes > r->max_line) {
			rc = warn("%s:%lu: a CSV row longer than %s (%zu bytes): the rest of the file is not read",
				  r->name, st.row_line, r->max_name, r->max_line);
			st.stop = 1;
			break;
		}
		if (csv_parse(&p, line, len, on_field, on_row, &st) != len ||
		    csv_parse(&p, "\n", 1, on_field, on_row, &st) != 1) {
			rc = warn("%s:%lu: invalid CSV: %s", r->name, r->lineno, csv_strerror(csv_error(&p)));
			break;
		}
	}
	/*
	 * A quoted field still open at the end of the file has swallowed every
	 * row after its start: report it instead of writing one huge field.
	 * (libcsv's non-strict mode accepts it silently; its strict mode would
	 * also refuse stray quotes inside unquoted fields, common in feeds.)
	 */
	if (rc == 0 && !st.stop && p.quoted && p.pstate == CSV_STATE_FIELD_BEGUN) {
		rc = warn("%s:%lu: invalid CSV: quoted field never closed (this row runs to the end of the file)",
			  r->name, st.row_line);
		st.stop = 1;
	}
	if (rc == 0 && !st.stop && csv_fini(&p, on_field, on_row, &st) != 0)
		rc = warn("%s:%lu: invalid CSV: %s", r->name, r->lineno, csv_strerror(csv_error(&p)));
	csv_free(&p);
	for (i = 0; i < st.cap; i++)
		strbuf_release(&st.fields[i]);
	free(st.fields);
	return rc;
}
