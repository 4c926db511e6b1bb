/*
 * mapreduce.c - news-dedupe as a map step and a reduce step.
 *
 * Map (--emit-keys) writes, for each item, one NDJSON line per LSH band
 * key, the key first so that a byte-wise sort (LC_ALL=C sort, Hadoop's
 * shuffle) brings the lines of a key together:
 *   {"key":"07c0ffee12","seq":42,"id":"...","n":1234,"x":5678,"sig":"<K x 4 hex>"}
 * seq is the item's position in the input; an item without letters gets
 * the key "-" (never grouped).
 *
 * Reduce (--reduce) reads those lines grouped by key, verifies every
 * pair of a group with the same similarity as the single-process run and
 * keeps, for each item, its best earlier match (ties: the earliest).
 * At the end it assigns clusters in sequence order exactly as the
 * single-process run does (an item joins the cluster of its match) and
 * writes one record per item: {"id","cluster"} plus "dup" when it has a
 * match.  The result equals the single-process run's when nothing is
 * evicted (no --capacity or --max-age limit reached).
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "mapreduce.h"
#include "xalloc.h"

static const char hexd[] = "0123456789abcdef";

void
mr_emit_keys(FILE *out, const struct sketch_params *p, const struct sketch *sk, uint64_t seq, const char *id)
{
	char sig[SK_BINS * 4 + 1];
	json_t *o;
	unsigned b, k;
	char key[32];

	for (k = 0; k < SK_BINS; k++) {
		sig[k * 4] = hexd[sk->sig[k] >> 12];
		sig[k * 4 + 1] = hexd[(sk->sig[k] >> 8) & 15];
		sig[k * 4 + 2] = hexd[(sk->sig[k] >> 4) & 15];
		sig[k * 4 + 3] = hexd[sk->sig[k] & 15];
	}
	sig[SK_BINS * 4] = '\0';
	o = json_object();
	json_object_set_new(o, "key", json_string("-"));
	json_object_set_new(o, "seq", json_integer((json_int_t)seq));
	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "n", json_integer(sk->nshingles));
	json_object_set_new(o, "x", json_integer(sk->exact));
	json_object_set_new(o, "sig", json_string(sig));
	if (sk->nshingles == 0) {
		if (ndjson_write(out, o) != 0)
			die("write error on standard output:");
	}
	for (b = 0; sk->nshingles > 0 && b < p->bands; b++) {
		snprintf(key, sizeof key, "%02x%08lx", b, (unsigned long)sketch_band_key(p, sk->sig, b));
		json_object_set_new(o, "key", json_string(key));
		if (ndjson_write(out, o) != 0)
			die("write error on standard output:");
	}
	json_decref(o);
}

struct item {
	uint64_t seq;
	char *id;
	uint16_t sig[SK_BINS];
	uint32_t n, x;
	size_t best;     /* index of the best earlier match, or SIZE_MAX */
	double sim;
	size_t cluster;  /* index of the cluster's first item */
};

struct reducer {
	double threshold;
	uint32_t min_contained;
	const char *level;
	struct item *items;
	size_t n, cap;
	/* seq -> item index, open addressing (value + 1; 0 = empty) */
	size_t *slot;
	size_t nslot;
	char *key;          /* the current group */
	size_t *group;      /* its items */
	size_t ngroup, capgroup;
};

struct reducer *
reducer_new(double threshold, uint32_t min_contained, const char *level)
{
	struct reducer *r = xcalloc(1, sizeof *r);

	r->threshold = threshold;
	r->min_contained = min_contained;
	r->level = level;
	r->nslot = 1024;
	r->slot = xcalloc(r->nslot, sizeof *r->slot);
	return r;
}

static size_t *
find_slot(struct reducer *r, uint64_t seq)
{
	size_t i = (size_t)hash_mix64(seq) & (r->nslot - 1);

	while (r->slot[i] != 0 && r->items[r->slot[i] - 1].seq != seq)
		i = (i + 1) & (r->nslot - 1);
	return &r->slot[i];
}

static void
grow_slots(struct reducer *r)
{
	size_t i;

	free(r->slot);
	r->nslot *= 2;
	r->slot = xcalloc(r->nslot, sizeof *r->slot);
	for (i = 0; i < r->n; i++)
		*find_slot(r, r->items[i].seq) = i + 1;
}

static int
by_item_seq(const void *a, const void *b, const struct item *items)
{
	uint64_t x = items[*(const size_t *)a].seq, y = items[*(const size_t *)b].seq;
	return (x > y) - (x < y);
}

/*
 * Compare each item of the finished group with the BUCKET_CAP items
 * before it (by sequence number): the candidates the single-process
 * lookup takes from one band key.
 */
