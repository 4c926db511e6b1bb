/*
 * segment.h - paragraphs and sentences of a text.
 *
 * Offsets are code points into the text, end exclusive, with the
 * whitespace around each unit left out.  Every later stage that needs
 * sentences uses `sentences` from the record when present and otherwise
 * these functions, so all stages agree.
 */
#ifndef NEWSPIPE_SEGMENT_H
#define NEWSPIPE_SEGMENT_H

#include <stddef.h>

#include "spans.h"

/*
 * Paragraphs of text[0..len): when the text has blank lines, paragraphs
 * are separated by blank lines (a single newline inside one is a wrapped
 * line); otherwise every line is a paragraph (news one-per-line form),
 * except that a visibly hard-wrapped line (no final punctuation, and the
 * next line goes on in lower case or with a comma, or the line ends with
 * a comma or hyphen) continues on the next.  U+2029 always separates
 * paragraphs.  The rules are spelled out at the top of segment.c.
 * Appends to out.  Allocates only to grow out; one pass over the bytes.
 */
void segment_paragraphs(const char *text, size_t len, struct spans *out);

/*
 * Sentences of text[0..len), never crossing a paragraph boundary
 * (abbreviations, initials, numbers, quotations and brackets, list
 * markers, headings: see segment.c).  Appends to out.
 */
void segment_sentences(const char *text, size_t len, struct spans *out);

/*
 * Paragraphs and sentences of text[0..len) in one pass (either list may
 * be NULL): the same spans as segment_paragraphs() and
 * segment_sentences(), at the cost of one.  Appends to paras and sents.
 */
void segment_text(const char *text, size_t len, struct spans *paras, struct spans *sents);

/*
 * Sentences of the given paragraphs (code-point spans of text, as
 * segment_paragraphs() returns them).  Appends to out.
 */
void segment_sentences_in(const char *text, size_t len, const struct spans *paragraphs,
			  struct spans *out);

#endif
