/*
 * direct.c - direct and partial quotes.
 *
 * A quotation is a quote when a speech act governs it:
 *   - an attribution right after it: “…,” he said / “…,” said X / “…” X wrote;
 *   - a cue verb before it in its sentence: directly (X said: “…”, X wrote
 *     that “…”, X told reporters “…”) makes it direct; further away, inside
 *     the writer's paraphrase (called the raids “deeply upsetting”), partial;
 *   - a quotation that opens a sentence right after an attributed quote
 *     continues it (“A,” X wrote. “B.”), same speaker, no cue;
 *   - a paragraph that is only a quotation takes the speaker of the
 *     surrounding quotes (floating quote);
 *   - a quotation that is a whole sentence after a sentence whose subject
 *     is a person is that person's.
 * A quote split by its attribution (“We are not,” he said, “going to
 * stop.”) is one quote.  Quoted words with no speech act (scare quotes),
 * titles ("the so-called “…”", "a film called “…”") and headlines in
 * quotation marks with no speaker are not quotes.
 */
#include <string.h>

#include "quotes.h"
#include "utf8.h"
#include "xalloc.h"

size_t
quote_add(struct doc *d, size_t s, size_t e, int type, const struct mention *sp, int cue0, int cue1,
	  int sent)
{
	struct quote *q;
	int j;

	ARRAY_GROW(d->out, d->nout + 1, d->outcap);
	q = &d->out[d->nout++];
	memset(q, 0, sizeof *q);
	q->s = s;
	q->e = e;
	q->type = type;
	q->sp = *sp;
	/* A speaker is a person or an organisation, never a date, an amount
	 * or a fragment: anything else keeps its mention and names no one. */
	if (q->sp.name && q->sp.kind != EK_PER && q->sp.kind != EK_ORG) {
		q->sp.name = NULL;
		q->sp.name_len = 0;
		q->sp.dent = -1;
	}
	q->cue0 = cue0;
	q->cue1 = cue1;
	q->sent = sent;
	q->qsi = -1;
	j = doc_tok_at(d, s);
	q->para = d->t[j < (int)d->nt ? j : (int)d->nt - 1].para;
	for (; j < (int)d->nt && d->t[j].start < e && STEP(d); j++)
		d->t[j].inq = 1;
	if (sent >= 0 && (size_t)sent < d->sents.n)
		d->sent_hasq[sent] = 1;
	if (cue0 >= 0 && sp->t0 >= 0) {
		d->lastcue_sent = sent;
		d->lastcue_tok = cue0;
		d->lastcue_sp = *sp;
	}
	return d->nout - 1;
}

/* The quote made of quotation k: remembered for the reported clause that
 * may turn out to hold it (reported.c). */
static void
quote_of_quotation(struct doc *d, size_t k, size_t qi)
{
	d->qs_out[k] = (int)qi;
	d->out[qi].qsi = (int)k;
}

/* Last token inside quotation q (its content), or -1. */
static int
last_inside(const struct doc *d, const struct qspan *q)
{
	int j = q->t_close >= 0 ? q->t_close - 1 : doc_tok_at(d, q->e) - 1;

	while (j > q->t_open && (size_t)j < d->nt && d->t[j].start >= q->e && STEP(d))
		j--;
	return j > q->t_open ? j : -1;
}

static int
is_sentence_end(const struct doc *d, int j)
{
	return tok_is_punct(d, j, ".") || tok_is_punct(d, j, "?") || tok_is_punct(d, j, "!") || tok_is_punct(d, j, ";");
}

static int
ends_with_punct(const struct doc *d, int j)
{
	/* Not ".": a quotation closed by a full stop ends its sentence, and a
	 * cue after it belongs to the next statement. */
	return tok_is_punct(d, j, ",") || tok_is_punct(d, j, "?") ||
	       tok_is_punct(d, j, "!") || tok_is_punct(d, j, "...") || tok_is_punct(d, j, "\xe2\x80\xa6") ||
	       tok_is_punct(d, j, "\xe2\x80\x94");
}

/* Words of the quotation all capitalised (a title), and not a sentence. */
static int
title_like(const struct doc *d, const struct qspan *q)
{
	int j, words = 0, caps = 0, last = last_inside(d, q);

	if (last < 0)
		return 0;
	if (last - q->t_open > 40)
		return 0;
	for (j = q->t_open + 1; j <= last && STEP(d); j++) {
		if (d->t[j].type != TOK_WORD)
			continue;
		words++;
		if (d->t[j].cap || (d->t[j].fw & (FW_PREP | FW_DET | FW_CONJ)))
			caps++;
	}
	return words > 0 && words <= 6 && caps == words && !tok_is_punct(d, last, ".");
}

