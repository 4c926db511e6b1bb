/*
 * names.c - the people and organisations of a story, with names linked
 * across its articles; see summarize.h.
 *
 * news-tag-entities gives each mention the fullest name of its entity in
 * its own article ("Altman" -> "Sam Altman" when the article has both).
 * Across a story's articles, one article may only say "Baker" and
 * another "James Baker", or "ICE" and "Immigration and Customs
 * Enforcement".  A shorter name is linked to a longer one of the story
 * when the longer one is the only name it can stand for:
 *   - a person's name that ends another person's name ("Baker" ->
 *     "James Baker"), or a lone first name that begins exactly one
 *     ("Sam" -> "Sam Altman");
 *   - an organisation's acronym that spells the initials of the
 *     capitalised words of exactly one longer name ("ICE"), a name that
 *     ends exactly one longer one ("Immigration and Customs
 *     Enforcement" -> "U.S. Immigration and Customs Enforcement"), or
 *     that one with a company's legal form after it ("Anthropic" ->
 *     "Anthropic PBC"; not "OpenAI" -> "OpenAI Backers");
 * and never when two different longer names would do (two Bakers).
 * Names are compared with case, full stops ("U.S.", "US") and a leading
 * "the" folded.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "summarize.h"
#include "xalloc.h"

/* Names longer than this are not names (a runaway span); they are left out. */
#define MAX_NAME 200

enum { KIND_PER, KIND_ORG, NKINDS };

struct name {
	char *display;   /* as first written, spaces folded */
	char *norm;      /* lower-case ASCII, "the " dropped: what is compared */
	size_t ntok;
	unsigned kinds[NKINDS]; /* mentions typed PER, ORG */
	unsigned mentions;
	uint32_t *arts;  /* articles that mention it, ascending */
	size_t narts, caparts;
	long link;       /* the name it stands for, -1 if none */
};

static void
fold(const char *s, size_t len, struct strbuf *display, struct strbuf *norm)
{
	size_t i;
	int space = 0;

	strbuf_reset(display);
	strbuf_reset(norm);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = display->len > 0;
			continue;
		}
		if (space) {
			strbuf_addch(display, ' ');
			strbuf_addch(norm, ' ');
		}
		space = 0;
		strbuf_addch(display, (char)c);
		if (c != '.')
			strbuf_addch(norm, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
	}
	if (norm->len > 4 && memcmp(norm->buf, "the ", 4) == 0) {
		memmove(norm->buf, norm->buf + 4, norm->len - 3);
		norm->len -= 4;
	}
}

static size_t
count_tokens(const char *s)
{
	size_t n = *s ? 1 : 0;

	for (; *s; s++)
		n += *s == ' ';
	return n;
}

void
names_init(struct names *nm)
{
	memset(nm, 0, sizeof *nm);
}

void
names_reset(struct names *nm)
{
	size_t i;

	for (i = 0; i < nm->n; i++) {
		free(nm->v[i].display);
		free(nm->v[i].norm);
		free(nm->v[i].arts);
	}
	nm->n = 0;
	nm->narts = 0;
	nm->any = 0;
	free(nm->index);
	nm->index = NULL;
	nm->mask = 0;
}

void
names_release(struct names *nm)
{
	names_reset(nm);
	free(nm->v);
	strbuf_release(&nm->display);
	strbuf_release(&nm->norm);
	memset(nm, 0, sizeof *nm);
}

/* The entry of norm (added when new); the index maps hash -> entry + 1. */
static struct name *
lookup(struct names *nm, const char *display, size_t dlen, const char *norm, size_t len)
{
	uint64_t h = hash64(norm, len, 0);
	size_t j;
	struct name *e;

	if (2 * (nm->n + 1) > nm->mask + 1) {
		size_t size = nm->mask ? 2 * (nm->mask + 1) : 64, i;
		free(nm->index);
		nm->index = xcalloc(size, sizeof *nm->index);
		nm->mask = size - 1;
		for (i = 0; i < nm->n; i++) {
			uint64_t hi = hash64(nm->v[i].norm, strlen(nm->v[i].norm), 0);
			for (j = (size_t)hi & nm->mask; nm->index[j]; j = (j + 1) & nm->mask)
				;
			nm->index[j] = i + 1;
		}
	}
	for (j = (size_t)h & nm->mask; nm->index[j]; j = (j + 1) & nm->mask) {
		e = &nm->v[nm->index[j] - 1];
		if (strlen(e->norm) == len && memcmp(e->norm, norm, len) == 0)
			return e;
	}
	ARRAY_GROW(nm->v, nm->n + 1, nm->cap);
	e = &nm->v[nm->n];
	memset(e, 0, sizeof *e);
	e->display = xstrndup(display, dlen);
	e->norm = xstrndup(norm, len);
	e->ntok = count_tokens(e->norm);
	e->link = -1;
	nm->index[j] = ++nm->n;
	return e;
}

