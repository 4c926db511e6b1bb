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
	if (p->nlines == p->linecap) {
		p->linecap = p->linecap ? 2 * p->linecap : 64;
		p->lines = xreallocarray(p->lines, p->linecap, sizeof *p->lines);
	}
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

int
page_read(struct page *p, const struct lexicon *lx, const char *html, size_t len, json_t *removed)
{
	htmlDocPtr doc;
	size_t k;

	strbuf_reset(&p->body);
	p->nlines = 0;
	doc = html_parse(html, len);
	if (!doc)
		return -1;
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
	}
	xmlFreeDoc(doc);
	return 0;
}

void
page_release(struct page *p)
{
	extract_release(&p->x);
	strbuf_release(&p->body);
	free(p->lines);
	memset(p, 0, sizeof *p);
}
