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
	size_t k, m = strlen(w);

	if (m > n)
		return 0;
	for (k = 0; k < m; k++) {
		char c = s[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[k])
			return 0;
	}
	return 1;
}

/* ASCII case-insensitive search of the lower-case phrase w in s[0..n). */
static int
contains(const char *s, size_t n, const char *w)
{
	size_t k, m = strlen(w);

	for (k = 0; k + m <= n; k++)
		if (starts_with(s + k, n - k, w))
			return 1;
	return 0;
}

static int
has_url(const char *s, size_t len)
{
	static const char *const marks[] = { "http://", "https://", "www.", "@", NULL };
	size_t k;

	for (k = 0; marks[k]; k++)
		if (contains(s, len, marks[k]))
			return 1;
	return 0;
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
		"file photo", "file:", NULL,
	};
	size_t k;

	for (k = 0; labels[k]; k++)
		if (starts_with(s, n, labels[k]))
			return 1;
	return 0;
}

/* Phrases of photo credits and page prompts that no sentence of the story contains. */
static int
credit_phrase(const char *s, size_t n)
{
	static const char *const phrases[] = {
		"getty images", "ap photo", "(photo:", "(photo by", "photo by ", "photograph by ",
		"photo credit", "image credit", "(image:", "(picture:", "picture by ", "\xc2\xa9 ",
		"all rights reserved", "scroll down for video", "click here to", "sign up for",
		"subscribe to our", "follow us on", "share this article", "image copyright",
		"image caption", "media caption", NULL,
	};
	size_t k;

	for (k = 0; phrases[k]; k++)
		if (contains(s, n, phrases[k]))
			return 1;
	return 0;
}

/*
 * A caption's pointers at the photo: "(pictured)", "(left)", "(centre)".
 * Captions carry them; a sentence of the story does too at times, so they
 * only lower its weight.
 */
static int
photo_pointer(const char *s, size_t n)
{
	static const char *const words[] = {
		"(pictured", "(left", "(right", "(centre", "(center", "(above", "(below", "(top",
		"(bottom", "(inset", "(second left", "(second right", "(far left", "(far right",
		"(main picture", "(file photo", "(file picture", NULL,
	};
	size_t k;

	for (k = 0; words[k]; k++)
		if (contains(s, n, words[k]))
			return 1;
	return 0;
}

/*
 * A caption label: one to three capitalised words and a colon opening the
 * unit, then a capital ("Tragic: The boy...", "Family Man: Smith...").
 * A sentence does not open that way ("He said: ..." has a lower-case word).
 */
static int
caption_label(const char *s, size_t n)
{
	size_t i = 0, words = 0;

	while (i < n && words < 4) {
		size_t w = i;
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
		while (i < n && !is_space((unsigned char)s[i]) && s[i] != ':')
			i++;
		words++;
		if (i < n && s[i] == ':')
			return i > w && i + 2 < n && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z';
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
static int
run_on(const char *s, size_t n)
{
	static const char *const starters[] = {
		"He", "She", "They", "We", "But", "However", "Meanwhile", NULL,
	};
	static const char *const function_words[] = {
		"of", "in", "on", "at", "from", "to", "by", "with", "for", "and", "or", "nor", "but", "the",
		"a", "an", "as", "like", "about", "into", "onto", "than", "via", "called", "named", "titled",
		"see", "is", "was", "are", "were", "be", "said", "says", NULL,
	};
	size_t i = 0, pb = 0, pe = 0, k;
	int have_prev = 0;

	while (i < n) {
		size_t b, e;
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		b = i;
		while (i < n && !is_space((unsigned char)s[i]))
			i++;
		e = i;
		if (e == b)
			break;
		for (k = 0; have_prev && starters[k]; k++)
			if (strlen(starters[k]) == e - b && memcmp(starters[k], s + b, e - b) == 0)
				break;
		if (have_prev && starters[k]) {
			for (k = 0; function_words[k]; k++)
				if (strlen(function_words[k]) == pe - pb && memcmp(function_words[k], s + pb, pe - pb) == 0)
					break;
			if (!function_words[k])
				return 1;
		}
		/* The next word may follow this one: it ends in a lower-case letter, no mark. */
		have_prev = s[e - 1] >= 'a' && s[e - 1] <= 'z' && s[b] >= 'a' && s[b] <= 'z';
		pb = b;
		pe = e;
	}
	return 0;
}

/* Most letters in capitals: a shouted heading or a label ("BREAKING NEWS: ..."). */
static int
mostly_capitals(const char *s, size_t n)
{
	size_t k, upper = 0, lower = 0;

	for (k = 0; k < n; k++) {
		upper += s[k] >= 'A' && s[k] <= 'Z';
		lower += s[k] >= 'a' && s[k] <= 'z';
	}
	return upper + lower >= 12 && 2 * upper > 3 * lower;
}

double
prose_weight(const char *text, size_t b, size_t e, size_t nwords)
{
	const char *s = text + b;
	size_t n = e - b, at;
	uint32_t mark;
	double w = 1.0;

	if (nwords < MIN_WORDS || has_url(s, n))
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
	if (furniture_label(s, n) || credit_phrase(s, n) || byline(s, n, nwords) || mostly_capitals(s, n))
		return 0;
	if (caption_label(s, n))
		w *= photo_pointer(s, n) ? 0 : 0.5;
	else if (photo_pointer(s, n))
		w *= 0.7;
	if (run_on(s, n))
		w *= 0.5;
	if (nwords > LONG_WORDS)
		w *= (double)LONG_WORDS / (double)nwords;
	return w;
}
