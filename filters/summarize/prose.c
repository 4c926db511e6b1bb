/*
 * prose.c - does a unit of the text read as a sentence of the article?
 * See summarize.h.
 *
 * Web articles reach the summarizer with the page's furniture inside them:
 * photo captions and credits, "Related:" and "Read more" links, bylines and
 * time stamps, subheadings.  Most of it has no final punctuation, so the
 * segmenter gives it a sentence of its own (or the CNN/DailyMail data set
 * appends " ." to it); some of it is written like prose.  The rules below
 * are what an editor would strike from a summary, written for news in
 * general (English), not fitted to any data set.
 */
#include <stdlib.h>
#include <string.h>

#include "summarize.h"
#include "utf8.h"

/* Below this many words a unit is a heading, a byline or a fragment, not a sentence to pick. */
#define MIN_WORDS 4

/* Above this many words a unit is more likely a caption glued to a sentence than one sentence. */
#define LONG_WORDS 50

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

/* The last code point of s[b..e) before closing quotes and brackets; its start in *at. */
static uint32_t
last_mark(const char *s, size_t b, size_t e, size_t *at)
{
	while (e > b) {
		size_t i = e;
		uint32_t cp = utf8_prev(s, &i);
		if (i < b)
			break;
		if (!is_closer(cp)) {
			*at = i;
			return cp;
		}
		e = i;
	}
	*at = b;
	return 0;
}

/* ASCII case-insensitive: does s[0..n) begin with the lower-case word w? */
static int
starts_with(const char *s, size_t n, const char *w)
{
	size_t k;

	for (k = 0; w[k]; k++) {
		char c;
		if (k >= n)
			return 0;
		c = s[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[k])
			return 0;
	}
	return 1;
}

/*
 * The unit opens with a label of the page's furniture and a colon:
 * "Photo: ...", "Related: ...", "READ MORE: ...", "Image caption ...".
 */
static int
furniture_label(const char *s, size_t n)
{
	static const char *const labels[] = {
		"photo:", "photos:", "photograph:", "photographs:", "picture:", "pictures:", "pictured:",
		"image:", "images:", "video:", "videos:", "watch:", "watch live:", "listen:", "audio:",
		"credit:", "credits:", "caption:", "source:", "sources:", "graphic:", "illustration:",
		"read more", "read:", "related:", "related stories", "related articles", "see also:",
		"more:", "more from ", "also read", "recommended:", "advertisement", "sponsored:",
		"scroll down for", "click here", "sign up for", "subscribe to", "subscribe now",
		"follow us", "image copyright", "image caption", "media caption", "media playback",
		"published:", "updated:", "last updated", "posted:", "editor's note", "editor\xe2\x80\x99s note",
		"file photo", "file:", "above:", "below:", "left:", "right:", "top:", "inset:", "main picture:",
		NULL,
	};
	size_t k;
	char c = n ? s[0] : 0;

	if (c >= 'A' && c <= 'Z')
		c = (char)(c - 'A' + 'a');
	for (k = 0; labels[k]; k++)
		if (labels[k][0] == c && starts_with(s, n, labels[k]))
			return 1;
	return 0;
}

/*
 * A caption label: one to three capitalised words and a colon opening the
 * unit, then a capital ("Tragic: The boy...", "Family Man: Smith...").
 * A sentence does not open that way ("He said: ..." has a lower-case word).
 * 1 for a label, 2 for one in capitals only (a kicker or a column's name,
 * "EXCLUSIVE:", "DEAR ABBY:", before a sentence of the story), else 0.
 */
