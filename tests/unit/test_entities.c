/*
 * test_entities.c - unit tests of the entity engine's model-free parts:
 * BIO-constrained Viterbi (both score types), type names, token forms
 * and shapes, document-level flags, the prediction history, the
 * document-level type vote (refine.c), and the rule layer (numeric.c)
 * through ner_tag() with a model of zero weights, which finds no name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entities/entities.h"
#include "entities/ner.h"
#include "unit.h"

static void
test_types(void)
{
	int t;
	for (t = 0; t < ENT_NTYPES; t++)
		CHECK(entity_type_from_name(entity_type_name((enum entity_type)t)) == t);
	CHECK(entity_type_from_name("TIME") == -1);
	CHECK(strcmp(entity_type_name(ENT_PERCENT), "PERCENT") == 0);
}

/* I-X may follow only B-X or I-X: emissions that favour a bare I-PER must not win. */
static void
test_viterbi(void)
{
	double emit[3 * NTAGS], trans[(NTAGS + 1) * NTAGS];
	int32_t iemit[3 * NTAGS], itrans[(NTAGS + 1) * NTAGS];
	uint8_t tags[3];
	size_t k;

	memset(trans, 0, sizeof trans);
	memset(itrans, 0, sizeof itrans);
	memset(emit, 0, sizeof emit);
	memset(iemit, 0, sizeof iemit);
	/* token 0: I-PER best (illegal at the start), B-PER second; token 1: I-ORG best, I-PER next. */
	emit[0 * NTAGS + 2] = 10;
	emit[0 * NTAGS + 1] = 5;
	emit[1 * NTAGS + 4] = 10;
	emit[1 * NTAGS + 2] = 6;
	emit[2 * NTAGS + 0] = 1;
	for (k = 0; k < 3 * NTAGS; k++)
		iemit[k] = (int32_t)emit[k];
	ner_viterbi_d(emit, trans, 3, tags);
	CHECK(tags[0] == 1 && tags[1] == 2 && tags[2] == 0);
	memset(tags, 0xff, sizeof tags);
	ner_viterbi_i(iemit, itrans, 3, tags);
	CHECK(tags[0] == 1 && tags[1] == 2 && tags[2] == 0);
	/* A transition score can overrule an emission. */
	itrans[1 * NTAGS + 2] = -100;
	ner_viterbi_i(iemit, itrans, 3, tags);
	CHECK(tags[1] != 2);
	ner_viterbi_i(iemit, itrans, 0, tags); /* no tokens: nothing happens */
}

static void
test_forms(void)
{
	struct ner_doc d = NER_DOC_INIT;
	static const char *const words[] = { "\xe2\x80\x9c", "Altman", "\xe2\x80\x99s", "U.S.", "1,000",
					     "McDonald", "\xe2\x80\x94", "CLINTON" };
	size_t i;

	ner_doc_sentence(&d);
	for (i = 0; i < 5; i++)
		ner_doc_add(&d, words[i], strlen(words[i]));
	ner_doc_sentence(&d);
	for (i = 5; i < 8; i++)
		ner_doc_add(&d, words[i], strlen(words[i]));
	ner_doc_prepare(&d, NULL, NULL);
	CHECK(d.n == 8 && d.nsent == 2);
	CHECK(strcmp(d.t[0].w, "\"") == 0);        /* curly quote -> straight */
	CHECK(strcmp(d.t[2].w, "'s") == 0);        /* curly apostrophe */
	CHECK(strcmp(d.t[6].w, "--") == 0);        /* em dash */
	CHECK(strcmp(d.t[1].lw, "altman") == 0 && strcmp(d.t[1].sh, "Xx") == 0);
	CHECK(strcmp(d.t[3].sh, "X.X.") == 0 && (d.t[3].flags & NT_ALLCAPS));
	CHECK(strcmp(d.t[4].lw, "0,000") == 0 && strcmp(d.t[4].sh, "d,d") == 0);
	CHECK(strcmp(d.t[5].sh, "XxXx") == 0);
	CHECK((d.t[0].flags & NT_SENT_START) && (d.t[5].flags & NT_SENT_START) && !(d.t[1].flags & NT_SENT_START));
	CHECK((d.t[1].flags & NT_INITCAP) && !(d.t[1].flags & NT_ALLCAPS));
	{
		uint32_t f[NER_MAXFEAT];
		size_t nf = ner_features(&d, 0, 5, 1, 16, f, NULL), k;
		int inrange = 1;
		CHECK(nf > 20 && nf <= NER_MAXFEAT);
		for (k = 0; k < nf; k++)
			inrange &= f[k] < (1u << 16);
		CHECK(inrange);
	}
	ner_doc_release(&d);
}

