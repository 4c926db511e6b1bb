/* feeditem.c - item and feed fields from feed elements; see feeditem.h. */
#include "feeditem.h"

#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "hash.h"
#include "html.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"
#include "xmltext.h"

/* Namespaces by what they mean to a feed reader. */
enum ns { NS_CORE, NS_ATOM, NS_DC, NS_DCTERMS, NS_CONTENT, NS_ITUNES, NS_XHTML, NS_RDF, NS_FEEDBURNER, NS_MEDIA, NS_OTHER };

static const struct {
	const char *uri;
	enum ns ns;
} namespaces[] = {
	{ "http://purl.org/rss/1.0", NS_CORE },
	{ "http://my.netscape.com/rdf/simple/0.9", NS_CORE },
	{ "http://backend.userland.com/rss2", NS_CORE },
	{ "http://backend.userland.com/rss", NS_CORE },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_CORE },
	{ "http://purl.org/net/rss1.1#", NS_CORE },
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM },
	{ "http://purl.org/dc/elements/1.1", NS_DC },
	{ "http://purl.org/dc/elements/1.0", NS_DC },
	{ "http://purl.org/dc/terms", NS_DCTERMS },
	{ "http://purl.org/rss/1.0/modules/content", NS_CONTENT },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://rssnamespace.org/feedburner/ext/1.0", NS_FEEDBURNER },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
};

static enum ns
ns_of_uri(const xmlChar *href)
{
	const char *uri;
	size_t len, k;

	if (!href || !href[0])
		return NS_CORE;
	uri = (const char *)href;
	len = strlen(uri);
	if (len > 0 && uri[len - 1] == '/')
		len--;
	for (k = 0; k < sizeof namespaces / sizeof namespaces[0]; k++)
		if (strlen(namespaces[k].uri) == len && strncasecmp(namespaces[k].uri, uri, len) == 0)
			return namespaces[k].ns;
	return NS_OTHER;
}

/*
 * What an element's namespace means.  URIs are compared without case and
 * without a trailing '/' (feeds vary in both).  A namespace no one knows
 * means what the root's means when the root is in it: <feed version="0.3"
 * xmlns="http://example.com/newformat#"> is still Atom.
 */
static enum ns
ns_of(const xmlNode *n)
{
	enum ns ns = ns_of_uri(n->ns ? n->ns->href : NULL);
	const xmlNode *root;

	if (ns != NS_OTHER || !n->doc)
		return ns;
	root = xmlDocGetRootElement(n->doc);
	if (root && root != n && root->ns && root->ns->href && xmlStrEqual(root->ns->href, n->ns->href)) {
		if (strcmp((const char *)root->name, "feed") == 0)
			return NS_ATOM;
		if (strcasecmp((const char *)root->name, "rss") == 0)
			return NS_CORE;
	}
	return ns;
}

static bool
is(const xmlNode *n, enum ns ns, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0 && ns_of(n) == ns;
}

/* An attribute in no namespace by name, without case; malloc'd or NULL. */
static char *
attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0 && !a->ns) {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
			char *s = v ? xstrdup((const char *)v) : NULL;
			xmlFree(v);
			return s;
		}
	return NULL;
}

/* rdf:about, the resource an RDF element describes. */
static char *
rdf_about(const xmlNode *n)
{
	xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"about", (const xmlChar *)"http://www.w3.org/1999/02/22-rdf-syntax-ns#");
	char *s = v ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

enum feed_root
feeditem_root(const xmlNode *el)
{
	enum ns ns = ns_of(el);

	if (strcasecmp((const char *)el->name, "rss") == 0 && ns == NS_CORE)
		return FEED_ROOT_RSS;
	if (strcmp((const char *)el->name, "RDF") == 0 && ns == NS_RDF)
		return FEED_ROOT_RDF;
	if (strcmp((const char *)el->name, "feed") == 0 && (ns == NS_ATOM || ns == NS_CORE || ns == NS_OTHER))
		return FEED_ROOT_ATOM; /* an unknown namespace: Atom under another name */
	if (strcmp((const char *)el->name, "entry") == 0 && ns == NS_ATOM)
		return FEED_ROOT_ENTRY;
	if (strcasecmp((const char *)el->name, "channel") == 0 && ns == NS_CORE)
		return FEED_ROOT_CDF;
	return FEED_ROOT_NONE;
}

