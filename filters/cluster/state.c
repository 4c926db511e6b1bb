/*
 * state.c - the active stories between runs (--state); see cluster.h.
 *
 * The machinery of common/statefile.h: the snapshot FILE (a binfile.h
 * file: checksummed sections, checked against the file's length on
 * load, written to a temporary, synced and renamed), the journal
 * FILE.log of what changed since (checksummed entries; a torn last one
 * is what a kill leaves and is dropped), and FILE.lock, held for the
 * whole run: a second run on the same state waits for the first (or,
 * with --no-wait, fails at once).
 *
 * Every article that begins or joins a story journals that story as it
 * now is (its id, times, size and centroid: at most 128 dimensions), so
 * replaying an entry replaces the story whole and replaying twice does
 * no harm.  Entries are committed once the output of their articles has
 * been flushed (every BATCH articles, every article with -u, and at the
 * end): a kill -9 loses at most the stories of the articles whose output
 * was lost with it.  At the end of a run, when the journal holds more
 * entries than there are active stories (or was damaged), a new snapshot
 * of every active story is written and the journal starts again.
 *
 * Snapshot sections (integers as on the host that wrote them; PARM
 * records its byte order):
 *   PARM  u32 byte-order mark, u32 flags (1: clock set, 2: it is a run's
 *         time, not an article's), i64 clock, u64 stories, u64 features,
 *         u64 id bytes, u64 generation;
 *   STRY  per story, least recently updated first: i64 first, i64 last,
 *         u32 size, u32 features, u64 first feature, u64 id offset,
 *         u64 id length;
 *   FEAT  per feature: u64 key, f32 weight, u32 zero;
 *   IDS   the story ids, back to back.
 * Journal entry: i64 clock, u32 flags, i64 first, i64 last, u32 size,
 * u32 features, u32 id length, the id, then per feature u64 key, f32
 * weight.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "binfile.h"
#include "cluster.h"
#include "err.h"
#include "hash.h"
#include "statefile.h"
#include "strbuf.h"
#include "xalloc.h"

static const char snap_magic[BINFILE_MAGIC_LEN] = { 'N', 'P', 'S', 'T', 'O', 'R', 'Y', '\n' };
static const char log_magic[JOURNAL_MAGIC_LEN] = { 'N', 'P', 'S', 'T', 'L', 'O', 'G', '\n' };
#define STATE_VERSION 1u
#define BYTE_ORDER_MARK 0x01020304u
#define STORY_BYTES 48u
#define FEATURE_BYTES 16u
#define ENTRY_FIXED (8 + 4 + 8 + 8 + 4 + 4 + 4)
#define ENTRY_FEATURE 12u

#define TAG_PARM BINFILE_TAG('P', 'A', 'R', 'M')
#define TAG_STRY BINFILE_TAG('S', 'T', 'R', 'Y')
#define TAG_FEAT BINFILE_TAG('F', 'E', 'A', 'T')
#define TAG_IDS BINFILE_TAG('I', 'D', 'S', ' ')

struct parm {
	uint32_t bom, flags;
	int64_t clock;
	uint64_t nstories, nfeatures, idbytes, generation;
};

/* A story read back (snapshot or journal), kept until all are read: the journal replaces. */
struct kept {
	char *id;
	size_t idlen;
	int64_t first, last;
	uint32_t size;
	struct feature *f;
	size_t nf;
	uint64_t order; /* when it was last written */
};

struct cluster_state {
	struct statefile sf;
	char *path;
	struct strbuf buf;
	/* Loading: the stories read so far, by id. */
	struct kept *kept;
	size_t nkept, capkept;
	size_t *index;  /* open addressing: kept index + 1 */
	size_t mask;
	uint64_t order;
	struct clock clock;
	const char *why; /* a malformed entry's reason */
};

static uint32_t
clock_flags(const struct clock *c)
{
	return (uint32_t)(c->t != TIME_PENDING) | (uint32_t)(c->t != TIME_PENDING && c->wall) << 1;
}

static void
set_clock(struct clock *c, int64_t t, uint32_t flags)
{
	c->t = flags & 1 ? t : TIME_PENDING;
	c->wall = (flags & 2) != 0;
}

/* --- the stories read back, by id ----------------------------------------------- */

