/*
 * lexicon.c - the per-language boilerplate lexicon of news-clean.
 *
 * The patterns are data (data/clean/LANG/boilerplate.txt, whose header
 * documents the format); this file only loads and matches them.  Lines
 * and patterns are compared in a folded form (lower case, punctuation as
 * spaces, symbols as words of their own) padded with one space on each
 * side, so every pattern matches at word boundaries only: "follow us"
 * never fires inside "unfollow usual".
 */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "datafile.h"
#include "err.h"
#include "hash.h"
#include "utf8.h"
#include "xalloc.h"

const char *const category_names[CAT_COUNT + 1] = {
	"ads", "social", "subscribe", "cookies", "comments", "related", "credits", "captions", "copyright",
	"bios", "navigation", "titles", "bylines", "dates", "lowcontent", NULL,
};

enum kind { K_EQUAL, K_PREFIX, K_CONTAINS, K_SUFFIX };

struct pattern {
	char *text;     /* folded and padded: " follow us " */
	size_t len;
	enum kind kind;
	int category;
	int max_words;  /* the line may have at most this many words */
	uint64_t first; /* hash of the pattern's first word */
	int next;       /* next pattern with the same first word, or -1 */
	uint64_t *hw;   /* the hashes of its words (symbols included), in order */
	size_t nw;
	int chain_max;  /* the most words a line may have for a pattern of its chain (from it on) to match after its start */
	int symbol;     /* one of its words is a symbol (© @ +) */
};

struct wordset {
	uint64_t *h;    /* open addressing over hash values; 0 = empty */
	size_t mask;
	int *val;
};

/*
 * Patterns are indexed by their first word, so matching a line costs one
 * lookup per word of the line instead of one comparison per pattern.
 */
struct lexicon {
	struct pattern *p;
	size_t np, cap;
	struct wordset stop, months;
	struct wordset address; /* words that address the reader (@address) */
	struct wordset first;  /* first-word hash -> 1 + index of its first pattern */
	uint64_t url[3];       /* the words http, https, www */
	/*
	 * Stop words and first words of patterns in one table, behind a
	 * bitmap of their hashes, so a word of the line costs one bit test
	 * (most words) or one probe.
	 */
	struct winfo { uint64_t h; int first; int stop; } *info;
	size_t info_mask;
	uint64_t filter[256];
};

/*
 * The hash of a folded word: its bytes taken as little-endian 64-bit
 * chunks, each full chunk that more bytes follow mixed into the state, the
 * last (zero-padded) chunk and the length mixed at the end.  A word of up
 * to 8 bytes is thus packed exactly with its length (no word byte is
 * below 0x30, so the length byte cannot be confused with a ninth byte)
 * and its hash, through a bijective mixer, is unique: no two stop words
 * or short pattern words collide.  scan_line_words() computes the same
 * value from whole 8-byte loads; whash_byte() a byte at a time.
 */
struct whash {
	uint64_t h, acc;
	size_t len;
};

static inline void
whash_start(struct whash *x)
{
	x->h = x->acc = 0;
	x->len = 0;
}

static inline void
whash_byte(struct whash *x, unsigned char c)
{
	if (x->len > 0 && (x->len & 7) == 0) { /* a full chunk, and more follows */
		x->h = hash_mix64(x->h ^ x->acc);
		x->acc = 0;
	}
	x->acc |= (uint64_t)c << (8 * (x->len & 7));
	x->len++;
}

static inline uint64_t
whash_final(uint64_t h, uint64_t acc, size_t len)
{
	/*
	 * Up to 8 bytes the packed bytes and length are the key itself (never
	 * 0: the top byte is the length, or a ninth-free 8th byte ^ 8); tables
	 * spread keys with spread().  Longer words go through the mixer.
	 */
	if (len <= 8)
		return acc ^ ((uint64_t)len << 56);
	h = hash_mix64(h ^ acc ^ ((uint64_t)len << 56));
	return h ? h : 1;
}

/* A key's table position bits: one multiply (Fibonacci hashing), high bits used. */
static inline uint64_t
spread(uint64_t h)
{
	return h * 0x9E3779B97F4A7C15ULL;
}

static inline uint64_t
whash_end(const struct whash *x)
{
	return whash_final(x->h, x->acc, x->len);
}

static uint64_t
word_hash(const char *w, size_t n)
{
	struct whash x;
	size_t i;

	whash_start(&x);
	for (i = 0; i < n; i++)
		whash_byte(&x, (unsigned char)w[i]);
	return whash_end(&x);
}

/* Byte classes of ASCII for folding. */
enum { B_SEP, B_LOWER, B_UPPER, B_DIGIT, B_SYMBOL, B_HIGH };

