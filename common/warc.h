/*
 * warc.h - web pages out of WARC files (web archives, crawls).
 *
 * Reads WARC/1.0 and 1.1 (ISO 28500) as a stream of records from a
 * reader (common/input.h), so a file that is gzip-compressed per record,
 * as Common Crawl writes .warc.gz, is read as one stream: memory holds
 * one record's headers and, for a page kept, its payload, never more.
 *
 * A page is the payload of a `response` record with an HTTP status of
 * 200, or of a `resource` record, whose content type is HTML (or, with
 * none given, whose payload is an HTML document): de-chunked
 * (Transfer-Encoding: chunked), decompressed (Content-Encoding: gzip,
 * x-gzip, deflate) and converted to UTF-8 from the charset of the HTTP
 * header or of the page (common/charset.h).  Every other record is
 * skipped and counted by why.
 *
 * Damage is reported as "prog: NAME: record at byte N: what" (N counts
 * the uncompressed stream) and the run fails, but reading goes on: a
 * record whose Content-Length is wrong (or not a number), or whose
 * headers run past 1 MiB, is dropped and reading resumes at the next
 * "WARC/" line; a truncated file gives every complete record before its
 * end.  One loss remains: the block of a record that is not a page is
 * read past, not kept, so when its Content-Length is a number that runs
 * past the end of the input, the records after it are not found.
 */
#ifndef NEWSPIPE_WARC_H
#define NEWSPIPE_WARC_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"

/* The largest page kept (a larger payload is skipped and counted). */
#define WARC_PAGE_MAX (64u << 20)

/* A page: each string borrowed from the reader, valid until the next call. */
struct warc_page {
	const char *id;        /* WARC-Record-ID as written */
	const char *url;       /* WARC-Target-URI, angle brackets removed ("" if none) */
	const char *fetched;   /* WARC-Date, ISO 8601 UTC ("" if none) */
	const char *html;      /* the page, UTF-8 */
	size_t html_len;
};

/* Records seen, by what became of them. */
struct warc_stats {
	unsigned long records;   /* WARC records read */
	unsigned long pages;     /* pages handed out */
	unsigned long request, metadata, revisit, warcinfo, other_type; /* skipped by WARC-Type */
	unsigned long not_ok;    /* a response whose HTTP status is not 200 */
	unsigned long not_html;  /* a payload that is not HTML */
	unsigned long too_large; /* a page over WARC_PAGE_MAX */
	unsigned long undecodable; /* an encoding that cannot be undone (br, a bad gzip stream) */
	unsigned long damaged;   /* a record cut short or with a wrong Content-Length */
};

struct warc_reader;

/* Read WARC records from r (borrowed, positioned at the start); name is for messages (borrowed). */
struct warc_reader *warc_reader_new(struct reader *r, const char *name);

/*
 * The next page: returns 1 and fills *page, or 0 at the end of the input
 * (after reporting any damage at the end).
 */
int warc_next_page(struct warc_reader *w, struct warc_page *page);

void warc_reader_stats(const struct warc_reader *w, struct warc_stats *st);

void warc_reader_free(struct warc_reader *w);

/* True when data starts like a WARC file ("WARC/1."). */
bool warc_sniff(const char *data, size_t n);

#endif
