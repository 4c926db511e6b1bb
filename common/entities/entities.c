/*
 * entities.c - tagging a text: tokens, the model, the rule layer for
 * dates, money, percentages and numbers, and canonical names.
 */
#include "entities/entities.h"

#include <stdlib.h>
#include <string.h>

#include "entities/ner.h"
#include "entities/work.h"
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

/* ---- spans from the model ------------------------------------------------ */



static int
is_possessive(const struct work *w, size_t i)
{
	return work_is(w, i, "'s") || work_is(w, i, "'") || work_is(w, i, "s'");
}


/* Is the last token of [b, e) a ')' that closes a '(' inside it ("Mladost (BJ)")? */
static int
closes_bracket(const struct work *w, size_t b, size_t e)
{
	size_t k;
	if (!work_is(w, e - 1, ")"))
		return 0;
	for (k = e - 1; k > b; k--)
		if (work_is(w, k - 1, "("))
			return 1;
	return 0;
}

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
			while (t == ENT_PER && e - b > 1 && work_in(w, b, WL_TITLES))
				b++;
			/* "Founder Vinod Khosla", "CEO Tim Cook": a title, then a person. */
			if (t != ENT_PER && e - b > 1 && work_in(w, b, WL_INNER_TITLES) && (w->d.t[b + 1].flags & NT_INITCAP)) {
				b++;
				t = ENT_PER;
			}
			while (e - b > 1 && (is_possessive(w, e - 1) || !(w->d.t[e - 1].flags & (NT_HASALPHA | NT_HASDIGIT))) &&
			       !closes_bracket(w, b, e))
				e--;
			while (e - b > 1 && !(w->d.t[b].flags & (NT_HASALPHA | NT_HASDIGIT)))
				b++;
			/*
			 * A name neither starts with a clitic ("'s Park" of "Queen's
			 * Park") nor ends with the verb of a negation ("Sometimes You
			 * Ca" of "Can't", "Boys Do" of "Don't"): the word before "n't"
			 * is an auxiliary, never a name's.
			 */
			while (b < e && (w->tk[b].flags & TOKF_CLITIC))
				b++;
			while (e > b && e < w->d.n && (w->tk[e].flags & TOKF_CLITIC) && work_is(w, e, "n't"))
				e--;
			if (e == b) {
				i = j;
				continue;
			}
			/* "Apple CEO Tim Cook": an organisation, a title, a person. */
			for (k = b + 1; k + 1 < e; k++)
				if (work_in(w, k, WL_INNER_TITLES) && (w->d.t[k + 1].flags & NT_INITCAP))
					break;
			if (k + 1 < e) {
				work_add_mention(w, b, k, t == ENT_PER ? ENT_ORG : t);
				work_add_mention(w, k + 1, e, ENT_PER);
			} else if (w->d.t[b].flags & (NT_HASALPHA | NT_HASDIGIT)) {
				work_add_mention(w, b, e, t);
			}
		}
		i = j;
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
		if (w->sid[s0 - 1] != w->sid[k - 1])
			break;
		if (!(t->flags & NT_INITCAP) && !work_in(w, s0 - 1, WL_CONNECTORS))
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

/* Are tokens [b, e) all capitalised words or connectors ("of", "and", ...)? */
static int
name_words(const struct work *w, size_t b, size_t e)
{
	for (; b < e; b++)
		if (!(w->d.t[b].flags & NT_INITCAP) && !work_in(w, b, WL_CONNECTORS))
			return 0;
	return 1;
}

/*
 * Make tokens [b, e) one name (replacing the model's pieces of it and
 * taking their type, ORG by default) and tag the acronym at token a
 * wherever it occurs untagged.  A name of the model that ends the long
 * form and starts before it, with capitalised words and connectors, is the
 * long form ("the Rally for the Return of Refugees and Democracy in Rwanda
 * (RDR)"; but not "Bank's Monetary Policy Committee (MPC)"); one that runs on past its end
 * shows that the words are no long form but part of another name ("U.N.
 * Security" in "U.N. Security Council" for "U.S."): nothing is merged
 * then, and 0 is returned.  A name the model found exactly so keeps its
 * type, a person's too ("Alan John Percivale (A.J.P.) Taylor").
 */
