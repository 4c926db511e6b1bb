/*
 * numeric.c - the rule layer of the entity engine: DATE, MONEY, PERCENT
 * and CARDINAL, on the tokens no name of the model holds.
 *
 * The conventions are OntoNotes 5.0's, written out in eval/data/README.md
 * (the guidelines of the hand-annotated numeric sample):
 *   - a span holds the numeral (figures or words, a fraction "6-1/2"), its
 *     scale ("1.5 bln", "$11bn"), its unit ("dlrs", "Swiss francs", "pct"),
 *     and the approximator before it ("about", "more than", "up to");
 *   - a range whose first member lacks the second's unit or scale is one
 *     span ("75 to 80 cts", "between 85 and 89 dlrs", "$1.3 to $1.5bn");
 *   - a bare figure whose unit was given just before, across "from",
 *     "vs", "compared with" ("3.10 billion francs from 3.56 billion"),
 *     takes that unit's type;
 *   - quantities with a unit of measure ("75,000 tonnes") and times of
 *     day ("three hours", "Saturday night") are no entity of ours (OntoNotes
 *     QUANTITY and TIME), nor are ordinals alone;
 *   - DATE covers calendar dates, days, relative dates ("last week", "a
 *     year ago", "the past 50 years"), parts of years ("the third quarter",
 *     "the first half of this year"), periods ending on a date ("the year
 *     ended June 30"), durations ("25 years", "25-year") and ages ("Mr
 *     Sullivan, 42,", "48-year-old").
 * General patterns over word classes (words.c), not lists of phrases.
 */
#include <stdlib.h>
#include <string.h>

#include "entities/work.h"
#include "xalloc.h"

/* A match of the rules: tokens [b, e); type ENT_NTYPES when the words are no entity of ours. */
struct match {
	size_t b, e;
	enum entity_type type;
	int scaled;  /* its number has a scale word ("mln", "billion", "5m") */
	int unit;    /* its type comes from a unit written in it (a currency, "pct", "tonnes") */
};

#define NO_ENTITY ENT_NTYPES

static int
avail(const struct work *w, size_t i, size_t e)
{
	return i < e && !w->used[i];
}

/* Does token i+1 start where token i ends (no space between)? */
static int
adjacent(const struct work *w, size_t i)
{
	return i + 1 < w->d.n && w->tk[i].bend == w->tk[i + 1].bstart;
}

/* A capitalised word inside a sentence (not its first, not a headline's): part of a name. */
static int
capital_mid(const struct work *w, size_t i)
{
	uint32_t f = w->d.t[i].flags;
	return (f & NT_INITCAP) && !(f & (NT_SENT_START | NT_CAPS_SENT));
}

/* A number with its scale glued on: 5m, 13bn, 1.13bn, 2.5k. */
static int
glued_scale(const struct work *w, size_t i)
{
	const char *s = w->d.t[i].lw;
	size_t k = 0;
	while (s[k] == '0' || ((s[k] == '.' || s[k] == ',') && k > 0))
		k++;
	return k > 0 && s[k] && (strcmp(s + k, "m") == 0 || strcmp(s + k, "bn") == 0 || strcmp(s + k, "k") == 0 ||
				 strcmp(s + k, "tn") == 0 || strcmp(s + k, "mln") == 0 || strcmp(s + k, "bln") == 0);
}

/*
 * Figures: a number token, or one with its scale glued on.  Not a time
 * ("3:30", "1:17.97"), a telephone number ("212-859-1761") or one glued
 * to a "+" ("+44").
 */
static int
is_figure(const struct work *w, size_t i)
{
	const char *s;
	if (w->tk[i].type != TOK_NUMBER)
		return glued_scale(w, i);
	s = w->d.t[i].lw;
	if (strchr(s, ':'))
		return 0;
	if ((s = strchr(s, '-')) != NULL && strchr(s + 1, '-'))
		return 0;
	return !(i > 0 && adjacent(w, i - 1) && work_is(w, i - 1, "+"));
}

/* The value of a figure without separators, or -1 (not an integer up to 9999). */
static long
small_value(const struct work *w, size_t i)
{
	const char *s = w->d.t[i].w;
	char *end;
	long v;
	if (w->tk[i].type != TOK_NUMBER || strlen(s) > 4)
		return -1;
	v = strtol(s, &end, 10);
	return *end ? -1 : v;
}

static int
is_year(const struct work *w, size_t i)
{
	long v = small_value(w, i);
	return strlen(w->d.t[i].w) == 4 && v >= 1900 && v <= 2099;
}

