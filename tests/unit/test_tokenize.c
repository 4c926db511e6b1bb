/*
 * test_tokenize.c - hand-written cases for the shared tokenizer
 * (common/tokenize.c): token texts, types, flags and offsets.
 * Prints 'N passed, N failed'; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenize.h"
#include "utf8.h"

#define MAXT 16

struct tcase {
	const char *name;
	const char *text;
	const char *want; /* expected tokens joined by '|' */
};

static const struct tcase cases[] = {
	{ "words", "The cat sat.", "The|cat|sat|." },
	{ "clitic 's", "Altman's plan", "Altman|'s|plan" },
	{ "clitic n't", "I don't know.", "I|do|n't|know|." },
	{ "clitics 're 'll", "They're here and we'll go", "They|'re|here|and|we|'ll|go" },
	{ "plural possessive", "the players' union", "the|players|'|union" },
	{ "curly apostrophe", "Altman\xe2\x80\x99s plan", "Altman|\xe2\x80\x99s|plan" },
	{ "internal apostrophe", "O'Brien left", "O'Brien|left" },
	{ "hyphens", "state-of-the-art Coca-Cola deal", "state-of-the-art|Coca-Cola|deal" },
	{ "dash", "yes -- no", "yes|--|no" },
	{ "numbers", "1,000.50 and 13.5 and 3:30", "1,000.50|and|13.5|and|3:30" },
	{ "not thousands", "1,2", "1|,|2" },
	{ "currency", "$13.5 billion", "$|13.5|billion" },
	{ "euro", "\xe2\x82\xac" "5", "\xe2\x82\xac|5" },
	{ "percent", "up 5%", "up|5|%" },
	{ "abbreviations", "Mr. Smith of Apple Inc. in the U.S. at 5 a.m.",
	  "Mr.|Smith|of|Apple|Inc.|in|the|U.S.|at|5|a.m." },
	{ "initials", "J. K. Rowling", "J.|K.|Rowling" },
	{ "abbreviation-hyphen", "U.S.-led forces from Mo.-based firms", "U.S.-led|forces|from|Mo.-based|firms" },
	{ "dateline in capitals", "ST. LOUIS 1996-08-30", "ST.|LOUIS|1996-08-30" },
	{ "shouted no is no abbreviation", "SAY NO. The end", "SAY|NO|.|The|end" },
	{ "sentence stop", "He left.", "He|left|." },
	{ "url", "See https://example.com/a?b=1. Now", "See|https://example.com/a?b=1|.|Now" },
	{ "www", "Go to www.example.org, then", "Go|to|www.example.org|,|then" },
	{ "email", "Mail john.smith@example.co.uk now.", "Mail|john.smith@example.co.uk|now|." },
	{ "ellipsis", "Wait... what?!", "Wait|...|what|?|!" },
	{ "quotes", "\"Why?\" he asked.", "\"|Why|?|\"|he|asked|." },
	{ "brackets", "(see [1])", "(|see|[|1|]|)" },
	{ "non-ASCII", "Ça coûte 5 €.", "Ça|coûte|5|€|." },
	{ "decimal start", "a .5 gain", "a|.5|gain" },
	{ "empty", "", "" },
	{ "spaces", "  \t\n ", "" },
};

/* Compare the tokens of c->text with c->want; print a diff on failure. */
static int
check_case(const struct tcase *c)
{
	struct tokens t = TOKENS_INIT;
	char got[512];
	size_t len = strlen(c->text), k, pos = 0;
	int ok = 1;

	tokenize(c->text, len, 0, 0, &t);
	got[0] = '\0';
	for (k = 0; k < t.n; k++) {
		size_t n = t.v[k].bend - t.v[k].bstart;
		if (t.v[k].bend > len || t.v[k].bstart >= t.v[k].bend || pos + n + 2 >= sizeof got) {
			ok = 0;
			break;
		}
		/* Code-point and byte offsets agree. */
		if (utf8_byte_offset(c->text, len, t.v[k].start) != t.v[k].bstart ||
		    utf8_byte_offset(c->text, len, t.v[k].end) != t.v[k].bend)
			ok = 0;
		if (k)
			got[pos++] = '|';
		memcpy(got + pos, c->text + t.v[k].bstart, n);
		pos += n;
		got[pos] = '\0';
	}
	if (strcmp(got, c->want) != 0)
		ok = 0;
	if (!ok)
		printf("FAIL %s: %s\n  want: %s\n  got:  %s\n", c->name, c->text, c->want, got);
	tokens_release(&t);
	return ok;
}

static int
expect(int cond, const char *what)
{
	if (!cond)
		printf("FAIL %s\n", what);
	return cond;
}

int
main(void)
{
	size_t k, pass = 0, fail = 0;
	struct tokens t = TOKENS_INIT;

	for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
		check_case(&cases[k]) ? pass++ : fail++;

	/* Types and flags. */
	{
		const char *s = "Mr. Altman's $5 at x@y.com http://a.bc 1,000";
		tokenize(s, strlen(s), 0, 0, &t);
		/* Mr. | Altman | 's | $ | 5 | at | x@y.com | http://a.bc | 1,000 */
		if (expect(t.n == 9, "types: token count")) {
			int ok = t.v[0].type == TOK_WORD && (t.v[0].flags & TOKF_ABBREV) &&
				 (t.v[2].flags & TOKF_CLITIC) && t.v[3].type == TOK_SYMBOL &&
				 (t.v[3].flags & TOKF_CURRENCY) && t.v[4].type == TOK_NUMBER &&
				 t.v[6].type == TOK_EMAIL && t.v[7].type == TOK_URL && t.v[8].type == TOK_NUMBER;
			expect(ok, "types and flags") ? pass++ : fail++;
		} else {
			fail++;
		}
		tokens_clear(&t);
	}
	/* Code-point offsets over multi-byte text, and the bases. */
	{
		const char *s = "Zoë’s café";
		tokenize(s, strlen(s), 10, 100, &t);
		/* Zoë | ’s | café : code points 0-3, 3-5, 6-10; bytes 0-4, 4-8, 9-14 */
		int ok = t.n == 3 && t.v[0].start == 10 && t.v[0].end == 13 && t.v[1].start == 13 &&
			 t.v[1].end == 15 && t.v[2].start == 16 && t.v[2].end == 20 && t.v[0].bstart == 100 &&
			 t.v[0].bend == 104 && t.v[1].bend == 108 && t.v[2].bstart == 109 && t.v[2].bend == 114;
		expect(ok, "code-point and byte offsets with bases") ? pass++ : fail++;
		tokens_clear(&t);
	}
	/* tokens_clear keeps appending from zero; names of types. */
	{
		tokenize("a b", 3, 0, 0, &t);
		tokens_clear(&t);
		tokenize("c", 1, 0, 0, &t);
		int ok = t.n == 1 && strcmp(token_type_name(TOK_URL), "url") == 0;
		expect(ok, "clear and type names") ? pass++ : fail++;
	}
	tokens_release(&t);
	printf("%zu passed, %zu failed\n", pass, fail);
	return fail ? 1 : 0;
}
