/*
 * test_state.c - unit tests of the state machinery in common/: the
 * journal (round trip, damage in the middle, a torn tail, header errors,
 * generations), the lock, and atomic files (temporaries, stale ones).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "journal.h"
#include "lock.h"
#include "statefile.h"
#include "unit.h"

static const char magic[JOURNAL_MAGIC_LEN] = { 'N', 'P', 'T', 'E', 'S', 'T', 'J', '\n' };

struct seen {
	int n;
	int values[256];
};

static int
collect(void *ctx, const void *data, size_t len)
{
	struct seen *s = ctx;
	int v;

	if (len != sizeof v + 40 || s->n >= 256)
		return -1;
	memcpy(&v, data, sizeof v);
	s->values[s->n++] = v;
	return 0;
}

/* Write entries 0..n-1 (an int and 40 bytes of padding each) to path, following base. */
static void
write_journal(const char *path, int n, uint64_t base)
{
	struct journal j;
	unsigned char e[sizeof(int) + 40];
	int i;

	unlink(path);
	journal_open(&j, path, magic, 1, base, 0);
	for (i = 0; i < n; i++) {
		memset(e, 'a' + i % 26, sizeof e);
		memcpy(e, &i, sizeof i);
		journal_add(&j, e, sizeof e);
		if (i % 7 == 6)
			CHECK(journal_commit(&j) == 0);
	}
	CHECK(journal_commit(&j) == 0);
	CHECK(journal_sync(&j) == 0);
	journal_close(&j);
}

static long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void
poke(const char *path, long off, unsigned char xor)
{
	int fd = open(path, O_RDWR);
	unsigned char c;

	CHECK(fd >= 0 && pread(fd, &c, 1, off) == 1);
	c ^= xor;
	CHECK(pwrite(fd, &c, 1, off) == 1);
	close(fd);
}

static void
test_journal(const char *dir)
{
	char path[512];
	struct journal_damage d;
	struct seen s;
	long entry = JOURNAL_ENTRY_HEADER + sizeof(int) + 40, size;
	int i, ok;

	snprintf(path, sizeof path, "%s/j.log", dir);
	/* Round trip, in order. */
	write_journal(path, 50, 7);
	memset(&s, 0, sizeof s);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 0);
	CHECK(s.n == 50 && d.entries == 50 && d.regions == 0 && d.torn_bytes == 0);
	for (ok = 1, i = 0; i < s.n; i++)
		ok &= s.values[i] == i;
	CHECK(ok);
	CHECK((long)d.end == file_size(path));

	/* One flipped bit in entry 20's payload: reported, the 49 others kept. */
	poke(path, JOURNAL_HEADER + 20 * entry + JOURNAL_ENTRY_HEADER + 10, 0x04);
	memset(&s, 0, sizeof s);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 0);
	CHECK(s.n == 49 && d.regions == 1 && d.bytes == (uint64_t)entry);
	CHECK(d.first_offset == JOURNAL_HEADER + 20 * (uint64_t)entry);
	CHECK(s.values[19] == 19 && s.values[20] == 21 && s.values[48] == 49);

	/* A damaged length field is damage too (not a torn tail swallowing the rest). */
	write_journal(path, 50, 7);
	poke(path, JOURNAL_HEADER + 30 * entry + 5, 0x80);
	memset(&s, 0, sizeof s);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 0);
	CHECK(s.n == 49 && d.regions == 1 && s.values[30] == 31);

	/* A torn tail (a kill during an append): dropped, no damage, cut before the next append. */
	write_journal(path, 50, 7);
	size = file_size(path);
	CHECK(truncate(path, size - 13) == 0);
	memset(&s, 0, sizeof s);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 0);
	CHECK(s.n == 49 && d.regions == 0 && d.torn_bytes == (uint64_t)(entry - 13));
	{
		struct journal j;
		int v = 1000;
		unsigned char e[sizeof(int) + 40];
		memset(e, 'z', sizeof e);
		memcpy(e, &v, sizeof v);
		journal_open(&j, path, magic, 1, 7, d.end);
		journal_add(&j, e, sizeof e);
		CHECK(journal_commit(&j) == 0);
		journal_close(&j);
	}
	memset(&s, 0, sizeof s);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 0);
	CHECK(s.n == 50 && d.regions == 0 && d.torn_bytes == 0 && s.values[49] == 1000);
	/* A header cut short at the end is torn as well. */
	size = file_size(path);
	{
		int fd = open(path, O_WRONLY | O_APPEND);
		static const unsigned char partial[6] = { 0x9d, 0x4a, 0x0b, 0xe7, 44, 0 };
		CHECK(fd >= 0 && write(fd, partial, sizeof partial) == (ssize_t)sizeof partial);
		close(fd);
	}
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 0 && d.torn_bytes == 6 && d.regions == 0);
	/* Garbage at the end is damage, not torn. */
	{
		int fd = open(path, O_WRONLY | O_TRUNC);
		close(fd);
	}
	write_journal(path, 5, 7);
	{
		int fd = open(path, O_WRONLY | O_APPEND);
		CHECK(fd >= 0 && write(fd, "garbage!garbage!garbage!", 24) == 24);
		close(fd);
	}
	memset(&s, 0, sizeof s);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 0 && s.n == 5 && d.regions == 1 && d.bytes == 24);

	/* Generations: an older base is stale (2, nothing replayed), a newer one an error. */
	write_journal(path, 5, 7);
	memset(&s, 0, sizeof s);
	CHECK(journal_replay(path, magic, 1, 8, collect, &s, &d) == 2 && s.n == 0);
	CHECK(journal_replay(path, magic, 1, 6, collect, &s, &d) == -1);
	/* Header errors: magic, version, checksum; no file. */
	CHECK(journal_replay(path, "NPOTHER\n", 1, 7, collect, &s, &d) == -1);
	CHECK(journal_replay(path, magic, 2, 7, collect, &s, &d) == -1);
	poke(path, 13, 0x01);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == -1);
	unlink(path);
	CHECK(journal_replay(path, magic, 1, 7, collect, &s, &d) == 1);
}