static const unsigned char ascii_class[128] = {
	['0'] = B_DIGIT, ['1'] = B_DIGIT, ['2'] = B_DIGIT, ['3'] = B_DIGIT, ['4'] = B_DIGIT,
	['5'] = B_DIGIT, ['6'] = B_DIGIT, ['7'] = B_DIGIT, ['8'] = B_DIGIT, ['9'] = B_DIGIT,
	['a'] = B_LOWER, ['b'] = B_LOWER, ['c'] = B_LOWER, ['d'] = B_LOWER, ['e'] = B_LOWER, ['f'] = B_LOWER,
	['g'] = B_LOWER, ['h'] = B_LOWER, ['i'] = B_LOWER, ['j'] = B_LOWER, ['k'] = B_LOWER, ['l'] = B_LOWER,
	['m'] = B_LOWER, ['n'] = B_LOWER, ['o'] = B_LOWER, ['p'] = B_LOWER, ['q'] = B_LOWER, ['r'] = B_LOWER,
	['s'] = B_LOWER, ['t'] = B_LOWER, ['u'] = B_LOWER, ['v'] = B_LOWER, ['w'] = B_LOWER, ['x'] = B_LOWER,
	['y'] = B_LOWER, ['z'] = B_LOWER,
	['A'] = B_UPPER, ['B'] = B_UPPER, ['C'] = B_UPPER, ['D'] = B_UPPER, ['E'] = B_UPPER, ['F'] = B_UPPER,
	['G'] = B_UPPER, ['H'] = B_UPPER, ['I'] = B_UPPER, ['J'] = B_UPPER, ['K'] = B_UPPER, ['L'] = B_UPPER,
	['M'] = B_UPPER, ['N'] = B_UPPER, ['O'] = B_UPPER, ['P'] = B_UPPER, ['Q'] = B_UPPER, ['R'] = B_UPPER,
	['S'] = B_UPPER, ['T'] = B_UPPER, ['U'] = B_UPPER, ['V'] = B_UPPER, ['W'] = B_UPPER, ['X'] = B_UPPER,
	['Y'] = B_UPPER, ['Z'] = B_UPPER,
	['@'] = B_SYMBOL, ['#'] = B_SYMBOL, ['$'] = B_SYMBOL, ['%'] = B_SYMBOL, ['&'] = B_SYMBOL,
	['+'] = B_SYMBOL, ['|'] = B_SYMBOL, ['*'] = B_SYMBOL,
};

/*
 * The folding state: the open word's hash is computed as its bytes are
 * written, so nothing is read twice.
 */
struct folder {
	char *o, *base;
	struct fwords *w;
	int open;
};

static void
word_open(struct folder *f, int upper, int digit, int symbol)
{
	struct fword *x;

	f->open = 1;
	if (!f->w)
		return;
	if (f->w->n == f->w->cap) {
		f->w->cap = f->w->cap ? 2 * f->w->cap : 64;
		f->w->v = xreallocarray(f->w->v, f->w->cap, sizeof *f->w->v);
	}
	x = &f->w->v[f->w->n++];
	x->start = (uint32_t)(f->o - f->base);
	x->upper = (unsigned char)upper;
	x->digit = (unsigned char)digit;
	x->symbol = (unsigned char)symbol;
}

/* Stop words are at most this many bytes, folded. */
#define STOP_MAX 12

/* Close the open word and hash it. */
static void
word_close(struct folder *f)
{
	if (f->open && f->w) {
		struct fword *x = &f->w->v[f->w->n - 1];
		x->len = (uint32_t)(f->o - f->base) - x->start;
		x->hash = word_hash(f->base + x->start, x->len);
	}
	f->open = 0;
}

static void
put_byte(struct folder *f, char c)
{
	*f->o++ = c;
}

static void
put_cp(struct folder *f, uint32_t cp)
{
	char b[4];
	size_t k, m = utf8_encode(cp, b);

	for (k = 0; k < m; k++)
		put_byte(f, b[k]);
}

