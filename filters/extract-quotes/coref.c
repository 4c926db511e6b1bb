/*
 * coref.c - who "he", "she", "it", "they", "the company" and "the
 * chairman" are: a salience model of the people and organisations a text
 * talks about (after Lappin and Leass 1994, without a parser).
 *
 * Every name of a person or organisation is a discourse entity, one per
 * canonical name.  Each mention of an entity adds to its salience: 100
 * for being mentioned (50 inside a reported clause, nothing inside a
 * quotation: those are the speaker's words, not the writer's), 80 more
 * as the subject of its sentence, 80 more as the speaker of a quote.  A
 * pronoun the resolver has linked to an entity counts as its mention.
 * Salience falls to a third with every sentence of narrative (faster
 * than Lappin and Leass's half: without a parser every mention counts,
 * and the subject of the sentence before must win over a name repeated
 * further back, as centering theory has it); a sentence that is
 * all quotation does not count, so a quote running over paragraphs keeps
 * its speaker in mind.  A second measure of the same mentions fades
 * slower (by 0.8 a sentence) and serves definite descriptions: a pronoun
 * points at what is in focus now, "the company" at what the text is
 * about (Ariel's accessibility hierarchy).
 *
 * A speaker with no name of its own ("a BBC spokeswoman", "critics") is a
 * referent too, standing for what its description names (BBC) or for no
 * one: "She said" after "A BBC spokeswoman said" is hers, not the last
 * named person's.
 *
 * A pronoun or a definite description is linked to the compatible entity
 * of highest salience among the last COREF_RECENT mentioned, with the
 * mentions earlier in its own sentence (and in sentences not yet read,
 * when a quotation spans two) at full weight.  Below a floor (an
 * entity not mentioned for about four sentences) it is linked to nothing
 * and the quote's speaker is null, never a guess.  Compatible means:
 *   he, she      a person not known to be of the other sex (one of
 *                unknown sex counts 0.8);
 *   it           an organisation (a place speaking as its government,
 *                "Cameroon said it ...", counts half);
 *   they         an unnamed group of speakers, or an organisation at 0.6;
 *   the company  an organisation; double when the noun ends its name
 *                ("the bank" for Deutsche Bank);
 *   the chairman a person; three times when the noun was said of them
 *                ("Patrick Cescau, the co-chairman,", "Academy president
 *                Frank Pierson"), and not of the other sex ("the
 *                actress").
 * The sex of a person comes from an honorific before a mention (Mr, Mrs,
 * Sir, Lady, ...), a role noun of one sex said of them ("actress Negar
 * Khan"), the first name (data/quotes/en/first-names.txt, from public
 * name statistics), and, when nothing else told, from a "he" or "she"
 * linked to them.
 */
#include <math.h>
#ifdef COREF_TRACE
#include <stdio.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "quotes.h"
#include "xalloc.h"

#define W_MENTION 100.0
#define W_EMBEDDED 50.0
#define W_SUBJECT 80.0
#define W_SPEAKER 80.0
#define W_MODIFIER 30.0 /* a name that modifies a noun: "US officials" */
#define FLOOR 10.0
#define DECAY (1.0 / 3.0) /* a sentence of narrative */
#define UNKNOWN_SEX 0.8 /* a person of unknown sex for "he" or "she" */

/* Evidence for a person's sex, weakest first. */
enum { EV_NONE, EV_PRONOUN, EV_FIRST_NAME, EV_ROLE, EV_HONORIFIC };

static struct mention
none(void)
{
	return no_mention();
}

/* A nationality or a people: one word in -an, -ans, -ese, -ish, -ch, -ic,
 * -i ("American", "Europeans", "Chinese", "British", "French", "Arabic",
 * "Iraqi"), or hyphenated ("Anglo-Dutch"). */
static int
demonym(const struct doc *d, const struct qent *x)
{
	static const char *const ends[] = { "an", "ans", "ese", "ish", "ch", "ic", "i", NULL };
	const char *s = x->canonical;
	size_t n = x->canon_len, k;

	(void)d;
	if (memchr(s, ' ', n))
		return 0;
	if (memchr(s, '-', n))
		return 1;
	for (k = 0; ends[k]; k++) {
		size_t m = strlen(ends[k]);
		if (n > m + 2 && memcmp(s + n - m, ends[k], m) == 0)
			return 1;
	}
	return 0;
}

struct mention
mention_of_entity(const struct doc *d, int e)
{
	struct mention m = none();
	const struct qent *x = &d->ents[e];

	m.t0 = x->t0;
	m.t1 = x->t1;
	m.dent = x->dent;
	/* A speaker is a person or an organisation; a place that speaks is
	 * its government.  A name the tagger calls MISC that speaks is an
	 * organisation ("Yukos said"; CoNLL's MISC holds many company names),
	 * unless it is a nationality ("Europeans said"): it names the speaker
	 * but is no referent for pronouns.  Anything else (a date the tagger
	 * took for a name, a fragment) names no speaker. */
	if (x->dent < 0 && x->kind == EK_MISC && x->canonical && !demonym(d, x) && !name_is_fragment(d, x)) {
		m.name = x->canonical;
		m.name_len = x->canon_len;
		m.kind = EK_ORG;
		return m;
	}
	if (x->dent < 0)
		return m;
	m.name = x->canonical;
	m.name_len = x->canon_len;
	m.kind = d->dents[x->dent].say_kind;
	return m;
}

