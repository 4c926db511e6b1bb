/*
 * quotes.h - internals of news-extract-quotes, shared by its modules.
 *
 * A document is the text cut into tokens (the shared tokenizer), with
 * each token's sentence, paragraph, entity and enclosing quotation.  The
 * modules work on token indices:
 *   lexicon.c  - cue verbs, speaker nouns and first names (data files)
 *                and the closed class of function words (grammar, in code);
 *   doc.c      - building the document: tokens, sentences, entity
 *                mentions (from the record, the shared tagger, or a
 *                capitalisation fallback), names linked to their fullest form;
 *   marks.c    - the quotation-mark scanner;
 *   coref.c    - discourse entities and their salience: which name a
 *                pronoun or a description refers to;
 *   speaker.c  - noun phrases and the subject of a cue;
 *   direct.c   - direct and partial quotes: attribution, split and
 *                floating quotes, scare quotes and titles;
 *   reported.c - reported (indirect) speech and "according to";
 *   extract.c  - one record from start to end, quotes in text order.
 *
 * Every scan is bounded: work within a sentence looks at most SCAN_WIN
 * tokens either way (a "sentence" longer than that is no sentence), and
 * everything else is a pass over the tokens, the quotations or the
 * quotes, so the time is linear in the length of a record.  Each loop
 * counts its steps in doc.steps (STEP), which --stats reports and a test
 * checks grows like the text.
 */
#ifndef EXTRACT_QUOTES_H
#define EXTRACT_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "spans.h"
#include "tokenize.h"

/* ---- lexicon ----------------------------------------------------------- */

/* Cue flags (see data/quotes/en/cue-verbs.txt). */
#define CUE_THAT 0x01
#define CUE_BARE 0x02
#define CUE_OBJ 0x04
#define CUE_FINAL 0x08
#define CUE_QUOTE 0x10
#define CUE_PREP 0x20
#define CUE_BASE 0x40   /* the form is the lemma ("say", "report"): set on load */
#define CUE_NOUN 0x80   /* a noun of saying with a content clause: "his view that" */

/* Speaker-noun classes (see data/quotes/en/speaker-nouns.txt). */
enum noun_class { NOUN_NONE, NOUN_PERSON, NOUN_ORG, NOUN_REP, NOUN_GROUP };

/* Tokens a scan inside a sentence looks at, either way from where it starts. */
#define SCAN_WIN 160

/* Count one step of a loop (the work counter; never 0, so it can sit in a
 * loop condition).  d may be a const pointer: the counter is bookkeeping,
 * not part of the document a const function promises not to change. */
#define STEP(d) (++((struct doc *)(uintptr_t)(d))->steps)

/* Function-word classes: grammar, fixed in code (lexicon.c). */
#define FW_SUBJ 0x0001   /* he she they it we i you */
#define FW_POSS 0x0002   /* his her their its ... */
#define FW_DET 0x0004    /* the a an this these those */
#define FW_PREP 0x0008   /* in on at to from ... */
#define FW_AUX 0x0010    /* is was has had will would ... */
#define FW_CONJ 0x0020   /* and but or */
#define FW_REL 0x0040    /* who which */
#define FW_ADV 0x0080    /* also later then ... (and words in -ly) */
#define FW_NEG 0x0100    /* not never n't */
#define FW_THAT 0x0200   /* that */
#define FW_BE 0x0400     /* is was were be been being are am */
#define FW_SUBORD 0x0800 /* while when because although if as since */
#define FW_OBJPRON 0x1000 /* him her them us me */
#define FW_NOCONTENT 0x2000 /* nothing so much little ... (no clause) */
#define FW_INDEF 0x4000  /* a an one another some */
#define FW_TITLE 0x8000  /* so-called dubbed titled named entitled */
#define FW_FINITE 0x10000 /* irregular finite verbs: knew, went, made ... */
#define FW_TIME 0x40000   /* year, week, Monday, September ... */
#define FW_ORGWORD 0x20000 /* words that end organisation names: Inc, Group, News */
#define FW_OFHEAD 0x80000   /* institutions named "X of Y": Bank, Ministry, Federation */
#define FW_COLLECT 0x100000 /* bodies of members, "X of A and B": Federation, Union */
#define FW_SUFFIX 0x200000  /* corporate suffixes, no name alone: Re, AG, plc */
#define FW_ORGCLASS (FW_ORGWORD | FW_OFHEAD | FW_COLLECT | FW_SUFFIX)

