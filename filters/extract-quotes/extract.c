/*
 * extract.c - the quotes of one record, from its tokens and names to the
 * list in text order.
 *
 * The sentences are read in order.  For each: its quotations (direct.c),
 * its reported speech (reported.c), then its mentions update the salience
 * of the people and organisations (coref.c), so a pronoun is always
 * resolved against what came before it.  Quotation paragraphs with no cue
 * get their speaker last, when the quotes around them are known.
 */
#include <stdlib.h>

#include "quotes.h"
#include "xalloc.h"

static int
cmp_order(const void *a, const void *b)
{
	const struct qorder *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

void
quotes_extract(struct doc *d)
{
	size_t k;

	doc_index_entities(d);
	doc_fallback_names(d); /* names the record's entities missed */
	doc_index_entities(d);
	doc_link_names(d);
	coref_prepare(d);
	for (k = 0; k < d->sents.n && STEP(d); k++) {
		direct_sentence(d, (int)k);
		reported_sentence(d, (int)k);
		coref_sentence(d, (int)k);
	}
	direct_floating(d);
	coref_finish(d);
	/* Text order: a sort, where picking the first of the rest each time
	 * was quadratic in the number of quotes. */
	ARRAY_GROW(d->order, d->nout + 1, d->ordercap);
	d->norder = 0;
	for (k = 0; k < d->nout && STEP(d); k++)
		if (!d->out[k].dead) {
			d->order[d->norder].s = d->out[k].s;
			d->order[d->norder++].k = k;
		}
	qsort(d->order, d->norder, sizeof *d->order, cmp_order);
}
