/* charset.c - page encodings found and converted to UTF-8; see charset.h. */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

/* How far into a page a <meta> charset is looked for (browsers: 1024 bytes; pages run longer). */
#define META_SCAN 4096

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool
charset_from_content_type(const char *value, size_t len, char out[CHARSET_MAX])
{
	const char *p = value, *end = value + len;
	size_t n = 0;

	out[0] = '\0';
	for (; p + 7 <= end; p++)
		if (strncasecmp(p, "charset", 7) == 0)
			break;
	if (p + 7 > end)
		return false;
	p += 7;
	while (p < end && is_space(*p))
		p++;
	if (p == end || *p != '=')
		return false;
	p++;
	while (p < end && is_space(*p))
		p++;
	if (p < end && (*p == '"' || *p == '\''))
		p++;
	while (p < end && !is_space(*p) && *p != ';' && *p != '"' && *p != '\'' && *p != ',' && n + 1 < CHARSET_MAX)
		out[n++] = *p++;
	out[n] = '\0';
	return n > 0;
}

void
charset_name(const char *label, char out[CHARSET_MAX])
{
	/* The WHATWG Encoding Standard's labels where iconv's names differ. */
	static const struct {
		const char *label, *name;
	} map[] = {
		{ "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
		{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" }, { "iso_8859-1", "WINDOWS-1252" },
		{ "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" },
		{ "ascii", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" }, { "x-cp1252", "WINDOWS-1252" },
		{ "cp819", "WINDOWS-1252" }, { "ibm819", "WINDOWS-1252" }, { "iso-ir-100", "WINDOWS-1252" },
		{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" }, { "iso-8859-11", "CP874" },
		{ "tis-620", "CP874" }, { "windows-874", "CP874" },
		{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" }, { "chinese", "GB18030" },
		{ "gb_2312-80", "GB18030" }, { "csgb2312", "GB18030" },
		{ "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" }, { "x-sjis", "CP932" },
		{ "ms_kanji", "CP932" }, { "windows-31j", "CP932" }, { "csshiftjis", "CP932" },
		{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "korean", "CP949" }, { "windows-949", "CP949" },
		{ "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
		{ "x-mac-roman", "MACINTOSH" }, { "mac", "MACINTOSH" }, { "macintosh", "MACINTOSH" },
		{ "utf-16", "UTF-16LE" }, { "unicode", "UTF-16LE" },
	};
	char low[CHARSET_MAX];
	size_t n = 0, k;
	const char *p = label;

	while (is_space(*p))
		p++;
	while (*p && !is_space(*p) && n + 1 < CHARSET_MAX) {
		low[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		p++;
	}
	low[n] = '\0';
	for (k = 0; k < sizeof map / sizeof map[0]; k++)
		if (strcmp(low, map[k].label) == 0) {
			strcpy(out, map[k].name);
			return;
		}
	for (k = 0; k <= n; k++)
		out[k] = (char)(low[k] >= 'a' && low[k] <= 'z' ? low[k] - 32 : low[k]);
}

/* A byte-order mark: its charset and length. */
static size_t
bom(const char *data, size_t len, char out[CHARSET_MAX])
{
	const unsigned char *d = (const unsigned char *)data;

	if (len >= 3 && d[0] == 0xef && d[1] == 0xbb && d[2] == 0xbf) {
		strcpy(out, "UTF-8");
		return 3;
	}
	if (len >= 2 && d[0] == 0xff && d[1] == 0xfe) {
		strcpy(out, "UTF-16LE");
		return 2;
	}
	if (len >= 2 && d[0] == 0xfe && d[1] == 0xff) {
		strcpy(out, "UTF-16BE");
		return 2;
	}
	return 0;
}

/* The first <meta> that names a charset, in a tree parsed from the top of the page. */
static bool
meta_charset(const xmlNode *n, char out[CHARSET_MAX])
{
	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, "meta") == 0) {
			xmlChar *cs = xmlGetProp(n, (const xmlChar *)"charset");
			xmlChar *equiv = xmlGetProp(n, (const xmlChar *)"http-equiv");
			xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
			bool found = false;
			if (cs && *cs) {
				snprintf(out, CHARSET_MAX, "%s", (const char *)cs);
				found = true;
			} else if (equiv && content && strcasecmp((const char *)equiv, "content-type") == 0) {
				found = charset_from_content_type((const char *)content, strlen((const char *)content), out);
			}
			xmlFree(cs);
			xmlFree(equiv);
			xmlFree(content);
			if (found)
				return true;
		}
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && !n->next)
			n = n->parent;
		if (n)
			n = n->next;
	}
	return false;
}

void
charset_sniff_html(const char *data, size_t len, const char *http, char out[CHARSET_MAX])
{
	char label[CHARSET_MAX] = "";
	htmlDocPtr doc;

	if (bom(data, len, out))
		return;
	if (http && *http) {
		charset_name(http, out);
		return;
	}
	/* Latin-1 maps each byte to one character, so any page parses; the
	 * meta's attributes are ASCII in every encoding a meta can declare. */
	doc = htmlReadMemory(data, (int)(len < META_SCAN ? len : META_SCAN), NULL, "ISO-8859-1",
			     HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (doc && meta_charset(doc->children, label)) {
		charset_name(label, out);
		/* A page that says UTF-16 in ASCII is not UTF-16 (WHATWG). */
		if (strncmp(out, "UTF-16", 6) == 0)
			strcpy(out, "UTF-8");
	} else if (utf8_valid(data, len)) {
		strcpy(out, "UTF-8");
	} else {
		strcpy(out, "WINDOWS-1252");
	}
	xmlFreeDoc(doc);
}

static void
add_replacement(struct strbuf *out)
{
	strbuf_addstr(out, "\xef\xbf\xbd");
}

/* UTF-8 input: copied, with invalid sequences and NULs replaced. */
static void
utf8_copy(const char *data, size_t len, struct strbuf *out)
{
	size_t i = 0, start;

	if (utf8_valid(data, len) && !memchr(data, '\0', len)) {
		strbuf_add(out, data, len);
		return;
	}
	strbuf_grow(out, len);
	while (i < len) {
		uint32_t cp;
		start = i;
		cp = utf8_next(data, len, &i);
		if (cp == 0 || (cp == 0xfffd && !(i - start == 3 && memcmp(data + start, "\xef\xbf\xbd", 3) == 0)))
			add_replacement(out);
		else
			strbuf_add(out, data + start, i - start);
	}
}

int
charset_to_utf8(const char *data, size_t len, const char *charset, struct strbuf *out)
{
	char ignored[CHARSET_MAX];
	size_t skip = bom(data, len, ignored);

	return charset_part_to_utf8(data + skip, len - skip, charset, out);
}

int
charset_part_to_utf8(const char *data, size_t len, const char *charset, struct strbuf *out)
{
	iconv_t cd;
	char *in;
	size_t left;
	int status = 0;

	if (strcasecmp(charset, "UTF-8") == 0) {
		utf8_copy(data, len, out);
		return 0;
	}
	cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1) {
		cd = iconv_open("UTF-8", "WINDOWS-1252");
		status = -1;
		if (cd == (iconv_t)-1) {
			utf8_copy(data, len, out);
			return -1;
		}
	}
	in = (char *)data;
	left = len;
	while (left > 0) {
		char *o;
		size_t room, before;
		strbuf_grow(out, left * 2 + 16);
		o = out->buf + out->len;
		room = out->cap - out->len - 1;
		before = room;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1) {
			out->len += before - room;
			if (errno == E2BIG)
				continue;
			/* EILSEQ, or EINVAL at the end: one byte that means nothing here. */
			add_replacement(out);
			in++;
			left--;
			continue;
		}
		out->len += before - room;
	}
	if (out->buf)
		out->buf[out->len] = '\0';
	iconv_close(cd);
	/* Converted NULs (from UTF-16 text, say) become U+FFFD too. */
	if (out->buf && memchr(out->buf, '\0', out->len)) {
		struct strbuf clean = STRBUF_INIT;
		utf8_copy(out->buf, out->len, &clean);
		strbuf_reset(out);
		strbuf_add(out, clean.buf, clean.len);
		strbuf_release(&clean);
	}
	return status;
}
