/*
 * doc.c - the document news-extract-quotes works on: tokens with their
 * sentence, paragraph, entity and lexicon classes, and the names of the
 * people and organisations in it.
 *
 * Memory is a small constant per token: the text is tokenized in chunks
 * of about 64 KiB (cut at white space, where no token can span), each
 * chunk's tokens turned into the document's at once, so the shared
 * tokenizer's own arrays stay the size of a chunk.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "quotes.h"
#include "segment.h"
#include "utf8.h"
#include "xalloc.h"

#define CHUNK_BYTES 65536

int
tok_word(const struct doc *d, int i)
{
	return i >= 0 && (size_t)i < d->nt && d->t[i].type == TOK_WORD;
}

uint32_t
tok_cp0(const struct doc *d, int i)
{
	size_t b;

	if (i < 0 || (size_t)i >= d->nt)
		return 0;
	b = d->t[i].bstart;
	return utf8_next(d->text, d->t[i].bend, &b);
}

/* Compare without hashing: s is lower-case ASCII; a leading ' also
 * matches a typographic apostrophe. */
int
tok_is(const struct doc *d, int i, const char *s)
{
	const char *w;
	size_t n = strlen(s), m, k;

	if (i < 0 || (size_t)i >= d->nt || d->t[i].type != TOK_WORD)
		return 0;
	w = d->text + d->t[i].bstart;
	m = d->t[i].bend - d->t[i].bstart;
	if (*s == '\'' && m == n + 2 && memcmp(w, "\xe2\x80\x99", 3) == 0) {
		w += 3;
		m -= 3;
		s++;
		n--;
	}
	if (m != n)
		return 0;
	for (k = 0; k < n; k++) {
		char c = w[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != s[k])
			return 0;
	}
	return 1;
}

int
tok_is_punct(const struct doc *d, int i, const char *p)
{
	size_t n = strlen(p);

	return i >= 0 && (size_t)i < d->nt && d->t[i].type == TOK_PUNCT &&
	       d->t[i].bend - d->t[i].bstart == n && memcmp(d->text + d->t[i].bstart, p, n) == 0;
}

int
tok_quantifier(const struct doc *d, int i)
{
	static const char *const q[] = { "most", "many", "some", "others", "several", "few", "all", "both", NULL };
	int k;

	for (k = 0; q[k]; k++)
		if (tok_is(d, i, q[k]))
			return 1;
	return 0;
}

int
win_lo(const struct doc *d, int i)
{
	int s0 = d->sent_t0[d->t[i].sent];

	return i - SCAN_WIN > s0 ? i - SCAN_WIN : s0;
}

int
win_hi(const struct doc *d, int i)
{
	int s1 = d->sent_t0[d->t[i].sent + 1];

	return i + SCAN_WIN < s1 ? i + SCAN_WIN : s1;
}

static unsigned
match_cue(struct doc *d, size_t i, unsigned *len)
{
	size_t n, k;
	const struct cue_entry *e = lexicon_cues(d->lx, d->t[i].h, &n);

	unsigned flags = 0;

	/* Longest phrase first; a form listed twice (a verb and a noun:
	 * "claims") has the flags of both. */
	*len = 0;
	for (k = 0; k < n && STEP(d); k++) {
		unsigned w, ok = 1;
		if (*len && e[k].nwords != *len)
			break;
		for (w = 1; w < e[k].nwords && ok; w++)
			ok = i + w < d->nt && d->t[i + w].sent == d->t[i].sent &&
			     d->t[i + w].h == e[k].words[w - 1];
		if (ok) {
			*len = e[k].nwords;
			flags |= e[k].flags;
		}
	}
	return flags;
}

/* s[0, n) ends with the lower-case ASCII suffix x, in any case. */
static int
ends_with(const char *s, size_t n, const char *x)
{
	size_t m = strlen(x), k;

	if (n < m)
		return 0;
	for (k = 0; k < m; k++)
		if ((s[n - m + k] | 0x20) != x[k])
			return 0;
	return 1;
}

/*
 * A hyphenated noun of a person: an age ("the 46-year-old"), or a compound
 * whose head is its first part ("mother-of-nine", "editor-in-chief",
 * "mother-to-be"), which then stands for that head (its sex, its titles).
 */
