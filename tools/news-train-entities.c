/*
 * news-train-entities - train the entity tagger's model, dump it, or tag
 * CoNLL files with it.
 *
 *   news-train-entities --train TRAIN --dev DEV [--unlabeled FILE.jsonl.gz]
 *                       [--epochs N] [--bits B] -o MODEL
 *   news-train-entities --dump [--model MODEL]
 *   news-train-entities --predict FILE [--model MODEL]
 *
 * Training: an averaged structured perceptron over BIO tags (Collins
 * 2002), first-order Viterbi, hashed features (common/entities/ner.h).
 * Gazetteers are the entity strings of the training data; the training
 * documents see gazetteers built from the other folds only (5-fold
 * jackknife), so the model does not learn to trust them blindly.  Word
 * clusters come from the unlabeled text (k-means over context vectors,
 * see clusters below).  After each epoch the averaged weights are scored
 * on DEV (span F1); the best epoch is kept.  --runs N trains N times with
 * different (fixed) shufflings and averages the N best weight vectors
 * (parameter mixing: one model of the same size, a little more robust).
 * Everything is deterministic: integer weight updates, fixed shuffling
 * generators, fixed orders.
 *
 * --predict writes each CoNLL line with the predicted tag appended (the
 * conlleval input format); --dump prints the model's sizes and its top
 * features per tag.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "binfile.h"
#include "entities/entities.h"
#include "entities/ner.h"
#include "err.h"
#include "hash.h"
#include "input.h"
#include "strbuf.h"
#include "tokenize.h"
#include "xalloc.h"

#define NFOLDS 5
#define GAZ_MAXLEN 8

/* A CoNLL document: tokens, gold tags, the original lines. */
struct cdoc {
	struct ner_doc d;
	uint8_t *gold;
	char **lines;
	size_t cap;
};

struct corpus {
	struct cdoc *v;
	size_t n, cap;
};

static int
tag_index(const char *s, size_t n)
{
	int i;
	for (i = 0; i < NTAGS; i++)
		if (strlen(ner_tag_names[i]) == n && memcmp(ner_tag_names[i], s, n) == 0)
			return i;
	return -1;
}

static struct cdoc *
new_doc(struct corpus *c)
{
	struct cdoc *cd;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	cd = &c->v[c->n++];
	memset(cd, 0, sizeof *cd);
	return cd;
}

/* Read a CoNLL file (WORD ... TAG per line, blank line between sentences). */
static void
read_conll(const char *path, struct corpus *c)
{
	struct reader r;
	const char *line;
	size_t len;
	struct cdoc *cd = NULL;
	int rc, newsent = 1;

	if (reader_open(&r, path) != 0)
		die("cannot read '%s'", path);
	while ((rc = reader_getline(&r, &line, &len)) == 1) {
		const char *sp, *last;
		int tag;
		if (len >= 10 && memcmp(line, "-DOCSTART-", 10) == 0) {
			cd = NULL;
			continue;
		}
		if (len == 0) {
			newsent = 1;
			continue;
		}
		if (!cd)
			cd = new_doc(c);
		sp = memchr(line, ' ', len);
		last = line + len;
		while (last > line && last[-1] != ' ')
			last--;
		if (!sp || last == line)
			die("%s:%lu: not a CoNLL line (WORD ... TAG)", path, r.lineno);
		tag = tag_index(last, (size_t)(line + len - last));
		if (tag < 0)
			die("%s:%lu: unknown tag '%.*s'", path, r.lineno, (int)(line + len - last), last);
		if (newsent)
			ner_doc_sentence(&cd->d);
		newsent = 0;
		ner_doc_add(&cd->d, line, (size_t)(sp - line));
		if (cd->d.n > cd->cap) {
			cd->cap = cd->d.cap;
			cd->gold = xreallocarray(cd->gold, 1, cd->cap);
			cd->lines = xreallocarray(cd->lines, cd->cap, sizeof *cd->lines);
		}
		cd->gold[cd->d.n - 1] = (uint8_t)tag;
		cd->lines[cd->d.n - 1] = xstrndup(line, len);
	}
	reader_close(&r);
	if (rc < 0)
		die("cannot read '%s'", path);
	if (c->n == 0)
		die("'%s' holds no tokens", path);
}

static void
free_corpus(struct corpus *c)
{
	size_t i, k;
	for (i = 0; i < c->n; i++) {
		for (k = 0; k < c->v[i].d.n; k++)
			free(c->v[i].lines[k]);
		free(c->v[i].lines);
		free(c->v[i].gold);
		ner_doc_release(&c->v[i].d);
	}
	free(c->v);
}

/* ---- open-addressing tables written into the model ---------------------- */

struct table {
	uint64_t *keys;
	uint8_t *vals; /* width bytes per slot */
	size_t slots, n, width;
};

static void
table_init(struct table *t, size_t expect, size_t width)
{
	t->slots = 1024;
	while (t->slots < 2 * expect + 2)
		t->slots <<= 1;
	t->keys = xcalloc(t->slots, sizeof *t->keys);
	t->vals = xcalloc(t->slots, width);
	t->n = 0;
	t->width = width;
}

static uint8_t *
table_slot(struct table *t, uint64_t key)
{
	size_t i, mask = t->slots - 1;
	for (i = key & mask; t->keys[i] && t->keys[i] != key; i = (i + 1) & mask)
		;
	if (!t->keys[i]) {
		t->keys[i] = key;
		t->n++;
	}
	return t->vals + i * t->width;
}

static void
table_free(struct table *t)
{
	free(t->keys);
	free(t->vals);
}

/* ---- gazetteers ----------------------------------------------------------- */

