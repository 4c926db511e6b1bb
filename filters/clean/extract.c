/*
 * extract.c - the article in a web page: main-content extraction over the
 * tree libxml2 parsed; see clean.h.
 *
 * The method takes from the extractors that do this best, each for what
 * it is good at (Readability's scoring of containers by the prose they
 * hold, trafilatura's pruning by the names sites give their furniture,
 * jusText's judging of blocks by length, links and stop words):
 *
 *  1. What a reader never sees is skipped: scripts, styles, templates,
 *     frames, forms' controls, hidden and aria-hidden elements, and text
 *     meant for screen readers only.
 *  2. The visible text is cut into blocks at block-level elements, as a
 *     browser lays it out; each block knows its element, its characters,
 *     the characters inside links, its words, stop words, commas and
 *     sentence ends.
 *  3. Each block gets a value: prose (long, or a sentence, with few links)
 *     counts its characters; a link list counts them against; a short
 *     label counts a little against.  Headings count nothing.
 *  4. Elements carry hints from their tag, role, itemprop, class and id:
 *     body (itemprop=articleBody, "article-body", "story-content"...) or
 *     furniture (nav, aside, footer, "comments", "share", "related",
 *     "newsletter", "cookie", "promo"...); and lists of teasers are found
 *     by their shape (sibling cards of a linked title and a summary).  The
 *     prose inside furniture counts against, unless the name is belied
 *     (see select_root(): a page wrapper named "with-sidebar" is not a
 *     sidebar).  Prose inside a body element counts more.
 *  5. The content root is the element whose blocks have the highest sum:
 *     the smallest subtree that takes in the article's paragraphs while
 *     leaving out what surrounds them.  A page with no prose at all keeps
 *     the element named as its body or main content.
 *  6. The root's blocks are kept in order, one a line, except those inside
 *     furniture, link lists, and the headline (h1), which is metadata.
 *
 * Every walk is iterative (a page may nest without limit), and elements
 * are numbered in document order, so a subtree is a range of numbers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "html.h"
#include "utf8.h"
#include "xalloc.h"

/* How much a short line that is neither prose nor links counts against its container, per character. */
#define SHORT_WEIGHT 0.05

/* Tag kinds that matter here. */
enum tag {
	TAG_OTHER,
	TAG_SKIP,      /* never visible: script, style, form controls... */
	TAG_BLOCK,     /* starts a line */
	TAG_BR,
	TAG_H1,
	TAG_HEADING,   /* h2..h6 */
	TAG_P,
	TAG_LI,
	TAG_QUOTE,     /* blockquote */
	TAG_PRE,
	TAG_CELL,      /* td, th */
	TAG_A,
	TAG_HTML,      /* html, body: their hints are page-wide flags */
};

/* Hints an element gives about its subtree. */
enum hint {
	HINT_NONE = 0,
	HINT_MAIN,     /* article, main: where the article usually is */
	HINT_BODY,     /* the article body by name: itemprop=articleBody, "article-body" */
	HINT_FURNITURE,/* nav, aside, "share", "related"...: not the article, unless it holds most of the prose */
	HINT_COMMENTS, /* readers' comments: never the article */
	HINT_CONTENT,  /* a name for content in the article (an embedded tweet): no hint, but it outweighs furniture */
	HINT_TEASERS,  /* a card in a list of teasers (found by shape, not name): never the article */
};

struct xel {
	xmlNode *node;
	int parent;         /* index of the parent element, or -1 */
	int end;            /* one past the index of the last element of the subtree */
	unsigned char tag;  /* enum tag */
	unsigned char hint; /* enum hint, its own */
	unsigned char furniture; /* inside trusted furniture: the hint of the outermost */
	int outer;          /* index of that furniture element, or -1 */
	int body;           /* the nearest element named as the body, itself or above, or -1 */
	unsigned char has_body; /* the element named as the body is in the subtree */
	unsigned char has_head; /* an h1, <article> or <main> is in the subtree */
	double pos;         /* sum of the positive block values in the subtree */
	double mass;        /* sum of all block values in the subtree */
	/* The subtree's text: characters, those in links, blocks, and whether a block is a link title. */
	int chars, links, nblocks;
	unsigned char title;
};

