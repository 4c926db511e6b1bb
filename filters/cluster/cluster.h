/*
 * cluster.h - the modules of news-cluster.
 *
 *   features.c - an article as a sparse TF-IDF vector: content terms of
 *                its title and text (common/terms.h, IDF of
 *                common/idf.h) and the canonical names of its entities;
 *   stories.c  - the active stories: centroids, the inverted index that
 *                finds the candidates of an article, matching, joining,
 *                creating and forgetting stories;
 *   state.c    - the stories kept between runs (--state): snapshot,
 *                journal and lock (common/statefile.h).
 */
#ifndef NEWSPIPE_CLUSTER_H
#define NEWSPIPE_CLUSTER_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "idf.h"

/* --- features.c ------------------------------------------------------------ */

/* One dimension of a vector: a term or name hash and its weight. */
struct feature {
	uint64_t key;
	float w;
};

/* A sparse vector: distinct keys, none 0, in no particular order; unit length unless empty. */
struct vec {
	struct feature *v;
	size_t n, cap;
};

void vec_release(struct vec *x);

/* A term (or name) of the article being read: occurrences (a title's count twice) and IDF. */
struct term_count {
	uint64_t key; /* 0 = empty */
	float count;
	float idf;    /* a term's from the table, a name's rarest term's */
};

/*
 * Builds article vectors.  Owns a term counter reused from article to
 * article, so that the cost per article is the work itself.
 */
struct featurizer {
	const struct idf *idf;
	uint64_t *h;              /* term hashes of one field (terms_hashes scratch) */
	size_t nh, caph;
	struct term_count *slots; /* counter: open addressing */
	size_t mask;
	size_t *touched;          /* occupied slots, to clear in O(used) */
	size_t ntouched, captouched;
	struct idf_slot *cache;   /* IDF_CACHE recent terms and their IDF, direct-mapped */
};

void featurizer_init(struct featurizer *fz, const struct idf *idf);
void featurizer_release(struct featurizer *fz);

/*
 * The vector of one article: each content term of the title (counted
 * twice: a headline names the event) and of text[0..len), weighted
 * (1 + ln tf) x idf; each PER, ORG, LOC or MISC entity of rec's
 * `entities` (news-tag-entities), under its canonical name, weighted
 * (1 + ln mentions) x the IDF of the name's rarest term.  Normalised to
 * unit length; empty when the article has no content term.  out's
 * memory is reused.
 */
void features_of(struct featurizer *fz, const json_t *rec, const char *text, size_t len, struct vec *out);

/* --- stories.c ------------------------------------------------------------- */

/* What matching an article found. */
struct match {
	uint32_t story;      /* slot of the best story, STORY_NONE when none */
	double similarity;   /* its similarity (cosine x time factor) */
};

#define STORY_NONE UINT32_MAX

/* A time not known yet: a story begun by an undated article before any dated one. */
#define TIME_PENDING INT64_MIN

struct stories_params {
	double threshold;     /* join a story at this similarity or above */
	int64_t window;       /* seconds: a story not updated for longer is closed */
	uint32_t max_stories; /* active stories at most (the least recently updated go first) */
};

struct stories;

struct stories *stories_new(const struct stories_params *p);
void stories_free(struct stories *st);

/*
 * The active story most similar to article a at time t (TIME_PENDING:
 * unknown, then time plays no part), among the candidates the inverted
 * index gives: stories sharing one of a's heaviest terms.  Similarity
 * is the cosine of a and the story's centroid, lowered linearly with
 * the time since the story was last updated, to half at the window's
 * end; stories updated more than a window away are not candidates.
 * m->story is STORY_NONE when no candidate reaches the threshold.
 */
void stories_match(struct stories *st, const struct vec *a, int64_t t, struct match *m);

/* Add a to story slot s (its centroid, size and times), re-indexing it. */
void stories_join(struct stories *st, uint32_t s, const struct vec *a, int64_t t);

