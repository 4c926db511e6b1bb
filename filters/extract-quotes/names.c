/*
 * names.c - the names of a document made whole and linked: one entity,
 * one canonical name, however the text writes it.
 *
 * A possessor the tagger took in is cut off ("UN's" + "Food & Agriculture
 * Organisation", "Britain's" + "Office for National Statistics"): the
 * name is what follows.
 *
 * Completion (names the tagger cut):
 *   - a name written as a domain ("ICEout" + ".tech");
 *   - capitalised words right before an organisation's name ("Munich" +
 *     "Re", "US State" + "Department"); at the start of a sentence, where
 *     a capital says nothing, only before a corporate suffix that is no
 *     name on its own ("Re", "AG", "plc");
 *   - an institution's "of" complement ("International Federation" + "of
 *     the Red Cross"), and for a body of members a coordinated one whose
 *     last word is plural ("... and Red Crescent Societies");
 *   - a first name the tagger left out ("Apple CEO Tim" + "Cook").
 * Aliases (a short form takes the fullest name it stands for):
 *   - acronyms, from the initials of a multi-word name ("B&B", "ICE"),
 *     in capitals or as BBC style writes them ("Opec", "Nato"), also with
 *     a leading country code left out ("FSA" for "UK Financial Services
 *     Authority");
 *   - a clipped word ("Fed" for "Federal Reserve": a proper prefix of a
 *     word of exactly one organisation's name);
 *   - the head word ("Treasury" for "US Treasury"), a name without its
 *     leading place ("Federal Reserve" for "US Federal Reserve"), and an
 *     institution's name without its "of" complement ("International
 *     Federation"), each when one organisation of the text fits;
 *   - a surname, the person ("Amodei" -> "Dario Amodei");
 *   - a company's name without its corporate tail ("Firestone" for
 *     "Firestone Tire and Rubber Co");
 *   - one name spelt several ways ("TimeWarner", "Time Warner").
 * Every pass is linear in the mentions: short forms are looked up in one
 * hash table filled from the full names, kept in the doc between records.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "quotes.h"
#include "utf8.h"
#include "xalloc.h"

/* Seeds: one table holds the keys of every kind of short form. */
enum {
	K_ACRONYM = 0x61637231u,
	K_SURNAME = 0x6c617374u,
	K_HEAD = 0x68656164u,
	K_CLIP = 0x636c6970u,
	K_TAIL = 0x7461696cu,
	K_OFPART = 0x6f667074u,
	K_PLACE = 0x706c6365u,
	K_SPELL = 0x73717561u,
	K_LEAD = 0x6c656164u,
};

#define AMBIGUOUS (-2) /* two different names claim one short form */

static void
nt_reset(struct doc *d, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n + 2)
		cap *= 2;
	if (cap > d->names.cap) {
		free(d->names.keys);
		free(d->names.vals);
		d->names.keys = xmalloc(cap * sizeof *d->names.keys);
		d->names.vals = xmalloc(cap * sizeof *d->names.vals);
		d->names.cap = cap;
	}
	d->names.mask = cap - 1;
	memset(d->names.keys, 0, cap * sizeof *d->names.keys);
	memset(d->names.vals, 0xff, cap * sizeof *d->names.vals);
}

/* The value slot of key (inserted when absent). */
static int *
nt_slot(struct doc *d, uint64_t key)
{
	struct name_table *t = &d->names;
	size_t i = (size_t)key & t->mask;

	key |= 1; /* never 0 */
	while (t->keys[i] && t->keys[i] != key && STEP(d))
		i = (i + 1) & t->mask;
	t->keys[i] = key;
	return &t->vals[i];
}

/* The value of key, or -1. */
static int
nt_get(const struct doc *d, uint64_t key)
{
	const struct name_table *t = &d->names;
	size_t i = (size_t)key & t->mask;

	key |= 1;
	while (t->keys[i] && STEP(d)) {
		if (t->keys[i] == key)
			return t->vals[i];
		i = (i + 1) & t->mask;
	}
	return -1;
}

/* Claim key for entity k: the first claim wins; a claim by another name
 * makes the key ambiguous unless first_wins. */
static void
nt_claim(struct doc *d, uint64_t key, int k, int first_wins)
{
	int *v = nt_slot(d, key);

	if (*v == -1)
		*v = k;
	else if (*v >= 0 && !first_wins && (d->ents[*v].canon_len != d->ents[k].canon_len ||
					    memcmp(d->ents[*v].canonical, d->ents[k].canonical,
						   d->ents[k].canon_len) != 0))
		*v = AMBIGUOUS;
}

