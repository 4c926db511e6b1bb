/* tokenize.c - the shared word tokenizer; see tokenize.h. */
#include "tokenize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * The text decoded once: code points and the byte offset of each.  Texts
 * of up to SMALL_TEXT bytes (a sentence, a title) decode into the
 * caller's stack buffers; longer ones into scratch space that struct
 * tokens keeps between calls.
 */
#define SMALL_TEXT 1024

struct cps {
	uint32_t *cp;
	size_t *off; /* off[i] = byte offset of cp[i]; off[n] = length */
	size_t n;
};

static void
decode(const char *s, size_t len, struct cps *c, uint32_t *cp_buf, size_t *off_buf, struct tokens *out)
{
	size_t i = 0;

	if (len > SMALL_TEXT && len + 1 > out->scratch_cap) {
		size_t cap = out->scratch_cap ? out->scratch_cap : 4096;
		while (cap < len + 1)
			cap *= 2;
		free(out->scratch_cp);
		free(out->scratch_off);
		out->scratch_cp = xmalloc(cap * sizeof *out->scratch_cp);
		out->scratch_off = xmalloc(cap * sizeof *out->scratch_off);
		out->scratch_cap = cap;
	}
	c->cp = len > SMALL_TEXT ? out->scratch_cp : cp_buf;
	c->off = len > SMALL_TEXT ? out->scratch_off : off_buf;
	c->n = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		c->off[c->n] = i;
		if (b < 0x80) {
			c->cp[c->n++] = b;
			i++;
			continue;
		}
		c->cp[c->n++] = utf8_next(s, len, &i);
	}
	c->off[c->n] = len;
	c->cp[c->n] = 0;
}

