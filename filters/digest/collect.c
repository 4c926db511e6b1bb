/*
 * collect.c - articles and story records into stories, in bounded memory.
 *
 * An article joins the story named by its `story` (news-cluster), else by
 * its `cluster` (news-dedupe --clusters), else it is a story of its own.
 * A story record {"group", "ids", ...} (news-summarize) brings the story
 * whose key is its group a summary and, maybe, its people and
 * organisations; when no story has that key (--group all, or a grouping
 * the articles do not carry), the stories of the articles it lists are
 * merged into one story of that key.  Stories keyed by `story` are never
 * regrouped: news-cluster's grouping is the one the user asked for.
 *
 * Bounds: a story keeps its first --articles articles and 4 x --quotes
 * distinct quotes, NAMES_HELD names and cut strings (digest.h); at most
 * --hold stories are held, and a new story past that evicts the one that
 * ranks lowest (fewest articles, then least recent), which the page counts
 * as left out.  An evicted story's later articles start it again.
 */
#include "digest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xalloc.h"

#define SEED_KEY 0x73746f7279ULL /* "story" */
#define SEED_ID 0x6172746963ULL  /* "artic" */

static uint64_t
hash_str(const char *s, uint64_t seed)
{
	return hash64(s, strlen(s), seed);
}

void
digest_init(struct digest *d, const struct limits *lim)
{
	memset(d, 0, sizeof *d);
	d->lim = *lim;
	idmap_init(&d->by_key);
	idmap_init(&d->by_id);
}

static void
article_release(struct article *a)
{
	free(a->id);
	free(a->title);
	free(a->url);
	free(a->outlet);
	free(a->authors);
	free(a->lede);
}

void
story_release(struct story *s)
{
	size_t i;

	for (i = 0; i < s->nart; i++)
		article_release(&s->arts[i]);
	free(s->arts);
	for (i = 0; i < s->nquote; i++) {
		free(s->quotes[i].speaker);
		free(s->quotes[i].text);
		free(s->quotes[i].cue);
	}
	free(s->quotes);
	for (i = 0; i < s->nname; i++)
		free(s->names[i].name);
	free(s->names);
	free(s->key);
	free(s->summary);
	free(s->lead_id);
	memset(s, 0, sizeof *s);
}

void
digest_release(struct digest *d)
{
	size_t i;

	for (i = 0; i < d->nslot; i++)
		if (d->stories[i].live)
			story_release(&d->stories[i]);
	free(d->stories);
	free(d->free_slots);
	idmap_release(&d->by_key);
	idmap_release(&d->by_id);
}

/* Ranking for the page: more articles first, then the more recent. */
static int
cmp_rank(const struct story *a, const struct story *b)
{
	bool ad = a->latest[0] != '\0', bd = b->latest[0] != '\0';

	if (a->narticles != b->narticles)
		return a->narticles > b->narticles ? -1 : 1;
	if (ad && bd && strcmp(a->latest, b->latest) != 0)
		return strcmp(a->latest, b->latest) > 0 ? -1 : 1;
	if (ad != bd)
		return ad ? -1 : 1;
	if (a->last_seq != b->last_seq)
		return a->last_seq > b->last_seq ? -1 : 1;
	return 0;
}

static int
cmp_rank_ptr(const void *pa, const void *pb)
{
	return cmp_rank(*(const struct story *const *)pa, *(const struct story *const *)pb);
}

struct story **
digest_ranked(struct digest *d, size_t *n)
{
	struct story **v = xcalloc(d->nlive + 1, sizeof *v);
	size_t i, k = 0;

	for (i = 0; i < d->nslot; i++)
		if (d->stories[i].live)
			v[k++] = &d->stories[i];
	qsort(v, k, sizeof *v, cmp_rank_ptr);
	*n = k;
	return v;
}

/* Forget slot's story: its map entries, its memory; the slot is free again. */
static void
drop_story(struct digest *d, uint32_t slot)
{
	struct story *s = &d->stories[slot];
	uint32_t v;
	size_t i;

	if (idmap_get(&d->by_key, hash_str(s->key, SEED_KEY), &v) && v == slot)
		idmap_del(&d->by_key, hash_str(s->key, SEED_KEY));
	for (i = 0; i < s->nart; i++)
		if (idmap_get(&d->by_id, hash_str(s->arts[i].id, SEED_ID), &v) && v == slot)
			idmap_del(&d->by_id, hash_str(s->arts[i].id, SEED_ID));
	story_release(s);
	ARRAY_GROW(d->free_slots, d->nfree + 1, d->free_cap);
	d->free_slots[d->nfree++] = slot;
	d->nlive--;
}

