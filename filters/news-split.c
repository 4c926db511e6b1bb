/*
 * news-split - ingest articles and mark their paragraphs and sentences.
 *
 * Reads plain-text articles (one file, one article), CSV tables (one row,
 * one article) and NDJSON records, any of them gzip-compressed, and
 * writes one NDJSON record per article with a stable `id` (kept when the
 * input has one), the text field, and `paragraphs` and `sentences` as
 * [[start, end], ...] code-point offsets into the text.  With --explode
 * it writes one record per paragraph or sentence instead.
 *
 * Web formats (split/web.c): an RSS/Atom feed gives one record per item,
 * an HTML file one {"id","html"} record, a WARC crawl one record per HTML
 * page; records whose body is HTML are left for news-clean, unsplit.
 *
 * Reads: id, the text field (-f).  Writes: id, source (file input),
 * paragraphs, sentences; with --explode: id, doc_id, seq, start, end, text;
 * feed items, pages: see man news-split.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "csvread.h"
#include "err.h"
#include "feed.h"
#include "hash.h"
#include "html.h"
#include "input.h"
#include "recid.h"
#include "segment.h"
#include "split/split.h"
#include "utf8.h"
#include "warc.h"
#include "xalloc.h"

enum { OPT_FORMAT = 256, OPT_EXPLODE, OPT_KEEP, OPT_MAP, OPT_URL, OPT_FEED_INFO };

static const struct cli_option options[] = {
	{ "format", OPT_FORMAT, required_argument, "FMT",
	  "input format: auto (default: by extension, then content), text, csv, ndjson, feed (rss, atom), "
	  "warc, html" },
	{ "url", OPT_URL, required_argument, "URL",
	  "where the input came from: a feed's relative links resolve against it, a page's url" },
	{ "feed-info", OPT_FEED_INFO, no_argument, NULL,
	  "feeds: one record per feed (its feed object and number of items), not its items" },
	{ "map", OPT_MAP, required_argument, "FIELD=COLUMN,...",
	  "CSV: take FIELD from COLUMN (e.g. text=body,title=headline)" },
	{ "explode", OPT_EXPLODE, required_argument, "UNIT",
	  "write one record per paragraph or sentence" },
	{ "keep", OPT_KEEP, required_argument, "FIELD,...",
	  "with --explode: copy these fields of the article (or 'all')" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct options *o = ctx;

	switch (key) {
	case OPT_FORMAT: {
		static const char *const formats[] = { "auto",		"text|txt", "csv",  "ndjson|jsonl",
						       "feed|rss|atom", "warc",	    "html", NULL }; /* enum format */
		o->format = (enum format)cli_choice(arg, formats, "--format");
		break;
	}
	case OPT_EXPLODE: {
		static const char *const units[] = { "paragraph", "sentence", NULL };
		o->explode = cli_choice(arg, units, "--explode") == 0 ? EXPLODE_PARAGRAPH : EXPLODE_SENTENCE;
		break;
	}
	case OPT_KEEP:
		o->keep = arg;
		break;
	case OPT_URL:
		o->url = arg;
		break;
	case OPT_FEED_INFO:
		o->feed_info = true;
		break;
	case OPT_MAP: {
		const char *p = arg;
		while (*p) {
			size_t n = strcspn(p, ","), eq;
			const char *e = memchr(p, '=', n);
			if (!e || e == p || (size_t)(e - p) + 1 == n)
				usage_error("invalid --map '%.*s' (want FIELD=COLUMN)", (int)n, p);
			if (o->nmap == MAX_MAP)
				usage_error("too many --map entries (at most %d)", MAX_MAP);
			eq = (size_t)(e - p);
			o->map_to[o->nmap] = xstrndup(p, eq);
			o->map_from[o->nmap] = xstrndup(e + 1, n - eq - 1);
			o->nmap++;
			p += n;
			if (*p == ',')
				p++;
		}
		break;
	}
	}
}

static bool
has_suffix(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len > n && strncasecmp(s + len - n, suffix, n) == 0;
}

