/*
 * speaker.c - who is speaking: the subject of a cue verb, noun phrases,
 * and coreference of pronouns and descriptions.
 *
 * No parser: a cue's subject is read off the words around it.  Left of
 * the verb, adverbs and auxiliaries are skipped; what ends there is the
 * subject (a name, a pronoun, a description), or an appositive or
 * relative clause set off by commas, whose head comes before it.  A cue
 * coordinated with an earlier verb ("..., but said") or a participle
 * ("..., saying") takes the subject of its clause.  After a closing
 * quotation mark or a comma the speaker may follow the verb ("said the
 * company").
 *
 * Pronouns and definite descriptions ("he", "the CEO", "the company",
 * "the group") are linked to a name by coref.c; a description of unnamed
 * people ("critics", "an open letter") has no speaker (null), never a
 * guess.  Every scan stays inside the sentence window (win_lo, win_hi).
 */
#include <string.h>

#include "quotes.h"

struct mention
no_mention(void)
{
	struct mention m;

	memset(&m, 0, sizeof m);
	m.t0 = m.t1 = -1;
	m.kind = EK_OTHER;
	m.dent = -1;
	return m;
}

static struct mention
none(void)
{
	return no_mention();
}

static struct mention
of_entity(const struct doc *d, int e)
{
	return mention_of_entity(d, e);
}

static int
sent_of(const struct doc *d, int i)
{
	return d->t[i].sent;
}

unsigned
cue_at(const struct doc *d, int i)
{
	if (i < 0 || (size_t)i >= d->nt)
		return 0;
	return d->t[i].cueflags;
}

static struct mention
pronoun(struct doc *d, int i)
{
	return coref_pronoun(d, i);
}

/* The first token of the entity starting at i, when an entity starts there. */
static int
ent_starts(const struct doc *d, int i)
{
	int e;

	if (i < 0 || (size_t)i >= d->nt || (e = d->t[i].ent) < 0)
		return -1;
	return d->ents[e].t0 == i ? e : -1;
}

/* Staff at h speaking for the organisation pp of the phrase after them:
 * "analysts at Citigroup", "economists from the IMF" (a group noun marked
 * o in speaker-nouns.txt; a name before it is no employer: "Wall Street
 * analysts"). */
static int
staff_of(const struct doc *d, int h, int pp)
{
	return pp >= 0 && d->t[h].noun == NOUN_GROUP && lexicon_noun_gender(d->lx, d->t[h].h) == 'o' &&
	       d->ents[pp].kind == EK_ORG && h + 1 < (int)d->nt &&
	       (tok_is(d, h + 1, "at") || tok_is(d, h + 1, "from") || tok_is(d, h + 1, "with"));
}

/* Is h a noun of the state ("government", "administration": s in
 * speaker-nouns.txt)? */
static int
state_noun(const struct doc *d, int h)
{
	return h >= 0 && (size_t)h < d->nt && d->t[h].noun == NOUN_ORG && lexicon_noun_gender(d->lx, d->t[h].h) == 's';
}

/*
 * A description headed by a noun of the state, [t0, h]: the government of
 * the country or people named in it ("Indonesia's government", "the
 * Indonesian government"), else no name ("the government" is never the
 * last organisation that spoke, a company or a charity).
 */
static struct mention
state_description(const struct doc *d, int t0, int h)
{
	struct mention m = no_mention();
	int s = t0, j;

	if (s == h && s - 2 >= 0 && tok_is(d, s - 1, "'s") && d->t[s - 2].ent >= 0 && d->t[s - 2].sent == d->t[h].sent)
		s = d->ents[d->t[s - 2].ent].t0; /* np_left passes only the head after "'s" */
	m.t0 = s;
	m.t1 = h + 1;
	for (j = s; j < h && !(d->t[j].type == TOK_WORD && d->t[j].cap && !(d->t[j].fw & (FW_DET | FW_POSS))) &&
		    STEP(d);
	     j++)
		;
	if (j < h) {
		m.name = d->text + d->t[j].bstart;
		m.name_len = d->t[h].bend - d->t[j].bstart;
		m.kind = EK_ORG;
	}
	return m;
}

/* A description: determiner/modifiers + head noun at h, spanning [t0, h].
 * pp: the entity of a prepositional phrase after the head, or -1. */
