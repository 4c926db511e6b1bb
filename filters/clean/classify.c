/*
 * classify.c - body or boilerplate, line by line; see clean.h.
 *
 * The method is jusText's (Pomikálek, "Removing Boilerplate and Duplicate
 * Content from Web Corpora", 2011), adapted to text without markup:
 *
 *  1. Context-free class of each line: a lexicon hit (ad label, share
 *     prompt, cookie notice...) or link-like text is bad; a line shorter
 *     than length_low characters is short; otherwise its stop-word
 *     density decides: good (dense and long), near-good or bad.  Body
 *     prose is full of function words; menus, teasers and credits are not.
 *  2. Context: a short line takes the class of its neighbours (between
 *     two good ones it is body, e.g. a subheading; among chrome it is
 *     chrome); a near-good line is body unless both neighbours are bad;
 *     a heading-like line right before body text is body.  The page's
 *     start and end count as bad neighbours, which makes the head and
 *     tail of a page the zones where chrome is expected.
 *  3. Lexicon hits stay bad whatever their neighbours, so "Advertisement"
 *     between two paragraphs still goes.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "utf8.h"
#include "xalloc.h"

/* Lines of evident chrome that make a text a rendered page (see page_like()). */
#define PAGE_EVIDENCE 3

/* Bytes of a line that are measured (see measure()). */
#define MEASURE_MAX 8192

/* memmem() is a GNU extension; this is the portable few lines of it. */
static int
contains(const char *s, size_t n, const char *pat)
{
	size_t m = strlen(pat), i;

	for (i = 0; i + m <= n; i++)
		if (s[i] == pat[0] && memcmp(s + i, pat, m) == 0)
			return 1;
	return 0;
}

static void
paras_push(struct paras *ps, const struct para *p)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 64;
		ps->v = xreallocarray(ps->v, ps->cap, sizeof *ps->v);
	}
	ps->v[ps->n++] = *p;
}

static int
is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
	       cp == '*';
}

/*
 * A teaser card rendered to text: a Title Case headline glued to its
 * summary with no space ("Bull Elk Poached In Northern MichiganMichigan
 * officials said...", "On The Rise?Violence is...").  The glue is a
 * lower-case run of 3+ letters, a digit, ? or ! followed by a capital that
 * starts a word; what comes before must read as a headline (5+ words,
 * mostly capitalised), so "YouTube" or "PlayStation" inside prose and
 * "Name (@handle)" tweet signatures do not count.
 */
