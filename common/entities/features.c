/*
 * features.c - token forms and feature extraction for the entity tagger.
 *
 * The same code computes features at training time (CoNLL tokens) and at
 * tagging time (the shared tokenizer's tokens), so the two agree.  Token
 * text is normalised first so that the tokenizer's output looks like
 * CoNLL's: curly quotes become straight ones, dashes become '-' or '--'.
 */
#include <stdlib.h>
#include <string.h>

#include "entities/ner.h"
#include "hash.h"
#include "utf8.h"
#include "xalloc.h"

const char *const ner_tag_names[NTAGS] = {
	"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
};

void
ner_doc_clear(struct ner_doc *d)
{
	d->n = 0;
	d->nsent = 0;
	strbuf_reset(&d->arena);
}

void
ner_doc_release(struct ner_doc *d)
{
	free(d->t);
	free(d->sent);
	free(d->off);
	strbuf_release(&d->arena);
	memset(d, 0, sizeof *d);
}

void
ner_doc_sentence(struct ner_doc *d)
{
	if (d->nsent + 2 > d->sentcap) {
		d->sentcap = d->sentcap ? 2 * d->sentcap : 64;
		d->sent = xreallocarray(d->sent, d->sentcap, sizeof *d->sent);
	}
	/* An empty sentence is replaced by the next one. */
	if (d->nsent > 0 && d->sent[d->nsent - 1] == d->n)
		return;
	d->sent[d->nsent++] = d->n;
	d->sent[d->nsent] = d->n;
}

void
ner_doc_add(struct ner_doc *d, const char *s, size_t n)
{
	struct strbuf *a = &d->arena;
	size_t i = 0, off;

	if (d->nsent == 0)
		ner_doc_sentence(d);
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->t = xreallocarray(d->t, d->cap, sizeof *d->t);
	}
	if (d->n >= d->offcap) {
		d->offcap = d->cap;
		d->off = xreallocarray(d->off, d->offcap, 3 * sizeof *d->off);
	}
	/* Normalised form. */
	off = a->len;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			strbuf_addch(a, c);
			i++;
			continue;
		}
		{
			size_t j = i;
			uint32_t cp = utf8_next(s, n, &j);
			switch (cp) {
			case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
				strbuf_addch(a, '\'');
				break;
			case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
			case 0x2033:
				strbuf_addch(a, '"');
				break;
			case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
				strbuf_addch(a, '-');
				break;
			case 0x2014: case 0x2015:
				strbuf_add(a, "--", 2);
				break;
			case 0x2026:
				strbuf_add(a, "...", 3);
				break;
			default:
				strbuf_add(a, s + i, j - i);
			}
			i = j;
		}
	}
	strbuf_addch(a, '\0');
	d->off[3 * d->n] = off;
	memset(&d->t[d->n], 0, sizeof d->t[d->n]);
	d->t[d->n].wlen = a->len - off - 1;
	d->n++;
	d->sent[d->nsent] = d->n;
}

void
ner_doc_add_upper(struct ner_doc *d, const char *s, size_t n)
{
	char *w;
	size_t i;

	ner_doc_add(d, s, n);
	w = d->arena.buf + d->off[3 * (d->n - 1)];
	for (i = 0; i < d->t[d->n - 1].wlen; i++)
		if (w[i] >= 'a' && w[i] <= 'z')
			w[i] = (char)(w[i] - 'a' + 'A');
}

/* Seeds of the per-token hashes. */
enum { SEED_W = 1, SEED_L, SEED_S, SEED_LS, SEED_PRE, SEED_SUF = SEED_PRE + 4, SEED_GAZ = SEED_SUF + 4 };

uint64_t
ner_lower_hash(const char *lw, size_t n)
{
	return hash64(lw, n, SEED_L);
}

