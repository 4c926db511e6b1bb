/*
 * lexicon.c - the word lists of news-extract-quotes.
 *
 * Open-class words (cue verbs, speaker nouns, first names) come from the
 * data files; the closed class of function words (pronouns, determiners,
 * prepositions, auxiliaries) is grammar and is fixed here.  Every word
 * is looked up by the hash of its lower-case form in one open-addressing
 * table, which grows to stay at most half full.
 */
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "err.h"
#include "hash.h"
#include "quotes.h"
#include "utf8.h"
#include "xalloc.h"

struct slot {
	uint64_t key;      /* 0 = empty */
	unsigned fw;
	unsigned cue_off, cue_n;
	unsigned char noun;
	char noun_gender;  /* 'm', 'f', 'n', 'p', 'o', 't' (a thing) or 0 (speaker-nouns.txt) */
};

struct cue_item {
	uint64_t first;
	struct cue_entry e;
};

/* First names live in a table of their own: 62,000 of them would push
 * the words looked up for every token out of the cache. */
struct name_slot {
	uint64_t key; /* 0 = empty */
	char sex;
};

struct lexicon {
	struct slot *slots;
	size_t mask, used;
	struct name_slot *names;
	size_t nmask;
	struct cue_entry *cues;
	size_t ncues;
};

uint64_t
word_hash(const char *s, size_t n)
{
	char buf[128];
	size_t i = 0, o = 0;

	while (i < n && o + 4 < sizeof buf) {
		uint32_t c = utf8_next(s, n, &i);
		if (c == 0x2019 || c == 0x2018)
			c = '\'';
		else if (c < 128)
			c = (c >= 'A' && c <= 'Z') ? c + 32 : c;
		else
			c = uc_tolower(c);
		o += utf8_encode(c, buf + o);
	}
	return hash64(buf, o, 0x71756f74u) | 1u; /* never 0: 0 marks an empty slot */
}

static void grow(struct lexicon *lx);

static struct slot *
slot_get(struct lexicon *lx, uint64_t key, int create)
{
	size_t i = (size_t)key & lx->mask;

	while (lx->slots[i].key) {
		if (lx->slots[i].key == key)
			return &lx->slots[i];
		i = (i + 1) & lx->mask;
	}
	if (!create)
		return NULL;
	if (2 * (lx->used + 1) > lx->mask + 1) {
		grow(lx);
		return slot_get(lx, key, create);
	}
	lx->used++;
	lx->slots[i].key = key;
	return &lx->slots[i];
}

/* Twice the slots, every entry moved to its new place. */
static void
grow(struct lexicon *lx)
{
	struct slot *old = lx->slots;
	size_t n = lx->mask + 1, k;

	lx->mask = 2 * n - 1;
	lx->slots = xcalloc(2 * n, sizeof *lx->slots);
	lx->used = 0;
	for (k = 0; k < n; k++)
		if (old[k].key)
			*slot_get(lx, old[k].key, 1) = old[k];
	free(old);
}

static const struct slot *
slot_find(const struct lexicon *lx, uint64_t key)
{
	size_t i = (size_t)key & lx->mask;

	while (lx->slots[i].key) {
		if (lx->slots[i].key == key)
			return &lx->slots[i];
		i = (i + 1) & lx->mask;
	}
	return NULL;
}

