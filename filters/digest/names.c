/*
 * names.c - the people and organisations of a story.
 *
 * Each article adds its PER and ORG entities by canonical name (the
 * fullest name of the entity in that article): one count per article
 * naming it, and its mentions.  A story holds at most NAMES_HELD names:
 * when a new name finds the table full it takes the place of the least
 * counted one and inherits its count (Metwally et al.'s space-saving
 * top-k), so the names that matter survive a long story in bounded memory.
 *
 * A story record may name the story's people and organisations linked
 * across its articles (news-summarize); those then replace the counts.
 * At display, a one-word name is folded into the one longer name of the
 * same type that ends with it ("Altman" into "Sam Altman").
 */
#include "digest.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The entities of one article: each name once, with its mentions. */
struct seen {
	const char *name;
	size_t len;
	enum name_type type;
	unsigned mentions;
};

#define MAX_PER_ARTICLE 256

static bool
entity_type(const json_t *e, enum name_type *t)
{
	const char *ty = json_string_value(json_object_get(e, "type"));

	if (!ty)
		return false;
	if (strcmp(ty, "PER") == 0 || strcmp(ty, "PERSON") == 0)
		*t = NAME_PER;
	else if (strcmp(ty, "ORG") == 0 || strcmp(ty, "ORGANIZATION") == 0)
		*t = NAME_ORG;
	else
		return false;
	return true;
}

/* The name of an entity or a listed name: its canonical form, else its text. */
static const json_t *
name_value(const json_t *e)
{
	static const char *const keys[] = { "canonical", "name", "text" };
	size_t i;

	if (json_is_string(e))
		return e;
	for (i = 0; i < sizeof keys / sizeof *keys; i++) {
		const json_t *v = json_object_get(e, keys[i]);
		if (json_is_string(v) && json_string_length(v) > 0)
			return v;
	}
	return NULL;
}

static struct name *
find(struct story *s, const char *name, enum name_type type)
{
	size_t i;

	for (i = 0; i < s->nname; i++)
		if (s->names[i].type == type && strcmp(s->names[i].name, name) == 0)
			return &s->names[i];
	return NULL;
}

/* Count one more article naming name (len bytes) with mentions mentions. */
static void
count(struct story *s, const char *name, size_t len, enum name_type type, unsigned articles, unsigned mentions,
      unsigned long seq)
{
	char *cut = text_cut(name, len, CUT_NAME);
	struct name *n = *cut ? find(s, cut, type) : NULL;
	size_t i, min = 0;

	if (!*cut) {
		free(cut);
		return;
	}
	if (n) {
		n->articles += articles;
		n->mentions += mentions;
		free(cut);
		return;
	}
	if (!s->names)
		s->names = xcalloc(NAMES_HELD, sizeof *s->names);
	if (s->nname < NAMES_HELD) {
		s->names[s->nname++] = (struct name){ cut, type, articles, mentions, seq };
		return;
	}
	for (i = 1; i < s->nname; i++)
		if (s->names[i].articles < s->names[min].articles ||
		    (s->names[i].articles == s->names[min].articles && s->names[i].mentions < s->names[min].mentions))
			min = i;
	n = &s->names[min];
	free(n->name);
	*n = (struct name){ cut, type, n->articles + articles, n->mentions + mentions, seq };
}

void
names_add_entities(struct story *s, const json_t *entities)
{
	struct seen seen[MAX_PER_ARTICLE];
	size_t nseen = 0, i, k;
	const json_t *e;

	if (s->linked_names)
		return;
	json_array_foreach(entities, i, e) {
		enum name_type t;
		const json_t *v = name_value(e);
		if (!v || !entity_type(e, &t))
			continue;
		for (k = 0; k < nseen; k++)
			if (seen[k].type == t && seen[k].len == json_string_length(v) &&
			    memcmp(seen[k].name, json_string_value(v), seen[k].len) == 0)
				break;
		if (k < nseen) {
			seen[k].mentions++;
		} else if (nseen < MAX_PER_ARTICLE) {
			seen[nseen++] = (struct seen){ json_string_value(v), json_string_length(v), t, 1 };
		}
	}
	for (k = 0; k < nseen; k++)
		count(s, seen[k].name, seen[k].len, seen[k].type, 1, seen[k].mentions, s->last_seq);
}

static void
clear(struct story *s)
{
	size_t i;

	for (i = 0; i < s->nname; i++)
		free(s->names[i].name);
	s->nname = 0;
}