static void
hyphenated_noun(const struct doc *d, struct qtok *t, const char *w, size_t n)
{
	static const char *const links[] = { "-of-", "-in-", "-at-", "-to-", NULL };
	size_t k, j;
	uint64_t h;

	if (ends_with(w, n, "-year-old") || ends_with(w, n, "-years-old")) {
		t->noun = NOUN_PERSON;
		return;
	}
	for (j = 1; j + 4 < n; j++)
		if (w[j] == '-')
			break;
	for (k = 0; links[k]; k++)
		if (j + 4 < n && memcmp(w + j, links[k], 4) == 0)
			break;
	if (!links[k])
		return;
	h = word_hash(w, j);
	if (lexicon_noun(d->lx, h) == NOUN_PERSON) {
		t->noun = NOUN_PERSON;
		t->h = h;
	}
}

/* Append the tokens of text[b0, b1) (code point cp0 at b0) to the document. */
static void
add_chunk(struct doc *d, size_t b0, size_t b1, size_t cp0)
{
	size_t i;
	const char *text = d->text;

	tokens_clear(&d->tk);
	tokenize(text + b0, b1 - b0, cp0, b0, &d->tk);
	ARRAY_GROW(d->t, d->nt + d->tk.n + 1, d->tcap);
	for (i = 0; i < d->tk.n && STEP(d); i++) {
		const struct token *k = &d->tk.v[i];
		struct qtok *t = &d->t[d->nt++];
		uint32_t c0;
		size_t b = k->bstart;

		memset(t, 0, sizeof *t);
		t->start = k->start;
		t->end = k->end;
		t->bstart = k->bstart;
		t->bend = k->bend;
		t->type = k->type;
		t->ent = -1;
		t->quote = -1;
		c0 = utf8_next(text, k->bend, &b);
		if (k->type == TOK_WORD) {
			size_t n = k->bend - k->bstart;
			t->h = word_hash(text + k->bstart, n);
			t->cap = (unsigned char)(uc_is_upper(c0) != 0);
			t->fw = lexicon_fw(d->lx, t->h);
			t->orgw = (unsigned char)(((t->fw & FW_ORGWORD) ? ORGW_END : 0) |
						  ((t->fw & FW_OFHEAD) ? ORGW_OF : 0) |
						  ((t->fw & FW_COLLECT) ? ORGW_COLLECT : 0) |
						  ((t->fw & FW_SUFFIX) ? ORGW_SUFFIX : 0));
			t->fw &= ~(unsigned)FW_ORGCLASS;
			t->noun = (unsigned char)lexicon_noun(d->lx, t->h);
			if (!t->noun && n > 4 && memchr(text + k->bstart, '-', n))
				hyphenated_noun(d, t, text + k->bstart, n);
			t->ing = n > 4 && memcmp(text + k->bend - 3, "ing", 3) == 0;
			if (n > 3 && memcmp(text + k->bend - 2, "ly", 2) == 0 && !t->cap)
				t->fw |= FW_ADV;
		}
	}
}

/* An opening quotation mark at token i (marks_scan has not run yet: by
 * its shape, a mark with no word before it). */
static int
is_opening_mark(const struct doc *d, int i)
{
	static const char *const open[] = { "\xe2\x80\x9c", "\xe2\x80\x98", "\xe2\x80\x9e", "\xc2\xab", NULL };
	int k;

	for (k = 0; open[k]; k++)
		if (tok_is_punct(d, i, open[k]))
			return 1;
	return (tok_is_punct(d, i, "\"") || tok_is_punct(d, i, "'")) &&
	       (i == 0 || d->t[i - 1].end < d->t[i].start);
}

static int
ascii_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

