/*
 * isotime.h - ISO 8601 dates and times (the contract's `published`,
 * `updated`, `fetched`) as seconds since the epoch, to compare and order
 * them.
 */
#ifndef NEWSPIPE_ISOTIME_H
#define NEWSPIPE_ISOTIME_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse an ISO 8601 date or date-time ("2026-01-28", "2026-01-28T15:01",
 * "...:05Z", "...:05.25+05:30", a space for the T) into seconds since
 * 1970-01-01 UTC; a time without an offset is taken as UTC, fractions of
 * a second are dropped.  Returns 0 and sets *t, or -1 when s[0..len) is
 * not such a date (surrounding blanks are allowed).
 */
int isotime_parse(const char *s, size_t len, int64_t *t);

#endif
