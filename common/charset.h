/*
 * charset.h - the character encoding of web pages, and conversion to UTF-8.
 *
 * Records hold UTF-8; pages come in whatever their server or their
 * <meta> says.  The encoding is found as browsers find it (WHATWG
 * "encoding sniffing", simplified): a byte-order mark, then the HTTP
 * header's charset, then a <meta charset> or <meta http-equiv=
 * "Content-Type"> near the top of the page, then UTF-8 if the bytes are
 * valid UTF-8, else windows-1252.  Labels are mapped as browsers map
 * them (ISO-8859-1 and US-ASCII mean windows-1252, GB2312 means GB18030,
 * Shift_JIS means windows-31J ...).  Conversion uses glibc's iconv.
 */
#ifndef NEWSPIPE_CHARSET_H
#define NEWSPIPE_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Room for a charset name written by these functions, with its NUL. */
#define CHARSET_MAX 40

/*
 * The charset a Content-Type value declares ("text/html; charset=
 * \"ISO-8859-1\""), as the label written (unmapped), into out.  False
 * (out empty) when it declares none.
 */
bool charset_from_content_type(const char *value, size_t len, char out[CHARSET_MAX]);

/*
 * The iconv name for a charset label (any case, spaces around allowed):
 * "latin1" -> "WINDOWS-1252", "utf8" -> "UTF-8".  A label that is not
 * known here is returned upper-cased, for iconv to judge.
 */
void charset_name(const char *label, char out[CHARSET_MAX]);

/*
 * The charset of a page's bytes (see above); http is the HTTP header's
 * charset label, or NULL.  Writes an iconv name into out.
 */
void charset_sniff_html(const char *data, size_t len, const char *http, char out[CHARSET_MAX]);

/*
 * Append data, in charset (an iconv name), to out as UTF-8.  A byte-order
 * mark is dropped; bytes that are not valid in the charset, and NUL
 * bytes, become U+FFFD.  An unknown charset is read as windows-1252 and
 * -1 returned; otherwise 0.
 */
int charset_to_utf8(const char *data, size_t len, const char *charset, struct strbuf *out);

/*
 * The same for a part of a document read in blocks (no byte-order mark
 * is looked for: the bytes at a block's start are text).  Only for a
 * charset whose characters never straddle two blocks: a single-byte one
 * such as windows-1252.
 */
int charset_part_to_utf8(const char *data, size_t len, const char *charset, struct strbuf *out);

#endif