/* A day of the month: 1-31, perhaps with st/nd/rd/th. */
static int
is_day(const struct work *w, size_t i)
{
	const char *s = w->d.t[i].w, *end;
	long v = 0;
	for (end = s; *end >= '0' && *end <= '9' && end - s < 3; end++)
		v = v * 10 + (*end - '0');
	if (end == s || v < 1 || v > 31)
		return 0;
	return *end == '\0' || strcmp(end, "st") == 0 || strcmp(end, "nd") == 0 || strcmp(end, "rd") == 0 ||
	       strcmp(end, "th") == 0;
}

/* Parts of number words that make compounds: "twenty-five", "two-thirds". */
static int
numword_part(const char *s, size_t n, int fraction)
{
	static const char *const parts[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty",
		"forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL,
	};
	static const char *const fractions[] = {
		"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", NULL,
	};
	const char *const *p;
	for (p = fraction ? fractions : parts; *p; p++)
		if (strlen(*p) == n && memcmp(*p, s, n) == 0)
			return 1;
	return 0;
}

/* A number in words ("three", "hundreds", "twenty-five", "two-thirds"); not one inside a name ("BBC Four"). */
static int
is_numword(const struct work *w, size_t i)
{
	const char *s = w->d.t[i].lw, *h;
	if (capital_mid(w, i))
		return 0;
	if (work_in(w, i, WL_NUMWORDS))
		return 1;
	h = strchr(s, '-');
	return h && numword_part(s, (size_t)(h - s), 0) &&
	       (numword_part(h + 1, strlen(h + 1), 0) || numword_part(h + 1, strlen(h + 1), 1));
}

/* "1/2" of "6-1/2", "7/8" of "1 7/8": a slash and a figure right after figure i. */
static int
fraction_after(const struct work *w, size_t i, size_t e)
{
	return i + 2 < e && adjacent(w, i) && work_is(w, i + 1, "/") && adjacent(w, i + 1) &&
	       w->tk[i + 2].type == TOK_NUMBER;
}

/*
 * The numeral at i: figures (with a fraction), or number words ("two
 * hundred", "several hundred"), then scale words.  Returns its end, or i
 * when there is none; *scaled tells whether it has a scale.
 */
static size_t
numeral(const struct work *w, size_t i, size_t e, int *scaled)
{
	size_t j;

	*scaled = 0;
	if (!avail(w, i, e))
		return i;
	if (is_figure(w, i)) {
		*scaled = glued_scale(w, i);
		j = i + 1;
		if (fraction_after(w, i, e))
			j = i + 3;
		else if (avail(w, j, e) && small_value(w, j) > 0 && small_value(w, j) < 10 && fraction_after(w, j, e))
			j = i + 4; /* "1 7/8" */
	} else if (is_numword(w, i) ||
		   ((work_in(w, i, WL_FEW) || work_is(w, i, "a")) && avail(w, i + 1, e) && work_in(w, i + 1, WL_SCALES) &&
		    work_in(w, i + 1, WL_NUMWORDS))) {
		/* "three", "two hundred"; "several hundred", "a million" */
		j = i + 1;
		while (avail(w, j, e) && is_numword(w, j) && !work_in(w, j - 1, WL_SCALES))
			j++;
	} else {
		return i;
	}
	while (avail(w, j, e) && work_in(w, j, WL_SCALES) && !capital_mid(w, j)) {
		*scaled = 1;
		j++;
	}
	if (work_in(w, j - 1, WL_NUMWORDS) && work_in(w, j - 1, WL_SCALES))
		*scaled = 1;
	return j;
}

/* A currency before a number at i ("$", "US$", "C$", Reuters' "stg"): the end of it, or i. */
static size_t
currency_before(const struct work *w, size_t i, size_t e)
{
	if (!avail(w, i, e))
		return i;
	if (w->tk[i].flags & TOKF_CURRENCY)
		return i + 1;
	if (avail(w, i + 1, e) && (w->tk[i + 1].flags & TOKF_CURRENCY) && adjacent(w, i) &&
	    (w->d.t[i].flags & NT_ALLCAPS) && w->d.t[i].wlen <= 3)
		return i + 2;
	if (work_is(w, i, "stg") && avail(w, i + 1, e) && is_figure(w, i + 1))
		return i + 1;
	return i;
}

