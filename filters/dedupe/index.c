/*
 * index.c - the remembered items of news-dedupe, with LSH lookup and
 * oldest-first eviction; see dedupe.h.
 *
 * Items live in arrays indexed by sequence number (seq - base): a 20-byte
 * record, the packed 12-bit sketch (96 bytes), and the id strings in an arena.  The live
 * items are [head, tail); eviction advances head and the arrays are
 * compacted when half of them is dead.  The LSH table is one
 * open-addressing table of 32-bit slots for all bands: 8 bits of the
 * band key as a fingerprint and the low 24 bits of the item's sequence
 * number.  Probing is linear from the first slot of a 16-slot bucket (one
 * cache line; see home()), so that the table can be kept full (load 0.88
 * in a snapshot, grown past 0.94) and a lookup still reads about one
 * line per band; the lines of all bands are prefetched together.  An id
 * in the arena is its length (LEB128: one byte below 128, and no limit,
 * so a long id is kept whole) and its bytes.  A slot
 * is checked by comparing the band's bins in the item's sketch, so the
 * table holds no keys; slots of evicted items are reused by inserts and
 * dropped when the table is rebuilt.  A band key keeps its latest
 * BUCKET_CAP items.  Memory per item: 20 + 96 bytes + the id (+ 2) +
 * bands x 4 / load: about 275 bytes with 32 bands and 11-byte ids
 * (measured: bench/bench-dedupe.sh).
 */
#include <stdlib.h>
#include <string.h>

#include "dedupe.h"
#include "err.h"
#include "hash.h"
#include "xalloc.h"

#define SEQ_BITS 24
#define SEQ_MASK ((1u << SEQ_BITS) - 1)
#define BUCKET 16         /* slots of a bucket: one 64-byte cache line */
#define MAX_LOAD 0.94     /* the table grows past this load... */
#define GROW_LOAD 0.45    /* ...to this one while it is small (doubling: cheap growth)... */
#define GROW_LOAD_BIG 0.8 /* ...to this one past GROW_BIG items (memory per item stays < 300 bytes) */
#define GROW_BIG 65536
#define REBUILD_LOAD 0.88 /* a snapshot is written with a table at this load... */
#define TIDY_LOAD 0.91    /* ...when it is above this one... */
#define SPARSE_LOAD 0.7   /* ...or below this one */
#define MAX_ARENA UINT32_MAX /* ids are found by 32-bit offsets */

struct meta {
	uint32_t when, nshingles, exact, id_off, cl_off;
};

struct index {
	struct sketch_params p;
	uint64_t capacity, max_age;
	uint64_t base, head, tail;
	struct meta *meta;
	unsigned char *sigs;
	size_t cap_items;
	char *arena;
	size_t arena_len, arena_cap;
	uint32_t *table;    /* BUCKET-aligned, 64-byte aligned */
	size_t tsize, tused;
	bool dead_slots;    /* the table may name evicted items */
	uint64_t *cand;     /* the distinct candidates of a lookup */
	size_t ncand, cap_cand;
	uint64_t *bucket;   /* the items of one band key */
	size_t nbucket, cap_bucket;
	uint64_t *pend;     /* items of a lookup with a band's fingerprint: seq << 6 | band */
	size_t npend, cap_pend;
	uint64_t *seen;     /* a set of them (seq + 1; 0 = empty), emptied after each lookup */
	size_t *seen_at;    /* where each candidate sits in seen */
	size_t nseen;       /* size of seen: a power of two */
};

struct index *
index_new(const struct sketch_params *p, uint64_t capacity, uint64_t max_age)
{
	struct index *ix = xcalloc(1, sizeof *ix);

	ix->p = *p;
	ix->capacity = capacity < SEQ_MASK ? capacity : SEQ_MASK - 1;
	ix->max_age = max_age;
	ix->tsize = 1024;
	ix->table = index_table_alloc(ix->tsize, true);
	return ix;
}

void
index_free(struct index *ix)
{
	if (!ix)
		return;
	free(ix->meta);
	free(ix->sigs);
	free(ix->arena);
	free(ix->table);
	free(ix->cand);
	free(ix->seen);
	free(ix->seen_at);
	free(ix->bucket);
	free(ix->pend);
	free(ix);
}

uint64_t
index_count(const struct index *ix)
{
	return ix->tail - ix->head;
}

uint64_t
index_next_seq(const struct index *ix)
{
	return ix->tail;
}

