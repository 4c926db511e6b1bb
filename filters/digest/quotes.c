/*
 * quotes.c - who said what in a story.
 *
 * A story keeps 4 x --quotes distinct quotes, the first ones or, once it is
 * full, the ones worth most (direct speech with a speaker first); the same
 * words carried by several articles (wire copy, quotes repeated across
 * outlets) are one quote with a count of sources, matched by their letters
 * and digits lower-cased.  For the page they are grouped by speaker, the
 * most quoted speakers first and the quotes with no speaker last; the
 * first max/2 speakers get one quote each, so that the page gives many
 * voices, and the rest go to the most quoted, a few each.
 */
#include "digest.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* A quote cut from "..., he said" keeps its comma: not part of what was said. */
static void
trim_trailing(char *t)
{
	size_t n = strlen(t);

	while (n > 0 && strchr(" ,;:", t[n - 1]))
		t[--n] = '\0';
}

static enum quote_kind
kind_of(const json_t *q)
{
	const char *t = json_string_value(json_object_get(q, "type"));

	if (t && strcmp(t, "indirect") == 0)
		return QUOTE_INDIRECT;
	if (t && strcmp(t, "partial") == 0)
		return QUOTE_PARTIAL;
	return QUOTE_DIRECT;
}

static struct quote *
same_words(struct story *s, uint64_t key)
{
	size_t i;

	for (i = 0; i < s->nquote; i++)
		if (s->quotes[i].key == key)
			return &s->quotes[i];
	return NULL;
}

/* What a quote is worth on the page: direct speech over partial over reported, a speaker over none. */
static int
worth(const struct quote *q)
{
	return (2 - (int)q->kind) * 2 + (q->speaker != NULL);
}

/* Whether a ranks below b: less worth, then fewer sources, then later. */
static bool
below(const struct quote *a, const struct quote *b)
{
	if (worth(a) != worth(b))
		return worth(a) < worth(b);
	if (a->sources != b->sources)
		return a->sources < b->sources;
	return a->seq > b->seq;
}

static void
quote_free(struct quote *q)
{
	free(q->speaker);
	free(q->text);
	free(q->cue);
}

/*
 * Add q (owned; its strings pass to the story or are freed).  A story full
 * of quotes lets its least worth go for a better one, so that direct
 * speech late in a long story still finds a place.
 */
static void
keep_quote(struct story *s, struct quote *q, size_t keep)
{
	struct quote *have = same_words(s, q->key);
	size_t i, worst = 0;

	if (have) {
		if (have->last_seq != q->seq) {
			have->sources += q->sources;
			have->last_seq = q->last_seq;
		}
		if (!have->speaker && q->speaker) {
			have->speaker = q->speaker;
			q->speaker = NULL;
		}
	} else if (s->nquote < keep) {
		ARRAY_GROW(s->quotes, s->nquote + 1, s->quote_cap);
		s->quotes[s->nquote++] = *q;
		return;
	} else {
		s->quotes_dropped++;
		for (i = 1; i < s->nquote; i++)
			if (below(&s->quotes[i], &s->quotes[worst]))
				worst = i;
		if (s->nquote > 0 && below(&s->quotes[worst], q)) {
			quote_free(&s->quotes[worst]);
			s->quotes[worst] = *q;
			return;
		}
	}
	quote_free(q);
}

void
quotes_add(struct story *s, const json_t *quotes, size_t article, unsigned long seq, size_t keep)
{
	const json_t *q;
	size_t i;

	json_array_foreach(quotes, i, q) {
		const json_t *text = json_object_get(q, "text"), *speaker = json_object_get(q, "speaker");
		const json_t *cue = json_object_get(q, "cue");
		struct quote nq;
		if (!json_is_string(text))
			continue;
		memset(&nq, 0, sizeof nq);
		nq.text = text_cut(json_string_value(text), json_string_length(text), CUT_QUOTE);
		trim_trailing(nq.text);
		if (!*nq.text) {
			free(nq.text);
			continue;
		}
		if (json_is_string(speaker) && json_string_length(speaker) > 0)
			nq.speaker = text_cut(json_string_value(speaker), json_string_length(speaker), CUT_NAME);
		if (json_is_string(cue) && json_string_length(cue) > 0)
			nq.cue = text_cut(json_string_value(cue), json_string_length(cue), 40);
		nq.kind = kind_of(q);
		nq.key = text_key(nq.text);
		nq.sources = 1;
		nq.article = article;
		nq.seq = nq.last_seq = seq;
		keep_quote(s, &nq, keep);
	}
}

void
quotes_merge(struct story *into, struct story *from, size_t art_offset, size_t keep)
{
	size_t i;

	for (i = 0; i < from->nquote; i++) {
		struct quote q = from->quotes[i];
		q.article = q.article != SIZE_MAX && q.article + art_offset < into->nart ? q.article + art_offset : SIZE_MAX;
		keep_quote(into, &q, keep);
	}
	into->quotes_dropped += from->quotes_dropped;
	free(from->quotes);
	from->quotes = NULL;
	from->nquote = from->quote_cap = 0;
}

/* Direct speech first, then partial, then reported; then the most carried; then the first. */
static int
cmp_quotes(const void *pa, const void *pb)
{
	const struct quote *a = *(const struct quote *const *)pa, *b = *(const struct quote *const *)pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->sources != b->sources)
		return a->sources > b->sources ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a < b ? -1 : a > b; /* the order kept in the story */
}

static int
cmp_speakers(const void *pa, const void *pb)
{
	const struct speaker *a = pa, *b = pb;

	if (!a->name != !b->name)
		return a->name ? -1 : 1;
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return a->name && b->name ? strcmp(a->name, b->name) : 0;
}

struct speaker *
quotes_by_speaker(const struct story *s, size_t max, size_t per_speaker, size_t *n)
{
	struct speaker *sp = xcalloc(s->nquote + 1, sizeof *sp);
	size_t nsp = 0, i, k, shown = 0, out = 0;

	for (i = 0; i < s->nquote; i++) {
		const struct quote *q = &s->quotes[i];
		for (k = 0; k < nsp; k++)
			if ((!sp[k].name && !q->speaker) || (sp[k].name && q->speaker && strcmp(sp[k].name, q->speaker) == 0))
				break;
		if (k == nsp) {
			sp[nsp].name = q->speaker;
			sp[nsp].q = xcalloc(s->nquote, sizeof *sp[nsp].q);
			sp[nsp].first = q->seq;
			nsp++;
		}
		if (q->seq < sp[k].first)
			sp[k].first = q->seq;
		sp[k].q[sp[k].total++] = q;
	}
	for (k = 0; k < nsp; k++)
		qsort(sp[k].q, sp[k].total, sizeof *sp[k].q, cmp_quotes);
	qsort(sp, nsp, sizeof *sp, cmp_speakers);
	/* One quote each for the first max/2 speakers (many voices), then more for the most quoted. */
	for (k = 0; k < nsp && k < (max + 1) / 2 && shown < max; k++) {
		sp[k].n = 1;
		shown++;
	}
	for (k = 0; k < nsp && shown < max; k++)
		while (sp[k].n > 0 && sp[k].n < per_speaker && sp[k].n < sp[k].total && shown < max) {
			sp[k].n++;
			shown++;
		}
	for (k = 0; k < nsp; k++) {
		if (sp[k].n > 0)
			sp[out++] = sp[k];
		else
			free(sp[k].q);
	}
	*n = out;
	return sp;
}

void
speakers_free(struct speaker *sp, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(sp[k].q);
	free(sp);
}
