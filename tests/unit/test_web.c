/*
 * test_web.c - unit tests of the web-input helpers: charsets
 * (common/charset.c), HTTP bodies (common/httpbody.c), recognising feeds
 * and WARC files, and the text helpers of feeds (common/xmltext.c).
 */
#include <string.h>
#include <zlib.h>

#include "charset.h"
#include "feed.h"
#include "httpbody.h"
#include "strbuf.h"
#include "unit.h"
#include "warc.h"
#include "xmlrepair.h"
#include "xmltext.h"

static int
converted_is(const char *in, size_t len, const char *charset, const char *want)
{
	struct strbuf out = STRBUF_INIT;
	int ok;

	charset_to_utf8(in, len, charset, &out);
	ok = out.len == strlen(want) && memcmp(out.buf ? out.buf : "", want, out.len) == 0;
	if (!ok)
		fprintf(stderr, "%s: got [%.*s] want [%s]\n", charset, (int)out.len, out.buf ? out.buf : "", want);
	strbuf_release(&out);
	return ok;
}

static int
sniffed_is(const char *page, const char *http, const char *want)
{
	char cs[CHARSET_MAX];

	charset_sniff_html(page, strlen(page), http, cs);
	if (strcmp(cs, want) != 0)
		fprintf(stderr, "sniffed [%s] want [%s]\n", cs, want);
	return strcmp(cs, want) == 0;
}

static void
test_charset(void)
{
	char cs[CHARSET_MAX];

	CHECK(charset_from_content_type("text/html; charset=ISO-8859-1", 29, cs) && strcmp(cs, "ISO-8859-1") == 0);
	CHECK(charset_from_content_type("text/html;charset=\"utf-8\"", 25, cs) && strcmp(cs, "utf-8") == 0);
	CHECK(charset_from_content_type("text/html; Charset = 'koi8-r' ; x", 33, cs) && strcmp(cs, "koi8-r") == 0);
	CHECK(!charset_from_content_type("text/html", 9, cs) && cs[0] == '\0');
	charset_name(" Latin1 ", cs);
	CHECK(strcmp(cs, "WINDOWS-1252") == 0);
	charset_name("gb2312", cs);
	CHECK(strcmp(cs, "GB18030") == 0);
	charset_name("koi8-r", cs);
	CHECK(strcmp(cs, "KOI8-R") == 0);
	CHECK(sniffed_is("<html><head><meta charset=\"iso-8859-2\">", NULL, "ISO-8859-2"));
	CHECK(sniffed_is("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>x", NULL, "CP932"));
	CHECK(sniffed_is("<meta charset=\"latin1\">", "utf-8", "UTF-8"));       /* the header wins */
	CHECK(sniffed_is("\xef\xbb\xbf<meta charset=\"latin1\">", NULL, "UTF-8")); /* the BOM wins */
	CHECK(sniffed_is("<meta charset=\"utf-16\"><p>x", NULL, "UTF-8"));
	CHECK(sniffed_is("<p>caf\xc3\xa9</p>", NULL, "UTF-8"));
	CHECK(sniffed_is("<p>caf\xe9</p>", NULL, "WINDOWS-1252"));
	CHECK(converted_is("caf\xe9 \x93q\x94", 8, "WINDOWS-1252", "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d"));
	CHECK(converted_is("\xef\xbb\xbf" "a\xff" "b", 6, "UTF-8", "a\xef\xbf\xbd" "b"));
	CHECK(converted_is("a\0b", 3, "UTF-8", "a\xef\xbf\xbd" "b"));
	CHECK(converted_is("\xff\xfe" "a\0\xe9\0", 6, "UTF-16LE", "a\xc3\xa9"));
	CHECK(converted_is("\x8f" "a", 2, "EUC-JP", "\xef\xbf\xbd" "a"));
	CHECK(converted_is("x", 1, "NO-SUCH-CHARSET", "x"));
	CHECK(converted_is("", 0, "WINDOWS-1252", ""));
}

static int
dechunked_is(const char *in, bool chunked, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	bool got;
	int ok;

	strbuf_addstr(&sb, in);
	got = http_dechunk(&sb);
	ok = got == chunked && strcmp(sb.buf, want) == 0;
	if (!ok)
		fprintf(stderr, "dechunk: got %d [%s] want [%s]\n", got, sb.buf, want);
	strbuf_release(&sb);
	return ok;
}

static void
test_httpbody(void)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned char z[256];
	uLongf zlen = sizeof z;
	const char *page = "<html><body>compressed</body></html>";

	CHECK(dechunked_is("5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n", true, "hello world"));
	CHECK(dechunked_is("A\nabcdefghij\n0\n\n", true, "abcdefghij"));
	CHECK(dechunked_is("10\r\nshort", true, "short"));
	CHECK(dechunked_is("<html>not chunked</html>", false, "<html>not chunked</html>"));
	CHECK(dechunked_is("abc is not a size\r\n", false, "abc is not a size\r\n"));

	/* zlib-wrapped deflate, then the same body stored already inflated. */
	CHECK(compress(z, &zlen, (const Bytef *)page, strlen(page)) == Z_OK);
	strbuf_add(&sb, z, zlen);
	CHECK(http_decode("deflate", &sb, 1 << 20) == HTTP_DECODED && strcmp(sb.buf, page) == 0);
	CHECK(http_decode("gzip", &sb, 1 << 20) == HTTP_NOT_ENCODED && strcmp(sb.buf, page) == 0);
	CHECK(http_decode("br", &sb, 1 << 20) == HTTP_UNDECODABLE);
	CHECK(http_decode("identity", &sb, 1 << 20) == HTTP_NOT_ENCODED);
	strbuf_reset(&sb);
	strbuf_add(&sb, z, zlen);
	CHECK(http_decode("deflate", &sb, 10) == HTTP_TOO_LARGE);
	strbuf_release(&sb);
}