uint64_t
index_memory(const struct index *ix)
{
	return (uint64_t)ix->cap_items * (sizeof(struct meta) + SK_PACKED) + ix->arena_cap +
	       (uint64_t)ix->tsize * sizeof(uint32_t);
}

static const struct meta *
meta_of(const struct index *ix, uint64_t seq)
{
	return &ix->meta[seq - ix->base];
}

static const unsigned char *
sig_of(const struct index *ix, uint64_t seq)
{
	return &ix->sigs[(seq - ix->base) * SK_PACKED];
}

uint32_t *
index_table_alloc(size_t n, bool zeroed)
{
	/* n is a multiple of BUCKET, so n * 4 is a multiple of 64. */
	uint32_t *t = aligned_alloc(64, n * sizeof *t);

	if (!t)
		die("out of memory");
	if (zeroed)
		memset(t, 0, n * sizeof *t);
	return t;
}

/*
 * Where a key's run of slots starts: the first slot of a bucket
 * (multiply-shift over the buckets, for any table size).  Linear probing
 * from bucket starts: items fill a bucket from its first slot and
 * overflow into the next, so a lookup reads its home cache line and,
 * at a high load, now and then the next one; probing from any slot
 * would walk runs of ~1/(1-load)^2 slots (50 at 0.9).
 */
static size_t
home(const struct index *ix, uint32_t key)
{
	return (size_t)(((uint64_t)key * (ix->tsize / BUCKET)) >> 32) * BUCKET;
}

static size_t
next_pos(const struct index *ix, size_t pos)
{
	return pos + 1 == ix->tsize ? 0 : pos + 1;
}

/*
 * The fingerprint of a key: its low 8 bits (home() uses the high ones),
 * never 0 so that no slot is 0 (empty): 255 values, so a slot of another
 * key costs a look at its item's sketch once in 255.
 */
static uint32_t
key_fp(uint32_t key)
{
	uint32_t fp = key & 0xff;

	return fp ? fp : 1u;
}

/* Write len as LEB128 at p (at most 10 bytes); returns the bytes written. */
static size_t
len_put(unsigned char *p, size_t len)
{
	size_t n = 0;

	while (len >= 0x80) {
		p[n++] = (unsigned char)(len | 0x80);
		len >>= 7;
	}
	p[n++] = (unsigned char)len;
	return n;
}

/*
 * Read a LEB128 length (below 2^35: the arena is smaller) from
 * p[0..avail); returns the bytes it took, or 0 (and *len 0) when it is
 * malformed or runs past avail.
 */
static size_t
len_get(const unsigned char *p, size_t avail, size_t *len)
{
	size_t n = 0, v = 0;
	unsigned shift = 0;

	*len = 0;
	while (n < avail && n < 5) {
		v |= (size_t)(p[n] & 0x7f) << shift;
		if (!(p[n++] & 0x80)) {
			*len = v;
			return n;
		}
		shift += 7;
	}
	return 0;
}

static const char *
arena_str(const struct index *ix, uint32_t off, size_t *len)
{
	const unsigned char *p = (const unsigned char *)ix->arena + off;

	return (const char *)p + len_get(p, ix->arena_len - off, len);
}

const char *
index_id(const struct index *ix, uint64_t seq, size_t *len)
{
	return arena_str(ix, meta_of(ix, seq)->id_off, len);
}

const char *
index_cluster(const struct index *ix, uint64_t seq, size_t *len)
{
	return arena_str(ix, meta_of(ix, seq)->cl_off, len);
}

uint32_t
index_exact(const struct index *ix, uint64_t seq)
{
	return meta_of(ix, seq)->exact;
}

