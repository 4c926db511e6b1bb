/*
 * work.h - the working state of one tagging call, internal to
 * common/entities/: entities.c fills it (tokens, the model's names,
 * canonical names), numeric.c adds the rule layer's mentions, words.c
 * holds the word lists every part asks about.
 */
#ifndef NEWSPIPE_ENTITIES_WORK_H
#define NEWSPIPE_ENTITIES_WORK_H

#include <stddef.h>
#include <stdint.h>

#include "entities/entities.h"
#include "entities/ner.h"
#include "tokenize.h"

/* A mention over tokens [b, e) of the doc. */
struct mention {
	size_t b, e;
	enum entity_type type;
	size_t canon; /* index of the mention that names the entity fully */
};

/*
 * A text is tagged in parts of whole sentences of about NER_PART_TOKENS
 * tokens: the coreference steps in resolve() compare mentions of a part
 * with each other (and acronyms with every token), and the working memory
 * is bounded by a part, whatever the length of the text.  Names are linked
 * within a part.  The tokenizer is given at most TOKENIZE_CHUNK bytes at a
 * time (its scratch space is about 12 bytes a byte), cut at whitespace.
 */
#define NER_PART_TOKENS 20000
#define TOKENIZE_CHUNK 65536

struct work {
	const struct ner_model *model;
	const char *text;
	size_t len;
	struct tokens toks;    /* the shared tokenizer's tokens of the part */
	size_t *tsent;         /* sentence k of the part: toks [tsent[2k], tsent[2k+1]) */
	size_t ntsent, tsentcap;
	struct ner_doc d;
	struct token *tk;      /* doc token -> its extent in the text and its class */
	uint32_t *sid;         /* doc token -> its sentence in d */
	uint8_t *tags;
	uint8_t *used;         /* doc token inside a mention */
	uint32_t *cls;         /* doc token -> bit mask of the word lists holding it */
	int32_t *emit;         /* the model's scores, NTAGS per doc token */
	size_t tkcap;          /* tokens the arrays above hold */
	uint64_t *lower;       /* hashes of the words written lower case in the part */
	size_t lowercap;
	struct mention *m;
	size_t nm, mcap;
};

/*
 * The word lists (words.c), in lower case with digits as 0, as a token's
 * `lw` form: one lookup per token tells every list holding it
 * (work_word_classes()).  At most 32.
 */
enum word_list {
	WL_TITLES,        /* before a person's name, not part of it: Mr., President */
	WL_HONORIFICS,    /* a capitalised word after them starts a name */
	WL_INNER_TITLES,  /* between an organisation and a person: CEO, founder */
	WL_CONNECTORS,    /* lower-case words inside names: of, and, de */
	WL_MONTHS,
	WL_WEEKDAYS,
	WL_DAYPARTS,      /* morning, night: a weekday before one is a time of day */
	WL_RELATIVE,      /* last, next, this, past, previous ... */
	WL_PERIODS,       /* day, week, month, year, decade, quarter, season ... and plurals */
	WL_PART_PERIODS,  /* what an ordinal picks out of a year: quarter, half, week, month */
	WL_DEICTIC,       /* today, yesterday, tomorrow */
	WL_SCALES,        /* million, mln, bn, thousand ... */
	WL_CURRENCIES,    /* dlrs, cents, euros, francs, yen ... */
	WL_PERCENTS,      /* %, pct, percent */
	WL_NUMWORDS,      /* one ... ninety, hundred, thousand, million, dozen and plurals */
	WL_UNITS,         /* units of measure and of time under a day: tonnes, barrels, hours */
	WL_APPROX,        /* about, around, some, nearly, over ... before a number */
	WL_ORDINALS,      /* first ... fourth, final, 1st ... 4th */
	WL_EDGES,         /* early, late, mid: the part of a period */
	WL_AGO,           /* ago, earlier, later: after a duration, a date */
	WL_PERIOD_LINKS,  /* ended, ending, to, through: "the year ended June 30" */
	WL_FEW,           /* few, several, couple */
	WL_TIME_SUFFIX,   /* a.m., p.m., GMT: a time of day */
	WL_PARALLEL,      /* from, vs, versus, against, to, than, and, or: a figure's unit given before */
	WL_RULE_STARTS,   /* other words a date or an amount may start with: the, a, between, more ... */
	WL_COUNT
};

/* Add a mention of tokens [b, e) (never across a sentence end: dropped then); marks them used. */
void work_add_mention(struct work *w, size_t b, size_t e, enum entity_type t);

/* Is doc token i's lower-case form (digits as 0) s?  False past the end. */
int work_is(const struct work *w, size_t i, const char *s);

/* Is doc token i in word list l?  False past the end. */
int work_in(const struct work *w, size_t i, enum word_list l);

/* Fill w->cls for the doc's tokens from the model's word table (built by ner_words_build()). */
void work_word_classes(const struct ner_model *m, struct work *w);

/* The rule layer (numeric.c): DATE, MONEY, PERCENT and CARDINAL mentions on the tokens no name holds. */
void numeric_mentions(struct work *w);

#endif
