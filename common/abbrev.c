/* abbrev.c - the abbreviation lexicon; see abbrev.h. */
#include "abbrev.h"

#include <ctype.h>
#include <string.h>

struct abbrev {
	const char *word; /* lower case */
	unsigned char kind;
	unsigned char capital; /* must be written with a capital first letter */
};

static const struct abbrev table[] = {
	/* Titles and ranks before a name: a name always follows. */
	{ "mr", ABBREV_PREFIX, 1 }, { "mrs", ABBREV_PREFIX, 1 }, { "ms", ABBREV_PREFIX, 1 },
	{ "messrs", ABBREV_PREFIX, 1 }, { "dr", ABBREV_PREFIX, 1 }, { "prof", ABBREV_PREFIX, 1 },
	{ "rev", ABBREV_PREFIX, 1 }, { "hon", ABBREV_PREFIX, 1 }, { "fr", ABBREV_PREFIX, 1 },
	{ "sen", ABBREV_PREFIX, 1 }, { "rep", ABBREV_PREFIX, 1 }, { "reps", ABBREV_PREFIX, 1 },
	{ "gov", ABBREV_PREFIX, 1 }, { "pres", ABBREV_PREFIX, 1 }, { "supt", ABBREV_PREFIX, 1 },
	{ "gen", ABBREV_PREFIX, 1 }, { "lt", ABBREV_PREFIX, 1 }, { "col", ABBREV_PREFIX, 1 },
	{ "maj", ABBREV_PREFIX, 1 }, { "capt", ABBREV_PREFIX, 1 }, { "cmdr", ABBREV_PREFIX, 1 },
	{ "sgt", ABBREV_PREFIX, 1 }, { "cpl", ABBREV_PREFIX, 1 }, { "adm", ABBREV_PREFIX, 1 },
	{ "brig", ABBREV_PREFIX, 1 }, { "atty", ABBREV_PREFIX, 1 }, { "insp", ABBREV_PREFIX, 1 },
	{ "det", ABBREV_PREFIX, 1 }, { "mme", ABBREV_PREFIX, 1 }, { "mlle", ABBREV_PREFIX, 1 },
	{ "st", ABBREV_PREFIX, 1 }, { "ste", ABBREV_PREFIX, 1 }, { "mt", ABBREV_PREFIX, 1 },
	{ "ft", ABBREV_PREFIX, 1 }, { "pt", ABBREV_PREFIX, 1 }, { "gens", ABBREV_PREFIX, 1 },
	{ "sens", ABBREV_PREFIX, 1 }, { "msgr", ABBREV_PREFIX, 1 }, { "pvt", ABBREV_PREFIX, 1 },
	{ "amb", ABBREV_PREFIX, 1 }, { "drs", ABBREV_PREFIX, 1 }, { "govs", ABBREV_PREFIX, 1 },
	{ "comdr", ABBREV_PREFIX, 1 }, { "lieut", ABBREV_PREFIX, 1 }, { "rt", ABBREV_PREFIX, 1 },
	{ "treas", ABBREV_PREFIX, 1 }, { "apt", ABBREV_PREFIX, 1 }, { "bldg", ABBREV_PREFIX, 1 },
	/* Before a number: No. 1, Vol. 2, Fig. 3, pp. 4, Art. 5. */
	{ "no", ABBREV_PREFIX, 1 }, { "nos", ABBREV_PREFIX, 1 }, { "vol", ABBREV_PREFIX, 0 },
	{ "vols", ABBREV_PREFIX, 0 }, { "fig", ABBREV_PREFIX, 0 }, { "figs", ABBREV_PREFIX, 0 },
	{ "pp", ABBREV_PREFIX, 0 }, { "art", ABBREV_PREFIX, 1 }, { "ch", ABBREV_PREFIX, 0 },
	{ "sec", ABBREV_PREFIX, 1 }, { "para", ABBREV_PREFIX, 0 }, { "op", ABBREV_PREFIX, 0 },
	{ "approx", ABBREV_PREFIX, 0 }, { "ca", ABBREV_PREFIX, 0 }, { "cf", ABBREV_PREFIX, 0 },
	{ "viz", ABBREV_PREFIX, 0 }, { "vs", ABBREV_PREFIX, 0 }, { "v", ABBREV_PREFIX, 0 },
	{ "eq", ABBREV_PREFIX, 0 }, { "eqs", ABBREV_PREFIX, 0 }, { "tel", ABBREV_PREFIX, 0 },
	{ "ext", ABBREV_PREFIX, 0 },
	/* Currencies written before the amount: Rs. 500 (rupees). */
	{ "rs", ABBREV_PREFIX, 0 },
	/*
	 * Legal forms end a company's name, and so often a sentence.  "Co." is
	 * no such end: "Co. Ltd.", and "Co. Durham" is a county.
	 */
	{ "inc", ABBREV_FINAL, 0 }, { "corp", ABBREV_FINAL, 0 }, { "co", ABBREV_PLAIN, 1 },
	{ "ltd", ABBREV_FINAL, 0 }, { "llc", ABBREV_FINAL, 0 }, { "plc", ABBREV_FINAL, 0 },
	{ "bros", ABBREV_PLAIN, 1 }, { "cos", ABBREV_PLAIN, 1 }, { "assn", ABBREV_PLAIN, 0 },
	{ "dept", ABBREV_PLAIN, 0 }, { "univ", ABBREV_PLAIN, 0 }, { "intl", ABBREV_PLAIN, 0 },
	{ "jr", ABBREV_PLAIN, 1 }, { "sr", ABBREV_PLAIN, 1 }, { "esq", ABBREV_PLAIN, 1 },
	/* Months and days, as news writes them ("Jan. 26", "Sept. 11"). */
	{ "jan", ABBREV_PLAIN, 1 }, { "feb", ABBREV_PLAIN, 1 }, { "mar", ABBREV_PLAIN, 1 },
	{ "apr", ABBREV_PLAIN, 1 }, { "jun", ABBREV_PLAIN, 1 }, { "jul", ABBREV_PLAIN, 1 },
	{ "aug", ABBREV_PLAIN, 1 }, { "sep", ABBREV_PLAIN, 1 }, { "sept", ABBREV_PLAIN, 1 },
	{ "oct", ABBREV_PLAIN, 1 }, { "nov", ABBREV_PLAIN, 1 }, { "dec", ABBREV_PLAIN, 1 },
	{ "sun", ABBREV_PLAIN, 1 }, { "mon", ABBREV_PLAIN, 1 }, { "tue", ABBREV_PLAIN, 1 }, { "tues", ABBREV_PLAIN, 1 },
	{ "wed", ABBREV_PLAIN, 1 }, { "thu", ABBREV_PLAIN, 1 }, { "thur", ABBREV_PLAIN, 1 },
	{ "thurs", ABBREV_PLAIN, 1 }, { "fri", ABBREV_PLAIN, 1 }, { "sat", ABBREV_PLAIN, 1 },
	/* Addresses. */
	{ "ave", ABBREV_PLAIN, 0 }, { "blvd", ABBREV_PLAIN, 0 }, { "rd", ABBREV_PLAIN, 0 },
	{ "hwy", ABBREV_PLAIN, 0 }, { "sq", ABBREV_PLAIN, 0 }, { "ln", ABBREV_PLAIN, 0 },
	/* States and provinces, as news writes them after a town ("Louisville, Ky."). */
	{ "ariz", ABBREV_REGION, 1 }, { "calif", ABBREV_REGION, 1 }, { "colo", ABBREV_REGION, 1 },
	{ "conn", ABBREV_REGION, 1 }, { "fla", ABBREV_REGION, 1 }, { "ill", ABBREV_REGION, 1 },
	{ "kan", ABBREV_REGION, 1 }, { "mass", ABBREV_REGION, 1 }, { "mich", ABBREV_REGION, 1 },
	{ "minn", ABBREV_REGION, 1 }, { "miss", ABBREV_REGION, 1 }, { "nev", ABBREV_REGION, 1 },
	{ "okla", ABBREV_REGION, 1 }, { "ore", ABBREV_REGION, 1 }, { "penn", ABBREV_REGION, 1 },
	{ "tenn", ABBREV_REGION, 1 }, { "tex", ABBREV_REGION, 1 }, { "va", ABBREV_REGION, 1 },
	{ "wash", ABBREV_REGION, 1 }, { "wis", ABBREV_REGION, 1 }, { "ala", ABBREV_REGION, 1 },
	{ "ark", ABBREV_REGION, 1 }, { "md", ABBREV_REGION, 1 }, { "mo", ABBREV_REGION, 1 },
	{ "neb", ABBREV_REGION, 1 }, { "ky", ABBREV_REGION, 1 }, { "vt", ABBREV_REGION, 1 },
	{ "wyo", ABBREV_REGION, 1 }, { "mont", ABBREV_REGION, 1 }, { "pa", ABBREV_REGION, 1 },
	{ "ga", ABBREV_REGION, 1 }, { "ind", ABBREV_REGION, 1 }, { "del", ABBREV_REGION, 1 },
	{ "kans", ABBREV_REGION, 1 }, { "nebr", ABBREV_REGION, 1 }, { "wisc", ABBREV_REGION, 1 },
	{ "ont", ABBREV_REGION, 1 }, { "sask", ABBREV_REGION, 1 },
	/* "etc." closes a list; units close a quantity ("rose 25 pct."). */
	{ "etc", ABBREV_FINAL, 0 }, { "pct", ABBREV_FINAL, 0 }, { "hrs", ABBREV_FINAL, 0 },
	{ "mins", ABBREV_FINAL, 0 }, { "yrs", ABBREV_FINAL, 0 }, { "oz", ABBREV_FINAL, 0 },
	{ "lb", ABBREV_FINAL, 0 }, { "lbs", ABBREV_FINAL, 0 },
	/* Latin and general. */
	{ "al", ABBREV_PLAIN, 0 }, { "ibid", ABBREV_PLAIN, 0 },
	{ "est", ABBREV_PLAIN, 0 }, { "min", ABBREV_PLAIN, 0 }, { "max", ABBREV_PLAIN, 0 },
	{ "hr", ABBREV_PLAIN, 0 }, { "yr", ABBREV_PLAIN, 0 },
	{ "govt", ABBREV_PLAIN, 0 }, { "dist", ABBREV_PLAIN, 0 }, { "div", ABBREV_PLAIN, 0 },
	{ "mfg", ABBREV_PLAIN, 0 }, { "natl", ABBREV_PLAIN, 0 }, { "misc", ABBREV_PLAIN, 0 },
	{ "ex", ABBREV_PLAIN, 0 }, { "mfrs", ABBREV_PLAIN, 0 }, { "ph", ABBREV_PLAIN, 1 },
};