bool
feeditem_is_item(const xmlNode *el)
{
	enum ns ns;

	if (el->type != XML_ELEMENT_NODE)
		return false;
	ns = ns_of(el);
	if (strcasecmp((const char *)el->name, "item") == 0)
		return ns == NS_CORE;
	return strcmp((const char *)el->name, "entry") == 0 && (ns == NS_ATOM || ns == NS_CORE);
}

const xmlNode *
feeditem_feed_element(const xmlNode *root, enum feed_root kind)
{
	const xmlNode *n;

	if (!root || kind == FEED_ROOT_ENTRY || kind == FEED_ROOT_NONE)
		return NULL;
	if (kind == FEED_ROOT_RSS || kind == FEED_ROOT_RDF)
		for (n = root->children; n; n = n->next)
			if (is(n, NS_CORE, "channel"))
				return n;
	return root;
}

/* --- text constructs (title, summary, content) ------------------------ */

enum kind { K_TEXT, K_HTML, K_XHTML, K_GUESS, K_NONE };

static bool
eq(const char *a, const char *b)
{
	return a && strcasecmp(a, b) == 0;
}

/*
 * How to read a text construct: Atom's type (text, html, xhtml, or a MIME
 * type) and Atom 0.3's mode (xml, escaped, base64); RSS says nothing, so
 * its content is guessed.  Base64 content is decoded into *decoded.
 */
static enum kind
construct_kind(const xmlNode *el, struct strbuf *decoded, bool *is_decoded)
{
	char *type = attr(el, "type"), *mode = attr(el, "mode");
	bool atom = ns_of(el) == NS_ATOM;
	enum kind k;

	*is_decoded = false;
	if (type)
		for (char *p = type; *p; p++)
			if (*p == ';') /* "text/html; charset=..." */
				*p = '\0';
	if (!type)
		k = atom ? K_TEXT : K_GUESS;
	else if (eq(type, "text") || eq(type, "text/plain"))
		k = K_TEXT;
	else if (eq(type, "html") || eq(type, "text/html"))
		k = K_HTML;
	else if (eq(type, "xhtml") || eq(type, "application/xhtml+xml"))
		k = eq(mode, "escaped") ? K_HTML : K_XHTML;
	else if (strncasecmp(type, "text/", 5) == 0)
		k = K_TEXT;
	else if (strchr(type, '/') && atom && !strstr(type, "xml"))
		k = K_NONE; /* Atom: another media type is base64 (below) */
	else
		k = K_GUESS;
	if (eq(mode, "base64") || (atom && k == K_NONE)) {
		struct strbuf raw = STRBUF_INIT;
		xml_text(el, &raw);
		if (base64_decode(raw.buf ? raw.buf : "", raw.len, decoded) && utf8_valid(decoded->buf ? decoded->buf : "", decoded->len) &&
		    !memchr(decoded->buf ? decoded->buf : "", '\0', decoded->len)) {
			*is_decoded = true;
			if (k == K_NONE || k == K_XHTML)
				k = type && strstr(type, "html") ? K_HTML : K_TEXT;
		} else {
			k = K_NONE;
		}
		strbuf_release(&raw);
	} else if ((k == K_TEXT || k == K_HTML) && xml_has_element_child(el)) {
		/* Markup written inline where text was announced (Atom 0.3 mode="xml"). */
		k = K_XHTML;
	}
	free(type);
	free(mode);
	return k;
}