void
names_add_article(struct names *nm, const json_t *ents)
{
	uint32_t art = (uint32_t)nm->narts++;
	size_t k;
	const json_t *e;

	if (!json_is_array(ents))
		return;
	nm->any = 1;
	json_array_foreach(ents, k, e) {
		const json_t *type = json_object_get(e, "type"), *name = json_object_get(e, "canonical");
		struct name *x;
		int kind;

		if (!json_is_string(name) || json_string_length(name) == 0)
			name = json_object_get(e, "text");
		if (!json_is_string(type) || !json_is_string(name) || json_string_length(name) == 0 ||
		    json_string_length(name) > MAX_NAME)
			continue;
		if (strcmp(json_string_value(type), "PER") == 0)
			kind = KIND_PER;
		else if (strcmp(json_string_value(type), "ORG") == 0)
			kind = KIND_ORG;
		else
			continue;
		fold(json_string_value(name), json_string_length(name), &nm->display, &nm->norm);
		if (nm->norm.len == 0)
			continue;
		x = lookup(nm, nm->display.buf, nm->display.len, nm->norm.buf, nm->norm.len);
		x->kinds[kind]++;
		x->mentions++;
		if (x->narts == 0 || x->arts[x->narts - 1] != art) {
			ARRAY_GROW(x->arts, x->narts + 1, x->caparts);
			x->arts[x->narts++] = art;
		}
	}
}

static int
kind_of(const struct name *x)
{
	return x->kinds[KIND_PER] > x->kinds[KIND_ORG] ? KIND_PER : KIND_ORG;
}

/* Does a's token list end b's (a shorter)?  Whole tokens only. */
static int
ends_with(const struct name *a, const struct name *b)
{
	size_t la = strlen(a->norm), lb = strlen(b->norm);

	return la < lb && b->norm[lb - la - 1] == ' ' && memcmp(b->norm + lb - la, a->norm, la) == 0;
}

static int
begins_with(const struct name *a, const struct name *b)
{
	size_t la = strlen(a->norm);

	return la < strlen(b->norm) && b->norm[la] == ' ' && memcmp(b->norm, a->norm, la) == 0;
}

/* Is the rest of b after a's words a company's legal form ("Inc", "Corp", "PBC")? */
static int
legal_form_after(const struct name *a, const struct name *b)
{
	static const char *const forms[] = { "inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
					     "plc", "pbc", "ag", "sa", "nv", "bv", "gmbh", "spa", "ab", "asa",
					     "group", "holdings", "holding", "incorporated", NULL };
	const char *rest = b->norm + strlen(a->norm) + 1;
	const char *const *f;

	if (!begins_with(a, b))
		return 0;
	if (*rest == '&' || strncmp(rest, "and ", 4) == 0)
		return 0;
	for (f = forms; *f; f++)
		if (strcmp(rest, *f) == 0)
			return 1;
	return 0;
}

static int
is_connector(const char *w, size_t n)
{
	static const char *const words[] = { "and", "of", "for", "the", "&", "on", "de", "in", NULL };
	const char *const *p;

	for (p = words; *p; p++)
		if (strlen(*p) == n && memcmp(*p, w, n) == 0)
			return 1;
	return 0;
}

/*
 * Is a an acronym (2 to 7 capital letters, as written) of b: the
 * initials of b's words other than connectors, or of its last ones
 * ("U.S. Immigration and Customs Enforcement" -> "ICE")?
 */
static int
acronym_of(const struct name *a, const struct name *b)
{
	char ini[32];
	size_t n = 0, la = strlen(a->display), k = 0, i;
	const char *p = b->norm;

	if (la < 2 || la > 7 || b->ntok < 2)
		return 0;
	for (i = 0; i < la; i++)
		if (a->display[i] < 'A' || a->display[i] > 'Z')
			return 0;
	while (*p && n < sizeof ini) {
		const char *q = strchr(p, ' ');
		size_t wl = q ? (size_t)(q - p) : strlen(p);
		if (!is_connector(p, wl))
			ini[n++] = *p;
		p = q ? q + 1 : p + wl;
	}
	if (n < la || n - la > 2)
		return 0;
	for (k = 0; k < la; k++)
		if (ini[n - la + k] != a->norm[k])
			return 0;
	return 1;
}

