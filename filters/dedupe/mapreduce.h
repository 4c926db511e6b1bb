/*
 * mapreduce.h - news-dedupe's map (--emit-keys) and reduce (--reduce)
 * steps; the line format is described in mapreduce.c.
 */
#ifndef NEWSPIPE_DEDUPE_MAPREDUCE_H
#define NEWSPIPE_DEDUPE_MAPREDUCE_H

#include <jansson.h>
#include <stdio.h>

#include "dedupe.h"
#include "stream.h"

/* Write the key lines of one item (id: NUL-terminated) to out; a write error is fatal. */
void mr_emit_keys(FILE *out, const struct sketch_params *p, const struct sketch *sk, uint64_t seq, const char *id);

struct reducer;

/* A reducer with the verification settings of the single-process run. */
struct reducer *reducer_new(double threshold, uint32_t min_contained, const char *level);

/* Take one key line (borrowed); a malformed one is rejected through the stream. */
int reducer_add(struct reducer *r, struct stream *s, json_t *rec);

/* Resolve clusters and write one record per item, in input order. */
void reducer_finish(struct reducer *r, struct stream *s);
void reducer_free(struct reducer *r);

/* The `dup` object: {"of": of[0..oflen), "similarity": sim (to 1/64), "level": level}.  New reference. */
json_t *dup_json(const char *of, size_t oflen, double sim, const char *level);

#endif
