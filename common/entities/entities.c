/*
 * entities.c - tagging a text: tokens, the model, the rule layer for
 * dates, money, percentages and numbers, and canonical names.
 */
#include "entities/entities.h"

#include <stdlib.h>
#include <string.h>

#include "entities/ner.h"
#include "segment.h"
#include "strbuf.h"
#include "tokenize.h"
#include "xalloc.h"

static const char *const type_names[ENT_NTYPES] = {
	"PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT", "CARDINAL",
};

const char *
entity_type_name(enum entity_type t)
{
	return (unsigned)t < ENT_NTYPES ? type_names[t] : "?";
}

int
entity_type_from_name(const char *name)
{
	int i;
	for (i = 0; i < ENT_NTYPES; i++)
		if (strcmp(name, type_names[i]) == 0)
			return i;
	return -1;
}

void
entity_list_clear(struct entity_list *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		free(l->v[i].canonical);
	l->n = 0;
}

void
entity_list_release(struct entity_list *l)
{
	entity_list_clear(l);
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}

/* ---- working state of one call ------------------------------------------ */

/* A mention over tokens [b, e) of the doc. */
struct mention {
	size_t b, e;
	enum entity_type type;
	size_t canon; /* index of the mention that names the entity fully */
};

/* Tokens of one part of a long text tagged on its own (see ner_tag()). */
#define NER_PART_TOKENS 20000

struct work {
	const char *text;
	struct ner_doc d;
	struct tokens toks;    /* the tokens of the whole text */
	size_t *tok_of;        /* doc token -> index in toks */
	uint8_t *tags;
	uint8_t *used;         /* doc token inside a mention */
	uint32_t *cls;         /* doc token -> bit mask of the word lists holding it */
	struct mention *m;
	size_t nm, mcap;
};

static void
add_mention(struct work *w, size_t b, size_t e, enum entity_type t)
{
	if (w->nm == w->mcap) {
		w->mcap = w->mcap ? 2 * w->mcap : 32;
		w->m = xreallocarray(w->m, w->mcap, sizeof *w->m);
	}
	w->m[w->nm].b = b;
	w->m[w->nm].e = e;
	w->m[w->nm].type = t;
	w->m[w->nm].canon = w->nm;
	w->nm++;
	for (; b < e; b++)
		w->used[b] = 1;
}

/* Lower-case form of doc token i (digits as 0) equals s? */
static int
is(const struct work *w, size_t i, const char *s)
{
	return i < w->d.n && strcmp(w->d.t[i].lw, s) == 0;
}

#define NLISTS 15
static const char *const *const all_lists[NLISTS];

/* Is doc token i in the word list? (one lookup per token, done once: see word_classes) */
static int
is_any(const struct work *w, size_t i, const char *const *list)
{
	unsigned b;
	if (i >= w->d.n)
		return 0;
	for (b = 0; all_lists[b] && all_lists[b] != list; b++)
		;
	return (w->cls[i] >> b) & 1;
}

/* ---- spans from the model ------------------------------------------------ */

/* Words before a name that are not part of it (CoNLL convention). */
static const char *const titles[] = {
	"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady",
	"president", "sen.", "sen", "senator", "rep.", "gov.", "governor", "gen.", "general", "col.", "capt.",
	"lt.", "sgt.", "judge", "justice", "minister", "secretary", "chancellor", "mayor", "rev.", "pope",
	"king", "queen", "prince", "princess", "ceo", "chairman", "vice", "st.", "saint", NULL,
};

static const char *const honorifics[] = {
	"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof.", "messrs.", NULL,
};

static int
is_possessive(const struct work *w, size_t i)
{
	return is(w, i, "'s") || is(w, i, "'") || is(w, i, "s'");
}

/* Titles that sit between an organisation and a person's name. */
static const char *const inner_titles[] = {
	"ceo", "chief", "president", "chairman", "chairwoman", "founder", "co-founder", "cofounder", "director",
	"spokesman", "spokeswoman", "spokesperson", "executive", "head", NULL,
};

