/*
 * sketch.c - normalized text, shingles, one-permutation MinHash with
 * densification, LSH band keys and similarity estimates; see dedupe.h.
 *
 * Why one-permutation hashing: classic MinHash hashes every shingle K
 * times; OPH hashes it once and keeps the minimum per bin, K times less
 * work for the same estimator (Li, Owen & Zhang 2012), and the
 * densification of Shrivastava (2017) fills the empty bins of short
 * texts so that two texts borrow from the same bins.
 *
 * Why character shingles of the letter stream: OCR noise splits words
 * ("th e"), joins them ("tocarry") and changes letters; a word 3-gram
 * is lost by any change to three words, a character n-gram of the text
 * with its spaces removed only by a change inside its n letters.
 */
#include <string.h>

#include <utf8proc.h>

#include "dedupe.h"
#include "hash.h"
#include "utf8.h"

#define ROLL_P 0x100000001b3ULL
#define EMPTY_BIN 0xffffffffu

void
sketcher_init(struct sketcher *sk, const struct sketch_params *p)
{
	struct strbuf empty = STRBUF_INIT;

	sk->p = *p;
	sk->norm = empty;
}

void
sketcher_release(struct sketcher *sk)
{
	strbuf_release(&sk->norm);
}

/* Append the normalized form of one non-ASCII code point. */
static void
norm_cp(struct strbuf *out, uint32_t cp)
{
	utf8proc_int32_t d[16];
	int bc = 0;
	utf8proc_ssize_t n, i;

	n = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 16,
				    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
					    UTF8PROC_IGNORE,
				    &bc);
	if (n < 0 || n > 16)
		return;
	for (i = 0; i < n; i++) {
		uint32_t c = (uint32_t)d[i];
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				strbuf_addch(out, (int)(c | 0x20));
			else if (c >= '0' && c <= '9')
				strbuf_addch(out, (int)c);
		} else if (uc_is_alpha(c) || uc_is_digit(c)) {
			strbuf_add_cp(out, c);
		}
	}
}

/*
 * The letter stream: letters and digits only, case folded, compatibility
 * forms and marks removed; word separators are dropped (see above).
 */
/* ASCII letters folded to lower case, digits kept, the rest 0 (dropped). */
static const unsigned char ascii_fold[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
};

static void
normalize(struct strbuf *out, const char *s, size_t len)
{
	size_t i = 0;

	strbuf_reset(out);
	strbuf_grow(out, len);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			/* The common case, without utf8proc or branches: write
			 * the folded byte, keep it if it is not 0. */
			char *o = out->buf;
			size_t n = out->len;
			do {
				unsigned char f = ascii_fold[c];
				o[n] = (char)f;
				n += f != 0;
				if (++i == len)
					break;
				c = (unsigned char)s[i];
			} while (c < 0x80);
			out->len = n;
			continue;
		}
		norm_cp(out, utf8_next(s, len, &i));
		strbuf_grow(out, len - i + 16);
	}
	out->buf[out->len] = '\0';
}

