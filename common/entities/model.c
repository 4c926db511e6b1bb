/*
 * model.c - the entity model file and Viterbi decoding.
 *
 * The file (binfile.h layout, magic NER_MAGIC, version NER_VERSION):
 *   HEAD  struct ner_head: hash bits, tag count, gazetteer max length,
 *         cluster levels, weight scale, training epochs
 *   WGHT  int16 weights, (1 << bits) x NER_WROW: the score of tags 1..8
 *         relative to O's (Viterbi only compares tags at a position, so
 *         O's weight can be folded in; rows of 16 bytes never straddle a
 *         cache line), weight = value * scale
 *   TRAN  int32 transition scores, (NTAGS + 1) x NTAGS (last row: start)
 *   GAZK/GAZV  gazetteer: u64 keys, u8 type masks (open addressing)
 *   CLUK/CLUV  word clusters: u64 keys, u16 x levels cluster ids
 *   NAME  top features as text (for --dump), optional
 * Every size is checked against the header on load.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "entities/entities.h"
#include "entities/ner.h"
#include "err.h"
#include "xalloc.h"

/* May tag y follow tag p (p == NTAGS: sentence start)? */
static int
allowed(unsigned p, unsigned y)
{
	if (y == 0 || (y & 1))
		return 1; /* O or B-X */
	return p != NTAGS && p != 0 && (p + 1) / 2 == y / 2;
}

/* The best path, from its last tag and the back pointers (shared by both Viterbis). */
static void
backtrack(const uint8_t *back, size_t n, unsigned best, uint8_t *tags)
{
	size_t i;

	for (i = n; i-- > 0;) {
		tags[i] = (uint8_t)best;
		if (i > 0)
			best = back[i * NTAGS + best];
	}
}

void
ner_viterbi_d(const double *emit, const double *trans, size_t n, uint8_t *tags)
{
	double *score;
	uint8_t *back;
	size_t i;
	unsigned y, p, best = 0;

	if (n == 0)
		return;
	score = xmalloc(n * NTAGS * sizeof *score);
	back = xmalloc(n * NTAGS);
	for (y = 0; y < NTAGS; y++)
		score[y] = allowed(NTAGS, y) ? emit[y] + trans[NTAGS * NTAGS + y] : -1e300;
	for (i = 1; i < n; i++) {
		for (y = 0; y < NTAGS; y++) {
			double b = -1e301;
			unsigned bp = 0;
			for (p = 0; p < NTAGS; p++) {
				double v;
				if (!allowed(p, y))
					continue;
				v = score[(i - 1) * NTAGS + p] + trans[p * NTAGS + y];
				if (v > b) {
					b = v;
					bp = p;
				}
			}
			score[i * NTAGS + y] = b + emit[i * NTAGS + y];
			back[i * NTAGS + y] = (uint8_t)bp;
		}
	}
	for (y = 1; y < NTAGS; y++)
		if (score[(n - 1) * NTAGS + y] > score[(n - 1) * NTAGS + best])
			best = y;
	backtrack(back, n, best, tags);
	free(score);
	free(back);
}

void
ner_viterbi_i(const int32_t *emit, const int32_t *trans, size_t n, uint8_t *tags)
{
	int64_t *score, tr[(NTAGS + 1) * NTAGS];
	uint8_t *back;
	size_t i;
	unsigned y, p, best = 0;
	const int64_t NEG = INT64_MIN / 4;

	if (n == 0)
		return;
	/* Disallowed transitions as a large negative score: no branch in the loop. */
	for (p = 0; p <= NTAGS; p++)
		for (y = 0; y < NTAGS; y++)
			tr[p * NTAGS + y] = allowed(p, y) ? trans[p * NTAGS + y] : NEG / 2;
	score = xmalloc(n * NTAGS * sizeof *score);
	back = xmalloc(n * NTAGS);
	for (y = 0; y < NTAGS; y++)
		score[y] = (int64_t)emit[y] + tr[NTAGS * NTAGS + y];
	for (i = 1; i < n; i++) {
		const int64_t *prev = score + (i - 1) * NTAGS;
		for (y = 0; y < NTAGS; y++) {
			int64_t b = prev[0] + tr[y];
			unsigned bp = 0;
			for (p = 1; p < NTAGS; p++) {
				int64_t v = prev[p] + tr[p * NTAGS + y];
				if (v > b) {
					b = v;
					bp = p;
				}
			}
			score[i * NTAGS + y] = b + emit[i * NTAGS + y];
			back[i * NTAGS + y] = (uint8_t)bp;
		}
	}
	for (y = 1; y < NTAGS; y++)
		if (score[(n - 1) * NTAGS + y] > score[(n - 1) * NTAGS + best])
			best = y;
	backtrack(back, n, best, tags);
	free(score);
	free(back);
}

void
ner_model_tag_doc(const struct ner_model *m, const struct ner_doc *d, const uint8_t *force, uint8_t *tags)
{
	ner_model_tag_doc_emit(m, d, force, tags, NULL);
}