/* 1 if word[0..len) is one of the NULL-terminated words (exact bytes). */
static int
in_list(const char *const *words, const char *word, size_t len)
{
	size_t i;

	for (i = 0; words[i]; i++)
		if (strlen(words[i]) == len && memcmp(words[i], word, len) == 0)
			return 1;
	return 0;
}

/*
 * word[0..len) in lower case into low (NUL-terminated), if it is ASCII
 * (letters only when letters_only) and fits in size bytes; else 0.
 */
static int
lower_ascii(const char *word, size_t len, char *low, size_t size, int letters_only)
{
	size_t i;

	if (len == 0 || len >= size)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c >= 0x80 || (letters_only && !isalpha(c)))
			return 0;
		low[i] = (char)tolower(c);
	}
	low[len] = '\0';
	return 1;
}

enum abbrev_kind
abbrev_lookup(const char *word, size_t len)
{
	char low[16];
	size_t i;

	if (len == 0 || len > 6) /* the longest entry has 6 letters */
		return ABBREV_NONE;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c >= 0x80 || !isalpha(c))
			return ABBREV_NONE;
		low[i] = (char)tolower(c);
	}
	low[len] = '\0';
	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (table[i].word[0] != low[0] || strcmp(table[i].word, low) != 0)
			continue;
		if (table[i].capital && !isupper((unsigned char)word[0]))
			return ABBREV_NONE;
		/* "NO." or "MAR." in capitals is a shouted word, not an abbreviation. */
		if (len > 1 && isupper((unsigned char)word[1]) && table[i].capital)
			return ABBREV_NONE;
		return (enum abbrev_kind)table[i].kind;
	}
	return ABBREV_NONE;
}

