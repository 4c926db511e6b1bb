/*
 * page.c - a web page in a record: parse it, take out its article and
 * its metadata; see clean.h.
 */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "html.h"
#include "xalloc.h"

static void
add_line(struct page *p, int line)
{
	ARRAY_GROW(p->lines, p->nlines + 1, p->linecap);
	p->lines[p->nlines++] = line;
}

/* "div class='share-tools'": how an explanation names an element. */
static void
describe(const xmlNode *n, struct strbuf *out)
{
	const char *v;

	strbuf_addf(out, "<%s", n ? (const char *)n->name : "?");
	if (n && (v = html_attr(n, "id")) && *v)
		strbuf_addf(out, " id=\"%.60s\"", v);
	if (n && (v = html_attr(n, "class")) && *v)
		strbuf_addf(out, " class=\"%.60s\"", v);
	strbuf_addch(out, '>');
}

static json_t *
removed_entry(const struct page *p, const struct xblock *b)
{
	json_t *e = json_object();
	struct strbuf r = STRBUF_INIT;

	json_object_set_new(e, "line", json_integer(b->line));
	json_object_set_new(e, "text", json_stringn(p->x.text.buf + b->start, b->end - b->start));
	strbuf_addstr(&r, b->reason);
	if (b->furniture >= 0) {
		strbuf_addstr(&r, ": inside ");
		describe(extract_node(&p->x, b->furniture), &r);
	}
	json_object_set_new(e, "reason", json_stringn(r.buf, r.len));
	strbuf_release(&r);
	return e;
}

/*
 * The article's h1: the first inside the content root, else the last
 * before it (a headline above the body's container), else the page's
 * only one.
 */
static const struct xblock *
article_h1(const struct page *p)
{
	const struct xblock *before = NULL, *any = NULL;
	size_t k, count = 0, first_kept = p->x.nb;

	for (k = 0; k < p->x.nb; k++)
		if (!p->x.b[k].reason) {
			first_kept = k;
			break;
		}
	for (k = 0; k < p->x.nb; k++) {
		const struct xblock *b = &p->x.b[k];
		if (!b->reason || strcmp(b->reason, "headline") != 0) {
			if (b->h1 && k < first_kept)
				before = b;
			if (b->h1)
				any = b, count++;
			continue;
		}
		return b;
	}
	return before ? before : count == 1 ? any : NULL;
}

int
page_read(struct page *p, const struct lexicon *lx, const char *lang, const char *html, size_t len,
	  json_t *removed)
{
	htmlDocPtr doc;
	const struct xblock *h1;
	char *h1text = NULL;
	size_t k;
	long words = 0, stops = 0;

	strbuf_reset(&p->body);
	p->nlines = 0;
	pagemeta_release(&p->meta);
	doc = html_parse(html, len);
	if (!doc)
		return -1;
	pagemeta_read(&p->meta, doc);
	extract_run(&p->x, doc, lx);
	for (k = 0; k < p->x.nb; k++) {
		const struct xblock *b = &p->x.b[k];
		if (b->reason) {
			if (removed)
				json_array_append_new(removed, removed_entry(p, b));
			continue;
		}
		if (p->body.len)
			strbuf_addch(&p->body, '\n');
		strbuf_add(&p->body, p->x.text.buf + b->start, b->end - b->start);
		add_line(p, b->line);
		words += b->words;
		stops += b->stops;
	}
	h1 = article_h1(p);
	if (h1)
		h1text = xstrndup(p->x.text.buf + h1->start, h1->end - h1->start);
	pagemeta_finish(&p->meta, h1text, p->body.buf ? p->body.buf : "", p->body.len,
			words >= 30 && stops * 5 >= words ? lang : NULL);
	free(h1text);
	xmlFreeDoc(doc);
	return 0;
}

int
page_has_prose(const struct page *p)
{
	size_t k;

	for (k = 0; k < p->x.nb; k++)
		if (!p->x.b[k].reason && p->x.b[k].value > 0)
			return 1;
	return 0;
}

void
page_release(struct page *p)
{
	extract_release(&p->x);
	pagemeta_release(&p->meta);
	strbuf_release(&p->body);
	free(p->lines);
	memset(p, 0, sizeof *p);
}
