/*
 * stories.c - the active stories, their centroids and the inverted index;
 * see cluster.h.
 *
 * Single-pass clustering (TDT's on-line detection; Yang, Pierce and
 * Carbonell 1998; Miranda et al. 2018): each article is compared with
 * the centroids of the stories active in the time window and joins the
 * most similar one when the similarity reaches the threshold, else
 * begins a story.  A centroid is the sum of its articles' unit vectors,
 * cut to its CENTROID_MAX heaviest features, so a story costs the same
 * memory however many articles it has.
 *
 * Cost per article does not grow with the number of stories: a story is
 * filed in the inverted index under its INDEX_TERMS heaviest features,
 * each list keeps the POSTINGS_MAX stories updated last, and an article
 * looks up its QUERY_TERMS heaviest features only.  The partial dot
 * products gathered there rank the candidates; the CANDIDATES best are
 * compared in full.  A story whose features all lie outside the
 * article's heaviest is not found: it would not have been similar.
 *
 * Stories are kept in a binary heap by the time they were last updated
 * (then by update order), so that closing the stories of a window that
 * has passed and making room at --max-stories both take the oldest.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "xalloc.h"

#define CENTROID_MAX 128
#define INDEX_TERMS 20
#define QUERY_TERMS 16
#define POSTINGS_MAX 128
#define CANDIDATES 8

struct posting {
	uint32_t story;
	float w; /* the story's centroid weight of the key, over the centroid's norm */
};

struct plist {
	uint64_t key; /* 0 = empty slot */
	uint32_t n, cap;
	struct posting *v;
};

struct story {
	char *id;
	size_t idlen;
	int64_t first, last;
	uint64_t seq;            /* when it was last updated, in updates */
	uint32_t size;
	uint32_t heap;           /* its place in the heap */
	struct feature *f;       /* centroid: sum of unit article vectors (distinct keys, any order) */
	uint32_t nf, capf;
	double norm;
	uint64_t top[INDEX_TERMS]; /* the keys it is filed under (its heaviest) */
	float topw[INDEX_TERMS];   /* and their weights over the norm */
	uint32_t ntop;
	bool active;
};

struct stories {
	struct stories_params p;
	struct story *s;
	uint32_t nslots, capslots;
	uint32_t *freelist;
	uint32_t nfree, capfree;
	uint32_t *heap;           /* slots, oldest (last, seq) first */
	uint32_t nheap, capheap;
	uint64_t seq;
	struct plist *tab;        /* key -> posting list, open addressing */
	size_t mask, used;
	/* Scratch of one match. */
	float *acc;
	uint32_t *touched;
	uint32_t ntouched, captouched;
	struct feature *tmp;
	size_t captmp;
	float *wtmp;
	size_t capwtmp;
	uint64_t *akeys;          /* the article being matched, by key: open addressing */
	float *aw;
	size_t amask;
	size_t *aslots;           /* the slots taken, to clear */
	size_t naslots, capaslots;
	struct stories_stats st;
};

/* --- the heap ------------------------------------------------------------- */

static int64_t
heap_time(const struct story *x)
{
	return x->last == TIME_PENDING ? INT64_MAX : x->last;
}

static bool
older(const struct stories *st, uint32_t a, uint32_t b)
{
	const struct story *x = &st->s[a], *y = &st->s[b];
	int64_t tx = heap_time(x), ty = heap_time(y);

	return tx < ty || (tx == ty && x->seq < y->seq);
}

static void
heap_set(struct stories *st, uint32_t i, uint32_t slot)
{
	st->heap[i] = slot;
	st->s[slot].heap = i;
}

static void
heap_up(struct stories *st, uint32_t i)
{
	uint32_t slot = st->heap[i];

	while (i > 0) {
		uint32_t parent = (i - 1) / 2;
		if (!older(st, slot, st->heap[parent]))
			break;
		heap_set(st, i, st->heap[parent]);
		i = parent;
	}
	heap_set(st, i, slot);
}