static struct mention
description(struct doc *d, int t0, int h, int pp)
{
	struct mention m = none();
	enum noun_class c = (enum noun_class)d->t[h].noun;
	int definite = (d->t[t0].fw & (FW_DET | FW_POSS)) && !(d->t[t0].fw & FW_INDEF);
	int plural = c == NOUN_GROUP || c == NOUN_REP;

	if (state_noun(d, h))
		return state_description(d, t0, h);

	if (c == NOUN_REP && pp < 0) {
		int j;
		for (j = t0; j < h && STEP(d); j++)
			if (d->t[j].ent >= 0 && d->ents[d->t[j].ent].kind != EK_OTHER)
				pp = d->t[j].ent;
		/* "its spokesman": the organisation the possessive refers to */
		if (pp < 0 && (tok_is(d, t0, "its") || tok_is(d, t0, "their"))) {
			struct mention o = coref_description(d, h, EK_ORG, 0);
			if (o.name)
				m = o;
		}
	}
	/* "Broadcast magazine", "the ICEout.tech group": the organisation the
	 * noun is said of (a place is no organisation: "the US company"). */
	if (c == NOUN_ORG && h > t0 && d->t[h - 1].ent >= 0 && d->ents[d->t[h - 1].ent].t1 == h &&
	    (d->ents[d->t[h - 1].ent].kind == EK_ORG || d->ents[d->t[h - 1].ent].kind == EK_MISC)) {
		m = of_entity(d, d->t[h - 1].ent);
		if (m.name) {
			m.t0 = t0;
			m.t1 = h + 1;
			return m;
		}
		m = none();
	}
	/* "his lawyer", "the company's chairman": another, unnamed person. */
	if (c == NOUN_PERSON && definite && !(d->t[t0].fw & FW_POSS) &&
	    !(h > t0 && tok_is(d, h - 1, "'s")))
		m = coref_description(d, h, EK_PER, 0);
	else if (c == NOUN_REP && pp >= 0)
		m = of_entity(d, pp);
	else if (staff_of(d, h, pp))
		m = of_entity(d, pp);
	else if (c == NOUN_ORG && definite && !(d->t[t0].fw & FW_POSS))
		m = coref_description(d, h, EK_ORG, lexicon_noun_gender(d->lx, d->t[h].h) == 'i' ? 2 : 0);
	else if (c == NOUN_REP && definite && !m.name && !(d->t[t0].fw & FW_POSS)) {
		/* "the survey", "the spokesman": what the noun was said of before */
		int doc = lexicon_noun_gender(d->lx, d->t[h].h) == 'n';
		m = coref_description(d, h, doc ? EK_ORG : EK_PER, 1);
		if (!m.name && doc) {
			/* "The OECD said ... in an annual review. The report said":
			 * a document nothing named is the one of the organisation
			 * in focus that has spoken. */
			struct mention o = coref_description(d, h, EK_ORG, 0);
			if (o.name && o.dent >= 0 && d->dents[o.dent].spoken)
				m = o;
		}
	}
	if (m.t0 < 0 && c == NOUN_NONE && !definite && !d->t[h].cap) {
		/* An unknown bare noun ("critics say"): only plurals in -s name a source. */
		size_t n = d->t[h].bend - d->t[h].bstart;
		if (n < 4 || d->text[d->t[h].bend - 1] != 's')
			return none();
	}
	m.t0 = t0;
	m.t1 = h + 1;
	m.plural = plural || m.plural;
	if (!m.name) {
		m.kind = EK_OTHER;
		m.dent = -1;
	}
	return m;
}

/* Entity after "behind/for/of/from/at" following the head noun h. */
static int
pp_entity(const struct doc *d, int h)
{
	if (h + 2 < (int)d->nt && (d->t[h + 1].fw & FW_PREP) && d->t[h + 1].sent == d->t[h].sent) {
		int e = ent_starts(d, h + 2);
		if (e < 0 && (d->t[h + 2].fw & FW_DET))
			e = ent_starts(d, h + 3);
		if (e >= 0 && (d->ents[e].kind == EK_ORG || d->ents[e].kind == EK_PER))
			return e;
	}
	return -1;
}

/* A run of names and titles from i ("OpenAI CEO Sam Altman"): its
 * person, else its first organisation.  *end gets the token after it. */
static struct mention
name_run(struct doc *d, int i, int limit, int *end)
{
	int j = i, best = -1, first = -1;

	while (j < limit && j < (int)d->nt && j < i + 16 && STEP(d)) {
		int e = ent_starts(d, j);
		if (e >= 0) {
			if (d->ents[e].kind == EK_PER)
				best = e;
			if (first < 0)
				first = e;
			j = d->ents[e].t1;
		} else if (d->t[j].noun == NOUN_PERSON || d->t[j].noun == NOUN_REP || tok_is(d, j, "'s")) {
			j++;
		} else if (d->t[j].type == TOK_WORD && !d->t[j].fw && !d->t[j].cueflags && !d->t[j].cap &&
			   ((j + 1 < limit && d->t[j + 1].noun == NOUN_PERSON) ||
			    (j + 2 < limit && d->t[j + 2].noun == NOUN_PERSON && d->t[j + 1].type == TOK_WORD &&
			     !d->t[j + 1].fw))) {
			j++; /* "chief financial officer": a modifier of a title */
		} else {
			break;
		}
	}
	*end = j;
	if (best < 0)
		best = first;
	if (best < 0)
		return none();
	return of_entity(d, best);
}

