/*
 * test_date.c - unit tests of common/date.c: RFC 822 dates and their
 * real-world variants, ISO 8601 / W3C-DTF forms, month-name dates, what
 * is not a date, and the UTC and source-offset forms written.
 */
#include <string.h>

#include "date.h"
#include "unit.h"

static int
utc_is(const char *in, const char *want)
{
	char out[DATE_ISO_MAX];
	size_t n = date_iso_utc(in, strlen(in), out);

	if (strcmp(out, want) != 0 || n != strlen(want)) {
		fprintf(stderr, "utc [%s]: got [%s] want [%s]\n", in, out, want);
		return 0;
	}
	return 1;
}

static int
local_is(const char *in, const char *want)
{
	char out[DATE_ISO_MAX];

	date_iso_local(in, strlen(in), out);
	if (strcmp(out, want) != 0) {
		fprintf(stderr, "local [%s]: got [%s] want [%s]\n", in, out, want);
		return 0;
	}
	return 1;
}

static void
test_rfc822(void)
{
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 +0000", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 -0500", "2004-01-02T00:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 EST", "2004-01-02T00:48:21Z"));
	CHECK(utc_is("Sat, 07 Sep 2002 00:00:01 PDT", "2002-09-07T07:00:01Z"));
	CHECK(utc_is("Sat, 07 Sep 2002 00:00:01 UT", "2002-09-07T00:00:01Z"));
	CHECK(utc_is("Sat, 07 Sep 2002 00:00:01 Z", "2002-09-07T00:00:01Z"));
	CHECK(utc_is("Wed, 31 Dec 2003 23:30:00 +0100", "2003-12-31T22:30:00Z"));
	CHECK(utc_is("Wed, 31 Dec 2003 23:30:00 -01:30", "2004-01-01T01:00:00Z"));
	/* Military letters, with RFC 822's signs. */
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 A", "2004-01-01T20:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 N", "2004-01-01T18:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 M", "2004-01-02T07:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 Y", "2004-01-01T07:48:21Z"));
	/* Variants: no seconds, no weekday, a wrong or spelled-out weekday. */
	CHECK(utc_is("Thu, 01 Jan 2004 19:48 GMT", "2004-01-01T19:48:00Z"));
	CHECK(utc_is("01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Mon, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Thursday, 01 January 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Thu,01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Thu, 1 Jan 2004 9:48:21 GMT", "2004-01-01T09:48:21Z"));
	CHECK(utc_is("Tue, 28 Sept 2004 10:00:00 GMT", "2004-09-28T10:00:00Z"));
	CHECK(utc_is("  Thu, 01 Jan 2004 19:48:21 GMT\n", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 -0500 (EST)", "2004-01-02T00:48:21Z"));
	CHECK(utc_is("Thu, 01-Jan-2004 19:48:21 GMT", "2004-01-01T19:48:21Z"));
	/* Two- and three-digit years. */
	CHECK(utc_is("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Fri, 01 Jan 99 19:48:21 GMT", "1999-01-01T19:48:21Z"));
	CHECK(utc_is("Sat, 01 Jan 100 00:00:00 GMT", "2000-01-01T00:00:00Z"));
	/* Zones written other ways; an unknown zone name is no offset. */
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 GMT+2", "2004-01-01T17:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 UTC-05:00", "2004-01-02T00:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 CEST", "2004-01-01T17:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 XYZ", "2004-01-01T19:48:21Z"));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21Z"));
	/* A date with no time stays a date. */
	CHECK(utc_is("Thu, 01 Jan 2004", "2004-01-01"));
}

static void
test_other_forms(void)
{
	/* asctime / date(1). */
	CHECK(utc_is("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z"));
	CHECK(utc_is("Sun Jan 4 16:29:06 2004", "2004-01-04T16:29:06Z"));
	/* Month-name dates of pages. */
	CHECK(utc_is("January 4, 2004", "2004-01-04"));
	CHECK(utc_is("4 January 2004", "2004-01-04"));
	CHECK(utc_is("Jan 4th, 2004", "2004-01-04"));
	CHECK(utc_is("January 2004", "2004-01"));
	CHECK(utc_is("January 4, 2004 4:29 PM EST", "2004-01-04T21:29:00Z"));
	CHECK(utc_is("January 4, 2004 at 12:05 a.m.", "2004-01-04T00:05:00Z"));
	CHECK(utc_is("Jan. 4, 2004, 12:05 p.m. ET", "2004-01-04T17:05:00Z"));
	CHECK(utc_is("2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z"));
	CHECK(utc_is("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z"));
}