static void
heap_down(struct stories *st, uint32_t i)
{
	uint32_t slot = st->heap[i];

	for (;;) {
		uint32_t c = 2 * i + 1;
		if (c >= st->nheap)
			break;
		if (c + 1 < st->nheap && older(st, st->heap[c + 1], st->heap[c]))
			c++;
		if (!older(st, st->heap[c], slot))
			break;
		heap_set(st, i, st->heap[c]);
		i = c;
	}
	heap_set(st, i, slot);
}

static void
heap_push(struct stories *st, uint32_t slot)
{
	ARRAY_GROW(st->heap, st->nheap + 1, st->capheap);
	heap_set(st, st->nheap++, slot);
	heap_up(st, st->nheap - 1);
}

static void
heap_remove(struct stories *st, uint32_t slot)
{
	uint32_t i = st->s[slot].heap, last = st->heap[--st->nheap];

	if (i == st->nheap)
		return;
	heap_set(st, i, last);
	heap_down(st, i);
	heap_up(st, st->s[last].heap);
}

/* --- the inverted index ----------------------------------------------------- */

static struct plist *
plist_find(struct stories *st, uint64_t key, bool create)
{
	size_t j;

	for (j = (size_t)key & st->mask; st->tab[j].key; j = (j + 1) & st->mask)
		if (st->tab[j].key == key)
			return &st->tab[j];
	if (!create)
		return NULL;
	if (2 * (st->used + 1) > st->mask + 1) {
		size_t old = st->mask + 1, i;
		struct plist *tab = st->tab;
		st->mask = old * 2 - 1;
		st->tab = xcalloc(old * 2, sizeof *st->tab);
		for (i = 0; i < old; i++) {
			if (!tab[i].key)
				continue;
			for (j = (size_t)tab[i].key & st->mask; st->tab[j].key; j = (j + 1) & st->mask)
				;
			st->tab[j] = tab[i];
		}
		free(tab);
		for (j = (size_t)key & st->mask; st->tab[j].key; j = (j + 1) & st->mask)
			;
	}
	st->tab[j].key = key;
	st->used++;
	return &st->tab[j];
}

/* Delete an empty list (backward-shift deletion keeps every probe sequence whole). */
static void
plist_delete(struct stories *st, struct plist *pl)
{
	size_t i = (size_t)(pl - st->tab), j = i;

	free(pl->v);
	memset(pl, 0, sizeof *pl);
	st->used--;
	for (;;) {
		size_t home;
		j = (j + 1) & st->mask;
		if (!st->tab[j].key)
			break;
		home = (size_t)st->tab[j].key & st->mask;
		/* Move j back to i unless its home lies cyclically in (i, j]. */
		if ((i <= j) ? (home > i && home <= j) : (home > i || home <= j))
			continue;
		st->tab[i] = st->tab[j];
		memset(&st->tab[j], 0, sizeof st->tab[j]);
		i = j;
	}
}

/* The entry of story slot in list pl, or pl->n. */
static uint32_t
posting_find(const struct plist *pl, uint32_t slot)
{
	uint32_t i;

	for (i = 0; i < pl->n && pl->v[i].story != slot; i++)
		;
	return i;
}

static void
posting_drop(struct stories *st, struct plist *pl, uint32_t i)
{
	pl->v[i] = pl->v[--pl->n]; /* order does not matter: a full list drops by age */
	if (pl->n == 0)
		plist_delete(st, pl);
}

/* Take story slot out of the lists of keys[0..n) (a key it may have lost to a full list). */
static void
unfile_keys(struct stories *st, uint32_t slot, const uint64_t *keys, uint32_t n)
{
	uint32_t k;

	for (k = 0; k < n; k++) {
		struct plist *pl = plist_find(st, keys[k], false);
		uint32_t i;
		if (pl && (i = posting_find(pl, slot)) < pl->n)
			posting_drop(st, pl, i);
	}
}

static void
unfile(struct stories *st, uint32_t slot)
{
	unfile_keys(st, slot, st->s[slot].top, st->s[slot].ntop);
	st->s[slot].ntop = 0;
}