static struct mention
of_dent(const struct doc *d, int k, int t0, int t1)
{
	struct mention m = none();
	const struct dent *x = &d->dents[k];

	m.t0 = t0;
	m.t1 = t1;
	m.dent = k;
	m.name = x->say;
	m.name_len = x->say_len;
	m.kind = x->say_kind;
	return m;
}

/* ---- entities ------------------------------------------------------------ */

static uint64_t
name_key(const char *s, size_t n)
{
	return hash64(s, n, 0x636f7266u) | 1u;
}

static int
dent_of(struct doc *d, const struct qent *e)
{
	uint64_t h = name_key(e->canonical, e->canon_len);
	size_t i = (size_t)h & d->dent_mask;
	struct dent *x;

	while (d->dent_slots[i] >= 0 && STEP(d)) {
		x = &d->dents[d->dent_slots[i]];
		if (x->len == e->canon_len && memcmp(x->name, e->canonical, x->len) == 0)
			return d->dent_slots[i];
		i = (i + 1) & d->dent_mask;
	}
	ARRAY_GROW(d->dents, d->ndents + 1, d->dcap);
	x = &d->dents[d->ndents];
	memset(x, 0, sizeof *x);
	x->name = x->say = e->canonical;
	x->len = x->say_len = e->canon_len;
	x->h = h;
	x->kind = e->kind;
	x->last_tok = -1;
	x->publisher = -1;
	d->dent_slots[i] = (int)d->ndents;
	return (int)d->ndents++;
}

static void
set_gender(struct dent *x, char g, int ev)
{
	if (g && ev > x->gender_ev) {
		x->gender = g;
		x->gender_ev = (unsigned char)ev;
	}
}

static void
add_title(struct dent *x, uint64_t h)
{
	unsigned k;

	for (k = 0; k < x->ntitles; k++)
		if (x->titles[k] == h)
			return;
	if (x->ntitles < 4)
		x->titles[x->ntitles++] = h;
}

/* The sex of a role noun: 'm', 'f' or 0 ("statement" is a thing: 0). */
static char
noun_sex(const struct doc *d, uint64_t h)
{
	char g = lexicon_noun_gender(d->lx, h);

	return g == 'm' || g == 'f' ? g : 0;
}

/* The honorific at token p: 'm', 'f' or 0. */
static char
honorific(const struct doc *d, int p)
{
	static const char *const male[] = { "mr", "mr.", "sir", "lord", "king", "prince", "mister", NULL };
	static const char *const female[] = { "mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen",
					      "princess", "madam", NULL };
	int w;

	for (w = 0; male[w]; w++)
		if (tok_is(d, p, male[w]))
			return 'm';
	for (w = 0; female[w]; w++)
		if (tok_is(d, p, female[w]))
			return 'f';
	return 0;
}

/* Role nouns said of entity e: right before it ("actress Negar Khan",
 * "Federated's chairman, Terry Lundgren") or in an apposition after it
 * ("Patrick Cescau, the UK-based co-chairman,").  Gives titles and sex. */
static void
roles(struct doc *d, const struct qent *e, struct dent *x)
{
	int j, lo = win_lo(d, e->t0), hi = win_hi(d, e->t1 - 1);

	j = e->t0 - 1;
	if (j >= lo && tok_is_punct(d, j, ","))
		j--;
	for (; j >= lo && j > e->t0 - 8 && d->t[j].type == TOK_WORD && STEP(d); j--) {
		const struct qtok *t = &d->t[j];
		if ((t->noun == NOUN_PERSON || t->noun == NOUN_ORG) && !honorific(d, j)) {
			add_title(x, t->h);
			set_gender(x, noun_sex(d, t->h), EV_ROLE);
		} else if (t->ent >= 0 || tok_is(d, j, "'s") || (t->fw & (FW_DET | FW_POSS))) {
			continue;
		} else if (t->fw || t->cueflags) {
			break;
		}
	}
	if (e->t1 < hi && (d->t[e->t1].noun == NOUN_ORG || d->t[e->t1].noun == NOUN_REP) && !d->t[e->t1].cap)
		add_title(x, d->t[e->t1].h); /* "the annual Directions survey": later "the survey" */
	if (e->t1 < hi && tok_is_punct(d, e->t1, ",")) {
		for (j = e->t1 + 1; j < hi && j < e->t1 + 10 && d->t[j].type == TOK_WORD && !d->t[j].cueflags &&
				    d->t[j].ent < 0 && STEP(d);
		     j++) {
			const struct qtok *t = &d->t[j];
			if (t->noun == NOUN_PERSON || t->noun == NOUN_ORG) {
				add_title(x, t->h);
				set_gender(x, noun_sex(d, t->h), EV_ROLE);
			}
			if (t->fw & (FW_SUBJ | FW_AUX | FW_REL))
				break;
		}
	}
}

