/*
 * news-summarize - extractive summaries of articles and of stories.
 *
 * Default: one record in, one out; each record gets `summary` (its chosen
 * sentences, in text order, joined by a space) and `summary_sentences`
 * ([{"id","start","end"}], code points of the text field).  Sentences are
 * scored by centrality (cosine with the TF-IDF centroid and mean cosine
 * with the other sentences; IDF from data/summarize/idf.tsv), position and
 * similarity with the title, and chosen by MMR so that no two say the same
 * thing, within --sentences, --words and --bytes (every limit given
 * applies; none given: 70 words, 100 for a story); an article's lede opens
 * its summary, and captions, credits, headings and links are never chosen
 * (summarize/prose.c).  --method lead takes the first sentences instead.
 *
 * With --group-by FIELD (or --group all) records pass through unchanged
 * and a story record {"group","ids","summary","summary_sentences"} follows
 * each run of records with the same FIELD value (or the whole input):
 * near-identical sentences across articles count once, for importance,
 * and appear once.
 *
 * Reads: the text field (-f), id, sentences, title, published, quotes, dup.
 * Writes: summary, summary_sentences; group records.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "datafile.h"
#include "err.h"
#include "stream.h"
#include "summarize/summarize.h"

/* A group holds at most this much text; then its summary is written and a new chunk begins. */
#define MAX_GROUP_BYTES ((size_t)64 << 20)

struct options {
	enum method method;
	struct limit limit; /* all zero: the default length (see main) */
	const char *group_by; /* NULL: one summary per record */
	int group_all;
	int per_record;       /* group mode: also summarize each record */
	int groups_only;      /* group mode: write only the story records */
	size_t max_group;
	const char *idf_path;
};

struct summarizer {
	struct options opt;
	const struct common_opts *co;
	struct idf idf;
	struct corpus one, group;
	struct selection sel;
	json_t *key; /* the open group's key (owned), NULL when none is open */
};

enum { OPT_METHOD = 256, OPT_SENTENCES, OPT_WORDS, OPT_BYTES, OPT_TRUNCATE, OPT_GROUP_BY, OPT_GROUP,
       OPT_PER_RECORD, OPT_GROUPS_ONLY, OPT_MAX_GROUP, OPT_IDF };

