/*
 * news-extract-quotes - who said what: direct, partial and reported speech.
 *
 * Adds `quotes` to each record: [{"text", "start", "end", "type", "speaker",
 * "speaker_type", "speaker_start", "speaker_end", "cue"}] (a partial quote
 * also has "fragments"), offsets in code points of the text field, type
 * "direct" (all of the content in quotation marks), "partial" (quoted
 * words inside the writer's paraphrase: the reported clause when there is
 * one, the quoted words as its fragments) or "indirect" (reported speech
 * without marks).  speaker is the canonical name of a person or
 * organisation (from the record's entities when present), or null when
 * the source has no name; speaker_type is PER or ORG (null with it);
 * speaker_start/speaker_end point at the mention nearest the cue ("he",
 * "the company", a name).  cue is the reporting verb or phrase as
 * written, null for a quote that continues the one before it.
 *
 * Reads: the text field (-f), sentences and paragraphs (news-split) when
 * present, entities (news-tag-entities) when present; otherwise names are
 * found with the shared tagger when its model is installed, else by
 * capitalisation.  Writes: quotes.  Stateless: memory is bounded by the
 * largest record.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "datafile.h"
#include "err.h"
#include "entities/entities.h"
#include "extract-quotes/quotes.h"
#include "spans.h"
#include "recseg.h"
#include "stream.h"
#include "utf8.h"
#include "xalloc.h"

struct options {
	const char *cues, *speakers, *model;
	unsigned types; /* bit QT_* */
	int no_entities, no_tagger;
};

struct extractor {
	struct options opt;
	struct lexicon *lx;
	struct doc doc;
	struct spans sents, paras;
	struct ner_model *model;   /* loaded at the first record without entities */
	int model_tried;
	struct entity_list ents;
	unsigned long nquotes[3];
};

enum { OPT_CUES = 256, OPT_SPEAKERS, OPT_TYPES, OPT_IGNORE_ENTITIES, OPT_MODEL, OPT_NO_TAGGER };

static const char *const type_names[] = { "direct", "partial", "indirect", NULL };