/* The value of a text construct as one line of plain text, into out (replaced). */
static void
construct_plain(const xmlNode *el, struct strbuf *out)
{
	struct strbuf raw = STRBUF_INIT;
	bool decoded;
	enum kind k = construct_kind(el, &raw, &decoded);

	strbuf_reset(out);
	if (!decoded && k != K_XHTML && k != K_NONE)
		xml_text(el, &raw);
	if (k == K_GUESS)
		k = xml_has_element_child(el) ? K_XHTML : text_looks_like_html(raw.buf ? raw.buf : "", raw.len) ? K_HTML : K_TEXT;
	switch (k) {
	case K_TEXT:
		strbuf_add(out, raw.buf ? raw.buf : "", raw.len);
		break;
	case K_HTML:
		html_fragment_text(raw.buf ? raw.buf : "", raw.len, out);
		break;
	case K_XHTML:
		html_text(el, out);
		break;
	case K_GUESS:
	case K_NONE:
		break;
	}
	text_collapse_space(out);
	strbuf_release(&raw);
}

/* The XHTML wrapper Atom puts around xhtml content, if el has just that. */
static const xmlNode *
xhtml_div(const xmlNode *el)
{
	const xmlNode *n, *div = NULL;

	for (n = el->children; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			if (div || !is(n, NS_XHTML, "div"))
				return NULL;
			div = n;
		} else if (n->type == XML_TEXT_NODE) {
			for (const xmlChar *c = n->content; c && *c; c++)
				if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
					return NULL;
		}
	}
	return div;
}

/* The value of a body construct into out (replaced): true when it is HTML, false for plain text. */
static bool
construct_body(const xmlNode *el, struct strbuf *out)
{
	bool decoded, html = false;
	enum kind k = construct_kind(el, out, &decoded);

	if (!decoded) {
		strbuf_reset(out);
		if (k != K_XHTML && k != K_NONE)
			xml_text(el, out);
	}
	if (k == K_GUESS)
		k = xml_has_element_child(el) ? K_XHTML : text_looks_like_html(out->buf ? out->buf : "", out->len) ? K_HTML : K_TEXT;
	switch (k) {
	case K_HTML:
		html = true;
		break;
	case K_XHTML: {
		const xmlNode *div = xhtml_div(el);
		strbuf_reset(out);
		xml_children_html(div ? div : el, out);
		html = true;
		break;
	}
	case K_NONE:
		strbuf_reset(out);
		break;
	default:
		break;
	}
	text_trim(out);
	return html;
}

/* --- links, people, dates ------------------------------------------- */

/*
 * An IRI as a URI libxml2 can parse: bytes beyond ASCII as "%xx" in lower
 * case (escapes in feeds are upper case), undone by iri_unescape().
 */
static void
iri_escape(const char *s, struct strbuf *out)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			strbuf_addf(out, "%%%02x", (unsigned char)*s);
		else
			strbuf_addch(out, *s);
}

static int
hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static char *
iri_unescape(const char *s)
{
	struct strbuf out = STRBUF_INIT;

	for (; *s; s++) {
		int hi, lo;
		if (s[0] == '%' && (hi = hex_digit(s[1])) >= 8 && (lo = hex_digit(s[2])) >= 0) {
			strbuf_addch(&out, hi * 16 + lo);
			s += 2;
		} else {
			strbuf_addch(&out, *s);
		}
	}
	return strbuf_detach(&out, NULL);
}

/* href resolved against el's base (xml:base up the tree, then the document URL); malloc'd. */
static char *
resolve(const xmlNode *el, const char *href)
{
	struct strbuf h = STRBUF_INIT, eh = STRBUF_INIT, eb = STRBUF_INIT;
	xmlChar *base, *abs = NULL;
	char *s;

	strbuf_addstr(&h, href);
	text_trim(&h);
	base = xmlNodeGetBase(el->doc, el);
	if (base) {
		iri_escape(h.buf ? h.buf : "", &eh);
		iri_escape((const char *)base, &eb);
		abs = xmlBuildURI((const xmlChar *)(eh.buf ? eh.buf : ""), (const xmlChar *)(eb.buf ? eb.buf : ""));
	}
	s = abs ? iri_unescape((const char *)abs) : xstrdup(h.buf ? h.buf : "");
	xmlFree(abs);
	xmlFree(base);
	strbuf_release(&h);
	strbuf_release(&eh);
	strbuf_release(&eb);
	return s;
}