/* A listed name's count: "articles", "count" or "mentions" when it has one. */
static unsigned
listed_count(const json_t *e, const char *key, unsigned dflt)
{
	const json_t *v = json_object_get(e, key);

	return json_is_integer(v) && json_integer_value(v) > 0 && json_integer_value(v) < 1000000000
		       ? (unsigned)json_integer_value(v)
		       : dflt;
}

static void
add_listed(struct story *s, const json_t *list, int type)
{
	const json_t *e;
	size_t i;

	json_array_foreach(list, i, e) {
		enum name_type t = (enum name_type)type;
		const json_t *v = name_value(e);
		unsigned n;
		if (!v || (type < 0 && !entity_type(e, &t)))
			continue;
		/* No count given: the list's order is its rank. */
		n = listed_count(e, "articles", listed_count(e, "count", (unsigned)(json_array_size(list) - i)));
		count(s, json_string_value(v), json_string_length(v), t, n, listed_count(e, "mentions", n),
		      s->last_seq + i);
	}
}

void
names_add_story_record(struct story *s, const json_t *rec)
{
	static const char *const people[] = { "people", "persons" };
	static const char *const orgs[] = { "organizations", "organisations", "orgs" };
	const json_t *list;
	bool any = false;
	size_t i;

	/* The field names are news-summarize's: people and organisations as lists, or entities. */
	for (i = 0; i < 2 && !any; i++)
		any = json_is_array(json_object_get(rec, people[i]));
	for (i = 0; i < 3 && !any; i++)
		any = json_is_array(json_object_get(rec, orgs[i]));
	any = any || json_is_array(json_object_get(rec, "entities"));
	if (!any)
		return;
	clear(s);
	s->linked_names = true;
	for (i = 0; i < 2; i++)
		if (json_is_array(list = json_object_get(rec, people[i])))
			add_listed(s, list, NAME_PER);
	for (i = 0; i < 3; i++)
		if (json_is_array(list = json_object_get(rec, orgs[i])))
			add_listed(s, list, NAME_ORG);
	if (json_is_array(list = json_object_get(rec, "entities")))
		add_listed(s, list, -1);
}

void
names_merge(struct story *into, struct story *from)
{
	size_t i;

	if (into->linked_names)
		return;
	for (i = 0; i < from->nname; i++) {
		const struct name *n = &from->names[i];
		count(into, n->name, strlen(n->name), n->type, n->articles, n->mentions, n->seq);
	}
}

static int
cmp_names(const void *pa, const void *pb)
{
	const struct name *a = *(const struct name *const *)pa, *b = *(const struct name *const *)pb;

	if (a->articles != b->articles)
		return a->articles > b->articles ? -1 : 1;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The one longer name of the type whose last word is the one-word name n, or NULL. */
static const struct name *
fuller(const struct story *s, const struct name *n)
{
	const struct name *found = NULL;
	size_t i, len = strlen(n->name);

	if (strchr(n->name, ' '))
		return NULL;
	for (i = 0; i < s->nname; i++) {
		const struct name *m = &s->names[i];
		size_t ml = strlen(m->name);
		if (m == n || m->type != n->type || ml <= len + 1)
			continue;
		if (m->name[ml - len - 1] == ' ' && strcmp(m->name + ml - len, n->name) == 0) {
			if (found)
				return NULL; /* two Bakers: leave "Baker" alone */
			found = m;
		}
	}
	return found;
}

size_t
names_top(const struct story *s, enum name_type type, size_t max, struct name *out, size_t *more)
{
	const struct name **all = xcalloc(s->nname + 1, sizeof *all);
	struct name *folded = xcalloc(s->nname + 1, sizeof *folded);
	size_t n = 0, i, shown;

	/* Fold one-word names into their fuller form: counts go to a copy, the story is unchanged. */
	for (i = 0; i < s->nname; i++)
		folded[i] = s->names[i];
	for (i = 0; i < s->nname; i++) {
		const struct name *f = s->names[i].type == type ? fuller(s, &s->names[i]) : NULL;
		if (f) {
			struct name *to = &folded[f - s->names];
			/* An article naming the full name has its short form resolved already (canonical). */
			to->articles += folded[i].articles;
			to->mentions += folded[i].mentions;
			folded[i].type = (enum name_type)-1; /* folded away */
		}
	}
	for (i = 0; i < s->nname; i++)
		if (folded[i].type == type)
			all[n++] = &folded[i];
	qsort(all, n, sizeof *all, cmp_names);
	shown = n < max ? n : max;
	for (i = 0; i < shown; i++)
		out[i] = *all[i];
	*more = n - shown;
	free(all);
	free(folded);
	return shown;
}