static const struct {
	const char *words;
	unsigned fw;
} closed_class[] = {
	{ "he she they it we i you", FW_SUBJ },
	{ "his her their its our my your", FW_POSS },
	{ "him them us me", FW_OBJPRON },
	{ "the a an this these those", FW_DET },
	{ "a an one another some", FW_INDEF },
	{ "in on at to from for of with by about over under during after before behind "
	  "between into through across against among within without via per since until "
	  "amid despite toward towards around near like outside inside upon beyond following", FW_PREP },
	{ "is was were are am be been being", FW_BE | FW_AUX },
	{ "has had have having will would could can should must may might do does did shall", FW_AUX },
	{ "and but or nor", FW_CONJ },
	{ "who which whom whose", FW_REL },
	{ "also later then again once further still even just already earlier separately "
	  "previously recently subsequently repeatedly reportedly today yesterday tonight "
	  "now soon first last too however privately publicly", FW_ADV },
	{ "not never n't no", FW_NEG },
	{ "that", FW_THAT },
	{ "while when because although though if as whether where whereas", FW_SUBORD },
	{ "nothing so much little something anything everything otherwise yes goodbye "
	  "hello thanks sorry", FW_NOCONTENT },
	{ "knew went made took came saw gave got thought felt found left kept held ran won lost "
	  "paid sold bought brought built sent spent met led fell rose grew began became broke "
	  "chose drove fought hid hit hurt meant put set stood struck swore taught threw "
	  "understood spoke knows goes makes takes comes sees gives gets seems needs wants "
	  "remains means feels keeps holds", FW_FINITE },
	{ "inc inc. corp corp. co. ltd ltd. llc plc group news times post journal ventures capital "
	  "partners bank agency ministry department university council party association institute "
	  "committee commission foundation company press reuters network union fund office service "
	  "services house police court enforcement technologies systems labs media tech", FW_ORGWORD },
	{ "re ag sa se nv bv gmbh spa plc inc inc. corp corp. co co. ltd ltd. llc industries holdings "
	  "international enterprises corporation company group", FW_SUFFIX },
	{ "bank ministry department office commission committee fund agency foundation court board "
	  "authority bureau academy institute institution university college school", FW_OFHEAD },
	{ "federation confederation association union league alliance council society organisation "
	  "organization chamber", FW_OFHEAD | FW_COLLECT },
	{ "year week month day morning afternoon evening night weekend monday tuesday wednesday "
	  "thursday friday saturday sunday january february april june july august september "
	  "october november december", FW_TIME },
	{ "so-called dubbed titled entitled named nicknamed called branded labelled labeled", FW_TITLE },
};

