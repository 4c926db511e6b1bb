/* warc.c - WARC records in, web pages out; see warc.h. */
#include "warc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "date.h"
#include "err.h"
#include "html.h"
#include "httpbody.h"
#include "strbuf.h"
#include "xalloc.h"

/* The longest header line read, and the most of a response read to find its HTTP headers. */
#define LINE_MAX_BYTES (64u << 10)
#define HTTP_HEAD_MAX (64u << 10)
/* The most of a record's WARC headers kept (real ones are under 2 KB). */
#define HEAD_MAX (1u << 20)

/* The input as bytes: the reader's blocks, after any bytes given back. */
struct bytes {
	struct reader *r;
	const char *p;          /* unread part of the reader's last block */
	size_t n;
	struct strbuf back;     /* bytes to read again first */
	size_t back_pos;
	unsigned long long offset; /* bytes consumed */
	bool eof;
};

struct warc_reader {
	struct bytes in;
	const char *name;
	struct strbuf head, block, html, id, url, date;
	struct warc_stats st;
	unsigned long long record_at; /* offset of the record being read */
};

/* --- bytes --------------------------------------------------------------- */

/* The next unread bytes (at least one unless at the end). */
static size_t
avail(struct bytes *b, const char **p)
{
	if (b->back_pos < b->back.len) {
		*p = b->back.buf + b->back_pos;
		return b->back.len - b->back_pos;
	}
	if (b->n == 0 && !b->eof) {
		if (reader_read(b->r, &b->p, &b->n) != 0 || b->n == 0) {
			b->eof = true;
			b->n = 0;
		}
	}
	*p = b->p;
	return b->n;
}

static void
consume(struct bytes *b, size_t k)
{
	b->offset += k;
	if (b->back_pos < b->back.len) {
		b->back_pos += k;
		if (b->back_pos == b->back.len) {
			strbuf_reset(&b->back);
			b->back_pos = 0;
		}
		return;
	}
	b->p += k;
	b->n -= k;
}

/* Give bytes back, to be read again before anything else. */
static void
give_back(struct bytes *b, const char *data, size_t len)
{
	struct strbuf rest = STRBUF_INIT;

	strbuf_add(&rest, data, len);
	if (b->back_pos < b->back.len)
		strbuf_add(&rest, b->back.buf + b->back_pos, b->back.len - b->back_pos);
	strbuf_release(&b->back);
	b->back = rest;
	b->back_pos = 0;
	b->offset -= len;
}

/* Append up to limit bytes to out, through the first '\n'.  The number of bytes read. */
static size_t
read_line(struct bytes *b, struct strbuf *out, size_t limit)
{
	size_t got = 0;

	while (got < limit) {
		const char *p, *nl;
		size_t n = avail(b, &p), take;
		if (n == 0)
			break;
		if (n > limit - got)
			n = limit - got;
		nl = memchr(p, '\n', n);
		take = nl ? (size_t)(nl - p) + 1 : n;
		strbuf_add(out, p, take);
		consume(b, take);
		got += take;
		if (nl)
			break;
	}
	return got;
}

/* Append up to len bytes to out (or drop them when out is NULL).  The number read. */
static size_t
read_bytes(struct bytes *b, struct strbuf *out, size_t len)
{
	size_t got = 0;

	while (got < len) {
		const char *p;
		size_t n = avail(b, &p);
		if (n == 0)
			break;
		if (n > len - got)
			n = len - got;
		if (out)
			strbuf_add(out, p, n);
		consume(b, n);
		got += n;
	}
	return got;
}

/* --- headers ------------------------------------------------------------- */

/*
 * The value of a header in a block of "Name: value" lines (the first
 * line, a status or version line, is not a header), trimmed, into out.
 */
static bool
header(const struct strbuf *head, const char *name, struct strbuf *out)
{
	const char *p = head->buf ? head->buf : "", *end = p + head->len;
	size_t n = strlen(name);

	strbuf_reset(out);
	p = memchr(p, '\n', (size_t)(end - p));
	while (p && ++p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *stop = eol ? eol : end;
		if ((size_t)(stop - p) > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1, *e = stop;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
				e--;
			strbuf_add(out, v, (size_t)(e - v));
			if (!out->buf)
				strbuf_addstr(out, "");
			return true;
		}
		p = eol;
	}
	return false;
}

static bool
is_blank_line(const char *p, size_t n)
{
	return (n == 1 && p[0] == '\n') || (n == 2 && p[0] == '\r' && p[1] == '\n');
}

