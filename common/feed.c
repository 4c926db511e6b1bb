/*
 * feed.c - feeds read with libxml2's push parser, item by item; see feed.h.
 *
 * libxml2's SAX2 handlers build the tree; four of them are wrapped:
 * startDocument sets the document's URL (the base of relative links),
 * startElementNs notes the root and the outermost item being read,
 * endElementNs turns a finished item into a record and frees its
 * subtree, and getEntity decides what an entity reference means (the
 * security policy and the HTML entities feeds use).  The bytes reach
 * libxml2 through common/xmlrepair.c.
 */
#include "feed.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "err.h"
#include "feeditem.h"
#include "strbuf.h"
#include "xalloc.h"
#include "xmlrepair.h"

/* Items held back until the feed's own elements have all been read. */
#define PENDING_MAX (32u << 20)
/* Text that entities declared in the document may add, in all. */
#define ENTITY_BUDGET (1u << 20)
/*
 * Distinct names (of elements, attributes, entities) a document may use.
 * libxml2 keeps each in its dictionary for the whole parse, and its
 * dictionary stops growing its table at 16384 buckets, so a stream of
 * new names takes memory without bound and time that grows with the
 * square (800,000 names: 58 MB and 33 s).  Feeds use a few hundred.
 */
#define NAMES_MAX 100000
/* One xmlParseChunk() call at most (it takes an int). */
#define CHUNK_MAX (1 << 30)

/* An entity made here: an HTML one, or a plain one the document declared. */
struct made_entity {
	xmlEntity ent;   /* first, so a pointer to it is one to this */
	bool declared;   /* from the document's DTD: counts against the budget */
};

struct feed_parser {
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt;
	const char *name;
	char *base_url;
	feed_item_fn emit;
	void *emit_ctx;
	enum feed_root root;
	bool root_seen;
	xmlNodePtr item;       /* the outermost item being read */
	unsigned long long mark; /* where the last element of the feed's own ended (parsed_bytes) */
	unsigned long item_line;
	unsigned long long item_at; /* its first byte, as libxml2 counts */
	unsigned long long fed;    /* bytes given to libxml2 */
	size_t max_item;           /* the longest item read (0: no bound) */
	const char *max_name;      /* what sets it, for messages */
	json_t **pending;      /* finished items, without their feed */
	size_t npending, cap_pending, pending_bytes;
	json_t *feed;          /* built at the first flush */
	bool finished, stopped;
	bool stream_items;     /* -u: no holding back */
	/* entities */
	xmlHashTablePtr entities; /* name, context -> struct made_entity */
	size_t entity_bytes;
	bool budget_warned;
	bool decline_warned;
	char declined[64];     /* an entity refused: its "not defined" error is ours */
	struct xml_repair repair; /* bytes mended before libxml2 sees them */
	struct strbuf fixed;   /* mended bytes not yet given to libxml2 */
	struct strbuf converted; /* the same as UTF-8, when they are windows-1252 */
	bool switched;         /* read as windows-1252 */
	/* problems */
	int gave_up_line;      /* libxml2 stopped reading there (a fatal error) */
	char gave_up[160];     /* and why */
	char generic[160];     /* the first message libxml2 sent to its generic handler */
	size_t ngeneric;
	unsigned long nerrors;
	int error_line;
	char error[160];
	struct feed_stats stats;
};

/* --- entities ----------------------------------------------------------- */

static void
free_entity(void *payload, const xmlChar *name)
{
	struct made_entity *m = payload;

	(void)name;
	xmlFree((xmlChar *)m->ent.name);
	xmlFree(m->ent.content);
	free(m);
}

/*
 * An entity for text: in element content, the predefined kind, which
 * libxml2 inlines as characters; elsewhere (attribute values), an internal
 * one, because libxml2 copies only the first byte of a predefined
 * entity's text there.
 */