/* The trimmed text of el, malloc'd (never NULL). */
static char *
trimmed_text(const xmlNode *el)
{
	struct strbuf sb = STRBUF_INIT;

	xml_text(el, &sb);
	text_collapse_space(&sb);
	return strbuf_detach(&sb, NULL);
}

/*
 * A person's name from an RSS author or managingEditor or a DC creator:
 * "jo@x.org (Jo Bloggs)", "Jo Bloggs (jo@x.org)" and "Jo Bloggs
 * <jo@x.org>" give "Jo Bloggs"; a bare address stays as it is.
 */
static char *
person_name(const char *s)
{
	const char *open = strchr(s, '('), *close = open ? strrchr(s, ')') : NULL, *lt = strchr(s, '<');
	struct strbuf sb = STRBUF_INIT;

	if (open && close && close > open + 1) {
		/* The part without an '@' is the name. */
		bool inside_mail = memchr(open, '@', (size_t)(close - open)) != NULL;
		if (inside_mail)
			strbuf_add(&sb, s, (size_t)(open - s));
		else
			strbuf_add(&sb, open + 1, (size_t)(close - open - 1));
	} else if (lt && lt > s && strchr(lt, '@')) {
		strbuf_add(&sb, s, (size_t)(lt - s));
	} else {
		strbuf_addstr(&sb, s);
	}
	text_collapse_space(&sb);
	if (sb.len == 0)
		strbuf_addstr(&sb, s);
	return strbuf_detach(&sb, NULL);
}

/* An Atom person construct: its name, else its email. */
static char *
atom_person(const xmlNode *el)
{
	const xmlNode *n, *name = NULL, *email = NULL;

	for (n = el->children; n; n = n->next) {
		if (is(n, NS_ATOM, "name"))
			name = name ? name : n;
		else if (is(n, NS_ATOM, "email"))
			email = email ? email : n;
	}
	if (name)
		return trimmed_text(name);
	if (email)
		return trimmed_text(email);
	return trimmed_text(el);
}

/* Date elements and how much each is preferred for published / updated (lower is better; -1 never). */
struct date_rank {
	int published, updated;
};

static struct date_rank
date_rank(const xmlNode *n)
{
	struct date_rank r = { -1, -1 };
	enum ns ns = ns_of(n);
	const char *name = (const char *)n->name;

	if (n->type != XML_ELEMENT_NODE)
		return r;
	if (ns == NS_CORE && strcasecmp(name, "pubDate") == 0)
		r.published = 0;
	else if (ns == NS_ATOM && strcmp(name, "published") == 0)
		r.published = 0;
	else if (ns == NS_ATOM && strcmp(name, "issued") == 0)
		r.published = 1;
	else if (ns == NS_DCTERMS && strcmp(name, "issued") == 0)
		r.published = 1;
	else if ((ns == NS_DCTERMS || ns == NS_ATOM) && strcmp(name, "created") == 0)
		r.published = 2;
	else if (ns == NS_ATOM && (strcmp(name, "updated") == 0 || strcmp(name, "modified") == 0))
		r.updated = 0;
	else if (ns == NS_CORE && strcasecmp(name, "lastBuildDate") == 0)
		r.updated = 0;
	else if (ns == NS_DCTERMS && strcmp(name, "modified") == 0)
		r.updated = 1;
	else if (ns == NS_DC && strcmp(name, "date") == 0)
		r.published = r.updated = 3; /* Dublin Core's date: the item's only date, as either */
	return r;
}

/* A date field: the best-ranked candidate that parses. */
struct best_date {
	int rank;
	char iso[DATE_ISO_MAX];
};

static void
consider_date(struct best_date *b, int rank, const char *text, unsigned long *bad_dates)
{
	char iso[DATE_ISO_MAX];

	/* Of two dates of the same kind, the later element wins (as in feedparser). */
	if (rank < 0 || (b->iso[0] && rank > b->rank))
		return;
	if (date_iso_utc(text, strlen(text), iso) == 0) {
		if (text[0])
			(*bad_dates)++;
		return;
	}
	b->rank = rank;
	memcpy(b->iso, iso, sizeof iso);
}

/* --- the fields of an item or a feed ---------------------------------- */