static int
caption_label(const char *s, size_t n)
{
	size_t i = 0, words = 0;
	int caps = 1;

	while (i < n && words < 4) {
		size_t w = i;
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
		for (; i < n && !is_space((unsigned char)s[i]) && s[i] != ':'; i++)
			caps &= !(s[i] >= 'a' && s[i] <= 'z');
		words++;
		if (i < n && s[i] == ':') {
			if (!(i > w && i + 2 < n && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z'))
				return 0;
			return caps && i > w + 1 ? 2 : 1;
		}
		while (i < n && s[i] == ' ')
			i++;
	}
	return 0;
}

/* A byline: "By" and names only ("By Jane Smith and John Doe, Reuters."). */
static int
byline(const char *s, size_t n, size_t nwords)
{
	size_t i = 3;

	if (nwords > 8 || !starts_with(s, n, "by ") || s[0] != 'B')
		return 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == ','))
			i++;
		if (i >= n)
			break;
		if (!(s[i] >= 'A' && s[i] <= 'Z') && !starts_with(s + i, n - i, "and "))
			return 0;
		while (i < n && s[i] != ' ')
			i++;
	}
	return 1;
}

/* Phrases of photo credits and page prompts that no sentence of the story contains. */
static const char *const credits[] = {
	"getty images", "ap photo", "(photo:", "(photo by", "photo by ", "photograph by ", "photo credit",
	"image credit", "(image:", "(picture:", "picture by ", "\xc2\xa9 ", "all rights reserved",
	"scroll down for video", "click here to", "sign up for", "subscribe to our", "follow us on",
	"share this article", "image copyright", "image caption", "media caption", "(published ", "(updated ",
	NULL,
};

/*
 * A caption's pointers at the photo: "(pictured)", "(left)", "(centre)".
 * Captions carry them; a sentence of the story does too at times, so they
 * only lower its weight.
 */
static const char *const pointers[] = {
	"(pictured", "(left", "(right", "(centre", "(center", "(above", "(below", "(top", "(bottom",
	"(inset", "(second left", "(second right", "(far left", "(far right", "(main picture",
	"(file photo", "(file picture", NULL,
};

static const char *const addresses[] = { "http://", "https://", "www.", NULL };

/*
 * Two sentences run together with no mark between them, as when a caption
 * without a full stop is glued to the next sentence: "... a favourite
 * client She never complained".  The evidence is a content word in lower
 * case followed by a capitalised pronoun or connective that only begins a
 * sentence.  ("The" and "A" would catch more, but they open titles: "the
 * film The Aviator".  A title that opens with a pronoun is still taken for
 * a run-on, "re-recorded We Are the World", unless a function word comes
 * before it, "as We Know It": the weight is halved, not zeroed.)
 */
static const char *const starters[] = { "He", "She", "They", "We", "But", "However", "Meanwhile", NULL };
static const char *const function_words[] = {
	"of", "in", "on", "at", "from", "to", "by", "with", "for", "and", "or", "nor", "but", "the", "a",
	"an", "as", "like", "about", "into", "onto", "than", "via", "called", "named", "titled", "see",
	"is", "was", "are", "were", "be", "said", "says", NULL,
};

/*
 * A finite verb, as a caption often lacks one: "An artist's concept of the
 * lander.", "The first global map of Titan.", "Smoke rising over the
 * valley."  What counts as evidence of one, in a word in lower case: an
 * ending of the past (-ed) or of the third person (-s, but not -ss, -us,
 * -is or a possessive); a form of be, have or do, a modal, a contraction
 * ("don't", "we're"); a common irregular past; a common verb of saying or
 * of news in the plain present ("officials say").  Plural nouns in -s pass
 * for verbs, so this finds verbless units only when the evidence is clear.
 * Sorted (bsearch).
 */
static const char *const finite_verbs[] = {
	"am", "are", "ate", "be", "beat", "became", "began", "believe", "bent", "bit", "blew", "bought", "broke",
	"brought", "built", "came", "can", "caught", "chose", "claim", "come", "could", "cut", "dealt", "did", "do",
	"drew", "drove", "expect", "fear", "fed", "feel", "fell", "felt", "find", "fled", "flew", "fought", "found",
	"froze", "gave", "get", "give", "go", "got", "grew", "had", "have", "hear", "heard", "held", "help", "hid",
	"hit", "hold", "hope", "hung", "hurt", "keep", "kept", "knew", "know", "laid", "lay", "led", "left", "lent",
	"let", "lit", "live", "look", "lost", "love", "made", "make", "may", "mean", "meant", "met", "might",
	"must", "need", "paid", "plan", "put", "quit", "ran", "rang", "read", "remain", "rode", "rose", "said",
	"sang", "sank", "sat", "saw", "say", "see", "seem", "sent", "set", "shall", "shook", "shot", "should",
	"show", "shut", "slept", "sold", "sought", "spent", "spoke", "spread", "stole", "stood", "struck", "stuck",
	"swept", "swore", "swung", "take", "taught", "tell", "think", "thought", "threw", "told", "took", "tore",
	"try", "understood", "use", "want", "warn", "went", "were", "will", "woke", "won", "wore", "work", "would",
	"wound", "wrote",
};

