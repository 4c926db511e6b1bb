/*
 * refine.c - document-level type consistency for the entity tagger.
 *
 * The sequence model types each mention from a window of a few words, so
 * the same name can come out ORG in one sentence and LOC or PER in the
 * next, and a name the 1996 training text never saw ("Anthropic") is
 * typed from its shape alone.  Following Ratinov & Roth (2009), every
 * mention of a name in a document votes on one type for it:
 *
 *   score(name, type) = sum over its mentions of (model score of the type
 *                       - the mention's best model score) / TEMP
 *                     + sum over its mentions of the context cues for type
 *
 * (log-linear pooling: a confident mention keeps its type, uncertain ones
 * follow the evidence).  The cues are organisation contexts a reader
 * would rely on:
 *   - "employees / executives / workers at X", "shares of X", "stake in X";
 *   - "X's chief executive / spokesperson / shares / board ...";
 *   - "X CEO Jane Doe", "X spokesman", "X Inc."; "X said in a statement";
 *   - a head noun of organisations ending the name ("Border Patrol",
 *     "Federal Reserve", "Justice Department");
 *   - "companies including / such as X, Y and Z": the cue before a
 *     coordination applies to each of its members.
 * Mentions in headlines (all-capital or title-case sentences) take the
 * type their name has in the prose but do not vote.
 * The spans are the model's; only their types change.
 */
#include <stdlib.h>
#include <string.h>

#include "entities/ner.h"
#include "xalloc.h"

enum { T_PER, T_ORG, T_LOC, T_MISC };

/* Tunable weights (documented above; chosen on CoNLL-2003 dev). */
/*
 * Tunable weights, chosen on CoNLL-2003 dev (T = 16/32/48/64/128, cue 1/3/6:
 * dev F1 0.9302-0.9321, best at 48/3): a strong cue outweighs a mention
 * the model types with a margin of up to 144 score units.
 */
#define TEMP 48.0f       /* model score units per vote */
#define CUE_STRONG 3.0f
#define CUE_WEAK 1.0f
#define UNLINKED_PER 1.0f /* dev F1 0.9334 / 0.9336 / 0.9329 at 0.5 / 1 / 2 */

/* Nouns for people who work at or own part of an organisation ("employees at X"). */
static const char *const staff_nouns[] = {
	"employees", "employee", "workers", "staff", "staffers", "executives", "executive", "engineers",
	"researchers", "investors", "shareholders", "engineer", "researcher", "ceo", "ceos", "founder",
	"co-founder", "cofounder", "chairman", "chairwoman", "spokesperson", "spokesman", "spokeswoman",
	"analyst", "analysts", "director", "directors", "managers", "manager", NULL,
};

/* Nouns after "X's" that mark an organisation. */
static const char *const org_possessed[] = {
	"chief", "ceo", "ceos", "executive", "executives", "spokesperson", "spokesman", "spokeswoman", "board",
	"shares", "stock", "employees", "workers", "staff", "founder", "co-founder", "cofounder", "chairman",
	"chairwoman", "headquarters", "revenue", "revenues", "valuation", "shareholders", "investors",
	"subsidiary", "profit", "profits", "earnings", "stake", "website", "chatbot", "ipo", "bylaws", NULL,
};

/* Words right after a name that mark an organisation ("Anthropic CEO", "Acme Inc."). */
static const char *const org_next[] = {
	"ceo", "ceos", "spokesperson", "spokesman", "spokeswoman", "executives", "employees", "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag",
	"cofounder", "co-founder", "chairman", "chairwoman", NULL,
};

/* The last word of an organisation's name. */
static const char *const org_heads[] = {
	"patrol", "agency", "department", "ministry", "commission", "council", "committee", "party", "corp",
	"corp.", "inc", "inc.", "co.", "ltd", "ltd.", "plc", "llc", "company", "corporation", "association",
	"university", "institute", "foundation", "bureau", "authority", "police", "army", "navy",
	"federation", "league", "club", "airlines", "airways", "holdings", "technologies", "systems",
	"reserve", "exchange", "senate", "congress", "parliament", "administration", "laboratories",
	"labs", "group", "service", "guard", "court", "network", "times", "post", "journal", NULL,
};

/* Plural nouns for organisations before "including", "such as", "like". */
static const char *const org_kinds[] = {
	"companies", "firms", "rivals", "startups", "start-ups", "banks", "retailers", "carriers",
	"airlines", "groups", "organizations", "organisations", "giants", "makers", "employers", "platforms",
	"automakers", "insurers", "lenders", "outlets", "publishers", "agencies", "labs", "competitors", NULL,
};

