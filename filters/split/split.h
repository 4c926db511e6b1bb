/*
 * split.h - news-split's state, shared by its input formats: the text,
 * CSV and NDJSON readers in news-split.c and the web formats (feeds,
 * HTML pages, WARC crawls) in split/web.c.
 */
#ifndef NEWSPIPE_SPLIT_H
#define NEWSPIPE_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "input.h"
#include "spans.h"
#include "stream.h"
#include "strbuf.h"

enum format { FMT_AUTO, FMT_TEXT, FMT_CSV, FMT_NDJSON, FMT_FEED, FMT_WARC, FMT_HTML };
enum explode { EXPLODE_NONE, EXPLODE_PARAGRAPH, EXPLODE_SENTENCE };

#define MAX_MAP 32

struct options {
	enum format format;
	enum explode explode;
	const char *keep;          /* --keep: parent fields copied to exploded records */
	char *map_to[MAX_MAP];     /* --map FIELD=COLUMN */
	char *map_from[MAX_MAP];
	size_t nmap;
	const char *url;           /* --url: where the input came from */
	bool feed_info;            /* --feed-info: one record per feed, not its items */
};

struct splitter {
	struct options opt;
	const struct common_opts *co;
	struct stream *stream;
	struct spans paras, sents;
	struct strbuf members;     /* serialized paragraphs and sentences */
	/* CSV: which output field each column feeds ("" = the column's own name). */
	const char **column_field;
	size_t ncolumns;
	const char *csv_name;
	int csv_has_text;
	/* The input being read, for the records made from it. */
	const char *path;          /* NULL for standard input */
};

/*
 * The web formats.  Each reads the whole of r (named path, NULL for
 * standard input) and hands its records to the stream: a record with
 * the text field is split like any article, one with an HTML body
 * (news-clean's to read) is written as it is.
 */
void split_feed(struct splitter *sp, struct reader *r);
void split_html(struct splitter *sp, struct reader *r);
void split_warc(struct splitter *sp, struct reader *r);

#endif
