/*
 * abbrev.h - English abbreviations that end in a full stop.
 *
 * Shared by the tokenizer (the period belongs to the token) and the
 * sentence segmenter (a period after an abbreviation is usually not a
 * sentence end).  The list is linguistic knowledge of the language, not
 * of any data set; it lives in abbrev.c with a comment per group.
 */
#ifndef NEWSPIPE_ABBREV_H
#define NEWSPIPE_ABBREV_H

#include <stddef.h>

enum abbrev_kind {
	ABBREV_NONE = 0,
	/* Precedes a name or number and so never ends a sentence: Mr. Dr. Gen. St. No. */
	ABBREV_PREFIX,
	/* Ordinary abbreviation; may end a sentence: Inc. Corp. etc. Jan. Ave. */
	ABBREV_PLAIN,
};

/*
 * Classify word[0..len) (UTF-8, without the final period).  Titles and
 * months must be capitalised ("Mar." but not "mar."); "etc", "vs" and
 * the like may be lower case.
 */
enum abbrev_kind abbrev_lookup(const char *word, size_t len);

#endif