/* Singular and plural nouns for organisations in an apposition ("Palantir, a longtime defence contractor,"). */
static const char *const org_appos[] = {
	"company", "firm", "contractor", "startup", "start-up", "maker", "developer", "provider", "manufacturer",
	"retailer", "lender", "insurer", "carrier", "airline", "conglomerate", "subsidiary", "publisher",
	"newspaper", "broadcaster", "agency", "organization", "organisation", "supplier", "operator", "chain",
	"companies", "firms", "contractors", "startups", "makers", "developers", "providers", "giants", "group",
	"groups", "unit", "bank", "banks", "carmaker", "carmakers", "business", "businesses", NULL,
};

static const char *const preps[] = { "with", "at", "of", "for", "in", "from", "on", "by", "to", NULL };

static int
in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

struct rspan {
	size_t b, e, s0, s1; /* tokens [b, e) of sentence [s0, s1) */
	unsigned ty;
	uint64_t key;
	float score[4]; /* model: type score - best, in votes */
	float cue;      /* organisation evidence */
	size_t group;   /* first span of its coordination */
	int headline;   /* in a headline: takes the prose's type, has no vote */
};

static const char *
lw(const struct ner_doc *d, size_t i, size_t s0, size_t s1)
{
	return i >= s0 && i < s1 ? d->t[i].lw : "";
}

static int in(const char *w, const char *const *list);

/* Is the span a modifier of a following noun for an organisation ("UK drinks firm")? */
static int
modifier(const struct ner_doc *d, const struct rspan *r)
{
	size_t k;
	for (k = r->e; k < r->s1 && k < r->e + 5; k++) {
		if ((d->t[k].flags & (NT_HASALPHA | NT_INITCAP | NT_ALLCAPS)) != NT_HASALPHA)
			return 0;
		if (in(d->t[k].lw, org_appos))
			return 1;
	}
	return 0;
}

/* Organisation evidence before a span (also used for a coordination's first member). */
static float
cue_left(const struct ner_doc *d, const struct rspan *r)
{
	size_t b = r->b;
	const char *p1 = b > r->s0 ? lw(d, b - 1, r->s0, r->s1) : "";
	const char *p2 = b > r->s0 + 1 ? lw(d, b - 2, r->s0, r->s1) : "";
	const char *p3 = b > r->s0 + 2 ? lw(d, b - 3, r->s0, r->s1) : "";

	/* "director of Sheffield-based consulting group MEPS": the name is a modifier, not the organisation. */
	if (modifier(d, r))
		return 0;
	if ((strcmp(p1, "at") == 0 || strcmp(p1, "of") == 0) && in(p2, staff_nouns))
		return CUE_STRONG;
	/* "firms including Russia's OAO Mobile Telesystems": the member is the possessed name. */
	if (strcmp(lw(d, r->e, r->s0, r->s1), "'s") == 0)
		return 0;
	if ((strcmp(p1, "of") == 0 && strcmp(p2, "shares") == 0) || (strcmp(p1, "in") == 0 && strcmp(p2, "stake") == 0))
		return CUE_STRONG;
	if ((strcmp(p1, "including") == 0 || strcmp(p1, "like") == 0) && in(p2, org_kinds))
		return CUE_STRONG;
	if (strcmp(p1, "as") == 0 && strcmp(p2, "such") == 0 && in(p3, org_kinds))
		return CUE_STRONG;
	/* "At OpenAI, chief executive Sam Altman ..." */
	if (strcmp(p1, "at") == 0 && strcmp(lw(d, r->e, r->s0, r->s1), ",") == 0 &&
	    (in(lw(d, r->e + 1, r->s0, r->s1), staff_nouns) || strcmp(lw(d, r->e + 1, r->s0, r->s1), "chief") == 0))
		return CUE_STRONG;
	return 0;
}

static float cue_appos(const struct ner_doc *d, const struct rspan *r);

