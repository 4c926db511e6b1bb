/*
 * stream.h - the record loop every filter runs.
 *
 * The stream reads NDJSON from the input files in order, decodes each
 * line, checks it (a JSON object whose text field is a string), hands it
 * to the filter's process function, and writes what the filter emits.
 * Bad records are reported as "prog: FILE:LINE: reason" and handled by
 * --on-error; the exit status becomes 1.  Stateful filters flush in
 * finish() at the end of input (Miller's process/finish contract).
 *
 * Ownership: the stream owns each decoded record and releases it after
 * process() returns; process() may change it in place and emit it, or
 * emit other records (stream_emit() only borrows).
 */
#ifndef NEWSPIPE_STREAM_H
#define NEWSPIPE_STREAM_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "err.h"
#include "strbuf.h"

struct stream;

struct stream_filter {
	/*
	 * Handle one good record.  text/len is the record's text field
	 * (borrowed from rec; NULL when the filter does not require one).
	 * Return 0, or call stream_reject() and return its value for a record
	 * that is bad in a way only the filter can see.
	 */
	int (*process)(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len);
	/* Called once at the end of input (may be NULL). */
	void (*finish)(void *ctx, struct stream *s);
	void *ctx;
	/*
	 * The records are articles: the text field must be present and a
	 * string, and one without an id gets one (recid.h).  False for input
	 * of another kind (news-dedupe --reduce's key lines).
	 */
	bool need_text;
};

/* Create a stream writing to stdout.  Free with stream_free(). */
struct stream *stream_new(const struct common_opts *opts, const struct stream_filter *f);

/*
 * For a filter with need_text: a field that may stand in for the text
 * field (news-clean's "html"; name is borrowed).  A record without the
 * text field but with this one as a string is an article too; process()
 * then gets text == NULL and reads the field itself.
 */
void stream_set_alt_field(struct stream *s, const char *name);

/*
 * Read every file (NULL/"-" = standard input; nfiles == 0 means standard
 * input) and process each record.  A file that cannot be opened is
 * reported and skipped.  Calls finish() at the end.
 */
void stream_run(struct stream *s, int nfiles, char **files);

/*
 * Lower-level entry points for filters that read other formats
 * (news-split): set the position used in messages, feed one NDJSON line,
 * or process a record built in memory (ownership of rec passes to the
 * stream).  stream_stopped() is true after --on-error=fail stopped the
 * run.
 */
void stream_set_position(struct stream *s, const char *name, unsigned long lineno);
void stream_feed_line(struct stream *s, const char *line, size_t len);
void stream_feed_record(struct stream *s, json_t *rec);
bool stream_stopped(const struct stream *s);

/*
 * Write a record built in memory that the filter does not process, a
 * record of another kind than its articles (news-split's web pages and
 * feed items with an HTML body): counted as read and written, written as
 * it is.  Consumes rec.
 */
void stream_pass(struct stream *s, json_t *rec);
void stream_finish(struct stream *s);

/* Write rec (borrowed) as one compact line.  A write error is fatal. */
void stream_emit(struct stream *s, json_t *rec);

/*
 * Write rec (borrowed) with extra members appended at its end, given
 * already serialized as `"key":value,...` (no leading comma, len bytes).
 * For annotations made of many numbers (offsets), writing them directly
 * is several times cheaper than building jansson values.  The caller
 * must make sure rec has no member of the same names.
 */
void stream_emit_members(struct stream *s, json_t *rec, const char *members, size_t len);

/*
 * The same for a filter that has not changed rec, the record being
 * processed, since it was read: the input line is written, put in the
 * output form where it is not (canon.h), with the members spliced in,
 * which skips serializing the record; a line only serializing can put in
 * that form (a real number, -0, a repeated key: canon.h) goes through
 * stream_emit_members().  The output is the same bytes either way; the
 * sanitized build of make check compares every such line with the
 * serialized record (NEWSPIPE_CHECK_FAST_PATH).  A filter that changed
 * rec must call stream_emit_members() instead.
 */
void stream_emit_unchanged(struct stream *s, json_t *rec, const char *members, size_t len);

/*
 * The same, for members too long to hold (a record of hundreds of MB
 * with its annotations): stream_emit_open() writes rec as
 * stream_emit_unchanged() would, up to its closing brace;
 * stream_emit_more() writes a piece of the members' text (the pieces
 * joined make `"key":value,...`, as for stream_emit_members());
 * stream_emit_close() ends the record.  rec is the record being
 * processed, unchanged, without members of the names added.
 */
void stream_emit_open(struct stream *s, json_t *rec);
void stream_emit_more(struct stream *s, const char *members, size_t len);
void stream_emit_close(struct stream *s);

/*
 * What most annotating filters do: write rec, the record being processed
 * and otherwise unchanged, with members names[i] = values[i] added (NULL
 * values skipped; the values are consumed).  When rec already has one of
 * them (a stage run twice), the members are set in place as
 * json_object_set_new() does and rec is serialized; otherwise the line
 * goes through stream_emit_unchanged().
 */
void stream_emit_adding(struct stream *s, json_t *rec, const char *const *names, json_t **values, size_t n);

/*
 * Append `"key":value` to sb (a comma first unless sb is empty), value
 * serialized as the stream writes it; key is a plain name needing no
 * escapes.  For the members of stream_emit_members() and
 * stream_emit_unchanged().
 */
void stream_member(struct strbuf *sb, const char *key, const json_t *value);

/*
 * Report the current record as bad ("prog: FILE:LINE: reason"), apply
 * --on-error (pass writes the original line unchanged) and return -1.
 */
int stream_reject(struct stream *s, const char *fmt, ...) NP_PRINTF(2, 3);

/* Report a problem with the current record without rejecting it. */
void stream_warn(struct stream *s, const char *fmt, ...) NP_PRINTF(2, 3);

/*
 * For a sink, which writes rows or a page instead of records: count n
 * units of its output, so that --stats says "N UNIT written" (unit is a
 * static string such as "rows").
 */
void stream_count_output(struct stream *s, unsigned long long n, const char *unit);

/*
 * Bytes of output the stream has written (to stdout's buffer) so far,
 * and how many of them have left the buffer for the kernel, where a
 * kill -9 can no longer lose them.  A stateful filter journals what it
 * learned from a record once the record's output has left (news-dedupe),
 * so that a rerun after a kill repeats at most one buffer of output.
 */
unsigned long long stream_output_queued(const struct stream *s);
unsigned long long stream_output_flushed(const struct stream *s);

/* The options the stream was made with. */
const struct common_opts *stream_opts(const struct stream *s);

/* Where the current record came from, for messages. */
const char *stream_file(const struct stream *s);
unsigned long stream_line(const struct stream *s);

void stream_free(struct stream *s);

/*
 * Write a record to a FILE in the project's output form: compact, key
 * order kept, UTF-8 unescaped, then '\n'.  Returns 0 or -1 on error.
 */
int ndjson_write(FILE *out, const json_t *rec);

#endif
