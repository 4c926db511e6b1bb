/* journal.c - append-only checksummed entries; see journal.h. */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "binfile.h"
#include "err.h"
#include "xalloc.h"

/* The bytes 0x9d 0x4a 0x0b 0xe7 on disk: rare in text and in small integers. */
#define JOURNAL_SYNC 0xe70b4a9du

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

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void
make_header(unsigned char h[JOURNAL_HEADER], const char *magic, uint32_t version, uint64_t base)
{
	memcpy(h, magic, JOURNAL_MAGIC_LEN);
	put32(h + 8, version);
	put32(h + 12, (uint32_t)base);
	put32(h + 16, (uint32_t)(base >> 32));
	put32(h + 20, binfile_crc32(0, h, 20));
}

enum shape { INTACT, TORN, BAD };

/*
 * What the bytes at d[off..size) start with: an intact entry (*len set),
 * a torn last entry, or damage.
 */
static enum shape
entry_at(const unsigned char *d, uint64_t off, uint64_t size, uint32_t *len)
{
	uint64_t rem = size - off;
	unsigned char sync[4];
	uint32_t n;

	put32(sync, JOURNAL_SYNC);
	if (rem < JOURNAL_ENTRY_HEADER) {
		/* A header cut short: torn if what is there agrees with a header. */
		if (memcmp(d + off, sync, rem < 4 ? (size_t)rem : 4) != 0)
			return BAD;
		if (rem >= 12 && get32(d + off + 4) != ~get32(d + off + 8))
			return BAD;
		return TORN;
	}
	if (get32(d + off) != JOURNAL_SYNC)
		return BAD;
	n = get32(d + off + 4);
	if (n != ~get32(d + off + 8) || n > JOURNAL_MAX_ENTRY)
		return BAD;
	if (n > rem - JOURNAL_ENTRY_HEADER)
		return TORN;
	if (binfile_crc32(0, d + off + JOURNAL_ENTRY_HEADER, n) != get32(d + off + 12))
		return BAD;
	*len = n;
	return INTACT;
}

/* The offset of the next entry after damage at off that is intact or torn, or size. */
static uint64_t
resync(const unsigned char *d, uint64_t off, uint64_t size)
{
	unsigned char sync[4];
	uint64_t p;
	uint32_t len;

	put32(sync, JOURNAL_SYNC);
	for (p = off + 1; p < size; p++) {
		const unsigned char *hit = memchr(d + p, sync[0], (size_t)(size - p));
		if (!hit)
			break;
		p = (uint64_t)(hit - d);
		if (entry_at(d, p, size, &len) != BAD)
			return p;
	}
	return size;
}

static int
load_error(const char *path, const char *why)
{
	return warn("cannot load '%s': %s", path, why);
}

static int
replay_bytes(const char *path, const unsigned char *d, uint64_t size, const char *magic, uint32_t version,
	     uint64_t base, int (*entry)(void *, const void *, size_t), void *ctx, struct journal_damage *dmg)
{
	uint64_t off = JOURNAL_HEADER, follows;
	char why[160];

	if (size < JOURNAL_HEADER)
		return load_error(path, "truncated header (not a journal?)");
	if (memcmp(d, magic, JOURNAL_MAGIC_LEN) != 0)
		return load_error(path, "not a journal of this kind (bad magic)");
	if (get32(d + 20) != binfile_crc32(0, d, 20))
		return load_error(path, "corrupt header (checksum)");
	if (get32(d + 8) != version) {
		snprintf(why, sizeof why, "format version %u, this program reads %u", (unsigned)get32(d + 8),
			 (unsigned)version);
		return load_error(path, why);
	}
	follows = get64(d + 12);
	if (follows < base)
		return 2;
	if (follows > base) {
		snprintf(why, sizeof why,
			 "it follows snapshot %llu, the snapshot beside it is %llu (was the snapshot replaced by an older copy?)",
			 (unsigned long long)follows, (unsigned long long)base);
		return load_error(path, why);
	}
	while (off < size) {
		uint32_t len = 0;
		int rc;

		switch (entry_at(d, off, size, &len)) {
		case INTACT:
			rc = entry(ctx, d + off + JOURNAL_ENTRY_HEADER, len);
			if (rc != 0)
				return rc;
			dmg->entries++;
			off += JOURNAL_ENTRY_HEADER + len;
			break;
		case TORN:
			dmg->torn_bytes = size - off;
			dmg->end = off;
			return 0;
		case BAD: {
			uint64_t next = resync(d, off, size);
			if (dmg->regions++ == 0)
				dmg->first_offset = off;
			dmg->bytes += next - off;
			off = next;
			break;
		}
		}
	}
	dmg->end = size;
	return 0;
}

