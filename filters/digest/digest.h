/*
 * digest.h - news-digest's parts: the stories it collects from the
 * records, and the page it writes from them.
 *
 * collect.c  articles and story records into stories (bounded; merging)
 * names.c    people and organisations of a story, counted and linked
 * quotes.c   who said what: quotes kept, deduplicated, grouped by speaker
 * text.c     cutting untrusted text, URLs, outlets, ISO 8601 dates
 * html.c     escaping for HTML text and attributes
 * render.c   the page; style.c its style sheet
 * idmap.c    a 64-bit hash to story map
 *
 * Every string a story holds is its own copy (malloc'd), cut to a bound
 * (text.c), so that what a story holds is bounded whatever the input.
 */
#ifndef NEWSPIPE_DIGEST_H
#define NEWSPIPE_DIGEST_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "strbuf.h"

/* What a page shows and what the digest holds (news-digest(1), MEMORY). */
struct limits {
	size_t stories;   /* --stories: stories shown */
	size_t articles;  /* --articles: articles kept and listed per story */
	size_t quotes;    /* --quotes: quotes shown per story (4x this many kept) */
	size_t names;     /* --names: people, and organisations, shown per story */
	size_t hold;      /* --hold: stories held at once */
};

/* Longest strings kept, in code points (text_cut). */
enum {
	CUT_TITLE = 300,
	CUT_SUMMARY = 1500,     /* a story's summary */
	CUT_LEDE = 800,         /* an article's own summary or first paragraph */
	CUT_QUOTE = 600,
	CUT_NAME = 100,
	CUT_OUTLET = 80,
	CUT_AUTHORS = 160,
	CUT_URL_BYTES = 2048,   /* a longer URL is not linked */
	IDENT_MAX = 200,        /* bytes of an id or story key held as it is (text_ident) */
	NAMES_HELD = 64,        /* names counted per story (space-saving top-k) */
	OUTLETS_HELD = 64,      /* distinct outlets counted per story */
};

/* A date as given (local to the article) and as an instant. */
struct when {
	bool known;
	bool has_time;
	int year, month, day, hour, minute;
	char zone[16];          /* "UTC", "+01:00", or "" when none is given */
	char utc[DATE_ISO_MAX]; /* the instant in UTC, "2026-01-28T14:05:00Z": such strings sort as time */
};

struct article {
	char *id;
	char *title;            /* NULL when the record has none */
	char *url;              /* http(s) only, else NULL */
	char *outlet;           /* site, the URL's host, the feed's title, or NULL */
	char *authors;          /* joined with ", ", or NULL */
	char *lede;             /* its summary, else its first paragraph, or NULL */
	struct when when;
	bool dup;               /* news-dedupe marked it a duplicate */
	unsigned long seq;      /* input order */
};

enum quote_kind { QUOTE_DIRECT, QUOTE_PARTIAL, QUOTE_INDIRECT };

struct quote {
	char *speaker;          /* NULL: no speaker found */
	char *text;
	enum quote_kind kind;
	char *cue;              /* the verb, or NULL */
	uint64_t key;           /* the normalized text's hash: the same quote in two articles */
	unsigned sources;       /* articles that carry it */
	size_t article;         /* index of its first article in the story's arts, or SIZE_MAX */
	unsigned long seq, last_seq; /* the first and last article (input order) that carry it */
};

enum name_type { NAME_PER, NAME_ORG };

struct name {
	char *name;
	enum name_type type;
	unsigned articles;      /* articles that name it (space-saving: an upper bound) */
	unsigned mentions;
	unsigned long seq;      /* first seen */
};

struct story {
	char *key;
	bool from_story_field;  /* keyed by the articles' `story`: story records do not regroup it */
	size_t narticles;       /* every article seen, kept or not */
	struct article *arts;   /* the first limits.articles ones */
	size_t nart;
	struct quote *quotes;   /* distinct quotes, the first 4 * limits.quotes */
	size_t nquote, quote_cap;
	size_t quotes_dropped;  /* distinct quotes that found the story's quotes full */
	struct name *names;     /* at most NAMES_HELD */
	size_t nname;
	bool linked_names;      /* names came from a story record (linked across articles) */
	uint64_t outlets[OUTLETS_HELD];
	size_t noutlet;
	char *summary;          /* from a story record, cut; NULL when none came */
	char *lead_id;          /* the article the summary's first sentence is from */
	char latest[DATE_ISO_MAX]; /* its latest dated article's when.utc; "" when none */
	unsigned long first_seq, last_seq;
	bool live;              /* false once evicted or merged away */
};

/* A map from 64-bit hashes to story slots (open addressing). */
struct idmap {
	uint64_t *keys;
	uint32_t *vals;
	size_t cap, n;
};

void idmap_init(struct idmap *m);
void idmap_put(struct idmap *m, uint64_t key, uint32_t val);
bool idmap_get(const struct idmap *m, uint64_t key, uint32_t *val);
void idmap_del(struct idmap *m, uint64_t key);
void idmap_release(struct idmap *m);