static void
keep(struct cluster_state *cs, const char *id, size_t idlen, int64_t first, int64_t last, uint32_t size,
     const struct feature *f, size_t nf)
{
	uint64_t h = hash64(id, idlen, 0);
	struct kept *k;
	size_t j;

	if (2 * (cs->nkept + 1) > cs->mask + 1) {
		size_t size2 = cs->mask ? 2 * (cs->mask + 1) : 1024, i;
		free(cs->index);
		cs->index = xcalloc(size2, sizeof *cs->index);
		cs->mask = size2 - 1;
		for (i = 0; i < cs->nkept; i++) {
			size_t jj;
			for (jj = (size_t)hash64(cs->kept[i].id, cs->kept[i].idlen, 0) & cs->mask; cs->index[jj];
			     jj = (jj + 1) & cs->mask)
				;
			cs->index[jj] = i + 1;
		}
	}
	for (j = (size_t)h & cs->mask; cs->index[j]; j = (j + 1) & cs->mask) {
		k = &cs->kept[cs->index[j] - 1];
		if (k->idlen == idlen && memcmp(k->id, id, idlen) == 0)
			break;
	}
	if (cs->index[j]) {
		k = &cs->kept[cs->index[j] - 1];
		free(k->f);
	} else {
		ARRAY_GROW(cs->kept, cs->nkept + 1, cs->capkept);
		k = &cs->kept[cs->nkept];
		k->id = xmalloc(idlen + 1);
		memcpy(k->id, id, idlen);
		k->id[idlen] = '\0';
		k->idlen = idlen;
		cs->index[j] = ++cs->nkept;
	}
	k->first = first;
	k->last = last;
	k->size = size;
	k->f = xreallocarray(NULL, nf ? nf : 1, sizeof *f);
	if (nf)
		memcpy(k->f, f, nf * sizeof *f);
	k->nf = nf;
	k->order = cs->order++;
}

static int
cmp_kept(const void *a, const void *b)
{
	uint64_t x = ((const struct kept *)a)->order, y = ((const struct kept *)b)->order;

	return x < y ? -1 : x > y;
}

static void
free_kept(struct cluster_state *cs)
{
	size_t i;

	for (i = 0; i < cs->nkept; i++) {
		free(cs->kept[i].id);
		free(cs->kept[i].f);
	}
	free(cs->kept);
	free(cs->index);
	cs->kept = NULL;
	cs->index = NULL;
	cs->nkept = cs->capkept = cs->mask = 0;
}

/* Restore the stories read, least recently written first; then forget them. */
static int
restore_kept(struct cluster_state *cs, struct stories *st)
{
	size_t i;
	int rc = 0;

	if (cs->nkept > 1)
		qsort(cs->kept, cs->nkept, sizeof *cs->kept, cmp_kept);
	for (i = 0; i < cs->nkept && rc == 0; i++) {
		struct kept *k = &cs->kept[i];
		struct story_image im = { k->id, k->idlen, k->first, k->last, k->size, k->f, k->nf };
		if (stories_restore(st, &im) != 0)
			rc = warn("cannot load '%s': corrupt (a story's centroid or id)", cs->path);
	}
	free_kept(cs);
	return rc;
}

/* Features as the files store them: nf of them, stride bytes apart from p: u64 key, f32 weight. */
static void
decode_features(struct feature *f, const unsigned char *p, size_t nf, size_t stride)
{
	size_t k;

	for (k = 0; k < nf; k++, p += stride) {
		memcpy(&f[k].key, p, 8);
		memcpy(&f[k].w, p + 8, 4);
	}
}

/* --- the snapshot ---------------------------------------------------------------- */

struct writer {
	struct strbuf stories, feats, ids;
	uint64_t nstories, nfeatures;
};

static void
put_story(void *ctx, const struct story_image *im)
{
	struct writer *w = ctx;
	uint64_t idoff = w->ids.len, idlen = im->idlen, first = w->nfeatures;
	uint32_t size = im->size, nf = (uint32_t)im->nf, zero = 0;
	size_t k;

	strbuf_add(&w->stories, &im->first, 8);
	strbuf_add(&w->stories, &im->last, 8);
	strbuf_add(&w->stories, &size, 4);
	strbuf_add(&w->stories, &nf, 4);
	strbuf_add(&w->stories, &first, 8);
	strbuf_add(&w->stories, &idoff, 8);
	strbuf_add(&w->stories, &idlen, 8);
	for (k = 0; k < im->nf; k++) {
		strbuf_add(&w->feats, &im->f[k].key, 8);
		strbuf_add(&w->feats, &im->f[k].w, 4);
		strbuf_add(&w->feats, &zero, 4);
	}
	strbuf_add(&w->ids, im->id, im->idlen);
	w->nstories++;
	w->nfeatures += im->nf;
}

