/*
 * csvread.h - CSV tables as rows of named fields (libcsv behind it).
 *
 * The first row is the header.  Quoted fields may hold commas, quotes
 * and newlines (RFC 4180).  Each following row is handed to a callback
 * with the header, so filters never see CSV details.
 */
#ifndef NEWSPIPE_CSVREAD_H
#define NEWSPIPE_CSVREAD_H

#include <stddef.h>

#include "input.h"
#include "strbuf.h"

struct csv_row {
	size_t n;                /* number of fields in this row */
	const struct strbuf *f;  /* f[i].buf / f[i].len: field i (NUL-terminated) */
	unsigned long row;       /* data row number, from 1 (the header is row 0) */
	unsigned long line;      /* input line where the row starts, from 1 */
};

/*
 * Read the CSV table from r.  header receives the header row; then row()
 * is called once per data row, in order.  row() returns 0 to go on or -1
 * to stop.  Returns 0, or -1 on a read or parse error (reported with the
 * file name and line).
 */
int csvread(struct reader *r, void (*header)(void *ctx, const struct csv_row *h),
	    int (*row)(void *ctx, const struct csv_row *row), void *ctx);

#endif