/* Lower-case words in -s that are not verbs: function words, adverbs. */
static const char *const not_verbs_s[] = {
	"across", "always", "as", "besides", "his", "hers", "its", "less", "news", "ours", "perhaps", "plus",
	"series", "sometimes", "theirs", "this", "thus", "towards", "unless", "us", "whereas", "yes", "yours",
};

static int
cmp_word(const void *key, const void *elem)
{
	const char *const *w = elem;
	const char *k = key;
	return strcmp(k, *w);
}

/*
 * Does the word s[0..n) give evidence of a finite verb?  See finite_verbs.
 * first: the unit's first word, whose capital says nothing ("Are you...?",
 * "Remember the...").
 */
static int
finite_verb(const char *s, size_t n, int first)
{
	static const char *const pronouns[] = { "he", "here", "it", "let", "she", "that", "there", "what", "where",
						"who" }; /* 's is "is" or "has" after these (sorted) */
	char w[32];
	size_t k;

	/* Opening quotes and brackets are not part of the word. */
	while (n > 0 && (*s == '"' || *s == '\'' || *s == '(' || *s == '[')) {
		s++;
		n--;
	}
	if (n >= 3 && s[0] == '\xe2' && s[1] == '\x80' && (s[2] == '\x9c' || s[2] == '\x98')) {
		s += 3;
		n -= 3;
	}
	if (n < 2 || n >= sizeof w)
		return 0;
	for (k = 0; k < n; k++) {
		char c = s[k];
		if (c == '\'' || (c == '\xe2' && k + 2 < n && s[k + 1] == '\x80' && s[k + 2] == '\x99'))
			break; /* an apostrophe: "it's", "don't", "I'm", "the state's" */
		w[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	/*
	 * A contraction: 're 've 'll 'd 'm n't are verbs; 's is one after a
	 * pronoun ("it's", "there's"), a possessive after a noun ("the
	 * state's", "Smith's").
	 */
	if (k < n && k > 0) {
		size_t a = k + (s[k] == '\'' ? 1 : 3);
		if (a >= n || !(s[a] >= 'a' && s[a] <= 'z'))
			return 0;
		if (s[a] != 's')
			return 1;
		w[k] = 0;
		return bsearch(w, pronouns, sizeof pronouns / sizeof *pronouns, sizeof *pronouns, cmp_word) != NULL;
	}
	/* Otherwise only a word in lower case: a capital marks a name ("James", "Reed"). */
	if (!first && !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	/* Trailing punctuation is not part of the word. */
	while (k > 0 && !(w[k - 1] >= 'a' && w[k - 1] <= 'z'))
		k--;
	w[k] = 0;
	if (k < 2)
		return 0;
	if (!first && k >= 4 && w[k - 2] == 'e' && w[k - 1] == 'd')
		return 1;
	if (k == 2 && w[0] == 'i' && w[1] == 's')
		return 1;
	if (!first && w[k - 1] == 's' && w[k - 2] != 's' && w[k - 2] != 'u' && w[k - 2] != 'i')
		return !bsearch(w, not_verbs_s, sizeof not_verbs_s / sizeof *not_verbs_s, sizeof *not_verbs_s, cmp_word);
	return bsearch(w, finite_verbs, sizeof finite_verbs / sizeof *finite_verbs, sizeof *finite_verbs, cmp_word) !=
	       NULL;
}

/* Which of the lists above may have a phrase that begins with a byte (either case). */
enum { L_CREDIT = 1, L_POINTER = 2, L_ADDRESS = 4 };
static const unsigned char first_byte[256] = {
	['('] = L_CREDIT | L_POINTER, ['g'] = L_CREDIT, ['G'] = L_CREDIT, ['a'] = L_CREDIT, ['A'] = L_CREDIT,
	['p'] = L_CREDIT, ['P'] = L_CREDIT, ['i'] = L_CREDIT, ['I'] = L_CREDIT, [0xc2] = L_CREDIT,
	['s'] = L_CREDIT, ['S'] = L_CREDIT, ['c'] = L_CREDIT, ['C'] = L_CREDIT, ['f'] = L_CREDIT,
	['F'] = L_CREDIT, ['m'] = L_CREDIT, ['M'] = L_CREDIT, ['h'] = L_ADDRESS, ['H'] = L_ADDRESS,
	['w'] = L_ADDRESS, ['W'] = L_ADDRESS,
};

/* Is s[0..n) exactly one of the words (case as written)? */
static int
is_word_of(const char *const *words, const char *s, size_t n)
{
	size_t k;

	for (k = 0; words[k]; k++)
		if (words[k][0] == s[0] && strlen(words[k]) == n && memcmp(words[k], s, n) == 0)
			return 1;
	return 0;
}

/* Does a phrase of the list begin at s (n bytes left)?  Two bytes are compared before the rest. */
static int
phrase_at(const char *const *phrases, const char *s, size_t n)
{
	char c0, c1;
	size_t p;

	if (n < 2)
		return 0;
	c0 = s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] - 'A' + 'a') : s[0];
	c1 = s[1] >= 'A' && s[1] <= 'Z' ? (char)(s[1] - 'A' + 'a') : s[1];
	for (p = 0; phrases[p]; p++)
		if (phrases[p][0] == c0 && phrases[p][1] == c1 && starts_with(s, n, phrases[p]))
			return 1;
	return 0;
}

/* What one pass over the words of a unit finds. */
struct scan {
	int address, credit, pointer, run_on, verb;
	size_t upper, lower; /* ASCII letters */
	size_t words, numbers; /* words, and words with a digit */
};

static void
scan_words(const char *s, size_t n, struct scan *f)
{
	size_t i = 0, pb = 0, pe = 0, upper = 0, lower = 0;
	int prev_lower = 0;

	memset(f, 0, sizeof *f);
	while (i < n) {
		size_t b, e;
		unsigned char lists;
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		b = i;
		for (; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c >= 'a') { /* most bytes: lower-case letters (and UTF-8, counted as neither) */
				lower += c <= 'z';
				continue;
			}
			if (is_space(c))
				break;
			if (c >= 'A' && c <= 'Z') {
				upper++;
			} else if (c == '@') {
				f->address = 1;
			} else if ((c == '(' || c == '/' || c == '"' || c == '[') && i + 1 < n) {
				/* Inside a word, after a bracket, quote or slash: "(https://...", "/Getty Images". */
				lists = first_byte[(unsigned char)s[i + 1]];
				if ((lists & L_ADDRESS) && !f->address)
					f->address = phrase_at(addresses, s + i + 1, n - i - 1);
				if ((lists & L_CREDIT) && !f->credit)
					f->credit = phrase_at(credits, s + i + 1, n - i - 1);
			}
		}
		e = i;
		if (e == b)
			break;
		f->words++;
		{
			size_t k;
			for (k = b; k < e; k++)
				if (s[k] >= '0' && s[k] <= '9') {
					f->numbers++;
					break;
				}
		}
		if (!f->verb)
			f->verb = finite_verb(s + b, e - b, f->words == 1);
		lists = first_byte[(unsigned char)s[b]];
		if ((lists & L_CREDIT) && !f->credit)
			f->credit = phrase_at(credits, s + b, n - b);
		if ((lists & L_POINTER) && !f->pointer)
			f->pointer = phrase_at(pointers, s + b, n - b);
		if ((lists & L_ADDRESS) && !f->address)
			f->address = phrase_at(addresses, s + b, n - b);
		if (prev_lower && !f->run_on && s[b] >= 'A' && s[b] <= 'Z' && is_word_of(starters, s + b, e - b) &&
		    !is_word_of(function_words, s + pb, pe - pb))
			f->run_on = 1;
		/* The next word may run on from this one: it is in lower case, with no mark after it. */
		prev_lower = s[e - 1] >= 'a' && s[e - 1] <= 'z' && s[b] >= 'a' && s[b] <= 'z';
		pb = b;
		pe = e;
	}
	f->upper = upper;
	f->lower = lower;
}

