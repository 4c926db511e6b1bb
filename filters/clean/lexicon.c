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
};

struct wordset {
	uint64_t *h;    /* open addressing over hash values; 0 = empty */
	size_t mask;
	int *val;
};

struct lexicon {
	struct pattern *p;
	size_t np, cap;
	struct wordset stop, months;
};

void
fold_line(const char *s, size_t n, struct strbuf *out)
{
	size_t i = 0;
	int space = 1;

	strbuf_reset(out);
	strbuf_addch(out, ' ');
	while (i < n) {
		uint32_t cp;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				strbuf_addch(out, (char)c);
				space = 0;
			} else if (c >= 'A' && c <= 'Z') {
				strbuf_addch(out, (char)(c + 32));
				space = 0;
			} else if (c == '@' || c == '#' || c == '$' || c == '%' || c == '&' || c == '+' || c == '|' ||
				   c == '*') {
				if (!space)
					strbuf_addch(out, ' ');
				strbuf_addch(out, (char)c);
				strbuf_addch(out, ' ');
				space = 1;
			} else if (!space) {
				strbuf_addch(out, ' ');
				space = 1;
			}
			continue;
		}
		cp = utf8_next(s, n, &i);
		if (uc_is_alpha(cp) || uc_is_digit(cp) || uc_is_mark(cp)) {
			strbuf_add_cp(out, uc_tolower(cp));
			space = 0;
		} else if (uc_is_symbol(cp)) {
			if (!space)
				strbuf_addch(out, ' ');
			strbuf_add_cp(out, cp);
			strbuf_addch(out, ' ');
			space = 1;
		} else if (!space) {
			strbuf_addch(out, ' ');
			space = 1;
		}
	}
	if (!space)
		strbuf_addch(out, ' ');
	if (out->len == 1) /* an empty line folds to " " */
		return;
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

static uint64_t
word_hash(const char *w, size_t n)
{
	uint64_t h = hash64(w, n, 0x636c65616eULL);
	return h ? h : 1;
}

static void
wordset_add(struct wordset *ws, const char *w, size_t n, int val)
{
	uint64_t h = word_hash(w, n);
	size_t k = (size_t)h & ws->mask;

	while (ws->h[k] && ws->h[k] != h)
		k = (k + 1) & ws->mask;
	ws->h[k] = h;
	ws->val[k] = val;
}

/* The value stored for w, or 0 when w is not in the set. */
static int
wordset_get(const struct wordset *ws, const char *w, size_t n)
{
	uint64_t h = word_hash(w, n);
	size_t k = (size_t)h & ws->mask;

	while (ws->h[k]) {
		if (ws->h[k] == h)
			return ws->val[k];
		k = (k + 1) & ws->mask;
	}
	return 0;
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
	size_t len;
	char *buf = datafile_slurp(path, &len), *p = buf;
	struct strbuf fold = STRBUF_INIT;
	unsigned long lineno = 0;

	wordset_init(ws, count_entries(buf) + 1);
	while (*p) {
		size_t l = strcspn(p, "\n");
		lineno++;
		if (l > 0 && p[0] != '#') {
			int val = 1;
			size_t wl = strcspn(p, " \t\n");
			if (wl > l)
				wl = l;
			if (numbered) {
				char *end;
				long v = strtol(p + wl, &end, 10);
				if (end == p + wl || v < 1 || v > 12)
					die("%s:%lu: want 'NAME MONTH-NUMBER'", path, lineno);
				val = (int)v;
			}
			fold_line(p, wl, &fold);
			/* The folded word without its padding. */
			if (fold.len > 2)
				wordset_add(ws, fold.buf + 1, fold.len - 2, val);
		}
		p += l + (p[l] == '\n');
	}
	strbuf_release(&fold);
	free(buf);
}

static void
load_patterns(struct lexicon *lx, const char *path)
{
	size_t len;
	char *buf = datafile_slurp(path, &len), *p = buf;
	struct strbuf fold = STRBUF_INIT;
	unsigned long lineno = 0;
	int max_words = 25;

	while (*p) {
		size_t l = strcspn(p, "\n"), k;
		char *line = p;
		lineno++;
		p += l + (p[l] == '\n');
		if (l == 0 || line[0] == '#')
			continue;
		line[l] = '\0';
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
			fold_line(rest, strlen(rest), &fold);
			if (fold.len < 3)
				die("%s:%lu: empty pattern", path, lineno);
			pt.text = xstrndup(fold.buf, fold.len);
			pt.len = fold.len;
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
	free(buf);
}

struct lexicon *
lexicon_load(const char *lang, const char *dir)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	char *path;

	path = data_path(dir, lang, "boilerplate.txt");
	load_patterns(lx, path);
	free(path);
	path = data_path(dir, lang, "stopwords.txt");
	load_words(&lx->stop, path, 0);
	free(path);
	path = data_path(dir, lang, "months.txt");
	load_words(&lx->months, path, 1);
	free(path);
	return lx;
}

void
lexicon_free(struct lexicon *lx)
{
	size_t k;

	if (!lx)
		return;
	for (k = 0; k < lx->np; k++)
		free(lx->p[k].text);
	free(lx->p);
	wordset_release(&lx->stop);
	wordset_release(&lx->months);
	free(lx);
}

int
lexicon_match(const struct lexicon *lx, const char *folded, size_t len, int nwords, const char **pattern)
{
	size_t k;

	for (k = 0; k < lx->np; k++) {
		const struct pattern *pt = &lx->p[k];
		int hit = 0;
		if (pt->len > len)
			continue;
		switch (pt->kind) {
		case K_EQUAL:
			hit = pt->len == len && memcmp(pt->text, folded, len) == 0;
			break;
		case K_PREFIX:
			hit = nwords <= pt->max_words && memcmp(pt->text, folded, pt->len) == 0;
			break;
		case K_SUFFIX:
			hit = nwords <= pt->max_words && memcmp(pt->text, folded + len - pt->len, pt->len) == 0;
			break;
		case K_CONTAINS:
			hit = nwords <= pt->max_words && strstr(folded, pt->text) != NULL;
			break;
		}
		if (hit) {
			if (pattern)
				*pattern = pt->text;
			return pt->category;
		}
	}
	return -1;
}

int
lexicon_is_stopword(const struct lexicon *lx, const char *w, size_t n)
{
	return wordset_get(&lx->stop, w, n) != 0;
}

int
lexicon_month(const struct lexicon *lx, const char *w, size_t n, int *month)
{
	int v = wordset_get(&lx->months, w, n);

	if (v)
		*month = v;
	return v != 0;
}
