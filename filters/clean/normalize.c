/*
 * normalize.c - the text normalizer of news-clean; see clean.h.
 *
 * Two passes keep each step simple: the first works on bytes (HTML tags
 * and entities, which are ASCII-delimited), the second on code points
 * (mojibake, spaces, invisible characters, NFC).  Text that is plain
 * ASCII without '<' or '&' skips most of the work, which keeps the filter
 * close to the speed of plain JSON copying.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "clean.h"
#include "utf8.h"

struct entity {
	const char *name;
	uint32_t cp;
};

/* Named entities seen in scraped news (the full HTML5 list is 2,000 names). */
static const struct entity entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
	{ "nbsp", 0xA0 }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
	{ "sbquo", 0x201A }, { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bdquo", 0x201E },
	{ "hellip", 0x2026 }, { "laquo", 0xAB }, { "raquo", 0xBB }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203A },
	{ "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 }, { "deg", 0xB0 }, { "middot", 0xB7 },
	{ "bull", 0x2022 }, { "shy", 0xAD }, { "zwj", 0x200D }, { "zwnj", 0x200C },
	{ "euro", 0x20AC }, { "pound", 0xA3 }, { "yen", 0xA5 }, { "cent", 0xA2 }, { "sect", 0xA7 },
	{ "para", 0xB6 }, { "times", 0xD7 }, { "divide", 0xF7 }, { "plusmn", 0xB1 }, { "frac12", 0xBD },
	{ "frac14", 0xBC }, { "frac34", 0xBE }, { "iexcl", 0xA1 }, { "iquest", 0xBF }, { "prime", 0x2032 },
	{ "Prime", 0x2033 }, { "dagger", 0x2020 }, { "Dagger", 0x2021 }, { "permil", 0x2030 },
	{ "agrave", 0xE0 }, { "aacute", 0xE1 }, { "acirc", 0xE2 }, { "atilde", 0xE3 }, { "auml", 0xE4 },
	{ "aring", 0xE5 }, { "aelig", 0xE6 }, { "ccedil", 0xE7 }, { "egrave", 0xE8 }, { "eacute", 0xE9 },
	{ "ecirc", 0xEA }, { "euml", 0xEB }, { "igrave", 0xEC }, { "iacute", 0xED }, { "icirc", 0xEE },
	{ "iuml", 0xEF }, { "ntilde", 0xF1 }, { "ograve", 0xF2 }, { "oacute", 0xF3 }, { "ocirc", 0xF4 },
	{ "otilde", 0xF5 }, { "ouml", 0xF6 }, { "oslash", 0xF8 }, { "ugrave", 0xF9 }, { "uacute", 0xFA },
	{ "ucirc", 0xFB }, { "uuml", 0xFC }, { "yacute", 0xFD }, { "yuml", 0xFF }, { "szlig", 0xDF },
	{ "Agrave", 0xC0 }, { "Aacute", 0xC1 }, { "Acirc", 0xC2 }, { "Atilde", 0xC3 }, { "Auml", 0xC4 },
	{ "Aring", 0xC5 }, { "AElig", 0xC6 }, { "Ccedil", 0xC7 }, { "Egrave", 0xC8 }, { "Eacute", 0xC9 },
	{ "Ecirc", 0xCA }, { "Euml", 0xCB }, { "Iacute", 0xCD }, { "Ntilde", 0xD1 }, { "Oacute", 0xD3 },
	{ "Ouml", 0xD6 }, { "Oslash", 0xD8 }, { "Uacute", 0xDA }, { "Uuml", 0xDC }, { "oelig", 0x153 },
	{ "OElig", 0x152 }, { "scaron", 0x161 }, { "Scaron", 0x160 },
};

/* Tags whose removal should leave a space ("a</p><p>b" is two words). */
static const char *const block_tags[] = {
	"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "tr", "th",
	"table", "section", "article", "header", "footer", "blockquote", "figure", "figcaption", "hr",
	NULL,
};