int
journal_replay(const char *path, const char magic[JOURNAL_MAGIC_LEN], uint32_t version, uint64_t base,
	       int (*entry)(void *ctx, const void *data, size_t len), void *ctx, struct journal_damage *dmg)
{
	struct stat st;
	void *map;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	memset(dmg, 0, sizeof *dmg);
	if (fd < 0)
		return errno == ENOENT ? 1 : warn("cannot load '%s':", path);
	if (fstat(fd, &st) != 0) {
		close(fd);
		return warn("cannot load '%s':", path);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return load_error(path, "not a regular file");
	}
	if (st.st_size < (off_t)JOURNAL_HEADER) {
		close(fd);
		return load_error(path, "truncated header (not a journal?)");
	}
	/* Mapped, not read: a large journal is replayed without a copy. */
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return warn("cannot load '%s':", path);
	(void)madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
	rc = replay_bytes(path, map, (uint64_t)st.st_size, magic, version, base, entry, ctx, dmg);
	munmap(map, (size_t)st.st_size);
	return rc;
}

void
journal_open(struct journal *j, const char *path, const char magic[JOURNAL_MAGIC_LEN], uint32_t version,
	     uint64_t base, uint64_t end)
{
	memset(j, 0, sizeof *j);
	j->fd = -1;
	j->path = xstrdup(path);
	memcpy(j->magic, magic, JOURNAL_MAGIC_LEN);
	j->version = version;
	j->base = base;
	j->end = end;
}

void
journal_add(struct journal *j, const void *data, size_t len)
{
	unsigned char h[JOURNAL_ENTRY_HEADER];

	if (len > JOURNAL_MAX_ENTRY)
		die("internal error: a journal entry of %zu bytes", len);
	put32(h, JOURNAL_SYNC);
	put32(h + 4, (uint32_t)len);
	put32(h + 8, ~(uint32_t)len);
	put32(h + 12, binfile_crc32(0, data, len));
	strbuf_add(&j->pending, h, sizeof h);
	strbuf_add(&j->pending, data, len);
	j->npending++;
}

/* Create the file with its header, written aside and renamed: never a torn header. */
static int
create(struct journal *j)
{
	struct atomicfile af;
	unsigned char h[JOURNAL_HEADER];

	make_header(h, j->magic, j->version, j->base);
	if (atomicfile_open(&af, j->path) != 0)
		return -1;
	if (atomicfile_write(&af, h, sizeof h) != 0) {
		warn("cannot write '%s':", af.tmp.buf);
		atomicfile_abort(&af);
		return -1;
	}
	if (atomicfile_commit(&af) != 0)
		return -1;
	j->end = JOURNAL_HEADER;
	return 0;
}

/* Open for appending after the intact entries (a torn tail cut off). */
static int
open_append(struct journal *j)
{
	struct stat st;

	if (j->end == 0 && create(j) != 0)
		return -1;
	j->fd = open(j->path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
	if (j->fd < 0 || fstat(j->fd, &st) != 0)
		return warn("cannot write '%s':", j->path);
	if ((uint64_t)st.st_size < j->end)
		return warn("cannot write '%s': it shrank while in use", j->path);
	if ((uint64_t)st.st_size > j->end && ftruncate(j->fd, (off_t)j->end) != 0)
		return warn("cannot repair '%s':", j->path);
	return 0;
}

int
journal_commit(struct journal *j)
{
	size_t off = 0;

	if (j->npending == 0)
		return 0;
	if (j->fd < 0 && open_append(j) != 0)
		return -1;
	while (off < j->pending.len) {
		ssize_t w = write(j->fd, j->pending.buf + off, j->pending.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			int e = errno;
			/* Drop what a failed write may have left: the file ends at an entry again. */
			(void)!ftruncate(j->fd, (off_t)j->end);
			errno = e;
			return warn("cannot write '%s':", j->path);
		}
		off += (size_t)w;
	}
	j->end += j->pending.len;
	strbuf_reset(&j->pending);
	j->npending = 0;
	return 0;
}

int
journal_sync(struct journal *j)
{
	if (j->fd >= 0 && fsync(j->fd) != 0)
		return warn("cannot write '%s':", j->path);
	return 0;
}

void
journal_close(struct journal *j)
{
	if (j->fd >= 0)
		close(j->fd);
	free(j->path);
	strbuf_release(&j->pending);
	memset(j, 0, sizeof *j);
	j->fd = -1;
}