void
ner_model_tag_doc_emit(const struct ner_model *m, const struct ner_doc *d, const uint8_t *force, uint8_t *tags,
		       int32_t *emit_out)
{
	size_t s, i, k, cap = 0;
	int32_t *emit = NULL;
	uint32_t f[NER_MAXFEAT + NER_MAXHIST];
	struct ner_hist h = { NULL, NULL, 0 };

	ner_hist_reset(&h, d->n);
	for (s = 0; s < d->nsent; s++) {
		size_t b = d->sent[s], e = d->sent[s + 1];
		if (e - b > cap) {
			cap = e - b;
			free(emit);
			emit = xmalloc(cap * NTAGS * sizeof *emit);
		}
		for (i = b; i < e; i++) {
			int32_t acc[NER_WROW] = { 0 };
			size_t nf = ner_features(d, b, e, i, m->bits, f, NULL);
			unsigned y;
			int32_t *em = emit + (i - b) * NTAGS;
			nf += ner_hist_features(&h, &d->t[i], m->bits, f + nf, NULL);
			for (k = 0; k < nf; k++) {
				const int16_t *w = m->w + (size_t)f[k] * NER_WROW;
				for (y = 0; y < NER_WROW; y++)
					acc[y] += w[y];
			}
			em[0] = 0;
			for (y = 1; y < NTAGS; y++)
				em[y] = acc[y - 1];
			if (force && force[i] == 1)
				for (y = 0; y < NTAGS; y++)
					if (y != 1)
						em[y] -= 1 << 28;
		}
		ner_viterbi_i(emit, m->trans, e - b, tags + b);
		if (emit_out)
			memcpy(emit_out + b * NTAGS, emit, (e - b) * NTAGS * sizeof *emit);
		for (i = b; i < e; i++)
			ner_hist_add(&h, &d->t[i], tags[i]);
	}
	free(emit);
	ner_hist_release(&h);
}

static void NP_NORETURN
bad(struct ner_model *m, const char *why)
{
	die("cannot load '%s': %s", m->path, why);
}

struct ner_model *
ner_model_load(const char *path)
{
	struct ner_model *m = xcalloc(1, sizeof *m);
	const struct ner_head *h;
	uint64_t sz, n;

	m->path = datafile_find(path, "entities/model.bin");
	if (binfile_open(&m->bf, m->path, NER_MAGIC, NER_VERSION, NER_VERSION) != 0)
		die("cannot use the entity model '%s' (retrain with make model)", m->path);
	h = binfile_section(&m->bf, NER_SEC_HEAD, &sz);
	if (!h || sz != sizeof *h)
		bad(m, "no model header");
	if (h->bits < 10 || h->bits > 26 || h->ntags != NTAGS || h->levels != NER_CLUSTER_LEVELS ||
	    h->gaz_maxlen > 16 || !(h->scale > 0))
		bad(m, "bad model header");
	m->bits = h->bits;
	m->scale = h->scale;
	m->w = binfile_section(&m->bf, NER_SEC_WGHT, &sz);
	if (!m->w || sz != ((uint64_t)1 << m->bits) * NER_WROW * sizeof *m->w)
		bad(m, "weights missing or of the wrong size");
	m->trans = binfile_section(&m->bf, NER_SEC_TRAN, &sz);
	if (!m->trans || sz != (NTAGS + 1) * NTAGS * sizeof *m->trans)
		bad(m, "transitions missing or of the wrong size");
	m->gz.keys = binfile_section(&m->bf, NER_SEC_GAZK, &sz);
	m->gz.vals = binfile_section(&m->bf, NER_SEC_GAZV, &n);
	if (m->gz.keys) {
		uint64_t slots = sz / sizeof(uint64_t);
		if (!m->gz.vals || sz % 8 || slots == 0 || (slots & (slots - 1)) || n != slots)
			bad(m, "bad gazetteer table");
		m->gz.mask = slots - 1;
		m->gz.maxlen = h->gaz_maxlen;
	}
	m->cl.keys = binfile_section(&m->bf, NER_SEC_CLUK, &sz);
	m->cl.vals = binfile_section(&m->bf, NER_SEC_CLUV, &n);
	if (m->cl.keys) {
		uint64_t slots = sz / sizeof(uint64_t);
		if (!m->cl.vals || sz % 8 || slots == 0 || (slots & (slots - 1)) ||
		    n != slots * NER_CLUSTER_LEVELS * sizeof(uint16_t))
			bad(m, "bad cluster table");
		m->cl.mask = slots - 1;
	}
	m->names = binfile_section(&m->bf, NER_SEC_NAME, &m->names_len);
	ner_words_build(m);
	return m;
}

void
ner_model_free(struct ner_model *m)
{
	if (!m)
		return;
	binfile_close(&m->bf);
	free(m->path);
	free(m);
}
