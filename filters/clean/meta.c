/*
 * meta.c - headline, byline and date of a page; see clean.h.
 *
 * They live in the page's head: the lines before the first good body
 * paragraph.  A byline is a line the lexicon marks as one ("By ...",
 * "Written by ..."), or "By" glued to a capitalised name ("ByJolyen", as
 * some renderers join an inline label to a link).  The date is the last
 * short line of the head that parses as a date.  The headline is the
 * nearest line above the byline (or the date, or the body) that looks
 * like one: 2 to 30 words, no final full stop (that would be a
 * standfirst), no lexicon hit.  Author boxes in the tail are the
 * author's name on a line of its own, and the short bio after it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "utf8.h"
#include "xalloc.h"

/* Lines after the start of the body where a byline or date is still looked for. */
#define HEAD_SLACK 8
/* The head of a page (headline, byline, date) is at most this many lines. */
#define HEAD_MAX 12
/* At most this many lines between the headline and the byline or date. */
#define HEAD_SPAN 12

/* Words of a folded line " a b c " as [start,len) pairs, at most max. */
static size_t
fold_words(const char *f, size_t len, const char **w, size_t *wl, size_t max)
{
	size_t n = 0, i = 1;

	while (i < len && n < max) {
		const char *sp = memchr(f + i, ' ', len - i);
		size_t e = sp ? (size_t)(sp - f) : len;
		if (e > i) {
			w[n] = f + i;
			wl[n] = e - i;
			n++;
		}
		i = e + 1;
	}
	return n;
}

static int
number(const char *w, size_t n, int *v)
{
	size_t i;
	int x = 0;

	if (n == 0 || n > 4)
		return 0;
	for (i = 0; i < n; i++) {
		if (w[i] < '0' || w[i] > '9')
			return 0;
		x = x * 10 + (w[i] - '0');
	}
	*v = x;
	return 1;
}

/* "28th" -> 28 */
static int
day_number(const char *w, size_t n, int *v)
{
	if (n > 2 && (memcmp(w + n - 2, "st", 2) == 0 || memcmp(w + n - 2, "nd", 2) == 0 ||
		      memcmp(w + n - 2, "rd", 2) == 0 || memcmp(w + n - 2, "th", 2) == 0))
		n -= 2;
	return number(w, n, v) && *v >= 1 && *v <= 31 && n <= 2;
}

static int
year_number(const char *w, size_t n, int *v)
{
	return n == 4 && number(w, n, v) && *v >= 1900 && *v <= 2100;
}

int
meta_parse_date(const struct lexicon *lx, const char *folded, size_t len, char *out)
{
	const char *w[64];
	size_t wl[64], n = fold_words(folded, len, w, wl, 64), i;
	int d, m, y, a, b;

	for (i = 0; i < n; i++) {
		if (lexicon_month(lx, w[i], wl[i], &m)) {
			/* Month D, YYYY */
			if (i + 2 < n && day_number(w[i + 1], wl[i + 1], &d) && year_number(w[i + 2], wl[i + 2], &y)) {
				snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
				return 1;
			}
			/* D Month YYYY */
			if (i >= 1 && i + 1 < n && day_number(w[i - 1], wl[i - 1], &d) &&
			    year_number(w[i + 1], wl[i + 1], &y)) {
				snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
				return 1;
			}
			/* Month YYYY */
			if (i + 1 < n && year_number(w[i + 1], wl[i + 1], &y)) {
				snprintf(out, 11, "%04d-%02d", y, m);
				return 1;
			}
		}
		if (i + 2 < n && year_number(w[i], wl[i], &y) && number(w[i + 1], wl[i + 1], &m) && m >= 1 && m <= 12 &&
		    day_number(w[i + 2], wl[i + 2], &d)) {
			snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
			return 1;
		}
		/* Numeric M/D/YYYY or D/M/YYYY: the order US news uses unless the numbers say otherwise. */
		if (i + 2 < n && number(w[i], wl[i], &a) && number(w[i + 1], wl[i + 1], &b) && wl[i] <= 2 &&
		    wl[i + 1] <= 2 && year_number(w[i + 2], wl[i + 2], &y) && a >= 1 && b >= 1) {
			if (a <= 12 && b <= 31) {
				snprintf(out, 11, "%04d-%02d-%02d", y, a, b);
				return 1;
			}
			if (b <= 12 && a <= 31) {
				snprintf(out, 11, "%04d-%02d-%02d", y, b, a);
				return 1;
			}
		}
	}
	return 0;
}

