/*
 * reported.c - reported (indirect) speech, without quotation marks.
 *
 * Forms (PARC / Gender Gap Tracker style):
 *   X said (that) CLAUSE          X told Y (that) CLAUSE
 *   X wrote in a post on X that CLAUSE (a prepositional phrase first)
 *   X added/noted/argued/... that CLAUSE, and "bare" verbs without "that"
 *   CLAUSE, X said.   CLAUSE, said X.   CLAUSE, X said on Monday.
 *   According to X, CLAUSE.   CLAUSE, according to X.
 * The quote is the content clause, without "that".  It ends at the end of
 * the sentence, at a semicolon, or where a new cue starts: a coordinated
 * verb ("... but stressed that"), a participle (", saying"), a trailing
 * attribution.  A cue whose object is a noun phrase ("expressed concern
 * over ...", "welcomed the statements") reports no content and is not a
 * quote; neither is a negated cue ("did not say") nor a passive one.
 * "According to X" wrapped around another quote is only its relay.
 */
#include <string.h>

#include "quotes.h"
#include "xalloc.h"

static int
is_end_punct(const struct doc *d, int j)
{
	return tok_is_punct(d, j, ".") || tok_is_punct(d, j, "?") || tok_is_punct(d, j, "!") ||
	       tok_is_punct(d, j, ";") || tok_is_punct(d, j, ":");
}

/* A bare content clause: a subject then a finite verb, roughly. */
static int
clause_like(const struct doc *d, int i, int limit)
{
	int j;

	if (i >= limit || (d->t[i].type != TOK_WORD && d->t[i].type != TOK_NUMBER))
		return 0;
	if (d->t[i].fw & (FW_SUBJ))
		return 1;
	if (tok_is(d, i, "there"))
		return 1;
	if (d->t[i].fw & (FW_PREP | FW_NOCONTENT | FW_NEG | FW_AUX | FW_OBJPRON))
		return 0;
	if (tok_is(d, i, "to"))
		return 0;
	for (j = i; j < limit && j < i + 14 && STEP(d); j++) {
		const struct qtok *t = &d->t[j];
		size_t n = t->bend - t->bstart;
		/* A list of names may come first: "executives at Apple, Google and Meta had" */
		if (tok_is_punct(d, j, ",") && j + 1 < limit && (d->t[j + 1].cap || (d->t[j + 1].fw & FW_CONJ)))
			continue;
		if (tok_is_punct(d, j, ",") || is_end_punct(d, j) || (t->fw & FW_THAT))
			return 0;
		if (t->type != TOK_WORD || j == i)
			continue;
		if (t->fw & (FW_AUX | FW_FINITE))
			return 1;
		if (!t->cap && n > 3 && memcmp(d->text + t->bend - 2, "ed", 2) == 0)
			return 1;
		if (!t->cap && n > 3 && d->text[t->bend - 1] == 's' && j + 1 < limit &&
		    d->t[j + 1].type == TOK_WORD && !d->t[j + 1].cap && !d->t[j + 1].fw)
			return 1;
	}
	return 0;
}