/* Hash of s[0, n) in capitals (ASCII letters), under seed. */
static uint64_t
upper_hash(const char *s, size_t n, uint64_t seed)
{
	char buf[64];
	size_t k;

	if (n > sizeof buf)
		n = sizeof buf;
	for (k = 0; k < n; k++)
		buf[k] = s[k] >= 'a' && s[k] <= 'z' ? (char)(s[k] - 32) : s[k];
	return hash64(buf, n, seed);
}

/* Hash of s[0, n) in lower case (ASCII letters), under seed. */
static uint64_t
lower_hash(const char *s, size_t n, uint64_t seed)
{
	char buf[64];
	size_t k;

	if (n > sizeof buf)
		n = sizeof buf;
	for (k = 0; k < n; k++)
		buf[k] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] + 32) : s[k];
	return hash64(buf, n, seed);
}

/* Initials of the words of a name ("of", "the" skipped; "and"/"&" as '&'
 * when amp, else skipped): the acronym it may be written as.  Returns its
 * length, 0 when a word does not start with a capital letter. */
static size_t
initials(const char *n, size_t nlen, int amp, char *out, size_t cap)
{
	size_t j = 0, o = 0;

	while (j < nlen) {
		size_t w = j;
		while (j < nlen && n[j] != ' ')
			j++;
		if ((j - w == 3 && memcmp(n + w, "and", 3) == 0) || (j - w == 1 && n[w] == '&')) {
			if (amp && o < cap)
				out[o++] = '&';
		} else if (!(j - w == 2 && memcmp(n + w, "of", 2) == 0) &&
			   !(j - w == 3 && memcmp(n + w, "the", 3) == 0) &&
			   !(j - w == 3 && memcmp(n + w, "for", 3) == 0)) {
			if (!(n[w] >= 'A' && n[w] <= 'Z') || o >= cap)
				return 0;
			out[o++] = n[w];
		}
		while (j < nlen && n[j] == ' ')
			j++;
	}
	return o;
}

/* The last space of s[0, n), or NULL. */
static const char *
last_space(const char *s, size_t n)
{
	while (n > 0)
		if (s[--n] == ' ')
			return s + n;
	return NULL;
}

static char *
own(struct doc *d, const char *s, size_t n)
{
	char *c = xstrndup(s, n);

	ARRAY_GROW(d->owned, d->nowned + 1, d->ocap);
	d->owned[d->nowned++] = c;
	return c;
}

/* The entity's name becomes the text of its tokens [t0, t1). */
static void
respan(struct doc *d, struct qent *e, int t0, int t1, int k)
{
	int q;

	for (q = t0; q < t1; q++) {
		if (d->t[q].ent >= 0 && d->t[q].ent != k)
			d->ents[d->t[q].ent].kind = EK_OTHER; /* absorbed */
		d->t[q].ent = k;
	}
	e->t0 = t0;
	e->t1 = t1;
	e->start = d->t[t0].start;
	e->end = d->t[t1 - 1].end;
	e->canonical = own(d, d->text + d->t[t0].bstart, d->t[t1 - 1].bend - d->t[t0].bstart);
	e->canon_len = d->t[t1 - 1].bend - d->t[t0].bstart;
}

/* "China-published": a hyphenated word with a lower-case part is no name. */
static int
lower_after_hyphen(const struct doc *d, int j)
{
	size_t b;

	for (b = d->t[j].bstart; b + 1 < d->t[j].bend; b++)
		if (d->text[b] == '-' && d->text[b + 1] >= 'a' && d->text[b + 1] <= 'z')
			return 1;
	return 0;
}

/* The entity is written as its tokens say ("Re", not a canonical "Munich Re"). */
static int
plain(const struct doc *d, const struct qent *e)
{
	return e->canonical && e->canon_len == d->t[e->t1 - 1].bend - d->t[e->t0].bstart &&
	       memcmp(e->canonical, d->text + d->t[e->t0].bstart, e->canon_len) == 0;
}

/* Tokens i and i + 1 are one space apart on one line. */
static int
adjacent(const struct doc *d, int i)
{
	return d->t[i].end + 1 == d->t[i + 1].start && d->text[d->t[i].bend] == ' ' &&
	       d->t[i].sent == d->t[i + 1].sent;
}

/* A single capital letter is an acronym's last letter when a letter and
 * "and" come before it ("S and P", "P&O" written "P and O"): the name
 * takes them in. */