/*
 * File the story under its heaviest features (x->top), updating the
 * entries it has and adding the others; a full list gives up the entry
 * of its least recently updated story.
 */
static void
file(struct stories *st, uint32_t slot)
{
	struct story *x = &st->s[slot];
	uint32_t k;

	for (k = 0; k < x->ntop; k++) {
		struct plist *pl = plist_find(st, x->top[k], true);
		uint32_t i = posting_find(pl, slot);
		if (i == pl->n && pl->n == POSTINGS_MAX) {
			uint32_t j, old = 0;
			for (j = 1; j < pl->n; j++)
				if (st->s[pl->v[j].story].seq < st->s[pl->v[old].story].seq)
					old = j;
			i = old;
		} else if (i == pl->n) {
			ARRAY_GROW(pl->v, pl->n + 1, pl->cap);
			pl->n++;
		}
		pl->v[i].story = slot;
		pl->v[i].w = x->topw[k];
	}
}

/* --- centroids ---------------------------------------------------------------- */

static void
swapf(float *a, float *b)
{
	float t = *a;

	*a = *b;
	*b = t;
}

/* The k-th largest of v[0..n) (0-based; v is reordered): selection by three-way partition. */
static float
kth_largest(float *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		float pivot = v[lo + (hi - lo) / 2];
		size_t lt = lo, i = lo, gt = hi;
		while (i < gt) {
			if (v[i] > pivot)
				swapf(&v[lt++], &v[i++]);
			else if (v[i] < pivot)
				swapf(&v[i], &v[--gt]);
			else
				i++;
		}
		/* [lo, lt) above the pivot, [lt, gt) equal to it, [gt, hi) below. */
		if (k < lt)
			hi = lt;
		else if (k >= gt)
			lo = gt;
		else
			return pivot;
	}
	return v[lo];
}

/* Is feature a heavier than b (weight, then key: a fixed order whatever the input order)? */
static bool
heavier(const struct feature *a, const struct feature *b)
{
	return a->w > b->w || (a->w == b->w && a->key < b->key);
}

/*
 * Make f[0..n) (distinct keys; scratch) the centroid of story x: keep
 * the CENTROID_MAX heaviest, in their order, note the INDEX_TERMS
 * heaviest and their weights over the norm for the index, and the norm.
 */
static void
centroid_set(struct stories *st, struct story *x, struct feature *f, size_t n)
{
	struct feature top[INDEX_TERMS];
	double norm = 0;
	size_t k, ntop = 0;

	if (n > CENTROID_MAX) {
		float cut;
		size_t above = 0, m = 0;
		ARRAY_GROW(st->wtmp, n, st->capwtmp);
		for (k = 0; k < n; k++)
			st->wtmp[k] = f[k].w;
		cut = kth_largest(st->wtmp, n, CENTROID_MAX - 1);
		for (k = 0; k < n; k++)
			above += f[k].w > cut;
		/* Those above the cut, and as many at it as fit, in order. */
		for (k = 0; k < n; k++)
			if (f[k].w > cut || (f[k].w == cut && above < CENTROID_MAX && (above++, 1)))
				f[m++] = f[k];
		n = m;
	}
	for (k = 0; k < n; k++) {
		size_t j;
		norm += (double)f[k].w * f[k].w;
		if (ntop == INDEX_TERMS && !heavier(&f[k], &top[INDEX_TERMS - 1]))
			continue;
		j = ntop < INDEX_TERMS ? ntop++ : INDEX_TERMS - 1;
		while (j > 0 && heavier(&f[k], &top[j - 1])) {
			top[j] = top[j - 1];
			j--;
		}
		top[j] = f[k];
	}
	x->norm = sqrt(norm);
	x->ntop = (uint32_t)ntop;
	for (k = 0; k < ntop; k++) {
		x->top[k] = top[k].key;
		x->topw[k] = x->norm > 0 ? (float)(top[k].w / x->norm) : 0;
	}
	ARRAY_GROW(x->f, n, x->capf);
	if (n)
		memcpy(x->f, f, n * sizeof *f);
	x->nf = (uint32_t)n;
}