/* Does a new cue start at token j (ending the content before it)? */
static int
content_stops(const struct doc *d, int j, int limit)
{
	int k;

	int k0 = -1;

	if (is_end_punct(d, j) && !tok_is_punct(d, j, ":"))
		return 1;
	/* A participle cue with its own "that" clause, even without a comma:
	 * "it was optimistic about its products saying that demand is on the
	 * wane" reports two things. */
	if (d->t[j].ing && d->t[j].cueflags && !d->t[j].cap && j + d->t[j].cuelen < limit &&
	    (d->t[j + d->t[j].cuelen].fw & FW_THAT))
		return 1;
	/* After a comma; a comma inside a closing mark (“going too far,”
	 * drawing ...) counts, and the content then ends at the mark. */
	if (tok_is_punct(d, j, ","))
		k0 = j + 1;
	else if (j >= 2 && d->t[j - 1].mark == 2 && tok_is_punct(d, j - 2, ","))
		k0 = j;
	if (k0 >= 0) {
		k = k0;
		if (k < limit && (d->t[k].cueflags & CUE_PREP))
			return 1;
		/* ", becoming ...", ", saying ...": a participle clause of the main verb */
		if (k < limit && d->t[k].ing && !d->t[k].cap)
			return 1;
		if (k < limit && (tok_is(d, k, "though") || tok_is(d, k, "although") ||
				  tok_is(d, k, "whereas") || tok_is(d, k, "while")))
			return 1;
		if (k < limit && (d->t[k].fw & FW_CONJ)) {
			k++;
			while (k < limit && (d->t[k].fw & FW_ADV) && STEP(d))
				k++;
			if (k < limit && d->t[k].cueflags && !(d->t[k].cueflags & CUE_PREP))
				return 1;
		}
		/* ", said (that) ...": the verb of the clause a relative or
		 * participle clause interrupted ("X, who admitted Y, said Z"),
		 * not a reduced passive ("a firm, said to be ...") */
		k = k0;
		while (k < limit && (d->t[k].fw & FW_ADV) && d->t[k].type == TOK_WORD && STEP(d))
			k++;
		if (k < limit && (d->t[k].cueflags & (CUE_THAT | CUE_BARE)) && !(d->t[k].cueflags & CUE_PREP) &&
		    !d->t[k].ing && !d->t[k].cap && k + d->t[k].cuelen < limit &&
		    d->t[k + d->t[k].cuelen].type == TOK_WORD && !tok_is(d, k + d->t[k].cuelen, "to") &&
		    !(d->t[k + d->t[k].cuelen].fw & FW_PREP))
			return 1;
		/* ", X said." */
		for (k = k0; k < limit && k < k0 + 5 && d->t[k].type == TOK_WORD && STEP(d); k++)
			if ((d->t[k].cueflags & CUE_FINAL) && !d->t[k].ing &&
			    (k + d->t[k].cuelen >= limit || d->t[k + d->t[k].cuelen].type == TOK_PUNCT))
				return 1;
		return 0;
	}
	if (d->t[j].fw & FW_CONJ) {
		k = j + 1;
		while (k < limit && (d->t[k].fw & FW_ADV) && STEP(d))
			k++;
		if (k < limit && d->t[k].cueflags && !(d->t[k].cueflags & CUE_PREP) && !d->t[k].ing)
			return 1;
		/* "saying X and calling for Y": a second participle */
		if (k < limit && d->t[k].ing && d->t[k].cueflags)
			return 1;
	}
	return 0;
}

/*
 * Emit content [a, b] (tokens) for cue i with speaker sp.  Content that
 * holds quoted words ("says he's “amazed and overwhelmed”") is one
 * partial quote: the reported clause, with the quoted words as its
 * fragments; the fragments found on their own before (direct.c) give way
 * to it.  Content that crosses a quotation, holds a direct quote or
 * overlaps another quote is none.
 */
static int
emit(struct doc *d, int a, int b, int i, int len, const struct mention *sp, int s)
{
	int j, nq = 0, first = -1;
	struct mention who = *sp;
	size_t qi;

	while (b > a && (d->t[b].type == TOK_PUNCT) && !d->t[b].mark && d->t[b].quote < 0 && STEP(d))
		b--;
	if (b - a < 2)
		return 0;
	if (d->t[a].quote >= 0 || d->t[b].quote >= 0 || d->t[b].mark == 1)
		return 0; /* crosses a quotation */
	for (j = a; j <= b && STEP(d); j++) {
		int k, qo;
		if (d->t[j].mark != 1) {
			if (d->t[j].inq && d->t[j].quote < 0 && !d->t[j].mark)
				return 0; /* another quote's words */
			continue;
		}
		k = d->t[j + 1 <= b ? j + 1 : j].quote;
		if (k < 0 || d->qs[k].t_open != j || d->qs[k].t_close < 0 || d->qs[k].t_close > b)
			return 0;
		qo = d->qs_out[k];
		if (qo >= 0 && d->out[qo].type == QT_DIRECT)
			return 0; /* a direct quote of its own */
		if (qo >= 0 && !who.name && d->out[qo].sp.name)
			who = d->out[qo].sp;
		if (first < 0)
			first = k;
		nq++;
	}
	if (nq == 0 && d->t[i].used)
		return 0; /* the cue of a partial quote elsewhere in the sentence */
	if (nq == 1 && d->qs[first].t_open == a && b - d->qs[first].t_close <= 4) {
		/* The content is the quotation, give or take a few words after it
		 * ("“... and I expect that to be the case” in 2005, said Kurt
		 * Karl"): a direct quote. */
		int qo = d->qs_out[first];
		if (qo >= 0)
			d->out[qo].dead = 1;
		qi = quote_add(d, d->qs[first].s, d->qs[first].e, QT_DIRECT, &who, i, i + len, s);
		d->qs_out[first] = (int)qi;
		d->out[qi].qsi = first;
		for (j = i; j < i + len; j++)
			d->t[j].used = 1;
		if (who.t0 >= 0)
			coref_note(d, &who, s);
		return 1;
	}
	qi = quote_add(d, d->t[a].start, d->t[b].end, nq ? QT_PARTIAL : QT_INDIRECT, &who, i, i + len, s);
	if (nq) {
		struct quote *q = &d->out[qi];
		int k;
		q->frag_first = d->nfrags;
		for (k = first; k < (int)d->nqs && d->qs[k].t_open <= b && STEP(d); k++) {
			int qo = d->qs_out[k];
			if (d->qs[k].t_close == -2)
				continue; /* merged into the one before */
			ARRAY_GROW(d->frags, d->nfrags + 1, d->fragcap);
			d->frags[d->nfrags].s = d->qs[k].s;
			d->frags[d->nfrags].e = d->qs[k].e;
			d->nfrags++;
			if (qo >= 0 && (size_t)qo != qi)
				d->out[qo].dead = 1;
			d->qs_out[k] = (int)qi;
		}
		q->nfrag = d->nfrags - q->frag_first;
	}
	for (j = i; j < i + len; j++)
		d->t[j].used = 1;
	if (who.t0 >= 0)
		coref_note(d, &who, s);
	return 1;
}