static int
is_hyphen(uint32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

static int
is_apos(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

static int
is_alnum(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) - 'a' < 26 || c - '0' < 10;
	return uc_is_alpha(c) || uc_is_digit(c) || uc_is_mark(c);
}

static uint32_t
at(const struct cps *c, size_t i)
{
	return i < c->n ? c->cp[i] : 0;
}

static int
ascii_ieq(const struct cps *c, size_t i, const char *lit)
{
	size_t k;

	for (k = 0; lit[k]; k++)
		if (uc_tolower(at(c, i + k)) != (uint32_t)lit[k])
			return 0;
	return 1;
}

/* Characters that end a URL or email when they are last: sentence punctuation. */
static int
is_trailing_punct(uint32_t c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
	       c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x201d || c == 0x2019 || c == '>';
}

/* Scan a run of non-space characters from i; return its end. */
static size_t
scan_nonspace(const struct cps *c, size_t i)
{
	while (i < c->n && !uc_is_space(c->cp[i]) && c->cp[i] != '"' && c->cp[i] != 0x201c &&
	       c->cp[i] != 0x201d && c->cp[i] != '<')
		i++;
	return i;
}

static size_t
trim_trailing(const struct cps *c, size_t s, size_t e)
{
	size_t open = 0, close = 0, k;

	for (k = s; k < e; k++) {
		open += c->cp[k] == '(';
		close += c->cp[k] == ')';
	}
	while (e > s && is_trailing_punct(c->cp[e - 1])) {
		/* Keep a ')' that closes a '(' inside the URL (Wikipedia links). */
		if (c->cp[e - 1] == ')' && open >= close)
			break;
		if (c->cp[e - 1] == ')')
			close--;
		e--;
	}
	return e;
}

/* A URL at i: http(s)://... or www.x... ; returns its end or 0. */
static size_t
match_url(const struct cps *c, size_t i)
{
	size_t e;

	if (ascii_ieq(c, i, "http://") || ascii_ieq(c, i, "https://") || ascii_ieq(c, i, "ftp://")) {
		e = trim_trailing(c, i, scan_nonspace(c, i));
		return e > i + 8 ? e : 0;
	}
	if (ascii_ieq(c, i, "www.") && uc_is_alpha(at(c, i + 4))) {
		e = trim_trailing(c, i, scan_nonspace(c, i));
		return e;
	}
	return 0;
}

/* An email at i: local@domain.tld; returns its end or 0. */
static size_t
match_email(const struct cps *c, size_t i)
{
	size_t e = trim_trailing(c, i, scan_nonspace(c, i)), k, at_pos = 0, dot_after = 0;

	for (k = i; k < e; k++) {
		uint32_t ch = c->cp[k];
		if (ch == '@') {
			if (at_pos)
				return 0;
			at_pos = k;
		} else if (ch == '.' && at_pos && k > at_pos + 1 && k + 1 < e) {
			dot_after = k;
		} else if (!is_alnum(ch) && ch != '.' && ch != '_' && ch != '-' && ch != '+') {
			return 0;
		}
	}
	if (!at_pos || at_pos == i || !dot_after || !uc_is_alpha(c->cp[e - 1]))
		return 0;
	return e;
}

static void
push(struct tokens *out, const struct cps *c, size_t s, size_t e, size_t cp_base, size_t byte_base,
     int type, int flags)
{
	struct token *t;

	ARRAY_GROW(out->v, out->n + 1, out->cap);
	t = &out->v[out->n++];
	t->start = cp_base + s;
	t->end = cp_base + e;
	t->bstart = byte_base + c->off[s];
	t->bend = byte_base + c->off[e];
	t->type = (unsigned char)type;
	t->flags = (unsigned char)flags;
}

/* Scan a word or number from i: letters, digits and internal joiners. */
static size_t
scan_word(const struct cps *c, size_t i)
{
	size_t e = i;

	while (e < c->n) {
		uint32_t ch = c->cp[e];
		if (is_alnum(ch)) {
			e++;
			continue;
		}
		/* Joiners stay inside a word only between two word characters. */
		if (e > i && e + 1 < c->n && is_alnum(c->cp[e - 1]) && is_alnum(c->cp[e + 1])) {
			if (is_hyphen(ch) || ch == '&' || ch == '_') {
				e++;
				continue;
			}
			if (is_apos(ch) && uc_is_alpha(c->cp[e - 1]) && uc_is_alpha(c->cp[e + 1])) {
				e++;
				continue;
			}
			if ((ch == '.' || ch == ',' || ch == ':') && uc_is_digit(c->cp[e - 1]) &&
			    uc_is_digit(c->cp[e + 1])) {
				/* 1,000 needs three digits after the comma; 13.5 and 3:30 any. */
				if (ch == ',' && !(uc_is_digit(at(c, e + 2)) && uc_is_digit(at(c, e + 3)) &&
						   !uc_is_digit(at(c, e + 4)))) {
					break;
				}
				e++;
				continue;
			}
		}
		break;
	}
	return e;
}

/* Length of a clitic at the end of word [s, e): 's 're 've 'll 'd 'm n't; 0 if none. */
static size_t
clitic_len(const struct cps *c, size_t s, size_t e)
{
	static const char *const clitics[] = { "s", "re", "ve", "ll", "d", "m" };
	size_t k, n;

	if (e - s >= 4 && is_apos(c->cp[e - 2]) && uc_tolower(c->cp[e - 1]) == 't' &&
	    uc_tolower(c->cp[e - 3]) == 'n')
		return 3; /* n't */
	for (k = 0; k < sizeof clitics / sizeof clitics[0]; k++) {
		n = strlen(clitics[k]);
		if (e - s > n + 1 && is_apos(c->cp[e - n - 1]) && ascii_ieq(c, e - n, clitics[k]))
			return n + 1;
	}
	return 0;
}

/*
 * A title before a name, written in capitals before a name in capitals:
 * the "ST." of a dateline "ST. LOUIS", "MR. SMITH" in a headline.  Only
 * abbreviations that never end a sentence (abbrev.h's ABBREV_PREFIX) and
 * only before a capital letter: "SAY NO. The ..." stays a sentence end.
 */
static int
shouted_prefix(const char *text, const struct cps *c, size_t s, size_t e)
{
	char w[8];
	size_t k, n = c->off[e] - c->off[s];

	if (n < 2 || n >= sizeof w || at(c, e + 1) != ' ' || !uc_is_upper(at(c, e + 2)) || !uc_is_upper(at(c, e + 3)))
		return 0;
	for (k = 0; k < n; k++) {
		char ch = text[c->off[s] + k];
		if (ch < 'A' || ch > 'Z')
			return 0;
		w[k] = (char)(k == 0 ? ch : ch + 32);
	}
	return abbrev_lookup(w, n) == ABBREV_PREFIX;
}

/* Is [s, e) followed by '.' an abbreviation or initial?  Checks ASCII words. */
static int
is_abbrev(const char *text, const struct cps *c, size_t s, size_t e)
{
	if (at(c, e) != '.')
		return 0;
	/* A single capital letter: an initial ("J. K. Rowling"). */
	if (e - s == 1 && uc_is_upper(c->cp[s]))
		return 1;
	if (abbrev_lookup(text + c->off[s], c->off[e] - c->off[s]) != ABBREV_NONE)
		return 1;
	return shouted_prefix(text, c, s, e);
}

/*
 * Dotted abbreviations: letters separated by single dots, ending in a dot:
 * "U.S.", "a.m.", "e.g.", "Ph.D.", "U.S.A.".  Returns the end (after the
 * final dot) or 0.
 */
static size_t
match_dotted(const struct cps *c, size_t i)
{
	size_t e = i, w, parts = 0;

	for (;;) {
		w = e;
		while (w < c->n && uc_is_alpha(c->cp[w]) && w - e < 3)
			w++;
		/* Each part is one or two letters followed by a dot. */
		if (w == e || w - e > 2 || at(c, w) != '.')
			break;
		parts++;
		e = w + 1;
		if (!uc_is_alpha(at(c, e)))
			break;
	}
	return parts >= 2 ? e : 0;
}

/*
 * Push the abbreviation [s, e) (its full stop included); a hyphen joins it
 * to the word after it as it joins words ("U.S.-led", "Mo.-based").
 * Returns the end of the token.
 */
static size_t
push_abbrev(struct tokens *out, const struct cps *c, size_t s, size_t e, size_t cp_base, size_t byte_base)
{
	if (is_hyphen(at(c, e)) && is_alnum(at(c, e + 1))) {
		e = scan_word(c, e + 1);
		push(out, c, s, e, cp_base, byte_base, TOK_WORD, 0);
		return e;
	}
	push(out, c, s, e, cp_base, byte_base, TOK_WORD, TOKF_ABBREV);
	return e;
}

void
tokenize(const char *text, size_t len, size_t cp_base, size_t byte_base, struct tokens *out)
{
	struct cps c;
	size_t i = 0, e, k;
	uint32_t cp_buf[SMALL_TEXT + 1];
	size_t off_buf[SMALL_TEXT + 1];

	decode(text, len, &c, cp_buf, off_buf, out);
	while (i < c.n) {
		uint32_t ch = c.cp[i];

		if (uc_is_space(ch) || ch == 0xfeff || ch == 0x200b || ch == 0xad) {
			i++;
			continue;
		}
		if ((e = match_url(&c, i)) != 0) {
			push(out, &c, i, e, cp_base, byte_base, TOK_URL, 0);
			i = e;
			continue;
		}
		if (is_alnum(ch)) {
			if ((e = match_email(&c, i)) != 0) {
				push(out, &c, i, e, cp_base, byte_base, TOK_EMAIL, 0);
				i = e;
				continue;
			}
			if (uc_is_alpha(ch) && (e = match_dotted(&c, i)) != 0) {
				i = push_abbrev(out, &c, i, e, cp_base, byte_base);
				continue;
			}
			e = scan_word(&c, i);
			if (is_abbrev(text, &c, i, e)) {
				i = push_abbrev(out, &c, i, e + 1, cp_base, byte_base);
				continue;
			}
			k = clitic_len(&c, i, e);
			int type = TOK_NUMBER;
			size_t j;
			for (j = i; j < e - k; j++)
				if (uc_is_alpha(c.cp[j]))
					type = TOK_WORD;
			if (!uc_is_digit(ch))
				type = TOK_WORD;
			push(out, &c, i, e - k, cp_base, byte_base, type, 0);
			if (k)
				push(out, &c, e - k, e, cp_base, byte_base, TOK_WORD, TOKF_CLITIC);
			i = e;
			continue;
		}
		/* A leading-apostrophe clitic after a word: "James' ", "'s" alone. */
		if (is_apos(ch) && i > 0 && uc_is_alpha(at(&c, i - 1)) && uc_tolower(at(&c, i + 1)) == 's' &&
		    !is_alnum(at(&c, i + 2))) {
			push(out, &c, i, i + 2, cp_base, byte_base, TOK_WORD, TOKF_CLITIC);
			i += 2;
			continue;
		}
		/* ".5" is a number. */
		if (ch == '.' && uc_is_digit(at(&c, i + 1)) && (i == 0 || !is_alnum(c.cp[i - 1]))) {
			e = scan_word(&c, i + 1);
			push(out, &c, i, e, cp_base, byte_base, TOK_NUMBER, 0);
			i = e;
			continue;
		}
		if (uc_is_punct(ch)) {
			e = i + 1;
			/* Runs of the same mark are one token: "...", "--", "!!". */
			while (e < c.n && c.cp[e] == ch && (ch == '.' || ch == '-' || ch == '!' || ch == '?' ||
							    ch == '*' || ch == '=' || ch == '_'))
				e++;
			push(out, &c, i, e, cp_base, byte_base, TOK_PUNCT, 0);
			i = e;
			continue;
		}
		{
			int flags = 0;
			if (ch == '$' || (ch >= 0x20a0 && ch <= 0x20cf) || ch == 0xa3 || ch == 0xa5 || ch == 0xa2)
				flags = TOKF_CURRENCY;
			push(out, &c, i, i + 1, cp_base, byte_base, TOK_SYMBOL, flags);
			i++;
		}
	}
}

void
tokens_clear(struct tokens *t)
{
	t->n = 0;
}

void
tokens_release(struct tokens *t)
{
	free(t->v);
	free(t->scratch_cp);
	free(t->scratch_off);
	t->v = NULL;
	t->scratch_cp = NULL;
	t->scratch_off = NULL;
	t->n = t->cap = t->scratch_cap = 0;
}

const char *
token_type_name(enum token_type t)
{
	switch (t) {
	case TOK_WORD:
		return "word";
	case TOK_NUMBER:
		return "number";
	case TOK_PUNCT:
		return "punct";
	case TOK_SYMBOL:
		return "symbol";
	case TOK_URL:
		return "url";
	case TOK_EMAIL:
		return "email";
	}
	return "?";
}