/*
 * Frequent English function words that other languages written in Latin
 * letters rarely use (not "a", "an", "in", "die", "on"): a text whose
 * words are one in twenty of these or more reads as English.  Sorted.
 */
static const char *const english_markers[] = {
	"and", "are", "be", "been", "for", "from", "has", "have", "he", "her", "his", "is", "it", "of", "said",
	"she", "that", "the", "they", "this", "to", "was", "were", "which", "will", "with", "would",
};

int
prose_english(const char *text, size_t len)
{
	size_t i = 0, words = 0, markers = 0;

	while (i < len) {
		size_t b, k, n;
		char w[8];
		while (i < len && is_space((unsigned char)text[i]))
			i++;
		for (b = i; i < len && !is_space((unsigned char)text[i]); i++)
			;
		if (i == b)
			break;
		words++;
		/* The word in lower case without the punctuation after it ("said,"). */
		for (n = i - b; n > 0 && ((text[b + n - 1] | 0x20) < 'a' || (text[b + n - 1] | 0x20) > 'z'); n--)
			;
		if (n < 2 || n >= sizeof w)
			continue;
		for (k = 0; k < n; k++)
			w[k] = (char)(text[b + k] >= 'A' && text[b + k] <= 'Z' ? text[b + k] + 32 : text[b + k]);
		w[n] = 0;
		markers += bsearch(w, english_markers, sizeof english_markers / sizeof *english_markers,
				   sizeof *english_markers, cmp_word) != NULL;
	}
	return words == 0 || 20 * markers >= words;
}