static void
evict_one(struct digest *d)
{
	size_t i, worst = SIZE_MAX;

	for (i = 0; i < d->nslot; i++)
		if (d->stories[i].live && (worst == SIZE_MAX || cmp_rank(&d->stories[i], &d->stories[worst]) > 0))
			worst = i;
	if (worst == SIZE_MAX)
		return;
	d->evicted_stories++;
	d->evicted_articles += d->stories[worst].narticles;
	drop_story(d, (uint32_t)worst);
}

static uint32_t
new_story(struct digest *d, const char *key, bool from_story_field)
{
	uint32_t slot;
	struct story *s;

	while (d->nlive >= d->lim.hold)
		evict_one(d);
	if (d->nfree > 0) {
		slot = d->free_slots[--d->nfree];
	} else {
		size_t old = d->slot_cap;
		ARRAY_GROW(d->stories, d->nslot + 1, d->slot_cap);
		memset(d->stories + old, 0, (d->slot_cap - old) * sizeof *d->stories);
		slot = (uint32_t)d->nslot++;
	}
	s = &d->stories[slot];
	memset(s, 0, sizeof *s);
	s->key = xstrdup(key);
	s->from_story_field = from_story_field;
	s->live = true;
	d->nlive++;
	idmap_put(&d->by_key, hash_str(key, SEED_KEY), slot);
	return slot;
}

static bool
find_story(const struct digest *d, const char *key, uint32_t *slot)
{
	return idmap_get(&d->by_key, hash_str(key, SEED_KEY), slot) && d->stories[*slot].live &&
	       strcmp(d->stories[*slot].key, key) == 0;
}

/* A string field of rec, cut, or NULL when it is missing, not text, or empty. */
static char *
field_cut(const json_t *rec, const char *name, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = 0;
	const char *s = text_of(json_object_get(rec, name), &sb, &len);
	char *out = NULL;

	if (s && len > 0) {
		out = text_cut(s, len, max);
		if (!*out) {
			free(out);
			out = NULL;
		}
	}
	strbuf_release(&sb);
	return out;
}

/* The first paragraph of a text that reads as prose (a dozen words), else the first non-empty one. */
static char *
first_paragraph(const char *text, size_t len)
{
	size_t pos = 0, lines = 0, first = SIZE_MAX, first_len = 0;

	while (pos < len && lines < 20) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, i, words = 0, scan;
		bool in_word = false;
		scan = end - pos < 2000 ? end - pos : 2000;
		for (i = 0; i < scan; i++) {
			bool sp = text[pos + i] == ' ' || text[pos + i] == '\t' || text[pos + i] == '\r';
			if (!sp && !in_word)
				words++;
			in_word = !sp;
		}
		if (words >= 12)
			return text_cut(text + pos, end - pos, CUT_LEDE);
		if (words > 0 && first == SIZE_MAX) {
			first = pos;
			first_len = end - pos;
		}
		pos = end + 1;
		lines++;
	}
	return first == SIZE_MAX ? NULL : text_cut(text + first, first_len, CUT_LEDE);
}

static char *
join_authors(const json_t *v)
{
	struct strbuf sb = STRBUF_INIT;
	const json_t *e;
	size_t i;
	char *out;

	if (json_is_string(v))
		return json_string_length(v) ? text_cut(json_string_value(v), json_string_length(v), CUT_AUTHORS) : NULL;
	if (!json_is_array(v))
		return NULL;
	json_array_foreach(v, i, e) {
		const char *a = json_string_value(e);
		if (!a)
			a = json_string_value(json_object_get(e, "name"));
		if (!a || !*a)
			continue;
		if (sb.len > 0)
			strbuf_addstr(&sb, ", ");
		strbuf_addstr(&sb, a);
		if (sb.len > 4 * CUT_AUTHORS)
			break;
	}
	out = sb.len ? text_cut(sb.buf, sb.len, CUT_AUTHORS) : NULL;
	strbuf_release(&sb);
	return out;
}