static void
test_statefile(const char *dir)
{
	char path[512], log[600];
	struct statefile sf, other;
	struct seen s;
	unsigned char e[sizeof(int) + 40];
	int v;

	snprintf(path, sizeof path, "%s/state", dir);
	snprintf(log, sizeof log, "%s.log", path);
	CHECK(statefile_open(&sf, path, false) == 0);
	/* A second holder (another open file description) is refused at once. */
	CHECK(statefile_open(&other, path, false) == -1);
	memset(&s, 0, sizeof s);
	CHECK(statefile_replay(&sf, magic, 1, 0, collect, &s) == 0 && s.n == 0);
	for (v = 0; v < 3; v++) {
		memset(e, 'q', sizeof e);
		memcpy(e, &v, sizeof v);
		statefile_add(&sf, e, sizeof e);
	}
	CHECK(statefile_commit(&sf) == 0);
	CHECK(statefile_compact_due(&sf, 2) && !statefile_compact_due(&sf, 3));
	CHECK(statefile_next_generation(&sf) == 1);
	CHECK(statefile_close(&sf) == 0);
	/* The journal follows generation 0 (no snapshot). */
	CHECK(statefile_open(&sf, path, false) == 0);
	memset(&s, 0, sizeof s);
	CHECK(statefile_replay(&sf, magic, 1, 0, collect, &s) == 0 && s.n == 3 && s.values[2] == 2);
	/* The caller wrote snapshot 1: the journal goes. */
	CHECK(statefile_compacted(&sf) == 0);
	CHECK(access(log, F_OK) != 0);
	CHECK(statefile_close(&sf) == 0);
	/* A journal of generation 0 left beside snapshot 1 (a kill before the removal) is removed, not replayed. */
	write_journal(log, 4, 0);
	CHECK(statefile_open(&sf, path, false) == 0);
	memset(&s, 0, sizeof s);
	CHECK(statefile_replay(&sf, magic, 1, 1, collect, &s) == 0 && s.n == 0);
	CHECK(access(log, F_OK) != 0);
	CHECK(statefile_close(&sf) == 0);
}

static void
test_atomicfile(const char *dir)
{
	char path[512], stale[600], victim[600], link[600], keep[600];
	struct atomicfile af;
	FILE *f;
	char buf[16] = { 0 };

	snprintf(path, sizeof path, "%s/data", dir);
	snprintf(stale, sizeof stale, "%s.tmp.4242", path);
	snprintf(link, sizeof link, "%s.np-tmp.Zz9yY8", path);
	snprintf(keep, sizeof keep, "%s.tmp.backup", path);
	snprintf(victim, sizeof victim, "%s/victim", dir);
	f = fopen(victim, "w");
	CHECK(f && fputs("precious", f) >= 0 && fclose(f) == 0);
	f = fopen(stale, "w");
	CHECK(f && fclose(f) == 0);
	f = fopen(keep, "w");
	CHECK(f && fclose(f) == 0);
	CHECK(symlink(victim, link) == 0);
	CHECK(atomicfile_open(&af, path) == 0);
	CHECK(strncmp(af.tmp.buf, path, strlen(path)) == 0);
	CHECK(atomicfile_write(&af, "new", 3) == 0);
	CHECK(atomicfile_commit(&af) == 0);
	f = fopen(path, "r");
	CHECK(f && fread(buf, 1, sizeof buf - 1, f) == 3 && fclose(f) == 0);
	CHECK(strcmp(buf, "new") == 0);
	/* Stale temporaries (and a planted link) go; the link's target and other names stay. */
	CHECK(atomicfile_clean_stale(path) == 2);
	CHECK(access(stale, F_OK) != 0 && access(link, F_OK) != 0 && access(keep, F_OK) == 0);
	f = fopen(victim, "r");
	memset(buf, 0, sizeof buf);
	CHECK(f && fread(buf, 1, sizeof buf - 1, f) == 8 && fclose(f) == 0);
	CHECK(strcmp(buf, "precious") == 0);
	/* Aborted: nothing left. */
	CHECK(atomicfile_open(&af, path) == 0);
	atomicfile_abort(&af);
	CHECK(atomicfile_clean_stale(path) == 0);
}

static void
test_lock(const char *dir)
{
	char path[512];
	struct filelock a, b;

	snprintf(path, sizeof path, "%s/x.lock", dir);
	CHECK(filelock_acquire(&a, path, false) == 0);
	CHECK(filelock_acquire(&b, path, false) == -1);
	filelock_release(&a);
	CHECK(filelock_acquire(&b, path, false) == 0);
	filelock_release(&b);
	/* A symbolic link at the lock's name is refused, not followed. */
	snprintf(path, sizeof path, "%s/y.lock", dir);
	CHECK(symlink("/dev/null", path) == 0);
	CHECK(filelock_acquire(&a, path, true) == -1);
}

int
main(void)
{
	char dir[] = "/tmp/np-test-state-XXXXXX";
	char cmd[600];

	if (!mkdtemp(dir))
		return 1;
	test_journal(dir);
	test_statefile(dir);
	test_atomicfile(dir);
	test_lock(dir);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return unit_done();
}
