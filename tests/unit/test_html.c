/*
 * test_html.c - unit tests of common/html.c: recognising a page, the
 * visible text of a tree (blocks, white space, hidden and invisible
 * elements, <pre>), fragments, and pages a parser must survive.
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "strbuf.h"
#include "unit.h"

static int
text_is(const char *html, const char *want)
{
	struct strbuf out = STRBUF_INIT;
	htmlDocPtr doc = html_parse(html, strlen(html));
	int ok;

	html_text((const xmlNode *)doc, &out);
	ok = strcmp(out.buf ? out.buf : "", want) == 0;
	if (!ok)
		fprintf(stderr, "got  [%s]\nwant [%s]\n", out.buf ? out.buf : "", want);
	strbuf_release(&out);
	xmlFreeDoc(doc);
	return ok;
}

static void
test_is_document(void)
{
	CHECK(html_is_document("<!DOCTYPE html><p>x", 19));
	CHECK(html_is_document("\xef\xbb\xbf \n<html lang=en>", 20));
	CHECK(html_is_document("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", 50));
	CHECK(html_is_document("<?xml version=\"1.0\"?><!-- c --><html>", 37));
	CHECK(html_is_document("<HTML>", 6));
	CHECK(!html_is_document("<htmlx>", 7));
	CHECK(!html_is_document("<p>not a document</p>", 21));
	CHECK(!html_is_document("The <html> tag starts a page.", 29));
	CHECK(!html_is_document("<!-- never closed <html>", 24));
	CHECK(!html_is_document("", 0));
}

static void
test_text(void)
{
	CHECK(text_is("<html><head><title>T</title><style>p{}</style></head>"
		      "<body><h1>Head</h1><p>One  <b>two</b>\n three.</p><p>Four &amp; five&nbsp;six.</p></body></html>",
		      "Head\nOne two three.\nFour & five\xc2\xa0six."));
	CHECK(text_is("<p>a<script>var x = '<p>';</script>b</p><noscript>no</noscript>", "ab"));
	CHECK(text_is("<div>A<div hidden>secret</div><span style=\"DISPLAY : None\">x</span>B</div>", "AB"));
	CHECK(text_is("<p>line<br>break</p><ul><li>one</li><li>two</li></ul>", "line\nbreak\none\ntwo"));
	CHECK(text_is("<pre>a  b\nc</pre><p>d</p>", "a b\nc\nd"));
	CHECK(text_is("<p>   </p><div><p></p></div>", ""));
	CHECK(text_is("<p>unclosed <b>bold <i>both</p><p>next", "unclosed bold both\nnext"));
}

static void
test_fragment(void)
{
	struct strbuf out = STRBUF_INIT;

	html_fragment_text("<p>First &lt;para&gt;.</p><p>Second</p>", 40, &out);
	CHECK(strcmp(out.buf, "First <para>. Second") == 0);
	html_fragment_text("plain &eacute; text", 19, &out);
	CHECK(strcmp(out.buf, "plain \xc3\xa9 text") == 0);
	html_fragment_text("", 0, &out);
	CHECK(out.len == 0);
	strbuf_release(&out);
}

static void
test_attr(void)
{
	const char *page = "<div id=a class=\"x y\" hidden><p data-k=''>t</p></div>";
	htmlDocPtr doc = html_parse(page, strlen(page));
	xmlNode *div = xmlDocGetRootElement(doc)->children->children, *p = div->children;

	CHECK(html_is(div, "div") && !html_is(div, "p"));
	CHECK(strcmp(html_attr(div, "id"), "a") == 0);
	CHECK(strcmp(html_attr(div, "class"), "x y") == 0);
	CHECK(html_attr(div, "hidden") && *html_attr(div, "hidden") == '\0');
	CHECK(html_attr(div, "style") == NULL);
	CHECK(html_is(p, "p") && html_attr(p, "data-k") && *html_attr(p, "data-k") == '\0');
	CHECK(html_attr(p->children, "id") == NULL); /* a text node has no attributes */
	xmlFreeDoc(doc);
}

/* Nesting deeper than libxml2's default limit (256) keeps the rest of the page. */
static void
test_deep_keeps_rest(void)
{
	struct strbuf page = STRBUF_INIT, out = STRBUF_INIT;
	htmlDocPtr doc;
	int i;

	strbuf_addstr(&page, "<html><body><p>before</p>");
	for (i = 0; i < 300; i++)
		strbuf_addstr(&page, "<div>");
	strbuf_addstr(&page, "deep");
	for (i = 0; i < 300; i++)
		strbuf_addstr(&page, "</div>");
	strbuf_addstr(&page, "<p>after</p></body></html>");
	doc = html_parse(page.buf, page.len);
	html_text((const xmlNode *)doc, &out);
	CHECK(strcmp(out.buf, "before\ndeep\nafter") == 0);
	xmlFreeDoc(doc);
	strbuf_release(&page);
	strbuf_release(&out);
}

/* Deep nesting and binary junk give a tree (or nothing), never a crash. */
static void
test_hostile(void)
{
	size_t depth = 100000, len = 0;
	char *page = malloc(depth * 5 + 64);
	struct strbuf out = STRBUF_INIT;
	htmlDocPtr doc;

	len += (size_t)sprintf(page, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		len += (size_t)sprintf(page + len, "<div>");
	len += (size_t)sprintf(page + len, "deep");
	doc = html_parse(page, len);
	CHECK(doc != NULL);
	html_text((const xmlNode *)doc, &out);
	xmlFreeDoc(doc);
	for (size_t i = 0; i < len; i++)
		page[i] = (char)(i * 131 + 7);
	doc = html_parse(page, len);
	strbuf_reset(&out);
	html_text((const xmlNode *)doc, &out);
	CHECK(1);
	xmlFreeDoc(doc);
	strbuf_release(&out);
	free(page);
}

int
main(void)
{
	test_is_document();
	test_text();
	test_fragment();
	test_attr();
	test_deep_keeps_rest();
	test_hostile();
	xmlCleanupParser();
	return unit_done();
}
