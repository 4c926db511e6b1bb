/*
 * web.c - news-split's web formats: RSS/Atom feeds (one record per item,
 * common/feed.h), HTML pages (one record per file) and WARC crawls (one
 * record per page, common/warc.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "err.h"
#include "feed.h"
#include "hash.h"
#include "recid.h"
#include "split.h"
#include "utf8.h"
#include "warc.h"

/* Set key to s[0..len) as UTF-8 (invalid bytes become U+FFFD); nothing for an empty s. */
static void
set_text(json_t *rec, const char *key, const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;

	if (!s || len == 0)
		return;
	if (utf8_valid(s, len) && !memchr(s, '\0', len)) {
		json_object_set_new(rec, key, json_stringn(s, len));
		return;
	}
	charset_to_utf8(s, len, "UTF-8", &sb);
	json_object_set_new(rec, key, json_stringn(sb.buf, sb.len));
	strbuf_release(&sb);
}

/*
 * A stable id for a record with none of its own: the file's name (when
 * the file is the record), else a hash of what it holds.
 */
static void
set_own_id(struct splitter *sp, json_t *rec, const char *text, size_t len, bool by_file)
{
	char id[40];

	if (by_file && sp->path) {
		char *b = recid_base(sp->path);
		set_text(rec, "id", b, strlen(b));
		free(b);
	}
	if (!json_object_get(rec, "id")) {
		snprintf(id, sizeof id, "doc-%016llx", (unsigned long long)hash64(text, len, 0));
		json_object_set_new(rec, "id", json_string(id));
	}
}

/* A record of the web formats to the stream (consumed). */
static void
hand_out(struct splitter *sp, json_t *rec, const char *name)
{
	if (sp->path)
		set_text(rec, "source", sp->path, strlen(sp->path));
	stream_set_position(sp->stream, name, 0);
	if (json_is_string(json_object_get(rec, sp->co->field)))
		stream_feed_record(sp->stream, rec); /* plain text: split like any article */
	else
		stream_pass(sp->stream, rec);
}

/* --- feeds --------------------------------------------------------------- */

struct feed_run {
	struct splitter *sp;
	const char *name;
};

static void
take_item(void *ctx, json_t *item)
{
	struct feed_run *run = ctx;

	if (run->sp->opt.feed_info || stream_stopped(run->sp->stream)) {
		json_decref(item);
		return;
	}
	hand_out(run->sp, item, run->name);
}

/* --feed-info: the feed itself as a record. */
static void
feed_record(struct splitter *sp, json_t *feed, unsigned long items, const char *name)
{
	json_t *rec = json_object(), *v;
	const char *title = json_string_value(json_object_get(feed, "title"));

	if ((v = json_object_get(feed, "id")) || (v = json_object_get(feed, "url")))
		json_object_set(rec, "id", v);
	else
		set_own_id(sp, rec, title ? title : "", title ? strlen(title) : 0, true);
	json_object_set(rec, "feed", feed);
	json_object_set_new(rec, "items", json_integer((json_int_t)items));
	hand_out(sp, rec, name);
}

void
split_feed(struct splitter *sp, struct reader *r)
{
	struct feed_run run = { sp, r->name };
	struct feed_parser *fp = feed_parser_new(r->name, sp->opt.url, take_item, &run);
	struct feed_stats st;
	const char *data;
	size_t n;

	feed_parser_set_max_item(fp, r->max_line, r->max_name);
	if (sp->co->unbuffered)
		feed_parser_stream_items(fp);
	while (!stream_stopped(sp->stream) && reader_read(r, &data, &n) == 0 && n > 0)
		if (feed_parser_push(fp, data, n) < 0)
			break;
	feed_parser_finish(fp);
	feed_parser_stats(fp, &st);
	if (st.is_feed && sp->opt.feed_info && !stream_stopped(sp->stream))
		feed_record(sp, feed_parser_feed(fp), st.items, r->name);
	if (sp->co->stats && st.is_feed) {
		if (st.items == 0)
			note("%s: a feed with no items", r->name);
		else
			note("%s: a feed with %lu item%s%s", r->name, st.items, st.items == 1 ? "" : "s",
			     sp->opt.feed_info ? " (counted, not written: --feed-info)" : "");
		if (st.bad_dates)
			note("%s: %lu date%s not understood, left out", r->name, st.bad_dates, st.bad_dates == 1 ? "" : "s");
	}
	feed_parser_free(fp);
}

/* --- HTML pages ------------------------------------------------------------ */

void
split_html(struct splitter *sp, struct reader *r)
{
	struct strbuf raw = STRBUF_INIT, html = STRBUF_INIT;
	char charset[CHARSET_MAX];
	json_t *rec;

	if (reader_read_all(r, &raw) == 0) {
		charset_sniff_html(raw.buf ? raw.buf : "", raw.len, NULL, charset);
		charset_to_utf8(raw.buf ? raw.buf : "", raw.len, charset, &html);
		rec = json_object();
		set_own_id(sp, rec, html.buf ? html.buf : "", html.len, true);
		if (sp->opt.url)
			set_text(rec, "url", sp->opt.url, strlen(sp->opt.url));
		json_object_set_new(rec, "html", json_stringn(html.buf ? html.buf : "", html.len));
		hand_out(sp, rec, r->name);
	}
	strbuf_release(&raw);
	strbuf_release(&html);
}

/* --- WARC crawls ----------------------------------------------------------- */

static void
warc_stats_note(const char *name, const struct warc_stats *st)
{
	static const char *const what[] = { "request", "metadata", "revisit", "warcinfo", "other record type",
					     "HTTP status not 200", "not HTML", "too large", "undecodable", "damaged" };
	unsigned long n[] = { st->request, st->metadata, st->revisit, st->warcinfo, st->other_type,
			      st->not_ok, st->not_html, st->too_large, st->undecodable, st->damaged };
	struct strbuf sb = STRBUF_INIT;
	size_t k;

	for (k = 0; k < sizeof n / sizeof n[0]; k++)
		if (n[k])
			strbuf_addf(&sb, "%s%lu %s", sb.len ? ", " : "", n[k], what[k]);
	note("%s: %lu WARC record%s: %lu page%s written%s%s", name, st->records, st->records == 1 ? "" : "s", st->pages,
	     st->pages == 1 ? "" : "s", sb.len ? "; skipped: " : "", sb.len ? sb.buf : "");
	strbuf_release(&sb);
}

void
split_warc(struct splitter *sp, struct reader *r)
{
	struct warc_reader *w = warc_reader_new(r, r->name);
	struct warc_page page;
	struct warc_stats st;

	while (!stream_stopped(sp->stream) && warc_next_page(w, &page) == 1) {
		json_t *rec = json_object();
		set_text(rec, "id", page.id, strlen(page.id));
		if (!json_object_get(rec, "id"))
			set_own_id(sp, rec, page.html, page.html_len, false);
		set_text(rec, "url", page.url, strlen(page.url));
		set_text(rec, "fetched", page.fetched, strlen(page.fetched));
		json_object_set_new(rec, "html", json_stringn(page.html, page.html_len));
		hand_out(sp, rec, r->name);
	}
	warc_reader_stats(w, &st);
	if (sp->co->stats)
		warc_stats_note(r->name, &st);
	warc_reader_free(w);
}