/* A currency after the number ending at j ("dlrs", "Swiss francs", "euro cents", "of dollars"): its end, or j. */
static size_t
currency_after(const struct work *w, size_t j, size_t e, int plural_scale)
{
	size_t k = j, n;

	if (plural_scale && work_is(w, k, "of") && avail(w, k + 1, e) && work_in(w, k + 1, WL_CURRENCIES))
		return k + 2; /* "billions of dollars" */
	/*
	 * A nationality before the currency: "Swiss francs", "Hong Kong dlrs",
	 * "U.S. dlrs".  When the model has tagged it (CoNLL makes "Swiss" in
	 * "Swiss francs" MISC), that name stays, inside the amount.
	 */
	for (n = 0; n < 2 && k < e && !work_in(w, k, WL_CURRENCIES) && (w->d.t[k].flags & NT_INITCAP); n++)
		k++;
	/* A currency code the model took for a name ("600 mln ECU") is the amount's all the same. */
	if (k >= e || !work_in(w, k, WL_CURRENCIES) || (w->used[k] && k == j && !(w->d.t[k].flags & NT_ALLCAPS)))
		return j;
	/* Pounds of butter are a weight. */
	if ((work_is(w, k, "pounds") || work_is(w, k, "pound")) && work_is(w, k + 1, "of"))
		return j;
	if (avail(w, k + 1, e) && work_in(w, k, WL_CURRENCIES) && (work_is(w, k + 1, "cents") || work_is(w, k + 1, "cent")))
		k++; /* "euro cents" */
	return k + 1;
}

/* "%", "pct", "percent", "per cent", "percentage point(s)" at j: its end, or j. */
static size_t
percent_after(const struct work *w, size_t j, size_t e)
{
	if (!avail(w, j, e))
		return j;
	if (work_in(w, j, WL_PERCENTS))
		return j + 1;
	if (work_is(w, j, "per") && avail(w, j + 1, e) && work_is(w, j + 1, "cent"))
		return j + 2;
	if (work_is(w, j, "percentage") && avail(w, j + 1, e) && (work_is(w, j + 1, "point") || work_is(w, j + 1, "points")))
		return j + 2;
	if (work_is(w, j, "percentage-point") || work_is(w, j, "percentage-points"))
		return j + 1;
	return j;
}

/* An approximator or bound before a number at i ("about", "more than", "up to", "as much as"): its length. */
static size_t
approx_len(const struct work *w, size_t i, size_t e)
{
	if (!avail(w, i, e))
		return 0;
	if (work_in(w, i, WL_APPROX))
		return 1;
	if (!avail(w, i + 1, e))
		return 0;
	if ((work_is(w, i, "more") || work_is(w, i, "less") || work_is(w, i, "fewer")) && work_is(w, i + 1, "than"))
		return 2;
	if ((work_is(w, i, "up") && work_is(w, i + 1, "to")) ||
	    (work_is(w, i, "at") && (work_is(w, i + 1, "least") || work_is(w, i + 1, "most"))) ||
	    ((work_is(w, i, "just") || work_is(w, i, "well")) && (work_is(w, i + 1, "over") || work_is(w, i + 1, "under"))))
		return 2;
	if (work_is(w, i, "as") && avail(w, i + 2, e) && work_is(w, i + 2, "as") &&
	    (work_is(w, i + 1, "much") || work_is(w, i + 1, "many") || work_is(w, i + 1, "little") || work_is(w, i + 1, "few")))
		return 3;
	return 0;
}

/* ---- dates ---------------------------------------------------------------- */

/*
 * A month at i: a month's name, capitalised.  "May" is the modal verb as
 * often as the month: a month inside a sentence, or before a day, a year
 * or a comma.
 */
static int
is_month(const struct work *w, size_t i, size_t e)
{
	if (!avail(w, i, e) || !(w->d.t[i].flags & NT_INITCAP))
		return 0;
	if (work_in(w, i, WL_MONTHS))
		return 1;
	if (!work_is(w, i, "may"))
		return 0;
	if (!(w->d.t[i].flags & NT_SENT_START) || (w->d.t[i].flags & NT_CAPS_SENT))
		return 1;
	return avail(w, i + 1, e) && (is_day(w, i + 1) || is_year(w, i + 1) || work_is(w, i + 1, ","));
}

