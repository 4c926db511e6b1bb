/*
 * statefile.h - what a program remembers between runs (news-dedupe's
 * index, news-cluster's stories): a snapshot plus a journal, under a lock.
 *
 * The files, for a state at PATH:
 *   PATH        the snapshot: a binfile.h file written whole (temp file,
 *               fsync, rename) with the generation number it was written
 *               as (1, 2, ...); missing until the first compaction.
 *   PATH.log    the journal (journal.h) of what was learned since that
 *               snapshot: its header names the generation it follows.
 *   PATH.lock   held (lock.h) for the whole run: a second run waits or
 *               is refused, never loads the state in between.
 * A run: statefile_open() (lock, remove stale temporaries), load the
 * snapshot yourself and learn its generation (0 when there is none),
 * statefile_replay() the journal, then while working statefile_add() an
 * entry per thing learned and statefile_commit() after the output that
 * depends on it has been written (output first, then the journal: a crash
 * may repeat output, never lose it); at the end, when statefile_compact_due()
 * says so, write a new snapshot of generation statefile_next_generation()
 * and call statefile_compacted(); statefile_close().
 *
 * Why generations: a crash between writing a new snapshot and removing
 * the journal leaves a journal whose entries the snapshot already has.
 * Its header names the older generation, so the next run removes it
 * instead of replaying it twice (a journal naming a newer generation than
 * the snapshot means the snapshot was replaced by an older copy: an
 * error).  Damage inside the journal is reported ("prog: PATH.log: ...",
 * exit status 1), every intact entry is kept, and statefile_compact_due()
 * is then true, so that the damage is rewritten away at once.
 */
#ifndef NEWSPIPE_STATEFILE_H
#define NEWSPIPE_STATEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "journal.h"
#include "lock.h"

struct statefile {
	char *path, *logpath;   /* owned */
	struct filelock lock;
	struct journal log;
	uint64_t generation;    /* of the snapshot loaded: 0 when none */
	uint64_t entries;       /* in the journal: replayed and added */
	bool damaged;           /* the journal had damage: compact now */
	bool replayed;
};

/*
 * Lock the state at path (path.lock; wait, or fail at once when another
 * run holds it) and remove the temporaries a killed run left beside path
 * and path.log.  Returns 0, or -1 after a message (nothing to release).
 */
int statefile_open(struct statefile *sf, const char *path, bool wait);

/*
 * Replay path.log, which must follow the snapshot of generation gen (0:
 * there is no snapshot), through entry(ctx, data, len) (see
 * journal_replay()); a journal of an older generation is removed.
 * Damage is reported here.  Prepares the journal for appending.
 * Returns 0, or -1 after a message (the caller must not run).
 */
int statefile_replay(struct statefile *sf, const char magic[JOURNAL_MAGIC_LEN], uint32_t version, uint64_t gen,
		     int (*entry)(void *ctx, const void *data, size_t len), void *ctx);

/* Add an entry to the journal (written by the next statefile_commit()). */
void statefile_add(struct statefile *sf, const void *data, size_t len);

/* Append the entries added since the last commit.  Returns 0 or -1 after a message. */
int statefile_commit(struct statefile *sf);

/*
 * Whether the caller should write a new snapshot now: the journal was
 * damaged, or holds more than max_entries entries.
 */
bool statefile_compact_due(const struct statefile *sf, uint64_t max_entries);

/* The generation a new snapshot must be written as. */
uint64_t statefile_next_generation(const struct statefile *sf);

/*
 * The caller has written a new snapshot of statefile_next_generation()
 * holding everything journalled (pending entries are dropped: the
 * snapshot has them): remove the journal and start an empty one after
 * it.  Returns 0, or -1 after a message.
 */
int statefile_compacted(struct statefile *sf);

/*
 * Commit and fsync the journal, release the lock and free sf's memory.
 * Returns 0, or -1 after a message.
 */
int statefile_close(struct statefile *sf);

#endif