/* gz[k] from the documents not in fold k (k < NFOLDS); gz[NFOLDS] from all. */
static void
build_gazetteers(struct corpus *train, struct table *gz)
{
	size_t k, i, j, total = 0;

	for (i = 0; i < train->n; i++)
		total += train->v[i].d.n;
	for (k = 0; k <= NFOLDS; k++)
		table_init(&gz[k], total / 4, 1);
	for (i = 0; i < train->n; i++) {
		const struct cdoc *cd = &train->v[i];
		for (j = 0; j < cd->d.n; j++) {
			unsigned y = cd->gold[j], ty;
			size_t e = j + 1;
			uint64_t h;
			if (!(y & 1))
				continue;
			ty = (y - 1) / 2;
			while (e < cd->d.n && cd->gold[e] == y + 1)
				e++;
			if (e - j > GAZ_MAXLEN)
				continue;
			h = ner_gaz_hash(&cd->d, j, e);
			for (k = 0; k <= NFOLDS; k++)
				if (k == NFOLDS || i % NFOLDS != k)
					*table_slot(&gz[k], h) |= (uint8_t)(1u << ty);
			if (ty == 0 && e - j >= 2) {
				uint64_t hf = ner_gaz_hash(&cd->d, j, j + 1), hs = ner_gaz_hash(&cd->d, e - 1, e);
				for (k = 0; k <= NFOLDS; k++)
					if (k == NFOLDS || i % NFOLDS != k) {
						*table_slot(&gz[k], hf) |= GAZ_FNAME;
						*table_slot(&gz[k], hs) |= GAZ_SNAME;
					}
			}
		}
	}
}

static struct ner_gazetteer
gaz_view(const struct table *t)
{
	struct ner_gazetteer g = { t->keys, t->vals, t->slots - 1, GAZ_MAXLEN };
	return g;
}

/* ---- word clusters ------------------------------------------------------- */

#define CL_VOCAB 40000    /* words clustered: the most frequent */
#define CL_CTX 600        /* context words: the most frequent, left and right */
#define CL_DIM 96         /* random projection of the PPMI context vectors */
#define CL_ITERS 12

static unsigned const cl_k[NER_CLUSTER_LEVELS] = { 64, 256, 1024 };

struct wcount {
	uint64_t h;
	const char *w;
	size_t n;
	size_t id;
};

static int
cmp_wcount(const void *a, const void *b)
{
	const struct wcount *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->w, y->w);
}

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

/* k-means of the n rows of x (dim CL_DIM, unit length) into k groups; assign[n]. */
static void
kmeans(const float *x, size_t n, unsigned k, uint16_t *assign)
{
	float *c = xcalloc((size_t)k * CL_DIM, sizeof *c);
	double *sum = xcalloc((size_t)k * CL_DIM, sizeof *sum);
	size_t *cnt = xcalloc(k, sizeof *cnt), i;
	unsigned j, it, d;
	uint64_t seed = 0x9E3779B97F4A7C15ULL + k;

	/* Initial centres: the most frequent words spread by a fixed generator. */
	for (j = 0; j < k; j++)
		memcpy(c + (size_t)j * CL_DIM, x + (size_t)(rng_next(&seed) % n) * CL_DIM, CL_DIM * sizeof *c);
	for (it = 0; it < CL_ITERS; it++) {
		memset(sum, 0, (size_t)k * CL_DIM * sizeof *sum);
		memset(cnt, 0, k * sizeof *cnt);
		for (i = 0; i < n; i++) {
			const float *xi = x + i * CL_DIM;
			float best = -1e30f;
			unsigned bj = 0;
			for (j = 0; j < k; j++) {
				const float *cj = c + (size_t)j * CL_DIM;
				float dot = 0;
				for (d = 0; d < CL_DIM; d++)
					dot += xi[d] * cj[d];
				if (dot > best) {
					best = dot;
					bj = j;
				}
			}
			assign[i] = (uint16_t)bj;
			cnt[bj]++;
			for (d = 0; d < CL_DIM; d++)
				sum[(size_t)bj * CL_DIM + d] += xi[d];
		}
		for (j = 0; j < k; j++) {
			double norm = 0;
			if (!cnt[j]) /* an empty centre takes a fixed word */
				continue;
			for (d = 0; d < CL_DIM; d++)
				norm += sum[(size_t)j * CL_DIM + d] * sum[(size_t)j * CL_DIM + d];
			norm = sqrt(norm) + 1e-12;
			for (d = 0; d < CL_DIM; d++)
				c[(size_t)j * CL_DIM + d] = (float)(sum[(size_t)j * CL_DIM + d] / norm);
		}
	}
	free(c);
	free(sum);
	free(cnt);
}

/*
 * Induce word clusters from unlabeled NDJSON news (the "text" field) plus
 * the training text: each of the CL_VOCAB most frequent word forms gets a
 * vector of positive PMI with the CL_CTX most frequent words one position
 * to the left and to the right, randomly projected to CL_DIM dimensions;
 * k-means at three granularities gives three cluster ids per word.
 * Returns the table (keys: exact-form word hashes, as ner_tok.hw).
 */