static const struct cli_option options[] = {
	{ "types", OPT_TYPES, required_argument, "TYPE,...",
	  "quote types to write: direct, partial, indirect (default all)" },
	{ "cues", OPT_CUES, required_argument, "FILE",
	  "cue-verb lexicon (default quotes/en/cue-verbs.txt in the data directory)" },
	{ "speakers", OPT_SPEAKERS, required_argument, "FILE",
	  "speaker-noun lexicon (default quotes/en/speaker-nouns.txt)" },
	{ "model", OPT_MODEL, required_argument, "FILE",
	  "entity model for records without entities (default entities/model.bin)" },
	{ "no-tagger", OPT_NO_TAGGER, no_argument, NULL,
	  "records without entities: find names by capitalisation only (faster)" },
	{ "ignore-entities", OPT_IGNORE_ENTITIES, no_argument, NULL,
	  "ignore the record's entities (find names anew)" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct options *o = ctx;

	switch (key) {
	case OPT_CUES: o->cues = arg; break;
	case OPT_SPEAKERS: o->speakers = arg; break;
	case OPT_TYPES: o->types = cli_name_set(arg, type_names, "--types"); break;
	case OPT_IGNORE_ENTITIES: o->no_entities = 1; break;
	case OPT_MODEL: o->model = arg; break;
	case OPT_NO_TAGGER: o->no_tagger = 1; break;
	}
}

static enum ent_kind
kind_of(const char *type)
{
	if (strcmp(type, "PER") == 0)
		return EK_PER;
	if (strcmp(type, "ORG") == 0)
		return EK_ORG;
	if (strcmp(type, "LOC") == 0 || strcmp(type, "GPE") == 0)
		return EK_LOC;
	if (strcmp(type, "MISC") == 0 || strcmp(type, "NORP") == 0)
		return EK_MISC;
	return EK_OTHER;
}

/* Entities from the record; returns 0 when it has none (no field). */
static int
record_entities(struct doc *d, const json_t *ents, size_t ncp)
{
	size_t k;
	json_t *e;

	if (!json_is_array(ents))
		return 0;
	json_array_foreach(ents, k, e) {
		json_t *js = json_object_get(e, "start"), *je = json_object_get(e, "end");
		const char *type = json_string_value(json_object_get(e, "type"));
		const char *canon = json_string_value(json_object_get(e, "canonical"));
		json_int_t s, en;
		enum ent_kind kind;

		if (!json_is_integer(js) || !json_is_integer(je) || !type)
			continue;
		s = json_integer_value(js);
		en = json_integer_value(je);
		if (s < 0 || en <= s || (size_t)en > ncp)
			continue;
		kind = kind_of(type);
		if (kind == EK_OTHER)
			continue; /* dates, amounts: never speakers */
		if (!canon)
			canon = json_string_value(json_object_get(e, "text"));
		doc_add_entity(d, (size_t)s, (size_t)en, kind, canon, canon ? strlen(canon) : 0);
	}
	return 1;
}

/*
 * Names of a record without entities, from the shared tagger when its
 * model is installed (or given with --model); without a model, the
 * capitalisation fallback alone finds them.
 */
static void
tagged_entities(struct extractor *x, const char *text, size_t len)
{
	size_t k;

	if (x->opt.no_tagger)
		return;
	if (!x->model_tried) {
		char *path = x->opt.model ? xstrdup(x->opt.model) : datafile_try("entities/model.bin");
		x->model_tried = 1;
		if (path)
			x->model = ner_model_load(path);
		free(path);
	}
	if (!x->model)
		return;
	entity_list_clear(&x->ents);
	ner_tag(x->model, text, len, &x->doc.sents, &x->ents);
	for (k = 0; k < x->ents.n; k++) {
		const struct entity *e = &x->ents.v[k];
		enum ent_kind kind = kind_of(entity_type_name(e->type));
		if (kind != EK_OTHER && e->end > e->start)
			doc_add_entity(&x->doc, e->start, e->end, kind, e->canonical,
				       e->canonical ? strlen(e->canonical) : 0);
	}
}

static json_t *
mention_json_str(const char *s, size_t n)
{
	return s ? json_stringn(s, n) : json_null();
}

/* One quote as JSON (a new reference). */
static json_t *
quote_json(const struct doc *d, const struct quote *q)
{
	json_t *o = json_object();
	size_t bs = doc_cp_byte(d, q->s), be = doc_cp_byte(d, q->e), k;

	json_object_set_new(o, "text", json_stringn(d->text + bs, be - bs));
	json_object_set_new(o, "start", json_integer((json_int_t)q->s));
	json_object_set_new(o, "end", json_integer((json_int_t)q->e));
	json_object_set_new(o, "type", json_string(type_names[q->type]));
	json_object_set_new(o, "speaker", mention_json_str(q->sp.name, q->sp.name_len));
	json_object_set_new(o, "speaker_type", !q->sp.name ? json_null()
					       : json_string(q->sp.kind == EK_PER ? "PER" : "ORG"));
	if (q->sp.t0 >= 0) {
		json_object_set_new(o, "speaker_start", json_integer((json_int_t)d->t[q->sp.t0].start));
		json_object_set_new(o, "speaker_end", json_integer((json_int_t)d->t[q->sp.t1 - 1].end));
	} else {
		json_object_set_new(o, "speaker_start", json_null());
		json_object_set_new(o, "speaker_end", json_null());
	}
	if (q->cue0 >= 0) {
		size_t cb = d->t[q->cue0].bstart, ce = d->t[q->cue1 - 1].bend;
		json_object_set_new(o, "cue", json_stringn(d->text + cb, ce - cb));
	} else {
		json_object_set_new(o, "cue", json_null());
	}
	if (q->type == QT_PARTIAL) {
		json_t *fr = json_array();
		if (q->nfrag == 0)
			json_array_append_new(fr, json_pack("[II]", (json_int_t)q->s, (json_int_t)q->e));
		for (k = 0; k < q->nfrag; k++)
			json_array_append_new(fr, json_pack("[II]", (json_int_t)d->frags[q->frag_first + k].s,
							    (json_int_t)d->frags[q->frag_first + k].e));
		json_object_set_new(o, "fragments", fr);
	}
	return o;
}

static int
process(void *ctx, struct stream *st, json_t *rec, const char *text, size_t len)
{
	struct extractor *x = ctx;
	struct doc *d = &x->doc;
	size_t ncp = utf8_cplen(text, len), k;
	static const char *const member = "quotes";
	json_t *arr = json_array();

	doc_clear(d);
	recseg_get(st, rec, text, len, ncp, &x->paras, &x->sents);
	doc_prepare(d, text, len, &x->sents, &x->paras);
	marks_scan(d);
	if (x->opt.no_entities || !record_entities(d, json_object_get(rec, "entities"), ncp))
		tagged_entities(x, text, len);
	quotes_extract(d);
	for (k = 0; k < d->norder; k++) {
		const struct quote *q = &d->out[d->order[k].k];
		if (x->opt.types & (1u << q->type)) {
			json_array_append_new(arr, quote_json(d, q));
			x->nquotes[q->type]++;
		}
	}
	d->total_steps += d->steps;
	d->total_tokens += d->nt;
	stream_emit_adding(st, rec, &member, &arr, 1);
	return 0;
}

static void
finish(void *ctx, struct stream *st)
{
	struct extractor *x = ctx;

	if (stream_opts(st)->stats) {
		note("quotes: %lu direct, %lu partial, %lu indirect", x->nquotes[QT_DIRECT],
		     x->nquotes[QT_PARTIAL], x->nquotes[QT_INDIRECT]);
		/* The work done, which grows like the text (a test checks it). */
		note("work: %llu tokens, %llu steps", x->doc.total_tokens, x->doc.total_steps);
	}
}

int
main(int argc, char **argv)
{
	struct extractor x;
	struct cli_program prog = { "[--types type,...] [--cues file] [--speakers file] [--model file] "
				    "[--no-tagger] [--ignore-entities] [-f name] [file ...]",
				    "Find quotations and reported speech with their speakers.",
				    options, handle_option, NULL };
	struct stream_filter f = { process, finish, NULL, true };
	struct common_opts co;
	struct stream *s;
	char *cues, *nouns, *names;
	int first;

	prog_init(argv);
	memset(&x, 0, sizeof x);
	x.opt.types = 7;
	prog.ctx = &x.opt;
	first = cli_parse(&prog, &co, argc, argv);
	cues = datafile_find(x.opt.cues, "quotes/en/cue-verbs.txt");
	nouns = datafile_find(x.opt.speakers, "quotes/en/speaker-nouns.txt");
	names = datafile_find(NULL, "quotes/en/first-names.txt");
	x.lx = lexicon_load(cues, nouns, names);
	x.doc.lx = x.lx;
	doc_clear(&x.doc);
	f.ctx = &x;
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	doc_release(&x.doc);
	spans_release(&x.sents);
	spans_release(&x.paras);
	lexicon_free(x.lx);
	ner_model_free(x.model);
	entity_list_release(&x.ents);
	free(cues);
	free(nouns);
	free(names);
	return prog_exit();
}