/* "CONTENT, X said." : the cue ends its sentence (a phrase may follow). */
static int
trailing(struct doc *d, int i, int s)
{
	int s0 = win_lo(d, i), limit = win_hi(d, i), len = d->t[i].cuelen, j = i + len, c;
	struct mention sp;

	if (!(d->t[i].cueflags & CUE_FINAL) || d->t[i].ing)
		return 0;
	if (i - 1 > s0 && tok_is_punct(d, i - 1, ",") && j < limit && d->t[j].type == TOK_WORD &&
	    !(d->t[j].fw & (FW_SUBJ | FW_THAT))) {
		/* Inverted: "CONTENT, says the annual survey." */
		struct mention m = speaker_np_right(d, j, limit);
		int e = m.t1;
		/* A speaker: a name, or a noun that names one ("the annual
		 * survey", "a spokesman"), not any object ("acknowledged the point"). */
		if (m.t0 >= 0 && !m.name && d->t[m.t1 - 1].noun == NOUN_NONE)
			return 0;
		while (e < limit && e > 0 && (tok_is_punct(d, e, "(") || tok_is_punct(d, e, ")") || d->t[e].cap) &&
		       STEP(d))
			e++; /* "(ONS)" */
		if (m.t0 >= 0 && (e >= limit || is_end_punct(d, e) || tok_is_punct(d, e, ",")))
			return emit(d, s0, i - 2, i, len, &m, s);
		return 0;
	}
	if (j < limit && !is_end_punct(d, j) && !tok_is_punct(d, j, ",")) {
		/* "said on Monday." / "said in a statement." */
		int k;
		if (!(d->t[j].fw & FW_PREP))
			return 0;
		for (k = j; k < limit && !is_end_punct(d, k) && !tok_is_punct(d, k, ",") && STEP(d); k++)
			if ((d->t[k].fw & FW_THAT) ||
			    (d->t[k].cueflags && (d->t[k - 1].fw & (FW_SUBJ | FW_CONJ)))) /* not "its report" */
				return 0;
		j = k;
	}
	sp = speaker_of_cue(d, i);
	if (sp.t0 < 0)
		return 0;
	c = sp.t0 < i ? sp.t0 - 1 : i - 1;
	if (sp.t0 < i) {
		/* Skip a leading title: "Apple CEO Tim Cook said" -> comma before "Apple". */
		while (c >= s0 && d->t[c].type == TOK_WORD &&
		       (d->t[c].noun || d->t[c].ent >= 0 || (d->t[c].fw & FW_DET)) && STEP(d))
			c--;
		/* ... and a description the name is in apposition to: "..., her
		 * lawyer, Perry Wander, said" -> the comma before "her". */
		if (c - 1 > s0 && tok_is_punct(d, c, ",") && d->t[c - 1].type == TOK_WORD &&
		    (d->t[c - 1].noun == NOUN_PERSON || d->t[c - 1].noun == NOUN_REP)) {
			int q = c - 1;
			while (q > s0 && q > c - 6 && d->t[q - 1].type == TOK_WORD &&
			       !(d->t[q - 1].fw & ~(unsigned)(FW_DET | FW_POSS | FW_INDEF)) && STEP(d))
				q--;
			if (q > s0 && tok_is_punct(d, q - 1, ",") && (d->t[q].fw & (FW_DET | FW_POSS)))
				c = q - 1;
		}
	}
	if (c <= s0 || !tok_is_punct(d, c, ","))
		return 0;
	{
		int a = s0, b = c - 1;
		/* Skip a leading "According to X," of another source. */
		while (a < c && d->t[a].type == TOK_PUNCT && !d->t[a].mark && STEP(d))
			a++;
		/* An attribution inside its content ("By doing so, he said, the
		 * firm had intended to ..."): the content runs on after it, the
		 * attribution inside. */
		if (j + 1 < limit && tok_is_punct(d, j, ",") && d->t[j + 1].type == TOK_WORD &&
		    !d->t[j + 1].cueflags && !d->t[j + 1].ing) {
			int e;
			for (e = j + 1; e < limit && !content_stops(d, e, limit) && STEP(d); e++)
				;
			if (e - (j + 1) >= 3)
				b = e - 1;
		}
		return emit(d, a, b, i, len, &sp, s);
	}
}