struct xstate {
	int el;        /* the element */
	int block;     /* its nearest block-level element (itself when it is one) */
	int links;     /* inside a link */
	int pre;       /* inside <pre> */
};

static const char *const skip_tags[] = {
	"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
	"audio", "video", "map", "datalist", "input", "button", "select", "textarea", "option", "optgroup",
	"link", "meta", "title", "base", "img", "picture", "source", "track", "dialog", "menuitem", NULL,
};

static const char *const block_tags[] = {
	"address", "article", "aside", "body", "caption", "center", "dd", "details", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend", "main",
	"menu", "nav", "ol", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "frameset",
	"frame", "noframes", NULL,
};

static int
in_list(const char *name, const char *const *list)
{
	/* The first byte before the whole string: most names differ there. */
	for (; *list; list++)
		if ((*list)[0] == name[0] && strcmp(name, *list) == 0)
			return 1;
	return 0;
}

static enum tag
tag_of(const xmlNode *n)
{
	const char *name = (const char *)n->name;

	if (!name)
		return TAG_OTHER;
	switch (name[0]) {
	case 'a':
		if (name[1] == '\0')
			return TAG_A;
		break;
	case 'b':
		if (strcmp(name, "br") == 0)
			return TAG_BR;
		if (strcmp(name, "blockquote") == 0)
			return TAG_QUOTE;
		if (strcmp(name, "body") == 0)
			return TAG_HTML;
		break;
	case 'h':
		if (name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
			return name[1] == '1' ? TAG_H1 : TAG_HEADING;
		if (strcmp(name, "html") == 0)
			return TAG_HTML;
		break;
	case 'l':
		if (name[1] == 'i' && name[2] == '\0')
			return TAG_LI;
		break;
	case 'p':
		if (name[1] == '\0')
			return TAG_P;
		if (strcmp(name, "pre") == 0)
			return TAG_PRE;
		break;
	case 't':
		if ((name[1] == 'd' || name[1] == 'h') && name[2] == '\0')
			return TAG_CELL;
		break;
	}
	if (in_list(name, skip_tags))
		return TAG_SKIP;
	if (in_list(name, block_tags))
		return TAG_BLOCK;
	return TAG_OTHER;
}

static int
is_blockish(enum tag t)
{
	return t != TAG_OTHER && t != TAG_A && t != TAG_SKIP;
}

/* ---- hints from names ---------------------------------------------- */

/* Words of class and id names that mark furniture. */
static const char *const furniture_words[] = {
	"share", "shares", "sharing", "sharebar", "sharetools", "social", "socials", "sociallinks", "related",
	"recommended", "recommendation", "recommendations", "recirc", "recirculation", "promo", "promos",
	"promotion", "promoted", "newsletter", "newsletters", "subscribe", "subscription", "signup", "footer",
	"cookie", "cookies", "consent", "gdpr", "sidebar", "sidebars", "rail", "widget", "widgets", "banner",
	"breadcrumb", "breadcrumbs", "nav", "navbar", "navigation", "menu", "masthead", "byline", "bylines",
	"author", "authors", "caption", "captions", "figcaption", "credit", "credits", "ad", "ads", "advert",
	"adverts", "advertisement", "advertising", "sponsor", "sponsored", "outbrain", "taboola", "trending",
	"popular", "mostread", "tags", "taglist", "pagination", "pager", "modal", "popup", "overlay", "toolbar",
	"toolbox", "tooltip", "paywall", "teaser", "teasers", "meta", "dateline", "timestamp", "header",
	"topbar", "login", "signin", "search", "follow", "skip", "print", "tools", "utility", "disclaimer",
	"infobox", "newsticker", "ticker", "crumbs", NULL,
};

static const char *const comment_words[] = {
	"comment", "comments", "commentlist", "commenting", "disqus", "replies", "respond", "discussion",
	"talkback", NULL,
};

/* Words that name content inside the article: "social-media-embed" is a tweet, not a share bar. */
static const char *const content_words[] = { "embed", "embedded", "oembed", "tweet", NULL };

/* Words that name the body when one of the second list follows them. */
static const char *const body_first[] = { "article", "story", "entry", "post", "news", "blog", "body", "main",
					   "page", "content", "rich", "single", NULL };
static const char *const body_second[] = { "body", "content", "text", "copy", "inner", NULL };
/* Names of the body written as one word. */
static const char *const body_words[] = {
	"articlebody", "articletext", "articlecontent", "storybody", "storytext", "storycontent", "bodytext",
	"bodycopy", "entrycontent", "postcontent", "postbody", "posttext", "contentbody", "richtext", NULL,
};

/*
 * The hint of one class name or id ("article-body__share", "storyContent"):
 * its words split at punctuation and at lower-to-upper case changes.  The
 * last word that means something decides, as block-element-modifier names
 * go from the whole to the part ("article-body__share" is a share bar).
 */
static enum hint
name_hint(const char *s, size_t n)
{
	char word[32], prev[32];
	size_t i = 0, wl;
	enum hint h = HINT_NONE;

	prev[0] = '\0';
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum) {
			i++;
			continue;
		}
		wl = 0;
		while (i < n) {
			c = (unsigned char)s[i];
			int lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			int upper = c >= 'A' && c <= 'Z';
			if (!lower && !upper)
				break;
			/* camelCase: a capital after a lower-case letter starts a word. */
			if (upper && wl > 0 && word[wl - 1] >= 'a' && word[wl - 1] <= 'z')
				break;
			if (wl < sizeof word - 1)
				word[wl++] = (char)(upper ? c + 32 : c);
			i++;
		}
		word[wl] = '\0';
		if (in_list(word, content_words))
			h = HINT_CONTENT;
		else if (in_list(word, comment_words))
			h = HINT_COMMENTS;
		else if (in_list(word, furniture_words))
			h = HINT_FURNITURE;
		else if (in_list(word, body_words) || (prev[0] && in_list(prev, body_first) && in_list(word, body_second) &&
							strcmp(prev, word) != 0))
			h = HINT_BODY;
		memcpy(prev, word, wl + 1);
	}
	return h;
}