static int
capital_letter(const struct doc *d, int j)
{
	return j >= 0 && d->t[j].type == TOK_WORD && d->t[j].bend - d->t[j].bstart == 1 &&
	       d->text[d->t[j].bstart] >= 'A' && d->text[d->t[j].bstart] <= 'Z';
}

static void
complete_letters(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int j = e->t0 - 2;
		if (e->t1 - e->t0 != 1 || !capital_letter(d, e->t0) || !capital_letter(d, j) ||
		    !(tok_is(d, j + 1, "and") || tok_is_punct(d, j + 1, "&")) || d->t[j].sent != d->t[e->t0].sent ||
		    (d->t[j].ent >= 0 && d->ents[d->t[j].ent].t1 - d->ents[d->t[j].ent].t0 != 1))
			continue; /* (a letter the fallback took for a name of its own is absorbed) */
		respan(d, e, j, e->t1, (int)k);
	}
}

/* "Standard and" + "Poor's Corp", "Procter and" + "Gamble Co": a
 * capitalised word and "and" before a company's name that ends in a
 * corporate suffix are the name's, when the word is no name of its own. */
static void
complete_and(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int j = e->t0 - 2;
		if (e->kind != EK_ORG || e->guessed || !plain(d, e) || j < 0 || !tok_is(d, j + 1, "and") ||
		    !(d->t[e->t1 - 1].orgw & ORGW_SUFFIX) || d->t[j].type != TOK_WORD || !d->t[j].cap ||
		    d->t[j].fw || d->t[j].noun || d->t[j].cueflags || d->t[j].ent >= 0 ||
		    d->t[j].sent != d->t[e->t0].sent || !adjacent(d, j) || !adjacent(d, j + 1))
			continue;
		respan(d, e, j, e->t1, (int)k);
	}
}

/* "ICEout" + ".tech": a name written as a domain. */
static void
complete_domains(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int j = e->t1;
		if (j + 1 < (int)d->nt && tok_is_punct(d, j, ".") && d->t[j].start == d->t[j - 1].end &&
		    d->t[j + 1].start == d->t[j].end && d->t[j + 1].type == TOK_WORD && !d->t[j + 1].cap &&
		    d->t[j + 1].end - d->t[j + 1].start <= 4 && d->t[j + 1].ent < 0) {
			size_t bs = d->t[e->t0].bstart, be = d->t[j + 1].bend;
			e->canonical = own(d, d->text + bs, be - bs);
			e->canon_len = be - bs;
			e->end = d->t[j + 1].end;
			e->t1 = j + 2;
			if (e->kind == EK_LOC || e->kind == EK_MISC)
				e->kind = EK_ORG; /* a name written as a domain is an organisation */
			d->t[j].ent = d->t[j + 1].ent = (int)k;
		}
	}
}

/*
 * An organisation's name the tagger cut: "Munich" + "Re", "US State" +
 * "Department": capitalised words and place or other names right before
 * it, on the same line, belong to it.  A capital that opens a sentence
 * says nothing ("Meanwhile Apple"), except before a name made only of
 * corporate suffixes, which is no name alone ("Munich Re", "Siemens AG").
 */
static void
complete_before(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int j = e->t0 - 1, t0 = e->t0, q, suffix = 1;
		if (e->kind != EK_ORG || e->guessed || !plain(d, e))
			continue;
		for (q = e->t0; q < e->t1; q++)
			suffix &= (d->t[q].orgw & ORGW_SUFFIX) != 0;
		while (j >= 0 && j >= t0 - 6 && d->t[j].type == TOK_WORD && d->t[j].cap && !d->t[j].fw &&
		       !lower_after_hyphen(d, j) && !d->t[j].cueflags && !d->t[j].noun && adjacent(d, j) &&
		       STEP(d)) {
			int f = d->t[j].ent;
			if (f >= 0 && (d->ents[f].kind == EK_PER || d->ents[f].t1 != j + 1))
				break;
			if (f < 0 && j == d->sent_t0[d->t[j].sent] && !(suffix && j == t0 - 1))
				break; /* a capital the sentence start explains */
			j = f >= 0 ? d->ents[f].t0 - 1 : j - 1;
		}
		if (j + 1 < t0)
			respan(d, e, j + 1, e->t1, (int)k);
	}
}

/* The end of a run of capitalised words and non-person names from i (at
 * most 8 tokens, one space apart), or i when there is none. */
