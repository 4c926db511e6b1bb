/*
 * words.c - the word lists of the entity engine (work.h's enum
 * word_list), and the per-token lookup of them.
 *
 * The lists are knowledge of English and of news writing (titles,
 * calendar words, currencies, units of measure), not of any data set.
 * Entries are lower case with digits written 0, as a token's `lw` form
 * ("1st" is "0st").
 */
#include <string.h>

#include "entities/work.h"
#include "xalloc.h"

/* Words before a name that are not part of it (CoNLL convention). */
static const char *const titles[] = {
	"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady",
	"president", "sen.", "sen", "senator", "rep.", "gov.", "governor", "gen.", "general", "col.", "capt.",
	"lt.", "sgt.", "judge", "justice", "minister", "secretary", "chancellor", "mayor", "rev.", "pope",
	"king", "queen", "prince", "princess", "ceo", "chairman", "vice", "st.", "saint", NULL,
};
static const char *const honorifics[] = {
	"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof.", "messrs.", NULL,
};
/* Titles that sit between an organisation and a person's name. */
static const char *const inner_titles[] = {
	"ceo", "chief", "president", "chairman", "chairwoman", "founder", "co-founder", "cofounder", "director",
	"spokesman", "spokeswoman", "spokesperson", "executive", "head", NULL,
};
static const char *const connectors[] = { "and", "of", "for", "the", "&", "on", "de", "in", NULL };

/* "May" is left out: it is a month only by its context (numeric.c). */
static const char *const months[] = {
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
	"oct.", "nov.", "dec.", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", NULL,
};
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};
static const char *const dayparts[] = {
	"morning", "afternoon", "evening", "night", "midday", "noon", "midnight", "lunchtime", NULL,
};
static const char *const relative[] = {
	"last", "next", "this", "past", "coming", "previous", "prior", "recent", "same", "current", "following",
	"preceding", NULL,
};
static const char *const periods[] = {
	"day", "days", "week", "weeks", "weekend", "weekends", "fortnight", "month", "months", "mths", "year",
	"years", "yr.", "yrs.", "decade", "decades", "century", "centuries", "quarter", "quarters", "qtr", "qtrs", "season",
	"seasons", "spring", "summer", "autumn", "fall", "winter", NULL,
};
static const char *const part_periods[] = {
	"quarter", "qtr", "half", "week", "weeks", "month", "months", "mths", "year", "season", NULL,
};
static const char *const deictic[] = { "yesterday", "today", "tomorrow", NULL };
static const char *const scales[] = {
	"million", "billion", "trillion", "thousand", "hundred", "m", "bn", "mln", "bln", "k", "tn", NULL,
};
static const char *const currencies[] = {
	"dollars", "dollar", "dlrs", "dlr", "cents", "cent", "cts", "euros", "euro", "pounds", "pound",
	"sterling", "stg", "pence", "yen", "yuan", "renminbi", "rupees", "rupee", "francs", "franc", "marks",
	"lire", "lira", "pesetas", "peseta", "crowns", "crown", "kronor", "krona", "kroner", "krone", "rand",
	"ecu", "ecus", "pesos", "peso", "cruzados", "cruzado", "cruzeiros", "roubles", "rubles", "rouble",
	"ruble", "won", "ringgit", "baht", "riyals", "riyal", "dinars", "dinar", "guilders", "guilder",
	"schillings", "schilling", "forints", "forint", "zlotys", "zloty", "escudos", "drachmas", "shekels",
	"rupiah", "australs", "naira", "dirhams", "usd", "eur", "gbp", "jpy", "chf", "dm", NULL,
};
/* Abbreviations keep their full stop where the tokenizer cannot tell a sentence ends ("8-1/2 pct."). */
static const char *const percents[] = { "%", "percent", "pct", "pct.", NULL };
static const char *const numwords[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
	"forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
	"trillion", "dozen", "hundreds", "thousands", "millions", "billions", "dozens", "tens", NULL,
};
/* Units of measure (OntoNotes QUANTITY) and of time under a day (TIME): no entity of ours. */
static const char *const units[] = {
	"tonnes", "tonne", "tons", "ton", "barrels", "barrel", "bbl", "bpd", "bushels", "bushel", "ounces",
	"ounce", "oz", "ozs", "kilos", "kilo", "kg", "kgs", "kilograms", "kilogram", "grams", "gram", "gm",
	"lbs", "lb", "lbs.", "lb.", "oz.", "miles", "mile", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer",
	"metres", "meters", "metre", "meter", "feet", "foot", "ft", "inches", "inch", "yards", "yard", "acres",
	"acre", "hectares", "hectare", "gallons", "gallon", "litres", "liters", "litre", "liter", "cubic",
	"square", "sq", "megawatts", "megawatt", "mw", "kw", "kwh", "gigawatts", "degrees", "degree", "bales",
	"bale", "carats", "carat", "cwt", "mph", "knots", "hours", "hour", "hrs", "minutes", "minute", "mins",
	"seconds", NULL,
};
static const char *const approx[] = {
	"about", "around", "some", "nearly", "almost", "roughly", "approximately", "over", "under", "another",
	"approx.", NULL,
};
static const char *const ordinals[] = {
	"first", "second", "third", "fourth", "final", "last", "0st", "0nd", "0rd", "0th", NULL,
};
static const char *const edges[] = { "early", "late", "mid", "earlier", "later", NULL };
static const char *const ago[] = { "ago", "earlier", "later", NULL };
static const char *const period_links[] = { "ended", "ending", "ends", "to", "through", "until", NULL };
static const char *const few[] = { "few", "several", "couple", NULL };
static const char *const time_suffix[] = {
	"a.m.", "p.m.", "am", "pm", "gmt", "est", "edt", "bst", "cet", "hrs", "o'clock", NULL,
};
static const char *const parallel[] = {
	"from", "vs", "vs.", "versus", "against", "to", "than", "and", "or", "with", NULL,
};