/* Organisation-name classes of a word (struct qtok orgw), kept out of fw. */
#define ORGW_END 0x01     /* FW_ORGWORD */
#define ORGW_OF 0x02      /* FW_OFHEAD */
#define ORGW_COLLECT 0x04 /* FW_COLLECT */
#define ORGW_SUFFIX 0x08  /* FW_SUFFIX */

struct cue_entry {
	uint64_t words[4]; /* hashes of the words after the first (phrases) */
	unsigned nwords;   /* words in the phrase, 1..4 */
	unsigned flags;
};

struct lexicon;

/* Load the lexicon files (paths found by the caller); die() on errors.
 * names_path (first names with their sex) may be NULL. */
struct lexicon *lexicon_load(const char *cue_path, const char *noun_path, const char *names_path);
void lexicon_free(struct lexicon *lx);

/* Hash of a word's lower-case form (the key of every lookup). */
uint64_t word_hash(const char *s, size_t n);

/* Cue entries whose first word has hash h; *n gets their number. */
const struct cue_entry *lexicon_cues(const struct lexicon *lx, uint64_t h, size_t *n);
enum noun_class lexicon_noun(const struct lexicon *lx, uint64_t h);
/* The sex of a speaker noun ("actress": 'f'; 'n' a document: "statement"), or 0. */
char lexicon_noun_gender(const struct lexicon *lx, uint64_t h);
unsigned lexicon_fw(const struct lexicon *lx, uint64_t h);
/* The sex of a first name: 'm', 'f', or 0 (unknown or used for both). */
char lexicon_first_name(const struct lexicon *lx, uint64_t h);

/* ---- document ---------------------------------------------------------- */

enum ent_kind { EK_PER, EK_ORG, EK_LOC, EK_MISC, EK_OTHER };

struct qent {
	size_t start, end;    /* code points */
	int t0, t1;           /* tokens [t0, t1) */
	enum ent_kind kind;
	const char *canonical; /* borrowed from the record or owned by doc */
	size_t canon_len;
	int dent;             /* discourse entity (coref.c), -1 none */
	int guessed;          /* found by capitalisation, not by a tagger */
	int role_person;      /* a person by the noun before it: "physician LeRoy Pesch" */
};

/*
 * A discourse entity: everything the text says about one person or
 * organisation, under its canonical name (coref.c).
 */
struct dent {
	const char *name;
	size_t len;
	uint64_t h;            /* word_hash of the name */
	enum ent_kind kind;    /* EK_PER, EK_ORG or EK_LOC */
	int nper, norg, nmisc; /* mentions the tagger calls a person, an organisation, MISC */
	unsigned char misc;    /* only ever MISC: a referent once it has spoken */
	unsigned char thing;   /* named after a thing's noun: "the drama My Summer Of Love" */
	unsigned char orgrole; /* named after an organisation's noun: "housebuilder George Wimpey" */
	int publisher;         /* a named document's publisher ("its Beige Book report"), -1 */
	unsigned char spoken;  /* has been the speaker of a quote */
	unsigned char personal; /* a mention marks a person: a first name, a title, the surname alone */
	unsigned char tagged;   /* a mention comes from a tagger, not from capitals */
	char gender;           /* 'm', 'f' or 0 */
	unsigned char gender_ev; /* strength of the evidence for gender */
	double sal;            /* salience as of discourse time sal_time */
	double slow;           /* the same, fading slower (descriptions) */
	int sal_time;
	int last_tok;          /* last mention */
	uint64_t titles[4];    /* role nouns said of it: "chairman", "company" */
	unsigned ntitles;
	/* An unnamed speaker ("a BBC spokeswoman", "critics") is a referent
	 * too (anon), so a later "she" is hers; say/say_kind is the speaker
	 * it stands for (BBC, or NULL).  For a name, say is the name. */
	unsigned char anon;
	const char *say;
	size_t say_len;
	enum ent_kind say_kind;
};

#define COREF_RECENT 24

struct qtok {
	size_t start, end, bstart, bend;
	uint64_t h;          /* word_hash of the token (words only; else 0) */
	int sent, para;
	int ent;             /* entity covering the token, -1 */
	int quote;           /* quotation (marks.c) covering the token, -1 */
	unsigned fw;         /* FW_* */
	unsigned char type;  /* TOK_* */
	unsigned char cap;   /* first letter upper case */
	unsigned char noun;  /* enum noun_class */
	unsigned char used;  /* cue already consumed */
	unsigned char cueflags; /* flags of the cue starting here, 0 none */
	unsigned char cuelen;   /* words in that cue */
	unsigned char cuenoun;  /* a noun of saying ("view", "warning": CUE_NOUN), kept
				 * out of cueflags so the verb rules never see it */
	unsigned char ing;   /* word ends in -ing */
	unsigned char mark;  /* 1 open mark, 2 close mark of a quotation */
	unsigned char inq;   /* inside the content of a quote found */
	unsigned char orgw;  /* ORGW_*: a word of organisation names (kept out of fw) */
};

