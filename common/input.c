/*
 * input.c - plain or gzip input by magic bytes, lines as they arrive, up
 * to a bound; see input.h.
 *
 * Why our own inflate loop rather than gzread(): gzread() waits until it
 * has filled the whole buffer asked for (no line of a live stream comes
 * out before 256 KiB have arrived), throws away what it decompressed
 * before a CRC error, names the file "<fd:3>", and ignores whatever
 * follows the last gzip member.
 *
 * Why 256 MiB as the default bound of a line: a news article is a few
 * KB, a whole book a few MB, a web page with inline images tens of MB;
 * 256 MiB is far above all of them (and above the 100 MB line the tests
 * feed every stage), yet a stage holds a record a few times over (the
 * line, the decoded record, the output), so one record never takes more
 * than a few GB of a machine that runs six stages at once.
 */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "err.h"
#include "xalloc.h"

#define READ_CHUNK (256 * 1024)   /* decoded bytes at a time */
#define IN_CHUNK (64 * 1024)      /* compressed bytes at a time */
#define PEEK_PIPE (64 * 1024)     /* what peeking at a pipe may wait for */
#define SHRINK_ABOVE (1u << 20)   /* a line buffer this large is freed after its line */
_Static_assert(IN_CHUNK <= READ_CHUNK, "begin() reads the first compressed bytes into buf");

struct reader_gz {
	z_stream z;
	unsigned char in[IN_CHUNK];
	unsigned long long raw_off; /* bytes of the file read so far */
	int between;                /* a member ended: another may follow */
	int done;                   /* no more data: the end, or damage (reported) */
};

static size_t default_max = READER_DEFAULT_MAX;

void
reader_set_default_max(size_t max_line)
{
	default_max = max_line;
}

int
reader_open(struct reader *r, const char *path)
{
	struct stat st;

	memset(r, 0, sizeof *r);
	if (!path || strcmp(path, "-") == 0) {
		r->name = "<stdin>";
		r->fd = dup(STDIN_FILENO);
	} else {
		r->name = path;
		r->fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (r->fd < 0)
		return warn("cannot open '%s':", r->name);
	r->regular = fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode);
	r->max_line = default_max;
	r->max_name = "--max-record-bytes";
	r->cap = READ_CHUNK;
	r->buf = xmalloc(r->cap);
	return 0;
}

/* One read(2) of at most n bytes: what is there now.  Returns bytes, 0 at the end, -1 after a message. */
static ssize_t
raw_read(struct reader *r, void *dst, size_t n)
{
	ssize_t got;

	do
		got = read(r->fd, dst, n);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		warn("read error on '%s':", r->name);
	return got;
}

/*
 * The first bytes: gzip's magic makes the rest compressed.  Reads until
 * it can tell (one byte 0x1f is not enough), leaving plain bytes in buf.
 */
static int
begin(struct reader *r)
{
	r->started = 1;
	/* At most IN_CHUNK: what is read here moves to the gzip input buffer. */
	while (r->len < 2 && !(r->len == 1 && (unsigned char)r->buf[0] != 0x1f)) {
		ssize_t got = raw_read(r, r->buf + r->len, IN_CHUNK - r->len);
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		r->len += (size_t)got;
	}
	if (r->len >= 2 && (unsigned char)r->buf[0] == 0x1f && (unsigned char)r->buf[1] == 0x8b) {
		struct reader_gz *g = xcalloc(1, sizeof *g);
		/* 15 + 16: a gzip wrapper (header and CRC/length trailer checked). */
		if (inflateInit2(&g->z, 15 + 16) != Z_OK)
			die("out of memory");
		memcpy(g->in, r->buf, r->len);
		g->z.next_in = g->in;
		g->z.avail_in = (uInt)r->len;
		g->raw_off = r->len;
		r->gz = g;
		r->len = 0;
	}
	return 0;
}

/* Whether the compressed input has at least n bytes, reading more if needed (0 at the end). */
static int
gz_input(struct reader *r, size_t n)
{
	struct reader_gz *g = r->gz;

	while (g->z.avail_in < n) {
		ssize_t got;
		if (g->z.avail_in > 0 && g->z.next_in != g->in)
			memmove(g->in, g->z.next_in, g->z.avail_in);
		g->z.next_in = g->in;
		got = raw_read(r, g->in + g->z.avail_in, IN_CHUNK - g->z.avail_in);
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
		g->z.avail_in += (uInt)got;
		g->raw_off += (unsigned long long)got;
	}
	return 1;
}