/*
 * The hint of a class attribute (several names) or an id: a body name
 * wins over furniture words beside it ("article-body js-share"), for
 * such flags are often state, and so does a name for embedded content
 * ("article-widget article-tweet"); else comments, else furniture.
 */
static enum hint
names_hint(const char *v)
{
	int body = 0, comments = 0, furniture = 0, content = 0;

	while (v && *v) {
		size_t n;
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
			v++;
		n = strcspn(v, " \t\n\r");
		if (n == 0)
			break;
		switch (name_hint(v, n)) {
		case HINT_BODY:
			body = 1;
			break;
		case HINT_COMMENTS:
			comments = 1;
			break;
		case HINT_FURNITURE:
			furniture = 1;
			break;
		case HINT_CONTENT:
			content = 1;
			break;
		default:
			break;
		}
		v += n;
	}
	return body ? HINT_BODY : content ? HINT_NONE : comments ? HINT_COMMENTS : furniture ? HINT_FURNITURE : HINT_NONE;
}

static enum hint
element_hint(const xmlNode *n, enum tag t)
{
	const char *name = (const char *)n->name, *v;
	enum hint h;

	if (t == TAG_HTML)
		return HINT_NONE;
	v = html_attr(n, "itemprop");
	if (v && strstr(v, "articleBody"))
		return HINT_BODY;
	if (v && (strstr(v, "comment") || strstr(v, "author") || strstr(v, "publisher")))
		return strstr(v, "comment") ? HINT_COMMENTS : HINT_FURNITURE;
	h = names_hint(html_attr(n, "class"));
	if (h == HINT_BODY)
		return h;
	{
		enum hint hid = names_hint(html_attr(n, "id"));
		if (hid == HINT_BODY || hid == HINT_COMMENTS || (h == HINT_NONE && hid != HINT_NONE))
			h = hid;
	}
	if (h != HINT_NONE)
		return h;
	v = html_attr(n, "role");
	if (v) {
		if (strcmp(v, "main") == 0 || strcmp(v, "article") == 0)
			return HINT_MAIN;
		if (strcmp(v, "navigation") == 0 || strcmp(v, "banner") == 0 || strcmp(v, "contentinfo") == 0 ||
		    strcmp(v, "complementary") == 0 || strcmp(v, "search") == 0 || strcmp(v, "menu") == 0 ||
		    strcmp(v, "menubar") == 0 || strcmp(v, "dialog") == 0 || strcmp(v, "alertdialog") == 0)
			return HINT_FURNITURE;
	}
	if (strcmp(name, "nav") == 0 || strcmp(name, "aside") == 0 || strcmp(name, "footer") == 0 ||
	    strcmp(name, "header") == 0 || strcmp(name, "figure") == 0 || strcmp(name, "figcaption") == 0 ||
	    strcmp(name, "form") == 0 || strcmp(name, "menu") == 0)
		return HINT_FURNITURE;
	if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
		return HINT_MAIN;
	return HINT_NONE;
}