/* Organisation evidence after and inside a span. */
static float
cue_right(const struct ner_doc *d, const struct rspan *r)
{
	size_t e = r->e;
	const char *n1 = lw(d, e, r->s0, r->s1), *n2 = lw(d, e + 1, r->s0, r->s1);
	float c = 0;

	if (r->e - r->b > 1 && in(d->t[r->e - 1].lw, org_heads))
		c += CUE_STRONG;
	if (strcmp(n1, "'s") == 0 && in(n2, org_possessed))
		c += CUE_STRONG;
	else if (in(n1, org_next))
		c += CUE_STRONG;
	else if (strcmp(n1, "said") == 0 && strcmp(n2, "in") == 0 && strcmp(lw(d, e + 2, r->s0, r->s1), "a") == 0 &&
		 strcmp(lw(d, e + 3, r->s0, r->s1), "statement") == 0)
		c += CUE_WEAK;
	return c + cue_appos(d, r);
}

/* Apposition: "X, a longtime defence contractor," / "X and Y, two of the largest AI companies". */
static float
cue_appos(const struct ner_doc *d, const struct rspan *r)
{
	size_t e = r->e;
	const char *n1 = lw(d, e, r->s0, r->s1), *n2 = lw(d, e + 1, r->s0, r->s1);
	float c = 0;

	if (strcmp(n1, ",") == 0 && (strcmp(n2, "a") == 0 || strcmp(n2, "an") == 0 || strcmp(n2, "the") == 0 ||
				     strcmp(n2, "two") == 0 || strcmp(n2, "three") == 0 || strcmp(n2, "one") == 0)) {
		size_t k;
		for (k = e + 2; k < r->s1 && k < e + 9; k++) {
			const char *w = d->t[k].lw;
			if (strcmp(w, ",") == 0 || strcmp(w, ".") == 0 || strcmp(w, "that") == 0 ||
			    strcmp(w, "which") == 0 || strcmp(w, "who") == 0)
				break;
			/* The first noun phrase only: "an economist with UFJ Bank" is a person ("one of" goes on). */
			if (in(w, preps) && !(k == e + 2 && strcmp(w, "of") == 0))
				break;
			if (in(w, org_appos) && (k + 1 >= r->s1 || !(d->t[k + 1].flags & NT_HASALPHA) ||
						 strcmp(d->t[k + 1].lw, "that") == 0 || strcmp(d->t[k + 1].lw, "in") == 0 ||
						 strcmp(d->t[k + 1].lw, "based") == 0)) {
				c += CUE_STRONG;
				break;
			}
		}
	}
	return c;
}

/* Tokens between two spans that join a coordination: ",", "and", "or", "&", ", and". */
static int
coordinated(const struct ner_doc *d, size_t e, size_t b)
{
	size_t i;
	if (b <= e || b - e > 2)
		return 0;
	for (i = e; i < b; i++) {
		const char *w = d->t[i].lw;
		if (strcmp(w, ",") != 0 && strcmp(w, "and") != 0 && strcmp(w, "or") != 0 && strcmp(w, "&") != 0)
			return 0;
	}
	return b - e == 1 || strcmp(d->t[e].lw, ",") == 0;
}

/* Titles between an organisation and a person inside one span ("Anthropic CEO Dario Amodei"). */
static const char *const span_titles[] = {
	"ceo", "chief", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "spokesman",
	"spokeswoman", "spokesperson", NULL,
};

/*
 * Split the spans that hold a title: "Anthropic CEO Dario Amodei" is an
 * organisation, a title and a person; "CEOs of OpenAI" is a title and an
 * organisation.
 */
static void
split_titles(const struct ner_doc *d, uint8_t *tags)
{
	size_t s, i, j, k;
	for (s = 0; s < d->nsent; s++) {
		size_t s0 = d->sent[s], s1 = d->sent[s + 1];
		for (i = s0; i < s1; i = j) {
			unsigned y = tags[i];
			j = i + 1;
			if (!(y & 1))
				continue;
			for (; j < s1 && tags[j] == y + 1; j++)
				;
			if (j - i >= 3 && in(d->t[i].lw, staff_nouns) &&
			    (strcmp(d->t[i + 1].lw, "of") == 0 || strcmp(d->t[i + 1].lw, "at") == 0)) {
				tags[i] = tags[i + 1] = 0;
				tags[i + 2] = 3; /* B-ORG */
				for (k = i + 3; k < j; k++)
					tags[k] = 4;
				continue;
			}
			for (k = i + 1; k + 1 < j; k++)
				if (in(d->t[k].lw, span_titles) && (d->t[k + 1].flags & NT_INITCAP))
					break;
			if (k + 1 >= j)
				continue;
			if (y == 1) /* a person's span: the part before the title is an organisation */
				for (y = 3, tags[i] = 3, k = i + 1; !in(d->t[k].lw, span_titles); k++)
					tags[k] = 4;
			tags[k] = 0;
			tags[k + 1] = 1;
			for (k += 2; k < j; k++)
				tags[k] = 2;
		}
	}
}

