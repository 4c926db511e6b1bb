/*
 * test_terms.c - unit tests of the content terms (stop words, stemming)
 * shared by news-summarize and news-cluster, and of dates as seconds
 * (date_epoch(), by which both order and window `published`).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hash.h"
#include "terms.h"
#include "unit.h"

/* tools/build-idf.py's list: the C list must be the same, or the IDF table's terms would not match. */
static const char *const stopwords[] = {
	"a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
	"but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
	"her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most",
	"not", "of", "on", "or", "our", "she", "should", "so", "some", "such", "than", "that", "the",
	"their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was", "we",
	"were", "what", "when", "which", "who", "will", "with", "would", "you", "your",
};

static int
python_list_matches(void)
{
	/* The same words, in the same order, in tools/build-idf.py (run from the project root). */
	FILE *f = fopen("tools/build-idf.py", "r");
	char buf[65536];
	size_t n, k;
	char *p;

	if (!f)
		return 1; /* not run from the source tree: nothing to compare */
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strstr(buf, "STOPWORDS = set(\"\"\"");
	if (!p)
		return 0;
	p += strlen("STOPWORDS = set(\"\"\"");
	for (k = 0; k < sizeof stopwords / sizeof stopwords[0]; k++) {
		size_t len = strlen(stopwords[k]);
		while (*p == ' ' || *p == '\n')
			p++;
		if (strncmp(p, stopwords[k], len) != 0 || (p[len] != ' ' && p[len] != '\n' && p[len] != '"'))
			return 0;
		p += len;
	}
	while (*p == ' ' || *p == '\n')
		p++;
	return strncmp(p, "\"\"\"", 3) == 0;
}

static void
test_stopwords(void)
{
	static const char *const content[] = { "oil", "abo", "shoulder", "thee", "ice", "opec", "yen", "b", "zz" };
	size_t k;

	for (k = 0; k < sizeof stopwords / sizeof stopwords[0]; k++)
		CHECK(terms_is_stopword(stopwords[k], strlen(stopwords[k])));
	for (k = 0; k < sizeof content / sizeof content[0]; k++)
		CHECK(!terms_is_stopword(content[k], strlen(content[k])));
	CHECK(!terms_is_stopword("the", 2)); /* "th" */
	CHECK(!terms_is_stopword("", 0));
	CHECK(python_list_matches());
}

static void
test_terms(void)
{
	const char *s = "The Companies' shares of OPEC's \xc3\x89lan";
	uint64_t *h = NULL;
	size_t n = 0, cap = 0;
	char w[16];

	/* "The" and "of" are function words, "s" is one letter; plurals and possessives reduced. */
	terms_hashes(s, strlen(s), &h, &n, &cap);
	CHECK(n == 4);
	CHECK(n == 4 && h[0] == hash64("company", 7, 0));
	CHECK(n == 4 && h[1] == hash64("share", 5, 0));
	CHECK(n == 4 && h[2] == hash64("opec", 4, 0));
	CHECK(n == 4 && h[3] == hash64("\xc3\xa9lan", 5, 0));
	free(h);
	memcpy(w, "crises", 6);
	CHECK(terms_stem(w, 6) == 5); /* "crise": the light stemmer keeps it predictable, not right */
	memcpy(w, "bus", 3);
	CHECK(terms_stem(w, 3) == 3);
}

/* date_parse_epoch(): 0 and *t, or -1. */
static int
epoch(const char *s, long long *t)
{
	return date_parse_epoch(s, strlen(s), t) ? 0 : -1;
}

static void
test_date_epoch(void)
{
	long long t;

	CHECK(epoch("1970-01-01", &t) == 0 && t == 0);
	CHECK(epoch("2026-01-28", &t) == 0 && t == 1769558400);
	CHECK(epoch("2026-01-28T15:01:01Z", &t) == 0 && t == 1769558400 + 15 * 3600 + 61);
	CHECK(epoch("2026-01-28 15:01", &t) == 0 && t == 1769558400 + 15 * 3600 + 60);
	CHECK(epoch("2026-01-28T15:01:01.75+01:00", &t) == 0 && t == 1769558400 + 14 * 3600 + 61);
	CHECK(epoch("2026-01-28T15:01:01-0530", &t) == 0 && t == 1769558400 + 20 * 3600 + 31 * 60 + 1);
	CHECK(epoch(" 1987-03-02T00:26:53Z ", &t) == 0 && t == 541643213);
	CHECK(epoch("Wed, 28 Jan 2026 16:01:01 +0100", &t) == 0 && t == 1769558400 + 15 * 3600 + 61);
	CHECK(epoch("1969-12-31T23:59:59Z", &t) == 0 && t == -1);
	CHECK(epoch("2026-01", &t) == -1);   /* no day: not a moment */
	CHECK(epoch("2023-02-29", &t) == -1);
	CHECK(epoch("2026-01-28junk", &t) == -1);
	CHECK(epoch("last Tuesday", &t) == -1);
	CHECK(epoch("", &t) == -1);
}

int
main(void)
{
	test_stopwords();
	test_terms();
	test_date_epoch();
	return unit_done();
}
