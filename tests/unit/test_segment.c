/*
 * test_segment.c - hand-written cases for the paragraph and sentence
 * segmenter (common/segment.c), one or more per rule.
 * Prints 'N passed, N failed'; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "spans.h"
#include "utf8.h"

#define MAXS 8

struct scase {
	const char *name;
	const char *text;
	const char *want[MAXS + 1]; /* expected sentences, NULL-terminated */
};

static const struct scase cases[] = {
	/* Plain full stops, question and exclamation marks. */
	{ "plain", "The sky is blue. The grass is green.", { "The sky is blue.", "The grass is green.", NULL } },
	{ "question", "Is it? Yes! It is.", { "Is it?", "Yes!", "It is.", NULL } },
	{ "lower after stop", "He said e.g. this and that.", { "He said e.g. this and that.", NULL } },
	/* Abbreviations. */
	{ "title", "Mr. Smith met Dr. Jones at St. Mary's.", { "Mr. Smith met Dr. Jones at St. Mary's.", NULL } },
	{ "U.S. noun", "The U.S. Senate voted on Tuesday.", { "The U.S. Senate voted on Tuesday.", NULL } },
	{ "U.S. end", "He moved to the U.S. The move was hard.", { "He moved to the U.S.", "The move was hard.", NULL } },
	{ "month", "On Jan. 20 the president spoke.", { "On Jan. 20 the president spoke.", NULL } },
	{ "Inc. said", "Apple Inc. said profit rose.", { "Apple Inc. said profit rose.", NULL } },
	{ "Inc. end", "He works for Apple Inc. He likes it.", { "He works for Apple Inc.", "He likes it.", NULL } },
	{ "a.m. lower", "He left at 5 a.m. and came back.", { "He left at 5 a.m. and came back.", NULL } },
	{ "a.m. end", "He left at 6 a.m. Travelers waited.", { "He left at 6 a.m.", "Travelers waited.", NULL } },
	{ "p.m. zone", "The call is at 5 p.m. ET on Monday.", { "The call is at 5 p.m. ET on Monday.", NULL } },
	{ "No. number", "He is no. 5 on the list.", { "He is no. 5 on the list.", NULL } },
	{ "Rs. number", "I was paid Rs. 500 for it.", { "I was paid Rs. 500 for it.", NULL } },
	/* Initials. */
	{ "initials", "John F. Kennedy and J. K. Rowling met.", { "John F. Kennedy and J. K. Rowling met.", NULL } },
	/* A day written as an ordinal before its month (German, Danish, Norwegian, ...). */
	{ "ordinal day", "Die Wahl findet am 3. Oktober statt. Sie endet am 14. M\xc3\xa4rz.",
	  { "Die Wahl findet am 3. Oktober statt.", "Sie endet am 14. M\xc3\xa4rz.", NULL } },
	{ "number then month", "The vote was 2-1. May is next. It fell in 1990. March came.",
	  { "The vote was 2-1.", "May is next.", "It fell in 1990.", "March came.", NULL } },
	/* French spacing: a space or no-break space before the closing guillemet. */
	{ "guillemets spaced", "\xc2\xab Nous sommes pr\xc3\xaats. \xc2\xbb Le jour vint.",
	  { "\xc2\xab Nous sommes pr\xc3\xaats. \xc2\xbb", "Le jour vint.", NULL } },
	{ "guillemets nbsp", "\xc2\xab\xe2\x80\xafOui.\xe2\x80\xaf\xc2\xbb Le jour vint.",
	  { "\xc2\xab\xe2\x80\xafOui.\xe2\x80\xaf\xc2\xbb", "Le jour vint.", NULL } },
	{ "initial end", "His name is Mark E. Smith. He sings.", { "His name is Mark E. Smith.", "He sings.", NULL } },
	/* Numbers and money. */
	{ "money", "Revenue was $13.5 billion. Costs fell 2.5%.",
	  { "Revenue was $13.5 billion.", "Costs fell 2.5%.", NULL } },
	{ "number end", "It happened in 1990. Then it stopped.", { "It happened in 1990.", "Then it stopped.", NULL } },
	{ "money start", "Sales rose. $5 million was spent.", { "Sales rose.", "$5 million was spent.", NULL } },
	/* Ellipses. */
	{ "ellipsis lower", "Well... maybe not.", { "Well... maybe not.", NULL } },
	{ "ellipsis upper", "I waited... Nobody came.", { "I waited...", "Nobody came.", NULL } },
	{ "ellipsis char", "It was \xe2\x80\xa6 odd. Yes.", { "It was \xe2\x80\xa6 odd.", "Yes.", NULL } },
	/* Quotes and brackets after the stop. */
	{ "quote after stop", "He said \"Go home.\" Then he left.", { "He said \"Go home.\"", "Then he left.", NULL } },
	{ "paren after stop", "It rained. (It always does.) We stayed.",
	  { "It rained.", "(It always does.)", "We stayed.", NULL } },
	{ "why he asked", "\"Why?\" he asked.", { "\"Why?\" he asked.", NULL } },
	{ "stop he said", "\"Stop!\" she said. \"Now!\"", { "\"Stop!\" she said.", "\"Now!\"", NULL } },
	{ "curly quote", "\xe2\x80\x9cWe won,\xe2\x80\x9d he said. \xe2\x80\x9cWe are happy.\xe2\x80\x9d",
	  { "\xe2\x80\x9cWe won,\xe2\x80\x9d he said.", "\xe2\x80\x9cWe are happy.\xe2\x80\x9d", NULL } },
	/* Quotations of several sentences: a full stop inside ends one. */
	{ "quote of two sentences", "He said, \"It is late. We go.\" and left.",
	  { "He said, \"It is late.", "We go.\" and left.", NULL } },
	{ "quote before cue", "\xe2\x80\x9cWe are happy. This is great,\xe2\x80\x9d he said.",
	  { "\xe2\x80\x9cWe are happy.", "This is great,\xe2\x80\x9d he said.", NULL } },
	{ "tweet quoted", "Obama wrote: \xe2\x80\x9c" "Cool clock, Ahmed. Want to bring it to the White House?\xe2\x80\x9d He did.",
	  { "Obama wrote: \xe2\x80\x9c" "Cool clock, Ahmed.", "Want to bring it to the White House?\xe2\x80\x9d", "He did.",
	    NULL } },
	{ "single-quoted sentences", "\xe2\x80\x98It was hard. We won,\xe2\x80\x99 she said.",
	  { "\xe2\x80\x98It was hard.", "We won,\xe2\x80\x99 she said.", NULL } },
	{ "abbreviation in quote", "\"Mr. Smith left at 5 p.m. on Friday,\" he said.",
	  { "\"Mr. Smith left at 5 p.m. on Friday,\" he said.", NULL } },
	{ "exclamations in quote", "He cried, \"Oh dear! Oh dear! I shall be late!\" and ran.",
	  { "He cried, \"Oh dear! Oh dear! I shall be late!\" and ran.", NULL } },
	{ "ellipsis in quote", "\"I waited... Nobody came,\" he said.", { "\"I waited... Nobody came,\" he said.", NULL } },
	{ "quote in brackets kept", "He left (\"It is late. We go.\") at once.",
	  { "He left (\"It is late. We go.\") at once.", NULL } },
	{ "quote then attribution", "\"Why do it?\" Barack Obama asked. He left.",
	  { "\"Why do it?\" Barack Obama asked.", "He left.", NULL } },
	{ "quote then new sentence", "\"Who is this?\" She said it to the Knave.",
	  { "\"Who is this?\"", "She said it to the Knave.", NULL } },
	{ "spaced ellipsis in quote", "\xe2\x80\x9cIt was over. . . . The crowd left,\xe2\x80\x9d he said.",
	  { "\xe2\x80\x9cIt was over. . . .", "The crowd left,\xe2\x80\x9d he said.", NULL } },
	{ "quote ends sentence", "She shouted \"Run! Now!\" Nobody moved.",
	  { "She shouted \"Run! Now!\"", "Nobody moved.", NULL } },
	{ "single quotes", "'Well!' thought Alice. She sat.", { "'Well!' thought Alice.", "She sat.", NULL } },
	{ "apostrophes", "The players' union met. It's done.", { "The players' union met.", "It's done.", NULL } },
	/* Lists. */
	{ "list number", "1. This is a list item.", { "1. This is a list item.", NULL } },
	{ "list letters", "a) one thing b) another c) more", { "a) one thing", "b) another", "c) more", NULL } },
	{ "list parens", "(a) Hello world. (b) Hello again.", { "(a) Hello world.", "(b) Hello again.", NULL } },
	{ "list lines", "1. First item\n2. Second item", { "1. First item", "2. Second item", NULL } },
	/* URLs, emails, file names. */
	{ "url", "See www.example.com/a.html for more. It helps.",
	  { "See www.example.com/a.html for more.", "It helps.", NULL } },
	{ "url end", "Visit https://example.com. Then call.", { "Visit https://example.com.", "Then call.", NULL } },
	{ "email", "Mail john.smith@example.com today. He replies.",
	  { "Mail john.smith@example.com today.", "He replies.", NULL } },
	/* Headlines and lines. */
	{ "headline lines", "Markets Fall Sharply\nStocks fell on Monday. Bonds rose.",
	  { "Markets Fall Sharply", "Stocks fell on Monday.", "Bonds rose.", NULL } },
	{ "heading in paragraphs", "Chapter One\nIt began.\n\nThe end came.",
	  { "Chapter One", "It began.", "The end came.", NULL } },
	{ "hard wrap", "The hammer falls and\ninitiates a shot.", { "The hammer falls and\ninitiates a shot.", NULL } },
	{ "wrapped paragraphs", "It was a long\nday for all of us.\n\nThen night fell.",
	  { "It was a long\nday for all of us.", "Then night fell.", NULL } },
	/* A line without final punctuation is a sentence unless it visibly runs on. */
	{ "caption line", "A man walks his dog in the park\nThe council closed the park.\n\nIt reopened.",
	  { "A man walks his dog in the park", "The council closed the park.", "It reopened.", NULL } },
	{ "credit line", "The mayor spoke.\nPhoto: John Smith/AP\nShe said more.\n\nEnd.",
	  { "The mayor spoke.", "Photo: John Smith/AP", "She said more.", "End.", NULL } },
	{ "colon line", "He said in a statement:\n\"We won.\"\n\nEnd.",
	  { "He said in a statement:\n\"We won.\"", "End.", NULL } },
	{ "wrapped before a name",
	  "The proposal was first made public on Monday by the\n"
	  "Finance Minister, who said that the plan would cut the\n"
	  "deficit by half within three years of its adoption by\n"
	  "Parliament.\n\nEnd.",
	  { "The proposal was first made public on Monday by the\n"
	    "Finance Minister, who said that the plan would cut the\n"
	    "deficit by half within three years of its adoption by\n"
	    "Parliament.", "End.", NULL } },
	{ "short line in wrapped text",
	  "Summary\n"
	  "The proposal was first made public on Monday by the\n"
	  "minister, who said that the plan would cut the deficit\n"
	  "by half within three years.\n\nEnd.",
	  { "Summary", "The proposal was first made public on Monday by the\n"
	    "minister, who said that the plan would cut the deficit\n"
	    "by half within three years.", "End.", NULL } },
	/* Sentences glued with no space after the mark. */
	{ "glued stop", "Hello world.Today is Tuesday.", { "Hello world.", "Today is Tuesday.", NULL } },
	{ "glued credit", "He did not get it.Credit...Doug Mills", { "He did not get it.", "Credit...Doug Mills", NULL } },
	{ "glued question", "Are you ready?Yes, I am.", { "Are you ready?", "Yes, I am.", NULL } },
	{ "glued year", "It closed in 2015.The site is gone.", { "It closed in 2015.", "The site is gone.", NULL } },
	{ "not glued", "See example.Com or St.Louis, the U.S.Army and J.Smith at www.news.Today.",
	  { "See example.Com or St.Louis, the U.S.Army and J.Smith at www.news.Today.", NULL } },
	{ "not glued path", "Open config.Local/ or node.Js/x now.", { "Open config.Local/ or node.Js/x now.", NULL } },
	/* Citations and footnotes. */
	{ "citation", "He was a martyr.[1] The emperor ruled.", { "He was a martyr.[1]", "The emperor ruled.", NULL } },
	{ "footnote", "It is a gap in care.11 Take the cold.", { "It is a gap in care.11", "Take the cold.", NULL } },
	/* Names with an exclamation mark. */
	{ "Yahoo!", "He works at Yahoo! Research now.", { "He works at Yahoo! Research now.", NULL } },
	/* Full-width and CJK marks. */
	{ "full-width", "Test\xef\xbc\x8e" "Again\xef\xbc\x8e", { "Test\xef\xbc\x8e", "Again\xef\xbc\x8e", NULL } },
	/* Non-ASCII text. */
	{ "non-ASCII", "Ça va très bien. Élise est là.", { "Ça va très bien.", "Élise est là.", NULL } },
	{ "fronted time", "At 5 a.m. Mr. Smith left. He came back at 6 P.M. Mr. Smith then slept.",
	  { "At 5 a.m. Mr. Smith left.", "He came back at 6 P.M.", "Mr. Smith then slept.", NULL } },
	{ "pronoun I", "We make a team, you and I. Did you see Albert I. Jones?",
	  { "We make a team, you and I.", "Did you see Albert I. Jones?", NULL } },
	{ "spaced ellipsis", "The thing is . . . I did not. It ended. . . . Then it began.",
	  { "The thing is . . . I did not.", "It ended. . . .", "Then it began.", NULL } },
	{ "bullets", "\xe2\x80\xa2 9. The first item \xe2\x80\xa2 10. The second item",
	  { "\xe2\x80\xa2 9. The first item", "\xe2\x80\xa2 10. The second item", NULL } },
	{ "menu lines", "features\ncontact manager\nevents, activities",
	  { "features", "contact manager", "events, activities", NULL } },
	{ "month day", "The meeting is on Jan. 5. It starts at 9 a.m.",
	  { "The meeting is on Jan. 5.", "It starts at 9 a.m.", NULL } },
	{ "inch marks", "The 6\" pipe burst. Officials said the 12\" main was fine.",
	  { "The 6\" pipe burst.", "Officials said the 12\" main was fine.", NULL } },
	{ "quote from earlier paragraph", "were all fine,\" he said. \"Next week we go.\"",
	  { "were all fine,\" he said.", "\"Next week we go.\"", NULL } },
	{ "decade apostrophe", "In the '90s, the firm grew. It hired. The players' union objected.",
	  { "In the '90s, the firm grew.", "It hired.", "The players' union objected.", NULL } },
	{ "no-break space", "It cut 1,200 jobs.\xc2\xa0The shares rose.",
	  { "It cut 1,200 jobs.", "The shares rose.", NULL } },
	{ "D.C. end", "He lives in Washington, D.C. The city is big.",
	  { "He lives in Washington, D.C.", "The city is big.", NULL } },
	{ "camel-case start", "Apple sold more phones. eBay fell.", { "Apple sold more phones.", "eBay fell.", NULL } },
	{ "unit letter", "It was 98.6\xc2\xb0" "F. Normal for him.", { "It was 98.6\xc2\xb0" "F.", "Normal for him.", NULL } },
	{ "unbalanced brackets", "It (was. Then [it. Done.", { "It (was.", "Then [it.", "Done.", NULL } },
	/* An abbreviation's stop before a closing bracket is the abbreviation's (issue 14). */
	{ "abbreviation in brackets", "The court ruled (U.S.) 5-4 in her favour. It was final.",
	  { "The court ruled (U.S.) 5-4 in her favour.", "It was final.", NULL } },
	{ "sentence in brackets", "He left. (Plan B.) Then he came back.",
	  { "He left.", "(Plan B.)", "Then he came back.", NULL } },
	/* All-caps text (datelines, headlines): abbreviations as in mixed case. */
	{ "all-caps title", "FT. WORTH, Texas, May 2 - The firm said. SEN. JONES AGREED.",
	  { "FT. WORTH, Texas, May 2 - The firm said.", "SEN. JONES AGREED.", NULL } },
	{ "acronym in mixed case", "Sources told the FT. But he met Mr Bell, who has MS. Final tests came.",
	  { "Sources told the FT.", "But he met Mr Bell, who has MS.", "Final tests came.", NULL } },
	{ "acronyms in mixed case", "It is in Chesapeake City, MD. VIP tickets sold out.",
	  { "It is in Chesapeake City, MD.", "VIP tickets sold out.", NULL } },
	{ "company in a table", "HD HOME DEPOT INC. 225.86 -12.99\nLOW LOWE'S COMPANIES INC. 113.40 -1.62",
	  { "HD HOME DEPOT INC. 225.86 -12.99", "LOW LOWE'S COMPANIES INC. 113.40 -1.62", NULL } },
	{ "all-caps month", "WASHINGTON, MAR. 3 - THE U.S. SENATE VOTED. THE BILL PASSED.",
	  { "WASHINGTON, MAR. 3 - THE U.S. SENATE VOTED.", "THE BILL PASSED.", NULL } },
	{ "all-caps starter", "OUTPUT FELL 12 PCT. THE MINISTRY SAID SO.",
	  { "OUTPUT FELL 12 PCT.", "THE MINISTRY SAID SO.", NULL } },
	{ "all-caps shouted word", "HE SAID NO. THE CROWD LEFT. SHE WAS ILL. DOCTORS CAME.",
	  { "HE SAID NO.", "THE CROWD LEFT.", "SHE WAS ILL.", "DOCTORS CAME.", NULL } },
	{ "all-caps time", "IT ENDS AT 5 P.M. MONDAY. THEN WE GO.", { "IT ENDS AT 5 P.M. MONDAY.", "THEN WE GO.", NULL } },
	/* A line break before an enumerator ends the sentence; the enumerator ends none. */
	{ "list after heading line", "Men's 400 metres hurdles\n1. Ken Obi (Kenya) 47.91\n2. Al Hart (U.S.) 48.10",
	  { "Men's 400 metres hurdles", "1. Ken Obi (Kenya) 47.91", "2. Al Hart (U.S.) 48.10", NULL } },
	{ "list after heading in paragraphs",
	  "Giant slalom\n1. Ann Berg (Norway) 1:17.97\n2. Lea Roth (Austria) 1:18.02\n\nEnd.",
	  { "Giant slalom", "1. Ann Berg (Norway) 1:17.97", "2. Lea Roth (Austria) 1:18.02", "End.", NULL } },
	{ "list after colon line", "The winners were:\n1. Smith\n2. Jones\n\nEnd.",
	  { "The winners were:", "1. Smith", "2. Jones", "End.", NULL } },
	{ "list after colon in a line", "Results: 1. Ken Obi (Kenya) 47.91 2. Al Hart (U.S.) 48.10",
	  { "Results:", "1. Ken Obi (Kenya) 47.91", "2. Al Hart (U.S.) 48.10", NULL } },
	{ "lettered list after colon", "Two aims: a) growth b) jobs. Time: 10:1. Then more.",
	  { "Two aims:", "a) growth", "b) jobs.", "Time: 10:1.", "Then more.", NULL } },
	{ "lettered list after line", "The two options were\na) stay home\nb) go out",
	  { "The two options were", "a) stay home", "b) go out", NULL } },
	/* An abbreviation that closes a phrase ends the sentence before a capitalised word. */
	{ "pct. end", "Sales rose 25 pct. Analysts had expected more.",
	  { "Sales rose 25 pct.", "Analysts had expected more.", NULL } },
	{ "Inc. end, name after", "He joined Acme Inc. Analysts said it was smart.",
	  { "He joined Acme Inc.", "Analysts said it was smart.", NULL } },
	{ "etc. end", "We sold pens, paper, etc. Customers liked them.",
	  { "We sold pens, paper, etc.", "Customers liked them.", NULL } },
	{ "Inc. title", "Acme Inc. Chairman John Smith said so.", { "Acme Inc. Chairman John Smith said so.", NULL } },
	{ "Inc. bracket", "It is Beta Inc. (\"Beta\") of Ohio. Beta Corp. (NYSE: BC) rose.",
	  { "It is Beta Inc. (\"Beta\") of Ohio.", "Beta Corp. (NYSE: BC) rose.", NULL } },
	{ "Co. Ltd.", "Hanjin Heavy Industries Co. Ltd. said it would bid.",
	  { "Hanjin Heavy Industries Co. Ltd. said it would bid.", NULL } },
	{ "line break after abbreviation", "He moved to the U.S.\nOfficials welcomed him.\n\nEnd.",
	  { "He moved to the U.S.", "Officials welcomed him.", "End.", NULL } },
	{ "quotation after abbreviation", "She returned to the U.S. \"Home is best,\" she said.",
	  { "She returned to the U.S.", "\"Home is best,\" she said.", NULL } },
	{ "nickname after initials", "The chairman, C.J. \"Pete\" Silas, spoke.",
	  { "The chairman, C.J. \"Pete\" Silas, spoke.", NULL } },
	{ "a.m. place time", "It began at 4.50 a.m. Iraq time (0050 GMT). Then at 11 a.m. (0800 GMT) it ended.",
	  { "It began at 4.50 a.m. Iraq time (0050 GMT).", "Then at 11 a.m. (0800 GMT) it ended.", NULL } },
	{ "date over a line", "They meet on Jan.\n5 at noon.\n\nEnd.", { "They meet on Jan.\n5 at noon.", "End.", NULL } },
	{ "compound after U.S.", "He met the U.S. Under-Secretary of State and bought U.S. No.1 wheat.",
	  { "He met the U.S. Under-Secretary of State and bought U.S. No.1 wheat.", NULL } },
	{ "state after a town", "It is based in Louisville, Ky. United Catalysts said so.",
	  { "It is based in Louisville, Ky.", "United Catalysts said so.", NULL } },
	{ "state before a date", "A court in Orlando, Fla. Monday heard it. ST. JOSEPH, Mich. (AP) - Rain fell.",
	  { "A court in Orlando, Fla. Monday heard it.", "ST. JOSEPH, Mich. (AP) - Rain fell.", NULL } },
	{ "and Co.", "He works at Goldman Sachs and Co. Goldman said so. Merrill Lynch and Co. Inc. agreed.",
	  { "He works at Goldman Sachs and Co.", "Goldman said so.", "Merrill Lynch and Co. Inc. agreed.", NULL } },
	{ "and Co. L.P.", "He sued Ivan Boesky and Co. L.P. last year.", { "He sued Ivan Boesky and Co. L.P. last year.", NULL } },
	{ "Co. county", "He lives in Co. Durham now.", { "He lives in Co. Durham now.", NULL } },
	{ "p.m. line break", "It ended at 5 p.m.\nOfficials left.\n\nEnd.", { "It ended at 5 p.m.", "Officials left.", "End.", NULL } },
	{ "empty", "", { NULL } },
	{ "blank", "  \n\n  ", { NULL } },
};