static xmlEntityPtr
make_entity(struct feed_parser *fp, const xmlChar *name, const xmlChar *content, bool in_content, bool declared)
{
	struct made_entity *m = xcalloc(1, sizeof *m);

	m->ent.type = XML_ENTITY_DECL;
	m->ent.etype = in_content ? XML_INTERNAL_PREDEFINED_ENTITY : XML_INTERNAL_GENERAL_ENTITY;
	m->ent.name = xmlStrdup(name);
	m->ent.content = xmlStrdup(content);
	m->ent.length = xmlStrlen(content);
	m->declared = declared;
	if (!fp->entities && !(fp->entities = xmlHashCreate(64)))
		die("out of memory");
	/* Called only when the lookup missed: adding fails only for want of memory. */
	if (xmlHashAddEntry2(fp->entities, name, (const xmlChar *)(in_content ? "c" : "a"), m) != 0)
		die("out of memory");
	return &m->ent;
}

/* Text from a declared entity, within the budget. */
static xmlEntityPtr
spend(struct feed_parser *fp, struct made_entity *m)
{
	if (!m->declared)
		return &m->ent;
	if (fp->entity_bytes + (size_t)m->ent.length > ENTITY_BUDGET) {
		snprintf(fp->declined, sizeof fp->declined, "%s", (const char *)m->ent.name);
		if (!fp->budget_warned)
			warn("%s:%d: entity '%s' not expanded: the document's entities exceed %u bytes", fp->name,
			     xmlSAX2GetLineNumber(fp->ctxt), (const char *)m->ent.name, ENTITY_BUDGET);
		fp->budget_warned = true;
		return NULL;
	}
	fp->entity_bytes += (size_t)m->ent.length;
	return &m->ent;
}

/*
 * What an entity reference means.  libxml2 drops every entity reference
 * after the first well-formedness error (wellFormed == 0), which would
 * lose text from recovered feeds, so the flag is raised again for a
 * reference this resolves (errors are counted separately, below); it is
 * lowered for one refused, so that libxml2 does not look the entity up
 * in the DTD itself.
 */
static xmlEntityPtr
get_entity(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct feed_parser *fp = ctxt->_private;
	bool in_content = ctxt->instate == XML_PARSER_CONTENT;
	struct made_entity *m;
	xmlEntityPtr e;
	const htmlEntityDesc *h;

	if (ctxt->inSubset)
		return xmlSAX2GetEntity(ctx, name); /* the DTD's own business */
	e = xmlGetPredefinedEntity(name);
	if (!e && fp->entities &&
	    (m = xmlHashLookup2(fp->entities, name, (const xmlChar *)(in_content ? "c" : "a"))) != NULL) {
		e = spend(fp, m);
	} else if (!e && (e = xmlSAX2GetEntity(ctx, name)) != NULL) {
		/* Declared in the document: expanded only when it is plain text. */
		if (e->etype == XML_INTERNAL_GENERAL_ENTITY && e->content && !xmlStrchr(e->content, '&') &&
		    !xmlStrchr(e->content, '<')) {
			e = make_entity(fp, name, e->content, in_content, true);
			e = spend(fp, (struct made_entity *)e);
		} else {
			snprintf(fp->declined, sizeof fp->declined, "%s", (const char *)name);
			e = NULL;
			if (!fp->decline_warned)
				warn("%s:%d: entity '%s' not expanded: external, or made of markup or other entities "
				     "(any more such are not reported)",
				     fp->name, xmlSAX2GetLineNumber(ctxt), (const char *)name);
			fp->decline_warned = true;
		}
	} else if (!e && (h = htmlEntityLookup(name)) != NULL) {
		xmlChar buf[8];
		int n = xmlCopyCharMultiByte(buf, (int)h->value);
		buf[n > 0 ? n : 0] = '\0';
		e = make_entity(fp, name, buf, in_content, false);
	} else if (!e && xmlStrlen(name) <= 64) {
		/* No entity by that name anywhere: its text as written, as a
		 * browser shows it ("&amp;" first where the text is decoded again). */
		struct strbuf lit = STRBUF_INIT;
		strbuf_addf(&lit, "%s%s;", in_content ? "&" : "&amp;", (const char *)name);
		e = make_entity(fp, name, (const xmlChar *)lit.buf, in_content, false);
		strbuf_release(&lit);
		fp->nerrors++; /* still an error in the feed */
		if (fp->nerrors == 1) {
			fp->error_line = xmlSAX2GetLineNumber(ctxt);
			snprintf(fp->error, sizeof fp->error, "entity '%s' not defined", (const char *)name);
		}
	}
	ctxt->wellFormed = e != NULL;
	return e;
}

