/*
 * date.h - dates as feeds and web pages write them, made ISO 8601.
 *
 * Feeds date their items in RFC 822 (RSS: "Thu, 01 Jan 2004 19:48:21 GMT")
 * or W3C/ISO 8601 (Atom, Dublin Core: "2004-01-01T19:48:21Z"), and both
 * come with real-world variants; pages add month-name forms.  Accepted:
 *
 *   - RFC 822/1123/2822 and variants: weekday missing, wrong or spelled
 *     out, seconds missing, a two-digit year (00-49 are 2000-2049, 50-99
 *     are 1950-1999) or a three-digit one (+1900), month names in full,
 *     a zone as +hhmm, +hh:mm, a name (UT, UTC, GMT, Z, EST, EDT, CST, CDT,
 *     MST, MDT, PST, PDT and other common abbreviations), a military
 *     letter (with RFC 822's signs: A is -01:00, N is +01:00, as feedparser
 *     reads them), or "GMT+2"-style;
 *   - asctime and Unix date(1) output: "Sun Jan  4 16:29:06 PST 2004";
 *   - month-name dates: "January 4, 2004", "4 January 2004 4:29 PM EST",
 *     "Jan 4th, 2004"; and year-first numeric dates "2004/01/04 16:29";
 *   - ISO 8601 / W3C-DTF: a year, year-month, date, ordinal date
 *     (2004-004), basic or extended form, "T" or a space before the time,
 *     hours and minutes with or without seconds, a fraction ("." or ","),
 *     a zone as Z, +hh:mm, +hhmm or +hh.
 *
 * A time without a zone is taken as UTC where UTC is asked for (what
 * feed readers do) and kept without an offset otherwise.  Anything else
 * (text around the date, an impossible day or hour) is not a date.
 * Parsing does not depend on the locale or the TZ environment.
 */
#ifndef NEWSPIPE_DATE_H
#define NEWSPIPE_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* A parsed date, as the source wrote it (its own local time and offset). */
struct date {
	int year;          /* 1..9999 */
	int month;         /* 1..12, or 0 when only the year is known */
	int day;           /* 1..31, or 0 when only the year (and month) is known */
	bool has_time;     /* hour, minute, second (and frac) are set */
	int hour, minute, second;
	char frac[10];     /* fraction of a second as written ("" or up to 9 digits) */
	bool has_offset;   /* the source gave a zone */
	int offset;        /* minutes east of UTC */
};

/* Room for the longest string the formatters write, with its NUL. */
#define DATE_ISO_MAX 40

/*
 * Parse s[0..len) (surrounding white space allowed).  Returns true and
 * fills *d for a date; false (and *d undefined) for anything else.
 */
bool date_parse(const char *s, size_t len, struct date *d);

/*
 * Write d in UTC: "2004-01-01T19:48:21Z" (the fraction kept as written:
 * "...21.5Z").  A date without a time is written as far as it is known
 * ("2004-01-01", "2004-01", "2004"); a time without a zone is taken as
 * UTC.  Returns the length written to out (NUL-terminated).
 */
size_t date_format_utc(const struct date *d, char out[DATE_ISO_MAX]);

/*
 * Write d in the source's own local time and offset:
 * "2004-01-01T14:48:21-05:00", "Z" for a zero offset, no suffix when the
 * source gave no zone.  Returns the length written to out.
 */
size_t date_format_local(const struct date *d, char out[DATE_ISO_MAX]);

/*
 * The moment d names as seconds since 1970-01-01 UTC (its offset
 * applied; a time without a zone is UTC, a date without a time is its
 * midnight, the fraction dropped), to compare and order dates.  Returns
 * false for a date without a day (only a year, or a year and month).
 */
bool date_epoch(const struct date *d, long long *t);

/* date_parse() then date_epoch(): a field such as `published` as seconds, or false. */
bool date_parse_epoch(const char *s, size_t len, long long *t);

/*
 * Parse and format in one call: the length written to out, or 0 (out
 * set to "") when s is not a date.
 */
size_t date_iso_utc(const char *s, size_t len, char out[DATE_ISO_MAX]);
size_t date_iso_local(const char *s, size_t len, char out[DATE_ISO_MAX]);

#endif