static int
merge_long_form(struct work *w, size_t b, size_t e, size_t a)
{
	enum entity_type ty = ENT_ORG;
	size_t q;
	int exact = 0;

	if (w->sid[b] != w->sid[e - 1])
		return 0;
	/* A name piece reaching one capitalised abbreviation further left ("U.S. Immigration") brings it along. */
	for (q = 0; q < w->nm; q++)
		if (w->m[q].b + 1 == b && w->m[q].e > b && w->m[q].e <= e && (w->d.t[b - 1].flags & NT_ALLCAPS))
			b = w->m[q].b;
	for (q = 0; q < w->nm; q++) {
		const struct mention *mq = &w->m[q];
		if (mq->type > ENT_MISC || mq->b >= e || mq->e <= b)
			continue;
		if (mq->e > e)
			return 0;
		if (mq->b < b && mq->e == e && name_words(w, mq->b, b))
			b = mq->b;
	}
	for (q = 0; q < w->nm; q++)
		if (w->m[q].b < e && w->m[q].e > b) {
			if (w->m[q].type <= ENT_MISC && (w->m[q].type != ENT_PER || (w->m[q].b == b && w->m[q].e == e)) &&
			    !exact) {
				ty = w->m[q].type;
				exact = w->m[q].b == b && w->m[q].e == e;
			}
			w->m[q] = w->m[--w->nm];
			q--;
		}
	for (q = b; q < e; q++)
		w->used[q] = 0;
	work_add_mention(w, b, e, ty);
	for (q = 0; q < w->d.n; q++)
		if (!w->used[q] && w->d.t[q].hw == w->d.t[a].hw && !(w->d.t[q].flags & NT_CAPS_SENT))
			work_add_mention(w, q, q + 1, ty);
	return 1;
}

/*
 * The fullest name of each mention: a person's name whose last words are
 * the mention (a surname), or, as a last resort, whose first word it is
 * (a lone first name); an acronym's long form.  Preferred: a surname
 * match, a fuller name before the mention, then the first in the text.
 * People's names are found through chains of the mentions by the hash of
 * their last and first words, so a long part costs no mention-by-mention
 * comparison; acronyms (few) are compared with every mention.
 */
