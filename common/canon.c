/*
 * canon.c - whether an input line is already in the output form; see
 * canon.h.
 *
 * The line is known to be valid JSON (json_loadb() decoded it), so only
 * the ways valid JSON can differ from the writer's form need checking:
 *   - whitespace between tokens (the writer is compact);
 *   - string escapes: the writer escapes only '"', '\\', and control
 *     characters, those with a short form as \b \f \n \r \t and the
 *     others as \u00XX in upper-case hex; any other escape (\/, \u00e9)
 *     decodes to a character it writes as is;
 *   - numbers: reals are rewritten with 17 significant digits, and -0
 *     is the integer 0;
 *   - repeated keys: the decoder keeps one member.
 * The last is found by counting: the line's keys (one ':' outside
 * strings each) against the members of the decoded objects.
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

static int
upper_hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Whether the escape at p[i] ('\\') is one the writer makes; its length in *n. */
static bool
writer_escape(const char *p, size_t i, size_t len, size_t *n)
{
	int hi, lo, c;

	if (i + 1 >= len)
		return false;
	switch (p[i + 1]) {
	case '"': case '\\': case 'b': case 'f': case 'n': case 'r': case 't':
		*n = 2;
		return true;
	case 'u':
		if (i + 6 > len || p[i + 2] != '0' || p[i + 3] != '0')
			return false;
		hi = upper_hex((unsigned char)p[i + 4]);
		lo = upper_hex((unsigned char)p[i + 5]);
		if (hi < 0 || lo < 0)
			return false;
		c = hi * 16 + lo;
		/* Control characters without a short form only. */
		if (c >= 0x20 || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
			return false;
		*n = 6;
		return true;
	default:
		return false;
	}
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
canon_is_output_form(const char *line, size_t len, const json_t *rec)
{
	size_t i = 0, keys = 0, n;

	while (i < len) {
		unsigned char c = (unsigned char)line[i];
		if (c == '"') {
			/* A string: skip to its closing quote, checking escapes. */
			for (i++;;) {
				i = string_stop(line, i, len);
				if (i >= len)
					return false;
				if (line[i] == '"')
					break;
				if (!writer_escape(line, i, len, &n))
					return false;
				i += n;
			}
			i++;
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			size_t start = i;
			for (; i < len && ((line[i] >= '0' && line[i] <= '9') || line[i] == '-' || line[i] == '+' ||
					   line[i] == '.' || line[i] == 'e' || line[i] == 'E');
			     i++)
				if (line[i] == '.' || line[i] == 'e' || line[i] == 'E')
					return false; /* a real */
			if (i - start == 2 && line[start] == '-' && line[start + 1] == '0')
				return false;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			return false;
		} else {
			if (c == ':')
				keys++;
			i++;
		}
	}
	return keys == count_members(rec);
}
