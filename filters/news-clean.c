/*
 * news-clean - take the article out of a web page, or out of text that
 * still carries a page's chrome; lift headline, authors, date and the
 * page's other metadata into fields; normalize the text.
 *
 * A page (the html field, or a text field that is an HTML document) is
 * parsed by libxml2 and its main content found (clean/extract.c); its
 * metadata comes from JSON-LD, Open Graph, <meta> tags and the markup
 * (clean/pagemeta.c).  Then, as for text, each line is classified as
 * body or boilerplate (ad labels, share and follow prompts, newsletter
 * and cookie notices, comment forms, related links, credits and
 * captions, copyright lines, author boxes, menus) by a per-language
 * lexicon (data/clean/LANG/) and jusText-style rules; a line goes only on
 * evidence of being chrome.  The body lines are kept, normalized (NFC,
 * spaces, entities, mojibake), one paragraph a line.
 *
 * Reads: the text field (-f), html, title, paragraphs, sentences.
 * Writes: the text field; title, authors, published (and from a page url,
 * site, lang) when the record has none; paragraphs and sentences
 * re-segmented when present; removed with --explain.  Drops html (unless
 * --keep-html), entities, quotes and summary (their offsets referred to
 * the old text).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "cli.h"
#include "err.h"
#include "html.h"
#include "segment.h"
#include "spans.h"
#include "stream.h"
#include "strbuf.h"
#include "xalloc.h"

struct cleaner {
	const char *lang, *lexicon_dir;
	unsigned keep;  /* bit mask of category_names[] kept in the text */
	int explain;
	struct lexicon *lx;
	struct classify_params params;
	struct strbuf norm, out, fold;
	struct fwords words;
	struct paras ps;
	struct spans paras, sents;
	struct page page;
	int keep_html;
};

/*
 * The largest page parsed.  A page's tree takes some fifteen times its
 * size in memory; news pages are well under 5 MB.
 */
#define PAGE_MAX (64 << 20)

enum { OPT_KEEP = 256, OPT_LANG, OPT_EXPLAIN, OPT_LEXICON, OPT_KEEP_HTML };

static const struct cli_option options[] = {
	{ "keep", OPT_KEEP, required_argument, "CATEGORY,...",
	  "keep these kinds of lines in the text: ads social subscribe cookies comments related credits captions "
	  "copyright bios navigation titles bylines dates lowcontent" },
	{ "lang", OPT_LANG, required_argument, "LANG", "lexicon language (default en): data/clean/LANG/" },
	{ "lexicon", OPT_LEXICON, required_argument, "DIR", "read the lexicon files from DIR" },
	{ "explain", OPT_EXPLAIN, no_argument, NULL, "add 'removed': each dropped line, its number and the rule" },
	{ "keep-html", OPT_KEEP_HTML, no_argument, NULL, "keep the html field (dropped once read by default)" },
	{ NULL, 0, 0, NULL, NULL },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct cleaner *c = ctx;

	switch (key) {
	case OPT_KEEP:
		c->keep |= cli_name_set(arg, category_names, "--keep");
		break;
	case OPT_LANG:
		if (!*arg || strchr(arg, '/') || strchr(arg, '.'))
			usage_error("invalid language '%s'", arg);
		c->lang = arg;
		break;
	case OPT_LEXICON:
		c->lexicon_dir = arg;
		break;
	case OPT_EXPLAIN:
		c->explain = 1;
		break;
	case OPT_KEEP_HTML:
		c->keep_html = 1;
		break;
	}
}

/* A string field that is missing, null or empty may be filled in. */
static int
field_empty(json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);

	return !v || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0) ||
	       (json_is_array(v) && json_array_size(v) == 0);
}

/* Set rec[key] = s when the record has no value there.  Returns 1 when set. */
static int
fill(json_t *rec, const char *key, const char *s)
{
	if (!s || !*s || !field_empty(rec, key))
		return 0;
	json_object_set_new(rec, key, json_string(s));
	return 1;
}

