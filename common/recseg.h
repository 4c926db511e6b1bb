/*
 * recseg.h - the paragraphs and sentences a stage works on.
 *
 * The contract (design.md): a stage that needs sentences uses the
 * record's `sentences` when present, and otherwise segments the text
 * with the shared segmenter, so stages work alone and in any order.
 * This is that rule, written once for every filter.
 */
#ifndef NEWSPIPE_RECSEG_H
#define NEWSPIPE_RECSEG_H

#include <jansson.h>
#include <stddef.h>

#include "spans.h"
#include "stream.h"

/*
 * Fill paras and sents (cleared first) for text[0..len) of rec (ncp code
 * points): the record's `paragraphs` and `sentences` where present and
 * valid (ascending [[start,end],...] within the text), the shared
 * segmenter for the rest (sentences within the record's paragraphs when
 * only those are given).  A malformed field is not worth losing the
 * record: it is ignored with a warning on the stream ("FILE:LINE: bad
 * 'sentences' ignored ...") and segmented here instead; with s NULL,
 * silently (a record held and read again later, already checked).
 */
void recseg_get(struct stream *s, const json_t *rec, const char *text, size_t len, size_t ncp,
		struct spans *paras, struct spans *sents);

/*
 * Only the warnings of recseg_get() about rec's own `paragraphs` and
 * `sentences`, for a stage that holds the record and segments it later
 * (a group summary).  sp is scratch.
 */
void recseg_check(struct stream *s, const json_t *rec, size_t ncp, struct spans *sp);

#endif