static const char *const rule_starts[] = {
	"the", "a", "an", "between", "more", "less", "fewer", "up", "at", "just", "well", "as", "fiscal", "stg", NULL,
};

/* In the order of enum word_list. */
static const char *const *const all_lists[WL_COUNT] = {
	titles, honorifics, inner_titles, connectors, months, weekdays, dayparts, relative, periods,
	part_periods, deictic, scales, currencies, percents, numwords, units, approx, ordinals, edges, ago,
	period_links, few, time_suffix, parallel, rule_starts,
};

/* The longest entry, in bytes: longer tokens are in no list. */
#define LONGEST_WORD 16

void
ner_words_build(struct ner_model *m)
{
	unsigned b;
	const char *const *p;
	size_t mask = NER_WORDS_SLOTS - 1, i;

	memset(m->wkeys, 0, sizeof m->wkeys);
	memset(m->wbits, 0, sizeof m->wbits);
	for (b = 0; b < WL_COUNT; b++)
		for (p = all_lists[b]; *p; p++) {
			uint64_t h = ner_lower_hash(*p, strlen(*p)) | 1;
			for (i = h & mask; m->wkeys[i] && m->wkeys[i] != h; i = (i + 1) & mask)
				;
			m->wkeys[i] = h;
			m->wbits[i] |= 1u << b;
		}
}

void
work_word_classes(const struct ner_model *m, struct work *w)
{
	size_t k, i, mask = NER_WORDS_SLOTS - 1;
	for (k = 0; k < w->d.n; k++) {
		uint64_t h = w->d.t[k].hl | 1;
		w->cls[k] = 0;
		if (w->d.t[k].lwlen > LONGEST_WORD)
			continue;
		for (i = h & mask; m->wkeys[i]; i = (i + 1) & mask)
			if (m->wkeys[i] == h) {
				w->cls[k] = m->wbits[i];
				break;
			}
	}
}

int
work_in(const struct work *w, size_t i, enum word_list l)
{
	return i < w->d.n && ((w->cls[i] >> l) & 1);
}

int
work_is(const struct work *w, size_t i, const char *s)
{
	return i < w->d.n && strcmp(w->d.t[i].lw, s) == 0;
}

void
work_add_mention(struct work *w, size_t b, size_t e, enum entity_type t)
{
	/* A name never runs from one sentence into the next. */
	if (e <= b || w->sid[b] != w->sid[e - 1])
		return;
	if (w->nm == w->mcap) {
		w->mcap = w->mcap ? 2 * w->mcap : 32;
		w->m = xreallocarray(w->m, w->mcap, sizeof *w->m);
	}
	w->m[w->nm].b = b;
	w->m[w->nm].e = e;
	w->m[w->nm].type = t;
	w->m[w->nm].canon = w->nm;
	w->nm++;
	for (; b < e; b++)
		w->used[b] = 1;
}