static uint32_t
arena_add(struct index *ix, const char *s, size_t len)
{
	uint32_t off;

	if (ix->arena_len + len + 10 > MAX_ARENA)
		die("the ids of the remembered items take more than 4 GB: remember fewer (--capacity)");
	if (ix->arena_len + len + 10 > ix->arena_cap) {
		size_t c = ix->arena_cap ? ix->arena_cap : 4096;
		while (c < ix->arena_len + len + 10)
			c *= 2;
		ix->arena = xreallocarray(ix->arena, c, 1);
		ix->arena_cap = c;
	}
	off = (uint32_t)ix->arena_len;
	ix->arena_len += len_put((unsigned char *)ix->arena + off, len);
	memcpy(ix->arena + ix->arena_len, s, len);
	ix->arena_len += len;
	return off;
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/*
 * Band b of two packed sketches has the same bins: inline for the usual
 * even number of rows (whole 3-byte groups), sketch.c otherwise.
 */
static bool
band_equal(const struct index *ix, const unsigned char *a, const unsigned char *c, unsigned b)
{
	size_t off, n, i;

	if (ix->p.rows % 2 != 0)
		return sketch_band_equal_packed(&ix->p, a, c, b);
	off = (size_t)b * ix->p.rows / 2 * 3;
	n = (size_t)ix->p.rows / 2 * 3;
	for (i = 0; i < n; i++)
		if (a[off + i] != c[off + i])
			return false;
	return true;
}

/* The live item a slot names, or INDEX_NONE. */
static uint64_t
slot_seq(const struct index *ix, uint32_t slot)
{
	uint64_t d, seq;

	if (ix->tail == 0)
		return INDEX_NONE;
	d = (ix->tail - 1 - (slot & SEQ_MASK)) & SEQ_MASK;
	if (d > ix->tail - 1)
		return INDEX_NONE;
	seq = ix->tail - 1 - d;
	return seq >= ix->head ? seq : INDEX_NONE;
}

static uint32_t
slot_make(uint32_t key, uint64_t seq)
{
	return key_fp(key) << SEQ_BITS | (uint32_t)(seq & SEQ_MASK);
}

/*
 * Insert seq under band b's key.  A key keeps only its latest BUCKET_CAP
 * items: past that, the new one replaces the oldest, so that no lookup
 * walks a long run of one key.
 */
static void
table_put(struct index *ix, uint32_t key, unsigned b, uint64_t seq)
{
	size_t pos = home(ix, key), reuse = SIZE_MAX, oldest_pos = 0;
	uint32_t fp = key_fp(key), s;
	uint64_t oldest = INDEX_NONE;
	unsigned same = 0;

	for (; (s = ix->table[pos]) != 0; pos = next_pos(ix, pos)) {
		uint64_t q;
		if (s >> SEQ_BITS != fp && !ix->dead_slots)
			continue;
		q = slot_seq(ix, s);
		if (q == INDEX_NONE) {
			if (reuse == SIZE_MAX)
				reuse = pos; /* an evicted item's slot */
			continue;
		}
		if (s >> SEQ_BITS == fp && band_equal(ix, sig_of(ix, q), sig_of(ix, seq), b)) {
			same++;
			if (q < oldest) {
				oldest = q;
				oldest_pos = pos;
			}
		}
	}
	if (same >= BUCKET_CAP)
		pos = oldest_pos;
	else if (reuse != SIZE_MAX)
		pos = reuse;
	else
		ix->tused++;
	ix->table[pos] = slot_make(key, seq);
}

/* Insert all bands of item seq, asking for their buckets first (see index_lookup()). */
static void
put_item(struct index *ix, uint64_t seq)
{
	uint32_t keys[SK_MAX_BANDS];
	const unsigned char *sig = sig_of(ix, seq);
	unsigned b;

	for (b = 0; b < ix->p.bands; b++) {
		keys[b] = sketch_band_key_packed(&ix->p, sig, b);
		PREFETCH(&ix->table[home(ix, keys[b])]);
	}
	for (b = 0; b < ix->p.bands; b++)
		table_put(ix, keys[b], b, seq);
}

/* Rebuild the table for the live items at the given load. */
static void
table_rebuild(struct index *ix, double load)
{
	uint64_t need = (ix->tail - ix->head) * ix->p.bands, seq;
	size_t size = 1024;

	if ((double)need / load > (double)size)
		size = ((size_t)((double)need / load) | 1023) + 1;
	free(ix->table);
	ix->table = index_table_alloc(size, true);
	ix->tsize = size;
	ix->tused = 0;
	ix->dead_slots = false;
	for (seq = ix->head; seq < ix->tail; seq++)
		put_item(ix, seq);
}

void
index_tidy(struct index *ix)
{
	double load = (double)ix->tused / (double)ix->tsize;

	if (load > TIDY_LOAD || (load < SPARSE_LOAD && ix->tsize > 1024))
		table_rebuild(ix, REBUILD_LOAD);
}

static int
cmp_desc(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x < y) - (x > y);
}

