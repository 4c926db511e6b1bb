/*
 * canon.c - an input line in the output form, without re-serializing
 * it; see canon.h.
 *
 * The line is known to be valid JSON (json_loadb() decoded it, and
 * rejected invalid UTF-8, lone surrogates and \u0000), so only the ways
 * valid JSON can differ from the writer's form need handling:
 *   - whitespace between tokens: dropped (the writer is compact);
 *   - string escapes: the writer escapes only '"', '\\' and control
 *     characters, those with a short form as \b \f \n \r \t and the
 *     others as \u00XX in upper-case hex, and writes every other
 *     character as UTF-8; escapes are rewritten so;
 *   - numbers: reals are rewritten with 17 significant digits, and -0
 *     is the integer 0: left to the serializer (false);
 *   - repeated keys: the decoder keeps one member, found by counting
 *     the line's keys (one ':' outside strings each) against the
 *     members of the decoded objects (false);
 *   - a NUL byte right after a number or true/false/null, which
 *     jansson's lexer reads past and drops (false).
 * tests/unit/test_canon.c holds this to the writer's own output.
 */
#include "canon.h"

#include <stdint.h>
#include <string.h>

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Whether any byte of x is c (the classic "has zero byte" test on x ^ c). */
static inline uint64_t
has_byte(uint64_t x, unsigned char c)
{
	uint64_t v = x ^ (ONES * c);
	return (v - ONES) & ~v & HIGHS;
}

/* The position of the next '"' or '\\' at or after i (len if none). */
static size_t
string_stop(const char *p, size_t i, size_t len)
{
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		if (has_byte(x, '"') | has_byte(x, '\\'))
			break;
	}
	for (; i < len && p[i] != '"' && p[i] != '\\'; i++)
		;
	return i;
}

/* The value of 4 hex digits at p (either case), or -1. */
static long
hex4(const char *p)
{
	long v = 0;
	int k;

	for (k = 0; k < 4; k++) {
		char c = p[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* Write code point cp inside a string as the writer does. */
static void
put_char(struct strbuf *out, uint32_t cp)
{
	static const char hex[] = "0123456789ABCDEF";
	char b[6];

	switch (cp) {
	case '"': strbuf_add(out, "\\\"", 2); return;
	case '\\': strbuf_add(out, "\\\\", 2); return;
	case '\b': strbuf_add(out, "\\b", 2); return;
	case '\f': strbuf_add(out, "\\f", 2); return;
	case '\n': strbuf_add(out, "\\n", 2); return;
	case '\r': strbuf_add(out, "\\r", 2); return;
	case '\t': strbuf_add(out, "\\t", 2); return;
	default: break;
	}
	if (cp < 0x20) {
		b[0] = '\\', b[1] = 'u', b[2] = '0', b[3] = '0', b[4] = hex[cp >> 4], b[5] = hex[cp & 15];
		strbuf_add(out, b, 6);
	} else if (cp < 0x80) {
		strbuf_addch(out, (int)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | (cp >> 6 & 0x3F)), b[2] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(out, b, 4);
	}
}

/*
 * Rewrite the escape at line[i] ('\\') as the writer would write the
 * character; returns the escape's length, or 0 if it is not one.
 */
static size_t
put_escape(struct strbuf *out, const char *line, size_t i, size_t len)
{
	long cp, lo;

	if (i + 1 >= len)
		return 0;
	switch (line[i + 1]) {
	case '"': case '\\': case 'b': case 'f': case 'n': case 'r': case 't':
		strbuf_add(out, line + i, 2); /* the writer's own */
		return 2;
	case '/':
		strbuf_addch(out, '/');
		return 2;
	case 'u':
		if (i + 6 > len || (cp = hex4(line + i + 2)) < 0)
			return 0;
		if (cp >= 0xD800 && cp < 0xDC00) {
			/* A high surrogate: the decoder made sure a low one follows. */
			if (i + 12 > len || line[i + 6] != '\\' || line[i + 7] != 'u' ||
			    (lo = hex4(line + i + 8)) < 0xDC00 || lo > 0xDFFF)
				return 0;
			put_char(out, (uint32_t)(0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)));
			return 12;
		}
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return 0;
		put_char(out, (uint32_t)cp);
		return 6;
	default:
		return 0;
	}
}

void
canon_put_string(struct strbuf *out, const char *s, size_t n)
{
	size_t i = 0, run;

	strbuf_addch(out, '"');
	while (i < n) {
		for (run = i; run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\'; run++)
			;
		strbuf_add(out, s + i, run - i);
		if (run < n)
			put_char(out, (unsigned char)s[run++]);
		i = run;
	}
	strbuf_addch(out, '"');
}

/* The members of all objects in v. */
static size_t
count_members(const json_t *v)
{
	size_t n = 0, i;
	const char *key;
	json_t *x;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, x)
			n += 1 + count_members(x);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			n += count_members(x);
	}
	return n;
}

bool
canon_output_form(const char *line, size_t len, const json_t *rec, struct strbuf *out)
{
	size_t i = 0, keys = 0, j, n;

	strbuf_grow(out, len);
	while (i < len) {
		unsigned char c = (unsigned char)line[i];
		if (c == '"') {
			/* A string: copy runs up to each escape, rewrite the escape. */
			strbuf_addch(out, '"');
			for (i++;;) {
				j = string_stop(line, i, len);
				strbuf_add(out, line + i, j - i);
				if (j >= len)
					return false;
				if (line[j] == '"')
					break;
				if ((n = put_escape(out, line, j, len)) == 0)
					return false;
				i = j + n;
			}
			strbuf_addch(out, '"');
			i = j + 1;
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			for (j = i; j < len && ((line[j] >= '0' && line[j] <= '9') || line[j] == '-' || line[j] == '+' ||
						line[j] == '.' || line[j] == 'e' || line[j] == 'E');
			     j++)
				if (line[j] == '.' || line[j] == 'e' || line[j] == 'E')
					return false; /* a real */
			if (j - i == 2 && line[i] == '-' && line[i + 1] == '0')
				return false;
			strbuf_add(out, line + i, j - i);
			i = j;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
		} else if (c == '\0') {
			return false; /* jansson's lexer skips a NUL after a number or literal */
		} else {
			keys += c == ':';
			strbuf_addch(out, c);
			i++;
		}
	}
	return keys == count_members(rec);
}