/* Is the person the tagger saw in e marked as one: a person's noun or an
 * honorific right before it ("actress Nathalie Press", "Mr Mills"), or a
 * first name of known sex ("Nathalie Press")? */
static int
person_marked(const struct doc *d, const struct qent *e)
{
	int p = e->t0 - 1;
	const char *sp = memchr(e->canonical, ' ', e->canon_len);

	if (p >= 0 && d->t[p].type == TOK_WORD && d->t[p].sent == d->t[e->t0].sent &&
	    (honorific(d, p) || (d->t[p].noun == NOUN_PERSON && lexicon_noun_gender(d->lx, d->t[p].h) != 'n')))
		return 1;
	return sp && lexicon_first_name(d->lx, word_hash(e->canonical, (size_t)(sp - e->canonical))) != 0;
}

/* A name the tagger took for a person that only an organisation has:
 * "Marsh & McLennan", "Procter and Gamble Co", "Trinity Mirror Group";
 * a word that often ends one ("Press", "News") does not outweigh the marks
 * of a person ("actress Nathalie Press"). */
static int
org_name(const struct doc *d, const struct qent *e)
{
	int j, end = 0;

	if (memchr(e->canonical, '&', e->canon_len))
		return 1;
	for (j = e->t0; j < e->t1; j++) {
		if (d->t[j].orgw & ORGW_SUFFIX)
			return 1;
		end |= d->t[j].orgw & ORGW_END;
	}
	return end && !person_marked(d, e);
}

/* A name right after an organisation's noun is an organisation's name,
 * whatever the tagger said: "housebuilder George Wimpey", "mortgage lender
 * Bradford & Bingley", "bookmaker William Hill" (not "the company's
 * chairman Jo Smith": the noun nearest the name decides).  A noun marked
 * 'p' names people too ("broadcaster Michael Pointon") and decides nothing. */
static int
org_role(const struct doc *d, const struct qent *e)
{
	int p = e->t0 - 1;

	return p >= 0 && d->t[p].type == TOK_WORD && d->t[p].noun == NOUN_ORG && !d->t[p].cap &&
	       lexicon_noun_gender(d->lx, d->t[p].h) != 'p' && d->t[p].sent == d->t[e->t0].sent && d->t[p].quote == d->t[e->t0].quote;
}

/* A name right after the noun of a thing that does not speak is the
 * thing's: "the drama My Summer Of Love", "rival medicine Tarceva" (class
 * thing in speaker-nouns.txt).  Such a name is no antecedent of "she" or
 * "the company" until it has spoken itself. */
static int
thing_role(const struct doc *d, const struct qent *e)
{
	int p = e->t0 - 1;

	return p >= 0 && d->t[p].type == TOK_WORD && !d->t[p].cap && lexicon_noun_gender(d->lx, d->t[p].h) == 't' &&
	       d->t[p].sent == d->t[e->t0].sent && d->t[p].quote == d->t[e->t0].quote;
}

/* Is the name of x made of common words: a lower-case function word inside
 * ("Help the Aged", "Friends of the Earth"), or a first word the text also
 * writes in lower case ("Age Concern" and "old age")?  Few names get here
 * (a tagger's persons with no first name, title or surname alone), so a
 * pass over the words is cheaper than an index of them. */
static int
common_words_name(const struct doc *d, const struct dent *x)
{
	const char *p = x->name, *end, *sp;
	uint64_t h;
	size_t i;

	if (!p)
		return 0;
	end = p + x->len;

	for (sp = p; sp < end && STEP(d);) {
		const char *w = sp;
		while (sp < end && *sp != ' ')
			sp++;
		if (w < sp && *w >= 'a' && *w <= 'z' && (lexicon_fw(d->lx, word_hash(w, (size_t)(sp - w))) &
							  (FW_DET | FW_PREP | FW_CONJ)))
			return 1;
		while (sp < end && *sp == ' ')
			sp++;
	}
	sp = memchr(p, ' ', x->len);
	if (!sp)
		return 0;
	h = word_hash(p, (size_t)(sp - p));
	if (lexicon_fw(d->lx, h))
		return 0; /* "He Weiling": "he" is a pronoun, not a common noun */
	for (i = 0; i < d->nt && STEP(d); i++)
		if (d->t[i].h == h && d->t[i].type == TOK_WORD && !d->t[i].cap)
			return 1;
	return 0;
}