/* Lower-case form (digits -> 0) and shapes of word w into the arena. */
static void
forms(struct ner_doc *d, size_t k)
{
	struct strbuf *a = &d->arena;
	const char *w = a->buf + d->off[3 * k];
	size_t n = d->t[k].wlen, i = 0, lo, so;
	uint32_t flags = 0, last = 0;
	int nupper = 0, nlower = 0, first = 1;
	char ls[24];
	size_t lsn = 0;

	/* Room for both forms first: w points into the arena. */
	strbuf_grow(a, 5 * n + 8);
	w = a->buf + d->off[3 * k];
	lo = a->len;
	while (i < n) {
		uint32_t cp = utf8_next(w, n, &i);
		if (uc_is_digit(cp)) {
			strbuf_addch(a, '0');
			flags |= NT_HASDIGIT;
		} else {
			strbuf_add_cp(a, uc_tolower(cp));
		}
		if (uc_is_alpha(cp)) {
			flags |= NT_HASALPHA;
			if (uc_is_upper(cp)) {
				nupper++;
				if (first)
					flags |= NT_INITCAP;
			} else {
				nlower++;
			}
			first = 0;
		}
	}
	strbuf_addch(a, '\0');
	if (nupper > 0 && nlower == 0)
		flags |= NT_ALLCAPS;
	/* Shapes: long (capped at 20 classes) and short (runs collapsed). */
	so = a->len;
	i = 0;
	while (i < n) {
		uint32_t cp = utf8_next(w, n, &i), c;
		if (uc_is_upper(cp))
			c = 'X';
		else if (uc_is_alpha(cp))
			c = 'x';
		else if (uc_is_digit(cp))
			c = 'd';
		else if (cp < 0x80)
			c = cp;
		else
			c = '~';
		if (lsn < sizeof ls)
			ls[lsn++] = (char)c;
		if (c != last)
			strbuf_addch(a, (int)c);
		last = c;
	}
	strbuf_addch(a, '\0');
	d->off[3 * k + 1] = lo;
	d->off[3 * k + 2] = so;
	d->t[k].flags = flags;
	d->t[k].hls = hash64(ls, lsn, SEED_LS);
}

const uint16_t *
ner_clusters_get(const struct ner_clusters *cl, uint64_t h)
{
	uint64_t i;

	if (!cl || !cl->keys)
		return NULL;
	h |= 1;
	for (i = h & cl->mask;; i = (i + 1) & cl->mask) {
		if (cl->keys[i] == h)
			return cl->vals + i * NER_CLUSTER_LEVELS;
		if (cl->keys[i] == 0)
			return NULL;
	}
}

unsigned
ner_gazetteer_get(const struct ner_gazetteer *gz, uint64_t h)
{
	uint64_t i;

	if (!gz || !gz->keys)
		return 0;
	for (i = h & gz->mask;; i = (i + 1) & gz->mask) {
		if (gz->keys[i] == h)
			return gz->vals[i];
		if (gz->keys[i] == 0)
			return 0;
	}
}

