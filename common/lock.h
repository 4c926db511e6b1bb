/*
 * lock.h - an advisory lock on a file a program keeps between runs.
 *
 * Two runs that share a state file (two cron jobs that overlap) must not
 * both load it, work, and write it back: the second writer would erase
 * what the first remembered.  So a program that keeps state holds an
 * exclusive flock(2) on a lock file beside it ("FILE.lock") for the whole
 * run.  The lock file is never removed (removing it would let a third run
 * lock a new file while the second still holds the old one) and holds the
 * process id of the current holder, for the message a waiting or refused
 * run prints.  The kernel drops the lock when the holder exits, however
 * it exits (kill -9 included), so a crash never leaves a stale lock.
 */
#ifndef NEWSPIPE_LOCK_H
#define NEWSPIPE_LOCK_H

#include <stdbool.h>

struct filelock {
	int fd; /* -1 when not held */
};

/*
 * Lock path (created if missing, mode 0666 less the umask; a symbolic
 * link there is refused, not followed).  With wait, block until the lock
 * is free; without, fail at once.  Returns 0 with the lock held, or -1
 * after a message naming the file (and the holder's pid when another
 * process holds it); *l then needs no filelock_release().
 */
int filelock_acquire(struct filelock *l, const char *path, bool wait);

/* Release the lock (a lock not held is ignored). */
void filelock_release(struct filelock *l);

#endif
