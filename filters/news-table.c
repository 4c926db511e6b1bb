/*
 * news-table - the end of a pipe for spreadsheets and Miller: one row per
 * quote, entity, article or story, as CSV (RFC 4180) or TSV.
 *
 *   news-table quotes|entities|articles|stories [--csv | --tsv] [--fields a,b,...]
 *
 * A sink: it reads records as every filter does (files, gzip, bad records
 * reported as FILE:LINE) and writes a header and rows, never records.
 * quotes and entities make a row of each element of the record's array,
 * its columns looked up in the element, then in the record (so id, url and
 * title come from the article); articles make a row of each article
 * record; stories a row of each story record (news-summarize --group-by),
 * which the other tables leave out.  Cell formats: table.h; CSV and TSV
 * escaping and the formula guard: csvwrite.h.
 *
 * Reads: quotes, entities, any field a column names.  Writes: a table.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "csvwrite.h"
#include "err.h"
#include "recid.h"
#include "stream.h"
#include "table/table.h"

enum kind { KIND_QUOTES, KIND_ENTITIES, KIND_ARTICLES, KIND_STORIES };

static const char *const kind_names[] = { "quotes", "entities", "articles", "stories", NULL };

/* The array each row comes from, and what makes it (for a hint when no record has it). */
static const char *const kind_array[] = { "quotes", "entities", NULL, NULL };
static const char *const kind_maker[] = { "news-extract-quotes", "news-tag-entities", NULL,
					  "news-summarize --group-by" };

static const char *const default_columns[][11] = {
	{ "id", "url", "title", "published", "story", "speaker", "speaker_type", "type", "cue", "text", NULL },
	{ "id", "text", "type", "canonical", "start", "end", NULL },
	{ "id", "url", "title", "published", "site", "authors", "story", "summary", NULL },
	{ "group", "ids", "summary", NULL },
};

struct options {
	enum table_format format;
	const char *fields;  /* --fields, NULL for the defaults */
	bool raw;            /* --raw: no formula guard */
	bool bom;            /* --bom: a UTF-8 byte-order mark first */
};

struct table {
	enum kind kind;
	struct options opt;
	struct columns cols;
	struct csvwriter w;
	struct strbuf scratch;
	unsigned long long records, with_source;
};

enum { OPT_CSV = 256, OPT_TSV, OPT_FIELDS, OPT_RAW, OPT_BOM };