/* A content type's media type is one of HTML's. */
static bool
is_html_type(const char *ct)
{
	size_t n = strcspn(ct, "; \t");

	return (n == 9 && strncasecmp(ct, "text/html", 9) == 0) ||
	       (n == 21 && strncasecmp(ct, "application/xhtml+xml", 21) == 0);
}

/* --- records ------------------------------------------------------------- */

/*
 * Read up to the next "WARC/" version line and the headers after it into
 * w->head.  Returns 1, or 0 at the end of the input.
 */
static int
read_record_head(struct warc_reader *w)
{
	bool skipped = false, reported = false;
	unsigned long long skipped_at = 0;

again:
	for (;;) {
		strbuf_reset(&w->head);
		w->record_at = w->in.offset;
		if (read_line(&w->in, &w->head, LINE_MAX_BYTES) == 0) {
			if (skipped && !reported) {
				w->st.damaged++;
				warn("%s: bytes from %llu to the end are no WARC record", w->name, skipped_at);
			}
			return 0;
		}
		if (w->head.len >= 5 && memcmp(w->head.buf, "WARC/", 5) == 0)
			break;
		if (is_blank_line(w->head.buf, w->head.len))
			continue; /* extra blank lines between records */
		if (!skipped) {
			skipped = true;
			skipped_at = w->record_at;
		}
	}
	if (skipped && !reported) {
		w->st.damaged++;
		warn("%s: bytes %llu to %llu are no WARC record: skipped to the next one", w->name, skipped_at,
		     w->record_at);
	}
	skipped = reported = false;
	for (;;) {
		size_t before = w->head.len, n = read_line(&w->in, &w->head, LINE_MAX_BYTES);
		if (n > 0 && is_blank_line(w->head.buf + before, n))
			return 1;
		if (n == 0 || (n < LINE_MAX_BYTES && w->head.buf[w->head.len - 1] != '\n')) {
			w->st.damaged++;
			warn("%s: record at byte %llu: truncated: the input ends in its headers", w->name, w->record_at);
			return 0;
		}
		if (w->head.len > HEAD_MAX) {
			/* Not held whole: memory must not grow with the input.  The rest is skipped as no record. */
			w->st.damaged++;
			warn("%s: record at byte %llu: headers longer than %u bytes: skipped to the next record", w->name,
			     w->record_at, HEAD_MAX);
			skipped = reported = true;
			goto again;
		}
	}
}

/*
 * After a block: the record's end (CRLF CRLF; any one to four line ends
 * are taken), then the next record or the end of the input.  False, with
 * nothing consumed, when something else follows: the Content-Length was
 * wrong.
 */
static bool
record_end(struct warc_reader *w)
{
	struct strbuf t = STRBUF_INIT;
	size_t n = read_bytes(&w->in, &t, 9), ends = 0;
	bool ok;

	while (ends < n && ends < 4 && (t.buf[ends] == '\r' || t.buf[ends] == '\n'))
		ends++;
	ok = (n < 9 && n == ends) || (n - ends >= 5 && memcmp(t.buf + ends, "WARC/", 5) == 0);
	if (n > (ok ? ends : 0))
		give_back(&w->in, t.buf + (ok ? ends : 0), n - (ok ? ends : 0));
	strbuf_release(&t);
	return ok;
}

/*
 * A block read whole whose Content-Length overshot: if the next record
 * starts inside it (a line starting "WARC/1.", or the block's last bytes
 * starting one), give that part back so it is not lost.
 */
static void
recover_next_record(struct warc_reader *w)
{
	static const char version[] = "WARC/1.";
	const char *b = w->block.buf, *end, *p;

	if (w->block.len == 0)
		return; /* nothing was read (and buf may be NULL) */
	end = b + w->block.len;
	for (p = b + 1; p < end; p++) {
		size_t have = (size_t)(end - p), n = have < 7 ? have : 7;
		if (p[-1] == '\n' && *p == 'W' && n >= 2 && memcmp(p, version, n) == 0) {
			give_back(&w->in, p, have);
			return;
		}
	}
}

/* The HTTP response at the start of the block: status and the end of its headers. */
static bool
http_head(const struct strbuf *block, int *status, size_t *body_at)
{
	const char *b = block->buf, *end, *p;

	*status = 0;
	if (block->len < 12 || strncmp(b, "HTTP/", 5) != 0)
		return false; /* (an empty block's buf is NULL) */
	end = b + block->len;
	p = memchr(b, ' ', (size_t)(end - b));
	if (!p || end - p < 4)
		return false;
	*status = atoi(p + 1);
	for (p = b; p < end; p++) {
		if (*p != '\n')
			continue;
		if (p + 1 < end && p[1] == '\n') {
			*body_at = (size_t)(p + 2 - b);
			return true;
		}
		if (p + 2 < end && p[1] == '\r' && p[2] == '\n') {
			*body_at = (size_t)(p + 3 - b);
			return true;
		}
	}
	return false;
}