static void
induce_clusters(const char *path, const struct corpus *train, struct table *out)
{
	struct table vocab;
	struct ner_doc d = NER_DOC_INIT;
	struct tokens toks = TOKENS_INIT;
	struct reader r;
	const char *line;
	size_t len, i, nw = 0, nv, *ctxcnt, total = 0;
	struct wcount *wc;
	float *cooc, *x;
	uint16_t *assign;
	unsigned lv;
	int rc;
	/* Pass 1 and 2 share this loop: pass 0 counts words, pass 1 counts contexts. */
	int pass;
	size_t *ctxid = NULL; /* vocab slot -> context index + 1 */
	size_t *rowid = NULL; /* vocab slot -> row + 1 */

	table_init(&vocab, 400000, sizeof(size_t));
	cooc = NULL;
	ctxcnt = NULL;
	wc = NULL;
	nv = 0;
	for (pass = 0; pass < 2; pass++) {
		size_t di = 0;
		if (reader_open(&r, path) != 0)
			die("cannot read '%s'", path);
		for (;;) {
			/* One document: a line of the unlabeled file, or a training document. */
			ner_doc_clear(&d);
			if (di < train->n) {
				const struct ner_doc *td = &train->v[di++].d;
				ner_doc_sentence(&d);
				for (i = 0; i < td->n; i++) {
					ner_doc_add(&d, td->arena.buf + td->off[3 * i], td->t[i].wlen);
				}
			} else {
				json_t *j, *t;
				json_error_t jerr;
				rc = reader_getline(&r, &line, &len);
				if (rc <= 0)
					break;
				j = json_loadb(line, len, 0, &jerr);
				if (!j)
					continue;
				t = json_object_get(j, "text");
				if (json_is_string(t)) {
					const char *s = json_string_value(t);
					tokens_clear(&toks);
					tokenize(s, json_string_length(t), 0, 0, &toks);
					ner_doc_sentence(&d);
					for (i = 0; i < toks.n; i++)
						ner_doc_add(&d, s + toks.v[i].bstart, toks.v[i].bend - toks.v[i].bstart);
				}
				json_decref(j);
			}
			for (i = 0; i < d.n; i++) {
				const char *w = d.arena.buf + d.off[3 * i];
				uint64_t h = hash64(w, d.t[i].wlen, 1) | 1;
				if (pass == 0) {
					size_t *cnt = (size_t *)table_slot(&vocab, h);
					if (*cnt == 0) {
						if (nw % 4096 == 0)
							wc = xreallocarray(wc, nw + 4096, sizeof *wc);
						wc[nw].h = h;
						wc[nw].w = xstrdup(w);
						wc[nw].n = 0;
						nw++;
						*cnt = nw; /* index + 1 */
					}
					wc[*cnt - 1].n++;
					total++;
				} else {
					size_t row = rowid[*(size_t *)table_slot(&vocab, h) - 1];
					if (!row)
						continue;
					if (i > 0) {
						uint64_t hp = hash64(d.arena.buf + d.off[3 * (i - 1)], d.t[i - 1].wlen, 1) | 1;
						size_t cx = ctxid[*(size_t *)table_slot(&vocab, hp) - 1];
						if (cx)
							cooc[(row - 1) * 2 * CL_CTX + cx - 1] += 1;
					}
					if (i + 1 < d.n) {
						uint64_t hn = hash64(d.arena.buf + d.off[3 * (i + 1)], d.t[i + 1].wlen, 1) | 1;
						size_t cx = ctxid[*(size_t *)table_slot(&vocab, hn) - 1];
						if (cx)
							cooc[(row - 1) * 2 * CL_CTX + CL_CTX + cx - 1] += 1;
					}
				}
			}
		}
		reader_close(&r);
		if (pass == 0) {
			/* Rank words; keep ids in first-seen order for the slot map. */
			struct wcount *sorted = xmalloc(nw * sizeof *sorted);
			for (i = 0; i < nw; i++) {
				wc[i].id = i;
				sorted[i] = wc[i];
			}
			qsort(sorted, nw, sizeof *sorted, cmp_wcount);
			ctxid = xcalloc(nw, sizeof *ctxid);
			rowid = xcalloc(nw, sizeof *rowid);
			nv = nw < CL_VOCAB ? nw : CL_VOCAB;
			for (i = 0; i < nv; i++) {
				if (sorted[i].n < 3) {
					nv = i;
					break;
				}
				rowid[sorted[i].id] = i + 1;
				if (i < CL_CTX)
					ctxid[sorted[i].id] = i + 1;
			}
			for (i = 0; i < nw; i++)
				wc[i] = sorted[i]; /* wc is now ranked; rowid/ctxid by old id */
			free(sorted);
			cooc = xcalloc(nv * 2 * CL_CTX, sizeof *cooc);
		}
	}
	/* PPMI, projection, normalisation. */
	ctxcnt = xcalloc(2 * CL_CTX, sizeof *ctxcnt);
	{
		double *colsum = xcalloc(2 * CL_CTX, sizeof *colsum), all = 0;
		size_t c;
		float *proj = xmalloc((size_t)2 * CL_CTX * CL_DIM * sizeof *proj);
		uint64_t seed = 12345;
		for (i = 0; i < nv; i++)
			for (c = 0; c < 2 * CL_CTX; c++) {
				colsum[c] += cooc[i * 2 * CL_CTX + c];
				all += cooc[i * 2 * CL_CTX + c];
			}
		for (c = 0; c < (size_t)2 * CL_CTX * CL_DIM; c++)
			proj[c] = (rng_next(&seed) & 1) ? 1.0f : -1.0f;
		x = xcalloc(nv * CL_DIM, sizeof *x);
		for (i = 0; i < nv; i++) {
			double rs = 0, norm = 0;
			unsigned dd;
			for (c = 0; c < 2 * CL_CTX; c++)
				rs += cooc[i * 2 * CL_CTX + c];
			for (c = 0; c < 2 * CL_CTX; c++) {
				double v = cooc[i * 2 * CL_CTX + c], pmi;
				if (v <= 0 || rs <= 0)
					continue;
				pmi = log(v * all / (rs * colsum[c]));
				if (pmi <= 0)
					continue;
				for (dd = 0; dd < CL_DIM; dd++)
					x[i * CL_DIM + dd] += (float)pmi * proj[c * CL_DIM + dd];
			}
			for (dd = 0; dd < CL_DIM; dd++)
				norm += (double)x[i * CL_DIM + dd] * x[i * CL_DIM + dd];
			norm = sqrt(norm) + 1e-12;
			for (dd = 0; dd < CL_DIM; dd++)
				x[i * CL_DIM + dd] = (float)(x[i * CL_DIM + dd] / norm);
		}
		free(colsum);
		free(proj);
	}
	note("clusters: %zu word forms (%zu tokens), %zu clustered", nw, total, nv);
	if (nv < 2 * cl_k[NER_CLUSTER_LEVELS - 1])
		die("too little unlabeled text for %u clusters (%zu frequent words)", cl_k[NER_CLUSTER_LEVELS - 1], nv);
	table_init(out, nv, NER_CLUSTER_LEVELS * sizeof(uint16_t));
	assign = xmalloc(nv * sizeof *assign);
	for (lv = 0; lv < NER_CLUSTER_LEVELS; lv++) {
		kmeans(x, nv, cl_k[lv], assign);
		for (i = 0; i < nv; i++) {
			/* Keys as ner_tok.hw: hash64(form, SEED_W = 1). */
			uint16_t *v = (uint16_t *)table_slot(out, wc[i].h);
			v[lv] = (uint16_t)(assign[i] + 1);
		}
	}
	free(assign);
	free(x);
	free(cooc);
	free(ctxcnt);
	free(ctxid);
	free(rowid);
	for (i = 0; i < nw; i++)
		free((char *)wc[i].w);
	free(wc);
	table_free(&vocab);
	tokens_release(&toks);
	ner_doc_release(&d);
}