static const struct cli_option options[] = {
	{ "method", OPT_METHOD, required_argument, "NAME", "rank (default: centrality, position, title, MMR) or lead" },
	{ "sentences", OPT_SENTENCES, required_argument, "N", "at most N sentences" },
	{ "words", OPT_WORDS, required_argument, "N", "at most N words (default 70; groups: 100)" },
	{ "bytes", OPT_BYTES, required_argument, "N", "at most N bytes of UTF-8 (limits given together all apply)" },
	{ "truncate", OPT_TRUNCATE, no_argument, NULL, "fill --words/--bytes exactly, cutting the last sentence" },
	{ "group-by", OPT_GROUP_BY, required_argument, "FIELD", "one story summary per run of records with the same FIELD" },
	{ "group", OPT_GROUP, required_argument, "all", "one story summary of the whole input" },
	{ "per-record", OPT_PER_RECORD, no_argument, NULL, "with a group: also summarize each record" },
	{ "groups-only", OPT_GROUPS_ONLY, no_argument, NULL, "with a group: write only the story records" },
	{ "max-group", OPT_MAX_GROUP, required_argument, "N", "a group holds at most N records (default 1000)" },
	{ "idf", OPT_IDF, required_argument, "FILE", "the IDF table (default: summarize/idf.tsv in the data dir)" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct options *o = ctx;

	switch (key) {
	case OPT_METHOD: {
		static const char *const methods[] = { "rank", "lead", NULL }; /* enum method */
		o->method = (enum method)cli_choice(arg, methods, "--method");
		break;
	}
	case OPT_SENTENCES: o->limit.sentences = (size_t)cli_number(arg, 1, 1000000000, "--sentences"); break;
	case OPT_WORDS: o->limit.words = (size_t)cli_number(arg, 1, 1000000000, "--words"); break;
	case OPT_BYTES: o->limit.bytes = (size_t)cli_number(arg, 1, 1000000000, "--bytes"); break;
	case OPT_TRUNCATE: o->limit.truncate = 1; break;
	case OPT_GROUP_BY: o->group_by = arg; o->group_all = 0; break;
	case OPT_GROUP:
		if (strcmp(arg, "all") != 0)
			usage_error("--group takes 'all' (use --group-by FIELD for groups by a field)");
		o->group_all = 1;
		o->group_by = NULL;
		break;
	case OPT_PER_RECORD: o->per_record = 1; break;
	case OPT_GROUPS_ONLY: o->groups_only = 1; break;
	case OPT_MAX_GROUP: o->max_group = (size_t)cli_number(arg, 1, 1000000, "--max-group"); break;
	case OPT_IDF: o->idf_path = arg; break;
	}
}

static int
grouping(const struct summarizer *sm)
{
	return sm->opt.group_all || sm->opt.group_by;
}

/* Write the open group's story record and close the group. */
static void
flush_group(struct summarizer *sm, struct stream *s)
{
	json_t *out, *ids;
	size_t k;

	if (!sm->key)
		return;
	corpus_link_duplicates(&sm->group, 0.8);
	summarize_select(&sm->group, sm->opt.method, &sm->opt.limit, &sm->sel);
	out = json_object();
	ids = json_array();
	for (k = 0; k < sm->group.narts; k++)
		json_array_append(ids, sm->group.arts[k].id);
	json_object_set(out, "group", sm->key);
	json_object_set_new(out, "ids", ids);
	json_object_set_new(out, "summary", summary_text(&sm->group, &sm->sel));
	json_object_set_new(out, "summary_sentences", summary_sentences(&sm->group, &sm->sel));
	stream_emit(s, out);
	json_decref(out);
	json_decref(sm->key);
	sm->key = NULL;
	corpus_reset(&sm->group);
}

static void
summarize_one(struct summarizer *sm, struct stream *s, json_t *rec, const char *text, size_t len)
{
	corpus_reset(&sm->one);
	corpus_add(&sm->one, s, rec, sm->co->field, text, len);
	summarize_select(&sm->one, sm->opt.method, &sm->opt.limit, &sm->sel);
	json_object_set_new(rec, "summary", summary_text(&sm->one, &sm->sel));
	json_object_set_new(rec, "summary_sentences", summary_sentences(&sm->one, &sm->sel));
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct summarizer *sm = ctx;
	json_t *key;

	if (!grouping(sm)) {
		summarize_one(sm, s, rec, text, len);
		stream_emit(s, rec);
		return 0;
	}
	key = sm->opt.group_all ? json_string("all") : json_incref(json_object_get(rec, sm->opt.group_by));
	if (!key)
		key = json_null();
	/* A new key ends the open group; so does a full one (a new chunk of the same key begins). */
	if (sm->key && (!json_equal(key, sm->key) || sm->group.narts >= sm->opt.max_group ||
			sm->group.text_bytes + len > MAX_GROUP_BYTES))
		flush_group(sm, s);
	if (!sm->key)
		sm->key = json_incref(key);
	json_decref(key);
	corpus_add(&sm->group, s, rec, sm->co->field, text, len);
	if (!sm->opt.groups_only) {
		if (sm->opt.per_record)
			summarize_one(sm, s, rec, text, len);
		stream_emit(s, rec);
	}
	return 0;
}

static void
finish(void *ctx, struct stream *s)
{
	flush_group(ctx, s);
}

int
main(int argc, char **argv)
{
	struct summarizer sm;
	struct common_opts co;
	struct cli_program prog = {
		"[--method rank|lead] [--sentences n] [--words n] [--bytes n] [--truncate]\n"
		"    [--group-by field | --group all] [--per-record] [--groups-only] [--max-group n]\n"
		"    [--idf file] [-f name] [file ...]",
		"Add extractive summaries to articles, or write one summary per story (group of records).",
		options, handle_option, NULL,
	};
	struct stream_filter f = { process, finish, NULL, true };
	struct stream *s;
	char *path;
	int first;

	prog_init(argv);
	memset(&sm, 0, sizeof sm);
	sm.opt.max_group = 1000;
	prog.ctx = &sm.opt;
	first = cli_parse(&prog, &co, argc, argv);
	/* No length given: about three news sentences (70 words), 100 words for a story. */
	if (!sm.opt.limit.sentences && !sm.opt.limit.words && !sm.opt.limit.bytes)
		sm.opt.limit.words = grouping(&sm) ? 100 : 70;
	if ((sm.opt.per_record || sm.opt.groups_only) && !grouping(&sm))
		usage_error("--per-record and --groups-only need --group-by or --group");
	sm.co = &co;
	path = datafile_find(sm.opt.idf_path, "summarize/idf.tsv");
	idf_load(&sm.idf, path);
	free(path);
	corpus_init(&sm.one, &sm.idf);
	corpus_init(&sm.group, &sm.idf);
	f.ctx = &sm;
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	corpus_release(&sm.one);
	corpus_release(&sm.group);
	free(sm.sel.v);
	idf_release(&sm.idf);
	return prog_exit();
}