/* All the stories of a run. */
struct digest {
	struct limits lim;
	struct story *stories;  /* slots; a dead slot is reused */
	size_t nslot, slot_cap, nlive;
	uint32_t *free_slots;
	size_t nfree, free_cap;
	struct idmap by_key;    /* hash of a story key -> slot */
	struct idmap by_id;     /* hash of a kept article's id -> slot */
	unsigned long seq;
	/* What the page says it left out or could not use. */
	unsigned long long articles, story_records, orphan_records;
	unsigned long long evicted_stories, evicted_articles;
	char why[64];           /* digest_add_article()'s message for a bad record */
};

void digest_init(struct digest *d, const struct limits *lim);
void digest_release(struct digest *d);

/*
 * Add an article record (borrowed): id is its id as text, field the text
 * field's name.  Returns NULL, or a message (in d->why) for a record whose
 * quotes or entities are malformed (then nothing of it is added).
 */
const char *digest_add_article(struct digest *d, const json_t *rec, const char *id, const char *field);

/* Add a story record {"group", "ids", "summary", ...} (borrowed). */
void digest_add_story_record(struct digest *d, const json_t *rec);

/* The live stories, ranked for the page (by size, then recency); *n set. Caller frees. */
struct story **digest_ranked(struct digest *d, size_t *n);

void story_release(struct story *s);

/* names.c */
void names_add_entities(struct story *s, const json_t *entities);
void names_add_story_record(struct story *s, const json_t *rec);
void names_merge(struct story *into, struct story *from);
/*
 * The names to show of one type, best first, single-word names folded into
 * the one longer name of the story that ends with them ("Altman" -> "Sam
 * Altman", counts added).  Fills out[0..max) with copies whose names are
 * borrowed from s; returns the count, and *more the number left out.
 */
size_t names_top(const struct story *s, enum name_type type, size_t max, struct name *out, size_t *more);

/* quotes.c */
void quotes_add(struct story *s, const json_t *quotes, size_t article, unsigned long seq, size_t keep);
void quotes_merge(struct story *into, struct story *from, size_t art_offset, size_t keep);

/* A speaker and the quotes of theirs to show (pointers into a story). */
struct speaker {
	const char *name;       /* NULL: unattributed */
	const struct quote **q; /* best first; the first n are shown */
	size_t n, total;
	unsigned long first;    /* input order of the speaker's first quote */
};
/*
 * Group the story's quotes by speaker for the page: speakers by number of
 * quotes, then first seen; unattributed last; direct quotes before reported
 * speech; at most max quotes in all: one each for the first (max+1)/2
 * speakers, then up to per_speaker for the most quoted.  Returns the
 * speakers shown (caller frees with speakers_free), their number in *n.
 */
struct speaker *quotes_by_speaker(const struct story *s, size_t max, size_t per_speaker, size_t *n);
void speakers_free(struct speaker *sp, size_t n);

/* text.c */
/*
 * A copy of s[0..len) at most max code points long, control characters
 * (other than newline and tab) dropped and whitespace runs made one space;
 * a cut text ends at a word boundary (when one is near) and "…".
 */
char *text_cut(const char *s, size_t len, size_t max);
/*
 * An id or a story key to hold (malloc'd): s itself when at most IDENT_MAX
 * bytes, else its start and a hash of all of it, so that what a story holds
 * stays bounded and two long keys stay apart.
 */
char *text_ident(const char *s, size_t len);
/* The string value of v (a number as JSON writes it), or NULL: borrowed or in sb. */
const char *text_of(const json_t *v, struct strbuf *sb, size_t *len);
/* s when it is an http or https URL fit to link (no spaces or controls), else NULL. */
bool text_url_ok(const char *s, size_t len);
/* The host of an http(s) URL without "www.", malloc'd, or NULL. */
char *text_url_host(const char *url);
/* Parse a date (common/date.h: ISO 8601, RFC 822 and their variants) with its day; false if none. */
bool when_parse(const char *s, struct when *w);
/* "28 Jan 2026" (with time: "28 Jan 2026, 14:05 UTC") into sb. */
void when_format(const struct when *w, bool with_time, struct strbuf *sb);
/* "27–28 Jan 2026" and the like: the span of two dates (a <= b) into sb. */
void when_span(const struct when *a, const struct when *b, struct strbuf *sb);
/* A 64-bit hash of s's letters and digits, lower-cased: the same words, the same key. */
uint64_t text_key(const char *s);

/* html.c */
/* Append s as HTML text: & < > escaped. */
void html_text(struct strbuf *sb, const char *s);
/* Append s for a double-quoted attribute value: & < > " ' escaped. */
void html_attr(struct strbuf *sb, const char *s);

/* render.c */
struct page {
	const char *title;      /* --title */
	const char *date;       /* --date, or NULL: the span of the articles' dates */
	const char *lang;       /* --lang */
	unsigned long long records;
};
/* Write the page of d's stories to out; returns 0 or -1 on a write error. */
int render_page(struct digest *d, const struct page *pg, FILE *out);

/* style.c */
/* The style sheet in pieces, ending with NULL. */
extern const char *const digest_css[];

#endif
