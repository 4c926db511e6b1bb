/*
 * pagemeta.c - what a page says about itself: headline, authors, date,
 * address, site and language; see clean.h.
 *
 * A page states its metadata far more reliably than its text does, in
 * several vocabularies at once.  Each field is taken from the first
 * source that has it, most precise first:
 *
 *   title      JSON-LD headline, og:title, the article's h1, <title>
 *              (the last two without the site's name around them)
 *   authors    JSON-LD author, <meta name=author>, itemprop=author,
 *              rel=author links, a byline element
 *   published  JSON-LD datePublished, article:published_time,
 *              itemprop=datePublished, other date metas, <time datetime>
 *   url        <link rel=canonical>, og:url, JSON-LD url
 *   site       og:site_name, JSON-LD publisher's name, application-name
 *   lang       <html lang>, og:locale, content-language, or the script
 *              of the text (Hangul, kana, Thai...)
 *
 * JSON-LD is JSON and is read with jansson; its @graph and mainEntity
 * are followed to the article's object.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean.h"
#include "date.h"
#include "html.h"
#include "utf8.h"
#include "xalloc.h"

/* Longest text kept for a title, a name or a site. */
#define META_MAX 600

/* Set *dst to a copy of s[0..n) with white space collapsed and trimmed, unless *dst is set or s is empty. */
static void
set_once(char **dst, const char *s, size_t n)
{
	struct strbuf b = STRBUF_INIT;
	size_t i;
	int space = 0;

	if (*dst || !s)
		return;
	for (i = 0; i < n && b.len < META_MAX; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		    (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)) {
			i += c == 0xC2;
			space = b.len > 0;
			continue;
		}
		if (space)
			strbuf_addch(&b, ' ');
		space = 0;
		strbuf_addch(&b, (char)c);
	}
	/* Never cut a character in two. */
	while (b.len > 0 && i < n && ((unsigned char)s[i] & 0xC0) == 0x80 && b.len > 0) {
		b.len--;
		i--;
	}
	if (b.len == 0 || !utf8_valid(b.buf, b.len)) {
		strbuf_release(&b);
		return;
	}
	b.buf[b.len] = '\0';
	*dst = strbuf_detach(&b, NULL);
}

static void
set_str(char **dst, const char *s)
{
	if (s)
		set_once(dst, s, strlen(s));
}

/* A JSON-LD string: some sites write HTML entities (&#8211;) or tags in it. */
static void
set_ld_str(char **dst, const json_t *v)
{
	const char *s = json_string_value(v);

	if (!s || *dst)
		return;
	if (strchr(s, '&') || strchr(s, '<')) {
		struct strbuf t = STRBUF_INIT;
		html_fragment_text(s, strlen(s), &t);
		set_once(dst, t.buf, t.len);
		strbuf_release(&t);
	} else {
		set_str(dst, s);
	}
}

/* ---- authors -------------------------------------------------------- */

static int
looks_like_url(const char *s)
{
	return strncasecmp(s, "http:", 5) == 0 || strncasecmp(s, "https:", 6) == 0 || strncmp(s, "//", 2) == 0 ||
	       strncasecmp(s, "www.", 4) == 0 || strchr(s, '@') || strchr(s, '/');
}

/*
 * A byline's part that is not a name: a role ("AP Auto Writer") or a
 * phrase ("NJ Advance Media for NJ.com": a lower-case word that is no
 * name particle).
 */