/* The best element for a field so far. */
struct best {
	const xmlNode *el;
	int rank;
};

static void
consider(struct best *b, const xmlNode *el, int rank)
{
	if (!b->el || rank < b->rank) {
		b->el = el;
		b->rank = rank;
	}
}

struct fields {
	struct best title, summary, body, id;
	struct best_date published, updated;
	char *href;          /* a link given as an attribute (Atom, CDF), resolved */
	int href_rank;
	char *id_attr;       /* rdf:about */
	json_t *authors, *extra_authors, *categories, *enclosures;
	json_t *seen;        /* what add_unique() and add_enclosure() added: a tag letter and the string */
};

/*
 * Append s to array (one of f's) unless it is there already: looked up
 * in f->seen, not by a walk of the array (an item of 50,000 categories
 * took 25 s, one of a million would take hours).
 */
static void
add_unique(struct fields *f, json_t *array, const char *s)
{
	struct strbuf key = STRBUF_INIT;

	if (!s || !*s || !utf8_valid(s, strlen(s)))
		return;
	strbuf_addch(&key, array == f->categories ? 'c' : array == f->authors ? 'a' : 'x');
	strbuf_addstr(&key, s);
	if (!json_object_get(f->seen, key.buf)) {
		json_object_set_new(f->seen, key.buf, json_true());
		json_array_append_new(array, json_string(s));
	}
	strbuf_release(&key);
}

static void
set_href(struct fields *f, const xmlNode *el, const char *href, int rank)
{
	if (!href || (f->href && rank >= f->href_rank))
		return;
	free(f->href);
	f->href = resolve(el, href);
	f->href_rank = rank;
}

/*
 * An enclosure (url resolved against el's base; type and a length in
 * bytes when given), unless one with the same URL is there already (RSS
 * and Media RSS name the same file twice).
 */
static void
add_enclosure(struct fields *f, const xmlNode *el, const char *href, const char *type, const char *len)
{
	char *url = resolve(el, href);
	struct strbuf key = STRBUF_INIT;
	json_t *e;
	bool seen;

	if (!*url || !utf8_valid(url, strlen(url))) {
		free(url);
		return;
	}
	/* One per URL, found in f->seen as add_unique() finds its strings. */
	strbuf_addch(&key, 'e');
	strbuf_addstr(&key, url);
	seen = json_object_get(f->seen, key.buf) != NULL;
	if (!seen)
		json_object_set_new(f->seen, key.buf, json_true());
	strbuf_release(&key);
	if (seen) {
		free(url);
		return;
	}
	e = json_object();
	json_object_set_new(e, "url", json_string(url));
	if (type && *type && utf8_valid(type, strlen(type)))
		json_object_set_new(e, "type", json_string(type));
	if (len) {
		char *end;
		long long v = strtoll(len, &end, 10);
		if (end != len && *end == '\0' && v >= 0)
			json_object_set_new(e, "length", json_integer(v));
	}
	json_array_append_new(f->enclosures, e);
	free(url);
}

/*
 * An Atom link: the alternate page (rel missing or "alternate"), or an
 * enclosure; a feed with no page of its own is known by its self link.
 */
static void
atom_link(struct fields *f, const xmlNode *n, bool feed)
{
	char *rel = attr(n, "rel"), *href = attr(n, "href"), *type = attr(n, "type"), *len = attr(n, "length");

	if (href && (!rel || eq(rel, "alternate")))
		set_href(f, n, href, type && !strstr(type, "html") ? 1 : 0);
	else if (href && feed && eq(rel, "self"))
		set_href(f, n, href, 3);
	else if (href && eq(rel, "enclosure"))
		add_enclosure(f, n, href, type, len);
	free(rel);
	free(href);
	free(type);
	free(len);
}

/* An RSS enclosure, or a Media RSS media:content (its size in fileSize). */
static void
rss_enclosure(struct fields *f, const xmlNode *n)
{
	char *url = attr(n, "url"), *type = attr(n, "type"), *len = attr(n, "length");

	if (!len)
		len = attr(n, "fileSize");
	if (url)
		add_enclosure(f, n, url, type, len);
	free(url);
	free(type);
	free(len);
}

