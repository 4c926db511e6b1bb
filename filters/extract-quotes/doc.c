/*
 * doc.c - the document news-extract-quotes works on: tokens with their
 * sentence, paragraph, entity and lexicon classes.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes.h"
#include "segment.h"
#include "utf8.h"
#include "xalloc.h"

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

static unsigned
match_cue(struct doc *d, size_t i, unsigned *len)
{
	size_t n, k;
	const struct cue_entry *e = lexicon_cues(d->lx, d->t[i].h, &n);

	for (k = 0; k < n; k++) {
		unsigned w, ok = 1;
		for (w = 1; w < e[k].nwords && ok; w++)
			ok = i + w < d->nt && d->t[i + w].sent == d->t[i].sent &&
			     d->t[i + w].h == e[k].words[w - 1];
		if (ok) {
			*len = e[k].nwords;
			return e[k].flags;
		}
	}
	return 0;
}

void
doc_prepare(struct doc *d, const char *text, size_t len, const struct spans *sents,
	    const struct spans *paras)
{
	size_t i, s = 0, p = 0;

	d->text = text;
	d->len = len;
	tokens_clear(&d->tk);
	tokenize(text, len, 0, 0, &d->tk);
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

	ARRAY_GROW(d->t, d->tk.n + 1, d->tcap);
	d->nt = d->tk.n;
	for (i = 0; i < d->nt; i++) {
		const struct token *k = &d->tk.v[i];
		struct qtok *t = &d->t[i];
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
		while (s + 1 < d->sents.n && d->sents.v[s].end <= k->start)
			s++;
		while (p + 1 < d->paras.n && d->paras.v[p].end <= k->start)
			p++;
		t->sent = (int)s;
		t->para = (int)p;
		c0 = utf8_next(text, k->bend, &b);
		if (k->type == TOK_WORD) {
			size_t n = k->bend - k->bstart;
			t->h = word_hash(text + k->bstart, n);
			t->cap = (unsigned char)(uc_is_upper(c0) != 0);
			t->fw = lexicon_fw(d->lx, t->h);
			t->orgw = (t->fw & FW_ORGWORD) != 0;
			t->fw &= ~(unsigned)FW_ORGWORD;
			t->noun = (unsigned char)lexicon_noun(d->lx, t->h);
			t->ing = n > 4 && memcmp(text + k->bend - 3, "ing", 3) == 0;
			if (n > 3 && memcmp(text + k->bend - 2, "ly", 2) == 0 && !t->cap)
				t->fw |= FW_ADV;
		}
	}
	for (i = 0; i < d->nt; i++) {
		unsigned len2 = 0;
		if (d->t[i].type == TOK_WORD && !d->t[i].cap) {
			d->t[i].cueflags = (unsigned char)match_cue(d, i, &len2);
			d->t[i].cuelen = (unsigned char)len2;
		} else if (d->t[i].type == TOK_WORD) {
			/* A capitalised cue only starts a sentence or a headline-case line. */
			d->t[i].cueflags = (unsigned char)match_cue(d, i, &len2);
			d->t[i].cuelen = (unsigned char)len2;
		}
	}
	ARRAY_GROW(d->sent_t0, d->sents.n + 1, d->sent_cap);
	for (s = 0, i = 0; s <= d->sents.n; s++) {
		while (i < d->nt && d->t[i].sent < (int)s)
			i++;
		d->sent_t0[s] = (int)i;
	}
	d->ncp = d->nt ? d->t[d->nt - 1].end : 0;
}

int
doc_tok_at(const struct doc *d, size_t cp)
{
	size_t lo = 0, hi = d->nt;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->t[mid].end <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int)lo;
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
}