void
coref_prepare(struct doc *d)
{
	size_t k, cap = 16;

	while (cap < 2 * d->nents + 2)
		cap *= 2;
	if (cap > d->dent_mask + 1 || !d->dent_slots) {
		free(d->dent_slots);
		d->dent_slots = xmalloc(cap * sizeof *d->dent_slots);
		d->dent_mask = cap - 1;
	}
	memset(d->dent_slots, 0xff, (d->dent_mask + 1) * sizeof *d->dent_slots);
	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		struct dent *x;
		const char *sp;
		int p;
		e->dent = -1;
		/* "Broadcast magazine", "the annual Directions survey", "a BBC
		 * statement": a name before an organisation's or a document's noun
		 * is an organisation, whatever the tagger said. */
		if (e->t1 < (int)d->nt && (d->t[e->t1].noun == NOUN_ORG || d->t[e->t1].noun == NOUN_REP) &&
		    !d->t[e->t1].cap && e->kind == EK_MISC && e->canonical && !demonym(d, e))
			e->kind = EK_ORG;
		if (e->kind != EK_PER && e->kind != EK_ORG && e->kind != EK_LOC && e->kind != EK_MISC)
			continue;
		if (!e->canonical || e->canon_len == 0 || name_is_fragment(d, e) ||
		    (e->kind == EK_MISC && demonym(d, e)))
			continue;
		if (e->kind == EK_PER && org_name(d, e))
			e->kind = EK_ORG;
		e->dent = dent_of(d, e);
		x = &d->dents[e->dent];
		if (org_role(d, e)) {
			e->kind = EK_ORG;
			x->orgrole = 1;
		}
		x->thing |= thing_role(d, e);
		/* The kind most of its mentions have (the tagger may call "Time
		 * Warner" a person once and "TimeWarner" an organisation four
		 * times); a tie goes to the person. */
		if (e->kind == EK_PER && (e->t1 - e->t0 == 1 || !memchr(e->canonical, ' ', e->canon_len) ||
					  person_marked(d, e) || honorific(d, e->t0)))
			x->personal = 1;
		x->tagged |= !e->guessed;
		x->nper += e->kind == EK_PER;
		x->norg += e->kind == EK_ORG;
		x->nmisc += e->kind == EK_MISC;
		x->kind = x->orgrole ? EK_ORG
			  : x->nper + x->norg == 0 ? (x->nmisc ? EK_ORG : EK_LOC)
			  : x->nper >= x->norg ? EK_PER : EK_ORG;
		/* A name only ever tagged MISC (a company, a work, an event) is an
		 * organisation when it speaks, and a referent only once it has. */
		x->misc = x->thing || (x->nper + x->norg == 0 && x->nmisc > 0);
		x->say_kind = x->kind == EK_PER ? EK_PER : EK_ORG;
		roles(d, e, x);
		if (x->kind != EK_PER && e->kind != EK_PER)
			continue;
		/* "Mr Burgmans"; "Lord Browne" (the title inside the name). */
		p = e->t0 - 1;
		if (p >= 0 && d->t[p].cap && honorific(d, p))
			set_gender(x, honorific(d, p), EV_HONORIFIC);
		else if (honorific(d, e->t0))
			set_gender(x, honorific(d, e->t0), EV_HONORIFIC);
		sp = memchr(e->canonical, ' ', e->canon_len);
		if (sp)
			set_gender(x, lexicon_first_name(d->lx, word_hash(e->canonical, (size_t)(sp - e->canonical))),
				   EV_FIRST_NAME);
	}
	/* A name of two words or more is not a person's just because it is
	 * two capitalised words: with no first name the lists know, no title
	 * or person's noun before it and never the surname alone ("Mr Laah",
	 * "Laah said" make "Laah Chong-gyu" a person), it is an organisation's
	 * ("Age Concern said").  What a tagger calls a person needs more: a
	 * function word inside ("Help the Aged") or a first word the text also
	 * uses as a common word ("age"), which given names hardly are. */
	{
		int scans = 0; /* passes over the text: at most 8 a record, so time stays linear */
		for (k = 0; k < d->ndents && STEP(d); k++) {
			struct dent *x = &d->dents[k];
			if (x->kind != EK_PER || x->personal)
				continue;
			if (x->tagged && (++scans > 8 || !common_words_name(d, x)))
				continue;
			x->kind = EK_ORG;
			x->say_kind = EK_ORG;
			x->orgrole = 1;
			x->misc = 1; /* a referent of "it" only once it has spoken ("Each Class B") */
		}
	}
	/* Every mention of a name an organisation's noun was said of is the
	 * organisation's. */
	for (k = 0; k < d->nents && STEP(d); k++)
		if (d->ents[k].dent >= 0 && d->dents[d->ents[k].dent].orgrole && d->ents[k].kind == EK_PER)
			d->ents[k].kind = EK_ORG;
}

/* ---- salience ------------------------------------------------------------ */

/* Does a name ending before token j modify the noun at j ("US officials",
 * "BBC spokeswoman") rather than head its phrase ("Apple said")? */