struct qspan {              /* one outermost quotation */
	size_t open, close;    /* code points of the marks (close = end when unclosed) */
	size_t s, e;           /* content, code points */
	int t_open, t_close;   /* tokens of the marks (t_close may be -1) */
	int sent;              /* sentence of the opening mark */
};

/* A mention of a speaker and what it resolves to. */
struct mention {
	int t0, t1;            /* tokens [t0, t1); t0 < 0: none */
	const char *name;      /* canonical name or NULL */
	size_t name_len;
	enum ent_kind kind;    /* EK_PER or EK_ORG with a name (the speaker_type) */
	int plural;
	int dent;              /* discourse entity of the name, -1 */
};

struct quote {
	size_t s, e;
	int type;              /* QT_* */
	int qsi;               /* the quotation (d->qs) of a direct/partial quote, -1 */
	size_t frag_first;     /* partial: its quoted fragments, d->frags[first, first+n) */
	size_t nfrag;
	struct mention sp;
	int cue0, cue1;        /* cue tokens [cue0, cue1), cue0 < 0: none */
	int sent;
	int para;
	int pending;           /* a floating quote paragraph waiting for a speaker */
	int dead;              /* dropped */
};

enum { QT_DIRECT, QT_PARTIAL, QT_INDIRECT };

/* A hash table from keys to entity indices (open addressing, -1 empty). */
struct name_table {
	uint64_t *keys;
	int *vals;
	size_t mask, cap;
};

struct doc {
	const char *text;
	size_t len, ncp;
	const struct lexicon *lx;
	struct qtok *t;
	size_t nt, tcap;
	struct spans sents, paras;
	int *sent_t0;          /* first token of each sentence (nsent + 1 entries) */
	size_t sent_cap;
	struct qent *ents;
	size_t nents, ecap;
	char **owned;          /* canonical names the doc owns */
	size_t nowned, ocap;
	struct qspan *qs;
	size_t nqs, qcap;
	/* The quotations of each sentence in qs order (direct_sentence() walks
	 * these lists instead of every quotation for every sentence). */
	size_t *qs_first, *qs_next;
	size_t qs_first_cap, qs_next_cap;
	int *qs_out;           /* the quote (d->out) made of each quotation, -1 */
	size_t qs_out_cap;
	struct quote *out;
	size_t nout, outcap;
	struct qorder { size_t s, k; } *order; /* live quotes (out[k]) in text order */
	size_t norder, ordercap;
	struct { size_t s, e; } *frags; /* quoted fragments of partial quotes */
	size_t nfrags, fragcap;
	unsigned char *sent_hasq;      /* a quote was found in sentence s */
	size_t sent_hasq_cap;
	/* the last cue that gave a quote, for coordinated verbs */
	struct mention lastcue_sp;
	int lastcue_sent, lastcue_tok;
	/* coreference (coref.c) */
	struct dent *dents;
	size_t ndents, dcap;
	int *dent_slots;               /* hash table of dents by name */
	size_t dent_mask;
	int recent[COREF_RECENT];      /* dents last mentioned, most recent first */
	int nrecent;
	int time;                      /* discourse time: sentences with narrative */
	int coref_t;                   /* the first token coref_sentence has not seen */
	int spoke[8];                  /* dents that spoke in the current sentence */
	int nspoke;
	struct name_table names;       /* names.c, kept between records */
	struct tokens tk;
	unsigned long long steps;      /* work counter (STEP) */
	unsigned long long total_steps, total_tokens; /* over the run, for --stats */
};

/* A quantifier that can stand for a plural subject ("most say", "others
 * argue"). */
int tok_quantifier(const struct doc *d, int i);
/* The bounds of a scan around token i inside its sentence: [win_lo, win_hi). */
int win_lo(const struct doc *d, int i);
int win_hi(const struct doc *d, int i);
/* Byte offset of code point cp of the text (cp <= ncp). */
size_t doc_cp_byte(const struct doc *d, size_t cp);

/* Tokenize text and fill tokens, sentence and paragraph indices (from recseg_get()). */
void doc_prepare(struct doc *d, const char *text, size_t len, const struct spans *sents,
		 const struct spans *paras);