/* The format a file name says, FMT_AUTO when it says nothing sure (.xml). */
static enum format
format_of_name(const char *path)
{
	static const struct {
		const char *suffix;
		enum format format;
	} names[] = {
		{ ".txt", FMT_TEXT },	 { ".text", FMT_TEXT }, { ".csv", FMT_CSV },	 { ".jsonl", FMT_NDJSON },
		{ ".ndjson", FMT_NDJSON }, { ".json", FMT_NDJSON }, { ".rss", FMT_FEED }, { ".atom", FMT_FEED },
		{ ".rdf", FMT_FEED },	 { ".warc", FMT_WARC },	 { ".html", FMT_HTML },
		{ ".htm", FMT_HTML },	 { ".xhtml", FMT_HTML },
	};
	size_t len = strlen(path), k;

	if (has_suffix(path, len, ".gz"))
		len -= 3;
	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if (has_suffix(path, len, names[k].suffix))
			return names[k].format;
	return FMT_AUTO;
}

/* Bytes enough to see past a feed's or a page's prologue to its root. */
#define MARKUP_PROLOGUE 4096

/* The offset of the first byte after a UTF-8 BOM and blank space (n when none). */
static size_t
first_nonblank(const char *head, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
		i++;
	return i;
}

static int
starts_with_markup(const char *head, size_t n)
{
	size_t i = first_nonblank(head, n);

	return i < n && head[i] == '<';
}

/* Whether head holds an element's start tag ("<name", not "<?" or "<!"). */
static bool
has_element(const char *head, size_t n)
{
	const char *p = head, *end = head + n;

	while ((p = memchr(p, '<', (size_t)(end - p))) && end - p > 1) {
		if (isalpha((unsigned char)p[1]))
			return true;
		p++;
	}
	return false;
}

/*
 * Look on until the root element's start tag is in view (or
 * MARKUP_PROLOGUE bytes, or the end), and no further: a live feed that
 * stays open is told as soon as its root has arrived.
 */
static int
peek_root(struct reader *r, const char **head, size_t *n)
{
	while (!has_element(*head, *n) && *n < MARKUP_PROLOGUE) {
		size_t had = *n;
		if (reader_peek_at_least(r, had + 1, head, n) != 0)
			return -1;
		if (*n == had)
			break; /* the end */
	}
	return 0;
}

static enum format
format_of(const char *path, const char *head, size_t n)
{
	size_t i;

	if (path && strcmp(path, "-") != 0) {
		enum format f = format_of_name(path);
		if (f != FMT_AUTO)
			return f;
	}
	/* By content: WARC's version line, a feed's or a page's root element,
	 * a first non-blank '{' for NDJSON; anything else is text. */
	if (warc_sniff(head, n))
		return FMT_WARC;
	if (feed_sniff(head, n))
		return FMT_FEED;
	if (html_is_document(head, n))
		return FMT_HTML;
	i = first_nonblank(head, n);
	return (i == n || head[i] == '{') ? FMT_NDJSON : FMT_TEXT;
}

static json_t *
unit_record(struct splitter *sp, json_t *parent, const char *doc_id, const char *text, const struct utf8_index *ix,
	    size_t seq, const struct span *u)
{
	json_t *r = json_object();
	char id[64];
	size_t bs = utf8_index_byte(ix, u->start), be = utf8_index_byte(ix, u->end);
	const char *key;
	json_t *val;

	snprintf(id, sizeof id, "-%c%zu", sp->opt.explode == EXPLODE_PARAGRAPH ? 'p' : 's', seq);
	{
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s%s", doc_id, id);
		json_object_set_new(r, "id", json_stringn(sb.buf, sb.len));
		strbuf_release(&sb);
	}
	json_object_set_new(r, "doc_id", json_string(doc_id));
	json_object_set_new(r, "seq", json_integer((json_int_t)seq));
	json_object_set_new(r, "start", json_integer((json_int_t)u->start));
	json_object_set_new(r, "end", json_integer((json_int_t)u->end));
	if (sp->opt.keep) {
		int all = strcmp(sp->opt.keep, "all") == 0;
		json_object_foreach(parent, key, val) {
			size_t kl = strlen(key);
			const char *p = sp->opt.keep;
			int wanted = all;
			if (strcmp(key, "id") == 0 || strcmp(key, sp->co->field) == 0 || strcmp(key, "paragraphs") == 0 ||
			    strcmp(key, "sentences") == 0)
				continue;
			while (!wanted && *p) {
				size_t n = strcspn(p, ",");
				wanted = n == kl && strncmp(p, key, n) == 0;
				p += n + (p[n] == ',');
			}
			if (wanted && !json_object_get(r, key))
				json_object_set(r, key, val);
		}
	}
	json_object_set_new(r, sp->co->field, json_stringn(text + bs, be - bs));
	return r;
}

