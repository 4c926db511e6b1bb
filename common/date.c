/* date.c - feed and page dates to ISO 8601; see date.h. */
#include "date.h"

#include <stdio.h>
#include <string.h>

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static size_t
digit_run(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && is_digit(*q))
		q++;
	return (size_t)(q - p);
}

/* The value of n digits at p (n small enough not to overflow). */
static int
number(const char *p, size_t n)
{
	int v = 0;

	while (n--)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long long
days_from_civil(int y, int m, int d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153u * (unsigned)(m > 2 ? m - 3 : m + 9) + 2) / 5 + (unsigned)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static void
civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)((long long)yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Zone abbreviations feeds and pages use, in minutes east of UTC. */
static const struct {
	const char *name;
	int offset;
} zones[] = {
	{ "z", 0 }, { "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "wet", 0 },
	{ "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
	{ "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
	{ "et", -300 }, { "ct", -360 }, { "mt", -420 }, { "pt", -480 },
	{ "ast", -240 }, { "adt", -180 }, { "at", -240 }, { "nst", -210 }, { "ndt", -150 },
	{ "akst", -540 }, { "akdt", -480 }, { "hst", -600 },
	{ "bst", 60 }, { "west", 60 }, { "cet", 60 }, { "cest", 120 }, { "met", 60 }, { "mest", 120 },
	{ "eet", 120 }, { "eest", 180 }, { "msk", 180 },
	{ "hkt", 480 }, { "sgt", 480 }, { "awst", 480 }, { "jst", 540 }, { "kst", 540 },
	{ "acst", 570 }, { "acdt", 630 }, { "aest", 600 }, { "aedt", 660 }, { "nzst", 720 }, { "nzdt", 780 },
};

/*
 * The offset of a zone word (lowercase, n letters): a name from the table
 * or a military letter with RFC 822's signs (A-I -1..-9, K-M -10..-12,
 * N-Y +1..+12; RFC 2822 notes the signs were the reverse of military use,
 * but feeds that use the letters follow RFC 822, and so does feedparser).
 */
static bool
zone_word(const char *w, size_t n, int *offset)
{
	size_t k;

	if (n == 1 && w[0] >= 'a' && w[0] <= 'z' && w[0] != 'j') {
		int c = w[0];
		if (c == 'z')
			*offset = 0;
		else if (c <= 'i')
			*offset = -60 * (c - 'a' + 1);
		else if (c <= 'm')
			*offset = -60 * (c - 'a');
		else
			*offset = 60 * (c - 'n' + 1);
		return true;
	}
	for (k = 0; k < sizeof zones / sizeof zones[0]; k++)
		if (strlen(zones[k].name) == n && memcmp(zones[k].name, w, n) == 0) {
			*offset = zones[k].offset;
			return true;
		}
	return false;
}

/*
 * A numeric zone at *pp ('+' or '-'): +hh, +hhmm, +hh:mm, or +h (as in
 * "GMT+2").  Advances *pp past it.
 */
static bool
numeric_zone(const char **pp, const char *end, int *offset)
{
	const char *p = *pp;
	int sign = *p == '-' ? -1 : 1, h, m = 0;
	size_t n;

	p++;
	n = digit_run(p, end);
	if (n == 4) {
		h = number(p, 2);
		m = number(p + 2, 2);
		p += 4;
	} else if (n == 1 || n == 2) {
		h = number(p, n);
		p += n;
		if (n == 2 && end - p >= 3 && *p == ':' && digit_run(p + 1, end) == 2) {
			m = number(p + 1, 2);
			p += 3;
		}
	} else {
		return false;
	}
	if (h > 18 || m > 59)
		return false;
	*offset = sign * (h * 60 + m);
	*pp = p;
	return true;
}

/* Check the fields and settle what is left to settle. */
static bool
valid(struct date *d)
{
	if (d->year < 1 || d->year > 9999 || d->month < 0 || d->month > 12)
		return false;
	if (d->day != 0 && (d->month == 0 || d->day > days_in_month(d->year, d->month)))
		return false;
	if (d->has_time) {
		if (d->day == 0 || d->hour > 24 || d->minute > 59 || d->second > 60)
			return false;
		if (d->hour == 24 && (d->minute || d->second || strspn(d->frac, "0") != strlen(d->frac)))
			return false;
		if (d->second == 60) /* a leap second: the moment just before it */
			d->second = 59;
	}
	return true;
}

/* A fraction of a second at *pp ("." or "," and digits), kept as written, if there is one. */
static void
fraction(const char **pp, const char *end, struct date *d)
{
	const char *p = *pp;
	size_t n;

	if (p < end && (*p == '.' || *p == ',') && (n = digit_run(p + 1, end)) > 0) {
		size_t keep = n < sizeof d->frac ? n : sizeof d->frac - 1;
		memcpy(d->frac, p + 1, keep);
		d->frac[keep] = '\0';
		*pp = p + 1 + n;
	}
}

/* Hours, minutes, optional seconds and fraction, extended ("10:14:55") or basic ("101455"). */
static bool
iso_time(const char **pp, const char *end, struct date *d)
{
	const char *p = *pp;
	size_t n = digit_run(p, end);

	if (n == 2) {
		d->hour = number(p, 2);
		p += 2;
		if (p < end && *p == ':' && digit_run(p + 1, end) == 2) {
			d->minute = number(p + 1, 2);
			p += 3;
			if (p < end && *p == ':' && digit_run(p + 1, end) == 2) {
				d->second = number(p + 1, 2);
				p += 3;
			}
		}
	} else if (n == 4 || n == 6) {
		d->hour = number(p, 2);
		d->minute = number(p + 2, 2);
		if (n == 6)
			d->second = number(p + 4, 2);
		p += n;
	} else {
		return false;
	}
	fraction(&p, end, d);
	d->has_time = true;
	*pp = p;
	return true;
}

/* A zone after an ISO time: Z, a numeric offset or a zone word, perhaps after spaces. */
static bool
iso_zone(const char **pp, const char *end, struct date *d)
{
	const char *p = *pp;
	char word[8];
	size_t n = 0;

	while (p < end && is_space(*p))
		p++;
	if (p == end)
		return true;
	if (*p == '+' || *p == '-') {
		if (!numeric_zone(&p, end, &d->offset))
			return false;
		d->has_offset = true;
		*pp = p;
		return true;
	}
	for (; p < end && is_alpha(*p) && n < sizeof word; p++)
		word[n++] = lower(*p);
	if (n == 0 || (p < end && is_alpha(*p)) || !zone_word(word, n, &d->offset))
		return false;
	d->has_offset = true;
	if (p < end && (*p == '+' || *p == '-') && d->offset == 0) {
		/* "UTC+05:30" */
		if (!numeric_zone(&p, end, &d->offset))
			return false;
	}
	*pp = p;
	return true;
}

/* W3C-DTF / ISO 8601.  The whole of [p, end) must be the date. */
static bool
parse_iso(const char *p, const char *end, struct date *d)
{
	size_t n = digit_run(p, end);

	if (n == 8) { /* 20040101 */
		d->year = number(p, 4);
		d->month = number(p + 4, 2);
		d->day = number(p + 6, 2);
		p += 8;
	} else if (n == 7) { /* 2004001: ordinal */
		d->year = number(p, 4);
		d->day = number(p + 4, 3);
		p += 7;
		d->month = -1;
	} else if (n == 4) {
		d->year = number(p, 4);
		p += 4;
		if (p < end && *p == '-') {
			n = digit_run(p + 1, end);
			if (n == 2) {
				d->month = number(p + 1, 2);
				p += 3;
				if (p < end && *p == '-') {
					if (digit_run(p + 1, end) != 2)
						return false;
					d->day = number(p + 1, 2);
					p += 3;
				}
			} else if (n == 3) {
				d->day = number(p + 1, 3);
				d->month = -1;
				p += 4;
			} else {
				return false;
			}
		}
	} else {
		return false;
	}
	if (d->month == -1) {
		/* An ordinal day: find its month. */
		int m = 1, left = d->day;
		if (left < 1)
			return false;
		while (m <= 12 && left > days_in_month(d->year, m))
			left -= days_in_month(d->year, m++);
		if (m > 12)
			return false;
		d->month = m;
		d->day = left;
	}
	if (p < end && d->day > 0 && (*p == 'T' || *p == 't' || is_space(*p))) {
		p++;
		while (p < end && is_space(*p))
			p++;
		if (!iso_time(&p, end, d) || !iso_zone(&p, end, d))
			return false;
	}
	return p == end && valid(d);
}

/* Month and weekday names: the index of a name w[0..n) (lowercase) may abbreviate, or -1. */
static int
name_index(const char *w, size_t n, const char *const *names, size_t count)
{
	size_t k;

	if (n < 3)
		return -1;
	for (k = 0; k < count; k++)
		if (n <= strlen(names[k]) && memcmp(names[k], w, n) == 0)
			return (int)k;
	return -1;
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december",
};
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* What the loose parser has found so far. */
struct loose {
	int nums[4];     /* bare numbers (day, year) in order */
	int ndigits[4];
	size_t nnums;
	int meridiem;    /* 0 none, 1 am, 2 pm */
	bool after_zone; /* the last token was a zone word: "GMT" "+2" */
	bool unknown_zone; /* a word taken as a zone not in the table */
};

/* A time token at p: h:mm, h:mm:ss, with a fraction. */
static bool
loose_time(const char **pp, const char *end, struct date *d)
{
	const char *p = *pp;
	size_t n = digit_run(p, end);

	if (d->has_time || n < 1 || n > 2 || p + n >= end || p[n] != ':' || digit_run(p + n + 1, end) != 2)
		return false;
	d->hour = number(p, n);
	d->minute = number(p + n + 1, 2);
	p += n + 3;
	if (p < end && *p == ':' && digit_run(p + 1, end) == 2) {
		d->second = number(p + 1, 2);
		p += 3;
		fraction(&p, end, d);
	}
	d->has_time = true;
	*pp = p;
	return true;
}

/* A word: a weekday, a month, am/pm, "at", a zone. */
static bool
loose_word(const char **pp, const char *end, struct date *d, struct loose *l)
{
	const char *p = *pp;
	char w[16];
	size_t n = 0;
	int k, off;

	while (p < end && is_alpha(*p)) {
		if (n == sizeof w)
			return false;
		w[n++] = lower(*p++);
	}
	/* "a.m." / "p.m." */
	if (n == 1 && (w[0] == 'a' || w[0] == 'p') && end - p >= 2 && p[0] == '.' && lower(p[1]) == 'm') {
		l->meridiem = w[0] == 'a' ? 1 : 2;
		p += 2;
		if (p < end && *p == '.')
			p++;
		*pp = p;
		return true;
	}
	if (n == 2 && (memcmp(w, "am", 2) == 0 || memcmp(w, "pm", 2) == 0)) {
		l->meridiem = w[0] == 'a' ? 1 : 2;
	} else if (n == 2 && memcmp(w, "at", 2) == 0 && !d->has_time) {
		/* "January 4, 2004 at 4:29 PM" (AT, Atlantic Time, only after a time) */
	} else if (name_index(w, n, weekdays, 7) >= 0) {
		/* The weekday says nothing the date does not (and is sometimes wrong). */
	} else if ((k = name_index(w, n, months, 12)) >= 0) {
		if (d->month)
			return false;
		d->month = k + 1;
	} else if ((n > 1 || d->has_time) && !d->has_offset && zone_word(w, n, &off)) {
		d->offset = off;
		d->has_offset = true;
		l->after_zone = true;
		*pp = p;
		return true;
	} else if (d->has_time && n <= 5 && !d->has_offset && !l->unknown_zone) {
		/* An unknown zone after the time: the offset is unknown. */
		l->unknown_zone = true;
	} else {
		return false;
	}
	l->after_zone = false;
	*pp = p;
	return true;
}

/* A year-first numeric date: 2004/01/04 or 2004-01-04. */
static bool
loose_numeric_date(const char **pp, const char *end, struct date *d)
{
	const char *p = *pp;
	char sep;

	if (d->year || digit_run(p, end) != 4 || end - p < 8)
		return false;
	sep = p[4];
	if ((sep != '/' && sep != '-' && sep != '.') || digit_run(p + 5, end) < 1 || digit_run(p + 5, end) > 2)
		return false;
	d->year = number(p, 4);
	p += 5;
	d->month = number(p, digit_run(p, end));
	p += digit_run(p, end);
	if (p >= end || *p != sep || digit_run(p + 1, end) < 1 || digit_run(p + 1, end) > 2)
		return false;
	d->day = number(p + 1, digit_run(p + 1, end));
	p += 1 + digit_run(p + 1, end);
	*pp = p;
	return true;
}

/*
 * Numbers without names: four digits are a year, three a year since 1900;
 * one or two digits are the day, unless the day is known or they cannot
 * be one, then a two-digit year (00-49: 2000-2049, 50-99: 1950-1999).
 */
static bool
loose_assign(struct date *d, const struct loose *l)
{
	size_t i;

	for (i = 0; i < l->nnums; i++) {
		int v = l->nums[i], nd = l->ndigits[i], year;
		if (nd <= 2 && !d->day && v >= 1 && v <= 31) {
			d->day = v;
			continue;
		}
		year = nd == 4 ? v : nd == 3 ? 1900 + v : v < 50 ? 2000 + v : 1900 + v;
		if (d->year)
			return false;
		d->year = year;
	}
	if (!d->year || !d->month)
		return false;
	if (l->meridiem) {
		if (!d->has_time || d->hour < 1 || d->hour > 12)
			return false;
		d->hour = d->hour % 12 + (l->meridiem == 2 ? 12 : 0);
	}
	return !(d->has_time && !d->day);
}

/* RFC 822 and its variants, asctime, month-name dates. */
static bool
parse_loose(const char *p, const char *end, struct date *d)
{
	struct loose l;

	memset(&l, 0, sizeof l);
	while (p < end) {
		char c = *p;
		if (is_space(c) || c == ',' || c == '.' || c == '/') {
			p++;
		} else if (c == '(') { /* an RFC 2822 comment: "-0500 (EST)" */
			while (p < end && *p != ')')
				p++;
			if (p == end)
				return false;
			p++;
		} else if ((c == '+' || (c == '-' && (d->has_time || l.after_zone))) && p + 1 < end && is_digit(p[1]) &&
			   (!d->has_offset || l.after_zone)) {
			if (!numeric_zone(&p, end, &d->offset))
				return false;
			d->has_offset = true;
			l.after_zone = false;
		} else if (c == '-') {
			p++; /* 01-Jan-2004 */
		} else if (is_alpha(c)) {
			if (!loose_word(&p, end, d, &l))
				return false;
		} else if (is_digit(c)) {
			size_t n = digit_run(p, end);
			l.after_zone = false;
			if (loose_time(&p, end, d) || loose_numeric_date(&p, end, d))
				continue;
			if (n > 4 || l.nnums == sizeof l.nums / sizeof l.nums[0])
				return false;
			l.nums[l.nnums] = number(p, n);
			l.ndigits[l.nnums++] = (int)n;
			p += n;
			/* "4th", "1st" */
			if (end - p >= 2 && n <= 2 &&
			    (memcmp(p, "st", 2) == 0 || memcmp(p, "nd", 2) == 0 || memcmp(p, "rd", 2) == 0 ||
			     memcmp(p, "th", 2) == 0) &&
			    (end - p == 2 || !is_alpha(p[2])))
				p += 2;
		} else {
			return false;
		}
	}
	return loose_assign(d, &l) && valid(d);
}

bool
date_parse(const char *s, size_t len, struct date *d)
{
	const char *p = s, *end = s + len;

	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	if (p == end)
		return false;
	memset(d, 0, sizeof *d);
	if (is_digit(*p) && parse_iso(p, end, d))
		return true;
	memset(d, 0, sizeof *d);
	return parse_loose(p, end, d);
}

/* The date part as far as it is known. */
static size_t
format_date(int y, int m, int day, char *out)
{
	if (m == 0)
		return (size_t)snprintf(out, DATE_ISO_MAX, "%04d", y);
	if (day == 0)
		return (size_t)snprintf(out, DATE_ISO_MAX, "%04d-%02d", y, m);
	return (size_t)snprintf(out, DATE_ISO_MAX, "%04d-%02d-%02d", y, m, day);
}

/* Write d's moment shifted by shift minutes, then suffix. */
static size_t
format_shifted(const struct date *d, int shift, const char *suffix, char out[DATE_ISO_MAX])
{
	long long days = days_from_civil(d->year, d->month, d->day);
	long long secs = (long long)d->hour * 3600 + d->minute * 60 + d->second + (long long)shift * 60;
	int y, m, day;

	days += secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	secs -= (secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400)) * 86400;
	civil_from_days(days, &y, &m, &day);
	return (size_t)snprintf(out, DATE_ISO_MAX, "%04d-%02d-%02dT%02d:%02d:%02d%s%s%s", y, m, day,
				(int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60), d->frac[0] ? "." : "",
				d->frac, suffix);
}

bool
date_epoch(const struct date *d, long long *t)
{
	if (d->month == 0 || d->day == 0)
		return false;
	*t = days_from_civil(d->year, d->month, d->day) * 86400;
	if (d->has_time)
		*t += (long long)d->hour * 3600 + d->minute * 60 + d->second - (d->has_offset ? d->offset * 60LL : 0);
	return true;
}

bool
date_parse_epoch(const char *s, size_t len, long long *t)
{
	struct date d;

	return date_parse(s, len, &d) && date_epoch(&d, t);
}

size_t
date_format_utc(const struct date *d, char out[DATE_ISO_MAX])
{
	if (!d->has_time)
		return format_date(d->year, d->month, d->day, out);
	return format_shifted(d, d->has_offset ? -d->offset : 0, "Z", out);
}

size_t
date_format_local(const struct date *d, char out[DATE_ISO_MAX])
{
	char zone[16] = "";
	int a = d->offset < 0 ? -d->offset : d->offset;

	if (!d->has_time)
		return format_date(d->year, d->month, d->day, out);
	if (d->has_offset && d->offset == 0)
		strcpy(zone, "Z");
	else if (d->has_offset)
		snprintf(zone, sizeof zone, "%c%02d:%02d", d->offset < 0 ? '-' : '+', a / 60 % 100, a % 60);
	return format_shifted(d, 0, zone, out);
}

size_t
date_iso_utc(const char *s, size_t len, char out[DATE_ISO_MAX])
{
	struct date d;

	out[0] = '\0';
	return date_parse(s, len, &d) ? date_format_utc(&d, out) : 0;
}

size_t
date_iso_local(const char *s, size_t len, char out[DATE_ISO_MAX])
{
	struct date d;

	out[0] = '\0';
	return date_parse(s, len, &d) ? date_format_local(&d, out) : 0;
}
