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

/*
 * Read a whole text file into a new NUL-terminated buffer (caller frees);
 * die() naming the file when it cannot be read.
 */
char *datafile_slurp(const char *path, size_t *len);

#endif
