/* xmlrepair.c - bare '&'s escaped, undeclared non-UTF-8 spotted; see xmlrepair.h. */
#include "xmlrepair.h"

#include <string.h>
#include <strings.h>

#include "utf8.h"

/* The XML declaration names an encoding other than UTF-8. */
static bool
declares_encoding(const char *data, size_t len)
{
	const char *p = data, *end, *e;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		return false; /* a UTF-8 BOM: UTF-8 whatever is declared */
	if (len < 5 || memcmp(p, "<?xml", 5) != 0)
		return false;
	end = memchr(p, '>', len < 200 ? len : 200);
	if (!end)
		return false;
	for (e = p; e + 8 < end; e++)
		if (memcmp(e, "encoding", 8) == 0) {
			e += 8;
			while (e < end && (*e == ' ' || *e == '=' || *e == '"' || *e == '\''))
				e++;
			return end - e < 5 || strncasecmp(e, "utf-8", 5) != 0;
		}
	return false;
}

/* data is UTF-8, but for a sequence cut at its end. */
static bool
utf8_prefix_valid(const char *data, size_t len)
{
	size_t cut = 0;

	while (cut < 3 && cut < len && ((unsigned char)data[len - 1 - cut] & 0xc0) == 0x80)
		cut++;
	if (cut < len && ((unsigned char)data[len - 1 - cut] & 0xc0) == 0xc0)
		cut++;
	else
		cut = 0;
	return utf8_valid(data, len - cut);
}

static bool
name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c & 0x80);
}

/* Length of an XML name at p (at most 64 bytes looked at), 0 if none. */
static size_t
name_length(const char *p, const char *end)
{
	const char *q = p;

	if (q == end || !name_start(*q))
		return 0;
	for (q++; q < end && q - p < 64 && (name_start(*q) || (*q >= '0' && *q <= '9') || *q == '-' || *q == '.'); q++)
		;
	return (size_t)(q - p);
}

/*
 * Is the '&' at p a reference ("&name;", "&#38;", "&#x26;")?  1 yes, 0 no,
 * -1 cannot tell before more input arrives.
 */
static int
is_reference(const char *p, const char *end)
{
	const char *q = p + 1;

	if (q < end && *q == '#') {
		q++;
		if (q < end && (*q == 'x' || *q == 'X'))
			q++;
		while (q < end && q - p < 16 &&
		       ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F')))
			q++;
	} else {
		q += name_length(q, end);
	}
	if (q == end)
		return q - p < 66 ? -1 : 0;
	return *q == ';' && q > p + 1 + (p[1] == '#');
}

/* The first bytes: what kind of document this is. */
static void
start(struct xml_repair *x, const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;

	x->started = true;
	x->passthrough = len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe) || u[0] == 0 ||
				      u[1] == 0);
	/* A UTF-8 byte-order mark says UTF-8, whatever follows. */
	x->judged = x->passthrough || declares_encoding(data, len) || (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0);
}

/*
 * Is the document UTF-8?  Judged on the first block with a byte over
 * 0x7f (all before were ASCII, so the block starts a character): a feed
 * in windows-1252 may be ASCII for its first blocks, and its first
 * accented letter must not reach libxml2 as broken UTF-8.
 */
static void
judge(struct xml_repair *x, const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < len && !((unsigned char)data[i] & 0x80); i++)
		;
	if (i == len)
		return;
	x->judged = true;
	x->not_utf8 = !utf8_prefix_valid(data, len);
}

/*
 * At p, '<' in text: the start of a CDATA section, comment or processing
 * instruction changes the state.  Returns the bytes to copy (the opener,
 * or the '<' alone), 0 when the block ends too soon to tell.
 */
static size_t
open_section(struct xml_repair *x, const char *p, const char *end, bool final)
{
	static const char *const starts[] = { "", "<![CDATA[", "<!--", "<?" };
	size_t k, have = (size_t)(end - p);
	bool undecided = false;

	for (k = XR_CDATA; k <= XR_PI; k++) {
		size_t m = strlen(starts[k]);
		if (memcmp(p, starts[k], have < m ? have : m) != 0)
			continue;
		if (have < m) {
			undecided = !final;
			continue;
		}
		x->lex = k;
		return m;
	}
	return undecided ? 0 : 1;
}

void
xml_repair(struct xml_repair *x, const char *data, size_t len, bool final, struct strbuf *out)
{
	static const char *const ends[] = { "", "]]>", "-->", "?>" };
	struct strbuf work = STRBUF_INIT;
	const char *p, *end, *q;

	if (!x->started && len > 0)
		start(x, data, len);
	if (!x->judged)
		judge(x, data, len);
	if (x->passthrough) {
		strbuf_add(out, data, len);
		return;
	}
	if (x->held.len) {
		strbuf_add(&work, x->held.buf, x->held.len);
		strbuf_add(&work, data, len);
		strbuf_reset(&x->held);
		data = work.buf;
		len = work.len;
	}
	p = data;
	end = data + len;
	while (p < end) {
		size_t n;
		if (x->lex != XR_TEXT) {
			/* Copied as it is, to the section's end. */
			const char *e = ends[x->lex];
			n = strlen(e);
			for (q = p; q + n <= end && memcmp(q, e, n) != 0; q++)
				;
			if (q + n <= end) {
				strbuf_add(out, p, (size_t)(q + n - p));
				p = q + n;
				x->lex = XR_TEXT;
				continue;
			}
			/* Hold what could be the start of the end mark. */
			q = final ? end : (size_t)(end - p) > n - 1 ? end - (n - 1) : p;
			strbuf_add(out, p, (size_t)(q - p));
			p = q;
			break;
		}
		for (q = p; q < end && *q != '&' && *q != '<'; q++)
			;
		strbuf_add(out, p, (size_t)(q - p));
		p = q;
		if (p == end)
			break;
		if (*p == '<') {
			if ((n = open_section(x, p, end, final)) == 0)
				break;
			strbuf_add(out, p, n);
			p += n;
			continue;
		}
		switch (final ? is_reference(p, end) == 1 : is_reference(p, end)) {
		case -1:
			goto hold;
		case 0:
			strbuf_addstr(out, "&amp;");
			x->bare_amps++;
			break;
		default:
			strbuf_addch(out, '&');
			break;
		}
		p++;
	}
hold:
	if (p < end)
		strbuf_add(&x->held, p, (size_t)(end - p));
	strbuf_release(&work);
}

bool
xml_repair_in_cdata(const struct xml_repair *x)
{
	return x->lex == XR_CDATA;
}

void
xml_repair_release(struct xml_repair *x)
{
	strbuf_release(&x->held);
}
