/*
 * entities.h - the named-entity engine shared by news-tag-entities and
 * news-extract-quotes.
 *
 * PER, ORG, LOC and MISC come from a statistical sequence labeller (an
 * averaged perceptron over BIO tags with Viterbi decoding, trained by
 * tools/news-train-entities on CoNLL-2003); DATE, MONEY, PERCENT and
 * CARDINAL come from a rule layer.  Every mention gets a canonical name:
 * the fullest name of the same entity in the same text ("Altman" ->
 * "Sam Altman", "ICE" -> "Immigration and Customs Enforcement" when the
 * text links them).  Titles and possessives are never part of a span.
 *
 * Offsets are code points into the text, end exclusive.
 */
#ifndef NEWSPIPE_ENTITIES_H
#define NEWSPIPE_ENTITIES_H

#include <stddef.h>

#include "spans.h"

enum entity_type {
	ENT_PER,
	ENT_ORG,
	ENT_LOC,
	ENT_MISC,
	ENT_DATE,
	ENT_MONEY,
	ENT_PERCENT,
	ENT_CARDINAL,
	ENT_NTYPES
};

struct entity {
	size_t start, end;    /* code points into the text, end exclusive */
	size_t bstart, bend;  /* the same in bytes */
	enum entity_type type;
	char *canonical;      /* owned UTF-8: fullest name of the same entity in the text */
};

struct entity_list {
	struct entity *v;
	size_t n, cap;
	size_t tokens; /* tokens tagged: ner_tag() adds to it, nothing resets it */
};

#define ENTITY_LIST_INIT { NULL, 0, 0, 0 }

struct ner_model;

/*
 * Load a model.  path NULL: datafile_find(NULL, "entities/model.bin").
 * A missing, wrong or truncated file is a clear error naming it (die()),
 * never a crash.  The model is read-only after loading and may be shared.
 */
struct ner_model *ner_model_load(const char *path);

/* Free a model from ner_model_load(); NULL is fine. */
void ner_model_free(struct ner_model *m);

/*
 * Tag text[0..len) (UTF-8).  sentences (code-point spans of text) may be
 * NULL: then segment_sentences() is used.  Appends the entities to out in
 * text order, with canonical names resolved within this text.
 */
void ner_tag(const struct ner_model *m, const char *text, size_t len,
	     const struct spans *sentences, struct entity_list *out);

/*
 * The same, for texts of any length in memory bounded by a part: the text
 * is tagged in parts of whole sentences of about 20,000 tokens (names are
 * linked within a part), and after each part part_done(ctx, out), when
 * not NULL, is called; it may consume and clear out's entities.  The
 * working memory is that of one part, whatever len is.
 */
void ner_tag_parts(const struct ner_model *m, const char *text, size_t len, const struct spans *sentences,
		   struct entity_list *out, void (*part_done)(void *ctx, struct entity_list *out), void *ctx);

/* Free the canonical names and set n = 0 (the array is kept). */
void entity_list_clear(struct entity_list *l);

/* Free everything; l is empty and reusable afterwards. */
void entity_list_release(struct entity_list *l);

/* "PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT", "CARDINAL". */
const char *entity_type_name(enum entity_type t);

/* The type of a name from entity_type_name(), or -1 if unknown. */
int entity_type_from_name(const char *name);

#endif