/* A 64-bit value loaded from little-endian bytes, on any host. */
static uint64_t
le64(uint64_t v)
{
	const unsigned char *p = (const unsigned char *)&v;

	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
	       (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

void
sketch_text(struct sketcher *sk, const char *text, size_t len, struct sketch *out)
{
	uint32_t val[SK_BINS];
	const unsigned char *b;
	size_t n, g = sk->p.gram, i, k;
	uint64_t h = 0, pw = 1;

	normalize(&sk->norm, text, len);
	b = (const unsigned char *)sk->norm.buf;
	n = sk->norm.len;
	memset(out, 0, sizeof *out);
	out->exact = (uint32_t)(hash64(b, n, 0x6e657773ULL) >> 32);
	if (n == 0)
		return;
	for (k = 0; k < SK_BINS; k++)
		val[k] = EMPTY_BIN;
	if (n < g)
		g = n;
	for (i = 0; i < g; i++) {
		h = h * ROLL_P + b[i];
		if (i > 0)
			pw *= ROLL_P;
	}
	pw *= ROLL_P;
	for (i = 0;; i++) {
		uint64_t m = hash_mix64(h);
		unsigned bin = (unsigned)(m >> 58);
		uint32_t v = (uint32_t)m;
		if (v < val[bin])
			val[bin] = v;
		if (i + g >= n)
			break;
		/* (h - b[i] P^(g-1)) P + b[i+g], modulo 2^64, with one
		 * multiplication on the chain from one h to the next. */
		h = h * ROLL_P + (b[i + g] - b[i] * pw);
	}
	out->nshingles = (uint32_t)(n - g + 1);
	for (k = 0; k < SK_BINS; k++) {
		uint32_t v = val[k];
		unsigned a;
		/* Densify: an empty bin takes the value of a bin chosen by a
		 * fixed sequence of its own, the same for every text. */
		for (a = 1; v == EMPTY_BIN && a < 4 * SK_BINS; a++) {
			unsigned j = (unsigned)(hash_mix64(((uint64_t)k << 32) + a) % SK_BINS);
			v = val[j];
		}
		out->sig[k] = (uint16_t)(hash_mix64(((uint64_t)k << 32) | v) >> (64 - SK_BITS));
	}
}

static uint32_t
band_key(uint64_t v, unsigned b)
{
	uint32_t key = (uint32_t)(hash_mix64(v + (uint64_t)(b + 1) * 0x9e3779b97f4a7c15ULL) >> 32);

	return key ? key : 1;
}

uint32_t
sketch_band_key(const struct sketch_params *p, const uint16_t *sig, unsigned b)
{
	uint64_t v = 0;
	unsigned r;

	for (r = 0; r < p->rows; r++)
		v = v << 16 | sig[b * p->rows + r];
	return band_key(v, b);
}

/* Bin i of a packed sketch. */
static uint16_t
packed_bin(const unsigned char *p, unsigned i)
{
	const unsigned char *g = p + (i / 2) * 3;

	return i % 2 == 0 ? (uint16_t)(g[0] | (g[1] & 0x0f) << 8) : (uint16_t)(g[1] >> 4 | g[2] << 4);
}

uint32_t
sketch_band_key_packed(const struct sketch_params *p, const unsigned char *packed, unsigned b)
{
	uint64_t v = 0;
	unsigned r;

	for (r = 0; r < p->rows; r++)
		v = v << 16 | packed_bin(packed, b * p->rows + r);
	return band_key(v, b);
}

bool
sketch_band_equal_packed(const struct sketch_params *p, const unsigned char *a, const unsigned char *b,
			 unsigned band)
{
	unsigned r, first = band * p->rows;

	if (p->rows % 2 == 0) {
		/* An even number of bins from an even one: whole 3-byte groups. */
		size_t off = (size_t)first / 2 * 3, n = (size_t)p->rows / 2 * 3;
		return memcmp(a + off, b + off, n) == 0;
	}
	for (r = 0; r < p->rows; r++)
		if (packed_bin(a, first + r) != packed_bin(b, first + r))
			return false;
	return true;
}

void
sketch_pack(const uint16_t *sig, unsigned char *out)
{
	unsigned k;

	for (k = 0; k < SK_BINS; k += 2, out += 3) {
		out[0] = (unsigned char)(sig[k] & 0xff);
		out[1] = (unsigned char)((sig[k] >> 8 & 0x0f) | (sig[k + 1] & 0x0f) << 4);
		out[2] = (unsigned char)(sig[k + 1] >> 4 & 0xff);
	}
}

void
sketch_unpack(const unsigned char *packed, uint16_t *sig)
{
	unsigned k;

	for (k = 0; k < SK_BINS; k++)
		sig[k] = packed_bin(packed, k);
}


/* The similarity from the number of equal bins; see sketch_similarity(). */
static double
estimate(unsigned same, uint32_t na, uint32_t nb, uint32_t min_contained)
{
	double j, small, c;

	/* Two different SK_BITS-bit values agree by chance once in 4096. */
	j = ((double)same / SK_BINS - 1.0 / (1 << SK_BITS)) / (1.0 - 1.0 / (1 << SK_BITS));
	if (j < 0)
		j = 0;
	if (j > 0.999)
		j = 0.999; /* not exactly equal: never 1.0 */
	small = na < nb ? na : nb;
	if (small < min_contained)
		return j;
	/* |A n B| = J (|A| + |B|) / (1 + J); containment of the smaller. */
	c = j * ((double)na + (double)nb) / (1.0 + j) / small;
	if (c > 0.999)
		c = 0.999;
	return c > j ? c : j;
}

double
sketch_similarity(const uint16_t *a, uint32_t na, uint32_t ea, const uint16_t *b, uint32_t nb, uint32_t eb,
		  uint32_t min_contained)
{
	unsigned k, same = 0;

	if (na == 0 || nb == 0)
		return 0.0;
	if (ea == eb && na == nb)
		return 1.0;
	/* Count equal 16-bit lanes four at a time: a lane of x = a ^ b is
	 * zero when adding 0x7fff to its low 15 bits does not carry into
	 * bit 15 and bit 15 itself is clear. */
	for (k = 0; k < SK_BINS; k += 4) {
		uint64_t x, y, lo = 0x7fff7fff7fff7fffULL;
		uint64_t wa, wb;
		memcpy(&wa, a + k, 8);
		memcpy(&wb, b + k, 8);
		x = wa ^ wb;
		y = ~(((x & lo) + lo) | x | lo);
		same += (unsigned)(((y >> 15) * 0x0001000100010001ULL) >> 48);
	}
	return estimate(same, na, nb, min_contained);
}

/*
 * Whether estimate(same, ...) is certainly below floor: a bound without
 * divisions (J <= same/K * 4096/4095, containment <= J (na + nb) / small),
 * with a margin for rounding, so that it never rejects what estimate()
 * would put at or above floor.
 */
static bool
below(unsigned same, uint32_t na, uint32_t nb, uint32_t min_contained, double floor)
{
	double jb = (double)same / SK_BINS * (1.001 * (1 << SK_BITS) / ((1 << SK_BITS) - 1));
	uint32_t small = na < nb ? na : nb;

	if (jb >= floor)
		return false;
	return small < min_contained || jb * ((double)na + (double)nb) < floor * (double)small;
}

double
sketch_similarity_packed(const unsigned char *a, uint32_t na, uint32_t ea, const unsigned char *b, uint32_t nb,
			 uint32_t eb, uint32_t min_contained, double floor)
{
	unsigned k, same = 0;

	if (na == 0 || nb == 0)
		return 0.0;
	if (ea == eb && na == nb)
		return 1.0;
	/* Four 12-bit bins in each 6 bytes, compared as in sketch_similarity(). */
	for (k = 0; k < SK_PACKED; k += 6) {
		uint64_t x, y, wa = 0, wb = 0, lo = 0x7ff7ff7ff7ffULL;
		/* Little-endian loads of 6 bytes (8 where the sketch goes on). */
		if (k + 8 <= SK_PACKED) {
			memcpy(&wa, a + k, 8);
			memcpy(&wb, b + k, 8);
			wa = le64(wa);
			wb = le64(wb);
		} else {
			unsigned i;
			for (i = 0; i < 6; i++) {
				wa |= (uint64_t)a[k + i] << (8 * i);
				wb |= (uint64_t)b[k + i] << (8 * i);
			}
		}
		x = (wa ^ wb) & 0xffffffffffffULL;
		y = ~(((x & lo) + lo) | x | lo) & 0x800800800800ULL;
		same += (unsigned)((((y >> 11) * 0x001001001001ULL) >> 36) & 0xf);
	}
	if (below(same, na, nb, min_contained, floor))
		return 0.0;
	return estimate(same, na, nb, min_contained);
}