static int
write_snapshot(const char *path, const struct stories *st, const struct clock *c, uint64_t generation)
{
	struct writer w = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, 0, 0 };
	struct parm pm;
	int rc;

	stories_each(st, put_story, &w);
	memset(&pm, 0, sizeof pm);
	pm.bom = BYTE_ORDER_MARK;
	pm.flags = clock_flags(c);
	pm.clock = c->t == TIME_PENDING ? 0 : c->t;
	pm.nstories = w.nstories;
	pm.nfeatures = w.nfeatures;
	pm.idbytes = w.ids.len;
	pm.generation = generation;
	{
		struct binfile_section sec[4] = {
			{ TAG_PARM, &pm, sizeof pm },
			{ TAG_STRY, w.stories.buf, w.stories.len },
			{ TAG_FEAT, w.feats.buf, w.feats.len },
			{ TAG_IDS, w.ids.buf, w.ids.len },
		};
		rc = binfile_write(path, snap_magic, STATE_VERSION, sec, 4);
	}
	strbuf_release(&w.stories);
	strbuf_release(&w.feats);
	strbuf_release(&w.ids);
	return rc;
}

static int
corrupt(const char *path, const char *why)
{
	return warn("cannot load '%s': %s", path, why);
}

/* Read the snapshot's stories into cs->kept; *generation 0 when there is no snapshot. */
static int
read_snapshot(struct cluster_state *cs, uint64_t *generation)
{
	struct binfile bf;
	const unsigned char *stories, *feats;
	const char *ids;
	uint64_t ssize, fsize, isize, psize, i;
	const struct parm *pm;
	struct feature *f = NULL;
	size_t capf = 0;
	struct stat sb;
	int rc = 0;

	*generation = 0;
	if (stat(cs->path, &sb) != 0) {
		if (errno == ENOENT)
			return 0; /* the first run, or no compaction yet */
		return warn("cannot load '%s':", cs->path);
	}
	if (binfile_open(&bf, cs->path, snap_magic, STATE_VERSION, STATE_VERSION) != 0)
		return -1;
	pm = binfile_section(&bf, TAG_PARM, &psize);
	stories = binfile_section(&bf, TAG_STRY, &ssize);
	feats = binfile_section(&bf, TAG_FEAT, &fsize);
	ids = binfile_section(&bf, TAG_IDS, &isize);
	if (!pm || psize != sizeof *pm || !stories || !feats || !ids)
		rc = corrupt(cs->path, "not a news-cluster state (sections missing)");
	else if (pm->bom != BYTE_ORDER_MARK)
		rc = corrupt(cs->path, "written on a host of another byte order");
	else if (ssize % STORY_BYTES != 0 || ssize / STORY_BYTES != pm->nstories || fsize % FEATURE_BYTES != 0 ||
		 fsize / FEATURE_BYTES != pm->nfeatures || isize != pm->idbytes || pm->generation == 0)
		rc = corrupt(cs->path, "corrupt (section sizes)");
	if (rc != 0) {
		binfile_close(&bf);
		return rc;
	}
	set_clock(&cs->clock, pm->clock, pm->flags);
	*generation = pm->generation;
	for (i = 0; i < pm->nstories; i++) {
		const unsigned char *p = stories + i * STORY_BYTES;
		int64_t first, last;
		uint64_t feat0, idoff, idlen;
		uint32_t size, nf;

		memcpy(&first, p, 8);
		memcpy(&last, p + 8, 8);
		memcpy(&size, p + 16, 4);
		memcpy(&nf, p + 20, 4);
		memcpy(&feat0, p + 24, 8);
		memcpy(&idoff, p + 32, 8);
		memcpy(&idlen, p + 40, 8);
		if (feat0 > pm->nfeatures || nf > pm->nfeatures - feat0 || idoff > isize || idlen > isize - idoff) {
			rc = corrupt(cs->path, "corrupt (story out of bounds)");
			break;
		}
		if (nf > capf) {
			capf = nf;
			f = xreallocarray(f, capf, sizeof *f);
		}
		decode_features(f, feats + feat0 * FEATURE_BYTES, nf, FEATURE_BYTES);
		keep(cs, ids + idoff, (size_t)idlen, first, last, size, f, nf);
	}
	free(f);
	binfile_close(&bf);
	return rc;
}

/* --- the journal ------------------------------------------------------------------- */