static const struct cli_option options[] = {
	{ "csv", OPT_CSV, no_argument, NULL, "write CSV, RFC 4180 (the default)" },
	{ "tsv", OPT_TSV, no_argument, NULL, "write TSV: tab, newline, CR and \\ escaped as \\t \\n \\r \\\\" },
	{ "fields", OPT_FIELDS, required_argument, "LIST",
	  "the columns, comma-separated (+LIST: the default columns, then LIST)" },
	{ "raw", OPT_RAW, no_argument, NULL, "no ' before text cells starting with = + - @ (for programs)" },
	{ "bom", OPT_BOM, no_argument, NULL, "start with a UTF-8 byte-order mark (for Excel)" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct options *o = ctx;

	switch (key) {
	case OPT_CSV: o->format = TABLE_CSV; break;
	case OPT_TSV: o->format = TABLE_TSV; break;
	case OPT_FIELDS: o->fields = arg; break;
	case OPT_RAW: o->raw = true; break;
	case OPT_BOM: o->bom = true; break;
	}
}

static void
end_row(struct table *t)
{
	if (csvwriter_end_row(&t->w, stdout) != 0)
		die("write error on standard output:");
}

static void
write_header(struct table *t)
{
	size_t i;

	if (t->opt.bom && fputs("\xef\xbb\xbf", stdout) == EOF)
		die("write error on standard output:");
	for (i = 0; i < t->cols.n; i++)
		csvwriter_plain(&t->w, t->cols.name[i], strlen(t->cols.name[i]));
	end_row(t);
}

static void
write_row(struct table *t, const json_t *item, const json_t *rec)
{
	size_t i;

	for (i = 0; i < t->cols.n; i++)
		cell_add(&t->w, cell_lookup(item, rec, t->cols.name[i]), &t->scratch);
	end_row(t);
}

static bool
is_story_record(const json_t *rec)
{
	return json_object_get(rec, "group") && json_is_array(json_object_get(rec, "ids"));
}

/* Rows of each element of rec's array; the record is bad if the array or an element is malformed. */
static int
array_rows(struct table *t, struct stream *s, const json_t *rec)
{
	const char *name = kind_array[t->kind];
	const json_t *a = json_object_get(rec, name), *e;
	size_t i;

	if (!a)
		return 0;
	if (!json_is_array(a))
		return stream_reject(s, "field '%s' is not an array", name);
	json_array_foreach(a, i, e)
		if (!json_is_object(e))
			return stream_reject(s, "%s[%zu] is not an object", name, i);
	t->with_source++;
	json_array_foreach(a, i, e)
		write_row(t, e, rec);
	stream_count_output(s, i, "rows");
	return 0;
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct table *t = ctx;
	const json_t *textv = json_object_get(rec, stream_opts(s)->field);
	json_t *with_id = NULL;
	int rc = 0;

	(void)text;
	(void)len;
	t->records++;
	if (is_story_record(rec) != (t->kind == KIND_STORIES))
		return 0;
	if (t->kind == KIND_STORIES) {
		t->with_source++;
		write_row(t, NULL, rec);
		stream_count_output(s, 1, "rows");
		return 0;
	}
	/* An article without an id gets the one every filter would give it (recid.h). */
	if (json_is_string(textv))
		with_id = recid_ensure(rec, stream_file(s), stream_line(s), json_string_value(textv),
				       json_string_length(textv));
	if (with_id)
		rec = with_id;
	if (t->kind == KIND_ARTICLES) {
		write_row(t, NULL, rec);
		stream_count_output(s, 1, "rows");
	} else {
		rc = array_rows(t, s, rec);
	}
	json_decref(with_id);
	if (stream_opts(s)->unbuffered && fflush(stdout) != 0)
		die("write error on standard output:");
	return rc;
}

static void
finish(void *ctx, struct stream *s)
{
	struct table *t = ctx;

	(void)s;
	if (t->records > 0 && t->with_source == 0 && kind_maker[t->kind])
		note("no record has %s%s%s (made by %s)", kind_array[t->kind] ? "'" : "",
		     kind_array[t->kind] ? kind_array[t->kind] : "a story record", kind_array[t->kind] ? "'" : "",
		     kind_maker[t->kind]);
}

int
main(int argc, char **argv)
{
	struct table t;
	struct common_opts co;
	struct cli_program prog = {
		"quotes|entities|articles|stories [--csv | --tsv] [--fields list] [--raw] [--bom]\n"
		"    [-f name] [file ...]",
		"Write one row per quote, entity, article or story as CSV or TSV (a sink: no records out).",
		options, handle_option, NULL,
	};
	struct stream_filter f = { process, finish, NULL, false };
	struct stream *s;
	int first;

	prog_init(argv);
	memset(&t, 0, sizeof t);
	prog.ctx = &t.opt;
	first = cli_parse(&prog, &co, argc, argv);
	if (first >= argc)
		usage_error("which table? quotes, entities, articles or stories");
	t.kind = (enum kind)cli_choice(argv[first++], kind_names, "table");
	if (co.on_error == ON_ERROR_PASS)
		usage_error("--on-error=pass has no meaning for a sink, which writes no records (skip or fail)");
	columns_parse(&t.cols, t.opt.fields, default_columns[t.kind]);
	csvwriter_init(&t.w, t.opt.format, !t.opt.raw);
	write_header(&t);
	f.ctx = &t;
	s = stream_new(&co, &f);
	stream_count_output(s, 0, "rows");
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	csvwriter_release(&t.w);
	columns_release(&t.cols);
	strbuf_release(&t.scratch);
	return prog_exit();
}