void
fold_line_words(const char *s, size_t n, struct strbuf *out, struct fwords *w)
{
	size_t i = 0, chars = 0;
	struct folder f;

	/* At most 3 output bytes per input byte (a symbol gets two spaces), plus padding. */
	strbuf_reset(out);
	strbuf_grow(out, 3 * n + 8);
	f.base = out->buf;
	f.o = out->buf;
	f.w = w;
	f.open = 0;
	*f.o++ = ' ';
	if (w) {
		w->n = 0;
		w->glue = (size_t)-1;
	}
	while (i < n) {
		uint32_t cp;
		unsigned char c = (unsigned char)s[i];
		int cls;
		chars++;
		if (c < 0x80) {
			i++;
			cls = ascii_class[c];
			switch (cls) {
			case B_LOWER:
			case B_DIGIT:
				if (!f.open)
					word_open(&f, 0, cls == B_DIGIT, 0);
				put_byte(&f, (char)c);
				/* The rest of a lower-case run in a tight loop (most bytes of prose). */
				while (i < n && (unsigned char)s[i] < 0x80 &&
				       (ascii_class[(unsigned char)s[i]] == B_LOWER || ascii_class[(unsigned char)s[i]] == B_DIGIT)) {
					*f.o++ = s[i++];
					chars++;
				}
				break;
			case B_UPPER:
				if (!f.open)
					word_open(&f, 1, 0, 0);
				if (w && w->glue == (size_t)-1 && i >= 2 &&
				    ((s[i - 2] >= 'a' && s[i - 2] <= 'z') || (s[i - 2] >= '0' && s[i - 2] <= '9') ||
				     s[i - 2] == '?' || s[i - 2] == '!'))
					w->glue = i - 1;
				put_byte(&f, (char)(c + 32));
				break;
			case B_SYMBOL:
				if (f.open) {
					word_close(&f);
					*f.o++ = ' ';
				}
				word_open(&f, 0, 0, 1);
				put_byte(&f, (char)c);
				word_close(&f);
				*f.o++ = ' ';
				break;
			default:
				if (f.open) {
					word_close(&f);
					*f.o++ = ' ';
				}
			}
			continue;
		}
		cp = utf8_next(s, n, &i);
		if (uc_is_alpha(cp) || uc_is_digit(cp) || uc_is_mark(cp)) {
			if (!f.open)
				word_open(&f, uc_is_upper(cp), uc_is_digit(cp), 0);
			put_cp(&f, uc_tolower(cp));
		} else if (uc_is_symbol(cp)) {
			if (f.open) {
				word_close(&f);
				*f.o++ = ' ';
			}
			word_open(&f, 0, 0, 1);
			put_cp(&f, cp);
			word_close(&f);
			*f.o++ = ' ';
		} else if (f.open) {
			word_close(&f);
			*f.o++ = ' ';
		}
	}
	if (f.open) {
		word_close(&f);
		*f.o++ = ' ';
	}
	*f.o = '\0';
	out->len = (size_t)(f.o - out->buf);
	if (w)
		w->chars = chars;
}

void
fold_line(const char *s, size_t n, struct strbuf *out)
{
	fold_line_words(s, n, out, NULL);
}

