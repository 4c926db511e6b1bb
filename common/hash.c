/* hash.c - a fixed 64-bit hash; see hash.h. */
#include "hash.h"

#include <string.h>

static inline uint64_t
rotl64(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* Little-endian load, whatever the host's byte order. */
static inline uint64_t
load64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
	       (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

uint64_t
hash64(const void *data, size_t n, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = seed ^ ((uint64_t)n * 0x9e3779b97f4a7c15ULL);
	uint64_t k;
	size_t i;

	for (; n >= 8; n -= 8, p += 8) {
		k = hash_mix64(load64(p));
		h = rotl64(h ^ k, 27) * 5 + 0x52dce729;
	}
	k = 0;
	for (i = 0; i < n; i++)
		k |= (uint64_t)p[i] << (8 * i);
	h ^= hash_mix64(k ^ 0x27d4eb2f165667c5ULL);
	return hash_mix64(h);
}