/* A token of two calendar words joined by a hyphen: "mid-March", "end-1986", "July-June", "year-ago". */
static int
hyphen_date(const struct work *w, size_t i)
{
	static const char *const heads[] = { "mid", "end", "early", "late", "start", NULL };
	const char *s = w->d.t[i].lw, *h = strchr(s, '-'), *t;
	const char *const *p;
	size_t n;
	if (!h)
		return 0;
	t = h + 1;
	n = (size_t)(h - s);
	if (strcmp(s, "year-ago") == 0 || strcmp(s, "year-earlier") == 0 || strcmp(s, "month-ago") == 0)
		return 1;
	/* Two months: "July-June". */
	{
		static const char *const mm[] = {
			"january", "february", "march", "april", "may", "june", "july", "august", "september",
			"october", "november", "december", NULL,
		};
		int a = 0, b = 0;
		for (p = mm; *p; p++) {
			a |= strlen(*p) == n && memcmp(*p, s, n) == 0;
			b |= strcmp(*p, t) == 0;
		}
		if (a && b)
			return 1;
		for (p = heads; *p; p++)
			if (strlen(*p) == n && memcmp(*p, s, n) == 0 && (b || (strlen(t) == 4 && strspn(t, "0") == 4)))
				return 1;
	}
	return 0;
}

/*
 * "25-year", "seven-year", "11-day", "48-year-old", "eight-year-old": a
 * duration or an age written as one hyphenated word.
 */
static int
hyphen_duration(const struct work *w, size_t i)
{
	static const char *const units[] = { "-year", "-month", "-week", "-day", "-decade", NULL };
	const char *s = w->d.t[i].lw, *h = strchr(s, '-');
	const char *const *p;
	size_t n;
	if (!h || h == s)
		return 0;
	n = (size_t)(h - s);
	if (!(strspn(s, "0.") == n || numword_part(s, n, 0) || (n == 6 && memcmp(s, "eleven", 6) == 0) ||
	      (n == 6 && memcmp(s, "twelve", 6) == 0)))
		return 0;
	for (p = units; *p; p++) {
		size_t k = strlen(*p);
		if (strncmp(h, *p, k) == 0 && (h[k] == '\0' || strcmp(h + k, "-old") == 0 || strcmp(h + k, "s-old") == 0))
			return 1;
	}
	return 0;
}

/* A year, or a span of two years ("1986/87", "1986-87"): its end, or i. */
static size_t
year_at(const struct work *w, size_t i, size_t e)
{
	if (!avail(w, i, e))
		return i;
	if (w->tk[i].type == TOK_NUMBER && strcmp(w->d.t[i].lw, "0000-00") == 0 && is_year(w, i) == 0) {
		long v = strtol(w->d.t[i].w, NULL, 10);
		return v >= 1900 && v <= 2099 ? i + 1 : i;
	}
	if (!is_year(w, i))
		return i;
	if (i + 2 < e && adjacent(w, i) && work_is(w, i + 1, "/") && adjacent(w, i + 1) && w->tk[i + 2].type == TOK_NUMBER &&
	    (strlen(w->d.t[i + 2].w) == 2 || strlen(w->d.t[i + 2].w) == 4))
		return i + 3;
	return i + 1;
}

/*
 * The core of a calendar date at i: a month with its day and year, a day
 * and month, a month and year, a year or a span of years, a decade, a
 * weekday, "today", a hyphenated calendar word.  Returns its end or i;
 * *time is set for a weekday with a time of day ("Saturday night"), which
 * is no date but a time.
 */
