/*
 * segment.c - paragraph and sentence segmentation; see segment.h.
 *
 * A sentence ends at a terminal mark (. ! ? and their runs, the ellipsis)
 * that is followed by the end of the paragraph, or by space and then a
 * word that can start a sentence.  Closing quotes and brackets right
 * after the mark belong to the sentence that ends.  A full stop does not
 * end a sentence when it belongs to a number, an initial, or an
 * abbreviation that precedes a name (Mr., Gen., No.); after other
 * abbreviations (Inc., U.S., a.m.) it ends one only when the next word
 * looks like a sentence start.
 */
#include "segment.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "utf8.h"
#include "xalloc.h"

struct text {
	const char *s;
	uint32_t *cp;
	size_t *off; /* byte offset of each code point; off[n] = len */
	size_t n;
};

static void
text_decode(struct text *t, const char *s, size_t len)
{
	size_t i = 0;

	t->s = s;
	t->cp = xmalloc((len + 1) * sizeof *t->cp);
	t->off = xmalloc((len + 1) * sizeof *t->off);
	t->n = 0;
	while (i < len) {
		t->off[t->n] = i;
		t->cp[t->n++] = utf8_next(s, len, &i);
	}
	t->off[t->n] = len;
	t->cp[t->n] = 0;
}

static void
text_release(struct text *t)
{
	free(t->cp);
	free(t->off);
}

static uint32_t
at(const struct text *t, size_t i)
{
	return i < t->n ? t->cp[i] : 0;
}