/* Where the unread compressed input starts, as a byte offset of the file. */
static unsigned long long
gz_offset(const struct reader_gz *g)
{
	return g->raw_off - g->z.avail_in;
}

/* Decompress what has arrived into buf[len..cap).  Returns bytes added, 0 at the end, -1 on error. */
static ssize_t
gz_more(struct reader *r)
{
	struct reader_gz *g = r->gz;

	for (;;) {
		size_t room = r->cap - r->len, made;
		int rc;

		if (g->done)
			return 0;
		if (g->between) {
			/* Another member, or the end, or garbage. */
			rc = gz_input(r, 2);
			if (rc < 0)
				return -1;
			if (g->z.avail_in == 0) {
				g->done = 1;
				continue;
			}
			if (g->z.avail_in >= 2 && g->z.next_in[0] == 0x1f && g->z.next_in[1] == 0x8b) {
				inflateReset(&g->z);
				g->between = 0;
			} else {
				warn("%s: trailing garbage after the gzip data (at byte %llu), ignored", r->name,
				     gz_offset(g));
				g->done = 1;
				continue;
			}
		}
		if (g->z.avail_in == 0) {
			rc = gz_input(r, 1);
			if (rc < 0)
				return -1;
			if (rc == 0) {
				warn("%s: truncated gzip data (the file ends inside a member at byte %llu)", r->name,
				     gz_offset(g));
				g->done = 1;
				continue;
			}
		}
		g->z.next_out = (Bytef *)r->buf + r->len;
		g->z.avail_out = (uInt)room;
		rc = inflate(&g->z, Z_NO_FLUSH);
		made = room - g->z.avail_out;
		r->len += made;
		if (rc == Z_STREAM_END) {
			g->between = 1;
		} else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR) {
			/* What was decompressed before it is kept (made bytes of it are in buf). */
			warn("%s: corrupt gzip data (at byte %llu): %s", r->name, gz_offset(g),
			     g->z.msg ? g->z.msg : "bad data");
			g->done = 1;
		} else if (rc == Z_MEM_ERROR) {
			die("out of memory");
		}
		if (made > 0)
			return (ssize_t)made;
	}
}

/* Drop a UTF-8 BOM at the very start of the decoded bytes. */
static ssize_t more_raw(struct reader *r);

static int
drop_bom(struct reader *r)
{
	static const char bom[3] = { '\xef', '\xbb', '\xbf' };

	for (;;) {
		size_t have = r->len - r->pos;
		if (have >= 3 || memcmp(r->buf + r->pos, bom, have) != 0)
			break;
		ssize_t got = more_raw(r);
		if (got < 0)
			return -1;
		if (got == 0)
			break;
	}
	if (r->len - r->pos >= 3 && memcmp(r->buf + r->pos, bom, 3) == 0)
		r->pos += 3;
	return 0;
}

/* Add decoded bytes at buf[len..cap): the first look, gzip or plain. */
static ssize_t
more_raw(struct reader *r)
{
	size_t before = r->len;
	ssize_t got;

	if (r->eof)
		return 0;
	if (!r->started) {
		if (begin(r) != 0)
			return -1;
		if (r->len > before)
			return (ssize_t)(r->len - before);
	}
	if (r->gz) {
		got = gz_more(r);
	} else {
		got = raw_read(r, r->buf + r->len, r->cap - r->len);
		if (got > 0)
			r->len += (size_t)got;
	}
	if (got == 0)
		r->eof = 1;
	return got;
}

/*
 * Add decoded bytes at buf[len..cap) (the caller makes room).  Returns a
 * positive number when there may be more to look at, 0 at the end, -1 on
 * a read error.
 */
static ssize_t
more(struct reader *r)
{
	int first = !r->started;
	ssize_t got = more_raw(r);

	if (got > 0 && first && drop_bom(r) != 0)
		return -1;
	return got;
}

/* Report a line over the bound (already read past). */
static void
too_long(struct reader *r, size_t total)
{
	warn("%s:%lu: a line of %zu bytes is longer than %s (%zu): skipped", r->name, r->lineno, total,
	     r->max_name, r->max_line);
	r->too_long++;
}