static int
name_run_end(const struct doc *d, int i)
{
	int j = i;

	while (j < (int)d->nt && j < i + 8 && d->t[j].type == TOK_WORD && d->t[j].cap && !d->t[j].fw &&
	       !d->t[j].cueflags && STEP(d)) {
		int f = d->t[j].ent;
		if (f >= 0 && (d->ents[f].kind == EK_PER || d->ents[f].t0 != j))
			break;
		if (d->t[j].noun == NOUN_PERSON && j + 1 < (int)d->nt && d->t[j + 1].ent >= 0 &&
		    d->ents[d->t[j + 1].ent].kind == EK_PER)
			break; /* "Bank of England Governor Mervyn King": a title */
		j = f >= 0 ? d->ents[f].t1 : j + 1;
		if (j >= (int)d->nt || !adjacent(d, j - 1))
			break;
	}
	return j;
}

/* A plural word in -s (not "'s"), of four letters or more: "Societies". */
static int
plural_word(const struct doc *d, int j)
{
	return d->t[j].type == TOK_WORD && d->t[j].bend - d->t[j].bstart >= 4 &&
	       d->text[d->t[j].bend - 1] == 's' && d->text[d->t[j].bend - 2] != '\'';
}

/*
 * An institution's name goes on with its "of" complement: "International
 * Federation" + "of the Red Cross", "Bank" + "of England", "Ministry" +
 * "of Defence".  A body of members may have a coordinated complement whose
 * last word is plural, which is then inside the name: "... of the Red
 * Cross and Red Crescent Societies" (not "the Bank of England and
 * Barclays": a bank is no body of members).
 */
static void
complete_of(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int h = e->t1 - 1, j = e->t1, a, b;
		if (e->kind != EK_ORG || !plain(d, e) || !(d->t[h].orgw & ORGW_OF) || !d->t[h].cap ||
		    j + 1 >= (int)d->nt || !adjacent(d, h) || !tok_is(d, j, "of") || !adjacent(d, j))
			continue;
		a = j + 1;
		if (tok_is(d, a, "the") && a + 1 < (int)d->nt && adjacent(d, a))
			a++;
		b = name_run_end(d, a);
		if (b == a)
			continue;
		if ((d->t[h].orgw & ORGW_COLLECT) && b + 1 < (int)d->nt && adjacent(d, b - 1) &&
		    (tok_is(d, b, "and") || tok_is_punct(d, b, "&")) && adjacent(d, b)) {
			int c = name_run_end(d, b + 1);
			if (c > b + 1 && plural_word(d, c - 1))
				b = c;
		}
		respan(d, e, e->t0, b, (int)k);
	}
}

/*
 * A title with function words inside: "Top of the Pops", "Help the Aged",
 * tagged "Pops", "Aged".  Capitalised words before "of", "of the" or "the"
 * right before an organisation's (or MISC) name belong to it, unless they
 * are a noun of speakers ("President of the", "Bank of": titles and
 * institutions that complete_of handles) or, before "of", open the
 * sentence ("Shares of the Daily Mail").  A place before a bare "the" is
 * another name ("in London the Met").
 */
static void
complete_function_words(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int j = e->t0 - 1, link, of = 0;
		if ((e->kind != EK_ORG && e->kind != EK_MISC) || !plain(d, e))
			continue;
		if (j >= 0 && tok_is(d, j, "the") && !d->t[j].cap && adjacent(d, j))
			j--;
		if (j >= 0 && tok_is(d, j, "of") && adjacent(d, j))
			j--, of = 1;
		link = j;
		if (link == e->t0 - 1)
			continue;
		while (j >= 0 && link - j < 6 && d->t[j].type == TOK_WORD && d->t[j].cap && !d->t[j].fw &&
		       !d->t[j].cueflags && !d->t[j].noun && !lower_after_hyphen(d, j) && adjacent(d, j) && STEP(d)) {
			int f = d->t[j].ent;
			if (f >= 0 && (!of || d->ents[f].kind == EK_PER || d->ents[f].kind == EK_LOC || d->ents[f].t1 != j + 1))
				break;
			if (f < 0 && of && j == d->sent_t0[d->t[j].sent])
				break;
			j = f >= 0 ? d->ents[f].t0 - 1 : j - 1;
		}
		if (j < link)
			respan(d, e, j + 1, e->t1, (int)k);
	}
}

