/*
 * test_csvwrite.c - unit tests of common/csvwrite: CSV quoting (libcsv),
 * TSV escapes, the formula guard and the lone empty cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvwrite.h"
#include "unit.h"

/* The bytes one row of cells makes; cells starting with '#' are plain (the '#' dropped). */
static char *
row(enum table_format f, bool guard, const char *const *cells)
{
	struct csvwriter w;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	csvwriter_init(&w, f, guard);
	for (; *cells; cells++) {
		if ((*cells)[0] == '#')
			csvwriter_plain(&w, *cells + 1, strlen(*cells + 1));
		else
			csvwriter_text(&w, *cells, strlen(*cells));
	}
	CHECK(csvwriter_end_row(&w, out) == 0);
	fclose(out);
	csvwriter_release(&w);
	return buf;
}

static int
row_is(enum table_format f, bool guard, const char *const *cells, const char *want)
{
	char *got = row(f, guard, cells);
	int ok = strcmp(got, want) == 0;

	if (!ok)
		fprintf(stderr, "row: got [%s] want [%s]\n", got, want);
	free(got);
	return ok;
}

int
main(void)
{
	static const char *const plain[] = { "a", "b c", "", NULL };
	static const char *const hostile[] = { "x,y", "say \"hi\"", "two\nlines", "cr\rhere", "<script>", NULL };
	static const char *const formulas[] = { "=1+2", "+1", "-2", "@SUM(A1)", "\tx", "#-3", "ok=", NULL };
	static const char *const lone_empty[] = { "", NULL };
	static const char *const tsv[] = { "tab\there", "nl\nhere", "back\\slash", "cr\r", "\"quoted\"", NULL };

	CHECK(row_is(TABLE_CSV, true, plain, "a,b c,\r\n"));
	CHECK(row_is(TABLE_CSV, true, hostile,
		     "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",<script>\r\n"));
	/* Text cells a spreadsheet would run get a '; plain cells (numbers) never do. */
	CHECK(row_is(TABLE_CSV, true, formulas, "'=1+2,'+1,'-2,'@SUM(A1),'\tx,-3,ok=\r\n"));
	CHECK(row_is(TABLE_CSV, false, formulas, "=1+2,+1,-2,@SUM(A1),\tx,-3,ok=\r\n"));
	CHECK(row_is(TABLE_CSV, true, lone_empty, "\"\"\r\n"));
	CHECK(row_is(TABLE_TSV, true, lone_empty, "\n"));
	CHECK(row_is(TABLE_TSV, true, tsv, "tab\\there\tnl\\nhere\tback\\\\slash\tcr\\r\t\"quoted\"\n"));
	CHECK(row_is(TABLE_TSV, true, formulas, "'=1+2\t'+1\t'-2\t'@SUM(A1)\t'\\tx\t-3\tok=\n"));
	CHECK(csvwriter_is_formula("=", 1) && !csvwriter_is_formula("", 0) && !csvwriter_is_formula("a=", 2));
	return unit_done();
}