struct mention
speaker_np_right(struct doc *d, int i, int limit)
{
	int j, h, end;
	struct mention m;

	if (i < 0 || i >= limit || (size_t)i >= d->nt)
		return none();
	if (d->t[i].fw & FW_SUBJ)
		return pronoun(d, i);
	if (ent_starts(d, i) >= 0) {
		m = name_run(d, i, limit, &end);
		if (end < limit && state_noun(d, end) &&
		    !(end + 1 < limit && d->t[end + 1].type == TOK_WORD && !d->t[end + 1].fw && !d->t[end + 1].cap &&
		      !d->t[end + 1].cueflags)) /* not "X's government systems division" */
			return state_description(d, i, end); /* "Indonesia's government" */
		return m;
	}
	/* Titles and modifiers before a name: "chief executive John Woodward",
	 * "French finance minister Nicolas Sarkozy", "the bank's boss Jane Doe". */
	{
		int k2, org = -1;
		for (k2 = i; k2 < limit && k2 < i + 7 && STEP(d); k2++) {
			const struct qtok *t = &d->t[k2];
			int e = t->ent;
			int poss = e >= 0 && d->ents[e].t1 < limit && tok_is(d, d->ents[e].t1, "'s");
			if (e >= 0 && d->ents[e].t0 == k2 && d->ents[e].kind == EK_PER && !poss) {
				/* "William Hill spokesman Rupert Adams": the person after the title */
				int n = d->ents[e].t1;
				while (n < limit && n < k2 + 12 && d->t[n].type == TOK_WORD && d->t[n].ent < 0 &&
				       (d->t[n].noun == NOUN_PERSON || d->t[n].noun == NOUN_REP))
					n++;
				if (n > d->ents[e].t1 && n < limit && d->t[n].ent >= 0 &&
				    d->ents[d->t[n].ent].t0 == n && d->ents[d->t[n].ent].kind == EK_PER)
					e = d->t[n].ent;
				return of_entity(d, e);
			}
			if (e >= 0) {
				if (!poss && d->ents[e].kind == EK_ORG && k2 > i)
					org = e;
				k2 = d->ents[e].t1 - 1;
				continue;
			}
			if (t->type == TOK_WORD && (t->noun == NOUN_PERSON || t->noun == NOUN_REP))
				continue;
			if (t->type == TOK_WORD && (t->fw & (FW_DET | FW_POSS)) && !(t->fw & FW_SUBJ))
				continue;
			if (tok_is(d, k2, "'s"))
				continue;
			if (t->type == TOK_WORD && !t->fw && !t->cap &&
			    (!t->cueflags || (k2 + 1 < limit && d->t[k2 + 1].type == TOK_WORD && !d->t[k2 + 1].fw)))
				continue; /* "state statistics body INSEE": "state" is no verb here */
			break;
		}
		/* "local newspaper the Daily Telegraph" */
		if (org >= 0 && d->ents[org].t1 == k2)
			return of_entity(d, org);
	}
	/* Determiner, modifiers, head noun. */
	j = i;
	if (d->t[j].fw & (FW_DET | FW_POSS | FW_INDEF))
		j++;
	if (ent_starts(d, j) >= 0 && j > i) {
		m = name_run(d, j, limit, &end);
		if (end < limit && d->t[end].noun != NOUN_NONE && d->t[end].noun != NOUN_PERSON)
			return description(d, i, end, -1); /* "the ICEout.tech group" */
		return m;
	}
	h = -1;
	while (j < limit && j < i + 5 && STEP(d) && d->t[j].type == TOK_WORD && !(d->t[j].fw & ~(unsigned)FW_ADV) &&
	       !d->t[j].cueflags) {
		h = j++;
		if (d->t[h].noun != NOUN_NONE)
			break;
	}
	if (h < 0)
		return none();
	if (d->t[h].noun == NOUN_NONE && (d->t[i].fw & (FW_DET | FW_POSS | FW_INDEF)) == 0 &&
	    (d->t[h].cap || d->text[d->t[h].bend - 1] != 's' || d->t[h].bend - d->t[h].bstart < 4))
		return none(); /* a bare plural ("finance ministers of ...") names a group */
	m = description(d, i, h, pp_entity(d, h));
	/* "said her lawyer, Perry Wander": the name in apposition after it */
	if (m.t0 >= 0 && (!m.name || d->t[h].noun == NOUN_PERSON) && m.t1 + 1 < limit &&
	    tok_is_punct(d, m.t1, ",") && ent_starts(d, m.t1 + 1) >= 0 &&
	    d->ents[d->t[m.t1 + 1].ent].kind == EK_PER)
		return of_entity(d, d->t[m.t1 + 1].ent);
	return m;
}