static int
check_case(const struct scase *c)
{
	struct spans sp = SPANS_INIT, paras = SPANS_INIT, sents2 = SPANS_INIT, sents3 = SPANS_INIT;
	size_t len = strlen(c->text), n = 0, k, ncp = utf8_cplen(c->text, len);
	int ok = 1;

	segment_sentences(c->text, len, &sp);
	while (c->want[n])
		n++;
	if (sp.n != n)
		ok = 0;
	for (k = 0; ok && k < n; k++) {
		size_t b = utf8_byte_offset(c->text, len, sp.v[k].start);
		size_t e = utf8_byte_offset(c->text, len, sp.v[k].end);
		if (strlen(c->want[k]) != e - b || memcmp(c->want[k], c->text + b, e - b) != 0)
			ok = 0;
	}
	/* Every entry point agrees, and spans are ordered and in range. */
	segment_text(c->text, len, &paras, &sents2);
	segment_sentences_in(c->text, len, &paras, &sents3);
	if (sents2.n != sp.n || sents3.n != sp.n)
		ok = 0;
	for (k = 0; ok && k < sp.n; k++) {
		if (sents2.v[k].start != sp.v[k].start || sents2.v[k].end != sp.v[k].end ||
		    sents3.v[k].start != sp.v[k].start || sents3.v[k].end != sp.v[k].end)
			ok = 0;
		if (sp.v[k].start >= sp.v[k].end || sp.v[k].end > ncp || (k && sp.v[k].start < sp.v[k - 1].end))
			ok = 0;
	}
	if (!ok) {
		printf("FAIL %s: %s\n", c->name, c->text);
		for (k = 0; k < n; k++)
			printf("  want: [%s]\n", c->want[k]);
		for (k = 0; k < sp.n; k++) {
			size_t b = utf8_byte_offset(c->text, len, sp.v[k].start);
			size_t e = utf8_byte_offset(c->text, len, sp.v[k].end);
			printf("  got:  [%.*s]\n", (int)(e - b), c->text + b);
		}
	}
	spans_release(&sp);
	spans_release(&paras);
	spans_release(&sents2);
	spans_release(&sents3);
	return ok;
}