static void
read_article(struct article *a, const json_t *rec, const char *id, const char *field, unsigned long seq)
{
	const json_t *url = json_object_get(rec, "url"), *text = json_object_get(rec, field);
	const char *date = json_string_value(json_object_get(rec, "published"));

	memset(a, 0, sizeof *a);
	a->id = xstrdup(id); /* already an ident */
	a->seq = seq;
	a->title = field_cut(rec, "title", CUT_TITLE);
	if (json_is_string(url) && text_url_ok(json_string_value(url), json_string_length(url)))
		a->url = xstrdup(json_string_value(url));
	a->outlet = field_cut(rec, "site", CUT_OUTLET);
	if (!a->outlet && a->url)
		a->outlet = text_url_host(a->url);
	if (!a->outlet && json_is_object(json_object_get(rec, "feed")))
		a->outlet = field_cut(json_object_get(rec, "feed"), "title", CUT_OUTLET);
	a->authors = join_authors(json_object_get(rec, "authors"));
	a->lede = field_cut(rec, "summary", CUT_LEDE);
	if (!a->lede && json_is_string(text))
		a->lede = first_paragraph(json_string_value(text), json_string_length(text));
	if (!date)
		date = json_string_value(json_object_get(rec, "updated"));
	when_parse(date, &a->when);
	a->dup = json_is_object(json_object_get(rec, "dup"));
}

static void
count_outlet(struct story *s, const char *outlet)
{
	uint64_t h;
	size_t i;

	if (!outlet)
		return;
	h = text_key(outlet);
	for (i = 0; i < s->noutlet; i++)
		if (s->outlets[i] == h)
			return;
	if (s->noutlet < OUTLETS_HELD)
		s->outlets[s->noutlet++] = h;
}

static void
note_time(struct story *s, const struct when *w, unsigned long seq)
{
	if (w->known && strcmp(w->utc, s->latest) > 0)
		memcpy(s->latest, w->utc, sizeof s->latest);
	if (s->narticles == 0 || seq < s->first_seq)
		s->first_seq = seq;
	if (seq > s->last_seq)
		s->last_seq = seq;
}

/* The key an article's story has: `story`, else `cluster`, else its own id. */
static char *
story_key(const json_t *rec, const char *id, bool *from_story_field)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len;
	const char *k;
	char *out;

	*from_story_field = true;
	k = text_of(json_object_get(rec, "story"), &sb, &len);
	if (!k || !len) {
		*from_story_field = false;
		k = text_of(json_object_get(rec, "cluster"), &sb, &len);
	}
	out = k && len ? text_ident(k, len) : xstrdup(id);
	strbuf_release(&sb);
	return out;
}

/* NULL when v is missing or an array of objects; else what is wrong with field name, in d->why. */
static const char *
check_objects(struct digest *d, const json_t *v, const char *name)
{
	const json_t *e;
	size_t i;

	if (!v)
		return NULL;
	if (!json_is_array(v)) {
		snprintf(d->why, sizeof d->why, "field '%s' is not an array", name);
		return d->why;
	}
	json_array_foreach(v, i, e) {
		if (!json_is_object(e)) {
			snprintf(d->why, sizeof d->why, "%s[%zu] is not an object", name, i);
			return d->why;
		}
	}
	return NULL;
}

const char *
digest_add_article(struct digest *d, const json_t *rec, const char *id, const char *field)
{
	const json_t *quotes = json_object_get(rec, "quotes"), *entities = json_object_get(rec, "entities");
	const char *bad = check_objects(d, quotes, "quotes");
	struct article a;
	struct story *s;
	uint32_t slot;
	size_t art = SIZE_MAX;
	bool from_story_field;
	char *key, *ident;

	if (!bad)
		bad = check_objects(d, entities, "entities");
	if (bad)
		return bad;
	ident = text_ident(id, strlen(id));
	id = ident;
	key = story_key(rec, id, &from_story_field);
	if (!find_story(d, key, &slot))
		slot = new_story(d, key, from_story_field);
	free(key);
	s = &d->stories[slot];
	d->articles++;
	d->seq++;
	read_article(&a, rec, id, field, d->seq);
	note_time(s, &a.when, d->seq);
	s->narticles++;
	count_outlet(s, a.outlet);
	if (s->nart < d->lim.articles) {
		if (!s->arts)
			s->arts = xcalloc(d->lim.articles, sizeof *s->arts);
		art = s->nart;
		s->arts[s->nart++] = a;
		idmap_put(&d->by_id, hash_str(id, SEED_ID), slot);
	} else {
		article_release(&a);
	}
	if (quotes)
		quotes_add(s, quotes, art, d->seq, 4 * d->lim.quotes);
	if (entities)
		names_add_entities(s, entities);
	free(ident);
	return NULL;
}

