/*
 * clean.h - the modules of news-clean: normalizer, lexicon, line
 * classifier and metadata finder.  Internal to bin/news-clean.
 */
#ifndef NEWSPIPE_CLEAN_H
#define NEWSPIPE_CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "strbuf.h"

/* ---- normalize.c ---------------------------------------------------- */

/*
 * Normalize text[0..len) into out (appended): with markup, HTML tags
 * removed and entities decoded (text from a parsed page has none: its
 * '<' and '&' are text), common mojibake (UTF-8 read as Windows-1252/Latin-1)
 * repaired, NBSP and other spaces made plain spaces, zero-width
 * characters, soft hyphens and control characters removed, space runs
 * collapsed and each line trimmed, and every line put in Unicode NFC.
 * Line breaks are kept where they were, so line N of the result is line
 * N of the input.  Typographic quotes and dashes are kept.
 */
void clean_normalize(const char *text, size_t len, int markup, struct strbuf *out);

/*
 * 1 when clean_normalize() copies the non-ASCII code point cp as it is
 * whatever surrounds it: Latin-1 letters and signs but NBSP, the soft
 * hyphen and the letters that can lead mojibake, Latin Extended and IPA,
 * and the dashes, quotes and other punctuation of U+2010..U+205E (not its
 * spaces or invisible marks).  A line of printable ASCII without < or &,
 * spaces only between two characters, and such code points needs no
 * normalizing (scan_line_words() checks this as it reads).
 */
int clean_normal_cp(uint32_t cp);

/* ---- lexicon.c ------------------------------------------------------ */

/*
 * Categories of lines news-clean can remove; --keep takes their names.
 * The order is the order of category_names[].
 */
enum category {
	CAT_ADS,
	CAT_SOCIAL,
	CAT_SUBSCRIBE,
	CAT_COOKIES,
	CAT_COMMENTS,
	CAT_RELATED,
	CAT_CREDITS,
	CAT_CAPTIONS,
	CAT_COPYRIGHT,
	CAT_BIOS,
	CAT_NAVIGATION,
	CAT_TITLES,
	CAT_BYLINES,
	CAT_DATES,
	CAT_LOWCONTENT, /* jusText-style: long lines with few stop words, by context */
	CAT_COUNT
};

extern const char *const category_names[CAT_COUNT + 1];

struct lexicon;

/*
 * Load the lexicon of a language from the data directory
 * (clean/LANG/boilerplate.txt and clean/LANG/stopwords.txt, found with
 * datafile_find(); dir, when not NULL, is a directory that holds the two
 * files).  A missing file or a malformed line is fatal (die()).
 */
struct lexicon *lexicon_load(const char *lang, const char *dir);
void lexicon_free(struct lexicon *lx);

/*
 * Match one lower-cased line (folded: see fold_line()) of nwords words
 * against the patterns; return the category of the first pattern that
 * fires, or -1.  *pattern gets the pattern's text (borrowed).
 */
int lexicon_match(const struct lexicon *lx, const char *folded, size_t len, int nwords, const char **pattern);

/* 1 if the lower-cased word w[0..n) is a stop word of the language. */
int lexicon_is_stopword(const struct lexicon *lx, const char *w, size_t n);

/* 1 if the lower-cased word w[0..n) is a month name or abbreviation; *month gets 1..12. */
int lexicon_month(const struct lexicon *lx, const char *w, size_t n, int *month);

/* 1 if w[0..n) is a word of months.txt: a month, a weekday, a time of day or zone word. */
int lexicon_date_word(const struct lexicon *lx, const char *w, size_t n);

/*
 * Fold s[0..n) into out (reset first): lower case, every run of
 * punctuation and space one space, symbols (@ # $ % & + | * and Unicode
 * symbols) words of their own, and one space before and after, so
 * "Read more »" folds to " read more » ".
 */
void fold_line(const char *s, size_t n, struct strbuf *out);

/* The words of a folded line, found while folding (one pass over the line). */
struct fword {
	uint32_t start;      /* byte offset in the folded line */
	uint32_t len;
	uint64_t hash;
	unsigned char upper; /* the original word began with a capital */
	unsigned char digit; /* it began with a digit */
	unsigned char symbol;/* a symbol, not a word */
	unsigned char stop;  /* a stop word (set by scan_line_words() only) */
	int first;           /* the first pattern starting with it, or -1 (likewise) */
};

struct fwords {
	struct fword *v;
	size_t n, cap;
	size_t chars;        /* code points in the original line */
	/* Counts of scan_line_words(): words (not symbols), capitalised, with a digit, stop words; pattern starts. */
	size_t words, capwords, digits, stops, starts;
	int abnormal;        /* the line may need normalizing (see clean_normal_cp()) */
	unsigned marks;      /* menu separators seen: 1 '|', 2 U+00BB, 4 U+203A */
	uint32_t *cand;      /* the words that start a pattern (indexes into v) */
	size_t ncand, candcap;
	size_t glue;         /* byte offset of the first capital glued to a word or ?/! (else (size_t)-1) */
};

