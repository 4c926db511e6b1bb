/*
 * feeditem.h - the fields of a feed's items and of the feed itself, read
 * from parsed elements (used by feed.c; see feed.h for the record).
 *
 * Elements are recognised by namespace and local name, names compared
 * without case (CDF and some RSS write <TITLE>); RSS 0.9x/2.0 elements
 * have no namespace or one of RSS's own.
 */
#ifndef NEWSPIPE_FEEDITEM_H
#define NEWSPIPE_FEEDITEM_H

#include <jansson.h>
#include <libxml/tree.h>
#include <stdbool.h>

/* What the root element says the document is. */
enum feed_root { FEED_ROOT_NONE, FEED_ROOT_RSS, FEED_ROOT_RDF, FEED_ROOT_ATOM, FEED_ROOT_ENTRY, FEED_ROOT_CDF };

/* The kind of document whose root element is el (FEED_ROOT_NONE: not a feed). */
enum feed_root feeditem_root(const xmlNode *el);

/* True when el is an item (RSS, RDF, CDF) or an entry (Atom). */
bool feeditem_is_item(const xmlNode *el);

/*
 * The element holding the feed's own metadata: the channel of RSS and RDF
 * (or the root when it has none), the root of Atom and CDF; NULL for an
 * entry document.
 */
const xmlNode *feeditem_feed_element(const xmlNode *root, enum feed_root kind);

/*
 * A new item record from the item element el (its nested items, left by
 * recovery from bad nesting, are not read).  Dates that are not
 * understood are left out and counted in *bad_dates.
 */
json_t *feeditem_record(const xmlNode *el, unsigned long *bad_dates);

/* A new feed object from the feed element (an empty object for NULL). */
json_t *feeditem_feed(const xmlNode *el, unsigned long *bad_dates);

#endif