/* Bring from's articles, counts, quotes and names into into; from is dropped. */
static void
merge(struct digest *d, uint32_t into_slot, uint32_t from_slot)
{
	struct story *into = &d->stories[into_slot], *from = &d->stories[from_slot];
	size_t offset = into->nart, i;

	if (!into->arts && from->nart > 0)
		into->arts = xcalloc(d->lim.articles, sizeof *into->arts);
	for (i = 0; i < from->nart; i++) {
		if (into->nart < d->lim.articles) {
			into->arts[into->nart++] = from->arts[i];
			idmap_put(&d->by_id, hash_str(from->arts[i].id, SEED_ID), into_slot);
		} else {
			idmap_del(&d->by_id, hash_str(from->arts[i].id, SEED_ID));
			article_release(&from->arts[i]);
		}
	}
	from->nart = 0;
	into->narticles += from->narticles;
	if (strcmp(from->latest, into->latest) > 0)
		memcpy(into->latest, from->latest, sizeof into->latest);
	if (from->first_seq < into->first_seq)
		into->first_seq = from->first_seq;
	if (from->last_seq > into->last_seq)
		into->last_seq = from->last_seq;
	for (i = 0; i < from->noutlet; i++) {
		size_t k;
		for (k = 0; k < into->noutlet && into->outlets[k] != from->outlets[i]; k++)
			;
		if (k == into->noutlet && into->noutlet < OUTLETS_HELD)
			into->outlets[into->noutlet++] = from->outlets[i];
	}
	quotes_merge(into, from, offset, 4 * d->lim.quotes);
	names_merge(into, from);
	if (!into->summary && from->summary) {
		into->summary = from->summary;
		into->lead_id = from->lead_id;
		from->summary = from->lead_id = NULL;
	}
	drop_story(d, from_slot);
}

/* Give s the story record's summary and names (the first record's, when a group comes in chunks). */
static void
attach(struct story *s, const json_t *rec)
{
	const json_t *summary = json_object_get(rec, "summary"), *sents = json_object_get(rec, "summary_sentences");
	const json_t *lead = json_object_get(json_array_get(sents, 0), "id");
	struct strbuf sb = STRBUF_INIT;
	const char *id;
	size_t len;

	if (!s->summary && json_is_string(summary) && json_string_length(summary) > 0) {
		s->summary = text_cut(json_string_value(summary), json_string_length(summary), CUT_SUMMARY);
		if ((id = text_of(lead, &sb, &len)) != NULL)
			s->lead_id = text_ident(id, len);
	}
	names_add_story_record(s, rec);
	strbuf_release(&sb);
}

void
digest_add_story_record(struct digest *d, const json_t *rec)
{
	const json_t *ids = json_object_get(rec, "ids"), *idv;
	struct strbuf sb = STRBUF_INIT;
	char *key;
	const char *k;
	size_t len = 0, i;
	uint32_t slot, target = UINT32_MAX;

	d->story_records++;
	k = text_of(json_object_get(rec, "group"), &sb, &len);
	if (k) {
		key = text_ident(k, len);
	} else {
		/* A group of null or an object: its JSON is its key. */
		char *j = json_dumps(json_object_get(rec, "group"), JSON_COMPACT | JSON_ENCODE_ANY | JSON_SORT_KEYS);
		key = text_ident(j ? j : "null", j ? strlen(j) : 4);
		free(j);
	}
	if (find_story(d, key, &slot)) {
		attach(&d->stories[slot], rec);
		goto out;
	}
	/* No story has this key: gather the stories of the listed articles under it. */
	json_array_foreach(ids, i, idv) {
		const char *id = text_of(idv, &sb, &len);
		char *ident;
		uint32_t v;
		bool found;
		if (!id)
			continue;
		ident = text_ident(id, len);
		found = idmap_get(&d->by_id, hash_str(ident, SEED_ID), &v);
		free(ident);
		if (!found || !d->stories[v].live || d->stories[v].from_story_field || v == target)
			continue;
		if (target == UINT32_MAX) {
			target = v;
			continue;
		}
		/* Keep the story seen first as the one the others join. */
		if (d->stories[v].first_seq < d->stories[target].first_seq) {
			merge(d, v, target);
			target = v;
		} else {
			merge(d, target, v);
		}
	}
	if (target == UINT32_MAX) {
		d->orphan_records++;
		goto out;
	}
	idmap_del(&d->by_key, hash_str(d->stories[target].key, SEED_KEY));
	free(d->stories[target].key);
	d->stories[target].key = xstrdup(key);
	idmap_put(&d->by_key, hash_str(key, SEED_KEY), target);
	attach(&d->stories[target], rec);
out:
	free(key);
	strbuf_release(&sb);
}