/* Add seq to the candidates unless it is there already. */
static void
add_candidate(struct index *ix, uint64_t seq)
{
	size_t i;

	if ((ix->ncand + 1) * 2 > ix->nseen) {
		size_t n = ix->nseen ? ix->nseen * 2 : 256, k;
		free(ix->seen);
		ix->seen = xcalloc(n, sizeof *ix->seen);
		ix->nseen = n;
		ix->seen_at = xreallocarray(ix->seen_at, n / 2, sizeof *ix->seen_at);
		for (k = 0; k < ix->ncand; k++) {
			i = (size_t)hash_mix64(ix->cand[k]) & (n - 1);
			while (ix->seen[i] != 0)
				i = (i + 1) & (n - 1);
			ix->seen[i] = ix->cand[k] + 1;
			ix->seen_at[k] = i;
		}
	}
	i = (size_t)hash_mix64(seq) & (ix->nseen - 1);
	for (; ix->seen[i] != 0; i = (i + 1) & (ix->nseen - 1))
		if (ix->seen[i] == seq + 1)
			return;
	ix->seen[i] = seq + 1;
	ARRAY_GROW(ix->cand, ix->ncand + 1, ix->cap_cand);
	ix->seen_at[ix->ncand] = i;
	ix->cand[ix->ncand++] = seq;
}

bool
index_lookup(struct index *ix, const struct sketch *s, const char *id, double threshold,
	     uint32_t min_contained, struct match *m)
{
	size_t i, n;
	unsigned char packed[SK_PACKED];
	uint32_t keys[SK_MAX_BANDS];
	unsigned b;
	bool found = false;

	if (s->nshingles == 0 || ix->tail == ix->head)
		return false;
	ix->ncand = 0;
	sketch_pack(s->sig, packed);
	/* The bands' buckets are in random places of a large table: ask for
	 * all of them first, so that the cache misses overlap (index_add()
	 * then finds the same lines in the cache). */
	for (b = 0; b < ix->p.bands; b++) {
		keys[b] = sketch_band_key(&ix->p, s->sig, b);
		PREFETCH(&ix->table[home(ix, keys[b])]);
	}
	/* Then the items whose slots carry the band's fingerprint: their
	 * sketches too are asked for before any is read. */
	ix->npend = 0;
	for (b = 0; b < ix->p.bands; b++) {
		uint32_t fp = key_fp(keys[b]), slot;
		size_t pos = home(ix, keys[b]);
		for (; (slot = ix->table[pos]) != 0; pos = next_pos(ix, pos)) {
			uint64_t seq;
			if (slot >> SEQ_BITS != fp || (seq = slot_seq(ix, slot)) == INDEX_NONE)
				continue;
			PREFETCH(sig_of(ix, seq));
			ARRAY_GROW(ix->pend, ix->npend + 1, ix->cap_pend);
			ix->pend[ix->npend++] = seq << 6 | b;
		}
	}
	for (i = 0; i <= ix->npend; i++) {
		uint64_t seq = i < ix->npend ? ix->pend[i] >> 6 : 0;
		unsigned pb = i < ix->npend ? (unsigned)(ix->pend[i] & 63) : SK_MAX_BANDS;
		size_t k;
		if (ix->nbucket > 0 && (i == ix->npend || pb != b)) {
			/* The end of band b's items.  A key shared by very many
			 * items (a remix corpus, a common template) would make
			 * every lookup check them all: only the latest
			 * BUCKET_CAP of a key are candidates (--reduce does the same). */
			if (ix->nbucket > BUCKET_CAP) {
				qsort(ix->bucket, ix->nbucket, sizeof *ix->bucket, cmp_desc);
				ix->nbucket = BUCKET_CAP;
			}
			for (k = 0; k < ix->nbucket; k++)
				add_candidate(ix, ix->bucket[k]);
			ix->nbucket = 0;
		}
		if (i == ix->npend)
			break;
		b = pb;
		if (!band_equal(ix, sig_of(ix, seq), packed, b))
			continue;
		PREFETCH(meta_of(ix, seq)); /* read when it is compared */
		ARRAY_GROW(ix->bucket, ix->nbucket + 1, ix->cap_bucket);
		ix->bucket[ix->nbucket++] = seq;
	}
	for (i = 0; i < ix->ncand; i++)
		ix->seen[ix->seen_at[i]] = 0;
	for (i = 0, n = ix->ncand; i < n; i++) {
		uint64_t seq = ix->cand[i];
		const struct meta *mt = meta_of(ix, seq);
		double sim;
		/* Once an equal text is found, only another equal text can
		 * matter (an earlier one, or the same record again): the
		 * others are not compared. */
		if (found && m->similarity >= 1.0 && (mt->exact != s->exact || mt->nshingles != s->nshingles))
			continue;
		/* Below the threshold, or below the best so far (a tie with it
		 * can still win by being earlier), a candidate changes nothing. */
		sim = sketch_similarity_packed(packed, s->nshingles, s->exact, sig_of(ix, seq), mt->nshingles,
					       mt->exact, min_contained,
					       found && m->similarity > threshold ? m->similarity : threshold);
		/* The most similar; on a tie, the earliest. */
		if (sim >= threshold &&
		    (!found || sim > m->similarity || (sim == m->similarity && seq < m->seq))) {
			m->seq = seq;
			m->similarity = sim;
			found = true;
		}
		if (sim >= 1.0 && id) {
			size_t len;
			const char *cid = index_id(ix, seq, &len);
			if (len == strlen(id) && memcmp(cid, id, len) == 0) {
				m->seq = seq; /* the same record again */
				break;
			}
		}
	}
	return found;
}