static int
premodifier(const struct doc *d, int j)
{
	const struct qtok *t;
	int e;

	/* Only places and nationalities: without a tagger of parts of speech
	 * "US officials" and "Reuters slipped" look alike, and people and
	 * organisations modify nouns rarely. */
	if (j <= 0 || (size_t)j >= d->nt || (e = d->t[j - 1].ent) < 0 ||
	    (d->ents[e].kind != EK_LOC && d->ents[e].kind != EK_MISC))
		return 0;
	t = &d->t[j];
	/* Not a possessive ("Marsh's broker"), nor a noun that says what the
	 * name is ("Broadcast magazine", "a BBC spokeswoman"). */
	return t->type == TOK_WORD && !t->cap && !t->fw && !t->cueflags && !t->ing && t->noun == NOUN_NONE &&
	       !(t->type == TOK_WORD && (t->bend - t->bstart <= 4) && tok_is(d, j, "'s")) &&
	       t->sent == d->t[j - 1].sent;
}

static double
salience(const struct doc *d, const struct dent *x)
{
	int dt = d->time - x->sal_time;

	return dt <= 0 ? x->sal : dt > 40 ? 0.0 : x->sal * pow(DECAY, dt);
}

static double
salience_slow(const struct doc *d, const struct dent *x)
{
	int dt = d->time - x->sal_time;

	return dt <= 0 ? x->slow : dt > 200 ? 0.0 : x->slow * pow(0.8, dt);
}

static void
touch(struct doc *d, int k, double w, int tok)
{
	struct dent *x = &d->dents[k];
	int j, at = d->nrecent;

	x->sal = salience(d, x) + w;
	x->slow = salience_slow(d, x) + w;
	x->sal_time = d->time;
	if (tok > x->last_tok)
		x->last_tok = tok;
	for (j = 0; j < d->nrecent && STEP(d); j++)
		if (d->recent[j] == k) {
			at = j;
			break;
		}
	if (at == COREF_RECENT)
		at = COREF_RECENT - 1; /* the least recent drops out */
	else if (at == d->nrecent)
		d->nrecent++;
	memmove(d->recent + 1, d->recent, (size_t)at * sizeof *d->recent);
	d->recent[0] = k;
}

/* An unnamed speaker described by mention m (head noun h): a referent of
 * its own, standing for the speaker m names (or none). */
static int
anon_dent(struct doc *d, const struct mention *m, int h)
{
	struct dent *x;
	enum noun_class c = (enum noun_class)d->t[h].noun;
	size_t n = d->t[h].bend - d->t[h].bstart;
	char g = lexicon_noun_gender(d->lx, d->t[h].h);

	ARRAY_GROW(d->dents, d->ndents + 1, d->dcap);
	x = &d->dents[d->ndents];
	memset(x, 0, sizeof *x);
	x->anon = 1;
	x->last_tok = -1;
	x->publisher = -1;
	if (c == NOUN_GROUP || tok_is(d, h, "spokesmen") || (c != NOUN_PERSON && c != NOUN_ORG && n > 3 &&
							     d->text[d->t[h].bend - 1] == 's'))
		x->kind = EK_MISC; /* a group: "they" */
	else if (c == NOUN_ORG || g == 'n')
		x->kind = EK_ORG;  /* "it" */
	else
		x->kind = EK_PER;
	if (g == 'm' || g == 'f') {
		x->gender = g;
		x->gender_ev = EV_ROLE;
	}
	add_title(x, d->t[h].h);
	x->say = m->name;
	x->say_len = m->name_len;
	x->say_kind = m->kind;
	return (int)d->ndents++;
}

void
coref_note(struct doc *d, const struct mention *m, int sent)
{
	int k = m->dent, h = m->t1 - 1;

	(void)sent;
	if (m->t0 < 0 || d->nspoke >= (int)(sizeof d->spoke / sizeof d->spoke[0]))
		return;
	if (!(d->t[m->t0].fw & FW_SUBJ) && d->t[h].ent < 0 && d->t[h].type == TOK_WORD &&
	    (d->t[h].noun != NOUN_NONE || d->text[d->t[h].bend - 1] == 's')) {
		k = anon_dent(d, m, h);
		touch(d, k, W_MENTION, m->t0);
	}
	if (k >= 0)
		d->spoke[d->nspoke++] = k;
}

/* The person or organisation named nearest before token i in its
 * sentence, outside quotations: its entity, or -1. */
static int
named_before(const struct doc *d, int i, int s0)
{
	int q;

	for (q = i - 1; q >= s0 && STEP(d); q--) {
		int f = d->t[q].ent, k;
		if (f < 0 || d->t[q].quote >= 0)
			continue;
		k = d->ents[f].dent;
		if (k >= 0 && !d->dents[k].misc && (d->dents[k].kind == EK_PER || d->dents[k].kind == EK_ORG))
			return k;
		q = d->ents[f].t0;
	}
	return -1;
}