static void
close_group(struct reducer *r)
{
	size_t a, b, i, j;

	/* Insertion sort by seq: groups are small, and often sorted already. */
	for (i = 1; i < r->ngroup; i++) {
		size_t v = r->group[i];
		for (j = i; j > 0 && by_item_seq(&r->group[j - 1], &v, r->items) > 0; j--)
			r->group[j] = r->group[j - 1];
		r->group[j] = v;
	}
	for (b = 1; b < r->ngroup; b++) {
		for (a = b > BUCKET_CAP ? b - BUCKET_CAP : 0; a < b; a++) {
			struct item *x = &r->items[r->group[a]], *y = &r->items[r->group[b]];
			double sim;
			if (x->seq == y->seq)
				continue;
			sim = sketch_similarity(y->sig, y->n, y->x, x->sig, x->n, x->x, r->min_contained);
			if (sim < r->threshold)
				continue;
			if (y->best == SIZE_MAX || sim > y->sim ||
			    (sim == y->sim && x->seq < r->items[y->best].seq)) {
				y->best = r->group[a];
				y->sim = sim;
			}
		}
	}
	r->ngroup = 0;
}

static int
parse_sig(const char *s, uint16_t *sig)
{
	unsigned k, i;

	if (strlen(s) != SK_BINS * 4)
		return -1;
	for (k = 0; k < SK_BINS; k++) {
		unsigned v = 0;
		for (i = 0; i < 4; i++) {
			const char *d = strchr(hexd, s[k * 4 + i]);
			if (!d || !*d)
				return -1;
			v = v << 4 | (unsigned)(d - hexd);
		}
		sig[k] = (uint16_t)v;
	}
	return 0;
}

int
reducer_add(struct reducer *r, struct stream *s, json_t *rec)
{
	const char *key, *id, *sig;
	json_int_t seq, n, x;
	size_t *sl, idx;
	struct item *it;

	if (json_unpack(rec, "{s:s, s:I, s:s, s:I, s:I, s:s}", "key", &key, "seq", &seq, "id", &id, "n", &n, "x",
			&x, "sig", &sig) != 0 ||
	    seq < 0 || n < 0 || x < 0 || x > 0xffffffffLL || n > 0xffffffffLL)
		return stream_reject(s, "not a news-dedupe --emit-keys line");
	if (!r->key || strcmp(key, r->key) != 0 || strcmp(key, "-") == 0) {
		close_group(r);
		free(r->key);
		r->key = xstrdup(key);
	}
	if ((r->n + 1) * 2 > r->nslot)
		grow_slots(r);
	sl = find_slot(r, (uint64_t)seq);
	if (*sl == 0) {
		ARRAY_GROW(r->items, r->n + 1, r->cap);
		it = &r->items[r->n];
		memset(it, 0, sizeof *it);
		if (parse_sig(sig, it->sig) != 0)
			return stream_reject(s, "bad signature in a news-dedupe --emit-keys line");
		it->seq = (uint64_t)seq;
		it->id = xstrdup(id);
		it->n = (uint32_t)n;
		it->x = (uint32_t)x;
		it->best = SIZE_MAX;
		*sl = ++r->n;
	}
	idx = *sl - 1;
	ARRAY_GROW(r->group, r->ngroup + 1, r->capgroup);
	r->group[r->ngroup++] = idx;
	return 0;
}

struct seq_ix {
	uint64_t seq;
	size_t i;
};

static int
by_seq(const void *a, const void *b)
{
	uint64_t x = ((const struct seq_ix *)a)->seq, y = ((const struct seq_ix *)b)->seq;
	return (x > y) - (x < y);
}

void
reducer_finish(struct reducer *r, struct stream *s)
{
	struct seq_ix *order = xcalloc(r->n ? r->n : 1, sizeof *order);
	size_t i;

	close_group(r);
	for (i = 0; i < r->n; i++) {
		order[i].seq = r->items[i].seq;
		order[i].i = i;
	}
	qsort(order, r->n, sizeof *order, by_seq);
	for (i = 0; i < r->n; i++) {
		struct item *it = &r->items[order[i].i];
		json_t *o = json_object();
		it->cluster = it->best == SIZE_MAX ? order[i].i : r->items[it->best].cluster;
		json_object_set_new(o, "id", json_string(it->id));
		if (it->best != SIZE_MAX)
			json_object_set_new(o, "dup", dup_json(r->items[it->best].id, strlen(r->items[it->best].id), it->sim, r->level));
		json_object_set_new(o, "cluster", json_string(r->items[it->cluster].id));
		stream_emit(s, o);
		json_decref(o);
	}
	free(order);
}

void
reducer_free(struct reducer *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		free(r->items[i].id);
	free(r->items);
	free(r->slot);
	free(r->key);
	free(r->group);
	free(r);
}

json_t *
dup_json(const char *of, size_t oflen, double sim, const char *level)
{
	/* Similarity to the sketch's resolution, 1/64: exact in binary,
	 * so it prints short. */
	double q = (double)(long)(sim * 64 + 0.5) / 64;

	if (sim < 1.0 && q >= 1.0)
		q = 63.0 / 64; /* 1 is kept for equal normalized texts */

	return json_pack("{s:s%, s:f, s:s}", "of", of, oflen, "similarity", q, "level", level);
}
