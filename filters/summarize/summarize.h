/*
 * summarize.h - the modules of news-summarize.
 *
 *   corpus.c  - the articles of one summary (one record, or a group):
 *               their sentences, term vectors and near-duplicate links;
 *   prose.c   - which units read as the article's sentences (not captions,
 *               credits, headings or links) and how much;
 *   select.c  - sentence scoring (position, centrality, title, length),
 *               MMR selection under a length limit, and the output;
 *   groups.c  - the open groups of --group-by, wherever their records
 *               are in the stream, and when each closes;
 *   names.c   - a story's people and organisations, names linked
 *               across its articles.
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
#include "strbuf.h"
#include "terms.h"

/* --- corpus.c ------------------------------------------------------------ */

#define SENT_ELIGIBLE 0x01 /* prose: may be chosen */
#define SENT_QUOTE 0x02    /* mostly a direct quotation */
#define SENT_LEAD 0x04     /* first eligible sentence of its story (after SENT_HEADER ones) */
#define SENT_HEADER 0x08   /* eligible, but before the article's first non-caption sentence */
#define SENT_CAPTION 0x10  /* reads as a caption or a table line (prose_weight()) */

struct term_weight {
	uint32_t id; /* local term id (corpus vocabulary) */
	float w;     /* tf x idf */
};

struct sentence {
	size_t art;            /* index of the article */
	size_t pos;            /* rank among the article's eligible sentences from its lede (0 for a header) */
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
 * (recseg_get(), which warns on s about a malformed field; s NULL: not);
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
 * ("Photo:", "Image caption", "Related:", "READ MORE"), a photo credit or
 * time stamp ("Getty Images", "(Published Monday ...)"), a byline, a unit
 * mostly in capitals, a labelled caption that points at its photo
 * ("Tragic: Smith (left) ...").  Below 1, what reads as a caption or a
 * table line: a labelled unit (0.5; not a kicker in capitals, "DEAR
 * ABBY: ..."), one that points at a photo (0.7), two sentences run
 * together with no mark ("... a favourite client She never", 0.5), no
 * finite verb ("An artist's concept of the lander.", 0.5), a third of its
 * words numbers ("2 tackles, 1 assist (3 combined).", 0.2); *caption is
 * set for these and for the zeros.  Then a unit longer than 50 words (a
 * caption glued to a sentence, most likely) weighs 50 / words, without
 * *caption.  English furniture only; english (prose_english() of the
 * article) is 0 for text in another language, where the absence of an
 * English verb is no evidence of a caption and the verb test is skipped.
 */
double prose_weight(const char *text, size_t b, size_t e, size_t nwords, int english, int *caption);

/*
 * 1 if text[0..len) reads as English: one word in twenty or more is a
 * frequent English function word that other Latin-script languages rarely
 * use ("the", "of", "was", ...).  Also 1 for a text with no words.
 */
int prose_english(const char *text, size_t len);

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

/* --- groups.c ------------------------------------------------------------ */

/* A group holds at most this much text; then its summary is written and a new chunk begins. */
#define MAX_GROUP_BYTES ((size_t)64 << 20)

/* The time of a group none of whose records had a date. */
#define GROUP_UNDATED INT64_MIN

struct group_params {
	int64_t window;    /* seconds: a group no record joined for longer closes (0: never) */
	size_t max_open;   /* groups open at once, at most */
	size_t max_group;  /* records in a group, at most (then a new chunk) */
	int sorted;        /* the input is grouped by key: a new key closes the group before */
};

struct group {
	json_t *key;          /* the group's value of the field (owned) */
	char *keystr;         /* the key serialized, the index's (owned) */
	json_t **recs;        /* its records, in input order (owned references) */
	size_t n, cap;
	size_t bytes;         /* their text */
	int64_t last;         /* the latest `published` among them, GROUP_UNDATED if none */
	uint64_t order;       /* when it opened */
	struct group *prev, *next; /* by last addition, least recent first */
	struct group *hnext;  /* the index's chain */
};

struct groups {
	struct group_params p;
	struct group **buckets;
	size_t nbuckets, nopen, held;
	uint64_t opened;
	struct group *head, *tail;
	void (*close)(void *ctx, struct group *g);
	void *ctx;
};

/*
 * close(ctx, g) is called for each group as it closes, to write its
 * story record; g and its records are freed after it returns.
 */
void groups_init(struct groups *gs, const struct group_params *p, void (*close)(void *ctx, struct group *g), void *ctx);

/*
 * Add rec (borrowed; held until its group closes) to the group of key
 * (borrowed), bytes of text, published at t (GROUP_UNDATED: no date).
 * May close groups first (a full group, a key change with --sorted) and
 * after (the least recently added to, beyond --max-open or the text
 * held in all: 512 MB).
 */
void groups_add(struct groups *gs, json_t *key, json_t *rec, size_t bytes, int64_t t);

/* Close the groups no record joined since now - window. */
void groups_expire(struct groups *gs, int64_t now);

/*
 * Give the groups without a date (opened before the first dated record)
 * the time t of the first date: left undated, the oldest of them would
 * stay at the head of the list and no group would ever close by the
 * window.
 */
void groups_settle(struct groups *gs, int64_t t);

/* Close every open group, in the order they opened (the end of the input). */
void groups_close_all(struct groups *gs);

/* Free every open group without closing it (after --on-error=fail). */
void groups_release(struct groups *gs);

/* --- names.c ------------------------------------------------------------- */

struct names {
	struct name *v;       /* one per distinct name (names.c) */
	size_t n, cap;
	size_t *index;        /* hash of the name -> entry + 1 */
	size_t mask;
	size_t narts;         /* articles added */
	int any;              /* an article had an `entities` field */
	struct strbuf display, norm;
};

void names_init(struct names *nm);
void names_reset(struct names *nm);
void names_release(struct names *nm);

/* Count the PER and ORG names of one more article (its `entities`; anything else is ignored). */
void names_add_article(struct names *nm, const json_t *ents);

/*
 * Link the names across the articles and give the people and the
 * organisations, each [{"name","articles","mentions"}] by articles, then
 * mentions, at most max of each (new references).
 */
void names_json(struct names *nm, size_t max, json_t **people, json_t **orgs);

#endif