/*
 * Drop the dead front of the arrays and the strings only dead items
 * used, when at least half is dead.
 */
static void
compact(struct index *ix, bool force)
{
	uint64_t dead = ix->head - ix->base, live = ix->tail - ix->head, seq;
	size_t n = 0, cap = 16, i;
	uint32_t *from, *to;
	char *old = ix->arena;
	size_t oldlen = ix->arena_len;

	if (!force && (dead < 4096 || dead < live))
		return;
	if (dead > 0) {
		memmove(ix->meta, ix->meta + dead, live * sizeof *ix->meta);
		memmove(ix->sigs, ix->sigs + dead * SK_PACKED, live * SK_PACKED);
		ix->base = ix->head;
	}
	/* Copy the live strings to a new arena; cluster ids shared by
	 * several items stay shared (a map from old offsets to new). */
	while (cap < live * 2 + 16)
		cap *= 2;
	from = xcalloc(cap, sizeof *from);
	to = xcalloc(cap, sizeof *to);
	ix->arena = NULL;
	ix->arena_len = ix->arena_cap = 0;
	for (seq = ix->head; seq < ix->tail; seq++) {
		struct meta *mt = &ix->meta[seq - ix->base];
		uint32_t offs[2] = { mt->id_off, mt->cl_off };
		uint32_t *dst[2] = { &mt->id_off, &mt->cl_off };
		int k;
		for (k = 0; k < 2; k++) {
			const unsigned char *p = (const unsigned char *)old + offs[k];
			size_t len = 0, hl = len_get(p, oldlen - offs[k], &len);
			i = (size_t)hash_mix64(offs[k]) & (cap - 1);
			while (to[i] != 0 && from[i] != offs[k] + 1)
				i = (i + 1) & (cap - 1);
			if (to[i] == 0) {
				from[i] = offs[k] + 1;
				to[i] = arena_add(ix, (const char *)p + hl, len) + 1;
				n++;
			}
			*dst[k] = to[i] - 1;
		}
	}
	(void)n;
	free(old);
	free(from);
	free(to);
}

static void
evict_one(struct index *ix)
{
	ix->head++;
	ix->dead_slots = true;
}

void
index_evict(struct index *ix, uint32_t now)
{
	while (ix->tail - ix->head > ix->capacity)
		evict_one(ix);
	if (ix->max_age)
		while (ix->head < ix->tail && (uint64_t)meta_of(ix, ix->head)->when + ix->max_age < now)
			evict_one(ix);
	compact(ix, false);
}

static uint64_t
push_item(struct index *ix, const unsigned char *sig, uint32_t nsh, uint32_t exact, uint32_t when)
{
	uint64_t seq;
	struct meta *mt;

	if (ix->tail - ix->head >= ix->capacity) {
		evict_one(ix);
		compact(ix, false);
	}
	if (ix->tail - ix->base + 1 > ix->cap_items) {
		size_t c = ix->cap_items ? ix->cap_items * 2 : 1024;
		ix->meta = xreallocarray(ix->meta, c, sizeof *ix->meta);
		ix->sigs = xreallocarray(ix->sigs, c, SK_PACKED);
		ix->cap_items = c;
	}
	seq = ix->tail++;
	mt = &ix->meta[seq - ix->base];
	mt->when = when;
	mt->nshingles = nsh;
	mt->exact = exact;
	memcpy(&ix->sigs[(seq - ix->base) * SK_PACKED], sig, SK_PACKED);
	if ((double)(ix->tused + ix->p.bands) > (double)ix->tsize * MAX_LOAD)
		table_rebuild(ix, ix->tail - ix->head < GROW_BIG ? GROW_LOAD : GROW_LOAD_BIG); /* with this item */
	else
		put_item(ix, seq);
	return seq;
}