static void
category(struct fields *f, const xmlNode *n, bool atom)
{
	char *s = NULL;

	if (atom) {
		s = attr(n, "label");
		if (!s || !*s) {
			free(s);
			s = attr(n, "term");
		}
		if (s) {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addstr(&sb, s);
			text_collapse_space(&sb);
			free(s);
			s = strbuf_detach(&sb, NULL);
		}
	} else {
		s = trimmed_text(n);
	}
	add_unique(f, f->categories, s);
	free(s);
}

/* Media RSS: a title, a description, a file; media:group holds them too (YouTube). */
static void
media_element(struct fields *f, const xmlNode *n, bool feed)
{
	const char *name = (const char *)n->name;
	const xmlNode *c;

	if (strcmp(name, "title") == 0)
		consider(&f->title, n, 2);
	else if (strcmp(name, "description") == 0)
		consider(&f->summary, n, 4);
	else if (strcmp(name, "content") == 0 && !feed)
		rss_enclosure(f, n);
	else if (strcmp(name, "group") == 0)
		for (c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && ns_of(c) == NS_MEDIA && strcmp((const char *)c->name, "group") != 0)
				media_element(f, c, feed);
}

/* An element of RSS (no namespace) or Atom: the field it gives, if any. */
static void
core_field(struct fields *f, const xmlNode *n, enum ns ns, const char *name, bool feed)
{
	char *s;

	if (strcasecmp(name, "title") == 0)
		consider(&f->title, n, 0);
	else if (strcasecmp(name, "description") == 0 || strcasecmp(name, "abstract") == 0 ||
		 (ns == NS_ATOM && (strcmp(name, "summary") == 0 || strcmp(name, "subtitle") == 0 ||
				    strcmp(name, "tagline") == 0)))
		consider(&f->summary, n, 0);
	else if (ns == NS_ATOM && strcmp(name, "content") == 0 && !feed)
		consider(&f->body, n, 0);
	else if (ns == NS_CORE && strcasecmp(name, "link") == 0 && !xml_has_element_child(n)) {
		char *t = trimmed_text(n);
		set_href(f, n, t, 0);
		free(t);
	} else if (ns == NS_ATOM && strcmp(name, "link") == 0)
		atom_link(f, n, feed);
	else if (ns == NS_CORE && !feed && (strcasecmp(name, "body") == 0 || strcasecmp(name, "fullitem") == 0))
		consider(&f->body, n, 2); /* an XHTML body or fullitem without its namespace */
	else if (ns == NS_ATOM && strcmp(name, "id") == 0)
		consider(&f->id, n, 0);
	else if (ns == NS_CORE && strcasecmp(name, "guid") == 0)
		consider(&f->id, n, 0);
	else if (ns == NS_ATOM && strcmp(name, "author") == 0) {
		s = atom_person(n);
		add_unique(f, f->authors, s);
		free(s);
	} else if (ns == NS_CORE && (strcasecmp(name, "author") == 0 ||
				     (feed && strcasecmp(name, "managingEditor") == 0))) {
		char *t = trimmed_text(n);
		s = person_name(t);
		add_unique(f, f->authors, s);
		free(s);
		free(t);
	} else if (strcasecmp(name, "category") == 0)
		category(f, n, ns == NS_ATOM);
	else if (ns == NS_CORE && strcasecmp(name, "enclosure") == 0 && !feed)
		rss_enclosure(f, n);
}

/* A Dublin Core element. */
static void
dc_field(struct fields *f, const xmlNode *n, const char *name)
{
	char *s;

	if (strcmp(name, "title") == 0)
		consider(&f->title, n, 1);
	else if (strcmp(name, "description") == 0)
		consider(&f->summary, n, 1);
	else if (strcmp(name, "creator") == 0 || strcmp(name, "author") == 0) {
		char *t = trimmed_text(n);
		s = person_name(t);
		add_unique(f, f->authors, s);
		free(s);
		free(t);
	} else if (strcmp(name, "subject") == 0)
		category(f, n, false);
	else if (strcmp(name, "identifier") == 0)
		consider(&f->id, n, 1);
}

