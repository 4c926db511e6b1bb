/*
 * utf8.h - UTF-8 validation, decoding and code-point offsets.
 *
 * Offsets in newspipe records count Unicode code points (as Python's str
 * indexes), but C works in bytes.  These helpers convert between the two.
 * Input is assumed valid UTF-8 (jansson validates every string it
 * decodes); decoders still never read past the given length.
 */
#ifndef NEWSPIPE_UTF8_H
#define NEWSPIPE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int utf8_valid(const char *s, size_t len);

/*
 * Decode the code point at s[*i] and advance *i past it.  An invalid or
 * truncated sequence yields U+FFFD and advances one byte.
 */
uint32_t utf8_next(const char *s, size_t len, size_t *i);

/* Decode the code point that ends just before s[*i] and move *i to its start. */
uint32_t utf8_prev(const char *s, size_t *i);

/* Encode cp into out (at least 4 bytes); return the number of bytes. */
size_t utf8_encode(uint32_t cp, char *out);

/* Number of code points in s[0..len). */
size_t utf8_cplen(const char *s, size_t len);

/* Byte offset of code point index cp in s[0..len) (len if past the end). */
size_t utf8_byte_offset(const char *s, size_t len, size_t cp);

/*
 * A map from code-point offsets to byte offsets of one text, for filters
 * that convert many offsets: utf8_index_build() fills it in one pass and
 * utf8_index_byte() answers in O(1).  Owned by the caller; release with
 * utf8_index_release().
 */
struct utf8_index {
	size_t *byte_at; /* byte_at[cp] for cp in [0, ncp]; byte_at[ncp] = len */
	size_t ncp;
	size_t cap;
};

void utf8_index_build(struct utf8_index *ix, const char *s, size_t len);
size_t utf8_index_byte(const struct utf8_index *ix, size_t cp);
void utf8_index_release(struct utf8_index *ix);

/* Character classes used by the tokenizer and segmenter (Unicode-aware). */
int uc_is_alpha(uint32_t cp);
int uc_is_upper(uint32_t cp);
int uc_is_lower(uint32_t cp);
int uc_is_digit(uint32_t cp);
int uc_is_space(uint32_t cp); /* includes NBSP and other Zs, tabs, newlines */
int uc_is_punct(uint32_t cp); /* Unicode P* categories */
int uc_is_symbol(uint32_t cp); /* Unicode S* categories */
int uc_is_mark(uint32_t cp);   /* combining marks */
uint32_t uc_tolower(uint32_t cp);
uint32_t uc_toupper(uint32_t cp);

#endif
