/* recid.c - the id of a record that comes without one; see recid.h. */
#include "recid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "strbuf.h"
#include "xalloc.h"

char *
recid_base(const char *path)
{
	static const char *const exts[] = { ".gz", ".txt", ".text", ".csv", ".jsonl", ".ndjson", ".json", ".html", ".htm",
					    ".xhtml", ".xml", ".rss", ".atom", ".rdf", ".warc", NULL };
	const char *slash = strrchr(path, '/');
	char *id = xstrdup(slash ? slash + 1 : path);
	int again = 1;

	while (again) {
		size_t k;
		again = 0;
		for (k = 0; exts[k]; k++) {
			size_t n = strlen(id), m = strlen(exts[k]);
			if (n > m && strcmp(id + n - m, exts[k]) == 0) {
				id[n - m] = '\0';
				again = 1;
			}
		}
	}
	return id;
}

json_t *
recid_with_id_first(const json_t *rec, const char *id)
{
	json_t *out = json_object();
	const char *key;
	json_t *val;

	json_object_set_new(out, "id", json_string(id));
	/* Skip an existing "id" of the wrong type (null, 1.5, ...): copying it
	 * would overwrite the new one and leave the record without a usable id. */
	json_object_foreach((json_t *)rec, key, val)
		if (strcmp(key, "id") != 0)
			json_object_set(out, key, val);
	return out;
}

json_t *
recid_ensure(const json_t *rec, const char *file, unsigned long line, const char *text, size_t len)
{
	json_t *idv = json_object_get(rec, "id"), *out;
	struct strbuf sb = STRBUF_INIT;

	if ((json_is_string(idv) && json_string_length(idv) > 0) || json_is_integer(idv))
		return NULL;
	if (strcmp(file, "<stdin>") == 0) {
		strbuf_addf(&sb, "doc-%016llx", (unsigned long long)hash64(text ? text : "", text ? len : 0, 0));
	} else {
		char *b = recid_base(file);
		strbuf_addf(&sb, "%s:%lu", b, line);
		free(b);
	}
	out = recid_with_id_first(rec, sb.buf);
	strbuf_release(&sb);
	return out;
}