static int
not_a_name(const char *name)
{
	static const char *const roles[] = { "writer", "reporter", "correspondent", "editor", "columnist",
					     "contributor", "producer", "staff", "intern", "journalist", NULL };
	static const char *const particles[] = { "de", "da", "del", "della", "van", "von", "der", "den", "bin",
						 "al", "la", "le", "du", "dos", "di", "ter", "ten", "y", "e", NULL };
	static const char *const dates[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
					     "sunday", "january", "february", "march", "april", "june", "july",
					     "august", "september", "october", "november", "december", "updated",
					     "published", NULL };
	const char *w = name, *last = name;
	size_t k;
	int first = 1, letters = 0, lower = 0;

	/* A date or a time is no name; nor a credential ("MS", "RDN"). */
	for (w = name; *w; w++) {
		if (*w >= '0' && *w <= '9')
			return 1;
		letters += (*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') || (unsigned char)*w >= 0x80;
		lower += (*w >= 'a' && *w <= 'z') || (unsigned char)*w >= 0x80;
	}
	if (letters == 0 || (lower == 0 && letters <= 4 && !strchr(name, ' ')) || strcasecmp(name, "by") == 0)
		return 1;
	w = name;
	while (*w) {
		size_t n = strcspn(w, " ");
		if (!first && *w >= 'a' && *w <= 'z') {
			int particle = 0;
			for (k = 0; particles[k]; k++)
				particle |= strlen(particles[k]) == n && strncmp(w, particles[k], n) == 0;
			if (!particle)
				return 1;
		}
		for (k = 0; dates[k]; k++)
			if (strlen(dates[k]) == n && strncasecmp(w, dates[k], n) == 0)
				return 1;
		first = 0;
		last = w;
		w += n;
		while (*w == ' ')
			w++;
	}
	for (k = 0; roles[k] && last != name; k++)
		if (strcasecmp(last, roles[k]) == 0)
			return 1;
	return 0;
}

/*
 * One name: "By Jane Doe" is "Jane Doe"; a URL, an address or a line of
 * prose is no name.
 */
static void
add_author(struct names *pm, const char *s, size_t n)
{
	char *name = NULL;
	size_t k, words = 0;
	const char *p;

	set_once(&name, s, n);
	if (!name)
		return;
	n = strlen(name);
	{
		size_t skip = 0;
		while (skip < n && (name[skip] == ',' || name[skip] == ':' || name[skip] == '|' || name[skip] == ' '))
			skip++;
		if (n - skip >= 3 && strncasecmp(name + skip, "by ", 3) == 0)
			skip += 3;
		memmove(name, name + skip, n - skip + 1);
		n -= skip;
	}
	while (n > 0 && (name[n - 1] == ',' || name[n - 1] == '.' || name[n - 1] == ' ' || name[n - 1] == '|'))
		name[--n] = '\0';
	for (p = name; *p; p++)
		words += *p == ' ';
	if (n == 0 || n > 80 || words > 6 || looks_like_url(name) || not_a_name(name)) {
		free(name);
		return;
	}
	for (k = 0; k < pm->n; k++)
		if (strcasecmp(pm->v[k], name) == 0) {
			free(name);
			return;
		}
	pm->v = xreallocarray(pm->v, pm->n + 1, sizeof *pm->v);
	pm->v[pm->n++] = name;
}

/* Names in one string: "Jane Doe and John Roe", "Jane Doe, John Roe". */
static void
add_authors(struct names *pm, const char *s)
{
	size_t i = 0, from = 0, n = strlen(s);

	if (n > 300)
		return;
	while (i <= n) {
		size_t sep = 0;
		if (i == n)
			sep = 1;
		else if (s[i] == ',' || s[i] == ';' || s[i] == '&' || s[i] == '|')
			sep = 1;
		else if (i > 0 && s[i - 1] == ' ' && strncmp(s + i, "and ", 4) == 0)
			sep = 4;
		if (sep) {
			add_author(pm, s + from, i - from);
			i += sep;
			from = i;
		} else {
			i++;
		}
	}
}

/* ---- dates ---------------------------------------------------------- */

/*
 * A date as ISO 8601, in the page's own time and offset (common/date),
 * to the second.  A year before 1900 is a template's placeholder
 * ("0001-01-01T00:00:00Z"), not a date.
 */
static void
set_date(char **dst, const char *s)
{
	struct date d;
	char iso[DATE_ISO_MAX];

	if (*dst || !s || !date_parse(s, strlen(s), &d) || d.year < 1900)
		return;
	d.frac[0] = '\0';
	date_format_local(&d, iso);
	*dst = xstrdup(iso);
}

/* ---- JSON-LD -------------------------------------------------------- */

static int
is_article_type(const json_t *type)
{
	size_t i;
	const json_t *t;

	if (json_is_string(type)) {
		const char *s = json_string_value(type);
		return strstr(s, "Article") || strstr(s, "BlogPosting") || strcmp(s, "Report") == 0 ||
		       strcmp(s, "LiveBlogPosting") == 0 || strcmp(s, "SocialMediaPosting") == 0;
	}
	json_array_foreach(type, i, t)
		if (is_article_type(t))
			return 1;
	return 0;
}

/* A name from a string, an object's "name", or an array of them. */
static void
ld_names(struct names *pm, const json_t *v, int depth)
{
	size_t i;
	const json_t *e;

	if (depth > 4)
		return;
	if (json_is_string(v))
		add_authors(pm, json_string_value(v));
	else if (json_is_object(v))
		ld_names(pm, json_object_get(v, "name"), depth + 1);
	else if (json_is_array(v))
		json_array_foreach(v, i, e)
			ld_names(pm, e, depth + 1);
}

static void
ld_article(struct pagemeta *pm, const json_t *o)
{
	const json_t *v;

	set_ld_str(&pm->ld_headline, json_object_get(o, "headline"));
	if (!pm->ld_headline)
		set_ld_str(&pm->ld_headline, json_object_get(o, "name"));
	if (pm->src[SRC_LD].n == 0)
		ld_names(&pm->src[SRC_LD], json_object_get(o, "author"), 0);
	set_date(&pm->date[SRC_LD], json_string_value(json_object_get(o, "datePublished")));
	v = json_object_get(o, "publisher");
	if (json_is_object(v))
		set_ld_str(&pm->ld_site, json_object_get(v, "name"));
	v = json_object_get(o, "url");
	if (json_is_string(v) && strncmp(json_string_value(v), "http", 4) == 0)
		set_str(&pm->ld_url, json_string_value(v));
}

/* Find the article objects in a JSON-LD value: arrays, @graph, mainEntity. */
static void
ld_walk(struct pagemeta *pm, const json_t *v, int depth)
{
	size_t i;
	const json_t *e;

	if (depth > 6)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			ld_walk(pm, e, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (is_article_type(json_object_get(v, "@type")))
		ld_article(pm, v);
	ld_walk(pm, json_object_get(v, "@graph"), depth + 1);
	ld_walk(pm, json_object_get(v, "mainEntity"), depth + 1);
}

static void
ld_script(struct pagemeta *pm, const xmlNode *script, struct strbuf *scratch)
{
	const xmlNode *c;
	json_t *j;

	strbuf_reset(scratch);
	for (c = script->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			strbuf_addstr(scratch, (const char *)c->content);
	if (scratch->len == 0)
		return;
	/* Invalid JSON-LD is common; it says nothing then. */
	j = json_loadb(scratch->buf, scratch->len, JSON_DECODE_ANY, NULL);
	if (j)
		ld_walk(pm, j, 0);
	json_decref(j);
}

/* ---- the walk ------------------------------------------------------- */

/* The visible text of an element, on one line. */
static void
one_line_text(const xmlNode *n, struct strbuf *out)
{
	size_t i;

	strbuf_reset(out);
	html_text(n, out);
	for (i = 0; i < out->len; i++)
		if (out->buf[i] == '\n')
			out->buf[i] = ' ';
}

/* One key of a <meta> tag (its property, name, or one of its itemprop words). */
static void
meta_key(struct pagemeta *pm, const char *key, size_t n, const char *content)
{
#define KEY(k) (strlen(k) == n && strncasecmp(key, k, n) == 0)
	if (KEY("og:title"))
		set_str(&pm->og_title, content);
	else if (KEY("og:site_name"))
		set_str(&pm->site, content);
	else if (KEY("og:url") && strncmp(content, "http", 4) == 0)
		set_str(&pm->og_url, content);
	else if (KEY("og:locale"))
		set_str(&pm->locale, content);
	else if (KEY("application-name"))
		set_str(&pm->app_name, content);
	else if (KEY("author"))
		add_authors(&pm->src[SRC_META], content);
	else if (KEY("article:author") || KEY("sailthru.author") || KEY("parsely-author") || KEY("dc.creator"))
		add_authors(&pm->src[SRC_OTHER], content);
	else if (KEY("article:published_time") || KEY("article:published") || KEY("og:published_time"))
		set_date(&pm->date[SRC_META], content);
	else if (KEY("datePublished"))
		set_date(&pm->date[SRC_PROP], content);
	else if (KEY("pubdate") || KEY("publishdate") || KEY("publish-date") || KEY("date") || KEY("dc.date") ||
		 KEY("dc.date.issued") || KEY("dcterms.created") || KEY("sailthru.date") || KEY("parsely-pub-date") ||
		 KEY("article.published"))
		set_date(&pm->date[SRC_OTHER], content);
#undef KEY
}

static void
meta_tag(struct pagemeta *pm, const xmlNode *n)
{
	const char *content = html_attr(n, "content"), *v;

	if (!content || !*content)
		return;
	if ((v = html_attr(n, "property")))
		meta_key(pm, v, strlen(v), content);
	if ((v = html_attr(n, "name")))
		meta_key(pm, v, strlen(v), content);
	/* itemprop holds a list of words: "datePublished dateCreated". */
	for (v = html_attr(n, "itemprop"); v && *v;) {
		size_t k = strcspn(v, " \t\n");
		if (k)
			meta_key(pm, v, k, content);
		v += k;
		v += strspn(v, " \t\n");
	}
}

/*
 * An element whose class says it holds the date ("publish-date",
 * "storyDate", "pub-date"), not an update's: its datetime, data-pubdate,
 * content or value attribute, or its text ("Posted: Nov 20, 2019",
 * "First Published on Nov 20, 2019 01:38 pm").
 */
static void
date_element(struct pagemeta *pm, const xmlNode *n, struct strbuf *tmp)
{
	static const char *const attrs[] = { "datetime", "data-pubdate", "content", "value", NULL };
	const char *cls = html_attr(n, "class"), *v;
	char low[128];
	size_t k;

	if (pm->date[SRC_DATEEL] || !cls)
		return;
	for (k = 0; cls[k] && k < sizeof low - 1; k++)
		low[k] = (char)(cls[k] >= 'A' && cls[k] <= 'Z' ? cls[k] + 32 : cls[k]);
	low[k] = '\0';
	if ((!strstr(low, "date") && !strstr(low, "publish") && !strstr(low, "posted") && !strstr(low, "timestamp")) ||
	    strstr(low, "update") || strstr(low, "modified") || strstr(low, "issue"))
		return;
	for (k = 0; attrs[k] && !pm->date[SRC_DATEEL]; k++)
		set_date(&pm->date[SRC_DATEEL], html_attr(n, attrs[k]));
	if (pm->date[SRC_DATEEL])
		return;
	one_line_text(n, tmp);
	if (tmp->len == 0 || tmp->len > 80)
		return;
	set_date(&pm->date[SRC_DATEEL], tmp->buf);
	/* After a label: "Posted: ...", "Published on ...". */
	if (!pm->date[SRC_DATEEL] && (v = strstr(tmp->buf, ": ")))
		set_date(&pm->date[SRC_DATEEL], v + 2);
	if (!pm->date[SRC_DATEEL] && (v = strstr(tmp->buf, " on ")))
		set_date(&pm->date[SRC_DATEEL], v + 4);
}

/* An element whose class or id names a byline ("byline", "article-author"). */
static int
byline_element(const xmlNode *n)
{
	const char *v = html_attr(n, "class");

	if (v && (strstr(v, "byline") || strstr(v, "Byline") || strstr(v, "author-name") || strstr(v, "authorName")))
		return 1;
	v = html_attr(n, "rel");
	return v && strcmp(v, "author") == 0;
}

static void
element(struct pagemeta *pm, const xmlNode *n, struct strbuf *tmp)
{
	const char *name = (const char *)n->name, *v;

	/* Most elements are none of these: attributes are looked at only then. */
	if (!n->properties && name[0] != 't')
		return;

	if (strcmp(name, "meta") == 0) {
		meta_tag(pm, n);
		return;
	}
	if (strcmp(name, "html") == 0) {
		set_str(&pm->html_lang, html_attr(n, "lang"));
		if (!pm->html_lang)
			set_str(&pm->html_lang, html_attr(n, "xml:lang"));
		return;
	}
	if (strcmp(name, "title") == 0 && !pm->title_tag) {
		one_line_text(n, tmp);
		set_once(&pm->title_tag, tmp->buf, tmp->len);
		return;
	}
	if (strcmp(name, "link") == 0) {
		v = html_attr(n, "rel");
		if (v && strcasecmp(v, "canonical") == 0 && (v = html_attr(n, "href")) && strncmp(v, "http", 4) == 0)
			set_str(&pm->canonical, v);
		return;
	}
	if (strcmp(name, "script") == 0) {
		v = html_attr(n, "type");
		if (v && strcasecmp(v, "application/ld+json") == 0)
			ld_script(pm, n, tmp);
		return;
	}
	if (strcmp(name, "time") == 0 && (v = html_attr(n, "datetime")) && !pm->date[SRC_TIME]) {
		set_date(&pm->date[SRC_TIME], v);
		return;
	}
	v = html_attr(n, "itemprop");
	if (v) {
		if (strcmp(v, "datePublished") == 0) {
			const char *d = html_attr(n, "datetime");
			set_date(&pm->date[SRC_PROP], d ? d : html_attr(n, "content"));
		} else if (strcmp(v, "author") == 0 && pm->src[SRC_PROP].n < 8) {
			one_line_text(n, tmp);
			if (tmp->len)
				add_authors(&pm->src[SRC_PROP], tmp->buf);
		}
	}
	date_element(pm, n, tmp);
	/* The first byline element only: later ones belong to other stories. */
	if (byline_element(n) && pm->src[SRC_BYLINE].n == 0) {
		one_line_text(n, tmp);
		if (tmp->len && tmp->len <= 120)
			add_authors(&pm->src[SRC_BYLINE], tmp->buf);
	}
}

void
pagemeta_read(struct pagemeta *pm, xmlDoc *doc)
{
	const xmlNode *n = (const xmlNode *)doc;
	struct strbuf tmp = STRBUF_INIT;

	while (n) {
		const xmlNode *next;
		if (n->type == XML_ELEMENT_NODE && n->name)
			element(pm, n, &tmp);
		/* Document order; the text of an element is read where it is used. */
		if (n->children && n->type != XML_TEXT_NODE && !(n->type == XML_ELEMENT_NODE && html_is(n, "script"))) {
			n = n->children;
			continue;
		}
		next = n;
		while (next != (const xmlNode *)doc && !next->next)
			next = next->parent;
		n = next == (const xmlNode *)doc ? NULL : next->next;
	}
	strbuf_release(&tmp);
}

/* ---- choosing ------------------------------------------------------- */

/* s lower-cased with everything but letters and digits left out, into out (reset). */
static void
fold_alnum(const char *s, size_t n, struct strbuf *out)
{
	size_t i = 0;

	strbuf_reset(out);
	while (i < n) {
		uint32_t cp = utf8_next(s, n, &i);
		if (uc_is_alpha(cp) || uc_is_digit(cp))
			strbuf_add_cp(out, uc_tolower(cp));
	}
	if (!out->buf)
		strbuf_addstr(out, "");
}

/* Is seg[0..n) the site's name ("BBC News", "nytimes.com", "The Verge")? */
static int
names_site(const struct pagemeta *pm, const char *seg, size_t n, const char *host)
{
	const char *names[4] = { pm->site, pm->ld_site, pm->app_name, host };
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int k, hit = 0;

	fold_alnum(seg, n, &a);
	for (k = 0; k < 4 && !hit; k++) {
		if (!names[k])
			continue;
		fold_alnum(names[k], strlen(names[k]), &b);
		/* "BBC News" names "BBC", and "nytimes" names "The New York Times"... not a headline holding "BBC". */
		if (a.len >= 3 && b.len >= 3 && (strstr(b.buf, a.buf) || (strstr(a.buf, b.buf) && a.len <= 2 * b.len + 8)))
			hit = 1;
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return hit;
}

/* "www.nytimes.com" from "https://www.nytimes.com/2019/..." ("nytimes" is enough to compare). */
static void
url_host(const char *url, char *out, size_t cap)
{
	const char *p = url ? strstr(url, "://") : NULL;
	size_t n;

	out[0] = '\0';
	if (!p)
		return;
	p += 3;
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	n = strcspn(p, "/:?#");
	/* Without the top-level domain: "nytimes.com" -> "nytimes". */
	{
		const char *dot = memchr(p, '.', n);
		if (dot)
			n = (size_t)(dot - p);
	}
	if (n >= cap)
		n = cap - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

static const char *const title_seps[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ",
					  " \xc2\xbb ", " // ", " : ", NULL };

/*
 * A title without the site's name before or after it ("Headline | Site",
 * "Site - Headline"); the name must be the site's (og:site_name, the
 * publisher, the host), so a headline with a dash in it stays whole.
 * Returns a malloc'd string.
 */
static char *
strip_site(const struct pagemeta *pm, const char *t, const char *host)
{
	size_t n = strlen(t), k;

	for (k = 0; title_seps[k]; k++) {
		size_t sl = strlen(title_seps[k]);
		const char *first = strstr(t, title_seps[k]), *last = NULL, *p;
		if (!first)
			continue;
		for (p = first; p; p = strstr(p + 1, title_seps[k]))
			last = p;
		if (names_site(pm, last + sl, n - (size_t)(last - t) - sl, host))
			return xstrndup(t, (size_t)(last - t));
		if (names_site(pm, t, (size_t)(first - t), host))
			return xstrdup(first + sl);
	}
	return xstrdup(t);
}

/* A headline cut short with an ellipsis ("...", "…"). */
static int
truncated(const char *s)
{
	size_t n = strlen(s);

	return (n >= 3 && strcmp(s + n - 3, "...") == 0) || (n >= 3 && strcmp(s + n - 3, "\xe2\x80\xa6") == 0);
}

static void
choose_title(struct pagemeta *pm, const char *h1, const char *host)
{
	const char *cand[4] = { pm->ld_headline, pm->og_title, h1, pm->title_tag };
	int k;

	for (k = 0; k < 4 && !pm->title; k++) {
		char *t;
		if (!cand[k] || !*cand[k])
			continue;
		t = k == 0 || k == 2 ? xstrdup(cand[k]) : strip_site(pm, cand[k], host);
		if (!*t || (truncated(t) && k < 3)) {
			free(t);
			continue;
		}
		pm->title = t;
	}
}

/* "en_us" -> "en-US"; NULL unless a BCP 47-shaped tag. */
static char *
language_tag(const char *s)
{
	char buf[36];
	size_t n = 0, part = 0, plen = 0;

	if (!s)
		return NULL;
	while (*s == ' ')
		s++;
	for (; *s && *s != ' ' && *s != ',' && *s != ';' && n < sizeof buf - 1; s++) {
		char c = *s == '_' ? '-' : *s;
		if (c == '-') {
			if (plen == 0)
				return NULL;
			part++;
			plen = 0;
			buf[n++] = c;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return NULL;
		if (part == 0)
			c = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		else if (part == 1)
			c = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
		buf[n++] = c;
		plen++;
	}
	buf[n] = '\0';
	/* The primary language: two or three letters. */
	n = strcspn(buf, "-");
	if (n < 2 || n > 3 || plen == 0)
		return NULL;
	return xstrdup(buf);
}

/* A language the script of the text tells for sure, or NULL. */
static const char *
script_language(const char *text, size_t len)
{
	static const struct { uint32_t lo, hi; const char *lang; } scripts[] = {
		{ 0xAC00, 0xD7AF, "ko" }, { 0x1100, 0x11FF, "ko" }, { 0x3040, 0x30FF, "ja" }, { 0x0E00, 0x0E7F, "th" },
		{ 0x0370, 0x03FF, "el" }, { 0x0590, 0x05FF, "he" }, { 0x10A0, 0x10FF, "ka" }, { 0x0530, 0x058F, "hy" },
		{ 0x4E00, 0x9FFF, "zh" },
	};
	size_t count[9] = { 0 }, letters = 0, i = 0, k;

	while (i < len) {
		uint32_t cp = utf8_next(text, len, &i);
		if (!uc_is_alpha(cp))
			continue;
		letters++;
		for (k = 0; k < 9; k++)
			if (cp >= scripts[k].lo && cp <= scripts[k].hi)
				count[k]++;
	}
	if (letters < 20)
		return NULL;
	/* Kana among Han characters is Japanese. */
	if (count[2] * 20 >= letters)
		return "ja";
	for (k = 0; k < 9; k++)
		if (count[k] * 10 >= letters * 3)
			return scripts[k].lang;
	return NULL;
}

void
pagemeta_finish(struct pagemeta *pm, const char *h1, const char *text, size_t len, const char *stopword_lang)
{
	char host[128];
	int k;

	url_host(pm->canonical ? pm->canonical : pm->og_url ? pm->og_url : pm->ld_url, host, sizeof host);
	choose_title(pm, h1, host[0] ? host : NULL);
	for (k = 0; k < SRC_COUNT && !pm->published; k++)
		if (pm->date[k])
			pm->published = xstrdup(pm->date[k]);
	for (k = 0; k < SRC_COUNT && pm->authors.n == 0; k++)
		if (pm->src[k].n > 0) {
			pm->authors = pm->src[k];
			memset(&pm->src[k], 0, sizeof pm->src[k]);
		}
	set_str(&pm->url, pm->canonical ? pm->canonical : pm->og_url ? pm->og_url : pm->ld_url);
	if (!pm->site)
		set_str(&pm->site, pm->ld_site ? pm->ld_site : pm->app_name);
	pm->lang = language_tag(pm->html_lang);
	if (!pm->lang)
		pm->lang = language_tag(pm->locale);
	if (!pm->lang && script_language(text, len))
		pm->lang = xstrdup(script_language(text, len));
	if (!pm->lang && stopword_lang)
		pm->lang = xstrdup(stopword_lang);
}

static void
names_release(struct names *n)
{
	size_t k;

	for (k = 0; k < n->n; k++)
		free(n->v[k]);
	free(n->v);
	memset(n, 0, sizeof *n);
}

void
pagemeta_release(struct pagemeta *pm)
{
	int k;

	free(pm->title);
	free(pm->published);
	free(pm->url);
	free(pm->site);
	free(pm->lang);
	names_release(&pm->authors);
	free(pm->ld_headline);
	free(pm->og_title);
	free(pm->title_tag);
	free(pm->ld_site);
	free(pm->app_name);
	free(pm->ld_url);
	free(pm->og_url);
	free(pm->canonical);
	free(pm->locale);
	free(pm->html_lang);
	for (k = 0; k < SRC_COUNT; k++) {
		names_release(&pm->src[k]);
		free(pm->date[k]);
	}
	memset(pm, 0, sizeof *pm);
}