/* May short name a stand for long name b (same kind, b longer)? */
static int
stands_for(const struct name *a, const struct name *b)
{
	if (kind_of(a) != kind_of(b) || b->ntok <= a->ntok)
		return 0;
	if (kind_of(a) == KIND_PER)
		return ends_with(a, b) || (a->ntok == 1 && begins_with(a, b));
	return acronym_of(a, b) || ends_with(a, b) || legal_form_after(a, b);
}

/* Link each shorter name to the one longer name it can stand for (none when two could). */
static void
link_names(struct names *nm)
{
	size_t i, j;

	for (i = 0; i < nm->n; i++) {
		struct name *a = &nm->v[i];
		long target = -1;
		int ambiguous = 0;
		for (j = 0; j < nm->n && !ambiguous; j++) {
			if (j == i || !stands_for(a, &nm->v[j]))
				continue;
			/* A longer name that itself stands for another candidate is that one, not a rival. */
			if (target >= 0 && stands_for(&nm->v[target], &nm->v[j]))
				target = (long)j;
			else if (target >= 0 && !stands_for(&nm->v[j], &nm->v[target]))
				ambiguous = 1;
			else if (target < 0)
				target = (long)j;
		}
		a->link = ambiguous ? -1 : target;
	}
	/* Follow chains to their end ("Sam" -> "Sam Altman" stays; chains are short and acyclic: longer each step). */
	for (i = 0; i < nm->n; i++)
		while (nm->v[i].link >= 0 && nm->v[nm->v[i].link].link >= 0)
			nm->v[i].link = nm->v[nm->v[i].link].link;
}

/* Add b's mentions and articles to a. */
static void
merge_into(struct name *a, const struct name *b)
{
	uint32_t *m = xreallocarray(NULL, a->narts + b->narts + 1, sizeof *m);
	size_t i = 0, j = 0, n = 0;

	while (i < a->narts || j < b->narts) {
		if (j == b->narts || (i < a->narts && a->arts[i] < b->arts[j]))
			m[n++] = a->arts[i++];
		else if (i == a->narts || b->arts[j] < a->arts[i])
			m[n++] = b->arts[j++];
		else {
			m[n++] = a->arts[i++];
			j++;
		}
	}
	free(a->arts);
	a->arts = m;
	a->narts = a->caparts = n;
	a->mentions += b->mentions;
	a->kinds[KIND_PER] += b->kinds[KIND_PER];
	a->kinds[KIND_ORG] += b->kinds[KIND_ORG];
}

static int
cmp_rank(const void *x, const void *y)
{
	const struct name *a = *(const struct name *const *)x, *b = *(const struct name *const *)y;

	if (a->narts != b->narts)
		return a->narts > b->narts ? -1 : 1;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions ? -1 : 1;
	return strcmp(a->display, b->display);
}

void
names_json(struct names *nm, size_t max, json_t **people, json_t **orgs)
{
	struct name **v;
	size_t i, n = 0, np = 0, no = 0;

	*people = json_array();
	*orgs = json_array();
	link_names(nm);
	for (i = 0; i < nm->n; i++)
		if (nm->v[i].link >= 0)
			merge_into(&nm->v[nm->v[i].link], &nm->v[i]);
	v = xreallocarray(NULL, nm->n ? nm->n : 1, sizeof *v);
	for (i = 0; i < nm->n; i++)
		if (nm->v[i].link < 0)
			v[n++] = &nm->v[i];
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_rank);
	for (i = 0; i < n; i++) {
		json_t *arr = kind_of(v[i]) == KIND_PER ? *people : *orgs;
		size_t *count = kind_of(v[i]) == KIND_PER ? &np : &no;
		if (*count >= max)
			continue;
		(*count)++;
		json_array_append_new(arr, json_pack("{s:s, s:I, s:I}", "name", v[i]->display, "articles",
						     (json_int_t)v[i]->narts, "mentions", (json_int_t)v[i]->mentions));
	}
	free(v);
}
