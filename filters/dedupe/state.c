/*
 * state.c - the state of news-dedupe between runs: a snapshot and a
 * journal; see dedupe.h.
 *
 * Why both: rewriting a snapshot of a million items after every batch
 * would cost far more than the batch, and a journal alone would grow
 * without bound.  So items are appended to FILE.log after each flushed
 * batch of output (one write of checksummed entries: a kill -9 leaves at
 * worst a torn last entry, which loading ignores), and the snapshot FILE
 * is rewritten atomically (temp + fsync + rename, common/binfile) at the
 * end of a run when the journal has grown past a quarter of the items;
 * then the journal is removed.  A crash between the two leaves journal
 * entries the snapshot already has, which loading skips by sequence
 * number.  Integers are little-endian; the snapshot records the byte
 * order of the host that wrote it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "binfile.h"
#include "dedupe.h"
#include "err.h"
#include "xalloc.h"

static const char snap_magic[BINFILE_MAGIC_LEN] = { 'N', 'P', 'D', 'E', 'D', 'U', 'P', '\n' };
static const char log_magic[BINFILE_MAGIC_LEN] = { 'N', 'P', 'D', 'D', 'L', 'O', 'G', '\n' };
#define STATE_VERSION 2u /* 2: LSH table probed from 16-slot buckets */
#define LOG_HEADER 16u
#define ENTRY_FIXED (8 + 4 + 4 + 4 + 2 + 2 + SK_PACKED)
#define BYTE_ORDER_MARK 0x01020304u

enum { PARM_BOM, PARM_BINS, PARM_GRAM, PARM_BANDS, PARM_ROWS, PARM_LEVEL, PARM_N32 };

struct parm {
	uint32_t v[PARM_N32];
	uint64_t head, tail, table_size, table_used;
};

struct state {
	char *path, *logpath;
	struct sketch_params p;
	unsigned level;
	int logfd;
	uint64_t synced;    /* items before this are journalled or in the snapshot */
	uint64_t journaled; /* entries in the journal */
	struct strbuf buf;
};

static uint32_t
crc(const void *p, size_t n)
{
	return binfile_crc32(0, p, n);
}

static void
put(struct strbuf *sb, const void *p, size_t n)
{
	strbuf_add(sb, p, n);
}

static uint32_t
get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

int
state_write_snapshot(const char *path, const struct sketch_params *p, unsigned level, struct index *ix)
{
	struct index_image im;
	struct parm pm;
	uint64_t n;

	index_tidy(ix);
	index_image(ix, &im);
	n = im.tail - im.head;
	memset(&pm, 0, sizeof pm);
	pm.v[PARM_BOM] = BYTE_ORDER_MARK;
	pm.v[PARM_BINS] = SK_BINS;
	pm.v[PARM_GRAM] = p->gram;
	pm.v[PARM_BANDS] = p->bands;
	pm.v[PARM_ROWS] = p->rows;
	pm.v[PARM_LEVEL] = level;
	pm.head = im.head;
	pm.tail = im.tail;
	pm.table_size = im.table_size;
	pm.table_used = im.table_used;
	{
		struct binfile_section sec[5] = {
			{ BINFILE_TAG('P', 'A', 'R', 'M'), &pm, sizeof pm },
			{ BINFILE_TAG('M', 'E', 'T', 'A'), im.meta, n * 20 },
			{ BINFILE_TAG('S', 'I', 'G', 'S'), im.sigs, n * SK_PACKED },
			{ BINFILE_TAG('I', 'D', 'S', ' '), im.arena, im.arena_len },
			{ BINFILE_TAG('T', 'A', 'B', 'L'), im.table, im.table_size * 4 },
		};
		return binfile_write(path, snap_magic, STATE_VERSION, sec, 5);
	}
}

static int
load_error(const char *path, const char *why)
{
	return warn("cannot load '%s': %s", path, why);
}

/*
 * Map the pages of dst[0..size) in one call where the kernel can
 * (Linux 5.14+): faulting 4 KB at a time as pread fills a few hundred MB
 * is a third of the time a large state takes to load.  Best effort.
 */
static void
prefault(void *dst, size_t size)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), a = ((uintptr_t)dst + page - 1) & ~(page - 1),
		  b = ((uintptr_t)dst + size) & ~(page - 1);

	if (b > a + (1u << 20))
		(void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#else
	(void)dst;
	(void)size;
#endif
}

/*
 * Read a section straight into memory it will live in (no copy of the
 * whole file: a million items load in one pass at the size they keep),
 * checking it against the CRC of the binfile header.
 */