/* Read the children of an item or a feed element. */
static void
read_fields(const xmlNode *el, struct fields *f, bool feed, unsigned long *bad_dates)
{
	const xmlNode *n;
	char *s;

	f->published.rank = f->updated.rank = 99;
	f->authors = json_array();
	f->extra_authors = json_array();
	f->categories = json_array();
	f->enclosures = json_array();
	f->seen = json_object();
	/* CDF puts the link and the date in attributes. */
	if ((s = attr(el, "href")) != NULL) {
		set_href(f, el, s, 2);
		free(s);
	}
	if ((s = attr(el, "lastmod")) != NULL) {
		consider_date(&f->updated, 1, s, bad_dates);
		free(s);
	}
	f->id_attr = rdf_about(el);

	for (n = el->children; n; n = n->next) {
		enum ns ns;
		const char *name;
		struct date_rank dr;

		if (n->type != XML_ELEMENT_NODE || feeditem_is_item(n))
			continue;
		ns = ns_of(n);
		name = (const char *)n->name;
		dr = date_rank(n);
		if (dr.published >= 0 || dr.updated >= 0) {
			char *t = trimmed_text(n);
			consider_date(&f->published, dr.published, t, bad_dates);
			consider_date(&f->updated, dr.updated, t, bad_dates);
			free(t);
			continue;
		}
		if (ns == NS_CORE || ns == NS_ATOM) {
			core_field(f, n, ns, name, feed);
		} else if (ns == NS_DC) {
			dc_field(f, n, name);
		} else if (ns == NS_CONTENT && strcmp(name, "encoded") == 0 && !feed) {
			consider(&f->body, n, 0);
		} else if (ns == NS_XHTML && strcmp(name, "body") == 0 && !feed) {
			consider(&f->body, n, 1);
		} else if (ns == NS_ITUNES) {
			if (strcmp(name, "summary") == 0)
				consider(&f->summary, n, 2);
			else if (strcmp(name, "subtitle") == 0)
				consider(&f->summary, n, 3);
			else if (strcmp(name, "author") == 0) {
				s = trimmed_text(n);
				add_unique(f, f->extra_authors, s);
				free(s);
			}
		} else if (ns == NS_MEDIA) {
			media_element(f, n, feed);
		} else if (ns == NS_FEEDBURNER && strcmp(name, "origLink") == 0 && !feed) {
			/* FeedBurner's redirect hides the article's own URL here. */
			char *t = trimmed_text(n);
			set_href(f, n, t, -1);
			free(t);
		}
	}
	if (json_array_size(f->authors) == 0) {
		json_decref(f->authors);
		f->authors = json_incref(f->extra_authors);
	}
}

static void
release_fields(struct fields *f)
{
	free(f->href);
	free(f->id_attr);
	json_decref(f->authors);
	json_decref(f->extra_authors);
	json_decref(f->categories);
	json_decref(f->enclosures);
	json_decref(f->seen);
}

/* Set key to s when s is a non-empty valid UTF-8 string. */
static void
set_string(json_t *rec, const char *key, const char *s, size_t len)
{
	if (s && len > 0 && utf8_valid(s, len) && !memchr(s, '\0', len))
		json_object_set_new(rec, key, json_stringn(s, len));
}

static void
set_array(json_t *rec, const char *key, json_t *array)
{
	if (json_array_size(array) > 0)
		json_object_set(rec, key, array);
}

/* An id as written, an Atom id resolved as a link when it is relative. */
static char *
id_value(const xmlNode *el, bool *permalink)
{
	char *t = trimmed_text(el), *v;

	*permalink = false;
	if (ns_of(el) == NS_ATOM && *t) {
		v = resolve(el, t);
		free(t);
		return v;
	}
	if (strcasecmp((const char *)el->name, "guid") == 0) {
		v = attr(el, "isPermaLink");
		*permalink = !v || strcasecmp(v, "false") != 0;
		free(v);
	}
	return t;
}