enum abbrev_kind
abbrev_lookup_caps(const char *word, size_t len)
{
	/* Abbreviations that are also words a headline may shout at a sentence's end. */
	static const char *const words[] = { "ill", "miss", "mass", "wash", "ore", "ark", "sun", "wed", "sat", NULL };
	/* Titles that also stand before numbers ("Col. 3"): in capitals, the title. */
	static const char *const titles[] = { "col", "rev", "pt", NULL };
	char low[16];
	size_t i;

	if (len < 2 || len > 6)
		return ABBREV_NONE;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c < 'A' || c > 'Z')
			return ABBREV_NONE;
		low[i] = (char)(c + 32);
	}
	low[len] = '\0';
	/* "NO." before a word is the word (before a digit, see abbrev_before_number()). */
	if (abbrev_before_number(low, len) && !in_list(titles, low, len))
		return ABBREV_NONE;
	for (i = 0; words[i]; i++)
		if (strcmp(words[i], low) == 0)
			return ABBREV_NONE;
	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].word, low) == 0)
			return (enum abbrev_kind)table[i].kind;
	return ABBREV_NONE;
}

int
abbrev_name_continuation(const char *word, size_t len)
{
	/* Legal forms after another, and titles between a company and a person's name. */
	static const char *const words[] = {
		"ltd", "plc", "inc", "co", "corp", "llc", "ag", "sa", "nv", "bv", "gmbh", "spa", "pty", "lp", "llp", "pc",
		"chairman", "chairwoman", "chair", "president", "chief", "ceo", "cfo", "coo", "vice", "executive",
		"director", "founder", "co-founder", "cofounder", "spokesman", "spokeswoman", "spokesperson",
		"head", "managing", "senior", "general", "treasurer", "secretary", "economist", "analyst", NULL,
	};
	char low[16];

	return lower_ascii(word, len, low, sizeof low, 0) && in_list(words, low, len);
}

