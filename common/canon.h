/*
 * canon.h - whether an input line is already in the output form.
 *
 * Every filter writes records compact, key order kept, UTF-8 unescaped
 * (stream.h).  Serializing a record costs about a third of a filter's
 * record I/O; a record that a filter passes on unchanged, or only adds
 * members to, can instead be written as the line it came in, provided
 * that line is exactly what serializing would produce.  Lines written
 * by another newspipe stage always are.
 */
#ifndef NEWSPIPE_CANON_H
#define NEWSPIPE_CANON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * True when line[0..len), which json_loadb() decoded into rec, is the
 * bytes the stream would write for rec.  Conservative: false for any
 * form it does not recognise as such (whitespace between tokens,
 * escapes other than the ones the writer uses, real numbers, -0,
 * repeated keys); a false only costs the serialization it would save.
 */
bool canon_is_output_form(const char *line, size_t len, const json_t *rec);

#endif