static void
model_mentions(struct work *w)
{
	size_t i = 0, j, k;
	while (i < w->d.n) {
		unsigned y = w->tags[i];
		enum entity_type t;
		if (!(y & 1)) {
			i++;
			continue;
		}
		t = (enum entity_type)((y - 1) / 2);
		for (j = i + 1; j < w->d.n && w->tags[j] == y + 1; j++)
			;
		{
			size_t b = i, e = j;
			/* Titles off the front of a person's name, possessives and punctuation off the end. */
			while (t == ENT_PER && e - b > 1 && is_any(w, b, titles))
				b++;
			/* "Founder Vinod Khosla", "CEO Tim Cook": a title, then a person. */
			if (t != ENT_PER && e - b > 1 && is_any(w, b, inner_titles) && (w->d.t[b + 1].flags & NT_INITCAP)) {
				b++;
				t = ENT_PER;
			}
			while (e - b > 1 && (is_possessive(w, e - 1) || !(w->d.t[e - 1].flags & (NT_HASALPHA | NT_HASDIGIT))))
				e--;
			while (e - b > 1 && !(w->d.t[b].flags & (NT_HASALPHA | NT_HASDIGIT)))
				b++;
			/* "Apple CEO Tim Cook": an organisation, a title, a person. */
			for (k = b + 1; k + 1 < e; k++)
				if (is_any(w, k, inner_titles) && (w->d.t[k + 1].flags & NT_INITCAP))
					break;
			if (k + 1 < e) {
				add_mention(w, b, k, t == ENT_PER ? ENT_ORG : t);
				add_mention(w, k + 1, e, ENT_PER);
			} else if (w->d.t[b].flags & (NT_HASALPHA | NT_HASDIGIT)) {
				add_mention(w, b, e, t);
			}
		}
		i = j;
	}
}

/* ---- the rule layer: DATE, MONEY, PERCENT, CARDINAL ---------------------- */

static const char *const months[] = {
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
	"oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec", NULL,
};
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};
static const char *const dayparts[] = { "morning", "afternoon", "evening", "night", NULL };
static const char *const relative[] = { "last", "next", "this", "past", "coming", "previous", "recent", NULL };
static const char *const few[] = { "few", "two", "three", "four", "five", "six", "several", "couple", NULL };
static const char *const periods[] = {
	"week", "month", "year", "weekend", "decade", "quarter", "century", "spring", "summer", "autumn",
	"fall", "winter", "weeks", "months", "years", "decades", "days", NULL,
};
static const char *const deictic[] = { "yesterday", "today", "tomorrow", "tonight", NULL };
static const char *const scales[] = {
	"million", "billion", "trillion", "thousand", "hundred", "m", "bn", "mln", "bln", "k", "b", "tn", NULL,
};
static const char *const currencies[] = {
	"dollars", "dollar", "euros", "euro", "pounds", "pound", "yen", "cents", "yuan", "rupees", "francs",
	"marks", "pence", "sterling", NULL,
};
static const char *const percents[] = { "%", "percent", "pct", "per cent", NULL };

static int
is_num(const struct work *w, size_t i)
{
	return i < w->d.n && w->toks.v[w->tok_of[i]].type == TOK_NUMBER;
}

/* A day of the month: 1-31, perhaps with st/nd/rd/th. */
static int
is_day(const struct work *w, size_t i)
{
	const char *s;
	char *end;
	long v;
	if (i >= w->d.n)
		return 0;
	s = w->d.t[i].w;
	v = strtol(s, &end, 10);
	if (end == s || v < 1 || v > 31)
		return 0;
	return *end == '\0' || strcmp(end, "st") == 0 || strcmp(end, "nd") == 0 || strcmp(end, "rd") == 0 ||
	       strcmp(end, "th") == 0;
}

static int
is_year(const struct work *w, size_t i)
{
	const char *s;
	if (i >= w->d.n || !is_num(w, i))
		return 0;
	s = w->d.t[i].w;
	return strlen(s) == 4 && (strncmp(s, "19", 2) == 0 || strncmp(s, "20", 2) == 0);
}

