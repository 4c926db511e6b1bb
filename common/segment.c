/*
 * segment.c - paragraph and sentence segmentation; see segment.h.
 *
 * One pass over the UTF-8 bytes, no allocation but the output spans.
 * Code-point offsets come from a cursor that counts lead bytes as the
 * (ascending) spans are emitted.
 *
 * Paragraphs.  When the text has a blank line, blank lines separate
 * paragraphs and a single newline inside one ends no paragraph; it ends a
 * sentence after a line without final punctuation (a heading, a caption,
 * a credit) unless that line visibly runs on: the next line goes on in
 * lower case or with continuing punctuation, the line ends with a comma,
 * hyphen or colon, or the paragraph is hard-wrapped at a right margin and
 * the next word would not have fitted on the line.  Without
 * blank lines every line is a paragraph (news one-per-line form), unless
 * the line is clearly hard-wrapped: it lacks final punctuation and the
 * next line starts in lower case (and the line has three words or more:
 * one- or two-word lines are menu or list items) or with continuing
 * punctuation, or the line ends with a comma or hyphen, or ends in a
 * lower-case word and the next opens a bracket or starts with a digit;
 * never when the next line starts with an enumerator ("1. Name").
 * The text is first read as one-per-line; the first blank line restarts
 * it in blank-line mode, so one-per-line text is scanned once.
 *
 * Sentences end at a terminal mark (. ! ? the ellipsis and their runs,
 * plus the CJK and full-width marks, which need no space after them),
 * together with closing quotes, brackets and citation marks ("[12]")
 * after it, when a space follows and the next word can start a sentence:
 * a capital, a digit, a currency sign, a list marker, an opening quote
 * or bracket before one of those.  A full stop ends none:
 *   - inside a number, URL, email or file name (no space after it);
 *   - after a single letter (initials "John F. Kennedy", "p. 154");
 *   - after a title or other prefix abbreviation (Mr., Gen., St.), or a
 *     number prefix before a digit (No. 5, Rs. 500, pp. 4);
 *   - after an abbreviation that closes a phrase (Inc., Ltd., pct., etc.)
 *     before a word that goes on with the name ("Co. Ltd.", "Inc.
 *     Chairman"), a number or a bracket; before other capitalised words
 *     it ends one ("rose 25 pct. Analysts ..."); so, but before a date,
 *     after a state that follows its town ("Louisville, Ky. United ...")
 *     and after "and Co." / "& Co.";
 *   - after other abbreviations (Co., Jan., U.S.) unless there is evidence
 *     of a new sentence: a word that only begins sentences ("... the U.S.
 *     The ..."), an opening quotation mark before a capital, a line break
 *     that is no hard wrap; after a.m./p.m. any capitalised word other
 *     than a time zone, a day, a place's time ("Moscow time") or a bracket;
 *   - after e.g. and i.e.;
 *   - after a list number or letter at the start of a sentence ("1.");
 *   - inside a spaced ellipsis ". . ." (a fourth stop ends the sentence);
 *   - after a day written as an ordinal before a German month's name
 *     ("am 3. Oktober").
 * A stop that closes a bracket is weighed as one outside it ("(U.S.) 6-3"
 * goes on).  In text in capitals (the words on both sides: datelines,
 * headlines) abbreviations are known by their letters ("ST. LOUIS", "25
 * PCT. THE"); in mixed case a word in capitals is an acronym ("the FT.
 * But").  A line break before an enumerator ("1.", "a)") ends the
 * sentence, even after a colon, unless the line is a full one of a
 * hard-wrapped paragraph; so does a first enumerator after a colon in a
 * line ("Results: 1. Smith 10.5 2. Jones").
 * "you and I." ends one (the pronoun is no initial), so does a stop after
 * a unit letter (98.6°F.); a time opening the sentence ("At 5 a.m. Mr.
 * Smith left") does not.  Lower-case names with an inner capital
 * (iPhone, eBay) may begin a sentence; "Yahoo!" and the like end none.
 * Brackets that close in the same paragraph are kept whole.  A quotation
 * that closes in the paragraph is read inside: a full stop in it ends a
 * sentence as outside ('"It is late. We go," he said.' is two), while its
 * question and exclamation marks, ellipses and inner brackets end none
 * ("Oh dear! Oh dear! I shall be late!" is one turn of speech).  When the
 * quotation itself ends with a mark ('"Why?" he asked.', or French
 * '« Oui. »' with spaces inside the guillemets), the sentence
 * ends after the closing quote only if the next word starts a sentence
 * and, after ? or !, is not an attribution ('"Why?" Obama asked.').  A
 * straight double quote that reads as an opener (after a space, before a
 * word) closes no quotation: news runs a quote on over paragraphs.  A
 * sentence glued to the last with no space ("world.Today", "it.Credit",
 * "ready?Yes") starts after the mark when a lower-case word of two
 * letters or more (or a number) meets a capitalised word, neither part of
 * an address, file name or abbreviation.  Footnote
 * numbers after a full stop ("consultation.11 12 The") stay with the
 * sentence.  Runs of list markers in sequence ("a) ... b) ... c)",
 * "• 9. ... • 10.") start a sentence each.  Straight double quotes open
 * only after a space, opener or dash (not inch marks, not the close of a
 * quotation begun in an earlier paragraph); single quotes only before a
 * letter ('90s is no quotation).  Searches for closing marks are bounded
 * (remembered failures, a 4 KB window for brackets) so that unbalanced
 * text stays linear.
 */
#include "segment.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "abbrev.h"
#include "utf8.h"

typedef unsigned char uchar;

/* A code-point cursor: cp is the code-point index of byte b. */
struct cursor {
	size_t b, cp;
};

struct seg {
	const uchar *s;
	size_t len;
	int blank_mode;      /* the text separates paragraphs by blank lines (-1: not known yet) */
	struct cursor cur;   /* for emitted spans (ascending) */
	struct spans *sents; /* NULL: paragraphs only */
	/* The last list marker of the current paragraph ("a", "iv", "3"). */
	char mk[4];
	size_t mk_len;
	int mk_form; /* '.' or ')' */
	/* Per kind of quotation mark: no closing mark after this byte (paragraph). */
	size_t fail_from[7], fail_to[7]; /* no closer of the kind in [fail_from, fail_to) */
	size_t last_close[3]; /* one past the paragraph's last ) ] }, computed when needed */
	/* The paragraph being split into sentences, and its wrap width (see wrapped_line()). */
	size_t pb, pe, wrap_width;
	/* Cached positions of CR, U+2028, U+2029 and NEL: the next at or after nl_from. */
	size_t nl_from[4], nl_at[4];
};

/* Brackets must close within this many bytes to protect what they hold. */
#define CLOSE_WINDOW 4096

/* Bytes the sentence scanner must look at; everything else is skipped. */
static const uchar interesting[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1, ['('] = 1, [')'] = 1,
	['['] = 1, ['{'] = 1, ['\n'] = 1, ['\r'] = 1, [0xc2] = 1, [0xe2] = 1, [0xe3] = 1, [0xef] = 1,
};

#define HIGHS 0x8080808080808080ULL

static size_t
cp_of(struct cursor *c, const uchar *s, size_t b)
{
	size_t i = c->b, n = c->cp;
	uint64_t v;

	/* Eight bytes at a time; all-ASCII words are eight code points. */
	while (i + 8 <= b) {
		memcpy(&v, s + i, 8);
		if (v & HIGHS) {
			size_t k;
			for (k = 0; k < 8; k++)
				n += (s[i + k] & 0xc0) != 0x80;
		} else {
			n += 8;
		}
		i += 8;
	}
	for (; i < b; i++)
		n += (s[i] & 0xc0) != 0x80;
	c->b = b;
	c->cp = n;
	return n;
}

static size_t
byte_of(struct cursor *c, const uchar *s, size_t len, size_t cp)
{
	size_t i = c->b, n = c->cp;
	uint64_t v;

	while (n < cp && i < len) {
		if (n + 8 <= cp && i + 8 <= len) {
			memcpy(&v, s + i, 8);
			if (!(v & HIGHS)) { /* eight ASCII code points */
				i += 8;
				n += 8;
				continue;
			}
		}
		i++;
		while (i < len && (s[i] & 0xc0) == 0x80)
			i++;
		n++;
	}
	c->b = i;
	c->cp = n;
	return i;
}

