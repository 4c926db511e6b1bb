/* features.c - an article as a sparse TF-IDF vector; see cluster.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "hash.h"
#include "terms.h"
#include "xalloc.h"

/* Names hash apart from terms: "Baker" the name is not "baker" the word. */
#define NAME_SEED 0x6e616d65ULL

/*
 * The IDF of the terms met most often, kept near: the table is larger
 * than the processor's caches, and the few thousand commonest words make
 * most of any text (a power of two).
 */
#define IDF_CACHE 8192

/* A name longer than this is not a name (a tagger's runaway span); it is left out. */
#define MAX_NAME 128

void
vec_release(struct vec *x)
{
	free(x->v);
	memset(x, 0, sizeof *x);
}

static void
counter_alloc(struct featurizer *fz, size_t size)
{
	fz->mask = size - 1;
	fz->slots = xcalloc(size, sizeof *fz->slots);
}

void
featurizer_init(struct featurizer *fz, const struct idf *idf)
{
	memset(fz, 0, sizeof *fz);
	fz->idf = idf;
	counter_alloc(fz, 1024);
	fz->cache = xcalloc(IDF_CACHE, sizeof *fz->cache);
}

void
featurizer_release(struct featurizer *fz)
{
	free(fz->h);
	free(fz->slots);
	free(fz->touched);
	free(fz->cache);
	memset(fz, 0, sizeof *fz);
}

static void
counter_grow(struct featurizer *fz)
{
	size_t old = fz->mask + 1, k, n = fz->ntouched;
	struct term_count *old_slots = fz->slots;

	counter_alloc(fz, old * 2);
	fz->ntouched = 0;
	for (k = 0; k < n; k++) {
		size_t i = fz->touched[k], j;
		for (j = (size_t)old_slots[i].key & fz->mask; fz->slots[j].key; j = (j + 1) & fz->mask)
			;
		fz->slots[j] = old_slots[i];
		fz->touched[fz->ntouched++] = j;
	}
	free(old_slots);
}

static float
term_idf(struct featurizer *fz, uint64_t key)
{
	struct idf_slot *c = &fz->cache[(key >> 32) & (IDF_CACHE - 1)];

	if (c->key != key) {
		c->key = key;
		c->val = idf_get(fz->idf, key);
	}
	return c->val;
}

/* Count key once more (by n); idf is its weight when it is new (a negative idf: look it up). */
static void
count(struct featurizer *fz, uint64_t key, float n, float idf)
{
	size_t j;

	if (key == 0)
		key = 1;
	for (j = (size_t)key & fz->mask; fz->slots[j].key; j = (j + 1) & fz->mask)
		if (fz->slots[j].key == key) {
			fz->slots[j].count += n;
			return;
		}
	if (2 * (fz->ntouched + 1) > fz->mask + 1) {
		counter_grow(fz);
		for (j = (size_t)key & fz->mask; fz->slots[j].key; j = (j + 1) & fz->mask)
			;
	}
	fz->slots[j].key = key;
	fz->slots[j].count = n;
	fz->slots[j].idf = idf >= 0 ? idf : term_idf(fz, key);
	ARRAY_GROW(fz->touched, fz->ntouched + 1, fz->captouched);
	fz->touched[fz->ntouched++] = j;
}

static void
count_terms(struct featurizer *fz, const char *s, size_t len, float n)
{
	size_t i;

	fz->nh = 0;
	terms_hashes(s, len, &fz->h, &fz->nh, &fz->caph);
	for (i = 0; i < fz->nh; i++)
		count(fz, fz->h[i], n, -1);
}

/*
 * A name weighs what its rarest term weighs: "Dilson Funaro" as much as
 * "funaro", "New York" as little as "york".  A name with no content term
 * ("U.S.", whose letters are single) gets no weight and is left out.
 */
static float
name_idf(struct featurizer *fz, const char *s, size_t len)
{
	float best = 0;
	size_t i;

	fz->nh = 0;
	terms_hashes(s, len, &fz->h, &fz->nh, &fz->caph);
	for (i = 0; i < fz->nh; i++) {
		float x = idf_get(fz->idf, fz->h[i]);
		if (x > best)
			best = x;
	}
	return best;
}

/* The key of a canonical name: ASCII case and runs of spaces folded. */
static uint64_t
name_key(const char *s, size_t len)
{
	char buf[MAX_NAME];
	size_t i, n = 0;
	int space = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			buf[n++] = ' ';
		space = 0;
		buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return hash64(buf, n, NAME_SEED);
}

static void
count_names(struct featurizer *fz, const json_t *ents)
{
	size_t k;
	json_t *e;

	if (!json_is_array(ents))
		return;
	json_array_foreach(ents, k, e) {
		const json_t *type = json_object_get(e, "type"), *name = json_object_get(e, "canonical");
		const char *ty;
		size_t len;
		float w;

		if (!json_is_string(name))
			name = json_object_get(e, "text");
		if (!json_is_string(type) || !json_is_string(name))
			continue;
		ty = json_string_value(type);
		if (strcmp(ty, "PER") != 0 && strcmp(ty, "ORG") != 0 && strcmp(ty, "LOC") != 0 &&
		    strcmp(ty, "MISC") != 0)
			continue;
		len = json_string_length(name);
		if (len == 0 || len > MAX_NAME / 2)
			continue;
		w = name_idf(fz, json_string_value(name), len);
		if (w > 0)
			count(fz, name_key(json_string_value(name), len), 1, w);
	}
}

void
features_of(struct featurizer *fz, const json_t *rec, const char *text, size_t len, struct vec *out)
{
	const json_t *title = json_object_get(rec, "title");
	double norm = 0;
	size_t k;

	if (json_is_string(title))
		count_terms(fz, json_string_value(title), json_string_length(title), 2);
	count_terms(fz, text, len, 1);
	count_names(fz, json_object_get(rec, "entities"));
	out->n = 0;
	ARRAY_GROW(out->v, fz->ntouched, out->cap);
	for (k = 0; k < fz->ntouched; k++) {
		size_t j = fz->touched[k];
		float w = (float)((1 + log(fz->slots[j].count)) * fz->slots[j].idf);
		if (w > 0) {
			out->v[out->n].key = fz->slots[j].key;
			out->v[out->n].w = w;
			out->n++;
			norm += (double)w * w;
		}
		fz->slots[j].key = 0;
	}
	fz->ntouched = 0;
	norm = sqrt(norm);
	for (k = 0; k < out->n; k++)
		out->v[k].w = (float)(out->v[k].w / norm);
}
