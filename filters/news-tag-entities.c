/*
 * news-tag-entities - find the people, organisations, places, other
 * names, dates, money amounts, percentages and numbers of each article.
 *
 * Reads: the text field (-f), `sentences` when present (else the shared
 * segmenter's).  Writes: `entities`: [{"text","type","start","end",
 * "canonical"}] in text order, code-point offsets, end exclusive; type
 * PER, ORG, LOC, MISC (the statistical model, data/entities/model.bin),
 * DATE, MONEY, PERCENT, CARDINAL (rules); canonical is the fullest name
 * of the same entity in the article ("Altman" -> "Sam Altman").
 * The engine is common/entities/ (shared with news-extract-quotes).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "entities/entities.h"
#include "err.h"
#include "recseg.h"
#include "spans.h"
#include "stream.h"
#include "tokenize.h"
#include "utf8.h"

struct tagger {
	const char *model_path;
	unsigned types; /* bit mask of entity types written */
	struct ner_model *model;
	struct entity_list ents;
	struct spans paras, sents;
	struct utf8_index ix;
	size_t records, tokens_cp, nents, ntokens;
	double tag_sec; /* --stats: time spent in ner_tag() */
	struct tokens toks;
	bool stats;
};

enum { OPT_MODEL = 256, OPT_TYPES };

static const struct cli_option options[] = {
	{ "model", OPT_MODEL, required_argument, "FILE",
	  "the model (default: entities/model.bin in the data directory)" },
	{ "types", OPT_TYPES, required_argument, "TYPE,...",
	  "write only these types (PER,ORG,LOC,MISC,DATE,MONEY,PERCENT,CARDINAL; default all)" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	static const char *const names[] = { "PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT", "CARDINAL", NULL };
	struct tagger *t = ctx;

	if (key == OPT_MODEL)
		t->model_path = arg;
	else if (key == OPT_TYPES)
		t->types = cli_name_set(arg, names, "--types");
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct tagger *t = ctx;
	const struct spans *sents = &t->sents;
	static const char *const member = "entities";
	json_t *arr;
	size_t i;

	recseg_get(s, rec, text, len, utf8_cplen(text, len), &t->paras, &t->sents);
	entity_list_clear(&t->ents);
	if (t->stats) {
		struct timespec a, b;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
		ner_tag(t->model, text, len, sents, &t->ents);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		t->tag_sec += (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		tokens_clear(&t->toks);
		tokenize(text, len, 0, 0, &t->toks);
		t->ntokens += t->toks.n;
	} else {
		ner_tag(t->model, text, len, sents, &t->ents);
	}
	utf8_index_build(&t->ix, text, len);
	arr = json_array();
	for (i = 0; i < t->ents.n; i++) {
		const struct entity *e = &t->ents.v[i];
		size_t bs = utf8_index_byte(&t->ix, e->start), be = utf8_index_byte(&t->ix, e->end);
		json_t *o;
		if (!(t->types & (1u << e->type)))
			continue;
		o = json_object();
		json_object_set_new(o, "text", json_stringn(text + bs, be - bs));
		json_object_set_new(o, "type", json_string(entity_type_name(e->type)));
		json_object_set_new(o, "start", json_integer((json_int_t)e->start));
		json_object_set_new(o, "end", json_integer((json_int_t)e->end));
		json_object_set_new(o, "canonical", json_string(e->canonical));
		json_array_append_new(arr, o);
	}
	t->nents += json_array_size(arr);
	t->records++;
	t->tokens_cp += t->ix.ncp;
	stream_emit_adding(s, rec, &member, &arr, 1);
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli_program prog = { "[--model FILE] [--types TYPE,...] [file ...]",
				    "Tag named entities, dates, amounts and percentages, with canonical names.",
				    options, handle_option, NULL };
	struct tagger t = { NULL, ~0u, NULL, ENTITY_LIST_INIT, SPANS_INIT, SPANS_INIT, { NULL, 0, 0 }, 0, 0, 0, 0, 0, TOKENS_INIT,
			    false };
	struct stream_filter f = { process, NULL, &t, true };
	struct common_opts co;
	struct stream *s;
	struct timespec t0, t1;
	int first;

	prog_init(argv);
	prog.ctx = &t;
	first = cli_parse(&prog, &co, argc, argv);
	t.stats = co.stats;
	t.model = ner_model_load(t.model_path);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (co.stats) {
		double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		note("%zu records, %zu characters, %zu entities in %.2f s; tagging: %zu tokens in %.2f s of CPU (%.0f tokens/s)",
		     t.records, t.tokens_cp, t.nents, sec, t.ntokens, t.tag_sec,
		     t.tag_sec > 0 ? (double)t.ntokens / t.tag_sec : 0.0);
	}
	ner_model_free(t.model);
	entity_list_release(&t.ents);
	spans_release(&t.paras);
	spans_release(&t.sents);
	utf8_index_release(&t.ix);
	tokens_release(&t.toks);
	return prog_exit();
}