/* Count a record skipped by its WARC-Type. */
static void
count_type(struct warc_reader *w, const char *type)
{
	if (strcasecmp(type, "request") == 0)
		w->st.request++;
	else if (strcasecmp(type, "metadata") == 0)
		w->st.metadata++;
	else if (strcasecmp(type, "revisit") == 0)
		w->st.revisit++;
	else if (strcasecmp(type, "warcinfo") == 0)
		w->st.warcinfo++;
	else
		w->st.other_type++;
}

/*
 * The page in a block read whole: body at body_at, with the HTTP headers
 * (NULL for a resource record) saying how it is coded.  True when it is
 * an HTML page, left UTF-8 in w->html.
 */
static bool
make_page(struct warc_reader *w, const struct strbuf *http, size_t body_at, const char *ctype)
{
	struct strbuf body = STRBUF_INIT, v = STRBUF_INIT;
	char http_charset[CHARSET_MAX] = "", charset[CHARSET_MAX];
	bool ok = false;

	if (w->block.len > body_at) /* (an empty block's buf is NULL) */
		strbuf_add(&body, w->block.buf + body_at, w->block.len - body_at);
	if (http) {
		if (header(http, "Transfer-Encoding", &v) && strstr(v.buf, "chunked"))
			http_dechunk(&body);
		if (header(http, "Content-Encoding", &v)) {
			enum http_decode_result r = http_decode(v.buf, &body, WARC_PAGE_MAX);
			if (r == HTTP_TOO_LARGE || r == HTTP_UNDECODABLE) {
				if (r == HTTP_TOO_LARGE)
					w->st.too_large++;
				else
					w->st.undecodable++;
				goto out;
			}
		}
	}
	if (ctype && *ctype) {
		if (!is_html_type(ctype)) {
			w->st.not_html++;
			goto out;
		}
		charset_from_content_type(ctype, strlen(ctype), http_charset);
	} else if (!html_is_document(body.buf ? body.buf : "", body.len)) {
		w->st.not_html++;
		goto out;
	}
	charset_sniff_html(body.buf ? body.buf : "", body.len, http_charset[0] ? http_charset : NULL, charset);
	strbuf_reset(&w->html);
	charset_to_utf8(body.buf ? body.buf : "", body.len, charset, &w->html);
	ok = true;
out:
	strbuf_release(&body);
	strbuf_release(&v);
	return ok;
}

/*
 * Read the block of the record in w->head (length len) and make its page.
 * Returns 1 for a page, 0 for a record skipped, -1 at a truncated end.
 */
static int
read_block(struct warc_reader *w, const char *type, unsigned long long len)
{
	struct strbuf ctype = STRBUF_INIT, http = STRBUF_INIT;
	bool response = strcasecmp(type, "response") == 0, page = false;
	size_t got, body_at = 0;
	int status;

	strbuf_reset(&w->block);
	header(&w->head, "Content-Type", &ctype);
	if (!response && strcasecmp(type, "resource") != 0) {
		count_type(w, type);
		got = read_bytes(&w->in, NULL, len);
		goto end;
	}
	if (!response && (ctype.len == 0 || !is_html_type(ctype.buf))) {
		w->st.not_html++;
		got = read_bytes(&w->in, NULL, len);
		goto end;
	}
	/* Enough to see the HTTP headers, then the rest only for a page kept. */
	got = read_bytes(&w->in, &w->block, len < HTTP_HEAD_MAX ? len : HTTP_HEAD_MAX);
	if (response) {
		if (!http_head(&w->block, &status, &body_at)) {
			w->st.not_html++; /* not an HTTP response we can read */
			got += read_bytes(&w->in, NULL, len - got);
			goto end;
		}
		if (status != 200) {
			w->st.not_ok++;
			got += read_bytes(&w->in, NULL, len - got);
			goto end;
		}
		strbuf_add(&http, w->block.buf, body_at);
		header(&http, "Content-Type", &ctype);
	}
	if (len - body_at > WARC_PAGE_MAX) {
		w->st.too_large++;
		got += read_bytes(&w->in, NULL, len - got);
		goto end;
	}
	got += read_bytes(&w->in, &w->block, len - got);
	if (got == len)
		page = make_page(w, response ? &http : NULL, body_at, ctype.len ? ctype.buf : NULL);
end:
	strbuf_release(&ctype);
	strbuf_release(&http);
	if (got < len) {
		size_t before = w->in.back.len - w->in.back_pos;
		w->st.damaged++;
		recover_next_record(w);
		if (w->in.back.len - w->in.back_pos > before) {
			/* The next record starts inside: the Content-Length was wrong. */
			warn("%s: record at byte %llu: its Content-Length of %llu bytes runs past the end of the input: "
			     "skipped to the next record",
			     w->name, w->record_at, len);
			return 0;
		}
		warn("%s: record at byte %llu: truncated: its Content-Length is %llu, the input ends after %zu", w->name,
		     w->record_at, len, got);
		return -1;
	}
	return page ? 1 : 0;
}