int
abbrev_before_number(const char *word, size_t len)
{
	static const char *const words[] = {
		"no", "nos", "vol", "vols", "fig", "figs", "pp", "p", "art", "arts", "ch", "sec", "secs",
		"para", "op", "rs", "eq", "eqs", "tel", "ext", "ref", "nr", "pt", "pts", "col", "cols",
		"apt", "bldg", "rm",
		"ver", "rev", "ed", "ca", "approx", "vs", "v", "cf", NULL,
	};
	char low[8];

	return lower_ascii(word, len, low, sizeof low, 1) && in_list(words, low, len);
}

int
abbrev_exclamation_name(const char *word, size_t len)
{
	/* Names that are written with an exclamation mark, which then ends no sentence. */
	static const char *const names[] = {
		"Yahoo", "Jeopardy", "Joomla", "Wham", NULL,
	};

	return in_list(names, word, len);
}

int
abbrev_sentence_starter(const char *word, size_t len)
{
	/*
	 * Closed-class words (pronouns, determiners, conjunctions, prepositions,
	 * sentence adverbs) and quantity words that, capitalised after an
	 * abbreviation such as "Inc." or "U.S.", almost surely begin a sentence,
	 * where a capitalised noun ("U.S. Senate") usually does not.
	 */
	static const char *const starters[] = {
		"A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They",
		"We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "But",
		"And", "Or", "So", "Yet", "Nor", "However", "In", "On", "At", "For", "If", "When",
		"While", "As", "After", "Before", "Since", "Although", "Though", "Because", "Meanwhile",
		"Still", "Then", "Now", "Some", "Many", "Most", "All", "No", "Not", "None", "What", "Why",
		"How", "Who", "Whom", "Whose", "Where", "Which", "Last", "Earlier", "Later", "According",
		"During", "By", "With", "Without", "From", "To", "Into", "Under", "Over", "About",
		"Each", "Both", "Either", "Neither", "Every", "Another", "Other", "Others", "Such",
		"Several", "Few", "More", "Much", "Also", "Instead", "Thus", "Therefore", "Indeed",
		"Nevertheless", "Nonetheless", "Moreover", "Furthermore", "Besides", "Otherwise",
		"Despite", "Until", "Unless", "Once", "Even", "Only", "Just", "Perhaps", "Maybe",
		"Yes", "Being", "Did", "Does", "Do", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
		"Will", "Would", "Can", "Could", "Should", "May", "Might", "Must", "Let", "Please",
		"Millions", "Thousands", "Hundreds", "Dozens", "Tens", "Billions", NULL,
	};

	char cap[16];
	size_t i;

	if (len == 0 || len > 12)
		return 0;
	if (in_list(starters, word, len))
		return 1;
	/* In capitals ("THE"), as a headline writes it: compare as capitalised. */
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c < 'A' || c > 'Z')
			return 0;
		cap[i] = (char)(i == 0 ? c : c + 32);
	}
	return len >= 2 && in_list(starters, cap, len);
}