/* A description of a person set off after a name: "Marc Ostwald, a
 * strategist at Monument Securities told": the name. */
static struct mention
apposed(const struct doc *d, struct mention m, int s0)
{
	int p = m.t0 - 1, e;

	if (m.t0 < 0 || p - 1 < s0 || !tok_is_punct(d, p, ",") || (e = d->t[p - 1].ent) < 0 ||
	    d->ents[e].kind != EK_PER || d->ents[e].t1 != p)
		return m;
	if (m.name && !(d->t[m.t1 - 1].noun == NOUN_PERSON || d->t[m.t1 - 1].noun == NOUN_REP))
		return m;
	return of_entity(d, e);
}

/* The noun phrase ending at token k (subject left of a verb). */
static struct mention
np_left(struct doc *d, int k, int s0)
{
	int e, j;

	if (k < s0)
		return none();
	if (d->t[k].fw & FW_SUBJ)
		return pronoun(d, k);
	if ((e = d->t[k].ent) >= 0) {
		const struct qent *x = &d->ents[e];
		/* The word before the name, past a "the": "a spokesman for the
		 * Department for Culture" */
		int pre = x->t0 - 1;
		if (pre > s0 && (d->t[pre].fw & FW_DET) && !(d->t[pre].fw & FW_INDEF))
			pre--;
		if (pre - 1 >= s0 && (d->t[pre].fw & FW_PREP) && d->t[pre - 1].ent >= 0 &&
		    d->ents[d->t[pre - 1].ent].kind == EK_PER)
			return np_left(d, pre - 1, s0); /* "Nicolas Sarkozy of France said" */
		/* An entity inside a prepositional phrase: "organisers behind X",
		 * "lawyers for Mr A and Mr B". */
		{
			int j2 = pre;
			for (; STEP(d);) {
				while (j2 >= s0 && STEP(d) && d->t[j2].type == TOK_WORD && d->t[j2].cap && d->t[j2].ent < 0 &&
				       (d->t[j2].noun == NOUN_PERSON || d->t[j2].bend - d->t[j2].bstart <= 4))
					j2--; /* titles: Mr, Dr, Mrs, President */
				if (j2 - 1 >= s0 && (d->t[j2].fw & FW_CONJ) && d->t[j2 - 1].ent >= 0)
					j2 = d->ents[d->t[j2 - 1].ent].t0 - 1;
				else
					break;
			}
			if (j2 >= s0 && j2 < pre && (d->t[j2].fw & FW_PREP) && j2 - 1 >= s0 &&
			    d->t[j2 - 1].type == TOK_WORD && !d->t[j2 - 1].cap && !d->t[j2 - 1].fw)
				return apposed(d, description(d, j2 - 1, j2 - 1, -1), s0);
			if (j2 >= s0 && j2 < pre && (d->t[j2].fw & FW_PREP) && j2 - 1 >= s0 &&
			    d->t[j2 - 1].type == TOK_WORD && d->t[j2 - 1].noun)
				return apposed(d, description(d, j2 - 1, j2 - 1, -1), s0);
		}
		if (pre - 1 >= s0 && (d->t[pre].fw & FW_PREP)) {
			int h = pre - 1;
			if (d->t[h].type == TOK_WORD && d->t[h].noun != NOUN_NONE) {
				for (j = h; j > s0 && j > h - 4 && STEP(d) && d->t[j - 1].type == TOK_WORD &&
					    !(d->t[j - 1].fw & ~(unsigned)(FW_DET | FW_POSS | FW_INDEF | FW_ADV)) &&
					    !d->t[j - 1].cueflags;
				     j--)
					if (d->t[j - 1].fw & (FW_DET | FW_POSS | FW_INDEF)) {
						j--;
						break;
					}
				return apposed(d, description(d, j, h, d->t[h].noun == NOUN_REP || staff_of(d, h, e) ? e : -1),
						   s0);
			}
			if (d->t[h].type == TOK_WORD && !d->t[h].cap && !(d->t[h].fw))
				return none(); /* "the violence in X said"? not a speaker */
		}
		if (x->kind == EK_LOC || x->kind == EK_MISC || x->kind == EK_OTHER) {
			if (x->t0 - 1 >= s0 && (d->t[x->t0 - 1].fw & FW_PREP))
				return none();
		}

		return of_entity(d, e);
	}
	if (d->t[k].type != TOK_WORD || (d->t[k].fw & ~(unsigned)FW_ADV) ||
	    (d->t[k].cueflags && !(k > s0 && (d->t[k - 1].fw & (FW_DET | FW_POSS)))))
		return none(); /* "The report added": a cue after a determiner is a noun */
	/* A description ending at k: walk left over modifiers to a determiner. */
	for (j = k; j > s0 && j > k - 5 && STEP(d); j--) {
		const struct qtok *p = &d->t[j - 1];
		if (tok_is(d, j - 1, "'s") && j - 2 >= s0 && d->t[j - 2].ent >= 0) {
			/* "Michael Jackson's mother": a definite description */
			struct mention m = description(d, j, k, -1);
			if (m.t0 < 0 && d->t[k].noun == NOUN_NONE) {
				m.t0 = d->ents[d->t[j - 2].ent].t0;
				m.t1 = k + 1;
				m.name = NULL;
				m.kind = EK_OTHER;
			} else if (m.t0 >= 0) {
				m.t0 = d->ents[d->t[j - 2].ent].t0;
			}
			if (m.t0 >= 0 && !m.name && d->t[k].noun == NOUN_PERSON) {
				/* "Michael Jackson's mother": Katherine Jackson, named later */
				struct mention r = coref_relative(d, d->t[j - 2].ent, k);
				if (r.name) {
					r.t0 = m.t0;
					r.t1 = m.t1;
					m = r;
				}
			}
			return m;
		}
		if (p->type != TOK_WORD || p->cueflags)
			break;
		if (p->fw & (FW_DET | FW_POSS | FW_INDEF)) {
			j--;
			break;
		}
		if (p->fw == FW_ADV && !p->cap && d->text[p->bend - 1] == 'y' && d->text[p->bend - 2] == 'l')
			continue; /* "this remarkably active senior citizen" */
		if (p->fw)
			break;
		if (p->ent >= 0)
			continue;
		if (p->cap && j - 1 != s0)
			continue;
		if (!p->cap)
			continue;
		break;
	}
	/* Skip an undetermined run that is really a clause: require a known
	 * noun, a determiner, or a short bare plural. */
	if (d->t[k].noun == NOUN_NONE && !(d->t[j].fw & (FW_DET | FW_POSS)) && k - j > 1)
		return none();
	return description(d, j, k, -1);
}

