/*
 * groups.c - the open groups of a --group-by run, wherever their members
 * are in the stream; see summarize.h.
 *
 * A group holds its records until it closes: when no record has joined
 * it for --window (by the records' `published`), when it is full
 * (--max-group records or MAX_GROUP_BYTES of text: its story record is
 * written and a new chunk begins), when more than --max-open groups or
 * MAX_HELD_BYTES of text are held (the group least recently added to
 * closes first), or at the end of the input (in the order the groups
 * opened).  With --sorted, the input is grouped by key already (sort, a
 * map-reduce shuffle) and a group closes when the key changes, so one
 * group is held at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "summarize.h"
#include "xalloc.h"

/* All groups together hold at most this much text; then the least recently added to closes. */
#define MAX_HELD_BYTES ((size_t)512 << 20)

void
groups_init(struct groups *gs, const struct group_params *p, void (*close)(void *ctx, struct group *g), void *ctx)
{
	memset(gs, 0, sizeof *gs);
	gs->p = *p;
	gs->close = close;
	gs->ctx = ctx;
	gs->nbuckets = 64;
	gs->buckets = xcalloc(gs->nbuckets, sizeof *gs->buckets);
}

static size_t
bucket_of(const struct groups *gs, const char *keystr)
{
	return (size_t)hash64(keystr, strlen(keystr), 0) & (gs->nbuckets - 1);
}

static void
unlink_group(struct groups *gs, struct group *g)
{
	struct group **pp;

	for (pp = &gs->buckets[bucket_of(gs, g->keystr)]; *pp != g; pp = &(*pp)->hnext)
		;
	*pp = g->hnext;
	if (g->prev)
		g->prev->next = g->next;
	else
		gs->head = g->next;
	if (g->next)
		g->next->prev = g->prev;
	else
		gs->tail = g->prev;
	gs->nopen--;
	gs->held -= g->bytes;
}

static void
free_group(struct group *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		json_decref(g->recs[i]);
	free(g->recs);
	json_decref(g->key);
	free(g->keystr);
	free(g);
}

/* Write g's story record and forget it. */
static void
close_group(struct groups *gs, struct group *g)
{
	unlink_group(gs, g);
	gs->close(gs->ctx, g);
	free_group(g);
}

static void
append_tail(struct groups *gs, struct group *g)
{
	g->prev = gs->tail;
	g->next = NULL;
	if (gs->tail)
		gs->tail->next = g;
	else
		gs->head = g;
	gs->tail = g;
}

static struct group *
open_group(struct groups *gs, json_t *key, char *keystr)
{
	struct group *g = xcalloc(1, sizeof *g);
	size_t b;

	if (gs->nopen + 1 > gs->nbuckets) {
		size_t old = gs->nbuckets, i;
		struct group **buckets = gs->buckets;
		gs->nbuckets *= 2;
		gs->buckets = xcalloc(gs->nbuckets, sizeof *gs->buckets);
		for (i = 0; i < old; i++)
			while (buckets[i]) {
				struct group *x = buckets[i];
				buckets[i] = x->hnext;
				b = bucket_of(gs, x->keystr);
				x->hnext = gs->buckets[b];
				gs->buckets[b] = x;
			}
		free(buckets);
	}
	g->key = json_incref(key);
	g->keystr = keystr;
	g->order = gs->opened++;
	g->last = GROUP_UNDATED;
	b = bucket_of(gs, keystr);
	g->hnext = gs->buckets[b];
	gs->buckets[b] = g;
	append_tail(gs, g);
	gs->nopen++;
	return g;
}

void
groups_add(struct groups *gs, json_t *key, json_t *rec, size_t bytes, int64_t t)
{
	char *keystr = json_dumps(key, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
	struct group *g;

	if (!keystr)
		keystr = xstrdup("null");
	/* Grouped input: a new key ends the group before it. */
	if (gs->p.sorted && gs->tail && strcmp(gs->tail->keystr, keystr) != 0)
		close_group(gs, gs->tail);
	for (g = gs->buckets[bucket_of(gs, keystr)]; g && strcmp(g->keystr, keystr) != 0; g = g->hnext)
		;
	/* A full group is written, and a new chunk of the same key begins. */
	if (g && (g->n >= gs->p.max_group || g->bytes + bytes > MAX_GROUP_BYTES)) {
		close_group(gs, g);
		g = NULL;
	}
	if (!g) {
		g = open_group(gs, key, keystr);
	} else {
		free(keystr);
		/* The most recently added to goes last. */
		if (g != gs->tail) {
			if (g->prev)
				g->prev->next = g->next;
			else
				gs->head = g->next;
			g->next->prev = g->prev;
			append_tail(gs, g);
		}
	}
	ARRAY_GROW(g->recs, g->n + 1, g->cap);
	g->recs[g->n++] = json_incref(rec);
	g->bytes += bytes;
	gs->held += bytes;
	if (t != GROUP_UNDATED && (g->last == GROUP_UNDATED || t > g->last))
		g->last = t;
	while (gs->head && gs->head != g && (gs->nopen > gs->p.max_open || gs->held > MAX_HELD_BYTES))
		close_group(gs, gs->head);
}

void
groups_expire(struct groups *gs, int64_t now)
{
	if (gs->p.window <= 0)
		return;
	while (gs->head && gs->head->last != GROUP_UNDATED && gs->head->last < now - gs->p.window)
		close_group(gs, gs->head);
}

void
groups_settle(struct groups *gs, int64_t t)
{
	struct group *g;

	for (g = gs->head; g; g = g->next)
		if (g->last == GROUP_UNDATED)
			g->last = t;
}

static int
cmp_order(const void *a, const void *b)
{
	uint64_t x = (*(struct group *const *)a)->order, y = (*(struct group *const *)b)->order;

	return x < y ? -1 : x > y;
}

void
groups_close_all(struct groups *gs)
{
	struct group **v = xreallocarray(NULL, gs->nopen ? gs->nopen : 1, sizeof *v), *g;
	size_t n = 0, i;

	for (g = gs->head; g; g = g->next)
		v[n++] = g;
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_order);
	for (i = 0; i < n; i++)
		close_group(gs, v[i]);
	free(v);
}

void
groups_release(struct groups *gs)
{
	while (gs->head) {
		struct group *g = gs->head;
		unlink_group(gs, g);
		free_group(g);
	}
	free(gs->buckets);
	memset(gs, 0, sizeof *gs);
}