void
doc_prepare(struct doc *d, const char *text, size_t len, const struct spans *sents,
	    const struct spans *paras)
{
	size_t i, s = 0, p = 0, b0 = 0, cp0 = 0;

	d->text = text;
	d->len = len;
	d->nt = 0;
	spans_clear(&d->sents);
	spans_clear(&d->paras);
	for (i = 0; i < paras->n; i++)
		spans_push(&d->paras, paras->v[i].start, paras->v[i].end);
	for (i = 0; i < sents->n; i++)
		spans_push(&d->sents, sents->v[i].start, sents->v[i].end);
	if (d->sents.n == 0)
		spans_push(&d->sents, 0, 0);
	if (d->paras.n == 0)
		spans_push(&d->paras, 0, 0);

	/* Tokens, a chunk at a time: no token spans ASCII white space. */
	while (b0 < len) {
		size_t b1 = b0 + CHUNK_BYTES < len ? b0 + CHUNK_BYTES : len, cp1 = cp0, k;
		while (b1 < len && !ascii_space(text[b1]) && STEP(d))
			b1++;
		add_chunk(d, b0, b1, cp0);
		for (k = b0; k < b1; k++)
			cp1 += ((unsigned char)text[k] & 0xC0) != 0x80;
		b0 = b1;
		cp0 = cp1;
	}
	if (d->tk.cap > 2 * CHUNK_BYTES)
		tokens_release(&d->tk); /* one huge token: do not keep its room */
	d->ncp = cp0;

	for (i = 0; i < d->nt && STEP(d); i++) {
		struct qtok *t = &d->t[i];
		while (s + 1 < d->sents.n && d->sents.v[s].end <= t->start)
			s++;
		while (p + 1 < d->paras.n && d->paras.v[p].end <= t->start)
			p++;
		t->sent = (int)s;
		t->para = (int)p;
	}
	for (i = 0; i < d->nt && STEP(d); i++) {
		unsigned len2 = 0;
		/* A cue in capitals inside a sentence is a name ("Read said", "the
		 * Post"); at the start of a sentence or a quotation it is a verb. */
		if (d->t[i].type == TOK_WORD &&
		    (!d->t[i].cap || i == 0 || d->t[i - 1].sent != d->t[i].sent ||
		     tok_is_punct(d, (int)i - 1, ":") || tok_is_punct(d, (int)i - 1, "(") ||
		     is_opening_mark(d, (int)i - 1))) {
			unsigned f = match_cue(d, i, &len2);
			d->t[i].cuenoun = (f & CUE_NOUN) != 0;
			f &= ~(unsigned)CUE_NOUN;
			d->t[i].cueflags = (unsigned char)(f & ~(unsigned)CUE_BASE ? f : 0);
			d->t[i].cuelen = (unsigned char)(d->t[i].cueflags ? len2 : 0);
		}
	}
	ARRAY_GROW(d->sent_t0, d->sents.n + 1, d->sent_cap);
	for (s = 0, i = 0; s <= d->sents.n; s++) {
		while (i < d->nt && d->t[i].sent < (int)s && STEP(d))
			i++;
		d->sent_t0[s] = (int)i;
	}
	ARRAY_GROW(d->sent_hasq, d->sents.n + 1, d->sent_hasq_cap);
	memset(d->sent_hasq, 0, d->sents.n + 1);
}