/* Document flags: a word seen lower case elsewhere; the history of labels. */
static void
test_document(void)
{
	struct ner_doc d = NER_DOC_INIT;
	struct ner_hist h = { NULL, NULL, 0 };
	static const char *const words[] = { "Apple", "fell", ".", "I", "ate", "an", "apple", ".", "Reuters",
					     "said", "Apple", "rose" };
	uint32_t f[NER_MAXHIST];
	size_t i;

	ner_doc_sentence(&d);
	for (i = 0; i < 12; i++) {
		if (i == 3 || i == 8)
			ner_doc_sentence(&d);
		ner_doc_add(&d, words[i], strlen(words[i]));
	}
	ner_doc_prepare(&d, NULL, NULL);
	CHECK(d.nsent == 3);
	CHECK(d.t[0].flags & NT_DOC_LOWER);       /* "apple" elsewhere */
	CHECK(d.t[0].flags & NT_DOC_CAPMID);      /* "Apple" mid-sentence elsewhere */
	CHECK(!(d.t[8].flags & NT_DOC_LOWER));
	CHECK(d.t[0].next_occ == 7 && d.t[6].prev_occ == 1 && d.t[6].next_occ == 11);
	ner_hist_reset(&h, d.n);
	CHECK(ner_hist_features(&h, &d.t[10], 16, f, NULL) == 1);  /* "none" */
	ner_hist_add(&h, &d.t[0], 3);                             /* B-ORG */
	CHECK(ner_hist_features(&h, &d.t[10], 16, f, NULL) == 3);  /* major, major|cap, has */
	CHECK(ner_hist_features(&h, &d.t[4], 16, f, NULL) == 0);   /* lower-case word: none */
	ner_hist_release(&h);
	ner_doc_release(&d);
}

/* Add the space-separated words of s as one sentence. */
static void
add_words(struct ner_doc *d, const char *s)
{
	ner_doc_sentence(d);
	while (*s) {
		const char *e = strchr(s, ' ');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		ner_doc_add(d, s, n);
		s += n;
		while (*s == ' ')
			s++;
	}
}

/*
 * The type vote: an organisation cue outweighs a mention the model typed
 * without scores (emit NULL: one vote for its own type); mentions of the
 * same name agree; a title splits "Kalvo CEO Ana Reyes"; a headline takes
 * the prose's type.
 */
static void
test_refine(void)
{
	struct ner_doc d = NER_DOC_INIT;
	uint8_t tags[64];

	add_words(&d, "ZENTRIVO HIRES");
	add_words(&d, "Many employees at Zentrivo were not happy today .");
	add_words(&d, "Later Zentrivo said it would talk to them .");
	add_words(&d, "Kalvo CEO Ana Reyes said she was not worried at all .");
	ner_doc_prepare(&d, NULL, NULL);
	CHECK(d.n < sizeof tags);
	memset(tags, 0, d.n);
	tags[0] = 5;                  /* ZENTRIVO: B-LOC (headline) */
	tags[5] = 5;                  /* Zentrivo: B-LOC after "employees at" */
	tags[12] = 1;                 /* Zentrivo: B-PER */
	tags[20] = 1;                 /* Kalvo CEO Ana Reyes: one PER span */
	tags[21] = tags[22] = tags[23] = 2;
	ner_refine_types(&d, NULL, 1.0f, tags);
	CHECK(tags[5] == 3 && tags[12] == 3); /* both B-ORG */
	CHECK(tags[0] == 3);                  /* the headline follows */
	CHECK(tags[20] == 3 && tags[21] == 0 && tags[22] == 1 && tags[23] == 2);
	ner_doc_release(&d);
}

/*
 * The rule layer alone: a model whose weights are all zero tags every
 * token O, so ner_tag() gives only DATE, MONEY, PERCENT and CARDINAL.
 * Each case: a text and its entities as "TYPE text|TYPE text".
 */