int
abbrev_pronoun(const char *word, size_t len)
{
	static const char *const words[] = { "He", "She", "They", "We", "I", "It", "You", NULL };

	return in_list(words, word, len);
}

int
abbrev_speech_verb(const char *word, size_t len)
{
	/*
	 * Verbs that report speech, past and present third person: the
	 * attribution after a quotation ("... ?" he asked).
	 */
	static const char *const words[] = {
		"said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes",
		"tweeted", "tweets", "posted", "posts", "replied", "replies", "answered", "answers",
		"explained", "explains", "shouted", "shouts", "cried", "cries", "yelled", "yells",
		"exclaimed", "exclaims", "whispered", "whispers", "screamed", "screams", "demanded",
		"demands", "wondered", "wonders", "recalled", "recalls", "continued", "continues",
		"insisted", "insists", "joked", "jokes", "laughed", "laughs", "sighed", "sighs",
		"snapped", "snaps", "countered", "counters", "declared", "declares", "warned", "warns",
		"pleaded", "pleads", "begged", "begs", "muttered", "mutters", "noted", "notes", "quipped",
		"quips", "responded", "responds", "stated", "states", "argued", "argues", "chanted",
		"chants", "sang", "sings", "protested", "protests", "objected", "objects", "interrupted",
		"interrupts", "agreed", "agrees", "admitted", "admits", "conceded", "concedes",
		"announced", "announces", "boasted", "boasts", "claimed", "claims", "murmured",
		"murmurs", "called", "calls", "roared", "roars", "groaned", "groans", NULL,
	};

	return in_list(words, word, len);
}

int
abbrev_ordinal_month(const char *word, size_t len)
{
	static const char *const months[] = {
		"Januar", "J\xc3\xa4nner", "Februar", "M\xc3\xa4rz", "April", "Mai", "Juni", "Juli",
		"August", "September", "Oktober", "November", "Dezember", NULL,
	};

	return in_list(months, word, len);
}