/* ---- training --------------------------------------------------------------- */

/* Features of every token of a corpus, flat. */
struct featset {
	uint32_t *f;
	size_t *at; /* token k's features are f[at[k]..at[k+1]) */
	size_t ntok;
};

static void
extract(const struct corpus *c, unsigned bits, struct featset *fs)
{
	size_t i, s, k, total = 0, cap = 0, pos = 0;
	uint32_t buf[NER_MAXFEAT];

	for (i = 0; i < c->n; i++)
		total += c->v[i].d.n;
	fs->at = xmalloc((total + 1) * sizeof *fs->at);
	fs->f = NULL;
	fs->ntok = 0;
	for (i = 0; i < c->n; i++) {
		const struct ner_doc *d = &c->v[i].d;
		for (s = 0; s < d->nsent; s++)
			for (k = d->sent[s]; k < d->sent[s + 1]; k++) {
				size_t nf = ner_features(d, d->sent[s], d->sent[s + 1], k, bits, buf, NULL);
				if (pos + nf > cap) {
					cap = cap ? 2 * cap : 1 << 20;
					fs->f = xreallocarray(fs->f, cap, sizeof *fs->f);
				}
				memcpy(fs->f + pos, buf, nf * sizeof *buf);
				fs->at[fs->ntok++] = pos;
				pos += nf;
			}
	}
	fs->at[fs->ntok] = pos;
}

struct sent_ref {
	size_t doc, b, e, tok; /* tok: index of token b in the featset */
};

struct weights {
	unsigned bits;
	size_t nw;
	int32_t *w, *tw;  /* current */
	int64_t *u, *tu;  /* sum of c * update, for averaging */
	int64_t c;
};

/* Averaged weight of index k (a = w - u / c). */
static inline double
avg(int32_t w, int64_t u, int64_t c)
{
	return (double)w - (double)u / (double)c;
}

struct prf {
	size_t tp[4], fp[4], fn[4];
};

/* Entity spans of a BIO tag sequence. */
static void
score_spans(const uint8_t *gold, const uint8_t *pred, size_t n, struct prf *r)
{
	size_t i, j;
	for (i = 0; i < n; i++) {
		if (pred[i] & 1) {
			unsigned t = (pred[i] - 1) / 2;
			for (j = i + 1; j < n && pred[j] == pred[i] + 1; j++)
				;
			/* Gold has the same span? */
			if (gold[i] == pred[i] && (j == n || gold[j] != pred[i] + 1)) {
				size_t q;
				int same = 1;
				for (q = i + 1; q < j; q++)
					same &= gold[q] == pred[i] + 1;
				if (same)
					r->tp[t]++;
				else
					r->fp[t]++;
			} else {
				r->fp[t]++;
			}
		}
		if (gold[i] & 1) {
			unsigned t = (gold[i] - 1) / 2;
			for (j = i + 1; j < n && gold[j] == gold[i] + 1; j++)
				;
			if (!(pred[i] == gold[i] && (j == n || pred[j] != gold[i] + 1))) {
				r->fn[t]++;
			} else {
				size_t q;
				int same = 1;
				for (q = i + 1; q < j; q++)
					same &= pred[q] == gold[i] + 1;
				if (!same)
					r->fn[t]++;
			}
		}
	}
}

static double
f1_of(size_t tp, size_t fp, size_t fn)
{
	return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
}

static double
prf_f1(const struct prf *r)
{
	size_t tp = 0, fp = 0, fn = 0, t;
	for (t = 0; t < 4; t++) {
		tp += r->tp[t];
		fp += r->fp[t];
		fn += r->fn[t];
	}
	return f1_of(tp, fp, fn);
}

/* Dynamic (history) features of a sentence: dyn[at[q]..at[q+1]) for token q. */
struct dynf {
	uint32_t *f;
	size_t *at;
	size_t cap, atcap;
};

static void
dyn_fill(struct dynf *df, const struct ner_hist *h, const struct ner_doc *d, size_t b, size_t e, unsigned bits)
{
	size_t q, pos = 0;
	if (e - b + 1 > df->atcap) {
		df->atcap = e - b + 1;
		df->at = xreallocarray(df->at, df->atcap, sizeof *df->at);
	}
	if ((e - b) * NER_MAXHIST > df->cap) {
		df->cap = (e - b) * NER_MAXHIST;
		df->f = xreallocarray(df->f, df->cap, sizeof *df->f);
	}
	for (q = b; q < e; q++) {
		df->at[q - b] = pos;
		pos += ner_hist_features(h, &d->t[q], bits, df->f + pos, NULL);
	}
	df->at[e - b] = pos;
}