/* Length of an HTML tag at s[0..n) (s[0] == '<'), or 0 when it is not one. */
static size_t
tag_length(const char *s, size_t n, int *block)
{
	size_t i = 1, name0, k;

	*block = 0;
	if (i < n && s[i] == '!') { /* <!-- comment --> or <!DOCTYPE> */
		if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
			for (k = 4; k + 2 < n; k++)
				if (memcmp(s + k, "-->", 3) == 0)
					return k + 3;
			return 0;
		}
		i++;
	}
	if (i < n && s[i] == '/')
		i++;
	name0 = i;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
		i++;
	if (i == name0 || !((s[name0] >= 'a' && s[name0] <= 'z') || (s[name0] >= 'A' && s[name0] <= 'Z')))
		return 0;
	if (i < n && s[i] != '>' && s[i] != ' ' && s[i] != '/' && s[i] != '\t')
		return 0;
	for (k = 0; block_tags[k]; k++)
		if (strlen(block_tags[k]) == i - name0 && strncasecmp(block_tags[k], s + name0, i - name0) == 0)
			*block = 1;
	/* Attributes may hold '>' inside quotes; a tag never spans a line. */
	{
		char q = 0;
		for (; i < n && i < 4096; i++) {
			if (s[i] == '\n' || (!q && s[i] == '<'))
				return 0;
			if (q) {
				if (s[i] == q)
					q = 0;
			} else if (s[i] == '"' || s[i] == '\'') {
				q = s[i];
			} else if (s[i] == '>') {
				return i + 1;
			}
		}
	}
	return 0;
}

/* Length of an entity at s[0..n) (s[0] == '&') and its code point, or 0. */
static size_t
entity_length(const char *s, size_t n, uint32_t *cp)
{
	size_t i = 1, k;

	if (i < n && s[i] == '#') {
		uint32_t v = 0;
		int hex = 0, digits = 0;
		i++;
		if (i < n && (s[i] == 'x' || s[i] == 'X')) {
			hex = 1;
			i++;
		}
		for (; i < n && digits < 8; i++, digits++) {
			char c = s[i];
			if (c >= '0' && c <= '9')
				v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
			else if (hex && c >= 'a' && c <= 'f')
				v = v * 16 + (uint32_t)(c - 'a' + 10);
			else if (hex && c >= 'A' && c <= 'F')
				v = v * 16 + (uint32_t)(c - 'A' + 10);
			else
				break;
		}
		if (digits == 0 || i >= n || s[i] != ';')
			return 0;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		*cp = v;
		return i + 1;
	}
	while (i < n && i < 12 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
		i++;
	if (i >= n || s[i] != ';' || i == 1)
		return 0;
	for (k = 0; k < sizeof entities / sizeof entities[0]; k++)
		if (strlen(entities[k].name) == i - 1 && memcmp(entities[k].name, s + 1, i - 1) == 0) {
			*cp = entities[k].cp;
			return i + 1;
		}
	return 0;
}

/* Pass 1: tags and entities.  Returns 0 when nothing changed (out untouched). */
static int
strip_markup(const char *s, size_t n, struct strbuf *out)
{
	size_t i = 0, from = 0;
	int changed = 0;

	if (!memchr(s, '<', n) && !memchr(s, '&', n))
		return 0;
	while (i < n) {
		size_t m = 0;
		uint32_t cp = 0;
		int block = 0;
		if (s[i] == '<')
			m = tag_length(s + i, n - i, &block);
		else if (s[i] == '&')
			m = entity_length(s + i, n - i, &cp);
		if (m == 0) {
			i++;
			continue;
		}
		strbuf_add(out, s + from, i - from);
		if (s[i] == '&')
			strbuf_add_cp(out, cp);
		else if (block)
			strbuf_addch(out, ' ');
		i += m;
		from = i;
		changed = 1;
	}
	if (!changed)
		return 0;
	strbuf_add(out, s + from, n - from);
	return 1;
}

/* Windows-1252 bytes 0x80..0x9F as code points (0 = undefined). */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0,
};

/* The byte a code point stood for when UTF-8 was read as Windows-1252 or Latin-1, or -1. */
static int
mojibake_byte(uint32_t cp)
{
	int k;

	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;
	for (k = 0; k < 32; k++)
		if (cp1252[k] == cp)
			return 0x80 + k;
	return -1;
}

/*
 * A mojibake sequence at s[i..]: lead code point lead already decoded,
 * next at *j.  On success the repaired code point is returned and *j
 * moves past the sequence; else 0.  Only the lead bytes that real
 * mojibake shows (Â Ã for Latin-1, E0..EF and F0..F4 for the rest) are
 * tried, so ordinary accented words are never touched.
 */
