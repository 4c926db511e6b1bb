/*
 * httpbody.h - an HTTP message body as the server sent it, made plain:
 * Transfer-Encoding: chunked undone, Content-Encoding: gzip or deflate
 * decompressed (with zlib).  For web archives, which keep bodies as they
 * came off the wire (though some crawlers store them decoded and keep
 * the header, so both functions check that the body is what the header
 * says before touching it).
 */
#ifndef NEWSPIPE_HTTPBODY_H
#define NEWSPIPE_HTTPBODY_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/*
 * Undo chunked transfer coding in place.  Returns true when the body was
 * chunked (a cut-short last chunk keeps what arrived); false, body
 * untouched, when it does not start like chunked data.
 */
bool http_dechunk(struct strbuf *body);

/* What http_decode() did. */
enum http_decode_result { HTTP_DECODED, HTTP_NOT_ENCODED, HTTP_UNDECODABLE, HTTP_TOO_LARGE };

/*
 * Decompress body (replaced) by its Content-Encoding value: gzip, x-gzip,
 * deflate (zlib-wrapped or raw); identity or an empty value does nothing.
 * A body that does not start like the announced coding is left as it is
 * (HTTP_NOT_ENCODED).  More than max bytes of output is HTTP_TOO_LARGE;
 * a coding zlib does not know (br) or a broken stream is HTTP_UNDECODABLE.
 */
enum http_decode_result http_decode(const char *encoding, struct strbuf *body, size_t max);

#endif