/* ASCII letters and digits, lower-cased; 0 for every other byte. */
static const unsigned char ascii_fold[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7',
	['8'] = '8', ['9'] = '9',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h',
	['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p',
	['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
	['y'] = 'y', ['z'] = 'z',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h',
	['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p',
	['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
	['Y'] = 'y', ['Z'] = 'z',
};

static struct winfo *
info_slot(const struct lexicon *lx, uint64_t h)
{
	size_t k = (size_t)(spread(h) >> 20) & lx->info_mask;

	while (lx->info[k].h && lx->info[k].h != h)
		k = (k + 1) & lx->info_mask;
	return &lx->info[k];
}

/*
 * A word of the line is complete (its hash known): look it up among the
 * stop words and the patterns' first words (a bit test for most words,
 * one probe for the rest) and count it.
 */
static inline void
word_done(const struct lexicon *lx, struct fwords *w, struct fword *f)
{
	uint64_t h = f->hash, sp = spread(h);
	int first = -1, stop = 0;

	if (lx->filter[(sp >> 56) & 255] & ((uint64_t)1 << ((sp >> 50) & 63))) {
		const struct winfo *e = info_slot(lx, h);
		if (e->h) {
			stop = e->stop && f->len <= STOP_MAX;
			first = e->first;
		}
	}
	f->stop = (unsigned char)stop;
	f->first = first;
	if (first >= 0) {
		if (w->ncand == w->candcap) {
			w->candcap = w->candcap ? 2 * w->candcap : 16;
			w->cand = xreallocarray(w->cand, w->candcap, sizeof *w->cand);
		}
		w->cand[w->ncand++] = (uint32_t)(f - w->v);
		w->starts++;
	}
	w->stops += (size_t)(stop & !f->symbol);
}

static inline struct fword *
scan_open(struct fwords *w, uint32_t off, int upper, int digit, int symbol)
{
	struct fword *x;

	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
	}
	x = &w->v[w->n++];
	x->start = off;
	x->upper = (unsigned char)upper;
	x->digit = (unsigned char)digit;
	x->symbol = (unsigned char)symbol;
	if (!symbol) {
		w->words++;
		w->capwords += (size_t)upper;
		w->digits += (size_t)digit;
	}
	return x;
}

/* Close word x: its folded length and hash; returns where the next word starts. */
static uint32_t
scan_close(const struct lexicon *lx, struct fwords *w, struct fword *x, uint32_t off, const struct whash *hs)
{
	x->len = (uint32_t)hs->len;
	x->hash = whash_end(hs);
	word_done(lx, w, x);
	return off + x->len + 1; /* the word and a space */
}

static void
whash_cp(struct whash *hs, uint32_t cp)
{
	char b[4];
	size_t k, m = utf8_encode(cp, b);

	for (k = 0; k < m; k++)
		whash_byte(hs, (unsigned char)b[k]);
}

static int
word_cp(uint32_t cp)
{
	if (cp >= 0x2000 && cp <= 0x2043) /* general punctuation: no letter, digit, mark or symbol */
		return 0;
	return uc_is_alpha(cp) || uc_is_digit(cp) || uc_is_mark(cp);
}

/*
 * A word at s[i..n) (its first character is a letter, digit or mark) the
 * slow way, a character at a time; returns where it ends.
 */
static size_t
scan_word_slow(const struct lexicon *lx, const unsigned char *s, size_t n, size_t i, struct fwords *w, uint32_t *off, size_t *chars)
{
	struct whash hs;
	struct fword *x = NULL;

	whash_start(&hs);
	while (i < n) {
		unsigned char c = s[i];
		if (c < 0x80) {
			unsigned char f = ascii_fold[c];
			if (!f)
				break;
			if (!x)
				x = scan_open(w, *off, f != c, c <= '9', 0);
			if (f != c && w->glue == (size_t)-1 && i >= 1 &&
			    ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= '0' && s[i - 1] <= '9') ||
			     s[i - 1] == '?' || s[i - 1] == '!'))
				w->glue = i;
			whash_byte(&hs, f);
			i++;
		} else {
			size_t j = i;
			uint32_t cp = utf8_next((const char *)s, n, &j);
			if (!word_cp(cp))
				break;
			if (!clean_normal_cp(cp))
				w->abnormal = 1;
			if (!x)
				x = scan_open(w, *off, uc_is_upper(cp), uc_is_digit(cp), 0);
			whash_cp(&hs, uc_tolower(cp));
			i = j;
		}
		(*chars)++;
	}
	if (x)
		*off = scan_close(lx, w, x, *off, &hs);
	return i;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SCAN_SWAR 1
#define ONES ((uint64_t)0x0101010101010101ULL)

/* Bytes of x (all below 0x80) in lo..hi get their high bit set. */
static inline uint64_t
swar_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + ONES * (0x80 - lo)) & ~(x + ONES * (0x7F - hi)) & (ONES * 0x80);
}

/* Up to 8 bytes of s[i..n), zero-padded (a zero byte ends every run). */
static inline uint64_t
load8(const unsigned char *s, size_t n, size_t i)
{
	uint64_t x = 0;
	size_t k;

	if (n - i >= 8) {
		memcpy(&x, s + i, 8);
		return x;
	}
	for (k = 0; i + k < n; k++)
		x |= (uint64_t)s[i + k] << (8 * k);
	return x;
}

/*
 * An ASCII word at s[i..n) (s[i] is a letter or digit), eight bytes at a
 * time: a word is a run of ASCII letters and digits, folded by setting bit
 * 0x20 (which leaves digits alone).  Returns where it ends, or i when the
 * run ends in a non-ASCII byte (the word may go on: the slow path).
 */
static size_t
scan_word_fast(const struct lexicon *lx, const unsigned char *s, size_t n, size_t i, struct fwords *w, uint32_t *off, size_t *chars)
{
	uint64_t h = 0, acc = 0, carry = 0;
	size_t at = i, len = 0;

	/* A capital right after ? or ! glues a headline to its summary (see classify.c). */
	if (i > 0 && w->glue == (size_t)-1 && (s[i - 1] == '?' || s[i - 1] == '!'))
		carry = 0x80;
	for (;;) {
		uint64_t x = load8(s, n, at), hi = x & (ONES * 0x80), x7 = x & ~(ONES * 0x80), letters, digits, alnum,
			 runmask;
		unsigned run;
		/* Setting bit 0x20 maps A..Z, and nothing else, onto a..z. */
		letters = swar_range(x7 | (ONES * 0x20), 'a', 'z');
		digits = swar_range(x7, '0', '9');
		alnum = (letters | digits) & ~hi;
		run = alnum == ONES * 0x80 ? 8 : (unsigned)__builtin_ctzll(~alnum & (ONES * 0x80)) / 8;
		if (run < 8 && (hi >> (8 * run)) & 0x80)
			return i; /* a non-ASCII character follows: maybe a letter */
		if (run == 0)
			break;
		runmask = run == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * run)) - 1;
		if (w->glue == (size_t)-1) {
			uint64_t up = swar_range(x7, 'A', 'Z'), low = (letters & ~up) | digits;
			uint64_t g = up & ((low << 8) | carry) & runmask;
			if (g)
				w->glue = at + (size_t)__builtin_ctzll(g) / 8;
			carry = (low >> 56) & 0x80;
		}
		if (len > 0) /* a full chunk, and more follows */
			h = hash_mix64(h ^ acc);
		acc = (x | (ONES * 0x20)) & runmask;
		len += run;
		at += run;
		if (run < 8)
			break;
	}
	{
		struct fword *x = scan_open(w, *off, s[i] >= 'A' && s[i] <= 'Z', s[i] <= '9', 0);
		x->len = (uint32_t)len;
		x->hash = whash_final(h, acc, len);
		word_done(lx, w, x);
		*off += x->len + 1;
	}
	*chars += len;
	return at;
}
#endif

