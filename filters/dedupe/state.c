/*
 * state.c - the state of news-dedupe between runs: a snapshot and a
 * journal (common/statefile.h); see dedupe.h.
 *
 * Why both: rewriting a snapshot of a million items after every batch
 * would cost far more than the batch, and a journal alone would grow
 * without bound.  So each item is appended to FILE.log once the output of
 * its record has left the output buffer (output first: a kill -9 may make
 * the next run write again at most the records of one output buffer,
 * never lose one), and the snapshot FILE is rewritten atomically at the
 * end of a run when the journal has grown past a quarter of the items (or
 * at once, when the journal was damaged); then the journal is removed.
 * The snapshot is read straight into the arrays the index keeps (no copy
 * of the file).  Integers are little-endian; the snapshot records the
 * byte order of the host that wrote it.
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
#include "statefile.h"
#include "xalloc.h"

static const char snap_magic[BINFILE_MAGIC_LEN] = { 'N', 'P', 'D', 'E', 'D', 'U', 'P', '\n' };
static const char log_magic[JOURNAL_MAGIC_LEN] = { 'N', 'P', 'D', 'D', 'L', 'O', 'G', '\n' };
/* 2: LSH table probed from 16-slot buckets; 3: generations, ids of any length, journal of journal.h */
#define STATE_VERSION 3u
#define ENTRY_FIXED (5 * 4 + SK_PACKED)
#define BYTE_ORDER_MARK 0x01020304u

enum { PARM_BOM, PARM_BINS, PARM_GRAM, PARM_BANDS, PARM_ROWS, PARM_LEVEL, PARM_N32 };

struct parm {
	uint32_t v[PARM_N32];
	uint32_t pad;
	uint64_t head, tail, table_size, table_used, generation;
};

/* Items whose record's output is still in the output buffer: journalled once it has left. */
struct mark {
	uint64_t seq_end;  /* items before this one... */
	uint64_t out_pos;  /* ...depend on output up to this byte */
};

struct state {
	struct statefile sf;
	struct sketch_params p;
	unsigned level;
	uint64_t journaled; /* items before this are journalled or in the snapshot */
	struct mark *marks; /* a queue: marks[mhead..mtail) */
	size_t mhead, mtail, mcap;
	struct strbuf buf;
	bool failed;        /* the journal could not be written: say so once, keep going */
};

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int
write_snapshot(const char *path, const struct sketch_params *p, unsigned level, uint64_t generation,
	       struct index *ix)
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
	pm.generation = generation;
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

