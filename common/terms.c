/* terms.c - content terms and word counts; see terms.h. */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "terms.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Function words carry no topic; the IDF table gives them low weights
 * anyway, but leaving them out makes every vector shorter and faster.
 * Sorted, for bsearch.  tools/build-idf.py holds the same list.
 */
static const char *const stopwords[] = {
	"a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
	"but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
	"her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most",
	"not", "of", "on", "or", "our", "she", "should", "so", "some", "such", "than", "that", "the",
	"their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was", "we",
	"were", "what", "when", "which", "who", "will", "with", "would", "you", "your",
};

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

int
terms_is_stopword(const char *w, size_t len)
{
	char buf[16];

	if (len >= sizeof buf)
		return 0;
	memcpy(buf, w, len);
	buf[len] = '\0';
	return bsearch(buf, stopwords, sizeof stopwords / sizeof stopwords[0], sizeof stopwords[0], cmp_word) != NULL;
}

size_t
terms_stem(char *w, size_t len)
{
	/* A light, predictable plural stemmer: companies -> company, shares -> share. */
	if (len > 4 && memcmp(w + len - 3, "ies", 3) == 0 && w[len - 4] != 'e' && w[len - 4] != 'a') {
		w[len - 3] = 'y';
		return len - 2;
	}
	if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u' && w[len - 2] != 'i')
		return len - 1;
	return len;
}

static void
push_term(char *w, size_t len, uint64_t **out, size_t *n, size_t *cap)
{
	if (len < 2 || terms_is_stopword(w, len))
		return;
	len = terms_stem(w, len);
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*out = xreallocarray(*out, *cap, sizeof **out);
	}
	(*out)[(*n)++] = hash64(w, len, 0);
}

void
terms_hashes(const char *s, size_t len, uint64_t **out, size_t *n, size_t *cap)
{
	char w[64];
	size_t wl = 0, i = 0;
	int too_long = 0;

	while (i < len) {
		unsigned char ch = (unsigned char)s[i];
		uint32_t cp;
		int in_word;

		if (ch < 0x80) {
			i++;
			if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
				cp = ch;
				in_word = 1;
			} else if (ch >= 'A' && ch <= 'Z') {
				cp = ch + 32u;
				in_word = 1;
			} else {
				cp = 0;
				in_word = 0;
			}
		} else {
			cp = utf8_next(s, len, &i);
			in_word = uc_is_alpha(cp) || uc_is_digit(cp);
			if (in_word)
				cp = uc_tolower(cp);
		}
		if (in_word) {
			if (wl + 4 <= sizeof w)
				wl += utf8_encode(cp, w + wl);
			else
				too_long = 1;
		} else if (wl) {
			if (!too_long)
				push_term(w, wl, out, n, cap);
			wl = 0;
			too_long = 0;
		}
	}
	if (wl && !too_long)
		push_term(w, wl, out, n, cap);
}

size_t
words_count(const char *s, size_t len)
{
	size_t i, n = 0;
	int in = 0;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		int sp = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}