static void
canonical_names(struct work *w)
{
	size_t i, j, mask, nb;
	size_t *head_last, *head_first, *next_last, *next_first;
	const size_t none = (size_t)-1;
	char acr[8];

	for (nb = 16; nb < 2 * w->nm; nb <<= 1)
		;
	mask = nb - 1;
	head_last = xmalloc(nb * sizeof *head_last);
	head_first = xmalloc(nb * sizeof *head_first);
	next_last = xmalloc((w->nm + 1) * sizeof *next_last);
	next_first = xmalloc((w->nm + 1) * sizeof *next_first);
	for (i = 0; i < nb; i++)
		head_last[i] = head_first[i] = none;
	for (i = w->nm; i-- > 0;) {
		const struct mention *c = &w->m[i];
		size_t bl = w->d.t[c->e - 1].hl & mask, bf = w->d.t[c->b].hl & mask;
		if (c->type != ENT_PER)
			continue;
		next_last[i] = head_last[bl];
		head_last[bl] = i;
		next_first[i] = head_first[bf];
		head_first[bf] = i;
	}
	for (i = 0; i < w->nm; i++) {
		struct mention *m = &w->m[i];
		size_t best = i, n = m->e - m->b;
		int bestscore = 0, pass;
		if (m->type > ENT_MISC)
			continue;
		if (m->type == ENT_PER) {
			/* Pass 0: fuller names ending in the mention; pass 1: a lone first name's. */
			for (pass = 0; pass < (n == 1 ? 2 : 1); pass++) {
				size_t bucket = w->d.t[pass ? m->b : m->e - 1].hl & mask;
				for (j = pass ? head_first[bucket] : head_last[bucket]; j != none;
				     j = pass ? next_first[j] : next_last[j]) {
					const struct mention *c = &w->m[j];
					size_t cn = c->e - c->b;
					int ok, score;
					if (j == i || cn <= n)
						continue;
					ok = pass == 0 ? (same_tokens(w, m->b, m->e, c->e - n, c->e) ? 2 : 0)
						       : (same_tokens(w, m->b, m->e, c->b, c->b + 1) ? 1 : 0);
					score = ok * 4 + (j < i) * 2;
					if (ok && (score > bestscore || (score == bestscore && j < best)))
						best = j, bestscore = score;
				}
			}
		} else if (n == 1 && acronym_in(w, m->b, acr, 1)) {
			for (j = 0; j < w->nm; j++) {
				const struct mention *c = &w->m[j];
				int score = 8 + (j < i) * 2;
				if (j == i || c->type > ENT_MISC || c->type == ENT_PER || (size_t)(c->e - c->b) <= n)
					continue;
				if (score > bestscore && initials_match(w, c, acr))
					best = j, bestscore = score;
			}
		}
		m->canon = best;
		if (best != i && m->type != w->m[best].type && m->type != ENT_PER)
			m->type = w->m[best].type;
	}
	free(head_last);
	free(head_first);
	free(next_last);
	free(next_first);
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
		if (!work_is(w, k, "(") || !work_is(w, k + 2, ")") || !acronym(w, k + 1, acr) || w->sid[k - 1] != w->sid[k + 2])
			continue;
		b = long_form_before(w, k, acr);
		if (b < k)
			merge_long_form(w, b, k, k + 1);
	}
	/*
	 * An acronym tagged once is the same name at its other (untagged)
	 * occurrences, with the type of its first tagged occurrence: a table
	 * of the tagged acronyms, then one pass over the tokens.
	 */
	{
		size_t mask, q, nacr = 0;
		uint64_t *key;
		enum entity_type *type;
		for (i = 0; i < w->nm; i++)
			nacr += w->m[i].e - w->m[i].b == 1 && w->m[i].type <= ENT_MISC;
		for (mask = 16; mask < 2 * nacr; mask <<= 1)
			;
		key = xcalloc(mask, sizeof *key);
		type = xmalloc(mask * sizeof *type);
		mask--;
		for (i = 0; i < w->nm; i++) {
			const struct mention *m = &w->m[i];
			uint64_t h = w->d.t[m->b].hw | 1;
			if (m->e - m->b != 1 || m->type > ENT_MISC || !acronym(w, m->b, acr))
				continue;
			for (q = h & mask; key[q] && key[q] != h; q = (q + 1) & mask)
				;
			if (!key[q]) {
				key[q] = h;
				type[q] = m->type;
			}
		}
		for (k = 0; nacr > 0 && k < w->d.n; k++) {
			uint64_t h = w->d.t[k].hw | 1;
			if (w->used[k] || (w->d.t[k].flags & NT_CAPS_SENT) || !(w->d.t[k].flags & NT_ALLCAPS))
				continue;
			for (q = h & mask; key[q] && key[q] != h; q = (q + 1) & mask)
				;
			if (key[q])
				work_add_mention(w, k, k + 1, type[q]);
		}
		free(key);
		free(type);
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
				if (named && merge_long_form(w, b, k, acr_tok[a]))
					break;
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
					work_add_mention(w, k, k + L, m->type);
					break;
				}
			}
			if (m->type == ENT_PER && L >= 2 && w->d.t[k].hl == w->d.t[m->e - 1].hl) {
				work_add_mention(w, k, k + 1, ENT_PER);
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
	canonical_names(w);
	/* A canonical's own canonical (short chains). */
	for (i = 0; i < w->nm; i++)
		while (w->m[w->m[i].canon].canon != w->m[i].canon)
			w->m[i].canon = w->m[w->m[i].canon].canon;
}

/* Text of tokens [b, e) with whitespace runs as one space. */
static char *
span_text(const struct work *w, size_t b, size_t e)
{
	const struct token *tb = &w->tk[b], *te = &w->tk[e - 1];
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

/* ---- a part's tokens, as the model was trained to see them ---------------- */

/* FNV-1a of the ASCII-lower-cased bytes of a word: for the title-case test only. */
static uint64_t
fold_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 1099511628211ull;
	}
	return h | 1;
}

