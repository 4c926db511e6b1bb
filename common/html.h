/*
 * html.h - web pages and HTML fragments through libxml2's HTML parser.
 *
 * Markup is never taken apart with patterns: a page is parsed into a tree
 * by libxml2 (the parser under lxml and trafilatura), in recovery mode,
 * with the network off, and walked.  The walks here are iterative, so a
 * deeply nested page cannot exhaust the stack.
 *
 * Records hold UTF-8 (JSON strings are UTF-8), so a page taken from a
 * record is always parsed as UTF-8 whatever its <meta charset> says; bytes
 * read from a file or a crawl are converted to UTF-8 before they become a
 * record (news-split).
 */
#ifndef NEWSPIPE_HTML_H
#define NEWSPIPE_HTML_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/*
 * True when text is itself an HTML document: after an optional UTF-8 BOM
 * and white space it starts with "<!doctype html" or "<html" (any case),
 * or with an XML declaration or comments followed by one of them.
 */
bool html_is_document(const char *text, size_t len);

/*
 * Parse UTF-8 HTML (a whole page or a fragment) into a tree.  Never NULL
 * for len > 0 in practice; returns NULL only when libxml2 gives up (an
 * empty input, out of memory, more than INT_MAX bytes).  The caller frees
 * it with xmlFreeDoc().  The tree keeps any depth of nesting and text
 * nodes of any size (libxml2 would stop at depth 256 and lose the rest of
 * the page): walk it iteratively, as the walks here do.
 */
htmlDocPtr html_parse(const char *html, size_t len);

/*
 * The value of attribute name of element el, borrowed from the tree (no
 * copy), or NULL when el has no such attribute.  An attribute written
 * without a value ("<div hidden>") gives "".  Names are compared as the
 * HTML parser stores them: lower case.
 */
const char *html_attr(const xmlNode *el, const char *name);

/* True when el is an element named name (lower case). */
bool html_is(const xmlNode *el, const char *name);

/* True for elements whose content is never text a reader sees. */
bool html_is_invisible(const xmlNode *el);

/* True for elements that start a new line of text (p, div, h1, li, br...). */
bool html_is_block(const xmlNode *el);

/*
 * Append the visible text of node's subtree to out: invisible elements
 * are skipped, each block element starts a new line, white space is
 * collapsed, and no line is empty or has spaces at its ends.  Lines are
 * separated by '\n' with none at the end of out (an existing last line of
 * out is continued only if it does not end in '\n').
 */
void html_text(const xmlNode *node, struct strbuf *out);

/*
 * The visible text of an HTML fragment (a feed's description, a title
 * with markup) as one line: blocks are joined with a space.  Replaces the
 * contents of out.
 */
void html_fragment_text(const char *html, size_t len, struct strbuf *out);

#endif
