/*
 * news-dedupe - find exact and near-duplicate articles or paragraphs, in
 * one stream and across runs.
 *
 * Each record (or, with --level paragraph, each paragraph) is sketched
 * (filters/dedupe/sketch.c), looked up among everything remembered, and
 * remembered.  A duplicate gets `dup` {"of","similarity","level"} (mark
 * mode) or is left out (drop mode); --clusters adds `cluster`, the id of
 * the first-seen member of its cluster.  At paragraph level a record gets
 * `dup_paragraphs` [{"paragraph","start","end","of","similarity"}] and
 * `paragraph_clusters`; `dup`/`cluster` when every paragraph is repeated
 * or the record is one paragraph.  --state keeps the index between runs;
 * --emit-keys and --reduce are the map and reduce steps of the same.
 *
 * Reads: id, the text field (-f).  Writes: dup, cluster, dup_paragraphs,
 * paragraph_clusters; in drop mode at paragraph level, a shortened text
 * (and then drops paragraphs, sentences, entities and quotes, whose
 * offsets it would break).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "dedupe/dedupe.h"
#include "dedupe/mapreduce.h"
#include "err.h"
#include "mkdirs.h"
#include "segment.h"
#include "stream.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"


struct options {
	unsigned level;          /* 0 document, 1 paragraph */
	bool drop, clusters, emit_keys, reduce, no_wait;
	double threshold;
	const char *state;
	unsigned long long capacity, max_age, batch, min_contained;
	long long now;
	struct sketch_params p;
};

struct dedupe {
	struct options o;
	struct sketcher sk;
	struct index *ix;
	struct state *st;
	struct reducer *red;
	uint32_t now;
	uint64_t seq, since_sync, ndup;
	struct spans paras;
	struct strbuf idbuf, text;
};

enum { OPT_LEVEL = 256, OPT_MODE, OPT_CLUSTERS, OPT_THRESHOLD, OPT_STATE, OPT_MAX_AGE, OPT_CAPACITY,
       OPT_EMIT_KEYS, OPT_REDUCE, OPT_NOW, OPT_GRAM, OPT_BANDS, OPT_ROWS, OPT_BATCH, OPT_MIN_CONTAINED, OPT_WAIT,
       OPT_NO_WAIT };

