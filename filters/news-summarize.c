/*
 * news-summarize - extractive summaries of articles and of stories.
 *
 * Default: one record in, one out; each record gets `summary` (its chosen
 * sentences, in text order, joined by a space) and `summary_sentences`
 * ([{"id","start","end"}], code points of the text field).  Sentences are
 * scored by centrality (cosine with the TF-IDF centroid and mean cosine
 * with the other sentences; IDF from data/terms/idf.tsv), position and
 * similarity with the title, and chosen by MMR so that no two say the same
 * thing, within --sentences, --words and --bytes (every limit given
 * applies; none given: 70 words, 100 for a story); an article's lede opens
 * its summary, and captions, credits, headings and links are never chosen
 * (summarize/prose.c).  --method lead takes the first sentences instead.
 *
 * With --group-by FIELD (or --group all) records pass through unchanged
 * and are collected by their FIELD value wherever they are in the stream
 * (filters/summarize/groups.c); a story record {"group","ids","summary",
 * "summary_sentences","people","organizations"} is written when a group
 * closes (--window, --max-open, --max-group, the end of the input; with
 * --sorted, when the value changes): near-identical sentences across
 * articles count once, for importance, and appear once; names are linked
 * across the articles (filters/summarize/names.c).
 *
 * Reads: the text field (-f), id, sentences, title, published, quotes, dup,
 * entities.  Writes: summary, summary_sentences; group records.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "datafile.h"
#include "date.h"
#include "err.h"
#include "recseg.h"
#include "stream.h"
#include "summarize/summarize.h"
#include "utf8.h"

/* A story record names at most this many people and as many organisations. */
#define MAX_NAMES 25

struct options {
	enum method method;
	struct limit limit; /* all zero: the default length (see main) */
	const char *group_by; /* NULL: one summary per record */
	int group_all;
	int per_record;       /* group mode: also summarize each record */
	int groups_only;      /* group mode: write only the story records */
	struct group_params gp;
	const char *idf_path;
};

struct summarizer {
	struct options opt;
	const struct common_opts *co;
	struct idf idf;
	struct corpus one, group;
	struct selection sel;
	struct groups groups;
	struct names names;
	struct spans check;    /* scratch: a held record's own segmentation, checked as it comes */
	struct stream *s;      /* the stream story records are written to */
	int64_t clock;         /* the latest `published` seen, GROUP_UNDATED before one */
};

enum { OPT_METHOD = 256, OPT_SENTENCES, OPT_WORDS, OPT_BYTES, OPT_TRUNCATE, OPT_GROUP_BY, OPT_GROUP,
       OPT_PER_RECORD, OPT_GROUPS_ONLY, OPT_MAX_GROUP, OPT_IDF, OPT_WINDOW, OPT_MAX_OPEN, OPT_SORTED };

static const struct cli_option options[] = {
	{ "method", OPT_METHOD, required_argument, "NAME", "rank (default: centrality, position, title, MMR) or lead" },
	{ "sentences", OPT_SENTENCES, required_argument, "N", "at most N sentences" },
	{ "words", OPT_WORDS, required_argument, "N", "at most N words (default 70; groups: 100)" },
	{ "bytes", OPT_BYTES, required_argument, "N", "at most N bytes of UTF-8 (limits given together all apply)" },
	{ "truncate", OPT_TRUNCATE, no_argument, NULL, "fill --words/--bytes exactly, cutting the last sentence" },
	{ "group-by", OPT_GROUP_BY, required_argument, "FIELD", "one story summary per value of FIELD (story, cluster)" },
	{ "group", OPT_GROUP, required_argument, "all", "one story summary of the whole input" },
	{ "per-record", OPT_PER_RECORD, no_argument, NULL, "with a group: also summarize each record" },
	{ "groups-only", OPT_GROUPS_ONLY, no_argument, NULL, "with a group: write only the story records" },
	{ "max-group", OPT_MAX_GROUP, required_argument, "N", "a group holds at most N records (default 1000)" },
	{ "window", OPT_WINDOW, required_argument, "N[smhd]", "a group no record joined for this long closes (default 3d)" },
	{ "max-open", OPT_MAX_OPEN, required_argument, "N", "at most N groups open at once (default 10000)" },
	{ "sorted", OPT_SORTED, no_argument, NULL, "the input is grouped by FIELD: a new value closes the group" },
	{ "idf", OPT_IDF, required_argument, "FILE", "the IDF table (default: terms/idf.tsv in the data dir)" },
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
	case OPT_MAX_GROUP: o->gp.max_group = (size_t)cli_number(arg, 1, 1000000, "--max-group"); break;
	case OPT_WINDOW: o->gp.window = cli_duration(arg, 36500, "--window"); break;
	case OPT_MAX_OPEN: o->gp.max_open = (size_t)cli_number(arg, 1, 10000000, "--max-open"); break;
	case OPT_SORTED: o->gp.sorted = 1; break;
	case OPT_IDF: o->idf_path = arg; break;
	}
}

static int
grouping(const struct summarizer *sm)
{
	return sm->opt.group_all || sm->opt.group_by;
}