static int
fill_names(json_t *rec, const char *key, char *const *names, size_t n)
{
	json_t *a;
	size_t k;

	if (n == 0 || !field_empty(rec, key))
		return 0;
	a = json_array();
	for (k = 0; k < n; k++)
		json_array_append_new(a, json_string(names[k]));
	json_object_set_new(rec, key, a);
	return 1;
}

/*
 * One removed line for --explain: its line number (in the page's source
 * when linemap is given), its text and why.
 */
static json_t *
explain_entry(const char *norm, const struct para *p, const int *linemap)
{
	json_t *e = json_object();
	struct strbuf r = STRBUF_INIT;
	const char *cat = p->category >= 0 ? category_names[p->category] : "other";

	json_object_set_new(e, "line", json_integer(linemap ? linemap[p->line - 1] : (json_int_t)p->line));
	json_object_set_new(e, "text", json_stringn(norm + p->bstart, p->bend - p->bstart));
	/* A lexicon pattern is folded (" follow us "): show it as 'follow us'. */
	if (!p->meta && p->lexcat >= 0 && p->reason && p->reason[0] == ' ')
		strbuf_addf(&r, "%s: lexicon '%.*s'", cat, (int)strlen(p->reason) - 2, p->reason + 1);
	else
		strbuf_addf(&r, "%s: %s", cat, p->reason);
	json_object_set_new(e, "reason", json_stringn(r.buf, r.len));
	strbuf_release(&r);
	return e;
}

static int
kept(const struct cleaner *c, const struct para *p)
{
	return !p->remove || (p->category >= 0 && (c->keep & (1u << p->category)));
}

/*
 * Classify the lines of text[0..len) (c->ps) and find the headline,
 * byline and date among them (*m).  Returns the normalized text (the
 * input itself when it needed no normalizing) and its length in *nlen.
 * A page's article (page) has had its markup parsed away: its lines are
 * normalized without taking '<' and '&' for markup, and a line is removed
 * only on evidence (see classify_finish_evident()).
 */
static const char *
clean_lines(struct cleaner *c, const char *text, size_t len, int page, const char *known_title, struct meta *m,
	    size_t *nlen)
{
	const char *norm = text;

	*nlen = len;
	c->ps.n = 0;
	/*
	 * Most text needs no normalizing: the classifier finds out as it
	 * reads the lines, and then the record's own string is the normalized
	 * text.  Else normalize and classify again.
	 */
	if (!classify(c->lx, &c->params, text, len, &c->ps, &c->fold, &c->words)) {
		strbuf_reset(&c->norm);
		clean_normalize(text, len, !page, &c->norm);
		norm = c->norm.buf ? c->norm.buf : "";
		*nlen = c->norm.len;
		c->ps.n = 0;
		classify(c->lx, &c->params, norm, *nlen, &c->ps, &c->fold, &c->words);
	}
	meta_find(c->lx, norm, &c->ps, known_title, m, &c->fold);
	if (page) {
		classify_finish_evident(&c->ps);
	} else {
		classify_main_block(&c->ps, &c->params);
		classify_finish(&c->ps, norm);
	}
	return norm;
}

/* The kept lines of norm joined, one a line, into c->out; the others into removed. */
static size_t
join_kept(struct cleaner *c, const char *norm, json_t *removed, const int *linemap)
{
	size_t k, n = 0;

	strbuf_reset(&c->out);
	for (k = 0; k < c->ps.n; k++) {
		const struct para *p = &c->ps.v[k];
		if (!kept(c, p)) {
			if (removed)
				json_array_append_new(removed, explain_entry(norm, p, linemap));
			continue;
		}
		if (n++)
			strbuf_addch(&c->out, '\n');
		strbuf_add(&c->out, norm + p->bstart, p->bend - p->bstart);
	}
	if (!c->out.buf)
		strbuf_addstr(&c->out, "");
	return n;
}

/*
 * The end of every record: offsets into the old text are re-segmented
 * when the record had them, or dropped; the record is written (from its
 * input line when nothing changed).
 */