static int is_boundary(const struct doc *d, int j);

/*
 * A description the clause opens with and the name set off after it:
 * "The president of one of Mumbai's Catholic organisations, Dolphy
 * D'Souza, says" is D'Souza (a person's noun, a person; an organisation's,
 * an organisation), not whoever "the president" was before.
 */
static struct mention
apposed_right(struct doc *d, struct mention m, int limit)
{
	int h = m.t1 - 1, j, e;
	enum noun_class c;

	if (m.t0 < 0 || h < m.t0 || d->t[h].type != TOK_WORD || d->t[h].ent >= 0)
		return m;
	c = (enum noun_class)d->t[h].noun;
	if (c != NOUN_PERSON && c != NOUN_REP && c != NOUN_ORG)
		return m;
	/* Past a complement of the noun ("of one of Mumbai's main ... organisations"). */
	for (j = m.t1; j < limit && j < m.t1 + 12 && !tok_is_punct(d, j, ",") && STEP(d); j++)
		if (d->t[j].quote >= 0 || d->t[j].mark || d->t[j].cueflags ||
		    (d->t[j].fw & (FW_FINITE | FW_AUX | FW_SUBJ | FW_REL | FW_THAT)) ||
		    (d->t[j].type == TOK_PUNCT && !tok_is(d, j, "'s")))
			return m;
	if (j + 1 >= limit || !tok_is_punct(d, j, ",") || (e = ent_starts(d, j + 1)) < 0 ||
	    d->ents[e].t1 >= limit || !(tok_is_punct(d, d->ents[e].t1, ",") || is_boundary(d, d->ents[e].t1)) ||
	    d->ents[e].kind != (c == NOUN_ORG ? EK_ORG : EK_PER))
		return m;
	return of_entity(d, e);
}

struct mention
clause_subject(struct doc *d, int s, int limit)
{
	int i = d->sent_t0[s], again = 1;

	if (limit > i + SCAN_WIN)
		limit = i + SCAN_WIN;
	while (again && i < limit && STEP(d)) {
		again = 0;
		while (i < limit && (d->t[i].mark || d->t[i].quote >= 0 || d->t[i].type != TOK_WORD) && STEP(d))
			i++;
		if (i >= limit)
			break;
		if ((d->t[i].fw & (FW_PREP | FW_SUBORD)) || (d->t[i].cueflags & CUE_PREP) || d->t[i].ing ||
		    ((d->t[i].fw & FW_ADV) && d->t[i].ent < 0)) {
			/* A leading adverbial: skip to its comma. */
			int j = i + 1;
			while (j < limit && !tok_is_punct(d, j, ",") && STEP(d))
				j++;
			if (j < limit) {
				i = j + 1;
				again = 1;
			} else if (d->t[i].fw & FW_ADV) {
				i++;
				again = 1;
			}
		} else if (d->t[i].fw & FW_CONJ) {
			i++;
			again = 1;
		}
	}
	if (i >= limit)
		return none();
	return apposed_right(d, speaker_np_right(d, i, limit), limit);
}