/* Nothing outside the document is ever read. */
static xmlParserInputPtr
no_external(void *ctx, const xmlChar *public_id, const xmlChar *system_id)
{
	(void)ctx;
	(void)public_id;
	(void)system_id;
	return NULL;
}

static void
on_error(void *ctx, xmlErrorPtr e)
{
	struct feed_parser *fp = ((xmlParserCtxtPtr)ctx)->_private;

	if (!e || e->level < XML_ERR_ERROR)
		return;
	if (e->code == XML_ERR_UNDECLARED_ENTITY && fp->declined[0] && e->str1 &&
	    strcmp(e->str1, fp->declined) == 0) {
		fp->declined[0] = '\0'; /* already reported, better */
		return;
	}
	if (fp->nerrors++ == 0) {
		size_t n;
		fp->error_line = e->line;
		snprintf(fp->error, sizeof fp->error, "%s", e->message ? e->message : "error");
		n = strlen(fp->error);
		while (n > 0 && (fp->error[n - 1] == '\n' || fp->error[n - 1] == ' '))
			fp->error[--n] = '\0';
	}
}

/*
 * libxml2's messages that no parser context receives (an encoding
 * error raised by its converter): kept, the first line of the first
 * one, instead of going to stderr as libxml2 writes them.
 */
static void
on_generic_error(void *ctx, const char *msg, ...)
{
	struct feed_parser *fp = ctx;
	size_t room = sizeof fp->generic - fp->ngeneric, n;
	va_list ap;

	if (room <= 1 || (fp->ngeneric > 0 && fp->generic[fp->ngeneric - 1] == '\n'))
		return;
	va_start(ap, msg);
	vsnprintf(fp->generic + fp->ngeneric, room, msg, ap);
	va_end(ap);
	n = strcspn(fp->generic + fp->ngeneric, "\n");
	fp->ngeneric += n;
	if (fp->generic[fp->ngeneric] == '\n')
		fp->ngeneric++;
	else if (fp->ngeneric >= sizeof fp->generic - 1)
		fp->ngeneric = sizeof fp->generic - 1;
}

/* libxml2 stopped reading (a fatal error: an encoding it cannot convert, a limit). */
static void
note_gave_up(struct feed_parser *fp)
{
	xmlErrorPtr e = xmlCtxtGetLastError(fp->ctxt);
	const char *why = fp->ngeneric ? fp->generic : e && e->message ? e->message : "a fatal error";
	size_t n;

	fp->stopped = true;
	fp->gave_up_line = e && e->line > 0 ? e->line : xmlSAX2GetLineNumber(fp->ctxt);
	snprintf(fp->gave_up, sizeof fp->gave_up, "%s", why);
	n = strlen(fp->gave_up);
	while (n > 0 && (fp->gave_up[n - 1] == '\n' || fp->gave_up[n - 1] == ' '))
		fp->gave_up[--n] = '\0';
}

/* The item being read is longer than max_item: it is not held on (memory must not grow with the input). */
static void
item_too_long(struct feed_parser *fp)
{
	fp->stopped = true;
	fp->gave_up_line = (int)(fp->item_line < INT_MAX ? fp->item_line : INT_MAX);
	snprintf(fp->gave_up, sizeof fp->gave_up, "an item longer than %s (%zu bytes)", fp->max_name, fp->max_item);
	xmlStopParser(fp->ctxt);
}

static void
too_many_names(struct feed_parser *fp)
{
	fp->stopped = true;
	fp->gave_up_line = xmlSAX2GetLineNumber(fp->ctxt);
	snprintf(fp->gave_up, sizeof fp->gave_up, "more than %d distinct names of elements, attributes and entities",
		 NAMES_MAX);
	xmlStopParser(fp->ctxt);
}

/* --- items ------------------------------------------------------------- */

static void
emit_with_feed(struct feed_parser *fp, json_t *item)
{
	if (json_object_size(fp->feed) > 0)
		json_object_set(item, "feed", fp->feed);
	fp->stats.items++;
	fp->emit(fp->emit_ctx, item);
}

