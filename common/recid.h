/*
 * recid.h - the id of a record that comes without one.
 *
 * The contract requires an `id` on every output record.  A record whose
 * id is missing, empty, or not a string or integer gets a stable one, first
 * among its fields: FILE:LINE for a record read from a named file (the
 * file name without directory and extensions), doc-HASH of its text for
 * standard input.  The stream applies this to every record, so every
 * filter gives the same id to the same input line, alone or after
 * news-split.
 */
#ifndef NEWSPIPE_RECID_H
#define NEWSPIPE_RECID_H

#include <jansson.h>
#include <stddef.h>

/* "dir/feed.csv.gz" -> "feed": a file name without directory and extensions (malloc'd). */
char *recid_base(const char *path);

/* A new object with "id" first, then every other field of rec in order. */
json_t *recid_with_id_first(const json_t *rec, const char *id);

/*
 * NULL when rec has a usable id (a non-empty string or an integer); otherwise a new
 * record with a stable id first: BASE:LINE for a record from file (not
 * "<stdin>"), doc-HASH of text[0..len) for standard input.
 */
json_t *recid_ensure(const json_t *rec, const char *file, unsigned long line, const char *text, size_t len);

#endif