static size_t
date_core(const struct work *w, size_t i, size_t e, int *time)
{
	size_t j;

	*time = 0;
	if (!avail(w, i, e))
		return i;
	if (is_month(w, i, e)) {
		j = i + 1;
		if (avail(w, j, e) && is_day(w, j) && !(avail(w, j + 1, e) && (work_in(w, j + 1, WL_UNITS) ||
									  work_in(w, j + 1, WL_PERCENTS)))) {
			j++;
			/* "June 24 and 25" */
			if (avail(w, j + 1, e) && (work_is(w, j, "and") || work_is(w, j, "-") || work_is(w, j, "to")) &&
			    is_day(w, j + 1) && !is_year(w, j + 1))
				j += 2;
			if (avail(w, j + 1, e) && work_is(w, j, ",") && is_year(w, j + 1))
				j += 2;
			else if (avail(w, j, e) && is_year(w, j))
				j++;
		} else if (avail(w, j, e) && is_year(w, j)) {
			j++;
		} else if (avail(w, j + 1, e) && (work_is(w, j, "and") || work_is(w, j, "or") || work_is(w, j, "to")) &&
			   is_month(w, j + 1, e)) {
			j += 2; /* "January and April" */
			if (avail(w, j, e) && is_year(w, j))
				j++;
		}
		/* "January and April this year", "March last year" */
		if (avail(w, j + 1, e) && work_in(w, j, WL_RELATIVE) && (work_is(w, j + 1, "year")))
			j += 2;
		return j;
	}
	if (is_day(w, i) && !is_year(w, i) && avail(w, i + 1, e) && is_month(w, i + 1, e)) {
		j = i + 2;
		if (avail(w, j, e) && is_year(w, j))
			j++;
		return j;
	}
	if ((j = year_at(w, i, e)) > i) {
		/* The year is a count of something measured or priced: no date. */
		if (avail(w, j, e) && (work_in(w, j, WL_UNITS) || work_in(w, j, WL_CURRENCIES) || work_in(w, j, WL_PERCENTS) ||
				       work_in(w, j, WL_SCALES)))
			return i;
		if (j == i + 1 && i > 0 && (w->tk[i - 1].flags & TOKF_CURRENCY))
			return i;
		/* "1986/87 year": a span of years and the word for it */
		if (j == i + 3 && avail(w, j, e) && (work_is(w, j, "year") || work_is(w, j, "season")))
			j++;
		/* "1985 4th qtr" */
		if (avail(w, j + 1, e) && work_in(w, j, WL_ORDINALS) && work_in(w, j + 1, WL_PART_PERIODS))
			j += 2;
		return j;
	}
	if (strcmp(w->d.t[i].lw, "0000s") == 0 || (work_is(w, i, "'") && avail(w, i + 1, e) && work_is(w, i + 1, "00s")))
		return i + (work_is(w, i, "'") ? 2 : 1);
	if (work_in(w, i, WL_WEEKDAYS) && (w->d.t[i].flags & NT_INITCAP)) {
		if (avail(w, i + 1, e) && work_in(w, i + 1, WL_DAYPARTS)) {
			*time = 1;
			return i + 2;
		}
		return i + 1;
	}
	if (work_in(w, i, WL_DEICTIC))
		return i + 1;
	if (hyphen_date(w, i))
		return i + 1;
	return i;
}

/*
 * A count before a period: a numeral, "one or two", "a few", "few",
 * "several".  Returns its end, or i.
 */
static size_t
count_at(const struct work *w, size_t i, size_t e)
{
	int scaled;
	size_t j;
	if (work_is(w, i, "a") && avail(w, i + 1, e) && work_in(w, i + 1, WL_FEW))
		return i + 2;
	if (avail(w, i, e) && work_in(w, i, WL_FEW))
		return i + 1;
	j = numeral(w, i, e, &scaled);
	if (j > i && avail(w, j + 1, e) && (work_is(w, j, "or") || work_is(w, j, "to")) &&
	    numeral(w, j + 1, e, &scaled) > j + 1)
		j = numeral(w, j + 1, e, &scaled); /* "one or two" */
	return j;
}

/* A period word at i, and "or months" after it ("weeks or months"): the end, or i. */
static size_t
period_at(const struct work *w, size_t i, size_t e, enum word_list l)
{
	if (!avail(w, i, e) || !work_in(w, i, l) || capital_mid(w, i))
		return i;
	if (avail(w, i + 2, e) && (work_is(w, i + 1, "or") || work_is(w, i + 1, "and")) && work_in(w, i + 2, WL_PERIODS))
		return i + 3;
	return i + 1;
}

/* "of" and a date after a part of a period ("the first half of this year"): the end, or j. */
static size_t date_at(const struct work *w, size_t i, size_t e);

static size_t
of_date(const struct work *w, size_t j, size_t e)
{
	size_t k;
	if (!avail(w, j, e) || !work_is(w, j, "of"))
		return j;
	k = date_at(w, j + 1, e);
	return k > j + 1 ? k : j;
}

/*
 * A date at i (the forms above and the relative ones); its end, or i.
 * A time of day ("Saturday night") is returned as i as well: no date.
 */