/* Text for screen readers only, and elements hidden from everyone. */
static int
invisible(const xmlNode *n)
{
	const char *v;

	if (html_is_invisible(n))
		return 1;
	v = html_attr(n, "aria-hidden");
	if (v && strcmp(v, "true") == 0)
		return 1;
	v = html_attr(n, "class");
	if (v && (strstr(v, "sr-only") || strstr(v, "visually-hidden") || strstr(v, "screen-reader") ||
		  strstr(v, "visuallyhidden") || strstr(v, "screenreader")))
		return 1;
	return 0;
}

/* ---- blocks --------------------------------------------------------- */

static void
push_el(struct extract *x, const struct xel *e)
{
	ARRAY_GROW(x->el, x->nel + 1, x->elcap);
	x->el[x->nel++] = *e;
}

static void
push_state(struct extract *x, const struct xstate *s)
{
	ARRAY_GROW(x->stack, x->sp + 1, x->stackcap);
	x->stack[x->sp++] = *s;
}

static int
terminal_cp(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
	       cp == 0x061F || cp == 0x0964;
}

static int
closer_cp(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

/* Measure the block x->text[b->start..b->end). */
static void
measure_block(const struct lexicon *lx, const char *s, struct xblock *b)
{
	size_t i = b->start, e = b->end, ws = 0;
	int in_word = 0, ascii_word = 1, unspaced = 0;
	uint32_t last = 0, prevcp = 0;
	char low[24];

	b->chars = b->words = b->stops = b->terms = b->commas = 0;
	while (i < e) {
		uint32_t cp = utf8_next(s, e, &i);
		int wc = uc_is_alpha(cp) || uc_is_digit(cp) || uc_is_mark(cp);
		b->chars++;
		/* Scripts written without spaces: about two characters a word. */
		if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x0E00 && cp <= 0x0E7F) ||
		    (cp >= 0xF900 && cp <= 0xFAFF))
			unspaced++;
		if (wc && !in_word) {
			b->words++;
			ws = i - (cp < 0x80 ? 1 : (cp < 0x800 ? 2 : (cp < 0x10000 ? 3 : 4)));
			ascii_word = 1;
		}
		if (wc && cp >= 0x80)
			ascii_word = 0;
		if (!wc && in_word && ascii_word && lx) {
			size_t wl = i - ws - (cp < 0x80 ? 1 : (cp < 0x800 ? 2 : (cp < 0x10000 ? 3 : 4)));
			if (wl < sizeof low) {
				size_t k;
				for (k = 0; k < wl; k++) {
					char c = s[ws + k];
					low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
				}
				b->stops += lexicon_is_stopword(lx, low, wl);
			}
		}
		in_word = wc;
		if (cp == ',' || cp == 0x060C || cp == 0x3001 || cp == 0xFF0C)
			b->commas++;
		if (terminal_cp(cp) && !terminal_cp(prevcp))
			b->terms++;
		if (!closer_cp(cp) && cp != ' ')
			last = cp;
		prevcp = cp;
	}
	if (in_word && ascii_word && lx && e - ws < sizeof low) {
		size_t k, wl = e - ws;
		for (k = 0; k < wl; k++) {
			char c = s[ws + k];
			low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		b->stops += lexicon_is_stopword(lx, low, wl);
	}
	b->ends_term = terminal_cp(last) || last == ':';
	b->words += unspaced / 2;
}

