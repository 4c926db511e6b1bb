/*
 * dedupe.h - the modules of news-dedupe: sketches of texts, the index of
 * what has been seen, the state file, and the map/reduce form.
 *
 * A text is normalized (NFKC, case folded, marks stripped, everything but
 * letters and digits dropped), cut into shingles (overlapping character
 * n-grams of the letter stream, so that OCR noise which splits or joins
 * words costs little), and summarised by one-permutation MinHash with
 * densification: one hash per shingle, K bins, the minimum of each bin.
 * The sketch keeps 12 bits of each bin (b-bit MinHash), the shingle count
 * (to turn an estimated Jaccard into an estimated containment) and a hash
 * of the whole normalized text (exact duplicates).  LSH bands of R bins
 * each give the candidate keys.
 */
#ifndef NEWSPIPE_DEDUPE_H
#define NEWSPIPE_DEDUPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "strbuf.h"

#define SK_BINS 64       /* K: MinHash bins of a sketch */
#define SK_BITS 12       /* bits kept of each bin (b-bit MinHash) */
#define SK_PACKED (SK_BINS * 3 / 2) /* bytes of a stored sketch: two bins in three bytes */
#define SK_MAX_BANDS 32
#define BUCKET_CAP 8  /* candidates per band key: the latest items */

/* Parameters of sketches; a state file is valid only for the same ones. */
struct sketch_params {
	uint32_t gram;  /* shingle length in bytes of the normalized letter stream */
	uint32_t bands; /* LSH bands */
	uint32_t rows;  /* bins per band; bands * rows <= SK_BINS */
};

struct sketch {
	uint16_t sig[SK_BINS]; /* SK_BITS bits each */
	uint32_t nshingles; /* 0: the text has no letters or digits */
	uint32_t exact;     /* hash of the normalized text */
};

/* Reusable buffers of the sketcher; release with sketcher_release(). */
struct sketcher {
	struct sketch_params p;
	struct strbuf norm;
};

void sketcher_init(struct sketcher *sk, const struct sketch_params *p);
void sketcher_release(struct sketcher *sk);

/*
 * Sketch text[0..len) (valid UTF-8) into *out.  A text with no letters or
 * digits gets nshingles == 0 and is never a duplicate.
 */
void sketch_text(struct sketcher *sk, const char *text, size_t len, struct sketch *out);

/* The 32-bit LSH key of band b of sig (never 0). */
uint32_t sketch_band_key(const struct sketch_params *p, const uint16_t *sig, unsigned b);

/* The same from a packed sketch (SK_PACKED bytes). */
uint32_t sketch_band_key_packed(const struct sketch_params *p, const unsigned char *packed, unsigned b);

/*
 * Whether band b of two packed sketches has the same bins (then their
 * band keys are equal; cheaper than computing the keys).
 */
bool sketch_band_equal_packed(const struct sketch_params *p, const unsigned char *a, const unsigned char *b,
			      unsigned band);

/* Pack sig into SK_PACKED bytes, and back. */
void sketch_pack(const uint16_t *sig, unsigned char *out);
void sketch_unpack(const unsigned char *packed, uint16_t *sig);

/*
 * How similar two sketched texts are: the larger of the estimated
 * Jaccard similarity and, when the smaller text has at least
 * min_contained shingles, the estimated containment of the smaller in
 * the larger.  1.0 exactly for equal normalized texts.
 */
double sketch_similarity(const uint16_t *a, uint32_t na, uint32_t ea, const uint16_t *b, uint32_t nb,
			 uint32_t eb, uint32_t min_contained);

/*
 * The same for two packed sketches (SK_PACKED bytes each); equal results,
 * except 0.0 where the similarity is certainly below floor (found
 * without the divisions of the estimate; floor 0 never cuts).
 */
double sketch_similarity_packed(const unsigned char *a, uint32_t na, uint32_t ea, const unsigned char *b,
				uint32_t nb, uint32_t eb, uint32_t min_contained, double floor);

/* ---- the index of remembered items ---------------------------------- */

struct index;

/*
 * A new empty index.  capacity bounds the number of items (oldest
 * evicted first); max_age (seconds, 0 = none) evicts items older than
 * that at each index_evict().
 */
struct index *index_new(const struct sketch_params *p, uint64_t capacity, uint64_t max_age);
void index_free(struct index *ix);

/* A match found by index_lookup(). */
struct match {
	uint64_t seq;       /* the remembered item */
	double similarity;
};

/*
 * The best remembered item with similarity >= threshold to s (ties: the
 * earliest), or false; but an item with the same id (NUL-terminated, or
 * NULL) and the same text is preferred: the same record seen again.
 * Candidates are the items sharing a band key.
 */
bool index_lookup(struct index *ix, const struct sketch *s, const char *id, double threshold,
		  uint32_t min_contained, struct match *m);

#define INDEX_NONE UINT64_MAX