/* --- the article being matched, as a lookup table ------------------------ */

/* Put article a in the lookup table used to score candidates against it. */
static void
table_reserve(struct stories *st, size_t n)
{
	size_t size = 64;

	while (size < 4 * n) /* a quarter full: most keys looked up are not there, and fail fast */
		size *= 2;
	if (size > st->amask + 1) {
		free(st->akeys);
		free(st->aw);
		st->akeys = xcalloc(size, sizeof *st->akeys);
		st->aw = xcalloc(size, sizeof *st->aw);
		st->amask = size - 1;
	}
}

static void
article_table(struct stories *st, const struct vec *a)
{
	size_t k;

	table_reserve(st, a->n);
	ARRAY_GROW(st->aslots, a->n, st->capaslots);
	st->naslots = 0;
	for (k = 0; k < a->n; k++) {
		uint64_t key = a->v[k].key;
		size_t j;
		for (j = (size_t)key & st->amask; st->akeys[j]; j = (j + 1) & st->amask)
			;
		st->akeys[j] = key;
		st->aw[j] = a->v[k].w;
		st->aslots[st->naslots++] = j;
	}
}

/* The slot of key in the article table, or the empty slot where it would be. */
static size_t
article_slot(const struct stories *st, uint64_t key)
{
	size_t j;

	for (j = (size_t)key & st->amask; st->akeys[j] && st->akeys[j] != key; j = (j + 1) & st->amask)
		;
	return j;
}

/* Empty the table (by the slots taken: clearing keys in place would cut probe sequences short). */
static void
article_table_clear(struct stories *st)
{
	size_t k;

	for (k = 0; k < st->naslots; k++)
		st->akeys[st->aslots[k]] = 0;
	st->naslots = 0;
}

/* The dot product of the article in the table and a centroid. */
static double
article_dot(const struct stories *st, const struct story *x)
{
	double dot = 0;
	uint32_t k;

	for (k = 0; k < x->nf; k++) {
		size_t j = article_slot(st, x->f[k].key);
		if (st->akeys[j])
			dot += (double)st->aw[j] * x->f[k].w;
	}
	return dot;
}

/* --- stories ------------------------------------------------------------------ */

struct stories *
stories_new(const struct stories_params *p)
{
	struct stories *st = xcalloc(1, sizeof *st);

	st->p = *p;
	st->mask = 4095;
	st->tab = xcalloc(st->mask + 1, sizeof *st->tab);
	return st;
}

void
stories_free(struct stories *st)
{
	uint32_t i;
	size_t j;

	if (!st)
		return;
	for (i = 0; i < st->nslots; i++) {
		free(st->s[i].id);
		free(st->s[i].f);
	}
	for (j = 0; j <= st->mask; j++)
		free(st->tab[j].v);
	free(st->tab);
	free(st->s);
	free(st->freelist);
	free(st->heap);
	free(st->acc);
	free(st->touched);
	free(st->tmp);
	free(st->wtmp);
	free(st->akeys);
	free(st->aw);
	free(st->aslots);
	free(st);
}

static uint32_t
slot_alloc(struct stories *st)
{
	uint32_t slot;

	if (st->nfree > 0)
		return st->freelist[--st->nfree];
	if (st->nslots == st->capslots) {
		uint32_t cap = st->capslots ? st->capslots * 2 : 64;
		st->s = xreallocarray(st->s, cap, sizeof *st->s);
		st->acc = xreallocarray(st->acc, cap, sizeof *st->acc);
		memset(st->s + st->capslots, 0, (cap - st->capslots) * sizeof *st->s);
		memset(st->acc + st->capslots, 0, (cap - st->capslots) * sizeof *st->acc);
		st->capslots = cap;
	}
	slot = st->nslots++;
	return slot;
}