/* fold_line() that also lists the words in w (reset first). */
void fold_line_words(const char *s, size_t n, struct strbuf *out, struct fwords *w);

/* As lexicon_match(), with the words fold_line_words() listed. */
int lexicon_match_words(const struct lexicon *lx, const char *folded, size_t len, const struct fwords *w,
			int nwords, const char **pattern);

/*
 * The words fold_line_words() would list for s[0..n), with the same
 * offsets, lengths, hashes and flags, and w->chars and w->glue, found
 * without writing the folded line (so without its cost).  Each word is
 * also looked up (its stop and first fields) and counted (w->words...).
 */
void scan_line_words(const struct lexicon *lx, const char *s, size_t n, struct fwords *w);

/*
 * 1 if some pattern could match the line whose words w lists (nwords as
 * for lexicon_match_words()): its words' hashes are in the line, where
 * and as the pattern's kind wants.  A necessary condition of
 * lexicon_match_words() finding a pattern, much cheaper than folding the
 * line to look; 0 means that no pattern matches.  w comes from
 * scan_line_words().
 */
int lexicon_may_match(const struct lexicon *lx, const struct fwords *w, int nwords);

/*
 * How many words of the folded line the lexicon's patterns cover, all
 * matches taken together (symbols not counted); *strong is set when a
 * whole-line pattern or one with a symbol (©, @) matches.  For judging
 * whether a match in a sentence is chrome or a word of the news.
 */
int lexicon_coverage(const struct lexicon *lx, const char *folded, size_t len, const struct fwords *w, int nwords,
		     int *strong);

/* 1 if a word of the folded line addresses the reader (the lexicon's @address words: you, our...). */
int lexicon_addresses(const struct lexicon *lx, const struct fwords *w, const char *folded);

/* 1 if one of the words is http, https or www (by hash; confirm on the folded line). */
int lexicon_url_word(const struct lexicon *lx, const struct fwords *w);

/* ---- classify.c ----------------------------------------------------- */

enum para_class { PC_BAD, PC_SHORT, PC_NEARGOOD, PC_GOOD };

/* One line (paragraph) of the normalized text. */
struct para {
	size_t bstart, bend;  /* bytes of the normalized text */
	size_t line;          /* 1-based line number in the input */
	int chars, words, stops, capwords, digits;
	int lexcat;           /* lexicon category or -1 (never bylines or dates) */
	int hint;             /* CAT_BYLINES or CAT_DATES when the lexicon says so, else -1 */
	const char *pattern;  /* the lexicon pattern that fired */
	enum para_class cls0; /* context-free class */
	enum para_class cls;  /* final class */
	int remove;           /* 1 when dropped */
	int category;         /* why, as a category */
	const char *reason;   /* the rule that fired */
	unsigned char heading, term, linklike, meta, outside;
	size_t foldlen;       /* bytes of the line after fold_line(), or 0 when not known */
};

struct paras {
	struct para *v;
	size_t n, cap;
};

/* Tuning of the classifier (jusText's parameters, fitted for our lexicon). */
struct classify_params {
	int length_low, length_high;
	int length_high_short; /* length_high on pages without long paragraphs */
	double stop_low, stop_high;
	int max_heading_distance;
	int max_gap;     /* lines between two good lines of one block */
	int join_gap;    /* lines between blocks of one article */
	int main_ratio;  /* percent of the largest block's text the main block needs */
};

/*
 * Split the normalized text into non-blank lines (appended to ps), measure
 * them and classify each as body or boilerplate (sets cls, remove, reason
 * and category).  fold is a scratch buffer.  Returns 1 when every line is
 * as clean_normalize() would leave it (so text given before normalizing
 * was classified as it will stay), else 0.
 */
int classify(const struct lexicon *lx, const struct classify_params *cp, const char *text, size_t len,
	      struct paras *ps, struct strbuf *fold, struct fwords *words);

/*
 * Keep only the article's main block (see classify.c).  Then
 * classify_finish() marks the lines that are not body as removed, with
 * their category and rule; a line is removed only with evidence of being
 * chrome, never for its length alone.  text is the classified text.
 */
void classify_main_block(struct paras *ps, const struct classify_params *cp);
void classify_finish(struct paras *ps, const char *text);

/*
 * For a page's article, already taken out of the page: only lines with
 * evidence of being chrome are removed (a lexicon pattern, or no words),
 * besides those meta_find() marked.  Links were measured in the page
 * itself, so a URL in a line is no evidence here.
 */
void classify_finish_evident(struct paras *ps);

/* ---- meta.c --------------------------------------------------------- */

struct meta {
	char *title;       /* malloc'd or NULL */
	char **authors;    /* malloc'd array of malloc'd names */
	size_t nauthors;
	char *published;   /* ISO 8601 or as written, malloc'd, or NULL */
};

