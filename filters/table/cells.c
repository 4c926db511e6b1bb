/* cells.c - columns and JSON values as cells; see table.h. */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "xalloc.h"

static void
columns_add(struct columns *cols, const char *name, size_t len)
{
	ARRAY_GROW(cols->name, cols->n + 1, cols->cap);
	cols->name[cols->n++] = xstrndup(name, len);
}

void
columns_parse(struct columns *cols, const char *arg, const char *const *defaults)
{
	const char *p = arg;
	size_t i;

	if (!p || *p == '+') {
		for (i = 0; defaults[i]; i++)
			columns_add(cols, defaults[i], strlen(defaults[i]));
		if (!p)
			return;
		p++;
	}
	for (;;) {
		size_t n = strcspn(p, ",");
		if (n == 0)
			usage_error("empty column name in --fields '%s'", arg);
		columns_add(cols, p, n);
		if (!p[n])
			break;
		p += n + 1;
	}
}

void
columns_release(struct columns *cols)
{
	size_t i;

	for (i = 0; i < cols->n; i++)
		free(cols->name[i]);
	free(cols->name);
	cols->name = NULL;
	cols->n = cols->cap = 0;
}

/* Follow a dotted path through nested objects from v. */
static const json_t *
walk(const json_t *v, const char *path)
{
	while (v && *path) {
		size_t n = strcspn(path, ".");
		const json_t *next = json_is_object(v) ? json_object_getn(v, path, n) : NULL;
		v = next;
		path += n;
		if (*path == '.')
			path++;
	}
	return v;
}

const json_t *
cell_lookup(const json_t *item, const json_t *rec, const char *name)
{
	const json_t *v = NULL;

	if (item)
		v = json_object_get(item, name);
	if (!v)
		v = json_object_get(rec, name);
	if (!v && strchr(name, '.')) {
		if (item)
			v = walk(item, name);
		if (!v)
			v = walk(rec, name);
	}
	return v;
}

/* A real in the fewest significant digits that read back as the same double. */
static void
add_real(struct strbuf *sb, double d)
{
	char buf[40];
	int prec;

	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	snprintf(buf, sizeof buf, "%.*g", prec, d);
	strbuf_addstr(sb, buf);
}

/* A scalar as text; 0 if v is not a scalar.  Sets *text for data strings. */
static int
add_scalar(struct strbuf *sb, const json_t *v, int *text)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		strbuf_add(sb, json_string_value(v), json_string_length(v));
		*text = 1;
		return 1;
	case JSON_INTEGER:
		strbuf_addf(sb, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 1;
	case JSON_REAL:
		add_real(sb, json_real_value(v));
		return 1;
	case JSON_TRUE:
		strbuf_addstr(sb, "true");
		return 1;
	case JSON_FALSE:
		strbuf_addstr(sb, "false");
		return 1;
	case JSON_NULL:
		return 1;
	default:
		return 0;
	}
}

static int
is_flat_array(const json_t *v)
{
	size_t i;
	json_t *e;

	json_array_foreach(v, i, e)
		if (json_is_object(e) || json_is_array(e))
			return 0;
	return 1;
}

static void
add_json(struct strbuf *sb, const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));

	if (!s)
		die("out of memory");
	strbuf_addstr(sb, s);
	free(s);
}

void
cell_add(struct csvwriter *w, const json_t *v, struct strbuf *scratch)
{
	int text = 0;

	strbuf_reset(scratch);
	if (!v) {
		/* missing: an empty cell */
	} else if (add_scalar(scratch, v, &text)) {
		/* done */
	} else if (json_is_array(v) && is_flat_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			if (i > 0)
				strbuf_addstr(scratch, "; ");
			add_scalar(scratch, e, &text);
		}
		text = 1;
	} else {
		add_json(scratch, v);
		text = 1;
	}
	if (text)
		csvwriter_text(w, scratch->buf ? scratch->buf : "", scratch->len);
	else
		csvwriter_plain(w, scratch->buf ? scratch->buf : "", scratch->len);
}