/* Forget story slot: out of the index and the heap, its memory freed (the slot's arrays kept). */
static void
story_remove(struct stories *st, uint32_t slot)
{
	struct story *x = &st->s[slot];

	unfile(st, slot);
	heap_remove(st, slot);
	free(x->id);
	x->id = NULL;
	x->idlen = 0;
	x->nf = 0;
	x->active = false;
	ARRAY_GROW(st->freelist, st->nfree + 1, st->capfree);
	st->freelist[st->nfree++] = slot;
	st->st.active--;
}

static void
touch(struct stories *st, uint32_t slot)
{
	st->s[slot].seq = ++st->seq;
}

uint32_t
stories_create(struct stories *st, const struct vec *a, int64_t t, const char *id, size_t idlen)
{
	struct story *x;
	uint32_t slot;

	while (st->st.active >= st->p.max_stories && st->nheap > 0) {
		story_remove(st, st->heap[0]);
		st->st.evicted++;
	}
	slot = slot_alloc(st);
	x = &st->s[slot];
	x->id = xmalloc(idlen + 1);
	memcpy(x->id, id, idlen);
	x->id[idlen] = '\0';
	x->idlen = idlen;
	x->first = x->last = t;
	x->size = 1;
	x->active = true;
	ARRAY_GROW(st->tmp, a->n, st->captmp);
	if (a->n)
		memcpy(st->tmp, a->v, a->n * sizeof *a->v);
	centroid_set(st, x, st->tmp, a->n);
	touch(st, slot);
	heap_push(st, slot);
	file(st, slot);
	st->st.active++;
	st->st.created++;
	if (st->st.active > st->st.max_active)
		st->st.max_active = st->st.active;
	return slot;
}

void
stories_join(struct stories *st, uint32_t slot, const struct vec *a, int64_t t)
{
	struct story *x = &st->s[slot];
	size_t n = 0, k;

	/* The sum of the centroid and a: the centroid's features plus a's weights, then a's others. */
	ARRAY_GROW(st->tmp, (size_t)x->nf + a->n, st->captmp);
	article_table(st, a);
	for (k = 0; k < x->nf; k++) {
		size_t j = article_slot(st, x->f[k].key);
		st->tmp[n] = x->f[k];
		if (st->akeys[j]) {
			st->tmp[n].w += st->aw[j];
			st->aw[j] = 0; /* added */
		}
		n++;
	}
	for (k = 0; k < a->n; k++)
		if (st->aw[article_slot(st, a->v[k].key)] > 0)
			st->tmp[n++] = a->v[k];
	article_table_clear(st);
	{
		uint64_t old[INDEX_TERMS], gone[INDEX_TERMS];
		uint32_t nold = x->ntop, ngone = 0, i, j;
		if (nold)
			memcpy(old, x->top, nold * sizeof *old);
		centroid_set(st, x, st->tmp, n);
		for (i = 0; i < nold; i++) {
			for (j = 0; j < x->ntop && x->top[j] != old[i]; j++)
				;
			if (j == x->ntop)
				gone[ngone++] = old[i];
		}
		unfile_keys(st, slot, gone, ngone);
	}
	x->size++;
	if (t != TIME_PENDING) {
		if (x->last == TIME_PENDING || t > x->last)
			x->last = t;
		if (x->first == TIME_PENDING || t < x->first)
			x->first = t;
	}
	touch(st, slot);
	heap_down(st, x->heap);
	heap_up(st, x->heap);
	file(st, slot);
	st->st.joined++;
}

const char *
stories_id(const struct stories *st, uint32_t slot, size_t *len)
{
	*len = st->s[slot].idlen;
	return st->s[slot].id;
}

/* Keep the CANDIDATES best (slot, score) in a min-heap on score. */
struct cand {
	float score;
	uint32_t slot;
};

static void
cand_push(struct cand *h, size_t *n, float score, uint32_t slot)
{
	size_t i;

	if (*n == CANDIDATES) {
		if (score <= h[0].score)
			return;
		i = 0; /* replace the smallest and sift down */
		for (;;) {
			size_t c = 2 * i + 1;
			if (c >= *n)
				break;
			if (c + 1 < *n && h[c + 1].score < h[c].score)
				c++;
			if (h[c].score >= score)
				break;
			h[i] = h[c];
			i = c;
		}
		h[i].score = score;
		h[i].slot = slot;
		return;
	}
	i = (*n)++;
	while (i > 0 && h[(i - 1) / 2].score > score) {
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i].score = score;
	h[i].slot = slot;
}

