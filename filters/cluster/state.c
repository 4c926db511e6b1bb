/*
 * state.c - the active stories between runs (--state); see cluster.h.
 *
 * One snapshot in the layout of common/binfile.h: every section and the
 * header checksummed, checked against the file's length on load, and
 * written to a temporary name, synced and renamed into place, so a
 * crash or a full disk leaves the previous state whole.  A snapshot is
 * small (the stories of one window, about 2 KB each), so it is written
 * whole at the end of a run.  Integers are little-endian as on the host
 * that wrote them; the snapshot records that host's byte order.
 *
 * Sections:
 *   PARM  u32 byte-order mark, u32 flags (1: clock set, 2: it is a run's
 *         time, not an article's), i64 clock,
 *         u64 stories, u64 features, u64 id bytes;
 *   STRY  per story, oldest first: i64 first, i64 last, u32 size,
 *         u32 features, u64 first feature, u64 id offset, u64 id length;
 *   FEAT  per feature: u64 key, f32 weight, u32 zero;
 *   IDS   the story ids, back to back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "binfile.h"
#include "cluster.h"
#include "err.h"
#include "strbuf.h"
#include "xalloc.h"

static const char magic[BINFILE_MAGIC_LEN] = { 'N', 'P', 'S', 'T', 'O', 'R', 'Y', '\n' };
#define STATE_VERSION 1u
#define BYTE_ORDER_MARK 0x01020304u
#define STORY_BYTES 48u
#define FEATURE_BYTES 16u

#define TAG_PARM BINFILE_TAG('P', 'A', 'R', 'M')
#define TAG_STRY BINFILE_TAG('S', 'T', 'R', 'Y')
#define TAG_FEAT BINFILE_TAG('F', 'E', 'A', 'T')
#define TAG_IDS BINFILE_TAG('I', 'D', 'S', ' ')

struct parm {
	uint32_t bom, flags;
	int64_t clock;
	uint64_t nstories, nfeatures, idbytes;
};

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

int
state_save(const char *path, const struct stories *st, const struct clock *c)
{
	struct writer w = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, 0, 0 };
	struct parm pm;
	int rc;

	stories_each(st, put_story, &w);
	memset(&pm, 0, sizeof pm);
	pm.bom = BYTE_ORDER_MARK;
	pm.flags = (c->t != TIME_PENDING) | (c->t != TIME_PENDING && c->wall) << 1;
	pm.clock = c->t == TIME_PENDING ? 0 : c->t;
	pm.nstories = w.nstories;
	pm.nfeatures = w.nfeatures;
	pm.idbytes = w.ids.len;
	{
		struct binfile_section sec[4] = {
			{ TAG_PARM, &pm, sizeof pm },
			{ TAG_STRY, w.stories.buf, w.stories.len },
			{ TAG_FEAT, w.feats.buf, w.feats.len },
			{ TAG_IDS, w.ids.buf, w.ids.len },
		};
		rc = binfile_write(path, magic, STATE_VERSION, sec, 4);
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

int
state_load(const char *path, struct stories *st, struct clock *c)
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

	c->t = TIME_PENDING;
	c->wall = false;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return 0; /* the first run */
		return warn("cannot load '%s':", path);
	}
	if (binfile_open(&bf, path, magic, STATE_VERSION, STATE_VERSION) != 0)
		return -1;
	pm = binfile_section(&bf, TAG_PARM, &psize);
	stories = binfile_section(&bf, TAG_STRY, &ssize);
	feats = binfile_section(&bf, TAG_FEAT, &fsize);
	ids = binfile_section(&bf, TAG_IDS, &isize);
	if (!pm || psize != sizeof *pm || !stories || !feats || !ids) {
		binfile_close(&bf);
		return corrupt(path, "not a news-cluster state (sections missing)");
	}
	if (pm->bom != BYTE_ORDER_MARK) {
		binfile_close(&bf);
		return corrupt(path, "written on a host of another byte order");
	}
	if (ssize % STORY_BYTES != 0 || ssize / STORY_BYTES != pm->nstories || fsize % FEATURE_BYTES != 0 ||
	    fsize / FEATURE_BYTES != pm->nfeatures || isize != pm->idbytes) {
		binfile_close(&bf);
		return corrupt(path, "corrupt (section sizes)");
	}
	if (pm->flags & 1) {
		c->t = pm->clock;
		c->wall = (pm->flags & 2) != 0;
	}
	for (i = 0; i < pm->nstories && rc == 0; i++) {
		const unsigned char *p = stories + i * STORY_BYTES;
		struct story_image im;
		uint64_t first, idoff, idlen, k;
		uint32_t nf;

		memcpy(&im.first, p, 8);
		memcpy(&im.last, p + 8, 8);
		memcpy(&im.size, p + 16, 4);
		memcpy(&nf, p + 20, 4);
		memcpy(&first, p + 24, 8);
		memcpy(&idoff, p + 32, 8);
		memcpy(&idlen, p + 40, 8);
		if (first > pm->nfeatures || nf > pm->nfeatures - first || idoff > isize || idlen > isize - idoff) {
			rc = corrupt(path, "corrupt (story out of bounds)");
			break;
		}
		if (nf > capf) {
			capf = nf;
			f = xreallocarray(f, capf, sizeof *f);
		}
		for (k = 0; k < nf; k++) {
			const unsigned char *q = feats + (first + k) * FEATURE_BYTES;
			memcpy(&f[k].key, q, 8);
			memcpy(&f[k].w, q + 8, 4);
		}
		im.f = f;
		im.nf = nf;
		im.id = ids + idoff;
		im.idlen = (size_t)idlen;
		if (stories_restore(st, &im) != 0)
			rc = corrupt(path, "corrupt (a story's centroid or id)");
	}
	free(f);
	binfile_close(&bf);
	return rc;
}
