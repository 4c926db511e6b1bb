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

#include "canon.h"
#include "cli.h"
#include "entities/entities.h"
#include "err.h"
#include "recseg.h"
#include "spans.h"
#include "stream.h"
#include "strbuf.h"
#include "utf8.h"

struct tagger {
	const char *model_path;
	unsigned types; /* bit mask of entity types written */
	struct ner_model *model;
	struct entity_list ents;
	struct spans paras, sents;
	struct strbuf members; /* "entities":[...] as written, or its next piece */
	struct stream *out;    /* writing the record, piece by piece; NULL: into members */
	const char *text;      /* the record's text while it is tagged */
	size_t written;        /* entities in members */
	size_t records, chars, nents;
	double tag_sec; /* --stats: time spent tagging */
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

/*
 * Write the entities of one part of the text into t->members as JSON text
 * (the same bytes jansson would write) and let them go, and pass the text
 * on to the output every 64 KiB: a long record's entities never all exist
 * at once, as structures or as text.
 */
static void
write_part(void *ctx, struct entity_list *ents)
{
	struct tagger *t = ctx;
	struct strbuf *sb = &t->members;
	size_t i;

	for (i = 0; i < ents->n; i++) {
		const struct entity *e = &ents->v[i];
		if (!(t->types & (1u << e->type)))
			continue;
		strbuf_addstr(sb, t->written++ ? ",{\"text\":" : "{\"text\":");
		canon_put_string(sb, t->text + e->bstart, e->bend - e->bstart);
		strbuf_addf(sb, ",\"type\":\"%s\",\"start\":%zu,\"end\":%zu,\"canonical\":", entity_type_name(e->type),
			    e->start, e->end);
		canon_put_string(sb, e->canonical, strlen(e->canonical));
		strbuf_addch(sb, '}');
	}
	entity_list_clear(ents);
	if (t->out && sb->len >= 65536) {
		stream_emit_more(t->out, sb->buf, sb->len);
		strbuf_reset(sb);
	}
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct tagger *t = ctx;
	static const char prefix[] = "\"entities\":[";
	size_t ncp = utf8_cplen(text, len);
	struct timespec a, b;

	recseg_get(s, rec, text, len, ncp, &t->paras, &t->sents);
	/* Tagged before (a stage run twice): the new list takes the old one's place, below. */
	t->out = json_object_get(rec, "entities") ? NULL : s;
	if (t->out)
		stream_emit_open(s, rec);
	strbuf_reset(&t->members);
	strbuf_addstr(&t->members, prefix);
	t->text = text;
	t->written = 0;
	if (t->stats)
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	ner_tag_parts(t->model, text, len, &t->sents, &t->ents, write_part, t);
	if (t->stats) {
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		t->tag_sec += (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	}
	strbuf_addch(&t->members, ']');
	t->nents += t->written;
	t->records++;
	t->chars += ncp;
	if (t->out) {
		stream_emit_more(s, t->members.buf, t->members.len);
		stream_emit_close(s);
	} else {
		json_t *arr = json_loadb(t->members.buf + sizeof prefix - 2, t->members.len - (sizeof prefix - 2), 0, NULL);
		if (!arr)
			die("internal error: entities written as invalid JSON");
		json_object_set_new(rec, "entities", arr);
		stream_emit(s, rec);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli_program prog = { "[--model FILE] [--types TYPE,...] [file ...]",
				    "Tag named entities, dates, amounts and percentages, with canonical names.",
				    options, handle_option, NULL };
	struct tagger t = { NULL, ~0u, NULL, ENTITY_LIST_INIT, SPANS_INIT, SPANS_INIT, STRBUF_INIT, NULL, NULL, 0, 0, 0, 0, 0,
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
		     t.records, t.chars, t.nents, sec, t.ents.tokens, t.tag_sec,
		     t.tag_sec > 0 ? (double)t.ents.tokens / t.tag_sec : 0.0);
	}
	ner_model_free(t.model);
	entity_list_release(&t.ents);
	spans_release(&t.paras);
	spans_release(&t.sents);
	strbuf_release(&t.members);
	return prog_exit();
}
