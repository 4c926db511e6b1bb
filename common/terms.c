/* terms.c - content terms and word counts; see terms.h. */
#include <string.h>

#include "hash.h"
#include "terms.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Function words carry no topic; the IDF table gives them low weights
 * anyway, but leaving them out makes every vector shorter and faster.
 * By length, each word packed into an integer (its letters from the low
 * byte up), so a check is a few integer compares.  tools/build-idf.py
 * holds the same list.
 */
#define W2(a, b) ((uint64_t)(a) | (uint64_t)(b) << 8)
#define W3(a, b, c) (W2(a, b) | (uint64_t)(c) << 16)
#define W4(a, b, c, d) (W3(a, b, c) | (uint64_t)(d) << 24)
#define W5(a, b, c, d, e) (W4(a, b, c, d) | (uint64_t)(e) << 32)
#define W6(a, b, c, d, e, f) (W5(a, b, c, d, e) | (uint64_t)(f) << 40)

static const uint64_t stop1[] = { 'a', 'i' };
static const uint64_t stop2[] = {
	W2('a', 'n'), W2('a', 's'), W2('a', 't'), W2('b', 'e'), W2('b', 'y'), W2('d', 'o'), W2('h', 'e'),
	W2('i', 'f'), W2('i', 'n'), W2('i', 's'), W2('i', 't'), W2('o', 'f'), W2('o', 'n'), W2('o', 'r'),
	W2('s', 'o'), W2('t', 'o'), W2('u', 'p'), W2('w', 'e'),
};
static const uint64_t stop3[] = {
	W3('a', 'l', 'l'), W3('a', 'n', 'd'), W3('a', 'n', 'y'), W3('a', 'r', 'e'), W3('b', 'u', 't'),
	W3('c', 'a', 'n'), W3('d', 'i', 'd'), W3('f', 'o', 'r'), W3('h', 'a', 'd'), W3('h', 'a', 's'),
	W3('h', 'e', 'r'), W3('h', 'i', 'm'), W3('h', 'i', 's'), W3('h', 'o', 'w'), W3('i', 't', 's'),
	W3('m', 'a', 'y'), W3('n', 'o', 't'), W3('o', 'u', 'r'), W3('s', 'h', 'e'), W3('t', 'h', 'e'),
	W3('w', 'a', 's'), W3('w', 'h', 'o'), W3('y', 'o', 'u'),
};
static const uint64_t stop4[] = {
	W4('a', 'l', 's', 'o'), W4('b', 'e', 'e', 'n'), W4('d', 'o', 'e', 's'), W4('f', 'r', 'o', 'm'),
	W4('h', 'a', 'v', 'e'), W4('i', 'n', 't', 'o'), W4('m', 'o', 'r', 'e'), W4('m', 'o', 's', 't'),
	W4('s', 'o', 'm', 'e'), W4('s', 'u', 'c', 'h'), W4('t', 'h', 'a', 'n'), W4('t', 'h', 'a', 't'),
	W4('t', 'h', 'e', 'm'), W4('t', 'h', 'e', 'n'), W4('t', 'h', 'e', 'y'), W4('t', 'h', 'i', 's'),
	W4('w', 'e', 'r', 'e'), W4('w', 'h', 'a', 't'), W4('w', 'h', 'e', 'n'), W4('w', 'i', 'l', 'l'),
	W4('w', 'i', 't', 'h'), W4('y', 'o', 'u', 'r'),
};
static const uint64_t stop5[] = {
	W5('a', 'b', 'o', 'u', 't'), W5('a', 'f', 't', 'e', 'r'), W5('c', 'o', 'u', 'l', 'd'),
	W5('t', 'h', 'e', 'i', 'r'), W5('t', 'h', 'e', 'r', 'e'), W5('t', 'h', 'e', 's', 'e'),
	W5('t', 'h', 'o', 's', 'e'), W5('w', 'h', 'i', 'c', 'h'), W5('w', 'o', 'u', 'l', 'd'),
};
static const uint64_t stop6[] = { W6('s', 'h', 'o', 'u', 'l', 'd') };

int
terms_is_stopword(const char *w, size_t len)
{
	static const struct {
		const uint64_t *v;
		size_t n;
	} bylen[7] = {
		{ NULL, 0 },
		{ stop1, sizeof stop1 / sizeof stop1[0] },
		{ stop2, sizeof stop2 / sizeof stop2[0] },
		{ stop3, sizeof stop3 / sizeof stop3[0] },
		{ stop4, sizeof stop4 / sizeof stop4[0] },
		{ stop5, sizeof stop5 / sizeof stop5[0] },
		{ stop6, sizeof stop6 / sizeof stop6[0] },
	};
	uint64_t x = 0;
	size_t i;

	if (len == 0 || len > 6)
		return 0;
	for (i = 0; i < len; i++)
		x |= (uint64_t)(unsigned char)w[i] << (8 * i);
	for (i = 0; i < bylen[len].n; i++)
		if (bylen[len].v[i] == x)
			return 1;
	return 0;
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
			if (wl + 4 > sizeof w)
				too_long = 1;
			else if (cp < 0x80)
				w[wl++] = (char)cp;
			else
				wl += utf8_encode(cp, w + wl);
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