/* Add an entity mention [start, end) (code points); canonical is borrowed. */
void doc_add_entity(struct doc *d, size_t start, size_t end, enum ent_kind kind,
		    const char *canonical, size_t clen);
/* Map entities to tokens (after all doc_add_entity calls). */
void doc_index_entities(struct doc *d);
/* Find names by capitalisation among tokens no entity covers. */
void doc_fallback_names(struct doc *d);
/* Names made whole and linked to their fullest form (names.c): names the
 * tagger cut ("Munich" + "Re", "ICEout" + ".tech"), acronyms, clippings and
 * surnames ("ICE", "Fed", "Amodei") to the names they stand for. */
void doc_link_names(struct doc *d);
/* Reset for the next record, keeping allocations. */
void doc_clear(struct doc *d);
void doc_release(struct doc *d);
/* A name that cannot be a speaker: a month or weekday, a lone letter, a
 * number ("March" from "In March, it said", "P" from "S and P"). */
int name_is_fragment(const struct doc *d, const struct qent *e);
/* Code-point offset -> token index (first token ending after cp). */
int doc_tok_at(const struct doc *d, size_t cp);
/* Word at token i equals lower-case s. */
int tok_is(const struct doc *d, int i, const char *s);
int tok_word(const struct doc *d, int i);
/* Two letters or more, all capitals ("BBC", "ICE"). */
int tok_all_caps(const struct doc *d, int i);
uint32_t tok_cp0(const struct doc *d, int i);
int tok_is_punct(const struct doc *d, int i, const char *p);

/* ---- marks.c ----------------------------------------------------------- */
void marks_scan(struct doc *d);

/* ---- coref.c ----------------------------------------------------------- */
/* Discourse entities of the document's names (after doc_link_names). */
void coref_prepare(struct doc *d);
/* What a pronoun (he, she, it, they) at token i refers to, or no name. */
struct mention coref_pronoun(struct doc *d, int i);
/* What a definite description headed by noun h refers to ("the company",
 * "the chairman"), or no name; with need_title, only something the noun
 * was said of before ("the survey" after "the annual Directions survey");
 * with need_title 2, an organisation with the noun in its name or said of
 * it ("the council" for the Dairy Council). */
struct mention coref_description(struct doc *d, int h, enum ent_kind kind, int need_title);
/* The mention of entity e (of d->ents). */
struct mention mention_of_entity(const struct doc *d, int e);
/* The speaker of a quote in the sentence being read. */
void coref_note(struct doc *d, const struct mention *m, int sent);
/* Sentence s has been read: its mentions raise their entities' salience. */
void coref_sentence(struct doc *d, int s);
/* The most salient person or organisation named just before token i
 * (a speaker for a quotation with no cue), or no name. */
struct mention coref_salient(struct doc *d, int i);
/* "Michael Jackson's mother" (the person entity e, the noun at h, of one
 * sex): the one person of the text, named before or after, with e's
 * surname and a sex that fits; else no name. */
struct mention coref_relative(struct doc *d, int e, int h);
/* Every quote has been found: speakers that are named documents become
 * their publishers ("the Beige Book said": the Federal Reserve's). */
void coref_finish(struct doc *d);

/* ---- speaker.c --------------------------------------------------------- */
/* The mention of the subject of the cue at token i, or t0 = -1. */
struct mention speaker_of_cue(struct doc *d, int i);
/* The noun phrase starting at token i (inverted "said X", "according to X"). */
struct mention speaker_np_right(struct doc *d, int i, int limit);
/* The subject of the clause that starts sentence s (up to token limit). */
struct mention clause_subject(struct doc *d, int s, int limit);
/* No mention. */
struct mention no_mention(void);
/* A cue phrase starting at token i: flags, or 0. */
unsigned cue_at(const struct doc *d, int i);

/* ---- direct.c / reported.c / extract.c ---------------------------------- */
/* Add a quote; returns its index in d->out. */
size_t quote_add(struct doc *d, size_t s, size_t e, int type, const struct mention *sp,
		 int cue0, int cue1, int sent);
/* Direct and partial quotes of the quotations starting in sentence s. */
void direct_sentence(struct doc *d, int s);
/* Floating quotes without a speaker yet: give them the surrounding one. */
void direct_floating(struct doc *d);
/* Reported speech of sentence s. */
void reported_sentence(struct doc *d, int s);
/* Find the quotes of a prepared document (after doc_prepare and the
 * entities); d->out then holds them, d->order their text order. */
void quotes_extract(struct doc *d);

#endif
