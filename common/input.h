/*
 * input.h - reading input files: plain or gzip, lines of any length up to
 * a bound, as soon as they arrive.
 *
 * A reader reads one source: a path, or "-" for standard input.  gzip is
 * recognised by its magic bytes, not by the file name, and decompressed
 * here (zlib's inflate, member after member: concatenated gzip files and
 * gzip-per-record files read as one).  A UTF-8 byte-order mark at the
 * start of the source is dropped, and "\r\n" line ends are read as "\n".
 *
 * Live input: the reader asks the system for more only when it has no
 * whole line, and takes what one read(2) returns, so a line on a pipe
 * that stays open (a FIFO, tail -f, with or without gzip) is returned as
 * soon as its newline has arrived.  On a regular file a read returns a
 * whole 256 KiB block, as fast as before.
 *
 * Damaged gzip input keeps what came before the damage: every byte
 * decompressed before a bad CRC, a bad length or a cut is returned as
 * lines, then "prog: FILE: ..." is reported (the run's exit status
 * becomes 1) and the source ends.  Bytes after the last gzip member that
 * are not another member are reported as trailing garbage, not read.
 *
 * A line longer than the reader's bound (--max-record-bytes; data files
 * have their own) is not kept in memory: it is read past, reported as
 * "prog: FILE:LINE: line of N bytes is longer than --max-record-bytes
 * (M): skipped", and counted in r->too_long; the next line follows.
 */
#ifndef NEWSPIPE_INPUT_H
#define NEWSPIPE_INPUT_H

#include <stddef.h>

#include "strbuf.h"

/* The default bound of a line: see input.c for why 256 MiB. */
#define READER_DEFAULT_MAX ((size_t)256 << 20)

struct reader_gz;

struct reader {
	const char *name;          /* "<stdin>" or the path as given; borrowed */
	unsigned long lineno;      /* number of the line last returned, from 1 */
	size_t max_line;           /* bound of a line (and of reader_read_all()) */
	const char *max_name;      /* what sets it, for messages: "--max-record-bytes" */
	unsigned long too_long;    /* lines skipped for being longer */
	int fd;
	int regular;               /* a regular file: reads never wait */
	struct reader_gz *gz;      /* NULL: plain input (or not known yet) */
	char *buf;                 /* decoded bytes: buf[pos..len) are unread */
	size_t pos, len, cap;
	struct strbuf line;        /* a line that spans buffer refills */
	int started;               /* the first bytes were looked at (gzip magic, BOM) */
	int eof;
};

/*
 * Set the bound of the lines of every reader opened from now on (0: no
 * bound).  cli_parse() sets it from --max-record-bytes.
 */
void reader_set_default_max(size_t max_line);

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
 * input (after damage, too, reported), -1 on a read error (reported with
 * the file name).  A line over the bound is skipped (see above).
 */
int reader_getline(struct reader *r, const char **line, size_t *len);

/*
 * Look at the next unread bytes without consuming them: from a regular
 * file at least its first 256 KiB (unless it is shorter); from a pipe at
 * least a whole first line (or 64 KiB of it), so that looking does not
 * wait for more than the first record of a live stream.  *n is 0 at the
 * end.  Returns 0, or -1 on a read error.
 */
int reader_peek(struct reader *r, const char **data, size_t *n);

/*
 * The same, waiting (on a pipe too) until at least want bytes (at most
 * 256 KiB) are there or the source ends: for a format told by more than
 * its first line.
 */
int reader_peek_at_least(struct reader *r, size_t want, const char **data, size_t *n);

/*
 * The next unread bytes of the source, consumed: *data points into the
 * reader's buffer and stays valid until the next call; *n is 0 at the
 * end.  For binary and markup input (feeds, WARC, HTML files) read in
 * blocks.  Returns 0, or -1 on a read error (reported).
 */
int reader_read(struct reader *r, const char **data, size_t *n);

/*
 * Append the rest of the source to out.  Returns 0, or -1 on a read
 * error or when the rest is longer than the reader's bound (reported
 * naming the file; out is then left as it was).
 */
int reader_read_all(struct reader *r, struct strbuf *out);

/* Close the source and free the buffers. */
void reader_close(struct reader *r);

#endif