/* End the block being written (if it has any text). */
static void
flush(struct extract *x, const struct lexicon *lx)
{
	struct xblock *b;
	size_t start = x->block_start;

	while (x->text.len > start && x->text.buf[x->text.len - 1] == ' ')
		x->text.len--;
	if (x->text.buf)
		x->text.buf[x->text.len] = '\0';
	x->space = 0;
	if (x->text.len == start)
		return;
	ARRAY_GROW(x->b, x->nb + 1, x->bcap);
	b = &x->b[x->nb++];
	memset(b, 0, sizeof *b);
	b->start = start;
	b->end = x->text.len;
	b->el = x->sp ? x->stack[x->sp - 1].block : -1;
	b->links = x->block_links;
	measure_block(lx, x->text.buf, b);
	if (b->el >= 0) {
		b->tag = x->el[b->el].tag;
		b->h1 = b->tag == TAG_H1;
		b->line = (int)xmlGetLineNo(x->el[b->el].node);
	}
	/* One line a block: the next starts after a line break. */
	strbuf_addch(&x->text, '\n');
	x->block_start = x->text.len;
	x->block_links = 0;
}

/* Append a text node's characters, white space collapsed. */
static void
add_text(struct extract *x, const char *s, size_t n, int links)
{
	const char *run = NULL, *end = s + n;

	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
			if (run) {
				strbuf_add(&x->text, run, (size_t)(s - run));
				run = NULL;
			}
			x->space = 1;
			continue;
		}
		if (!run) {
			if (x->space && x->text.len > x->block_start)
				strbuf_addch(&x->text, ' ');
			x->space = 0;
			run = s;
		}
		if (links && (c & 0xC0) != 0x80)
			x->block_links++;
	}
	if (run)
		strbuf_add(&x->text, run, (size_t)(s - run));
}

/*
 * Walk the tree from root: number the visible elements in document order
 * and cut their text into blocks.
 */
static void
build(struct extract *x, xmlNode *root, const struct lexicon *lx)
{
	xmlNode *n = root;

	x->nel = x->nb = x->sp = 0;
	strbuf_reset(&x->text);
	x->block_start = 0;
	x->block_links = 0;
	x->space = 0;
	while (n) {
		int descend = 0;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content && x->sp > 0) {
				const struct xstate *st = &x->stack[x->sp - 1];
				if (st->pre && strchr((const char *)n->content, '\n')) {
					/* Lines of <pre> text: one block each. */
					const char *p = (const char *)n->content;
					while (*p) {
						const char *nl = strchr(p, '\n');
						size_t len = nl ? (size_t)(nl - p) : strlen(p);
						add_text(x, p, len, st->links);
						if (!nl)
							break;
						flush(x, lx);
						p = nl + 1;
					}
				} else {
					add_text(x, (const char *)n->content, strlen((const char *)n->content),
						 st->links);
				}
			}
		} else if (n->type == XML_ELEMENT_NODE && !invisible(n)) {
			enum tag t = tag_of(n);
			if (t != TAG_SKIP) {
				struct xel e;
				struct xstate st;
				memset(&e, 0, sizeof e);
				e.node = n;
				e.parent = x->sp ? x->stack[x->sp - 1].el : -1;
				e.tag = (unsigned char)t;
				e.hint = (unsigned char)element_hint(n, t);
				e.outer = -1;
				if (is_blockish(t))
					flush(x, lx);
				st.el = (int)x->nel;
				st.block = is_blockish(t) ? st.el : (x->sp ? x->stack[x->sp - 1].block : -1);
				st.links = (x->sp && x->stack[x->sp - 1].links) || (t == TAG_A && html_attr(n, "href"));
				st.pre = (x->sp && x->stack[x->sp - 1].pre) || t == TAG_PRE;
				/* The tree's node knows its number (for its siblings). */
				n->_private = (void *)(uintptr_t)(x->nel + 1);
				push_el(x, &e);
				if (n->children) {
					push_state(x, &st);
					descend = 1;
				} else {
					x->el[st.el].end = st.el + 1;
					if (is_blockish(t))
						flush(x, lx);
				}
			}
		} else if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
			descend = n->children != NULL;
			if (descend) {
				/* The document itself: a frame with no element, so the walk climbs back to it. */
				struct xstate st = { -1, -1, 0, 0 };
				push_state(x, &st);
			}
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next) {
			n = n->parent;
			if (x->sp > 0) {
				/* Leaving the element: its last block is its own. */
				int el = x->stack[x->sp - 1].el;
				if (el >= 0) {
					x->el[el].end = (int)x->nel;
					if (is_blockish(x->el[el].tag))
						flush(x, lx);
				}
				x->sp--;
			}
		}
		if (n == root)
			break;
		n = n->next;
	}
	flush(x, lx);
	x->sp = 0;
}

