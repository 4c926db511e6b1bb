/*
 * ner.h - internals of the entity engine shared by the tagger
 * (entities.c) and the trainer (tools/news-train-entities.c).
 *
 * A document is a sequence of sentences of tokens.  For each token the
 * extractor computes hashed feature indices into a table of NTAGS weights
 * per bucket (feature hashing: no dictionary, one memory access per
 * feature); a first-order Viterbi over BIO tags picks the best sequence.
 */
#ifndef NEWSPIPE_NER_H
#define NEWSPIPE_NER_H

#include <stddef.h>
#include <stdint.h>

#include "binfile.h"
#include "strbuf.h"

/* Tags: O, then B-/I- for PER, ORG, LOC, MISC (entity type t: B = 1+2t, I = 2+2t). */
#define NTAGS 9
#define NER_MAXFEAT 96     /* features per token, at most */
#define NER_CLUSTER_LEVELS 3

extern const char *const ner_tag_names[NTAGS];

/* Model file: magic, version. */
#define NER_MAGIC "NPNER\0\0\1"
#define NER_VERSION 2u
#define NER_WROW 8 /* stored weights per bucket: tags 1..8 relative to O */

/* Token flags computed by ner_doc_prepare(). */
#define NT_INITCAP 0x01    /* first letter upper case */
#define NT_ALLCAPS 0x02    /* has letters, none lower case */
#define NT_HASDIGIT 0x04
#define NT_HASALPHA 0x08
#define NT_SENT_START 0x10
#define NT_CAPS_SENT 0x20  /* in a sentence whose letters are (nearly) all upper case */
#define NT_DOC_LOWER 0x40  /* its lower-case form appears lower case elsewhere in the document */
#define NT_DOC_CAPMID 0x80 /* appears capitalised mid-sentence elsewhere in the document */
#define NT_DOC_MULTI 0x100 /* appears elsewhere next to another capitalised word */
#define NT_FNAME 0x200     /* gazetteer: starts people's names in the training data */
#define NT_SNAME 0x400     /* gazetteer: ends people's names in the training data */

struct ner_tok {
	const char *w;  /* normalised form (NUL-terminated, in the doc's arena) */
	const char *lw; /* lower case, digits as 0 */
	const char *sh; /* short shape: Xx, X.X., d,d */
	size_t wlen, lwlen;
	uint64_t hw, hl, hs, hls; /* hashes: word, lower, short shape, long shape */
	uint64_t hpre[4], hsuf[4];
	uint32_t flags;
	uint16_t clus[NER_CLUSTER_LEVELS]; /* 0 = unknown word */
	uint8_t gaz[4];                    /* per entity type: 0 none, 1 B, 2 I, 3 single */
	uint32_t prev_occ, next_occ;       /* other occurrences of the word in the doc: index + 1, 0 none */
};

/* Cluster table: open addressing over word hashes. */
struct ner_clusters {
	const uint64_t *keys; /* 0 = empty */
	const uint16_t *vals; /* NER_CLUSTER_LEVELS per slot */
	uint64_t mask;        /* slots - 1; no table when keys is NULL */
};

/*
 * Gazetteer: hash of a lower-cased token sequence -> mask of types (bit t);
 * single words also carry GAZ_FNAME / GAZ_SNAME: first or last word of a
 * person's name of two or more words.
 */
#define GAZ_FNAME 0x10
#define GAZ_SNAME 0x20
struct ner_gazetteer {
	const uint64_t *keys; /* 0 = empty */
	const uint8_t *vals;
	uint64_t mask;
	unsigned maxlen;
};

struct ner_doc {
	struct ner_tok *t;
	size_t n, cap;
	size_t *sent; /* sentence k is tokens [sent[k], sent[k+1]) */
	size_t nsent, sentcap;
	struct strbuf arena;
	size_t *off; /* arena offsets while adding; resolved by ner_doc_prepare() */
	size_t offcap;
};

#define NER_DOC_INIT { NULL, 0, 0, NULL, 0, 0, STRBUF_INIT, NULL, 0 }

void ner_doc_clear(struct ner_doc *d);
void ner_doc_release(struct ner_doc *d);
/* Start a new sentence (tokens added after this call belong to it). */
void ner_doc_sentence(struct ner_doc *d);
/* Add a token (UTF-8 bytes s[0..n)); it is normalised (quotes, dashes). */
void ner_doc_add(struct ner_doc *d, const char *s, size_t n);
/* The same, upper-casing ASCII letters (a title-case headline made to look like CoNLL's all-caps ones). */
void ner_doc_add_upper(struct ner_doc *d, const char *s, size_t n);
/*
 * Compute each token's forms, hashes, flags, clusters, gazetteer marks
 * and document-level flags.  Call once after the last ner_doc_add().
 */
void ner_doc_prepare(struct ner_doc *d, const struct ner_clusters *cl, const struct ner_gazetteer *gz);

/* (Re)mark the tokens that start or continue a gazetteer entry (gz may be NULL). */
void ner_doc_gazetteer(struct ner_doc *d, const struct ner_gazetteer *gz);

/*
 * The feature buckets of token i of sentence [s, e) into f (at most
 * NER_MAXFEAT); returns how many.  bits: log2 of the bucket count.
 * names, when not NULL, receives each feature's name followed by '\n'.
 */