/* The page of the record just read, from its headers and w->html; v is scratch. */
static void
fill_page(struct warc_reader *w, struct warc_page *page, struct strbuf *v)
{
	header(&w->head, "WARC-Record-ID", &w->id);
	header(&w->head, "WARC-Target-URI", &w->url);
	if (w->url.len >= 2 && w->url.buf[0] == '<' && w->url.buf[w->url.len - 1] == '>') {
		memmove(w->url.buf, w->url.buf + 1, w->url.len - 2);
		w->url.len -= 2;
		w->url.buf[w->url.len] = '\0';
	}
	header(&w->head, "WARC-Date", v);
	strbuf_reset(&w->date);
	strbuf_grow(&w->date, DATE_ISO_MAX);
	if (date_iso_utc(v->buf ? v->buf : "", v->len, w->date.buf) > 0)
		w->date.len = strlen(w->date.buf);
	else
		strbuf_add(&w->date, v->buf ? v->buf : "", v->len);
	page->id = w->id.buf ? w->id.buf : "";
	page->url = w->url.buf ? w->url.buf : "";
	page->fetched = w->date.buf ? w->date.buf : "";
	page->html = w->html.buf ? w->html.buf : "";
	page->html_len = w->html.len;
	w->st.pages++;
}

int
warc_next_page(struct warc_reader *w, struct warc_page *page)
{
	struct strbuf type = STRBUF_INIT, v = STRBUF_INIT;
	int rc = 0;

	while (read_record_head(w)) {
		unsigned long long len;
		char *end;

		w->st.records++;
		header(&w->head, "WARC-Type", &type);
		if (!header(&w->head, "Content-Length", &v)) {
			w->st.damaged++;
			warn("%s: record at byte %llu: no Content-Length: skipped to the next record", w->name, w->record_at);
			continue;
		}
		/* Digits only: strtoull() would take "-1" as 2^64 - 1 and lose every record after it. */
		if (v.buf[0] < '0' || v.buf[0] > '9' || (errno = 0, len = strtoull(v.buf, &end, 10), *end || errno == ERANGE)) {
			w->st.damaged++;
			warn("%s: record at byte %llu: Content-Length '%.40s' is not a number of bytes: skipped to the next record",
			     w->name, w->record_at, v.buf);
			continue;
		}
		rc = read_block(w, type.buf ? type.buf : "", len);
		if (rc < 0) {
			rc = 0;
			break;
		}
		if (!record_end(w)) {
			w->st.damaged++;
			warn("%s: record at byte %llu: no record end after its Content-Length of %llu bytes (a wrong "
			     "Content-Length?): skipped to the next record",
			     w->name, w->record_at, len);
			if (w->block.len == len)
				recover_next_record(w);
			rc = 0;
			continue;
		}
		if (rc == 1) {
			fill_page(w, page, &v);
			break;
		}
	}
	strbuf_release(&type);
	strbuf_release(&v);
	return rc;
}

struct warc_reader *
warc_reader_new(struct reader *r, const char *name)
{
	struct warc_reader *w = xcalloc(1, sizeof *w);

	w->in.r = r;
	w->name = name;
	return w;
}

void
warc_reader_stats(const struct warc_reader *w, struct warc_stats *st)
{
	*st = w->st;
}

void
warc_reader_free(struct warc_reader *w)
{
	if (!w)
		return;
	strbuf_release(&w->in.back);
	strbuf_release(&w->head);
	strbuf_release(&w->block);
	strbuf_release(&w->html);
	strbuf_release(&w->id);
	strbuf_release(&w->url);
	strbuf_release(&w->date);
	free(w);
}

bool
warc_sniff(const char *data, size_t n)
{
	return n >= 7 && memcmp(data, "WARC/1.", 7) == 0;
}