/*
 * Named documents of sentence s and who publishes them: "the Federal
 * Reserve said in its latest Beige Book report", "Broadcast's annual
 * survey", "the Beige Book report by the Fed".  A quote the document
 * "says" is its publisher's (coref_finish).
 */
static void
publishers(struct doc *d, int s)
{
	int i, s0 = d->sent_t0[s], s1 = d->sent_t0[s + 1];

	for (i = s0; i < s1 && STEP(d); i++) {
		int e = d->t[i].ent, h, p, pub = -1, k;
		if (e < 0 || d->ents[e].t0 != i || (k = d->ents[e].dent) < 0 || d->t[i].quote >= 0 ||
		    d->dents[k].kind == EK_PER)
			continue;
		h = d->ents[e].t1;
		i = h - 1;
		if (h >= s1 || d->t[h].type != TOK_WORD || d->t[h].cap || d->t[h].noun != NOUN_REP ||
		    lexicon_noun_gender(d->lx, d->t[h].h) != 'n')
			continue; /* not "NAME report", "NAME survey" */
		/* Modifiers before the name: "its latest", "its 2004 annual". */
		for (p = d->ents[e].t0 - 1; p >= s0 && p > d->ents[e].t0 - 4 && !d->t[p].cap && !d->t[p].fw &&
					    !d->t[p].cueflags &&
					    (d->t[p].type == TOK_WORD || d->t[p].type == TOK_NUMBER) && STEP(d);
		     p--)
			;
		if (p >= s0 && (tok_is(d, p, "its") || tok_is(d, p, "their")))
			pub = named_before(d, p, s0);
		else if (p - 1 >= s0 && tok_is(d, p, "'s") && d->t[p - 1].ent >= 0)
			pub = d->ents[d->t[p - 1].ent].dent;
		else if (h + 2 < s1 && (tok_is(d, h + 1, "by") || tok_is(d, h + 1, "from"))) {
			int q = (d->t[h + 2].fw & FW_DET) ? h + 3 : h + 2, f;
			if (q < s1 && (f = d->t[q].ent) >= 0 && d->ents[f].t0 == q)
				pub = d->ents[f].dent;
		}
		if (pub >= 0 && pub != k && d->dents[pub].publisher < 0 &&
		    (d->dents[pub].kind == EK_PER || d->dents[pub].kind == EK_ORG))
			d->dents[k].publisher = pub;
	}
}

/* The last word of a name. */
static const char *
surname_of(const char *s, size_t n, size_t *len)
{
	size_t i = n;

	while (i > 0 && s[i - 1] != ' ')
		i--;
	*len = n - i;
	return i > 0 ? s + i : NULL; /* one word: no surname to share */
}

struct mention
coref_relative(struct doc *d, int e, int h)
{
	int owner = d->ents[e].dent, found = -1;
	char sex = noun_sex(d, d->t[h].h);
	const char *sn;
	size_t snl, k;

	if (owner < 0 || d->dents[owner].kind != EK_PER || !sex ||
	    !(sn = surname_of(d->dents[owner].name, d->dents[owner].len, &snl)))
		return none();
	for (k = 0; k < d->ndents && STEP(d); k++) {
		const struct dent *x = &d->dents[k];
		const char *xs;
		size_t xl;
		if ((int)k == owner || x->kind != EK_PER || x->anon || (x->gender && x->gender != sex) ||
		    !(xs = surname_of(x->name, x->len, &xl)) || xl != snl || memcmp(xs, sn, snl) != 0)
			continue;
		if (found >= 0)
			return none(); /* two of the family: no guess */
		found = (int)k;
	}
	return found >= 0 ? of_dent(d, found, h, h + 1) : none();
}

void
coref_finish(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nout && STEP(d); k++) {
		struct quote *q = &d->out[k];
		int p;
		if (q->dead || q->sp.dent < 0 || !q->sp.name || (p = d->dents[q->sp.dent].publisher) < 0)
			continue;
		q->sp.name = d->dents[p].say;
		q->sp.name_len = d->dents[p].say_len;
		q->sp.kind = d->dents[p].say_kind;
		q->sp.dent = p;
	}
}