/* A number with its scale glued on: 5m, 13bn, 2.5k. */
static int
is_scaled_num(const struct work *w, size_t i)
{
	const char *s = w->d.t[i].lw;
	size_t n = strlen(s), k = 0;
	while (k < n && (s[k] == '0' || s[k] == '.' || s[k] == ','))
		k++;
	return k > 0 && s[0] == '0' && k < n &&
	       (strcmp(s + k, "m") == 0 || strcmp(s + k, "bn") == 0 || strcmp(s + k, "k") == 0 ||
		strcmp(s + k, "b") == 0 || strcmp(s + k, "tn") == 0);
}

static int
free_at(const struct work *w, size_t i, size_t e)
{
	return i < e && !w->used[i];
}

/* One rule match starting at token i of a sentence ending at e: its end, type. */
static size_t
rule_at(const struct work *w, size_t i, size_t e, enum entity_type *t)
{
	size_t j;
	const struct token *tk = &w->toks.v[w->tok_of[i]];

	/* MONEY: $ 13 billion, US$ 5, €5m. */
	if ((tk->flags & TOKF_CURRENCY) || is(w, i, "us$")) {
		j = i + 1;
		if (free_at(w, j, e) && (is_num(w, j) || is_scaled_num(w, j))) {
			j++;
			if (free_at(w, j, e) && is_any(w, j, scales))
				j++;
			*t = ENT_MONEY;
			return j;
		}
		return i;
	}
	if (is_num(w, i) || is_scaled_num(w, i)) {
		j = i + 1;
		if (free_at(w, j, e) && is_any(w, j, scales))
			j++;
		if (free_at(w, j, e) && is_any(w, j, currencies)) {
			*t = ENT_MONEY;
			return j + 1;
		}
		if (free_at(w, j, e) && is_any(w, j, percents)) {
			*t = ENT_PERCENT;
			return j + 1;
		}
		if (free_at(w, j, e) && is(w, j, "per") && free_at(w, j + 1, e) && is(w, j + 1, "cent")) {
			*t = ENT_PERCENT;
			return j + 2;
		}
		/* 26 January 2026 */
		if (is_day(w, i) && free_at(w, i + 1, e) && is_any(w, i + 1, months)) {
			j = i + 2;
			if (free_at(w, j, e) && is_year(w, j))
				j++;
			*t = ENT_DATE;
			return j;
		}
		if (is_year(w, i) || (strlen(w->d.t[i].w) == 10 && strcmp(w->d.t[i].sh, "d-d-d") == 0)) {
			*t = ENT_DATE;
			return i + 1;
		}
		if (free_at(w, j, e) && is_any(w, j, periods) && free_at(w, j + 1, e) && is(w, j + 1, "ago")) {
			*t = ENT_DATE;
			return j + 2;
		}
		if (is_num(w, i)) {
			*t = ENT_CARDINAL;
			return j;
		}
		return i;
	}
	/* 1990s */
	if (strcmp(w->d.t[i].lw, "0000s") == 0) {
		*t = ENT_DATE;
		return i + 1;
	}
	/* Jan. 26, 2026 / January 2026 / May 5 */
	if ((is_any(w, i, months) && (w->d.t[i].flags & NT_INITCAP)) ||
	    (strcmp(w->d.t[i].w, "May") == 0 && free_at(w, i + 1, e) && (is_day(w, i + 1) || is_year(w, i + 1)))) {
		j = i + 1;
		if (free_at(w, j, e) && is_day(w, j)) {
			j++;
			if (free_at(w, j + 1, e) && is(w, j, ",") && is_year(w, j + 1))
				j += 2;
		} else if (free_at(w, j, e) && is_year(w, j)) {
			j++;
		}
		if (strcmp(w->d.t[i].lw, "may") == 0 && j == i + 1)
			return i;
		*t = ENT_DATE;
		return j;
	}
	/* last week, this year, recent days, the last few days, last Monday, the weekend */
	j = i + (is(w, i, "the") ? 1 : 0);
	if (free_at(w, j, e) && is_any(w, j, relative)) {
		size_t q = j + 1;
		if (free_at(w, q, e) && is_any(w, q, few))
			q++;
		if (free_at(w, q, e) && (is_any(w, q, periods) || is_any(w, q, weekdays))) {
			*t = ENT_DATE;
			return q + 1;
		}
	}
	if (j > i && free_at(w, j, e) && is(w, j, "weekend")) {
		*t = ENT_DATE;
		return j + 1;
	}
	if (is_any(w, i, weekdays) && (w->d.t[i].flags & NT_INITCAP)) {
		j = i + 1;
		if (free_at(w, j, e) && is_any(w, j, dayparts))
			j++;
		*t = ENT_DATE;
		return j;
	}
	if (is_any(w, i, deictic)) {
		*t = ENT_DATE;
		return i + 1;
	}
	return i;
}