/*
 * Find the headline, byline and date among the lines of the page's head
 * (and author boxes in its tail); mark their lines removed with category
 * CAT_TITLES, CAT_BYLINES, CAT_DATES or CAT_BIOS.  known_title is the
 * record's title (or NULL): lines repeating it are removed too.  Returns
 * the index of the last of those head lines, or (size_t)-1.
 */
size_t meta_find(const struct lexicon *lx, const char *text, struct paras *ps, const char *known_title,
		 struct meta *m, struct strbuf *fold);
void meta_release(struct meta *m);

/*
 * Parse a date written in a line ("Jan 28, 2026", "28 January 2026",
 * "2026-01-28", "11/19/2019") into "YYYY-MM-DD" (out: at least 11 bytes).
 * Returns 1 when found.  folded is the line after fold_line().
 */
int meta_parse_date(const struct lexicon *lx, const char *folded, size_t len, char *out);

/* ---- extract.c ------------------------------------------------------ */

/* A block of a page's visible text: one line of a browser's layout. */
struct xblock {
	size_t start, end;  /* bytes of extract.text */
	int el;             /* the innermost block-level element holding it (an index), or -1 */
	int line;           /* its line in the page's source */
	int chars, links;   /* code points, and those inside links */
	int words, stops, terms, commas;
	unsigned char tag;  /* the holder's kind of tag (extract.c) */
	unsigned char ends_term; /* ends with a sentence mark or a colon */
	unsigned char h1;   /* the text of an h1 */
	double value;       /* its weight for choosing the content root */
	const char *reason; /* why it is not part of the article, or NULL */
	int furniture;      /* the furniture element it is inside (an index), or -1 */
};

/*
 * The main content of a page.  extract_run() fills it; its buffers are
 * kept for the next page.  Zero-initialise; release with extract_release().
 */
struct extract {
	struct strbuf text;     /* the blocks' text, each followed by '\n' */
	struct xblock *b;
	size_t nb, bcap;
	int root;               /* the content root (an element index), or -1 */
	/* The walk's working state. */
	struct xel *el;
	size_t nel, elcap;
	struct xstate *stack;
	size_t sp, stackcap;
	size_t block_start;
	int block_links, space;
};

/*
 * Cut the visible text of doc into blocks, choose the content root, and
 * give every block that is not the article's a reason (see extract.c).
 * lx gives the stop words (may be NULL).  doc is not changed.
 */
void extract_run(struct extract *x, xmlDoc *doc, const struct lexicon *lx);

/* The element of index el (a block's el, furniture or the root), or NULL. */
xmlNode *extract_node(const struct extract *x, int el);

void extract_release(struct extract *x);

/* ---- pagemeta.c ----------------------------------------------------- */

/* Where a page states a field, most precise first (see pagemeta.c). */
enum meta_source { SRC_LD, SRC_META, SRC_PROP, SRC_OTHER, SRC_BYLINE, SRC_TIME, SRC_DATEEL, SRC_COUNT };

struct names {
	char **v;  /* malloc'd strings */
	size_t n;
};

/* What a page says about itself.  Zero-initialise; release with pagemeta_release(). */
struct pagemeta {
	/* The fields, chosen by pagemeta_finish() (malloc'd, or NULL when the page does not say). */
	char *title, *published, *url, *site, *lang;
	struct names authors;
	/* The sources as pagemeta_read() found them. */
	char *ld_headline, *og_title, *title_tag, *ld_site, *app_name, *ld_url, *og_url, *canonical;
	char *locale, *html_lang;
	struct names src[SRC_COUNT];
	char *date[SRC_COUNT];
};

/* Read the sources of metadata in doc: head, JSON-LD, microdata, bylines, <time>. */
void pagemeta_read(struct pagemeta *pm, xmlDoc *doc);

/*
 * Choose each field from its sources.  h1 is the article's h1 (or NULL);
 * text[0..len) is the article, for telling its language by its script;
 * stopword_lang is the lexicon's language when the article is full of
 * its stop words (or NULL).
 */
void pagemeta_finish(struct pagemeta *pm, const char *h1, const char *text, size_t len, const char *stopword_lang);
void pagemeta_release(struct pagemeta *pm);

/* ---- page.c --------------------------------------------------------- */

#include <jansson.h>

/* A web page read: its article's lines and where they came from. */
struct page {
	struct extract x;
	struct strbuf body;  /* the article, one block a line */
	int *lines;          /* the source line of each line of body */
	size_t nlines, linecap;
	struct pagemeta meta;
};

/*
 * Parse the page html[0..len), put its article in p->body and its
 * metadata in p->meta (lang: the lexicon's language).  removed,
 * when not NULL, gets {"line","text","reason"} for every visible block
 * left out.  Returns 0, or -1 when libxml2 gives no tree.
 */
int page_read(struct page *p, const struct lexicon *lx, const char *lang, const char *html, size_t len,
	      json_t *removed);

/* 1 when the article page_read() took out holds a block of prose. */
int page_has_prose(const struct page *p);
void page_release(struct page *p);

#endif
