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
	/* Ordinary abbreviation; may end a sentence: Co. Jan. Ave. U.S.-style names. */
	ABBREV_PLAIN,
	/*
	 * Closes a phrase, so that a capitalised word after it starts a new
	 * sentence unless it continues the name (abbrev_name_continuation()):
	 * a company's legal form (Inc. Corp. Ltd.), a unit after a number
	 * (pct. lbs.), "etc."
	 */
	ABBREV_FINAL,
	/*
	 * A state or province (Calif. Mich. Ont.): after "Town, " it closes a
	 * place's name ("in Louisville, Ky. United ...") but for a date or
	 * bracket after it ("Orlando, Fla. Monday", "Mich. (AP)").
	 */
	ABBREV_REGION,
};

/*
 * Classify word[0..len) (UTF-8, without the final period).  Titles and
 * months must be capitalised ("Mar." but not "mar."); "etc", "vs" and
 * the like may be lower case.
 */
enum abbrev_kind abbrev_lookup(const char *word, size_t len);

/*
 * Classify word[0..len), written all in capitals (len >= 2), as in a
 * dateline or headline ("ST. LOUIS", "GEN. SMITH", "25 PCT."), where case
 * says nothing: the entry of the same letters, except abbreviations that
 * stand only before a number ("NO.", "ART.") and those that are also
 * ordinary words a headline shouts ("ILL.", "MISS.", "WASH.").
 */
enum abbrev_kind abbrev_lookup_caps(const char *word, size_t len);

/*
 * 1 if word[0..len) (capitalised or in capitals) can go on with a name
 * after an ABBREV_FINAL abbreviation: another legal form ("Co. Ltd.",
 * "Inc. Plc") or a title before a person's name ("Acme Inc. Chairman
 * John Smith").
 */
int abbrev_name_continuation(const char *word, size_t len);

/*
 * 1 if word[0..len) (without its period; any case) is an abbreviation
 * that stands before a number: "No. 5", "no. 5", "Vol. 2", "pp. 4",
 * "Rs. 500".  Before a digit its period never ends a sentence.
 */
int abbrev_before_number(const char *word, size_t len);

/*
 * 1 if word[0..len) is a name written with an exclamation mark
 * ("Yahoo!", "Jeopardy!"), whose "!" ends no sentence.  Case-sensitive.
 */
int abbrev_exclamation_name(const char *word, size_t len);

/*
 * 1 if word[0..len) (UTF-8, capitalised as written, or all in capitals)
 * is a closed-class word or quantity word that begins a sentence when it
 * follows an ambiguous abbreviation: "... of the U.S. The ..." but "U.S.
 * Senate".
 */
int abbrev_sentence_starter(const char *word, size_t len);

/*
 * 1 if word[0..len) is a capitalised personal pronoun ("He", "She",
 * "They", ...): after a quotation it opens a new sentence, as a name
 * opening an attribution does not.
 */
int abbrev_pronoun(const char *word, size_t len);

/*
 * 1 if word[0..len) (lower case, as written after a name) is a verb of
 * saying in a form that attributes a quotation: "said", "asks", "tweeted".
 */
int abbrev_speech_verb(const char *word, size_t len);

/*
 * 1 if word[0..len) (UTF-8, case as written) is a month's name as German
 * writes it ("Oktober", "März"), where a day before it is an ordinal with
 * a full stop ("am 3. Oktober") that ends no sentence.  The English names
 * that German shares (April, August, September, November) are included.
 */
int abbrev_ordinal_month(const char *word, size_t len);

#endif