static int
cmp_ent(const void *a, const void *b)
{
	const struct qent *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

void
doc_index_entities(struct doc *d)
{
	size_t k, o = 0;

	for (k = 0; k < d->nt; k++)
		d->t[k].ent = -1;
	if (d->nents > 1)
		qsort(d->ents, d->nents, sizeof *d->ents, cmp_ent);
	for (k = 0; k < d->nents; k++) {
		struct qent *e = &d->ents[k];
		int i = doc_tok_at(d, e->start), j;
		/* Overlapping mentions: keep the first (longest at a start). */
		if (o && d->ents[o - 1].end > e->start)
			continue;
		if (i >= (int)d->nt || d->t[i].start >= e->end)
			continue;
		for (j = i; j < (int)d->nt && d->t[j].start < e->end; j++)
			;
		d->ents[o] = *e;
		d->ents[o].t0 = i;
		d->ents[o].t1 = j;
		for (; i < j; i++)
			d->t[i].ent = (int)o;
		o++;
	}
	d->nents = o;
}

/* ---- capitalisation fallback ------------------------------------------ */

static int
is_org_word(const struct doc *d, int i)
{
	return d->t[i].orgw;
}

static int
all_caps(const struct doc *d, int i)
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
	for (i = 0; i < n; i++)
		if (d->t[i].cap && d->t[i].type == TOK_WORD && i != d->sent_t0[d->t[i].sent] &&
		    !(d->t[i - 1].type == TOK_PUNCT && (d->t[i - 1].mark == 1 || is_end(d, i - 1))))
			midcap[nmid++] = d->t[i].h;
	qsort(midcap, nmid, sizeof *midcap, cmp_u64);
	i = 0;

	while (i < n) {
		int j, start_of_sent, org = 0;
		if (!name_word(d, i, i == d->sent_t0[d->t[i].sent])) {
			i++;
			continue;
		}
		start_of_sent = i == d->sent_t0[d->t[i].sent] ||
				(i > 0 && d->t[i - 1].type == TOK_PUNCT && (d->t[i - 1].mark == 1 || is_end(d, i - 1)));
		j = i + 1;
		while (j < n && d->t[j].sent == d->t[i].sent && name_word(d, j, 0) &&
		       d->t[j].start <= d->t[j - 1].end + 1)
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
			if (j == i + 1 && all_caps(d, i))
				org = 1;
		}
		doc_add_entity(d, d->t[i].start, d->t[j - 1].end,
			       org ? EK_ORG : (j - i >= 2 ? EK_PER : EK_ORG), d->text + d->t[i].bstart,
			       d->t[j - 1].bend - d->t[i].bstart);
		i = j;
	}
	free(midcap);
}

static int
ends_with_word(const char *s, size_t n, const char *w, size_t m)
{
	return n > m + 1 && memcmp(s + n - m, w, m) == 0 && s[n - m - 1] == ' ';
}

/* Is a (capital letters, maybe '&') the initials of the words of n? */
static int
acronym_of(const char *a, size_t alen, const char *n, size_t nlen)
{
	size_t i = 0, j = 0;

	while (j < nlen) {
		size_t w = j;
		while (j < nlen && n[j] != ' ')
			j++;
		if (j - w == 3 && memcmp(n + w, "and", 3) == 0) {
			/* "and" may be "&" in the acronym, or nothing */
			if (i < alen && a[i] == '&')
				i++;
		} else if (!(j - w == 2 && memcmp(n + w, "of", 2) == 0) &&
			   !(j - w == 3 && memcmp(n + w, "the", 3) == 0)) {
			if (n[w] == '&') {
				if (i < alen && a[i] == '&')
					i++;
			} else {
				if (i >= alen || !(a[i] >= 'A' && a[i] <= 'Z') || a[i] != n[w])
					return 0;
				i++;
			}
		}
		while (j < nlen && n[j] == ' ')
			j++;
	}
	return i == alen;
}