/*
 * A line that is a date, as datelines and the dates under bylines are:
 * the words of the date (month, day, year, weekday, time, zone, "at",
 * "on") make three quarters of it ("Monday, November 18, 2019 10:37 AM
 * EST"); or a label says so ("Published", "Updated": hint); or it is a
 * dateline in capitals ("MINNEAPOLIS, JANUARY 28, 2026 — ...").  A
 * sentence that mentions a date ("Company went public in May 1986.",
 * "Year ended December 31, 1986") is none of these.
 */
static int
date_shaped(const struct lexicon *lx, const char *raw, size_t n, const char *folded, size_t len, int hint)
{
	const char *w[64];
	size_t wl[64], nw = fold_words(folded, len, w, wl, 64), i, datey = 0;
	int v;

	if (hint == CAT_DATES)
		return 1;
	for (i = 0; i < nw; i++)
		datey += lexicon_date_word(lx, w[i], wl[i]) || day_number(w[i], wl[i], &v) ||
			 year_number(w[i], wl[i], &v) || (number(w[i], wl[i], &v) && wl[i] <= 2);
	if (nw > 0 && datey * 4 >= nw * 3)
		return 1;
	/* All capitals: a dateline. */
	for (i = 0; i < n; i++)
		if (raw[i] >= 'a' && raw[i] <= 'z')
			return 0;
	return nw <= 12;
}

static void
mark(struct para *p, int category, const char *reason)
{
	p->remove = 1;
	p->meta = 1;
	p->category = category;
	p->reason = reason;
}

static int
name_particle(const char *w, size_t n)
{
	static const char *const particles[] = { "de", "da", "del", "della", "van", "von", "der", "den", "bin",
						  "al", "la", "le", "du", "dos", "di", "ter", "ten", NULL };
	size_t k;

	for (k = 0; particles[k]; k++)
		if (strlen(particles[k]) == n && memcmp(particles[k], w, n) == 0)
			return 1;
	return 0;
}

/* A name: 1 to 5 words, each capitalised (or a particle), no digits. */
static int
looks_like_name(const char *s, size_t n)
{
	size_t i = 0;
	int words = 0, start = 1;

	while (i < n) {
		size_t at = i, e;
		uint32_t cp = utf8_next(s, n, &i);
		if (cp == ' ') {
			start = 1;
			continue;
		}
		if (uc_is_digit(cp) || cp == '@' || cp == ':' || cp == '/')
			return 0;
		if (start) {
			start = 0;
			words++;
			if (!uc_is_upper(cp)) {
				e = at;
				while (e < n && s[e] != ' ')
					e++;
				if (!name_particle(s + at, e - at))
					return 0;
			}
		}
	}
	return words >= 1 && words <= 5;
}

static void
add_author(struct meta *m, const char *s, size_t n)
{
	size_t k;

	while (n > 0 && (s[0] == ' ' || s[0] == ':'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ':'))
		n--;
	if (n == 0 || !looks_like_name(s, n))
		return;
	for (k = 0; k < m->nauthors; k++)
		if (strlen(m->authors[k]) == n && memcmp(m->authors[k], s, n) == 0)
			return;
	m->authors = xreallocarray(m->authors, m->nauthors + 1, sizeof *m->authors);
	m->authors[m->nauthors++] = xstrndup(s, n);
}

/* Split "Jane Doe and John Roe, Reuters" into names. */
static void
parse_authors(struct meta *m, const char *s, size_t n)
{
	static const char *const seps[] = { " and ", " And ", " AND ", ", ", " & ", " | ", " - ", " \xe2\x80\x94 ",
					    " \xe2\x80\x93 ", " \xc2\xb7 ", " \xe2\x80\xa2 ", ";", NULL };
	size_t i = 0, from = 0;

	while (i < n) {
		size_t k, hit = 0;
		for (k = 0; seps[k]; k++) {
			size_t l = strlen(seps[k]);
			if (i + l <= n && memcmp(s + i, seps[k], l) == 0) {
				hit = l;
				break;
			}
		}
		if (hit) {
			add_author(m, s + from, i - from);
			i += hit;
			from = i;
		} else {
			i++;
		}
	}
	add_author(m, s + from, n - from);
}

/*
 * Where the byline's names start in the raw line, given that the folded
 * prefix pattern matched: skip as many words as the pattern has.
 */