void
coref_sentence(struct doc *d, int s)
{
	int i, s0 = d->sent_t0[s], s1 = d->sent_t0[s + 1], narrative = 0;
	struct mention subj = clause_subject(d, s, s1 < s0 + SCAN_WIN ? s1 : s0 + SCAN_WIN);

	publishers(d, s);
#ifdef COREF_TRACE
	fprintf(stderr, "sentence %d subject [%d,%d) dent %d\n", s, subj.t0, subj.t1, subj.dent);
#endif
	for (i = s0; i < s1 && STEP(d); i++) {
		const struct qtok *t = &d->t[i];
		if (t->quote >= 0 || t->mark)
			continue;
		if (t->type == TOK_WORD)
			narrative = 1;
		if (t->ent >= 0 && d->ents[t->ent].t0 == i && d->ents[t->ent].dent >= 0)
			touch(d, d->ents[t->ent].dent,
			      premodifier(d, d->ents[t->ent].t1) ? W_MODIFIER : t->inq ? W_EMBEDDED : W_MENTION, i);
	}
	if (subj.dent < 0 && subj.t0 >= 0 && !(d->t[subj.t0].fw & FW_SUBJ) && d->t[subj.t1 - 1].ent < 0 &&
	    d->t[subj.t1 - 1].type == TOK_WORD && d->t[subj.t1 - 1].quote < 0 &&
	    (d->t[subj.t1 - 1].noun != NOUN_NONE || d->text[d->t[subj.t1 - 1].bend - 1] == 's')) {
		/* A subject with no name ("Scores of business leaders", "a
		 * woman") is a referent too: "They say ..." is theirs. */
		subj.dent = anon_dent(d, &subj, subj.t1 - 1);
		touch(d, subj.dent, W_MENTION, subj.t0);
		touch(d, subj.dent, W_SUBJECT, subj.t0);
	} else if (subj.dent >= 0 && subj.t0 >= 0) {
		/* A pronoun subject is a mention of what it was linked to. */
		if (d->t[subj.t0].ent < 0)
			touch(d, subj.dent, W_MENTION, subj.t0);
		touch(d, subj.dent, W_SUBJECT, subj.t0);
	}
	for (i = 0; i < d->nspoke; i++) {
		touch(d, d->spoke[i], W_SPEAKER, -1);
		d->dents[d->spoke[i]].spoken = 1;
	}
	d->nspoke = 0;
	d->coref_t = s1;
	if (narrative)
		d->time++;
}

/* ---- resolution ---------------------------------------------------------- */

struct cand {
	int k;
	double score;
};

/*
 * The candidates for a mention at token i: the recent entities at their
 * salience, plus the names earlier in i's sentence (outside quotations)
 * at a fresh mention's weight.  So are the names of sentences before i's
 * that the salience model has not seen yet: a quotation of two sentences
 * is read with the one it starts in, and the "she said" of its second
 * sentence is the subject's of its first ("Arnold described it as "...
 * I'm not used to this," she said").
 */
static int
candidates(struct doc *d, int i, struct cand *c, int max, int slow)
{
	int n = 0, j, k, lo = win_lo(d, i);

	if (d->coref_t < lo)
		lo = d->coref_t > i - SCAN_WIN ? d->coref_t : i - SCAN_WIN;

	for (k = 0; k < d->nrecent && n < max && STEP(d); k++) {
		const struct dent *x = &d->dents[d->recent[k]];
		if (x->misc && !x->spoken)
			continue;
		c[n].k = d->recent[k];
		c[n].score = slow ? salience_slow(d, x) : salience(d, x);
		n++;
	}
	for (j = lo; j < i && STEP(d); j++) {
		const struct qtok *t = &d->t[j];
		int e = t->ent, dk;
		if (e < 0 || d->ents[e].t0 != j || (dk = d->ents[e].dent) < 0 || t->quote >= 0 || t->mark ||
		    (d->dents[dk].misc && !d->dents[dk].spoken) || premodifier(d, d->ents[e].t1))
			continue;
		for (k = 0; k < n && c[k].k != dk; k++)
			;
		if (k == n) {
			if (n == max)
				continue;
			c[n].k = dk;
			c[n].score = slow ? salience_slow(d, &d->dents[dk]) : salience(d, &d->dents[dk]);
			n++;
		}
		c[k].score += W_MENTION;
	}
	return n;
}

static int
best(const struct cand *c, int n)
{
	int k, b = -1;

	for (k = 0; k < n; k++)
		if (c[k].score >= FLOOR && (b < 0 || c[k].score > c[b].score))
			b = k;
	return b;
}

/* Pronoun classes. */
enum { PR_NONE, PR_HE, PR_SHE, PR_IT, PR_THEY };

static int
pronoun_class(const struct doc *d, int i)
{
	if (tok_is(d, i, "he") || tok_is(d, i, "his"))
		return PR_HE;
	if (tok_is(d, i, "she") || tok_is(d, i, "her"))
		return PR_SHE;
	if (tok_is(d, i, "it") || tok_is(d, i, "its"))
		return PR_IT;
	if (tok_is(d, i, "they") || tok_is(d, i, "their"))
		return PR_THEY;
	return PR_NONE;
}

