/*
 * news-cluster - group articles into stories: the same event across
 * outlets and wording, online, with state between runs.
 *
 * Each article (filters/cluster/features.c: title and text terms, TF-IDF;
 * canonical entity names when news-tag-entities ran) is compared with the
 * stories active in the time window (filters/cluster/stories.c: centroids
 * found through an inverted index) and joins the most similar one at or
 * above --threshold, else begins its own.  Time is `published`; an
 * article without a date takes the time of the latest dated one (before
 * any, the first date that follows, or the run's time at the end).
 * --state keeps the active stories between runs (filters/cluster/state.c:
 * snapshot, journal and lock).
 *
 * Reads: id, the text field (-f), title, published, entities.
 * Writes: story (the id of the story's first article).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cluster/cluster.h"
#include "datafile.h"
#include "date.h"
#include "err.h"
#include "stream.h"
#include "strbuf.h"

/* Chosen on part of the development set (eval/eval-cluster.sh --sweep); see the man page. */
#define DEFAULT_THRESHOLD 0.31

/* Articles between two commits of the state's journal (-u: every article). */
#define BATCH 1000

struct options {
	struct stories_params p;
	const char *state, *idf_path;
	long long now;
	bool no_wait;
};

struct clusterer {
	struct options o;
	struct idf idf;
	struct featurizer fz;
	struct stories *st;
	struct vec a;
	struct clock clock;     /* the time the stream has reached */
	bool dated;             /* a dated article was seen in this run */
	bool saved;
	struct cluster_state *cs; /* --state */
	unsigned long since_commit;
	struct strbuf idbuf;
	unsigned long long undated;
};

enum { OPT_WINDOW = 256, OPT_THRESHOLD, OPT_STATE, OPT_NO_WAIT, OPT_MAX_STORIES, OPT_NOW, OPT_IDF };

