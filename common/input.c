/* input.c - plain or gzip input by magic bytes, lines of any length; see input.h. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "xalloc.h"

#define READ_CHUNK (256 * 1024)

int
reader_open(struct reader *r, const char *path)
{
	int fd;

	memset(r, 0, sizeof *r);
	if (!path || strcmp(path, "-") == 0) {
		r->name = "<stdin>";
		fd = dup(STDIN_FILENO);
	} else {
		r->name = path;
		fd = open(path, O_RDONLY);
	}
	if (fd < 0)
		return warn("cannot open '%s':", r->name);
	r->gz = gzdopen(fd, "rb");
	if (!r->gz) {
		close(fd);
		return warn("cannot read '%s': out of memory", r->name);
	}
	gzbuffer(r->gz, 128 * 1024);
	r->buf = xmalloc(READ_CHUNK);
	r->at_start = 1;
	return 0;
}

/* Refill the read buffer.  Returns bytes read, 0 at end, -1 on error. */
static int
refill(struct reader *r)
{
	int n;
	int errnum;

	if (r->eof)
		return 0;
	n = gzread(r->gz, r->buf, READ_CHUNK);
	if (n < 0) {
		const char *msg = gzerror(r->gz, &errnum);
		if (errnum == Z_ERRNO)
			warn("read error on '%s':", r->name);
		else
			warn("read error on '%s': %s", r->name, msg);
		r->eof = 1;
		return -1;
	}
	if (n == 0) {
		/* A truncated gzip stream ends early: say so, keep what was read. */
		const char *msg = gzerror(r->gz, &errnum);
		if (errnum != Z_OK && errnum != Z_STREAM_END)
			warn("read error on '%s': %s", r->name, msg);
		r->eof = 1;
	}
	r->pos = 0;
	r->len = (size_t)n;
	if (r->at_start && r->len >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
	r->at_start = 0;
	return n;
}

int
reader_getline(struct reader *r, const char **line, size_t *len)
{
	char *nl;
	size_t n;
	int spanning = 0;

	strbuf_reset(&r->line);
	for (;;) {
		if (r->pos >= r->len) {
			int got = refill(r);
			if (got < 0)
				return -1;
			if (got == 0) {
				if (!spanning)
					return 0;
				break; /* last line without a newline */
			}
		}
		nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		if (nl && !spanning) {
			*line = r->buf + r->pos;
			n = (size_t)(nl - (r->buf + r->pos));
			r->pos += n + 1;
			r->lineno++;
			if (n > 0 && (*line)[n - 1] == '\r')
				n--;
			*len = n;
			return 1;
		}
		n = nl ? (size_t)(nl - (r->buf + r->pos)) : r->len - r->pos;
		strbuf_add(&r->line, r->buf + r->pos, n);
		r->pos += n;
		spanning = 1;
		if (nl) {
			r->pos++;
			break;
		}
	}
	r->lineno++;
	n = r->line.len;
	if (n > 0 && r->line.buf[n - 1] == '\r')
		n--;
	*line = r->line.buf;
	*len = n;
	return 1;
}

int
reader_peek(struct reader *r, const char **data, size_t *n)
{
	if (r->pos >= r->len && refill(r) < 0)
		return -1;
	*data = r->buf + r->pos;
	*n = r->len - r->pos;
	return 0;
}

int
reader_read(struct reader *r, const char **data, size_t *n)
{
	if (r->pos >= r->len && refill(r) < 0)
		return -1;
	*data = r->buf + r->pos;
	*n = r->len - r->pos;
	r->pos = r->len;
	return 0;
}

int
reader_read_all(struct reader *r, struct strbuf *out)
{
	for (;;) {
		if (r->pos < r->len) {
			strbuf_add(out, r->buf + r->pos, r->len - r->pos);
			r->pos = r->len;
		}
		int got = refill(r);
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
	}
}

void
reader_close(struct reader *r)
{
	if (r->gz)
		gzclose(r->gz);
	free(r->buf);
	strbuf_release(&r->line);
	memset(r, 0, sizeof *r);
}