uint64_t
index_add(struct index *ix, const struct sketch *s, const char *id, size_t idlen, uint64_t like, uint32_t when)
{
	uint64_t seq;
	uint32_t cl_off = 0;
	struct meta *mt;
	bool same = like == INDEX_NONE || like < ix->head;
	unsigned char packed[SK_PACKED];

	if (!same)
		cl_off = meta_of(ix, like)->cl_off;
	sketch_pack(s->sig, packed);
	seq = push_item(ix, packed, s->nshingles, s->exact, when);
	mt = &ix->meta[seq - ix->base];
	mt->id_off = arena_add(ix, id, idlen);
	mt->cl_off = same ? mt->id_off : cl_off;
	return seq;
}

void
index_item(const struct index *ix, uint64_t seq, struct index_item *it)
{
	const struct meta *mt = meta_of(ix, seq);

	it->seq = seq;
	it->when = mt->when;
	it->nshingles = mt->nshingles;
	it->exact = mt->exact;
	it->sig = sig_of(ix, seq);
	it->id = arena_str(ix, mt->id_off, &it->idlen);
	if (mt->cl_off == mt->id_off) {
		it->cluster = NULL;
		it->cllen = 0;
	} else {
		it->cluster = arena_str(ix, mt->cl_off, &it->cllen);
	}
}

void
index_replay(struct index *ix, const struct index_item *it)
{
	uint64_t seq = push_item(ix, it->sig, it->nshingles, it->exact, it->when);
	struct meta *mt = &ix->meta[seq - ix->base];

	mt->id_off = arena_add(ix, it->id, it->idlen);
	mt->cl_off = it->cluster ? arena_add(ix, it->cluster, it->cllen) : mt->id_off;
}

void
index_image(struct index *ix, struct index_image *im)
{
	compact(ix, true);
	im->head = ix->head;
	im->tail = ix->tail;
	im->meta = ix->meta;
	im->sigs = ix->sigs;
	im->arena = ix->arena;
	im->arena_len = ix->arena_len;
	im->table = ix->table;
	im->table_size = ix->tsize;
	im->table_used = ix->tused;
}

int
index_adopt(struct index *ix, struct index_owned *o)
{
	uint64_t n = o->tail - o->head, i;
	const struct meta *mt = o->meta;

	if (o->tail < o->head || n > SEQ_MASK || o->cap_items < n || o->arena_cap < o->arena_len ||
	    o->arena_len > MAX_ARENA ||
	    (o->table && (o->table_size < 1024 || o->table_size % BUCKET != 0 ||
			  o->table_size >= ((uint64_t)1 << 32))))
		goto bad;
	for (i = 0; i < n; i++) {
		uint32_t offs[2] = { mt[i].id_off, mt[i].cl_off };
		int k;
		for (k = 0; k < 2; k++) {
			size_t len = 0, hl;
			if (offs[k] >= o->arena_len)
				goto bad;
			hl = len_get((const unsigned char *)o->arena + offs[k], o->arena_len - offs[k], &len);
			if (hl == 0 || len > o->arena_len - offs[k] - hl)
				goto bad;
		}
	}
	free(ix->meta);
	free(ix->sigs);
	free(ix->arena);
	free(ix->table);
	ix->meta = o->meta;
	ix->sigs = o->sigs;
	ix->cap_items = o->cap_items;
	ix->arena = o->arena;
	ix->arena_len = o->arena_len;
	ix->arena_cap = o->arena_cap;
	ix->base = ix->head = o->head;
	ix->tail = o->tail;
	ix->table = o->table;
	ix->tsize = o->table_size;
	ix->tused = o->table_used;
	memset(o, 0, sizeof *o);
	ix->dead_slots = ix->head > 0; /* items evicted before the table was written may be named */
	if (!ix->table) {
		ix->tsize = 1024;
		table_rebuild(ix, REBUILD_LOAD);
	}
	return 0;
bad:
	free(o->meta);
	free(o->sigs);
	free(o->arena);
	free(o->table);
	memset(o, 0, sizeof *o);
	return -1;
}
