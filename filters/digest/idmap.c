/*
 * idmap.c - 64-bit hashes to story slots: open addressing with linear
 * probing, deletion by backward shift (no tombstones), so lookups stay
 * short however many keys come and go.  Key 0 marks an empty cell; a hash
 * of 0 is stored as 1 (a collision a 64-bit hash makes negligible).
 */
#include "digest.h"

#include <stdlib.h>

#include "xalloc.h"

void
idmap_init(struct idmap *m)
{
	m->cap = 64;
	m->n = 0;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
}

void
idmap_release(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}

static uint64_t
fix(uint64_t key)
{
	return key ? key : 1;
}

static size_t
find(const struct idmap *m, uint64_t key)
{
	size_t i = (size_t)(key & (m->cap - 1));

	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void
grow(struct idmap *m)
{
	uint64_t *keys = m->keys;
	uint32_t *vals = m->vals;
	size_t cap = m->cap, i;

	m->cap *= 2;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	for (i = 0; i < cap; i++) {
		if (keys[i]) {
			size_t j = find(m, keys[i]);
			m->keys[j] = keys[i];
			m->vals[j] = vals[i];
		}
	}
	free(keys);
	free(vals);
}

void
idmap_put(struct idmap *m, uint64_t key, uint32_t val)
{
	size_t i;

	key = fix(key);
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	i = find(m, key);
	if (!m->keys[i])
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
}

bool
idmap_get(const struct idmap *m, uint64_t key, uint32_t *val)
{
	size_t i = find(m, fix(key));

	if (!m->keys[i])
		return false;
	*val = m->vals[i];
	return true;
}

void
idmap_del(struct idmap *m, uint64_t key)
{
	size_t i = find(m, fix(key)), j, home;

	if (!m->keys[i])
		return;
	m->keys[i] = 0;
	m->n--;
	/* Move back every key after the hole that could not be found past it. */
	for (j = (i + 1) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1)) {
		home = (size_t)(m->keys[j] & (m->cap - 1));
		if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
			m->keys[i] = m->keys[j];
			m->vals[i] = m->vals[j];
			m->keys[j] = 0;
			i = j;
		}
	}
}