static size_t
skip_words(const char *s, size_t n, const char *pattern)
{
	size_t words = 0, i, k;
	int in = 0;
	const char *p;

	for (p = pattern; *p; p++)
		if (*p != ' ' && (p == pattern || p[-1] == ' '))
			words++;
	for (i = 0, k = 0; i < n; i++) {
		int wc = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80 ||
			 (s[i] >= '0' && s[i] <= '9');
		if (wc && !in) {
			if (k == words)
				return i;
			k++;
		}
		in = wc;
	}
	return n;
}

/* "ByJolyen": "By" glued to a capitalised word. */
static int
glued_by(const char *s, size_t n)
{
	return n > 3 && s[0] == 'B' && s[1] == 'y' && s[2] >= 'A' && s[2] <= 'Z' && s[3] >= 'a' && s[3] <= 'z';
}

static int
same_folded(const char *a, size_t an, struct strbuf *fold, const char *text, const struct para *p)
{
	if (p->foldlen && p->foldlen != an) /* the folded lengths differ: no need to fold */
		return 0;
	fold_line(text + p->bstart, p->bend - p->bstart, fold);
	return fold->len == an && memcmp(fold->buf, a, an) == 0;
}

size_t
meta_find(const struct lexicon *lx, const char *text, struct paras *ps, const char *known_title, struct meta *m,
	  struct strbuf *fold)
{
	size_t head = ps->n, k, byline = (size_t)-1, date = (size_t)-1, anchor, first_title = (size_t)-1, last;
	char iso[16];
	char *title_fold = NULL;
	size_t title_len = 0;

	if (ps->n == 0)
		return (size_t)-1;
	/*
	 * The body starts at the first long line, or the first prose line kept
	 * by context, or the first sentence: a head is a few short lines.
	 */
	for (k = 0; k < ps->n; k++)
		if (ps->v[k].cls0 == PC_GOOD || (ps->v[k].cls == PC_GOOD && ps->v[k].term && ps->v[k].cls0 != PC_SHORT) ||
		    (ps->v[k].term && ps->v[k].words >= 8) || k >= HEAD_MAX) {
			head = k;
			break;
		}

	/*
	 * Byline and date in the head, or just after a standfirst that
	 * started the body too early.
	 */
	for (k = 0; k < head + HEAD_SLACK && k < ps->n; k++) {
		struct para *p = &ps->v[k];
		const char *s = text + p->bstart;
		size_t n = p->bend - p->bstart;
		if (p->words <= 14 && (p->hint == CAT_BYLINES || glued_by(s, n))) {
			size_t at = glued_by(s, n) ? 2 : skip_words(s, n, p->pattern);
			size_t before = m->nauthors;
			parse_authors(m, s + at, n - at);
			if (m->nauthors == before && at >= n && k + 1 < ps->n && ps->v[k + 1].words <= 8) {
				/* "By" alone: the names are on the next line. */
				struct para *q = &ps->v[k + 1];
				parse_authors(m, text + q->bstart, q->bend - q->bstart);
				if (m->nauthors > before)
					mark(q, CAT_BYLINES, "byline");
			}
			if (m->nauthors > before || at >= n) {
				mark(p, CAT_BYLINES, "byline");
				if (byline == (size_t)-1)
					byline = k;
			}
			continue;
		}
		if (p->words <= 14 && (k < head || (byline != (size_t)-1 && k <= byline + 2)) &&
		    (p->lexcat < 0 || p->lexcat == CAT_NAVIGATION)) {
			fold_line(s, n, fold);
			if (meta_parse_date(lx, fold->buf, fold->len, iso) &&
			    date_shaped(lx, s, n, fold->buf, fold->len, p->hint)) {
				date = k;
				free(m->published);
				m->published = xstrdup(iso);
				mark(p, CAT_DATES, "date line");
			}
		}
	}