static uint32_t
mojibake_at(const char *s, size_t n, uint32_t lead, size_t *j)
{
	unsigned char b[4];
	size_t need, k, p = *j;

	if (lead == 0xC2 || lead == 0xC3)
		need = 2;
	else if (lead >= 0xE0 && lead <= 0xEF)
		need = 3;
	else if (lead >= 0xF0 && lead <= 0xF4)
		need = 4;
	else
		return 0;
	b[0] = (unsigned char)lead;
	for (k = 1; k < need; k++) {
		int byte;
		uint32_t c;
		if (p >= n)
			break;
		c = utf8_next(s, n, &p);
		byte = mojibake_byte(c);
		if (byte < 0x80 || byte > 0xBF)
			break;
		b[k] = (unsigned char)byte;
	}
	if (k < need) {
		/* "â€" whose third byte (0x9D, undefined in Windows-1252) was lost: a closing quote. */
		if (lead == 0xE2 && k == 2 && b[1] == 0x80) {
			size_t q = *j;
			utf8_next(s, n, &q);
			*j = q;
			return 0x201D;
		}
		return 0;
	}
	if (!utf8_valid((const char *)b, need))
		return 0;
	{
		size_t z = 0;
		uint32_t cp = utf8_next((const char *)b, need, &z);
		*j = p;
		return cp;
	}
}

static int
is_invisible(uint32_t cp)
{
	return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
	       cp == 0x034F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0);
}

/* 1 when NFC could change a line holding cp (see the file comment). */
static int
needs_nfc(uint32_t cp)
{
	return cp >= 0x300 && !(cp >= 0x2010 && cp <= 0x206F);
}

/* Put out[from..] in NFC, in place (utf8proc allocates the result). */
static void
line_nfc(struct strbuf *out, size_t from)
{
	utf8proc_uint8_t *norm = NULL;
	utf8proc_ssize_t r;

	if (out->len == from)
		return;
	r = utf8proc_map((const utf8proc_uint8_t *)out->buf + from, (utf8proc_ssize_t)(out->len - from), &norm,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r >= 0) {
		out->len = from;
		strbuf_add(out, norm, (size_t)r);
	}
	free(norm);
}

void
clean_normalize(const char *text, size_t len, int markup, struct strbuf *out)
{
	struct strbuf pass1 = STRBUF_INIT;
	const char *s = text;
	size_t n = len, i = 0, line = out->len;
	int space = 0, nfc = 0;

	if (markup && strip_markup(text, len, &pass1)) {
		s = pass1.buf;
		n = pass1.len;
	}
	strbuf_grow(out, n);
	while (i <= n) {
		uint32_t cp;
		if (i == n || s[i] == '\n') {
			if (nfc)
				line_nfc(out, line);
			if (i < n)
				strbuf_addch(out, '\n');
			line = out->len;
			space = 0;
			nfc = 0;
			i++;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			char c = s[i++];
			if (c == ' ' || c == '\t' || c == '\r') {
				space = out->len > line;
				continue;
			}
			if ((unsigned char)c < 0x20 || c == 0x7F)
				continue;
			if (space)
				strbuf_addch(out, ' ');
			space = 0;
			{
				/* The rest of a run of printable ASCII in one copy. */
				size_t r = i;
				while (r < n && (unsigned char)s[r] > 0x20 && (unsigned char)s[r] < 0x7F)
					r++;
				strbuf_add(out, s + i - 1, r - i + 1);
				i = r;
			}
			continue;
		}
		cp = utf8_next(s, n, &i);
		if (cp == 0xC2 || cp == 0xC3 || (cp >= 0xE0 && cp <= 0xF4)) {
			size_t j = i;
			uint32_t fixed = mojibake_at(s, n, cp, &j);
			if (fixed) {
				cp = fixed;
				i = j;
			}
		}
		if (uc_is_space(cp)) {
			space = out->len > line;
			continue;
		}
		if (is_invisible(cp))
			continue;
		if (needs_nfc(cp))
			nfc = 1;
		if (space)
			strbuf_addch(out, ' ');
		space = 0;
		strbuf_add_cp(out, cp);
	}
	strbuf_release(&pass1);
}

/*
 * A code point clean_normalize() copies as it is whatever surrounds it:
 * Latin-1 letters and signs (not NBSP, the soft hyphen, or Â Ã à..ô that
 * can lead mojibake), Latin Extended and IPA (below U+0300, so no NFC
 * pass), and the general punctuation block's dashes, quotes, bullets and
 * ellipsis (not its spaces, line separators or invisible format marks).
 */
int
clean_normal_cp(uint32_t cp)
{
	if (cp < 0x100)
		return cp >= 0xA1 && cp != 0xAD && cp != 0xC2 && cp != 0xC3 && !(cp >= 0xE0 && cp <= 0xF4);
	if (cp < 0x300)
		return 1;
	return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E);
}