static size_t
date_at(const struct work *w, size_t i, size_t e)
{
	size_t a, j, k, p;
	int the, time;

	if (!avail(w, i, e))
		return i;
	the = work_is(w, i, "the");
	a = i + (size_t)the;
	/* "the end of 2003", "the start of the year" */
	if (the && avail(w, a + 1, e) && work_is(w, a + 1, "of") &&
	    (work_is(w, a, "end") || work_is(w, a, "start") || work_is(w, a, "beginning") || work_is(w, a, "middle") ||
	     work_is(w, a, "turn"))) {
		if ((k = date_at(w, a + 2, e)) > a + 2)
			return k;
		if (work_is(w, a + 2, "the") && work_in(w, a + 3, WL_PERIODS) && avail(w, a + 3, e))
			return a + 4; /* "the end of the year" */
	}
	/* Ordinal parts of years: "the third quarter", "the first few months", "third quarter", "fourth-quarter". */
	if (avail(w, a, e) && work_in(w, a, WL_ORDINALS) && !capital_mid(w, a)) {
		j = a + 1;
		if (avail(w, j, e) && work_in(w, j, WL_FEW))
			j++;
		if ((k = period_at(w, j, e, WL_PART_PERIODS)) > j)
			return of_date(w, k, e);
	}
	/* Relative dates: "last week", "the past 50 years", "next Thursday", "last July", "early this month". */
	p = avail(w, a, e) && work_in(w, a, WL_EDGES) && !capital_mid(w, a);
	if (avail(w, a + p, e) && work_in(w, a + p, WL_RELATIVE) && !capital_mid(w, a + p)) {
		size_t r = a + p + 1;
		j = count_at(w, r, e);
		if ((k = period_at(w, j, e, WL_PERIODS)) > j)
			return of_date(w, k, e);
		if (j == r && avail(w, r, e) && ((work_in(w, r, WL_WEEKDAYS) && (w->d.t[r].flags & NT_INITCAP)) ||
						 is_month(w, r, e)))
			return r + 1;
	}
	/* "the year ended June 30", "the three months to 31 December", "the 1985/86 season", "the 1940s" */
	if (the) {
		j = count_at(w, a, e);
		if ((k = period_at(w, j, e, WL_PERIODS)) > j && avail(w, k, e) && work_in(w, k, WL_PERIOD_LINKS)) {
			size_t d = date_core(w, k + 1, e, &time);
			if (d > k + 1 && !time)
				return d;
		}
		if ((k = year_at(w, a, e)) > a) {
			if (avail(w, k, e) && (work_is(w, k, "season") || work_is(w, k, "year")))
				return k + 1;
			if (k == a + 3)
				return i; /* "the 1986/87 crop": the span without "the", below */
		}
		if (avail(w, a, e) && strcmp(w->d.t[a].lw, "0000s") == 0)
			return a + 1;
		return i;
	}
	/* "late 1987", "early March", "mid March" */
	if (p && (k = date_core(w, a + 1, e, &time)) > a + 1 && !time && (is_month(w, a + 1, e) || is_year(w, a + 1)))
		return k;
	/* "fiscal 1987" */
	if (work_is(w, i, "fiscal") && (k = year_at(w, i + 1, e)) > i + 1)
		return k;
	/* "a year ago", "about a month", "nearly a decade", "a few weeks or months", "week ago" */
	j = i + approx_len(w, i, e);
	if (avail(w, j, e) && (work_is(w, j, "a") || work_is(w, j, "an"))) {
		size_t c = count_at(w, j, e);
		if (c == j)
			c = j + 1;
		if ((k = period_at(w, c, e, WL_PERIODS)) > c) {
			if (avail(w, k, e) && work_in(w, k, WL_AGO))
				return k + 1;
			if (j > i || c > j + 1)
				return k;
		}
	}
	if (avail(w, i + 1, e) && work_in(w, i, WL_PERIODS) && work_is(w, i + 1, "ago"))
		return i + 2;
	if (avail(w, i, e) && hyphen_duration(w, i))
		return i + 1;
	/* "6-1/2-year-old" */
	if (avail(w, i + 2, e) && is_figure(w, i) && adjacent(w, i) && work_is(w, i + 1, "/") && adjacent(w, i + 1) &&
	    hyphen_duration(w, i + 2))
		return i + 3;
	if ((k = date_core(w, i, e, &time)) > i && !time)
		return k;
	return i;
}

/* ---- numbers ---------------------------------------------------------------- */

/* Does the period word at j end in s ("years", "mths")? */
static int
plural_period(const struct work *w, size_t j)
{
	const struct ner_tok *t = &w->d.t[j];
	return t->lwlen > 0 && t->lw[t->lwlen - 1] == 's';
}

/*
 * Is the number before the singular period at j one ("one year", "1
 * month")?  "295,000 week ago" is Reuters' "295,000 a week ago": a count
 * and a date, no duration.
 */
static int
one_of(const struct work *w, size_t j)
{
	return j > 0 && (work_is(w, j - 1, "one") || strcmp(w->d.t[j - 1].w, "1") == 0 || work_is(w, j - 1, "a") ||
			 work_is(w, j - 1, "an"));
}

/*
 * The unit after a number ending at j: sets m->e and m->type (MONEY,
 * PERCENT, DATE for a duration, NO_ENTITY for a quantity or a time) and
 * returns 1, or returns 0 when there is none.
 */