static int
is_newline(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

static int
is_blank(uint32_t c)
{
	return uc_is_space(c) || c == 0x200b || c == 0xfeff;
}

static void
push_trimmed(const struct text *t, size_t s, size_t e, struct spans *out)
{
	while (s < e && is_blank(t->cp[s]))
		s++;
	while (e > s && is_blank(t->cp[e - 1]))
		e--;
	if (e > s)
		spans_push(out, s, e);
}

static void
paragraphs(const struct text *t, struct spans *out)
{
	size_t i, start = 0;
	int has_blank_line = 0;

	/* Does the text separate paragraphs with blank lines? */
	for (i = 0; i < t->n && !has_blank_line; i++) {
		if (t->cp[i] == '\n') {
			size_t k = i + 1;
			while (k < t->n && is_blank(t->cp[k]) && t->cp[k] != '\n')
				k++;
			if (k < t->n && t->cp[k] == '\n')
				has_blank_line = 1;
		}
	}
	for (i = 0; i <= t->n; i++) {
		if (i < t->n && !is_newline(t->cp[i]))
			continue;
		if (i < t->n && has_blank_line) {
			size_t k = i + 1;
			while (k < t->n && is_blank(t->cp[k]) && !is_newline(t->cp[k]))
				k++;
			if (k < t->n && !is_newline(t->cp[k]))
				continue; /* a wrapped line inside a paragraph */
		}
		push_trimmed(t, start, i, out);
		start = i + 1;
	}
}

void
segment_paragraphs(const char *text, size_t len, struct spans *out)
{
	struct text t;

	text_decode(&t, text, len);
	paragraphs(&t, out);
	text_release(&t);
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
	return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x201c || c == 0x2018 ||
	       c == 0xab || c == 0x2039 || c == 0x201e;
}

static int
is_terminal(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203c || c == 0x2047 ||
	       c == 0x2048 || c == 0x2049 || c == 0x3002 || c == 0xff01 || c == 0xff1f;
}

/* Bounds of the word that ends just before position i (letters, digits, dots, hyphens). */
static size_t
word_start_before(const struct text *t, size_t from, size_t i)
{
	size_t s = i;

	while (s > from && (uc_is_alpha(t->cp[s - 1]) || uc_is_digit(t->cp[s - 1]) || t->cp[s - 1] == '.' ||
			    t->cp[s - 1] == '-' || t->cp[s - 1] == '\''))
		s--;
	return s;
}

/* Common words that start sentences; after "Inc." or "U.S." they signal a new one. */
static int
is_sentence_starter(const struct text *t, size_t i, size_t end)
{
	static const char *const starters[] = {
		"A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
		"I", "You", "His", "Her", "Their", "Our", "My", "There", "Here", "But", "And", "Or", "So",
		"Yet", "However", "In", "On", "At", "For", "If", "When", "While", "As", "After", "Before",
		"Since", "Although", "Meanwhile", "Still", "Then", "Now", "Some", "Many", "Most", "All",
		"No", "Not", "What", "Why", "How", "Who", "Where", "Which", "Shares", "Last", "Earlier",
		"Later", "According", "During", "By", "With", "From", "One", "Two", "Each", "Both", NULL,
	};
	size_t e = i, k;
	char w[16];

	while (e < end && uc_is_alpha(t->cp[e]) && e - i < 15)
		e++;
	if (e - i >= 15 || e == i)
		return 0;
	for (k = i; k < e; k++) {
		if (t->cp[k] >= 0x80)
			return 0;
		w[k - i] = (char)t->cp[k];
	}
	w[e - i] = '\0';
	for (k = 0; starters[k]; k++)
		if (strcmp(starters[k], w) == 0)
			return 1;
	return 0;
}

/*
 * Is the full stop at position p (inside [from, end)) the end of a
 * sentence, given that the next word starts at q?
 */
static int
period_ends_sentence(const struct text *t, size_t from, size_t p, size_t q, size_t end)
{
	size_t ws = word_start_before(t, from, p);
	uint32_t next = at(t, q);
	enum abbrev_kind kind;
	size_t k, letters = 0, dots = 0;

	/* End of paragraph: always. */
	if (q >= end)
		return 1;
	/* Lower-case continuation: not a sentence start. */
	if (uc_is_lower(next))
		return 0;
	if (ws == p) /* the period follows punctuation or space */
		return 1;
	for (k = ws; k < p; k++) {
		if (t->cp[k] == '.')
			dots++;
		else if (uc_is_alpha(t->cp[k]))
			letters++;
	}
	/* A single capital letter: an initial ("John F. Kennedy"), unless a sentence starter follows. */
	if (p - ws == 1 && uc_is_upper(t->cp[ws]))
		return is_sentence_starter(t, q, end);
	/* Dotted abbreviations (U.S., a.m.): end only before a sentence starter. */
	if (dots > 0 && letters <= 2 * (dots + 1) && letters > 0)
		return is_sentence_starter(t, q, end);
	kind = abbrev_lookup(t->s + t->off[ws], t->off[p] - t->off[ws]);
	if (kind == ABBREV_PREFIX)
		return 0;
	if (kind == ABBREV_PLAIN)
		return is_sentence_starter(t, q, end);
	return 1;
}

static void
sentences_in(const struct text *t, size_t from, size_t end, struct spans *out)
{
	size_t i = from, start = from;

	while (i < end) {
		uint32_t c = t->cp[i];
		size_t j, q;

		if (!is_terminal(c)) {
			i++;
			continue;
		}
		/* A decimal point or a dot inside a word/URL: not a terminal. */
		if (c == '.' && i + 1 < end && !is_blank(t->cp[i + 1]) && !is_closer(t->cp[i + 1]) &&
		    !is_terminal(t->cp[i + 1])) {
			i++;
			continue;
		}
		j = i + 1;
		while (j < end && is_terminal(t->cp[j]))
			j++;
		while (j < end && is_closer(t->cp[j]))
			j++;
		/* Terminal marks must be followed by space (or the end) to end a sentence. */
		if (j < end && !is_blank(t->cp[j])) {
			i = j;
			continue;
		}
		q = j;
		while (q < end && is_blank(t->cp[q]))
			q++;
		if (q < end) {
			uint32_t n = t->cp[q];
			size_t w = q;
			while (w < end && is_opener(t->cp[w]))
				w++;
			n = at(t, w);
			if (uc_is_lower(n) || (!uc_is_upper(n) && !uc_is_digit(n) && !is_opener(t->cp[q]) &&
					      !uc_is_alpha(n))) {
				i = j;
				continue;
			}
			if (c == '.' && j == i + 1 && !period_ends_sentence(t, start, i, w, end)) {
				i = j;
				continue;
			}
		}
		push_trimmed(t, start, j, out);
		start = j;
		i = j;
	}
	push_trimmed(t, start, end, out);
}

void
segment_sentences_in(const char *text, size_t len, const struct spans *paras, struct spans *out)
{
	struct text t;
	size_t k;

	text_decode(&t, text, len);
	for (k = 0; k < paras->n; k++)
		sentences_in(&t, paras->v[k].start, paras->v[k].end, out);
	text_release(&t);
}

void
segment_sentences(const char *text, size_t len, struct spans *out)
{
	struct text t;
	struct spans paras = SPANS_INIT;
	size_t k;

	text_decode(&t, text, len);
	paragraphs(&t, &paras);
	for (k = 0; k < paras.n; k++)
		sentences_in(&t, paras.v[k].start, paras.v[k].end, out);
	spans_release(&paras);
	text_release(&t);
}
