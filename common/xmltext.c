/* xmltext.c - text and HTML out of XML subtrees; see xmltext.h. */
#include "xmltext.h"

#include <string.h>
#include <strings.h>

/*
 * Visit el's descendants in document order: enter() before a node's
 * children (false skips them), leave() after them.  Entity reference
 * nodes are visited but never entered.
 */
static void
walk(const xmlNode *el, bool (*enter)(void *, const xmlNode *), void (*leave)(void *, const xmlNode *), void *ctx)
{
	const xmlNode *n = el->children;

	while (n) {
		bool down = enter(ctx, n) && n->type == XML_ELEMENT_NODE && n->children;
		if (down) {
			n = n->children;
			continue;
		}
		if (leave)
			leave(ctx, n);
		while (!n->next) {
			n = n->parent;
			if (!n || n == el)
				return;
			if (leave)
				leave(ctx, n);
		}
		n = n->next;
	}
}

static bool
enter_text(void *ctx, const xmlNode *n)
{
	if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
		strbuf_addstr(ctx, (const char *)n->content);
	return true;
}

void
xml_text(const xmlNode *el, struct strbuf *out)
{
	walk(el, enter_text, NULL, out);
}

bool
xml_has_element_child(const xmlNode *el)
{
	const xmlNode *n;

	for (n = el->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

static void
add_escaped(struct strbuf *out, const char *s, bool attribute)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			strbuf_addstr(out, "&amp;");
			break;
		case '<':
			strbuf_addstr(out, "&lt;");
			break;
		case '>':
			strbuf_addstr(out, "&gt;");
			break;
		case '"':
			if (attribute) {
				strbuf_addstr(out, "&quot;");
				break;
			}
			/* fall through */
		default:
			strbuf_addch(out, *s);
		}
	}
}

static bool
is_void_element(const xmlChar *name)
{
	static const char *const voids[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
		"track", "wbr", NULL,
	};
	const char *const *v;

	for (v = voids; *v; v++)
		if (strcasecmp((const char *)name, *v) == 0)
			return true;
	return false;
}

static bool
enter_html(void *ctx, const xmlNode *n)
{
	struct strbuf *out = ctx;
	const xmlAttr *a;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			add_escaped(out, (const char *)n->content, false);
		return false;
	case XML_ELEMENT_NODE:
		strbuf_addch(out, '<');
		strbuf_addstr(out, (const char *)n->name);
		for (a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
			strbuf_addch(out, ' ');
			if (a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0)
				strbuf_addstr(out, "xml:");
			strbuf_addstr(out, (const char *)a->name);
			strbuf_addstr(out, "=\"");
			if (v)
				add_escaped(out, (const char *)v, true);
			strbuf_addch(out, '"');
			xmlFree(v);
		}
		strbuf_addch(out, '>');
		return true;
	default:
		return false;
	}
}

static void
leave_html(void *ctx, const xmlNode *n)
{
	struct strbuf *out = ctx;

	if (n->type != XML_ELEMENT_NODE || is_void_element(n->name))
		return;
	strbuf_addstr(out, "</");
	strbuf_addstr(out, (const char *)n->name);
	strbuf_addch(out, '>');
}

void
xml_children_html(const xmlNode *el, struct strbuf *out)
{
	walk(el, enter_html, leave_html, out);
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void
text_collapse_space(struct strbuf *sb)
{
	size_t i, j = 0;
	bool pending = false;

	for (i = 0; i < sb->len; i++) {
		if (is_space(sb->buf[i])) {
			pending = j > 0;
			continue;
		}
		if (sb->buf[i] == '\xc2' && i + 1 < sb->len && sb->buf[i + 1] == '\xa0') { /* no-break space */
			pending = j > 0;
			i++;
			continue;
		}
		if (pending)
			sb->buf[j++] = ' ';
		pending = false;
		sb->buf[j++] = sb->buf[i];
	}
	sb->len = j;
	if (sb->buf)
		sb->buf[j] = '\0';
}

void
text_trim(struct strbuf *sb)
{
	size_t start = 0;

	while (sb->len > 0 && is_space(sb->buf[sb->len - 1]))
		sb->len--;
	while (start < sb->len && is_space(sb->buf[start]))
		start++;
	if (start)
		memmove(sb->buf, sb->buf + start, sb->len - start);
	sb->len -= start;
	if (sb->buf)
		sb->buf[sb->len] = '\0';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

bool
text_looks_like_html(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i++) {
		if (s[i] == '<') {
			size_t j = i + 1;
			if (s[j] == '/' || s[j] == '!')
				j++;
			if (j < len && is_alpha(s[j]) && memchr(s + j, '>', len - j))
				return true;
		} else if (s[i] == '&') {
			size_t j = i + 1;
			if (s[j] == '#') {
				j++;
				if (j < len && (s[j] == 'x' || s[j] == 'X'))
					j++;
			}
			if (j >= len || !is_alnum(s[j]))
				continue;
			while (j < len && is_alnum(s[j]) && j - i < 40)
				j++;
			if (j < len && s[j] == ';')
				return true;
		}
	}
	return false;
}

static int
base64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

bool
base64_decode(const char *s, size_t len, struct strbuf *out)
{
	unsigned acc = 0;
	int bits = 0;
	size_t i;
	bool padding = false;

	strbuf_reset(out);
	for (i = 0; i < len; i++) {
		int v;
		if (is_space(s[i]))
			continue;
		if (s[i] == '=') {
			padding = true;
			continue;
		}
		v = base64_value(s[i]);
		if (v < 0 || padding) {
			strbuf_reset(out);
			return false;
		}
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			strbuf_addch(out, (int)((acc >> bits) & 0xff));
		}
	}
	return true;
}