size_t ner_features(const struct ner_doc *d, size_t s, size_t e, size_t i, unsigned bits, uint32_t *f,
		    struct strbuf *names);

/*
 * Prediction history (Ratinov & Roth 2009's "extended prediction
 * history"): the labels already predicted for the same word (lower-case
 * form) earlier in the document feed features of its later occurrences.
 * Labels: 0 = O, 1 + entity type.  Sentences are tagged in order.
 */
struct ner_hist {
	uint64_t *keys;
	uint16_t *cnt; /* 5 per slot */
	size_t mask;
};

void ner_hist_reset(struct ner_hist *h, size_t ntok); /* empty, sized for ntok tokens */
void ner_hist_release(struct ner_hist *h);
void ner_hist_add(struct ner_hist *h, const struct ner_tok *t, unsigned tag);
/* History features of token t into f (at most NER_MAXHIST); returns how many. */
#define NER_MAXHIST 8
size_t ner_hist_features(const struct ner_hist *h, const struct ner_tok *t, unsigned bits, uint32_t *f,
			 struct strbuf *names);

/* Lookup helpers. */
const uint16_t *ner_clusters_get(const struct ner_clusters *cl, uint64_t h);
/* Is word s[0..n) with its ASCII letters in lower case a word of the cluster vocabulary? */
int ner_clusters_know_lower(const struct ner_clusters *cl, const char *s, size_t n);
unsigned ner_gazetteer_get(const struct ner_gazetteer *gz, uint64_t h);
/* Hash of the lower-case forms of tokens [i, j) for the gazetteer (never 0). */
uint64_t ner_gaz_hash(const struct ner_doc *d, size_t i, size_t j);

/*
 * Viterbi over BIO tags with hard constraints (I-X only after B-X or I-X).
 * emit[i*NTAGS + y], trans[(p)*NTAGS + y] with p = NTAGS for the start.
 * Writes tags[0..n).  Scores are doubles (the trainer) ...
 */
void ner_viterbi_d(const double *emit, const double *trans, size_t n, uint8_t *tags);
/* ... or 32-bit integers (the quantised model). */
void ner_viterbi_i(const int32_t *emit, const int32_t *trans, size_t n, uint8_t *tags);

#define NER_WORDS_SLOTS 1024

/* The loaded model. */
struct ner_model {
	struct binfile bf;
	char *path;
	unsigned bits;
	float scale;           /* weight = int16 * scale */
	const int16_t *w;      /* (1 << bits) * NER_WROW */
	const int32_t *trans;  /* (NTAGS + 1) * NTAGS */
	struct ner_clusters cl;
	struct ner_gazetteer gz;
	const char *names;     /* --dump: top features as text; may be NULL */
	uint64_t names_len;
	/* The rule layer's word lists: lower-case hash -> bit mask of lists (built on load). */
	uint64_t wkeys[NER_WORDS_SLOTS];
	uint32_t wbits[NER_WORDS_SLOTS];
};

/* Fill m->wkeys/wbits from the rule layer's lists (entities.c). */
void ner_words_build(struct ner_model *m);
/* Hash of a lower-case form as ner_tok.hl computes it. */
uint64_t ner_lower_hash(const char *lw, size_t n);

/* Section tags. */
#define NER_SEC_HEAD BINFILE_TAG('H', 'E', 'A', 'D')
#define NER_SEC_WGHT BINFILE_TAG('W', 'G', 'H', 'T')
#define NER_SEC_TRAN BINFILE_TAG('T', 'R', 'A', 'N')
#define NER_SEC_CLUK BINFILE_TAG('C', 'L', 'U', 'K')
#define NER_SEC_CLUV BINFILE_TAG('C', 'L', 'U', 'V')
#define NER_SEC_GAZK BINFILE_TAG('G', 'A', 'Z', 'K')
#define NER_SEC_GAZV BINFILE_TAG('G', 'A', 'Z', 'V')
#define NER_SEC_NAME BINFILE_TAG('N', 'A', 'M', 'E')

/* HEAD section. */
struct ner_head {
	uint32_t bits, ntags, gaz_maxlen, levels;
	float scale;
	uint32_t epochs, pad;
};

/*
 * Tag the prepared doc's tokens with the model; tags has d->n entries.
 * force, when not NULL, has one byte per token: 1 forces B-PER there
 * (a name after Mr., Mrs., Dr. ...), 0 leaves the model free.
 */
void ner_model_tag_doc(const struct ner_model *m, const struct ner_doc *d, const uint8_t *force, uint8_t *tags);
/* The same; emit, when not NULL (d->n * NTAGS entries), receives each token's emission scores (x m->scale). */
void ner_model_tag_doc_emit(const struct ner_model *m, const struct ner_doc *d, const uint8_t *force, uint8_t *tags,
			    int32_t *emit);

/*
 * Document-level type consistency (refine.c): the model's spans of the
 * same name in a document, and context cues around them ("shares of X",
 * "X's chief executive", "companies including X, Y and Z", an
 * organisation's head noun "Border Patrol"), vote on one type for the name;
 * the model's emission scores (emit, scale as from ner_model_tag_doc_emit)
 * are each mention's prior.  Rewrites the types in tags, never the spans.
 */
void ner_refine_types(const struct ner_doc *d, const int32_t *emit, float scale, uint8_t *tags);

#endif
