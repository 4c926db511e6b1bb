/* datafile.c - locating and reading data files; see datafile.h. */

#include "datafile.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "input.h"
#include "strbuf.h"
#include "xalloc.h"

static int
readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* The directory of the running program, or NULL. */
static char *
exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

char *
datafile_find(const char *explicit_path, const char *rel)
{
	char *path;

	if (explicit_path)
		return xstrdup(explicit_path);
	path = datafile_try(rel);
	if (path)
		return path;
	die("data file '%s' not found (looked in $NEWSPIPE_DATA, ../share/newspipe and ../data beside the program)",
	    rel);
}

char *
datafile_try(const char *rel)
{
	struct strbuf sb = STRBUF_INIT;
	const char *env = getenv("NEWSPIPE_DATA");
	char *dir;

	if (env && *env) {
		strbuf_addf(&sb, "%s/%s", env, rel);
		if (readable(sb.buf))
			return strbuf_detach(&sb, NULL);
		strbuf_reset(&sb);
	}
	dir = exe_dir();
	if (dir) {
		strbuf_addf(&sb, "%s/../share/newspipe/%s", dir, rel);
		if (readable(sb.buf)) {
			free(dir);
			return strbuf_detach(&sb, NULL);
		}
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s/../data/%s", dir, rel);
		if (readable(sb.buf)) {
			free(dir);
			return strbuf_detach(&sb, NULL);
		}
		free(dir);
	}
	strbuf_release(&sb);
	return NULL;
}

char *
datafile_slurp(const char *path, size_t *len)
{
	struct reader r;
	struct strbuf sb = STRBUF_INIT;

	if (reader_open(&r, path) != 0)
		die("cannot read data file '%s'", path);
	r.max_line = DATAFILE_MAX;
	r.max_name = "a data file's limit";
	if (reader_read_all(&r, &sb) != 0)
		exit(prog_exit()); /* reported, naming the file */
	reader_close(&r);
	return strbuf_detach(&sb, len);
}

void
datafile_lines_open(struct datafile_lines *dl, const char *path)
{
	char *nul;

	dl->buf = datafile_slurp(path, &dl->len);
	dl->next = dl->buf;
	dl->lineno = 0;
	if (dl->len == 0)
		die("data file '%s' is empty (a list meant to be empty needs a '#' line)", path);
	if (dl->buf[dl->len - 1] != '\n')
		die("data file '%s' is cut short: its last line has no newline", path);
	nul = memchr(dl->buf, '\0', dl->len);
	if (nul) {
		unsigned long line = 1;
		const char *p;
		for (p = dl->buf; p < nul; p++)
			line += *p == '\n';
		die("%s:%lu: a NUL byte: not a text file", path, line);
	}
}

char *
datafile_lines_next(struct datafile_lines *dl, size_t *len)
{
	char *line = dl->next, *nl;
	size_t n;

	if (line >= dl->buf + dl->len)
		return NULL;
	nl = memchr(line, '\n', (size_t)(dl->buf + dl->len - line));
	n = nl ? (size_t)(nl - line) : (size_t)(dl->buf + dl->len - line);
	line[n] = '\0';
	dl->next = line + n + 1;
	dl->lineno++;
	if (len)
		*len = n;
	return line;
}

void
datafile_lines_close(struct datafile_lines *dl)
{
	free(dl->buf);
	dl->buf = dl->next = NULL;
}
