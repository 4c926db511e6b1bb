/* isotime.c - ISO 8601 dates as seconds since the epoch; see isotime.h. */
#include <string.h>

#include "isotime.h"

/* Read exactly n digits at s[*i]; -1 when they are not there. */
static int
digits(const char *s, size_t len, size_t *i, int n)
{
	int v = 0, k;

	if (*i + (size_t)n > len)
		return -1;
	for (k = 0; k < n; k++) {
		char c = s[*i + (size_t)k];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*i += (size_t)n;
	return v;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dm[m - 1];
}

int
isotime_parse(const char *s, size_t len, int64_t *t)
{
	size_t i = 0;
	int y, mo, d, h = 0, mi = 0, sec = 0, off = 0;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if ((y = digits(s, len, &i, 4)) < 0 || i >= len || s[i++] != '-' || (mo = digits(s, len, &i, 2)) < 1 ||
	    mo > 12 || i >= len || s[i++] != '-' || (d = digits(s, len, &i, 2)) < 1 || d > days_in_month(y, mo))
		return -1;
	if (i < len && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
		i++;
		if ((h = digits(s, len, &i, 2)) < 0 || h > 24 || i >= len || s[i++] != ':' ||
		    (mi = digits(s, len, &i, 2)) < 0 || mi > 59)
			return -1;
		if (i < len && s[i] == ':') {
			i++;
			if ((sec = digits(s, len, &i, 2)) < 0 || sec > 60)
				return -1;
			if (i < len && (s[i] == '.' || s[i] == ',')) {
				i++;
				if (i >= len || s[i] < '0' || s[i] > '9')
					return -1;
				while (i < len && s[i] >= '0' && s[i] <= '9')
					i++;
			}
		}
		if (i < len && (s[i] == 'Z' || s[i] == 'z')) {
			i++;
		} else if (i < len && (s[i] == '+' || s[i] == '-')) {
			int sign = s[i++] == '-' ? -1 : 1, oh, om = 0;
			if ((oh = digits(s, len, &i, 2)) < 0 || oh > 23)
				return -1;
			if (i < len && s[i] == ':')
				i++;
			if (i < len && (om = digits(s, len, &i, 2)) < 0)
				return -1;
			if (om > 59)
				return -1;
			off = sign * (oh * 3600 + om * 60);
		}
	}
	if (i != len)
		return -1;
	*t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
	return 0;
}
