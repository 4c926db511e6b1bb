/*
 * hash.h - fast 64-bit hashing for ids, feature hashing and shingles.
 *
 * Not cryptographic.  The values are part of stored files (dedupe state,
 * models, record ids), so the function must never change: it is fixed by
 * the unit tests.
 */
#ifndef NEWSPIPE_HASH_H
#define NEWSPIPE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* Hash n bytes with a seed; same input, same value on every platform. */
uint64_t hash64(const void *data, size_t n, uint64_t seed);

/* Finalise / mix one 64-bit value (a bijection; good for combining). */
static inline uint64_t
hash_mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

#endif