/*
 * Remember an item: id (idlen bytes, not NUL-terminated), seen at time
 * when; it joins the cluster of the remembered item like (INDEX_NONE:
 * it starts its own cluster).  Evicts the oldest item when the index is
 * full.  Returns the item's sequence number.
 */
uint64_t index_add(struct index *ix, const struct sketch *s, const char *id, size_t idlen, uint64_t like,
		   uint32_t when);

/*
 * Rebuild the LSH table at a low load if it is filling up (before a
 * snapshot, so that the next runs start with room to grow).
 */
void index_tidy(struct index *ix);

/* Evict items beyond the capacity or older than max_age before now. */
void index_evict(struct index *ix, uint32_t now);

/* The id and cluster id of a remembered item (borrowed; valid until the next index_add/evict). */
const char *index_id(const struct index *ix, uint64_t seq, size_t *len);
const char *index_cluster(const struct index *ix, uint64_t seq, size_t *len);

/* The exact-text hash of a remembered item. */
uint32_t index_exact(const struct index *ix, uint64_t seq);

/* Numbers: items remembered, next sequence number, bytes of memory used. */
uint64_t index_count(const struct index *ix);
uint64_t index_next_seq(const struct index *ix);
uint64_t index_memory(const struct index *ix);

/* ---- the state file -------------------------------------------------- */

/*
 * The state is FILE (a snapshot: binfile with magic, version, checksums
 * and a generation, written atomically), FILE.log (a journal of
 * checksummed entries, appended as output leaves the buffer) and
 * FILE.lock, held for the whole run (common/statefile.h).  Loading reads
 * the snapshot, then replays the journal: a torn last entry (what a kill
 * leaves) is dropped; damage elsewhere is reported, every intact entry
 * kept and the state rewritten at once without the damage.
 */
struct state;

/*
 * Open the state at path into a new index (created empty when neither
 * file exists), waiting for another run that holds it when wait is true,
 * else failing at once.  level is 0 (document) or 1 (paragraph) and must
 * match the file's.  Returns NULL after a message naming the file.
 */
struct state *state_open(const char *path, const struct sketch_params *p, unsigned level,
			 uint64_t capacity, uint64_t max_age, bool wait, struct index **ixp);

/*
 * Call after each record: the items added since the last call depend on
 * the output up to byte out_pos; out_flushed bytes of output have left
 * the output buffer.  Journals the items whose output has left.
 */
void state_record_done(struct state *st, struct index *ix, uint64_t out_pos, uint64_t out_flushed);

/*
 * Whether the journal has grown past four entries per remembered item
 * (and some slack): a run that never ends (tail -f) must not let it grow
 * without bound.  Then flush the output and call state_compact(), which
 * writes a snapshot of everything remembered and starts a new journal.
 */
bool state_compact_due(const struct state *st, const struct index *ix);
int state_compact(struct state *st, struct index *ix);

/*
 * Journal what is pending (call after the output was flushed), compact
 * into a new snapshot when the journal has grown large, release the
 * lock.  Returns 0 or -1 after a message.
 */
int state_close(struct state *st, struct index *ix);

/* Write ix as a snapshot (generation 1) to path. */
int state_write_snapshot(const char *path, const struct sketch_params *p, unsigned level, struct index *ix);

/* Snapshot section access used by state.c (defined in index.c). */
struct index_image {
	uint64_t head, tail;       /* live items are [head, tail) */
	const void *meta;          /* (tail - head) x 20 bytes */
	const unsigned char *sigs; /* (tail - head) x SK_PACKED */
	const char *arena;         /* ids */
	uint64_t arena_len;
	const uint32_t *table;     /* slots */
	uint64_t table_size, table_used;
};
void index_image(struct index *ix, struct index_image *im);

/* The same, loaded into malloc'd arrays that index_adopt() takes over. */
struct index_owned {
	uint64_t head, tail;
	void *meta;              /* cap_items x 20 bytes */
	unsigned char *sigs;     /* cap_items x SK_PACKED */
	size_t cap_items;
	char *arena;
	size_t arena_len, arena_cap;
	uint32_t *table;         /* NULL: rebuilt */
	uint64_t table_size, table_used;
};

/* An LSH table of n slots (n a multiple of 16), 64-byte aligned, zeroed or not; release with free(). */
uint32_t *index_table_alloc(size_t n, bool zeroed);

/*
 * Replace ix's content by o's arrays, which ix then owns (they are freed
 * when o is inconsistent).  Returns 0, or -1 if o is inconsistent.
 */
int index_adopt(struct index *ix, struct index_owned *o);

/* Items added since seq: for the journal. */
struct index_item {
	uint64_t seq;
	uint32_t when, nshingles, exact;
	const unsigned char *sig; /* packed */
	const char *id, *cluster;
	size_t idlen, cllen;
};
void index_item(const struct index *ix, uint64_t seq, struct index_item *it);
/* Re-add a journalled item (its seq must be index_next_seq()). */
void index_replay(struct index *ix, const struct index_item *it);

#endif