static int
cmp_key(const void *a, const void *b)
{
	const struct rspan *x = *(const struct rspan *const *)a, *y = *(const struct rspan *const *)b;
	return x->key < y->key ? -1 : x->key > y->key;
}

void
ner_refine_types(const struct ner_doc *d, const int32_t *emit, float scale, uint8_t *tags)
{
	struct rspan *r = NULL, **o = NULL;
	size_t nr = 0, cap = 0, s, i, j, k;

	split_titles(d, tags);

	for (s = 0; s < d->nsent; s++) {
		size_t s0 = d->sent[s], s1 = d->sent[s + 1], nlow = 0;
		/*
		 * Prose only: headlines, datelines and results tables name a team
		 * by its city ("DETROIT", "Seattle 5 Oakland 3"), a different
		 * entity from the city of the text.
		 */
		for (i = s0; i < s1; i++)
			nlow += (d->t[i].flags & (NT_HASALPHA | NT_INITCAP | NT_ALLCAPS)) == NT_HASALPHA;
		int headline = (d->t[s0].flags & NT_CAPS_SENT) != 0;
		if (!headline && nlow < 3)
			continue;
		for (i = s0; i < s1;) {
			unsigned y = tags[i], t;
			if (!(y & 1)) {
				i++;
				continue;
			}
			for (j = i + 1; j < s1 && tags[j] == y + 1; j++)
				;
			if (nr == cap) {
				cap = cap ? 2 * cap : 32;
				r = xreallocarray(r, cap, sizeof *r);
			}
			memset(&r[nr], 0, sizeof r[nr]);
			r[nr].b = i;
			r[nr].e = j;
			r[nr].s0 = s0;
			r[nr].s1 = s1;
			r[nr].ty = (y - 1) / 2;
			r[nr].key = ner_gaz_hash(d, i, j);
			r[nr].group = nr;
			r[nr].headline = headline;
			if (emit) {
				float best = -1e30f;
				for (t = 0; t < 4; t++) {
					double v = emit[i * NTAGS + 1 + 2 * t];
					for (k = i + 1; k < j; k++)
						v += emit[k * NTAGS + 2 + 2 * t];
					r[nr].score[t] = (float)(v * scale);
					if (r[nr].score[t] > best)
						best = r[nr].score[t];
				}
				/* The decoder's choice (with transitions) is the mention's best type. */
				best = r[nr].score[r[nr].ty];
				for (t = 0; t < 4; t++)
					r[nr].score[t] = r[nr].score[t] > best ? 0 : (r[nr].score[t] - best) / TEMP;
			} else {
				for (t = 0; t < 4; t++)
					r[nr].score[t] = t == r[nr].ty ? 0 : -1;
			}
			if (nr > 0 && r[nr - 1].s0 == s0 && coordinated(d, r[nr - 1].e, i))
				r[nr].group = r[nr - 1].group;
			nr++;
			i = j;
		}
	}
	/* Commas alone join an apposition ("Rod Eddington, BA's chief executive"), not a list. */
	for (i = 0; i < nr; i = j) {
		int conj = 0;
		for (j = i + 1; j < nr && r[j].group == r[i].group; j++)
			for (k = r[j - 1].e; k < r[j].b; k++)
				conj |= strcmp(d->t[k].lw, ",") != 0;
		if (!conj)
			for (k = i; k < j; k++)
				r[k].group = k;
	}
	for (i = 0; i < nr; i++) {
		r[i].cue = cue_right(d, &r[i]);
		/* An apposition after the last member of a coordination names them all. */
		if (r[i].group != i && (i + 1 == nr || r[i + 1].group != r[i].group)) {
			float a = cue_appos(d, &r[i]);
			for (k = r[i].group; k < i; k++)
				r[k].cue += a;
		}
		if (r[i].group == i)
			r[i].cue += cue_left(d, &r[i]);
		else
			r[i].cue += cue_left(d, &r[r[i].group]);
	}
	/*
	 * News introduces a person by full name before using one name alone:
	 * a lone capitalised word that no fuller person's name of the document
	 * ends or starts, and that no person's name in the training data has,
	 * is less likely a person.
	 */
	{
		uint64_t *pw = xmalloc((d->n ? d->n : 1) * sizeof *pw);
		size_t np = 0;
		for (i = 0; i + 1 < d->n; i++)
			if (tags[i] == 1 && tags[i + 1] == 2) {
				pw[np++] = d->t[i].hl;
				for (k = i + 1; k < d->n && tags[k] == 2; k++)
					;
				pw[np++] = d->t[k - 1].hl;
			}
		for (i = 0; i < nr; i++) {
			int linked = 0;
			if (r[i].e - r[i].b != 1 || (d->t[r[i].b].flags & (NT_FNAME | NT_SNAME)))
				continue;
			for (k = 0; k < np && !linked; k++)
				linked = pw[k] == d->t[r[i].b].hl;
			if (!linked)
				r[i].score[T_PER] -= UNLINKED_PER;
		}
		free(pw);
	}
	/* Pool the votes of the mentions of each name. */
	o = xmalloc((nr ? nr : 1) * sizeof *o);
	for (i = 0; i < nr; i++)
		o[i] = &r[i];
	qsort(o, nr, sizeof *o, cmp_key);
	for (i = 0; i < nr; i = j) {
		float v[4] = { 0, 0, 0, 0 };
		unsigned t, best = 0;
		int prose = 0;
		for (j = i; j < nr && o[j]->key == o[i]->key; j++) {
			if (o[j]->headline)
				continue;
			prose = 1;
			for (t = 0; t < 4; t++)
				v[t] += o[j]->score[t];
			v[T_ORG] += o[j]->cue;
		}
		for (t = 1; t < 4; t++)
			if (v[t] > v[best])
				best = t;
		if (!prose)
			continue;
		for (k = i; k < j; k++) {
			if (o[k]->ty == best)
				continue;
			tags[o[k]->b] = (uint8_t)(1 + 2 * best);
			for (s = o[k]->b + 1; s < o[k]->e; s++)
				tags[s] = (uint8_t)(2 + 2 * best);
		}
	}
	/*
	 * A one-word name the prose tags is the same name where the model
	 * left it untagged (a capitalised occurrence, not part of a longer
	 * capitalised run, of a word the document never writes lower case).
	 */
	for (s = 0; s < d->nsent; s++) {
		size_t s0 = d->sent[s], s1 = d->sent[s + 1];
		if (d->t[s0].flags & NT_CAPS_SENT)
			continue;
		for (i = s0; i < s1; i++) {
			const struct ner_tok *t = &d->t[i];
			size_t lo = 0, hi = nr;
			uint64_t key;
			if (tags[i] || !(t->flags & NT_INITCAP) || (t->flags & (NT_DOC_LOWER | NT_ALLCAPS)) ||
			    (i > s0 && !tags[i - 1] && (d->t[i - 1].flags & NT_INITCAP) && !(d->t[i - 1].flags & NT_SENT_START)) ||
			    (i + 1 < s1 && (d->t[i + 1].flags & NT_INITCAP)))
				continue;
			key = ner_gaz_hash(d, i, i + 1);
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (o[mid]->key < key)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < nr && o[lo]->key == key; lo++)
				if (!o[lo]->headline && o[lo]->e - o[lo]->b == 1) {
					tags[i] = tags[o[lo]->b];
					break;
				}
		}
	}
	/* A byline: a sentence "By Jane Doe" (one to three capitalised words) names a person. */
	for (s = 0; s < d->nsent; s++) {
		size_t s0 = d->sent[s], s1 = d->sent[s + 1], n = s1 - s0;
		int ok = n >= 2 && n <= 5 && strcmp(d->t[s0].lw, "by") == 0 && (d->t[s0].flags & NT_INITCAP);
		for (i = s0 + 1; ok && i < s1; i++)
			ok = !tags[i] && (d->t[i].flags & NT_HASALPHA) && ((d->t[i].flags & NT_INITCAP) || (i > s0 + 1 && (
			     strcmp(d->t[i].lw, "and") == 0)));
		if (ok && !(d->t[s1 - 1].flags & NT_INITCAP))
			ok = 0;
		for (i = s0 + 1; ok && i < s1; i++)
			tags[i] = strcmp(d->t[i].lw, "and") == 0 ? 0 : (i == s0 + 1 || !tags[i - 1]) ? 1 : 2;
	}
	free(o);
	free(r);
}