static void
add_closed_class(struct lexicon *lx)
{
	size_t k;

	for (k = 0; k < sizeof closed_class / sizeof closed_class[0]; k++) {
		const char *p = closed_class[k].words;
		while (*p) {
			size_t n = strcspn(p, " ");
			slot_get(lx, word_hash(p, n), 1)->fw |= closed_class[k].fw;
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}

static int
cmp_item(const void *a, const void *b)
{
	const struct cue_item *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	/* Longest phrase first, so "pointed out" wins over a bare "pointed". */
	return (int)y->e.nwords - (int)x->e.nwords;
}

static unsigned
parse_flags(const char *path, unsigned long line, const char *s, size_t n)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = { { "that", CUE_THAT }, { "bare", CUE_BARE }, { "obj", CUE_OBJ },
		      { "final", CUE_FINAL }, { "quote", CUE_QUOTE }, { "prep", CUE_PREP },
		      { "noun", CUE_NOUN } };
	unsigned f = 0;
	size_t i = 0;

	while (i < n) {
		size_t m = 0, k;
		while (i + m < n && s[i + m] != ',')
			m++;
		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (strlen(names[k].name) == m && memcmp(names[k].name, s + i, m) == 0)
				break;
		if (k == sizeof names / sizeof names[0])
			die("%s:%lu: unknown cue flag '%.*s'", path, line, (int)m, s + i);
		f |= names[k].flag;
		i += m + 1;
	}
	return f;
}

/* Split a line at TABs into at most 3 fields; returns the number found. */
static int
fields(char *line, char **f, size_t *fl)
{
	int n = 0;
	char *p = line;

	while (n < 3) {
		char *tab = strchr(p, '\t');
		f[n] = p;
		fl[n] = tab ? (size_t)(tab - p) : strlen(p);
		n++;
		if (!tab)
			break;
		p = tab + 1;
	}
	return n;
}

static void
load_cues(const char *path, struct cue_item **items, size_t *n, size_t *cap)
{
	struct datafile_lines dl;
	char *line;

	datafile_lines_open(&dl, path);
	while ((line = datafile_lines_next(&dl, NULL)) != NULL) {
		unsigned long lineno = dl.lineno;
		char *f[3];
		size_t fl[3];
		struct cue_item it;
		const char *w;
		size_t left;

		if (*line == '#' || *line == '\0')
			continue;
		if (fields(line, f, fl) != 3 || fl[0] == 0)
			die("%s:%lu: want FORM<TAB>LEMMA<TAB>FLAGS", path, lineno);
		memset(&it, 0, sizeof it);
		it.e.flags = parse_flags(path, lineno, f[2], fl[2]);
		if (fl[0] == fl[1] && memcmp(f[0], f[1], fl[0]) == 0 && !(it.e.flags & CUE_NOUN))
			it.e.flags |= CUE_BASE;
		w = f[0];
		left = fl[0];
		while (left) {
			size_t m = 0;
			while (m < left && w[m] != ' ')
				m++;
			if (m) {
				uint64_t h = word_hash(w, m);
				if (it.e.nwords == 0)
					it.first = h;
				else if (it.e.nwords <= 4)
					it.e.words[it.e.nwords - 1] = h;
				it.e.nwords++;
			}
			w += m;
			left -= m;
			while (left && *w == ' ') {
				w++;
				left--;
			}
		}
		if (it.e.nwords > 4)
			die("%s:%lu: a cue phrase has at most 4 words", path, lineno);
		ARRAY_GROW(*items, *n + 1, *cap);
		(*items)[(*n)++] = it;
	}
	datafile_lines_close(&dl);
}

static void
load_nouns(struct lexicon *lx, const char *path)
{
	struct datafile_lines dl;
	char *line;

	datafile_lines_open(&dl, path);
	while ((line = datafile_lines_next(&dl, NULL)) != NULL) {
		unsigned long lineno = dl.lineno;
		char *f[3];
		size_t fl[3];
		unsigned char c;

		if (*line == '#' || *line == '\0')
			continue;
		int nf = fields(line, f, fl);
		char g = 0;
		struct slot *sl;
		if (nf < 2 || fl[0] == 0)
			die("%s:%lu: want WORD<TAB>CLASS[<TAB>m|f|n|p|o|s|i]", path, lineno);
		if (nf == 3) {
			if (fl[2] != 1 || (f[2][0] != 'm' && f[2][0] != 'f' && f[2][0] != 'n' && f[2][0] != 'p' &&
						 f[2][0] != 'o' && f[2][0] != 's' && f[2][0] != 'i'))
				die("%s:%lu: the sex of a noun is 'm', 'f', 'n', 'p', 'o', 's' or 'i', not '%.*s'", path, lineno,
				    (int)fl[2], f[2]);
			g = f[2][0];
		}
		if (fl[1] == 6 && memcmp(f[1], "person", 6) == 0)
			c = NOUN_PERSON;
		else if (fl[1] == 3 && memcmp(f[1], "org", 3) == 0)
			c = NOUN_ORG;
		else if (fl[1] == 3 && memcmp(f[1], "rep", 3) == 0)
			c = NOUN_REP;
		else if (fl[1] == 5 && memcmp(f[1], "group", 5) == 0)
			c = NOUN_GROUP;
		else if (fl[1] == 5 && memcmp(f[1], "thing", 5) == 0) {
			c = NOUN_NONE; /* heads no speaker's description: only its mark 't' counts */
			g = 't';
		} else
			die("%s:%lu: unknown class '%.*s' (person, org, rep, group or thing)", path, lineno,
			    (int)fl[1], f[1]);
		sl = slot_get(lx, word_hash(f[0], fl[0]), 1);
		sl->noun = c;
		sl->noun_gender = g;
	}
	datafile_lines_close(&dl);
}

/* First names: NAME<TAB>m|f.  An empty list is a broken install, not a
 * list that knows no names. */
static void
load_first_names(struct lexicon *lx, const char *path)
{
	struct datafile_lines dl;
	char *line;
	size_t n = 0;

	size_t cap = 1024, k;

	datafile_lines_open(&dl, path);
	for (k = 0; k < dl.len; k++)
		cap += dl.buf[k] == '\n';
	for (k = 1024; k < 2 * cap; k *= 2)
		;
	lx->nmask = k - 1;
	lx->names = xcalloc(k, sizeof *lx->names);
	while ((line = datafile_lines_next(&dl, NULL)) != NULL) {
		char *f[3];
		size_t fl[3], i;
		uint64_t h;

		if (*line == '#' || *line == '\0')
			continue;
		if (fields(line, f, fl) != 2 || fl[0] == 0 || fl[1] != 1 || (f[1][0] != 'm' && f[1][0] != 'f'))
			die("%s:%lu: want NAME<TAB>m|f", path, dl.lineno);
		h = word_hash(f[0], fl[0]);
		for (i = (size_t)h & lx->nmask; lx->names[i].key && lx->names[i].key != h; i = (i + 1) & lx->nmask)
			;
		lx->names[i].key = h;
		lx->names[i].sex = f[1][0];
		n++;
	}
	datafile_lines_close(&dl);
	if (n == 0)
		die("%s: no first names", path);
}

struct lexicon *
lexicon_load(const char *cue_path, const char *noun_path, const char *names_path)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	struct cue_item *items = NULL;
	size_t n = 0, cap = 0, i;

	lx->mask = 4096 - 1;
	lx->slots = xcalloc(lx->mask + 1, sizeof *lx->slots);
	add_closed_class(lx);
	load_nouns(lx, noun_path);
	if (names_path)
		load_first_names(lx, names_path);
	load_cues(cue_path, &items, &n, &cap);
	if (n == 0)
		die("%s: no cue verbs", cue_path);
	if (n > 2000)
		die("%s: too many cue forms (at most 2000)", cue_path);
	qsort(items, n, sizeof *items, cmp_item);
	lx->cues = xmalloc(n * sizeof *lx->cues);
	for (i = 0; i < n; i++) {
		struct slot *s = slot_get(lx, items[i].first, 1);
		if (s->cue_n == 0)
			s->cue_off = (unsigned)i;
		s->cue_n++;
		lx->cues[i] = items[i].e;
	}
	lx->ncues = n;
	free(items);
	return lx;
}