/* A first name the tagger left out: "Apple CEO Tim Cook" tagged "Cook". */
static void
complete_first_names(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int p = e->t0 - 1;
		const struct qtok *t;
		if (e->kind != EK_PER || p < 0 || e->t1 - e->t0 != 1)
			continue;
		t = &d->t[p];
		if (t->type != TOK_WORD || !t->cap || t->fw || t->noun || t->cueflags ||
		    p == d->sent_t0[t->sent] || t->end + 1 != d->t[e->t0].start || tok_all_caps(d, p) ||
		    (t->ent >= 0 && d->ents[t->ent].t1 - d->ents[t->ent].t0 != 1))
			continue;
		if (t->ent >= 0 && d->ents[t->ent].kind == EK_PER)
			continue;
		{
			size_t bs = t->bstart, be = d->t[e->t1 - 1].bend;
			if (t->ent >= 0)
				d->ents[t->ent].kind = EK_OTHER; /* absorbed */
			e->canonical = own(d, d->text + bs, be - bs);
			e->canon_len = be - bs;
			e->start = t->start;
			e->t0 = p;
			d->t[p].ent = (int)k;
		}
	}
}

/* A title is not part of a name: "Magistrate Lee Gilmore" -> "Lee Gilmore". */
static void
drop_titles(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
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
}

/* Hash of a name's letters and digits, lower case: "TimeWarner" and "Time
 * Warner", "OPEC" and "Opec" are one key. */
static uint64_t
squashed(const char *s, size_t n)
{
	char buf[96];
	size_t i = 0, o = 0;

	while (i < n && o + 4 < sizeof buf) {
		uint32_t c = utf8_next(s, n, &i);
		if (uc_is_alpha(c) || uc_is_digit(c))
			o += utf8_encode(uc_tolower(c), buf + o);
	}
	return hash64(buf, o, K_SPELL);
}

static size_t
spaces(const char *s, size_t n)
{
	size_t k, c = 0;

	for (k = 0; k < n; k++)
		c += s[k] == ' ';
	return c;
}

/* One name written several ways is written the fullest way: the spelling
 * with the most words ("Time Warner" for "TimeWarner"), the first of them
 * in the text on a tie. */
static void
unify_spellings(struct doc *d)
{
	size_t k;

	nt_reset(d, d->nents);
	for (k = 0; k < d->nents && STEP(d); k++) {
		const struct qent *e = &d->ents[k];
		int *v;
		if (!e->canonical || e->canon_len > 80 || (e->kind != EK_PER && e->kind != EK_ORG))
			continue;
		v = nt_slot(d, squashed(e->canonical, e->canon_len));
		if (*v < 0 || spaces(e->canonical, e->canon_len) >
				      spaces(d->ents[*v].canonical, d->ents[*v].canon_len))
			*v = (int)k;
	}
	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int v;
		if (!e->canonical || e->canon_len > 80 || (e->kind != EK_PER && e->kind != EK_ORG))
			continue;
		v = nt_get(d, squashed(e->canonical, e->canon_len));
		if (v >= 0 && (size_t)v != k) {
			e->canonical = d->ents[v].canonical;
			e->canon_len = d->ents[v].canon_len;
		}
	}
}

/* A country code or a place's or people's one-word name heading an
 * organisation's name ("US Federal Reserve", "UK Financial Services
 * Authority", "Japanese Bankers Association"): the length of that word and
 * its space, else 0. */
static size_t
place_word(const struct doc *d, const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n);
	size_t w, k, caps = 0;

	if (!sp || !memchr(sp + 1, ' ', n - (size_t)(sp + 1 - s)))
		return 0; /* two words or more must remain: "Federal Reserve" */
	w = (size_t)(sp - s);
	for (k = 0; k < w; k++)
		caps += (s[k] >= 'A' && s[k] <= 'Z') || s[k] == '.';
	if (w <= 4 && caps == w)
		return w + 1;
	return nt_get(d, lower_hash(s, w, K_PLACE)) >= 0 ? w + 1 : 0;
}