static int
replay_entry(void *ctx, const void *data, size_t len)
{
	struct cluster_state *cs = ctx;
	const unsigned char *p = data;
	int64_t clock, first, last;
	uint32_t flags, size, nf, idlen;
	struct feature *f;

	/* 3: not a journal_replay() status of its own (see journal.h), so the replay fails. */
	if (len < ENTRY_FIXED) {
		cs->why = "an entry too short";
		return 3;
	}
	memcpy(&clock, p, 8);
	memcpy(&flags, p + 8, 4);
	memcpy(&first, p + 12, 8);
	memcpy(&last, p + 20, 8);
	memcpy(&size, p + 28, 4);
	memcpy(&nf, p + 32, 4);
	memcpy(&idlen, p + 36, 4);
	if (idlen == 0 || nf > 4096 || len != ENTRY_FIXED + (size_t)idlen + (size_t)nf * ENTRY_FEATURE) {
		cs->why = "an entry of the wrong length";
		return 3;
	}
	f = xreallocarray(NULL, nf ? nf : 1, sizeof *f);
	decode_features(f, p + ENTRY_FIXED + idlen, nf, ENTRY_FEATURE);
	keep(cs, (const char *)p + ENTRY_FIXED, idlen, first, last, size, f, nf);
	free(f);
	set_clock(&cs->clock, clock, flags);
	return 0;
}

struct cluster_state *
cstate_open(const char *path, bool wait, struct stories *st, struct clock *c)
{
	struct cluster_state *cs = xcalloc(1, sizeof *cs);
	struct strbuf empty = STRBUF_INIT;
	uint64_t generation;
	int rc;

	cs->buf = empty;
	cs->path = xstrdup(path);
	cs->clock.t = TIME_PENDING;
	/* Another run on the same state: wait for it (unless told not to), then read what it wrote. */
	if (statefile_open(&cs->sf, path, wait) != 0) {
		free(cs->path);
		free(cs);
		return NULL;
	}
	if (read_snapshot(cs, &generation) != 0 ||
	    (rc = statefile_replay(&cs->sf, log_magic, STATE_VERSION, generation, replay_entry, cs)) != 0) {
		if (cs->why)
			corrupt(cs->sf.logpath, cs->why);
		free_kept(cs);
		statefile_close(&cs->sf);
		free(cs->path);
		free(cs);
		return NULL;
	}
	if (restore_kept(cs, st) != 0) {
		statefile_close(&cs->sf);
		free(cs->path);
		free(cs);
		return NULL;
	}
	*c = cs->clock;
	return cs;
}

void
cstate_note(struct cluster_state *cs, const struct stories *st, uint32_t slot, const struct clock *c)
{
	struct story_image im;
	uint32_t flags = clock_flags(c), size, nf, idlen;
	int64_t clock = c->t == TIME_PENDING ? 0 : c->t;
	size_t k;

	stories_image(st, slot, &im);
	size = im.size;
	nf = (uint32_t)im.nf;
	idlen = (uint32_t)im.idlen;
	strbuf_reset(&cs->buf);
	strbuf_add(&cs->buf, &clock, 8);
	strbuf_add(&cs->buf, &flags, 4);
	strbuf_add(&cs->buf, &im.first, 8);
	strbuf_add(&cs->buf, &im.last, 8);
	strbuf_add(&cs->buf, &size, 4);
	strbuf_add(&cs->buf, &nf, 4);
	strbuf_add(&cs->buf, &idlen, 4);
	strbuf_add(&cs->buf, im.id, im.idlen);
	for (k = 0; k < im.nf; k++) {
		strbuf_add(&cs->buf, &im.f[k].key, 8);
		strbuf_add(&cs->buf, &im.f[k].w, 4);
	}
	statefile_add(&cs->sf, cs->buf.buf, cs->buf.len);
}

int
cstate_commit(struct cluster_state *cs)
{
	return statefile_commit(&cs->sf);
}

/* During a run, a journal past four entries per active story and this many more is folded into a snapshot. */
#define JOURNAL_SLACK 1000

int
cstate_compact_if_due(struct cluster_state *cs, const struct stories *st, const struct clock *c)
{
	if (!statefile_compact_due(&cs->sf, 4 * (uint64_t)stories_active(st) + JOURNAL_SLACK))
		return 0;
	if (write_snapshot(cs->path, st, c, statefile_next_generation(&cs->sf)) != 0 ||
	    statefile_compacted(&cs->sf) != 0)
		return -1;
	return 0;
}

int
cstate_close(struct cluster_state *cs, const struct stories *st, const struct clock *c)
{
	struct stories_stats ss;
	int rc = 0;

	stories_stats(st, &ss);
	if (statefile_commit(&cs->sf) != 0)
		rc = -1;
	/* A journal longer than the stories it describes: one snapshot says it all. */
	if (rc == 0 && statefile_compact_due(&cs->sf, ss.active > 1000 ? ss.active : 1000)) {
		if (write_snapshot(cs->path, st, c, statefile_next_generation(&cs->sf)) != 0 ||
		    statefile_compacted(&cs->sf) != 0)
			rc = -1;
	}
	if (statefile_close(&cs->sf) != 0)
		rc = -1;
	strbuf_release(&cs->buf);
	free(cs->path);
	free(cs);
	return rc;
}
