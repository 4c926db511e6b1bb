/* csvwrite.c - CSV and TSV rows; see csvwrite.h. */
#include "csvwrite.h"

#include <csv.h>
#include <string.h>

void
csvwriter_init(struct csvwriter *w, enum table_format format, bool guard)
{
	w->format = format;
	w->guard = guard;
	w->row = (struct strbuf)STRBUF_INIT;
	w->ncells = 0;
	w->last_empty = false;
}

void
csvwriter_release(struct csvwriter *w)
{
	strbuf_release(&w->row);
}

bool
csvwriter_is_formula(const char *s, size_t len)
{
	return len > 0 && strchr("=+-@\t\r", s[0]) != NULL;
}

static bool
needs_quotes(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return true;
	return false;
}

/* Append s[0..len) as one CSV field, quoted by libcsv when it must be. */
static void
add_csv(struct strbuf *sb, const char *s, size_t len)
{
	size_t need;

	if (!needs_quotes(s, len)) {
		strbuf_add(sb, s, len);
		return;
	}
	need = 2 + 2 * len; /* the quotes, and every byte a doubled quote at worst */
	strbuf_grow(sb, need);
	sb->len += csv_write(sb->buf + sb->len, need, s, len);
	sb->buf[sb->len] = '\0';
}

/* Append s[0..len) as one TSV field: tab, newline, CR and backslash escaped. */
static void
add_tsv(struct strbuf *sb, const char *s, size_t len)
{
	size_t i, start = 0;

	for (i = 0; i < len; i++) {
		const char *esc = NULL;
		switch (s[i]) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default: continue;
		}
		strbuf_add(sb, s + start, i - start);
		strbuf_add(sb, esc, 2);
		start = i + 1;
	}
	strbuf_add(sb, s + start, len - start);
}

static void
add_cell(struct csvwriter *w, const char *s, size_t len, bool text)
{
	struct strbuf guarded = STRBUF_INIT;

	if (text && w->guard && csvwriter_is_formula(s, len)) {
		strbuf_addch(&guarded, '\'');
		strbuf_add(&guarded, s, len);
		s = guarded.buf;
		len = guarded.len;
	}
	if (w->ncells++ > 0)
		strbuf_addch(&w->row, w->format == TABLE_CSV ? ',' : '\t');
	if (w->format == TABLE_CSV)
		add_csv(&w->row, s, len);
	else
		add_tsv(&w->row, s, len);
	w->last_empty = len == 0;
	strbuf_release(&guarded);
}

void
csvwriter_text(struct csvwriter *w, const char *s, size_t len)
{
	add_cell(w, s, len, true);
}

void
csvwriter_plain(struct csvwriter *w, const char *s, size_t len)
{
	add_cell(w, s, len, false);
}

int
csvwriter_end_row(struct csvwriter *w, FILE *out)
{
	int rc = 0;

	/* One empty cell alone would be a blank line, which CSV readers skip. */
	if (w->format == TABLE_CSV && w->ncells == 1 && w->last_empty)
		strbuf_addstr(&w->row, "\"\"");
	strbuf_addstr(&w->row, w->format == TABLE_CSV ? "\r\n" : "\n");
	if (fwrite(w->row.buf, 1, w->row.len, out) != w->row.len)
		rc = -1;
	strbuf_reset(&w->row);
	w->ncells = 0;
	w->last_empty = false;
	return rc;
}