static int
read_section(int fd, uint64_t off, uint64_t size, uint32_t sum, void *dst)
{
	unsigned char *p = dst;
	uint64_t got = 0;
	uint32_t c = 0;

	prefault(dst, (size_t)size);

	while (got < size) {
		/* 1 MB at a time: checksummed while it is still in the cache. */
		size_t want = size - got > (1u << 20) ? (1u << 20) : (size_t)(size - got);
		ssize_t r = pread(fd, p + got, want, (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c = binfile_crc32(c, p + got, (size_t)r);
		got += (uint64_t)r;
	}
	return c == sum ? 0 : -1;
}

struct entry {
	uint32_t tag, sum;
	uint64_t off, size;
};

/* The snapshot, in the layout of common/binfile.h, checked as binfile_open() checks it. */
static int
load_snapshot(struct state *st, struct index *ix)
{
	unsigned char fixed[16], *hdr = NULL;
	struct entry e[8], *meta = NULL, *sigs = NULL, *ids = NULL, *tabl = NULL, *parm = NULL;
	struct index_owned o;
	struct parm pm;
	struct stat sb;
	uint32_t version, nsec, i;
	size_t hsize;
	uint64_t n;
	const char *why = NULL;
	char buf[96];
	int fd = open(st->path, O_RDONLY);

	memset(&o, 0, sizeof o);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		if (fd >= 0)
			close(fd);
		return warn("cannot load '%s':", st->path);
	}
	if (pread(fd, fixed, 16, 0) != 16 || memcmp(fixed, snap_magic, BINFILE_MAGIC_LEN) != 0) {
		why = "not a news-dedupe state (bad magic)";
		goto fail;
	}
	version = get32(fixed + 8);
	nsec = get32(fixed + 12);
	if (version != STATE_VERSION) {
		snprintf(buf, sizeof buf, "format version %u, this program reads %u", (unsigned)version, STATE_VERSION);
		why = buf;
		goto fail;
	}
	if (nsec > 8) {
		why = "corrupt header (section count)";
		goto fail;
	}
	hsize = 16 + (size_t)nsec * 24 + 4;
	hdr = xmalloc(hsize);
	if ((uint64_t)sb.st_size < hsize || pread(fd, hdr, hsize, 0) != (ssize_t)hsize) {
		why = "truncated header";
		goto fail;
	}
	if (get32(hdr + hsize - 4) != crc(hdr, hsize - 4)) {
		why = "corrupt header (checksum)";
		goto fail;
	}
	for (i = 0; i < nsec; i++) {
		const unsigned char *p = hdr + 16 + i * 24;
		e[i].tag = get32(p);
		e[i].sum = get32(p + 4);
		memcpy(&e[i].off, p + 8, 8);
		memcpy(&e[i].size, p + 16, 8);
		if (e[i].off % 8 != 0 || e[i].off < hsize || e[i].off > (uint64_t)sb.st_size ||
		    e[i].size > (uint64_t)sb.st_size - e[i].off) {
			why = "truncated or corrupt (section out of bounds)";
			goto fail;
		}
		if (e[i].tag == BINFILE_TAG('P', 'A', 'R', 'M'))
			parm = &e[i];
		else if (e[i].tag == BINFILE_TAG('M', 'E', 'T', 'A'))
			meta = &e[i];
		else if (e[i].tag == BINFILE_TAG('S', 'I', 'G', 'S'))
			sigs = &e[i];
		else if (e[i].tag == BINFILE_TAG('I', 'D', 'S', ' '))
			ids = &e[i];
		else if (e[i].tag == BINFILE_TAG('T', 'A', 'B', 'L'))
			tabl = &e[i];
	}
	if (!parm || !meta || !sigs || !ids || parm->size != sizeof pm ||
	    read_section(fd, parm->off, parm->size, parm->sum, &pm) != 0) {
		why = "corrupt (parameters)";
		goto fail;
	}
	if (pm.v[PARM_BOM] != BYTE_ORDER_MARK) {
		why = "written on a host of another byte order";
		goto fail;
	}
	if (pm.v[PARM_LEVEL] != st->level) {
		why = st->level ? "made with --level document, not paragraph" : "made with --level paragraph, not document";
		goto fail;
	}
	if (pm.v[PARM_BINS] != SK_BINS || pm.v[PARM_GRAM] != st->p.gram || pm.v[PARM_BANDS] != st->p.bands ||
	    pm.v[PARM_ROWS] != st->p.rows) {
		why = "made with other sketch parameters (--gram, --bands, --rows)";
		goto fail;
	}
	n = pm.tail - pm.head;
	if (pm.tail < pm.head || meta->size != n * 20 || sigs->size != n * SK_PACKED ||
	    (tabl && (tabl->size != pm.table_size * 4 || pm.table_size % 16 != 0))) {
		why = "corrupt (section sizes)";
		goto fail;
	}
	o.head = pm.head;
	o.tail = pm.tail;
	/* Little room to grow: realloc extends large blocks in place or by
	 * remapping, and untouched room costs no memory anyway. */
	o.cap_items = n + n / 64 + 1024;
	o.meta = xreallocarray(NULL, o.cap_items, 20);
	o.sigs = xreallocarray(NULL, o.cap_items, SK_PACKED);
	o.arena_len = ids->size;
	o.arena_cap = ids->size + ids->size / 64 + 4096;
	o.arena = xmalloc(o.arena_cap);
	if (tabl && pm.table_size > 0) {
		o.table = index_table_alloc(pm.table_size, false);
		o.table_size = pm.table_size;
		o.table_used = pm.table_used;
	}
	if (read_section(fd, meta->off, meta->size, meta->sum, o.meta) != 0 ||
	    read_section(fd, sigs->off, sigs->size, sigs->sum, o.sigs) != 0 ||
	    read_section(fd, ids->off, ids->size, ids->sum, o.arena) != 0 ||
	    (o.table && read_section(fd, tabl->off, tabl->size, tabl->sum, o.table) != 0)) {
		why = "corrupt (section checksum)";
		goto fail;
	}
	close(fd);
	free(hdr);
	if (index_adopt(ix, &o) != 0)
		return load_error(st->path, "corrupt (item table)");
	return 0;
fail:
	close(fd);
	free(hdr);
	free(o.meta);
	free(o.sigs);
	free(o.arena);
	free(o.table);
	return load_error(st->path, why);
}

static int
read_file(const char *path, unsigned char **data, size_t *size)
{
	struct stat st;
	size_t got = 0;
	int fd = open(path, O_RDONLY);

	*data = NULL;
	*size = 0;
	if (fd < 0)
		return errno == ENOENT ? 1 : warn("cannot load '%s':", path);
	if (fstat(fd, &st) != 0) {
		close(fd);
		return warn("cannot load '%s':", path);
	}
	*size = (size_t)st.st_size;
	*data = xmalloc(*size + 1);
	while (got < *size) {
		ssize_t r = read(fd, *data + got, *size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			close(fd);
			free(*data);
			*data = NULL;
			return warn("cannot load '%s': read error", path);
		}
		got += (size_t)r;
	}
	close(fd);
	return 0;
}

/* Replay the journal; cut a torn tail off so that appends follow good entries. */
static int
replay_log(struct state *st, struct index *ix)
{
	unsigned char *d;
	size_t size, off;
	int rc = read_file(st->logpath, &d, &size);

	if (rc != 0)
		return rc > 0 ? 0 : -1;
	if (size < LOG_HEADER || memcmp(d, log_magic, BINFILE_MAGIC_LEN) != 0 ||
	    get32(d + 12) != crc(d, 12)) {
		free(d);
		return load_error(st->logpath, "not a news-dedupe journal (bad magic or header)");
	}
	if (get32(d + 8) != STATE_VERSION) {
		char why[96];
		snprintf(why, sizeof why, "format version %u, this program reads %u", (unsigned)get32(d + 8),
			 STATE_VERSION);
		free(d);
		return load_error(st->logpath, why);
	}
	for (off = LOG_HEADER; off + 8 <= size;) {
		uint32_t len = get32(d + off), sum = get32(d + off + 4);
		const unsigned char *e = d + off + 8;
		struct index_item it;
		unsigned char sig[SK_PACKED];
		uint16_t idlen, cllen;

		if (len < ENTRY_FIXED || len > size - off - 8 || crc(e, len) != sum)
			break; /* torn or corrupt: what a crash leaves at the end */
		memcpy(&it.seq, e, 8);
		memcpy(&it.when, e + 8, 4);
		memcpy(&it.nshingles, e + 12, 4);
		memcpy(&it.exact, e + 16, 4);
		memcpy(&idlen, e + 20, 2);
		memcpy(&cllen, e + 22, 2);
		memcpy(sig, e + 24, sizeof sig);
		if ((size_t)ENTRY_FIXED + idlen + cllen != len)
			break;
		it.sig = sig;
		it.id = (const char *)e + ENTRY_FIXED;
		it.idlen = idlen;
		it.cluster = cllen ? (const char *)e + ENTRY_FIXED + idlen : NULL;
		it.cllen = cllen;
		if (it.seq > index_next_seq(ix)) {
			free(d);
			return load_error(st->logpath, "journal does not follow its snapshot (items missing)");
		}
		if (it.seq == index_next_seq(ix)) {
			index_replay(ix, &it);
			st->journaled++;
		}
		off += 8 + len;
	}
	free(d);
	if (off < size && truncate(st->logpath, (off_t)off) != 0)
		return warn("cannot repair '%s':", st->logpath);
	return 0;
}

/* Create the journal with its header: written aside and renamed, never torn. */
static int
create_log(struct state *st)
{
	unsigned char h[LOG_HEADER];
	struct strbuf tmp = STRBUF_INIT;
	uint32_t v = STATE_VERSION, c;
	int fd;

	memcpy(h, log_magic, BINFILE_MAGIC_LEN);
	memcpy(h + 8, &v, 4);
	c = crc(h, 12);
	memcpy(h + 12, &c, 4);
	strbuf_addf(&tmp, "%s.tmp.%ld", st->logpath, (long)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, h, sizeof h) != (ssize_t)sizeof h || fsync(fd) != 0 || close(fd) != 0 ||
	    rename(tmp.buf, st->logpath) != 0) {
		warn("cannot write '%s':", tmp.buf);
		unlink(tmp.buf);
		strbuf_release(&tmp);
		return -1;
	}
	strbuf_release(&tmp);
	return 0;
}