/* Time factor: 1 for a story updated at t, falling linearly to 0.5 a window away; 0 beyond. */
static double
time_factor(const struct stories *st, const struct story *x, int64_t t)
{
	int64_t d;

	if (t == TIME_PENDING || x->last == TIME_PENDING || st->p.window <= 0)
		return 1;
	d = t > x->last ? t - x->last : x->last - t;
	if (d > st->p.window)
		return 0;
	return 1 - 0.5 * (double)d / (double)st->p.window;
}

void
stories_match(struct stories *st, const struct vec *a, int64_t t, struct match *m)
{
	struct feature q[QUERY_TERMS];
	struct cand h[CANDIDATES];
	size_t nq = 0, nc = 0, k;
	uint32_t i;

	m->story = STORY_NONE;
	m->similarity = 0;
	if (a->n == 0 || st->st.active == 0)
		return;
	/* The article's heaviest features. */
	for (k = 0; k < a->n; k++) {
		const struct feature *f = &a->v[k];
		size_t j;
		if (nq == QUERY_TERMS && !heavier(f, &q[nq - 1]))
			continue;
		j = nq < QUERY_TERMS ? nq++ : nq - 1;
		while (j > 0 && heavier(f, &q[j - 1])) {
			q[j] = q[j - 1];
			j--;
		}
		q[j] = *f;
	}
	/* Partial dot products over those features rank the stories filed under them. */
	st->ntouched = 0;
	for (k = 0; k < nq; k++) {
		const struct plist *pl = plist_find(st, q[k].key, false);
		if (!pl)
			continue;
		for (i = 0; i < pl->n; i++) {
			uint32_t s = pl->v[i].story;
			if (st->acc[s] == 0) {
				ARRAY_GROW(st->touched, st->ntouched + 1, st->captouched);
				st->touched[st->ntouched++] = s;
			}
			st->acc[s] += q[k].w * pl->v[i].w + 1e-9f;
		}
	}
	for (i = 0; i < st->ntouched; i++) {
		uint32_t s = st->touched[i];
		cand_push(h, &nc, st->acc[s], s);
		st->acc[s] = 0;
	}
	if (nc == 0)
		return;
	/* The best candidates, in full. */
	article_table(st, a);
	for (k = 0; k < nc; k++) {
		const struct story *x = &st->s[h[k].slot];
		double tf = time_factor(st, x, t), sim;
		if (tf <= 0 || x->norm <= 0)
			continue;
		sim = article_dot(st, x) / x->norm * tf;
		/* Ties go to the older story: the output must not depend on the heap's order. */
		if (sim > m->similarity || (sim == m->similarity && m->story != STORY_NONE &&
					    x->seq < st->s[m->story].seq)) {
			m->similarity = sim;
			m->story = h[k].slot;
		}
	}
	article_table_clear(st);
	if (m->similarity < st->p.threshold)
		m->story = STORY_NONE;
}

void
stories_expire(struct stories *st, int64_t now)
{
	if (now == TIME_PENDING || st->p.window <= 0)
		return;
	while (st->nheap > 0) {
		const struct story *x = &st->s[st->heap[0]];
		if (x->last == TIME_PENDING || x->last >= now - st->p.window)
			break;
		story_remove(st, st->heap[0]);
		st->st.closed++;
	}
}

void
stories_settle(struct stories *st, int64_t t, void (*fn)(void *ctx, uint32_t slot), void *ctx)
{
	uint32_t i;

	for (i = 0; i < st->nslots; i++) {
		struct story *x = &st->s[i];
		if (!x->active || x->last != TIME_PENDING)
			continue;
		x->first = x->last = t;
		heap_up(st, x->heap);
		if (fn)
			fn(ctx, i);
	}
}