void
doc_link_names(struct doc *d)
{
	size_t k, m;

	/* "ICEout" + ".tech": a name written as a domain. */
	for (k = 0; k < d->nents; k++) {
		struct qent *e = &d->ents[k];
		int j = e->t1;
		if (j + 1 < (int)d->nt && tok_is_punct(d, j, ".") && d->t[j].start == d->t[j - 1].end &&
		    d->t[j + 1].start == d->t[j].end && d->t[j + 1].type == TOK_WORD && !d->t[j + 1].cap &&
		    d->t[j + 1].end - d->t[j + 1].start <= 4 && d->t[j + 1].ent < 0) {
			size_t bs = d->t[e->t0].bstart, be = d->t[j + 1].bend;
			char *c = xstrndup(d->text + bs, be - bs);
			ARRAY_GROW(d->owned, d->nowned + 1, d->ocap);
			d->owned[d->nowned++] = c;
			e->canonical = c;
			e->canon_len = be - bs;
			e->end = d->t[j + 1].end;
			e->t1 = j + 2;
			if (e->kind == EK_LOC || e->kind == EK_MISC)
				e->kind = EK_ORG; /* a name written as a domain is an organisation */
			d->t[j].ent = d->t[j + 1].ent = (int)k;
		}
	}
	/* A first name the tagger left out: "Apple CEO Tim Cook" tagged "Cook". */
	for (k = 0; k < d->nents; k++) {
		struct qent *e = &d->ents[k];
		int p = e->t0 - 1;
		const struct qtok *t;
		if (e->kind != EK_PER || p < 0 || e->t1 - e->t0 != 1)
			continue;
		t = &d->t[p];
		if (t->type != TOK_WORD || !t->cap || t->fw || t->noun || t->cueflags ||
		    p == d->sent_t0[t->sent] || t->end + 1 != d->t[e->t0].start || all_caps(d, p) ||
		    (t->ent >= 0 && d->ents[t->ent].t1 - d->ents[t->ent].t0 != 1))
			continue;
		if (t->ent >= 0 && d->ents[t->ent].kind == EK_PER)
			continue;
		{
			size_t bs = t->bstart, be = d->t[e->t1 - 1].bend;
			char *c = xstrndup(d->text + bs, be - bs);
			ARRAY_GROW(d->owned, d->nowned + 1, d->ocap);
			d->owned[d->nowned++] = c;
			if (t->ent >= 0)
				d->ents[t->ent].kind = EK_OTHER; /* absorbed */
			e->canonical = c;
			e->canon_len = be - bs;
			e->start = t->start;
			e->t0 = p;
			d->t[p].ent = (int)k;
		}
	}
	/* A title is not part of a name: "Magistrate Lee Gilmore" -> "Lee Gilmore". */
	for (k = 0; k < d->nents; k++) {
		struct qent *e = &d->ents[k];
		const char *sp;
		if (e->kind != EK_PER || !e->canonical)
			continue;
		sp = memchr(e->canonical, ' ', e->canon_len);
		if (sp && memchr(sp + 1, ' ', e->canon_len - (size_t)(sp + 1 - e->canonical)) &&
		    lexicon_noun(d->lx, word_hash(e->canonical, (size_t)(sp - e->canonical))) == NOUN_PERSON) {
			e->canon_len -= (size_t)(sp + 1 - e->canonical);
			e->canonical = sp + 1;
		}
	}
	/* An acronym takes the organisation it abbreviates: "B&B" -> "Bradford
	 * & Bingley", "ICE" -> "Immigration and Customs Enforcement".  Every
	 * mention against every other: bounded like the loop below, or a text
	 * far longer than an article (1 MB: 0.9 s, 4 MB: 14 s) never ends. */
	for (k = 0; k < d->nents && d->nents < 2000; k++) {
		struct qent *e = &d->ents[k];
		if (e->kind != EK_ORG || !e->canonical || e->canon_len < 2 || e->canon_len > 8 ||
		    memchr(e->canonical, ' ', e->canon_len))
			continue;
		for (m = 0; m < d->nents; m++) {
			const struct qent *f = &d->ents[m];
			if (f->kind == EK_ORG && f->canonical && f->canon_len > e->canon_len + 2 &&
			    acronym_of(e->canonical, e->canon_len, f->canonical, f->canon_len)) {
				e->canonical = f->canonical;
				e->canon_len = f->canon_len;
				break;
			}
		}
	}
	/* A one-word name takes the longest person name ending in it. */
	for (k = 0; k < d->nents && d->nents < 2000; k++) {
		struct qent *e = &d->ents[k];
		const char *best = NULL;
		size_t blen = 0;
		if (!e->canonical || e->canon_len > 40 || memchr(e->canonical, ' ', e->canon_len) ||
		    (e->kind != EK_PER && e->kind != EK_ORG))
			continue;
		if (k > 0 && d->ents[k - 1].canonical == e->canonical)
			continue; /* same name as the mention before: already done */
		for (m = 0; m < d->nents; m++) {
			const struct qent *f = &d->ents[m];
			if (f->kind == EK_PER && f->canonical && f->canon_len > blen &&
			    ends_with_word(f->canonical, f->canon_len, e->canonical, e->canon_len)) {
				best = f->canonical;
				blen = f->canon_len;
			}
		}
		if (best) {
			e->canonical = best;
			e->canon_len = blen;
			e->kind = EK_PER;
		}
	}
}