/* ---- the content root ----------------------------------------------- */

static double
link_density(const struct xblock *b)
{
	return b->chars ? (double)b->links / (double)b->chars : 0.0;
}

/*
 * Prose: a block a reader reads rather than clicks or skims.  Long text
 * with few links, or a sentence of a few words; when the page is in the
 * lexicon's language, a sentence must also have its stop words.
 */
static int
is_prose(const struct xblock *b, int stops_known)
{
	double ld = link_density(b);

	if (ld > 0.35 || b->words < 3)
		return 0;
	if (stops_known && b->words >= 6 && (double)b->stops / (double)b->words < 0.12)
		return 0;
	if (b->chars >= 150)
		return 1;
	return b->words >= 7 && b->ends_term && b->chars >= 40;
}

static double
block_value(const struct xblock *b, int stops_known)
{
	double ld = link_density(b);

	if (b->tag == TAG_H1 || b->tag == TAG_HEADING)
		return 0;
	if (ld > 0.5)
		return -(double)b->chars;
	if (is_prose(b, stops_known))
		return (double)b->chars * (1.0 - ld);
	return -SHORT_WEIGHT * (double)b->chars;
}




/* Characters of prose the content root must sum up to; below, a page has no prose article. */
#define MIN_PROSE 250

/*
 * A page without prose (a calendar, a results table, a list of short
 * lines): the element named as the body holds the article, else the one
 * named as main; among them, and else among all, the one with the most
 * text outside links and furniture.  fallback is the best root by prose,
 * or -1.
 */
static int
select_without_prose(struct extract *x, int fallback)
{
	size_t i, k;
	int best[3] = { -1, -1, -1 }; /* body-named, main-named, any */

	for (i = 0; i < x->nel; i++)
		x->el[i].mass = 0;
	for (k = 0; k < x->nb; k++) {
		const struct xblock *b = &x->b[k];
		if (b->el >= 0 && x->el[b->el].furniture == HINT_NONE && b->tag != TAG_H1)
			x->el[b->el].mass += (double)b->chars - 2.0 * (double)b->links;
	}
	for (i = x->nel; i-- > 0;)
		if (x->el[i].parent >= 0)
			x->el[x->el[i].parent].mass += x->el[i].mass;
	for (i = 0; i < x->nel; i++) {
		const struct xel *e = &x->el[i];
		int kind = e->hint == HINT_BODY ? 0 : e->hint == HINT_MAIN ? 1 : 2;
		if (e->furniture != HINT_NONE || e->mass <= 0)
			continue;
		if (best[kind] < 0 || e->mass >= x->el[best[kind]].mass)
			best[kind] = (int)i;
	}
	if (best[0] >= 0)
		return best[0];
	if (best[1] >= 0)
		return best[1];
	return fallback >= 0 ? fallback : best[2];
}