/* Title case and letters only: "Opec", "Fed", "Nato". */
static int
title_case_word(const char *s, size_t n)
{
	size_t k;

	if (n < 2 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	for (k = 1; k < n; k++)
		if (!(s[k] >= 'a' && s[k] <= 'z'))
			return 0;
	return 1;
}

/* Register the short forms the full name of entity k may be written as. */
/* A company's name without its corporate tail: "Mitchell Hutchins" and
 * "Firestone" for "Mitchell Hutchins Asset Management Inc" and "Firestone
 * Tire and Rubber Co".  Only a name that ends in a corporate word gives its
 * leading words (one owner or none), and not past an "of" or a lower-case
 * word other than "and". */
static void
lead_forms(struct doc *d, int k, unsigned tail)
{
	const struct qent *f = &d->ents[k];
	const char *s = f->canonical, *sp = last_space(s, f->canon_len);
	size_t n = f->canon_len, w;

	if (!sp || !(tail & (ORGW_SUFFIX | ORGW_END)))
		return;
	for (w = 0; w < n && STEP(d);) {
		size_t e = w;
		while (e < n && s[e] != ' ')
			e++;
		if (e >= (size_t)(sp - s))
			break; /* the last word: the whole name */
		if (!(s[w] >= 'A' && s[w] <= 'Z') && !(e - w == 3 && memcmp(s + w, "and", 3) == 0))
			break;
		if (e - w == 2 && memcmp(s + w, "of", 2) == 0)
			break;
		if (s[w] >= 'A' && s[w] <= 'Z')
			nt_claim(d, lower_hash(s, e, K_LEAD), k, 0);
		w = e + 1;
	}
}

static void
register_forms(struct doc *d, int k)
{
	const struct qent *f = &d->ents[k];
	const char *s = f->canonical, *sp;
	size_t n = f->canon_len, pw, w;
	char a[64];
	int amp;
	unsigned tail; /* ORGW_* of the name's last word */

	if (!s || !(sp = last_space(s, n)))
		return;
	if (f->kind == EK_PER && n <= 80) {
		/* The longest person wins a surname. */
		int *v = nt_slot(d, word_hash(sp + 1, n - (size_t)(sp + 1 - s)) ^ K_SURNAME);
		if (*v < 0 || d->ents[*v].canon_len < n)
			*v = k;
		return;
	}
	if (f->kind != EK_ORG || n > 120)
		return;
	if (plain(d, f)) {
		tail = d->t[f->t1 - 1].orgw;
	} else {
		unsigned fw = lexicon_fw(d->lx, word_hash(sp + 1, n - (size_t)(sp + 1 - s)));
		tail = ((fw & FW_ORGWORD) ? ORGW_END : 0) | ((fw & FW_SUFFIX) ? ORGW_SUFFIX : 0);
	}
	pw = place_word(d, s, n);
	/* Acronyms: the first name in the text that fits wins (as before);
	 * also without a corporate suffix ("S&P" for "Standard and Poor's
	 * Corp"). */
	for (amp = 0; amp < 2; amp++) {
		size_t m = initials(s, n, amp, a, sizeof a);
		if (m >= 2)
			nt_claim(d, hash64(a, m, K_ACRONYM), k, 1);
		if (m >= 3 && (tail & ORGW_SUFFIX))
			nt_claim(d, hash64(a, m - 1, K_ACRONYM), k, 1);
		if (pw && (m = initials(s + pw, n - pw, amp, a, sizeof a)) >= 2)
			nt_claim(d, hash64(a, m, K_ACRONYM), k, 1);
	}
	if (pw)
		nt_claim(d, lower_hash(s + pw, n - pw, K_TAIL), k, 0);
	lead_forms(d, k, tail);
	/* "Bank of England": its head is "Bank", and "International
	 * Federation" is the institution without its complement. */
	for (w = 0; w + 4 < n; w++)
		if (memcmp(s + w, " of ", 4) == 0)
			break;
	if (w + 4 < n) {
		const char *hs = last_space(s, w);
		hs = hs ? hs + 1 : s;
		nt_claim(d, lower_hash(hs, (size_t)(s + w - hs), K_HEAD), k, 0);
		if (hs > s)
			nt_claim(d, lower_hash(s, w, K_OFPART), k, 0);
		return;
	}
	/* The head word: one owner or none. */
	nt_claim(d, lower_hash(sp + 1, n - (size_t)(sp + 1 - s), K_HEAD), k, 0);
	/* Clippings: the first three letters of each long capitalised word. */
	for (w = 0; w < n;) {
		size_t e = w;
		while (e < n && s[e] != ' ')
			e++;
		if (e - w >= 5 && s[w] >= 'A' && s[w] <= 'Z')
			nt_claim(d, lower_hash(s + w, 3, K_CLIP), k, 0);
		w = e + 1;
	}
}

/* Does the one-word name s[0, n) clip a word of entity v's name ("Fed",
 * "Federal Reserve")? */
static int
clips(const struct doc *d, int v, const char *s, size_t n)
{
	const char *c = d->ents[v].canonical;
	size_t cn = d->ents[v].canon_len, w, k;

	for (w = 0; w < cn;) {
		size_t e = w;
		while (e < cn && c[e] != ' ')
			e++;
		if (e - w >= n + 2) {
			for (k = 0; k < n && (s[k] | 0x20) == (c[w + k] | 0x20); k++)
				;
			if (k == n)
				return 1;
		}
		w = e + 1;
	}
	return 0;
}

/* The entity a one-word or short organisation name stands for, or -1. */
static int
alias_of(const struct doc *d, const struct qent *e)
{
	const char *s = e->canonical;
	size_t n = e->canon_len;
	int v;

	if (!memchr(s, ' ', n)) {
		if (n >= 2 && n <= 8) {
			/* "ICE", "B&B"; "Opec" as the BBC writes OPEC */
			v = nt_get(d, hash64(s, n, K_ACRONYM));
			if (v < 0 && title_case_word(s, n) && n >= 3)
				v = nt_get(d, upper_hash(s, n, K_ACRONYM));
			if (v >= 0 && d->ents[v].canon_len > n + 2)
				return v;
		}
		if (e->kind == EK_MISC)
			return -1;
		v = nt_get(d, lower_hash(s, n, K_HEAD));
		if (v >= 0 && d->ents[v].canon_len > n + 1)
			return v;
		v = nt_get(d, lower_hash(s, n, K_LEAD));
		if (v >= 0 && d->ents[v].canon_len > n + 1)
			return v;
		if (n >= 3 && title_case_word(s, n) && (v = nt_get(d, lower_hash(s, 3, K_CLIP))) >= 0 &&
		    clips(d, v, s, n))
			return v;
		return -1;
	}
	if (e->kind == EK_MISC)
		return -1;
	if (n <= 9) {
		/* "S and P": letters joined by "and" are an acronym ("S&P") */
		char a[16];
		size_t m = initials(s, n, 1, a, sizeof a), l;
		for (l = 0; l < n && (s[l] == ' ' || (s[l] >= 'A' && s[l] <= 'Z') || s[l] == '&' ||
				      (l + 3 <= n && memcmp(s + l, "and", 3) == 0 && (l += 2, 1)));
		     l++)
			;
		if (l == n && m >= 3 && (v = nt_get(d, hash64(a, m, K_ACRONYM))) >= 0 && d->ents[v].canon_len > n)
			return v;
	}
	v = nt_get(d, lower_hash(s, n, K_TAIL));
	if (v >= 0 && d->ents[v].canon_len > n)
		return v;
	v = nt_get(d, lower_hash(s, n, K_OFPART));
	if (v >= 0 && d->ents[v].canon_len > n)
		return v;
	v = nt_get(d, lower_hash(s, n, K_LEAD));
	if (v >= 0 && d->ents[v].canon_len > n)
		return v;
	return -1;
}

/* "UN's Food & Agriculture Organisation" is the Food & Agriculture
 * Organisation: a name of two words or more after a place's or an
 * acronym's possessive is the name, the possessor its modifier ("Britain's
 * Office for National Statistics" when Britain is a place of the text).
 * Any other possessor belongs to the name ("Moody's Investors Service",
 * "McDonald's Corp"), as does a single word or a corporate word after it
 * ("UN's Agency").  The canonical name is cut, for every mention that has
 * it (the tagger links "FAO" to the whole); the mention keeps its span, so
 * "the UN's ... has warned" still reads as one noun phrase.  Needs the
 * places in the table (link_aliases). */
static void
cut_possessors(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		const char *c = e->canonical, *sp, *a, *sp2;
		size_t n = e->canon_len, w, ap, caps = 0, i;
		if (!c || n < 8 || (e->kind != EK_ORG && e->kind != EK_PER && e->kind != EK_MISC) ||
		    !(sp = memchr(c, ' ', n)))
			continue;
		w = (size_t)(sp - c);
		if (w >= 3 && c[w - 1] == 's' && c[w - 2] == '\'')
			ap = 1;
		else if (w >= 5 && c[w - 1] == 's' && memcmp(c + w - 4, "\xe2\x80\x99", 3) == 0)
			ap = 3;
		else
			continue;
		w -= ap + 1; /* the possessor's length */
		for (i = 0; i < w; i++)
			caps += (c[i] >= 'A' && c[i] <= 'Z') || c[i] == '.';
		if (!(w <= 4 && caps == w) && nt_get(d, lower_hash(c, w, K_PLACE)) < 0)
			continue;
		a = sp + 1;
		sp2 = memchr(a, ' ', n - (size_t)(a - c));
		if (!sp2 || *a < 'A' || *a > 'Z' ||
		    (lexicon_fw(d->lx, word_hash(a, (size_t)(sp2 - a))) & (FW_ORGWORD | FW_SUFFIX)))
			continue;
		e->canon_len = n - (size_t)(a - c);
		e->canonical = a;
	}
}