/* Hand out the items held back, with the feed object as it now stands. */
static void
flush(struct feed_parser *fp)
{
	size_t i;

	if (!fp->feed) {
		xmlNodePtr root = fp->ctxt->myDoc ? xmlDocGetRootElement(fp->ctxt->myDoc) : NULL;
		fp->feed = feeditem_feed(feeditem_feed_element(root, fp->root), &fp->stats.bad_dates);
	}
	for (i = 0; i < fp->npending; i++)
		emit_with_feed(fp, fp->pending[i]);
	fp->npending = 0;
	fp->pending_bytes = 0;
}

/*
 * The memory an item record holds, near enough: jansson's object with its
 * hash table, and per field its pair, value and the allocations' own
 * overhead (measured: a short item takes about 550 bytes; counting only
 * its text, 110, let the held items take six times PENDING_MAX).
 */
static size_t
record_size(const json_t *rec)
{
	const char *key;
	json_t *v;
	size_t n = 256;

	json_object_foreach((json_t *)rec, key, v)
		n += 96 + strlen(key) + (json_is_string(v) ? json_string_length(v) : 128);
	return n;
}

static void
take_item(struct feed_parser *fp, json_t *rec)
{
	if (fp->feed) { /* past the memory bound: items go out as they end */
		emit_with_feed(fp, rec);
		return;
	}
	ARRAY_GROW(fp->pending, fp->npending + 1, fp->cap_pending);
	fp->pending[fp->npending++] = rec;
	fp->pending_bytes += record_size(rec);
	if (fp->pending_bytes > PENDING_MAX || fp->stream_items)
		flush(fp);
}

/*
 * A finished item: it and any items recovery nested inside it (an item
 * whose end tag was missing), in document order.
 */
static void
finish_item(struct feed_parser *fp, xmlNodePtr item)
{
	xmlNodePtr n = item;

	while (n) {
		if (feeditem_is_item(n))
			take_item(fp, feeditem_record(n, &fp->stats.bad_dates));
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n != item && !n->next)
			n = n->parent;
		if (n == item)
			break;
		n = n->next;
	}
}

/*
 * Where libxml2 is in the document, in the bytes it parses (UTF-8; the
 * input's own when it is UTF-8).  Not xmlByteConsumed(): with a declared
 * encoding that converts the rest of its buffer back at every call.
 */
static unsigned long long
parsed_bytes(xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = ctxt->input;

	return in && in->cur && in->base ? in->consumed + (unsigned long long)(in->cur - in->base) : 0;
}

static void
start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
	      const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct feed_parser *fp = ctxt->_private;
	xmlNodePtr node;

	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
			      attributes);
	node = ctxt->node;
	if (!node || fp->stopped)
		return;
	if (!fp->root_seen) {
		fp->root_seen = true;
		fp->root = feeditem_root(node);
		fp->stats.is_feed = fp->root != FEED_ROOT_NONE;
		if (fp->root == FEED_ROOT_NONE) {
			warn("%s:%d: not a feed: the document is <%s>, not <rss>, <rdf:RDF>, <feed> or <entry>", fp->name,
			     xmlSAX2GetLineNumber(ctxt), (const char *)localname);
			fp->stopped = true;
			xmlStopParser(ctxt);
			return;
		}
		if (fp->root != FEED_ROOT_ENTRY)
			return;
	}
	if (!fp->item && feeditem_is_item(node)) {
		fp->item = node;
		fp->item_line = (unsigned long)xmlSAX2GetLineNumber(ctxt);
		fp->item_at = parsed_bytes(ctxt);
	}
}

/*
 * An item longer than max_item, ended: reported and skipped, as a line
 * over --max-record-bytes is (one still open after a block is stopped
 * at, below).
 */
static bool
item_over_max(struct feed_parser *fp, xmlParserCtxtPtr ctxt)
{
	unsigned long long at = parsed_bytes(ctxt), len;

	if (!fp->max_item || at < fp->item_at)
		return false;
	len = at - fp->item_at;
	if (len <= fp->max_item)
		return false;
	warn("%s:%lu: an item of %llu bytes is longer than %s (%zu): skipped", fp->name, fp->item_line, len,
	     fp->max_name, fp->max_item);
	return true;
}

static void forget(xmlParserCtxtPtr ctxt, xmlNodePtr node);