/* Remember the words of the part written in lower case (an open-addressing set). */
static void
collect_lower(struct work *w)
{
	size_t i, q, mask;
	for (mask = 64; mask < 2 * w->toks.n; mask <<= 1)
		;
	if (mask > w->lowercap) {
		free(w->lower);
		w->lower = xmalloc(mask * sizeof *w->lower);
		w->lowercap = mask;
	}
	memset(w->lower, 0, mask * sizeof *w->lower);
	mask--;
	for (i = 0; i < w->toks.n; i++) {
		const struct token *t = &w->toks.v[i];
		unsigned char c = (unsigned char)w->text[t->bstart];
		uint64_t h;
		if (t->type != TOK_WORD || c < 'a' || c > 'z')
			continue;
		h = fold_hash(w->text + t->bstart, t->bend - t->bstart);
		for (q = h & mask; w->lower[q] && w->lower[q] != h; q = (q + 1) & mask)
			;
		w->lower[q] = h;
	}
}

static int
seen_lower(const struct work *w, const struct token *t)
{
	size_t mask = w->lowercap - 1, q;
	uint64_t h = fold_hash(w->text + t->bstart, t->bend - t->bstart);
	for (q = h & mask; w->lower[q]; q = (q + 1) & mask)
		if (w->lower[q] == h)
			return 1;
	return 0;
}

/* Closed-class words (articles, prepositions, conjunctions, pronouns, auxiliaries). */
static const char *const function_words[] = {
	"a", "an", "the", "and", "or", "but", "nor", "as", "at", "by", "for", "from", "in", "into", "of", "on",
	"onto", "over", "under", "to", "with", "without", "after", "before", "about", "above", "against",
	"among", "amid", "between", "despite", "during", "through", "toward", "towards", "up", "down", "out",
	"off", "than", "that", "this", "these", "those", "his", "her", "its", "their", "our", "your", "my",
	"he", "she", "it", "they", "we", "you", "who", "what", "why", "how", "when", "where", "is", "are",
	"was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might",
	"should", "must", "not", "no", "all", "more", "most", NULL,
};

