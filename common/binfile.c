/* binfile.c - checked, atomically written binary files; see binfile.h. */

#include "binfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <libdeflate.h>
#include <unistd.h>

#include "atomicfile.h"
#include "err.h"
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

int
binfile_write(const char *path, const char magic[BINFILE_MAGIC_LEN], uint32_t version,
	      const struct binfile_section *sec, size_t n)
{
	size_t hsize = HEADER_FIXED + n * ENTRY_SIZE + 4, i;
	uint64_t off = (hsize + 7) & ~(uint64_t)7;
	unsigned char *hdr = xcalloc(1, off);
	static const unsigned char zeros[8];
	struct atomicfile af;

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

	if (atomicfile_open(&af, path) != 0) {
		free(hdr);
		return -1;
	}
	if (atomicfile_write(&af, hdr, (hsize + 7) & ~(size_t)7) != 0)
		goto write_error;
	for (i = 0; i < n; i++) {
		size_t pad = (size_t)((8 - sec[i].size % 8) % 8);
		if (atomicfile_write(&af, sec[i].data, sec[i].size) != 0 || atomicfile_write(&af, zeros, pad) != 0)
			goto write_error;
	}
	free(hdr);
	return atomicfile_commit(&af);

write_error:
	warn("cannot write '%s':", af.tmp.buf);
	atomicfile_abort(&af);
	free(hdr);
	return -1;
}

/*
 * Mapped files, for the SIGBUS handler: a fault inside one of them means
 * the file was cut short while in use.  Process-wide by nature (a signal
 * handler has nothing else); a handful of files at most.
 */
#define MAX_MAPPED 8
static struct mapped {
	const unsigned char *start;
	size_t size;
	char name[256];
} mapped[MAX_MAPPED];
static struct sigaction old_bus;
static int bus_installed;

static void
on_bus(int sig, siginfo_t *si, void *uctx)
{
	const unsigned char *a = si->si_addr;
	size_t i;

	(void)uctx;
	for (i = 0; i < MAX_MAPPED; i++) {
		if (mapped[i].start && a >= mapped[i].start && a < mapped[i].start + mapped[i].size) {
			static const char tail[] = "' changed while in use (cut short: replace a data file with mv, not cp)\n";
			const char *prog = prog_name();
			(void)!write(STDERR_FILENO, prog, strlen(prog));
			(void)!write(STDERR_FILENO, ": '", 3);
			(void)!write(STDERR_FILENO, mapped[i].name, strlen(mapped[i].name));
			(void)!write(STDERR_FILENO, tail, sizeof tail - 1);
			_exit(1);
		}
	}
	/* Not ours: the default action, as if no handler were there. */
	sigaction(sig, &old_bus, NULL);
}

static void
track_mapping(const unsigned char *start, size_t size, const char *path)
{
	size_t i;

	for (i = 0; i < MAX_MAPPED; i++) {
		if (!mapped[i].start) {
			mapped[i].size = size;
			snprintf(mapped[i].name, sizeof mapped[i].name, "%s", path);
			mapped[i].start = start;
			break;
		}
	}
	if (!bus_installed) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_bus;
		sa.sa_flags = SA_SIGINFO | SA_NODEFER;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, &old_bus) == 0)
			bus_installed = 1;
	}
}

static void
untrack_mapping(const unsigned char *start)
{
	size_t i;

	for (i = 0; i < MAX_MAPPED; i++)
		if (mapped[i].start == start)
			mapped[i].start = NULL;
}

static int
load_error(struct binfile *bf, const char *path, const char *why)
{
	warn("cannot load '%s': %s", path, why);
	binfile_close(bf);
	return -1;
}

/* Read a file that cannot be mapped (a pipe), up to BINFILE_MAX_READ bytes. */
static int
read_whole(struct binfile *bf, int fd, const char *path)
{
	size_t cap = 1 << 16, got = 0;
	unsigned char *buf = xmalloc(cap);

	for (;;) {
		ssize_t r;
		if (got == cap) {
			if (cap >= BINFILE_MAX_READ) {
				free(buf);
				return warn("cannot load '%s': larger than %zu bytes", path, (size_t)BINFILE_MAX_READ);
			}
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
		r = read(fd, buf + got, cap - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return warn("cannot load '%s':", path);
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	bf->data = buf;
	bf->size = got;
	return 0;
}

/* Map path, or read it when it is not a regular file.  Returns 0 or -1 after a message. */
static int
load(struct binfile *bf, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;
	void *map;

	if (fd < 0)
		return warn("cannot load '%s':", path);
	if (fstat(fd, &st) != 0) {
		rc = warn("cannot load '%s':", path);
	} else if (!S_ISREG(st.st_mode)) {
		rc = read_whole(bf, fd, path);
	} else if (st.st_size == 0) {
		bf->data = (const unsigned char *)"";
		bf->size = 0;
	} else {
		/* MAP_POPULATE: the pages in one call, not one fault per page. */
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
		if (map == MAP_FAILED) {
			rc = warn("cannot load '%s':", path);
		} else {
			bf->data = map;
			bf->size = (size_t)st.st_size;
			bf->mapped = 1;
			track_mapping(bf->data, bf->size, path);
		}
	}
	close(fd);
	return rc;
}

int
binfile_open(struct binfile *bf, const char *path, const char magic[BINFILE_MAGIC_LEN], uint32_t min_version,
	     uint32_t max_version)
{
	size_t hsize, i;
	char why[128];

	memset(bf, 0, sizeof *bf);
	if (load(bf, path) != 0)
		return -1;
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
	if (bf->mapped) {
		untrack_mapping(bf->data);
		munmap((void *)bf->data, bf->size);
	} else if (bf->size > 0) {
		free((void *)bf->data);
	}
	free(bf->sections);
	memset(bf, 0, sizeof *bf);
}