/* The element number of a node the walk numbered, or -1. */
static int
node_index(const struct extract *x, const xmlNode *n)
{
	uintptr_t v = (uintptr_t)n->_private;

	return v > 0 && v <= x->nel && x->el[v - 1].node == n ? (int)(v - 1) : -1;
}

/* The next element sibling the walk numbered, or -1. */
static int
next_sibling(const struct extract *x, int i)
{
	const xmlNode *n;

	for (n = x->el[i].node->next; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && node_index(x, n) >= 0)
			return node_index(x, n);
	return -1;
}

/* A teaser card: a link title and a little text beside it. */
static int
card(const struct xel *e)
{
	return e->nblocks >= 2 && e->nblocks <= 6 && e->chars <= 600 && e->title && e->links * 10 >= e->chars &&
	       e->chars - e->links >= 20;
}

static int
same_kind(const struct xel *a, const struct xel *b)
{
	const char *ca = html_attr(a->node, "class"), *cb = html_attr(b->node, "class");

	return strcmp((const char *)a->node->name, (const char *)b->node->name) == 0 &&
	       ((!ca && !cb) || (ca && cb && strcmp(ca, cb) == 0));
}

/*
 * Lists of teasers, found by their shape whatever they are called: two
 * sibling cards or more of one kind (same tag and class), each a linked
 * title and a summary.  Their summaries read like prose; they are other
 * stories.
 */
static void
mark_teaser_lists(struct extract *x)
{
	size_t i, k;

	for (i = 0; i < x->nel; i++) {
		x->el[i].chars = x->el[i].links = x->el[i].nblocks = 0;
		x->el[i].title = 0;
	}
	for (k = 0; k < x->nb; k++) {
		const struct xblock *b = &x->b[k];
		struct xel *e;
		if (b->el < 0)
			continue;
		e = &x->el[b->el];
		e->chars += b->chars;
		e->links += b->links;
		e->nblocks++;
		e->title |= b->links * 10 >= b->chars * 8 && b->chars <= 200 && b->words >= 2;
	}
	for (i = x->nel; i-- > 0;) {
		int p = x->el[i].parent;
		if (p < 0)
			continue;
		x->el[p].chars += x->el[i].chars;
		x->el[p].links += x->el[i].links;
		x->el[p].nblocks += x->el[i].nblocks;
		x->el[p].title |= x->el[i].title;
	}
	for (i = 0; i < x->nel; i++) {
		int j, run = 1;
		if (!card(&x->el[i]) || x->el[i].hint == HINT_TEASERS)
			continue;
		/* The first card of a run: no card of its kind before it. */
		for (j = next_sibling(x, (int)i); j >= 0 && card(&x->el[j]) && same_kind(&x->el[i], &x->el[j]);
		     j = next_sibling(x, j))
			run++;
		if (run < 2)
			continue;
		for (j = (int)i; run-- > 0; j = next_sibling(x, j))
			x->el[j].hint = HINT_TEASERS;
	}
}

