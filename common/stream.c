/* stream.c - the record loop: decode, check, process, write; see stream.h. */
#include "stream.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "canon.h"
#include "input.h"
#include "recid.h"
#include "strbuf.h"
#include "xalloc.h"

struct stream {
	const struct common_opts *opts;
	struct stream_filter f;
	const char *alt_field;  /* stream_set_alt_field() */
	const char *file;
	unsigned long line;
	const char *raw;        /* the current input line: --on-error=pass, stream_emit_unchanged() */
	size_t rawlen;
	const json_t *cur;      /* the record decoded from it */
	bool stopped;
	bool finished;
	/* Counts for --stats and --progress. */
	unsigned long long in, out, bad, bytes;
	unsigned long long out_bytes; /* written to stdout's buffer */
	double t0, last_progress;
	const char *out_unit;   /* a sink's output (stream_count_output), NULL for records */
	struct strbuf outbuf;   /* the record being written, serialized */
	struct strbuf members;  /* members stream_emit_adding() appends */
	bool open_comma;        /* stream_emit_open(): a comma before the first member */
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Compact, key order kept, UTF-8 as is, reals round-tripped. */
#define JSON_DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17))

struct stream *
stream_new(const struct common_opts *opts, const struct stream_filter *f)
{
	struct stream *s = xcalloc(1, sizeof *s);

	s->opts = opts;
	s->f = *f;
	s->file = "<stdin>";
	s->t0 = s->last_progress = now();
	return s;
}

void
stream_set_alt_field(struct stream *s, const char *name)
{
	s->alt_field = name;
}

void
stream_count_output(struct stream *s, unsigned long long n, const char *unit)
{
	s->out += n;
	s->out_unit = unit;
}

unsigned long long
stream_output_queued(const struct stream *s)
{
	return s->out_bytes;
}

unsigned long long
stream_output_flushed(const struct stream *s)
{
	size_t pending = __fpending(stdout);

	return pending < s->out_bytes ? s->out_bytes - pending : 0;
}

const struct common_opts *
stream_opts(const struct stream *s)
{
	return s->opts;
}

const char *
stream_file(const struct stream *s)
{
	return s->file;
}

unsigned long
stream_line(const struct stream *s)
{
	return s->line;
}

bool
stream_stopped(const struct stream *s)
{
	return s->stopped;
}

void
stream_set_position(struct stream *s, const char *name, unsigned long lineno)
{
	s->file = name;
	s->line = lineno;
}

int
ndjson_write(FILE *out, const json_t *rec)
{
	if (json_dumpf(rec, out, JSON_DUMP_FLAGS) != 0)
		return -1;
	if (putc('\n', out) == EOF)
		return -1;
	return 0;
}

static void
write_failed(void)
{
	die("write error on standard output:");
}

static void
flush_if_unbuffered(struct stream *s)
{
	if (s->opts->unbuffered && fflush(stdout) != 0)
		write_failed();
}

/*
 * Append v serialized to sb.  json_dumpb into one reusable buffer (and a
 * single fwrite later) is markedly cheaper than json_dumpf's write per
 * token.
 */
static void
dump_append(struct strbuf *sb, const json_t *v, size_t flags)
{
	size_t need;

	strbuf_grow(sb, 4096);
	need = json_dumpb(v, sb->buf + sb->len, sb->cap - sb->len, flags);
	if (need == 0)
		die("cannot serialize a record (out of memory?)");
	if (need >= sb->cap - sb->len) {
		strbuf_grow(sb, need + 1);
		need = json_dumpb(v, sb->buf + sb->len, sb->cap - sb->len, flags);
	}
	sb->len += need;
	sb->buf[sb->len] = '\0';
}

/* Serialize rec into s->outbuf. */
static void
serialize(struct stream *s, const json_t *rec)
{
	strbuf_reset(&s->outbuf);
	dump_append(&s->outbuf, rec, JSON_DUMP_FLAGS);
}

static void
write_out(struct stream *s)
{
	strbuf_addch(&s->outbuf, '\n');
	if (fwrite(s->outbuf.buf, 1, s->outbuf.len, stdout) != s->outbuf.len || ferror(stdout))
		write_failed();
	s->out++;
	s->out_bytes += s->outbuf.len;
	flush_if_unbuffered(s);
}

/* sb holds rec as one object: add members[0..len) before its closing brace. */
static void
splice_members(struct strbuf *sb, const json_t *rec, const char *members, size_t len)
{
	if (len == 0)
		return;
	sb->len--;
	if (json_object_size(rec) > 0)
		strbuf_addch(sb, ',');
	strbuf_add(sb, members, len);
	strbuf_addch(sb, '}');
}

void
stream_emit(struct stream *s, json_t *rec)
{
	serialize(s, rec);
	write_out(s);
}

void
stream_emit_members(struct stream *s, json_t *rec, const char *members, size_t len)
{
	serialize(s, rec);
	splice_members(&s->outbuf, rec, members, len);
	write_out(s);
}

void
stream_member(struct strbuf *sb, const char *key, const json_t *value)
{
	if (sb->len > 0)
		strbuf_addch(sb, ',');
	strbuf_addch(sb, '"');
	strbuf_addstr(sb, key);
	strbuf_add(sb, "\":", 2);
	dump_append(sb, value, JSON_DUMP_FLAGS | JSON_ENCODE_ANY);
}

#ifdef NEWSPIPE_CHECK_FAST_PATH
/*
 * The sanitized test build checks what stream_emit_unchanged() made from
 * the input line against the record serialized: a filter that changed
 * the record, or a line canon.c misjudged, stops the test run.
 */
static void
check_fast_path(struct stream *s, const json_t *rec, const char *members, size_t len)
{
	struct strbuf want = STRBUF_INIT;

	dump_append(&want, rec, JSON_DUMP_FLAGS);
	splice_members(&want, rec, members, len);
	if (want.len != s->outbuf.len || memcmp(want.buf, s->outbuf.buf, want.len) != 0)
		die("%s:%lu: internal error: the line written from the input is not the record serialized:\n%.*s\n%s",
		    s->file, s->line, (int)s->outbuf.len, s->outbuf.buf, want.buf);
	strbuf_release(&want);
}
#endif

void
stream_emit_unchanged(struct stream *s, json_t *rec, const char *members, size_t len)
{
	strbuf_reset(&s->outbuf);
	if (rec != s->cur || !s->raw || !canon_output_form(s->raw, s->rawlen, rec, &s->outbuf)) {
		stream_emit_members(s, rec, members, len);
		return;
	}
	splice_members(&s->outbuf, rec, members, len);
#ifdef NEWSPIPE_CHECK_FAST_PATH
	check_fast_path(s, rec, members, len);
#endif
	write_out(s);
}

void
stream_emit_open(struct stream *s, json_t *rec)
{
	strbuf_reset(&s->outbuf);
	if (rec != s->cur || !s->raw || !canon_output_form(s->raw, s->rawlen, rec, &s->outbuf))
		serialize(s, rec);
#ifdef NEWSPIPE_CHECK_FAST_PATH
	check_fast_path(s, rec, NULL, 0);
#endif
	s->outbuf.len--; /* the closing brace: the members come first */
	s->open_comma = json_object_size(rec) > 0;
	if (fwrite(s->outbuf.buf, 1, s->outbuf.len, stdout) != s->outbuf.len)
		write_failed();
	s->out_bytes += s->outbuf.len;
}

void
stream_emit_more(struct stream *s, const char *members, size_t len)
{
	if (len == 0)
		return;
	if (s->open_comma) {
		if (putc(',', stdout) == EOF)
			write_failed();
		s->out_bytes++;
	}
	s->open_comma = false;
	if (fwrite(members, 1, len, stdout) != len)
		write_failed();
	s->out_bytes += len;
}

void
stream_emit_close(struct stream *s)
{
	if (putc('}', stdout) == EOF || putc('\n', stdout) == EOF || ferror(stdout))
		write_failed();
	s->out++;
	s->out_bytes += 2;
	flush_if_unbuffered(s);
}

void
stream_emit_adding(struct stream *s, json_t *rec, const char *const *names, json_t **values, size_t n)
{
	size_t i;
	bool replace = false;

	for (i = 0; i < n; i++)
		if (values[i] && json_object_get(rec, names[i]))
			replace = true;
	strbuf_reset(&s->members);
	for (i = 0; i < n; i++) {
		if (!values[i])
			continue;
		if (replace) {
			json_object_set_new(rec, names[i], values[i]);
		} else {
			stream_member(&s->members, names[i], values[i]);
			json_decref(values[i]);
		}
	}
	if (replace)
		stream_emit(s, rec);
	else
		stream_emit_unchanged(s, rec, s->members.buf, s->members.len);
}

static void
vreport_record(struct stream *s, const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	note("%s:%lu: %s", s->file, s->line, msg);
}

void
stream_warn(struct stream *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_record(s, fmt, ap);
	va_end(ap);
}

int
stream_reject(struct stream *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_record(s, fmt, ap);
	va_end(ap);
	err_mark_failed();
	s->bad++;
	switch (s->opts->on_error) {
	case ON_ERROR_PASS:
		if (s->raw) {
			if (fwrite(s->raw, 1, s->rawlen, stdout) != s->rawlen || putc('\n', stdout) == EOF)
				write_failed();
			s->out++;
			s->out_bytes += s->rawlen + 1;
			flush_if_unbuffered(s);
		}
		break;
	case ON_ERROR_FAIL:
		s->stopped = true;
		break;
	case ON_ERROR_SKIP:
		break;
	}
	return -1;
}

static void
progress(struct stream *s, bool final)
{
	double t = now(), dt = t - s->t0;

	if (!s->opts->progress)
		return;
	if (!final && t - s->last_progress < 0.5)
		return;
	s->last_progress = t;
	if (dt <= 0)
		dt = 1e-9;
	fprintf(stderr, "\r%s: %llu records, %.0f records/s, %.1f MB/s%s", prog_name(), s->in,
		(double)s->in / dt, (double)s->bytes / dt / 1e6, final ? "\n" : "");
}

/* Check the text field and hand the record to the filter.  Consumes rec. */
static void
process(struct stream *s, json_t *rec)
{
	const char *text = NULL;
	size_t len = 0;

	s->in++;
	if ((s->in & 1023) == 0)
		progress(s, false);
	if (s->f.need_text) {
		json_t *t = json_object_get(rec, s->opts->field);
		const char *name = s->opts->field;
		if (!t && s->alt_field && json_object_get(rec, s->alt_field)) {
			name = s->alt_field;
			t = json_object_get(rec, name);
		}
		if (!t) {
			stream_reject(s, "field '%s' is missing", name);
			json_decref(rec);
			return;
		}
		if (!json_is_string(t)) {
			stream_reject(s, "field '%s' is not a string", name);
			json_decref(rec);
			return;
		}
		text = json_string_value(t);
		len = json_string_length(t);
	}
	if (s->f.need_text) {
		/* Every article record leaves with an id (recid.h); the line no
		 * longer matches a record given one.  (Records without a text
		 * field, such as news-dedupe --reduce's key lines, are not
		 * articles: the filter checks them itself.) */
		json_t *with = recid_ensure(rec, s->file, s->line, text, len);
		if (with) {
			json_decref(rec);
			rec = with;
			s->cur = NULL;
		}
	}
	if (text && s->alt_field && !json_object_get(rec, s->opts->field))
		text = NULL, len = 0; /* the stand-in: the filter reads it itself */
	s->f.process(s->f.ctx, s, rec, text, len);
	json_decref(rec);
}

void
stream_feed_record(struct stream *s, json_t *rec)
{
	s->raw = NULL;
	s->cur = NULL;
	process(s, rec);
}

void
stream_pass(struct stream *s, json_t *rec)
{
	s->raw = NULL;
	s->cur = NULL;
	s->in++;
	stream_emit(s, rec);
	json_decref(rec);
}

void
stream_feed_line(struct stream *s, const char *line, size_t len)
{
	json_error_t e;
	json_t *rec;

	s->bytes += len + 1;
	s->raw = line;
	s->rawlen = len;
	rec = json_loadb(line, len, 0, &e);
	if (!rec) {
		if (json_error_code(&e) == json_error_invalid_utf8)
			stream_reject(s, "invalid UTF-8 (byte %d)", e.position + 1);
		else
			stream_reject(s, "invalid JSON: %s (column %d)", e.text, e.column);
		s->in++;
		return;
	}
	if (!json_is_object(rec)) {
		s->in++;
		stream_reject(s, "not a JSON object");
		json_decref(rec);
		return;
	}
	s->cur = rec;
	process(s, rec);
	s->raw = NULL;
	s->cur = NULL;
}

static int
is_blank(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			return 0;
	return 1;
}

/* A line the reader refused for its length (reported there): a bad record. */
static void
refused(struct stream *s)
{
	s->in++;
	s->bad++;
	if (s->opts->on_error == ON_ERROR_FAIL)
		s->stopped = true;
}

static void
run_one(struct stream *s, const char *path)
{
	struct reader r;
	const char *line;
	size_t len;
	unsigned long too_long = 0;

	if (reader_open(&r, path) != 0)
		return;
	s->file = r.name;
	while (!s->stopped && reader_getline(&r, &line, &len) == 1) {
		s->line = r.lineno;
		for (; too_long < r.too_long; too_long++)
			refused(s);
		if (s->stopped || is_blank(line, len))
			continue;
		stream_feed_line(s, line, len);
	}
	for (; too_long < r.too_long; too_long++)
		refused(s);
	reader_close(&r);
}

void
stream_finish(struct stream *s)
{
	if (s->finished)
		return;
	s->finished = true;
	if (s->f.finish && !s->stopped)
		s->f.finish(s->f.ctx, s);
	if (fflush(stdout) != 0)
		write_failed();
	progress(s, true);
	if (s->opts->stats && s->out_unit)
		note("%llu records read, %llu %s written, %llu bad", s->in, s->out, s->out_unit, s->bad);
	else if (s->opts->stats)
		note("%llu records read, %llu written, %llu bad", s->in, s->out, s->bad);
}

void
stream_run(struct stream *s, int nfiles, char **files)
{
	int i;

	if (nfiles == 0)
		run_one(s, "-");
	for (i = 0; i < nfiles && !s->stopped; i++)
		run_one(s, files[i]);
	stream_finish(s);
}

void
stream_free(struct stream *s)
{
	strbuf_release(&s->outbuf);
	strbuf_release(&s->members);
	free(s);
}