/* An element of the feed's own: a child of the root, or of an RSS channel, that is not an item. */
static bool
feeds_own(const struct feed_parser *fp, const xmlNode *node)
{
	const xmlNode *p = node->parent;

	if (fp->root == FEED_ROOT_ENTRY || !p || p->type != XML_ELEMENT_NODE || feeditem_is_item(node))
		return false;
	if (p->parent && p->parent->type == XML_DOCUMENT_NODE)
		return true;
	return (fp->root == FEED_ROOT_RSS || fp->root == FEED_ROOT_RDF) && xmlStrEqual(p->name, (const xmlChar *)"channel") &&
	       p->parent && p->parent->parent && p->parent->parent->type == XML_DOCUMENT_NODE;
}

/*
 * An element of the feed's own has ended.  Once the feed object is built
 * it is of no more use and is freed; before, it counts with the items
 * held back, so that a feed of many such elements builds its feed object
 * (and frees them from then on) rather than hold them all.
 */
static void
feed_element_done(struct feed_parser *fp, xmlNodePtr node)
{
	unsigned long long at = parsed_bytes(fp->ctxt);

	if (fp->feed) {
		forget(fp->ctxt, node);
	} else {
		/* libxml2's tree takes about eight times the text (a node per element, attribute and text). */
		fp->pending_bytes += at > fp->mark ? 8 * (size_t)(at - fp->mark) : 0;
		if (fp->pending_bytes > PENDING_MAX)
			flush(fp);
	}
	fp->mark = at;
}

static void
end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct feed_parser *fp = ctxt->_private;
	xmlNodePtr node = ctxt->node;

	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	if (!node)
		return;
	if (node != fp->item) {
		if (!fp->item && feeds_own(fp, node))
			feed_element_done(fp, node);
		return;
	}
	if (!item_over_max(fp, ctxt))
		finish_item(fp, node);
	fp->item = NULL;
	fp->mark = parsed_bytes(ctxt);
	forget(ctxt, node);
}

/*
 * A finished element leaves the tree, and the white space (and any
 * comment) between it and the element before goes with it: left in the
 * channel, that would pile up there for the whole feed, each new piece
 * appended after a strlen() of all before it (400,000 items: 220 MB and
 * 96 s).
 */
static void
forget(xmlParserCtxtPtr ctxt, xmlNodePtr node)
{
	while (node->prev && node->prev->type != XML_ELEMENT_NODE) {
		xmlNodePtr before = node->prev;
		xmlUnlinkNode(before);
		xmlFreeNode(before);
	}
	xmlUnlinkNode(node);
	xmlFreeNode(node);
	/*
	 * The parent's last child may now be a text node that libxml2's fast
	 * path for appending text does not know about: make it take the
	 * slow, safe one (xmlTextConcat) for the next characters.
	 */
	ctxt->nodemem = 0;
}

static void
start_document(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct feed_parser *fp = ctxt->_private;

	xmlSAX2StartDocument(ctx);
	if (ctxt->myDoc && fp->base_url) {
		xmlFree((xmlChar *)ctxt->myDoc->URL);
		ctxt->myDoc->URL = xmlStrdup((const xmlChar *)fp->base_url);
	}
}

/* --- the parser ------------------------------------------------------- */

struct feed_parser *
feed_parser_new(const char *name, const char *base_url, feed_item_fn emit, void *ctx)
{
	struct feed_parser *fp = xcalloc(1, sizeof *fp);

	fp->name = name;
	fp->base_url = base_url ? xstrdup(base_url) : NULL;
	fp->emit = emit;
	fp->emit_ctx = ctx;
	xmlSAXVersion(&fp->sax, 2);
	fp->sax.startDocument = start_document;
	fp->sax.startElementNs = start_element;
	fp->sax.endElementNs = end_element;
	fp->sax.getEntity = get_entity;
	fp->sax.resolveEntity = no_external;
	fp->sax.externalSubset = NULL;
	fp->sax.serror = on_error;
	fp->sax.error = NULL;
	fp->sax.warning = NULL;
	fp->ctxt = xmlCreatePushParserCtxt(&fp->sax, NULL, NULL, 0, NULL);
	if (!fp->ctxt)
		die("out of memory");
	fp->ctxt->_private = fp;
	/*
	 * Recover from ill-formed feeds; never touch the network; no entity
	 * substitution by libxml2 (get_entity decides); HUGE lifts the 10 MB
	 * limit on one text node (a long article), the entity policy above
	 * keeping what HUGE would otherwise let through.
	 */
	xmlCtxtUseOptions(fp->ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_HUGE);
	return fp;
}