static void
test_sniff(void)
{
	const char *rss = "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rss version=\"2.0\">";

	CHECK(feed_sniff(rss, strlen(rss)));
	CHECK(feed_sniff("\xef\xbb\xbf<rdf:RDF xmlns:rdf=\"x\">", 30));
	CHECK(feed_sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">", 42));
	CHECK(feed_sniff("<atom:entry>", 12));
	CHECK(!feed_sniff("<html><body>", 12));
	CHECK(!feed_sniff("<rssx>", 6));
	CHECK(!feed_sniff("rss", 3));
	CHECK(!feed_sniff("<!-- never closed <rss>", 23));
	CHECK(warc_sniff("WARC/1.1\r\n", 10));
	CHECK(!warc_sniff("WARC/0.9\r\n", 10));
}

static void
test_text(void)
{
	struct strbuf sb = STRBUF_INIT;

	CHECK(text_looks_like_html("a <b>bold</b> word", 18));
	CHECK(text_looks_like_html("AT&amp;T", 8));
	CHECK(text_looks_like_html("x &#8217; y", 11));
	CHECK(text_looks_like_html("<br/>", 5));
	CHECK(!text_looks_like_html("5 < 6 and 7 > 3", 15));
	CHECK(text_looks_like_html("AT&T and R&D;", 13)); /* "&D;" reads as a reference */
	CHECK(!text_looks_like_html("AT&T", 4));
	strbuf_addstr(&sb, " \t a \n\n b\xc2\xa0 c  ");
	text_collapse_space(&sb);
	CHECK(strcmp(sb.buf, "a b c") == 0);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "\n line one\nline two \n");
	text_trim(&sb);
	CHECK(strcmp(sb.buf, "line one\nline two") == 0);
	CHECK(base64_decode("RXhh\nbXBsZQ==", 13, &sb) && strcmp(sb.buf, "Example") == 0);
	CHECK(!base64_decode("not base64!", 11, &sb) && sb.len == 0);
	strbuf_release(&sb);
}

/* xml_repair() of doc given in blocks of k bytes (all at once for k == 0). */
static void
repaired(const char *doc, size_t k, struct strbuf *out)
{
	struct xml_repair x = XML_REPAIR_INIT;
	size_t len = strlen(doc), i;

	strbuf_reset(out);
	if (k == 0)
		k = len;
	for (i = 0; i < len; i += k)
		xml_repair(&x, doc + i, len - i < k ? len - i : k, false, out);
	xml_repair(&x, "", 0, true, out);
	xml_repair_release(&x);
}

static void
test_repair(void)
{
	const char *doc = "<?xml version=\"1.0\"?><rss><link>http://x/?a=1&b=2&amp;c=&#38;&#x26;</link>"
			  "<t><![CDATA[a & b ]] ]]]> & <!-- c & d --> <?pi e & f ?> &nbsp;&unknown;& x&</t></rss>";
	const char *want = "<?xml version=\"1.0\"?><rss><link>http://x/?a=1&amp;b=2&amp;c=&#38;&#x26;</link>"
			   "<t><![CDATA[a & b ]] ]]]> &amp; <!-- c & d --> <?pi e & f ?> &nbsp;&unknown;&amp; x&amp;</t></rss>";
	struct strbuf whole = STRBUF_INIT, part = STRBUF_INIT;
	size_t k;
	int same = 1;

	repaired(doc, 0, &whole);
	CHECK(strcmp(whole.buf, want) == 0);
	for (k = 1; k <= strlen(doc); k++) {
		repaired(doc, k, &part);
		if (strcmp(part.buf, whole.buf) != 0) {
			fprintf(stderr, "blocks of %zu: [%s]\n", k, part.buf);
			same = 0;
		}
	}
	CHECK(same);
	/* An unclosed CDATA section is still open at the end of a block. */
	{
		struct xml_repair x = XML_REPAIR_INIT;
		xml_repair(&x, "<a><![CDATA[long & ", 19, false, &part);
		CHECK(xml_repair_in_cdata(&x));
		xml_repair(&x, "text]]>", 7, false, &part);
		CHECK(!xml_repair_in_cdata(&x));
		xml_repair_release(&x);
	}
	/* UTF-16 passes untouched; undeclared Latin-1 is flagged, declared is not. */
	{
		struct xml_repair x = XML_REPAIR_INIT, y = XML_REPAIR_INIT, z = XML_REPAIR_INIT;
		strbuf_reset(&part);
		xml_repair(&x, "\xff\xfe<\0&\0", 6, true, &part);
		CHECK(part.len == 6 && memcmp(part.buf, "\xff\xfe<\0&\0", 6) == 0);
		xml_repair(&y, "<rss>caf\xe9</rss>", 15, true, &part);
		CHECK(y.not_utf8);
		xml_repair(&z, "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>caf\xe9</rss>", 59, true, &part);
		CHECK(!z.not_utf8);
		xml_repair_release(&x);
		xml_repair_release(&y);
		xml_repair_release(&z);
	}
	strbuf_release(&whole);
	strbuf_release(&part);
}

int
main(void)
{
	test_charset();
	test_httpbody();
	test_sniff();
	test_text();
	test_repair();
	return unit_done();
}