/*
 * Relayed speech: content [a, b] that opens with someone else's speech act
 * with content of its own ("X said Y had told him: ...", "X said that Y
 * told staff the plant would close").  The quote is Y's (the guidelines'
 * via rule); the outer cue only relays it.  Y is a name or a pronoun that
 * starts the content, then at most auxiliaries and adverbs, then the cue,
 * then its content: "that", a colon, a pronoun subject, or a clause after
 * a hearer.
 */
static int
relayed(struct doc *d, int a, int b)
{
	int r = a, k, e = d->t[a].ent, hearer = 0;

	if (e >= 0 && d->ents[e].t0 == a && (d->ents[e].kind == EK_PER || d->ents[e].kind == EK_ORG))
		r = d->ents[e].t1;
	else
		return 0;
	while (r <= b && r < a + 12 && d->t[r].type == TOK_WORD && (d->t[r].fw & (FW_AUX | FW_ADV)) &&
	       !(d->t[r].fw & FW_BE) && !d->t[r].cueflags && STEP(d))
		r++;
	if (r > b || !d->t[r].cueflags || d->t[r].ing || d->t[r].cap || d->t[r].quote >= 0 ||
	    (d->t[r].cueflags & (CUE_PREP | CUE_QUOTE)))
		return 0;
	k = r + d->t[r].cuelen;
	if (k <= b && (d->t[r].cueflags & CUE_OBJ)) {
		int h = d->t[k].ent;
		if (d->t[k].fw & FW_OBJPRON)
			k++, hearer = 1;
		else if (h >= 0 && d->ents[h].t0 == k)
			k = d->ents[h].t1, hearer = 1;
		else if (k + 1 <= b && d->t[k].type == TOK_WORD && !d->t[k].fw && !d->t[k].cap && !d->t[k].cueflags)
			k++, hearer = 1; /* "told staff" */
	}
	if (k > b + 1)
		return 0;
	if (k <= b + 1 && k < (int)d->nt && (tok_is_punct(d, k, ":") || d->t[k].mark == 1))
		return 1; /* "had told him: “...”" (the quotation is past b) */
	if (k > b)
		return 0;
	/* Content, not an object ("would announce a new computer", "declared
	 * the company in default"): "that", a pronoun subject, or a clause
	 * after a hearer ("told him the plant would close"). */
	return (d->t[k].fw & (FW_THAT | FW_SUBJ)) || tok_is(d, k, "there") || (hearer && clause_like(d, k, b + 1));
}