void
scan_line_words(const struct lexicon *lx, const char *str, size_t n, struct fwords *w)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, chars = 0;
	uint32_t off = 1; /* where the next word starts in the folded line */

	w->n = 0;
	w->words = w->capwords = w->digits = w->stops = w->starts = 0;
	w->abnormal = 0;
	w->marks = 0;
	w->ncand = 0;
	w->glue = (size_t)-1;
	while (i < n) {
		unsigned char c = s[i];
		if (c < 0x80) {
			if (ascii_fold[c]) {
				for (;;) {
					size_t e = i;
#ifdef SCAN_SWAR
					e = scan_word_fast(lx, s, n, i, w, &off, &chars);
#endif
					if (e == i) {
						i = scan_word_slow(lx, s, n, i, w, &off, &chars);
						break;
					}
					i = e;
					/* One space and the next word, the usual case: straight on (nothing to note). */
					if (i + 1 >= n || s[i] != ' ' || !ascii_fold[s[i + 1]])
						break;
					i++;
					chars++;
				}
				continue;
			}
			/* What clean_normalize() would change: controls, markup, spaces not between two characters. */
			if (c == ' ' ? i == 0 || i + 1 >= n || s[i + 1] == ' ' : c < 0x20 || c == 0x7F || c == '<' || c == '&')
				w->abnormal = 1;
			if (c == '|')
				w->marks |= 1;
			if (ascii_class[c] == B_SYMBOL) {
				struct whash hs;
				struct fword *x = scan_open(w, off, 0, 0, 1);
				whash_start(&hs);
				whash_byte(&hs, c);
				off = scan_close(lx, w, x, off, &hs);
			}
			i++;
			chars++;
		} else {
			size_t j = i;
			uint32_t cp = utf8_next(str, n, &j);
			if (!clean_normal_cp(cp))
				w->abnormal = 1;
			if (cp == 0xBB)
				w->marks |= 2;
			else if (cp == 0x203A)
				w->marks |= 4;
			if (word_cp(cp)) {
				i = scan_word_slow(lx, s, n, i, w, &off, &chars);
				continue;
			}
			if (uc_is_symbol(cp)) {
				struct whash hs;
				struct fword *x = scan_open(w, off, 0, 0, 1);
				whash_start(&hs);
				whash_cp(&hs, cp);
				off = scan_close(lx, w, x, off, &hs);
			}
			i = j;
			chars++;
		}
	}
	w->chars = chars;
}

static void
wordset_init(struct wordset *ws, size_t n)
{
	size_t cap = 16;

	while (cap < n * 2)
		cap <<= 1;
	ws->h = xcalloc(cap, sizeof *ws->h);
	ws->val = xcalloc(cap, sizeof *ws->val);
	ws->mask = cap - 1;
}

static void
wordset_add_hash(struct wordset *ws, uint64_t h, int val)
{
	size_t k = (size_t)(spread(h) >> 20) & ws->mask;

	while (ws->h[k] && ws->h[k] != h)
		k = (k + 1) & ws->mask;
	ws->h[k] = h;
	ws->val[k] = val;
}

static void
wordset_add(struct wordset *ws, const char *w, size_t n, int val)
{
	wordset_add_hash(ws, word_hash(w, n), val);
}

static int
wordset_get_hash(const struct wordset *ws, uint64_t h)
{
	size_t k = (size_t)(spread(h) >> 20) & ws->mask;

	while (ws->h[k]) {
		if (ws->h[k] == h)
			return ws->val[k];
		k = (k + 1) & ws->mask;
	}
	return 0;
}

/* The value stored for w, or 0 when w is not in the set. */
static int
wordset_get(const struct wordset *ws, const char *w, size_t n)
{
	return wordset_get_hash(ws, word_hash(w, n));
}

static void
wordset_release(struct wordset *ws)
{
	free(ws->h);
	free(ws->val);
}