struct state *
state_open(const char *path, const struct sketch_params *p, unsigned level, uint64_t capacity,
	   uint64_t max_age, struct index **ixp)
{
	struct state *st = xcalloc(1, sizeof *st);
	struct strbuf lp = STRBUF_INIT;
	struct index *ix = index_new(p, capacity, max_age);
	struct stat sb;

	st->path = xstrdup(path);
	strbuf_addf(&lp, "%s.log", path);
	st->logpath = strbuf_detach(&lp, NULL);
	st->p = *p;
	st->level = level;
	st->logfd = -1;
	if (stat(path, &sb) == 0) {
		if (load_snapshot(st, ix) != 0)
			goto fail;
	} else if (errno != ENOENT) {
		warn("cannot load '%s':", path);
		goto fail;
	}
	if (replay_log(st, ix) != 0)
		goto fail;
	st->synced = index_next_seq(ix);
	*ixp = ix;
	return st;
fail:
	index_free(ix);
	free(st->path);
	free(st->logpath);
	free(st);
	return NULL;
}

void
state_sync(struct state *st, struct index *ix)
{
	uint64_t seq, end = index_next_seq(ix), first = end - index_count(ix);
	size_t off = 0;

	if (st->synced >= end)
		return;
	strbuf_reset(&st->buf);
	for (seq = st->synced > first ? st->synced : first; seq < end; seq++) {
		struct index_item it;
		uint32_t len, sum;
		uint16_t idlen, cllen;
		size_t at;

		index_item(ix, seq, &it);
		idlen = (uint16_t)it.idlen;
		cllen = (uint16_t)it.cllen;
		len = (uint32_t)(ENTRY_FIXED + idlen + cllen);
		at = st->buf.len;
		put(&st->buf, &len, 4);
		put(&st->buf, &len, 4); /* checksum, filled below */
		put(&st->buf, &it.seq, 8);
		put(&st->buf, &it.when, 4);
		put(&st->buf, &it.nshingles, 4);
		put(&st->buf, &it.exact, 4);
		put(&st->buf, &idlen, 2);
		put(&st->buf, &cllen, 2);
		put(&st->buf, it.sig, SK_PACKED);
		put(&st->buf, it.id, idlen);
		if (cllen)
			put(&st->buf, it.cluster, cllen);
		sum = crc(st->buf.buf + at + 8, len);
		memcpy(st->buf.buf + at + 4, &sum, 4);
		st->journaled++;
	}
	st->synced = end;
	if (st->logfd < 0) {
		struct stat sb;
		if (stat(st->logpath, &sb) != 0 && create_log(st) != 0)
			die("cannot keep the state");
		st->logfd = open(st->logpath, O_WRONLY | O_APPEND);
		if (st->logfd < 0)
			die("cannot write '%s':", st->logpath);
	}
	while (off < st->buf.len) {
		ssize_t w = write(st->logfd, st->buf.buf + off, st->buf.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			die("cannot write '%s':", st->logpath);
		off += (size_t)w;
	}
}

int
state_close(struct state *st, struct index *ix)
{
	int rc = 0;

	if (!st)
		return 0;
	state_sync(st, ix);
	if (st->logfd >= 0) {
		if (fsync(st->logfd) != 0)
			rc = warn("cannot write '%s':", st->logpath);
		close(st->logfd);
	}
	if (rc == 0 && (st->journaled * 4 > index_count(ix) || st->journaled > 1000000)) {
		rc = state_write_snapshot(st->path, &st->p, st->level, ix);
		if (rc == 0 && unlink(st->logpath) != 0 && errno != ENOENT)
			rc = warn("cannot remove '%s':", st->logpath);
	}
	strbuf_release(&st->buf);
	free(st->path);
	free(st->logpath);
	free(st);
	return rc;
}