int
reader_getline(struct reader *r, const char **line, size_t *len)
{
	char *nl;
	size_t n, total;
	int spanning, skipping;

next_line:
	if (r->line.cap > SHRINK_ABOVE)
		strbuf_release(&r->line); /* do not keep a long record's memory for the short ones after it */
	else
		strbuf_reset(&r->line);
	total = 0;
	spanning = skipping = 0;
	for (;;) {
		if (r->pos >= r->len) {
			ssize_t got;
			r->pos = r->len = 0;
			got = more(r);
			if (got < 0)
				return -1;
			if (got == 0) {
				if (!spanning)
					return 0;
				break; /* last line without a newline */
			}
			continue;
		}
		nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		n = nl ? (size_t)(nl - (r->buf + r->pos)) : r->len - r->pos;
		if (nl && !spanning && (!r->max_line || n <= r->max_line)) {
			*line = r->buf + r->pos;
			r->pos += n + 1;
			r->lineno++;
			if (n > 0 && (*line)[n - 1] == '\r')
				n--;
			*len = n;
			return 1;
		}
		total += n;
		if (!skipping && r->max_line && total > r->max_line) {
			skipping = 1;
			strbuf_release(&r->line);
		}
		if (!skipping)
			strbuf_add(&r->line, r->buf + r->pos, n);
		r->pos += n;
		spanning = 1;
		if (nl) {
			r->pos++;
			break;
		}
	}
	r->lineno++;
	if (skipping) {
		too_long(r, total);
		goto next_line;
	}
	n = r->line.len;
	if (n > 0 && r->line.buf[n - 1] == '\r')
		n--;
	*line = r->line.buf;
	*len = n;
	return 1;
}

/*
 * Buffer at least want unread bytes (at most READ_CHUNK) unless the
 * source ends first, or, with at_newline, stop as soon as a whole line is
 * there.  Returns 0, or -1 on a read error.
 */
static int
fill(struct reader *r, size_t want, int at_newline)
{
	if (want > r->cap)
		want = r->cap;
	for (;;) {
		size_t have = r->len - r->pos;
		ssize_t got;
		if (have >= want || r->eof)
			return 0;
		if (at_newline && r->started && memchr(r->buf + r->pos, '\n', have))
			return 0;
		if (r->pos > 0) {
			memmove(r->buf, r->buf + r->pos, have);
			r->pos = 0;
			r->len = have;
		}
		got = more(r);
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
	}
}

int
reader_peek(struct reader *r, const char **data, size_t *n)
{
	if (fill(r, r->regular ? READ_CHUNK : PEEK_PIPE, !r->regular) != 0)
		return -1;
	*data = r->buf + r->pos;
	*n = r->len - r->pos;
	return 0;
}

int
reader_peek_at_least(struct reader *r, size_t want, const char **data, size_t *n)
{
	if (fill(r, want, 0) != 0)
		return -1;
	*data = r->buf + r->pos;
	*n = r->len - r->pos;
	return 0;
}

int
reader_read(struct reader *r, const char **data, size_t *n)
{
	if (fill(r, 1, 0) != 0)
		return -1;
	*data = r->buf + r->pos;
	*n = r->len - r->pos;
	r->pos = r->len;
	return 0;
}

int
reader_read_all(struct reader *r, struct strbuf *out)
{
	size_t start = out->len, total = 0;

	strbuf_grow(out, 0); /* NUL-terminated even when the source is empty */
	for (;;) {
		ssize_t got;
		if (r->pos < r->len) {
			size_t n = r->len - r->pos;
			total += n;
			if (r->max_line && total > r->max_line) {
				out->len = start;
				if (out->buf)
					out->buf[start] = '\0';
				return warn("%s: larger than %s (%zu bytes)", r->name, r->max_name, r->max_line);
			}
			strbuf_add(out, r->buf + r->pos, n);
		}
		r->pos = r->len = 0;
		got = more(r);
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
	}
}

void
reader_close(struct reader *r)
{
	if (r->gz) {
		inflateEnd(&r->gz->z);
		free(r->gz);
	}
	if (r->fd >= 0)
		close(r->fd);
	free(r->buf);
	strbuf_release(&r->line);
	memset(r, 0, sizeof *r);
	r->fd = -1;
}