/* A comma, or a dash set off in the text ("Bank - one of its creditors -"). */
static int
is_boundary(const struct doc *d, int j)
{
	return tok_is_punct(d, j, ",") || tok_is_punct(d, j, "-") || tok_is_punct(d, j, "--") ||
	       tok_is_punct(d, j, "\xe2\x80\x93") || tok_is_punct(d, j, "\xe2\x80\x94");
}

static int
ends_in_ed(const struct doc *d, int j)
{
	size_t n = d->t[j].bend - d->t[j].bstart;

	return n > 4 && memcmp(d->text + d->t[j].bend - 2, "ed", 2) == 0;
}

/*
 * Is [a, b) (between commas or dashes) a parenthetical a subject may have
 * before its verb: a relative clause ("who ..."), a participle clause
 * ("elected president in January after ..."), "as well as X", or an
 * apposition (a noun phrase: no finite verb, no pronoun subject, no cue)?
 */
static int
parenthetical(const struct doc *d, int a, int b)
{
	int j;

	if (b <= a || b - a > 25)
		return 0;
	if (d->t[a].fw & FW_REL)
		return 1;
	if ((tok_is(d, a, "as") && tok_is(d, a + 1, "well") && tok_is(d, a + 2, "as")) ||
	    ((tok_is(d, a, "along") || tok_is(d, a, "together")) && tok_is(d, a + 1, "with")))
		return 1;
	if (d->t[a].type == TOK_WORD && !d->t[a].cap && !d->t[a].fw && !d->t[a].cueflags &&
	    (d->t[a].ing || ends_in_ed(d, a)))
		return 1;
	for (j = a; j < b && STEP(d); j++) {
		const struct qtok *t = &d->t[j];
		if (t->quote >= 0 || t->mark || (t->fw & (FW_AUX | FW_FINITE | FW_SUBJ | FW_THAT)))
			return 0;
		if (t->cueflags && !(j > a && (d->t[j - 1].fw & (FW_DET | FW_POSS))))
			return 0;
	}
	return 1;
}

/*
 * The subject before the verb at k + 1, with parentheticals between them:
 * "Mr Wilson, who was also involved with New Order, as well as the Happy
 * Mondays, said", "Guenther Schuh, e.GO's founder and the mastermind
 * behind Europe's best-selling electric van, said", "Laah Chong-gyu,
 * executive director of Korea Development Bank - one of the firm's
 * creditors - said".  k is the comma or dash before the verb.
 */
static struct mention
subject_before_parentheticals(struct doc *d, int k, int s0)
{
	int b = k, n = 0, c = -1;

	for (;;) {
		int a, e;
		c = b - 1;
		while (c > s0 && !is_boundary(d, c) && d->t[c].quote < 0 && !d->t[c].mark && STEP(d))
			c--;
		if (c <= s0 || !is_boundary(d, c))
			break; /* the segment runs back to the clause start: it holds the subject */
		a = c + 1;
		/* "The UN's relief coordinator, Jan Egeland, said"; "His wife,
		 * Joan, suggested" (a name after a person noun is a person,
		 * whatever the tagger said). */
		e = d->t[a].ent;
		if (e >= 0 && d->ents[e].t0 == a && d->ents[e].t1 == b &&
		    (d->ents[e].kind == EK_PER || (c - 1 >= s0 && d->t[c - 1].noun == NOUN_PERSON))) {
			/* (below) */
			struct mention m = of_entity(d, e);
			if (m.name)
				m.kind = EK_PER;
			else if (d->ents[e].canonical && !name_is_fragment(d, &d->ents[e])) {
				m.name = d->ents[e].canonical;
				m.name_len = d->ents[e].canon_len;
				m.kind = EK_PER;
			}
			return m;
		}
		/* "the manufacturers' organisation, the EEF, said": an
		 * organisation's name in apposition after its description. */
		if (e < 0 && (d->t[a].fw & FW_DET) && !(d->t[a].fw & FW_INDEF))
			e = d->t[a + 1].ent, a++;
		if (e >= 0 && d->ents[e].t0 == a && d->ents[e].t1 == b && d->ents[e].kind == EK_ORG &&
		    c - 1 >= s0 && (d->t[c - 1].noun == NOUN_ORG || d->t[c - 1].noun == NOUN_REP))
			return of_entity(d, e);
		a = c + 1;
		if (!parenthetical(d, a, b) || ++n > 4)
			break;
		/* "the work's author, US playwright Eve Ensler, says": the name
		 * that ends an apposition is the speaker. */
		e = d->t[b - 1].ent;
		if (e >= 0 && d->ents[e].t1 == b && d->ents[e].kind == EK_PER && d->ents[e].t0 > a &&
		    !(d->t[a].fw & FW_REL))
			return of_entity(d, e);
		b = c;
	}
	if (b == k) {
		/* Nothing to skip before the verb: the head before the comma that
		 * opens the segment, or, with no other comma, a stray comma
		 * between subject and verb ("the commissioner, made it clear"). */
		if (c > s0 && is_boundary(d, c))
			return np_left(d, c - 1, s0);
		return np_left(d, k - 1, s0);
	}
	return np_left(d, b - 1, s0);
}

