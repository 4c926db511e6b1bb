/*
 * input.h - reading input files: plain or gzip, any line length.
 *
 * A reader reads one source: a path, or "-" for standard input.  gzip is
 * recognised by its magic bytes, not by the file name (zlib reads plain
 * data through unchanged).  A UTF-8 byte-order mark at the start of the
 * source is dropped, and "\r\n" line ends are read as "\n".
 */
#ifndef NEWSPIPE_INPUT_H
#define NEWSPIPE_INPUT_H

#include <stddef.h>
#include <zlib.h>

#include "strbuf.h"

struct reader {
	const char *name;      /* "<stdin>" or the path as given; borrowed */
	unsigned long lineno;  /* number of the line last returned, from 1 */
	gzFile gz;
	char *buf;             /* read buffer */
	size_t pos, len;       /* unread bytes are buf[pos..len) */
	struct strbuf line;    /* a line that spans buffer refills */
	int eof;
	int at_start;          /* nothing returned yet: drop a BOM */
};

/*
 * Open path ("-" or NULL for standard input).  On failure print
 * "prog: cannot open 'path': reason", mark the run failed and return -1;
 * the reader is then closed and needs no reader_close().
 */
int reader_open(struct reader *r, const char *path);

/*
 * Read the next line, without its line end.  *line points into the
 * reader's buffers and stays valid until the next call; the line may
 * contain NUL bytes, so use *len.  Returns 1 for a line, 0 at end of
 * input, -1 on a read error (reported with the file name).
 */
int reader_getline(struct reader *r, const char **line, size_t *len);

/*
 * Look at the next unread bytes without consuming them (at least the
 * first block of the source, unless it is shorter).  *n is 0 at the end.
 * Returns 0, or -1 on a read error.
 */
int reader_peek(struct reader *r, const char **data, size_t *n);

/*
 * The next unread bytes of the source, consumed: *data points into the
 * reader's buffer and stays valid until the next call; *n is 0 at the
 * end.  For binary and markup input (feeds, WARC, HTML files) read in
 * blocks.  Returns 0, or -1 on a read error (reported).
 */
int reader_read(struct reader *r, const char **data, size_t *n);

/* Append the rest of the source to out.  Returns 0, or -1 on a read error. */
int reader_read_all(struct reader *r, struct strbuf *out);

/* Close the source and free the buffers. */
void reader_close(struct reader *r);

#endif