static void
rule_mentions(struct work *w)
{
	size_t s, i;
	for (s = 0; s < w->d.nsent; s++) {
		size_t b = w->d.sent[s], e = w->d.sent[s + 1];
		for (i = b; i < e;) {
			enum entity_type t = ENT_CARDINAL;
			size_t j = w->used[i] ? i : rule_at(w, i, e, &t);
			if (j > i) {
				add_mention(w, i, j, t);
				i = j;
			} else {
				i++;
			}
		}
	}
}

/* ---- canonical names ------------------------------------------------------ */

static int
cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* Tokens [b1, e1) equal tokens [b2, e2) (lower-case forms)? */
static int
same_tokens(const struct work *w, size_t b1, size_t e1, size_t b2, size_t e2)
{
	if (e1 - b1 != e2 - b2)
		return 0;
	for (; b1 < e1; b1++, b2++)
		if (w->d.t[b1].hl != w->d.t[b2].hl)
			return 0;
	return 1;
}

/*
 * Do the initials of the capitalised words of mention m, or of its last
 * capitalised words, spell acr?  ("Immigration and Customs Enforcement"
 * and "US Immigration and Customs Enforcement" -> "ice").
 */
static int
initials_match(const struct work *w, const struct mention *m, const char *acr)
{
	char ini[32];
	size_t i, k = 0, n = strlen(acr);
	if (n < 2 || m->e - m->b < 2)
		return 0;
	for (i = m->b; i < m->e && k < sizeof ini; i++)
		if (w->d.t[i].flags & NT_INITCAP)
			ini[k++] = w->d.t[i].lw[0];
	return k >= n && k - n <= 2 && memcmp(ini + k - n, acr, n) == 0;
}

/* Exactly: the initials of all capitalised words of m spell acr. */
static int
initials_exact(const struct work *w, const struct mention *m, const char *acr)
{
	size_t i, k = 0, n = strlen(acr);
	for (i = m->b; i < m->e; i++)
		if (w->d.t[i].flags & NT_INITCAP) {
			if (k >= n || w->d.t[i].lw[0] != acr[k])
				return 0;
			k++;
		}
	return k == n && (w->d.t[m->b].flags & NT_INITCAP);
}

static const char *const connectors[] = { "and", "of", "for", "the", "&", "on", "de", "in", NULL };

/* An all-capitals single token of 2-6 letters (ICE, NATO, F.B.I. without dots) as lower case, or NULL. */
static int
acronym_in(const struct work *w, size_t i, char *out, int headline_ok)
{
	const char *s = w->d.t[i].lw;
	size_t n = 0;
	if (!(w->d.t[i].flags & NT_ALLCAPS) || (!headline_ok && (w->d.t[i].flags & NT_CAPS_SENT)))
		return 0;
	for (; *s; s++) {
		if (*s == '.')
			continue;
		if (*s < 'a' || *s > 'z' || n >= 7)
			return 0;
		out[n++] = *s;
	}
	out[n] = '\0';
	return n >= 2 && n <= 7;
}

/* An all-capitals token outside headlines (ICE, NATO) as lower-case letters in out. */
static int
acronym(const struct work *w, size_t i, char *out)
{
	return acronym_in(w, i, out, 0);
}

/*
 * The start of the capitalised words (and connectors) ending just before
 * token k whose initials spell acr exactly, or k when there is none.
 */