int
doc_tok_at(const struct doc *d, size_t cp)
{
	size_t lo = 0, hi = d->nt;

	while (lo < hi && STEP(d)) {
		size_t mid = (lo + hi) / 2;
		if (d->t[mid].end <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int)lo;
}

/* From the nearest token boundary at or before cp, walk the UTF-8 forward:
 * the gap between two tokens is white space, a few characters. */
size_t
doc_cp_byte(const struct doc *d, size_t cp)
{
	int k = doc_tok_at(d, cp);
	size_t c, b;

	if ((size_t)k < d->nt && d->t[k].start <= cp) {
		c = d->t[k].start;
		b = d->t[k].bstart;
	} else if (k > 0) {
		c = d->t[k - 1].end;
		b = d->t[k - 1].bend;
	} else {
		c = 0;
		b = 0;
	}
	while (c < cp && b < d->len && STEP(d)) {
		utf8_next(d->text, d->len, &b);
		c++;
	}
	return b;
}

void
doc_add_entity(struct doc *d, size_t start, size_t end, enum ent_kind kind, const char *canonical,
	       size_t clen)
{
	struct qent *e;

	ARRAY_GROW(d->ents, d->nents + 1, d->ecap);
	e = &d->ents[d->nents++];
	e->start = start;
	e->end = end;
	e->kind = kind;
	e->canonical = canonical;
	e->canon_len = clen;
	e->t0 = e->t1 = -1;
	e->dent = -1;
	e->guessed = 0;
	e->role_person = 0;
}

static int
cmp_ent(const void *a, const void *b)
{
	const struct qent *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

/*
 * A word that opens a sentence in capitals but is no part of a name:
 * "Besides Demi Moore", "Meanwhile Apple", "But Smith".  The tagger (or
 * the capitalisation fallback) may take it in.  Only at the start of a
 * sentence, where capitals say nothing: "Bank of America" keeps its "of",
 * and auxiliaries stay ("Will Smith", "May Department Stores").
 */
static int
not_a_name_start(const struct doc *d, int i)
{
	const struct qtok *t = &d->t[i];
	int starts = i == d->sent_t0[t->sent] || (i > 0 && d->t[i - 1].type == TOK_PUNCT &&
						  (d->t[i - 1].mark == 1 || tok_is_punct(d, i - 1, ".")));

	if (!starts || t->type != TOK_WORD || (t->fw & (FW_AUX | FW_DET)))
		return 0;
	if (t->fw & (FW_PREP | FW_CONJ | FW_SUBORD | FW_ADV | FW_SUBJ | FW_POSS | FW_NEG | FW_THAT | FW_REL |
		     FW_NOCONTENT))
		return 1;
	return tok_is(d, i, "besides") || tok_is(d, i, "meanwhile") || tok_is(d, i, "instead") ||
	       tok_is(d, i, "yesterday") || tok_is(d, i, "today") || (t->cueflags && !t->noun);
}

/* The canonical name minus n leading words, when it starts with the
 * text of tokens [t0, t0 + n): "Besides Demi Moore" -> "Demi Moore". */
static void
drop_leading(const struct doc *d, struct qent *e, int n)
{
	size_t cut = d->t[e->t0 + n].bstart - d->t[e->t0].bstart;

	if (e->canonical && e->canon_len > cut &&
	    memcmp(e->canonical, d->text + d->t[e->t0].bstart, cut) == 0) {
		e->canonical += cut;
		e->canon_len -= cut;
	}
	e->t0 += n;
	e->start = d->t[e->t0].start;
}

void
doc_index_entities(struct doc *d)
{
	size_t k, o = 0;

	for (k = 0; k < d->nt && STEP(d); k++)
		d->t[k].ent = -1;
	if (d->nents > 1)
		qsort(d->ents, d->nents, sizeof *d->ents, cmp_ent);
	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int i = doc_tok_at(d, e->start), j, n = 0;
		/* Overlapping mentions: keep the first (longest at a start). */
		if (o && d->ents[o - 1].end > e->start)
			continue;
		if (i >= (int)d->nt || d->t[i].start >= e->end)
			continue;
		for (j = i; j < (int)d->nt && d->t[j].start < e->end && STEP(d); j++)
			;
		d->ents[o] = *e;
		d->ents[o].t0 = i;
		d->ents[o].t1 = j;
		if (i < j - 1 && not_a_name_start(d, i))
			n = 1;
		if (n > 0 && (d->ents[o].kind == EK_PER || d->ents[o].kind == EK_ORG))
			drop_leading(d, &d->ents[o], n);
		for (i = d->ents[o].t0; i < j; i++)
			d->t[i].ent = (int)o;
		o++;
	}
	d->nents = o;
}

int
name_is_fragment(const struct doc *d, const struct qent *e)
{
	size_t n = 0, b;
	const char *s = e->canonical;

	if (!s)
		return 1;
	/* A month, a weekday, a lone word of time ("March" and "May" too,
	 * which the function-word table cannot hold: "a march", "may"). */
	if (e->t1 - e->t0 == 1 && !memchr(s, ' ', e->canon_len) &&
	    ((d->t[e->t0].fw & FW_TIME) || tok_is(d, e->t0, "march") || tok_is(d, e->t0, "may")))
		return 1; /* (a mention "May" of "Theresa May" is no fragment) */
	if (!memchr(s, ' ', e->canon_len) && (lexicon_fw(d->lx, word_hash(s, e->canon_len)) & FW_TIME))
		return 1;
	/* Letters: fewer than two is a fragment ("P" of "S and P"). */
	for (b = 0; b < e->canon_len;) {
		uint32_t c = utf8_next(s, e->canon_len, &b);
		n += uc_is_alpha(c) != 0;
	}
	return n < 2;
}

/* ---- capitalisation fallback ------------------------------------------ */

static int
is_org_word(const struct doc *d, int i)
{
	return (d->t[i].orgw & (ORGW_END | ORGW_SUFFIX)) != 0;
}

int
tok_all_caps(const struct doc *d, int i)
{
	size_t b = d->t[i].bstart, n = 0, up = 0;

	while (b < d->t[i].bend) {
		uint32_t c = utf8_next(d->text, d->t[i].bend, &b);
		if (uc_is_alpha(c)) {
			n++;
			up += uc_is_upper(c) != 0;
		}
	}
	return n >= 2 && up == n;
}

/* A capitalised word that may be part of a name. */
static int
name_word(const struct doc *d, int i, int sent_start)
{
	const struct qtok *t = &d->t[i];

	if (t->type != TOK_WORD || !t->cap || t->ent >= 0)
		return 0;
	if (t->fw & ~(unsigned)FW_ADV)
		return 0;
	if (t->cueflags || t->noun == NOUN_PERSON)
		return 0; /* "Says", "CEO": cues and titles are not names */
	if (sent_start && (t->noun || (t->fw & FW_ADV)))
		return 0;
	return 1;
}

/* A sentence-final mark (the segmenter may keep "... end. “Next" together). */
static int
is_end(const struct doc *d, int i)
{
	return tok_is_punct(d, i, ".") || tok_is_punct(d, i, "?") || tok_is_punct(d, i, "!");
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
doc_fallback_names(struct doc *d)
{
	int i = 0, n = (int)d->nt;
	uint64_t *midcap = xmalloc((d->nt + 1) * sizeof *midcap);
	size_t nmid = 0;

	/* Words capitalised inside a sentence somewhere in the text. */
	for (i = 0; i < n && STEP(d); i++)
		if (d->t[i].cap && d->t[i].type == TOK_WORD && i != d->sent_t0[d->t[i].sent] &&
		    !(d->t[i - 1].type == TOK_PUNCT && (d->t[i - 1].mark == 1 || is_end(d, i - 1))))
			midcap[nmid++] = d->t[i].h;
	qsort(midcap, nmid, sizeof *midcap, cmp_u64);
	i = 0;

	while (i < n && STEP(d)) {
		int j, start_of_sent, org = 0;
		if (!name_word(d, i, i == d->sent_t0[d->t[i].sent])) {
			i++;
			continue;
		}
		start_of_sent = i == d->sent_t0[d->t[i].sent] ||
				(i > 0 && d->t[i - 1].type == TOK_PUNCT && (d->t[i - 1].mark == 1 || is_end(d, i - 1)));
		j = i + 1;
		while (j < n && d->t[j].sent == d->t[i].sent && name_word(d, j, 0) &&
		       d->t[j].start <= d->t[j - 1].end + 1 && STEP(d))
			j++;
		/* A lone capitalised word opening a sentence is a name only if it
		 * is capitalised somewhere else too (not "Employees at ..."). */
		if (j == i + 1 && start_of_sent) {
			if (!bsearch(&d->t[i].h, midcap, nmid, sizeof *midcap, cmp_u64)) {
				i = j;
				continue;
			}
		}
		if (j - i > 4) { /* a title-case line (headline), not a name */
			i = j;
			continue;
		}
		{
			int q;
			for (q = i; q < j; q++)
				org |= is_org_word(d, q);
			if (j == i + 1 && tok_all_caps(d, i))
				org = 1;
		}
		doc_add_entity(d, d->t[i].start, d->t[j - 1].end,
			       org ? EK_ORG : (j - i >= 2 ? EK_PER : EK_ORG), d->text + d->t[i].bstart,
			       d->t[j - 1].bend - d->t[i].bstart);
		d->ents[d->nents - 1].guessed = 1;
		i = j;
	}
	free(midcap);
}

void
doc_clear(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nowned; k++)
		free(d->owned[k]);
	d->nowned = 0;
	d->nt = 0;
	d->nents = 0;
	d->nqs = 0;
	d->nout = 0;
	d->norder = 0;
	d->nfrags = 0;
	d->ndents = 0;
	d->nrecent = 0;
	d->nspoke = 0;
	d->time = 0;
	d->coref_t = 0;
	d->steps = 0;
	d->lastcue_sent = -1;
	d->lastcue_tok = -1;
	d->lastcue_sp = no_mention();
}

void
doc_release(struct doc *d)
{
	doc_clear(d);
	free(d->owned);
	free(d->t);
	free(d->sent_t0);
	free(d->ents);
	free(d->qs);
	free(d->qs_first);
	free(d->qs_next);
	free(d->qs_out);
	free(d->out);
	free(d->order);
	free(d->frags);
	free(d->sent_hasq);
	free(d->dents);
	free(d->dent_slots);
	free(d->names.keys);
	free(d->names.vals);
	spans_release(&d->sents);
	spans_release(&d->paras);
	tokens_release(&d->tk);
}