/* Decode a sentence with current (or averaged) weights. */
static void
decode(const struct weights *W, const struct featset *fs, size_t tok, size_t n, int averaged, double *emit,
       double *trans, uint8_t *out, const struct dynf *df)
{
	size_t i, k;
	unsigned y;

	for (k = 0; k < (NTAGS + 1) * NTAGS; k++)
		trans[k] = averaged ? avg(W->tw[k], W->tu[k], W->c) : W->tw[k];
	for (i = 0; i < n; i++) {
		double *e = emit + i * NTAGS;
		size_t pass;
		for (y = 0; y < NTAGS; y++)
			e[y] = 0;
		for (pass = 0; pass < 2; pass++) {
			const uint32_t *f = pass ? df->f : fs->f;
			size_t from = pass ? df->at[i] : fs->at[tok + i], to = pass ? df->at[i + 1] : fs->at[tok + i + 1];
			for (k = from; k < to; k++) {
				size_t base = (size_t)f[k] * NTAGS;
				if (averaged)
					for (y = 0; y < NTAGS; y++)
						e[y] += avg(W->w[base + y], W->u[base + y], W->c);
				else
					for (y = 0; y < NTAGS; y++)
						e[y] += W->w[base + y];
			}
		}
	}
	ner_viterbi_d(emit, trans, n, out);
}

static void
upd(int32_t *w, int64_t *u, size_t k, int d, int64_t c)
{
	w[k] += d;
	u[k] += d * c;
}

static void
sentences_of(const struct corpus *c, struct sent_ref **out, size_t *n)
{
	size_t i, s, tok = 0, cap = 0;
	*out = NULL;
	*n = 0;
	for (i = 0; i < c->n; i++) {
		const struct ner_doc *d = &c->v[i].d;
		for (s = 0; s < d->nsent; s++) {
			if (*n == cap) {
				cap = cap ? 2 * cap : 1024;
				*out = xreallocarray(*out, cap, sizeof **out);
			}
			(*out)[*n].doc = i;
			(*out)[*n].b = d->sent[s];
			(*out)[*n].e = d->sent[s + 1];
			(*out)[*n].tok = tok;
			(*n)++;
			tok += d->sent[s + 1] - d->sent[s];
		}
	}
}

static void
evaluate(const struct weights *W, const struct corpus *c, const struct featset *fs, const struct sent_ref *ss,
	 size_t ns, struct prf *r)
{
	size_t i, q, cap = 0, doc = (size_t)-1;
	double *emit = NULL, trans[(NTAGS + 1) * NTAGS];
	uint8_t *pred = NULL;
	struct ner_hist h = { NULL, NULL, 0 };
	struct dynf df = { NULL, NULL, 0, 0 };

	memset(r, 0, sizeof *r);
	for (i = 0; i < ns; i++) {
		size_t n = ss[i].e - ss[i].b;
		const struct ner_doc *d = &c->v[ss[i].doc].d;
		if (ss[i].doc != doc) {
			doc = ss[i].doc;
			ner_hist_reset(&h, d->n);
		}
		if (n > cap) {
			cap = n;
			emit = xreallocarray(emit, cap * NTAGS, sizeof *emit);
			pred = xreallocarray(pred, 1, cap);
		}
		dyn_fill(&df, &h, d, ss[i].b, ss[i].e, W->bits);
		decode(W, fs, ss[i].tok, n, 1, emit, trans, pred, &df);
		for (q = 0; q < n; q++)
			ner_hist_add(&h, &d->t[ss[i].b + q], pred[q]);
		score_spans(c->v[ss[i].doc].gold + ss[i].b, pred, n, r);
	}
	free(emit);
	free(pred);
	free(df.f);
	free(df.at);
	ner_hist_release(&h);
}

struct opts {
	const char *train, *dev, *unlabeled, *output, *model, *predict;
	int dump;
	unsigned epochs, bits, runs;
};

/* Names of the top features per tag (for --dump), found by re-extracting training features. */
static void
top_names(const struct corpus *c, const float *best, unsigned bits, struct strbuf *out)
{
	enum { TOP = 25 };
	uint32_t top[NTAGS][TOP];
	char *names[NTAGS][TOP];
	size_t nb = (size_t)1 << bits, i, k, s, y, j;
	struct strbuf nm = STRBUF_INIT;
	uint32_t buf[NER_MAXFEAT];

	memset(names, 0, sizeof names);
	for (y = 0; y < NTAGS; y++) {
		size_t m = 0;
		for (i = 0; i < nb; i++) {
			float v = best[i * NTAGS + y];
			if (m < TOP || v > best[(size_t)top[y][m - 1] * NTAGS + y]) {
				size_t p = m < TOP ? m++ : TOP - 1;
				while (p > 0 && best[(size_t)top[y][p - 1] * NTAGS + y] < v) {
					top[y][p] = top[y][p - 1];
					p--;
				}
				top[y][p] = (uint32_t)i;
			}
		}
	}
	for (i = 0; i < c->n; i++) {
		const struct ner_doc *d = &c->v[i].d;
		for (s = 0; s < d->nsent; s++)
			for (k = d->sent[s]; k < d->sent[s + 1]; k++) {
				size_t nf, q;
				const char *p;
				strbuf_reset(&nm);
				nf = ner_features(d, d->sent[s], d->sent[s + 1], k, bits, buf, &nm);
				p = nm.buf;
				for (q = 0; q < nf; q++) {
					const char *e = strchr(p, '\n');
					for (y = 0; y < NTAGS; y++)
						for (j = 0; j < TOP; j++)
							if (top[y][j] == buf[q] && !names[y][j])
								names[y][j] = xstrndup(p, (size_t)(e - p));
					p = e + 1;
				}
			}
	}
	for (y = 0; y < NTAGS; y++) {
		strbuf_addf(out, "== %s\n", ner_tag_names[y]);
		for (j = 0; j < TOP; j++) {
			strbuf_addf(out, "%10.1f  %s\n", best[(size_t)top[y][j] * NTAGS + y],
				    names[y][j] ? names[y][j] : "?");
			free(names[y][j]);
		}
	}
	strbuf_release(&nm);
}

