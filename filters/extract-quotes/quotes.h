/*
 * quotes.h - internals of news-extract-quotes, shared by its modules.
 *
 * A document is the text cut into tokens (the shared tokenizer), with
 * each token's sentence, paragraph, entity and enclosing quotation.  The
 * modules work on token indices:
 *   lexicon.c  - cue verbs and speaker nouns (data files) and the closed
 *                class of function words (grammar, in code);
 *   doc.c      - building the document: tokens, sentences, entity
 *                mentions (from the record, the shared tagger, or a
 *                capitalisation fallback);
 *   marks.c    - the quotation-mark scanner;
 *   speaker.c  - noun phrases, the subject of a cue, and coreference of
 *                pronouns and descriptions;
 *   direct.c   - direct and partial quotes: attribution, split and
 *                floating quotes, scare quotes and titles;
 *   reported.c - reported (indirect) speech and "according to".
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

/* Speaker-noun classes (see data/quotes/en/speaker-nouns.txt). */
enum noun_class { NOUN_NONE, NOUN_PERSON, NOUN_ORG, NOUN_REP, NOUN_GROUP };

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

struct cue_entry {
	uint64_t words[4]; /* hashes of the words after the first (phrases) */
	unsigned nwords;   /* words in the phrase, 1..4 */
	unsigned flags;
};

struct lexicon;

/* Load both lexicon files (paths found by the caller); die() on errors. */
struct lexicon *lexicon_load(const char *cue_path, const char *noun_path);
void lexicon_free(struct lexicon *lx);

/* Hash of a word's lower-case form (the key of every lookup). */
uint64_t word_hash(const char *s, size_t n);

/* Cue entries whose first word has hash h; *n gets their number. */
const struct cue_entry *lexicon_cues(const struct lexicon *lx, uint64_t h, size_t *n);
enum noun_class lexicon_noun(const struct lexicon *lx, uint64_t h);
unsigned lexicon_fw(const struct lexicon *lx, uint64_t h);

/* ---- document ---------------------------------------------------------- */

enum ent_kind { EK_PER, EK_ORG, EK_LOC, EK_MISC, EK_OTHER };

struct qent {
	size_t start, end;    /* code points */
	int t0, t1;           /* tokens [t0, t1) */
	enum ent_kind kind;
	const char *canonical; /* borrowed from the record or owned by doc */
	size_t canon_len;
};

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
	unsigned char ing;   /* word ends in -ing */
	unsigned char mark;  /* 1 open mark, 2 close mark of a quotation */
	unsigned char inq;   /* inside the content of a quote found */
	unsigned char orgw;  /* ends organisation names (FW_ORGWORD, kept out of fw) */
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
	enum ent_kind kind;    /* for coreference */
	int plural;
};

struct quote {
	size_t s, e;
	int type;              /* QT_* */
	struct mention sp;
	int cue0, cue1;        /* cue tokens [cue0, cue1), cue0 < 0: none */
	int sent;
	int para;
	int pending;           /* a floating quote paragraph waiting for a speaker */
	int dead;              /* dropped */
};

enum { QT_DIRECT, QT_PARTIAL, QT_INDIRECT };

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
	struct quote *out;
	size_t nout, outcap;
	/* coreference history: most recent salient mentions */
	struct mention last_per, last_org, last_speaker;
	int last_per_sent, last_org_sent, last_speaker_sent;
	/* the last cue that gave a quote, for coordinated verbs */
	struct mention lastcue_sp;
	int lastcue_sent, lastcue_tok;
	/* grammatical gender of person names, learnt from honorifics (Mr, Mrs)
	 * and from pronouns resolved to them: 'm' or 'f' */
	struct gender_note { const char *name; size_t len; char g; } *genders;
	size_t ngenders, gcap;
	struct tokens tk;
};

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
/* Link one-word names to the fullest name ending in them ("Amodei" ->
 * "Dario Amodei") and extend names over a domain suffix ("ICEout.tech"). */
void doc_link_names(struct doc *d);
/* Reset for the next record, keeping allocations. */
void doc_clear(struct doc *d);
void doc_release(struct doc *d);
/* Gender of a canonical name: 'm', 'f' or 0 (unknown); note one. */
char doc_gender(const struct doc *d, const char *name, size_t len);
void doc_set_gender(struct doc *d, const char *name, size_t len, char g);
/* Learn genders from honorifics before person names. */
void doc_honorifics(struct doc *d);
/* Code-point offset -> token index (first token ending after cp). */
int doc_tok_at(const struct doc *d, size_t cp);
/* Word at token i equals lower-case s. */
int tok_is(const struct doc *d, int i, const char *s);
int tok_word(const struct doc *d, int i);
uint32_t tok_cp0(const struct doc *d, int i);
int tok_is_punct(const struct doc *d, int i, const char *p);

/* ---- marks.c ----------------------------------------------------------- */
void marks_scan(struct doc *d);

/* ---- speaker.c --------------------------------------------------------- */
/* The mention of the subject of the cue at token i, or t0 = -1. */
struct mention speaker_of_cue(struct doc *d, int i);
/* The noun phrase starting at token i (inverted "said X", "according to X"). */
struct mention speaker_np_right(struct doc *d, int i, int limit);
/* The subject of the clause that starts sentence s (up to token limit). */
struct mention clause_subject(struct doc *d, int s, int limit);
/* Remember a speaker for later pronouns and descriptions. */
void coref_note(struct doc *d, const struct mention *m, int sent);
/* Update history with the subject of sentence s. */
void coref_sentence(struct doc *d, int s);
/* A cue phrase starting at token i: flags, or 0. */
unsigned cue_at(const struct doc *d, int i);

/* ---- direct.c / reported.c --------------------------------------------- */
void quote_add(struct doc *d, size_t s, size_t e, int type, const struct mention *sp,
	       int cue0, int cue1, int sent);
/* Direct and partial quotes of the quotations starting in sentence s. */
void direct_sentence(struct doc *d, int s);
/* Floating quotes without a speaker yet: give them the surrounding one. */
void direct_floating(struct doc *d);
/* Reported speech of sentence s. */
void reported_sentence(struct doc *d, int s);

#endif