static size_t
long_form_before(const struct work *w, size_t k, const char *acr)
{
	size_t s0;
	for (s0 = k; s0 > 0 && k - s0 < 12; s0--) {
		const struct ner_tok *t = &w->d.t[s0 - 1];
		struct mention tmp;
		if (!(t->flags & NT_INITCAP) && !is_any(w, s0 - 1, connectors))
			break;
		if (!(t->flags & NT_INITCAP))
			continue;
		tmp.b = s0 - 1;
		tmp.e = k;
		if (initials_exact(w, &tmp, acr))
			return s0 - 1;
	}
	return k;
}

/*
 * Make tokens [b, e) one name (replacing the model's pieces of it and
 * taking their type, ORG by default) and tag the acronym at token a
 * wherever it occurs untagged.
 */
static void
merge_long_form(struct work *w, size_t b, size_t e, size_t a)
{
	enum entity_type ty = ENT_ORG;
	size_t q;

	/* A name piece reaching one capitalised abbreviation further left ("U.S. Immigration") brings it along. */
	for (q = 0; q < w->nm; q++)
		if (w->m[q].b + 1 == b && w->m[q].e > b && w->m[q].e <= e && (w->d.t[b - 1].flags & NT_ALLCAPS))
			b = w->m[q].b;
	for (q = 0; q < w->nm; q++)
		if (w->m[q].b < e && w->m[q].e > b) {
			if (w->m[q].type <= ENT_MISC && w->m[q].type != ENT_PER)
				ty = w->m[q].type;
			w->m[q] = w->m[--w->nm];
			q--;
		}
	for (q = b; q < e; q++)
		w->used[q] = 0;
	add_mention(w, b, e, ty);
	for (q = 0; q < w->d.n; q++)
		if (!w->used[q] && w->d.t[q].hw == w->d.t[a].hw && !(w->d.t[q].flags & NT_CAPS_SENT))
			add_mention(w, q, q + 1, ty);
}

