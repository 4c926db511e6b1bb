/*
 * summarize.h - the modules of news-summarize.
 *
 *   corpus.c  - the articles of one summary (one record, or a group):
 *               their sentences, term vectors and near-duplicate links;
 *   select.c  - sentence scoring (position, centrality, title, length),
 *               MMR selection under a length limit, and the output.
 *
 * One struct corpus is reused for every summary: corpus_reset() keeps
 * its allocations, so the per-record cost is the work itself.
 */
#ifndef NEWSPIPE_SUMMARIZE_H
#define NEWSPIPE_SUMMARIZE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "idf.h"
#include "spans.h"
#include "stream.h"
#include "terms.h"

/* --- corpus.c ------------------------------------------------------------ */

#define SENT_ELIGIBLE 0x01 /* prose: may be chosen */
#define SENT_QUOTE 0x02    /* mostly a direct quotation */
#define SENT_LEAD 0x04     /* first eligible sentence of its article */

struct term_weight {
	uint32_t id; /* local term id (corpus vocabulary) */
	float w;     /* tf x idf */
};

struct sentence {
	size_t art;            /* index of the article */
	size_t pos;            /* rank among the article's eligible sentences */
	size_t start, end;     /* code points in the article's text */
	size_t bstart, bend;   /* bytes */
	size_t nwords;
	size_t tstart, tlen;   /* into corpus.tw, sorted by id */
	double norm;           /* |v| */
	double score;
	size_t rep;            /* near-duplicate representative (itself when none) */
	unsigned copies;       /* sentences represented (1 + near duplicates) */
	unsigned flags;
};

struct article {
	json_t *id;    /* borrowed reference held (incref'd) */
	json_t *text;  /* the text string, held */
	const char *published; /* borrowed from pub (NULL when absent) */
	json_t *pub;
	size_t first, nsent;   /* sentences [first, first + nsent) */
	size_t neligible;
	size_t title_start, title_len; /* title terms in corpus.tw */
	double title_norm;
	int skip;      /* a duplicate of another record: not a source */
};

struct corpus {
	const struct idf *idf;
	struct article *arts;
	size_t narts, capa;
	struct sentence *sents;
	size_t nsents, caps;
	struct term_weight *tw;
	size_t ntw, captw;
	/* Local vocabulary: hash -> id, with each id's idf and the group's weight. */
	uint64_t *vkeys;
	uint32_t *vids;
	size_t vmask, nvocab;
	float *vidf;
	size_t capv;
	/* Scratch. */
	uint64_t *h;
	size_t nh, caph;
	struct spans spans, paras;
	size_t text_bytes; /* sum of the texts held */
	/* Named-entity mentions (news-tag-entities' `entities`): sentence and entity (a vocabulary id). */
	struct mention {
		size_t sent;
		uint32_t ent;
	} *ments;
	size_t nments, capm;
};

void corpus_init(struct corpus *c, const struct idf *idf);
void corpus_reset(struct corpus *c);
void corpus_release(struct corpus *c);

/*
 * Add one record.  rec is borrowed; the id, text and published values
 * are held until corpus_reset().  text/len is rec's text field.  The
 * record's `sentences` are used when valid, else the shared segmenter
 * (recseg_get(), which warns on s about a malformed field);
 * `quotes` mark quotation sentences; `dup` marks the whole article as a
 * copy of another (its sentences still count as support, not as sources).
 */
void corpus_add(struct corpus *c, struct stream *s, json_t *rec, const char *field, const char *text,
		size_t len);

/* Cosine similarity of two sentences' term vectors. */
double sent_cosine(const struct corpus *c, const struct sentence *x, const struct sentence *y);

/* Link near-identical sentences (cosine >= threshold) across the corpus. */
void corpus_link_duplicates(struct corpus *c, double threshold);

/* --- select.c ------------------------------------------------------------ */

enum method { METHOD_RANK, METHOD_LEAD };
enum limit_unit { LIMIT_SENTENCES, LIMIT_WORDS, LIMIT_BYTES };

struct limit {
	enum limit_unit unit;
	size_t n;
	int truncate;
};

/* One chosen sentence: its index and, when truncated, the shortened span. */
struct pick {
	size_t sent;
	size_t end, bend; /* end in code points and bytes (== the sentence's unless cut) */
	double key;         /* reading-order keys: relative position (undated groups), */
	size_t rank, start; /* the article's rank, the sentence's start */
};

struct selection {
	struct pick *v;
	size_t n, cap;
};

/*
 * Score the corpus' sentences and choose a summary within lim, in
 * reading order (article time, then input order, then position).
 */
void summarize_select(struct corpus *c, enum method m, const struct limit *lim, struct selection *out);

/*
 * The summary text (the chosen sentences joined by one space) and the
 * summary_sentences array; new references owned by the caller.
 */
json_t *summary_text(const struct corpus *c, const struct selection *sel);
json_t *summary_sentences(const struct corpus *c, const struct selection *sel);

#endif