	/* The headline: the record's, or the nearest headline-like line above the anchor. */
	if (known_title && *known_title) {
		fold_line(known_title, strlen(known_title), fold);
		title_fold = xstrndup(fold->buf, fold->len);
		title_len = fold->len;
	} else if (head < ps->n || byline != (size_t)-1 || date != (size_t)-1) {
		/* (A text with no body line, byline or date has nothing to place a headline by.) */
		anchor = byline != (size_t)-1 ? byline : head;
		if (byline == (size_t)-1 && date != (size_t)-1 && date + 1 < head && date + 4 >= head)
			anchor = head; /* a date above the headline (as in "Jan 27 / Headline / body") */
		for (k = anchor; k-- > 0 && anchor - k <= 6;) {
			struct para *p = &ps->v[k];
			if (p->meta || p->words < 2)
				continue;
			if (p->lexcat >= 0 || p->linklike || p->words > 30 || p->chars > 250 || p->cls0 == PC_GOOD)
				continue;
			if (p->term && text[p->bend - 1] == '.')
				continue; /* a standfirst or caption sentence */
			m->title = xstrndup(text + p->bstart, p->bend - p->bstart);
			mark(p, CAT_TITLES, "headline");
			first_title = k;
			fold_line(m->title, strlen(m->title), fold);
			title_fold = xstrndup(fold->buf, fold->len);
			title_len = fold->len;
			break;
		}
	}
	/* Lines repeating the headline, in the head or just after it. */
	if (title_fold) {
		for (k = 0; k < ps->n && k <= head + 1; k++)
			if (!ps->v[k].meta && same_folded(title_fold, title_len, fold, text, &ps->v[k])) {
				mark(&ps->v[k], CAT_TITLES, "headline repeated");
				if (first_title == (size_t)-1)
					first_title = k;
			}
	}
	free(title_fold);
	/*
	 * A date alone is a dateline only in a page's head, with a headline
	 * or a byline beside it, or a label ("Published"): the first line of
	 * a table ("March 31, 1986 end") or of a brief is not one.
	 */
	if (date != (size_t)-1 && byline == (size_t)-1 && first_title == (size_t)-1 && ps->v[date].hint != CAT_DATES) {
		for (k = 0; k < ps->n; k++)
			if (ps->v[k].meta && ps->v[k].category == CAT_DATES) {
				ps->v[k].remove = 0;
				ps->v[k].meta = 0;
				ps->v[k].category = -1;
				ps->v[k].reason = NULL;
			}
		free(m->published);
		m->published = NULL;
		date = (size_t)-1;
	}
	/*
	 * Between the headline and the byline or date: the standfirst, the
	 * author's title, links to the author's page.  Not body.
	 */
	{
		size_t end = byline;
		if (date != (size_t)-1 && (end == (size_t)-1 || date > end))
			end = date;
		size_t prose = 0;
		for (k = first_title + 1; first_title != (size_t)-1 && k < end && k < ps->n; k++)
			prose += ps->v[k].cls0 == PC_GOOD;
		if (first_title != (size_t)-1 && end != (size_t)-1 && end > first_title && end - first_title <= HEAD_SPAN &&
		    prose <= 1)
			for (k = first_title + 1; k < end; k++)
				if (!ps->v[k].remove) {
					ps->v[k].remove = 1;
					ps->v[k].category = CAT_TITLES;
					ps->v[k].reason = "between headline and byline";
					ps->v[k].lexcat = -1;
				}
	}
	/* Above the headline is the masthead: site name, tagline, sections, a photo caption. */
	for (k = 0; first_title != (size_t)-1 && k < first_title; k++) {
		struct para *p = &ps->v[k];
		if (!p->remove && p->cls0 != PC_GOOD && !(p->term && p->cls == PC_GOOD)) {
			p->remove = 1;
			p->category = p->lexcat >= 0 ? p->lexcat : CAT_NAVIGATION;
			p->reason = "above the headline";
			p->lexcat = -1;
		}
	}

	last = first_title;
	if (byline != (size_t)-1 && (last == (size_t)-1 || byline > last))
		last = byline;
	/* Author boxes: the author's name alone on a line after the head, and the bio after it. */
	for (k = 0; k < m->nauthors; k++) {
		size_t j;
		char *name;
		size_t nl;
		fold_line(m->authors[k], strlen(m->authors[k]), fold);
		name = xstrndup(fold->buf, fold->len);
		nl = fold->len;
		for (j = 0; j < ps->n; j++) {
			struct para *p = &ps->v[j];
			if (p->meta || p->words > 8 || !same_folded(name, nl, fold, text, p))
				continue;
			mark(p, CAT_BIOS, "author box");
			if (j > head && j + 1 < ps->n && ps->v[j + 1].chars < 700 && !ps->v[j + 1].meta)
				mark(&ps->v[j + 1], CAT_BIOS, "author bio");
		}
		free(name);
	}
	return last;
}

void
meta_release(struct meta *m)
{
	size_t k;

	free(m->title);
	for (k = 0; k < m->nauthors; k++)
		free(m->authors[k]);
	free(m->authors);
	free(m->published);
	memset(m, 0, sizeof *m);
}