/* The code point at byte i (< lim), and the byte after it; 0 at lim. */
static uint32_t
dec(const struct seg *g, size_t i, size_t lim, size_t *next)
{
	size_t k = i;

	if (i >= lim) {
		*next = i;
		return 0;
	}
	if (g->s[i] < 0x80) {
		*next = i + 1;
		return g->s[i];
	}
	{
		uint32_t c = utf8_next((const char *)g->s, lim, &k);
		*next = k;
		return c;
	}
}

/* The code point ending at byte i (> lo), and its first byte; 0 at lo. */
static uint32_t
dec_prev(const struct seg *g, size_t lo, size_t i, size_t *start)
{
	size_t k, t;

	if (i <= lo) {
		*start = i;
		return 0;
	}
	k = i - 1;
	if (g->s[k] < 0x80) {
		*start = k;
		return g->s[k];
	}
	while (k > lo && (g->s[k] & 0xc0) == 0x80)
		k--;
	t = k;
	*start = k;
	return utf8_next((const char *)g->s, i, &t);
}

static int
is_blank(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return c == 0x200b || c == 0xfeff || uc_is_space(c);
}

static int
is_terminal(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203c || c == 0x2047 ||
	       c == 0x2048 || c == 0x2049 || c == 0x3002 || c == 0xff0e || c == 0xff01 || c == 0xff1f;
}

/* Terminals of scripts written without spaces: they end a sentence with no space after. */
static int
is_wide_terminal(uint32_t c)
{
	return c == 0x3002 || c == 0xff0e || c == 0xff01 || c == 0xff1f;
}

static int
is_closer(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201d || c == 0x2019 ||
	       c == 0xbb || c == 0x203a;
}

static int
is_opener(uint32_t c)
{
	return c == '"' || c == '\'' || c == '`' || c == '(' || c == '[' || c == '{' || c == 0x201c ||
	       c == 0x2018 || c == 0xab || c == 0x2039 || c == 0x201e;
}

static int
is_dash_or_bullet(uint32_t c)
{
	return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2022 || c == '*';
}

static int
is_currency(uint32_t c)
{
	return c == '$' || c == 0xa3 || c == 0xa5 || c == 0x20ac || (c >= 0x20a0 && c <= 0x20cf);
}

/* Letters, digits and non-ASCII letters: the body of a word. */
static int
is_wordch(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) - 'a' < 26 || c - '0' < 10;
	return uc_is_alpha(c) || uc_is_digit(c) || uc_is_mark(c);
}