char
doc_gender(const struct doc *d, const char *name, size_t len)
{
	size_t k;

	if (!name)
		return 0;
	for (k = 0; k < d->ngenders; k++)
		if (d->genders[k].len == len && memcmp(d->genders[k].name, name, len) == 0)
			return d->genders[k].g;
	return 0;
}

void
doc_set_gender(struct doc *d, const char *name, size_t len, char g)
{
	if (!name || doc_gender(d, name, len) || d->ngenders >= 256)
		return;
	ARRAY_GROW(d->genders, d->ngenders + 1, d->gcap);
	d->genders[d->ngenders].name = name;
	d->genders[d->ngenders].len = len;
	d->genders[d->ngenders].g = g;
	d->ngenders++;
}

void
doc_honorifics(struct doc *d)
{
	static const char *const male[] = { "mr", "mr.", "sir", "lord", "king", "prince", "mister", NULL };
	static const char *const female[] = { "mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen",
					      "princess", "madam", NULL };
	size_t k, w;

	for (k = 0; k < d->nents; k++) {
		const struct qent *e = &d->ents[k];
		int p = e->t0 - 1;
		if (e->kind != EK_PER)
			continue;
		/* "Lord Browne", "Dame Judi Dench": the title is part of the name */
		if (p < 0 || !d->t[p].cap)
			p = e->t0;
		for (w = 0; male[w]; w++)
			if (tok_is(d, p, male[w]))
				doc_set_gender(d, e->canonical, e->canon_len, 'm');
		for (w = 0; female[w]; w++)
			if (tok_is(d, p, female[w]))
				doc_set_gender(d, e->canonical, e->canon_len, 'f');
	}
}

void
doc_clear(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nowned; k++)
		free(d->owned[k]);
	d->nowned = 0;
	d->ngenders = 0;
	d->nt = 0;
	d->nents = 0;
	d->nqs = 0;
	d->nout = 0;
	memset(&d->last_per, 0, sizeof d->last_per);
	memset(&d->last_org, 0, sizeof d->last_org);
	memset(&d->last_speaker, 0, sizeof d->last_speaker);
	d->last_per.t0 = d->last_org.t0 = d->last_speaker.t0 = -1;
	d->last_per_sent = d->last_org_sent = d->last_speaker_sent = -100;
	d->lastcue_sent = -1;
	d->lastcue_tok = -1;
	d->lastcue_sp.t0 = d->lastcue_sp.t1 = -1;
}

void
doc_release(struct doc *d)
{
	doc_clear(d);
	free(d->owned);
	free(d->genders);
	free(d->t);
	free(d->sent_t0);
	free(d->ents);
	free(d->qs);
	free(d->qs_first);
	free(d->qs_next);
	free(d->out);
	spans_release(&d->sents);
	spans_release(&d->paras);
	tokens_release(&d->tk);
}