static void
test_iso(void)
{
	CHECK(utc_is("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"));
	CHECK(utc_is("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z"));
	CHECK(utc_is("2003-12-31T10:14:55+0100", "2003-12-31T09:14:55Z"));
	CHECK(utc_is("2003-12-31T10:14:55+01", "2003-12-31T09:14:55Z"));
	CHECK(utc_is("2003-12-31T23:14:55-08:00", "2004-01-01T07:14:55Z"));
	CHECK(utc_is("2003-12-31T10:14Z", "2003-12-31T10:14:00Z"));
	CHECK(utc_is("2003-12-31T10:14:55.123Z", "2003-12-31T10:14:55.123Z"));
	CHECK(utc_is("2003-12-31T10:14:55,5+00:00", "2003-12-31T10:14:55.5Z"));
	CHECK(utc_is("2003-12-31t10:14:55z", "2003-12-31T10:14:55Z"));
	CHECK(utc_is("2003-12-31 10:14:55", "2003-12-31T10:14:55Z"));
	CHECK(utc_is("2004-07-08 23:56:58.0", "2004-07-08T23:56:58.0Z"));
	CHECK(utc_is("2003-12-31 10:14:55 GMT", "2003-12-31T10:14:55Z"));
	CHECK(utc_is("20031231T101455Z", "2003-12-31T10:14:55Z"));
	CHECK(utc_is("20031231", "2003-12-31"));
	CHECK(utc_is("2003-12-31", "2003-12-31"));
	CHECK(utc_is("2003-12", "2003-12"));
	CHECK(utc_is("2003", "2003"));
	CHECK(utc_is("2003-335", "2003-12-01"));
	CHECK(utc_is("2004-060", "2004-02-29"));
	CHECK(utc_is("2004-02-29T24:00:00Z", "2004-03-01T00:00:00Z"));
	CHECK(utc_is("1998-12-31T23:59:60Z", "1998-12-31T23:59:59Z"));
}

static void
test_not_dates(void)
{
	CHECK(utc_is("", ""));
	CHECK(utc_is("   ", ""));
	CHECK(utc_is("yesterday", ""));
	CHECK(utc_is("2003-13-01", ""));
	CHECK(utc_is("2003-02-29", ""));
	CHECK(utc_is("2003-12-32T10:00Z", ""));
	CHECK(utc_is("2003-12-31T25:00Z", ""));
	CHECK(utc_is("2003-12-31T10:61Z", ""));
	CHECK(utc_is("2003-12-31T10:00+25:00", ""));
	CHECK(utc_is("Thu, 31 Feb 2004 19:48:21 GMT", ""));
	CHECK(utc_is("Thu, 01 Foo 2004 19:48:21 GMT", ""));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 GMT and more words here", ""));
	CHECK(utc_is("13:00 PM, January 4, 2004", ""));
	CHECK(utc_is("12345", ""));
	CHECK(utc_is("Thu, 01 Jan 2004 19:48:21 foo bar", ""));
	CHECK(utc_is("1/2/2004", ""));
	CHECK(utc_is("Jan Feb 2004", ""));
	CHECK(utc_is("2003-12-31T10:14:55Z trailing", ""));
}

static void
test_local(void)
{
	CHECK(local_is("Thu, 01 Jan 2004 19:48:21 -0500", "2004-01-01T19:48:21-05:00"));
	CHECK(local_is("Thu, 01 Jan 2004 19:48:21 EST", "2004-01-01T19:48:21-05:00"));
	CHECK(local_is("2003-12-31T10:14:55+05:30", "2003-12-31T10:14:55+05:30"));
	CHECK(local_is("2003-12-31T10:14:55+0000", "2003-12-31T10:14:55Z"));
	CHECK(local_is("2003-12-31T10:14", "2003-12-31T10:14:00"));
	CHECK(local_is("March 3, 2024 10:32 AM", "2024-03-03T10:32:00"));
	CHECK(local_is("2003-12-31", "2003-12-31"));
	CHECK(local_is("2004-02-29T24:00:00-03:00", "2004-03-01T00:00:00-03:00"));
	CHECK(local_is("nonsense", ""));
}

static void
test_struct(void)
{
	struct date d;
	char out[DATE_ISO_MAX];

	CHECK(date_parse("Sat, 07 Sep 2002 00:00:01 PDT", 29, &d));
	CHECK(d.year == 2002 && d.month == 9 && d.day == 7 && d.hour == 0 && d.minute == 0 && d.second == 1);
	CHECK(d.has_time && d.has_offset && d.offset == -420);
	CHECK(date_format_utc(&d, out) == 20 && strcmp(out, "2002-09-07T07:00:01Z") == 0);
	CHECK(date_parse("2004-01-01", 10, &d) && !d.has_time && !d.has_offset);
	/* Only len bytes are read. */
	CHECK(date_parse("2004-01-01T10:00:00Zjunk", 20, &d) && d.has_offset && d.hour == 10);
}

int
main(void)
{
	test_rfc822();
	test_other_forms();
	test_iso();
	test_not_dates();
	test_local();
	test_struct();
	return unit_done();
}