static void
test_rules(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "Moody's said about seven billion dlrs of debt is affected.", "MONEY about seven billion dlrs" },
		{ "Sales rose 25 pct to 1.5 bln dlrs from 1.2 bln in the third quarter.",
		  "PERCENT 25 pct|MONEY 1.5 bln dlrs|MONEY 1.2 bln|DATE the third quarter" },
		{ "It was valued at $1.5 billion (\xc2\xa3" "800m) three years ago.",
		  "MONEY $1.5 billion|MONEY \xc2\xa3" "800m|DATE three years ago" },
		{ "Shipments are due in mid-March and on Jan. 26, 2026, not last week.",
		  "DATE mid-March|DATE Jan. 26, 2026|DATE last week" },
		{ "Analysts expect 75 to 80 cts a share, between 5 and 6 pct more.",
		  "MONEY 75 to 80 cts|PERCENT between 5 and 6 pct" },
		{ "The EC sold 75,000 tonnes of wheat vs 70,000 a year ago.", "DATE a year ago" },
		{ "A man aged 42 met 300 workers on Saturday night.", "DATE 42|CARDINAL 300" },
		{ "The 48-year-old actor played five roles for the last 14 years.",
		  "DATE 48-year-old|CARDINAL five|DATE the last 14 years" },
		{ "Unemployment rose 100,000 to 790,000 in May.", "CARDINAL 100,000|CARDINAL 790,000|DATE May" },
		{ "Turnover fell to 3.10 billion francs from 3.56 billion in 1985.",
		  "MONEY 3.10 billion francs|MONEY 3.56 billion|DATE 1985" },
		{ "The 1986/87 crop and the year ended June 30 were weak.", "DATE 1986/87|DATE the year ended June 30" },
		{ "Two executives and one of five directors pleaded guilty.", "CARDINAL Two|CARDINAL one|CARDINAL five" },
		{ "The channel BBC Four showed Forty Shades of Blue.", "" },
		{ "Tickets sold within 50 minutes at 8 a.m. cost between 59.50 and 80 euro.",
		  "MONEY between 59.50 and 80 euro" },
		{ "Sales were 5.4% higher, up two percentage points.", "PERCENT 5.4%|PERCENT two percentage points" },
		{ "The 6-1/2 pct notes yield 8-1/2 pct today.", "PERCENT 6-1/2 pct|PERCENT 8-1/2 pct|DATE today" },
		{ "Billions of dollars were lost over the first half of this year.",
		  "MONEY Billions of dollars|DATE the first half of this year" },
		{ "Hog slaughter was about 300,000 to 307,000 head versus 295,000 week ago.",
		  "CARDINAL about 300,000 to 307,000|CARDINAL 295,000|DATE week ago" },
		{ "The loan is 600 mln ECU, up 2.5 per cent, due 1 7/8 pct later.",
		  "MONEY 600 mln ECU|PERCENT 2.5 per cent|PERCENT 1 7/8 pct" },
	};
	struct ner_model m;
	int16_t *wt;
	int32_t tr[(NTAGS + 1) * NTAGS];
	struct entity_list out = ENTITY_LIST_INIT;
	size_t c, k;

	memset(&m, 0, sizeof m);
	m.bits = 10;
	m.scale = 1.0f;
	wt = calloc((size_t)NER_WROW << m.bits, sizeof *wt);
	memset(tr, 0, sizeof tr);
	m.w = wt;
	m.trans = tr;
	ner_words_build(&m);
	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		char got[512] = "";
		size_t n = 0;
		entity_list_clear(&out);
		ner_tag(&m, cases[c].text, strlen(cases[c].text), NULL, &out);
		for (k = 0; k < out.n && n < sizeof got; k++)
			n += (size_t)snprintf(got + n, sizeof got - n, "%s%s %.*s", k ? "|" : "", entity_type_name(out.v[k].type),
					      (int)(out.v[k].bend - out.v[k].bstart), cases[c].text + out.v[k].bstart);
		if (strcmp(got, cases[c].want) != 0)
			fprintf(stderr, "rules: %s\n  got:  %s\n  want: %s\n", cases[c].text, got, cases[c].want);
		CHECK(strcmp(got, cases[c].want) == 0);
	}
	entity_list_release(&out);
	free(wt);
}

int
main(void)
{
	test_types();
	test_viterbi();
	test_forms();
	test_document();
	test_refine();
	test_rules();
	return unit_done();
}
