/* binfile.c - checked, atomically written binary files; see binfile.h. */

#include "binfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libdeflate.h>
#include <unistd.h>

#include "err.h"
#include "strbuf.h"
#include "xalloc.h"

#define HEADER_FIXED 16u
#define ENTRY_SIZE 24u

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void
put64(unsigned char *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
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

/*
 * libdeflate's CRC-32 is zlib's (same polynomial, same values: files
 * written before still load) computed with carry-less multiplication
 * where the CPU has it: about 10 GB/s against zlib's 2.5, which is most
 * of the time news-dedupe takes to load a large state.
 */
uint32_t
binfile_crc32(uint32_t crc, const void *data, size_t size)
{
	return libdeflate_crc32(crc, data, size);
}

static uint32_t
crc(const void *data, uint64_t size)
{
	return binfile_crc32(0, data, (size_t)size);
}

static int
write_all(int fd, const void *data, size_t n)
{
	const unsigned char *p = data;

	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
binfile_write(const char *path, const char magic[BINFILE_MAGIC_LEN], uint32_t version,
	      const struct binfile_section *sec, size_t n)
{
	size_t hsize = HEADER_FIXED + n * ENTRY_SIZE + 4, i;
	uint64_t off = (hsize + 7) & ~(uint64_t)7;
	unsigned char *hdr = xcalloc(1, off);
	static const unsigned char zeros[8];
	struct strbuf tmp = STRBUF_INIT;
	int fd;

	memcpy(hdr, magic, BINFILE_MAGIC_LEN);
	put32(hdr + 8, version);
	put32(hdr + 12, (uint32_t)n);
	for (i = 0; i < n; i++) {
		unsigned char *e = hdr + HEADER_FIXED + i * ENTRY_SIZE;
		put32(e, sec[i].tag);
		put32(e + 4, crc(sec[i].data, sec[i].size));
		put64(e + 8, off);
		put64(e + 16, sec[i].size);
		off = (off + sec[i].size + 7) & ~(uint64_t)7;
	}
	put32(hdr + hsize - 4, crc(hdr, hsize - 4));

	strbuf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		warn("cannot write '%s':", tmp.buf);
		goto fail;
	}
	if (write_all(fd, hdr, (hsize + 7) & ~(size_t)7) != 0)
		goto write_error;
	for (i = 0; i < n; i++) {
		size_t pad = (size_t)((8 - sec[i].size % 8) % 8);
		if (write_all(fd, sec[i].data, sec[i].size) != 0 || write_all(fd, zeros, pad) != 0)
			goto write_error;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		goto write_error;
	}
	fd = -1;
	if (rename(tmp.buf, path) != 0) {
		warn("cannot rename '%s' to '%s':", tmp.buf, path);
		unlink(tmp.buf);
		goto fail;
	}
	free(hdr);
	strbuf_release(&tmp);
	return 0;

write_error:
	warn("cannot write '%s':", tmp.buf);
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
fail:
	free(hdr);
	strbuf_release(&tmp);
	return -1;
}

static int
load_error(struct binfile *bf, const char *path, const char *why)
{
	warn("cannot load '%s': %s", path, why);
	binfile_close(bf);
	return -1;
}

int
binfile_open(struct binfile *bf, const char *path, const char magic[BINFILE_MAGIC_LEN], uint32_t min_version,
	     uint32_t max_version)
{
	struct stat st;
	size_t got = 0, hsize, i;
	int fd;
	char why[128];

	memset(bf, 0, sizeof *bf);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return warn("cannot load '%s':", path);
	if (fstat(fd, &st) != 0) {
		close(fd);
		return warn("cannot load '%s':", path);
	}
	bf->size = (size_t)st.st_size;
	bf->data = xmalloc(bf->size ? bf->size : 1);
	while (got < bf->size) {
		ssize_t r = read(fd, bf->data + got, bf->size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			close(fd);
			return load_error(bf, path, "read error");
		}
		got += (size_t)r;
	}
	close(fd);
	if (bf->size < HEADER_FIXED + 4 || memcmp(bf->data, magic, BINFILE_MAGIC_LEN) != 0)
		return load_error(bf, path, "not a file of this kind (bad magic)");
	bf->version = get32(bf->data + 8);
	if (bf->version < min_version || bf->version > max_version) {
		snprintf(why, sizeof why, "format version %u, this program reads %u to %u",
			 (unsigned)bf->version, (unsigned)min_version, (unsigned)max_version);
		return load_error(bf, path, why);
	}
	bf->nsections = get32(bf->data + 12);
	if (bf->nsections > 4096)
		return load_error(bf, path, "corrupt header (section count)");
	hsize = HEADER_FIXED + bf->nsections * ENTRY_SIZE + 4;
	if (bf->size < hsize)
		return load_error(bf, path, "truncated header");
	if (get32(bf->data + hsize - 4) != crc(bf->data, hsize - 4))
		return load_error(bf, path, "corrupt header (checksum)");
	bf->sections = xcalloc(bf->nsections, sizeof *bf->sections);
	for (i = 0; i < bf->nsections; i++) {
		const unsigned char *e = bf->data + HEADER_FIXED + i * ENTRY_SIZE;
		struct binfile_entry *s = &bf->sections[i];
		s->tag = get32(e);
		s->offset = get64(e + 8);
		s->size = get64(e + 16);
		if (s->offset % 8 != 0 || s->offset < hsize || s->offset > bf->size ||
		    s->size > bf->size - s->offset)
			return load_error(bf, path, "truncated or corrupt (section out of bounds)");
		if (get32(e + 4) != crc(bf->data + s->offset, s->size))
			return load_error(bf, path, "corrupt (section checksum)");
	}
	return 0;
}

const void *
binfile_section(const struct binfile *bf, uint32_t tag, uint64_t *size)
{
	size_t i;

	for (i = 0; i < bf->nsections; i++) {
		if (bf->sections[i].tag == tag) {
			if (size)
				*size = bf->sections[i].size;
			return bf->data + bf->sections[i].offset;
		}
	}
	return NULL;
}

void
binfile_close(struct binfile *bf)
{
	free(bf->data);
	free(bf->sections);
	memset(bf, 0, sizeof *bf);
}