json_t *
feeditem_record(const xmlNode *el, unsigned long *bad_dates)
{
	struct fields f;
	json_t *rec = json_object();
	struct strbuf title = STRBUF_INIT, summary = STRBUF_INIT, body = STRBUF_INIT, key = STRBUF_INIT;
	char *id = NULL, *url = NULL;
	bool permalink = false, body_html = false;

	memset(&f, 0, sizeof f);
	read_fields(el, &f, false, bad_dates);
	if (f.title.el)
		construct_plain(f.title.el, &title);
	if (f.summary.el)
		construct_plain(f.summary.el, &summary);
	if (f.body.el)
		body_html = construct_body(f.body.el, &body);
	else if (f.summary.el && ns_of(f.summary.el) != NS_ITUNES)
		body_html = construct_body(f.summary.el, &body); /* an RSS description is the body too */
	if (f.id.el)
		id = id_value(f.id.el, &permalink);
	if (id && !*id) {
		free(id);
		id = NULL;
	}
	url = f.href ? xstrdup(f.href) : NULL;
	if (!url && id && permalink && (strncmp(id, "http://", 7) == 0 || strncmp(id, "https://", 8) == 0))
		url = xstrdup(id);
	if (!id && f.id_attr && *f.id_attr)
		id = xstrdup(f.id_attr);
	if (!id && url && *url)
		id = xstrdup(url);
	set_string(rec, "id", id, id ? strlen(id) : 0);
	if (!json_object_get(rec, "id")) {
		/* No id and no link: a hash of what the item says, stable across runs. */
		unsigned long long h;
		strbuf_addf(&key, "%s\n%s\n%s", title.buf ? title.buf : "", summary.buf ? summary.buf : "",
			    body.buf ? body.buf : "");
		h = (unsigned long long)hash64(key.buf, key.len, 0);
		strbuf_reset(&key);
		strbuf_addf(&key, "doc-%016llx", h);
		json_object_set_new(rec, "id", json_string(key.buf));
	}
	set_string(rec, "url", url, url ? strlen(url) : 0);
	set_string(rec, "title", title.buf, title.len);
	if (f.published.iso[0])
		json_object_set_new(rec, "published", json_string(f.published.iso));
	if (f.updated.iso[0])
		json_object_set_new(rec, "updated", json_string(f.updated.iso));
	set_array(rec, "authors", f.authors);
	set_array(rec, "categories", f.categories);
	set_array(rec, "enclosures", f.enclosures);
	set_string(rec, "summary", summary.buf, summary.len);
	set_string(rec, body_html ? "html" : "text", body.buf, body.len);
	free(id);
	free(url);
	strbuf_release(&title);
	strbuf_release(&summary);
	strbuf_release(&body);
	strbuf_release(&key);
	release_fields(&f);
	return rec;
}

json_t *
feeditem_feed(const xmlNode *el, unsigned long *bad_dates)
{
	struct fields f;
	json_t *feed = json_object();
	struct strbuf sb = STRBUF_INIT;
	char *id = NULL;
	bool permalink;

	if (!el)
		return feed;
	memset(&f, 0, sizeof f);
	read_fields(el, &f, true, bad_dates);
	if (f.title.el) {
		construct_plain(f.title.el, &sb);
		set_string(feed, "title", sb.buf, sb.len);
	}
	set_string(feed, "url", f.href, f.href ? strlen(f.href) : 0);
	if (f.summary.el) {
		construct_plain(f.summary.el, &sb);
		set_string(feed, "summary", sb.buf, sb.len);
	}
	set_array(feed, "authors", f.authors);
	if (f.id.el)
		id = id_value(f.id.el, &permalink);
	if ((!id || !*id) && f.id_attr) {
		free(id);
		id = xstrdup(f.id_attr);
	}
	set_string(feed, "id", id, id ? strlen(id) : 0);
	if (f.updated.iso[0])
		json_object_set_new(feed, "updated", json_string(f.updated.iso));
	if (f.published.iso[0])
		json_object_set_new(feed, "published", json_string(f.published.iso));
	free(id);
	strbuf_release(&sb);
	release_fields(&f);
	return feed;
}