static void
train(const struct opts *o)
{
	struct corpus tr = { NULL, 0, 0 }, dv = { NULL, 0, 0 };
	struct table gz[NFOLDS + 1], cl = { NULL, NULL, 0, 0, 0 };
	struct ner_clusters clv = { NULL, NULL, 0 };
	struct featset ftr, fdv;
	struct sent_ref *str, *sdv;
	size_t ntr, ndv, i, k, cap = 0;
	struct weights W;
	float *best;
	float btrans[(NTAGS + 1) * NTAGS], mixt[(NTAGS + 1) * NTAGS] = { 0 }, *mix;
	unsigned run;
	double bestf = -1, *emit = NULL, trans[(NTAGS + 1) * NTAGS], maxabs = 0, scale;
	uint8_t *pred = NULL;
	unsigned ep, bestep = 0;
	size_t *order, *docfirst;
	struct ner_hist hist = { NULL, NULL, 0 };
	struct dynf df = { NULL, NULL, 0, 0 };
	uint64_t seed = 0x2545F4914F6CDD1DULL;
	int16_t *wq;
	int32_t tq[(NTAGS + 1) * NTAGS];
	struct ner_head head;
	struct strbuf names = STRBUF_INIT;

	read_conll(o->train, &tr);
	read_conll(o->dev, &dv);
	if (o->unlabeled) {
		induce_clusters(o->unlabeled, &tr, &cl);
		clv.keys = cl.keys;
		clv.vals = (const uint16_t *)cl.vals;
		clv.mask = cl.slots - 1;
	}
	for (i = 0; i < tr.n; i++)
		ner_doc_prepare(&tr.v[i].d, clv.keys ? &clv : NULL, NULL);
	build_gazetteers(&tr, gz);
	for (i = 0; i < tr.n; i++) {
		struct ner_gazetteer g = gaz_view(&gz[i % NFOLDS]);
		ner_doc_gazetteer(&tr.v[i].d, &g);
	}
	{
		struct ner_gazetteer g = gaz_view(&gz[NFOLDS]);
		for (i = 0; i < dv.n; i++)
			ner_doc_prepare(&dv.v[i].d, clv.keys ? &clv : NULL, &g);
	}
	extract(&tr, o->bits, &ftr);
	extract(&dv, o->bits, &fdv);
	sentences_of(&tr, &str, &ntr);
	sentences_of(&dv, &sdv, &ndv);
	note("train: %zu documents, %zu sentences, %zu tokens, %zu features; dev: %zu sentences",
	     tr.n, ntr, ftr.ntok, ftr.at[ftr.ntok], ndv);

	W.bits = o->bits;
	W.nw = ((size_t)1 << o->bits) * NTAGS;
	W.w = xcalloc(W.nw, sizeof *W.w);
	W.u = xcalloc(W.nw, sizeof *W.u);
	W.tw = xcalloc((NTAGS + 1) * NTAGS, sizeof *W.tw);
	W.tu = xcalloc((NTAGS + 1) * NTAGS, sizeof *W.tu);
	W.c = 1;
	best = xcalloc(W.nw, sizeof *best);
	/* Documents in a shuffled order, the sentences of each in order (the history needs it). */
	order = xmalloc(tr.n * sizeof *order);
	docfirst = xmalloc((tr.n + 1) * sizeof *docfirst);
	for (i = 0, k = 0; i < tr.n; i++) {
		order[i] = i;
		while (k < ntr && str[k].doc < i)
			k++;
		docfirst[i] = k;
	}
	docfirst[tr.n] = ntr;
	mix = xcalloc(W.nw, sizeof *mix);
	for (run = 0; run < o->runs; run++) {
	/* Each run: fresh weights, its own shuffling; the runs' best weights are averaged. */
	memset(W.w, 0, W.nw * sizeof *W.w);
	memset(W.u, 0, W.nw * sizeof *W.u);
	memset(W.tw, 0, (NTAGS + 1) * NTAGS * sizeof *W.tw);
	memset(W.tu, 0, (NTAGS + 1) * NTAGS * sizeof *W.tu);
	W.c = 1;
	bestf = -1;
	seed = 0x2545F4914F6CDD1DULL + 0x9E3779B97F4A7C15ULL * run;
	for (i = 0; i < tr.n; i++)
		order[i] = i;
	for (ep = 1; ep <= o->epochs; ep++) {
		struct prf r;
		size_t errs = 0, di, si;
		double f;
		for (i = tr.n; i > 1; i--) { /* Fisher-Yates with a fixed generator */
			size_t j = rng_next(&seed) % i, t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (di = 0; di < tr.n; di++) {
			const struct ner_doc *d = &tr.v[order[di]].d;
			ner_hist_reset(&hist, d->n);
			for (si = docfirst[order[di]]; si < docfirst[order[di] + 1]; si++) {
				const struct sent_ref *sr = &str[si];
				size_t n = sr->e - sr->b, q;
				const uint8_t *gold = tr.v[sr->doc].gold + sr->b;
				if (n > cap) {
					cap = n;
					emit = xreallocarray(emit, cap * NTAGS, sizeof *emit);
					pred = xreallocarray(pred, 1, cap);
				}
				dyn_fill(&df, &hist, d, sr->b, sr->e, W.bits);
				decode(&W, &ftr, sr->tok, n, 0, emit, trans, pred, &df);
				for (q = 0; q < n; q++) {
					unsigned pg = q ? gold[q - 1] : NTAGS, pp = q ? pred[q - 1] : NTAGS;
					if (gold[q] != pred[q]) {
						size_t pass;
						errs++;
						for (pass = 0; pass < 2; pass++) {
							const uint32_t *ff = pass ? df.f : ftr.f;
							size_t from = pass ? df.at[q] : ftr.at[sr->tok + q],
							       to = pass ? df.at[q + 1] : ftr.at[sr->tok + q + 1];
							for (k = from; k < to; k++) {
								size_t base = (size_t)ff[k] * NTAGS;
								upd(W.w, W.u, base + gold[q], 1, W.c);
								upd(W.w, W.u, base + pred[q], -1, W.c);
							}
						}
					}
					if (gold[q] != pred[q] || pg != pp) {
						upd(W.tw, W.tu, pg * NTAGS + gold[q], 1, W.c);
						upd(W.tw, W.tu, pp * NTAGS + pred[q], -1, W.c);
					}
				}
				for (q = 0; q < n; q++)
					ner_hist_add(&hist, &d->t[sr->b + q], pred[q]);
				W.c++;
			}
		}
		evaluate(&W, &dv, &fdv, sdv, ndv, &r);
		f = prf_f1(&r);
		note("epoch %u: %zu token errors on train, dev F1 %.4f (PER %.4f ORG %.4f LOC %.4f MISC %.4f)", ep, errs,
		     f, f1_of(r.tp[0], r.fp[0], r.fn[0]), f1_of(r.tp[1], r.fp[1], r.fn[1]),
		     f1_of(r.tp[2], r.fp[2], r.fn[2]), f1_of(r.tp[3], r.fp[3], r.fn[3]));
		if (f > bestf) {
			bestf = f;
			bestep = ep;
			for (k = 0; k < W.nw; k++)
				best[k] = (float)avg(W.w[k], W.u[k], W.c);
			for (k = 0; k < (NTAGS + 1) * NTAGS; k++)
				btrans[k] = (float)avg(W.tw[k], W.tu[k], W.c);
		}
	}
	note("run %u: best epoch %u, dev F1 %.4f", run + 1, bestep, bestf);
	for (k = 0; k < W.nw; k++)
		mix[k] += best[k] / (float)o->runs;
	for (k = 0; k < (NTAGS + 1) * NTAGS; k++)
		mixt[k] += btrans[k] / (float)o->runs;
	}
	memcpy(best, mix, W.nw * sizeof *best);
	memcpy(btrans, mixt, sizeof btrans);
	if (o->runs > 1) {
		/* Score the mixture: its weights as integers (x 64), nothing to average. */
		struct prf r;
		for (k = 0; k < W.nw; k++)
			W.w[k] = (int32_t)lrint(best[k] * 64.0);
		for (k = 0; k < (NTAGS + 1) * NTAGS; k++)
			W.tw[k] = (int32_t)lrint(btrans[k] * 64.0);
		memset(W.u, 0, W.nw * sizeof *W.u);
		memset(W.tu, 0, (NTAGS + 1) * NTAGS * sizeof *W.tu);
		W.c = 1;
		evaluate(&W, &dv, &fdv, sdv, ndv, &r);
		note("mixture of %u runs: dev F1 %.4f (PER %.4f ORG %.4f LOC %.4f MISC %.4f)", o->runs, prf_f1(&r),
		     f1_of(r.tp[0], r.fp[0], r.fn[0]), f1_of(r.tp[1], r.fp[1], r.fn[1]),
		     f1_of(r.tp[2], r.fp[2], r.fn[2]), f1_of(r.tp[3], r.fp[3], r.fn[3]));
	}
	/* Tags 1..8 relative to O (see model.c), quantised to int16 with one scale. */
	for (k = 0; k < W.nw; k += NTAGS) {
		unsigned y;
		for (y = 1; y < NTAGS; y++)
			if (fabs((double)best[k + y] - best[k]) > maxabs)
				maxabs = fabs((double)best[k + y] - best[k]);
	}
	scale = maxabs > 0 ? maxabs / 32767.0 : 1.0;
	wq = xmalloc(W.nw / NTAGS * NER_WROW * sizeof *wq);
	for (k = 0; k < W.nw / NTAGS; k++) {
		unsigned y;
		for (y = 1; y < NTAGS; y++)
			wq[k * NER_WROW + y - 1] =
				(int16_t)lrint(((double)best[k * NTAGS + y] - best[k * NTAGS]) / scale);
	}
	for (k = 0; k < (NTAGS + 1) * NTAGS; k++)
		tq[k] = (int32_t)lrint(btrans[k] / scale);
	top_names(&tr, best, o->bits, &names);
	memset(&head, 0, sizeof head);
	head.bits = o->bits;
	head.ntags = NTAGS;
	head.gaz_maxlen = GAZ_MAXLEN;
	head.levels = NER_CLUSTER_LEVELS;
	head.scale = (float)scale;
	head.epochs = bestep;
	{
		struct binfile_section sec[8];
		size_t ns = 0;
		sec[ns++] = (struct binfile_section){ NER_SEC_HEAD, &head, sizeof head };
		sec[ns++] = (struct binfile_section){ NER_SEC_WGHT, wq, W.nw / NTAGS * NER_WROW * sizeof *wq };
		sec[ns++] = (struct binfile_section){ NER_SEC_TRAN, tq, sizeof tq };
		sec[ns++] = (struct binfile_section){ NER_SEC_GAZK, gz[NFOLDS].keys, gz[NFOLDS].slots * 8 };
		sec[ns++] = (struct binfile_section){ NER_SEC_GAZV, gz[NFOLDS].vals, gz[NFOLDS].slots };
		if (cl.keys) {
			sec[ns++] = (struct binfile_section){ NER_SEC_CLUK, cl.keys, cl.slots * 8 };
			sec[ns++] = (struct binfile_section){ NER_SEC_CLUV, cl.vals, cl.slots * cl.width };
		}
		sec[ns++] = (struct binfile_section){ NER_SEC_NAME, names.buf, names.len };
		if (binfile_write(o->output, NER_MAGIC, NER_VERSION, sec, ns) != 0)
			die("cannot write the model");
	}
	note("wrote %s", o->output);
	strbuf_release(&names);
	free(wq);
	free(best);
	free(mix);
	free(order);
	free(docfirst);
	free(df.f);
	free(df.at);
	ner_hist_release(&hist);
	free(emit);
	free(pred);
	free(W.w);
	free(W.u);
	free(W.tw);
	free(W.tu);
	free(ftr.f);
	free(ftr.at);
	free(fdv.f);
	free(fdv.at);
	free(str);
	free(sdv);
	for (k = 0; k <= NFOLDS; k++)
		table_free(&gz[k]);
	if (cl.keys)
		table_free(&cl);
	free_corpus(&tr);
	free_corpus(&dv);
}

/* Tag a CoNLL file with the model, appending the predicted tag to each line. */
static void
predict(const struct opts *o)
{
	struct ner_model *m = ner_model_load(o->model);
	struct corpus c = { NULL, 0, 0 };
	size_t i, k, s;
	uint8_t *tags = NULL;
	int32_t *emit = NULL;

	read_conll(o->predict, &c);
	for (i = 0; i < c.n; i++) {
		struct cdoc *cd = &c.v[i];
		ner_doc_prepare(&cd->d, &m->cl, &m->gz);
		tags = xreallocarray(tags, 1, cd->d.n ? cd->d.n : 1);
		emit = xreallocarray(emit, (cd->d.n ? cd->d.n : 1) * NTAGS, sizeof *emit);
		ner_model_tag_doc_emit(m, &cd->d, NULL, tags, emit);
		ner_refine_types(&cd->d, emit, m->scale, tags);
		printf("-DOCSTART- -X- -X- O O\n\n");
		for (s = 0; s < cd->d.nsent; s++) {
			for (k = cd->d.sent[s]; k < cd->d.sent[s + 1]; k++)
				printf("%s %s\n", cd->lines[k], ner_tag_names[tags[k]]);
			printf("\n");
		}
	}
	free(tags);
	free(emit);
	free_corpus(&c);
	ner_model_free(m);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("write error");
}

static void
dump(const struct opts *o)
{
	struct ner_model *m = ner_model_load(o->model);
	printf("model %s: %u hash bits (%zu weights), scale %g, gazetteer %s, clusters %s\n", m->path, m->bits,
	       ((size_t)1 << m->bits) * NER_WROW, (double)m->scale, m->gz.keys ? "yes" : "no",
	       m->cl.keys ? "yes" : "no");
	if (m->names)
		fwrite(m->names, 1, (size_t)m->names_len, stdout);
	ner_model_free(m);
}

static void NP_NORETURN
usage(void)
{
	fprintf(stderr, "usage: news-train-entities --train FILE --dev FILE [--unlabeled FILE.jsonl.gz] "
			"[--epochs N] [--runs N] [--bits B] -o MODEL\n"
			"       news-train-entities --dump [--model MODEL]\n"
			"       news-train-entities --predict CONLL [--model MODEL]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "train", required_argument, NULL, 't' }, { "dev", required_argument, NULL, 'd' },
		{ "unlabeled", required_argument, NULL, 'u' }, { "output", required_argument, NULL, 'o' },
		{ "model", required_argument, NULL, 'm' }, { "predict", required_argument, NULL, 'p' },
		{ "dump", no_argument, NULL, 'D' }, { "epochs", required_argument, NULL, 'e' },
		{ "bits", required_argument, NULL, 'b' }, { "help", no_argument, NULL, 'h' },
		{ "runs", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o = { NULL, NULL, NULL, NULL, NULL, NULL, 0, 15, 20, 5 };
	int c;

	prog_init(argv);
	while ((c = getopt_long(argc, argv, "o:m:h", lo, NULL)) != -1) {
		switch (c) {
		case 't': o.train = optarg; break;
		case 'd': o.dev = optarg; break;
		case 'u': o.unlabeled = optarg; break;
		case 'o': o.output = optarg; break;
		case 'm': o.model = optarg; break;
		case 'p': o.predict = optarg; break;
		case 'D': o.dump = 1; break;
		case 'e': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (*end || v < 1 || v > 200)
				usage();
			o.epochs = (unsigned)v;
			break;
		}
		case 'r': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (*end || v < 1 || v > 16)
				usage();
			o.runs = (unsigned)v;
			break;
		}
		case 'b': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (*end || v < 10 || v > 26)
				usage();
			o.bits = (unsigned)v;
			break;
		}
		case 'h':
			printf("Train, dump or run the entity tagger's model.\n");
			usage();
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	/* A tool run from the project root: its model is data/entities/model.bin there. */
	if (!o.model && !getenv("NEWSPIPE_DATA") && access("data/entities/model.bin", R_OK) == 0)
		o.model = "data/entities/model.bin";
	if (o.dump)
		dump(&o);
	else if (o.predict)
		predict(&o);
	else if (o.train && o.dev && o.output)
		train(&o);
	else
		usage();
	return prog_exit();
}