static void
verb_cue(struct doc *d, int i, int s)
{
	int limit = win_hi(d, i), s0 = win_lo(d, i);
	unsigned f = d->t[i].cueflags;
	int len = d->t[i].cuelen, j = i + len, a, b;
	struct mention sp;

	if (f & (CUE_QUOTE | CUE_PREP))
		return;
	if (i > s0 && ((d->t[i - 1].fw & (FW_DET | FW_POSS | FW_INDEF)) || tok_is(d, i - 1, "'s")) &&
	    !(tok_quantifier(d, i - 1) && (i - 1 == d->sent_t0[s] || d->t[i - 2].type == TOK_PUNCT)))
		return; /* a noun: "the report", "his claims", "Opec's announcement" (not "Some say") */
	if (i > s0 && tok_is(d, i - 1, "to"))
		return; /* "declined to say", "wants to tell" */
	if (d->t[i].cap && i != s0)
		return;
	if ((f & CUE_BASE) && i > s0) {
		/* A base form needs a plural or non-third-person subject, or an
		 * auxiliary: "critics say", "they argue", "would add"; after a
		 * singular noun it is a noun ("a government report that ..."). */
		int k = i - 1;
		const struct qtok *p;
		while (k > s0 && (d->t[k].fw & FW_ADV) && !(d->t[k].fw & FW_SUBJ) && !tok_quantifier(d, k) &&
		       STEP(d))
			k--;
		p = &d->t[k];
		if (!((p->fw & FW_AUX) || ((p->fw & FW_SUBJ) && !tok_is(d, k, "he") && !tok_is(d, k, "she") &&
					    !tok_is(d, k, "it")) ||
		      tok_quantifier(d, k) || /* "most say", "many argue" */
		      (p->type == TOK_WORD && d->text[p->bend - 1] == 's') || p->ent >= 0 ||
		      p->noun == NOUN_GROUP || p->noun == NOUN_REP || tok_is_punct(d, k, ",")))
			return;
	}
	if (trailing(d, i, s))
		return;
	if (j >= limit)
		return;
	/* A time adverbial before "that": "said earlier this year that",
	 * "said on Monday that" (below), "said yesterday that". */
	{
		int k = j;
		while (k < limit && k < j + 5 && d->t[k].type == TOK_WORD && !(d->t[k].fw & FW_THAT) &&
		       ((d->t[k].fw & (FW_ADV | FW_TIME)) || tok_is(d, k, "this") || tok_is(d, k, "last") ||
			tok_is(d, k, "next") || tok_is(d, k, "earlier")) &&
		       STEP(d))
			k++;
		if (k > j && k < limit && (d->t[k].fw & FW_THAT))
			j = k;
	}
	/* A prepositional phrase before "that": "wrote in a post on X that". */
	if ((d->t[j].fw & FW_PREP) && !tok_is(d, j, "that")) {
		int k;
		for (k = j; k < limit && k < j + 10 && STEP(d); k++)
			if ((d->t[k].fw & FW_THAT) || is_end_punct(d, k) ||
			    (d->t[k].cueflags && !(d->t[k - 1].fw & (FW_DET | FW_POSS | FW_INDEF))))
				break;
		if (k < limit && (d->t[k].fw & FW_THAT))
			j = k;
		else
			return;
	}
	/* A hearer: "told NBC News (that)", "told US TV network Fox News on
	 * Sunday that", "told staff he ...". */
	if ((f & CUE_OBJ) && !(d->t[j].fw & FW_THAT)) {
		int k = j, e = d->t[j].ent;
		for (k = j; k < limit && k < j + 10 && STEP(d); k++)
			if ((d->t[k].fw & (FW_THAT | FW_AUX | FW_FINITE | FW_SUBJ)) || d->t[k].type == TOK_PUNCT ||
			    d->t[k].cueflags)
				break;
		if (k < limit && (d->t[k].fw & FW_THAT)) {
			j = k;
			goto content;
		}
		k = j;
		if (e >= 0 && d->ents[e].t0 == j)
			k = d->ents[e].t1;
		else if (d->t[j].fw & FW_OBJPRON)
			k = j + 1;
		else if (d->t[j].fw & (FW_DET | FW_POSS)) {
			k = j + 1;
			while (k + 1 < limit && k < j + 4 && d->t[k].type == TOK_WORD && !d->t[k].fw &&
			       !d->t[k + 1].fw && d->t[k + 1].type == TOK_WORD)
				k++;
			k++;
		} else if (d->t[j].type == TOK_WORD && !d->t[j].fw && !d->t[j].cap)
			k = j + 1;
		if (k < limit && (d->t[k].fw & FW_PREP) && !(d->t[k].fw & FW_THAT)) {
			int m;
			for (m = k; m < limit && m < k + 8 && STEP(d); m++)
				if (d->t[m].fw & FW_THAT)
					break;
			if (m < limit && (d->t[m].fw & FW_THAT))
				k = m;
		}
		if (k > j && k < limit && ((d->t[k].fw & FW_THAT) || clause_like(d, k, limit)))
			j = k;
		else if (k > j && k < limit && (f & CUE_BARE) && !(d->t[k].fw & FW_THAT))
			return;
	}
content:
	if (j < limit && (d->t[j].fw & FW_THAT)) {
		j++;
	} else if (j < limit && tok_is_punct(d, j, ":")) {
		j++;
		if (!clause_like(d, j, limit))
			return;
	} else if (!(f & CUE_BARE) || !clause_like(d, j, limit)) {
		return;
	}
	if (j >= limit)
		return;
	a = j;
	for (b = a; b < limit && !content_stops(d, b, limit) && STEP(d); b++)
		;
	b--;
	if (b - a < 2)
		return;
	if (relayed(d, a, b))
		return; /* the speech act is the inner one's (its cue comes later) */
	sp = speaker_of_cue(d, i);
	if (sp.t0 < 0)
		return;
	emit(d, a, b, i, len, &sp, s);
}