/* Short forms to the fullest names: see the top of the file. */
/* A name of two words or more right after a person's noun, with a first
 * name of known sex, is a person's, whatever the tagger said: "Chicago
 * physician LeRoy Pesch" (not "lead manager Swiss Volksbank", nor a name
 * with a word that ends organisations' names: "Legal Services Group"). */
static void
person_roles(struct doc *d)
{
	size_t k;

	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int p = e->t0 - 1, j;
		const char *sp;
		if ((e->kind != EK_ORG && e->kind != EK_MISC) || e->t1 - e->t0 < 2 || p < 0 ||
		    d->t[p].type != TOK_WORD || d->t[p].cap || d->t[p].noun != NOUN_PERSON ||
		    d->t[p].sent != d->t[e->t0].sent || !e->canonical ||
		    !(sp = memchr(e->canonical, ' ', e->canon_len)))
			continue;
		for (j = e->t0; j < e->t1 && !(d->t[j].orgw & (ORGW_END | ORGW_SUFFIX)); j++)
			;
		if (j < e->t1 || memchr(e->canonical, '&', e->canon_len) ||
		    !lexicon_first_name(d->lx, word_hash(e->canonical, (size_t)(sp - e->canonical))))
			continue;
		e->kind = EK_PER;
		e->role_person = 1;
	}
}