int
state_write_snapshot(const char *path, const struct sketch_params *p, unsigned level, struct index *ix)
{
	return write_snapshot(path, p, level, 1, ix);
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

/*
 * The snapshot, in the layout of common/binfile.h, checked as
 * binfile_open() checks it.  *generation is the one it was written as.
 */
static int
load_snapshot(struct state *st, struct index *ix, uint64_t *generation)
{
	unsigned char fixed[16], *hdr = NULL;
	struct entry e[8], *meta = NULL, *sigs = NULL, *ids = NULL, *tabl = NULL, *parm = NULL;
	struct index_owned o;
	struct parm pm;
	struct stat sb;
	uint32_t version, nsec, i;
	size_t hsize;
	uint64_t n;
	const char *why = NULL, *path = st->sf.path;
	char buf[128];
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	memset(&o, 0, sizeof o);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		if (fd >= 0)
			close(fd);
		return warn("cannot load '%s':", path);
	}
	if (pread(fd, fixed, 16, 0) != 16 || memcmp(fixed, snap_magic, BINFILE_MAGIC_LEN) != 0) {
		why = "not a news-dedupe state (bad magic)";
		goto fail;
	}
	version = get32(fixed + 8);
	nsec = get32(fixed + 12);
	if (version != STATE_VERSION) {
		snprintf(buf, sizeof buf, "format version %u, this program reads %u%s", (unsigned)version,
			 STATE_VERSION, version < STATE_VERSION ? " (made by an older newspipe: start a new state)" : "");
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
	if (get32(hdr + hsize - 4) != binfile_crc32(0, hdr, hsize - 4)) {
		why = "corrupt header (checksum)";
		goto fail;
	}
	for (i = 0; i < nsec; i++) {
		const unsigned char *p = hdr + 16 + i * 24;
		e[i].tag = get32(p);
		e[i].sum = get32(p + 4);
		e[i].off = (uint64_t)get32(p + 8) | (uint64_t)get32(p + 12) << 32;
		e[i].size = (uint64_t)get32(p + 16) | (uint64_t)get32(p + 20) << 32;
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
	if (pm.tail < pm.head || pm.generation == 0 || meta->size != n * 20 || sigs->size != n * SK_PACKED ||
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
	*generation = pm.generation;
	if (index_adopt(ix, &o) != 0)
		return load_error(path, "corrupt (item table)");
	return 0;
fail:
	close(fd);
	free(hdr);
	free(o.meta);
	free(o.sigs);
	free(o.arena);
	free(o.table);
	return load_error(path, why);
}

/*
 * A journal entry: u32 when, nshingles, exact, id length, cluster length
 * (0: the item is its own cluster), the packed sketch, the id, the
 * cluster id.
 */
static void
put_entry(struct strbuf *sb, const struct index_item *it)
{
	unsigned char *p;

	strbuf_reset(sb);
	strbuf_grow(sb, ENTRY_FIXED + it->idlen + it->cllen);
	p = (unsigned char *)sb->buf;
	put32(p, it->when);
	put32(p + 4, it->nshingles);
	put32(p + 8, it->exact);
	put32(p + 12, (uint32_t)it->idlen);
	put32(p + 16, (uint32_t)it->cllen);
	memcpy(p + 20, it->sig, SK_PACKED);
	sb->len = ENTRY_FIXED;
	strbuf_add(sb, it->id, it->idlen);
	if (it->cllen)
		strbuf_add(sb, it->cluster, it->cllen);
}

struct replay {
	struct state *st;
	struct index *ix;
};

static int
replay_entry(void *ctx, const void *data, size_t len)
{
	struct replay *r = ctx;
	const unsigned char *e = data;
	struct index_item it;

	if (len < ENTRY_FIXED)
		return load_error(r->st->sf.logpath, "corrupt entry (too short)");
	memset(&it, 0, sizeof it);
	it.when = get32(e);
	it.nshingles = get32(e + 4);
	it.exact = get32(e + 8);
	it.idlen = get32(e + 12);
	it.cllen = get32(e + 16);
	it.sig = e + 20;
	/* The checksum held: a size that does not add up is a bug, not damage. */
	if (it.idlen > len - ENTRY_FIXED || it.cllen != len - ENTRY_FIXED - it.idlen)
		return load_error(r->st->sf.logpath, "corrupt entry (lengths)");
	it.id = (const char *)e + ENTRY_FIXED;
	it.cluster = it.cllen ? it.id + it.idlen : NULL;
	index_replay(r->ix, &it);
	return 0;
}

struct state *
state_open(const char *path, const struct sketch_params *p, unsigned level, uint64_t capacity,
	   uint64_t max_age, bool wait, struct index **ixp)
{
	struct state *st = xcalloc(1, sizeof *st);
	struct index *ix;
	struct replay r;
	uint64_t generation = 0;
	struct stat sb;

	if (statefile_open(&st->sf, path, wait) != 0) {
		free(st);
		return NULL;
	}
	st->p = *p;
	st->level = level;
	ix = index_new(p, capacity, max_age);
	if (stat(path, &sb) == 0) {
		if (load_snapshot(st, ix, &generation) != 0)
			goto fail;
	} else if (errno != ENOENT) {
		warn("cannot load '%s':", path);
		goto fail;
	}
	r.st = st;
	r.ix = ix;
	if (statefile_replay(&st->sf, log_magic, STATE_VERSION, generation, replay_entry, &r) != 0)
		goto fail;
	if (statefile_compact_due(&st->sf, UINT64_MAX)) {
		/* Damage was reported: rewrite the state without it now. */
		if (write_snapshot(path, p, level, statefile_next_generation(&st->sf), ix) == 0)
			statefile_compacted(&st->sf);
	}
	st->journaled = index_next_seq(ix);
	*ixp = ix;
	return st;
fail:
	index_free(ix);
	statefile_close(&st->sf);
	free(st);
	return NULL;
}

/* Add items [journaled, end) that are still remembered to the journal. */
static void
journal_items(struct state *st, struct index *ix, uint64_t end)
{
	uint64_t first = index_next_seq(ix) - index_count(ix), seq;

	for (seq = st->journaled > first ? st->journaled : first; seq < end; seq++) {
		struct index_item it;
		index_item(ix, seq, &it);
		put_entry(&st->buf, &it);
		statefile_add(&st->sf, st->buf.buf, st->buf.len);
	}
	if (end > st->journaled)
		st->journaled = end;
}

static void
commit(struct state *st)
{
	if (statefile_commit(&st->sf) != 0 && !st->failed) {
		st->failed = true;
		err_mark_failed();
	}
}

void
state_record_done(struct state *st, struct index *ix, uint64_t out_pos, uint64_t out_flushed)
{
	uint64_t end = index_next_seq(ix), ready = st->journaled;

	/* The items of this record depend on the output up to out_pos. */
	if (end > st->journaled) {
		if (st->mtail > st->mhead && st->marks[st->mtail - 1].out_pos == out_pos) {
			st->marks[st->mtail - 1].seq_end = end;
		} else {
			if (st->mhead > 0 && st->mtail == st->mcap) {
				memmove(st->marks, st->marks + st->mhead, (st->mtail - st->mhead) * sizeof *st->marks);
				st->mtail -= st->mhead;
				st->mhead = 0;
			}
			ARRAY_GROW(st->marks, st->mtail + 1, st->mcap);
			st->marks[st->mtail++] = (struct mark){ end, out_pos };
		}
	}
	while (st->mhead < st->mtail && st->marks[st->mhead].out_pos <= out_flushed)
		ready = st->marks[st->mhead++].seq_end;
	if (st->mhead == st->mtail)
		st->mhead = st->mtail = 0;
	if (ready > st->journaled) {
		journal_items(st, ix, ready);
		commit(st);
	}
}

/* A journal past this many entries (beyond four per remembered item) is folded into a snapshot. */
#define JOURNAL_SLACK 1000

bool
state_compact_due(const struct state *st, const struct index *ix)
{
	return statefile_compact_due(&st->sf, 4 * index_count(ix) + JOURNAL_SLACK);
}

int
state_compact(struct state *st, struct index *ix)
{
	int rc;

	st->journaled = index_next_seq(ix); /* all in the snapshot */
	st->mhead = st->mtail = 0;
	rc = write_snapshot(st->sf.path, &st->p, st->level, statefile_next_generation(&st->sf), ix);
	if (rc == 0)
		rc = statefile_compacted(&st->sf);
	if (rc != 0)
		err_mark_failed();
	return rc;
}

int
state_close(struct state *st, struct index *ix)
{
	int rc = 0;

	if (!st)
		return 0;
	journal_items(st, ix, index_next_seq(ix));
	commit(st);
	if (st->failed)
		rc = -1;
	if (rc == 0 && statefile_compact_due(&st->sf, index_count(ix) / 4 < 1000000 ? index_count(ix) / 4 : 1000000)) {
		rc = write_snapshot(st->sf.path, &st->p, st->level, statefile_next_generation(&st->sf), ix);
		if (rc == 0)
			rc = statefile_compacted(&st->sf);
	}
	if (statefile_close(&st->sf) != 0)
		rc = -1;
	strbuf_release(&st->buf);
	free(st->marks);
	free(st);
	return rc;
}
