/*
 * summarize.h - the modules of news-summarize.
 *
 *   terms.c   - content terms of a text (lower-cased letter/digit runs, a
 *               light plural stemmer) and whitespace word counts;
 *   idf.c     - the background IDF table (data/summarize/idf.tsv);
 *   corpus.c  - the articles of one summary (one record, or a group):
 *               their sentences, term vectors and near-duplicate links;
 *   prose.c   - which units read as the article's sentences (not captions,
 *               credits, headings or links) and how much;
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

#include "spans.h"
#include "stream.h"

/* --- terms.c ------------------------------------------------------------ */

/*
 * Append the hash of every content term of s[0..len) to *out (n, cap
 * grow with xreallocarray).  A term is a maximal run of Unicode letters
 * and digits, lower-cased, with a possessive 's dropped and a regular
 * plural reduced ("companies" -> "company", "shares" -> "share").  Terms
 * of one character and a short list of function words are left out.
 * tools/build-idf.py applies the same rules, so hashes match the table.
 */
void terms_hashes(const char *s, size_t len, uint64_t **out, size_t *n, size_t *cap);

/* Normalise one term in place (lower-case ASCII input); returns its new length. */
size_t terms_stem(char *w, size_t len);

/* 1 if the lower-case ASCII word w[0..len) is a function word. */
int terms_is_stopword(const char *w, size_t len);

/* Number of whitespace-separated words in s[0..len). */
size_t words_count(const char *s, size_t len);

/* --- idf.c --------------------------------------------------------------- */

struct idf {
	uint64_t *keys; /* open addressing, 0 = empty */
	float *vals;
	size_t mask;
	double ndocs;
	float unknown; /* the IDF of a term the table does not have */
};

/*
 * Load the table at path ("# docs N" then "term<TAB>df" lines).  Dies
 * with a message naming the file when it cannot be read or is malformed.
 */
void idf_load(struct idf *t, const char *path);
float idf_get(const struct idf *t, uint64_t hash);
void idf_release(struct idf *t);

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
	double prose;          /* prose_weight(): 0 for furniture, 1 for a plain sentence */
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

/* --- prose.c ------------------------------------------------------------- */

/*
 * How much the unit text[b..e) (nwords words) reads as a sentence of the
 * article, as a weight in [0, 1].  0 for what is not a sentence to pick: a
 * fragment of under four words, a unit without final punctuation or with
 * a full stop set apart by a space (added to a line that had none, as the
 * CNN/DailyMail data set does), a web address, a caption or credit label
 * ("Photo:", "Image caption", "Related:", "READ MORE"), a photo credit, a
 * byline, a unit mostly in capitals, a labelled caption that points at
 * its photo ("Tragic: Smith (left) ...").  Below 1: a labelled unit (0.5),
 * one that points at a photo (0.7), one where two sentences run together
 * with no mark ("... a favourite client She never", 0.5), one longer than
 * 50 words (a caption glued to a sentence, most likely; 50 / words).
 * English furniture only.
 */
double prose_weight(const char *text, size_t b, size_t e, size_t nwords);

/* --- select.c ------------------------------------------------------------ */

enum method { METHOD_RANK, METHOD_LEAD };

/*
 * The length of a summary: at most this many sentences, words
 * (whitespace-separated) and bytes of UTF-8 (0: no limit of that kind).
 * Every limit set applies; the summary stops at the first one reached.
 * truncate: fill a word or byte budget exactly, cutting the last sentence.
 * A summary is never empty while the text has a sentence: when none fits
 * a word or byte budget whole, the best one is cut to it.
 */
struct limit {
	size_t sentences, words, bytes;
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
