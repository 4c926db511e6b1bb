/*
 * binfile.h - versioned binary files: models and state.
 *
 * Layout (all integers little-endian):
 *   magic[8] | u32 version | u32 nsections |
 *   nsections x { u32 tag | u32 crc32 | u64 offset | u64 size } |
 *   u32 crc32 of everything before it | section data (8-byte aligned)
 * Every field is checked on load against the file's real length, so a
 * wrong, truncated or corrupt file is a clear error naming the file,
 * never a crash (CRFsuite trusts its offsets; we do not).  Files are
 * written to a temporary name, synced and renamed into place
 * (atomicfile.h), so a crash or a full disk never leaves a half-written
 * file under the real name.
 *
 * A file is loaded by mapping it (mmap), not by reading it into memory:
 * the pages come straight from the page cache, shared by every process
 * that uses the same model, and a program that needs a 19 MB model starts
 * in a few milliseconds.  Every checksum is still verified once, at load
 * (libdeflate's CRC-32 runs at about 10 GB/s: 2 ms for 19 MB).  A mapped
 * file cut short by someone else while it is in use (cp over it, where mv
 * would have been safe) would make the next access fault; instead of a
 * crash, the program then ends with "prog: 'path' changed while in use"
 * and exit status 1.
 */
#ifndef NEWSPIPE_BINFILE_H
#define NEWSPIPE_BINFILE_H

#include <stddef.h>
#include <stdint.h>

#define BINFILE_MAGIC_LEN 8
#define BINFILE_MAX_READ ((size_t)1 << 31)

struct binfile_section {
	uint32_t tag;
	const void *data;
	uint64_t size;
};

/* The CRC-32 (zlib's) of data, continuing crc (0 to start). */
uint32_t binfile_crc32(uint32_t crc, const void *data, size_t size);

/*
 * Write the sections to path atomically.  Returns 0, or -1 after a
 * message naming the file (the old file, if any, is left as it was).
 */
int binfile_write(const char *path, const char magic[BINFILE_MAGIC_LEN], uint32_t version,
		  const struct binfile_section *sections, size_t nsections);

struct binfile_entry {
	uint32_t tag;
	uint64_t offset, size;
};

struct binfile {
	const unsigned char *data; /* the whole file, mapped (or read, when it cannot be) */
	size_t size;
	int mapped;
	uint32_t version;
	size_t nsections;
	struct binfile_entry *sections;
};

/*
 * Load and check path: magic, a version in [min_version, max_version],
 * the section table and every checksum.  Returns 0, or -1 after a
 * message "cannot load 'path': reason".  A file that is not a regular
 * file (a pipe) is read into memory, up to BINFILE_MAX_READ bytes.
 */
int binfile_open(struct binfile *bf, const char *path, const char magic[BINFILE_MAGIC_LEN],
		 uint32_t min_version, uint32_t max_version);

/*
 * The data of the section with this tag (8-byte aligned) and its size;
 * NULL when the file has no such section.
 */
const void *binfile_section(const struct binfile *bf, uint32_t tag, uint64_t *size);

void binfile_close(struct binfile *bf);

/* A tag from four characters: BINFILE_TAG('F','E','A','T'). */
#define BINFILE_TAG(a, b, c, d) \
	((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

#endif
