/*
 * marks.c - the quotation-mark scanner.
 *
 * Finds the outermost quotations of a text in every common mark style:
 * “…” and ‘…’, „…“ and ‚…‘ (German, Polish), «…» and »…«, ”…” (Swedish),
 * and straight " and ' used as both opening and closing marks, which are
 * told apart by their neighbours (an opening mark follows a space or an
 * opening bracket and precedes a letter).  An apostrophe inside a word
 * ("what’s") or after a plural ("workers’") is not a closing mark unless a
 * single quotation is open.  Quotations nest (the outermost is kept).  A
 * quotation left open at the end of a paragraph continues when the next
 * paragraph begins with an opening mark (the newspaper convention for a
 * quote running over several paragraphs); otherwise it ends with the
 * paragraph.
 */
#include <string.h>

#include "quotes.h"
#include "utf8.h"
#include "xalloc.h"

#define MAXDEPTH 16

enum family { FAM_DOUBLE, FAM_SINGLE };

struct open_mark {
	uint32_t closer1, closer2; /* code points that close it */
	size_t cp;
	enum family fam;
	int straight;
};

static int
is_space_or_start(uint32_t c)
{
	return c == 0 || uc_is_space(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 ||
	       c == 0x2013 || c == '-' || c == '/' || c == 0x201C || c == 0x2018 || c == '"' ||
	       c == '\'' || c == 0xAB || c == 0x201E || c == 0x201A || c == ':';
}

static int
alnum(uint32_t c)
{
	return uc_is_alpha(c) || uc_is_digit(c);
}

/* The opening mark c at this position, or 0 when c does not open here. */
static int
opener(uint32_t prev, uint32_t c, uint32_t next, struct open_mark *m)
{
	m->straight = 0;
	switch (c) {
	case 0x201C: m->closer1 = 0x201D; m->closer2 = 0x201D; m->fam = FAM_DOUBLE; return 1;
	case 0x201E: m->closer1 = 0x201C; m->closer2 = 0x201D; m->fam = FAM_DOUBLE; return 1;
	case 0xAB: m->closer1 = 0xBB; m->closer2 = 0xBB; m->fam = FAM_DOUBLE; return 1;
	case 0x201A: m->closer1 = 0x2018; m->closer2 = 0x2019; m->fam = FAM_SINGLE; return 1;
	case 0x2018:
		if (uc_is_space(next) || next == 0)
			return 0;
		m->closer1 = 0x2019; m->closer2 = 0x2019; m->fam = FAM_SINGLE; return 1;
	case 0xBB:
	case 0x201D:
		if (!is_space_or_start(prev) || !alnum(next))
			return 0;
		m->closer1 = c == 0xBB ? 0xAB : 0x201D; m->closer2 = m->closer1; m->fam = FAM_DOUBLE;
		return 1;
	case '"':
		if (next == 0 || uc_is_space(next) || !is_space_or_start(prev))
			return 0;
		m->closer1 = m->closer2 = '"'; m->fam = FAM_DOUBLE; m->straight = 1; return 1;
	case '\'':
	case 0x2019:
		/* ’ opens only in the rare ’…’ style; both need a word after. */
		if (!is_space_or_start(prev) || !uc_is_alpha(next))
			return 0;
		if (c == 0x2019)
			return 0;
		m->closer1 = '\''; m->closer2 = 0x2019; m->fam = FAM_SINGLE; m->straight = 1; return 1;
	}
	return 0;
}

/* Can c close m here? */
static int
closes(const struct open_mark *m, uint32_t prev, uint32_t c, uint32_t next)
{
	if (c != m->closer1 && c != m->closer2)
		return 0;
	if (m->fam == FAM_SINGLE && (c == 0x2019 || c == '\'')) {
		/* An apostrophe inside a word is not a closing mark. */
		if (uc_is_alpha(prev) && uc_is_alpha(next))
			return 0;
		if (alnum(next))
			return 0;
	}
	if (m->straight && uc_is_space(prev) && c == '"' && next && !uc_is_space(next))
		return 0;
	return 1;
}

static void
emit(struct doc *d, size_t open, size_t close, int closed)
{
	struct qspan *q;

	if (close <= open + 1)
		return;
	ARRAY_GROW(d->qs, d->nqs + 1, d->qcap);
	q = &d->qs[d->nqs++];
	memset(q, 0, sizeof *q);
	q->open = open;
	q->close = close;
	q->s = open + 1;
	q->e = close;
	q->t_close = closed ? 0 : -1;
}

/* The first non-space code point at or after byte b, and its cp offset. */
static uint32_t
first_nonspace(const struct doc *d, const char *s, size_t len, size_t b, size_t limit_b)
{
	while (b < limit_b && STEP(d)) {
		uint32_t c = utf8_next(s, len, &b);
		if (!uc_is_space(c))
			return c;
	}
	return 0;
}

void
marks_scan(struct doc *d)
{
	struct open_mark st[MAXDEPTH];
	int depth = 0, skip_open = 0;
	size_t b = 0, cp = 0, p = 0, k;
	uint32_t prev = 0;
	const char *s = d->text;

	while (b < d->len && STEP(d)) {
		size_t b0 = b, bn;
		uint32_t c = utf8_next(s, d->len, &b), next;

		/* Leaving a paragraph? */
		while (p + 1 < d->paras.n && cp >= d->paras.v[p + 1].start && STEP(d)) {
			/* The quote continues if the next paragraph opens with a mark. */
			if (depth > 0) {
				struct open_mark probe;
				uint32_t fc = first_nonspace(d, s, d->len, b0, d->len);
				if (opener(0, fc, 'A', &probe) && probe.fam == st[0].fam) {
					depth = 1;
					skip_open = 1;
				} else {
					emit(d, st[0].cp, d->paras.v[p].end, 0);
					depth = 0;
				}
			}
			p++;
			prev = 0;
		}
		if (!(c == '"' || c == '\'' || c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201E))) {
			if (!uc_is_space(c))
				skip_open = 0;
			prev = c;
			cp++;
			continue;
		}
		bn = b;
		next = b < d->len ? utf8_next(s, d->len, &bn) : 0;
		if (c == '\n' || c == '\r')
			next = next ? next : 0;
		{
			int i, done = 0;
			struct open_mark m;
			/* Straight marks cannot nest: an opening-looking " while one is
			 * open means the last closing mark was left out. */
			if (c == '"' && depth > 0 && st[depth - 1].straight && st[depth - 1].fam == FAM_DOUBLE &&
			    uc_is_space(prev) && next && alnum(next)) {
				if (depth == 1)
					emit(d, st[0].cp, cp - 1, 0);
				depth--;
			}
			for (i = depth - 1; i >= 0 && !done; i--) {
				if (closes(&st[i], prev, c, next)) {
					if (i == 0)
						emit(d, st[0].cp, cp, 1);
					depth = i;
					done = 1;
				}
				/* A straight mark never closes past a curly one. */
				if (!done && !st[i].straight && (c == '"' || c == '\''))
					break;
			}
			if (!done && opener(prev, c, next, &m)) {
				if (skip_open && depth == 1 && m.fam == st[0].fam) {
					skip_open = 0;
				} else if (depth < MAXDEPTH) {
					m.cp = cp;
					st[depth++] = m;
				}
			} else if (!uc_is_space(c)) {
				skip_open = 0;
			}
		}
		prev = c;
		cp++;
	}
	if (depth > 0)
		emit(d, st[0].cp, p < d->paras.n ? d->paras.v[p].end : cp, 0);

	/* Tokens of each quotation. */
	for (k = 0; k < d->nqs && STEP(d); k++) {
		struct qspan *q = &d->qs[k];
		int i = doc_tok_at(d, q->open), j, closed = q->t_close == 0;
		if (i >= (int)d->nt)
			continue;
		q->t_open = i;
		d->t[i].mark = 1;
		q->sent = d->t[i].sent;
		for (j = i + 1; j < (int)d->nt && d->t[j].start < q->close && STEP(d); j++)
			d->t[j].quote = (int)k;
		q->t_close = -1;
		if (closed && j < (int)d->nt && d->t[j].start <= q->close) {
			q->t_close = j;
			d->t[j].mark = 2;
		}
		d->t[i].quote = -1;
	}
}
