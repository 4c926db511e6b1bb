/* atomicfile.c - temporary file, sync, rename; see atomicfile.h. */
#include "atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "xalloc.h"

#define TMP_INFIX ".np-tmp."
#define OLD_INFIX ".tmp." /* newspipe 0.1.0: PATH.tmp.PID */
#define SUFFIX_LEN 6

/* Random letters and digits for a temporary's name. */
static void
random_suffix(char out[SUFFIX_LEN + 1])
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char r[SUFFIX_LEN];
	int i;

	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		/* No entropy yet (early boot): O_EXCL still keeps it safe. */
		struct timespec ts;
		uint64_t x;
		clock_gettime(CLOCK_REALTIME, &ts);
		x = (uint64_t)ts.tv_nsec * 0x9e3779b97f4a7c15ULL ^ (uint64_t)getpid() << 20 ^ (uint64_t)ts.tv_sec;
		for (i = 0; i < SUFFIX_LEN; i++, x >>= 8)
			r[i] = (unsigned char)x;
	}
	for (i = 0; i < SUFFIX_LEN; i++)
		out[i] = alphabet[r[i] % (sizeof alphabet - 1)];
	out[SUFFIX_LEN] = '\0';
}

int
atomicfile_open(struct atomicfile *af, const char *path)
{
	int tries;

	af->fd = -1;
	af->path = xstrdup(path);
	af->tmp = (struct strbuf)STRBUF_INIT;
	for (tries = 0; tries < 100; tries++) {
		char suffix[SUFFIX_LEN + 1];
		random_suffix(suffix);
		strbuf_reset(&af->tmp);
		strbuf_addf(&af->tmp, "%s" TMP_INFIX "%s", path, suffix);
		af->fd = open(af->tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (af->fd >= 0)
			return 0;
		if (errno != EEXIST)
			break;
	}
	warn("cannot create a temporary file for '%s':", path);
	free(af->path);
	af->path = NULL;
	strbuf_release(&af->tmp);
	return -1;
}

int
atomicfile_write(struct atomicfile *af, const void *data, size_t n)
{
	const unsigned char *p = data;

	while (n > 0) {
		ssize_t w = write(af->fd, p, n);
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

static void
release(struct atomicfile *af)
{
	free(af->path);
	af->path = NULL;
	strbuf_release(&af->tmp);
	af->fd = -1;
}

void
atomicfile_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
atomicfile_commit(struct atomicfile *af)
{
	int rc = 0;

	if (fsync(af->fd) != 0) {
		rc = warn("cannot write '%s':", af->tmp.buf);
		close(af->fd);
	} else if (close(af->fd) != 0) {
		rc = warn("cannot write '%s':", af->tmp.buf);
	} else if (rename(af->tmp.buf, af->path) != 0) {
		rc = warn("cannot rename '%s' to '%s':", af->tmp.buf, af->path);
	}
	if (rc != 0)
		unlink(af->tmp.buf);
	else
		atomicfile_sync_dir(af->path);
	release(af);
	return rc;
}

void
atomicfile_abort(struct atomicfile *af)
{
	if (af->fd >= 0)
		close(af->fd);
	if (af->tmp.buf)
		unlink(af->tmp.buf);
	release(af);
}

/* Whether name[0..) is n > 0 characters all letters or digits (digits only with digits). */
static int
all_of(const char *name, int digits_only)
{
	size_t i;

	for (i = 0; name[i]; i++)
		if (!((name[i] >= '0' && name[i] <= '9') ||
		      (!digits_only && ((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z')))))
			return 0;
	return i > 0;
}

/*
 * Whether name is a temporary of base: base + ".np-tmp." + SUFFIX_LEN
 * letters or digits, or the "base.tmp.PID" of newspipe 0.1.0.
 */
static int
is_temporary_of(const char *name, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(name, base, n) != 0)
		return 0;
	name += n;
	if (strncmp(name, TMP_INFIX, sizeof TMP_INFIX - 1) == 0)
		return strlen(name + sizeof TMP_INFIX - 1) == SUFFIX_LEN && all_of(name + sizeof TMP_INFIX - 1, 0);
	if (strncmp(name, OLD_INFIX, sizeof OLD_INFIX - 1) == 0)
		return all_of(name + sizeof OLD_INFIX - 1, 1);
	return 0;
}

int
atomicfile_clean_stale(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	const char *base = slash ? slash + 1 : path;
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strbuf p = STRBUF_INIT;
	int removed = 0;

	if (!d) {
		free(dir);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_temporary_of(e->d_name, base))
			continue;
		strbuf_reset(&p);
		strbuf_addf(&p, "%s/%s", dir, e->d_name);
		if (unlink(p.buf) == 0)
			removed++;
	}
	closedir(d);
	strbuf_release(&p);
	free(dir);
	return removed;
}
