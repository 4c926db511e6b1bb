/*
 * csvwrite.h - tables out: CSV (RFC 4180, quoted by libcsv) or TSV.
 *
 * A writer builds one row at a time from cells and writes it whole.
 *
 * CSV: a cell holding a comma, a double quote, CR or LF is written in
 * double quotes with its quotes doubled (libcsv's csv_write); other cells
 * as they are.  Rows end in CRLF, as RFC 4180 says.  A row of one empty
 * cell is written as "" so that readers do not take it for a blank line.
 *
 * TSV: as Miller 6 and "linear TSV" (the TEXT format of PostgreSQL) write
 * it, so that each row is one line for cut, sort and awk: a tab, newline,
 * carriage return or backslash inside a cell becomes \t, \n, \r or \\.
 * Rows end in LF.
 *
 * Formula guard: a spreadsheet runs a cell that starts with = + - or @
 * as a formula (and Excel also after a leading tab or CR), so text taken
 * from untrusted input could run =HYPERLINK() or DDE.  With guard set,
 * csvwriter_text() writes such a cell with a ' before it, as OWASP
 * advises: a spreadsheet shows the text, and a program sees the quote.
 * csvwriter_plain() never adds it (numbers, names the program made).
 */
#ifndef NEWSPIPE_CSVWRITE_H
#define NEWSPIPE_CSVWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

enum table_format { TABLE_CSV, TABLE_TSV };

struct csvwriter {
	enum table_format format;
	bool guard;          /* prefix ' to text cells a spreadsheet would run */
	struct strbuf row;   /* the row being built */
	size_t ncells;       /* cells in it so far */
	bool last_empty;     /* the last cell added was empty */
};

/* Start a writer; release it with csvwriter_release(). */
void csvwriter_init(struct csvwriter *w, enum table_format format, bool guard);

/* Add a cell of text from the data: escaped, and guarded when w->guard. */
void csvwriter_text(struct csvwriter *w, const char *s, size_t len);

/* Add a cell that is escaped but never guarded (a number, a header name). */
void csvwriter_plain(struct csvwriter *w, const char *s, size_t len);

/*
 * Write the row and its line end to out and start a new row.  Returns 0,
 * or -1 on a write error (errno set by stdio).
 */
int csvwriter_end_row(struct csvwriter *w, FILE *out);

/* Whether a cell starting with s[0..len) would be run by a spreadsheet. */
bool csvwriter_is_formula(const char *s, size_t len);

void csvwriter_release(struct csvwriter *w);

#endif