void
stories_image(const struct stories *st, uint32_t slot, struct story_image *im)
{
	const struct story *x = &st->s[slot];

	im->id = x->id;
	im->idlen = x->idlen;
	im->first = x->first;
	im->last = x->last;
	im->size = x->size;
	im->f = x->f;
	im->nf = x->nf;
}

void
stories_stats(const struct stories *st, struct stories_stats *out)
{
	size_t mem = sizeof *st + (size_t)st->capslots * (sizeof *st->s + sizeof *st->acc) +
		     (st->mask + 1) * sizeof *st->tab + (size_t)st->capheap * sizeof *st->heap;
	uint32_t i;
	size_t j;

	for (i = 0; i < st->nslots; i++)
		mem += st->s[i].capf * sizeof(struct feature) + st->s[i].idlen;
	for (j = 0; j <= st->mask; j++)
		mem += st->tab[j].cap * sizeof(struct posting);
	*out = st->st;
	out->memory = mem;
}

uint64_t
stories_active(const struct stories *st)
{
	return st->st.active;
}

/* Stories in age order (the heap's), for the state file. */
struct aged {
	int64_t t;
	uint64_t seq;
	uint32_t slot;
};

static int
cmp_aged(const void *a, const void *b)
{
	const struct aged *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
stories_each(const struct stories *st, void (*fn)(void *ctx, const struct story_image *im), void *ctx)
{
	struct aged *v = xreallocarray(NULL, st->nheap ? st->nheap : 1, sizeof *v);
	uint32_t i;

	for (i = 0; i < st->nheap; i++) {
		const struct story *x = &st->s[st->heap[i]];
		v[i].t = heap_time(x);
		v[i].seq = x->seq;
		v[i].slot = st->heap[i];
	}
	if (st->nheap > 1)
		qsort(v, st->nheap, sizeof *v, cmp_aged);
	for (i = 0; i < st->nheap; i++) {
		struct story_image im;
		stories_image(st, v[i].slot, &im);
		fn(ctx, &im);
	}
	free(v);
}

int
stories_restore(struct stories *st, const struct story_image *im)
{
	struct story *x;
	uint32_t slot;
	size_t k;

	if (im->nf > CENTROID_MAX || im->size == 0 || im->idlen == 0)
		return -1;
	for (k = 0; k < im->nf; k++)
		if (im->f[k].key == 0 || !(im->f[k].w >= 0) || isinf(im->f[k].w))
			return -1;
	/* Keys must be distinct: the article table finds a repeated one. */
	{
		bool repeated = false;
		table_reserve(st, im->nf);
		ARRAY_GROW(st->aslots, im->nf, st->capaslots);
		st->naslots = 0;
		for (k = 0; k < im->nf && !repeated; k++) {
			size_t j = article_slot(st, im->f[k].key);
			repeated = st->akeys[j] != 0;
			st->akeys[j] = im->f[k].key;
			st->aslots[st->naslots++] = j;
		}
		article_table_clear(st);
		if (repeated)
			return -1;
	}
	while (st->st.active >= st->p.max_stories && st->nheap > 0) {
		story_remove(st, st->heap[0]);
		st->st.evicted++;
	}
	slot = slot_alloc(st);
	x = &st->s[slot];
	x->id = xmalloc(im->idlen + 1);
	memcpy(x->id, im->id, im->idlen);
	x->id[im->idlen] = '\0';
	x->idlen = im->idlen;
	x->first = im->first;
	x->last = im->last;
	x->size = im->size;
	x->active = true;
	ARRAY_GROW(st->tmp, im->nf, st->captmp);
	if (im->nf)
		memcpy(st->tmp, im->f, im->nf * sizeof *im->f);
	centroid_set(st, x, st->tmp, im->nf);
	touch(st, slot);
	heap_push(st, slot);
	file(st, slot);
	st->st.active++;
	if (st->st.active > st->st.max_active)
		st->st.max_active = st->st.active;
	return 0;
}