/* Segment one article record (owned by the caller) and write it or its units. */
static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct splitter *sp = ctx;
	json_t *idv = json_object_get(rec, "id");
	char idbuf[40];
	const char *id;

	/* The stream gave a record without an id a stable one (recid.h). */
	if (json_is_integer(idv)) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(idv));
		id = idbuf;
	} else {
		id = json_string_value(idv);
	}

	spans_clear(&sp->paras);
	spans_clear(&sp->sents);
	segment_text(text, len, &sp->paras, &sp->sents);

	if (sp->opt.explode == EXPLODE_NONE) {
		/* Re-segmenting a record replaces its spans where they are. */
		if (json_object_get(rec, "paragraphs") || json_object_get(rec, "sentences")) {
			json_object_set_new(rec, "paragraphs", spans_to_json(&sp->paras));
			json_object_set_new(rec, "sentences", spans_to_json(&sp->sents));
			stream_emit(s, rec);
		} else {
			strbuf_reset(&sp->members);
			strbuf_addstr(&sp->members, "\"paragraphs\":");
			spans_append_json(&sp->paras, &sp->members);
			strbuf_addstr(&sp->members, ",\"sentences\":");
			spans_append_json(&sp->sents, &sp->members);
			stream_emit_unchanged(s, rec, sp->members.buf, sp->members.len);
		}
	} else {
		const struct spans *units = sp->opt.explode == EXPLODE_PARAGRAPH ? &sp->paras : &sp->sents;
		struct utf8_index ix = { NULL, 0, 0 };
		size_t k;
		char *doc_id = xstrdup(id);

		utf8_index_build(&ix, text, len);
		for (k = 0; k < units->n; k++) {
			json_t *u = unit_record(sp, rec, doc_id, text, &ix, k + 1, &units->v[k]);
			stream_emit(s, u);
			json_decref(u);
		}
		utf8_index_release(&ix);
		free(doc_id);
	}
	return 0;
}

/* Build a record for one text article and process it. */
static void
feed_text(struct splitter *sp, const char *path, const char *name, struct strbuf *body)
{
	json_t *rec;
	size_t i, j;

	/* CRLF line ends become LF, so offsets do not depend on the platform. */
	for (i = j = 0; i < body->len; i++)
		if (!(body->buf[i] == '\r' && i + 1 < body->len && body->buf[i + 1] == '\n'))
			body->buf[j++] = body->buf[i];
	body->len = j;
	body->buf[j] = '\0';
	stream_set_position(sp->stream, name, 1);
	if (!utf8_valid(body->buf, body->len)) {
		stream_reject(sp->stream, "invalid UTF-8 in text file");
		return;
	}
	if (memchr(body->buf, '\0', body->len)) {
		stream_reject(sp->stream, "NUL byte in text file");
		return;
	}
	rec = json_object();
	if (path) {
		char *b = recid_base(path);
		json_object_set_new(rec, "id", json_string(b));
		json_object_set_new(rec, "source", json_string(path));
		free(b);
	}
	json_object_set_new(rec, sp->co->field, json_stringn(body->buf, body->len));
	stream_feed_record(sp->stream, rec);
}