static int
teaser_glue(const char *s, size_t n, size_t from)
{
	size_t i, k, m = n < 200 ? n : 200;

	for (i = from; i + 1 < m; i++) {
		unsigned char c = (unsigned char)s[i], prev = (unsigned char)s[i - 1];
		size_t j, words = 0, caps = 0, lower = 0;
		int in_word = 0, starts_word;
		/* Cheap test first: a capital right after a letter, digit, ? or !. */
		if (!(c >= 'A' && c <= 'Z'))
			continue;
		if (!((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') || prev == '?' || prev == '!'))
			continue;
		j = i + 1;
		starts_word = (s[j] >= 'a' && s[j] <= 'z') || (c == 'A' && s[j] == ' ');
		if (!starts_word)
			continue;
		for (k = i; k > 0 && s[k - 1] >= 'a' && s[k - 1] <= 'z'; k--)
			lower++;
		if (prev >= 'a' && prev <= 'z' && lower < 3)
			continue;
		/* What comes before must read as a headline. */
		for (k = 0; k < i; k++) {
			unsigned char d = (unsigned char)s[k];
			int wc = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d >= 0x80 || (d >= '0' && d <= '9') ||
				 d == '\'';
			if (wc && !in_word) {
				words++;
				caps += (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9');
			}
			in_word = wc;
		}
		if (words >= 5 && caps * 10 >= words * 7)
			return 1;
	}
	return 0;
}

/*
 * Count words, stop words, capitalised words; note terminal punctuation
 * and link-like text.  Returns how many bytes of the line were measured.
 */
static size_t
measure(const struct lexicon *lx, const char *s, size_t n, struct para *p, struct strbuf *fold, struct fwords *w,
	size_t *starts)
{
	size_t e = n;
	uint32_t lastnc = 0;

	size_t m = n;

	p->chars = p->words = p->stops = p->capwords = p->digits = 0;
	/*
	 * One pass lists the line's words with their hashes (the folded line
	 * itself is written only when a pattern may match).  A very long line is measured on its first MEASURE_MAX bytes (cut at a
	 * character boundary) and the counts scaled: its class does not
	 * depend on the rest, and memory stays bounded.
	 */
	if (m > MEASURE_MAX) {
		m = MEASURE_MAX;
		while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
			m--;
	}
	scan_line_words(lx, s, m, w);
	*starts = w->starts;
	p->words = (int)w->words;
	p->capwords = (int)w->capwords;
	p->digits = (int)w->digits;
	p->stops = (int)w->stops;
	if (m < n) {
		double scale = (double)n / (double)m;
		size_t i, cps = 0;
		for (i = 0; i < n; i++)
			cps += ((unsigned char)s[i] & 0xC0) != 0x80;
		p->chars = cps > INT_MAX ? INT_MAX : (int)cps;
		p->words = (int)(p->words * scale);
		p->stops = (int)(p->stops * scale);
		p->capwords = (int)(p->capwords * scale);
		p->digits = (int)(p->digits * scale);
	} else {
		p->chars = (int)w->chars;
		/* fold_line() writes a space, then each word and a space. */
		p->foldlen = w->n ? w->v[w->n - 1].start + w->v[w->n - 1].len + 1 : 1;
	}
	/* The last character that is not a closing quote or bracket. */
	while (e > 0) {
		size_t at = e;
		uint32_t cp = utf8_prev(s, &at);
		e = at;
		if (!is_closer(cp)) {
			lastnc = cp;
			break;
		}
	}
	p->term = lastnc == '.' || lastnc == '!' || lastnc == '?' || lastnc == 0x2026 || lastnc == ':' || lastnc == ';';
	p->linklike = 0;
	if (p->words <= 40) {
		/* URLs, and menus joined by | » › */
		if (lexicon_url_word(lx, w) && (memchr(s, ':', n) || memchr(s, 'w', n))) {
			fold_line(s, m, fold);
			if (strstr(fold->buf, " http ") || strstr(fold->buf, " https ") || strstr(fold->buf, " www "))
				p->linklike = 1;
		}
		/* The scan saw every separator of a line measured whole; else look. */
		if (m == n ? ((w->marks & 1) && contains(s, n, " | ")) || (w->marks & 6)
			   : (memchr(s, '|', n) && contains(s, n, " | ")) ||
				     (memchr(s, 0xBB, n) && contains(s, n, "\xc2\xbb")) ||
				     (memchr(s, 0xBA, n) && contains(s, n, "\xe2\x80\xba")))
			p->linklike = 1;
	}
	if (!p->linklike && p->words >= 6 && w->glue < n && teaser_glue(s, n, w->glue))
		p->linklike = 2;
	p->heading = !p->term && p->words > 0 && p->words <= 20 && p->capwords > 0;
	return m;
}

/* A contact: "@handle" or "name@example.com". */
static int
has_handle(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);

	while (at && at + 1 < s + n) {
		unsigned char c = (unsigned char)at[1];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
			return 1;
		at = memchr(at + 1, '@', (size_t)(s + n - at - 1));
	}
	return 0;
}

/*
 * A sentence of the news that happens to hold a lexicon phrase ("The
 * newsletter said...", "Credit Suisse will lead the issue.", "public
 * comments on the proposal"), not a prompt to the reader.  Chrome that is
 * a sentence speaks to the reader ("Sign up for our newsletter.", "We use
 * cookies", a @handle to follow) or is mostly the phrase itself ("All
 * rights reserved."); news sentences talk about the world.
 */
static int
news_sentence(const struct lexicon *lx, const char *s, size_t n, const struct para *p, const struct strbuf *fold,
	      const struct fwords *w)
{
	int strong, covered;

	if (!p->term || p->words < 4)
		return 0;
	covered = lexicon_coverage(lx, fold->buf, fold->len, w, p->words, &strong);
	return !strong && covered * 2 < p->words && !lexicon_addresses(lx, w, fold->buf) && !has_handle(s, n);
}

static enum para_class
neighbour(const struct paras *ps, size_t i, int inc, int ignore_neargood)
{
	size_t j = i;

	for (;;) {
		enum para_class c;
		if (inc < 0) {
			if (j == 0)
				return PC_BAD;
			j--;
		} else {
			if (j + 1 >= ps->n)
				return PC_BAD;
			j++;
		}
		c = ps->v[j].cls;
		if (c == PC_GOOD || c == PC_BAD)
			return c;
		if (c == PC_NEARGOOD && !ignore_neargood)
			return c;
	}
}

/* A heading-like short line followed by good text within max_distance characters. */
static int
heading_before_good(const struct paras *ps, size_t i, int max_distance)
{
	size_t j;
	int dist = 0;

	for (j = i + 1; j < ps->n && dist <= max_distance; j++) {
		if (ps->v[j].cls == PC_GOOD)
			return 1;
		dist += ps->v[j].chars;
	}
	return 0;
}

/* Lines in a gap that close an article: comments, related links, bios, share bars. */
static int
closing_category(int c)
{
	return c == CAT_COMMENTS || c == CAT_RELATED || c == CAT_BIOS || c == CAT_SOCIAL || c == CAT_COPYRIGHT ||
	       c == CAT_SUBSCRIBE;
}

/*
 * Evidence that a line is chrome by itself: a lexicon pattern, link-like
 * text (URLs, menus joined by | or »).  Lines with no words are
 * separators, not evidence; nor is a capital glued to a word (a teaser's
 * headline run into its summary, but also "PaineWebber"), which counts
 * only on a page.  A line's length, its stop
 * words or its neighbours are not evidence: short lead sentences and
 * tables of figures are news.
 */
static bool
evident_chrome(const struct para *p)
{
	return (p->lexcat >= 0 && p->words > 0) || p->linklike == 1;
}

/*
 * A text that shows it is a web page rendered to lines: several lines of
 * evident chrome.  Clean copy (wire stories, a corpus) has none, and
 * there a line is removed only on its own evidence; on a page, jusText's
 * context rules (a short line among boilerplate is boilerplate) apply.
 */
static bool
page_like(const struct paras *ps)
{
	size_t k, n = 0;

	for (k = 0; k < ps->n && n < PAGE_EVIDENCE; k++)
		n += evident_chrome(&ps->v[k]);
	return n >= PAGE_EVIDENCE;
}

/*
 * The article is one block of body text; comments, teasers and other
 * stories come after it (or before it) as blocks of their own, often as
 * wordy as the article.  Blocks are runs of good lines with gaps of at
 * most max_gap other lines; the main block is the first whose text is at
 * least half the largest's.  Blocks joined to it by a gap without a
 * closing prompt (comments, related, share...) belong to it too, and a
 * long gap parts blocks only when it holds evident chrome; the good lines
 * of every other block are dropped.
 */
/* Lines between a and b (exclusive) that are not body. */
static size_t
bad_between(const struct paras *ps, size_t a, size_t b)
{
	size_t k, n = 0;

	for (k = a + 1; k < b; k++)
		n += ps->v[k].cls != PC_GOOD;
	return n;
}

void
classify_main_block(struct paras *ps, const struct classify_params *cp)
{
	size_t k, b0 = 0, nb = 0, cap = 0, best = 0, i;
	struct block { size_t first, last; long chars; } *bl = NULL;
	long maxc = 0;
	bool strict = !page_like(ps);

	/* Blocks are made of text lines; short lines kept by context only fill gaps. */
	for (k = 0; k < ps->n; k++) {
		if (ps->v[k].cls != PC_GOOD || ps->v[k].cls0 == PC_SHORT)
			continue;
		if (nb > 0 && bad_between(ps, bl[nb - 1].last, k) <= (size_t)cp->max_gap) {
			bl[nb - 1].last = k;
			bl[nb - 1].chars += ps->v[k].chars;
			continue;
		}
		if (nb == cap) {
			cap = cap ? 2 * cap : 16;
			bl = xreallocarray(bl, cap, sizeof *bl);
		}
		bl[nb].first = bl[nb].last = k;
		bl[nb].chars = ps->v[k].chars;
		nb++;
	}
	if (nb == 0) {
		free(bl);
		return;
	}
	/* Blocks after a comment section's heading are comments, whatever their size. */
	for (i = 0, k = 0; i < nb; i++) {
		for (; k < bl[i].first; k++)
			if (ps->v[k].lexcat == CAT_COMMENTS)
				b0 = 1;
		if (b0)
			bl[i].chars /= 4;
	}
	for (i = 0; i < nb; i++)
		if (bl[i].chars > maxc)
			maxc = bl[i].chars;
	for (i = 0; i < nb; i++)
		if (bl[i].chars * 100 >= maxc * cp->main_ratio) {
			best = i;
			break;
		}
	/* Grow the main block over gaps that do not close the article. */
	{
		size_t lo = best, hi = best;
		while (hi + 1 < nb) {
			size_t g, gap = bl[hi + 1].first - bl[hi].last - 1;
			int closing = 0, evident = 0;
			for (g = bl[hi].last + 1; g < bl[hi + 1].first; g++) {
				closing |= (ps->v[g].lexcat >= 0 && closing_category(ps->v[g].lexcat));
				evident |= evident_chrome(&ps->v[g]);
			}
			if (closing || (gap > (size_t)cp->join_gap && (evident || !strict)))
				break;
			hi++;
		}
		while (lo > 0) {
			size_t g, gap = bl[lo].first - bl[lo - 1].last - 1;
			int closing = 0, evident = 0;
			for (g = bl[lo - 1].last + 1; g < bl[lo].first; g++) {
				closing |= (ps->v[g].lexcat >= 0 && closing_category(ps->v[g].lexcat));
				evident |= evident_chrome(&ps->v[g]);
			}
			if (closing || (gap > (size_t)cp->join_gap && (evident || !strict)))
				break;
			lo--;
		}
		/*
		 * Everything outside the span (and the good lines touching it)
		 * goes; in a text that is not evidently a page, the span reaches
		 * to the nearest evident chrome.
		 */
		size_t a = bl[lo].first, b = bl[hi].last;
		while (a > 0 && (ps->v[a - 1].cls == PC_GOOD || (strict && !evident_chrome(&ps->v[a - 1]))))
			a--;
		while (b + 1 < ps->n && (ps->v[b + 1].cls == PC_GOOD || (strict && !evident_chrome(&ps->v[b + 1]))))
			b++;
		for (k = 0; k < ps->n; k++) {
			if (k >= a && k <= b)
				continue;
			if (ps->v[k].cls == PC_GOOD) {
				ps->v[k].cls = PC_BAD;
				ps->v[k].outside = 1;
			}
		}
	}
	free(bl);
}

/* jusText's context-free class of one line. */
static enum para_class
initial_class(const struct para *p, const struct classify_params *cp, int length_high)
{
	double d;

	if (p->lexcat >= 0 || p->linklike)
		return PC_BAD;
	if (p->chars < cp->length_low)
		return PC_SHORT;
	if (cp->stop_high <= 0)
		return p->chars > length_high ? PC_GOOD : PC_NEARGOOD;
	d = (double)p->stops / (double)p->words;
	if (d >= cp->stop_high)
		return p->chars > length_high ? PC_GOOD : PC_NEARGOOD;
	if (d >= cp->stop_low)
		return PC_NEARGOOD;
	return PC_BAD;
}

int
classify(const struct lexicon *lx, const struct classify_params *cp, const char *text, size_t len,
	 struct paras *ps, struct strbuf *fold, struct fwords *words)
{
	size_t i = 0, line = 1, k;
	enum para_class *next;
	int normal = 1;

	/* Lines and their context-free class. */
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		if (e > i) {
			struct para p;
			memset(&p, 0, sizeof p);
			p.bstart = i;
			p.bend = e;
			p.line = line;
			p.lexcat = -1;
			p.category = -1;
			size_t starts, m = measure(lx, text + i, e - i, &p, fold, words, &starts);
			normal &= !words->abnormal && m == e - i;
			/* Lines with no letters or digits at all are separators. */
			if (p.words == 0) {
				p.lexcat = CAT_NAVIGATION;
				p.pattern = "no words";
			} else if (p.words <= 120 && starts > 0 && lexicon_may_match(lx, words, p.words)) {
				fold_line(text + i, m, fold);
				p.lexcat = lexicon_match_words(lx, fold->buf, fold->len, words, p.words, &p.pattern);
				if (p.lexcat >= 0 && p.lexcat != CAT_BYLINES && p.lexcat != CAT_DATES &&
				    news_sentence(lx, text + i, m, &p, fold, words))
					p.lexcat = -1;
			}
			/* Byline and date prefixes are hints for meta.c, not boilerplate by themselves. */
			p.hint = -1;
			if (p.lexcat == CAT_BYLINES || p.lexcat == CAT_DATES) {
				p.hint = p.lexcat;
				p.lexcat = -1;
			}
			paras_push(ps, &p);
		}
		line++;
		i = e + 1;
	}
	if (ps->n == 0)
		return normal;
	/*
	 * Pages whose paragraphs are all short (one or two sentences each, as
	 * tabloids and wire briefs write) have no line longer than
	 * length_high; for them a shorter "long" keeps the body.
	 */
	/*
	 * A page with almost no stop words of the lexicon's language is in
	 * another language: judge it by length alone (jusText does the same
	 * without a stop list) rather than call all of it boilerplate.
	 */
	{
		struct classify_params local = *cp;
		long nwords = 0, nstops = 0;
		int ngood = 0;
		for (k = 0; k < ps->n; k++) {
			nwords += ps->v[k].words;
			nstops += ps->v[k].stops;
		}
		if (nwords >= 50 && nstops * 100 < nwords * 3)
			local.stop_low = local.stop_high = 0;
		for (k = 0; k < ps->n; k++)
			ngood += initial_class(&ps->v[k], &local, local.length_high) == PC_GOOD;
		if (ngood < 2)
			local.length_high = cp->length_high_short;
		for (k = 0; k < ps->n; k++)
			ps->v[k].cls = ps->v[k].cls0 = initial_class(&ps->v[k], &local, local.length_high);
	}

	/* Short headings right before good text are near-good. */
	for (k = 0; k < ps->n; k++)
		if (ps->v[k].heading && ps->v[k].cls == PC_SHORT && heading_before_good(ps, k, cp->max_heading_distance))
			ps->v[k].cls = PC_NEARGOOD;

	/* Short lines take their class from their neighbours. */
	next = xcalloc(ps->n, sizeof *next);
	for (k = 0; k < ps->n; k++) {
		enum para_class pv, nx;
		next[k] = ps->v[k].cls;
		if (ps->v[k].cls != PC_SHORT)
			continue;
		pv = neighbour(ps, k, -1, 1);
		nx = neighbour(ps, k, 1, 1);
		if (pv == PC_GOOD && nx == PC_GOOD)
			next[k] = PC_GOOD;
		else if (pv == PC_BAD && nx == PC_BAD)
			next[k] = PC_BAD;
		else if ((pv == PC_BAD && neighbour(ps, k, -1, 0) == PC_NEARGOOD) ||
			 (nx == PC_BAD && neighbour(ps, k, 1, 0) == PC_NEARGOOD))
			next[k] = PC_GOOD;
		else
			next[k] = PC_BAD;
	}
	for (k = 0; k < ps->n; k++)
		ps->v[k].cls = next[k];
	free(next);

	/*
	 * A run of near-good lines (three or more, short lines between them
	 * allowed) is prose written in short paragraphs: body.
	 */
	for (k = 0; k < ps->n;) {
		size_t j = k, cnt = 0;
		long chars = 0;
		while (j < ps->n && (ps->v[j].cls == PC_NEARGOOD || ps->v[j].cls == PC_GOOD || ps->v[j].cls == PC_SHORT)) {
			if (ps->v[j].cls != PC_SHORT) {
				cnt++;
				chars += ps->v[j].chars;
			}
			j++;
		}
		if (cnt >= 3 && chars >= 300)
			for (; k < j; k++)
				if (ps->v[k].cls == PC_NEARGOOD)
					ps->v[k].cls = PC_GOOD;
		k = j > k ? j : k + 1;
	}

	/* Near-good lines are body unless both neighbours are bad. */
	for (k = 0; k < ps->n; k++) {
		if (ps->v[k].cls != PC_NEARGOOD)
			continue;
		if (neighbour(ps, k, -1, 1) == PC_BAD && neighbour(ps, k, 1, 1) == PC_BAD)
			ps->v[k].cls = PC_BAD;
		else
			ps->v[k].cls = PC_GOOD;
	}

	/* Headings that lost to bad neighbours but lead into body text. */
	for (k = 0; k < ps->n; k++) {
		struct para *p = &ps->v[k];
		if (p->heading && p->cls == PC_BAD && p->cls0 != PC_BAD &&
		    heading_before_good(ps, k, cp->max_heading_distance))
			p->cls = PC_GOOD;
	}

	return normal;
}

/*
 * Whether a line has positive evidence of being boilerplate: a lexicon
 * pattern, link-like text, no words, or a place outside the main block.
 * (Classes from length and stop words are evidence only by contrast
 * with body text elsewhere on the page.)
 */
static bool
evident_boilerplate(const struct para *p, bool page)
{
	return p->lexcat >= 0 || p->linklike == 1 || (page && p->linklike) || p->outside || p->words == 0;
}

/* A line shaped like a sentence (a few words, final punctuation) or a row of figures. */
static bool
sentence_or_row(const struct para *p)
{
	return (p->term && p->words >= 4) || (p->digits > 0 && p->words >= 3);
}

/* Mark a line that is not body removed, with the category and rule that tell why. */
static void
remove_line(struct para *p)
{
	p->remove = 1;
	if (p->outside) {
		p->category = p->lexcat >= 0 ? p->lexcat : CAT_RELATED;
		p->reason = "outside the article's main block";
		p->lexcat = -1;
	} else if (p->lexcat >= 0) {
		p->category = p->lexcat;
		p->reason = p->pattern;
	} else if (p->linklike == 2) {
		p->category = CAT_RELATED;
		p->reason = "teaser: headline glued to its summary";
	} else if (p->linklike) {
		p->category = CAT_NAVIGATION;
		p->reason = "link-like text";
	} else if (p->cls0 == PC_SHORT) {
		p->category = CAT_NAVIGATION;
		p->reason = "short line among boilerplate";
	} else {
		p->category = CAT_LOWCONTENT;
		p->reason = p->cls0 == PC_BAD ? "few stop words, among boilerplate" : "near-good line among boilerplate";
	}
}

/*
 * Lines that are not body by jusText's measures are removed only with
 * evidence: their own (a lexicon pattern, link-like text, a place outside
 * the main block), or, for labels and names that are not sentences or
 * rows of figures, evident chrome or page-head metadata in the same run of
 * non-body lines ("Share this" / "Facebook" / "Twitter").  Every other
 * line is kept: a short lead sentence, a table, a subheading in clean copy.
 */
static void
keep_without_evidence(struct paras *ps)
{
	size_t a = 0, b, k;

	while (a < ps->n) {
		int evident = 0;
		if (ps->v[a].cls == PC_GOOD && !ps->v[a].remove) {
			a++;
			continue;
		}
		for (b = a; b < ps->n && !(ps->v[b].cls == PC_GOOD && !ps->v[b].remove); b++)
			evident |= evident_chrome(&ps->v[b]) || ps->v[b].outside || ps->v[b].meta;
		for (k = a; k < b; k++) {
			struct para *p = &ps->v[k];
			if (p->remove || evident_chrome(p) || p->outside || p->words == 0)
				continue;
			if (!evident || sentence_or_row(p))
				p->cls = PC_GOOD;
		}
		a = b;
	}
}

/*
 * A line with no words (a rule, "* * *", a lone "|") goes with its
 * neighbours: kept between two kept lines (a break in the body or a
 * table), removed beside chrome or at an end.
 */
static void
separators(struct paras *ps)
{
	size_t k;

	for (k = 0; k < ps->n; k++) {
		struct para *p = &ps->v[k];
		if (p->words > 0 || p->remove)
			continue;
		if (k == 0 || k + 1 == ps->n || ps->v[k - 1].remove || ps->v[k + 1].remove) {
			p->remove = 1;
			p->category = CAT_NAVIGATION;
			p->reason = "no words";
		}
	}
}

/*
 * A profile box after the article: a name alone on a line, then a line
 * that starts with the name ("POCIT" / "POCIT is the world's leading
 * platform..."), where the article's last body line is behind.
 */
static void
profile_boxes(struct paras *ps, const char *text)
{
	size_t k, last = ps->n;

	for (k = ps->n; k-- > 0;)
		if (!ps->v[k].remove && ps->v[k].cls0 == PC_GOOD) {
			last = k;
			break;
		}
	if (last == ps->n)
		return;
	for (k = last + 1; k + 1 < ps->n; k++) {
		struct para *p = &ps->v[k], *q = &ps->v[k + 1];
		size_t n = p->bend - p->bstart;
		if (p->words < 1 || p->words > 4 || p->term || !p->capwords || q->words < 5 || q->bend - q->bstart <= n + 1)
			continue;
		if (memcmp(text + p->bstart, text + q->bstart, n) != 0 || text[q->bstart + n] != ' ')
			continue;
		p->remove = q->remove = 1;
		p->category = q->category = CAT_BIOS;
		p->reason = "profile box: name";
		q->reason = "profile box: text";
	}
}

void
classify_finish(struct paras *ps, const char *text)
{
	size_t k;
	bool any = false;

	/*
	 * A text with no body line by length and stop words is either a short
	 * item (a wire brief, an earnings table) or a page without an article
	 * (a menu, a list of teasers, a cookie wall).  With no body to
	 * contrast its lines with, judge them by their shape, which holds in
	 * any language: sentences of a few words and rows of figures are
	 * body, and so is a heading of two words or more right above such a
	 * sentence; single words and headline-like lines are not.  When most lines have that
	 * shape the text is an item, and its other lines (a table's "Year",
	 * "Nine mths") are part of it too.
	 */
	for (k = 0; k < ps->n && !any; k++)
		any = ps->v[k].cls == PC_GOOD && !ps->v[k].remove;
	if (!any) {
		size_t candidates = 0, shaped = 0;
		bool page = page_like(ps);
		for (k = 0; k < ps->n; k++)
			if (!ps->v[k].remove && !evident_boilerplate(&ps->v[k], page)) {
				candidates++;
				shaped += sentence_or_row(&ps->v[k]);
			}
		/* Outside a page, only menu words (one or two a line, no sentence
		 * mark) can be a menu, and a text of one line is what it is. */
		for (k = 0; k < ps->n; k++)
			if (!ps->v[k].remove && !evident_boilerplate(&ps->v[k], page) &&
			    (shaped * 2 >= candidates || sentence_or_row(&ps->v[k]) ||
			     (!page && (ps->v[k].words >= 3 || ps->v[k].term || candidates == 1))))
				ps->v[k].cls = PC_GOOD;
		for (k = 0; k + 1 < ps->n; k++) {
			struct para *p = &ps->v[k], *q = &ps->v[k + 1];
			if (!p->remove && !evident_boilerplate(p, page) && p->cls != PC_GOOD && p->heading && p->words >= 2 &&
			    q->cls == PC_GOOD && q->term)
				p->cls = PC_GOOD;
		}
	}
	if (!page_like(ps)) {
		if (any)
			keep_without_evidence(ps);
		for (k = 0; k < ps->n; k++)
			if (ps->v[k].cls != PC_GOOD && !ps->v[k].remove && ps->v[k].words > 0)
				remove_line(&ps->v[k]);
		separators(ps);
	} else {
		for (k = 0; k < ps->n; k++)
			if (ps->v[k].cls != PC_GOOD && !ps->v[k].remove)
				remove_line(&ps->v[k]);
	}
	profile_boxes(ps, text);
}

void
classify_finish_evident(struct paras *ps)
{
	size_t k;

	for (k = 0; k < ps->n; k++) {
		struct para *p = &ps->v[k];
		if (p->remove)
			continue;
		if (p->lexcat >= 0) {
			p->remove = 1;
			p->category = p->lexcat;
			p->reason = p->pattern;
		}
	}
}