void
lexicon_free(struct lexicon *lx)
{
	if (!lx)
		return;
	free(lx->slots);
	free(lx->names);
	free(lx->cues);
	free(lx);
}

const struct cue_entry *
lexicon_cues(const struct lexicon *lx, uint64_t h, size_t *n)
{
	const struct slot *s = slot_find(lx, h);

	*n = s ? s->cue_n : 0;
	return *n ? lx->cues + s->cue_off : NULL;
}

enum noun_class
lexicon_noun(const struct lexicon *lx, uint64_t h)
{
	const struct slot *s = slot_find(lx, h);

	return s ? (enum noun_class)s->noun : NOUN_NONE;
}

char
lexicon_noun_gender(const struct lexicon *lx, uint64_t h)
{
	const struct slot *s = slot_find(lx, h);

	return s ? s->noun_gender : 0;
}

char
lexicon_first_name(const struct lexicon *lx, uint64_t h)
{
	size_t i;

	if (!lx->names)
		return 0;
	for (i = (size_t)h & lx->nmask; lx->names[i].key; i = (i + 1) & lx->nmask)
		if (lx->names[i].key == h)
			return lx->names[i].sex;
	return 0;
}

unsigned
lexicon_fw(const struct lexicon *lx, uint64_t h)
{
	const struct slot *s = slot_find(lx, h);

	return s ? s->fw : 0;
}
