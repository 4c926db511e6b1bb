/* statefile.c - snapshot + journal under a lock; see statefile.h. */
#include "statefile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"
#include "err.h"
#include "strbuf.h"
#include "xalloc.h"

static char *
with_suffix(const char *path, const char *suffix)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s%s", path, suffix);
	return strbuf_detach(&sb, NULL);
}

int
statefile_open(struct statefile *sf, const char *path, bool wait)
{
	char *lockpath = with_suffix(path, ".lock");
	int rc;

	memset(sf, 0, sizeof *sf);
	sf->log.fd = -1;
	rc = filelock_acquire(&sf->lock, lockpath, wait);
	free(lockpath);
	if (rc != 0)
		return -1;
	sf->path = xstrdup(path);
	sf->logpath = with_suffix(path, ".log");
	/* Under the lock, any temporary is a killed run's. */
	atomicfile_clean_stale(sf->path);
	atomicfile_clean_stale(sf->logpath);
	return 0;
}

static int
remove_journal(struct statefile *sf)
{
	if (unlink(sf->logpath) != 0 && errno != ENOENT)
		return warn("cannot remove '%s':", sf->logpath);
	atomicfile_sync_dir(sf->logpath);
	return 0;
}

int
statefile_replay(struct statefile *sf, const char magic[JOURNAL_MAGIC_LEN], uint32_t version, uint64_t gen,
		 int (*entry)(void *ctx, const void *data, size_t len), void *ctx)
{
	struct journal_damage dmg;
	int rc = journal_replay(sf->logpath, magic, version, gen, entry, ctx, &dmg);
	uint64_t end = dmg.end;

	if (rc < 0 || rc > 2)
		return -1;
	sf->generation = gen;
	sf->entries = dmg.entries;
	if (rc == 2) {
		/* Already in the snapshot: a run was killed before it removed it. */
		if (remove_journal(sf) != 0)
			return -1;
		end = 0;
	} else if (rc == 1) {
		end = 0;
	}
	if (dmg.regions > 0) {
		warn("%s: damaged journal: %llu bytes in %llu place%s skipped (the first at byte %llu); "
		     "%llu intact entries kept; what the damaged entries held is forgotten",
		     sf->logpath, (unsigned long long)dmg.bytes, (unsigned long long)dmg.regions,
		     dmg.regions == 1 ? "" : "s", (unsigned long long)dmg.first_offset,
		     (unsigned long long)dmg.entries);
		sf->damaged = true;
	}
	journal_open(&sf->log, sf->logpath, magic, version, gen, end);
	sf->replayed = true;
	return 0;
}

void
statefile_add(struct statefile *sf, const void *data, size_t len)
{
	journal_add(&sf->log, data, len);
	sf->entries++;
}

int
statefile_commit(struct statefile *sf)
{
	return journal_commit(&sf->log);
}

bool
statefile_compact_due(const struct statefile *sf, uint64_t max_entries)
{
	return sf->damaged || sf->entries > max_entries;
}

uint64_t
statefile_next_generation(const struct statefile *sf)
{
	return sf->generation + 1;
}

int
statefile_compacted(struct statefile *sf)
{
	char magic[JOURNAL_MAGIC_LEN];
	uint32_t version = sf->log.version;

	memcpy(magic, sf->log.magic, sizeof magic);
	journal_close(&sf->log);
	sf->generation++;
	sf->entries = 0;
	sf->damaged = false;
	journal_open(&sf->log, sf->logpath, magic, version, sf->generation, 0);
	return remove_journal(sf);
}

int
statefile_close(struct statefile *sf)
{
	int rc = 0;

	if (sf->replayed) {
		if (statefile_commit(sf) != 0 || journal_sync(&sf->log) != 0)
			rc = -1;
		journal_close(&sf->log);
	}
	filelock_release(&sf->lock);
	free(sf->path);
	free(sf->logpath);
	memset(sf, 0, sizeof *sf);
	return rc;
}