static int
is_word_byte(uchar c)
{
	return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

static int
is_space_byte(uchar c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static size_t
skip_blanks(const struct seg *g, size_t i, size_t lim)
{
	size_t n;

	while (i < lim && is_blank(dec(g, i, lim, &n)))
		i = n;
	return i;
}

static size_t
skip_blanks_back(const struct seg *g, size_t lo, size_t i)
{
	size_t p;

	while (i > lo && is_blank(dec_prev(g, lo, i, &p)))
		i = p;
	return i;
}

static void
push_span(struct seg *g, struct spans *out, size_t b, size_t e)
{
	size_t cs;

	b = skip_blanks(g, b, e);
	e = skip_blanks_back(g, b, e);
	if (e <= b)
		return;
	cs = cp_of(&g->cur, g->s, b);
	spans_push(out, cs, cp_of(&g->cur, g->s, e));
}

/* End the sentence that began at *start at byte e. */
static void
split_at(struct seg *g, size_t *start, size_t e)
{
	push_span(g, g->sents, *start, e);
	*start = e;
}

/* --- lines and paragraphs ---------------------------------------------- */

static size_t marker_at(const struct seg *g, size_t i, size_t pe);

/* End of the line starting at i (the newline's byte); *next is the next line's start. */
static size_t find_seq(const struct seg *g, size_t i, size_t pe, const char *seq, size_t n);

/* Where the next `seq` at or after i lies (len if none), cached per kind of line break. */
static size_t
next_of(struct seg *g, int k, size_t i, const char *seq, size_t n)
{
	if (i < g->nl_from[k] || i > g->nl_at[k]) {
		g->nl_from[k] = i;
		g->nl_at[k] = find_seq(g, i, g->len, seq, n);
	}
	return g->nl_at[k];
}

/*
 * End of the line starting at i (the line break's first byte); *next is
 * the next line's start.  Line breaks: LF, CR, CRLF, NEL, U+2028 and
 * U+2029 (*hard: a paragraph separator).  Uses memchr, and remembers
 * where the rare breaks are, so a text is scanned about once.
 */
static size_t
line_end(struct seg *g, size_t i, size_t *next, int *hard)
{
	const uchar *s = g->s;
	size_t n = g->len, e, k;
	const uchar *p = i < n ? memchr(s + i, '\n', n - i) : NULL;

	*hard = 0;
	e = p ? (size_t)(p - s) : n;
	if ((k = next_of(g, 0, i, "\r", 1)) < e)
		e = k;
	if ((k = next_of(g, 1, i, "\xe2\x80\xa8", 3)) < e)
		e = k;
	if ((k = next_of(g, 2, i, "\xe2\x80\xa9", 3)) < e)
		e = k;
	if ((k = next_of(g, 3, i, "\xc2\x85", 2)) < e)
		e = k;
	if (e >= n) {
		*next = n;
		return n;
	}
	switch (s[e]) {
	case '\n':
		*next = e + 1;
		break;
	case '\r':
		*next = (e + 1 < n && s[e + 1] == '\n') ? e + 2 : e + 1;
		break;
	case 0xc2:
		*next = e + 2;
		break;
	default: /* U+2028, U+2029 */
		*hard = s[e + 2] == 0xa9;
		*next = e + 3;
		break;
	}
	return e;
}

static int
has_blank_line(struct seg *g)
{
	size_t i = 0, e, next;
	int hard, first = 1;

	while (i < g->len) {
		e = line_end(g, i, &next, &hard);
		if (hard)
			return 1;
		if (!first && e < g->len && skip_blanks(g, i, e) == e)
			return 1;
		first = 0;
		i = next;
	}
	return 0;
}

/* The last character of [lo, e) before any closing quotes or brackets; its start in *p. */
static uint32_t
last_before_closers(const struct seg *g, size_t lo, size_t e, size_t *p)
{
	uint32_t c = dec_prev(g, lo, e, p);

	while (is_closer(c) && *p > lo)
		c = dec_prev(g, lo, *p, p);
	return c;
}

/* Ends with a terminal mark, perhaps followed by closing quotes or brackets. */
static int
ends_terminated(const struct seg *g, size_t lo, size_t e)
{
	size_t p;

	return is_terminal(last_before_closers(g, lo, e, &p));
}

/* First letter of the last word of [lo, e). */
static uint32_t
last_word_initial(const struct seg *g, size_t lo, size_t e)
{
	size_t p = e, q;
	uint32_t c, first = 0;

	while (p > lo) {
		c = dec_prev(g, lo, p, &q);
		if (is_blank(c))
			break;
		if (is_wordch(c))
			first = c;
		p = q;
	}
	return first;
}

/* Words on the line that ends at pe (counting stops at 3). */
static int
line_words(const struct seg *g, size_t lo, size_t pe)
{
	size_t p = pe;
	int words = 0, in_word = 0;

	while (p > lo && words < 3) {
		uchar c = g->s[p - 1];
		if (c == '\n' || c == '\r')
			break;
		if (is_space_byte(c)) {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			words++;
		}
		p--;
	}
	return words;
}

/*
 * Does the line ending (trimmed) at pe continue on the line starting
 * (trimmed) at nb?  Yes when it was visibly hard-wrapped inside a sentence.
 */
static int
continues(const struct seg *g, size_t lo, size_t pe, size_t nb, size_t hi)
{
	size_t p, n;
	uint32_t pc = dec_prev(g, lo, pe, &p), nc = dec(g, nb, hi, &n), lw;

	if (pe <= lo || nb >= hi || ends_terminated(g, lo, pe))
		return 0;
	if (marker_at(g, nb, hi))
		return 0; /* an enumerator ("1.", "a)") opens a list item on its own line */
	if (uc_is_lower(nc))
		return line_words(g, lo, pe) >= 3; /* not a menu or list of short items */
	if (nc == ',' || nc == ';' || nc == ':' || nc == '.' || nc == ')' || nc == ']' || nc == '}' ||
	    nc == '%')
		return 1;
	if (pc == ',' || pc == ';' || pc == '-' || pc == 0x2010 || pc == '(' || pc == '/' || pc == '&')
		return 1;
	lw = last_word_initial(g, lo, pe);
	return uc_is_lower(lw) && (nc == '(' || nc == '[' || uc_is_digit(nc));
}

/* Code points in [b, e). */
static size_t
cp_count(const struct seg *g, size_t b, size_t e)
{
	size_t n = 0;

	for (; b < e; b++)
		n += (g->s[b] & 0xc0) != 0x80;
	return n;
}

/*
 * The wrap width of the paragraph [g->pb, g->pe): the length of its
 * longest line when it is visibly hard-wrapped, else 0.  Hard-wrapped
 * means three lines or more, all of those before the last but one in five
 * reaching three quarters of the longest (a right margin), and the longest
 * between 40 and 250 code points, as text wrapped for a page or a terminal
 * is.  A block of captions, headings and one-line paragraphs fails the
 * test: their lengths run free.
 */
static size_t
measure_wrap(const struct seg *g)
{
	size_t pass, i, e, lines, full, width = 0;

	for (pass = 0; pass < 2; pass++) {
		lines = full = 0;
		for (i = g->pb; i < g->pe; i = e + 1) {
			size_t b, t, w;
			for (e = i; e < g->pe && g->s[e] != '\n' && g->s[e] != '\r'; e++)
				;
			b = skip_blanks(g, i, e);
			t = skip_blanks_back(g, b, e);
			if (t <= b)
				continue;
			w = cp_count(g, b, t);
			lines++;
			if (pass == 0 && w > width)
				width = w;
			else if (pass == 1 && e < g->pe && 4 * w >= 3 * width)
				full++; /* a line before the last that reaches the margin */
		}
	}
	if (lines < 3 || width < 40 || width > 250 || lines - 1 - full > (lines - 1) / 5)
		return 0;
	return width;
}

/*
 * Is the line that ends (trimmed) at pe full in a hard-wrapped paragraph,
 * so that the next line's first word (at nb) could not fit on it?
 */
static int
wrapped_line(struct seg *g, size_t pe, size_t nb, size_t hi)
{
	size_t ls, k;

	if (g->wrap_width == (size_t)-1)
		g->wrap_width = measure_wrap(g);
	if (g->wrap_width == 0)
		return 0;
	for (ls = pe; ls > g->pb && g->s[ls - 1] != '\n' && g->s[ls - 1] != '\r'; ls--)
		;
	ls = skip_blanks(g, ls, pe);
	for (k = nb; k < hi && !is_space_byte(g->s[k]); k++)
		;
	return cp_count(g, ls, pe) + 1 + cp_count(g, nb, k) > g->wrap_width;
}

/*
 * In blank-line text, does a single newline end the sentence?  A line
 * without final punctuation (a heading, a caption, a credit) is a
 * sentence of its own unless it visibly runs on into the next line: that
 * line goes on in lower case or with continuing punctuation (continues()),
 * this one ends with a colon that announces it, or the paragraph is
 * hard-wrapped and this line is full (wrapped_line()).  Before a list
 * item's enumerator ("1. Name", "a) item") only the last of these counts.
 */
static int
heading_break(struct seg *g, size_t lo, size_t pe, size_t nb, size_t hi)
{
	size_t n, p;
	uint32_t nc = dec(g, nb, hi, &n);

	if (pe <= lo || nb >= hi || ends_terminated(g, lo, pe))
		return 0;
	/* An enumerator at the start of a line opens a list item, even after a colon. */
	if (marker_at(g, nb, hi))
		return !wrapped_line(g, pe, nb, hi);
	if (uc_is_lower(nc) || continues(g, lo, pe, nb, hi))
		return 0;
	if (dec_prev(g, lo, pe, &p) == ':')
		return 0;
	return !wrapped_line(g, pe, nb, hi);
}

/* --- list markers -------------------------------------------------------- */

static int
roman_value(const char *t, size_t n)
{
	int v = 0, prev = 0;
	size_t k;

	for (k = n; k-- > 0;) {
		int d;
		switch (t[k] | 0x20) {
		case 'i': d = 1; break;
		case 'v': d = 5; break;
		case 'x': d = 10; break;
		case 'l': d = 50; break;
		case 'c': d = 100; break;
		default: return 0;
		}
		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	return v;
}

static int
all_digits(const char *t, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (t[k] < '0' || t[k] > '9')
			return 0;
	return n > 0;
}

static int
atoi_n(const char *t, size_t n)
{
	int v = 0;
	size_t k;

	for (k = 0; k < n && k < 4; k++)
		v = v * 10 + (t[k] - '0');
	return v;
}

static int
is_bullet(uint32_t c)
{
	return c == 0x2022 || c == 0x2043 || c == 0x25e6 || c == 0x25aa || c == 0x25cf || c == 0xb7 ||
	       c == '*' || c == '-';
}

/* If a bullet (and spaces) stands right before ts, its position; else ts. */
static size_t
bullet_before(const struct seg *g, size_t lo, size_t ts)
{
	size_t p = skip_blanks_back(g, lo, ts), q;

	if (is_bullet(dec_prev(g, lo, p, &q)))
		return q;
	return ts;
}

/* Is marker b the one after marker a in a list (same form)? */
static int
marker_follows(const char *a, size_t an, const char *b, size_t bn)
{
	if (an == 0)
		return 0;
	if (all_digits(a, an) && all_digits(b, bn))
		return atoi_n(a, an) + 1 == atoi_n(b, bn);
	if (an == 1 && bn == 1 && ((a[0] >= 'a' && a[0] <= 'z' && b[0] == a[0] + 1) ||
				   (a[0] >= 'A' && a[0] <= 'Z' && b[0] == a[0] + 1)))
		return 1;
	if (((a[0] >= 'a') == (b[0] >= 'a')) && roman_value(a, an) && roman_value(b, bn))
		return roman_value(a, an) + 1 == roman_value(b, bn);
	return 0;
}

/*
 * The list-marker token [ts, te): one letter, a roman numeral or a number of
 * one or two digits, written before '.' or ')' at te.  0 if not.
 */
static int
marker_token(const struct seg *g, size_t lo, size_t ts, size_t te)
{
	size_t k, n = te - ts;
	const uchar *s = g->s;

	if (n == 0 || n > 4)
		return 0;
	if (ts > lo && !is_space_byte(s[ts - 1]) && s[ts - 1] != '(' && bullet_before(g, lo, ts) == ts)
		return 0;
	if (all_digits((const char *)s + ts, n))
		return n <= 2;
	for (k = ts; k < te; k++)
		if ((s[k] | 0x20) < 'a' || (s[k] | 0x20) > 'z')
			return 0;
	return n == 1 || roman_value((const char *)s + ts, n) != 0;
}

/*
 * Start of the token that ends at byte e: letters, digits, dots, hyphens,
 * apostrophes; looks back at most max bytes (a longer token starts before
 * e - max, and the caller only needs to know that it is long).
 */
static size_t
token_start_within(const struct seg *g, size_t lo, size_t e, size_t max)
{
	size_t p = e, q, stop = e - lo > max ? e - max : lo;
	uint32_t c;

	while (p > stop) {
		c = dec_prev(g, stop, p, &q);
		if (!(is_wordch(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == '&'))
			break;
		p = q;
	}
	/* Near a cut stop the character read may be cut too: the token is long. */
	return stop > lo && p <= stop + 4 ? stop : p;
}

/*
 * How far back a list marker's token is looked for: a marker has at most
 * four bytes, and a bounded look keeps "a.a.a.a..." (a stop in every
 * token) linear.
 */
#define MARKER_SCAN 16

/* The whole token that ends at byte e (see token_start_within()). */
static size_t
token_start(const struct seg *g, size_t lo, size_t e)
{
	return token_start_within(g, lo, e, (size_t)-1);
}

/* A list marker "(a)", "a)", "a.", "iv.", "12)" at i followed by a blank; its end or 0. */
static size_t
marker_at(const struct seg *g, size_t i, size_t pe)
{
	const uchar *s = g->s;
	size_t ts = i, te;

	if (ts < pe && s[ts] == '(')
		ts++;
	te = ts;
	while (te < pe && te - ts <= 4 && s[te] < 0x80 && is_wordch(s[te]))
		te++;
	if (te >= pe || te == ts || te - ts > 4 || (s[te] != '.' && s[te] != ')'))
		return 0;
	if (s[i] == '(' && s[te] != ')')
		return 0;
	if (!marker_token(g, i, ts, te))
		return 0;
	te++;
	if (te < pe && s[te] == ')' && s[te - 1] == '.')
		te++;
	if (te < pe && !is_space_byte(s[te]))
		return 0;
	return te;
}

/* --- the next word ------------------------------------------------------- */

/* Can the text at q (after a terminal and space) begin a sentence? */
static int
starts_sentence(const struct seg *g, size_t q, size_t pe)
{
	size_t w = q, n;
	uint32_t c;

	if (q >= pe)
		return 1;
	if (marker_at(g, q, pe))
		return 1;
	c = dec(g, w, pe, &n);
	while (w < pe && (is_opener(c) || is_dash_or_bullet(c) || is_blank(c))) {
		w = n;
		c = dec(g, w, pe, &n);
	}
	if (w >= pe)
		return 0;
	if (uc_is_lower(c)) {
		/* Lower-case names with an inner capital begin sentences: iPhone, eBay. */
		size_t k = n, m;
		int len;
		for (len = 0; len < 3 && k < pe && uc_is_alpha(c = dec(g, k, pe, &m)); len++, k = m)
			if (uc_is_upper(c))
				return 1;
		return 0;
	}
	return uc_is_upper(c) || uc_is_digit(c) || is_currency(c) || uc_is_alpha(c) || c == '#' || c == '@';
}

/* The word at q (after openers), as bytes [*ws, *we). */
static void
next_word(const struct seg *g, size_t q, size_t pe, size_t *ws, size_t *we)
{
	size_t w = q, n;
	uint32_t c = dec(g, w, pe, &n);

	while (w < pe && (is_opener(c) || is_dash_or_bullet(c))) {
		w = n;
		c = dec(g, w, pe, &n);
	}
	*ws = w;
	while (w < pe && is_wordch(c)) {
		w = n;
		c = dec(g, w, pe, &n);
	}
	*we = w;
}

static int
next_is_starter(const struct seg *g, size_t q, size_t pe)
{
	size_t ws, we;

	if (q < pe && !(g->s[q] >= '0' && g->s[q] <= '9') && marker_at(g, q, pe))
		return 1;
	next_word(g, q, pe, &ws, &we);
	/* Not part of a compound or an abbreviation: "U.S. Under-Secretary", "U.S. No.1 wheat". */
	if (we + 1 < pe && (g->s[we] == '-' || g->s[we] == '.') && is_word_byte(g->s[we + 1]))
		return 0;
	return abbrev_sentence_starter((const char *)g->s + ws, we - ws);
}

/*
 * After "5 p.m.": a time zone (ET, GMT), a day or month name, a place's
 * time ("Moscow time") or a bracket continues the sentence.
 */
static int
next_is_time_qualifier(const struct seg *g, size_t q, size_t pe)
{
	static const char *const words[] = {
		"Eastern", "Pacific", "Central", "Mountain", "Monday", "Tuesday", "Wednesday",
		"Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
		"Dec", "January", "February", "March", "April", "June", "July", "August", "September",
		"October", "November", "December", "local", "today", "tomorrow", NULL,
	};
	size_t ws, we, k, caps = 0;

	/* A bracket after the time is about it: "11 a.m. (0800 GMT)". */
	if (q < pe && (g->s[q] == '(' || g->s[q] == '['))
		return 1;
	next_word(g, q, pe, &ws, &we);
	/* A place's time: "4.50 a.m. Iraq time", "9 p.m. Moscow time". */
	if (we + 5 <= pe && g->s[we] == ' ' && memcmp(g->s + we + 1, "time", 4) == 0 &&
	    (we + 5 == pe || !is_word_byte(g->s[we + 5])))
		return 1;
	for (k = ws; k < we; k++)
		caps += g->s[k] >= 'A' && g->s[k] <= 'Z';
	/* A zone (ET, GMT), but in capitals not a word that starts a sentence ("P.M. THE"). */
	if (caps == we - ws && caps >= 2 && caps <= 4 && !abbrev_sentence_starter((const char *)g->s + ws, we - ws))
		return 1;
	for (k = 0; words[k]; k++)
		if (strlen(words[k]) == we - ws &&
		    (caps == we - ws ? strncasecmp(words[k], (const char *)g->s + ws, we - ws)
				     : memcmp(words[k], g->s + ws, we - ws)) == 0)
			return 1; /* in capitals ("P.M. MONDAY") as a headline writes it */
	return 0;
}

/* Is [b, e) a word of two letters or more, all capitals (a headline's, a dateline's)? */
static int
all_caps(const struct seg *g, size_t b, size_t e)
{
	size_t k;

	for (k = b; k < e; k++)
		if (g->s[k] < 'A' || g->s[k] > 'Z')
			return 0;
	return e - b >= 2;
}

/*
 * After a name closed by an abbreviation, does the capitalised word
 * [ws, we) go on with it?  A legal form or title (abbrev_name_continuation:
 * "Co. Ltd.", "Inc. Chairman", "and Co. L.P."), or a word in capitals,
 * where case says nothing.
 */
static int
name_goes_on(const struct seg *g, size_t ws, size_t we, size_t pe)
{
	char w[8];
	size_t n = 0, k;

	if (all_caps(g, ws, we) || abbrev_name_continuation((const char *)g->s + ws, we - ws))
		return 1;
	/* A dotted legal form, "L.P.", "N.V." (not initials, "L.F. Rothschild"). */
	for (k = ws; k < pe && n < sizeof w && (is_word_byte(g->s[k]) || g->s[k] == '.'); k++)
		if (g->s[k] != '.')
			w[n++] = (char)g->s[k];
	return we < pe && g->s[we] == '.' && n < sizeof w && abbrev_name_continuation(w, n);
}

/* Is the token before ws (after spaces) the ASCII w: a word, or punctuation such as ","? */
static int
word_before_is(const struct seg *g, size_t sb, size_t ws, const char *w)
{
	size_t n = strlen(w), e = skip_blanks_back(g, sb, ws), b;

	if (n == 1 && !is_word_byte((uchar)w[0])) /* punctuation right before the word */
		return e > sb && g->s[e - 1] == (uchar)w[0];
	if (e == ws || e < sb + n)
		return 0;
	b = e - n;
	return memcmp(g->s + b, w, n) == 0 && (b == sb || !is_word_byte(g->s[b - 1]));
}

/* Is the word before ws in the sentence (if any) free of lower-case letters? */
static int
caps_before(const struct seg *g, size_t sb, size_t ws)
{
	size_t p = skip_blanks_back(g, sb, ws), k;
	uint32_t c;

	while (p > sb && !is_wordch(c = dec_prev(g, sb, p, &k))) /* "ST. LOUIS, MO. (AP)" */
		p = k;
	while (p > sb && is_wordch(c = dec_prev(g, sb, p, &k))) {
		if (uc_is_lower(c))
			return 0;
		p = k;
	}
	return 1;
}

/*
 * Evidence that the capitalised word at q (after spaces) begins a new
 * sentence after an abbreviation's stop at p, as Punkt weighs what
 * follows: a word that only begins sentences ("U.S. The"), an opening
 * quotation mark before a capital ('U.S. "Home is'; not a quoted
 * nickname, 'C.J. "Pete" Silas'), or a line break, unless
 * the line is a full one of a hard-wrapped paragraph ("U.S." then
 * "Senate" on the next line is a wrap).
 */
static int
next_starts_by_evidence(struct seg *g, size_t p, size_t q, size_t pe)
{
	size_t k, n;
	uint32_t c = dec(g, q, pe, &n);

	if (next_is_starter(g, q, pe))
		return 1;
	if (is_opener(c) && c != '(' && c != '[' && c != '{' && uc_is_upper(dec(g, n, pe, &k))) {
		/* Not a one-word nickname after initials: 'C.J. "Pete" Silas'. */
		while (k < pe && is_wordch(c = dec(g, k, pe, &n)))
			k = n;
		if (!(k < pe && is_closer(c)))
			return 1;
	}
	if (!uc_is_upper(c) && !is_opener(c))
		return 0; /* "Jan.\n5": a date goes on over the line */
	for (k = p + 1; k < q; k++)
		if (g->s[k] == '\n' || g->s[k] == '\r')
			return !wrapped_line(g, skip_blanks_back(g, p, k), q, pe);
	return 0;
}

/* --- the full stop ------------------------------------------------------- */

/*
 * A time that opens the sentence with a preposition ("At 5 a.m. Mr. Smith
 * left"): at most three words from the sentence start to the time at ws.
 */
static int
fronted_time(const struct seg *g, size_t sb, size_t ws)
{
	static const char *const preps[] = { "At", "By", "Until", "Till", "From", "Before", "After",
					     "Around", "Since", "About", "Shortly", "Just", NULL };
	size_t b = skip_blanks(g, sb, ws), e = b, words = 0, k;

	while (e < ws && is_wordch(g->s[e]))
		e++;
	for (k = 0; preps[k]; k++)
		if (strlen(preps[k]) == e - b && memcmp(preps[k], g->s + b, e - b) == 0)
			break;
	if (!preps[k])
		return 0;
	for (k = b; k < ws; k++)
		words += is_space_byte(g->s[k]) && !is_space_byte(g->s[k + 1]);
	return words <= 3;
}

/*
 * Is the number [ws, p), before the stop at p, a day written as an
 * ordinal before its month ("am 3. Oktober", the next word at q)?  One or
 * two digits, 1 to 31, standing alone.
 */
static int
ordinal_day(const struct seg *g, size_t sb, size_t ws, size_t p, size_t q, size_t pe)
{
	const uchar *s = g->s;
	size_t nws, nwe, k;
	int day;

	if (p - ws < 1 || p - ws > 2 || !all_digits((const char *)s + ws, p - ws))
		return 0;
	day = atoi_n((const char *)s + ws, p - ws);
	if (day < 1 || day > 31 || (ws > sb && !is_blank(dec_prev(g, sb, ws, &k))))
		return 0;
	next_word(g, q, pe, &nws, &nwe);
	return abbrev_ordinal_month((const char *)s + nws, nwe - nws);
}

/*
 * Does the full stop at byte p end a sentence, given that the next word
 * (after spaces) starts at q and the sentence began at sb?  closed: a
 * closing bracket follows the stop ("(U.S.) 5-4"), so that the word
 * before it is no initial.
 */
static int
period_ends(struct seg *g, size_t sb, size_t p, size_t q, size_t pe, int closed)
{
	const uchar *s = g->s;
	size_t ws = token_start(g, sb, p), k, letters = 0, dots = 0, parts_ok = 1, run = 0, nws, nwe;
	enum abbrev_kind kind;

	if (!starts_sentence(g, q, pe))
		return 0;
	if (ws == p) {
		/* "N°. 5" / "Nº. 5": the number sign before a number. */
		uint32_t c1 = dec_prev(g, sb, p, &k), c0 = dec_prev(g, sb, k, &k);
		if ((c1 == 0xb0 || c1 == 0xba) && (c0 == 'N' || c0 == 'n') && uc_is_digit(dec(g, q, pe, &k)))
			return 0;
		return 1; /* after punctuation or a space */
	}
	/* Drop a leading hyphen or apostrophe: "-Ph.D." */
	while (ws < p && (s[ws] == '-' || s[ws] == '\''))
		ws++;
	for (k = ws; k < p; k++) {
		if (s[k] == '.') {
			dots++;
			if (run == 0 || run > 2)
				parts_ok = 0;
			run = 0;
		} else {
			letters += s[k] >= 0x80 || ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z');
			run++;
		}
	}
	if (letters == 0)
		return !ordinal_day(g, sb, ws, p, q, pe); /* a number or symbol: "in 1990." */
	/* A single letter: an initial, a variable, "p. 154". */
	if (!closed && uc_is_alpha(dec(g, ws, p, &k)) && k == p &&
	    !(ws > sb && !is_blank(dec_prev(g, sb, ws, &k)) && !is_opener(dec_prev(g, sb, ws, &k)))) {
		/* "you and I." is the pronoun; otherwise an initial or a variable. */
		if (s[ws] == 'I' && uc_is_lower(last_word_initial(g, sb, skip_blanks_back(g, sb, ws))))
			return 1;
		return 0;
	}
	if (dots > 0 && parts_ok && run >= 1 && run <= 2) {
		/* Dotted abbreviations: U.S. a.m. e.g. Ph.D. */
		if (p - ws == 3 && (s[ws + 2] | 0x20) == 'm' && ((s[ws] | 0x20) == 'a' || (s[ws] | 0x20) == 'p'))
			return !next_is_time_qualifier(g, q, pe) && !fronted_time(g, sb, ws);
		if (p - ws == 3 && ((s[ws] == 'e' && s[ws + 2] == 'g') || (s[ws] == 'i' && s[ws + 2] == 'e')))
			return 0;
		return next_starts_by_evidence(g, p, q, pe);
	}
	if (dots > 0)
		return 1; /* a file name or domain: "J1.txt." */
	if (uc_is_digit(dec(g, q, pe, &k)) && abbrev_before_number((const char *)s + ws, p - ws))
		return 0;
	kind = abbrev_lookup((const char *)s + ws, p - ws);
	if (kind != ABBREV_NONE || all_caps(g, ws, p))
		next_word(g, q, pe, &nws, &nwe);
	else
		return 1; /* no abbreviation: the usual sentence end */
	/*
	 * In text written in capitals ("ST. LOUIS", "GEN. SMITH SAID",
	 * "WASHINGTON, MAR. 3": the words on both sides, or a number after)
	 * case says nothing; in mixed case a word in capitals is an acronym
	 * ("the FT. But", "City, MD. VIP").
	 */
	if (kind == ABBREV_NONE && all_caps(g, ws, p) && (all_caps(g, nws, nwe) || uc_is_digit(dec(g, nws, pe, &k))) &&
	    caps_before(g, sb, ws))
		kind = abbrev_lookup_caps((const char *)s + ws, p - ws);
	/* A state after its town ("Louisville, Ky."), "& Co." after its partners: the name is closed. */
	if ((kind == ABBREV_REGION && word_before_is(g, sb, ws, ",")) ||
	    (kind == ABBREV_PLAIN && p - ws == 2 && memcmp(s + ws, "Co", 2) == 0 &&
	     (word_before_is(g, sb, ws, "and") || word_before_is(g, sb, ws, "&"))))
		return next_starts_by_evidence(g, p, q, pe) ||
		       (uc_is_upper(dec(g, q, pe, &k)) && !name_goes_on(g, nws, nwe, pe) &&
			!next_is_time_qualifier(g, q, pe));
	switch (kind) {
	case ABBREV_PREFIX:
		return 0;
	case ABBREV_PLAIN:
	case ABBREV_REGION:
		return next_starts_by_evidence(g, p, q, pe);
	case ABBREV_FINAL:
		/*
		 * The phrase is closed ("25 pct.", "Acme Inc."): a capitalised word
		 * starts a sentence unless it goes on with the name ("Inc.
		 * Chairman ...") or, in capitals, case says nothing of it.
		 */
		if (next_starts_by_evidence(g, p, q, pe))
			return 1;
		if (!uc_is_upper(dec(g, q, pe, &k)))
			return 0; /* a number or bracket after the name: "INC. 225.86", 'Inc. ("Acme")' */
		return !name_goes_on(g, nws, nwe, pe);
	default:
		return 1;
	}
}

/*
 * Footnote numbers glued to a full stop at p: "consultation.11 12 The".
 * Returns the end of the numbers when a capitalised word follows, else 0.
 */
static size_t
footnote_end(const struct seg *g, size_t lo, size_t p, size_t pe)
{
	const uchar *s = g->s;
	size_t j = p + 1, d, e;

	if (p == lo || !((s[p - 1] >= 'a' && s[p - 1] <= 'z') || s[p - 1] == ')'))
		return 0;
	for (;;) {
		d = j;
		while (j < pe && s[j] >= '0' && s[j] <= '9' && j - d < 4)
			j++;
		if (j == d || j - d > 3)
			return 0;
		e = j;
		if (j >= pe || s[j] != ' ')
			return 0;
		j++;
		if (j < pe && s[j] >= '0' && s[j] <= '9')
			continue;
		if (j < pe && s[j] >= 'A' && s[j] <= 'Z')
			return e;
		return 0;
	}
}

/* Skip closing quotes and brackets and citation marks "[12]" "[3, 4]" after a terminal. */
static size_t
skip_closers(const struct seg *g, size_t j, size_t pe)
{
	const uchar *s = g->s;
	size_t n, k;

	for (;;) {
		uint32_t c = dec(g, j, pe, &n);
		if (j < pe && is_closer(c)) {
			j = n;
			continue;
		}
		if (j < pe && s[j] == '[') {
			for (k = j + 1; k < pe && ((s[k] >= '0' && s[k] <= '9') || s[k] == ',' || s[k] == ' ' ||
						    s[k] == '-');
			     k++)
				;
			if (k < pe && k > j + 1 && s[k] == ']') {
				j = k + 1;
				continue;
			}
		}
		return j;
	}
}

/* Are the bytes [b, e) closing brackets only (no quotation marks, no citations)? */
static int
only_brackets(const struct seg *g, size_t b, size_t e)
{
	for (; b < e; b++)
		if (g->s[b] != ')' && g->s[b] != ']' && g->s[b] != '}')
			return 0;
	return 1;
}

/* --- quotations and brackets --------------------------------------------- */

/* Find seq[0..n) in [i, pe); its position or pe. */
static size_t
find_seq(const struct seg *g, size_t i, size_t pe, const char *seq, size_t n)
{
	const uchar *s = g->s;

	while (i + n <= pe) {
		const uchar *p = memchr(s + i, (uchar)seq[0], pe - i);
		if (!p)
			return pe;
		i = (size_t)(p - s);
		if (i + n <= pe && memcmp(s + i, seq, n) == 0)
			return i;
		i++;
	}
	return pe;
}

/*
 * Is it known that no closer of kind slot lies in [i, pe)?  A search that
 * found none in [fail_from, fail_to) answers every later one inside it,
 * in the paragraph or inside a quotation, so that a run of openers that
 * never close costs one scan.
 */
static int
fail_known(const struct seg *g, int slot, size_t i, size_t pe)
{
	return i >= g->fail_from[slot] && pe <= g->fail_to[slot];
}

/* Remember that [i, pe) holds no closer of kind slot, unless a wider fact is known. */
static void
fail_note(struct seg *g, int slot, size_t i, size_t pe)
{
	if (g->fail_from[slot] == (size_t)-1 || pe > g->fail_to[slot] ||
	    (pe == g->fail_to[slot] && i < g->fail_from[slot])) {
		g->fail_from[slot] = i;
		g->fail_to[slot] = pe;
	}
}

/* Find seq like find_seq, remembering (per kind of quote) where a search found nothing. */
static size_t
find_memo(struct seg *g, int slot, size_t i, size_t pe, const char *seq, size_t n)
{
	size_t k;

	if (fail_known(g, slot, i, pe))
		return pe;
	k = find_seq(g, i, pe, seq, n);
	if (k >= pe)
		fail_note(g, slot, i, pe);
	return k;
}

/*
 * The closing partner of the opener cp at i (len olen) inside the paragraph:
 * its byte position (and *clen), or pe when it does not close.
 */
static size_t
find_closer(struct seg *g, size_t sb, size_t i, size_t olen, uint32_t open, size_t pe, size_t *clen)
{
	const uchar *s = g->s;
	size_t k, p, lim;
	int depth, slot;

	*clen = 1;
	switch (open) {
	case '"': {
		/*
		 * A straight double quote opens only after a space, an opener or a
		 * dash (after a letter or comma it closes a quotation begun in an
		 * earlier paragraph; after a digit it is an inch mark).
		 */
		uint32_t before = dec_prev(g, sb, i, &p);
		if (i > sb && !is_blank(before) && !is_opener(before) && !is_dash_or_bullet(before) &&
		    before != '/' && before != ':')
			return pe;
		/*
		 * The next straight quote closes it, unless that one reads as an
		 * opener (after a space, before a word): then this quotation runs
		 * on past the paragraph, as news writes a quote of several
		 * paragraphs ('"A. B. "C.' when paragraphs were joined).
		 */
		k = find_seq(g, i + 1, pe, "\"", 1);
		if (k < pe && is_blank(dec_prev(g, sb, k, &p)) && k + 1 < pe && !is_blank(dec(g, k + 1, pe, &p)))
			return pe;
		return k;
	}
	case 0x201c:
		*clen = 3;
		return find_memo(g, 0, i + olen, pe, "\xe2\x80\x9d", 3);
	case 0x201e: /* „...“ */
		*clen = 3;
		return find_memo(g, 1, i + olen, pe, "\xe2\x80\x9c", 3);
	case 0xab:
		*clen = 2;
		return find_memo(g, 2, i + olen, pe, "\xc2\xbb", 2);
	case 0x2039:
		*clen = 3;
		return find_memo(g, 3, i + olen, pe, "\xe2\x80\xba", 3);
	case '(':
	case '[':
	case '{': {
		/* Brackets close within CLOSE_WINDOW bytes (bounds the work on unbalanced text). */
		uchar o = (uchar)open, c = open == '(' ? ')' : open == '[' ? ']' : '}';
		slot = open == '(' ? 7 : open == '[' ? 8 : 9;
		/*
		 * None after the paragraph's last closer, in the paragraph or in
		 * a quotation inside it (pe is then the quotation's end).
		 */
		if (g->last_close[slot - 7] == (size_t)-1) {
			for (k = g->pe; k > sb && s[k - 1] != c; k--)
				;
			g->last_close[slot - 7] = k; /* one past it; sb if none */
		}
		if (i + 1 >= g->last_close[slot - 7])
			return pe;
		lim = pe - i > CLOSE_WINDOW ? i + CLOSE_WINDOW : pe;
		depth = 0;
		for (k = i; k < lim; k++) {
			if (s[k] == o)
				depth++;
			else if (s[k] == c && --depth == 0)
				return k;
		}
		return pe;
	}
	case '\'':
	case '`':
	case 0x2018: {
		/* An opening single quote follows a space or opener and precedes a non-space. */
		const char *close = open == 0x2018 ? "\xe2\x80\x99" : "'";
		size_t cn = open == 0x2018 ? 3 : 1;
		uint32_t before = dec_prev(g, sb, i, &p);
		if (i > sb && !is_blank(before) && !is_opener(before) && before != '-' && before != 0x2014)
			return pe;
		if (i + olen >= pe || is_space_byte(s[i + olen]) || (s[i + olen] >= '0' && s[i + olen] <= '9'))
			return pe;
		*clen = cn;
		slot = open == '\'' ? 4 : open == '`' ? 5 : 6;
		if (fail_known(g, slot, i, pe))
			return pe;
		for (k = i + olen; (k = find_seq(g, k, pe, close, cn)) < pe; k += cn) {
			/* A closing quote: after a non-space, not before a letter ("they'll"). */
			if (!is_space_byte(s[k - 1]) && (k + cn >= pe || !is_word_byte(s[k + cn])))
				return k;
		}
		fail_note(g, slot, i, pe); /* no closing quote after i: none after a later opener either */
		return pe;
	}
	}
	return pe;
}

/* Does the quotation or bracket [i, closer) end with a terminal mark ('"Why?"', 'to--"')? */
static int
inner_terminal(const struct seg *g, size_t lo, size_t closer)
{
	size_t p;
	/* French sets a space inside guillemets: "« Oui. »". */
	uint32_t c = last_before_closers(g, lo, skip_blanks_back(g, lo, closer), &p);

	if (is_terminal(c) || c == 0x2014)
		return 1;
	return c == '-' && p > lo && g->s[p - 1] == '-';
}

/*
 * An attribution right after a quotation: up to five capitalised words (a
 * name with its title: "President Barack Obama"), then a verb of saying,
 * as in '"Why?" Obama asked.'  The quotation's own question or exclamation
 * mark does not end the sentence it belongs to.  (A lower-case "he asked"
 * starts no sentence anyway; a capitalised pronoun is the writer's sign of
 * a new one: '"Who is this?" She said it to the Knave.')
 */
static int
attribution_follows(const struct seg *g, size_t q, size_t pe)
{
	const uchar *s = g->s;
	size_t w = q, we, m, names = 0;

	for (;;) {
		uint32_t c;
		for (we = w; we < pe; we = m) {
			c = dec(g, we, pe, &m);
			if (!(is_wordch(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019))
				break;
		}
		if (we == w)
			return 0;
		c = dec(g, w, pe, &m);
		if (!uc_is_upper(c)) {
			while (we > w && s[we - 1] == '.') /* "asked." */
				we--;
			return names > 0 && abbrev_speech_verb((const char *)s + w, we - w);
		}
		if (++names > 5 || (names == 1 && abbrev_pronoun((const char *)s + w, we - w)))
			return 0;
		w = we;
		if (w >= pe || s[w] != ' ')
			return 0;
		while (w < pe && s[w] == ' ')
			w++;
	}
}

/*
 * After a quotation or bracket [qb, k) that ends with its own mark, does a
 * sentence end before the word at q?  Only if a sentence start follows,
 * and, after a quotation closed by a question or exclamation mark or a
 * dash, not an attribution ('"Why?" Obama asked.').  A parenthesis right
 * after the quote belongs to it unless another quotation follows the
 * parenthesis.
 */
static int
quote_end_splits(struct seg *g, size_t qb, size_t k, int quotation, size_t q, size_t pe)
{
	size_t clen, n, p;
	uint32_t c;

	if (q < pe && g->s[q] == '(' && !marker_at(g, q, pe)) {
		n = find_closer(g, q, q, 1, '(', pe, &clen);
		if (n >= pe)
			return starts_sentence(g, q, pe);
		n = skip_blanks(g, n + 1, pe);
		c = dec(g, n, pe, &p);
		return c == '"' || c == 0x201c;
	}
	c = last_before_closers(g, qb, skip_blanks_back(g, qb, k), &p);
	if (quotation && c != '.' && attribution_follows(g, q, pe))
		return 0;
	/*
	 * A bracket that closes on a single stop: the stop may be an
	 * abbreviation's ("(U.S.) 5-4"), weighed as outside brackets.
	 */
	if (!quotation && c == '.' && !(p > qb && g->s[p - 1] == '.') && !(p >= qb + 2 && g->s[p - 1] == ' ' && g->s[p - 2] == '.'))
		return period_ends(g, qb, p, q, pe, 1);
	return starts_sentence(g, q, pe);
}

/*
 * The end of the quotation or bracket whose text is [qb, k), closed by the
 * clen bytes at k: split after it (and its closing marks) when its text
 * ends with a terminal mark and a sentence starts after it.  Returns where
 * scanning goes on.
 */
static size_t
enclosure_end(struct seg *g, size_t *start, size_t qb, size_t k, size_t clen, int quotation, size_t pe)
{
	size_t j = k + clen, q, n;

	if (!inner_terminal(g, qb, k))
		return j;
	j = skip_closers(g, j, pe);
	if (j < pe && !is_blank(dec(g, j, pe, &n)))
		return j;
	q = skip_blanks(g, j, pe);
	if (q < pe && quote_end_splits(g, qb, k, quotation, q, pe))
		split_at(g, start, j);
	return j;
}

/* Quotation marks, as opposed to brackets: their text may hold sentences. */
static int
is_quotation_mark(uint32_t c)
{
	return is_opener(c) && c != '(' && c != '[' && c != '{';
}

/*
 * A sentence glued to the one before it with no space after the mark
 * ("Hello world.Today is Tuesday.", "it.Credit...").  The evidence is
 * clear only between a word of two letters or more that ends in lower
 * case (or a number) and a word written capital-then-lower-case, neither
 * one part of an address, a file or domain name or an abbreviation:
 * "example.Com", "St.Louis", "U.S.Army", "Node.Js/" stay whole.  p is the
 * mark, q the byte after it.
 */
static int
glued_start(const struct seg *g, size_t sb, size_t p, size_t q, size_t pe)
{
	static const char *const tlds[] = { "com", "org", "net", "edu", "gov", "int", "mil", "info", "biz", "io",
					    "co", "uk", "us", "ca", "au", "de", "fr", "tv", "me", "ly", "app",
					    "news", "html", "htm", "php", "asp", "aspx", "jsp", "txt", "pdf", NULL };
	const uchar *s = g->s;
	size_t ws = p, k, m, we, letters = 0, digits = 0, lower = 0;
	uint32_t c, last = 0;
	char low[8];

	while (ws > sb) {
		c = dec_prev(g, sb, ws, &k);
		if (!is_wordch(c))
			break;
		if (ws == p)
			last = c;
		letters += uc_is_alpha(c);
		digits += uc_is_digit(c);
		ws = k;
	}
	if (letters + digits < 2 || (letters && digits))
		return 0;
	if (letters && (!uc_is_lower(last) || abbrev_lookup((const char *)s + ws, p - ws) != ABBREV_NONE))
		return 0;
	if (ws > sb) { /* the word stands alone: no address or path before it */
		c = dec_prev(g, sb, ws, &k);
		if (!is_blank(c) && !is_opener(c) && !is_dash_or_bullet(c))
			return 0;
	}
	c = dec(g, q, pe, &m);
	if (!uc_is_upper(c))
		return 0;
	for (we = m; we < pe && uc_is_lower(c = dec(g, we, pe, &m)); we = m)
		lower++;
	if (lower < 1)
		return 0;
	if (we < pe) {
		size_t x;
		if (is_wordch(c) || c == '/' || c == '@' || c == '=' || c == '&' || c == '_' || c == '#' || c == '\\')
			return 0;
		if (c == '.' && m < pe && is_wordch(dec(g, m, pe, &x)))
			return 0;
	}
	if (we - q < sizeof low) {
		for (k = 0; k < we - q; k++)
			low[k] = (char)(s[q + k] | 0x20);
		for (k = 0; tlds[k]; k++)
			if (strlen(tlds[k]) == we - q && memcmp(tlds[k], low, we - q) == 0)
				return 0;
	}
	return 1;
}

/* --- sentences ----------------------------------------------------------- */

/*
 * Does the enumerator [ts, te) open a list after a colon ("Results: 1.
 * Smith 10.5 2. Jones")?  Only a first item ("1", "a", "i") does; it then
 * starts a sentence, and is no sentence end.
 */
static int
list_after_colon(const struct seg *g, size_t sb, size_t ts, size_t te)
{
	size_t p = skip_blanks_back(g, sb, ts);

	if (te != ts + 1 || (g->s[ts] != '1' && g->s[ts] != 'a' && g->s[ts] != 'i'))
		return 0;
	return p > sb && p < ts && g->s[p - 1] == ':';
}

/* Record the list marker [ts, te) (te at its '.' or ')'); split before it if it continues a list. */
static void
list_marker(struct seg *g, size_t *start, size_t ts, size_t te, size_t mstart, int mid)
{
	const char *t = (const char *)g->s + ts;
	size_t n = te - ts;
	int form = g->s[te];

	if (mid && form == g->mk_form && marker_follows(g->mk, g->mk_len, t, n))
		split_at(g, start, mstart);
	memcpy(g->mk, t, n);
	g->mk_len = n;
	g->mk_form = form;
}

/*
 * The sentences of the paragraph [pb, pe).  A quotation that closes in the
 * paragraph is read inside (lim is then its closing mark): a full stop in
 * it ends a sentence as it would outside ('"It is late. We go," he said.'
 * is two), while its question and exclamation marks, ellipses, list
 * markers and inner quotations or brackets end none ("Oh dear! Oh dear! I
 * shall be late!" is one turn of speech).  Brackets are kept whole.
 */
static void
sentences(struct seg *g, size_t pb, size_t pe)
{
	const uchar *s = g->s;
	size_t i = pb, start = pb, f;
	size_t qb = 0, qk = 0, qclen = 0; /* the quotation being read: text [qb, qk), closer after */
	int inq = 0;

	g->pb = pb;
	g->pe = pe;
	g->wrap_width = (size_t)-1; /* not measured yet */
	g->mk_len = 0;
	g->mk_form = 0;
	for (f = 0; f < sizeof g->fail_from / sizeof g->fail_from[0]; f++) {
		g->fail_from[f] = (size_t)-1;
		g->fail_to[f] = 0;
	}
	for (f = 0; f < sizeof g->last_close / sizeof g->last_close[0]; f++)
		g->last_close[f] = (size_t)-1;
	while (i < pe) {
		uchar b;
		uint32_t c;
		size_t n, j, q, ts, first, lim;

		if (inq && i >= qk) {
			inq = 0;
			i = enclosure_end(g, &start, qb, qk, qclen, 1, pe);
			continue;
		}
		lim = inq ? qk : pe;
		b = s[i];
		if (!interesting[b]) {
			i++;
			continue;
		}
		c = dec(g, i, lim, &n);
		first = skip_blanks(g, start, pe);
		if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x85) {
			if (g->blank_mode < 0) /* decided on first need */
				g->blank_mode = has_blank_line(g);
			if (g->blank_mode) {
				size_t le = skip_blanks_back(g, start, i), nb = skip_blanks(g, n, lim);
				if (heading_break(g, start, le, nb, lim))
					split_at(g, &start, n);
			}
			i = n;
			continue;
		}
		if (c == '(' && !inq && (i == start || is_space_byte(s[i - 1])) && (j = marker_at(g, i, pe)) != 0) {
			size_t te = i + 1;
			while (s[te] != ')')
				te++;
			list_marker(g, &start, i + 1, te, i, i > first);
			i = j;
			continue;
		}
		if (c == ')') {
			ts = token_start_within(g, start, i, MARKER_SCAN);
			if (!inq && ts < i && marker_token(g, start, ts, i) && (i + 1 >= pe || is_space_byte(s[i + 1])) &&
			    !(ts > start && s[ts - 1] == '(')) {
				int mid = ts > first;
				if (mid && list_after_colon(g, start, ts, i)) {
					split_at(g, &start, ts);
					mid = 0;
				}
				list_marker(g, &start, ts, i, ts, mid);
			}
			i = n;
			continue;
		}
		if (is_opener(c)) {
			size_t clen, k = find_closer(g, start, i, n - i, c, lim, &clen);
			if (k >= lim) {
				i = n;
				continue;
			}
			if (inq) { /* inside a quotation, what it encloses stays whole */
				i = k + clen;
				continue;
			}
			if (is_quotation_mark(c)) { /* read the quotation's own sentences */
				inq = 1;
				qb = n;
				qk = k;
				qclen = clen;
				i = n;
				continue;
			}
			i = enclosure_end(g, &start, n, k, clen, 0, pe);
			continue;
		}
		if (!is_terminal(c) || (inq && c != '.')) {
			i = n;
			continue;
		}
		if (c == '.') {
			/* A list marker: "1. Item", "a. here ... b. there". */
			ts = token_start_within(g, start, i, MARKER_SCAN);
			if (!inq && ts < i && marker_token(g, start, ts, i) &&
			    (n >= pe || is_space_byte(s[n]) || s[n] == ')')) {
				size_t bt = bullet_before(g, start, ts);
				int at_start = ts == first || bt == first || (ts == first + 1 && s[first] == '(');
				int lower = s[ts] >= 'a' || all_digits((const char *)s + ts, i - ts);
				if (!at_start && list_after_colon(g, start, ts, i)) {
					split_at(g, &start, bt); /* "Results: 1. Smith ... 2. Jones" */
					at_start = 1;
				}
				if (at_start || (lower && g->mk_form == '.' &&
						 marker_follows(g->mk, g->mk_len, (const char *)s + ts, i - ts))) {
					list_marker(g, &start, ts, i, bt, !at_start);
					i = n;
					continue;
				}
			}
			/* A spaced ellipsis ". . ." ends a sentence only with a fourth stop. */
			if (n + 1 < lim && s[n] == ' ' && s[n + 1] == '.') {
				i = n;
				continue;
			}
			if (i >= 2 && s[i - 1] == ' ' && s[i - 2] == '.') {
				size_t k = i, dots = 1;
				while (k >= start + 2 && s[k - 1] == ' ' && s[k - 2] == '.') {
					dots++;
					k -= 2;
				}
				if (dots < 4) {
					i = n;
					continue;
				}
			}
			/*
			 * Inside a number, URL or name; footnote numbers after the stop;
			 * or a sentence glued to this one ("world.Today").
			 */
			if (n < lim && !is_space_byte(s[n]) && !is_closer(dec(g, n, lim, &j)) &&
			    !is_blank(dec(g, n, lim, &j)) && s[n] != '.' && s[n] != '[') {
				if ((j = footnote_end(g, start, i, lim)) != 0) {
					split_at(g, &start, j);
					i = j;
					continue;
				}
				if (glued_start(g, start, i, n, lim))
					split_at(g, &start, n);
				i = n;
				continue;
			}
		}
		/* The run of marks, then closers and citations. */
		j = n;
		{
			size_t dots = c == '.', m;
			uint32_t d;
			int ellipsis = c == 0x2026, wide = is_wide_terminal(c), bang = c == '!';
			while (j < lim && is_terminal(d = dec(g, j, lim, &m))) {
				dots += d == '.';
				ellipsis |= d == 0x2026;
				wide |= is_wide_terminal(d);
				bang = 0;
				j = m;
			}
			ellipsis |= dots >= 2;
			if (inq && ellipsis) {
				i = j;
				continue;
			}
			q = skip_closers(g, j, lim);
			if (q < lim && !is_blank(dec(g, q, lim, &m))) {
				/* No space after: CJK marks need none; "ready?Yes" is a glued sentence. */
				if (wide || (j == n && q == j && c != '.' && !inq &&
					     !abbrev_exclamation_name((const char *)s + token_start(g, start, i),
								      i - token_start(g, start, i)) &&
					     glued_start(g, start, i, q, lim)))
					split_at(g, &start, q);
				i = q;
				continue;
			}
			j = q;
			q = skip_blanks(g, j, lim);
			if (q >= lim) {
				i = j;
				continue;
			}
			if (bang) {
				ts = token_start(g, start, i);
				if (abbrev_exclamation_name((const char *)s + ts, i - ts)) {
					i = j;
					continue;
				}
			}
			if (c == '.' && dots == 1 && !ellipsis && (j == n || only_brackets(g, n, j))) {
				if (period_ends(g, start, i, q, lim, j != n))
					split_at(g, &start, j);
			} else if (starts_sentence(g, q, lim)) {
				split_at(g, &start, j);
			}
		}
		i = j;
	}
	push_span(g, g->sents, start, pe);
}

/* --- driver -------------------------------------------------------------- */

/* Close the paragraph [b, e): its sentences, then its span. */
static void
close_paragraph(struct seg *g, size_t b, size_t e, struct spans *paras)
{
	size_t cs;

	b = skip_blanks(g, b, e);
	e = skip_blanks_back(g, b, e);
	if (e <= b)
		return;
	cs = cp_of(&g->cur, g->s, b);
	if (g->sents)
		sentences(g, b, e);
	if (paras)
		spans_push(paras, cs, cp_of(&g->cur, g->s, e));
}

static void
seg_init(struct seg *g, const char *text, size_t len, struct spans *sents)
{
	memset(g, 0, sizeof *g);
	memset(g->nl_from, 0xff, sizeof g->nl_from); /* nothing cached */
	g->s = (const uchar *)text;
	g->len = len;
	g->sents = sents;
	g->blank_mode = -1; /* unknown until a paragraph holds a line break */
}

/*
 * The lines of the text grouped into paragraphs (see the top of the file).
 * Reading lines as paragraphs (blank_mode 0), it gives up and returns 0 at
 * the first blank line, so that the caller can start over in blank-line
 * mode; that keeps one pass for one-per-line text.
 */
static int
segment_lines(struct seg *g, struct spans *paras)
{
	size_t i = 0, pb = 0, prev_end = 0, next, e, len = g->len;
	int open = 0, hard, prev_hard = 0, first = 1;

	while (i < len) {
		size_t cb, ce;
		e = line_end(g, i, &next, &hard);
		if (first && e == len) { /* no line break at all */
			close_paragraph(g, 0, len, paras);
			return 1;
		}
		cb = skip_blanks(g, i, e);
		ce = skip_blanks_back(g, cb, e);
		if (!g->blank_mode && (hard || (!first && e < len && cb == ce)))
			return 0;
		if (cb == ce) { /* a blank line */
			if (open)
				close_paragraph(g, pb, prev_end, paras);
			open = 0;
		} else if (open && (prev_hard || !(g->blank_mode || continues(g, pb, prev_end, cb, ce)))) {
			close_paragraph(g, pb, prev_end, paras);
			pb = cb;
		} else if (!open) {
			open = 1;
			pb = cb;
		}
		if (cb != ce)
			prev_end = ce;
		prev_hard = hard;
		first = 0;
		i = next;
	}
	if (open)
		close_paragraph(g, pb, prev_end, paras);
	return 1;
}

static void
segment(const char *text, size_t len, struct spans *paras, struct spans *sents)
{
	struct seg g;
	size_t np = paras ? paras->n : 0, ns = sents ? sents->n : 0;

	memset(&g, 0, sizeof g);
	memset(g.nl_from, 0xff, sizeof g.nl_from); /* nothing cached */
	g.s = (const uchar *)text;
	g.len = len;
	g.sents = sents;
	if (segment_lines(&g, paras))
		return;
	/* A blank line: paragraphs are separated by blank lines.  Start over. */
	if (paras)
		paras->n = np;
	if (sents)
		sents->n = ns;
	g.cur.b = g.cur.cp = 0;
	g.blank_mode = 1;
	(void)segment_lines(&g, paras);
}

void
segment_paragraphs(const char *text, size_t len, struct spans *out)
{
	segment(text, len, out, NULL);
}

void
segment_sentences(const char *text, size_t len, struct spans *out)
{
	segment(text, len, NULL, out);
}

void
segment_text(const char *text, size_t len, struct spans *paras, struct spans *sents)
{
	segment(text, len, paras, sents);
}

void
segment_sentences_in(const char *text, size_t len, const struct spans *paras, struct spans *out)
{
	struct seg g;
	struct cursor pc = { 0, 0 };
	size_t k;

	seg_init(&g, text, len, out);
	for (k = 0; k < paras->n; k++) {
		size_t b = byte_of(&pc, g.s, len, paras->v[k].start);
		size_t e = byte_of(&pc, g.s, len, paras->v[k].end);
		if (e <= b)
			continue;
		b = skip_blanks(&g, b, e);
		if (b < g.cur.b)
			continue; /* overlapping or unordered spans: skip rather than misnumber */
		sentences(&g, b, e);
	}
}