/* Write the story record of a group that closes (groups.c calls this). */
static void
close_group(void *ctx, struct group *g)
{
	struct summarizer *sm = ctx;
	json_t *out, *ids;
	size_t k;

	corpus_reset(&sm->group);
	names_reset(&sm->names);
	for (k = 0; k < g->n; k++) {
		json_t *rec = g->recs[k], *text = json_object_get(rec, sm->co->field);
		/* Checked as it came (recseg_check): no warning now, at another record's line. */
		corpus_add(&sm->group, NULL, rec, sm->co->field, json_string_value(text), json_string_length(text));
		names_add_article(&sm->names, json_object_get(rec, "entities"));
	}
	corpus_link_duplicates(&sm->group, 0.8);
	summarize_select(&sm->group, sm->opt.method, &sm->opt.limit, &sm->sel);
	out = json_object();
	ids = json_array();
	for (k = 0; k < sm->group.narts; k++)
		json_array_append(ids, sm->group.arts[k].id);
	json_object_set(out, "group", g->key);
	json_object_set_new(out, "ids", ids);
	json_object_set_new(out, "summary", summary_text(&sm->group, &sm->sel));
	json_object_set_new(out, "summary_sentences", summary_sentences(&sm->group, &sm->sel));
	if (sm->names.any) {
		json_t *people, *orgs;
		names_json(&sm->names, MAX_NAMES, &people, &orgs);
		json_object_set_new(out, "people", people);
		json_object_set_new(out, "organizations", orgs);
	}
	stream_emit(sm->s, out);
	json_decref(out);
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

/* The record's `published`, else the latest seen; a dated record closes the groups it leaves behind. */
static int64_t
record_time(struct summarizer *sm, const json_t *rec)
{
	const json_t *pub = json_object_get(rec, "published");
	long long t;

	if (!json_is_string(pub) || !date_parse_epoch(json_string_value(pub), json_string_length(pub), &t))
		return sm->clock;
	if (sm->clock == GROUP_UNDATED)
		groups_settle(&sm->groups, t); /* the undated records before the first date take its time */
	sm->clock = t;
	groups_expire(&sm->groups, t);
	return t;
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct summarizer *sm = ctx;
	json_t *key;
	int64_t t;

	if (!grouping(sm)) {
		summarize_one(sm, s, rec, text, len);
		stream_emit(s, rec);
		return 0;
	}
	sm->s = s;
	key = sm->opt.group_all ? json_string("all") : json_incref(json_object_get(rec, sm->opt.group_by));
	if (!key)
		key = json_null();
	t = record_time(sm, rec);
	if (json_object_get(rec, "paragraphs") || json_object_get(rec, "sentences"))
		recseg_check(s, rec, utf8_cplen(text, len), &sm->check);
	groups_add(&sm->groups, key, rec, len, t);
	json_decref(key);
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
	struct summarizer *sm = ctx;

	sm->s = s;
	groups_close_all(&sm->groups);
}

int
main(int argc, char **argv)
{
	struct summarizer sm;
	struct common_opts co;
	struct cli_program prog = {
		"[--method rank|lead] [--sentences n] [--words n] [--bytes n] [--truncate]\n"
		"    [--group-by field | --group all] [--per-record] [--groups-only] [--max-group n]\n"
		"    [--window n[smhd]] [--max-open n] [--sorted] [--idf file] [-f name] [file ...]",
		"Add extractive summaries to articles, or write one summary per story (group of records).",
		options, handle_option, NULL,
	};
	struct stream_filter f = { process, finish, NULL, true };
	struct stream *s;
	char *path;
	int first;

	prog_init(argv);
	memset(&sm, 0, sizeof sm);
	sm.opt.gp.max_group = 1000;
	sm.opt.gp.max_open = 10000;
	sm.opt.gp.window = 3 * 86400;
	sm.clock = GROUP_UNDATED;
	prog.ctx = &sm.opt;
	first = cli_parse(&prog, &co, argc, argv);
	/* No length given: about three news sentences (70 words), 100 words for a story. */
	if (!sm.opt.limit.sentences && !sm.opt.limit.words && !sm.opt.limit.bytes)
		sm.opt.limit.words = grouping(&sm) ? 100 : 70;
	if ((sm.opt.per_record || sm.opt.groups_only || sm.opt.gp.sorted) && !grouping(&sm))
		usage_error("--per-record, --groups-only and --sorted need --group-by or --group");
	sm.co = &co;
	path = datafile_find(sm.opt.idf_path, IDF_DATAFILE);
	idf_load(&sm.idf, path);
	free(path);
	corpus_init(&sm.one, &sm.idf);
	corpus_init(&sm.group, &sm.idf);
	groups_init(&sm.groups, &sm.opt.gp, close_group, &sm);
	names_init(&sm.names);
	f.ctx = &sm;
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	groups_release(&sm.groups); /* stopped early (--on-error=fail): what is left is not written */
	names_release(&sm.names);
	spans_release(&sm.check);
	corpus_release(&sm.one);
	corpus_release(&sm.group);
	free(sm.sel.v);
	idf_release(&sm.idf);
	return prog_exit();
}
