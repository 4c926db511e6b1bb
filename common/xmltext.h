/*
 * xmltext.h - text out of XML trees: what feeds (and other XML inputs)
 * need to turn elements into record fields.
 *
 * The walks are iterative, so a deeply nested document cannot exhaust
 * the stack, and they never follow an entity reference node (an entity
 * the parser left unexpanded stays unexpanded: no entity bomb can grow
 * here).
 */
#ifndef NEWSPIPE_XMLTEXT_H
#define NEWSPIPE_XMLTEXT_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Append the character data (text and CDATA) of el's descendants to out. */
void xml_text(const xmlNode *el, struct strbuf *out);

/*
 * Append el's children serialized as HTML to out: elements by their local
 * names (an XHTML fragment's prefixes and namespace declarations dropped),
 * attributes and text escaped, void elements (br, img, ...) without an end
 * tag; comments and processing instructions left out.
 */
void xml_children_html(const xmlNode *el, struct strbuf *out);

/* True when el has an element child. */
bool xml_has_element_child(const xmlNode *el);

/*
 * Collapse each run of white space (no-break spaces included) in sb to
 * one space and trim both ends (in place): a title or a summary on one
 * line.
 */
void text_collapse_space(struct strbuf *sb);

/* Trim white space at both ends of sb (in place). */
void text_trim(struct strbuf *sb);

/*
 * True when plain-looking text is in fact HTML: it holds a tag ("<p>",
 * "</b>", "<br/>", "<!--") or a character or entity reference ("&amp;",
 * "&#8217;").  What feed readers do for RSS, which never says.
 */
bool text_looks_like_html(const char *s, size_t len);

/*
 * Decode base64 (white space ignored) into out (replacing its contents).
 * Returns false, with out emptied, on anything else.
 */
bool base64_decode(const char *s, size_t len, struct strbuf *out);

#endif
