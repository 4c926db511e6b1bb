/* html.c - parsing and walking HTML with libxml2; see html.h. */
#include "html.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

static bool
name_in(const xmlChar *name, const char *const *names)
{
	if (!name)
		return false;
	for (; *names; names++)
		if (name[0] == (xmlChar)(*names)[0] && strcmp((const char *)name, *names) == 0)
			return true;
	return false;
}

/* Skip a UTF-8 BOM and ASCII white space from p. */
static const char *
skip_blank(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f'))
		p++;
	return p;
}

static bool
starts_with_ci(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && strncasecmp(p, word, n) == 0;
}

bool
html_is_document(const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	for (;;) {
		p = skip_blank(p, end);
		if (starts_with_ci(p, end, "<?xml") || starts_with_ci(p, end, "<!--")) {
			const char *close = starts_with_ci(p, end, "<?xml") ? "?>" : "-->";
			size_t n = strlen(close);
			const char *q = p + 4;
			while (q + n <= end && memcmp(q, close, n) != 0)
				q++;
			if (q + n > end)
				return false;
			p = q + n;
			continue;
		}
		break;
	}
	if (starts_with_ci(p, end, "<!doctype")) {
		p = skip_blank(p + 9, end);
		return starts_with_ci(p, end, "html");
	}
	if (starts_with_ci(p, end, "<html")) {
		p += 5;
		return p == end || *p == '>' || *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '/';
	}
	return false;
}

htmlDocPtr
html_parse(const char *html, size_t len)
{
	/* XML_PARSE_HUGE lifts the depth limit (256), past which libxml2 stops and drops the rest of the page. */
	const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			 HTML_PARSE_COMPACT | XML_PARSE_HUGE;

	if (len == 0 || len > INT_MAX)
		return NULL;
	return htmlReadMemory(html, (int)len, NULL, "UTF-8", opts);
}

const char *
html_attr(const xmlNode *el, const char *name)
{
	const xmlAttr *a;

	if (el->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = el->properties; a; a = a->next) {
		if (a->name[0] != (xmlChar)name[0] || strcmp((const char *)a->name, name) != 0)
			continue;
		/* The HTML parser stores a value as one text node (none when it is empty). */
		if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

bool
html_is(const xmlNode *el, const char *name)
{
	return el->type == XML_ELEMENT_NODE && el->name && strcmp((const char *)el->name, name) == 0;
}

/*
 * Does the CSS text s hold the declaration pat ("display:none")?  Spaces
 * and case are ignored, so "DISPLAY : None" is the same rule.
 */
static bool
css_has(const char *s, const char *pat)
{
	for (; *s; s++) {
		const char *a = s, *b = pat;
		while (*a && *b) {
			char c = *a;
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				a++;
				continue;
			}
			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != *b)
				break;
			a++;
			b++;
		}
		if (!*b)
			return true;
	}
	return false;
}

/* Is the element hidden from a reader by its attributes? */
static bool
hidden_by_attribute(const xmlNode *el)
{
	const char *style;

	if (html_attr(el, "hidden"))
		return true;
	style = html_attr(el, "style");
	return style && (css_has(style, "display:none") || css_has(style, "visibility:hidden"));
}

bool
html_is_invisible(const xmlNode *el)
{
	static const char *const invisible[] = {
		"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
		"canvas", "audio", "video", "map", "datalist", NULL,
	};

	if (el->type != XML_ELEMENT_NODE)
		return false;
	return name_in(el->name, invisible) || hidden_by_attribute(el);
}

bool
html_is_block(const xmlNode *el)
{
	static const char *const blocks[] = {
		"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
		"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
		"h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
		"nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
		"thead", "title", "tr", "ul", NULL,
	};

	return el->type == XML_ELEMENT_NODE && name_in(el->name, blocks);
}

/* The state of a text walk: where the output stands. */
struct text_out {
	struct strbuf *out;
	bool line_start;    /* nothing written on the current line yet */
	bool space_pending; /* white space seen since the last character */
	int in_pre;         /* depth of <pre> elements: keep their line breaks */
	const char *join;   /* what ends a line: "\n", or " " for one line */
};

static void
end_line(struct text_out *t)
{
	if (!t->line_start) {
		strbuf_addstr(t->out, t->join);
		t->line_start = true;
	}
	t->space_pending = false;
}

static void
add_text(struct text_out *t, const char *s)
{
	for (; *s; s++) {
		char c = *s;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
			if (c == '\n' && t->in_pre)
				end_line(t);
			else
				t->space_pending = true;
			continue;
		}
		if (t->space_pending && !t->line_start)
			strbuf_addch(t->out, ' ');
		strbuf_addch(t->out, c);
		t->line_start = false;
		t->space_pending = false;
	}
}

static bool
is_pre(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, "pre") == 0;
}

/* Leaving an element (its children done or skipped). */
static void
leave(struct text_out *t, const xmlNode *n)
{
	if (is_pre(n))
		t->in_pre--;
	if (html_is_block(n))
		end_line(t);
}

static void
walk_text(const xmlNode *root, struct text_out *t)
{
	const xmlNode *n = root;

	while (n) {
		bool descend = false;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				add_text(t, (const char *)n->content);
		} else if ((n->type == XML_ELEMENT_NODE && !html_is_invisible(n)) || n->type == XML_DOCUMENT_NODE ||
			   n->type == XML_HTML_DOCUMENT_NODE) {
			if (html_is_block(n))
				end_line(t);
			if (is_pre(n))
				t->in_pre++;
			descend = n->children != NULL;
			if (!descend && n->type == XML_ELEMENT_NODE)
				leave(t, n);
		}
		if (descend) {
			n = n->children;
			continue;
		}
		/* Next sibling, or climb, leaving each finished element. */
		while (n != root && !n->next) {
			n = n->parent;
			if (n->type == XML_ELEMENT_NODE)
				leave(t, n);
		}
		if (n == root)
			break;
		n = n->next;
	}
}

static void
text_into(const xmlNode *node, struct strbuf *out, const char *join)
{
	struct text_out t = { out, true, false, 0, join };
	size_t keep;

	t.line_start = out->len == 0 || out->buf[out->len - 1] == '\n';
	keep = out->len;
	walk_text(node, &t);
	/* No line end at the end of out, but never eat into what was there. */
	while (out->len > keep && (out->buf[out->len - 1] == '\n' || out->buf[out->len - 1] == ' '))
		out->buf[--out->len] = '\0';
}

void
html_text(const xmlNode *node, struct strbuf *out)
{
	if (node)
		text_into(node, out, "\n");
}

void
html_fragment_text(const char *html, size_t len, struct strbuf *out)
{
	htmlDocPtr doc;

	strbuf_reset(out);
	doc = html_parse(html, len);
	if (!doc)
		return;
	text_into((const xmlNode *)doc, out, " ");
	xmlFreeDoc(doc);
}