int
ner_clusters_know_lower(const struct ner_clusters *cl, const char *s, size_t n)
{
	char low[64];
	size_t i;

	if (n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return ner_clusters_get(cl, hash64(low, n, SEED_W)) != NULL;
}

uint64_t
ner_gaz_hash(const struct ner_doc *d, size_t i, size_t j)
{
	uint64_t h = SEED_GAZ;
	for (; i < j; i++)
		h = hash_mix64(h * 31 + d->t[i].hl);
	return h | 1;
}

/* Hash of a word's exact normalised form, for document-level lookups. */
static uint64_t
lower_word_hash(const struct ner_tok *t)
{
	return t->hl;
}

void
ner_doc_gazetteer(struct ner_doc *d, const struct ner_gazetteer *gz)
{
	size_t s, i, j;

	for (i = 0; i < d->n; i++) {
		memset(d->t[i].gaz, 0, sizeof d->t[i].gaz);
		d->t[i].flags &= ~(uint32_t)(NT_FNAME | NT_SNAME);
		if (gz && gz->keys && (d->t[i].flags & NT_INITCAP)) {
			unsigned v = ner_gazetteer_get(gz, ner_gaz_hash(d, i, i + 1));
			if (v & GAZ_FNAME)
				d->t[i].flags |= NT_FNAME;
			if (v & GAZ_SNAME)
				d->t[i].flags |= NT_SNAME;
		}
	}
	/* Longest match from each position. */
	if (gz && gz->keys) {
		for (s = 0; s < d->nsent; s++) {
			size_t b = d->sent[s], e = d->sent[s + 1];
			for (i = b; i < e; i++) {
				if (!(d->t[i].flags & (NT_INITCAP | NT_HASDIGIT)))
					continue;
				uint64_t hh[17], h = SEED_GAZ;
				size_t jmax = e - i < gz->maxlen ? e : i + gz->maxlen;
				for (j = i; j < jmax && j - i < 16; j++) {
					h = hash_mix64(h * 31 + d->t[j].hl);
					hh[j - i + 1] = h | 1;
				}
				jmax = j;
				for (j = jmax; j > i; j--) {
					unsigned v = ner_gazetteer_get(gz, hh[j - i]), ty;
					if (!v)
						continue;
					if (!(v & 15))
						continue;
					for (ty = 0; ty < 4; ty++) {
						if (!(v & (1u << ty)))
							continue;
						if (j == i + 1) {
							if (!d->t[i].gaz[ty])
								d->t[i].gaz[ty] = 3;
						} else {
							size_t q;
							d->t[i].gaz[ty] = 1;
							for (q = i + 1; q < j; q++)
								d->t[q].gaz[ty] = 2;
						}
					}
					break;
				}
			}
		}
	}
}

void
ner_doc_prepare(struct ner_doc *d, const struct ner_clusters *cl, const struct ner_gazetteer *gz)
{
	size_t k, s, i;
	uint64_t *seen = NULL, mask;
	uint8_t *seenv = NULL;
	uint32_t *last = NULL;

	for (k = 0; k < d->n; k++)
		forms(d, k);
	for (k = 0; k < d->n; k++) {
		struct ner_tok *t = &d->t[k];
		const char *a = d->arena.buf;
		size_t m, cps[5], ncp = 0, p = 0, lwl;
		t->w = a + d->off[3 * k];
		t->lw = a + d->off[3 * k + 1];
		t->sh = a + d->off[3 * k + 2];
		t->lwlen = lwl = strlen(t->lw);
		t->hw = hash64(t->w, t->wlen, SEED_W);
		t->hl = hash64(t->lw, lwl, SEED_L);
		t->hs = hash64(t->sh, strlen(t->sh), SEED_S);
		/* Prefixes and suffixes of 1-4 code points of the lower-case form. */
		while (p < lwl && ncp < 4) {
			utf8_next(t->lw, lwl, &p);
			cps[ncp++] = p;
		}
		for (m = 0; m < 4; m++)
			t->hpre[m] = m < ncp ? hash64(t->lw, cps[m], SEED_PRE + m) : 0;
		p = lwl;
		for (m = 0; m < 4; m++) {
			if (p > 0) {
				utf8_prev(t->lw, &p);
				t->hsuf[m] = hash64(t->lw + p, lwl - p, SEED_SUF + m);
			} else {
				t->hsuf[m] = 0;
			}
		}
		{
			const uint16_t *c = ner_clusters_get(cl, t->hw);
			if (!c && (t->flags & NT_ALLCAPS) && cl && cl->keys) {
				/* Headline "GERMANY": the cluster of "Germany". */
				char tc[64];
				size_t q = 0, r = 0;
				if (t->lwlen < sizeof tc) {
					const char *src = t->w;
					for (; r < t->wlen && q < sizeof tc - 1; r++, q++)
						tc[q] = (char)(q == 0 || src[r] < 'A' || src[r] > 'Z' ? src[r] : src[r] - 'A' + 'a');
					c = ner_clusters_get(cl, hash64(tc, q, SEED_W));
				}
			}
			for (m = 0; m < NER_CLUSTER_LEVELS; m++)
				t->clus[m] = c ? c[m] : 0;
		}
	}
	/* Sentence flags: start, all-caps sentence (headlines). */
	for (s = 0; s < d->nsent; s++) {
		size_t b = d->sent[s], e = d->sent[s + 1], alpha = 0, caps = 0;
		for (i = b; i < e; i++)
			if (d->t[i].flags & NT_HASALPHA) {
				alpha++;
				caps += (d->t[i].flags & NT_ALLCAPS) != 0;
			}
		if (b < e)
			d->t[b].flags |= NT_SENT_START;
		if (alpha >= 2 && caps * 10 >= alpha * 8)
			for (i = b; i < e; i++)
				d->t[i].flags |= NT_CAPS_SENT;
	}
	ner_doc_gazetteer(d, gz);
	/*
	 * Document-level flags (Ratinov & Roth's context aggregation, from
	 * capitalisation): is the word seen lower case elsewhere, capitalised
	 * mid-sentence elsewhere, or next to another capitalised word?
	 * A small open-addressing table over lower-case forms: bit 1 lower
	 * seen, bit 2 capitalised mid-sentence, bit 4 in a capitalised run.
	 */
	for (mask = 64; mask < 2 * d->n + 2; mask <<= 1)
		;
	seen = xcalloc(mask, sizeof *seen);
	seenv = xcalloc(mask, 1);
	last = xcalloc(mask, sizeof *last);
	mask--;
	for (k = 0; k < d->n; k++) {
		const struct ner_tok *t = &d->t[k];
		uint64_t h = lower_word_hash(t) | 1, q;
		unsigned v = 0;
		if (!(t->flags & NT_HASALPHA))
			continue;
		if (!(t->flags & (NT_INITCAP | NT_ALLCAPS)))
			v |= 1;
		else if (!(t->flags & (NT_SENT_START | NT_CAPS_SENT)) && (t->flags & NT_INITCAP) &&
			 !(t->flags & NT_ALLCAPS))
			v |= 2;
		if ((t->flags & NT_INITCAP) && !(t->flags & NT_CAPS_SENT) &&
		    ((k + 1 < d->n && (d->t[k + 1].flags & NT_INITCAP) && !(d->t[k + 1].flags & NT_SENT_START)) ||
		     (k > 0 && (d->t[k - 1].flags & NT_INITCAP) && !(t->flags & NT_SENT_START) &&
		      !(d->t[k - 1].flags & NT_SENT_START))))
			v |= 4;
		for (q = h & mask; seen[q] && seen[q] != h; q = (q + 1) & mask)
			;
		seen[q] = h;
		seenv[q] |= (uint8_t)v;
		/* Chain the occurrences of the word (context aggregation features). */
		if (k < UINT32_MAX) {
			d->t[k].prev_occ = last[q];
			if (last[q])
				d->t[last[q] - 1].next_occ = (uint32_t)k + 1;
			last[q] = (uint32_t)k + 1;
		}
	}
	for (k = 0; k < d->n; k++) {
		struct ner_tok *t = &d->t[k];
		uint64_t h = lower_word_hash(t) | 1, q;
		if (!(t->flags & NT_INITCAP))
			continue;
		for (q = h & mask; seen[q] && seen[q] != h; q = (q + 1) & mask)
			;
		if (seenv[q] & 1)
			t->flags |= NT_DOC_LOWER;
		if (seenv[q] & 2)
			t->flags |= NT_DOC_CAPMID;
		if (seenv[q] & 4)
			t->flags |= NT_DOC_MULTI;
	}
	free(seen);
	free(seenv);
	free(last);
}

/* Feature templates. */
enum {
	F_BIAS = 1, F_W, F_L, F_S, F_LS, F_PRE, F_SUF = F_PRE + 4, F_LM1 = F_SUF + 4, F_LM2, F_LP1, F_LP2,
	F_WM1, F_WP1, F_SM1, F_SP1, F_SM2, F_SP2, F_BIL, F_BIR, F_S3, F_CAP, F_CAPSENT_S, F_GAZ, F_GAZM1,
	F_GAZP1, F_CL, F_CLM1 = F_CL + NER_CLUSTER_LEVELS, F_CLP1, F_DOC, F_WSTART, F_LM1S, F_SLP1, F_SUFM1,
	F_CAPSENT_L, F_LM1LM2, F_LP1LP2, F_DOC_S,
};

struct fx {
	uint32_t *f;
	size_t n;
	uint64_t mask;
	struct strbuf *names;
};

static inline void
add(struct fx *x, uint64_t tmpl, uint64_t h)
{
	x->f[x->n++] = (uint32_t)(hash_mix64(h * 0x9E3779B97F4A7C15ULL + tmpl) & x->mask);
}

#define NAME(...)                                     \
	do {                                          \
		if (x.names) {                        \
			strbuf_addf(x.names, __VA_ARGS__);  \
			strbuf_addch(x.names, '\n');  \
		}                                     \
	} while (0)

static const char *
caps_class(uint32_t fl)
{
	if (!(fl & NT_HASALPHA))
		return (fl & NT_HASDIGIT) ? "num" : "sym";
	if (fl & NT_ALLCAPS)
		return "caps";
	if (fl & NT_INITCAP)
		return "init";
	return "low";
}

size_t
ner_features(const struct ner_doc *d, size_t s, size_t e, size_t i, unsigned bits, uint32_t *f,
	     struct strbuf *names)
{
	static const char *const bos = "<s>", *const eos = "</s>";
	const struct ner_tok *t = &d->t[i], *p1 = i > s ? t - 1 : NULL, *p2 = i > s + 1 ? t - 2 : NULL,
			     *n1 = i + 1 < e ? t + 1 : NULL, *n2 = i + 2 < e ? t + 2 : NULL;
	uint64_t hl_m1 = p1 ? p1->hl : 11, hl_m2 = p2 ? p2->hl : 12, hl_p1 = n1 ? n1->hl : 13,
		 hl_p2 = n2 ? n2->hl : 14, hs_m1 = p1 ? p1->hs : 11, hs_p1 = n1 ? n1->hs : 13,
		 hs_m2 = p2 ? p2->hs : 12, hs_p2 = n2 ? n2->hs : 14;
	uint32_t fl = t->flags;
	unsigned caps = (fl & NT_HASALPHA) ? ((fl & NT_ALLCAPS) ? 1 : (fl & NT_INITCAP) ? 2 : 3) : (fl & NT_HASDIGIT) ? 4 : 5;
	unsigned ty, m;
	struct fx x = { f, 0, ((uint64_t)1 << bits) - 1, names };
	const char *lm1 = p1 ? p1->lw : bos, *lp1 = n1 ? n1->lw : eos;

	add(&x, F_BIAS, 0);
	NAME("bias");
	add(&x, F_W, t->hw);
	NAME("w=%s", t->w);
	add(&x, F_L, t->hl);
	NAME("l=%s", t->lw);
	add(&x, F_S, t->hs);
	NAME("shape=%s", t->sh);
	add(&x, F_LS, t->hls);
	NAME("longshape(%s)", t->w);
	for (m = 0; m < 4; m++) {
		if (t->hpre[m]) {
			add(&x, F_PRE + m, t->hpre[m]);
			NAME("pre%u(%s)", m + 1, t->lw);
		}
		if (t->hsuf[m]) {
			add(&x, F_SUF + m, t->hsuf[m]);
			NAME("suf%u(%s)", m + 1, t->lw);
		}
	}
	add(&x, F_LM1, hl_m1);
	NAME("l-1=%s", lm1);
	add(&x, F_LM2, hl_m2);
	NAME("l-2=%s", p2 ? p2->lw : bos);
	add(&x, F_LP1, hl_p1);
	NAME("l+1=%s", lp1);
	add(&x, F_LP2, hl_p2);
	NAME("l+2=%s", n2 ? n2->lw : eos);
	add(&x, F_WM1, p1 ? p1->hw : 11);
	NAME("w-1=%s", p1 ? p1->w : bos);
	add(&x, F_WP1, n1 ? n1->hw : 13);
	NAME("w+1=%s", n1 ? n1->w : eos);
	add(&x, F_SM1, hs_m1);
	NAME("shape-1=%s", p1 ? p1->sh : bos);
	add(&x, F_SP1, hs_p1);
	NAME("shape+1=%s", n1 ? n1->sh : eos);
	add(&x, F_SM2, hs_m2);
	NAME("shape-2=%s", p2 ? p2->sh : bos);
	add(&x, F_SP2, hs_p2);
	NAME("shape+2=%s", n2 ? n2->sh : eos);
	add(&x, F_BIL, hl_m1 * 31 + t->hl);
	NAME("l-1|l=%s|%s", lm1, t->lw);
	add(&x, F_BIR, t->hl * 31 + hl_p1);
	NAME("l|l+1=%s|%s", t->lw, lp1);
	add(&x, F_S3, (hs_m1 * 31 + t->hs) * 31 + hs_p1);
	NAME("shape-1|0|+1=%s|%s|%s", p1 ? p1->sh : bos, t->sh, n1 ? n1->sh : eos);
	add(&x, F_CAP, caps * 8 + (i == s) * 2 + ((fl & NT_CAPS_SENT) != 0));
	NAME("cap=%s,start=%d,capsent=%d", caps_class(fl), i == s, (fl & NT_CAPS_SENT) != 0);
	add(&x, F_CAPSENT_S, t->hs * 4 + ((fl & NT_CAPS_SENT) != 0) * 2 + (i == s));
	NAME("shape|capsent|start=%s|%d|%d", t->sh, (fl & NT_CAPS_SENT) != 0, i == s);
	if (fl & NT_CAPS_SENT) {
		add(&x, F_CAPSENT_L, t->hl);
		NAME("capsent|l=%s", t->lw);
	}
	if (i == s) {
		add(&x, F_WSTART, t->hl);
		NAME("start|l=%s", t->lw);
	}
	add(&x, F_LM1S, hl_m1 * 31 + t->hs);
	NAME("l-1|shape=%s|%s", lm1, t->sh);
	add(&x, F_SLP1, t->hs * 31 + hl_p1);
	NAME("shape|l+1=%s|%s", t->sh, lp1);
	add(&x, F_LM1LM2, hl_m2 * 31 + hl_m1);
	NAME("l-2|l-1=%s|%s", p2 ? p2->lw : bos, lm1);
	add(&x, F_LP1LP2, hl_p1 * 31 + hl_p2);
	NAME("l+1|l+2=%s|%s", lp1, n2 ? n2->lw : eos);
	/* Wider context: the words three to the left and right ("companies including X, Y"). */
	if (i >= s + 3) {
		add(&x, F_LM2 + 700, (t - 3)->hl);
		NAME("l-3=%s", (t - 3)->lw);
	}
	if (i + 3 < e) {
		add(&x, F_LP2 + 700, (t + 3)->hl);
		NAME("l+3=%s", (t + 3)->lw);
	}
	if (p1 && p1->hsuf[2]) {
		add(&x, F_SUFM1, p1->hsuf[2]);
		NAME("suf3-1(%s)", p1->lw);
	}
	for (ty = 0; ty < 4; ty++) {
		if (t->gaz[ty]) {
			add(&x, F_GAZ, ty * 4 + t->gaz[ty]);
			NAME("gaz=%s/%u", ner_tag_names[1 + 2 * ty] + 2, t->gaz[ty]);
			add(&x, F_GAZ + 100, (ty * 4 + t->gaz[ty]) * 8 + caps);
			NAME("gaz|cap=%s/%u|%s", ner_tag_names[1 + 2 * ty] + 2, t->gaz[ty], caps_class(fl));
		}
		if (p1 && p1->gaz[ty]) {
			add(&x, F_GAZM1, ty * 4 + p1->gaz[ty]);
			NAME("gaz-1=%s/%u", ner_tag_names[1 + 2 * ty] + 2, p1->gaz[ty]);
		}
		if (n1 && n1->gaz[ty]) {
			add(&x, F_GAZP1, ty * 4 + n1->gaz[ty]);
			NAME("gaz+1=%s/%u", ner_tag_names[1 + 2 * ty] + 2, n1->gaz[ty]);
		}
	}
	{
		/* First and last words of people's names (training data, jackknifed). */
		unsigned nm = ((fl & NT_FNAME) != 0) | ((fl & NT_SNAME) != 0) << 1;
		unsigned pm = p1 ? ((p1->flags & NT_FNAME) != 0) | ((p1->flags & NT_SNAME) != 0) << 1 : 0;
		unsigned xm = n1 ? ((n1->flags & NT_FNAME) != 0) | ((n1->flags & NT_SNAME) != 0) << 1 : 0;
		if (nm | pm | xm) {
			add(&x, F_GAZ + 600, nm * 16 + pm * 4 + xm);
			NAME("names cur=%u prev=%u next=%u", nm, pm, xm);
		}
	}
	for (m = 0; m < NER_CLUSTER_LEVELS; m++) {
		if (t->clus[m]) {
			add(&x, F_CL + m, t->clus[m]);
			NAME("cluster%u=%u", m, t->clus[m]);
			add(&x, F_CL + 200 + m, (uint64_t)t->clus[m] * 8 + caps);
			NAME("cluster%u|cap=%u|%s", m, t->clus[m], caps_class(fl));
		}
	}
	for (m = 0; m < NER_CLUSTER_LEVELS; m++) {
		if (p1 && p1->clus[m]) {
			add(&x, F_CLM1 + 300 + m, p1->clus[m]);
			NAME("cluster%u-1=%u", m, p1->clus[m]);
		}
		if (n1 && n1->clus[m]) {
			add(&x, F_CLP1 + 300 + m, n1->clus[m]);
			NAME("cluster%u+1=%u", m, n1->clus[m]);
		}
	}
	if (n1 && n1->hsuf[2]) {
		add(&x, F_SUFM1 + 400, n1->hsuf[2]);
		NAME("suf3+1(%s)", n1->lw);
	}
	/*
	 * Context aggregation (Ratinov & Roth 2009): the words around the
	 * other occurrences of a capitalised word in the document.
	 */
	if (fl & (NT_INITCAP | NT_ALLCAPS)) {
		uint32_t o[4];
		size_t no = 0, q;
		if (t->prev_occ) {
			o[no++] = t->prev_occ - 1;
			if (d->t[t->prev_occ - 1].prev_occ)
				o[no++] = d->t[t->prev_occ - 1].prev_occ - 1;
		}
		if (t->next_occ) {
			o[no++] = t->next_occ - 1;
			if (d->t[t->next_occ - 1].next_occ)
				o[no++] = d->t[t->next_occ - 1].next_occ - 1;
		}
		for (q = 0; q < no; q++) {
			const struct ner_tok *u = &d->t[o[q]];
			if (o[q] > 0 && !(u->flags & NT_SENT_START)) {
				add(&x, F_DOC + 500, (u - 1)->hl);
				NAME("agg-1=%s", (u - 1)->lw);
			}
			if (o[q] + 1 < d->n && !((u + 1)->flags & NT_SENT_START)) {
				add(&x, F_DOC + 501, (u + 1)->hl);
				NAME("agg+1=%s", (u + 1)->lw);
			}
		}
	}
	if (fl & NT_INITCAP) {
		unsigned dv = ((fl & NT_DOC_LOWER) != 0) | ((fl & NT_DOC_CAPMID) != 0) << 1 |
			      ((fl & NT_DOC_MULTI) != 0) << 2;
		unsigned ctx = (i == s) | ((fl & NT_CAPS_SENT) != 0) << 1;
		add(&x, F_DOC, dv * 4 + ctx);
		NAME("doc lower=%d capmid=%d multi=%d start=%d capsent=%d", (fl & NT_DOC_LOWER) != 0,
		     (fl & NT_DOC_CAPMID) != 0, (fl & NT_DOC_MULTI) != 0, i == s, (fl & NT_CAPS_SENT) != 0);
		add(&x, F_DOC_S, (dv * 4 + ctx) * 31 + t->hl);
		NAME("doc|l lower=%d capmid=%d multi=%d ctx=%u|%s", (fl & NT_DOC_LOWER) != 0,
		     (fl & NT_DOC_CAPMID) != 0, (fl & NT_DOC_MULTI) != 0, ctx, t->lw);
	}
	return x.n;
}

void
ner_hist_reset(struct ner_hist *h, size_t ntok)
{
	size_t slots = 64;
	while (slots < 2 * ntok + 2)
		slots <<= 1;
	if (!h->keys || h->mask + 1 < slots) {
		free(h->keys);
		free(h->cnt);
		h->keys = xmalloc(slots * sizeof *h->keys);
		h->cnt = xmalloc(slots * 5 * sizeof *h->cnt);
		h->mask = slots - 1;
	}
	memset(h->keys, 0, (h->mask + 1) * sizeof *h->keys);
}

void
ner_hist_release(struct ner_hist *h)
{
	free(h->keys);
	free(h->cnt);
	memset(h, 0, sizeof *h);
}

static int
hist_word(const struct ner_tok *t)
{
	return (t->flags & NT_HASALPHA) && (t->flags & (NT_INITCAP | NT_ALLCAPS));
}

void
ner_hist_add(struct ner_hist *h, const struct ner_tok *t, unsigned tag)
{
	uint64_t k = t->hl | 1;
	size_t i;
	unsigned lab = tag ? (tag + 1) / 2 : 0;

	/* In a headline every word is capitalised: only its names tell something. */
	if (!hist_word(t) || ((t->flags & NT_CAPS_SENT) && lab == 0))
		return;
	for (i = k & h->mask; h->keys[i] && h->keys[i] != k; i = (i + 1) & h->mask)
		;
	if (!h->keys[i]) {
		h->keys[i] = k;
		memset(h->cnt + 5 * i, 0, 5 * sizeof *h->cnt);
	}
	if (h->cnt[5 * i + lab] < 65535)
		h->cnt[5 * i + lab]++;
}

size_t
ner_hist_features(const struct ner_hist *h, const struct ner_tok *t, unsigned bits, uint32_t *f,
		  struct strbuf *names)
{
	static const char *const lab[5] = { "O", "PER", "ORG", "LOC", "MISC" };
	uint64_t k = t->hl | 1, mask = ((uint64_t)1 << bits) - 1;
	size_t i, n = 0;
	unsigned l, best = 0, total = 0;
	unsigned caps = (t->flags & NT_ALLCAPS) ? 1 : 2;
	const uint16_t *c;

	if (!hist_word(t))
		return 0;
	for (i = k & h->mask; h->keys[i] && h->keys[i] != k; i = (i + 1) & h->mask)
		;
	if (!h->keys[i]) {
		f[n++] = (uint32_t)(hash_mix64(0x7777ULL * 0x9E3779B97F4A7C15ULL + caps) & mask);
		if (names)
			strbuf_addf(names, "hist=none|%s\n", caps == 1 ? "caps" : "init");
		return n;
	}
	c = h->cnt + 5 * i;
	for (l = 0; l < 5; l++) {
		total += c[l];
		if (c[l] > c[best])
			best = l;
	}
	f[n++] = (uint32_t)(hash_mix64((0x7778ULL + best) * 0x9E3779B97F4A7C15ULL) & mask);
	if (names)
		strbuf_addf(names, "hist_major=%s\n", lab[best]);
	f[n++] = (uint32_t)(hash_mix64((0x7790ULL + best * 4 + caps + ((t->flags & NT_SENT_START) ? 2 : 0)) *
				       0x9E3779B97F4A7C15ULL) & mask);
	if (names)
		strbuf_addf(names, "hist_major|cap|start=%s|%u\n", lab[best], caps);
	for (l = 0; l < 5; l++)
		if (c[l]) {
			f[n++] = (uint32_t)(hash_mix64((0x7780ULL + l * 2 + (c[l] * 2 > total)) * 0x9E3779B97F4A7C15ULL) & mask);
			if (names)
				strbuf_addf(names, "hist_has=%s,half=%d\n", lab[l], c[l] * 2 > total);
		}
	return n;
}