/* "According to X, CONTENT." / "CONTENT, according to X." */
static void
according(struct doc *d, int i, int s)
{
	int s0 = win_lo(d, i), limit = win_hi(d, i), len = d->t[i].cuelen, k;
	struct mention src;
	int first = i, a, b;

	while (first > s0 && (d->t[first - 1].mark || d->t[first - 1].type == TOK_PUNCT) && STEP(d))
		first--;
	if (d->sent_hasq[s])
		return; /* the relay of a quote of this sentence */
	src = speaker_np_right(d, i + len, limit);
	if (src.t0 < 0)
		return;
	if (first == s0) {
		for (k = i + len; k < limit && !tok_is_punct(d, k, ",") && STEP(d); k++)
			;
		if (k >= limit)
			return;
		a = k + 1;
		b = limit - 1;
	} else if (tok_is_punct(d, i - 1, ",")) {
		a = s0;
		b = i - 2;
	} else if (d->t[i - 1].mark == 2 && tok_is_punct(d, i - 2, ",")) {
		a = s0; /* "... “drowning,” according to the magazine." */
		b = i - 1;
	} else {
		return;
	}
	while (a < b && d->t[a].type == TOK_PUNCT && STEP(d))
		a++;
	emit(d, a, b, i, len, &src, s);
}

/*
 * A noun of saying with its source and a that-clause: "his view that ...",
 * "Opec's announcement that ...", "voiced their concern that ...".  The
 * source is the possessive before the noun (a pronoun is resolved); with
 * none the clause is no quote.
 */
static void
noun_cue(struct doc *d, int i, int s)
{
	int s0 = win_lo(d, i), limit = win_hi(d, i), p = i - 1, a, b;
	struct mention sp = no_mention();

	if (i + 2 >= limit || !(d->t[i + 1].fw & FW_THAT) || p < s0)
		return;
	while (p > s0 && d->t[p].type == TOK_WORD && !d->t[p].fw && !d->t[p].cap && !d->t[p].cueflags &&
	       p > i - 4 && STEP(d))
		p--; /* "their deep concern", "its latest warning" */
	if (d->t[p].fw & FW_POSS) {
		/* The subject of its own clause first: "ministers voiced their
		 * concern that"; else what the pronoun refers to. */
		sp = clause_subject(d, s, p);
		if (sp.t0 < 0 || sp.t1 > p)
			sp = coref_pronoun(d, p);
	} else if (tok_is(d, p, "'s") && p - 1 >= s0 && d->t[p - 1].ent >= 0) {
		sp = mention_of_entity(d, d->t[p - 1].ent);
	} else {
		return;
	}
	a = i + 2;
	if (!clause_like(d, a, limit) && !(d->t[a].fw & (FW_DET | FW_SUBJ)))
		return;
	for (b = a; b < limit && !content_stops(d, b, limit) && STEP(d); b++)
		;
	emit(d, a, b - 1, i, 1, &sp, s);
}

void
reported_sentence(struct doc *d, int s)
{
	int i, s0 = d->sent_t0[s], limit = d->sent_t0[s + 1];

	/* A cue a partial quote took (used 2) may still govern the clause
	 * around it ("..., revenue grew “despite ...”, the company said"). */
	for (i = s0; i < limit && STEP(d); i++)
		if (d->t[i].cueflags && d->t[i].used != 1 && d->t[i].quote < 0 && !(d->t[i].cueflags & CUE_PREP))
			verb_cue(d, i, s);
	for (i = s0; i < limit && STEP(d); i++)
		if ((d->t[i].cueflags & CUE_PREP) && d->t[i].used != 1 && d->t[i].quote < 0)
			according(d, i, s);
	for (i = s0; i < limit && STEP(d); i++)
		if (d->t[i].cuenoun && !d->t[i].used && d->t[i].quote < 0)
			noun_cue(d, i, s);
}