static void
resolve(struct work *w)
{
	size_t i, j, k, nm0, nm1;
	char acr[8];

	if (w->nm > 1)
		qsort(w->m, w->nm, sizeof *w->m, cmp_mention);
	for (i = 0; i < w->nm; i++)
		w->m[i].canon = i;
	/*
	 * "Long Name (ACR)": the capitalised words before the parenthesis whose
	 * initials spell the acronym are one name, and the acronym names the
	 * same entity, wherever it occurs in the text.
	 */
	nm0 = w->nm;
	for (k = 1; k + 2 < w->d.n; k++) {
		size_t b;
		if (!is(w, k, "(") || !is(w, k + 2, ")") || !acronym(w, k + 1, acr))
			continue;
		b = long_form_before(w, k, acr);
		if (b < k)
			merge_long_form(w, b, k, k + 1);
	}
	/* An acronym tagged once is the same name at its other (untagged) occurrences. */
	nm1 = w->nm;
	for (i = 0; i < nm1; i++) {
		const struct mention *m = &w->m[i];
		size_t q;
		if (m->e - m->b != 1 || m->type > ENT_MISC || !acronym(w, m->b, acr))
			continue;
		/* add_mention() may move w->m: keep what we need by value. */
		size_t tok = m->b;
		enum entity_type type = m->type;
		for (q = 0; q < w->d.n; q++)
			if (!w->used[q] && w->d.t[q].hw == w->d.t[tok].hw && !(w->d.t[q].flags & NT_CAPS_SENT))
				add_mention(w, q, q + 1, type);
	}
	/*
	 * An acronym with no long form among the mentions: capitalised words
	 * elsewhere whose initials spell it, around a name the model found
	 * ("US Immigration" + "Customs Enforcement" ... "ICE"), are its long form.
	 */
	{
		size_t acr_tok[16], na = 0, a;
		for (i = 0; i < w->nm && na < 16; i++) {
			const struct mention *m = &w->m[i];
			int linked = 0;
			if (m->e - m->b != 1 || m->type > ENT_MISC || m->type == ENT_PER || !acronym(w, m->b, acr))
				continue;
			for (j = 0; j < w->nm && !linked; j++)
				linked = j != i && w->m[j].type <= ENT_MISC && initials_match(w, &w->m[j], acr);
			for (a = 0; a < na && !linked; a++)
				linked = w->d.t[acr_tok[a]].hw == w->d.t[m->b].hw;
			if (!linked)
				acr_tok[na++] = m->b;
		}
		/* Untagged acronyms too: the long form must hold a name the model found. */
		for (k = 0; k < w->d.n && na < 16; k++) {
			size_t a2;
			int dup = 0;
			if (w->used[k] || !acronym(w, k, acr))
				continue;
			for (a2 = 0; a2 < na && !dup; a2++)
				dup = w->d.t[acr_tok[a2]].hw == w->d.t[k].hw;
			for (j = 0; j < w->nm && !dup; j++)
				dup = w->m[j].type <= ENT_MISC && initials_match(w, &w->m[j], acr);
			if (!dup)
				acr_tok[na++] = k;
		}
		for (a = 0; a < na; a++) {
			acronym(w, acr_tok[a], acr);
			for (k = 1; k <= w->d.n; k++) {
				size_t b, q;
				int named = 0;
				if (!(w->d.t[k - 1].flags & NT_INITCAP) || (w->d.t[k - 1].flags & NT_CAPS_SENT))
					continue;
				b = long_form_before(w, k, acr);
				if (b == k)
					continue;
				for (q = b; q < k; q++)
					named |= w->used[q];
				if (named) {
					merge_long_form(w, b, k, acr_tok[a]);
					break;
				}
			}
		}
	}
	/*
	 * Headlines: a name the body has (the whole name, or a person's
	 * surname) is that name in the headline too.
	 */
	nm1 = w->nm;
	for (k = 0; k < w->d.n; k++) {
		if (w->used[k] || !(w->d.t[k].flags & NT_CAPS_SENT) || !(w->d.t[k].flags & NT_HASALPHA))
			continue;
		for (i = 0; i < nm1; i++) {
			const struct mention *m = &w->m[i];
			size_t L = m->e - m->b, q;
			int ok = 1;
			if (m->type > ENT_MISC || (w->d.t[m->b].flags & NT_CAPS_SENT))
				continue;
			if (k + L <= w->d.n && same_tokens(w, k, k + L, m->b, m->e)) {
				for (q = k; q < k + L; q++)
					ok &= !w->used[q] && (w->d.t[q].flags & NT_CAPS_SENT);
				if (ok) {
					add_mention(w, k, k + L, m->type);
					break;
				}
			}
			if (m->type == ENT_PER && L >= 2 && w->d.t[k].hl == w->d.t[m->e - 1].hl) {
				add_mention(w, k, k + 1, ENT_PER);
				break;
			}
		}
	}
	if (w->nm != nm0 && w->nm > 1)
		qsort(w->m, w->nm, sizeof *w->m, cmp_mention);
	/* A known first name split off a person's name ("Tim" ORG + "Cook" PER) joins it. */
	for (i = 0; i + 1 < w->nm; i++) {
		struct mention *a = &w->m[i], *b = &w->m[i + 1];
		if (a->e == b->b && b->type == ENT_PER && a->type != ENT_PER && a->type <= ENT_MISC &&
		    a->e - a->b == 1 && (w->d.t[a->b].flags & NT_FNAME)) {
			b->b = a->b;
			memmove(a, b, (w->nm - i - 1) * sizeof *a);
			w->nm--;
		}
	}
	for (i = 0; i < w->nm; i++)
		w->m[i].canon = i;
	for (i = 0; i < w->nm; i++) {
		struct mention *m = &w->m[i];
		size_t best = i, n = m->e - m->b, bestn = n;
		int before = 0;
		if (m->type > ENT_MISC)
			continue;
		for (j = 0; j < w->nm; j++) {
			const struct mention *c = &w->m[j];
			size_t cn = c->e - c->b;
			int ok = 0;
			if (j == i || c->type > ENT_MISC || cn <= n)
				continue;
			if (m->type == ENT_PER && c->type == ENT_PER) {
				/* Surname (or last words) of a fuller name; a lone first name as a last resort. */
				ok = same_tokens(w, m->b, m->e, c->e - n, c->e) ? 2
				     : (n == 1 && same_tokens(w, m->b, m->e, c->b, c->b + 1)) ? 1 : 0;
			} else if (m->type != ENT_PER && c->type != ENT_PER && n == 1 && acronym_in(w, m->b, acr, 1) &&
				   initials_match(w, c, acr)) {
				ok = 2;
			}
			if (!ok)
				continue;
			/* Prefer a suffix match, then the nearest fuller mention before, then the longest. */
			if (best == i || ok * 4 + (j < i) * 2 > (best != i) * 0 + before) {
				int score = ok * 4 + (j < i) * 2;
				if (best == i || score > before || (score == before && cn > bestn)) {
					best = j;
					bestn = cn;
					before = score;
				}
			}
		}
		m->canon = best;
		if (best != i && m->type != w->m[best].type && m->type != ENT_PER)
			m->type = w->m[best].type;
	}
	/* A canonical's own canonical (short chains). */
	for (i = 0; i < w->nm; i++)
		while (w->m[w->m[i].canon].canon != w->m[i].canon)
			w->m[i].canon = w->m[w->m[i].canon].canon;
}