/* Count the lines of a file that are neither blank nor comments. */
static size_t
count_entries(const char *buf)
{
	size_t n = 0;
	const char *p = buf;

	while (*p) {
		size_t l = strcspn(p, "\n");
		if (l > 0 && p[0] != '#')
			n++;
		p += l + (p[l] == '\n');
	}
	return n;
}

static char *
data_path(const char *dir, const char *lang, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	char *path;

	if (dir) {
		strbuf_addf(&sb, "%s/%s", dir, name);
		path = datafile_find(sb.buf, name);
	} else {
		strbuf_addf(&sb, "clean/%s/%s", lang, name);
		path = datafile_find(NULL, sb.buf);
	}
	strbuf_release(&sb);
	return path;
}

/* stopwords.txt: one word a line.  months.txt: "NAME NUMBER" a line. */
static void
load_words(struct wordset *ws, const char *path, int numbered)
{
	struct datafile_lines dl;
	struct strbuf fold = STRBUF_INIT;
	char *p;
	size_t l;

	datafile_lines_open(&dl, path);
	wordset_init(ws, count_entries(dl.buf) + 1);
	while ((p = datafile_lines_next(&dl, &l)) != NULL) {
		int val = 1;
		size_t wl = strcspn(p, " \t");
		if (l == 0 || p[0] == '#')
			continue;
		if (numbered) {
			char *end;
			long v = strtol(p + wl, &end, 10);
			if (end == p + wl || v < 0 || v > 12)
				die("%s:%lu: want 'NAME MONTH-NUMBER'", path, dl.lineno);
			val = (int)v + 1; /* 0 is "not in the set" */
		}
		fold_line(p, wl, &fold);
		/* The folded word without its padding. */
		if (fold.len > 2 + STOP_MAX && !numbered)
			die("%s:%lu: stop words are at most %d bytes", path, dl.lineno, STOP_MAX);
		if (fold.len > 2)
			wordset_add(ws, fold.buf + 1, fold.len - 2, val);
	}
	strbuf_release(&fold);
	datafile_lines_close(&dl);
}

static void
load_patterns(struct lexicon *lx, const char *path)
{
	struct datafile_lines dl;
	struct strbuf fold = STRBUF_INIT;
	struct fwords words;
	char *line;
	size_t l;
	int max_words = 25;

	memset(&words, 0, sizeof words);
	wordset_init(&lx->address, 16);
	datafile_lines_open(&dl, path);
	while ((line = datafile_lines_next(&dl, &l)) != NULL) {
		unsigned long lineno = dl.lineno;
		size_t k;
		if (l == 0 || line[0] == '#')
			continue;
		if (strncmp(line, "@address", 8) == 0 && (line[8] == ' ' || line[8] == '\t')) {
			const char *w = line + 8;
			for (;;) {
				size_t n;
				w += strspn(w, " \t");
				n = strcspn(w, " \t");
				if (n == 0)
					break;
				fold_line(w, n, &fold);
				if (fold.len > 2)
					wordset_add(&lx->address, fold.buf + 1, fold.len - 2, 1);
				w += n;
			}
			continue;
		}
		if (strncmp(line, "@max-words", 10) == 0) {
			char *end;
			long v = strtol(line + 10, &end, 10);
			if (end == line + 10 || v < 1 || v > 1000)
				die("%s:%lu: want '@max-words N'", path, lineno);
			max_words = (int)v;
			continue;
		}
		{
			size_t cl = strcspn(line, " \t");
			char *rest = line + cl;
			struct pattern pt;
			int cat = -1;
			for (k = 0; category_names[k]; k++)
				if (strlen(category_names[k]) == cl && strncmp(category_names[k], line, cl) == 0)
					cat = (int)k;
			if (cat < 0)
				die("%s:%lu: unknown category '%.*s'", path, lineno, (int)cl, line);
			rest += strspn(rest, " \t");
			switch (*rest) {
			case '=': pt.kind = K_EQUAL; break;
			case '^': pt.kind = K_PREFIX; break;
			case '~': pt.kind = K_CONTAINS; break;
			case '$': pt.kind = K_SUFFIX; break;
			default: die("%s:%lu: want 'CATEGORY =|^|~|$ PATTERN'", path, lineno);
			}
			rest++;
			fold_line_words(rest, strlen(rest), &fold, &words);
			if (fold.len < 3)
				die("%s:%lu: empty pattern", path, lineno);
			pt.nw = words.n;
			pt.hw = xcalloc(words.n, sizeof *pt.hw);
			pt.symbol = 0;
			for (k = 0; k < words.n; k++) {
				pt.hw[k] = words.v[k].hash;
				pt.symbol |= words.v[k].symbol;
			}
			pt.text = xstrndup(fold.buf, fold.len);
			pt.len = fold.len;
			pt.first = word_hash(fold.buf + 1, strcspn(fold.buf + 1, " "));
			pt.next = -1;
			pt.category = cat;
			pt.max_words = max_words;
			if (lx->np == lx->cap) {
				lx->cap = lx->cap ? 2 * lx->cap : 64;
				lx->p = xreallocarray(lx->p, lx->cap, sizeof *lx->p);
			}
			lx->p[lx->np++] = pt;
		}
	}
	strbuf_release(&fold);
	free(words.v);
	free(words.cand);
	datafile_lines_close(&dl);
}

