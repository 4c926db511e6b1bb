/* corpus.c - the articles and sentences of one summary; see summarize.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "recseg.h"
#include "summarize.h"
#include "utf8.h"
#include "xalloc.h"

void
corpus_init(struct corpus *c, const struct idf *idf)
{
	memset(c, 0, sizeof *c);
	c->idf = idf;
	c->vmask = 1023;
	c->vkeys = xcalloc(c->vmask + 1, sizeof *c->vkeys);
	c->vids = xcalloc(c->vmask + 1, sizeof *c->vids);
}

void
corpus_reset(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->narts; i++) {
		json_decref(c->arts[i].id);
		json_decref(c->arts[i].text);
		json_decref(c->arts[i].pub);
	}
	c->narts = c->nsents = c->ntw = c->nments = 0;
	if (c->nvocab) {
		memset(c->vkeys, 0, (c->vmask + 1) * sizeof *c->vkeys);
		c->nvocab = 0;
	}
	c->text_bytes = 0;
}

void
corpus_release(struct corpus *c)
{
	corpus_reset(c);
	free(c->arts);
	free(c->sents);
	free(c->tw);
	free(c->vkeys);
	free(c->vids);
	free(c->vidf);
	free(c->h);
	free(c->ments);
	spans_release(&c->spans);
	spans_release(&c->paras);
	memset(c, 0, sizeof *c);
}

static void
vocab_grow(struct corpus *c)
{
	size_t old = c->vmask + 1, size = old * 2, i;
	uint64_t *keys = c->vkeys;
	uint32_t *ids = c->vids;

	c->vkeys = xcalloc(size, sizeof *c->vkeys);
	c->vids = xcalloc(size, sizeof *c->vids);
	c->vmask = size - 1;
	for (i = 0; i < old; i++) {
		size_t j;
		if (!keys[i])
			continue;
		for (j = (size_t)keys[i] & c->vmask; c->vkeys[j]; j = (j + 1) & c->vmask)
			;
		c->vkeys[j] = keys[i];
		c->vids[j] = ids[i];
	}
	free(keys);
	free(ids);
}

/* The local id of a term hash, added to the vocabulary when new. */
static uint32_t
vocab_id(struct corpus *c, uint64_t key)
{
	size_t j;

	if (key == 0)
		key = 1;
	for (j = (size_t)key & c->vmask; c->vkeys[j]; j = (j + 1) & c->vmask)
		if (c->vkeys[j] == key)
			return c->vids[j];
	if (2 * (c->nvocab + 1) > c->vmask + 1) {
		vocab_grow(c);
		for (j = (size_t)key & c->vmask; c->vkeys[j]; j = (j + 1) & c->vmask)
			;
	}
	c->vkeys[j] = key;
	c->vids[j] = (uint32_t)c->nvocab;
	if (c->nvocab == c->capv) {
		c->capv = c->capv ? c->capv * 2 : 1024;
		c->vidf = xreallocarray(c->vidf, c->capv, sizeof *c->vidf);
	}
	c->vidf[c->nvocab] = idf_get(c->idf, key);
	return (uint32_t)c->nvocab++;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int
cmp_tw(const void *a, const void *b)
{
	uint32_t x = ((const struct term_weight *)a)->id, y = ((const struct term_weight *)b)->id;
	return x < y ? -1 : x > y;
}

/*
 * Append the tf x idf vector of s[0..len) to c->tw, sorted by local id;
 * set *start, *n and return the norm.
 */
static double
add_vector(struct corpus *c, const char *s, size_t len, size_t *start, size_t *n)
{
	size_t i, first = c->ntw;
	double norm = 0;

	/* Never NULL, even for texts without terms: c->tw + tstart must be a valid pointer. */
	if (!c->tw) {
		c->captw = 4096;
		c->tw = xreallocarray(NULL, c->captw, sizeof *c->tw);
	}
	c->nh = 0;
	terms_hashes(s, len, &c->h, &c->nh, &c->caph);
	if (c->nh > 1)
		qsort(c->h, c->nh, sizeof *c->h, cmp_u64);
	for (i = 0; i < c->nh;) {
		size_t j = i;
		while (j < c->nh && c->h[j] == c->h[i])
			j++;
		if (c->ntw == c->captw) {
			c->captw = c->captw ? c->captw * 2 : 4096;
			c->tw = xreallocarray(c->tw, c->captw, sizeof *c->tw);
		}
		c->tw[c->ntw].id = vocab_id(c, c->h[i]);
		c->tw[c->ntw].w = (float)(j - i) * c->vidf[c->tw[c->ntw].id];
		norm += (double)c->tw[c->ntw].w * c->tw[c->ntw].w;
		c->ntw++;
		i = j;
	}
	if (c->ntw - first > 1)
		qsort(c->tw + first, c->ntw - first, sizeof *c->tw, cmp_tw);
	*start = first;
	*n = c->ntw - first;
	return sqrt(norm);
}

/* Code-point spans to byte spans in one pass (spans ascending, as segment and spans_from_json give). */
static void
add_sentences(struct corpus *c, size_t art, const char *text, size_t len)
{
	size_t k, cp = 0, b = 0;
	int english = prose_english(text, len);

	for (k = 0; k < c->spans.n; k++) {
		struct sentence *st;
		size_t s = c->spans.v[k].start, e = c->spans.v[k].end;
		int caption;

		if (c->nsents == c->caps) {
			c->caps = c->caps ? c->caps * 2 : 256;
			c->sents = xreallocarray(c->sents, c->caps, sizeof *c->sents);
		}
		st = &c->sents[c->nsents];
		memset(st, 0, sizeof *st);
		if (s < cp) { /* not ascending: start again from the beginning */
			cp = 0;
			b = 0;
		}
		while (cp < s && b < len) {
			utf8_next(text, len, &b);
			cp++;
		}
		st->bstart = b;
		while (cp < e && b < len) {
			utf8_next(text, len, &b);
			cp++;
		}
		st->bend = b;
		st->art = art;
		st->start = s;
		st->end = e;
		st->nwords = words_count(text + st->bstart, st->bend - st->bstart);
		st->norm = add_vector(c, text + st->bstart, st->bend - st->bstart, &st->tstart, &st->tlen);
		st->rep = c->nsents;
		st->copies = 1;
		st->prose = prose_weight(text, st->bstart, st->bend, st->nwords, english, &caption);
		if (st->prose > 0 && st->tlen > 0)
			st->flags |= SENT_ELIGIBLE;
		if (caption)
			st->flags |= SENT_CAPTION;
		c->nsents++;
	}
}

/* Mark sentences that are mostly inside direct quotations (news-extract-quotes' `quotes`). */
static void
mark_quotes(struct corpus *c, const struct article *a, const json_t *quotes)
{
	size_t k, qi;
	json_t *q;

	if (!json_is_array(quotes))
		return;
	for (k = a->first; k < a->first + a->nsent; k++) {
		struct sentence *st = &c->sents[k];
		size_t covered = 0;
		json_array_foreach(quotes, qi, q) {
			json_t *t = json_object_get(q, "type"), *qs = json_object_get(q, "start"),
			       *qe = json_object_get(q, "end");
			json_int_t s, e;
			if (!json_is_integer(qs) || !json_is_integer(qe) || !json_is_string(t) ||
			    strcmp(json_string_value(t), "direct") != 0)
				continue;
			s = json_integer_value(qs);
			e = json_integer_value(qe);
			if (s < (json_int_t)st->start)
				s = (json_int_t)st->start;
			if (e > (json_int_t)st->end)
				e = (json_int_t)st->end;
			if (e > s)
				covered += (size_t)(e - s);
		}
		if (2 * covered > st->end - st->start)
			st->flags |= SENT_QUOTE;
	}
}

/*
 * Record the mentions of names (PER, ORG, LOC, MISC) by sentence, under
 * their canonical form, so "Altman" and "Sam Altman" are one entity.
 */
static void
add_mentions(struct corpus *c, const struct article *a, const json_t *ents)
{
	size_t k, lo = a->first;
	json_t *e;

	if (!json_is_array(ents))
		return;
	json_array_foreach(ents, k, e) {
		json_t *t = json_object_get(e, "type"), *st = json_object_get(e, "start");
		json_t *name = json_object_get(e, "canonical");
		const char *ty;
		size_t pos, i;
		if (!json_is_string(name))
			name = json_object_get(e, "text");
		if (!json_is_string(t) || !json_is_integer(st) || !json_is_string(name) || json_integer_value(st) < 0)
			continue;
		ty = json_string_value(t);
		if (strcmp(ty, "PER") != 0 && strcmp(ty, "ORG") != 0 && strcmp(ty, "LOC") != 0 && strcmp(ty, "MISC") != 0)
			continue;
		pos = (size_t)json_integer_value(st);
		/* Entities come in text order, so the sentence search moves forward (restarting if not). */
		if (lo < a->first + a->nsent && pos < c->sents[lo].start)
			lo = a->first;
		for (i = lo; i < a->first + a->nsent && c->sents[i].end <= pos; i++)
			;
		if (i == a->first + a->nsent || pos < c->sents[i].start)
			continue;
		lo = i;
		if (c->nments == c->capm) {
			c->capm = c->capm ? c->capm * 2 : 256;
			c->ments = xreallocarray(c->ments, c->capm, sizeof *c->ments);
		}
		c->ments[c->nments].sent = i;
		c->ments[c->nments].ent = vocab_id(c, hash64(json_string_value(name), json_string_length(name), 0x656e74));
		c->nments++;
	}
}

static int
same_id(const json_t *a, const json_t *b)
{
	return a && b && json_equal((json_t *)a, (json_t *)b);
}

void
corpus_add(struct corpus *c, struct stream *s, json_t *rec, const char *field, const char *text, size_t len)
{
	struct article *a;
	json_t *v;
	size_t k, ncp = utf8_cplen(text, len);

	if (c->narts == c->capa) {
		c->capa = c->capa ? c->capa * 2 : 16;
		c->arts = xreallocarray(c->arts, c->capa, sizeof *c->arts);
	}
	a = &c->arts[c->narts];
	memset(a, 0, sizeof *a);
	a->id = json_object_get(rec, "id");
	a->id = a->id ? json_incref(a->id) : json_null();
	a->text = json_incref(json_object_get(rec, field));
	v = json_object_get(rec, "published");
	if (json_is_string(v)) {
		a->pub = json_incref(v);
		a->published = json_string_value(v);
	}
	/* A record news-dedupe marked as a copy of one already here adds support, not sources. */
	v = json_object_get(rec, "dup");
	if (json_is_object(v)) {
		json_t *of = json_object_get(v, "of");
		for (k = 0; k < c->narts; k++)
			if (same_id(c->arts[k].id, of))
				a->skip = 1;
	}
	v = json_object_get(rec, "title");
	if (json_is_string(v))
		a->title_norm = add_vector(c, json_string_value(v), json_string_length(v), &a->title_start,
					   &a->title_len);
	recseg_get(s, rec, text, len, ncp, &c->paras, &c->spans);
	a->first = c->nsents;
	add_sentences(c, c->narts, text, len);
	a->nsent = c->nsents - a->first;
	mark_quotes(c, a, json_object_get(rec, "quotes"));
	add_mentions(c, a, json_object_get(rec, "entities"));
	/* An article with no prose sentence (a list, a one-liner) still has something to say. */
	for (k = a->first; k < c->nsents; k++)
		a->neligible += (c->sents[k].flags & SENT_ELIGIBLE) != 0;
	if (a->neligible == 0)
		for (k = a->first; k < c->nsents; k++)
			if (c->sents[k].nwords > 0) {
				c->sents[k].flags |= SENT_ELIGIBLE;
				a->neligible++;
			}
	/*
	 * Rank from the top of the story: what comes before its first sentence
	 * that does not read as a caption (prose_weight()) is the page's
	 * header, not the top of the story, and gets no rank.
	 */
	{
		size_t pos = 0;
		int story = 0;
		for (k = a->first; k < c->nsents; k++) {
			if (!(c->sents[k].flags & SENT_ELIGIBLE))
				continue;
			if (!story && !(c->sents[k].flags & SENT_CAPTION))
				story = 1;
			if (!story) {
				c->sents[k].flags |= SENT_HEADER;
				continue;
			}
			if (pos == 0)
				c->sents[k].flags |= SENT_LEAD;
			c->sents[k].pos = pos++;
		}
		/* No plain sentence at all: rank everything from the top. */
		for (k = a->first; !story && k < c->nsents; k++) {
			if (!(c->sents[k].flags & SENT_ELIGIBLE))
				continue;
			c->sents[k].flags &= ~(unsigned)SENT_HEADER;
			if (pos == 0)
				c->sents[k].flags |= SENT_LEAD;
			c->sents[k].pos = pos++;
		}
	}
	c->text_bytes += len;
	c->narts++;
}

/* Cosine of two sentence vectors (sorted by id). */
double
sent_cosine(const struct corpus *c, const struct sentence *x, const struct sentence *y)
{
	const struct term_weight *p = c->tw + x->tstart, *pe = p + x->tlen;
	const struct term_weight *q = c->tw + y->tstart, *qe = q + y->tlen;
	double dot = 0;

	if (x->norm <= 0 || y->norm <= 0)
		return 0;
	while (p < pe && q < qe) {
		if (p->id < q->id)
			p++;
		else if (p->id > q->id)
			q++;
		else
			dot += (double)(p++)->w * (q++)->w;
	}
	return dot / (x->norm * y->norm);
}

/* The local ids of the two heaviest terms of s (UINT32_MAX when it has fewer). */
static void
top_terms(const struct corpus *c, const struct sentence *s, uint32_t top[2])
{
	const struct term_weight *p = c->tw + s->tstart, *pe = p + s->tlen;
	float w0 = -1, w1 = -1;

	top[0] = top[1] = UINT32_MAX;
	for (; p < pe; p++) {
		if (p->w > w0) {
			w1 = w0;
			top[1] = top[0];
			w0 = p->w;
			top[0] = p->id;
		} else if (p->w > w1) {
			w1 = p->w;
			top[1] = p->id;
		}
	}
}

/*
 * Near-duplicates share most of their weight, so they share their
 * heaviest terms: each representative is filed under its two heaviest
 * terms, and a sentence is compared only with the representatives filed
 * under its own two, the most recent MAX_PROBES of each.  This keeps
 * linking linear in the number of sentences instead of quadratic, even
 * when one term heads thousands of sentences.
 */
#define MAX_PROBES 256

void
corpus_link_duplicates(struct corpus *c, double threshold)
{
	size_t nv = c->nvocab ? c->nvocab : 1, j, none = (size_t)-1;
	size_t *head = xmalloc(nv * sizeof *head);
	size_t *next = xmalloc(2 * (c->nsents ? c->nsents : 1) * sizeof *next);
	size_t *seen = xmalloc((c->nsents ? c->nsents : 1) * sizeof *seen);

	for (j = 0; j < nv; j++)
		head[j] = none;
	for (j = 0; j < c->nsents; j++)
		seen[j] = none;
	for (j = 0; j < c->nsents; j++) {
		struct sentence *sj = &c->sents[j];
		uint32_t top[2];
		int t, linked = 0;

		if (!(sj->flags & SENT_ELIGIBLE) || sj->tlen == 0)
			continue;
		top_terms(c, sj, top);
		for (t = 0; t < 2 && !linked && top[t] != UINT32_MAX; t++) {
			size_t e, looked = 0;
			for (e = head[top[t]]; e != none && looked++ < MAX_PROBES; e = next[e]) {
				size_t i = e / 2;
				struct sentence *si = &c->sents[i];
				if (seen[i] == j)
					continue;
				seen[i] = j;
				if (si->art == sj->art || 2 * si->nwords < sj->nwords || 2 * sj->nwords < si->nwords)
					continue;
				if (sent_cosine(c, si, sj) >= threshold) {
					sj->rep = i;
					si->copies++;
					linked = 1;
					break;
				}
			}
		}
		if (linked)
			continue;
		/* A representative: file it under its terms (entries 2j and 2j+1). */
		for (t = 0; t < 2; t++) {
			if (top[t] == UINT32_MAX)
				continue;
			next[2 * j + (size_t)t] = head[top[t]];
			head[top[t]] = 2 * j + (size_t)t;
		}
	}
	free(head);
	free(next);
	free(seen);
}
