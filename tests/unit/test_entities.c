/*
 * test_entities.c - unit tests of the entity engine's model-free parts:
 * BIO-constrained Viterbi (both score types), type names, token forms
 * and shapes, document-level flags, the prediction history, the
 * document-level type vote (refine.c).
 */
#include <stdint.h>
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

int
main(void)
{
	test_types();
	test_viterbi();
	test_forms();
	test_document();
	test_refine();
	return unit_done();
}