static int
unit_after(const struct work *w, size_t j, size_t e, int plural_scale, struct match *m)
{
	size_t k;
	if ((k = percent_after(w, j, e)) > j) {
		m->type = ENT_PERCENT;
	} else if ((k = currency_after(w, j, e, plural_scale)) > j) {
		m->type = ENT_MONEY;
	} else if (avail(w, j, e) && (work_in(w, j, WL_UNITS) || work_in(w, j, WL_TIME_SUFFIX) ||
				      ((work_is(w, j, "pounds") || work_is(w, j, "pound")) && work_is(w, j + 1, "of")))) {
		k = j + 1;
		m->type = NO_ENTITY;
	} else if ((k = period_at(w, j, e, WL_PERIODS)) > j && (plural_period(w, j) || one_of(w, j))) {
		if (avail(w, k, e) && work_in(w, k, WL_AGO))
			k++;
		m->type = ENT_DATE;
	} else {
		return 0;
	}
	m->e = k;
	m->unit = 1;
	return 1;
}

/*
 * A number expression at i: [approximator] [currency] numeral [unit], or
 * a range of two.  Fills m and returns 1, or returns 0.
 */
static int
number_at(const struct work *w, size_t i, size_t e, struct match *m)
{
	size_t p = approx_len(w, i, e), c, j, c2, j2;
	int between = 0, scaled2, cur;
	struct match m2;

	if (work_is(w, i, "between"))
		between = 1, p = 1;
	c = currency_before(w, i + p, e);
	j = numeral(w, c, e, &m->scaled);
	if (j == c)
		return 0; /* an approximator is a word too ("some", "over") */
	cur = c > i + p;
	m->b = i;
	m->e = j;
	m->unit = cur;
	m->type = cur ? ENT_MONEY : ENT_CARDINAL;
	/* A range: "75 to 80 cts", "between 85 and 89 dlrs", "$1.3 to $1.5bn", "about 300,000 to 307,000". */
	if (avail(w, j + 1, e) && (work_is(w, j, "to") || work_is(w, j, "-") || (between && work_is(w, j, "and")))) {
		c2 = currency_before(w, j + 1, e);
		j2 = numeral(w, c2, e, &scaled2);
		if (j2 > c2 && (c2 > j + 1) == cur) {
			int u2 = unit_after(w, j2, e, 0, &m2);
			int from = i > 0 && work_is(w, i - 1, "from");
			/*
			 * Two bare figures are a range when the second has the scale
			 * ("seven to eight billion") or the first a bound ("about
			 * 300,000 to 307,000"); "rose 100,000 to 790,000" is a change.
			 */
			int join = between || (u2 && !cur) || (cur && scaled2 && !m->scaled) ||
				   (!u2 && !cur && !from && !m->scaled && (scaled2 || p > 0));
			if (join) {
				m->scaled = scaled2;
				if (u2) {
					m->e = m2.e;
					m->type = m2.type;
					m->unit = 1;
				} else {
					m->e = j2;
				}
				return 1;
			}
		}
	}
	if (between)
		return 0;
	if (!cur) {
		int plural = work_in(w, j - 1, WL_NUMWORDS) && w->d.t[j - 1].lw[w->d.t[j - 1].lwlen - 1] == 's';
		if (!unit_after(w, j, e, plural, m)) {
			m->e = j;
			m->type = ENT_CARDINAL;
		}
	} else if (avail(w, j, e) && work_in(w, j, WL_CURRENCIES)) {
		m->e = j + 1; /* "$5 million dollars" */
	}
	return 1;
}

/* Does a word after a bare number leave its unit unsaid ("... from 3.56 billion in 1985")? */
static int
unit_left_out(const struct work *w, size_t j, size_t e)
{
	static const char *const after[] = {
		"in", "at", "on", "by", "for", "during", "from", "to", "vs", "vs.", "versus", "against", "and", "or",
		"the", "a", "an", "last", "this", "next", "previous", "earlier", "ago", "while", "but", NULL,
	};
	const char *const *p;
	if (j >= e || !(w->d.t[j].flags & NT_HASALPHA) || (w->d.t[j].flags & NT_INITCAP))
		return 1;
	for (p = after; *p; p++)
		if (work_is(w, j, *p))
			return 1;
	return 0;
}

/* A number with its unit, remembered for the bare figures after it. */
struct unit_memo {
	int set;
	size_t end;
	enum entity_type type; /* NO_ENTITY: a quantity */
	int scaled;
};