static void
csv_header(void *ctx, const struct csv_row *h)
{
	/* Columns that name a record field under other names (first match wins). */
	static const char *const defaults[][8] = {
		{ "text", "text", "body", "content", "article", "story", "full_text", "description" },
		{ "title", "title", "headline", "heading", "subject", NULL },
		{ "id", "id", "guid", "uuid", "article_id", "doc_id", NULL },
		{ "url", "url", "link", "href", "permalink", NULL },
		{ "published", "published", "date", "pubdate", "published_at", "publish_date", "timestamp", NULL },
	};
	struct splitter *sp = ctx;
	size_t i, k, m;

	sp->ncolumns = h->n;
	sp->column_field = xcalloc(h->n ? h->n : 1, sizeof *sp->column_field);
	sp->csv_has_text = 0;
	for (i = 0; i < h->n; i++)
		sp->column_field[i] = xstrdup(h->f[i].buf);
	/* Explicit --map first; then the defaults for fields still unmapped. */
	for (k = 0; k < sizeof defaults / sizeof defaults[0]; k++) {
		const char *field = strcmp(defaults[k][0], "text") == 0 ? sp->co->field : defaults[k][0];
		int mapped = 0;
		for (m = 0; m < sp->opt.nmap && !mapped; m++) {
			if (strcmp(sp->opt.map_to[m], field) != 0)
				continue;
			mapped = 1;
			for (i = 0; i < h->n; i++)
				if (strcmp(h->f[i].buf, sp->opt.map_from[m]) == 0) {
					free((char *)sp->column_field[i]);
					sp->column_field[i] = xstrdup(field);
				}
		}
		for (m = 1; !mapped && m < 8 && defaults[k][m]; m++) {
			for (i = 0; i < h->n; i++) {
				if (strcasecmp(h->f[i].buf, defaults[k][m]) == 0) {
					free((char *)sp->column_field[i]);
					sp->column_field[i] = xstrdup(field);
					mapped = 1;
					break;
				}
			}
		}
	}
	/* Other explicit mappings (author=byline, ...). */
	for (m = 0; m < sp->opt.nmap; m++)
		for (i = 0; i < h->n; i++)
			if (strcmp(h->f[i].buf, sp->opt.map_from[m]) == 0) {
				free((char *)sp->column_field[i]);
				sp->column_field[i] = xstrdup(sp->opt.map_to[m]);
			}
	for (i = 0; i < h->n; i++)
		if (strcmp(sp->column_field[i], sp->co->field) == 0)
			sp->csv_has_text = 1;
}

static int
csv_row(void *ctx, const struct csv_row *r)
{
	struct splitter *sp = ctx;
	json_t *rec;
	size_t i;

	stream_set_position(sp->stream, sp->csv_name, r->line);
	if (!sp->csv_has_text) {
		warn("%s: no '%s' column in the CSV header (use --map %s=COLUMN)", sp->csv_name, sp->co->field,
		     sp->co->field);
		return -1;
	}
	if (r->n != sp->ncolumns) {
		stream_reject(sp->stream, "CSV row %lu has %zu fields, the header %zu", r->row, r->n, sp->ncolumns);
		return stream_stopped(sp->stream) ? -1 : 0;
	}
	rec = json_object();
	{
		/* No id column with a value: the file's name and the row's number. */
		int has_id = 0;
		for (i = 0; i < r->n; i++)
			if (strcmp(sp->column_field[i], "id") == 0 && r->f[i].len > 0)
				has_id = 1;
		if (!has_id) {
			char *b = recid_base(sp->csv_name);
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, "%s:%lu", b, r->row);
			json_object_set_new(rec, "id", json_stringn(sb.buf, sb.len));
			strbuf_release(&sb);
			free(b);
		}
	}
	for (i = 0; i < r->n; i++) {
		json_t *v;
		if (!utf8_valid(r->f[i].buf, r->f[i].len)) {
			json_decref(rec);
			stream_reject(sp->stream, "invalid UTF-8 in column '%s'", sp->column_field[i]);
			return stream_stopped(sp->stream) ? -1 : 0;
		}
		if (strcmp(sp->column_field[i], "id") == 0 && r->f[i].len == 0)
			continue;
		v = json_stringn(r->f[i].buf, r->f[i].len);
		if (!v) {
			json_decref(rec);
			stream_reject(sp->stream, "NUL byte in column '%s'", sp->column_field[i]);
			return stream_stopped(sp->stream) ? -1 : 0;
		}
		json_object_set_new(rec, sp->column_field[i], v);
	}
	if (strcmp(sp->csv_name, "<stdin>") != 0)
		json_object_set_new(rec, "source", json_string(sp->csv_name));
	stream_feed_record(sp->stream, rec);
	return stream_stopped(sp->stream) ? -1 : 0;
}

