/*
 * datafile.h - finding the project's data files (models, lexicons).
 *
 * A data file is found, in order: at the path given by an option (used
 * as is); under $NEWSPIPE_DATA; under ../share/newspipe next to the
 * installed program; under ../data next to the program in the source
 * tree (bin/news-x -> data/).
 */
#ifndef NEWSPIPE_DATAFILE_H
#define NEWSPIPE_DATAFILE_H

#include <stddef.h>

/*
 * Return the path of data file rel ("lexicon/en/boilerplate.txt"), or
 * explicit when it is not NULL.  The caller frees the result.  When the
 * file is nowhere, die() with a message naming rel and the places tried.
 */
char *datafile_find(const char *explicit_path, const char *rel);

/*
 * Like datafile_find() without an explicit path, but return NULL when the
 * file is nowhere (for optional data such as a model a filter can do
 * without).  The caller frees the result.
 */
char *datafile_try(const char *rel);

/* The largest data file read: 256 times the largest shipped lexicon. */
#define DATAFILE_MAX ((size_t)64 << 20)

/*
 * Read a whole file into a new NUL-terminated buffer (caller frees);
 * die() naming the file when it cannot be read or is larger than
 * DATAFILE_MAX (a data file that is /dev/zero must not read forever).
 */
char *datafile_slurp(const char *path, size_t *len);

/*
 * The lines of a data file, for the loaders of lexicons and tables:
 *
 *	struct datafile_lines dl;
 *	char *line;
 *	datafile_lines_open(&dl, path);
 *	while ((line = datafile_lines_next(&dl, &n)) != NULL)
 *		... die("%s:%lu: ...", path, dl.lineno) on a bad line ...
 *	datafile_lines_close(&dl);
 *
 * Every line is given, blank and '#' lines too (some files give those a
 * meaning), NUL-terminated in place without its '\n'.  A file of zero
 * bytes (a failed copy; a list meant to be empty says so in a '#' line),
 * one whose last line has no newline (cut short), or one with a NUL byte
 * (not text) is an error naming the file, never read as a shorter list.
 */
struct datafile_lines {
	char *buf;            /* the whole file (datafile_slurp), owned */
	size_t len;
	char *next;           /* where the next line starts */
	unsigned long lineno; /* the number of the line last given */
};

void datafile_lines_open(struct datafile_lines *dl, const char *path);
char *datafile_lines_next(struct datafile_lines *dl, size_t *len);
void datafile_lines_close(struct datafile_lines *dl);

#endif
