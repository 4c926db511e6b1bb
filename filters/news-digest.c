/*
 * news-digest - the records of a pipeline as one HTML page to read.
 *
 *   news-digest [--title text] [--date text] [--stories n] [--articles n] ...
 *
 * A sink: it reads records as every filter does and, at the end of input,
 * writes one self-contained page: the stories, largest and most recent
 * first, each with its summary, who said what (quotes by speaker), its
 * people and organisations, and its articles (title, outlet, time, link).
 * How articles become stories: digest/collect.c; the page: digest/render.c.
 *
 * Reads: id, title, url, site, feed.title, authors, published (or
 * updated), summary, the text field, story, cluster, dup, entities,
 * quotes; story records' group, ids, summary, summary_sentences and
 * linked names.  Writes: HTML.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "recid.h"
#include "stream.h"
#include "digest/digest.h"

struct options {
	struct limits lim;
	struct page page;
};

enum { OPT_TITLE = 256, OPT_DATE, OPT_LANG, OPT_STORIES, OPT_ARTICLES, OPT_QUOTES, OPT_NAMES, OPT_HOLD };

static const struct cli_option options[] = {
	{ "title", OPT_TITLE, required_argument, "TEXT", "the page's title (default: News digest)" },
	{ "date", OPT_DATE, required_argument, "TEXT", "the date line (default: the span of the articles' dates)" },
	{ "lang", OPT_LANG, required_argument, "CODE", "the page's language, a BCP 47 tag (default: en)" },
	{ "stories", OPT_STORIES, required_argument, "N", "show at most N stories (default 40)" },
	{ "articles", OPT_ARTICLES, required_argument, "N", "list at most N articles per story (default 8)" },
	{ "quotes", OPT_QUOTES, required_argument, "N", "show at most N quotes per story (default 10)" },
	{ "names", OPT_NAMES, required_argument, "N", "show at most N people and N organisations per story (default 10)" },
	{ "hold", OPT_HOLD, required_argument, "N", "hold at most N stories while reading (default 2000)" },
	{ NULL, 0, 0, NULL, NULL },
};

static bool
lang_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 35 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct options *o = ctx;

	switch (key) {
	case OPT_TITLE: o->page.title = arg; break;
	case OPT_DATE: o->page.date = arg; break;
	case OPT_LANG:
		if (!lang_ok(arg))
			usage_error("invalid --lang '%s' (a language tag such as en or pt-BR)", arg);
		o->page.lang = arg;
		break;
	case OPT_STORIES: o->lim.stories = (size_t)cli_number(arg, 1, 10000, "stories"); break;
	case OPT_ARTICLES: o->lim.articles = (size_t)cli_number(arg, 1, 1000, "articles"); break;
	case OPT_QUOTES: o->lim.quotes = (size_t)cli_number(arg, 0, 1000, "quotes"); break;
	case OPT_NAMES: o->lim.names = (size_t)cli_number(arg, 0, NAMES_HELD, "names"); break;
	case OPT_HOLD: o->lim.hold = (size_t)cli_number(arg, 1, 1000000, "hold"); break;
	}
}

struct run {
	struct options opt;
	struct digest d;
	unsigned long long records;
};

static bool
is_story_record(const json_t *rec)
{
	return json_object_get(rec, "group") && json_object_get(rec, "ids");
}

static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct run *r = ctx;
	const json_t *id = json_object_get(rec, "id"), *t = json_object_get(rec, stream_opts(s)->field);
	struct strbuf sb = STRBUF_INIT;
	json_t *with_id = NULL;
	const char *bad = NULL, *ids;
	size_t idlen;

	(void)text;
	(void)len;
	r->records++;
	if (is_story_record(rec)) {
		if (!json_is_array(json_object_get(rec, "ids")))
			return stream_reject(s, "field 'ids' is not an array");
		digest_add_story_record(&r->d, rec);
		return 0;
	}
	if (!id && !json_is_string(t))
		return stream_reject(s, "neither an article (no id, no '%s') nor a story record (group, ids)",
				     stream_opts(s)->field);
	/* An article without a usable id gets the one every filter would give it (recid.h). */
	if (json_is_string(t))
		with_id = recid_ensure(rec, stream_file(s), stream_line(s), json_string_value(t), json_string_length(t));
	if (with_id)
		id = json_object_get(with_id, "id");
	ids = text_of(id, &sb, &idlen);
	if (!ids || !idlen)
		bad = "field 'id' is not a string or a number";
	if (!bad)
		bad = digest_add_article(&r->d, with_id ? with_id : rec, ids, stream_opts(s)->field);
	json_decref(with_id);
	strbuf_release(&sb);
	return bad ? stream_reject(s, "%s", bad) : 0;
}

static void
finish(void *ctx, struct stream *s)
{
	struct run *r = ctx;

	r->opt.page.records = r->records;
	if (render_page(&r->d, &r->opt.page, stdout) != 0)
		die("write error on standard output:");
	stream_count_output(s, r->d.nlive < r->opt.lim.stories ? r->d.nlive : r->opt.lim.stories, "stories");
}

int
main(int argc, char **argv)
{
	static struct run r;
	struct common_opts co;
	struct cli_program prog = {
		"[--title text] [--date text] [--lang code] [--stories n] [--articles n]\n"
		"    [--quotes n] [--names n] [--hold n] [-f name] [file ...]",
		"Write the stories of a pipeline's records as one self-contained HTML page (a sink).",
		options, handle_option, NULL,
	};
	struct stream_filter f = { process, finish, NULL, false };
	struct stream *s;
	int first;

	prog_init(argv);
	r.opt.lim = (struct limits){ .stories = 40, .articles = 8, .quotes = 10, .names = 10, .hold = 2000 };
	r.opt.page = (struct page){ .title = "News digest", .lang = "en" };
	prog.ctx = &r.opt;
	first = cli_parse(&prog, &co, argc, argv);
	if (co.on_error == ON_ERROR_PASS)
		usage_error("--on-error=pass has no meaning for a sink, which writes no records (skip or fail)");
	digest_init(&r.d, &r.opt.lim);
	f.ctx = &r;
	s = stream_new(&co, &f);
	stream_count_output(s, 0, "stories");
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	digest_release(&r.d);
	return prog_exit();
}
