/* httpbody.c - chunked and compressed HTTP bodies made plain; see httpbody.h. */
#include "httpbody.h"

#include <string.h>
#include <strings.h>
#include <zlib.h>

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The chunk-size line at body[i]: its size, and *next past its line end.
 * -1 when there is no such line.
 */
static long long
chunk_size(const char *b, size_t len, size_t i, size_t *next)
{
	long long size = 0;
	size_t start = i;

	while (i < len && hex_value(b[i]) >= 0) {
		if (size > (1LL << 40))
			return -1;
		size = size * 16 + hex_value(b[i++]);
	}
	if (i == start)
		return -1;
	/* white space, chunk extensions, then the line end */
	while (i < len && (b[i] == ' ' || b[i] == '\t'))
		i++;
	if (i < len && b[i] == ';')
		while (i < len && b[i] != '\n')
			i++;
	if (i < len && b[i] == '\r')
		i++;
	if (i >= len || b[i] != '\n')
		return -1;
	*next = i + 1;
	return size;
}

bool
http_dechunk(struct strbuf *body)
{
	char *b = body->buf;
	size_t len = body->len, i = 0, out = 0, next;
	long long size;

	if (!b || chunk_size(b, len, 0, &next) < 0)
		return false;
	while (i < len) {
		size = chunk_size(b, len, i, &next);
		if (size <= 0)
			break;
		i = next;
		if ((unsigned long long)size > len - i)
			size = (long long)(len - i); /* cut short: keep what came */
		memmove(b + out, b + i, (size_t)size);
		out += (size_t)size;
		i += (size_t)size;
		/* the CRLF after the data */
		if (i < len && b[i] == '\r')
			i++;
		if (i < len && b[i] == '\n')
			i++;
	}
	body->len = out;
	b[out] = '\0';
	return true;
}

/* Inflate in into out with the given window bits.  0, or -1 broken, -2 too large. */
static int
inflate_all(const struct strbuf *in, struct strbuf *out, int window_bits, size_t max)
{
	z_stream z;
	int rc;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, window_bits) != Z_OK)
		return -1;
	z.next_in = (Bytef *)in->buf;
	z.avail_in = (uInt)in->len;
	do {
		strbuf_grow(out, in->len * 2 + 4096);
		z.next_out = (Bytef *)(out->buf + out->len);
		z.avail_out = (uInt)(out->cap - out->len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		out->len = (size_t)((char *)z.next_out - out->buf);
		if (out->len > max) {
			inflateEnd(&z);
			return -2;
		}
		/* Concatenated gzip members: go on with the next one. */
		if (rc == Z_STREAM_END && z.avail_in > 0 && window_bits > 15) {
			inflateReset(&z);
			rc = Z_OK;
		}
	} while (rc == Z_OK || (rc == Z_BUF_ERROR && z.avail_out == 0));
	inflateEnd(&z);
	out->buf[out->len] = '\0';
	/* A stream cut short still gives what it had (Z_BUF_ERROR with input used up). */
	return rc == Z_STREAM_END || (rc == Z_BUF_ERROR && z.avail_in == 0 && out->len > 0) ? 0 : -1;
}

enum http_decode_result
http_decode(const char *encoding, struct strbuf *body, size_t max)
{
	struct strbuf out = STRBUF_INIT;
	int rc;
	bool gzip;

	if (!encoding || !*encoding || strcasecmp(encoding, "identity") == 0 || !body->buf || body->len == 0)
		return HTTP_NOT_ENCODED;
	gzip = strcasecmp(encoding, "gzip") == 0 || strcasecmp(encoding, "x-gzip") == 0;
	if (gzip) {
		if (body->len < 2 || (unsigned char)body->buf[0] != 0x1f || (unsigned char)body->buf[1] != 0x8b)
			return HTTP_NOT_ENCODED; /* stored already decoded */
		rc = inflate_all(body, &out, 16 + MAX_WBITS, max);
	} else if (strcasecmp(encoding, "deflate") == 0) {
		/* RFC 9110 says zlib-wrapped; some servers send raw deflate. */
		unsigned char c0 = (unsigned char)body->buf[0];
		bool zlib_wrapped = body->len >= 2 && (c0 & 0x0f) == 8 && ((c0 << 8) | (unsigned char)body->buf[1]) % 31 == 0;
		rc = inflate_all(body, &out, zlib_wrapped ? MAX_WBITS : -MAX_WBITS, max);
		if (rc == -1 && !zlib_wrapped) {
			strbuf_release(&out);
			return HTTP_NOT_ENCODED;
		}
	} else {
		return HTTP_UNDECODABLE;
	}
	if (rc != 0) {
		strbuf_release(&out);
		return rc == -2 ? HTTP_TOO_LARGE : HTTP_UNDECODABLE;
	}
	strbuf_release(body);
	*body = out;
	return HTTP_DECODED;
}