static void
link_aliases(struct doc *d)
{
	size_t k, words = 0;

	for (k = 0; k < d->nents; k++)
		words += (size_t)(d->ents[k].t1 - d->ents[k].t0);
	nt_reset(d, 2 * d->nents + words + 8);
	/* Places and peoples first, for place_word(). */
	for (k = 0; k < d->nents && STEP(d); k++) {
		const struct qent *f = &d->ents[k];
		if ((f->kind == EK_LOC || f->kind == EK_MISC) && f->canonical && f->canon_len <= 40 &&
		    !memchr(f->canonical, ' ', f->canon_len))
			nt_claim(d, lower_hash(f->canonical, f->canon_len, K_PLACE), (int)k, 1);
	}
	cut_possessors(d);
	person_roles(d);
	for (k = 0; k < d->nents && STEP(d); k++)
		register_forms(d, (int)k);
	for (k = 0; k < d->nents && STEP(d); k++) {
		struct qent *e = &d->ents[k];
		int v;
		if (!e->canonical || e->canon_len == 0)
			continue;
		if (e->kind == EK_ORG || (e->kind == EK_MISC && !memchr(e->canonical, ' ', e->canon_len))) {
			v = alias_of(d, e);
			if (v >= 0 && (size_t)v != k) {
				e->canonical = d->ents[v].canonical;
				e->canon_len = d->ents[v].canon_len;
				e->kind = EK_ORG;
				continue;
			}
		}
		/* A surname: the person.  A tagger's organisation stays one ("Ford"
		 * the company beside "Bill Ford") unless a person's noun made the
		 * full name a person ("physician LeRoy Pesch": the tagger's "Pesch"
		 * is his); a word the capitalisation fallback guessed may be either. */
		if ((e->kind == EK_PER || e->kind == EK_ORG) && e->canon_len <= 40 &&
		    !memchr(e->canonical, ' ', e->canon_len)) {
			v = nt_get(d, word_hash(e->canonical, e->canon_len) ^ K_SURNAME);
			if (v >= 0 && d->ents[v].canon_len > e->canon_len + 1 &&
			    (e->kind == EK_PER || e->guessed || d->ents[v].role_person)) {
				e->canonical = d->ents[v].canonical;
				e->canon_len = d->ents[v].canon_len;
				e->kind = EK_PER;
			}
		}
	}
}

void
doc_link_names(struct doc *d)
{
	complete_domains(d);
	complete_letters(d);
	complete_and(d);
	complete_before(d);
	complete_of(d);
	complete_function_words(d);
	complete_first_names(d);
	drop_titles(d);
	link_aliases(d);
	unify_spellings(d);
}
