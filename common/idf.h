/*
 * idf.h - the background IDF table of content terms (data/terms/idf.tsv).
 *
 * Document frequencies counted on unlabeled newswire by
 * tools/build-idf.py, with the terms of terms.h; idf = ln(N / df).  One
 * table serves news-summarize and news-cluster.
 */
#ifndef NEWSPIPE_IDF_H
#define NEWSPIPE_IDF_H

#include <stddef.h>
#include <stdint.h>

/* Where the table is found under the data directory (datafile.h). */
#define IDF_DATAFILE "terms/idf.tsv"

struct idf_slot {
	uint64_t key; /* 0 = empty */
	float val;
};

struct idf {
	struct idf_slot *slots; /* open addressing; key and value side by side, one cache line a probe */
	size_t mask;
	double ndocs;
	float unknown; /* the IDF of a term the table does not have */
};

/*
 * Load the table at path ("# docs N" then "term<TAB>df" lines).  Dies
 * with a message naming the file when it cannot be read or is malformed.
 * Release with idf_release().
 */
void idf_load(struct idf *t, const char *path);

/* The IDF of the term with this hash (terms_hashes()); t->unknown when absent. */
float idf_get(const struct idf *t, uint64_t hash);

void idf_release(struct idf *t);

#endif