static const struct cli_option options[] = {
	{ "window", OPT_WINDOW, required_argument, "N[smhd]",
	  "a story not updated for this long is closed (default 3d)" },
	{ "threshold", OPT_THRESHOLD, required_argument, "X",
	  "similarity to join a story, 0..1 (default 0.31)" },
	{ "state", OPT_STATE, required_argument, "FILE", "keep the active stories in FILE between runs" },
	{ "no-wait", OPT_NO_WAIT, no_argument, NULL, "fail at once when another run holds the state" },
	{ "max-stories", OPT_MAX_STORIES, required_argument, "N",
	  "active stories at most; the least recently updated go first (default 100000)" },
	{ "now", OPT_NOW, required_argument, "SECONDS", "the time of this run (default: the clock)" },
	{ "idf", OPT_IDF, required_argument, "FILE", "the IDF table (default: terms/idf.tsv in the data dir)" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct options *o = ctx;

	switch (key) {
	case OPT_WINDOW: o->p.window = cli_duration(arg, 36500, "--window"); break;
	case OPT_THRESHOLD: o->p.threshold = cli_real(arg, 0.0, 1.0, "--threshold"); break;
	case OPT_STATE: o->state = arg; break;
	case OPT_NO_WAIT: o->no_wait = true; break;
	case OPT_MAX_STORIES: o->p.max_stories = (uint32_t)cli_number(arg, 1, 10000000, "--max-stories"); break;
	case OPT_NOW: o->now = cli_number(arg, 0, 253402300799LL, "--now"); break;
	case OPT_IDF: o->idf_path = arg; break;
	}
}

/* The record's id as text: an integer id in decimal (the stream gave every record one, recid.h). */
static const char *
record_id(struct clusterer *c, const json_t *rec, size_t *len)
{
	const json_t *id = json_object_get(rec, "id");

	if (json_is_string(id)) {
		*len = json_string_length(id);
		return json_string_value(id);
	}
	strbuf_reset(&c->idbuf);
	strbuf_addf(&c->idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
	*len = c->idbuf.len;
	return c->idbuf.buf;
}

/* Journal a story that changed (--state). */
static void
note_story(void *ctx, uint32_t slot)
{
	struct clusterer *c = ctx;

	if (c->cs)
		cstate_note(c->cs, c->st, slot, &c->clock);
}

/* Output first, then the journal: a kill may repeat an article's story, never lose it. */
static void
commit_state(struct clusterer *c, bool now)
{
	if (!c->cs || (!now && ++c->since_commit < BATCH))
		return;
	if (fflush(stdout) != 0)
		die("write error on standard output:");
	if (cstate_commit(c->cs) != 0 || cstate_compact_if_due(c->cs, c->st, &c->clock) != 0)
		die("cannot keep the state");
	c->since_commit = 0;
}

/* The article's time: its `published`, else the clock; a dated one moves the clock. */
static int64_t
article_time(struct clusterer *c, const json_t *rec)
{
	const json_t *pub = json_object_get(rec, "published");
	long long t;

	if (!json_is_string(pub) || !date_parse_epoch(json_string_value(pub), json_string_length(pub), &t)) {
		c->undated++;
		return c->dated ? c->clock.t : TIME_PENDING;
	}
	c->clock.t = t;
	c->clock.wall = false;
	if (!c->dated)
		stories_settle(c->st, t, note_story, c); /* the undated articles before this one took this time */
	c->dated = true;
	stories_expire(c->st, t);
	return t;
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	static const char *const names[1] = { "story" };
	struct clusterer *c = ctx;
	struct match m;
	const char *id;
	size_t idlen;
	int64_t t = article_time(c, rec);
	json_t *story;

	features_of(&c->fz, rec, text, len, &c->a);
	id = record_id(c, rec, &idlen);
	if (c->a.n == 0) {
		/* No content term: nothing could join it, so no story is kept for it. */
		story = json_stringn(id, idlen);
	} else {
		uint32_t slot;
		const char *sid;
		size_t slen;
		stories_match(c->st, &c->a, t, &m);
		if (m.story != STORY_NONE) {
			slot = m.story;
			stories_join(c->st, slot, &c->a, t);
		} else {
			slot = stories_create(c->st, &c->a, t, id, idlen);
		}
		sid = stories_id(c->st, slot, &slen);
		story = json_stringn(sid, slen);
		note_story(c, slot);
	}
	stream_emit_adding(s, rec, names, &story, 1);
	commit_state(c, stream_opts(s)->unbuffered);
	return 0;
}

/*
 * A run without a dated article: its undated articles take the time the
 * stream had reached (the state's), or, when that was a run's time or
 * there is none, this run's (--now), and a state kept so ages by the
 * clock.  Then keep the stories (--state).
 */
static void
close_run(struct clusterer *c)
{
	if (c->saved)
		return;
	c->saved = true;
	if (!c->dated) {
		if (c->clock.t == TIME_PENDING || c->clock.wall) {
			c->clock.t = c->o.now;
			c->clock.wall = true;
		}
		stories_settle(c->st, c->clock.t, note_story, c);
		if (c->clock.wall)
			stories_expire(c->st, c->clock.t);
	}
	if (!c->cs)
		return;
	/* Output first, then the state: a crash may repeat articles' stories, never lose them. */
	if (fflush(stdout) != 0)
		die("write error on standard output:");
	if (cstate_close(c->cs, c->st, &c->clock) != 0)
		err_mark_failed();
	c->cs = NULL;
}

static void
finish(void *ctx, struct stream *s)
{
	struct clusterer *c = ctx;
	struct stories_stats ss;

	close_run(c);
	if (!stream_opts(s)->stats)
		return;
	stories_stats(c->st, &ss);
	note("%llu stories active (at most %llu), %llu begun, %llu articles joined one, %llu closed by the window, "
	     "%llu by --max-stories; %llu articles undated; %.1f MB",
	     (unsigned long long)ss.active, (unsigned long long)ss.max_active, (unsigned long long)ss.created,
	     (unsigned long long)ss.joined, (unsigned long long)ss.closed, (unsigned long long)ss.evicted,
	     c->undated, (double)ss.memory / 1e6);
}

static void
cluster_open(struct clusterer *c)
{
	char *path = datafile_find(c->o.idf_path, IDF_DATAFILE);

	idf_load(&c->idf, path);
	free(path);
	featurizer_init(&c->fz, &c->idf);
	c->st = stories_new(&c->o.p);
	c->clock.t = TIME_PENDING;
	if (c->o.state) {
		c->cs = cstate_open(c->o.state, !c->o.no_wait, c->st, &c->clock);
		if (!c->cs)
			exit(prog_exit());
		/* The journal replays stories the window has closed since; stories kept by runs without dates age by the clock. */
		if (c->clock.wall)
			stories_expire(c->st, c->o.now);
		else if (c->clock.t != TIME_PENDING)
			stories_expire(c->st, c->clock.t);
	}
}

int
main(int argc, char **argv)
{
	struct cli_program prog = {
		"[--window n[smhd]] [--threshold x] [--state file [--no-wait]] [--max-stories n]\n"
		"    [--now seconds] [--idf file] [-f name] [file ...]",
		"Group articles into stories: the same event across outlets and wording, online.",
		options, handle_option, NULL,
	};
	struct clusterer c;
	struct stream_filter f = { process, finish, &c, true };
	struct strbuf empty = STRBUF_INIT;
	struct common_opts co;
	struct stream *s;
	int first;

	prog_init(argv);
	memset(&c, 0, sizeof c);
	c.o.p.threshold = DEFAULT_THRESHOLD;
	c.o.p.window = 3 * 86400;
	c.o.p.max_stories = 100000;
	c.o.now = -1;
	c.idbuf = empty;
	prog.ctx = &c.o;
	first = cli_parse(&prog, &co, argc, argv);
	if (c.o.now < 0)
		c.o.now = (long long)time(NULL);
	cluster_open(&c);
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	close_run(&c); /* stopped early (--on-error=fail): keep what was written */
	stories_free(c.st);
	featurizer_release(&c.fz);
	vec_release(&c.a);
	idf_release(&c.idf);
	strbuf_release(&c.idbuf);
	return prog_exit();
}