/*
 * An apposition whose closing comma the writer left out: "Jane Holloway,
 * chairman and chief executive said", "Jane Holloway, chairman of Acme and
 * president of the Dairy Council said".  The words from the comma to the
 * verb are a parenthetical holding a role noun (a person's for a person,
 * an organisation's for an organisation), and a name ends right before
 * the comma and opens its clause: the name is the subject.  The
 * parenthetical does not start with "and" and holds no person's name.  No mention (t0 < 0) otherwise.
 */
static struct mention
unclosed_apposition(struct doc *d, int k, int s0)
{
	int c = k, j, e, role = 0;

	while (c > s0 && k - c < 25 && !tok_is_punct(d, c, ",") && d->t[c].quote < 0 && !d->t[c].mark && STEP(d))
		c--;
	if (c <= s0 || c == k || !tok_is_punct(d, c, ",") || (e = d->t[c - 1].ent) < 0 || d->ents[e].t1 != c ||
	    (d->ents[e].kind != EK_PER && d->ents[e].kind != EK_ORG) || !parenthetical(d, c + 1, k + 1) ||
	    (d->t[c + 1].fw & (FW_REL | FW_CONJ)))
		return none();
	/* The name opens its clause ("In a filing with the SEC, the group
	 * said" is no apposition to the SEC). */
	j = d->ents[e].t0 - 1;
	if (j >= s0 && !(d->t[j].type == TOK_PUNCT || (d->t[j].fw & FW_CONJ)))
		return none();
	for (j = c + 1; j <= k && STEP(d); j++) {
		if (d->t[j].ent >= 0 && d->ents[d->t[j].ent].kind == EK_PER)
			return none(); /* "X, Prime Minister Y told": Y is the subject */
		if (d->t[j].type == TOK_WORD && d->t[j].ent < 0 &&
		    (d->ents[e].kind == EK_PER ? d->t[j].noun == NOUN_PERSON || d->t[j].noun == NOUN_REP
					       : d->t[j].noun == NOUN_ORG))
			role = 1;
	}
	/* The role must reach the verb: "X, chairman of Acme, and Y said" is
	 * two subjects, and the word before the verb is part of the role. */
	if (!role || (d->t[k].type == TOK_WORD && d->t[k].ent < 0 && d->t[k].noun == NOUN_NONE && d->t[k].cap))
		return none();
	return of_entity(d, e);
}

/* Is m a description headed by a noun that names no speaker ("the
 * changes")?  After a comma, "said" + such a phrase is no inversion: in
 * "Alain Terzian, president of X, said the changes were made", the
 * subject is before the apposition and "the changes" starts the content. */
static int
plain_noun_head(const struct doc *d, const struct mention *m)
{
	int h;

	for (h = m->t1 - 1; h >= m->t0 && d->t[h].type != TOK_WORD; h--)
		;
	return h >= m->t0 && !(d->t[h].fw & FW_SUBJ) && d->t[h].ent < 0 && d->t[h].noun == NOUN_NONE;
}

