/*
 * table.h - news-table's cells: which value a column names, and how a
 * JSON value is written as one cell.
 */
#ifndef NEWSPIPE_TABLE_H
#define NEWSPIPE_TABLE_H

#include <jansson.h>

#include "csvwrite.h"
#include "strbuf.h"

/* The columns of a table: names owned by the list. */
struct columns {
	char **name;
	size_t n, cap;
};

/*
 * Fill cols from a --fields argument: "a,b,c" names the columns, "+a,b"
 * adds them to defaults (a NULL-terminated list); NULL gives the
 * defaults.  An empty name is a usage error.
 */
void columns_parse(struct columns *cols, const char *arg, const char *const *defaults);
void columns_release(struct columns *cols);

/*
 * The value a column names in a row made from item (a quote or an entity
 * of rec; NULL for a row of the record itself): item's member of that
 * name, else rec's; a name with dots ("dup.of") is then a path through
 * nested objects, tried in item, then rec.  NULL when there is none.
 * Borrowed from item or rec.
 */
const json_t *cell_lookup(const json_t *item, const json_t *rec, const char *name);

/*
 * Add v (borrowed; NULL for a missing field) to w as one cell: a missing
 * value or null is empty; a string as it is; a number as JSON writes it
 * (a real in the fewest digits that read back the same); true and false;
 * an array of strings and numbers joined with "; "; any other array or
 * object as compact JSON.  Text from the data is formula-guarded
 * (csvwrite.h); numbers and booleans are not.  scratch is a buffer the
 * caller keeps between calls.
 */
void cell_add(struct csvwriter *w, const json_t *v, struct strbuf *scratch);

#endif
