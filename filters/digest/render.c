/*
 * render.c - the page: one self-contained HTML document.
 *
 * Inline CSS only (style.c), no script, no font, image or anything else
 * fetched from elsewhere; a Content-Security-Policy says so to the browser
 * too, so that even an escaping mistake could run nothing and load
 * nothing.  Every string from a record is escaped (html.c) where it is
 * written; only URLs that text_url_ok() accepts become links.  Ids and
 * anchors are the program's own (story-1, story-1-a2), never from input.
 * The page is the same bytes for the same input: no clock is read.
 */
#include "digest.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xalloc.h"

#define QUOTES_PER_SPEAKER 3

/* One story as the page shows it: articles in time order and their numbers. */
struct shown {
	const struct story *s;
	size_t n;               /* its number on the page, from 1 */
	size_t *order;          /* order[k]: index in s->arts of the k-th article listed */
	size_t *number;         /* number[i]: the listed number (from 1) of s->arts[i] */
	const struct article *lead;
	bool single;            /* one article, kept: it is shown in the story's head, no list */
};

/* Dated articles first, oldest first; then the undated, in input order. */
static int
cmp_articles_by_time(const struct story *s, size_t ia, size_t ib)
{
	const struct article *a = &s->arts[ia], *b = &s->arts[ib];

	if (a->when.known != b->when.known)
		return a->when.known ? -1 : 1;
	if (a->when.known && strcmp(a->when.utc, b->when.utc) != 0)
		return strcmp(a->when.utc, b->when.utc) < 0 ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Indexes of the story's articles in listing order (an insertion sort: at most --articles of them). */
static void
sort_articles(const struct story *s, size_t *order)
{
	size_t i, j;

	for (i = 0; i < s->nart; i++)
		order[i] = i;
	for (i = 1; i < s->nart; i++) {
		size_t v = order[i];
		for (j = i; j > 0 && cmp_articles_by_time(s, order[j - 1], v) > 0; j--)
			order[j] = order[j - 1];
		order[j] = v;
	}
}

static const struct article *
find_article(const struct story *s, const char *id)
{
	size_t i;

	for (i = 0; id && i < s->nart; i++)
		if (strcmp(s->arts[i].id, id) == 0)
			return &s->arts[i];
	return NULL;
}

static void
shown_init(struct shown *sh, const struct story *s, size_t n)
{
	size_t k;

	sh->s = s;
	sh->n = n;
	sh->order = xcalloc(s->nart + 1, sizeof *sh->order);
	sh->number = xcalloc(s->nart + 1, sizeof *sh->number);
	sort_articles(s, sh->order);
	for (k = 0; k < s->nart; k++)
		sh->number[sh->order[k]] = k + 1;
	/* The lead: the article the summary starts from, else the first listed with a lede. */
	sh->single = s->narticles == 1 && s->nart == 1;
	sh->lead = find_article(s, s->lead_id);
	for (k = 0; !sh->lead && k < s->nart; k++)
		if (s->arts[sh->order[k]].lede)
			sh->lead = &s->arts[sh->order[k]];
}

static void
shown_release(struct shown *sh)
{
	free(sh->order);
	free(sh->number);
}

/* The story's headline: the lead's title, else the first title listed, else its opening words. */
static void
headline(struct strbuf *out, const struct shown *sh)
{
	const struct story *s = sh->s;
	const char *t;
	size_t k;
	char *cut;

	if (sh->lead && sh->lead->title) {
		html_text(out, sh->lead->title);
		return;
	}
	for (k = 0; k < s->nart; k++) {
		if (s->arts[sh->order[k]].title) {
			html_text(out, s->arts[sh->order[k]].title);
			return;
		}
	}
	t = s->summary ? s->summary : sh->lead && sh->lead->lede ? sh->lead->lede : s->key;
	cut = text_cut(t, strlen(t), 110); /* the key, as ids, is not cut when read: cut it here */
	html_text(out, cut);
	free(cut);
}

/* n with thousands separated by commas (17,880), the page's words being English. */
static void
number(struct strbuf *out, unsigned long long n)
{
	if (n >= 1000) {
		number(out, n / 1000);
		strbuf_addf(out, ",%03llu", n % 1000);
	} else {
		strbuf_addf(out, "%llu", n);
	}
}

static void
plural(struct strbuf *out, unsigned long long n, const char *one, const char *many)
{
	number(out, n);
	strbuf_addf(out, " %s", n == 1 ? one : many);
}

/* Widen [*a, *b] to the earliest and latest dated articles s lists. */
static void
widen_span(const struct story *s, const struct when **a, const struct when **b)
{
	size_t i;

	for (i = 0; i < s->nart; i++) {
		const struct when *w = &s->arts[i].when;
		if (!w->known)
			continue;
		if (!*a || strcmp(w->utc, (*a)->utc) < 0)
			*a = w;
		if (!*b || strcmp(w->utc, (*b)->utc) > 0)
			*b = w;
	}
}

static void
date_span(const struct story *s, struct strbuf *out)
{
	const struct when *a = NULL, *b = NULL;

	widen_span(s, &a, &b);
	if (a)
		when_span(a, b, out);
}

static void
kicker(struct strbuf *out, const struct story *s)
{
	struct strbuf span = STRBUF_INIT;

	strbuf_addstr(out, "<p class=\"kicker\">");
	plural(out, s->narticles, "article", "articles");
	if (s->noutlet > 1) {
		strbuf_addstr(out, " \xc2\xb7 ");
		plural(out, s->noutlet, "outlet", "outlets");
	}
	date_span(s, &span);
	if (span.len) {
		strbuf_addstr(out, " \xc2\xb7 ");
		html_text(out, span.buf);
	}
	strbuf_addstr(out, "</p>\n");
	strbuf_release(&span);
}

static void
names_section(struct strbuf *out, const struct story *s, enum name_type type, size_t max)
{
	struct name *top = xcalloc(max + 1, sizeof *top);
	size_t n, more, i;

	n = names_top(s, type, max, top, &more);
	if (n > 0) {
		strbuf_addf(out, "<section class=\"names\">\n<h3>%s</h3>\n<ul class=\"chips\">\n",
			    type == NAME_PER ? "People" : "Organisations");
		for (i = 0; i < n; i++) {
			strbuf_addstr(out, "<li><span class=\"u\">");
			html_text(out, top[i].name);
			strbuf_addstr(out, "</span>");
			if (s->narticles > 1 && top[i].articles > 1)
				strbuf_addf(out, "<span class=\"n\" title=\"articles naming them\">%u</span>",
					    top[i].articles);
			strbuf_addstr(out, "</li>\n");
		}
		strbuf_addstr(out, "</ul>\n");
		if (more)
			strbuf_addf(out, "<p class=\"more\">and %zu more</p>\n", more);
		strbuf_addstr(out, "</section>\n");
	}
	free(top);
}

/* Where a quote is from: its outlet and the number of its article in the list, linked. */
static void
source_ref(struct strbuf *out, const struct shown *sh, const struct quote *q)
{
	const struct article *a = q->article != SIZE_MAX && !sh->single ? &sh->s->arts[q->article] : NULL;

	if (!a && q->sources < 2)
		return;
	strbuf_addstr(out, " <span class=\"src\">");
	if (a && a->outlet) {
		strbuf_addstr(out, "\xe2\x80\x94\xc2\xa0<span class=\"u\">");
		html_text(out, a->outlet);
		strbuf_addstr(out, "</span>");
	}
	if (a)
		strbuf_addf(out, "<a class=\"ref\" href=\"#story-%zu-a%zu\">%zu</a>", sh->n, sh->number[q->article],
			    sh->number[q->article]);
	if (q->sources > 1)
		strbuf_addf(out, " <span class=\"also\">in %u articles</span>", q->sources);
	strbuf_addstr(out, "</span>");
}

/*
 * A verb that reads before the reported speech ("said", "told" + "he was
 * encouraged..."), not a phrase like "According to", nor before a new sentence.
 */
static bool
leading_cue(const char *cue, const char *text)
{
	size_t i, n = cue ? strlen(cue) : 0;

	if (n == 0 || n > 24 || (text[0] >= 'A' && text[0] <= 'Z' && strncmp(text, "I ", 2) != 0))
		return false;
	for (i = 0; i < n; i++)
		if (!((cue[i] >= 'a' && cue[i] <= 'z') || cue[i] == ' '))
			return false;
	return true;
}

static void
quote_item(struct strbuf *out, const struct shown *sh, const struct quote *q)
{
	static const char *const kind[] = { "direct", "partial", "reported" }; /* enum quote_kind */

	strbuf_addf(out, "<p class=\"quote %s\">", kind[q->kind]);
	if (q->kind == QUOTE_INDIRECT) {
		if (leading_cue(q->cue, q->text)) {
			strbuf_addstr(out, "<span class=\"cue\">");
			html_text(out, q->cue);
			strbuf_addstr(out, "</span> ");
		}
		html_text(out, q->text);
	} else {
		strbuf_addstr(out, "<q>");
		html_text(out, q->text);
		strbuf_addstr(out, "</q>");
	}
	source_ref(out, sh, q);
	strbuf_addstr(out, "</p>\n");
}

static void
quotes_section(struct strbuf *out, const struct shown *sh, size_t max)
{
	size_t nsp, k, i, shown = 0;
	struct speaker *sp = quotes_by_speaker(sh->s, max, QUOTES_PER_SPEAKER, &nsp);

	if (nsp > 0) {
		strbuf_addstr(out, "<section class=\"said\">\n<h3>Who said what</h3>\n");
		for (k = 0; k < nsp; k++) {
			strbuf_addstr(out, "<div class=\"speaker\">\n<h4>");
			if (sp[k].name) {
				strbuf_addstr(out, "<span class=\"u\">");
				html_text(out, sp[k].name);
				strbuf_addstr(out, "</span>");
			} else {
				strbuf_addstr(out, "<span class=\"unknown\">Speaker not identified</span>");
			}
			if (sp[k].total > sp[k].n)
				strbuf_addf(out, " <span class=\"n\">%zu of %zu quotes</span>", sp[k].n, sp[k].total);
			strbuf_addstr(out, "</h4>\n");
			for (i = 0; i < sp[k].n; i++)
				quote_item(out, sh, sp[k].q[i]);
			strbuf_addstr(out, "</div>\n");
			shown += sp[k].n;
		}
		if (sh->s->nquote + sh->s->quotes_dropped > shown)
			strbuf_addf(out, "<p class=\"more\">%zu more quotes not shown</p>\n",
				    sh->s->nquote + sh->s->quotes_dropped - shown);
		strbuf_addstr(out, "</section>\n");
	}
	speakers_free(sp, nsp);
}

/* An article's outlet, time, authors and duplicate mark, joined by middle dots. */
static void
article_meta(struct strbuf *out, const struct article *a)
{
	struct strbuf t = STRBUF_INIT;
	bool meta = false;

	if (a->outlet) {
		strbuf_addstr(out, "<span class=\"outlet u\">");
		html_text(out, a->outlet);
		strbuf_addstr(out, "</span>");
		meta = true;
	}
	if (a->when.known) {
		when_format(&a->when, true, &t);
		strbuf_addf(out, "%s<time datetime=\"%04d-%02d-%02d\">", meta ? " \xc2\xb7 " : "", a->when.year,
			    a->when.month, a->when.day);
		html_text(out, t.buf);
		strbuf_addstr(out, "</time>");
		meta = true;
	}
	if (a->authors) {
		strbuf_addstr(out, meta ? " \xc2\xb7 " : "");
		strbuf_addstr(out, "<span class=\"u\">");
		html_text(out, a->authors);
		strbuf_addstr(out, "</span>");
		meta = true;
	}
	if (a->dup) {
		strbuf_addstr(out, meta ? " \xc2\xb7 " : "");
		strbuf_addstr(out, "<span class=\"tag\">duplicate</span>");
	}
	strbuf_release(&t);
}

/* <a class="cls" href="url" rel="noreferrer"> for a linked article, else <span class="cls">. */
static void
link_open(struct strbuf *out, const struct article *a, const char *cls)
{
	if (a && a->url) {
		strbuf_addf(out, "<a class=\"%s\" href=\"", cls);
		html_attr(out, a->url);
		strbuf_addstr(out, "\" rel=\"noreferrer\">");
	} else {
		strbuf_addf(out, "<span class=\"%s\">", cls);
	}
}

static void
link_close(struct strbuf *out, const struct article *a)
{
	strbuf_addstr(out, a && a->url ? "</a>" : "</span>");
}

static void
article_item(struct strbuf *out, const struct shown *sh, size_t art)
{
	const struct article *a = &sh->s->arts[art];

	strbuf_addf(out, "<li id=\"story-%zu-a%zu\"><span class=\"num\">%zu</span><div>", sh->n, sh->number[art],
		    sh->number[art]);
	link_open(out, a, "title");
	if (a->title) {
		html_text(out, a->title);
	} else {
		const char *t = a->lede ? a->lede : a->id;
		char *cut = text_cut(t, strlen(t), 90);
		strbuf_addstr(out, "<span class=\"untitled\">");
		html_text(out, cut);
		strbuf_addstr(out, "</span>");
		free(cut);
	}
	link_close(out, a);
	strbuf_addstr(out, "\n<p class=\"meta\">");
	article_meta(out, a);
	strbuf_addstr(out, "</p></div></li>\n");
}

static void
coverage_section(struct strbuf *out, const struct shown *sh)
{
	const struct story *s = sh->s;
	size_t k;

	if (s->nart == 0 || sh->single)
		return;
	strbuf_addstr(out, "<section class=\"coverage\">\n<h3>Coverage</h3>\n<ol class=\"articles\">\n");
	for (k = 0; k < s->nart; k++)
		article_item(out, sh, sh->order[k]);
	strbuf_addstr(out, "</ol>\n");
	if (s->narticles > s->nart)
		strbuf_addf(out, "<p class=\"more\">and %zu more articles</p>\n", s->narticles - s->nart);
	strbuf_addstr(out, "</section>\n");
}

static void
story_html(struct strbuf *out, const struct shown *sh, const struct limits *lim)
{
	const struct story *s = sh->s;
	const char *summary = s->summary ? s->summary : sh->lead ? sh->lead->lede : NULL;
	const struct article *one = sh->single ? &s->arts[0] : NULL;
	bool aside = !sh->single || s->nname > 0;

	strbuf_addf(out, "<article class=\"story\" id=\"story-%zu\" aria-labelledby=\"story-%zu-h\">\n", sh->n, sh->n);
	strbuf_addstr(out, "<header class=\"story-head\">\n");
	kicker(out, s);
	strbuf_addf(out, "<h2 id=\"story-%zu-h\">", sh->n);
	/* A story of one article is that article: its headline is the link, its byline under it. */
	link_open(out, one, "hl");
	headline(out, sh);
	link_close(out, one);
	strbuf_addstr(out, "</h2>\n");
	if (one) {
		strbuf_addstr(out, "<p class=\"byline\">");
		article_meta(out, one);
		strbuf_addstr(out, "</p>\n");
	}
	strbuf_addstr(out, "</header>\n<div class=\"story-body\">\n<div class=\"main-col\">\n");
	if (summary) {
		strbuf_addstr(out, "<p class=\"summary\">");
		html_text(out, summary);
		strbuf_addstr(out, "</p>\n");
	}
	quotes_section(out, sh, lim->quotes);
	strbuf_addstr(out, "</div>\n");
	if (aside) {
		strbuf_addstr(out, "<aside class=\"side-col\">\n");
		names_section(out, s, NAME_PER, lim->names);
		names_section(out, s, NAME_ORG, lim->names);
		coverage_section(out, sh);
		strbuf_addstr(out, "</aside>\n");
	}
	strbuf_addstr(out, "</div>\n</article>\n");
}

static void
contents(struct strbuf *out, const struct shown *sh, size_t n)
{
	size_t i;

	strbuf_addstr(out, "<nav class=\"contents\" aria-label=\"Stories\">\n<h2>In this digest</h2>\n<ol>\n");
	for (i = 0; i < n; i++) {
		strbuf_addf(out, "<li><a href=\"#story-%zu\">", sh[i].n);
		headline(out, &sh[i]);
		strbuf_addstr(out, "</a> <span class=\"n\">");
		plural(out, sh[i].s->narticles, "article", "articles");
		strbuf_addstr(out, "</span></li>\n");
	}
	strbuf_addstr(out, "</ol>\n</nav>\n");
}

/* The span of every listed article's date, over the stories shown. */
static void
page_span(const struct shown *sh, size_t n, struct strbuf *out)
{
	const struct when *a = NULL, *b = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		widen_span(sh[i].s, &a, &b);
	if (a)
		when_span(a, b, out);
}

static void
head(struct strbuf *out, const struct page *pg)
{
	const char *const *css;

	strbuf_addstr(out, "<!DOCTYPE html>\n<html lang=\"");
	html_attr(out, pg->lang);
	strbuf_addstr(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
			   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
			   "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
			   "<meta name=\"referrer\" content=\"no-referrer\">\n"
			   "<meta name=\"generator\" content=\"news-digest (newspipe) " NEWSPIPE_VERSION "\">\n<title>");
	html_text(out, pg->title);
	strbuf_addstr(out, "</title>\n<style>\n");
	for (css = digest_css; *css; css++)
		strbuf_addstr(out, *css);
	strbuf_addstr(out, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
}

static void
masthead(struct strbuf *out, const struct page *pg, const struct digest *d, const struct shown *sh, size_t n)
{
	struct strbuf span = STRBUF_INIT;

	strbuf_addstr(out, "<header class=\"masthead\">\n<h1>");
	html_text(out, pg->title);
	strbuf_addstr(out, "</h1>\n<p class=\"dateline\">");
	if (pg->date)
		strbuf_addstr(&span, pg->date);
	else
		page_span(sh, n, &span);
	if (span.len) {
		strbuf_addstr(out, "<span>");
		html_text(out, span.buf);
		strbuf_addstr(out, "</span> \xc2\xb7 ");
	}
	strbuf_addstr(out, "<span>");
	if (n < d->nlive || d->evicted_stories) {
		strbuf_addstr(out, "the top ");
		plural(out, n, "story", "stories");
		strbuf_addstr(out, " of ");
	} else {
		plural(out, n, "story", "stories");
		strbuf_addstr(out, " from ");
	}
	plural(out, d->articles, "article", "articles");
	strbuf_addstr(out, "</span></p>\n</header>\n");
	strbuf_release(&span);
}

static void
colophon(struct strbuf *out, const struct page *pg, const struct digest *d, struct story **ranked, size_t nranked,
	 size_t nshown)
{
	size_t i, hidden_articles = 0;

	for (i = nshown; i < nranked; i++)
		hidden_articles += ranked[i]->narticles;
	strbuf_addstr(out, "<footer class=\"colophon\">\n<p>Made by news-digest (newspipe) from ");
	plural(out, pg->records, "record", "records");
	strbuf_addstr(out, ": ");
	plural(out, d->articles, "article", "articles");
	strbuf_addstr(out, " and ");
	plural(out, d->story_records, "story record", "story records");
	strbuf_addstr(out, ".");
	if (nranked > nshown) {
		strbuf_addstr(out, " Not shown: ");
		plural(out, nranked - nshown, "smaller or older story", "smaller or older stories");
		strbuf_addstr(out, " (");
		plural(out, hidden_articles, "article", "articles");
		strbuf_addstr(out, ").");
	}
	if (d->evicted_stories) {
		strbuf_addstr(out, " ");
		plural(out, d->evicted_stories, "story", "stories");
		strbuf_addstr(out, " (");
		plural(out, d->evicted_articles, "article", "articles");
		strbuf_addstr(out, ") let go to stay within --hold.");
	}
	if (d->orphan_records) {
		strbuf_addstr(out, " ");
		plural(out, d->orphan_records, "story record", "story records");
		strbuf_addstr(out, " named no article held.");
	}
	strbuf_addstr(out, "</p>\n</footer>\n");
}

int
render_page(struct digest *d, const struct page *pg, FILE *out_file)
{
	struct strbuf out = STRBUF_INIT;
	size_t nranked, nshown, i;
	struct story **ranked = digest_ranked(d, &nranked);
	struct shown *sh;
	int rc = 0;

	nshown = nranked < d->lim.stories ? nranked : d->lim.stories;
	sh = xcalloc(nshown + 1, sizeof *sh);
	for (i = 0; i < nshown; i++)
		shown_init(&sh[i], ranked[i], i + 1);
	head(&out, pg);
	masthead(&out, pg, d, sh, nshown);
	if (nshown >= 3)
		contents(&out, sh, nshown);
	strbuf_addstr(&out, "<main>\n");
	if (nshown == 0)
		strbuf_addstr(&out, "<p class=\"empty\">No articles.</p>\n");
	for (i = 0; i < nshown; i++)
		story_html(&out, &sh[i], &d->lim);
	strbuf_addstr(&out, "</main>\n");
	colophon(&out, pg, d, ranked, nranked, nshown);
	strbuf_addstr(&out, "</div>\n</body>\n</html>\n");
	if (fwrite(out.buf, 1, out.len, out_file) != out.len)
		rc = -1;
	for (i = 0; i < nshown; i++)
		shown_release(&sh[i]);
	free(sh);
	free(ranked);
	strbuf_release(&out);
	return rc;
}