/* Mostly capitalised words around token i: a headline in title case. */
static int
headline_sentence(const struct doc *d, int i)
{
	int j, words = 0, caps = 0, hi = win_hi(d, i);

	if (hi - d->sent_t0[d->t[i].sent] > 40)
		return 0; /* a headline is short */
	for (j = d->sent_t0[d->t[i].sent]; j < hi && STEP(d); j++)
		if (d->t[j].type == TOK_WORD && !(d->t[j].fw & (FW_PREP | FW_DET | FW_CONJ))) {
			words++;
			caps += d->t[j].cap;
		}
	return words > 0 && caps * 10 >= words * 8;
}

/* An attribution right after the closing mark: returns the cue token and
 * fills *sp and *end (token after the attribution), or -1. */
static int
attribution_after(struct doc *d, const struct qspan *q, struct mention *sp, int *end)
{
	int a, j, limit, last = last_inside(d, q);

	if (q->t_close < 0)
		return -1;
	a = q->t_close + 1;
	if ((size_t)a >= d->nt)
		return -1;
	if (d->t[a].para != d->t[q->t_close].para)
		return -1;
	if (tok_is_punct(d, a, ","))
		a++;
	else if (last < 0 || !ends_with_punct(d, last))
		return -1;
	if (a >= (int)d->nt || d->t[a].para != d->t[q->t_close].para)
		return -1;
	limit = win_hi(d, a);
	/* The attribution may hold a long apposition before its verb ("Laah
	 * Chong-gyu, executive director of Korea Development Bank - one of the
	 * firm's creditors - said"): up to 30 words, commas and dashes. */
	for (j = a; j < a + 30 && j < limit && d->t[j].quote < 0 && !d->t[j].mark &&
		    (d->t[j].type == TOK_WORD || d->t[j].type == TOK_PUNCT || d->t[j].type == TOK_NUMBER) &&
		    !(is_sentence_end(d, j) && (j + 1 >= limit || d->t[j + 1].start > d->t[j].end)) && STEP(d);
	     j++) {
		unsigned f = d->t[j].cueflags;
		if (!f || (f & (CUE_PREP | CUE_QUOTE)) || d->t[j].ing)
			continue;
		if (j > a && (d->t[j - 1].fw & (FW_DET | FW_POSS)))
			continue; /* a noun: "the report" */
		*sp = speaker_of_cue(d, j);
		if (sp->t0 < 0 || (sp->t0 < a && sp->t0 != j)) {
			if (j < a + 10)
				return -1; /* the subject must be in the attribution */
			continue;
		}
		*end = j + d->t[j].cuelen;
		if (sp->t1 > *end)
			*end = sp->t1;
		/* The attribution ends there; a clause after the verb makes it a
		 * new statement ("..., the mother said she feared ..."). */
		if (*end < (int)d->nt && d->t[*end].sent == d->t[j].sent && d->t[*end].type == TOK_WORD &&
		    !(d->t[*end].fw & (FW_PREP | FW_ADV)) && !(d->t[*end].cueflags & CUE_PREP) &&
		    !(d->t[j].cueflags & CUE_OBJ))
			return -1;
		return j;
	}
	return -1;
}

/* The nearest cue before the quotation in its sentence, or -1. */
static int
cue_before(const struct doc *d, int to)
{
	int s0 = win_lo(d, to), j;

	for (j = to - 1; j >= s0 && STEP(d); j--) {
		/* A full stop before the quotation (the segmenter may have kept
		 * "... controversy. “I've ..." together) ends the search. */
		if (d->t[j].type == TOK_PUNCT && (tok_is_punct(d, j, ".") || tok_is_punct(d, j, "?") ||
						 tok_is_punct(d, j, "!")) &&
		    (d->t[j].quote < 0 || j == to - 1))
			return -1;
		if (d->t[j].mark == 2 && j > s0 && (tok_is_punct(d, j - 1, ".") || tok_is_punct(d, j - 1, "?") ||
						    tok_is_punct(d, j - 1, "!")))
			return -1;
		if (d->t[j].quote >= 0 || d->t[j].mark)
			continue;
		if (d->t[j].cueflags && !(d->t[j].cueflags & CUE_PREP) &&
		    !(j > s0 && (d->t[j - 1].fw & (FW_DET | FW_POSS))))
			return j;
	}
	return -1;
}

/* Only "that", ":", ",", a hearer or a prepositional phrase between the cue
 * and the opening mark: the quotation is the cue's whole content. */