static void
info_add(struct lexicon *lx, uint64_t h, int first, int stop)
{
	struct winfo *e = info_slot(lx, h);

	if (!e->h) {
		e->h = h;
		e->first = -1;
	}
	if (first >= 0)
		e->first = first;
	if (stop)
		e->stop = 1;
	lx->filter[(spread(h) >> 56) & 255] |= (uint64_t)1 << ((spread(h) >> 50) & 63);
}

/* The stop and first-word table, from the two word sets. */
static void
info_build(struct lexicon *lx)
{
	size_t k, cap = 64, n = 0;

	/* Half full at most, and small enough to stay in the first-level cache. */
	for (k = 0; k <= lx->stop.mask; k++)
		n += lx->stop.h[k] != 0;
	for (k = 0; k <= lx->first.mask; k++)
		n += lx->first.h[k] != 0;
	while (cap < 2 * n)
		cap <<= 1;
	lx->info = xcalloc(cap, sizeof *lx->info);
	lx->info_mask = cap - 1;
	for (k = 0; k <= lx->stop.mask; k++)
		if (lx->stop.h[k])
			info_add(lx, lx->stop.h[k], -1, 1);
	for (k = 0; k <= lx->first.mask; k++)
		if (lx->first.h[k])
			info_add(lx, lx->first.h[k], lx->first.val[k] - 1, 0);
}

struct lexicon *
lexicon_load(const char *lang, const char *dir)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	char *path;

	path = data_path(dir, lang, "boilerplate.txt");
	load_patterns(lx, path);
	free(path);
	/* The first-word index; chains keep file order. */
	{
		size_t k;
		wordset_init(&lx->first, lx->np + 1);
		for (k = lx->np; k-- > 0;) {
			const struct pattern *pt = &lx->p[k];
			int head = wordset_get_hash(&lx->first, pt->first);
			lx->p[k].next = head - 1;
			lx->p[k].chain_max = pt->kind == K_EQUAL || pt->kind == K_PREFIX ? -1 : pt->max_words;
			if (head > 0 && lx->p[head - 1].chain_max > lx->p[k].chain_max)
				lx->p[k].chain_max = lx->p[head - 1].chain_max;
			wordset_add_hash(&lx->first, pt->first, (int)k + 1);
		}
	}
	lx->url[0] = word_hash("http", 4);
	lx->url[1] = word_hash("https", 5);
	lx->url[2] = word_hash("www", 3);
	path = data_path(dir, lang, "stopwords.txt");
	load_words(&lx->stop, path, 0);
	free(path);
	path = data_path(dir, lang, "months.txt");
	load_words(&lx->months, path, 1);
	free(path);
	info_build(lx);
	return lx;
}

void
lexicon_free(struct lexicon *lx)
{
	size_t k;

	if (!lx)
		return;
	for (k = 0; k < lx->np; k++) {
		free(lx->p[k].text);
		free(lx->p[k].hw);
	}
	free(lx->p);
	wordset_release(&lx->stop);
	wordset_release(&lx->months);
	wordset_release(&lx->address);
	wordset_release(&lx->first);
	free(lx->info);
	free(lx);
}

/* Does pattern pt match the folded line at offset i (the start of a word)? */
static int
pattern_hits(const struct pattern *pt, const char *folded, size_t len, size_t i, int nwords)
{
	const char *at = folded + i - 1; /* the space before the word */
	size_t room = len - (i - 1);

	if (pt->len > room)
		return 0;
	switch (pt->kind) {
	case K_EQUAL:
		return i == 1 && pt->len == len && memcmp(pt->text, folded, len) == 0;
	case K_PREFIX:
		return i == 1 && nwords <= pt->max_words && memcmp(pt->text, folded, pt->len) == 0;
	case K_SUFFIX:
		return nwords <= pt->max_words && pt->len == room && memcmp(pt->text, at, pt->len) == 0;
	case K_CONTAINS:
		return nwords <= pt->max_words && memcmp(pt->text, at, pt->len) == 0;
	}
	return 0;
}

