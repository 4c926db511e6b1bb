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
	{ "ft", ABBREV_PREFIX, 1 }, { "pt", ABBREV_PREFIX, 1 },
	/* Before a number: No. 1, Vol. 2, Fig. 3, pp. 4, Art. 5. */
	{ "no", ABBREV_PREFIX, 1 }, { "nos", ABBREV_PREFIX, 1 }, { "vol", ABBREV_PREFIX, 0 },
	{ "vols", ABBREV_PREFIX, 0 }, { "fig", ABBREV_PREFIX, 0 }, { "figs", ABBREV_PREFIX, 0 },
	{ "pp", ABBREV_PREFIX, 0 }, { "art", ABBREV_PREFIX, 1 }, { "ch", ABBREV_PREFIX, 0 },
	{ "sec", ABBREV_PREFIX, 1 }, { "para", ABBREV_PREFIX, 0 }, { "op", ABBREV_PREFIX, 0 },
	{ "approx", ABBREV_PREFIX, 0 }, { "ca", ABBREV_PREFIX, 0 }, { "cf", ABBREV_PREFIX, 0 },
	{ "viz", ABBREV_PREFIX, 0 }, { "vs", ABBREV_PREFIX, 0 }, { "v", ABBREV_PREFIX, 0 },
	/* Company and organisation suffixes: often end a sentence. */
	{ "inc", ABBREV_PLAIN, 0 }, { "corp", ABBREV_PLAIN, 0 }, { "co", ABBREV_PLAIN, 1 },
	{ "ltd", ABBREV_PLAIN, 0 }, { "llc", ABBREV_PLAIN, 0 }, { "plc", ABBREV_PLAIN, 0 },
	{ "bros", ABBREV_PLAIN, 1 }, { "cos", ABBREV_PLAIN, 1 }, { "assn", ABBREV_PLAIN, 0 },
	{ "dept", ABBREV_PLAIN, 0 }, { "univ", ABBREV_PLAIN, 0 }, { "intl", ABBREV_PLAIN, 0 },
	{ "jr", ABBREV_PLAIN, 1 }, { "sr", ABBREV_PLAIN, 1 }, { "esq", ABBREV_PLAIN, 1 },
	/* Months and days, as news writes them ("Jan. 26", "Sept. 11"). */
	{ "jan", ABBREV_PLAIN, 1 }, { "feb", ABBREV_PLAIN, 1 }, { "mar", ABBREV_PLAIN, 1 },
	{ "apr", ABBREV_PLAIN, 1 }, { "jun", ABBREV_PLAIN, 1 }, { "jul", ABBREV_PLAIN, 1 },
	{ "aug", ABBREV_PLAIN, 1 }, { "sep", ABBREV_PLAIN, 1 }, { "sept", ABBREV_PLAIN, 1 },
	{ "oct", ABBREV_PLAIN, 1 }, { "nov", ABBREV_PLAIN, 1 }, { "dec", ABBREV_PLAIN, 1 },
	{ "mon", ABBREV_PLAIN, 1 }, { "tue", ABBREV_PLAIN, 1 }, { "tues", ABBREV_PLAIN, 1 },
	{ "wed", ABBREV_PLAIN, 1 }, { "thu", ABBREV_PLAIN, 1 }, { "thur", ABBREV_PLAIN, 1 },
	{ "thurs", ABBREV_PLAIN, 1 }, { "fri", ABBREV_PLAIN, 1 }, { "sat", ABBREV_PLAIN, 1 },
	/* Addresses and places. */
	{ "ave", ABBREV_PLAIN, 0 }, { "blvd", ABBREV_PLAIN, 0 }, { "rd", ABBREV_PLAIN, 0 },
	{ "hwy", ABBREV_PLAIN, 0 }, { "sq", ABBREV_PLAIN, 0 }, { "ln", ABBREV_PLAIN, 0 },
	{ "ariz", ABBREV_PLAIN, 1 }, { "calif", ABBREV_PLAIN, 1 }, { "colo", ABBREV_PLAIN, 1 },
	{ "conn", ABBREV_PLAIN, 1 }, { "fla", ABBREV_PLAIN, 1 }, { "ill", ABBREV_PLAIN, 1 },
	{ "kan", ABBREV_PLAIN, 1 }, { "mass", ABBREV_PLAIN, 1 }, { "mich", ABBREV_PLAIN, 1 },
	{ "minn", ABBREV_PLAIN, 1 }, { "miss", ABBREV_PLAIN, 1 }, { "nev", ABBREV_PLAIN, 1 },
	{ "okla", ABBREV_PLAIN, 1 }, { "ore", ABBREV_PLAIN, 1 }, { "penn", ABBREV_PLAIN, 1 },
	{ "tenn", ABBREV_PLAIN, 1 }, { "tex", ABBREV_PLAIN, 1 }, { "va", ABBREV_PLAIN, 1 },
	{ "wash", ABBREV_PLAIN, 1 }, { "wis", ABBREV_PLAIN, 1 }, { "ala", ABBREV_PLAIN, 1 },
	{ "ark", ABBREV_PLAIN, 1 }, { "md", ABBREV_PLAIN, 1 }, { "mo", ABBREV_PLAIN, 1 },
	/* Latin and general. */
	{ "etc", ABBREV_PLAIN, 0 }, { "al", ABBREV_PLAIN, 0 }, { "ibid", ABBREV_PLAIN, 0 },
	{ "est", ABBREV_PLAIN, 0 }, { "min", ABBREV_PLAIN, 0 }, { "max", ABBREV_PLAIN, 0 },
	{ "hr", ABBREV_PLAIN, 0 }, { "hrs", ABBREV_PLAIN, 0 }, { "mins", ABBREV_PLAIN, 0 },
	{ "yr", ABBREV_PLAIN, 0 }, { "yrs", ABBREV_PLAIN, 0 }, { "oz", ABBREV_PLAIN, 0 },
	{ "lb", ABBREV_PLAIN, 0 }, { "lbs", ABBREV_PLAIN, 0 }, { "pct", ABBREV_PLAIN, 0 },
	{ "govt", ABBREV_PLAIN, 0 }, { "dist", ABBREV_PLAIN, 0 }, { "div", ABBREV_PLAIN, 0 },
	{ "mfg", ABBREV_PLAIN, 0 }, { "natl", ABBREV_PLAIN, 0 }, { "misc", ABBREV_PLAIN, 0 },
};

enum abbrev_kind
abbrev_lookup(const char *word, size_t len)
{
	char low[16];
	size_t i;

	if (len == 0 || len >= sizeof low)
		return ABBREV_NONE;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c >= 0x80 || !isalpha(c))
			return ABBREV_NONE;
		low[i] = (char)tolower(c);
	}
	low[len] = '\0';
	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (strcmp(table[i].word, low) != 0)
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
