/*
 * tokenize.h - the shared word tokenizer.
 *
 * Splits text into words, numbers, punctuation, symbols, URLs and email
 * addresses, each with code-point and byte offsets.  Conventions (close
 * to the Penn Treebank's, which CoNLL data follows):
 *   - hyphenated words stay whole: "state-of-the-art", "Coca-Cola";
 *   - internal apostrophes stay ("O'Brien"), but the clitics 's 're 've
 *     'll 'd 'm and n't are tokens of their own ("Altman" "'s");
 *   - numbers keep their separators: "13.5", "1,000", "3:30";
 *   - abbreviations keep their full stop: "Mr.", "Inc.", "U.S.", "a.m.",
 *     and single-letter initials "J.";
 *   - currency signs are tokens: "$" "13.5" "billion";
 *   - runs of the same punctuation ("...", "--", "!!") are one token.
 */
#ifndef NEWSPIPE_TOKENIZE_H
#define NEWSPIPE_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

enum token_type {
	TOK_WORD,
	TOK_NUMBER,  /* starts with a digit and holds no letters: 13.5, 1,000, 3:30 */
	TOK_PUNCT,
	TOK_SYMBOL,  /* currency and other signs: $ € % & + */
	TOK_URL,
	TOK_EMAIL,
};

/* Flags of a token. */
#define TOKF_ABBREV 0x01   /* ends with an abbreviation's full stop */
#define TOKF_CURRENCY 0x02 /* a currency sign */
#define TOKF_CLITIC 0x04   /* 's n't 'll ... split from the word before */

struct token {
	size_t start, end;   /* code points, end exclusive */
	size_t bstart, bend; /* bytes, end exclusive */
	unsigned char type;
	unsigned char flags;
};

struct tokens {
	struct token *v;
	size_t n, cap;
	/* Scratch space of tokenize() for long texts, kept between calls. */
	uint32_t *scratch_cp;
	size_t *scratch_off;
	size_t scratch_cap;
};

#define TOKENS_INIT { NULL, 0, 0, NULL, NULL, 0 }

/*
 * Append the tokens of text[0..len) to out.  Offsets are relative to
 * text, plus cp_base code points and byte_base bytes, so a caller can
 * tokenize a sentence of a larger text.  Allocates only to grow out
 * (whose scratch space is reused from call to call).
 */
void tokenize(const char *text, size_t len, size_t cp_base, size_t byte_base, struct tokens *out);

/* Empty the list (keeps its memory).  tokens_release() frees everything. */
void tokens_clear(struct tokens *t);
void tokens_release(struct tokens *t);

/* A readable name of a token type ("word", "number", ...). */
const char *token_type_name(enum token_type t);

#endif