/*
 * Give libxml2 the repaired block.  An open CDATA section is held back
 * until it ends: libxml2's push parser rescans a CDATA section from its
 * start for each block it is given, which makes one long section (a
 * 100 MB article) quadratic; given whole, it is read once.
 */
static void
parse(struct feed_parser *fp, const char *data, size_t len, bool final)
{
	const char *p;
	size_t left;

	xml_repair(&fp->repair, data, len, final, &fp->fixed);
	if (xml_repair_in_cdata(&fp->repair) && !final && fp->fixed.len < CHUNK_MAX &&
	    (!fp->max_item || fp->fixed.len <= fp->max_item))
		return;
	p = fp->fixed.buf;
	left = fp->fixed.len;
	if (fp->repair.not_utf8) {
		/*
		 * Bytes that are not UTF-8 in a document that declares no other
		 * encoding: what the web sends then is windows-1252 (WHATWG).
		 * Converted here, not by libxml2, whose converter stops the
		 * parse at a byte windows-1252 leaves undefined (0x81, 0x9d);
		 * here it becomes U+FFFD.
		 */
		if (!fp->switched && fp->nerrors++ == 0)
			snprintf(fp->error, sizeof fp->error, "not UTF-8 and no encoding declared: read as windows-1252");
		fp->switched = true;
		strbuf_reset(&fp->converted);
		charset_part_to_utf8(p ? p : "", left, "WINDOWS-1252", &fp->converted);
		p = fp->converted.buf;
		left = fp->converted.len;
	}
	while (!fp->stopped && left > 0) {
		int n = left > CHUNK_MAX ? CHUNK_MAX : (int)left;
		xmlGenericErrorFunc saved = xmlGenericError;
		void *saved_ctx = xmlGenericErrorContext;
		xmlSetGenericErrorFunc(fp, on_generic_error);
		xmlParseChunk(fp->ctxt, p, n, 0);
		xmlSetGenericErrorFunc(saved_ctx, saved);
		p += n;
		left -= (size_t)n;
		fp->fed += (unsigned long long)n;
		if (fp->ctxt->disableSAX && !fp->stopped)
			note_gave_up(fp);
		else if (!fp->stopped && fp->item && fp->max_item && fp->fed - fp->item_at > fp->max_item)
			item_too_long(fp);
		else if (!fp->stopped && xmlDictSize(fp->ctxt->dict) > NAMES_MAX)
			too_many_names(fp);
	}
	if (fp->fixed.cap > (4u << 20)) {
		strbuf_release(&fp->fixed); /* a long item passed: give its memory back */
		strbuf_release(&fp->converted);
	} else {
		strbuf_reset(&fp->fixed);
		strbuf_reset(&fp->converted);
	}
}

int
feed_parser_push(struct feed_parser *fp, const char *data, size_t len)
{
	if (!fp->stopped)
		parse(fp, data, len, false);
	return fp->stopped && !fp->stats.is_feed ? -1 : 0;
}