struct mention
coref_pronoun(struct doc *d, int i)
{
	struct cand c[COREF_RECENT + 8];
	int pc = pronoun_class(d, i), n, k, b;
	struct mention m = none();

	m.t0 = i; /* unresolved: the mention stays, the speaker is null */
	m.t1 = i + 1;
	m.plural = pc == PR_THEY;
	if (pc == PR_NONE || d->t[i].quote >= 0)
		return m; /* I, we, you: the writer or a quoted speaker */
	n = candidates(d, i, c, (int)(sizeof c / sizeof c[0]), 0);
	for (k = 0; k < n; k++) {
		const struct dent *x = &d->dents[c[k].k];
		char want = pc == PR_HE ? 'm' : pc == PR_SHE ? 'f' : 0;
		double w;
		if (pc == PR_HE || pc == PR_SHE)
			w = x->kind != EK_PER ? 0.0 : x->gender == want ? 1.0 : x->gender ? 0.0 : UNKNOWN_SEX;
		else if (pc == PR_IT)
			w = x->kind == EK_ORG ? 1.0 : x->kind == EK_LOC ? 0.5 : 0.0;
		else
			w = x->kind == EK_MISC ? 1.0 : x->kind == EK_ORG ? 0.6 : 0.0;
		c[k].score *= w;
	}
	b = best(c, n);
#ifdef COREF_TRACE
	for (k = 0; k < n; k++)
		fprintf(stderr, "pronoun@%d %.*s: %.*s %c %.1f\n", i, (int)(d->t[i].bend - d->t[i].bstart),
			d->text + d->t[i].bstart, (int)d->dents[c[k].k].len, d->dents[c[k].k].name,
			d->dents[c[k].k].gender ? d->dents[c[k].k].gender : '?', c[k].score);
#endif
	if (b < 0)
		return m;
	m = of_dent(d, c[b].k, i, i + 1);
	m.plural = pc == PR_THEY;
	if (pc == PR_HE || pc == PR_SHE)
		set_gender(&d->dents[c[b].k], pc == PR_HE ? 'm' : 'f', EV_PRONOUN);
	return m;
}

/* Is noun (a word_hash) one of the words of x's name ("Ministry" of
 * "Ministry of Defence")? */
static int
name_has_word(const struct dent *x, uint64_t noun)
{
	const char *p = x->name, *end;

	if (!p)
		return 0; /* a name of no bytes */
	end = p + x->len;
	while (p < end) {
		const char *w = p;
		while (p < end && *p != ' ')
			p++;
		if (p > w && word_hash(w, (size_t)(p - w)) == noun)
			return 1;
		while (p < end && *p == ' ')
			p++;
	}
	return 0;
}

struct mention
coref_description(struct doc *d, int h, enum ent_kind kind, int need_title)
{
	struct cand c[COREF_RECENT + 8];
	int n, k, b;
	uint64_t noun = d->t[h].h;
	char g = noun_sex(d, noun);

	if (d->t[h].quote >= 0)
		return none();
	n = candidates(d, h, c, (int)(sizeof c / sizeof c[0]), 1);
	for (k = 0; k < n; k++) {
		const struct dent *x = &d->dents[c[k].k];
		double w = 1.0;
		unsigned t;
		const char *sp;
		if (kind == EK_PER) {
			if (x->kind != EK_PER || (g && x->gender && x->gender != g))
				w = 0.0;
		} else {
			w = x->kind == EK_ORG ? 1.0 : 0.0;
			/* "the bank" for Deutsche Bank */
			sp = x->name; /* NULL for a name of no bytes */
			if (sp)
				for (sp += x->len; sp > x->name && sp[-1] != ' '; sp--)
					;
			if (sp && sp > x->name && word_hash(sp, (size_t)(x->name + x->len - sp)) == noun)
				w *= 2.0;
			else if (need_title == 2 && !name_has_word(x, noun))
				w = -1.0; /* "the police": an organisation so named, or so called before */
		}
		for (t = 0; t < x->ntitles; t++)
			if (x->titles[t] == noun)
				break;
		if (t < x->ntitles)
			w = (w < 0 ? 1.0 : w) * (kind == EK_PER ? 3.0 : 2.0);
		else if (need_title == 1 || w < 0)
			w = 0.0;
		else if (x->ntitles && kind == EK_PER)
			w *= 0.3; /* "the singer" is not "keyboard player Nick Rhodes"; "the
				   * company" may be "media giant TimeWarner" */
		c[k].score *= w;
	}
	b = best(c, n);
	return b < 0 ? none() : of_dent(d, c[b].k, -1, -1);
}

struct mention
coref_salient(struct doc *d, int i)
{
	struct cand c[COREF_RECENT + 8];
	int n = candidates(d, i, c, (int)(sizeof c / sizeof c[0]), 0), k, b;

	int t0, t1;

	for (k = 0; k < n; k++)
		if (d->dents[c[k].k].kind == EK_LOC)
			c[k].score = 0.0;
	b = best(c, n);
	if (b < 0)
		return none();
	/* The mention is the entity's last one. */
	t0 = d->dents[c[b].k].last_tok;
	if (t0 < 0)
		return of_dent(d, c[b].k, -1, -1);
	t1 = d->t[t0].ent >= 0 ? d->ents[d->t[t0].ent].t1 : t0 + 1;
	return of_dent(d, c[b].k, t0, t1);
}