struct mention
speaker_of_cue(struct doc *d, int i)
{
	int s = sent_of(d, i), s0 = win_lo(d, i), k = i - 1;
	unsigned f = d->t[i].cueflags;
	int after = i + d->t[i].cuelen, limit = win_hi(d, i);

	if (!d->t[i].ing && k < s0 && after < limit && d->t[i].cap) {
		/* Inverted at the start: "Observes Mr Hadi: “...”", "Says Smith, ..." */
		struct mention m = speaker_np_right(d, after, limit);
		if (m.t0 >= 0 && m.name)
			return m;
	}
	if (d->t[i].ing && k < s0) {
		/* "Describing X as Y, the mother said": the main clause's subject. */
		int c;
		for (c = i + 1; c < limit && !(tok_is_punct(d, c, ",") && d->t[c].quote < 0) && STEP(d); c++)
			;
		return c + 1 < limit ? speaker_np_right(d, c + 1, limit) : none();
	}
	if (d->t[i].ing) {
		if (k >= s0 && (tok_is_punct(d, k, ",") || (d->t[k].fw & (FW_PREP | FW_SUBORD | FW_CONJ)))) {
			if (d->lastcue_sent == s && d->lastcue_tok < i && d->lastcue_sp.t0 >= 0 &&
			    !tok_is_punct(d, k, ","))
				return d->lastcue_sp;
			return clause_subject(d, s, i);
		}
		if (k >= s0 && d->t[k].type == TOK_WORD && !d->t[k].fw && !d->t[k].cueflags &&
		    d->t[k].noun != NOUN_NONE)
			return np_left(d, k, s0); /* "a letter urging ..." (not "its products saying that") */
		if (k >= s0 && (d->t[k].fw & FW_SUBJ))
			return pronoun(d, k);
		if (k >= s0 && d->t[k].ent >= 0)
			return np_left(d, k, s0);
		return clause_subject(d, s, i);
	}
	if (k >= s0 && tok_quantifier(d, k) && (k == s0 || d->t[k - 1].type == TOK_PUNCT || (d->t[k - 1].fw & FW_CONJ))) {
		/* "most say ...", "; others argue ...": unnamed people */
		struct mention m = none();
		m.t0 = k;
		m.t1 = k + 1;
		m.plural = 1;
		m.kind = EK_OTHER;
		return m;
	}
	for (;;) {
		while (k >= s0 && d->t[k].type == TOK_WORD && (d->t[k].fw & (FW_ADV | FW_AUX | FW_NEG)) &&
		       !(d->t[k].fw & (FW_BE | FW_SUBJ | FW_THAT | FW_DET)) && STEP(d)) {
			if (d->t[k].fw & FW_NEG)
				return none(); /* "did not say": no statement */
			k--;
		}
		/* A time phrase between subject and verb: "in September this year said" */
		if (k > s0 && (d->t[k].fw & FW_TIME) && d->t[k].ent < 0) {
			k--;
			while (k > s0 && ((d->t[k].fw & (FW_DET | FW_PREP | FW_TIME)) || tok_is(d, k, "last") ||
					  tok_is(d, k, "next") || tok_is(d, k, "early") || tok_is(d, k, "late")) &&
			       !(d->t[k].fw & FW_SUBJ) && STEP(d))
				k--;
			continue;
		}
		break;
	}
	if (k < s0)
		return none();
	if (tok_is_punct(d, k, ")")) {
		int p = k - 1;
		while (p > s0 && !tok_is_punct(d, p, "(") && k - p < 6)
			p--;
		if (p > s0 && tok_is_punct(d, p, "("))
			k = p - 1;
	}
	if ((d->t[k].fw & FW_BE) && tok_is(d, i, "quoted")) {
		/* "X was quoted as saying": the passive names the speaker. */
		k--;
		while (k >= s0 && d->t[k].type == TOK_WORD && (d->t[k].fw & (FW_ADV | FW_AUX)) &&
		       !(d->t[k].fw & (FW_SUBJ | FW_THAT | FW_DET)) && STEP(d))
			k--;
		if (k < s0)
			return none();
	}
	if (d->t[k].fw & FW_BE)
		return none(); /* passive "is said to", "was told" */
	if (d->t[k].mark == 2 || is_boundary(d, k)) {
		if ((f & CUE_FINAL) && !(f & CUE_OBJ) && after < limit && !(d->t[after].fw & FW_SUBJ)) {
			struct mention m = speaker_np_right(d, after, limit);
			int e = m.t1;
			if (m.t0 >= 0 && (e >= limit || d->t[e].type == TOK_PUNCT || (d->t[e].fw & FW_PREP)) &&
			    (d->t[k].mark == 2 || m.name || !plain_noun_head(d, &m)))
				return m;
		}
		if (d->t[k].mark == 2)
			return none();
		return subject_before_parentheticals(d, k, s0);
	}
	if (d->t[k].fw & FW_CONJ) {
		if (d->lastcue_sent == s && d->lastcue_tok < i && d->lastcue_sp.t0 >= 0)
			return d->lastcue_sp;
		return clause_subject(d, s, k);
	}
	if (d->t[k].fw & FW_REL) {
		int c = k - 1;
		if (c >= s0 && tok_is_punct(d, c, ","))
			c--;
		return np_left(d, c, s0);
	}
	{
		struct mention m = unclosed_apposition(d, k, s0);
		if (m.t0 >= 0)
			return m;
	}
	return np_left(d, k, s0);
}