/*
 * Begin a new story with article a at time t, named id (copied, idlen
 * bytes), making room first when max_stories are active.  Returns its
 * slot.
 */
uint32_t stories_create(struct stories *st, const struct vec *a, int64_t t, const char *id, size_t idlen);

/* The story id of slot s (not NUL-terminated; *len bytes). */
const char *stories_id(const struct stories *st, uint32_t s, size_t *len);

/*
 * Close the stories last updated before now - window (they are
 * forgotten).  Stories updated after now stay (a feed may run behind).
 */
void stories_expire(struct stories *st, int64_t now);

/*
 * Give every story of pending time the time t (the first date seen);
 * fn(ctx, slot), when not NULL, is called for each (to journal it).
 */
void stories_settle(struct stories *st, int64_t t, void (*fn)(void *ctx, uint32_t slot), void *ctx);

/* Counts for --stats. */
struct stories_stats {
	uint64_t active, created, joined, closed, evicted;
	uint64_t max_active;
	size_t memory;  /* bytes held by stories and index */
};

void stories_stats(const struct stories *st, struct stories_stats *out);

/* The number of active stories (cheap, unlike stories_stats()). */
uint64_t stories_active(const struct stories *st);

/*
 * Iteration and restoring, for the state file: the active stories from
 * the least to the most recently updated, and stories_restore() to add
 * one back in that order.
 */
struct story_image {
	const char *id;
	size_t idlen;
	int64_t first, last;
	uint32_t size;
	const struct feature *f;  /* the centroid */
	size_t nf;
};

/* The image of story slot (borrowed: valid until the story changes). */
void stories_image(const struct stories *st, uint32_t slot, struct story_image *im);

/* Call fn for each active story, least recently updated first. */
void stories_each(const struct stories *st, void (*fn)(void *ctx, const struct story_image *im), void *ctx);

/* Add a story as it was saved (its centroid is copied).  Returns 0, or -1 when it is malformed. */
int stories_restore(struct stories *st, const struct story_image *im);

/* --- state.c --------------------------------------------------------------- */

/*
 * The time the stream had reached: the latest dated article's, or the
 * run's own time (--now) when the articles had no dates (then the next
 * run ages the stories by the clock).
 */
struct clock {
	int64_t t;  /* TIME_PENDING: none yet */
	bool wall;  /* t is the run's time, not an article's */
};

struct cluster_state;

/*
 * Lock the state at path (path.lock: another run on it is waited for,
 * or with wait false makes this fail at once),
 * load its snapshot (path) and replay its journal (path.log) into st,
 * and the clock into *c.  No files yet is an empty state.  Returns the
 * state, or NULL after a message naming the file when it is not a
 * news-cluster state, of another version, truncated or corrupt.
 */
struct cluster_state *cstate_open(const char *path, bool wait, struct stories *st, struct clock *c);

/* Journal story slot as it now is, and the clock (written at the next commit). */
void cstate_note(struct cluster_state *cs, const struct stories *st, uint32_t slot, const struct clock *c);

/*
 * Append what was noted to the journal.  Call it once the output of the
 * articles noted has left (fflush): output first, then the state.
 * Returns 0, or -1 after a message.
 */
int cstate_commit(struct cluster_state *cs);

/*
 * After a commit: when the journal holds more than four entries per
 * active story and a thousand more, write a snapshot of every story and
 * start a new journal, so that a run that never ends (-u on tail -f)
 * keeps its journal, and the next run's replay, bounded.  Call it once
 * the output of every article journalled has left.  Returns 0, or -1
 * after a message.
 */
int cstate_compact_if_due(struct cluster_state *cs, const struct stories *st, const struct clock *c);

/*
 * Commit, write a new snapshot when the journal has grown longer than
 * the active stories (or was damaged), sync, unlock, free cs.  Returns 0,
 * or -1 after a message.
 */
int cstate_close(struct cluster_state *cs, const struct stories *st, const struct clock *c);

#endif