static void
finish_record(struct cleaner *c, struct stream *s, json_t *rec, json_t *removed, const char *out, size_t olen,
	      int changed)
{
	changed |= json_object_del(rec, "entities") == 0;
	changed |= json_object_del(rec, "quotes") == 0;
	changed |= json_object_del(rec, "summary") == 0;
	changed |= json_object_del(rec, "summary_sentences") == 0;
	if (json_object_get(rec, "paragraphs") || json_object_get(rec, "sentences")) {
		changed = 1;
		spans_clear(&c->paras);
		spans_clear(&c->sents);
		segment_text(out, olen, &c->paras, &c->sents);
		json_object_set_new(rec, "paragraphs", spans_to_json(&c->paras));
		json_object_set_new(rec, "sentences", spans_to_json(&c->sents));
	}
	if (removed) {
		json_object_set_new(rec, "removed", removed);
		changed = 1;
	}
	/* A page that was clean already is written from its input line. */
	if (changed)
		stream_emit(s, rec);
	else
		stream_emit_unchanged(s, rec, NULL, 0);
}

/* A web page (from the html field, or a text field that is an HTML document). */
static int
process_page(struct cleaner *c, struct stream *s, json_t *rec, const char *html, size_t hlen)
{
	struct meta m;
	const struct pagemeta *pm = &c->page.meta;
	json_t *title = json_object_get(rec, "title"), *removed = c->explain ? json_array() : NULL;
	const char *norm, *known;
	size_t nlen, n, before;

	if (hlen > PAGE_MAX) {
		json_decref(removed);
		return stream_reject(s, "the page has %zu MB, more than the %d MB news-clean reads", hlen >> 20,
				     PAGE_MAX >> 20);
	}
	if (page_read(&c->page, c->lx, c->lang, html, hlen, removed) != 0) {
		json_decref(removed);
		return stream_reject(s, "the page cannot be parsed as HTML");
	}
	memset(&m, 0, sizeof m);
	known = json_is_string(title) && json_string_length(title) ? json_string_value(title) : pm->title;
	norm = clean_lines(c, c->page.body.buf ? c->page.body.buf : "", c->page.body.len, 1, known, &m, &nlen);
	before = removed ? json_array_size(removed) : 0;
	n = join_kept(c, norm, removed, c->page.lines);
	if (n == 0 && page_has_prose(&c->page)) {
		/* The line rules would leave nothing of the prose the page holds as its article: when unsure, keep. */
		strbuf_reset(&c->out);
		strbuf_add(&c->out, norm, nlen);
		while (removed && json_array_size(removed) > before)
			json_array_remove(removed, json_array_size(removed) - 1);
		n = 1;
	}
	if (n == 0)
		stream_warn(s, c->page.x.nb ? "no article found in the page: empty text" : "the page has no text: empty text");
	json_object_set_new(rec, stream_opts(s)->field, json_stringn_nocheck(c->out.buf, c->out.len));
	fill(rec, "title", pm->title ? pm->title : m.title);
	if (!fill_names(rec, "authors", pm->authors.v, pm->authors.n))
		fill_names(rec, "authors", m.authors, m.nauthors);
	fill(rec, "published", pm->published ? pm->published : m.published);
	fill(rec, "url", pm->url);
	fill(rec, "site", pm->site);
	fill(rec, "lang", pm->lang);
	if (!c->keep_html)
		json_object_del(rec, "html");
	meta_release(&m);
	finish_record(c, s, rec, removed, c->out.buf, c->out.len, 1);
	return 0;
}