/* Text of tokens [b, e) with whitespace runs as one space. */
static char *
span_text(const struct work *w, size_t b, size_t e)
{
	const struct token *tb = &w->toks.v[w->tok_of[b]], *te = &w->toks.v[w->tok_of[e - 1]];
	struct strbuf sb = STRBUF_INIT;
	size_t k;
	int sp = 0;

	for (k = tb->bstart; k < te->bend; k++) {
		unsigned char c = (unsigned char)w->text[k];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = 1;
			continue;
		}
		if (c == 0xC2 && k + 1 < te->bend && (unsigned char)w->text[k + 1] == 0xA0) {
			sp = 1;
			k++;
			continue;
		}
		if (sp)
			strbuf_addch(&sb, ' ');
		sp = 0;
		strbuf_addch(&sb, c);
	}
	if (!sb.buf)
		strbuf_addstr(&sb, "");
	return strbuf_detach(&sb, NULL);
}

/* ---- word lists ----------------------------------------------------------------- */

/* Every list is_any() may be asked about (at most 32). */
static const char *const *const all_lists[NLISTS] = {
	titles, honorifics, inner_titles, months, weekdays, dayparts, relative, few, periods, deictic,
	scales, currencies, percents, connectors, NULL,
};

void
ner_words_build(struct ner_model *m)
{
	unsigned b;
	const char *const *p;
	size_t mask = NER_WORDS_SLOTS - 1, i;

	memset(m->wkeys, 0, sizeof m->wkeys);
	memset(m->wbits, 0, sizeof m->wbits);
	for (b = 0; all_lists[b]; b++)
		for (p = all_lists[b]; *p; p++) {
			uint64_t h = ner_lower_hash(*p, strlen(*p)) | 1;
			for (i = h & mask; m->wkeys[i] && m->wkeys[i] != h; i = (i + 1) & mask)
				;
			m->wkeys[i] = h;
			m->wbits[i] |= 1u << b;
		}
}

static void
word_classes(const struct ner_model *m, struct work *w)
{
	size_t k, i, mask = NER_WORDS_SLOTS - 1;
	for (k = 0; k < w->d.n; k++) {
		uint64_t h = w->d.t[k].hl | 1;
		w->cls[k] = 0;
		if (w->d.t[k].lwlen > 12)
			continue;
		for (i = h & mask; m->wkeys[i]; i = (i + 1) & mask)
			if (m->wkeys[i] == h) {
				w->cls[k] = m->wbits[i];
				break;
			}
	}
}

/* ---- the entry point --------------------------------------------------------- */

void
ner_tag(const struct ner_model *m, const char *text, size_t len, const struct spans *sentences,
	struct entity_list *out)
{
	struct work w;
	struct spans own = SPANS_INIT;
	size_t s, k = 0, i;

