/*
 * canon.h - an input line in the output form, without re-serializing it.
 *
 * Every filter writes records compact, key order kept, UTF-8 unescaped
 * (stream.h).  Serializing a record costs about a third of a filter's
 * record I/O; a record that a filter passes on unchanged, or only adds
 * members to, can instead be written as the line it came in, rewritten
 * into that form where it is not in it yet, in one pass over its bytes.
 */
#ifndef NEWSPIPE_CANON_H
#define NEWSPIPE_CANON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/*
 * Append to out the output form of line[0..len), which json_loadb()
 * decoded into rec, made from the line itself: whitespace between
 * tokens dropped and escapes made the writer's (\u00e9 and \/ become the
 * characters, \u000a becomes \n).  A line another stage wrote is copied
 * as it is unless it holds a real number.  Returns false, leaving a
 * partial copy in out for the caller to discard, when the line holds what
 * only serializing rec can give exactly: a real number, -0, a repeated
 * key, or a NUL byte the decoder skipped.
 */
bool canon_output_form(const char *line, size_t len, const json_t *rec, struct strbuf *out);

/*
 * Append s[0..n) (valid UTF-8) to out as a JSON string, quotes included,
 * exactly as the writer (json_dumpb with the stream's flags) would write
 * it: for a filter that writes its members as text (stream_emit_unchanged())
 * without building jansson values.
 */
void canon_put_string(struct strbuf *out, const char *s, size_t n);

#endif
