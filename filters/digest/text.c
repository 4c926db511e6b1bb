/* text.c - untrusted text made safe to hold and show; URLs; dates shown.  See digest.h. */
#include "digest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "utf8.h"
#include "xalloc.h"

/* C0 and C1 controls, and the bidi embeddings, overrides and isolates, which could reorder the page. */
static bool
dropped(uint32_t cp)
{
	return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

char *
text_cut(const char *s, size_t len, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, ncp = 0, last_space = 0, ncp_at_space = 0;
	bool space = false, cut = false;

	while (i < len) {
		uint32_t cp = utf8_next(s, len, &i);
		if (dropped(cp))
			continue;
		if (uc_is_space(cp)) {
			space = sb.len > 0;
			continue;
		}
		if (ncp + (space ? 1 : 0) >= max) {
			cut = true;
			break;
		}
		if (space) {
			last_space = sb.len;
			ncp_at_space = ncp;
			strbuf_addch(&sb, ' ');
			ncp++;
			space = false;
		}
		strbuf_add_cp(&sb, cp);
		ncp++;
	}
	if (cut) {
		/* End at the last word boundary when it keeps most of the text. */
		if (last_space > 0 && ncp_at_space * 5 >= max * 4)
			sb.len = last_space;
		while (sb.len > 0 && strchr(" ,;:-", sb.buf[sb.len - 1]))
			sb.len--;
		sb.buf[sb.len] = '\0';
		strbuf_addstr(&sb, "\xe2\x80\xa6"); /* … */
	}
	if (!sb.buf)
		strbuf_addstr(&sb, "");
	return strbuf_detach(&sb, NULL);
}

char *
text_ident(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t keep = 150;

	if (len <= IDENT_MAX)
		return xstrndup(s, len);
	while (keep > 0 && ((unsigned char)s[keep] & 0xc0) == 0x80)
		keep--; /* not inside a UTF-8 sequence */
	strbuf_add(&sb, s, keep);
	strbuf_addf(&sb, "\xe2\x80\xa6#%016llx", (unsigned long long)hash64(s, len, 0x6964656e74ULL));
	return strbuf_detach(&sb, NULL);
}

const char *
text_of(const json_t *v, struct strbuf *sb, size_t *len)
{
	strbuf_reset(sb);
	if (json_is_string(v)) {
		*len = json_string_length(v);
		return json_string_value(v);
	}
	if (json_is_integer(v))
		strbuf_addf(sb, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_real(v))
		strbuf_addf(sb, "%.15g", json_real_value(v));
	else
		return NULL;
	*len = sb->len;
	return sb->buf;
}

static bool
prefix_nocase(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p), i;

	if (len < n)
		return false;
	for (i = 0; i < n; i++)
		if ((s[i] | 0x20) != p[i] && s[i] != p[i])
			return false;
	return true;
}

bool
text_url_ok(const char *s, size_t len)
{
	size_t i, scheme;

	if (len > CUT_URL_BYTES)
		return false;
	if (prefix_nocase(s, len, "https://"))
		scheme = 8;
	else if (prefix_nocase(s, len, "http://"))
		scheme = 7;
	else
		return false;
	/* A host must follow; no whitespace, controls or quotes anywhere (a browser would strip or
	 * re-read them, and a valid URL has them percent-encoded). */
	if (len == scheme || strchr("/?#@:", s[scheme]))
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`')
			return false;
	}
	return true;
}

char *
text_url_host(const char *url)
{
	const char *h = strstr(url, "://"), *end;
	const char *at;
	size_t n;

	if (!h)
		return NULL;
	h += 3;
	end = h + strcspn(h, "/?#");
	/* user:password@host */
	at = memchr(h, '@', (size_t)(end - h));
	if (at)
		h = at + 1;
	n = strcspn(h, ":/?#");
	if (h + n > end)
		n = (size_t)(end - h);
	if (n > 4 && prefix_nocase(h, n, "www."))
		h += 4, n -= 4;
	if (n == 0)
		return NULL;
	return text_cut(h, n, CUT_OUTLET);
}

uint64_t
text_key(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, len = strlen(s);
	uint64_t h;

	while (i < len) {
		uint32_t cp = utf8_next(s, len, &i);
		if (uc_is_alpha(cp) || uc_is_digit(cp))
			strbuf_add_cp(&sb, uc_tolower(cp));
	}
	h = hash64(sb.buf ? sb.buf : "", sb.len, 0x71756f7465ULL);
	strbuf_release(&sb);
	return h;
}

bool
when_parse(const char *s, struct when *w)
{
	struct date d;

	memset(w, 0, sizeof *w);
	if (!s || !date_parse(s, strlen(s), &d) || d.month == 0 || d.day == 0)
		return false;
	w->year = d.year;
	w->month = d.month;
	w->day = d.day;
	w->has_time = d.has_time;
	w->hour = d.hour;
	w->minute = d.minute;
	if (d.has_offset && d.offset == 0)
		snprintf(w->zone, sizeof w->zone, "UTC");
	else if (d.has_offset)
		snprintf(w->zone, sizeof w->zone, "%c%02d:%02d", d.offset < 0 ? '-' : '+', abs(d.offset) / 60 % 100,
			 abs(d.offset) % 60);
	date_format_utc(&d, w->utc);
	w->known = true;
	return true;
}

static const char *const month_abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void
when_format(const struct when *w, bool with_time, struct strbuf *sb)
{
	if (!w->known)
		return;
	strbuf_addf(sb, "%d %s %d", w->day, month_abbr[w->month - 1], w->year);
	if (with_time && w->has_time) {
		strbuf_addf(sb, ", %02d:%02d", w->hour, w->minute);
		if (w->zone[0])
			strbuf_addf(sb, " %s", w->zone);
	}
}

void
when_span(const struct when *a, const struct when *b, struct strbuf *sb)
{
	if (!a->known || !b->known)
		return;
	if (a->year != b->year)
		strbuf_addf(sb, "%d %s %d \xe2\x80\x93 %d %s %d", a->day, month_abbr[a->month - 1], a->year, b->day,
			    month_abbr[b->month - 1], b->year);
	else if (a->month != b->month)
		strbuf_addf(sb, "%d %s \xe2\x80\x93 %d %s %d", a->day, month_abbr[a->month - 1], b->day,
			    month_abbr[b->month - 1], b->year);
	else if (a->day != b->day)
		strbuf_addf(sb, "%d\xe2\x80\x93%d %s %d", a->day, b->day, month_abbr[a->month - 1], a->year);
	else
		when_format(a, false, sb);
}
