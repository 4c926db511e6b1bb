/*
 * journal.h - an append-only file of checksummed entries.
 *
 * A program that remembers things between runs keeps a snapshot (a
 * binfile.h file, rewritten whole now and then) and, beside it, a journal
 * of what it learned since: appending a few entries after each batch of
 * output is far cheaper than rewriting the snapshot.  statefile.h ties the
 * two together; this file is the journal alone.
 *
 * Layout (integers little-endian):
 *   header: magic[8] | u32 version | u64 base | u32 crc32 of the 20 bytes before
 *   entry:  u32 JOURNAL_SYNC | u32 len | u32 ~len | u32 crc32 of the payload | payload[len]
 * base is the caller's: statefile.h stores the generation of the snapshot
 * the journal follows.  The sync word lets a reader find the next entry
 * after a damaged one; len is stored twice so that a damaged length is
 * seen as damage, not as an entry running past the end of the file.
 *
 * What a reader makes of a file: entries are read in order.  An entry
 * cut short by the end of the file (its header whole and its length
 * running past the end, or a header itself cut short) is a torn write,
 * what a crash during an append leaves: it is dropped and the file
 * truncated there before anything is appended.  Any other bad bytes (a
 * flipped bit, a lost block) are damage: the reader skips to the next
 * intact entry and reports the damaged range to the caller, who must say
 * so (never silently) and should compact (statefile.h does).
 */
#ifndef NEWSPIPE_JOURNAL_H
#define NEWSPIPE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

#define JOURNAL_MAGIC_LEN 8
#define JOURNAL_HEADER 24u
#define JOURNAL_ENTRY_HEADER 16u
#define JOURNAL_MAX_ENTRY (1u << 30)

/* What journal_replay() found besides the intact entries. */
struct journal_damage {
	uint64_t entries;      /* intact entries given to the callback */
	uint64_t regions;      /* damaged stretches skipped */
	uint64_t bytes;        /* bytes in them */
	uint64_t first_offset; /* where the first one starts */
	uint64_t torn_bytes;   /* a torn last entry dropped (a crash during an append) */
	uint64_t end;          /* the length of the file without the torn entry */
};

/*
 * Read the journal at path, which must follow base (statefile.h: the
 * generation of the snapshot loaded).  Returns 1 when there is no such
 * file; 2 when its base is older than base (a journal already folded
 * into the snapshot: nothing is replayed); 0 after giving each intact
 * entry to entry(ctx, data, len) in order (data is valid during the call
 * only; a nonzero return stops the replay and is returned); or -1 after
 * a message "cannot load 'path': reason" when the file is not a journal
 * of this magic and version, follows a newer base, or cannot be read.
 * *dmg says what was skipped: the caller reports damage; a torn tail is
 * what a kill leaves and needs no message.
 */
int journal_replay(const char *path, const char magic[JOURNAL_MAGIC_LEN], uint32_t version, uint64_t base,
		   int (*entry)(void *ctx, const void *data, size_t len), void *ctx, struct journal_damage *dmg);

/* A journal open for appending. */
struct journal {
	int fd;              /* -1 until the first commit */
	char *path;          /* owned */
	char magic[JOURNAL_MAGIC_LEN];
	uint32_t version;
	uint64_t base;
	uint64_t end;        /* where appends go: the end of the intact entries */
	struct strbuf pending; /* entries added, not yet written */
	uint64_t npending;
};

/*
 * Prepare to append to the journal at path, after its intact entries
 * (end: journal_damage.end from the replay, or 0 when there was no
 * file).  Nothing is written until the first journal_commit(), which
 * creates the file (header written aside and renamed into place) when
 * end is 0, or else truncates a torn tail at end first.
 */
void journal_open(struct journal *j, const char *path, const char magic[JOURNAL_MAGIC_LEN], uint32_t version,
		  uint64_t base, uint64_t end);

/* Add an entry (copied) to the pending ones.  len <= JOURNAL_MAX_ENTRY. */
void journal_add(struct journal *j, const void *data, size_t len);

/*
 * Append the pending entries in one write(2): a kill leaves them all, or
 * a torn tail a reader drops.  Not synced (see journal_sync()).
 * Returns 0, or -1 after a message naming the file.
 */
int journal_commit(struct journal *j);

/* fsync what was committed.  Returns 0, or -1 after a message. */
int journal_sync(struct journal *j);

/* Close without writing what is pending; free j's memory. */
void journal_close(struct journal *j);

/* Entries added and not committed. */
static inline uint64_t
journal_pending(const struct journal *j)
{
	return j->npending;
}

#endif