static int
select_root(struct extract *x)
{
	size_t i, k;
	long words = 0, stops = 0;
	double total = 0;
	int stops_known, best = -1, any_body = 0;

	if (x->nel == 0)
		return -1;
	mark_teaser_lists(x);
	for (k = 0; k < x->nb; k++) {
		words += x->b[k].words;
		stops += x->b[k].stops;
	}
	/* The lexicon's stop words say something only about a page in its language. */
	stops_known = words >= 50 && stops * 10 >= words;
	for (i = 0; i < x->nel; i++)
		x->el[i].pos = x->el[i].mass = 0;
	for (k = 0; k < x->nb; k++) {
		x->b[k].value = block_value(&x->b[k], stops_known);
		if (x->b[k].el >= 0 && x->b[k].value > 0)
			x->el[x->b[k].el].pos += x->b[k].value;
	}
	for (i = 0; i < x->nel; i++) {
		x->el[i].has_body = x->el[i].hint == HINT_BODY;
		x->el[i].has_head = x->el[i].hint == HINT_MAIN || x->el[i].tag == TAG_H1;
		any_body |= x->el[i].has_body;
	}
	for (i = x->nel; i-- > 0;)
		if (x->el[i].parent >= 0) {
			x->el[x->el[i].parent].pos += x->el[i].pos;
			x->el[x->el[i].parent].has_body |= x->el[i].has_body;
			x->el[x->el[i].parent].has_head |= x->el[i].has_head;
		} else {
			total += x->el[i].pos;
		}
	/*
	 * Furniture is trusted unless it wraps the element named as the body,
	 * or holds most of the prose of the body it is in, or, on a page with
	 * no element named as the body, most of the page's prose and the
	 * page's h1 or <article> or <main>: a wrapper "with-sidebar" is not a
	 * sidebar, nor a "widget-container" inside the article body, but a
	 * "widget-area" of long prose beside a short article is a widget.
	 * Comments always are.  An element inside trusted furniture is
	 * furniture whatever it is called.
	 */
	for (i = 0; i < x->nel; i++) {
		struct xel *e = &x->el[i];
		const struct xel *p = e->parent >= 0 ? &x->el[e->parent] : NULL;
		e->furniture = p ? p->furniture : HINT_NONE;
		e->outer = p ? p->outer : -1;
		e->body = p ? p->body : -1;
		if (e->furniture == HINT_NONE && (e->hint == HINT_COMMENTS || e->hint == HINT_TEASERS)) {
			e->furniture = e->hint;
			e->outer = (int)i;
		} else if (e->furniture == HINT_NONE && e->hint == HINT_FURNITURE && !e->has_body) {
			if (e->body >= 0 ? e->pos < 0.5 * x->el[e->body].pos
					 : any_body || e->pos < 0.5 * total || !e->has_head) {
				e->furniture = e->hint;
				e->outer = (int)i;
			}
		}
		if (e->hint == HINT_BODY)
			e->body = (int)i;
	}
	for (k = 0; k < x->nb; k++) {
		struct xblock *b = &x->b[k];
		double v = b->value;
		if (b->el < 0)
			continue;
		if (x->el[b->el].furniture != HINT_NONE)
			v = v > 0 ? -v : v;
		else if (x->el[b->el].body >= 0 && v > 0)
			v *= 1.5;
		x->el[b->el].mass += v;
	}
	for (i = x->nel; i-- > 0;)
		if (x->el[i].parent >= 0)
			x->el[x->el[i].parent].mass += x->el[i].mass;
	/* The highest sum; on a tie the deeper element (it comes later). */
	for (i = 0; i < x->nel; i++)
		if (x->el[i].pos > 0 && (best < 0 || x->el[i].mass >= x->el[best].mass))
			best = (int)i;
	if (best < 0 || x->el[best].mass < MIN_PROSE)
		return select_without_prose(x, best);
	return best;
}

void
extract_run(struct extract *x, xmlDoc *doc, const struct lexicon *lx)
{
	size_t k;
	int root;

	build(x, (xmlNode *)doc, lx);
	root = select_root(x);
	x->root = root;
	for (k = 0; k < x->nb; k++) {
		struct xblock *b = &x->b[k];
		b->reason = NULL;
		b->furniture = -1;
		if (root < 0 || b->el < root || b->el >= x->el[root].end) {
			b->reason = "outside the article";
		} else if (x->el[b->el].furniture != HINT_NONE) {
			b->furniture = x->el[b->el].outer;
			b->reason = x->el[b->el].furniture == HINT_COMMENTS ? "comments"
				    : x->el[b->el].furniture == HINT_TEASERS ? "teasers" : "furniture";
		} else if (link_density(b) > 0.5) {
			b->reason = "link list";
		} else if (b->tag == TAG_H1) {
			b->reason = "headline";
		}
	}
}

xmlNode *
extract_node(const struct extract *x, int el)
{
	return el >= 0 && (size_t)el < x->nel ? x->el[el].node : NULL;
}

void
extract_release(struct extract *x)
{
	free(x->el);
	free(x->b);
	free(x->stack);
	strbuf_release(&x->text);
	memset(x, 0, sizeof *x);
}
