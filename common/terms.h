/*
 * terms.h - content terms of a text, the words that say what it is about.
 *
 * Shared by news-summarize (sentence vectors) and news-cluster (article
 * and story vectors), and by tools/build-idf.py, which applies the same
 * rules so that the hashes match the IDF table (idf.h).
 */
#ifndef NEWSPIPE_TERMS_H
#define NEWSPIPE_TERMS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Append the hash of every content term of s[0..len) to *out (n, cap
 * grow with xreallocarray).  A term is a maximal run of Unicode letters
 * and digits, lower-cased, with a possessive 's dropped and a regular
 * plural reduced ("companies" -> "company", "shares" -> "share").  Terms
 * of one character and a short list of function words are left out.
 */
void terms_hashes(const char *s, size_t len, uint64_t **out, size_t *n, size_t *cap);

/* Normalise one term in place (lower-case ASCII input); returns its new length. */
size_t terms_stem(char *w, size_t len);

/* 1 if the lower-case ASCII word w[0..len) is a function word. */
int terms_is_stopword(const char *w, size_t len);

/* Number of whitespace-separated words in s[0..len). */
size_t words_count(const char *s, size_t len);

#endif