static const struct cli_option options[] = {
	{ "level", OPT_LEVEL, required_argument, "LEVEL", "document (default) or paragraph" },
	{ "mode", OPT_MODE, required_argument, "MODE", "mark (default: add dup) or drop (write first-seen only)" },
	{ "clusters", OPT_CLUSTERS, no_argument, NULL, "add cluster: the id of the first-seen copy" },
	{ "threshold", OPT_THRESHOLD, required_argument, "X", "similarity of a duplicate, 0..1 (default 0.6)" },
	{ "state", OPT_STATE, required_argument, "FILE", "remember what was seen in FILE (and FILE.log, FILE.lock)" },
	{ "wait", OPT_WAIT, no_argument, NULL, "wait while another run uses the state (the default)" },
	{ "no-wait", OPT_NO_WAIT, no_argument, NULL, "fail at once when another run uses the state" },
	{ "max-age", OPT_MAX_AGE, required_argument, "N[smhd]", "forget items older than this (default: never)" },
	{ "capacity", OPT_CAPACITY, required_argument, "N", "remember at most N items (default 2000000)" },
	{ "emit-keys", OPT_EMIT_KEYS, no_argument, NULL, "map step: write the LSH key lines of each record" },
	{ "reduce", OPT_REDUCE, no_argument, NULL, "reduce step: read key-sorted lines, write clusters" },
	{ "now", OPT_NOW, required_argument, "SECONDS", "the time of this run (default: the clock)" },
	{ "batch", OPT_BATCH, required_argument, "N",
	  "flush the output and the state at least every N records (default: when the output buffer is full)" },
	{ "gram", OPT_GRAM, required_argument, "N", "shingle length in letters (default 8)" },
	{ "bands", OPT_BANDS, required_argument, "N", "LSH bands (default 32)" },
	{ "min-contained", OPT_MIN_CONTAINED, required_argument, "N",
	  "letters a shorter text needs to count as contained in a longer one (default 100)" },
	{ "rows", OPT_ROWS, required_argument, "N", "LSH rows per band (default 2)" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct options *o = ctx;

	switch (key) {
	case OPT_LEVEL: {
		static const char *const levels[] = { "document", "paragraph", NULL };
		o->level = (unsigned)cli_choice(arg, levels, "--level");
		break;
	}
	case OPT_MODE: {
		static const char *const modes[] = { "mark", "drop", NULL };
		o->drop = cli_choice(arg, modes, "--mode") == 1;
		break;
	}
	case OPT_CLUSTERS: o->clusters = true; break;
	case OPT_THRESHOLD: o->threshold = cli_real(arg, 0.0, 1.0, "--threshold"); break;
	case OPT_STATE: o->state = arg; break;
	case OPT_WAIT: o->no_wait = false; break;
	case OPT_NO_WAIT: o->no_wait = true; break;
	case OPT_MAX_AGE: o->max_age = (unsigned long long)cli_duration(arg, 11574, "--max-age"); break; /* 1e9 s */
	case OPT_CAPACITY: o->capacity = (unsigned long long)cli_number(arg, 1, 16000000, "--capacity"); break;
	case OPT_EMIT_KEYS: o->emit_keys = true; break;
	case OPT_REDUCE: o->reduce = true; break;
	case OPT_NOW: o->now = cli_number(arg, 0, 4000000000LL, "--now"); break;
	case OPT_BATCH: o->batch = (unsigned long long)cli_number(arg, 1, 100000000, "--batch"); break;
	case OPT_MIN_CONTAINED: o->min_contained = (unsigned long long)cli_number(arg, 1, 1000000000, "--min-contained"); break;
	case OPT_GRAM: o->p.gram = (uint32_t)cli_number(arg, 1, 64, "--gram"); break;
	case OPT_BANDS: o->p.bands = (uint32_t)cli_number(arg, 1, SK_MAX_BANDS, "--bands"); break;
	case OPT_ROWS: o->p.rows = (uint32_t)cli_number(arg, 1, 4, "--rows"); break;
	}
}

static const char *
level_name(const struct dedupe *d)
{
	return d->o.level ? "paragraph" : "document";
}

/*
 * The record's id, an integer one in decimal ("of" and "cluster" give it
 * as a string).  The stream gave every record a string or integer id
 * (recid.h).
 */
static const char *
record_id(struct dedupe *d, json_t *rec)
{
	json_t *id = json_object_get(rec, "id");

	if (json_is_string(id))
		return json_string_value(id);
	strbuf_reset(&d->idbuf);
	strbuf_addf(&d->idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
	return d->idbuf.buf;
}

/* The id of paragraph i of n of record id: the record's own when it is the only one (malloc'd). */
static char *
paragraph_id(const char *id, size_t i, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	if (n == 1)
		strbuf_addstr(&sb, id);
	else
		strbuf_addf(&sb, "%s#%zu", id, i);
	return strbuf_detach(&sb, NULL);
}

/*
 * Check one item against the index and remember it.  Returns true and
 * fills *m when it is a duplicate.  *cluster_seq is the item's own
 * sequence number in the index (or its match's, when it was the same
 * record seen again and so not remembered twice).
 */
static bool
check_item(struct dedupe *d, const struct sketch *s, const char *id, struct match *m, uint64_t *self)
{
	bool dup = index_lookup(d->ix, s, id, d->o.threshold, (uint32_t)d->o.min_contained, m);
	size_t len;

	if (dup && m->similarity >= 1.0) {
		const char *mid = index_id(d->ix, m->seq, &len);
		if (len == strlen(id) && memcmp(mid, id, len) == 0) {
			*self = m->seq; /* the same record again: already remembered */
			return true;
		}
	}
	if (s->nshingles == 0) {
		*self = INDEX_NONE;
		return false;
	}
	*self = index_add(d->ix, s, id, strlen(id), dup ? m->seq : INDEX_NONE, d->now);
	return dup;
}

static json_t *
cluster_json(struct dedupe *d, uint64_t self, const char *id)
{
	size_t len;
	const char *c;

	if (self == INDEX_NONE)
		return json_string(id);
	c = index_cluster(d->ix, self, &len);
	return json_stringn(c, len);
}

/* The dup member of a duplicate of remembered item seq. */
static json_t *
dup_member(struct dedupe *d, uint64_t seq, double similarity, const char *level)
{
	size_t olen;
	const char *of = index_id(d->ix, seq, &olen);

	return dup_json(of, olen, similarity, level);
}

/*
 * After each record: journal the items whose records' output has left the
 * output buffer (output first, then the state: a kill -9 may repeat the
 * records of one buffer on the next run, never lose one).
 */
static void
sync_state(struct dedupe *d, struct stream *s)
{
	if (!d->st)
		return;
	if (d->o.batch && ++d->since_sync >= d->o.batch) {
		if (fflush(stdout) != 0)
			die("write error on standard output:");
		d->since_sync = 0;
	}
	state_record_done(d->st, d->ix, stream_output_queued(s), stream_output_flushed(s));
	if (state_compact_due(d->st, d->ix)) {
		/* The snapshot holds every item: their records' output must be out first. */
		if (fflush(stdout) != 0)
			die("write error on standard output:");
		state_compact(d->st, d->ix);
	}
}

static void
process_document(struct dedupe *d, struct stream *s, json_t *rec, const char *id, const char *text, size_t len)
{
	static const char *const names[2] = { "dup", "cluster" };
	json_t *members[2];
	struct sketch sk;
	struct match m;
	uint64_t self;
	bool dup;

	sketch_text(&d->sk, text, len, &sk);
	dup = check_item(d, &sk, id, &m, &self);
	if (dup)
		d->ndup++;
	if (dup && d->o.drop)
		return;
	members[0] = dup ? dup_member(d, m.seq, m.similarity, "document") : NULL;
	members[1] = d->o.clusters ? cluster_json(d, self, id) : NULL;
	stream_emit_adding(s, rec, names, members, 2);
}

static void
process_paragraphs(struct dedupe *d, struct stream *s, json_t *rec, const char *id, const char *text, size_t len)
{
	json_t *dups = json_array(), *clusters = json_array(), *first_dup = NULL;
	struct utf8_index ui = { NULL, 0, 0 };
	size_t i, ndup = 0;

	spans_clear(&d->paras);
	segment_paragraphs(text, len, &d->paras);
	utf8_index_build(&ui, text, len);
	strbuf_reset(&d->text);
	for (i = 0; i < d->paras.n; i++) {
		size_t b0 = utf8_index_byte(&ui, d->paras.v[i].start), b1 = utf8_index_byte(&ui, d->paras.v[i].end);
		struct sketch sk;
		struct match m;
		uint64_t self;
		char *pid;

		pid = paragraph_id(id, i, d->paras.n);
		sketch_text(&d->sk, text + b0, b1 - b0, &sk);
		if (check_item(d, &sk, pid, &m, &self)) {
			size_t olen;
			const char *of = index_id(d->ix, m.seq, &olen);
			json_t *o = json_pack("{s:i, s:i, s:i}", "paragraph", (json_int_t)i, "start",
					      (json_int_t)d->paras.v[i].start, "end", (json_int_t)d->paras.v[i].end);
			json_t *dj = dup_json(of, olen, m.similarity, "paragraph");
			json_object_set_new(o, "of", json_stringn(of, olen));
			json_object_set(o, "similarity", json_object_get(dj, "similarity"));
			json_array_append_new(dups, o);
			if (!first_dup)
				first_dup = dj;
			else
				json_decref(dj);
			ndup++;
		} else {
			if (d->text.len)
				strbuf_addstr(&d->text, "\n\n");
			strbuf_add(&d->text, text + b0, b1 - b0);
			if (d->o.drop && d->o.clusters)
				json_array_append_new(clusters, cluster_json(d, self, pid));
		}
		if (!d->o.drop && d->o.clusters)
			json_array_append_new(clusters, cluster_json(d, self, pid));
		free(pid);
	}
	utf8_index_release(&ui);
	d->ndup += ndup;
	if (d->o.drop) {
		if (ndup > 0 && ndup == d->paras.n) {
			json_decref(first_dup);
			json_decref(dups);
			json_decref(clusters);
			return; /* nothing new in it */
		}
		if (ndup > 0) {
			static const char *const offsets[] = { "paragraphs", "sentences", "entities", "quotes", NULL };
			const char *const *f;
			json_object_set_new(rec, stream_opts(s)->field, json_stringn(d->text.buf, d->text.len));
			for (f = offsets; *f; f++)
				json_object_del(rec, *f);
		}
	} else {
		if (ndup > 0)
			json_object_set(rec, "dup_paragraphs", dups);
		if (ndup > 0 && ndup == d->paras.n)
			json_object_set(rec, "dup", first_dup);
	}
	if (d->o.clusters) {
		json_object_set(rec, "paragraph_clusters", clusters);
		if (json_array_size(clusters) == 1)
			json_object_set(rec, "cluster", json_array_get(clusters, 0));
	}
	json_decref(first_dup);
	json_decref(dups);
	json_decref(clusters);
	stream_emit(s, rec);
}

static void
emit_keys(struct dedupe *d, json_t *rec, const char *id, const char *text, size_t len)
{
	struct sketch sk;
	struct utf8_index ui = { NULL, 0, 0 };
	size_t i;

	(void)rec;
	if (!d->o.level) {
		sketch_text(&d->sk, text, len, &sk);
		mr_emit_keys(stdout, &d->o.p, &sk, d->seq++, id);
		return;
	}
	spans_clear(&d->paras);
	segment_paragraphs(text, len, &d->paras);
	/* One index of the text for all paragraphs (utf8_byte_offset() would scan from the start each time). */
	utf8_index_build(&ui, text, len);
	for (i = 0; i < d->paras.n; i++) {
		size_t b0 = utf8_index_byte(&ui, d->paras.v[i].start), b1 = utf8_index_byte(&ui, d->paras.v[i].end);
		char *pid = paragraph_id(id, i, d->paras.n);
		sketch_text(&d->sk, text + b0, b1 - b0, &sk);
		mr_emit_keys(stdout, &d->o.p, &sk, d->seq++, pid);
		free(pid);
	}
	utf8_index_release(&ui);
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct dedupe *d = ctx;
	const char *id;

	if (d->o.reduce)
		return reducer_add(d->red, s, rec);
	id = xstrdup(record_id(d, rec));
	if (d->o.emit_keys)
		emit_keys(d, rec, id, text, len);
	else if (d->o.level)
		process_paragraphs(d, s, rec, id, text, len);
	else
		process_document(d, s, rec, id, text, len);
	free((char *)id);
	sync_state(d, s);
	return 0;
}

static void
finish(void *ctx, struct stream *s)
{
	struct dedupe *d = ctx;

	if (d->o.reduce) {
		reducer_finish(d->red, s);
		return;
	}
	if (d->st) {
		if (fflush(stdout) != 0)
			die("write error on standard output:");
		if (state_close(d->st, d->ix) != 0)
			err_mark_failed();
		d->st = NULL;
	}
	if (stream_opts(s)->stats)
		note("%llu items remembered, %llu duplicates, index %.1f MB", (unsigned long long)index_count(d->ix),
		     (unsigned long long)d->ndup, (double)index_memory(d->ix) / 1e6);
}

static void
dedupe_open(struct dedupe *d)
{
	const struct options *o = &d->o;

	if (o->p.bands * o->p.rows > SK_BINS)
		usage_error("--bands x --rows must be at most %d", SK_BINS);
	if (o->emit_keys && o->reduce)
		usage_error("--emit-keys and --reduce are two steps: use one");
	d->now = (uint32_t)(o->now >= 0 ? o->now : (long long)time(NULL));
	sketcher_init(&d->sk, &o->p);
	if (o->reduce) {
		d->red = reducer_new(o->threshold, (uint32_t)d->o.min_contained, level_name(d));
	} else if (o->state && !o->emit_keys) {
		/* The first run from cron: ~/.newspipe may not exist yet. */
		if (mkdirs_for_file(o->state) != 0)
			exit(prog_exit());
		d->st = state_open(o->state, &o->p, o->level, o->capacity, o->max_age, !o->no_wait, &d->ix);
		if (!d->st)
			exit(prog_exit());
		index_evict(d->ix, d->now);
	} else {
		d->ix = index_new(&o->p, o->capacity, o->max_age);
	}
}

int
main(int argc, char **argv)
{
	struct cli_program prog = {
		"[--level document|paragraph] [--mode mark|drop] [--clusters] [--threshold X] "
		"[--state FILE [--wait | --no-wait]] [--max-age N[smhd]] [--capacity N] [--emit-keys | --reduce] [file ...]",
		"Find exact and near-duplicate articles or paragraphs, in one stream and across runs.", options,
		handle_option, NULL
	};
	struct dedupe d;
	struct stream_filter f = { process, finish, &d, true };
	struct strbuf empty = STRBUF_INIT;
	struct spans nospans = SPANS_INIT;
	struct common_opts co;
	struct stream *s;
	int first;

	memset(&d, 0, sizeof d);
	d.o = (struct options){ 0, false, false, false, false, false, 0.6, NULL, 2000000, 0, 0, 100, -1, { 8, 32, 2 } };
	d.idbuf = d.text = empty;
	d.paras = nospans;
	prog.ctx = &d.o;
	prog_init(argv);
	first = cli_parse(&prog, &co, argc, argv);
	f.need_text = !d.o.reduce;
	dedupe_open(&d);
	s = stream_new(&co, &f);
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	if (d.st)
		state_close(d.st, d.ix); /* stopped early (--on-error=fail): keep what was flushed */
	reducer_free(d.red);
	index_free(d.ix);
	sketcher_release(&d.sk);
	spans_release(&d.paras);
	strbuf_release(&d.idbuf);
	strbuf_release(&d.text);
	return prog_exit();
}