int
feed_parser_finish(struct feed_parser *fp)
{
	int status = 0;

	if (fp->finished)
		return 0;
	fp->finished = true;
	if (!fp->stopped) {
		xmlGenericErrorFunc saved = xmlGenericError;
		void *saved_ctx = xmlGenericErrorContext;
		parse(fp, "", 0, true);
		xmlSetGenericErrorFunc(fp, on_generic_error);
		xmlParseChunk(fp->ctxt, NULL, 0, 1);
		xmlSetGenericErrorFunc(saved_ctx, saved);
		if (fp->ctxt->disableSAX && !fp->stopped)
			note_gave_up(fp);
	}
	if (fp->repair.bare_amps && fp->nerrors++ == 0)
		snprintf(fp->error, sizeof fp->error, "'&' that starts no reference, read as text (%lu)",
			 fp->repair.bare_amps);
	fp->stats.ill_formed = fp->nerrors > 0;
	if (!fp->root_seen) {
		warn("%s:%d: not a feed: %s", fp->name, fp->error_line > 0 ? fp->error_line : 1,
		     fp->nerrors ? fp->error : "no XML element");
		return -1;
	}
	if (!fp->stats.is_feed)
		return -1;
	if (fp->gave_up_line) {
		/* Not a recovered error: what follows is lost, and the run fails. */
		if (fp->item)
			warn("%s:%d: the XML cannot be read on: %s; the item from line %lu and the rest are not written",
			     fp->name, fp->gave_up_line, fp->gave_up, fp->item_line);
		else
			warn("%s:%d: the XML cannot be read on: %s; the rest is not read", fp->name, fp->gave_up_line,
			     fp->gave_up);
		status = -1;
	} else if (fp->item) {
		warn("%s:%lu: truncated feed: the item starting here has no end, not written", fp->name, fp->item_line);
		status = -1;
	} else if (fp->nerrors) {
		note("%s:%d: ill-formed XML, recovered: %s%s", fp->name, fp->error_line > 0 ? fp->error_line : 1, fp->error,
		     fp->nerrors > 1 ? " (and more)" : "");
	}
	flush(fp);
	return status;
}

void
feed_parser_set_max_item(struct feed_parser *fp, size_t max, const char *what)
{
	fp->max_item = max;
	fp->max_name = what;
}

void
feed_parser_stream_items(struct feed_parser *fp)
{
	fp->stream_items = true;
}

void
feed_parser_stats(const struct feed_parser *fp, struct feed_stats *st)
{
	*st = fp->stats;
}

json_t *
feed_parser_feed(const struct feed_parser *fp)
{
	return fp->finished ? fp->feed : NULL;
}

void
feed_parser_free(struct feed_parser *fp)
{
	size_t i;

	if (!fp)
		return;
	for (i = 0; i < fp->npending; i++)
		json_decref(fp->pending[i]);
	free(fp->pending);
	json_decref(fp->feed);
	if (fp->ctxt->myDoc)
		xmlFreeDoc(fp->ctxt->myDoc);
	fp->ctxt->myDoc = NULL;
	xmlFreeParserCtxt(fp->ctxt);
	if (fp->entities)
		xmlHashFree(fp->entities, free_entity);
	free(fp->base_url);
	xml_repair_release(&fp->repair);
	strbuf_release(&fp->fixed);
	strbuf_release(&fp->converted);
	free(fp);
}

/* --- recognising a feed ------------------------------------------------ */

static const char *
skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* Past the first occurrence of what in [p, end), or NULL. */
static const char *
past(const char *p, const char *end, const char *what)
{
	size_t n = strlen(what);

	for (; p + n <= end; p++)
		if (memcmp(p, what, n) == 0)
			return p + n;
	return NULL;
}

bool
feed_sniff(const char *head, size_t n)
{
	static const char *const roots[] = { "rss", "RDF", "feed", "entry", "channel", "CHANNEL", NULL };
	const char *p = head, *end = head + n, *name;
	size_t k;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;;) {
		p = skip_space(p, end);
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			p = past(p + 4, end, "-->");
		else if (end - p >= 2 && memcmp(p, "<?", 2) == 0)
			p = past(p + 2, end, "?>");
		else if (end - p >= 9 && strncasecmp(p, "<!DOCTYPE", 9) == 0) {
			/* To its '>', past an internal subset in brackets. */
			const char *q = p + 9;
			while (q < end && *q != '>' && *q != '[')
				q++;
			if (q < end && *q == '[')
				q = past(q, end, "]");
			p = q ? past(q, end, ">") : NULL;
		} else
			break;
		if (!p)
			return false;
	}
	if (p >= end || *p != '<')
		return false;
	name = ++p;
	while (p < end && *p != ' ' && *p != '>' && *p != '/' && *p != '\t' && *p != '\r' && *p != '\n')
		p++;
	/* The local name, after a prefix (rdf:RDF, atom:feed). */
	for (const char *q = name; q < p; q++)
		if (*q == ':')
			name = q + 1;
	for (k = 0; roots[k]; k++)
		if ((size_t)(p - name) == strlen(roots[k]) && memcmp(name, roots[k], (size_t)(p - name)) == 0)
			return p < end;
	return false;
}
