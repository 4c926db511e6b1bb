/* lock.c - an advisory lock held for a whole run; see lock.h. */
#include "lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include "err.h"

/* The pid the holder wrote into the lock file, or 0. */
static long
holder_pid(int fd)
{
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

int
filelock_acquire(struct filelock *l, const char *path, bool wait)
{
	char pid[32];
	int n, rc;

	l->fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (l->fd < 0)
		return warn("cannot lock '%s':", path);
	while ((rc = flock(l->fd, LOCK_EX | (wait ? 0 : LOCK_NB))) != 0 && errno == EINTR)
		;
	if (rc != 0) {
		int e = errno;
		long holder = holder_pid(l->fd);
		close(l->fd);
		l->fd = -1;
		if (e == EWOULDBLOCK) {
			if (holder > 0)
				return warn("'%s' is held by another run (pid %ld); not waiting (--no-wait)", path,
					    holder);
			return warn("'%s' is held by another run; not waiting (--no-wait)", path);
		}
		errno = e;
		return warn("cannot lock '%s':", path);
	}
	/* Best effort: the pid only makes messages of other runs clearer. */
	n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(l->fd, 0) == 0)
		(void)!pwrite(l->fd, pid, (size_t)n, 0);
	return 0;
}

void
filelock_release(struct filelock *l)
{
	if (l->fd >= 0)
		close(l->fd); /* drops the flock */
	l->fd = -1;
}