/* The patterns starting with word k of the line (at folded offset i), best = lowest index so far. */
static long
match_at(const struct lexicon *lx, const char *folded, size_t len, size_t i, uint64_t hash, int nwords, long best)
{
	int k = wordset_get_hash(&lx->first, hash) - 1;

	for (; k >= 0 && (best < 0 || k < best); k = lx->p[k].next)
		if (pattern_hits(&lx->p[k], folded, len, i, nwords))
			best = k;
	return best;
}

int
lexicon_match(const struct lexicon *lx, const char *folded, size_t len, int nwords, const char **pattern)
{
	size_t i = 1;
	long best = -1;

	/* Each word of the line: the patterns that start with it, at this position. */
	while (i < len) {
		const char *sp = memchr(folded + i, ' ', len - i);
		size_t e = sp ? (size_t)(sp - folded) : len;
		if (e > i)
			best = match_at(lx, folded, len, i, word_hash(folded + i, e - i), nwords, best);
		i = e + 1;
	}
	if (best < 0)
		return -1;
	if (pattern)
		*pattern = lx->p[best].text;
	return lx->p[best].category;
}

int
lexicon_match_words(const struct lexicon *lx, const char *folded, size_t len, const struct fwords *w, int nwords,
		    const char **pattern)
{
	size_t k;
	long best = -1;

	for (k = 0; k < w->n; k++) {
		const struct fword *f = &w->v[k];
		best = match_at(lx, folded, len, f->start, f->hash, nwords, best);
	}
	if (best < 0)
		return -1;
	if (pattern)
		*pattern = lx->p[best].text;
	return lx->p[best].category;
}

int
lexicon_may_match(const struct lexicon *lx, const struct fwords *w, int nwords)
{
	size_t c, j;

	for (c = 0; c < w->ncand; c++) {
		size_t k = w->cand[c];
		int i = w->v[k].first;
		/* After the line's first word only ~ and $ patterns can match, on lines short enough. */
		if (i < 0 || (k > 0 && nwords > lx->p[i].chain_max))
			continue;
		for (; i >= 0; i = lx->p[i].next) {
			const struct pattern *pt = &lx->p[i];
			if (k + pt->nw > w->n)
				continue;
			switch (pt->kind) {
			case K_EQUAL:
				if (k != 0 || pt->nw != w->n)
					continue;
				break;
			case K_PREFIX:
				if (k != 0 || nwords > pt->max_words)
					continue;
				break;
			case K_SUFFIX:
				if (k + pt->nw != w->n || nwords > pt->max_words)
					continue;
				break;
			case K_CONTAINS:
				if (nwords > pt->max_words)
					continue;
				break;
			}
			for (j = 1; j < pt->nw && pt->hw[j] == w->v[k + j].hash; j++)
				;
			if (j == pt->nw)
				return 1;
		}
	}
	return 0;
}

int
lexicon_url_word(const struct lexicon *lx, const struct fwords *w)
{
	size_t k;

	for (k = 0; k < w->n; k++)
		if (w->v[k].hash == lx->url[0] || w->v[k].hash == lx->url[1] || w->v[k].hash == lx->url[2])
			return 1;
	return 0;
}

int
lexicon_is_stopword(const struct lexicon *lx, const char *w, size_t n)
{
	return wordset_get(&lx->stop, w, n) != 0;
}

int
lexicon_month(const struct lexicon *lx, const char *w, size_t n, int *month)
{
	int v = wordset_get(&lx->months, w, n) - 1;

	if (v >= 1)
		*month = v;
	return v >= 1;
}

int
lexicon_date_word(const struct lexicon *lx, const char *w, size_t n)
{
	return wordset_get(&lx->months, w, n) != 0;
}

int
lexicon_coverage(const struct lexicon *lx, const char *folded, size_t len, const struct fwords *w, int nwords,
		 int *strong)
{
	unsigned char covered[128];
	size_t k, j, n = w->n < sizeof covered ? w->n : sizeof covered;
	int count = 0;

	*strong = 0;
	memset(covered, 0, sizeof covered);
	for (k = 0; k < n; k++) {
		int i = wordset_get_hash(&lx->first, w->v[k].hash) - 1;
		for (; i >= 0; i = lx->p[i].next) {
			const struct pattern *pt = &lx->p[i];
			if (!pattern_hits(pt, folded, len, w->v[k].start, nwords))
				continue;
			*strong |= pt->kind == K_EQUAL || pt->symbol;
			for (j = k; j < k + pt->nw && j < n; j++)
				covered[j] = 1;
		}
	}
	for (k = 0; k < n; k++)
		count += covered[k] && !w->v[k].symbol;
	return count;
}

int
lexicon_addresses(const struct lexicon *lx, const struct fwords *w, const char *folded)
{
	size_t k;

	for (k = 0; k < w->n; k++)
		if (wordset_get(&lx->address, folded + w->v[k].start, w->v[k].len))
			return 1;
	return 0;
}