	memset(&w, 0, sizeof w);
	w.text = text;
	if (!sentences) {
		segment_sentences(text, len, &own);
		sentences = &own;
	}
	tokenize(text, len, 0, 0, &w.toks);
	w.tok_of = xmalloc((w.toks.n + 1) * sizeof *w.tok_of);
	/*
	 * The coreference steps in resolve() compare every mention with every
	 * other (and acronyms with every token): quadratic in the document.  A
	 * text far longer than any article (a 1 MB record took minutes, 100 MB
	 * would never end) is therefore tagged in parts of whole sentences of
	 * about NER_PART_TOKENS tokens each, names linked within a part only.
	 */
	for (s = 0; s < sentences->n;) {
		for (; s < sentences->n && w.d.n < NER_PART_TOKENS; s++) {
			size_t b = sentences->v[s].start, e = sentences->v[s].end;
			while (k < w.toks.n && w.toks.v[k].start < b)
				k++;
			size_t k0 = k, kend, nlong = 0, ncap = 0;
			int title;
			ner_doc_sentence(&w.d);
			/* A title-case headline ("OpenAI And Anthropic CEOs Condemn ICE Violence")? */
			for (kend = k; kend < w.toks.n && w.toks.v[kend].end <= e; kend++) {
				const struct token *t = &w.toks.v[kend];
				unsigned char c = (unsigned char)text[t->bstart];
				if (t->type != TOK_WORD || t->bend - t->bstart < 4 || kend == k0)
					continue;
				nlong++;
				ncap += c >= 'A' && c <= 'Z';
			}
			/* Headlines end without a full stop. */
			title = nlong >= 3 && ncap * 4 >= nlong * 3 && kend > k0 &&
				!(text[w.toks.v[kend - 1].bstart] == '.' && w.toks.v[kend - 1].type == TOK_PUNCT);
			for (; k < kend; k++) {
				const struct token *t = &w.toks.v[k];
				if (t->bend - t->bstart > 200) /* no word is this long: a URL or junk */
					continue;
				w.tok_of[w.d.n] = k;
				if (title)
					ner_doc_add_upper(&w.d, text + t->bstart, t->bend - t->bstart);
				else
					ner_doc_add(&w.d, text + t->bstart, t->bend - t->bstart);
			}
		}
		if (w.d.n > 0) {
			ner_doc_prepare(&w.d, &m->cl, &m->gz);
			w.tags = xmalloc(w.d.n);
			w.used = xcalloc(w.d.n, 1);
			w.cls = xmalloc(w.d.n * sizeof *w.cls);
			word_classes(m, &w);
			/* A capitalised word after an honorific starts a person's name (news style "Mr. Cook"). */
			for (i = 0; i + 1 < w.d.n; i++)
				if (is_any(&w, i, honorifics) && (w.d.t[i + 1].flags & NT_INITCAP) &&
				    !(w.d.t[i + 1].flags & (NT_ALLCAPS | NT_SENT_START)))
					w.used[i + 1] = 1;
			{
				int32_t *emit = xmalloc(w.d.n * NTAGS * sizeof *emit);
				ner_model_tag_doc_emit(m, &w.d, w.used, w.tags, emit);
				ner_refine_types(&w.d, emit, m->scale, w.tags);
				free(emit);
			}
			memset(w.used, 0, w.d.n);
			model_mentions(&w);
			rule_mentions(&w);
			resolve(&w);
			for (i = 0; i < w.nm; i++) {
				const struct mention *mm = &w.m[i];
				const struct mention *c = &w.m[mm->canon];
				struct entity *ent;
				if (out->n == out->cap) {
					out->cap = out->cap ? 2 * out->cap : 32;
					out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
				}
				ent = &out->v[out->n++];
				ent->start = w.toks.v[w.tok_of[mm->b]].start;
				ent->end = w.toks.v[w.tok_of[mm->e - 1]].end;
				ent->type = mm->type;
				ent->canonical = span_text(&w, c->b, c->e);
			}
		}
		/* Ready for the next part. */
		free(w.tags);
		free(w.used);
		free(w.cls);
		w.tags = w.used = NULL;
		w.cls = NULL;
		w.nm = 0;
		ner_doc_release(&w.d);
	}
	free(w.m);
	free(w.tok_of);
	tokens_release(&w.toks);
	ner_doc_release(&w.d);
	spans_release(&own);
}