static int
introduces(const struct doc *d, int c, int to)
{
	int j = c + d->t[c].cuelen, last = to - 1;

	if (d->t[c].cueflags & CUE_QUOTE)
		return 0;
	if (j > last)
		return 1;
	if (!(tok_is(d, last, "that") || tok_is_punct(d, last, ":") || tok_is_punct(d, last, ";") ||
	      tok_is_punct(d, last, ",") ||
	      (d->t[c].cueflags & CUE_OBJ)))
		return 0;
	for (; j < last && STEP(d); j++)
		if (d->t[j].fw & (FW_AUX | FW_SUBJ | FW_THAT) || d->t[j].cueflags || d->t[j].quote >= 0)
			return 0;
	return 1;
}

/* The quotation opening at token tok, or -1 (the quotations are in text
 * order: a binary search). */
static int
next_quote_at(const struct doc *d, int tok)
{
	size_t lo = 0, hi = d->nqs;

	if (tok < 0 || (size_t)tok >= d->nt || d->t[tok].mark != 1)
		return -1;
	while (lo < hi && STEP(d)) {
		size_t mid = (lo + hi) / 2;
		if (d->qs[mid].t_open < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nqs && d->qs[lo].t_open == tok ? (int)lo : -1;
}

/* The cue at c gave a quote: 1 a direct one, 2 a partial one (whose
 * cue may still govern the clause around it, reported.c). */
static void
mark_used(struct doc *d, int c, int how)
{
	int j;

	for (j = c; j >= 0 && j < c + d->t[c].cuelen && (size_t)j < d->nt; j++)
		d->t[j].used = (unsigned char)how;
}

/* Link the quotations of each sentence, in qs order (see struct doc). */
static void
index_by_sentence(struct doc *d)
{
	size_t k, ns = d->sents.n;

	ARRAY_GROW(d->qs_first, ns + 1, d->qs_first_cap);
	ARRAY_GROW(d->qs_next, d->nqs + 1, d->qs_next_cap);
	ARRAY_GROW(d->qs_out, d->nqs + 1, d->qs_out_cap);
	for (k = 0; k < ns && STEP(d); k++)
		d->qs_first[k] = SIZE_MAX;
	for (k = 0; k < d->nqs && STEP(d); k++)
		d->qs_out[k] = -1;
	for (k = d->nqs; k-- > 0 && STEP(d);)
		if ((size_t)d->qs[k].sent < ns) {
			d->qs_next[k] = d->qs_first[d->qs[k].sent];
			d->qs_first[d->qs[k].sent] = k;
		}
}

void
direct_sentence(struct doc *d, int s)
{
	size_t k;

	/* Every quotation against every sentence was quadratic (a 16 MB record:
	 * 24 s, 100 MB never ended): the caller goes through the sentences in
	 * order from 0, so index the quotations by sentence at the first. */
	if (s == 0)
		index_by_sentence(d);
	for (k = d->qs_first[s]; k != SIZE_MAX && STEP(d); k = d->qs_next[k]) {
		struct qspan *q = &d->qs[k];
		struct mention sp = no_mention();
		int to = q->t_open, c, end = -1, type = -1, cue0 = -1, cue1 = -1, s0, last;
		size_t e = q->e;

		if (q->sent != s || q->t_close == -2)
			continue;
		s0 = d->sent_t0[s];
		last = last_inside(d, q);
		if (last < 0)
			continue;
		/* Titles and scare quotes. */
		if (to > s0 && (d->t[to - 1].fw & FW_TITLE)) {
			int p = to - 2;
			if (!(d->t[to - 1].cueflags && p >= s0 && ((d->t[p].fw & FW_SUBJ) || d->t[p].ent >= 0)))
				continue;
		}
		c = attribution_after(d, q, &sp, &end);
		if (c >= 0) {
			type = QT_DIRECT;
			cue0 = c;
			cue1 = c + d->t[c].cuelen;
			/* A quotation before the attribution that does not open its
			 * sentence is inside the writer's paraphrase. */
			if (to > s0 && !tok_is_punct(d, to - 1, ":") && !(d->t[to - 1].type == TOK_PUNCT && to - 1 == s0)) {
				int b = cue_before(d, to);
				if (b >= 0 || !introduces(d, to - 1, to))
					type = QT_PARTIAL;
			}
			/* “We are not,” he said, “going to stop.” is one quote. */
			if (end < (int)d->nt && tok_is_punct(d, end, ",")) {
				int k2 = next_quote_at(d, end + 1);
				if (k2 > (int)k && d->t[end + 1].para == d->t[to].para) {
					e = d->qs[k2].e;
					d->qs[k2].t_close = -2; /* merged */
				}
			}
		} else if ((c = cue_before(d, to)) >= 0) {
			sp = speaker_of_cue(d, c);
			cue0 = c;
			cue1 = c + d->t[c].cuelen;
			/* A colon before the quotation makes it the whole utterance:
			 * "reveals what his next goal is: “...”". */
			type = introduces(d, c, to) || tok_is_punct(d, to - 1, ":") || tok_is_punct(d, to - 1, ";")
				       ? QT_DIRECT
				       : QT_PARTIAL;
			if (type == QT_PARTIAL && title_like(d, q) && !headline_sentence(d, to))
				continue;
			if (!sp.name && title_like(d, q))
				continue; /* "The sign read: “Closed For Repairs”" */
			if (sp.t0 < 0 && type == QT_PARTIAL)
				continue;
		} else {
			/* No cue: a continuation, a floating paragraph, or nothing. */
			int starts = to == s0 || (to > s0 && d->t[to - 1].type == TOK_PUNCT && d->t[to - 1].mark == 0 &&
						  to - 1 == s0) ||
				     (to > s0 && (tok_is_punct(d, to - 1, ".") || tok_is_punct(d, to - 1, "?") ||
						  tok_is_punct(d, to - 1, "!")));
			int whole_para = to == 0 || d->t[to - 1].para != d->t[to].para;
			const struct quote *prev = d->nout ? &d->out[d->nout - 1] : NULL;

			if (!starts && to > s0 && tok_is_punct(d, to - 1, ":")) {
				/* "Mr Smith was blunt: “...”": the sentence's named subject */
				struct mention m = clause_subject(d, s, to - 1);
				if (m.t0 >= 0 && m.name && m.kind == EK_PER && !(d->t[m.t0].fw & FW_SUBJ) &&
				    !title_like(d, q)) {
					quote_of_quotation(d, k, quote_add(d, q->s, q->e, QT_DIRECT, &m, -1, -1, s));
					coref_note(d, &m, s);
				}
				continue;
			}
			if (!starts)
				continue;
			if (title_like(d, q))
				continue;
			if (prev && !prev->dead && prev->sp.t0 >= 0 && prev->sent >= s - 2 &&
			    prev->para >= d->t[to].para - 1) {
				sp = prev->sp;
				type = QT_DIRECT;
			} else if (whole_para) {
				quote_of_quotation(d, k, quote_add(d, q->s, q->e, QT_DIRECT, &sp, -1, -1, s));
				d->out[d->nout - 1].pending = 1;
				continue;
			} else if (s > 0) {
				struct mention m = clause_subject(d, s - 1, d->sent_t0[s]);
				if (m.t0 < 0 || !m.name || m.kind != EK_PER || (d->t[m.t0].fw & FW_SUBJ))
					continue; /* a name, not a pronoun resolved further back */
				sp = m;
				type = QT_DIRECT;
			} else {
				continue;
			}
		}
		if (type < 0)
			continue;
		if (cue0 >= 0)
			mark_used(d, cue0, type == QT_PARTIAL ? 2 : 1);
		{
			size_t qi = quote_add(d, q->s, e, type, &sp, cue0, cue1, s);
			quote_of_quotation(d, k, qi);
			if (e != q->e)
				d->qs_out[next_quote_at(d, end + 1)] = (int)qi; /* the merged piece */
		}
		if (sp.t0 >= 0)
			coref_note(d, &sp, s);
	}
}

void
direct_floating(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nout && STEP(d); k++) {
		struct quote *q = &d->out[k];
		const struct quote *best = NULL;
		size_t j;

		if (!q->pending)
			continue;
		/* The speaker of the quote before it, reported or quoted, in the
		 * paragraph before or the one before that; else of a quote in
		 * the next paragraph. */
		for (j = k; j-- > 0 && j + 64 > k && STEP(d);) {
			const struct quote *p = &d->out[j];
			if (p->para < q->para - 2)
				break;
			if (!p->dead && !p->pending && p->sp.t0 >= 0 && p->sp.name) {
				best = p;
				break;
			}
		}
		for (j = k + 1; !best && j < d->nout && j < k + 64 && STEP(d); j++) {
			const struct quote *p = &d->out[j];
			if (p->para > q->para + 1)
				break;
			if (!p->dead && !p->pending && p->sp.t0 >= 0 && p->type != QT_INDIRECT && p->sp.name)
				best = p;
		}
		q->pending = 0;
		if (!best) {
			q->dead = 1;
			continue;
		}
		q->sp = best->sp;
	}
}
