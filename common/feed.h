/*
 * feed.h - RSS, RDF and Atom feeds read as records, one per item.
 *
 * Reads RSS 0.9x and 2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0 (a feed, or a
 * lone entry document) and CDF, with the Dublin Core, content:encoded,
 * iTunes and FeedBurner extensions, through libxml2's XML parser fed in
 * blocks (xmlParseChunk): each item is turned into a record when its end
 * tag is read and its subtree is freed, so memory is bounded by the
 * largest item, not by the feed.  An item record holds, when the feed
 * gives them:
 *
 *   id         guid / atom:id, else rdf:about, else the link, else
 *              "doc-HASH" of the item's text
 *   url        the item's link, resolved against xml:base and the feed's URL
 *   title      plain text (CDATA, entities and markup resolved)
 *   published, updated   ISO 8601 in UTC (common/date.h)
 *   authors    [names]
 *   categories [terms]
 *   enclosures [{"url","type","length"}]
 *   summary    the description as plain text
 *   html|text  the body: content:encoded, atom:content, an XHTML body or
 *              an HTML description as HTML; `text` when the body is plain
 *   feed       {"title","url","summary","authors","id","updated",
 *              "published"} of the channel: the same object on every item
 *
 * Safety: no network, no external entity or DTD is ever loaded, and an
 * entity declared in the document's DTD is expanded only when its text
 * holds no markup or other entity, within a budget, so an entity bomb
 * ("billion laughs") does not expand.  Undeclared HTML entities (&nbsp;,
 * &eacute;), which feeds use as if they were XML's, are read as HTML
 * reads them.  Ill-formed feeds (bad nesting, stray '&') are recovered
 * with libxml2's recovery mode and give their items with a notice.
 *
 * Messages name the input ("prog: NAME:LINE: ...").  An item still open
 * at the end of the input (a truncated feed) is not written and makes the
 * run fail; so does an input that is not a feed, and XML that libxml2
 * cannot read on (a fatal error, such as a byte its declared encoding
 * lacks): the rest is lost, and said to be.  libxml2 writes nothing to
 * stderr of its own.
 */
#ifndef NEWSPIPE_FEED_H
#define NEWSPIPE_FEED_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct feed_parser;

/* Receives each item record in document order and owns it. */
typedef void (*feed_item_fn)(void *ctx, json_t *item);

/*
 * A parser for one feed document.  name is used in messages (borrowed:
 * it must outlive the parser).  base_url, when not NULL, is the URL the
 * feed was fetched from: relative links resolve against it (copied).
 * Items are handed to emit(ctx, item).
 */
struct feed_parser *feed_parser_new(const char *name, const char *base_url, feed_item_fn emit, void *ctx);

/*
 * Parse the next len bytes of the document.  Items whose end has been
 * read may be handed out (they are held back until the end of the
 * document while the feed's own elements may still follow, up to a
 * memory bound).  Returns 0, or -1 once the parser has stopped (the input
 * is not a feed); later calls do nothing.
 */
int feed_parser_push(struct feed_parser *fp, const char *data, size_t len);

/*
 * End of the document: hand out the items held back, report problems.
 * Returns 0, or -1 when the input was not a feed or an item was lost.
 */
int feed_parser_finish(struct feed_parser *fp);

/*
 * Items longer than max bytes (0: no bound; what names the bound in
 * messages, "--max-record-bytes"; borrowed) are reported and skipped.
 * One still open at the end of a block given to feed_parser_push() is
 * not held on: it and the rest of the feed are not read (an error naming
 * its line), so that an item that never ends does not take memory
 * without bound.
 */
void feed_parser_set_max_item(struct feed_parser *fp, size_t max, const char *what);

/*
 * Hand each item out as soon as its end tag is read (for -u: a live
 * stream), with the feed object as the feed's elements read by then
 * make it (a feed writes them before its items, or should).
 */
void feed_parser_stream_items(struct feed_parser *fp);

/* What a parsed feed gave, for --stats. */
struct feed_stats {
	unsigned long items;      /* item records handed out */
	unsigned long bad_dates;  /* dates not understood (left out) */
	bool is_feed;             /* the root element was a feed's */
	bool ill_formed;          /* libxml2 had to recover */
};
void feed_parser_stats(const struct feed_parser *fp, struct feed_stats *st);

/*
 * The feed object (borrowed; valid until feed_parser_free()), built by
 * feed_parser_finish(); NULL before that or when the input was not a
 * feed.  Also given to --feed-info records.
 */
json_t *feed_parser_feed(const struct feed_parser *fp);

void feed_parser_free(struct feed_parser *fp);

/*
 * True when the first bytes of a document look like a feed: after an
 * optional BOM, the XML declaration, comments, processing instructions
 * and a DOCTYPE, the root element is rss, rdf:RDF, feed, entry (Atom)
 * or CHANNEL (CDF).
 */
bool feed_sniff(const char *head, size_t n);

#endif
