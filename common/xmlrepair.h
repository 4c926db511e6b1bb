/*
 * xmlrepair.h - feed bytes made fit for libxml2 before it parses them.
 *
 * Two faults of real feeds that libxml2's recovery handles badly are
 * mended at the byte level, as the document streams through:
 *
 *   - a bare '&' (an unescaped URL query: "?a=1&b=2"), which XML
 *     forbids and libxml2 drops together with the text after it, is
 *     written "&amp;" -- outside CDATA sections, comments and processing
 *     instructions, where '&' is plain text anyway;
 *   - a document that declares no encoding (or UTF-8) but is not UTF-8
 *     is flagged, to be read as windows-1252 (what the web sends then),
 *     judged on the first block with a byte over 0x7f.
 *
 * A well-formed document passes through unchanged.  UTF-16 and UCS-4
 * documents (a BOM, or a NUL among the first bytes) pass through
 * untouched: their bytes are not characters.
 */
#ifndef NEWSPIPE_XMLREPAIR_H
#define NEWSPIPE_XMLREPAIR_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct xml_repair {
	enum { XR_TEXT, XR_CDATA, XR_COMMENT, XR_PI } lex; /* where the last block ended */
	struct strbuf held;      /* the end of the last block, undecided yet */
	unsigned long bare_amps; /* '&'s escaped */
	bool started;
	bool passthrough;        /* UTF-16 or UCS-4 */
	bool judged;             /* not_utf8 is known: an encoding declared, or the first block with a byte over 0x7f */
	bool not_utf8;           /* undeclared and not UTF-8 */
};

#define XML_REPAIR_INIT { XR_TEXT, STRBUF_INIT, 0, false, false, false, false }

/*
 * Append the next len bytes of the document, mended, to out.  Bytes that
 * cannot be judged before more input arrives (a '&' at the end of the
 * block) are held for the next call; final says there is none.
 */
void xml_repair(struct xml_repair *x, const char *data, size_t len, bool final, struct strbuf *out);

/* True while a CDATA section is open at the end of what was mended. */
bool xml_repair_in_cdata(const struct xml_repair *x);

void xml_repair_release(struct xml_repair *x);

#endif
