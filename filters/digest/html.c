/*
 * html.c - escaping for the page.  Every string that comes from a record
 * goes through one of these: in text, & < > are enough; in an attribute
 * value (always double-quoted on this page) quotes are escaped too.
 * Strings were already stripped of control characters (text_cut).
 */
#include "digest.h"

#include <string.h>

static void
escape(struct strbuf *sb, const char *s, const char *special)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep;
		if (!strchr(special, *s))
			continue;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: rep = "&#39;"; break;
		}
		strbuf_add(sb, run, (size_t)(s - run));
		strbuf_addstr(sb, rep);
		run = s + 1;
	}
	strbuf_add(sb, run, (size_t)(s - run));
}

void
html_text(struct strbuf *sb, const char *s)
{
	escape(sb, s, "&<>");
}

void
html_attr(struct strbuf *sb, const char *s)
{
	escape(sb, s, "&<>\"'");
}
