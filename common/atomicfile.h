/*
 * atomicfile.h - replacing a file all at once: write a temporary file
 * beside it, sync it, rename it over the old one.
 *
 * A reader (or the next run after a crash or a full disk) sees the old
 * file or the new one, never a half-written file under the real name.
 * The temporary is "PATH.np-tmp.XXXXXX" with a random suffix (a name no
 * user file is likely to have: stale ones are removed), created with
 * O_CREAT|O_EXCL|O_NOFOLLOW: a file or a symbolic link planted at a
 * predictable name cannot make us write through it (a fixed
 * "PATH.tmp.PID" opened with O_TRUNC would follow the link and overwrite
 * its target).  A temporary left by a killed writer is removed by
 * atomicfile_clean_stale(), which only a program that holds the file's
 * lock (lock.h) may call: without the lock it could remove another live
 * writer's temporary.
 */
#ifndef NEWSPIPE_ATOMICFILE_H
#define NEWSPIPE_ATOMICFILE_H

#include "strbuf.h"

struct atomicfile {
	int fd;             /* the temporary, open for writing; -1 when none */
	char *path;         /* the final name (owned) */
	struct strbuf tmp;  /* the temporary's name */
};

/*
 * Create a new temporary file for path, mode 0666 less the umask.
 * Returns 0, or -1 after a message naming the file.
 */
int atomicfile_open(struct atomicfile *af, const char *path);

/* Write all of data to the temporary.  Returns 0, or -1 (errno set). */
int atomicfile_write(struct atomicfile *af, const void *data, size_t n);

/*
 * fsync the temporary, rename it to the final name and fsync the
 * directory, so that the new file survives a power cut once this
 * returns.  Returns 0, or -1 after a message (the temporary is removed,
 * the old file left as it was).  Either way af is released.
 */
int atomicfile_commit(struct atomicfile *af);

/* Remove the temporary and release af (after a failed write). */
void atomicfile_abort(struct atomicfile *af);

/*
 * Remove the temporaries a killed writer of path left behind:
 * "PATH.np-tmp.XXXXXX", and "PATH.tmp.PID" of newspipe 0.1.0.  Only call
 * it while holding path's lock.  Returns the number removed.
 */
int atomicfile_clean_stale(const char *path);

/* fsync the directory holding path (after a rename or unlink in it); best effort. */
void atomicfile_sync_dir(const char *path);

#endif