/*
 * Does the bare number of m take its unit from the expression remembered?
 * The same sentence; "from", "vs", "compared with", "to" right before the
 * number; between the two at most six words outside other mentions and
 * no other number (a year may be: "92 mln francs in 1986 from 61 mln");
 * nothing after the number that could be its own unit;
 * and no scale the first had not ("1.5 pct ... to 14.10 mln" is a count).
 */
static int
parallel_unit(const struct work *w, const struct unit_memo *u, const struct match *m, size_t e)
{
	size_t k, n = 0;
	if (!u->set || u->end > m->b || m->b == 0 || !work_in(w, m->b - 1, WL_PARALLEL) || (m->scaled && !u->scaled))
		return 0;
	for (k = u->end; k < m->b; k++) {
		if ((is_figure(w, k) && !is_year(w, k)) || is_numword(w, k))
			return 0;
		if (!w->used[k] && ++n > 6)
			return 0;
	}
	return unit_left_out(w, m->e, e);
}

/* Which tokens end a person's name of the model (for ages: "Mr Sullivan, 42,"). */
static uint8_t *
person_ends(const struct work *w)
{
	uint8_t *pe = xcalloc(w->d.n + 1, 1);
	size_t k;
	for (k = 0; k < w->nm; k++)
		if (w->m[k].type == ENT_PER)
			pe[w->m[k].e] = 1;
	return pe;
}

/* An age at i: "Mr Sullivan, 42, ..." after a person's name, or "aged 42". */
static int
age_at(const struct work *w, size_t i, size_t e, const uint8_t *pe)
{
	long v = small_value(w, i);
	if (v < 1 || v > 120 || !avail(w, i, e) || i < 1)
		return 0;
	if (work_is(w, i - 1, "aged"))
		return 1;
	return i >= 2 && work_is(w, i - 1, ",") && pe[i - 1] && (i + 1 >= e || work_is(w, i + 1, ",") ||
								   work_is(w, i + 1, ")") || work_is(w, i + 1, "."));
}

/*
 * Can a date or an amount start at token i?  Most words cannot: one test
 * of the word lists spares them every rule.
 */
static int
may_start(const struct work *w, size_t i)
{
	const uint32_t lists = 1u << WL_MONTHS | 1u << WL_WEEKDAYS | 1u << WL_RELATIVE | 1u << WL_PERIODS |
			       1u << WL_DEICTIC | 1u << WL_NUMWORDS | 1u << WL_APPROX | 1u << WL_ORDINALS |
			       1u << WL_EDGES | 1u << WL_FEW | 1u << WL_RULE_STARTS;
	const struct ner_tok *t = &w->d.t[i];
	return (w->cls[i] & lists) || (t->flags & NT_HASDIGIT) || w->tk[i].type != TOK_WORD ||
	       strchr(t->lw, '-') || work_is(w, i, "may") || ((t->flags & NT_ALLCAPS) && t->wlen <= 3);
}

void
numeric_mentions(struct work *w)
{
	size_t s, i;
	uint8_t *pe = person_ends(w);

	for (s = 0; s < w->d.nsent; s++) {
		size_t b = w->d.sent[s], e = w->d.sent[s + 1];
		struct unit_memo memo = { 0, 0, ENT_CARDINAL, 0 };
		for (i = b; i < e;) {
			struct match m;
			size_t k;
			if (w->used[i] || !may_start(w, i)) {
				i++;
				continue;
			}
			if ((k = date_at(w, i, e)) > i) {
				work_add_mention(w, i, k, ENT_DATE);
				i = k;
				continue;
			}
			if (age_at(w, i, e, pe)) {
				work_add_mention(w, i, i + 1, ENT_DATE);
				i++;
				continue;
			}
			/* A time of day: "Saturday night", "10.30 a.m." */
			{
				int time;
				if ((k = date_core(w, i, e, &time)) > i && time) {
					i = k;
					continue;
				}
			}
			if (!number_at(w, i, e, &m)) {
				i++;
				continue;
			}
			if (!m.unit && parallel_unit(w, &memo, &m, e))
				m.type = memo.type;
			if (m.unit && m.type != ENT_DATE) {
				memo.set = 1;
				memo.end = m.e;
				memo.type = m.type;
				memo.scaled = m.scaled;
			}
			/* "one" before "another" is a pronoun. */
			if (m.type == ENT_CARDINAL && m.e == m.b + 1 && work_is(w, m.b, "one") && work_is(w, m.e, "another"))
				m.type = NO_ENTITY;
			if (m.type != NO_ENTITY)
				work_add_mention(w, m.b, m.e, m.type);
			i = m.e;
		}
	}
	free(pe);
}
