/* utf8.c - UTF-8 helpers; see utf8.h.  Character classes come from utf8proc. */
#include "utf8.h"

#include <utf8proc.h>

#include "xalloc.h"

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
		} else if (c >= 0xc2 && c <= 0xdf) {
			if (i + 1 >= len || (s[i + 1] & 0xc0) != 0x80)
				return 0;
			i += 2;
		} else if (c >= 0xe0 && c <= 0xef) {
			if (i + 2 >= len || (s[i + 1] & 0xc0) != 0x80 ||
			    (s[i + 2] & 0xc0) != 0x80)
				return 0;
			if (c == 0xe0 && s[i + 1] < 0xa0)
				return 0; /* overlong */
			if (c == 0xed && s[i + 1] >= 0xa0)
				return 0; /* surrogate */
			i += 3;
		} else if (c >= 0xf0 && c <= 0xf4) {
			if (i + 3 >= len || (s[i + 1] & 0xc0) != 0x80 ||
			    (s[i + 2] & 0xc0) != 0x80 || (s[i + 3] & 0xc0) != 0x80)
				return 0;
			if (c == 0xf0 && s[i + 1] < 0x90)
				return 0;
			if (c == 0xf4 && s[i + 1] >= 0x90)
				return 0;
			i += 4;
		} else {
			return 0;
		}
	}
	return 1;
}

uint32_t
utf8_next(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t p = *i;
	unsigned char c = s[p];
	uint32_t cp;
	int n, k;

	if (c < 0x80) {
		*i = p + 1;
		return c;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 1;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 2;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 3;
		cp = c & 0x07;
	} else {
		*i = p + 1;
		return 0xfffd;
	}
	for (k = 1; k <= n; k++) {
		if (p + k >= len || (s[p + k] & 0xc0) != 0x80) {
			*i = p + 1;
			return 0xfffd;
		}
		cp = (cp << 6) | (s[p + k] & 0x3f);
	}
	*i = p + n + 1;
	return cp;
}

uint32_t
utf8_prev(const char *str, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t p = *i, start;
	size_t j;
	uint32_t cp;

	if (p == 0)
		return 0;
	start = p - 1;
	while (start > 0 && p - start < 4 && (s[start] & 0xc0) == 0x80)
		start--;
	j = start;
	cp = utf8_next(str, p, &j);
	if (j != p) { /* not a clean sequence: step one byte */
		*i = p - 1;
		return 0xfffd;
	}
	*i = start;
	return cp;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf8_cplen(const char *s, size_t len)
{
	size_t n = 0, i;

	/* Count bytes that are not continuation bytes. */
	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

size_t
utf8_byte_offset(const char *s, size_t len, size_t cp)
{
	size_t i = 0, n = 0;

	while (i < len && n < cp) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		n++;
	}
	return i;
}

void
utf8_index_build(struct utf8_index *ix, const char *s, size_t len)
{
	size_t i, n = 0;

	ARRAY_GROW(ix->byte_at, len + 1, ix->cap);
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			ix->byte_at[n++] = i;
	ix->byte_at[n] = len;
	ix->ncp = n;
}

size_t
utf8_index_byte(const struct utf8_index *ix, size_t cp)
{
	return ix->byte_at[cp < ix->ncp ? cp : ix->ncp];
}

void
utf8_index_release(struct utf8_index *ix)
{
	free(ix->byte_at);
	ix->byte_at = NULL;
	ix->ncp = ix->cap = 0;
}

int
uc_is_alpha(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

int
uc_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU ||
	       utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LT;
}

int
uc_is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

int
uc_is_digit(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND;
}

int
uc_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		return 1;
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

int
uc_is_punct(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int
uc_is_symbol(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO;
}

int
uc_is_mark(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);

	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

uint32_t
uc_tolower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t
uc_toupper(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
	return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}