struct pcase {
	const char *name;
	const char *text;
	size_t n; /* number of paragraphs */
};

static const struct pcase pcases[] = {
	{ "blank lines", "One para\nwrapped line.\n\nTwo para.", 2 },
	{ "line per para", "Headline\nFirst para.\nSecond para.", 3 },
	{ "hard wrapped", "It was a long\nday for all.", 1 },
	{ "crlf", "One.\r\n\r\nTwo.\r\n", 2 },
	{ "paragraph separator", "One.\xe2\x80\xa9Two.", 2 },
	{ "empty", "", 0 },
};

static int
check_pcase(const struct pcase *c)
{
	struct spans sp = SPANS_INIT;
	int ok;

	segment_paragraphs(c->text, strlen(c->text), &sp);
	ok = sp.n == c->n;
	if (!ok)
		printf("FAIL paragraphs %s: want %zu, got %zu\n", c->name, c->n, sp.n);
	spans_release(&sp);
	return ok;
}

int
main(void)
{
	size_t k, pass = 0, fail = 0;

	for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
		check_case(&cases[k]) ? pass++ : fail++;
	for (k = 0; k < sizeof pcases / sizeof pcases[0]; k++)
		check_pcase(&pcases[k]) ? pass++ : fail++;
	/* Code-point offsets over multi-byte text: "é" is one code point. */
	{
		struct spans sp = SPANS_INIT;
		const char *t = "Été. Où?";
		segment_sentences(t, strlen(t), &sp);
		if (sp.n == 2 && sp.v[0].start == 0 && sp.v[0].end == 4 && sp.v[1].start == 5 && sp.v[1].end == 8)
			pass++;
		else {
			printf("FAIL code-point offsets\n");
			fail++;
		}
		spans_release(&sp);
	}
	/*
	 * Long runs that once made the scan quadratic (minutes for a few MB):
	 * a stop in every token, and inner quotes or brackets that never close
	 * inside a quotation.  No timing is asserted; a quadratic scan shows as a hung
	 * test.  The whole run is one sentence each time.
	 */
	{
		static const char *const units[] = { "a.", "\xc3\xa9.", "world.Today", "\xe2\x80\x98" "a ", "\xc2\xab" "a ", "(a " };
		size_t u, r, reps = 400000, len;
		for (u = 0; u < sizeof units / sizeof units[0]; u++) {
			struct spans sp = SPANS_INIT;
			size_t ul = strlen(units[u]);
			char *t = malloc(3 + reps * ul + 4);
			if (!t)
				abort();
			len = 0;
			memcpy(t, "\xe2\x80\x9c", 3); /* a quotation around it all */
			len += 3;
			for (r = 0; r < reps; r++, len += ul)
				memcpy(t + len, units[u], ul);
			memcpy(t + len, "\xe2\x80\x9d", 3);
			len += 3;
			segment_sentences(t, len, &sp);
			if (sp.n >= 1)
				pass++;
			else {
				printf("FAIL long run %zu: %zu sentences\n", u, sp.n);
				fail++;
			}
			spans_release(&sp);
			free(t);
		}
	}
	printf("%zu passed, %zu failed\n", pass, fail);
	return fail ? 1 : 0;
}