static int
process_text(struct cleaner *c, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct meta m;
	json_t *title = json_object_get(rec, "title"), *removed = c->explain ? json_array() : NULL;
	size_t k, nlen, olen = len;
	const char *norm, *out = text;
	int all_kept = 1, changed = 0;

	memset(&m, 0, sizeof m);
	norm = clean_lines(c, text, len, 0, json_is_string(title) ? json_string_value(title) : NULL, &m, &nlen);
	for (k = 0; k < c->ps.n; k++)
		if (!kept(c, &c->ps.v[k]))
			all_kept = 0;
	/*
	 * Text that needed no normalizing, with every line kept, stays the
	 * record's own string when it has no blank lines; else the kept
	 * lines are joined, one a line.
	 */
	if (c->ps.n > 0 ? c->ps.v[c->ps.n - 1].line != c->ps.n || c->ps.v[c->ps.n - 1].bend != nlen : nlen > 0)
		all_kept = 0;
	if (norm != text || !all_kept) {
		if (join_kept(c, norm, removed, NULL) == 0 && c->ps.n > 0)
			stream_warn(s, "every line is boilerplate: empty text");
		if (c->out.len != len || (len > 0 && memcmp(c->out.buf, text, len) != 0)) {
			json_object_set_new(rec, stream_opts(s)->field, json_stringn_nocheck(c->out.buf, c->out.len));
			changed = 1;
		}
		out = c->out.buf;
		olen = c->out.len;
	}
	changed |= fill(rec, "title", m.title);
	changed |= fill_names(rec, "authors", m.authors, m.nauthors);
	changed |= fill(rec, "published", m.published);
	if (!c->keep_html)
		changed |= json_object_del(rec, "html") == 0;
	meta_release(&m);
	finish_record(c, s, rec, removed, out, olen, changed);
	return 0;
}

/*
 * A record's page is its html field, or its text field when that is an
 * HTML document; an empty html field leaves the text (if any) as the
 * article.
 */
static int
process(void *ctx, struct stream *s, json_t *rec, const char *text, size_t len)
{
	struct cleaner *c = ctx;
	json_t *html = json_object_get(rec, "html");

	if (html && !json_is_string(html))
		return stream_reject(s, "field 'html' is not a string");
	if (html && json_string_length(html) > 0)
		return process_page(c, s, rec, json_string_value(html), json_string_length(html));
	if (text && html_is_document(text, len))
		return process_page(c, s, rec, text, len);
	if (!text) {
		/* An empty html field and no text: an empty article. */
		stream_warn(s, "field 'html' is empty: empty text");
		json_object_set_new(rec, stream_opts(s)->field, json_string(""));
		if (!c->keep_html)
			json_object_del(rec, "html");
		finish_record(c, s, rec, c->explain ? json_array() : NULL, "", 0, 1);
		return 0;
	}
	return process_text(c, s, rec, text, len);
}

int
main(int argc, char **argv)
{
	struct cleaner c;
	struct common_opts co;
	struct cli_program prog = {
		"[--keep category,...] [--lang lang] [--lexicon dir] [--explain] [--keep-html] [-f name] [file ...]",
		"Take the article out of a web page or of text with page chrome, lift its metadata into fields, "
		"normalize the text.",
		options, handle_option, NULL,
	};
	struct stream_filter f = { process, NULL, NULL, true };
	struct stream *s;
	int first;

	prog_init(argv);
	memset(&c, 0, sizeof c);
	c.lang = "en";
	/* jusText's parameters, refitted on aeb-dev for our shorter stop-word list. */
	c.params.length_low = 70;
	c.params.length_high = 200;
	c.params.length_high_short = 100;
	c.params.stop_low = 0.20;
	c.params.stop_high = 0.25;
	c.params.max_heading_distance = 200;
	c.params.max_gap = 3;
	c.params.join_gap = 12;
	c.params.main_ratio = 50;
	prog.ctx = &c;
	first = cli_parse(&prog, &co, argc, argv);
	c.lx = lexicon_load(c.lang, c.lexicon_dir);
	f.ctx = &c;
	s = stream_new(&co, &f);
	stream_set_alt_field(s, "html");
	stream_run(s, argc - first, argv + first);
	stream_free(s);
	lexicon_free(c.lx);
	strbuf_release(&c.norm);
	strbuf_release(&c.out);
	strbuf_release(&c.fold);
	free(c.ps.v);
	free(c.words.v);
	free(c.words.cand);
	spans_release(&c.paras);
	spans_release(&c.sents);
	page_release(&c.page);
	return prog_exit();
}