static int
is_function_word(const char *s, size_t n)
{
	const char *const *p;
	size_t k;
	for (p = function_words; *p; p++) {
		if (strlen(*p) != n)
			continue;
		for (k = 0; k < n && (s[k] | 0x20) == (*p)[k]; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

/*
 * Is the sentence of tokens toks[a, b) a title-case headline ("OpenAI And
 * Anthropic CEOs Condemn ICE Violence")?  The model learnt headlines from
 * CoNLL's all-capital ones, so such a line is shown to it in capitals.
 * Evidence, not the look of the line alone: a list of names ("Olin Browne,
 * Shane Bortsch, Tiger Woods"), a results row or a signature ("-- Harry
 * Milling, New York Energy Desk") is capitalised too.  A headline
 * capitalises common words: closed-class words ("And", "Over", "Their"),
 * words the same text writes in lower case ("Violence", "Workers"), and
 * words whose lower-case form is in the model's vocabulary of news text
 * (the word clusters: "Draws", "Mixed", "Reactions"; but also "Harry",
 * "Milling", "Bear", so this evidence alone is not enough).  So: three or
 * more words of four letters or more after the first, three in four of
 * them capitalised, no final full stop, and, among the capitalised words,
 * at least three common ones, making up half of them, one of them a
 * closed-class word or a word of the text in lower case.
 */
static int
title_case_line(const struct work *w, size_t a, size_t b)
{
	size_t k, nlong = 0, ncap = 0, nupper = 0, common = 0, nfunc = 0, nlow = 0;
	for (k = a + 1; k < b; k++) {
		const struct token *t = &w->toks.v[k];
		unsigned char c = (unsigned char)w->text[t->bstart];
		int cap = c >= 'A' && c <= 'Z';
		if (t->type != TOK_WORD)
			continue;
		if (t->bend - t->bstart >= 4) {
			nlong++;
			ncap += cap;
		}
		if (!cap)
			continue;
		nupper++;
		if (is_function_word(w->text + t->bstart, t->bend - t->bstart))
			common++, nfunc++;
		else if (seen_lower(w, t))
			common++, nlow++;
		else if (ner_clusters_know_lower(&w->model->cl, w->text + t->bstart, t->bend - t->bstart))
			common++;
	}
	if (b <= a || (w->text[w->toks.v[b - 1].bstart] == '.' && w->toks.v[b - 1].type == TOK_PUNCT))
		return 0;
	return nlong >= 3 && ncap * 4 >= nlong * 3 && nfunc + nlow >= 1 && common >= 3 && common * 2 >= nupper;
}

static void
grow_tokens(struct work *w, size_t n)
{
	if (n <= w->tkcap)
		return;
	w->tkcap = w->tkcap ? w->tkcap : 1024;
	while (w->tkcap < n)
		w->tkcap *= 2;
	w->tk = xreallocarray(w->tk, w->tkcap, sizeof *w->tk);
	w->sid = xreallocarray(w->sid, w->tkcap, sizeof *w->sid);
	w->tags = xreallocarray(w->tags, w->tkcap, 1);
	w->used = xreallocarray(w->used, w->tkcap, 1);
	w->cls = xreallocarray(w->cls, w->tkcap, sizeof *w->cls);
	w->emit = xreallocarray(w->emit, w->tkcap, NTAGS * sizeof *w->emit);
}

static void
add_token(struct work *w, const struct token *t, int upper)
{
	grow_tokens(w, w->d.n + 1);
	w->tk[w->d.n] = *t;
	w->sid[w->d.n] = (uint32_t)(w->d.nsent - 1);
	if (upper)
		ner_doc_add_upper(&w->d, w->text + t->bstart, t->bend - t->bstart);
	else
		ner_doc_add(&w->d, w->text + t->bstart, t->bend - t->bstart);
}

/* Does the line of byte offset b start there (only spaces or tabs before it)? */
static int
line_start(const struct work *w, size_t b)
{
	while (b > 0 && (w->text[b - 1] == ' ' || w->text[b - 1] == '\t'))
		b--;
	return b == 0 || w->text[b - 1] == '\n' || w->text[b - 1] == '\r';
}

/* A closing quotation mark? */
static int
is_closing(const struct work *w, const struct token *t)
{
	const char *s = w->text + t->bstart;
	size_t n = t->bend - t->bstart;
	return t->type == TOK_PUNCT && n <= 3 &&
	       (*s == '"' || *s == '\'' || memcmp(s, "\xe2\x80\x9d", n) == 0 || memcmp(s, "\xe2\x80\x99", n) == 0);
}

/*
 * The tokens of sentence toks[a, b) into the doc, the way CoNLL-2003 (the
 * model's training data, Penn Treebank style) cuts them where the shared
 * tokenizer, which knows no sentence, cannot:
 *   - a list number that opens the sentence or a line keeps its full stop
 *     ("2." in "2. Pernila Wiberg (Sweden) 1:17.97"), as CoNLL writes it:
 *     seen as "2" "." the name after it looks like a sentence start (and
 *     a segmenter may have cut the sentence after the "2.");
 *   - an abbreviation that ends the sentence gives its full stop to the
 *     sentence ("... joined Lear Corp." is "Corp" "."), so the name ends
 *     before it, as in CoNLL.
 * A token longer than 200 bytes is no word (a URL or junk) and is left out.
 */
static void
add_sentence(struct work *w, size_t a, size_t b)
{
	size_t k, last = b;
	int upper;

	if (b <= a)
		return;
	ner_doc_sentence(&w->d);
	upper = title_case_line(w, a, b);
	/*
	 * The abbreviation that ends the sentence, before closing quotes
	 * ("... of Schroder Wertheim & Co.\""), not brackets: the full stop of
	 * "(U.S.)" is the abbreviation's.
	 */
	for (k = b; k > a && is_closing(w, &w->toks.v[k - 1]); k--)
		;
	if (k > a && (w->toks.v[k - 1].flags & TOKF_ABBREV) && w->toks.v[k - 1].bend - w->toks.v[k - 1].bstart > 1)
		last = k - 1;
	for (k = a; k < b; k++) {
		struct token t = w->toks.v[k];
		if (t.bend - t.bstart > 200)
			continue;
		if (t.type == TOK_NUMBER && k + 1 < b && (k == a || line_start(w, t.bstart)) &&
		    w->toks.v[k + 1].bstart == t.bend && w->toks.v[k + 1].bend == t.bend + 1 && w->text[t.bend] == '.' &&
		    t.bend + 1 < w->len && (w->text[t.bend + 1] == ' ' || w->text[t.bend + 1] == '\t')) {
			/* A list marker: not a quantity, so not a number to the rules either. */
			t.bend++;
			t.end++;
			t.type = TOK_PUNCT;
			k++;
		} else if (k == last) {
			struct token stop = t;
			t.bend--;
			t.end--;
			t.flags &= (unsigned char)~TOKF_ABBREV;
			stop.bstart = t.bend;
			stop.start = t.end;
			stop.type = TOK_PUNCT;
			stop.flags = 0;
			add_token(w, &t, upper);
			add_token(w, &stop, upper);
			continue;
		}
		add_token(w, &t, upper);
	}
}

/* ---- the entry point --------------------------------------------------------- */

/*
 * Is token i a unit's abbreviation ("pct.", "yrs.") whose full stop ends
 * the sentence ("yield of 8-1/2 pct. Morgan said")?  The segmenter could
 * not tell, so the full stop is the sentence's and no part of the amount.
 */
static int
unit_stop_ends_sentence(const struct work *w, size_t i)
{
	const struct ner_tok *t = &w->d.t[i];
	if (t->lwlen < 2 || t->lw[t->lwlen - 1] != '.' ||
	    !(work_in(w, i, WL_PERCENTS) || work_in(w, i, WL_UNITS) || work_in(w, i, WL_PERIODS)))
		return 0;
	return i + 1 >= w->d.n || w->sid[i + 1] != w->sid[i] || (w->d.t[i + 1].flags & NT_INITCAP);
}

/* Tag the part's sentences (w->toks, w->tsent) and append their entities to out. */
static void
tag_part(const struct ner_model *m, struct work *w, struct entity_list *out)
{
	size_t k, i;

	collect_lower(w);
	for (k = 0; k < w->ntsent; k++)
		add_sentence(w, w->tsent[2 * k], w->tsent[2 * k + 1]);
	out->tokens += w->d.n;
	if (w->d.n > 0) {
		ner_doc_prepare(&w->d, &m->cl, &m->gz);
		memset(w->used, 0, w->d.n);
		work_word_classes(m, w);
		/* A capitalised word after an honorific starts a person's name (news style "Mr. Cook"). */
		for (i = 0; i + 1 < w->d.n; i++)
			if (work_in(w, i, WL_HONORIFICS) && (w->d.t[i + 1].flags & NT_INITCAP) &&
			    !(w->d.t[i + 1].flags & (NT_ALLCAPS | NT_SENT_START)))
				w->used[i + 1] = 1;
		ner_model_tag_doc_emit(m, &w->d, w->used, w->tags, w->emit);
		ner_refine_types(&w->d, w->emit, m->scale, w->tags);
		memset(w->used, 0, w->d.n);
		model_mentions(w);
		numeric_mentions(w);
		resolve(w);
		for (i = 0; i < w->nm; i++) {
			const struct mention *mm = &w->m[i];
			const struct mention *c = &w->m[mm->canon];
			struct entity *ent;
			if (out->n == out->cap) {
				out->cap = out->cap ? 2 * out->cap : 32;
				out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
			}
			ent = &out->v[out->n++];
			ent->start = w->tk[mm->b].start;
			ent->end = w->tk[mm->e - 1].end;
			ent->bstart = w->tk[mm->b].bstart;
			ent->bend = w->tk[mm->e - 1].bend;
			if (mm->type >= ENT_DATE && unit_stop_ends_sentence(w, mm->e - 1)) {
				ent->end--;
				ent->bend--;
			}
			ent->type = mm->type;
			ent->canonical = span_text(w, c->b, c->e);
		}
	}
	/* Ready for the next part; the memory is kept. */
	tokens_clear(&w->toks);
	w->ntsent = 0;
	w->nm = 0;
	ner_doc_clear(&w->d);
}

/* Code points of s[0..n) (valid UTF-8). */
static size_t
count_cp(const char *s, size_t n)
{
	size_t i, c = 0;
	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The byte offset of code point cp, moving forward from (*bcur, *ccur). */
static size_t
byte_of(const char *text, size_t len, size_t cp, size_t *bcur, size_t *ccur)
{
	if (cp < *ccur)
		*bcur = *ccur = 0;
	while (*ccur < cp && *bcur < len) {
		(*bcur)++;
		while (*bcur < len && ((unsigned char)text[*bcur] & 0xC0) == 0x80)
			(*bcur)++;
		(*ccur)++;
	}
	return *bcur;
}

/* Where the next piece of [pos, end) for the tokenizer ends: at whitespace, or a character boundary. */
static size_t
chunk_end(const char *text, size_t pos, size_t end)
{
	size_t q;
	if (end - pos <= TOKENIZE_CHUNK)
		return end;
	for (q = pos + TOKENIZE_CHUNK; q > pos + TOKENIZE_CHUNK / 2; q--)
		if (text[q - 1] == ' ' || text[q - 1] == '\n' || text[q - 1] == '\t' || text[q - 1] == '\r')
			return q;
	for (q = pos + TOKENIZE_CHUNK; ((unsigned char)text[q] & 0xC0) == 0x80; q--)
		;
	return q;
}

static void
part_sentence(struct work *w, size_t a, size_t b)
{
	if (b <= a)
		return;
	if (2 * w->ntsent + 2 > w->tsentcap) {
		w->tsentcap = w->tsentcap ? 2 * w->tsentcap : 256;
		w->tsent = xreallocarray(w->tsent, w->tsentcap, sizeof *w->tsent);
	}
	w->tsent[2 * w->ntsent] = a;
	w->tsent[2 * w->ntsent + 1] = b;
	w->ntsent++;
}

void
ner_tag_parts(const struct ner_model *m, const char *text, size_t len, const struct spans *sentences,
	      struct entity_list *out, void (*part_done)(void *ctx, struct entity_list *out), void *ctx)
{
	struct work w;
	struct spans own = SPANS_INIT;
	size_t s, bcur = 0, ccur = 0;

	memset(&w, 0, sizeof w);
	w.model = m;
	w.text = text;
	w.len = len;
	if (!sentences) {
		segment_sentences(text, len, &own);
		sentences = &own;
	}
	for (s = 0; s < sentences->n; s++) {
		size_t bs = byte_of(text, len, sentences->v[s].start, &bcur, &ccur), cpos = ccur;
		size_t be = byte_of(text, len, sentences->v[s].end, &bcur, &ccur), pos = bs, first = w.toks.n;
		while (pos < be) {
			size_t end = chunk_end(text, pos, be);
			tokenize(text + pos, end - pos, cpos, pos, &w.toks);
			cpos += count_cp(text + pos, end - pos);
			pos = end;
			/* A "sentence" longer than a part (a table, junk) is cut where the part is full. */
			if (w.toks.n - first >= NER_PART_TOKENS && pos < be) {
				part_sentence(&w, first, w.toks.n);
				tag_part(m, &w, out);
				if (part_done)
					part_done(ctx, out);
				first = 0;
			}
		}
		part_sentence(&w, first, w.toks.n);
		if (w.toks.n >= NER_PART_TOKENS || s + 1 == sentences->n) {
			tag_part(m, &w, out);
			if (part_done)
				part_done(ctx, out);
		}
	}
	free(w.m);
	free(w.tsent);
	free(w.tk);
	free(w.sid);
	free(w.tags);
	free(w.used);
	free(w.cls);
	free(w.emit);
	free(w.lower);
	tokens_release(&w.toks);
	ner_doc_release(&w.d);
	spans_release(&own);
}

void
ner_tag(const struct ner_model *m, const char *text, size_t len, const struct spans *sentences,
	struct entity_list *out)
{
	ner_tag_parts(m, text, len, sentences, out, NULL, NULL);
}