double
prose_weight(const char *text, size_t b, size_t e, size_t nwords, int english, int *caption)
{
	const char *s = text + b;
	size_t n = e - b, at;
	uint32_t mark;
	double w = 1.0;
	struct scan f;
	int label;

	*caption = 1;
	if (nwords < MIN_WORDS)
		return 0;
	mark = last_mark(text, b, e, &at);
	if (mark != '.' && mark != '!' && mark != '?' && mark != 0x2026)
		return 0; /* no final punctuation: a heading, caption or credit */
	/*
	 * A full stop set apart by a space was added to a line that had none
	 * (the CNN/DailyMail data set does so): it ends a caption, a heading or
	 * a time stamp, not a sentence.  ". . . ." is an ellipsis.
	 */
	if (mark == '.' && at > b && is_space((unsigned char)text[at - 1]) && !(at >= b + 2 && text[at - 2] == '.'))
		return 0;
	if (furniture_label(s, n) || byline(s, n, nwords))
		return 0;
	scan_words(s, n, &f);
	/* A web address, a credit, or most letters in capitals (a shouted heading or label). */
	if (f.address || f.credit || (f.upper + f.lower >= 12 && 2 * f.upper > 3 * f.lower))
		return 0;
	/*
	 * What reads as a caption or a line of a table rather than a sentence
	 * of the story: a caption label ("Tragic: ..."; a kicker in capitals,
	 * "DEAR ABBY: ...", opens a story instead), a pointer at a photo, two
	 * units run together, no finite verb, a third of the words numbers
	 * ("2 tackles, 1 assist (3 combined).").  It may still be chosen when
	 * nothing better says the same, but never as the lede (weight below 1).
	 */
	label = caption_label(s, n);
	if (label == 1)
		w *= f.pointer ? 0 : 0.5;
	else if (f.pointer)
		w *= 0.7;
	if (f.run_on)
		w *= 0.5;
	if (!f.verb && english) /* no English verb says nothing of a sentence in French or German */
		w *= 0.5;
	if (3 * f.numbers >= f.words)
		w *= 0.2;
	*caption = w < 1;
	if (nwords > LONG_WORDS)
		w *= (double)LONG_WORDS / (double)nwords;
	return w;
}