static void
free_columns(struct splitter *sp)
{
	size_t i;

	for (i = 0; i < sp->ncolumns; i++)
		free((char *)sp->column_field[i]);
	free(sp->column_field);
	sp->column_field = NULL;
	sp->ncolumns = 0;
}

static int
is_blank_line(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t')
			return 0;
	return 1;
}

/* Read one input in its format. */
static void
split_file(struct splitter *sp, const char *path)
{
	struct reader r;
	struct strbuf body = STRBUF_INIT;
	const char *line;
	size_t len;
	enum format fmt = sp->opt.format;

	if (reader_open(&r, path) != 0)
		return;
	sp->path = strcmp(r.name, "<stdin>") == 0 ? NULL : path;
	if (fmt == FMT_AUTO) {
		const char *head;
		size_t n;
		if (reader_peek(&r, &head, &n) != 0 || n == 0) {
			reader_close(&r);
			return;
		}
		/* Markup is told by its root element, which may come lines after
		 * an XML declaration, comments or a doctype: wait for more of it
		 * (a live NDJSON stream is still told by its first line). */
		if (starts_with_markup(head, n) && peek_root(&r, &head, &n) != 0) {
			reader_close(&r);
			return;
		}
		fmt = format_of(path, head, n);
	}
	switch (fmt) {
	case FMT_NDJSON:
		while (!stream_stopped(sp->stream) && reader_getline(&r, &line, &len) == 1) {
			stream_set_position(sp->stream, r.name, r.lineno);
			if (!is_blank_line(line, len))
				stream_feed_line(sp->stream, line, len);
		}
		break;
	case FMT_TEXT:
		if (reader_read_all(&r, &body) == 0)
			feed_text(sp, strcmp(r.name, "<stdin>") == 0 ? NULL : path, r.name, &body);
		break;
	case FMT_CSV:
		sp->csv_name = r.name;
		csvread(&r, csv_header, csv_row, sp);
		free_columns(sp);
		break;
	case FMT_FEED:
		split_feed(sp, &r);
		break;
	case FMT_WARC:
		split_warc(sp, &r);
		break;
	case FMT_HTML:
		split_html(sp, &r);
		break;
	case FMT_AUTO:
		break;
	}
	strbuf_release(&body);
	reader_close(&r);
}

int
main(int argc, char **argv)
{
	struct splitter sp;
	struct common_opts co;
	struct cli_program prog = {
		"[--format fmt] [--map field=column,...] [--explode unit [--keep field,...]] [--url url] [--feed-info] "
		"[-f name] [file ...]",
		"Ingest articles (text, CSV, NDJSON, RSS/Atom feeds, HTML pages, WARC crawls, gzip) and add paragraph and "
		"sentence offsets.",
		options, handle_option, NULL,
	};
	struct stream_filter f = { process, NULL, NULL, true };
	int first, i;
	size_t k;

	prog_init(argv);
	memset(&sp, 0, sizeof sp);
	prog.ctx = &sp.opt;
	first = cli_parse(&prog, &co, argc, argv);
	sp.co = &co;
	f.ctx = &sp;
	sp.stream = stream_new(&co, &f);
	if (first == argc)
		split_file(&sp, "-");
	for (i = first; i < argc && !stream_stopped(sp.stream); i++)
		split_file(&sp, argv[i]);
	stream_finish(sp.stream);
	stream_free(sp.stream);
	spans_release(&sp.paras);
	spans_release(&sp.sents);
	strbuf_release(&sp.members);
	for (k = 0; k < sp.opt.nmap; k++) {
		free(sp.opt.map_to[k]);
		free(sp.opt.map_from[k]);
	}
	return prog_exit();
}
